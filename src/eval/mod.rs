//! `fouille eval`: scores fouille against gold annotations.

pub mod claims;
pub mod mentions;
pub mod score;
pub mod tokens;

use anyhow::{Context, Result};
use serde::de::DeserializeOwned;
use std::io::BufRead;
use std::path::Path;

/// Reads a JSON Lines gold file into documents of type `T`, naming the file and line of any
/// record that does not parse.
pub fn read_gold<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}: cannot read", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a gold record", path.display(), i + 1))?;
        docs.push(doc);
    }
    Ok(docs)
}
