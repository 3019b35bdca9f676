//! The plain-text parser: blocks → units.
//!
//! The parser reads a draft the way a delegate does: lines before the
//! chapeau are the title; the chapeau names the deciding body; unnumbered
//! paragraphs after it are preambular until the first numbered paragraph;
//! from there on numbered paragraphs are operative, letters and roman
//! numerals open subparagraphs, short unnumbered lines are headings, and an
//! annex heading starts a part of its own; the closing line of an adopted
//! resolution ("80th plenary meeting / 30 October 2024") is a closing unit
//! of its own. A paragraph is operative because
//! it is numbered, whatever word it opens with ("40. Reconnaissant ...,
//! se félicite ...").
//!
//! Normalisation: inside a unit, runs of spaces, tabs and line ends become
//! one space; the marker (`12.`, `(a)`) is held apart from the text;
//! footnote definitions are gathered at the end. [`Resolution::to_text`]
//! writes this normal form back. What a block is from its text alone
//! (chapeau, table, heading) is read in [`super::classify`].

use super::blocks::{self, Block};
use super::classify::{is_chapeau_in, is_heading, is_report, is_table};
use super::closing;
use super::label::Labeller;
use super::marker;
use super::{MODEL_VERSION, Resolution, Unit, UnitKind};

pub use super::classify::is_chapeau;
use crate::lang::{self, Lang, Language};

/// How to parse.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// The language, or `None` to detect it.
    pub lang: Option<Lang>,
}

/// The text has none of the structure of a resolution and no paragraph to
/// read as plain paragraphs either: see [`super::plain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoStructure;

/// Parses a plain-text draft.
///
/// ```
/// use redraft::model::{parse, ParseOptions, UnitKind};
/// let r = parse("Title\n\nThe General Assembly,\n\nRecalling x,\n\n1. Decides y.", &ParseOptions::default()).unwrap();
/// let labels: Vec<_> = r.units.iter().map(|u| u.label.as_str()).collect();
/// assert_eq!(labels, ["TITLE", "CHAPEAU", "PP1", "OP1"]);
/// ```
pub fn parse(text: &str, options: &ParseOptions) -> Result<Resolution, NoStructure> {
    let lang = options.lang.unwrap_or_else(|| lang::detect(text));
    let table = lang.table();
    let (body, footnotes): (Vec<Block>, Vec<Block>) = blocks::split(text)
        .into_iter()
        .partition(|b| marker::footnote_definition(&b.text).is_none());
    let mut units = Vec::new();
    for (part, blocks) in split_parts(body) {
        PartParser::new(table, part, &mut units).run(blocks);
    }
    units.extend(footnotes.iter().filter_map(footnote_unit));
    Labeller::label(&mut units);
    if !super::plain::is_structured(&units) {
        return super::plain::paragraphs(lang, units);
    }
    Ok(Resolution {
        version: MODEL_VERSION,
        lang,
        units,
        metadata: Default::default(),
    })
}

fn footnote_unit(block: &Block) -> Option<Unit> {
    let (id, literal, rest) = marker::footnote_definition(&block.text)?;
    Some(Unit {
        label: String::new(),
        kind: UnitKind::Footnote,
        marker: Some(literal.to_string()),
        number: Some(id.to_string()),
        text: rest.to_string(),
        line: block.line,
        parent: None,
        part: None,
    })
}

/// Cuts the body at annex headings: the main text, then one part per annex.
fn split_parts(body: Vec<Block>) -> Vec<(Option<String>, Vec<Block>)> {
    let words = crate::lang::annex_words();
    let mut parts: Vec<(Option<String>, Vec<Block>)> = vec![(None, Vec::new())];
    for block in body {
        if let Some(label) = marker::annex(&block.text, words) {
            parts.push((Some(label), Vec::new()));
        }
        if let Some(last) = parts.last_mut() {
            last.1.push(block);
        }
    }
    parts.retain(|(label, blocks)| label.is_some() || !blocks.is_empty());
    parts
}

/// Where the parser stands in a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Title,
    Preamble,
    Operative,
}

/// A level of subparagraph nesting: its unit and whether it counts in
/// letters or in roman numerals, and its value.
#[derive(Debug, Clone, Copy)]
struct Level {
    unit: usize,
    roman: bool,
    value: u32,
}

