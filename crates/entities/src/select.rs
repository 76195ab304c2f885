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
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        // A sure short name beats a weak long one: "M. Hollande" over a run of capitals.
        let overlapping: Vec<usize> = kept
            .iter()
            .enumerate()
            .filter(|(_, k)| k.first < c.end && c.first < k.end)
            .map(|(i, _)| i)
            .collect();
        if overlapping.is_empty() {
            kept.push(c);
        } else if overlapping.iter().all(|&i| kept[i].score + 2 <= c.score) {
            for &i in overlapping.iter().rev() {
                kept.remove(i);
            }
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| (c.first, c.end));
    kept
}

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
