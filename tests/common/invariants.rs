//! The invariants every input must keep, whatever its bytes: shared by the
//! `cargo fuzz` targets (fuzz/fuzz_targets/, which include this file) and
//! by `cargo test`, which replays every input the fuzzers ever crashed on
//! (fuzz/regressions/<target>/).
//!
//! Each function takes raw bytes and panics when an invariant breaks;
//! unreadable input (an error, not a panic) is fine. A pair of drafts is
//! written `OLD\0NEW` (no NUL: the same text twice).

#![allow(dead_code)] // Each includer uses the checks it needs.

use redraft::check::{Document, fix, stale};
use redraft::diff::{self, Options};
use redraft::ingest::{Revisions, docx, pdf_text, text};
use redraft::model::{ParseOptions, Resolution, parse};

/// The longest input worth reading: the fuzzers' inputs stay far below.
const MAX_INPUT: usize = 256 * 1024;

/// A draft every amendment list is applied to.
const DRAFT: &str = include_str!("../../fixtures/annex-i/before.txt");

/// `OLD\0NEW`, or the same bytes twice.
fn pair(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(k) => (&data[..k], &data[k + 1..]),
        None => (data, data),
    }
}

fn parsed(bytes: &[u8]) -> Option<Resolution> {
    let text = text::decode(bytes).ok()?;
    parse(&text, &ParseOptions::default()).ok()
}

/// The redline between two parsed drafts gives each back exactly.
fn redline_gives_both(old: &Resolution, new: &Resolution) {
    let redline = diff::redline(old, new, &Options::default());
    assert_eq!(redline.accept_all(), new.to_text(), "accept all ≠ NEW");
    assert_eq!(redline.reject_all(), old.to_text(), "reject all ≠ OLD");
    for format in [
        redraft::render::Format::Text,
        redraft::render::Format::Json,
        redraft::render::Format::Html,
        redraft::render::Format::Markdown,
    ] {
        let mut out = Vec::new();
        let options = redraft::render::RenderOptions::default();
        redraft::render::render(&redline, format, &options, &mut out).expect("rendered");
    }
}

/// The plain-text parser: accept all = NEW, reject all = OLD.
pub fn plain_text(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    let (old, new) = pair(data);
    if let (Some(old), Some(new)) = (parsed(old), parsed(new)) {
        redline_gives_both(&old, &new);
    }
}

/// The reader of text extracted from PDF files: no panic, and what it
/// rebuilds is a draft the parser reads like any other.
pub fn pdf_text(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = text::decode(data) else { return };
    let (draft, _origin) = pdf_text::convert(&text);
    if let Ok(r) = parse(&draft, &ParseOptions::default()) {
        redline_gives_both(&r, &r);
    }
}

/// The Word reader: both versions of a document with tracked changes, and
/// the redline between them gives each back.
pub fn word(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    let (Ok(old), Ok(new)) = (
        docx::read(data, Revisions::Reject),
        docx::read(data, Revisions::Accept),
    ) else {
        return;
    };
    let options = ParseOptions::default();
    if let (Ok(old), Ok(new)) = (parse(&old, &options), parse(&new, &options)) {
        redline_gives_both(&old, &new);
    }
}

/// The amendment-list reader (no NUL: a list, applied to a draft), and the
/// generator (`OLD\0NEW`): `amend(OLD, amendments(OLD, NEW)) == NEW`.
pub fn amendments(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    if !data.contains(&0) {
        let Ok(list) = text::decode(data) else { return };
        let Ok(list) = redraft::amend::parse(&list) else {
            return;
        };
        let draft = parse(DRAFT, &ParseOptions::default()).expect("fixture parses");
        let applied = redraft::amend::apply(&draft, &list);
        let _ = parse(&applied.text, &ParseOptions::default());
        return;
    }
    let (old, new) = pair(data);
    if let (Some(old), Some(new)) = (parsed(old), parsed(new)) {
        amend_round_trip(&old, &new);
    }
}

