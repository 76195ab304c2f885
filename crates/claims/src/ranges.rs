//! Lookups over token ranges that stay cheap on long documents: a claim, a quotation or an
//! attribution asks about its neighbourhood, never scans the whole document.

use std::ops::Range;

/// The index of the range of `sorted` (contiguous ranges in text order, as sentences are) that
/// holds `token`.
pub(crate) fn containing(sorted: &[Range<usize>], token: usize) -> Option<usize> {
    let i = sorted.partition_point(|s| s.end <= token);
    sorted.get(i).filter(|s| s.contains(&token)).map(|_| i)
}

/// Ranges sorted by start, each with the furthest end of the ranges up to it: answers "does
/// any range start by here and reach that far" by binary search.
pub(crate) struct Reach {
    starts: Vec<usize>,
    furthest: Vec<usize>,
}

impl Reach {
    pub fn new(ranges: impl Iterator<Item = Range<usize>>) -> Reach {
        let mut ranges: Vec<Range<usize>> = ranges.collect();
        ranges.sort_by_key(|r| r.start);
        let mut furthest = Vec::with_capacity(ranges.len());
        let mut max = 0;
        for r in &ranges {
            max = max.max(r.end);
            furthest.push(max);
        }
        Reach {
            starts: ranges.iter().map(|r| r.start).collect(),
            furthest,
        }
    }

    /// The furthest end of the ranges that start at or before `at`.
    pub fn furthest_from(&self, at: usize) -> Option<usize> {
        let n = self.starts.partition_point(|&s| s <= at);
        n.checked_sub(1).map(|i| self.furthest[i])
    }

    /// Whether any range overlaps `r`.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        r.end > 0
            && self
                .furthest_from(r.end - 1)
                .is_some_and(|end| end > r.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containing_finds_the_sentence() {
        let sentences = [0..3, 3..7, 7..8];
        assert_eq!(containing(&sentences, 0), Some(0));
        assert_eq!(containing(&sentences, 6), Some(1));
        assert_eq!(containing(&sentences, 7), Some(2));
        assert_eq!(containing(&sentences, 8), None);
    }

    #[test]
    fn reach_answers_as_a_scan_would() {
        let ranges = [5..9, 0..2, 12..20, 3..4];
        let reach = Reach::new(ranges.iter().cloned());
        for a in 0..25 {
            for b in a..25 {
                let r = a..b;
                let scan = ranges.iter().any(|x| x.start < r.end && r.start < x.end);
                assert_eq!(reach.overlaps(&r), scan, "{r:?}");
                let inside = ranges.iter().any(|x| x.start <= a && b <= x.end + 1);
                let fast = reach.furthest_from(a).is_some_and(|end| b <= end + 1);
                assert_eq!(fast, inside, "{r:?}");
            }
        }
    }
}
