//! What the reader's formats (terminal, HTML, Markdown, text, the Word
//! summary page) say about a unit, in the draft's language and with the
//! document's own numbering, never the tool's labels:
//!
//! | label | English | French |
//! |---|---|---|
//! | `OP17` | paragraph 17 | paragraphe 17 |
//! | `PP3` | preambular paragraph 3 | alinéa 3 du préambule |
//! | `OP3(b)` | paragraph 3 (b) | paragraphe 3, alinéa b |
//! | `FN9` | footnote 9 | note 9 |
//! | `ANNEX-II/OP3` | paragraph 3 of annex II | paragraphe 3 (annexe II) |
//!
//! and the notes after a number: `17. (formerly 16)`, `(ancien 16)`,
//! `(moved from paragraph 2)`, `(déplacé ; auparavant paragraphe 2)`. The
//! JSON format keeps the labels: it is for programs.

use crate::lang::Lang;
use crate::lang::reader::{Count, ReaderWords};
use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline, Side};

/// The name of a unit as its reader calls it, from its label.
///
/// ```
/// use redraft::lang::Lang;
/// use redraft::render::reader::name_of_label;
/// assert_eq!(name_of_label("PP3", Lang::Fr), "alinéa 3 du préambule");
/// assert_eq!(name_of_label("OP9bis", Lang::En), "paragraph 9 bis");
/// assert_eq!(name_of_label("OP3(b)(ii)", Lang::En), "paragraph 3 (b) (ii)");
/// assert_eq!(name_of_label("ANNEX-II/OP3", Lang::En), "paragraph 3 of annex II");
/// assert_eq!(name_of_label("FN9", Lang::Es), "nota 9");
/// ```
pub fn name_of_label(label: &str, lang: Lang) -> String {
    let words = lang.reader();
    let (label, repeat) = match label.split_once('#') {
        Some((l, r)) => (l, Some(r)),
        None => (label, None),
    };
    let mut parts: Vec<&str> = label.split('/').collect();
    let own = parts.pop().unwrap_or("");
    let mut name = own_name(own, words);
    if let Some(r) = repeat {
        name = format!("{name} [{r}]");
    }
    for part in parts.iter().rev() {
        let part = part_name(part, words);
        name = ReaderWords::fill(words.names.in_part, &[("x", &name), ("part", &part)]);
    }
    name
}

/// The name of a unit in one version.
pub fn name(side: &Side, lang: Lang) -> String {
    name_of_label(&side.label, lang)
}

fn part_name(part: &str, words: &ReaderWords) -> String {
    match part.strip_prefix("ANNEX") {
        Some("") => words.names.the_annex.to_string(),
        Some(n) => ReaderWords::fill(words.names.annex, &[("n", n.trim_start_matches('-'))]),
        None => ReaderWords::fill(words.names.section, &[("n", part)]),
    }
}

fn own_name(own: &str, words: &ReaderWords) -> String {
    let n = &words.names;
    if let Some(open) = own.rfind('(').filter(|&i| i > 0 && own.ends_with(')')) {
        let parent = own_name(&own[..open], words);
        let s = &own[open + 1..own.len() - 1];
        return ReaderWords::fill(n.subparagraph, &[("parent", &parent), ("s", s)]);
    }
    if let Some((numbered, _)) = own.split_once('.') {
        let x = own_name(numbered, words);
        return ReaderWords::fill(n.after, &[("x", &x)]);
    }
    let prefixed = [
        ("TABLE", n.table),
        ("TEXT", n.text),
        ("TITLE", n.title),
        ("ANNEX", ""),
        ("FN", n.footnote),
        ("PP", n.preambular),
        ("OP", n.operative),
        ("P", n.operative),
        ("H", n.heading),
    ];
    match prefixed.iter().find(|(p, _)| own.starts_with(p)) {
        Some(("TITLE", t)) => t.to_string(),
        Some(("ANNEX", _)) => part_name(own, words),
        Some((p, t)) => ReaderWords::fill(t, &[("n", &spaced_number(&own[p.len()..]))]),
        None if own == "CHAPEAU" => n.chapeau.to_string(),
        None => own.to_string(),
    }
}

