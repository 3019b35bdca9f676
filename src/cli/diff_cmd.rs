//! `redraft diff OLD NEW [--format ...] [-o FILE]`.

use super::output::{Target, format_of};
use super::{ColorChoice, DraftArgs, EXIT_DIFFERENT, EXIT_OK, load_part};
use crate::diff::{self, Granularity};
use crate::error::{Error, Result};
use crate::render::docx::{DocxOptions, olddoc, word_bytes};
use crate::render::{self, Format, RenderOptions};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

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
    format: Option<DiffFormat>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Colour for the terminal format.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
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
    granularity: GranularityArg,
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
    amendment_lang: Option<crate::lang::Lang>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DiffFormat {
    /// Coloured for the terminal; unchanged paragraphs folded.
    Term,
    /// One self-contained page with a summary and the renumbering table.
    Html,
    /// ~~deleted~~ and **inserted**.
    Markdown,
    /// wdiff style: [-deleted-]{+inserted+}.
    Text,
    /// The aligned units and their word segments (documented schema).
    Json,
    /// A Word document whose tracked changes accept to NEW, reject to OLD.
    Docx,
    /// Formal amendments turning OLD into NEW, numbered as in OLD.
    Amendments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GranularityArg {
    /// Whole words change.
    Word,
    /// Inside a word replaced by a similar one, characters change.
    Char,
}

/// Runs `redraft diff`.
pub fn run(args: &Args) -> Result<u8> {
    if let Some(call) = super::git_diff::Call::parse(&args.old, &args.new, &args.git)? {
        let mut inner = args.clone();
        (inner.old, inner.new) = (call.old_file.clone(), call.new_file.clone());
        (inner.git, inner.names) = (Vec::new(), Some(call.names()));
        return call.run(|| run(&inner));
    }
    super::one_stdin(&[&args.old, &args.new])?;
    let target = Target::new(args.output.as_deref(), &[&args.old, &args.new])?;
    let format = format(args)?;
    if format == Some(Format::Docx) && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "refusing to write a Word document to the terminal; add -o FILE.docx".to_string(),
        ));
    }
    let part = args.draft.part.as_deref();
    let old = load_part(&args.old, &args.draft, args.old_part.as_deref().or(part))?;
    let new = load_part(&args.new, &args.draft, args.new_part.as_deref().or(part))?;
    if let Some(hint) = super::order_hint::hint(&old, &new, &args.old, &args.new) {
        eprintln!("redraft: {hint}");
    }
    let options = diff::Options {
        granularity: match args.granularity {
            GranularityArg::Word => Granularity::Word,
            GranularityArg::Char => Granularity::Char,
        },
    };
    let mut redline = diff::redline(&old, &new, &options);
    redline.old.name = args.old.display().to_string();
    redline.new.name = args.new.display().to_string();
    if let Some((old, new)) = &args.names {
        (redline.old.name, redline.new.name) = (old.clone(), new.clone());
    }
    let word = format == Some(Format::Docx);
    let (old_word, new_word) = (word_bytes(&args.old), word_bytes(&args.new));
    let notes = match (&old_word, &new_word) {
        (Some(o), Some(n)) => olddoc::changes(&redline, o, n, !args.ignore_formatting),
        _ => Vec::new(),
    };
    let render_options = RenderOptions {
        full: args.full,
        context: args.context.unwrap_or(1),
        color: color(args),
        width: args
            .output
            .is_none()
            .then(render::term::terminal_width)
            .flatten(),
        docx: DocxOptions {
            author: args.author.clone(),
            summary: args.summary,
            new_docx: new_word.filter(|_| word),
            old_docx: old_word.filter(|_| word),
            show_old_numbers: args.show_old_numbers,
            ignore_formatting: args.ignore_formatting,
            ..DocxOptions::default()
        },
    };
    match format {
        Some(format) => target.write(|out| {
            render::render(&redline, format, &render_options, out)?;
            olddoc::write_notes(&notes, format, out)
        })?,
        None => {
            // Formal amendments are made from the redline by the `amend`
            // module, then worded.
            let lang = args.amendment_lang.unwrap_or(redline.old.lang);
            let list = crate::amend::from_redline(&redline, Some(lang));
            target.write(|out| render::amendments::write_list(&list, lang, out))?
        }
    }
    Ok(if redline.has_changes() || !notes.is_empty() {
        EXIT_DIFFERENT
    } else {
        EXIT_OK
    })
}

/// The redline format asked for; `None` for formal amendments, which are
/// not a rendering of the redline but a list made from it.
fn format(args: &Args) -> Result<Option<Format>> {
    Ok(Some(match args.format {
        Some(f) => match f {
            DiffFormat::Term => Format::Term,
            DiffFormat::Html => Format::Html,
            DiffFormat::Markdown => Format::Markdown,
            DiffFormat::Text => Format::Text,
            DiffFormat::Json => Format::Json,
            DiffFormat::Docx => Format::Docx,
            DiffFormat::Amendments => return Ok(None),
        },
        None => match args.output.as_deref().filter(|p| p.as_os_str() != "-") {
            Some(path) => from_extension(path)?,
            None if std::io::stdout().is_terminal() || args.context.is_some() => Format::Term,
            None => Format::Text,
        },
    }))
}

/// The format an output file's extension asks for; an extension the tool
/// cannot write (`.pdf`) is an error rather than text under a wrong name.
fn from_extension(path: &Path) -> Result<Format> {
    let known: &[(&[&str], Format)] = &[
        (&["html", "htm"], Format::Html),
        (&["md", "markdown"], Format::Markdown),
        (&["json"], Format::Json),
        (&["docx"], Format::Docx),
        (&["txt", "text", "diff"], Format::Text),
    ];
    let formats = "term, html, markdown, text, json, docx";
    Ok(format_of(path, known, formats)?.unwrap_or(Format::Text))
}

/// Whether to colour (see [`ColorChoice::enabled`]).
fn color(args: &Args) -> bool {
    args.color.enabled(args.output.is_none())
}
