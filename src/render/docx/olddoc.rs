//! The old draft's Word document, when it is one: where each old unit
//! stands, the formatting of each of its characters, and what changed in
//! formatting alone.
//!
//! With it, deleted words keep the formatting they had in the old
//! document, a deleted paragraph keeps its old paragraph properties, and a
//! word whose text stayed but whose look changed (`Decides` no longer in
//! italics) is marked with `w:rPrChange` holding its old properties.
//!
//! Formatting compared: bold, italic, underline, strike-through, small and
//! all capitals, superscript and subscript, size and character style, as
//! set on the run (`<w:rPr><w:i/></w:rPr>` and `<w:rPr/>` differ;
//! revision ids, language, proofing marks do not count).

use super::package::Package;
use super::source::{Atom, Reader, SourcePara, cells_of};
use super::spans;
use super::weave::{align, find_units, note_labels};
use crate::model::UnitKind;
use crate::redline::{Op, Redline, SegmentOp};
use std::collections::{BTreeMap, HashMap};

/// The old draft's document, its units found.
#[derive(Debug)]
pub struct OldDoc {
    paras: Vec<SourcePara>,
    /// Old unit index → its paragraph.
    homes: HashMap<usize, usize>,
    /// Old unit index → its text.
    texts: BTreeMap<usize, String>,
    /// Paragraph → the table cell holding it (see [`cells_of`]).
    cells: Vec<Option<usize>>,
}

impl OldDoc {
    /// Reads the old draft's package and finds its units; `None` if it
    /// does not read as the old draft.
    pub fn open(bytes: &[u8], redline: &Redline) -> Option<OldDoc> {
        let package = Package::open(bytes)?;
        let xml = package.text("word/document.xml")?;
        let root = spans::parse(&xml)?;
        if !spans::uses_w_prefix(&xml, &root) {
            return None;
        }
        let body = root.child("w:body")?;
        let labels = note_labels(&xml, body, package.text("word/settings.xml").as_deref());
        let paras = Reader::new(&xml, Some(labels)).paragraphs(body);
        let texts = old_units(redline);
        let units: Vec<(usize, usize, String)> =
            texts.iter().map(|(&i, t)| (i, i, t.clone())).collect();
        let homes = find_units(&units, &paras)?;
        Some(OldDoc {
            paras,
            homes,
            texts,
            cells: cells_of(body),
        })
    }

    /// The paragraph of an old unit.
    pub fn para(&self, index: usize) -> Option<&SourcePara> {
        self.paras.get(*self.homes.get(&index)?)
    }

    /// The table cell an old unit stood in (its start in the old
    /// document), if it stood in one.
    pub fn cell(&self, index: usize) -> Option<usize> {
        *self.cells.get(self.home(index)?)?
    }

    /// The index of an old unit's paragraph.
    pub fn home(&self, index: usize) -> Option<usize> {
        self.homes.get(&index).copied()
    }

    /// The properties of an old unit's paragraph, if it holds only it.
    pub fn own_ppr(&self, index: usize) -> Option<&str> {
        Some(self.para(index)?.ppr.as_str()).filter(|_| self.alone(index))
    }

    /// Whether the paragraph holds only this unit (its properties are the
    /// unit's own).
    pub fn alone(&self, index: usize) -> bool {
        let Some(p) = self.homes.get(&index) else {
            return false;
        };
        self.homes.values().filter(|q| *q == p).count() == 1
    }

    /// The run properties of each character of an old unit's text (`None`
    /// for characters of objects, such as footnote references).
    pub fn looks(&self, index: usize) -> Option<Vec<Option<String>>> {
        Some(char_looks(self.para(index)?, self.texts.get(&index)?))
    }

    /// Whether Word numbers the old unit's paragraph (its number is not in
    /// its text).
    pub fn auto_numbered(&self, index: usize, marker: Option<&str>) -> bool {
        let (Some(marker), Some(para), Some(text)) =
            (marker, self.para(index), self.texts.get(&index))
        else {
            return false;
        };
        let chars: Vec<char> = para.text().chars().collect();
        let unit: Vec<char> = text.chars().collect();
        let start = align(&unit, &chars)[0];
        let prefix: String = chars[..start].iter().collect();
        !super::weave::key(&prefix).contains(&super::weave::key(marker))
    }
}

