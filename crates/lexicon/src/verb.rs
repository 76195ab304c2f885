//! Verb analyses: which verb a form belongs to, in which mood and tense, person and number.

use crate::forms::FormTable;

/// A verb's mood and tense, as Lefff's tagset names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoodTense {
    /// Indicatif présent: "il espère".
    Present,
    /// Indicatif imparfait: "il espérait".
    Imperfect,
    /// Passé simple: "il espéra". Only 3rd-person forms are kept.
    PastSimple,
    /// Futur: "il espérera".
    Future,
    /// Conditionnel présent: "il espérerait".
    Conditional,
    /// Subjonctif présent: "qu'il espère".
    Subjunctive,
    /// Subjonctif imparfait: "qu'il espérât". Only 3rd-person forms are kept.
    ImperfectSubjunctive,
    /// Impératif: "espère", "espérons".
    Imperative,
    /// Infinitif: "espérer".
    Infinitive,
    /// Participe présent: "espérant".
    PresentParticiple,
    /// Participe passé: "espéré", "espérées".
    PastParticiple,
}

impl MoodTense {
    /// Lefff's letter for the tense (P, I, J, F, C, S, T, Y, W, G, K).
    fn from_code(code: u8) -> Option<MoodTense> {
        Some(match code {
            b'P' => MoodTense::Present,
            b'I' => MoodTense::Imperfect,
            b'J' => MoodTense::PastSimple,
            b'F' => MoodTense::Future,
            b'C' => MoodTense::Conditional,
            b'S' => MoodTense::Subjunctive,
            b'T' => MoodTense::ImperfectSubjunctive,
            b'Y' => MoodTense::Imperative,
            b'W' => MoodTense::Infinitive,
            b'G' => MoodTense::PresentParticiple,
            b'K' => MoodTense::PastParticiple,
            _ => return None,
        })
    }

    /// Whether the form is conjugated for a person (not an infinitive or participle).
    pub fn is_finite(self) -> bool {
        !matches!(
            self,
            MoodTense::Infinitive | MoodTense::PresentParticiple | MoodTense::PastParticiple
        )
    }
}

/// One reading of a verb form: "espère" is [`MoodTense::Present`] 1st and 3rd person singular,
/// [`MoodTense::Subjunctive`] likewise, and [`MoodTense::Imperative`] 2nd person singular.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VerbAnalysis {
    /// The infinitive: "espérer".
    pub lemma: &'static str,
    /// Mood and tense.
    pub mood_tense: MoodTense,
    /// 1, 2 or 3 for finite forms; `None` for infinitives and participles.
    pub person: Option<u8>,
    /// Plural. `false` for infinitives, present participles and invariable past participles
    /// ("été"), which have no number.
    pub plural: bool,
    /// For past participles, `Some(true)` when feminine; `None` for other forms and for
    /// invariable past participles ("été", "fallu").
    pub feminine: Option<bool>,
}

/// The analyses of one verb form, lemma by lemma, the most useful lemma first: auxiliaries,
/// then the more frequent verb ("suis": être, then suivre).
#[derive(Clone, Debug)]
pub struct VerbAnalyses<'a> {
    table: Option<&'a FormTable>,
    form: &'static str,
    /// The lemma groups not started yet: `rule:code,code;rule:code`.
    groups: &'static str,
    lemma: &'static str,
    /// The codes of the current group not started yet.
    codes: &'static str,
    code: Code,
}

impl<'a> VerbAnalyses<'a> {
    pub(crate) fn new(table: &'a FormTable, form: &'static str, groups: &'static str) -> Self {
        VerbAnalyses {
            table: Some(table),
            form,
            groups,
            lemma: "",
            codes: "",
            code: Code::default(),
        }
    }

    /// An iterator that yields nothing, for forms that are not verbs.
    pub(crate) fn none() -> Self {
        VerbAnalyses {
            table: None,
            form: "",
            groups: "",
            lemma: "",
            codes: "",
            code: Code::default(),
        }
    }
}

