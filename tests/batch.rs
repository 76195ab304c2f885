//! Batch runs: nothing lost on bad input, same output whatever the threads, what stderr shows.

mod common;

use common::{fouille, lines, slice_chars, stderr, write};
use serde_json::Value;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn jsonl(records: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        serde_json::to_writer(&mut out, r).unwrap();
        out.push(b'\n');
    }
    out
}

fn error_kind(line: &Value) -> &str {
    line["error"]["kind"].as_str().unwrap_or("ok")
}

/// Every mention's offsets slice its text out of the article, by code points and by bytes.
fn assert_offsets_hold(text: &str, result: &Value) {
    for m in result["mentions"].as_array().unwrap() {
        let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        let shown = m["text"].as_str().unwrap();
        assert_eq!(slice_chars(text, start as usize, end as usize), shown);
        let (bs, be) = (
            m["byte_start"].as_u64().unwrap(),
            m["byte_end"].as_u64().unwrap(),
        );
        assert_eq!(&text[bs as usize..be as usize], shown);
    }
}

#[test]
fn a_truncated_gzip_gives_its_lines_then_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let records: Vec<Value> = (0..200)
        .map(|i| serde_json::json!({"id": format!("a{i}"), "text": format!("Le président Emmanuel Macron a parlé {i} fois à Paris.")}))
        .collect();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&jsonl(&records)).unwrap();
    let whole = gz.finish().unwrap();
    let path = write(dir.path(), "cut.jsonl.gz", &whole[..whole.len() / 2]);
    let out = fouille(&["extract", &path], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let lines = lines(&out);
    let last = lines.last().unwrap();
    assert_eq!(error_kind(last), "read_error", "{last}");
    assert_eq!(last["error"]["source"]["file"], path.as_str());
    let read = &lines[..lines.len() - 1];
    assert!(!read.is_empty() && read.len() < 200);
    for (i, l) in read.iter().enumerate() {
        assert_eq!(
            l["id"],
            format!("a{i}"),
            "the readable lines come first, in order"
        );
        assert_eq!(error_kind(l), "ok");
    }
}

#[test]
fn records_over_max_bytes_are_refused_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // 50 MB: above the default limit of 16 MiB.
    let huge = "Le Rwanda et le Burkina Faso coopèrent. ".repeat(50_000_000 / 41);
    let input = jsonl(&[
        serde_json::json!({"id": "before", "text": "Le Rwanda."}),
        serde_json::json!({"id": "huge", "text": huge}),
        serde_json::json!({"id": "after", "text": "Le Burkina Faso."}),
    ]);
    let path = write(dir.path(), "big.jsonl", &input);
    let txt = write(dir.path(), "big.txt", huge.as_bytes());
    let out = fouille(&["extract", &path, &txt], None);
    assert_eq!(out.status.code(), Some(2));
    let lines = lines(&out);
    let kinds: Vec<&str> = lines.iter().map(error_kind).collect();
    assert_eq!(kinds, ["ok", "too_large", "ok", "too_large"]);
    assert_eq!(lines[1]["error"]["source"]["line"], 2);
    let message = lines[1]["error"]["message"].as_str().unwrap();
    assert!(message.contains("--max-bytes"), "{message}");
    assert_eq!(lines[3]["id"], "big");

    // A smaller limit refuses smaller records; a larger one lets them through.
    let medium = "Le Rwanda et le Burkina Faso coopèrent. ".repeat(30_000);
    let path = write(dir.path(), "medium.txt", medium.as_bytes());
    let refused = fouille(&["extract", &path, "--max-bytes", "1M"], None);
    assert_eq!(error_kind(&common::lines(&refused)[0]), "too_large");
    let taken = fouille(&["extract", &path, "--max-bytes", "2M"], None);
    assert!(taken.status.success(), "{}", stderr(&taken));
    assert_eq!(
        common::lines(&taken)[0]["entities"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn odd_texts_are_analysed_with_valid_offsets() {
    let no_space = "a".repeat(1 << 20);
    let accented_no_space = "é".repeat(1 << 19);
    let cases = [
        ("no-space", no_space.as_str()),
        ("no-space-accented", accented_no_space.as_str()),
        ("nul", "Le président\0 Emmanuel Macron est à Paris.\0"),
        ("bom", "\u{feff}Le président Emmanuel Macron est à Paris."),
        ("crlf", "Titre\r\n\r\nLe président Emmanuel Macron est à Paris.\r\nIl a parlé.\r\n"),
        ("emoji", "👍🏽 Le président Emmanuel Macron 🇫🇷 est à Paris 🎉. Le Rwanda 🇷🇼 aussi."),
        ("combining", "Le pre\u{301}sident Emmanuel Macron s'est rendu au Re\u{301}publique du Rwanda a\u{300} Kigali."),
        ("rtl", "Le ministre Ahmed Ben Ali a déclaré : « مرحبا بكم في تونس ». Israël (יִשְׂרָאֵל) et l'Égypte (مصر) ont signé."),
        ("controls", "Le Mali\u{7}\u{1b}[31m et le Niger\u{2028}ont signé\u{200b} un accord\u{fffd}."),
    ];
    let records: Vec<Value> = cases
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}))
        .collect();
    let out = fouille(&["extract"], Some(&jsonl(&records)));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = lines(&out);
    assert_eq!(lines.len(), cases.len());
    for ((id, text), line) in cases.iter().zip(&lines) {
        assert_eq!(line["id"], *id);
        assert_offsets_hold(text, line);
    }
    let persons = |l: &Value| -> Vec<String> {
        l["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["type"] == "person")
            .map(|m| m["text"].as_str().unwrap().to_owned())
            .collect()
    };
    for (i, (id, _)) in cases.iter().enumerate() {
        if ["nul", "bom", "crlf", "emoji"].contains(id) {
            assert_eq!(persons(&lines[i]), ["Emmanuel Macron"], "{id}");
        }
    }
}