/// `9bis` → `9 bis`: a number as printed.
fn spaced_number(n: &str) -> String {
    match n.find(|c: char| !c.is_ascii_digit()) {
        Some(i) if i > 0 => format!("{} {}", &n[..i], &n[i..]),
        _ => n.to_string(),
    }
}

/// Whether the only change of an entry is its number: it is shown
/// quietly, folded in the terminal, and counted apart.
pub fn renumbered_only(entry: &Entry) -> bool {
    entry.op == Op::Unchanged && entry.renumbered() && !entry.moved && !entry.changed_kind()
}

/// `formerly 16` (`ancien 16`, `antes 16`) for a renumbered unit.
pub fn formerly(entry: &Entry, lang: Lang) -> Option<String> {
    if !entry.renumbered() || entry.moved {
        return None;
    }
    let n = entry.old.first()?.number.as_deref()?;
    let words = lang.reader();
    let template = if entry.kind == UnitKind::Footnote {
        words.formerly_footnote
    } else {
        words.formerly
    };
    Some(ReaderWords::fill(template, &[("n", n)]))
}

/// What happened to a unit, in words, each with the CSS class it is shown
/// with: (`inserted`, `inserted`), (`moved`, `moved from paragraph 2`).
/// A renumbered unit's old number is said by [`formerly`], not here.
pub fn badges(entry: &Entry, lang: Lang) -> Vec<(&'static str, String)> {
    let words = lang.reader();
    let x = |side: Option<&Side>| side.map(|s| name(s, lang)).unwrap_or_default();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    match entry.op {
        Op::Unchanged => {}
        Op::Edited => out.push(("edited", words.edited.to_string())),
        Op::Inserted => out.push(("inserted", words.inserted.to_string())),
        Op::Deleted => out.push(("deleted", words.deleted.to_string())),
        Op::Split => {
            let from = x(entry.old.first());
            out.push(("split", split_note(entry, &from, words)));
        }
        Op::Merged => {
            let olds: Vec<String> = entry.old.iter().map(|o| name(o, lang)).collect();
            let text = ReaderWords::fill(words.merged, &[("x", &words.join_and(&olds))]);
            out.push(("merged", text));
        }
        Op::MovedAway => {
            let to = ReaderWords::fill(words.moved_to, &[("x", &x(entry.new.as_ref()))]);
            out.push(("moved_away", to));
        }
    }
    if entry.moved && entry.op != Op::MovedAway {
        let from = ReaderWords::fill(words.moved_from, &[("x", &x(entry.old.first()))]);
        out.push(("moved", from));
    } else if entry.changed_kind() {
        let was = ReaderWords::fill(words.was, &[("x", &x(entry.old.first()))]);
        out.push(("was", was));
    }
    out
}

fn split_note(entry: &Entry, from: &str, words: &ReaderWords) -> String {
    match entry.piece {
        Some(p) => ReaderWords::fill(
            words.split_piece,
            &[
                ("i", &p.index.to_string()),
                ("of", &p.of.to_string()),
                ("x", from),
            ],
        ),
        None => ReaderWords::fill(words.split, &[("x", from)]),
    }
}

