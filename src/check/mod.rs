//! `redraft check`: findings about a draft, for drafters and for CI.
//!
//! A [`Document`] is a parsed draft together with the text it was parsed
//! from, so that every [`Finding`] can quote the text and say where it
//! stands (unit label, line, column). Each [`Rule`] has a stable id and a
//! default [`Severity`]; [`check`] runs them all and [`Options`] raises
//! (`--deny`), silences (`--allow`) or hardens (`--final`) them.
//!
//! | rule | default | what |
//! |---|---|---|
//! | `numbering` | error | operative numbers, `bis`/`ter`, subparagraph letters and numerals, footnotes |
//! | `xref-dangling` | error | "paragraph 12" when there is no paragraph 12 |
//! | `xref-stale` | error | a reference that kept the number its target had in the old version |
//! | `xref-direction` | warning | "paragraph 12 above" when paragraph 12 stands below |
//! | `symbol` | error | malformed document symbols (`ICC-ASP-18/Res.3`, `ICC-ASP/19/ Res.7`) |
//! | `brackets` | warning | unbalanced brackets and quotes; pending text as notes (errors with `--final`) |
//! | `punctuation` | warning | paragraph endings; French spacing as notes |
//! | `repeated-word` | warning | "the the", "les les" |
//! | `parallel` | error | two language versions that differ in structure, references, symbols or figures |
//!
//! ```
//! use redraft::check::{self, Document, Options, Rule};
//! use redraft::model::ParseOptions;
//! let text = "The General Assembly,\n\n1. Decides to act;\n\n2. Recalls paragraph 3 above.\n";
//! let doc = Document::parse("draft.txt", text.to_string(), &ParseOptions::default()).unwrap();
//! let findings = check::check(&doc, &check::Inputs::default(), &Options::default());
//! assert_eq!(findings[0].rule, Rule::XrefDangling);
//! assert_eq!(findings[0].label, "OP2");
//! ```

pub mod brackets;
pub mod dangling;
pub mod direction;
pub mod numbering;
pub mod parallel;
pub mod punctuation;
pub mod repeated;
pub mod stale;
pub mod symbol;

pub use crate::xref::Document;
pub use crate::xref::document::quote;
/// `--fix` rewrites the file as stored: see [`crate::xref::rewrite`].
pub use crate::xref::rewrite as fix;

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// How serious a finding is; ordered from [`Severity::Note`] up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a check by default.
    Note,
    /// Probably wrong.
    Warning,
    /// Wrong: fails the check.
    Error,
}

impl Severity {
    /// The lower-case name: `note`, `warning`, `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Severity::Note, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|v| v.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown severity '{s}' (expected note, warning or error)"))
    }
}

/// A rule of `redraft check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// Operative numbering, subparagraph letters and numerals, footnotes.
    Numbering,
    /// References to units that do not exist.
    XrefDangling,
    /// References that kept their target's old number (`--against`).
    XrefStale,
    /// "above" or "below" pointing the wrong way.
    XrefDirection,
    /// Malformed document symbols.
    Symbol,
    /// Unbalanced brackets and quotes; bracketed and placeholder text.
    Brackets,
    /// Paragraph endings and French spacing.
    Punctuation,
    /// A word written twice in a row.
    RepeatedWord,
    /// Differences between two language versions (`--parallel`).
    Parallel,
}

/// The registry, in the order of [`Rule`]'s variants: each rule's id,
/// default severity and summary.
const REGISTRY: [RuleInfo; 9] = [
    // Rule::Numbering
    RuleInfo {
        id: "numbering",
        severity: Severity::Error,
        summary: "operative paragraphs consecutive from 1, bis/ter in order, subparagraph letters and numerals consecutive, footnotes consecutive, defined and referenced",
    },
    // Rule::XrefDangling
    RuleInfo {
        id: "xref-dangling",
        severity: Severity::Error,
        summary: "an internal cross-reference to a paragraph or subparagraph that does not exist",
    },
    // Rule::XrefStale
    RuleInfo {
        id: "xref-stale",
        severity: Severity::Error,
        summary: "a cross-reference that still carries the number its target had in the old version (--against); fixable with --fix",
    },
    // Rule::XrefDirection
    RuleInfo {
        id: "xref-direction",
        severity: Severity::Warning,
        summary: "an internal cross-reference whose “above” or “below” points the wrong way",
    },
    // Rule::Symbol
    RuleInfo {
        id: "symbol",
        severity: Severity::Error,
        summary: "a malformed document symbol (ICC-ASP-18/Res.3, ICC-ASP/19/ Res.7, A/RES/75 /1)",
    },
    // Rule::Brackets
    RuleInfo {
        id: "brackets",
        severity: Severity::Warning,
        summary: "unbalanced ( ) [ ] « » “ ”; bracketed negotiation text and placeholders as notes (errors with --final)",
    },
    // Rule::Punctuation
    RuleInfo {
        id: "punctuation",
        severity: Severity::Warning,
        summary: "preambular paragraphs end with a comma, operative paragraphs with a semicolon, the last with a full stop; French spacing as notes",
    },
    // Rule::RepeatedWord
    RuleInfo {
        id: "repeated-word",
        severity: Severity::Warning,
        summary: "a word written twice in a row",
    },
    // Rule::Parallel
    RuleInfo {
        id: "parallel",
        severity: Severity::Error,
        summary: "two language versions differ in structure, cross-reference targets, document symbols or figures (--parallel)",
    },
];

/// What the registry says of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// The stable id, as on the command line and in every output.
    pub id: &'static str,
    /// The severity of its findings unless said otherwise.
    pub severity: Severity,
    /// One line on what it checks.
    pub summary: &'static str,
}

