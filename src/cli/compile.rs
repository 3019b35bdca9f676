//! `redraft compile BASE PROPOSAL... [-o FILE] [--format ...] [--by-author]
//! [--apply NAMES]`, and `redraft compile --apply NAMES COMPILATION`.

use super::output::Target;
use super::{DraftArgs, EXIT_OK, OutputArgs, load};
use redraft::compile::render::{self, Format};
use redraft::compile::{self, Compilation, authors, input};
use redraft::error::{Error, Result};
use redraft::model::{self, ParseOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Each PROPOSAL is NAME=FILE, or FILE named by its stem (EU.docx → EU): a delegation's
edited draft (text, Word, PDF), a list of amendments (as `redraft amend` reads them,
English, French or Spanish) tabled against BASE, or with --by-author a Word file whose
tracked changes by each author are that author's proposal.

Examples:
  redraft compile base.docx EU.docx G77.docx US=us-amendments.txt -o compilation.docx
  redraft compile base.txt EU.txt CANZ.txt --format html -o compilation.html
  redraft compile base.docx all-comments.docx --by-author --format markdown
  redraft compile --apply EU,CANZ compilation.docx    # the base with EU's and CANZ's proposals";

/// Arguments of `redraft compile`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The base draft, then the proposals (NAME=FILE or FILE); with
    /// --apply alone, one compilation (.json or .docx).
    #[arg(required = true, value_name = "BASE PROPOSAL")]
    inputs: Vec<String>,
    /// Output format [default: from the -o file's extension, or text].
    #[arg(long, value_enum)]
    format: Option<CompileFormat>,
    #[command(flatten)]
    out: OutputArgs,
    /// Read each Word proposal with tracked changes as one proposal per
    /// author of the changes.
    #[arg(long)]
    by_author: bool,
    /// Write the base with only these delegations' proposals applied
    /// (comma-separated; where they disagree the first named wins).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    apply: Vec<String>,
    #[command(flatten)]
    draft: DraftArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CompileFormat {
    /// A Word document: each delegation the author of its revisions.
    Docx,
    /// One page with a filter by delegation and counts.
    Html,
    /// Markdown in the negotiating convention.
    Markdown,
    /// Plain text in the negotiating convention.
    Text,
    /// The compilation and its summary (versioned schema).
    Json,
}

/// Runs `redraft compile`.
pub fn run(args: &Args) -> Result<u8> {
    let paths: Vec<PathBuf> = args
        .inputs
        .iter()
        .map(|a| input::Spec::parse(a).path)
        .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    super::one_stdin(&refs)?;
    let target = args.out.target(&refs)?;
    if !args.apply.is_empty() && args.inputs.len() == 1 {
        let text = apply_saved(Path::new(&args.inputs[0]), &args.apply, &args.draft)?;
        return write_text(&target, &text);
    }
    let compilation = compile(args)?;
    if !args.apply.is_empty() {
        let chosen = known(&compilation, &args.apply)?;
        let applied = compilation.apply(&chosen);
        warn_conflicts(&applied.conflicts);
        return write_text(&target, &applied.text);
    }
    let format = chosen_format(args)?;
    target.write(|out| render::render(&compilation, format, out))?;
    Ok(EXIT_OK)
}

/// Reads the base and every proposal and compiles them.
fn compile(args: &Args) -> Result<Compilation> {
    let (base_arg, proposals) = args
        .inputs
        .split_first()
        .ok_or_else(|| Error::Usage("no base draft given".into()))?;
    if proposals.is_empty() {
        return Err(Error::Usage(
            "no proposals given: redraft compile BASE PROPOSAL...".into(),
        ));
    }
    let base_path = Path::new(base_arg);
    let options = args.draft.load_options();
    let base = load(base_path, &options)?.into_resolution();
    let mut read: Vec<(String, model::Resolution)> = Vec::new();
    for arg in proposals {
        let spec = input::Spec::parse(arg);
        for (name, draft) in input::read(&spec, &base, &options, args.by_author)? {
            input::check_name(&name, &spec.path, &read)?;
            read.push((name, draft));
        }
    }
    Ok(compile::compile(
        &base_path.display().to_string(),
        &base,
        &read,
    ))
}

/// The names of --apply, each checked against the delegations.
fn known<'a>(c: &Compilation, names: &'a [String]) -> Result<Vec<&'a str>> {
    for name in names {
        if !c.delegations.contains(name) {
            return Err(Error::Usage(format!(
                "--apply: no delegation '{name}' (delegations: {})",
                c.delegations.join(", ")
            )));
        }
    }
    Ok(names.iter().map(String::as_str).collect())
}

/// The text of a saved compilation (JSON, or Word by revision author) with
/// some delegations' proposals applied.
fn apply_saved(path: &Path, names: &[String], draft: &DraftArgs) -> Result<String> {
    let bytes = redraft::ingest::text::read_bytes(path)?;
    let format = |message: String| Error::Format {
        path: path.to_path_buf(),
        message,
    };
    if redraft::ingest::docx::looks_like_docx(&bytes) {
        let chosen: Vec<&str> = names.iter().map(String::as_str).collect();
        let text =
            authors::read_only(&bytes, &|a| authors::names_any(a, &chosen)).map_err(format)?;
        let parsed = model::parse(&text, &ParseOptions { lang: draft.lang }).map_err(|_| {
            Error::NoStructure {
                path: path.to_path_buf(),
            }
        })?;
        return Ok(parsed.to_text());
    }
    let compilation: Compilation = serde_json::from_slice(&bytes).map_err(|e| {
        format(format!(
            "not a compilation (JSON written by redraft compile, or Word): {e}"
        ))
    })?;
    if compilation.version != compile::COMPILATION_VERSION {
        return Err(format(format!(
            "compilation schema version {} (this redraft reads {})",
            compilation.version,
            compile::COMPILATION_VERSION
        )));
    }
    let applied = compilation.apply(&known(&compilation, names)?);
    warn_conflicts(&applied.conflicts);
    Ok(applied.text)
}

fn warn_conflicts(labels: &[String]) {
    if !labels.is_empty() {
        let _ = writeln!(
            std::io::stderr().lock(),
            "redraft: warning: the delegations chosen disagree on {}; the first named wins there",
            labels.join(", ")
        );
    }
}

fn write_text(target: &Target, text: &str) -> Result<u8> {
    target.write(|out| out.write_all(text.as_bytes()))?;
    Ok(EXIT_OK)
}

/// The format asked for, or the -o file's extension's, or text.
fn chosen_format(args: &Args) -> Result<Format> {
    use redraft::render::Format as Named;
    if let Some(f) = args.format {
        return Ok(match f {
            CompileFormat::Docx => Format::Docx,
            CompileFormat::Html => Format::Html,
            CompileFormat::Markdown => Format::Markdown,
            CompileFormat::Text => Format::Text,
            CompileFormat::Json => Format::Json,
        });
    }
    let Some(path) = args.out.file() else {
        return Ok(Format::Text);
    };
    let accepted = [
        Named::Docx,
        Named::Html,
        Named::Markdown,
        Named::Text,
        Named::Json,
    ];
    let named = Named::from_path(path, &accepted, "docx, html, markdown, text, json")?;
    Ok(match named {
        Some(Named::Docx) => Format::Docx,
        Some(Named::Html) => Format::Html,
        Some(Named::Markdown) => Format::Markdown,
        Some(Named::Json) => Format::Json,
        _ => Format::Text,
    })
}
