//! Entities: the referents that mentions name, gathered over the whole document.

use crate::mention::CountryCode;
use fouille_tokenizer::Span;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A human being.
    Person,
    /// A sovereign state.
    Country,
    /// An organisation.
    Organization,
    /// A place other than a country.
    Location,
}

impl EntityKind {
    /// The name used in the JSON contract.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
        }
    }
}

/// How an entity is named: by a span of the text, or by a canonical name from a table (a
/// country's French short name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityName {
    /// The text of this span.
    Span(Span),
    /// A canonical name.
    Canonical(&'static str),
}

impl EntityName {
    /// The name as text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str
    where
        'static: 't,
    {
        match self {
            EntityName::Span(s) => s.text(text),
            EntityName::Canonical(s) => s,
        }
    }
}

/// One referent of the document, with everything the document says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Its name: for a person, the longest form in the text.
    pub name: EntityName,
    /// Indexes of its mentions in [`crate::Recognized::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// For a country, its code; for a person, no code.
    pub code: Option<CountryCode>,
    /// For a person: the rank first stated ("général de brigade").
    pub rank: Option<Span>,
    /// For a person: every role stated, in text order, without repeats.
    pub roles: Vec<Span>,
    /// For a person: the nationality stated ("le ministre burkinabè", "son homologue russe").
    pub nationality: Option<CountryCode>,
}

impl Entity {
    /// An entity with only a kind and a name.
    pub fn new(kind: EntityKind, name: EntityName) -> Self {
        Entity {
            kind,
            name,
            mentions: Vec::new(),
            code: None,
            rank: None,
            roles: Vec::new(),
            nationality: None,
        }
    }
}
