//! Tokens and sentences, the output of segmentation.

use crate::span::Span;
use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes: "État", "porte-parole", "l’".
    Word,
    /// Starts with a digit: "2 000", "3,5", "1er", "11h30", "12/03/2023".
    Number,
    /// Punctuation: ".", "«", "…", "-t-il" is a word, not punctuation.
    Punctuation,
    /// Any other symbol: "€", "%", an emoji with its modifiers.
    Symbol,
    /// A web address or e-mail address.
    Url,
}

/// The whitespace that comes before a token; sentence and title boundaries depend on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gap {
    /// The token touches the previous one ("l’" + "État").
    None,
    /// Spaces or tabs, no line break.
    Space,
    /// One line break.
    LineBreak,
    /// Two line breaks or more: a new paragraph.
    BlankLine,
}

impl Gap {
    /// True when the gap holds at least one line break.
    #[inline]
    pub fn breaks_line(self) -> bool {
        self >= Gap::LineBreak
    }
}

/// One token: a span of the original text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Where the token is, in bytes.
    pub span: Span,
    /// What the token is made of.
    pub kind: TokenKind,
    /// The whitespace before it.
    pub gap: Gap,
    /// True when a control character that is not whitespace (NUL, U+0001, DEL, a C1 control)
    /// lies in the gap before it: no mention spans across it.
    pub after_control: bool,
}

impl Token {
    /// The surface text of the token.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }
}

/// One sentence: a span and the range of its tokens in [`Segmentation::tokens`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indexes of its tokens.
    pub tokens: Range<usize>,
    /// Index of the line (paragraph) the sentence starts on; the title of a news article is line 0.
    pub line: usize,
}

/// A document cut into tokens and sentences. Borrows the text it was made from.
#[derive(Clone, Debug)]
pub struct Segmentation<'t> {
    /// The original text.
    pub text: &'t str,
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// All sentences, in order; every token belongs to exactly one sentence.
    pub sentences: Vec<Sentence>,
}

impl<'t> Segmentation<'t> {
    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// The surface text of a token.
    #[inline]
    pub fn token_text(&self, token: &Token) -> &'t str {
        token.span.text(self.text)
    }

    /// The same segmentation as spans of `text`, each span moved by `map`: for a segmentation
    /// of a [`crate::ComposedText`], `text` is the original and `map` its
    /// [`crate::ComposedText::original`].
    pub fn rebase<'u>(self, text: &'u str, map: impl Fn(Span) -> Span) -> Segmentation<'u> {
        let mut tokens = self.tokens;
        let mut sentences = self.sentences;
        tokens.iter_mut().for_each(|t| t.span = map(t.span));
        sentences.iter_mut().for_each(|s| s.span = map(s.span));
        Segmentation {
            text,
            tokens,
            sentences,
        }
    }

    /// The index of the sentence holding byte offset `byte`, if any.
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.span.end <= byte);
        (k < self.sentences.len() && self.sentences[k].span.start <= byte).then_some(k)
    }
}
