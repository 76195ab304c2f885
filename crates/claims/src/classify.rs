//! What a claim states and how surely, from its predicate and the words around it.

use crate::claim::{ClaimKind, Modality};
use crate::clause::VerbGroup;
use crate::lexicons::{Lexicons, PredicateKind};
use crate::view::View;
use fouille_lexicon::{MoodTense, Pos};
use std::ops::Range;

/// Nouns of evaluation after "être": "une référence", "un modèle".
const EVALUATIVE_NOUNS: &[&str] = &[
    "reference",
    "modele",
    "exemple",
    "succes",
    "echec",
    "priorite",
    "enjeu",
    "atout",
    "menace",
    "danger",
    "risque",
    "scandale",
    "honte",
    "erreur",
    "victoire",
    "defaite",
    "catastrophe",
    "probleme",
    "chance",
    "opportunite",
    "necessite",
    "urgence",
    "defi",
];

/// Intention phrases: "a annoncé son intention de", "a l'intention de", "envisage de".
pub(crate) const INTENTION_NOUNS: &[&str] = &[
    "intention",
    "volonte",
    "projet",
    "souhait",
    "objectif",
    "ambition",
];

/// Decides a claim's kind and modality.
pub(crate) fn classify(
    view: &View<'_>,
    lexicons: &Lexicons,
    verb: &VerbGroup,
    clause: Range<usize>,
    attributed: Option<bool>,
) -> (ClaimKind, Modality) {
    let modality = modality(view, lexicons, verb, clause.clone());
    let kind = match attributed {
        Some(true) => ClaimKind::Quote,
        Some(false) => ClaimKind::Report,
        None => kind(view, lexicons, verb, clause.end),
    };
    let modality = match (kind, modality) {
        (ClaimKind::Hope, Modality::Asserted) => Modality::Hoped,
        (ClaimKind::Intention, Modality::Asserted) => Modality::Intended,
        (_, m) => m,
    };
    (kind, modality)
}

fn kind(view: &View<'_>, lexicons: &Lexicons, verb: &VerbGroup, end: usize) -> ClaimKind {
    // "a annoncé son intention de", "a la volonté de"
    let intention_noun =
        (verb.end..(verb.end + 3).min(end)).any(|k| view.is_any(k, INTENTION_NOUNS));
    if intention_noun {
        return ClaimKind::Intention;
    }
    match lexicons.predicate_kind(verb.lemma) {
        Some(PredicateKind::Hope) => return ClaimKind::Hope,
        Some(PredicateKind::Intention) => return ClaimKind::Intention,
        Some(PredicateKind::Decision) => return ClaimKind::Decision,
        Some(PredicateKind::Announcement) => return ClaimKind::Announcement,
        Some(PredicateKind::State) => return state_or_assessment(view, verb, end),
        None => {}
    }
    let past = verb.compound && verb.finite_lemma == "avoir"
        || matches!(verb.mood_tense, MoodTense::PastSimple)
        || verb.compound
            && verb.finite_lemma == "être"
            && (moves(verb.lemma) || !is_adjectival(view, verb));
    if past {
        ClaimKind::Event
    } else {
        ClaimKind::Statement
    }
}

/// Verbs whose compound past takes "être" and tells an event: "est arrivé", "est mort".
fn moves(lemma: &str) -> bool {
    matches!(
        lemma,
        "aller"
            | "venir"
            | "arriver"
            | "partir"
            | "naître"
            | "mourir"
            | "décéder"
            | "devenir"
            | "revenir"
            | "tomber"
            | "entrer"
            | "rentrer"
            | "sortir"
            | "monter"
            | "descendre"
            | "retourner"
            | "parvenir"
            | "survenir"
            | "intervenir"
            | "passer"
    )
}

/// "est confronté à" is a state described by a participle, not an event.
fn is_adjectival(view: &View<'_>, verb: &VerbGroup) -> bool {
    let participle = verb.end - 1;
    view.word(participle)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
        && view
            .lexicon
            .word(view.word(participle))
            .is_some_and(|w| w.is(Pos::Adjective))
}

/// "est une référence", "est un acteur important", "est une décision importante": an
/// evaluation; "est confronté à", "est en proie à": a state.
fn state_or_assessment(view: &View<'_>, verb: &VerbGroup, end: usize) -> ClaimKind {
    if verb.lemma != "être" || verb.compound {
        return ClaimKind::Statement;
    }
    let mut k = verb.end;
    while k < end && (view.is_adverb(k) || view.is_any(k, &["pas", "plus", "encore", "deja"])) {
        k += 1;
    }
    let indefinite = view.is_any(k, &["un", "une"]);
    let evaluative_noun = (k..(k + 3).min(end)).any(|j| view.is_any(j, EVALUATIVE_NOUNS));
    let adjective_attribute = view.word(k).chars().next().is_some_and(char::is_lowercase)
        && view
            .lexicon
            .word(view.word(k))
            .is_some_and(|w| w.is(Pos::Adjective) && !w.is(Pos::Verb));
    // "un acteur important", "une décision importante": a noun qualified by an adjective.
    let qualified_noun = indefinite
        && (k + 2..(k + 4).min(end)).any(|j| {
            let w = view.word(j);
            w.chars().next().is_some_and(char::is_lowercase)
                && view.lexicon.word(w).is_some_and(|x| {
                    x.is(Pos::Adjective) && !x.verb_analyses().any(|a| a.mood_tense.is_finite())
                })
        });
    if evaluative_noun || adjective_attribute || qualified_noun {
        ClaimKind::Assessment
    } else {
        ClaimKind::Statement
    }
}

fn modality(
    view: &View<'_>,
    lexicons: &Lexicons,
    verb: &VerbGroup,
    clause: Range<usize>,
) -> Modality {
    if verb.negated || matches!(verb.lemma, "démentir" | "nier") {
        return Modality::Negated;
    }
    use crate::lexicons::word_class::{BOOSTER, HEDGE};
    let (text, tokens, classes) = (view.text, view.tokens, &view.classes[..]);
    if lexicons
        .boosters
        .find(text, tokens, classes, BOOSTER, clause.clone())
        .is_some()
    {
        return Modality::Certain;
    }
    let hedged_before = lexicons
        .hedges
        .find(
            text,
            tokens,
            classes,
            HEDGE,
            clause.start..verb.end.max(clause.start),
        )
        .is_some();
    let hedged_after = lexicons
        .hedges
        .find(text, tokens, classes, HEDGE, verb.first..clause.end)
        .is_some_and(|(a, _)| a < verb.end + 3);
    if hedged_before || hedged_after {
        return Modality::Uncertain;
    }
    if verb.mood_tense == MoodTense::Conditional {
        // "pourrait" hedges; "aurait tué", "serait" are the journalist's reserve.
        return if verb.finite_lemma == "pouvoir" || verb.lemma == "pouvoir" {
            Modality::Uncertain
        } else {
            Modality::Conditional
        };
    }
    Modality::Asserted
}
