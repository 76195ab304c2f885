//! Segmentation cases, as data: input, then the expected tokens separated by " | ".

use crate::{CharOffsets, Tokenizer};

const TOKEN_CASES: &[(&str, &str)] = &[
    // Elision, both apostrophes, and words that keep their apostrophe.
    ("l’État", "l’ | État"),
    ("l'État", "l' | État"),
    (
        "d’un j’ai m’a n’est s’il t’en qu’il",
        "d’ | un | j’ | ai | m’ | a | n’ | est | s’ | il | t’ | en | qu’ | il",
    ),
    (
        "jusqu’à lorsqu’il puisqu’elle quoiqu’on",
        "jusqu’ | à | lorsqu’ | il | puisqu’ | elle | quoiqu’ | on",
    ),
    (
        "presqu’île presqu’entière",
        "presqu’île | presqu’ | entière",
    ),
    ("aujourd’hui aujourd'hui", "aujourd’hui | aujourd'hui"),
    ("L’Afrique Qu’importe", "L’ | Afrique | Qu’ | importe"),
    ("que l'on dit", "que | l'on | dit"),
    ("quelqu’un O'Hara", "quelqu’un | O'Hara"),
    // Hyphens: compounds stay whole, inverted subjects split.
    ("chef d’état-major", "chef | d’ | état-major"),
    (
        "Al-Qaïda Bosnie-Herzégovine porte-parole",
        "Al-Qaïda | Bosnie-Herzégovine | porte-parole",
    ),
    ("a-t-il dit-elle", "a | -t-il | dit | -elle"),
    ("conclut-il.", "conclut | -il | ."),
    ("a t-il dit", "a | t-il | dit"),
    (
        "Faut-il Est-ce Peut-on",
        "Faut | -il | Est | -ce | Peut | -on",
    ),
    (
        "Vitry-le-François rendez-vous donne-le",
        "Vitry-le-François | rendez-vous | donne | -le",
    ),
    ("Sainte-Anne-d'Auray", "Sainte-Anne-d'Auray"),
    // Numbers.
    ("2 000 morts", "2 000 | morts"),
    (
        "2\u{a0}000 et 2\u{202f}000",
        "2\u{a0}000 | et | 2\u{202f}000",
    ),
    ("1 500 000 euros", "1 500 000 | euros"),
    ("en 2008 200 personnes", "en | 2008 | 200 | personnes"),
    (
        "3,5 % 1er XXe 11h30 12/03/2023",
        "3,5 | % | 1er | XXe | 11h30 | 12/03/2023",
    ),
    ("de 1,9% à -0,6%.", "de | 1,9 | % | à | -0,6 | % | ."),
    ("2007-2008 et 1-0", "2007-2008 | et | 1-0"),
    // Abbreviations and initials.
    (
        "M. Mme Mlle MM. Me Dr Pr Mgr",
        "M. | Mme | Mlle | MM. | Me | Dr | Pr | Mgr",
    ),
    (
        "le gén. Dupont, av. J.-C.",
        "le | gén. | Dupont | , | av. | J.-C.",
    ),
    (
        "J.-P. Sartre et G. W. Bush",
        "J.-P. | Sartre | et | G. | W. | Bush",
    ),
    ("aux U.S.A. hier", "aux | U.S.A. | hier"),
    ("etc. Puis", "etc | . | Puis"),
    // Quotes and punctuation.
    (
        "« Oui ! », a-t-il dit…",
        "« | Oui | ! | » | , | a | -t-il | dit | …",
    ),
    ("“Non”... \"Si\"", "“ | Non | ” | ... | \" | Si | \""),
    ("Quoi ?!", "Quoi | ?!"),
    // Addresses, symbols, emoji.
    (
        "voir https://actu.orange.fr/a-b.html.",
        "voir | https://actu.orange.fr/a-b.html | .",
    ),
    (
        "écrire à jean.dupont@example.fr",
        "écrire | à | jean.dupont@example.fr",
    ),
    (
        "bravo 👍🏽 👨\u{200d}👩\u{200d}👧 !",
        "bravo | 👍🏽 | 👨\u{200d}👩\u{200d}👧 | !",
    ),
    ("e\u{301}te\u{301}", "e\u{301}te\u{301}"),
    ("\u{feff}Titre", "Titre"),
    ("a\0b", "a | b"),
];

