//! Words met by this thread, with what the lexicon says of them.
//!
//! The same few thousand words make most of any text, and looking them up again in the
//! lexicon's large table would cost a cache miss each time. Keys hold the word inline (no
//! pointer to follow when comparing), after one byte that says whether it starts a sentence.
//! What the cache holds never changes a result: it is cleared when it fills up.
//!
//! Looking a word up is still the costliest step of a document's view (a table of a few
//! megabytes, read at random), so the table is built for it:
//!
//! - most words share their facts with many others (every unknown noun, every form of a tense
//!   of the same verb), so the facts are kept once, in `infos`, and a word's slot holds its
//!   classes and an index: 24 bytes rather than 80;
//! - the slots are one array with linear probing, so that the slot of a key is known before it
//!   is read, and [`WordCache::prefetch`] can ask the processor for the slots of a whole
//!   document's words at once, instead of waiting for each in turn.

use crate::view::TokenInfo;
use fouille_lexicon::WordKey;
use rustc_hash::FxHashMap;

/// Slots in the table, a power of two.
const SLOTS: usize = 1 << 18;
/// Words kept before the table is cleared: below two thirds full, probes stay short.
const MAX_WORDS: usize = SLOTS * 5 / 8;
/// The `id` of an empty slot.
const EMPTY: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    key: WordKey,
    classes: u8,
    id: u32,
}

/// The per-thread cache; see the module's documentation.
#[derive(Default)]
pub(crate) struct WordCache {
    /// Empty until first used; then `SLOTS` long.
    slots: Vec<Slot>,
    words: usize,
    infos: Vec<TokenInfo>,
    ids: FxHashMap<TokenInfo, u32>,
}

thread_local! {
    pub(crate) static WORD_CACHE: std::cell::RefCell<WordCache> =
        std::cell::RefCell::new(WordCache::default());
}

#[inline]
fn home(key: WordKey) -> usize {
    (key.hash64() >> (64 - SLOTS.trailing_zeros())) as usize
}

impl WordCache {
    /// Asks the processor to bring the slot of `key` into its cache, without waiting for it.
    #[inline]
    pub(crate) fn prefetch(&self, key: WordKey) {
        #[cfg(target_arch = "x86_64")]
        if let Some(slot) = self.slots.get(home(key)) {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            // SAFETY: SSE is part of x86-64, and a prefetch reads nothing: it is a hint, valid
            // for any address (this one is a slot of the table).
            unsafe { _mm_prefetch::<_MM_HINT_T0>((slot as *const Slot).cast::<i8>()) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    /// The classes and facts of the word of `key`, computed by `facts` when the cache has not
    /// met it.
    pub(crate) fn get(
        &mut self,
        key: WordKey,
        facts: impl FnOnce() -> (u8, TokenInfo),
    ) -> (u8, TokenInfo) {
        if self.slots.is_empty() || self.words >= MAX_WORDS {
            self.clear();
        }
        let mut i = home(key);
        loop {
            let slot = self.slots[i];
            if slot.id == EMPTY {
                break;
            }
            if slot.key == key {
                if let Some(info) = self.infos.get(slot.id as usize) {
                    return (slot.classes, *info);
                }
            }
            i = (i + 1) & (SLOTS - 1);
        }
        let (classes, info) = facts();
        let infos = &mut self.infos;
        let id = *self.ids.entry(info).or_insert_with(|| {
            infos.push(info);
            (infos.len() - 1) as u32
        });
        self.slots[i] = Slot { key, classes, id };
        self.words += 1;
        (classes, info)
    }

    fn clear(&mut self) {
        let empty = Slot {
            key: WordKey::default(),
            classes: 0,
            id: EMPTY,
        };
        self.slots.clear();
        self.slots.resize(SLOTS, empty);
        self.words = 0;
        self.infos.clear();
        self.ids.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(lowercase: bool) -> TokenInfo {
        TokenInfo {
            lowercase,
            ..TokenInfo::default()
        }
    }

    #[test]
    fn a_word_is_computed_once_and_found_again() {
        let mut cache = WordCache::default();
        let key = |w| WordKey::new(w, false).unwrap();
        let mut computed = 0;
        for word in ["le", "pays", "le", "Pays", "pays", "le"] {
            let lower = word.chars().next().unwrap().is_lowercase();
            let got = cache.get(key(word), || {
                computed += 1;
                (u8::from(lower), info(lower))
            });
            assert_eq!(got, (u8::from(lower), info(lower)), "{word}");
        }
        assert_eq!(computed, 3);
        assert_eq!(cache.infos.len(), 2, "facts are kept once");
    }

    #[test]
    fn a_full_cache_is_cleared_and_stays_right() {
        let mut cache = WordCache::default();
        let facts = |n: usize| ((n % 7) as u8, info(n % 3 == 0));
        for round in 0..2 {
            for n in 0..MAX_WORDS + 10 {
                let key = WordKey::new(&format!("w{n}"), n % 2 == 0).unwrap();
                assert_eq!(cache.get(key, || facts(n)), facts(n), "round {round}, w{n}");
            }
            assert!(cache.words <= MAX_WORDS);
        }
    }
}
