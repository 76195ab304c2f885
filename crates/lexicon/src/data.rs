//! The data files, compiled into the crate. Each starts with a `#` header (source, licence,
//! format) followed by records sorted in byte order, unique on their first column.

/// Common-word forms from Lefff: `form<TAB>parts of speech[<TAB>verb analyses]`.
pub(crate) const FORMS: &str = include_str!("../data/forms.tsv");
/// Proper nouns from Lefff: `Form<TAB>gender and number[<TAB>lemma]`.
pub(crate) const PROPER_NOUNS: &str = include_str!("../data/proper-nouns.tsv");
/// First names: `Name<TAB>gender<TAB>ambiguous or -<TAB>sources`.
pub(crate) const FIRST_NAMES: &str = include_str!("../data/first-names.tsv");

/// The records of a data file: its lines, less the header's.
pub(crate) fn records(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// An upper bound of the number of records, to size tables once.
pub(crate) fn line_count(file: &str) -> usize {
    file.bytes().filter(|&b| b == b'\n').count()
}
