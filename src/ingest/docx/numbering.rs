//! Automatic numbering: the number Word shows before a list paragraph,
//! computed from `word/numbering.xml` (and the numbering of paragraph
//! styles in `word/styles.xml`), as Word computes it.
//!
//! A paragraph's `w:numPr` names a numbering instance (`w:num`, by
//! `w:numId`) and a level (`w:ilvl`); the instance refers to an abstract
//! numbering (`w:abstractNum`, or the one a `w:numStyleLink` leads to)
//! whose levels give the start value, the format (`decimal`, `lowerLetter`,
//! `lowerRoman`, ...) and the text (`%1.`, `(%2)`). As in Word, the
//! counters belong to the abstract numbering: every instance of it
//! continues the same list, and an instance that overrides a level's start
//! (`w:lvlOverride/w:startOverride`, Word's "Restart numbering") sets that
//! level's counter where the instance is first used at that level, after
//! which the list goes on from there, whichever instance the next
//! paragraphs name. An instance may also override a level's definition
//! (`w:lvlOverride/w:lvl`). Using a level restarts the deeper ones (unless
//! `w:lvlRestart` says otherwise); `w:isLgl` shows every level in decimal.
//!
//! Worked example (pandoc's `lists_restart_8367.docx`): a style gives
//! "Item" paragraphs instance 1; the second list's first item names
//! instance 2, which restarts level 0 at 1. Word reads 1, 2, 3 · 1, 2, 3,
//! 4: the items after the restart name instance 1 again (through the
//! style) and continue the restarted count, not their own earlier one.

use super::xml::Element;
use std::collections::{HashMap, HashSet};

/// The deepest level Word numbers (levels 0 to 8).
const LEVELS: usize = 9;

/// One level of an abstract numbering.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `w:lvlRestart`: restart after a use of a level above this 1-based
    /// level; 0 never.
    restart: Option<usize>,
    /// `w:pStyle`: the paragraph style linked to this level.
    style: Option<String>,
    /// `w:isLgl`: every level's number shown in decimal.
    legal: bool,
}

/// An abstract numbering: its levels, or the numbering style it stands for.
#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: HashMap<usize, Level>,
    /// `w:numStyleLink`: the levels are those of the numbering this
    /// numbering style gives.
    style_link: Option<String>,
}

/// A numbering instance: its abstract numbering and level overrides.
#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    starts: HashMap<usize, u32>,
    levels: HashMap<usize, Level>,
}

/// The numbering definitions of a document, and the paragraph styles that
/// carry numbering.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Abstract>,
    instances: HashMap<String, Instance>,
    styles: HashMap<String, StyleNumbering>,
}

/// What a paragraph style says about numbering.
#[derive(Debug, Clone, Default)]
struct StyleNumbering {
    num_id: Option<String>,
    level: Option<usize>,
    based_on: Option<String>,
}

/// A paragraph's numbering as written on it: `w:numPr`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumProps {
    /// `w:numId`; `"0"` removes numbering.
    pub num_id: Option<String>,
    /// `w:ilvl`.
    pub level: Option<usize>,
}

impl NumProps {
    /// Reads `w:numPr` from a paragraph's `w:pPr`.
    pub fn of(ppr: &Element) -> NumProps {
        let Some(num_pr) = ppr.child("w:numPr") else {
            return NumProps::default();
        };
        NumProps {
            num_id: num_pr.child_val("w:numId").map(str::to_string),
            level: num_pr.child_val("w:ilvl").and_then(|v| v.parse().ok()),
        }
    }

