//! `fouille eval mentions`: mentions against gold annotations, per type.
//!
//! Scorer rules, the same for fouille and for any system whose predictions are given:
//! - only the types a gold document lists in `types` are scored in it;
//! - strict: same span and type; fuzzy: overlapping spans of the same type, matched one to one
//!   (largest overlap first); value: a fuzzy match whose values are equal (as TempEval scores
//!   normalised values), scored only for types whose gold carries values;
//! - date spans are compared without a leading preposition or article on either side ("en 1974"
//!   and "1974" are the same span), because corpora differ on that and fouille leaves them out.

use super::score::{Counts, Scores};
use anyhow::{bail, Result};
use fouille_pipeline::{Article, Date, Pipeline};
use fouille_tokenizer::CharOffsets;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A mention with code point offsets, gold or predicted.
#[derive(Clone, Debug, Deserialize)]
pub struct SpanMention {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub value: Option<String>,
}

/// A gold document.
#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
    types: Vec<String>,
    mentions: Vec<SpanMention>,
}

/// Another system's predictions for one document, matched to the gold by `id`.
#[derive(Deserialize)]
struct PredictedDoc {
    id: String,
    mentions: Vec<SpanMention>,
}

/// The counts of one type.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct TypeCounts {
    pub strict: Counts,
    pub fuzzy: Counts,
    /// Counted only where the gold gives values.
    pub value: Option<Counts>,
}

/// Scores per type over a gold file.
#[derive(Debug, Default)]
pub struct MentionReport {
    pub documents: usize,
    pub by_type: BTreeMap<String, TypeCounts>,
}

/// Leading words that date spans are compared without.
const DATE_LEAD: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "l’",
    "du",
    "de",
    "des",
    "d'",
    "d’",
    "au",
    "aux",
    "en",
    "à",
    "a",
    "pour",
    "depuis",
    "dès",
    "vers",
    "avant",
    "après",
    "jusqu'à",
    "jusqu’à",
    "jusqu'en",
    "jusqu’en",
    "jusqu'au",
    "jusqu’au",
    "ce",
    "cet",
    "cette",
    "entre",
    "dans",
    "par",
    "sur",
];

/// The span without leading prepositions and articles.
fn trim_date(text: &[char], start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    loop {
        let rest: String = text[s..end].iter().collect();
        let lower = rest.to_lowercase();
        let cut = DATE_LEAD.iter().find_map(|w| {
            let after = lower.strip_prefix(w)?;
            let elided = w.ends_with('\'') || w.ends_with('’');
            let boundary = elided || after.starts_with(char::is_whitespace);
            (boundary && after.trim_start().chars().count() > 0).then(|| {
                let ws = after.chars().take_while(|c| c.is_whitespace()).count();
                w.chars().count() + ws
            })
        });
        match cut {
            Some(n) if s + n < end => s += n,
            _ => return (s, end),
        }
    }
}

fn key(m: &SpanMention, chars: &[char]) -> (usize, usize) {
    if m.kind == "date" {
        trim_date(chars, m.start, m.end)
    } else {
        (m.start, m.end)
    }
}

/// Scores one document's predictions of one type against its gold.
fn score_type(
    gold: &[(usize, usize, Option<&str>)],
    pred: &[(usize, usize, Option<&str>)],
    with_values: bool,
) -> TypeCounts {
    let strict = {
        let mut g: Vec<(usize, usize)> = gold.iter().map(|m| (m.0, m.1)).collect();
        let mut p: Vec<(usize, usize)> = pred.iter().map(|m| (m.0, m.1)).collect();
        g.sort_unstable();
        g.dedup();
        p.sort_unstable();
        p.dedup();
        super::score::exact_matches(&g, &p)
    };
    // One-to-one fuzzy matching, largest overlap first.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let overlap = g.1.min(p.1).saturating_sub(g.0.max(p.0));
            if overlap > 0 {
                pairs.push((overlap, gi, pi));
            }
        }
    }
    pairs.sort_unstable_by(|a, b| b.cmp(a));
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let (mut fuzzy, mut valued) = (0, 0);
    for (_, gi, pi) in pairs {
        if used_g[gi] || used_p[pi] {
            continue;
        }
        used_g[gi] = true;
        used_p[pi] = true;
        fuzzy += 1;
        if gold[gi].2.is_some() && gold[gi].2 == pred[pi].2 {
            valued += 1;
        }
    }
    let counts = |correct| Counts {
        gold: gold.len(),
        predicted: pred.len(),
        correct,
    };
    TypeCounts {
        strict,
        fuzzy: counts(fuzzy),
        value: with_values.then(|| counts(valued)),
    }
}

