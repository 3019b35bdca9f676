//! Findings as JSON (`"version": 1`):
//!
//! ```json
//! { "version": 1,
//!   "files": [ { "file": "drafts/cooperation-2021.txt", "lang": "fr",
//!                "findings": [ { "rule": "symbol", "severity": "error", "label": "PP1",
//!                                "line": 5, "column": 148, "text": "ICC-ASP-18/Res.3",
//!                                "message": "PP1, line 5: malformed document symbol …",
//!                                "suggestion": "ICC-ASP/18/Res.3" } ] } ],
//!   "summary": { "errors": 2, "warnings": 0, "notes": 1, "fixed": 0 } }
//! ```
//!
//! `suggestion` is present when the rule knows what the text should read;
//! `fixed` (true) when `--fix` rewrote it.

use super::{REPORT_VERSION, Report};
use crate::check::{Finding, Rule, Severity};
use crate::lang::Lang;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    lang: Lang,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: Rule,
    severity: Severity,
    label: &'a str,
    line: usize,
    column: usize,
    text: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    fixed: bool,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    notes: usize,
    fixed: usize,
}

impl<'a> From<&'a Finding> for JsonFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        JsonFinding {
            rule: f.rule,
            severity: f.severity,
            label: &f.label,
            line: f.line,
            column: f.column,
            text: &f.text,
            message: f.full_message(),
            suggestion: f.suggestion.as_deref(),
            fixed: f.fixed,
        }
    }
}

/// Writes the report as pretty-printed JSON.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let json = JsonReport {
        version: REPORT_VERSION,
        files: report
            .files
            .iter()
            .map(|f| JsonFile {
                file: &f.name,
                lang: f.lang,
                findings: f.findings.iter().map(JsonFinding::from).collect(),
            })
            .collect(),
        summary: Summary {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            notes: report.count(Severity::Note),
            fixed: report.fixed(),
        },
    };
    let text = serde_json::to_string_pretty(&json).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::findings::tests::sample;

    #[test]
    fn versioned_and_complete() {
        let mut out = Vec::new();
        render(&sample(), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["files"][0]["findings"][0]["rule"], "symbol");
        assert_eq!(
            v["files"][0]["findings"][0]["message"],
            "PP1, line 5: malformed, 100%: “x”"
        );
        assert_eq!(v["summary"]["errors"], 1);
        assert!(v["files"][0]["findings"][0].get("fixed").is_none());
    }
}
