//! Lines into paragraphs.
//!
//! A printed line starts a new paragraph when it opens like one and the
//! line before it ended like one:
//!
//! - an annex heading (`Annexe I`), the title line after it, a chapeau
//!   (`L’Assemblée des États Parties,`) stand alone;
//! - a paragraph number (`12. `) after a line that ended a clause, after a
//!   heading, or when it is the next number;
//! - a section heading (`II. Organisation des travaux`, `A. Coopération`)
//!   after a line that ended a sentence;
//! - a subparagraph letter (`a) `) after `;`, `:` or `,` outside quotes,
//!   or where it continues a list ([`super::lists`]);
//! - a dash bullet (`– `) after the end of a clause;
//! - a preambular opener (`Rappelant`, `Recalling`) after a comma;
//! - a short unpunctuated line (a heading) after the end of a sentence when
//!   a numbered paragraph follows it.
//!
//! Anything else continues the paragraph. A blank line that means a break
//! (in extractions without a blank line after every line) breaks, except
//! inside a sentence: Poppler's plain mode sets a blank line between the
//! blocks of its own reading of the page, and a subparagraph whose marker
//! stands apart from its text comes out in pieces:
//!
//! ```text
//! (c)                                        ← joined to its text (lines)
//!
//! promote, support, and facilitate, in coordination with the Government of
//!                                            ← inside a sentence: no break
//! Iraq:
//! ```

use super::hyphen::{Compounds, join};
use super::lines::Line;
use super::lists::Lists;
use crate::ingest::origin::Piece;
use crate::lang::Lang;
use crate::text::marker;

/// The most characters a printed line holds: a longer line is a paragraph
/// (or the part of it on one page) that the extracting tool unwrapped.
pub const PRINTED_WIDTH: usize = 110;

/// What the paragraph being built is, as far as segmenting cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Heading,
    Annex,
    Title,
    Chapeau,
}

/// Lines a table never swallows: annex headings and the title line after
/// each.
pub fn stops(flow: &[Line]) -> Vec<bool> {
    let mut stops = vec![false; flow.len()];
    let mut after_annex = false;
    for (i, line) in flow.iter().enumerate() {
        let t = line.trimmed();
        if t.is_empty() {
            continue;
        }
        if is_annex(t) {
            stops[i] = true;
            after_annex = true;
        } else if after_annex {
            stops[i] = true;
            after_annex = false;
        }
    }
    stops
}

fn is_annex(t: &str) -> bool {
    let words = crate::lang::annex_words();
    marker::annex(t, words).is_some()
}

/// A line of the draft being written, with the pieces of source it was
/// made of.
pub type DraftLine = (String, Vec<Piece>);

/// The paragraphs of the flow (one draft line each), tables as blocks of
/// `| ` lines.
pub fn paragraphs(flow: &[Line], tables: &[bool], compounds: &Compounds) -> Vec<Vec<DraftLine>> {
    let mut s = Segmenter {
        compounds,
        blocks: Vec::new(),
        current: String::new(),
        pieces: Vec::new(),
        kind: Kind::Text,
        last_number: 0,
        table: Vec::new(),
        previous_width: 0,
        lists: Lists::default(),
    };
    let texts: Vec<&str> = flow.iter().map(Line::trimmed).collect();
    s.lists = Lists::new(&texts);
    for (i, line) in flow.iter().enumerate() {
        if texts[i].is_empty() {
            continue;
        }
        let source = source_of(line);
        if tables[i] {
            s.flush_paragraph();
            let piece = Piece {
                draft: 2,
                line: source.0,
                column: source.1,
            };
            s.table.push((format!("| {}", texts[i]), vec![piece]));
            continue;
        }
        let next = texts[i + 1..].iter().find(|t| !t.is_empty()).copied();
        let blank = line.break_before && !s.inside_sentence(texts[i]);
        let breaks = blank || first_line_indent(flow, i) || s.after_unwrapped(texts[i]);
        s.line(i, texts[i], breaks, next, source);
        s.previous_width = texts[i].chars().count();
    }
    s.flush();
    s.blocks
}

/// Where a line's trimmed text starts in the source.
fn source_of(line: &Line) -> (usize, usize) {
    let indent = line.text.len() - line.text.trim_start().len();
    (line.source.0, line.source.1 + indent)
}

struct Segmenter<'a> {
    compounds: &'a Compounds,
    blocks: Vec<Vec<DraftLine>>,
    current: String,
    pieces: Vec<Piece>,
    kind: Kind,
    last_number: u32,
    table: Vec<DraftLine>,
    /// How many characters the line before had.
    previous_width: usize,
    /// The lists of subparagraphs.
    lists: Lists,
}

