//! What a run did: counts for the summary line on stderr and for `--stats FILE`.

use crate::progress::plural;
use fouille_pipeline::{Analysis, MentionKind};

const KINDS: usize = MentionKind::ALL.len();
use serde::Serialize;
use std::time::Duration;

/// What one article's analysis counted.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArticleCounts {
    /// Mentions by type, in the order of [`MentionKind::ALL`].
    pub mentions: [u64; KINDS],
    pub claims: u64,
    pub text_bytes: u64,
}

/// Totals over a run.
#[derive(Clone, Debug, Default)]
pub struct RunStats {
    pub articles: u64,
    pub errors: u64,
    pub mentions: [u64; KINDS],
    pub claims: u64,
    /// Bytes of article text analysed.
    pub text_bytes: u64,
    /// Bytes of input read (compressed bytes for .gz files).
    pub input_bytes: u64,
    pub elapsed: Duration,
}

impl ArticleCounts {
    /// What an analysis found.
    pub fn of(analysis: &Analysis<'_>, text: &str) -> ArticleCounts {
        let mut counts = ArticleCounts {
            claims: analysis.claims.len() as u64,
            text_bytes: text.len() as u64,
            ..ArticleCounts::default()
        };
        for m in &analysis.recognized.mentions {
            if let Some(i) = MentionKind::ALL.iter().position(|k| *k == m.kind) {
                counts.mentions[i] += 1;
            }
        }
        counts
    }
}

impl RunStats {
    pub fn add(&mut self, failed: bool, counts: Option<&ArticleCounts>) {
        self.articles += 1;
        self.errors += u64::from(failed);
        if let Some(c) = counts {
            for (total, n) in self.mentions.iter_mut().zip(c.mentions) {
                *total += n;
            }
            self.claims += c.claims;
            self.text_bytes += c.text_bytes;
        }
    }

    fn seconds(&self) -> f64 {
        self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Megabytes (10^6 bytes) of article text per second.
    pub fn text_mb_per_second(&self) -> f64 {
        self.text_bytes as f64 / 1e6 / self.seconds()
    }

    /// The one summary line written to stderr at the end of a run.
    pub fn summary_line(&self) -> String {
        let mentions: Vec<String> = MentionKind::ALL
            .iter()
            .zip(self.mentions)
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| format!("{} {n}", t.as_str()))
            .collect();
        format!(
            "fouille: {}, {}; mentions: {}; {}; {:.1} MB of text in {:.2} s ({:.2} MB/s, {:.0} articles/s)",
            plural(self.articles, "article"),
            plural(self.errors, "error"),
            if mentions.is_empty() { "none".to_owned() } else { mentions.join(", ") },
            plural(self.claims, "claim"),
            self.text_bytes as f64 / 1e6,
            self.seconds(),
            self.text_mb_per_second(),
            self.articles as f64 / self.seconds(),
        )
    }

    /// The same as JSON, for `--stats FILE`.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Json<'a> {
            articles: u64,
            errors: u64,
            mentions: std::collections::BTreeMap<&'a str, u64>,
            claims: u64,
            text_bytes: u64,
            input_bytes: u64,
            seconds: f64,
            text_mb_per_second: f64,
            articles_per_second: f64,
        }
        let json = Json {
            articles: self.articles,
            errors: self.errors,
            mentions: MentionKind::ALL
                .iter()
                .map(|k| k.as_str())
                .zip(self.mentions)
                .collect(),
            claims: self.claims,
            text_bytes: self.text_bytes,
            input_bytes: self.input_bytes,
            seconds: self.seconds(),
            text_mb_per_second: self.text_mb_per_second(),
            articles_per_second: self.articles as f64 / self.seconds(),
        };
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }
}
