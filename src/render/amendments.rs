//! Formal amendments: the list that turns the old draft into the new one,
//! one amendment a paragraph, numbered as in the old draft (see
//! [`crate::amend`]).
//!
//! ```text
//! Quatrième alinéa du préambule : remplacer « 36 » par « 37 ».
//!
//! Paragraphe 2 du dispositif : remplacer « 13 » par « 12 ».
//! ```

use crate::amend::{self, Amendment};
use crate::lang::Lang;
use crate::redline::Redline;
use std::io::{self, Write};

/// Writes the amendments behind a redline, in `lang` (by default the old
/// draft's language).
pub fn render(redline: &Redline, lang: Option<Lang>, out: &mut dyn Write) -> io::Result<()> {
    let lang = lang.unwrap_or(redline.old.lang);
    let list = amend::from_redline(redline, Some(lang));
    write_list(&list, lang, out)
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
