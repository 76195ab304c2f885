//! The Python module `fouille`: fouille's analysis of French news articles as Python dicts, the
//! same objects as the lines of `fouille extract` (the `fouille/1` contract,
//! `docs/json-contract.md`).
//!
//! ```python
//! import fouille
//!
//! result = fouille.extract(
//!     "Le général de brigade Célestin Simporé a effectué une visite à Kigali en novembre 2023.",
//!     id="seed", date="2023-11-30",
//! )
//! [(m["type"], m["text"]) for m in result["mentions"]]
//!
//! for result in fouille.extract_many({"id": n, "text": t} for n, t in enumerate(texts)):
//!     ...
//! ```
//!
//! Each result is built by the command line's own code: the shared [`fouille_pipeline::Pipeline`]
//! analyses the article and the contract's `Serialize` types write it, not as JSON text but as
//! a tape of serialisation calls, replayed into Python objects: the objects that `json.loads`
//! makes of the command line's line, without the round trip through text. `extract_many`
//! analyses small bounded batches on a rayon pool with the GIL released, a few at once, and
//! turns one batch into Python objects while the pool analyses the next ones; with two threads
//! or more, the calling thread analyses too while it waits (`batch.rs`). The extension is
//! built with maturin (`pip install ./crates/python`) and tested from Python
//! (`crates/python/tests`, run by `scripts/python-tests.sh`).
#![deny(missing_docs)]

mod analyse;
mod batch;
mod record;
mod replay;
mod tape;

use analyse::{analyse, analysed, Item, Meta, Output};
use batch::Batch;
use fouille_pipeline::{Date, OutputOptions};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyString};
use record::{failed, meta_json, parse_line, read_arguments, read_date, read_record};
use replay::Shared;
use std::collections::VecDeque;
use std::sync::Arc;

// As in the command line: huge pages under the large tables (lexicon, automata, word caches)
// of the analysis. It serves only this extension's Rust allocations; Python objects come from
// Python's allocator as always.
#[global_allocator]
static ALLOCATOR: fouille_pipeline::alloc::HugePages = fouille_pipeline::alloc::HugePages;

/// A batch of `extract_many` ends at this many records or this many bytes of text, whichever
/// comes first: enough to keep every thread busy, little enough to keep memory flat.
const BATCH_RECORDS: usize = 64;
const BATCH_BYTES: usize = 4 << 20;
/// Batches on the pool at once. With more than one, a thread that finishes its share of a batch
/// starts on the next instead of waiting for the batch's longest article, and small batches keep
/// short the end of a run, where the last batch is turned into objects with the pool idle.
const IN_FLIGHT: usize = 3;

/// Analyses one article and returns its result as a dict.
///
/// The dict is the object that ``fouille extract`` writes for the same article (the
/// ``fouille/1`` contract): ``id``, ``date``, ``schema``, ``title`` (only when given),
/// ``sentences``, ``mentions``, ``entities``, ``claims`` and ``error`` (None). Offsets ``start``
/// and ``end`` are code point indices: ``text[m["start"]:m["end"]] == m["text"]``.
///
/// Args:
///     text: the article, a str (title and body; paragraphs separated by line breaks).
///     id: its id, a str or a number (written as JSON writes it: 7, 1.5); "" when not given.
///     date: its publication date, "YYYY-MM-DD" (a time after it is accepted) or a
///         datetime.date; relative dates ("hier", "l'an dernier") are resolved against it.
///     title: a title given apart from the text, carried to the result, not analysed.
///     tokens: add every token, ``{start, end, byte_start, byte_end, text}``, under
///         ``tokens`` (as ``fouille extract --tokens``).
///     json: return the result as JSON text (a str, the line ``fouille extract`` writes)
///         instead of a dict.
///
/// Raises:
///     TypeError: ``text`` is not a str, ``id`` not a str or a number, ``date`` not a str or
///         a date, ``title`` not a str.
///     ValueError: the text is empty or blank, or holds lone surrogates; the date is not
///         YYYY-MM-DD or no such day.
///     RuntimeError: fouille failed on this article (a bug: please report it with the text).
///
/// The GIL is released during the analysis.
#[pyfunction]
#[pyo3(signature = (text, *, id=None, date=None, title=None, tokens=false, json=false))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    id: Option<&Bound<'py, PyAny>>,
    date: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    tokens: bool,
    json: bool,
) -> PyResult<Bound<'py, PyAny>> {
    const AT: &str = "fouille.extract";
    let job = read_arguments(text, id, date, title)?;
    let options = OutputOptions {
        tokens,
        ..OutputOptions::default()
    };
    let failed = |what: String| {
        PyRuntimeError::new_err(format!(
            "{AT}: fouille failed on this article ({what}); please report it"
        ))
    };
    if json {
        let line = py
            .detach(|| analysed(&job, None, |a, article| a.to_json_line(article, &options)))
            .map_err(failed)?;
        return Ok(PyString::new(py, &line).into_any());
    }
    let tape = py.detach(|| analyse(&job, &options)).map_err(failed)?;
    tape.to_py(py, None, &mut Shared::default())
}

