//! Whatever the text, the analysis is well formed: spans in bounds, on character boundaries, in
//! order; indexes that point at something; a JSON line that parses. And it never panics.

mod common;

use fouille_pipeline::{Article, Date, OutputOptions, Pipeline};
use fouille_tokenizer::Span;
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: {span:?} runs backwards");
    assert!(span.end <= text.len(), "{what}: {span:?} out of bounds");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} cuts a character"
    );
}

fn check(text: &str) {
    let article = Article {
        date: Some(Date::parse("2023-11-30").unwrap()),
        ..Article::new("prop", text)
    };
    let analysis = pipeline().analyze(&article);
    let seg = &analysis.segmentation;
    let mut last_end = 0;
    for t in &seg.tokens {
        assert_span(text, t.span, "token");
        assert!(t.span.start >= last_end, "tokens overlap or go back");
        assert!(t.span.start < t.span.end, "empty token");
        last_end = t.span.end;
    }
    let mut next = 0;
    for s in &seg.sentences {
        assert_span(text, s.span, "sentence");
        assert_eq!(
            s.tokens.start, next,
            "sentences cover every token once, in order"
        );
        assert!(s.tokens.end > s.tokens.start && s.tokens.end <= seg.tokens.len());
        next = s.tokens.end;
    }
    assert_eq!(next, seg.tokens.len());
    let found = &analysis.recognized;
    let order = |s: Span| (s.start, std::cmp::Reverse(s.end));
    for pair in found.mentions.windows(2) {
        assert!(
            order(pair[0].span) <= order(pair[1].span),
            "mentions in text order, longest first: {:?} then {:?}",
            pair[0].span,
            pair[1].span
        );
    }
    for m in &found.mentions {
        assert_span(text, m.span, "mention");
        assert!(m.span.start < m.span.end, "empty mention");
        assert!(m.sentence < seg.sentences.len());
        assert!(m.entity.is_none_or(|e| e < found.entities.len()));
    }
    for e in &found.entities {
        assert!(!e.mentions.is_empty());
        assert!(e.mentions.iter().all(|&m| m < found.mentions.len()));
        for &r in e.rank.iter().chain(&e.roles) {
            assert_span(text, r, "rank or role");
        }
    }
    let entity_ok = |e: Option<usize>| e.is_none_or(|e| e < found.entities.len());
    for c in &analysis.claims {
        assert_span(text, c.span, "claim");
        assert!(c.sentence < seg.sentences.len());
        if let Some(s) = &c.subject {
            assert_span(text, s.span, "subject");
            assert!(entity_ok(s.entity));
        }
        if let Some(p) = &c.predicate {
            assert_span(text, p.span, "predicate");
        }
        if let Some(o) = &c.object {
            assert_span(text, o.span, "object");
            assert!(o.entities.iter().all(|&e| entity_ok(Some(e))));
        }
        if let Some(a) = &c.attribution {
            assert_span(text, a.source.span, "source");
            assert_span(text, a.content, "content");
            assert!(entity_ok(a.source.entity));
            if let Some(cue) = &a.cue {
                assert_span(text, cue.span, "cue");
            }
        }
        assert!(c.time.is_none_or(|m| m < found.mentions.len()));
        assert!(entity_ok(c.place));
    }
    let options = OutputOptions {
        tokens: true,
        pretty: false,
    };
    let line = analysis.to_json_line(&article, &options);
    assert!(!line.contains('\n'));
    serde_json::from_str::<serde_json::Value>(&line).expect("the output line is JSON");
}

/// Words, punctuation and spaces of French news, in any order: the analysis's paths are taken
/// far more often than by random characters.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Le président Emmanuel Macron"),
        Just("M."),
        Just("Mme"),
        Just("le général de brigade"),
        Just("a déclaré"),
        Just("selon"),
        Just("que"),
        Just("n'a pas"),
        Just("l’"),
        Just("aurait"),
        Just("le Burkina Faso"),
        Just("burkinabè"),
        Just("l'ONU"),
        Just("Kigali"),
        Just("le 3 mars 2023"),
        Just("hier"),
        Just("en novembre"),
        Just("11h30"),
        Just("2 000"),
        Just("«"),
        Just("»"),
        Just("\""),
        Just(","),
        Just("."),
        Just(":"),
        Just("?"),
        Just("-t-il"),
        Just("("),
        Just(")"),
        Just("\n"),
        Just("\n\n"),
        Just("\u{a0}"),
        Just("\r\n"),
        Just("É"),
        Just("e\u{301}"),
        Just("👍🏽"),
        Just("مرحبا"),
        Just("\0"),
        Just("\u{feff}"),
        Just("il"),
        Just("le pays"),
        Just("espère"),
        Just("Jean-Pierre"),
        Just("J.-P."),
    ];
    prop::collection::vec((piece, prop::bool::ANY), 0..60).prop_map(common::joined)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_is_analysed_well(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn any_news_like_text_is_analysed_well(text in newsish()) {
        check(&text);
    }

    #[test]
    fn any_mix_of_ascii_and_marks_is_analysed_well(text in "[a-zA-Zé’'«» .,;:!?()\\-\n0-9\u{a0}\u{301}]{0,300}") {
        check(&text);
    }
}
