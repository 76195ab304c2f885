//! Python values in, checked Rust values out: the fields of a record (`text`, `id`, `date`,
//! `title`, the rest carried as `meta`), read as `fouille extract` reads a JSON line.
//!
//! Two kinds of problem are told apart. A field of a Python type that cannot be meant (a record
//! that is not a dict, a text that is an int) is the calling program's mistake: a `TypeError`.
//! A field of the right type whose value cannot be analysed (no text, an empty text, a date that
//! is not `YYYY-MM-DD`, a text with lone surrogates) is a problem of the data, which real
//! corpora have: `extract_many` gives the contract's error object at the record's place, as the
//! command line writes an error line, and `extract` raises `ValueError`.

use crate::analyse::{Item, Job, Meta};
use fouille_pipeline::Date;
use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};

/// A problem with one field.
pub enum FieldError {
    /// A Python type that cannot be meant; the message says which field and which types fit.
    Type(String),
    /// A value that cannot be analysed: the contract's error kind and a message.
    Value(&'static str, String),
}

impl FieldError {
    /// The `TypeError` of a type problem, with `at` ("fouille.extract" or
    /// "fouille.extract_many: record 3") before its message.
    pub fn type_error(message: &str, at: &str) -> PyErr {
        PyTypeError::new_err(format!("{at}: {message}"))
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

/// `datetime.date`, which `datetime.datetime` derives from.
static DATE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A text: a `str` that can be encoded as UTF-8 (no lone surrogates).
pub fn read_text(obj: &Bound<'_, PyAny>) -> Result<String, FieldError> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(FieldError::Type(format!(
            "the text must be a str, not {}",
            type_name(obj)
        )));
    };
    match s.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(e) => Err(FieldError::Value(
            "invalid_utf8",
            format!("the text is not valid Unicode ({e})"),
        )),
    }
}

/// An id: a `str`, or an integer (written in decimal, as the command line writes a number).
pub fn read_id(obj: &Bound<'_, PyAny>) -> Result<String, FieldError> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow().map(|c| c.into_owned()).map_err(|e| {
            FieldError::Value("invalid_id", format!("the id is not valid Unicode ({e})"))
        });
    }
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        return Ok(obj.str().map(|s| s.to_string()).unwrap_or_default());
    }
    Err(FieldError::Type(format!(
        "the id must be a str or an int, not {}",
        type_name(obj)
    )))
}

/// A publication date: a `str` `YYYY-MM-DD` (a time after it is accepted), or a
/// `datetime.date` or `datetime.datetime`.
pub fn read_date(obj: &Bound<'_, PyAny>) -> Result<Date, FieldError> {
    let py = obj.py();
    let text = if let Ok(s) = obj.cast::<PyString>() {
        s.to_string()
    } else {
        let is_date = DATE_TYPE
            .import(py, "datetime", "date")
            .and_then(|date| obj.is_instance(date))
            .unwrap_or(false);
        if !is_date {
            return Err(FieldError::Type(format!(
                "the date must be a str (YYYY-MM-DD) or a datetime.date, not {}",
                type_name(obj)
            )));
        }
        obj.call_method0(intern!(py, "isoformat"))
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    Date::parse(&text).map_err(|e| FieldError::Value("invalid_date", e.to_string()))
}

/// One record of `extract_many`, read.
pub struct Record {
    /// The article or the error that takes its place.
    pub item: Item,
    /// The fields fouille does not use, when there are any: given back under `meta`.
    pub meta: Option<Py<PyDict>>,
}

/// Reads the record at `position` (1-based). `Err` is the `TypeError` that `extract_many`
/// raises at this record's place.
pub fn read_record<'py>(
    obj: &Bound<'py, PyAny>,
    position: u64,
    default_date: Option<Date>,
) -> PyResult<Record> {
    let py = obj.py();
    let at = || format!("fouille.extract_many: record {position}");
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
        return Err(PyTypeError::new_err(format!(
            "{}: expected a dict with a \"text\" key, not {}{hint}",
            at(),
            type_name(obj)
        )));
    };
    let (k_text, k_id, k_date, k_title) = (
        intern!(py, "text"),
        intern!(py, "id"),
        intern!(py, "date"),
        intern!(py, "title"),
    );
    let get = |k: &Bound<'py, PyString>| -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(dict.get_item(k)?.filter(|v| !v.is_none()))
    };
    let type_err = |e: FieldError| match e {
        FieldError::Type(m) => FieldError::type_error(&m, &at()),
        FieldError::Value(_, m) => FieldError::type_error(&m, &at()),
    };

    // As the command line: the id first (an unreadable one names the record by its position),
    // then the text, the date, and the title.
    let id = match get(k_id)? {
        None => position.to_string(),
        Some(v) => match read_id(&v) {
            Ok(id) => id,
            Err(FieldError::Value(kind, message)) => {
                return Ok(failed(position.to_string(), kind, position, message))
            }
            Err(e) => return Err(type_err(e)),
        },
    };
    let text = match dict.get_item(k_text)? {
        None => Err(("missing_text", "no \"text\" key".to_owned())),
        Some(v) if v.is_none() => Err(("missing_text", "the text is None".to_owned())),
        Some(v) => match read_text(&v) {
            Ok(t) => Ok(t),
            Err(FieldError::Value(kind, m)) => Err((kind, m)),
            Err(e) => return Err(type_err(e)),
        },
    };
    let date = match get(k_date)? {
        None => Ok(default_date),
        Some(v) => match read_date(&v) {
            Ok(d) => Ok(Some(d)),
            Err(FieldError::Value(kind, m)) => Err((kind, m)),
            Err(e) => return Err(type_err(e)),
        },
    };
    // A title that is not a str is kept under `meta`, as the command line keeps it.
    let title_value = dict.get_item(k_title)?;
    let title = match &title_value {
        Some(t) => t.cast::<PyString>().ok().map(|s| s.to_string()),
        None => None,
    };
    match (text, date) {
        (Err((kind, m)), _) | (_, Err((kind, m))) => Ok(failed(id, kind, position, m)),
        (Ok(text), Ok(_)) if text.trim().is_empty() => Ok(failed(
            id,
            "empty_text",
            position,
            "the text is empty".to_owned(),
        )),
        (Ok(text), Ok(date)) => Ok(Record {
            meta: meta_of(&dict, title.is_some())?,
            item: Item::Job(Job {
                id,
                date,
                title,
                text,
            }),
        }),
    }
}

