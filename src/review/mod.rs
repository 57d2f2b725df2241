//! A review: the article, its claims, the reviewer's verdicts and notes, and the history of changes.
//! Every change goes through `Review::apply(Action)`, which returns the inverse action.

pub mod anchor;

use crate::article::Article;
use crate::extract::Candidate;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How many characters of context a TextQuoteSelector keeps on each side.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

/// The reviewer's verdict on a claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    #[default]
    Unreviewed,
    Verified,
    Disputed,
    Unsourced,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Verified,
        Verdict::Disputed,
        Verdict::Unsourced,
        Verdict::Unreviewed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Unreviewed => "Unreviewed",
            Verdict::Verified => "Verified",
            Verdict::Disputed => "Disputed",
            Verdict::Unsourced => "Unsourced",
        }
    }

    /// Parses "verified", "Disputed", … (case-insensitive).
    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.label().eq_ignore_ascii_case(s.trim()))
    }
}

/// W3C TextPositionSelector. Byte offsets into `Article.text` here; exports convert to chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPosition {
    #[serde(rename = "start_byte")]
    pub start: usize,
    #[serde(rename = "end_byte")]
    pub end: usize,
}

/// W3C TextQuoteSelector: the exact text with some context on each side, for re-anchoring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

impl TextQuote {
    pub fn from_text(text: &str, start: usize, end: usize) -> Self {
        let prefix: String = {
            let before: Vec<char> = text[..start]
                .chars()
                .rev()
                .take(QUOTE_CONTEXT_CHARS)
                .collect();
            before.into_iter().rev().collect()
        };
        let suffix: String = text[end..].chars().take(QUOTE_CONTEXT_CHARS).collect();
        Self {
            exact: text[start..end].to_string(),
            prefix,
            suffix,
        }
    }
}

/// A claim under review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id within the review, from 1.
    pub id: u32,
    pub position: TextPosition,
    pub quote: TextQuote,
    pub score: f32,
    pub reasons: Vec<String>,
    /// Full Fact claim type: quantity, causation, law, prediction, personal, quote, event, other.
    pub kind: String,
    /// Why that type ("number", "causal: because"); empty in sessions saved before it existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind_reason: String,
    pub claimant: Option<String>,
    /// Id of the first claim saying nearly the same thing, if any.
    pub group: Option<u32>,
    pub verdict: Verdict,
    pub note: String,
    /// The claim's wording before the article was edited, when re-anchoring found it reworded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

impl Claim {
    pub fn text(&self) -> &str {
        &self.quote.exact
    }
}

/// A change to a review. `Review::apply` performs it and returns its inverse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    SetVerdict { claim: u32, verdict: Verdict },
    SetNote { claim: u32, note: String },
}

impl Action {
    pub fn claim(&self) -> u32 {
        match self {
            Action::SetVerdict { claim, .. } | Action::SetNote { claim, .. } => *claim,
        }
    }

    /// One line for the history: "claim 3 marked Disputed".
    pub fn describe(&self) -> String {
        match self {
            Action::SetVerdict { claim, verdict } => {
                format!("claim {claim} marked {}", verdict.label())
            }
            Action::SetNote { claim, note } if note.is_empty() => {
                format!("claim {claim}: note cleared")
            }
            Action::SetNote { claim, .. } => format!("claim {claim}: note edited"),
        }
    }
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub action: Action,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReviewError {
    #[error("there is no claim {0} in this review")]
    NoSuchClaim(u32),
}

/// Verdict counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub verified: usize,
    pub disputed: usize,
    pub unsourced: usize,
    pub unreviewed: usize,
}

impl Counts {
    pub fn reviewed(&self) -> usize {
        self.total - self.unreviewed
    }

    pub fn of(&self, v: Verdict) -> usize {
        match v {
            Verdict::Verified => self.verified,
            Verdict::Disputed => self.disputed,
            Verdict::Unsourced => self.unsourced,
            Verdict::Unreviewed => self.unreviewed,
        }
    }
}

/// An article under review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub article: Article,
    pub claims: Vec<Claim>,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Claims that re-anchoring could not find in a new version of the article, with their
    /// verdicts and notes.
    #[serde(default)]
    pub orphans: Vec<Claim>,
    /// Bumped by every change; not saved. The UI compares it to know what is unsaved.
    #[serde(skip)]
    pub revision: u64,
}

