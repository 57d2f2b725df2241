//! The window's language: English or French, from the settings or else the system's locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`). Texts are written in English in the code and looked up
//! in the French table below; a text missing there stays English. Placeholders `{name}` are
//! filled by `trf`.
//!
//! The language is kept per thread: the window runs on one thread, and each UI test on its own.

use std::cell::Cell;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// "fr", "fr_FR.UTF-8", "fr-CA" → French; anything else English.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The system's language, from the usual locale variables.
    pub fn system() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| Lang::from_code(&v))
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

pub fn set_language(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

pub fn language() -> Lang {
    LANG.with(Cell::get)
}

/// `text` in the window's language.
pub fn tr(text: &'static str) -> &'static str {
    match language() {
        Lang::En => text,
        Lang::Fr => FR
            .binary_search_by(|(en, _)| en.cmp(&text))
            .map_or(text, |i| FR[i].1),
    }
}

/// `tr(text)` with `{name}` placeholders replaced.
pub fn trf(text: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = tr(text).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// English → French, sorted by the English text (a test checks the order).
const FR: &[(&str, &str)] = &[
    (
        "(the first {n} of {all} characters; the whole claim is highlighted in the article)",
        "(les {n} premiers caractères sur {all} ; toute l’affirmation est surlignée dans l’article)",
    ),
    (
        "Add a source to the selected claim: URL, title, quoted passage, archive copy",
        "Ajouter une source à l'affirmation choisie : adresse, titre, passage cité, copie archivée",
    ),
    ("Add as claim (A)", "Ajouter comme affirmation (A)"),
    ("Add evidence", "Ajouter la source"),
    (
        "Add selection as claim",
        "Ajouter la sélection comme affirmation",
    ),
    (
        "Add the words selected in the article (drag over them) as a new claim",
        "Ajouter les mots sélectionnés dans l'article (glisser dessus) comme nouvelle affirmation",
    ),
    ("Apply earlier verdict", "Appliquer le verdict antérieur"),
    ("Archive URL", "Adresse archivée"),
    ("Below the threshold", "Sous le seuil"),
    ("Below the threshold ({n})", "Sous le seuil ({n})"),
    (
        "CLAIMDESK_LIBRARY is set ({v}): it is used instead of this field until Claimdesk starts without it.",
        "CLAIMDESK_LIBRARY est défini ({v}) : il remplace ce champ tant que Claimdesk démarre avec.",
    ),
    ("Cancel", "Annuler"),
    ("Cancel edit", "Annuler la modification"),
    ("Cancel split", "Annuler la coupure"),
    (
        "Cancelling… The report file is left as it was, unless it was already written.",
        "Annulation… Le fichier du rapport reste tel quel, sauf s'il était déjà écrit.",
    ),
    ("Changed on disk", "Modifié sur le disque"),
    (
        "Checked before is not available: {e}",
        "« Déjà vérifiée » n'est pas disponible : {e}",
    ),
    ("Checked before: {s}", "Déjà vérifiée : {s}"),
    (
        "Choose where to save the report",
        "Choisir où enregistrer le rapport",
    ),
    ("Claim library", "Bibliothèque des vérifications"),
    (
        "Claim library: {list}. Your verdicts are in the session file.",
        "Bibliothèque des vérifications : {list}. Vos verdicts sont dans le fichier de session.",
    ),
    ("Claim library: {p}", "Bibliothèque des vérifications : {p}"),
    (
        "Claim {pos} of {total} (#{id})",
        "Affirmation {pos} sur {total} (n° {id})",
    ),
    ("Claimant", "Auteur"),
    ("Claimant:", "Auteur :"),
    (
        "Claimdesk closed without saving your review of “{t}” (last change {at}). Restore it?",
        "Claimdesk s'est fermé sans enregistrer votre vérification de « {t} » (dernière modification {at}). La restaurer ?",
    ),
    (
        "Claimdesk closes when this is done.",
        "Claimdesk se fermera une fois ceci terminé.",
    ),
    ("Claims ({n})", "Affirmations ({n})"),
    ("Clear", "Effacer"),
    ("Clear filters", "Effacer les filtres"),
    (
        "Close Claimdesk (asks first if there are unsaved changes)",
        "Fermer Claimdesk (demande d'abord s'il reste des modifications non enregistrées)",
    ),
    ("Close search", "Fermer la recherche"),
    ("Closing", "Fermeture"),
    (
        "Compare with new version…",
        "Comparer avec une nouvelle version…",
    ),
    ("Copy", "Copier"),
    ("Corrections policy", "Politique de corrections"),
    (
        "Cut the selected claim in two at a point you choose",
        "Couper l'affirmation choisie en deux à l'endroit voulu",
    ),
    (
        "Cut this claim in two (S)",
        "Couper cette affirmation en deux (S)",
    ),
    ("Discard", "Abandonner"),
    ("Discard it", "L'abandonner"),
    ("Dismiss", "Fermer"),
    (
        "Dismiss the claim library's message",
        "Fermer le message de la bibliothèque des vérifications",
    ),
    (
        "Dismiss: kept under Dismissed, where it can be restored (X)",
        "Écarter : gardée sous Écartées, d'où elle peut être restaurée (X)",
    ),
    ("Dismissed ({n})", "Écartées ({n})"),
    (
        "Drop an article or a session to open it",
        "Déposez un article ou une session pour l'ouvrir",
    ),
    (
        "Each time you save a session, its reviewed claims are recorded in the claim library",
        "À chaque enregistrement d'une session, ses affirmations vérifiées sont inscrites dans la bibliothèque des vérifications",
    ),
    ("Earlier claim: « {c} »", "Affirmation antérieure : « {c} »"),
    ("Earlier note: {n}", "Note antérieure : {n}"),
    ("Edit", "Édition"),
    ("Edit note", "Modifier la note"),
    ("Edit source", "Modifier la source"),
    ("Empty: no library.", "Vide : pas de bibliothèque."),
    (
        "Empty: the default text in the article's language",
        "Vide : le texte par défaut dans la langue de l'article",
    ),
    ("Empty: {p}", "Vide : {p}"),
    (
        "Every change to this review: when, by whom, what",
        "Chaque modification de cette vérification : quand, par qui, quoi",
    ),
    ("Evidence ({n})", "Sources ({n})"),
    ("Export report…", "Exporter le rapport…"),
    (
        "Export the fact-check report",
        "Exporter le rapport de vérification",
    ),
    ("Exporting the report…", "Export du rapport…"),
    ("Exporting to {f}", "Export vers {f}"),
    ("Export…", "Exporter…"),
    ("File", "Fichier"),
    ("Filter", "Filtrer"),
    ("Filter claims", "Filtrer les affirmations"),
    ("Find in article…", "Rechercher dans l'article…"),
    ("Find next", "Occurrence suivante"),
    ("Format", "Format"),
    ("From", "Du"),
    (
        "Give the selected claim the verdict, note and sources of its earlier review (Checked before), in one step",
        "Donner à l'affirmation choisie le verdict, la note et les sources de sa vérification antérieure (Déjà vérifiée), en une seule étape",
    ),
    (
        "Go to the next match of the search",
        "Aller à l'occurrence suivante",
    ),
    ("Help", "Aide"),
    ("History", "Historique"),
    (
        "Include the article with the claims highlighted",
        "Inclure l'article avec les affirmations surlignées",
    ),
    (
        "Join the selected claim and the next one in the article",
        "Réunir l'affirmation choisie et la suivante dans l'article",
    ),
    (
        "Join this claim and the next one in the article (M)",
        "Réunir cette affirmation et la suivante dans l'article (M)",
    ),
    ("Keyboard shortcuts", "Raccourcis clavier"),
    ("Language", "Langue"),
    ("Language:", "Langue :"),
    ("Library", "Bibliothèque"),
    (
        "Make the words selected in the article the selected claim's text",
        "Faire des mots sélectionnés dans l'article le texte de l'affirmation choisie",
    ),
    ("Mark Disputed", "Marquer Contestée"),
    ("Mark Unreviewed", "Marquer À vérifier"),
    ("Mark Unsourced", "Marquer Non sourcée"),
    ("Mark Verified", "Marquer Vérifiée"),
    (
        "Mark the selected claim Disputed",
        "Marquer l'affirmation choisie comme contestée",
    ),
    (
        "Mark the selected claim Unsourced",
        "Marquer l'affirmation choisie comme non sourcée",
    ),
    (
        "Mark the selected claim Verified",
        "Marquer l'affirmation choisie comme vérifiée",
    ),
    ("Merge with next", "Fusionner avec la suivante"),
    (
        "Merge with next claim",
        "Fusionner avec l'affirmation suivante",
    ),
    ("Methodology", "Méthodologie"),
    ("New source", "Nouvelle source"),
    ("Next claim", "Affirmation suivante"),
    ("Next match", "Occurrence suivante"),
    ("No change yet.", "Aucune modification pour l'instant."),
    (
        "No claim library is named: name one in Edit > Settings… > Library.",
        "Aucune bibliothèque des vérifications n'est indiquée : indiquez-en une dans Édition > Réglages… > Bibliothèque.",
    ),
    (
        "No claim matches these filters.",
        "Aucune affirmation ne correspond à ces filtres.",
    ),
    (
        "No claims at this threshold.",
        "Aucune affirmation à ce seuil.",
    ),
    ("No recent file", "Aucun fichier récent"),
    ("Not a claim", "Pas une affirmation"),
    ("Not a claim (dismiss)", "Pas une affirmation (écarter)"),
    (
        "Not found in the current version of the article. Their verdicts and notes are kept.",
        "Introuvables dans la version actuelle de l'article. Leurs verdicts et notes sont conservés.",
    ),
    (
        "Not saved: the file on disk was left as it is.",
        "Non enregistré : le fichier sur le disque est resté tel quel.",
    ),
    ("Note", "Note"),
    ("Note:", "Note :"),
    (
        "Nothing dismissed. Press X (or “Not a claim”) on a claim that is not one.",
        "Rien d'écarté. Appuyez sur X (ou « Pas une affirmation ») sur une phrase qui n'en est pas une.",
    ),
    (
        "Nothing in the library matches this search.",
        "Rien dans la bibliothèque ne correspond à cette recherche.",
    ),
    ("Open Recent", "Ouvrir un fichier récent"),
    (
        "Open an article (.txt, .md, .html, .docx, .pdf) or a saved session (.claimdesk.json)",
        "Ouvrir un article (.txt, .md, .html, .docx, .pdf) ou une session enregistrée (.claimdesk.json)",
    ),
    ("Open earlier review", "Ouvrir la vérification antérieure"),
    ("Open in the browser", "Ouvrir dans le navigateur"),
    (
        "Open the earlier review of the selected claim: its session, else its page in the browser",
        "Ouvrir la vérification antérieure de l'affirmation choisie : sa session, sinon sa page dans le navigateur",
    ),
    ("Open this session", "Ouvrir cette session"),
    ("Opening another file", "Ouverture d'un autre fichier"),
    ("Opening {f}", "Ouverture de {f}"),
    ("Opening {f}…", "Ouverture de {f}…"),
    ("Open…", "Ouvrir…"),
    ("Organisation", "Organisation"),
    ("Organisation URL", "Adresse de l'organisation"),
    ("Origin:", "Origine :"),
    ("Orphaned claims ({n})", "Affirmations orphelines ({n})"),
    ("Paste as article", "Coller comme article"),
    (
        "Paste the source's address first.",
        "Collez d'abord l'adresse de la source.",
    ),
    (
        "Pre-flight check: nothing to flag",
        "Vérification avant export : rien à signaler",
    ),
    ("Previous claim", "Affirmation précédente"),
    ("Previous match", "Occurrence précédente"),
    ("Promote to claim: {s}", "En faire une affirmation : {s}"),
    ("Published:", "Publié :"),
    (
        "Put the caret where the second claim begins (click or arrow keys), then Split here (Enter).",
        "Placez le curseur là où commence la seconde affirmation (clic ou flèches), puis Couper ici (Entrée).",
    ),
    ("Quit", "Quitter"),
    ("Quoted passage", "Passage cité"),
    (
        "Re-anchor on the new version",
        "Réancrer sur la nouvelle version",
    ),
    ("Re-anchoring on {f}", "Réancrage sur {f}"),
    (
        "Re-anchoring the claims on {f}…",
        "Réancrage des affirmations sur {f}…",
    ),
    ("Reading the pasted text…", "Lecture du texte collé…"),
    (
        "Record my verdicts in the library",
        "Inscrire mes verdicts dans la bibliothèque",
    ),
    (
        "Recording in the claim library… Claimdesk closes when it is done (close again to leave now).",
        "Enregistrement dans la bibliothèque des vérifications… Claimdesk se fermera ensuite (fermez à nouveau pour quitter tout de suite).",
    ),
    ("Redo", "Rétablir"),
    (
        "Redo the last undone change",
        "Rétablir la dernière modification annulée",
    ),
    ("Refutes the claim", "Contredit l'affirmation"),
    ("Remove", "Retirer"),
    (
        "Removed page furniture ({n})",
        "Éléments de page retirés ({n})",
    ),
    ("Repeats claim {g}", "Reprend l'affirmation {g}"),
    ("Replace it", "Le remplacer"),
    ("Report URL", "Adresse du rapport"),
    ("Restore", "Restaurer"),
    ("Restore claim {id}", "Restaurer l'affirmation {id}"),
    (
        "Restore unsaved work?",
        "Restaurer le travail non enregistré ?",
    ),
    (
        "Restored the review of “{t}”. Save it (Ctrl+S) to keep it.",
        "Vérification de « {t} » restaurée. Enregistrez-la (Ctrl+S) pour la garder.",
    ),
    ("Review", "Vérification"),
    ("Reviewer name", "Nom du vérificateur"),
    ("Reviewer:", "Vérificateur :"),
    ("Reviewing the pasted text", "Vérification du texte collé"),
    ("Reworded. Was: « {old} »", "Reformulée. Avant : « {old} »"),
    ("Save", "Enregistrer"),
    ("Save As…", "Enregistrer sous…"),
    ("Save evidence", "Enregistrer la source"),
    ("Save settings", "Enregistrer les réglages"),
    (
        "Save the review as NAME.claimdesk.json",
        "Enregistrer la vérification dans NOM.claimdesk.json",
    ),
    (
        "Save the review under another name",
        "Enregistrer la vérification sous un autre nom",
    ),
    ("Saved to {p}", "Enregistré dans {p}"),
    ("Saving to {f}", "Enregistrement dans {f}"),
    ("Search", "Chercher"),
    ("Search the article", "Rechercher dans l'article"),
    (
        "Search the article; matches are highlighted (Enter: next)",
        "Rechercher dans l'article ; les occurrences sont surlignées (Entrée : suivante)",
    ),
    (
        "Search the claim library: what was checked before, by words, verdict, claimant, dates, language",
        "Chercher dans la bibliothèque des vérifications ce qui a déjà été vérifié : par mots, verdict, auteur, dates, langue",
    ),
    ("Searching…", "Recherche…"),
    (
        "Select a claim (click it, or press J / K).",
        "Choisissez une affirmation (cliquez dessus, ou J / K).",
    ),
    (
        "Select the claim to change first.",
        "Choisissez d'abord l'affirmation à modifier.",
    ),
    ("Select the next claim", "Choisir l'affirmation suivante"),
    (
        "Select the previous claim",
        "Choisir l'affirmation précédente",
    ),
    (
        "Select words in the article first (drag over them), then press A.",
        "Sélectionnez d'abord des mots dans l'article (glissez dessus), puis appuyez sur A.",
    ),
    (
        "Select words in the article first.",
        "Sélectionnez d'abord des mots dans l'article.",
    ),
    (
        "Sentences scoring at least this are claims. Reviewed claims always stay.",
        "Les phrases qui atteignent ce score sont des affirmations. Les affirmations déjà vérifiées restent.",
    ),
    (
        "Set the selected claim aside as not a claim (listed under Dismissed, restorable)",
        "Écarter l'affirmation choisie (rangée sous Écartées, restaurable)",
    ),
    (
        "Set the selected claim back to Unreviewed",
        "Remettre l'affirmation choisie à « À vérifier »",
    ),
    ("Settings", "Réglages"),
    ("Settings…", "Réglages…"),
    ("Show this list", "Afficher cette liste"),
    ("Sort by", "Trier par"),
    ("Source URL", "Adresse de la source"),
    ("Source title", "Titre de la source"),
    ("Sources:", "Sources :"),
    ("Split claim…", "Couper l'affirmation…"),
    ("Split here", "Couper ici"),
    ("Split point", "Point de coupure"),
    ("Split…", "Couper…"),
    ("Status", "Statut"),
    ("Supports the claim", "Confirme l'affirmation"),
    (
        "The claim already has the earlier verdict, note and sources.",
        "L'affirmation a déjà le verdict, la note et les sources antérieurs.",
    ),
    (
        "The claim library is off: CLAIMDESK_LIBRARY=off was set when Claimdesk started.",
        "La bibliothèque des vérifications est désactivée : CLAIMDESK_LIBRARY=off était défini au démarrage de Claimdesk.",
    ),
    (
        "The claim library stopped on an internal error; it is started again at the next save or search.",
        "La bibliothèque des vérifications s'est arrêtée sur une erreur interne ; elle redémarrera au prochain enregistrement ou à la prochaine recherche.",
    ),
    (
        "The earlier rating “{r}” is not one of the desk's verdicts: choose the verdict yourself.",
        "L'évaluation antérieure « {r} » ne correspond à aucun verdict de la rédaction : choisissez le verdict vous-même.",
    ),
    (
        "The earlier review has no session file on this computer and no web address.",
        "La vérification antérieure n'a ni fichier de session sur cet ordinateur, ni adresse web.",
    ),
    (
        "The review of “{t}” has changes that are not saved. Save them first?",
        "La vérification de « {t} » a des modifications non enregistrées. Les enregistrer d'abord ?",
    ),
    (
        "The selected claim has no earlier review in the library.",
        "L'affirmation choisie n'a pas de vérification antérieure dans la bibliothèque.",
    ),
    (
        "The sentence of the source that supports or refutes the claim",
        "La phrase de la source qui confirme ou contredit l'affirmation",
    ),
    (
        "The session is saved, but its verdicts were not recorded in the claim library: {e}",
        "La session est enregistrée, mais ses verdicts n'ont pas été inscrits dans la bibliothèque des vérifications : {e}",
    ),
    ("Theme", "Thème"),
    (
        "This article has no check-worthy sentences.",
        "Cet article n'a pas de phrase à vérifier.",
    ),
    ("Threshold", "Seuil"),
    ("To", "Au"),
    ("Type", "Type"),
    (
        "Type a note for the selected claim (Esc leaves the note)",
        "Écrire une note sur l'affirmation choisie (Échap quitte la note)",
    ),
    (
        "Type words to narrow the checklist",
        "Taper des mots pour restreindre la liste",
    ),
    ("Undo", "Annuler"),
    ("Undo the last change", "Annuler la dernière modification"),
    ("Unsaved changes", "Modifications non enregistrées"),
    (
        "Use selection as the claim's span",
        "Faire de la sélection le texte de l'affirmation",
    ),
    (
        "Used in every report: ClaimReview needs the organisation and its address.",
        "Repris dans chaque rapport : ClaimReview demande l'organisation et son adresse.",
    ),
    ("Verdict", "Verdict"),
    (
        "Verdict names and colours (empty name: the built-in one)",
        "Noms et couleurs des verdicts (nom vide : celui d'origine)",
    ),
    (
        "Waiting for the file dialog…",
        "En attente de la fenêtre de fichiers…",
    ),
    (
        "Wayback Machine or archive.today copy (optional)",
        "Copie Wayback Machine ou archive.today (facultatif)",
    ),
    (
        "What you checked, whom you asked, what you found…",
        "Ce que vous avez vérifié, qui vous avez consulté, ce que vous avez trouvé…",
    ),
    ("Who says it, where", "Qui le dit, où"),
    ("Why it matches: {r}", "Pourquoi elle correspond : {r}"),
    ("Why: {r}", "Pourquoi : {r}"),
    ("Words", "Mots"),
    (
        "Write the fact-check report: Markdown, HTML, CSV, JSON, ClaimReview or Web Annotations",
        "Écrire le rapport de vérification : Markdown, HTML, CSV, JSON, ClaimReview ou Web Annotations",
    ),
    ("YYYY-MM-DD", "AAAA-MM-JJ"),
    (
        "Your name, as it appears in the history",
        "Votre nom, tel qu'il apparaît dans l'historique",
    ),
    ("all", "toutes"),
    ("all types", "tous les types"),
    ("any", "tous"),
    ("archived copy", "copie archivée"),
    ("as the system", "comme le système"),
    ("before: {r}", "déjà : {r}"),
    (
        "claim {id}: changed in the library by {who} since you opened this session; the library keeps theirs",
        "affirmation {id} : modifiée dans la bibliothèque par {who} depuis l'ouverture de cette session ; la bibliothèque garde sa version",
    ),
    ("claimant: {w}", "auteur : {w}"),
    ("dark", "sombre"),
    (
        "empty: the default file; a file path; or postgres://user@host/db",
        "vide : le fichier par défaut ; un chemin de fichier ; ou postgres://utilisateur@hôte/base",
    ),
    ("light", "clair"),
    ("no match", "aucune occurrence"),
    ("no rating", "sans verdict"),
    ("part of a name", "partie d'un nom"),
    ("position in the article", "position dans l'article"),
    ("same names", "mêmes noms"),
    ("same numbers", "mêmes nombres"),
    ("same words", "mêmes mots"),
    ("score", "score"),
    ("score {s}", "score {s}"),
    ("someone else", "quelqu'un d'autre"),
    ("status", "statut"),
    ("type: {k}", "type : {k}"),
    (
        "words in the claim, note or claimant",
        "mots de l'affirmation, de la note ou de l'auteur",
    ),
    (
        "words of the claim or title",
        "mots de l'affirmation ou du titre",
    ),
    (
        "words to find (Enter: next, Shift+Enter: previous)",
        "mots à trouver (Entrée : suivant, Maj+Entrée : précédent)",
    ),
    ("{date}, «{title}»", "{date}, « {title} »"),
    ("{done} / {total} reviewed", "{done} / {total} traitées"),
    (
        "{f} was changed since you opened it, by another window or `claimdesk mark`. Saving here would replace those changes.",
        "{f} a été modifié depuis que vous l'avez ouvert, par une autre fenêtre ou `claimdesk mark`. Enregistrer ici remplacerait ces modifications.",
    ),
    ("{h}: {w}", "{h} : {w}"),
    ("{i} of {n}", "{i} sur {n}"),
    ("{n} found", "{n} trouvées"),
    (
        "{what}: write the day as YYYY-MM-DD (2026-03-12).",
        "{what} : écrivez le jour sous la forme AAAA-MM-JJ (2026-03-12).",
    ),
    (
        "{w} was not done: wait until this is finished, or cancel it, and try again.",
        "{w} : non fait. Attendez la fin de cette tâche, ou annulez-la, puis réessayez.",
    ),
    ("«{title}»", "« {title} »"),
    (
        "· checking the library…",
        "· consultation de la bibliothèque…",
    ),
    ("· unsaved changes", "· modifications non enregistrées"),
    (
        "· {n} checked before ({b}: apply, {l}: library)",
        "· déjà vérifiées : {n} ({b} : appliquer, {l} : bibliothèque)",
    ),
];

/// Verdict names in the window's language (the settings can rename them).
pub fn verdict_name(v: crate::review::Verdict) -> &'static str {
    use crate::review::Verdict;
    match (language(), v) {
        (Lang::En, v) => v.label(),
        (Lang::Fr, Verdict::Verified) => "Vérifiée",
        (Lang::Fr, Verdict::Disputed) => "Contestée",
        (Lang::Fr, Verdict::Unsourced) => "Non sourcée",
        (Lang::Fr, Verdict::Unreviewed) => "À vérifier",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_has_no_duplicates() {
        for w in FR.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?} before {:?}", w[0].0, w[1].0);
        }
    }

    #[test]
    fn french_is_looked_up_and_unknown_texts_stay_english() {
        set_language(Lang::Fr);
        assert_eq!(tr("Open…"), "Ouvrir…");
        assert_eq!(tr("Something new"), "Something new");
        assert_eq!(
            trf("{done} / {total} reviewed", &[("done", &3), ("total", &9)]),
            "3 / 9 traitées"
        );
        set_language(Lang::En);
        assert_eq!(tr("Open…"), "Open…");
        assert_eq!(Lang::from_code("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_code("C.UTF-8"), Lang::En);
    }
}
