//! Automatic numbering: the number Word shows before a list paragraph,
//! computed from `word/numbering.xml` (and the numbering of paragraph
//! styles in `word/styles.xml`).
//!
//! A paragraph's `w:numPr` names a numbering instance (`w:num`, by
//! `w:numId`) and a level (`w:ilvl`); the instance refers to an abstract
//! numbering (`w:abstractNum`) whose levels give the start value, the
//! format (`decimal`, `lowerLetter`, `lowerRoman`, ...) and the text
//! (`%1.`, `(%2)`). Instances of one abstract numbering share their
//! counters, as in Word, unless an instance overrides a level's start
//! (`w:lvlOverride/w:startOverride`), which makes it a list of its own.
//! Using a level restarts the deeper ones (unless `w:lvlRestart` says
//! otherwise).

use super::xml::Element;
use std::collections::HashMap;

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
    abstracts: HashMap<String, HashMap<usize, Level>>,
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
            .collect();
        self.abstracts.insert(id.to_string(), levels);
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
        let instance = self.instances.get(num_id)?;
        let levels = self.abstracts.get(&instance.abstract_id)?;
        levels
            .iter()
            .find(|(_, l)| l.style.as_deref() == Some(style))
            .map(|(&i, _)| i)
    }

    fn level(&self, instance: &Instance, ilvl: usize) -> Option<Level> {
        let base = instance
            .levels
            .get(&ilvl)
            .or_else(|| self.abstracts.get(&instance.abstract_id)?.get(&ilvl))?;
        let mut level = base.clone();
        if let Some(&start) = instance.starts.get(&ilvl) {
            level.start = start;
        }
        Some(level)
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
    }
}

/// The running counters of every list, as paragraphs are met in order.
#[derive(Debug)]
pub struct Counters<'a> {
    numbering: &'a Numbering,
    lists: HashMap<String, [Option<u32>; 9]>,
}

impl<'a> Counters<'a> {
    /// Counters at the start of a document.
    pub fn new(numbering: &'a Numbering) -> Counters<'a> {
        Counters {
            numbering,
            lists: HashMap::new(),
        }
    }

    /// Counts a numbered paragraph and gives the number Word shows before
    /// it (`12.`, `(b)`), or `None` for bullets and levels without text.
    pub fn next(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let instance = self.numbering.instances.get(num_id)?;
        let ilvl = ilvl.min(8);
        let key = if instance.starts.is_empty() {
            format!("a{}", instance.abstract_id)
        } else {
            format!("n{num_id}")
        };
        let levels: Vec<Option<Level>> =
            (0..9).map(|l| self.numbering.level(instance, l)).collect();
        let this = levels[ilvl].clone()?;
        let counters = self.lists.entry(key).or_insert([None; 9]);
        counters[ilvl] = Some(counters[ilvl].map_or(this.start, |c| c.saturating_add(1)));
        for (deeper, level) in levels.iter().enumerate().skip(ilvl + 1) {
            let restart = level.as_ref().and_then(|l| l.restart).unwrap_or(deeper);
            if ilvl < restart {
                counters[deeper] = None;
            }
        }
        if this.format == "bullet" || this.text.is_empty() {
            return None;
        }
        let values: Vec<String> = levels
            .iter()
            .enumerate()
            .map(|(l, level)| {
                let level = level.clone().unwrap_or_default();
                let value = counters[l].unwrap_or(level.start);
                format_number(value, &level.format)
            })
            .collect();
        Some(substitute(&this.text, &values))
    }
}

/// Replaces `%1` … `%9` in a level text with the levels' values.
fn substitute(text: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10));
        match (c, digit) {
            ('%', Some(d)) if (1..=9).contains(&d) => {
                chars.next();
                out.push_str(values.get(d as usize - 1).map_or("", String::as_str));
            }
            _ => out.push(c),
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
    crate::model::marker::to_letter(value)
}

fn roman(value: u32) -> String {
    crate::model::marker::to_roman(value)
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

    #[test]
    fn formats() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(3, "upperLetter"), "C");
        assert_eq!(format_number(5, "decimalZero"), "05");
        assert_eq!(substitute("%1.%2", &["3".into(), "b".into()]), "3.b");
    }
}
