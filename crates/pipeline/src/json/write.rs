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
    fn write_json(&self, out: &mut String);
}

/// `{"k1":v1,"k2":v2,...}`, keys written as they are (they are plain ASCII names).
macro_rules! object {
    ($out:expr, $k0:literal => $v0:expr $(, $k:literal => $v:expr)* $(,)?) => {{
        let out: &mut String = $out;
        out.push_str(concat!("{\"", $k0, "\":"));
        $v0.write_json(out);
        $(
            out.push_str(concat!(",\"", $k, "\":"));
            $v.write_json(out);
        )*
        out.push('}');
    }};
}

/// `,"key":value` when the value is there: the fields serde skips when they are `None`.
fn optional_field<T: WriteJson>(out: &mut String, key: &str, value: &Option<T>) {
    if let Some(v) = value {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        v.write_json(out);
    }
}

impl WriteJson for str {
    fn write_json(&self, out: &mut String) {
        write_escaped(out, self);
    }
}

impl WriteJson for &str {
    fn write_json(&self, out: &mut String) {
        write_escaped(out, self);
    }
}

impl WriteJson for usize {
    fn write_json(&self, out: &mut String) {
        out.push_str(itoa::Buffer::new().format(*self));
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl WriteJson for Id {
    fn write_json(&self, out: &mut String) {
        // Ids are a letter and digits: nothing to escape.
        let mut buf = [0u8; 24];
        out.push('"');
        out.push_str(self.as_text(&mut buf));
        out.push('"');
    }
}

impl<T: std::fmt::Display> WriteJson for Shown<T> {
    fn write_json(&self, out: &mut String) {
        use std::fmt::Write;
        let mut text = StackStr::default();
        match write!(text, "{}", self.0) {
            Ok(()) => write_escaped(out, text.as_str()),
            Err(_) => write_escaped(out, &self.0.to_string()),
        }
    }
}

impl WriteJson for Offsets {
    fn write_json(&self, out: &mut String) {
        object!(out,
            "start" => self.start,
            "end" => self.end,
            "byte_start" => self.byte_start,
            "byte_end" => self.byte_end,
        );
    }
}

impl WriteJson for TokenJson<'_> {
    fn write_json(&self, out: &mut String) {
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
    fn write_json(&self, out: &mut String) {
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
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"id\":");
        self.id.write_json(out);
        out.push_str(",\"type\":");
        self.kind.write_json(out);
        out.push_str(",\"name\":");
        self.name.write_json(out);
        optional_field(out, "code", &self.code);
        optional_field(out, "rank", &self.rank);
        optional_field(out, "roles", &self.roles);
        optional_field(out, "nationality", &self.nationality);
        out.push_str(",\"mentions\":");
        self.mentions.write_json(out);
        out.push('}');
    }
}

impl WriteJson for ArgumentJson<'_> {
    fn write_json(&self, out: &mut String) {
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
    fn write_json(&self, out: &mut String) {
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
    fn write_json(&self, out: &mut String) {
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
    fn write_json(&self, out: &mut String) {
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
    fn write_json(&self, out: &mut String) {
        object!(out, "value" => self.value, "mention" => self.mention);
    }
}

impl WriteJson for ClaimJson<'_> {
    fn write_json(&self, out: &mut String) {
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
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"id\":");
        self.id.write_json(out);
        out.push_str(",\"date\":");
        self.date.as_deref().write_json(out);
        out.push_str(",\"schema\":");
        self.schema.write_json(out);
        optional_field(out, "title", &self.title);
        out.push_str(",\"sentences\":");
        self.sentences.write_json(out);
        optional_field(out, "tokens", &self.tokens);
        out.push_str(",\"mentions\":");
        self.mentions.write_json(out);
        out.push_str(",\"entities\":");
        self.entities.write_json(out);
        out.push_str(",\"claims\":");
        self.claims.write_json(out);
        if let Some(meta) = self.meta {
            out.push_str(",\"meta\":");
            // Whatever the user's records hold: serde_json writes it.
            out.push_str(&serde_json::to_string(meta).unwrap_or_else(|_| "null".into()));
        }
        out.push_str(",\"error\":null}");
    }
}

/// A JSON string, escaped as serde_json escapes it: quotes, backslashes and control characters;
/// everything else, non-ASCII included, as it is.
pub(crate) fn write_escaped(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none needs escaping: most of a text does not.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if !NEEDS_ESCAPE[b as usize] {
            i += 1;
            continue;
        }
        // An escaped byte is ASCII: the text before it ends on a char boundary.
        out.push_str(&s[run..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 0xf) as usize] as char);
            }
        }
        i += 1;
        run = i;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// Whether any of eight bytes is a control character, a quote or a backslash (the classic
/// "has a byte less than n" and "has a zero byte" bit tricks).
#[inline]
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    let quote = word ^ (ONES * b'"' as u64);
    let backslash = word ^ (ONES * b'\\' as u64);
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    below_space | zero(quote) | zero(backslash) != 0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u8..0x80).map(char::from).chain("é’😀\u{2028}".chars()) {
            all.push(c);
        }
        for s in [
            all.as_str(),
            "",
            "plain text of more than eight bytes",
            "ab\"cdefghij\\",
        ] {
            let mut out = String::new();
            write_escaped(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn the_word_test_agrees_with_the_table() {
        for b in 0u8..=255 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = b;
                let word = u64::from_le_bytes(bytes);
                assert_eq!(needs_escape(word), NEEDS_ESCAPE[b as usize], "{b} at {at}");
            }
        }
    }
}
