//! Loading a draft: bytes → [`Draft`], the one way every command and
//! library user reads one.
//!
//! [`load`] reads a file, [`load_bytes`] bytes from elsewhere (a version in
//! git); both then take the same steps:
//!
//! 1. **read**: detect what the bytes are (Word, PDF, text extracted from a
//!    PDF, plain text) and read them as a draft's text ([`crate::ingest`]);
//! 2. **budget**: refuse a text with more blocks than `max_units` before
//!    parsing it;
//! 3. **parse**: the text → a [`Resolution`] ([`super::parse`]), with the
//!    masthead's metadata;
//! 4. **part**: with [`LoadOptions::part`], keep only that part (`main`,
//!    `Annex II`), an unknown name being an error that lists the parts.
//!
//! The [`Draft`] keeps the text it was parsed from and, for text rebuilt
//! from a PDF, the map back to the file's lines ([`Draft::origin`]);
//! [`Draft::into_resolution`] gives the parsed draft with every unit's line
//! as the file numbers it.
//!
//! ```
//! use redraft::{LoadOptions, load_bytes};
//! use std::path::Path;
//! let text = "The General Assembly,\n\n1. Decides to act.\n";
//! let name = Path::new("draft.txt");
//! let draft = load_bytes(name, name, text.as_bytes(), &LoadOptions::default()).unwrap();
//! assert_eq!(draft.resolution.units.last().unwrap().label, "OP1");
//! ```

use super::{ParseOptions, Resolution, part};
use crate::error::{Error, Result};
use crate::ingest::{self, ReadOptions, Source, origin::Origin};
use crate::lang::Lang;
use std::path::Path;

/// How to load a draft.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// What the input is, tracked changes accepted or rejected, and what
    /// one document may produce.
    pub read: ReadOptions,
    /// The draft's language (detected when `None`).
    pub lang: Option<Lang>,
    /// One part of the document (`main`, `Annex II`, `ANNEX-II`), or all.
    pub part: Option<String>,
}

impl LoadOptions {
    /// The same options for another part (`None`: the whole document).
    pub fn with_part(&self, part: Option<&str>) -> LoadOptions {
        LoadOptions {
            part: part.map(str::to_string),
            ..self.clone()
        }
    }
}

/// A draft as loaded: its name, its text, and the draft parsed from it.
#[derive(Debug, Clone)]
pub struct Draft {
    /// How messages call the draft (its path, or a version's name).
    pub name: String,
    /// The text the draft was parsed from, the whole document (`\n` line
    /// ends).
    pub text: String,
    /// The parsed draft (the part asked for, or all of it); each unit's
    /// line is a line of [`Draft::text`].
    pub resolution: Resolution,
    /// The line where every unit of the whole document starts, part or
    /// not: a unit ends where the next unit of the document starts.
    pub boundaries: Vec<usize>,
    /// For text rebuilt from a PDF, where its lines came from in the file.
    pub origin: Option<Origin>,
    /// Whether the whole document was read with the structure of a
    /// resolution, or (`false`) as plain paragraphs (see [`super::plain`]).
    pub structured: bool,
}

impl Draft {
    /// The parsed draft with each unit's line as the file the user opened
    /// numbers it (for text rebuilt from a PDF, the line it came from).
    pub fn into_resolution(self) -> Resolution {
        let mut resolution = self.resolution;
        if let Some(origin) = &self.origin {
            for unit in &mut resolution.units {
                unit.line = origin.line(unit.line);
            }
        }
        resolution
    }
}

/// Reads and parses the draft at `path` (`-`: standard input), naming the
/// file in any error.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Draft> {
    let source = ingest::read_with(path, &options.read)?;
    from_source(path, source, options)
}

/// Reads and parses a draft from bytes: `name` is how messages call it,
/// `file` the file name it was stored under (its extension counts, as for
/// a file on disk). See [`ingest::read_bytes`].
pub fn load_bytes(name: &Path, file: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Draft> {
    let source = ingest::read_bytes(name, file, bytes, &options.read)?;
    from_source(name, source, options)
}

/// Parses a read draft and takes the part asked for.
fn from_source(path: &Path, source: Source, options: &LoadOptions) -> Result<Draft> {
    let budget = options.read.limits.max_units;
    text_within_budget(path, &source.text, budget)?;
    let parse = ParseOptions { lang: options.lang };
    let mut whole = super::parse(&source.text, &parse).map_err(|_| Error::NoStructure {
        path: path.to_path_buf(),
    })?;
    whole.metadata = source.metadata;
    refuse_past(path, whole.units.len(), budget)?;
    let boundaries = whole.units.iter().map(|u| u.line).collect();
    let structured = whole.has_structure();
    let resolution = match &options.part {
        Some(name) => pick_part(path, &whole, name)?,
        None => whole,
    };
    Ok(Draft {
        name: source.name,
        text: source.text,
        resolution,
        boundaries,
        origin: source.origin,
        structured,
    })
}

/// Refuses a text with more blocks (runs of non-blank lines) than the
/// budget, before it is parsed: each block is at least one unit, so a
/// million one-line paragraphs are refused at once.
fn text_within_budget(path: &Path, text: &str, budget: usize) -> Result<()> {
    // A block is a line at least: a text of no more lines than the budget
    // is within it, whatever its blocks (counting line ends is a vector
    // search; reading each line cost more, issue 14).
    let lines = memchr::memchr_iter(b'\n', text.as_bytes())
        .take(budget)
        .count()
        + 1;
    if lines <= budget {
        return Ok(());
    }
    let mut blocks = 0;
    let mut blank = true;
    for line in crate::text::lines::lines(text) {
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
fn pick_part(path: &Path, whole: &Resolution, name: &str) -> Result<Resolution> {
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

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Report of the Committee\n\n1. The Committee met.\n\nAnnex I\n\nThe General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n";

    fn from_text(text: &str, options: &LoadOptions) -> Result<Draft> {
        let name = Path::new("r.txt");
        load_bytes(name, name, text.as_bytes(), options)
    }

    #[test]
    fn a_part_is_taken_with_the_whole_documents_boundaries() {
        let whole = from_text(REPORT, &LoadOptions::default()).expect("whole");
        let annex =
            from_text(REPORT, &LoadOptions::default().with_part(Some("Annex I"))).expect("annex");
        assert!(annex.resolution.units.len() < whole.resolution.units.len());
        assert_eq!(annex.boundaries, whole.boundaries);
        assert!(annex.resolution.units.iter().any(|u| u.label == "OP1"));
    }

    #[test]
    fn an_unknown_part_lists_the_parts() {
        let options = LoadOptions::default().with_part(Some("Annex IX"));
        let err = from_text(REPORT, &options)
            .expect_err("no such part")
            .to_string();
        assert!(err.starts_with("r.txt: no part 'Annex IX'"), "{err}");
        assert!(err.contains("ANNEX-I"), "{err}");
    }

    #[test]
    fn too_many_blocks_are_refused_before_parsing() {
        let mut options = LoadOptions::default();
        options.read.limits.max_units = 2;
        let err = from_text("a\n\nb\n\nc\n", &options).expect_err("over budget");
        assert!(matches!(err, Error::TooManyUnits { units: 3, .. }), "{err}");
    }
}
