//! Throughput of each stage on the bundled corpus sample, one thread: tokenizer alone,
//! tokenizer + entities, and the whole pipeline with its JSON output.
//!
//! `cargo bench -p fouille-pipeline` (criterion prints the throughput in MB/s of article text,
//! 10^6 bytes).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
use std::io::{BufRead, BufReader};

/// The sample's articles: (id, date, text).
fn corpus() -> Vec<(String, Option<Date>, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/orangesum-sample.jsonl.gz"
    );
    let file = std::fs::File::open(path).expect("corpus/orangesum-sample.jsonl.gz");
    BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
            let date = v["date"].as_str().and_then(|d| Date::parse(d).ok());
            (
                v["id"].as_str().unwrap().to_owned(),
                date,
                v["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let articles = corpus();
    let bytes: u64 = articles.iter().map(|(_, _, t)| t.len() as u64).sum();
    let pipeline = Pipeline::new();
    let mut group = c.benchmark_group("orangesum-sample");
    group.throughput(Throughput::BytesDecimal(bytes));
    group.sample_size(10);
    group.bench_function("tokenizer", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|(_, _, text)| pipeline.tokenizer().segment(text).tokens.len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenizer+entities", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|(_, date, text)| {
                    let seg = pipeline.tokenizer().segment(text);
                    pipeline.recognizer().recognize(&seg, *date).mentions.len()
                })
                .sum::<usize>()
        })
    });
    // The claims stage alone, on documents already segmented and recognised.
    let prepared: Vec<_> = articles
        .iter()
        .map(|(_, date, text)| {
            let seg = pipeline.tokenizer().segment(text);
            let found = pipeline.recognizer().recognize(&seg, *date);
            (seg, found)
        })
        .collect();
    let claims = fouille_pipeline::ClaimExtractor::new();
    group.bench_function("claims", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|(seg, found)| claims.extract(seg, found).len())
                .sum::<usize>()
        })
    });
    group.bench_function("pipeline", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|(id, date, text)| {
                    let article = Article {
                        date: *date,
                        ..Article::new(id, text)
                    };
                    pipeline.analyze(&article).claims.len()
                })
                .sum::<usize>()
        })
    });
    let options = OutputOptions::default();
    group.bench_function("pipeline+json", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|(id, date, text)| {
                    let article = Article {
                        date: *date,
                        ..Article::new(id, text)
                    };
                    pipeline
                        .analyze(&article)
                        .to_json_line(&article, &options)
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
