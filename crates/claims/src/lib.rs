//! Claims in French news: who asserts, announces, hopes or denies what, about whom, when, and
//! how surely.
//!
//! One claim per sentence that states something, in the article's voice or a source's: its
//! kind (statement, event, decision, announcement, intention, hope, assessment, quote,
//! report), its modality (asserted, certain, uncertain, conditional, negated, hoped,
//! intended), its subject resolved to an entity ("le pays", "il", "Moscou" included), its
//! predicate with a lemma, its object, when and where, and for reported speech its source,
//! cue and content.
//!
//! ```
//! use fouille_claims::{ClaimExtractor, ClaimKind, Modality};
//! use fouille_entities::Recognizer;
//! use fouille_tokenizer::Tokenizer;
//!
//! let text = "Le Burkina Faso espère bénéficier de l’expérience du Rwanda.";
//! let seg = Tokenizer::new().segment(text);
//! let found = Recognizer::new().recognize(&seg, None);
//! let claims = ClaimExtractor::new().extract(&seg, &found);
//! assert_eq!(claims.len(), 1);
//! assert_eq!((claims[0].kind, claims[0].modality), (ClaimKind::Hope, Modality::Hoped));
//! assert_eq!(claims[0].predicate.unwrap().lemma, "espérer");
//! ```
#![deny(missing_docs)]

mod attribution;
mod claim;
mod classify;
mod clause;
mod lexicons;
mod quotes;
mod ranges;
mod resolve;
mod view;

pub use claim::{Argument, Attribution, Claim, ClaimKind, Cue, Modality, Object, Predicate};

use fouille_document::Document;
use fouille_entities::{Mention, MentionKind, Recognized};
use fouille_lexicon::Lexicon;
use fouille_tokenizer::{Segmentation, Span};
use lexicons::Lexicons;
use std::ops::Range;
use view::View;

/// The claim extractor: built once with its lexicons, then shared by threads.
#[derive(Clone, Debug)]
pub struct ClaimExtractor {
    lexicon: &'static Lexicon,
    lexicons: Lexicons,
}

impl Default for ClaimExtractor {
    fn default() -> Self {
        Self::new()
    }
}

/// First words of lines that state nothing: footers, links, credits.
const NO_CLAIM_OPENERS: &[&[&str]] = &[
    &["lire", "aussi"],
    &["voir", "aussi"],
    &["a", "lire", "aussi"],
    &["publicite"],
    &["©"],
    &["copyright"],
    &["credit"],
    &["credits"],
    &["discussion", "a", "propos"],
];

impl ClaimExtractor {
    /// An extractor with the built-in French cue verbs, hedges and boosters.
    pub fn new() -> Self {
        ClaimExtractor {
            lexicon: Lexicon::shared(),
            lexicons: Lexicons::builtin(),
        }
    }

    /// The claims of a segmented document whose entities are known.
    ///
    /// This builds the segmentation's [`Document`]; a pipeline that has built it already for
    /// other stages calls [`ClaimExtractor::extract_document`].
    pub fn extract(&self, seg: &Segmentation<'_>, found: &Recognized) -> Vec<Claim> {
        self.extract_document(&Document::new(seg), found)
    }

    /// The claims of a document whose entities are known, as [`ClaimExtractor::extract`]
    /// finds them.
    pub fn extract_document(&self, document: &Document<'_>, found: &Recognized) -> Vec<Claim> {
        let mut view = View::new(document, found, self.lexicon, &self.lexicons);
        let quotes = quotes::find(&mut view);
        let sentences: Vec<Range<usize>> = document
            .sentences
            .iter()
            .map(|s| s.tokens.clone())
            .collect();
        let finder = attribution::Finder {
            view: &view,
            lexicons: &self.lexicons,
        };
        let mut attributions = Vec::new();
        finder.direct(&quotes, &sentences, &mut attributions);
        // What a quotation already attributes needs no second reading.
        let quoted = ranges::Reach::new(attributions.iter().map(|d| d.content.clone()));
        let direct_cues: Vec<Range<usize>> = {
            let mut cues: Vec<Range<usize>> = attributions.iter().map(|d| d.cue.clone()).collect();
            cues.sort_by_key(|c| (c.start, c.end));
            cues
        };
        let read_already = |a: &attribution::Found| {
            direct_cues
                .binary_search_by_key(&(a.cue.start, a.cue.end), |c| (c.start, c.end))
                .is_ok()
                || quoted
                    .furthest_from(a.content.start)
                    .is_some_and(|end| a.content.end <= end + 1)
        };
        for s in &sentences {
            let before = attributions.len();
            finder.indirect(s.clone(), &mut attributions);
            let found = attributions.split_off(before);
            attributions.extend(found.into_iter().filter(|a| !read_already(a)));
        }
        finder.continued(&quotes, &sentences, &mut attributions);
        attributions.sort_by_key(|a| (a.cue.start, a.content.start));
        let mut resolver = resolve::Resolver {
            view: &view,
            lexicons: &self.lexicons,
            last_subject: None,
        };
        // A sentence inside a quotation attributed elsewhere is part of that claim.
        let mut inside_quote = vec![false; sentences.len()];
        for a in attributions.iter().filter(|a| a.direct) {
            let from = sentences.partition_point(|s| s.start < a.content.start);
            for (si, s) in sentences.iter().enumerate().skip(from) {
                if s.end > a.content.end + 1 {
                    break;
                }
                if !s.contains(&a.cue.start) {
                    inside_quote[si] = true;
                }
            }
        }
        let mut claims = Vec::new();
        for (si, sentence) in sentences.iter().enumerate() {
            if sentence.is_empty() || self.states_nothing(&view, sentence.clone()) {
                continue;
            }
            // Attributions are in the order of their cues.
            let from = attributions.partition_point(|a| a.cue.start < sentence.start);
            let count = attributions[from..].partition_point(|a| a.cue.start < sentence.end);
            let here = &attributions[from..from + count];
            if here.is_empty() {
                if !inside_quote[si] {
                    claims.extend(self.claim(&view, &mut resolver, si, sentence.clone(), None));
                }
                continue;
            }
            // One claim per attribution: "..., relève Météo France, qui ajoute que ...".
            for a in here {
                claims.extend(self.claim(&view, &mut resolver, si, sentence.clone(), Some(a)));
            }
        }
        claims
    }