/// Analyses many articles in parallel; returns an iterator of their results, in input order.
///
/// Each record is a dict (or any mapping) read as ``fouille extract`` reads a JSON line:
/// ``text`` (required), ``id`` (a str or an int; when absent or None, the record's position
/// from 1, as a str), ``date`` ("YYYY-MM-DD" or a datetime.date), ``title`` (a str, carried
/// through); every other key is carried to the result under ``meta``, as the same Python
/// objects. Records are read lazily, by batches of at most 64 records or 4 MB of text, and
/// analysed on ``threads`` threads with the GIL released while the previous batch's results
/// are handed out, so memory stays flat whatever the number of records.
///
/// Every record gives exactly one item, at its place. A record that is not an article gives the
/// contract's error object instead of a result, of the kind the command line gives the same
/// record as a JSON line (the same code checks both): ``{"id": ..., "schema": "fouille/1",
/// "error": {"kind": ..., "message": ...}}`` with kind ``not_an_object`` (not a mapping),
/// ``missing_text`` (no text, or None), ``invalid_text`` (not a str), ``empty_text``,
/// ``invalid_id`` (not a str or a number), ``invalid_date`` (not a str or a date, or not
/// YYYY-MM-DD), ``invalid_utf8`` (lone surrogates) or ``invalid_meta`` (with ``json=True``, a
/// ``meta`` value JSON has no form for); the message names the record by its position
/// ("record 3: the text is empty"). Such records are in real corpora, and one of them must not
/// stop a run over millions. An exception raised by ``records`` itself is raised at its place,
/// after the results of every record before it.
///
/// Args:
///     records: an iterable of dicts.
///     threads: the number of analysis threads (default: every core). With 2 or more, the
///         calling thread is one of them: it analyses records while it waits for a batch, so
///         that no more than ``threads`` threads are busy. Under Spark, which runs one task per
///         core already, pass 1.
///     date: the publication date of records that give none (as ``fouille extract --date``).
///     tokens: add every token to each result (as ``fouille extract --tokens``).
///     json: yield each result as JSON text (a str: the line ``fouille extract`` writes,
///         ``meta`` included) instead of a dict. Building dicts takes the calling thread, which
///         alone may make Python objects, some 40 % of the analysis's own work; JSON text is
///         made by the analysis threads. For writing JSON Lines, or handing them to a tool that
///         parses them itself (``pandas.read_json(lines=True)``, Spark's ``from_json``).
///         ``meta`` values must then be JSON values (str, int, float, bool, None, lists,
///         tuples, dicts).
///
/// Raises:
///     TypeError: ``records`` is not an iterable (or is one dict or one str).
///     ValueError: ``threads`` is less than 1, or ``date`` is not a valid date.
#[pyfunction]
#[pyo3(signature = (records, *, threads=None, date=None, tokens=false, json=false))]
fn extract_many<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    threads: Option<i64>,
    date: Option<&Bound<'py, PyAny>>,
    tokens: bool,
    json: bool,
) -> PyResult<Results> {
    const AT: &str = "fouille.extract_many";
    if records.is_instance_of::<PyDict>() || records.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{AT}: records must be an iterable of dicts, not one {} (for one article, use fouille.extract)",
            records.get_type().name()?
        )));
    }
    let input = records.try_iter().map_err(|_| {
        let name = records
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!(
            "{AT}: records must be an iterable of dicts, not {name}"
        ))
    })?;
    let threads = match threads {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) if n >= 1 => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
        Some(n) => {
            return Err(PyValueError::new_err(format!(
                "{AT}: threads must be 1 or more, not {n}"
            )))
        }
    };
    let default_date = match date.filter(|v| !v.is_none()) {
        Some(v) => Some(read_date(v, AT)?),
        None => None,
    };
    // With two threads or more, the calling thread is one of them (see `batch`).
    let helps = threads >= 2;
    let workers = if helps { threads - 1 } else { threads };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .thread_name(|i| format!("fouille-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("{AT}: cannot start threads: {e}")))?;
    // Built here, with the GIL released, rather than by the first batch.
    py.detach(analyse::pipeline);
    Ok(Results {
        input: Some(input.unbind()),
        read: 0,
        default_date,
        options: OutputOptions {
            tokens,
            ..OutputOptions::default()
        },
        pool: Arc::new(pool),
        helps,
        running: VecDeque::new(),
        ready: VecDeque::new(),
        raise: None,
        shared: Shared::default(),
        json,
    })
}

/// Reads one line of a JSON Lines file as ``fouille extract`` reads it.
///
/// Returns the record as a dict for ``extract_many``: ``id`` (the record's, else
/// ``"<file stem>:<line>"`` as the command line names it), ``text``, ``date`` (when given, as
/// ``YYYY-MM-DD``), ``title`` (when a str) and every other field. Or, when the line is not a
/// record that can be analysed (not UTF-8, not JSON, not an object, no text, a text or an id
/// of the wrong type, an empty text, a bad date), the error object that ``fouille extract``
/// writes at its place, with the same kind and message, naming ``file`` and ``line``:
/// ``{"id": ..., "schema": "fouille/1", "error": {"kind": ..., "message": ..., "source":
/// {"file": ..., "line": ...}}}``. For programs that read JSON Lines themselves (the Spark
/// job does) and want the command line's errors, with the place in the file.
///
/// Args:
///     record: the line, a str or bytes (UTF-8), with or without its line break.
///     file: the file it comes from, for ids and messages ("-" for standard input).
///     line: its line number in the file, from 1.
#[pyfunction]
#[pyo3(signature = (record, *, file="-", line=1))]
fn parse_record<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    file: &str,
    line: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let owned;
    let bytes: &[u8] = if let Ok(b) = record.cast::<pyo3::types::PyBytes>() {
        b.as_bytes()
    } else if let Ok(s) = record.cast::<PyString>() {
        // A str with lone surrogates becomes the bytes they stand for: the original bytes when
        // it was decoded with errors="surrogateescape", else bytes that are not UTF-8, which
        // the command line reports as `invalid_utf8` at the same place.
        owned = match s.to_cow() {
            Ok(c) => c.into_owned().into_bytes(),
            Err(_) => s
                .call_method1("encode", ("utf-8", "surrogateescape"))
                .or_else(|_| s.call_method1("encode", ("utf-8", "surrogatepass")))?
                .extract::<Vec<u8>>()?,
        };
        &owned
    } else {
        return Err(PyTypeError::new_err(format!(
            "fouille.parse_record: the record must be a str or bytes, not {}",
            record.get_type().name()?
        )));
    };
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    parse_line(py, bytes, file, line)
}

