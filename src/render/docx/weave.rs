//! The redline written into the new draft's own Word document.
//!
//! Every unit of the new draft is found in its paragraph of the package
//! ([`locate`]); then the body is copied element by element:
//!
//! - a paragraph whose unit did not change is copied byte for byte (a
//!   paragraph numbered by Word's list numbering that was only renumbered
//!   is unchanged: Word numbers it);
//! - a changed paragraph keeps its properties and the formatting of its
//!   runs; the words of the new draft are its own runs, inserted ones
//!   wrapped in `w:ins`; deleted words are `w:del` runs formatted like the
//!   text they stood in;
//! - paragraphs of the old draft only (deleted, moved away) are written
//!   before the next paragraph of the new draft, with the paragraph
//!   properties of a paragraph of the same kind (so a deleted operative
//!   paragraph is a list item whose deleted paragraph mark makes Word
//!   renumber on reject as on accept);
//! - table rows whose every paragraph is inserted are inserted rows
//!   (`w:trPr/w:ins`); an edited cell is one paragraph, its old text
//!   deleted and the new inserted, and old cells deleted together go one a
//!   cell (`France | 100` → `Francia | 120`: `France` in the first cell,
//!   `100` in the second, not both in the first);
//! - footnotes whose text changed are rewritten in the package's footnotes
//!   part, and deleted references get a footnote of their own.
//!
//! Styles, numbering definitions, sections, headers, footers, settings,
//! images and every other part stay as they are.

use super::body::escape;
use super::olddoc::{self, OldDoc};
use super::package::{self, Package};
use super::pictures::{self, Context, Pictures};
use super::plan::{Para, Piece, Side, Style, note_pieces};
use super::source::{Atom, Reader, SourcePara};
use super::spans::{self, Span};
use super::{DocxOptions, notes::REFERENCE};
use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline};
use std::collections::HashMap;

/// A package opened to be rewritten: its main document parsed, its
/// relationships, and its footnotes part.
struct Opened {
    package: Package,
    xml: String,
    root: Span,
    rels: String,
    notes_name: Option<String>,
    notes_xml: Option<String>,
}

impl Opened {
    /// `None` unless the package has a main document written with the
    /// prefix `w`.
    fn open(template: &[u8]) -> Option<Opened> {
        let package = Package::open(template)?;
        let xml = package.text("word/document.xml")?;
        let root = spans::parse(&xml)?;
        if !spans::uses_w_prefix(&xml, &root) {
            return None;
        }
        let rels = package
            .text("word/_rels/document.xml.rels")
            .unwrap_or_default();
        let notes_name = package::target(&rels, "footnotes");
        let notes_xml = notes_name.as_deref().and_then(|n| package.text(n));
        Some(Opened {
            package,
            xml,
            root,
            rels,
            notes_name,
            notes_xml,
        })
    }
}

/// The redline written into `template` (the new draft's package); `None`
/// when the package cannot hold it (then the house style is used).
pub fn weave(redline: &Redline, options: &DocxOptions, template: &[u8]) -> Option<Package> {
    let Opened {
        mut package,
        xml,
        root,
        rels,
        notes_name,
        notes_xml,
    } = Opened::open(template)?;
    let body = root.child("w:body")?;
    let labels = note_labels(&xml, body, package.text("word/settings.xml").as_deref());
    let mut reader = Reader::new(&xml, Some(labels));
    let paras = reader.paragraphs(body);
    let homes = locate(redline, &paras)?;
    let mut weaver = Weaver::new(redline, options, &xml, paras, homes, notes_xml.as_deref());
    weaver.note_ids = reader.references.clone();
    let mut rels = rels;
    if let (Some(old), Some(bytes)) = (weaver.old.as_ref(), options.old_docx.as_deref()) {
        let cx = Context {
            redline,
            homes: &weaver.homes,
            paras: &weaver.paras,
            old,
        };
        if let Some(plan) = Pictures::plan(&cx, bytes, &mut package, &mut rels) {
            package.set("word/_rels/document.xml.rels", rels.clone());
            weaver.pictures = plan;
        }
    }
    let mut out = String::new();
    out.push_str(&xml[..body.open_end]);
    if options.summary {
        out.push_str(&super::summary::summary(redline));
    }
    weaver.container(body, &mut out);
    out.push_str(&xml[body.end..]);
    package.set("word/document.xml", out);
    weaver.finish(&mut package, notes_name, notes_xml, &rels);
    Some(package)
}

/// The redline in the old draft's look, when the new draft is not a Word
/// document but the old one is: the old package's styles, numbering
/// definitions, sections, headers and footers, with the redline's
/// paragraphs in place of its body, each with the paragraph properties of
/// an old paragraph of its kind (list numbering turned off: the numbers are
/// the drafts' own, typed). `None` when the package cannot hold it.
pub fn look(redline: &Redline, options: &DocxOptions, template: &[u8]) -> Option<Package> {
    let Opened {
        mut package,
        xml,
        root,
        rels,
        notes_name,
        notes_xml,
    } = Opened::open(template)?;
    let body = root.child("w:body")?;
    let (start, _) = note_labels(&xml, body, package.text("word/settings.xml").as_deref());
    let word_notes =
        notes_xml.is_some() && super::notes::Notes::of(redline).is_some_and(|n| n.start == start);
    let old = OldDoc::open(template, redline)?;
    let mut weaver = Weaver::new(
        redline,
        options,
        &xml,
        Vec::new(),
        HashMap::new(),
        notes_xml.as_deref(),
    );
    weaver.plan = super::plan::plan(redline, word_notes);
    weaver.looks = old_looks(redline, &old);
    weaver.old = Some(old);
    let mut out = xml[..body.open_end].to_string();
    if options.summary {
        out.push_str(&super::summary::summary(redline));
    }
    weaver.rest(&mut out);
    if let Some(section) = body.child("w:sectPr") {
        out.push_str(section.raw(&xml));
    }
    out.push_str(&xml[body.close_start..]);
    package.set("word/document.xml", out);
    if let (Some(name), Some(notes)) = (notes_name, notes_xml) {
        package.set(&name, weaver.fresh_footnotes(&notes)?);
    }
    if !weaver.comments.is_empty() {
        add_comments(&mut package, &rels, &weaver.comments, options);
    }
    Some(package)
}

