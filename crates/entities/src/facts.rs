//! What the recognisers need to know of each token, looked up once per document.

use crate::doc::Doc;
use crate::words::{is_all_caps, is_capitalized};
use fouille_lexicon::{FirstNameInfo, Lexicon};
use fouille_tokenizer::{Segmentation, TokenKind};

/// Facts about one token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenFacts {
    /// A word that starts with a capital.
    pub capitalized: bool,
    /// Written in capitals only (two letters or more).
    pub all_caps: bool,
    /// Its lower-case form is a French common word.
    pub common: bool,
    /// It is a given name.
    pub first_name: Option<FirstNameInfo>,
    /// An initial: "J.", "J.-P.".
    pub initial: bool,
    /// The first word of its sentence, or the first after an opening quote or a dash, where a
    /// capital says nothing.
    pub starts_sentence: bool,
}

impl TokenFacts {
    /// A word that may be part of a name wherever it stands: capitalised and not a common word,
    /// or an initial.
    pub fn proper(&self) -> bool {
        self.initial || (self.capitalized && (!self.common || self.all_caps))
    }
}

/// Looks up every token.
pub(crate) fn token_facts(
    seg: &Segmentation<'_>,
    doc: &Doc<'_>,
    lexicon: &Lexicon,
) -> Vec<TokenFacts> {
    let mut facts = vec![TokenFacts::default(); seg.tokens.len()];
    for sentence in &seg.sentences {
        let mut opening = true;
        for i in sentence.tokens.clone() {
            let token = &seg.tokens[i];
            let w = doc.word(i);
            let f = &mut facts[i];
            f.starts_sentence = opening;
            opening = matches!(w, "«" | "“" | "\"" | "—" | "–" | "-" | "(" | ":" | "•");
            if token.kind != TokenKind::Word || !is_capitalized(w) {
                continue;
            }
            f.capitalized = true;
            f.all_caps = is_all_caps(w);
            f.initial = is_initial(w);
            f.common = lexicon.is_common_word(w);
            f.first_name = lexicon.first_name(w);
        }
    }
    facts
}

/// "J.", "J.-P.", "G.": a capital and a dot, possibly hyphenated.
fn is_initial(w: &str) -> bool {
    w.ends_with('.') && w.split('-').all(|part| {
        let mut cs = part.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::is_initial;

    #[test]
    fn initials() {
        assert!(is_initial("J.") && is_initial("J.-P.") && !is_initial("M") && !is_initial("Mme."));
    }
}
