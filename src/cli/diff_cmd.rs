//! `redraft diff OLD NEW [--format ...] [-o FILE]`.

use super::{DraftArgs, EXIT_DIFFERENT, EXIT_OK, OutputArgs};
use redraft::diff::{self, Granularity};
use redraft::error::{Error, Result};
use redraft::render::docx::{DocxOptions, olddoc, word_bytes};
use redraft::render::{self, Format, RenderOptions};
use std::path::PathBuf;

/// Arguments of `redraft diff`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The old version (`-`: standard input).
    old: PathBuf,
    /// The new version (`-`: standard input).
    new: PathBuf,
    /// Output format [default: term on a terminal; otherwise from the -o
    /// file's extension, or text].
    #[arg(long, value_enum)]
    format: Option<Format>,
    #[command(flatten)]
    out: OutputArgs,
    /// Unchanged units shown around each change (terminal format) [default:
    /// 1]; given when the output is piped, the redline is the folded
    /// terminal format (without colour) rather than the full text.
    #[arg(long, value_name = "N")]
    context: Option<usize>,
    /// Show every unit (terminal format).
    #[arg(long)]
    full: bool,
    /// Diff inside changed words character by character.
    #[arg(long, value_enum, default_value = "word")]
    granularity: Granularity,
    /// Author of the tracked changes (Word format).
    #[arg(long, default_value = "redraft")]
    author: String,
    /// Add a first page with counts and the renumbering table (Word
    /// format; the reader skips it).
    #[arg(long)]
    summary: bool,
    /// Show the former number of paragraphs Word numbers itself, as a
    /// comment "formerly paragraph 16" (Word format).
    #[arg(long)]
    show_old_numbers: bool,
    /// Leave formatting-only changes unmarked (Word format).
    #[arg(long)]
    ignore_formatting: bool,
    /// Language of `--format amendments` [default: the old draft's, as
    /// detected or given with --lang].
    #[arg(long, value_name = "LANG")]
    amendment_lang: Option<redraft::lang::Lang>,
    #[command(flatten)]
    draft: DraftArgs,
    /// The part of OLD to compare (overrides --part for OLD).
    #[arg(long)]
    old_part: Option<String>,
    /// The part of NEW to compare (overrides --part for NEW).
    #[arg(long)]
    new_part: Option<String>,
    /// The other arguments git gives an external diff (see `git_diff`).
    #[arg(hide = true, num_args = 0..=7, value_name = "GIT")]
    git: Vec<String>,
    /// The names of the versions when git called (`a/PATH`, `b/PATH`).
    #[arg(skip)]
    names: Option<(String, String)>,
}

/// Runs `redraft diff`.
pub fn run(args: &Args) -> Result<u8> {
    if args.old.is_dir() && args.new.is_dir() {
        return super::batch_cmd::diff(&args.old, &args.new, args.out.file(), &batch_options(args));
    }
    if let Some(call) = super::git_diff::Call::parse(&args.old, &args.new, &args.git)? {
        let mut inner = args.clone();
        (inner.old, inner.new) = (call.old_file.clone(), call.new_file.clone());
        (inner.git, inner.names) = (Vec::new(), Some(call.names()));
        return call.run(|| run(&inner));
    }
    super::one_stdin(&[&args.old, &args.new])?;
    let target = args.out.target(&[&args.old, &args.new])?;
    let format = format(args)?;
    if format == Format::Docx && args.out.output.is_none() && args.out.to_terminal() {
        return Err(Error::Usage(
            "refusing to write a Word document to the terminal; add -o FILE.docx".to_string(),
        ));
    }
    let (old_word, new_word) = (word_bytes(&args.old), word_bytes(&args.new));
    let comparison = compared(args, old_word.as_deref(), new_word.as_deref())?;
    let redline = &comparison.redline;
    let mut options = render_options(args);
    if format == Format::Docx {
        options.docx.new_docx = new_word;
        options.docx.old_docx = old_word;
    }
    target.write(|out| {
        render::render_comparison(&comparison, format, &options, out)?;
        olddoc::write_notes(&redline.notes, format, out)
    })?;
    let code = if redline.has_changes() || !redline.notes.is_empty() {
        EXIT_DIFFERENT
    } else {
        EXIT_OK
    };
    // The process ends right after: the system takes the drafts and the
    // redline back at once, faster than freeing them piece by piece (5% of
    // a large comparison).
    std::mem::forget(comparison);
    Ok(code)
}

