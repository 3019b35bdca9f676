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
    let (reference, page_break) = references_and_page_breaks(text);
    if reference {
        return false;
    }
    let raw: Vec<&str> = crate::text::lines::lines(text).collect();
    page_break
        || lines::mostly_indented(&raw)
        || footnotes::has_footnote_area(&raw)
        || hyphen::line_end_hyphenations(&raw) >= 3
        || (lines::blank_after_every_line(&raw) && lines::mostly_cut_mid_sentence(&raw))
        || lines::cut_between_lines(&raw)
        || published::has_furniture_in(&raw)
}

/// Whether a text holds a `[^` (a footnote reference, written as a draft
/// writes it) and whether it holds a form feed (a page break), in one
/// pass of the `memchr` crate's vector search for either first byte: the
/// standard library's reads a word at a time, and two searches read a
/// draft of 4 MB twice (issue 14).
///
/// ```text
/// "a [b] c[^1]" → (true, false);  "a\u{c}b [x]" → (false, true)
/// ```
fn references_and_page_breaks(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let mut page_break = false;
    for at in memchr::memchr2_iter(b'[', 0x0C, bytes) {
        if bytes[at] == 0x0C {
            page_break = true;
        } else if bytes.get(at + 1) == Some(&b'^') {
            return (true, page_break);
        }
    }
    (false, page_break)
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

    /// [`looks_like`] as it was before its tests were made cheaper
    /// (session 23): two searches, and every line test collecting lines.
    fn looks_like_before(text: &str) -> bool {
        if text.contains("[^") {
            return false;
        }
        let raw: Vec<&str> = text.lines().collect();
        let trimmed: Vec<&str> = raw.iter().map(|l| l.trim()).collect();
        let content: Vec<&str> = trimmed.iter().copied().filter(|l| !l.is_empty()).collect();
        let indented = raw
            .iter()
            .filter(|l| !l.trim().is_empty() && l.starts_with("  "))
            .count();
        let mostly_indented = content.len() >= 4 && indented * 5 >= content.len() * 3;
        let rules: Vec<&&str> = raw
            .iter()
            .filter(|l| !l.trim().is_empty() || lines::is_rule(l))
            .collect();
        let footnote_area = rules
            .windows(2)
            .any(|w| lines::is_rule(w[0]) && footnotes::footnote_start(w[1]).is_some());
        let hyphenated = content
            .windows(2)
            .filter(|w| {
                let cut = w[0]
                    .strip_suffix('-')
                    .is_some_and(|h| h.ends_with(char::is_alphabetic));
                cut && w[1].starts_with(char::is_lowercase)
            })
            .count();
        let followed = trimmed
            .windows(2)
            .filter(|w| !w[0].is_empty() && w[1].is_empty())
            .count();
        let blank_after = content.len() >= 4 && followed * 4 >= content.len() * 3;
        let start = trimmed
            .iter()
            .position(|l| crate::text::chapeau::is_chapeau(l))
            .map_or(0, |c| c + 1);
        let after: Vec<&str> = trimmed[start..]
            .iter()
            .copied()
            .filter(|l| !l.is_empty())
            .collect();
        let cut = after
            .iter()
            .filter(|l| {
                !l.ends_with(['.', ',', ';', ':', ')', '»', '"', '”'])
                    && l.split_whitespace().count() > 6
            })
            .count();
        let cut_mid = cut >= 2 && cut * 5 >= after.len();
        let first = trimmed.iter().position(|l| !l.is_empty());
        let last = trimmed.iter().rposition(|l| !l.is_empty());
        let between = match (first, last) {
            (Some(f), Some(l)) if !trimmed[f..=l].iter().any(|l| l.is_empty()) => {
                trimmed[f..=l].windows(2).any(|w| {
                    w[0].split_whitespace().count() >= 6
                        && w[0].ends_with(char::is_alphabetic)
                        && w[1].starts_with(char::is_lowercase)
                })
            }
            _ => false,
        };
        let heads: Vec<Option<&str>> = trimmed
            .iter()
            .take(crate::ingest::masthead::HEAD_LINES)
            .map(|t| Some(*t).filter(|t| !t.is_empty()))
            .collect();
        let furniture = crate::ingest::masthead::printed(&heads)
            || raw
                .iter()
                .any(|l| crate::ingest::masthead::is_furniture(l, None));
        text.contains('\u{0C}')
            || mostly_indented
            || footnote_area
            || hyphenated >= 3
            || (blank_after && cut_mid)
            || between
            || furniture
    }

    /// Every text under a folder, recursively.
    fn texts_under(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                texts_under(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push(text);
            }
        }
    }

    /// The cheaper tests give the answer the old ones gave, on every
    /// fixture, draft and real UN text (PDF text among them), whole, cut
    /// to their first lines, with a blank line after every line, without
    /// blank lines, indented, and with a page break or a reference added.
    #[test]
    fn looks_like_is_what_it_was() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["../shared/realworld", "drafts", "fixtures"] {
            texts_under(&root.join(dir), &mut texts);
        }
        assert!(texts.len() > 50, "the texts were found");
        let (mut yes, mut no) = (0, 0);
        for text in &texts {
            let head: String = text.lines().take(12).map(|l| format!("{l}\n")).collect();
            let spaced: String = text.lines().map(|l| format!("{l}\n\n")).collect();
            let packed: String = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("{l}\n"))
                .collect();
            let indented: String = text.lines().map(|l| format!("   {l}\n")).collect();
            for variant in [
                text.clone(),
                head.clone(),
                spaced,
                packed,
                indented,
                format!("{head}\u{c}{text}"),
                format!("{text}[^1]\u{c}"),
                text.replace("[^", "[ ^"),
            ] {
                let before = looks_like_before(&variant);
                assert_eq!(looks_like(&variant), before, "{variant}");
                if before {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 50 && no > 50, "both answers met: {yes} / {no}");
    }

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
