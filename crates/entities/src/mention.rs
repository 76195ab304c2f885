//! Mentions: typed spans of text, with their normalised value.

use crate::date::PartialDate;
use fouille_tokenizer::Span;
use std::fmt;

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionKind {
    /// The name of one human being, without title or function: "Célestin Simporé".
    Person,
    /// An honorific or grade attached to a person: "M.", "général de brigade".
    Rank,
    /// An office or function of a named person: "ministre burkinabè de la Défense".
    Role,
    /// A sovereign state by its name: "Burkina Faso" (value: ISO 3166-1 alpha-2 code).
    Country,
    /// A nationality adjective or demonym: "burkinabè", "les Américains" (value: ISO code).
    Nationality,
    /// A calendar date or period: "novembre 2023" (value: ISO 8601, resolved when relative).
    Date,
    /// A part of a named day: "hier soir", "mardi matin" (value: the day, ISO 8601).
    Time,
    /// A named organisation, institution, company, party or armed group: "Al-Qaïda".
    Organization,
    /// A named place that is not a country: "Kigali", "Afrique".
    Location,
}

impl MentionKind {
    /// Every kind, in the contract's order.
    pub const ALL: [MentionKind; 9] = [
        MentionKind::Person,
        MentionKind::Rank,
        MentionKind::Role,
        MentionKind::Country,
        MentionKind::Nationality,
        MentionKind::Date,
        MentionKind::Time,
        MentionKind::Organization,
        MentionKind::Location,
    ];

    /// The name used in the JSON contract: "person", "rank", ...
    pub const fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Rank => "rank",
            MentionKind::Role => "role",
            MentionKind::Country => "country",
            MentionKind::Nationality => "nationality",
            MentionKind::Date => "date",
            MentionKind::Time => "time",
            MentionKind::Organization => "organization",
            MentionKind::Location => "location",
        }
    }

    /// The kind named `s` in the JSON contract.
    pub fn from_name(s: &str) -> Option<MentionKind> {
        MentionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for MentionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An ISO 3166-1 alpha-2 country code ("BF"), or "XK" for Kosovo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code for two ASCII capital letters.
    pub fn new(code: &str) -> Option<CountryCode> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                Some(CountryCode([a, b]))
            }
            _ => None,
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII capitals by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The normalised value of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// A country or nationality's country.
    Country(CountryCode),
    /// A date, as precise as the text allows.
    Date(PartialDate),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Country(c) => c.fmt(f),
            Value::Date(d) => d.fmt(f),
        }
    }
}

/// One mention: a span of the text that names something, what it names, and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Where it is, in bytes.
    pub span: Span,
    /// What it names.
    pub kind: MentionKind,
    /// Its normalised value (country code, ISO date), when it has one.
    pub value: Option<Value>,
    /// Index of its sentence.
    pub sentence: usize,
    /// Index of its entity in [`crate::Recognized::entities`], when it refers to one.
    pub entity: Option<usize>,
}
