//! The claim extractor's word lists: verbs that report speech, hedges and boosters, what each
//! predicate states, and capitals that stand for their country. Sorted files under `data/`.

use fouille_entities::CountryCode;
use fouille_tokenizer::normalize::{fold_char, fold_into, same_word};
use fouille_tokenizer::Token;
// Keys are short words: FxHash hashes them several times faster than the default SipHash.
use rustc_hash::FxHashMap as HashMap;

pub(crate) const CUE_VERBS: &str = include_str!("../data/cue-verbs.txt");
pub(crate) const HEDGES: &str = include_str!("../data/hedges.txt");
pub(crate) const BOOSTERS: &str = include_str!("../data/boosters.txt");
pub(crate) const PREDICATE_KINDS: &str = include_str!("../data/predicate-kinds.tsv");
pub(crate) const CAPITALS: &str = include_str!("../data/capitals.tsv");

/// What a predicate's lemma says about the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PredicateKind {
    Hope,
    Intention,
    Decision,
    Announcement,
    State,
}

/// Phrases of one or more words, compared on tokens with case, accents and apostrophes folded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Phrases {
    /// The phrases, as the words the tokenizer makes of them, folded, by their first word.
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn parse(data: &'static str) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for line in data.lines().filter(|l| !l.is_empty()) {
            let folded: String = line.chars().map(fold_char).collect();
            let words = split_like_tokens(&folded);
            by_first.entry(words[0].clone()).or_default().push(words);
        }
        Phrases { by_first }
    }

    /// The tokens of the first phrase found in `tokens[range]`, if any. Only the tokens whose
    /// class has `flag` (they start a phrase) are looked at.
    pub(crate) fn find(
        &self,
        text: &str,
        tokens: &[Token],
        flags: &[u8],
        flag: u8,
        range: std::ops::Range<usize>,
    ) -> Option<(usize, usize)> {
        for i in range.clone() {
            if flags.get(i).is_none_or(|f| f & flag == 0) {
                continue;
            }
            let mut buf = [0u8; 64];
            let Some(phrases) =
                fold_into(tokens[i].text(text), &mut buf).and_then(|k| self.by_first.get(k))
            else {
                continue;
            };
            for p in phrases {
                let n = p.len();
                if i + n <= range.end
                    && p.iter()
                        .enumerate()
                        .all(|(k, w)| same_word(tokens[i + k].text(text), w))
                {
                    return Some((i, i + n));
                }
            }
        }
        None
    }
}

/// A phrase cut as the tokenizer cuts text: "trop tôt pour dire" into words, "l'évidence" into
/// "l'" and "évidence", "semble-t-il" into "semble" and "-t-il".
fn split_like_tokens(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in phrase.split(' ') {
        if let Some(k) = word.find('\'') {
            if k <= 3 && k + 1 < word.len() {
                out.push(word[..=k].to_owned());
                out.push(word[k + 1..].to_owned());
                continue;
            }
        }
        if let Some(k) = word.find("-t-") {
            out.push(word[..k].to_owned());
            out.push(word[k..].to_owned());
            continue;
        }
        out.push(word.to_owned());
    }
    out
}

/// Classes of words, as bits: what a token may be in a clause.
pub(crate) mod word_class {
    /// Opens a subordinate clause: "qui", "que", "si".
    pub const SUBORDINATOR: u8 = 1;
    /// Stands between a subject and its verb: "ne", "se", "le".
    pub const PREVERBAL: u8 = 1 << 1;
    /// Negates a verb: "pas", "jamais".
    pub const NEGATION: u8 = 1 << 2;
    /// Starts a hedge: "peut-être", "il semble".
    pub const HEDGE: u8 = 1 << 3;
    /// Starts a booster: "il est clair", "sans aucun doute".
    pub const BOOSTER: u8 = 1 << 4;
    /// "selon", or the "d'" of "d'après".
    pub const SELON: u8 = 1 << 5;
}

