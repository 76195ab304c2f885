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
    Cow::Owned(s.chars().map(fold_char).collect())
}

fn needs_fold(c: char) -> bool {
    fold_char(c) != c
}

fn fold_char(c: char) -> char {
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
