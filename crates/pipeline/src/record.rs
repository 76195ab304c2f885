//! Input records: what makes a record an article, checked the same way whatever brings it.
//!
//! The command line reads JSON Lines, the Python package takes dicts, the Spark job takes
//! lines of files; all three hand the four fields fouille reads (`id`, `text`, `date`, `title`)
//! to [`check`], so that the same record gives the same article or the same [`ErrorKind`]
//! through every interface. A JSON line goes through [`parse_json_line`], which adds the
//! problems a line can have before it is a record (not UTF-8, not JSON, not an object).
//!
//! ```
//! use fouille_pipeline::record::{parse_json_line, ErrorKind};
//!
//! let ok = parse_json_line(br#"{"id": 7, "text": "Le Mali est au Sahel.", "url": "x"}"#, "a:1", None).unwrap();
//! assert_eq!((ok.id.as_str(), ok.meta.len()), ("7", 1));
//! let bad = parse_json_line(br#"{"text": 5}"#, "a:2", None).unwrap_err();
//! assert_eq!(bad.kind, ErrorKind::InvalidText);
//! assert_eq!(bad.kind.as_str(), "invalid_text");
//! ```

use fouille_entities::Date;
use serde::{Serialize, Serializer};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Why a record gives an error line instead of a result: the `error.kind` of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The file could not be read (permissions, a truncated `.gz`).
    ReadError,
    /// The text or the line is not UTF-8 (or, from Python, a str with lone surrogates).
    InvalidUtf8,
    /// The line is not JSON.
    InvalidJson,
    /// The line is JSON but not an object (from Python: not a dict).
    NotAnObject,
    /// `id` is neither a string nor a number.
    InvalidId,
    /// No `text` field, or a null one.
    MissingText,
    /// `text` is not a string.
    InvalidText,
    /// The text is empty or only whitespace.
    EmptyText,
    /// `date` is not a string `YYYY-MM-DD`.
    InvalidDate,
    /// The record is larger than the limit set for one record.
    TooLarge,
    /// Fields the record carries through (`meta`) cannot be written as JSON (Python only).
    InvalidMeta,
    /// fouille failed on this article: a bug.
    Internal,
}

impl ErrorKind {
    /// Every kind, in the order the contract lists them.
    pub const ALL: [ErrorKind; 12] = [
        ErrorKind::ReadError,
        ErrorKind::InvalidUtf8,
        ErrorKind::InvalidJson,
        ErrorKind::NotAnObject,
        ErrorKind::InvalidId,
        ErrorKind::MissingText,
        ErrorKind::InvalidText,
        ErrorKind::EmptyText,
        ErrorKind::InvalidDate,
        ErrorKind::TooLarge,
        ErrorKind::InvalidMeta,
        ErrorKind::Internal,
    ];

    /// The name written in the output.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::ReadError => "read_error",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::InvalidJson => "invalid_json",
            ErrorKind::NotAnObject => "not_an_object",
            ErrorKind::InvalidId => "invalid_id",
            ErrorKind::MissingText => "missing_text",
            ErrorKind::InvalidText => "invalid_text",
            ErrorKind::EmptyText => "empty_text",
            ErrorKind::InvalidDate => "invalid_date",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::InvalidMeta => "invalid_meta",
            ErrorKind::Internal => "internal",
        }
    }

    /// The kind of this name.
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A record that is not an article: its id when it could be read, the kind, and a message
/// that does not say where the record came from (each interface puts its own place first:
/// `file:line` on the command line, `record N` in Python).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id, or the fallback id when the id itself is the problem.
    pub id: Option<String>,
    /// What is wrong.
    pub kind: ErrorKind,
    /// What is wrong, for a human.
    pub message: String,
}

impl RecordError {
    fn new(id: Option<String>, kind: ErrorKind, message: String) -> RecordError {
        RecordError { id, kind, message }
    }
}

/// The value of one of the fields fouille reads, as the record gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// The record has no such field.
    Absent,
    /// JSON null, Python None.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number; an id that is a number is written as JSON writes it (`7`, `1.5`).
    Number(Number),
    /// A string.
    String(String),
    /// A string that is not valid Unicode (a Python str with lone surrogates).
    BadUnicode,
    /// Any other value; the text says what it is ("an array", "a list", "a bytes").
    Other(String),
}

impl Field {
    /// The field `key` of a JSON object, taken out of it.
    pub fn take(map: &mut Map<String, Value>, key: &str) -> Field {
        match map.remove(key) {
            None => Field::Absent,
            Some(v) => Field::from(v),
        }
    }

    /// What the value is, for messages.
    fn what(&self) -> &str {
        match self {
            Field::Absent => "nothing",
            Field::Null => "null",
            Field::Bool(_) => "a boolean",
            Field::Number(_) => "a number",
            Field::String(_) | Field::BadUnicode => "a string",
            Field::Other(what) => what,
        }
    }
}

