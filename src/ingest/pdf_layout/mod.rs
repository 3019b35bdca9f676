//! Official PDFs read from Poppler's word boxes (`pdftotext -bbox-layout`).
//!
//! The plain layout text of a UN PDF is ambiguous where it matters: a
//! running header looks like a heading, a paragraph cut by a page break
//! looks like two, a superscript footnote marker looks like a figure
//! (`78/7;1`), a job number like a marker. The word boxes settle it:
//!
//! - **font size** (the height of a word's box): the body's size is the
//!   most common one; running headers and footnote areas are smaller, a
//!   footnote marker is a small raised word;
//! - **position on the page**: furniture is the run of lines at the top and
//!   at the bottom of a page that read as furniture
//!   ([`crate::ingest::masthead::is_furniture`]) or, at the top, are
//!   smaller than the body; the masthead is found on page 1 from its
//!   lines ([`crate::ingest::masthead::find`]);
//! - **indentation and spacing**: a paragraph starts where a line is
//!   indented past the line before (first-line indent; a hanging indent's
//!   text column is no new paragraph), where the space above a line is
//!   wider than the page's usual line spacing, or where a numbered or
//!   lettered line follows the end of a clause. At a page break only
//!   indentation and numbering count: the space between pages says
//!   nothing, so a paragraph, a list of subparagraphs or a footnote goes
//!   on across it;
//! - **columns**: words on one baseline separated by a wide gap are
//!   separate cells; a run of such rows is a table, kept opaque (`| `
//!   lines), and a chapeau is never a cell.
//!
//! Worked example (S/2020/449, page 1 bottom and page 2 top):
//!
//! ```text
//!  147.1 671.2 h=11  2. Decides further that the Special Representative …
//!  123.4 683.2 h=11  and UNAMI, … and taking into account the
//!   65.4 738.7 h=11  20-07231 (E)          ← furniture: bottom run
//!   65.4 749.4 h=17  *2007231*             ← furniture: bottom run
//!   60.0  53.2 h=7.7 S/2020/449            ← page 2 header: small, top run
//!  123.4  73.5 h=11  letter from the Acting Minister …   ← no indent: goes on
//! ```

pub mod bbox;
mod notes;

use crate::ingest::masthead;
use crate::ingest::pdf_text::hyphen::{self, Compounds};
use crate::text::marker;
use crate::text::metadata::Metadata;
use bbox::Line;
use notes::{Notes, text_with_markers};

/// A document read from a PDF: the draft text and its masthead's metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Published {
    /// The draft in the project's plain-text format.
    pub text: String,
    /// What the masthead said.
    pub metadata: Metadata,
}

/// A line of the body with where it stands.
#[derive(Debug, Clone)]
struct Placed {
    page: usize,
    line: Line,
    /// The line's left edge from the page's body margin.
    indent: f64,
    /// Where the text after a leading number or letter starts, from the
    /// margin (a hanging indent's column).
    text_indent: f64,
    /// The right edge of the page's text block.
    right: f64,
}

/// Reads the XHTML of `pdftotext -bbox-layout` into a draft.
pub fn read(xhtml: &str) -> Result<Published, String> {
    let pages = bbox::pages(xhtml)?;
    let mut lines: Vec<Vec<Line>> = pages.iter().map(bbox::printed_lines).collect();
    let body = body_height(&lines);
    let mut metadata = Metadata::default();
    if let Some(first) = lines.first_mut() {
        metadata = drop_masthead(first, body);
    }
    let symbol = metadata.symbol.clone();
    for page in &mut lines {
        drop_furniture(page, body, symbol.as_deref());
    }
    let mut notes = Notes::default();
    let mut flow: Vec<Placed> = Vec::new();
    for (number, page) in lines.iter_mut().enumerate() {
        let area = notes.lift(page, body);
        let left = page.iter().map(Line::x0).fold(f64::MAX, f64::min);
        let widest = page.iter().map(Line::x1).fold(0.0, f64::max);
        let right = widest.max(pages[number].width - left);
        let mut placed: Vec<Placed> = page
            .drain(..)
            .map(|line| place(number, line, left, right))
            .collect();
        flow.append(&mut placed);
        notes.take(area, left);
    }
    let numbers: Vec<u32> = notes.list.iter().map(|n| n.0).collect();
    let texts: Vec<String> = flow
        .iter()
        .map(|p| text_with_markers(&p.line, &numbers, body))
        .collect();
    let all: String = texts.join("\n");
    let compounds = hyphen::compounds(&all);
    let soft = hyphenation_in_use(&texts);
    let blocks = paragraphs(&flow, &texts, body, &compounds, soft);
    let mut out = blocks.join("\n\n");
    out.push('\n');
    for (n, text) in &notes.list {
        out.push_str(&format!("\n[^{n}]: {}\n", text.trim()));
    }
    if flow.is_empty() {
        return Err("the PDF has no text (scanned pages? run OCR on it first)".to_string());
    }
    Ok(Published {
        text: out,
        metadata,
    })
}

