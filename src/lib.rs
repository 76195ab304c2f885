//! The `fouille` command line's own parts: reading inputs, running the analysis over threads,
//! writing outputs, progress and statistics, and `fouille eval`.
//!
//! They are a library so that tests and the fuzz targets can drive them without the process;
//! they are not a public API: use `fouille-pipeline` for that.

pub mod eval;
pub mod extract;
pub mod input;
pub mod output;
pub mod progress;
pub mod stats;
