//! Claims made and reshaped by hand: a claim from a selected passage, a new span for a claim,
//! one claim split in two, two claims merged. Each builds an `Action` (a `Batch` where several
//! steps are needed), so every one of them is undone in one step and recorded in the history.

use super::{Action, Claim, ReviewError, TextPosition, TextQuote, Verdict};
use crate::extract::score;
use crate::lexicon;
use crate::review::Review;
use std::ops::Range;

impl Review {
    /// `range` of the article shrunk to its words: surrounding spaces dropped, ends moved to
    /// char boundaries. None when it holds no words.
    pub fn snap_span(&self, range: Range<usize>) -> Option<Range<usize>> {
        let text = &self.article.text;
        let mut start = range.start.min(text.len());
        let mut end = range.end.min(text.len()).max(start);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let slice = &text[start..end];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        let (s, e) = (start + lead, end - trail);
        (s < e && text[s..e].chars().any(char::is_alphanumeric)).then_some(s..e)
    }

    /// A claim over `range` of the article, scored like an extracted sentence (score, reasons,
    /// type, claimant), with the reviewer's fields of `base` when given.
    fn claim_over(&self, id: u32, range: Range<usize>, base: Option<&Claim>) -> Claim {
        let text = &self.article.text;
        let lang = self.article.metadata.language.as_deref().unwrap_or("en");
        let scored = score::score(&text[range.clone()], lexicon::for_language(lang));
        let mut claim = match base {
            Some(b) => b.clone(),
            None => Claim {
                id,
                position: TextPosition { start: 0, end: 0 },
                quote: TextQuote::from_text(text, 0, 0),
                score: 0.0,
                reasons: Vec::new(),
                kind: String::new(),
                kind_reason: String::new(),
                claimant: None,
                group: None,
                verdict: Verdict::Unreviewed,
                note: String::new(),
                evidence: Vec::new(),
                previous: None,
            },
        };
        claim.id = id;
        claim.position = TextPosition {
            start: range.start,
            end: range.end,
        };
        claim.quote = TextQuote::from_text(text, range.start, range.end);
        claim.score = (scored.score * 1000.0).round() / 1000.0;
        claim.reasons = scored.reasons.to_vec();
        claim.kind = scored.kind.to_string();
        claim.kind_reason = scored.kind_reason;
        claim.claimant = scored.claimant.or(claim.claimant);
        claim
    }

    /// The claim whose span is exactly `range`, if any.
    fn claim_with_span(&self, range: &Range<usize>) -> Option<u32> {
        self.claims
            .iter()
            .find(|c| c.position.start == range.start && c.position.end == range.end)
            .map(|c| c.id)
    }

    /// Adds the passage `range` (a selection in the article) as a new, unreviewed claim.
    pub fn add_manual_claim(&self, range: Range<usize>) -> Result<Action, ReviewError> {
        let range = self.snap_span(range).ok_or(ReviewError::EmptySpan)?;
        if let Some(id) = self.claim_with_span(&range) {
            return Err(ReviewError::SpanTaken(id));
        }
        let mut claim = self.claim_over(self.next_claim_id(), range, None);
        claim.reasons.insert(0, "added by the reviewer".to_string());
        Ok(Action::AddClaim {
            claim: Box::new(claim),
        })
    }

    /// Gives claim `id` the span `range`; its verdict, note and evidence stay.
    pub fn set_span(&self, id: u32, range: Range<usize>) -> Result<Action, ReviewError> {
        let old = self.claim(id).ok_or(ReviewError::NoSuchClaim(id))?;
        let range = self.snap_span(range).ok_or(ReviewError::EmptySpan)?;
        if let Some(other) = self.claim_with_span(&range) {
            return Err(ReviewError::SpanTaken(other));
        }
        let mut claim = self.claim_over(id, range, Some(old));
        claim.previous = Some(old.text().to_string());
        Ok(Action::Batch {
            label: format!("claim {id}: span edited"),
            actions: vec![
                Action::RemoveClaim { claim: id },
                Action::AddClaim {
                    claim: Box::new(claim),
                },
            ],
        })
    }

    /// Where claim `id` splits best: after a semicolon, a colon or a comma nearest its middle,
    /// else at the word nearest its middle. An offset in the article, for `split`.
    pub fn split_point(&self, id: u32) -> Option<usize> {
        let c = self.claim(id)?;
        let text = &self.article.text[c.position.start..c.position.end];
        let mid = text.len() / 2;
        let nearest = |cands: Vec<usize>| cands.into_iter().min_by_key(|i| i.abs_diff(mid));
        let after_punct: Vec<usize> = text
            .match_indices([';', ':', ','])
            .map(|(i, p)| i + p.len())
            .filter(|&i| text[i..].starts_with(' ') && i > 3 && i + 4 < text.len())
            .collect();
        let at = nearest(after_punct).or_else(|| {
            nearest(
                text.match_indices(' ')
                    .map(|(i, _)| i + 1)
                    .filter(|&i| i > 1 && i + 1 < text.len())
                    .collect(),
            )
        })?;
        Some(c.position.start + at)
    }

