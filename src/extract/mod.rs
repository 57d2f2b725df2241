//! Article → claims: language, sentence segmentation, check-worthiness with reasons, claim type,
//! claimant, and groups of near-duplicate claims.

pub mod lang;
pub mod lexicon;
pub mod score;
pub mod segment;
pub mod terms;

use crate::article::{Article, BlockKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

pub use score::DEFAULT_THRESHOLD;

/// One sentence of the article with its check-worthiness.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range in `Article.text`.
    pub range: Range<usize>,
    pub text: String,
    pub score: f32,
    pub reasons: score::Reasons,
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

/// Loads the lexicons, their phrase automata and the check-worthiness model on another thread,
/// so that the first article read does not wait for them (a few milliseconds, once per process:
/// they are built on first use, once).
pub fn warm_up() {
    std::thread::spawn(|| {
        start_workers();
        // In the order they are needed: cleaning the article reads the phrase lists, scoring
        // the sentences the model. The automata are built for short articles: the window mostly
        // opens articles of a few pages.
        for code in lexicon::languages() {
            lexicon::for_language(code).matcher_for(0);
        }
        score::model();
    });
}

/// `warm_up` for one article read from the command line: the worker threads are started, and the
/// lexicons and the phrase list that cleaning reads loaded, on another thread now; the phrase
/// automaton of the article's own
/// language and the model once cleaning knows that language (`prepare_scoring`), so that no other
/// language's automaton is built while the article is read (a millisecond of CPU on each core
/// of a two-core machine).
pub fn warm_up_cleaning() {
    std::thread::spawn(|| {
        start_workers();
        for code in lexicon::languages() {
            lexicon::for_language(code).boilerplate.warm();
        }
    });
}

/// Builds the phrase automaton of `lex` for `bytes` of text (`Lexicon::matcher_for`) and the
/// model on another thread, unless both are built: cleaning calls it as soon as it knows the
/// article's language, and they are ready when its sentences are scored.
pub(crate) fn prepare_scoring(lex: &'static lexicon::Lexicon, bytes: usize) {
    if lex.has_matcher() && score::model_loaded() {
        return;
    }
    std::thread::spawn(move || {
        crate::memory::huge_pages_for_this_thread();
        lex.matcher_for(bytes);
        score::model();
    });
}

/// Every sentence of the article's paragraphs and captions, in text order, scored, with its claim
/// type, claimant and near-duplicate group. Titles, credits and boilerplate are left out;
/// captions are never claims. Use `Candidate::is_claim` with a threshold to pick the checklist.
pub fn sentences(article: &Article) -> Vec<Candidate> {
    scored_sentences(article, None, threads())
}

/// `sentences` for a caller that shows only the claims at `threshold` (`select`): the other
/// sentences are scored and grouped, but get no reasons, claim type ("other") or claimant.
pub fn sentences_for_claims(article: &Article, threshold: f32) -> Vec<Candidate> {
    scored_sentences(article, Some(threshold), threads())
}

/// `sentences`, explaining (reasons, type, claimant) every sentence, or only the claims at the
/// given threshold.
///
/// Sentences are scored independently of one another, so a long article is cut into runs of
/// blocks segmented by one thread each (`threads`), and its sentences into runs scored by one
/// thread each (so that one long block — a text with no blank lines — is scored on several);
/// the names an article introduces (which resolve a claimant given by one word) and the
/// near-duplicate groups depend on the text before, and are worked out afterwards, in text
/// order, as one thread would.
fn scored_sentences(article: &Article, explain_at: Option<f32>, threads: usize) -> Vec<Candidate> {
    let lang = article
        .metadata
        .language
        .clone()
        .unwrap_or_else(|| lang::detect(&article.text).to_string());
    let lex = lexicon::for_language(&lang);
    let runs = runs_of(&article.blocks, threads, |b| b.end - b.start);
    let pieces: Vec<Piece> = on_threads(&runs, |run| pieces_of(article, run, lex))
        .into_iter()
        .flatten()
        .collect();
    crate::timing::mark("segmented");
    let runs = runs_of(&pieces, threads, Piece::bytes);
    // The sentences in one list, each run's written in its own stretch of it by the thread that
    // reads the run: a megabyte of English has 25,000, which the merge below used to move out
    // of the runs' lists into this one, on one thread (4 MB, faulted in as it was written).
    let counts: Vec<usize> = runs
        .iter()
        .map(|run| {
            run.iter()
                .filter(|p| matches!(p, Piece::Sentence(..)))
                .count()
        })
        .collect();
    let total: usize = counts.iter().sum();
    let mut out: Vec<Candidate> = Vec::with_capacity(total);
    let mut parts = {
        let mut work = Vec::with_capacity(runs.len());
        let mut rest = &mut out.spare_capacity_mut()[..total];
        for (&run, &n) in runs.iter().zip(&counts) {
            let (slots, after) = std::mem::take(&mut rest).split_at_mut(n);
            work.push((run, slots));
            rest = after;
        }
        on_threads_each(work, |(run, slots)| {
            read_pieces(article, run, slots, lex, explain_at)
        })
    };
    crate::timing::mark("scored");
    // SAFETY: `read_pieces` has written every slot of its run (it checks that it wrote one
    // sentence per slot before returning), and the runs' slots are the first `total` of `out`.
    unsafe { out.set_len(total) };
    // The runs' words numbered in one vocabulary (one run's are already), each run's on a worker.
    let n_words = match parts.as_slice() {
        [one] => one.vocabulary.len(),
        _ => {
            let vocabularies: Vec<Vocabulary> = parts
                .iter_mut()
                .map(|p| std::mem::take(&mut p.vocabulary))
                .collect();
            let (numbers, n_words) = join_vocabularies(&vocabularies, threads);
            use rayon::prelude::*;
            on_pool(|| {
                parts.par_iter_mut().zip(&numbers).for_each(|(part, to)| {
                    for w in &mut part.words {
                        *w = to[*w as usize];
                    }
                })
            });
            n_words
        }
    };
    crate::timing::mark("vocabularies joined");
    // The runs joined in text order (their sentences moved as they are, the claimants given by one
    // word resolved against the names met before) while near-duplicates are grouped on the other
    // workers: the two only meet when each sentence gets its group.
    let n_runs = parts.len();
    let mut steps = Vec::with_capacity(n_runs);
    let mut words = Vec::with_capacity(n_runs);
    for part in parts {
        steps.push(part.names);
        words.push((part.words, part.ends));
    }
    let join_runs = || {
        let mut names = Names::default();
        let mut first = 0;
        for (run_steps, n) in steps.into_iter().zip(&counts) {
            for step in run_steps {
                match step {
                    NameStep::Learn(entities) => names.learn_entities(entities),
                    NameStep::Resolve(k) => names.resolve(&mut out[first + k].claimant),
                }
            }
            first += n;
        }
        crate::timing::mark("merged");
    };
    let group = || {
        let groups = Grouper::of_runs(&words, n_words);
        crate::timing::mark("word lists");
        let group_threads = if groups.words.len() >= WORDS_PER_THREAD {
            threads
        } else {
            1
        };
        groups.finish(group_threads)
    };
    let groups = if n_runs > 1 {
        both(join_runs, group).1
    } else {
        join_runs();
        group()
    };
    crate::timing::mark("grouped");
    for (c, g) in out.iter_mut().zip(groups) {
        c.group = g;
    }
    out
}

/// A run of pieces read (its sentences scored, their claimants not yet resolved against the
/// names of earlier runs, written in the list of all): what the names index does for it in text
/// order, and the words of its sentences (numbered in the run's own vocabulary) for
/// near-duplicate grouping.
#[derive(Default)]
struct Read {
    names: Vec<NameStep>,
    vocabulary: Vocabulary,
    /// Sentence `k`'s words are `words[ends[k - 1]..ends[k]]` (from 0 for the first).
    words: Vec<u32>,
    ends: Vec<u32>,
}

/// What the names index does, in text order: learn the names of a title, heading or sentence,
/// or resolve the claimant of the run's sentence `k` (a claimant given by one word).
enum NameStep {
    Learn(Vec<String>),
    Resolve(usize),
}

/// What is read of the article, in text order: a title or heading (whose names are learnt), or
/// one sentence of a paragraph or caption (a byte range of the text, and its block's kind).
enum Piece {
    Names(Range<usize>),
    Sentence(Range<usize>, BlockKind),
}

impl Piece {
    fn bytes(&self) -> usize {
        match self {
            Piece::Names(r) | Piece::Sentence(r, _) => r.len(),
        }
    }
}

/// The pieces of `blocks` (a run of `article.blocks`): their sentences, segmented.
fn pieces_of(
    article: &Article,
    blocks: &[crate::article::Block],
    lex: &lexicon::Lexicon,
) -> Vec<Piece> {
    let mut out = Vec::new();
    for block in blocks {
        match block.kind {
            BlockKind::Title | BlockKind::Heading => {
                out.push(Piece::Names(block.start..block.end));
            }
            BlockKind::Paragraph | BlockKind::Caption => {
                let body = &article.text[block.start..block.end];
                out.extend(segment::sentences(body, lex).into_iter().map(|r| {
                    Piece::Sentence(block.start + r.start..block.start + r.end, block.kind)
                }));
            }
            _ => {}
        }
    }
    out
}

/// Reads `pieces` (a run of the article's): scores the sentences, written in `slots` (one per
/// sentence: it panics unless it writes every slot), finds the names.
fn read_pieces(
    article: &Article,
    pieces: &[Piece],
    slots: &mut [std::mem::MaybeUninit<Candidate>],
    lex: &lexicon::Lexicon,
    explain_at: Option<f32>,
) -> Read {
    // Nearly every piece is a sentence.
    let mut read = Read {
        ends: Vec::with_capacity(pieces.len()),
        ..Read::default()
    };
    let mut slots = slots.iter_mut();
    let mut written = 0;
    let mut sentence_words = Vec::new();
    // Learning a name twice changes nothing: each is passed on once, where it first appears in
    // this run (which is where the merge, reading the runs in order, learns it).
    let mut named: rustc_hash::FxHashSet<String> = Default::default();
    let mut new_names = |entities: Vec<String>| {
        let mut entities = names_only(entities);
        entities.retain(|e| !named.contains(e.as_str()) && named.insert(e.clone()));
        entities
    };
    for piece in pieces {
        let (range, kind) = match piece {
            Piece::Names(r) => {
                let body = &article.text[r.clone()];
                let names = new_names(score::named_entities(body, lex));
                if !names.is_empty() {
                    read.names.push(NameStep::Learn(names));
                }
                continue;
            }
            Piece::Sentence(r, kind) => (r.clone(), *kind),
        };
        let text = article.text[range.clone()].to_string();
        let score::Scoring {
            scored: s,
            entities,
            lower,
        } = score::score_with_entities(&text, lex, |score| {
            explain_at.is_none_or(|t| kind == BlockKind::Paragraph && score >= t)
        });
        read.vocabulary
            .sentence_words(&text, &lower, &mut sentence_words);
        // Grouping compares sets of words: each once.
        sentence_words.sort_unstable();
        sentence_words.dedup();
        read.words.extend_from_slice(&sentence_words);
        read.ends.push(read.words.len() as u32);
        if s.claimant.as_deref().is_some_and(Names::may_resolve) {
            read.names.push(NameStep::Resolve(written));
        }
        let entities = new_names(entities);
        if !entities.is_empty() {
            read.names.push(NameStep::Learn(entities));
        }
        let candidate = Candidate {
            range,
            text,
            score: s.score,
            reasons: s.reasons,
            kind: s.kind,
            kind_reason: s.kind_reason,
            claimant: s.claimant,
            group: None,
            block: kind,
        };
        // One slot per sentence piece: counted so by `scored_sentences`.
        slots
            .next()
            .expect("a slot for every sentence of the run")
            .write(candidate);
        written += 1;
    }
    // `scored_sentences` counts on every slot being written.
    assert!(
        slots.next().is_none(),
        "a sentence for every slot of the run"
    );
    read
}

/// The named entities of two words or more: the names `Names` learns.
fn names_only(mut entities: Vec<String>) -> Vec<String> {
    entities.retain(|e| e.split_whitespace().nth(1).is_some());
    entities
}

/// Below this many bytes of text per thread, starting a thread costs more than it saves.
const MIN_BYTES_PER_THREAD: usize = 32 * 1024;

/// `f` of each of `work`, in order, on the worker threads (`start_workers`): a long article's
/// pieces are read at the same time.
pub(crate) fn on_threads<T: Sync, R: Send>(work: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    on_threads_each(work.iter().collect(), f)
}

/// Writes to every page of `spare` (a buffer's spare capacity) on the worker threads, so that the
/// page faults of a buffer one thread is about to fill (a microsecond or two each, 256 for a
/// megabyte) are taken on every core ahead of the fill. Short buffers are left alone.
pub(crate) fn prefault<T: Send>(spare: &mut [std::mem::MaybeUninit<T>]) {
    use rayon::prelude::*;
    const PAGE: usize = 4096;
    if std::mem::size_of_val(spare) < PREFAULT_FROM || threads() < 2 {
        return;
    }
    let per_page = (PAGE / std::mem::size_of::<T>().max(1)).max(1);
    on_pool(|| {
        spare
            .par_chunks_mut(per_page * PREFAULT_PAGES_PER_JOB)
            .for_each(|chunk| {
                for x in chunk.iter_mut().step_by(per_page) {
                    *x = std::mem::MaybeUninit::zeroed();
                }
            })
    });
}

/// Below this many bytes, `prefault` does nothing (waking the workers costs more).
const PREFAULT_FROM: usize = 256 * 1024;

/// Pages `prefault` hands a worker at a time.
const PREFAULT_PAGES_PER_JOB: usize = 16;

/// `on_threads` for work handed over by value (mutable slices, say).
pub(crate) fn on_threads_each<T: Send, R: Send>(
    mut work: Vec<T>,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    use rayon::prelude::*;
    match work.len() {
        0 => Vec::new(),
        1 => work.pop().into_iter().map(f).collect(),
        // A panic on a worker is resumed here: the same bug as one on this thread.
        _ => on_pool(|| work.into_par_iter().map(&f).collect()),
    }
}

/// `a()` and `b()` at the same time, on the worker threads (`start_workers`).
pub(crate) fn both<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    on_pool(|| rayon::join(a, b))
}

