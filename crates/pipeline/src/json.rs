//! The JSON contract, `fouille/1`: one object per article, on one line.
//!
//! Every span carries code point offsets (`start`, `end`: Python string indices) and byte offsets
//! (`byte_start`, `byte_end`: Rust string indices), end exclusive, into the article's text.

use crate::record::ErrorKind;
use crate::{Analysis, Article, SCHEMA};
use fouille_claims::Claim;
use fouille_entities::{CountryCode, Entity, EntityKind, Mention, Recognized, Value};
use fouille_tokenizer::{CharOffsets, Span};
use serde::Serialize;

mod write;
use write::WriteJson;

/// What to put in the output besides the always-present fields.
#[derive(Clone, Copy, Debug, Default)]
pub struct OutputOptions {
    /// Add every token with its text.
    pub tokens: bool,
    /// Indent the JSON over several lines (for reading one article).
    pub pretty: bool,
}

/// Offsets of a span, in code points and bytes.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Offsets {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// First byte.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
}

impl Offsets {
    fn new(chars: &CharOffsets, span: Span) -> Self {
        let r = chars.char_range(span);
        Offsets {
            start: r.start,
            end: r.end,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

/// A token: its offsets and text.
#[derive(Debug, Serialize)]
pub struct TokenJson<'a> {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    text: &'a str,
}

/// A mention.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    id: Id,
    #[serde(rename = "type")]
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    sentence: usize,
    value: Option<Shown<Value>>,
    entity: Option<Id>,
}

/// An entity.
#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    id: Id,
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<Shown<CountryCode>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nationality: Option<Option<Shown<CountryCode>>>,
    mentions: Vec<Id>,
}

/// A span with its text and the entity it refers to: a claim's subject or source.
#[derive(Debug, Serialize)]
pub struct ArgumentJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    entity: Option<Id>,
}

/// A claim's predicate.
#[derive(Debug, Serialize)]
pub struct PredicateJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    lemma: &'static str,
    negated: bool,
}

/// A claim's object.
#[derive(Debug, Serialize)]
pub struct ObjectJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    entities: Vec<Id>,
}

/// An attribution cue.
#[derive(Debug, Serialize)]
pub struct CueJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    lemma: &'static str,
}

/// When a claim happened.
#[derive(Debug, Serialize)]
pub struct TimeJson {
    value: Option<Shown<Value>>,
    mention: Id,
}

/// A claim.
#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    id: Id,
    sentence: usize,
    text: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    kind: &'static str,
    modality: &'static str,
    subject: Option<ArgumentJson<'a>>,
    predicate: Option<PredicateJson<'a>>,
    object: Option<ObjectJson<'a>>,
    source: Option<ArgumentJson<'a>>,
    cue: Option<CueJson<'a>>,
    direct: bool,
    content: Option<Offsets>,
    time: Option<TimeJson>,
    place: Option<Id>,
}

/// One article's result, as written on its output line.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    id: &'a str,
    date: Option<String>,
    schema: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    sentences: Vec<Offsets>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenJson<'a>>>,
    mentions: Vec<MentionJson<'a>>,
    entities: Vec<EntityJson<'a>>,
    claims: Vec<ClaimJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<&'a serde_json::Map<String, serde_json::Value>>,
    error: Option<()>,
}

/// An id such as "m7" (mention 6, counted from 0), written without allocating.
#[derive(Clone, Copy, Debug)]
pub struct Id(char, usize);

impl Id {
    /// The id's text ("m7"), written into `buf`: digits from the right, as ids are written by
    /// the thousands per article and the formatting machinery would cost more than the id.
    fn as_text<'b>(&self, buf: &'b mut [u8; 24]) -> &'b str {
        let mut at = buf.len();
        let mut n = self.1 + 1;
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        at -= 1;
        buf[at] = self.0 as u8;
        std::str::from_utf8(&buf[at..]).unwrap_or_default()
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_text(&mut [0u8; 24]))
    }
}

/// A value written through its `Display` ("BF", "2023-11"), without allocating.
#[derive(Clone, Copy, Debug)]
pub struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use std::fmt::Write;
        let mut buf = StackStr::default();
        match write!(buf, "{}", self.0) {
            Ok(()) => s.serialize_str(buf.as_str()),
            Err(_) => s.collect_str(&self.0),
        }
    }
}

/// A short string on the stack: values are written into it whole, then escaped once.
#[derive(Default)]
struct StackStr {
    buf: [u8; 32],
    len: usize,
}

impl StackStr {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl std::fmt::Write for StackStr {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn mention_id(i: usize) -> Id {
    Id('m', i)
}

fn entity_id(i: usize) -> Id {
    Id('e', i)
}

impl<'t> Analysis<'t> {
    /// The serde view of this analysis in the `fouille/1` contract.
    pub fn to_json<'a>(
        &'a self,
        article: &'a Article<'t>,
        options: &OutputOptions,
    ) -> ArticleJson<'a>
    where
        't: 'a,
    {
        let text = article.text;
        let chars = CharOffsets::new(text);
        let seg = &self.segmentation;
        ArticleJson {
            id: article.id,
            date: article.date.map(|d| d.to_string()),
            schema: SCHEMA,
            title: article.title,
            sentences: seg
                .sentences
                .iter()
                .map(|s| Offsets::new(&chars, s.span))
                .collect(),
            tokens: options.tokens.then(|| {
                seg.tokens
                    .iter()
                    .map(|t| TokenJson {
                        start: chars.char_offset(t.span.start),
                        end: chars.char_offset(t.span.end),
                        byte_start: t.span.start,
                        byte_end: t.span.end,
                        text: t.text(text),
                    })
                    .collect()
            }),
            mentions: self
                .recognized
                .mentions
                .iter()
                .enumerate()
                .map(|(i, m)| mention_json(text, &chars, i, m))
                .collect(),
            entities: self
                .recognized
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| entity_json(text, i, e))
                .collect(),
            claims: self
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| claim_json(text, &chars, &self.recognized, i, c))
                .collect(),
            meta: article.meta.filter(|m| !m.is_empty()),
            error: None,
        }
    }

    /// The article's output line (without its newline), or an indented object with
    /// [`OutputOptions::pretty`].
    pub fn to_json_line(&self, article: &Article<'t>, options: &OutputOptions) -> String {
        let json = self.to_json(article, options);
        // Serialising plain structs of strings and numbers cannot fail.
        if options.pretty {
            serde_json::to_string_pretty(&json).unwrap_or_default()
        } else {
            let mut out = String::with_capacity(article.text.len() * 8);
            json.write_json(&mut out);
            out
        }
    }
}

