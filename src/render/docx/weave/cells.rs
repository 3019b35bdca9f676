//! Table rows and cells: a row whose every paragraph is inserted is an
//! inserted row; in a cell, old cells deleted together go one a cell and a
//! deleted paragraph followed by an inserted one is the cell's text
//! replaced.
//!
//! ```text
//! old row  France | 100      new row  Francia | 120
//! cell 1:  ~~France~~ Francia   cell 2:  ~~100~~ 120
//! ```

use super::super::plan::{Para, Piece, Side};
use super::super::spans::Span;
use super::Weaver;
use super::markup::tag_len;
use crate::redline::Op;

impl Weaver<'_> {
    /// A table row: written, then marked inserted if every paragraph in it
    /// is.
    pub(super) fn table_row(&mut self, row: &Span, rows_after: usize, out: &mut String) {
        let outer = self.row.replace((0, 0));
        let cells_after = self.cells_after;
        let outer_rows = std::mem::replace(&mut self.rows_after, rows_after);
        let mut xml = self.xml[row.start..row.open_end].to_string();
        self.container(row, &mut xml);
        let (all, inserted) = self.row.take().unwrap_or((0, 0));
        self.row = outer;
        self.cells_after = cells_after;
        self.rows_after = outer_rows;
        if all > 0 && all == inserted {
            let revision = self.revision();
            xml = mark_row(&xml, &format!("<w:ins {revision}/>"));
        }
        out.push_str(&xml);
    }

    /// In a table cell followed by others in its table, several deleted
    /// paragraphs before an inserted one are old cells, one a cell (or, when
    /// the old document is known, as its cells held them): the first
    /// stays with this cell, the others wait for the next cells, so rows
    /// whose every cell changed keep each old text in its own cell.
    ///
    /// `[(del "France"), (del "100"), (ins "Francia", home)]` →
    /// `[(del "France"), (ins "Francia", home)]`, `del "100"` planned next.
    pub(super) fn one_old_cell(&mut self, mut mine: Vec<(Para, bool)>) -> Vec<(Para, bool)> {
        let deleted = |para: &Para| {
            para.moved.is_none()
                && para
                    .entry
                    .is_some_and(|k| self.redline.entries[k].op == Op::Deleted)
        };
        let Some(((new, true), old)) = mine.split_last() else {
            return mine;
        };
        let inserted = new.moved.is_none()
            && new
                .entry
                .is_some_and(|k| self.redline.entries[k].op == Op::Inserted);
        if self.cells_after == 0
            || old.len() < 2
            || !inserted
            || !old.iter().all(|(para, home)| !home && deleted(para))
        {
            return mine;
        }
        let first = self.old_cell(&old[0].0);
        let own = match first {
            Some(cell) => old
                .iter()
                .take_while(|(para, _)| self.old_cell(para) == Some(cell))
                .count(),
            None => 1,
        };
        let later: Vec<Para> = mine.drain(own..old.len()).map(|(para, _)| para).collect();
        self.plan.splice(self.next..self.next, later);
        mine
    }

    /// In a table cell, a deleted paragraph followed by an inserted one is
    /// the cell's text replaced: one paragraph with the old text deleted
    /// and the new inserted, as the cell is compared with its old self
    /// (deleted paragraphs before it, of a cell that held several, stay as
    /// they are).
    ///
    /// `[(del "12,000", float), (ins "12,500", home)]` →
    /// `[(del "12,000" ins "12,500", home)]`.
    pub(super) fn replaced_cell(&self, mut mine: Vec<(Para, bool)>) -> Vec<(Para, bool)> {
        let n = mine.len();
        let (Some((old, false)), Some((new, true))) = (mine.get(n.wrapping_sub(2)), mine.last())
        else {
            return mine;
        };
        let op = |para: &Para| para.entry.map(|k| self.redline.entries[k].op);
        let earlier_deleted = mine[..n - 2]
            .iter()
            .all(|(para, home)| !home && op(para) == Some(Op::Deleted));
        if !(earlier_deleted
            && op(old) == Some(Op::Deleted)
            && op(new) == Some(Op::Inserted)
            && old.moved.is_none()
            && new.moved.is_none())
        {
            return mine;
        }
        let mut pieces: Vec<Piece> = old.pieces[old.markers..].to_vec();
        pieces.extend(new.pieces[new.markers..].iter().cloned());
        let para = Para {
            pieces,
            mark: Side::Both,
            markers: 0,
            ..new.clone()
        };
        mine.truncate(n - 2);
        mine.push((para, true));
        mine
    }

    /// Whether paragraph `p` is the last of its table cell.
    pub(super) fn ends_cell(&self, p: usize) -> bool {
        match self.cells.get(p) {
            Some(Some(cell)) => self.cells.get(p + 1) != Some(&Some(*cell)),
            _ => false,
        }
    }

    /// The old document's table cell that a planned paragraph's old text
    /// stood in.
    fn old_cell(&self, para: &Para) -> Option<usize> {
        let e = &self.redline.entries[para.entry?];
        self.old.as_ref()?.cell(e.old.first()?.index)
    }

    /// The planned paragraphs of a cell's last paragraph, with the deleted
    /// paragraphs planned next that stood in the same old cell (a cell that
    /// held several paragraphs keeps them all), their marks set so that
    /// the cell's last mark belongs to both versions ([`common_last_mark`]).
    ///
    /// Old cell `France / capital Paris`, new `France`:
    /// `[("France", home)]` + `(del "capital Paris")` →
    /// `[("France", mark deleted), (del "capital Paris", mark kept)]`.
    pub(super) fn cell_end(&mut self, mut mine: Vec<(Para, bool)>) -> Vec<(Para, bool)> {
        let cells: Vec<usize> = mine
            .iter()
            .filter_map(|(para, _)| self.old_cell(para))
            .collect();
        while let Some(para) = self.plan.get(self.next) {
            let old_only = para.mark == Side::Old
                && para.moved.is_none()
                && para.pieces.iter().all(|p| p.side == Side::Old);
            let same_cell = self.old_cell(para).is_some_and(|c| cells.contains(&c));
            if !old_only || !same_cell || self.home_of(para).is_some() {
                break;
            }
            mine.push((para.clone(), false));
            self.next += 1;
        }
        common_last_mark(mine)
    }
}
/// The children of `span` after its child `child`.
pub(super) fn later<'s>(span: &'s Span, child: &Span) -> impl Iterator<Item = &'s Span> {
    let start = child.start;
    span.children.iter().filter(move |s| s.start > start)
}

