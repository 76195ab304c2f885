//! Choosing among overlapping candidates: a span of text names one thing.

use crate::mention::{MentionKind, Value};

/// Where a candidate came from, to find what hangs on it afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A person found by the people finder: its index there.
    Person(usize),
    /// Anything else.
    Other,
}

/// A candidate mention of the exclusive layer (persons, countries, organisations, places,
/// demonyms): at most one of them covers any token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub first: usize,
    pub end: usize,
    pub kind: MentionKind,
    pub value: Option<Value>,
    /// How sure its finder is, from 1 (capitals only) to 5 (announced by a rank or a role).
    pub score: u8,
    pub origin: Origin,
}

/// Keeps the candidates that do not overlap a better one: longer first, then surer, then
/// earlier. Returns them in text order.
pub(crate) fn select(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        (b.end - b.first)
            .cmp(&(a.end - a.first))
            .then(b.score.cmp(&a.score))
            .then(a.first.cmp(&b.first))
    });
    // Which kept candidate covers each token: a candidate checks its own tokens only, so that
    // selection stays linear in the article's length.
    let tokens = candidates.iter().map(|c| c.end).max().unwrap_or(0);
    let mut owner: Vec<u32> = vec![FREE; tokens];
    let mut kept: Vec<Option<Candidate>> = Vec::with_capacity(candidates.len());
    let mut overlapping: Vec<u32> = Vec::new();
    for c in candidates {
        overlapping.clear();
        for &o in &owner[c.first.min(c.end)..c.end] {
            if o != FREE && !overlapping.contains(&o) {
                overlapping.push(o);
            }
        }
        // A sure short name beats a weak long one: "M. Hollande" over a run of capitals.
        let beats_all = overlapping
            .iter()
            .all(|&o| kept[o as usize].is_some_and(|k| k.score + 2 <= c.score));
        if !beats_all {
            continue;
        }
        for &o in &overlapping {
            if let Some(k) = kept[o as usize].take() {
                owner[k.first..k.end].fill(FREE);
            }
        }
        let slot = kept.len() as u32;
        owner[c.first.min(c.end)..c.end].fill(slot);
        kept.push(Some(c));
    }
    let mut kept: Vec<Candidate> = kept.into_iter().flatten().collect();
    kept.sort_by_key(|c| (c.first, c.end));
    kept
}

const FREE: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use super::*;

    fn c(first: usize, end: usize, kind: MentionKind, score: u8) -> Candidate {
        Candidate {
            first,
            end,
            kind,
            value: None,
            score,
            origin: Origin::Other,
        }
    }

    #[test]
    fn longer_wins_then_surer() {
        let kept = select(vec![
            c(0, 1, MentionKind::Country, 4),
            c(0, 3, MentionKind::Organization, 3),
            c(5, 6, MentionKind::Location, 2),
            c(5, 6, MentionKind::Person, 5),
        ]);
        let kinds: Vec<MentionKind> = kept.iter().map(|k| k.kind).collect();
        assert_eq!(kinds, [MentionKind::Organization, MentionKind::Person]);
    }

    #[test]
    fn a_sure_name_beats_weak_capitals() {
        let kept = select(vec![
            c(0, 3, MentionKind::Person, 1),
            c(1, 2, MentionKind::Person, 5),
        ]);
        assert_eq!((kept[0].first, kept[0].end), (1, 2));
    }
}
