//! Parts of speech, and the small set of them that one word form can have.

/// A part of speech, as Lefff's categories group into them.
///
/// Lefff's clitics (`cln`, `cla`...), relative and interrogative pronouns are [`Pos::Pronoun`];
/// its negation words (`ne`, `pas`, `jamais`) are [`Pos::Adverb`]; its `pres` category, which
/// holds interjections and the presentatives `voici` and `voilà`, is [`Pos::Interjection`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    /// A common noun (`nc`).
    Noun,
    /// An adjective (`adj`), including past participles used as adjectives.
    Adjective,
    /// A verb (`v`): see [`crate::VerbAnalysis`] for its analyses.
    Verb,
    /// An adverb, negation included.
    Adverb,
    /// A preposition, simple ("de") or compound ("afin de").
    Preposition,
    /// A determiner.
    Determiner,
    /// A pronoun or clitic.
    Pronoun,
    /// A coordinating or subordinating conjunction ("et", "parce que").
    Conjunction,
    /// A form of "avoir" or "être" that Lefff also lists as an auxiliary.
    Auxiliary,
    /// An interjection or presentative ("ah", "bonjour", "voici").
    Interjection,
    /// Any other category.
    Other,
}

impl Pos {
    /// Every part of speech, in the order [`PartsOfSpeech::iter`] yields them.
    pub const ALL: [Pos; 11] = [
        Pos::Noun,
        Pos::Adjective,
        Pos::Verb,
        Pos::Adverb,
        Pos::Preposition,
        Pos::Determiner,
        Pos::Pronoun,
        Pos::Conjunction,
        Pos::Auxiliary,
        Pos::Interjection,
        Pos::Other,
    ];

    /// The one-letter code of the data file `forms.tsv`.
    pub(crate) fn from_code(code: u8) -> Option<Pos> {
        Some(match code {
            b'N' => Pos::Noun,
            b'A' => Pos::Adjective,
            b'V' => Pos::Verb,
            b'R' => Pos::Adverb,
            b'P' => Pos::Preposition,
            b'D' => Pos::Determiner,
            b'O' => Pos::Pronoun,
            b'C' => Pos::Conjunction,
            b'X' => Pos::Auxiliary,
            b'I' => Pos::Interjection,
            b'Z' => Pos::Other,
            _ => return None,
        })
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// The parts of speech of one word form: a small `Copy` set.
///
/// ```
/// use fouille_lexicon::{Lexicon, Pos};
///
/// let lexicon = Lexicon::shared();
/// // « L'est du pays », « il est parti » : "est" is a noun, an adjective, a verb, an auxiliary.
/// let est = lexicon.word("est").unwrap().parts_of_speech();
/// assert!(est.contains(Pos::Noun) && est.contains(Pos::Verb));
/// assert!(!est.contains(Pos::Preposition));
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PartsOfSpeech(u16);

impl std::fmt::Debug for PartsOfSpeech {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl PartsOfSpeech {
    /// The empty set.
    pub const fn empty() -> Self {
        PartsOfSpeech(0)
    }

    /// This set with `pos` added.
    #[must_use]
    pub fn with(self, pos: Pos) -> Self {
        PartsOfSpeech(self.0 | pos.bit())
    }

    /// Whether `pos` is in the set.
    pub fn contains(self, pos: Pos) -> bool {
        self.0 & pos.bit() != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The number of parts of speech in the set.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The parts of speech in the set, in the order of [`Pos::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Pos> {
        Pos::ALL.into_iter().filter(move |&pos| self.contains(pos))
    }

    /// Parses the letters of `forms.tsv`'s second column, ignoring unknown ones.
    pub(crate) fn from_codes(codes: &str) -> Self {
        codes
            .bytes()
            .filter_map(Pos::from_code)
            .fold(PartsOfSpeech::empty(), PartsOfSpeech::with)
    }
}

impl FromIterator<Pos> for PartsOfSpeech {
    fn from_iter<I: IntoIterator<Item = Pos>>(iter: I) -> Self {
        iter.into_iter()
            .fold(PartsOfSpeech::empty(), PartsOfSpeech::with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_the_set() {
        let set = PartsOfSpeech::from_codes("NVX?");
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Pos::Noun, Pos::Verb, Pos::Auxiliary]
        );
        assert_eq!(set.len(), 3);
        assert!(PartsOfSpeech::from_codes("").is_empty());
        let all: PartsOfSpeech = Pos::ALL.into_iter().collect();
        assert_eq!(all, PartsOfSpeech::from_codes("NAVRPDOCXIZ"));
    }
}