/// How to score.
#[derive(Clone, Debug, Default)]
pub struct MentionOptions {
    /// Another system's predictions, instead of fouille's.
    pub predictions: Option<std::path::PathBuf>,
    /// Score only predicted dates whose text states a year, for gold that annotates absolute
    /// dates only (HIPE's `time.date.abs`).
    pub absolute_dates: bool,
    /// Print the misses and false positives of this type.
    pub show_errors: Option<String>,
}

/// Whether a date's text states a year: four digits in a row.
fn states_year(text: &[char], start: usize, end: usize) -> bool {
    text[start..end]
        .windows(4)
        .any(|w| w.iter().all(|c| c.is_ascii_digit()))
}

/// Runs fouille over the gold texts (or reads another system's predictions) and scores them.
pub fn evaluate(gold_path: &Path, options: &MentionOptions) -> Result<MentionReport> {
    let predictions = options.predictions.as_deref();
    let docs: Vec<GoldDoc> = super::read_gold(gold_path)?;
    let mut predicted: HashMap<String, Vec<SpanMention>> = match predictions {
        Some(p) => super::read_gold::<PredictedDoc>(p)?
            .into_iter()
            .map(|d| (d.id, d.mentions))
            .collect(),
        None => HashMap::new(),
    };
    let pipeline = Pipeline::new();
    let mut report = MentionReport::default();
    // Types whose gold has values anywhere in the file are scored on values.
    let valued_types: Vec<String> = {
        let mut t: Vec<String> = docs
            .iter()
            .flat_map(|d| d.mentions.iter())
            .filter(|m| m.value.is_some())
            .map(|m| m.kind.clone())
            .collect();
        t.sort();
        t.dedup();
        t
    };
    for doc in &docs {
        let pred = match predictions {
            Some(p) => match predicted.remove(&doc.id) {
                Some(m) => m,
                None => bail!("{}: no predictions for document {:?}", p.display(), doc.id),
            },
            None => run_fouille(&pipeline, doc),
        };
        let chars: Vec<char> = doc.text.chars().collect();
        for kind in &doc.types {
            let select = |ms: &[SpanMention]| -> Vec<(usize, usize, Option<String>)> {
                ms.iter()
                    .filter(|m| &m.kind == kind && m.end <= chars.len() && m.start < m.end)
                    .map(|m| {
                        let (s, e) = key(m, &chars);
                        (s, e, m.value.clone())
                    })
                    .collect()
            };
            let g = select(&doc.mentions);
            let mut p = select(&pred);
            if options.absolute_dates && kind == "date" {
                p.retain(|(s, e, _)| states_year(&chars, *s, *e));
            }
            if options.show_errors.as_deref() == Some(kind.as_str()) {
                print_errors(&doc.id, &chars, &g, &p);
            }
            let counts = score_type(&borrowed(&g), &borrowed(&p), valued_types.contains(kind));
            let entry = report.by_type.entry(kind.clone()).or_default();
            entry.strict.add(counts.strict);
            entry.fuzzy.add(counts.fuzzy);
            if let Some(v) = counts.value {
                entry.value.get_or_insert_with(Counts::default).add(v);
            }
        }
        report.documents += 1;
    }
    Ok(report)
}

