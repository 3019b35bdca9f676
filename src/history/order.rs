//! A hint when OLD and NEW look swapped: both drafts carry a date (or a
//! revision number) in their masthead (published PDFs) or their title
//! lines, and OLD's is the later one.
//! The redline is still written (the user may mean it); the hint goes to
//! standard error:
//!
//! ```text
//! redraft: note: OLD (b.txt) is dated 12 October 2021, after NEW (a.txt, 3 May 2021): are OLD and NEW swapped?
//! ```

use crate::lang::Lang;
use crate::model::{Resolution, UnitKind};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

mod written;

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));
static REVISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/Rev\.(\d+)\b").expect("valid regex"));

/// What orders a draft among its versions: its date (year, month, day),
/// else its revision number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stamp {
    /// A date, and how the draft writes it.
    Date((u32, u32, u32), String),
    /// A revision number (`A/C.3/75/L.1/Rev.2`).
    Revision(u32, String),
}

impl Stamp {
    fn shown(&self) -> &str {
        match self {
            Stamp::Date(_, s) | Stamp::Revision(_, s) => s,
        }
    }
}

/// The date or revision a draft carries in its lines before the chapeau.
///
/// ```
/// use redraft::history::order::{stamp_of_text, Stamp};
/// assert_eq!(stamp_of_text("Distr. : Générale 12 octobre 2021"),
///     Some(Stamp::Date((2021, 10, 12), "12 octobre 2021".into())));
/// assert_eq!(stamp_of_text("A/C.3/75/L.1/Rev.2"), Some(Stamp::Revision(2, "Rev.2".into())));
/// ```
pub fn stamp_of_text(text: &str) -> Option<Stamp> {
    // Each expression is compiled only when the text has what it needs (a
    // hyphen, four digits in a row, `/Rev.`): compiling costs more than a
    // small comparison (speed, issue 14).
    let iso = text.contains('-').then(|| ISO.captures(text)).flatten();
    if let Some(c) = iso {
        let n = |i: usize| c[i].parse().unwrap_or(0);
        return Some(Stamp::Date((n(1), n(2), n(3)), c[0].to_string()));
    }
    let year = crate::text::classes::has_digit_run(text, 4);
    for c in year.then(|| written::dates(text)).into_iter().flatten() {
        let month = text[c.month.clone()].to_lowercase();
        let found = Lang::ALL.iter().find_map(|l| {
            l.reader()
                .months
                .iter()
                .position(|m| m.to_lowercase() == month)
        });
        if let Some(m) = found {
            let number = |r: std::ops::Range<usize>| text[r].parse().unwrap_or(0);
            let (d, y) = (number(c.day), number(c.year));
            return Some(Stamp::Date((y, m as u32 + 1, d), text[c.whole].to_string()));
        }
    }
    let c = text.contains("/Rev.").then(|| REVISION.captures(text))??;
    Some(Stamp::Revision(c[1].parse().ok()?, c[0][1..].to_string()))
}

/// The stamp of a draft: its masthead's date (a published document),
/// else a date or revision in its title lines.
fn stamp(draft: &Resolution) -> Option<Stamp> {
    let masthead = [&draft.metadata.date, &draft.metadata.symbol];
    masthead
        .into_iter()
        .flatten()
        .find_map(|t| stamp_of_text(t))
        .or_else(|| {
            draft
                .units
                .iter()
                .take_while(|u| u.kind == UnitKind::Title)
                .find_map(|u| stamp_of_text(&u.text))
        })
}

/// The hint, when OLD is stamped later than NEW.
pub fn hint(
    old: &Resolution,
    new: &Resolution,
    old_path: &Path,
    new_path: &Path,
) -> Option<String> {
    let (a, b) = (stamp(old)?, stamp(new)?);
    let comparable = matches!(
        (&a, &b),
        (Stamp::Date(..), Stamp::Date(..)) | (Stamp::Revision(..), Stamp::Revision(..))
    );
    (comparable && a > b).then(|| {
        let what = if matches!(a, Stamp::Date(..)) {
            "dated"
        } else {
            "numbered"
        };
        format!(
            "note: OLD ({}) is {what} {}, after NEW ({}, {}): are OLD and NEW swapped?",
            old_path.display(),
            a.shown(),
            new_path.display(),
            b.shown()
        )
    })
}
