//! Findings for people: one block per file, one line per finding,
//! `line:column severity [rule] LABEL: message`, then a summary. Colours
//! (errors red, warnings yellow, notes cyan) only when asked for. Control
//! characters of the draft or its file name are shown escaped (`\u{1b}`),
//! never sent to the terminal.
//!
//! ```text
//! drafts/cooperation-2021.txt
//!   5:148  error    [symbol] PP1: malformed document symbol “ICC-ASP-18/Res.3” …
//! 2 errors, 0 warnings, 1 note in 1 file
//! ```

use super::Report;
use crate::check::Severity;
use crate::render::escape::one_line;
use console::Style;
use std::io::{self, Write};

/// Writes the report for a terminal or a log.
pub fn render(report: &Report, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let s = |style: Style| style.force_styling(color);
    let file = s(Style::new().bold());
    let dim = s(Style::new().dim());
    for f in &report.files {
        if f.findings.is_empty() {
            writeln!(
                out,
                "{} {}",
                file.apply_to(one_line(&f.name)),
                dim.apply_to("no findings")
            )?;
            continue;
        }
        writeln!(out, "{}", file.apply_to(one_line(&f.name)))?;
        for finding in &f.findings {
            let severity = s(severity_style(finding.severity))
                .apply_to(format!("{:<7}", finding.severity.name()));
            let fixed = if finding.fixed { " (fixed)" } else { "" };
            writeln!(
                out,
                "  {:>4}:{:<3} {severity} {} {}: {}{fixed}",
                finding.line,
                finding.column,
                dim.apply_to(format!("[{}]", finding.rule)),
                one_line(&finding.label),
                one_line(&finding.message)
            )?;
        }
    }
    writeln!(out, "{}", dim.apply_to(report.summary_line()))
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => Style::new().red().bold(),
        Severity::Warning => Style::new().yellow(),
        Severity::Note => Style::new().cyan(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::findings::tests::sample;

    #[test]
    fn plain_lines() {
        let mut out = Vec::new();
        render(&sample(), false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "drafts/a b.txt\n     5:7   error   [symbol] PP1: malformed, 100%: “x”\n     9:7   note    [brackets] PP1: pending text\nb.txt no findings\n1 error, 0 warnings, 1 note in 2 files\n"
        );
    }
}
