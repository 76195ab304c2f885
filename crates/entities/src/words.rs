//! Comparing tokens with words, ignoring case, accents and the shape of apostrophes, without
//! allocating.

pub use fouille_tokenizer::normalize::{fold_char, same_word};

/// The index in `words` of the word `token` is, if any.
#[inline]
pub fn which_word(token: &str, words: &[&str]) -> Option<usize> {
    words.iter().position(|w| same_word(token, w))
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
    }
}
