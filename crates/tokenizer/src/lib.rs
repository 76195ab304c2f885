//! French news text cut into sentences and tokens, as spans of the original text.
//!
//! The conventions are UD French's: elided words are tokens of their own ("l’" "État"),
//! hyphenated compounds stay whole ("porte-parole", "Bosnie-Herzégovine") but inverted subjects
//! split off ("a" "-t-il"), numbers keep their inner spaces and commas ("2 000", "3,5"),
//! abbreviations and initials keep their dot ("M.", "J.-P."). Every span is a [`Span`] of byte
//! offsets into the text as given: nothing is copied or rewritten, and [`CharOffsets`] converts
//! byte offsets to code point offsets for users who slice by characters. Text whose accents are
//! combining marks is segmented as its [`ComposedText`], whose spans map back to the original.
//!
//! ```
//! use fouille_tokenizer::Tokenizer;
//!
//! let tokenizer = Tokenizer::new();
//! let text = "M. Dupont l’a dit : « C’est fini ! », a-t-il ajouté. Le pays attend.";
//! let seg = tokenizer.segment(text);
//! let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(&words[..4], ["M.", "Dupont", "l’", "a"]);
//! assert!(words.contains(&"-t-il"));
//! assert_eq!(seg.sentences.len(), 2);
//! ```
#![deny(missing_docs)]

mod chars;
mod compose;
pub mod normalize;
mod scan;
mod sentence;
mod span;
mod token;
mod words;

pub use compose::ComposedText;
pub use sentence::MAX_SENTENCE_TOKENS;
pub use span::{CharOffsets, Span};
pub use token::{Gap, Segmentation, Sentence, Token, TokenKind};

use words::WordLists;

/// Segments French text. Build it once and share it: it holds its word lists and is
/// `Send + Sync`; segmenting never fails and never panics.
#[derive(Clone, Debug)]
pub struct Tokenizer {
    words: WordLists,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Tokenizer {
    /// A tokenizer with the built-in French word lists.
    pub fn new() -> Self {
        Tokenizer {
            words: WordLists::builtin(),
        }
    }

    /// Cuts `text` into tokens and sentences.
    pub fn segment<'t>(&self, text: &'t str) -> Segmentation<'t> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        scan::tokens(&self.words, text, &mut tokens);
        let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
        sentence::sentences(text, &tokens, &mut sentences);
        Segmentation {
            text,
            tokens,
            sentences,
        }
    }

    /// True when `word` keeps its dot as an abbreviation ("M", "Mme", "Dr").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.words.is_abbreviation(word)
    }
}

#[cfg(test)]
mod tests;