    /// Splits claim `id` at article offset `at` into two claims: the first keeps the id and the
    /// reviewer's work, the second is new and unreviewed.
    pub fn split(&self, id: u32, at: usize) -> Result<Action, ReviewError> {
        let old = self.claim(id).ok_or(ReviewError::NoSuchClaim(id))?;
        let p = old.position;
        if at <= p.start || at >= p.end {
            return Err(ReviewError::BadSplit(id));
        }
        let first = self
            .snap_span(p.start..at)
            .ok_or(ReviewError::BadSplit(id))?;
        let second = self.snap_span(at..p.end).ok_or(ReviewError::BadSplit(id))?;
        let new_id = self.next_claim_id();
        let a = self.claim_over(id, first, Some(old));
        let mut b = self.claim_over(new_id, second, None);
        b.note = format!("Split from claim {id}.");
        b.group = None;
        Ok(Action::Batch {
            label: format!("claim {id} split into claims {id} and {new_id}"),
            actions: vec![
                Action::RemoveClaim { claim: id },
                Action::AddClaim { claim: Box::new(a) },
                Action::AddClaim { claim: Box::new(b) },
            ],
        })
    }

    /// The claim that follows claim `id` in the text, to merge with it.
    pub fn next_in_text(&self, id: u32) -> Option<u32> {
        let i = self.claims.iter().position(|c| c.id == id)?;
        self.claims.get(i + 1).map(|c| c.id)
    }

