//! `redraft split-revisions FILE.docx -o DIR`: a Word document with
//! tracked changes → its two versions as plain-text drafts.
//!
//! The two files are written as a pair, all or nothing: both versions are
//! read first, then written to temporary files in DIR (random names,
//! created exclusively), and only once both are complete are they renamed
//! into place. A full disk or any other failure leaves neither file, never
//! `old.txt` without `new.txt`.

use super::{DraftArgs, EXIT_OK};
use crate::error::{Error, Result};
use crate::ingest::{self, InputKind, ReadOptions, Revisions};
use std::io::Write;
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
    #[command(flatten)]
    draft: DraftArgs,
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
            ..args.draft.read_options()
        };
        let source = ingest::read_with(&args.file, &options)?;
        let warn = revisions == Revisions::Accept;
        check_structure(&args.file, &source.text, &args.draft, warn)?;
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
    write_pair(&args.output, &texts)?;
    Ok(EXIT_OK)
}

/// Parses a version as every other command does: a document without
/// resolution structure is read as plain paragraphs, with a warning (once,
/// for the new version).
fn check_structure(path: &Path, text: &str, args: &DraftArgs, warn: bool) -> Result<()> {
    let options = crate::model::ParseOptions { lang: args.lang };
    let draft = crate::model::parse(text, &options).map_err(|_| Error::NoStructure {
        path: path.to_path_buf(),
    })?;
    if warn {
        super::warn_without_structure(path, &draft);
    }
    Ok(())
}

/// Writes every file to a temporary file in `dir`, then renames them all
/// into place; if a rename fails, the files already renamed are removed,
/// so that no version stands without the other.
fn write_pair(dir: &Path, files: &[(PathBuf, String)]) -> Result<()> {
    let mut staged = Vec::new();
    for (path, text) in files {
        let temp = stage(dir, text).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        staged.push((path, temp));
    }
    let mut placed: Vec<&PathBuf> = Vec::new();
    for (path, temp) in staged {
        if let Err(e) = temp.persist(path) {
            for done in placed {
                let _ = std::fs::remove_file(done);
            }
            return Err(Error::Write {
                path: path.clone(),
                source: e.error,
            });
        }
        placed.push(path);
    }
    Ok(())
}

/// A complete temporary file holding `text`, removed when dropped unless
/// persisted.
fn stage(dir: &Path, text: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".redraft-").suffix(".tmp");
    #[cfg(unix)]
    {
        // Like a file created by any other command: 0666 less the umask.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    // Through the file itself: its errors do not name the temporary file.
    temp.as_file_mut().write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    Ok(temp)
}
