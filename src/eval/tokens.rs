//! `fouille eval tokens`: token and sentence boundaries against UD-style gold.

use super::score::{exact_matches, Counts, Scores};
use anyhow::Result;
use fouille_tokenizer::{CharOffsets, Tokenizer};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A gold document: text with code point spans of its tokens and sentences.
#[derive(Deserialize)]
struct GoldDoc {
    text: String,
    tokens: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
}

/// Token and sentence scores over a gold file.
#[derive(Debug, Default, Serialize)]
pub struct TokenReport {
    pub documents: usize,
    pub tokens: Counts,
    pub sentences: Counts,
}

pub fn evaluate(path: &Path) -> Result<TokenReport> {
    let docs: Vec<GoldDoc> = super::read_gold(path)?;
    let tokenizer = Tokenizer::new();
    let mut report = TokenReport::default();
    for mut doc in docs {
        let seg = tokenizer.segment(&doc.text);
        let chars = CharOffsets::new(&doc.text);
        let to_chars = |s| {
            let r = chars.char_range(s);
            (r.start, r.end)
        };
        let mut tokens: Vec<_> = seg.tokens.iter().map(|t| to_chars(t.span)).collect();
        let mut sentences: Vec<_> = seg.sentences.iter().map(|s| to_chars(s.span)).collect();
        for list in [
            &mut tokens,
            &mut sentences,
            &mut doc.tokens,
            &mut doc.sentences,
        ] {
            list.sort_unstable();
            list.dedup();
        }
        report.tokens.add(exact_matches(&doc.tokens, &tokens));
        report
            .sentences
            .add(exact_matches(&doc.sentences, &sentences));
        report.documents += 1;
    }
    Ok(report)
}

#[derive(Serialize)]
struct JsonReport {
    documents: usize,
    tokens: Scores,
    sentences: Scores,
}

impl TokenReport {
    pub fn to_json(&self) -> String {
        let r = JsonReport {
            documents: self.documents,
            tokens: self.tokens.scores(),
            sentences: self.sentences.scores(),
        };
        serde_json::to_string_pretty(&r).unwrap_or_default()
    }

    pub fn to_text(&self, path: &Path) -> String {
        format!(
            "{}: {} documents\ntokens     {}\nsentences  {}\n",
            path.display(),
            self.documents,
            self.tokens,
            self.sentences
        )
    }
}
