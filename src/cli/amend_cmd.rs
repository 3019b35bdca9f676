//! `redraft amend DRAFT AMENDMENTS [-o OUT] [--format ...] [--partial]`.

use super::output::Target;
use super::{DraftArgs, EXIT_DIFFERENT, EXIT_OK, OutputArgs, load};
use redraft::amend::{self, Applied};
use redraft::diff;
use redraft::error::{Error, Result};
use redraft::model::{self, ParseOptions, Resolution};
use redraft::render::escape::one_line;
use redraft::render::{self, Format, RenderOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

const FORMS: &str = "\
Amendments, one per line (English, French or Spanish), paragraphs numbered as in DRAFT:
  Preambular paragraph 4: replace \"36\" with \"37\".
  Operative paragraph 2: after \"the Court\", replace \"of\" with \"by\".
  Operative paragraph 2: replace the second occurrence of \"de\" with \"du\".
  Operative paragraph 5: after \"report\", insert \"annual\".   (or: before \"...\", insert)
  Operative paragraph 5: delete \"urgently\".
  Replace operative paragraph 32 with the following: \"...\"
  After operative paragraph 15, insert a new operative paragraph reading: \"...\"
  (\"a new paragraph\" is read as the kind of paragraph it stands beside)
  Delete operative paragraph 7.
  Move operative paragraph 9 to follow operative paragraph 12.
  Insert a new footnote 10 reading: \"...\"
  Quatrième alinéa du préambule : remplacer « 36 » par « 37 ».
  Après le paragraphe 15 du dispositif, insérer le nouveau paragraphe suivant : « ... »
  Párrafo 2 de la parte dispositiva: sustitúyase «13» por «12».
  Suprímase el párrafo 7 de la parte dispositiva.
A quotation may continue on the following lines. Exit: 0 all applied; 1 some did not apply
(each reported with its line; nothing written unless --partial); 2 unreadable input, or a
list that would lose text (a unit it places or rewords deleted with another): nothing written.

Examples:
  redraft amend draft.txt amendments.txt -o amended.txt
  redraft amend draft.txt amendments.txt --format html -o redline.html
  redraft diff old.txt new.txt --format amendments | redraft amend old.txt -";

/// Arguments of `redraft amend`.
#[derive(Debug, clap::Args)]
#[command(after_help = FORMS)]
pub struct Args {
    /// The draft amended.
    draft: PathBuf,
    /// The list of amendments.
    amendments: PathBuf,
    /// Output: the amended draft (text) or its redline [default: text, or
    /// from the -o file's extension].
    #[arg(long, value_enum)]
    format: Option<AmendFormat>,
    #[command(flatten)]
    out: OutputArgs,
    /// Write the draft with the amendments that apply even when some do
    /// not.
    #[arg(long)]
    partial: bool,
    #[command(flatten)]
    draft_args: DraftArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum AmendFormat {
    /// The amended draft, in the normal form.
    Text,
    /// The redline of DRAFT → amended draft, for a terminal.
    Term,
    /// The redline as an HTML page.
    Html,
    /// The redline in Markdown.
    Markdown,
    /// The redline as JSON.
    Json,
}

/// Runs `redraft amend`.
pub fn run(args: &Args) -> Result<u8> {
    super::one_stdin(&[&args.draft, &args.amendments])?;
    let target = args.out.target(&[&args.draft, &args.amendments])?;
    let draft = load(&args.draft, &args.draft_args.load_options())?.into_resolution();
    let list = read_list(&args.amendments)?;
    let applied = amend::apply(&draft, &list);
    report(&args.amendments, &applied);
    if let Some(f) = applied.unfaithful.clone() {
        return Err(unfaithful(&args.amendments, f));
    }
    if !applied.failures.is_empty() && !args.partial {
        return Ok(EXIT_DIFFERENT);
    }
    warn_stale(&args.draft, &applied);
    let amended = model::parse(
        &applied.text,
        &ParseOptions {
            lang: Some(draft.lang),
        },
    )
    .map_err(|_| Error::Format {
        path: args.draft.clone(),
        message: "the amendments leave no resolution structure".into(),
    })?;
    write(args, &target, &draft, &amended)?;
    Ok(if applied.failures.is_empty() {
        EXIT_OK
    } else {
        EXIT_DIFFERENT
    })
}

/// One warning on standard error per cross-reference the amendments left
/// wrong and that could not be rewritten (the others `amend::apply`
/// updated).
fn warn_stale(path: &Path, applied: &Applied) {
    let mut err = std::io::stderr().lock();
    for s in &applied.stale_references {
        let _ = writeln!(
            err,
            "redraft: {}: warning: {}: {}",
            one_line(&path.display().to_string()),
            s.label,
            one_line(&s.message)
        );
    }
}

/// Reads and parses a list of amendments, naming the file and line in any
/// error.
fn read_list(path: &Path) -> Result<Vec<amend::Amendment>> {
    let source = redraft::ingest::read(path)?;
    amend::parse(&source.text).map_err(|e| Error::Amendments {
        path: path.to_path_buf(),
        line: e.line,
        message: e.message,
    })
}

/// The error of a list that cannot be applied faithfully: nothing is
/// written, rather than a draft short of text (exit 2).
fn unfaithful(path: &Path, f: amend::Failure) -> Error {
    let message = format!(
        "cannot be applied faithfully: {}; nothing written",
        f.reason
    );
    match f.line {
        0 => Error::Format {
            path: path.to_path_buf(),
            message,
        },
        line => Error::Amendments {
            path: path.to_path_buf(),
            line,
            message,
        },
    }
}

/// One line on standard error per amendment that does not apply.
fn report(path: &Path, applied: &Applied) {
    let mut err = std::io::stderr().lock();
    for f in &applied.failures {
        let _ = writeln!(
            err,
            "redraft: {}:{}: does not apply: {}",
            one_line(&path.display().to_string()),
            f.line,
            one_line(&f.reason)
        );
    }
}

fn write(args: &Args, target: &Target, draft: &Resolution, amended: &Resolution) -> Result<()> {
    let format = match args.format {
        Some(AmendFormat::Text) => None,
        Some(AmendFormat::Term) => Some(Format::Term),
        Some(AmendFormat::Html) => Some(Format::Html),
        Some(AmendFormat::Markdown) => Some(Format::Markdown),
        Some(AmendFormat::Json) => Some(Format::Json),
        None => from_extension(args.out.file())?,
    };
    let Some(format) = format else {
        let text = amended.to_text();
        return target.write(|out| out.write_all(text.as_bytes()));
    };
    let mut redline = diff::redline(draft, amended, &diff::Options::default());
    redline.old.name = args.draft.display().to_string();
    redline.new.name = format!("{} (amended)", args.draft.display());
    let options = RenderOptions {
        color: format == Format::Term && args.out.colored(),
        ..RenderOptions::default()
    };
    target.write(|out| render::render(&redline, format, &options, out))
}

/// The format `-o`'s extension asks for: `None` for the amended draft
/// itself (`.txt` or no extension).
fn from_extension(path: Option<&Path>) -> Result<Option<Format>> {
    let Some(path) = path else {
        return Ok(None);
    };
    let accepted = [Format::Html, Format::Markdown, Format::Json, Format::Text];
    let formats = "text, term, html, markdown, json";
    Ok(Format::from_path(path, &accepted, formats)?.filter(|f| *f != Format::Text))
}
