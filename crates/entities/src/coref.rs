//! Gathering mentions into entities: one person however the text names them ("Barack Obama",
//! "Obama", "M. Obama"), one country for its names and nationality ("Burkina Faso",
//! "burkinabè"), one organisation for a name and its acronym.

use crate::doc::Doc;
use crate::entity::{Entity, EntityKind, EntityName};
use crate::gazetteer::Gazetteer;
use crate::mention::{MentionKind, Value};
use crate::words::fold_char;
use fouille_tokenizer::Span;
// Keys are short words: FxHash hashes them several times faster than the default SipHash.
use rustc_hash::FxHashMap as HashMap;

/// A mention before it is final: token range, and what it hangs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Draft {
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub kind: MentionKind,
    pub value: Option<Value>,
    pub sentence: usize,
    /// For persons, ranks and roles: the person (index in the people finder's list).
    pub person: Option<usize>,
    /// For roles: the nationality they state.
    pub nationality: Option<crate::mention::CountryCode>,
    pub entity: Option<usize>,
}

fn folded(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The words of a person's name that identify them: no particles, no initials.
fn name_words<'a>(doc: &Doc<'a>, d: &Draft) -> Vec<&'a str> {
    (d.first..d.end).map(|i| doc.word(i)).collect()
}

/// True when `short` is the end of `long`: "Obama" of "Barack Obama", "de Gaulle" of
/// "Charles de Gaulle".
fn ends_with(long: &[&str], short: &[&str]) -> bool {
    short.len() <= long.len() && long[long.len() - short.len()..] == *short
}

/// Links drafts (sorted in text order) to entities and returns the entities, ordered by first
/// mention.
pub(crate) fn link(doc: &Doc<'_>, drafts: &mut [Draft], gazetteer: &Gazetteer) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    // Person entities: the words of their longest name.
    let mut person_words: Vec<Vec<&str>> = Vec::new();
    let mut person_entity: HashMap<usize, usize> = HashMap::default();
    let mut by_code: HashMap<crate::mention::CountryCode, usize> = HashMap::default();
    let mut by_name: HashMap<(EntityKind, String), usize> = HashMap::default();
    // Person entities by the last word of their name, which any name of theirs shares: a
    // mention compares itself with these only.
    let mut by_last_word: HashMap<&str, Vec<usize>> = HashMap::default();

    for i in 0..drafts.len() {
        let d = drafts[i];
        let entity = match d.kind {
            MentionKind::Person => {
                let words = name_words(doc, &d);
                let last = words.last().copied().unwrap_or_default();
                let same_last = by_last_word.entry(last).or_default();
                let found = same_last.iter().rev().copied().find(|&e| {
                    ends_with(&person_words[e], &words) || ends_with(&words, &person_words[e])
                });
                let e = match found {
                    Some(e) => {
                        if words.len() > person_words[e].len() {
                            person_words[e] = words;
                            entities[e].name = EntityName::Span(d.span);
                        }
                        e
                    }
                    None => {
                        entities.push(Entity::new(EntityKind::Person, EntityName::Span(d.span)));
                        person_words.push(words);
                        same_last.push(entities.len() - 1);
                        entities.len() - 1
                    }
                };
                if let Some(p) = d.person {
                    person_entity.insert(p, e);
                }
                Some(e)
            }
            MentionKind::Country | MentionKind::Nationality => {
                let Some(Value::Country(code)) = d.value else {
                    continue;
                };
                let e = *by_code.entry(code).or_insert_with(|| {
                    let name = gazetteer
                        .country(code)
                        .map_or(EntityName::Span(d.span), |c| EntityName::Canonical(c.name));
                    let mut entity = Entity::new(EntityKind::Country, name);
                    entity.code = Some(code);
                    entities.push(entity);
                    person_words.push(Vec::new());
                    entities.len() - 1
                });
                Some(e)
            }
            MentionKind::Organization | MentionKind::Location => {
                let kind = if d.kind == MentionKind::Organization {
                    EntityKind::Organization
                } else {
                    EntityKind::Location
                };
                let key = (kind, folded(d.span.text(doc.text)));
                // "Action praticiens hôpital (APH)": the acronym in brackets names the same.
                let expands = (kind == EntityKind::Organization
                    && i > 0
                    && doc.word(d.first.wrapping_sub(1)) == "("
                    && drafts[i - 1].kind == MentionKind::Organization
                    && drafts[i - 1].end + 1 == d.first)
                    .then(|| drafts[i - 1].entity)
                    .flatten();
                let e = match (by_name.get(&key), expands) {
                    (Some(&e), _) => e,
                    (None, Some(e)) => e,
                    (None, None) => {
                        entities.push(Entity::new(kind, EntityName::Span(d.span)));
                        person_words.push(Vec::new());
                        entities.len() - 1
                    }
                };
                by_name.insert(key, e);
                Some(e)
            }
            _ => None,
        };
        drafts[i].entity = entity;
    }
    // Ranks and roles belong to their person.
    for d in drafts.iter_mut() {
        if matches!(d.kind, MentionKind::Rank | MentionKind::Role) {
            d.entity = d.person.and_then(|p| person_entity.get(&p).copied());
        }
    }
    for (i, d) in drafts.iter().enumerate() {
        let Some(e) = d.entity else { continue };
        let entity = &mut entities[e];
        entity.mentions.push(i);
        match d.kind {
            MentionKind::Rank if entity.rank.is_none() => entity.rank = Some(d.span),
            MentionKind::Role => {
                let text = d.span.text(doc.text);
                if !entity.roles.iter().any(|r| r.text(doc.text) == text) {
                    entity.roles.push(d.span);
                }
                if entity.nationality.is_none() {
                    entity.nationality = d.nationality;
                }
            }
            MentionKind::Person if entity.nationality.is_none() => {
                entity.nationality = d.nationality
            }
            _ => {}
        }
    }
    order_by_first_mention(drafts, entities)
}

/// Renumbers entities by their first mention.
fn order_by_first_mention(drafts: &mut [Draft], entities: Vec<Entity>) -> Vec<Entity> {
    let mut order: Vec<usize> = Vec::with_capacity(entities.len());
    for d in drafts.iter() {
        if let Some(e) = d.entity {
            if !order.contains(&e) {
                order.push(e);
            }
        }
    }
    let mut new_index = vec![usize::MAX; entities.len()];
    for (n, &e) in order.iter().enumerate() {
        new_index[e] = n;
    }
    for d in drafts.iter_mut() {
        d.entity = d.entity.map(|e| new_index[e]);
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    order.iter().filter_map(|&e| slots[e].take()).collect()
}
