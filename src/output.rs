//! Output files, checked before any article is read and written so that nothing is lost: an
//! output that is one of the inputs is refused, and a file is written under a temporary name
//! in its own folder, renamed to its name only once complete. A run that fails or is
//! interrupted leaves the file it replaces as it was.

use crate::input::Source;
use anyhow::{bail, Context, Result};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use tempfile::TempPath;

/// A file being written.
pub struct OutputFile {
    /// The file to write to.
    pub file: File,
    /// What to do once it is complete.
    pub pending: Pending,
}

/// What makes an output file final.
pub struct Pending {
    /// The temporary file, renamed to `target` by [`Pending::commit`]; deleted when dropped.
    /// `None` for what cannot be replaced (a device such as `/dev/null`, a pipe): written to
    /// directly.
    temp: Option<TempPath>,
    target: PathBuf,
    shown: String,
}

impl OutputFile {
    /// Checks that `path` can be written and is none of `inputs`, and opens it for writing:
    /// through a temporary file when it is (or will be) a regular file. `what` names the
    /// output in messages ("the output", "the stats").
    pub fn create(path: &Path, inputs: &[Source], what: &str) -> Result<OutputFile> {
        let shown = path.display().to_string();
        for input in inputs.iter().filter_map(|s| s.path.as_deref()) {
            if same_file::is_same_file(input, path).unwrap_or(false) {
                bail!(
                    "{shown}: {what} would overwrite this input ({}) before it is read; write it elsewhere",
                    input.display()
                );
            }
        }
        let existing = std::fs::metadata(path).ok();
        if let Some(meta) = &existing {
            if meta.is_dir() {
                bail!("{shown}: cannot write {what}: this is a directory");
            }
            if !meta.is_file() {
                // A device or a pipe: nothing to replace, and nothing to rename onto.
                let file = OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("{shown}: cannot write {what}"))?;
                return Ok(OutputFile {
                    file,
                    pending: Pending {
                        temp: None,
                        target: path.to_owned(),
                        shown,
                    },
                });
            }
        }
        // A link is replaced by following it, so that the file it names gets the output.
        let target = match &existing {
            Some(_) => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
            None => path.to_owned(),
        };
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        if !folder.is_dir() {
            bail!(
                "{shown}: cannot write {what}: no such directory {}",
                folder.display()
            );
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".fouille-tmp");
        match &existing {
            Some(meta) => {
                builder.permissions(meta.permissions());
            }
            None => set_default_permissions(&mut builder),
        }
        let temp = builder
            .tempfile_in(&folder)
            .with_context(|| format!("{shown}: cannot write {what}"))?;
        let (file, temp) = temp.into_parts();
        Ok(OutputFile {
            file,
            pending: Pending {
                temp: Some(temp),
                target,
                shown,
            },
        })
    }
}

impl Pending {
    /// Gives the complete file its name.
    pub fn commit(self) -> Result<()> {
        if let Some(temp) = self.temp {
            temp.persist(&self.target)
                .map_err(|e| e.error)
                .with_context(|| format!("{}: cannot write", self.shown))?;
        }
        Ok(())
    }
}

/// What `File::create` gives a new file: read and write for all, less the umask (tempfile's
/// own default is the owner only).
#[cfg(unix)]
fn set_default_permissions(builder: &mut tempfile::Builder) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn set_default_permissions(_: &mut tempfile::Builder) {}
