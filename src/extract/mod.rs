//! Article → claims: each sentence of the article's paragraphs and captions segmented
//! (`segment`), read for its features (`features`), scored with reasons (`score`), typed
//! (`kind`), its claimant found (`entities`), and near-duplicates grouped (`groups`).
//!
//! Sentences are scored independently of one another, on every core (rayon's global pool, sized
//! by `CLAIMDESK_THREADS`); what depends on the text before a sentence (the full names that
//! resolve a claimant given by one word, the near-duplicate groups) is worked out afterwards, in
//! text order.

pub mod entities;
pub mod features;
mod groups;
pub mod kind;
pub mod score;
pub mod segment;
pub mod terms;

use crate::article::{Article, BlockKind};
use crate::lexicon::{self, Lexicon, lang};
use rayon::prelude::*;
use std::ops::Range;

pub use kind::KINDS;
pub use score::DEFAULT_THRESHOLD;

/// One sentence of the article with its check-worthiness.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range in `Article.text`.
    pub range: Range<usize>,
    pub text: String,
    pub score: f32,
    pub reasons: score::Reasons,
    /// Full Fact claim type, one of `KINDS`.
    pub kind: &'static str,
    /// Why that type ("number", "causal: because", "attribution: selon").
    pub kind_reason: String,
    pub claimant: Option<String>,
    /// Index (in the returned list) of the first candidate that says nearly the same thing.
    pub group: Option<usize>,
    /// The block the sentence comes from: a paragraph, or a caption (never a claim by itself).
    pub block: BlockKind,
}

impl Candidate {
    /// A paragraph sentence scoring at least `threshold`. Caption sentences are listed (so that
    /// duplicates are found) but are never claims.
    pub fn is_claim(&self, threshold: f32) -> bool {
        self.block == BlockKind::Paragraph && self.score >= threshold
    }
}

/// Loads the lexicons, their phrase automata and the check-worthiness model on another thread,
/// so that the first article the window opens does not wait for them.
pub fn warm_up() {
    std::thread::spawn(|| {
        for code in lexicon::languages() {
            lexicon::for_language(code).matcher();
        }
        score::model();
    });
}

/// Makes the pool of threads that read articles: `CLAIMDESK_THREADS` of them if it is set to a
/// number (1 reads on one thread), else one per core. With `join`, the calling thread is one of
/// them, and reads the articles it asks for itself, the others helping: a command-line run
/// then reads a whole article on its own thread with `CLAIMDESK_THREADS=1`, rather than handing
/// it to another. (The window's thread must not join: it draws, and never picks up work.)
/// Call it once, before any article is read.
pub fn start_threads(join: bool) {
    let setting = std::env::var("CLAIMDESK_THREADS").ok();
    let mut pool =
        rayon::ThreadPoolBuilder::new().num_threads(threads_from(setting.as_deref()).unwrap_or(0));
    if join {
        pool = pool.use_current_thread();
    }
    // Fails only if the pool is already made, which then keeps its threads.
    let _ = pool.build_global();
}

/// The number of threads `CLAIMDESK_THREADS` asks for, if it is a number.
fn threads_from(setting: Option<&str>) -> Option<usize> {
    let n: usize = setting?.trim().parse().ok()?;
    Some(n.clamp(1, 64))
}

/// Every sentence of the article's paragraphs and captions, in text order, scored, with its claim
/// type, claimant and near-duplicate group. Titles, credits and boilerplate are left out;
/// captions are never claims. Use `Candidate::is_claim` with a threshold to pick the checklist.
pub fn sentences(article: &Article) -> Vec<Candidate> {
    scored_sentences(article, None)
}

/// `sentences` for a caller that shows only the claims at `threshold` (`select`): the other
/// sentences are scored and grouped, but get no reasons, claim type ("other") or claimant.
pub fn sentences_for_claims(article: &Article, threshold: f32) -> Vec<Candidate> {
    scored_sentences(article, Some(threshold))
}

/// What is read of the article, in text order: a title or heading (whose names are learnt), or
/// one sentence of a paragraph or caption (a byte range of the text, and its block's kind).
enum Piece {
    Names(Range<usize>),
    Sentence(Range<usize>, BlockKind),
}

