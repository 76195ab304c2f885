//! Role phrases: a function noun with what qualifies it. "ministre burkinabè de la Défense",
//! "chef d’état-major général des armées", "porte-parole du Kremlin", "ambassadeur à Madrid".

use crate::classes::Class;
use crate::mention::CountryCode;
use crate::people::PeopleFinder;
use crate::words::same_word;
use fouille_lexicon::Pos;

/// A role phrase: its span (without a trailing nationality) and where scanning stopped.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RolePhrase {
    pub first: usize,
    pub end: usize,
    pub scan_end: usize,
    pub nationality: Option<CountryCode>,
}

/// Nouns of kinship: a role only with their complement ("fils du ministre"), since alone they
/// follow names as suffixes ("Charles Nydegger, fils").
const KINSHIP: &[&str] = &[
    "fils",
    "fille",
    "pere",
    "mere",
    "frere",
    "soeur",
    "epouse",
    "epoux",
    "mari",
    "femme",
    "veuve",
    "neveu",
    "niece",
    "cousin",
    "cousine",
    "oncle",
    "tante",
    "petit-fils",
    "petite-fille",
    "compagne",
    "compagnon",
    "beau-pere",
    "belle-mere",
];

/// Nouns that follow a name after a comma without being its function: "Jacques Chirac,
/// lundi, ...", "M. Vogelwald, 46 ans, ...".
const NOT_FUNCTIONS: &[&str] = &[
    "an",
    "ans",
    "annee",
    "annees",
    "mois",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "heure",
    "heures",
    "fois",
    "matin",
    "soir",
    "nuit",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "demain",
    "aujourd'hui",
    "lui",
    "elle",
    "eux",
    "notamment",
    "selon",
    "puis",
    "alors",
    "ensuite",
    "enfin",
    "pourtant",
    "cependant",
    "toutefois",
    "dit",
    "a",
    "est",
    "qui",
    "que",
    "dont",
];

/// Adjectives of political allegiance that stand in apposition as a function: "Charles Sandoz,
/// radical, ...".
const ALLEGIANCES: &[&str] = &[
    "radical",
    "radicale",
    "liberal",
    "liberale",
    "socialiste",
    "communiste",
    "conservateur",
    "conservatrice",
    "republicain",
    "republicaine",
    "democrate",
    "ecologiste",
    "centriste",
    "gaulliste",
    "travailliste",
    "independant",
    "independante",
    "souverainiste",
];

