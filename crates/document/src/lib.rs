//! One French document as fouille's stages read it, built once per article and shared by all:
//! the text, its tokens and sentences, and for each token what its shape and the lexicon say
//! of it (capitalised, an initial, a given name, a common or function word, its parts of
//! speech, the finite verb or past participle it can be, where it stands in its sentence).
//!
//! The entity recogniser and the claim extractor both read a [`Document`], so that each word
//! is looked up once, in one per-thread cache, rather than once by each stage. What is a
//! stage's own stays with it: the classes its word lists give words (kept per word in a
//! [`WordTable`], by the document's word ids), the mentions it finds. The document is the
//! layer on which later stages will meet: mentions, claims and coreference are to be added
//! to it, so that each stage reads what the others found from one model.
//!
//! ```
//! use fouille_document::Document;
//! use fouille_tokenizer::Tokenizer;
//!
//! let text = "Marine Le Pen a annoncé sa candidature. « Nous gagnerons », a-t-elle dit.";
//! let seg = Tokenizer::new().segment(text);
//! let doc = Document::new(&seg);
//! assert_eq!(doc.word(0), "Marine");
//! let facts = doc.facts();
//! assert!(facts[0].first_name.is_some() && facts[0].starts_sentence);
//! assert!(facts[1].capitalized && facts[1].function_word); // "Le" is an article too
//! assert_eq!(doc.finite_verb(3).map(|v| v.lemma), Some("avoir"));
//! assert_eq!(doc.past_participle(4), Some("annoncer"));
//! // After an opening quote, a capital says nothing of a name.
//! assert_eq!(doc.word(9), "Nous");
//! assert!(facts[9].starts_sentence && facts[9].in_sentence_head);
//! assert_eq!(doc.span(0, 3).text(text), "Marine Le Pen");
//! ```
#![deny(missing_docs)]

mod facts;
mod seen;
mod word_cache;
mod word_table;

pub use facts::{FiniteVerb, TokenFacts};
pub use word_table::WordTable;

use fouille_lexicon::{Lexicon, WordKey};
use fouille_tokenizer::normalize::same_word;
use fouille_tokenizer::{Gap, Segmentation, Sentence, Span, Token, TokenKind};
use seen::{NO_WORD, SEEN_WORDS};

/// One segmented document and what is known of each of its tokens; read-only once built.
/// Accessors take token indexes and look ahead and behind freely: past either end there is no
/// token, and a word is "".
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The text the spans point into.
    pub text: &'t str,
    /// All tokens, in order.
    pub tokens: &'t [Token],
    /// All sentences, in order; every token belongs to exactly one.
    pub sentences: &'t [Sentence],
    /// What is known of each token.
    facts: Vec<TokenFacts>,
    /// Each token's word id in the thread's cache of words ([`seen::NO_WORD`] for none), for
    /// the stages' [`WordTable`]s.
    word_ids: Vec<u32>,
    /// The generation of the cache the ids are of.
    generation: u64,
}

impl<'t> Document<'t> {
    /// The document of a segmentation, its words looked up in the built-in lexicon
    /// ([`Lexicon::shared`]) through this thread's cache of the words it met.
    pub fn new(seg: &'t Segmentation<'t>) -> Self {
        let n = seg.tokens.len();
        let mut facts = Vec::with_capacity(n);
        let mut word_ids = Vec::with_capacity(n);
        let generation = SEEN_WORDS.with(|seen| {
            let mut seen = seen.borrow_mut();
            let lexicon = Lexicon::shared();
            // Keys first, and their places in the cache fetched ahead, so that the lookups
            // below find them in the processor's cache instead of waiting for each in turn.
            let keys: Vec<Option<WordKey>> = seg
                .tokens
                .iter()
                .map(|t| match t.kind {
                    TokenKind::Word => WordKey::new(t.span.text(seg.text), false),
                    _ => None,
                })
                .collect();
            let generation = seen.make_room(keys.iter().flatten().count());
            keys.iter().flatten().for_each(|&k| seen.prefetch(k));
            for (t, key) in seg.tokens.iter().zip(&keys) {
                let word = || t.span.text(seg.text);
                let (id, f) = match (t.kind, key) {
                    (TokenKind::Word, Some(key)) => {
                        seen.look_up(*key, || TokenFacts::of_word(lexicon, word()))
                    }
                    (TokenKind::Word, None) => (NO_WORD, TokenFacts::of_word(lexicon, word())),
                    _ => (NO_WORD, TokenFacts::default()),
                };
                word_ids.push(id);
                facts.push(f);
            }
            generation
        });
        for sentence in &seg.sentences {
            let mut opening = true;
            for (k, i) in sentence.tokens.clone().enumerate() {
                let Some(f) = facts.get_mut(i) else { break };
                f.starts_sentence = opening;
                f.in_sentence_head = k < 2;
                // After an opening quote, a dash, a parenthesis, a colon or a bullet, a capital
                // opens a phrase as at the start of a sentence. Words are none of those.
                let t = &seg.tokens[i];
                opening = t.kind != TokenKind::Word
                    && matches!(
                        t.span.text(seg.text),
                        "«" | "“" | "\"" | "—" | "–" | "-" | "(" | ":" | "•"
                    );
            }
        }
        Document {
            text: seg.text,
            tokens: &seg.tokens,
            sentences: &seg.sentences,
            facts,
            word_ids,
            generation,
        }
    }

    /// What is known of each token.
    #[inline]
    pub fn facts(&self) -> &[TokenFacts] {
        &self.facts
    }

    /// The text of token `i`, or "" when there is none.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// The text of the token before `i`, or "".
    #[inline]
    pub fn before(&self, i: usize) -> &'t str {
        i.checked_sub(1).map_or("", |j| self.word(j))
    }

    /// True when token `i` is `word` (lower case, no accents, any apostrophe).
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

    /// The span from the start of token `a` to the end of token `b - 1`; empty when there is
    /// no such token.
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

    /// The finite verb token `i` can be ([`TokenFacts::finite`]).
    #[inline]
    pub fn finite_verb(&self, i: usize) -> Option<FiniteVerb> {
        self.facts.get(i).and_then(|t| t.finite)
    }

    /// The lemma of the past participle token `i` can be ([`TokenFacts::participle`]).
    #[inline]
    pub fn past_participle(&self, i: usize) -> Option<&'static str> {
        self.facts.get(i).and_then(|t| t.participle)
    }
}

#[cfg(test)]
mod tests;
