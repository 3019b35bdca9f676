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
//!
//! - [`locate`]: where each unit stands in the package;
//! - [`walk`]: the body copied element by element, [`cells`] for tables;
//! - [`home`] (with [`writer`]): a unit in its own paragraph;
//! - [`loose`]: paragraphs of the old draft only, or sharing a paragraph;
//! - [`notes`]: footnotes, comments, headers and footers;
//! - [`markup`]: runs and properties written as text.

mod cells;
mod home;
mod locate;
mod loose;
mod markup;
mod notes;
mod walk;
mod writer;

pub use locate::find_units;
pub(super) use locate::{align, key, note_labels};
pub(super) use markup::{change_tag, strip, text_runs, with_mark};

use super::DocxOptions;
use super::body::escape;
use super::olddoc::OldDoc;
use super::package::{self, Package};
use super::pictures::{Context, Pictures};
use super::plan::{Para, Style};
use super::source::{Reader, SourcePara};
use super::spans::{self, Span};
use crate::redline::{Entry, Redline};
use locate::locate;
use notes::{add_comments, note_look};
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
    let word_notes = !locate::typed_notes(&paras);
    let homes = locate(redline, &paras, word_notes)?;
    let mut weaver = Weaver::new(redline, options, &xml, paras, homes, notes_xml.as_deref());
    weaver.note_ids = reader.references.clone();
    weaver.cells = super::source::cells_of(body);
    if !word_notes {
        weaver.plan = super::plan::plan(redline, false);
    }
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

/// The look of a kind of paragraph: properties of a paragraph of that kind
/// in the new draft and of its body text, and whether Word numbers it.
#[derive(Debug, Clone)]
struct Look {
    ppr: String,
    rpr: String,
    auto: bool,
}

/// The redline being written into a package: what it reads (the redline,
/// the package's body and paragraphs, the old document) and where it is.
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
    /// Paragraph → the table cell holding it.
    cells: Vec<Option<usize>>,
    /// New cell → the old cell it took its first deleted paragraphs from.
    claimed: HashMap<usize, usize>,
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
            cells: Vec::new(),
            claimed: HashMap::new(),
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
