//! Persons, with the ranks and roles that the same sentence gives them.
//!
//! A name is a run of capitalised words that a rank ("M.", "général de brigade"), a role ("le
//! ministre burkinabè de la Défense") or a given name ("Célestin") announces. Roles are function
//! nouns with their complements, attached to the name that follows them ("le président américain
//! Joe Biden") or that they follow in apposition ("Célestin Simporé, chef d’état-major ...").

use crate::classes::Class;
use crate::doc::Doc;
use crate::facts::TokenFacts;
use crate::lists::Lists;
use crate::mention::CountryCode;
use crate::words::same_word;
use fouille_lexicon::{Lexicon, MoodTense, Pos};
use std::ops::Range;

/// How sure the recogniser is that a run of words names a person.
pub(crate) mod score {
    /// Announced by a rank or a role, or led by an unambiguous given name.
    pub const STRONG: u8 = 5;
    /// Led by a given name that is also a place or a common word.
    pub const FIRST_NAME: u8 = 3;
    /// Capitalised words and nothing else.
    pub const WEAK: u8 = 1;
}

/// A person's name found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PersonFound {
    pub first: usize,
    pub end: usize,
    pub score: u8,
    /// A nationality stated next to the name: "le Russe Sergueï Lavrov".
    pub nationality: Option<CountryCode>,
}

/// A rank or role attached to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attached {
    pub first: usize,
    pub end: usize,
    /// Index into [`People::persons`].
    pub person: usize,
    /// The nationality the role states: "ministre burkinabè", "des armées burkinabè".
    pub nationality: Option<CountryCode>,
}

/// Everything found about people in one document.
#[derive(Clone, Debug, Default)]
pub(crate) struct People {
    pub persons: Vec<PersonFound>,
    pub ranks: Vec<Attached>,
    pub roles: Vec<Attached>,
}

/// Words before a role noun that belong to the role: "l'ancien ministre".
pub(crate) const ROLE_PREMODIFIERS: &[&str] = &[
    "ancien",
    "ancienne",
    "anciens",
    "anciennes",
    "nouveau",
    "nouvelle",
    "nouveaux",
    "futur",
    "future",
    "actuel",
    "actuelle",
    "celebre",
    "fameux",
    "fameuse",
    "jeune",
    "eminent",
    "eminente",
    "illustre",
    "defunt",
    "defunte",
    "regrette",
    "regrettee",
    "premier",
    "premiere",
    "vice",
];

/// Capitalised words that may sit inside a name: "Marine Le Pen", "Leonardo Da Vinci".
pub(crate) const CAPITAL_PARTICLES: &[&str] = &[
    "le", "la", "de", "du", "des", "da", "di", "van", "von", "el", "al", "ben", "bin", "mac",
];

/// Determiners between a role and the name it announces: "le ministre ..., le général X".
const DETERMINERS: &[&str] = &["le", "la", "l'", "les", "un", "une", "son", "sa", "leur"];

/// The recogniser of people, over one document.
pub(crate) struct PeopleFinder<'a> {
    pub doc: &'a Doc<'a>,
    pub facts: &'a [TokenFacts],
    pub lists: &'a Lists,
    pub lexicon: &'a Lexicon,
    /// The nationality a token states, if any.
    pub nationality: &'a [Option<CountryCode>],
    /// Tokens that begin a gazetteer place or organisation: a name does not run into them.
    pub gazetteer_start: &'a [bool],
}

/// Where a name may start.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// After a rank or a role: any capitalised word, or a particle ("le général de Gaulle").
    Title,
    /// Anywhere else: a given name, then a capitalised word.
    Nothing,
}