/// Starts the worker threads that `on_threads` hands work to, `threads()` of them, once per
/// process. Starting a thread takes tens of microseconds: sixteen of them, started for each of
/// the half-dozen steps of reading an article, took a few milliseconds of the main thread's
/// time, where waking those already started takes a few microseconds. `warm_up` starts them
/// while the file is read.
///
/// The pool is made at once and its threads started one after another by a thread of their own
/// (`start_each`): work handed to the pool begins as soon as its first workers are up. Started by
/// the pool as it is built, sixteen threads took 1.2 ms on a 16-core machine, which the first
/// step of reading a megabyte waited for (0.8 ms), and the lexicons, loaded after them.
pub(crate) fn start_workers() {
    let _ = pool();
}

/// The worker threads (`start_workers`); `None` only if the pool could not be made.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let mut waiting = Vec::with_capacity(threads());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads())
            .thread_name(|i| format!("claimdesk-worker-{i}"))
            .start_handler(|_| crate::memory::huge_pages_for_this_thread())
            .spawn_handler(|thread| {
                waiting.push(thread);
                Ok(())
            })
            .build()
            .ok()?;
        let slot = std::sync::Arc::new(std::sync::Mutex::new(waiting));
        let theirs = std::sync::Arc::clone(&slot);
        let starter = std::thread::Builder::new().name("claimdesk-starter".into());
        let started = starter.spawn(move || {
            let (_, not_started) = start_each(take_out(&theirs));
            // This thread does the work of one that could not be started.
            if let Some(thread) = not_started {
                thread.run();
            }
        });
        if started.is_err() {
            // No thread to start them from: they are started from this one, and if none can
            // be, the work is done on the threads that ask for it.
            let (n_started, _) = start_each(take_out(&slot));
            if n_started == 0 {
                return None;
            }
        }
        Some(pool)
    })
    .as_ref()
}