/// An error object in place of the record; like the command line's error lines, it carries no
/// `meta`.
fn failed(id: String, kind: &'static str, position: u64, message: String) -> Record {
    Record {
        item: Item::Failed {
            id,
            kind,
            message: format!("record {position}: {message}"),
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
/// them). Any other value is a `TypeError` naming the record and the key.
pub fn meta_json(meta: &Bound<'_, PyDict>, position: u64) -> PyResult<Meta> {
    let mut map = Meta::new();
    for (k, v) in meta.iter() {
        let key = json_key(&k, position)?;
        let value = json_value(&v, position, &key, 0)?;
        map.insert(key, value);
    }
    Ok(map)
}

/// How deep `meta` may nest: deeper is surely a cycle.
const MAX_DEPTH: usize = 100;

fn not_json(position: u64, key: &str, what: &str) -> PyErr {
    PyTypeError::new_err(format!(
        "fouille.extract_many: record {position}: meta \"{key}\": {what}; convert it, or leave out json=True"
    ))
}

fn json_key(k: &Bound<'_, PyAny>, position: u64) -> PyResult<String> {
    if let Ok(s) = k.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| c.into_owned())
            .map_err(|_| not_json(position, "?", "a key with lone surrogates"));
    }
    if k.is_instance_of::<PyInt>() && !k.is_instance_of::<PyBool>() {
        return Ok(k.str()?.to_string());
    }
    Err(not_json(
        position,
        &k.repr().map(|r| r.to_string()).unwrap_or_default(),
        &format!("a key of type {} has no JSON form", type_name(k)),
    ))
}

fn json_value(
    v: &Bound<'_, PyAny>,
    position: u64,
    key: &str,
    depth: usize,
) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    if depth > MAX_DEPTH {
        return Err(not_json(position, key, "nested too deep (a cycle?)"));
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
        return Err(not_json(position, key, "an int beyond 64 bits"));
    }
    if let Ok(x) = v.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(x.value()).map_or(Value::Null, Value::Number));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| Value::String(c.into_owned()))
            .map_err(|_| not_json(position, key, "a str with lone surrogates"));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for item in v.try_iter()? {
            items.push(json_value(&item?, position, key, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(d) = v.cast::<PyDict>() {
        let mut map = Meta::new();
        for (k, item) in d.iter() {
            let k = json_key(&k, position)?;
            let item = json_value(&item, position, key, depth + 1)?;
            map.insert(k, item);
        }
        return Ok(Value::Object(map));
    }
    Err(not_json(
        position,
        key,
        &format!("a {} has no JSON form", type_name(v)),
    ))
}