impl PeopleFinder<'_> {
    fn word(&self, i: usize) -> &str {
        self.doc.word(i)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.facts.get(i).is_some_and(|f| f.capitalized)
    }

    fn is_particle(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().next().is_some_and(char::is_lowercase) && self.doc.class(i).has(Class::PARTICLE)
    }

    /// Capitalised words that may sit inside a name when a capitalised word follows:
    /// "Marine Le Pen", "Leonardo Da Vinci".
    fn is_capital_particle(&self, i: usize) -> bool {
        [
            "le", "la", "de", "du", "des", "da", "di", "van", "von", "el", "al", "ben", "bin",
            "mac",
        ]
        .iter()
        .any(|p| same_word(self.word(i), p))
            && self.capitalized(i)
    }

    /// "Le", "La", "Des": given names somewhere, but articles at the head of a French phrase.
    fn is_function_word(&self, i: usize) -> bool {
        let lower = self.word(i).to_lowercase();
        self.lexicon.word(&lower).is_some_and(|w| {
            w.is(Pos::Determiner)
                || w.is(Pos::Preposition)
                || w.is(Pos::Pronoun)
                || w.is(Pos::Conjunction)
        })
    }

    /// The end of a name that starts at `i`, if one does.
    fn name_end(&self, i: usize, end: usize, after: After) -> Option<usize> {
        let f = self.facts.get(i)?;
        let start_ok = match after {
            After::Title => {
                f.capitalized
                    || f.initial
                    || (self.is_particle(i) && self.capitalized(i + 1) && i + 1 < end)
            }
            After::Nothing => {
                f.first_name.is_some()
                    && !f.all_caps
                    && !self.is_function_word(i)
                    && i + 1 < end
                    && (self.capitalized(i + 1) && !self.doc.class(i + 1).has(Class::ROLE_WORD)
                        || self.facts.get(i + 1).is_some_and(|g| g.initial)
                        || (self.is_particle(i + 1) && self.capitalized(i + 2)))
            }
        };
        if !start_ok || self.doc.class(i).has(Class::ROLE_WORD) && after == After::Nothing {
            return None;
        }
        let mut k = i + 1;
        while k < end && k - i < 6 {
            let g = &self.facts[k];
            let next_capitalized = k + 1 < end && self.capitalized(k + 1);
            if g.initial || (g.capitalized && !self.is_capital_particle(k)) {
                if self.doc.class(k).has(Class::ORG_HEAD)
                    || self.doc.class(k).has(Class::ROLE_WORD)
                    || self.gazetteer_start.get(k) == Some(&true) && g.first_name.is_none()
                {
                    break;
                }
                k += 1;
            } else if (self.is_particle(k) || self.is_capital_particle(k)) && next_capitalized {
                k += 1;
            } else {
                break;
            }
        }
        // A name ends on a name word, not on a particle.
        while k > i + 1 && (self.is_particle(k - 1) || self.is_capital_particle(k - 1)) {
            k -= 1;
        }
        let long_enough = after == After::Title || k - i >= 2;
        (long_enough && k > i && !(self.is_particle(i) && k == i + 1)).then_some(k)
    }

    /// A rank at `i` that a name follows: its end and the name's end.
    fn rank_then_name(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        let n = self.lists.ranks.match_at(self.doc, i, end)?;
        let name = self.name_end(i + n, end, After::Title)?;
        Some((i + n, name))
    }

    /// Finds people in the sentence whose tokens are `range`.
    pub fn find(&self, range: Range<usize>, people: &mut People) {
        let end = range.end;
        let base = people.persons.len();
        // Ranks and given names first: they make the surest names.
        let mut i = range.start;
        while i < end {
            if let Some((rank_end, name_end)) = self.rank_then_name(i, end) {
                people
                    .persons
                    .push(self.person(i, rank_end, name_end, score::STRONG));
                let person = people.persons.len() - 1;
                people.ranks.push(Attached {
                    first: i,
                    end: rank_end,
                    person,
                    nationality: None,
                });
                i = name_end;
            } else if let Some(name_end) = self.name_end(i, end, After::Nothing) {
                let f = &self.facts[i];
                let sure = f.first_name.is_some_and(|n| !n.ambiguous) && !self.gazetteer_start[i];
                let s = if sure {
                    score::STRONG
                } else {
                    score::FIRST_NAME
                };
                people.persons.push(self.person(i, i, name_end, s));
                i = name_end;
            } else {
                i += 1;
            }
        }
        // Roles, attached to the name after them or before them.
        let mut i = range.start;
        while i < end {
            let Some(role) = self.role_at(i, end) else {
                i += 1;
                continue;
            };
            if let Some(person) = self.attach_after(&role, end, base, people) {
                people.roles.push(Attached {
                    first: role.first,
                    end: role.end,
                    person,
                    nationality: role.nationality,
                });
            } else if let Some(person) = self.attach_before(&role, base, people) {
                people.roles.push(Attached {
                    first: role.first,
                    end: role.end,
                    person,
                    nationality: role.nationality,
                });
            }
            i = role.scan_end.max(i + 1);
        }
        // Capitalised runs that nothing announces.
        let mut i = range.start;
        while i < end {
            let covered = people.persons[base..]
                .iter()
                .any(|p| p.first <= i && i < p.end);
            if covered
                || !self.facts[i].proper()
                || self.facts[i].starts_sentence
                || self.facts[i].all_caps
            {
                i += 1;
                continue;
            }
            let mut k = i;
            while k < end
                && self.facts[k].proper()
                && !self.facts[k].all_caps
                && !self.gazetteer_start[k]
                && !self.doc.class(k).has(Class::ORG_HEAD)
                && !people.persons[base..]
                    .iter()
                    .any(|p| p.first <= k && k < p.end)
            {
                k += 1;
            }
            if k - i >= 2 && k - i <= 4 && !self.gazetteer_start[i] {
                people.persons.push(self.person(i, i, k, score::WEAK));
            }
            i = k.max(i + 1);
        }
    }

    fn person(&self, title: usize, first: usize, end: usize, score: u8) -> PersonFound {
        // "le Russe Sergueï Lavrov": a demonym just before the title or name.
        let nationality = title.checked_sub(1).and_then(|k| {
            self.facts[k]
                .capitalized
                .then(|| self.nationality[k])
                .flatten()
        });
        PersonFound {
            first,
            end,
            score,
            nationality,
        }
    }

    /// The role after it: ", le général X", "X" directly.
    fn attach_after(
        &self,
        role: &RolePhrase,
        end: usize,
        base: usize,
        people: &mut People,
    ) -> Option<usize> {
        let mut k = role.scan_end;
        if self.word(k) == "," {
            k += 1;
        }
        if self.doc.is_any(k, DETERMINERS) && !self.capitalized(k) {
            k += 1;
        }
        if let Some(existing) = people.persons[base..]
            .iter()
            .position(|p| p.first == k || (p.first > k && self.is_rank_gap(k, p.first)))
        {
            let person = base + existing;
            if people.persons[person].score < score::STRONG {
                people.persons[person].score = score::STRONG;
            }
            return Some(person);
        }
        let name = self.name_end(k, end, After::Title)?;
        // A role followed by a name that is a place or an organisation is not a person's.
        if self.gazetteer_start[k] && name == k + 1 {
            return None;
        }
        people.persons.push(self.person(k, k, name, score::STRONG));
        Some(people.persons.len() - 1)
    }

    /// A rank between a role and a name: "le ministre ..., le général de brigade Kassoum".
    fn is_rank_gap(&self, from: usize, to: usize) -> bool {
        self.lists.ranks.match_at(self.doc, from, to) == Some(to - from)
    }

    /// The name before it: "Célestin Simporé, chef d’état-major ...".
    fn attach_before(&self, role: &RolePhrase, base: usize, people: &People) -> Option<usize> {
        let mut k = role.first;
        if k > 0 && self.doc.is_any(k - 1, DETERMINERS) {
            k -= 1;
        }
        if k == 0 || self.word(k - 1) != "," {
            return None;
        }
        people.persons[base..]
            .iter()
            .rposition(|p| p.end == k - 1)
            .map(|p| base + p)
    }

    /// A role phrase starting at `i`: premodifiers, a function noun, its adjectives and
    /// complements.
    fn role_at(&self, i: usize, end: usize) -> Option<RolePhrase> {
        let mut head = i;
        while head < end && head < i + 2 && self.doc.class(head).has(Class::PREMODIFIER) {
            head += 1;
        }
        let w = self.word(head);
        let n = self.lists.roles.match_at(self.doc, head, end).or_else(|| {
            let rest = w.strip_prefix("ex-").or_else(|| w.strip_prefix("Ex-"))?;
            self.lists.roles.contains_word(rest).then_some(1)
        })?;
        // A capitalised role mid-sentence is a name's part ("Premier ministre" at the start is
        // fine; "Président" inside "Cour des comptes Président" is not ours to judge).
        let mut k = head + n;
        let mut nationality = None;
        let mut trailing_nationality = false;
        let mut complements = 0;
        let mut adjectives = 0;
        while k < end {
            let w = self.word(k);
            if let Some(code) = self.nationality[k].filter(|_| !self.capitalized(k)) {
                nationality = Some(code);
                trailing_nationality = complements > 0;
                k += 1;
                continue;
            }
            if complements == 0 && adjectives < 3 && self.is_adjective(k) {
                adjectives += 1;
                trailing_nationality = false;
                k += 1;
                continue;
            }
            if complements == 0 && self.facts[k].all_caps && !self.lists.is_stop_acronym(w) {
                // "député UMP"
                k += 1;
                trailing_nationality = false;
                continue;
            }
            if same_word(w, "en") && self.doc.is(k + 1, "chef") {
                k += 2;
                continue;
            }
            if complements < 3 {
                if let Some(after) = self.complement(k, end) {
                    complements += 1;
                    trailing_nationality = false;
                    k = after;
                    continue;
                }
            }
            break;
        }
        let scan_end = k;
        let span_end = if trailing_nationality { k - 1 } else { k };
        Some(RolePhrase {
            first: i,
            end: span_end,
            scan_end,
            nationality,
        })
    }

    /// A lower-case adjective that may qualify a function: "général", "adjoint", "chargé".
    fn is_adjective(&self, k: usize) -> bool {
        let w = self.word(k);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let Some(info) = self.lexicon.word(w) else {
            return false;
        };
        info.is(Pos::Adjective)
            && !info.is(Pos::Preposition)
            && !info.is(Pos::Determiner)
            && !info
                .verb_analyses()
                .any(|a| a.mood_tense.is_finite() && a.mood_tense != MoodTense::PastParticiple)
    }

    /// "de la Défense", "du Kremlin", "des armées", "à Madrid": a preposition and a noun
    /// phrase. Returns the token after it.
    fn complement(&self, k: usize, end: usize) -> Option<usize> {
        let prep = self.word(k);
        let of = ["de", "d'", "du", "des"].iter().any(|p| same_word(prep, p));
        let at = ["a", "au", "aux"].iter().any(|p| same_word(prep, p));
        if !(of || at) {
            return None;
        }
        let mut j = k + 1;
        if (same_word(prep, "de") || at) && self.doc.is_any(j, &["la", "l'", "le", "les"]) {
            j += 1;
        }
        if j >= end {
            return None;
        }
        let capitalized = self.capitalized(j);
        if capitalized {
            // Not the start of the name the role announces: "ministre de l'Intérieur Gérald D."
            if self.name_end(j, end, After::Nothing).is_some() && j > k + 1 {
                return None;
            }
            if self.name_end(j, end, After::Nothing).is_some() {
                return None;
            }
        } else if at || !self.is_noun(j) {
            return None;
        }
        j += 1;
        // The noun's adjectives: "Affaires étrangères", "armées", "Nations unies".
        while j < end && (self.is_adjective(j) && self.nationality[j].is_none()) {
            j += 1;
        }
        Some(j)
    }

    fn is_noun(&self, k: usize) -> bool {
        let w = self.word(k);
        w.chars().next().is_some_and(char::is_lowercase)
            && self.lexicon.word(w).is_some_and(|info| info.is(Pos::Noun))
    }
}

/// A role phrase: its span (without a trailing nationality) and where scanning stopped.
#[derive(Clone, Copy, Debug)]
struct RolePhrase {
    first: usize,
    end: usize,
    scan_end: usize,
    nationality: Option<CountryCode>,
}
