//! Word lists that recognisers match against tokens: ranks, role nouns, organisation heads,
//! place nouns, name particles and the acronyms that are not organisations. Each is a sorted
//! text file under `data/`; entries of several words match runs of tokens.

use crate::classes::{Class, Classes};
use crate::doc::Doc;
use crate::words::{fold_char, same_word};
pub(crate) use fouille_tokenizer::normalize::fold_into;
// Keys are short words: FxHash hashes them several times faster than the default SipHash.
use rustc_hash::FxHashMap as HashMap;

pub(crate) const RANKS: &str = include_str!("../data/ranks.txt");
pub(crate) const ROLES: &str = include_str!("../data/roles.txt");
pub(crate) const ORGANIZATION_HEADS: &str = include_str!("../data/organization-heads.txt");
pub(crate) const PLACE_NOUNS: &str = include_str!("../data/place-nouns.txt");
pub(crate) const ACRONYM_STOPLIST: &str = include_str!("../data/acronym-stoplist.txt");
pub(crate) const NAME_PARTICLES: &str = include_str!("../data/name-particles.txt");

/// One entry: its words, as they are compared.
#[derive(Clone, Debug)]
struct Phrase {
    /// Each word folded (lower case, no accent) unless the entry keeps its case.
    words: Vec<String>,
    /// Entries with a capital or a dot ("M.", "Mme", "PDG") are compared as written.
    exact: bool,
}

/// A list of words and phrases matched on tokens, longest entry first, indexed by first word.
#[derive(Clone, Debug)]
pub(crate) struct PhraseList {
    by_first: HashMap<String, Vec<Phrase>>,
    /// The class bit of the words that start an entry.
    flag: u32,
}

/// The word with its apostrophes made ASCII, as exact entries are written.
fn plain_apostrophes<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars().map(|c| if c == '’' { '\'' } else { c }) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Splits an entry into the tokens the tokenizer would make: "chef d'état-major" is "chef",
/// "d'", "état-major".
fn entry_tokens(entry: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in entry.split(' ') {
        match word.find('\'') {
            // Elided words stand apart: "d'" "état-major"; but "aujourd'hui" does not occur here.
            Some(k) if k + 1 < word.len() && k <= 3 => {
                out.push(word[..=k].to_owned());
                out.push(word[k + 1..].to_owned());
            }
            _ => out.push(word.to_owned()),
        }
    }
    out
}

impl PhraseList {
    pub(crate) fn parse(data: &'static str, case_sensitive_capitals: bool, flag: u32) -> Self {
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::default();
        for entry in data.lines().filter(|l| !l.is_empty()) {
            let exact =
                case_sensitive_capitals && entry.chars().any(|c| c.is_uppercase() || c == '.');
            let words: Vec<String> = entry_tokens(entry)
                .into_iter()
                .map(|w| {
                    if exact {
                        w
                    } else {
                        w.chars().map(fold_char).collect()
                    }
                })
                .collect();
            by_first
                .entry(words[0].clone())
                .or_default()
                .push(Phrase { words, exact });
        }
        for phrases in by_first.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        PhraseList { by_first, flag }
    }

    /// Marks in `classes` the first words of the entries, and with `single` those that are a
    /// whole entry.
    fn classify(&self, classes: &mut Classes, single: u32) {
        for (first, phrases) in &self.by_first {
            let key: String = first.chars().map(fold_char).collect();
            let whole = if phrases.iter().any(|p| p.words.len() == 1) {
                single
            } else {
                0
            };
            classes.add(&key, self.flag | whole);
        }
    }

    fn candidates(&self, word: &str) -> impl Iterator<Item = &Phrase> {
        let mut buf = [0u8; 64];
        let exact = plain_apostrophes(word, &mut buf)
            .and_then(|k| self.by_first.get(k))
            .into_iter()
            .flatten()
            .filter(|p| p.exact);
        let mut buf = [0u8; 64];
        let folded = fold_into(word, &mut buf)
            .and_then(|k| self.by_first.get(k))
            .into_iter()
            .flatten()
            .filter(|p| !p.exact);
        exact.chain(folded)
    }

