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
    seen: HashMap<String, u32>,
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
            restarting_parts: restarting_parts(units),
            seen: HashMap::with_capacity(units.len()),
        };
        for i in 0..units.len() {
            let label = labeller.next(units, i);
            units[i].label = labeller.unique(label);
        }
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
                return self.prefixed(
                    format!("{parent}({})", unit.number.as_deref().unwrap_or("")),
                    false,
                );
            }
        };
        let in_section = unit.kind == UnitKind::Operative;
        self.prefixed(local, in_section)
    }

    fn operative(&self, unit: &Unit) -> String {
        format!("OP{}", unit.number.as_deref().unwrap_or(""))
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
        let mut out = String::new();
        if let Some(part) = &self.part {
            out.push_str(part);
            out.push('/');
        }
        let restarts = self.restarting_parts.contains(&self.part);
        if restarts
            && (operative || local.starts_with("OP"))
            && let Some(section) = &self.section
        {
            out.push_str(section);
            out.push('/');
        }
        out.push_str(&local);
        out
    }

    fn enter_part(&mut self, part: Option<String>) {
        self.part = part;
        self.pp = 0;
        self.heading = 0;
        self.numbered = None;
        self.text = 0;
        self.table = 0;
        self.title = 0;
        self.section = None;
    }

    fn unique(&mut self, label: String) -> String {
        let n = self.seen.entry(label.clone()).or_insert(0);
        *n += 1;
        match *n {
            1 => label,
            n => format!("{label}#{n}"),
        }
    }
}

fn counted(prefix: &str, counter: &mut u32) -> String {
    *counter += 1;
    format!("{prefix}{counter}")
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
