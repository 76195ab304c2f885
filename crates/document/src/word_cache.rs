//! The table under the per-thread cache of words: slots by [`WordKey`].
//!
//! The same few thousand words make most of any text, so what the lexicon says of each word is
//! kept, per thread, for the words met. Looking a word up in such a cache is still one of the
//! costliest steps of analysing a document (a table of a few megabytes, read at random), so the
//! table is built for it: one array of slots with linear probing, so that the slot of a key is
//! known before it is read, and [`WordCache::prefetch`] can ask the processor for the slots of
//! a whole document's words at once, instead of waiting for each in turn.
//!
//! The table never clears itself: its owner clears it between documents, when it has no room
//! for another, so that a key keeps its value for the whole of a document.

use fouille_lexicon::WordKey;

#[derive(Clone, Copy)]
struct Slot<V> {
    /// `WordKey::default()` in an empty slot: no word has it.
    key: WordKey,
    value: V,
}

/// A table of `V` by [`WordKey`]; see the module's documentation.
pub(crate) struct WordCache<V> {
    /// Empty until first cleared; then `1 << bits` long.
    slots: Vec<Slot<V>>,
    bits: u32,
    words: usize,
}

impl<V: Copy + Default> WordCache<V> {
    /// A table of `2^bits` slots (allocated by the first [`WordCache::clear`]), which takes
    /// words until five eighths are taken, which keeps probes short.
    pub(crate) const fn new(bits: u32) -> Self {
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

    /// How many more words the table takes: none before it is first cleared.
    pub(crate) fn room(&self) -> usize {
        if self.slots.is_empty() {
            return 0;
        }
        (self.slots.len() / 8 * 5).saturating_sub(self.words)
    }

    /// How many words the table holds.
    pub(crate) fn len(&self) -> usize {
        self.words
    }

    /// Asks the processor to bring the slot of `key` into its cache, without waiting for it.
    #[inline]
    pub(crate) fn prefetch(&self, key: WordKey) {
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

    /// The index of the slot that holds `key`, or of the empty slot where it would go; `None`
    /// for the default key or before the table is allocated.
    #[inline]
    fn probe(&self, key: WordKey) -> Option<usize> {
        if key == WordKey::default() || self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        // The table is never full (five eighths at most), so an empty slot ends the search.
        loop {
            let slot = self.slots.get(i)?;
            if slot.key == key || slot.key == WordKey::default() {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`, if the table holds it.
    #[inline]
    pub(crate) fn get(&self, key: WordKey) -> Option<V> {
        let slot = self.slots.get(self.probe(key)?)?;
        (slot.key == key).then_some(slot.value)
    }

    /// Keeps `value` for `key`, which the table does not hold; false when it has no room.
    pub(crate) fn insert(&mut self, key: WordKey, value: V) -> bool {
        if self.room() == 0 {
            return false;
        }
        let Some(i) = self.probe(key) else {
            return false;
        };
        match self.slots.get_mut(i) {
            Some(slot) if slot.key == WordKey::default() => {
                *slot = Slot { key, value };
                self.words += 1;
                true
            }
            _ => false,
        }
    }

    /// Forgets every word (and allocates the table on first use).
    pub(crate) fn clear(&mut self) {
        self.slots.clear();
        self.slots.resize(
            1 << self.bits,
            Slot {
                key: WordKey::default(),
                value: V::default(),
            },
        );
        self.words = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_kept_and_found_again() {
        let mut cache: WordCache<u32> = WordCache::new(8);
        let key = |w: &str, flag| WordKey::new(w, flag).unwrap();
        assert!(
            !cache.insert(key("le", false), 2),
            "no room before the first clear"
        );
        cache.clear();
        assert!(cache.insert(key("le", false), 2));
        assert!(cache.insert(key("pays", false), 4));
        assert!(cache.insert(key("le", true), 3));
        assert_eq!(cache.get(key("le", false)), Some(2));
        assert_eq!(cache.get(key("le", true)), Some(3));
        assert_eq!(cache.get(key("pays", false)), Some(4));
        assert_eq!(cache.get(key("pas", false)), None);
        assert!(!cache.insert(key("le", false), 5), "a key is kept once");
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn a_full_table_takes_no_more_and_keeps_what_it_holds() {
        let mut cache: WordCache<usize> = WordCache::new(6);
        cache.clear();
        let key = |n: usize| WordKey::new(&format!("w{n}"), false).unwrap();
        let kept = (0..200).filter(|&n| cache.insert(key(n), n * 7)).count();
        assert_eq!(kept, 40);
        assert_eq!(cache.room(), 0);
        for n in 0..200 {
            assert_eq!(cache.get(key(n)), (n < 40).then_some(n * 7), "w{n}");
        }
        cache.clear();
        assert_eq!((cache.len(), cache.room()), (0, 40));
        assert_eq!(cache.get(key(3)), None);
    }

    #[test]
    fn the_empty_key_is_never_kept() {
        let mut cache: WordCache<u8> = WordCache::new(4);
        cache.clear();
        assert!(!cache.insert(WordKey::default(), 3));
        assert_eq!(cache.get(WordKey::default()), None);
        assert_eq!(cache.len(), 0);
    }
}