/// Classifies the blocks of one part (the main text or an annex).
struct PartParser<'a> {
    table: &'static Language,
    part: Option<String>,
    units: &'a mut Vec<Unit>,
    phase: Phase,
    chapeau: Option<usize>,
    /// The last preambular or operative paragraph, parent of subparagraphs.
    paragraph: Option<usize>,
    levels: Vec<Level>,
    /// Whether numbered paragraphs are a report's paragraphs rather than
    /// operative ones (no chapeau, and most do not open with an operative
    /// verb).
    report: bool,
    /// The letter value of the last lettered paragraph of a list that
    /// stands on its own in an annex ("a) En ce qui concerne …"), while
    /// the list goes on.
    lettered: Option<u32>,
    /// Where the text of the block being read lies in memory.
    current: Span,
    /// The unit that took its text from the block being read, and which
    /// bytes of the block's text: the block's own string is cut to them
    /// and moved into the unit once the block is read (no copy).
    taken: Option<(usize, std::ops::Range<usize>)>,
}

/// The address and length of a string: whether another string is a slice
/// of it is then told without holding a borrow of it.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: usize,
    len: usize,
}

impl Span {
    fn of(text: &str) -> Span {
        Span {
            start: text.as_ptr() as usize,
            len: text.len(),
        }
    }

    /// The bytes of this string that `part` is, if it is a slice of it.
    fn range_of(self, part: &str) -> Option<std::ops::Range<usize>> {
        let from = (part.as_ptr() as usize).checked_sub(self.start)?;
        let to = from + part.len();
        (to <= self.len).then_some(from..to)
    }
}

/// `text` cut to `range`, in its own buffer.
fn cut(mut text: String, range: std::ops::Range<usize>) -> String {
    text.truncate(range.end);
    text.drain(..range.start);
    text
}

impl<'a> PartParser<'a> {
    fn new(table: &'static Language, part: Option<String>, units: &'a mut Vec<Unit>) -> Self {
        PartParser {
            table,
            part,
            units,
            phase: Phase::Title,
            chapeau: None,
            paragraph: None,
            levels: Vec::new(),
            report: false,
            lettered: None,
            current: Span::default(),
            taken: None,
        }
    }

    fn run(mut self, mut blocks: Vec<Block>) {
        if self.part.is_some() && !blocks.is_empty() {
            let first = blocks.remove(0);
            self.read(0, first, |parser, _, block| {
                parser.push(UnitKind::Annex, None, None, &block.text, block.line);
            });
        }
        self.chapeau = blocks
            .iter()
            .take_while(|b| marker::operative(&b.text).is_none())
            .position(|b| self.is_chapeau(&b.text));
        self.report = self.chapeau.is_none() && is_report(&blocks);
        for (i, block) in blocks.into_iter().enumerate() {
            self.read(i, block, Self::block);
        }
    }

    /// Reads block `index` with `how`; the unit that took the block's text
    /// (or a slice of it) then gets the block's own string.
    fn read(&mut self, index: usize, block: Block, how: impl FnOnce(&mut Self, usize, &Block)) {
        self.current = Span::of(&block.text);
        how(self, index, &block);
        self.current = Span::default();
        if let Some((unit, range)) = self.taken.take() {
            self.units[unit].text = cut(block.text, range);
        }
    }

    fn block(&mut self, index: usize, block: &Block) {
        if self.phase == Phase::Title && self.before_chapeau(index, block) {
            return;
        }
        if self.phase != Phase::Title && self.closing(block) {
            return;
        }
        let text = block.text.as_str();
        if is_table(text) {
            self.paragraph = None;
            self.push(UnitKind::Table, None, None, text, block.line);
            return;
        }
        if let Some(op) = marker::operative(text) {
            return self.operative(&op, block.line);
        }
        if self.marked_subparagraph(text, block.line) {
            return;
        }
        match self.phase {
            Phase::Title => self.unmarked_before_body(block),
            Phase::Preamble => self.preamble(block),
            Phase::Operative => self.unmarked_in_body(block),
        }
    }

