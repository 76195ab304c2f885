//! The command line as a user meets it: inputs, outputs, errors and exit status.

mod common;

use common::{fouille, lines, stderr, write};
use serde_json::Value;

#[test]
fn seed_article_from_a_text_file() {
    let path = common::root().join("fixtures/burkina-faso-partenariats.txt");
    let out = fouille(
        &["extract", path.to_str().unwrap(), "--date", "2023-11-30"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "burkina-faso-partenariats");
    assert_eq!(lines[0]["date"], "2023-11-30");
    assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 20);
    assert!(
        lines[0].get("tokens").is_none(),
        "tokens only with --tokens"
    );
}

#[test]
fn pretty_output_is_one_indented_object() {
    let path = common::root().join("fixtures/burkina-faso-partenariats.txt");
    let out = fouille(
        &["extract", path.to_str().unwrap(), "--pretty", "--tokens"],
        None,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("{\n  \"id\""));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v["tokens"].as_array().unwrap().len() > 300);
}

#[test]
fn json_lines_from_stdin_keep_order_ids_and_meta() {
    let input = concat!(
        r#"{"id": "a", "text": "Le Mali est au Sahel.", "date": "2023-01-02", "url": "http://x"}"#,
        "\n",
        "\n",
        r#"{"text": "Sans identifiant."}"#,
        "\n",
        r#"{"id": 7, "text": "Identifiant numérique."}"#,
        "\n",
    );
    let out = fouille(&["extract"], Some(input.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = lines(&out);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "stdin:3", "7"]);
    assert_eq!(lines[0]["meta"]["url"], "http://x");
    assert_eq!(lines[0]["date"], "2023-01-02");
    assert!(lines[1].get("meta").is_none());
}

#[test]
fn date_option_fills_missing_dates_only() {
    let input = concat!(
        r#"{"id": "a", "text": "Un.", "date": "2020-05-01"}"#,
        "\n",
        r#"{"id": "b", "text": "Deux."}"#,
        "\n",
    );
    let out = fouille(&["extract", "--date", "2023-11-30"], Some(input.as_bytes()));
    let lines = lines(&out);
    assert_eq!(lines[0]["date"], "2020-05-01");
    assert_eq!(lines[1]["date"], "2023-11-30");
    let bad = fouille(&["extract", "--date", "30/11/2023"], Some(b""));
    assert_eq!(bad.status.code(), Some(1), "a usage error");
    assert!(stderr(&bad).contains("YYYY-MM-DD"));
}

#[test]
fn bad_records_give_error_lines_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = Vec::new();
    jsonl.extend_from_slice(b"{\"id\": \"ok1\", \"text\": \"Le Rwanda.\"}\n");
    jsonl.extend_from_slice(b"this is not json\n");
    jsonl.extend_from_slice(b"[1, 2]\n");
    jsonl.extend_from_slice(b"{\"id\": \"no-text\"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"num-text\", \"text\": 3}\n");
    jsonl.extend_from_slice(b"{\"id\": \"empty\", \"text\": \"  \\n \"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"bad-date\", \"text\": \"Un.\", \"date\": \"hier\"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"ok2\", \"text\": \"Fin.\"}\n");
    let path = write(dir.path(), "mixed.jsonl", &jsonl);
    let out = fouille(&["extract", &path], None);
    assert_eq!(out.status.code(), Some(2), "some records failed");
    assert!(
        stderr(&out).contains("7 of 9 articles failed"),
        "{}",
        stderr(&out)
    );
    let lines = lines(&out);
    assert_eq!(lines.len(), 9, "one output line per input record");
    let kinds: Vec<&str> = lines
        .iter()
        .map(|l| l["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(
        kinds,
        [
            "ok",
            "invalid_json",
            "not_an_object",
            "missing_text",
            "invalid_text",
            "empty_text",
            "invalid_date",
            "invalid_utf8",
            "ok"
        ]
    );
    for (i, l) in lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l["error"].is_null())
    {
        assert_eq!(l["error"]["source"]["file"], path.as_str());
        assert_eq!(l["error"]["source"]["line"], i + 1);
        let message = l["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("{path}:{}", i + 1)),
            "{message}"
        );
    }
    assert_eq!(lines[3]["id"], "no-text");
    assert_eq!(lines[1]["id"], "mixed:2");
}

#[test]
fn invalid_utf8_text_file_is_an_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin1.txt", b"Le pays\nest caf\xe9.\n");
    let out = fouille(&["extract", &path], None);
    assert_eq!(out.status.code(), Some(2));
    let lines = lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "latin1");
    assert_eq!(lines[0]["error"]["kind"], "invalid_utf8");
    assert_eq!(lines[0]["error"]["source"]["line"], 2);
}

#[test]
fn empty_text_file_is_an_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "vide.txt", b"");
    let out = fouille(&["extract", &path], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(lines(&out)[0]["error"]["kind"], "empty_text");
}

#[test]
fn missing_file_stops_before_any_work() {
    let out = fouille(&["extract", "no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no/such/file.txt"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn directory_without_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.md", b"# rien");
    let out = fouille(&["extract", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no articles"), "{}", stderr(&out));
}

#[test]
fn directories_are_walked_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Deux.");
    write(dir.path(), "a.txt", b"Un.");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(
        &dir.path().join("sub"),
        "c.jsonl",
        b"{\"id\": \"c\", \"text\": \"Trois.\"}\n",
    );
    write(dir.path(), "ignored.md", b"nothing");
    let out = fouille(&["extract", dir.path().to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn gzipped_corpus_sample_gives_one_line_per_article() {
    let path = common::root().join("corpus/orangesum-sample.jsonl.gz");
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.jsonl");
    let out = fouille(
        &[
            "extract",
            path.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(output).unwrap();
    let ids: Vec<String> = written
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let expected: Vec<String> = common::corpus_sample()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, expected);
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let out = fouille(&["extract", "--help"], None);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Examples:") && help.contains("Exit status:"));
}
