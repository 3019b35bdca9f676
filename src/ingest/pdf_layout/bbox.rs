//! Poppler's word boxes: the XHTML of `pdftotext -bbox-layout`, read into
//! pages of printed lines.
//!
//! ```text
//! <page width="612" height="792">
//!   <flow><block><line …>
//!     <word xMin="147.1" yMin="641.1" xMax="154.9" yMax="652.1">1.</word>
//!   </line> …
//! ```
//!
//! Poppler groups words into lines and blocks by its own reading of the
//! page; a paragraph number and its text often come out as two "lines" on
//! the same baseline, and the masthead's columns as separate blocks. So
//! only the words are kept, and [`printed_lines`] rebuilds the lines: the
//! words sharing a baseline, cut where a wide horizontal gap separates
//! columns.

use quick_xml::events::Event;

/// A word and its box (points, origin at the top left of the page).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word's text.
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Word {
    /// The height of the box: the font size, near enough.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// A page: its size and its words, in Poppler's lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// Poppler's lines (a raised footnote marker stays in its line).
    pub lines: Vec<Vec<Word>>,
}

/// Reads the pages of `pdftotext -bbox-layout` output.
pub fn pages(xhtml: &str) -> Result<Vec<Page>, String> {
    let mut reader = quick_xml::Reader::from_str(xhtml);
    let mut read = Reading::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("unreadable pdftotext output: {e}"))?;
        match event {
            Event::Start(e) | Event::Empty(e) => read.open(&e),
            Event::Text(t) => read.text(&t.xml10_content()),
            Event::GeneralRef(r) => read.text(entity(&r.xml10_content())),
            Event::End(e) if e.name().as_ref() == "word" => read.close_word(),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(read.pages)
}

/// The pages read so far, and the word being read.
#[derive(Default)]
struct Reading {
    pages: Vec<Page>,
    word: Option<Word>,
}

impl Reading {
    /// An element opens: a page, a line of the last page, or a word with
    /// its box.
    fn open(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        match e.name().as_ref() {
            "page" => self.pages.push(Page {
                width: number(e, "width"),
                height: number(e, "height"),
                lines: Vec::new(),
            }),
            "line" => {
                if let Some(page) = self.pages.last_mut() {
                    page.lines.push(Vec::new());
                }
            }
            "word" => {
                self.word = Some(Word {
                    text: String::new(),
                    x0: number(e, "xMin"),
                    y0: number(e, "yMin"),
                    x1: number(e, "xMax"),
                    y1: number(e, "yMax"),
                })
            }
            _ => {}
        }
    }

    /// Text inside the word being read (outside a word, none is kept).
    fn text(&mut self, text: &str) {
        if let Some(w) = self.word.as_mut() {
            w.text.push_str(text);
        }
    }

    /// The word ends: it joins the last line of the last page, unless it
    /// is blank.
    fn close_word(&mut self) {
        let line = self.pages.last_mut().and_then(|p| p.lines.last_mut());
        if let (Some(w), Some(line)) = (self.word.take(), line)
            && !w.text.trim().is_empty()
        {
            line.push(w);
        }
    }
}

/// The characters of the entities Poppler writes.
fn entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
}

fn number(e: &quick_xml::events::BytesStart<'_>, key: &str) -> f64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.value.parse().ok())
        .unwrap_or(0.0)
}

/// A printed line: words on one baseline, left to right, with no column
/// gap between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The words.
    pub words: Vec<Word>,
}

impl Line {
    /// Left edge.
    pub fn x0(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.x0)
    }
    /// Right edge.
    pub fn x1(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.x1)
    }
    /// Top edge.
    pub fn y0(&self) -> f64 {
        self.words.iter().map(|w| w.y0).fold(f64::MAX, f64::min)
    }
    /// Bottom edge (the baseline, near enough).
    pub fn y1(&self) -> f64 {
        self.words.iter().map(|w| w.y1).fold(f64::MIN, f64::max)
    }
    /// The height of its tallest word: its font size.
    pub fn height(&self) -> f64 {
        self.words.iter().map(Word::height).fold(0.0, f64::max)
    }
    /// The words joined by single spaces.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for w in &self.words {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&w.text);
        }
        out
    }
}