/// The body's font size: the height most words have.
fn body_height(pages: &[Vec<Line>]) -> f64 {
    let mut counts: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for line in pages.iter().flatten() {
        for w in &line.words {
            *counts.entry((w.height() * 2.0).round() as i64).or_insert(0) += w.text.chars().count();
        }
    }
    let mode = counts
        .into_iter()
        .max_by_key(|&(h, n)| (n, -h))
        .map_or(10, |(h, _)| h);
    mode as f64 / 2.0
}

/// Whether a line is smaller than the body text (a running header, a
/// footnote).
fn small(line: &Line, body: f64) -> bool {
    line.height() < body * 0.88
}

/// Removes the first page's masthead and says what it held.
fn drop_masthead(page: &mut Vec<Line>, body: f64) -> Metadata {
    let texts: Vec<String> = page.iter().map(Line::text).collect();
    let mut with_gaps: Vec<Option<&str>> = Vec::new();
    let mut index: Vec<usize> = Vec::new();
    for (i, line) in page.iter().enumerate() {
        let gap = i.checked_sub(1).map(|p| line.y0() - page[p].y1());
        if gap.is_some_and(|g| g > body * 0.9) {
            with_gaps.push(None);
            index.push(i);
        }
        with_gaps.push(Some(texts[i].as_str()));
        index.push(i);
    }
    let found = masthead::find(&with_gaps);
    let cut = index
        .get(found.lines.wrapping_sub(1))
        .map_or(0, |&i| i + 1)
        .min(page.len());
    if found.lines > 0 {
        page.drain(..cut);
    }
    found.metadata
}

/// Removes the running header and footer of a page: the lines at its top
/// that are furniture or smaller than the body, up to the last furniture
/// line among them, and the furniture lines at its bottom.
fn drop_furniture(page: &mut Vec<Line>, body: f64, symbol: Option<&str>) {
    let is_furniture = |l: &Line| masthead::is_furniture(&l.text(), symbol);
    let top = page
        .iter()
        .take_while(|l| is_furniture(l) || small(l, body))
        .take(6)
        .collect::<Vec<_>>();
    let header = top
        .iter()
        .rposition(|l| is_furniture(l))
        .map_or(0, |i| i + 1);
    page.drain(..header);
    while page.last().is_some_and(&is_furniture) {
        page.pop();
    }
}

/// A body line with its indentation from the page's margin.
fn place(page: usize, line: Line, left: f64, right: f64) -> Placed {
    let indent = line.x0() - left;
    let text = line.text();
    let leading = marker::operative(&text)
        .map(|m| m.literal.len())
        .or_else(|| marker::subparagraph(&text).map(|s| s.literal.len()));
    let text_indent = match (leading, line.words.get(1)) {
        (Some(_), Some(second)) if line.words[0].text.len() <= 6 => second.x0 - left,
        _ => indent,
    };
    Placed {
        page,
        line,
        indent,
        text_indent,
        right,
    }
}

/// The paragraphs of the body, one string each.
fn paragraphs(
    flow: &[Placed],
    texts: &[String],
    body: f64,
    compounds: &Compounds,
    soft: bool,
) -> Vec<String> {
    let spacing = usual_spacing(flow);
    let tables = table_rows(flow, texts);
    let mut out = Blocks::default();
    for (i, line) in flow.iter().enumerate() {
        let text = texts[i].as_str();
        if let Some(row) = tables[i] {
            out.cell(text, i > 0 && Some(row) == tables[i - 1]);
            continue;
        }
        out.end_table();
        let opens = match i.checked_sub(1) {
            None => true,
            Some(p) => opens(&flow[p], &texts[p], &out.current, line, text, body, spacing),
        };
        if opens {
            out.end_paragraph();
        }
        if !soft && !opens && ends_in_hyphenated_word(&out.current) {
            out.current.push_str(text);
        } else {
            hyphen::join(&mut out.current, text, compounds);
        }
    }
    out.finish()
}

/// The blocks of the body as they are read: those done, the paragraph
/// being joined, and the rows of the table being read (`| a | b`).
#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
    table: Vec<String>,
}

impl Blocks {
    /// A cell of a table: the paragraph before it ends; the cell joins
    /// the last row when it is on the same row, else opens a row.
    fn cell(&mut self, text: &str, same_row: bool) {
        self.end_paragraph();
        match self.table.last_mut() {
            Some(last) if same_row => {
                last.push_str(" | ");
                last.push_str(text);
            }
            _ => self.table.push(format!("| {text}")),
        }
    }

