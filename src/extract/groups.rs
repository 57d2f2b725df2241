//! Near-duplicate sentences: a caption that repeats a sentence of the body in other words, a
//! claim made twice in one article. Each sentence joins the group of the first sentence it nearly
//! repeats, and the checklist shows a group's claims together.
//!
//! Two sentences of at least five words (of three letters or more) are near-duplicates when most
//! of the shorter one's words are in the longer one (overlap ≥ 0.7 of the shorter) and their word
//! sets are similar (Jaccard ≥ 0.4).
//!
//! A sentence is compared only with the earlier sentences it shares words with, found through an
//! inverted index (each word → the sentences that use it). Each word's list, for a sentence, is
//! the last `MAX_POSTINGS` sentences before it that use the word, so the work is bounded by
//! sentences × words × `MAX_POSTINGS`, not sentences², and a duplicate within the last
//! `MAX_POSTINGS` sentences that use its words is always found.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// How many earlier sentences that use a word are looked at, per word of a sentence.
const MAX_POSTINGS: usize = 64;

/// Words numbered in the order they are first met.
#[derive(Default)]
pub(super) struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

impl Vocabulary {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_string(), id);
        id
    }

    /// The numbers of the words that grouping compares in the sentence `text`, in `out`, sorted,
    /// each once: runs of letters and digits of three chars or more, lower-cased.
    pub(super) fn sentence_words(&mut self, text: &str, out: &mut Vec<u32>) {
        out.clear();
        let is_word = |w: &&str| w.chars().nth(2).is_some();
        if text.contains('Σ') || text.contains('İ') {
            // Lower-casing the sentence is not lower-casing each word here: do the latter.
            for w in text.split(|c: char| !c.is_alphanumeric()).filter(is_word) {
                out.push(self.id(&w.to_lowercase()));
            }
        } else {
            let lower = crate::text::to_lowercase(text);
            for w in lower
                .split(|c: char| !crate::text::is_alphanumeric(c))
                .filter(is_word)
            {
                out.push(self.id(w));
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The sentences of an article as sets of word numbers, in text order.
pub(super) struct Grouper {
    /// Every sentence's word numbers, sorted, one after the other: sentence `i`'s are
    /// `words[starts[i]..starts[i + 1]]`.
    words: Vec<u32>,
    starts: Vec<u32>,
    /// Highest word number + 1.
    n_words: usize,
}

/// The inverted index of `Grouper`: each word's sentences, in text order.
struct Index {
    /// Word `w`'s sentences are `users[offsets[w]..offsets[w + 1]]`.
    offsets: Vec<u32>,
    users: Vec<u32>,
    /// Per entry of `Grouper::words`: the sentence's place in the word's `users`.
    rank: Vec<u32>,
}

impl Grouper {
    /// A grouper with room for `sentences` sentences of a dozen words.
    pub(super) fn with_capacity(sentences: usize) -> Self {
        let mut starts = Vec::with_capacity(sentences + 1);
        starts.push(0);
        Grouper {
            words: Vec::with_capacity(12 * sentences),
            starts,
            n_words: 0,
        }
    }

    /// Adds the next sentence given the numbers of its words, sorted, each once.
    pub(super) fn push(&mut self, set: &[u32]) {
        debug_assert!(set.windows(2).all(|w| w[0] < w[1]), "a sorted set");
        if let Some(&last) = set.last() {
            self.n_words = self.n_words.max(last as usize + 1);
        }
        self.words.extend_from_slice(set);
        self.starts.push(self.words.len() as u32);
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Sentence `i`'s words, and where they are in `words`.
    fn words_of(&self, i: usize) -> (std::ops::Range<usize>, &[u32]) {
        let span = self.starts[i] as usize..self.starts[i + 1] as usize;
        (span.clone(), &self.words[span])
    }

    /// The inverted index: the words counted, their lists laid out one after the other, and
    /// each sentence written into the lists of its words in turn.
    fn index(&self) -> Index {
        let mut offsets = vec![0u32; self.n_words + 1];
        for &w in &self.words {
            offsets[w as usize + 1] += 1;
        }
        for w in 0..self.n_words {
            offsets[w + 1] += offsets[w];
        }
        let mut next = offsets.clone();
        let mut users = vec![0; self.words.len()];
        let mut rank = vec![0; self.words.len()];
        for i in 0..self.len() {
            let (span, set) = self.words_of(i);
            for (k, &w) in span.zip(set) {
                let at = &mut next[w as usize];
                users[*at as usize] = i as u32;
                rank[k] = *at - offsets[w as usize];
                *at += 1;
            }
        }
        Index {
            offsets,
            users,
            rank,
        }
    }

    /// Each sentence's group: the index of the first sentence of its group (`None` for a
    /// sentence that repeats no other and that none repeats). A sentence takes the earliest
    /// group among those of its earlier near-duplicates.
    ///
    /// Which earlier sentences each one nearly repeats is worked out for all of them at once,
    /// on every core; the groups then follow in text order.
    pub(super) fn groups(&self) -> Vec<Option<usize>> {
        // A few runs of sentences per thread (one run on one thread).
        let runs = match rayon::current_num_threads() {
            1 => 1,
            threads => 4 * threads,
        };
        self.groups_in_runs(runs)
    }

    /// `groups`, the sentences compared in `runs` runs: the pairs (sentence, an earlier sentence
    /// it nearly repeats) of each run, in text order.
    fn groups_in_runs(&self, runs: usize) -> Vec<Option<usize>> {
        let n = self.len();
        let index = self.index();
        let runs = runs_of(n, runs);
        // The scratch space (a few numbers per sentence) is made once per piece of work rayon
        // hands a thread, not once per run.
        let pairs: Vec<Vec<(u32, u32)>> = runs
            .into_par_iter()
            .map_init(
                || Scratch::new(n),
                |scratch, run| self.pairs(&index, run, scratch),
            )
            .collect();
        groups_of_pairs(n, &pairs)
    }

    /// The pairs (`i`, `j`) of the sentences `i` of `run` and the earlier sentences `j` that
    /// decide their groups, in text order.
    ///
    /// A sentence takes the earliest group of its earlier duplicates, and a duplicate's group is
    /// never later than the groups of its own earlier duplicates. So when a sentence's latest
    /// duplicate is in the run (its duplicates are at hand), the duplicates they share are left
    /// out: the latest one's group is as early as theirs. In repeated text that leaves a pair
    /// or two a sentence instead of dozens.
    fn pairs(&self, index: &Index, run: Range<usize>, scratch: &mut Scratch) -> Vec<(u32, u32)> {
        // Every duplicate found: those of the run's sentence `k` are `found[found_at[k]..found_at[k + 1]]`.
        let mut found: Vec<u32> = Vec::new();
        let mut found_at: Vec<usize> = vec![0];
        let mut pairs = Vec::new();
        for i in run.clone() {
            let mine = found.len();
            self.earlier_duplicates(index, i, scratch, &mut found);
            found_at.push(found.len());
            let Some(&latest) = found[mine..].iter().max() else {
                continue;
            };
            pairs.push((i as u32, latest));
            let mark = i as u32 + 1;
            if let Some(k) = (latest as usize).checked_sub(run.start) {
                for &j in &found[found_at[k]..found_at[k + 1]] {
                    scratch.shared_with[j as usize] = mark;
                }
            }
            let others = found[mine..]
                .iter()
                .filter(|&&j| j != latest && scratch.shared_with[j as usize] != mark);
            pairs.extend(others.map(|&j| (i as u32, j)));
        }
        pairs
    }

    /// Adds to `found` each earlier sentence that sentence `i` nearly repeats.
    fn earlier_duplicates(
        &self,
        index: &Index,
        i: usize,
        scratch: &mut Scratch,
        found: &mut Vec<u32>,
    ) {
        let (span, set) = self.words_of(i);
        // Both having five words or more, sentences sharing three or fewer are no duplicates
        // (3 / 5 < 0.7).
        if set.len() < 5 {
            return;
        }
        let Scratch {
            shared,
            compared,
            candidates,
            needs,
            ..
        } = scratch;
        let (need, fewest) = needs.of(set.len());
        // The words each earlier sentence in the lists of `i`'s words shares with it, counted
        // under a stamp of this comparison (a count under an older, smaller stamp starts again
        // from zero); those that come to share the fewest words any duplicate shares are the
        // candidates.
        *compared += 1;
        let stamp = *compared << 32;
        candidates.clear();
        for (k, &w) in span.zip(set) {
            let first = index.offsets[w as usize] as usize;
            let at = first + index.rank[k] as usize;
            for &j in &index.users[first.max(at.saturating_sub(MAX_POSTINGS))..at] {
                let count = &mut shared[j as usize];
                *count = (*count).max(stamp) + 1;
                if *count as u32 == fewest {
                    candidates.push(j);
                }
            }
        }
        for &j in candidates.iter() {
            let b = self.starts[j as usize + 1] - self.starts[j as usize];
            if need
                .get(b as usize)
                .is_some_and(|&t| shared[j as usize] as u32 >= t)
            {
                found.push(j);
            }
        }
    }
}

/// `0..n` cut into `runs` runs of about the same length.
fn runs_of(n: usize, runs: usize) -> Vec<Range<usize>> {
    let len = n.div_ceil(runs.max(1)).max(1);
    (0..n).step_by(len).map(|i| i..(i + len).min(n)).collect()
}

/// The groups of `n` sentences given the pairs of each run (`Grouper::pairs`), in text order.
fn groups_of_pairs(n: usize, pairs: &[Vec<(u32, u32)>]) -> Vec<Option<usize>> {
    let mut group: Vec<Option<usize>> = vec![None; n];
    for same in pairs.iter().flat_map(|p| p.chunk_by(|a, b| a.0 == b.0)) {
        let i = same[0].0 as usize;
        let earliest = same
            .iter()
            .map(|&(_, j)| group[j as usize].unwrap_or(j as usize))
            .min();
        if let Some(g) = earliest {
            group[g] = Some(g);
            group[i] = Some(g);
        }
    }
    group
}

/// What comparing a sentence with the earlier ones works in, kept from one sentence to the next.
struct Scratch {
    /// Per sentence: the stamp of the comparison that last counted it, and the words it shares
    /// with the sentence compared then.
    shared: Vec<u64>,
    /// How many sentences were compared with this scratch space (the stamp of the last one).
    compared: u64,
    /// The sentences sharing enough words to be worth a closer look.
    candidates: Vec<u32>,
    /// `shared_with[j] == i + 1`: `j` is a duplicate of sentence `i`'s latest duplicate.
    shared_with: Vec<u32>,
    needs: Needs,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Scratch {
            shared: vec![0; n],
            compared: 0,
            candidates: Vec::new(),
            shared_with: vec![0; n],
            needs: Needs::default(),
        }
    }
}

/// Per number of words `a` (five or more), the fewest words shared with a sentence of `b` words
/// that make the two near-duplicates, for each `b` that can be one (`u32::MAX` for the others),
/// and the fewest over all `b`.
#[derive(Default)]
struct Needs {
    by_len: FxHashMap<usize, (Vec<u32>, u32)>,
}

impl Needs {
    fn of(&mut self, a: usize) -> (&[u32], u32) {
        let (need, fewest) = self.by_len.entry(a).or_insert_with(|| {
            // A sentence of more than 2.5 × `a` words cannot be one (its Jaccard index is
            // below 0.4).
            let need: Vec<u32> = (0..=3 * a + 10)
                .map(|b| need(a, b).unwrap_or(u32::MAX))
                .collect();
            let fewest = need.iter().copied().min().unwrap_or(u32::MAX);
            (need, fewest)
        });
        (need, *fewest)
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

/// The fewest words two sentences of `a` and `b` different words (five or more) share when they
/// are near-duplicates, if they can be.
fn need(a: usize, b: usize) -> Option<u32> {
    if a.min(b) < 5 || !near_duplicates(a.min(b), a, b) {
        return None;
    }
    // `near_duplicates` only becomes true as `shared` grows: the first `shared` for which it
    // holds, by bisection.
    let (mut lo, mut hi) = (0, a.min(b));
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if near_duplicates(mid, a, b) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups of sentences given as word lists.
    fn groups_of(sentences: &[&str]) -> Vec<Option<usize>> {
        let mut vocabulary = Vocabulary::default();
        let mut grouper = Grouper::with_capacity(sentences.len());
        let mut words = Vec::new();
        for s in sentences {
            vocabulary.sentence_words(s, &mut words);
            grouper.push(&words);
        }
        grouper.groups()
    }

    #[test]
    fn a_sentence_said_again_in_other_words_joins_the_first_ones_group() {
        let groups = groups_of(&[
            "Vladimir Poutine a offert à Kim Jong Un une voiture Aurus de fabrication russe.",
            "Les deux pays ont signé un traité de défense en 1961.",
            "Kim Jong Un a reçu de Vladimir Poutine une voiture Aurus, de fabrication russe.",
            "Short one.",
            "Kim Jong Un a reçu une voiture Aurus de fabrication russe, offerte par Poutine.",
        ]);
        assert_eq!(groups, vec![Some(0), None, Some(0), None, Some(0)]);
        // Words of one or two letters and case do not count; sentences of fewer than five
        // words are never grouped.
        let groups = groups_of(&[
            "The budget of the city rose by a lot in 2024.",
            "THE BUDGET OF THE CITY ROSE BY A LOT IN 2024!",
            "Budget city rose",
            "budget city rose",
        ]);
        assert_eq!(groups, vec![Some(0), Some(0), None, None]);
    }

    #[test]
    fn sentences_sharing_fewer_than_four_words_are_never_near_duplicates() {
        for a in 5..200 {
            for b in 5..600 {
                for shared in 0..4.min(a.min(b) + 1) {
                    assert!(!near_duplicates(shared, a, b), "{shared} {a} {b}");
                }
                if let Some(t) = need(a, b) {
                    assert!(near_duplicates(t as usize, a, b), "{a} {b}");
                    assert!(!near_duplicates(t as usize - 1, a, b), "{a} {b}");
                }
            }
        }
        assert_eq!(need(5, 5), Some(4));
    }

    #[test]
    fn grouping_5000_sentences_is_bounded() {
        let texts: Vec<String> = (0..5000)
            .map(|i| {
                format!(
                    "The council approved budget number {} for district {} after a long debate.",
                    i / 2,
                    i % 50
                )
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        // Sentences 2k and 2k+1 differ only in the district; the common words make all of them
        // similar, so every sentence joins the first one's group.
        assert!(groups_of(&texts).iter().all(|g| *g == Some(0)));
    }

    /// Grouping by its definition, comparing every pair: two sentences share a word when fewer
    /// than `MAX_POSTINGS` sentences between them use it.
    fn groups_by_definition(sets: &[Vec<u32>]) -> Vec<Option<usize>> {
        let mut users: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (i, set) in sets.iter().enumerate() {
            for &w in set {
                users.entry(w).or_default().push(i);
            }
        }
        let rank = |w: u32, i: usize| users[&w].binary_search(&i).unwrap();
        let mut group = vec![None; sets.len()];
        for i in 0..sets.len() {
            let a = sets[i].len();
            let mut best: Option<usize> = None;
            for j in 0..i {
                let b = sets[j].len();
                if a < 5 || b < 5 {
                    continue;
                }
                let shared = sets[i]
                    .iter()
                    .filter(|&&w| sets[j].contains(&w) && rank(w, i) - rank(w, j) <= MAX_POSTINGS)
                    .count();
                if near_duplicates(shared, a, b) {
                    let g = group[j].unwrap_or(j);
                    best = Some(best.map_or(g, |b| b.min(g)));
                }
            }
            if let Some(g) = best {
                group[g] = Some(g);
                group[i] = Some(g);
            }
        }
        group
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn grouping_finds_the_groups_of_the_definition(
            sentences in proptest::collection::vec(
                // Few words, some much commoner than others: many near-duplicates, and word
                // lists longer than `MAX_POSTINGS`.
                proptest::collection::vec((0u32..30).prop_map(|w| w * w / 20), 0..16),
                0..300,
            ),
            runs in 1usize..6,
        ) {
            let sets: Vec<Vec<u32>> = sentences
                .iter()
                .map(|s| {
                    let mut s = s.clone();
                    s.sort_unstable();
                    s.dedup();
                    s
                })
                .collect();
            let mut grouper = Grouper::with_capacity(sets.len());
            for s in &sets {
                grouper.push(s);
            }
            let by_definition = groups_by_definition(&sets);
            prop_assert_eq!(&grouper.groups_in_runs(runs), &by_definition);
            // One scratch space through the runs in any order (a thread may take a later run
            // first): the same groups.
            let index = grouper.index();
            let mut scratch = Scratch::new(sets.len());
            let mut pairs: Vec<Vec<(u32, u32)>> = runs_of(sets.len(), runs)
                .into_iter()
                .rev()
                .map(|run| grouper.pairs(&index, run, &mut scratch))
                .collect();
            pairs.reverse();
            prop_assert_eq!(groups_of_pairs(sets.len(), &pairs), by_definition);
        }
    }
}