/// How many cells a table row holds.
pub(super) fn cells(row: &Span) -> usize {
    row.children.iter().filter(|c| c.name == "w:tc").count()
}

/// How many cells of a table row come before its cell `cell`, and it.
pub(super) fn cells_to(row: &Span, cell: &Span) -> usize {
    row.children
        .iter()
        .filter(|c| c.name == "w:tc" && c.start <= cell.start)
        .count()
}

/// A table row with a revision in its properties.
pub(super) fn mark_row(row: &str, mark: &str) -> String {
    if let Some(at) = row.find("</w:trPr>") {
        let at = row[..at].find("<w:trPrChange").unwrap_or(at);
        return format!("{}{mark}{}", &row[..at], &row[at..]);
    }
    let open = tag_len(row);
    let at = match row[open..].find("<w:tblPrEx") {
        Some(0) => row
            .find("</w:tblPrEx>")
            .map_or(open, |e| e + "</w:tblPrEx>".len()),
        _ => open,
    };
    // The row properties need one property before the revision: `cantSplit`
    // off is what a row without properties has.
    format!(
        r#"{}<w:trPr><w:cantSplit w:val="off"/>{mark}</w:trPr>{}"#,
        &row[..at],
        &row[at..]
    )
}

/// The marks of a cell's last paragraphs set so that the last one, the
/// cell's end (which no revision can take away), belongs to both versions:
/// a paragraph's mark belongs to a version when the paragraph does and a
/// later paragraph of the cell does too. A paragraph whose mark would
/// belong to neither joins the next one.
///
/// ```text
/// [France ¶both, capital Paris ¶old]  → [France ¶old, capital Paris ¶both]
/// [Francia ¶new, capital Paris ¶old]  → [Francia capital Paris ¶both]
/// ```
fn common_last_mark(mine: Vec<(Para, bool)>) -> Vec<(Para, bool)> {
    if mine.last().is_none_or(|(para, _)| para.mark == Side::Both) {
        return mine;
    }
    let mut later = (false, false);
    let mut out: Vec<(Para, bool)> = Vec::new();
    for (mut para, home) in mine.into_iter().rev() {
        let own = (para.mark != Side::New, para.mark != Side::Old);
        let mark = match (own.0 && later.0, own.1 && later.1) {
            _ if out.is_empty() => Some(Side::Both),
            (true, true) => Some(Side::Both),
            (true, false) => Some(Side::Old),
            (false, true) => Some(Side::New),
            (false, false) => None,
        };
        later = (later.0 || own.0, later.1 || own.1);
        match (mark, out.last_mut()) {
            (None, Some((next, next_home))) if !(home && *next_home) => {
                let mut pieces = para.pieces[para.markers..].to_vec();
                pieces.extend(next.pieces[next.markers..].iter().cloned());
                if home {
                    *next = Para {
                        mark: next.mark,
                        ..para
                    };
                    *next_home = true;
                }
                next.pieces = pieces;
                next.markers = 0;
            }
            (mark, _) => {
                para.mark = mark.unwrap_or(para.mark);
                out.push((para, home));
            }
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(mark: Side, text: &str) -> Para {
        Para {
            style: crate::render::docx::plan::Style::Plain,
            pieces: vec![Piece::new(mark, text)],
            mark,
            moved: None,
            comment: None,
            markers: 0,
            entry: None,
        }
    }

    fn marks(mine: &[(Para, bool)]) -> Vec<(Side, String)> {
        mine.iter()
            .map(|(p, _)| (p.mark, p.pieces.iter().map(|x| x.text.as_str()).collect()))
            .collect()
    }

    #[test]
    fn a_cells_last_mark_belongs_to_both_versions() {
        let kept = vec![
            (para(Side::Both, "France"), true),
            (para(Side::Old, "Paris"), false),
        ];
        assert_eq!(
            marks(&common_last_mark(kept)),
            [(Side::Old, "France".into()), (Side::Both, "Paris".into())]
        );
        let replaced = vec![
            (para(Side::New, "Francia"), true),
            (para(Side::Old, "Paris"), false),
        ];
        let joined = common_last_mark(replaced);
        assert_eq!(marks(&joined), [(Side::Both, "FranciaParis".into())]);
        assert!(joined[0].1, "the joined paragraph is the new one's home");
        let plain = vec![(para(Side::Old, "A"), false), (para(Side::Both, "B"), true)];
        assert_eq!(common_last_mark(plain.clone()), plain);
    }
}