    /// The blocks up to the part's chapeau: the title, then the chapeau,
    /// which opens the preamble. False for a block this does not read (the
    /// part has no chapeau, or the block comes after it).
    fn before_chapeau(&mut self, index: usize, block: &Block) -> bool {
        match self.chapeau {
            Some(c) if index < c => self.title(block),
            Some(c) if index == c => {
                self.phase = Phase::Preamble;
                self.push(UnitKind::Chapeau, None, None, &block.text, block.line);
            }
            _ => return false,
        }
        true
    }

    /// A numbered paragraph: operative, or a report's paragraph.
    fn operative(&mut self, op: &marker::Operative<'_>, line: usize) {
        self.phase = Phase::Operative;
        let kind = if self.report {
            UnitKind::Paragraph
        } else {
            UnitKind::Operative
        };
        let number = Some(op.number());
        let unit = self.push(kind, Some(op.literal), number, op.rest, line);
        self.start_paragraph(unit);
    }

    /// A block with a subparagraph marker ("(a)", "i)"): a lettered
    /// paragraph of an annex, or a subparagraph of the paragraph before.
    /// False when it is neither (no marker, or no paragraph to belong to).
    fn marked_subparagraph(&mut self, text: &str, line: usize) -> bool {
        let Some(sub) = marker::subparagraph(text) else {
            return false;
        };
        if let Some(value) = self.next_lettered(sub.id) {
            self.lettered_paragraph(&sub, value, line);
        } else if self.paragraph.is_some() {
            self.subparagraph(&sub, line);
        } else {
            return false;
        }
        true
    }

    /// The closing line of an adopted resolution ("80th plenary meeting
    /// 30 October 2024"), or its date on a line of its own right after the
    /// meeting: one closing unit, never a heading.
    fn closing(&mut self, block: &Block) -> bool {
        let text = block.text.as_str();
        if closing::is_closing(text) {
            self.paragraph = None;
            self.push(UnitKind::Closing, None, None, text, block.line);
            return true;
        }
        match self.units.last_mut() {
            Some(last)
                if last.kind == UnitKind::Closing
                    && ((!closing::is_dated(&last.text) && closing::is_date(text))
                        || closing::is_adoption_note(text)) =>
            {
                last.text.push(' ');
                last.text.push_str(text);
                true
            }
            _ => false,
        }
    }

    fn title(&mut self, block: &Block) {
        self.push(UnitKind::Title, None, None, &block.text, block.line);
    }

    /// A block before any chapeau or number: the title, unless the part has
    /// no chapeau and this already reads like a preambular paragraph.
    fn unmarked_before_body(&mut self, block: &Block) {
        let text = &block.text;
        let preambular =
            self.chapeau.is_none() && text.ends_with(',') && self.opens_preambular(text);
        if preambular {
            self.phase = Phase::Preamble;
            return self.preamble(block);
        }
        if marker::section(text).is_some() {
            self.phase = Phase::Operative;
            return self.unmarked_in_body(block);
        }
        self.title(block);
    }

    fn preamble(&mut self, block: &Block) {
        // A section heading ("I. Implementation of the Convention …") that
        // opens the operative part stands in the preamble's place.
        if marker::section(&block.text).is_some() {
            self.phase = Phase::Operative;
            return self.unmarked_in_body(block);
        }
        if is_heading(&block.text) && !self.opens_preambular(&block.text) {
            self.paragraph = None;
            self.push(UnitKind::Heading, None, None, &block.text, block.line);
            return;
        }
        let unit = self.push(UnitKind::Preambular, None, None, &block.text, block.line);
        self.start_paragraph(unit);
    }

    fn unmarked_in_body(&mut self, block: &Block) {
        let text = &block.text;
        if let Some((id, _)) = marker::section(text) {
            self.paragraph = None;
            self.push(
                UnitKind::Heading,
                None,
                Some(id.to_string()),
                text,
                block.line,
            );
        } else if is_heading(text) {
            self.paragraph = None;
            self.push(UnitKind::Heading, None, None, text, block.line);
        } else {
            self.push(UnitKind::Paragraph, None, None, text, block.line);
        }
    }

    fn start_paragraph(&mut self, unit: usize) {
        self.paragraph = Some(unit);
        self.levels.clear();
        self.lettered = None;
    }

