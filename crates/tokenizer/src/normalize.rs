//! Normalisation for lookups, never for offsets.
//!
//! Text is never rewritten in place: spans always point into the original. When a token must be
//! compared with a lexicon, these functions give its normalised form, borrowing when nothing
//! changes (the common case) and allocating only when it must.

use std::borrow::Cow;

/// Typographic apostrophes to ASCII ("l’État" -> "l'État"), no-break and thin spaces to spaces,
/// non-ASCII hyphens to "-". Borrows when the text has none of them.
pub fn fold_punctuation(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(needs_fold) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(fold_punctuation_char).collect())
}

fn needs_fold(c: char) -> bool {
    fold_punctuation_char(c) != c
}

fn fold_punctuation_char(c: char) -> char {
    match c {
        '’' | 'ʼ' | '‘' => '\'',
        '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
        '\u{2010}' | '\u{2011}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Lower case with punctuation folded: the key of most lexicon lookups.
pub fn lookup_key(s: &str) -> Cow<'_, str> {
    let folded = fold_punctuation(s);
    if folded.chars().any(char::is_uppercase) {
        Cow::Owned(folded.to_lowercase())
    } else {
        folded
    }
}

/// Removes French diacritics ("État" -> "Etat", "burkinabè" -> "burkinabe"), for matching text
/// whose capitals lost their accents. Borrows when the text is ASCII.
pub fn strip_accents(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(base_letter).collect())
}

/// The char as words are compared: lower case, no accent, ASCII apostrophe and hyphen.
#[inline]
pub fn fold_char(c: char) -> char {
    let c = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if ('\u{c0}'..='\u{de}').contains(&c) && c != '×' {
        // Latin-1 capitals, French's accented ones among them, lie 32 below their small letter.
        base_letter(char::from_u32(c as u32 + 32).unwrap_or(c))
    } else if ('\u{df}'..='\u{ff}').contains(&c) {
        base_letter(c)
    } else {
        let lower = c.to_lowercase().next().unwrap_or(c);
        base_letter(lower)
    };
    match c {
        '’' | 'ʼ' | '‘' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        c => c,
    }
}

/// True when `token` is `word`, ignoring case, accents and apostrophe shapes, without
/// allocating. `word` must be written in lower case without accents ("fevrier", "aujourd'hui").
#[inline(always)]
pub fn same_word(token: &str, word: &str) -> bool {
    if token.len() < word.len() {
        return false;
    }
    // Most calls compare different words: an ASCII first letter tells them apart at once, in
    // the caller's code.
    match (token.as_bytes().first(), word.as_bytes().first()) {
        (Some(&t), Some(&w)) if t.is_ascii() && t.to_ascii_lowercase() != w => false,
        (None, None) => true,
        _ => same_folded(token, word),
    }
}

fn same_folded(token: &str, word: &str) -> bool {
    let mut a = token.chars().map(fold_char);
    let mut b = word.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// Folds a word into `buf` (lower case, no accent, ASCII apostrophe) without allocating, or
/// `None` when it does not fit: no listed word is that long.
pub fn fold_into<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    if word.is_ascii() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        return std::str::from_utf8(out).ok();
    }
    let mut n = 0;
    for c in word.chars().map(fold_char) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The letter without its accent, for the Latin letters French uses.
pub fn base_letter(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'Î' | 'Ï' | 'Í' | 'Ì' => 'I',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'O',
        'û' | 'ü' | 'ù' | 'ú' => 'u',
        'Û' | 'Ü' | 'Ù' | 'Ú' => 'U',
        'ÿ' => 'y',
        'Ÿ' => 'Y',
        'ñ' => 'n',
        'Ñ' => 'N',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_when_nothing_changes() {
        assert!(matches!(fold_punctuation("l'Etat"), Cow::Borrowed(_)));
        assert!(matches!(lookup_key("état"), Cow::Borrowed(_)));
        assert_eq!(fold_punctuation("l’État"), "l'État");
        assert_eq!(lookup_key("L’État"), "l'état");
        assert_eq!(strip_accents("Burkinabè"), "Burkinabe");
    }
}

#[cfg(test)]
mod same_word_tests {
    use super::*;

    #[test]
    fn same_word_folds_case_accents_and_apostrophes() {
        for (token, word, same) in [
            ("Février", "fevrier", true),
            ("FÉVRIER", "fevrier", true),
            ("Aujourd’hui", "aujourd'hui", true),
            ("l’", "l'", true),
            ("É", "e", true),
            ("", "", true),
            ("", "a", false),
            ("a", "", false),
            ("Mars", "mai", false),
            ("mars", "marsa", false),
            ("été", "ete", true),
            ("xété", "ete", false),
        ] {
            assert_eq!(same_word(token, word), same, "{token} / {word}");
        }
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    #[test]
    fn latin1_fast_path_folds_as_unicode_does() {
        for c in '\u{c0}'..='\u{ff}' {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let slow = match base_letter(lower) {
                '’' | 'ʼ' | '‘' => '\'',
                x => x,
            };
            assert_eq!(fold_char(c), slow, "{c}");
        }
    }
}
