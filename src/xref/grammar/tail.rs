//! What follows a reference's numbers: "above"/"below", "of the present
//! resolution", "of section B", "of the annex to the present resolution",
//! or another text ("of resolution 75/1", "thereof"), which makes the
//! reference external.
//!
//! `paragraph 3 of section B above` → section `B`, place "above";
//! `paragraph 30 of resolution ICC-ASP/17/Res.3` → external.

use super::super::reference::Place;
use super::super::tokens::{Kind, match_any};
use super::Parser;
use crate::model::marker::roman_value;

/// What [`Parser::tail`] finds after a shape.
#[derive(Default)]
pub(super) struct Tail {
    /// The token after the reference.
    pub(super) end: usize,
    /// Whether the tail names another text.
    pub(super) external: bool,
    pub(super) place: Option<Place>,
    /// Whether it ends "of the present resolution".
    pub(super) of_present: bool,
    /// The label of the present text's annex it names.
    pub(super) annex: Option<String>,
    /// The letter of the section it names.
    pub(super) section: Option<String>,
}

impl Parser<'_, '_> {
    /// "of", "de", "du" (and an elision's apostrophe) at `j`.
    pub(super) fn of_at(&self, j: usize) -> Option<usize> {
        match_any(self.toks, j, self.words.of)
    }

    /// "of the present resolution" at `j`: its length.
    pub(super) fn present_at(&self, j: usize) -> Option<usize> {
        let of = self.of_at(j)?;
        Some(of + match_any(self.toks, j + of, self.words.present)?)
    }

    /// What follows a shape: "above", "of the present resolution", or the
    /// text it belongs to.
    pub(super) fn tail(&self, start: usize, end: usize) -> Tail {
        match self.section_at(end) {
            Some((section, n)) => Tail {
                section: Some(section),
                ..self.tail_after(start, end + n)
            },
            None => self.tail_after(start, end),
        }
    }

    /// "of section B", "de la section B" at `j`: the letter and the length.
    fn section_at(&self, j: usize) -> Option<(String, usize)> {
        let mut k = j + self.of_at(j)?;
        k += match_any(self.toks, k, self.words.section)?;
        let id = self.tok(k).filter(|t| {
            t.kind == Kind::Word
                && t.text.chars().count() <= 4
                && t.text.chars().all(|c| c.is_ascii_uppercase())
        })?;
        Some((id.text.to_string(), k + 1 - j))
    }

    /// What follows a shape, past the section it names if any.
    fn tail_after(&self, start: usize, end: usize) -> Tail {
        if let Some(place) = self.place_at(end) {
            let end = end + place.1;
            let symbol = self.tok(end).is_some_and(|t| t.kind == Kind::Symbol);
            let place = Some(place.0);
            return Tail {
                end,
                external: symbol,
                place,
                ..Tail::default()
            };
        }
        if let Some(n) = self.present_at(end) {
            let end = end + n;
            return Tail {
                end,
                of_present: true,
                ..Tail::default()
            };
        }
        if let Some((annex, n)) = self.annex_at(end) {
            let end = end + n;
            let annex = Some(annex);
            return Tail {
                end,
                external: true,
                annex,
                ..Tail::default()
            };
        }
        let external = self.of_at(end).is_some()
            || match_any(self.toks, end, self.words.external_after).is_some()
            || self.tok(end).is_some_and(|t| t.kind == Kind::Symbol)
            || self.names_another_text(start);
        Tail {
            end,
            external,
            ..Tail::default()
        }
    }

    /// "of the annex to the present resolution", "de l’annexe II à la
    /// présente résolution" at `j`: the annex's label and the length.
    fn annex_at(&self, j: usize) -> Option<(String, usize)> {
        let mut k = j + self.of_at(j)?;
        k += match_any(self.toks, k, self.words.annex)?;
        let mut label = "ANNEX".to_string();
        if let Some(t) = self.tok(k).filter(|t| {
            matches!(t.kind, Kind::Number | Kind::Word)
                && (t.text.chars().all(|c| c.is_ascii_digit())
                    || (t.text.chars().all(|c| c.is_ascii_uppercase())
                        && roman_value(&t.text.to_lowercase()).is_some()))
        }) {
            label = format!("ANNEX-{}", t.text);
            k += 1;
        }
        k += match_any(self.toks, k, self.words.annex_link)?;
        k += match_any(self.toks, k, self.words.present)?;
        Some((label, k - j))
    }

    /// "above" or "below" at `j`: the place and its length in tokens.
    fn place_at(&self, j: usize) -> Option<(Place, usize)> {
        [(self.words.above, false), (self.words.below, true)]
            .into_iter()
            .find_map(|(list, below)| {
                list.iter().enumerate().find_map(|(index, phrase)| {
                    let n = match_any(self.toks, j, &[phrase])?;
                    let range = self.toks[j].range.start..self.toks[j + n - 1].range.end;
                    Some((
                        Place {
                            range,
                            below,
                            index,
                        },
                        n,
                    ))
                })
            })
    }

    /// Whether the clause before `k` named another text or provision: a
    /// document symbol, or "article 93", "resolution 75/1".
    fn names_another_text(&self, k: usize) -> bool {
        let clause = self.toks[..k]
            .iter()
            .rposition(|t| t.is_punct(';') || t.is_punct('.'))
            .map_or(0, |p| p + 1);
        (clause..k).any(|i| {
            let t = &self.toks[i];
            t.kind == Kind::Symbol
                || (self.word_in(i, self.words.external_nouns)
                    && self.tok(i + 1).is_some_and(|n| {
                        matches!(n.kind, Kind::Number | Kind::Symbol)
                            || (n.kind == Kind::Word && roman_value(n.text).is_some())
                    }))
        })
    }
}