/// Amendments generated from OLD → NEW, written, read back and applied to
/// OLD give NEW, in every language the list can be worded in.
pub fn amend_round_trip(old: &Resolution, new: &Resolution) {
    // NEW reads back as itself from its normal form (parser and writer
    // agree): otherwise no list could give it (fuzz:
    // invisible-between-spaces-a4813a2d).
    let again = parse(
        &new.to_text(),
        &ParseOptions {
            lang: Some(new.lang),
        },
    );
    assert_eq!(
        bare(&again.expect("NEW's normal form reads")),
        bare(new),
        "NEW does not read back from its normal form"
    );
    let Some((written, text)) = amended_text(old, new) else {
        return;
    };
    let options = ParseOptions {
        lang: Some(old.lang),
    };
    let amended = edges_trimmed(parse(&text, &options).expect("amended parses"));
    let new = &edges_trimmed(new.clone());
    let amended = variants_as_in(amended, new);
    if amended.to_text() == new.to_text() {
        return;
    }
    if numbered_consecutively(old)
        && numbered_consecutively(new)
        && !new_sections(old, new)
        && suffixes_stated(old, new)
    {
        assert_eq!(
            amended.to_text(),
            new.to_text(),
            "amend(OLD, amendments(OLD, NEW)) ≠ NEW\n{written}"
        );
        return;
    }
    // OLD or NEW numbers out of sequence (a number twice, a list starting
    // again, a gap, footnotes out of order, a numbered paragraph `00.`), or
    // NEW numbers a section OLD does not have from 1 again: amendments say what to
    // insert, delete and reword, never how to misnumber, and `amend`
    // renumbers by its documented rule (1, 2, 3 where the draft counted
    // so, `9 ter` after `9 bis` elsewhere; footnotes in the order of their
    // first reference). So the units must be NEW's, kind by kind and word
    // for word (footnote ids aside), and numbered in order where OLD was
    // (`amend` keeps the numbers of a list it does not renumber).
    assert_eq!(
        bare(&amended),
        bare(new),
        "amend(OLD, amendments(OLD, NEW)) ≠ NEW up to numbering\n{written}"
    );
    assert!(
        !numbered_in_order(old) || numbered_in_order(&amended),
        "amend numbered out of order:\n{text}"
    );
}

/// The list generated from OLD → NEW as written, and OLD amended exactly
/// by it as read back: every amendment applies, faithfully; `None` for an
/// empty list (then OLD and NEW must read the same).
fn amended_text(old: &Resolution, new: &Resolution) -> Option<(String, String)> {
    let redline = diff::redline(old, new, &Options::default());
    let lang = old.lang;
    let list = redraft::amend::from_redline(&redline, Some(lang));
    let mut written = Vec::new();
    redraft::render::amendments::write_list(&list, lang, &mut written).expect("written");
    let written = String::from_utf8(written).expect("UTF-8");
    if list.is_empty() {
        // Where OLD or NEW numbers out of sequence, a list states no
        // number (see `amend_round_trip`): NEW's `2.` given twice is no
        // amendment (fuzz: no-amendment-drafts-differ-cc2a11eb).
        let unchanged = variants_as_in(old.clone(), new);
        if numbered_consecutively(old) && numbered_consecutively(new) {
            assert_eq!(
                unchanged.to_text(),
                new.to_text(),
                "no amendment, yet the drafts differ"
            );
        } else {
            assert_eq!(
                bare(&unchanged),
                bare(new),
                "no amendment, yet the drafts differ beyond their numbering"
            );
        }
        return None;
    }
    let read = redraft::amend::parse(&written)
        .unwrap_or_else(|e| panic!("generated amendments unreadable: {e:?}\n{written}"));
    let applied = redraft::amend::apply_exact(old, &read);
    assert!(
        applied.failures.is_empty(),
        "{written}\n{:?}",
        applied.failures
    );
    assert_eq!(applied.unfaithful, None, "{written}");
    Some((written, applied.text))
}