/// The note shown after a unit's number, all in one: `formerly 16`,
/// `inserted`, `moved from paragraph 7`, joined by `; `. An edit says
/// nothing here: its struck and underlined words say it.
pub fn note(entry: &Entry, lang: Lang) -> Option<String> {
    let mut notes: Vec<String> = formerly(entry, lang).into_iter().collect();
    notes.extend(
        badges(entry, lang)
            .into_iter()
            .filter(|(class, _)| *class != "edited")
            .map(|(_, text)| text),
    );
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// The counts of a redline as its reader reads them, each with its words:
/// edited, inserted, deleted, moved, split, merged, reclassified,
/// renumbered only, unchanged. A renumbered unit that was also edited
/// counts as edited; "unchanged" is what shows no change at all.
pub fn counts(redline: &Redline) -> Vec<(&'static str, usize)> {
    let s = redline.summary();
    let entries = super::for_reading(redline);
    let renumbered_only = entries.iter().filter(|e| renumbered_only(e)).count();
    let unchanged = entries.iter().filter(|e| !e.is_change()).count();
    vec![
        ("edited", s.edited),
        ("inserted", s.inserted),
        ("deleted", s.deleted),
        ("moved", s.moved),
        ("split", s.split),
        ("merged", s.merged),
        ("reclassified", s.changed_kind),
        ("renumbered-only", renumbered_only),
        ("unchanged", unchanged),
    ]
}

/// The words of a count, by the key [`counts`] gives it.
pub fn count_words(key: &str, lang: Lang) -> Count {
    let c = &lang.reader().counts;
    match key {
        "edited" => c.edited,
        "inserted" => c.inserted,
        "deleted" => c.deleted,
        "moved" => c.moved,
        "split" => c.split,
        "merged" => c.merged,
        "reclassified" => c.reclassified,
        "renumbered-only" => c.renumbered_only,
        _ => c.unchanged,
    }
}

/// The non-zero counts in words: `8 edited, 2 inserted, 19 renumbered
/// only, 150 unchanged` (`8 modifiés, 2 insérés, …`).
pub fn summary_line(redline: &Redline, lang: Lang) -> String {
    counts(redline)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, n)| format!("{n} {}", ReaderWords::count(n, count_words(key, lang))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The renumbering table in the document's numbering: (old, new) names of
/// every unit whose number changed (`paragraph 16`, `paragraph 17`).
pub fn renumbering(redline: &Redline, lang: Lang) -> Vec<(String, String)> {
    redline
        .entries
        .iter()
        .filter(|e| e.renumbered())
        .filter_map(|e| Some((name(e.old.first()?, lang), name(e.new.as_ref()?, lang))))
        .collect()
}

/// The units only renumbered, as a list: `paragraph 16 → 17` (the new
/// number alone when the name only changes by it).
pub fn renumbered_only_list(redline: &Redline, lang: Lang) -> Vec<String> {
    super::for_reading(redline)
        .iter()
        .filter(|e| renumbered_only(e))
        .filter_map(|e| {
            let old = name(e.old.first()?, lang);
            let new = e.new.as_ref()?;
            let number = new.number.clone().unwrap_or_else(|| name(new, lang));
            Some(format!("{old} → {number}"))
        })
        .collect()
}

/// The language a redline speaks to its reader: the new draft's.
pub fn lang_of(redline: &Redline) -> Lang {
    redline.new.lang
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_language() {
        assert_eq!(name_of_label("OP17", Lang::Fr), "paragraphe 17");
        assert_eq!(name_of_label("PP3", Lang::Es), "párrafo 3 del preámbulo");
        assert_eq!(name_of_label("OP3(b)", Lang::Fr), "paragraphe 3, alinéa b");
        assert_eq!(name_of_label("B/OP1", Lang::En), "paragraph 1 of section B");
        assert_eq!(name_of_label("ANNEX/P2", Lang::Fr), "paragraphe 2 (annexe)");
        assert_eq!(name_of_label("ANNEX-II", Lang::Es), "anexo II");
        assert_eq!(name_of_label("OP12.1", Lang::En), "text after paragraph 12");
        assert_eq!(name_of_label("H4", Lang::Fr), "intertitre 4");
        assert_eq!(name_of_label("CHAPEAU", Lang::En), "chapeau");
        assert_eq!(name_of_label("TITLE-2", Lang::Fr), "titre");
        assert_eq!(name_of_label("OP5#2", Lang::En), "paragraph 5 [2]");
    }
}
