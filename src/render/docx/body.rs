//! WordprocessingML for planned paragraphs: runs, tracked changes
//! (`w:ins`, `w:del`/`w:delText`, `w:moveFrom`/`w:moveTo` with their
//! ranges, paragraph-mark changes), comments and footnote references.

use super::notes::{Notes, REFERENCE};
use super::plan::{Para, Piece, Side, Style, note_pieces};
use super::weave::{change_tag, text_runs};

/// Writes paragraphs, collecting the comments and footnotes they refer to.
#[derive(Debug)]
pub struct BodyWriter<'a> {
    author: String,
    date: String,
    notes: Option<&'a Notes<'a>>,
    next_id: usize,
    /// Comments: id and text.
    pub comments: Vec<(usize, String)>,
    /// Footnotes: id and the XML of their paragraph's runs.
    pub footnotes: Vec<(usize, String)>,
}

impl<'a> BodyWriter<'a> {
    /// A writer whose revisions carry `author` and `date`.
    pub fn new(author: &str, date: &str, notes: Option<&'a Notes<'a>>) -> BodyWriter<'a> {
        BodyWriter {
            author: escape(author),
            date: escape(date),
            notes,
            next_id: 1,
            comments: Vec::new(),
            footnotes: Vec::new(),
        }
    }

    fn id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    /// `w:id`, `w:author` and `w:date` of a new revision.
    fn revision(&mut self) -> String {
        let id = self.id();
        revision_attributes(id, &self.author, &self.date)
    }

    /// One `w:p`.
    pub fn paragraph(&mut self, para: &Para, out: &mut String) {
        out.push_str("<w:p><w:pPr>");
        out.push_str(&format!(r#"<w:pStyle w:val="{}"/>"#, style_id(para.style)));
        if let Some(tag) = change_tag(para.mark, para.moved.is_some()) {
            let revision = self.revision();
            out.push_str(&format!("<w:rPr><w:{tag} {revision}/></w:rPr>"));
        }
        out.push_str("</w:pPr>");
        let comment = para.comment.as_ref().map(|text| {
            // Comment ids start high: LibreOffice confuses comments 0 and 1
            // with the footnote separators, which also carry ids 0 and 1,
            // and then prints footnotes empty.
            let id = COMMENT_IDS + self.comments.len();
            self.comments.push((id, text.clone()));
            out.push_str(&format!(r#"<w:commentRangeStart w:id="{id}"/>"#));
            id
        });
        let range = para.moved.map(|n| self.move_range_start(para, n, out));
        self.pieces(&para.pieces, para.moved.is_some(), true, out);
        if let Some((tag, id)) = range {
            out.push_str(&format!(r#"<w:{tag}RangeEnd w:id="{id}"/>"#));
        }
        if let Some(id) = comment {
            out.push_str(&format!(
                r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{id}"/></w:r>"#
            ));
        }
        out.push_str("</w:p>");
    }

    fn move_range_start(
        &mut self,
        para: &Para,
        number: usize,
        out: &mut String,
    ) -> (&'static str, usize) {
        let tag = if para.mark == Side::Old {
            "moveFrom"
        } else {
            "moveTo"
        };
        let revision = self.revision();
        let id = self.next_id;
        out.push_str(&format!(
            r#"<w:{tag}RangeStart {revision} w:name="move{number}"/>"#
        ));
        (tag, id)
    }

    /// Pieces as runs, wrapped in their tracked changes. With `refs`,
    /// footnote references become Word footnotes when the redline's
    /// footnotes are Word's.
    pub fn pieces(&mut self, pieces: &[Piece], moved: bool, refs: bool, out: &mut String) {
        for piece in pieces {
            match change_tag(piece.side, moved) {
                Some(tag) => {
                    let revision = self.revision();
                    out.push_str(&format!("<w:{tag} {revision}>"));
                    self.runs(piece, refs, tag == "del", out);
                    out.push_str(&format!("</w:{tag}>"));
                }
                None => self.runs(piece, refs, false, out),
            }
        }
    }

    /// The runs of one piece: text, tabs and footnote references. Deleted
    /// text is `w:delText`; text moved away stays `w:t`, as Word writes it
    /// inside `w:moveFrom`.
    fn runs(&mut self, piece: &Piece, refs: bool, deleted: bool, out: &mut String) {
        let props = if piece.italic {
            "<w:rPr><w:i/></w:rPr>"
        } else {
            ""
        };
        let mut rest = piece.text.as_str();
        while !rest.is_empty() {
            let found = REFERENCE.captures(rest).filter(|_| refs).and_then(|c| {
                let whole = c.get(0)?;
                let id = self.footnote(&c[1], piece.side)?;
                Some((whole.start(), whole.end(), id))
            });
            let (end, next) = match found {
                Some((start, end, _)) => (start, end),
                None => (rest.len(), rest.len()),
            };
            text_runs(&rest[..end], props, deleted, out);
            if let Some((_, _, id)) = found {
                out.push_str(&format!(
                    r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
                ));
            }
            rest = &rest[next..];
        }
    }

    /// A new Word footnote for a reference; its id.
    fn footnote(&mut self, label: &str, side: Side) -> Option<usize> {
        let notes = self.notes?;
        let entry = notes.find(label, side != Side::Old)?;
        let pieces = note_pieces(entry, side, true);
        let id = self.footnotes.len() + 2;
        let mut xml = String::new();
        self.pieces(&pieces, false, false, &mut xml);
        self.footnotes.push((id, xml));
        Some(id)
    }
}

/// The style id of a paragraph style.
pub fn style_id(style: Style) -> &'static str {
    match style {
        Style::Title => "DraftTitle",
        Style::Chapeau => "Chapeau",
        Style::Preambular => "Preambular",
        Style::Operative => "Operative",
        Style::Subparagraph => "Subparagraph",
        Style::Heading => "Heading2",
        Style::Annex => "Heading1",
        Style::Plain => "Normal",
        Style::Footnote => "FootnoteText",
    }
}

/// Escapes text for XML content and attributes; drops the control
/// characters XML 1.0 cannot hold, and writes the noncharacters U+FFFE and
/// U+FFFF, which it cannot hold either, as U+FFFD (visible, not dropped).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 && c != '\t' => {}
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The first comment id.
const COMMENT_IDS: usize = 1000;

/// `w:id`, `w:author` and `w:date` of a revision (author and date
/// escaped already).
pub(super) fn revision_attributes(id: usize, author: &str, date: &str) -> String {
    format!(r#"w:id="{id}" w:author="{author}" w:date="{date}""#)
}
