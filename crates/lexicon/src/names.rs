//! Proper nouns (`proper-nouns.tsv`, from Lefff) and first names (`first-names.tsv`).

use std::collections::HashMap;

use crate::data;
use crate::hash::FxBuildHasher;

/// Grammatical gender of a proper noun, or usual gender of a first name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Masculine: "Pierre", "le Mali".
    Masculine,
    /// Feminine: "Claire", "la France".
    Feminine,
    /// Either: a first name given to boys and girls alike ("Camille", "Dominique"), or a proper
    /// noun that Lefff lists with both genders.
    Both,
}

impl Gender {
    /// Reads the letters m and f of a data column; `None` when there is neither.
    fn from_letters(letters: &str) -> Option<Gender> {
        match (letters.contains('m'), letters.contains('f')) {
            (true, true) => Some(Gender::Both),
            (true, false) => Some(Gender::Masculine),
            (false, true) => Some(Gender::Feminine),
            (false, false) => None,
        }
    }
}

/// What Lefff says of a proper noun. It does not say whether the noun names a person, a place
/// or an organisation.
///
/// ```
/// use fouille_lexicon::{Gender, Lexicon};
///
/// let lexicon = Lexicon::shared();
/// let aachen = lexicon.proper_noun("Aachen").unwrap();
/// assert_eq!(aachen.canonical, "Aix-la-Chapelle");
/// assert_eq!(aachen.gender, Some(Gender::Masculine));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProperNounInfo {
    /// Grammatical gender, when Lefff gives it.
    pub gender: Option<Gender>,
    /// `Some(true)` for plural nouns ("les États-Unis"), `None` when Lefff gives no number or
    /// both.
    pub plural: Option<bool>,
    /// Lefff's lemma: the form itself, or the name it stands for ("USA": "États-Unis
    /// d'Amérique", "Beijing": "Pékin").
    pub canonical: &'static str,
}

/// A first name.
///
/// ```
/// use fouille_lexicon::{Gender, Lexicon};
///
/// let lexicon = Lexicon::shared();
/// assert_eq!(lexicon.first_name("Célestin").unwrap().gender, Gender::Masculine);
/// // "Rose" is also a common word: « rose » (the flower, the colour).
/// assert!(lexicon.first_name("Rose").unwrap().ambiguous);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FirstNameInfo {
    /// The gender the name is given to.
    pub gender: Gender,
    /// Whether the lowercased name is also a common word ("Pierre", "Rose", "Claire"), so that
    /// at the start of a sentence it may be that word.
    pub ambiguous: bool,
}

/// The proper nouns and the first names, by form.
#[derive(Debug)]
pub(crate) struct NameTables {
    pub(crate) proper_nouns: HashMap<&'static str, ProperNounInfo, FxBuildHasher>,
    pub(crate) first_names: HashMap<&'static str, FirstNameInfo, FxBuildHasher>,
}

impl NameTables {
    pub(crate) fn parse(proper_nouns: &'static str, first_names: &'static str) -> NameTables {
        NameTables {
            proper_nouns: parse_table(proper_nouns, |form, fields| {
                let features = fields.next()?;
                Some(ProperNounInfo {
                    gender: Gender::from_letters(features),
                    plural: match (features.contains('s'), features.contains('p')) {
                        (true, false) => Some(false),
                        (false, true) => Some(true),
                        _ => None,
                    },
                    canonical: fields.next().unwrap_or(form),
                })
            }),
            first_names: parse_table(first_names, |_, fields| {
                Some(FirstNameInfo {
                    gender: Gender::from_letters(fields.next()?)?,
                    ambiguous: fields.next()? == "ambiguous",
                })
            }),
        }
    }
}

/// Parses the records of `file`, skipping those that `parse` rejects.
fn parse_table<T>(
    file: &'static str,
    parse: impl Fn(&'static str, &mut std::str::Split<'static, char>) -> Option<T>,
) -> HashMap<&'static str, T, FxBuildHasher> {
    let mut table = HashMap::with_capacity_and_hasher(data::line_count(file), FxBuildHasher);
    for record in data::records(file) {
        let mut fields = record.split('\t');
        let Some(form) = fields.next() else { continue };
        if let Some(value) = parse(form, &mut fields) {
            table.insert(form, value);
        }
    }
    table
}
