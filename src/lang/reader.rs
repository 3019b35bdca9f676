//! The words a redline says to its reader: notes, badges, counts, fold
//! lines and the names of paragraphs, in the draft's language.
//!
//! Each language fills one [`ReaderWords`] ([`super::en::READER`],
//! [`super::fr::READER`], [`super::es::READER`]). Templates have
//! placeholders: `{n}` a number as printed (`17`, `9 bis`), `{x}` the name
//! of a unit, `{i}`/`{of}` a piece of a split, `{parent}`/`{s}` a paragraph
//! and its subparagraph's letter, `{part}` an annex or section. So a
//! French reader sees
//!
//! ```text
//! 17. (ancien 16) Invite instamment …
//! [-2.-] (déplacé ; désormais paragraphe 4)
//! ⋯ 13 inchangés (alinéa 6 du préambule – paragraphe 1 ; 3 renumérotés) ⋯
//! ```
//!
//! where an English one sees `17. (formerly 16)`, `(moved to paragraph 4)`
//! and `⋯ 13 unchanged (preambular paragraph 6 – paragraph 1; 3
//! renumbered) ⋯`.

/// Singular and plural of a count's word: `("modifié", "modifiés")`.
pub type Count = (&'static str, &'static str);

/// The words of the counts in a redline's summary.
#[derive(Debug)]
pub struct CountWords {
    /// Paragraphs whose text was edited.
    pub edited: Count,
    /// New paragraphs.
    pub inserted: Count,
    /// Paragraphs taken out.
    pub deleted: Count,
    /// Paragraphs that left their place.
    pub moved: Count,
    /// Old paragraphs split in several.
    pub split: Count,
    /// New paragraphs made of several old ones.
    pub merged: Count,
    /// Paragraphs whose text was kept but which became another kind of
    /// paragraph (a preambular paragraph made operative).
    pub reclassified: Count,
    /// Paragraphs whose only change is their number.
    pub renumbered_only: Count,
    /// Paragraphs with no change at all.
    pub unchanged: Count,
}

/// How a redline names the units of a draft, from their labels.
#[derive(Debug)]
pub struct UnitNames {
    /// The title lines.
    pub title: &'static str,
    /// The chapeau ("The General Assembly,").
    pub chapeau: &'static str,
    /// A preambular paragraph, by its place: `preambular paragraph {n}`.
    pub preambular: &'static str,
    /// An operative (or report) paragraph: `paragraph {n}`.
    pub operative: &'static str,
    /// A subparagraph: `{parent} ({s})`, `{parent}, alinéa {s})`.
    pub subparagraph: &'static str,
    /// The n-th heading.
    pub heading: &'static str,
    /// A footnote.
    pub footnote: &'static str,
    /// An annex, numbered (`annex {n}`).
    pub annex: &'static str,
    /// The only annex.
    pub the_annex: &'static str,
    /// A section that numbers its paragraphs from 1.
    pub section: &'static str,
    /// A unit of an annex or a section: `{x} of {part}`.
    pub in_part: &'static str,
    /// A table.
    pub table: &'static str,
    /// An unnumbered paragraph after a numbered one: `text after {x}`.
    pub after: &'static str,
    /// An unnumbered paragraph before any numbered one.
    pub text: &'static str,
}

/// Every word a reader's redline says, in one language.
#[derive(Debug)]
pub struct ReaderWords {
    /// The heading of a redline page: `Redline`.
    pub redline: &'static str,
    /// The heading of a summary: `Summary of changes`.
    pub summary: &'static str,
    /// The counts.
    pub counts: CountWords,
    /// A renumbered unit's old number: `formerly {n}`.
    pub formerly: &'static str,
    /// The same, for a footnote (French `ancienne {n}`).
    pub formerly_footnote: &'static str,
    /// Badge of an inserted unit.
    pub inserted: &'static str,
    /// Badge of a deleted unit.
    pub deleted: &'static str,
    /// Badge of an edited unit.
    pub edited: &'static str,
    /// Badge of a unit whose only change is its number.
    pub renumbered: &'static str,
    /// A moved unit, where it stands now: `moved from {x}`.
    pub moved_from: &'static str,
    /// The place a unit left: `moved to {x}`.
    pub moved_to: &'static str,
    /// A piece of a split: `split {i}/{of} of {x}`.
    pub split_piece: &'static str,
    /// A split whose piece is unknown: `split of {x}`.
    pub split: &'static str,
    /// A merge: `merged from {x}`.
    pub merged: &'static str,
    /// A unit that changed kind: `formerly {x}`.
    pub was: &'static str,
    /// The last joiner of a list: `and`.
    pub and: &'static str,
    /// A space before `;` and `:` (French typography), or none.
    pub before_colon: &'static str,
    /// The renumbering table's heading.
    pub renumbering: &'static str,
    /// The renumbering table's columns: old, new.
    pub old_new: (&'static str, &'static str),
    /// The list of units only renumbered: `Renumbered only`.
    pub renumbered_only_list: &'static str,
    /// A fold line: `{n} {unchanged} ({range})`, the count word agreeing.
    pub fold: &'static str,
    /// The part of a fold line counting renumbered units: `{n} renumbered`.
    pub fold_renumbered: Count,
    /// The months, for dates in headers: the language's one list of
    /// months (the same as [`crate::lang::Adoption::months`]).
    pub months: [&'static str; 12],
    /// How the first day of a month is written (`1er` in French).
    pub first_day: &'static str,
    /// A date: `{d} {month} {y}`.
    pub date: &'static str,
    /// The names of units.
    pub names: UnitNames,
    /// What `redraft history` says.
    pub history: HistoryWords,
}

/// The words of a history (`redraft history`). A round is named after the
/// version it produced, as negotiators do: round 2 turns version 1 into
/// version 2 (`round 2`, `version 2`, `versión 2`).
#[derive(Debug)]
pub struct HistoryWords {
    /// The page's heading: `History`.
    pub title: &'static str,
    /// The heading of the lineage table.
    pub lineage: &'static str,
    /// The heading of the cumulative redline (the versions follow).
    pub cumulative: &'static str,
    /// A round: `round {n}`.
    pub round: &'static str,
    /// The mark of the latest round in the legend.
    pub latest: &'static str,
    /// A unit deleted along the way: `deleted in round {n}`.
    pub deleted_in: &'static str,
    /// The first column of the lineage table (the unit, as numbered now).
    pub unit: &'static str,
    /// The last column of the lineage table.
    pub last_change: &'static str,
}

impl ReaderWords {
    /// `template` with `{key}` replaced by `value` for each pair.
    ///
    /// ```
    /// use redraft::lang::reader::ReaderWords;
    /// assert_eq!(ReaderWords::fill("moved from {x}", &[("x", "paragraph 2")]), "moved from paragraph 2");
    /// ```
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        // The template is copied once, when a placeholder is filled (the
        // name of every unit of a page is filled, issue 14).
        let mut out = std::borrow::Cow::Borrowed(template);
        for (key, value) in values {
            if let Some(filled) = replaced(&out, key, value) {
                out = std::borrow::Cow::Owned(filled);
            }
        }
        out.into_owned()
    }

