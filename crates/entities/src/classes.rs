//! What each token may start, worked out once per word: recognisers test a bit before they
//! compare words, so that most tokens cost no lookup beyond the document's own.

use crate::lists::fold_into;
use fouille_document::{Document, WordTable};
use fouille_lexicon::WordKey;
use rustc_hash::FxHashMap;

/// The classes of one word, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Class(u32);

impl Class {
    /// The first word of a rank ("général" of "général de brigade").
    pub const RANK: u32 = 1;
    /// The first word of a role ("chef" of "chef d'état-major").
    pub const ROLE: u32 = 1 << 1;
    /// A one-word role ("ministre").
    pub const ROLE_WORD: u32 = 1 << 2;
    /// A noun that heads an organisation's name ("Banque").
    pub const ORG_HEAD: u32 = 1 << 3;
    /// A noun before a place's name ("ville").
    pub const PLACE_NOUN: u32 = 1 << 4;
    /// A particle inside a name ("de", "van").
    pub const PARTICLE: u32 = 1 << 5;
    /// A word that may start a date ("janvier", "mercredi", "hier", "début", "l'").
    pub const DATE: u32 = 1 << 6;
    /// A word before a role noun that belongs to the role ("ancien").
    pub const PREMODIFIER: u32 = 1 << 7;
    /// A particle that may stand capitalised inside a name ("Le" of "Marine Le Pen").
    pub const CAPITAL_PARTICLE: u32 = 1 << 8;
    /// The first word of a gazetteer name that starts in lower case ("burkinabè").
    pub const GAZETTEER: u32 = 1 << 9;
    /// A determiner that may start a relative period ("le mois dernier", "cette année").
    pub const DATE_DETERMINER: u32 = 1 << 10;

    /// True when every bit of `flags` is set.
    #[inline]
    pub fn has(self, flags: u32) -> bool {
        self.0 & flags == flags
    }
}

/// The word-to-class table. Words of up to 15 bytes, nearly all, are keys held inline, so that
/// a lookup, made for every token, reads one small table and follows no pointer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Classes {
    short: FxHashMap<WordKey, u32>,
    long: FxHashMap<String, u32>,
}

impl Classes {
    /// Adds `flags` to a word (folded: lower case, no accent).
    pub(crate) fn add(&mut self, folded_word: &str, flags: u32) {
        match WordKey::new(folded_word, false) {
            Some(key) => *self.short.entry(key).or_default() |= flags,
            None => *self.long.entry(folded_word.to_owned()).or_default() |= flags,
        }
    }

    /// The class of a token as written.
    #[inline]
    pub(crate) fn of(&self, word: &str) -> Class {
        let mut buf = [0u8; 64];
        let Some(folded) = fold_into(word, &mut buf) else {
            return Class(0);
        };
        let flags = match WordKey::new(folded, false) {
            Some(key) => self.short.get(&key),
            None => self.long.get(folded),
        };
        Class(flags.copied().unwrap_or(0))
    }

    /// The class of every token of a document. Only words are listed ("l'", "janvier",
    /// "ministre"); others have none. A word's class is worked out once per thread, and found
    /// again by the document's word id.
    pub(crate) fn of_tokens(&self, doc: &Document<'_>) -> Vec<Class> {
        CLASSES.with(|table| table.borrow_mut().of_words(doc, |w| self.of(w)))
    }
}

thread_local! {
    /// The classes of the words met by this thread. There is one set of lists in fouille
    /// (`Lists::builtin`), so the table cannot mix the classes of two.
    static CLASSES: std::cell::RefCell<WordTable<Class>> =
        const { std::cell::RefCell::new(WordTable::new()) };
}
