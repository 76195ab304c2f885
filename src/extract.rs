//! `fouille extract`: records in, one JSON line per record out, in input order.

use crate::input::{self, Origin, ReadOptions, Record, Source};
use crate::output::{OutputFile, Pending};
use crate::progress::Progress;
use crate::stats::{ArticleCounts, RunStats};
use anyhow::{Context, Result};
use fouille_pipeline::json::{ErrorDetail, ErrorJson, SourceJson};
use fouille_pipeline::{Article, Date, ErrorKind, OutputOptions, Pipeline};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Arc;
use std::time::Instant;

/// What `fouille extract` was asked to do.
pub struct ExtractOptions {
    pub paths: Vec<PathBuf>,
    /// The output file; standard output when `None` or "-".
    pub output: Option<PathBuf>,
    /// Where to write the run's counts as JSON.
    pub stats: Option<PathBuf>,
    pub date: Option<Date>,
    pub json: OutputOptions,
    /// Analysis threads; all cores when `None`.
    pub threads: Option<usize>,
    /// The largest record read; see [`ReadOptions::max_bytes`].
    pub max_bytes: u64,
    /// Show progress even when stderr is not a terminal.
    pub progress: bool,
    /// Show no progress at all.
    pub quiet: bool,
}

/// The outcome of one record: its output line, whether it failed, what it counted.
pub struct Outcome {
    pub line: String,
    pub failed: bool,
    pub counts: Option<ArticleCounts>,
}

/// Analyses one record into its output line. Never panics: a panic inside the analysis becomes
/// the record's error line.
pub fn process(pipeline: &Pipeline, record: &Record, options: &OutputOptions) -> Outcome {
    let article = match record {
        Ok(a) => a,
        Err(e) => return failure(e.id.as_deref(), e.kind, &e.message, &e.origin),
    };
    let view = Article {
        id: &article.id,
        date: article.date,
        title: article.title.as_deref(),
        text: &article.text,
        meta: Some(&article.meta),
    };
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        fail_on_request(article);
        let analysis = pipeline.analyze(&view);
        let counts = ArticleCounts::of(&analysis, view.text);
        (analysis.to_json_line(&view, options), counts)
    }));
    match result {
        Ok((line, counts)) => Outcome {
            line,
            failed: false,
            counts: Some(counts),
        },
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            let message = format!(
                "{}: fouille failed on this article ({what}); please report it",
                article.origin.location()
            );
            failure(
                Some(&article.id),
                ErrorKind::Internal,
                &message,
                &article.origin,
            )
        }
    }
}

/// Test builds panic on the article whose id `FOUILLE_PANIC_ON` names, so that tests can check
/// that a panic becomes that article's error line and the run goes on.
#[cfg(debug_assertions)]
fn fail_on_request(article: &input::Article) {
    if std::env::var_os("FOUILLE_PANIC_ON").is_some_and(|id| id == article.id.as_str()) {
        panic!("FOUILLE_PANIC_ON={}", article.id);
    }
}

#[cfg(not(debug_assertions))]
fn fail_on_request(_: &input::Article) {}

fn failure(id: Option<&str>, kind: ErrorKind, message: &str, origin: &Origin) -> Outcome {
    let json = ErrorJson::new(
        id,
        ErrorDetail {
            kind,
            message,
            source: Some(SourceJson {
                file: &origin.file,
                line: origin.line,
            }),
        },
    );
    Outcome {
        line: json.to_json_line(),
        failed: true,
        counts: None,
    }
}

/// Records are analysed in batches: large enough to keep every thread busy, small enough to hold
/// memory flat whatever the corpus size (a batch's text, its output lines, and two batches
/// queued on each side of the analysis).
const BATCH_RECORDS: usize = 256;
const BATCH_BYTES: usize = 4 << 20;
/// Batches waiting between reader and analysis, and between analysis and writer.
const QUEUED_BATCHES: usize = 2;

