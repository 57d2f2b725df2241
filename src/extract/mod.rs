//! Article → claims: language, sentence segmentation, check-worthiness with reasons, claim type,
//! claimant, and groups of near-duplicate claims.

pub mod lang;
pub mod lexicon;
pub mod score;
pub mod segment;
pub mod terms;

use crate::article::{Article, BlockKind};
use rustc_hash::FxHashMap;
use std::collections::VecDeque;
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
    /// Full Fact claim type, one of `score::KINDS`.
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

/// `sentences`, explaining (reasons, type, claimant) every sentence, or only the claims at the
/// given threshold.
fn scored_sentences(article: &Article, explain_at: Option<f32>) -> Vec<Candidate> {
    let lang = article
        .metadata
        .language
        .clone()
        .unwrap_or_else(|| lang::detect(&article.text).to_string());
    let lex = lexicon::for_language(&lang);
    let mut names = Names::default();
    let mut groups = Grouper::default();
    let mut out = Vec::new();
    for block in &article.blocks {
        let body = &article.text[block.start..block.end];
        if matches!(block.kind, BlockKind::Title | BlockKind::Heading) {
            names.learn(body, lex);
        }
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Caption) {
            continue;
        }
        for r in segment::sentences(body, lex) {
            let range = block.start + r.start..block.start + r.end;
            let text = article.text[range.clone()].to_string();
            let score::Scoring {
                scored: s,
                entities,
                lower,
            } = score::score_with_entities(&text, lex, |score| {
                explain_at.is_none_or(|t| block.kind == BlockKind::Paragraph && score >= t)
            });
            let claimant = s.claimant.map(|c| names.resolve(&c));
            names.learn_entities(entities);
            groups.push(&text, &lower);
            out.push(Candidate {
                range,
                text,
                score: s.score,
                reasons: s.reasons,
                kind: s.kind,
                kind_reason: s.kind_reason,
                claimant,
                group: None,
                block: block.kind,
            });
        }
    }
    for (c, g) in out.iter_mut().zip(groups.finish()) {
        c.group = g;
    }
    out
}

/// The checklist: paragraph sentences scoring at least `threshold`. Groups index this list and
/// join claims that say nearly the same thing (found over all sentences, captions included).
pub fn claims(article: &Article, threshold: f32) -> Vec<Candidate> {
    select(sentences(article), threshold)
}

/// The checklist out of already scored sentences (see `claims`).
pub fn select(all: Vec<Candidate>, threshold: f32) -> Vec<Candidate> {
    let keep: Vec<bool> = all.iter().map(|c| c.is_claim(threshold)).collect();
    let mut first_kept: FxHashMap<usize, usize> = FxHashMap::default();
    let mut members: FxHashMap<usize, usize> = FxHashMap::default();
    let mut n = 0;
    for (c, k) in all.iter().zip(&keep) {
        if *k {
            if let Some(g) = c.group {
                first_kept.entry(g).or_insert(n);
                *members.entry(g).or_default() += 1;
            }
            n += 1;
        }
    }
    all.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(mut c, _)| {
            c.group = c.group.filter(|g| members[g] >= 2).map(|g| first_kept[&g]);
            c
        })
        .collect()
}

/// Full names met so far in the article, to resolve a claimant named by one word: "Kim" →
/// "Kim Jong Un" once "Kim Jong Un" has appeared.
#[derive(Default)]
struct Names {
    /// A word → the longest earlier name that contains it.
    by_word: FxHashMap<String, String>,
}

impl Names {
    fn learn(&mut self, text: &str, lex: &lexicon::Lexicon) {
        self.learn_entities(score::named_entities(text, lex));
    }

    /// Learns the names among a sentence's named entities.
    fn learn_entities(&mut self, entities: Vec<String>) {
        for name in entities {
            let n_words = name.split_whitespace().count();
            if n_words < 2 {
                continue;
            }
            for w in name.split_whitespace() {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    let slot = self.by_word.entry(w.to_string()).or_default();
                    if slot.split_whitespace().count() < n_words {
                        *slot = name.clone();
                    }
                }
            }
        }
    }

    fn resolve(&self, claimant: &str) -> String {
        if claimant.split_whitespace().count() == 1
            && let Some(full) = self.by_word.get(claimant)
        {
            return full.clone();
        }
        claimant.to_string()
    }
}

