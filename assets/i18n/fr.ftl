# Claimdesk en français : les textes de la fenêtre.
# Un message absent ici est montré en anglais.

language-name = Français

add-claim = Ajouter comme affirmation (A)
add-evidence = Ajouter la source
add-selection-claim = Ajouter la sélection comme affirmation
add-source-selected-claim-url = Ajouter une source à l'affirmation choisie : adresse, titre, passage cité, copie archivée
add-words-selected-article-drag = Ajouter les mots sélectionnés dans l'article (glisser dessus) comme nouvelle affirmation
all = toutes
all-types = tous les types
any = tous
apply-earlier-verdict = Appliquer le verdict antérieur
archive-url = Adresse archivée
archived-copy = copie archivée
article-has-no-check-worthy = Cet article n'a pas de phrase à vérifier.
before-r = déjà : { $r }
below-threshold = Sous le seuil
below-threshold-n = Sous le seuil ({ $n })
cancel = Annuler
cancel-edit = Annuler la modification
cancel-split = Annuler la coupure
cancelling-report-file-left-was = Annulation… Le fichier du rapport reste tel quel, sauf s'il était déjà écrit.
changed-disk = Modifié sur le disque
checked-before-not-available-e = « Déjà vérifiée » n'est pas disponible : { $e }
checked-before-s = Déjà vérifiée : { $s }
checking-library = · consultation de la bibliothèque…
choose-where-save-report = Choisir où enregistrer le rapport
claim-already-has-earlier-verdict = L'affirmation a déjà le verdict, la note et les sources antérieurs.
claim-id-changed-library-who = affirmation { $id } : modifiée dans la bibliothèque par { $who } depuis l'ouverture de cette session ; la bibliothèque garde sa version
claim-library = Bibliothèque des vérifications
claim-library-list-verdicts-are = Bibliothèque des vérifications : { $list }. Vos verdicts sont dans le fichier de session.
claim-library-off-claimdesk-library = La bibliothèque des vérifications est désactivée : CLAIMDESK_LIBRARY=off était défini au démarrage de Claimdesk.
claim-library-p = Bibliothèque des vérifications : { $p }
claim-library-stopped-internal-error = La bibliothèque des vérifications s'est arrêtée sur une erreur interne ; elle redémarrera au prochain enregistrement ou à la prochaine recherche.
claim-pos-total-id = Affirmation { $pos } sur { $total } (n° { $id })
claimant = Auteur
claimant-2 = Auteur :
claimant-w = auteur : { $w }
claimdesk-closed-without-saving-review = Claimdesk s'est fermé sans enregistrer votre vérification de « { $t } » (dernière modification { $at }). La restaurer ?
claimdesk-closes-when-done = Claimdesk se fermera une fois ceci terminé.
claimdesk-library-set-v-used = CLAIMDESK_LIBRARY est défini ({ $v }) : il remplace ce champ tant que Claimdesk démarre avec.
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
date-title = { $date }, « { $title } »
discard = Abandonner
discard-2 = L'abandonner
dismiss = Fermer
dismiss-claim-librarys-message = Fermer le message de la bibliothèque des vérifications
dismiss-kept-under-dismissed-where = Écarter : gardée sous Écartées, d'où elle peut être restaurée (X)
dismissed-n = Écartées ({ $n })
done-total-reviewed = { $done } / { $total } traitées
drop-article-session-open = Déposez un article ou une session pour l'ouvrir
each-time-you-save-session = À chaque enregistrement d'une session, ses affirmations vérifiées sont inscrites dans la bibliothèque des vérifications
earlier-claim-c = Affirmation antérieure : « { $c } »
earlier-note-n = Note antérieure : { $n }
earlier-rating-r-not-one = L'évaluation antérieure « { $r } » ne correspond à aucun verdict de la rédaction : choisissez le verdict vous-même.
earlier-review-has-no-session = La vérification antérieure n'a ni fichier de session sur cet ordinateur, ni adresse web.
edit = Édition
edit-note = Modifier la note
edit-source = Modifier la source
empty-default-file-file-path = vide : le fichier par défaut ; un chemin de fichier ; ou postgres://utilisateur@hôte/base
empty-default-text-articles-language = Vide : le texte par défaut dans la langue de l'article
empty-no-library = Vide : pas de bibliothèque.
empty-p = Vide : { $p }
every-change-review-when-whom = Chaque modification de cette vérification : quand, par qui, quoi
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
first-n-all-characters-whole = (les { $n } premiers caractères sur { $all } ; toute l’affirmation est surlignée dans l’article)
format = Format
from = Du
give-selected-claim-verdict-note = Donner à l'affirmation choisie le verdict, la note et les sources de sa vérification antérieure (Déjà vérifiée), en une seule étape
go-next-match-search = Aller à l'occurrence suivante
h-w = { $h } : { $w }
help = Aide
history = Historique
i-n = { $i } sur { $n }
include-article-claims-highlighted = Inclure l'article avec les affirmations surlignées
join-claim-next-one-article = Réunir cette affirmation et la suivante dans l'article (M)
join-selected-claim-next-one = Réunir l'affirmation choisie et la suivante dans l'article
keyboard-shortcuts = Raccourcis clavier
language = Langue
language-2 = Langue :
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
methodology = Méthode
move-claims-onto-edited-version = Reporter les affirmations sur une version modifiée de l'article ; celles qui n'y sont plus restent orphelines
n-checked-before-b-apply = · déjà vérifiées : { $n } ({ $b } : appliquer, { $l } : bibliothèque)
n-found = { $n ->
    [one] { $n } trouvée
   *[other] { $n } trouvées
}
name-appears-history = Votre nom, tel qu'il apparaît dans l'historique
new-source = Nouvelle source
next-claim = Affirmation suivante
next-match = Occurrence suivante
no-change-yet = Aucune modification pour l'instant.
no-claim-library-named-name = Aucune bibliothèque des vérifications n'est indiquée : indiquez-en une dans Édition > Réglages… > Bibliothèque.
no-claim-matches-these-filters = Aucune affirmation ne correspond à ces filtres.
no-claims-threshold = Aucune affirmation à ce seuil.
no-match = aucune occurrence
no-rating = sans verdict
no-recent-file = Aucun fichier récent
not-claim = Pas une affirmation
not-claim-dismiss = Pas une affirmation (écarter)
not-found-current-version-article = Introuvables dans la version actuelle de l'article. Leurs verdicts et notes sont conservés.
not-saved-file-disk-was = Non enregistré : le fichier sur le disque est resté tel quel.
note = Note
note-2 = Note :
nothing-dismissed-press-x-not = Rien d'écarté. Appuyez sur X (ou « Pas une affirmation ») sur une phrase qui n'en est pas une.
nothing-library-matches-search = Rien dans la bibliothèque ne correspond à cette recherche.
open = Ouvrir…
open-article-txt-md-html = Ouvrir un article (.txt, .md, .html, .docx, .pdf) ou une session enregistrée (.claimdesk.json)
open-browser = Ouvrir dans le navigateur
open-earlier-review = Ouvrir la vérification antérieure
open-earlier-review-selected-claim = Ouvrir la vérification antérieure de l'affirmation choisie : sa session, sinon sa page dans le navigateur
open-recent = Ouvrir un fichier récent
open-session = Ouvrir cette session
opening-another-file = Ouverture d'un autre fichier
opening-f = Ouverture de { $f }
opening-f-2 = Ouverture de { $f }…
organisation = Organisation
organisation-report-address-reviewer-name = Rédaction, adresse des rapports, nom du vérificateur, textes de méthode et de correction
organisation-url = Adresse de l'organisation
origin = Origine :
orphaned-claims-n = Affirmations orphelines ({ $n })
part-name = partie d'un nom
paste-article = Coller comme article
paste-sources-address-first = Collez d'abord l'adresse de la source.
position-article = position dans l'article
pre-flight-check-nothing-flag = Vérification avant export : rien à signaler
previous-claim = Affirmation précédente
previous-match = Occurrence précédente
promote-claim-s = En faire une affirmation : { $s }
published = Publié :
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
restore-unsaved-work = Restaurer le travail non enregistré ?
restored-review-t-save-ctrl = Vérification de « { $t } » restaurée. Enregistrez-la (Ctrl+S) pour la garder.
review = Vérification
review-t-has-changes-that = La vérification de « { $t } » a des modifications non enregistrées. Les enregistrer d'abord ?
review-text-clipboard-new-article = Traiter le texte du presse-papiers comme un nouvel article (Ctrl+V hors d'un champ de texte)
reviewer = Vérificateur :
reviewer-name = Nom du vérificateur
reviewing-pasted-text = Vérification du texte collé
reworded-was-old = Reformulée. Avant : « { $old } »
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
search-article-matches-are-highlighted = Rechercher dans l'article ; les occurrences sont surlignées (Entrée : suivante)
search-claim-library-what-was = Chercher dans la bibliothèque des vérifications ce qui a déjà été vérifié : par mots, verdict, auteur, dates, langue
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
session-saved-but-verdicts-were = La session est enregistrée, mais ses verdicts n'ont pas été inscrits dans la bibliothèque des vérifications : { $e }
set-selected-claim-aside-not = Écarter l'affirmation choisie (rangée sous Écartées, restaurable)
set-selected-claim-back-unreviewed = Remettre l'affirmation choisie à « À vérifier »
settings = Réglages…
settings-2 = Réglages
show-list = Afficher cette liste
someone-else = quelqu'un d'autre
sort = Trier par
source-title = Titre de la source
source-url = Adresse de la source
sources = Sources :
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
title = « { $title } »
to = Au
type = Type
type-k = type : { $k }
type-note-selected-claim-esc = Écrire une note sur l'affirmation choisie (Échap quitte la note)
type-words-narrow-checklist = Taper des mots pour restreindre la liste
undo = Annuler
undo-last-change = Annuler la dernière modification
unsaved-changes = · modifications non enregistrées
unsaved-changes-2 = Modifications non enregistrées
use-selection-claims-span = Faire de la sélection le texte de l'affirmation
used-every-report-claimreview-needs = Repris dans chaque rapport : ClaimReview demande l'organisation et son adresse.
verdict = Verdict
verdict-names-colours-empty-name = Noms et couleurs des verdicts (nom vide : celui d'origine)
w-was-not-done-wait = { $w } : non fait. Attendez la fin de cette tâche, ou annulez-la, puis réessayez.
waiting-file-dialog = En attente de la fenêtre de fichiers…
wayback-machine-archive-today-copy = Copie Wayback Machine ou archive.today (facultatif)
what-write-day-yyyy-mm = { $what } : écrivez le jour sous la forme AAAA-MM-JJ (2026-03-12).
what-you-checked-whom-you = Ce que vous avez vérifié, qui vous avez consulté, ce que vous avez trouvé…
who-says-where = Qui le dit, où
matches-because-r = Pourquoi elle correspond : { $r }
because-r = Pourquoi : { $r }
words = Mots
words-claim-note-claimant = mots de l'affirmation, de la note ou de l'auteur
words-claim-title = mots de l'affirmation ou du titre
words-find-enter-next-shift = mots à trouver (Entrée : suivant, Maj+Entrée : précédent)
write-fact-check-report-markdown = Écrire le rapport de vérification : Markdown, HTML, CSV, JSON, ClaimReview ou Annotations Web
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

decimal-mark = ,
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

report-title = Rapport de vérification : { $title }
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
report-separator = {"\u00A0; "}
report-label-value = { $label } : { $value }
report-accessed = consultée le { $date }
report-archived-copy = copie archivée
report-methodology = Méthode
report-corrections = Corrections
report-made-with = Réalisé avec Claimdesk { $version }.
report-positions-note = Les positions sont des rangs de caractères dans le texte de l’article.
report-article-text = Article
report-claimreview-title = Vérification : { $title }
report-annotations-label = Affirmations de « { $title } »
# Types d’affirmations (typologie de Full Fact).
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
report-change-note-cleared = affirmation { $id } : note effacée
report-change-note-edited = affirmation { $id } : note modifiée
report-change-source-added = affirmation { $id } : source ajoutée ({ $site })
report-change-source-removed = affirmation { $id } : source { $n } retirée
report-change-source-edited = affirmation { $id } : source { $n } modifiée
report-change-claim-added = affirmation { $id } ajoutée
report-change-claim-removed = affirmation { $id } retirée
report-change-threshold = seuil fixé à { $threshold }
report-change-dismissed = affirmation { $id } écartée (ce n’est pas une affirmation)
report-change-restored = affirmation { $id } restaurée
# La méthode et la politique de corrections par défaut ; les noms de verdicts sont ceux de la rédaction.
report-methodology-text = Claimdesk a relevé les phrases vérifiables de l’article (chiffres, dates, citations, causes, prévisions). Un vérificateur a lu chacune dans son contexte, cherché la source d’origine de chaque chiffre, citation et événement, puis rendu un verdict : { $verified } (des sources primaires ou indépendantes le confirment), { $disputed } (des sources fiables le contredisent) ou { $unsourced } (aucune source ne permet de le confirmer ni de l’infirmer). Chaque verdict cite les sources consultées, avec leur date de consultation et une copie archivée quand elle existe, pour que chacun puisse refaire la vérification.
report-corrections-text = Si vous pensez que cette vérification contient une erreur, écrivez-nous en indiquant le numéro de l’affirmation et votre source. Nous corrigeons rapidement nos erreurs, indiquons en tête du rapport ce qui a changé et quand, et ne retirons jamais un verdict publié sans explication.

## Contrôle avant publication (ce qu'un rédacteur en chef relèverait)

lint-ids-more = { $ids } et { $n } de plus
lint-unreviewed = { $n ->
    [one] { $n } affirmation sur { $total } n'est pas vérifiée (affirmation { $ids }) : les rapports pour la rédaction la listent sans verdict, ceux pour les lecteurs l'omettent.
   *[other] { $n } affirmations sur { $total } ne sont pas vérifiées (affirmations { $ids }) : les rapports pour la rédaction les listent sans verdict, ceux pour les lecteurs les omettent.
}
lint-orphans = { $n ->
    [one] { $n } affirmation est introuvable dans cette version de l'article (affirmation { $ids }) : elle est exclue du rapport. Rattachez-la ou supprimez-la d'abord.
   *[other] { $n } affirmations sont introuvables dans cette version de l'article (affirmations { $ids }) : elles sont exclues du rapport. Rattachez-les ou supprimez-les d'abord.
}
lint-no-evidence = L'affirmation { $id } est « { $verdict } » mais ne cite aucune source : ajoutez celles qu'un lecteur peut consulter.
lint-few-sources = L'affirmation { $id } est « { $verdict } » sur { $n ->
    [one] { $n } source indépendante
   *[other] { $n } sources indépendantes
} : un verdict en demande au moins deux, de sites différents.
lint-no-claimant = L'affirmation { $id } n'a pas d'auteur : ClaimReview ne dira pas qui l'a faite.
lint-shortened = L'affirmation { $id } dépasse { $max } caractères : ClaimReview montre « { $short } ».
lint-no-organisation = Aucune rédaction n'est indiquée : ClaimReview demande le nom de qui publie la vérification (Réglages : Organisation, ou « organisation » dans le fichier de réglages).
lint-no-organisation-url = L'adresse web de la rédaction n'est pas indiquée : ClaimReview la demande (Réglages, ou « organisation_url » dans le fichier de réglages).
lint-bad-organisation-url = L'adresse web de la rédaction n'est pas une adresse http(s) : ClaimReview en demande une (Réglages, ou « organisation_url » dans le fichier de réglages).
lint-no-report-url = L'adresse où ce rapport est publié n'est pas indiquée : ClaimReview la demande (Réglages, ou « report_url » dans le fichier de réglages).
lint-bad-report-url = L'adresse où ce rapport est publié n'est pas une adresse http(s) : ClaimReview en demande une (Réglages, ou « report_url » dans le fichier de réglages).
lint-no-methodology = La méthode est vide : dites comment les affirmations ont été vérifiées (code de principes de l'IFCN).
## Window

# Avis et dialogues
pasted-text-name = Texte collé { $when }.txt
report-written = Rapport { $format } écrit dans { $path }
report-written-late = Rapport { $format } écrit dans { $path } (l'annulation est arrivée après l'écriture du fichier)
export-cancelled = Export annulé : { $path } n'a pas été écrit (un fichier déjà présent reste inchangé).
export-failed = Impossible d'écrire le rapport { $file } : { $why }
job-lost = « { $what } » s'est arrêté sur une erreur interne ; la vérification est restée telle quelle. Réessayez ; si cela se reproduit, signalez-le avec le fichier.
opened-with-repairs = Ouvert avec des réparations : { $list }.
open-failed = Impossible d'ouvrir { $file } : { $why }
paste-failed = Impossible de lire le texte collé : { $why }
reanchor-failed = Impossible de réancrer les affirmations sur { $file } : { $why }
save-failed = Impossible d'enregistrer { $file } : { $why }
reanchored = Réancré sur { $path } : { $summary }.
reanchored-orphans = Réancré sur { $path } : { $summary }. Les affirmations introuvables sont listées sous Affirmations orphelines.
reanchor-summary = inchangées : { $unchanged }, déplacées : { $moved }, modifiées : { $edited }, orphelines : { $orphaned }
undo-failed = Cette modification n'a pas pu être annulée ou rétablie ({ $e }) ; elle a été retirée de l'historique et la vérification est restée telle quelle.
source-changed = Le fichier de l'article { $path } a changé depuis l'enregistrement de cette vérification. Réancrer les affirmations sur la nouvelle version ? (Les affirmations introuvables sont gardées comme orphelines.)
recovery-unreadable = La copie de secours { $path } n'a pas pu être lue ({ $e }) ; elle est laissée en place.
recovery-write-failed = Impossible d'écrire la copie de secours dans { $dir } : { $e }
an-article = un article
settings-saved = Réglages enregistrés dans { $path }
settings-not-kept = Les réglages s'appliquent à cette session mais n'ont pas pu être gardés : { $e }
settings-invalid = Le fichier de réglages { $path } n'est pas valide ({ $e }) ; les valeurs par défaut sont utilisées jusqu'au prochain enregistrement des réglages.
settings-mkdir-failed = impossible de créer { $dir } : { $e }
still-busy = Claimdesk est encore occupé ({ $what }) : attendez la fin ou annulez, puis réessayez.
no-thread = « { $what } » n'a pas pu démarrer : le système a refusé un nouveau fil d'exécution ({ $e }). Fermez d'autres programmes et réessayez.
library-no-thread = La bibliothèque des vérifications n'a pas pu être utilisée : le système a refusé un nouveau fil d'exécution ({ $e }).
library-search-failed = La recherche a échoué : { $e }
no-file-dialog = Aucune fenêtre de choix de fichier n'a pu s'afficher sur ce bureau (il faut le portail de bureau XDG ou zenity). À la place, { $hint }.
no-dialog-hint-open = déposez le fichier sur la fenêtre, ou lancez Claimdesk avec : claimdesk CHEMIN
no-dialog-hint-save = ouvrez l'article depuis un dossier où vous pouvez écrire, puis appuyez sur Ctrl+S pour enregistrer à côté
no-dialog-hint-export = enregistrez la session (Ctrl+S), puis lancez : claimdesk report SESSION --format md|html|csv|json|claimreview|annotations -o RAPPORT
no-dialog-hint-new-version = enregistrez la session (Ctrl+S), puis lancez : claimdesk reanchor SESSION NOUVEL_ARTICLE

# Fenêtres de choix de fichier
pick-open-title = Ouvrir un article ou une session Claimdesk
pick-articles-sessions = Articles et sessions
pick-articles = Articles
pick-sessions = Sessions Claimdesk
pick-save-title = Enregistrer la vérification
pick-session = Session Claimdesk
pick-new-version-title = Choisir la nouvelle version de l'article

# L'en-tête, l'article, la liste
verdict-count = { $name } : { $n }
article-text = Texte de l'article
use-span-claim = Utiliser comme passage de l'affirmation { $id } ({ $key })
mark-verdict-key = Marquer « { $v } » ({ $key })
apply-group = Appliquer « { $v } » aux { $n } affirmations de ce groupe
merge-last = L'affirmation { $id } est la dernière de l'article : choisissez celle d'avant et fusionnez-la.
archive-url-error = Adresse archivée : { $e }
accessed-d = consultée le { $d }
edit-evidence-n = Modifier la source { $n }
remove-evidence-n = Retirer la source { $n }
source-url-hint = https://… (E, ou collez un lien avec Ctrl+V)
row-head = score { $s }   n° { $id }   { $kind }
score-block = score { $s } · { $block }
dismissed-text = Écartée : { $t }
orphan-text = Orpheline : { $t }
note-text = Note : { $t }
organisation-hint = Le Quotidien — cellule de vérification
name-shown-for = Nom affiché pour « { $v } »
colour-of = Couleur de « { $v } »
preflight-n-warnings = { $n ->
    [one] Vérification avant export : { $n } avertissement (il ne bloque pas l'export)
   *[other] Vérification avant export : { $n } avertissements (ils ne bloquent pas l'export)
}

# Pourquoi une phrase est une affirmation
all-reasons-n = Toutes les raisons ({ $n })
why-added-by-the-reviewer = ajoutée par le vérificateur
why-number = un nombre
why-number-what = un nombre en lettres : « { $what } »
why-several-numbers = plusieurs nombres
why-money-or-percentage = un montant ou un pourcentage
why-date = une date
why-date-what = une date : « { $what } »
why-quote = une citation
why-question = une question
why-first-person = à la première personne
why-greeting = une salutation
why-boilerplate = habillage de page
why-too-short = trop courte
why-event-what = un événement : « { $what } »
why-attribution-what = attribuée : « { $what } »
why-comparison-what = une comparaison : « { $what } »
why-causal-what = une cause : « { $what } »
why-prediction-what = une prévision : « { $what } »
why-law-or-rule-what = une loi ou une règle : « { $what } »
why-opinion-what = une opinion : « { $what } »
why-hedge-what = avec réserve : « { $what } »
why-named-entity-what = noms propres : { $what }
why-words-what = mots qui y poussent : { $what }
why-words-against-what = mots qui s'y opposent : { $what }
why-past-what = au passé : « { $what } »
why-economy-what = économie : « { $what } »
why-government-what = pouvoirs publics : « { $what } »
why-security-what = sécurité : « { $what } »
why-society-what = société : « { $what } »
why-quantity-what = une quantité : « { $what } »
why-time-span-what = une durée : « { $what } »
why-values-what = valeurs : « { $what } »
why-debate-talk-what = langage de débat : « { $what } »
why-modal-what = une modalité : « { $what } »
why-negation-what = une négation : « { $what } »
why-second-person-what = s'adresse au lecteur : « { $what } »
why-superlative-what = un superlatif : « { $what } »

# Types d'affirmation, blocs de l'article, sens des sources
kind-quantity = chiffre
kind-causation = cause
kind-law = loi ou règle
kind-prediction = prévision
kind-personal = expérience personnelle
kind-quote = citation
kind-event = événement
kind-other = autre
block-title = titre
block-heading = intertitre
block-byline = signature
block-date = date
block-paragraph = paragraphe
block-caption = légende
block-credit = crédit
stance-supports = confirme
stance-refutes = contredit

# Formats de rapport dans la fenêtre d'export
format-markdown = Markdown
format-markdown-help = Pour les éditeurs et les wikis : tout le rapport en texte.
format-html = HTML
format-html-help = Une page autonome à lire à l'écran ou à imprimer en PDF.
format-csv = CSV
format-csv-help = Une ligne par affirmation, pour les tableurs (UTF-8 avec BOM).
format-json = JSON
format-json-help = Toute la vérification pour les programmes (schemas/report.schema.json).
format-claimreview = ClaimReview JSON-LD
format-claimreview-help = Balisage schema.org pour les moteurs de recherche, un par affirmation traitée.
format-claimreview-page = Page HTML ClaimReview
format-claimreview-page-help = Le balisage ClaimReview dans une petite page à publier.
format-annotations = Annotations Web
format-annotations-help = Annotations Web du W3C, pour d'autres outils d'annotation.

# Les avertissements de la vérification avant export

# La fenêtre Historique
hist-verdict = affirmation { $id } marquée « { $verdict } »
hist-note-cleared = affirmation { $id } : note effacée
hist-note-edited = affirmation { $id } : note modifiée
hist-evidence-added = affirmation { $id } : source ajoutée ({ $host })
hist-evidence-removed = affirmation { $id } : source { $n } retirée
hist-evidence-edited = affirmation { $id } : source { $n } modifiée
hist-claim-added = affirmation { $id } ajoutée
hist-claim-removed = affirmation { $id } retirée
hist-threshold = seuil fixé à { $t }
hist-dismissed = affirmation { $id } écartée (pas une affirmation)
hist-restored = affirmation { $id } restaurée
hist-span-edited = affirmation { $id } : passage modifié
hist-split = affirmation { $id } coupée en affirmations { $id } et { $new }
hist-merged = affirmations { $a } et { $b } fusionnées
hist-threshold-moved = seuil { $from } → { $to } : affirmations ajoutées : { $added }, retirées : { $removed }
hist-group-marked = groupe de l'affirmation { $id } marqué « { $verdict } »
hist-earlier-applied = affirmation { $id } : vérification antérieure appliquée ({ $rating })
hist-undo = annulation : { $what }

# Ce qu'une modification n'a pas pu faire
err-no-such-claim = Il n'y a pas d'affirmation { $id } dans cette vérification.
err-no-such-evidence = L'affirmation { $id } n'a pas de source { $n } (elle en a { $len }).
err-duplicate-claim = Il y a déjà une affirmation { $id } dans cette vérification.
err-outside-text = L'affirmation { $id } pointe hors du texte de l'article.
err-empty-span = La sélection ne contient aucun mot ; sélectionnez d'abord les mots de l'affirmation.
err-span-taken = Ce passage est déjà l'affirmation { $id }.
err-bad-split = L'affirmation { $id } ne peut pas être coupée là : choisissez un point entre deux mots à l'intérieur de l'affirmation.
err-cannot-merge = Les affirmations { $a } et { $b } ne peuvent pas être fusionnées : il faut deux affirmations différentes.
err-not-dismissed = Il n'y a pas d'affirmation écartée { $id } dans cette vérification.
err-gone = L'affirmation { $id } ne peut pas être restaurée : son texte n'est plus dans cette version de l'article.
err-url-invalid = « { $url } » n'est pas une adresse web. Collez l'adresse complète, commençant par https://
err-url-scheme = « { $url } » n'est pas une adresse http ou https. Donnez le lien vers la page qu'un lecteur peut ouvrir.

# Ce qui diffère entre une session sur le disque et la vérification dans la fenêtre
diff-on-disk = Sur le disque :
diff-same = Ses affirmations, verdicts, notes et sources sont les mêmes qu'ici.
diff-article = le texte de l'article diffère
diff-claim = affirmation { $id } : { $what }
diff-only-there = seulement sur le disque
diff-only-here = seulement ici
diff-verdict = verdict « { $there } » sur le disque, « { $here } » ici
diff-note = la note diffère
diff-sources = { $there ->
    [one] { $there } source sur le disque
   *[other] { $there } sources sur le disque
}, { $here } ici
diff-more = { $n ->
    [one] et { $n } autre affirmation
   *[other] et { $n } autres affirmations
}

# Touches des raccourcis
key-ctrl = Ctrl
key-shift = Maj
key-alt = Alt
key-delete = Suppr
key-down = Bas
key-up = Haut

# La boîte d'export : langue et public du rapport
export-language = Langue du rapport
export-language-automatic = Automatique : { $l }
export-audience = Pour qui
export-audience-readers = Pour les lecteurs
export-audience-readers-help = Les affirmations vérifiées, les verdicts dans les mots de la rédaction, les notes et les sources : prêt à publier.
export-audience-desk = Pour la rédaction
export-audience-desk-help = Tout : affirmations non vérifiées, scores et raisons, positions, nom du fichier, historique.

## Errors
# Ouvrir, lire et enregistrer des fichiers, et la bibliothèque des vérifications.
# $e et $detail sont les mots du système ou d'un analyseur, laissés tels quels.

# Ouvrir un article
error-not-found = { $path } est introuvable. Vérifiez le chemin, ou choisissez le fichier avec Fichier > Ouvrir.
error-is-directory = { $path } est un dossier, pas un article. Choisissez un fichier .txt, .md, .html, .docx ou .pdf.
error-too-large = { $path } dépasse les { $limit } Mo que Claimdesk ouvre ({ $size } Mo lus). Ne gardez que le texte de l'article, ou coupez-le.
error-no-writer = { $path } est un tube nommé dans lequel personne n'a écrit en { $s } s. Lancez d'abord le programme qui y écrit, ou enregistrez sa sortie dans un fichier et ouvrez celui-ci.
error-too-much-text = { $path } contient plus que les { $limit } Mo de texte que Claimdesk ouvre (un document de cette taille n'est pas un seul article) ; la lecture s'est arrêtée là. Coupez-le en plusieurs documents.
error-empty = { $path } est vide : il n'y a aucun texte à vérifier.
error-binary = { $path } semble être { $what }, pas un article. Ouvrez un fichier .txt, .md, .html, .docx ou .pdf.
error-damaged = { $path } est endommagé : { $detail }. Essayez de l'enregistrer ou de l'exporter à nouveau, ou copiez son texte dans un fichier .txt.
error-unsupported = { $path } est { $what }.
error-encrypted = { $path } est protégé par un mot de passe. Retirez le mot de passe (ou imprimez-le dans un nouveau PDF) et ouvrez-le à nouveau.
error-no-text-layer = { $path } n'a pas de couche de texte : c'est une image numérisée. Claimdesk ne fait pas d'OCR ; passez d'abord le document à l'OCR, ou copiez son texte dans un fichier .txt.
error-no-text = { $path } n'a plus de texte lisible une fois retirés les en-têtes, pieds de page et autres éléments de mise en page.
error-io = impossible de lire { $path } : { $e }. Vérifiez que le fichier existe et que vous avez le droit de le lire.
# Ce qu'est un fichier qui n'est pas un article ($what ci-dessus)
error-what-binary = un fichier binaire
error-what-old-word = un ancien fichier Word .doc ou un fichier Office protégé par un mot de passe : enregistrez-le en .docx sans mot de passe
error-what-odt = un fichier OpenDocument (.odt) : enregistrez-le en .docx
error-what-zip = une archive zip sans document Word

# Lire et enregistrer une session
error-session-read = impossible de lire la session { $path } : { $e }
error-session-folder = c'est un dossier
error-session-pipe = c'est un tube nommé dans lequel personne n'a écrit en { $s } s
error-session-syntax = { $path } n'est pas une session lisible : { $detail } (ligne { $line }, colonne { $column }). Le fichier est peut-être tronqué ou modifié à la main ; ouvrez l'article lui-même pour commencer une nouvelle vérification.
error-session-not-a-session = { $path } n'a pas de « format_version » : ce n'est pas un fichier de session Claimdesk.
error-session-too-new = { $path } est une session au format { $found }, plus récent que ce que ce Claimdesk comprend (jusqu'au format { $supported }). Mettez Claimdesk à jour pour l'ouvrir.
error-session-bad-version = { $path } n'est pas une session que ce Claimdesk peut lire : son « format_version » vaut { $found }, et Claimdesk lit les formats de session 1 à { $supported }, écrits en nombre entier ("format_version": { $supported }). Si le fichier a été modifié à la main, remettez le nombre qu'il avait ; sinon ouvrez l'article lui-même pour commencer une nouvelle vérification.
error-session-invalid = { $path } contient une valeur que Claimdesk ne peut pas lire : { $detail }. Corrigez-la dans le fichier (n'importe quel éditeur de texte convient), ou ouvrez l'article lui-même pour commencer une nouvelle vérification.
error-session-too-large = { $path } dépasse les { $limit } Mo que peut faire une session ({ $size } Mo lus) : ce n'est pas une session écrite par Claimdesk.
error-session-write = impossible d'enregistrer dans { $path } : { $e }. Le fichier précédent, s'il y en a un, est inchangé ; choisissez un autre dossier avec Fichier > Enregistrer sous.
error-session-cancelled = l'écriture de { $path } a été annulée ; le fichier est tel qu'il était
error-session-busy = { $path } est utilisé par un autre Claimdesk (une fenêtre ou une commande) et était encore verrouillé après { $s } s ; rien n'a été fait. Réessayez quand il aura fini.
error-session-exists = { $path } existe déjà ; rien n'a été écrit. Choisissez un autre nom.
error-session-changed = { $path } a été modifié sur le disque depuis son ouverture ici (par une autre fenêtre ou par `claimdesk mark`) ; rien n'a été écrit. { $changes }
error-session-would-be-too-large = cette vérification ferait une session de plus de { $limit } Mo, que Claimdesk ne relit pas : { $path } n'a donc pas été écrit (le fichier précédent, s'il y en a un, est inchangé). Exportez plutôt un rapport, ou coupez l'article.

# La bibliothèque des vérifications
error-library-open = La bibliothèque des vérifications { $place } n'a pas pu être ouverte : { $detail }. Vérifiez la bibliothèque indiquée dans Édition > Réglages… > Bibliothèque (en ligne de commande : --library ou CLAIMDESK_LIBRARY) ; les vérifications continuent sans elle.
error-library-newer = La bibliothèque des vérifications { $place } a été créée par un Claimdesk plus récent (schéma { $found }, celui-ci connaît le schéma { $known }). Mettez Claimdesk à jour, ou indiquez une autre bibliothèque dans Édition > Réglages… > Bibliothèque (en ligne de commande : --library ou CLAIMDESK_LIBRARY).
error-library-busy = La bibliothèque des vérifications { $place } est occupée (un autre programme la tient) : { $detail }. Réessayez dans un instant.
error-library-engine = La bibliothèque des vérifications { $place } a échoué : { $detail }
error-library-read = Impossible de lire { $path } : { $detail }

# Une tâche arrêtée par son bouton Annuler (son résultat est abandonné)
error-job-cancelled = annulé
error-damage-structure = sa structure est illisible
error-damage-zip = ce n'est pas une archive zip complète ({ $e })
error-damage-xml = son XML est cassé à l'octet { $at } ({ $e })
error-damage-part = { $name } est illisible ({ $e })
