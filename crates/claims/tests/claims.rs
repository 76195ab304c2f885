//! Claim cases per construction, read from `tests/data/claims.tsv`.

use fouille_claims::{Claim, ClaimExtractor};
use fouille_entities::{Date, Recognized, Recognizer};
use fouille_tokenizer::Tokenizer;

fn referent(found: &Recognized, text: &str, entity: Option<usize>) -> String {
    entity
        .and_then(|e| found.entities.get(e))
        .map_or("-".to_owned(), |e| e.name.text(text).to_owned())
}

fn render(text: &str, found: &Recognized, c: &Claim) -> String {
    let subject = c.subject.map_or("-=>-".to_owned(), |s| {
        format!("{}=>{}", s.span.text(text), referent(found, text, s.entity))
    });
    let lemma = c.predicate.map_or("-", |p| p.lemma);
    let mut out = format!(
        "{}/{} {subject} {lemma}",
        c.kind.as_str(),
        c.modality.as_str()
    );
    if let Some(a) = &c.attribution {
        out += &format!(
            " <= {}=>{} {} {}",
            a.source.span.text(text),
            referent(found, text, a.source.entity),
            a.cue.map_or("-", |c| c.lemma),
            if a.direct { "direct" } else { "indirect" }
        );
    }
    out
}

#[test]
fn claim_cases() {
    let tokenizer = Tokenizer::new();
    let recognizer = Recognizer::new();
    let extractor = ClaimExtractor::new();
    let mut failures = Vec::new();
    for line in include_str!("data/claims.tsv").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (text, expected) = line.split_once('\t').unwrap();
        let seg = tokenizer.segment(text);
        let found = recognizer.recognize(&seg, Date::new(2021, 3, 15));
        let claims = extractor.extract(&seg, &found);
        let got: Vec<String> = claims.iter().map(|c| render(text, &found, c)).collect();
        let got = if got.is_empty() {
            "-".to_owned()
        } else {
            got.join(" | ")
        };
        if got != expected {
            failures.push(format!("{text}\n  expected {expected}\n       got {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn never_panics_on_odd_text() {
    let tokenizer = Tokenizer::new();
    let recognizer = Recognizer::new();
    let extractor = ClaimExtractor::new();
    for text in [
        "",
        "«",
        "« »",
        "\"",
        "selon",
        "Selon X,",
        ", a-t-il dit",
        "« a », a",
        "Pour lui,",
        "que",
        "Il est",
        "a t-il",
    ] {
        let seg = tokenizer.segment(text);
        let found = recognizer.recognize(&seg, None);
        let _ = extractor.extract(&seg, &found);
    }
}
