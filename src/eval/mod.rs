//! `fouille eval`: scores fouille against gold annotations.

pub mod claims;
pub mod mentions;
pub mod names;
pub mod persons;
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
        let doc = serde_json::from_str(&line).map_err(|e| {
            // serde's own "at line 1 column 42" counts within the line: the file's line and
            // the column say it better.
            let what = e.to_string();
            let what = what
                .rsplit_once(" at line ")
                .map_or(what.as_str(), |(what, _)| what);
            anyhow::anyhow!(
                "{}:{}: not a gold record (see docs/eval-gold.md): {what} (column {})",
                path.display(),
                i + 1,
                e.column()
            )
        })?;
        docs.push(doc);
    }
    Ok(docs)
}
