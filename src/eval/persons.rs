//! `fouille eval persons`: person records (rank, roles, nationality) against gold records.
//!
//! Gold persons are matched one to one to fouille's person entities by name (the words of one
//! name all among the other's, the fullest match first). Over the matched pairs: the rank is
//! right when both agree (both none counts), as is the nationality; each gold role is found when
//! a predicted role is the same words, or holds them, or is held by them ("ministre de
//! l'Intérieur" and "ministre de l'Intérieur Gérard Collomb"), and each predicted role no gold
//! role matches is an error. The attribute accuracy puts the three together: right ranks, right
//! nationalities and found roles, over matched persons twice plus gold roles plus spurious
//! predicted roles.

use super::names::{name_words, names};
use super::score::{round3, Counts};
use anyhow::Result;
use fouille_pipeline::{Article, Date, Pipeline};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct GoldPerson {
    name: String,
    rank: Option<String>,
    roles: Vec<String>,
    nationality: Option<String>,
    #[serde(default)]
    gender: Option<String>,
}

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
    persons: Vec<GoldPerson>,
}

/// A person as fouille records it.
struct Predicted {
    name: String,
    rank: Option<String>,
    roles: Vec<String>,
    nationality: Option<String>,
}

pub use super::claims::Accuracy;

/// Scores over a gold file.
#[derive(Debug, Default)]
pub struct PersonReport {
    pub documents: usize,
    /// Gold persons, fouille's persons, and those matched by name.
    pub persons: Counts,
    pub rank: Accuracy,
    pub nationality: Accuracy,
    /// Gold roles of matched persons, predicted roles of matched persons, and those matched.
    pub roles: Counts,
    /// Matched persons whose gold gives a gender (fouille gives none yet).
    pub gendered: usize,
    /// With `--show-errors`: the persons with a wrong attribute or missed, one line each.
    pub errors: Vec<String>,
}

impl PersonReport {
    /// Right ranks, right nationalities and found roles, over everything they could be.
    pub fn attributes(&self) -> Accuracy {
        let spurious = self.roles.predicted - self.roles.correct;
        Accuracy {
            correct: self.rank.correct + self.nationality.correct + self.roles.correct,
            total: self.rank.total + self.nationality.total + self.roles.gold + spurious,
        }
    }
}

fn predict(pipeline: &Pipeline, doc: &GoldDoc) -> Vec<Predicted> {
    let date = doc.date.as_deref().and_then(|d| Date::parse(d).ok());
    let article = Article {
        date,
        ..Article::new(&doc.id, &doc.text)
    };
    let analysis = pipeline.analyze(&article);
    let text = doc.text.as_str();
    analysis
        .recognized
        .entities
        .iter()
        .filter(|e| e.kind.as_str() == "person")
        .map(|e| Predicted {
            name: e.name.text(text).to_owned(),
            rank: e.rank.map(|s| s.text(text).to_owned()),
            roles: e.roles.iter().map(|s| s.text(text).to_owned()).collect(),
            nationality: e.nationality.map(|c| c.as_str().to_owned()),
        })
        .collect()
}

/// The words of one role all among the other's, in order.
fn same_role(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let within = |short: &[String], long: &[String]| {
        !short.is_empty() && long.windows(short.len()).any(|w| w == short)
    };
    within(&a, &b) || within(&b, &a)
}

fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => name_words(a) == name_words(b),
        _ => false,
    }
}

/// Pairs gold and predicted persons by name, one to one: equal names first, then names whose
/// words hold the other's.
fn pair(gold: &[GoldPerson], predicted: &[Predicted]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, gp) in gold.iter().enumerate() {
        for (p, pp) in predicted.iter().enumerate() {
            if names(&pp.name, &gp.name) {
                let exact = name_words(&pp.name) == name_words(&gp.name);
                candidates.push((u8::from(!exact), g, p));
            }
        }
    }
    candidates.sort_unstable();
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

pub fn evaluate(path: &Path, show_errors: bool) -> Result<PersonReport> {
    let docs: Vec<GoldDoc> = super::read_gold(path)?;
    let pipeline = Pipeline::new();
    let mut report = PersonReport::default();
    for doc in &docs {
        let predicted = predict(&pipeline, doc);
        let pairs = pair(&doc.persons, &predicted);
        report.documents += 1;
        report.persons.add(Counts {
            gold: doc.persons.len(),
            predicted: predicted.len(),
            correct: pairs.len(),
        });
        if show_errors {
            for (g, gold) in doc.persons.iter().enumerate() {
                if !pairs.iter().any(|&(pg, _)| pg == g) {
                    report
                        .errors
                        .push(format!("{}: {:?} not found", doc.id, gold.name));
                }
            }
        }
        for (g, p) in pairs {
            let (gold, pred) = (&doc.persons[g], &predicted[p]);
            let before = (report.rank.correct, report.nationality.correct);
            report
                .rank
                .add(same_text(gold.rank.as_deref(), pred.rank.as_deref()));
            report
                .nationality
                .add(gold.nationality.as_deref() == pred.nationality.as_deref());
            let mut used = vec![false; pred.roles.len()];
            let mut found = 0;
            for role in &gold.roles {
                if let Some(i) =
                    (0..pred.roles.len()).find(|&i| !used[i] && same_role(role, &pred.roles[i]))
                {
                    used[i] = true;
                    found += 1;
                }
            }
            report.roles.add(Counts {
                gold: gold.roles.len(),
                predicted: pred.roles.len(),
                correct: found,
            });
            report.gendered += usize::from(gold.gender.is_some());
            let all_right = (report.rank.correct, report.nationality.correct)
                == (before.0 + 1, before.1 + 1)
                && found == gold.roles.len()
                && found == pred.roles.len();
            if show_errors && !all_right {
                report.errors.push(format!(
                    "{}: {:?}: rank {:?} / {:?}, nationality {:?} / {:?}, roles {:?} / {:?} (gold / fouille)",
                    doc.id,
                    gold.name,
                    gold.rank,
                    pred.rank,
                    gold.nationality,
                    pred.nationality,
                    gold.roles,
                    pred.roles
                ));
            }
        }
    }
    Ok(report)
}

impl PersonReport {
    pub fn to_json(&self) -> String {
        let acc = |a: &Accuracy| serde_json::json!({"correct": a.correct, "total": a.total, "accuracy": round3(a.value())});
        serde_json::to_string_pretty(&serde_json::json!({
            "documents": self.documents,
            "persons": self.persons.scores(),
            "rank": acc(&self.rank),
            "nationality": acc(&self.nationality),
            "roles": self.roles.scores(),
            "attributes": acc(&self.attributes()),
        }))
        .unwrap_or_default()
    }

    pub fn to_text(&self, path: &Path) -> String {
        let acc = |a: &Accuracy| format!("{:.3} ({} of {})", a.value(), a.correct, a.total);
        let errors: String = self.errors.iter().map(|e| e.clone() + "\n").collect();
        errors
            + &format!(
                "{}: {} documents\n\
             persons (matched by name)  {}\n\
             rank accuracy (matched persons)         {}\n\
             nationality accuracy (matched persons)  {}\n\
             roles (of matched persons)  {}\n\
             attribute accuracy (rank, nationality, roles)  {}\n",
                path.display(),
                self.documents,
                self.persons,
                acc(&self.rank),
                acc(&self.nationality),
                self.roles,
                acc(&self.attributes()),
            )
    }
}
