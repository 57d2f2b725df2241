# Claimdesk en français : les textes de la fenêtre.
# Un message absent ici est montré en anglais.

language-name = Français

add-claim = Ajouter comme affirmation (A)
add-evidence = Ajouter la source
add-selection-claim = Ajouter la sélection comme affirmation
add-source-selected-claim-url = Ajouter une source à l'affirmation choisie : adresse, titre, passage cité, copie archivée
add-words-selected-article-drag = Ajouter les mots sélectionnés dans l'article (glisser dessus) comme nouvelle affirmation
all = toutes
all-types = tous les types
any = tous
apply-earlier-verdict = Appliquer le verdict antérieur
archive-url = Adresse archivée
archived-copy = copie archivée
article-has-no-check-worthy = Cet article n'a pas de phrase à vérifier.
before-r = déjà : { $r }
below-threshold = Sous le seuil
below-threshold-n = Sous le seuil ({ $n })
cancel = Annuler
cancel-edit = Annuler la modification
cancel-split = Annuler la coupure
cancelling-report-file-left-was = Annulation… Le fichier du rapport reste tel quel, sauf s'il était déjà écrit.
changed-disk = Modifié sur le disque
checked-before-not-available-e = « Déjà vérifiée » n'est pas disponible : { $e }
checked-before-s = Déjà vérifiée : { $s }
checking-library = · consultation de la bibliothèque…
choose-where-save-report = Choisir où enregistrer le rapport
claim-already-has-earlier-verdict = L'affirmation a déjà le verdict, la note et les sources antérieurs.
claim-id-changed-library-who = affirmation { $id } : modifiée dans la bibliothèque par { $who } depuis l'ouverture de cette session ; la bibliothèque garde sa version
claim-library = Bibliothèque des vérifications
claim-library-list-verdicts-are = Bibliothèque des vérifications : { $list }. Vos verdicts sont dans le fichier de session.
claim-library-off-claimdesk-library = La bibliothèque des vérifications est désactivée : CLAIMDESK_LIBRARY=off était défini au démarrage de Claimdesk.
claim-library-p = Bibliothèque des vérifications : { $p }
claim-library-stopped-internal-error = La bibliothèque des vérifications s'est arrêtée sur une erreur interne ; elle redémarrera au prochain enregistrement ou à la prochaine recherche.
claim-pos-total-id = Affirmation { $pos } sur { $total } (n° { $id })
claimant = Auteur
claimant-2 = Auteur :
claimant-w = auteur : { $w }
claimdesk-closed-without-saving-review = Claimdesk s'est fermé sans enregistrer votre vérification de « { $t } » (dernière modification { $at }). La restaurer ?
claimdesk-closes-when-done = Claimdesk se fermera une fois ceci terminé.
claimdesk-library-set-v-used = CLAIMDESK_LIBRARY est défini ({ $v }) : il remplace ce champ tant que Claimdesk démarre avec.
claims-n = Affirmations ({ $n })
clear = Effacer
clear-filters = Effacer les filtres
close-claimdesk-asks-first-if = Fermer Claimdesk (demande d'abord s'il reste des modifications non enregistrées)
close-search = Fermer la recherche
closing = Fermeture
compare-new-version = Comparer avec une nouvelle version…
copy = Copier
corrections-policy = Politique de corrections
cut-claim-two-s = Couper cette affirmation en deux (S)
cut-selected-claim-two-point = Couper l'affirmation choisie en deux à l'endroit voulu
dark = sombre
date-title = { $date }, « { $title } »
discard = Abandonner
discard-2 = L'abandonner
dismiss = Fermer
dismiss-claim-librarys-message = Fermer le message de la bibliothèque des vérifications
dismiss-kept-under-dismissed-where = Écarter : gardée sous Écartées, d'où elle peut être restaurée (X)
dismissed-n = Écartées ({ $n })
done-total-reviewed = { $done } / { $total } traitées
drop-article-session-open = Déposez un article ou une session pour l'ouvrir
each-time-you-save-session = À chaque enregistrement d'une session, ses affirmations vérifiées sont inscrites dans la bibliothèque des vérifications
earlier-claim-c = Affirmation antérieure : « { $c } »
earlier-note-n = Note antérieure : { $n }
earlier-rating-r-not-one = L'évaluation antérieure « { $r } » ne correspond à aucun verdict de la rédaction : choisissez le verdict vous-même.
earlier-review-has-no-session = La vérification antérieure n'a ni fichier de session sur cet ordinateur, ni adresse web.
edit = Édition
edit-note = Modifier la note
edit-source = Modifier la source
empty-default-file-file-path = vide : le fichier par défaut ; un chemin de fichier ; ou postgres://utilisateur@hôte/base
empty-default-text-articles-language = Vide : le texte par défaut dans la langue de l'article
empty-no-library = Vide : pas de bibliothèque.
empty-p = Vide : { $p }
every-change-review-when-whom = Chaque modification de cette vérification : quand, par qui, quoi
evidence-n = Sources ({ $n })
export = Exporter…
export-fact-check-report = Exporter le rapport de vérification
export-report = Exporter le rapport…
exporting-f = Export vers { $f }
exporting-report = Export du rapport…
f-was-changed-since-you = { $f } a été modifié depuis que vous l'avez ouvert, par une autre fenêtre ou `claimdesk mark`. Enregistrer ici remplacerait ces modifications.
file = Fichier
filter = Filtrer
filter-claims = Filtrer les affirmations
find-article = Rechercher dans l'article…
find-next = Occurrence suivante
first-n-all-characters-whole = (les { $n } premiers caractères sur { $all } ; toute l’affirmation est surlignée dans l’article)
format = Format
from = Du
give-selected-claim-verdict-note = Donner à l'affirmation choisie le verdict, la note et les sources de sa vérification antérieure (Déjà vérifiée), en une seule étape
go-next-match-search = Aller à l'occurrence suivante
h-w = { $h } : { $w }
help = Aide
history = Historique
i-n = { $i } sur { $n }
include-article-claims-highlighted = Inclure l'article avec les affirmations surlignées
join-claim-next-one-article = Réunir cette affirmation et la suivante dans l'article (M)
join-selected-claim-next-one = Réunir l'affirmation choisie et la suivante dans l'article
keyboard-shortcuts = Raccourcis clavier
language = Langue
language-2 = Langue :
library = Bibliothèque
light = clair
make-words-selected-article-selected = Faire des mots sélectionnés dans l'article le texte de l'affirmation choisie
mark-disputed = Marquer Contestée
mark-selected-claim-disputed = Marquer l'affirmation choisie comme contestée
mark-selected-claim-unsourced = Marquer l'affirmation choisie comme non sourcée
mark-selected-claim-verified = Marquer l'affirmation choisie comme vérifiée
mark-unreviewed = Marquer À vérifier
mark-unsourced = Marquer Non sourcée
mark-verified = Marquer Vérifiée
merge-next = Fusionner avec la suivante
merge-next-claim = Fusionner avec l'affirmation suivante
methodology = Méthodologie
move-claims-onto-edited-version = Reporter les affirmations sur une version modifiée de l'article ; celles qui n'y sont plus restent orphelines
n-checked-before-b-apply = · déjà vérifiées : { $n } ({ $b } : appliquer, { $l } : bibliothèque)
n-found = { $n } trouvées
name-appears-history = Votre nom, tel qu'il apparaît dans l'historique
new-source = Nouvelle source
next-claim = Affirmation suivante
next-match = Occurrence suivante
no-change-yet = Aucune modification pour l'instant.
no-claim-library-named-name = Aucune bibliothèque des vérifications n'est indiquée : indiquez-en une dans Édition > Réglages… > Bibliothèque.
no-claim-matches-these-filters = Aucune affirmation ne correspond à ces filtres.
no-claims-threshold = Aucune affirmation à ce seuil.
no-match = aucune occurrence
no-rating = sans verdict
no-recent-file = Aucun fichier récent
not-claim = Pas une affirmation
not-claim-dismiss = Pas une affirmation (écarter)
not-found-current-version-article = Introuvables dans la version actuelle de l'article. Leurs verdicts et notes sont conservés.
not-saved-file-disk-was = Non enregistré : le fichier sur le disque est resté tel quel.
note = Note
note-2 = Note :
nothing-dismissed-press-x-not = Rien d'écarté. Appuyez sur X (ou « Pas une affirmation ») sur une phrase qui n'en est pas une.
nothing-library-matches-search = Rien dans la bibliothèque ne correspond à cette recherche.
open = Ouvrir…
open-article-txt-md-html = Ouvrir un article (.txt, .md, .html, .docx, .pdf) ou une session enregistrée (.claimdesk.json)
open-browser = Ouvrir dans le navigateur
open-earlier-review = Ouvrir la vérification antérieure
open-earlier-review-selected-claim = Ouvrir la vérification antérieure de l'affirmation choisie : sa session, sinon sa page dans le navigateur
open-recent = Ouvrir un fichier récent
open-session = Ouvrir cette session
opening-another-file = Ouverture d'un autre fichier
opening-f = Ouverture de { $f }
opening-f-2 = Ouverture de { $f }…
organisation = Organisation
organisation-report-address-reviewer-name = Rédaction, adresse des rapports, nom du vérificateur, textes de méthode et de correction
organisation-url = Adresse de l'organisation
origin = Origine :
orphaned-claims-n = Affirmations orphelines ({ $n })
part-name = partie d'un nom
paste-article = Coller comme article
paste-sources-address-first = Collez d'abord l'adresse de la source.
position-article = position dans l'article
pre-flight-check-nothing-flag = Vérification avant export : rien à signaler
previous-claim = Affirmation précédente
previous-match = Occurrence précédente
promote-claim-s = En faire une affirmation : { $s }
published = Publié :
put-caret-where-second-claim = Placez le curseur là où commence la seconde affirmation (clic ou flèches), puis Couper ici (Entrée).
quit = Quitter
quoted-passage = Passage cité
re-anchor-new-version = Réancrer sur la nouvelle version
re-anchoring-claims-f = Réancrage des affirmations sur { $f }…
re-anchoring-f = Réancrage sur { $f }
reading-pasted-text = Lecture du texte collé…
record-my-verdicts-library = Inscrire mes verdicts dans la bibliothèque
recording-claim-library-claimdesk-closes = Enregistrement dans la bibliothèque des vérifications… Claimdesk se fermera ensuite (fermez à nouveau pour quitter tout de suite).
redo = Rétablir
redo-last-undone-change = Rétablir la dernière modification annulée
refutes-claim = Contredit l'affirmation
remove = Retirer
removed-page-furniture-n = Éléments de page retirés ({ $n })
repeats-claim-g = Reprend l'affirmation { $g }
replace = Le remplacer
report-url = Adresse du rapport
restore = Restaurer
restore-claim-id = Restaurer l'affirmation { $id }
restore-unsaved-work = Restaurer le travail non enregistré ?
restored-review-t-save-ctrl = Vérification de « { $t } » restaurée. Enregistrez-la (Ctrl+S) pour la garder.
review = Vérification
review-t-has-changes-that = La vérification de « { $t } » a des modifications non enregistrées. Les enregistrer d'abord ?
review-text-clipboard-new-article = Traiter le texte du presse-papiers comme un nouvel article (Ctrl+V hors d'un champ de texte)
reviewer = Vérificateur :
reviewer-name = Nom du vérificateur
reviewing-pasted-text = Vérification du texte collé
reworded-was-old = Reformulée. Avant : « { $old } »
same-names = mêmes noms
same-numbers = mêmes nombres
same-words = mêmes mots
save = Enregistrer
save-2 = Enregistrer sous…
save-evidence = Enregistrer la source
save-review-name-claimdesk-json = Enregistrer la vérification dans NOM.claimdesk.json
save-review-under-another-name = Enregistrer la vérification sous un autre nom
save-settings = Enregistrer les réglages
saved-p = Enregistré dans { $p }
saving-f = Enregistrement dans { $f }
score = score
score-s = score { $s }
search = Chercher
search-article = Rechercher dans l'article
search-article-matches-are-highlighted = Rechercher dans l'article ; les occurrences sont surlignées (Entrée : suivante)
search-claim-library-what-was = Chercher dans la bibliothèque des vérifications ce qui a déjà été vérifié : par mots, verdict, auteur, dates, langue
searching = Recherche…
select-claim-change-first = Choisissez d'abord l'affirmation à modifier.
select-claim-click-press-j = Choisissez une affirmation (cliquez dessus, ou J / K).
select-next-claim = Choisir l'affirmation suivante
select-previous-claim = Choisir l'affirmation précédente
select-words-article-first = Sélectionnez d'abord des mots dans l'article.
select-words-article-first-drag = Sélectionnez d'abord des mots dans l'article (glissez dessus), puis appuyez sur A.
selected-claim-has-no-earlier = L'affirmation choisie n'a pas de vérification antérieure dans la bibliothèque.
sentence-source-that-supports-refutes = La phrase de la source qui confirme ou contredit l'affirmation
sentences-scoring-least-are-claims = Les phrases qui atteignent ce score sont des affirmations. Les affirmations déjà vérifiées restent.
session-saved-but-verdicts-were = La session est enregistrée, mais ses verdicts n'ont pas été inscrits dans la bibliothèque des vérifications : { $e }
set-selected-claim-aside-not = Écarter l'affirmation choisie (rangée sous Écartées, restaurable)
set-selected-claim-back-unreviewed = Remettre l'affirmation choisie à « À vérifier »
settings = Réglages…
settings-2 = Réglages
show-list = Afficher cette liste
someone-else = quelqu'un d'autre
sort = Trier par
source-title = Titre de la source
source-url = Adresse de la source
sources = Sources :
split = Couper…
split-claim = Couper l'affirmation…
split-here = Couper ici
split-point = Point de coupure
status = Statut
status-2 = statut
supports-claim = Confirme l'affirmation
system = comme le système
theme = Thème
threshold = Seuil
title = « { $title } »
to = Au
type = Type
type-k = type : { $k }
type-note-selected-claim-esc = Écrire une note sur l'affirmation choisie (Échap quitte la note)
type-words-narrow-checklist = Taper des mots pour restreindre la liste
undo = Annuler
undo-last-change = Annuler la dernière modification
unsaved-changes = · modifications non enregistrées
unsaved-changes-2 = Modifications non enregistrées
use-selection-claims-span = Faire de la sélection le texte de l'affirmation
used-every-report-claimreview-needs = Repris dans chaque rapport : ClaimReview demande l'organisation et son adresse.
verdict = Verdict
verdict-names-colours-empty-name = Noms et couleurs des verdicts (nom vide : celui d'origine)
w-was-not-done-wait = { $w } : non fait. Attendez la fin de cette tâche, ou annulez-la, puis réessayez.
waiting-file-dialog = En attente de la fenêtre de fichiers…
wayback-machine-archive-today-copy = Copie Wayback Machine ou archive.today (facultatif)
what-write-day-yyyy-mm = { $what } : écrivez le jour sous la forme AAAA-MM-JJ (2026-03-12).
what-you-checked-whom-you = Ce que vous avez vérifié, qui vous avez consulté, ce que vous avez trouvé…
who-says-where = Qui le dit, où
why-matches-r = Pourquoi elle correspond : { $r }
why-r = Pourquoi : { $r }
words = Mots
words-claim-note-claimant = mots de l'affirmation, de la note ou de l'auteur
words-claim-title = mots de l'affirmation ou du titre
words-find-enter-next-shift = mots à trouver (Entrée : suivant, Maj+Entrée : précédent)
write-fact-check-report-markdown = Écrire le rapport de vérification : Markdown, HTML, CSV, JSON, ClaimReview ou Web Annotations
yyyy-mm-dd = AAAA-MM-JJ

## Comptes

n-claims = { $n ->
    [one] { $n } affirmation
   *[other] { $n } affirmations
}

## Verdicts (les noms de la rédaction, choisis dans les Réglages, les remplacent dans les rapports)

verdict-verified = Vérifiée
verdict-disputed = Contestée
verdict-unsourced = Non sourcée
verdict-unreviewed = À vérifier

## Dates

date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-time = { $date } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Reports

report-title = Rapport de vérification : { $title }
report-field = { $label } :
report-article = Article
report-outlet = Média
report-author = Auteur
report-published = Date de publication
report-file = Fichier
report-web-address = Adresse web
report-language = Langue
report-reviewed-by = Vérifié par
report-published-by = Publié par
report-date-of-review = Date de la vérification
report-reviewed = Vérifiées
report-reviewed-of = { $total ->
    [one] { $reviewed } sur { $total } affirmation
   *[other] { $reviewed } sur { $total } affirmations
}
report-summary = Résumé
report-verdict = Verdict
report-total = Total
report-claims = Affirmations
report-claim = Affirmation { $id }
report-claim-verdict = Affirmation { $id } — { $verdict }
report-score = Score
report-type = Type
report-claimant = Auteur de l’affirmation
report-position = Position
report-characters = caractères { $start } à { $end }
report-repeats = Reprend
report-repeats-claim = l’affirmation { $id }
report-note = Note
report-previous-wording = Formulation précédente
report-sources = Sources
report-supports = confirme
report-refutes = contredit
report-separator = {" ; "}
report-label-value = { $label } : { $value }
report-accessed = consultée le { $date }
report-archived-copy = copie archivée
report-methodology = Méthode
report-corrections = Corrections
report-made-with = Réalisé avec Claimdesk { $version }.
report-positions-note = Les positions sont des rangs de caractères dans le texte de l’article.
report-article-text = Article
report-claimreview-title = Vérification : { $title }
report-annotations-label = Affirmations de « { $title } »
# Les noms de verdicts par défaut des rapports et des notes ClaimReview (les Réglages peuvent les renommer).
report-rating-verified = Vérifié
report-rating-disputed = Contesté
report-rating-unsourced = Non sourcé
# Types d’affirmations (typologie de Full Fact).
report-kind-quantity = chiffre
report-kind-causation = cause
report-kind-law = loi ou règle
report-kind-prediction = prévision
report-kind-personal = expérience personnelle
report-kind-quote = citation
report-kind-event = événement
report-kind-other = autre
# En-têtes des colonnes CSV.
report-column-id = n°
report-column-start = début
report-column-end = fin
report-column-text = texte
report-column-verdict = verdict
report-column-type = type
report-column-claimant = auteur
report-column-score = score
report-column-note = note
report-column-sources = sources
# L’historique, dans le rapport JSON.
report-change-verdict = affirmation { $id } marquée { $verdict }
report-change-note-cleared = affirmation { $id } : note effacée
report-change-note-edited = affirmation { $id } : note modifiée
report-change-source-added = affirmation { $id } : source ajoutée ({ $site })
report-change-source-removed = affirmation { $id } : source { $n } retirée
report-change-source-edited = affirmation { $id } : source { $n } modifiée
report-change-claim-added = affirmation { $id } ajoutée
report-change-claim-removed = affirmation { $id } retirée
report-change-threshold = seuil fixé à { $threshold }
report-change-dismissed = affirmation { $id } écartée (ce n’est pas une affirmation)
report-change-restored = affirmation { $id } rétablie
# La méthode et la politique de corrections par défaut ; les noms de verdicts sont ceux de la rédaction.
report-methodology-text = Claimdesk a relevé les phrases vérifiables de l’article (chiffres, dates, citations, causes, prévisions). Un vérificateur a lu chacune dans son contexte, cherché la source d’origine de chaque chiffre, citation et événement, puis rendu un verdict : { $verified } (des sources primaires ou indépendantes le confirment), { $disputed } (des sources fiables le contredisent) ou { $unsourced } (aucune source ne permet de le confirmer ni de l’infirmer). Chaque verdict cite les sources consultées, avec leur date de consultation et une copie archivée quand elle existe, pour que chacun puisse refaire la vérification.
report-corrections-text = Si vous pensez que cette vérification contient une erreur, écrivez-nous en indiquant le numéro de l’affirmation et votre source. Nous corrigeons rapidement nos erreurs, indiquons en tête du rapport ce qui a changé et quand, et ne retirons jamais un verdict publié sans explication.

## Contrôle avant publication (ce qu'un rédacteur en chef relèverait)

lint-and-more = et { $n } de plus
lint-unreviewed = { $n ->
    [one] { $n } affirmation sur { $total } n'est pas vérifiée (affirmation { $ids }) : elle figure dans le rapport sans verdict.
   *[other] { $n } affirmations sur { $total } ne sont pas vérifiées (affirmations { $ids }) : elles figurent dans le rapport sans verdict.
}
lint-orphans = { $n ->
    [one] { $n } affirmation est introuvable dans cette version de l'article (affirmation { $ids }) : elle est exclue du rapport. Rattachez-la ou supprimez-la d'abord.
   *[other] { $n } affirmations sont introuvables dans cette version de l'article (affirmations { $ids }) : elles sont exclues du rapport. Rattachez-les ou supprimez-les d'abord.
}
lint-no-evidence = L'affirmation { $id } est « { $verdict } » mais ne cite aucune source : ajoutez celles qu'un lecteur peut consulter.
lint-few-sources = L'affirmation { $id } est « { $verdict } » sur { $n ->
    [one] { $n } source indépendante
   *[other] { $n } sources indépendantes
} : un verdict en demande au moins deux, de sites différents.
lint-no-claimant = L'affirmation { $id } n'a pas d'auteur : ClaimReview ne dira pas qui l'a faite.
lint-shortened = L'affirmation { $id } dépasse { $max } caractères : ClaimReview montre « { $short } ».
lint-no-organisation = Aucune rédaction n'est indiquée : ClaimReview demande le nom de qui publie la vérification (Réglages ▸ Organisation, ou « organisation » dans le fichier de réglages).
lint-no-organisation-url = L'adresse web de la rédaction n'est pas indiquée : ClaimReview la demande (Réglages, ou « organisation_url » dans le fichier de réglages).
lint-bad-organisation-url = L'adresse web de la rédaction n'est pas une adresse http(s) : ClaimReview en demande une (Réglages, ou « organisation_url » dans le fichier de réglages).
lint-no-report-url = L'adresse où ce rapport est publié n'est pas indiquée : ClaimReview la demande (Réglages, ou « report_url » dans le fichier de réglages).
lint-bad-report-url = L'adresse où ce rapport est publié n'est pas une adresse http(s) : ClaimReview en demande une (Réglages, ou « report_url » dans le fichier de réglages).
lint-no-methodology = La méthode est vide : dites comment les affirmations ont été vérifiées (code de principes de l'IFCN).