/// A batch on the pool, with its records' `meta`, which waits here.
struct Running {
    batch: Arc<Batch>,
    metas: Vec<Option<Py<PyDict>>>,
}

/// The results of ``fouille.extract_many``: an iterator of dicts, in input order.
#[pyclass(module = "fouille")]
struct Results {
    /// The records not read yet; None once exhausted or failed.
    input: Option<Py<PyIterator>>,
    /// How many records were read.
    read: u64,
    default_date: Option<Date>,
    options: OutputOptions,
    pool: Arc<rayon::ThreadPool>,
    /// The calling thread analyses records while it waits for a batch.
    helps: bool,
    /// The batches being analysed, oldest first.
    running: VecDeque<Running>,
    /// Results of the last batch not handed out yet, with their records' meta.
    ready: VecDeque<(Output, Option<Py<PyDict>>)>,
    /// An error to raise once every result before it is handed out.
    raise: Option<PyErr>,
    /// Python objects shared by the results.
    shared: Shared,
    /// Results are JSON text.
    json: bool,
}

impl Results {
    /// Reads the next batch and starts its analysis on the pool; does nothing at the end.
    fn start_batch(&mut self, py: Python<'_>) {
        let Some(input) = &self.input else {
            return;
        };
        let mut input = input.bind(py).clone();
        let mut items: Vec<(Item, u64, Option<Meta>)> = Vec::with_capacity(BATCH_RECORDS);
        let mut metas = Vec::with_capacity(BATCH_RECORDS);
        let mut bytes = 0;
        while items.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
            let record = match input.next() {
                None => {
                    self.input = None;
                    break;
                }
                Some(Err(e)) => Err(e),
                Some(Ok(obj)) => {
                    self.read += 1;
                    let position = self.read;
                    read_record(&obj, position, self.default_date).map(|r| {
                        // JSON text carries `meta` as JSON, made here, where the GIL is held;
                        // a value JSON has no form for fails the record, not the run.
                        match (&r.meta, self.json, &r.item) {
                            (Some(m), true, Item::Job(job)) => match meta_json(m.bind(py)) {
                                Ok(json) => (r, Some(json)),
                                Err(mut e) => {
                                    e.id = Some(job.id.clone());
                                    (failed(e, position), None)
                                }
                            },
                            _ => (r, None),
                        }
                    })
                }
            };
            match record {
                Ok((r, json)) => {
                    if let Item::Job(job) = &r.item {
                        bytes += job.text.len();
                    }
                    items.push((r.item, self.read, json));
                    metas.push(if self.json { None } else { r.meta });
                }
                Err(e) => {
                    self.raise = Some(e);
                    self.input = None;
                    break;
                }
            }
        }
        if items.is_empty() {
            return;
        }
        let batch = Arc::new(Batch::new(items, self.options, self.json));
        for _ in 0..self.pool.current_num_threads() {
            let batch = Arc::clone(&batch);
            self.pool.spawn(move || batch.work());
        }
        self.running.push_back(Running { batch, metas });
    }

    /// Starts batches until `IN_FLIGHT` are on the pool or the records are exhausted.
    fn fill(&mut self, py: Python<'_>) {
        while self.running.len() < IN_FLIGHT && self.input.is_some() {
            self.start_batch(py);
        }
    }
}

