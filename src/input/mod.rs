//! Reading articles: text files, JSON Lines, `.json` files (an array of records, or records one
//! after another), each plain or gzipped, directories of them, and standard input.
//!
//! Every record the input holds becomes exactly one [`Record`]: an article to analyse, or an
//! error saying which file and line it came from. Nothing is dropped silently: blank lines
//! between records are not records, and files a directory walk does not read are listed.

pub mod sniff;
mod sources;
mod values;

pub use sources::{sources, Format, Skipped, Source, Sources};

use fouille_pipeline::record::{self, ErrorKind, Field, Fields};
use fouille_pipeline::Date;
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use values::{Found, ValueSplitter};

/// Where a record came from.
#[derive(Clone, Debug)]
pub struct Origin {
    /// The file, or "-" for standard input.
    pub file: Arc<str>,
    /// The line in the file (1-based) where the record starts, for JSON input.
    pub line: Option<u64>,
}

impl Origin {
    /// `file:line`, or the file alone.
    pub fn location(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.to_string(),
        }
    }
}

/// An article read from the input and checked, not analysed yet.
#[derive(Clone, Debug)]
pub struct Article {
    /// Its id.
    pub id: String,
    /// Its publication date: its own, else the run's `--date`.
    pub date: Option<Date>,
    /// Its title, when it gives one.
    pub title: Option<String>,
    /// Its text: neither empty nor blank.
    pub text: String,
    /// Input fields fouille does not use.
    pub meta: Map<String, Value>,
    /// Where it came from.
    pub origin: Origin,
}

/// A record that could not be read as an article.
#[derive(Clone, Debug)]
pub struct RecordError {
    /// Its id when it could be read, else the fallback id.
    pub id: Option<String>,
    /// What went wrong.
    pub kind: ErrorKind,
    /// What went wrong, starting with where.
    pub message: String,
    /// Where it came from.
    pub origin: Origin,
}

/// One input record.
pub type Record = std::result::Result<Article, RecordError>;

/// How records are read, the same for every source of a run.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Publication date for articles that have none.
    pub default_date: Option<Date>,
    /// The largest record (a JSON line or value, or a text file) read, in bytes; larger ones
    /// become `too_large` errors without being held in memory.
    pub max_bytes: u64,
    /// Bytes read from the files so far (compressed bytes for gzipped files), for progress.
    pub consumed: Arc<AtomicU64>,
}

/// A stream of records from one source.
pub struct Reader {
    file: Arc<str>,
    stem: String,
    state: State,
    options: ReadOptions,
}

enum State {
    /// One article: the whole stream.
    Text(Box<dyn Read + Send>),
    /// JSON Lines, and the number of the last line read.
    Lines(Box<dyn BufRead + Send>, u64),
    /// JSON values.
    Values(Box<dyn BufRead + Send>, ValueSplitter),
    /// The source could not be opened: one `read_error` record says why.
    Failed(String),
    Done,
}

impl Reader {
    /// Opens a source. Opening errors (permissions, a vanished file) become one error record, so
    /// that the run goes on with the next source.
    pub fn open(source: &Source, options: &ReadOptions) -> Reader {
        let stream: io::Result<Box<dyn Read + Send>> = match &source.path {
            None => Ok(Box::new(io::stdin())),
            Some(path) => File::open(path).map(|f| -> Box<dyn Read + Send> {
                Box::new(Counted {
                    inner: f,
                    consumed: options.consumed.clone(),
                })
            }),
        };
        let name = source.display_name();
        match stream {
            Ok(stream) => {
                Reader::from_stream(&name, &source.stem(), source.format, stream, options)
            }
            Err(e) => Reader {
                file: Arc::from(name.as_str()),
                stem: source.stem(),
                state: State::Failed(format!("{name}: cannot open: {e}")),
                options: options.clone(),
            },
        }
    }

