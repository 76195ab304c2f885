//! The document as the recognisers read it: the shared [`Document`], and the class each token
//! has in the recogniser's word lists.

use crate::classes::Class;
use fouille_document::Document;

/// A [`Document`] with the class of each token; recognisers look ahead and behind freely and
/// get "" (and no class) past either end.
#[derive(Clone, Copy)]
pub(crate) struct Doc<'a> {
    document: &'a Document<'a>,
    /// The class of each token.
    classes: &'a [Class],
}

impl<'a> Doc<'a> {
    pub fn new(document: &'a Document<'a>, classes: &'a [Class]) -> Self {
        Doc { document, classes }
    }

    /// The class of token `i` (empty past either end).
    #[inline]
    pub fn class(&self, i: usize) -> Class {
        self.classes.get(i).copied().unwrap_or_default()
    }
}

impl<'a> std::ops::Deref for Doc<'a> {
    type Target = Document<'a>;

    #[inline]
    fn deref(&self) -> &Document<'a> {
        self.document
    }
}
