//! Any bytes that are UTF-8 go through the whole pipeline and its JSON output without a panic,
//! with a publication date so that relative dates are resolved too.
#![no_main]

use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let article = Article {
        date: Date::parse("2023-11-30").ok(),
        ..Article::new("fuzz", text)
    };
    let options = OutputOptions {
        tokens: true,
        pretty: false,
    };
    let line = pipeline().analyze(&article).to_json_line(&article, &options);
    assert!(!line.contains('\n'));
});
