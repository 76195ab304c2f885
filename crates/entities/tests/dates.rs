//! Date recognition and resolution cases, read from `tests/data/dates.tsv`.

use fouille_entities::{Date, MentionKind, Recognizer};
use fouille_tokenizer::Tokenizer;

#[test]
fn date_cases() {
    let tokenizer = Tokenizer::new();
    let recognizer = Recognizer::new();
    let mut failures = Vec::new();
    let cases = include_str!("data/dates.tsv");
    for line in cases
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut cols = line.split('\t');
        let (anchor, text, expected) = (
            cols.next().unwrap(),
            cols.next().unwrap(),
            cols.next().unwrap(),
        );
        let anchor = (anchor != "-").then(|| Date::parse(anchor).unwrap());
        let seg = tokenizer.segment(text);
        let found = recognizer.recognize(&seg, anchor);
        let got: Vec<String> = found
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Date)
            .map(|m| {
                let value = m.value.map_or("-".to_owned(), |v| v.to_string());
                format!("{}={value}", m.span.text(text))
            })
            .collect();
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