/// The text of each old unit of the body (footnotes left out), as "reject
/// all" gives it.
fn old_units(redline: &Redline) -> BTreeMap<usize, String> {
    let mut units: BTreeMap<usize, String> = BTreeMap::new();
    let body = |e: &&crate::redline::Entry| {
        e.op != Op::MovedAway && e.old.iter().all(|o| o.kind != UnitKind::Footnote)
    };
    for e in redline.entries.iter().filter(body) {
        let text = e.old_text();
        if let (Op::Split, [old]) = (e.op, e.old.as_slice()) {
            units.entry(old.index).or_default().push_str(&text);
            continue;
        }
        for (side, part) in e.old.iter().zip(text.split('\n')) {
            units.insert(side.index, part.to_string());
        }
    }
    units
}

/// The run properties of each character of a unit's text in its
/// paragraph.
pub fn char_looks(para: &SourcePara, unit: &str) -> Vec<Option<String>> {
    let chars: Vec<char> = para.text().chars().collect();
    let unit: Vec<char> = unit.chars().collect();
    let map = align(&unit, &chars);
    let mut by_place: Vec<Option<String>> = Vec::with_capacity(chars.len());
    for atom in &para.atoms {
        let n = atom.text().chars().count();
        let rpr = match atom {
            Atom::Text { rpr, .. } => Some(rpr.clone()),
            Atom::Object { .. } => None,
        };
        by_place.extend(std::iter::repeat_n(rpr, n));
    }
    map[..unit.len()]
        .iter()
        .map(|&at| by_place.get(at).cloned().flatten())
        .collect()
}

/// The formatting that counts, in a canonical form: `"i;sz=24"`.
///
/// ```
/// use redraft::render::docx::olddoc::significant;
/// assert_eq!(significant(r#"<w:rPr><w:lang w:val="fr-FR"/><w:i/></w:rPr>"#), "i");
/// assert_eq!(significant(r#"<w:rPr><w:b w:val="0"/></w:rPr>"#), "");
/// assert_eq!(significant(""), "");
/// ```
pub fn significant(rpr: &str) -> String {
    let mut out = Vec::new();
    for name in [
        "b",
        "i",
        "u",
        "strike",
        "dstrike",
        "caps",
        "smallCaps",
        "vertAlign",
        "sz",
        "rStyle",
    ] {
        let Some(value) = property(rpr, name) else {
            continue;
        };
        let off = matches!(value.as_str(), "0" | "false" | "off" | "none" | "baseline");
        if !off {
            out.push(if value.is_empty() {
                name.to_string()
            } else {
                format!("{name}={value}")
            });
        }
    }
    out.join(";")
}

/// The value of a run property (`""` for `<w:i/>`), if set.
fn property(rpr: &str, name: &str) -> Option<String> {
    let open = format!("<w:{name}");
    let mut at = 0;
    while let Some(found) = rpr[at..].find(&open).map(|f| f + at) {
        let after = rpr.as_bytes().get(found + open.len());
        at = found + open.len();
        if !matches!(after, Some(b' ' | b'/' | b'>')) {
            continue;
        }
        let end = found + rpr[found..].find('>')?;
        let tag = &rpr[found..end];
        let value = tag
            .find("w:val=\"")
            .and_then(|v| tag[v + 7..].split('"').next())
            .unwrap_or("");
        return Some(value.to_string());
    }
    None
}

/// The properties whose setting differs between two run properties, and
/// whether the new one has it: `("italic", false)` when italics were
/// removed, `("size", true)` when the size changed.
pub fn differences(old: &str, new: &str) -> Vec<(&'static str, bool)> {
    let names = [
        ("b", "bold"),
        ("i", "italic"),
        ("u", "underline"),
        ("strike", "strike"),
        ("sz", "size"),
    ];
    let (old, new) = (significant(old), significant(new));
    let get = |set: &str, name: &str| -> Option<String> {
        set.split(';')
            .find(|p| *p == name || p.starts_with(&format!("{name}=")))
            .map(str::to_string)
    };
    names
        .iter()
        .filter(|(key, _)| get(&old, key) != get(&new, key))
        .map(|(key, word)| (*word, get(&new, key).is_some()))
        .collect()
}

/// The paragraph formatting that differs between two paragraphs'
/// properties (`<w:pPr>…</w:pPr>`): `("alignment", "left", "center")`,
/// `("style", "Normal", "Quote")`. Alignment unset is `left`, style unset
/// `Normal` (Word's default paragraph style); former properties
/// (`w:pPrChange`) and the paragraph mark's run properties do not count.
pub fn paragraph_differences(old: &str, new: &str) -> Vec<(&'static str, String, String)> {
    let value = |ppr: &str, name: &str, default: &str| {
        let ppr = super::weave::strip(&super::weave::strip(ppr, "w:pPrChange"), "w:rPr");
        let v = property(&ppr, name).unwrap_or_default();
        match v.as_str() {
            "" => default.to_string(),
            "start" => "left".to_string(),
            "end" => "right".to_string(),
            _ => v,
        }
    };
    [("alignment", "jc", "left"), ("style", "pStyle", "Normal")]
        .into_iter()
        .filter_map(|(what, name, default)| {
            let (a, b) = (value(old, name, default), value(new, name, default));
            (a != b).then_some((what, a, b))
        })
        .collect()
}

