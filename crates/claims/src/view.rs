//! A read-only view of one analysed document: tokens, the mentions over them, and the lexicon.

use fouille_entities::{Mention, MentionKind, Recognized};
use fouille_lexicon::{Lexicon, MoodTense, Pos};
use fouille_tokenizer::normalize::same_word;
use fouille_tokenizer::{Segmentation, Span, Token};

/// The document as the claim extractor reads it.
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub found: &'a Recognized,
    pub lexicon: &'a Lexicon,
    /// For each token, the mention of a person, organisation, place or country over it.
    pub named: Vec<Option<usize>>,
    /// For each token, whether it lies inside a quotation's marks.
    pub quoted: Vec<bool>,
}

impl<'a> View<'a> {
    pub fn new(seg: &'a Segmentation<'a>, found: &'a Recognized, lexicon: &'a Lexicon) -> Self {
        let mut named = vec![None; seg.tokens.len()];
        for (i, m) in found.mentions.iter().enumerate() {
            if !matches!(m.kind, MentionKind::Date | MentionKind::Time) {
                let mut j = seg.tokens.partition_point(|t| t.span.end <= m.span.start);
                while j < seg.tokens.len() && seg.tokens[j].span.start < m.span.end {
                    named[j].get_or_insert(i);
                    j += 1;
                }
            }
        }
        View {
            text: seg.text,
            tokens: &seg.tokens,
            found,
            lexicon,
            named,
            quoted: vec![false; seg.tokens.len()],
        }
    }

    /// The text of token `i`, or "".
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// True when token `i` is `word` (lower case, no accents).
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        same_word(self.word(i), word)
    }

    /// True when token `i` is one of `words`.
    #[inline]
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| same_word(w, x))
    }

    /// The span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|k| self.tokens.get(k)),
        ) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start, y.span.end),
            _ => Span::default(),
        }
    }

    /// The mention at token `i`, if any.
    pub fn mention(&self, i: usize) -> Option<&'a Mention> {
        self.named
            .get(i)
            .copied()
            .flatten()
            .map(|m| &self.found.mentions[m])
    }

    /// The verb analyses of token `i` when it is in lower case.
    pub fn finite_verb(&self, i: usize) -> Option<FiniteVerb> {
        let w = self.word(i);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        let info = self.lexicon.word(w)?;
        if info.is(Pos::Pronoun) || info.is(Pos::Determiner) || info.is(Pos::Preposition) {
            return None;
        }
        let mut best: Option<FiniteVerb> = None;
        for a in info.verb_analyses() {
            if a.mood_tense.is_finite() {
                let candidate = FiniteVerb {
                    lemma: a.lemma,
                    mood_tense: a.mood_tense,
                };
                // Prefer the auxiliaries: "est" is "être" before it is "est" the noun's verb.
                if best.is_none() || matches!(a.lemma, "être" | "avoir") {
                    best = Some(candidate);
                }
            }
        }
        best
    }

    /// The lemma of a past participle at token `i`.
    pub fn past_participle(&self, i: usize) -> Option<&'static str> {
        let w = self.word(i);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        self.lexicon
            .verb_analyses(w)
            .find(|a| a.mood_tense == MoodTense::PastParticiple)
            .map(|a| a.lemma)
    }

    /// Whether token `i` is an adverb (or a negation word) that sits inside a verb group:
    /// "a notamment annoncé", "n'a pas dit".
    pub fn is_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().next().is_some_and(char::is_lowercase)
            && self
                .lexicon
                .word(w)
                .is_some_and(|info| info.is(Pos::Adverb))
    }

    /// Whether token `i` is a word of the given part of speech.
    pub fn is_pos(&self, i: usize, pos: Pos) -> bool {
        let w = self.word(i);
        let lower;
        let w = if w.chars().next().is_some_and(char::is_uppercase) {
            lower = w.to_lowercase();
            lower.as_str()
        } else {
            w
        };
        self.lexicon.word(w).is_some_and(|info| info.is(pos))
    }
}

/// A finite verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FiniteVerb {
    pub lemma: &'static str,
    pub mood_tense: MoodTense,
}