    /// Footers, link lists, credits and questions state nothing.
    fn states_nothing(&self, view: &View<'_>, sentence: Range<usize>) -> bool {
        let mut start = sentence.start;
        while start < sentence.end
            && matches!(view.word(start), "«" | "\"" | "“" | "-" | "—" | "•" | "*")
        {
            start += 1;
        }
        let opener = NO_CLAIM_OPENERS
            .iter()
            .any(|words| words.iter().enumerate().all(|(k, w)| view.is(start + k, w)));
        let question = view.word(sentence.end - 1) == "?";
        opener || question
    }

    fn claim(
        &self,
        view: &View<'_>,
        resolver: &mut resolve::Resolver<'_, '_>,
        sentence_index: usize,
        sentence: Range<usize>,
        attribution: Option<&attribution::Found>,
    ) -> Option<Claim> {
        let end = last_word(view, sentence.clone());
        // The clause the claim is read from: the sentence, or the reported content when the
        // cue is not a verb ("selon X, ...", "X : « ... »").
        let (verb, subject_range, clause) = match attribution {
            Some(a) if a.verb.is_some() => {
                let verb = a.verb?;
                (verb, Some(a.source.clone()), sentence.start..end)
            }
            Some(a) => match clause::main_verb(view, a.content.clone(), false) {
                Some(verb) => {
                    let subject = clause::subject(view, a.content.start, &verb);
                    (verb, subject, a.content.clone())
                }
                // "accusant X d'avoir ...": reported, but no verb of its own to read.
                None => return Some(self.verbless(view, resolver, sentence_index, sentence, a)),
            },
            None => {
                let verb = clause::main_verb(view, sentence.start..end, true)?;
                let subject = clause::subject(view, sentence.start, &verb);
                (verb, subject, sentence.start..end)
            }
        };
        let (verb, subject_range) = self.look_through_frame(view, verb, subject_range, clause.end);
        let (kind, modality) = classify::classify(
            view,
            &self.lexicons,
            &verb,
            clause.clone(),
            attribution.map(|a| a.direct),
        );
        let impersonal = subject_range
            .as_ref()
            .is_some_and(|s| is_impersonal(view, s.clone(), &verb));
        let subject_entity = subject_range
            .clone()
            .filter(|_| !impersonal)
            .and_then(|r| resolver.resolve(r));
        resolver.last_subject = subject_entity;
        let object_range = clause::object(view, &verb, clause.end);
        let object = object_range.clone().map(|r| Object {
            span: view.span(r.start, r.end),
            entities: entities_in(view, r),
        });
        let sentence_span = view.span(sentence.start, sentence.end);
        let span = match attribution {
            Some(a) => sentence_span.cover(view.span(a.content.start, a.content.end)),
            None => sentence_span,
        };
        let attribution = attribution.map(|a| attribution_of(view, resolver, a));
        Some(Claim {
            span,
            sentence: sentence_index,
            kind,
            modality,
            subject: subject_range.map(|r| Argument {
                span: view.span(r.start, r.end),
                entity: subject_entity,
            }),
            predicate: Some(Predicate {
                span: view.span(verb.first, verb.end),
                lemma: verb.lemma,
                negated: verb.negated,
            }),
            object,
            attribution,
            time: time_in(view, sentence_span),
            // Where an event happened; a statement's places are what it is about.
            place: object_range
                .filter(|_| kind == ClaimKind::Event)
                .and_then(|r| place_in(view, r)),
        })
    }

