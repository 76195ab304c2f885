//! What the recognisers need to know of each token, looked up once per document.

use crate::doc::Doc;
use crate::words::{is_all_caps, is_capitalized};
use fouille_lexicon::{FirstNameInfo, Lexicon, Pos, WordKey};
use fouille_tokenizer::{Segmentation, TokenKind};

/// Facts about one token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenFacts {
    /// A word that starts with a capital.
    pub capitalized: bool,
    /// Written in capitals only (two letters or more).
    pub all_caps: bool,
    /// Its lower-case form is a French common word.
    pub common: bool,
    /// It is a given name.
    pub first_name: Option<FirstNameInfo>,
    /// An initial: "J.", "J.-P.".
    pub initial: bool,
    /// The first word of its sentence, or the first after an opening quote or a dash, where a
    /// capital says nothing.
    pub starts_sentence: bool,
    /// In lower case, a determiner, preposition, pronoun or conjunction: "Le", "Des" are given
    /// names somewhere, but articles at the head of a French phrase.
    pub function_word: bool,
}

impl TokenFacts {
    /// A word that may be part of a name wherever it stands: capitalised and not a common word,
    /// or an initial.
    pub fn proper(&self) -> bool {
        self.initial || (self.capitalized && (!self.common || self.all_caps))
    }
}

/// Looks up every token.
pub(crate) fn token_facts(
    seg: &Segmentation<'_>,
    doc: &Doc<'_>,
    lexicon: &Lexicon,
) -> Vec<TokenFacts> {
    let mut facts = vec![TokenFacts::default(); seg.tokens.len()];
    FACTS_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() > FACTS_CACHE_SIZE {
            cache.clear();
        }
        for sentence in &seg.sentences {
            let mut opening = true;
            for i in sentence.tokens.clone() {
                let token = &seg.tokens[i];
                let w = doc.word(i);
                let f = &mut facts[i];
                f.starts_sentence = opening;
                opening = matches!(w, "«" | "“" | "\"" | "—" | "–" | "-" | "(" | ":" | "•");
                if token.kind != TokenKind::Word || !is_capitalized(w) {
                    continue;
                }
                f.capitalized = true;
                f.all_caps = is_all_caps(w);
                f.initial = is_initial(w);
                let (common, function_word, first_name) = match WordKey::new(w, false) {
                    Some(key) => *cache
                        .entry(key)
                        .or_insert_with(|| look_up(lexicon, w, f.all_caps)),
                    None => look_up(lexicon, w, f.all_caps),
                };
                f.common = common;
                f.function_word = function_word;
                f.first_name = first_name;
            }
        }
    });
    facts
}

/// What the lexicon says of a capitalised word: common word, function word, given name. One
/// lookup of the word in lower case tells the first two; abbreviations and acronyms are listed
/// as written.
fn look_up(lexicon: &Lexicon, w: &str, all_caps: bool) -> (bool, bool, Option<FirstNameInfo>) {
    let mut buf = [0u8; 64];
    let info = lower_into(w, &mut buf).and_then(|lower| lexicon.word(lower));
    let common = info.is_some() || (all_caps || w.contains('.')) && lexicon.is_common_word(w);
    let function_word = info.is_some_and(|x| {
        x.is(Pos::Determiner)
            || x.is(Pos::Preposition)
            || x.is(Pos::Pronoun)
            || x.is(Pos::Conjunction)
    });
    (common, function_word, lexicon.first_name(w))
}

/// Capitalised words met by this thread and what the lexicon says of them: names and sentence
/// openers come back from article to article, and each lookup in the lexicon's large tables
/// costs a cache miss. Cleared past [`FACTS_CACHE_SIZE`]; it never changes a result.
type FactsCache = rustc_hash::FxHashMap<WordKey, (bool, bool, Option<FirstNameInfo>)>;

const FACTS_CACHE_SIZE: usize = 100_000;

thread_local! {
    static FACTS_CACHE: std::cell::RefCell<FactsCache> = std::cell::RefCell::new(FactsCache::default());
}

/// The word in lower case in `buf`, or `None` when it does not fit.
fn lower_into<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// "J.", "J.-P.", "G.": a capital and a dot, possibly hyphenated.
fn is_initial(w: &str) -> bool {
    w.ends_with('.') && w.split('-').all(|part| {
        let mut cs = part.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::is_initial;

    #[test]
    fn initials() {
        assert!(is_initial("J.") && is_initial("J.-P.") && !is_initial("M") && !is_initial("Mme."));
    }
}
