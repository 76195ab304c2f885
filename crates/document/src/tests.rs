use super::*;
use fouille_tokenizer::Tokenizer;

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn documents_and_tables_are_shareable() {
    assert_send_sync::<Document<'static>>();
    assert_send_sync::<WordTable<u32>>();
}

#[test]
fn accessors_look_past_either_end() {
    let seg = Tokenizer::new().segment("L’État a dit non.");
    let doc = Document::new(&seg);
    assert_eq!((doc.word(0), doc.word(1), doc.word(9)), ("L’", "État", ""));
    assert_eq!((doc.before(0), doc.before(1)), ("", "L’"));
    assert!(doc.is(0, "l'") && doc.is(1, "etat") && !doc.is(9, "non"));
    assert!(doc.is_any(3, &["oui", "dit"]));
    assert!(doc.touches_previous(1) && !doc.touches_previous(0) && !doc.touches_previous(2));
    assert_eq!(doc.span(0, 2).text(seg.text), "L’État");
    assert_eq!(doc.span(2, 2), Span::default());
    assert_eq!(doc.span(3, 10), Span::default());
    assert_eq!(doc.finite_verb(9), None);
    assert_eq!(doc.facts().len(), seg.tokens.len());
}

#[test]
fn tokens_that_are_not_words_have_no_facts() {
    let seg = Tokenizer::new().segment("Il a payé 2 000 € (voir www.exemple.fr).");
    let doc = Document::new(&seg);
    for (t, f) in seg.tokens.iter().zip(doc.facts()) {
        if t.kind != TokenKind::Word {
            let positional = TokenFacts {
                starts_sentence: f.starts_sentence,
                in_sentence_head: f.in_sentence_head,
                ..TokenFacts::default()
            };
            assert_eq!(*f, positional, "{:?}", t.text(seg.text));
        }
    }
}

#[test]
fn where_tokens_stand_in_their_sentence() {
    let text = "Le président parle. « Nous partons » : Paris attend. Oui.";
    let seg = Tokenizer::new().segment(text);
    let doc = Document::new(&seg);
    let at = |w: &str| (0..seg.tokens.len()).find(|&i| doc.word(i) == w).unwrap();
    let f = doc.facts();
    assert!(f[at("Le")].starts_sentence && f[at("Le")].in_sentence_head);
    assert!(!f[at("président")].starts_sentence && f[at("président")].in_sentence_head);
    assert!(f[at("«")].starts_sentence && f[at("Nous")].starts_sentence);
    assert!(f[at("Nous")].in_sentence_head && !f[at("partons")].in_sentence_head);
    assert!(f[at("Paris")].starts_sentence && !f[at("Paris")].in_sentence_head);
    assert!(f[at("Oui")].starts_sentence && !f[at("attend")].starts_sentence);
}

#[test]
fn a_word_has_the_same_facts_and_id_from_document_to_document() {
    let tokenizer = Tokenizer::new();
    let first = tokenizer.segment("Le pays attend. Kassoum Ouédraogo est venu.");
    let second = tokenizer.segment("Kassoum Ouédraogo est venu. Le pays attend.");
    let (a, b) = (Document::new(&first), Document::new(&second));
    assert_eq!(a.generation, b.generation);
    for i in 0..first.tokens.len() {
        let j = (0..second.tokens.len())
            .find(|&j| b.word(j) == a.word(i))
            .unwrap();
        let (x, y) = (a.facts()[i], b.facts()[j]);
        let (x, y) = (
            TokenFacts {
                starts_sentence: false,
                in_sentence_head: false,
                ..x
            },
            TokenFacts {
                starts_sentence: false,
                in_sentence_head: false,
                ..y
            },
        );
        assert_eq!(x, y, "{}", a.word(i));
        assert_eq!(a.word_ids[i], b.word_ids[j], "{}", a.word(i));
    }
    assert!(a.facts()[4].first_name.is_some(), "Kassoum is a given name");
}

#[test]
fn word_tables_forget_another_generation() {
    let seg = Tokenizer::new().segment("Le pays attend.");
    let doc = Document::new(&seg);
    let mut table: WordTable<u32> = WordTable::new();
    assert_eq!(table.of_words(&doc, |w| w.len() as u32), [2, 4, 6, 0]);
    // The same ids in another generation are other words.
    let mut other = doc.clone();
    other.generation += 1_000_000;
    assert_eq!(table.of_words(&other, |_| 7), [7, 7, 7, 0]);
    assert_eq!(table.of_words(&other, |_| 8), [7, 7, 7, 0], "kept");
}
