//! The parts of a clause: its main verb group, the subject before it, the object after it.
//!
//! No parser: the main verb is the first finite verb that no subordinating word ("qui", "que",
//! "si") claims, outside brackets and, for the reporting clause, outside quotations; the
//! subject is what stands before it once an opening adverbial ("Face à cette situation,") is set
//! aside; the object is the rest.

use crate::view::View;
use fouille_lexicon::{MoodTense, Pos};
use std::ops::Range;

/// A verb group: "a notamment annoncé", "n'a pas dit", "se représentera", "espère".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbGroup {
    /// First token (the "ne" or clitic before the verb, when there is one).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The finite verb's token.
    pub finite: usize,
    /// The lemma of the main verb: the participle's in a compound tense.
    pub lemma: &'static str,
    /// The finite verb's lemma ("avoir" in "a dit").
    pub finite_lemma: &'static str,
    /// The finite verb's mood and tense.
    pub mood_tense: MoodTense,
    /// A compound past: "a dit", "est venu".
    pub compound: bool,
    pub negated: bool,
}

/// Words that open a subordinate clause: its verb is not the main one.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "qui",
    "que",
    "qu'",
    "dont",
    "ou",
    "lorsque",
    "lorsqu'",
    "quand",
    "si",
    "puisque",
    "puisqu'",
    "comme",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "duquel",
    "quoique",
    "tandis",
    "afin",
    "avant",
    "bien",
    "parce",
    "pendant",
];

/// Clitics and the negation that stand between a subject and its verb.
pub(crate) const PREVERBAL: &[&str] = &[
    "ne", "n'", "se", "s'", "y", "en", "le", "la", "les", "l'", "lui", "leur", "me", "m'", "te",
    "t'", "nous", "vous",
];

/// Words after a verb that negate it.
pub(crate) const NEGATIONS: &[&str] = &[
    "pas",
    "plus",
    "jamais",
    "rien",
    "guere",
    "point",
    "aucun",
    "aucune",
    "nullement",
    "personne",
];

/// Words that may stand between an auxiliary and its participle: "a notamment annoncé", "a par
/// ailleurs lancé".
const INSIDE_GROUP: &[&str] = &[
    "par", "ailleurs", "-t-il", "-t-elle", "-t-on", "-il", "-elle", "t-il", "t-elle", "t-on",
];

/// The main verb group of tokens `range`. With `skip_quoted`, verbs inside quotations do not
/// count: they are the quoted speaker's, not the reporting clause's.
pub(crate) fn main_verb(
    view: &View<'_>,
    range: Range<usize>,
    skip_quoted: bool,
) -> Option<VerbGroup> {
    let mut depth = 0usize;
    let mut subordinate = false;
    let mut i = range.start;
    while i < range.end {
        let w = view.word(i);
        match w {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            "," | ";" | ":" => subordinate = false,
            _ => {}
        }
        if depth > 0 || (skip_quoted && view.quoted[i]) {
            i += 1;
            continue;
        }
        // "s'il", "s'ils": "si" elided; "s'élève" is a reflexive verb.
        let elided_si = view.is(i, "s'") && view.is_any(i + 1, &["il", "ils"]);
        if (view.is_subordinator(i) || elided_si)
            && w.chars().next().is_some_and(char::is_lowercase)
        {
            subordinate = true;
            i += 1;
            continue;
        }
        if let Some(verb) = view.finite_verb(i).filter(|_| verb_here(view, i)) {
            let group = group_at(view, i, verb.lemma, verb.mood_tense, range.end);
            if !subordinate {
                return Some(group);
            }
            // The subordinate clause's verb is read; the main clause goes on after it.
            subordinate = false;
            i = group.end;
            continue;
        }
        i += 1;
    }
    None
}

/// The verb group whose finite verb is token `i`, when it is a verb there.
pub(crate) fn group_at_finite(view: &View<'_>, i: usize, end: usize) -> Option<VerbGroup> {
    let verb = view.finite_verb(i)?;
    verb_here(view, i).then(|| group_at(view, i, verb.lemma, verb.mood_tense, end))
}