/// A draft with each unit's text trimmed of spaces of every kind at its
/// edges. The one difference a list cannot state: it quotes texts, and a
/// quotation is read trimmed (as « texte » is, with French spacing), so a
/// unit whose text opens or ends with a no-break space in NEW (a footnote
/// `[^1]:\u{a0}United Nations`, which the parser keeps) has it amended
/// without. Nothing a reader sees differs (fuzz: footnote-leading-nbsp-3b80d321).
fn edges_trimmed(mut draft: Resolution) -> Resolution {
    for unit in &mut draft.units {
        if unit.text.trim() != unit.text {
            unit.text = unit.text.trim().to_string();
        }
    }
    draft
}

/// A draft with the text of each unit that reads as NEW's unit at the same
/// place up to typographic variants (`model::typography::same_characters`:
/// a no-break space for a space, `’` for `'`) taken from NEW. The list
/// leaves such variants as it finds them, by design ("what a formal
/// amendment may leave as it found it"; the redline shows none either):
/// no delegation amends a space into a no-break space, so NEW's
/// characters cannot come back where only they changed (fuzz:
/// typographic-variant-in-edit-fa66ded1).
///
/// Likewise a marker that reads as NEW's but for its spaces (`1\u{a0}.`
/// for `1.`, French spacing): a list states no marker, and `amend` keeps
/// the draft's where it does not renumber (fuzz:
/// marker-spacing-11616493).
fn variants_as_in(mut draft: Resolution, new: &Resolution) -> Resolution {
    use redraft::model::typography::same_characters;
    let unspaced = |m: &str| m.split_whitespace().collect::<String>();
    for (unit, theirs) in draft.units.iter_mut().zip(&new.units) {
        if unit.kind == theirs.kind
            && unit.text != theirs.text
            && same_characters(&unit.text, &theirs.text)
        {
            unit.text = theirs.text.clone();
        }
        if let (Some(m), Some(t)) = (&unit.marker, &theirs.marker)
            && unit.kind == theirs.kind
            && m != t
            && unspaced(m) == unspaced(t)
        {
            unit.marker = theirs.marker.clone();
        }
    }
    draft
}

/// Whether NEW numbers the operative paragraphs of a section from 1 again
/// (`B. …` then `1.`: labels `B/OP1`, `ANNEX-II/B/OP1`) where OLD has no
/// such section, in a part where OLD numbers on across its headings. A
/// list inserts the heading and the paragraphs, never their numbers, and
/// `amend` numbers them as OLD counts: on (`4.`) there, from 1 again in a
/// part whose sections OLD numbers from 1 again.
pub fn new_sections(old: &Resolution, new: &Resolution) -> bool {
    use redraft::model::UnitKind;
    let sections = |d: &Resolution| -> Vec<String> {
        d.of_kind(UnitKind::Operative)
            .filter_map(|u| u.label.rsplit_once('/').map(|(s, _)| s.to_string()))
            .filter(|s| {
                let last = s.rsplit('/').next().unwrap_or(s);
                !last.is_empty() && last.chars().all(|c| c.is_ascii_uppercase())
            })
            .collect()
    };
    let had = sections(old);
    // Where OLD numbers the sections of a part from 1 again, `amend` does
    // so in a new section of that part too.
    let part = |s: &str| s.rsplit_once('/').map_or("", |(p, _)| p).to_string();
    let restarting: Vec<String> = had.iter().map(|s| part(s)).collect();
    let new_sections = sections(new);
    if new_sections
        .iter()
        .any(|s| !had.contains(s) && !restarting.contains(&part(s)))
    {
        return true;
    }
    // And the reverse: NEW numbers on across the section headings of a
    // part whose sections OLD numbers from 1 again (`A.` `1.` | `B.` `2.`
    // for OLD's `1.` | `1.`), where `amend` numbers as OLD counts (fuzz:
    // sections-numbered-on-86fc4ca9).
    let numbered_on: Vec<String> = new_sections.iter().map(|s| part(s)).collect();
    let part_of = |label: &str| match label.rsplit_once('/') {
        Some((s, _)) if new_sections.iter().any(|n| n == s) => part(s),
        Some((p, _)) => p.to_string(),
        None => String::new(),
    };
    new.of_kind(UnitKind::Operative)
        .map(|u| part_of(&u.label))
        .any(|p| restarting.contains(&p) && !numbered_on.contains(&p))
}

