//! The result of one article as a tape: the calls that serialising its contract object makes,
//! recorded by a worker thread, then replayed with the GIL held into Python dicts, lists, strs,
//! ints and None (`replay.rs`).
//!
//! The tape is written by the very `Serialize` implementations that write the command line's
//! JSON lines (`ArticleJson`, `ErrorJson` of `fouille-pipeline`), so the Python objects have the
//! same keys, in the same order, and the same values as the parsed line. It skips what a JSON
//! round trip would cost the one thread that holds the GIL: escaping, parsing, and looking up
//! each key by its text. A key is a `&'static str` field name, turned into its Python string
//! once, by address.

use serde::ser::{self, Serialize};
use std::fmt::{self, Write};

/// One serialisation call.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Op {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// A string: a range of [`Tape::text`].
    Str(u32, u32),
    /// A field name.
    Key(&'static str),
    /// A map key that is not a field name: a range of [`Tape::text`].
    KeyStr(u32, u32),
    /// A list begins; its items follow, up to the matching [`Op::End`].
    List,
    /// A dict begins; key and value pairs follow, up to the matching [`Op::End`].
    Dict,
    End,
}

/// The recorded serialisation of one value.
#[derive(Debug, Default)]
pub struct Tape {
    pub(crate) ops: Vec<Op>,
    text: String,
}

/// Why a value could not be recorded.
#[derive(Debug)]
pub struct TapeError(String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

impl Tape {
    /// Records `value` as `serde_json` would write it (enums externally tagged, non-finite
    /// floats as null, bytes as a list of numbers).
    pub fn record<T: Serialize + ?Sized>(value: &T) -> Result<Tape, TapeError> {
        let mut tape = Tape::default();
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    fn push_text(&mut self, s: &str) -> Result<(u32, u32), TapeError> {
        let start = self.text.len();
        self.text.push_str(s);
        range(start, self.text.len())
    }

    pub(crate) fn text_at(&self, start: u32, end: u32) -> &str {
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

fn range(start: usize, end: usize) -> Result<(u32, u32), TapeError> {
    match (u32::try_from(start), u32::try_from(end)) {
        (Ok(s), Ok(e)) => Ok((s, e)),
        _ => Err(TapeError("a result larger than 4 GB".to_owned())),
    }
}

type Res = Result<(), TapeError>;

impl ser::Serializer for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Res {
        self.ops.push(Op::Bool(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Res {
        self.ops.push(Op::Int(v));
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.ops.push(Op::UInt(v));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Res {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Res {
        // As serde_json: NaN and the infinities are not JSON numbers.
        self.ops.push(if v.is_finite() {
            Op::Float(v)
        } else {
            Op::Null
        });
        Ok(())
    }
    fn serialize_char(self, v: char) -> Res {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Res {
        let (s, e) = self.push_text(v)?;
        self.ops.push(Op::Str(s, e));
        Ok(())
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Res {
        let start = self.text.len();
        write!(self.text, "{value}").map_err(|e| TapeError(e.to_string()))?;
        let (s, e) = range(start, self.text.len())?;
        self.ops.push(Op::Str(s, e));
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Res {
        self.ops.push(Op::List);
        self.ops.extend(v.iter().map(|&b| Op::UInt(b.into())));
        self.ops.push(Op::End);
        Ok(())
    }
    fn serialize_none(self) -> Res {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Res {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.ops.push(Op::Null);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Res {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Res {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Res {
        self.ops.push(Op::Dict);
        self.ops.push(Op::Key(variant));
        value.serialize(&mut *self)?;
        self.ops.push(Op::End);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, TapeError> {
        self.ops.push(Op::List);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, TapeError> {
        self.ops.push(Op::Dict);
        self.ops.push(Op::Key(variant));
        self.ops.push(Op::List);
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, TapeError> {
        self.ops.push(Op::Dict);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, TapeError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, TapeError> {
        self.ops.push(Op::Dict);
        self.ops.push(Op::Key(variant));
        self.ops.push(Op::Dict);
        Ok(self)
    }
}

/// The sequence-like serialisers: each element is recorded in turn; `end` closes the list, and
/// for a tuple variant the dict around it too.
macro_rules! elements {
    ($trait:ident, $element:ident, $closes:literal) => {
        impl ser::$trait for &mut Tape {
            type Ok = ();
            type Error = TapeError;
            fn $element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
                value.serialize(&mut **self)
            }
            fn end(self) -> Res {
                for _ in 0..$closes {
                    self.ops.push(Op::End);
                }
                Ok(())
            }
        }
    };
}

elements!(SerializeSeq, serialize_element, 1);
elements!(SerializeTuple, serialize_element, 1);
elements!(SerializeTupleStruct, serialize_field, 1);
elements!(SerializeTupleVariant, serialize_field, 2);

impl ser::SerializeMap for &mut Tape {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        // A map key is written as a string, as serde_json writes it.
        let start = self.text.len();
        key.serialize(KeyWriter(&mut self.text))?;
        let (s, e) = range(start, self.text.len())?;
        self.ops.push(Op::KeyStr(s, e));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        value.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.ops.push(Op::End);
        Ok(())
    }
}

/// The struct serialisers: each field is recorded as its name and its value; `end` closes the
/// dict, and for a struct variant the dict around it too.
macro_rules! fields {
    ($trait:ident, $closes:literal) => {
        impl ser::$trait for &mut Tape {
            type Ok = ();
            type Error = TapeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Res {
                self.ops.push(Op::Key(key));
                value.serialize(&mut **self)
            }
            fn end(self) -> Res {
                for _ in 0..$closes {
                    self.ops.push(Op::End);
                }
                Ok(())
            }
        }
    };
}

fields!(SerializeStruct, 1);
fields!(SerializeStructVariant, 2);

/// Writes a map key as text: strings as they are, numbers and booleans in decimal (as
/// serde_json quotes them); anything else cannot be a JSON key.
struct KeyWriter<'a>(&'a mut String);

fn not_a_key() -> TapeError {
    TapeError("a map key must be a string or a number".to_owned())
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<(), TapeError>;
    type SerializeTuple = ser::Impossible<(), TapeError>;
    type SerializeTupleStruct = ser::Impossible<(), TapeError>;
    type SerializeTupleVariant = ser::Impossible<(), TapeError>;
    type SerializeMap = ser::Impossible<(), TapeError>;
    type SerializeStruct = ser::Impossible<(), TapeError>;
    type SerializeStructVariant = ser::Impossible<(), TapeError>;

    fn serialize_bool(self, v: bool) -> Res {
        self.collect_str(&v)
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.collect_str(&v)
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.collect_str(&v)
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.collect_str(&v)
    }
    fn serialize_i64(self, v: i64) -> Res {
        self.collect_str(&v)
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.collect_str(&v)
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.collect_str(&v)
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.collect_str(&v)
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.collect_str(&v)
    }
    fn serialize_f32(self, _v: f32) -> Res {
        Err(not_a_key())
    }
    fn serialize_f64(self, _v: f64) -> Res {
        Err(not_a_key())
    }
    fn serialize_char(self, v: char) -> Res {
        self.collect_str(&v)
    }
    fn serialize_str(self, v: &str) -> Res {
        self.0.push_str(v);
        Ok(())
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Res {
        write!(self.0, "{value}").map_err(|e| TapeError(e.to_string()))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Res {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Res {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Res {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Res {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        Err(not_a_key())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Res {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Res {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Res {
        Err(not_a_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, TapeError> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, TapeError> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, TapeError> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, TapeError> {
        Err(not_a_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, TapeError> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, TapeError> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, TapeError> {
        Err(not_a_key())
    }
}