fn mention_json<'a>(text: &'a str, chars: &CharOffsets, i: usize, m: &Mention) -> MentionJson<'a> {
    MentionJson {
        id: mention_id(i),
        kind: m.kind.as_str(),
        text: m.span.text(text),
        start: chars.char_offset(m.span.start),
        end: chars.char_offset(m.span.end),
        byte_start: m.span.start,
        byte_end: m.span.end,
        sentence: m.sentence,
        value: m.value.map(Shown),
        entity: m.entity.map(entity_id),
    }
}

fn entity_json<'a>(text: &'a str, i: usize, e: &'a Entity) -> EntityJson<'a> {
    let person = e.kind == EntityKind::Person;
    EntityJson {
        id: entity_id(i),
        kind: e.kind.as_str(),
        name: e.name.text(text),
        code: e.code.map(Shown),
        rank: person.then(|| e.rank.map(|s| s.text(text))),
        roles: person.then(|| e.roles.iter().map(|s| s.text(text)).collect()),
        nationality: person.then(|| e.nationality.map(Shown)),
        mentions: e.mentions.iter().map(|&m| mention_id(m)).collect(),
    }
}

fn claim_json<'a>(
    text: &'a str,
    chars: &CharOffsets,
    recognized: &Recognized,
    i: usize,
    c: &'a Claim,
) -> ClaimJson<'a> {
    let argument = |span: Span, entity: Option<usize>| ArgumentJson {
        text: span.text(text),
        start: chars.char_offset(span.start),
        end: chars.char_offset(span.end),
        byte_start: span.start,
        byte_end: span.end,
        entity: entity.map(entity_id),
    };
    let attribution = c.attribution.as_ref();
    ClaimJson {
        id: Id('c', i),
        sentence: c.sentence,
        text: c.span.text(text),
        start: chars.char_offset(c.span.start),
        end: chars.char_offset(c.span.end),
        byte_start: c.span.start,
        byte_end: c.span.end,
        kind: c.kind.as_str(),
        modality: c.modality.as_str(),
        subject: c.subject.map(|a| argument(a.span, a.entity)),
        predicate: c.predicate.map(|p| PredicateJson {
            text: p.span.text(text),
            start: chars.char_offset(p.span.start),
            end: chars.char_offset(p.span.end),
            byte_start: p.span.start,
            byte_end: p.span.end,
            lemma: p.lemma,
            negated: p.negated,
        }),
        object: c.object.as_ref().map(|o| ObjectJson {
            text: o.span.text(text),
            start: chars.char_offset(o.span.start),
            end: chars.char_offset(o.span.end),
            byte_start: o.span.start,
            byte_end: o.span.end,
            entities: o.entities.iter().map(|&e| entity_id(e)).collect(),
        }),
        source: attribution.map(|a| argument(a.source.span, a.source.entity)),
        cue: attribution.and_then(|a| a.cue).map(|cue| CueJson {
            text: cue.span.text(text),
            start: chars.char_offset(cue.span.start),
            end: chars.char_offset(cue.span.end),
            byte_start: cue.span.start,
            byte_end: cue.span.end,
            lemma: cue.lemma,
        }),
        direct: attribution.is_some_and(|a| a.direct),
        content: attribution.map(|a| Offsets::new(chars, a.content)),
        time: c.time.and_then(|m| {
            let mention = recognized.mentions.get(m)?;
            Some(TimeJson {
                value: mention.value.map(Shown),
                mention: mention_id(m),
            })
        }),
        place: c.place.map(entity_id),
    }
}

/// Where a failed record came from.
#[derive(Clone, Debug, Serialize)]
pub struct SourceJson<'a> {
    /// The input file, or "-" for standard input.
    pub file: &'a str,
    /// The line in that file (1-based), for JSON Lines input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// Why a record could not be processed.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorDetail<'a> {
    /// A stable machine-readable kind: "invalid_json", "missing_text", "empty_text", ...
    pub kind: ErrorKind,
    /// What went wrong, for a human.
    pub message: &'a str,
    /// Where the record came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceJson<'a>>,
}

/// The output line of a record that could not be processed: written at its place, so that
/// every input record gives exactly one output line.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorJson<'a> {
    /// The record's id when it could be read, else null.
    pub id: Option<&'a str>,
    /// The contract version.
    pub schema: &'static str,
    /// What went wrong.
    pub error: ErrorDetail<'a>,
}

impl<'a> ErrorJson<'a> {
    /// An error line.
    pub fn new(id: Option<&'a str>, error: ErrorDetail<'a>) -> Self {
        ErrorJson {
            id,
            schema: SCHEMA,
            error,
        }
    }

    /// The error's output line, without its newline.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
