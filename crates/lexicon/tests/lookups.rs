//! Lookups of French words, names and odd inputs through the public API.

use fouille_lexicon::{Gender, Lexicon, MoodTense, Pos, VerbAnalysis};

fn lexicon() -> &'static Lexicon {
    Lexicon::shared()
}

fn analyses(form: &str) -> Vec<VerbAnalysis> {
    lexicon().verb_analyses(form).collect()
}

fn finite(lemma: &'static str, mood_tense: MoodTense, person: u8, plural: bool) -> VerbAnalysis {
    VerbAnalysis {
        lemma,
        mood_tense,
        person: Some(person),
        plural,
        feminine: None,
    }
}

#[test]
fn espere_is_present_third_person_singular_of_esperer() {
    let found = analyses("espère");
    assert!(found.contains(&finite("espérer", MoodTense::Present, 3, false)));
    assert!(found.contains(&finite("espérer", MoodTense::Present, 1, false)));
    assert!(found.contains(&finite("espérer", MoodTense::Subjunctive, 3, false)));
    assert!(found.contains(&finite("espérer", MoodTense::Imperative, 2, false)));
    assert!(!found.iter().any(|a| a.plural || a.lemma != "espérer"));
    assert_eq!(lexicon().lemma("espère"), Some("espérer"));
}

#[test]
fn effectue_is_a_masculine_singular_past_participle() {
    let expected = VerbAnalysis {
        lemma: "effectuer",
        mood_tense: MoodTense::PastParticiple,
        person: None,
        plural: false,
        feminine: Some(false),
    };
    assert_eq!(analyses("effectué"), [expected]);
    let feminine_plural = analyses("effectuées");
    assert_eq!(feminine_plural.len(), 1);
    assert!(feminine_plural[0].plural && feminine_plural[0].feminine == Some(true));
}

#[test]
fn auxiliaries_in_their_tenses() {
    assert_eq!(
        analyses("aurait"),
        [finite("avoir", MoodTense::Conditional, 3, false)]
    );
    assert_eq!(
        analyses("seront"),
        [finite("être", MoodTense::Future, 3, true)]
    );
    assert_eq!(
        analyses("a"),
        [finite("avoir", MoodTense::Present, 3, false)]
    );
    for form in ["a", "est", "sont", "été", "aurait"] {
        assert!(lexicon().word(form).unwrap().is(Pos::Auxiliary), "{form}");
    }
}

#[test]
fn lemmas_prefer_the_most_useful_verb() {
    let expected = [
        ("été", "être"),
        ("est", "être"),
        ("a", "avoir"),
        ("dit", "dire"),
        ("effectué", "effectuer"),
        ("suis", "être"),
        ("sommes", "être"),
        ("saurions", "savoir"),
        ("mises", "mettre"),
        ("annoncé", "annoncer"),
        ("déclaré", "déclarer"),
        ("estime", "estimer"),
        ("affirmait", "affirmer"),
    ];
    for (form, lemma) in expected {
        assert_eq!(lexicon().lemma(form), Some(lemma), "{form}");
    }
    // Every analysis of "suis" is kept, être's first.
    let lemmas: Vec<&str> = analyses("suis").iter().map(|a| a.lemma).collect();
    assert_eq!(lemmas.first(), Some(&"être"));
    assert!(lemmas.contains(&"suivre"));
}

#[test]
fn words_with_several_parts_of_speech() {
    let est = lexicon().word("est").unwrap();
    assert!(est.is(Pos::Noun) && est.is(Pos::Verb) && !est.is(Pos::Preposition));
    let ete = lexicon().word("été").unwrap();
    assert!(ete.is(Pos::Noun) && ete.is(Pos::Verb));
    assert_eq!(lexicon().lemma("maison"), None);
    assert!(lexicon().word("maison").unwrap().is(Pos::Noun));
    assert!(lexicon().word("parce que").unwrap().is(Pos::Conjunction));
    assert!(lexicon().word("porte-parole").unwrap().is(Pos::Noun));
    assert!(lexicon().word("-t-il").unwrap().is(Pos::Pronoun));
}