impl Iterator for VerbAnalyses<'_> {
    type Item = VerbAnalysis;

    fn next(&mut self) -> Option<VerbAnalysis> {
        loop {
            if let Some(analysis) = self.code.next_analysis(self.lemma) {
                return Some(analysis);
            }
            if let Some(code) = take_until(&mut self.codes, ',') {
                self.code = Code::parse(code);
                continue;
            }
            let group = take_until(&mut self.groups, ';')?;
            let Some((rule, codes)) = group.split_once(':') else {
                continue;
            };
            // A group whose lemma cannot be rebuilt is skipped; the data tests make sure
            // that none is.
            if let Some(lemma) = self.table.and_then(|t| t.resolve_lemma(self.form, rule)) {
                self.lemma = lemma;
                self.codes = codes;
            }
        }
    }
}

impl std::iter::FusedIterator for VerbAnalyses<'_> {}

/// Cuts the next item off a `sep`-separated list; `None` when the list is used up.
fn take_until(list: &mut &'static str, sep: char) -> Option<&'static str> {
    if list.is_empty() {
        return None;
    }
    let (item, rest) = list.split_once(sep).unwrap_or((list, ""));
    *list = rest;
    Some(item)
}

/// One packed code such as "PS13s" (présent and subjonctif, 1st and 3rd person, singular),
/// "Kfp" or "W", being expanded into analyses.
#[derive(Clone, Copy, Debug, Default)]
struct Code {
    tenses: &'static [u8],
    persons: &'static [u8],
    plural: bool,
    feminine: Option<bool>,
    /// Index of the next (tense, person) pair to yield.
    next: usize,
}

impl Code {
    fn parse(code: &'static str) -> Code {
        let bytes = code.as_bytes();
        let tenses_end = bytes
            .iter()
            .position(|b| !b.is_ascii_uppercase())
            .unwrap_or(bytes.len());
        let rest = &bytes[tenses_end..];
        let persons_end = rest
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(rest.len());
        let (persons, agreement) = rest.split_at(persons_end);
        Code {
            tenses: &bytes[..tenses_end],
            persons,
            plural: agreement.contains(&b'p'),
            feminine: match (agreement.contains(&b'f'), agreement.contains(&b'm')) {
                (true, _) => Some(true),
                (false, true) => Some(false),
                (false, false) => None,
            },
            next: 0,
        }
    }

    fn next_analysis(&mut self, lemma: &'static str) -> Option<VerbAnalysis> {
        let per_tense = self.persons.len().max(1);
        loop {
            let tense = *self.tenses.get(self.next / per_tense)?;
            let person = self.persons.get(self.next % per_tense).map(|p| p - b'0');
            self.next += 1;
            if let Some(mood_tense) = MoodTense::from_code(tense) {
                return Some(VerbAnalysis {
                    lemma,
                    mood_tense,
                    person,
                    plural: self.plural,
                    feminine: self.feminine,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(code: &'static str) -> Vec<(MoodTense, Option<u8>, bool, Option<bool>)> {
        let mut code = Code::parse(code);
        std::iter::from_fn(|| code.next_analysis("x"))
            .map(|a| (a.mood_tense, a.person, a.plural, a.feminine))
            .collect()
    }

    #[test]
    fn packed_codes_expand_to_every_tense_and_person() {
        use MoodTense::*;
        assert_eq!(
            expand("PS13s"),
            [
                (Present, Some(1), false, None),
                (Present, Some(3), false, None),
                (Subjunctive, Some(1), false, None),
                (Subjunctive, Some(3), false, None),
            ]
        );
        assert_eq!(expand("Kfp"), [(PastParticiple, None, true, Some(true))]);
        assert_eq!(expand("K"), [(PastParticiple, None, false, None)]);
        assert_eq!(expand("W"), [(Infinitive, None, false, None)]);
        assert_eq!(expand("Q3s"), []);
        assert_eq!(expand(""), []);
    }

    #[test]
    fn lists_are_cut_item_by_item() {
        let mut list = "a,b,";
        assert_eq!(take_until(&mut list, ','), Some("a"));
        assert_eq!(take_until(&mut list, ','), Some("b"));
        assert_eq!(take_until(&mut list, ','), None);
    }
}
