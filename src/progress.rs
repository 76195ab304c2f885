//! Progress on stderr: a bar when stderr is a terminal, a line every few seconds when
//! `--progress` asks for it elsewhere (a log file should not fill with redraws), else nothing.

use crate::input::Source;
use crate::stats::RunStats;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often the plain progress line is written.
const LOG_EVERY: Duration = Duration::from_secs(5);

/// Where the run is, measured in input bytes whose articles are written against the input's
/// size when it is known (files), in articles when it is not (stdin).
pub struct Progress {
    display: Display,
    total: Option<u64>,
    started: Instant,
}

enum Display {
    Hidden,
    Bar(ProgressBar),
    /// The time of the last line written; the first batch gets one.
    Log(Mutex<Option<Instant>>),
}

/// What progress a run shows on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Nothing.
    Hidden,
    /// A bar, redrawn in place.
    Bar,
    /// A line every few seconds.
    Log,
}

/// Where progress goes. A bar is drawn only when stderr is a terminal that the output does not
/// share: when the output goes to the same terminal, the bar's redraws would mix with the JSON.
pub fn shown(
    stderr_terminal: bool,
    stdout_terminal: bool,
    output_to_file: bool,
    forced: bool,
    quiet: bool,
) -> Shown {
    if quiet {
        Shown::Hidden
    } else if stderr_terminal && (output_to_file || !stdout_terminal) {
        Shown::Bar
    } else if forced {
        Shown::Log
    } else {
        Shown::Hidden
    }
}

impl Progress {
    pub fn new(sources: &[Source], output_to_file: bool, forced: bool, quiet: bool) -> Progress {
        let total = sources
            .iter()
            .map(|s| match &s.path {
                None => None,
                Some(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            })
            .sum::<Option<u64>>();
        let started = Instant::now();
        let display = match shown(
            std::io::stderr().is_terminal(),
            std::io::stdout().is_terminal(),
            output_to_file,
            forced,
            quiet,
        ) {
            Shown::Hidden => Display::Hidden,
            Shown::Bar => Display::Bar(bar(total)),
            Shown::Log => Display::Log(Mutex::new(None)),
        };
        Progress {
            display,
            total,
            started,
        }
    }

    /// Shows the totals so far; called by the writer after each batch, with the input bytes
    /// read up to that batch's end.
    pub fn update(&self, stats: &RunStats, read_to: u64) {
        let elapsed = self.started.elapsed();
        let done = match self.total {
            Some(total) if total > 0 => Some(read_to as f64 / total as f64),
            _ => None,
        };
        match &self.display {
            Display::Hidden => {}
            Display::Bar(bar) => {
                bar.set_message(bar_message(stats, elapsed, done));
                match self.total {
                    Some(_) => bar.set_position(read_to),
                    None => bar.set_position(stats.articles),
                }
            }
            Display::Log(last) => {
                let Ok(mut last) = last.lock() else { return };
                if last.is_some_and(|t| t.elapsed() < LOG_EVERY) {
                    return;
                }
                *last = Some(Instant::now());
                let rate = stats.text_bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-3);
                let part = done
                    .map(|d| format!(" ({:.0}% of the input)", 100.0 * d))
                    .unwrap_or_default();
                eprintln!(
                    "fouille: {}, {}, {rate:.1} MB/s{part}, {:.0} s",
                    plural(stats.articles, "article"),
                    plural(stats.errors, "error"),
                    elapsed.as_secs_f64()
                );
            }
        }
    }

    pub fn finish(&self) {
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
    }
}

/// `1 article`, `2 articles`, `0 articles`.
pub fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// How long the run has gone before an estimate of the time left is shown: the first
/// batches are read while the threads start, and their pace says nothing yet.
const ETA_AFTER: Duration = Duration::from_secs(3);

/// The text after the bar, in columns of fixed width so that the line does not jump as the
/// counts grow; the time left once it means something.
fn bar_message(stats: &RunStats, elapsed: Duration, done: Option<f64>) -> String {
    let seconds = elapsed.as_secs_f64().max(1e-3);
    let rate = stats.text_bytes as f64 / 1e6 / seconds;
    let eta = match done {
        Some(d) if elapsed >= ETA_AFTER && d > 0.0 && d < 1.0 => {
            let left = (seconds * (1.0 - d) / d).round() as u64;
            format!(", {left:>5} s left")
        }
        _ => String::new(),
    };
    format!(
        "{:>9} articles {:>7} errors {rate:>7.1} MB/s{eta}",
        stats.articles, stats.errors
    )
}

fn bar(total: Option<u64>) -> ProgressBar {
    match total {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {percent:>3}% {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_only_on_a_terminal_that_the_output_does_not_share() {
        // stderr terminal, stdout terminal, output to a file, --progress, --quiet
        assert_eq!(shown(true, true, false, false, false), Shown::Hidden);
        assert_eq!(shown(true, true, false, true, false), Shown::Log);
        assert_eq!(shown(true, true, true, false, false), Shown::Bar);
        assert_eq!(shown(true, false, false, false, false), Shown::Bar);
        assert_eq!(shown(false, false, false, false, false), Shown::Hidden);
        assert_eq!(shown(false, true, true, true, false), Shown::Log);
        assert_eq!(shown(true, false, true, false, true), Shown::Hidden);
    }

    #[test]
    fn the_bar_keeps_its_width_and_waits_before_an_eta() {
        let mut stats = RunStats::default();
        let first = bar_message(&stats, Duration::from_millis(10), Some(0.0));
        assert!(!first.contains("left"), "{first}");
        stats.articles = 123_456;
        stats.errors = 12;
        stats.text_bytes = 50_000_000;
        let early = bar_message(&stats, Duration::from_secs(1), Some(0.5));
        assert_eq!(early.chars().count(), first.chars().count());
        assert!(!early.contains("left"), "{early}");
        let later = bar_message(&stats, Duration::from_secs(10), Some(0.5));
        assert!(later.ends_with("   10 s left"), "{later}");
        let last = bar_message(&stats, Duration::from_secs(99), Some(0.999));
        assert_eq!(last.chars().count(), later.chars().count());
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(plural(1, "article"), "1 article");
        assert_eq!(plural(0, "error"), "0 errors");
        assert_eq!(plural(2, "error"), "2 errors");
    }
}
