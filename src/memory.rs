//! Memory for the one-shot commands (`claimdesk extract` and the others; not the window): the
//! C allocator's settings (`tune_allocator_for_batch`), and its heaps backed by 2 MB pages.
//!
//! Reading a megabyte touches 10 to 20 MB of fresh memory. In 4 KB pages, each is faulted in on
//! first touch (1.5–2.2 µs a page on the 2-core machine, 2,700 to 4,700 faults) and handed back
//! one by one when the process ends; in 2 MB pages ("transparent huge pages", which the kernel
//! gives a range it is advised may use them) a fault fills 512 pages' worth at once (0.4 µs per
//! 4 KB) and the exit frees them 25 times faster. glibc does this itself when started with
//! `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, which only the environment of a new process can set;
//! starting the process again with it costs 1.5–2 ms. So the heaps are advised here: the main
//! heap once, before any thread starts, and each worker thread's heap when the thread starts.
//!
//! A short article touches too little memory to repay clearing 2 MB pages (each worker's first
//! one included): below `HUGE_PAGES_FROM_BYTES` of input the heaps keep 4 KB pages. Set
//! `CLAIMDESK_HUGE_PAGES=0` to leave the heaps in 4 KB pages whatever the input (for comparisons).

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The size of a transparent huge page on x86-64 and most Linux systems.
const HUGE_PAGE: usize = 2 << 20;

/// The size and alignment of glibc's heaps other than the main one (`HEAP_MAX_SIZE` on 64-bit
/// targets: twice the largest mmap threshold, 32 MB).
const THREAD_HEAP: usize = 64 << 20;

/// Blocks of this size or more are mapped on their own rather than taken from a heap (set by
/// `tune_allocator_for_batch`).
const MMAP_THRESHOLD: usize = 4 << 20;

/// Inputs shorter than this are read with the heaps in 4 KB pages. On the 2-core machine (41–61
/// alternating runs), 2 MB pages took 10% more CPU time for a one-line text, 6% for the sample
/// web page and 3% for 32 KB of French, and 4% less for 128 KB, 8% less for 384 KB.
pub const HUGE_PAGES_FROM_BYTES: u64 = 64 * 1024;

/// Whether the heaps are advised (set once, by `huge_pages_for_batch`).
static ON: AtomicBool = AtomicBool::new(false);

/// The main heap's range when it was advised: a thread whose first block lies there shares it.
static MAIN_HEAP: OnceLock<Range<usize>> = OnceLock::new();

/// Sets the C library's allocator for a command that reads one article and exits (not the
/// window, which lives long and should give memory back), then advises its heaps
/// (`huge_pages_for_batch`). With its defaults, glibc grows each worker thread's heap by exactly
/// what is asked, one `mprotect` call at a time (770 to 2,400 for a megabyte of text), and maps
/// and unmaps every block of 128 KB or more, so the same memory is faulted in again: here heaps
/// grow 16 MB at a time, and blocks below `MMAP_THRESHOLD` come from them (above, mapping keeps a
/// long text's growing buffers from being copied: a 10 MB text peaks at the same 255 MB, where a
/// 32 MB threshold took it to 344 MB). See the README, "Claim extraction, measured". The heaps
/// are backed by 2 MB pages unless `input_bytes`, the size of the file the command reads, is
/// known and below `HUGE_PAGES_FROM_BYTES`. Call once, before any thread starts.
pub fn tune_allocator_for_batch(input_bytes: Option<u64>) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets the allocator's parameters; it is called before any thread is
    // started, and the values are within glibc's documented ranges.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD as libc::c_int);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
    if repays_huge_pages(input_bytes) {
        huge_pages_for_batch();
    }
}

/// Whether reading an input of `input_bytes` (`None`: unknown, as standard input) touches
/// enough memory to repay 2 MB pages (`HUGE_PAGES_FROM_BYTES`).
fn repays_huge_pages(input_bytes: Option<u64>) -> bool {
    input_bytes.is_none_or(|n| n >= HUGE_PAGES_FROM_BYTES)
}

