//! The document as the claim extractor reads it: the shared [`Document`], the mentions over its
//! tokens, and what the extractor's word lists and quotations make of each token.

use crate::lexicons::{word_class, Lexicons};
use fouille_document::{Document, WordTable};
use fouille_entities::{Mention, MentionKind, Recognized};
use fouille_lexicon::{Lexicon, Pos};

/// The document as the claim extractor reads it.
pub(crate) struct View<'a> {
    document: &'a Document<'a>,
    pub found: &'a Recognized,
    pub lexicon: &'a Lexicon,
    /// For each token, the mention of a person, organisation, place or country over it.
    pub named: Vec<Option<usize>>,
    /// For each token, whether it lies inside a quotation's marks.
    pub quoted: Vec<bool>,
    /// For each token, its classes ([`crate::lexicons::word_class`]).
    pub classes: Vec<u8>,
}

thread_local! {
    /// The classes of the words met by this thread. There is one set of lists in fouille
    /// (`Lexicons::builtin`), so the table cannot mix the classes of two.
    static CLASSES: std::cell::RefCell<WordTable<u8>> =
        const { std::cell::RefCell::new(WordTable::new()) };
}

impl<'a> View<'a> {
    pub fn new(
        document: &'a Document<'a>,
        found: &'a Recognized,
        lexicon: &'a Lexicon,
        lexicons: &Lexicons,
    ) -> Self {
        let tokens = document.tokens;
        let mut named = vec![None; tokens.len()];
        for (i, m) in found.mentions.iter().enumerate() {
            if !matches!(m.kind, MentionKind::Date | MentionKind::Time) {
                let mut j = tokens.partition_point(|t| t.span.end <= m.span.start);
                while j < tokens.len() && tokens[j].span.start < m.span.end {
                    named[j].get_or_insert(i);
                    j += 1;
                }
            }
        }
        let classes = CLASSES.with(|table| {
            table
                .borrow_mut()
                .of_words(document, |w| lexicons.class_of(w))
        });
        View {
            document,
            found,
            lexicon,
            named,
            quoted: vec![false; tokens.len()],
            classes,
        }
    }

    /// The shared document, borrowed for as long as the view's.
    pub fn document(&self) -> &'a Document<'a> {
        self.document
    }

    /// The mention at token `i`, if any.
    pub fn mention(&self, i: usize) -> Option<&'a Mention> {
        self.named
            .get(i)
            .copied()
            .flatten()
            .map(|m| &self.found.mentions[m])
    }

    /// Whether token `i` is an adverb in lower case: "a notamment annoncé".
    #[inline]
    pub fn is_adverb(&self, i: usize) -> bool {
        self.facts()
            .get(i)
            .is_some_and(|t| t.lowercase && t.pos.contains(Pos::Adverb))
    }

    /// Whether token `i` is a word of the given part of speech: a word in lower case, or a
    /// capitalised one at the head of its sentence ("Selon", "Nous"); elsewhere a capital
    /// makes a name of it.
    #[inline]
    pub fn is_pos(&self, i: usize, pos: Pos) -> bool {
        self.facts()
            .get(i)
            .is_some_and(|t| (t.lowercase || t.in_sentence_head) && t.pos.contains(pos))
    }

    /// Whether token `i` opens a subordinate clause: "qui", "que", "si".
    #[inline]
    pub fn is_subordinator(&self, i: usize) -> bool {
        self.has_class(i, word_class::SUBORDINATOR)
            && self.facts().get(i).is_some_and(|t| t.lowercase)
    }

    /// Whether token `i` stands between a subject and its verb: "ne", "se", "le".
    #[inline]
    pub fn is_preverbal(&self, i: usize) -> bool {
        self.has_class(i, word_class::PREVERBAL)
    }

    /// Whether token `i` negates a verb after it: "pas", "jamais".
    #[inline]
    pub fn is_negation(&self, i: usize) -> bool {
        self.has_class(i, word_class::NEGATION)
    }

    #[inline]
    fn has_class(&self, i: usize, class: u8) -> bool {
        self.classes.get(i).is_some_and(|c| c & class != 0)
    }
}

impl<'a> std::ops::Deref for View<'a> {
    type Target = Document<'a>;

    #[inline]
    fn deref(&self) -> &Document<'a> {
        self.document
    }
}