/// The look of each kind of paragraph in the old draft's document.
fn old_looks(redline: &Redline, old: &OldDoc) -> HashMap<Style, Look> {
    let mut looks = HashMap::new();
    for e in &redline.entries {
        let [side] = e.old.as_slice() else {
            continue;
        };
        let style = Style::of(side.kind);
        if looks.contains_key(&style) || !old.alone(side.index) {
            continue;
        }
        let Some(src) = old.para(side.index) else {
            continue;
        };
        let ppr = strip(&strip(&src.ppr, "w:sectPr"), "w:pPrChange");
        let numbered =
            ppr.contains("<w:numPr") || old.auto_numbered(side.index, side.marker.as_deref());
        looks.insert(
            style,
            Look {
                ppr: if numbered {
                    without_numbering(&ppr)
                } else {
                    ppr
                },
                rpr: src.body_rpr().to_string(),
                auto: false,
            },
        );
    }
    looks
}

/// Paragraph properties without list numbering: its numbering and its
/// style (which may carry numbering) taken off. (`w:numId` 0 would turn
/// numbering off and keep the style, but strict validators refuse it.)
fn without_numbering(ppr: &str) -> String {
    strip(&strip(ppr, "w:numPr"), "w:pStyle")
}

/// Footnote numbering: start and format, from the body's last section,
/// else the settings, else 1 in decimal.
pub(super) fn note_labels(xml: &str, body: &Span, settings: Option<&str>) -> (u32, String) {
    let from = |xml: &str, pr: Option<&Span>| {
        let pr = pr?;
        let start = pr
            .child("w:numStart")
            .and_then(|s| s.attr(xml, "w:val"))
            .and_then(|v| v.parse().ok());
        let format = pr.child("w:numFmt").and_then(|s| s.attr(xml, "w:val"));
        Some((start, format))
    };
    let section = from(
        xml,
        body.child("w:sectPr").and_then(|s| s.child("w:footnotePr")),
    );
    let parsed = settings.and_then(|s| Some((s, spans::parse(s)?)));
    let global = parsed
        .as_ref()
        .and_then(|(s, root)| from(s, root.child("w:footnotePr")));
    let start = section
        .as_ref()
        .and_then(|p| p.0)
        .or(global.as_ref().and_then(|p| p.0));
    let format = section
        .as_ref()
        .and_then(|p| p.1.clone())
        .or(global.as_ref().and_then(|p| p.1.clone()))
        .unwrap_or_else(|| "decimal".to_string());
    (start.unwrap_or(1), format)
}

/// Where each entry of the new draft stands: the index of its paragraph.
/// `None` if a unit is not found (the document is not the new draft as
/// the reader read it).
fn locate(redline: &Redline, paras: &[SourcePara]) -> Option<HashMap<usize, usize>> {
    let mut units: Vec<(usize, usize, String)> = redline
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.op != Op::MovedAway && e.kind != UnitKind::Footnote)
        .filter_map(|(k, e)| Some((e.new.as_ref()?.index, k, e.new_text())))
        .collect();
    units.sort();
    find_units(&units, paras)
}

/// Finds units (their order, id and text) in paragraphs, in order: each in
/// the first paragraph at or after the previous unit's that holds its
/// letters and digits. The ids → paragraph indices; `None` if one is
/// missing.
pub fn find_units(
    units: &[(usize, usize, String)],
    paras: &[SourcePara],
) -> Option<HashMap<usize, usize>> {
    let keys: Vec<String> = paras.iter().map(|p| key(&p.text())).collect();
    let (mut at, mut offset) = (0, 0);
    let mut homes = HashMap::new();
    for (_, id, text) in units {
        let unit = key(text);
        loop {
            let haystack = keys.get(at)?;
            if let Some(found) = haystack.get(offset..).and_then(|h| h.find(&unit)) {
                offset += found + unit.len();
                homes.insert(*id, at);
                break;
            }
            at += 1;
            offset = 0;
        }
    }
    Some(homes)
}

/// Letters and digits only, in lower case, footnote references left out:
/// what must be the same in a unit and its paragraph.
pub(super) fn key(text: &str) -> String {
    REFERENCE
        .replace_all(text, "")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The look of a kind of paragraph: properties of a paragraph of that kind
/// in the new draft and of its body text, and whether Word numbers it.
#[derive(Debug, Clone)]
struct Look {
    ppr: String,
    rpr: String,
    auto: bool,
}

struct Weaver<'a> {
    redline: &'a Redline,
    options: &'a DocxOptions,
    xml: &'a str,
    paras: Vec<SourcePara>,
    plan: Vec<Para>,
    /// The next planned paragraph to write.
    next: usize,
    /// Entry → its paragraph in the package.
    homes: HashMap<usize, usize>,
    /// Paragraph → how many entries stand in it.
    tenants: HashMap<usize, usize>,
    looks: HashMap<Style, Look>,
    /// Paragraphs read so far in the body.
    read: usize,
    next_id: usize,
    comments: Vec<(usize, String)>,
    /// Footnote references of the new draft: id and label, in order.
    note_ids: Vec<(String, String)>,
    /// New footnotes (for deleted references), as XML.
    added_notes: Vec<String>,
    /// A footnote paragraph of the package to model new ones on.
    note_look: Option<(String, String, String)>,
    /// Whether a row being written has only inserted paragraphs.
    row: Option<(usize, usize)>,
    /// How many cells follow, in its table, the cell being written.
    cells_after: usize,
    /// How many cells the rows after the row being written hold.
    rows_after: usize,
    /// The old draft's document, if it is a Word document.
    old: Option<OldDoc>,
    /// Pictures inserted and deleted.
    pictures: Pictures,
}

