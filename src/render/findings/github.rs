//! GitHub Actions workflow commands: one line per finding, which the
//! Actions runner turns into an annotation on the file and line.
//!
//! ```text
//! ::error file=drafts/x.txt,line=5,col=148,title=redraft symbol::PP1, line 5: malformed document symbol …
//! ```
//!
//! Errors are `::error`, warnings `::warning`, notes `::notice`. Data are
//! escaped as the runner expects (`%`, CR, LF; and `:` `,` in properties).

use super::Report;
use crate::check::Severity;
use std::io::{self, Write};

/// Writes one workflow command per finding that is still open.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        for f in file.findings.iter().filter(|f| !f.fixed) {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                property(&file.name),
                f.line,
                f.column,
                property(&format!("redraft {}", f.rule)),
                data(&f.full_message())
            )?;
        }
    }
    Ok(())
}

/// Escapes a message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::findings::tests::sample;

    #[test]
    fn annotations() {
        let mut out = Vec::new();
        render(&sample(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "::error file=drafts/a b.txt,line=5,col=7,title=redraft symbol::PP1, line 5: malformed, 100%25: “x”\n::notice file=drafts/a b.txt,line=9,col=7,title=redraft brackets::PP1, line 9: pending text\n"
        );
    }
}
