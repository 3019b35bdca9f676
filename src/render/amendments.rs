//! Formal amendments, worded: the list [`crate::amend::from_comparison`]
//! makes from a comparison (or [`crate::amend::from_redline`] from a
//! redline alone) — the amendments that turn the old draft into the new
//! one, numbered as in the old draft — one amendment a paragraph. The list
//! is made by the `amend` module; this file only words and writes it.
//!
//! ```text
//! Quatrième alinéa du préambule : remplacer « 36 » par « 37 ».
//!
//! Paragraphe 2 du dispositif : remplacer « 13 » par « 12 ».
//! ```

use crate::amend::{self, Amendment};
use crate::lang::Lang;
use std::io::{self, Write};

/// Writes the formal amendments that turn a redline's old draft into its
/// new one, worded in `lang`.
pub fn render(
    redline: &crate::redline::Redline,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let list = amend::from_redline(redline, Some(lang));
    write_list(&list, lang, out)
}

/// Writes the formal amendments that turn a comparison's old draft into
/// its new one, worded in `lang`.
pub fn render_comparison(
    comparison: &crate::diff::Comparison,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_list(&amend::from_comparison(comparison, lang), lang, out)
}

/// Writes a list of amendments, one a paragraph.
pub fn write_list(list: &[Amendment], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let lines = list
        .iter()
        .filter_map(|a| amend::phrase(a, lang).or_else(|| amend::phrase(a, Lang::En)));
    for (k, line) in lines.enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}
