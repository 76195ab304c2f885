//! The table of common-word forms (`forms.tsv`) and what a lookup in it returns.

use std::collections::HashMap;
use std::fmt;

use crate::data;
use crate::hash::FxBuildHasher;
use crate::key::MAX_KEY_LEN;
use crate::pos::{PartsOfSpeech, Pos};
use crate::verb::VerbAnalyses;
use crate::word_key::WordKey;

/// What `forms.tsv` says of one form.
#[derive(Clone, Copy, Debug)]
struct FormEntry {
    pos: PartsOfSpeech,
    /// The packed verb analyses, empty for forms that are not verbs.
    verbs: &'static str,
}

/// Every form of `forms.tsv`, by form. Forms of up to 15 bytes, nearly all, are keyed by a
/// [`WordKey`] that holds them inline: a lookup, made for most tokens of every text, compares
/// keys in the table itself instead of reading each candidate's text elsewhere in memory.
pub(crate) struct FormTable {
    short: HashMap<WordKey, (&'static str, FormEntry), FxBuildHasher>,
    long: HashMap<&'static str, FormEntry, FxBuildHasher>,
}

impl FormTable {
    pub(crate) fn parse(file: &'static str) -> FormTable {
        let mut short = HashMap::with_capacity_and_hasher(data::line_count(file), FxBuildHasher);
        let mut long = HashMap::with_hasher(FxBuildHasher);
        for fields in data::records(file) {
            let mut fields = fields.split('\t');
            let (Some(form), Some(pos)) = (fields.next(), fields.next()) else {
                continue;
            };
            let entry = FormEntry {
                pos: PartsOfSpeech::from_codes(pos),
                verbs: fields.next().unwrap_or(""),
            };
            match WordKey::new(form, false) {
                Some(key) => short.insert(key, (form, entry)).map(|_| ()),
                None => long.insert(form, entry).map(|_| ()),
            };
        }
        FormTable { short, long }
    }

    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The form as the table holds it, and its entry.
    #[inline]
    fn find(&self, form: &str) -> Option<(&'static str, FormEntry)> {
        match WordKey::new(form, false) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get_key_value(form).map(|(&f, &e)| (f, e)),
        }
    }

    pub(crate) fn get<'a>(&'a self, form: &str) -> Option<WordInfo<'a>> {
        let (form, entry) = self.find(form)?;
        Some(WordInfo {
            form,
            entry,
            table: self,
        })
    }

    pub(crate) fn contains(&self, form: &str) -> bool {
        self.find(form).is_some()
    }

    /// The lemma that `rule` builds from `form`: "=lemma" spells it out; "4érer" strips 4 bytes
    /// off the form and appends "érer". The result is the table's own key for the infinitive,
    /// hence `'static`.
    pub(crate) fn resolve_lemma(
        &self,
        form: &'static str,
        rule: &'static str,
    ) -> Option<&'static str> {
        if let Some(lemma) = rule.strip_prefix('=') {
            return Some(lemma);
        }
        let digits = rule.bytes().take_while(u8::is_ascii_digit).count();
        let (strip, suffix) = rule.split_at(digits);
        let stem = form.get(..form.len().checked_sub(strip.parse().ok()?)?)?;
        if suffix.is_empty() {
            return self.find(stem).map(|(key, _)| key);
        }
        let mut buf = [0u8; MAX_KEY_LEN];
        let len = stem.len() + suffix.len();
        buf.get_mut(..stem.len())?.copy_from_slice(stem.as_bytes());
        buf.get_mut(stem.len()..len)?
            .copy_from_slice(suffix.as_bytes());
        let lemma = std::str::from_utf8(buf.get(..len)?).ok()?;
        self.find(lemma).map(|(key, _)| key)
    }
}

impl fmt::Debug for FormTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormTable")
            .field("forms", &self.len())
            .finish()
    }
}

/// What the lexicon knows of a common-word form: its parts of speech and, for verbs, its
/// analyses. Borrows the lexicon; `Copy`.
///
/// ```
/// use fouille_lexicon::{Lexicon, MoodTense, Pos};
///
/// let lexicon = Lexicon::shared();
/// let ete = lexicon.word("été").unwrap();
/// assert!(ete.parts_of_speech().contains(Pos::Noun)); // « cet été »
/// assert_eq!(ete.lemma(), Some("être")); // « il a été élu »
/// assert_eq!(ete.verb_analyses().next().unwrap().mood_tense, MoodTense::PastParticiple);
/// ```
#[derive(Clone, Copy)]
pub struct WordInfo<'a> {
    form: &'static str,
    entry: FormEntry,
    table: &'a FormTable,
}

impl<'a> WordInfo<'a> {
    /// The form as the data writes it (with an ASCII apostrophe).
    pub fn form(&self) -> &'static str {
        self.form
    }

    /// The parts of speech the form can have.
    pub fn parts_of_speech(&self) -> PartsOfSpeech {
        self.entry.pos
    }

    /// Whether the form can be `pos`.
    pub fn is(&self, pos: Pos) -> bool {
        self.entry.pos.contains(pos)
    }

    /// The verb analyses of the form, most useful lemma first; none if it is not a verb.
    pub fn verb_analyses(&self) -> VerbAnalyses<'a> {
        VerbAnalyses::new(self.table, self.form, self.entry.verbs)
    }

    /// The infinitive of the form's most useful verb analysis, if it is a verb.
    pub fn lemma(&self) -> Option<&'static str> {
        self.verb_analyses().next().map(|analysis| analysis.lemma)
    }
}

impl fmt::Debug for WordInfo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WordInfo")
            .field("form", &self.form)
            .field("parts_of_speech", &self.entry.pos)
            .field("verbs", &self.entry.verbs)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemma_rules_rebuild_a_key_of_the_table_or_nothing() {
        let table =
            FormTable::parse("# header\na\tVX\t0voir:P3s\navoir\tNV\t0:W\nespère\tV\t4érer:P3s\n");
        assert_eq!(table.len(), 3);
        assert_eq!(table.resolve_lemma("a", "0voir"), Some("avoir"));
        assert_eq!(table.resolve_lemma("avoir", "0"), Some("avoir"));
        assert_eq!(table.resolve_lemma("a", "=aller"), Some("aller"));
        // "espérer" is not in this table; cutting inside "è" or past the start finds nothing.
        assert_eq!(table.resolve_lemma("espère", "4érer"), None);
        assert_eq!(table.resolve_lemma("espère", "3x"), None);
        assert_eq!(table.resolve_lemma("a", "2voir"), None);
        assert_eq!(table.resolve_lemma("a", "voir"), None);
        assert_eq!(table.resolve_lemma("a", "99999999999999999999999"), None);
    }
}
