//! The body copied element by element: containers (tables, cells,
//! content controls) entered, each paragraph given the planned paragraphs
//! that belong to it, paragraphs without units copied as they are, and the
//! planned paragraphs left over written before the last section's
//! properties.

use super::super::pictures;
use super::super::plan::{Para, Side};
use super::super::spans::Span;
use super::Weaver;
use super::cells::{cells, cells_to, later};
use super::markup::{strip, with_mark};
use crate::redline::Op;

impl Weaver<'_> {
    /// Copies a block container, rewriting its paragraphs.
    pub(super) fn container(&mut self, span: &Span, out: &mut String) {
        let mut at = span.open_end;
        for c in &span.children {
            out.push_str(&self.xml[at..c.start]);
            match c.name.as_str() {
                "w:p" => self.paragraph(out),
                "w:tr" => {
                    let rows_after = later(span, c).map(cells).sum();
                    self.table_row(c, rows_after, out);
                }
                "w:tc" if span.name == "w:tr" => {
                    self.cells_after = cells(span) - cells_to(span, c) + self.rows_after;
                    out.push_str(&self.xml[c.start..c.open_end]);
                    self.container(c, out);
                }
                "w:tbl" | "w:tc" | "w:customXml" | "w:sdtContent" => {
                    out.push_str(&self.xml[c.start..c.open_end]);
                    self.container(c, out);
                }
                "w:sdt" => match c.child("w:sdtContent") {
                    Some(_) => {
                        out.push_str(&self.xml[c.start..c.open_end]);
                        self.container(c, out);
                    }
                    None => out.push_str(c.raw(self.xml)),
                },
                "w:sectPr" if span.name == "w:body" => {
                    self.rest(out);
                    out.push_str(c.raw(self.xml));
                }
                _ => out.push_str(c.raw(self.xml)),
            }
            at = c.end;
        }
        if span.name == "w:body" && span.child("w:sectPr").is_none() {
            self.rest(out);
        }
        out.push_str(&self.xml[at..span.end]);
    }

    /// The next paragraph of the body, its pictures inserted or deleted
    /// marked, and deleted picture paragraphs that follow it.
    pub(super) fn paragraph(&mut self, out: &mut String) {
        let p = self.read;
        if p == 0 {
            self.deleted_pictures(None, out);
        }
        let from = out.len();
        self.paragraph_text(out);
        let mut written = out.split_off(from);
        if let Some(inserted) = self.pictures.inserted.get(&p).cloned() {
            written = pictures::wrap_inserted(&written, &inserted, &mut || self.revision());
        }
        if self.pictures.new_paragraphs.contains(&p) {
            let mark = format!("<w:ins {}/>", self.revision());
            written = pictures::mark_last(&written, &mark);
        }
        if let Some(runs) = self.pictures.deleted_runs.get(&p).cloned() {
            let runs = format!("<w:del {}>{}</w:del>", self.revision(), runs.concat());
            written = pictures::append_runs(&written, &runs);
        }
        out.push_str(&written);
        self.deleted_pictures(Some(p), out);
    }

    /// Old picture-only paragraphs deleted, after a new paragraph.
    pub(super) fn deleted_pictures(&mut self, after: Option<usize>, out: &mut String) {
        let Some(deleted) = self.pictures.deleted_paragraphs.remove(&after) else {
            return;
        };
        for (ppr, runs) in deleted {
            let ppr = strip(&strip(&ppr, "w:sectPr"), "w:pPrChange");
            let mark = format!("<w:del {}/>", self.revision());
            let ppr = with_mark(&ppr, Some(&mark));
            let revision = self.revision();
            out.push_str(&format!("<w:p>{ppr}<w:del {revision}>{runs}</w:del></w:p>"));
        }
    }

    /// The next paragraph of the body, as its text asks.
    pub(super) fn paragraph_text(&mut self, out: &mut String) {
        let p = self.read;
        self.read += 1;
        let entries: Vec<usize> = (0..self.redline.entries.len())
            .filter(|k| self.homes.get(k) == Some(&p))
            .collect();
        if entries.is_empty() {
            let src = &self.paras[p];
            out.push_str(&self.xml[src.start..src.end]);
            return;
        }
        let mut mine: Vec<(Para, bool)> = Vec::new();
        while let Some(para) = self.plan.get(self.next) {
            let home = self.home_of(para);
            if home.is_some_and(|h| h != p) || (home.is_none() && self.done_with(p, &mine)) {
                break;
            }
            mine.push((para.clone(), home.is_some()));
            self.next += 1;
        }
        if self.row.is_some() && entries.len() == 1 {
            mine = self.one_old_cell(mine);
            mine = self.replaced_cell(mine);
        }
        let replaced = mine
            .iter()
            .any(|(para, home)| *home && para.mark == Side::Both);
        if let Some((all, inserted)) = &mut self.row {
            *all += 1;
            if !replaced
                && entries
                    .iter()
                    .all(|&k| self.redline.entries[k].op == Op::Inserted)
            {
                *inserted += 1;
            }
        }
        if self.ends_cell(p) {
            mine = self.cell_end(mine);
        }
        if entries.len() == 1 {
            self.home(p, entries[0], &mine, out);
        } else {
            for (para, home) in &mine {
                self.loose(para, home.then_some(p), out);
            }
        }
    }

    /// Whether paragraph `p` has its own planned paragraphs and none
    /// follows: the old paragraphs planned next go before the next one.
    pub(super) fn done_with(&self, p: usize, mine: &[(Para, bool)]) -> bool {
        if !mine.iter().any(|(_, home)| *home) {
            return false;
        }
        let next_home = self.plan[self.next..]
            .iter()
            .find_map(|para| self.home_of(para));
        next_home != Some(p)
    }

    /// The package paragraph a planned paragraph writes its new text into.
    pub(super) fn home_of(&self, para: &Para) -> Option<usize> {
        let k = para.entry?;
        let e = &self.redline.entries[k];
        let new_content = para.mark != Side::Old || para.pieces.iter().any(|p| p.side != Side::Old);
        if e.op == Op::MovedAway || !new_content {
            return None;
        }
        self.homes.get(&k).copied()
    }

    /// Planned paragraphs left after the last paragraph of the body.
    pub(super) fn rest(&mut self, out: &mut String) {
        while let Some(para) = self.plan.get(self.next).cloned() {
            self.next += 1;
            self.loose(&para, None, out);
        }
    }
}
