//! The fouille pipeline: tokenizer, the [`Document`] the stages share, entity recogniser and
//! claim extractor over one article, and the serde types of the JSON contract (`fouille/1`,
//! see `docs/json-contract.md`).
//!
//! Build a [`Pipeline`] once and share it by reference between threads; [`Pipeline::analyze`]
//! never fails and never panics, whatever the text.
//!
//! ```
//! use fouille_pipeline::{Article, OutputOptions, Pipeline};
//!
//! let pipeline = Pipeline::new();
//! let article = Article::new("exemple", "Le Burkina Faso espère bénéficier de l’expérience du Rwanda.");
//! let analysis = pipeline.analyze(&article);
//! assert_eq!(analysis.segmentation.sentences.len(), 1);
//! let json = analysis.to_json_line(&article, &OutputOptions::default());
//! assert!(json.starts_with(r#"{"id":"exemple","date":null,"schema":"fouille/1""#));
//! ```
#![deny(missing_docs)]

pub mod alloc;
pub mod json;
pub mod record;

pub use fouille_claims::{Claim, ClaimExtractor};
pub use fouille_document::Document;
pub use fouille_entities::{Date, MentionKind, Recognized, Recognizer};
pub use fouille_tokenizer::{CharOffsets, ComposedText, Segmentation, Tokenizer};
pub use json::OutputOptions;
pub use record::ErrorKind;

/// The version of the JSON contract this crate writes.
pub const SCHEMA: &str = "fouille/1";

/// One article to analyse: its text and what is known about it.
#[derive(Clone, Debug, Default)]
pub struct Article<'a> {
    /// The article's identifier, carried to the output.
    pub id: &'a str,
    /// Its publication date, against which relative dates are resolved.
    pub date: Option<Date>,
    /// Its title when given apart from the text; carried to the output, not analysed.
    pub title: Option<&'a str>,
    /// The text to analyse.
    pub text: &'a str,
    /// Fields of the input record that fouille does not use, carried to the output under `meta`.
    pub meta: Option<&'a serde_json::Map<String, serde_json::Value>>,
}

impl<'a> Article<'a> {
    /// An article with an id and a text, and nothing else known.
    pub fn new(id: &'a str, text: &'a str) -> Self {
        Article {
            id,
            text,
            ..Article::default()
        }
    }
}

/// Everything fouille found in one article.
#[derive(Clone, Debug)]
pub struct Analysis<'t> {
    /// Sentences and tokens.
    pub segmentation: Segmentation<'t>,
    /// Mentions and entities.
    pub recognized: Recognized,
    /// Claims.
    pub claims: Vec<Claim>,
}

/// The engine: built once (word lists, gazetteers, automata), immutable, `Send + Sync`.
#[derive(Clone, Debug, Default)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    recognizer: Recognizer,
    claims: ClaimExtractor,
}

impl Pipeline {
    /// A pipeline with all the built-in French data.
    pub fn new() -> Self {
        Pipeline {
            tokenizer: Tokenizer::new(),
            recognizer: Recognizer::new(),
            claims: ClaimExtractor::new(),
        }
    }

    /// The tokenizer stage.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The entity recognition stage.
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// Runs every stage on one article.
    ///
    /// Text whose accents are written as combining marks ("e" and U+0301, as macOS writes) is
    /// analysed in its composed form, so that it gives what the same text composed gives; every
    /// span of the analysis is then brought back to the article's text, to which its offsets
    /// point as for any other text.
    pub fn analyze<'t>(&self, article: &Article<'t>) -> Analysis<'t> {
        let Some(composed) = ComposedText::of(article.text) else {
            return self.analyze_text(article.text, article.date);
        };
        let analysis = self.analyze_text(composed.text(), article.date);
        let original = |span| composed.original(span);
        let mut recognized = analysis.recognized;
        recognized.map_spans(original);
        let mut claims = analysis.claims;
        claims.iter_mut().for_each(|c| c.map_spans(original));
        Analysis {
            segmentation: analysis.segmentation.rebase(article.text, original),
            recognized,
            claims,
        }
    }

    fn analyze_text<'t>(&self, text: &'t str, date: Option<Date>) -> Analysis<'t> {
        let segmentation = self.tokenizer.segment(text);
        // Built once, read by both stages: each word is looked up once.
        let document = Document::new(&segmentation);
        let recognized = self.recognizer.recognize_document(&document, date);
        let claims = self.claims.extract_document(&document, &recognized);
        drop(document);
        Analysis {
            segmentation,
            recognized,
            claims,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn pipeline_is_shareable() {
        assert_send_sync::<Pipeline>();
    }

    #[test]
    fn stages_on_the_shared_document_find_what_they_find_alone() {
        let pipeline = Pipeline::new();
        let text = include_str!("../../../fixtures/burkina-faso-partenariats.txt");
        let date = Date::new(2023, 11, 30);
        let analysis = pipeline.analyze(&Article {
            date,
            ..Article::new("burkina", text)
        });
        let seg = pipeline.tokenizer().segment(text);
        let alone = pipeline.recognizer().recognize(&seg, date);
        assert_eq!(analysis.recognized, alone);
        assert!(!alone.mentions.is_empty());
        let claims = ClaimExtractor::new().extract(&seg, &alone);
        assert_eq!(analysis.claims, claims);
        assert!(!claims.is_empty());
    }
}
