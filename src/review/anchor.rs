//! Re-anchoring: when the article changes, every claim is found again in the new text — by its
//! TextPosition if the text there is unchanged, else by its TextQuote (exact text with prefix and
//! suffix), else by the most similar sentence if it is similar enough. Claims that cannot be found
//! become orphans, kept with their verdicts and notes, never dropped.

use super::{Claim, Review, TextPosition, TextQuote};
use crate::article::Article;
use crate::extract::segment;
use crate::lexicon::{self, lang};
use std::collections::HashMap;
use std::ops::Range;

/// A fuzzy match must be at least this similar (normalised Levenshtein, 0..1) to the claim's text.
pub const MIN_SIMILARITY: f64 = 0.6;

/// What happened to one claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Same text at the same place.
    Unchanged,
    /// Same text, elsewhere (char offsets in the old and new texts).
    Moved { from: usize, to: usize },
    /// Reworded: the most similar sentence of the new text.
    Edited {
        old: String,
        new: String,
        similarity: f64,
    },
    /// Not found: kept in `Review::orphans`.
    Orphaned,
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Unchanged => "unchanged",
            Outcome::Moved { .. } => "moved",
            Outcome::Edited { .. } => "edited",
            Outcome::Orphaned => "orphaned",
        }
    }
}

/// The outcome for each claim, in the old review's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub outcomes: Vec<(u32, Outcome)>,
}

impl Report {
    pub fn count(&self, label: &str) -> usize {
        self.outcomes
            .iter()
            .filter(|(_, o)| o.label() == label)
            .count()
    }

