//! Python values in, checked Rust values out: the fields of a record (`text`, `id`, `date`,
//! `title`, the rest carried as `meta`), checked by the same code as a line of `fouille
//! extract` ([`fouille_pipeline::record::check`]), so that a record gives the same result or
//! the same error kind through the command line, `extract_many` and the Spark job.
//!
//! A record of `extract_many` that is not an article (not a mapping, no text, a text that is
//! not a str, a date that is not `YYYY-MM-DD`...) gives the contract's error object at its
//! place, as the command line writes an error line: a corpus with one odd record among millions
//! must not stop. `extract`, which takes one article as arguments, raises instead: `TypeError`
//! for an argument of a type that cannot be meant, `ValueError` for a value that cannot be
//! analysed.

use crate::analyse::{Item, Job, Meta};
use crate::replay::Shared;
use crate::tape::Tape;
use fouille_pipeline::json::{ErrorDetail, ErrorJson, SourceJson};
use fouille_pipeline::record::{self, ErrorKind, Field, Fields, RecordError};
use fouille_pipeline::Date;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

/// "a list", "an object": a Python type named in a message.
fn a_type(obj: &Bound<'_, PyAny>) -> String {
    let name = type_name(obj);
    let article = match name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    };
    format!("{article} {name}")
}

/// `datetime.date`, which `datetime.datetime` derives from.
static DATE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A Python value as a record field: None is JSON's null, an int or a float a number (an int
/// beyond 64 bits is written in decimal), a str a string; for a date, a `datetime.date` or
/// `datetime.datetime` is its ISO form.
pub fn field(obj: Option<&Bound<'_, PyAny>>, is_date: bool) -> Field {
    let Some(obj) = obj else {
        return Field::Absent;
    };
    if obj.is_none() {
        return Field::Null;
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map_or(Field::BadUnicode, |c| Field::String(c.into_owned()));
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Field::Bool(b.is_true());
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<i64>() {
            return Field::Number(n.into());
        }
        if let Ok(n) = obj.extract::<u64>() {
            return Field::Number(n.into());
        }
        return Field::String(obj.str().map(|s| s.to_string()).unwrap_or_default());
    }
    if let Ok(x) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(x.value()).map_or_else(
            || Field::Other("a float that is not finite".to_owned()),
            Field::Number,
        );
    }
    if is_date {
        let py = obj.py();
        let is_date = DATE_TYPE
            .import(py, "datetime", "date")
            .and_then(|date| obj.is_instance(date))
            .unwrap_or(false);
        if is_date {
            if let Ok(iso) = obj.call_method0(intern!(py, "isoformat")) {
                return Field::String(iso.to_string());
            }
        }
    }
    Field::Other(a_type(obj))
}

/// A default publication date given as an argument: a str `YYYY-MM-DD` or a `datetime.date`;
/// `at` names the function in the exception's message.
pub fn read_date(obj: &Bound<'_, PyAny>, at: &str) -> PyResult<Date> {
    match field(Some(obj), true) {
        Field::String(s) => {
            Date::parse(&s).map_err(|e| PyValueError::new_err(format!("{at}: {e}")))
        }
        _ => Err(PyTypeError::new_err(format!(
            "{at}: the date must be a str (YYYY-MM-DD) or a datetime.date, not {}",
            type_name(obj)
        ))),
    }
}

/// The arguments of `fouille.extract`, checked as a record is; `Err` is the exception to raise.
pub fn read_arguments(
    text: &Bound<'_, PyAny>,
    id: Option<&Bound<'_, PyAny>>,
    date: Option<&Bound<'_, PyAny>>,
    title: Option<&Bound<'_, PyAny>>,
) -> PyResult<Job> {
    const AT: &str = "fouille.extract";
    let date = field(date, true);
    let date_is_str = matches!(date, Field::String(_));
    let fields = Fields {
        id: field(id, false),
        text: field(Some(text), false),
        date,
    };
    let checked = record::check(fields, "", None).map_err(|e| {
        let message = format!("{AT}: {}", e.message);
        match e.kind {
            ErrorKind::InvalidDate if date_is_str => PyValueError::new_err(message),
            ErrorKind::InvalidId
            | ErrorKind::InvalidText
            | ErrorKind::MissingText
            | ErrorKind::InvalidDate => PyTypeError::new_err(message),
            _ => PyValueError::new_err(message),
        }
    })?;
    let title = match title.filter(|v| !v.is_none()) {
        Some(v) => Some(
            v.cast::<PyString>()
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "{AT}: the title must be a str or None, not {}",
                        type_name(v)
                    ))
                })?
                .to_string(),
        ),
        None => None,
    };
    Ok(Job {
        id: checked.id,
        date: checked.date,
        title,
        text: checked.text,
    })
}

