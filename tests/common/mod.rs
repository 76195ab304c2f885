//! Helpers shared by the integration tests.
#![allow(dead_code)]

use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One pipeline for the whole test binary, as the CLI builds one for a whole run.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

/// A fixture's publication date, from `fixtures/dates.tsv` (`name<TAB>YYYY-MM-DD`).
pub fn fixture_date(path: &Path) -> Option<Date> {
    let stem = path.file_stem()?.to_str()?;
    let dates = std::fs::read_to_string(root().join("fixtures/dates.tsv")).ok()?;
    dates
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .find(|(name, _)| *name == stem)
        .map(|(_, date)| Date::parse(date).expect("a valid date in fixtures/dates.tsv"))
}

/// Runs the pipeline and parses its output line back, as a user's program would read it.
pub fn extract(id: &str, text: &str, date: Option<Date>, tokens: bool) -> Value {
    let article = Article {
        date,
        ..Article::new(id, text)
    };
    let options = OutputOptions {
        tokens,
        pretty: false,
    };
    let line = pipeline()
        .analyze(&article)
        .to_json_line(&article, &options);
    assert!(!line.contains('\n'), "an output line holds a line break");
    serde_json::from_str(&line).expect("output is JSON")
}

/// Slices `text` by code point offsets, as Python does.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// The articles of the bundled corpus sample.
pub fn corpus_sample() -> Vec<Value> {
    use std::io::BufRead;
    let file = std::fs::File::open(root().join("corpus/orangesum-sample.jsonl.gz")).unwrap();
    let gz = flate2::read::GzDecoder::new(file);
    std::io::BufReader::new(gz)
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect()
}

/// Runs the `fouille` binary with these arguments and this standard input.
pub fn fouille(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fouille"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // A run that stops before reading its input (an unwritable output) closes the pipe: what
    // it did is in its status and stderr, which the test checks, not in this write.
    if let Err(e) = pipe.write_all(stdin.unwrap_or_default()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

/// The output lines, parsed.
pub fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

/// What the run wrote on stderr.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes a file into `dir` and returns its path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}