impl Rule {
    /// Every rule, in the order they are documented.
    pub const ALL: [Rule; 9] = [
        Rule::Numbering,
        Rule::XrefDangling,
        Rule::XrefStale,
        Rule::XrefDirection,
        Rule::Symbol,
        Rule::Brackets,
        Rule::Punctuation,
        Rule::RepeatedWord,
        Rule::Parallel,
    ];

    /// The registry entry of the rule.
    pub fn info(self) -> RuleInfo {
        REGISTRY[self as usize]
    }

    /// The stable id: `xref-dangling`.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The default severity of the rule's findings.
    pub fn severity(self) -> Severity {
        self.info().severity
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
                format!("unknown rule '{s}' (expected one of {})", ids.join(", "))
            })
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// One thing found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Rule,
    /// How serious it is (after `--deny` and `--final`).
    pub severity: Severity,
    /// The label of the unit it stands in: `OP12(b)`, `PP1`, `FN9`.
    pub label: String,
    /// The 1-based line of the file where the quoted text starts.
    pub line: usize,
    /// The 1-based column (in characters) where the quoted text starts.
    pub column: usize,
    /// The text concerned, whitespace runs collapsed: `ICC-ASP-18/Res.3`.
    pub text: String,
    /// What is wrong, quoting the text; without label and line, which the
    /// renderers add (see [`Finding::full_message`]).
    pub message: String,
    /// What the text should read, when the rule knows.
    pub suggestion: Option<String>,
    /// Whether `--fix` rewrote it.
    pub fixed: bool,
}

impl Finding {
    /// The message with the unit label and line:
    /// `PP1, line 5: malformed document symbol “ICC-ASP-18/Res.3” …`.
    pub fn full_message(&self) -> String {
        let fixed = if self.fixed { " (fixed)" } else { "" };
        format!(
            "{}, line {}: {}{fixed}",
            self.label, self.line, self.message
        )
    }
}

/// What the other inputs of a check are.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inputs<'a> {
    /// The previous version (`--against OLD`), for `xref-stale`.
    pub against: Option<&'a Document>,
    /// The same draft in another language (`--parallel`), for `parallel`.
    pub parallel: Option<&'a Document>,
}

/// How to run the rules and weigh their findings.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The text goes to adoption: pending text is an error (`--final`).
    pub final_text: bool,
    /// Rules whose findings are all errors (`--deny RULE`).
    pub deny: Vec<Rule>,
    /// Rules not reported at all (`--allow RULE`).
    pub allow: Vec<Rule>,
}

/// Runs every rule on a draft and returns the findings in document order,
/// weighed by `options`.
pub fn check(doc: &Document, inputs: &Inputs<'_>, options: &Options) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(numbering::check(doc));
    let stale = inputs
        .against
        .map(|old| stale::check(old, doc).findings)
        .unwrap_or_default();
    // A stale reference often dangles or points the wrong way too; the
    // stale finding says more.
    let not_stale = |d: &Finding| {
        !stale
            .iter()
            .any(|s| (s.line, s.column) == (d.line, d.column))
    };
    findings.extend(dangling::check(doc).into_iter().filter(not_stale));
    findings.extend(direction::check(doc).into_iter().filter(not_stale));
    findings.extend(stale);
    findings.extend(symbol::check(doc));
    findings.extend(brackets::check(doc, options.final_text));
    findings.extend(punctuation::check(doc));
    findings.extend(repeated::check(doc));
    if let Some(other) = inputs.parallel {
        findings.extend(parallel::check(doc, other));
    }
    weigh(findings, options)
}

/// Applies `--allow` and `--deny`, and sorts by position.
pub fn weigh(findings: Vec<Finding>, options: &Options) -> Vec<Finding> {
    let mut out: Vec<Finding> = findings
        .into_iter()
        .filter(|f| !options.allow.contains(&f.rule))
        .map(|mut f| {
            if options.deny.contains(&f.rule) {
                f.severity = Severity::Error;
            }
            f
        })
        .collect();
    out.sort_by_key(|f| (f.line, f.column, f.rule));
    out
}

impl Document {
    /// A finding about the text at `range` of unit `unit`, at the rule's
    /// default severity.
    pub fn finding(
        &self,
        rule: Rule,
        unit: usize,
        range: Range<usize>,
        message: String,
    ) -> Finding {
        let (line, column) = self.position(range.start);
        Finding {
            rule,
            severity: rule.severity(),
            label: self
                .units()
                .get(unit)
                .map_or_else(String::new, |u| u.label.clone()),
            line,
            column,
            text: quote(self.text.get(range).unwrap_or("")),
            message,
            suggestion: None,
            fixed: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_round_trip() {
        for rule in Rule::ALL {
            assert_eq!(rule.id().parse::<Rule>(), Ok(rule));
        }
        assert!(
            "spelling"
                .parse::<Rule>()
                .unwrap_err()
                .contains("xref-stale")
        );
    }

    #[test]
    fn the_registry_follows_the_rules() {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(
            ids,
            [
                "numbering",
                "xref-dangling",
                "xref-stale",
                "xref-direction",
                "symbol",
                "brackets",
                "punctuation",
                "repeated-word",
                "parallel"
            ]
        );
        assert_eq!(Rule::Brackets.info().severity, Severity::Warning);
    }

    #[test]
    fn severities_are_ordered() {
        assert!(Severity::Note < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!("Warning".parse::<Severity>(), Ok(Severity::Warning));
    }
}