/// A record as `parse_record` gives it: the fields `extract_many` reads, and the others.
#[derive(serde::Serialize)]
struct Parsed<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(flatten)]
    meta: &'a serde_json::Map<String, serde_json::Value>,
}

/// Reads one line of a JSON Lines file as `fouille extract` reads it: the record, checked, as
/// a dict for `extract_many`, or the error object that takes its place, naming `file` and
/// `line` as the command line's error line does.
pub fn parse_line<'py>(
    py: Python<'py>,
    bytes: &[u8],
    file: &str,
    line: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let name = std::path::Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = if file == "-" {
        "stdin"
    } else {
        record::split_file_name(&name).stem
    };
    let fallback = format!("{stem}:{line}");
    let tape = match record::parse_json_line(bytes, &fallback, None) {
        Ok(r) => Tape::record(&Parsed {
            id: &r.id,
            text: &r.text,
            date: r.date.map(|d| d.to_string()),
            title: r.title.as_deref(),
            meta: &r.meta,
        }),
        Err(e) => {
            let message = format!("{file}:{line}: {}", e.message);
            Tape::record(&ErrorJson::new(
                e.id.as_deref(),
                ErrorDetail {
                    kind: e.kind,
                    message: &message,
                    source: Some(SourceJson {
                        file,
                        line: Some(line),
                    }),
                },
            ))
        }
    }
    .map_err(|e| PyValueError::new_err(e.to_string()))?;
    tape.to_py(py, None, &mut Shared::default())
}

/// One record of `extract_many`, read.
pub struct Record {
    /// The article or the error that takes its place.
    pub item: Item,
    /// The fields fouille does not use, when there are any: given back under `meta`.
    pub meta: Option<Py<PyDict>>,
}

/// Reads the record at `position` (1-based). `Err` is an exception raised while reading the
/// mapping itself (a mapping whose methods raise), which `extract_many` raises at the record's
/// place.
pub fn read_record<'py>(
    obj: &Bound<'py, PyAny>,
    position: u64,
    default_date: Option<Date>,
) -> PyResult<Record> {
    let py = obj.py();
    let dict = if let Ok(d) = obj.cast::<PyDict>() {
        d.clone()
    } else if let Ok(m) = obj.cast::<PyMapping>() {
        let d = PyDict::new(py);
        d.update(m)?;
        d
    } else {
        let hint = if obj.hasattr(intern!(py, "asDict")).unwrap_or(false) {
            " (for a Spark Row, pass row.asDict())"
        } else {
            ""
        };
        let error = RecordError {
            id: Some(position.to_string()),
            kind: ErrorKind::NotAnObject,
            message: format!(
                "expected a dict with a \"text\" key, found {}{hint}",
                a_type(obj)
            ),
        };
        return Ok(failed(error, position));
    };
    let get = |k: &str| -> PyResult<Option<Bound<'py, PyAny>>> { dict.get_item(k) };
    let fields = Fields {
        id: field(get("id")?.as_ref(), false),
        text: field(get("text")?.as_ref(), false),
        date: field(get("date")?.as_ref(), true),
    };
    let checked = match record::check(fields, &position.to_string(), default_date) {
        Ok(c) => c,
        Err(e) => return Ok(failed(e, position)),
    };
    // A title that is not a str is kept under `meta`, as the command line keeps it.
    let title = get("title")?.and_then(|t| t.cast::<PyString>().ok().map(|s| s.to_string()));
    Ok(Record {
        meta: meta_of(&dict, title.is_some())?,
        item: Item::Job(Job {
            id: checked.id,
            date: checked.date,
            title,
            text: checked.text,
        }),
    })
}

/// The error object in place of the record at `position`; like the command line's error lines,
/// it carries no `meta`.
pub fn failed(error: RecordError, position: u64) -> Record {
    Record {
        item: Item::Failed {
            id: error.id.unwrap_or_else(|| position.to_string()),
            kind: error.kind,
            message: format!("record {position}: {}", error.message),
        },
        meta: None,
    }
}