/// A horizontal gap wider than this many times the line's height separates
/// two columns (a masthead's symbol block, a footer's page number and job
/// number, table cells), not two words.
const COLUMN_GAP: f64 = 2.5;

/// The printed lines of a page, top to bottom and left to right: Poppler's
/// lines on one baseline merged, then cut at column gaps.
pub fn printed_lines(page: &Page) -> Vec<Line> {
    let mut rows: Vec<Vec<Word>> = page
        .lines
        .iter()
        .filter(|l| !l.is_empty())
        .cloned()
        .collect();
    rows.sort_by(|a, b| bottom(a).total_cmp(&bottom(b)));
    let mut merged: Vec<Vec<Word>> = Vec::new();
    for row in rows {
        match merged.last_mut() {
            Some(last) if same_baseline(last, &row) => last.extend(row),
            _ => merged.push(row),
        }
    }
    let mut lines = Vec::new();
    for mut row in merged {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut current: Vec<Word> = Vec::new();
        for w in row {
            let gap = current.last().map(|p: &Word| w.x0 - p.x1);
            let height = current
                .last()
                .map_or(0.0, |p: &Word| p.height().max(w.height()));
            if gap.is_some_and(|g| g > COLUMN_GAP * height) && !bare_marker(&current) {
                lines.push(Line {
                    words: std::mem::take(&mut current),
                });
            }
            current.push(w);
        }
        if !current.is_empty() {
            lines.push(Line { words: current });
        }
    }
    lines
}

/// A paragraph number or letter alone (`1.`, `(a)`): a wide tab after it
/// leads to its text, not to another column.
fn bare_marker(words: &[Word]) -> bool {
    let [word] = words else {
        return false;
    };
    let with_text = format!("{} x", word.text);
    crate::text::marker::operative(&with_text).is_some()
        || crate::text::marker::subparagraph(&with_text).is_some()
}

fn bottom(words: &[Word]) -> f64 {
    words.iter().map(|w| w.y1).fold(f64::MIN, f64::max)
}

fn height(words: &[Word]) -> f64 {
    words.iter().map(Word::height).fold(0.0, f64::max)
}

/// Whether two of Poppler's lines stand on one baseline: their bottoms
/// within a third of the smaller one's height, or the smaller one (a
/// raised footnote number) inside the other's height.
fn same_baseline(a: &[Word], b: &[Word]) -> bool {
    let inside = |s: &[Word], l: &[Word]| top(s) >= top(l) - 1.0 && bottom(s) <= bottom(l) + 1.0;
    (bottom(a) - bottom(b)).abs() <= height(a).min(height(b)) / 3.0
        || (height(a) < height(b) && inside(a, b))
        || (height(b) < height(a) && inside(b, a))
}

fn top(words: &[Word]) -> f64 {
    words.iter().map(|w| w.y0).fold(f64::MAX, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><body><doc><page width="612.0" height="792.0"><flow><block>
<line><word xMin="147.1" yMin="641.1" xMax="154.9" yMax="652.1">1.</word></line>
<line><word xMin="170.9" yMin="641.1" xMax="200.0" yMax="652.1">Decides</word>
<word xMin="203.0" yMin="641.1" xMax="220.0" yMax="652.1">A&amp;B</word></line>
<line><word xMin="60.0" yMin="749.5" xMax="71.0" yMax="757.2">2/3</word>
<word xMin="524.5" yMin="749.1" xMax="552.0" yMax="755.4">20-07231</word></line>
</block></flow></page></doc></body></html>"#;

    #[test]
    fn rebuilds_printed_lines() {
        let pages = pages(PAGE).unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].height, 792.0);
        let lines = printed_lines(&pages[0]);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(texts, ["1. Decides A&B", "2/3", "20-07231"]);
    }
}