/// Advises the main heap, and the heap of every worker thread started from now on
/// (`huge_pages_for_this_thread`), to be backed by 2 MB pages, where the kernel gives them on
/// request and `CLAIMDESK_HUGE_PAGES` is not `0`. Call once, before any thread starts, after the
/// allocator's settings (whose padding sizes the main heap).
fn huge_pages_for_batch() {
    if std::env::var_os("CLAIMDESK_HUGE_PAGES").is_some_and(|v| v == "0") {
        return;
    }
    // "always" gives every heap huge pages already; "never" gives none.
    match std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled") {
        Ok(mode) if mode.contains("[madvise]") => {}
        _ => return,
    }
    imp::advise_main_heap();
    ON.store(true, Ordering::Relaxed);
}

/// Advises the calling thread's heap (see `huge_pages_for_batch`): called as each worker
/// thread starts, before it allocates anything large.
pub(crate) fn huge_pages_for_this_thread() {
    if ON.load(Ordering::Relaxed) {
        imp::advise_this_threads_heap();
    }
}

/// The part of `range` made of whole huge pages.
fn whole_huge_pages(range: Range<usize>) -> Range<usize> {
    let start = range.start.next_multiple_of(HUGE_PAGE);
    let end = range.end / HUGE_PAGE * HUGE_PAGE;
    start..end.max(start)
}

/// The heap that holds `block` for a thread that does not share the main heap: glibc maps each
/// such heap at a multiple of its maximum size.
fn thread_heap_of(block: usize) -> Range<usize> {
    let base = block / THREAD_HEAP * THREAD_HEAP;
    base..base + THREAD_HEAP
}

#[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
mod imp {
    use super::*;

    fn advise(range: Range<usize>) {
        let range = whole_huge_pages(range);
        if range.is_empty() {
            return;
        }
        // SAFETY: MADV_HUGEPAGE only tells the kernel how it may back the pages of the range
        // (with 2 MB pages): it maps, unmaps, moves or changes nothing, and no memory the
        // program or the allocator uses becomes invalid. Parts of the range that are not mapped
        // make the call fail with ENOMEM after the mapped parts are advised; the result is not
        // needed.
        unsafe {
            libc::madvise(
                range.start as *mut libc::c_void,
                range.len(),
                libc::MADV_HUGEPAGE,
            );
        }
    }

    /// The main heap (grown with `brk`): where it starts and ends, once grown by a block just
    /// under the mmap threshold and the allocator's padding (about 20 MB, which a megabyte's
    /// reading does not outgrow; the block is freed, its memory untouched).
    fn main_heap() -> Range<usize> {
        let probe = std::hint::black_box(Vec::<u8>::with_capacity(MMAP_THRESHOLD - 4096));
        // SAFETY: both only read the allocator's state; no other thread runs yet, so every
        // byte `mallinfo2` counts as taken from the system is the main heap's.
        let (end, size) = unsafe { (libc::sbrk(0) as usize, libc::mallinfo2().arena) };
        drop(probe);
        end.saturating_sub(size)..end
    }

    pub(super) fn advise_main_heap() {
        let heap = main_heap();
        advise(heap.clone());
        let _ = MAIN_HEAP.set(heap);
        step_to_next_huge_page();
    }

    /// Makes the calling thread's next blocks start at the next 2 MB boundary of its heap: the
    /// 2 MB that its blocks so far lie in already hold pages of 4 KB, so the kernel keeps to
    /// 4 KB pages there. The blocks start behind one that is never used (address space only:
    /// none of its pages is touched; it comes from the heap because it is smaller than
    /// `MMAP_THRESHOLD`).
    fn step_to_next_huge_page() {
        let at = next_block();
        let skip = at.next_multiple_of(HUGE_PAGE) - at;
        std::mem::forget(std::hint::black_box(Vec::<u8>::with_capacity(skip)));
    }

    /// Where the allocator puts a small block for the calling thread now (the block is freed):
    /// an address in the heap glibc gives the thread.
    fn next_block() -> usize {
        let probe = std::hint::black_box(Box::new([0u8; 64]));
        &*probe as *const [u8; 64] as usize
    }

