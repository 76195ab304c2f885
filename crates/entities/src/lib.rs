//! French named-entity recognition for news: persons with their ranks, roles and nationality;
//! countries and nationalities with ISO codes; dates resolved against the article's date;
//! organisations and places.
//!
//! ```
//! use fouille_entities::{Date, Recognizer};
//! use fouille_tokenizer::Tokenizer;
//!
//! let tokenizer = Tokenizer::new();
//! let recognizer = Recognizer::new();
//! let text = "Le Burkina Faso a reçu une délégation russe en novembre 2023.";
//! let seg = tokenizer.segment(text);
//! let found = recognizer.recognize(&seg, Date::new(2023, 11, 30));
//! for m in &found.mentions {
//!     println!("{} {} {:?}", m.kind, m.span.text(text), m.value.map(|v| v.to_string()));
//! }
//! ```
#![deny(missing_docs)]

mod classes;
mod coref;
pub mod date;
mod dates;
mod doc;
mod entity;
mod gazetteer;
mod lists;
mod mention;
mod orgs;
mod people;
mod places;
mod recognize;
mod roles;
mod select;
mod words;

pub use date::{Date, PartialDate};
pub use dates::{DateResolver, Tense};
pub use entity::{Entity, EntityKind, EntityName};
pub use mention::{CountryCode, Mention, MentionKind, Value};

use doc::Doc;
use fouille_document::Document;
use fouille_lexicon::{Lexicon, MoodTense};
use fouille_tokenizer::{Segmentation, Span};

/// What the recogniser found in one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recognized {
    /// Mentions in text order (by start, then longest first).
    pub mentions: Vec<Mention>,
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
}

impl Recognized {
    /// Moves every span (mentions, entity names, ranks and roles) by `map`: for mentions found
    /// in a composed view of a text, back to the original text.
    pub fn map_spans(&mut self, map: impl Fn(Span) -> Span) {
        for m in &mut self.mentions {
            m.span = map(m.span);
        }
        for e in &mut self.entities {
            if let EntityName::Span(s) = &mut e.name {
                *s = map(*s);
            }
            if let Some(r) = &mut e.rank {
                *r = map(*r);
            }
            e.roles.iter_mut().for_each(|r| *r = map(*r));
        }
    }
}

/// Whether a word may be an auxiliary, a form of "aller", a future or a past tense, by its
/// ending: the only words whose analyses tell a sentence's tense, so that others are not looked
/// up.
fn may_mark_tense(w: &str) -> bool {
    matches!(
        w,
        "a" | "ont" | "est" | "sont" | "va" | "vont" | "vais" | "allons" | "allez"
    ) || [
        "ra", "ras", "rai", "rons", "rez", "ront", "ait", "aient", "it", "irent", "èrent", "urent",
        "ut", "a", "avait", "était",
    ]
    .iter()
    .any(|end| w.ends_with(end))
        || w.ends_with('é')
        || w.ends_with("és")
        || w.ends_with("ée")
        || w.ends_with("ées")
        || w.ends_with("u")
        || w.ends_with("us")
        || w.ends_with('i')
        || w.ends_with("is")
}

/// Verbs whose compound past takes "être": "est venu", "est mort".
fn moves_with_etre(lemma: &str) -> bool {
    matches!(
        lemma,
        "aller"
            | "venir"
            | "arriver"
            | "partir"
            | "naître"
            | "mourir"
            | "décéder"
            | "devenir"
            | "revenir"
            | "rester"
            | "tomber"
            | "entrer"
            | "rentrer"
            | "sortir"
            | "monter"
            | "descendre"
            | "retourner"
            | "parvenir"
            | "survenir"
            | "intervenir"
            | "passer"
    )
}

/// The entity recogniser: built once with its gazetteers and automata, then shared by threads.
#[derive(Clone, Debug)]
pub struct Recognizer {
    lexicon: &'static Lexicon,
    dates: DateResolver,
    gazetteer: gazetteer::Gazetteer,
    lists: lists::Lists,
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer {
    /// A recogniser with the built-in French data.
    pub fn new() -> Self {
        let gazetteer = gazetteer::Gazetteer::builtin();
        let mut lists = lists::Lists::builtin();
        gazetteer.classify(&mut lists.classes);
        Recognizer {
            lexicon: Lexicon::shared(),
            dates: DateResolver,
            gazetteer,
            lists,
        }
    }

    /// Finds the mentions and entities of a segmented document. `date` is the article's
    /// publication date, against which relative dates ("hier", "mercredi") are resolved.
    ///
    /// This builds the segmentation's [`Document`]; a pipeline that has built it already for
    /// other stages calls [`Recognizer::recognize_document`].
    pub fn recognize(&self, seg: &Segmentation<'_>, date: Option<Date>) -> Recognized {
        self.run(&Document::new(seg), date)
    }

    /// Finds the mentions and entities of a document, as [`Recognizer::recognize`] does.
    pub fn recognize_document(&self, document: &Document<'_>, date: Option<Date>) -> Recognized {
        self.run(document, date)
    }

    /// The time a sentence speaks of: a future ("signera", "va signer") or a past tense
    /// ("a signé", "signait"), so that a date without year or week points the right way.
    pub(crate) fn sentence_tense(&self, doc: &Doc<'_>, range: std::ops::Range<usize>) -> Tense {
        let (mut past, mut future) = (false, false);
        for i in range.clone() {
            let w = doc.word(i);
            if !words::is_lowercase_word(w) || !may_mark_tense(w) {
                continue;
            }
            let mut auxiliary = None;
            for a in self.lexicon.verb_analyses(w) {
                match a.mood_tense {
                    MoodTense::Future => future = true,
                    MoodTense::Imperfect | MoodTense::PastSimple => past = true,
                    MoodTense::Present if matches!(a.lemma, "avoir" | "être") => {
                        auxiliary = Some(a.lemma)
                    }
                    MoodTense::Present if a.lemma == "aller" => {
                        future |= self
                            .lexicon
                            .verb_analyses(doc.word(i + 1))
                            .any(|n| n.mood_tense == MoodTense::Infinitive);
                    }
                    _ => {}
                }
            }
            if let Some(aux) = auxiliary {
                // "a signé", "a notamment annoncé", "est venu", "s'est rendu"; but "est
                // confronté" is a present passive.
                let reflexive = doc.is_any(i.wrapping_sub(1), &["s'", "se"]);
                past |= (i + 1..(i + 4).min(range.end)).any(|j| {
                    self.lexicon.verb_analyses(doc.word(j)).any(|a| {
                        a.mood_tense == MoodTense::PastParticiple
                            && a.lemma != "être"
                            && (aux == "avoir" || reflexive || moves_with_etre(a.lemma))
                    })
                });
            }
        }
        match (past, future) {
            (true, false) => Tense::Past,
            (false, true) => Tense::Future,
            _ => Tense::Unknown,
        }
    }
}