/// `sentences`, explaining (reasons, type, claimant) every sentence, or only the claims at the
/// given threshold.
fn scored_sentences(article: &Article, explain_at: Option<f32>) -> Vec<Candidate> {
    let lang = match &article.metadata.language {
        Some(l) => l.clone(),
        None => lang::detect(&article.text).to_string(),
    };
    let lex = lexicon::for_language(&lang);
    let pieces: Vec<Piece> = article
        .blocks
        .par_iter()
        .flat_map_iter(|block| pieces_of(article, block, lex))
        .collect();
    let sentences: Vec<(&Range<usize>, BlockKind)> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Sentence(range, kind) => Some((range, *kind)),
            Piece::Names(_) => None,
        })
        .collect();
    // Each sentence with its named entities (the full names that resolve later claimants).
    let (mut out, entities): (Vec<Candidate>, Vec<Vec<String>>) = sentences
        .par_iter()
        .map(|&(range, kind)| read(article, range, kind, lex, explain_at))
        .unzip();
    // In text order: a claimant given by one word becomes the longest name met before it, and
    // the sentences' words are numbered for grouping.
    let mut names = entities::Names::default();
    let mut vocabulary = groups::Vocabulary::default();
    let mut grouper = groups::Grouper::with_capacity(out.len());
    let mut words = Vec::new();
    let mut sentences = out.iter_mut().zip(entities);
    for piece in &pieces {
        match piece {
            Piece::Names(range) => {
                let body = &article.text[range.clone()];
                names.learn_entities(entities::named_entities(body, lex));
            }
            Piece::Sentence(..) => {
                let Some((candidate, entities)) = sentences.next() else {
                    break;
                };
                names.resolve(&mut candidate.claimant);
                names.learn_entities(entities);
                vocabulary.sentence_words(&candidate.text, &mut words);
                grouper.push(&words);
            }
        }
    }
    for (c, g) in out.iter_mut().zip(grouper.groups()) {
        c.group = g;
    }
    out
}

