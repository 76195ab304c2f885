//! A cache of facts by word, for the per-thread caches that recognisers keep of what the
//! lexicon and their lists say of each word.
//!
//! The same few thousand words make most of any text, so each recogniser keeps, per thread,
//! what it worked out of the words it met. Looking a word up in such a cache is still one of
//! the costliest steps of analysing a document (a table of a few megabytes, read at random), so
//! the table is built for it: one array of slots with linear probing, so that the slot of a
//! key is known before it is read, and [`WordCache::prefetch`] can ask the processor for the
//! slots of a whole document's words at once, instead of waiting for each in turn.
//!
//! What a cache holds never changes a result: it is cleared when it fills up.
//!
//! ```
//! use fouille_lexicon::{WordCache, WordKey};
//!
//! let mut lengths: WordCache<usize> = WordCache::new(10);
//! let words = ["le", "pays", "le"];
//! let keys: Vec<WordKey> = words.iter().filter_map(|w| WordKey::new(w, false)).collect();
//! keys.iter().for_each(|&k| lengths.prefetch(k));
//! let got: Vec<usize> = keys.iter().zip(words).map(|(&k, w)| lengths.get(k, || w.len())).collect();
//! assert_eq!(got, [2, 4, 2]);
//! ```

use crate::word_key::WordKey;

#[derive(Clone, Copy)]
struct Slot<V> {
    /// `WordKey::default()` in an empty slot: no word has it.
    key: WordKey,
    value: V,
}

/// A cache of `V` by [`WordKey`]; see the module's documentation.
pub struct WordCache<V> {
    /// Empty until first used; then `1 << bits` long.
    slots: Vec<Slot<V>>,
    bits: u32,
    words: usize,
}

impl<V: Copy + Default> WordCache<V> {
    /// A cache of `2^bits` slots (allocated on first use), cleared when five eighths are
    /// taken, which keeps probes short.
    pub const fn new(bits: u32) -> Self {
        WordCache {
            slots: Vec::new(),
            bits,
            words: 0,
        }
    }

    #[inline]
    fn home(&self, key: WordKey) -> usize {
        (key.hash64() >> (64 - self.bits)) as usize
    }

    fn capacity(&self) -> usize {
        1 << self.bits
    }

    /// Asks the processor to bring the slot of `key` into its cache, without waiting for it.
    #[inline]
    pub fn prefetch(&self, key: WordKey) {
        #[cfg(target_arch = "x86_64")]
        if let Some(slot) = self.slots.get(self.home(key)) {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            // SAFETY: SSE is part of x86-64, and a prefetch reads nothing: it is a hint, valid
            // for any address (this one is a slot of the table).
            unsafe { _mm_prefetch::<_MM_HINT_T0>((slot as *const Slot<V>).cast::<i8>()) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    /// The value of `key`, computed by `compute` when the cache has not met it.
    #[inline]
    pub fn get(&mut self, key: WordKey, compute: impl FnOnce() -> V) -> V {
        if key == WordKey::default() {
            return compute();
        }
        if self.slots.is_empty() || self.words >= self.capacity() / 8 * 5 {
            self.clear();
        }
        let mask = self.capacity() - 1;
        let mut i = self.home(key);
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return slot.value;
            }
            if slot.key == WordKey::default() {
                break;
            }
            i = (i + 1) & mask;
        }
        let value = compute();
        self.slots[i] = Slot { key, value };
        self.words += 1;
        value
    }

    /// Forgets every word.
    pub fn clear(&mut self) {
        self.slots.clear();
        self.slots.resize(
            self.capacity(),
            Slot {
                key: WordKey::default(),
                value: V::default(),
            },
        );
        self.words = 0;
    }

    /// How many words the cache holds.
    pub fn len(&self) -> usize {
        self.words
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.words == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_computed_once_and_found_again() {
        let mut cache: WordCache<u32> = WordCache::new(8);
        let mut computed = 0;
        for (word, flag) in [("le", false), ("pays", false), ("le", true), ("le", false)] {
            let key = WordKey::new(word, flag).unwrap();
            let got = cache.get(key, || {
                computed += 1;
                word.len() as u32 + u32::from(flag)
            });
            assert_eq!(got, word.len() as u32 + u32::from(flag));
        }
        assert_eq!(computed, 3);
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn a_full_cache_is_cleared_and_stays_right() {
        let mut cache: WordCache<usize> = WordCache::new(6);
        for round in 0..3 {
            for n in 0..200 {
                let key = WordKey::new(&format!("w{n}"), false).unwrap();
                assert_eq!(cache.get(key, || n * 7), n * 7, "round {round}, w{n}");
                assert!(cache.len() <= 40);
            }
        }
    }

    #[test]
    fn the_empty_key_is_never_kept() {
        let mut cache: WordCache<u8> = WordCache::new(4);
        assert_eq!(cache.get(WordKey::default(), || 3), 3);
        assert_eq!(cache.get(WordKey::default(), || 4), 4);
        assert!(cache.is_empty());
    }
}