#[test]
fn dropped_forms_are_absent() {
    // 1st/2nd person passé simple and imperfect subjunctive are not kept.
    assert!(lexicon().word("parlâmes").is_none());
    assert!(analyses("vis").iter().all(|a| a.lemma == "vivre"));
    // Third-person passé simple is.
    assert!(analyses("parla").contains(&finite("parler", MoodTense::PastSimple, 3, false)));
}

#[test]
fn typographic_apostrophes_find_ascii_ones() {
    let ascii = lexicon().word("aujourd'hui").unwrap();
    let typographic = lexicon().word("aujourd’hui").unwrap();
    assert_eq!(ascii.form(), typographic.form());
    assert!(lexicon().word("qu’").is_some());
    assert!(lexicon().is_common_word("L’"));
    assert!(lexicon().proper_noun("Côte d’Ivoire").is_some());
}

#[test]
fn common_words_are_found_capitalised_too() {
    assert!(lexicon().is_common_word("rose"));
    assert!(lexicon().is_common_word("Rose"));
    assert!(lexicon().is_common_word("Mme"));
    assert!(!lexicon().is_common_word("Kassoum"));
    assert!(!lexicon().is_common_word("Ouagadougou"));
    assert!(lexicon().word("Rose").is_none(), "word() matches exactly");
}

#[test]
fn proper_nouns_keep_their_form_and_give_lefffs_lemma() {
    let aachen = lexicon().proper_noun("Aachen").unwrap();
    assert_eq!(aachen.canonical, "Aix-la-Chapelle");
    let paris = lexicon().proper_noun("Paris").unwrap();
    assert_eq!(paris.canonical, "Paris");
    let usa = lexicon().proper_noun("USA").unwrap();
    assert_eq!(usa.plural, Some(true));
    assert!(lexicon().proper_noun("paris").is_none());
}

#[test]
fn first_names_with_gender_and_ambiguity() {
    let first = |name| lexicon().first_name(name);
    assert_eq!(first("Célestin").map(|n| n.gender), Some(Gender::Masculine));
    assert_eq!(first("Claire").map(|n| n.gender), Some(Gender::Feminine));
    assert_eq!(first("Camille").map(|n| n.gender), Some(Gender::Both));
    assert_eq!(first("Jean").map(|n| n.gender), Some(Gender::Masculine));
    assert!(first("Pierre").is_some_and(|n| n.ambiguous));
    assert!(first("Rose").is_some_and(|n| n.ambiguous));
    assert!(first("Mamadou").is_some_and(|n| !n.ambiguous));
    assert!(first("Volodymyr").is_some());
    assert!(first("maison").is_none());
}

#[test]
fn odd_inputs_find_nothing_and_do_not_panic() {
    let long = "’".repeat(500);
    let odd = [
        "",
        " ",
        "\t",
        "\n",
        "’",
        "ʼ",
        "İ",
        "ǅ",
        "\u{0}",
        "a\u{301}",
        long.as_str(),
        "ÉTÉ",
        "=",
        ";",
        "4érer",
    ];
    for input in odd {
        let lexicon = lexicon();
        let _ = lexicon.word(input);
        assert_eq!(
            lexicon.verb_analyses(input).count() > 0,
            lexicon.lemma(input).is_some()
        );
        let _ = lexicon.is_common_word(input);
        let _ = lexicon.proper_noun(input);
        let _ = lexicon.first_name(input);
    }
    assert!(lexicon().word(&long).is_none());
}

#[test]
fn the_lexicon_is_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Lexicon>();
    let lexicon = lexicon();
    std::thread::scope(|scope| {
        let handles: Vec<_> = ["dit", "a", "été"]
            .into_iter()
            .map(|form| scope.spawn(move || lexicon.lemma(form)))
            .collect();
        let lemmas: Vec<_> = handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect();
        assert_eq!(lemmas, [Some("dire"), Some("avoir"), Some("être")]);
    });
}
