//! The command line's paths, resolved into the sources of a run: files named, files found by
//! walking directories, and standard input.

use anyhow::{bail, Context, Result};
use fouille_pipeline::record::split_file_name;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a source's name says about its content. Whether it is gzipped is read from its first
/// bytes, whatever its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One article: the whole (decompressed) content is its text (`.txt`).
    Text,
    /// One record a line (`.jsonl`, `.ndjson`).
    JsonLines,
    /// A JSON array of records, or records one after another, on one line each or spread over
    /// several (`.json`).
    Json,
    /// The name does not say: the content decides (a first `{`, a first `[{`, else text).
    Unknown,
}

/// One input source, as named on the command line or found in a directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file; `None` for standard input.
    pub path: Option<PathBuf>,
    /// What its name says.
    pub format: Format,
}

impl Source {
    /// Standard input: the content decides its format.
    pub fn stdin() -> Source {
        Source {
            path: None,
            format: Format::Unknown,
        }
    }

    /// A file, by its name.
    pub fn file(path: &Path) -> Source {
        Source {
            path: Some(path.to_owned()),
            format: format_of(path),
        }
    }

    /// The name shown in messages and error lines: the path, or "-" for standard input.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "-".to_owned(),
        }
    }

    /// The name ids are made of: the file name without its extensions, "stdin" for standard
    /// input.
    pub fn stem(&self) -> String {
        match &self.path {
            Some(path) => split_file_name(&file_name(path)).stem.to_owned(),
            None => "stdin".to_owned(),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn format_of(path: &Path) -> Format {
    match split_file_name(&file_name(path)).extension {
        Some(".jsonl" | ".ndjson") => Format::JsonLines,
        Some(".json") => Format::Json,
        Some(_) => Format::Text,
        None => Format::Unknown,
    }
}

/// True when a directory walk takes this file: a name of the input extensions
/// ([`fouille_pipeline::record::EXTENSIONS`]), or any `.gz`.
fn walk_takes(path: &Path) -> bool {
    let name = file_name(path);
    let split = split_file_name(&name);
    split.gz || split.extension.is_some()
}

/// A file of a walked directory that the run does not read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file or folder.
    pub path: PathBuf,
    /// Why it is not read.
    pub why: &'static str,
}

/// The sources of a run, and what the directory walks left out.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Every source, in the order read.
    pub sources: Vec<Source>,
    /// Files and folders the walks did not read.
    pub skipped: Vec<Skipped>,
}

impl Sources {
    /// One line for stderr listing what the walks skipped, or `None` when they skipped nothing.
    pub fn skipped_note(&self) -> Option<String> {
        const SHOWN: usize = 10;
        if self.skipped.is_empty() {
            return None;
        }
        let n = self.skipped.len();
        let mut listed: Vec<String> = self
            .skipped
            .iter()
            .take(SHOWN)
            .map(|s| format!("{} ({})", s.path.display(), s.why))
            .collect();
        if n > SHOWN {
            listed.push(format!("and {} more", n - SHOWN));
        }
        Some(format!(
            "fouille: skipped {n} {} of the directories given: {}",
            if n == 1 { "entry" } else { "entries" },
            listed.join(", ")
        ))
    }
}

/// Resolves the command line's paths into sources, walking directories in name order. Fails
/// before any work when a path does not exist or a directory holds no article.
pub fn sources(paths: &[PathBuf]) -> Result<Sources> {
    let mut out = Sources::default();
    if paths.is_empty() {
        out.sources.push(Source::stdin());
        return Ok(out);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            out.sources.push(Source::stdin());
            continue;
        }
        let meta =
            std::fs::metadata(path).with_context(|| format!("{}: cannot read", path.display()))?;
        if meta.is_dir() {
            let before = out.sources.len();
            walk(path, &mut out)?;
            if out.sources.len() == before {
                bail!(
                    "{}: no articles in this directory (looked for .txt, .json, .jsonl, .ndjson files, and .gz files)",
                    path.display()
                );
            }
        } else {
            // A file named on the command line is read whatever its name; its content decides
            // what the name does not say.
            out.sources.push(Source::file(path));
        }
    }
    Ok(out)
}

/// The identity of a file on its device, to read each file once whatever the links to it.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata, _: &Path) -> (u64, u64, PathBuf) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino(), PathBuf::new())
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata, path: &Path) -> (u64, u64, PathBuf) {
    (
        0,
        0,
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
    )
}

/// Walks `dir` in name order, following links to files and folders but never into a folder
/// already being walked (walkdir's loop check), and taking each file once however many links
/// lead to it.
fn walk(dir: &Path, out: &mut Sources) -> Result<()> {
    let mut seen = HashSet::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_owned();
                if e.loop_ancestor().is_some() {
                    out.skipped.push(Skipped {
                        path,
                        why: "a link to a folder already walked",
                    });
                    continue;
                }
                if e.depth() == 0 {
                    return Err(e).with_context(|| format!("{}: cannot list", dir.display()));
                }
                out.skipped.push(Skipped {
                    path,
                    why: "cannot be read",
                });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        if !walk_takes(path) {
            out.skipped.push(Skipped {
                path: path.to_owned(),
                why: "not .txt, .json, .jsonl, .ndjson or .gz",
            });
            continue;
        }
        let meta = match entry.metadata() {
            Ok(m) => m,
            Err(_) => {
                out.skipped.push(Skipped {
                    path: path.to_owned(),
                    why: "cannot be read",
                });
                continue;
            }
        };
        if !seen.insert(identity(&meta, path)) {
            out.skipped.push(Skipped {
                path: path.to_owned(),
                why: "the same file as one already read",
            });
            continue;
        }
        out.sources.push(Source::file(path));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_the_format_and_the_stem() {
        for (name, format, stem) in [
            ("a.txt", Format::Text, "a"),
            ("a.TXT.gz", Format::Text, "a"),
            ("a.jsonl", Format::JsonLines, "a"),
            ("a.ndjson.gz", Format::JsonLines, "a"),
            ("a.json", Format::Json, "a"),
            ("a.json.gz", Format::Json, "a"),
            ("a.gz", Format::Unknown, "a"),
            ("a.csv", Format::Unknown, "a"),
            ("README", Format::Unknown, "README"),
            (".json", Format::Unknown, ".json"),
        ] {
            let source = Source::file(Path::new(name));
            assert_eq!(
                (source.format, source.stem().as_str()),
                (format, stem),
                "{name}"
            );
        }
        assert!(walk_takes(Path::new("x.gz")));
        assert!(!walk_takes(Path::new("notes.md")));
    }
}
