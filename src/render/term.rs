//! The terminal: deletions red and struck through, insertions green and
//! underlined; without colour, wdiff markers. Unchanged units are folded
//! unless `--full`, keeping `--context N` of them around each change.

use super::{RenderOptions, annotation, for_reading, shown_marker, summary_line};
use crate::redline::{Entry, Op, Redline, SegmentOp};
use console::Style;
use std::borrow::Cow;
use std::io::{self, Write};

struct Styles {
    color: bool,
    del: Style,
    ins: Style,
    note: Style,
    num: Style,
}

impl Styles {
    fn new(color: bool) -> Self {
        let s = |style: Style| style.force_styling(color);
        Styles {
            color,
            del: s(Style::new().red().strikethrough()),
            ins: s(Style::new().green().underlined()),
            note: s(Style::new().dim()),
            num: s(Style::new().bold()),
        }
    }

    fn del(&self, text: &str) -> String {
        if self.color {
            self.del.apply_to(text).to_string()
        } else {
            format!("[-{text}-]")
        }
    }

    fn ins(&self, text: &str) -> String {
        if self.color {
            self.ins.apply_to(text).to_string()
        } else {
            format!("{{+{text}+}}")
        }
    }
}

/// Writes the redline for a terminal.
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let redline = &*super::escape::redline(redline, !options.color);
    let styles = Styles::new(options.color);
    writeln!(
        out,
        "{}",
        styles
            .note
            .apply_to(format!("{} → {}", redline.old.name, redline.new.name))
    )?;
    writeln!(out, "{}", styles.note.apply_to(summary_line(redline)))?;
    let entries = for_reading(redline);
    let shown = shown_entries(&entries, options);
    let mut folded: Vec<&Entry> = Vec::new();
    for (entry, show) in entries.iter().map(|e| e.as_ref()).zip(shown) {
        if !show {
            folded.push(entry);
            continue;
        }
        fold(&mut folded, &styles, out)?;
        writeln!(out)?;
        writeln!(out, "{}", line(entry, &styles))?;
    }
    fold(&mut folded, &styles, out)
}

/// Which entries to show: every change, and `context` entries around.
fn shown_entries(entries: &[Cow<'_, Entry>], options: &RenderOptions) -> Vec<bool> {
    if options.full {
        return vec![true; entries.len()];
    }
    let mut shown = vec![false; entries.len()];
    for (k, e) in entries.iter().enumerate() {
        if e.is_change() {
            let lo = k.saturating_sub(options.context);
            let hi = (k + options.context + 1).min(entries.len());
            shown[lo..hi].iter_mut().for_each(|s| *s = true);
        }
    }
    shown
}

fn fold(folded: &mut Vec<&Entry>, styles: &Styles, out: &mut dyn Write) -> io::Result<()> {
    if let (Some(first), Some(last)) = (folded.first(), folded.last()) {
        let range = if folded.len() == 1 {
            first.label().to_string()
        } else {
            format!("{}–{}", first.label(), last.label())
        };
        let what = if folded.len() == 1 { "unit" } else { "units" };
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            styles
                .note
                .apply_to(format!("  ⋯ {} unchanged {what} ({range}) ⋯", folded.len()))
        )?;
    }
    folded.clear();
    Ok(())
}

fn line(entry: &Entry, styles: &Styles) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = shown_marker(entry) {
        parts.push(match entry.op {
            Op::Inserted => styles.ins(m),
            Op::Deleted | Op::MovedAway => styles.del(m),
            _ => styles.num.apply_to(m).to_string(),
        });
    }
    if let Some(a) = annotation(entry) {
        parts.push(styles.note.apply_to(format!("({a})")).to_string());
    }
    if entry.op != Op::MovedAway {
        let body: String = entry
            .segments
            .iter()
            .map(|s| match s.op {
                SegmentOp::Equal => s.text.clone(),
                SegmentOp::Delete => styles.del(&s.text.replace('\n', " ¶ ")),
                SegmentOp::Insert => styles.ins(&s.text),
            })
            .collect();
        parts.push(body);
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}