    /// Reads `w:numPr` as it stands once tracked changes are accepted
    /// (`rejecting` false) or rejected: numbering inserted as a revision
    /// (`w:numPr/w:ins`) is gone when rejecting, which leaves the
    /// paragraph its style's numbering, as in Word.
    pub fn of_version(ppr: &Element, rejecting: bool) -> NumProps {
        let inserted = ppr
            .child("w:numPr")
            .is_some_and(|n| n.child("w:ins").is_some());
        if rejecting && inserted {
            return NumProps::default();
        }
        NumProps::of(ppr)
    }
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be absent).
    pub fn read(numbering: Option<&Element>, styles: Option<&Element>) -> Numbering {
        let mut out = Numbering::default();
        if let Some(root) = numbering {
            for e in root.elements() {
                match e.name.as_str() {
                    "w:abstractNum" => out.read_abstract(e),
                    "w:num" => out.read_instance(e),
                    _ => {}
                }
            }
        }
        if let Some(root) = styles {
            for style in root.elements().filter(|e| e.name == "w:style") {
                out.read_style(style);
            }
        }
        out
    }

    fn read_abstract(&mut self, e: &Element) {
        let Some(id) = e.attr("w:abstractNumId") else {
            return;
        };
        let levels = e
            .elements()
            .filter(|l| l.name == "w:lvl")
            .filter_map(|l| Some((l.attr("w:ilvl")?.parse().ok()?, level(l))))
            .filter(|(i, _)| *i < LEVELS)
            .collect();
        let style_link = e.child_val("w:numStyleLink").map(str::to_string);
        self.abstracts
            .insert(id.to_string(), Abstract { levels, style_link });
    }

    fn read_instance(&mut self, e: &Element) {
        let (Some(id), Some(abstract_id)) = (e.attr("w:numId"), e.child_val("w:abstractNumId"))
        else {
            return;
        };
        let mut instance = Instance {
            abstract_id: abstract_id.to_string(),
            ..Instance::default()
        };
        for o in e.elements().filter(|o| o.name == "w:lvlOverride") {
            let Some(ilvl) = o.attr("w:ilvl").and_then(|v| v.parse().ok()) else {
                continue;
            };
            if ilvl >= LEVELS {
                continue;
            }
            if let Some(start) = o.child_val("w:startOverride").and_then(|v| v.parse().ok()) {
                instance.starts.insert(ilvl, start);
            }
            if let Some(l) = o.child("w:lvl") {
                instance.levels.insert(ilvl, level(l));
            }
        }
        self.instances.insert(id.to_string(), instance);
    }

    fn read_style(&mut self, style: &Element) {
        let Some(id) = style.attr("w:styleId") else {
            return;
        };
        let props = style.child("w:pPr").map(NumProps::of).unwrap_or_default();
        self.styles.insert(
            id.to_string(),
            StyleNumbering {
                num_id: props.num_id,
                level: props.level,
                based_on: style.child_val("w:basedOn").map(str::to_string),
            },
        );
    }

    /// The numbering instance and level of a paragraph with a style and its
    /// own `w:numPr`, if it is numbered.
    pub fn resolve(&self, style: Option<&str>, own: &NumProps) -> Option<(String, usize)> {
        let (style_num, style_level) = self.style_numbering(style);
        let num_id = own.num_id.clone().or(style_num)?;
        if num_id == "0" {
            return None;
        }
        let level = own
            .level
            .or(style_level)
            .or_else(|| self.level_of_style(&num_id, style?))
            .unwrap_or(0);
        Some((num_id, level))
    }

    /// The numbering a style gives, following `w:basedOn`.
    fn style_numbering(&self, style: Option<&str>) -> (Option<String>, Option<usize>) {
        let (mut num, mut level) = (None, None);
        let mut current = style;
        for _ in 0..16 {
            let Some(s) = current.and_then(|id| self.styles.get(id)) else {
                break;
            };
            num = num.or_else(|| s.num_id.clone());
            level = level.or(s.level);
            current = s.based_on.as_deref();
        }
        (num, level)
    }

    /// The level of an instance linked to a paragraph style by `w:pStyle`.
    fn level_of_style(&self, num_id: &str, style: &str) -> Option<usize> {
        let (_, levels) = self.abstract_of(self.instances.get(num_id)?)?;
        levels
            .levels
            .iter()
            .find(|(_, l)| l.style.as_deref() == Some(style))
            .map(|(&i, _)| i)
    }

    /// The abstract numbering whose levels and counters an instance uses,
    /// with its id: the instance's own, or the one a `w:numStyleLink`
    /// leads to (through the numbering style's instance).
    fn abstract_of<'n>(&'n self, instance: &'n Instance) -> Option<(&'n str, &'n Abstract)> {
        let mut id = instance.abstract_id.as_str();
        for _ in 0..8 {
            let found = self.abstracts.get(id)?;
            let Some(link) = &found.style_link else {
                return Some((id, found));
            };
            let (num, _) = self.style_numbering(Some(link));
            id = self.instances.get(&num?)?.abstract_id.as_str();
        }
        None
    }

    /// A level of an instance: its definition (the instance's override, or
    /// the abstract's) and its start (the instance's start override, or
    /// the definition's).
    fn level<'n>(&'n self, instance: &'n Instance, ilvl: usize) -> Option<(&'n Level, u32)> {
        let definition = match instance.levels.get(&ilvl) {
            Some(l) => l,
            None => self.abstract_of(instance)?.1.levels.get(&ilvl)?,
        };
        let start = instance.starts.get(&ilvl).copied();
        Some((definition, start.unwrap_or(definition.start)))
    }
}

