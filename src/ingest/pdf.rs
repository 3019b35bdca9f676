//! PDF files, through Poppler's `pdftotext` (Debian package `poppler-utils`).
//!
//! `pdftotext -bbox-layout` gives every word with its box; [`super::pdf_layout`]
//! reads the page from those boxes (font sizes, indentation, spacing, where
//! a line stands on the page), which tells furniture, footnotes and page
//! breaks apart far better than the plain layout text. Poppler is the
//! reference free PDF text extractor; the Rust crates that parse PDF
//! content streams themselves lose word spacing and reading order on real
//! reports, so the tool runs Poppler when it is installed and says so when
//! it is not.
//!
//! Poppler runs under limits: at most [`TIME_LIMIT`] (a crafted PDF can
//! make it loop), at most [`OUTPUT_LIMIT`] bytes of output (read as they
//! come, so that memory stays bounded), and the file name comes after `--`
//! so that a PDF named `-v` is a file, not an option.

use super::pdf_layout::{self, Published};
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The longest `pdftotext` may run.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// The most output read from `pdftotext` (its word boxes take about 150
/// bytes a word: 256 MiB is some 1.7 million words, thousands of pages).
pub const OUTPUT_LIMIT: usize = 256 << 20;

/// Reads a PDF file into a draft, or says in one line why it cannot.
pub fn read(path: &Path) -> Result<Published, String> {
    let xhtml = extract_with(path, TIME_LIMIT, OUTPUT_LIMIT)?;
    pdf_layout::read(&xhtml)
}

/// Reads a PDF held in memory (an upload to `redraft serve`) into a draft:
/// the bytes go to `pdftotext` on its standard input, never to a file.
pub fn read_bytes(bytes: &[u8]) -> Result<Published, String> {
    if !bytes
        .get(..1024)
        .unwrap_or(bytes)
        .windows(4)
        .any(|w| w == b"%PDF")
    {
        return Err("not a PDF (it does not begin with %PDF)".to_string());
    }
    let child = spawn("pdftotext".as_ref(), "-".as_ref(), Stdio::piped())?;
    let xhtml = collect(child, Some(bytes.to_vec()), TIME_LIMIT, OUTPUT_LIMIT)?;
    pdf_layout::read(&xhtml)
}

/// Runs `pdftotext -bbox-layout` on `path` under a time and size limit.
pub fn extract_with(path: &Path, time: Duration, limit: usize) -> Result<String, String> {
    run("pdftotext".as_ref(), path, time, limit)
}

/// Runs `program` (Poppler's `pdftotext`, or a stand-in in tests) on `path`.
fn run(
    program: &std::ffi::OsStr,
    path: &Path,
    time: Duration,
    limit: usize,
) -> Result<String, String> {
    if !starts_like_pdf(path) {
        return Err("not a PDF (it does not begin with %PDF)".to_string());
    }
    let child = spawn(program, path, Stdio::null())?;
    collect(child, None, time, limit)
}

/// Starts `program` on `path` (`-`: its standard input) for word boxes.
fn spawn(program: &std::ffi::OsStr, path: &Path, stdin: Stdio) -> Result<Child, String> {
    Command::new(program)
        .args(["-bbox-layout", "-enc", "UTF-8", "-eol", "unix", "--"])
        .arg(path)
        .arg("-")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                "reading a PDF needs pdftotext (Debian package poppler-utils); or pass the text copied from it".to_string()
            }
            _ => format!("cannot run pdftotext: {e}"),
        })
}

/// Feeds `input` (if any) to the child's standard input and reads its
/// output under the time and size limits.
fn collect(
    mut child: Child,
    input: Option<Vec<u8>>,
    time: Duration,
    limit: usize,
) -> Result<String, String> {
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // A writer thread, so that a child that stops reading (a damaged
        // PDF) cannot block us; a broken pipe is the child's to report.
        std::thread::spawn(move || {
            let _ = std::io::Write::write_all(&mut stdin, &bytes);
        });
    }
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || read_capped(stdout, limit));
    let errors = std::thread::spawn(move || read_capped(stderr, 64 << 10));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > time => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "pdftotext took longer than {} s; the PDF may be damaged",
                    time.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("cannot run pdftotext: {e}")),
        }
    };
    let (bytes, over) = reader.join().unwrap_or_default();
    let (err, _) = errors.join().unwrap_or_default();
    if over {
        return Err(format!(
            "pdftotext gave more than {} MiB of text; the PDF is too large to read",
            limit >> 20
        ));
    }
    if !status.success() {
        return Err(failure(&String::from_utf8_lossy(&err)));
    }
    String::from_utf8(bytes).map_err(|_| "pdftotext gave text that is not UTF-8".to_string())
}

/// Reads a pipe to its end, keeping at most `limit` bytes; says whether
/// there was more (the rest is read and dropped so that the child is not
/// blocked on a full pipe).
fn read_capped(pipe: Option<impl Read>, limit: usize) -> (Vec<u8>, bool) {
    let Some(mut pipe) = pipe else {
        return (Vec::new(), false);
    };
    let mut kept = Vec::new();
    let mut over = false;
    let mut buf = [0u8; 64 << 10];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) if kept.len() + n <= limit => kept.extend_from_slice(&buf[..n]),
            Ok(_) => over = true,
        }
    }
    (kept, over)
}

/// Whether the file begins with the PDF signature `%PDF` (within its first
/// kilobyte, as readers allow). A file that cannot be read is left to
/// `pdftotext` to report.
fn starts_like_pdf(path: &Path) -> bool {
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

    /// A stand-in for `pdftotext`: a shell script, and a file that starts
    /// like a PDF to give it.
    fn stand_in(name: &str, script: &str) -> (std::path::PathBuf, std::path::PathBuf) {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("redraft-pdf-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let program = dir.join("pdftotext");
        std::fs::write(&program, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        let pdf = dir.join("doc.pdf");
        std::fs::write(&pdf, b"%PDF-1.4\n").unwrap();
        (program, pdf)
    }

    #[test]
    fn a_hanging_pdftotext_is_stopped() {
        let (program, pdf) = stand_in("hang", "sleep 30");
        let started = Instant::now();
        let err = run(
            program.as_os_str(),
            &pdf,
            Duration::from_millis(300),
            1 << 20,
        )
        .unwrap_err();
        assert!(err.contains("took longer than"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn endless_pdftotext_output_is_refused() {
        let (program, pdf) = stand_in("flood", "head -c 5000000 /dev/zero");
        let err = run(program.as_os_str(), &pdf, TIME_LIMIT, 1 << 20).unwrap_err();
        assert!(err.contains("more than 1 MiB"), "{err}");
    }

    #[test]
    fn the_file_name_comes_after_a_double_dash() {
        // The stand-in prints its arguments: the file comes after `--`.
        let (program, pdf) = stand_in("args", "printf '%s|' \"$@\"");
        let out = run(program.as_os_str(), &pdf, TIME_LIMIT, 1 << 20).unwrap();
        let args: Vec<&str> = out.split('|').collect();
        let dashes = args.iter().position(|a| *a == "--").unwrap();
        assert_eq!(args[dashes + 1], pdf.to_str().unwrap());
    }

    #[test]
    fn output_is_capped() {
        let data: &[u8] = &[b'x'; 300_000];
        let (kept, over) = read_capped(Some(data), 100_000);
        assert!(over && kept.len() <= 100_000);
        let (kept, over) = read_capped(Some(&data[..10]), 100_000);
        assert!(!over && kept.len() == 10);
    }
}
