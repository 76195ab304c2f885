//! `fouille eval claims`: attributions and claims against the hand-annotated development set.
//!
//! Attributions match when their contents overlap (one to one, largest overlap first); among
//! matches, the speaker is right when the predicted source overlaps the gold source or names
//! the same referent, and the cue is right when the lemmas are equal. Claims match when their
//! spans overlap; among matches, kind, modality, subject and predicate lemma are compared.

use super::names::names;
use super::score::{round3, Counts, Scores};
use anyhow::Result;
use fouille_pipeline::{Article, Date, Pipeline};
use fouille_tokenizer::normalize::fold_char;
use fouille_tokenizer::{CharOffsets, Span};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::Path;

#[derive(Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    referent: Option<String>,
    #[serde(default)]
    lemma: Option<String>,
}

#[derive(Deserialize)]
struct GoldAttribution {
    source: GoldSpan,
    cue: GoldSpan,
    direct: bool,
    content: GoldSpan,
}

#[derive(Deserialize)]
struct GoldClaim {
    start: usize,
    end: usize,
    kind: String,
    modality: String,
    subject: Option<GoldSpan>,
    predicate: Option<GoldSpan>,
}

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    date: Option<String>,
    text: String,
    attributions: Vec<GoldAttribution>,
    #[serde(default)]
    claims: Option<Vec<GoldClaim>>,
}

/// A prediction in code points, with the names its arguments resolve to.
struct Predicted {
    span: Range<usize>,
    kind: &'static str,
    modality: &'static str,
    subject: Option<(Range<usize>, Option<String>)>,
    lemma: Option<&'static str>,
    attribution: Option<PredictedAttribution>,
}

struct PredictedAttribution {
    source: Range<usize>,
    source_name: Option<String>,
    cue_lemma: &'static str,
    direct: bool,
    content: Range<usize>,
}

/// Accuracy over matched pairs.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn add(&mut self, right: bool) {
        self.total += 1;
        self.correct += usize::from(right);
    }

    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

#[derive(Debug, Default)]
pub struct ClaimReport {
    pub documents: usize,
    pub attributions: Counts,
    /// Lenient: a predicted source that overlaps the gold source counts, whoever it resolves to.
    pub speaker: Accuracy,
    /// Right only when the predicted source's entity, or else its own words, name the gold
    /// speaker: an unresolved pronoun is wrong.
    pub resolved_speaker: Accuracy,
    pub cue: Accuracy,
    pub direct: Accuracy,
    pub claim_documents: usize,
    pub claims: Counts,
    pub kind: Accuracy,
    pub modality: Accuracy,
    pub subject: Accuracy,
    pub predicate: Accuracy,
    /// With `--show-errors`: the attributions whose speaker is not resolved, one line each.
    pub errors: Vec<String>,
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Pairs items one to one by largest overlap.
fn pair(gold: &[Range<usize>], predicted: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gr) in gold.iter().enumerate() {
        for (p, pr) in predicted.iter().enumerate() {
            let o = overlap(gr, pr);
            if o > 0 {
                candidates.push((o, g, p));
            }
        }
    }
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut out = Vec::new();
    for (_, g, p) in candidates {
        if !used_g[g] && !used_p[p] {
            used_g[g] = true;
            used_p[p] = true;
            out.push((g, p));
        }
    }
    out
}

