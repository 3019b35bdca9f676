//! `redraft split-revisions FILE.docx -o DIR`: a Word document with
//! tracked changes → its two versions as plain-text drafts.

use super::EXIT_OK;
use super::output::write_all_atomically;
use crate::error::{Error, Result};
use crate::ingest::{self, InputKind, ReadOptions, Revisions};
use std::path::{Path, PathBuf};

/// Arguments of `redraft split-revisions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Word document.
    file: PathBuf,
    /// The folder to write `<stem>.old.txt` and `<stem>.new.txt` in
    /// (created if missing).
    #[arg(short, long)]
    output: PathBuf,
    /// Language of the document (detected when not given); the only
    /// reading option that applies: both versions are always written.
    #[arg(long)]
    lang: Option<crate::lang::Lang>,
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
        let options = ReadOptions {
            input: InputKind::Docx,
            revisions,
        };
        let source = ingest::read_with(&args.file, &options)?;
        check_structure(&args.file, &source.text, args.lang)?;
        texts.push((args.output.join(name), source.text));
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

/// Refuses a document in which no resolution structure is found, as every
/// other command does.
fn check_structure(path: &Path, text: &str, lang: Option<crate::lang::Lang>) -> Result<()> {
    let options = crate::model::ParseOptions { lang };
    crate::model::parse(text, &options)
        .map(|_| ())
        .map_err(|_| Error::NoStructure {
            path: path.to_path_buf(),
        })
}
