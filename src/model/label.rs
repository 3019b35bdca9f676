//! Stable labels for units.
//!
//! | unit | label |
//! |---|---|
//! | title lines | `TITLE`, `TITLE-2`, ... |
//! | chapeau | `CHAPEAU` |
//! | closing line ("80th plenary meeting …") | `CLOSING` |
//! | preambular paragraph 3 | `PP3` |
//! | operative paragraph 12, 9 bis | `OP12`, `OP9bis` |
//! | subparagraph (b) of 12, (ii) of (b) | `OP12(b)`, `OP12(b)(ii)` |
//! | fourth heading | `H4` |
//! | numbered paragraph 12 of a report | `P12` |
//! | first unnumbered paragraph after OP12 (or P12) | `OP12.1` |
//! | unnumbered paragraph before any numbered one | `TEXT1` |
//! | table | `TABLE1` |
//! | footnote 7 | `FN7` |
//! | annex II, and units inside it | `ANNEX-II`, `ANNEX-II/OP3` |
//! | operative 1 of section B where numbering restarts | `B/OP1` |
//!
//! Preambular paragraphs, headings and tables are counted in document order
//! within their part; operative and report paragraphs keep the number they
//! carry, so a label says what a reader sees; an unnumbered paragraph is
//! named after the numbered one it follows. A label that would repeat
//! (two paragraphs numbered 5) gets `#2`, `#3`: `OP5#2`.

use super::{Unit, UnitKind};
use std::collections::{HashMap, HashSet};

/// Gives every unit its label.
pub struct Labeller {
    pp: u32,
    heading: u32,
    /// The last numbered paragraph's label (without part) and how many
    /// unnumbered paragraphs followed it.
    numbered: Option<(String, u32)>,
    text: u32,
    table: u32,
    title: u32,
    section: Option<String>,
    part: Option<String>,
    restarting_parts: HashSet<Option<String>>,
    /// Whether operative numbering restarts in the current part (looked
    /// up once a part, not once a unit).
    restarts: bool,
}

impl Labeller {
    /// Labels `units` in place (footnotes and all).
    pub fn label(units: &mut [Unit]) {
        let mut labeller = Labeller {
            pp: 0,
            heading: 0,
            numbered: None,
            text: 0,
            table: 0,
            title: 0,
            section: None,
            part: None,
            restarts: false,
            restarting_parts: restarting_parts(units),
        };
        labeller.restarts = labeller.restarting_parts.contains(&None);
        for i in 0..units.len() {
            units[i].label = labeller.next(units, i);
        }
        make_unique(units);
    }

    fn next(&mut self, units: &[Unit], i: usize) -> String {
        let unit = &units[i];
        if unit.part != self.part {
            self.enter_part(unit.part.clone());
        }
        let local = match unit.kind {
            UnitKind::Annex => return unit.part.clone().unwrap_or_default(),
            UnitKind::Footnote => return format!("FN{}", unit.number.as_deref().unwrap_or("")),
            UnitKind::Title => {
                self.title += 1;
                match self.title {
                    1 => "TITLE".to_string(),
                    n => format!("TITLE-{n}"),
                }
            }
            UnitKind::Chapeau => "CHAPEAU".to_string(),
            UnitKind::Closing => "CLOSING".to_string(),
            UnitKind::Preambular => counted("PP", &mut self.pp),
            UnitKind::Heading => {
                if let Some(id) = &unit.number {
                    self.section = Some(id.clone());
                }
                counted("H", &mut self.heading)
            }
            UnitKind::Paragraph => self.paragraph(unit),
            UnitKind::Table => counted("TABLE", &mut self.table),
            UnitKind::Operative => {
                let label = self.operative(unit);
                self.numbered = Some((label.clone(), 0));
                label
            }
            UnitKind::Subparagraph => {
                let parent = unit.parent.map(|p| units[p].label.as_str()).unwrap_or("");
                let parent = parent.rsplit('/').next().unwrap_or(parent);
                let parent = parent.split('#').next().unwrap_or(parent);
                // Pushed, not formatted (a label a subparagraph, issue 14).
                let number = unit.number.as_deref().unwrap_or("");
                let mut label = String::with_capacity(parent.len() + number.len() + 2);
                label.push_str(parent);
                label.push('(');
                label.push_str(number);
                label.push(')');
                return self.prefixed(label, false);
            }
        };
        let in_section = unit.kind == UnitKind::Operative;
        self.prefixed(local, in_section)
    }