impl From<Value> for Field {
    fn from(v: Value) -> Field {
        match v {
            Value::Null => Field::Null,
            Value::Bool(b) => Field::Bool(b),
            Value::Number(n) => Field::Number(n),
            Value::String(s) => Field::String(s),
            Value::Array(_) => Field::Other("an array".to_owned()),
            Value::Object(_) => Field::Other("an object".to_owned()),
        }
    }
}

/// The fields fouille reads from a record.
#[derive(Clone, Debug)]
pub struct Fields {
    /// `id`.
    pub id: Field,
    /// `text`.
    pub text: Field,
    /// `date`.
    pub date: Field,
}

/// A record that is an article: every field checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The record's id, or the fallback id when it has none.
    pub id: String,
    /// The text: neither empty nor blank.
    pub text: String,
    /// The publication date: the record's, else the default one.
    pub date: Option<Date>,
}

/// Checks a record's fields, in this order: the id (a string or a number; absent or null gives
/// `fallback_id`), the text (present, not null, a string), the date (absent or null gives
/// `default_date`; else a string `YYYY-MM-DD`, a time after it accepted), then that the text is
/// not blank.
pub fn check(
    fields: Fields,
    fallback_id: &str,
    default_date: Option<Date>,
) -> Result<Checked, RecordError> {
    let id = match fields.id {
        Field::Absent | Field::Null => fallback_id.to_owned(),
        Field::String(s) => s,
        Field::Number(n) => n.to_string(),
        other => {
            let message = format!(
                "\"id\" must be a string or a number, found {}",
                match other {
                    Field::BadUnicode => "a string that is not valid Unicode",
                    ref other => other.what(),
                }
            );
            return Err(RecordError::new(
                Some(fallback_id.to_owned()),
                ErrorKind::InvalidId,
                message,
            ));
        }
    };
    let fail = |kind, message: String| Err(RecordError::new(Some(id.clone()), kind, message));
    let text = match fields.text {
        Field::String(s) => s,
        Field::Absent => return fail(ErrorKind::MissingText, "no \"text\" field".to_owned()),
        Field::Null => return fail(ErrorKind::MissingText, "\"text\" is null".to_owned()),
        Field::BadUnicode => {
            return fail(
                ErrorKind::InvalidUtf8,
                "the text is not valid Unicode (lone surrogates)".to_owned(),
            )
        }
        other => {
            return fail(
                ErrorKind::InvalidText,
                format!("\"text\" must be a string, found {}", other.what()),
            )
        }
    };
    let date = match fields.date {
        Field::Absent | Field::Null => default_date,
        Field::String(s) => match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => return fail(ErrorKind::InvalidDate, e.to_string()),
        },
        other => {
            return fail(
                ErrorKind::InvalidDate,
                format!(
                    "\"date\" must be a string YYYY-MM-DD, found {}",
                    other.what()
                ),
            )
        }
    };
    if text.trim().is_empty() {
        return fail(ErrorKind::EmptyText, "the text is empty".to_owned());
    }
    Ok(Checked { id, text, date })
}

/// A JSON line that is an article.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonRecord {
    /// The record's id, or the fallback id.
    pub id: String,
    /// The text.
    pub text: String,
    /// The publication date.
    pub date: Option<Date>,
    /// The title, when `title` is a string.
    pub title: Option<String>,
    /// Every other field, carried to the output (a `title` that is not a string among them).
    pub meta: Map<String, Value>,
}

/// Reads one JSON Lines record (without its line break; a leading byte order mark is allowed)
/// into an article, or the error that takes its place. `fallback_id` names a record that has no
/// id, or whose id is the problem (`<file stem>:<line>` on the command line).
pub fn parse_json_line(
    line: &[u8],
    fallback_id: &str,
    default_date: Option<Date>,
) -> Result<JsonRecord, RecordError> {
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    let fail = |kind, message| {
        Err(RecordError::new(
            Some(fallback_id.to_owned()),
            kind,
            message,
        ))
    };
    let text = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            return fail(
                ErrorKind::InvalidUtf8,
                format!("invalid UTF-8 at byte {at} of the line"),
            );
        }
    };
    let mut map = match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        Ok(other) => {
            let what = Field::from(other);
            return fail(
                ErrorKind::NotAnObject,
                format!(
                    "expected a JSON object with a \"text\" field, found {}",
                    what.what()
                ),
            );
        }
        Err(e) => return fail(ErrorKind::InvalidJson, format!("not JSON: {e}")),
    };
    let fields = Fields {
        id: Field::take(&mut map, "id"),
        text: Field::take(&mut map, "text"),
        date: Field::take(&mut map, "date"),
    };
    let checked = check(fields, fallback_id, default_date)?;
    let title = match map.remove("title") {
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            // An odd title stays where the user can see it rather than failing the article.
            map.insert("title".to_owned(), other);
            None
        }
        None => None,
    };
    Ok(JsonRecord {
        id: checked.id,
        text: checked.text,
        date: checked.date,
        title,
        meta: map,
    })
}

