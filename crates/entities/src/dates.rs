//! Dates in French text, resolved against the article's publication date.
//!
//! A small grammar over tokens: "5 décembre 2023", "mercredi 3 avril", "novembre 2023", "sept.",
//! "12/03/2023", "hier", "l'an dernier", "en 2008", "du 1er au 15 août". Spans leave out the
//! preposition or article before a date ("en", "le", "du"), but keep the words that make a
//! relative period ("l'an dernier", "la semaine prochaine").

use crate::classes::Class;
use crate::date::{days_in_month, Date, PartialDate};
use crate::doc::Doc;
use crate::words::{same_word, which_word};

const MONTHS: [&[&str]; 12] = [
    &["janvier", "janv"],
    &["fevrier", "fevr", "fev"],
    &["mars"],
    &["avril", "avr"],
    &["mai"],
    &["juin"],
    &["juillet", "juil"],
    &["aout"],
    &["septembre", "sept"],
    &["octobre", "oct"],
    &["novembre", "nov"],
    &["decembre", "dec"],
];

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Words that may start a date, besides numbers: the recogniser looks no further at others.
pub(crate) const STARTING_DETERMINERS: &[&str] = &["l'", "le", "la", "ce", "cet", "cette"];

/// Words that may start a date besides numbers and the determiners of relative periods.
pub(crate) const STARTING_WORDS: &[&str] = &[
    "janvier",
    "janv",
    "fevrier",
    "fevr",
    "fev",
    "mars",
    "avril",
    "avr",
    "mai",
    "juin",
    "juillet",
    "juil",
    "aout",
    "septembre",
    "sept",
    "octobre",
    "oct",
    "novembre",
    "nov",
    "decembre",
    "dec",
    "janv.",
    "fevr.",
    "fev.",
    "avr.",
    "juil.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "avant-hier",
    "hier",
    "aujourd'hui",
    "demain",
    "apres-demain",
    "debut",
    "fin",
    "mi",
    "mois",
    "premier",
    "ler",
];

/// Parts of a day that turn a date into a time: "hier soir".
const PARTS_OF_DAY: &[&str] = &[
    "matin",
    "soir",
    "apres-midi",
    "midi",
    "nuit",
    "soiree",
    "matinee",
];

/// Words before a bare four-digit number that make it a year: "en 2008", "depuis 1999".
const YEAR_CONTEXT: &[&str] = &[
    "en",
    "de",
    "depuis",
    "des",
    "avant",
    "apres",
    "jusqu'en",
    "vers",
    "fin",
    "debut",
    "mi",
    "an",
    "annee",
    "printemps",
    "ete",
    "automne",
    "hiver",
    "saison",
    "exercice",
    "pour",
    "d'ici",
    "courant",
    "entre",
    "(",
    "millesime",
    "cuvee",
    "edition",
    "promotion",
    "l'an",
    "l'annee",
    "guerre",
];

/// Words after a number that make it a quantity, not a year: "2000 personnes".
fn is_unit_after(word: &str) -> bool {
    let w = word.chars().next().unwrap_or(' ');
    w == '%'
        || w == '€'
        || w == '$'
        || [
            "euros",
            "dollars",
            "francs",
            "km",
            "m",
            "kg",
            "habitants",
            "personnes",
            "metres",
        ]
        .iter()
        .any(|u| same_word(word, u))
}

/// One date found: its tokens and value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// The first token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The resolved value.
    pub value: Option<PartialDate>,
    /// A part of a day ("hier soir", "mardi matin", "ce matin"): a time, not a date.
    pub time_of_day: bool,
}

/// The time a sentence speaks of, from its verbs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tense {
    /// No clear sign, or signs both ways.
    #[default]
    Unknown,
    /// A past tense: "a signé", "signait", "signa".
    Past,
    /// A future: "signera", "va signer".
    Future,
}

/// Which way a relative date points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// The nearest occurrence, either way.
    Nearest,
    /// "dernier", "passé": the last one before the article.
    Past,
    /// "prochain": the next one after.
    Next,
}

/// Finds and resolves dates. Built once; holds no data beyond its word lists.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateResolver;

impl DateResolver {
    /// Finds the dates among tokens `range` of `doc`. `anchor` is the publication date; `tense`
    /// gives the sentence's, which decides which way a date without year or week points.
    pub(crate) fn find(
        &self,
        doc: &Doc<'_>,
        range: std::ops::Range<usize>,
        anchor: Option<Date>,
        tense: &dyn Fn() -> Tense,
        out: &mut Vec<FoundDate>,
    ) {
        let mut i = range.start;
        let scan = Scan {
            doc,
            end: range.end,
            anchor,
            tense_of_sentence: tense,
            tense: std::cell::Cell::new(None),
        };
        while i < range.end {
            if let Some(found) = scan.at(i) {
                // A bare day in a range takes its month from the date after it.
                out.extend(scan.range_head(i, &found));
                i = found.end.max(i + 1);
                out.push(found);
            } else {
                i += 1;
            }
        }
    }
}

struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    end: usize,
    anchor: Option<Date>,
    /// Computes the sentence's tense; asked only when a date needs it, as looking up every
    /// verb of every sentence would cost more than all the rest.
    tense_of_sentence: &'d dyn Fn() -> Tense,
    tense: std::cell::Cell<Option<Tense>>,
}

impl Scan<'_, '_> {
    fn tense(&self) -> Tense {
        match self.tense.get() {
            Some(t) => t,
            None => {
                let t = (self.tense_of_sentence)();
                self.tense.set(Some(t));
                t
            }
        }
    }

    fn word(&self, i: usize) -> &str {
        if i < self.end {
            self.doc.word(i)
        } else {
            ""
        }
    }

    fn is(&self, i: usize, w: &str) -> bool {
        i < self.end && self.doc.is(i, w)
    }

    fn at(&self, i: usize) -> Option<FoundDate> {
        let w = self.word(i);
        let class = self.doc.class(i);
        let found = if class.has(Class::DATE_DETERMINER) {
            // "le mois dernier", "cette année", "ce matin": frequent words, two readings only.
            self.this_part_of_day(i)
                .or_else(|| self.relative_period(i))?
        } else if class.has(Class::DATE)
            || w.as_bytes().first().is_some_and(u8::is_ascii_digit)
            || w.starts_with("mi-")
            || w.starts_with("Mi-")
        {
            self.date_at(i)?
        } else {
            return None;
        };
        // "hier soir", "mardi matin": the part of a day makes it a time.
        if !found.time_of_day && self.is_any_at(found.end, PARTS_OF_DAY) {
            return Some(FoundDate {
                end: found.end + 1,
                time_of_day: true,
                ..found
            });
        }
        Some(found)
    }

    /// "ce matin", "ce soir", "cette nuit", "cet après-midi": today, at a time of day.
    fn this_part_of_day(&self, i: usize) -> Option<FoundDate> {
        if !self.is_any_at(i, &["ce", "cet", "cette"]) || !self.is_any_at(i + 1, PARTS_OF_DAY) {
            return None;
        }
        Some(FoundDate {
            first: i,
            end: i + 2,
            value: self.anchor.map(Into::into),
            time_of_day: true,
        })
    }

    fn date_at(&self, i: usize) -> Option<FoundDate> {
        self.relative_day(i)
            .or_else(|| self.relative_period(i))
            .or_else(|| self.weekday_led(i))
            .or_else(|| self.day_led(i, i))
            .or_else(|| self.month_led(i, i))
            .or_else(|| self.numeric(i))
            .or_else(|| self.year(i))
    }

    /// "hier", "aujourd'hui (vendredi)", "demain".
    fn relative_day(&self, i: usize) -> Option<FoundDate> {
        const WORDS: [(&str, i64); 5] = [
            ("avant-hier", -2),
            ("hier", -1),
            ("aujourd'hui", 0),
            ("demain", 1),
            ("apres-demain", 2),
        ];
        let w = self.word(i);
        let (_, offset) = WORDS.iter().find(|(x, _)| same_word(w, x))?;
        let mut end = i + 1;
        if which_word(self.word(end), &WEEKDAYS).is_some() {
            end += 1;
        }
        Some(FoundDate {
            first: i,
            end,
            value: self.anchor.map(|a| a.add_days(*offset).into()),
            time_of_day: false,
        })
    }

