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
    /// paragraphs before an inserted one are old cells, one a cell: the
    /// first stays with this cell, the others wait for the next cells, so
    /// rows whose every cell changed keep each old text in its own cell.
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
        let later: Vec<Para> = mine.drain(1..old.len()).map(|(para, _)| para).collect();
        self.plan.splice(self.next..self.next, later);
        mine
    }

    /// In a table cell, a deleted paragraph followed by an inserted one is
    /// the cell's text replaced: one paragraph with the old text deleted
    /// and the new inserted, as the cell is compared with its old self.
    ///
    /// `[(del "12,000", float), (ins "12,500", home)]` →
    /// `[(del "12,000" ins "12,500", home)]`.
    pub(super) fn replaced_cell(&self, mine: Vec<(Para, bool)>) -> Vec<(Para, bool)> {
        let [(old, false), (new, true)] = &mine[..] else {
            return mine;
        };
        let deleted = old
            .entry
            .is_some_and(|k| self.redline.entries[k].op == Op::Deleted);
        let inserted = new
            .entry
            .is_some_and(|k| self.redline.entries[k].op == Op::Inserted);
        if !(deleted && inserted && old.moved.is_none() && new.moved.is_none()) {
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
        vec![(para, true)]
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
