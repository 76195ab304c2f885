//! A tape replayed into Python objects, with the GIL held: the one part of `extract_many` that
//! cannot run in parallel, so the part that decides how close it comes to the command line's
//! speed.

use crate::tape::{Op, Tape};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString};
use rustc_hash::FxHashMap;

/// Python objects made once and shared by every result of a call: field names, small ints and
/// short strings. Most values of a result are offsets below a few thousands and short strings
/// that recur from article to article ("person", "asserted", "m12", "FR"); handing out the
/// same immutable object again costs the thread that holds the GIL a lookup instead of an
/// allocation now and a deallocation later. `json.loads` would make equal objects, only not
/// the same ones, which no program can rely on.
#[derive(Default)]
pub struct Shared {
    /// Field names, by address.
    keys: FxHashMap<(usize, usize), Py<PyString>>,
    /// Ints from 0 up, by value, made when first needed.
    ints: Vec<Option<Py<PyAny>>>,
    /// Short strings, by text.
    strs: FxHashMap<Box<str>, Py<PyString>>,
}

/// Ints below this are shared: offsets in all but the longest articles.
const SHARED_INTS: u64 = 1 << 16;
/// Strings of at most this many bytes are shared: types, kinds, ids, codes, dates, short names.
const SHARED_STR_BYTES: usize = 16;
/// At most this many strings are kept, so that a long run's memory stays flat.
const SHARED_STRS: usize = 1 << 16;

impl Shared {
    fn key<'py>(&mut self, py: Python<'py>, key: &'static str) -> Bound<'py, PyString> {
        let id = (key.as_ptr() as usize, key.len());
        if let Some(k) = self.keys.get(&id) {
            return k.bind(py).clone();
        }
        let k = PyString::intern(py, key);
        self.keys.insert(id, k.clone().unbind());
        k
    }

    fn uint<'py>(&mut self, py: Python<'py>, n: u64) -> Bound<'py, PyAny> {
        if n >= SHARED_INTS {
            let Ok(n) = n.into_pyobject(py);
            return n.into_any();
        }
        let i = n as usize;
        if i >= self.ints.len() {
            self.ints.resize_with((i + 1).next_power_of_two(), || None);
        }
        let slot = &mut self.ints[i];
        if let Some(n) = slot {
            return n.bind(py).clone();
        }
        let Ok(n) = n.into_pyobject(py);
        let n = n.into_any();
        *slot = Some(n.clone().unbind());
        n
    }

    fn str<'py>(&mut self, py: Python<'py>, s: &str) -> Bound<'py, PyAny> {
        if s.len() > SHARED_STR_BYTES {
            return PyString::new(py, s).into_any();
        }
        if let Some(o) = self.strs.get(s) {
            return o.bind(py).clone().into_any();
        }
        let o = PyString::new(py, s);
        if self.strs.len() < SHARED_STRS {
            self.strs.insert(s.into(), o.clone().unbind());
        }
        o.into_any()
    }
}

/// A container being filled during a replay.
enum Frame<'py> {
    List(Vec<Bound<'py, PyAny>>),
    Dict(Bound<'py, PyDict>, Option<Bound<'py, PyString>>),
}

impl Tape {
    /// Builds the Python value. `meta`, when given and not empty, is set on the top-level dict
    /// just before its `error` key, where `fouille extract` writes it.
    pub fn to_py<'py>(
        &self,
        py: Python<'py>,
        meta: Option<&Bound<'py, PyDict>>,
        shared: &mut Shared,
    ) -> PyResult<Bound<'py, PyAny>> {
        let meta = meta.filter(|m| m.len() > 0);
        let mut stack: Vec<Frame<'py>> = Vec::with_capacity(8);
        let mut done = None;
        for op in &self.ops {
            let value: Bound<'py, PyAny> = match *op {
                Op::Null => py.None().into_bound(py),
                Op::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
                Op::Int(n) => match u64::try_from(n) {
                    Ok(n) => shared.uint(py, n),
                    Err(_) => {
                        let Ok(n) = n.into_pyobject(py);
                        n.into_any()
                    }
                },
                Op::UInt(n) => shared.uint(py, n),
                Op::Float(x) => {
                    let Ok(x) = x.into_pyobject(py);
                    x.into_any()
                }
                Op::Str(s, e) => shared.str(py, self.text_at(s, e)),
                Op::Key(k) => {
                    let key = shared.key(py, k);
                    if let (Some(meta), [Frame::Dict(dict, _)]) = (meta, stack.as_slice()) {
                        if k == "error" {
                            dict.set_item(shared.key(py, "meta"), meta)?;
                        }
                    }
                    set_key(&mut stack, key);
                    continue;
                }
                Op::KeyStr(s, e) => {
                    set_key(&mut stack, PyString::new(py, self.text_at(s, e)));
                    continue;
                }
                Op::List => {
                    stack.push(Frame::List(Vec::new()));
                    continue;
                }
                Op::Dict => {
                    stack.push(Frame::Dict(PyDict::new(py), None));
                    continue;
                }
                Op::End => match stack.pop() {
                    Some(Frame::List(items)) => PyList::new(py, items)?.into_any(),
                    Some(Frame::Dict(dict, _)) => dict.into_any(),
                    None => continue,
                },
            };
            match stack.last_mut() {
                Some(Frame::List(items)) => items.push(value),
                Some(Frame::Dict(dict, key)) => {
                    if let Some(key) = key.take() {
                        dict.set_item(key, value)?;
                    }
                }
                None => done = Some(value),
            }
        }
        Ok(done.unwrap_or_else(|| py.None().into_bound(py)))
    }
}

fn set_key<'py>(stack: &mut [Frame<'py>], k: Bound<'py, PyString>) {
    if let Some(Frame::Dict(_, key)) = stack.last_mut() {
        *key = Some(k);
    }
}