/// The record's other fields, or `None` when it has none. `title` is left out only when it was
/// taken as the title.
fn meta_of(dict: &Bound<'_, PyDict>, title_taken: bool) -> PyResult<Option<Py<PyDict>>> {
    let py = dict.py();
    let known = [
        intern!(py, "text"),
        intern!(py, "id"),
        intern!(py, "date"),
        intern!(py, "title"),
    ];
    let mut used = 0;
    for (i, k) in known.iter().enumerate() {
        if (i < 3 || title_taken) && dict.contains(k)? {
            used += 1;
        }
    }
    if dict.len() == used {
        return Ok(None);
    }
    let meta = PyDict::new(py);
    for (k, v) in dict.iter() {
        let skip = match k.cast::<PyString>() {
            Ok(s) => {
                let s = s.to_cow()?;
                matches!(&*s, "text" | "id" | "date") || (title_taken && s == "title")
            }
            Err(_) => false,
        };
        if !skip {
            meta.set_item(k, v)?;
        }
    }
    Ok(Some(meta.unbind()))
}

/// `meta` as JSON, for results given as JSON text (`json=True`): strs, ints, floats, bools,
/// None, lists, tuples and dicts, as `json.dumps` writes them (dict keys that are ints become
/// strs; NaN and the infinities, which JSON has not, become null as the command line writes
/// them). Any other value is the `invalid_meta` error naming the key, in place of the result.
pub fn meta_json(meta: &Bound<'_, PyDict>) -> Result<Meta, RecordError> {
    let mut map = Meta::new();
    for (k, v) in meta.iter() {
        let key = json_key(&k)?;
        let value = json_value(&v, &key, 0)?;
        map.insert(key, value);
    }
    Ok(map)
}

/// How deep `meta` may nest: deeper is surely a cycle.
const MAX_DEPTH: usize = 100;

fn not_json(key: &str, what: &str) -> RecordError {
    RecordError {
        id: None,
        kind: ErrorKind::InvalidMeta,
        message: format!("meta \"{key}\": {what}; convert it, or leave out json=True"),
    }
}

fn json_key(k: &Bound<'_, PyAny>) -> Result<String, RecordError> {
    if let Ok(s) = k.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| c.into_owned())
            .map_err(|_| not_json("?", "a key with lone surrogates"));
    }
    if k.is_instance_of::<PyInt>() && !k.is_instance_of::<PyBool>() {
        return Ok(k.str().map(|s| s.to_string()).unwrap_or_default());
    }
    Err(not_json(
        &k.repr().map(|r| r.to_string()).unwrap_or_default(),
        &format!("a key of type {} has no JSON form", type_name(k)),
    ))
}

fn json_value(
    v: &Bound<'_, PyAny>,
    key: &str,
    depth: usize,
) -> Result<serde_json::Value, RecordError> {
    use serde_json::Value;
    if depth > MAX_DEPTH {
        return Err(not_json(key, "nested too deep (a cycle?)"));
    }
    if v.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if v.is_instance_of::<PyInt>() {
        if let Ok(n) = v.extract::<i64>() {
            return Ok(n.into());
        }
        if let Ok(n) = v.extract::<u64>() {
            return Ok(n.into());
        }
        return Err(not_json(key, "an int beyond 64 bits"));
    }
    if let Ok(x) = v.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(x.value()).map_or(Value::Null, Value::Number));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| Value::String(c.into_owned()))
            .map_err(|_| not_json(key, "a str with lone surrogates"));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        let iter = v
            .try_iter()
            .map_err(|e| not_json(key, &format!("cannot be read ({e})")))?;
        for item in iter {
            let item = item.map_err(|e| not_json(key, &format!("cannot be read ({e})")))?;
            items.push(json_value(&item, key, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(d) = v.cast::<PyDict>() {
        let mut map = Meta::new();
        for (k, item) in d.iter() {
            let k = json_key(&k)?;
            let item = json_value(&item, key, depth + 1)?;
            map.insert(k, item);
        }
        return Ok(Value::Object(map));
    }
    Err(not_json(
        key,
        &format!("a {} has no JSON form", type_name(v)),
    ))
}