impl Segmenter<'_> {
    /// Whether the line before was a whole paragraph another tool
    /// unwrapped (longer than a printed line) and ended like one: then
    /// `t` starts a new paragraph, unless it goes on in lower case (the
    /// paragraph was cut by a page break).
    fn after_unwrapped(&self, t: &str) -> bool {
        let end = crate::text::blocks::last_char(&self.current);
        self.previous_width > PRINTED_WIDTH
            && end.is_some_and(|c| matches!(c, '.' | ';' | ':' | ','))
            && !t.starts_with(char::is_lowercase)
    }

    /// Whether the paragraph so far stops inside a sentence that `t` goes
    /// on with: a numbered paragraph or a long one (not a heading, a title
    /// or a chapeau) ending in a word, and `t` opening nothing of its own
    /// (no number, letter, heading, footnote or preambular opener).
    fn inside_sentence(&self, t: &str) -> bool {
        let numbered = marker::operative(&self.current).is_some()
            || marker::subparagraph(&self.current).is_some();
        // Counting stops at 15 words: a long paragraph is not rescanned.
        let long = self.current.split_whitespace().nth(14).is_some();
        let in_word = crate::text::blocks::last_char(&self.current)
            .is_some_and(|c| c.is_alphanumeric() || c == '-');
        let opens_own = marker::operative(t).is_some()
            || marker::subparagraph(t).is_some()
            || marker::section(t).is_some()
            || marker::footnote_definition(t).is_some()
            || is_annex(t)
            || crate::text::chapeau::is_chapeau(t)
            || Lang::ALL.iter().any(|l| l.table().opens_preambular(t));
        self.kind == Kind::Text && (numbered || long) && in_word && !opens_own
    }

    fn line(
        &mut self,
        i: usize,
        t: &str,
        break_before: bool,
        next: Option<&str>,
        source: (usize, usize),
    ) {
        if self.current.is_empty() || break_before || self.opens(i, t, next) {
            self.flush();
            self.kind = self.classify(t);
            if let Some(m) = marker::operative(t) {
                self.last_number = m.base;
            }
            self.lists.opened(t);
        }
        join(&mut self.current, t, self.compounds);
        self.pieces.push(Piece {
            draft: self.current.len() - t.len(),
            line: source.0,
            column: source.1,
        });
    }

    fn flush(&mut self) {
        if !self.table.is_empty() {
            self.blocks.push(std::mem::take(&mut self.table));
        }
        self.flush_paragraph();
    }

    fn flush_paragraph(&mut self) {
        if !self.current.is_empty() {
            let line = (
                std::mem::take(&mut self.current),
                std::mem::take(&mut self.pieces),
            );
            self.blocks.push(vec![line]);
        }
    }

    fn classify(&self, t: &str) -> Kind {
        if is_annex(t) {
            Kind::Annex
        } else if self.kind == Kind::Annex {
            Kind::Title
        } else if crate::text::chapeau::is_chapeau(t) {
            Kind::Chapeau
        } else if marker::operative(t).is_some() || marker::subparagraph(t).is_some() {
            Kind::Text
        } else if marker::section(t).is_some() || is_heading(t) {
            Kind::Heading
        } else {
            Kind::Text
        }
    }

    /// Whether line `t` opens a new paragraph after the current one.
    fn opens(&self, i: usize, t: &str, next: Option<&str>) -> bool {
        if matches!(self.kind, Kind::Annex | Kind::Chapeau)
            || is_annex(t)
            || crate::text::chapeau::is_chapeau(t)
        {
            return true;
        }
        if marker::footnote_definition(t).is_some() {
            return true;
        }
        if self.kind == Kind::Title {
            return t.starts_with(char::is_uppercase) || marker::operative(t).is_some();
        }
        let end = crate::text::blocks::last_char(&self.current).unwrap_or('.');
        let ends_sentence = matches!(end, '.' | ';' | ':');
        let ends_clause = ends_sentence || matches!(end, ',' | ')' | '»');
        if let Some(m) = marker::operative(t) {
            let expected = m.base == self.last_number + 1 || m.base == 1;
            return ends_clause || self.kind == Kind::Heading || expected;
        }
        if marker::section(t).is_some() {
            return ends_sentence || self.kind == Kind::Heading;
        }
        if marker::subparagraph(t).is_some() {
            let after_clause = matches!(end, ';' | ':' | ',');
            return (after_clause || self.lists.continues(i, t, &self.current))
                && !quote_open(&self.current);
        }
        if t.starts_with(['–', '—', '•']) || t.starts_with("- ") {
            return ends_clause;
        }
        let capital = t.starts_with(char::is_uppercase);
        if capital
            && matches!(end, ',' | ';' | '.')
            && Lang::ALL.iter().any(|l| l.table().opens_preambular(t))
        {
            return true;
        }
        capital
            && ends_sentence
            && is_heading(t)
            && next.is_some_and(|n| marker::operative(n).is_some())
    }
}

