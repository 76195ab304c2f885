//! An allocator for programs that run the pipeline: the system's, with large blocks aligned on
//! huge pages and asked to be backed by them. The `fouille` command line and the Python
//! extension declare it as their global allocator:
//!
//! ```
//! #[global_allocator]
//! static ALLOCATOR: fouille_pipeline::alloc::HugePages = fouille_pipeline::alloc::HugePages;
//! # fn main() {}
//! ```
//!
//! fouille's lexicon, gazetteer automata and per-thread word caches are tables of one to
//! fifteen megabytes, read at random a few times per token. With 4 KB pages nearly every such
//! read also misses the processor's address translation cache; with 2 MB pages the tables are
//! covered by a few dozen entries. Linux backs anonymous memory with huge pages either always
//! or only where a program asks (`madvise`, the default of many distributions), so blocks of
//! 1 MB and more are aligned on 2 MB and asked for huge pages. Elsewhere (other systems, small
//! blocks) it is the system allocator unchanged.
//!
//! Measured on the development machine (THP set to `madvise`), one thread over the whole
//! OrangeSum corpus (`/usr/bin/time fouille extract orangesum.jsonl -j1 -q -o /dev/null`, the
//! corpus uncompressed), six alternated runs each: 7.64 s on average against 7.94 s without, and
//! steadier (7.30 to 8.11 s against 7.55 to 9.06 s); peak memory 67 to 72 MB against 65.

use std::alloc::{GlobalAlloc, Layout, System};

/// The system allocator, with huge pages under large blocks.
pub struct HugePages;

const HUGE_PAGE: usize = 2 << 20;
/// Blocks from this size on are aligned and advised.
const LARGE: usize = 1 << 20;

/// The layout a block of `layout`'s size is given: huge-page aligned when large.
fn placed(layout: Layout) -> Layout {
    if layout.size() >= LARGE {
        Layout::from_size_align(layout.size(), layout.align().max(HUGE_PAGE)).unwrap_or(layout)
    } else {
        layout
    }
}

/// Asks for huge pages under the block, up to the end of its last huge page.
#[cfg(target_os = "linux")]
fn advise(block: *mut u8, layout: Layout) {
    if layout.size() >= LARGE && !block.is_null() {
        let len = layout.size().next_multiple_of(HUGE_PAGE);
        // SAFETY: the block starts on a huge page (see `placed`); MADV_HUGEPAGE changes how
        // pages are backed, not what they hold, so covering the rest of the last huge page,
        // which other blocks may use, changes nothing for them either. A failure (a kernel
        // without transparent huge pages) leaves things as they were.
        unsafe {
            libc::madvise(block.cast::<libc::c_void>(), len, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_block: *mut u8, _layout: Layout) {}

// SAFETY: blocks come from `System` with at least the alignment asked for, and go back to it
// with the layout they were given (`placed` of the same size).
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let layout = placed(layout);
        // SAFETY: `layout` has a non-zero size, as the caller's did.
        let block = unsafe { System.alloc(layout) };
        advise(block, layout);
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let layout = placed(layout);
        // SAFETY: as `alloc`.
        let block = unsafe { System.alloc_zeroed(layout) };
        advise(block, layout);
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: the block was given with `placed(layout)`.
        unsafe { System.dealloc(block, placed(layout)) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (old, new) = (
            placed(layout),
            placed(Layout::from_size_align(new_size, layout.align()).unwrap_or(layout)),
        );
        if old.align() == new.align() && new.size() < LARGE {
            // SAFETY: small to small: the system's own realloc, with the block's layout.
            return unsafe { System.realloc(block, old, new_size) };
        }
        // SAFETY: a new block, the contents copied, the old one given back with its layout.
        unsafe {
            let moved = self.alloc(new);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                System.dealloc(block, old);
            }
            moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Grows a block from small to large and back, checking its bytes survive each move.
    #[test]
    fn blocks_keep_their_bytes_across_sizes() {
        let sizes = [100, 3 << 20, 5 << 20, 200, 1 << 20, 17];
        let first = Layout::from_size_align(sizes[0], 8).unwrap();
        // SAFETY: each call gets the block and layout of the one before, as GlobalAlloc asks.
        unsafe {
            let mut block = HugePages.alloc(first);
            let mut layout = first;
            for (i, byte) in (0..sizes[0]).zip(0u8..) {
                *block.add(i) = byte;
            }
            for &size in &sizes[1..] {
                let kept = layout.size().min(size);
                block = HugePages.realloc(block, layout, size);
                assert!(!block.is_null());
                layout = Layout::from_size_align(size, 8).unwrap();
                if size >= LARGE {
                    assert_eq!(
                        block as usize % HUGE_PAGE,
                        0,
                        "a large block starts on a huge page"
                    );
                }
                for (i, byte) in (0..kept.min(sizes[0])).zip(0u8..) {
                    assert_eq!(*block.add(i), byte, "byte {i} after growing to {size}");
                }
            }
            HugePages.dealloc(block, layout);
            let zeroed = HugePages.alloc_zeroed(Layout::from_size_align(2 << 20, 8).unwrap());
            assert!((0..2 << 20).all(|i| *zeroed.add(i) == 0));
            HugePages.dealloc(zeroed, Layout::from_size_align(2 << 20, 8).unwrap());
        }
    }
}
