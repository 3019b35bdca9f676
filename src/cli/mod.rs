//! The command line: argument parsing and validation, then one call into
//! the library per command. `main → run → ExitCode`; errors are printed
//! once, here.

mod amend_cmd;
mod batch_cmd;
mod check_cmd;
mod compile;
mod conventions;
mod diff_cmd;
mod git_diff;
mod history_cmd;
mod output;
mod parse_cmd;
#[cfg(feature = "serve")]
mod serve;
mod split_cmd;

use clap::{Parser, Subcommand};
use redraft::error::{Error, Result};
use redraft::ingest::limits::{self, Limits};
use redraft::ingest::{InputKind, ReadOptions, Revisions};
use redraft::lang::Lang;
use redraft::{Draft, LoadOptions};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    /// Compile delegations' proposals on a base draft into one negotiating
    /// text, every change attributed.
    Compile(compile::Args),
    /// A page on this computer (127.0.0.1 only) to drop drafts on and get
    /// the redline, the findings, the Word redline and the amendments, or
    /// the compilation of delegations' proposals.
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
                redraft::render::escape::one_line(&e.to_string())
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
        Command::Compile(args) => compile::run(&args),
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
    /// or to a file: the one place colour is decided.
    pub fn enabled(self, to_stdout: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                to_stdout && !no_color && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Where output goes and whether it is coloured: options shared by every
/// command that writes a redline or a report.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OutputArgs {
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Colour for the terminal format.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

impl OutputArgs {
    /// The output file, if one is given (`-o -` is standard output).
    pub fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| p.as_os_str() != "-")
    }

    /// Whether output goes to standard output and that is a terminal.
    pub fn to_terminal(&self) -> bool {
        self.file().is_none() && std::io::stdout().is_terminal()
    }

    /// Whether to colour (see [`ColorChoice::enabled`]).
    pub fn colored(&self) -> bool {
        self.color.enabled(self.output.is_none())
    }

    /// The target for the output, refusing a file that is one of `inputs`.
    pub fn target(&self, inputs: &[&Path]) -> Result<output::Target> {
        output::Target::new(self.output.as_deref(), inputs)
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
    pub revisions: Revisions,
    /// What the input files are [default: auto: Word or PDF by their first
    /// bytes, text extracted from a PDF by its look, else a plain-text
    /// draft].
    #[arg(long, value_enum, global = true, default_value = "auto")]
    pub input: InputKind,
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
    #[arg(long, global = true, value_name = "N", default_value_t = redraft::model::MAX_UNITS)]
    pub max_units: usize,
}

impl DraftArgs {
    /// The library's options for loading a draft.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            read: ReadOptions {
                input: self.input,
                revisions: self.revisions,
                limits: Limits {
                    max_chars: self.max_chars.unwrap_or(limits::MAX_CHARS),
                    max_units: self.max_units,
                },
            },
            lang: self.lang,
            part: self.part.clone(),
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

/// Loads a draft (see [`redraft::load`]) and says on standard error when
/// it has no resolution structure.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Draft> {
    let draft = redraft::load(path, options)?;
    warn_without_structure(&draft);
    Ok(draft)
}

/// Says on standard error that a draft without resolution structure is
/// read as plain paragraphs (see [`redraft::model::plain`]).
pub fn warn_without_structure(draft: &Draft) {
    if !draft.structured {
        let _ = writeln!(
            std::io::stderr().lock(),
            "redraft: {}: warning: no resolution structure found (no chapeau, preambular or numbered paragraphs); read as plain paragraphs",
            draft.name
        );
    }
}
