//! Undo and redo over a `Review`: the inverses `Review::apply` returns, kept on two stacks (the
//! shape of helix's `helix-core/src/history.rs`, in the core next to the actions it undoes, so
//! the window only turns keys into `undo`/`redo` calls).

use super::{Action, Review, ReviewError};

/// The undo and redo stacks of one review. Start a new `History` (or `clear` it) whenever the
/// review is replaced: its actions only make sense on the review they were recorded on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Inverses of the changes made, the last one on top.
    undo: Vec<Action>,
    /// Inverses of the changes undone, the last one on top.
    redo: Vec<Action>,
    /// The claim whose note the last recorded step edited, while typing into it goes on:
    /// further `SetNote`s on that claim join that step. Undo, redo and any other action end it.
    typing_note_of: Option<u32>,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Performs `action` on `review` (by `who`, for the audit trail) and records its inverse.
    /// Consecutive note edits of the same claim are one undo step: undo puts back the note as
    /// it was before the typing began. A new change empties the redo stack. A failed action
    /// changes neither the review nor the history.
    pub fn apply(
        &mut self,
        review: &mut Review,
        action: Action,
        who: Option<&str>,
    ) -> Result<(), ReviewError> {
        let note_of = match &action {
            Action::SetNote { claim, .. } => Some(*claim),
            _ => None,
        };
        let inverse = review.apply_by(action, who)?;
        let merge = note_of.is_some() && note_of == self.typing_note_of;
        if !merge {
            self.undo.push(inverse);
        }
        self.redo.clear();
        self.typing_note_of = note_of;
        Ok(())
    }

    /// Undoes the last change. `Ok(None)` when there is nothing to undo; otherwise the claim the
    /// change was about (0 for changes to the whole review, like the threshold).
    ///
    /// If the inverse cannot be applied (the review was changed behind the history's back), it
    /// is dropped, so that the next undo can go on, and the error says why.
    pub fn undo(&mut self, review: &mut Review) -> Result<Option<u32>, ReviewError> {
        Self::step(
            review,
            &mut self.undo,
            &mut self.redo,
            &mut self.typing_note_of,
        )
    }

    /// Redoes the last change undone; like `undo`.
    pub fn redo(&mut self, review: &mut Review) -> Result<Option<u32>, ReviewError> {
        Self::step(
            review,
            &mut self.redo,
            &mut self.undo,
            &mut self.typing_note_of,
        )
    }

    fn step(
        review: &mut Review,
        from: &mut Vec<Action>,
        to: &mut Vec<Action>,
        typing_note_of: &mut Option<u32>,
    ) -> Result<Option<u32>, ReviewError> {
        *typing_note_of = None;
        let Some(action) = from.pop() else {
            return Ok(None);
        };
        let inverse = review.apply(action)?;
        let claim = inverse.claim();
        to.push(inverse);
        Ok(Some(claim))
    }

    /// Forgets every step (a new review was opened, or the article re-anchored).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::review::Verdict;

    fn review() -> Review {
        Review::from_article(article::sample())
    }

    fn note(claim: u32, text: &str) -> Action {
        Action::SetNote {
            claim,
            note: text.into(),
        }
    }

    fn verdict(claim: u32, verdict: Verdict) -> Action {
        Action::SetVerdict { claim, verdict }
    }

    #[test]
    fn undo_and_redo_walk_the_changes_back_and_forth() {
        let mut r = review();
        let before = r.claims.clone();
        let (a, b) = (r.claims[0].id, r.claims[1].id);
        let mut h = History::new();
        assert!(!h.can_undo() && !h.can_redo());
        assert_eq!(h.undo(&mut r), Ok(None), "nothing to undo");
        h.apply(&mut r, verdict(a, Verdict::Verified), Some("Camille"))
            .unwrap();
        h.apply(&mut r, verdict(b, Verdict::Disputed), None)
            .unwrap();
        assert_eq!(r.history.last().unwrap().reviewer, None);
        assert_eq!(r.history[0].reviewer.as_deref(), Some("Camille"));
        assert_eq!(h.undo_len(), 2);

        assert_eq!(h.undo(&mut r), Ok(Some(b)));
        assert_eq!(r.claim(b).unwrap().verdict, Verdict::Unreviewed);
        assert_eq!(r.claim(a).unwrap().verdict, Verdict::Verified);
        assert_eq!(h.undo(&mut r), Ok(Some(a)));
        assert_eq!(r.claims, before);
        assert!(!h.can_undo() && h.can_redo());
        assert_eq!(h.redo_len(), 2);

        assert_eq!(h.redo(&mut r), Ok(Some(a)));
        assert_eq!(h.redo(&mut r), Ok(Some(b)));
        assert_eq!(r.claim(b).unwrap().verdict, Verdict::Disputed);
        assert_eq!(h.redo(&mut r), Ok(None), "nothing left to redo");
    }

    #[test]
    fn a_new_change_after_undo_clears_redo() {
        let mut r = review();
        let (a, b) = (r.claims[0].id, r.claims[1].id);
        let mut h = History::new();
        h.apply(&mut r, verdict(a, Verdict::Verified), None)
            .unwrap();
        h.undo(&mut r).unwrap();
        assert!(h.can_redo());
        h.apply(&mut r, verdict(b, Verdict::Unsourced), None)
            .unwrap();
        assert!(!h.can_redo());
        assert_eq!(h.redo(&mut r), Ok(None));
        assert_eq!(r.claim(a).unwrap().verdict, Verdict::Unreviewed);
    }

    #[test]
    fn typing_a_note_is_one_undo_step_per_claim() {
        let mut r = review();
        let (a, b) = (r.claims[0].id, r.claims[1].id);
        let mut h = History::new();
        for text in ["s", "so", "sou", "source"] {
            h.apply(&mut r, note(a, text), None).unwrap();
        }
        assert_eq!(h.undo_len(), 1, "one step for the whole note");
        // Another claim's note is a step of its own.
        h.apply(&mut r, note(b, "x"), None).unwrap();
        h.apply(&mut r, note(b, "xy"), None).unwrap();
        assert_eq!(h.undo_len(), 2);
        // Back to the first note after another change: a new step.
        h.apply(&mut r, verdict(a, Verdict::Verified), None)
            .unwrap();
        h.apply(&mut r, note(a, "source: INSEE"), None).unwrap();
        assert_eq!(h.undo_len(), 4);

        h.undo(&mut r).unwrap();
        assert_eq!(r.claim(a).unwrap().note, "source");
        h.undo(&mut r).unwrap();
        assert_eq!(r.claim(a).unwrap().verdict, Verdict::Unreviewed);
        h.undo(&mut r).unwrap();
        assert_eq!(r.claim(b).unwrap().note, "");
        h.undo(&mut r).unwrap();
        assert_eq!(r.claim(a).unwrap().note, "", "the note before the typing");
    }

    #[test]
    fn typing_after_an_undo_starts_a_new_step() {
        let mut r = review();
        let a = r.claims[0].id;
        let mut h = History::new();
        h.apply(&mut r, note(a, "first"), None).unwrap();
        h.apply(&mut r, verdict(a, Verdict::Verified), None)
            .unwrap();
        h.undo(&mut r).unwrap();
        // The undo stack's top is the note edit again, but typing now is a new edit.
        h.apply(&mut r, note(a, "first, then more"), None).unwrap();
        assert_eq!(h.undo_len(), 2);
        h.undo(&mut r).unwrap();
        assert_eq!(r.claim(a).unwrap().note, "first");
    }

    #[test]
    fn a_failed_action_is_not_recorded_and_changes_nothing() {
        let mut r = review();
        let a = r.claims[0].id;
        let mut h = History::new();
        h.apply(&mut r, verdict(a, Verdict::Disputed), None)
            .unwrap();
        h.undo(&mut r).unwrap();
        let (before, history) = (r.clone(), h.clone());
        assert_eq!(
            h.apply(&mut r, verdict(9999, Verdict::Verified), None),
            Err(ReviewError::NoSuchClaim(9999))
        );
        assert_eq!(r, before);
        assert_eq!(h, history, "redo survives a refused change");
        // Nor does a refused note edit join the typing of another.
        h.apply(&mut r, note(a, "n"), None).unwrap();
        assert!(h.apply(&mut r, note(9999, "n"), None).is_err());
        h.apply(&mut r, note(a, "no"), None).unwrap();
        assert_eq!(h.undo_len(), 1);
    }

    #[test]
    fn an_undo_that_no_longer_applies_is_dropped_with_its_reason() {
        let mut r = review();
        let (a, b) = (r.claims[0].id, r.claims[1].id);
        let mut h = History::new();
        h.apply(&mut r, verdict(b, Verdict::Unsourced), None)
            .unwrap();
        h.apply(&mut r, verdict(a, Verdict::Verified), None)
            .unwrap();
        // Behind the history's back: claim a is removed.
        r.apply(Action::RemoveClaim { claim: a }).unwrap();
        assert_eq!(h.undo(&mut r), Err(ReviewError::NoSuchClaim(a)));
        assert_eq!(
            h.undo_len(),
            1,
            "the stale step is gone, the one before stays"
        );
        assert_eq!(h.undo(&mut r), Ok(Some(b)));
        assert_eq!(r.claim(b).unwrap().verdict, Verdict::Unreviewed);
    }

    #[test]
    fn clear_forgets_everything() {
        let mut r = review();
        let (a, b) = (r.claims[0].id, r.claims[1].id);
        let mut h = History::new();
        h.apply(&mut r, verdict(b, Verdict::Verified), None)
            .unwrap();
        h.undo(&mut r).unwrap();
        h.apply(&mut r, note(a, "x"), None).unwrap();
        h.clear();
        assert_eq!(h, History::new());
        assert_eq!(h.undo(&mut r), Ok(None));
        assert_eq!(h.redo(&mut r), Ok(None));
        // The note typing that was going on does not carry over either: this is a step.
        h.apply(&mut r, note(a, "xy"), None).unwrap();
        assert_eq!(h.undo_len(), 1);
        h.undo(&mut r).unwrap();
        assert_eq!(r.claim(a).unwrap().note, "x");
    }
}
