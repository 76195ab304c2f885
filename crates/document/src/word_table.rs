//! What a stage works out of each word as written, kept per thread by word id.

use crate::seen::NO_WORD;
use crate::Document;
use fouille_tokenizer::TokenKind;

/// A stage's own facts of words (the classes its word lists give them), worked out once per
/// word and found again by the [`Document`]'s word ids: an index into an array, where a table
/// of words would cost a second hash lookup of every token.
///
/// Keep one per thread, for one way of working words out: its values are never checked against
/// the function that computed them. Ids hold within one generation of the thread's cache of
/// words; the table forgets its values when a document of another generation comes. What it
/// holds never changes a result.
///
/// ```
/// use fouille_document::{Document, WordTable};
/// use fouille_tokenizer::Tokenizer;
///
/// let seg = Tokenizer::new().segment("Le pays a dit que le pays attend.");
/// let doc = Document::new(&seg);
/// let mut lengths: WordTable<usize> = WordTable::new();
/// let mut computed = 0;
/// let got = lengths.of_words(&doc, |w| {
///     computed += 1;
///     w.chars().count()
/// });
/// assert_eq!(got, [2, 4, 1, 3, 3, 2, 4, 6, 0]);
/// assert_eq!(computed, 7, "\"pays\" once, \"Le\" and \"le\" apart");
/// ```
#[derive(Clone, Debug, Default)]
pub struct WordTable<V> {
    /// The generation of the word ids the values are kept by; zero when empty.
    generation: u64,
    values: Vec<Option<V>>,
}

impl<V: Copy + Default> WordTable<V> {
    /// An empty table.
    pub const fn new() -> Self {
        WordTable {
            generation: 0,
            values: Vec::new(),
        }
    }

    /// The value of every token of `doc`: `of` the word for a word token, the default for any
    /// other. `of` is called once per word this table has not met.
    pub fn of_words(&mut self, doc: &Document<'_>, mut of: impl FnMut(&str) -> V) -> Vec<V> {
        if self.generation != doc.generation {
            self.values.clear();
            self.generation = doc.generation;
        }
        doc.tokens
            .iter()
            .zip(&doc.word_ids)
            .map(|(t, &id)| {
                if t.kind != TokenKind::Word {
                    return V::default();
                }
                let word = t.span.text(doc.text);
                if id == NO_WORD {
                    return of(word);
                }
                let id = id as usize;
                if id >= self.values.len() {
                    self.values.resize(id + 1, None);
                }
                match self.values.get_mut(id) {
                    Some(value) => *value.get_or_insert_with(|| of(word)),
                    None => of(word),
                }
            })
            .collect()
    }
}