/// Whether every operative paragraph NEW numbers with a Latin suffix
/// (`1 bis`) follows, in NEW, the paragraph numbered as the one before
/// (`1`), a number OLD has in the same section: the one place a list
/// gives a new paragraph its own number ("after operative paragraph 1,
/// insert …" keeps `1 bis`). Elsewhere (`1 bis` after a new `1` in a
/// draft that had no operative paragraph, or first where OLD's `1` is
/// deleted) `amend` numbers new paragraphs as it counts, 1, 2, 3 (fuzz:
/// suffix-after-new-paragraph-df4668ef, suffix-after-replaced-paragraph-deb5bdf5).
pub fn suffixes_stated(old: &Resolution, new: &Resolution) -> bool {
    use redraft::model::UnitKind;
    let section = |label: &str| label.rsplit_once('/').map_or("", |(s, _)| s).to_string();
    let had: Vec<(String, &str)> = old
        .of_kind(UnitKind::Operative)
        .filter_map(|u| Some((section(&u.label), u.number.as_deref()?)))
        .collect();
    let mut before: Option<(String, &str)> = None;
    for u in new.of_kind(UnitKind::Operative) {
        let here = section(&u.label);
        let number = u.number.as_deref().unwrap_or_default();
        let digits = number.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && digits < number.len() {
            let stated = before.as_ref().is_some_and(|(s, previous)| {
                *s == here
                    && previous_of(number).as_deref() == Some(*previous)
                    && had.iter().any(|(hs, n)| *hs == here && n == previous)
            });
            if !stated {
                return false;
            }
        }
        before = Some((here, number));
    }
    true
}

/// The number a suffixed number follows (`9` for `9bis`, `9bis` for
/// `9ter`).
fn previous_of(number: &str) -> Option<String> {
    use redraft::model::marker::LATIN_SUFFIXES;
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let (base, suffix) = number.split_at(digits);
    let k = LATIN_SUFFIXES.iter().position(|s| *s == suffix.trim())?;
    Some(match k {
        0 => base.to_string(),
        _ => format!("{base}{}", LATIN_SUFFIXES[k - 1]),
    })
}

/// A draft's units without their numbers: the kind and the text of each
/// unit, footnote references written `[^]`, footnote texts sorted at the
/// end.
pub fn bare(draft: &Resolution) -> Vec<(redraft::model::UnitKind, String)> {
    use redraft::model::UnitKind;
    let unref = |t: &str| {
        redraft::model::marker::FOOTNOTE_REF
            .replace_all(t, "[^]")
            .into_owned()
    };
    let (mut notes, mut body): (Vec<_>, Vec<_>) = draft
        .units
        .iter()
        .map(|u| (u.kind, unref(&u.text)))
        .partition(|u| u.0 == UnitKind::Footnote);
    notes.sort_by(|a, b| a.1.cmp(&b.1));
    body.extend(notes);
    body
}

/// Whether a draft counts its lists one by one from the first (`1`, `2`,
/// `3`; `1`, `1 bis`, `2`; `(a)`, `(b)`) and its footnotes 1, 2, 3 in the order of
/// their first reference, each referred to: where `amend` renumbers a list 1, 2, 3.
pub fn numbered_consecutively(draft: &Resolution) -> bool {
    use redraft::model::UnitKind;
    let notes: Vec<&str> = draft
        .of_kind(UnitKind::Footnote)
        .filter_map(|u| u.number.as_deref())
        .collect();
    let mut cited: Vec<&str> = Vec::new();
    for unit in draft.units.iter().filter(|u| u.kind != UnitKind::Footnote) {
        for (_, id) in redraft::model::marker::footnote_refs(&unit.text) {
            if !cited.contains(&id) {
                cited.push(id);
            }
        }
    }
    let counted = notes
        .iter()
        .enumerate()
        .all(|(k, n)| *n == (k + 1).to_string());
    // A footnote no text refers to has no place an amendment could give
    // it ("footnotes follow their references"): `amend` keeps it after
    // the others, so such a draft is not counted in order.
    let in_order = cited.len() == notes.len() && cited.iter().zip(&notes).all(|(c, n)| c == n);
    counted && in_order && numbered_in_order_by(draft, true)
}

