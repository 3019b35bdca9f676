//! Renderers of findings: one file per format, each writing to any
//! [`std::io::Write`].
//!
//! - [`human`]: grouped by file, coloured like the rest of the tool;
//! - [`json`]: the findings as data, `"version": 1`;
//! - [`github`]: workflow commands that GitHub Actions shows as
//!   annotations (`::error file=…,line=…::…`);
//! - [`sarif`]: SARIF 2.1.0, for code-scanning uploads.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::check::{Finding, Severity};
use crate::lang::Lang;
use std::io::{self, Write};

/// Version of the JSON form of a check report.
pub const REPORT_VERSION: u32 = 1;

/// The findings of one checked file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file, as named on the command line.
    pub name: String,
    /// Its language.
    pub lang: Lang,
    /// Its findings, in document order.
    pub findings: Vec<Finding>,
}

/// The findings of every checked file, in command-line order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One entry per file.
    pub files: Vec<FileReport>,
}

impl Report {
    /// How many findings of a severity are left (fixed ones not counted).
    pub fn count(&self, severity: Severity) -> usize {
        self.open().filter(|f| f.severity == severity).count()
    }

    /// How many findings `--fix` rewrote.
    pub fn fixed(&self) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .filter(|f| f.fixed)
            .count()
    }

    /// Whether a finding at or above `threshold` is left.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.open().any(|f| f.severity >= threshold)
    }

    fn open(&self) -> impl Iterator<Item = &Finding> {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .filter(|f| !f.fixed)
    }

    /// "2 errors, 1 warning, 0 notes in 2 files".
    pub fn summary_line(&self) -> String {
        let n = |count: usize, word: &str| {
            format!("{count} {word}{}", if count == 1 { "" } else { "s" })
        };
        let mut line = format!(
            "{}, {}, {} in {}",
            n(self.count(Severity::Error), "error"),
            n(self.count(Severity::Warning), "warning"),
            n(self.count(Severity::Note), "note"),
            n(self.files.len(), "file")
        );
        if self.fixed() > 0 {
            line.push_str(&format!("; {} fixed", self.fixed()));
        }
        line
    }
}

/// An output format of `redraft check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// For people: grouped by file, coloured on a terminal.
    Human,
    /// The findings as JSON.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// Writes a report in a format; `color` applies to [`Format::Human`].
pub fn render(report: &Report, format: Format, color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, color, out),
        Format::Json => json::render(report, out),
        Format::Github => github::render(report, out),
        Format::Sarif => sarif::render(report, out),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::check::Rule;

    /// A small report for the renderers' tests.
    pub fn sample() -> Report {
        let finding = |rule: Rule, severity, line, message: &str| Finding {
            rule,
            severity,
            label: "PP1".into(),
            line,
            column: 7,
            text: "ICC-ASP-18/Res.3".into(),
            message: message.into(),
            suggestion: None,
            fixed: false,
        };
        Report {
            files: vec![
                FileReport {
                    name: "drafts/a b.txt".into(),
                    lang: Lang::Fr,
                    findings: vec![
                        finding(Rule::Symbol, Severity::Error, 5, "malformed, 100%: “x”"),
                        finding(Rule::Brackets, Severity::Note, 9, "pending text"),
                    ],
                },
                FileReport {
                    name: "b.txt".into(),
                    lang: Lang::En,
                    findings: Vec::new(),
                },
            ],
        }
    }

    #[test]
    fn counts_and_summary() {
        let r = sample();
        assert!(r.fails(Severity::Error));
        assert_eq!(r.summary_line(), "1 error, 0 warnings, 1 note in 2 files");
    }
}
