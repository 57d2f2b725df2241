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
    ("Below the threshold", "Sous le seuil"),
    ("Cancel", "Annuler"),
    ("Cancel split", "Annuler la coupure"),
    ("Claims ({n})", "Affirmations ({n})"),
    ("Clear filters", "Effacer les filtres"),
    (
        "Close Claimdesk (asks first if there are unsaved changes)",
        "Fermer Claimdesk (demande d'abord s'il reste des modifications non enregistrées)",
    ),
    ("Close search", "Fermer la recherche"),
    (
        "Compare with new version…",
        "Comparer avec une nouvelle version…",
    ),
    ("Copy", "Copier"),
    (
        "Cut the selected claim in two at a point you choose",
        "Couper l'affirmation choisie en deux à l'endroit voulu",
    ),
    ("Discard", "Abandonner"),
    ("Discard it", "L'abandonner"),
    ("Dismissed ({n})", "Écartées ({n})"),
    ("Edit", "Édition"),
    ("Edit note", "Modifier la note"),
    (
        "Every change to this review: when, by whom, what",
        "Chaque modification de cette vérification : quand, par qui, quoi",
    ),
    ("Evidence ({n})", "Sources ({n})"),
    ("Export report…", "Exporter le rapport…"),
    ("File", "Fichier"),
    ("Filter", "Filtrer"),
    ("Filter claims", "Filtrer les affirmations"),
    ("Find in article…", "Rechercher dans l'article…"),
    ("Find next", "Occurrence suivante"),
    (
        "Go to the next match of the search",
        "Aller à l'occurrence suivante",
    ),
    ("Help", "Aide"),
    ("History", "Historique"),
    (
        "Join the selected claim and the next one in the article",
        "Réunir l'affirmation choisie et la suivante dans l'article",
    ),
    ("Keyboard shortcuts", "Raccourcis clavier"),
    (
        "Make the words selected in the article the selected claim's text",
        "Faire des mots sélectionnés dans l'article le texte de l'affirmation choisie",
    ),
    ("Mark Disputed", "Marquer Contestée"),
    ("Mark Unreviewed", "Marquer Non vérifiée"),
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
    ("New source", "Nouvelle source"),
    ("Next claim", "Affirmation suivante"),
    ("Next match", "Occurrence suivante"),
    ("No recent file", "Aucun fichier récent"),
    ("Not a claim", "Pas une affirmation"),
    ("Not a claim (dismiss)", "Pas une affirmation (écarter)"),
    ("Note", "Note"),
    ("Open Recent", "Ouvrir un fichier récent"),
    (
        "Open an article (.txt, .md, .html, .docx, .pdf) or a saved session (.claimdesk.json)",
        "Ouvrir un article (.txt, .md, .html, .docx, .pdf) ou une session enregistrée (.claimdesk.json)",
    ),
    ("Open…", "Ouvrir…"),
    ("Orphaned claims ({n})", "Affirmations orphelines ({n})"),
    ("Paste as article", "Coller comme article"),
    ("Previous claim", "Affirmation précédente"),
    ("Previous match", "Occurrence précédente"),
    ("Quit", "Quitter"),
    ("Quoted passage", "Passage cité"),
    ("Redo", "Rétablir"),
    (
        "Redo the last undone change",
        "Rétablir la dernière modification annulée",
    ),
    ("Refutes the claim", "Contredit l'affirmation"),
    ("Remove", "Retirer"),
    ("Restore", "Restaurer"),
    (
        "Restore unsaved work?",
        "Restaurer le travail non enregistré ?",
    ),
    ("Review", "Vérification"),
    ("Save", "Enregistrer"),
    ("Save As…", "Enregistrer sous…"),
    (
        "Save the review as NAME.claimdesk.json",
        "Enregistrer la vérification dans NOM.claimdesk.json",
    ),
    (
        "Save the review under another name",
        "Enregistrer la vérification sous un autre nom",
    ),
    ("Search the article", "Rechercher dans l'article"),
    (
        "Search the article; matches are highlighted (Enter: next)",
        "Rechercher dans l'article ; les occurrences sont surlignées (Entrée : suivante)",
    ),
    ("Select the next claim", "Choisir l'affirmation suivante"),
    (
        "Select the previous claim",
        "Choisir l'affirmation précédente",
    ),
    (
        "Set the selected claim aside as not a claim (listed under Dismissed, restorable)",
        "Écarter l'affirmation choisie (rangée sous Écartées, restaurable)",
    ),
    (
        "Set the selected claim back to Unreviewed",
        "Remettre l'affirmation choisie à Non vérifiée",
    ),
    ("Settings", "Réglages"),
    ("Settings…", "Réglages…"),
    ("Show this list", "Afficher cette liste"),
    ("Sort by", "Trier par"),
    ("Source URL", "Adresse de la source"),
    ("Source title", "Titre de la source"),
    ("Split claim…", "Couper l'affirmation…"),
    ("Split here", "Couper ici"),
    ("Split…", "Couper…"),
    ("Status", "Statut"),
    ("Supports the claim", "Confirme l'affirmation"),
    ("Threshold", "Seuil"),
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
        "Write the fact-check report: Markdown, HTML, CSV, JSON, ClaimReview or Web Annotations",
        "Écrire le rapport de vérification : Markdown, HTML, CSV, JSON, ClaimReview ou Web Annotations",
    ),
    ("all", "toutes"),
    ("all types", "tous les types"),
    ("no match", "aucune occurrence"),
    ("position in the article", "position dans l'article"),
    ("score", "score"),
    ("status", "statut"),
    ("{done} / {total} reviewed", "{done} / {total} vérifiées"),
    ("{i} of {n}", "{i} sur {n}"),
    ("· unsaved changes", "· modifications non enregistrées"),
];

/// Verdict names in the window's language (the settings can rename them).
pub fn verdict_name(v: crate::review::Verdict) -> &'static str {
    use crate::review::Verdict;
    match (language(), v) {
        (Lang::En, v) => v.label(),
        (Lang::Fr, Verdict::Verified) => "Vérifiée",
        (Lang::Fr, Verdict::Disputed) => "Contestée",
        (Lang::Fr, Verdict::Unsourced) => "Non sourcée",
        (Lang::Fr, Verdict::Unreviewed) => "Non vérifiée",
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
            "3 / 9 vérifiées"
        );
        set_language(Lang::En);
        assert_eq!(tr("Open…"), "Open…");
        assert_eq!(Lang::from_code("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_code("C.UTF-8"), Lang::En);
    }
}
