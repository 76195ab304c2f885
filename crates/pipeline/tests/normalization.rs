//! Text as it really arrives: accents written as combining marks (NFD, as macOS and some
//! scrapers write them) give what the composed text gives, with offsets into the text as given;
//! control characters are never part of a mention.

mod common;

use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// The output line of `text`, parsed.
fn output(text: &str) -> Value {
    let article = Article {
        date: Date::parse("2023-11-30").ok(),
        ..Article::new("test", text)
    };
    let options = OutputOptions {
        tokens: true,
        pretty: false,
    };
    let line = pipeline()
        .analyze(&article)
        .to_json_line(&article, &options);
    serde_json::from_str(&line).expect("the output line is JSON")
}

fn offset(v: &Value, key: &str) -> usize {
    v[key].as_u64().unwrap_or_else(|| panic!("{key} in {v}")) as usize
}

/// Every span of the output (sentences, tokens, mentions, claims and their parts) lies on char
/// boundaries of `text`, its code point and byte offsets cover the same chars, and its `text`,
/// when it has one, is exactly that slice of `text`.
fn assert_offsets_slice(text: &str, v: &Value) {
    match v {
        Value::Object(o) => {
            if o.contains_key("byte_start") {
                let (start, end) = (offset(v, "start"), offset(v, "end"));
                let (byte_start, byte_end) = (offset(v, "byte_start"), offset(v, "byte_end"));
                let by_bytes = text
                    .get(byte_start..byte_end)
                    .unwrap_or_else(|| panic!("{byte_start}..{byte_end} cuts a char of {text:?}"));
                let by_chars: String = text.chars().skip(start).take(end - start).collect();
                assert_eq!(by_chars, by_bytes, "code points and bytes differ: {v}");
                assert_eq!(text[..byte_start].chars().count(), start, "{v}");
                if let Some(surface) = o.get("text") {
                    assert_eq!(surface.as_str(), Some(by_bytes), "{v}");
                }
            }
            o.values().for_each(|x| assert_offsets_slice(text, x));
        }
        Value::Array(a) => a.iter().for_each(|x| assert_offsets_slice(text, x)),
        _ => {}
    }
}

/// What a mention says, without where it is: its type, text, value and entity.
fn mentions(v: &Value) -> Vec<(String, String, Value, Value)> {
    v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["type"].as_str().unwrap().to_owned(),
                nfc(m["text"].as_str().unwrap()),
                m["value"].clone(),
                m["entity"].clone(),
            )
        })
        .collect()
}

/// The entities and claims, their texts composed, without offsets.
fn entities_and_claims(v: &Value) -> (String, Vec<(Value, Value, Value)>) {
    let entities = nfc(&v["entities"].to_string());
    let claims = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].clone(),
                c["modality"].clone(),
                c["subject"]["entity"].clone(),
            )
        })
        .collect();
    (entities, claims)
}

/// The decomposed text gives the same mentions, entities and claims as the composed one, with
/// offsets that slice the decomposed text.
fn assert_same_as_composed(composed: &str) {
    let decomposed = nfd(composed);
    let want = output(composed);
    let got = output(&decomposed);
    assert_offsets_slice(&decomposed, &got);
    assert_eq!(mentions(&got), mentions(&want), "{composed}");
    assert_eq!(
        entities_and_claims(&got),
        entities_and_claims(&want),
        "{composed}"
    );
    for m in got["mentions"].as_array().unwrap() {
        let text = m["text"].as_str().unwrap();
        assert_eq!(nfd(text), text, "a mention holds its accents: {m}");
    }
}

#[test]
fn decomposed_names_are_found_as_composed_ones() {
    let texts = [
        "La République tchèque a signé un accord avec la Côte d'Ivoire à Montréal le 5 décembre.",
        "Le président ivoirien Alassane Ouattara a reçu à Abidjan le Premier ministre tchèque Petr Fiala.",
        "Selon Hélène Carrère d'Encausse, secrétaire perpétuel de l'Académie française, la Côte d’Ivoire « a changé ».",
        "M. Jérôme Lefèvre, député de l'Hérault, a déclaré hier que l'Équateur et le Pérou négociaient.",
        "À Genève, Éric Besson et François Hollande ont rencontré des délégués du Bénin en février 2019.",
    ];
    let mut found = 0;
    for composed in texts {
        assert_ne!(nfd(composed), composed, "the test text has accents");
        assert_same_as_composed(composed);
        found += mentions(&output(&nfd(composed))).len();
    }
    assert!(found >= 20, "the texts name things: {found} mentions");
}

