//! Reading articles: `.txt` files, JSON Lines (plain or gzipped), directories and stdin.
//!
//! Every record the input holds becomes exactly one [`Record`]: an article to analyse, or an
//! error saying which file and line it came from. Nothing is dropped silently.

use anyhow::{bail, Context, Result};
use flate2::read::MultiGzDecoder;
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Where a record came from.
#[derive(Clone, Debug)]
pub struct Origin {
    /// The file, or "-" for standard input.
    pub file: Arc<str>,
    /// The line in the file (1-based), for JSON Lines.
    pub line: Option<u64>,
}

/// An article read from the input, not analysed yet.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    /// The publication date as written in the input; checked before analysis.
    pub date: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// Input fields fouille does not use.
    pub meta: Map<String, Value>,
    pub origin: Origin,
}

/// A record that could not be read as an article.
#[derive(Clone, Debug)]
pub struct RecordError {
    pub id: Option<String>,
    pub kind: &'static str,
    pub message: String,
    pub origin: Origin,
}

/// One input record.
pub type Record = std::result::Result<Article, RecordError>;

/// One input source, as named on the command line or found in a directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input, as JSON Lines.
    Stdin,
    /// A text file: one article.
    Text(PathBuf),
    /// A JSON Lines file: one article per line.
    JsonLines(PathBuf),
    /// A gzipped JSON Lines file.
    GzJsonLines(PathBuf),
}

impl Source {
    /// The kind of source a file is, by its name; `None` for files a directory walk skips.
    fn of_file(path: &Path) -> Option<Source> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") {
            Some(Source::GzJsonLines(path.to_owned()))
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(Source::JsonLines(path.to_owned()))
        } else if name.ends_with(".txt") {
            Some(Source::Text(path.to_owned()))
        } else {
            None
        }
    }
}

/// Resolves the command line's paths into sources, walking directories in name order. Fails
/// before any work when a path does not exist or a directory holds no article.
pub fn sources(paths: &[PathBuf]) -> Result<Vec<Source>> {
    if paths.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta =
            std::fs::metadata(path).with_context(|| format!("{}: cannot read", path.display()))?;
        if meta.is_dir() {
            let before = out.len();
            walk(path, &mut out)?;
            if out.len() == before {
                bail!(
                    "{}: no articles in this directory (looked for .txt, .jsonl, .jsonl.gz, .ndjson files)",
                    path.display()
                );
            }
        } else {
            // A file named on the command line is read whatever its extension: as JSON Lines
            // when its name says so, else as the text of one article.
            out.push(Source::of_file(path).unwrap_or_else(|| Source::Text(path.clone())));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list directory", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()
        .with_context(|| format!("{}: cannot list directory", dir.display()))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if let Some(source) = Source::of_file(&path) {
            out.push(source);
        }
    }
    Ok(())
}

/// How records are read, the same for every source of a run.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Publication date for articles that have none.
    pub default_date: Option<String>,
    /// The largest record (a JSON line or a text file) read, in bytes; larger ones become
    /// `too_large` errors without being held in memory.
    pub max_bytes: u64,
    /// Bytes read from the files so far (compressed bytes for .gz files), for progress.
    pub consumed: Arc<AtomicU64>,
}

/// A stream of records from one source.
pub struct Reader {
    file: Arc<str>,
    stem: String,
    kind: ReaderKind,
    line: u64,
    done: bool,
    options: ReadOptions,
}

enum ReaderKind {
    Text(PathBuf),
    Lines(Box<dyn BufRead + Send>),
}

