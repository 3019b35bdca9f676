//! Cross-references: finding "paragraph 3 (b) above", "aux paragraphes 3
//! à 5", "le deuxième alinéa du préambule" in a draft, telling internal
//! ones from those that belong to another text, and reading their
//! targets ([`super::resolve`] turns targets into unit labels).
//!
//! The vocabulary is the draft language's [`References`] table; this
//! module only knows the shapes:
//!
//! | shape | example | target |
//! |---|---|---|
//! | noun, numbers, subparagraphs | `paragraphs 3 (a) and 4` | `OP3(a)`, `OP4` |
//! | … with a qualifier | `operative paragraph 5`, `paragraphe 2 du préambule` | `OP5`, `PP2` |
//! | ordinal, noun, qualifier | `le deuxième alinéa du préambule` | `PP2` |
//! | subparagraph noun, `of` paragraph | `alinéa b) du paragraphe 4` | `OP4(b)` |
//! | subparagraph noun alone | `subparagraph (a) above` | `(a)` of the same paragraph |
//!
//! A reference is **external**, and never resolved, when it is followed by
//! `of`/`de` and a text other than the present one ("paragraph 30 of
//! resolution ICC-ASP/17/Res.3", "paragraphe 30 du dispositif de la
//! résolution …") or by a document symbol or "thereof"; when it stands in
//! a quotation; or when the same clause named another text or provision
//! before it ("article 36, paragraph 8, of the Statute") and nothing
//! ("above", "ci-dessus") places it here.

mod tail;
#[cfg(test)]
mod tests;

use super::Document;
use super::reference::{Piece, Reference, Target, TargetKind};
use super::tokens::{self, Kind, Token, match_any};
use crate::lang::References;
use crate::model::UnitKind;
use crate::model::marker::{LATIN_SUFFIXES, letter_value, roman_value};
use std::ops::Range;

/// Every cross-reference of a document, in order.
pub fn extract(doc: &Document) -> Vec<Reference> {
    let atoms: Vec<Range<usize>> = doc.symbols().iter().map(|s| s.range.clone()).collect();
    let words = &doc.table().references;
    let mut out = Vec::new();
    for (i, unit) in doc.units().iter().enumerate() {
        if unit.kind == UnitKind::Title {
            continue;
        }
        let toks = tokens::lex(&doc.text, doc.span(i), &atoms);
        let mut found = Parser { words, toks: &toks }.all(i);
        // Footnotes cite other documents ("Ibid., para. 40", "A/78/6
        // (Sect. 1), para. 12"): their references are never to the draft.
        if unit.kind == UnitKind::Footnote {
            found.iter_mut().for_each(|r| r.external = true);
        }
        out.extend(found);
    }
    out
}

/// What a reference shape gives before its tail: targets and where it ends.
struct Shape {
    /// The first token (a qualifier before the noun, or the noun).
    start: usize,
    targets: Vec<Target>,
    end: usize,
    external: bool,
}

struct Parser<'t, 'a> {
    words: &'static References,
    toks: &'t [Token<'a>],
}