#[test]
fn decomposed_countries_cities_and_persons_are_recognised() {
    let text = nfd(
        "La République tchèque et la Côte d'Ivoire ont signé à Montréal. Éric Besson était là.",
    );
    let got = output(&text);
    let named: Vec<(String, String)> = mentions(&got)
        .into_iter()
        .map(|(kind, text, _, _)| (kind, text))
        .collect();
    for (kind, name) in [
        ("country", "République tchèque"),
        ("country", "Côte d'Ivoire"),
        ("location", "Montréal"),
        ("person", "Éric Besson"),
    ] {
        assert!(
            named.contains(&(kind.to_owned(), name.to_owned())),
            "{kind} {name} in {named:?}"
        );
    }
    let codes: Vec<&str> = got["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["value"].as_str())
        .collect();
    assert_eq!(codes, ["CZ", "CI"]);
    assert_offsets_slice(&text, &got);
}

#[test]
fn a_mix_of_composed_and_decomposed_accents_is_one_text() {
    // One name composed, the other decomposed, in the same article: each sliced where it is.
    let text = format!(
        "{} et {} ont signé.",
        "République tchèque",
        nfd("Côte d'Ivoire")
    );
    let got = output(&text);
    assert_offsets_slice(&text, &got);
    let countries: Vec<&str> = got["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "country")
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        countries,
        ["République tchèque", nfd("Côte d'Ivoire").as_str()]
    );
}

/// Characters that are control characters and not whitespace.
fn is_control_break(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

fn assert_no_control_in_mentions(text: &str) {
    let got = output(text);
    assert_offsets_slice(text, &got);
    for m in got["mentions"].as_array().unwrap() {
        let surface = m["text"].as_str().unwrap();
        assert!(!surface.chars().any(is_control_break), "{m} in {text:?}");
    }
    for e in got["entities"].as_array().unwrap() {
        let name = e["name"].as_str().unwrap();
        assert!(!name.chars().any(is_control_break), "{e} in {text:?}");
    }
}

#[test]
fn a_control_character_parts_a_name() {
    for control in ["\0", "\u{1}", "\u{7f}", "\u{9c}"] {
        let text = format!("Emmanuel{control} Macron a reçu hier le président du Burkina Faso.");
        assert_no_control_in_mentions(&text);
        let got = output(&text);
        let persons: Vec<&str> = got["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["type"] == "person")
            .map(|m| m["text"].as_str().unwrap())
            .collect();
        assert!(!persons.contains(&"Emmanuel Macron"), "{persons:?}");
        // What is on either side is still read: the country, the date.
        let types: Vec<&str> = got["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["type"].as_str().unwrap())
            .collect();
        assert!(
            types.contains(&"country") && types.contains(&"date"),
            "{types:?}"
        );
    }
    for text in [
        "Le Burkina\0 Faso",
        "le 5\u{1} décembre 2023",
        "le ministre\u{1b} de la Défense Jean Dupont",
        "l'Organisation des\u{80} Nations unies",
        "Jean-\u{0}Pierre Raffarin",
    ] {
        assert_no_control_in_mentions(text);
    }
}

/// Words, punctuation and spaces of French news, in any order, with accents composed or not;
/// with `odd_marks`, marks of which composition joins only a part to their letter ("ẹ" and an
/// acute), which the composed view leaves as they are.
fn newsish(odd_marks: bool) -> impl Strategy<Value = String> {
    let odd = prop_oneof![
        Just("\u{327}\u{301}"),
        Just("ẹ\u{301}"),
        Just("\u{302}\u{323}")
    ];
    let piece = prop_oneof![
        4 => newsish_piece(),
        if odd_marks { 1 } else { 0 } => odd,
    ];
    prop::collection::vec((piece, prop::bool::ANY), 0..40).prop_map(common::joined)
}

fn newsish_piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("Le président Emmanuel Macron"),
        Just("M."),
        Just("Mme"),
        Just("Hélène Carrère d'Encausse"),
        Just("le général de brigade"),
        Just("le ministre burkinabè de la Défense"),
        Just("a déclaré"),
        Just("selon"),
        Just("que"),
        Just("n'a pas"),
        Just("l’"),
        Just("aurait"),
        Just("la République tchèque"),
        Just("la Côte d'Ivoire"),
        Just("le Burkina Faso"),
        Just("burkinabè"),
        Just("l'ONU"),
        Just("Montréal"),
        Just("Kigali"),
        Just("le 3 mars 2023"),
        Just("en février"),
        Just("hier"),
        Just("11h30"),
        Just("«"),
        Just("»"),
        Just(","),
        Just("."),
        Just("?"),
        Just("-t-il"),
        Just("\n"),
        Just("\u{a0}"),
        Just("É"),
        Just("e\u{301}"),
        Just("\u{301}"),
        Just("\u{212b}"),
        Just("한국"),
        Just("👍🏽"),
        Just("مرحبا"),
        Just("il"),
        Just("espère"),
        Just("Jean-Pierre"),
    ]
}

/// News-like text with control characters put anywhere, inside words too.
fn with_controls() -> impl Strategy<Value = String> {
    let control = prop_oneof![
        Just('\0'),
        Just('\u{1}'),
        Just('\u{8}'),
        Just('\u{1b}'),
        Just('\u{1f}'),
        Just('\u{7f}'),
        Just('\u{80}'),
        Just('\u{9c}'),
    ];
    (
        newsish(true),
        prop::collection::vec((any::<prop::sample::Index>(), control), 1..6),
    )
        .prop_map(|(text, inserts)| {
            let mut chars: Vec<char> = text.chars().collect();
            for (at, c) in inserts {
                let at = at.index(chars.len() + 1);
                chars.insert(at, c);
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn decomposing_any_text_keeps_offsets_on_its_chars(text in any::<String>()) {
        let decomposed = nfd(&text);
        assert_offsets_slice(&decomposed, &output(&decomposed));
        // Composed, decomposed, then any order of marks composes back: it never panics.
        assert_offsets_slice(&text, &output(&text));
    }

    #[test]
    fn decomposed_news_gives_what_composed_news_gives(text in newsish(false)) {
        assert_same_as_composed(&nfc(&text));
    }

    #[test]
    fn decomposing_news_with_odd_marks_keeps_offsets_on_its_chars(text in newsish(true)) {
        for text in [nfd(&text), nfc(&text), text] {
            assert_offsets_slice(&text, &output(&text));
        }
    }

    #[test]
    fn control_characters_are_in_no_mention(text in with_controls()) {
        assert_no_control_in_mentions(&text);
        assert_no_control_in_mentions(&nfd(&text));
    }
}