/// The words that near-duplicate grouping compares: runs of letters and digits of three chars
/// or more, lower-cased one by one.
#[cfg(test)]
fn token_set(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// Near-duplicates share the group of their first occurrence: two sentences of at least five
/// words (of three letters or more) are near-duplicates when most of the shorter one's words are
/// in the longer one (overlap ≥ 0.7 of the shorter) and their word sets are similar (Jaccard ≥
/// 0.4), as when a caption repeats a sentence of the body in other words.
///
/// Sentences come one at a time, in text order. Each is compared only with earlier ones that
/// share at least two of its words, found through an inverted index that keeps the last
/// `MAX_POSTINGS` sentences of each word. The work is bounded by sentences × words ×
/// `MAX_POSTINGS`, not sentences², and a duplicate within the last `MAX_POSTINGS` sentences that
/// use its words is always found.
#[derive(Default)]
struct Grouper {
    /// Word → its number.
    ids: FxHashMap<String, u32>,
    /// Per word: the last sentences that use it, oldest first.
    postings: Vec<VecDeque<u32>>,
    /// Per sentence: how many different words it has.
    sizes: Vec<u32>,
    group: Vec<Option<usize>>,
    /// Per sentence: the words it shares with the one being added (low 32 bits), valid when the
    /// high bits are that sentence's number + 1.
    shared: Vec<u64>,
    /// The sentences that share at least four words with the one being added.
    candidates: Vec<u32>,
    set: Vec<u32>,
    /// Per number of words `a`: the fewest words a sentence of `a` words must share with an
    /// earlier one to be its near-duplicate (see `min_shared`), worked out on first use.
    min_shared: Vec<u32>,
}

const MAX_POSTINGS: usize = 64;

impl Grouper {
    /// Adds the next sentence, `text`, whose lower-cased form is `lower`.
    fn push(&mut self, text: &str, lower: &str) {
        let mut set = std::mem::take(&mut self.set);
        set.clear();
        let is_word = |w: &&str| w.chars().nth(2).is_some();
        if crate::text::has_sigma_or_dotted_i(text) {
            // Lower-casing the sentence is not lower-casing each word here: do the latter.
            for w in text.split(|c: char| !c.is_alphanumeric()).filter(is_word) {
                set.push(self.id(&w.to_lowercase()));
            }
        } else {
            for w in lower
                .split(|c: char| !crate::text::is_alphanumeric(c))
                .filter(is_word)
            {
                set.push(self.id(w));
            }
        }
        set.sort_unstable();
        set.dedup();
        self.add(&set);
        self.set = set;
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.postings.push(VecDeque::new());
        id
    }

    /// Adds a sentence given the numbers of its different words.
    fn add(&mut self, set: &[u32]) {
        let i = self.sizes.len();
        self.shared.push(0);
        // Sentences sharing four words or more with this one. Both having five words or more,
        // sentences sharing three or fewer are no duplicates (3 / 5 < 0.7).
        self.candidates.clear();
        let stamp = (i as u64 + 1) << 32;
        if set.len() >= 5 {
            while self.min_shared.len() <= set.len() {
                self.min_shared.push(min_shared(self.min_shared.len()));
            }
            let needed = self.min_shared[set.len()];
            for &w in set {
                let (a, b) = self.postings[w as usize].as_slices();
                for part in [a, b] {
                    for &j in part {
                        let v = &mut self.shared[j as usize];
                        *v = if *v & !0xFFFF_FFFF == stamp {
                            *v + 1
                        } else {
                            stamp | 1
                        };
                        if *v as u32 == needed {
                            self.candidates.push(j);
                        }
                    }
                }
            }
        }
        for &w in set {
            let list = &mut self.postings[w as usize];
            if list.len() == MAX_POSTINGS {
                list.pop_front();
            }
            list.push_back(i as u32);
        }
        self.sizes.push(set.len() as u32);
        self.group.push(None);
        let mut best: Option<usize> = None;
        for &j in &self.candidates {
            let j = j as usize;
            let n = self.shared[j] as u32;
            if self.sizes[j] < 5 {
                continue;
            }
            let size_j = self.sizes[j] as usize;
            // `n` counts the words the two sentences share (exactly, unless a very common word's
            // posting list was cut, which only makes a match less likely).
            if near_duplicates(n as usize, set.len(), size_j) {
                let g = self.group[j].unwrap_or(j);
                best = Some(best.map_or(g, |b: usize| b.min(g)));
            }
        }
        if let Some(g) = best {
            self.group[g] = Some(g);
            self.group[i] = Some(g);
        }
    }

    /// Each sentence's group: the index of the first sentence of its group.
    fn finish(self) -> Vec<Option<usize>> {
        self.group
    }
}

/// Two sentences of `a` and `b` different words sharing `shared` are near-duplicates: most of
/// the shorter one's words are in the longer one, and their word sets are similar.
fn near_duplicates(shared: usize, a: usize, b: usize) -> bool {
    let inter = shared as f32;
    let smaller = a.min(b) as f32;
    let union = (a + b) as f32 - inter;
    inter / smaller >= 0.7 && inter / union >= 0.4
}

/// The fewest words a sentence of `a` different words (five or more) shares with any sentence of
/// five words or more that is its near-duplicate: only earlier sentences sharing that many are
/// checked. (Four at least; more for long sentences, whose duplicates must share more.) A
/// sentence of more than 2.5 × `a` words cannot be one (its Jaccard index is below 0.4).
fn min_shared(a: usize) -> u32 {
    (5..=3 * a + 10)
        .filter(|&b| near_duplicates(a.min(b), a, b))
        .map(|b| {
            // `near_duplicates` only becomes true as `shared` grows: the first `shared` for which
            // it holds, by bisection.
            let (mut lo, mut hi) = (0, a.min(b));
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if near_duplicates(mid, a, b) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            hi
        })
        .min()
        .map_or(u32::MAX, |n| n as u32)
}

/// Groups near-duplicates among `cands` (see `Grouper`).
#[cfg(test)]
fn assign_groups(cands: &mut [Candidate]) {
    let mut grouper = Grouper::default();
    for c in cands.iter() {
        let mut set: Vec<u32> = token_set(&c.text).iter().map(|w| grouper.id(w)).collect();
        set.sort_unstable();
        set.dedup();
        grouper.add(&set);
    }
    for (c, g) in cands.iter_mut().zip(grouper.finish()) {
        c.group = g;
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
            assert!(score::KINDS.contains(&c.kind), "{}", c.kind);
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
    fn sentences_sharing_fewer_than_min_shared_words_are_never_near_duplicates() {
        for a in 5..200 {
            let t = min_shared(a) as usize;
            assert!(t >= 4, "{a}");
            for b in 5..600 {
                for n in 0..t.min(a.min(b) + 1) {
                    assert!(!near_duplicates(n, a, b), "{n} {a} {b}");
                }
            }
        }
        assert_eq!(min_shared(5), 4);
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
    fn grouping_5000_sentences_is_bounded() {
        let cands: Vec<Candidate> = (0..5000)
            .map(|i| {
                let text = format!(
                    "The council approved budget number {} for district {} after a long debate.",
                    i / 2,
                    i % 50
                );
                Candidate {
                    range: 0..text.len(),
                    text,
                    score: 0.9,
                    reasons: vec![],
                    kind: "other",
                    kind_reason: String::new(),
                    claimant: None,
                    group: None,
                    block: BlockKind::Paragraph,
                }
            })
            .collect();
        let mut cands = cands;
        let started = std::time::Instant::now();
        assign_groups(&mut cands);
        assert!(started.elapsed().as_secs() < 20);
        // Sentences 2k and 2k+1 differ only in the district; the common words make all of them
        // similar, so every sentence joins the first one's group.
        assert!(cands.iter().all(|c| c.group == Some(0)));
    }
}
