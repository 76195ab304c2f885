//! A read-only view of one analysed document: tokens, the mentions over them, and the lexicon.

use crate::lexicons::Lexicons;
use crate::word_cache::WORD_CACHE;
use fouille_entities::{Mention, MentionKind, Recognized};
use fouille_lexicon::WordKey;
use fouille_lexicon::{Lexicon, MoodTense, PartsOfSpeech, Pos};
use fouille_tokenizer::normalize::same_word;
use fouille_tokenizer::{Segmentation, Span, Token, TokenKind};

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
    /// For each token, what the lexicon says of it.
    pub info: Vec<TokenInfo>,
    /// For each token, its classes ([`crate::lexicons::word_class`]).
    pub classes: Vec<u8>,
}

impl<'a> View<'a> {
    pub fn new(
        seg: &'a Segmentation<'a>,
        found: &'a Recognized,
        lexicon: &'a Lexicon,
        lexicons: &Lexicons,
    ) -> Self {
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
        let n = seg.tokens.len();
        let mut view = View {
            text: seg.text,
            tokens: &seg.tokens,
            found,
            lexicon,
            named,
            quoted: vec![false; seg.tokens.len()],
            info: Vec::with_capacity(n),
            classes: Vec::with_capacity(n),
        };
        let mut starts = vec![false; seg.tokens.len()];
        for s in &seg.sentences {
            // The first word, and the first after an opening quote or a dash.
            let end = (s.tokens.start + 2).min(s.tokens.end);
            starts[s.tokens.start..end]
                .iter_mut()
                .for_each(|x| *x = true);
        }
        WORD_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            // Keys first, and their places in the cache fetched ahead, so that the lookups
            // below find them in the processor's cache instead of waiting for each in turn.
            let keys: Vec<Option<WordKey>> = seg
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| match t.kind {
                    TokenKind::Word => WordKey::new(t.span.text(seg.text), starts[i]),
                    _ => None,
                })
                .collect();
            keys.iter().flatten().for_each(|&k| cache.prefetch(k));
            for (i, t) in seg.tokens.iter().enumerate() {
                let (classes, info) = match t.kind {
                    TokenKind::Word => {
                        let word = t.span.text(seg.text);
                        match WordKey::new(word, starts[i]) {
                            Some(key) => {
                                cache.get(key, || info_of(lexicon, lexicons, word, starts[i]))
                            }
                            None => info_of(lexicon, lexicons, word, starts[i]),
                        }
                    }
                    _ => (0, TokenInfo::default()),
                };
                view.classes.push(classes);
                view.info.push(info);
            }
        });
        view
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

    /// The finite verb token `i` can be, when it is in lower case and not a pronoun,
    /// determiner or preposition.
    #[inline]
    pub fn finite_verb(&self, i: usize) -> Option<FiniteVerb> {
        self.info.get(i).and_then(|t| t.finite)
    }

    /// The lemma of a past participle at token `i`.
    #[inline]
    pub fn past_participle(&self, i: usize) -> Option<&'static str> {
        self.info.get(i).and_then(|t| t.participle)
    }

    /// Whether token `i` is an adverb in lower case: "a notamment annoncé".
    #[inline]
    pub fn is_adverb(&self, i: usize) -> bool {
        self.info
            .get(i)
            .is_some_and(|t| t.lowercase && t.pos.contains(Pos::Adverb))
    }

    /// Whether token `i` (in lower case) is a word of the given part of speech.
    #[inline]
    pub fn is_pos(&self, i: usize, pos: Pos) -> bool {
        self.info.get(i).is_some_and(|t| t.pos.contains(pos))
    }
}

/// What the lexicon says of one token, looked up once per document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct TokenInfo {
    /// Its parts of speech, the word put in lower case.
    pub pos: PartsOfSpeech,
    /// The word starts in lower case.
    pub lowercase: bool,
    /// Its finite verb reading, preferring the auxiliaries ("est" is "être").
    pub finite: Option<FiniteVerb>,
    /// Its past participle reading's lemma.
    pub participle: Option<&'static str>,
    /// It opens a subordinate clause: "qui", "que", "si".
    pub subordinator: bool,
    /// It stands between a subject and its verb: "ne", "se", "le".
    pub preverbal: bool,
    /// It negates a verb after it: "pas", "jamais".
    pub negation: bool,
}

/// The classes of a token ([`crate::lexicons::word_class`]) and what the lexicon says of it.
fn info_of(
    lexicon: &Lexicon,
    lexicons: &Lexicons,
    word: &str,
    sentence_start: bool,
) -> (u8, TokenInfo) {
    use crate::lexicons::word_class as class;
    let classes = lexicons.class_of(word);
    let lowercase = word.chars().next().is_some_and(char::is_lowercase);
    let mut info = if lowercase || sentence_start {
        TokenInfo::of(lexicon, word)
    } else {
        TokenInfo {
            lowercase,
            ..TokenInfo::default()
        }
    };
    info.subordinator = lowercase && classes & class::SUBORDINATOR != 0;
    info.preverbal = classes & class::PREVERBAL != 0;
    info.negation = classes & class::NEGATION != 0;
    (classes, info)
}

impl TokenInfo {
    fn of(lexicon: &Lexicon, word: &str) -> TokenInfo {
        let lowercase = word.chars().next().is_some_and(char::is_lowercase);
        let (subordinator, preverbal, negation) = (false, false, false);
        let mut buf = [0u8; 64];
        let key = if lowercase {
            Some(word)
        } else {
            lower_into(word, &mut buf)
        };
        let Some(info) = key.and_then(|k| lexicon.word(k)) else {
            return TokenInfo {
                lowercase,
                subordinator,
                preverbal,
                negation,
                ..TokenInfo::default()
            };
        };
        let pos = info.parts_of_speech();
        let mut finite: Option<FiniteVerb> = None;
        let mut participle = None;
        let function_word = pos.contains(Pos::Pronoun)
            || pos.contains(Pos::Determiner)
            || pos.contains(Pos::Preposition);
        if lowercase {
            for a in info.verb_analyses() {
                if a.mood_tense == MoodTense::PastParticiple {
                    participle.get_or_insert(a.lemma);
                } else if a.mood_tense.is_finite()
                    && !function_word
                    && (finite.is_none() || matches!(a.lemma, "être" | "avoir"))
                {
                    {
                        finite = Some(FiniteVerb {
                            lemma: a.lemma,
                            mood_tense: a.mood_tense,
                        });
                    }
                }
            }
        }
        TokenInfo {
            pos,
            lowercase,
            finite,
            participle,
            subordinator,
            preverbal,
            negation,
        }
    }
}

/// The word in lower case in `buf`, or `None` when it does not fit.
fn lower_into<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// A finite verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FiniteVerb {
    pub lemma: &'static str,
    pub mood_tense: MoodTense,
}