impl Reader {
    /// Opens a source. Opening errors (permissions, a vanished file) become one error record, so
    /// that the run goes on with the next source.
    pub fn open(source: &Source, options: &ReadOptions) -> Reader {
        let counted = |f: File| Counted {
            inner: f,
            consumed: options.consumed.clone(),
        };
        let (file, kind): (Arc<str>, Result<ReaderKind>) = match source {
            Source::Stdin => (
                Arc::from("-"),
                Ok(ReaderKind::Lines(Box::new(BufReader::new(io::stdin())))),
            ),
            Source::Text(p) => (
                Arc::from(p.display().to_string()),
                Ok(ReaderKind::Text(p.clone())),
            ),
            Source::JsonLines(p) => (
                Arc::from(p.display().to_string()),
                File::open(p)
                    .map(|f| {
                        let f = counted(f);
                        ReaderKind::Lines(Box::new(BufReader::with_capacity(1 << 16, f)))
                    })
                    .map_err(Into::into),
            ),
            Source::GzJsonLines(p) => (
                Arc::from(p.display().to_string()),
                File::open(p)
                    .map(|f| {
                        let f = counted(f);
                        let gz = MultiGzDecoder::new(BufReader::with_capacity(1 << 16, f));
                        ReaderKind::Lines(Box::new(BufReader::with_capacity(1 << 16, gz)))
                    })
                    .map_err(Into::into),
            ),
        };
        let stem = match source {
            Source::Stdin => "stdin".to_owned(),
            Source::Text(p) | Source::JsonLines(p) | Source::GzJsonLines(p) => file_stem(p),
        };
        match kind {
            Ok(kind) => Reader {
                file,
                stem,
                kind,
                line: 0,
                done: false,
                options: options.clone(),
            },
            Err(e) => Reader {
                file: file.clone(),
                stem,
                kind: ReaderKind::Lines(Box::new(FailingReader(Some(e.to_string())))),
                line: 0,
                done: false,
                options: options.clone(),
            },
        }
    }

    fn origin(&self, line: Option<u64>) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }

    fn error(
        &self,
        id: Option<String>,
        kind: &'static str,
        message: String,
        line: Option<u64>,
    ) -> Record {
        Err(RecordError {
            id,
            kind,
            message,
            origin: self.origin(line),
        })
    }

    fn read_text(&mut self, path: &Path) -> Record {
        let id = Some(self.stem.clone());
        let max = self.options.max_bytes;
        let read = File::open(path).and_then(|f| {
            let mut bytes = Vec::new();
            // One byte more than allowed tells a file too large without reading all of it.
            f.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
            Ok(bytes)
        });
        let bytes = match read {
            Ok(b) => b,
            Err(e) => return self.error(id, "read_error", format!("{}: {e}", self.file), None),
        };
        self.options
            .consumed
            .fetch_add(bytes.len() as u64, Ordering::Relaxed);
        if bytes.len() as u64 > max {
            let message = format!(
                "{}: the article is larger than --max-bytes ({max} bytes)",
                self.file
            );
            return self.error(id, "too_large", message, None);
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Article {
                id: self.stem.clone(),
                date: self.options.default_date.clone(),
                title: None,
                text,
                meta: Map::new(),
                origin: self.origin(None),
            }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.as_bytes();
                let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64;
                self.error(
                    id,
                    "invalid_utf8",
                    format!("{}:{line}: invalid UTF-8 at byte {at}", self.file),
                    Some(line),
                )
            }
        }
    }

    fn parse_line(&self, bytes: &[u8], line: u64) -> Record {
        let fallback_id = || Some(format!("{}:{line}", self.stem));
        let where_ = format!("{}:{line}", self.file);
        let Ok(s) = std::str::from_utf8(bytes) else {
            let at = std::str::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            return self.error(
                fallback_id(),
                "invalid_utf8",
                format!("{where_}: invalid UTF-8 at byte {at} of the line"),
                Some(line),
            );
        };
        let value: Value = match serde_json::from_str(s) {
            Ok(v) => v,
            Err(e) => {
                return self.error(
                    fallback_id(),
                    "invalid_json",
                    format!("{where_}: not JSON: {e}"),
                    Some(line),
                )
            }
        };
        let Value::Object(mut map) = value else {
            return self.error(
                fallback_id(),
                "not_an_object",
                format!(
                    "{where_}: expected a JSON object with a \"text\" field, found {}",
                    json_type(&value)
                ),
                Some(line),
            );
        };
        let id = match map.remove("id") {
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Null) | None => format!("{}:{line}", self.stem),
            Some(other) => {
                return self.error(
                    fallback_id(),
                    "invalid_id",
                    format!(
                        "{where_}: \"id\" must be a string or a number, found {}",
                        json_type(&other)
                    ),
                    Some(line),
                )
            }
        };
        let text = match map.remove("text") {
            Some(Value::String(s)) => s,
            None => {
                return self.error(
                    Some(id),
                    "missing_text",
                    format!("{where_}: no \"text\" field"),
                    Some(line),
                )
            }
            Some(other) => {
                return self.error(
                    Some(id),
                    "invalid_text",
                    format!(
                        "{where_}: \"text\" must be a string, found {}",
                        json_type(&other)
                    ),
                    Some(line),
                )
            }
        };
        let date = match map.remove("date") {
            Some(Value::String(s)) => Some(s),
            Some(Value::Null) | None => self.options.default_date.clone(),
            Some(other) => {
                return self.error(
                    Some(id),
                    "invalid_date",
                    format!(
                        "{where_}: \"date\" must be a string YYYY-MM-DD, found {}",
                        json_type(&other)
                    ),
                    Some(line),
                )
            }
        };
        let title = match map.remove("title") {
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                // Keep an odd title where the user can see it rather than failing the article.
                map.insert("title".to_owned(), other);
                None
            }
            None => None,
        };
        Ok(Article {
            id,
            date,
            title,
            text,
            meta: map,
            origin: self.origin(Some(line)),
        })
    }
}

