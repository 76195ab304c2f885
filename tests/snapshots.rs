//! Snapshot tests: every fixture's analysis, rendered for reading.

mod common;

use serde_json::Value;
use std::fmt::Write;

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".to_owned(),
        other => other.to_string(),
    }
}

/// A compact, line-per-item rendering of an output line, made to be read in review.
fn render(text: &str, out: &Value) -> String {
    let mut r = String::new();
    let sentences = out["sentences"].as_array().unwrap();
    writeln!(r, "sentences: {}", sentences.len()).unwrap();
    for (i, sent) in sentences.iter().enumerate() {
        let (a, b) = (
            sent["start"].as_u64().unwrap(),
            sent["end"].as_u64().unwrap(),
        );
        let t = common::slice_chars(text, a as usize, b as usize);
        writeln!(r, "  s{i} [{a}..{b}] {t}").unwrap();
    }
    let mentions = out["mentions"].as_array().unwrap();
    writeln!(r, "mentions: {}", mentions.len()).unwrap();
    for m in mentions {
        writeln!(
            r,
            "  {} s{} {:<12} {:?} value={} entity={}",
            s(&m["id"]),
            m["sentence"],
            s(&m["type"]),
            s(&m["text"]),
            s(&m["value"]),
            s(&m["entity"])
        )
        .unwrap();
    }
    let entities = out["entities"].as_array().unwrap();
    writeln!(r, "entities: {}", entities.len()).unwrap();
    for e in entities {
        write!(r, "  {} {} {:?}", s(&e["id"]), s(&e["type"]), s(&e["name"])).unwrap();
        for key in ["code", "rank", "nationality"] {
            if let Some(v) = e.get(key) {
                write!(r, " {key}={}", s(v)).unwrap();
            }
        }
        if let Some(roles) = e.get("roles").and_then(Value::as_array) {
            let roles: Vec<String> = roles.iter().map(s).collect();
            write!(r, " roles={roles:?}").unwrap();
        }
        let ms: Vec<String> = e["mentions"].as_array().unwrap().iter().map(s).collect();
        writeln!(r, " mentions={}", ms.join(",")).unwrap();
    }
    let claims = out["claims"].as_array().unwrap();
    writeln!(r, "claims: {}", claims.len()).unwrap();
    for c in claims {
        writeln!(
            r,
            "  {} s{} {}/{} {:?}",
            s(&c["id"]),
            c["sentence"],
            s(&c["kind"]),
            s(&c["modality"]),
            s(&c["text"])
        )
        .unwrap();
        let arg = |v: &Value| match v {
            Value::Null => "-".to_owned(),
            v => format!("{:?}->{}", s(&v["text"]), s(&v["entity"])),
        };
        writeln!(r, "      subject {}", arg(&c["subject"])).unwrap();
        if !c["predicate"].is_null() {
            let p = &c["predicate"];
            writeln!(
                r,
                "      predicate {:?} lemma={} negated={}",
                s(&p["text"]),
                s(&p["lemma"]),
                p["negated"]
            )
            .unwrap();
        }
        if !c["object"].is_null() {
            let o = &c["object"];
            writeln!(
                r,
                "      object {:?} entities={}",
                s(&o["text"]),
                o["entities"]
            )
            .unwrap();
        }
        if !c["source"].is_null() {
            writeln!(
                r,
                "      source {} cue {:?}/{} direct={}",
                arg(&c["source"]),
                s(&c["cue"]["text"]),
                s(&c["cue"]["lemma"]),
                c["direct"]
            )
            .unwrap();
        }
        if !c["time"].is_null() || !c["place"].is_null() {
            writeln!(
                r,
                "      time={} place={}",
                s(&c["time"]["value"]),
                s(&c["place"])
            )
            .unwrap();
        }
    }
    r
}

#[test]
fn fixtures() {
    insta::glob!("../fixtures", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_str().unwrap();
        let out = common::extract(id, &text, common::fixture_date(path), false);
        insta::assert_snapshot!(render(&text, &out));
    });
}