/// What `slot` holds, taken out (nothing if a thread panicked holding it).
fn take_out<T: Default>(slot: &std::sync::Mutex<T>) -> T {
    slot.lock()
        .map(|mut t| std::mem::take(&mut *t))
        .unwrap_or_default()
}

/// Starts each of the pool's `waiting` threads: how many started, and the first that could not
/// be (the others that could not are left out: the pool works on with fewer threads).
fn start_each(waiting: Vec<rayon::ThreadBuilder>) -> (usize, Option<rayon::ThreadBuilder>) {
    let (mut n_started, mut not_started) = (0, None);
    for thread in waiting {
        let mut builder = std::thread::Builder::new();
        if let Some(name) = thread.name() {
            builder = builder.name(name.to_string());
        }
        // `spawn` drops the closure when it fails: the thread is kept in a slot to get it back.
        let slot = std::sync::Arc::new(std::sync::Mutex::new(Some(thread)));
        let theirs = std::sync::Arc::clone(&slot);
        let started = builder.spawn(move || {
            if let Some(thread) = take_out(&theirs) {
                thread.run();
            }
        });
        match started {
            Ok(_) => n_started += 1,
            Err(_) if not_started.is_none() => not_started = take_out(&slot),
            Err(_) => {}
        }
    }
    (n_started, not_started)
}

/// `op` run by the worker threads: parallel iterators and joins inside it share them.
fn on_pool<R: Send>(op: impl FnOnce() -> R + Send) -> R {
    match pool() {
        Some(pool) => pool.install(op),
        None => op(),
    }
}

/// `rayon::in_place_scope` on the worker threads: `op` runs on this thread, what it spawns on
/// the workers.
pub(crate) fn in_place_scope<'scope, R>(op: impl FnOnce(&rayon::Scope<'scope>) -> R) -> R {
    match pool() {
        Some(pool) => pool.in_place_scope(op),
        None => rayon::in_place_scope(op),
    }
}

/// How many threads read a long article: `CLAIMDESK_THREADS` if set to a number (1 to read on
/// one thread only), else the machine's cores, up to 16.
pub(crate) fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        threads_from(
            std::env::var("CLAIMDESK_THREADS").ok().as_deref(),
            std::thread::available_parallelism().map_or(1, |n| n.get()),
        )
    })
}

/// The most threads used unless `CLAIMDESK_THREADS` says otherwise: on a 16-core machine, 16
/// threads read a megabyte 10–20% faster than 8 (no machine with more cores has been measured).
const MAX_THREADS: usize = 16;

/// `threads` given the variable's value and the number of cores.
fn threads_from(setting: Option<&str>, cores: usize) -> usize {
    match setting.and_then(|v| v.trim().parse::<usize>().ok()) {
        Some(n) => n.clamp(1, 64),
        None => cores.clamp(1, MAX_THREADS),
    }
}

