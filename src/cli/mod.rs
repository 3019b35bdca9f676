//! The command line: argument parsing and validation, then one call into
//! the library per command. `main → run → ExitCode`; errors are printed
//! once, here.

mod amend_cmd;
mod diff_cmd;
mod history_cmd;
mod output;
mod parse_cmd;

use crate::error::{Error, Result};
use crate::ingest::ReadOptions;
use crate::lang::Lang;
use crate::model::{self, ParseOptions, Resolution};
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
            eprintln!("redraft: {e}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Parse(args) => parse_cmd::run(&args),
        Command::Diff(args) => diff_cmd::run(&args),
        Command::Amend(args) => amend_cmd::run(&args),
        Command::History(args) => history_cmd::run(&args),
    }
}

/// How to read drafts: options shared by every command that reads one.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DraftArgs {
    /// Language of the drafts (detected when not given).
    #[arg(long, global = true)]
    pub lang: Option<Lang>,
}

impl DraftArgs {
    fn read_options(&self) -> ReadOptions {
        ReadOptions::default()
    }
}

/// Reads and parses a draft, naming the file in any error.
pub fn load(path: &Path, args: &DraftArgs) -> Result<Resolution> {
    let source = crate::ingest::read_with(path, &args.read_options())?;
    model::parse(&source.text, &ParseOptions { lang: args.lang }).map_err(|_| Error::NoStructure {
        path: path.to_path_buf(),
    })
}