impl<'a> Weaver<'a> {
    fn new(
        redline: &'a Redline,
        options: &'a DocxOptions,
        xml: &'a str,
        paras: Vec<SourcePara>,
        homes: HashMap<usize, usize>,
        notes: Option<&str>,
    ) -> Weaver<'a> {
        let mut tenants = HashMap::new();
        for &p in homes.values() {
            *tenants.entry(p).or_insert(0) += 1;
        }
        let first_id = max_id(xml).max(notes.map_or(0, max_id)) + 1;
        let mut w = Weaver {
            redline,
            options,
            xml,
            paras,
            plan: super::plan::plan(redline, true),
            next: 0,
            homes,
            tenants,
            looks: HashMap::new(),
            read: 0,
            next_id: first_id.max(COMMENT_BASE),
            comments: Vec::new(),
            note_ids: Vec::new(),
            added_notes: Vec::new(),
            note_look: notes.and_then(note_look),
            row: None,
            cells_after: 0,
            rows_after: 0,
            old: options
                .old_docx
                .as_deref()
                .and_then(|bytes| OldDoc::open(bytes, redline)),
            pictures: Pictures::default(),
        };
        w.looks = w.find_looks();
        w
    }

    fn find_looks(&self) -> HashMap<Style, Look> {
        let mut looks = HashMap::new();
        for (&k, &p) in &self.homes {
            let e = &self.redline.entries[k];
            let style = Style::of(e.kind);
            if self.tenants.get(&p) != Some(&1) || looks.contains_key(&style) {
                continue;
            }
            let src = &self.paras[p];
            looks.insert(
                style,
                Look {
                    ppr: strip(&strip(&src.ppr, "w:sectPr"), "w:pPrChange"),
                    rpr: src.body_rpr().to_string(),
                    auto: self.auto_numbered(e, src),
                },
            );
        }
        looks
    }

    /// Whether Word numbers the paragraph of entry `e`: it has a number
    /// the paragraph's own text does not hold.
    fn auto_numbered(&self, e: &Entry, src: &SourcePara) -> bool {
        let Some(marker) = e.new.as_ref().and_then(|n| n.marker.as_deref()) else {
            return false;
        };
        let text = src.text();
        let unit: Vec<char> = e.new_text().chars().collect();
        let chars: Vec<char> = text.chars().collect();
        let start = align(&unit, &chars)[0];
        let prefix: String = chars[..start].iter().collect();
        !key(&prefix).contains(&key(marker))
    }

    fn id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    fn revision(&mut self) -> String {
        let id = self.id();
        super::body::revision_attributes(
            id,
            &escape(&self.options.author),
            &escape(&self.options.date),
        )
    }

    /// Copies a block container, rewriting its paragraphs.
    fn container(&mut self, span: &Span, out: &mut String) {
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

    /// A table row: written, then marked inserted if every paragraph in it
    /// is.
    fn table_row(&mut self, row: &Span, rows_after: usize, out: &mut String) {
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

    /// The next paragraph of the body, its pictures inserted or deleted
    /// marked, and deleted picture paragraphs that follow it.
    fn paragraph(&mut self, out: &mut String) {
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
    fn deleted_pictures(&mut self, after: Option<usize>, out: &mut String) {
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
    fn paragraph_text(&mut self, out: &mut String) {
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
    fn done_with(&self, p: usize, mine: &[(Para, bool)]) -> bool {
        if !mine.iter().any(|(_, home)| *home) {
            return false;
        }
        let next_home = self.plan[self.next..]
            .iter()
            .find_map(|para| self.home_of(para));
        next_home != Some(p)
    }

    /// In a table cell followed by others in its table, several deleted
    /// paragraphs before an inserted one are old cells, one a cell: the
    /// first stays with this cell, the others wait for the next cells, so
    /// rows whose every cell changed keep each old text in its own cell.
    ///
    /// `[(del "France"), (del "100"), (ins "Francia", home)]` →
    /// `[(del "France"), (ins "Francia", home)]`, `del "100"` planned next.
    fn one_old_cell(&mut self, mut mine: Vec<(Para, bool)>) -> Vec<(Para, bool)> {
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
    fn replaced_cell(&self, mine: Vec<(Para, bool)>) -> Vec<(Para, bool)> {
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

    /// The package paragraph a planned paragraph writes its new text into.
    fn home_of(&self, para: &Para) -> Option<usize> {
        let k = para.entry?;
        let e = &self.redline.entries[k];
        let new_content = para.mark != Side::Old || para.pieces.iter().any(|p| p.side != Side::Old);
        if e.op == Op::MovedAway || !new_content {
            return None;
        }
        self.homes.get(&k).copied()
    }

    /// Planned paragraphs left after the last paragraph of the body.
    fn rest(&mut self, out: &mut String) {
        while let Some(para) = self.plan.get(self.next).cloned() {
            self.next += 1;
            self.loose(&para, None, out);
        }
    }

    /// The paragraphs of entry `k` in its own paragraph `p`, with the old
    /// paragraphs planned before them.
    fn home(&mut self, p: usize, k: usize, planned: &[(Para, bool)], out: &mut String) {
        let e = &self.redline.entries[k];
        let src = self.paras[p].clone();
        let auto = self.auto_numbered(e, &src);
        let homed: Vec<&Para> = planned.iter().filter(|(_, h)| *h).map(|(p, _)| p).collect();
        let note = self.old_number_note(e, auto);
        if homed.is_empty() {
            for (para, _) in planned {
                self.loose(para, None, out);
            }
            out.push_str(&self.xml[src.start..src.end]);
            return;
        }
        let changes = self.format_changes(k, &src);
        let reformatted = changes.iter().any(Option::is_some);
        let numbered = self
            .numbering_added(k, auto)
            .or_else(|| self.paragraph_changed(k, &src));
        if homed.len() == 1
            && note.is_none()
            && !reformatted
            && numbered.is_none()
            && unchanged(homed[0], auto)
        {
            for (para, home) in planned {
                if *home {
                    out.push_str(&self.xml[src.start..src.end]);
                } else {
                    self.loose(para, None, out);
                }
            }
            return;
        }
        let mut writer = HomeWriter::new(&src, &e.new_text());
        writer.changes = changes;
        writer.old_ppr = numbered;
        writer.old_looks = match e.old.as_slice() {
            [side] if e.op != Op::Split => self.old.as_ref().and_then(|o| o.looks(side.index)),
            _ => None,
        };
        let count = homed.len();
        let mut seen = 0;
        for (para, home) in planned {
            if !*home {
                self.loose(para, None, out);
                continue;
            }
            seen += 1;
            let mut para = para.clone();
            if para.comment.is_none() {
                para.comment = note.clone();
            }
            self.home_para(&para, &mut writer, seen == 1, seen == count, auto, out);
        }
    }

    /// "formerly paragraph 16" for an automatically numbered paragraph that
    /// was renumbered, when asked for.
    fn old_number_note(&self, e: &Entry, auto: bool) -> Option<String> {
        if !(auto && self.options.show_old_numbers && e.renumbered()) {
            return None;
        }
        let old = e.old.first()?.number.as_deref()?;
        let text = crate::lang::word::formerly(self.redline.new.lang, old);
        Some(super::plan::capitalise(&text))
    }

    fn home_para(
        &mut self,
        para: &Para,
        writer: &mut HomeWriter,
        first: bool,
        last: bool,
        auto: bool,
        out: &mut String,
    ) {
        let start_tag = if first {
            &self.xml[writer.src.start..writer.src.start + tag_len(&self.xml[writer.src.start..])]
        } else {
            "<w:p>"
        };
        out.push_str(start_tag);
        let ppr = if first {
            writer.src.ppr.clone()
        } else {
            strip(&writer.src.ppr, "w:sectPr")
        };
        let mark = self.mark(para);
        let mut ppr = with_mark(&ppr, mark.as_deref());
        if let (true, Some(old)) = (first, writer.old_ppr.clone()) {
            let revision = self.revision();
            ppr = with_ppr_change(&ppr, &old, &revision);
        }
        out.push_str(&ppr);
        let mut body = String::new();
        let markers = &para.pieces[..para.markers];
        let typed_changed = !auto && markers.iter().any(|m| m.side != Side::Both);
        if first {
            if typed_changed {
                let rpr = writer.rpr_at(writer.map[0]).to_string();
                for m in markers {
                    self.loose_piece(m, &rpr, para.moved.is_some(), &mut body);
                }
                writer.skip_prefix(&mut body);
            } else {
                writer.emit_prefix(&mut body);
            }
        }
        for piece in &para.pieces[para.markers..] {
            let n = piece.text.chars().count();
            match piece.side {
                Side::Old => {
                    let rpr = writer.rpr_here().to_string();
                    let looks = writer.old_looks(n);
                    self.styled_piece(
                        piece,
                        looks.as_deref(),
                        &rpr,
                        para.moved.is_some(),
                        &mut body,
                    );
                }
                side => {
                    let mut runs = String::new();
                    writer.emit(n, &mut runs);
                    if side == Side::Both {
                        writer.old_done += n;
                    }
                    self.wrap(side, para.moved.is_some(), &runs, &mut body);
                }
            }
        }
        if last {
            writer.emit_rest(&mut body);
        }
        let body = self.fill_ids(&body);
        self.comment(para, &body, out);
        out.push_str("</w:p>");
    }

    /// For each character of a paragraph of the new draft, the old run
    /// properties where its text stayed but its look changed.
    fn format_changes(&self, k: usize, src: &SourcePara) -> Vec<Option<String>> {
        let e = &self.redline.entries[k];
        let len = src.text().chars().count();
        let (Some(old), [side], false) = (
            self.old.as_ref(),
            e.old.as_slice(),
            self.options.ignore_formatting,
        ) else {
            return vec![None; len];
        };
        let Some(old_looks) = old
            .looks(side.index)
            .filter(|_| matches!(e.op, Op::Unchanged | Op::Edited))
        else {
            return vec![None; len];
        };
        let unit = e.new_text();
        let new_looks = olddoc::char_looks(src, &unit);
        let chars: Vec<char> = src.text().chars().collect();
        let map = align(&unit.chars().collect::<Vec<_>>(), &chars);
        let text: Vec<char> = unit.chars().collect();
        let mut changes = vec![None; len];
        let (mut o, mut n) = (0, 0);
        for s in &e.segments {
            let (ol, nl) = (s.old_side().chars().count(), s.new_side().chars().count());
            if s.op == crate::redline::SegmentOp::Equal && ol == nl {
                for i in 0..nl {
                    let (Some(Some(a)), Some(Some(b))) =
                        (old_looks.get(o + i), new_looks.get(n + i))
                    else {
                        continue;
                    };
                    let blank = text.get(n + i).is_none_or(|c| c.is_whitespace());
                    if !blank
                        && !olddoc::differences(a, b).is_empty()
                        && let Some(slot) = map.get(n + i).and_then(|&at| changes.get_mut(at))
                    {
                        *slot = Some(a.clone());
                    }
                }
            }
            o += ol;
            n += nl;
        }
        changes
    }

    /// When Word numbers a paragraph that had no number, its former
    /// paragraph properties (their content): the old document's, else the
    /// new ones without their numbering. Rejecting the change takes the
    /// number away again.
    fn numbering_added(&self, k: usize, auto: bool) -> Option<String> {
        let e = &self.redline.entries[k];
        let [side] = e.old.as_slice() else {
            return None;
        };
        if !auto || side.marker.is_some() {
            return None;
        }
        let home = self.homes.get(&k)?;
        let ppr = match self.old.as_ref().filter(|o| o.alone(side.index)) {
            Some(old) => old.para(side.index)?.ppr.clone(),
            None => strip(&self.paras[*home].ppr, "w:numPr"),
        };
        let ppr = ["w:rPr", "w:sectPr", "w:pPrChange"]
            .iter()
            .fold(ppr, |p, name| strip(&p, name));
        let inner = ppr
            .strip_prefix("<w:pPr>")
            .and_then(|p| p.strip_suffix("</w:pPr>"))
            .unwrap_or("");
        Some(inner.to_string())
    }

    /// The old paragraph properties (their content) of entry `k`'s
    /// paragraph when its alignment or style changed and its text did not
    /// go elsewhere: written as `w:pPrChange`, off with
    /// `--ignore-formatting`.
    fn paragraph_changed(&self, k: usize, src: &SourcePara) -> Option<String> {
        let e = &self.redline.entries[k];
        let (Some(old), [side], false) = (
            self.old.as_ref(),
            e.old.as_slice(),
            self.options.ignore_formatting,
        ) else {
            return None;
        };
        let home = self.homes.get(&k)?;
        if !matches!(e.op, Op::Unchanged | Op::Edited) || self.tenants.get(home) != Some(&1) {
            return None;
        }
        let ppr = old.own_ppr(side.index)?;
        if olddoc::paragraph_differences(ppr, &src.ppr).is_empty() {
            return None;
        }
        let ppr = ["w:rPr", "w:sectPr", "w:pPrChange"]
            .iter()
            .fold(ppr.to_string(), |p, name| strip(&p, name));
        let inner = ppr
            .strip_prefix("<w:pPr>")
            .and_then(|p| p.strip_suffix("</w:pPr>"))
            .unwrap_or("");
        Some(inner.to_string())
    }

    /// Gives each formatting revision written in a paragraph its id.
    fn fill_ids(&mut self, body: &str) -> String {
        let mut out = String::with_capacity(body.len());
        let mut rest = body;
        while let Some(at) = rest.find(FORMAT_ID) {
            out.push_str(&rest[..at]);
            let revision = self.revision();
            out.push_str(&revision);
            rest = &rest[at + FORMAT_ID.len()..];
        }
        out.push_str(rest);
        out
    }

    /// A piece written as new runs, each character with its own run
    /// properties where they are known (`looks`), else `rpr`.
    fn styled_piece(
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
    fn mark(&mut self, para: &Para) -> Option<String> {
        let tag = change_tag(para.mark, para.moved.is_some())?;
        let revision = self.revision();
        Some(format!("<w:{tag} {revision}/>"))
    }

    /// Content wrapped in the tracked change of its side.
    fn wrap(&mut self, side: Side, moved: bool, runs: &str, out: &mut String) {
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
    fn comment(&mut self, para: &Para, body: &str, out: &mut String) {
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
    fn loose(&mut self, para: &Para, shared: Option<usize>, out: &mut String) {
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
    fn old_look(&self, para: &Para, shared: Option<usize>) -> Option<(Look, Vec<Option<String>>)> {
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

    fn look(&self, para: &Para, shared: Option<usize>) -> Look {
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
    fn loose_piece(&mut self, piece: &Piece, rpr: &str, moved: bool, out: &mut String) {
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

    /// A footnote reference run for a label of one side: the new draft's
    /// own footnote, or a new one holding the old draft's text.
    fn reference(&mut self, label: &str, side: Side) -> String {
        let entry = self.redline.entries.iter().find(|e| {
            e.kind == UnitKind::Footnote
                && e.op != Op::MovedAway
                && match side {
                    Side::Old => e.old.iter().any(|o| o.number.as_deref() == Some(label)),
                    _ => e.new.as_ref().and_then(|n| n.number.as_deref()) == Some(label),
                }
        });
        let id = match (side, entry) {
            (Side::Old, Some(e)) => self.add_note(e, Side::Old),
            (_, Some(e)) if self.note_ids.is_empty() => self.add_note(e, side),
            (_, Some(_)) => self
                .note_ids
                .iter()
                .find(|(_, l)| l == label)
                .map(|(id, _)| id.clone()),
            (_, None) => None,
        };
        match id {
            Some(id) => format!(
                r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
            ),
            None => {
                let mut runs = String::new();
                text_runs(&format!("[^{label}]"), "", side == Side::Old, &mut runs);
                runs
            }
        }
    }

    /// A new footnote for a reference of one side, its id: for a deleted
    /// reference its text is deleted too, for an inserted one inserted (as
    /// Word marks a deleted or new footnote), for a kept one its edits are
    /// tracked (when the package's own footnotes are not the new draft's).
    fn add_note(&mut self, e: &Entry, side: Side) -> Option<String> {
        let (ppr, reference, rpr) = self.note_look.clone()?;
        let id = self.id();
        let pieces = match side {
            Side::Old => vec![Piece::new(Side::Old, format!(" {}", e.old_text()))],
            Side::New => vec![Piece::new(Side::New, format!(" {}", e.new_text()))],
            Side::Both => {
                let mut pieces = vec![Piece::new(Side::Both, " ")];
                pieces.extend(note_pieces(e, Side::Both, true));
                pieces
            }
        };
        let mut runs = String::new();
        for piece in &pieces {
            self.loose_piece(piece, &rpr, false, &mut runs);
        }
        self.added_notes.push(format!(
            r#"<w:footnote w:id="{id}"><w:p>{ppr}{reference}{runs}</w:p></w:footnote>"#
        ));
        Some(id.to_string())
    }

    /// The parts besides the document: footnotes rewritten and added,
    /// comments, their relationships and content types.
    fn finish(
        &mut self,
        package: &mut Package,
        notes_name: Option<String>,
        notes_xml: Option<String>,
        rels: &str,
    ) {
        if let (Some(name), Some(xml)) = (notes_name, notes_xml)
            && let Some(text) = self.footnotes(&xml)
        {
            package.set(&name, text);
        }
        if !self.comments.is_empty() {
            add_comments(package, rels, &self.comments, self.options);
        }
        if let Some(old) = self.options.old_docx.as_deref().and_then(Package::open) {
            super::furniture::track(package, &old, &mut || self.revision());
        }
    }

    /// The footnotes part with changed footnotes tracked and deleted ones
    /// added.
    fn footnotes(&mut self, xml: &str) -> Option<String> {
        let root = spans::parse(xml)?;
        let mut out = xml[..root.open_end].to_string();
        let mut at = root.open_end;
        for note in &root.children {
            out.push_str(&xml[at..note.start]);
            at = note.end;
            let id = note.attr(xml, "w:id").unwrap_or_default();
            match self.note_entry(&id) {
                Some(k) => self.footnote(xml, note, k, &mut out),
                None => out.push_str(note.raw(xml)),
            }
        }
        out.push_str(&xml[at..root.close_start]);
        out.extend(self.added_notes.drain(..));
        out.push_str(&xml[root.close_start..]);
        Some(out)
    }

    /// The footnotes part with only its separators and the footnotes
    /// written for the redline.
    fn fresh_footnotes(&mut self, xml: &str) -> Option<String> {
        let root = spans::parse(xml)?;
        let mut out = xml[..root.open_end].to_string();
        for note in &root.children {
            if note.attr(xml, "w:type").is_some() {
                out.push_str(note.raw(xml));
            }
        }
        out.extend(self.added_notes.drain(..));
        out.push_str(&xml[root.close_start..]);
        Some(out)
    }

    /// The changed footnote entry of the new draft's footnote `id`: edited,
    /// or inserted (its text is then inserted, as Word marks a new
    /// footnote).
    fn note_entry(&self, id: &str) -> Option<usize> {
        let label = &self.note_ids.iter().find(|(i, _)| i == id)?.1;
        self.redline.entries.iter().position(|e| {
            e.kind == UnitKind::Footnote
                && matches!(e.op, Op::Edited | Op::Inserted)
                && e.new.as_ref().and_then(|n| n.number.as_deref()) == Some(label.as_str())
        })
    }

    /// A footnote of one paragraph with its edits tracked.
    fn footnote(&mut self, xml: &str, note: &Span, k: usize, out: &mut String) {
        let ps: Vec<&Span> = note.children.iter().filter(|c| c.name == "w:p").collect();
        let [p] = ps[..] else {
            out.push_str(note.raw(xml));
            return;
        };
        let src = Reader::new(xml, None).paragraph(p);
        let e = &self.redline.entries[k];
        let pieces = note_pieces(e, Side::Both, true);
        let para = Para {
            style: Style::Footnote,
            pieces,
            mark: Side::Both,
            moved: None,
            comment: None,
            markers: 0,
            entry: Some(k),
        };
        let mut writer = HomeWriter::new(&src, &e.new_text());
        out.push_str(&xml[note.start..p.start]);
        let mut body = String::new();
        out.push_str(&xml[p.start..p.start + tag_len(&xml[p.start..])]);
        out.push_str(&src.ppr);
        writer.emit_prefix(&mut body);
        for piece in &para.pieces {
            match piece.side {
                Side::Old => {
                    let rpr = writer.rpr_here().to_string();
                    self.loose_piece(piece, &rpr, false, &mut body);
                }
                side => {
                    let mut runs = String::new();
                    writer.emit(piece.text.chars().count(), &mut runs);
                    self.wrap(side, false, &runs, &mut body);
                }
            }
        }
        writer.emit_rest(&mut body);
        out.push_str(&body);
        out.push_str("</w:p>");
        out.push_str(&xml[p.end..note.end]);
    }
}

/// Whether a planned paragraph shows no change (its number aside, when
/// Word numbers it).
fn unchanged(para: &Para, auto: bool) -> bool {
    let skip = if auto { para.markers } else { 0 };
    para.mark == Side::Both
        && para.moved.is_none()
        && para.comment.is_none()
        && para.pieces[skip..].iter().all(|p| p.side == Side::Both)
}

/// Writes the new draft's own runs of a paragraph, piece by piece.
struct HomeWriter {
    src: SourcePara,
    /// Each atom's first character in the paragraph's text, and its length.
    places: Vec<(usize, usize)>,
    /// For each character of the unit's text (and one past its end), its
    /// place in the paragraph's text.
    map: Vec<usize>,
    /// How much of the unit's text is written.
    done: usize,
    /// Where the paragraph's text is written up to.
    at: usize,
    len: usize,
    /// For each character of the paragraph, its old run properties where
    /// only its look changed.
    changes: Vec<Option<String>>,
    /// The run properties of each character of the old unit, if known.
    old_looks: Option<Vec<Option<String>>>,
    /// How much of the old unit's text is written.
    old_done: usize,
    /// The old paragraph properties (their content) when Word's numbering
    /// was added to the paragraph: written as `w:pPrChange`.
    old_ppr: Option<String>,
}

impl HomeWriter {
    fn new(src: &SourcePara, unit: &str) -> HomeWriter {
        let text = src.text();
        let chars: Vec<char> = text.chars().collect();
        let unit: Vec<char> = unit.chars().collect();
        let mut places = Vec::new();
        let mut at = 0;
        for a in &src.atoms {
            let n = a.text().chars().count();
            places.push((at, n));
            at += n;
        }
        HomeWriter {
            src: src.clone(),
            places,
            map: align(&unit, &chars),
            done: 0,
            at: 0,
            len: chars.len(),
            changes: Vec::new(),
            old_looks: None,
            old_done: 0,
            old_ppr: None,
        }
    }

    /// The old run properties of the next `n` characters of the old text.
    fn old_looks(&mut self, n: usize) -> Option<Vec<Option<String>>> {
        let looks = self.old_looks.as_ref()?;
        let part = looks.get(self.old_done..self.old_done + n)?.to_vec();
        self.old_done += n;
        Some(part)
    }

    /// The run properties at a place of the paragraph's text.
    fn rpr_at(&self, at: usize) -> &str {
        let found = self
            .places
            .iter()
            .zip(&self.src.atoms)
            .find_map(|(&(s, n), a)| match a {
                Atom::Text { rpr, .. } if at >= s && at < s + n => Some(rpr.as_str()),
                _ => None,
            });
        found.unwrap_or_else(|| self.src.body_rpr())
    }

    /// The run properties where deleted text goes: those of the text before.
    fn rpr_here(&self) -> &str {
        self.rpr_at(self.at.saturating_sub(1))
    }

    /// The text before the unit (a typed number, spaces), as it is.
    fn emit_prefix(&mut self, out: &mut String) {
        let end = self.map[0];
        self.range(self.at, end, false, out);
        self.at = end;
    }

    /// The text before the unit left out (a typed number written as
    /// pieces instead), its objects kept.
    fn skip_prefix(&mut self, out: &mut String) {
        let end = self.map[0];
        self.range(self.at, end, true, out);
        self.at = end;
    }

    /// The next `n` characters of the unit's text.
    fn emit(&mut self, n: usize, out: &mut String) {
        let done = (self.done + n).min(self.map.len() - 1);
        let end = self.map[done].max(self.at);
        self.range(self.at, end, false, out);
        self.at = end;
        self.done = done;
    }

    /// Whatever follows the unit's text.
    fn emit_rest(&mut self, out: &mut String) {
        self.range(self.at, self.len + 1, false, out);
        self.at = self.len;
    }

    /// The atoms of the paragraph between two places; with `objects_only`,
    /// text is left out.
    fn range(&self, from: usize, to: usize, objects_only: bool, out: &mut String) {
        for (&(s, n), atom) in self.places.iter().zip(&self.src.atoms) {
            let inside = if n == 0 {
                s >= from && s < to
            } else {
                s < to && s + n > from
            };
            if !inside {
                continue;
            }
            match atom {
                Atom::Text { rpr, text } if !objects_only => {
                    let a = from.saturating_sub(s);
                    let b = (to - s).min(n);
                    self.text_with_changes(text, rpr, s, a, b, out);
                }
                Atom::Object { raw, .. }
                    if n == 0 || (s >= from && s + n <= to && !objects_only) =>
                {
                    out.push_str(raw);
                }
                Atom::Object { .. } if s >= from && s + n <= to => {}
                Atom::Object { text, .. } if !objects_only => {
                    let a = from.saturating_sub(s);
                    let b = (to - s).min(n);
                    let part: String = text.chars().skip(a).take(b - a).collect();
                    text_runs(&part, self.src.body_rpr(), false, out);
                }
                _ => {}
            }
        }
    }
}

impl HomeWriter {
    /// Characters `a..b` of a text atom starting at `s`, runs cut where
    /// the look changed, each such run with its old properties in
    /// `w:rPrChange`.
    fn text_with_changes(
        &self,
        text: &str,
        rpr: &str,
        s: usize,
        a: usize,
        b: usize,
        out: &mut String,
    ) {
        let chars: Vec<char> = text.chars().collect();
        let change = |k: usize| self.changes.get(s + k).cloned().flatten();
        let mut start = a;
        while start < b {
            let here = change(start);
            let mut end = start + 1;
            while end < b && change(end) == here {
                end += 1;
            }
            let part: String = chars[start..end].iter().collect();
            match &here {
                Some(old) => text_runs(&part, &with_change(rpr, old), false, out),
                None => text_runs(&part, rpr, false, out),
            }
            start = end;
        }
    }
}

/// Stands for the id, author and date of a formatting revision until the
/// paragraph is written.
const FORMAT_ID: &str = "\u{1}revision\u{1}";

/// Run properties with a `w:rPrChange` holding the old ones.
fn with_change(rpr: &str, old: &str) -> String {
    let inner = |r: &str| -> String {
        if r.starts_with("<w:rPr>") && r.ends_with("</w:rPr>") {
            r["<w:rPr>".len()..r.len() - "</w:rPr>".len()].to_string()
        } else {
            String::new()
        }
    };
    let change = format!(
        "<w:rPrChange {FORMAT_ID}><w:rPr>{}</w:rPr></w:rPrChange>",
        inner(old)
    );
    format!("<w:rPr>{}{change}</w:rPr>", inner(rpr))
}

/// For each character of `unit` (and one past its end), its place in
/// `para`: the unit is the paragraph's text as the parser keeps it (number
/// taken off, spaces trimmed), found character by character.
///
/// ```text
/// unit "Décide que"   para "16.\tDécide  que "   → [4, 5, …, 10, 12, 13, 14, 15]
/// ```
pub(super) fn align(unit: &[char], para: &[char]) -> Vec<usize> {
    let mut map = Vec::with_capacity(unit.len() + 1);
    let head: Vec<char> = unit
        .iter()
        .take(12)
        .take_while(|c| !c.is_whitespace())
        .copied()
        .collect();
    let mut j = para
        .windows(head.len().max(1))
        .position(|w| w == head.as_slice())
        .unwrap_or_else(|| para.iter().position(|c| !c.is_whitespace()).unwrap_or(0));
    for &c in unit {
        while j < para.len() && para[j] != c && para[j].is_whitespace() && !c.is_whitespace() {
            j += 1;
        }
        if j < para.len()
            && para[j] != c
            && !(para[j].is_whitespace() && c.is_whitespace())
            && let Some(skip) = para[j..].iter().take(4).position(|&p| p == c)
        {
            j += skip;
        }
        map.push(j.min(para.len()));
        j = (j + 1).min(para.len());
    }
    map.push(j.min(para.len()));
    map
}

/// The tracked-change element for content of one side.
fn change_tag(side: Side, moved: bool) -> Option<&'static str> {
    match (side, moved) {
        (Side::Both, _) => None,
        (Side::Old, false) => Some("del"),
        (Side::New, false) => Some("ins"),
        (Side::Old, true) => Some("moveFrom"),
        (Side::New, true) => Some("moveTo"),
    }
}

/// Text as runs with properties: `w:t` (`w:delText` when deleted), tabs
/// as `w:tab`.
pub(super) fn text_runs(text: &str, rpr: &str, deleted: bool, out: &mut String) {
    let tag = if deleted { "delText" } else { "t" };
    for (k, part) in text.split('\t').enumerate() {
        if k > 0 {
            out.push_str(&format!("<w:r>{rpr}<w:tab/></w:r>"));
        }
        if !part.is_empty() {
            out.push_str(&format!(
                r#"<w:r>{rpr}<w:{tag} xml:space="preserve">{}</w:{tag}></w:r>"#,
                escape(part)
            ));
        }
    }
}

/// Paragraph properties with a revision on the paragraph mark.
pub(super) fn with_mark(ppr: &str, mark: Option<&str>) -> String {
    let Some(mark) = mark else {
        return ppr.to_string();
    };
    if ppr.is_empty() {
        return format!("<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>");
    }
    if let Some(at) = ppr.find("<w:rPr>") {
        let at = at + "<w:rPr>".len();
        return format!("{}{mark}{}", &ppr[..at], &ppr[at..]);
    }
    if let Some(at) = ppr.find("<w:rPr/>") {
        return format!("{}<w:rPr>{mark}</w:rPr>{}", &ppr[..at], &ppr[at + 8..]);
    }
    let at = ["<w:sectPr", "<w:pPrChange", "</w:pPr>"]
        .iter()
        .find_map(|t| ppr.find(t))
        .unwrap_or(ppr.len());
    format!("{}<w:rPr>{mark}</w:rPr>{}", &ppr[..at], &ppr[at..])
}

/// Paragraph properties with a `w:pPrChange` (their last element) holding
/// former ones.
fn with_ppr_change(ppr: &str, old: &str, revision: &str) -> String {
    let change = format!("<w:pPrChange {revision}><w:pPr>{old}</w:pPr></w:pPrChange>");
    match ppr.rfind("</w:pPr>") {
        Some(at) => format!("{}{change}{}", &ppr[..at], &ppr[at..]),
        None => format!("<w:pPr>{change}</w:pPr>"),
    }
}

/// Run properties with one more (`<w:i/>`), in the schema's order: after
/// the style, fonts and bold.
fn add_property(rpr: &str, property: &str) -> String {
    if rpr.is_empty() {
        return format!("<w:rPr>{property}</w:rPr>");
    }
    let Some(open) = rpr.find('>').map(|a| a + 1) else {
        return rpr.to_string();
    };
    let mut at = open;
    for name in ["<w:rStyle", "<w:rFonts", "<w:b/>", "<w:b ", "<w:bCs"] {
        if let Some(found) = rpr.find(name) {
            at = at.max(found + rpr[found..].find('>').map_or(0, |e| e + 1));
        }
    }
    if rpr.ends_with("/>") && !rpr.contains("</w:rPr>") {
        return format!("<w:rPr>{property}</w:rPr>");
    }
    format!("{}{property}{}", &rpr[..at], &rpr[at..])
}

/// XML with the elements of a name taken out (`w:sectPr` from paragraph
/// properties that are copied).
pub(super) fn strip(xml: &str, name: &str) -> String {
    let mut out = xml.to_string();
    let open = format!("<{name}");
    let close = format!("</{name}>");
    while let Some(start) = out.find(&open) {
        let end = match out[start..].find(&close) {
            Some(e) => start + e + close.len(),
            None => start + out[start..].find("/>").map_or(out.len() - start, |e| e + 2),
        };
        out.replace_range(start..end, "");
    }
    out
}

/// The length of an element's start tag.
fn tag_len(xml: &str) -> usize {
    xml.find('>').map_or(xml.len(), |e| e + 1)
}

/// The children of `span` after its child `child`.
fn later<'s>(span: &'s Span, child: &Span) -> impl Iterator<Item = &'s Span> {
    let start = child.start;
    span.children.iter().filter(move |s| s.start > start)
}

/// How many cells a table row holds.
fn cells(row: &Span) -> usize {
    row.children.iter().filter(|c| c.name == "w:tc").count()
}

/// How many cells of a table row come before its cell `cell`, and it.
fn cells_to(row: &Span, cell: &Span) -> usize {
    row.children
        .iter()
        .filter(|c| c.name == "w:tc" && c.start <= cell.start)
        .count()
}

/// A table row with a revision in its properties.
fn mark_row(row: &str, mark: &str) -> String {
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

/// The largest number in any `w:id` attribute of a part.
fn max_id(xml: &str) -> usize {
    xml.match_indices("w:id=\"")
        .filter_map(|(at, _)| {
            let rest = &xml[at + 6..];
            rest[..rest.find('"')?].parse::<i64>().ok()
        })
        .max()
        .map_or(0, |n| n.max(0) as usize)
}

/// The first revision and comment id: above the package's own.
const COMMENT_BASE: usize = 1000;

/// A footnote paragraph of the package: its properties, the run of its
/// number, and its text's run properties.
fn note_look(xml: &str) -> Option<(String, String, String)> {
    let root = spans::parse(xml)?;
    let note = root
        .children
        .iter()
        .find(|n| n.attr(xml, "w:type").is_none() && n.child("w:p").is_some())?;
    let p = note.child("w:p")?;
    let src = Reader::new(xml, None).paragraph(p);
    let reference = src.atoms.iter().find_map(|a| match a {
        Atom::Object { raw, .. } if raw.contains("<w:footnoteRef") => Some(raw.clone()),
        _ => None,
    })?;
    Some((
        strip(&src.ppr, "w:pPrChange"),
        reference,
        src.body_rpr().to_string(),
    ))
}

/// Adds the comments part (or the comments to the package's own).
fn add_comments(
    package: &mut Package,
    rels: &str,
    comments: &[(usize, String)],
    options: &DocxOptions,
) {
    let mut xml = String::new();
    for (id, text) in comments {
        xml.push_str(&format!(
            r#"<w:comment w:id="{id}" w:author="{}" w:date="{}" w:initials="rd"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:comment>"#,
            escape(&options.author),
            escape(&options.date),
            escape(text)
        ));
    }
    if let Some(name) = package::target(rels, "comments")
        && let Some(own) = package.text(&name)
        && let Some(at) = own.rfind("</w:comments>")
    {
        package.set(&name, format!("{}{xml}{}", &own[..at], &own[at..]));
        return;
    }
    let part = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {}>{xml}</w:comments>"#,
        super::parts::W_NS
    );
    package.set("word/comments.xml", part);
    let rel = r#"<Relationship Id="rIdRedraftComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#;
    if let Some(at) = rels.rfind("</Relationships>") {
        package.set(
            "word/_rels/document.xml.rels",
            format!("{}{rel}{}", &rels[..at], &rels[at..]),
        );
    }
    if let Some(types) = package.text("[Content_Types].xml")
        && let Some(at) = types.rfind("</Types>")
    {
        let kind = r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#;
        package.set(
            "[Content_Types].xml",
            format!("{}{kind}{}", &types[..at], &types[at..]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_a_unit_in_its_paragraph() {
        let unit: Vec<char> = "Décide que".chars().collect();
        let para: Vec<char> = "16.\tDécide  que ".chars().collect();
        let map = align(&unit, &para);
        assert_eq!(map[0], 4);
        assert_eq!(map[7], 12);
        assert_eq!(*map.last().unwrap(), 15);
    }

    #[test]
    fn marks_a_paragraph_mark() {
        assert_eq!(
            with_mark("", Some("<w:ins/>")),
            "<w:pPr><w:rPr><w:ins/></w:rPr></w:pPr>"
        );
        assert_eq!(
            with_mark(r#"<w:pPr><w:pStyle w:val="X"/></w:pPr>"#, Some("<w:del/>")),
            r#"<w:pPr><w:pStyle w:val="X"/><w:rPr><w:del/></w:rPr></w:pPr>"#
        );
        assert_eq!(
            with_mark("<w:pPr><w:rPr><w:b/></w:rPr></w:pPr>", Some("<w:ins/>")),
            "<w:pPr><w:rPr><w:ins/><w:b/></w:rPr></w:pPr>"
        );
    }

    #[test]
    fn adds_a_run_property_in_order() {
        assert_eq!(add_property("", "<w:i/>"), "<w:rPr><w:i/></w:rPr>");
        assert_eq!(
            add_property(r#"<w:rPr><w:b/><w:sz w:val="20"/></w:rPr>"#, "<w:i/>"),
            r#"<w:rPr><w:b/><w:i/><w:sz w:val="20"/></w:rPr>"#
        );
    }

    #[test]
    fn key_keeps_letters_and_digits() {
        assert_eq!(key("16. Décide, que[^5] !"), "16décideque");
    }
}
