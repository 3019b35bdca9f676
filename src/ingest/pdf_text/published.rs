//! The UN masthead and page furniture in text other tools extracted from a
//! published PDF, where they stand inline:
//!
//! ```text
//! United Nations                     ← masthead: blanked, kept as metadata
//! A/RES/79/7
//! …
//! [without reference to a Main Committee (A/79/L.6)]
//!
//! 79/7. Necessity of ending …        ← the draft starts here
//! …
//! 1996, 52/10 of 5 November 1997, 54/21 of 9 November
//!
//! A/RES/79/7                         ← running header and page number:
//! Necessity of ending the economic…  ←   a page break (form feed), the
//! embargo imposed by …               ←   blank lines around it with it
//!
//! 2/2
//!
//! 1999, 55/20 of 9 November 2000, …  ← the paragraph goes on
//! ```
//!
//! A furniture line is one [`masthead::is_furniture`] recognises, or the
//! document's own symbol alone on its line; lines standing between two
//! furniture lines a few lines apart (a running header's title between the
//! symbol and the page number) go with them. Lines keep their places (they
//! are blanked or replaced by a form feed), so that the map back to the
//! file stays right.

use crate::ingest::masthead;
use crate::text::metadata::Metadata;

/// How many lines may stand between two furniture lines and go with them.
const BETWEEN: usize = 4;

/// The text with its masthead blanked and its furniture replaced by page
/// breaks, and what the masthead said.
///
/// ```
/// use redraft::ingest::pdf_text::published::prepare;
/// let text = "United Nations\nS/2018/95\nSecurity Council\nDistr.: General\n8 February 2018\nOriginal: English\nUnited States of America: draft resolution\nThe Security Council,\nRecalling the report of the\n18-01971 (E) 080218\n*1801971*\nS/2018/95\nPanel,\n";
/// let (prepared, metadata) = prepare(text);
/// assert_eq!(prepared, "\n\n\n\n\n\n\nThe Security Council,\nRecalling the report of the\n\u{c}\n\u{c}\n\u{c}\nPanel,\n");
/// assert_eq!(metadata.symbol.as_deref(), Some("S/2018/95"));
/// ```
pub fn prepare(text: &str) -> (String, Metadata) {
    let lines: Vec<&str> = text.split('\n').collect();
    let heads: Vec<Option<&str>> = lines
        .iter()
        .map(|l| Some(l.trim()).filter(|t| !t.is_empty()))
        .collect();
    // A draft as circulated may open with "Resolution adopted by …" and its
    // bracket: without a printed masthead those lines are the draft's own.
    let found = if masthead::printed(&heads) {
        masthead::find(&heads)
    } else {
        masthead::Masthead::default()
    };
    let symbol = found.metadata.symbol.clone();
    let furniture = furniture_lines(&lines, found.lines, symbol.as_deref());
    let out: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i < found.lines {
                ""
            } else if furniture[i] {
                "\u{c}"
            } else {
                l
            }
        })
        .collect();
    (out.join("\n"), found.metadata)
}

/// Whether a text carries UN page furniture or a printed masthead (not
/// only the "Resolution adopted by" line and bracket a clean draft keeps).
pub fn has_furniture(text: &str) -> bool {
    has_furniture_in(&text.lines().collect::<Vec<_>>())
}

/// [`has_furniture`] of a text's lines.
pub(super) fn has_furniture_in(lines: &[&str]) -> bool {
    // The masthead is looked for in the first lines only.
    let heads: Vec<Option<&str>> = lines
        .iter()
        .take(masthead::HEAD_LINES)
        .map(|l| Some(crate::text::lines::trimmed(l)).filter(|t| !t.is_empty()))
        .collect();
    masthead::printed(&heads) || lines.iter().any(|l| masthead::is_furniture(l, None))
}

