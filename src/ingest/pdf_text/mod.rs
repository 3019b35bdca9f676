//! Reading text extracted from PDF reports.
//!
//! What a delegate copies out of a published PDF has one line per printed
//! line (in some extractions with a blank line after each), words
//! hyphenated at line ends (`Con-` / `seil`), footnote texts in the middle
//! of the flow after a rule, footnote markers glued to words (`coopération8,`)
//! or standing alone (`coopération 5 ,`), tables whose cells come out one per
//! line, and page furniture. This reader turns it into a plain-text draft in
//! the project's format (see [`crate::model`]): one paragraph per block,
//! `[^N]` references and `[^N]: text` definitions, tables as `|` blocks.
//!
//! The stages, each in its own module:
//!
//! 1. [`lines`]: the lines, and whether blank lines mean anything;
//! 2. [`footnotes`]: footnote areas lifted out of the flow, markers found
//!    in the text of their page and replaced by `[^N]`;
//! 3. [`furniture`]: running headers and page numbers dropped;
//! 4. [`table`]: runs of cell-like lines kept as one opaque block;
//! 5. [`segment`]: lines joined into paragraphs, with [`hyphen`]ation
//!    undone where the word is not a real compound.

use crate::ingest::origin::{Origin, Piece};
use crate::text::metadata::Metadata;

mod footnotes;
mod furniture;
pub(crate) mod hyphen;
mod lines;
mod lists;
pub mod published;
mod segment;
mod table;

/// Whether a text looks extracted from a PDF rather than written as a
/// draft: no `[^N]` references, and either page breaks (form feeds), most
/// lines indented as printed, a footnote area after a rule, several words
/// hyphenated across line ends, a blank line after every line where the
/// lines are printed lines (many end mid-sentence), not paragraphs, lines
/// without blank lines between them where a sentence runs from one line
/// into the next (paragraphs cut by page breaks), or a UN masthead or page
/// furniture ([`published`]).
pub fn looks_like(text: &str) -> bool {
    // Both searches by the `memchr` crate's vector search: the standard
    // library's reads a word at a time (4 MB drafts, issue 14).
    if memchr::memmem::find(text.as_bytes(), b"[^").is_some() {
        return false;
    }
    let raw: Vec<&str> = crate::text::lines::lines(text).collect();
    memchr::memchr(0x0C, text.as_bytes()).is_some()
        || lines::mostly_indented(&raw)
        || footnotes::has_footnote_area(&raw)
        || hyphen::line_end_hyphenations(&raw) >= 3
        || (lines::blank_after_every_line(&raw) && lines::mostly_cut_mid_sentence(&raw))
        || lines::cut_between_lines(&raw)
        || published::has_furniture_in(&raw)
}

/// Converts PDF-extracted text into a plain-text draft.
///
/// ```
/// use redraft::ingest::pdf_text::to_draft;
/// let pdf = "1. Souligne l’importance de la coo-\npération avec la Cour5 ;\n\n                              \n5 ICC-ASP/19/25.\n 2. Prie le Bureau de poursuivre la coopération.\n";
/// assert_eq!(to_draft(pdf), "1. Souligne l’importance de la coopération avec la Cour[^5] ;\n\n2. Prie le Bureau de poursuivre la coopération.\n\n[^5]: ICC-ASP/19/25.\n");
/// ```
///
/// Without a word cut at a line end written whole elsewhere, the text
/// shows no hyphenation, and a hyphen at a line end is the word's own:
///
/// ```
/// use redraft::ingest::pdf_text::to_draft;
/// let pdf = "1. Décide d’inscrire à l’ordre du jour de sa quatre-\nvingt-unième session la question.\n";
/// assert_eq!(to_draft(pdf), "1. Décide d’inscrire à l’ordre du jour de sa quatre-vingt-unième session la question.\n");
/// ```
pub fn to_draft(text: &str) -> String {
    convert(text).0
}

/// Converts PDF-extracted text into a plain-text draft, with the map from
/// the draft's lines back to the text's and what its masthead said.
pub fn convert_published(text: &str) -> (String, Origin, Metadata) {
    let (prepared, metadata) = published::prepare(text);
    let (draft, origin) = convert(&prepared);
    (draft, origin, metadata)
}

/// Converts PDF-extracted text into a plain-text draft, with the map from
/// the draft's lines back to the text's.
pub fn convert(text: &str) -> (String, Origin) {
    let raw: Vec<&str> = text.lines().collect();
    let lines = lines::read(&raw);
    let compounds = hyphen::compounds(text);
    let (mut flow, notes) = footnotes::lift(lines, &compounds);
    let stops = segment::stops(&flow);
    let tables = table::regions(&flow, &stops);
    furniture::drop(&mut flow, &tables);
    footnotes::mark(&mut flow, &notes);
    let blocks = segment::paragraphs(&flow, &tables, &compounds);
    let mut out = String::new();
    let mut origin = Origin::new(text);
    for block in blocks {
        for (line, pieces) in block {
            out.push_str(&line);
            out.push('\n');
            origin.push_line(pieces);
        }
        out.push('\n');
        origin.push_line(Vec::new());
    }
    for note in &notes {
        let head = format!("[^{}]: ", note.number);
        out.push_str(&format!("{head}{}\n", note.text));
        origin.push_line(vec![
            Piece {
                draft: 0,
                line: note.source.0,
                column: note.source.1,
            },
            Piece {
                draft: head.len(),
                line: note.source.0,
                column: note.source.1,
            },
        ]);
    }
    if notes.is_empty() {
        out.pop();
    }
    (out, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drafts_do_not_look_like_pdf_text() {
        let draft = std::fs::read_to_string("fixtures/annex-i/after.txt").unwrap();
        assert!(!looks_like(&draft));
        let wrapped = std::fs::read_to_string("fixtures/hard-wrapped/new.txt").unwrap();
        assert!(!looks_like(&wrapped));
    }

    #[test]
    fn printed_lines_with_blank_lines_look_like_pdf_text() {
        let printed = "1. Par la résolution ICC-ASP/19/Res.2 intitulée « Résolution sur la coopération »,\n\nadoptée par l’Assemblée des États Parties le 16 décembre 2020 (paragraphes 29, 30 et 31\n\ndu dispositif), le Bureau a été prié d’assurer la continuité du mécanisme de facilitation\n\nde l’Assemblée en matière de coopération.\n";
        assert!(looks_like(printed));
    }

    #[test]
    fn a_job_number_is_never_a_footnote_marker() {
        let text = "United Nations\nA/RES/80/1\nGeneral Assembly\nDistr.: General\n3 November 2025\n25-19831 (E)\n*2519831*\n\nThe General Assembly,\n\nRecalling its resolution 79/1 of 2024,\n\n1. Takes note of the report;1\n\n_______________\n\n1 A/80/1.\n";
        assert!(looks_like(text));
        let (draft, _, metadata) = convert_published(text);
        assert_eq!(
            draft,
            "The General Assembly,\n\nRecalling its resolution 79/1 of 2024,\n\n1. Takes note of the report;[^1]\n\n[^1]: A/80/1.\n"
        );
        assert_eq!(metadata.symbol.as_deref(), Some("A/RES/80/1"));
    }

    #[test]
    fn one_paragraph_per_line_is_a_draft() {
        let draft = std::fs::read_to_string("fixtures/bis-numbers/new.txt").unwrap();
        assert!(!looks_like(&draft));
    }
}
