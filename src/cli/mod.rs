//! The command line: argument parsing and validation, then one call into
//! the library per command. `main → run → ExitCode`; errors are printed
//! once, here.

mod amend_cmd;
mod check_cmd;
mod diff_cmd;
mod history_cmd;
mod output;
mod parse_cmd;
mod split_cmd;

use crate::error::{Error, Result};
use crate::ingest::{InputKind, ReadOptions, Revisions};
use crate::lang::Lang;
use crate::model::{self, ParseOptions, Resolution, part};
use clap::{Parser, Subcommand};
use std::path::Path;
use std::process::ExitCode;

/// Exit code: no differences, no findings.
pub const EXIT_OK: u8 = 0;
/// Exit code: differences (diff) or findings (check).
pub const EXIT_DIFFERENT: u8 = 1;
/// Exit code: trouble (unreadable input, bad arguments).
pub const EXIT_TROUBLE: u8 = 2;

/// redraft: parse resolution drafts, align their paragraphs across
/// versions, and produce redlines.
#[derive(Debug, Parser)]
#[command(name = "redraft", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse a draft and list its units (title, chapeau, preambular and
    /// operative paragraphs, headings, annexes, footnotes).
    Parse(parse_cmd::Args),
    /// Compare two versions of a draft: paragraphs aligned by content,
    /// words diffed inside each pair.
    Diff(diff_cmd::Args),
    /// Write the two versions of a Word document with tracked changes as
    /// plain-text drafts: DIR/<stem>.old.txt (all changes rejected) and
    /// DIR/<stem>.new.txt (all accepted).
    SplitRevisions(split_cmd::Args),
    /// Check drafts: numbering, cross-references, document symbols,
    /// brackets, punctuation, repeated words, language versions.
    Check(check_cmd::Args),
    /// Apply a list of formal amendments to a draft: the amended draft
    /// (renumbered) or its redline.
    Amend(amend_cmd::Args),
    /// Trace successive versions of a draft: every paragraph's labels
    /// through the rounds, the round that brought in each word, and a
    /// cumulative redline with rounds.
    History(history_cmd::Args),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!(
                "redraft: {}",
                crate::render::escape::one_line(&e.to_string())
            );
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Parse(args) => parse_cmd::run(&args),
        Command::Diff(args) => diff_cmd::run(&args),
        Command::SplitRevisions(args) => split_cmd::run(&args),
        Command::Check(args) => check_cmd::run(&args),
        Command::Amend(args) => amend_cmd::run(&args),
        Command::History(args) => history_cmd::run(&args),
    }
}

/// `--color auto|always|never`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour output that goes to standard output (`to_stdout`)
    /// or to a file.
    pub fn enabled(self, to_stdout: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                to_stdout && !no_color && std::io::IsTerminal::is_terminal(&std::io::stdout())
            }
        }
    }
}

/// How to read drafts: options shared by every command that reads one.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DraftArgs {
    /// Language of the drafts (detected when not given).
    #[arg(long, global = true)]
    pub lang: Option<Lang>,
    /// Word documents with tracked changes: read them as if every change
    /// were accepted (the default) or rejected.
    #[arg(long, value_enum, global = true, default_value = "accept")]
    pub revisions: RevisionsArg,
    /// What the input files are [default: auto: Word or PDF by their first
    /// bytes, text extracted from a PDF by its look, else a plain-text
    /// draft].
    #[arg(long, value_enum, global = true, default_value = "auto")]
    pub input: InputArg,
    /// Work on one part of each document: `main`, or an annex
    /// (`"Annexe I"`, `"Annex II"`, `ANNEX-II`).
    #[arg(long, global = true)]
    pub part: Option<String>,
    /// The most units (paragraphs, headings, footnotes) a document may
    /// have: past it, the document is refused rather than outgrowing
    /// memory (README, "Security and limits").
    #[arg(long, global = true, value_name = "N", default_value_t = crate::model::MAX_UNITS)]
    pub max_units: usize,
}

