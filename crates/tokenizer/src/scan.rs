//! Token segmentation: one pass over the text, following UD French conventions.

use crate::chars::{
    is_apostrophe, is_control_break, is_digit_group_space, is_extending, is_hyphen, is_punctuation,
    is_space, is_word,
};
use crate::span::Span;
use crate::token::{Gap, Token, TokenKind};
use crate::words::WordLists;

/// The char at byte `i`, if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The end of the run of word characters that starts at `i`.
#[inline]
fn word_run_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut k = i;
    while k < bytes.len() {
        let b = bytes[k];
        // ASCII letters and digits, most of a French word, without decoding chars.
        if b.is_ascii_alphanumeric() || b == b'_' {
            k += 1;
            continue;
        }
        if b.is_ascii() {
            return k;
        }
        match char_at(text, k) {
            Some(c) if is_word(c) => k += c.len_utf8(),
            _ => return k,
        }
    }
    text.len()
}

/// Splits `text` into tokens.
pub(crate) fn tokens(words: &WordLists, text: &str, out: &mut Vec<Token>) {
    let mut i = 0;
    let mut gap = Gap::None;
    let mut newlines = 0u32;
    let mut control = false;
    while i < text.len() {
        let c = match char_at(text, i) {
            Some(c) => c,
            None => break,
        };
        if is_space(c) {
            if c == ' ' {
                // The common case, first.
            } else if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
                newlines += 1;
            } else if is_control_break(c) {
                control = true;
            }
            gap = match newlines {
                0 => Gap::Space,
                1 => Gap::LineBreak,
                _ => Gap::BlankLine,
            };
            i += c.len_utf8();
            continue;
        }
        let adjacent = gap == Gap::None && !out.is_empty();
        let (end, kind) = if is_word(c) && !is_extending(c) {
            scan_word(words, text, i)
        } else if let Some(end) = clitic_after_verb(words, text, i, adjacent, out.last()) {
            (end, TokenKind::Word)
        } else if let Some(end) = signed_number(text, i, c, adjacent) {
            (end, TokenKind::Number)
        } else {
            scan_other(text, i, c)
        };
        out.push(Token {
            span: Span::new(i, end),
            kind,
            gap: if out.is_empty() { Gap::None } else { gap },
            after_control: control && !out.is_empty(),
        });
        i = end;
        gap = Gap::None;
        newlines = 0;
        control = false;
    }
}

/// A web or e-mail address starting at `i`: up to the next space, without the punctuation that
/// ends the sentence around it.
fn url_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let starts = |prefix: &str| {
        rest.len() >= prefix.len()
            && rest.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    if !matches!(rest.as_bytes().first(), Some(b'h' | b'H' | b'w' | b'W'))
        || !(starts("http://") || starts("https://") || starts("www."))
    {
        return None;
    }
    let mut end = rest
        .char_indices()
        .find(|&(_, c)| is_space(c) || matches!(c, '«' | '»' | '"' | '<' | '>' | '“' | '”'))
        .map_or(text.len(), |(k, _)| i + k);
    while end > i {
        let last = text[..end].chars().next_back().unwrap_or(' ');
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’'
        ) {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > i).then_some(end)
}