fn level(l: &Element) -> Level {
    Level {
        start: l
            .child_val("w:start")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
        format: l.child_val("w:numFmt").unwrap_or("decimal").to_string(),
        text: l.child_val("w:lvlText").unwrap_or("").to_string(),
        restart: l.child_val("w:lvlRestart").and_then(|v| v.parse().ok()),
        style: l.child_val("w:pStyle").map(str::to_string),
        legal: l.flag("w:isLgl"),
    }
}

/// The running counters of every list, as paragraphs are met in order.
#[derive(Debug)]
pub struct Counters<'a> {
    numbering: &'a Numbering,
    /// Each abstract numbering's counters, by level.
    lists: HashMap<String, [Option<u32>; LEVELS]>,
    /// The instances and levels already used.
    used: HashSet<(String, usize)>,
}

impl<'a> Counters<'a> {
    /// Counters at the start of a document.
    pub fn new(numbering: &'a Numbering) -> Counters<'a> {
        Counters {
            numbering,
            lists: HashMap::new(),
            used: HashSet::new(),
        }
    }

    /// Counts a numbered paragraph and gives the number Word shows before
    /// it (`12.`, `(b)`), or `None` for bullets and levels without text.
    pub fn next(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let numbering = self.numbering;
        let instance = numbering.instances.get(num_id)?;
        let ilvl = ilvl.min(LEVELS - 1);
        let (list, _) = numbering.abstract_of(instance)?;
        let (this, start) = numbering.level(instance, ilvl)?;
        let first_use = self.used.insert((num_id.to_string(), ilvl));
        let counters = self.lists.entry(list.to_string()).or_insert([None; LEVELS]);
        let restarted = instance.starts.get(&ilvl).filter(|_| first_use);
        counters[ilvl] = Some(match (restarted, counters[ilvl]) {
            (Some(&s), _) => s,
            (None, Some(c)) => c.saturating_add(1),
            (None, None) => start,
        });
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = numbering
                .level(instance, deeper)
                .and_then(|(l, _)| l.restart)
                .unwrap_or(deeper);
            if ilvl < restart {
                *counter = None;
            }
        }
        if this.format == "bullet" || this.text.is_empty() {
            return None;
        }
        let counters = *counters;
        let value = |l: usize| {
            let (level, start) = numbering.level(instance, l)?;
            let format = if this.legal { "decimal" } else { &level.format };
            Some(format_number(counters[l].unwrap_or(start), format))
        };
        Some(substitute(&this.text, value))
    }
}

/// Replaces `%1` … `%9` in a level text with the levels' values (a level
/// without a definition gives nothing); each value is computed once,
/// however often the text names it.
fn substitute(text: &str, value: impl Fn(usize) -> Option<String>) -> String {
    let mut values: [Option<Option<String>>; LEVELS] = Default::default();
    let mut pieces = text.split('%');
    let mut out = pieces.next().unwrap_or("").to_string();
    for piece in pieces {
        let level = piece
            .bytes()
            .next()
            .filter(|d| (b'1'..=b'9').contains(d))
            .map(|d| usize::from(d - b'1'));
        match level {
            Some(level) => {
                let v = values[level].get_or_insert_with(|| value(level));
                out.push_str(v.as_deref().unwrap_or(""));
                out.push_str(&piece[1..]);
            }
            None => {
                out.push('%');
                out.push_str(piece);
            }
        }
    }
    out
}

