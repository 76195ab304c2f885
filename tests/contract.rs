//! The JSON contract, checked field by field on every fixture and on the corpus sample.

mod common;

use serde_json::Value;
use std::collections::HashSet;

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(common::root().join("docs/fouille.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, out: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(out)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}",
        errors.join("\n")
    );
}

/// Every span's code point and byte offsets agree with each other and with its text.
fn assert_span(text: &str, span: &Value, what: &str) {
    let get = |k: &str| span[k].as_u64().unwrap_or_else(|| panic!("{what}: no {k}")) as usize;
    let (start, end, bs, be) = (get("start"), get("end"), get("byte_start"), get("byte_end"));
    assert!(start <= end && bs <= be, "{what}: reversed span");
    let by_bytes = text
        .get(bs..be)
        .unwrap_or_else(|| panic!("{what}: bytes {bs}..{be} off char boundaries"));
    assert_eq!(
        common::slice_chars(text, start, end),
        by_bytes,
        "{what}: code points and bytes disagree"
    );
    if let Some(t) = span.get("text").and_then(Value::as_str) {
        assert_eq!(t, by_bytes, "{what}: text differs from the slice");
    }
}

fn check_article(text: &str, out: &Value) {
    let id = out["id"].as_str().unwrap();
    assert_eq!(out["schema"], "fouille/1");
    assert!(out["error"].is_null());
    // Sentences: in order, not overlapping, covering every token.
    let sentences = out["sentences"].as_array().unwrap();
    let mut last_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        assert_span(text, s, &format!("{id} sentence {i}"));
        assert!(
            s["start"].as_u64().unwrap() >= last_end,
            "{id}: sentences overlap"
        );
        last_end = s["end"].as_u64().unwrap();
    }
    let tokens = out["tokens"].as_array().unwrap();
    let mut last_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        assert_span(text, t, &format!("{id} token {i}"));
        assert!(
            !t["text"].as_str().unwrap().trim().is_empty(),
            "{id}: blank token {i}"
        );
        assert!(
            t["start"].as_u64().unwrap() >= last_end,
            "{id}: tokens overlap"
        );
        last_end = t["end"].as_u64().unwrap();
        let inside = sentences.iter().any(|s| {
            s["start"].as_u64() <= t["start"].as_u64() && t["end"].as_u64() <= s["end"].as_u64()
        });
        assert!(inside, "{id}: token {i} lies outside every sentence");
    }
    // Everything but whitespace is in some token.
    let covered: usize = tokens
        .iter()
        .map(|t| t["text"].as_str().unwrap().chars().count())
        .sum();
    let invisible = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{feff}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{202a}'
                    ..='\u{202e}'
            )
    };
    let visible = text.chars().filter(|&c| !invisible(c)).count();
    assert!(covered >= visible, "{id}: tokens miss some text");
    // Mentions, entities and claims refer to each other by ids that exist.
    let mentions = out["mentions"].as_array().unwrap();
    let entities = out["entities"].as_array().unwrap();
    let entity_ids: HashSet<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for (i, m) in mentions.iter().enumerate() {
        assert_eq!(m["id"], format!("m{}", i + 1));
        assert_span(text, m, &format!("{id} mention {i}"));
        assert!(m["sentence"].as_u64().unwrap() < sentences.len() as u64);
        if let Some(e) = m["entity"].as_str() {
            assert!(
                entity_ids.contains(e),
                "{id}: mention {i} names missing entity {e}"
            );
        }
    }
    for (i, e) in entities.iter().enumerate() {
        assert_eq!(e["id"], format!("e{}", i + 1));
        for m in e["mentions"].as_array().unwrap() {
            let k: usize = m.as_str().unwrap()[1..].parse().unwrap();
            assert_eq!(
                mentions[k - 1]["entity"],
                e["id"],
                "{id}: entity and mention disagree"
            );
        }
    }
    for (i, c) in out["claims"].as_array().unwrap().iter().enumerate() {
        assert_eq!(c["id"], format!("c{}", i + 1));
        assert_span(text, c, &format!("{id} claim {i}"));
        for part in ["subject", "predicate", "object", "source", "cue", "content"] {
            if !c[part].is_null() {
                assert_span(text, &c[part], &format!("{id} claim {i} {part}"));
            }
        }
    }
}

#[test]
fn fixtures_follow_the_contract() {
    let validator = schema();
    let dir = common::root().join("fixtures");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let out = common::extract("fixture", &text, common::fixture_date(&path), true);
            assert_valid(&validator, &out, &path.display().to_string());
            check_article(&text, &out);
            n += 1;
        }
    }
    assert!(n > 0);
}

#[test]
fn corpus_sample_follows_the_contract() {
    let validator = schema();
    for article in common::corpus_sample().iter().take(200) {
        let text = article["text"].as_str().unwrap();
        let date = article["date"]
            .as_str()
            .and_then(|d| fouille_pipeline::Date::parse(d).ok());
        let out = common::extract(article["id"].as_str().unwrap(), text, date, true);
        assert_valid(&validator, &out, article["id"].as_str().unwrap());
        check_article(text, &out);
    }
}

#[test]
fn odd_texts_follow_the_contract() {
    let validator = schema();
    let texts = [
        "\u{feff}Titre\r\n\r\nUn texte. Avec 😀 des e\u{301}mojis et « guillemets ».",
        "مرحبا بالعالم. שלום עולם. Le président a dit « salam ».",
        "a\0b\u{200b}c\u{202e}d",
        "-",
        "«»",
        "l’",
        "2 000 000",
    ];
    for text in texts {
        let out = common::extract("odd", text, None, true);
        assert_valid(&validator, &out, text);
        check_article(text, &out);
    }
}

#[test]
fn seed_article_has_twenty_sentences_and_split_elisions() {
    let path = common::root().join("fixtures/burkina-faso-partenariats.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let out = common::extract("seed", &text, None, true);
    let sentences = out["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 20);
    let last = &sentences[19];
    let last_text = common::slice_chars(
        &text,
        last["start"].as_u64().unwrap() as usize,
        last["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(last_text, "Discussion à propos de ce post");
    let tokens: Vec<&str> = out["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    let at = tokens.iter().position(|&t| t == "État").unwrap();
    assert_eq!(tokens[at - 1], "l’");
    let at = tokens.iter().position(|&t| t == "état-major").unwrap();
    assert_eq!(tokens[at - 1], "d’");
    assert!(tokens.contains(&"Al-Qaïda"));
}

#[test]
fn the_article_date_is_a_day_of_the_calendar_pattern() {
    let validator = schema();
    let mut out = common::extract("d", "Le Mali.", None, false);
    for (date, valid) in [
        ("2023-11-30", true),
        ("2023-13-45", false),
        ("2023-11", false),
        ("2023-00-10", false),
    ] {
        out["date"] = Value::from(date);
        assert_eq!(validator.is_valid(&out), valid, "{date}");
    }
}

#[test]
fn every_error_kind_is_in_the_schema_and_the_contract() {
    use fouille_pipeline::ErrorKind;
    let text = std::fs::read_to_string(common::root().join("docs/fouille.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let kinds: HashSet<&str> = schema["$defs"]["failure"]["properties"]["error"]["properties"]
        ["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let all: HashSet<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, all);
    let contract = std::fs::read_to_string(common::root().join("docs/json-contract.md")).unwrap();
    for kind in ErrorKind::ALL {
        assert!(
            contract.contains(&format!("| `{}` |", kind.as_str())),
            "the contract's table of error kinds has {kind}"
        );
    }
}
