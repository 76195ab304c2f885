//! Inputs as they really arrive, and outputs that never destroy them: file formats told by
//! name or by content, directory walks, standard input, and output files.

mod common;

use common::{fouille, lines, stderr, write};
use std::io::Write;
use std::path::Path;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn ids(out: &std::process::Output) -> Vec<String> {
    lines(out)
        .iter()
        .map(|l| l["id"].as_str().unwrap_or("null").to_owned())
        .collect()
}

fn kinds(out: &std::process::Output) -> Vec<String> {
    lines(out)
        .iter()
        .map(|l| l["error"]["kind"].as_str().unwrap_or("ok").to_owned())
        .collect()
}

const TWO_RECORDS: &[u8] =
    b"{\"id\": \"a\", \"text\": \"Le Mali est au Sahel.\"}\n{\"id\": \"b\", \"text\": \"Le Niger aussi.\"}\n";

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "same.jsonl", TWO_RECORDS);
    let out = fouille(&["extract", &path, "-o", &path], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("would overwrite"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        TWO_RECORDS,
        "the input is intact"
    );

    // Through a link, and for the stats file too.
    #[cfg(unix)]
    {
        let link = dir.path().join("link.jsonl");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let out = fouille(&["extract", &path, "-o", link.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let out = fouille(&["extract", &path, "--stats", link.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
        assert_eq!(std::fs::read(&path).unwrap(), TWO_RECORDS);
    }

    // A file found by walking a directory is an input as well.
    let out = fouille(
        &["extract", dir.path().to_str().unwrap(), "-o", &path],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), TWO_RECORDS);
}

#[test]
fn an_interrupted_run_leaves_the_previous_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.jsonl");
    std::fs::write(&output, b"the previous run\n").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_fouille"))
        .args(["extract", "-o", output.to_str().unwrap(), "--quiet"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..600 {
        writeln!(
            stdin,
            "{{\"id\": \"{i}\", \"text\": \"Le Mali est au Sahel.\"}}"
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    // The run has started and written batches by now; it is killed before its input ends.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "the previous run\n"
    );

    // A run that completes replaces the file, keeping its permissions.
    let input = write(dir.path(), "in.jsonl", TWO_RECORDS);
    let out = fouille(&["extract", &input, "-o", output.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&output).unwrap().lines().count(), 2);
}

#[test]
fn outputs_to_devices_are_written_in_place() {
    let input = common::root().join("fixtures/burkina-faso-partenariats.txt");
    let out = fouille(
        &["extract", input.to_str().unwrap(), "-o", "/dev/null"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(Path::new("/dev/null").exists());
    let out = fouille(&["extract", input.to_str().unwrap(), "-o", "-"], None);
    assert_eq!(lines(&out).len(), 1, "- is standard output");
}

#[test]
fn every_output_path_is_checked_before_the_run() {
    let input = common::root().join("corpus/orangesum-sample.jsonl.gz");
    let input = input.to_str().unwrap();
    let out = fouille(&["extract", input, "--stats", "/no/such/dir/s.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "nothing analysed: {} bytes written",
        out.stdout.len()
    );
    assert!(
        stderr(&out).contains("/no/such/dir/s.json"),
        "{}",
        stderr(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    let out = fouille(
        &["extract", input, "-o", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}

#[test]
fn json_files_and_gzipped_files_are_read_by_name_and_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let array = br#"[
  {"id": "arr1", "text": "Le Mali est au Sahel."},
  {"text": "Le Niger aussi."}
]"#;
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        ("array.json", array.to_vec(), vec!["arr1", "array:3"]),
        ("lines.json", TWO_RECORDS.to_vec(), vec!["a", "b"]),
        ("lines.ndjson", TWO_RECORDS.to_vec(), vec!["a", "b"]),
        ("lines.json.gz", gzip(TWO_RECORDS), vec!["a", "b"]),
        ("lines.gz", gzip(TWO_RECORDS), vec!["a", "b"]),
        (
            "article.txt.gz",
            gzip("Le Mali.".as_bytes()),
            vec!["article"],
        ),
        // The content decides what the name does not say, or says wrongly.
        ("records.data", TWO_RECORDS.to_vec(), vec!["a", "b"]),
        ("misnamed.jsonl", gzip(TWO_RECORDS), vec!["a", "b"]),
        (
            "notes",
            "Le Mali est au Sahel.".as_bytes().to_vec(),
            vec!["notes"],
        ),
    ];
    for (name, bytes, want) in &cases {
        let path = write(d, name, bytes);
        let out = fouille(&["extract", &path], None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        // Records, not their JSON source analysed as the text of one article.
        assert_eq!(&ids(&out), want, "{name}");
    }
    // A pretty-printed object, and a broken record that does not take the next with it.
    let path = write(
        d,
        "mixed.json",
        b"{\n  \"id\": \"p\",\n  \"text\": \"Le Mali.\"\n}\n{\"id\": \"x\", \"text\": \"cass\xc3\xa9\n{\"id\": \"q\", \"text\": \"Le Niger.\"}\n",
    );
    let out = fouille(&["extract", &path], None);
    assert_eq!(ids(&out), ["p", "mixed:5", "q"]);
    assert_eq!(kinds(&out), ["ok", "invalid_json", "ok"]);
    assert_eq!(lines(&out)[1]["error"]["source"]["line"], 5);
}

#[test]
fn a_directory_walk_takes_every_input_file_and_says_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.json", br#"[{"id": "a", "text": "Le Mali."}]"#);
    write(d, "b.ndjson", b"{\"id\": \"b\", \"text\": \"Le Niger.\"}\n");
    write(
        d,
        "c.json.gz",
        &gzip(b"{\"id\": \"c\", \"text\": \"Le Tchad.\"}\n"),
    );
    write(d, "d.txt.gz", &gzip("Le Bénin.".as_bytes()));
    write(d, "notes.md", b"# rien");
    let out = fouille(&["extract", d.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&out), ["a", "b", "c", "d"]);
    let err = stderr(&out);
    assert!(
        err.contains("skipped 1 entry") && err.contains("notes.md"),
        "{err}"
    );
    let quiet = fouille(&["extract", d.to_str().unwrap(), "--quiet"], None);
    assert_eq!(stderr(&quiet), "");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_already_walked_is_not_walked_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", b"Le Mali.");
    std::fs::create_dir(d.join("sub")).unwrap();
    write(&d.join("sub"), "b.txt", b"Le Niger.");
    std::os::unix::fs::symlink(d, d.join("sub/parent")).unwrap();
    std::os::unix::fs::symlink(d.join("sub"), d.join("sibling")).unwrap();
    std::os::unix::fs::symlink(d.join("a.txt"), d.join("z.txt")).unwrap();
    let out = fouille(&["extract", d.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&out), ["a", "b"], "each file once");
    assert!(
        stderr(&out).contains("a link to a folder already walked"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn standard_input_is_read_as_what_it_is() {
    // Gzipped JSON Lines.
    let out = fouille(&["extract"], Some(&gzip(TWO_RECORDS)));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&out), ["a", "b"]);
    // Plain text: one article.
    let text = "Emmanuel Macron a rencontré le président du Niger.\nIl a parlé du Sahel.\n";
    let out = fouille(&["extract"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "stdin");
    assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
    // A JSON array.
    let out = fouille(&["extract"], Some(br#"[{"id": "x", "text": "Le Mali."}]"#));
    assert_eq!(ids(&out), ["x"]);
}

#[test]
fn blank_lines_are_not_records_and_every_document_says_so() {
    let input = b"{\"id\": \"a\", \"text\": \"Le Mali.\"}\n\n  \n{\"id\": \"b\", \"text\": \"Le Niger.\"}\n";
    let out = fouille(&["extract"], Some(input));
    assert_eq!(ids(&out), ["a", "b"]);
    let help = String::from_utf8(fouille(&["extract", "--help"], None).stdout).unwrap();
    assert!(help.contains("blank lines are not records"), "{help}");
    for doc in ["README.md", "docs/json-contract.md"] {
        let text = std::fs::read_to_string(common::root().join(doc)).unwrap();
        assert!(text.contains("Blank lines are not records"), "{doc}");
    }
}

#[test]
fn pretty_output_over_several_articles_is_one_indented_object_each() {
    let out = fouille(&["extract", "--pretty"], Some(TWO_RECORDS));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let objects: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&text)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(objects.len(), 2);
    assert!(text.starts_with("{\n  \"id\": \"a\""));
    assert!(
        text.contains("}\n{\n  \"id\": \"b\""),
        "one after the other"
    );
    let help = String::from_utf8(fouille(&["extract", "--help"], None).stdout).unwrap();
    assert!(help.contains("one indented object per article"), "{help}");
}
