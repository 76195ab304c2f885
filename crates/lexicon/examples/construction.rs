//! Measures how long `Lexicon::new()` takes: `cargo run --release -p fouille-lexicon --example
//! construction`. Prints the fastest and the median of 20 constructions.

use std::time::{Duration, Instant};

use fouille_lexicon::Lexicon;

fn main() {
    let mut times: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let lexicon = Lexicon::new();
            let elapsed = start.elapsed();
            std::hint::black_box(&lexicon);
            elapsed
        })
        .collect();
    times.sort();
    println!("{:?}", Lexicon::shared());
    println!(
        "Lexicon::new(): fastest {:.1} ms, median {:.1} ms (20 runs)",
        times[0].as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3
    );
}
