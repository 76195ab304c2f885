//! `fouille eval` as a user meets it: the gold format is documented, and a bad gold file is
//! refused with its line and what is missing.

mod common;

use common::{fouille, stderr, write};

#[test]
fn a_gold_record_without_a_field_names_the_line_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(
        dir.path(),
        "gold.jsonl",
        concat!(
            r#"{"id": "a", "text": "Le Mali.", "types": ["country"], "mentions": [{"start": 3, "end": 7, "type": "country"}]}"#,
            "\n\n",
            r#"{"id": "b", "text": "Le Niger.", "mentions": []}"#,
            "\n"
        )
        .as_bytes(),
    );
    let out = fouille(&["eval", "mentions", "--gold", &gold], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{gold}:3: not a gold record")),
        "{err}"
    );
    assert!(err.contains("missing field `types`"), "{err}");
    assert!(
        !err.contains("at line 1"),
        "the file's line, not serde's: {err}"
    );
    assert!(err.contains("docs/eval-gold.md"), "{err}");
    let doc = std::fs::read_to_string(common::root().join("docs/eval-gold.md")).unwrap();
    for field in ["`types`", "`mentions`", "`attributions`", "`sentences`"] {
        assert!(doc.contains(field), "the format documents {field}");
    }
}

#[test]
fn the_claims_development_set_in_the_repository_is_scored() {
    let gold = common::root().join("corpus/claims-dev.jsonl");
    let out = fouille(
        &["eval", "claims", "--gold", gold.to_str().unwrap(), "--json"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report.is_object());
}

#[test]
fn a_pronoun_speaker_counts_only_in_the_lenient_figure() {
    let dir = tempfile::tempdir().unwrap();
    // Gold: the source "il" of the second sentence is Jean Dupont. However fouille resolves
    // it, the lenient figure counts the overlapping source; the resolved one counts only a
    // source whose entity, or own words, name Jean Dupont.
    let text = "Jean Dupont est arrivé hier. « Nous partirons demain », a-t-il déclaré.";
    let chars: Vec<char> = text.chars().collect();
    let find = |s: &str| {
        let at = text.find(s).unwrap();
        let start = text[..at].chars().count();
        (start, start + s.chars().count())
    };
    let (ss, se) = find("-t-il");
    let (cs, ce) = find("Nous partirons demain");
    let (us, ue) = find("a-t-il déclaré");
    assert!(ce <= chars.len());
    let gold = serde_json::json!({
        "id": "a", "text": text,
        "attributions": [{
            "source": {"start": ss, "end": se, "speaker": "Jean Dupont"},
            "cue": {"start": us, "end": ue, "lemma": "déclarer"},
            "direct": true,
            "content": {"start": cs, "end": ce}
        }]
    });
    let path = write(dir.path(), "gold.jsonl", format!("{gold}\n").as_bytes());
    let out = fouille(&["eval", "claims", "--gold", &path, "--json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["attributions"]["correct"], 1, "{report}");
    assert_eq!(
        report["speaker"]["correct"], 1,
        "lenient: the source overlaps"
    );
    let resolved = &report["resolved_speaker"];
    assert_eq!(resolved["total"], 1);
    let shown = fouille(&["eval", "claims", "--gold", &path, "--show-errors"], None);
    let shown = String::from_utf8(shown.stdout).unwrap();
    // Either resolved to Jean Dupont, or listed as an error naming the gold speaker.
    assert!(
        resolved["correct"] == 1 || shown.contains("speaker \"Jean Dupont\""),
        "{shown}"
    );
}

#[test]
fn person_records_are_scored_by_attribute() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Le ministre de l'Intérieur Gérard Collomb a visité Lyon. Paul Martin était absent.";
    let gold = serde_json::json!({
        "id": "p", "text": text,
        "persons": [
            {"name": "Gérard Collomb", "rank": null, "roles": ["ministre de l'Intérieur"], "nationality": null, "gender": "m"},
            {"name": "Paul Martin", "rank": null, "roles": [], "nationality": null, "gender": null},
            {"name": "Zoé Inconnue", "rank": "Mme", "roles": [], "nationality": "FR", "gender": "f"}
        ]
    });
    let path = write(dir.path(), "persons.jsonl", format!("{gold}\n").as_bytes());
    let out = fouille(&["eval", "persons", "--gold", &path, "--json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["persons"]["gold"], 3, "{report}");
    assert!(
        report["persons"]["correct"].as_u64().unwrap() <= 2,
        "Zoé is not in the text"
    );
    let matched = report["persons"]["correct"].as_u64().unwrap();
    assert_eq!(report["rank"]["total"], matched);
    assert_eq!(report["nationality"]["total"], matched);
    let shown = fouille(&["eval", "persons", "--gold", &path, "--show-errors"], None);
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("\"Zoé Inconnue\" not found"), "{shown}");
}
