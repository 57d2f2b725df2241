//! A review: the article, its claims, the reviewer's verdicts and notes, and the history of changes.
//! Every change goes through `Review::apply(Action)`, which returns the inverse action; `History`
//! keeps those inverses for undo and redo.

pub mod anchor;
mod edit;
mod history;

pub use history::History;

use crate::article::Article;
use crate::extract::Candidate;
use chrono::{DateTime, NaiveDate, Utc};
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

    /// The id of the verdict's name among Claimdesk's texts (`assets/i18n/*.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Verdict::Unreviewed => "verdict-unreviewed",
            Verdict::Verified => "verdict-verified",
            Verdict::Disputed => "verdict-disputed",
            Verdict::Unsourced => "verdict-unsourced",
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

/// Whether an evidence item backs the claim or contradicts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    #[default]
    Supports,
    Refutes,
}

impl Stance {
    pub fn label(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Refutes => "refutes",
        }
    }
}

/// A source the reviewer consulted: where it is, what it says, when it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The page as the reviewer read it (http or https).
    pub url: String,
    #[serde(default)]
    pub title: String,
    /// The passage of the source that supports or refutes the claim.
    #[serde(default)]
    pub quote: String,
    /// The day the reviewer read the source.
    pub accessed: NaiveDate,
    /// A frozen copy (Wayback Machine, archive.today), if one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_url: Option<String>,
    #[serde(default)]
    pub stance: Stance,
}

/// Why an evidence URL was refused.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum UrlError {
    #[error("“{0}” is not a web address. Paste the full address, starting with https://")]
    Invalid(String),
    #[error("“{0}” is not an http or https address. Link to the page a reader can open.")]
    Scheme(String),
}

impl Evidence {
    /// A supporting source read today, with no title or quote yet.
    pub fn new(url: &str, accessed: NaiveDate) -> Result<Self, UrlError> {
        Ok(Self {
            url: check_url(url)?,
            title: String::new(),
            quote: String::new(),
            accessed,
            archive_url: None,
            stance: Stance::Supports,
        })
    }

    /// The title, or the address when there is none.
    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.url
        } else {
            self.title.trim()
        }
    }
}

