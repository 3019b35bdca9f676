//! Markdown: `~~deleted~~` and `**inserted**`.
//!
//! A summary comes first, then every unit as a paragraph, its number
//! escaped so that it is not read as a list item (`17\.`), notes in
//! italics (`_(formerly 16)_`, `_(ancien 16)_`), in the draft's
//! language and numbering ([`crate::render::reader`]).

use crate::lang::Lang;
use crate::redline::{Entry, Op, Redline, SegmentOp};
use crate::render::reader::{self, lang_of};
use crate::render::{for_reading, hug, shown_marker};
use std::io::{self, Write};

/// Writes the redline as Markdown.
pub fn render(redline: &Redline, out: &mut dyn Write) -> io::Result<()> {
    let lang = lang_of(redline);
    let words = lang.reader();
    writeln!(
        out,
        "# {}{}: {} → {}\n",
        escape(words.redline),
        words.before_colon,
        escape(&redline.old.described()),
        escape(&redline.new.described())
    )?;
    writeln!(out, "{}\n", escape(&reader::summary_line(redline, lang)))?;
    let renumbered = reader::renumbering(redline, lang);
    if !renumbered.is_empty() {
        let rows: Vec<String> = renumbered
            .iter()
            .map(|(old, new)| format!("{old} → {new}"))
            .collect();
        writeln!(
            out,
            "{}{}: {}\n",
            escape(words.renumbering),
            words.before_colon,
            escape(&rows.join(", "))
        )?;
    }
    let entries = for_reading(redline);
    for block in crate::parallel::map(&entries, |entry| block(entry, lang)) {
        writeln!(out, "{block}\n")?;
    }
    Ok(())
}

fn block(entry: &Entry, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = shown_marker(entry) {
        parts.push(wrap_whole(entry, &escape_marker(m)));
    }
    if let Some(a) = reader::note(entry, lang) {
        parts.push(format!("_({})_", escape(&a)));
    }
    if entry.op != Op::MovedAway {
        parts.push(body(entry, None));
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

fn wrap_whole(entry: &Entry, text: &str) -> String {
    match entry.op {
        Op::Inserted => format!("**{text}**"),
        Op::Deleted | Op::MovedAway => format!("~~{text}~~"),
        _ => text.to_string(),
    }
}

/// In Markdown, a history's changes carry their round after them
/// (`~~7e~~<sub>version 1</sub>`), insertions of the latest round in bold
/// italics.
pub use super::Rounds;

/// The text of an entry: `~~deleted~~` and `**inserted**`, each change
/// followed by its round when `rounds` is given (a history).
pub fn body(entry: &Entry, rounds: Option<Rounds>) -> String {
    let mut out = String::new();
    for s in &entry.segments {
        let (lead, core, trail) = hug(&s.text);
        let core = escape(&core.replace('\n', " ¶ "));
        out.push_str(lead);
        let (tag, strong) = round_tag(s.round, rounds);
        match s.op {
            SegmentOp::Equal => out.push_str(&core),
            _ if core.is_empty() => {}
            SegmentOp::Delete => out.push_str(&format!("~~{core}~~{tag}")),
            SegmentOp::Insert => out.push_str(&format!("{strong}{core}{strong}{tag}")),
        }
        out.push_str(trail);
    }
    out
}

/// What follows a change of `round` (`<sub>version 2</sub>`), and the
/// emphasis of an insertion (`***` for the latest round).
fn round_tag(round: Option<usize>, rounds: Option<Rounds>) -> (String, &'static str) {
    match (round, rounds) {
        (Some(r), Some(rounds)) => {
            let name = crate::render::history::round_name(r, rounds.lang);
            let strong = if r == rounds.last { "***" } else { "**" };
            (format!("<sub>{name}</sub>"), strong)
        }
        _ => (String::new(), "**"),
    }
}

/// Escapes the characters Markdown would read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a paragraph number so that Markdown does not take it for a list
/// item: `17.` → `17\.`, `3)` → `3\)`.
pub fn escape_marker(marker: &str) -> String {
    let out = escape(marker);
    match out.strip_suffix(['.', ')']) {
        Some(head) if head.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            format!("{head}\\{}", &out[head.len()..])
        }
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_list_numbers() {
        assert_eq!(escape_marker("17."), "17\\.");
        assert_eq!(escape_marker("(a)"), "(a)");
        assert_eq!(escape("a *b* [^5]"), "a \\*b\\* \\[^5\\]");
    }
}
