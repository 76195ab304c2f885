//! Persons, with the ranks and roles that the same sentence gives them.
//!
//! A name is a run of capitalised words that a rank ("M.", "général de brigade"), a role ("le
//! ministre burkinabè de la Défense") or a given name ("Célestin") announces. Roles are function
//! nouns with their complements, attached to the name that follows them ("le président américain
//! Joe Biden") or that they follow in apposition ("Célestin Simporé, chef d’état-major ...").

use crate::classes::Class;
use crate::doc::Doc;
use crate::lists::Lists;
use crate::mention::CountryCode;
use crate::roles::RolePhrase;
use fouille_document::TokenFacts;
use fouille_lexicon::Lexicon;
use std::ops::Range;

/// Verbs whose inverted subject is a speaker: « ... », dit Graffenried.
const SPEECH_VERBS: &[&str] = &[
    "dire",
    "déclarer",
    "affirmer",
    "expliquer",
    "ajouter",
    "préciser",
    "souligner",
    "indiquer",
    "estimer",
    "raconter",
    "confier",
    "lancer",
    "poursuivre",
    "reconnaître",
    "assurer",
    "insister",
    "répondre",
    "conclure",
    "commenter",
    "noter",
    "observer",
    "rappeler",
    "témoigner",
    "s'exclamer",
    "résumer",
    "avouer",
    "admettre",
    "regretter",
    "martèle",
    "marteler",
    "juger",
    "prévenir",
    "avertir",
    "ironiser",
    "plaider",
    "détailler",
    "relever",
    "écrire",
    "annoncer",
    "confirmer",
    "démentir",
    "nuancer",
    "tempérer",
    "glisser",
    "lâcher",
    "souffler",
    "sourire",
    "constater",
    "analyser",
];

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
    /// Tokens that abbreviate a country in a sports result: "(Esp)".
    pub sport_codes: &'a [bool],
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
    pub(crate) fn word(&self, i: usize) -> &str {
        self.doc.word(i)
    }

    pub(crate) fn capitalized(&self, i: usize) -> bool {
        self.facts.get(i).is_some_and(|f| f.capitalized)
    }

    fn is_particle(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().next().is_some_and(char::is_lowercase) && self.doc.class(i).has(Class::PARTICLE)
    }

    /// Capitalised words that may sit inside a name when a capitalised word follows:
    /// "Marine Le Pen", "Leonardo Da Vinci".
    fn is_capital_particle(&self, i: usize) -> bool {
        self.doc.class(i).has(Class::CAPITAL_PARTICLE) && self.capitalized(i)
    }

    /// "Le", "La", "Des": given names somewhere, but articles at the head of a French phrase.
    fn is_function_word(&self, i: usize) -> bool {
        self.facts.get(i).is_some_and(|f| f.function_word)
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
            // "J.-P. Sartre", "G. W. Bush": initials and a name.
            After::Nothing if f.initial => (i + 1..(i + 4).min(end))
                .find(|&j| !self.facts[j].initial)
                .is_some_and(|j| {
                    self.capitalized(j) && !self.facts[j].all_caps && !self.is_function_word(j)
                }),
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
            if g.capitalized
                && !g.initial
                && !self.is_capital_particle(k)
                && self.is_function_word(k)
            {
                // "la reine Victoria Ce délicat problème": a sentence that lost its full stop.
                break;
            }
            if g.initial || (g.capitalized && !self.is_capital_particle(k)) {
                if self.doc.class(k).has(Class::ORG_HEAD)
                    || self.doc.class(k).has(Class::ROLE_WORD)
                    || self.gazetteer_start.get(k) == Some(&true)
                        && g.first_name.is_none()
                        && !self.facts[k - 1].initial
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
        // "S. M. I." is a title's initials, not a name: a name holds a word.
        let has_word = (i..k).any(|j| !self.facts[j].initial && !self.is_particle(j));
        (long_enough && has_word && k > i && !(self.is_particle(i) && k == i + 1)).then_some(k)
    }

    /// True when a name without a title starts at `i`: "Gérald Darmanin".
    pub(crate) fn starts_name(&self, i: usize, end: usize) -> bool {
        self.name_end(i, end, After::Nothing).is_some()
    }

    /// "III" after "Frédéric": a regnal number.
    fn is_regnal_number(&self, i: usize) -> bool {
        let w = self.word(i);
        !w.is_empty()
            && w.len() <= 5
            && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            && !matches!(w, "V" | "X") // letters of other uses when alone
            || matches!(w, "Ier" | "Ire" | "1er")
    }

    /// Ranks at `i`, one after another ("lieutenant-général prince", "M. le Dr"), that a name
    /// follows: the ranks' spans and the name's end.
    fn ranks_then_name(
        &self,
        i: usize,
        end: usize,
        ranks: &mut Vec<(usize, usize)>,
    ) -> Option<usize> {
        ranks.clear();
        let mut k = i;
        loop {
            let at = if !ranks.is_empty() && self.doc.is_any(k, &["le", "la", "l'"]) {
                k + 1
            } else {
                k
            };
            match self.lists.ranks.match_at(self.doc, at, end) {
                Some(n) => {
                    ranks.push((at, at + n));
                    k = at + n;
                }
                None => break,
            }
        }
        if ranks.is_empty() {
            return None;
        }
        self.name_end(k, end, After::Title)
    }

    /// "MM. Stump, Kraft et Capré": the names after the first that a plural rank announces.
    fn listed_names(&self, mut k: usize, end: usize, people: &mut People) -> usize {
        while k + 1 < end && matches!(self.word(k), "," | "et") {
            match self.name_end(k + 1, end, After::Title) {
                Some(e) => {
                    people
                        .persons
                        .push(self.person(k + 1, k + 1, e, score::STRONG));
                    k = e;
                }
                None => break,
            }
        }
        k
    }

    /// Finds people in the sentence whose tokens are `range`.
    pub fn find(&self, range: Range<usize>, people: &mut People) {
        let end = range.end;
        let base = people.persons.len();
        // Ranks and given names first: they make the surest names.
        let mut ranks = Vec::new();
        let mut i = range.start;
        while i < end {
            if let Some(name_end) = self.ranks_then_name(i, end, &mut ranks) {
                let name_start = ranks.last().map_or(i, |r| r.1);
                people
                    .persons
                    .push(self.person(i, name_start, name_end, score::STRONG));
                let person = people.persons.len() - 1;
                for &(first, rank_end) in &ranks {
                    people.ranks.push(Attached {
                        first,
                        end: rank_end,
                        person,
                        nationality: None,
                    });
                }
                let plural = self.word(i).starts_with("MM")
                    || self.word(ranks[0].1 - 1).ends_with(['s', 'x']);
                i = if plural {
                    self.listed_names(name_end, end, people)
                } else {
                    name_end
                };
            } else if self.facts[i].first_name.is_some()
                && self.capitalized(i)
                && i + 1 < end
                && self.is_regnal_number(i + 1)
            {
                // "Frédéric III", "Louis XIII": a given name and its number.
                people.persons.push(self.person(i, i, i + 1, score::STRONG));
                let person = people.persons.len() - 1;
                people.ranks.push(Attached {
                    first: i + 1,
                    end: i + 2,
                    person,
                    nationality: None,
                });
                i += 2;
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
        let first_rank = people.ranks.len()
            - people
                .ranks
                .iter()
                .rev()
                .take_while(|r| r.first >= range.start)
                .count();
        let mut i = range.start;
        let mut pending: Vec<RolePhrase> = Vec::new();
        while i < end {
            let in_rank = people.ranks[first_rank..]
                .iter()
                .any(|r| r.first <= i && i < r.end);
            let Some(role) = (!in_rank).then(|| self.role_at(i, end)).flatten() else {
                i += 1;
                continue;
            };
            // "le producteur et musicien suisse David Wehrle": both roles are his.
            if self.doc.is(role.scan_end, "et") {
                if let Some(next) = self.role_at(role.scan_end + 1, end) {
                    pending.push(role);
                    i = next.first;
                    continue;
                }
            }
            let person = self
                .attach_after(&role, end, base, people)
                .or_else(|| self.attach_before(&role, base, range.start, people));
            if let Some(person) = person {
                for r in pending.drain(..).chain(std::iter::once(role)) {
                    people.roles.push(Attached {
                        first: r.first,
                        end: r.end,
                        person,
                        nationality: r.nationality,
                    });
                }
                // "M. le président Piétra": the rank before the role is the person's too.
                let mut k = role.first;
                if k > range.start && self.doc.is_any(k - 1, &["le", "la", "l'"]) {
                    k -= 1;
                }
                if let Some(r) = (range.start..k)
                    .rev()
                    .take(3)
                    .find(|&r| self.lists.ranks.match_at(self.doc, r, k) == Some(k - r))
                {
                    if !people.ranks.iter().any(|x| x.first == r) {
                        people.ranks.push(Attached {
                            first: r,
                            end: k,
                            person,
                            nationality: None,
                        });
                    }
                }
            }
            pending.clear();
            i = role.scan_end.max(i + 1);
        }
        // Nouns that title a name: "le chanteur Renan Luce".
        for p in base..people.persons.len() {
            let first = people.persons[p].first;
            if people.roles.iter().any(|r| r.person == p)
                || people.ranks.iter().any(|r| r.person == p)
                || people.persons[p].score < score::FIRST_NAME
            {
                continue;
            }
            if let Some((a, b)) = self.noun_before_name(first, range.start) {
                people.roles.push(Attached {
                    first: a,
                    end: b,
                    person: p,
                    nationality: None,
                });
            }
        }
        // Appositions whose head no list names: "M. Albert Rouiller, imprimeur, à Lausanne".
        for p in base..people.persons.len() {
            let after = people.persons[p].end;
            if self.word(after) != "," || people.roles.iter().any(|r| r.person == p) {
                continue;
            }
            let mut k = after + 1;
            if self.doc.is_any(k, DETERMINERS) && !self.capitalized(k) {
                k += 1;
            }
            if let Some(role) = self.apposition_at(k, end) {
                people.roles.push(Attached {
                    first: role.first,
                    end: role.end,
                    person: p,
                    nationality: role.nationality,
                });
            }
        }
        // Results and enumerations: "9. Knaven (Ho) à l' 53"", "Chanel, Lanvin, Lucien Lelong".
        self.listed(range.clone(), base, people);
        self.after_speech_verb(range.clone(), base, people);
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

    /// A proper word alone that sits where a result list or an enumeration of people puts
    /// names: after a place number ("12. Camenzind"), before a country in brackets ("Olano
    /// (Esp)"), or in a list with a known name.
    fn listed(&self, range: Range<usize>, base: usize, people: &mut People) {
        let end = range.end;
        let covered = |people: &People, k: usize| {
            people.persons[base..]
                .iter()
                .any(|p| p.first <= k && k < p.end)
        };
        let lone_name = |k: usize| {
            k < end
                && self.facts[k].proper()
                && !self.facts[k].initial
                && !self.facts[k].all_caps
                && !self.gazetteer_start[k]
                && !self.doc.class(k).has(Class::ORG_HEAD)
        };
        for k in range.clone() {
            if !lone_name(k) || covered(people, k) {
                continue;
            }
            let numbered_at = |j: usize| {
                j >= 2
                    && self.word(j - 1) == "."
                    && self.word(j - 2).bytes().all(|b| b.is_ascii_digit())
            };
            // "2. A. Guinand, Chaux-de-Fonds": a full name after a place number.
            if numbered_at(k) || (numbered_at(k.wrapping_sub(0)) && self.facts[k].initial) {
                if let Some(e) = self.name_end(k, end, After::Title) {
                    if e > k + 1
                        && matches!(self.word(e), "," | "(" | "à")
                        && (k..e).all(|j| !self.gazetteer_start[j])
                    {
                        people.persons.push(self.person(k, k, e, score::FIRST_NAME));
                        continue;
                    }
                }
            }
            let numbered =
                numbered_at(k) && matches!(self.word(k + 1), "à" | "(" | "," | "." | "m.");
            let country_after = self.word(k + 1) == "("
                && (self.nationality.get(k + 2).is_some_and(Option::is_some)
                    || self.gazetteer_start.get(k + 2) == Some(&true)
                    || self.is_sport_code(k + 2));
            if numbered || country_after {
                people
                    .persons
                    .push(self.person(k, k, k + 1, score::FIRST_NAME));
            }
        }
        // Enumerations: a proper word between commas next to a name found.
        let mut k = range.start;
        while k < end {
            let in_list = |j: usize| matches!(self.word(j), "," | "et");
            if lone_name(k) && !covered(people, k) && !self.facts[k].starts_sentence {
                let before =
                    k > range.start && in_list(k - 1) && (k >= 2 && covered(people, k - 2));
                let after = in_list(k + 1) && covered(people, k + 2);
                if before || after {
                    people
                        .persons
                        .push(self.person(k, k, k + 1, score::WEAK + 1));
                    k = range.start.max(k.saturating_sub(3));
                    continue;
                }
            }
            k += 1;
        }
    }

    fn is_sport_code(&self, k: usize) -> bool {
        self.sport_codes.get(k) == Some(&true)
    }

    fn person(&self, title: usize, first: usize, end: usize, score: u8) -> PersonFound {
        // "M. de Kühlmann", "le général d'Amade": after a title, the particle stays out of the
        // name, as the papers' own indexes and HIPE's guidelines have it.
        let first = if title < first || score == score::STRONG {
            if first + 1 < end && self.is_particle(first) {
                first + 1
            } else {
                first
            }
        } else {
            first
        };
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
    fn attach_before(
        &self,
        role: &RolePhrase,
        base: usize,
        start: usize,
        people: &mut People,
    ) -> Option<usize> {
        let mut k = role.first;
        if k > 0 && self.doc.is_any(k - 1, DETERMINERS) {
            k -= 1;
        }
        if k == 0 || self.word(k - 1) != "," {
            return None;
        }
        if let Some(p) = people.persons[base..].iter().rposition(|p| p.end == k - 1) {
            return Some(base + p);
        }
        // "Pilet, président": a proper word that a role follows is a name.
        let name_end = k - 1;
        let mut first = name_end;
        while first > start && first + 3 > name_end && self.lone_name(first - 1) {
            first -= 1;
        }
        let starts_ok =
            first < name_end && !(self.facts[first].starts_sentence && self.facts[first].common);
        if !starts_ok || (first..name_end).any(|j| self.gazetteer_start[j]) {
            return None;
        }
        people
            .persons
            .push(self.person(first, first, name_end, score::FIRST_NAME));
        Some(people.persons.len() - 1)
    }

    /// A capitalised word that may be a name by itself: not a common word, not a place or an
    /// organisation's first word.
    fn lone_name(&self, k: usize) -> bool {
        self.facts
            .get(k)
            .is_some_and(|f| f.proper() && !f.all_caps && !f.initial)
            && !self.gazetteer_start[k]
            && !self.doc.class(k).has(Class::ORG_HEAD)
    }

    /// "dit Graffenried", "précise Cipollini": a name after a verb of saying, as French inverts
    /// the subject of a reporting clause.
    fn after_speech_verb(&self, range: Range<usize>, base: usize, people: &mut People) {
        for k in range.start + 1..range.end {
            if !self.lone_name(k)
                || people.persons[base..]
                    .iter()
                    .any(|p| p.first <= k && k < p.end)
            {
                continue;
            }
            let verb = self.word(k - 1);
            let reporting = verb.chars().next().is_some_and(char::is_lowercase)
                && self.lexicon.verb_analyses(verb).any(|a| {
                    a.person == Some(3)
                        && a.mood_tense.is_finite()
                        && SPEECH_VERBS.contains(&a.lemma)
                });
            if reporting {
                let mut end = k + 1;
                while end < range.end && end < k + 3 && self.lone_name(end) {
                    end += 1;
                }
                people
                    .persons
                    .push(self.person(k, k, end, score::FIRST_NAME));
            }
        }
    }
}
