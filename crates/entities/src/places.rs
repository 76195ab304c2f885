//! Places that no list names, by what stands before them: "à Bobo-Dioulasso", "la ville de
//! Kidal", "dans la province du Soum".

use crate::doc::Doc;
use crate::lists::Lists;
use fouille_document::TokenFacts;
use std::ops::Range;

/// A place found by its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PlaceFound {
    pub first: usize,
    pub end: usize,
    pub score: u8,
}

pub(crate) struct PlaceFinder<'a> {
    pub doc: &'a Doc<'a>,
    pub facts: &'a [TokenFacts],
    pub lists: &'a Lists,
}

impl PlaceFinder<'_> {
    /// A run of proper words from `i`: "Bobo-Dioulasso", "Ouahigouya", "Saint-Denis".
    fn name_end(&self, i: usize, end: usize) -> Option<usize> {
        let f = self.facts.get(i)?;
        if !f.proper() || f.initial || f.all_caps || f.first_name.is_some() {
            return None;
        }
        let mut k = i + 1;
        while k < end && k < i + 3 && self.facts[k].proper() && !self.facts[k].initial {
            k += 1;
        }
        Some(k)
    }

    pub fn find(&self, range: Range<usize>, out: &mut Vec<PlaceFound>) {
        let end = range.end;
        for i in range {
            let w = self.doc.word(i);
            // "à Kigali"
            if (w == "à" || w == "À") && i + 1 < end {
                if let Some(e) = self.name_end(i + 1, end) {
                    if !self
                        .lists
                        .organization_heads
                        .contains_word(self.doc.word(i + 1))
                    {
                        out.push(PlaceFound {
                            first: i + 1,
                            end: e,
                            score: 2,
                        });
                    }
                }
                continue;
            }
            // "la ville de Kidal", "la province du Soum"
            if let Some(n) = self.lists.place_nouns.match_at(self.doc, i, end) {
                let mut k = i + n;
                if self.doc.is_any(k, &["de", "d'", "du"]) {
                    k += 1;
                    if let Some(e) = self.name_end(k, end) {
                        out.push(PlaceFound {
                            first: k,
                            end: e,
                            score: 3,
                        });
                    }
                }
            }
        }
    }
}