/// Whether every list of a draft rises in order: the operative paragraphs
/// of each part and section (`1`, `1 bis`, `2`), the numbered paragraphs
/// that are not operative (annexed guidelines `1.`, `2.`; lettered items
/// `a)`, `b)`), the subparagraphs of each paragraph (`(a)`, `(b)`; `(i)`,
/// `(ii)`, from the first), no number twice and none going back. A list
/// of numbered paragraphs is one `amend` renumbers like operative
/// paragraphs, so a draft whose only such paragraph is `2.` counts its
/// list from 2, not from 1: no amendment states that number (fuzz:
/// numbering-not-from-one-ce6b8835).
pub fn numbered_in_order(draft: &Resolution) -> bool {
    numbered_in_order_by(draft, false)
}

/// [`numbered_in_order`], each number the one after the last when
/// `consecutive` (`2` after `1`, `1 bis` after `1`, `2` after `1 bis`).
fn numbered_in_order_by(draft: &Resolution, consecutive: bool) -> bool {
    use redraft::model::UnitKind;
    use std::collections::HashMap;
    // A list: the paragraph a subparagraph belongs to, the annex (counted:
    // a draft may give two annexes one number), the section, and whether
    // it is one of numbered paragraphs that are not operative (annexed
    // guidelines, a text with no resolution structure), which `amend`
    // numbers in runs of their own.
    type List<'a> = (Option<usize>, usize, &'a str, usize, bool);
    let mut last: HashMap<List, (u32, bool)> = HashMap::new();
    let mut annex = 0;
    // A section letter given again (`A.` twice) heads a list of its own.
    let mut given: HashMap<&str, usize> = HashMap::new();
    for unit in &draft.units {
        annex += usize::from(unit.kind == UnitKind::Annex);
        if let (UnitKind::Heading, Some(id)) = (unit.kind, unit.number.as_deref()) {
            *given.entry(id).or_default() += 1;
        }
        let (Some(m), Some(id)) = (unit.marker.as_deref(), unit.number.as_deref()) else {
            continue;
        };
        let paragraph = unit.kind == UnitKind::Paragraph;
        let section = section(unit);
        let again = given.get(section).copied().unwrap_or_default();
        let group = (unit.parent, annex, section, again, paragraph);
        let previous = last.get(&group).copied();
        let Some((kind, key)) = list_key(unit, m, id, previous) else {
            continue;
        };
        let Some(key) = key else { return false };
        let starts_list = kind == UnitKind::Subparagraph && previous.is_none();
        if previous.is_some_and(|p| key.0 <= p.0) || (starts_list && key.0 != 1) {
            return false;
        }
        // Operative keys are `16 × number + suffix`: the next is the same
        // number with the next suffix, or the next number bare.
        let next = |p: u32| match kind {
            UnitKind::Operative => key.0 == p + 1 || key.0 == (p / 16 + 1) * 16,
            _ => key.0 == p + 1,
        };
        let first = kind != UnitKind::Operative || key.0 / 16 == 1;
        if consecutive && (previous.is_some_and(|p| !next(p.0)) || previous.is_none() && !first) {
            return false;
        }
        last.insert(group, key);
    }
    true
}

