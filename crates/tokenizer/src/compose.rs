//! A composed (NFC) view of a text whose accents may be written as combining marks, and the way
//! back from its offsets to the original's.
//!
//! macOS and some scrapers write "é" as "e" followed by U+0301: the word lists and gazetteers,
//! which are composed, would not recognise "Mont\u{301}real". [`ComposedText::of`] gives a copy
//! in which each such letter is one char again, and [`ComposedText::original`] brings any span of
//! the copy back to the original text, so that offsets always point into the text as given.
//!
//! The copy is made of runs: a starter char and the chars that composition may join to it
//! (combining marks, and the few starters that compose with what precedes, such as Hangul vowels).
//! A run that composes into one char is replaced by that char; any other run (already composed,
//! or composing only in part, "ẹ" with an acute) is copied as it is. A char of the copy therefore
//! never holds part of an original char or part of a run, so that the way back is exact: no span
//! splits a letter from its accent.

use crate::span::Span;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A composed copy of a text, with the runs that composition changed.
#[derive(Clone, Debug)]
pub struct ComposedText {
    text: String,
    /// Each run that composed into one char: its byte range in the copy (that char) and in the
    /// original, in text order.
    changes: Vec<Change>,
}

#[derive(Clone, Copy, Debug)]
struct Change {
    composed: Span,
    original: Span,
}

/// The first code point that is not a starter or may be changed by composition: below it,
/// every char is a starter that no composition touches.
const FIRST_COMBINING: char = '\u{300}';

/// True when `c` may be joined to the char before it, or changed, by composition: a combining
/// mark, or a char whose NFC quick check is not "yes".
#[inline]
fn may_compose(c: char) -> bool {
    c >= FIRST_COMBINING
        && (canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes)
}

/// True when composition may join `c` to the run before it.
#[inline]
fn joins_previous(c: char) -> bool {
    c >= FIRST_COMBINING
        && (canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe)
}

