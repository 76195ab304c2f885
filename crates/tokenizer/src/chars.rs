//! Character classes that segmentation needs, beyond what `char` offers.

/// Whitespace and invisible characters that separate tokens and never belong to one: spaces of
/// every width, the byte order mark, zero-width spaces, direction marks, and control characters
/// (NUL included) so that garbage never becomes a token; the ones of [`is_control_break`] also
/// part the tokens around them.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        // ASCII whitespace and controls: everything up to the space, and DEL.
        return c <= ' ' || c == '\x7f';
    }
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{202a}'
                ..='\u{202e}'
        )
}

/// Control characters that are not whitespace: NUL, U+0001 to U+0008, U+000E to U+001F, DEL
/// and the C1 controls but NEL. Like spaces they are in no token; unlike spaces they part the
/// tokens around them for good, as they stand for garbage or a lost character: no mention spans
/// across one.
#[inline]
pub fn is_control_break(c: char) -> bool {
    if c.is_ascii() {
        return (c < ' ' && !('\t'..='\r').contains(&c)) || c == '\x7f';
    }
    c.is_control() && c != '\u{85}'
}

/// Characters that extend the character before them: combining marks, joiners, variation
/// selectors and emoji skin tones. They are always part of the preceding token.
#[inline]
pub fn is_extending(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05c7}'
        | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0670}'
        | '\u{06d6}'..='\u{06ed}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093a}'..='\u{094f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{200c}' | '\u{200d}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0100}'..='\u{e01ef}'
    )
}

/// Letters and digits, with the marks that extend them.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // French accented letters, without the Unicode tables.
    if ('\u{c0}'..='\u{ff}').contains(&c) {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || is_extending(c)
}

/// Apostrophes: ASCII and typographic.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Hyphens that join compound words.
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Spaces that may separate groups of three digits in a number ("2 000").
#[inline]
pub fn is_digit_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Marks that end a sentence.
#[inline]
pub fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Tokens that close a quotation or a parenthesis.
#[inline]
pub fn is_closing(s: &str) -> bool {
    matches!(s, "»" | "”" | "\"" | "’" | "'" | ")" | "]" | "›")
}

/// Tokens that may open a sentence without a capital letter.
#[inline]
pub fn is_opening(s: &str) -> bool {
    matches!(
        s,
        "«" | "“" | "\"" | "(" | "[" | "—" | "–" | "-" | "¿" | "¡" | "‹" | "„" | "•" | "*"
    )
}

/// General punctuation, as opposed to other symbols.
#[inline]
pub fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '«' | '»' | '‹' | '›' | '¡' | '¿' | '·' | '§' | '¶')
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205e}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
}