/// How a numbered unit (marker `m`, number `id`) counts in its list: as
/// an operative paragraph (`16 × number + suffix`: `1`, `1 bis`, `2`) or
/// a subparagraph (a letter or, after `(i)`, a numeral; numbered
/// paragraphs count like operative ones, `1.`, or in letters, `a)`), and
/// its key; `Some((kind, None))` for a marker that reads as no number;
/// `None` for a unit in no list. `previous`: the last key of its list.
fn list_key(
    unit: &redraft::model::Unit,
    m: &str,
    id: &str,
    previous: Option<(u32, bool)>,
) -> Option<(redraft::model::UnitKind, Option<(u32, bool)>)> {
    use redraft::model::UnitKind;
    use redraft::model::marker;
    let lettered = unit.kind == UnitKind::Paragraph && marker::letter_value(id).is_some();
    let kind = match unit.kind {
        UnitKind::Paragraph if lettered => UnitKind::Subparagraph,
        UnitKind::Paragraph if id.starts_with(|c: char| c.is_ascii_digit()) => UnitKind::Operative,
        kind => kind,
    };
    let key = match kind {
        UnitKind::Operative => marker::operative(&format!("{m} x")).map(|o| {
            let suffix = o
                .suffix
                .and_then(|s| marker::LATIN_SUFFIXES.iter().position(|l| *l == s));
            (o.base * 16 + suffix.map_or(0, |k| k as u32 + 1), false)
        }),
        UnitKind::Subparagraph => {
            let roman = !lettered && previous.map_or(id == "i", |p| p.1);
            let value = match roman {
                true => marker::roman_value(id),
                false => marker::letter_value(id),
            };
            value.map(|v| (v, roman))
        }
        _ => return None,
    };
    Some((kind, key))
}

/// The section whose operative paragraphs a unit counts with: `B` for
/// `B/OP1` or `ANNEX-II/B/OP1`, where the parser found a section heading
/// (`B. Cooperation`) numbering its paragraphs from 1 again; `""` for the
/// rest. The parser's word, not every heading's: it labels a number given
/// again after a heading it does not take so `OP1#2` (a draft spliced from
/// two; `B.` before a paragraph numbered on), and `amend` then numbers on
/// across that heading too (fuzz: misnumbered-splice-f6720ae9,
/// section-not-read-7c3f478b).
fn section(unit: &redraft::model::Unit) -> &str {
    if unit.kind != redraft::model::UnitKind::Operative {
        return "";
    }
    let parts: Vec<&str> = unit.label.split('/').collect();
    match parts.as_slice() {
        [.., s, _] if !s.starts_with("ANNEX") && s.chars().all(|c| c.is_ascii_uppercase()) => s,
        _ => "",
    }
}

/// Whether `redraft` reads these bytes as a text draft: it reads a file
/// that begins with `%PDF` or a zip signature as a PDF or a Word document
/// (and `--fix` refuses those), whatever they would decode to as text.
fn read_as_text(bytes: &[u8]) -> bool {
    !(bytes.starts_with(b"%PDF")
        || bytes.starts_with(b"PK\x03\x04")
        || docx::looks_like_docx(bytes))
}

/// `--fix`: it rewrites only references, and a second run changes nothing.
pub fn fix_references(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    let (old_bytes, new_bytes) = pair(data);
    if !read_as_text(old_bytes) || !read_as_text(new_bytes) {
        return;
    }
    let (Ok(old), Ok(new)) = (text::decode(old_bytes), text::decode(new_bytes)) else {
        return;
    };
    let options = ParseOptions::default();
    let (Ok(old), Ok(new)) = (
        Document::parse("old", old, &options),
        Document::parse("new", new, &options),
    ) else {
        return;
    };
    let edits = stale::check(&old, &new).edits;
    for e in &edits {
        let inside = new
            .references()
            .iter()
            .any(|r| r.range.start <= e.range.start && e.range.end <= r.range.end);
        assert!(inside, "an edit outside every reference: {e:?}");
    }
    let fixed = fix::apply(new_bytes, &new.text, &edits).expect("edits apply");
    let Ok(fixed_text) = text::decode(&fixed) else {
        panic!("the fixed draft no longer decodes")
    };
    let Ok(again) = Document::parse("fixed", fixed_text, &options) else {
        panic!("the fixed draft no longer parses")
    };
    let second = stale::check(&old, &again).edits;
    assert!(second.is_empty(), "--fix is not idempotent: {second:?}");
}
