//! `redraft diff OLD NEW [--format ...] [-o FILE]`.

use super::output::Target;
use super::{DraftArgs, EXIT_DIFFERENT, EXIT_OK, load};
use crate::diff::{self, Granularity};
use crate::error::Result;
use crate::render::{self, Format, RenderOptions};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Arguments of `redraft diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old version.
    old: PathBuf,
    /// The new version.
    new: PathBuf,
    /// Output format [default: term on a terminal; otherwise from the -o
    /// file's extension, or text].
    #[arg(long, value_enum)]
    format: Option<DiffFormat>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Colour for the terminal format.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Unchanged units shown around each change (terminal format).
    #[arg(long, default_value_t = 1)]
    context: usize,
    /// Show every unit (terminal format).
    #[arg(long)]
    full: bool,
    /// Diff inside changed words character by character.
    #[arg(long, value_enum, default_value = "word")]
    granularity: GranularityArg,
    /// Language of `--format amendments` [default: the old draft's, as
    /// detected or given with --lang].
    #[arg(long, value_name = "LANG")]
    amendment_lang: Option<crate::lang::Lang>,
    #[command(flatten)]
    draft: DraftArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DiffFormat {
    Term,
    Html,
    Markdown,
    Text,
    Json,
    /// Formal amendments turning OLD into NEW, numbered as in OLD.
    Amendments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GranularityArg {
    Word,
    Char,
}

/// Runs `redraft diff`.
pub fn run(args: &Args) -> Result<u8> {
    let target = Target::new(args.output.as_deref(), &[&args.old, &args.new])?;
    let old = load(&args.old, &args.draft)?;
    let new = load(&args.new, &args.draft)?;
    let options = diff::Options {
        granularity: match args.granularity {
            GranularityArg::Word => Granularity::Word,
            GranularityArg::Char => Granularity::Char,
        },
    };
    let mut redline = diff::redline(&old, &new, &options);
    redline.old.name = args.old.display().to_string();
    redline.new.name = args.new.display().to_string();
    let format = format(args);
    let render_options = RenderOptions {
        full: args.full,
        context: args.context,
        color: color(args),
        amendment_lang: args.amendment_lang,
    };
    target.write(|out| render::render(&redline, format, &render_options, out))?;
    Ok(if redline.has_changes() {
        EXIT_DIFFERENT
    } else {
        EXIT_OK
    })
}

fn format(args: &Args) -> Format {
    match args.format {
        Some(f) => match f {
            DiffFormat::Term => Format::Term,
            DiffFormat::Html => Format::Html,
            DiffFormat::Markdown => Format::Markdown,
            DiffFormat::Text => Format::Text,
            DiffFormat::Json => Format::Json,
            DiffFormat::Amendments => Format::Amendments,
        },
        None => match args.output.as_deref() {
            Some(path) => from_extension(path),
            None if std::io::stdout().is_terminal() => Format::Term,
            None => Format::Text,
        },
    }
}

fn from_extension(path: &Path) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html" | "htm") => Format::Html,
        Some("md" | "markdown") => Format::Markdown,
        Some("json") => Format::Json,
        _ => Format::Text,
    }
}

/// Whether to colour: `always`, `never`, or (auto) on a terminal unless
/// `NO_COLOR` is set.
fn color(args: &Args) -> bool {
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            args.output.is_none() && !no_color && std::io::stdout().is_terminal()
        }
    }
}