    /// "l'an dernier", "l'année prochaine", "cette année", "le mois dernier", "cette semaine".
    fn relative_period(&self, i: usize) -> Option<FoundDate> {
        let (unit_at, determiner) = if self.is(i, "l'") || self.is(i, "le") || self.is(i, "la") {
            (i + 1, "def")
        } else if self.is(i, "cette") || self.is(i, "ce") {
            (i + 1, "this")
        } else {
            return None;
        };
        let unit = which_word(self.word(unit_at), &["an", "annee", "mois", "semaine"])?;
        let after = unit_at + 1;
        let direction = self.stated_direction(after);
        let (end, step) = match (determiner, direction) {
            ("this", Direction::Nearest) => (after, 0),
            ("def", Direction::Past) => (after + 1, -1),
            ("def", Direction::Next) => (after + 1, 1),
            _ => {
                // "l'année 2001": a year named with its noun.
                if matches!(unit, 0 | 1) && determiner == "def" {
                    let y = self.year_value(after)?;
                    return Some(FoundDate {
                        first: i,
                        end: after + 1,
                        value: Some(PartialDate {
                            year: y,
                            month: None,
                            day: None,
                        }),
                        time_of_day: false,
                    });
                }
                return None;
            }
        };
        // "ce mois-ci" is one token: "mois-ci".
        let value = self.anchor.and_then(|a| match unit {
            0 | 1 => Some(PartialDate {
                year: a.year + step,
                month: None,
                day: None,
            }),
            2 => {
                let (y, m) = add_months(a.year, a.month, step);
                Some(PartialDate {
                    year: y,
                    month: Some(m),
                    day: None,
                })
            }
            _ => None,
        });
        Some(FoundDate {
            first: i,
            end,
            value,
            time_of_day: false,
        })
    }

    /// The direction the words at `i` give ("dernier", "prochain"), else the sentence's tense.
    fn direction(&self, i: usize) -> Direction {
        match self.stated_direction(i) {
            Direction::Nearest => match self.tense() {
                Tense::Past => Direction::Past,
                Tense::Future => Direction::Next,
                Tense::Unknown => Direction::Nearest,
            },
            d => d,
        }
    }

    /// The direction the words at `i` state: "dernier", "prochain".
    fn stated_direction(&self, i: usize) -> Direction {
        let w = self.word(i);
        if [
            "dernier",
            "derniere",
            "derniers",
            "dernieres",
            "passe",
            "passee",
        ]
        .iter()
        .any(|x| same_word(w, x))
        {
            Direction::Past
        } else if ["prochain", "prochaine", "prochains", "prochaines"]
            .iter()
            .any(|x| same_word(w, x))
        {
            Direction::Next
        } else {
            Direction::Nearest
        }
    }

    /// "mercredi", "mercredi dernier", "mercredi 3 avril".
    fn weekday_led(&self, i: usize) -> Option<FoundDate> {
        let weekday = which_word(self.word(i), &WEEKDAYS)? as u8;
        // "le mercredi" alone is a habit ("fermé le mercredi"), not a date.
        let habitual = self
            .doc
            .is_any(i.wrapping_sub(1), &["le", "les", "chaque", "tous"]);
        if let Some(mut found) = self.day_led(i + 1, i) {
            found.first = i;
            return Some(found);
        }
        if habitual && !self.is(i + 1, "dernier") && !self.is(i + 1, "prochain") {
            return None;
        }
        let direction = self.stated_direction(i + 1);
        let end = if direction == Direction::Nearest {
            i + 1
        } else {
            i + 2
        };
        let value = self.anchor.map(|a| {
            let today = a.weekday() as i64;
            let target = weekday as i64;
            let back = (today - target).rem_euclid(7);
            let ahead = (target - today).rem_euclid(7);
            let offset = match direction {
                Direction::Past => -(if back == 0 { 7 } else { back }),
                Direction::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Direction::Nearest if self.tense() == Tense::Future => ahead,
                Direction::Nearest => -back,
            };
            a.add_days(offset).into()
        });
        Some(FoundDate {
            first: i,
            end,
            value,
            time_of_day: false,
        })
    }

    /// "5 décembre", "1er janvier 2020", "6 mai dernier".
    fn day_led(&self, i: usize, first: usize) -> Option<FoundDate> {
        let day = day_number(self.word(i))?;
        // "1 er mai": an ordinal suffix set apart, as OCR often does.
        let m = if day == 1 && self.is(i + 1, "er") {
            i + 2
        } else {
            i + 1
        };
        let (month, after) = self.month_at(m)?;
        let mut found = self.month_led(m, first)?;
        if found.first != first {
            return None;
        }
        found.value = match self.explicit_year_value(after) {
            // A year was written: keep it whatever the anchor says.
            Some(y) => (day <= days_in_month(y, month)).then_some(PartialDate {
                year: y,
                month: Some(month),
                day: Some(day),
            }),
            None => self.resolve_day(month, day, self.direction(after)),
        };
        Some(found)
    }

    /// The year written after a month: "2023", "98", or "'98".
    fn explicit_year_value(&self, i: usize) -> Option<i32> {
        self.year_value(i).or_else(|| self.two_digit_year(i))
    }