/// Whether line `i` is indented past the lines on both sides of it (three
/// columns or more) and opens like a paragraph: a first-line indent in a
/// layout extraction (`                   (a)  prioritize …` between
/// `(S/2020/448), shall` and `            Government and people …`).
fn first_line_indent(flow: &[Line], i: usize) -> bool {
    let indent = |l: &Line| l.text.len() - l.text.trim_start().len();
    let content = |j: &usize| !flow[*j].trimmed().is_empty();
    let prev = (0..i).rev().find(content);
    let next = (i + 1..flow.len()).find(content);
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    let t = flow[i].trimmed();
    let opens = t.starts_with(char::is_uppercase)
        || marker::operative(t).is_some()
        || marker::subparagraph(t).is_some();
    let here = indent(&flow[i]);
    opens && here >= indent(&flow[p]) + 3 && here >= indent(&flow[n]) + 3
}

/// A short line that does not end like a sentence.
fn is_heading(t: &str) -> bool {
    t.split_whitespace().count() <= 14 && !t.ends_with(['.', ',', ';', ':'])
}

/// Whether a quotation opened in `text` is still open.
fn quote_open(text: &str) -> bool {
    let opened = text.matches(['«', '“']).count();
    let closed = text.matches(['»', '”']).count();
    opened > closed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(lines: &[&str]) -> Vec<String> {
        let flow: Vec<Line> = lines
            .iter()
            .map(|t| crate::ingest::pdf_text::lines::line(t))
            .collect();
        paragraphs(&flow, &vec![false; flow.len()], &Compounds::default())
            .into_iter()
            .map(|block| {
                block
                    .into_iter()
                    .map(|line| line.0)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }

    #[test]
    fn resolution_structure() {
        let p = segment(&[
            " Annexe I",
            "Projet de résolution sur la coopération",
            "L’Assemblée des États Parties,",
            "Rappelant les dispositions du Statut de Rome, la Déclaration sur la",
            "coopération,",
            "Déterminée à mettre un terme à l’impunité,",
            "1. Souligne l’importance d’une coopé-",
            "ration efficace ;",
            "Exécution des mandats d’arrêt",
            "2. Exprime sa vive préoccupation ;",
        ]);
        assert_eq!(
            p,
            [
                "Annexe I",
                "Projet de résolution sur la coopération",
                "L’Assemblée des États Parties,",
                "Rappelant les dispositions du Statut de Rome, la Déclaration sur la coopération,",
                "Déterminée à mettre un terme à l’impunité,",
                "1. Souligne l’importance d’une coopération efficace ;",
                "Exécution des mandats d’arrêt",
                "2. Exprime sa vive préoccupation ;",
            ]
        );
    }

    #[test]
    fn quoted_subparagraph_stays_in_its_paragraph() {
        let p = segment(&[
            "Prenant note de la Résolution, demandant « au Bureau de traiter en priorité les questions :",
            "a) Renforcement de la coopération » ; le document Matrix,",
            "1. Souligne.",
        ]);
        assert_eq!(p.len(), 2);
        assert!(p[0].contains(": a) Renforcement"));
    }

    #[test]
    fn multi_line_section_heading() {
        let p = segment(&[
            "années.",
            "III. Évaluation des recommandations formulées dans l’Examen",
            "par le Groupe d’experts indépendants attribuées à la",
            "facilitation sur la coopération",
            "16. Durant la première réunion de la facilitation le 13 juillet,",
        ]);
        assert_eq!(
            p[1],
            "III. Évaluation des recommandations formulées dans l’Examen par le Groupe d’experts indépendants attribuées à la facilitation sur la coopération"
        );
        assert!(p[2].starts_with("16. Durant"));
    }

    #[test]
    fn wrapped_line_starting_with_a_number_continues() {
        let p = segment(&["5. Notes the figures for", "2020. It also notes"]);
        assert_eq!(p, ["5. Notes the figures for 2020. It also notes"]);
    }
}
