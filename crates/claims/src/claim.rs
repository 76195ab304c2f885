//! The claim model.

use fouille_tokenizer::Span;

/// What sort of thing a claim states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    /// A state of the world: "Le pays est en proie à des attaques".
    Statement,
    /// Something that happened: a visit, an attack, talks.
    Event,
    /// A decision: "a décidé de diversifier ses partenariats".
    Decision,
    /// An announcement of a fact: "a annoncé la fermeture".
    Announcement,
    /// An intention: "a annoncé son intention de", "veut".
    Intention,
    /// A hope: "espère".
    Hope,
    /// An evaluation or opinion: "est une référence", "est une décision importante".
    Assessment,
    /// A direct quotation.
    Quote,
    /// Indirect speech, or "selon X".
    Report,
}

impl ClaimKind {
    /// The name used in the JSON contract.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Statement => "statement",
            ClaimKind::Event => "event",
            ClaimKind::Decision => "decision",
            ClaimKind::Announcement => "announcement",
            ClaimKind::Intention => "intention",
            ClaimKind::Hope => "hope",
            ClaimKind::Assessment => "assessment",
            ClaimKind::Quote => "quote",
            ClaimKind::Report => "report",
        }
    }
}

/// How surely a claim is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated plainly.
    Asserted,
    /// Stated as certain: "il est clair que".
    Certain,
    /// Hedged: "il est trop tôt pour dire", "pourrait", "peut-être".
    Uncertain,
    /// The journalistic conditional: "aurait tué", "serait".
    Conditional,
    /// Denied: "n'a pas", "ne ... jamais", "dément".
    Negated,
    /// Hoped for: "espère".
    Hoped,
    /// Intended: "veut", "a l'intention de".
    Intended,
}

impl Modality {
    /// The name used in the JSON contract.
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Certain => "certain",
            Modality::Uncertain => "uncertain",
            Modality::Conditional => "conditional",
            Modality::Negated => "negated",
            Modality::Hoped => "hoped",
            Modality::Intended => "intended",
        }
    }
}

/// A span that may refer to an entity: a subject or a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Argument {
    /// The words in the text ("Le pays", "il", "Célestin Simporé").
    pub span: Span,
    /// The entity it refers to, once resolved.
    pub entity: Option<usize>,
}

/// The main verb group of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Predicate {
    /// The verb group as written ("a effectué").
    pub span: Span,
    /// The lemma of its main verb ("effectuer").
    pub lemma: &'static str,
    /// True when the verb is negated ("n'a pas").
    pub negated: bool,
}

/// What the claim says about its subject: the rest of the clause.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Object {
    /// The words of the object.
    pub span: Span,
    /// The entities it mentions, in text order, without repeats.
    pub entities: Vec<usize>,
}

/// The verb or preposition that attributes a claim to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cue {
    /// The words in the text ("a déclaré", "selon", ":").
    pub span: Span,
    /// Its lemma ("déclarer", "selon").
    pub lemma: &'static str,
}

/// Who a claim is attributed to, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Attribution {
    /// The source: an entity, or an unnamed one ("un responsable").
    pub source: Argument,
    /// The cue that attributes it; none for a quotation that goes on from one attributed just
    /// before ("« ... », a-t-il dit. « ... »").
    pub cue: Option<Cue>,
    /// True for a direct quotation.
    pub direct: bool,
    /// The reported content (inside the quotation marks when direct).
    pub content: Span,
}

/// One claim: a clause that states something, in the article's voice or a source's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Claim {
    /// The clause.
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// What it states.
    pub kind: ClaimKind,
    /// How surely.
    pub modality: Modality,
    /// Who or what it is about.
    pub subject: Option<Argument>,
    /// Its main verb group.
    pub predicate: Option<Predicate>,
    /// The rest of the clause.
    pub object: Option<Object>,
    /// Its source, when the article attributes it to one.
    pub attribution: Option<Attribution>,
    /// Index of the date mention that says when, if any.
    pub time: Option<usize>,
    /// Index of the location or country entity where it happened, if any.
    pub place: Option<usize>,
}

impl Claim {
    /// Moves every span of the claim by `map`: for a claim found in a composed view of a text,
    /// back to the original text.
    pub fn map_spans(&mut self, map: impl Fn(Span) -> Span) {
        self.span = map(self.span);
        if let Some(s) = &mut self.subject {
            s.span = map(s.span);
        }
        if let Some(p) = &mut self.predicate {
            p.span = map(p.span);
        }
        if let Some(o) = &mut self.object {
            o.span = map(o.span);
        }
        if let Some(a) = &mut self.attribution {
            a.source.span = map(a.source.span);
            a.content = map(a.content);
            if let Some(c) = &mut a.cue {
                c.span = map(c.span);
            }
        }
    }
}
