//! Names of countries, nationalities, places and organisations, found in the text with one
//! Aho-Corasick automaton over every written form.

use crate::classes::{Class, Classes};
use crate::doc::Doc;
use crate::mention::CountryCode;
use crate::words::fold_char;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use fouille_tokenizer::normalize::strip_accents;
// Keys are short words: FxHash hashes them several times faster than the default SipHash.
use rustc_hash::FxHashMap as HashMap;

pub(crate) const COUNTRIES: &str = include_str!("../data/countries.tsv");
pub(crate) const COUNTRY_NAMES: &str = include_str!("../data/country-names.tsv");
pub(crate) const NATIONALITIES: &str = include_str!("../data/nationalities.tsv");
pub(crate) const LOCATIONS: &str = include_str!("../data/locations.tsv");
pub(crate) const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
pub(crate) const SPORT_COUNTRY_CODES: &str = include_str!("../data/sport-country-codes.tsv");

/// What a gazetteer name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A country's name.
    Country(CountryCode),
    /// A nationality adjective or demonym.
    Nationality(CountryCode),
    /// A place that is not a country.
    Location,
    /// An organisation.
    Organization,
}

/// One gazetteer name in the data, with its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Listing {
    pub entry: Entry,
    /// Also a first name, a surname or a common word: needs context to count.
    pub ambiguous: bool,
}

/// A gazetteer name found on token boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub first: usize,
    pub end: usize,
    pub listing: Listing,
}

/// A country as the tables describe it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CountryInfo {
    /// The French short name: "Burkina Faso".
    pub name: &'static str,
}

/// The names and the automaton that finds them.
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    automaton: AhoCorasick,
    /// For each automaton pattern, the listings it stands for.
    listings: Vec<Vec<Listing>>,
    countries: HashMap<CountryCode, CountryInfo>,
    /// "Esp", "EU", "FRA": countries as sports results abbreviate them after a name.
    sport_codes: HashMap<&'static str, CountryCode>,
    /// The first words of names that start in lower case ("burkinabè", "'s-Hertogenbosch").
    lowercase_starts: Vec<String>,
}

/// The rows of a TSV data file: its lines, cut at tabs, without blank lines.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The forms under which a name is written: as listed, with a typographic apostrophe, in
/// capitals (headlines, OCR'd mastheads) and in capitals without accents.
fn written_forms(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_owned()];
    if name.contains('\'') {
        forms.push(name.replace('\'', "’"));
    }
    let upper = name.to_uppercase();
    if upper != name && name.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        forms.push(upper.clone());
        let plain = strip_accents(&upper).into_owned();
        if plain != upper {
            forms.push(plain);
        }
    }
    let mut out = Vec::new();
    for f in forms {
        if f.contains('\'') {
            out.push(f.replace('\'', "’"));
        }
        out.push(f);
    }
    out.sort();
    out.dedup();
    out
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

impl Gazetteer {
    pub(crate) fn builtin() -> Self {
        let mut by_form: HashMap<String, Vec<Listing>> = HashMap::default();
        let mut add = |name: &str, listing: Listing| {
            for form in written_forms(name) {
                let v = by_form.entry(form).or_default();
                if !v.contains(&listing) {
                    v.push(listing);
                }
            }
        };
        let code = |c: &str| CountryCode::new(c).expect("valid country code in data");
        let mut countries = HashMap::default();
        for row in rows(COUNTRIES) {
            countries.insert(code(row[0]), CountryInfo { name: row[1] });
        }
        for row in rows(COUNTRY_NAMES) {
            let ambiguous = row.get(2) == Some(&"ambiguous");
            add(
                row[0],
                Listing {
                    entry: Entry::Country(code(row[1])),
                    ambiguous,
                },
            );
        }
        for row in rows(NATIONALITIES) {
            let listing = Listing {
                entry: Entry::Nationality(code(row[1])),
                ambiguous: false,
            };
            add(row[0], listing);
            // "les Américains": the demonym is the adjective with a capital.
            add(&capitalize(row[0]), listing);
        }
        for row in rows(LOCATIONS) {
            let ambiguous = row.get(2) == Some(&"ambiguous");
            add(
                row[0],
                Listing {
                    entry: Entry::Location,
                    ambiguous,
                },
            );
        }
        for row in rows(ORGANIZATIONS) {
            let ambiguous = row.get(2) == Some(&"ambiguous");
            add(
                row[0],
                Listing {
                    entry: Entry::Organization,
                    ambiguous,
                },
            );
        }
        let mut forms: Vec<(String, Vec<Listing>)> = by_form.into_iter().collect();
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        // Names are searched only where a token starts, for the longest name there.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(forms.iter().map(|(f, _)| f.as_str()))
            .expect("gazetteer automaton builds");
        let mut lowercase_starts: Vec<String> = forms
            .iter()
            .filter(|(f, _)| !f.chars().next().is_some_and(char::is_uppercase))
            .map(|(f, _)| {
                f.split(' ')
                    .next()
                    .unwrap_or("")
                    .chars()
                    .map(fold_char)
                    .collect()
            })
            .collect();
        lowercase_starts.sort();
        lowercase_starts.dedup();
        let sport_codes = rows(SPORT_COUNTRY_CODES)
            .map(|r| (r[0], code(r[1])))
            .collect();
        Gazetteer {
            automaton,
            listings: forms.into_iter().map(|(_, l)| l).collect(),
            countries,
            sport_codes,
            lowercase_starts,
        }
    }

