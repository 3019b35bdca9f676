//! `redraft history V1 V2 ... Vn` and `redraft history --git FILE`.

use super::output::{Target, format_of};
use super::{DraftArgs, EXIT_OK, load};
use crate::error::{Error, Result};
use crate::history::git::{self, GitOptions};
use crate::history::{Draft, History};
use crate::model::{self, ParseOptions};
use crate::render::history::{self as render, HistoryFormat};
use std::io::IsTerminal;
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
    format: Option<Format>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Colour for the terminal format.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Show every unit of the cumulative redline (terminal format).
    #[arg(long)]
    full: bool,
    #[command(flatten)]
    draft: DraftArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Term,
    Html,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs `redraft history`.
pub fn run(args: &Args) -> Result<u8> {
    let inputs: Vec<&Path> = args
        .versions
        .iter()
        .map(PathBuf::as_path)
        .chain(args.git.as_deref())
        .collect();
    let target = Target::new(args.output.as_deref(), &inputs)?;
    let format = format(args)?;
    let mut drafts = match &args.git {
        Some(file) => from_git(file, args)?,
        None => from_files(args)?,
    };
    name(&mut drafts, &args.labels)?;
    let history = History::new(drafts)?;
    let color = format == HistoryFormat::Term && colour(args);
    target.write(|out| render::render(&history, format, color, args.full, out))?;
    Ok(EXIT_OK)
}

fn from_files(args: &Args) -> Result<Vec<Draft>> {
    let names = file_names(&args.versions);
    args.versions
        .iter()
        .zip(names)
        .map(|(path, name)| {
            Ok(Draft {
                name,
                resolution: load(path, &args.draft)?,
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

fn from_git(file: &Path, args: &Args) -> Result<Vec<Draft>> {
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
    let parse = ParseOptions {
        lang: args.draft.lang,
    };
    versions
        .into_iter()
        .map(|v| {
            let path = PathBuf::from(format!("{} ({})", file.display(), v.name));
            let resolution = model::parse(&v.text, &parse)
                .map_err(|_| Error::NoStructure { path: path.clone() })?;
            super::warn_without_structure(&path, &resolution);
            super::within_budget(file, &resolution, args.draft.max_units)?;
            Ok(Draft {
                name: v.name,
                resolution,
            })
        })
        .collect()
}

/// Applies `--label`s, one per version.
fn name(drafts: &mut [Draft], labels: &[String]) -> Result<()> {
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

fn format(args: &Args) -> Result<HistoryFormat> {
    Ok(match args.format {
        Some(Format::Term) => HistoryFormat::Term,
        Some(Format::Html) => HistoryFormat::Html,
        Some(Format::Markdown) => HistoryFormat::Markdown,
        Some(Format::Json) => HistoryFormat::Json,
        None => {
            let known: &[(&[&str], HistoryFormat)] = &[
                (&["html", "htm"], HistoryFormat::Html),
                (&["json"], HistoryFormat::Json),
                (&["md", "markdown", "txt", "text"], HistoryFormat::Markdown),
            ];
            let file = args.output.as_deref().filter(|p| p.as_os_str() != "-");
            match file {
                Some(path) => format_of(path, known, "term, html, markdown, json")?
                    .unwrap_or(HistoryFormat::Markdown),
                None if std::io::stdout().is_terminal() => HistoryFormat::Term,
                None => HistoryFormat::Markdown,
            }
        }
    })
}

fn colour(args: &Args) -> bool {
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            args.output.is_none() && !no_color && std::io::stdout().is_terminal()
        }
    }
}