    /// Reads records from `stream`, named `name` in messages and `stem` in ids, decompressed
    /// when it is gzipped, in `format` (or the one its content shows, for [`Format::Unknown`]).
    pub fn from_stream(
        name: &str,
        stem: &str,
        format: Format,
        stream: Box<dyn Read + Send>,
        options: &ReadOptions,
    ) -> Reader {
        let state = match open_state(format, stream) {
            Ok(state) => state,
            Err(e) => State::Failed(format!("{name}: read error: {e}")),
        };
        Reader {
            file: Arc::from(name),
            stem: stem.to_owned(),
            state,
            options: options.clone(),
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
        kind: ErrorKind,
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

    /// The whole stream as one article.
    fn read_text(&self, stream: Box<dyn Read + Send>) -> Record {
        let id = Some(self.stem.clone());
        let max = self.options.max_bytes;
        let mut bytes = Vec::new();
        // One byte more than allowed tells a text too large without reading all of it.
        if let Err(e) = stream.take(max.saturating_add(1)).read_to_end(&mut bytes) {
            return self.error(
                id,
                ErrorKind::ReadError,
                format!("{}: {e}", self.file),
                None,
            );
        }
        if bytes.len() as u64 > max {
            let message = format!(
                "{}: the article is larger than --max-bytes ({max} bytes)",
                self.file
            );
            return self.error(id, ErrorKind::TooLarge, message, None);
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..at]).count() as u64;
                return self.error(
                    id,
                    ErrorKind::InvalidUtf8,
                    format!("{}:{line}: invalid UTF-8 at byte {at}", self.file),
                    Some(line),
                );
            }
        };
        let fields = Fields {
            id: Field::String(self.stem.clone()),
            text: Field::String(text),
            date: Field::Absent,
        };
        match record::check(fields, &self.stem, self.options.default_date) {
            Ok(checked) => Ok(Article {
                id: checked.id,
                date: checked.date,
                title: None,
                text: checked.text,
                meta: Map::new(),
                origin: self.origin(None),
            }),
            Err(e) => self.error(e.id, e.kind, format!("{}: {}", self.file, e.message), None),
        }
    }

    /// One JSON record, read as every interface reads it.
    fn parse(&self, bytes: &[u8], line: u64) -> Record {
        let fallback = format!("{}:{line}", self.stem);
        match record::parse_json_line(bytes, &fallback, self.options.default_date) {
            Ok(r) => Ok(Article {
                id: r.id,
                date: r.date,
                title: r.title,
                text: r.text,
                meta: r.meta,
                origin: self.origin(Some(line)),
            }),
            Err(e) => self.error(
                e.id,
                e.kind,
                format!("{}:{line}: {}", self.file, e.message),
                Some(line),
            ),
        }
    }

    /// A record longer than `--max-bytes`: `what` is "line" or "record".
    fn too_large(&self, what: &str, n: u64, line: u64) -> Record {
        let max = self.options.max_bytes;
        let message = format!(
            "{}:{line}: the {what} has {n} bytes, more than --max-bytes ({max} bytes)",
            self.file
        );
        self.error(
            Some(format!("{}:{line}", self.stem)),
            ErrorKind::TooLarge,
            message,
            Some(line),
        )
    }

    fn read_error(&self, e: io::Error, line: u64) -> Record {
        let message = format!("{}:{line}: read error: {e}", self.file);
        self.error(None, ErrorKind::ReadError, message, Some(line))
    }
}

/// What reading `stream` starts with: decompression when it is gzipped, and its format.
fn open_state(format: Format, stream: Box<dyn Read + Send>) -> io::Result<State> {
    let stream = sniff::gunzip_if_gzip(stream)?;
    let (format, stream): (Format, Box<dyn Read + Send>) = match format {
        Format::Unknown => {
            let (format, stream) = sniff::sniff_format(stream)?;
            (format, Box::new(stream))
        }
        known => (known, stream),
    };
    Ok(match format {
        Format::Text => State::Text(stream),
        Format::JsonLines | Format::Unknown => State::Lines(sniff::buffered(stream), 0),
        Format::Json => State::Values(sniff::buffered(stream), ValueSplitter::new()),
    })
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let mut buf = Vec::new();
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Failed(message) => {
                    let id = Some(self.stem.clone());
                    return Some(self.error(id, ErrorKind::ReadError, message, None));
                }
                State::Text(stream) => return Some(self.read_text(stream)),
                State::Lines(mut reader, mut line) => {
                    buf.clear();
                    let read = read_line(&mut *reader, &mut buf, self.options.max_bytes);
                    line += 1;
                    let record = match read {
                        Ok(Line::End) => return None,
                        Ok(Line::TooLong(n)) => self.too_large("line", n, line),
                        Ok(Line::Read) => {
                            let bytes = trim_line(&buf);
                            if bytes.iter().all(u8::is_ascii_whitespace) {
                                // Blank lines separate nothing in JSON Lines; they hold no record.
                                self.state = State::Lines(reader, line);
                                continue;
                            }
                            self.parse(bytes, line)
                        }
                        // The stream cannot be trusted beyond a read error: it ends here.
                        Err(e) => return Some(self.read_error(e, line)),
                    };
                    self.state = State::Lines(reader, line);
                    return Some(record);
                }
                State::Values(mut reader, mut splitter) => {
                    let record = match splitter.next(&mut *reader, &mut buf, self.options.max_bytes)
                    {
                        Ok(Found::End) => return None,
                        Ok(Found::TooLong(n, line)) => self.too_large("record", n, line),
                        Ok(Found::Value(bytes, line)) => self.parse(&bytes, line),
                        Err(e) => return Some(self.read_error(e, splitter.line())),
                    };
                    self.state = State::Values(reader, splitter);
                    return Some(record);
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
        let available = fill(reader)?;
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

/// The reader's buffer, filled when empty; a read interrupted by a signal is tried again.
fn fill(reader: &mut dyn BufRead) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    // Filled: this call reads nothing.
    reader.fill_buf()
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
