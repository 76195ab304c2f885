//! Recognition cases per recogniser, read from `tests/data/mentions.tsv`; and entity linking.

use fouille_entities::{Date, EntityKind, MentionKind, Recognizer};
use fouille_tokenizer::Tokenizer;

fn render(recognizer: &Recognizer, text: &str) -> String {
    let seg = Tokenizer::new().segment(text);
    let found = recognizer.recognize(&seg, Date::new(2023, 11, 30));
    let got: Vec<String> = found
        .mentions
        .iter()
        .filter(|m| !matches!(m.kind, MentionKind::Date | MentionKind::Time))
        .map(|m| match m.value {
            Some(v) => format!("{}:{}={v}", m.kind, m.span.text(text)),
            None => format!("{}:{}", m.kind, m.span.text(text)),
        })
        .collect();
    if got.is_empty() {
        "-".to_owned()
    } else {
        got.join(" | ")
    }
}

#[test]
fn mention_cases() {
    let recognizer = Recognizer::new();
    let mut failures = Vec::new();
    for line in include_str!("data/mentions.tsv").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (text, expected) = line.split_once('\t').unwrap();
        let got = render(&recognizer, text);
        if got != expected {
            failures.push(format!("{text}\n  expected {expected}\n       got {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn one_person_however_named() {
    let text = "Barack Obama est arrivé. Obama a parlé. M. Obama est reparti.";
    let seg = Tokenizer::new().segment(text);
    let found = Recognizer::new().recognize(&seg, None);
    let persons: Vec<_> = found
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(persons.len(), 1, "{:?}", found.entities);
    assert_eq!(persons[0].name.text(text), "Barack Obama");
    assert_eq!(persons[0].rank.map(|r| r.text(text)), Some("M."));
    let names: Vec<&str> = persons[0]
        .mentions
        .iter()
        .map(|&m| found.mentions[m].span.text(text))
        .collect();
    assert_eq!(names, ["Barack Obama", "Obama", "M.", "Obama"]);
}

#[test]
fn a_country_and_its_nationality_are_one_entity() {
    let text = "Le Burkina Faso a reçu le ministre burkinabè Kassoum Coulibaly.";
    let seg = Tokenizer::new().segment(text);
    let found = Recognizer::new().recognize(&seg, None);
    let bf = found
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Country)
        .unwrap();
    assert_eq!(bf.code.map(|c| c.to_string()).as_deref(), Some("BF"));
    assert_eq!(bf.name.text(text), "Burkina Faso");
    assert_eq!(bf.mentions.len(), 2);
    let person = found
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .unwrap();
    assert_eq!(
        person.nationality.map(|c| c.to_string()).as_deref(),
        Some("BF")
    );
    assert_eq!(
        person
            .roles
            .iter()
            .map(|r| r.text(text))
            .collect::<Vec<_>>(),
        ["ministre burkinabè"]
    );
}

#[test]
fn no_panic_on_odd_text() {
    let recognizer = Recognizer::new();
    for text in [
        "", "M.", "(", "( Esp", "MM. et", "le 1er", "Louis X", "« »", "J.-P.", "à", "de la", "l’",
    ] {
        let seg = Tokenizer::new().segment(text);
        let _ = recognizer.recognize(&seg, Date::new(2023, 1, 1));
    }
}
