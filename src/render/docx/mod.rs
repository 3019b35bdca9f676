//! A Word document (`.docx`) in which every difference is a real tracked
//! change: deletions `w:del`/`w:delText`, insertions `w:ins`, moved
//! paragraphs `w:moveFrom`/`w:moveTo`, numbers as the new draft has them
//! with a changed number shown as the old one deleted and the new one
//! inserted. In Word, "Accept all" gives the new draft and "Reject all" the
//! old one.
//!
//! - [`plan`]: the redline → paragraphs of old, new and common pieces.
//! - [`body`]: those paragraphs → WordprocessingML.
//! - [`notes`]: footnotes, Word's own when Word can number them as the
//!   drafts do.
//! - [`summary`]: the optional first page, skipped by the reader.
//! - [`parts`]: styles, settings and the package's other parts.

pub mod body;
pub mod furniture;
pub mod notes;
pub mod olddoc;
pub mod package;
pub mod parts;
pub mod pictures;
pub mod plan;
pub mod source;
pub mod spans;
pub mod summary;
pub mod theme;
pub mod weave;

use crate::redline::Redline;
use std::io::{self, Cursor, Write};

pub use crate::ingest::docx::SUMMARY_STYLE;

/// How to write the Word redline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// The author of every revision and comment.
    pub author: String,
    /// The date of every revision, ISO 8601 in UTC (`2024-05-01T12:00:00Z`).
    pub date: String,
    /// Add a first page with counts and the renumbering table.
    pub summary: bool,
    /// The new draft's Word document, if it is one: the redline is written
    /// into it.
    pub new_docx: Option<Vec<u8>>,
    /// The old draft's Word document, if it is one: its look is used when
    /// the new draft is not a Word document.
    pub old_docx: Option<Vec<u8>>,
    /// Show the former number of paragraphs that Word numbers (a comment
    /// "formerly paragraph 16").
    pub show_old_numbers: bool,
    /// Leave formatting-only changes unmarked.
    pub ignore_formatting: bool,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            author: "redraft".to_string(),
            date: timestamp(now()),
            summary: false,
            new_docx: None,
            old_docx: None,
            show_old_numbers: false,
            ignore_formatting: false,
        }
    }
}

/// Writes the redline as a Word document: into the new draft's own
/// document when it is one ([`weave::weave`]); in the old draft's look
/// when only it is one ([`weave::look`]); otherwise in the house style.
pub fn render(redline: &Redline, options: &DocxOptions, out: &mut dyn Write) -> io::Result<()> {
    if let Some(package) = options
        .new_docx
        .as_deref()
        .and_then(|bytes| weave::weave(redline, options, bytes))
    {
        return package.write(out);
    }
    if let Some(package) = options
        .old_docx
        .as_deref()
        .filter(|_| options.new_docx.is_none())
        .and_then(|bytes| weave::look(redline, options, bytes))
    {
        return package.write(out);
    }
    house(redline, options, out)
}

/// The bytes of a draft's file if it is a Word document.
pub fn word_bytes(path: &std::path::Path) -> Option<Vec<u8>> {
    let bytes = crate::ingest::zip_file_bytes(path)?;
    crate::ingest::docx::looks_like_docx(&bytes).then_some(bytes)
}

/// The redline in redraft's own style: styles of a published resolution.
fn house(redline: &Redline, options: &DocxOptions, out: &mut dyn Write) -> io::Result<()> {
    let notes = notes::Notes::of(redline);
    let paras = plan::plan(redline, notes.is_some());
    let mut writer = body::BodyWriter::new(&options.author, &options.date, notes.as_ref());
    let mut xml = String::new();
    if options.summary {
        xml.push_str(&summary::summary(redline));
    }
    for p in &paras {
        writer.paragraph(p, &mut xml);
    }
    if paras.is_empty() {
        xml.push_str("<w:p/>");
    }
    let start = notes.as_ref().map_or(1, |n| n.start);
    let title = format!("Redline: {} → {}", redline.old.name, redline.new.name);
    let files = parts::house(&parts::House {
        title: &title,
        author: &options.author,
        date: &options.date,
        lang_tag: crate::lang::word::tag(redline.new.lang),
        body: &xml,
        note_start: start,
        footnotes: &writer.footnotes,
        comments: &writer.comments,
    });
    out.write_all(&zip(&files)?)
}

/// The package: every part deflated into one zip archive.
pub fn zip(files: &[(&str, String)]) -> io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files {
        zip.start_file(*name, options).map_err(io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

/// The last second a four-digit year can write: 9999-12-31T23:59:59Z.
pub const LAST_TIMESTAMP: u64 = 253_402_300_799;

/// Seconds since 1970 now, or as `SOURCE_DATE_EPOCH` says (for
/// reproducible output), at most [`LAST_TIMESTAMP`]: a value past it
/// (year 584554051223) would make a date Word cannot read.
pub fn now() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map(|s: u64| s.min(LAST_TIMESTAMP))
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        })
}

/// Seconds since 1970 as an ISO 8601 UTC timestamp.
///
/// ```
/// use redraft::render::docx::timestamp;
/// assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
/// assert_eq!(timestamp(1_714_564_800), "2024-05-01T12:00:00Z");
/// ```
pub fn timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
