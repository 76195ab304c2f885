//! A read-only view of a segmented document that recognisers walk over.

use crate::classes::Class;
use crate::words::same_word;
use fouille_tokenizer::{Gap, Segmentation, Span, Token};

/// Tokens of one document, with bounds-checked access: recognisers look ahead and behind freely
/// and get "" past either end.
#[derive(Clone, Copy)]
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// The class of each token.
    pub classes: &'a [Class],
}

impl<'a> Doc<'a> {
    pub fn new(seg: &'a Segmentation<'a>, classes: &'a [Class]) -> Self {
        Doc {
            text: seg.text,
            tokens: &seg.tokens,
            classes,
        }
    }

    /// The class of token `i` (empty past either end).
    #[inline]
    pub fn class(&self, i: usize) -> Class {
        self.classes.get(i).copied().unwrap_or_default()
    }

    /// The text of token `i`, or "" when there is none.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// The text of the token before `i`, or "".
    #[inline]
    pub fn before(&self, i: usize) -> &'a str {
        i.checked_sub(1).map_or("", |j| self.word(j))
    }

    /// True when token `i` is `word` (lower case, no accents).
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        same_word(self.word(i), word)
    }

    /// True when token `i` is one of `words`.
    #[inline]
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| same_word(w, x))
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    #[inline]
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|k| self.tokens.get(k)),
        ) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start, y.span.end),
            _ => Span::default(),
        }
    }

    /// True when token `i` touches the token before it.
    #[inline]
    pub fn touches_previous(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.gap == Gap::None) && i > 0
    }
}
