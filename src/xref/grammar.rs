//! Cross-references: finding "paragraph 3 (b) above", "aux paragraphes 3
//! à 5", "le deuxième alinéa du préambule" in a draft, telling internal
//! ones from those that belong to another text, and resolving them to unit
//! labels.
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

use super::Document;
use super::tokens::{self, Kind, Token, match_any};
use crate::lang::References;
use crate::model::marker::{LATIN_SUFFIXES, letter_value, roman_value};
use crate::model::{Unit, UnitKind};
use std::ops::Range;

/// A number or letter of a reference, where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Its byte range in the document text.
    pub range: Range<usize>,
    /// Its canonical value: `12`, `9bis`, `b`, `ii`; for an ordinal word,
    /// the number it stands for.
    pub value: String,
}

/// What kind of unit a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// An operative paragraph (or one of its subparagraphs).
    Operative,
    /// A preambular paragraph (or one of its subparagraphs).
    Preambular,
    /// A subparagraph of the paragraph the reference stands in.
    Sibling,
}

/// One unit a reference points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Operative, preambular or sibling.
    pub kind: TargetKind,
    /// The paragraph number; none for a sibling subparagraph.
    pub number: Option<Piece>,
    /// When the number is an ordinal word, which of its forms
    /// ("première" is form 1 of the first ordinal).
    pub ordinal: Option<usize>,
    /// The subparagraph path: `b`, then `ii`.
    pub subs: Vec<Piece>,
}

impl Target {
    /// Its number as a label writes it (`9bis`, or empty for a sibling)
    /// and its subparagraph path (`(b)(ii)`).
    fn number_and_subs(&self) -> (&str, String) {
        let number = self.number.as_ref().map_or("", |n| n.value.as_str());
        let subs = self.subs.iter().map(|s| format!("({})", s.value)).collect();
        (number, subs)
    }

    /// A key for comparing targets across versions: `OP9bis(b)`, `PP2`,
    /// `(a)`.
    pub fn form(&self) -> String {
        let prefix = match self.kind {
            TargetKind::Operative => "OP",
            TargetKind::Preambular => "PP",
            TargetKind::Sibling => "",
        };
        let (number, subs) = self.number_and_subs();
        format!("{prefix}{number}{subs}")
    }
}

/// A cross-reference found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The unit it stands in.
    pub unit: usize,
    /// Its byte range in the document text, from the noun (or ordinal) to
    /// the last word that belongs to it ("above", "du dispositif").
    pub range: Range<usize>,
    /// Whether it points into another text (not resolved).
    pub external: bool,
    /// What it points at: one target per number or letter.
    pub targets: Vec<Target>,
    /// The word that places its targets above or below ("above",
    /// "ci-dessous"), if it has one.
    pub place: Option<Place>,
    /// Whether it names the present resolution ("paragraph 6 of the present
    /// resolution"): from an annex, it then points into the main text.
    pub of_present: bool,
    /// For "paragraph 3 of section B above", the section's letter (`B`):
    /// its targets are numbered within that section.
    pub section: Option<String>,
    /// For "paragraph 3 of the annex to the present resolution", the label
    /// of the annex (`ANNEX`, `ANNEX-II`). Such a reference is external to
    /// the main text, so that renumbering there never touches it, but
    /// [`resolve_reference`] looks for its targets in the annex.
    pub annex: Option<String>,
}

/// "above" or "below" after a reference, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The word's byte range in the document text.
    pub range: Range<usize>,
    /// Whether it places the targets after the reference ("below").
    pub below: bool,
    /// Where the word stands in its list ([`References::above`] or
    /// [`References::below`]); the word at this place in the other list is
    /// its opposite.
    pub index: usize,
}

impl Place {
    /// The word that says the opposite ("below" for "above"), in the case
    /// of the word written; `None` when the language has none.
    pub fn opposite(&self, words: &References, written: &str) -> Option<String> {
        let other = if self.below { words.above } else { words.below };
        let word = other.get(self.index)?;
        let upper = written.chars().next().is_some_and(char::is_uppercase);
        let mut chars = word.chars();
        Some(match chars.next() {
            Some(first) if upper => first.to_uppercase().chain(chars).collect(),
            _ => (*word).to_string(),
        })
    }
}

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