    /// The letter value of `id` if it opens or continues a list of
    /// lettered paragraphs standing on their own: in an annex, `a)` where
    /// no paragraph stands before it, then `b)`, `c)` …
    fn next_lettered(&self, id: &str) -> Option<u32> {
        let value = marker::letter_value(id)?;
        match self.lettered {
            Some(last) => (value == last + 1).then_some(value),
            None => {
                (self.part.is_some() && self.paragraph.is_none() && value == 1).then_some(value)
            }
        }
    }

    /// A lettered paragraph of an annex ("a) En ce qui concerne
    /// l’universalité, …"): a numbered paragraph whose number is a letter,
    /// with subparagraphs of its own.
    fn lettered_paragraph(&mut self, sub: &marker::Sub<'_>, value: u32, line: usize) {
        self.phase = Phase::Operative;
        let unit = self.push(
            UnitKind::Paragraph,
            Some(sub.literal),
            Some(sub.id.to_string()),
            sub.rest,
            line,
        );
        self.start_paragraph(unit);
        self.lettered = Some(value);
    }

    fn subparagraph(&mut self, sub: &marker::Sub<'_>, line: usize) {
        let (depth, roman, value) = self.place(sub.id);
        self.levels.truncate(depth);
        let parent = self
            .levels
            .last()
            .map(|l| l.unit)
            .or(self.paragraph)
            .unwrap_or(0);
        let unit = self.push(
            UnitKind::Subparagraph,
            Some(sub.literal),
            Some(sub.id.to_string()),
            sub.rest,
            line,
        );
        self.units[unit].parent = Some(parent);
        self.levels.push(Level { unit, roman, value });
    }

    /// Decides at which depth a subparagraph marker stands, and whether it
    /// is a letter or a roman numeral: `(i)` after `(h)` is a letter, `(i)`
    /// after `(a)` opens a nested list, `(ii)` continues it.
    fn place(&self, id: &str) -> (usize, bool, u32) {
        let letter = marker::letter_value(id);
        let roman = marker::roman_value(id);
        for depth in (0..self.levels.len()).rev() {
            let level = self.levels[depth];
            let next = level.value + 1;
            if !level.roman && letter == Some(next) {
                return (depth, false, next);
            }
            if level.roman && roman == Some(next) {
                return (depth, true, next);
            }
        }
        let depth = self.levels.len();
        match (letter, roman) {
            (_, Some(1)) if depth > 0 => (depth, true, 1),
            (Some(1), _) => (depth, false, 1),
            (_, Some(1)) => (depth, true, 1),
            _ => self
                .after_gap(letter, roman)
                .unwrap_or(match (letter, roman) {
                    (Some(v), _) => (depth, false, v),
                    (None, Some(v)) => (depth, true, v),
                    (None, None) => (depth, false, 0),
                }),
        }
    }

    /// A marker further on than the next of a list that stands, or the
    /// same as its last: the list has a gap (`a)` then `c)`, an item
    /// deleted or a misprint) or gives a marker twice, and the marker
    /// stands beside its items, not below them. Of the lists it can
    /// continue so, the one with the smaller gap (`(ii)` after `(ii)` is a
    /// numeral given twice, `(v)` after `(ii)` a numeral, `c)` after `(i)`
    /// a letter), the deeper one on a tie. A letter doubled (`ii`) is a
    /// letter only where it continues its list (`aa` after `z`).
    fn after_gap(&self, letter: Option<u32>, roman: Option<u32>) -> Option<(usize, bool, u32)> {
        let mut best: Option<(u32, (usize, bool, u32))> = None;
        let letter = letter.filter(|&v| v <= 26);
        for (depth, level) in self.levels.iter().enumerate() {
            let value = if level.roman { roman } else { letter };
            let Some(value) = value.filter(|&v| v >= level.value) else {
                continue;
            };
            let gap = value - level.value;
            if best.is_none_or(|(g, _)| gap <= g) {
                best = Some((gap, (depth, level.roman, value)));
            }
        }
        best.map(|(_, place)| place)
    }