/// A counter value in a numbering format.
///
/// ```
/// use redraft::ingest::docx::numbering::format_number;
/// assert_eq!(format_number(12, "decimal"), "12");
/// assert_eq!(format_number(2, "lowerLetter"), "b");
/// assert_eq!(format_number(27, "lowerLetter"), "aa");
/// assert_eq!(format_number(14, "upperRoman"), "XIV");
/// ```
pub fn format_number(value: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(value),
        "upperLetter" => letters(value).to_uppercase(),
        "lowerRoman" => roman(value),
        "upperRoman" => roman(value).to_uppercase(),
        "decimalZero" if value < 10 => format!("0{value}"),
        "none" => String::new(),
        _ => value.to_string(),
    }
}

/// Word's letters: a … z, then aa … zz, aaa ….
fn letters(value: u32) -> String {
    crate::text::marker::to_letter(value)
}

fn roman(value: u32) -> String {
    crate::text::marker::to_roman(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::docx::xml::parse;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn counts_levels_and_restarts_deeper_ones() {
        let root = parse(NUMBERING).unwrap();
        let n = Numbering::read(Some(&root), None);
        let mut c = Counters::new(&n);
        let got: Vec<_> = [
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 2),
            ("2", 0),
            ("1", 1),
            ("3", 0),
            ("3", 0),
        ]
        .iter()
        .map(|(id, l)| c.next(id, *l).unwrap())
        .collect();
        assert_eq!(
            got,
            ["1.", "(a)", "(b)", "(i)", "2.", "(a)", "7.", "8."],
            "instances of one abstract share counters; a start override is a list of its own"
        );
    }

    fn numbers(numbering: &str, styles: Option<&str>, paragraphs: &[(&str, usize)]) -> Vec<String> {
        let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        let root = parse(&format!("<w:numbering {w}>{numbering}</w:numbering>")).unwrap();
        let styles = styles.map(|s| parse(&format!("<w:styles {w}>{s}</w:styles>")).unwrap());
        let n = Numbering::read(Some(&root), styles.as_ref());
        let mut c = Counters::new(&n);
        paragraphs
            .iter()
            .map(|(id, l)| c.next(id, *l).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_restart_carries_on_in_the_list_it_restarts() {
        let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#;
        let got = numbers(
            numbering,
            None,
            &[("1", 0), ("1", 0), ("2", 0), ("1", 0), ("2", 0), ("1", 0)],
        );
        assert_eq!(
            got,
            ["1.", "2.", "1.", "2.", "3.", "4."],
            "the override applies where its instance is first used, then the shared count goes on"
        );
    }

    #[test]
    fn a_style_link_leads_to_the_numbering_style_levels() {
        let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Outline"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum>
          <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;
        let styles = r#"<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
        let got = numbers(
            numbering,
            Some(styles),
            &[("2", 0), ("2", 1), ("1", 0), ("2", 1)],
        );
        assert_eq!(
            got,
            ["I.", "1.1", "II.", "2.1"],
            "legal numbering in decimal"
        );
    }

    #[test]
    fn inserted_numbering_is_gone_when_rejecting() {
        let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        let ppr = parse(&format!(
            r#"<w:pPr {w}><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/><w:ins w:id="1" w:author="A"/></w:numPr></w:pPr>"#
        ))
        .unwrap();
        assert_eq!(
            NumProps::of_version(&ppr, false).num_id.as_deref(),
            Some("3")
        );
        assert_eq!(NumProps::of_version(&ppr, true), NumProps::default());
    }

    #[test]
    fn formats() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(3, "upperLetter"), "C");
        assert_eq!(format_number(5, "decimalZero"), "05");
        let values = ["3", "b"];
        let value = |l: usize| values.get(l).map(|v| v.to_string());
        assert_eq!(substitute("%1.%2 %9", value), "3.b ");
    }
}