/// Checks that `s` is an http(s) address with a host, and returns it normalised (trimmed,
/// with characters like spaces percent-encoded).
pub fn check_url(s: &str) -> Result<String, UrlError> {
    let s = s.trim();
    let url = url::Url::parse(s).map_err(|_| UrlError::Invalid(s.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlError::Scheme(s.to_string()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlError::Invalid(s.to_string()));
    }
    Ok(url.to_string())
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
    /// Sources consulted, in the order the reviewer added them.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
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
    SetVerdict {
        claim: u32,
        verdict: Verdict,
    },
    SetNote {
        claim: u32,
        note: String,
    },
    /// Inserts `evidence` at `index` in the claim's list (`index` = the length appends).
    AddEvidence {
        claim: u32,
        index: usize,
        evidence: Evidence,
    },
    RemoveEvidence {
        claim: u32,
        index: usize,
    },
    /// Replaces the evidence item at `index`.
    EditEvidence {
        claim: u32,
        index: usize,
        evidence: Evidence,
    },
    /// Adds a claim (a sentence promoted by hand, or brought in by a lower threshold). Its id
    /// must be new; it takes its place in text order.
    AddClaim {
        claim: Box<Claim>,
    },
    /// Removes a claim; the inverse adds it back with its verdict, note and evidence.
    RemoveClaim {
        claim: u32,
    },
    /// Several changes as one step (one undo, one history line), described by `label`.
    Batch {
        label: String,
        actions: Vec<Action>,
    },
    /// The check-worthiness threshold of the checklist.
    SetThreshold {
        threshold: f32,
    },
    /// Sets a claim aside as "not a claim" (a false positive). It is kept in
    /// `Review::dismissed`, with its verdict, note and evidence, and can be restored.
    Dismiss {
        claim: u32,
    },
    /// Brings a dismissed claim back to the checklist.
    Restore {
        claim: u32,
    },
}

impl Action {
    pub fn claim(&self) -> u32 {
        match self {
            Action::SetVerdict { claim, .. }
            | Action::SetNote { claim, .. }
            | Action::AddEvidence { claim, .. }
            | Action::RemoveEvidence { claim, .. }
            | Action::EditEvidence { claim, .. }
            | Action::RemoveClaim { claim }
            | Action::Dismiss { claim }
            | Action::Restore { claim } => *claim,
            Action::AddClaim { claim } => claim.id,
            Action::Batch { actions, .. } => actions
                .iter()
                .map(Action::claim)
                .find(|c| *c != 0)
                .unwrap_or(0),
            Action::SetThreshold { .. } => 0,
        }
    }

    /// Whether the action changes claim `id` (a batch: whether any of its actions does).
    pub fn touches(&self, id: u32) -> bool {
        match self {
            Action::Batch { actions, .. } => actions.iter().any(|a| a.touches(id)),
            other => other.claim() == id,
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
            Action::AddEvidence {
                claim, evidence, ..
            } => format!(
                "claim {claim}: evidence added ({})",
                host_of(&evidence.url).unwrap_or(&evidence.url)
            ),
            Action::RemoveEvidence { claim, index } => {
                format!("claim {claim}: evidence {} removed", index + 1)
            }
            Action::EditEvidence { claim, index, .. } => {
                format!("claim {claim}: evidence {} edited", index + 1)
            }
            Action::AddClaim { claim } => format!("claim {} added", claim.id),
            Action::RemoveClaim { claim } => format!("claim {claim} removed"),
            Action::Batch { label, .. } => label.clone(),
            Action::SetThreshold { threshold } => format!("threshold set to {threshold:.2}"),
            Action::Dismiss { claim } => format!("claim {claim} dismissed (not a claim)"),
            Action::Restore { claim } => format!("claim {claim} restored"),
        }
    }
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub action: Action,
    /// Who made the change, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReviewError {
    #[error("there is no claim {0} in this review")]
    NoSuchClaim(u32),
    #[error("claim {claim} has no evidence item {number} (it has {len})", number = index + 1)]
    NoSuchEvidence {
        claim: u32,
        index: usize,
        len: usize,
    },
    #[error("there is already a claim {0} in this review")]
    DuplicateClaim(u32),
    #[error("claim {0} points outside the article text")]
    OutsideText(u32),
    #[error("the selection holds no words; select the words of the claim first")]
    EmptySpan,
    #[error("that passage is already claim {0}")]
    SpanTaken(u32),
    #[error("claim {0} cannot be split there: choose a point between two words inside the claim")]
    BadSplit(u32),
    #[error("claims {0} and {1} cannot be merged: they must be two different claims")]
    CannotMerge(u32, u32),
    #[error("there is no dismissed claim {0} in this review")]
    NotDismissed(u32),
    #[error("claim {0} cannot be restored: its text is no longer in this version of the article")]
    Gone(u32),
}

/// The host of an http(s) URL, without a leading "www.".
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next()?
    } else {
        host.split(':').next()?
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
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
    /// Claims the reviewer set aside as "not a claim", kept (with their verdicts and notes) so
    /// they can be restored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<Claim>,
    /// The check-worthiness threshold this review's checklist was drawn at.
    #[serde(default = "default_threshold")]
    pub threshold: f32,
    /// Bumped by every change; not saved. The UI compares it to know what is unsaved.
    #[serde(skip)]
    pub revision: u64,
}

fn default_threshold() -> f32 {
    crate::extract::DEFAULT_THRESHOLD
}

impl Claim {
    /// A new, unreviewed claim for a scored sentence of `text` (no group).
    pub fn from_candidate(text: &str, id: u32, c: &Candidate) -> Claim {
        Claim {
            id,
            position: TextPosition {
                start: c.range.start,
                end: c.range.end,
            },
            quote: TextQuote::from_text(text, c.range.start, c.range.end),
            score: (c.score * 1000.0).round() / 1000.0,
            reasons: c.reasons.to_vec(),
            kind: c.kind.to_string(),
            kind_reason: c.kind_reason.clone(),
            claimant: c.claimant.clone(),
            group: None,
            verdict: Verdict::Unreviewed,
            note: String::new(),
            evidence: Vec::new(),
            previous: None,
        }
    }

    /// Untouched by the reviewer: no verdict, note or evidence.
    pub fn is_untouched(&self) -> bool {
        self.verdict == Verdict::Unreviewed
            && self.note.trim().is_empty()
            && self.evidence.is_empty()
    }
}

