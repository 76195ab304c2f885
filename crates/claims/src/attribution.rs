//! Who a claim is attributed to: the constructions French news uses to report speech.
//!
//! Direct: « ... », a déclaré X / a-t-il dit / selon X; « ..., précise X, ... »; X a déclaré :
//! « ... »; X : « ... ». Indirect: X a déclaré (affirmé, estimé...) que ...; ..., a indiqué
//! X; comme le révèle X, ...; selon X, ...; d'après X, ...; pour X, ....

use crate::clause::{self, VerbGroup};
use crate::lexicons::Lexicons;
use crate::quotes::Quote;
use crate::ranges;
use crate::view::View;
use fouille_entities::MentionKind;
use std::ops::Range;

/// An attribution found in the text, in tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The token range of the source: a name, a noun phrase or a pronoun.
    pub source: Range<usize>,
    /// The token range of the cue.
    pub cue: Range<usize>,
    pub cue_lemma: &'static str,
    /// The cue's verb group, when the cue is a verb.
    pub verb: Option<VerbGroup>,
    pub direct: bool,
    /// The token range of the reported content.
    pub content: Range<usize>,
}

/// Finds attributions in a document.
pub(crate) struct Finder<'a, 'v> {
    pub view: &'a View<'v>,
    pub lexicons: &'a Lexicons,
}

/// Verbs whose noun-phrase object is what the source says: "a annoncé la fermeture", "dénonce
/// des dysfonctionnements".
const NOUN_PHRASE_CUES: &[&str] = &[
    "annoncer",
    "dénoncer",
    "démentir",
    "confirmer",
    "révéler",
    "réclamer",
    "promettre",
    "reconnaître",
    "évoquer",
    "déplorer",
    "regretter",
    "saluer",
    "revendiquer",
    "proposer",
    "suggérer",
    "préconiser",
    "recommander",
    "conseiller",
    "déconseiller",
    "demander",
    "nier",
    "souligner",
    "rappeler",
    "relayer",
    "signaler",
    "mentionner",
    "contester",
    "fustiger",
    "dire",
    "déclarer",
    "affirmer",
    "avouer",
    "admettre",
    "prédire",
    "raconter",
    "confier",
    "exiger",
    "faire part",
    "mettre en garde",
    "accuser",
    "remercier",
    "juger",
    "estimer",
    "se féliciter",
    "se réjouir",
    "se souvenir",
    "s'inquiéter",
    "s'insurger",
    "se plaindre",
    "considérer",
    "qualifier",
    "trouver",
    "comparer",
    "présenter",
    "railler",
    "reprocher",
    "plaider",
    "menacer",
    "justifier",
    "relever",
    "lancer",
    "assurer",
    "écrire",
    "tweeter",
    "répondre",
    "rédiger",
    "interpeller",
    "appeler",
    "exhorter",
    "réitérer",
    "réaffirmer",
];

/// Reflexive verbs of saying, and their lemma with the pronoun.
const REFLEXIVE_CUES: &[(&str, &str)] = &[
    ("souvenir", "se souvenir"),
    ("féliciter", "se féliciter"),
    ("exclamer", "s'exclamer"),
    ("insurger", "s'insurger"),
    ("interroger", "s'interroger"),
    ("demander", "se demander"),
    ("inquiéter", "s'inquiéter"),
    ("défendre", "se défendre"),
    ("réjouir", "se réjouir"),
    ("étonner", "s'étonner"),
    ("indigner", "s'indigner"),
    ("dire", "se dire"),
    ("désoler", "se désoler"),
    ("plaindre", "se plaindre"),
    ("moquer", "se moquer"),
    ("emporter", "s'emporter"),
    ("justifier", "se justifier"),
    ("confier", "se confier"),
];

/// Pronouns that stand for a source after "pour" or "selon": "pour lui".
const SOURCE_PRONOUNS: &[&str] = &["lui", "elle", "eux", "elles"];

/// Nouns after "selon" that name a criterion, not a source: "selon les cas".
const NOT_SOURCES: &[&str] = &[
    "nombre",
    "taille",
    "type",
    "modele",
    "poids",
    "prix",
    "duree",
    "nature",
    "forme",
    "cas",
    "territoires",
    "territoire",
    "regions",
    "region",
    "endroits",
    "lieux",
    "periodes",
    "saisons",
    "besoins",
    "age",
    "circonstances",
    "conditions",
    "modalites",
    "profils",
    "secteurs",
    "niveaux",
    "types",
    "moments",
    "heures",
    "jours",
    "revenus",
    "zones",
];

