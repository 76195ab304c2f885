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

impl Progress {
    pub fn new(sources: &[Source], forced: bool, quiet: bool) -> Progress {
        let total = sources
            .iter()
            .map(|s| match s {
                Source::Stdin => None,
                Source::Text(p) | Source::JsonLines(p) | Source::GzJsonLines(p) => {
                    std::fs::metadata(p).ok().map(|m| m.len())
                }
            })
            .sum::<Option<u64>>();
        let started = Instant::now();
        let display = if quiet {
            Display::Hidden
        } else if std::io::stderr().is_terminal() {
            Display::Bar(bar(total))
        } else if forced {
            Display::Log(Mutex::new(None))
        } else {
            Display::Hidden
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
        let rate = stats.text_bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-3);
        let message = format!(
            "{} articles, {} errors, {rate:.1} MB/s",
            stats.articles, stats.errors
        );
        match &self.display {
            Display::Hidden => {}
            Display::Bar(bar) => {
                bar.set_message(message);
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
                let done = match self.total {
                    Some(total) if total > 0 => {
                        format!(
                            " ({:.0}% of the input)",
                            100.0 * read_to as f64 / total as f64
                        )
                    }
                    _ => String::new(),
                };
                eprintln!("fouille: {message}{done}, {:.0} s", elapsed.as_secs_f64());
            }
        }
    }

    pub fn finish(&self) {
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
    }
}

fn bar(total: Option<u64>) -> ProgressBar {
    match total {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {percent:>3}% {msg}, ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    }
}