    /// The number of tokens of the longest entry that starts at token `i` and ends before
    /// `end`, if any.
    pub(crate) fn match_at(&self, doc: &Doc<'_>, i: usize, end: usize) -> Option<usize> {
        if !doc.class(i).has(self.flag) {
            return None;
        }
        self.candidates(doc.word(i))
            .filter_map(|p| {
                let n = p.words.len();
                let all = i + n <= end
                    && p.words.iter().enumerate().skip(1).all(|(k, w)| {
                        let t = doc.word(i + k);
                        if p.exact {
                            t == w
                        } else {
                            same_word(t, w)
                        }
                    });
                all.then_some(n)
            })
            .max()
    }

    /// True when the single token is an entry.
    pub(crate) fn contains_word(&self, word: &str) -> bool {
        self.candidates(word).any(|p| p.words.len() == 1)
    }
}

/// All the lists, parsed once.
#[derive(Clone, Debug)]
pub(crate) struct Lists {
    pub ranks: PhraseList,
    pub roles: PhraseList,
    pub organization_heads: PhraseList,
    pub place_nouns: PhraseList,
    acronym_stoplist: Vec<&'static str>,
    /// The class of every listed word.
    pub classes: Classes,
}

impl Lists {
    pub(crate) fn builtin() -> Self {
        let ranks = PhraseList::parse(RANKS, true, Class::RANK);
        let roles = PhraseList::parse(ROLES, true, Class::ROLE);
        let organization_heads = PhraseList::parse(ORGANIZATION_HEADS, false, Class::ORG_HEAD);
        let place_nouns = PhraseList::parse(PLACE_NOUNS, false, Class::PLACE_NOUN);
        let particles = PhraseList::parse(NAME_PARTICLES, false, Class::PARTICLE);
        let mut classes = Classes::default();
        ranks.classify(&mut classes, 0);
        roles.classify(&mut classes, Class::ROLE_WORD);
        organization_heads.classify(&mut classes, 0);
        place_nouns.classify(&mut classes, 0);
        particles.classify(&mut classes, 0);
        for word in crate::dates::STARTING_WORDS {
            classes.add(word, Class::DATE);
        }
        for word in crate::dates::STARTING_DETERMINERS {
            classes.add(word, Class::DATE_DETERMINER);
        }
        for word in crate::people::ROLE_PREMODIFIERS {
            classes.add(word, Class::PREMODIFIER);
        }
        for word in crate::people::CAPITAL_PARTICLES {
            classes.add(word, Class::CAPITAL_PARTICLE);
        }
        Lists {
            ranks,
            roles,
            organization_heads,
            place_nouns,
            acronym_stoplist: ACRONYM_STOPLIST.lines().collect(),
            classes,
        }
    }

    /// All-capital words that name no organisation: "PIB", "TVA", roman numerals.
    pub(crate) fn is_stop_acronym(&self, word: &str) -> bool {
        self.acronym_stoplist.binary_search(&word).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_unique() {
        for (name, data) in [
            ("ranks", RANKS),
            ("roles", ROLES),
            ("organization-heads", ORGANIZATION_HEADS),
            ("place-nouns", PLACE_NOUNS),
            ("acronym-stoplist", ACRONYM_STOPLIST),
            ("name-particles", NAME_PARTICLES),
        ] {
            let lines: Vec<&str> = data.lines().collect();
            assert!(!lines.is_empty(), "{name} is empty");
            for pair in lines.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn entries_split_like_tokens() {
        assert_eq!(
            entry_tokens("chef d'état-major"),
            ["chef", "d'", "état-major"]
        );
        assert_eq!(
            entry_tokens("général de brigade"),
            ["général", "de", "brigade"]
        );
    }
}