impl Review {
    /// The change that moves the checklist to `threshold`: sentences now above it become
    /// claims, untouched claims now below it leave; reviewed claims always stay.
    pub fn threshold_change(&self, threshold: f32) -> Action {
        let sentences = crate::extract::sentences(&self.article);
        let mut next = self.next_claim_id();
        let mut actions = vec![Action::SetThreshold { threshold }];
        let (mut added, mut removed) = (0, 0);
        let spans = self.claim_spans();
        for c in sentences.iter().filter(|c| c.is_claim(threshold)) {
            if !spans.contains(&(c.range.start, c.range.end)) {
                actions.push(Action::AddClaim {
                    claim: Box::new(Claim::from_candidate(&self.article.text, next, c)),
                });
                next += 1;
                added += 1;
            }
        }
        for k in &self.claims {
            if k.score < threshold && k.is_untouched() {
                actions.push(Action::RemoveClaim { claim: k.id });
                removed += 1;
            }
        }
        Action::Batch {
            label: format!(
                "threshold {:.2} → {threshold:.2}: {added} claims added, {removed} removed",
                self.threshold
            ),
            actions,
        }
    }

    /// A fresh, unreviewed review of `article` with the given claims (in text order).
    pub fn new(article: Article, candidates: &[Candidate]) -> Self {
        let now = Utc::now();
        let claims = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut claim = Claim::from_candidate(&article.text, i as u32 + 1, c);
                claim.group = c.group.map(|g| g as u32 + 1);
                claim
            })
            .collect();
        Self {
            article,
            claims,
            created: now,
            modified: now,
            history: Vec::new(),
            orphans: Vec::new(),
            dismissed: Vec::new(),
            threshold: crate::extract::DEFAULT_THRESHOLD,
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
        self.apply_by(action, None)
    }

    /// `apply`, recording `reviewer` as the author of the change in the history.
    pub fn apply_by(
        &mut self,
        action: Action,
        reviewer: Option<&str>,
    ) -> Result<Action, ReviewError> {
        let inverse = self.perform(&action)?;
        self.record(action, reviewer);
        Ok(inverse)
    }

    /// Performs `action` without recording it; returns its inverse. A batch is all or nothing.
    fn perform(&mut self, action: &Action) -> Result<Action, ReviewError> {
        match action {
            Action::AddClaim { claim } => {
                if self
                    .claims
                    .iter()
                    .chain(&self.orphans)
                    .chain(&self.dismissed)
                    .any(|c| c.id == claim.id)
                {
                    return Err(ReviewError::DuplicateClaim(claim.id));
                }
                let p = claim.position;
                let text = &self.article.text;
                if p.start > p.end
                    || p.end > text.len()
                    || !text.is_char_boundary(p.start)
                    || !text.is_char_boundary(p.end)
                {
                    return Err(ReviewError::OutsideText(claim.id));
                }
                let at = self
                    .claims
                    .partition_point(|c| (c.position.start, c.id) < (p.start, claim.id));
                self.claims.insert(at, (**claim).clone());
                return Ok(Action::RemoveClaim { claim: claim.id });
            }
            Action::RemoveClaim { claim } => {
                let at = self
                    .claims
                    .iter()
                    .position(|c| c.id == *claim)
                    .ok_or(ReviewError::NoSuchClaim(*claim))?;
                let removed = self.claims.remove(at);
                return Ok(Action::AddClaim {
                    claim: Box::new(removed),
                });
            }
            Action::SetThreshold { threshold } => {
                let old = std::mem::replace(&mut self.threshold, threshold.clamp(0.0, 1.0));
                return Ok(Action::SetThreshold { threshold: old });
            }
            Action::Dismiss { claim } => {
                let at = self
                    .claims
                    .iter()
                    .position(|c| c.id == *claim)
                    .ok_or(ReviewError::NoSuchClaim(*claim))?;
                let c = self.claims.remove(at);
                self.dismissed.push(c);
                return Ok(Action::Restore { claim: *claim });
            }
            Action::Restore { claim } => {
                let at = self
                    .dismissed
                    .iter()
                    .position(|c| c.id == *claim)
                    .ok_or(ReviewError::NotDismissed(*claim))?;
                let c = &self.dismissed[at];
                let p = c.position;
                if self.article.text.get(p.start..p.end) != Some(c.quote.exact.as_str()) {
                    return Err(ReviewError::Gone(*claim));
                }
                let c = self.dismissed.remove(at);
                let at = self
                    .claims
                    .partition_point(|k| (k.position.start, k.id) < (p.start, c.id));
                self.claims.insert(at, c);
                return Ok(Action::Dismiss { claim: *claim });
            }
            Action::Batch { label, actions } => {
                let mut inverses = Vec::with_capacity(actions.len());
                for a in actions {
                    match self.perform(a) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            for inv in inverses.iter().rev() {
                                let _ = self.perform(inv);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                return Ok(Action::Batch {
                    label: format!("undo: {label}"),
                    actions: inverses,
                });
            }
            _ => {}
        }
        let claim = self.claim_mut(action.claim())?;
        let no_such = |claim: &Claim, index: usize| ReviewError::NoSuchEvidence {
            claim: claim.id,
            index,
            len: claim.evidence.len(),
        };
        let inverse = match action {
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
            Action::AddEvidence {
                claim: id,
                index,
                evidence,
            } => {
                if *index > claim.evidence.len() {
                    return Err(no_such(claim, *index));
                }
                claim.evidence.insert(*index, evidence.clone());
                Action::RemoveEvidence {
                    claim: *id,
                    index: *index,
                }
            }
            Action::RemoveEvidence { claim: id, index } => {
                if *index >= claim.evidence.len() {
                    return Err(no_such(claim, *index));
                }
                let old = claim.evidence.remove(*index);
                Action::AddEvidence {
                    claim: *id,
                    index: *index,
                    evidence: old,
                }
            }
            Action::EditEvidence {
                claim: id,
                index,
                evidence,
            } => {
                let Some(slot) = claim.evidence.get_mut(*index) else {
                    return Err(no_such(claim, *index));
                };
                let old = std::mem::replace(slot, evidence.clone());
                Action::EditEvidence {
                    claim: *id,
                    index: *index,
                    evidence: old,
                }
            }
            // Review-level changes were performed above and returned.
            Action::AddClaim { .. }
            | Action::RemoveClaim { .. }
            | Action::Batch { .. }
            | Action::SetThreshold { .. }
            | Action::Dismiss { .. }
            | Action::Restore { .. } => {
                return Err(ReviewError::NoSuchClaim(action.claim()));
            }
        };
        Ok(inverse)
    }

    /// Adds `action` to the history (with its author) and marks the review changed.
    fn record(&mut self, action: Action, reviewer: Option<&str>) {
        let reviewer = reviewer
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string);
        let now = Utc::now();
        // Typing a note is one change in the history, not one per keystroke.
        let coalesce = matches!(
            (&action, self.history.last()),
            (Action::SetNote { claim: a, .. }, Some(HistoryEntry { action: Action::SetNote { claim: b, .. }, .. })) if a == b
        );
        let entry = HistoryEntry {
            at: now,
            action,
            reviewer,
        };
        match self.history.last_mut() {
            Some(last) if coalesce => *last = entry,
            _ => self.history.push(entry),
        }
        self.modified = now;
        self.revision += 1;
    }

    /// The spans (byte ranges) that are already claims, or were dismissed as not claims, to
    /// tell other sentences from them.
    pub fn claim_spans(&self) -> std::collections::HashSet<(usize, usize)> {
        self.claims
            .iter()
            .chain(&self.dismissed)
            .map(|c| (c.position.start, c.position.end))
            .collect()
    }

    /// The next free claim id.
    pub fn next_claim_id(&self) -> u32 {
        self.claims
            .iter()
            .chain(&self.orphans)
            .chain(&self.dismissed)
            .map(|c| c.id)
            .max()
            .unwrap_or(0)
            + 1
    }
}