    fn push(
        &mut self,
        kind: UnitKind,
        marker: Option<&str>,
        number: Option<String>,
        text: &str,
        line: usize,
    ) -> usize {
        let unit = self.units.len();
        // The block's text, or a slice of it, is moved in once the block is
        // read (see `read`); any other text is copied.
        let taken = match self.current.range_of(text) {
            Some(range) if self.taken.is_none() => {
                self.taken = Some((unit, range));
                String::new()
            }
            _ => text.to_string(),
        };
        self.units.push(Unit {
            label: String::new(),
            kind,
            marker: marker.map(str::to_string),
            number,
            text: taken,
            line,
            parent: None,
            part: self.part.clone(),
        });
        unit
    }

    /// Whether a paragraph opens like a preambular one, in the draft's
    /// language or, failing that, in any (a misdetected language must not
    /// turn the preamble into a title).
    fn opens_preambular(&self, text: &str) -> bool {
        self.table.opens_preambular(text)
            || Lang::ALL.iter().any(|l| l.table().opens_preambular(text))
    }

    fn is_chapeau(&self, text: &str) -> bool {
        is_chapeau_in(self.table, text) || Lang::ALL.iter().any(|l| is_chapeau_in(l.table(), text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        parse(text, &ParseOptions::default())
            .unwrap()
            .units
            .into_iter()
            .map(|u| u.label)
            .collect()
    }

    #[test]
    fn an_annex_of_lettered_paragraphs_is_not_a_title() {
        let text = "L’Assemblée des États Parties,\n\n1. Adopte les mandats annexés.\n\nAnnexe\n\nMandats pour la période intersessions\n\na) En ce qui concerne l’universalité, prie le Bureau :\n\ni) de suivre les ratifications ;\n\nii) de faire rapport ;\n\nb) En ce qui concerne les victimes, prie la Cour de faire rapport.\n";
        assert_eq!(
            labels(text),
            [
                "CHAPEAU",
                "OP1",
                "ANNEX",
                "ANNEX/TITLE",
                "ANNEX/Pa",
                "ANNEX/Pa(i)",
                "ANNEX/Pa(ii)",
                "ANNEX/Pb"
            ]
        );
    }

    #[test]
    fn operative_opening_with_participle_is_operative() {
        let r = parse(
            "T\n\nL’Assemblée des États Parties,\n\nRappelant x,\n\n1. Prie y ;\n\n2. Reconnaissant l’importance de z, se félicite de w.",
            &ParseOptions::default(),
        )
        .unwrap();
        assert_eq!(r.units[4].label, "OP2");
        assert_eq!(r.units[4].kind, UnitKind::Operative);
        assert_eq!(r.lang, Lang::Fr);
    }

    #[test]
    fn subparagraphs_nest() {
        assert_eq!(
            labels(
                "The General Assembly,\n\n1. Decides:\n\n(a) x;\n\n(i) y;\n\n(ii) z;\n\n(b) w;\n\n2. Requests v."
            ),
            [
                "CHAPEAU",
                "OP1",
                "OP1(a)",
                "OP1(a)(i)",
                "OP1(a)(ii)",
                "OP1(b)",
                "OP2"
            ]
        );
    }

    #[test]
    fn letter_i_after_h_is_a_letter() {
        let mut text = String::from("The General Assembly,\n\n1. Decides:");
        for c in 'a'..='j' {
            text.push_str(&format!("\n\n({c}) x;"));
        }
        let l = labels(&text);
        assert_eq!(l[10], "OP1(i)");
        assert_eq!(l[11], "OP1(j)");
    }

    #[test]
    fn a_marker_past_the_next_stands_beside_its_list() {
        // A letter skipped (`(c)` after `(a)`), a numeral skipped (`(iv)`
        // after `(ii)`): a gap, not a list below; `(v)` after `(ii)` is
        // nearer as a numeral than as a letter after `(a)`.
        let text = "The General Assembly,\n\n1. Decides:\n\n(a) x:\n\n(i) y;\n\n(ii) z;\n\n(v) w;\n\n(c) v;\n\n2. Notes.";
        assert_eq!(
            labels(text),
            [
                "CHAPEAU",
                "OP1",
                "OP1(a)",
                "OP1(a)(i)",
                "OP1(a)(ii)",
                "OP1(a)(v)",
                "OP1(c)",
                "OP2"
            ]
        );
    }

    #[test]
    fn a_marker_given_twice_stands_beside_its_twin() {
        // `(b)` twice, `(ii)` twice: a numbering slip, not a list below
        // (fuzz: subparagraph-of-new-paragraph-a0e5e57d); `(ii)` with no
        // numeral before it is a numeral, not the doubled letter.
        let text = "The General Assembly,\n\n1. Decides:\n\n(a) x;\n\n(b) y:\n\n(i) p;\n\n(ii) q;\n\n(ii) r;\n\n(b) z;\n\n(c) w;\n\n2. Notes:\n\n(a) s:\n\n(ii) t;";
        assert_eq!(
            labels(text),
            [
                "CHAPEAU",
                "OP1",
                "OP1(a)",
                "OP1(b)",
                "OP1(b)(i)",
                "OP1(b)(ii)",
                "OP1(b)(ii)#2",
                "OP1(b)#2",
                "OP1(c)",
                "OP2",
                "OP2(a)",
                "OP2(a)(ii)"
            ]
        );
    }

    #[test]
    fn headings_and_bis_numbers() {
        assert_eq!(
            labels(
                "The General Assembly,\n\nRecalling x,\n\n1. Decides;\n\nFinancial matters\n\n1 bis. Notes;\n\n2. Requests."
            ),
            ["CHAPEAU", "PP1", "OP1", "H1", "OP1bis", "OP2"]
        );
    }

    #[test]
    fn annexes_and_restarting_sections() {
        let text = "The General Assembly,\n\n1. Decides.\n\nAnnex II\n\nProposed language\n\nA. Cooperation\n\n1. Recalls;\n\n2. Notes;\n\nB. Mandates\n\n1. With regard to cooperation,\n\na) urges x;";
        assert_eq!(
            labels(text),
            [
                "CHAPEAU",
                "OP1",
                "ANNEX-II",
                "ANNEX-II/TITLE",
                "ANNEX-II/H1",
                "ANNEX-II/A/OP1",
                "ANNEX-II/A/OP2",
                "ANNEX-II/H2",
                "ANNEX-II/B/OP1",
                "ANNEX-II/B/OP1(a)"
            ]
        );
    }

    #[test]
    fn footnotes_are_labelled_by_number() {
        let r = parse(
            "The General Assembly,\n\n1. Decides[^3].\n\n[^3]: A/75/1.",
            &ParseOptions::default(),
        )
        .unwrap();
        assert_eq!(r.units[2].label, "FN3");
        assert_eq!(r.units[2].text, "A/75/1.");
    }

    #[test]
    fn a_long_section_heading_opens_the_operative_part() {
        let text = "The General Assembly,\n\nRecalling x,\n\nI. Implementation of the Convention on the Rights of the Child and the Optional Protocols thereto\n\n1. Urges States;";
        assert_eq!(labels(text), ["CHAPEAU", "PP1", "H1", "OP1"]);
    }

    #[test]
    fn preamble_without_chapeau() {
        assert_eq!(
            labels("Draft\n\nRecalling x,\n\nNoting y,\n\n1. Decides."),
            ["TITLE", "PP1", "PP2", "OP1"]
        );
    }

    #[test]
    fn prose_is_read_as_paragraphs() {
        let r = parse(
            "Dear colleagues,\n\nPlease find attached the minutes.",
            &ParseOptions::default(),
        );
        assert!(r.is_ok_and(|r| !r.has_structure()));
    }

    #[test]
    fn the_closing_line_is_one_closing_unit() {
        let text = "The General Assembly,\n1. Decides to act.\n30th plenary meeting\n30 October 2024\n[^1]: A/79/1.";
        assert_eq!(labels(text), ["CHAPEAU", "OP1", "CLOSING", "FN1"]);
        let r = parse(text, &ParseOptions::default()).unwrap();
        assert_eq!(r.units[2].kind, UnitKind::Closing);
        assert_eq!(r.units[2].text, "30th plenary meeting 30 October 2024");
        // A date alone elsewhere is not taken into anything.
        assert_eq!(
            labels("The General Assembly,\n\n1. Decides to act.\n\n30 October 2024"),
            ["CHAPEAU", "OP1", "H1"]
        );
    }
}
