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
