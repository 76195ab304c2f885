//! Precision, recall and F1.

use serde::Serialize;
use std::fmt;

/// Counts of a set comparison: what the system found, what the gold holds, and what both share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Items in the gold.
    pub gold: usize,
    /// Items the system predicted.
    pub predicted: usize,
    /// Items in both.
    pub correct: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The scores, for machine-readable output.
    pub fn scores(&self) -> Scores {
        Scores {
            counts: *self,
            precision: round3(self.precision()),
            recall: round3(self.recall()),
            f1: round3(self.f1()),
        }
    }
}

/// Counts with their precision, recall and F1.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Scores {
    #[serde(flatten)]
    pub counts: Counts,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "gold {:>6}  predicted {:>6}  correct {:>6}  P {:.3}  R {:.3}  F1 {:.3}",
            self.gold,
            self.predicted,
            self.correct,
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

/// Counts the spans two sorted, duplicate-free lists share.
pub fn exact_matches(gold: &[(usize, usize)], predicted: &[(usize, usize)]) -> Counts {
    let (mut i, mut j, mut correct) = (0, 0, 0);
    while i < gold.len() && j < predicted.len() {
        match gold[i].cmp(&predicted[j]) {
            std::cmp::Ordering::Equal => {
                correct += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        correct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_partial_match() {
        let c = exact_matches(&[(0, 2), (3, 5), (6, 8)], &[(0, 2), (3, 6)]);
        assert_eq!((c.gold, c.predicted, c.correct), (3, 2, 1));
        assert!((c.f1() - 0.4).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