/// Prints what the gold has and the prediction lacks, and the other way round, in context.
fn print_errors(
    id: &str,
    chars: &[char],
    gold: &[(usize, usize, Option<String>)],
    pred: &[(usize, usize, Option<String>)],
) {
    let show = |s: usize, e: usize| -> (String, String) {
        let at: String = chars[s..e].iter().collect();
        let context: String = chars[s.saturating_sub(40)..(e + 30).min(chars.len())]
            .iter()
            .map(|c| if c.is_whitespace() { ' ' } else { *c })
            .collect();
        (at, context)
    };
    for (s, e, v) in gold {
        match pred.iter().find(|p| p.0 == *s && p.1 == *e) {
            Some(p) if &p.2 != v => {
                let (at, context) = show(*s, *e);
                println!(
                    "VALUE {id} {at:?} gold={v:?} predicted={:?} | {context}",
                    p.2
                );
            }
            Some(_) => {}
            None => {
                let (at, context) = show(*s, *e);
                println!("MISS  {id} {at:?} | {context}");
            }
        }
    }
    for (s, e, _) in pred {
        if !gold.iter().any(|g| g.0 == *s && g.1 == *e) {
            let (at, context) = show(*s, *e);
            println!("FALSE {id} {at:?} | {context}");
        }
    }
}

fn borrowed(v: &[(usize, usize, Option<String>)]) -> Vec<(usize, usize, Option<&str>)> {
    v.iter()
        .map(|(s, e, val)| (*s, *e, val.as_deref()))
        .collect()
}

fn run_fouille(pipeline: &Pipeline, doc: &GoldDoc) -> Vec<SpanMention> {
    let date = doc.date.as_deref().and_then(|d| Date::parse(d).ok());
    let article = Article {
        date,
        ..Article::new(&doc.id, &doc.text)
    };
    let analysis = pipeline.analyze(&article);
    let chars = CharOffsets::new(&doc.text);
    analysis
        .recognized
        .mentions
        .iter()
        .map(|m| {
            let r = chars.char_range(m.span);
            SpanMention {
                start: r.start,
                end: r.end,
                kind: m.kind.as_str().to_owned(),
                value: m.value.map(|v| v.to_string()),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct JsonType {
    strict: Scores,
    fuzzy: Scores,
    value: Option<Scores>,
}

impl MentionReport {
    pub fn to_json(&self) -> String {
        let types: BTreeMap<&str, JsonType> = self
            .by_type
            .iter()
            .map(|(k, c)| {
                let t = JsonType {
                    strict: c.strict.scores(),
                    fuzzy: c.fuzzy.scores(),
                    value: c.value.map(|v| v.scores()),
                };
                (k.as_str(), t)
            })
            .collect();
        serde_json::to_string_pretty(
            &serde_json::json!({"documents": self.documents, "types": types}),
        )
        .unwrap_or_default()
    }

    pub fn to_text(&self, path: &Path) -> String {
        let mut out = format!(
            "{}: {} documents\n{:<13} {:>6} {:>6} {:>7} {:>7} {:>7} {:>9} {:>9}\n",
            path.display(),
            self.documents,
            "type",
            "gold",
            "pred",
            "P",
            "R",
            "F1",
            "fuzzy F1",
            "value F1"
        );
        for (kind, c) in &self.by_type {
            let value = c.value.map_or("-".to_owned(), |v| format!("{:.3}", v.f1()));
            out += &format!(
                "{:<13} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>9.3} {:>9}\n",
                kind,
                c.strict.gold,
                c.strict.predicted,
                c.strict.precision(),
                c.strict.recall(),
                c.strict.f1(),
                c.fuzzy.f1(),
                value
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_spans_lose_leading_prepositions() {
        let text: Vec<char> = "il est né en 1974 à Paris".chars().collect();
        assert_eq!(trim_date(&text, 10, 17), (13, 17));
        let text: Vec<char> = "jusqu'à la fin de 1928".chars().collect();
        assert_eq!(trim_date(&text, 0, text.len()), (11, text.len()));
        let text: Vec<char> = "l'an dernier".chars().collect();
        assert_eq!(trim_date(&text, 0, text.len()), (2, text.len()));
    }

    #[test]
    fn fuzzy_matching_is_one_to_one() {
        let gold = [(0, 10, Some("2020")), (20, 30, None)];
        let pred = [(0, 4, Some("2020")), (5, 12, Some("2021")), (40, 45, None)];
        let c = score_type(&gold, &pred, true);
        assert_eq!((c.strict.correct, c.fuzzy.correct), (0, 1));
        assert_eq!(
            c.value.unwrap().correct,
            0,
            "the larger overlap wins the pairing"
        );
    }
}