    fn operative(&self, unit: &Unit) -> String {
        numbered("OP", unit.number.as_deref().unwrap_or(""))
    }

    /// `P12` for a numbered paragraph; `OP12.1` for the first unnumbered
    /// one after OP12; `TEXT1` before any numbered one.
    fn paragraph(&mut self, unit: &Unit) -> String {
        if let Some(n) = &unit.number {
            let label = format!("P{n}");
            self.numbered = Some((label.clone(), 0));
            return label;
        }
        match &mut self.numbered {
            Some((label, k)) => {
                *k += 1;
                format!("{label}.{k}")
            }
            None => counted("TEXT", &mut self.text),
        }
    }

    /// Adds the annex and, for operative paragraphs of a part where
    /// numbering restarts, the section.
    fn prefixed(&self, local: String, operative: bool) -> String {
        let section = self
            .section
            .as_ref()
            .filter(|_| self.restarts && (operative || local.starts_with("OP")));
        if self.part.is_none() && section.is_none() {
            // The main text's units, most of every draft: as they are.
            return local;
        }
        let mut out = String::new();
        if let Some(part) = &self.part {
            out.push_str(part);
            out.push('/');
        }
        if let Some(section) = section {
            out.push_str(section);
            out.push('/');
        }
        out.push_str(&local);
        out
    }

    fn enter_part(&mut self, part: Option<String>) {
        self.restarts = self.restarting_parts.contains(&part);
        self.part = part;
        self.pp = 0;
        self.heading = 0;
        self.numbered = None;
        self.text = 0;
        self.table = 0;
        self.title = 0;
        self.section = None;
    }
}

/// A label's second, third … occurrence gets `#2`, `#3`: `OP5#2`. Done
/// once every unit has its label, the labels counted where they stand (no
/// copy of each): a subparagraph's label is made from its paragraph's
/// without what follows a `#`, which is the same before and after.
fn make_unique(units: &mut [Unit]) {
    let mut seen: HashMap<&str, u32> = HashMap::with_capacity(units.len());
    let occurrence: Vec<u32> = units
        .iter()
        .map(|u| {
            let n = seen.entry(u.label.as_str()).or_insert(0);
            *n += 1;
            *n
        })
        .collect();
    for (unit, n) in units.iter_mut().zip(occurrence) {
        if n > 1 {
            unit.label = format!("{}#{n}", unit.label);
        }
    }
}

fn counted(prefix: &str, counter: &mut u32) -> String {
    *counter += 1;
    let mut out = String::with_capacity(prefix.len() + 10);
    out.push_str(prefix);
    crate::text::marker::push_decimal(&mut out, *counter);
    out
}

/// `prefix` and `number` in one string (`OP12`, `PP3`), without the
/// formatting machinery (a label a unit).
fn numbered(prefix: &str, number: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + number.len());
    out.push_str(prefix);
    out.push_str(number);
    out
}

/// Parts in which at least two lettered sections each restart operative
/// numbering at 1.
fn restarting_parts(units: &[Unit]) -> HashSet<Option<String>> {
    let mut firsts: HashMap<Option<String>, u32> = HashMap::new();
    let mut section: Option<(Option<String>, String)> = None;
    for unit in units {
        match unit.kind {
            UnitKind::Heading if unit.number.is_some() => {
                section = Some((unit.part.clone(), unit.number.clone().unwrap_or_default()));
            }
            UnitKind::Operative
                if unit.number.as_deref() == Some("1")
                    && section.as_ref().is_some_and(|(p, _)| *p == unit.part) =>
            {
                *firsts.entry(unit.part.clone()).or_insert(0) += 1;
            }
            _ => {}
        }
    }
    firsts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(p, _)| p)
        .collect()
}
