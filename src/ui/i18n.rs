//! The window's language: the one chosen in Settings, else the system's. The texts themselves
//! are Fluent messages (`crate::i18n`, `assets/i18n/*.ftl`); the code names them by id.
//!
//! The language is kept per thread: the window runs on one thread, and each UI test on its own.

use std::cell::Cell;

pub use crate::i18n::Lang;
use crate::report::Format;
use crate::review::{Action, Review, ReviewError, Stance, UrlError};

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::EN) };
}

pub fn set_language(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

pub fn language() -> Lang {
    LANG.with(Cell::get)
}

/// Message `id` in the window's language.
pub fn tr(id: &str) -> &'static str {
    language().text_static(id)
}

/// Message `id` in the window's language, its `{ $name }` placeholders filled.
pub fn trf(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    language().format(id, args)
}

/// Verdict names in the window's language (the settings can rename them).
pub fn verdict_name(v: crate::review::Verdict) -> &'static str {
    tr(v.message_id())
}

/// Message `id` when English has it, else `fallback` (a name the core made that has no message).
fn tr_or(id: &str, fallback: &str) -> String {
    if Lang::EN.has(id) {
        tr(id).to_string()
    } else {
        fallback.to_string()
    }
}

/// A claim type ("quantity", "quote") in the window's language.
pub fn kind_name(kind: &str) -> String {
    tr_or(&format!("kind-{kind}"), kind)
}

/// A block of the article ("paragraph", "caption") in the window's language.
pub fn block_name(block: crate::article::BlockKind) -> String {
    let label = block.label();
    tr_or(&format!("block-{label}"), label)
}

/// Whether a source supports or refutes the claim, in the window's language.
pub fn stance_name(stance: Stance) -> &'static str {
    match stance {
        Stance::Supports => tr("stance-supports"),
        Stance::Refutes => tr("stance-refutes"),
    }
}

fn format_id(f: Format) -> &'static str {
    match f {
        Format::Markdown => "format-markdown",
        Format::Html => "format-html",
        Format::Csv => "format-csv",
        Format::Json => "format-json",
        Format::ClaimReview => "format-claimreview",
        Format::ClaimReviewPage => "format-claimreview-page",
        Format::Annotations => "format-annotations",
    }
}

/// A report format's name in the window's language ("Web Annotations").
pub fn format_name(f: Format) -> &'static str {
    tr(format_id(f))
}

/// One line on what a report format is for, in the window's language.
pub fn format_help(f: Format) -> &'static str {
    tr(&format!("{}-help", format_id(f)))
}

/// Why a change to the review could not be made, in the window's language.
pub fn review_error(e: &ReviewError) -> String {
    match e {
        ReviewError::NoSuchClaim(id) => trf("err-no-such-claim", &[("id", id)]),
        ReviewError::NoSuchEvidence { claim, index, len } => trf(
            "err-no-such-evidence",
            &[("id", claim), ("n", &(index + 1)), ("len", len)],
        ),
        ReviewError::DuplicateClaim(id) => trf("err-duplicate-claim", &[("id", id)]),
        ReviewError::OutsideText(id) => trf("err-outside-text", &[("id", id)]),
        ReviewError::EmptySpan => tr("err-empty-span").to_string(),
        ReviewError::SpanTaken(id) => trf("err-span-taken", &[("id", id)]),
        ReviewError::BadSplit(id) => trf("err-bad-split", &[("id", id)]),
        ReviewError::CannotMerge(a, b) => trf("err-cannot-merge", &[("a", a), ("b", b)]),
        ReviewError::NotDismissed(id) => trf("err-not-dismissed", &[("id", id)]),
        ReviewError::Gone(id) => trf("err-gone", &[("id", id)]),
    }
}

/// Why a web address was refused, in the window's language.
pub fn url_error(e: &UrlError) -> String {
    match e {
        UrlError::Invalid(url) => trf("err-url-invalid", &[("url", url)]),
        UrlError::Scheme(url) => trf("err-url-scheme", &[("url", url)]),
    }
}

