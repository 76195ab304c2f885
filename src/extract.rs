//! `fouille extract`: records in, one JSON line per record out, in input order.

use crate::input::{self, Origin, Record};
use anyhow::{Context, Result};
use fouille_pipeline::json::{ErrorDetail, ErrorJson, SourceJson};
use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
use rayon::prelude::*;
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;

/// What `fouille extract` was asked to do.
pub struct ExtractOptions {
    pub paths: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub date: Option<String>,
    pub json: OutputOptions,
}

/// How a run went.
#[derive(Debug, Default)]
pub struct Summary {
    pub articles: u64,
    pub errors: u64,
}

/// The outcome of one record: its output line and whether it failed.
pub struct Outcome {
    pub line: String,
    pub failed: bool,
}

/// Analyses one record into its output line. Never panics: a panic inside the analysis becomes
/// the record's error line.
pub fn process(pipeline: &Pipeline, record: &Record, options: &OutputOptions) -> Outcome {
    let article = match record {
        Ok(a) => a,
        Err(e) => return failure(e.id.as_deref(), e.kind, &e.message, &e.origin),
    };
    let fail =
        |kind: &str, message: String| failure(Some(&article.id), kind, &message, &article.origin);
    let date = match article.date.as_deref().map(Date::parse) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return fail("invalid_date", format!("{}: {e}", location(article))),
    };
    if article.text.trim().is_empty() {
        return fail(
            "empty_text",
            format!("{}: the text is empty", location(article)),
        );
    }
    let view = Article {
        id: &article.id,
        date,
        title: article.title.as_deref(),
        text: &article.text,
        meta: Some(&article.meta),
    };
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        pipeline.analyze(&view).to_json_line(&view, options)
    }));
    match result {
        Ok(line) => Outcome {
            line,
            failed: false,
        },
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            fail(
                "internal",
                format!(
                    "{}: fouille failed on this article ({what}); please report it",
                    location(article)
                ),
            )
        }
    }
}

fn location(article: &input::Article) -> String {
    match article.origin.line {
        Some(line) => format!("{}:{line}", article.origin.file),
        None => article.origin.file.to_string(),
    }
}

fn failure(id: Option<&str>, kind: &str, message: &str, origin: &Origin) -> Outcome {
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
    }
}

/// Records are analysed in batches: large enough to keep every thread busy, small enough to hold
/// memory flat whatever the corpus size.
const BATCH_RECORDS: usize = 512;
const BATCH_BYTES: usize = 16 << 20;

/// Runs `fouille extract`.
pub fn run(options: &ExtractOptions) -> Result<Summary> {
    let sources = input::sources(&options.paths)?;
    let pipeline = Pipeline::new();
    let mut out: Box<dyn Write> = match &options.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut summary = Summary::default();
    let mut batch: Vec<Record> = Vec::with_capacity(BATCH_RECORDS);
    let mut batch_bytes = 0;
    let records = sources
        .iter()
        .flat_map(|s| input::Reader::open(s, options.date.clone()));
    for record in records {
        batch_bytes += record.as_ref().map_or(0, |a| a.text.len());
        batch.push(record);
        if batch.len() >= BATCH_RECORDS || batch_bytes >= BATCH_BYTES {
            write_batch(&pipeline, &batch, options, &mut out, &mut summary)?;
            batch.clear();
            batch_bytes = 0;
        }
    }
    write_batch(&pipeline, &batch, options, &mut out, &mut summary)?;
    out.flush().context("cannot write the output")?;
    Ok(summary)
}

fn write_batch(
    pipeline: &Pipeline,
    batch: &[Record],
    options: &ExtractOptions,
    out: &mut dyn Write,
    summary: &mut Summary,
) -> Result<()> {
    let outcomes: Vec<Outcome> = batch
        .par_iter()
        .map(|r| process(pipeline, r, &options.json))
        .collect();
    for o in outcomes {
        summary.articles += 1;
        summary.errors += u64::from(o.failed);
        out.write_all(o.line.as_bytes())
            .and_then(|_| out.write_all(b"\n"))
            .context("cannot write the output")?;
    }
    Ok(())
}
