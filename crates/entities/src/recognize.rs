//! One document through every recogniser, then the choice among overlapping candidates, then
//! entities.

use crate::coref::{self, Draft};
use crate::dates::FoundDate;
use crate::doc::Doc;
use crate::gazetteer::{Entry, Found};
use crate::mention::{CountryCode, Mention, MentionKind, Value};
use crate::orgs::{OrgFinder, OrgFound};
use crate::people::{People, PeopleFinder};
use crate::places::{PlaceFinder, PlaceFound};
use crate::select::{select, Candidate, Origin};
use crate::{Date, Recognized, Recognizer};
use fouille_document::{Document, TokenFacts};
use fouille_tokenizer::Token;
use std::ops::Range;

/// Words before an ambiguous name that make it a place: "à Maurice", "en Géorgie", "la
/// Hollande".
const PLACE_CONTEXT: &[&str] = &[
    "a", "au", "aux", "en", "de", "du", "des", "d'", "la", "le", "l'", "les", "vers", "depuis",
    "dans", "pour", "contre", "entre", "et", "sur",
];

/// The parts of a sentence's tokens `range` between control characters: the whole range when
/// the document has none (`parted` false), as nearly all have.
fn parts(
    tokens: &[Token],
    range: Range<usize>,
    parted: bool,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    std::iter::from_fn(move || {
        if start >= range.end {
            return None;
        }
        let end = if parted {
            (start + 1..range.end)
                .find(|&k| tokens.get(k).is_some_and(|t| t.after_control))
                .unwrap_or(range.end)
        } else {
            range.end
        };
        let part = start..end;
        start = end;
        Some(part)
    })
}

impl Recognizer {
    pub(crate) fn run(&self, document: &Document<'_>, date: Option<Date>) -> Recognized {
        let classes = self.lists.classes.of_tokens(document);
        let doc = Doc::new(document, &classes);
        let n = doc.tokens.len();
        let facts = doc.facts();
        let mut found = Vec::new();
        self.gazetteer.find(&doc, &mut found);

        let mut nationality: Vec<Option<CountryCode>> = vec![None; n];
        let mut gazetteer_start = vec![false; n];
        let mut country_word = vec![false; n];
        for f in &found {
            match f.listing.entry {
                Entry::Nationality(code) if f.end == f.first + 1 => {
                    nationality[f.first] = Some(code)
                }
                Entry::Country(_) => {
                    country_word[f.first..f.end]
                        .iter_mut()
                        .for_each(|c| *c = true);
                    gazetteer_start[f.first] = true;
                }
                Entry::Location | Entry::Organization => gazetteer_start[f.first] = true,
                _ => {}
            }
            if matches!(f.listing.entry, Entry::Nationality(_)) {
                country_word[f.first..f.end]
                    .iter_mut()
                    .for_each(|c| *c = true);
            }
        }

        let sport_codes: Vec<bool> = (0..n)
            .map(|i| self.gazetteer.sport_code(&doc, i).is_some())
            .collect();
        let people_finder = PeopleFinder {
            sport_codes: &sport_codes,
            doc: &doc,
            facts,
            lists: &self.lists,
            lexicon: self.lexicon,
            nationality: &nationality,
            gazetteer_start: &gazetteer_start,
        };
        let org_finder = OrgFinder {
            doc: &doc,
            facts,
            lists: &self.lists,
            lexicon: self.lexicon,
            is_country_word: &country_word,
        };
        let place_finder = PlaceFinder {
            doc: &doc,
            facts,
            lists: &self.lists,
        };

        let mut people = People::default();
        let mut dates: Vec<(usize, FoundDate)> = Vec::new();
        let mut orgs: Vec<OrgFound> = Vec::new();
        let mut places: Vec<PlaceFound> = Vec::new();
        let mut sentence_of = vec![0usize; n];
        let mut sentence_dates = Vec::new();
        let parted = doc.tokens.iter().any(|t| t.after_control);
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let range = sentence.tokens.clone();
            sentence_of[range.clone()].iter_mut().for_each(|s| *s = si);
            sentence_dates.clear();
            let tense = || self.sentence_tense(&doc, range.clone());
            // A control character parts the sentence: each part is searched on its own, so that
            // no name or date spans across it.
            for part in parts(doc.tokens, range.clone(), parted) {
                self.dates
                    .find(&doc, part.clone(), date, &tense, &mut sentence_dates);
                people_finder.find(part.clone(), &mut people);
                org_finder.find(part.clone(), &mut orgs);
                place_finder.find(part, &mut places);
            }
            dates.extend(sentence_dates.iter().map(|d| (si, *d)));
        }