    pub(super) fn advise_this_threads_heap() {
        // The thread's first block, from the heap glibc gives the thread.
        let at = next_block();
        if MAIN_HEAP.get().is_some_and(|main| main.contains(&at)) {
            return;
        }
        advise(thread_heap_of(at));
        // The heap's first 2 MB holds the allocator's own records, in pages of 4 KB.
        step_to_next_huge_page();
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64")))]
mod imp {
    pub(super) fn advise_main_heap() {}
    pub(super) fn advise_this_threads_heap() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_inputs_keep_small_pages() {
        assert!(!repays_huge_pages(Some(0)));
        assert!(!repays_huge_pages(Some(HUGE_PAGES_FROM_BYTES - 1)));
        assert!(repays_huge_pages(Some(HUGE_PAGES_FROM_BYTES)));
        assert!(repays_huge_pages(Some(1 << 20)));
        assert!(repays_huge_pages(None));
    }

    #[test]
    fn only_whole_huge_pages_are_advised() {
        let mb = 1 << 20;
        assert_eq!(whole_huge_pages(mb..9 * mb), 2 * mb..8 * mb);
        assert_eq!(whole_huge_pages(2 * mb..4 * mb), 2 * mb..4 * mb);
        assert!(whole_huge_pages(mb..3 * mb).is_empty());
        assert!(whole_huge_pages(3 * mb..3 * mb + 5).is_empty());
        assert_eq!(thread_heap_of(64 * mb + 12345), 64 * mb..128 * mb);
        assert_eq!(thread_heap_of(128 * mb), 128 * mb..192 * mb);
    }

    /// The flags of the mapping that holds `at`, as `/proc/self/smaps` lists them.
    #[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
    fn flags_at(at: usize) -> String {
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let mut inside = false;
        for line in smaps.lines() {
            if let Some((range, _)) = line.split_once(' ')
                && let Some((a, b)) = range.split_once('-')
                && let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16))
            {
                inside = (a..b).contains(&at);
            } else if inside && let Some(flags) = line.strip_prefix("VmFlags:") {
                return flags.to_string();
            }
        }
        panic!("no mapping holds {at:#x}")
    }

    /// What `claimdesk extract` relies on, in a process of its own as `extract` is: a thread's
    /// heap starts where `thread_heap_of` says (glibc maps it at a multiple of 64 MB), and once
    /// advised, the blocks the thread is given next lie past the heap's first 2 MB, in memory
    /// the kernel may back with huge pages ("hg"). (In a test process of many threads, glibc runs
    /// out of heaps to give each its own and threads share them, so `heaps_are_advised_where_
    /// glibc_lays_them_out` runs this one in a new process.)
    #[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
    #[test]
    #[ignore = "run by heaps_are_advised_where_glibc_lays_them_out, in a process of its own"]
    fn heap_layout_in_a_process_of_its_own() {
        // As `claimdesk extract` starts: blocks of up to 4 MB come from the heaps (the block
        // that steps over a heap's first 2 MB among them).
        tune_allocator_for_batch(Some(1 << 20));
        let (first, later, flags) = std::thread::spawn(|| {
            let first = std::hint::black_box(Box::new([0u8; 64]));
            let first = &*first as *const [u8; 64] as usize;
            imp::advise_this_threads_heap();
            let later = std::hint::black_box(vec![1u8; 64 << 10]);
            let at = later.as_ptr() as usize;
            (first, at, flags_at(at))
        })
        .join()
        .unwrap();
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        let starts: Vec<usize> = maps
            .lines()
            .filter_map(|l| usize::from_str_radix(l.split('-').next()?, 16).ok())
            .collect();
        let heap = thread_heap_of(first);
        assert!(
            starts.contains(&heap.start),
            "{first:#x}: no mapping at {:#x}",
            heap.start
        );
        assert!(heap.contains(&later), "{first:#x} {later:#x}");
        assert!(
            later >= heap.start + HUGE_PAGE,
            "{later:#x} in the first 2 MB"
        );
        assert!(flags.split_whitespace().any(|f| f == "hg"), "{flags}");
        println!("HEAP LAYOUT CHECKED");
    }

    #[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
    #[test]
    fn heaps_are_advised_where_glibc_lays_them_out() {
        let thp = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled");
        if !thp.is_ok_and(|mode| mode.contains("[madvise]") || mode.contains("[always]")) {
            return; // a kernel without transparent huge pages: nothing to advise
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "memory::tests::heap_layout_in_a_process_of_its_own",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && said.contains("HEAP LAYOUT CHECKED"),
            "{said}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