/// The label a target names, seen from the unit it is written in, and
/// whether the draft has that unit.
///
/// A sibling subparagraph is looked for beside the unit, then under its
/// paragraph.
pub fn resolve(doc: &Document, from: usize, target: &Target) -> (String, bool) {
    if target.kind == TargetKind::Operative && !has_operative_paragraphs(doc.units(), from) {
        // A report part: "paragraphs 29 to 31 of the operative part" there
        // speaks of the resolutions the report discusses, not of itself.
        return Default::default();
    }
    let candidates = candidates(doc, from, target);
    candidates
        .iter()
        .find(|c| doc.index_of(c).is_some())
        .map(|c| (c.clone(), true))
        .or_else(|| candidates.first().map(|c| (c.clone(), false)))
        .unwrap_or_default()
}

/// Like [`resolve`], for a target of `reference`: in a part without
/// operative paragraphs (a report, guidelines in an annex), "paragraph 12
/// above" or "below" names the part's own numbered paragraph 12 (`P12`);
/// without "above" or "below" such a reference is not resolved, as
/// [`resolve`] says.
pub fn resolve_reference(doc: &Document, reference: &Reference, target: &Target) -> (String, bool) {
    if let Some(annex) = &reference.annex {
        return in_annex(doc, annex, target);
    }
    let from = reference.unit;
    if let Some(section) = &reference.section {
        return in_section(doc, from, section, target);
    }
    let in_annex_part = doc.units().get(from).is_some_and(|u| u.part.is_some());
    if reference.of_present && in_annex_part {
        return in_main_text(doc, target);
    }
    let own_paragraphs = reference.place.is_some()
        && target.kind == TargetKind::Operative
        && !has_operative_paragraphs(doc.units(), from);
    if !own_paragraphs {
        return resolve(doc, from, target);
    }
    let (number, subs) = target.number_and_subs();
    let label = format!("{}P{number}{subs}", part_scope(doc.units(), from));
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

/// A target of "paragraph 3 of section B": operative paragraph 3 of
/// section B, when the section numbers its paragraphs from 1 (`B/OP3`);
/// not resolved when the draft has no such section.
fn in_section(doc: &Document, from: usize, section: &str, target: &Target) -> (String, bool) {
    if target.kind != TargetKind::Operative {
        return Default::default();
    }
    let prefix = format!("{}{section}/", part_scope(doc.units(), from));
    if !doc.units().iter().any(|u| u.label.starts_with(&prefix)) {
        return Default::default();
    }
    let (number, subs) = target.number_and_subs();
    let label = format!("{prefix}OP{number}{subs}");
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

/// A target of "paragraph 6 of the present resolution" written in an
/// annex: the main text's paragraph 6.
fn in_main_text(doc: &Document, target: &Target) -> (String, bool) {
    let (number, subs) = target.number_and_subs();
    let label = match target.kind {
        TargetKind::Operative => format!("OP{number}{subs}"),
        TargetKind::Preambular => format!("PP{number}{subs}"),
        TargetKind::Sibling => return Default::default(),
    };
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

/// A target of "paragraph 3 of the annex to the present resolution": the
/// annex's operative paragraph 3 or, when the annex has none (guidelines,
/// a declaration), its numbered paragraph 3. Not resolved when the draft
/// has no such annex, or when the annex restarts its numbering in sections.
fn in_annex(doc: &Document, annex: &str, target: &Target) -> (String, bool) {
    let units = doc.units();
    let Some(start) = units.iter().position(|u| u.label == annex) else {
        return Default::default();
    };
    if target.kind != TargetKind::Operative {
        return Default::default();
    }
    let (number, subs) = target.number_and_subs();
    let kind = if has_operative_paragraphs(units, start) {
        "OP"
    } else {
        "P"
    };
    let label = format!("{annex}/{kind}{number}{subs}");
    let sections = units
        .iter()
        .any(|u| u.label.starts_with(&format!("{annex}/")) && u.label.matches('/').count() > 1);
    if sections && doc.index_of(&label).is_none() {
        return Default::default();
    }
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

fn candidates(doc: &Document, from: usize, target: &Target) -> Vec<String> {
    let units = doc.units();
    let (number, subs) = target.number_and_subs();
    match target.kind {
        TargetKind::Operative => vec![format!("{}OP{number}{subs}", op_scope(units, from))],
        TargetKind::Preambular => vec![format!("{}PP{number}{subs}", part_scope(units, from))],
        TargetKind::Sibling => {
            let parent = units.get(from).and_then(|u| match u.kind {
                UnitKind::Subparagraph => u.parent,
                _ => Some(from),
            });
            [parent, Some(top(units, from))]
                .into_iter()
                .flatten()
                .filter_map(|p| units.get(p))
                .map(|p| format!("{}{subs}", bare(&p.label)))
                .collect()
        }
    }
}

/// Whether the part of unit `from` has operative paragraphs.
fn has_operative_paragraphs(units: &[Unit], from: usize) -> bool {
    let part = units.get(from).and_then(|u| u.part.as_deref());
    units
        .iter()
        .any(|u| u.part.as_deref() == part && u.kind == UnitKind::Operative)
}

/// The paragraph a unit belongs to (itself unless it is a subparagraph).
pub fn top(units: &[Unit], mut i: usize) -> usize {
    while let Some(p) = units.get(i).and_then(|u| u.parent) {
        i = p;
    }
    i
}

/// A label without its `#2` duplicate mark.
fn bare(label: &str) -> &str {
    label.split('#').next().unwrap_or(label)
}

/// Where operative labels seen from a unit start: `ANNEX-II/A/` in a
/// section where numbering restarts, else the part.
fn op_scope(units: &[Unit], from: usize) -> String {
    let label = units.get(top(units, from)).map_or("", |u| bare(&u.label));
    match label.rsplit_once('/') {
        Some((prefix, last)) if last.starts_with("OP") => format!("{prefix}/"),
        _ => part_scope(units, from),
    }
}

fn part_scope(units: &[Unit], from: usize) -> String {
    units
        .get(from)
        .and_then(|u| u.part.as_ref())
        .map_or_else(String::new, |p| format!("{p}/"))
}

/// What a reference shape gives before its tail: targets and where it ends.
struct Shape {
    /// The first token (a qualifier before the noun, or the noun).
    start: usize,
    targets: Vec<Target>,
    end: usize,
    external: bool,
}

/// What [`Parser::tail`] finds after a shape.
#[derive(Default)]
struct Tail {
    /// The token after the reference.
    end: usize,
    /// Whether the tail names another text.
    external: bool,
    place: Option<Place>,
    /// Whether it ends "of the present resolution".
    of_present: bool,
    /// The label of the present text's annex it names.
    annex: Option<String>,
    /// The letter of the section it names.
    section: Option<String>,
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
        let tok = self.tok(k)?;
        let (n, form) = self.words.ordinal(tok.text)?;
        let mut j = k + 1;
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
                range: tok.range.clone(),
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

    /// "of", "de", "du" (and an elision's apostrophe) at `j`.
    fn of_at(&self, j: usize) -> Option<usize> {
        match_any(self.toks, j, self.words.of)
    }

    /// "of the present resolution" at `j`: its length.
    fn present_at(&self, j: usize) -> Option<usize> {
        let of = self.of_at(j)?;
        Some(of + match_any(self.toks, j + of, self.words.present)?)
    }

    /// What follows a shape: "above", "of the present resolution", or the
    /// text it belongs to.
    fn tail(&self, start: usize, end: usize) -> Tail {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::model::ParseOptions;

    fn refs(body: &str) -> Vec<(String, bool, Vec<String>)> {
        let (chapeau, lang) = if body.contains("Prie") {
            ("L’Assemblée des États Parties,", Lang::Fr)
        } else if body.contains("Pide") {
            ("La Asamblea de los Estados Partes,", Lang::Es)
        } else {
            ("The General Assembly,", Lang::En)
        };
        let text = format!("{chapeau}\n\n{body}\n");
        let options = ParseOptions { lang: Some(lang) };
        let doc = Document::parse("t", text, &options).unwrap();
        doc.references()
            .iter()
            .map(|r| {
                let forms = r.targets.iter().map(Target::form).collect();
                (
                    super::super::quote(&doc.text[r.range.clone()]),
                    r.external,
                    forms,
                )
            })
            .collect()
    }

    fn one(body: &str) -> (String, bool, Vec<String>) {
        let mut r = refs(body);
        assert_eq!(r.len(), 1, "{r:?}");
        r.remove(0)
    }

    #[test]
    fn english_shapes() {
        assert_eq!(one("1. Recalls paragraph 12;").2, ["OP12"]);
        assert_eq!(one("1. Recalls paragraphs 3 to 5;").2, ["OP3", "OP5"]);
        assert_eq!(one("1. Recalls paragraphs 3 and 4;").2, ["OP3", "OP4"]);
        assert_eq!(
            one("1. Recalls paragraphs 3, 4, and 7;").2,
            ["OP3", "OP4", "OP7"]
        );
        assert_eq!(one("1. Recalls paragraph 3 (b);").2, ["OP3(b)"]);
        assert_eq!(
            one("1. Recalls paragraph 3 (a) and (b);").2,
            ["OP3(a)", "OP3(b)"]
        );
        assert_eq!(one("1. Recalls paragraph 9 bis;").2, ["OP9bis"]);
        assert_eq!(
            one("1. Recalls subparagraph (a) of paragraph 4;").2,
            ["OP4(a)"]
        );
        assert_eq!(one("1. Recalls operative paragraph 5;").2, ["OP5"]);
        assert_eq!(one("1. Recalls preambular paragraph 2;").2, ["PP2"]);
        assert_eq!(
            one("1. Recalls the second preambular paragraph;").2,
            ["PP2"]
        );
        let (text, external, forms) = one("1. Acts under paragraph 7 above;");
        assert_eq!(
            (text.as_str(), external, forms),
            ("paragraph 7 above", false, vec!["OP7".to_string()])
        );
        assert_eq!(one("1. As in subparagraph (a) above;").2, ["(a)"]);
    }

    #[test]
    fn french_shapes() {
        assert_eq!(
            one("1. Prie, comme au paragraphe 12 ci-dessus ;").2,
            ["OP12"]
        );
        assert_eq!(
            one("1. Prie le Bureau, aux paragraphes 3 à 5 ;").2,
            ["OP3", "OP5"]
        );
        assert_eq!(
            one("1. Prie le Bureau, à l’alinéa b) du paragraphe 4 ;").2,
            ["OP4(b)"]
        );
        assert_eq!(one("1. Prie le Bureau, au paragraphe 4 b) ;").2, ["OP4(b)"]);
        assert_eq!(
            one("1. Prie le Bureau, vu le deuxième alinéa du préambule ;").2,
            ["PP2"]
        );
        assert_eq!(
            one("1. Prie le Bureau, vu l’alinéa 3 du préambule ;").2,
            ["PP3"]
        );
        assert_eq!(
            one("1. Prie le Bureau, vu le paragraphe 5 du dispositif ;").2,
            ["OP5"]
        );
        let (_, external, _) =
            one("1. Prie le Bureau, selon le paragraphe 5 de la présente résolution ;");
        assert!(!external);
    }

    #[test]
    fn spanish_shapes() {
        assert_eq!(
            one("1. Pide a la Mesa, conforme al párrafo 4 a) supra;").2,
            ["OP4(a)"]
        );
        assert_eq!(
            one("1. Pide a la Mesa, según el apartado a) del párrafo 4;").2,
            ["OP4(a)"]
        );
        assert_eq!(
            one("1. Pide a la Mesa, según los párrafos 3 a 5;").2,
            ["OP3", "OP5"]
        );
        assert_eq!(
            one("1. Pide a la Mesa, según el párrafo 2 del preámbulo;").2,
            ["PP2"]
        );
        assert_eq!(
            one("1. Pide a la Mesa, según el segundo párrafo del preámbulo;").2,
            ["PP2"]
        );
        assert!(one("1. Pide a la Mesa, según el párrafo 30 de la resolución ICC-ASP/17/Res.3;").1);
    }

    #[test]
    fn external_references() {
        for body in [
            "1. Recalls paragraph 30 of resolution ICC-ASP/17/Res.3;",
            "1. Recalls article 36, paragraph 8, of the Statute;",
            "1. Recalls its resolution 75/1, in particular paragraph 5;",
            "1. Recalls paragraph 5 thereof;",
            "1. Recalls paragraph 5 of the report of the Bureau;",
            "1. Recalls “as requested in paragraph 5 above”;",
            "1. Prie le Bureau, conformément au paragraphe 37 de la résolution ICC-ASP/19/Res.2 ;",
            "1. Prie le Bureau, conformément au paragraphe 30 du dispositif de la résolution ICC-ASP/17/Res.3 ;",
        ] {
            assert!(one(body).1, "{body}");
        }
    }

    #[test]
    fn not_references() {
        assert!(
            refs("1. Notes the paragraph on the annex, the report and article 93 of the Statute;")
                .is_empty()
        );
        assert!(refs("1. Recalls paragraph 2020 of nothing;").is_empty());
    }

    #[test]
    fn wrapped_reference() {
        let (text, _, forms) = one("1. Acts as in paragraph\n   12 above;");
        assert_eq!(
            (text.as_str(), forms),
            ("paragraph 12 above", vec!["OP12".to_string()])
        );
    }
}