    /// The table being read, if any, is a block, one row a line.
    fn end_table(&mut self) {
        if !self.table.is_empty() {
            self.done.push(std::mem::take(&mut self.table).join("\n"));
        }
    }

    /// The paragraph being joined, if any, is a block.
    fn end_paragraph(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.end_table();
        self.end_paragraph();
        self.done
    }
}

/// For each line of the flow, the row of a table it is a cell of: lines
/// sharing a baseline with another line of their page are cells (columns
/// apart), and two rows of cells or more in a row make a table. A chapeau
/// is never a cell. Rows are numbered by their first line.
fn table_rows(flow: &[Placed], texts: &[String]) -> Vec<Option<usize>> {
    let same_row = |a: &Placed, b: &Placed| {
        a.page == b.page
            && (a.line.y1() - b.line.y1()).abs() < a.line.height().min(b.line.height()) / 3.0
    };
    let mut row_of: Vec<usize> = (0..flow.len()).collect();
    for i in 1..flow.len() {
        if same_row(&flow[i - 1], &flow[i]) {
            row_of[i] = row_of[i - 1];
        }
    }
    let mut counts = vec![0usize; flow.len()];
    row_of.iter().for_each(|&r| counts[r] += 1);
    let cells = |start: usize| counts[start];
    let chapeau = |start: usize| {
        (start..flow.len())
            .take_while(|&k| row_of[k] == start)
            .any(|k| crate::text::chapeau::is_chapeau(&texts[k]))
    };
    let mut out = vec![None; flow.len()];
    let mut k = 0;
    while k < flow.len() {
        let mut rows = Vec::new();
        let mut j = k;
        while j < flow.len() && row_of[j] == j && cells(j) >= 2 && !chapeau(j) {
            rows.push(j);
            j += cells(j);
        }
        if rows.len() >= 2 {
            (k..j).for_each(|m| out[m] = Some(row_of[m]));
            k = j;
        } else {
            k += 1;
        }
    }
    out
}

/// Whether a text ends with a word and a hyphen (`eighty-`).
fn ends_in_hyphenated_word(text: &str) -> bool {
    text.strip_suffix('-')
        .is_some_and(|h| h.ends_with(char::is_alphabetic))
}

/// Whether the document was hyphenated when it was laid out: some word cut
/// at a line end (`organiza-` / `tion`) is written whole elsewhere in it.
/// Without such evidence a hyphen at a line end is the word's own
/// (`eighty-` / `first`), as in documents printed without hyphenation.
fn hyphenation_in_use(texts: &[String]) -> bool {
    let words: std::collections::HashSet<String> = texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    texts.windows(2).any(|w| {
        let Some(head) = w[0].strip_suffix('-') else {
            return false;
        };
        let left = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let right = w[1].split_whitespace().next().unwrap_or("");
        let right = right.trim_end_matches(|c: char| !c.is_alphanumeric());
        right.starts_with(char::is_lowercase)
            && left.ends_with(char::is_alphabetic)
            && words.contains(&format!("{left}{right}").to_lowercase())
    })
}

/// The usual distance between the baselines of two lines of a paragraph:
/// the most common one between consecutive lines of a page, to the half
/// point.
fn usual_spacing(flow: &[Placed]) -> f64 {
    let mut gaps: Vec<i64> = flow
        .windows(2)
        .filter(|w| w[0].page == w[1].page)
        .map(|w| ((w[1].line.y1() - w[0].line.y1()) * 2.0).round() as i64)
        .filter(|g| *g > 0)
        .collect();
    gaps.sort_unstable();
    let mut best = (0, 0usize);
    let mut k = 0;
    while k < gaps.len() {
        let run = gaps[k..].iter().take_while(|g| **g == gaps[k]).count();
        if run > best.1 {
            best = (gaps[k], run);
        }
        k += run;
    }
    best.0 as f64 / 2.0
}

/// Whether `line` starts a new paragraph after `prev` (whose paragraph so
/// far is `current`).
fn opens(
    prev: &Placed,
    prev_text: &str,
    current: &str,
    line: &Placed,
    text: &str,
    body: f64,
    spacing: f64,
) -> bool {
    if is_bare_marker(current) {
        return false;
    }
    if crate::text::chapeau::is_chapeau(prev_text) || crate::text::chapeau::is_chapeau(text) {
        return true;
    }
    let same_page = prev.page == line.page;
    let pitch = line.line.y1() - prev.line.y1();
    if same_page && pitch > spacing + body * 0.35 {
        return true;
    }
    let step = body * 0.5;
    let hanging =
        (line.indent - prev.text_indent).abs() < 2.0 && prev.text_indent > prev.indent + step;
    if line.indent > prev.indent + step && !hanging {
        return true;
    }
    if marker::footnote_definition(text).is_some() {
        return true;
    }
    let numbered = marker::operative(text).is_some() || marker::subparagraph(text).is_some();
    let end = crate::text::blocks::last_char(current).unwrap_or('.');
    let ends_part = matches!(end, '.' | ';' | ':' | ',');
    if numbered && ends_part && end != ',' {
        return true;
    }
    let opens_like_one = numbered || text.starts_with(char::is_uppercase);
    ends_part && opens_like_one && room_left(prev, line, body)
}