/// The byte offset of the first char that composition may touch, if any: the common case,
/// already composed text, is told by one pass over its bytes that decodes only the chars from
/// U+0300 on.
fn first_candidate(text: &str) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // U+0300 is 0xCC 0x80 in UTF-8: bytes below 0xCC are ASCII, continuation bytes or the
        // lead bytes of chars below U+0300 (Latin-1 and Latin Extended letters, French's
        // accented ones among them). Eight bytes at a time, a byte is 0xCC or more when its
        // high bit is set and its low seven bits plus 0x34 carry into the high bit.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0xFF; 8]));
            let high = word & ((word & !HIGH) + 0x3434_3434_3434_3434) & HIGH;
            if high == 0 {
                i += 8;
                continue;
            }
            i += high.trailing_zeros() as usize / 8;
        } else if bytes[i] < 0xCC {
            i += 1;
            continue;
        }
        let c = text.get(i..).and_then(|s| s.chars().next())?;
        if may_compose(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

impl ComposedText {
    /// The composed view of `text`, or `None` when composing would change nothing (the text is
    /// already composed, as nearly all text is): then the text itself is the view.
    pub fn of(text: &str) -> Option<ComposedText> {
        let candidate = first_candidate(text)?;
        // The char before the first candidate starts a run (it is a starter no composition
        // changes), so everything before it is copied whole.
        let run_start = text
            .get(..candidate)
            .and_then(|s| s.char_indices().next_back())
            .map_or(0, |(k, _)| k);
        let mut composed = ComposedText {
            text: String::with_capacity(text.len()),
            changes: Vec::new(),
        };
        composed.text.push_str(text.get(..run_start)?);
        let mut buf = String::new();
        let mut start = run_start;
        let rest = text.get(run_start..)?;
        for (k, c) in rest.char_indices().skip(1) {
            if !joins_previous(c) {
                composed.push_run(text, Span::new(start, run_start + k), &mut buf);
                start = run_start + k;
            }
        }
        composed.push_run(text, Span::new(start, text.len()), &mut buf);
        (!composed.changes.is_empty()).then_some(composed)
    }

    /// Appends one run of the original: composed when it composes into one char, else as it is.
    fn push_run(&mut self, text: &str, run: Span, buf: &mut String) {
        let original = run.text(text);
        let mut chars = original.chars();
        let single = matches!((chars.next(), chars.next()), (Some(c), None) if !may_compose(c));
        if !single {
            buf.clear();
            buf.extend(original.nfc());
            let mut composed = buf.chars();
            if let (Some(c), None) = (composed.next(), composed.next()) {
                if buf != original {
                    let at = self.text.len();
                    self.text.push(c);
                    self.changes.push(Change {
                        composed: Span::new(at, self.text.len()),
                        original: run,
                    });
                    return;
                }
            }
        }
        self.text.push_str(original);
    }

    /// The composed text, to analyse in place of the original.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The span of the original text that a span of the composed text covers. Both ends fall
    /// on char boundaries of the original, and a composed letter maps to the letter with all its
    /// marks.
    pub fn original(&self, span: Span) -> Span {
        let start = self.original_offset(span.start, false);
        let end = if span.end == span.start {
            start
        } else {
            self.original_offset(span.end, true)
        };
        Span::new(start, end.max(start))
    }

    /// The original offset of byte `at` of the composed text. Offsets of the composed text fall
    /// between its chars, so never inside a change; one that did would map to the start of that
    /// run (for a start) or to its end (`end`).
    fn original_offset(&self, at: usize, end: bool) -> usize {
        // Changes that end at or before `at`.
        let k = self.changes.partition_point(|c| c.composed.end <= at);
        if let Some(c) = self.changes.get(k) {
            if c.composed.start < at {
                return if end {
                    c.original.end
                } else {
                    c.original.start
                };
            }
        }
        match k.checked_sub(1).and_then(|j| self.changes.get(j)) {
            Some(c) => c.original.end + (at - c.composed.end),
            None => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    #[test]
    fn composed_text_needs_no_view() {
        for text in [
            "",
            "Le pays",
            "Montréal, l’État, « Côte d’Ivoire » 😀",
            "\u{301}",
            "ȩ\u{301}",
        ] {
            assert!(ComposedText::of(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn the_first_char_that_may_compose_is_found_wherever_it_is() {
        let base = "Côte d’Ivoire, État, «oui» ";
        for pad in 0..20 {
            let head = format!("{}{base}", "x".repeat(pad));
            assert_eq!(first_candidate(&head), None, "{head:?}");
            for mark in ["e\u{301}", "\u{212b}", "\u{1100}\u{1161}"] {
                let text = format!("{head}{mark}{base}");
                let at = head.len() + mark.len() - mark.chars().last().unwrap().len_utf8();
                assert_eq!(first_candidate(&text), Some(at), "{text:?}");
            }
        }
    }

    #[test]
    fn decomposed_letters_compose_and_map_back() {
        let original = nfd("à Montréal, en République tchèque");
        let view = ComposedText::of(&original).expect("decomposed text");
        assert_eq!(view.text(), "à Montréal, en République tchèque");
        for word in ["à", "Montréal", "République", "tchèque", "en"] {
            let at = view.text().find(word).unwrap_or_default();
            let span = view.original(Span::new(at, at + word.len()));
            assert_eq!(span.text(&original), nfd(word));
        }
        assert_eq!(view.original(Span::new(0, 0)), Span::new(0, 0));
        let end = view.text().len();
        assert_eq!(view.original(Span::new(end, end)).start, original.len());
    }

    #[test]
    fn singletons_compose_and_partial_compositions_stay() {
        // The ångström sign is "Å" in NFC; "ẹ" with an acute has no precomposed form.
        let original = "\u{212b} e\u{301}\u{323} e\u{301}";
        let view = ComposedText::of(original).expect("not composed");
        assert_eq!(view.text(), "\u{c5} e\u{301}\u{323} \u{e9}");
        let span = view.original(Span::new(0, view.text().len()));
        assert_eq!(span, Span::new(0, original.len()));
    }

    #[test]
    fn offsets_inside_a_composed_char_snap_outwards() {
        let original = "ae\u{301}b";
        let view = ComposedText::of(original).expect("decomposed");
        assert_eq!(view.text(), "aéb");
        assert_eq!(view.original(Span::new(2, 3)), Span::new(1, 4));
        assert_eq!(view.original(Span::new(3, 4)), Span::new(4, 5));
    }
}