/// A line of the review's history in the window's language. A group of changes carries the
/// label its maker wrote (English, kept in the session): the labels Claimdesk writes are said
/// in the window's language, any other is shown as written.
pub fn action_text(action: &Action) -> String {
    match action {
        Action::SetVerdict { claim, verdict } => trf(
            "hist-verdict",
            &[("id", claim), ("verdict", &verdict_name(*verdict))],
        ),
        Action::SetNote { claim, note } if note.is_empty() => {
            trf("hist-note-cleared", &[("id", claim)])
        }
        Action::SetNote { claim, .. } => trf("hist-note-edited", &[("id", claim)]),
        Action::AddEvidence {
            claim, evidence, ..
        } => {
            let host = crate::review::host_of(&evidence.url).unwrap_or(&evidence.url);
            trf("hist-evidence-added", &[("id", claim), ("host", &host)])
        }
        Action::RemoveEvidence { claim, index } => trf(
            "hist-evidence-removed",
            &[("id", claim), ("n", &(index + 1))],
        ),
        Action::EditEvidence { claim, index, .. } => trf(
            "hist-evidence-edited",
            &[("id", claim), ("n", &(index + 1))],
        ),
        Action::AddClaim { claim } => trf("hist-claim-added", &[("id", &claim.id)]),
        Action::RemoveClaim { claim } => trf("hist-claim-removed", &[("id", claim)]),
        Action::Batch { label, .. } => batch_label(label),
        Action::SetThreshold { threshold } => trf(
            "hist-threshold",
            &[("t", &language().decimal(f64::from(*threshold), 2))],
        ),
        Action::Dismiss { claim } => trf("hist-dismissed", &[("id", claim)]),
        Action::Restore { claim } => trf("hist-restored", &[("id", claim)]),
    }
}

/// What differs between the review in a session on disk (`there`) and the one in the window
/// (`here`), claim by claim, in the window's language: what `review::differences` says for
/// the command line.
pub fn differences(there: &Review, here: &Review) -> String {
    let mut lines = Vec::new();
    if there.article.text_sha256() != here.article.text_sha256() {
        lines.push(tr("diff-article").to_string());
    }
    let ids: std::collections::BTreeSet<u32> = there
        .claims
        .iter()
        .chain(&here.claims)
        .map(|c| c.id)
        .collect();
    let verdict = |v| verdict_name(v).to_lowercase();
    let mut changed = 0;
    for id in ids {
        let what = match (there.claim(id), here.claim(id)) {
            (Some(_), None) => vec![tr("diff-only-there").to_string()],
            (None, Some(_)) => vec![tr("diff-only-here").to_string()],
            (Some(a), Some(b)) => {
                let mut w = Vec::new();
                if a.verdict != b.verdict {
                    w.push(trf(
                        "diff-verdict",
                        &[
                            ("there", &verdict(a.verdict)),
                            ("here", &verdict(b.verdict)),
                        ],
                    ));
                }
                if a.note != b.note {
                    w.push(tr("diff-note").to_string());
                }
                if a.evidence != b.evidence {
                    w.push(trf(
                        "diff-sources",
                        &[("there", &a.evidence.len()), ("here", &b.evidence.len())],
                    ));
                }
                w
            }
            (None, None) => Vec::new(),
        };
        if what.is_empty() {
            continue;
        }
        changed += 1;
        if changed <= 10 {
            lines.push(trf(
                "diff-claim",
                &[("id", &id), ("what", &what.join("; "))],
            ));
        }
    }
    if changed > 10 {
        lines.push(trf("diff-more", &[("n", &(changed - 10))]));
    }
    if lines.is_empty() {
        tr("diff-same").to_string()
    } else {
        format!("{}\n• {}", tr("diff-on-disk"), lines.join("\n• "))
    }
}

/// The label of a group of changes, said in the window's language when it is one Claimdesk
/// writes ("claims 3 and 4 merged"); else as written.
fn batch_label(label: &str) -> String {
    if let Some(rest) = label.strip_prefix("undo: ") {
        return trf("hist-undo", &[("what", &batch_label(rest))]);
    }
    if let Some([id]) = holes(label, "claim {}: span edited") {
        return trf("hist-span-edited", &[("id", &id)]);
    }
    if let Some([id, _, new]) = holes(label, "claim {} split into claims {} and {}") {
        return trf("hist-split", &[("id", &id), ("new", &new)]);
    }
    if let Some([a, b]) = holes(label, "claims {} and {} merged") {
        return trf("hist-merged", &[("a", &a), ("b", &b)]);
    }
    if let Some([from, to, added, removed]) =
        holes(label, "threshold {} → {}: {} claims added, {} removed")
    {
        // The thresholds with the window language's decimal mark (0,50).
        let mark = |t: &str| {
            t.parse::<f64>()
                .map_or(t.to_string(), |v| language().decimal(v, 2))
        };
        let (from, to) = (mark(from), mark(to));
        return trf(
            "hist-threshold-moved",
            &[
                ("from", &from),
                ("to", &to),
                ("added", &added),
                ("removed", &removed),
            ],
        );
    }
    if let Some([id, v]) = holes(label, "group of claim {} marked {}") {
        let verdict: &str = match crate::review::Verdict::parse(v) {
            Some(v) => verdict_name(v),
            None => v,
        };
        return trf("hist-group-marked", &[("id", &id), ("verdict", &verdict)]);
    }
    if let Some([id, rating]) = holes(label, "claim {}: earlier review applied ({})") {
        return trf("hist-earlier-applied", &[("id", &id), ("rating", &rating)]);
    }
    label.to_string()
}

