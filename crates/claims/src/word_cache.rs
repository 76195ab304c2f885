//! Words met by this thread, with what the lexicon says of them.
//!
//! Keys hold the word inline, after one byte that says whether it starts a sentence. Most
//! words share their facts with many others (every unknown noun, every form of a tense of the
//! same verb), so the facts are kept once, in `infos`, and a word's slot in the
//! [`WordCache`] holds its classes and an index: 24 bytes rather than 80, a table three times
//! smaller, which the processor's caches hold better on text that brings new words all the
//! time. `infos` is not cleared with the word table: it holds each distinct set of facts once,
//! some ten thousand of them, however many words pass. What the cache holds never changes a
//! result.

use crate::view::TokenInfo;
use fouille_lexicon::{WordCache, WordKey};
use rustc_hash::FxHashMap;

/// The per-thread cache of claims' word facts.
pub(crate) struct ClaimsWordCache {
    words: WordCache<(u8, u32)>,
    infos: Vec<TokenInfo>,
    ids: FxHashMap<TokenInfo, u32>,
}

thread_local! {
    pub(crate) static WORD_CACHE: std::cell::RefCell<ClaimsWordCache> =
        std::cell::RefCell::new(ClaimsWordCache {
            words: WordCache::new(18),
            infos: Vec::new(),
            ids: FxHashMap::default(),
        });
}

impl ClaimsWordCache {
    /// Asks the processor for the slot of `key` ahead of [`ClaimsWordCache::get`].
    #[inline]
    pub(crate) fn prefetch(&self, key: WordKey) {
        self.words.prefetch(key);
    }

    /// The classes and facts of the word of `key`, computed by `facts` when the cache has not
    /// met it.
    pub(crate) fn get(
        &mut self,
        key: WordKey,
        facts: impl FnOnce() -> (u8, TokenInfo),
    ) -> (u8, TokenInfo) {
        let (infos, ids) = (&mut self.infos, &mut self.ids);
        let mut computed = None;
        let (classes, id) = self.words.get(key, || {
            let (classes, info) = facts();
            computed = Some(info);
            let id = *ids.entry(info).or_insert_with(|| {
                infos.push(info);
                (infos.len() - 1) as u32
            });
            (classes, id)
        });
        let info = computed
            .or_else(|| infos.get(id as usize).copied())
            .unwrap_or_default();
        (classes, info)
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

    fn cache(bits: u32) -> ClaimsWordCache {
        ClaimsWordCache {
            words: WordCache::new(bits),
            infos: Vec::new(),
            ids: FxHashMap::default(),
        }
    }

    #[test]
    fn a_word_is_computed_once_and_found_again() {
        let mut cache = cache(10);
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
        let mut cache = cache(6);
        let facts = |n: usize| ((n % 7) as u8, info(n % 3 == 0));
        for round in 0..3 {
            for n in 0..200 {
                let key = WordKey::new(&format!("w{n}"), n % 2 == 0).unwrap();
                assert_eq!(cache.get(key, || facts(n)), facts(n), "round {round}, w{n}");
            }
        }
    }
}