/// What changed between two Word drafts besides their text: with
/// `formatting`, for each unit whose words stayed but whose look changed, a
/// note in the new draft's language ("OP3: italic removed from
/// ‘Decides’"); and headers and footers whose text changed.
pub fn changes(redline: &Redline, old: &[u8], new: &[u8], formatting: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if formatting {
        notes.extend(formatting_notes(redline, old, new));
    }
    notes.extend(picture_notes(redline, old, new));
    if let (Some(new), Some(old)) = (Package::open(new), Package::open(old)) {
        notes.extend(super::furniture::notes(&new, &old, redline.new.lang));
    }
    notes
}

/// Writes the notes after a redline in a format people read as text
/// (terminal, text, Markdown); the Word redline marks them itself, and the
/// HTML and JSON formats have no place for them yet.
pub fn write_notes(
    notes: &[String],
    format: crate::render::Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::render::Format;
    if notes.is_empty() || !matches!(format, Format::Term | Format::Text | Format::Markdown) {
        return Ok(());
    }
    writeln!(out)?;
    for note in notes {
        writeln!(out, "* {note}")?;
    }
    Ok(())
}

/// Pictures inserted or deleted, one note each: "OP2: picture inserted"
/// in a paragraph of text, "picture deleted after PP1" for a picture
/// paragraph.
fn picture_notes(redline: &Redline, old: &[u8], new: &[u8]) -> Vec<String> {
    let (Some(olddoc), Some(newdoc), Some(mut package)) = (
        OldDoc::open(old, redline),
        NewDoc::open(new, redline),
        Package::open(new),
    ) else {
        return Vec::new();
    };
    let cx = super::pictures::Context {
        redline,
        homes: &newdoc.homes,
        paras: &newdoc.paras,
        old: &olddoc,
    };
    let Some(plan) = super::pictures::Pictures::plan(&cx, old, &mut package, &mut String::new())
    else {
        return Vec::new();
    };
    let label = |p: usize| {
        let k = newdoc.homes.iter().find(|(_, q)| **q == p)?.0;
        Some(crate::render::reader::name_of_label(
            redline.entries[*k].label(),
            redline.new.lang,
        ))
    };
    let before = |p: Option<usize>| p.and_then(|p| (0..=p).rev().find_map(label));
    let lang = redline.new.lang;
    let mut notes = Vec::new();
    let mut add = |inserted: bool, at: Option<String>, inline: bool| {
        notes.push(crate::lang::word::picture(
            lang,
            inserted,
            at.as_deref(),
            inline,
        ));
    };
    let mut paras: Vec<_> = plan.inserted.iter().collect();
    paras.sort();
    for (&p, marks) in paras {
        let inline = !plan.new_paragraphs.contains(&p);
        let at = if inline { label(p) } else { before(Some(p)) };
        for _ in marks.iter().filter(|m| **m) {
            add(true, at.clone(), inline);
        }
    }
    let mut runs: Vec<_> = plan.deleted_runs.iter().collect();
    runs.sort();
    for (&p, list) in runs {
        for _ in list {
            add(false, label(p), true);
        }
    }
    let mut deleted: Vec<_> = plan.deleted_paragraphs.iter().collect();
    deleted.sort();
    for (&after, list) in deleted {
        for _ in list {
            add(false, before(after), false);
        }
    }
    notes
}

/// Formatting-only changes, one note each.
fn formatting_notes(redline: &Redline, old: &[u8], new: &[u8]) -> Vec<String> {
    let (Some(olddoc), Some(newdoc)) = (OldDoc::open(old, redline), NewDoc::open(new, redline))
    else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    for (k, e) in redline.entries.iter().enumerate() {
        let ([side], Some(new_looks)) = (e.old.as_slice(), newdoc.looks(k)) else {
            continue;
        };
        let before = notes.len();
        if !matches!(e.op, Op::Unchanged | Op::Edited) {
            continue;
        }
        if let (Some(old), Some(new)) = (olddoc.own_ppr(side.index), newdoc.own_ppr(k)) {
            for (what, a, b) in paragraph_differences(old, new) {
                notes.push(crate::lang::word::paragraph(redline.new.lang, what, &a, &b));
            }
        }
        let Some(old_looks) = olddoc.looks(side.index) else {
            continue;
        };
        let (mut o, mut n) = (0, 0);
        for s in &e.segments {
            let (ol, nl) = (s.old_side().chars().count(), s.new_side().chars().count());
            if s.op == SegmentOp::Equal && ol == nl {
                notes.extend(segment_notes(
                    redline,
                    &s.text,
                    old_looks.get(o..o + ol).unwrap_or(&[]),
                    new_looks.get(n..n + nl).unwrap_or(&[]),
                ));
            }
            o += ol;
            n += nl;
        }
        for note in &mut notes[before..] {
            let name = crate::render::reader::name_of_label(e.label(), redline.new.lang);
            *note = format!("{name}: {note}");
        }
    }
    notes.dedup();
    notes
}