fn tokens(text: &str) -> String {
    let seg = Tokenizer::new().segment(text);
    seg.tokens
        .iter()
        .map(|t| t.text(text))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn token_cases() {
    let mut failures = Vec::new();
    for &(input, expected) in TOKEN_CASES {
        let got = tokens(input);
        if got != expected {
            failures.push(format!(
                "{input:?}\n  expected {expected}\n       got {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

const SENTENCE_CASES: &[(&str, &[&str])] = &[
    ("Il part. Elle reste.", &["Il part.", "Elle reste."]),
    (
        "M. Dupont est là. Mme Durand aussi.",
        &["M. Dupont est là.", "Mme Durand aussi."],
    ),
    (
        "« Je viens ! », a-t-il dit. Puis il est parti.",
        &["« Je viens ! », a-t-il dit.", "Puis il est parti."],
    ),
    ("« C'est fini. » Il part.", &["« C'est fini. »", "Il part."]),
    (
        "Titre sans point\nLe texte suit.",
        &["Titre sans point", "Le texte suit."],
    ),
    (
        "Titre\r\n\r\nCorps du texte.",
        &["Titre", "Corps du texte."],
    ),
    (
        "une ligne coupée\nen deux. Fin.",
        &["une ligne coupée\nen deux.", "Fin."],
    ),
    (
        "En 2008, J.-P. Sartre... non.",
        &["En 2008, J.-P. Sartre... non."],
    ),
    (
        "Il a dit : « Non. » et il est parti.",
        &["Il a dit : « Non. » et il est parti."],
    ),
    (
        "Le 3 mai. 2000 personnes.",
        &["Le 3 mai.", "2000 personnes."],
    ),
    (
        "la Libye. promulgation de la loi.",
        &["la Libye.", "promulgation de la loi."],
    ),
    (
        "environ 3 km env. de large.",
        &["environ 3 km env. de large."],
    ),
    (
        "les plats, etc. et le vin.",
        &["les plats, etc. et le vin."],
    ),
    ("des titres ; Il partit.", &["des titres ;", "Il partit."]),
    ("la France ; le Mali.", &["la France ; le Mali."]),
    (
        "Il a dit \"Non. \" Elle rit.",
        &["Il a dit \"Non. \"", "Elle rit."],
    ),
    ("Il a dit. \"Non.\"", &["Il a dit.", "\"Non.\""]),
    ("", &[]),
    ("   \n\n ", &[]),
];

#[test]
fn sentence_cases() {
    let tokenizer = Tokenizer::new();
    let mut failures = Vec::new();
    for &(input, expected) in SENTENCE_CASES {
        let seg = tokenizer.segment(input);
        let got: Vec<&str> = seg.sentences.iter().map(|s| s.span.text(input)).collect();
        if got != expected {
            failures.push(format!(
                "{input:?}\n  expected {expected:?}\n       got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn sentences_cover_every_token_once() {
    let text = "Un. Deux !\nTrois « quatre » cinq\n\nSix";
    let seg = Tokenizer::new().segment(text);
    let mut next = 0;
    for s in &seg.sentences {
        assert_eq!(s.tokens.start, next);
        assert!(s.tokens.end > s.tokens.start);
        next = s.tokens.end;
    }
    assert_eq!(next, seg.tokens.len());
    let lines: Vec<usize> = seg.sentences.iter().map(|s| s.line).collect();
    assert_eq!(lines, [0, 0, 1, 2]);
}

#[test]
fn offsets_point_into_the_original() {
    let text = "\u{feff}L’État a dit\u{a0}: « 2\u{202f}000 » 😀\r\nFin.";
    let seg = Tokenizer::new().segment(text);
    let chars = CharOffsets::new(text);
    let as_chars: Vec<char> = text.chars().collect();
    for t in &seg.tokens {
        let r = chars.char_range(t.span);
        let by_chars: String = as_chars[r].iter().collect();
        assert_eq!(by_chars, t.text(text));
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
    }
}

#[test]
fn text_without_sentence_ends_is_cut_into_bounded_sentences() {
    let text = "mot ".repeat(1000);
    let seg = Tokenizer::new().segment(&text);
    assert_eq!(seg.tokens.len(), 1000);
    let lengths: Vec<usize> = seg.sentences.iter().map(|s| s.tokens.len()).collect();
    assert_eq!(lengths, [400, 400, 200]);
}

#[test]
fn control_characters_part_tokens_that_whitespace_only_separates() {
    let tokenizer = Tokenizer::new();
    for (text, parted) in [
        ("Emmanuel\0 Macron", true),
        ("Emmanuel\u{1}Macron", true),
        ("Emmanuel \u{7f} Macron", true),
        ("Emmanuel\u{9c}Macron", true),
        ("Emmanuel Macron", false),
        ("Emmanuel\t\u{b}\u{c}\r\n\u{85}Macron", false),
        ("Emmanuel\u{a0}\u{200b}Macron", false),
    ] {
        let seg = tokenizer.segment(text);
        let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["Emmanuel", "Macron"], "{text:?}");
        let flags: Vec<bool> = seg.tokens.iter().map(|t| t.after_control).collect();
        assert_eq!(flags, [false, parted], "{text:?}");
    }
    // A control character before the first token parts nothing.
    assert!(!tokenizer.segment("\0Macron").tokens[0].after_control);
}