/// Whether the line before ended short of the right margin by more than
/// the first word of `line` needs: the word would have fitted, so the line
/// was ended on purpose (the end of a paragraph), not by wrapping.
fn room_left(prev: &Placed, line: &Placed, body: f64) -> bool {
    let Some(first) = line.line.words.first() else {
        return false;
    };
    let needed = first.x1 - first.x0 + body * 0.5;
    prev.line.x1() + needed < prev.right
}

/// A paragraph so far made only of its number: `1.`, `(a)`.
fn is_bare_marker(current: &str) -> bool {
    let t = current.trim();
    !t.is_empty()
        && !t.contains(' ')
        && (marker::operative(&format!("{t} x")).is_some()
            || marker::subparagraph(&format!("{t} x")).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of Poppler word boxes: each line is `(x, y, text)`, words
    /// 6 pt a character, 11 pt high.
    fn page(lines: &[(f64, f64, &str)]) -> String {
        let mut out = String::from("<doc><page width=\"612\" height=\"792\">");
        for (x, y, text) in lines {
            out.push_str("<line>");
            let mut at = *x;
            for word in text.split(' ') {
                let w = word.chars().count() as f64 * 6.0;
                out.push_str(&format!(
                    "<word xMin=\"{at}\" yMin=\"{y}\" xMax=\"{}\" yMax=\"{}\">{}</word>",
                    at + w,
                    y + 11.0,
                    word.replace('&', "&amp;")
                ));
                at += w + 3.0;
            }
            out.push_str("</line>");
        }
        out + "</page></doc>"
    }

    #[test]
    fn a_table_stays_whole_and_never_takes_the_chapeau() {
        let xhtml = page(&[
            (147.0, 100.0, "The General Assembly,"),
            (123.0, 118.0, "Region"),
            (300.0, 118.0, "Share"),
            (420.0, 118.0, "Year"),
            (123.0, 130.0, "Africa"),
            (300.0, 130.0, "12"),
            (420.0, 130.0, "2024"),
            (147.0, 148.0, "1. Decides to act;"),
        ]);
        let text = read(&xhtml).unwrap().text;
        assert_eq!(
            text,
            "The General Assembly,\n\n| Region | Share | Year\n| Africa | 12 | 2024\n\n1. Decides to act;\n"
        );
    }

    #[test]
    fn a_number_and_its_text_a_tab_apart_are_one_line() {
        let xhtml = page(&[
            (147.0, 100.0, "The General Assembly,"),
            (147.0, 118.0, "1."),
            (220.0, 118.0, "Decides to act;"),
            (147.0, 136.0, "2."),
            (220.0, 136.0, "Requests a report."),
        ]);
        let text = read(&xhtml).unwrap().text;
        assert_eq!(
            text,
            "The General Assembly,\n\n1. Decides to act;\n\n2. Requests a report.\n"
        );
    }

    #[test]
    fn a_hanging_indent_is_one_paragraph() {
        let xhtml = page(&[
            (123.0, 100.0, "The General Assembly,"),
            (
                123.0,
                118.0,
                "(a) to adopt preventive measures for the safeguarding of",
            ),
            (144.0, 130.0, "cultural property in time of peace;"),
            (123.0, 148.0, "(b) to train the armed forces;"),
        ]);
        let text = read(&xhtml).unwrap().text;
        assert_eq!(
            text,
            "The General Assembly,\n\n(a) to adopt preventive measures for the safeguarding of cultural property in time of peace;\n\n(b) to train the armed forces;\n"
        );
    }

    #[test]
    fn a_paragraph_goes_on_across_a_page_break() {
        let one = page(&[
            (123.0, 100.0, "The Security Council,"),
            (
                147.0,
                118.0,
                "1. Decides that the Mission shall, taking into account the",
            ),
            (60.0, 760.0, "20-07231 (E) 020620"),
        ]);
        let two = page(&[
            (60.0, 40.0, "2/2"),
            (123.0, 80.0, "letter of the Minister, act;"),
            (147.0, 98.0, "2. Requests a report."),
        ]);
        let xhtml = one.replace("</doc>", "") + &two.replace("<doc>", "");
        let text = read(&xhtml).unwrap().text;
        assert_eq!(
            text,
            "The Security Council,\n\n1. Decides that the Mission shall, taking into account the letter of the Minister, act;\n\n2. Requests a report.\n"
        );
    }
}
