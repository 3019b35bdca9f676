//! `redraft split-revisions FILE.docx -o DIR`: a Word document with
//! tracked changes → its two versions as plain-text drafts.
//!
//! The two files are written as a pair, all or nothing: both versions are
//! read first, then written to temporary files in DIR (random names,
//! created exclusively), and only once both are complete are they renamed
//! into place. A full disk or any other failure leaves neither file, never
//! `old.txt` without `new.txt`.

use super::EXIT_OK;
use super::output::write_all_atomically;
use redraft::LoadOptions;
use redraft::error::{Error, Result};
use redraft::ingest::limits::{self, Limits};
use redraft::ingest::{InputKind, ReadOptions, Revisions};
use std::path::PathBuf;

/// Arguments of `redraft split-revisions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Word document.
    file: PathBuf,
    /// The folder to write `<stem>.old.txt` and `<stem>.new.txt` in
    /// (created if missing).
    #[arg(short, long)]
    output: PathBuf,
    /// Language of the document (detected when not given).
    #[arg(long)]
    lang: Option<redraft::lang::Lang>,
    /// The most characters of text the document may expand to once read
    /// [default: 16000000].
    #[arg(long, value_name = "N")]
    max_chars: Option<usize>,
    /// The most paragraphs and notes the document may have [default: 100000].
    #[arg(long, value_name = "N")]
    max_units: Option<usize>,
}

/// Runs `redraft split-revisions`.
pub fn run(args: &Args) -> Result<u8> {
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "draft".to_string());
    let versions = [
        (Revisions::Reject, format!("{stem}.old.txt")),
        (Revisions::Accept, format!("{stem}.new.txt")),
    ];
    let mut texts = Vec::new();
    for (revisions, name) in versions {
        let options = LoadOptions {
            read: ReadOptions {
                input: InputKind::Docx,
                revisions,
                limits: Limits {
                    max_chars: args.max_chars.unwrap_or(limits::MAX_CHARS),
                    max_units: args.max_units.unwrap_or(limits::MAX_UNITS),
                },
            },
            lang: args.lang,
            part: None,
        };
        // Parsed as every other command does: a document without
        // resolution structure is read as plain paragraphs, with a warning
        // (once, for the new version).
        let draft = redraft::load(&args.file, &options)?;
        if revisions == Revisions::Accept {
            super::warn_without_structure(&draft);
        }
        texts.push((args.output.join(name), draft.text));
    }
    std::fs::create_dir_all(&args.output).map_err(|source| Error::Write {
        path: args.output.clone(),
        source,
    })?;
    for (path, _) in &texts {
        if super::output::Target::new(Some(path), &[&args.file]).is_err() {
            return Err(Error::OutputIsInput { path: path.clone() });
        }
    }
    let files: Vec<(PathBuf, &[u8])> = texts
        .iter()
        .map(|(p, t)| (p.clone(), t.as_bytes()))
        .collect();
    write_all_atomically(&files)?;
    Ok(EXIT_OK)
}