    /// The count word agreeing with `n`.
    pub fn count(n: usize, word: Count) -> &'static str {
        if n == 1 { word.0 } else { word.1 }
    }

    /// A list joined with commas and the language's `and`.
    ///
    /// ```
    /// use redraft::lang::Lang;
    /// let items = ["a".to_string(), "b".to_string(), "c".to_string()];
    /// assert_eq!(Lang::Fr.reader().join_and(&items), "a, b et c");
    /// ```
    pub fn join_and(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.and),
        }
    }

    /// An ISO date (`2021-12-04`, or the start of a timestamp) as the
    /// language writes it: `4 December 2021`, `4 décembre 2021`.
    ///
    /// ```
    /// use redraft::lang::Lang;
    /// assert_eq!(Lang::Es.reader().date_of("2021-12-04T10:00:00Z").unwrap(), "4 de diciembre de 2021");
    /// assert_eq!(Lang::Fr.reader().date_of("2021-12-01").unwrap(), "1er décembre 2021");
    /// ```
    pub fn date_of(&self, iso: &str) -> Option<String> {
        let mut parts = iso.get(..10)?.split('-');
        let y = parts.next()?;
        let m: usize = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        let month = self.months.get(m.checked_sub(1)?)?;
        let day = if d == 1 {
            self.first_day.to_string()
        } else {
            d.to_string()
        };
        Some(Self::fill(
            self.date,
            &[("d", &day), ("month", month), ("y", y)],
        ))
    }
}

/// `text` with every placeholder `{key}` replaced by `value`, as
/// `str::replace` replaces them (leftmost first, none overlapping), or
/// `None` when there is none. Templates are a few words long: a plain
/// search, at each `{`, costs less than setting up the standard library's
/// searcher, and the placeholder is never written out.
fn replaced(text: &str, key: &str, value: &str) -> Option<String> {
    let (bytes, key_bytes) = (text.as_bytes(), key.as_bytes());
    let len = key_bytes.len() + 2;
    let placeholder_at = |at: usize| {
        bytes[at] == b'{' && bytes[at + 1..].starts_with(key_bytes) && bytes[at + len - 1] == b'}'
    };
    let mut out: Option<String> = None;
    let (mut from, mut at) = (0, 0);
    while at + len <= bytes.len() {
        if placeholder_at(at) {
            let filled = out.get_or_insert_with(|| String::with_capacity(text.len() + value.len()));
            filled.push_str(&text[from..at]);
            filled.push_str(value);
            at += len;
            from = at;
        } else {
            at += 1;
        }
    }
    let mut filled = out?;
    filled.push_str(&text[from..]);
    Some(filled)
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;

    /// The plain search replaces what `str::replace` replaces (the
    /// placeholder `{key}`), on random texts of placeholders, braces and
    /// accented letters.
    #[test]
    fn replaced_is_str_replace() {
        let pieces = ["{x}", "{", "}", "x", "é", " ", "{xx}", "{{x}}"];
        let mut seed = 17u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        for _ in 0..5000 {
            let text: String = (0..next(8)).map(|_| pieces[next(pieces.len())]).collect();
            let key = ["x", "xx", "", "{x}", "é"][next(5)];
            let expected = text.replace(&format!("{{{key}}}"), "[é]");
            let got = super::replaced(&text, key, "[é]").unwrap_or_else(|| text.clone());
            assert_eq!(got, expected, "{text:?} / {key:?}");
        }
    }

    #[test]
    fn every_language_fills_every_template() {
        for lang in Lang::ALL {
            let r = lang.reader();
            for t in [r.formerly, r.formerly_footnote] {
                assert!(t.contains("{n}"), "{lang}: {t}");
            }
            for t in [r.moved_from, r.moved_to, r.split, r.merged, r.was] {
                assert!(t.contains("{x}"), "{lang}: {t}");
            }
            assert!(r.fold.contains("{range}") && r.fold.contains("{unchanged}"));
            assert!(r.names.subparagraph.contains("{parent}"));
            assert!(r.names.in_part.contains("{part}"));
            assert!(r.history.round.contains("{n}") && r.history.deleted_in.contains("{n}"));
        }
    }
}
