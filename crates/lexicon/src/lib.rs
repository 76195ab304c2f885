//! A French lexicon for reading news: the parts of speech of common words, the analyses and
//! infinitive of verb forms, proper nouns, and first names with their gender.
//!
//! The data is compiled in from sorted text files under `data/`: common-word forms and proper
//! nouns from Lefff 3.4 (LGPL-LR), first names from INSEE's file of names given in France and
//! Jörg Michael's international list (GNU FDL); `data/README.md` says what was kept and why.
//! A [`Lexicon`] builds hash tables over that data once; lookups then borrow it and never
//! allocate, accept `’` for `'`, and never panic.
//!
//! ```
//! use fouille_lexicon::{Lexicon, MoodTense, Pos};
//!
//! let lexicon = Lexicon::new();
//!
//! // « Le ministre a effectué une visite et espère revenir. »
//! let effectue = lexicon.verb_analyses("effectué").next().unwrap();
//! assert_eq!((effectue.lemma, effectue.mood_tense), ("effectuer", MoodTense::PastParticiple));
//! assert_eq!(lexicon.lemma("a"), Some("avoir"));
//! assert!(lexicon.verb_analyses("espère").any(|a| a.mood_tense == MoodTense::Present
//!     && a.person == Some(3)
//!     && !a.plural));
//!
//! // « Cet été-là, l’équipe a été reçue » : a noun and a form of « être ».
//! let ete = lexicon.word("été").unwrap();
//! assert!(ete.is(Pos::Noun) && ete.is(Pos::Verb));
//! assert_eq!(ete.lemma(), Some("être"));
//! assert!(lexicon.is_common_word("L’")); // lowercased, and with an ASCII apostrophe: "l'"
//!
//! // « Kassoum Ouédraogo » : a first name; « Rose » is one too, and also a common word.
//! assert!(lexicon.first_name("Kassoum").is_some_and(|name| !name.ambiguous));
//! assert!(lexicon.first_name("Rose").is_some_and(|name| name.ambiguous));
//! ```
#![deny(missing_docs)]

mod data;
mod forms;
mod hash;
mod key;
mod lexicon;
mod names;
mod pos;
mod verb;
mod word_key;

#[cfg(test)]
mod data_tests;

pub use forms::WordInfo;
pub use lexicon::Lexicon;
pub use names::{FirstNameInfo, Gender, ProperNounInfo};
pub use pos::{PartsOfSpeech, Pos};
pub use verb::{MoodTense, VerbAnalyses, VerbAnalysis};
pub use word_key::WordKey;
