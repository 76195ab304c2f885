//! Sentence segmentation over tokens.

use crate::chars::{is_closing, is_opening, is_terminal};
use crate::span::Span;
use crate::token::{Gap, Sentence, Token, TokenKind};

/// The most tokens a sentence holds. Written sentences stay far below it (the longest in 1,000
/// OrangeSum articles has 276 tokens, lists included); text without sentence ends (a table, a
/// run of names, a binary file) is cut there, so that what is done per sentence stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Groups tokens into sentences.
///
/// A sentence ends at a line break (a paragraph or a title line), or after final punctuation
/// ("." "!" "?" "…"), with the closing quotes and brackets that follow it, when the next token
/// opens a sentence: a capital, a digit, an opening quote or a dash. So « Je viens ! », a-t-il
/// dit stays one sentence, and "M. Dupont" never splits because "M." is one token.
pub(crate) fn sentences(text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    let mut start = 0;
    let mut line = 0;
    let mut i = 0;
    // Straight quotes open and close alike: their parity in the sentence tells which.
    let mut open_straight_quote = false;
    while i < tokens.len() {
        let mut end = i + 1;
        let word = tokens[i].text(text);
        if word == "\"" {
            open_straight_quote = !open_straight_quote;
        }
        let boundary = if is_terminal(word) && tokens[i].kind == TokenKind::Punctuation {
            // Take the closers that hang on the final mark.
            while end < tokens.len() && hangs_on_mark(text, &tokens[end], open_straight_quote) {
                if tokens[end].text(text) == "\"" {
                    open_straight_quote = false;
                }
                end += 1;
            }
            match tokens.get(end) {
                None => true,
                Some(next) => {
                    next.gap.breaks_line()
                        || opens_sentence(text, next)
                        || (word == "."
                            && end == i + 1
                            && continues_in_lower_case(text, tokens, i, next))
                }
            }
        } else if word == ";" {
            // A semicolon before a capital closes a list item written as a sentence.
            tokens.get(end).is_some_and(|next| {
                next.gap.breaks_line() || (next.gap != Gap::None && starts_upper(text, next))
            })
        } else {
            tokens
                .get(end)
                .is_some_and(|next| line_ends_sentence(text, &tokens[i], next))
        };
        if boundary || end == tokens.len() || end - start >= MAX_SENTENCE_TOKENS {
            push(tokens, start, end, line, out);
            if let Some(next) = tokens.get(end) {
                if next.gap.breaks_line() {
                    line += 1;
                }
            }
            start = end;
            open_straight_quote = false;
        }
        i = end;
    }
}

/// A full stop followed by a lower-case word still ends the sentence, unless the word before the
/// stop is an unlisted abbreviation (short and lower case: "env.", "cf.") or the stop follows
/// "etc".
fn continues_in_lower_case(text: &str, tokens: &[Token], stop: usize, next: &Token) -> bool {
    if next.gap == Gap::None || next.kind != TokenKind::Word {
        return false;
    }
    let first = next.text(text).chars().next().unwrap_or(' ');
    if !first.is_lowercase() || stop == 0 || tokens[stop].gap != Gap::None {
        return false;
    }
    let before = tokens[stop - 1].text(text);
    let short = before.chars().count() <= 3 && before.chars().all(char::is_lowercase);
    !(short || before == "etc" || tokens[stop - 1].kind != TokenKind::Word)
}

fn starts_upper(text: &str, token: &Token) -> bool {
    token
        .text(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn push(tokens: &[Token], start: usize, end: usize, line: usize, out: &mut Vec<Sentence>) {
    if start < end {
        out.push(Sentence {
            span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
            tokens: start..end,
            line,
        });
    }
}

/// A closing quote or bracket after a final mark: French sets a space before « » but a straight
/// quote after a space opens the next quotation rather than closing this one.
fn hangs_on_mark(text: &str, token: &Token, open_straight_quote: bool) -> bool {
    let s = token.text(text);
    match token.gap {
        Gap::None => is_closing(s),
        Gap::Space => {
            matches!(s, "»" | "”" | ")" | "]" | "›") || (s == "\"" && open_straight_quote)
        }
        _ => false,
    }
}

/// After final punctuation and a space: does `next` start a new sentence?
fn opens_sentence(text: &str, next: &Token) -> bool {
    if next.gap == Gap::None {
        return false;
    }
    let s = next.text(text);
    let first = s.chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || is_opening(s)
}

/// A line break ends a sentence, unless the text is hard-wrapped: the line stops without final
/// punctuation and the next one goes on in lower case.
fn line_ends_sentence(text: &str, last: &Token, next: &Token) -> bool {
    match next.gap {
        Gap::BlankLine => true,
        Gap::LineBreak => {
            let first = next.text(text).chars().next().unwrap_or(' ');
            let wrapped = first.is_lowercase() && !is_terminal(last.text(text));
            !wrapped
        }
        _ => false,
    }
}