/// Scans a word or number starting at `i`, joining what UD French keeps whole.
fn scan_word(words: &WordLists, text: &str, start: usize) -> (usize, TokenKind) {
    if let Some(end) = url_end(text, start) {
        return (end, TokenKind::Url);
    }
    let first = char_at(text, start).unwrap_or(' ');
    let kind = if first.is_ascii_digit() {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let mut end = word_run_end(text, start);
    let mut single_run = true;
    while let Some(c) = char_at(text, end) {
        let after = end + c.len_utf8();
        let next = char_at(text, after);
        let next_is_word = next.is_some_and(|n| is_word(n) && !is_extending(n));
        let prev = text[..end].chars().next_back().unwrap_or(' ');
        // Characters that join two runs of the same token: "3.600", "3,5", "12/03", "a@b.fr".
        let joins_runs =
            (c == '.' && next.is_some_and(char::is_alphanumeric) && prev.is_alphanumeric())
                || (matches!(c, ',' | '/' | ':')
                    && prev.is_ascii_digit()
                    && next.is_some_and(|n| n.is_ascii_digit()))
                || (c == '@' && next_is_word && prev.is_alphanumeric());
        if is_hyphen(c) && next_is_word {
            if hyphen_starts_clitic(words, text, start, end, after) {
                break;
            }
            end = word_run_end(text, after);
        } else if is_apostrophe(c) && next_is_word {
            if single_run && words.is_elision(&text[start..end]) {
                match words.elision_exception(&text[start..end], &text[after..]) {
                    Some(len) => end = after + len,
                    None => return (after, TokenKind::Word),
                }
                single_run = false;
                continue;
            }
            end = word_run_end(text, after);
        } else if joins_runs {
            end = word_run_end(text, after);
        } else if kind == TokenKind::Number && is_digit_group_space(c) {
            match digit_group_end(text, start, end, after) {
                Some(e) => end = e,
                None => break,
            }
        } else if is_extending(c) {
            end = after;
        } else {
            break;
        }
        single_run = false;
    }
    (attach_dot(words, text, start, end), kind)
}

/// "2 000": a space between digit groups belongs to the number when what precedes is a group of
/// one to three digits and what follows is exactly three digits.
fn digit_group_end(text: &str, start: usize, end: usize, after: usize) -> Option<usize> {
    let before = &text[start..end];
    let last_group = before.rsplit(|c: char| !c.is_ascii_digit()).next()?;
    let all_groups = before
        .split(|c: char| is_digit_group_space(c))
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    if !all_groups || last_group.is_empty() || last_group.len() > 3 {
        return None;
    }
    let group = text.get(after..after + 3)?;
    if !group.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let run = word_run_end(text, after);
    let tail = &text[after + 3..run];
    // "5 000e" is an ordinal; "5 0001" is not a group of three.
    (tail.is_empty() || tail.chars().all(|c| c.is_alphabetic())).then_some(run)
}

/// Whether the hyphen at `hyphen` starts an inverted clitic that ends the word: "a-t-il",
/// "dit-elle", "donne-le".
fn hyphen_starts_clitic(
    words: &WordLists,
    text: &str,
    start: usize,
    hyphen: usize,
    after: usize,
) -> bool {
    let (rest_end, rest) = hyphen_chain(text, after);
    if rest.is_empty() || !words.is_clitic(rest) || rest.chars().any(|c| c.is_uppercase()) {
        return false;
    }
    if char_at(text, rest_end).is_some_and(is_apostrophe) {
        return false;
    }
    let head = &text[start..hyphen];
    // "rendez-vous" is a noun; "a t-il" (for "a-t-il") keeps its "t-il" whole.
    if head.eq_ignore_ascii_case("rendez") || head == "t" {
        return false;
    }
    let subject = matches!(
        rest,
        "il" | "elle" | "on" | "ils" | "elles" | "je" | "tu" | "nous" | "vous" | "ce"
    ) || rest.starts_with("t-");
    subject || head.chars().next().is_some_and(|c| c.is_lowercase())
}

/// The rest of a hyphenated word from `i`: word runs joined by hyphens.
fn hyphen_chain(text: &str, i: usize) -> (usize, &str) {
    let mut end = word_run_end(text, i);
    while let Some(c) = char_at(text, end) {
        let after = end + c.len_utf8();
        if is_hyphen(c) && char_at(text, after).is_some_and(is_word) {
            end = word_run_end(text, after);
        } else {
            break;
        }
    }
    (end, &text[i..end])
}

/// Takes the dot after abbreviations ("M.", "Dr."), initials ("J.", "J.-P.") and dotted
/// acronyms ("U.S.A.").
fn attach_dot(words: &WordLists, text: &str, start: usize, end: usize) -> usize {
    if char_at(text, end) != Some('.') || char_at(text, end + 1) == Some('.') {
        return end;
    }
    let word = &text[start..end];
    let initial = {
        let mut cs = word.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    let dotted_acronym = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if !(initial || dotted_acronym || words.is_abbreviation(word)) {
        return end;
    }
    let mut end = end + 1;
    // "J.-P." and "J.-C.": hyphenated initials.
    while char_at(text, end).is_some_and(is_hyphen) {
        let l = end + 1;
        match (char_at(text, l), char_at(text, l + 1)) {
            (Some(c), _) if !c.is_uppercase() => break,
            (Some(c), Some('.')) if c.len_utf8() == 1 => end = l + 2,
            _ => break,
        }
    }
    end
}

/// An inverted clitic written after its verb: "-t-il" in "a-t-il", "-elle" in "dit-elle".
fn clitic_after_verb(
    words: &WordLists,
    text: &str,
    i: usize,
    adjacent: bool,
    prev: Option<&Token>,
) -> Option<usize> {
    let c = char_at(text, i)?;
    if !adjacent || !is_hyphen(c) || prev.is_none_or(|t| t.kind != TokenKind::Word) {
        return None;
    }
    let (end, rest) = hyphen_chain(text, i + c.len_utf8());
    (!rest.is_empty() && words.is_clitic(rest)).then_some(end)
}

/// "-1", "-0,8": a minus sign that starts a number.
fn signed_number(text: &str, i: usize, c: char, adjacent: bool) -> Option<usize> {
    if adjacent || !matches!(c, '-' | '−' | '+') {
        return None;
    }
    let after = i + c.len_utf8();
    if !char_at(text, after).is_some_and(|d| d.is_ascii_digit()) || c == '+' {
        return None;
    }
    let mut end = word_run_end(text, after);
    while let Some(sep) = char_at(text, end) {
        if matches!(sep, ',' | '.') && char_at(text, end + 1).is_some_and(|d| d.is_ascii_digit()) {
            end = word_run_end(text, end + 1);
        } else {
            break;
        }
    }
    Some(end)
}

/// Punctuation and symbols: runs of dots, of "!?" and of hyphens are one token; a symbol takes
/// the marks, joiners and modifiers that extend it (one emoji is one token).
fn scan_other(text: &str, i: usize, c: char) -> (usize, TokenKind) {
    let mut end = i + c.len_utf8();
    let same_run = |x: char| match c {
        '.' => x == '.',
        '!' | '?' => matches!(x, '!' | '?'),
        '-' => x == '-',
        _ => false,
    };
    while let Some(n) = char_at(text, end) {
        if same_run(n) || is_extending(n) {
            end += n.len_utf8();
            if n == '\u{200d}' {
                if let Some(joined) = char_at(text, end) {
                    if !is_space(joined) {
                        end += joined.len_utf8();
                    }
                }
            }
        } else {
            break;
        }
    }
    let kind = if is_punctuation(c) {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    };
    (end, kind)
}