impl Review {
    /// A fresh, unreviewed review of `article` with the given claims (in text order).
    pub fn new(article: Article, candidates: &[Candidate]) -> Self {
        let now = Utc::now();
        let claims = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| Claim {
                id: i as u32 + 1,
                position: TextPosition {
                    start: c.range.start,
                    end: c.range.end,
                },
                quote: TextQuote::from_text(&article.text, c.range.start, c.range.end),
                score: (c.score * 1000.0).round() / 1000.0,
                reasons: c.reasons.clone(),
                kind: c.kind.to_string(),
                kind_reason: c.kind_reason.clone(),
                claimant: c.claimant.clone(),
                group: c.group.map(|g| g as u32 + 1),
                verdict: Verdict::Unreviewed,
                note: String::new(),
                previous: None,
            })
            .collect();
        Self {
            article,
            claims,
            created: now,
            modified: now,
            history: Vec::new(),
            orphans: Vec::new(),
            revision: 0,
        }
    }

    /// Extracts the claims of `article` at the default threshold and starts a review.
    pub fn from_article(article: Article) -> Self {
        let cands = crate::extract::claims(&article, crate::extract::DEFAULT_THRESHOLD);
        Self::new(article, &cands)
    }

    pub fn claim(&self, id: u32) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    fn claim_mut(&mut self, id: u32) -> Result<&mut Claim, ReviewError> {
        self.claims
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(ReviewError::NoSuchClaim(id))
    }

    /// The claim whose span contains byte offset `at`.
    pub fn claim_at(&self, at: usize) -> Option<u32> {
        self.claims
            .iter()
            .find(|c| c.position.start <= at && at < c.position.end)
            .map(|c| c.id)
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            total: self.claims.len(),
            ..Counts::default()
        };
        for claim in &self.claims {
            match claim.verdict {
                Verdict::Verified => c.verified += 1,
                Verdict::Disputed => c.disputed += 1,
                Verdict::Unsourced => c.unsourced += 1,
                Verdict::Unreviewed => c.unreviewed += 1,
            }
        }
        c
    }

    /// Performs `action`, records it in the history and returns the action that undoes it.
    pub fn apply(&mut self, action: Action) -> Result<Action, ReviewError> {
        let claim = self.claim_mut(action.claim())?;
        let inverse = match &action {
            Action::SetVerdict { claim: id, verdict } => {
                let old = std::mem::replace(&mut claim.verdict, *verdict);
                Action::SetVerdict {
                    claim: *id,
                    verdict: old,
                }
            }
            Action::SetNote { claim: id, note } => {
                let old = std::mem::replace(&mut claim.note, note.clone());
                Action::SetNote {
                    claim: *id,
                    note: old,
                }
            }
        };
        let now = Utc::now();
        // Typing a note is one change in the history, not one per keystroke.
        let coalesce = matches!(
            (&action, self.history.last()),
            (Action::SetNote { claim: a, .. }, Some(HistoryEntry { action: Action::SetNote { claim: b, .. }, .. })) if a == b
        );
        if coalesce {
            if let Some(last) = self.history.last_mut() {
                *last = HistoryEntry { at: now, action };
            }
        } else {
            self.history.push(HistoryEntry { at: now, action });
        }
        self.modified = now;
        self.revision += 1;
        Ok(inverse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    fn review() -> Review {
        Review::from_article(article::sample())
    }

    #[test]
    fn apply_returns_the_inverse_and_undoing_restores_the_review() {
        let mut r = review();
        let before = r.claims.clone();
        let id = r.claims[2].id;
        let inv1 = r
            .apply(Action::SetVerdict {
                claim: id,
                verdict: Verdict::Disputed,
            })
            .unwrap();
        assert_eq!(
            inv1,
            Action::SetVerdict {
                claim: id,
                verdict: Verdict::Unreviewed
            }
        );
        let inv2 = r
            .apply(Action::SetNote {
                claim: id,
                note: "source: KCNA".into(),
            })
            .unwrap();
        assert_eq!(r.claim(id).unwrap().verdict, Verdict::Disputed);
        assert_eq!(r.claim(id).unwrap().note, "source: KCNA");
        assert_eq!(r.counts().disputed, 1);
        assert_eq!(r.counts().reviewed(), 1);
        r.apply(inv2).unwrap();
        r.apply(inv1).unwrap();
        assert_eq!(r.claims, before);
        assert!(r.revision >= 4);
    }

    #[test]
    fn unknown_claim_is_an_error_not_a_panic() {
        let mut r = review();
        let err = r
            .apply(Action::SetVerdict {
                claim: 9999,
                verdict: Verdict::Verified,
            })
            .unwrap_err();
        assert_eq!(err, ReviewError::NoSuchClaim(9999));
        assert!(r.history.is_empty());
    }

    #[test]
    fn note_typing_is_one_history_entry() {
        let mut r = review();
        let id = r.claims[0].id;
        for note in ["s", "so", "sou", "source"] {
            r.apply(Action::SetNote {
                claim: id,
                note: note.into(),
            })
            .unwrap();
        }
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Verified,
        })
        .unwrap();
        assert_eq!(r.history.len(), 2);
        assert_eq!(
            r.history[0].action.describe(),
            format!("claim {id}: note edited")
        );
    }

    #[test]
    fn claims_carry_position_and_quote_selectors() {
        let r = review();
        for c in &r.claims {
            assert_eq!(
                &r.article.text[c.position.start..c.position.end],
                c.quote.exact
            );
            assert!(r.article.text[..c.position.start].ends_with(&c.quote.prefix));
            assert!(r.article.text[c.position.end..].starts_with(&c.quote.suffix));
            assert_eq!(r.claim_at(c.position.start), Some(c.id));
        }
        assert_eq!(Verdict::parse("DISPUTED"), Some(Verdict::Disputed));
    }
}