#[pymethods]
impl Results {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(mut slf: PyRefMut<'py, Self>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = slf.py();
        let this = &mut *slf;
        loop {
            if let Some((output, meta)) = this.ready.pop_front() {
                return match output {
                    Output::Tape(tape) => {
                        let meta = meta.map(|m| m.into_bound(py));
                        tape.to_py(py, meta.as_ref(), &mut this.shared).map(Some)
                    }
                    Output::Line(line) => Ok(Some(PyString::new(py, &line).into_any())),
                };
            }
            this.fill(py);
            let Some(running) = this.running.pop_front() else {
                return match this.raise.take() {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            };
            let helps = this.helps;
            let results = py.detach(|| {
                if helps {
                    running.batch.work();
                }
                running.batch.results()
            });
            let results: Option<Vec<Output>> = results.into_iter().collect();
            let results = results.ok_or_else(|| {
                PyRuntimeError::new_err("fouille.extract_many: an analysis thread failed")
            })?;
            this.ready = results.into_iter().zip(running.metas).collect();
            // Ctrl-C between batches rather than never.
            py.check_signals()?;
            // The pool analyses the next batches while this one is handed out.
            this.fill(py);
        }
    }
}

/// fouille: who, where, when and what is claimed in French news articles.
///
/// ``extract(text)`` analyses one article; ``extract_many(records)`` many, in parallel. Both
/// give the dicts of the fouille/1 contract, the objects that ``fouille extract`` writes as
/// JSON Lines.
#[pymodule]
#[pyo3(name = "fouille")]
fn fouille_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", fouille_pipeline::SCHEMA)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_record, m)?)?;
    m.add_class::<Results>()?;
    Ok(())
}