/// All the lists, parsed once.
#[derive(Clone, Debug)]
pub(crate) struct Lexicons {
    cue_verbs: Vec<&'static str>,
    pub hedges: Phrases,
    pub boosters: Phrases,
    predicate_kinds: HashMap<&'static str, PredicateKind>,
    capitals: HashMap<&'static str, CountryCode>,
    /// Folded words and their classes ([`word_class`]).
    classes: rustc_hash::FxHashMap<String, u8>,
}

impl Lexicons {
    pub(crate) fn builtin() -> Self {
        let predicate_kinds = PREDICATE_KINDS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(lemma, kind)| {
                let kind = match kind {
                    "hope" => PredicateKind::Hope,
                    "intention" => PredicateKind::Intention,
                    "decision" => PredicateKind::Decision,
                    "announcement" => PredicateKind::Announcement,
                    "state" => PredicateKind::State,
                    _ => return None,
                };
                Some((lemma, kind))
            })
            .collect();
        let capitals = CAPITALS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(city, code)| Some((city, CountryCode::new(code)?)))
            .collect();
        let hedges = Phrases::parse(HEDGES);
        let boosters = Phrases::parse(BOOSTERS);
        let mut classes: rustc_hash::FxHashMap<String, u8> = Default::default();
        let mut add = |word: &str, class: u8| {
            let key: String = word.chars().map(fold_char).collect();
            *classes.entry(key).or_default() |= class;
        };
        for (words, class) in [
            (crate::clause::SUBORDINATORS, word_class::SUBORDINATOR),
            (crate::clause::PREVERBAL, word_class::PREVERBAL),
            (crate::clause::NEGATIONS, word_class::NEGATION),
        ] {
            words.iter().for_each(|w| add(w, class));
        }
        hedges
            .by_first
            .keys()
            .for_each(|w| add(w, word_class::HEDGE));
        ["selon", "d'"]
            .iter()
            .for_each(|w| add(w, word_class::SELON));
        boosters
            .by_first
            .keys()
            .for_each(|w| add(w, word_class::BOOSTER));
        Lexicons {
            cue_verbs: CUE_VERBS.lines().collect(),
            hedges,
            boosters,
            predicate_kinds,
            capitals,
            classes,
        }
    }

    /// The classes of a token as written.
    pub(crate) fn class_of(&self, word: &str) -> u8 {
        let mut buf = [0u8; 64];
        fold_into(word, &mut buf)
            .and_then(|k| self.classes.get(k))
            .copied()
            .unwrap_or(0)
    }

    /// A verb that reports what someone says or thinks: "déclarer", "estimer", "selon".
    pub(crate) fn is_cue_verb(&self, lemma: &str) -> bool {
        self.cue_verbs.binary_search(&lemma).is_ok()
    }

    /// What a predicate's lemma states, when the lists know.
    pub(crate) fn predicate_kind(&self, lemma: &str) -> Option<PredicateKind> {
        self.predicate_kinds.get(lemma).copied()
    }

    /// The country whose capital this is, written as in the text ("Moscou", "Kigali").
    pub(crate) fn capital(&self, name: &str) -> Option<CountryCode> {
        self.capitals.get(name.replace('’', "'").as_str()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_unique() {
        for (name, data) in [
            ("cue-verbs", CUE_VERBS),
            ("hedges", HEDGES),
            ("boosters", BOOSTERS),
            ("predicate-kinds", PREDICATE_KINDS),
            ("capitals", CAPITALS),
        ] {
            let keys: Vec<&str> = data
                .lines()
                .map(|l| l.split('\t').next().unwrap_or(""))
                .collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for pair in keys.windows(2) {
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
    fn phrases_split_like_tokens() {
        assert_eq!(split_like_tokens("semble-t-il"), ["semble", "-t-il"]);
        assert_eq!(split_like_tokens("a l'evidence"), ["a", "l'", "evidence"]);
    }
}
