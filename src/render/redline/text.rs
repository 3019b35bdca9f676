//! wdiff-style plain text: `[-deleted-]{+inserted+}`.
//!
//! Each unit is one block, its number first, then a bracketed note when it
//! was renumbered, inserted, moved, split or merged:
//!
//! ```text
//! 17. [ancien 16] Invite instamment les États Parties ...
//! {+16. Salue les travaux préparatoires ...+}
//! 25. [ancien 23] ... à sa [-vingtième-]{+vingt-et-unième+} session ;
//! ```
//!
//! Notes are in the new draft's language ([`crate::render::reader`]).

use crate::redline::{Entry, Op, Redline, SegmentOp};
use crate::render::reader::{self, lang_of};
use crate::render::{annotation, for_reading, shown_marker};
use std::io::{self, Write};

/// Writes the redline as wdiff-style text.
pub fn render(redline: &Redline, out: &mut dyn Write) -> io::Result<()> {
    let redline = &*crate::render::escape::redline(redline, true);
    writeln!(out, "--- {}", redline.old.described())?;
    writeln!(out, "+++ {}", redline.new.described())?;
    let lang = lang_of(redline);
    let entries = for_reading(redline);
    let blocks = crate::parallel::map(&entries, |entry| {
        block_with(entry, reader::note(entry, lang))
    });
    for block in blocks {
        writeln!(out)?;
        writeln!(out, "{block}")?;
    }
    Ok(())
}

/// One unit as a wdiff-style block, its notes in English with labels
/// (`[moved from OP2]`), as the Word redline's comments quote it.
pub fn block(entry: &Entry) -> String {
    block_with(entry, annotation(entry))
}

/// One unit as a wdiff-style block with a note.
pub fn block_with(entry: &Entry, note_text: Option<String>) -> String {
    let marker = shown_marker(entry);
    let note = note_text.clone().map(|a| format!("[{a}]"));
    if entry.op == Op::MovedAway {
        let note = format!("[{}]", note_text.unwrap_or_default());
        return marker.map_or(note.clone(), |m| format!("[-{m}-] {note}"));
    }
    let body = body(entry);
    let whole_change = matches!(entry.op, Op::Inserted | Op::Deleted);
    let mut parts: Vec<String> = Vec::new();
    if whole_change {
        let plain = plain(entry);
        let text: Vec<&str> = [marker, Some(plain.as_str())]
            .into_iter()
            .flatten()
            .collect();
        let text = text.join(" ");
        let wrapped = if entry.op == Op::Inserted {
            format!("{{+{text}+}}")
        } else {
            format!("[-{text}-]")
        };
        parts.push(wrapped);
        parts.extend(note.filter(|n| !says_only_inserted_or_deleted(n)));
        return parts.join(" ");
    }
    parts.extend(marker.map(str::to_string));
    parts.extend(note);
    parts.push(body);
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// Whether a note only says what the brackets already show: `[inserted]`,
/// `[supprimé]`.
fn says_only_inserted_or_deleted(note: &str) -> bool {
    let word = note.trim_start_matches('[').trim_end_matches(']');
    crate::lang::Lang::ALL.iter().any(|l| {
        let r = l.reader();
        word == r.inserted || word == r.deleted
    })
}

fn plain(entry: &Entry) -> String {
    entry.segments.iter().map(|s| s.text.as_str()).collect()
}

fn body(entry: &Entry) -> String {
    entry
        .segments
        .iter()
        .map(|s| match s.op {
            SegmentOp::Equal => s.text.clone(),
            SegmentOp::Delete => format!("[-{}-]", s.text.replace('\n', " ¶ ")),
            SegmentOp::Insert => format!("{{+{}+}}", s.text),
        })
        .collect()
}