#[test]
fn text_files_with_bom_crlf_and_nul_are_read_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "\u{feff}Kigali, le 3 mars\r\n\r\nLe président Paul Kagame a reçu\0 le ministre.\r\n";
    let path = write(dir.path(), "odd.txt", text.as_bytes());
    let out = fouille(&["extract", &path, "--date", "2023-03-04"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let line = &lines(&out)[0];
    assert_offsets_hold(text, line);
    let date = line["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["type"] == "date")
        .expect("the date line is read");
    assert_eq!(date["value"], "2023-03-03");
}

#[test]
fn a_panic_is_that_articles_error_and_the_run_goes_on() {
    if !cfg!(debug_assertions) {
        return; // The hook that makes the analysis panic exists only in test builds.
    }
    let input = jsonl(&[
        serde_json::json!({"id": "a", "text": "Le Rwanda."}),
        serde_json::json!({"id": "boom", "text": "Le Mali."}),
        serde_json::json!({"id": "c", "text": "Le Niger."}),
    ]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_fouille"))
        .arg("extract")
        .env("FOUILLE_PANIC_ON", "boom")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = lines(&out);
    let kinds: Vec<&str> = lines.iter().map(error_kind).collect();
    assert_eq!(kinds, ["ok", "internal", "ok"]);
    let message = lines[1]["error"]["message"].as_str().unwrap();
    assert!(message.contains("please report it"), "{message}");
}

#[test]
fn output_is_the_same_whatever_the_threads() {
    let corpus = common::root().join("corpus");
    let corpus = corpus.to_str().unwrap();
    let one = fouille(&["extract", corpus, "--threads", "1"], None);
    let four = fouille(&["extract", corpus, "--threads", "4"], None);
    assert!(one.status.success(), "{}", stderr(&one));
    assert!(four.status.success(), "{}", stderr(&four));
    let articles = one.stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(articles > 1000, "the corpus was read: {articles} lines");
    assert!(one.stdout == four.stdout, "1 and 4 threads differ");
}

#[test]
fn stderr_has_one_summary_line_and_stats_go_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let stats = dir.path().join("stats.json");
    let input = jsonl(&[
        serde_json::json!({"id": "a", "text": "Le président Emmanuel Macron a déclaré que la France aiderait le Mali."}),
        serde_json::json!({"id": "b", "text": ""}),
    ]);
    let out = fouille(
        &["extract", "--stats", stats.to_str().unwrap()],
        Some(&input),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let summary = err.lines().next().unwrap();
    assert!(
        summary.starts_with("fouille: 2 articles, 1 error; mentions: person 1,"),
        "{err}"
    );
    assert!(
        summary.contains("; 1 claim;") && summary.contains("MB/s"),
        "{summary}"
    );
    assert!(err.contains("fouille: 1 of 2 articles failed"), "{err}");
    assert!(
        !err.contains('\r'),
        "no progress bar when stderr is not a terminal"
    );
    let stats: Value = serde_json::from_str(&std::fs::read_to_string(stats).unwrap()).unwrap();
    assert_eq!(stats["articles"], 2);
    assert_eq!(stats["errors"], 1);
    assert_eq!(stats["mentions"]["person"], 1);
    assert_eq!(stats["mentions"]["country"], 2);
    assert_eq!(stats["claims"], 1);
    assert!(stats["text_mb_per_second"].as_f64().unwrap() > 0.0);

    let quiet = fouille(&["extract", "--quiet"], Some(&input));
    assert_eq!(stderr(&quiet), "");
    let progress = fouille(&["extract", "--progress"], Some(&input));
    assert!(stderr(&progress).contains("fouille: 2 articles, 1 error,"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let corpus = common::root().join("corpus/orangesum-sample.jsonl.gz");
    let mut child = Command::new(env!("CARGO_BIN_EXE_fouille"))
        .args(["extract", corpus.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, as `fouille extract | head` does.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn an_unwritable_output_stops_the_run_with_status_1() {
    let out = fouille(
        &["extract", "-o", "/nonexistent/dir/out.jsonl", "-"],
        Some(b"{\"text\": \"Le Mali.\"}\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/dir/out.jsonl"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sizes_take_units() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", "Le Mali et le Niger.".as_bytes());
    for size in ["20", "1K", "16M", "1G"] {
        let out = fouille(&["extract", &path, "--max-bytes", size], None);
        assert!(out.status.success(), "{size}: {}", stderr(&out));
    }
    let small = fouille(&["extract", &path, "--max-bytes", "19"], None);
    assert_eq!(error_kind(&lines(&small)[0]), "too_large");
    let bad = fouille(&["extract", &path, "--max-bytes", "12X"], None);
    assert_eq!(bad.status.code(), Some(1));
}