    /// The country with this code.
    pub(crate) fn country(&self, code: CountryCode) -> Option<CountryInfo> {
        self.countries.get(&code).copied()
    }

    /// The country a sports result abbreviates: "Olano (Esp)", "Tchmil (Be, 4 ")".
    pub(crate) fn sport_code(&self, doc: &Doc<'_>, i: usize) -> Option<CountryCode> {
        let bracketed = i >= 2
            && doc.word(i - 1) == "("
            && matches!(doc.word(i + 1), ")" | ",")
            && doc
                .word(i - 2)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        bracketed
            .then(|| self.sport_codes.get(doc.word(i)).copied())
            .flatten()
    }

    /// Every gazetteer name in the document that starts and ends on token boundaries, longest
    /// first at each start.
    pub(crate) fn find(&self, doc: &Doc<'_>, out: &mut Vec<Found>) {
        let tokens = doc.tokens;
        for (first, token) in tokens.iter().enumerate() {
            let starts_name = doc
                .word(first)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || doc.class(first).has(Class::GAZETTEER);
            if !starts_name {
                continue;
            }
            let input = Input::new(doc.text)
                .range(token.span.start..)
                .anchored(Anchored::Yes);
            let Some(m) = self.automaton.find(input) else {
                continue;
            };
            // The name must end where a token does: "Inde" is not in "Indemnité".
            let Some(last) = tokens[first..]
                .iter()
                .take_while(|t| t.span.end <= m.end())
                .position(|t| t.span.end == m.end())
            else {
                continue;
            };
            for &listing in &self.listings[m.pattern().as_usize()] {
                out.push(Found {
                    first,
                    end: first + last + 1,
                    listing,
                });
            }
        }
    }

    /// Marks the first words of names that start in lower case, where [`Gazetteer::find`]
    /// must look.
    pub(crate) fn classify(&self, classes: &mut Classes) {
        for word in &self.lowercase_starts {
            classes.add(word, Class::GAZETTEER);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_unique() {
        for (name, data) in [
            ("countries", COUNTRIES),
            ("country-names", COUNTRY_NAMES),
            ("nationalities", NATIONALITIES),
            ("locations", LOCATIONS),
            ("organizations", ORGANIZATIONS),
            ("sport-country-codes", SPORT_COUNTRY_CODES),
        ] {
            let keys: Vec<&str> = data
                .lines()
                .map(|l| l.split('\t').next().unwrap_or(""))
                .collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for pair in keys.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for line in data.lines() {
                assert!(
                    !line.trim().is_empty() && line.trim() == line,
                    "{name}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn every_country_has_a_name_and_nationality() {
        let codes =
            |data: &'static str, col: usize| -> Vec<&str> { rows(data).map(|r| r[col]).collect() };
        let named = codes(COUNTRY_NAMES, 1);
        let nationals = codes(NATIONALITIES, 1);
        for code in codes(COUNTRIES, 0) {
            assert!(named.contains(&code), "{code} has no name");
            assert!(nationals.contains(&code), "{code} has no nationality");
        }
    }

    #[test]
    fn written_forms_cover_capitals_and_apostrophes() {
        let forms = written_forms("Côte d'Ivoire");
        for f in [
            "Côte d'Ivoire",
            "Côte d’Ivoire",
            "CÔTE D'IVOIRE",
            "COTE D'IVOIRE",
            "COTE D’IVOIRE",
        ] {
            assert!(forms.iter().any(|x| x == f), "{f} missing from {forms:?}");
        }
    }
}