/// What differs between two versions of a review, in words, a line a claim ("• claim 3: verdict
/// verified there, disputed here; note differs"): `there` is the file on disk, `here` the one
/// about to replace it. At most ten claims are named.
pub fn differences(there: &Review, here: &Review) -> String {
    let mut lines = Vec::new();
    if there.article.text_sha256() != here.article.text_sha256() {
        lines.push("the article text differs".to_string());
    }
    let ids: std::collections::BTreeSet<u32> = there
        .claims
        .iter()
        .chain(&here.claims)
        .map(|c| c.id)
        .collect();
    let mut changed = 0;
    for id in ids {
        let what = match (there.claim(id), here.claim(id)) {
            (Some(_), None) => vec!["only there".to_string()],
            (None, Some(_)) => vec!["only here".to_string()],
            (Some(a), Some(b)) => {
                let mut w = Vec::new();
                if a.verdict != b.verdict {
                    w.push(format!(
                        "verdict {} there, {} here",
                        a.verdict.label().to_lowercase(),
                        b.verdict.label().to_lowercase()
                    ));
                }
                if a.note != b.note {
                    w.push("note differs".to_string());
                }
                if a.evidence != b.evidence {
                    w.push(format!(
                        "{} source(s) there, {} here",
                        a.evidence.len(),
                        b.evidence.len()
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
            lines.push(format!("claim {id}: {}", what.join("; ")));
        }
    }
    if changed > 10 {
        lines.push(format!("and {} more claims", changed - 10));
    }
    if lines.is_empty() {
        "Its claims, verdicts, notes and sources are the same as here.".to_string()
    } else {
        format!("On disk:\n• {}", lines.join("\n• "))
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
    fn differences_name_each_claim_that_differs() {
        let there = review();
        let mut here = there.clone();
        assert!(differences(&there, &here).contains("are the same"));
        here.claims[0].verdict = Verdict::Disputed;
        here.claims[2].note = "mine".into();
        let d = differences(&there, &here);
        let id0 = here.claims[0].id;
        let id2 = here.claims[2].id;
        assert!(
            d.contains(&format!(
                "• claim {id0}: verdict unreviewed there, disputed here"
            )),
            "{d}"
        );
        assert!(d.contains(&format!("• claim {id2}: note differs")), "{d}");
        assert_eq!(d.lines().count(), 3, "{d}");
        for c in &mut here.claims {
            c.verdict = Verdict::Verified;
        }
        let d = differences(&there, &here);
        assert!(
            d.contains(&format!("and {} more claims", here.claims.len() - 10)),
            "{d}"
        );
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
    fn claims_added_removed_and_batched_undo_exactly() {
        let mut r = review();
        let before = r.claims.clone();
        let mut extra = r.claims[0].clone();
        extra.id = r.next_claim_id();
        let first = r.claims[0].id;
        let inv_add = r
            .apply(Action::AddClaim {
                claim: Box::new(extra.clone()),
            })
            .unwrap();
        assert_eq!(r.claims.len(), before.len() + 1);
        assert_eq!(r.claims[1].id, extra.id, "kept in text order");
        let batch = Action::Batch {
            label: "two changes".into(),
            actions: vec![
                Action::SetVerdict {
                    claim: extra.id,
                    verdict: Verdict::Verified,
                },
                Action::RemoveClaim { claim: first },
            ],
        };
        assert!(batch.touches(extra.id) && batch.touches(first));
        assert!(!batch.touches(9999));
        let inv_batch = r.apply(batch).unwrap();
        assert!(r.claim(first).is_none());
        assert_eq!(r.history.last().unwrap().action.describe(), "two changes");
        r.apply(inv_batch).unwrap();
        r.apply(inv_add).unwrap();
        assert_eq!(r.claims, before);
        // A batch that fails halfway changes nothing.
        let bad = Action::Batch {
            label: "bad".into(),
            actions: vec![
                Action::SetVerdict {
                    claim: first,
                    verdict: Verdict::Disputed,
                },
                Action::RemoveClaim { claim: 9999 },
            ],
        };
        assert_eq!(r.apply(bad).unwrap_err(), ReviewError::NoSuchClaim(9999));
        assert_eq!(r.claims, before);
        assert!(matches!(
            r.apply(Action::AddClaim {
                claim: Box::new(before[0].clone())
            }),
            Err(ReviewError::DuplicateClaim(_))
        ));
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

    fn evidence(url: &str, day: u32) -> Evidence {
        let mut e = Evidence::new(url, NaiveDate::from_ymd_opt(2024, 6, day).unwrap()).unwrap();
        e.title = format!("Source {day}");
        e
    }

    #[test]
    fn evidence_add_edit_remove_and_their_inverses() {
        let mut r = review();
        let id = r.claims[1].id;
        let before = r.clone();
        let a = evidence("https://www.kcna.kp/fr/article/1", 19);
        let b = evidence("https://apnews.com/article/2", 20);
        let inv_a = r
            .apply(Action::AddEvidence {
                claim: id,
                index: 0,
                evidence: a.clone(),
            })
            .unwrap();
        assert_eq!(
            inv_a,
            Action::RemoveEvidence {
                claim: id,
                index: 0
            }
        );
        // Inserting in front keeps the order the reviewer asked for.
        let inv_b = r
            .apply(Action::AddEvidence {
                claim: id,
                index: 0,
                evidence: b.clone(),
            })
            .unwrap();
        assert_eq!(r.claim(id).unwrap().evidence, vec![b.clone(), a.clone()]);
        let mut edited = a.clone();
        edited.stance = Stance::Refutes;
        edited.quote = "« pas de visite »".into();
        let inv_edit = r
            .apply(Action::EditEvidence {
                claim: id,
                index: 1,
                evidence: edited.clone(),
            })
            .unwrap();
        assert_eq!(
            inv_edit,
            Action::EditEvidence {
                claim: id,
                index: 1,
                evidence: a.clone()
            }
        );
        assert_eq!(r.claim(id).unwrap().evidence[1], edited);
        let inv_remove = r
            .apply(Action::RemoveEvidence {
                claim: id,
                index: 0,
            })
            .unwrap();
        assert_eq!(
            inv_remove,
            Action::AddEvidence {
                claim: id,
                index: 0,
                evidence: b.clone()
            }
        );
        assert_eq!(r.claim(id).unwrap().evidence, vec![edited]);
        assert_eq!(
            r.history
                .iter()
                .map(|h| h.action.describe())
                .collect::<Vec<_>>(),
            [
                format!("claim {id}: evidence added (kcna.kp)"),
                format!("claim {id}: evidence added (apnews.com)"),
                format!("claim {id}: evidence 2 edited"),
                format!("claim {id}: evidence 1 removed"),
            ]
        );
        // Undo everything, newest first: the claims are as they were.
        for inv in [inv_remove, inv_edit, inv_b, inv_a] {
            r.apply(inv).unwrap();
        }
        assert_eq!(r.claims, before.claims);
    }

    #[test]
    fn evidence_out_of_range_is_an_error_and_changes_nothing() {
        let mut r = review();
        let id = r.claims[0].id;
        let before = r.clone();
        let e = evidence("https://example.org/a", 1);
        assert_eq!(
            r.apply(Action::AddEvidence {
                claim: id,
                index: 1,
                evidence: e.clone()
            }),
            Err(ReviewError::NoSuchEvidence {
                claim: id,
                index: 1,
                len: 0
            })
        );
        assert!(
            r.apply(Action::RemoveEvidence {
                claim: id,
                index: 0
            })
            .is_err()
        );
        let err = r
            .apply(Action::EditEvidence {
                claim: id,
                index: 3,
                evidence: e,
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("claim {id} has no evidence item 4 (it has 0)")
        );
        assert_eq!(r, before);
    }

    #[test]
    fn history_records_the_reviewer() {
        let mut r = review();
        let id = r.claims[0].id;
        r.apply_by(
            Action::SetVerdict {
                claim: id,
                verdict: Verdict::Verified,
            },
            Some(" Camille Martin "),
        )
        .unwrap();
        r.apply_by(
            Action::SetVerdict {
                claim: id,
                verdict: Verdict::Disputed,
            },
            Some("  "),
        )
        .unwrap();
        assert_eq!(r.history[0].reviewer.as_deref(), Some("Camille Martin"));
        assert_eq!(r.history[1].reviewer, None);
    }

    #[test]
    fn evidence_urls_must_be_web_addresses() {
        let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        assert_eq!(
            Evidence::new("  https://example.org/a b ", day)
                .unwrap()
                .url,
            "https://example.org/a%20b"
        );
        assert!(matches!(
            Evidence::new("javascript:alert(1)", day),
            Err(UrlError::Scheme(_))
        ));
        assert!(matches!(
            Evidence::new("file:///etc/passwd", day),
            Err(UrlError::Scheme(_))
        ));
        assert!(matches!(
            Evidence::new("example.org", day),
            Err(UrlError::Invalid(_))
        ));
        assert_eq!(host_of("https://www.lemonde.fr/x?y"), Some("lemonde.fr"));
        assert_eq!(
            host_of("http://user@Example.org:8080/"),
            Some("Example.org")
        );
        assert_eq!(host_of("nonsense"), None);
    }

    #[test]
    fn sessions_without_evidence_or_reviewer_still_load() {
        let r = review();
        let mut v = serde_json::to_value(&r).unwrap();
        for c in v["claims"].as_array_mut().unwrap() {
            c.as_object_mut().unwrap().remove("evidence");
        }
        v["history"] = serde_json::json!([{"at": "2024-06-19T10:00:00Z", "action": {"action": "set_verdict", "claim": 1, "verdict": "verified"}}]);
        let back: Review = serde_json::from_value(v).unwrap();
        assert!(back.claims.iter().all(|c| c.evidence.is_empty()));
        assert_eq!(back.history[0].reviewer, None);
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