/// Notes for the words of one equal segment whose formatting differs.
fn segment_notes(
    redline: &Redline,
    text: &str,
    old: &[Option<String>],
    new: &[Option<String>],
) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len().min(old.len()).min(new.len()) {
        let diff = match (&old[k], &new[k]) {
            (Some(a), Some(b)) if !chars[k].is_whitespace() => differences(a, b),
            _ => Vec::new(),
        };
        if diff.is_empty() {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len().min(old.len()).min(new.len())
            && (chars[k].is_whitespace()
                || matches!((&old[k], &new[k]), (Some(a), Some(b)) if differences(a, b) == diff))
        {
            k += 1;
        }
        let words: String = chars[start..k].iter().collect();
        for (property, added) in diff {
            out.push(crate::lang::word::formatting(
                redline.new.lang,
                property,
                added,
                words.trim(),
            ));
        }
    }
    out
}

/// The new draft's document, its units found (for comparing looks).
struct NewDoc {
    paras: Vec<SourcePara>,
    homes: HashMap<usize, usize>,
    texts: HashMap<usize, String>,
}

impl NewDoc {
    fn open(bytes: &[u8], redline: &Redline) -> Option<NewDoc> {
        let package = Package::open(bytes)?;
        let xml = package.text("word/document.xml")?;
        let root = spans::parse(&xml)?;
        let body = root.child("w:body")?;
        let labels = note_labels(&xml, body, package.text("word/settings.xml").as_deref());
        let paras = Reader::new(&xml, Some(labels)).paragraphs(body);
        let mut units: Vec<(usize, usize, String)> = redline
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.op != Op::MovedAway && e.kind != crate::model::UnitKind::Footnote)
            .filter_map(|(k, e)| Some((e.new.as_ref()?.index, k, e.new_text())))
            .collect();
        units.sort();
        let texts = units.iter().map(|(_, k, t)| (*k, t.clone())).collect();
        let homes = find_units(&units, &paras)?;
        Some(NewDoc {
            paras,
            homes,
            texts,
        })
    }

    /// The properties of entry `k`'s paragraph, if it holds only it.
    fn own_ppr(&self, k: usize) -> Option<&str> {
        let p = self.homes.get(&k)?;
        let alone = self.homes.values().filter(|q| *q == p).count() == 1;
        Some(self.paras.get(*p)?.ppr.as_str()).filter(|_| alone)
    }

    fn looks(&self, k: usize) -> Option<Vec<Option<String>>> {
        let para = self.paras.get(*self.homes.get(&k)?)?;
        Some(char_looks(para, self.texts.get(&k)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_differences_name_alignment_and_style() {
        let old = r#"<w:pPr><w:pStyle w:val="Quote"/><w:rPr><w:b/></w:rPr></w:pPr>"#;
        let new = r#"<w:pPr><w:jc w:val="center"/></w:pPr>"#;
        assert_eq!(
            paragraph_differences(old, new),
            [
                ("alignment", "left".to_string(), "center".to_string()),
                ("style", "Quote".to_string(), "Normal".to_string())
            ]
        );
        assert!(paragraph_differences(r#"<w:pPr><w:jc w:val="start"/></w:pPr>"#, "").is_empty());
    }

    #[test]
    fn differences_name_what_changed() {
        assert_eq!(
            differences("<w:rPr><w:i/></w:rPr>", ""),
            [("italic", false)]
        );
        assert_eq!(
            differences("", r#"<w:rPr><w:b/><w:lang w:val="en-GB"/></w:rPr>"#),
            [("bold", true)]
        );
        assert_eq!(
            differences(
                r#"<w:rPr><w:sz w:val="24"/></w:rPr>"#,
                r#"<w:rPr><w:sz w:val="28"/></w:rPr>"#
            ),
            [("size", true)]
        );
        assert!(differences("<w:rPr><w:noProof/></w:rPr>", "").is_empty());
    }
}