impl PeopleFinder<'_> {
    /// A role phrase starting at `i`: premodifiers, a listed function noun, its adjectives and
    /// complements.
    pub(crate) fn role_at(&self, i: usize, end: usize) -> Option<RolePhrase> {
        let mut head = i;
        while head < end && head < i + 2 && self.doc.class(head).has(Class::PREMODIFIER) {
            head += 1;
        }
        let w = self.doc.word(head);
        let n = self.lists.roles.match_at(self.doc, head, end).or_else(|| {
            let rest = w.strip_prefix("ex-").or_else(|| w.strip_prefix("Ex-"))?;
            self.lists.roles.contains_word(rest).then_some(1)
        })?;
        let role = self.role_from(i, head + n, end);
        // "fils", "épouse": kinship is a role only with its complement.
        if n == 1 && self.doc.is_any(head, KINSHIP) && role.scan_end == head + 1 {
            return None;
        }
        Some(role)
    }

    /// A role phrase in apposition after a name, whose head need not be listed: "M. Albert
    /// Rouiller, imprimeur, à Lausanne", "Charles Sandoz, radical".
    pub(crate) fn apposition_at(&self, i: usize, end: usize) -> Option<RolePhrase> {
        let w = self.doc.word(i);
        if self.doc.is_any(i, NOT_FUNCTIONS) || !w.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        let role = if self.doc.is_any(i, ALLEGIANCES) {
            RolePhrase {
                first: i,
                end: i + 1,
                scan_end: i + 1,
                nationality: None,
            }
        } else if self.is_noun(i) && !self.is_adjective(i) {
            self.role_from(i, i + 1, end)
        } else {
            return None;
        };
        // An apposition ends where the sentence, a comma or a bracket does.
        let closes = role.scan_end >= end
            || matches!(self.doc.word(role.scan_end), "," | "." | ")" | ";" | "et");
        closes.then_some(role)
    }

    /// A noun right before a name: "le chanteur Renan Luce", "son collègue Brandt", "l'avant-centre
    /// Gary Birtles". Returns the role's span.
    pub(crate) fn noun_before_name(&self, name: usize, start: usize) -> Option<(usize, usize)> {
        let noun = name.checked_sub(1).filter(|&k| k > start)?;
        if !self.is_noun(noun)
            || self.doc.is_any(noun, NOT_FUNCTIONS)
            || self.doc.is_any(noun, KINSHIP)
        {
            return None;
        }
        let mut first = noun;
        while first > start && self.doc.class(first - 1).has(Class::PREMODIFIER) {
            first -= 1;
        }
        let determined = first > start
            && self.doc.is_any(
                first - 1,
                &[
                    "le", "la", "l'", "les", "son", "sa", "ses", "leur", "du", "au", "notre",
                    "votre",
                ],
            );
        determined.then_some((noun, noun + 1))
    }

    /// The rest of a role phrase once its head is read (`k` is the token after the head).
    fn role_from(&self, first: usize, mut k: usize, end: usize) -> RolePhrase {
        let head_end = k;
        let mut nationality = None;
        let mut trailing_nationality = false;
        let mut complements = 0;
        let mut adjectives = 0;
        while k < end {
            let w = self.doc.word(k);
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
            if complements == 0
                && k == head_end
                && self.facts[k].all_caps
                && !self.lists.is_stop_acronym(w)
            {
                // "député UMP"
                k += 1;
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
        let span_end = if trailing_nationality { k - 1 } else { k };
        RolePhrase {
            first,
            end: span_end,
            scan_end: k,
            nationality,
        }
    }

    /// A lower-case adjective that may qualify a function: "général", "adjoint", "chargé".
    pub(crate) fn is_adjective(&self, k: usize) -> bool {
        let w = self.doc.word(k);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let Some(info) = self.lexicon.word(w) else {
            return false;
        };
        info.is(Pos::Adjective)
            && !info.is(Pos::Preposition)
            && !info.is(Pos::Determiner)
            && !info.verb_analyses().any(|a| a.mood_tense.is_finite())
    }

    /// A lower-case common noun, not a determiner or pronoun ("un" is a noun in the lexicon).
    pub(crate) fn is_noun(&self, k: usize) -> bool {
        let w = self.doc.word(k);
        w.chars().next().is_some_and(char::is_lowercase)
            && self.lexicon.word(w).is_some_and(|info| {
                info.is(Pos::Noun) && !info.is(Pos::Determiner) && !info.is(Pos::Pronoun)
            })
    }

    /// "de la Défense", "du Kremlin", "des armées", "à Madrid", "au séminaire", "en
    /// Angleterre": a preposition and a noun phrase. Returns the token after it.
    fn complement(&self, k: usize, end: usize) -> Option<usize> {
        let prep = self.doc.word(k);
        let of = ["de", "d'", "du", "des"].iter().any(|p| same_word(prep, p));
        let at = ["a", "au", "aux", "en"].iter().any(|p| same_word(prep, p));
        if !(of || at) {
            return None;
        }
        let mut j = k + 1;
        if !same_word(prep, "en")
            && self.doc.is_any(j, &["la", "l'", "le", "les"])
            && !self.doc.is_any(k, &["du", "des", "au", "aux"])
        {
            j += 1;
        }
        if j >= end {
            return None;
        }
        if self.capitalized(j) {
            // Not the name the role announces: "ministre de l'Intérieur Gérald Darmanin".
            if self.starts_name(j, end) {
                return None;
            }
        } else if !self.is_noun(j) {
            return None;
        }
        j += 1;
        // The noun's adjectives and the rest of a proper name: "Affaires étrangères",
        // "Nations unies".
        while j < end && self.is_adjective(j) && self.nationality[j].is_none() {
            j += 1;
        }
        Some(j)
    }
}
