//! The lexicon: every table, built once from the compiled-in data.

use std::fmt;
use std::sync::OnceLock;

use crate::data;
use crate::forms::{FormTable, WordInfo};
use crate::key::{normalize, MAX_KEY_LEN};
use crate::names::{FirstNameInfo, NameTables, ProperNounInfo};
use crate::verb::VerbAnalyses;

/// French common words, proper nouns and first names. Build it once (or take
/// [`Lexicon::shared`]) and share it between threads: lookups take `&self`, borrow the
/// compiled-in data, never allocate and never panic.
///
/// Lookups take a form as the text writes it, with `’` or `'` alike. [`Lexicon::word`],
/// [`Lexicon::verb_analyses`] and [`Lexicon::lemma`] match the form exactly: common words are
/// lowercase in the data (but for abbreviations such as "M." and "Mme"), so lowercase a
/// capitalised word first, or ask [`Lexicon::is_common_word`], which does.
pub struct Lexicon {
    forms: FormTable,
    names: NameTables,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    /// Builds the lexicon from the compiled-in data: hash tables over it, with no copy of the
    /// strings (about 40 ms: see `data/README.md`).
    pub fn new() -> Lexicon {
        Lexicon {
            forms: FormTable::parse(data::FORMS),
            names: NameTables::parse(data::PROPER_NOUNS, data::FIRST_NAMES),
        }
    }

    /// A lexicon built on first use and kept for the life of the program.
    pub fn shared() -> &'static Lexicon {
        static SHARED: OnceLock<Lexicon> = OnceLock::new();
        SHARED.get_or_init(Lexicon::new)
    }

    /// What the lexicon knows of a common-word form ("est", "été", "porte-parole",
    /// "aujourd’hui", "parce que"), matched exactly.
    pub fn word(&self, form: &str) -> Option<WordInfo<'_>> {
        let mut buf = [0; MAX_KEY_LEN];
        self.forms.get(normalize(form, false, &mut buf)?)
    }

    /// The verb analyses of a form, most useful lemma first: none if it is not a known verb
    /// form.
    pub fn verb_analyses(&self, form: &str) -> VerbAnalyses<'_> {
        match self.word(form) {
            Some(word) => word.verb_analyses(),
            None => VerbAnalyses::none(),
        }
    }

    /// The infinitive of a verb form, taken from its most useful analysis: auxiliaries first,
    /// then the more frequent verb ("suis": être rather than suivre).
    pub fn lemma(&self, form: &str) -> Option<&'static str> {
        self.word(form)?.lemma()
    }

    /// Whether the form, or the form lowercased, is a common word (any part of speech but
    /// proper noun): true for "Rose" and "rose", false for "Kassoum".
    pub fn is_common_word(&self, form: &str) -> bool {
        let mut buf = [0; MAX_KEY_LEN];
        if normalize(form, false, &mut buf).is_some_and(|key| self.forms.contains(key)) {
            return true;
        }
        normalize(form, true, &mut buf).is_some_and(|key| self.forms.contains(key))
    }

    /// What Lefff says of a proper noun, matched exactly ("Paris", "Côte d’Ivoire").
    pub fn proper_noun(&self, form: &str) -> Option<ProperNounInfo> {
        let mut buf = [0; MAX_KEY_LEN];
        let key = normalize(form, false, &mut buf)?;
        self.names.proper_nouns.get(key).copied()
    }

    /// The first name, matched exactly ("Célestin", "Jean-Pierre", "M’Hammed").
    pub fn first_name(&self, form: &str) -> Option<FirstNameInfo> {
        let mut buf = [0; MAX_KEY_LEN];
        let key = normalize(form, false, &mut buf)?;
        self.names.first_names.get(key).copied()
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("forms", &self.forms.len())
            .field("proper_nouns", &self.names.proper_nouns.len())
            .field("first_names", &self.names.first_names.len())
            .finish()
    }
}