    /// A reported claim whose content has no verb: its source is its subject.
    fn verbless(
        &self,
        view: &View<'_>,
        resolver: &mut resolve::Resolver<'_, '_>,
        sentence_index: usize,
        sentence: Range<usize>,
        a: &attribution::Found,
    ) -> Claim {
        let attribution = attribution_of(view, resolver, a);
        resolver.last_subject = attribution.source.entity;
        let sentence_span = view.span(sentence.start, sentence.end);
        Claim {
            span: sentence_span.cover(view.span(a.content.start, a.content.end)),
            sentence: sentence_index,
            kind: if a.direct {
                ClaimKind::Quote
            } else {
                ClaimKind::Report
            },
            modality: Modality::Asserted,
            subject: Some(attribution.source),
            predicate: None,
            object: Some(Object {
                span: view.span(a.content.start, a.content.end),
                entities: entities_in(view, a.content.clone()),
            }),
            attribution: Some(attribution),
            time: time_in(view, sentence_span),
            place: None,
        }
    }

    /// "Il est clair que cette évolution est ...", "il semble que ...": the claim is the
    /// subordinate clause's, the frame gives its modality.
    fn look_through_frame(
        &self,
        view: &View<'_>,
        verb: clause::VerbGroup,
        subject: Option<Range<usize>>,
        end: usize,
    ) -> (clause::VerbGroup, Option<Range<usize>>) {
        let impersonal = subject
            .as_ref()
            .is_some_and(|s| s.len() == 1 && view.is(s.start, "il"));
        if !impersonal {
            return (verb, subject);
        }
        let que = (verb.end..(verb.end + 4).min(end)).find(|&k| view.is_any(k, &["que", "qu'"]));
        match que.and_then(|q| clause::main_verb(view, q + 1..end, true).map(|v| (q, v))) {
            Some((q, inner)) => {
                let inner_subject = clause::subject(view, q + 1, &inner);
                (inner, inner_subject)
            }
            None => (verb, subject),
        }
    }
}

/// "Il est trop tôt pour", "il faut", "il semble", "il y a": "il" stands for nothing.
fn is_impersonal(view: &View<'_>, subject: Range<usize>, verb: &clause::VerbGroup) -> bool {
    if subject.len() != 1 || !view.is(subject.start, "il") {
        return false;
    }
    if matches!(
        verb.finite_lemma,
        "falloir" | "sembler" | "paraître" | "rester" | "agir" | "exister"
    ) || view.is(verb.first, "y")
    {
        return true;
    }
    // "il est (encore) trop tôt pour", "il est clair que", "il est possible de"
    verb.finite_lemma == "être"
        && (verb.end..(verb.end + 5).min(view.tokens.len()))
            .any(|k| view.is_any(k, &["que", "qu'", "de", "d'", "pour"]))
        && !view.is_any(verb.end, &["un", "une", "le", "la", "les", "l'", "des"])
}

/// An attribution with its source resolved.
fn attribution_of(
    view: &View<'_>,
    resolver: &resolve::Resolver<'_, '_>,
    a: &attribution::Found,
) -> Attribution {
    Attribution {
        source: Argument {
            span: view.span(a.source.start, a.source.end),
            entity: resolver.resolve(a.source.clone()),
        },
        cue: (!a.cue.is_empty()).then(|| Cue {
            span: view.span(a.cue.start, a.cue.end),
            lemma: a.cue_lemma,
        }),
        direct: a.direct,
        content: view.span(a.content.start, a.content.end),
    }
}

/// The end of a sentence's words, before its final punctuation.
fn last_word(view: &View<'_>, sentence: Range<usize>) -> usize {
    let mut e = sentence.end;
    while e > sentence.start && matches!(view.word(e - 1), "." | "!" | "?" | "…" | "..." | ";") {
        e -= 1;
    }
    e
}

/// The entities mentioned in tokens `range`, in order, without repeats.
fn entities_in(view: &View<'_>, range: Range<usize>) -> Vec<usize> {
    let span = view.span(range.start, range.end);
    let mut out: Vec<usize> = Vec::new();
    let (_, within) = mentions_from(view, span);
    for m in within {
        if span.contains(m.span) {
            if let Some(e) = m.entity {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
    }
    out
}

/// The first date of a sentence.
fn time_in(view: &View<'_>, sentence: Span) -> Option<usize> {
    let (first, within) = mentions_from(view, sentence);
    within
        .iter()
        .position(|m| m.kind == MentionKind::Date && sentence.contains(m.span))
        .map(|i| first + i)
}

/// The mentions that start inside `span` (they are in text order), and the index of the first:
/// claims look only there, so that a long article costs no more per claim than a short one.
fn mentions_from<'v>(view: &'v View<'_>, span: Span) -> (usize, &'v [Mention]) {
    let mentions = &view.found.mentions;
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let count = mentions[first..].partition_point(|m| m.span.start < span.end);
    (first, &mentions[first..first + count])
}

/// Where it happened: the first place or country of the object that "à", "au", "en" or "dans"
/// introduces.
fn place_in(view: &View<'_>, range: Range<usize>) -> Option<usize> {
    for k in range.clone() {
        if !view.is_any(k, &["a", "au", "aux", "en", "dans"]) {
            continue;
        }
        let mut j = k + 1;
        if view.is_any(j, &["la", "le", "l'", "les"]) {
            j += 1;
        }
        if let Some(m) = view.mention(j) {
            if matches!(m.kind, MentionKind::Location | MentionKind::Country) {
                return m.entity;
            }
        }
    }
    None
}