/// `items` (blocks or sentences, of `size` bytes each) cut into at most `threads` runs of about
/// the same number of bytes, each of `MIN_BYTES_PER_THREAD` at least (one run for a short
/// article).
fn runs_of<T>(items: &[T], threads: usize, size: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let total: usize = items.iter().map(&size).sum();
    let n = threads.min(total / MIN_BYTES_PER_THREAD).max(1);
    let mut runs = Vec::with_capacity(n);
    let mut rest = items;
    let mut left = total;
    for k in (1..=n).rev() {
        if k == 1 || rest.is_empty() {
            runs.push(rest);
            break;
        }
        // This run takes its share of what is left.
        let want = left / k;
        let mut bytes = 0;
        let mut cut = 0;
        while cut < rest.len() && bytes < want {
            bytes += size(&rest[cut]);
            cut += 1;
        }
        let (run, after) = rest.split_at(cut);
        runs.push(run);
        rest = after;
        left -= bytes;
    }
    runs.retain(|r| !r.is_empty());
    runs
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

/// Full names met so far in the article, to resolve a claimant named by one word: "Kim" →
/// "Kim Jong Un" once "Kim Jong Un" has appeared.
#[derive(Default)]
struct Names {
    /// A word → the longest earlier name that contains it, and that name's number of words.
    by_word: FxHashMap<String, (usize, String)>,
}

impl Names {
    /// Learns the names among a sentence's named entities.
    fn learn_entities(&mut self, entities: Vec<String>) {
        for name in entities {
            let n_words = name.split_whitespace().count();
            if n_words < 2 {
                continue;
            }
            for w in name.split_whitespace() {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    match self.by_word.get_mut(w) {
                        Some(slot) if slot.0 >= n_words => {}
                        Some(slot) => *slot = (n_words, name.clone()),
                        None => {
                            self.by_word.insert(w.to_string(), (n_words, name.clone()));
                        }
                    }
                }
            }
        }
    }

    /// Whether `resolve` may change a claimant: one given by one word.
    fn may_resolve(claimant: &str) -> bool {
        claimant.split_whitespace().count() == 1
    }

    /// A claimant given by one word becomes the longest name met so far that contains it.
    fn resolve(&self, claimant: &mut Option<String>) {
        if let Some(c) = claimant
            && Self::may_resolve(c)
            && let Some((_, full)) = self.by_word.get(c.as_str())
        {
            c.clone_from(full);
        }
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

/// Words numbered in the order they are first met.
#[derive(Default)]
struct Vocabulary {
    /// Words of up to 8 bytes (most words), packed into a number (no string to compare on a
    /// look-up; half the table of longer words, so more of it stays in cache)…
    tiny: FxHashMap<u64, u32>,
    /// …and of 9 to 16 bytes.
    short: FxHashMap<u128, u32>,
    long: FxHashMap<String, u32>,
}

impl Vocabulary {
    fn len(&self) -> usize {
        self.tiny.len() + self.short.len() + self.long.len()
    }

    fn id(&mut self, word: &str) -> u32 {
        match crate::text::pack(word) {
            Some(key) => self.short_id(key),
            None => {
                let next = self.len() as u32;
                if let Some(&id) = self.long.get(word) {
                    return id;
                }
                self.long.insert(word.to_string(), next);
                next
            }
        }
    }

    /// The number of a word packed by `pack`.
    fn short_id(&mut self, key: u128) -> u32 {
        let next = self.len() as u32;
        match u64::try_from(key) {
            Ok(tiny) => *self.tiny.entry(tiny).or_insert(next),
            Err(_) => *self.short.entry(key).or_insert(next),
        }
    }

    /// The numbers of the words that grouping compares in the sentence `text`, lower-cased as
    /// `lower` (see `token_set`), in text order, repeats included.
    fn sentence_words(&mut self, text: &str, lower: &str, out: &mut Vec<u32>) {
        out.clear();
        let is_word = |w: &&str| w.chars().nth(2).is_some();
        if crate::text::has_sigma_or_dotted_i(text) {
            // Lower-casing the sentence is not lower-casing each word here: do the latter.
            for w in text.split(|c: char| !c.is_alphanumeric()).filter(is_word) {
                out.push(self.id(&w.to_lowercase()));
            }
        } else {
            for w in lower
                .split(|c: char| !crate::text::is_alphanumeric(c))
                .filter(is_word)
            {
                out.push(self.id(w));
            }
        }
    }
}

/// The words of several runs' vocabularies numbered as one: for each run, the new number of each
/// of its numbers, and the number of different words.
///
/// Near-duplicate grouping only asks whether two sentences use the same word, so any numbering
/// will do: the words are dealt by hash into `shards`, each numbered on a worker (a word is in
/// one shard whichever run it comes from), and a shard's numbers follow the previous shard's.
/// Sixteen runs of the 1 MB debate text hold some 33,000 words, which one thread numbered in
/// turn while fifteen waited.
fn join_vocabularies(runs: &[Vocabulary], shards: usize) -> (Vec<Vec<u32>>, usize) {
    use std::hash::BuildHasher;
    let hasher = rustc_hash::FxBuildHasher;
    let shards: Vec<u64> = (0..shards.max(1) as u64).collect();
    let n = shards.len() as u64;
    let shard_of = |h: u64| ((h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) % n) as usize;
    let tiny_shard = |key: u64| shard_of(key);
    let short_shard = |key: u128| shard_of(key as u64 ^ (key >> 64) as u64);
    let long_shard = |word: &str| shard_of(hasher.hash_one(word));
    // Each shard's words numbered from 0, in the order the runs meet them…
    let joined: Vec<Vocabulary> = on_threads(&shards, |&shard| {
        let shard = shard as usize;
        let mut joined = Vocabulary::default();
        for v in runs {
            for &key in v.tiny.keys() {
                if tiny_shard(key) == shard {
                    joined.short_id(u128::from(key));
                }
            }
            for &key in v.short.keys() {
                if short_shard(key) == shard {
                    joined.short_id(key);
                }
            }
            for word in v.long.keys() {
                if long_shard(word) == shard {
                    joined.id(word);
                }
            }
        }
        joined
    });
    // …after the previous shards' words.
    let mut first = Vec::with_capacity(joined.len());
    let mut n_words = 0;
    for j in &joined {
        first.push(n_words as u32);
        n_words += j.len();
    }
    // Each run's numbers looked up in the shards, a run per worker.
    let numbers = on_threads(runs, |v| {
        let mut to = vec![0; v.len()];
        for (&key, &id) in &v.tiny {
            let s = tiny_shard(key);
            to[id as usize] = first[s] + joined[s].tiny[&key];
        }
        for (&key, &id) in &v.short {
            let s = short_shard(key);
            to[id as usize] = first[s] + joined[s].short[&key];
        }
        for (word, &id) in &v.long {
            let s = long_shard(word);
            to[id as usize] = first[s] + joined[s].long[word];
        }
        to
    });
    (numbers, n_words)
}

/// Near-duplicates share the group of their first occurrence: two sentences of at least five
/// words (of three letters or more) are near-duplicates when most of the shorter one's words are
/// in the longer one (overlap ≥ 0.7 of the shorter) and their word sets are similar (Jaccard ≥
/// 0.4), as when a caption repeats a sentence of the body in other words.
///
/// Each sentence is compared with the earlier ones that share at least `min_shared` of its
/// words, found by counting through an inverted index the sentences in the lists of its words;
/// each word's list, for a sentence, is the last `MAX_POSTINGS` sentences before it that use the
/// word (two sentences "share" a word when the earlier is in that list). The work is bounded by
/// sentences × words × `MAX_POSTINGS`, not sentences², and a duplicate within the last
/// `MAX_POSTINGS` sentences that use its words is always found. The index is built once all
/// sentences are in, so the sentences are compared on several threads; the groups are then
/// formed in text order.
#[derive(Default)]
struct Grouper {
    /// Every sentence's word numbers, sorted, one after the other: sentence `i`'s are
    /// `words[starts[i]..starts[i + 1]]`.
    words: Vec<u32>,
    starts: Vec<u32>,
    /// Highest word number + 1.
    n_words: usize,
}

const MAX_POSTINGS: usize = 64;

/// Parts of the sentences compared per worker thread (`Grouper::finish`): on two cores, with the
/// merge on one worker, one part per thread left the generated English's pairs to one thread
/// for the first millisecond or two (2.5–3.5 ms more in all).
const PAIR_PARTS_PER_THREAD: usize = 4;

/// Below this many words in all, the sentences are compared on one thread.
const WORDS_PER_THREAD: usize = 16 * 1024;

/// The inverted index of `Grouper`: each word's sentences, in text order.
struct Index {
    /// Word `w`'s sentences are `users[offsets[w]..offsets[w + 1]]`.
    offsets: Vec<u32>,
    users: Vec<u32>,
    /// Per entry of `Grouper::words`: the sentence's place in the word's `users`.
    rank: Vec<u32>,
}

impl Grouper {
    /// Adds the next sentence given the numbers of its words (in any order, repeats included).
    #[cfg(test)]
    fn push(&mut self, words: impl IntoIterator<Item = u32>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let from = self.words.len();
        self.words.extend(words);
        let set = &mut self.words[from..];
        set.sort_unstable();
        let mut kept = 0;
        for k in 0..set.len() {
            if k == 0 || set[k] != set[kept - 1] {
                set[kept] = set[k];
                kept += 1;
            }
        }
        self.words.truncate(from + kept);
        if let Some(&last) = self.words[from..].last() {
            self.n_words = self.n_words.max(last as usize + 1);
        }
        self.starts.push(self.words.len() as u32);
    }

    /// The sentences of `runs`, in order: each run's words (each there once per sentence,
    /// numbered below `n_words`) cut at its `ends` (as in `Read`). The runs are copied in at the
    /// same time, each into its own place.
    fn of_runs(runs: &[(Vec<u32>, Vec<u32>)], n_words: usize) -> Grouper {
        let total: usize = runs.iter().map(|(w, _)| w.len()).sum();
        let n: usize = runs.iter().map(|(_, e)| e.len()).sum();
        let mut words = vec![0u32; total];
        let mut starts = vec![0u32; n + 1];
        let mut work = Vec::with_capacity(runs.len());
        let (mut words_left, mut starts_left) = (words.as_mut_slice(), &mut starts[1..]);
        let mut base = 0;
        for (run_words, ends) in runs {
            let (w, rest) = std::mem::take(&mut words_left).split_at_mut(run_words.len());
            words_left = rest;
            let (s, rest) = std::mem::take(&mut starts_left).split_at_mut(ends.len());
            starts_left = rest;
            work.push((w, s, run_words, ends, base));
            base += run_words.len() as u32;
        }
        on_threads_each(work, |(w, s, run_words, ends, base)| {
            w.copy_from_slice(run_words);
            for (start, &end) in s.iter_mut().zip(ends) {
                *start = base + end;
            }
        });
        Grouper {
            words,
            starts,
            n_words,
        }
    }

    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn words_of(&self, i: usize) -> (std::ops::Range<usize>, &[u32]) {
        let span = self.starts[i] as usize..self.starts[i + 1] as usize;
        (span.clone(), &self.words[span])
    }

    /// The inverted index, built on `parts` threads: each part (consecutive sentences) counts
    /// its words, each word's list is laid out part after part, and each part then writes its
    /// sentences into its own places of the lists. The lists are in text order, as one thread
    /// writing every sentence in turn would have them.
    fn index(&self, parts: usize) -> Index {
        if parts < 2 {
            return self.index_on_one_thread();
        }
        let n = self.len();
        let total = self.words.len();
        let parts = cut_evenly(n, parts, |i| self.words_of(i).1.len());
        if parts.len() < 2 {
            return self.index_on_one_thread();
        }
        let entries = |r: &Range<usize>| match (self.starts.get(r.start), self.starts.get(r.end)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        // Per part, each word's number of sentences in it.
        let mut counts: Vec<Vec<u32>> = on_threads(&parts, |r| {
            let mut c = vec![0u32; self.n_words];
            for &w in &self.words[entries(r)] {
                c[w as usize] += 1;
            }
            c
        });
        // Per part, each word's sentences in the parts before it (where the part's own begin in
        // the word's list), and each word's sentences in all: a range of words per thread.
        let mut totals = vec![0u32; self.n_words];
        let per_range = self.n_words.div_ceil(counts.len()).max(1);
        let mut columns: Vec<Vec<&mut [u32]>> = Vec::new();
        for c in counts.iter_mut() {
            for (k, piece) in c.chunks_mut(per_range).enumerate() {
                if columns.len() <= k {
                    columns.push(Vec::with_capacity(parts.len()));
                }
                columns[k].push(piece);
            }
        }
        let work: Vec<_> = columns
            .into_iter()
            .zip(totals.chunks_mut(per_range))
            .collect();
        on_threads_each(work, |(mut column, totals)| {
            for (j, t) in totals.iter_mut().enumerate() {
                let mut before = 0;
                for part in column.iter_mut() {
                    let c = part[j];
                    part[j] = before;
                    before += c;
                }
                *t = before;
            }
        });
        let mut offsets = vec![0u32; self.n_words + 1];
        for w in 0..self.n_words {
            offsets[w + 1] = offsets[w] + totals[w];
        }
        let mut users = zeroed_prefaulted(total);
        let mut rank = zeroed_prefaulted(total);
        let users_at = SharedSlice::new(&mut users);
        let mut work = Vec::with_capacity(parts.len());
        let mut rest = rank.as_mut_slice();
        for (r, before) in parts.iter().zip(counts.iter_mut()) {
            let (mine, tail) = std::mem::take(&mut rest).split_at_mut(entries(r).len());
            rest = tail;
            work.push((r.clone(), mine, before));
        }
        on_threads_each(work, |(r, rank, before)| {
            let first = entries(&r).start;
            for i in r {
                let (span, set) = self.words_of(i);
                for (k, &w) in span.zip(set) {
                    let place = &mut before[w as usize];
                    // SAFETY: word `w`'s places for this part are `offsets[w]` plus the
                    // word's sentences in the parts before (`before[w]` at the start), up to its
                    // count in this part: no other part writes there.
                    unsafe { users_at.set((offsets[w as usize] + *place) as usize, i as u32) };
                    rank[k - first] = *place;
                    *place += 1;
                }
            }
        });
        Index {
            offsets,
            users,
            rank,
        }
    }

    /// `index` on this thread: the words counted, their lists laid out, and each sentence
    /// written into them in turn.
    fn index_on_one_thread(&self) -> Index {
        let mut offsets = vec![0u32; self.n_words + 1];
        for &w in &self.words {
            offsets[w as usize + 1] += 1;
        }
        for w in 0..self.n_words {
            offsets[w + 1] += offsets[w];
        }
        let mut next = offsets.clone();
        let mut users = zeroed_prefaulted(self.words.len());
        let mut rank = zeroed_prefaulted(self.words.len());
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

    /// The near-duplicate pairs (later, earlier) that decide the groups of the sentences `from`
    /// (later sentences in text order; each one's earlier duplicates in no particular order).
    ///
    /// Forming the groups (`finish`, on one thread) gives a sentence the earliest group of its
    /// earlier duplicates, and a duplicate's group is never later than the groups of its own
    /// earlier duplicates. So of a sentence's duplicates, those that are duplicates of its
    /// latest one are left out when that latest one is in this part (whose pairs are at hand):
    /// its group is as early as theirs. On repeated text this leaves a pair or two a sentence
    /// instead of dozens, which the one thread would otherwise read.
    fn pairs(&self, index: &Index, from: Range<usize>) -> Vec<(u32, u32)> {
        let mut needs = Needs::default();
        // Per sentence: the words it shares with the one being compared (`count_shared`).
        let mut shared = vec![0u64; from.end];
        let mut candidates = Vec::new();
        // Every duplicate found: sentence `from.start + k`'s are `found[found_at[k]..found_at[k
        // + 1]]`.
        let mut found: Vec<u32> = Vec::new();
        let mut found_at: Vec<u32> = Vec::with_capacity(from.len() + 1);
        // `mark[j] == i + 1`: j is a duplicate of sentence i's latest duplicate.
        let mut mark = vec![0u32; from.end];
        let mut pairs = Vec::new();
        for i in from.clone() {
            found_at.push(found.len() as u32);
            let (span, set) = self.words_of(i);
            // Both having five words or more, sentences sharing three or fewer are no
            // duplicates (3 / 5 < 0.7).
            if set.len() < 5 {
                continue;
            }
            let (need, needed) = needs.of(set.len());
            let stamp = (i as u64 + 1) << 32;
            candidates.clear();
            count_shared(
                index,
                span,
                set,
                &mut shared,
                stamp,
                needed,
                &mut candidates,
            );
            let first_found = found.len();
            for &j in &candidates {
                let b = self.starts[j as usize + 1] - self.starts[j as usize];
                if need
                    .get(b as usize)
                    .is_some_and(|&t| shared[j as usize] as u32 >= t)
                {
                    found.push(j);
                }
            }
            let mine = &found[first_found..];
            let Some(&latest) = mine.iter().max() else {
                continue;
            };
            pairs.push((i as u32, latest));
            let stamp = i as u32 + 1;
            if let Some(k) = (latest as usize).checked_sub(from.start) {
                let theirs = found_at[k] as usize..found_at[k + 1] as usize;
                for &j in &found[theirs] {
                    mark[j as usize] = stamp;
                }
            }
            pairs.extend(
                mine.iter()
                    .filter(|&&j| j != latest && mark[j as usize] != stamp)
                    .map(|&j| (i as u32, j)),
            );
        }
        pairs
    }

    /// Each sentence's group: the index of the first sentence of its group.
    fn finish(self, threads: usize) -> Vec<Option<usize>> {
        let n = self.len();
        let index = self.index(index_parts(threads));
        crate::timing::mark("grouping index");
        // About the same number of list entries per part (the sentences' word counts), and
        // several parts per thread: grouping shares the workers with the merge, and a worker
        // that is done takes the next part.
        let parts = if threads > 1 {
            PAIR_PARTS_PER_THREAD * threads
        } else {
            1
        };
        let parts = cut_evenly(n, parts, |i| self.words_of(i).1.len());
        let pairs = on_threads(&parts, |r| self.pairs(&index, r.clone()));
        crate::timing::mark("pairs");
        let mut group: Vec<Option<usize>> = vec![None; n];
        // Each part's pairs are those of consecutive sentences, in order: read one after the other.
        for same in pairs.iter().flat_map(|p| p.chunk_by(|x, y| x.0 == y.0)) {
            let i = same[0].0 as usize;
            let g = same
                .iter()
                .map(|&(_, j)| group[j as usize].unwrap_or(j as usize))
                .min();
            if let Some(g) = g {
                group[g] = Some(g);
                group[i] = Some(g);
            }
        }
        group
    }
}

/// Counts, for each earlier sentence in the windows of the words `set` (entries `span` of
/// `Grouper::words`) of the sentence being compared, the words they share in `shared`, and adds
/// to `candidates` those that reach `needed`.
///
/// `shared[j]` holds, in its high 32 bits, the number + 1 of the last sentence compared with
/// `j` (`stamp` is the current one's, shifted), and below them the words they share. Sentences
/// are compared in text order, so an older stamp is smaller: `max(v, stamp)` restarts a count
/// left by an earlier sentence at zero and keeps the current one's, with a conditional move
/// rather than a branch that the first and later words of a sentence would keep mispredicting.
/// (A function of its own: inside `pairs`, the loop's pointers did not stay in registers.)
#[inline(never)]
fn count_shared(
    index: &Index,
    span: Range<usize>,
    set: &[u32],
    shared: &mut [u64],
    stamp: u64,
    needed: u32,
    candidates: &mut Vec<u32>,
) {
    for (k, &w) in span.zip(set) {
        let first = index.offsets[w as usize] as usize;
        let at = first + index.rank[k] as usize;
        for &j in &index.users[first.max(at.saturating_sub(MAX_POSTINGS))..at] {
            let v = &mut shared[j as usize];
            *v = (*v).max(stamp) + 1;
            if *v as u32 == needed {
                candidates.push(j);
            }
        }
    }
}

/// The parts the grouping index is built in on `threads` threads: one fewer than the threads, as
/// the merge has one worker while the index is built. On the 2-core machine that is one part:
/// two took as long as one alone (0.95 against 1.0 ms for 1 MB of text; its two vCPUs share a
/// core, and the writes wait on memory), and 1.7 against 1.3 ms beside the merge. The parts are
/// for many cores, not yet measured there: `CLAIMDESK_INDEX_PARTS=N` sets their number, so
/// that one build can be compared with itself on a lent machine.
fn index_parts(threads: usize) -> usize {
    static SET: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| std::env::var("CLAIMDESK_INDEX_PARTS").ok()?.parse().ok());
    set.unwrap_or(threads.saturating_sub(1)).max(1)
}

/// `n` zeros, their pages faulted in on every core first (`prefault`): the index's lists are
/// filled all over.
fn zeroed_prefaulted(n: usize) -> Vec<u32> {
    let mut v: Vec<u32> = Vec::with_capacity(n);
    prefault(v.spare_capacity_mut());
    v.resize(n, 0);
    v
}

/// A slice that several threads write at once, each at places no other thread writes.
struct SharedSlice<'a> {
    at: *mut u32,
    len: usize,
    _slice: std::marker::PhantomData<&'a mut [u32]>,
}

// SAFETY: the slice is borrowed mutably for the wrapper's life, and the only access is `set`,
// whose callers promise that no two threads write the same place.
unsafe impl Send for SharedSlice<'_> {}
unsafe impl Sync for SharedSlice<'_> {}

impl<'a> SharedSlice<'a> {
    fn new(slice: &'a mut [u32]) -> Self {
        SharedSlice {
            at: slice.as_mut_ptr(),
            len: slice.len(),
            _slice: std::marker::PhantomData,
        }
    }

    /// Writes `value` at place `i` (checked to be in the slice).
    ///
    /// # Safety
    /// No other thread writes place `i` through this wrapper.
    unsafe fn set(&self, i: usize, value: u32) {
        assert!(i < self.len, "place {i} of a slice of {}", self.len);
        // SAFETY: `i` is in bounds (checked above), the slice outlives `self`, and no other
        // thread writes place `i` (the caller's promise); nothing reads it meanwhile.
        unsafe { self.at.add(i).write(value) }
    }
}

/// `0..n` cut into at most `parts` consecutive ranges of about the same total `weight`.
pub(crate) fn cut_evenly(
    n: usize,
    parts: usize,
    weight: impl Fn(usize) -> usize,
) -> Vec<Range<usize>> {
    let total: usize = (0..n).map(&weight).sum();
    let per_part = total.div_ceil(parts.max(1)).max(1);
    let mut out = Vec::new();
    let (mut start, mut acc) = (0, 0);
    for i in 0..n {
        acc += weight(i);
        if acc >= per_part {
            out.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
    if start < n || out.is_empty() {
        out.push(start..n);
    }
    out
}

/// Per number of words `a` (five or more), the fewest words shared with a sentence of `b` words
/// that make the two near-duplicates, for each `b` that can be one (`u32::MAX` for the others),
/// and the fewest over all `b` (`min_shared`).
#[derive(Default)]
struct Needs {
    by_len: FxHashMap<usize, (Vec<u32>, u32)>,
}

impl Needs {
    fn of(&mut self, a: usize) -> (&[u32], u32) {
        let (need, min) = self.by_len.entry(a).or_insert_with(|| {
            let need: Vec<u32> = (0..=3 * a + 10)
                .map(|b| need(a, b).unwrap_or(u32::MAX))
                .collect();
            let min = need.iter().copied().min().unwrap_or(u32::MAX);
            (need, min)
        });
        (need, *min)
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

/// The fewest words a sentence of `a` different words (five or more) shares with any sentence of
/// five words or more that is its near-duplicate: only earlier sentences sharing that many are
/// checked. (Four at least; more for long sentences, whose duplicates must share more.) A
/// sentence of more than 2.5 × `a` words cannot be one (its Jaccard index is below 0.4).
#[cfg(test)]
fn min_shared(a: usize) -> u32 {
    (5..=3 * a + 10)
        .filter_map(|b| need(a, b))
        .min()
        .unwrap_or(u32::MAX)
}

/// Groups near-duplicates among `cands` (see `Grouper`).
#[cfg(test)]
fn assign_groups(cands: &mut [Candidate]) {
    let mut vocabulary = Vocabulary::default();
    let mut grouper = Grouper::default();
    for c in cands.iter() {
        grouper.push(token_set(&c.text).iter().map(|w| vocabulary.id(w)));
    }
    for (c, g) in cands.iter_mut().zip(grouper.finish(2)) {
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
                    reasons: Default::default(),
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

    /// `Grouper` by its definition, comparing every pair: two sentences share a word when fewer
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
            threads in 1usize..6,
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
            let mut grouper = Grouper::default();
            for s in &sentences {
                grouper.push(s.iter().copied());
            }
            // The index built by parts is the one built in turn.
            let one = grouper.index_on_one_thread();
            for parts in 2..6 {
                let index = grouper.index(parts);
                prop_assert_eq!(&index.offsets, &one.offsets);
                prop_assert_eq!(&index.users, &one.users);
                prop_assert_eq!(&index.rank, &one.rank);
            }
            prop_assert_eq!(grouper.finish(threads), groups_by_definition(&sets));
        }

        /// Runs copied in at once make the sentences that pushing them in turn makes.
        #[test]
        fn runs_join_into_the_sentences_in_order(
            runs in proptest::collection::vec(
                proptest::collection::vec(proptest::collection::vec(0u32..50, 0..8), 0..20),
                0..6,
            ),
        ) {
            let mut pushed = Grouper::default();
            let mut joined_runs = Vec::new();
            for run in &runs {
                let (mut words, mut ends) = (Vec::new(), Vec::new());
                for s in run {
                    let mut set = s.clone();
                    set.sort_unstable();
                    set.dedup();
                    pushed.push(set.iter().copied());
                    words.extend(set);
                    ends.push(words.len() as u32);
                }
                joined_runs.push((words, ends));
            }
            let joined = Grouper::of_runs(&joined_runs, 50);
            prop_assert_eq!(joined.len(), pushed.len());
            for i in 0..pushed.len() {
                prop_assert_eq!(joined.words_of(i), pushed.words_of(i));
            }
        }
    }

    #[test]
    fn joined_vocabularies_number_each_word_once() {
        let runs = [
            vec![
                "budget",
                "taxes",
                "municipalité",
                "extraordinairement",
                "budget",
            ],
            vec![
                "taxes",
                "vote",
                "extraordinairement",
                "constitutionnellement",
            ],
            vec!["vote", "budget", "été"],
        ];
        let words: std::collections::BTreeSet<&str> = runs.iter().flatten().copied().collect();
        for shards in 1..5 {
            let mut vocabularies: Vec<Vocabulary> = Vec::new();
            let mut ids: Vec<Vec<u32>> = Vec::new();
            for run in &runs {
                let mut v = Vocabulary::default();
                ids.push(run.iter().map(|w| v.id(w)).collect());
                vocabularies.push(v);
            }
            let (numbers, n) = join_vocabularies(&vocabularies, shards);
            assert_eq!(n, words.len(), "{shards} shards");
            let mut number_of = std::collections::BTreeMap::new();
            for (r, run) in runs.iter().enumerate() {
                for (w, &id) in run.iter().zip(&ids[r]) {
                    let number = numbers[r][id as usize];
                    assert!((number as usize) < n);
                    assert_eq!(*number_of.entry(*w).or_insert(number), number, "{w}");
                }
            }
            let distinct: std::collections::BTreeSet<u32> = number_of.values().copied().collect();
            assert_eq!(
                distinct.len(),
                words.len(),
                "{shards} shards: {number_of:?}"
            );
        }
    }

    #[test]
    fn threads_change_nothing() {
        // The sample's paragraphs, numbered, over 200 KB: read by several threads.
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
        assert!(runs_of(&a.blocks, 4, |b| b.end - b.start).len() == 4);
        // The same text as one block (one line): its sentences are scored on several threads
        // all the same.
        let one_block =
            article::from_bytes(text.replace("\n\n", " ").as_bytes(), "one.txt").unwrap();
        let long = one_block
            .blocks
            .iter()
            .filter(|b| b.end - b.start > 100_000);
        assert_eq!(long.count(), 1);
        for a in [a, one_block] {
            for explain_at in [None, Some(DEFAULT_THRESHOLD)] {
                let one = scored_sentences(&a, explain_at, 1);
                assert!(one.iter().any(|c| c.group.is_some_and(|g| g > 0)));
                assert!(one.iter().any(|c| c.claimant.is_some()));
                for threads in [2, 3, 4] {
                    assert!(
                        scored_sentences(&a, explain_at, threads) == one,
                        "{threads} threads"
                    );
                }
            }
        }
    }

    #[test]
    fn prefaulted_buffers_keep_their_capacity_and_fill_as_before() {
        start_workers();
        // Sizes around the threshold, and element sizes that do and do not divide a page.
        for n in [1000, 70_000, 300_000] {
            let mut bytes: Vec<u8> = Vec::with_capacity(n);
            let before = bytes.capacity();
            prefault(bytes.spare_capacity_mut());
            assert_eq!(bytes.capacity(), before);
            assert!(bytes.is_empty());
            bytes.extend((0..n).map(|i| (i % 251) as u8));
            assert!(bytes.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8));
            let mut wide: Vec<[u8; 12]> = Vec::with_capacity(n);
            prefault(wide.spare_capacity_mut());
            wide.resize(n, [7; 12]);
            assert!(wide.iter().all(|x| *x == [7; 12]));
        }
    }

    #[test]
    fn runs_cover_the_blocks_in_order() {
        let blocks: Vec<crate::article::Block> = (0..100)
            .map(|i| crate::article::Block {
                kind: BlockKind::Paragraph,
                start: i * 5000,
                end: i * 5000 + 4000 + (i % 7) * 100,
            })
            .collect();
        for threads in 1..10 {
            let runs = runs_of(&blocks, threads, |b| b.end - b.start);
            assert!(!runs.is_empty() && runs.len() <= threads);
            assert_eq!(runs.concat(), blocks);
            for r in &runs {
                let bytes: usize = r.iter().map(|b| b.end - b.start).sum();
                assert!(bytes >= MIN_BYTES_PER_THREAD, "{threads}: {bytes}");
            }
        }
        // A short article is read by one thread.
        assert_eq!(runs_of(&blocks[..3], 8, |b| b.end - b.start).len(), 1);
        assert!(runs_of(&[], 8, |b: &crate::article::Block| b.end - b.start).is_empty());
    }

    #[test]
    fn work_handed_to_the_threads_runs_on_the_started_workers() {
        // Each piece on a thread of the pool started by `start_each` (its threads are named),
        // not on the asking thread nor on rayon's own pool (unnamed threads).
        let names = on_threads(&[1, 2, 3, 4, 5, 6, 7, 8], |_| {
            std::thread::current().name().map(str::to_string)
        });
        assert_eq!(names.len(), 8);
        for name in &names {
            let name = name.as_deref().unwrap_or("an unnamed thread");
            assert!(name.starts_with("claimdesk-worker-"), "ran on {name}");
        }
        let (a, b) = both(
            || std::thread::current().name().map(str::to_string),
            || 2 + 2,
        );
        assert!(a.is_some_and(|n| n.starts_with("claimdesk-worker-")));
        assert_eq!(b, 4);
        // Nothing to start is nothing started.
        assert_eq!(start_each(Vec::new()).0, 0);
    }

    #[test]
    fn thread_count_from_the_environment() {
        assert_eq!(threads_from(None, 16), 16);
        assert_eq!(threads_from(None, 64), 16);
        assert_eq!(threads_from(None, 2), 2);
        assert_eq!(threads_from(Some("1"), 16), 1);
        assert_eq!(threads_from(Some(" 12 "), 2), 12);
        assert_eq!(threads_from(Some("0"), 4), 1);
        assert_eq!(threads_from(Some("many"), 4), 4);
        assert!(threads() >= 1);
    }
}
