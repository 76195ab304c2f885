//! One record in, one result out: the same code and the same objects as `fouille extract`.

use crate::tape::Tape;
use fouille_pipeline::json::{ErrorDetail, ErrorJson};
use fouille_pipeline::{Analysis, Article, Date, ErrorKind, OutputOptions, Pipeline};
use std::panic::{self, AssertUnwindSafe};
use std::sync::OnceLock;

/// The engine, built once per process on first use and shared by every call and thread.
static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

/// The shared pipeline. Building it takes a fraction of a second: callers hold no GIL here.
pub fn pipeline() -> &'static Pipeline {
    PIPELINE.get_or_init(Pipeline::new)
}

/// An article ready for analysis: every field checked and owned, so that it can cross threads.
#[derive(Debug)]
pub struct Job {
    /// The article's id.
    pub id: String,
    /// Its publication date.
    pub date: Option<Date>,
    /// Its title, carried through.
    pub title: Option<String>,
    /// The text, neither empty nor blank.
    pub text: String,
}

/// A record as the workers see it: an article, or the error line that takes its place.
#[derive(Debug)]
pub enum Item {
    /// An article to analyse.
    Job(Job),
    /// A record that cannot be analysed, with its error kind (from the contract) and message.
    Failed {
        /// The record's id.
        id: String,
        /// What is wrong.
        kind: ErrorKind,
        /// What went wrong, naming the record.
        message: String,
    },
}

/// The fields a record has beyond those fouille reads, as JSON, for results given as JSON text.
pub type Meta = serde_json::Map<String, serde_json::Value>;

/// A record's result, as the worker thread makes it.
#[derive(Debug)]
pub enum Output {
    /// To be replayed into Python objects, with the GIL.
    Tape(Tape),
    /// The JSON text of the result: the line `fouille extract` writes, without its line break.
    Line(String),
}

impl Item {
    /// The record's result: the analysis, or the error object at its place (`internal` when
    /// the analysis panicked, which is a bug in fouille).
    pub fn to_tape(&self, record: u64, options: &OutputOptions) -> Tape {
        match self {
            Item::Job(job) => analyse(job, options).unwrap_or_else(|what| {
                error(&job.id, ErrorKind::Internal, &panicked(record, &what))
            }),
            Item::Failed { id, kind, message } => error(id, *kind, message),
        }
    }

    /// The record's result as JSON text, `meta` included as the command line writes it.
    pub fn to_line(&self, record: u64, options: &OutputOptions, meta: Option<&Meta>) -> String {
        match self {
            Item::Job(job) => analysed(job, meta, |analysis, article| {
                analysis.to_json_line(article, options)
            })
            .unwrap_or_else(|what| {
                error_line(&job.id, ErrorKind::Internal, &panicked(record, &what))
            }),
            Item::Failed { id, kind, message } => error_line(id, *kind, message),
        }
    }
}

fn panicked(record: u64, what: &str) -> String {
    format!("record {record}: fouille failed on this article ({what}); please report it")
}

/// Analyses the article and gives the analysis to `then`, catching a panic of either. `Err`
/// holds the message of a panic.
pub fn analysed<T>(
    job: &Job,
    meta: Option<&Meta>,
    then: impl FnOnce(&Analysis<'_>, &Article<'_>) -> T,
) -> Result<T, String> {
    let article = Article {
        id: &job.id,
        date: job.date,
        title: job.title.as_deref(),
        text: &job.text,
        meta,
    };
    panic::catch_unwind(AssertUnwindSafe(|| {
        let analysis = pipeline().analyze(&article);
        then(&analysis, &article)
    }))
    .map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned())
    })
}

/// The result of one article, recorded from the object that `fouille extract` serialises into
/// its line, without `meta` (the Python side carries its own objects there). `Err` holds the
/// message of a panic.
pub fn analyse(job: &Job, options: &OutputOptions) -> Result<Tape, String> {
    analysed(job, None, |analysis, article| {
        Tape::record(&analysis.to_json(article, options))
    })?
    .map_err(|e| e.to_string())
}

/// An error object of the contract. It has no `source`: records given from Python come from no
/// file; the message names the record by its position instead.
fn error_json<'a>(id: &'a str, kind: ErrorKind, message: &'a str) -> ErrorJson<'a> {
    ErrorJson::new(
        Some(id),
        ErrorDetail {
            kind,
            message,
            source: None,
        },
    )
}

/// An error object, recorded.
pub fn error(id: &str, kind: ErrorKind, message: &str) -> Tape {
    // Strings and an optional string cannot fail to serialise.
    Tape::record(&error_json(id, kind, message)).unwrap_or_default()
}

/// An error object, as JSON text.
pub fn error_line(id: &str, kind: ErrorKind, message: &str) -> String {
    error_json(id, kind, message).to_json_line()
}
