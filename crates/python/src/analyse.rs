//! One record in, one result out: the same code and the same objects as `fouille extract`.

use crate::tape::Tape;
use fouille_pipeline::json::{ErrorDetail, ErrorJson};
use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
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
        /// One of the contract's error kinds.
        kind: &'static str,
        /// What went wrong, naming the record.
        message: String,
    },
}

impl Item {
    /// The record's result: the analysis, or the error object at its place (`internal` when
    /// the analysis panicked, which is a bug in fouille).
    pub fn to_tape(&self, record: u64, options: &OutputOptions) -> Tape {
        match self {
            Item::Job(job) => analyse(job, options).unwrap_or_else(|what| {
                error(
                    &job.id,
                    "internal",
                    &format!("record {record}: fouille failed on this article ({what}); please report it"),
                )
            }),
            Item::Failed { id, kind, message } => error(id, kind, message),
        }
    }
}

/// The result of one article, recorded from the object that `fouille extract` serialises into
/// its line, without `meta` (the Python side carries its own objects there). `Err` holds the
/// message of a panic.
pub fn analyse(job: &Job, options: &OutputOptions) -> Result<Tape, String> {
    let article = Article {
        id: &job.id,
        date: job.date,
        title: job.title.as_deref(),
        text: &job.text,
        meta: None,
    };
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let analysis = pipeline().analyze(&article);
        Tape::record(&analysis.to_json(&article, options))
    }));
    match result {
        Ok(Ok(tape)) => Ok(tape),
        Ok(Err(e)) => Err(e.to_string()),
        Err(payload) => Err(payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned())),
    }
}

/// An error object of the contract. It has no `source`: records given from Python come from no
/// file; the message names the record by its position instead.
pub fn error(id: &str, kind: &str, message: &str) -> Tape {
    let json = ErrorJson::new(
        Some(id),
        ErrorDetail {
            kind,
            message,
            source: None,
        },
    );
    // Strings and an optional string cannot fail to serialise.
    Tape::record(&json).unwrap_or_default()
}
