//! The command line: argument parsing and validation, then one call into
//! the library per command. `main → run → ExitCode`; errors are printed
//! once, here.

mod amend_cmd;
mod check_cmd;
mod conventions;
mod diff_cmd;
mod git_diff;
mod history_cmd;
pub mod order_hint;
mod output;
mod parse_cmd;
#[cfg(feature = "serve")]
mod serve;
mod split_cmd;

use crate::error::{Error, Result};
use crate::ingest::{InputKind, ReadOptions, Revisions};
use crate::lang::Lang;
use crate::model::{self, ParseOptions, Resolution, part};
use clap::{Parser, Subcommand};
use std::io::Write;
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
    #[command(after_help = EXAMPLES_PARSE)]
    Parse(parse_cmd::Args),
    /// Compare two versions of a draft: paragraphs aligned by content,
    /// words diffed inside each pair.
    #[command(after_help = EXAMPLES_DIFF)]
    Diff(diff_cmd::Args),
    /// Write the two versions of a Word document with tracked changes as
    /// plain-text drafts: DIR/<stem>.old.txt (all changes rejected) and
    /// DIR/<stem>.new.txt (all accepted).
    #[command(after_help = EXAMPLES_SPLIT)]
    SplitRevisions(split_cmd::Args),
    /// Check drafts: numbering, cross-references, document symbols,
    /// brackets, punctuation, repeated words, language versions.
    #[command(after_help = EXAMPLES_CHECK)]
    Check(check_cmd::Args),
    /// Apply a list of formal amendments to a draft: the amended draft
    /// (renumbered) or its redline.
    Amend(amend_cmd::Args),
    /// Trace successive versions of a draft: every paragraph's labels
    /// through the rounds, the round that brought in each word, and a
    /// cumulative redline with rounds.
    #[command(after_help = EXAMPLES_HISTORY)]
    History(history_cmd::Args),
    /// A page on this computer (127.0.0.1 only) to drop drafts on and get
    /// the redline, the findings, the Word redline and the amendments.
    #[cfg(feature = "serve")]
    #[command(after_help = conventions::EXAMPLES_SERVE)]
    Serve(serve::Args),
    /// A draft's text as redraft reads it (Word changes accepted, PDF page
    /// furniture removed): git's textconv for .docx and .pdf drafts.
    #[command(after_help = conventions::EXAMPLES_TEXT)]
    Text(conventions::TextArgs),
    /// The completion script of a shell (bash, zsh, fish, powershell).
    #[command(after_help = conventions::EXAMPLES_COMPLETIONS)]
    Completions(conventions::CompletionsArgs),
    /// The manual page (roff), generated from these definitions.
    #[command(after_help = conventions::EXAMPLES_MAN)]
    Man,
}

const EXAMPLES_PARSE: &str = "\
Examples:
  redraft parse draft.txt                  # outline: label, kind, first words
  redraft parse draft.docx --format json   # the parsed draft for programs
  pdftotext -layout l3.pdf - | redraft parse -   # a draft on standard input";

const EXAMPLES_DIFF: &str = "\
Examples:
  redraft diff old.txt new.txt                    # the changes, in the terminal
  redraft diff old.docx new.docx -o redline.html  # a page to print or send
  redraft diff old.txt new.txt --format docx -o redline.docx --summary
  redraft diff old.txt - < new.txt                # NEW from standard input";

const EXAMPLES_SPLIT: &str = "\
Examples:
  redraft split-revisions redline.docx -o versions   # versions/redline.old.txt, .new.txt
  redraft split-revisions projet.docx -o out --lang fr";

const EXAMPLES_CHECK: &str = "\
Examples:
  redraft check draft.txt                         # numbering, references, symbols
  redraft check new.txt --against old.txt         # references a renumbering broke
  redraft check new.txt --against old.txt --fix -o fixed.txt
  redraft check en.txt --parallel fr.txt          # language versions that disagree";

const EXAMPLES_HISTORY: &str = "\
Examples:
  redraft history v1.txt v2.txt v3.txt            # lineage of every paragraph
  redraft history v1.txt v2.txt v3.txt --format html -o history.html";

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
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args),
        Command::Text(args) => conventions::text(&args),
        Command::Completions(args) => conventions::completions(&args),
        Command::Man => conventions::man(),
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
    /// The most characters of text a Word document may expand to once
    /// read, list numbers and notes included; raise it for a genuinely
    /// huge document [default: 16000000].
    #[arg(long, global = true, value_name = "N")]
    pub max_chars: Option<usize>,
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
    pub(crate) fn read_options(&self) -> ReadOptions {
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
            limits: crate::ingest::limits::Limits {
                max_chars: self.max_chars.unwrap_or(crate::ingest::limits::MAX_CHARS),
                max_units: self.max_units,
            },
        }
    }
}

/// Refuses `-` (standard input) for more than one input: it can be read
/// once.
pub fn one_stdin(paths: &[&Path]) -> Result<()> {
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Error::Usage(
            "only one input can be standard input ('-')".to_string(),
        ));
    }
    Ok(())
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
    whole.metadata = source.metadata.clone();
    warn_without_structure(path, &whole);
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

/// Says on standard error that a draft without resolution structure is
/// read as plain paragraphs (see [`model::plain`]).
pub fn warn_without_structure(path: &Path, draft: &Resolution) {
    if !draft.has_structure() {
        let _ = writeln!(
            std::io::stderr().lock(),
            "redraft: {}: warning: no resolution structure found (no chapeau, preambular or numbered paragraphs); read as plain paragraphs",
            path.display()
        );
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
