//! Comparing tokens with words, ignoring case, accents and the shape of apostrophes, without
//! allocating.

pub use fouille_tokenizer::normalize::{fold_char, same_word};

/// The index in `words` of the word `token` is, if any.
#[inline]
pub fn which_word(token: &str, words: &[&str]) -> Option<usize> {
    words.iter().position(|w| same_word(token, w))
}

/// True when the token starts with a capital letter.
#[inline]
pub fn is_capitalized(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter of the token is a capital and it has at least two letters.
#[inline]
pub fn is_all_caps(token: &str) -> bool {
    let mut letters = 0;
    for c in token.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// True when the token's first letter is lower case.
#[inline]
pub fn is_lowercase_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert!(same_word("Février", "fevrier"));
        assert!(same_word("AOÛT", "aout"));
        assert!(same_word("aujourd’hui", "aujourd'hui"));
        assert!(!same_word("févriers", "fevrier"));
        assert!(!same_word("fév", "fevrier"));
        assert_eq!(which_word("Mars", &["janvier", "fevrier", "mars"]), Some(2));
        assert!(is_all_caps("ONU") && !is_all_caps("A") && !is_all_caps("Onu"));
    }
}
