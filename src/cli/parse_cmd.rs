//! `redraft parse FILE [--format outline|json]`.

use super::output::Target;
use super::{DraftArgs, EXIT_OK, load};
use redraft::error::Result;
use redraft::model::{Resolution, UnitKind};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `redraft parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The draft: plain text, Word (.docx), PDF, or text copied from a
    /// PDF; `-` reads standard input.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "outline")]
    format: ParseFormat,
    #[command(flatten)]
    draft: DraftArgs,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ParseFormat {
    /// One line per unit: label, kind, first words.
    Outline,
    /// The whole model as JSON.
    Json,
}

/// Runs `redraft parse`.
pub fn run(args: &Args) -> Result<u8> {
    let resolution = load(&args.file, &args.draft.load_options())?.into_resolution();
    let target = Target::new(args.output.as_deref(), &[&args.file])?;
    target.write(|out| match args.format {
        ParseFormat::Outline => outline(&resolution, out),
        ParseFormat::Json => {
            let text = serde_json::to_string_pretty(&resolution).map_err(std::io::Error::other)?;
            out.write_all(text.as_bytes())?;
            writeln!(out)
        }
    })?;
    Ok(EXIT_OK)
}

/// Writes one line per unit: label, kind, marker and first words.
pub fn outline(r: &Resolution, out: &mut dyn Write) -> std::io::Result<()> {
    let count = |k| r.of_kind(k).count();
    if !r.metadata.is_empty() {
        writeln!(out, "# {}", r.metadata.describe())?;
    }
    writeln!(
        out,
        "# language {}; {} preambular, {} operative, {} subparagraphs, {} headings, {} footnotes",
        r.lang,
        count(UnitKind::Preambular),
        count(UnitKind::Operative),
        count(UnitKind::Subparagraph),
        count(UnitKind::Heading),
        count(UnitKind::Footnote)
    )?;
    let parts = r.parts();
    if parts.len() > 1 || parts.first().is_some_and(Option::is_some) {
        let described: Vec<String> = parts
            .iter()
            .map(|p| describe_part(r, p.as_deref()))
            .collect();
        writeln!(out, "# parts: {}", described.join("; "))?;
    }
    for unit in &r.units {
        let depth = depth(r, unit.parent);
        let indent = "  ".repeat(depth);
        let first =
            redraft::render::escape::one_line(&first_words(&unit.to_block(), 60)).into_owned();
        writeln!(
            out,
            "{:<20} {:<12} {indent}{first}",
            unit.label,
            unit.kind.name()
        )?;
    }
    Ok(())
}

/// `ANNEX-I (resolution: 12 preambular, 40 operative)`, `main (25
/// numbered paragraphs)`, `ANNEX-III (1 table)`.
fn describe_part(r: &Resolution, part: Option<&str>) -> String {
    let in_part = |k: UnitKind| {
        r.units
            .iter()
            .filter(|u| u.part.as_deref() == part && u.kind == k)
            .count()
    };
    let numbered = r
        .units
        .iter()
        .filter(|u| {
            u.part.as_deref() == part && u.kind == UnitKind::Paragraph && u.number.is_some()
        })
        .count();
    let mut what = Vec::new();
    let (pp, op, tables) = (
        in_part(UnitKind::Preambular),
        in_part(UnitKind::Operative),
        in_part(UnitKind::Table),
    );
    if in_part(UnitKind::Chapeau) > 0 {
        what.push(format!("resolution: {pp} preambular, {op} operative"));
    } else if op > 0 {
        what.push(format!("{op} operative paragraphs"));
    }
    if numbered > 0 {
        what.push(format!("{numbered} numbered paragraphs"));
    }
    if tables > 0 {
        what.push(format!(
            "{tables} table{}",
            if tables > 1 { "s" } else { "" }
        ));
    }
    format!(
        "{} ({})",
        redraft::model::part::display(part),
        what.join(", ")
    )
}

fn depth(r: &Resolution, mut parent: Option<usize>) -> usize {
    let mut depth = 0;
    while let Some(p) = parent {
        depth += 1;
        parent = r.units.get(p).and_then(|u| u.parent);
    }
    depth
}

/// The start of a text, cut at a word boundary near `max` characters.
fn first_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(p) if p > max / 2 => cut[..p].to_string(),
        _ => cut,
    };
    format!("{cut} …")
}