/// The parts of `text` in the `{}` holes of `pattern`, when `text` has the pattern's shape
/// (each hole non-empty; the text between holes found left to right).
pub(super) fn holes<'t, const N: usize>(text: &'t str, pattern: &str) -> Option<[&'t str; N]> {
    let mut pieces = pattern.split("{}");
    let mut rest = text.strip_prefix(pieces.next()?)?;
    let mut found = [""; N];
    for (i, lit) in pieces.enumerate() {
        let slot = found.get_mut(i)?;
        let at = if lit.is_empty() {
            rest.len()
        } else if i + 1 == N {
            // The last literal ends the text.
            rest.strip_suffix(lit).map(str::len)?
        } else {
            rest.find(lit)?
        };
        if at == 0 {
            return None;
        }
        *slot = &rest[..at];
        rest = &rest[at + lit.len()..];
    }
    rest.is_empty().then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn fr() -> Lang {
        Lang::parse("fr").unwrap()
    }

    /// The code of the window (src/ui, tests left out), file by file.
    fn window_code() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .map(|p| {
                let code = std::fs::read_to_string(&p).unwrap();
                let code = match code.find("#[cfg(test)]") {
                    Some(at) => code[..at].to_string(),
                    None => code,
                };
                (p.file_name().unwrap().to_string_lossy().into_owned(), code)
            })
            .collect();
        files.sort();
        files
    }

    /// The string literals of `code` that look like message ids ("open", "why-r").
    fn id_literals(code: &str) -> Vec<&str> {
        code.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                !s.is_empty()
                    && s.starts_with(|c: char| c.is_ascii_lowercase())
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .collect()
    }

    #[test]
    fn every_message_the_window_names_is_in_english_and_in_french() {
        let english: BTreeSet<&str> = crate::i18n::english_ids().into_iter().collect();
        let mut unknown = Vec::new();
        let mut used: BTreeSet<String> = BTreeSet::new();
        for (file, code) in window_code() {
            // tr("id") and trf("id", …): the id must be an English message.
            for call in ["tr(\"", "trf(\""] {
                for (at, _) in code.match_indices(call) {
                    let before = code[..at].chars().next_back().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue; // push_str(" — ")
                    }
                    let id = code[at + call.len()..].split('"').next().unwrap();
                    if !english.contains(id) {
                        unknown.push(format!("{file}: {id}"));
                    }
                    used.insert(id.to_string());
                }
            }
            // Ids given by tables (commands, sorts, verdicts) are literals too.
            used.extend(
                id_literals(&code)
                    .into_iter()
                    .filter(|l| english.contains(l))
                    .map(String::from),
            );
            // Ids made from a prefix (format!("kind-{kind}")): every message with the prefix.
            for piece in code.split("format!(\"").skip(1) {
                let prefix = piece.split('{').next().unwrap();
                if prefix.ends_with('-') && !prefix.contains(' ') {
                    used.extend(
                        english
                            .iter()
                            .filter(|id| id.starts_with(prefix))
                            .map(|id| id.to_string()),
                    );
                }
            }
        }
        assert_eq!(
            unknown,
            Vec::<String>::new(),
            "named by the window, not in en.ftl"
        );
        assert!(used.len() > 300, "the scan found only {} ids", used.len());
        let fr = fr();
        let missing: Vec<&String> = used.iter().filter(|id| !fr.has(id)).collect();
        assert_eq!(
            missing,
            Vec::<&String>::new(),
            "used by the window, not in fr.ftl"
        );
        // Commands name their texts through tables: each is an English message.
        for cmd in super::super::Command::ALL {
            assert!(Lang::EN.has(cmd.label_id()), "{cmd:?}: {}", cmd.label_id());
            assert!(Lang::EN.has(cmd.help_id()), "{cmd:?}: {}", cmd.help_id());
        }
    }

    #[test]
    fn history_lines_are_said_in_the_window_language() {
        use crate::review::Verdict;
        set_language(fr());
        let verdict = Action::SetVerdict {
            claim: 3,
            verdict: Verdict::Disputed,
        };
        assert_eq!(
            action_text(&verdict),
            "affirmation 3 marquée «\u{a0}Contestée\u{a0}»"
        );
        let batch = |label: &str| {
            action_text(&Action::Batch {
                label: label.into(),
                actions: Vec::new(),
            })
        };
        assert_eq!(
            batch("claims 3 and 4 merged"),
            "affirmations 3 et 4 fusionnées"
        );
        assert_eq!(
            batch("claim 2 split into claims 2 and 19"),
            "affirmation 2 coupée en affirmations 2 et 19"
        );
        assert_eq!(
            batch("undo: group of claim 5 marked Verified"),
            "annulation\u{a0}: groupe de l'affirmation 5 marqué «\u{a0}Vérifiée\u{a0}»"
        );
        assert_eq!(
            batch("threshold 0.50 → 0.40: 3 claims added, 0 removed"),
            "seuil 0,50 → 0,40\u{a0}: affirmations ajoutées\u{a0}: 3, retirées\u{a0}: 0"
        );
        assert_eq!(
            batch("claim 8: earlier review applied (Faux)"),
            "affirmation 8\u{a0}: vérification antérieure appliquée (Faux)"
        );
        // A label of another maker: as written.
        assert_eq!(batch("two changes"), "two changes");
        assert_eq!(batch("claims  and 4 merged"), "claims  and 4 merged");
        set_language(Lang::EN);
        assert_eq!(action_text(&verdict), verdict.describe());
        assert_eq!(batch("claims 3 and 4 merged"), "claims 3 and 4 merged");
        // The core writes "1 claims added"; the window says it right.
        assert_eq!(
            batch("threshold 0.50 → 0.45: 1 claims added, 0 removed"),
            "threshold 0.50 → 0.45: 1 claim added, 0 removed"
        );
    }

    #[test]
    fn what_differs_on_disk_is_said_as_the_core_says_it_in_english() {
        use crate::review::Verdict;
        let here = Review::from_article(crate::article::sample());
        let mut there = here.clone();
        there.claims[0].verdict = Verdict::Verified;
        there.claims[1].note = "une note".into();
        there.claims.remove(2);
        set_language(Lang::EN);
        assert_eq!(
            differences(&there, &here),
            crate::review::differences(&there, &here)
        );
        assert_eq!(
            differences(&here, &here),
            crate::review::differences(&here, &here)
        );
        set_language(fr());
        let said = differences(&there, &here);
        assert!(
            said.starts_with("Sur le disque\u{a0}:\n• affirmation"),
            "{said}"
        );
        assert!(
            said.contains(
                "verdict «\u{a0}vérifiée\u{a0}» sur le disque, «\u{a0}à vérifier\u{a0}» ici"
            ),
            "{said}"
        );
        set_language(Lang::EN);
    }

    #[test]
    fn errors_of_the_review_are_sentences_in_the_window_language() {
        set_language(fr());
        assert_eq!(
            review_error(&ReviewError::SpanTaken(4)),
            "Ce passage est déjà l'affirmation 4."
        );
        assert!(url_error(&UrlError::Invalid("x".into())).starts_with("«\u{a0}x\u{a0}» n'est pas"));
        assert_eq!(kind_name("quantity"), "chiffre");
        assert_eq!(kind_name("mystery"), "mystery");
        assert_eq!(format_name(Format::Annotations), "Annotations Web");
        set_language(Lang::EN);
        assert_eq!(
            review_error(&ReviewError::EmptySpan),
            "The selection holds no words; select the words of the claim first."
        );
        assert_eq!(format_help(Format::Csv), Format::Csv.help());
        for f in Format::ALL {
            assert_eq!(format_name(f), f.name(), "English names stay the report's");
        }
    }

    #[test]
    fn the_window_language_is_per_thread_and_falls_back_to_english() {
        let fr = Lang::parse("fr").unwrap();
        set_language(fr);
        assert_eq!(tr("open"), "Ouvrir…");
        assert_eq!(
            trf("done-total-reviewed", &[("done", &3), ("total", &9)]),
            "3 / 9 traitées"
        );
        let other = std::thread::spawn(|| tr("open")).join().unwrap();
        assert_eq!(other, "Open…");
        set_language(Lang::EN);
        assert_eq!(tr("open"), "Open…");
    }
}