/// Marks that end a source's noun phrase.
const PHRASE_ENDS: &[&str] = &[
    ",", ".", ";", ":", "!", "?", "«", "»", "\"", "“", "”", "(", ")",
];

impl Finder<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.view.word(i)
    }

    /// A reporting verb group whose finite verb is at `i`: "a déclaré", "précise", "a-t-il
    /// ajouté".
    fn cue_verb(&self, i: usize, end: usize) -> Option<VerbGroup> {
        let group = clause::group_at_finite(self.view, i, end)?;
        if !self.lexicons.is_cue_verb(group.lemma) {
            return None;
        }
        // "s'ajoutent", "s'annonce": a reflexive verb says something else; "est stigmatisée":
        // a passive's subject is not its speaker.
        let reflexive = (group.first..group.finite).any(|k| self.view.is_any(k, &["se", "s'"]));
        let passive = group.compound && group.finite_lemma == "être" && !reflexive;
        if passive {
            return None;
        }
        if reflexive {
            // "se souvient", "s'insurge": verbs of saying that are reflexive; "s'ajoutent" is not.
            let mut group = group;
            group.lemma = REFLEXIVE_CUES
                .iter()
                .find(|(verb, _)| *verb == group.lemma)
                .map(|(_, lemma)| *lemma)?;
            return Some(group);
        }
        Some(group)
    }

    /// Reporting verbs of several words: "a mis en garde", "a fait part de".
    fn phrasal_cue(&self, i: usize, end: usize) -> Option<VerbGroup> {
        if !matches!(
            self.view.finite_verb(i)?.lemma,
            "mettre" | "faire" | "avoir"
        ) {
            return None;
        }
        let mut group = clause::group_at_finite(self.view, i, end)?;
        let (lemma, words): (&'static str, &[&str]) = match group.lemma {
            "mettre" => ("mettre en garde", &["en", "garde"]),
            "faire" => ("faire part", &["part"]),
            _ => return None,
        };
        let all = words
            .iter()
            .enumerate()
            .all(|(k, w)| self.view.is(group.end + k, w));
        all.then(|| {
            group.end += words.len();
            group.lemma = lemma;
            group
        })
    }

    /// "est stigmatisée par le document", "ont été dénoncés par la rédaction": a reporting
    /// verb in the passive, whose agent speaks.
    fn passive_cue(&self, i: usize, end: usize) -> Option<(VerbGroup, Range<usize>)> {
        if self.view.finite_verb(i)?.lemma != "être" {
            return None;
        }
        let group = clause::group_at_finite(self.view, i, end)?;
        let passive = group.compound && group.finite_lemma == "être";
        if !passive || !self.lexicons.is_cue_verb(group.lemma) {
            return None;
        }
        let mut k = group.end;
        while k < end && k < group.end + 3 && !self.view.is(k, "par") {
            k += 1;
        }
        if !self.view.is(k, "par") {
            return None;
        }
        let agent = k + 1..self.phrase_end(k + 1, end);
        (!agent.is_empty()).then_some((group, agent))
    }

    /// A reporting verb group starting at `i` (its first token may be "a" or "ne").
    fn cue_group_at(&self, i: usize, end: usize) -> Option<VerbGroup> {
        (i..(i + 2).min(end))
            .find_map(|k| self.cue_verb(k, end).or_else(|| self.phrasal_cue(k, end)))
            .filter(|g| g.first <= i + 1)
    }

    /// The subject after an inverted reporting verb: "-t-il" inside the group, or the noun
    /// phrase after it up to a comma or the end ("a déclaré lundi à l'AFP l'ONG").
    fn inverted_subject(&self, group: &VerbGroup, end: usize) -> Option<Range<usize>> {
        if let Some(k) = (group.finite..group.end + 1).find(|&k| {
            let w = self.word(k);
            w.starts_with('-') && w.len() > 1 || w == "t-il" || w == "t-elle"
        }) {
            return Some(k..k + 1);
        }
        let start = group.end;
        let mut e = self.phrase_end(start, end.min(start + 14));
        // "l'ONG qui affrète le navire": the relative clause describes the source.
        if let Some(k) = (start + 1..e).find(|&k| self.view.is_any(k, &["qui", "dont"])) {
            e = k;
        }
        // Not a subject when it holds a verb: "a indiqué jeudi au micro de BFMTV avoir ...".
        let holds_verb = (start..e).any(|k| {
            let verb_only = !self.view.is_pos(k, fouille_lexicon::Pos::Noun)
                && !self.view.is_pos(k, fouille_lexicon::Pos::Adjective);
            self.view.is_any(k, &["que", "qu'"])
                || self.view.is_any(k, &["avoir", "etre"])
                || verb_only
                    && self.view.lexicon.verb_analyses(self.word(k)).any(|a| {
                        a.mood_tense == fouille_lexicon::MoodTense::Infinitive
                            || a.mood_tense.is_finite() && a.person == Some(3)
                    })
        });
        (e > start && !holds_verb).then_some(start..e)
    }

    /// The end of a noun phrase: punctuation, or a relative clause that describes it ("une
    /// étude qui conclut que ...").
    fn phrase_end(&self, start: usize, end: usize) -> usize {
        let mut e = start;
        while e < end
            && !PHRASE_ENDS.contains(&self.word(e))
            && !(e > start && self.view.is_any(e, &["qui", "dont"]))
        {
            e += 1;
        }
        e
    }

    /// Attributions of the quotations.
    pub fn direct(&self, quotes: &[Quote], sentences: &[Range<usize>], out: &mut Vec<Found>) {
        let sentence_of = |i: usize| ranges::containing(sentences, i).map(|k| sentences[k].clone());
        for q in quotes.iter().filter(|q| q.is_speech(self.view)) {
            let content = q.first()..q.close;
            let last = q.close.min(self.view.tokens.len().saturating_sub(1));
            let sentence = sentence_of(last).unwrap_or(0..0);
            let end = sentence.end;
            // « ... », a déclaré X / a-t-il dit / selon X; or further on: « ... » de la part
            // des autorités, a déploré X.
            let mut k = q.close + 1;
            if self.word(k) == "," {
                k += 1;
            }
            // A quotation the paragraph closed has nothing after it in its sentence.
            let after = q.closed.then(|| {
                self.cue_group_at(k, end).or_else(|| {
                    (k..end)
                        .filter(|&j| self.word(j) == "," && !self.view.quoted[j])
                        .find_map(|j| self.cue_group_at(j + 1, end))
                })
            });
            let after = after.flatten();
            if let Some(group) = after {
                if let Some(source) = self.inverted_subject(&group, end) {
                    out.push(Found {
                        source,
                        cue: group.first..group.end,
                        cue_lemma: group.lemma,
                        verb: Some(group),
                        direct: true,
                        content,
                    });
                    continue;
                }
            }
            if let Some((cue, lemma)) = self.selon_at(k) {
                let source = cue.end..self.phrase_end(cue.end, end);
                if !source.is_empty() {
                    out.push(Found {
                        source,
                        cue,
                        cue_lemma: lemma,
                        verb: None,
                        direct: true,
                        content,
                    });
                    continue;
                }
            }
            // « ..., précise Marie Baville, ... »: the speaker set inside the quotation.
            if let Some(found) = self.incise(q, content.clone()) {
                out.push(found);
                continue;
            }
            // X a déclaré : « ... »; X : « ... »
            let before = q.open.wrapping_sub(1);
            if q.open > 0 && self.word(before) == ":" {
                let start = sentence_of(before).map_or(0, |s| s.start);
                if let Some(group) = clause::main_verb(self.view, start..before, true) {
                    if self.lexicons.is_cue_verb(group.lemma) {
                        if let Some(source) = clause::subject(self.view, start, &group) {
                            out.push(Found {
                                source,
                                cue: group.first..group.end,
                                cue_lemma: group.lemma,
                                verb: Some(group),
                                direct: true,
                                content,
                            });
                        }
                    }
                    continue;
                }
                if let Some(source) = self.speaker_before_colon(start, before) {
                    out.push(Found {
                        source,
                        cue: before..before + 1,
                        cue_lemma: ":",
                        verb: None,
                        direct: true,
                        content,
                    });
                }
            }
        }
    }

    /// "« Ce sont de petits départs de feu, précise Marie Baville, la sous-préfète. On avait
    /// déjà eu ... »": a reporting verb between commas inside the quotation.
    fn incise(&self, q: &Quote, content: Range<usize>) -> Option<Found> {
        (content.start + 1..content.end).find_map(|j| {
            if self.word(j) != "," {
                return None;
            }
            let group = self.cue_group_at(j + 1, content.end)?;
            let source = self.inverted_subject(&group, content.end)?;
            let _ = q;
            Some(Found {
                source,
                cue: group.first..group.end,
                cue_lemma: group.lemma,
                verb: Some(group),
                direct: true,
                content: content.clone(),
            })
        })
    }

    /// "Nicolas Sarkozy, sur François Hollande :": the first name before a colon.
    fn speaker_before_colon(&self, start: usize, colon: usize) -> Option<Range<usize>> {
        let mut i = start;
        while i < colon {
            if let Some(m) = self.view.mention(i) {
                if matches!(
                    m.kind,
                    MentionKind::Person
                        | MentionKind::Organization
                        | MentionKind::Rank
                        | MentionKind::Role
                ) {
                    let mut e = i;
                    while e < colon && self.view.mention(e).is_some_and(|x| std::ptr::eq(x, m)) {
                        e += 1;
                    }
                    return Some(i..e);
                }
                return None;
            }
            i += 1;
        }
        None
    }

    /// "selon" or "d'après" at `k`: the cue's tokens and lemma.
    fn selon_at(&self, k: usize) -> Option<(Range<usize>, &'static str)> {
        if self
            .view
            .classes
            .get(k)
            .is_none_or(|c| c & crate::lexicons::word_class::SELON == 0)
        {
            return None;
        }
        if self.view.is(k, "selon") {
            Some((k..k + 1, "selon"))
        } else if self.view.is(k, "d'") && self.view.is(k + 1, "apres") {
            Some((k..k + 2, "d'après"))
        } else {
            None
        }
    }

    /// Quotations left without a speaker that stand as their own sentences next to a reported
    /// speaker's words: the same speaker goes on ("« ... », a déclaré X. « ... »"), or is
    /// named just after ("« ... ». Le directeur a lancé un avertissement").
    pub fn continued(&self, quotes: &[Quote], sentences: &[Range<usize>], out: &mut Vec<Found>) {
        let mut added = Vec::new();
        let attributed = ranges::Reach::new(out.iter().map(|a| a.content.clone()));
        // The last attribution whose cue each sentence holds.
        let mut last_in: Vec<Option<usize>> = vec![None; sentences.len()];
        for (i, a) in out.iter().enumerate() {
            if let Some(si) = ranges::containing(sentences, a.cue.start) {
                last_in[si] = Some(i);
            }
        }
        for q in quotes.iter().filter(|q| q.is_speech(self.view)) {
            let content = q.first()..q.close;
            if attributed.overlaps(&content) {
                continue;
            }
            let Some(si) = ranges::containing(sentences, q.open) else {
                continue;
            };
            let sentence = &sentences[si];
            let own = q.open == sentence.start
                || (q.open == sentence.start + 1
                    && matches!(self.word(sentence.start), "-" | "—" | "–"));
            if !own {
                continue;
            }
            let near = |k: usize| -> Option<Found> {
                last_in.get(k).copied().flatten().map(|i| out[i].clone())
            };
            let speaker = si.checked_sub(1).and_then(near).or_else(|| {
                let next = sentences.partition_point(|s| s.start < q.close);
                if next == sentences.len() {
                    return None;
                }
                let same_paragraph = self
                    .view
                    .tokens
                    .get(sentences[next].start)
                    .is_some_and(|t| !t.gap.breaks_line() || next == si + 1);
                same_paragraph.then(|| near(next)).flatten()
            });
            if let Some(a) = speaker {
                added.push(Found {
                    source: a.source,
                    cue: q.open..q.open,
                    cue_lemma: "",
                    verb: None,
                    direct: true,
                    content,
                });
            }
        }
        out.extend(added);
    }

    /// Reported speech in one sentence.
    pub fn indirect(&self, sentence: Range<usize>, out: &mut Vec<Found>) {
        let (start, end) = (sentence.start, sentence.end);
        let last = last_word(self.view, start, end);
        let first = out.len();
        if let Some(found) = self
            .by_selon(start, end, last)
            .or_else(|| self.by_pour(start, end, last))
            .or_else(|| self.by_comme(start, end, last))
        {
            out.push(found);
        }
        // Each reporting verb outside the quotations: "X a déclaré que ...", "..., a indiqué X",
        // "mais il demande à ce que ...", "Météo France, qui ajoute que ...", "..., précisant
        // que ...".
        let mut i = start;
        while i < end {
            if self.view.quoted[i] || out[first..].iter().any(|a| a.cue.contains(&i)) {
                i += 1;
                continue;
            }
            // The attributions of this sentence found so far: a participle or a relative after
            // them speaks for the same source.
            let earlier = || -> Vec<Found> {
                out.iter()
                    .filter(|a| (start..end).contains(&a.cue.start))
                    .cloned()
                    .collect()
            };
            let found =
                if let Some(group) = self.cue_verb(i, end).or_else(|| self.phrasal_cue(i, end)) {
                    let found = self.reported_by(group, start, end, last, &earlier());
                    i = group.end.max(i + 1);
                    found
                } else if let Some((group, agent)) = self.passive_cue(i, end) {
                    let clause_start = self.clause_start(start, group.first);
                    let content = clause::subject(self.view, clause_start, &group)
                        .unwrap_or(clause_start..group.first);
                    i = group.end.max(i + 1);
                    let found = Found {
                        source: agent,
                        cue: group.first..group.end,
                        cue_lemma: group.lemma,
                        verb: Some(group),
                        direct: false,
                        content: content.clone(),
                    };
                    (content.start < content.end).then_some(found)
                } else {
                    let found = self.participle_cue(i, start, last, &earlier);
                    i += 1;
                    found
                };
            if let Some(found) = found {
                out.push(found);
            }
        }
    }

    /// ", précisant que ...", ", accusant X de ...": a reporting verb's present participle,
    /// whose source is the sentence's speaker or subject.
    fn participle_cue(
        &self,
        i: usize,
        start: usize,
        last: usize,
        earlier: &dyn Fn() -> Vec<Found>,
    ) -> Option<Found> {
        let w = self.word(i);
        // ", précisant que ..." or, opening the sentence, "Fustigeant un ..., X a réclamé".
        let opening = i == start && w.chars().next().is_some_and(char::is_uppercase);
        if !opening
            && (i == start
                || !w.chars().next().is_some_and(char::is_lowercase)
                || self.word(i - 1) != ",")
        {
            return None;
        }
        // Present participles end in "-ant": other words need no lookup.
        if !w.ends_with("ant") && !w.ends_with("ANT") {
            return None;
        }
        let lower = w.to_lowercase();
        let lemma = self
            .view
            .lexicon
            .verb_analyses(&lower)
            .find(|a| {
                a.mood_tense == fouille_lexicon::MoodTense::PresentParticiple
                    && self.lexicons.is_cue_verb(a.lemma)
            })?
            .lemma;
        let mut c = i + 1;
        if self.view.is_any(c, &["que", "qu'"]) {
            c += 1;
        }
        let content_end = (c..last)
            .find(|&k| self.word(k) == "," && !self.view.quoted[k])
            .unwrap_or(last);
        let source = match earlier().last() {
            Some(a) if !opening => a.source.clone(),
            _ if opening => {
                let main = clause::main_verb(self.view, content_end..last, true)?;
                clause::subject(self.view, content_end + 1, &main)?
            }
            _ => {
                let main = clause::main_verb(self.view, start..i, true)?;
                clause::subject(self.view, start, &main)?
            }
        };
        (c < content_end).then(|| Found {
            source,
            cue: i..i + 1,
            cue_lemma: lemma,
            verb: None,
            direct: false,
            content: c..content_end,
        })
    }

    /// The attribution a reporting verb makes, if it makes one.
    fn reported_by(
        &self,
        group: VerbGroup,
        start: usize,
        end: usize,
        last: usize,
        earlier: &[Found],
    ) -> Option<Found> {
        // "a annoncé son intention de": an intention, not reported speech.
        if (group.end..(group.end + 3).min(end))
            .any(|k| self.view.is_any(k, crate::classify::INTENTION_NOUNS))
        {
            return None;
        }
        let clause_start = self.clause_start(start, group.first);
        // ..., a indiqué X. (the content comes first, a clause of its own)
        if group.first > clause_start + 1 && self.word(group.first - 1) == "," {
            let before = clause_start..group.first - 1;
            let stated_before = before
                .clone()
                .any(|k| !self.view.quoted[k] && self.view.finite_verb(k).is_some())
                || before.clone().all(|k| {
                    self.view.quoted[k] || matches!(self.word(k), "«" | "»" | "\"" | "“" | "”")
                });
            if stated_before {
                if let Some(source) = self.inverted_subject(&group, end) {
                    return Some(Found {
                        source,
                        cue: group.first..group.end,
                        cue_lemma: group.lemma,
                        verb: Some(group),
                        direct: false,
                        content: self.trim(before),
                    });
                }
            }
        }
        // "Météo France, qui ajoute que ...": the relative's antecedent speaks.
        let relative = group.first > start && self.view.is(group.first - 1, "qui");
        let source = if relative {
            let antecedent_end = if group.first >= 2 && self.word(group.first - 2) == "," {
                group.first - 2
            } else {
                group.first - 1
            };
            match earlier.last() {
                Some(a) if a.source.end == antecedent_end => a.source.clone(),
                _ => {
                    let mut s = antecedent_end;
                    while s > clause_start
                        && !matches!(self.word(s - 1), "," | "«" | "»" | "\"" | "." | ":")
                        && s + 8 > antecedent_end
                    {
                        s -= 1;
                    }
                    (s < antecedent_end).then_some(s..antecedent_end)?
                }
            }
        } else {
            // X a déclaré que ...; X a annoncé la fermeture
            clause::subject(self.view, clause_start, &group)?
        };
        // "que" of the verb, not of a later "alors que" after a comma.
        let que = (group.end..(group.end + 10).min(end))
            .take_while(|&k| self.word(k) != ",")
            .find(|&k| self.view.is_any(k, &["que", "qu'"]) && !self.view.quoted[k]);
        // Without "que", a quotation or an infinitive, only verbs whose object is itself what is
        // said take a noun phrase as content: "a annoncé la fermeture", not "a critiqué son
        // homologue".
        let says_object = que.is_some()
            || self.view.quoted.get(group.end).copied().unwrap_or(false)
            || matches!(self.word(group.end), ":" | "«" | "\"")
            || NOUN_PHRASE_CUES.contains(&group.lemma)
            || self
                .view
                .lexicon
                .verb_analyses(self.word(group.end))
                .any(|a| a.mood_tense == fouille_lexicon::MoodTense::Infinitive);
        if !says_object {
            return None;
        }
        let content = match que {
            Some(q) => q + 1..last,
            None => group.end..last,
        };
        if content.start >= content.end {
            return None;
        }
        let direct = self.view.quoted[content.start] && self.view.quoted[content.end - 1];
        Some(Found {
            source,
            cue: group.first..group.end,
            cue_lemma: group.lemma,
            verb: Some(group),
            direct,
            content,
        })
    }

    /// Where the clause of a verb starts: after the last comma, semicolon, colon or
    /// coordinating "mais" before it, outside quotations.
    fn clause_start(&self, start: usize, verb: usize) -> usize {
        (start..verb)
            .rev()
            .find(|&k| {
                !self.view.quoted[k]
                    && (matches!(self.word(k), ";" | ":")
                        || self.view.is_any(k, &["mais", "car", "donc"]))
            })
            .map_or(start, |k| k + 1)
    }

    /// Without quotation marks at either end.
    fn trim(&self, mut r: Range<usize>) -> Range<usize> {
        while r.start < r.end && matches!(self.word(r.start), "«" | "\"" | "“") {
            r.start += 1;
        }
        while r.end > r.start && matches!(self.word(r.end - 1), "»" | "\"" | "”") {
            r.end -= 1;
        }
        r
    }

    /// "selon X, ...", "..., selon X", "d'après X, ...".
    fn by_selon(&self, start: usize, end: usize, last: usize) -> Option<Found> {
        for k in start..end {
            if self.view.quoted[k] {
                continue;
            }
            let Some((cue, lemma)) = self.selon_at(k) else {
                continue;
            };
            let source = cue.end..self.phrase_end(cue.end, end);
            if !self.names_a_source(source.clone()) {
                continue;
            }
            let at_start = k == start
                || (k == start + 1 && matches!(self.word(start), "«" | "\"" | "À" | "A"));
            let content = if at_start || self.word(source.end) == "," && k < start + 3 {
                source.end + 1..last
            } else {
                let mut e = k;
                while e > start && self.word(e - 1) == "," {
                    e -= 1;
                }
                // ", selon X, ..." inside a sentence: the whole sentence is reported.
                if self.word(source.end) == "," && source.end + 1 < last {
                    start..last
                } else {
                    start..e
                }
            };
            if content.start < content.end {
                return Some(Found {
                    source,
                    cue,
                    cue_lemma: lemma,
                    verb: None,
                    direct: false,
                    content: self.trim(content),
                });
            }
        }
        None
    }

    /// "Pour X, ..." where X can hold an opinion.
    fn by_pour(&self, start: usize, end: usize, last: usize) -> Option<Found> {
        if !self.view.is(start, "pour") {
            return None;
        }
        let source = start + 1..self.phrase_end(start + 1, end);
        let pronoun = source.len() == 1 && self.view.is_any(source.start, SOURCE_PRONOUNS);
        let named = (source.clone()).any(|k| {
            self.view.mention(k).is_some_and(|m| {
                matches!(
                    m.kind,
                    MentionKind::Person
                        | MentionKind::Organization
                        | MentionKind::Role
                        | MentionKind::Rank
                )
            })
        });
        if !(pronoun || named) || self.word(source.end) != "," || source.end + 1 >= last {
            return None;
        }
        Some(Found {
            source: source.clone(),
            cue: start..start + 1,
            cue_lemma: "pour",
            verb: None,
            direct: false,
            content: source.end + 1..last,
        })
    }

    /// "Comme le révèle Le Parisien, ...", "..., comme l'explique Le Figaro".
    fn by_comme(&self, start: usize, end: usize, last: usize) -> Option<Found> {
        let k = (start..end).find(|&k| {
            self.view.is(k, "comme")
                && (self.view.is_any(k + 1, &["le", "l'"])
                    || self
                        .view
                        .is_any(k + 1, &["il", "elle", "ils", "elles", "on"])
                        && self.view.is_any(k + 2, &["le", "l'"]))
        })?;
        let pronoun = !self.view.is_any(k + 1, &["le", "l'"]);
        let verb_at = if pronoun { k + 3 } else { k + 2 };
        let group = self.cue_verb(verb_at, end)?;
        let source = if pronoun {
            k + 1..k + 2
        } else {
            self.inverted_subject(&group, end)?
        };
        let content = if k <= start + 1 {
            source.end + 1..last
        } else {
            let mut e = k;
            while e > start && self.word(e - 1) == "," {
                e -= 1;
            }
            start..e
        };
        (content.start < content.end).then(|| Found {
            source,
            cue: k..group.end,
            cue_lemma: group.lemma,
            verb: Some(group),
            direct: false,
            content: self.trim(content),
        })
    }

    /// Whether tokens after "selon" name a source, not a criterion ("selon les cas").
    fn names_a_source(&self, range: Range<usize>) -> bool {
        if range.is_empty() || range.len() > 14 {
            return false;
        }
        let mut head = range.start;
        while head < range.end
            && self.view.is_any(
                head,
                &[
                    "le", "la", "les", "l'", "un", "une", "des", "ce", "ces", "cette", "son", "sa",
                    "ses", "leur", "leurs",
                ],
            )
        {
            head += 1;
        }
        head < range.end
            && !self.view.is_any(head, NOT_SOURCES)
            && !self.word(head).chars().all(|c| c.is_ascii_digit())
    }
}

/// The end of the sentence's words, before its final punctuation.
fn last_word(view: &View<'_>, start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start && matches!(view.word(e - 1), "." | "!" | "?" | "…" | "..." | ";" | ":") {
        e -= 1;
    }
    e
}
