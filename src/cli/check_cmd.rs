//! `redraft check FILE... [--against OLD] [--parallel OTHER] [--format …]
//! [--deny RULE] [--allow RULE] [--final] [--fix -o FILE | --in-place]`.

use super::output::Target;
use super::{ColorChoice, DraftArgs, EXIT_DIFFERENT, EXIT_OK};
use redraft::LoadOptions;
use redraft::check::{self, Document, Inputs, Options, Rule, Severity, fix, stale};
use redraft::error::{Error, Result};
use redraft::lang::Lang;
use redraft::render::findings::{self as report, FileReport, Format, Report};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `redraft check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The drafts to check: plain text, Word (.docx), PDF, or text copied
    /// from a PDF; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The previous version: report references that still carry their
    /// target's old number (xref-stale).
    #[arg(long, value_name = "OLD")]
    against: Option<PathBuf>,
    /// The same draft in another language: report differences of
    /// structure, references, symbols and figures (parallel).
    #[arg(long, value_name = "OTHER")]
    parallel: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Report every finding of RULE as an error (repeatable).
    #[arg(long, value_name = "RULE")]
    deny: Vec<Rule>,
    /// Do not report RULE at all (repeatable).
    #[arg(long, value_name = "RULE")]
    allow: Vec<Rule>,
    /// The text goes to adoption: bracketed and placeholder text are errors.
    #[arg(long = "final")]
    final_text: bool,
    /// Exit with 1 when a finding at or above this severity is left.
    #[arg(long, value_name = "SEVERITY", default_value = "error")]
    fail_on: Severity,
    /// Rewrite stale references (needs --against), to -o FILE or in place.
    #[arg(long, requires = "against")]
    fix: bool,
    /// With --fix: write the fixed draft to this file (atomically).
    #[arg(short, long, requires = "fix", conflicts_with = "in_place")]
    output: Option<PathBuf>,
    /// With --fix: overwrite FILE (atomically).
    #[arg(long, requires = "fix")]
    in_place: bool,
    /// Colour for the human format.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    #[command(flatten)]
    draft: DraftArgs,
}

/// Runs `redraft check`.
pub fn run(args: &Args) -> Result<u8> {
    validate(args)?;
    let destination = destination(args)?;
    let inputs = Loaded::read(args)?;
    let mut report = check_all(args, &inputs);
    if let (Some(path), Some(old), Some(doc), Some(file)) = (
        destination,
        &inputs.old,
        inputs.docs.first(),
        report.files.first_mut(),
    ) {
        apply_fixes(old, doc, &args.files[0], &path, args.in_place)?;
        mark_fixed(&mut file.findings);
    }
    let color = color(args);
    let render = |out: &mut dyn Write| report::render(&report, args.format, color, out);
    if fixes_to_stdout(args) {
        // `--fix -o -`: the fixed draft is standard output; the report goes
        // to standard error.
        render(&mut std::io::stderr().lock()).map_err(|source| Error::Write {
            path: PathBuf::from("<stderr>"),
            source,
        })?;
    } else {
        Target::Stdout.write(render)?;
    }
    Ok(if report.fails(args.fail_on) {
        EXIT_DIFFERENT
    } else {
        EXIT_OK
    })
}

/// Every draft the command line names, read and parsed.
struct Loaded {
    docs: Vec<Document>,
    old: Option<Document>,
    other: Option<Document>,
}

impl Loaded {
    fn read(args: &Args) -> Result<Loaded> {
        let lang = args.draft.lang;
        // A folder stands for its drafts; all are read on both cores.
        let files = super::batch_cmd::expand(&args.files)?;
        let docs = redraft::parallel::map_each(&files, |f| load(f, lang, args))
            .into_iter()
            .collect::<Result<Vec<_>>>()?;
        let old = args
            .against
            .as_deref()
            .map(|p| load(p, lang, args))
            .transpose()?;
        // The other language version is always detected.
        let other = args
            .parallel
            .as_deref()
            .map(|p| load(p, None, args))
            .transpose()?;
        Ok(Loaded { docs, old, other })
    }
}

/// The findings of every FILE, in command-line order.
fn check_all(args: &Args, loaded: &Loaded) -> Report {
    let inputs = Inputs {
        against: loaded.old.as_ref(),
        parallel: loaded.other.as_ref(),
    };
    let options = Options {
        final_text: args.final_text,
        deny: args.deny.clone(),
        allow: args.allow.clone(),
    };
    let files = loaded
        .docs
        .iter()
        .map(|doc| FileReport {
            name: doc.name.clone(),
            lang: doc.resolution.lang,
            findings: check::check(doc, &inputs, &options),
        })
        .collect();
    Report { files }
}

/// Combinations clap cannot express.
fn validate(args: &Args) -> Result<()> {
    let single = args.against.is_some() || args.parallel.is_some() || args.fix;
    if single && (args.files.len() > 1 || args.files.iter().any(|f| f.is_dir())) {
        return Err(Error::Usage(
            "--against, --parallel and --fix take a single FILE".to_string(),
        ));
    }
    let mut inputs: Vec<&std::path::Path> = args.files.iter().map(|p| p.as_path()).collect();
    inputs.extend(args.against.as_deref());
    inputs.extend(args.parallel.as_deref());
    super::one_stdin(&inputs)?;
    if args.fix && args.files.iter().any(|f| f.as_os_str() == "-") {
        return Err(Error::Usage(
            "--fix rewrites a file: give its name, not standard input ('-')".to_string(),
        ));
    }
    if args.fix && args.output.is_none() && !args.in_place {
        return Err(Error::Usage(
            "--fix writes the fixed draft to -o FILE or, with --in-place, over FILE".to_string(),
        ));
    }
    Ok(())
}

/// Where `--fix` writes: `-o FILE` (never an input), standard output
/// (`-o -`) or FILE itself.
fn destination(args: &Args) -> Result<Option<Target>> {
    if !args.fix {
        return Ok(None);
    }
    if args.in_place {
        return Ok(args.files.first().cloned().map(Target::File));
    }
    let mut inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.against.as_deref());
    inputs.extend(args.parallel.as_deref());
    Target::new(args.output.as_deref(), &inputs).map(Some)
}

/// `--fix -o -`.
fn fixes_to_stdout(args: &Args) -> bool {
    args.fix && args.output.as_deref().is_some_and(|p| p.as_os_str() == "-")
}

/// Loads a draft for checking (`lang`: its language, if known).
fn load(path: &Path, lang: Option<Lang>, args: &Args) -> Result<Document> {
    let options = LoadOptions {
        lang,
        ..args.draft.load_options()
    };
    let draft = super::load(path, &options)?;
    Ok(
        Document::with_boundaries(draft.name, draft.text, draft.resolution, &draft.boundaries)
            .with_origin(draft.origin),
    )
}

/// Rewrites the stale references of `doc` (read from `file`) and writes
/// the result to `to`; in place, an unchanged file is left untouched.
fn apply_fixes(
    old: &Document,
    doc: &Document,
    file: &Path,
    to: &Target,
    in_place: bool,
) -> Result<()> {
    if doc.is_rebuilt() {
        return Err(Error::Usage(format!(
            "{}: --fix rewrites plain-text drafts; this one was rebuilt from text extracted from a PDF",
            file.display()
        )));
    }
    let edits = stale::check(old, doc).edits;
    if in_place && edits.is_empty() {
        return Ok(());
    }
    let bytes = std::fs::read(file).map_err(|source| Error::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let fixed = fix::apply(&bytes, &doc.text, &edits).map_err(|e| fix::error(file, e))?;
    to.write(|out| out.write_all(&fixed))
}

/// Stale references that `--fix` rewrote (those with a suggestion).
fn mark_fixed(findings: &mut [check::Finding]) {
    for f in findings {
        if f.rule == Rule::XrefStale && f.suggestion.is_some() {
            f.fixed = true;
        }
    }
}

/// Whether to colour (see [`ColorChoice::enabled`]): the report goes to
/// standard output (or standard error), never to `-o`.
fn color(args: &Args) -> bool {
    args.color.enabled(true)
}