    /// The month at token `i` and the token after it ("sept." takes its dot).
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let written = self.word(i);
        let w = written.strip_suffix('.').unwrap_or(written);
        let m = MONTHS
            .iter()
            .position(|forms| forms.iter().any(|f| same_word(w, f)))?;
        let full = same_word(w, MONTHS[m][0]);
        let dotted = self.word(i + 1) == "." && self.doc.touches_previous(i + 1);
        if !full && !dotted && !written.ends_with('.') {
            // Abbreviations need their dot: "sept" alone is seven.
            return None;
        }
        let next = if !full && dotted { i + 2 } else { i + 1 };
        Some((m as u8 + 1, next))
    }

    /// "novembre 2023", "début octobre", "juin prochain", "mi-août", "mois d'août 1870".
    fn month_led(&self, i: usize, first: usize) -> Option<FoundDate> {
        let (start, i) =
            if self.is_any_at(i, &["debut", "fin", "mi"]) && self.month_at(i + 1).is_some() {
                (i, i + 1)
            } else if self.is(i, "mois")
                && self.is_any_at(i + 1, &["de", "d'"])
                && self.month_at(i + 2).is_some()
            {
                (i, i + 2)
            } else {
                (i, i)
            };
        let (month, after) = match self.month_at(i) {
            Some(m) => m,
            None => return self.mid_month(i),
        };
        let facts = self.doc.facts().get(i).copied().unwrap_or_default();
        // "Mars" in mid-sentence is the planet or a brand; "mai" and "mars" need a day or a
        // year unless written in lower case.
        let capital_mid_sentence = facts.capitalized && first == i && i > 0;
        if let Some(year) = self.explicit_year_value(after) {
            return Some(FoundDate {
                first: if first == i { start } else { first },
                end: after + 1,
                value: Some(PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                }),
                time_of_day: false,
            });
        }
        if capital_mid_sentence && !facts.all_caps && first == i {
            return None;
        }
        let end = if self.stated_direction(after) == Direction::Nearest {
            after
        } else {
            after + 1
        };
        Some(FoundDate {
            first: if first == i { start } else { first },
            end,
            value: self.resolve_month(month, self.direction(after)),
            time_of_day: false,
        })
    }

    fn is_any_at(&self, i: usize, words: &[&str]) -> bool {
        i < self.end && self.doc.is_any(i, words)
    }

    /// "mi-août" is one token.
    fn mid_month(&self, i: usize) -> Option<FoundDate> {
        let w = self.word(i);
        let rest = w.strip_prefix("mi-").or_else(|| w.strip_prefix("Mi-"))?;
        let month = MONTHS.iter().position(|forms| same_word(rest, forms[0]))? as u8 + 1;
        if let Some(year) = self.explicit_year_value(i + 1) {
            return Some(FoundDate {
                first: i,
                end: i + 2,
                value: Some(PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                }),
                time_of_day: false,
            });
        }
        Some(FoundDate {
            first: i,
            end: i + 1,
            value: self.resolve_month(month, self.direction(i + 1)),
            time_of_day: false,
        })
    }

    /// A four-digit year at token `i`.
    fn year_value(&self, i: usize) -> Option<i32> {
        let w = self.word(i);
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1000..=2100).contains(y))
    }

    /// "98" after a month: the century closest to the article.
    fn two_digit_year(&self, i: usize) -> Option<i32> {
        let w = self.word(i);
        let w = w
            .strip_prefix('\'')
            .or_else(|| w.strip_prefix('’'))
            .unwrap_or(w);
        if w.len() != 2 || !w.bytes().all(|b| b.is_ascii_digit()) || is_unit_after(self.word(i + 1))
        {
            return None;
        }
        let yy: i32 = w.parse().ok()?;
        let base = self.anchor.map_or(2000, |a| a.year);
        let century = base - base.rem_euclid(100);
        let candidates = [century - 100 + yy, century + yy, century + 100 + yy];
        candidates.into_iter().min_by_key(|y| (y - base).abs())
    }

    /// "en 2008", "depuis 1999", "fin 1986", "(2012)".
    fn year(&self, i: usize) -> Option<FoundDate> {
        let year = self.year_value(i)?;
        let before = self.doc.before(i);
        // "de 1940 à 1948", "en 1914 et 1915": the second year of a pair.
        let second_of_pair = ["a", "et", "au", "-"].iter().any(|w| same_word(before, w))
            && i >= 2
            && self.year_value(i - 2).is_some();
        let context = second_of_pair || YEAR_CONTEXT.iter().any(|w| same_word(before, w));
        if !context || is_unit_after(self.word(i + 1)) {
            return None;
        }
        let first = if self.doc.is_any(
            i.wrapping_sub(1),
            &["debut", "fin", "mi", "printemps", "ete", "automne", "hiver"],
        ) && i > 0
        {
            i - 1
        } else {
            i
        };
        Some(FoundDate {
            first,
            end: i + 1,
            value: Some(PartialDate {
                year,
                month: None,
                day: None,
            }),
            time_of_day: false,
        })
    }

    /// "12/03/2023", "12.03.2023", "2023-03-12"; and "1914-1918", a period with no single value.
    fn numeric(&self, i: usize) -> Option<FoundDate> {
        let w = self.word(i);
        if let Some((a, b)) = w.split_once('-') {
            let year = |s: &str| s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit());
            if year(a) && year(b) && a < b && (a >= "1000" && b <= "2100") {
                return Some(FoundDate {
                    first: i,
                    end: i + 1,
                    value: None,
                    time_of_day: false,
                });
            }
        }
        if !w.bytes().any(|b| matches!(b, b'/' | b'.' | b'-')) {
            return None;
        }
        let mut parts = [""; 3];
        let mut count = 0;
        for part in w.split(['/', '.', '-']) {
            if count == 3
                || part.is_empty()
                || part.len() > 4
                || !part.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            parts[count] = part;
            count += 1;
        }
        if count != 3 {
            return None;
        }
        let n: [i32; 3] = [0, 1, 2].map(|k| parts[k].parse().unwrap_or(0));
        let (y, m, d) = if parts[0].len() == 4 {
            (n[0], n[1], n[2])
        } else if parts[2].len() == 4 || parts[2].len() == 2 {
            let y = if parts[2].len() == 2 {
                self.two_digit_year(i).unwrap_or(2000 + n[2])
            } else {
                n[2]
            };
            (y, n[1], n[0])
        } else {
            return None;
        };
        let date = Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
        Some(FoundDate {
            first: i,
            end: i + 1,
            value: Some(date.into()),
            time_of_day: false,
        })
    }

    fn resolve_day(&self, month: u8, day: u8, direction: Direction) -> Option<PartialDate> {
        let a = self.anchor?;
        let anchor = a.to_days();
        let candidates = [a.year - 1, a.year, a.year + 1]
            .into_iter()
            .filter_map(|y| Date::new(y, month, day))
            .map(|d| (d, d.to_days() - anchor));
        let best = match direction {
            Direction::Past => candidates
                .filter(|(_, diff)| *diff <= 0)
                .max_by_key(|(_, diff)| *diff),
            Direction::Next => candidates
                .filter(|(_, diff)| *diff >= 0)
                .min_by_key(|(_, diff)| *diff),
            Direction::Nearest => candidates.min_by_key(|(_, diff)| diff.abs()),
        };
        best.map(|(d, _)| d.into())
    }

    fn resolve_month(&self, month: u8, direction: Direction) -> Option<PartialDate> {
        let a = self.anchor?;
        let here = a.year * 12 + i32::from(a.month) - 1;
        let candidates = [a.year - 1, a.year, a.year + 1]
            .into_iter()
            .map(|y| (y, y * 12 + i32::from(month) - 1 - here));
        let best = match direction {
            Direction::Past => candidates.filter(|(_, d)| *d <= 0).max_by_key(|(_, d)| *d),
            Direction::Next => candidates.filter(|(_, d)| *d >= 0).min_by_key(|(_, d)| *d),
            Direction::Nearest => candidates.min_by_key(|(_, d)| d.abs()),
        };
        best.map(|(year, _)| PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// In "du 1er au 15 août" and "les 6 et 13 avril", the bare day before the full date.
    fn range_head(&self, full_at: usize, full: &FoundDate) -> Option<FoundDate> {
        let link = full_at.checked_sub(1)?;
        let day_at = link.checked_sub(1)?;
        if !self.doc.is_any(link, &["au", "et", "a", "-"]) {
            return None;
        }
        let day = day_number(self.doc.word(day_at))?;
        if !self
            .doc
            .is_any(day_at.wrapping_sub(1), &["du", "les", "le", "entre", "des"])
            || day_at == 0
        {
            return None;
        }
        let value = full.value.and_then(|v| {
            let month = v.month?;
            (day <= days_in_month(v.year, month)).then_some(PartialDate {
                day: Some(day),
                ..v
            })
        });
        Some(FoundDate {
            first: day_at,
            end: day_at + 1,
            value,
            time_of_day: false,
        })
    }
}

/// "1er", "1", "01", "31", "premier".
fn day_number(w: &str) -> Option<u8> {
    // "ler" is how OCR reads "1er".
    if ["premier", "1er", "1re", "ler"]
        .iter()
        .any(|x| same_word(w, x))
    {
        return Some(1);
    }
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

fn add_months(year: i32, month: u8, step: i32) -> (i32, u8) {
    let total = year * 12 + i32::from(month) - 1 + step;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}
