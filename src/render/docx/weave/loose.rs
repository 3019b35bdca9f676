//! Planned paragraphs that have no paragraph of their own in the new
//! draft's document (deleted, moved away, or several units sharing one
//! paragraph), written with the look of a paragraph of their kind: the old
//! document's where it is known, else the new document's.

use super::super::notes::REFERENCE;
use super::super::plan::{Para, Piece, Side, Style};
use super::markup::{add_property, change_tag, strip, text_runs, with_mark};
use super::{Look, Weaver};
use crate::redline::Op;

impl Weaver<'_> {
    /// A piece written as new runs, each character with its own run
    /// properties where they are known (`looks`), else `rpr`.
    pub(super) fn styled_piece(
        &mut self,
        piece: &Piece,
        looks: Option<&[Option<String>]>,
        rpr: &str,
        moved: bool,
        out: &mut String,
    ) {
        let chars: Vec<char> = piece.text.chars().collect();
        let Some(looks) = looks.filter(|l| l.len() == chars.len()) else {
            self.loose_piece(piece, rpr, moved, out);
            return;
        };
        let mut start = 0;
        while start < chars.len() {
            let look = &looks[start];
            let mut end = start + 1;
            while end < chars.len() && &looks[end] == look {
                end += 1;
            }
            let part = Piece {
                text: chars[start..end].iter().collect(),
                ..piece.clone()
            };
            self.loose_piece(&part, look.as_deref().unwrap_or(rpr), moved, out);
            start = end;
        }
    }

    /// The paragraph-mark revision of a planned paragraph.
    pub(super) fn mark(&mut self, para: &Para) -> Option<String> {
        let tag = change_tag(para.mark, para.moved.is_some())?;
        let revision = self.revision();
        Some(format!("<w:{tag} {revision}/>"))
    }

    /// Content wrapped in the tracked change of its side.
    pub(super) fn wrap(&mut self, side: Side, moved: bool, runs: &str, out: &mut String) {
        if runs.is_empty() {
            return;
        }
        match change_tag(side, moved) {
            Some(tag) => {
                let revision = self.revision();
                out.push_str(&format!("<w:{tag} {revision}>{runs}</w:{tag}>"));
            }
            None => out.push_str(runs),
        }
    }

    /// Runs with a comment around them, if the paragraph has one.
    pub(super) fn comment(&mut self, para: &Para, body: &str, out: &mut String) {
        let Some(text) = &para.comment else {
            out.push_str(body);
            return;
        };
        let id = self.id();
        self.comments.push((id, text.clone()));
        out.push_str(&format!(r#"<w:commentRangeStart w:id="{id}"/>{body}<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#));
    }

    /// A planned paragraph written with the look of its kind: a paragraph
    /// of the old draft only, or one of several units sharing a paragraph.
    pub(super) fn loose(&mut self, para: &Para, shared: Option<usize>, out: &mut String) {
        let (look, mut looks) = match self.old_look(para, shared) {
            Some((look, looks)) => (look, Some(looks)),
            None => (self.look(para, shared), None),
        };
        out.push_str("<w:p>");
        let mark = self.mark(para);
        out.push_str(&with_mark(&look.ppr, mark.as_deref()));
        let mut body = String::new();
        let skip = if look.auto { para.markers } else { 0 };
        for (k, piece) in para.pieces.iter().enumerate().skip(skip) {
            let rpr = if piece.italic {
                add_property(&look.rpr, "<w:i/>")
            } else {
                look.rpr.clone()
            };
            let n = piece.text.chars().count();
            let mine = match looks.as_mut() {
                Some(l) if k >= para.markers && l.len() >= n => {
                    Some(l.drain(..n).collect::<Vec<_>>())
                }
                _ => None,
            };
            self.styled_piece(
                piece,
                mine.as_deref(),
                &rpr,
                para.moved.is_some(),
                &mut body,
            );
        }
        self.comment(para, &body, out);
        out.push_str("</w:p>");
    }

    /// The look of a paragraph of the old draft only, from the old
    /// document: its paragraph properties (unless Word numbers it: then
    /// those of a new paragraph of its kind, whose list is the new
    /// document's) and the run properties of each character.
    pub(super) fn old_look(
        &self,
        para: &Para,
        shared: Option<usize>,
    ) -> Option<(Look, Vec<Option<String>>)> {
        let e = &self.redline.entries[para.entry?];
        let old_only = para.mark == Side::Old && para.pieces.iter().all(|p| p.side == Side::Old);
        let ([side], None, true) = (e.old.as_slice(), shared, old_only) else {
            return None;
        };
        if e.op == Op::Split {
            return None;
        }
        let old = self.old.as_ref()?;
        let src = old.para(side.index)?;
        let looks = old.looks(side.index)?;
        let numbered =
            src.ppr.contains("<w:numPr") || old.auto_numbered(side.index, side.marker.as_deref());
        let look = if numbered || !old.alone(side.index) {
            self.look(para, None)
        } else {
            Look {
                ppr: strip(&strip(&src.ppr, "w:sectPr"), "w:pPrChange"),
                rpr: src.body_rpr().to_string(),
                auto: false,
            }
        };
        Some((look, looks))
    }

    pub(super) fn look(&self, para: &Para, shared: Option<usize>) -> Look {
        if let Some(p) = shared {
            let src = &self.paras[p];
            return Look {
                ppr: strip(&strip(&src.ppr, "w:sectPr"), "w:pPrChange"),
                rpr: src.body_rpr().to_string(),
                auto: false,
            };
        }
        self.looks
            .get(&para.style)
            .or_else(|| self.looks.get(&Style::Plain))
            .cloned()
            .unwrap_or(Look {
                ppr: String::new(),
                rpr: String::new(),
                auto: false,
            })
    }

    /// A piece written as new runs, footnote references as Word footnotes.
    pub(super) fn loose_piece(&mut self, piece: &Piece, rpr: &str, moved: bool, out: &mut String) {
        let mut runs = String::new();
        let deleted = piece.side == Side::Old && !moved;
        let mut rest = piece.text.as_str();
        while !rest.is_empty() {
            let found = REFERENCE.captures(rest).and_then(|c| {
                let whole = c.get(0)?;
                Some((whole.start(), whole.end(), c[1].to_string()))
            });
            let (end, next) = found
                .as_ref()
                .map_or((rest.len(), rest.len()), |f| (f.0, f.1));
            text_runs(&rest[..end], rpr, deleted, &mut runs);
            if let Some((_, _, label)) = found {
                runs.push_str(&self.reference(&label, piece.side));
            }
            rest = &rest[next..];
        }
        self.wrap(piece.side, moved, &runs, out);
    }
}