/// The pieces of one block: its sentences, segmented, or its names.
fn pieces_of(article: &Article, block: &crate::article::Block, lex: &Lexicon) -> Vec<Piece> {
    let range = block.start..block.end;
    match block.kind {
        BlockKind::Title | BlockKind::Heading => vec![Piece::Names(range)],
        BlockKind::Paragraph | BlockKind::Caption => {
            let body = &article.text[range];
            segment::sentences(body, lex)
                .into_iter()
                .map(|r| Piece::Sentence(block.start + r.start..block.start + r.end, block.kind))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Scores the sentence at `range`, a sentence of a block of `kind`, explaining it if it is a
/// claim at `explain_at` (or always without a threshold).
fn read(
    article: &Article,
    range: &Range<usize>,
    kind: BlockKind,
    lex: &Lexicon,
    explain_at: Option<f32>,
) -> (Candidate, Vec<String>) {
    let text = article.text[range.clone()].to_string();
    let scoring = score::score_with_entities(&text, lex, |score| {
        explain_at.is_none_or(|t| kind == BlockKind::Paragraph && score >= t)
    });
    let s = scoring.scored;
    let candidate = Candidate {
        range: range.clone(),
        text,
        score: s.score,
        reasons: s.reasons,
        kind: s.kind,
        kind_reason: s.kind_reason,
        claimant: s.claimant,
        group: None,
        block: kind,
    };
    (candidate, scoring.entities)
}

/// The checklist: paragraph sentences scoring at least `threshold`. Groups index this list and
/// join claims that say nearly the same thing (found over all sentences, captions included).
pub fn claims(article: &Article, threshold: f32) -> Vec<Candidate> {
    select(sentences(article), threshold)
}

/// The checklist out of already scored sentences (see `claims`).
pub fn select(all: Vec<Candidate>, threshold: f32) -> Vec<Candidate> {
    let chosen = select_in(&all, threshold);
    let mut next = chosen.iter().peekable();
    all.into_iter()
        .enumerate()
        .filter_map(|(i, mut c)| {
            let &(_, group) = next.next_if(|(k, _)| *k == i)?;
            c.group = group;
            Some(c)
        })
        .collect()
}

/// `select` by reference: for each claim of the checklist, its index in `all` and its group
/// (an index in the checklist).
pub fn select_in(all: &[Candidate], threshold: f32) -> Vec<(usize, Option<usize>)> {
    // Per sentence that starts a group: (its first claim's place in the checklist, how many
    // claims the group has).
    let mut groups: Vec<(usize, usize)> = vec![(0, 0); all.len()];
    let mut chosen = Vec::new();
    for (i, c) in all.iter().enumerate() {
        if c.is_claim(threshold) {
            if let Some(g) = c.group.filter(|&g| g < all.len()) {
                let slot = &mut groups[g];
                if slot.1 == 0 {
                    slot.0 = chosen.len();
                }
                slot.1 += 1;
            }
            chosen.push((i, c.group));
        }
    }
    for (_, group) in &mut chosen {
        *group = group.and_then(|g| groups.get(g).filter(|s| s.1 >= 2).map(|s| s.0));
    }
    chosen
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
            assert!(KINDS.contains(&c.kind), "{}", c.kind);
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
        let by = |needle: &str| claims.iter().find(|c| c.text.contains(needle)).unwrap();
        assert_eq!(
            by("Youri Ouchakov").claimant.as_deref(),
            Some("Youri Ouchakov")
        );
        assert_eq!(by("Kim a exprimé").claimant.as_deref(), Some("Kim Jong Un"));
        assert_eq!(
            by("voiture Aurus").claimant.as_deref(),
            Some("médias d’État russes")
        );
        assert_eq!(by("24 ans jour pour jour").kind, "quantity");
        // "Poutine, pour sa part, a salué": the name before the aside, resolved to the full name.
        let all = sentences(&a);
        let aside = all
            .iter()
            .find(|c| c.text.contains("pour sa part"))
            .unwrap();
        assert_eq!(aside.claimant.as_deref(), Some("Vladimir Poutine"));
        assert_eq!(by("motivé par").kind, "causation");
    }

    #[test]
    fn english_claimant_before_an_aside_resolves_to_the_full_name() {
        let a = article::from_bytes(
            b"Putin visits Pyongyang\n\nOn Wednesday, Vladimir Putin landed in Pyongyang. \
              Putin, for his part, praised the ties between the two countries.\n",
            "putin.txt",
        )
        .unwrap();
        let all = sentences(&a);
        let c = all
            .iter()
            .find(|c| c.text.contains("for his part"))
            .unwrap();
        assert_eq!(c.claimant.as_deref(), Some("Vladimir Putin"), "{all:?}");
    }

    #[test]
    fn sample_duplicates_in_captions_are_grouped_but_never_claims() {
        let a = article::sample();
        let all = sentences(&a);
        let body = all
            .iter()
            .position(|c| c.block == BlockKind::Paragraph && c.text.contains("voiture Aurus"))
            .unwrap();
        let caption = all
            .iter()
            .position(|c| c.block == BlockKind::Caption && c.text.contains("Aurus lorsque"))
            .unwrap();
        assert_eq!(all[body].group, Some(body));
        assert_eq!(all[caption].group, Some(body));
        assert!(!all[caption].is_claim(0.0));
        // Sentences that say different things are not grouped.
        let treaty = all.iter().find(|c| c.text.contains("1961")).unwrap();
        assert_eq!(treaty.group, None);
    }

    #[test]
    fn threads_change_nothing() {
        // The sample's paragraphs, numbered, over 200 KB.
        let sample = article::sample();
        let mut text = String::new();
        for k in 0..40 {
            for b in &sample.blocks {
                if b.kind == BlockKind::Paragraph {
                    text.push_str(&format!("{k}. {}\n\n", &sample.text[b.start..b.end]));
                }
            }
        }
        let a = article::from_bytes(text.as_bytes(), "long.txt").unwrap();
        // The same text as one block (one line).
        let one_block =
            article::from_bytes(text.replace("\n\n", " ").as_bytes(), "one.txt").unwrap();
        let on = |threads: usize, a: &Article, explain_at: Option<f32>| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| scored_sentences(a, explain_at))
        };
        for a in [a, one_block] {
            for explain_at in [None, Some(DEFAULT_THRESHOLD)] {
                let one = on(1, &a, explain_at);
                assert!(one.iter().any(|c| c.group.is_some_and(|g| g > 0)));
                assert!(one.iter().any(|c| c.claimant.is_some()));
                assert!(on(3, &a, explain_at) == one);
            }
        }
    }

    #[test]
    fn thread_count_from_the_environment() {
        assert_eq!(threads_from(None), None);
        assert_eq!(threads_from(Some("1")), Some(1));
        assert_eq!(threads_from(Some(" 12 ")), Some(12));
        assert_eq!(threads_from(Some("0")), Some(1));
        assert_eq!(threads_from(Some("many")), None);
    }
}
