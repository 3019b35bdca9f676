//! Escapes for text that reaches a terminal or a wdiff-style redline.
//!
//! **Control characters.** A draft (a Word file above all) may hold ESC,
//! BEL or other control characters; written raw to a terminal they set
//! its title, clear the screen or worse. Terminal, text and human output,
//! and every error message, show them as Rust escapes: ESC is `\u{1b}`,
//! BEL `\u{7}`. Tabs and line ends stay in the body of a redline; in a
//! one-line message they are escaped too (`\n`, `\t`).
//!
//! **Redline markers.** The text and uncoloured terminal formats mark
//! deletions `[-…-]` and insertions `{+…+}`. A draft that itself holds
//! `[-`, `-]`, `{+` or `+}` would read as a change, so in its text a
//! backslash goes between the two characters, and a backslash that would
//! stand there already is doubled:
//!
//! | in the draft | in the redline |
//! |--------------|----------------|
//! | `[-`         | `[\-`          |
//! | `-]`         | `-\]`          |
//! | `{+`         | `{\+`          |
//! | `+}`         | `+\}`          |
//! | `[\` (and `{\`, `-\`, `+\`) | `[\\` |
//!
//! Read back: a backslash after `[`, `{`, `-` or `+` is dropped and the
//! character after it taken as it is ([`unmark`]). Any other backslash is
//! left alone, so a path such as `C:\drafts` reads the same.
//!
//! ```
//! use redraft::render::escape::{mark, unmark, controls};
//! assert_eq!(mark("see [-draft-] text"), "see [\\-draft-\\] text");
//! assert_eq!(unmark(&mark("see [-draft-] text")), "see [-draft-] text");
//! assert_eq!(controls("bell\u{7} and\u{1b}[2J"), "bell\\u{7} and\\u{1b}[2J");
//! ```

use crate::redline::{Redline, Segment};
use std::borrow::Cow;

/// Whether a character is shown escaped in a redline's body: a control
/// character other than tab and line end.
fn hostile(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with its control characters (other than tab and line end)
/// escaped: ESC → `\u{1b}`.
pub fn controls(text: &str) -> Cow<'_, str> {
    escape_if(text, hostile)
}

/// `text` on one line: every control character escaped, line ends and
/// tabs included (`\n`, `\t`). For error messages naming files and XML.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_if(text, char::is_control)
}

fn escape_if(text: &str, bad: fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether the character after `prev` takes a backslash (see the table).
fn needs_backslash(prev: char, c: char) -> bool {
    matches!((prev, c), ('[', '-') | ('-', ']') | ('{', '+') | ('+', '}'))
        || (c == '\\' && matches!(prev, '[' | '{' | '-' | '+'))
}

/// `text` with literal redline markers escaped (see the module doc).
pub fn mark(text: &str) -> Cow<'_, str> {
    let mut prev = '\0';
    let clean = text.chars().all(|c| {
        let ok = !needs_backslash(prev, c);
        prev = c;
        ok
    });
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = '\0';
    for c in text.chars() {
        if needs_backslash(prev, c) {
            out.push('\\');
        }
        out.push(c);
        prev = c;
    }
    Cow::Owned(out)
}

/// The draft's text back from [`mark`]ed text.
pub fn unmark(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    let mut prev = '\0';
    while let Some(c) = chars.next() {
        if c == '\\' && matches!(prev, '[' | '{' | '-' | '+') {
            if let Some(next) = chars.next() {
                out.push(next);
                prev = next;
            }
            continue;
        }
        out.push(c);
        prev = c;
    }
    out
}

/// The redline as the text and terminal formats show it: control
/// characters escaped in names and text, and, when `markers` (the formats
/// that write `[-…-]`), literal markers too. Borrowed when nothing needs
/// escaping, which is the usual case.
pub fn redline(redline: &Redline, markers: bool) -> Cow<'_, Redline> {
    let fix = |s: &str| -> Option<String> {
        let c = controls(s);
        let m = if markers {
            mark(&c)
        } else {
            Cow::Borrowed(c.as_ref())
        };
        match (&c, &m) {
            (Cow::Borrowed(_), Cow::Borrowed(_)) => None,
            _ => Some(m.into_owned()),
        }
    };
    let needed = [&redline.old.name, &redline.new.name]
        .into_iter()
        .any(|n| fix(n).is_some())
        || redline
            .entries
            .iter()
            .flat_map(|e| &e.segments)
            .any(|s| fix(&s.text).is_some());
    if !needed {
        return Cow::Borrowed(redline);
    }
    let mut owned = redline.clone();
    for name in [&mut owned.old.name, &mut owned.new.name] {
        if let Some(n) = fix(name) {
            *name = n;
        }
    }
    let segments = owned.entries.iter_mut().flat_map(|e| &mut e.segments);
    for Segment { text, .. } in segments {
        if let Some(t) = fix(text) {
            *text = t;
        }
    }
    Cow::Owned(owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_back() {
        for s in [
            "[-", "-]", "{+", "+}", "[-]", "[\\-", "-\\]", "a\\b", "[[--]]", "{+x+}", "\\", "-\\",
            "[\\",
        ] {
            let m = mark(s);
            assert_eq!(unmark(&m), s, "{s} → {m}");
            for marker in ["[-", "-]", "{+", "+}"] {
                assert!(!m.contains(marker), "{s} → {m}");
            }
        }
        assert_eq!(mark("C:\\drafts"), "C:\\drafts");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(controls("a\u{1b}]0;title\u{7}b"), "a\\u{1b}]0;title\\u{7}b");
        assert_eq!(controls("line\nnext\ttab"), "line\nnext\ttab");
        assert_eq!(one_line("file\nname\r"), "file\\nname\\r");
        assert!(matches!(controls("plain"), Cow::Borrowed(_)));
    }
}