fn folded(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Whether two names are the same referent's: equal once folded, or sharing their last word
/// ("Olivier Véran" and "Véran").
fn same_referent(a: &str, b: &str) -> bool {
    let (a, b) = (folded(a), folded(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let last = |s: &str| s.split_whitespace().last().unwrap_or("").to_owned();
    a == b || a.contains(&b) || b.contains(&a) || (last(&a).len() > 2 && last(&a) == last(&b))
}

fn predict(pipeline: &Pipeline, doc: &GoldDoc) -> Vec<Predicted> {
    let date = doc.date.as_deref().and_then(|d| Date::parse(d).ok());
    let article = Article {
        date,
        ..Article::new(&doc.id, &doc.text)
    };
    let analysis = pipeline.analyze(&article);
    let chars = CharOffsets::new(&doc.text);
    let range = |s: Span| chars.char_range(s);
    let name = |e: Option<usize>| {
        e.and_then(|e| analysis.recognized.entities.get(e))
            .map(|e| e.name.text(&doc.text).to_owned())
    };
    analysis
        .claims
        .iter()
        .map(|c| Predicted {
            span: range(c.span),
            kind: c.kind.as_str(),
            modality: c.modality.as_str(),
            subject: c.subject.map(|s| (range(s.span), name(s.entity))),
            lemma: c.predicate.map(|p| p.lemma),
            attribution: c.attribution.map(|a| PredictedAttribution {
                source: range(a.source.span),
                source_name: name(a.source.entity),
                cue_lemma: a.cue.map_or("", |c| c.lemma),
                direct: a.direct,
                content: range(a.content),
            }),
        })
        .collect()
}

pub fn evaluate(path: &Path, show_errors: bool) -> Result<ClaimReport> {
    let docs: Vec<GoldDoc> = super::read_gold(path)?;
    let pipeline = Pipeline::new();
    let mut report = ClaimReport::default();
    for doc in &docs {
        let predicted = predict(&pipeline, doc);
        let text_at =
            |r: &Range<usize>| -> String { doc.text.chars().skip(r.start).take(r.len()).collect() };
        // Attributions, one per distinct content.
        let mut attributions: Vec<&PredictedAttribution> = Vec::new();
        for a in predicted.iter().filter_map(|p| p.attribution.as_ref()) {
            if !attributions.iter().any(|b| b.content == a.content) {
                attributions.push(a);
            }
        }
        let gold_contents: Vec<Range<usize>> = doc
            .attributions
            .iter()
            .map(|a| a.content.start..a.content.end)
            .collect();
        let pred_contents: Vec<Range<usize>> =
            attributions.iter().map(|a| a.content.clone()).collect();
        let pairs = pair(&gold_contents, &pred_contents);
        report.attributions.add(Counts {
            gold: gold_contents.len(),
            predicted: pred_contents.len(),
            correct: pairs.len(),
        });
        for (g, p) in pairs {
            let (gold, pred) = (&doc.attributions[g], attributions[p]);
            let gold_source = gold.source.start..gold.source.end;
            let speaker = gold.source.speaker.clone().unwrap_or_default();
            let right_speaker = overlap(&gold_source, &pred.source) > 0
                || pred
                    .source_name
                    .as_deref()
                    .is_some_and(|n| same_referent(n, &speaker))
                || same_referent(&text_at(&pred.source), &speaker);
            report.speaker.add(right_speaker);
            let resolved = match pred.source_name.as_deref() {
                Some(name) => names(name, &speaker),
                None => names(&text_at(&pred.source), &speaker),
            };
            report.resolved_speaker.add(resolved);
            if show_errors && !resolved {
                report.errors.push(format!(
                    "{}: speaker {:?}: source {:?} resolved to {:?}",
                    doc.id,
                    speaker,
                    text_at(&pred.source),
                    pred.source_name.as_deref().unwrap_or("-")
                ));
            }
            report
                .cue
                .add(gold.cue.lemma.as_deref() == Some(pred.cue_lemma));
            report.direct.add(gold.direct == pred.direct);
        }
        report.documents += 1;
        // Claims, where the gold has them.
        let Some(gold_claims) = &doc.claims else {
            continue;
        };
        report.claim_documents += 1;
        let gold_spans: Vec<Range<usize>> = gold_claims.iter().map(|c| c.start..c.end).collect();
        let pred_spans: Vec<Range<usize>> = predicted.iter().map(|p| p.span.clone()).collect();
        let pairs = pair(&gold_spans, &pred_spans);
        report.claims.add(Counts {
            gold: gold_spans.len(),
            predicted: pred_spans.len(),
            correct: pairs.len(),
        });
        for (g, p) in pairs {
            let (gold, pred) = (&gold_claims[g], &predicted[p]);
            report.kind.add(gold.kind == pred.kind);
            report.modality.add(gold.modality == pred.modality);
            let right_subject = match (&gold.subject, &pred.subject) {
                (Some(gs), Some((ps, name))) => {
                    let referent = gs.referent.clone().unwrap_or_default();
                    overlap(&(gs.start..gs.end), ps) > 0
                        || name.as_deref().is_some_and(|n| same_referent(n, &referent))
                }
                (None, None) => true,
                _ => false,
            };
            report.subject.add(right_subject);
            let gold_lemma = gold.predicate.as_ref().and_then(|p| p.lemma.as_deref());
            report
                .predicate
                .add(gold_lemma.is_some() && gold_lemma == pred.lemma);
        }
    }
    Ok(report)
}

impl ClaimReport {
    pub fn to_json(&self) -> String {
        let acc = |a: &Accuracy| serde_json::json!({"correct": a.correct, "total": a.total, "accuracy": round3(a.value())});
        let s: Scores = self.attributions.scores();
        let c: Scores = self.claims.scores();
        serde_json::to_string_pretty(&serde_json::json!({
            "documents": self.documents,
            "attributions": s,
            "speaker": acc(&self.speaker),
            "resolved_speaker": acc(&self.resolved_speaker),
            "cue": acc(&self.cue),
            "direct": acc(&self.direct),
            "claim_documents": self.claim_documents,
            "claims": c,
            "kind": acc(&self.kind),
            "modality": acc(&self.modality),
            "subject": acc(&self.subject),
            "predicate": acc(&self.predicate),
        }))
        .unwrap_or_default()
    }

    pub fn to_text(&self, path: &Path) -> String {
        let acc = |a: &Accuracy| format!("{:.3} ({} of {})", a.value(), a.correct, a.total);
        let errors: String = self.errors.iter().map(|e| e.clone() + "\n").collect();
        errors
            + &format!(
                "{}: {} documents\n\
             attributions  {}\n\
             speaker accuracy, lenient (overlapping source)  {}\n\
             speaker accuracy, resolved (entity or words name the speaker)  {}\n\
             cue accuracy        {}\n\
             direct accuracy     {}\n\
             claims ({} documents)  {}\n\
             kind accuracy       {}\n\
             modality accuracy   {}\n\
             subject accuracy    {}\n\
             predicate accuracy  {}\n",
                path.display(),
                self.documents,
                self.attributions,
                acc(&self.speaker),
                acc(&self.resolved_speaker),
                acc(&self.cue),
                acc(&self.direct),
                self.claim_documents,
                self.claims,
                acc(&self.kind),
                acc(&self.modality),
                acc(&self.subject),
                acc(&self.predicate),
            )
    }
}
