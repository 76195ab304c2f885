//! Organisations that no list names: capitalised institution nouns with their qualifiers
//! ("Banque de France", "Parti socialiste", "Conseil fédéral") and acronyms ("APH"), with the
//! long form an acronym in brackets spells out ("Action praticiens hôpital (APH)").

use crate::classes::Class;
use crate::doc::Doc;
use crate::lists::Lists;
use crate::words::same_word;
use fouille_document::TokenFacts;
use fouille_lexicon::{Lexicon, Pos};
use std::ops::Range;

/// An organisation found by its shape, with how sure the shape is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OrgFound {
    pub first: usize,
    pub end: usize,
    pub score: u8,
}

pub(crate) struct OrgFinder<'a> {
    pub doc: &'a Doc<'a>,
    pub facts: &'a [TokenFacts],
    pub lists: &'a Lists,
    pub lexicon: &'a Lexicon,
    /// Tokens that are a nationality or a country's name: not acronyms of organisations.
    pub is_country_word: &'a [bool],
}

impl OrgFinder<'_> {
    fn capitalized(&self, i: usize) -> bool {
        self.facts.get(i).is_some_and(|f| f.capitalized)
    }

    fn is_adjective(&self, k: usize) -> bool {
        let w = self.doc.word(k);
        w.chars().next().is_some_and(char::is_lowercase)
            && self.lexicon.word(w).is_some_and(|i| {
                i.is(Pos::Adjective) && !i.is(Pos::Preposition) && !i.is(Pos::Determiner)
            })
    }

    pub fn find(&self, range: Range<usize>, out: &mut Vec<OrgFound>) {
        let end = range.end;
        let shouting = self.mostly_capitals(range.clone());
        for i in range.clone() {
            if let Some(found) = self.headed(i, end) {
                out.push(found);
            }
            if !shouting {
                if let Some(found) = self.acronym(i) {
                    out.push(found);
                    // "Action praticiens hôpital (APH)": the words the letters stand for.
                    let w = self.doc.word(i);
                    let bracketed =
                        i >= 2 && self.doc.word(i - 1) == "(" && self.doc.word(i + 1) == ")";
                    if let Some(first) = bracketed
                        .then(|| self.expansion(w, i - 1, range.start))
                        .flatten()
                    {
                        out.push(OrgFound {
                            first,
                            end: i - 1,
                            score: 3,
                        });
                    }
                }
            }
        }
    }

    /// Headlines and OCR'd mastheads in capitals: their words are not acronyms.
    fn mostly_capitals(&self, range: Range<usize>) -> bool {
        let caps = range.clone().filter(|&i| self.facts[i].all_caps).count();
        // Half of at least three words: two capitals at least, which most sentences lack.
        if caps < 2 {
            return false;
        }
        let words = range
            .filter(|&i| self.doc.word(i).chars().any(char::is_alphabetic))
            .count();
        words >= 3 && caps * 2 >= words
    }

    /// "Banque de France", "Union européenne", "Conseil de sécurité de l'ONU".
    fn headed(&self, i: usize, end: usize) -> Option<OrgFound> {
        let f = &self.facts[i];
        if !f.capitalized
            || f.all_caps
            || self
                .lists
                .organization_heads
                .match_at(self.doc, i, i + 1)
                .is_none()
        {
            return None;
        }
        let mut k = i + 1;
        let mut qualified = false;
        let mut complements = 0;
        while k < end {
            let w = self.doc.word(k);
            if self.is_adjective(k)
                || (self.capitalized(k) && !self.facts[k].starts_sentence && k == i + 1)
            {
                qualified = true;
                k += 1;
                continue;
            }
            let of = ["de", "d'", "du", "des", "pour"]
                .iter()
                .any(|p| same_word(w, p));
            if of && complements < 3 {
                let mut j = k + 1;
                if self.doc.is_any(j, &["la", "l'", "le", "les"]) {
                    j += 1;
                }
                let noun = self.capitalized(j)
                    || self
                        .lexicon
                        .word(self.doc.word(j))
                        .is_some_and(|x| x.is(Pos::Noun));
                if j < end && noun {
                    complements += 1;
                    qualified = true;
                    k = j + 1;
                    // A proper name of several words: "Nations unies", "Grande-Bretagne".
                    while k < end && self.capitalized(k) && !self.facts[k].starts_sentence {
                        k += 1;
                    }
                    continue;
                }
            }
            break;
        }
        if qualified {
            Some(OrgFound {
                first: i,
                end: k,
                score: 3,
            })
        } else if !f.starts_sentence {
            // "la Commission", "le Parlement": the capital alone names the institution.
            Some(OrgFound {
                first: i,
                end: i + 1,
                score: 2,
            })
        } else {
            None
        }
    }

    /// "APH", "CGT", "G20": capitals that are not a unit, a numeral or a country.
    fn acronym(&self, i: usize) -> Option<OrgFound> {
        let f = &self.facts[i];
        if !f.all_caps {
            return None;
        }
        let w = self.doc.word(i);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if !(2..=5).contains(&letters)
            || self.lists.is_stop_acronym(w)
            || self.is_country_word[i]
            || self.doc.class(i).has(Class::RANK)
        {
            return None;
        }
        // Words of a headline in capitals ("LE", "JOUR", "MUSIQUE") and names ("REYNIER") are
        // not acronyms.
        if f.common || f.first_name.is_some() || f.initial {
            return None;
        }
        if w.contains('.') && !w.ends_with('.') {
            return None;
        }
        Some(OrgFound {
            first: i,
            end: i + 1,
            score: 2,
        })
    }

    /// The start of the words before `paren` whose initials spell `acronym`, if they do.
    pub fn expansion(&self, acronym: &str, paren: usize, start: usize) -> Option<usize> {
        let letters: Vec<char> = acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let mut need = letters.len();
        let mut k = paren;
        while k > start && need > 0 {
            k -= 1;
            let w = self.doc.word(k);
            let first = w.chars().next()?.to_lowercase().next()?;
            if first == letters[need - 1] {
                need -= 1;
            } else if ![
                "de", "d'", "du", "des", "la", "le", "l'", "et", "pour", "en",
            ]
            .iter()
            .any(|p| same_word(w, p))
            {
                return None;
            }
        }
        (need == 0 && self.capitalized(k)).then_some(k)
    }
}