/// OLD and NEW compared, the redline carrying the versions' names (git's
/// `a/PATH` and `b/PATH` when git called) and, when both are Word
/// documents, the notes of what their text does not show (formatting,
/// pictures).
fn compared(
    args: &Args,
    old_word: Option<&[u8]>,
    new_word: Option<&[u8]>,
) -> Result<diff::Comparison> {
    let mut comparison = compare(args)?;
    let redline = &mut comparison.redline;
    (redline.old.name, redline.new.name) = args.names.clone().unwrap_or_else(|| {
        (
            args.old.display().to_string(),
            args.new.display().to_string(),
        )
    });
    if let (Some(o), Some(n)) = (old_word, new_word) {
        redline.notes = olddoc::changes(redline, o, n, !args.ignore_formatting);
    }
    Ok(comparison)
}

/// Loads OLD and NEW (each with its part) and compares them.
fn compare(args: &Args) -> Result<diff::Comparison> {
    let options = args.draft.load_options();
    let part = args.draft.part.as_deref();
    let old_options = options.with_part(args.old_part.as_deref().or(part));
    let new_options = options.with_part(args.new_part.as_deref().or(part));
    // Both versions read and parsed at once (see `redraft::parallel`).
    // A draft of a few pages is read faster than a thread starts.
    let big = [&args.old, &args.new]
        .iter()
        .any(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 256 * 1024));
    let (old, new) = redraft::parallel::join_if(
        big,
        || redraft::load(&args.old, &old_options),
        || redraft::load(&args.new, &new_options),
    );
    let (mut old, mut new) = (old?, new?);
    super::warn_without_structure(&old);
    super::warn_without_structure(&new);
    // The texts are not needed after parsing: freed now, they leave room
    // for the redline and its output (peak memory ≤ 5× the input).
    drop((std::mem::take(&mut old.text), std::mem::take(&mut new.text)));
    let (old, new) = (old.into_resolution(), new.into_resolution());
    if let Some(hint) = redraft::history::order::hint(&old, &new, &args.old, &args.new) {
        eprintln!("redraft: {hint}");
    }
    let options = diff::Options {
        granularity: args.granularity,
    };
    Ok(diff::compare(old, new, &options))
}

/// How two folders are compared: as two files are, in HTML unless
/// `--format` says otherwise.
fn batch_options(args: &Args) -> redraft::batch::Options {
    redraft::batch::Options {
        load: args.draft.load_options(),
        diff: diff::Options {
            granularity: args.granularity,
        },
        format: args.format.unwrap_or(Format::Html),
        render: render_options(args),
    }
}

/// The renderers' options from the command line (the Word documents read
/// aside).
fn render_options(args: &Args) -> RenderOptions {
    RenderOptions {
        full: args.full,
        context: args.context.unwrap_or(1),
        color: args.out.colored(),
        width: args
            .out
            .output
            .is_none()
            .then(render::redline::term::terminal_width)
            .flatten(),
        docx: DocxOptions {
            author: args.author.clone(),
            summary: args.summary,
            show_old_numbers: args.show_old_numbers,
            ignore_formatting: args.ignore_formatting,
            ..DocxOptions::default()
        },
        amendment_lang: args.amendment_lang,
    }
}

/// The format asked for: `--format`, else the -o file's extension, else
/// the terminal format on a terminal (or with --context) and text in a pipe.
fn format(args: &Args) -> Result<Format> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    Ok(match args.out.file() {
        Some(path) => {
            let accepted = [
                Format::Html,
                Format::Markdown,
                Format::Json,
                Format::Docx,
                Format::Text,
            ];
            let formats = "term, html, markdown, text, json, docx";
            Format::from_path(path, &accepted, formats)?.unwrap_or(Format::Text)
        }
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) || args.context.is_some() => {
            Format::Term
        }
        None => Format::Text,
    })
}