/// For each line, whether it is furniture, with the blank lines around each
/// run of furniture.
fn furniture_lines(lines: &[&str], from: usize, symbol: Option<&str>) -> Vec<bool> {
    let mut marks: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| i >= from && (masthead::is_furniture(l, symbol) || header_symbol(l)))
        .collect();
    let strong: Vec<usize> = (0..lines.len()).filter(|&i| marks[i]).collect();
    for pair in strong.windows(2) {
        let between = &lines[pair[0] + 1..pair[1]];
        let content = between.iter().filter(|l| !l.trim().is_empty()).count();
        if content <= BETWEEN && between.iter().all(|l| header_like(l)) {
            marks[pair[0]..pair[1]].iter_mut().for_each(|m| *m = true);
        }
    }
    for i in strong {
        widen(&mut marks, lines, i);
    }
    marks
}

/// A document symbol alone on a line pushed far to the right: the running
/// header of a layout extraction (`                         S/2020/449`).
fn header_symbol(line: &str) -> bool {
    let indent = line.len() - line.trim_start().len();
    indent >= 40 && masthead::symbol_of(line).is_some()
}

/// A line that may belong to a running header: short, not ending a
/// sentence or a sentence part, not opening a numbered paragraph. A
/// paragraph's last line standing alone between a page number and a job
/// number ("Decides to remain seized of the matter."), or a short last
/// page between the symbol and the page number, is text, never furniture.
fn header_like(line: &str) -> bool {
    let t = line.trim();
    let end = t.trim_end_matches(['»', '”', '"', '’', ')', ' ', '\u{a0}']);
    let numbered = crate::text::marker::operative(t).is_some()
        || crate::text::marker::subparagraph(t).is_some();
    t.chars().count() <= 90 && !end.ends_with([';', ',', ':', '.']) && !numbered
}

/// Marks the blank lines before and after furniture line `i`.
fn widen(marks: &mut [bool], lines: &[&str], i: usize) {
    let mut j = i;
    while j > 0 && lines[j - 1].trim().is_empty() {
        j -= 1;
        marks[j] = true;
    }
    let mut k = i + 1;
    while k < lines.len() && lines[k].trim().is_empty() {
        marks[k] = true;
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_header_title_between_symbol_and_page_number_goes() {
        let text = "United Nations\nA/RES/79/7\nGeneral Assembly\nDistr.: General\n1 November 2024\n\nThe General Assembly,\nRecalling its resolutions 54/21 of 9 November\n\nA/RES/79/7\nNecessity of ending the embargo\nagainst Cuba\n \n2/2\n \n1999, 55/20 of 9 November 2000,\n";
        let (prepared, _) = prepare(text);
        let kept: Vec<&str> = prepared
            .lines()
            .filter(|l| !l.trim().is_empty() && *l != "\u{c}")
            .collect();
        assert_eq!(
            kept,
            [
                "The General Assembly,",
                "Recalling its resolutions 54/21 of 9 November",
                "1999, 55/20 of 9 November 2000,"
            ]
        );
        assert_eq!(prepared.lines().count(), text.lines().count());
    }

    #[test]
    fn a_short_last_page_is_no_running_header() {
        let text = "United Nations\nA/C.3/80/L.99\nGeneral Assembly\nDistr.: Limited\n\nThe General Assembly,\n6. Invites donors;\n\n3/4    25-16107\n                              A/C.3/80/L.99\n\n   7. Decides to include in the agenda of its eighty-\nfirst session the item entitled “Culture”.\n\n4/4    25-16107\n";
        let (prepared, _) = prepare(text);
        assert!(prepared.contains("7. Decides"), "{prepared}");
        assert!(prepared.contains("first session"), "{prepared}");
    }

    #[test]
    fn drafts_have_no_furniture() {
        let draft = "The General Assembly,\n\nRecalling its resolution 75/1,\n\n1. Decides to act in 2020/21;\n";
        assert!(!has_furniture(draft));
        assert_eq!(prepare(draft).0, draft);
    }
}
