//! Checks of the data files themselves, read through the same constants as the lexicon.

use crate::data::{self, FIRST_NAMES, FORMS, PROPER_NOUNS};
use crate::key::MAX_KEY_LEN;
use crate::{Lexicon, PartsOfSpeech, Pos};

const FILES: [(&str, &str); 3] = [
    ("forms.tsv", FORMS),
    ("proper-nouns.tsv", PROPER_NOUNS),
    ("first-names.tsv", FIRST_NAMES),
];

fn first_column(record: &'static str) -> &'static str {
    record.split('\t').next().unwrap_or(record)
}

#[test]
fn every_file_is_sorted_and_unique_on_its_first_column() {
    for (name, file) in FILES {
        let keys: Vec<&str> = data::records(file).map(first_column).collect();
        assert!(keys.len() > 10_000, "{name}: only {} records", keys.len());
        for pair in keys.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} then {:?}",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn every_file_opens_with_its_header_and_has_no_other_comment() {
    for (name, file) in FILES {
        assert!(file.starts_with("# "), "{name} has no header");
        let header_lines = file.lines().take_while(|l| l.starts_with('#')).count();
        let comments = file.lines().filter(|l| l.starts_with('#')).count();
        assert_eq!(
            header_lines, comments,
            "{name}: a '#' line among the records"
        );
        assert!(
            !file.lines().skip(header_lines).any(str::is_empty),
            "{name}: empty line"
        );
    }
}

#[test]
fn no_key_is_longer_than_the_lookup_buffer() {
    for (name, file) in FILES {
        let longest = data::records(file)
            .map(first_column)
            .max_by_key(|k| k.len());
        assert!(
            longest.is_some_and(|k| k.len() <= MAX_KEY_LEN),
            "{name}: {longest:?}"
        );
    }
}

#[test]
fn forms_have_known_parts_of_speech_and_verbs_have_analyses() {
    for record in data::records(FORMS) {
        let fields: Vec<&str> = record.split('\t').collect();
        assert!(matches!(fields.len(), 2 | 3), "{record:?}");
        assert!(
            fields[1].bytes().all(|b| b"NAVRPDOCXIZ".contains(&b)),
            "{record:?}"
        );
        let pos = PartsOfSpeech::from_codes(fields[1]);
        assert!(!pos.is_empty(), "{record:?}");
        assert_eq!(pos.contains(Pos::Verb), fields.len() == 3, "{record:?}");
    }
}

#[test]
fn every_verb_analysis_rebuilds_its_lemma() {
    let lexicon = Lexicon::new();
    for record in data::records(FORMS) {
        let mut fields = record.split('\t');
        let form = fields.next().unwrap_or_default();
        let Some(groups) = fields.nth(1) else {
            continue;
        };
        let mut lemmas: Vec<&str> = lexicon.verb_analyses(form).map(|a| a.lemma).collect();
        lemmas.dedup();
        assert_eq!(lemmas.len(), groups.split(';').count(), "{record:?}");
        for lemma in lemmas {
            let infinitive = lexicon.verb_analyses(lemma).any(|a| a.lemma == lemma);
            assert!(infinitive, "{record:?}: {lemma} is not a verb of the data");
        }
    }
}

#[test]
fn proper_nouns_give_gender_and_number_letters() {
    for record in data::records(PROPER_NOUNS) {
        let fields: Vec<&str> = record.split('\t').collect();
        assert!(matches!(fields.len(), 2 | 3), "{record:?}");
        let features = fields[1];
        let valid = features == "-" || features.bytes().all(|b| b"mfsp".contains(&b));
        assert!(valid, "{record:?}");
    }
}

#[test]
fn first_names_are_ambiguous_exactly_when_they_are_common_words() {
    let lexicon = Lexicon::new();
    for record in data::records(FIRST_NAMES) {
        let fields: Vec<&str> = record.split('\t').collect();
        assert_eq!(fields.len(), 4, "{record:?}");
        assert!(matches!(fields[1], "m" | "f" | "mf"), "{record:?}");
        assert!(matches!(fields[3], "i" | "n" | "in"), "{record:?}");
        let common = lexicon.word(&fields[0].to_lowercase()).is_some();
        assert_eq!(fields[2] == "ambiguous", common, "{record:?}");
        assert!(lexicon.first_name(fields[0]).is_some(), "{record:?}");
    }
}
