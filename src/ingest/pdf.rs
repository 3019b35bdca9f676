//! PDF files, through `pdftotext` (Debian package `poppler-utils`).
//!
//! The text `pdftotext` extracts goes through the same reader as text
//! copied from a PDF ([`super::pdf_text`]). Poppler is the reference free
//! PDF text extractor; the Rust crates that parse PDF content streams
//! themselves lose word spacing and reading order on real reports, so the
//! tool runs Poppler when it is installed and says so when it is not.

use std::path::Path;
use std::process::Command;

/// Extracts the text of a PDF file, or says in one line why it cannot.
pub fn extract(path: &Path) -> Result<String, String> {
    if !starts_like_pdf(path) {
        return Err("not a PDF (it does not begin with %PDF)".to_string());
    }
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-eol", "unix"])
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                "reading a PDF needs pdftotext (Debian package poppler-utils); or pass the text copied from it".to_string()
            }
            _ => format!("cannot run pdftotext: {e}"),
        })?;
    if !output.status.success() {
        return Err(failure(&String::from_utf8_lossy(&output.stderr)));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| "pdftotext gave text that is not UTF-8".to_string())?;
    if text.trim().is_empty() {
        return Err("the PDF has no text (scanned pages? run OCR on it first)".to_string());
    }
    Ok(text)
}

/// Whether the file begins with the PDF signature `%PDF` (within its first
/// kilobyte, as readers allow). A file that cannot be read is left to
/// `pdftotext` to report.
fn starts_like_pdf(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 1024];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return true;
    };
    head[..n].windows(4).any(|w| w == b"%PDF")
}

/// One line saying why Poppler refused the file.
fn failure(stderr: &str) -> String {
    let lower = stderr.to_lowercase();
    if lower.contains("incorrect password") || lower.contains("encrypt") {
        return "the PDF is encrypted (password-protected); save an unprotected copy".to_string();
    }
    let first = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("unknown error");
    format!("not a readable PDF ({first})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_failures() {
        assert!(failure("Command Line Error: Incorrect password\n").contains("encrypted"));
        assert_eq!(
            failure(
                "Syntax Warning: May not be a PDF file\nSyntax Error: Couldn't find trailer dictionary\n"
            ),
            "not a readable PDF (Syntax Warning: May not be a PDF file)"
        );
    }
}
