//! Text and Markdown in the negotiating convention.
//!
//! A header names the base and the delegations, the summary follows (per
//! delegation; the most contested units first), then the compiled text,
//! one block per unit:
//!
//! ```text
//! 1. Requests [a / Alt 1: an annual (EU, US) / Alt 2: a detailed (G77)] report.
//!
//! 1 bis. Welcomes the report. (EU, G77)
//!
//! 2. Decides to act. (US: delete)
//!
//! 3. Calls upon [-all-]{+the+} (EU) States.
//! ```
//!
//! A change proposed by one group of delegations reads as a redline with
//! the names after it; changes on the same words by delegations that do
//! not agree stand in brackets as alternatives after the base words.

use super::super::{Compilation, Item, Part, Summary};
use super::{names, shown_number};
use crate::lang::compile::CompileWords;
use std::io::{self, Write};

/// Plain text or Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `[-old-]{+new+}`.
    Text,
    /// `~~old~~**new**`, numbers escaped.
    Markdown,
}

/// Writes the compilation.
pub fn render(c: &Compilation, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let w = CompileWords::of(c.lang);
    let heading = if style == Style::Markdown { "# " } else { "" };
    writeln!(out, "{heading}{} {}", w.title, escape(&c.base, style))?;
    writeln!(
        out,
        "\n{} {}\n",
        w.colon(w.delegations),
        escape(&c.delegations.join(", "), style)
    )?;
    summary(&c.summary(), w, style, out)?;
    let h = if style == Style::Markdown { "## " } else { "" };
    writeln!(out, "{h}{}\n", w.text)?;
    for item in &c.items {
        writeln!(out, "{}\n", block(item, w, style))?;
    }
    Ok(())
}

/// The summary lines.
fn summary(s: &Summary, w: &CompileWords, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let (h, bullet) = match style {
        Style::Markdown => ("## ", "- "),
        Style::Text => ("", "  "),
    };
    writeln!(out, "{h}{}\n", w.by_delegation)?;
    let [edited, inserted, deleted] = w.counts;
    for d in &s.delegations {
        let name = escape(&d.name, style);
        let (e, i, x) = (d.edited, d.inserted, d.deleted);
        writeln!(
            out,
            "{bullet}{} {edited} {e}, {inserted} {i}, {deleted} {x}",
            w.colon(&name)
        )?;
    }
    writeln!(out, "\n{h}{}\n", w.contested)?;
    if s.hot.is_empty() {
        writeln!(out, "{bullet}{}", w.none)?;
    }
    for u in &s.hot {
        let alts = match u.alternatives {
            0 => String::new(),
            n => format!(", {n} {}", w.alternatives),
        };
        let label = escape(&u.label, style);
        writeln!(
            out,
            "{bullet}{} {}{alts}",
            w.colon(&label),
            w.delegations_count(u.delegations)
        )?;
    }
    writeln!(out)
}

/// One unit as a block.
pub fn block(item: &Item, w: &CompileWords, style: Style) -> String {
    let mut out = String::new();
    if let Some(m) = &item.marker {
        let m = if style == Style::Markdown {
            m.replacen('.', "\\.", 1)
        } else {
            m.clone()
        };
        out.push_str(&m);
        out.push(' ');
    } else if !item.in_base {
        out.push_str(&format!("[{}] ", shown_number(item)));
    }
    for part in &item.parts {
        out.push_str(&part_text(part, w, style));
    }
    if let Some(note) = note(item, w) {
        out.push_str(&format!(" ({})", escape(&note, style)));
    }
    out
}

/// The attribution after a unit: who proposes a new one, who deletes one.
pub fn note(item: &Item, w: &CompileWords) -> Option<String> {
    if !item.in_base {
        let from = match item.from.as_slice() {
            [] => String::new(),
            labels => format!("; {} {}", w.from, labels.join(", ")),
        };
        return Some(format!("{}{from}", names(&item.proposed_by)));
    }
    (!item.deleted_by.is_empty())
        .then(|| format!("{} {}", w.colon(&names(&item.deleted_by)), w.delete))
}