/// Runs `fouille extract`: a reader thread streams records into batches, the rayon pool analyses
/// each batch in parallel, a writer thread writes the lines in input order; the three overlap.
pub fn run(options: &ExtractOptions) -> Result<RunStats> {
    let started = Instant::now();
    let found = input::sources(&options.paths)?;
    let sources = &found.sources;
    // Every output is checked, and opened, before anything is read.
    let to_file = options.output.as_ref().filter(|p| p.as_os_str() != "-");
    let output = to_file
        .map(|p| OutputFile::create(p, sources, "the output"))
        .transpose()?;
    let stats_file = options
        .stats
        .as_ref()
        .map(|p| OutputFile::create(p, sources, "the stats"))
        .transpose()?;
    if !options.quiet {
        if let Some(note) = found.skipped_note() {
            eprintln!("{note}");
        }
    }
    let (out, pending): (Box<dyn Write + Send>, Option<Pending>) = match output {
        Some(o) => (
            Box::new(BufWriter::with_capacity(1 << 16, o.file)),
            Some(o.pending),
        ),
        None => (
            Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout())),
            None,
        ),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .thread_name(|i| format!("fouille-{i}"))
        .build()
        .context("cannot start the analysis threads")?;
    let read = ReadOptions {
        default_date: options.date,
        max_bytes: options.max_bytes,
        consumed: Arc::new(AtomicU64::new(0)),
    };
    let progress = Progress::new(sources, to_file.is_some(), options.progress, options.quiet);
    let pipeline = Pipeline::new();

    let (batches, to_analyse) = mpsc::sync_channel::<(Vec<Record>, u64)>(QUEUED_BATCHES);
    let (results, to_write) = mpsc::sync_channel::<(Vec<Outcome>, u64)>(QUEUED_BATCHES);
    let mut stats = std::thread::scope(|scope| {
        let reader = scope.spawn(|| read_batches(sources, &read, batches));
        let writer = scope.spawn(|| write_lines(out, to_write, &progress));
        for (batch, read_to) in to_analyse {
            let outcomes: Vec<Outcome> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|r| process(&pipeline, r, &options.json))
                    .collect()
            });
            drop(batch);
            if results.send((outcomes, read_to)).is_err() {
                // The writer stopped on an error; it reports it below.
                break;
            }
        }
        drop(results);
        let stats = writer
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        // The reader ends on its own once the analysis stops taking batches.
        let _ = reader.join();
        stats
    })?;
    progress.finish();
    stats.input_bytes = read.consumed.load(Ordering::Relaxed);
    stats.elapsed = started.elapsed();
    if let Some(pending) = pending {
        pending.commit()?;
    }
    if let Some(mut file) = stats_file {
        file.file
            .write_all((stats.to_json() + "\n").as_bytes())
            .context("cannot write the stats")?;
        file.pending.commit()?;
    }
    Ok(stats)
}

/// Sends batches of records, each with the input bytes read when it was complete: the progress
/// shown once it is written.
fn read_batches(
    sources: &[Source],
    options: &ReadOptions,
    batches: SyncSender<(Vec<Record>, u64)>,
) {
    let mut batch: Vec<Record> = Vec::with_capacity(BATCH_RECORDS);
    let mut batch_bytes = 0;
    for record in sources.iter().flat_map(|s| input::Reader::open(s, options)) {
        batch_bytes += record.as_ref().map_or(0, |a| a.text.len());
        batch.push(record);
        if batch.len() >= BATCH_RECORDS || batch_bytes >= BATCH_BYTES {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH_RECORDS));
            batch_bytes = 0;
            let read_to = options.consumed.load(Ordering::Relaxed);
            if batches.send((full, read_to)).is_err() {
                return;
            }
        }
    }
    if !batch.is_empty() {
        let _ = batches.send((batch, options.consumed.load(Ordering::Relaxed)));
    }
}

fn write_lines(
    mut out: Box<dyn Write + Send>,
    batches: Receiver<(Vec<Outcome>, u64)>,
    progress: &Progress,
) -> Result<RunStats> {
    let mut stats = RunStats::default();
    for (batch, read_to) in batches {
        for o in batch {
            stats.add(o.failed, o.counts.as_ref());
            out.write_all(o.line.as_bytes())
                .and_then(|_| out.write_all(b"\n"))
                .map_err(OutputError)?;
        }
        progress.update(&stats, read_to);
    }
    out.flush().map_err(OutputError)?;
    Ok(stats)
}

/// The output could not be written: the run stops. A closed pipe (`fouille extract | head`) is
/// the reader's choice, not a failure; `main` ends quietly on it.
#[derive(Debug)]
pub struct OutputError(pub std::io::Error);

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the output: {}", self.0)
    }
}

impl std::error::Error for OutputError {}