    /// Merges claims `a` and `b` into one spanning both (and the text between them). It keeps
    /// the id of the earlier one; notes and evidence of both are kept. When both were reviewed
    /// with different verdicts the merged claim goes back to Unreviewed, and its note says why.
    pub fn merge(&self, a: u32, b: u32) -> Result<Action, ReviewError> {
        let ca = self.claim(a).ok_or(ReviewError::NoSuchClaim(a))?;
        let cb = self.claim(b).ok_or(ReviewError::NoSuchClaim(b))?;
        if a == b {
            return Err(ReviewError::CannotMerge(a, b));
        }
        let (first, second) = if (ca.position.start, ca.id) <= (cb.position.start, cb.id) {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let range = first.position.start..first.position.end.max(second.position.end);
        let mut merged = self.claim_over(first.id, range, Some(first));
        let mut notes: Vec<String> = [&first.note, &second.note]
            .into_iter()
            .filter(|n| !n.trim().is_empty())
            .cloned()
            .collect();
        merged.verdict = match (first.verdict, second.verdict) {
            (x, Verdict::Unreviewed) | (Verdict::Unreviewed, x) => x,
            (x, y) if x == y => x,
            (x, y) => {
                notes.push(format!(
                    "Merged from claim {} ({}) and claim {} ({}): review again.",
                    first.id,
                    x.label(),
                    second.id,
                    y.label()
                ));
                Verdict::Unreviewed
            }
        };
        merged.note = notes.join("\n\n");
        merged.evidence.extend(second.evidence.iter().cloned());
        merged.previous = None;
        Ok(Action::Batch {
            label: format!("claims {} and {} merged", first.id, second.id),
            actions: vec![
                Action::RemoveClaim { claim: second.id },
                Action::RemoveClaim { claim: first.id },
                Action::AddClaim {
                    claim: Box::new(merged),
                },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::article;
    use crate::review::{Action, Review, ReviewError, Verdict};

    fn review() -> Review {
        Review::from_article(article::sample())
    }

    fn range_of(r: &Review, needle: &str) -> std::ops::Range<usize> {
        let s = r.article.text.find(needle).expect("needle in the sample");
        s..s + needle.len()
    }

    #[test]
    fn a_selection_becomes_a_scored_claim_and_undo_removes_it() {
        let mut r = review();
        let n = r.claims.len();
        let mut sel = range_of(&r, "deux dirigeants ont");
        sel.start -= 1; // a space before the words is dropped
        let add = r.add_manual_claim(sel.clone()).unwrap();
        let inverse = r.apply(add).unwrap();
        assert_eq!(r.claims.len(), n + 1);
        let c = r.claims.iter().find(|c| c.text() == "deux dirigeants ont");
        let c = c.expect("the claim has exactly the selected words");
        assert_eq!(c.reasons[0], "added by the reviewer");
        assert!(!c.kind.is_empty());
        // The same passage again is refused.
        let again = r.add_manual_claim(sel);
        assert!(matches!(again, Err(ReviewError::SpanTaken(_))), "{again:?}");
        r.apply(inverse).unwrap();
        assert_eq!(r.claims.len(), n);
        assert_eq!(r.add_manual_claim(0..0), Err(ReviewError::EmptySpan));
        assert_eq!(
            r.add_manual_claim(5_000_000..5_000_001),
            Err(ReviewError::EmptySpan)
        );
    }

    #[test]
    fn split_keeps_the_review_on_the_first_part_and_undo_restores_one_claim() {
        let mut r = review();
        let id = r.claims[0].id;
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Verified,
        })
        .unwrap();
        let before = r.clone();
        let at = r.split_point(id).unwrap();
        let c = r.claim(id).unwrap().clone();
        assert!(at > c.position.start && at < c.position.end);
        let inverse = r.apply(r.split(id, at).unwrap()).unwrap();
        assert_eq!(r.claims.len(), before.claims.len() + 1);
        let a = r.claim(id).unwrap();
        assert_eq!(a.verdict, Verdict::Verified);
        assert_eq!(a.position.start, c.position.start);
        let b = r
            .claims
            .iter()
            .find(|k| k.note.contains("Split from"))
            .unwrap();
        assert_eq!(b.verdict, Verdict::Unreviewed);
        assert_eq!(b.position.end, c.position.end);
        assert_eq!(format!("{} {}", a.text(), b.text()), c.text());
        r.apply(inverse).unwrap();
        assert_eq!(r.claims, before.claims);
        // Outside the claim, or at its very edge: refused.
        assert_eq!(r.split(id, c.position.end), Err(ReviewError::BadSplit(id)));
    }

    #[test]
    fn merge_spans_both_keeps_notes_and_evidence_and_flags_conflicting_verdicts() {
        let mut r = review();
        let (a, b) = (r.claims[0].id, r.claims[1].id);
        assert_eq!(r.next_in_text(a), Some(b));
        let end_b = r.claim(b).unwrap().position.end;
        for (id, v, note) in [
            (a, Verdict::Verified, "A checked"),
            (b, Verdict::Disputed, "B wrong"),
        ] {
            r.apply(Action::SetVerdict {
                claim: id,
                verdict: v,
            })
            .unwrap();
            r.apply(Action::SetNote {
                claim: id,
                note: note.into(),
            })
            .unwrap();
        }
        let before = r.clone();
        let inverse = r.apply(r.merge(b, a).unwrap()).unwrap();
        assert_eq!(r.claims.len(), before.claims.len() - 1);
        let m = r.claim(a).unwrap();
        assert!(r.claim(b).is_none());
        assert_eq!(m.position.end, end_b);
        assert_eq!(m.verdict, Verdict::Unreviewed);
        assert!(m.note.contains("A checked") && m.note.contains("B wrong"));
        assert!(m.note.contains("review again"), "{}", m.note);
        r.apply(inverse).unwrap();
        assert_eq!(r.claims, before.claims);
        assert_eq!(r.merge(a, a), Err(ReviewError::CannotMerge(a, a)));
    }

    #[test]
    fn dismissed_claims_are_kept_restorable_and_never_come_back_by_threshold() {
        let mut r = review();
        let id = r.claims[2].id;
        let text = r.claims[2].text().to_string();
        let inverse = r.apply(Action::Dismiss { claim: id }).unwrap();
        assert!(r.claim(id).is_none());
        assert_eq!(r.dismissed[0].id, id);
        // Lowering the threshold does not bring the dismissed sentence back as a new claim.
        let lower = r.threshold_change(0.05);
        r.apply(lower).unwrap();
        assert!(!r.claims.iter().any(|c| c.text() == text));
        // It is kept in what a session file holds.
        let json = serde_json::to_string(&r).unwrap();
        let back: Review = serde_json::from_str(&json).unwrap();
        assert_eq!(back.dismissed.len(), 1);
        // Restoring brings it back in text order; new ids never reuse it.
        assert!(r.next_claim_id() > id);
        r.apply(inverse).unwrap();
        assert!(r.claim(id).is_some());
        assert!(r.dismissed.is_empty());
        assert_eq!(
            r.apply(Action::Restore { claim: id }),
            Err(ReviewError::NotDismissed(id))
        );
    }

    #[test]
    fn set_span_keeps_the_verdict_and_remembers_the_old_wording() {
        let mut r = review();
        let id = r.claims[0].id;
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Disputed,
        })
        .unwrap();
        let p = r.claim(id).unwrap().position;
        let old = r.claim(id).unwrap().text().to_string();
        let inverse = r
            .apply(r.set_span(id, p.start..p.end - 10).unwrap())
            .unwrap();
        let c = r.claim(id).unwrap();
        assert_eq!(c.verdict, Verdict::Disputed);
        assert!(c.position.end < p.end);
        assert_eq!(c.previous.as_deref(), Some(old.as_str()));
        r.apply(inverse).unwrap();
        assert_eq!(r.claim(id).unwrap().position, p);
    }
}