impl Parser<'_, '_> {
    fn all(&self, unit: usize) -> Vec<Reference> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < self.toks.len() {
            match self.shape(k) {
                Some(shape) => {
                    let tail = self.tail(shape.start, shape.end);
                    let external = shape.external || tail.external || self.toks[k].quoted;
                    out.push(Reference {
                        unit,
                        range: self.toks[shape.start].range.start
                            ..self.toks[tail.end - 1].range.end,
                        external,
                        targets: shape.targets,
                        place: tail.place,
                        of_present: tail.of_present,
                        annex: tail.annex,
                        section: tail.section,
                    });
                    k = tail.end;
                }
                None => k += 1,
            }
        }
        out
    }

    fn tok(&self, k: usize) -> Option<&Token<'_>> {
        self.toks.get(k)
    }

    fn word_in(&self, k: usize, list: &[&str]) -> bool {
        self.tok(k)
            .is_some_and(|t| list.iter().any(|w| t.is_word(w)))
    }

    fn shape(&self, k: usize) -> Option<Shape> {
        let tok = self.tok(k)?;
        if tok.kind != Kind::Word {
            return None;
        }
        self.ordinal_shape(k)
            .or_else(|| self.paragraph_shape(k))
            .or_else(|| self.subparagraph_shape(k))
    }

    /// After a noun, its abbreviation's full stop ("paras.").
    fn after_noun(&self, k: usize) -> usize {
        let short = self.tok(k).is_some_and(|t| t.text.chars().count() <= 4);
        if short && self.tok(k + 1).is_some_and(|t| t.is_punct('.')) {
            k + 2
        } else {
            k + 1
        }
    }

    /// "the second preambular paragraph", "le deuxième alinéa du préambule".
    fn ordinal_shape(&self, k: usize) -> Option<Shape> {
        let (n, form, len) = self.ordinal_at(k)?;
        let mut j = k + len;
        let before = match_any(self.toks, j, self.words.preambular_before);
        j += before.unwrap_or(0);
        let nouns = [self.words.paragraph, self.words.subparagraph];
        if !nouns.iter().any(|list| self.word_in(j, list)) {
            return None;
        }
        j = self.after_noun(j);
        let after = match_any(self.toks, j, self.words.preambular_after);
        if before.is_none() && after.is_none() {
            return None;
        }
        let target = Target {
            kind: TargetKind::Preambular,
            number: Some(Piece {
                range: self.toks[k].range.start..self.toks[k + len - 1].range.end,
                value: n.to_string(),
            }),
            ordinal: Some(form),
            subs: Vec::new(),
        };
        Some(Shape {
            start: k,
            targets: vec![target],
            end: j + after.unwrap_or(0),
            external: false,
        })
    }

    /// An ordinal of one or more words at `k` ("fifth", "twenty-first",
    /// "vingt et unième", "vigésimo primer"), the longest spelling first so
    /// that "vigésimo quinto" is 25 and not 5: its number, form and length
    /// in tokens.
    fn ordinal_at(&self, k: usize) -> Option<(u32, usize, usize)> {
        let ordinals = self.words.ordinals;
        let words: Vec<&str> = self.toks[k..]
            .iter()
            .take(ordinals.longest())
            .take_while(|t| t.kind == Kind::Word)
            .map(|t| t.text)
            .collect();
        (1..=words.len()).rev().find_map(|len| {
            let (n, form) = ordinals.read(&words[..len].join(" "))?;
            Some((n, form, len))
        })
    }

    /// "paragraphs 3 (a) and 4", "operative paragraph 5", "paragraphe 2 du
    /// préambule".
    fn paragraph_shape(&self, k: usize) -> Option<Shape> {
        if !self.word_in(k, self.words.paragraph) {
            return None;
        }
        let mut kind = TargetKind::Operative;
        let mut start = k;
        if k > 0 && self.word_in(k - 1, self.words.preambular_before) {
            kind = TargetKind::Preambular;
            start = k - 1;
        } else if k > 0 && self.word_in(k - 1, self.words.operative_before) {
            start = k - 1;
        }
        let (mut targets, mut end) = self.items(self.after_noun(k))?;
        if let Some(n) = match_any(self.toks, end, self.words.preambular_after) {
            kind = TargetKind::Preambular;
            end += n;
        } else if let Some(n) = match_any(self.toks, end, self.words.operative_after) {
            end += n;
        }
        targets.iter_mut().for_each(|t| t.kind = kind);
        Some(Shape {
            start,
            targets,
            end,
            external: false,
        })
    }

    /// "subparagraph (a) of paragraph 4", "alinéas a) et b)", "alinéa 2 du
    /// préambule".
    fn subparagraph_shape(&self, k: usize) -> Option<Shape> {
        if !self.word_in(k, self.words.subparagraph) {
            return None;
        }
        let start = self.after_noun(k);
        let Some((paths, end)) = self.sub_list(start) else {
            return self.numbered_subparagraph(k, start);
        };
        if let Some(of) = self.of_at(end)
            && let Some(shape) = self.paragraph_shape(end + of)
        {
            return Some(Shape {
                start: k,
                targets: combine(&shape.targets, &paths),
                ..shape
            });
        }
        let external = self.of_at(end).is_some() && self.present_at(end).is_none();
        let targets = paths
            .into_iter()
            .map(|subs| Target {
                kind: TargetKind::Sibling,
                number: None,
                ordinal: None,
                subs,
            })
            .collect();
        Some(Shape {
            start: k,
            targets,
            end,
            external,
        })
    }

    /// "alinéa 2 du préambule": the French name of a preambular paragraph.
    fn numbered_subparagraph(&self, k: usize, j: usize) -> Option<Shape> {
        let (targets, end) = self.items(j)?;
        let after = match_any(self.toks, end, self.words.preambular_after)?;
        let targets = targets
            .into_iter()
            .map(|t| Target {
                kind: TargetKind::Preambular,
                ..t
            })
            .collect();
        Some(Shape {
            start: k,
            targets,
            end: end + after,
            external: false,
        })
    }

    /// Numbers with their subparagraphs, joined by commas, "and", "to":
    /// `3 (a) and (b), 4 to 6`.
    fn items(&self, mut j: usize) -> Option<(Vec<Target>, usize)> {
        let mut targets = Vec::new();
        loop {
            let (number, next) = self.number(j)?;
            j = next;
            let (subs, next) = self.sub_path(j);
            j = next;
            targets.push(operative(number.clone(), subs));
            j = self.more_subs(j, &number, &mut targets);
            match self.separator(j) {
                Some(next) if self.number(next).is_some() => j = next,
                _ => return Some((targets, j)),
            }
        }
    }

    /// "paragraph 3 (a) and (b)": further subparagraphs of one number.
    fn more_subs(&self, mut j: usize, number: &Piece, targets: &mut Vec<Target>) -> usize {
        while let Some(next) = self.separator(j) {
            let (subs, after) = self.sub_path(next);
            if subs.is_empty() {
                break;
            }
            targets.push(operative(number.clone(), subs));
            j = after;
        }
        j
    }

    /// A comma, "and", "to" or a dash (with an Oxford comma before "and").
    fn separator(&self, j: usize) -> Option<usize> {
        let tok = self.tok(j)?;
        let joins = [self.words.and, self.words.to];
        if tok.is_punct(',') {
            let next = j + 1;
            return Some(if joins.iter().any(|l| self.word_in(next, l)) {
                next + 1
            } else {
                next
            });
        }
        if joins.iter().any(|l| self.word_in(j, l)) || tok.is_punct('-') || tok.is_punct('–') {
            return Some(j + 1);
        }
        None
    }

    /// A paragraph number of up to three digits, with its Latin suffix:
    /// `12`, `9 bis`, `9bis`.
    fn number(&self, j: usize) -> Option<(Piece, usize)> {
        let tok = self.tok(j)?;
        if tok.kind != Kind::Number || tok.text.len() > 3 {
            return None;
        }
        let mut piece = Piece {
            range: tok.range.clone(),
            value: tok.text.to_string(),
        };
        if let Some(suffix) = self.tok(j + 1).filter(|t| {
            LATIN_SUFFIXES
                .iter()
                .any(|s| t.kind == Kind::Word && t.text == *s)
        }) {
            piece.range.end = suffix.range.end;
            piece.value.push_str(suffix.text);
            return Some((piece, j + 2));
        }
        Some((piece, j + 1))
    }

    /// Subparagraphs after a number: `(b)(ii)`, `b)`.
    fn sub_path(&self, mut j: usize) -> (Vec<Piece>, usize) {
        let mut subs = Vec::new();
        while let Some((piece, next)) = self.sub(j) {
            subs.push(piece);
            j = next;
        }
        (subs, j)
    }

    /// A list of subparagraphs: `(a) and (b)`, `a) et b)`.
    fn sub_list(&self, j: usize) -> Option<(Vec<Vec<Piece>>, usize)> {
        let (first, mut end) = self.sub_path(j);
        if first.is_empty() {
            return None;
        }
        let mut paths = vec![first];
        while let Some(next) = self.separator(end) {
            let (path, after) = self.sub_path(next);
            if path.is_empty() {
                break;
            }
            paths.push(path);
            end = after;
        }
        Some((paths, end))
    }

    /// `(b)`, `(ii)` or `b)`: a lower-case letter or roman numeral.
    fn sub(&self, j: usize) -> Option<(Piece, usize)> {
        let tok = self.tok(j)?;
        let (letter, next) = if tok.is_punct('(') {
            (self.tok(j + 1)?, j + 2)
        } else {
            (tok, j + 1)
        };
        let close = self.tok(next)?;
        let adjacent = tok.is_punct('(') || letter.range.end == close.range.start;
        let value = letter.text;
        let valid = letter.kind == Kind::Word
            && value.chars().all(|c| c.is_ascii_lowercase())
            && (letter_value(value).is_some() || roman_value(value).is_some());
        (valid && adjacent && close.is_punct(')')).then(|| {
            let piece = Piece {
                range: letter.range.clone(),
                value: value.to_string(),
            };
            (piece, next + 1)
        })
    }
}

fn operative(number: Piece, subs: Vec<Piece>) -> Target {
    Target {
        kind: TargetKind::Operative,
        number: Some(number),
        ordinal: None,
        subs,
    }
}

/// "subparagraphs (a) and (b) of paragraph 4": each path under each
/// paragraph.
fn combine(paragraphs: &[Target], paths: &[Vec<Piece>]) -> Vec<Target> {
    paragraphs
        .iter()
        .flat_map(|p| {
            paths.iter().map(move |path| Target {
                subs: p.subs.iter().chain(path).cloned().collect(),
                ..p.clone()
            })
        })
        .collect()
}