/// `--revisions accept|reject`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum RevisionsArg {
    /// Every tracked change accepted.
    #[default]
    Accept,
    /// Every tracked change rejected.
    Reject,
}

/// `--input auto|text|pdf-text|pdf|docx`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum InputArg {
    /// Decide from the file.
    #[default]
    Auto,
    /// A plain-text draft.
    Text,
    /// Text extracted from a PDF.
    PdfText,
    /// A PDF file (through pdftotext).
    Pdf,
    /// A Word document.
    Docx,
}

impl DraftArgs {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            input: match self.input {
                InputArg::Auto => InputKind::Auto,
                InputArg::Text => InputKind::Text,
                InputArg::PdfText => InputKind::PdfText,
                InputArg::Pdf => InputKind::Pdf,
                InputArg::Docx => InputKind::Docx,
            },
            revisions: match self.revisions {
                RevisionsArg::Accept => Revisions::Accept,
                RevisionsArg::Reject => Revisions::Reject,
            },
        }
    }
}

/// Reads and parses a draft, naming the file in any error; with `--part`,
/// only that part.
pub fn load(path: &Path, args: &DraftArgs) -> Result<Resolution> {
    load_part(path, args, args.part.as_deref())
}

/// Reads and parses a draft and takes one part of it (all of it if `part`
/// is `None`).
pub fn load_part(path: &Path, args: &DraftArgs, part: Option<&str>) -> Result<Resolution> {
    let source = crate::ingest::read_with(path, &args.read_options())?;
    text_within_budget(path, &source.text, args.max_units)?;
    let mut whole =
        model::parse(&source.text, &ParseOptions { lang: args.lang }).map_err(|_| {
            Error::NoStructure {
                path: path.to_path_buf(),
            }
        })?;
    within_budget(path, &whole, args.max_units)?;
    if let Some(origin) = &source.origin {
        whole
            .units
            .iter_mut()
            .for_each(|u| u.line = origin.line(u.line));
    }
    match part {
        Some(name) => pick_part(path, &whole, name),
        None => Ok(whole),
    }
}

/// Refuses a document with more units than `--max-units`.
pub fn within_budget(path: &Path, r: &Resolution, budget: usize) -> Result<()> {
    refuse_past(path, r.units.len(), budget)
}

/// Refuses a text with more blocks (runs of non-blank lines) than
/// `--max-units`, before it is parsed: each block is at least one unit, so
/// a million one-line paragraphs are refused at once.
pub fn text_within_budget(path: &Path, text: &str, budget: usize) -> Result<()> {
    let mut blocks = 0;
    let mut blank = true;
    for line in text.lines() {
        let now_blank = line.trim().is_empty();
        if blank && !now_blank {
            blocks += 1;
        }
        blank = now_blank;
    }
    refuse_past(path, blocks, budget)
}

fn refuse_past(path: &Path, units: usize, budget: usize) -> Result<()> {
    if units > budget {
        return Err(Error::TooManyUnits {
            path: path.to_path_buf(),
            units,
            budget,
        });
    }
    Ok(())
}

/// One part of a parsed document, by the name a user gave (`"Annexe I"`);
/// an unknown name is an error listing the parts there are.
pub fn pick_part(path: &Path, whole: &Resolution, name: &str) -> Result<Resolution> {
    let available = || {
        let names: Vec<String> = whole
            .parts()
            .iter()
            .map(|p| part::display(p.as_deref()).to_string())
            .collect();
        names.join(", ")
    };
    let label = part::resolve(name).ok_or_else(|| Error::Format {
        path: path.to_path_buf(),
        message: format!("'{name}' is not a part name (parts: {})", available()),
    })?;
    whole.part(label.as_deref()).ok_or_else(|| Error::Format {
        path: path.to_path_buf(),
        message: format!("no part '{name}' (parts: {})", available()),
    })
}