    /// "14 unchanged, 1 moved, 1 edited, 0 orphaned".
    pub fn summary(&self) -> String {
        ["unchanged", "moved", "edited", "orphaned"]
            .iter()
            .map(|l| format!("{} {l}", self.count(l)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Length of the common suffix of `a` and `b`, in chars.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Candidate spans for fuzzy matching: the sentences of every block of the new text, with an
/// index from words to sentences.
struct Sentences {
    spans: Vec<Range<usize>>,
    sizes: Vec<usize>,
    index: HashMap<String, Vec<usize>>,
}

impl Sentences {
    fn new(article: &Article) -> Self {
        let code = article
            .metadata
            .language
            .clone()
            .unwrap_or_else(|| lang::detect(&article.text).to_string());
        let lex = lexicon::for_language(&code);
        let mut spans = Vec::new();
        for b in &article.blocks {
            for r in segment::sentences(&article.text[b.start..b.end], lex) {
                spans.push(b.start + r.start..b.start + r.end);
            }
        }
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        let mut sizes = Vec::with_capacity(spans.len());
        for (i, r) in spans.iter().enumerate() {
            let mut ws = words(&article.text[r.clone()]);
            ws.sort_unstable();
            ws.dedup();
            sizes.push(ws.len());
            for w in ws {
                index.entry(w).or_default().push(i);
            }
        }
        Self {
            spans,
            sizes,
            index,
        }
    }

    /// The sentences sharing the most words with `text` (Jaccard), best first.
    fn closest(&self, text: &str, n: usize) -> Vec<usize> {
        let mut ws = words(text);
        ws.sort_unstable();
        ws.dedup();
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for w in &ws {
            for &i in self.index.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                *shared.entry(i).or_default() += 1;
            }
        }
        let mut scored: Vec<(f64, usize)> = shared
            .into_iter()
            .map(|(i, s)| (s as f64 / (ws.len() + self.sizes[i] - s).max(1) as f64, i))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(n).map(|(_, i)| i).collect()
    }
}

/// Finds `claim` in `new`: its range and outcome, or None for an orphan.
fn find(
    claim: &Claim,
    old_text: &str,
    new: &Article,
    sentences: &Sentences,
) -> Option<(Range<usize>, Outcome)> {
    let text = &new.text;
    let exact = &claim.quote.exact;
    let TextPosition { start, end } = claim.position;
    if exact.is_empty() {
        return None;
    }
    if text.get(start..end) == Some(exact.as_str()) {
        return Some((start..end, Outcome::Unchanged));
    }
    // The quote elsewhere: the occurrence whose context best matches the quote's prefix and
    // suffix; among equals, the nearest to the old position.
    let best = text
        .match_indices(exact.as_str())
        .map(|(i, _)| {
            let ctx = common_suffix(&text[..i], &claim.quote.prefix)
                + common_prefix(&text[i + exact.len()..], &claim.quote.suffix);
            (ctx, std::cmp::Reverse(i.abs_diff(start)), i)
        })
        .max();
    if let Some((_, _, i)) = best {
        let from = crate::text::char_offset(old_text, start.min(old_text.len()));
        let to = crate::text::char_offset(text, i);
        return Some((i..i + exact.len(), Outcome::Moved { from, to }));
    }
    // Reworded: the most similar sentence, if similar enough.
    sentences
        .closest(exact, 5)
        .into_iter()
        .map(|i| {
            let r = sentences.spans[i].clone();
            (strsim::normalized_levenshtein(exact, &text[r.clone()]), r)
        })
        .filter(|(sim, _)| *sim >= MIN_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(similarity, r)| {
            let new_text = text[r.clone()].to_string();
            (
                r,
                Outcome::Edited {
                    old: exact.clone(),
                    new: new_text,
                    similarity,
                },
            )
        })
}

/// `c` pointing at `r` of the new text, its quote taken from there.
fn moved_to(c: &Claim, r: Range<usize>, text: &str) -> Claim {
    let mut moved = c.clone();
    moved.position = TextPosition {
        start: r.start,
        end: r.end,
    };
    moved.quote = TextQuote::from_text(text, r.start, r.end);
    moved
}

/// The review moved onto `new` (an edited version of its article). Claims keep their ids,
/// verdicts, notes and evidence; reworded claims remember their old wording in `previous`.
pub fn reanchor(review: &Review, new: Article) -> (Review, Report) {
    let sentences = Sentences::new(&new);
    let mut claims = Vec::new();
    let mut orphans = review.orphans.clone();
    let mut outcomes = Vec::new();
    for c in &review.claims {
        match find(c, &review.article.text, &new, &sentences) {
            Some((r, outcome)) => {
                let mut moved = moved_to(c, r, &new.text);
                if let Outcome::Edited { old, .. } = &outcome {
                    moved.previous = Some(old.clone());
                }
                claims.push(moved);
                outcomes.push((c.id, outcome));
            }
            None => {
                orphans.push(c.clone());
                outcomes.push((c.id, Outcome::Orphaned));
            }
        }
    }
    claims.sort_by_key(|c| (c.position.start, c.id));
    // Dismissed claims move too, so that they can still be restored; one not found stays as it
    // was (restoring it then says its text is gone).
    let dismissed = review
        .dismissed
        .iter()
        .map(|c| match find(c, &review.article.text, &new, &sentences) {
            Some((r, _)) => moved_to(c, r, &new.text),
            None => c.clone(),
        })
        .collect();
    let mut out = review.clone();
    out.dismissed = dismissed;
    out.article = new;
    out.claims = claims;
    out.orphans = orphans;
    out.modified = chrono::Utc::now();
    out.revision += 1;
    (out, Report { outcomes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::review::{Action, Verdict};

    fn reviewed() -> Review {
        let mut r = Review::from_article(article::sample());
        let id = r.claims[3].id;
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Disputed,
        })
        .unwrap();
        r.apply(Action::SetNote {
            claim: id,
            note: "à vérifier".into(),
        })
        .unwrap();
        r
    }

    fn edited(text: &str) -> Article {
        article::from_bytes(text.as_bytes(), "edited.txt").unwrap()
    }

    #[test]
    fn same_article_leaves_every_claim_unchanged() {
        let r = reviewed();
        let (r2, report) = reanchor(&r, r.article.clone());
        assert_eq!(report.count("unchanged"), r.claims.len());
        assert_eq!(r2.claims, r.claims);
    }

    #[test]
    fn moved_edited_and_orphaned_claims() {
        let r = reviewed();
        let original = article::sample();
        let paras: Vec<&str> = original
            .blocks
            .iter()
            .map(|b| &original.text[b.start..b.end])
            .collect();
        // A new paragraph at the top moves everything; one sentence reworded; one paragraph gone.
        let aurus = paras
            .iter()
            .position(|p| p.starts_with("Mercredi, Poutine a offert"))
            .unwrap();
        let pungsan = paras.iter().position(|p| p.contains("Pungsan")).unwrap();
        let mut new_paras: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
        new_paras[aurus] = new_paras[aurus].replace(
            "lors d’un échange de cadeaux",
            "pendant un échange de présents",
        );
        new_paras.remove(pungsan);
        new_paras.insert(
            1,
            "Mise à jour : cet article a été corrigé le 21 juin.".to_string(),
        );
        let (r2, report) = reanchor(&r, edited(&new_paras.join("\n\n")));

        let outcome = |needle: &str| {
            let id = r
                .claims
                .iter()
                .find(|c| c.text().contains(needle))
                .unwrap()
                .id;
            report
                .outcomes
                .iter()
                .find(|(i, _)| *i == id)
                .unwrap()
                .1
                .clone()
        };
        assert!(matches!(outcome("1961"), Outcome::Moved { .. }));
        match outcome("Mercredi, Poutine a offert") {
            Outcome::Edited {
                new, similarity, ..
            } => {
                assert!(new.contains("pendant un échange de présents"));
                assert!(similarity >= MIN_SIMILARITY);
            }
            o => panic!("{o:?}"),
        }
        assert_eq!(outcome("Pungsan"), Outcome::Orphaned);
        let orphan = r2
            .orphans
            .iter()
            .find(|c| c.text().contains("Pungsan"))
            .unwrap();
        assert_eq!(
            orphan.verdict,
            r.claims
                .iter()
                .find(|c| c.text().contains("Pungsan"))
                .unwrap()
                .verdict
        );
        // Verdicts and notes travel with the claims; every claim points at its own text.
        let disputed = r.claims[3].id;
        assert_eq!(r2.claim(disputed).unwrap().note, "à vérifier");
        for c in &r2.claims {
            assert_eq!(
                &r2.article.text[c.position.start..c.position.end],
                c.quote.exact
            );
        }
        assert_eq!(r2.claims.len() + r2.orphans.len(), r.claims.len());
        let edited_claim = r2.claims.iter().find(|c| c.previous.is_some()).unwrap();
        assert!(
            edited_claim
                .previous
                .as_deref()
                .unwrap()
                .contains("lors d’un échange de cadeaux")
        );
    }

    #[test]
    fn repeated_quote_prefers_the_matching_context() {
        let text = "Le taux est de 5 %. Il a baissé.\n\nAilleurs, le taux est de 5 %. Il a baissé.";
        let a = edited(text);
        let mut r = Review::new(a.clone(), &[]);
        // Anchor a claim on the second "Il a baissé." by hand.
        let second = text.rfind("Il a baissé.").unwrap();
        let mut c = reviewed().claims[0].clone();
        c.id = 99;
        c.position = TextPosition {
            start: second,
            end: second + "Il a baissé.".len(),
        };
        c.quote = TextQuote::from_text(&a.text, c.position.start, c.position.end);
        r.claims = vec![c];
        // Text inserted at the top: the position no longer matches, the context does.
        let (r2, report) = reanchor(&r, edited(&format!("Titre\n\n{text}")));
        assert!(matches!(report.outcomes[0].1, Outcome::Moved { .. }));
        let p = r2.claims[0].position;
        assert!(r2.article.text[..p.start].ends_with("Ailleurs, le taux est de 5 %. "));
    }
}
