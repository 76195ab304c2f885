//! Any bytes, read as the command line reads a file or standard input (JSON Lines, a `.json`
//! file, or a stream whose content decides), give records that each become exactly one output
//! line, a result or an error, without a panic. For JSON Lines, the records are counted
//! independently: one per line that is not blank.
#![no_main]

use fouille_cli::extract::process;
use fouille_cli::input::{Format, ReadOptions, Reader};
use fouille_pipeline::{OutputOptions, Pipeline};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

/// The records of JSON Lines as a reader who never saw fouille counts them: the lines, less
/// the blank ones (a carriage return before the line feed, and a byte order mark at the start
/// of a line, are not content).
fn json_lines_records(data: &[u8]) -> usize {
    let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if data.ends_with(b"\n") || data.is_empty() {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .map(|l| l.strip_prefix("\u{feff}".as_bytes()).unwrap_or(l))
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count()
}

fn read(data: &[u8], format: Format, max_bytes: u64) -> usize {
    let options = ReadOptions {
        max_bytes,
        ..ReadOptions::default()
    };
    let stream = Box::new(std::io::Cursor::new(data.to_vec()));
    let reader = Reader::from_stream("fuzz.input", "fuzz", format, stream, &options);
    let output = OutputOptions::default();
    let mut records = 0;
    for record in reader {
        records += 1;
        let outcome = process(pipeline(), &record, &output);
        assert!(!outcome.line.contains('\n'), "one line per record");
        let value: serde_json::Value = serde_json::from_str(&outcome.line).expect("JSON");
        assert_eq!(outcome.failed, !value["error"].is_null());
    }
    records
}

fuzz_target!(|data: &[u8]| {
    let gzipped = data.starts_with(&[0x1f, 0x8b]);
    // A limit above any input: no line is too large, so every line that is not blank is one
    // record.
    let records = read(data, Format::JsonLines, 1 << 30);
    if !gzipped {
        assert_eq!(records, json_lines_records(data));
    }
    // Small limits, the other formats, and the content deciding.
    read(data, Format::JsonLines, 16);
    read(data, Format::Json, 1 << 30);
    read(data, Format::Json, 16);
    read(data, Format::Unknown, 64);
    read(data, Format::Text, 1 << 30);
});
