//! How amendments name a unit of the old draft: "operative paragraph 7
//! (c)", "paragraph 3 of annex II", "the heading before operative
//! paragraph 4", "the heading “Cooperation”" (a heading no number names:
//! before a paragraph numbered twice, or before no operative paragraph),
//! or its label when no phrase names it.

use crate::amend::Ref;
use crate::amend::apply::items::is_numbered_paragraph;
use crate::amend::wording::slot::footnote_id_reads;
use crate::model::{self, Resolution, UnitKind};

/// How the amendments name an old unit, before checking that the name is
/// unambiguous.
pub(super) fn natural_ref(old: &Resolution, i: usize) -> Ref {
    let u = &old.units[i];
    if let Some(r) = section_ref(u).or_else(|| annex_ref(u)) {
        return r;
    }
    let simple = |prefix: &str| {
        u.label
            .strip_prefix(prefix)
            .filter(|rest| rest.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(str::to_string)
    };
    let label = || Ref::Label(u.label.clone());
    match u.kind {
        UnitKind::Title if u.label == "TITLE" && old.of_kind(UnitKind::Title).count() == 1 => {
            Ref::Title
        }
        UnitKind::Title => title_line(&u.label).unwrap_or_else(label),
        UnitKind::Annex => annex_id(&u.label).map_or_else(label, Ref::AnnexHeading),
        UnitKind::Chapeau => Ref::Chapeau,
        UnitKind::Preambular => simple("PP")
            .and_then(|n| n.parse().ok())
            .map_or_else(label, Ref::Preambular),
        UnitKind::Operative => simple("OP").map_or_else(label, Ref::Operative),
        // A footnote by its number, whatever it holds (`[^%]`), where
        // "footnote %" reads back and names it alone.
        UnitKind::Footnote => u
            .number
            .clone()
            .filter(|n| u.label == format!("FN{n}") && footnote_id_reads(n))
            .map_or_else(label, Ref::Footnote),
        UnitKind::Subparagraph => sub_ref(old, i).unwrap_or_else(label),
        UnitKind::Heading => old
            .units
            .get(i + 1)
            .filter(|n| n.kind == UnitKind::Operative && n.part.is_none())
            .and_then(|n| n.label.strip_prefix("OP"))
            .filter(|n| n.chars().all(|c| c.is_ascii_alphanumeric()))
            .map_or_else(
                || Ref::HeadingText(u.text.clone()),
                |n| Ref::HeadingBefore(n.to_string()),
            ),
        _ => label(),
    }
}

/// "Line 2 of the title" for `TITLE-2` (a title of several lines), "the
/// title of annex II" for `ANNEX-II/TITLE`.
fn title_line(label: &str) -> Option<Ref> {
    if let Some((part, "TITLE")) = label.split_once('/') {
        return annex_id(part).map(Ref::AnnexTitle);
    }
    match label.strip_prefix("TITLE")? {
        "" => Some(Ref::TitleLine(1)),
        n => n.strip_prefix('-')?.parse().ok().map(Ref::TitleLine),
    }
}

/// The id of an annex from its part label: `""` for `ANNEX`, `II` for
/// `ANNEX-II`.
fn annex_id(part: &str) -> Option<String> {
    match part.strip_prefix("ANNEX")? {
        "" => Some(String::new()),
        id => id
            .strip_prefix('-')
            .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(str::to_string),
    }
}

/// "Operative paragraph 3 of section B" for `B/OP3`, an operative
/// paragraph of a main-text section that numbers its paragraphs from 1.
fn section_ref(u: &model::Unit) -> Option<Ref> {
    if u.kind != UnitKind::Operative || u.part.is_some() {
        return None;
    }
    let (section, rest) = u.label.split_once('/')?;
    let n = rest.strip_prefix("OP")?;
    let plain = |s: &str, f: fn(char) -> bool| !s.is_empty() && s.chars().all(f);
    (plain(section, |c| c.is_ascii_uppercase()) && plain(n, |c| c.is_ascii_alphanumeric()))
        .then(|| Ref::SectionOperative(section.to_string(), n.to_string()))
}

/// "Paragraph 3 of annex II" for `ANNEX-II/OP3` or `ANNEX-II/P3`, "of
/// the annex" for `ANNEX/…`.
fn annex_ref(u: &model::Unit) -> Option<Ref> {
    let numbered = u.kind == UnitKind::Operative || is_numbered_paragraph(u);
    let (part, rest) = u.label.split_once('/')?;
    let n = rest.strip_prefix("OP").or_else(|| rest.strip_prefix('P'))?;
    let annex = match part.strip_prefix("ANNEX") {
        Some("") => String::new(),
        Some(id) => id.strip_prefix('-')?.to_string(),
        None => return None,
    };
    let plain =
        n.starts_with(|c: char| c.is_ascii_digit()) && n.chars().all(|c| c.is_ascii_alphanumeric());
    (numbered && plain).then(|| Ref::AnnexParagraph(annex, n.to_string()))
}

/// How an amendment names a subparagraph: "operative paragraph 7 (c)",
/// "operative paragraph 7 (c) (iv)"; `None` when no phrase names it (it
/// is then named by its label).
fn sub_ref(old: &Resolution, i: usize) -> Option<Ref> {
    let u = &old.units[i];
    let parent = &old.units[u.parent?];
    let sub = u.number.clone()?;
    if u.label != format!("{}({sub})", parent.label) {
        return None;
    }
    if parent.kind == UnitKind::Subparagraph {
        return match sub_ref(old, u.parent?)? {
            Ref::OperativeSub(n, letter) => Some(Ref::OperativeSubSub(n, letter, sub)),
            _ => None,
        };
    }
    match parent.kind {
        UnitKind::Operative => Some(Ref::OperativeSub(
            parent.label.strip_prefix("OP")?.to_string(),
            sub,
        )),
        UnitKind::Preambular => Some(Ref::PreambularSub(
            parent.label.strip_prefix("PP")?.parse().ok()?,
            sub,
        )),
        _ => None,
    }
}