fn file_stem(p: &Path) -> String {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for ext in [".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".txt"] {
        if name.to_lowercase().ends_with(ext) {
            return name[..name.len() - ext.len()].to_owned();
        }
    }
    p.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(name)
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        let mut buf = Vec::new();
        loop {
            let reader = match &mut self.kind {
                ReaderKind::Text(path) => {
                    let path = path.clone();
                    self.done = true;
                    return Some(self.read_text(&path));
                }
                ReaderKind::Lines(r) => r,
            };
            buf.clear();
            match read_line(reader, &mut buf, self.options.max_bytes) {
                Ok(Line::End) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong(n)) => {
                    self.line += 1;
                    let line = self.line;
                    let max = self.options.max_bytes;
                    let message = format!(
                        "{}:{line}: the line has {n} bytes, more than --max-bytes ({max} bytes)",
                        self.file
                    );
                    let id = Some(format!("{}:{line}", self.stem));
                    return Some(self.error(id, "too_large", message, Some(line)));
                }
                Ok(Line::Read) => {
                    self.line += 1;
                    let line = trim_line(&buf);
                    if line.iter().all(u8::is_ascii_whitespace) {
                        // Blank lines separate nothing in JSON Lines; they hold no record.
                        continue;
                    }
                    return Some(self.parse_line(line, self.line));
                }
                Err(e) => {
                    self.done = true;
                    let line = self.line + 1;
                    let message = format!("{}:{line}: read error: {e}", self.file);
                    return Some(self.error(None, "read_error", message, Some(line)));
                }
            }
        }
    }
}

enum Line {
    Read,
    /// A line longer than the limit, skipped: its length in bytes.
    TooLong(u64),
    End,
}

/// Reads one line into `buf`, or skips it without keeping it when it is longer than `max` bytes,
/// so that one huge line (or a file with no line break) cannot exhaust memory.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: u64) -> io::Result<Line> {
    let mut total: u64 = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match total {
                0 => Line::End,
                n if n > max => Line::TooLong(n),
                _ => Line::Read,
            });
        }
        let (chunk, found) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = chunk.len();
        total += n as u64;
        if total <= max.saturating_add(2) {
            buf.extend_from_slice(chunk);
        } else {
            buf.clear();
        }
        reader.consume(n);
        if found {
            // The end of line itself does not count against the limit.
            let body = total - 1 - u64::from(buf.ends_with(b"\r\n"));
            return Ok(if body > max {
                Line::TooLong(body)
            } else {
                Line::Read
            });
        }
    }
}

/// A file that counts the bytes read from it.
struct Counted {
    inner: File,
    consumed: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The line without its end-of-line and a leading byte order mark.
fn trim_line(buf: &[u8]) -> &[u8] {
    let mut line = buf;
    if let Some(rest) = line.strip_suffix(b"\n") {
        line = rest;
    }
    if let Some(rest) = line.strip_suffix(b"\r") {
        line = rest;
    }
    line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
}

/// A reader whose every read fails with the error that prevented opening it.
struct FailingReader(Option<String>);

impl Read for FailingReader {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::other(self.0.take().unwrap_or_default()))
    }
}

impl BufRead for FailingReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Err(io::Error::other(
            self.0.take().unwrap_or_else(|| "cannot open".into()),
        ))
    }
    fn consume(&mut self, _: usize) {}
}
