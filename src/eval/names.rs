//! Whether a predicted name or phrase names the person or body a gold annotation names.
//!
//! Strict on purpose: a pronoun, or a description that states no name ("le syndicaliste"),
//! names nobody; "M. Vavassori" names "Denis Vavassori" and "Le Parisien" names "Le Parisien".

use fouille_tokenizer::normalize::fold_char;

/// Words that name nothing by themselves: determiners, pronouns, titles, particles.
const EMPTY: &[&str] = &[
    "a", "au", "aux", "ce", "cet", "cette", "d", "de", "des", "du", "elle", "elles", "en", "et",
    "eux", "il", "ils", "l", "la", "le", "les", "leur", "lui", "m", "mme", "mr", "on", "qui", "sa",
    "se", "ses", "son", "un", "une", "y",
];

/// The words that carry the name: folded (lower case, no accent), split at anything that is
/// not a letter or a digit, without the empty words.
pub fn name_words(s: &str) -> Vec<String> {
    s.chars()
        .map(fold_char)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !EMPTY.contains(w))
        .map(str::to_owned)
        .collect()
}

/// True when `candidate` names what `gold` names: the words of one are all among the words of
/// the other, and there is at least one.
pub fn names(candidate: &str, gold: &str) -> bool {
    let (c, g) = (name_words(candidate), name_words(gold));
    if c.is_empty() || g.is_empty() {
        return false;
    }
    c.iter().all(|w| g.contains(w)) || g.iter().all(|w| c.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_what_names_nobody() {
        assert!(names("M. Vavassori", "Denis Vavassori"));
        assert!(names("Le Parisien", "Le Parisien"));
        assert!(names("Édouard Philippe", "Edouard Philippe"));
        assert!(!names("il", "Édouard Philippe"));
        assert!(!names("lui", "Nicolas Sarkozy"));
        assert!(!names("le syndicaliste", "Denis Vavassori"));
        assert!(!names("Gérard Collomb", "Nicolas Sarkozy"));
        assert!(names(
            "une guide touristique américaine",
            "une guide touristique américaine"
        ));
    }
}
