//! Article → claims: language, sentence segmentation, check-worthiness with reasons, claim type,
//! claimant, and groups of near-duplicate claims.

pub mod lang;
pub mod lexicon;
pub mod score;
pub mod segment;

use crate::article::{Article, BlockKind};
use std::collections::HashSet;
use std::ops::Range;

pub use score::DEFAULT_THRESHOLD;

/// One sentence of the article with its check-worthiness.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range in `Article.text`.
    pub range: Range<usize>,
    pub text: String,
    pub score: f32,
    pub reasons: Vec<String>,
    pub kind: &'static str,
    pub claimant: Option<String>,
    /// Index (in the returned list) of the first candidate that says nearly the same thing.
    pub group: Option<usize>,
}

impl Candidate {
    pub fn is_claim(&self, threshold: f32) -> bool {
        self.score >= threshold
    }
}

/// Every sentence of the article's paragraphs, scored. Titles, captions, credits and boilerplate
/// are never claims. Use `Candidate::is_claim` with a threshold to pick the checklist.
pub fn sentences(article: &Article) -> Vec<Candidate> {
    let lang = article
        .metadata
        .language
        .clone()
        .unwrap_or_else(|| lang::detect(&article.text).to_string());
    let lex = lexicon::for_language(&lang);
    let mut out = Vec::new();
    for block in article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
    {
        let body = &article.text[block.start..block.end];
        for r in segment::sentences(body, lex) {
            let range = block.start + r.start..block.start + r.end;
            let text = article.text[range.clone()].to_string();
            let s = score::score(&text, lex);
            out.push(Candidate {
                range,
                text,
                score: s.score,
                reasons: s.reasons,
                kind: s.kind,
                claimant: s.claimant,
                group: None,
            });
        }
    }
    assign_groups(&mut out);
    out
}

/// The checklist: sentences scoring at least `threshold`.
pub fn claims(article: &Article, threshold: f32) -> Vec<Candidate> {
    let mut all: Vec<Candidate> = sentences(article)
        .into_iter()
        .filter(|c| c.is_claim(threshold))
        .collect();
    assign_groups(&mut all);
    all
}

fn token_set(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// Near-duplicates (word-set Jaccard ≥ 0.6) share the group of their first occurrence.
/// Quadratic, so only for checklists of a reasonable size.
fn assign_groups(cands: &mut [Candidate]) {
    const MAX_FOR_GROUPING: usize = 3000;
    for c in cands.iter_mut() {
        c.group = None;
    }
    if cands.len() > MAX_FOR_GROUPING {
        return;
    }
    let sets: Vec<HashSet<String>> = cands.iter().map(|c| token_set(&c.text)).collect();
    for i in 0..cands.len() {
        if cands[i].group.is_some() || sets[i].len() < 4 {
            continue;
        }
        for j in i + 1..cands.len() {
            if cands[j].group.is_some() {
                continue;
            }
            let inter = sets[i].intersection(&sets[j]).count();
            let union = sets[i].len() + sets[j].len() - inter;
            if union > 0 && inter as f32 / union as f32 >= 0.6 {
                cands[i].group = Some(i);
                cands[j].group = Some(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    #[test]
    fn sample_claims_skip_title_trailer_and_captions() {
        let a = article::sample();
        let claims = claims(&a, DEFAULT_THRESHOLD);
        assert!(claims.len() >= 8, "only {} claims", claims.len());
        for c in &claims {
            assert!(
                !c.text.contains("Facebook") && !c.text.contains("Akismet"),
                "{}",
                c.text
            );
            assert!(
                !c.text.contains("via CNN Newsource"),
                "caption offered: {}",
                c.text
            );
            assert_ne!(
                c.text,
                "Vladimir Poutine et Kim Jong Un riaient dans une limousine russe"
            );
            assert_eq!(&a.text[c.range.clone()], c.text);
        }
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        for needle in [
            "accord de défense",
            "1961",
            "Aurus",
            "Pungsan",
            "24 ans jour pour jour",
            "Hanoï",
        ] {
            assert!(
                texts.iter().any(|t| t.contains(needle)),
                "no claim mentions {needle}"
            );
        }
    }
}
