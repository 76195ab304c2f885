//! The compact output line, written by hand: a line holds every mention, entity and claim of
//! an article with their texts, and serde's generic field machinery cost more than the
//! analysis's slowest stage. The bytes are those `serde_json::to_string` gives for the same
//! [`ArticleJson`] (a test holds them equal); the serde derives stay for `--pretty` and for
//! other serializers.

use super::{
    ArgumentJson, ArticleJson, ClaimJson, CueJson, EntityJson, Id, MentionJson, ObjectJson,
    Offsets, PredicateJson, Shown, StackStr, TimeJson, TokenJson,
};

/// A value written as JSON into a byte buffer.
pub(crate) trait WriteJson {
    fn write_json(&self, out: &mut Vec<u8>);
}

/// `{"k1":v1,"k2":v2,...}`, keys written as they are (they are plain ASCII names).
macro_rules! object {
    ($out:expr, $k0:literal => $v0:expr $(, $k:literal => $v:expr)* $(,)?) => {{
        let out: &mut Vec<u8> = $out;
        out.extend_from_slice(concat!("{\"", $k0, "\":").as_bytes());
        $v0.write_json(out);
        $(
            out.extend_from_slice(concat!(",\"", $k, "\":").as_bytes());
            $v.write_json(out);
        )*
        out.push(b'}');
    }};
}

/// `,"key":value` when the value is there: the fields serde skips when they are `None`.
fn optional_field<T: WriteJson>(out: &mut Vec<u8>, key: &str, value: &Option<T>) {
    if let Some(v) = value {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        v.write_json(out);
    }
}

impl WriteJson for str {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_escaped(out, self);
    }
}

impl WriteJson for &str {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_escaped(out, self);
    }
}

impl WriteJson for usize {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(v) => v.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            v.write_json(out);
        }
        out.push(b']');
    }
}

impl WriteJson for Id {
    fn write_json(&self, out: &mut Vec<u8>) {
        // Ids are a letter and digits: nothing to escape.
        let mut buf = [0u8; 24];
        out.push(b'"');
        out.extend_from_slice(self.as_text(&mut buf).as_bytes());
        out.push(b'"');
    }
}

impl<T: std::fmt::Display> WriteJson for Shown<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        use std::fmt::Write;
        let mut text = StackStr::default();
        match write!(text, "{}", self.0) {
            Ok(()) => write_escaped(out, text.as_str()),
            Err(_) => write_escaped(out, &self.0.to_string()),
        }
    }
}

impl WriteJson for Offsets {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
        );
    }
}

impl WriteJson for TokenJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
            "text" => self.text,
        );
    }
}

impl WriteJson for MentionJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "id" => self.id,
            "type" => self.kind,
            "text" => self.text,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
            "sentence" => self.sentence,
            "value" => self.value,
            "entity" => self.entity,
        );
    }
}

impl WriteJson for EntityJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"id\":");
        self.id.write_json(out);
        out.extend_from_slice(b",\"type\":");
        self.kind.write_json(out);
        out.extend_from_slice(b",\"name\":");
        self.name.write_json(out);
        optional_field(out, "code", &self.code);
        optional_field(out, "rank", &self.rank);
        optional_field(out, "roles", &self.roles);
        optional_field(out, "nationality", &self.nationality);
        out.extend_from_slice(b",\"mentions\":");
        self.mentions.write_json(out);
        out.push(b'}');
    }
}

impl WriteJson for ArgumentJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "text" => self.text,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
            "entity" => self.entity,
        );
    }
}

impl WriteJson for PredicateJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "text" => self.text,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
            "lemma" => self.lemma,
            "negated" => self.negated,
        );
    }
}

impl WriteJson for ObjectJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "text" => self.text,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
            "entities" => self.entities,
        );
    }
}

impl WriteJson for CueJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "text" => self.text,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
            "lemma" => self.lemma,
        );
    }
}

impl WriteJson for TimeJson {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out, "value" => self.value, "mention" => self.mention);
    }
}

impl WriteJson for ClaimJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "id" => self.id,
            "sentence" => self.sentence,
            "text" => self.text,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
            "kind" => self.kind,
            "modality" => self.modality,
            "subject" => self.subject,
            "predicate" => self.predicate,
            "object" => self.object,
            "source" => self.source,
            "cue" => self.cue,
            "direct" => self.direct,
            "content" => self.content,
            "time" => self.time,
            "place" => self.place,
        );
    }
}

impl WriteJson for ArticleJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"id\":");
        self.id.write_json(out);
        out.extend_from_slice(b",\"date\":");
        self.date.as_deref().write_json(out);
        out.extend_from_slice(b",\"schema\":");
        self.schema.write_json(out);
        optional_field(out, "title", &self.title);
        out.extend_from_slice(b",\"sentences\":");
        self.sentences.write_json(out);
        optional_field(out, "tokens", &self.tokens);
        out.extend_from_slice(b",\"mentions\":");
        self.mentions.write_json(out);
        out.extend_from_slice(b",\"entities\":");
        self.entities.write_json(out);
        out.extend_from_slice(b",\"claims\":");
        self.claims.write_json(out);
        if let Some(meta) = self.meta {
            out.extend_from_slice(b",\"meta\":");
            // Whatever the user's records hold: serde_json writes it.
            let _ = serde_json::to_writer(&mut *out, meta);
        }
        out.extend_from_slice(b",\"error\":null}");
    }
}

/// A JSON string, escaped as serde_json escapes it: quotes, backslashes and control characters;
/// everything else, non-ASCII included, as it is.
pub(crate) fn write_escaped(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !NEEDS_ESCAPE[b as usize] {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 0xf) as usize]);
            }
        }
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};