/// The extensions of the files records are read from, each possibly followed by `.gz`.
pub const EXTENSIONS: [&str; 4] = [".jsonl", ".ndjson", ".json", ".txt"];

/// A file name as the interfaces read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileName<'a> {
    /// What ids are made of: the name without its extensions (`a` for `a.jsonl.gz`).
    pub stem: &'a str,
    /// The extension of [`EXTENSIONS`] it ends with (any case), before a `.gz`.
    pub extension: Option<&'static str>,
    /// It ends with `.gz`.
    pub gz: bool,
}

/// Splits a file name (the last part of a path) into its stem and extensions.
pub fn split_file_name(name: &str) -> FileName<'_> {
    let ends_with = |s: &str, ext: &str| {
        s.len() > ext.len()
            && s.is_char_boundary(s.len() - ext.len())
            && s[s.len() - ext.len()..].eq_ignore_ascii_case(ext)
    };
    let gz = ends_with(name, ".gz");
    let inner = if gz { &name[..name.len() - 3] } else { name };
    if let Some(ext) = EXTENSIONS.into_iter().find(|ext| ends_with(inner, ext)) {
        return FileName {
            stem: &inner[..inner.len() - ext.len()],
            extension: Some(ext),
            gz,
        };
    }
    // As `Path::file_stem`: the name without its last extension, unless it is all extension.
    let stem = match name.rfind('.') {
        Some(0) | None => name,
        Some(dot) => &name[..dot],
    };
    FileName {
        stem,
        extension: None,
        gz,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Result<String, ErrorKind> {
        parse_json_line(line.as_bytes(), "f:1", None)
            .map(|r| r.id)
            .map_err(|e| e.kind)
    }

    #[test]
    fn file_names() {
        let split = |n| {
            let f = split_file_name(n);
            (f.stem, f.extension, f.gz)
        };
        assert_eq!(split("a.jsonl.gz"), ("a", Some(".jsonl"), true));
        assert_eq!(split("a.TXT.GZ"), ("a", Some(".txt"), true));
        assert_eq!(split("a.b.json"), ("a.b", Some(".json"), false));
        assert_eq!(split("a.gz"), ("a", None, true));
        assert_eq!(split("a.csv"), ("a", None, false));
        assert_eq!(split(".json"), (".json", None, false));
        assert_eq!(split("README"), ("README", None, false));
        assert_eq!(split("é.gz"), ("é", None, true));
    }

    #[test]
    fn every_kind_has_its_own_name() {
        for k in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_name(k.as_str()), Some(k));
        }
    }

    #[test]
    fn records_and_their_problems() {
        assert_eq!(kind(r#"{"id": 1.5, "text": "a"}"#), Ok("1.5".into()));
        assert_eq!(kind(r#"{"id": 7, "text": "a"}"#), Ok("7".into()));
        assert_eq!(kind(r#"{"id": null, "text": "a"}"#), Ok("f:1".into()));
        assert_eq!(
            kind(r#"{"id": true, "text": "a"}"#),
            Err(ErrorKind::InvalidId)
        );
        assert_eq!(kind(r#"{"id": "x"}"#), Err(ErrorKind::MissingText));
        assert_eq!(kind(r#"{"text": null}"#), Err(ErrorKind::MissingText));
        assert_eq!(kind(r#"{"text": 5}"#), Err(ErrorKind::InvalidText));
        assert_eq!(
            kind(r#"{"text": "a", "date": 12}"#),
            Err(ErrorKind::InvalidDate)
        );
        assert_eq!(
            kind(r#"{"text": "a", "date": "2023-13-45"}"#),
            Err(ErrorKind::InvalidDate)
        );
        assert_eq!(kind(r#"{"text": " \n"}"#), Err(ErrorKind::EmptyText));
        assert_eq!(kind("[1]"), Err(ErrorKind::NotAnObject));
        assert_eq!(kind("{"), Err(ErrorKind::InvalidJson));
        assert_eq!(
            parse_json_line(b"{\"text\": \"\xff\"}", "f:1", None).map_err(|e| e.kind),
            Err(ErrorKind::InvalidUtf8)
        );
    }

    #[test]
    fn the_text_is_checked_before_the_date_and_blankness_last() {
        assert_eq!(
            kind(r#"{"text": 5, "date": 12}"#),
            Err(ErrorKind::InvalidText)
        );
        assert_eq!(
            kind(r#"{"text": "", "date": "x"}"#),
            Err(ErrorKind::InvalidDate)
        );
    }

    #[test]
    fn an_odd_title_stays_in_meta() {
        let r = parse_json_line(br#"{"text": "a", "title": 3, "url": "u"}"#, "f:1", None).unwrap();
        assert_eq!(r.title, None);
        assert_eq!(r.meta.len(), 2);
        let r = parse_json_line(
            "\u{feff}{\"text\": \"a\", \"title\": \"T\"}".as_bytes(),
            "f:1",
            None,
        )
        .unwrap();
        assert_eq!(r.title.as_deref(), Some("T"));
        assert!(r.meta.is_empty());
    }
}
