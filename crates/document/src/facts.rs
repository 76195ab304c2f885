//! What a token's shape and the lexicon say of it.

use fouille_lexicon::{FirstNameInfo, Lexicon, MoodTense, PartsOfSpeech, Pos};

/// What is known of one token before any stage reads it: its shape, what the lexicon says of
/// it, and where it stands in its sentence. Tokens that are not words have none of it.
///
/// What a capital may hide (`common`, `function_word`, `first_name`) is looked up for
/// capitalised words only, the only ones that may be names; what a verb may be (`finite`,
/// `participle`), for words in lower case only, the only ones that may be verbs. The two places
/// in a sentence are two stages' readings: the recogniser takes no capital at
/// `starts_sentence` for a name, the claim extractor reads the parts of speech of a capitalised
/// word only `in_sentence_head`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TokenFacts {
    /// A word that starts with a capital.
    pub capitalized: bool,
    /// A word that starts in lower case.
    pub lowercase: bool,
    /// A capitalised word written in capitals only, with two letters or more: "ONU".
    pub all_caps: bool,
    /// An initial: "J.", "J.-P.".
    pub initial: bool,
    /// A capitalised word that is a French common word in lower case ("Rose", "Le"), or an
    /// abbreviation or acronym listed as written ("M.", "ONG").
    pub common: bool,
    /// A capitalised word that is, in lower case, a determiner, preposition, pronoun or
    /// conjunction: "Le", "Des" are given names somewhere, but articles at the head of a French
    /// phrase.
    pub function_word: bool,
    /// A capitalised word that is a given name.
    pub first_name: Option<FirstNameInfo>,
    /// The parts of speech of the word in lower case.
    pub pos: PartsOfSpeech,
    /// The finite verb a word in lower case can be, when it cannot be a pronoun, determiner or
    /// preposition; the auxiliaries first ("est" is "être").
    pub finite: Option<FiniteVerb>,
    /// The lemma of the past participle a word in lower case can be.
    pub participle: Option<&'static str>,
    /// The first token of its sentence, or the first after an opening quote, a dash, a
    /// parenthesis, a colon or a bullet: where a capital says nothing of a name.
    pub starts_sentence: bool,
    /// One of the first two tokens of its sentence: where a capitalised word may be the
    /// common word it is in lower case ("Selon", "« Nous").
    pub in_sentence_head: bool,
}

/// A finite verb form: its lemma and its mood and tense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FiniteVerb {
    /// The infinitive: "être" for "est".
    pub lemma: &'static str,
    /// Its mood and tense.
    pub mood_tense: MoodTense,
}

impl TokenFacts {
    /// A word that may be part of a name wherever it stands: capitalised and not a common word
    /// (unless written in capitals), or an initial.
    #[inline]
    pub fn proper(&self) -> bool {
        self.initial || (self.capitalized && (!self.common || self.all_caps))
    }

    /// What the shape of a word token and the lexicon say of it, wherever it stands.
    pub(crate) fn of_word(lexicon: &Lexicon, word: &str) -> TokenFacts {
        let first = word.chars().next();
        let capitalized = first.is_some_and(char::is_uppercase);
        let lowercase = first.is_some_and(char::is_lowercase);
        let mut buf = [0u8; 64];
        let form = if lowercase {
            Some(word)
        } else {
            lower_into(word, &mut buf)
        };
        let info = form.and_then(|form| lexicon.word(form));
        let pos = info.map(|x| x.parts_of_speech()).unwrap_or_default();
        let mut facts = TokenFacts {
            capitalized,
            lowercase,
            pos,
            ..TokenFacts::default()
        };
        if capitalized {
            facts.all_caps = is_all_caps(word);
            facts.initial = is_initial(word);
            // Abbreviations and acronyms are listed as written: "M.", "ONG".
            facts.common = info.is_some()
                || (facts.all_caps || word.contains('.')) && lexicon.is_common_word(word);
            facts.function_word = [
                Pos::Determiner,
                Pos::Preposition,
                Pos::Pronoun,
                Pos::Conjunction,
            ]
            .into_iter()
            .any(|p| pos.contains(p));
            facts.first_name = lexicon.first_name(word);
        }
        if let Some(info) = info.filter(|_| lowercase) {
            let function_word = pos.contains(Pos::Pronoun)
                || pos.contains(Pos::Determiner)
                || pos.contains(Pos::Preposition);
            for a in info.verb_analyses() {
                if a.mood_tense == MoodTense::PastParticiple {
                    facts.participle.get_or_insert(a.lemma);
                } else if a.mood_tense.is_finite()
                    && !function_word
                    && (facts.finite.is_none() || matches!(a.lemma, "être" | "avoir"))
                {
                    facts.finite = Some(FiniteVerb {
                        lemma: a.lemma,
                        mood_tense: a.mood_tense,
                    });
                }
            }
        }
        facts
    }
}

/// True when every letter of the word is a capital and it has at least two letters.
pub(crate) fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// "J.", "J.-P.", "G.": a capital and a dot, possibly hyphenated.
fn is_initial(w: &str) -> bool {
    w.ends_with('.') && w.split('-').all(|part| {
        let mut cs = part.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_initial("J.") && is_initial("J.-P.") && !is_initial("M") && !is_initial("Mme."));
        assert!(is_all_caps("ONU") && !is_all_caps("A") && !is_all_caps("Onu"));
        let mut buf = [0u8; 64];
        assert_eq!(lower_into("ÉTAT", &mut buf), Some("état"));
        assert_eq!(lower_into(&"A".repeat(65), &mut buf), None);
    }

    #[test]
    fn what_a_capital_and_a_verb_may_be() {
        let lexicon = Lexicon::shared();
        let of = |w| TokenFacts::of_word(lexicon, w);
        let le = of("Le");
        assert!(le.capitalized && le.common && le.function_word && !le.proper());
        let kassoum = of("Kassoum");
        assert!(kassoum.proper() && kassoum.first_name.is_some_and(|n| !n.ambiguous));
        let onu = of("ONU");
        assert!(onu.all_caps && onu.proper());
        // Only a word in lower case may be a verb; a capitalised one keeps its parts of speech.
        let est = of("est");
        assert_eq!(est.finite.map(|v| v.lemma), Some("être"));
        assert!(est.lowercase && est.first_name.is_none() && !est.common);
        assert!(of("Est").finite.is_none() && of("Est").pos.contains(Pos::Verb));
        assert_eq!(of("annoncé").participle, Some("annoncer"));
        assert_eq!(of("a").finite.map(|v| v.lemma), Some("avoir"));
    }
}
