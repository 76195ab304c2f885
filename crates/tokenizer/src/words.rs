//! The small word lists segmentation needs: elided words, their exceptions, clitics after a
//! hyphen, and abbreviations that keep their dot. Each is a sorted file under `data/`.

use crate::chars::is_word;

pub(crate) const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
pub(crate) const ELISIONS: &str = include_str!("../data/elisions.txt");
pub(crate) const ELISION_EXCEPTIONS: &str = include_str!("../data/elision-exceptions.txt");
pub(crate) const CLITICS: &str = include_str!("../data/clitics.txt");

/// The word lists, parsed once when the [`crate::Tokenizer`] is built.
#[derive(Clone, Debug)]
pub(crate) struct WordLists {
    abbreviations: Vec<&'static str>,
    elisions: Vec<&'static str>,
    /// Each exception split at its apostrophe: ("presqu", "île").
    exceptions: Vec<(&'static str, &'static str)>,
    clitics: Vec<&'static str>,
}

fn lines(data: &'static str) -> Vec<&'static str> {
    data.lines().filter(|l| !l.is_empty()).collect()
}

impl WordLists {
    pub(crate) fn builtin() -> Self {
        WordLists {
            abbreviations: lines(ABBREVIATIONS),
            elisions: lines(ELISIONS),
            exceptions: lines(ELISION_EXCEPTIONS)
                .into_iter()
                .filter_map(|l| l.split_once('\''))
                .collect(),
            clitics: lines(CLITICS),
        }
    }

    /// "M", "Mme", "Dr": words that take their dot with them ("M." is one token).
    pub(crate) fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.binary_search(&word).is_ok()
    }

    /// "l", "qu", "jusqu": words that are elided before a vowel ("l’État").
    pub(crate) fn is_elision(&self, word: &str) -> bool {
        self.elisions.iter().any(|e| e.eq_ignore_ascii_case(word))
    }

    /// Whether `prefix` + apostrophe + the start of `rest` is a word that stays whole
    /// ("presqu’île", "c’est-à-dire", "l’on"). Returns the byte length of the part of `rest` that
    /// belongs to the word.
    pub(crate) fn elision_exception(&self, prefix: &str, rest: &str) -> Option<usize> {
        self.exceptions.iter().find_map(|&(pre, post)| {
            if !pre.eq_ignore_ascii_case(prefix) || rest.len() < post.len() {
                return None;
            }
            let head = rest.get(..post.len())?;
            let after = rest[post.len()..].chars().next();
            (head.eq_ignore_ascii_case(post) && !after.is_some_and(is_word)).then_some(post.len())
        })
    }

    /// "il", "elle", "t-il", "le": pronouns that a hyphen attaches to a verb ("dit-elle").
    pub(crate) fn is_clitic(&self, word: &str) -> bool {
        self.clitics.iter().any(|c| c.eq_ignore_ascii_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_unique() {
        for (name, data) in [
            ("abbreviations", ABBREVIATIONS),
            ("elisions", ELISIONS),
            ("elision-exceptions", ELISION_EXCEPTIONS),
            ("clitics", CLITICS),
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
            assert!(data.ends_with('\n'), "{name} lacks a final newline");
        }
    }

    #[test]
    fn exceptions_match_whole_words_only() {
        let w = WordLists::builtin();
        assert_eq!(w.elision_exception("presqu", "île est"), Some("île".len()));
        assert_eq!(w.elision_exception("l", "on dit"), Some(2));
        assert_eq!(w.elision_exception("l", "onde"), None);
        assert_eq!(
            w.elision_exception("c", "est-à-dire"),
            Some("est-à-dire".len())
        );
    }
}
