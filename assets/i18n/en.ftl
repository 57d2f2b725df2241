# Claimdesk in English: the window's texts (the reference every other language falls back to).
# A message's id never changes once shipped; its English text may.

language-name = English

add-claim = Add as claim (A)
add-evidence = Add evidence
add-selection-claim = Add selection as claim
add-source-selected-claim-url = Add a source to the selected claim: URL, title, quoted passage, archive copy
add-words-selected-article-drag = Add the words selected in the article (drag over them) as a new claim
all = all
all-types = all types
any = any
apply-earlier-verdict = Apply earlier verdict
archive-url = Archive URL
archived-copy = archived copy
article-has-no-check-worthy = This article has no check-worthy sentences.
before-r = before: { $r }
below-threshold = Below the threshold
below-threshold-n = Below the threshold ({ $n })
cancel = Cancel
cancel-edit = Cancel edit
cancel-split = Cancel split
cancelling-report-file-left-was = Cancelling… The report file is left as it was, unless it was already written.
changed-disk = Changed on disk
checked-before-not-available-e = Checked before is not available: { $e }
checked-before-s = Checked before: { $s }
checking-library = · checking the library…
choose-where-save-report = Choose where to save the report
claim-already-has-earlier-verdict = The claim already has the earlier verdict, note and sources.
claim-id-changed-library-who = claim { $id }: changed in the library by { $who } since you opened this session; the library keeps theirs
claim-library = Claim library
claim-library-list-verdicts-are = Claim library: { $list }. Your verdicts are in the session file.
claim-library-off-claimdesk-library = The claim library is off: CLAIMDESK_LIBRARY=off was set when Claimdesk started.
claim-library-p = Claim library: { $p }
claim-library-stopped-internal-error = The claim library stopped on an internal error; it is started again at the next save or search.
claim-pos-total-id = Claim { $pos } of { $total } (#{ $id })
claimant = Claimant
claimant-2 = Claimant:
claimant-w = claimant: { $w }
claimdesk-closed-without-saving-review = Claimdesk closed without saving your review of “{ $t }” (last change { $at }). Restore it?
claimdesk-closes-when-done = Claimdesk closes when this is done.
claimdesk-library-set-v-used = CLAIMDESK_LIBRARY is set ({ $v }): it is used instead of this field until Claimdesk starts without it.
claims-n = Claims ({ $n })
clear = Clear
clear-filters = Clear filters
close-claimdesk-asks-first-if = Close Claimdesk (asks first if there are unsaved changes)
close-search = Close search
closing = Closing
compare-new-version = Compare with new version…
copy = Copy
corrections-policy = Corrections policy
cut-claim-two-s = Cut this claim in two (S)
cut-selected-claim-two-point = Cut the selected claim in two at a point you choose
dark = dark
date-title = { $date }, “{ $title }”
discard = Discard
discard-2 = Discard it
dismiss = Dismiss
dismiss-claim-librarys-message = Dismiss the claim library's message
dismiss-kept-under-dismissed-where = Dismiss: kept under Dismissed, where it can be restored (X)
dismissed-n = Dismissed ({ $n })
done-total-reviewed = { $done } / { $total } reviewed
drop-article-session-open = Drop an article or a session to open it
each-time-you-save-session = Each time you save a session, its reviewed claims are recorded in the claim library
earlier-claim-c = Earlier claim: “{ $c }”
earlier-note-n = Earlier note: { $n }
earlier-rating-r-not-one = The earlier rating “{ $r }” is not one of the desk's verdicts: choose the verdict yourself.
earlier-review-has-no-session = The earlier review has no session file on this computer and no web address.
edit = Edit
edit-note = Edit note
edit-source = Edit source
empty-default-file-file-path = empty: the default file; a file path; or postgres://user@host/db
empty-default-text-articles-language = Empty: the default text in the article's language
empty-no-library = Empty: no library.
empty-p = Empty: { $p }
every-change-review-when-whom = Every change to this review: when, by whom, what
evidence-n = Evidence ({ $n })
export = Export…
export-fact-check-report = Export the fact-check report
export-report = Export report…
exporting-f = Exporting to { $f }
exporting-report = Exporting the report…
f-was-changed-since-you = { $f } was changed since you opened it, by another window or `claimdesk mark`. Saving here would replace those changes.
file = File
filter = Filter
filter-claims = Filter claims
find-article = Find in article…
find-next = Find next
first-n-all-characters-whole = (the first { $n } of { $all } characters; the whole claim is highlighted in the article)
format = Format
from = From
give-selected-claim-verdict-note = Give the selected claim the verdict, note and sources of its earlier review (Checked before), in one step
go-next-match-search = Go to the next match of the search
h-w = { $h }: { $w }
help = Help
history = History
i-n = { $i } of { $n }
include-article-claims-highlighted = Include the article with the claims highlighted
join-claim-next-one-article = Join this claim and the next one in the article (M)
join-selected-claim-next-one = Join the selected claim and the next one in the article
keyboard-shortcuts = Keyboard shortcuts
language = Language
language-2 = Language:
library = Library
light = light
make-words-selected-article-selected = Make the words selected in the article the selected claim's text
mark-disputed = Mark Disputed
mark-selected-claim-disputed = Mark the selected claim Disputed
mark-selected-claim-unsourced = Mark the selected claim Unsourced
mark-selected-claim-verified = Mark the selected claim Verified
mark-unreviewed = Mark Unreviewed
mark-unsourced = Mark Unsourced
mark-verified = Mark Verified
merge-next = Merge with next
merge-next-claim = Merge with next claim
methodology = Methodology
move-claims-onto-edited-version = Move the claims onto an edited version of the article; claims not found are kept as orphans
n-checked-before-b-apply = · { $n } checked before ({ $b }: apply, { $l }: library)
n-found = { $n } found
name-appears-history = Your name, as it appears in the history
new-source = New source
next-claim = Next claim
next-match = Next match
no-change-yet = No change yet.
no-claim-library-named-name = No claim library is named: name one in Edit > Settings… > Library.
no-claim-matches-these-filters = No claim matches these filters.
no-claims-threshold = No claims at this threshold.
no-match = no match
no-rating = no rating
no-recent-file = No recent file
not-claim = Not a claim
not-claim-dismiss = Not a claim (dismiss)
not-found-current-version-article = Not found in the current version of the article. Their verdicts and notes are kept.
not-saved-file-disk-was = Not saved: the file on disk was left as it is.
note = Note
note-2 = Note:
nothing-dismissed-press-x-not = Nothing dismissed. Press X (or “Not a claim”) on a claim that is not one.
nothing-library-matches-search = Nothing in the library matches this search.
open = Open…
open-article-txt-md-html = Open an article (.txt, .md, .html, .docx, .pdf) or a saved session (.claimdesk.json)
open-browser = Open in the browser
open-earlier-review = Open earlier review
open-earlier-review-selected-claim = Open the earlier review of the selected claim: its session, else its page in the browser
open-recent = Open Recent
open-session = Open this session
opening-another-file = Opening another file
opening-f = Opening { $f }
opening-f-2 = Opening { $f }…
organisation = Organisation
organisation-report-address-reviewer-name = Organisation, report address, reviewer name, methodology and corrections texts
organisation-url = Organisation URL
origin = Origin:
orphaned-claims-n = Orphaned claims ({ $n })
part-name = part of a name
paste-article = Paste as article
paste-sources-address-first = Paste the source's address first.
position-article = position in the article
pre-flight-check-nothing-flag = Pre-flight check: nothing to flag
previous-claim = Previous claim
previous-match = Previous match
promote-claim-s = Promote to claim: { $s }
published = Published:
put-caret-where-second-claim = Put the caret where the second claim begins (click or arrow keys), then Split here (Enter).
quit = Quit
quoted-passage = Quoted passage
re-anchor-new-version = Re-anchor on the new version
re-anchoring-claims-f = Re-anchoring the claims on { $f }…
re-anchoring-f = Re-anchoring on { $f }
reading-pasted-text = Reading the pasted text…
record-my-verdicts-library = Record my verdicts in the library
recording-claim-library-claimdesk-closes = Recording in the claim library… Claimdesk closes when it is done (close again to leave now).
redo = Redo
redo-last-undone-change = Redo the last undone change
refutes-claim = Refutes the claim
remove = Remove
removed-page-furniture-n = Removed page furniture ({ $n })
repeats-claim-g = Repeats claim { $g }
replace = Replace it
report-url = Report URL
restore = Restore
restore-claim-id = Restore claim { $id }
restore-unsaved-work = Restore unsaved work?
restored-review-t-save-ctrl = Restored the review of “{ $t }”. Save it (Ctrl+S) to keep it.
review = Review
review-t-has-changes-that = The review of “{ $t }” has changes that are not saved. Save them first?
review-text-clipboard-new-article = Review the text on the clipboard as a new article (Ctrl+V outside a text field)
reviewer = Reviewer:
reviewer-name = Reviewer name
reviewing-pasted-text = Reviewing the pasted text
reworded-was-old = Reworded. Was: “{ $old }”
same-names = same names
same-numbers = same numbers
same-words = same words
save = Save
save-2 = Save As…
save-evidence = Save evidence
save-review-name-claimdesk-json = Save the review as NAME.claimdesk.json
save-review-under-another-name = Save the review under another name
save-settings = Save settings
saved-p = Saved to { $p }
saving-f = Saving to { $f }
score = score
score-s = score { $s }
search = Search
search-article = Search the article
search-article-matches-are-highlighted = Search the article; matches are highlighted (Enter: next)
search-claim-library-what-was = Search the claim library: what was checked before, by words, verdict, claimant, dates, language
searching = Searching…
select-claim-change-first = Select the claim to change first.
select-claim-click-press-j = Select a claim (click it, or press J / K).
select-next-claim = Select the next claim
select-previous-claim = Select the previous claim
select-words-article-first = Select words in the article first.
select-words-article-first-drag = Select words in the article first (drag over them), then press A.
selected-claim-has-no-earlier = The selected claim has no earlier review in the library.
sentence-source-that-supports-refutes = The sentence of the source that supports or refutes the claim
sentences-scoring-least-are-claims = Sentences scoring at least this are claims. Reviewed claims always stay.
session-saved-but-verdicts-were = The session is saved, but its verdicts were not recorded in the claim library: { $e }
set-selected-claim-aside-not = Set the selected claim aside as not a claim (listed under Dismissed, restorable)
set-selected-claim-back-unreviewed = Set the selected claim back to Unreviewed
settings = Settings…
settings-2 = Settings
show-list = Show this list
someone-else = someone else
sort = Sort by
source-title = Source title
source-url = Source URL
sources = Sources:
split = Split…
split-claim = Split claim…
split-here = Split here
split-point = Split point
status = Status
status-2 = status
supports-claim = Supports the claim
system = as the system
theme = Theme
threshold = Threshold
title = “{ $title }”
to = To
type = Type
type-k = type: { $k }
type-note-selected-claim-esc = Type a note for the selected claim (Esc leaves the note)
type-words-narrow-checklist = Type words to narrow the checklist
undo = Undo
undo-last-change = Undo the last change
unsaved-changes = · unsaved changes
unsaved-changes-2 = Unsaved changes
use-selection-claims-span = Use selection as the claim's span
used-every-report-claimreview-needs = Used in every report: ClaimReview needs the organisation and its address.
verdict = Verdict
verdict-names-colours-empty-name = Verdict names and colours (empty name: the built-in one)
w-was-not-done-wait = { $w } was not done: wait until this is finished, or cancel it, and try again.
waiting-file-dialog = Waiting for the file dialog…
wayback-machine-archive-today-copy = Wayback Machine or archive.today copy (optional)
what-write-day-yyyy-mm = { $what }: write the day as YYYY-MM-DD (2026-03-12).
what-you-checked-whom-you = What you checked, whom you asked, what you found…
who-says-where = Who says it, where
matches-because-r = Why it matches: { $r }
because-r = Why: { $r }
words = Words
words-claim-note-claimant = words in the claim, note or claimant
words-claim-title = words of the claim or title
words-find-enter-next-shift = words to find (Enter: next, Shift+Enter: previous)
write-fact-check-report-markdown = Write the fact-check report: Markdown, HTML, CSV, JSON, ClaimReview or Web Annotations
yyyy-mm-dd = YYYY-MM-DD

## Counts

n-claims = { $n ->
    [one] { $n } claim
   *[other] { $n } claims
}

## Verdicts (the newsroom's own names, set in Settings, replace these in reports)

verdict-verified = Verified
verdict-disputed = Disputed
verdict-unsourced = Unsourced
verdict-unreviewed = Unreviewed

## Dates

decimal-mark = .
date-long = { $day } { $month } { $year }
date-time = { $date }, { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Reports

report-title = Fact-check report: { $title }
report-field = { $label }:
report-article = Article
report-outlet = Outlet
report-author = Author
report-published = Published
report-file = File
report-web-address = Web address
report-language = Language
report-reviewed-by = Reviewed by
report-published-by = Published by
report-date-of-review = Date of review
report-reviewed = Reviewed
report-reviewed-of = { $total ->
    [one] { $reviewed } of { $total } claim
   *[other] { $reviewed } of { $total } claims
}
report-summary = Summary
report-verdict = Verdict
report-total = Total
report-claims = Claims
report-claim = Claim { $id }
report-claim-verdict = Claim { $id } — { $verdict }
report-score = Score
report-type = Type
report-claimant = Claimant
report-position = Position
report-characters = characters { $start }–{ $end }
report-repeats = Repeats
report-repeats-claim = claim { $id }
report-note = Note
report-previous-wording = Previous wording
report-sources = Sources
report-supports = supports
report-refutes = refutes
report-separator = {"; "}
report-label-value = { $label }: { $value }
report-accessed = accessed { $date }
report-archived-copy = archived copy
report-methodology = Methodology
report-corrections = Corrections
report-made-with = Made with Claimdesk { $version }.
report-positions-note = Positions are character offsets into the article text.
report-article-text = Article
report-claimreview-title = Fact-check: { $title }
report-annotations-label = Claims in { $title }
# Claim types (Full Fact's typology).
# CSV column headers.
report-column-id = id
report-column-start = start
report-column-end = end
report-column-text = text
report-column-verdict = verdict
report-column-type = type
report-column-claimant = claimant
report-column-score = score
report-column-note = note
report-column-sources = evidence_urls
# The history, in the JSON report.
report-change-verdict = claim { $id } marked { $verdict }
report-change-note-cleared = claim { $id }: note cleared
report-change-note-edited = claim { $id }: note edited
report-change-source-added = claim { $id }: source added ({ $site })
report-change-source-removed = claim { $id }: source { $n } removed
report-change-source-edited = claim { $id }: source { $n } edited
report-change-claim-added = claim { $id } added
report-change-claim-removed = claim { $id } removed
report-change-threshold = threshold set to { $threshold }
report-change-dismissed = claim { $id } dismissed (not a claim)
report-change-restored = claim { $id } restored
# The default methodology and corrections texts; the verdict names are the newsroom's.
report-methodology-text = Claimdesk picked out the check-worthy sentences of the article (figures, dates, quotes, causes, predictions). A reviewer read each one in context, looked for the original source of every figure, quote and event, and gave a verdict: { $verified } (primary or independent sources confirm it), { $disputed } (reliable sources contradict it) or { $unsourced } (no source could be found to confirm or refute it). Each verdict lists the sources consulted, with the date they were read and an archived copy where one was made, so that anyone can repeat the check.
report-corrections-text = If you think this fact-check contains an error, write to us with the claim number and your source. We correct mistakes promptly, say at the top of the report what was changed and when, and never remove a published verdict without explanation.

## Window

# Notices and dialogs
pasted-text-name = Pasted text { $when }.txt
report-written = { $format } report written to { $path }
report-written-late = { $format } report written to { $path } (Cancel came after the file was written)
export-cancelled = Export cancelled: { $path } was not written (a file already there is unchanged).
export-failed = Could not write the report { $file }: { $why }
job-lost = “{ $what }” stopped on an internal error; the review is as it was. Try again; if it happens again, please report it with the file.
opened-with-repairs = Opened with repairs: { $list }.
open-failed = Could not open { $file }: { $why }
paste-failed = Could not read the pasted text: { $why }
reanchor-failed = Could not re-anchor the claims on { $file }: { $why }
save-failed = Could not save { $file }: { $why }
reanchored = Re-anchored on { $path }: { $summary }.
reanchored-orphans = Re-anchored on { $path }: { $summary }. Claims not found are listed under Orphaned claims.
reanchor-summary = { $unchanged } unchanged, { $moved } moved, { $edited } edited, { $orphaned } orphaned
undo-failed = That change could not be undone or redone ({ $e }); it was taken off the history, and the review is as it was.
source-changed = The article file { $path } has changed since this review was saved. Re-anchor the claims on the new version? (Claims not found are kept as orphans.)
recovery-unreadable = The recovery copy { $path } could not be read ({ $e }); it is left in place.
recovery-write-failed = Could not write the recovery copy in { $dir }: { $e }
an-article = an article
settings-saved = Settings saved to { $path }
settings-not-kept = The settings apply to this session but could not be kept: { $e }
settings-invalid = The settings file { $path } is not valid ({ $e }); defaults are used until you save the settings.
settings-mkdir-failed = could not create { $dir }: { $e }
still-busy = Claimdesk is still busy ({ $what }): wait until it is done, or cancel it, and try again.
no-thread = “{ $what }” could not start: the system refused a new thread ({ $e }). Close other programs and try again.
library-no-thread = The claim library could not be used: the system refused a new thread ({ $e }).
library-search-failed = The search failed: { $e }
no-file-dialog = No file dialog could be shown on this desktop (it needs the XDG desktop portal or zenity). Instead, { $hint }.
no-dialog-hint-open = drop the file on the window, or start Claimdesk with it: claimdesk PATH
no-dialog-hint-save = open the article from a folder you can write to, then press Ctrl+S to save next to it
no-dialog-hint-export = save the session (Ctrl+S), then run: claimdesk report SESSION --format md|html|csv|json|claimreview|annotations -o REPORT
no-dialog-hint-new-version = save the session (Ctrl+S), then run: claimdesk reanchor SESSION NEW_ARTICLE

# File dialogs
pick-open-title = Open an article or a Claimdesk session
pick-articles-sessions = Articles and sessions
pick-articles = Articles
pick-sessions = Claimdesk sessions
pick-save-title = Save the review
pick-session = Claimdesk session
pick-new-version-title = Choose the new version of the article

# The header, the article, the checklist
verdict-count = { $n } { $name }
article-text = Article text
use-span-claim = Use as the span of claim { $id } ({ $key })
mark-verdict-key = Mark { $v } ({ $key })
apply-group = Apply { $v } to all { $n } claims of this group
merge-last = Claim { $id } is the last in the article: select the claim before it and merge that one.
archive-url-error = Archive URL: { $e }
accessed-d = accessed { $d }
edit-evidence-n = Edit evidence { $n }
remove-evidence-n = Remove evidence { $n }
source-url-hint = https://… (E, or paste a link with Ctrl+V)
row-head = score { $s }   #{ $id }   { $kind }
score-block = score { $s } · { $block }
dismissed-text = Dismissed: { $t }
orphan-text = Orphan: { $t }
note-text = Note: { $t }
organisation-hint = The Daily Courier — fact-check desk
name-shown-for = Name shown for { $v }
colour-of = Colour of { $v }
preflight-n-warnings = { $n ->
    [one] Pre-flight check: { $n } warning (it does not block the export)
   *[other] Pre-flight check: { $n } warnings (they do not block the export)
}

# Why a sentence is a claim: one message per reason the extractor gives ("-what": with the
# words it found). The first line shows the strongest few; "All reasons" lists every one.
all-reasons-n = All reasons ({ $n })
why-added-by-the-reviewer = added by the reviewer
why-number = a number
why-number-what = a number in words: “{ $what }”
why-several-numbers = several numbers
why-money-or-percentage = an amount or a percentage
why-date = a date
why-date-what = a date: “{ $what }”
why-quote = a quotation
why-question = a question
why-first-person = in the first person
why-greeting = a greeting
why-boilerplate = page furniture
why-too-short = too short
why-event-what = an event: “{ $what }”
why-attribution-what = attributed: “{ $what }”
why-comparison-what = a comparison: “{ $what }”
why-causal-what = a cause: “{ $what }”
why-prediction-what = a prediction: “{ $what }”
why-law-or-rule-what = a law or rule: “{ $what }”
why-opinion-what = an opinion: “{ $what }”
why-hedge-what = hedged: “{ $what }”
why-named-entity-what = named: { $what }
why-words-what = words for it: { $what }
why-words-against-what = words against it: { $what }
why-past-what = in the past: “{ $what }”
why-economy-what = the economy: “{ $what }”
why-government-what = government: “{ $what }”
why-security-what = security: “{ $what }”
why-society-what = society: “{ $what }”
why-quantity-what = a quantity: “{ $what }”
why-time-span-what = a time span: “{ $what }”
why-values-what = values: “{ $what }”
why-debate-talk-what = debate talk: “{ $what }”
why-modal-what = a modal: “{ $what }”
why-negation-what = a negation: “{ $what }”
why-second-person-what = addresses the reader: “{ $what }”
why-superlative-what = a superlative: “{ $what }”

# Claim types, article blocks, stances
kind-quantity = quantity
kind-causation = causation
kind-law = law
kind-prediction = prediction
kind-personal = personal experience
kind-quote = quote
kind-event = event
kind-other = other
block-title = title
block-heading = heading
block-byline = byline
block-date = date
block-paragraph = paragraph
block-caption = caption
block-credit = credit
stance-supports = supports
stance-refutes = refutes

# Report formats in the export dialog
format-markdown = Markdown
format-markdown-help = For editors and wikis: the whole report as text.
format-html = HTML
format-html-help = One self-contained page to read on screen or print to PDF.
format-csv = CSV
format-csv-help = One row per claim, for spreadsheets (UTF-8 with BOM).
format-json = JSON
format-json-help = The full review for programs (schemas/report.schema.json).
format-claimreview = ClaimReview JSON-LD
format-claimreview-help = schema.org markup for search engines, one per reviewed claim.
format-claimreview-page = ClaimReview HTML page
format-claimreview-page-help = The ClaimReview markup in a small page to publish.
format-annotations = Web Annotations
format-annotations-help = W3C Web Annotations, for other annotation tools.

# The pre-flight check's warnings
lint-ids-more = { $ids }, and { $n } more
lint-unreviewed = { $n ->
    [one] { $n } of { $total } claims is unreviewed (claim { $ids }): reports for the desk list it without a verdict, reports for readers leave it out.
   *[other] { $n } of { $total } claims are unreviewed (claims { $ids }): reports for the desk list them without a verdict, reports for readers leave them out.
}
lint-orphans = { $n ->
    [one] { $n } claim could not be found in this version of the article (claim { $ids }): it is left out of the report. Re-attach or drop it first.
   *[other] { $n } claims could not be found in this version of the article (claims { $ids }): they are left out of the report. Re-attach or drop them first.
}
lint-no-evidence = Claim { $id } is “{ $verdict }” but lists no evidence: add the sources a reader can check.
lint-few-sources = Claim { $id } is “{ $verdict }” on { $n ->
    [one] { $n } independent source
   *[other] { $n } independent sources
}: a verdict wants at least two sites.
lint-no-claimant = Claim { $id } has no claimant: ClaimReview will not say who made the claim.
lint-shortened = Claim { $id } is longer than { $max } characters: ClaimReview shows “{ $short }”.
lint-no-organisation = No organisation is set: ClaimReview needs the name of who publishes the fact-check (Settings: Organisation, or "organisation" in the settings file).
lint-no-organisation-url = The organisation's web address is not set: ClaimReview needs it (Settings, or "organisation_url" in the settings file).
lint-bad-organisation-url = The organisation's web address is not an http(s) address: ClaimReview needs one (Settings, or "organisation_url" in the settings file).
lint-no-report-url = The address where this report is published is not set: ClaimReview needs it (Settings, or "report_url" in the settings file).
lint-bad-report-url = The address where this report is published is not an http(s) address: ClaimReview needs one (Settings, or "report_url" in the settings file).
lint-no-methodology = The methodology is empty: say how the claims were checked (IFCN code of principles).

# The history window
hist-verdict = claim { $id } marked { $verdict }
hist-note-cleared = claim { $id }: note cleared
hist-note-edited = claim { $id }: note edited
hist-evidence-added = claim { $id }: evidence added ({ $host })
hist-evidence-removed = claim { $id }: evidence { $n } removed
hist-evidence-edited = claim { $id }: evidence { $n } edited
hist-claim-added = claim { $id } added
hist-claim-removed = claim { $id } removed
hist-threshold = threshold set to { $t }
hist-dismissed = claim { $id } dismissed (not a claim)
hist-restored = claim { $id } restored
hist-span-edited = claim { $id }: span edited
hist-split = claim { $id } split into claims { $id } and { $new }
hist-merged = claims { $a } and { $b } merged
hist-threshold-moved = { $added ->
    [one] threshold { $from } → { $to }: { $added } claim added, { $removed } removed
   *[other] threshold { $from } → { $to }: { $added } claims added, { $removed } removed
}
hist-group-marked = group of claim { $id } marked { $verdict }
hist-earlier-applied = claim { $id }: earlier review applied ({ $rating })
hist-undo = undo: { $what }

# What a change to the review could not do
err-no-such-claim = There is no claim { $id } in this review.
err-no-such-evidence = Claim { $id } has no evidence item { $n } (it has { $len }).
err-duplicate-claim = There is already a claim { $id } in this review.
err-outside-text = Claim { $id } points outside the article text.
err-empty-span = The selection holds no words; select the words of the claim first.
err-span-taken = That passage is already claim { $id }.
err-bad-split = Claim { $id } cannot be split there: choose a point between two words inside the claim.
err-cannot-merge = Claims { $a } and { $b } cannot be merged: they must be two different claims.
err-not-dismissed = There is no dismissed claim { $id } in this review.
err-gone = Claim { $id } cannot be restored: its text is no longer in this version of the article.
err-url-invalid = “{ $url }” is not a web address. Paste the full address, starting with https://
err-url-scheme = “{ $url }” is not an http or https address. Link to the page a reader can open.

# What differs between a session on disk and the review in the window
diff-on-disk = On disk:
diff-same = Its claims, verdicts, notes and sources are the same as here.
diff-article = the article text differs
diff-claim = claim { $id }: { $what }
diff-only-there = only there
diff-only-here = only here
diff-verdict = verdict { $there } there, { $here } here
diff-note = note differs
diff-sources = { $there ->
    [one] { $there } source there
   *[other] { $there } sources there
}, { $here } here
diff-more = { $n ->
    [one] and { $n } more claim
   *[other] and { $n } more claims
}

# Keys of the shortcuts
key-ctrl = Ctrl
key-shift = Shift
key-alt = Alt
key-delete = Delete
key-down = Down
key-up = Up

# The export dialog: the report's language and audience
export-language = Report language
export-language-automatic = Automatic: { $l }
export-audience = For whom
export-audience-readers = For readers
export-audience-readers-help = The claims checked, verdicts in the newsroom's words, notes and sources: ready to publish.
export-audience-desk = For the desk
export-audience-desk-help = Everything: unchecked claims, scores and reasons, positions, the file name, the history.

## Errors
# Opening, reading and saving files and the claim library, said as the command line says them.
# $e and $detail are the system's or a parser's words, left as they come.

# Opening an article
error-not-found = { $path }: no such file. Check the path, or choose the file with File > Open.
error-is-directory = { $path } is a folder, not an article. Choose an article: .txt, .md, .html, .docx or .pdf.
error-too-large = { $path } is more than the { $limit } MB Claimdesk opens ({ $size } MB read). Keep only the article's text, or split it.
error-no-writer = { $path } is a named pipe that nobody wrote to within { $s } s. Start the program that writes to it first, or save its output to a file and open that.
error-too-much-text = { $path } unpacks to more than the { $limit } MB of text Claimdesk opens (a document this size is not one article); reading stopped there. Split it into several documents.
error-empty = { $path } is empty: there is no text to review.
error-binary = { $path } looks like { $what }, not an article. Open an article: .txt, .md, .html, .docx or .pdf.
error-damaged = { $path } is damaged: { $detail }. Try re-saving or re-exporting it, or copy its text into a .txt file.
error-unsupported = { $path } is { $what }.
error-encrypted = { $path } is password-protected. Remove the password (or print it to a new PDF) and open it again.
error-no-text-layer = { $path } has no text layer: it is a scanned image. Claimdesk does not do OCR; run the scan through OCR first, or copy its text into a .txt file.
error-no-text = { $path } has no readable text once the page furniture is taken out.
error-io = could not read { $path }: { $e }. Check that the file exists and that you may read it.
# What a file that is not an article is ($what above)
error-what-binary = a binary file
error-what-old-word = an old Word .doc or a password-protected Office file: save it as .docx without a password
error-what-odt = an OpenDocument file (.odt): save it as .docx
error-what-zip = a zip archive without a Word document in it

# Reading and saving a session
error-session-read = could not read the session { $path }: { $e }
error-session-folder = it is a folder
error-session-pipe = it is a named pipe nobody wrote to within { $s } s
error-session-syntax = { $path } is not a readable session: { $detail } (line { $line }, column { $column }). The file may be truncated or hand-edited; open the article itself to start a new review.
error-session-not-a-session = { $path } has no "format_version": it is not a Claimdesk session file.
error-session-too-new = { $path } is a session of format { $found }, newer than this Claimdesk understands (up to { $supported }). Update Claimdesk to open it.
error-session-bad-version = { $path } is not a session this Claimdesk can read: its "format_version" is { $found }, and Claimdesk reads session formats 1 to { $supported }, written as a whole number ("format_version": { $supported }). If the file was edited by hand, put back the number it had; otherwise open the article itself to start a new review.
error-session-invalid = { $path } holds a value Claimdesk cannot read: { $detail }. Correct it in the file (any text editor will do), or open the article itself to start a new review.
error-session-too-large = { $path } is more than the { $limit } MB a session may be ({ $size } MB read): it is not a session Claimdesk wrote.
error-session-write = could not save to { $path }: { $e }. The previous file, if any, is unchanged; choose another folder with File > Save As.
error-session-cancelled = writing { $path } was cancelled; the file is as it was before
error-session-busy = { $path } is in use by another Claimdesk (a window or a command) and was still locked after { $s } s; nothing was done. Try again when it is done.
error-session-exists = { $path } already exists; nothing was written. Choose another name.
error-session-changed = { $path } was changed on disk since it was opened here (by another window or `claimdesk mark`); nothing was written. { $changes }
error-session-would-be-too-large = this review would make a session larger than the { $limit } MB Claimdesk reads back, so { $path } was not written (the previous file, if any, is unchanged). Export a report instead, or split the article.

# The claim library
error-library-open = The claim library { $place } could not be opened: { $detail }. Check the library named in Edit > Settings… > Library (on the command line: --library or CLAIMDESK_LIBRARY); reviews go on without it.
error-library-newer = The claim library { $place } was made by a newer Claimdesk (schema { $found }, this one knows { $known }). Update Claimdesk, or name another library in Edit > Settings… > Library (on the command line: --library or CLAIMDESK_LIBRARY).
error-library-busy = The claim library { $place } is busy (another program holds it): { $detail }. Try again in a moment.
error-library-engine = The claim library { $place } failed: { $detail }
error-library-read = Could not read { $path }: { $detail }

# A job stopped by its Cancel button (its outcome is dropped)
error-job-cancelled = cancelled
error-damage-structure = its structure could not be read
error-damage-zip = it is not a complete zip archive ({ $e })
error-damage-xml = its XML is broken at byte { $at } ({ $e })
error-damage-part = { $name } cannot be read ({ $e })