        let mut in_date = vec![false; n];
        for (_, d) in &dates {
            in_date[d.first..d.end.min(n)]
                .iter_mut()
                .for_each(|x| *x = true);
        }
        let candidates = self.candidates(&doc, facts, &found, &people, &orgs, &places);
        let kept: Vec<Candidate> = select(candidates)
            .into_iter()
            .filter(|c| !in_date[c.first..c.end].iter().any(|&x| x))
            .collect();

        let mut drafts = self.drafts(&doc, &kept, &found, &people, &dates, &sentence_of);
        drafts.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end), d.kind));
        // Surnames alone, once a full name has been seen: "Shoigu", "Obama".
        let entities = coref::link(&doc, &mut drafts, &self.gazetteer);
        let extra = self.surnames(&doc, facts, &drafts, &sentence_of);
        let entities = if extra.is_empty() {
            entities
        } else {
            drafts.extend(extra);
            drafts.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end), d.kind));
            drafts.iter_mut().for_each(|d| d.entity = None);
            coref::link(&doc, &mut drafts, &self.gazetteer)
        };

        let mentions = drafts
            .iter()
            .map(|d| Mention {
                span: d.span,
                kind: d.kind,
                value: d.value,
                sentence: d.sentence,
                entity: d.entity,
            })
            .collect();
        Recognized { mentions, entities }
    }

    /// Every candidate of the exclusive layer.
    fn candidates(
        &self,
        doc: &Doc<'_>,
        facts: &[TokenFacts],
        found: &[Found],
        people: &People,
        orgs: &[OrgFound],
        places: &[PlaceFound],
    ) -> Vec<Candidate> {
        let mut out = Vec::with_capacity(found.len() + people.persons.len() + orgs.len());
        for (i, p) in people.persons.iter().enumerate() {
            out.push(Candidate {
                first: p.first,
                end: p.end,
                kind: MentionKind::Person,
                value: None,
                score: p.score,
                origin: Origin::Person(i),
            });
        }
        for f in found {
            let in_place_context = f.first > 0 && doc.is_any(f.first - 1, PLACE_CONTEXT);
            // An ambiguous name counts only where a place's context announces it.
            let score = match (
                f.listing.ambiguous,
                in_place_context && !facts[f.first].starts_sentence,
            ) {
                (false, _) => 4,
                (true, true) => 3,
                (true, false) => continue,
            };
            let (kind, value) = match f.listing.entry {
                Entry::Country(code) => (MentionKind::Country, Some(Value::Country(code))),
                Entry::Location => (MentionKind::Location, None),
                Entry::Organization => (MentionKind::Organization, None),
                // Demonyms take part in the choice: "les Américains"; adjectives do not.
                Entry::Nationality(code) if facts[f.first].capitalized => {
                    (MentionKind::Nationality, Some(Value::Country(code)))
                }
                Entry::Nationality(_) => continue,
            };
            let score = if kind == MentionKind::Nationality {
                3
            } else {
                score
            };
            out.push(Candidate {
                first: f.first,
                end: f.end,
                kind,
                value,
                score,
                origin: Origin::Other,
            });
        }
        for i in (0..doc.tokens.len()).filter(|&i| doc.word(i) == "(") {
            if let Some(code) = self.gazetteer.sport_code(doc, i + 1) {
                let i = i + 1;
                out.push(Candidate {
                    first: i,
                    end: i + 1,
                    kind: MentionKind::Country,
                    value: Some(Value::Country(code)),
                    score: 4,
                    origin: Origin::Other,
                });
            }
        }
        for o in orgs {
            out.push(Candidate {
                first: o.first,
                end: o.end,
                kind: MentionKind::Organization,
                value: None,
                score: o.score,
                origin: Origin::Other,
            });
        }
        for p in places {
            out.push(Candidate {
                first: p.first,
                end: p.end,
                kind: MentionKind::Location,
                value: None,
                score: p.score,
                origin: Origin::Other,
            });
        }
        out
    }

    /// Mentions from the chosen candidates, the dates, the adjectives of nationality, and the
    /// ranks and roles of the persons kept.
    fn drafts(
        &self,
        doc: &Doc<'_>,
        kept: &[Candidate],
        found: &[Found],
        people: &People,
        dates: &[(usize, FoundDate)],
        sentence_of: &[usize],
    ) -> Vec<Draft> {
        let draft = |first: usize, end: usize, kind: MentionKind, value: Option<Value>| Draft {
            first,
            end,
            span: doc.span(first, end),
            kind,
            value,
            sentence: sentence_of[first],
            person: None,
            nationality: None,
            entity: None,
        };
        let mut out = Vec::with_capacity(kept.len() + dates.len());
        let mut kept_person = vec![false; people.persons.len()];
        for c in kept {
            let mut d = draft(c.first, c.end, c.kind, c.value);
            if let Origin::Person(p) = c.origin {
                kept_person[p] = true;
                d.person = Some(p);
                d.nationality = people.persons[p].nationality;
            }
            out.push(d);
        }
        for (_, f) in dates {
            let kind = if f.time_of_day {
                MentionKind::Time
            } else {
                MentionKind::Date
            };
            out.push(draft(f.first, f.end, kind, f.value.map(Value::Date)));
        }
        // Adjectives of nationality, unless they are part of a name ("Parti socialiste
        // français" is one organisation).
        let inside_name = |i: usize| {
            kept.iter()
                .any(|c| c.first <= i && i < c.end && c.kind != MentionKind::Nationality)
        };
        for f in found {
            if let Entry::Nationality(code) = f.listing.entry {
                let lowercase = doc
                    .word(f.first)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                if lowercase && !inside_name(f.first) {
                    out.push(draft(
                        f.first,
                        f.end,
                        MentionKind::Nationality,
                        Some(Value::Country(code)),
                    ));
                }
            }
        }
        for (list, kind) in [
            (&people.ranks, MentionKind::Rank),
            (&people.roles, MentionKind::Role),
        ] {
            for a in list.iter().filter(|a| kept_person[a.person]) {
                let mut d = draft(a.first, a.end, kind, None);
                d.person = Some(a.person);
                d.nationality = a.nationality;
                out.push(d);
            }
        }
        out
    }

    /// A known person's surname where nothing else was found: "Shoigu" after "Sergey Shoigu".
    fn surnames(
        &self,
        doc: &Doc<'_>,
        facts: &[TokenFacts],
        drafts: &[Draft],
        sentence_of: &[usize],
    ) -> Vec<Draft> {
        let mut surnames: Vec<&str> = Vec::new();
        for d in drafts
            .iter()
            .filter(|d| d.kind == MentionKind::Person && d.end - d.first >= 2)
        {
            let last = doc.word(d.end - 1);
            let f = &facts[d.end - 1];
            if last.chars().count() > 1
                && !f.initial
                && !f.common
                && f.first_name.is_none_or(|n| n.ambiguous)
            {
                surnames.push(last);
            }
        }
        if surnames.is_empty() {
            return Vec::new();
        }
        surnames.sort_unstable();
        surnames.dedup();
        let mut covered = vec![false; doc.tokens.len()];
        for d in drafts {
            if !matches!(
                d.kind,
                MentionKind::Nationality | MentionKind::Date | MentionKind::Time
            ) {
                covered[d.first..d.end].iter_mut().for_each(|c| *c = true);
            }
        }
        (0..doc.tokens.len())
            .filter(|&i| {
                !covered[i] && facts[i].capitalized && surnames.binary_search(&doc.word(i)).is_ok()
            })
            .map(|i| Draft {
                first: i,
                end: i + 1,
                span: doc.span(i, i + 1),
                kind: MentionKind::Person,
                value: None,
                sentence: sentence_of[i],
                person: None,
                nationality: None,
                entity: None,
            })
            .collect()
    }
}