/// Whether a word that can be a finite verb is one here: not after a determiner ("le cours")
/// or a preposition ("de fait").
fn verb_here(view: &View<'_>, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let before = view.word(i - 1);
    if view.is_any(i - 1, &["en", "y", "ne", "n'", "se", "s'"]) {
        return true;
    }
    // "très critique", "plus grande": an adjective after an intensifier.
    if view.is_any(
        i - 1,
        &[
            "tres", "plus", "si", "trop", "assez", "aussi", "moins", "fort",
        ],
    ) && view.is_pos(i, Pos::Adjective)
    {
        return false;
    }
    if view.is_any(i - 1, &["au", "aux", "du", "des"]) {
        return false;
    }
    // "de nombreuses critiques": a plural noun after a plural adjective of quantity.
    if view.is_any(
        i - 1,
        &[
            "nombreuses",
            "nombreux",
            "plusieurs",
            "certaines",
            "certains",
            "quelques",
            "differentes",
            "differents",
            "diverses",
            "divers",
            "multiples",
        ],
    ) {
        return false;
    }
    let after_determiner =
        view.is_pos(i - 1, Pos::Determiner) || view.is_pos(i - 1, Pos::Preposition);
    // "le révèle", "la dit": an object pronoun, when the word cannot be a noun.
    let only_verb = !(view.is_pos(i, Pos::Noun) || view.is_pos(i, Pos::Adjective));
    !after_determiner
        || before == "-"
        || (only_verb && view.is_any(i - 1, &["le", "la", "les", "l'"]))
}

/// The verb group around the finite verb at `v`.
fn group_at(
    view: &View<'_>,
    v: usize,
    lemma: &'static str,
    mood_tense: MoodTense,
    end: usize,
) -> VerbGroup {
    let mut first = v;
    while first > 0 && view.is_preverbal(first - 1) {
        first -= 1;
    }
    let negated_before = (first..v).any(|k| view.is_any(k, &["ne", "n'"]));
    let mut last = v;
    let mut main_lemma = lemma;
    let mut compound = false;
    if matches!(lemma, "avoir" | "être") {
        // "a notamment annoncé", "n'a pas été", "a été tué"
        let mut k = v + 1;
        while k < end && k <= v + 5 {
            if let Some(p) = view.past_participle(k) {
                last = k;
                main_lemma = p;
                compound = true;
                if p == "être" {
                    k += 1;
                    continue;
                }
                break;
            }
            if view.is_adverb(k) || view.is_negation(k) || view.is_any(k, INSIDE_GROUP) {
                k += 1;
                continue;
            }
            break;
        }
    }
    // The negation's second word and inverted subjects close the group: "ne fait pas".
    while last + 1 < end
        && (negated_before && view.is_negation(last + 1) || view.word(last + 1).starts_with("-t-"))
    {
        last += 1;
    }
    let negated = negated_before && (v..=last + 1).any(|k| view.is_negation(k));
    VerbGroup {
        first,
        end: last + 1,
        finite: v,
        lemma: main_lemma,
        finite_lemma: lemma,
        mood_tense,
        compound,
        negated,
    }
}

/// Words that open a sentence before its subject: "Face à cette situation,", "Cependant,".
fn opens_with_adverbial(view: &View<'_>, i: usize) -> bool {
    let w = view.word(i);
    if view.mention(i).is_some() {
        return false;
    }
    view.is_pos(i, Pos::Preposition)
        || view.is_pos(i, Pos::Adverb)
        || view.is_pos(i, Pos::Conjunction)
        || view.is_any(
            i,
            &[
                "face",
                "grace",
                "suite",
                "interroge",
                "interrogee",
                "interroges",
                "selon",
                "d'apres",
                "pour",
                "en",
                "lors",
                "apres",
                "avant",
                "depuis",
            ],
        )
        || w.chars().all(|c| c.is_ascii_digit())
}

/// The subject of a verb group whose clause starts at `start`: the tokens before the group once
/// an opening adverbial is set aside, without a trailing comma.
pub(crate) fn subject(view: &View<'_>, start: usize, verb: &VerbGroup) -> Option<Range<usize>> {
    let mut s = start;
    let end = verb.first;
    // Skip opening marks and adverbials closed by a comma.
    loop {
        while s < end && matches!(view.word(s), "«" | "“" | "\"" | "—" | "–" | "-" | "(") {
            s += 1;
        }
        if s < end && opens_with_adverbial(view, s) {
            match (s..end).find(|&k| view.word(k) == "," && !view.quoted[k]) {
                Some(comma) => {
                    s = comma + 1;
                    continue;
                }
                None => break,
            }
        }
        break;
    }
    let mut e = end;
    while e > s && matches!(view.word(e - 1), "," | "-" | "—") {
        e -= 1;
    }
    (s < e).then_some(s..e)
}

/// The object: the rest of the clause after the verb group, without final punctuation.
pub(crate) fn object(view: &View<'_>, verb: &VerbGroup, end: usize) -> Option<Range<usize>> {
    let mut s = verb.end;
    while s < end && view.word(s).starts_with('-') {
        s += 1;
    }
    let mut e = end;
    while e > s
        && matches!(
            view.word(e - 1),
            "." | "!" | "?" | "…" | "..." | "," | ";" | ":"
        )
    {
        e -= 1;
    }
    (s < e).then_some(s..e)
}
