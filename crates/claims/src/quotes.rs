//! Quotations: the tokens between « », “ ” or a pair of straight quotes, over one or more
//! sentences of a paragraph.

use crate::view::View;
use fouille_document::Document;
use fouille_tokenizer::Gap;

/// One quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// The opening mark's token.
    pub open: usize,
    /// The closing mark's token, or the token after the paragraph's last when the quotation is
    /// left open.
    pub close: usize,
    /// Whether a closing mark ends it (else the paragraph does).
    pub closed: bool,
}

impl Quote {
    /// The first token inside the marks.
    pub fn first(&self) -> usize {
        self.open + 1
    }

    /// Whether the quotation holds a statement rather than a word or two set apart ("le
    /// "Ségur de la santé"").
    pub fn is_speech(&self, view: &View<'_>) -> bool {
        let inside = self.open + 1..self.close;
        inside.len() >= 4 || inside.clone().any(|i| view.finite_verb(i).is_some())
    }
}

/// Finds the quotations of a document, outermost only, and marks their tokens in the view.
pub(crate) fn find(view: &mut View<'_>) -> Vec<Quote> {
    let mut out = Vec::new();
    for sentence_group in paragraphs(view.document()) {
        let mut open: Option<(usize, &str)> = None;
        for i in sentence_group.clone() {
            let w = view.word(i);
            match (open, w) {
                (None, "«" | "“") => open = Some((i, w)),
                (None, "\"") if opens_straight(view, i) => open = Some((i, w)),
                (Some((o, "«")), "»") | (Some((o, "“")), "”") | (Some((o, "\"")), "\"") => {
                    out.push(Quote {
                        open: o,
                        close: i,
                        closed: true,
                    });
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((o, _)) = open {
            // A quotation left open runs to the end of its paragraph.
            out.push(Quote {
                open: o,
                close: sentence_group.end,
                closed: false,
            });
        }
    }
    for q in &out {
        for i in q.open + 1..q.close.min(view.quoted.len()) {
            view.quoted[i] = true;
        }
    }
    out
}

/// A straight quote opens when a word follows it closely: `" Elle` at a line's start closes
/// the quotation of the paragraph before.
fn opens_straight(view: &View<'_>, i: usize) -> bool {
    view.tokens.get(i + 1).is_some_and(|t| t.gap == Gap::None)
}

/// The token ranges of the document's paragraphs (lines).
fn paragraphs(doc: &Document<'_>) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for s in doc.sentences {
        match out.last_mut() {
            Some(last)
                if doc
                    .tokens
                    .get(s.tokens.start)
                    .is_some_and(|t| !t.gap.breaks_line()) =>
            {
                last.end = s.tokens.end
            }
            _ => out.push(s.tokens.clone()),
        }
    }
    out
}
