//! `redraft history V1 V2 ... Vn` and `redraft history --git FILE`.

use super::{DraftArgs, EXIT_OK, OutputArgs, load};
use redraft::error::{Error, Result};
use redraft::history::{History, Version};
use redraft::ingest::git::{self, GitOptions};
use redraft::render::history::{self as render, HistoryFormat};
use std::path::{Path, PathBuf};

/// Arguments of `redraft history`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The versions, oldest first (at least two), unless --git is given.
    #[arg(required_unless_present = "git", num_args = 2.., value_name = "VERSION")]
    versions: Vec<PathBuf>,
    /// A name for each version, in order (once per version) [default: the
    /// file names; with --git, the commit date and short hash].
    #[arg(long = "label", value_name = "LABEL")]
    labels: Vec<String>,
    /// Take the versions from the git history of FILE: one per commit that
    /// touched it, oldest first (runs the `git` command).
    #[arg(long, value_name = "FILE", conflicts_with = "versions")]
    git: Option<PathBuf>,
    /// With --git: only commits since this date (as git reads it).
    #[arg(long, requires = "git", value_name = "DATE")]
    since: Option<String>,
    /// With --git: only commits until this date.
    #[arg(long, requires = "git", value_name = "DATE")]
    until: Option<String>,
    /// With --git: at most the N most recent versions.
    #[arg(long, requires = "git", value_name = "N")]
    max: Option<usize>,
    /// Output format [default: term on a terminal; otherwise from the -o
    /// file's extension, or markdown].
    #[arg(long, value_enum)]
    format: Option<HistoryFormat>,
    #[command(flatten)]
    out: OutputArgs,
    /// Show every unit of the cumulative redline (terminal and text
    /// formats).
    #[arg(long)]
    full: bool,
    #[command(flatten)]
    draft: DraftArgs,
}

/// Runs `redraft history`.
pub fn run(args: &Args) -> Result<u8> {
    let inputs: Vec<&Path> = args
        .versions
        .iter()
        .map(PathBuf::as_path)
        .chain(args.git.as_deref())
        .collect();
    let target = args.out.target(&inputs)?;
    let format = format(args)?;
    let mut drafts = match &args.git {
        Some(file) => from_git(file, args)?,
        None => from_files(args)?,
    };
    name(&mut drafts, &args.labels)?;
    let history = History::new(drafts)?;
    let color = format == HistoryFormat::Term && args.out.colored();
    target.write(|out| render::render(&history, format, color, args.full, out))?;
    Ok(EXIT_OK)
}

fn from_files(args: &Args) -> Result<Vec<Version>> {
    let names = file_names(&args.versions);
    let options = args.draft.load_options();
    args.versions
        .iter()
        .zip(names)
        .map(|(path, name)| {
            Ok(Version {
                name,
                resolution: load(path, &options)?.into_resolution(),
            })
        })
        .collect()
}

/// Versions are named after their files; after their paths when two
/// files share a name.
fn file_names(paths: &[PathBuf]) -> Vec<String> {
    let short: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let unique = short
        .iter()
        .enumerate()
        .all(|(k, n)| !short[..k].contains(n));
    if unique {
        short
    } else {
        paths.iter().map(|p| p.display().to_string()).collect()
    }
}

fn from_git(file: &Path, args: &Args) -> Result<Vec<Version>> {
    let options = GitOptions {
        since: args.since.clone(),
        until: args.until.clone(),
        max: args.max,
    };
    let versions = git::versions(file, &options)?;
    if versions.len() < 2 {
        return Err(Error::Git {
            path: file.to_path_buf(),
            message: format!(
                "a history needs at least two versions; {} commit(s) touched the file{}",
                versions.len(),
                if options.since.is_some() || options.until.is_some() || options.max.is_some() {
                    " in the range asked"
                } else {
                    ""
                }
            ),
        });
    }
    let load = args.draft.load_options();
    versions
        .into_iter()
        .map(|v| {
            // Read as a file on disk is: Word, PDF and text by their bytes
            // and the file's extension, with --part and the limits.
            let name = PathBuf::from(format!("{} ({})", file.display(), v.name));
            let draft = redraft::load_bytes(&name, file, &v.bytes, &load)?;
            super::warn_without_structure(&draft);
            Ok(Version {
                name: v.name,
                resolution: draft.into_resolution(),
            })
        })
        .collect()
}

/// Applies `--label`s, one per version.
fn name(drafts: &mut [Version], labels: &[String]) -> Result<()> {
    if labels.is_empty() {
        return Ok(());
    }
    if labels.len() != drafts.len() {
        return Err(Error::Usage(format!(
            "--label is given {} time(s) for {} versions; give it once per version, in order",
            labels.len(),
            drafts.len()
        )));
    }
    for (d, l) in drafts.iter_mut().zip(labels) {
        d.name = l.clone();
    }
    Ok(())
}

/// The format asked for: `--format`, else the -o file's extension
/// ([`HistoryFormat::from_path`], the one table of extensions), else the
/// terminal format on a terminal and Markdown in a pipe or a file without
/// an extension.
fn format(args: &Args) -> Result<HistoryFormat> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let from_path = match args.out.file() {
        Some(path) => HistoryFormat::from_path(path)?,
        None if args.out.to_terminal() => Some(HistoryFormat::Term),
        None => None,
    };
    Ok(from_path.unwrap_or(HistoryFormat::Markdown))
}
