//! What a subject or a source refers to, including what journalists write instead of names:
//! "le pays", "le gouvernement burkinabè", "Moscou", "le ministre", "il".

use crate::lexicons::Lexicons;
use crate::view::View;
use fouille_entities::{EntityKind, Mention, MentionKind};
use std::ops::Range;

/// Nouns that stand for a country's state or government when a nationality or a country's name
/// qualifies them: "le gouvernement burkinabè", "les autorités de Kigali".
const STATE_NOUNS: &[&str] = &[
    "gouvernement",
    "autorites",
    "etat",
    "regime",
    "executif",
    "armee",
    "armees",
    "presidence",
    "diplomatie",
    "administration",
    "pouvoir",
    "junte",
    "capitale",
    "dirigeants",
    "justice",
    "police",
    "forces",
];

/// Determiners of a subject's head.
const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa",
    "ses", "leur", "leurs", "notre", "nos",
];

/// Resolves references, remembering what the previous sentences were about.
pub(crate) struct Resolver<'a, 'v> {
    pub view: &'a View<'v>,
    pub lexicons: &'a Lexicons,
    /// The entity the previous claim was about.
    pub last_subject: Option<usize>,
}

/// How many mentions back a pronoun or a function noun is looked up: far more than an article
/// holds, a bound only for texts of thousands of sentences.
const LOOKBACK_MENTIONS: usize = 2000;

impl<'a> Resolver<'a, '_> {
    fn kind(&self, entity: usize) -> Option<EntityKind> {
        self.view.found.entities.get(entity).map(|e| e.kind)
    }

    /// The entity that tokens `range` refer to, if the text says.
    pub fn resolve(&self, range: Range<usize>) -> Option<usize> {
        let mut head = range.start;
        while head < range.end && self.view.is_any(head, DETERMINERS) {
            head += 1;
        }
        if head >= range.end {
            return None;
        }
        if let Some(m) = self.view.mention(head) {
            return match m.kind {
                // "Moscou a démenti": a capital speaks for its country.
                MentionKind::Location => self
                    .lexicons
                    .capital(m.span.text(self.view.text))
                    .and_then(|code| self.country_entity(code))
                    .or(m.entity),
                _ => m.entity,
            };
        }
        let w = self.view.word(head);
        if self.view.is_any(
            head,
            &[
                "il", "elle", "-il", "-elle", "-t-il", "-t-elle", "t-il", "t-elle",
            ],
        ) && range.len() == 1
        {
            return self.pronoun();
        }
        if self.view.is_any(head, &["pays"]) {
            return self.the_country(range.start);
        }
        if self.view.is_any(head, STATE_NOUNS) {
            // "le gouvernement burkinabè": the nationality names the state.
            return range
                .clone()
                .filter_map(|k| self.view.mention(k))
                .find(|m| matches!(m.kind, MentionKind::Nationality | MentionKind::Country))
                .and_then(|m| m.entity);
        }
        if head + 1 == range.end || w.is_empty() {
            // "le ministre", "le président": the last person given that function.
            return self.person_by_function(head, range.start);
        }
        None
    }

    fn country_entity(&self, code: fouille_entities::CountryCode) -> Option<usize> {
        self.view
            .found
            .entities
            .iter()
            .position(|e| e.code == Some(code))
    }

    /// "il", "elle": the previous claim's subject if it is a person or a country, else the last
    /// person named.
    fn pronoun(&self) -> Option<usize> {
        match self.last_subject {
            Some(e) if matches!(self.kind(e), Some(EntityKind::Person | EntityKind::Country)) => {
                Some(e)
            }
            _ => None,
        }
    }

    /// "le pays": the previous claim's subject if it is a country, else the last country named
    /// before.
    fn the_country(&self, before: usize) -> Option<usize> {
        if let Some(e) = self
            .last_subject
            .filter(|&e| self.kind(e) == Some(EntityKind::Country))
        {
            return Some(e);
        }
        self.last_entity_before(before, |kind| kind == EntityKind::Country)
    }

    /// The mentions that start before byte `limit`, nearest first, as far back as a reader
    /// would look for what a pronoun or a function names.
    fn mentions_before(&self, limit: usize) -> impl Iterator<Item = &'a Mention> + 'a {
        let mentions = &self.view.found.mentions;
        let end = mentions.partition_point(|m| m.span.start < limit);
        mentions[end.saturating_sub(LOOKBACK_MENTIONS)..end]
            .iter()
            .rev()
    }

    /// The last entity of a kind mentioned before token `before`.
    fn last_entity_before(
        &self,
        before: usize,
        wanted: impl Fn(EntityKind) -> bool,
    ) -> Option<usize> {
        let limit = self
            .view
            .tokens
            .get(before)
            .map_or(usize::MAX, |t| t.span.start);
        self.mentions_before(limit)
            .filter(|m| m.span.end <= limit)
            .filter_map(|m| m.entity)
            .find(|&e| self.kind(e).is_some_and(&wanted))
    }

    /// "le ministre": the last person whose roles or rank hold that word.
    fn person_by_function(&self, head: usize, before: usize) -> Option<usize> {
        let word = self.view.word(head);
        let limit = self
            .view
            .tokens
            .get(before)
            .map_or(usize::MAX, |t| t.span.start);
        self.mentions_before(limit)
            .filter(|m| {
                m.span.end <= limit && matches!(m.kind, MentionKind::Role | MentionKind::Rank)
            })
            .find(|m| {
                m.span
                    .text(self.view.text)
                    .split(' ')
                    .any(|w| w.eq_ignore_ascii_case(word))
            })
            .and_then(|m| m.entity)
    }
}