/// One part of a unit's text.
fn part_text(part: &Part, w: &CompileWords, style: Style) -> String {
    match part {
        Part::Text { text } => escape(text, style),
        Part::Change { base, alternatives } if alternatives.len() == 1 => {
            let a = &alternatives[0];
            let (lead, old, new, trail) = spaces_outside(base, &a.text);
            let who = escape(&names(&a.by), style);
            format!("{lead}{} ({who}){trail}", redline(old, new, style))
        }
        Part::Change { base, alternatives } => {
            let texts: Vec<&str> = std::iter::once(base.as_str())
                .chain(alternatives.iter().map(|a| a.text.as_str()))
                .collect();
            let (lead, trail) = shared_spaces(&texts);
            let core = |s: &str| {
                escape(
                    s.strip_prefix(lead)
                        .unwrap_or(s)
                        .strip_suffix(trail)
                        .unwrap_or(s)
                        .trim(),
                    style,
                )
            };
            let mut pieces: Vec<String> = Vec::new();
            if !base.is_empty() {
                pieces.push(core(base));
            }
            for (k, a) in alternatives.iter().enumerate() {
                let text = if a.text.is_empty() {
                    w.delete.to_string()
                } else {
                    core(&a.text)
                };
                pieces.push(format!(
                    "{} {}{}: {text} ({})",
                    w.alt,
                    k + 1,
                    w.before_colon,
                    escape(&names(&a.by), style)
                ));
            }
            format!("{lead}[{}]{trail}", pieces.join(" / "))
        }
    }
}

/// Old words struck, new words marked.
fn redline(old: &str, new: &str, style: Style) -> String {
    let (o, n) = (escape(old, style), escape(new, style));
    let mark = |s: &str, open: &str, close: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!("{open}{s}{close}")
        }
    };
    match style {
        Style::Text => format!("{}{}", mark(&o, "[-", "-]"), mark(&n, "{+", "+}")),
        Style::Markdown => format!("{}{}", mark(&o, "~~", "~~"), mark(&n, "**", "**")),
    }
}

/// The spaces every non-empty text starts with and ends with.
fn shared_spaces<'a>(texts: &[&'a str]) -> (&'a str, &'a str) {
    let full: Vec<&str> = texts
        .iter()
        .copied()
        .filter(|t| !t.trim().is_empty())
        .collect();
    let Some(first) = full.first() else {
        return ("", "");
    };
    let lead = &first[..first.len() - first.trim_start().len()];
    let trail = &first[first.trim_end().len()..];
    let lead = if full.iter().all(|t| t.starts_with(lead)) {
        lead
    } else {
        ""
    };
    let trail = if full.iter().all(|t| t.ends_with(trail)) {
        trail
    } else {
        ""
    };
    (lead, trail)
}

/// The spaces both sides of a change start and end with, set outside it
/// (a side that is empty lends the other's): `" fully"` inserted →
/// (`" "`, `""`, `"fully"`, `""`).
fn spaces_outside<'a>(old: &'a str, new: &'a str) -> (&'a str, &'a str, &'a str, &'a str) {
    let lead_of = |s: &'a str| &s[..s.len() - s.trim_start().len()];
    let trail_of = |s: &'a str| &s[s.trim_end().len()..];
    let common =
        |a: &'a str, b: &'a str, f: &dyn Fn(&'a str) -> &'a str| match (a.is_empty(), b.is_empty())
        {
            (true, _) => f(b),
            (_, true) => f(a),
            _ if f(a) == f(b) => f(a),
            _ => "",
        };
    let lead = common(old, new, &lead_of);
    let old = old.strip_prefix(lead).unwrap_or(old);
    let new = new.strip_prefix(lead).unwrap_or(new);
    let trail = common(old, new, &trail_of);
    let old = old.strip_suffix(trail).unwrap_or(old);
    let new = new.strip_suffix(trail).unwrap_or(new);
    (lead, old, new, trail)
}

/// Text as Markdown reads it literally.
fn escape(text: &str, style: Style) -> String {
    match style {
        Style::Text => text.to_string(),
        Style::Markdown => {
            let mut out = String::with_capacity(text.len());
            for c in text.chars() {
                if matches!(
                    c,
                    '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
                ) {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        }
    }
}
