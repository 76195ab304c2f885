//! The hand-written output line says exactly what serde_json says of the same analysis, on every
//! fixture and every article of the corpus sample, with and without tokens.

use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
use std::io::{BufRead, BufReader};

/// id, date, text, meta.
type Record = (
    String,
    Option<String>,
    String,
    serde_json::Map<String, serde_json::Value>,
);

fn articles() -> Vec<Record> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut out = Vec::new();
    let file = std::fs::File::open(format!("{root}/corpus/orangesum-sample.jsonl.gz")).unwrap();
    for line in BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
        let mut v: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&line.unwrap()).unwrap();
        let id = v.remove("id").unwrap().as_str().unwrap().to_owned();
        let date = v.remove("date").and_then(|d| d.as_str().map(str::to_owned));
        let text = v.remove("text").unwrap().as_str().unwrap().to_owned();
        out.push((id, date, text, v));
    }
    for entry in std::fs::read_dir(format!("{root}/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut meta = serde_json::Map::new();
            // Odd values a user's records may carry, to be written as they are.
            meta.insert("url".into(), "https://example.org/a?b=\"c\"\\d".into());
            meta.insert(
                "labels".into(),
                serde_json::json!(["é", 1, null, {"k": true}]),
            );
            out.push((path.display().to_string(), None, text, meta));
        }
    }
    // Every character JSON escapes, inside a claim's text and in the id.
    let odd = "Le président\tEmmanuel Macron a déclaré que le \"Mali\"\u{1}\u{8}\u{c}\u{7f} \\ avançait.\r\nIl a dit.";
    out.push((
        "odd \"id\"\n\t".into(),
        None,
        odd.into(),
        Default::default(),
    ));
    out
}

#[test]
fn hand_written_lines_equal_serde_json() {
    let pipeline = Pipeline::new();
    for (id, date, text, meta) in articles() {
        let article = Article {
            id: &id,
            date: date.as_deref().and_then(|d| Date::parse(d).ok()),
            title: Some("Un « titre »"),
            text: &text,
            meta: Some(&meta),
        };
        let analysis = pipeline.analyze(&article);
        for tokens in [false, true] {
            let options = OutputOptions {
                tokens,
                pretty: false,
            };
            let line = analysis.to_json_line(&article, &options);
            let reference = serde_json::to_string(&analysis.to_json(&article, &options)).unwrap();
            assert!(
                line == reference,
                "{id}: the lines differ\n{line}\n{reference}"
            );
        }
    }
}
