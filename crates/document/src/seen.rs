//! The words this thread has met: what is known of each, and an id for the stages' own tables.
//!
//! Most words share their facts with many others (every unknown noun, every form of a tense of
//! the same verb), so the facts are kept once, in `facts`, and a word's slot holds its id and
//! an index there: 24 bytes rather than 80, a table three times smaller, which the processor's
//! caches hold better on text that brings new words all the time. `facts` is not cleared with
//! the words: it holds each distinct set of facts once, some ten thousand of them, however
//! many words pass. What the cache holds never changes a result.

use crate::facts::TokenFacts;
use crate::word_cache::WordCache;
use fouille_lexicon::WordKey;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

/// The id of a token that has none: not a word, or a word the cache does not hold.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// The generation the next cleared cache takes, in any thread: a word id means one word within
/// one generation, wherever the document that holds it is read.
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

/// Words met by one thread, by [`WordKey`].
pub(crate) struct SeenWords {
    /// Each word's id (in the order they were met) and the index of its facts in `facts`.
    words: WordCache<(u32, u32)>,
    facts: Vec<TokenFacts>,
    ids: FxHashMap<TokenFacts, u32>,
    /// Zero before first use.
    generation: u64,
}

thread_local! {
    pub(crate) static SEEN_WORDS: RefCell<SeenWords> = RefCell::new(SeenWords::new(18));
}

impl SeenWords {
    fn new(bits: u32) -> Self {
        SeenWords {
            words: WordCache::new(bits),
            facts: Vec::new(),
            ids: FxHashMap::default(),
            generation: 0,
        }
    }

    /// Makes room for `words` new words, forgetting all the others (a new generation) when
    /// there is not enough, so that no word changes its id within a document. Returns the
    /// generation.
    pub(crate) fn make_room(&mut self, words: usize) -> u64 {
        if self.generation == 0 || self.words.room() < words {
            self.words.clear();
            self.generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
        }
        self.generation
    }

    /// Asks the processor for the slot of `key` ahead of [`SeenWords::look_up`].
    #[inline]
    pub(crate) fn prefetch(&self, key: WordKey) {
        self.words.prefetch(key);
    }

    /// The id and facts of the word of `key`, computed by `facts` when the cache has not met
    /// it; the id is [`NO_WORD`] when the cache has no room for it.
    #[inline]
    pub(crate) fn look_up(
        &mut self,
        key: WordKey,
        facts: impl FnOnce() -> TokenFacts,
    ) -> (u32, TokenFacts) {
        if let Some((id, index)) = self.words.get(key) {
            let facts = self.facts.get(index as usize).copied();
            return (id, facts.unwrap_or_default());
        }
        let facts = facts();
        let (all, ids) = (&mut self.facts, &mut self.ids);
        let index = *ids.entry(facts).or_insert_with(|| {
            all.push(facts);
            (all.len() - 1) as u32
        });
        let id = self.words.len() as u32;
        if self.words.insert(key, (id, index)) {
            (id, facts)
        } else {
            (NO_WORD, facts)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(n: usize) -> TokenFacts {
        TokenFacts {
            lowercase: n % 3 == 0,
            capitalized: n % 3 == 1,
            ..TokenFacts::default()
        }
    }

    #[test]
    fn a_word_keeps_its_id_and_facts_within_a_generation() {
        let mut seen = SeenWords::new(6);
        let generation = seen.make_room(10);
        let key = |n: usize| WordKey::new(&format!("w{n}"), false).unwrap();
        let mut computed = 0;
        for n in [0, 1, 2, 0, 1, 3] {
            let (id, got) = seen.look_up(key(n), || {
                computed += 1;
                facts(n)
            });
            assert_eq!((id, got), (n as u32, facts(n)), "w{n}");
        }
        assert_eq!(computed, 4);
        assert_eq!(seen.facts.len(), 3, "facts are kept once");
        assert_eq!(seen.make_room(10), generation, "room enough");
        assert_ne!(seen.make_room(100), generation, "a new generation");
        assert_eq!(seen.look_up(key(3), || facts(3)), (0, facts(3)));
    }

    #[test]
    fn a_full_cache_gives_no_id_and_stays_right() {
        let mut seen = SeenWords::new(6);
        seen.make_room(200);
        for n in 0..200 {
            let key = WordKey::new(&format!("w{n}"), false).unwrap();
            let (id, got) = seen.look_up(key, || facts(n));
            assert_eq!(got, facts(n), "w{n}");
            assert_eq!(id, if n < 40 { n as u32 } else { NO_WORD }, "w{n}");
        }
    }
}
