//! Reading a list of amendments.
//!
//! One amendment per line, in English, French or Spanish, in the forms of
//! [`crate::lang::amendments`]; blank lines and lines opening with `#` are
//! skipped; a leading list number (`1.`, `(2)`, `-`) is ignored. An
//! amendment whose quotation is still open at the end of its line (or that
//! ends with a colon) continues on the next lines, so a new paragraph may
//! stand on lines of its own:
//!
//! ```text
//! After operative paragraph 15, insert a new paragraph reading:
//! "Welcomes the preparatory work ..."
//! ```

use super::plural;
use super::read::{self as pattern, MAX_AMENDMENT, Unread, collapse};
use crate::amend::Amendment;
use crate::lang::Lang;

/// A list that cannot be read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The line (1-based) of the amendment that cannot be read.
    pub line: usize,
    /// What is wrong, in one sentence.
    pub message: String,
}

/// Reads a list of amendments.
///
/// ```
/// let list = redraft::amend::parse("1. Operative paragraph 2: replace \"13\" with \"12\".\n\nDelete operative paragraph 7.\n").unwrap();
/// assert_eq!((list.len(), list[1].line), (2, 3));
/// let e = redraft::amend::parse("Operative paragraph 2: replace \"13 with \"12\n").unwrap_err();
/// assert_eq!(e.line, 1);
/// ```
pub fn parse(text: &str) -> Result<Vec<Amendment>, ParseError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k].trim();
        if line.is_empty() || line.starts_with('#') {
            k += 1;
            continue;
        }
        let (amendments, last) = one(&lines, k)?;
        out.extend(amendments);
        k = last + 1;
    }
    if out.is_empty() {
        return Err(ParseError {
            line: 1,
            message: "no amendments found".into(),
        });
    }
    Ok(out)
}

/// Reads the amendment starting on line `start` (0-based), joining the
/// following lines while its quotation is open; gives it (or the several
/// it stands for: "Delete operative paragraphs 2 and 3.") and its last
/// line.
fn one(lines: &[&str], start: usize) -> Result<(Vec<Amendment>, usize), ParseError> {
    let mut body = strip_number(lines[start].trim()).to_string();
    let mut last = start;
    loop {
        if body.len() > MAX_AMENDMENT {
            return Err(ParseError {
                line: start + 1,
                message: format!(
                    "an amendment of more than {MAX_AMENDMENT} bytes (a quotation left open?)"
                ),
            });
        }
        let unread = match pattern::read(&body) {
            Ok(action) => return Ok((vec![at_line(start, action)], last)),
            Err(e) => e,
        };
        if let Some(actions) = plural::expand(&body) {
            let each = actions.into_iter().map(|a| at_line(start, a)).collect();
            return Ok((each, last));
        }
        let open = open_quote(&body);
        let waiting = open.is_some() || body.trim_end().ends_with(':');
        let next = lines
            .get(last + 1)
            .map(|l| l.trim())
            .filter(|l| !l.is_empty());
        // A line that is an amendment of its own is never the rest of an
        // open quotation: the quotation was left unterminated.
        let next = next.filter(|n| pattern::read(strip_number(n)).is_err());
        match next {
            Some(n) if waiting => {
                body.push('\n');
                body.push_str(n);
                last += 1;
            }
            _ => return Err(error(start + 1, &body, unread, open)),
        }
    }
}

fn at_line(start: usize, action: crate::amend::Action) -> Amendment {
    Amendment {
        line: start + 1,
        action,
    }
}

/// Drops a list number or bullet: `1.`, `12)`, `(3)`, `-`, `•`.
fn strip_number(line: &str) -> &str {
    let rest = line.trim_start_matches(['-', '•', '*']);
    if rest.len() != line.len() {
        return rest.trim_start();
    }
    let inner = line.strip_prefix('(').unwrap_or(line);
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return line;
    }
    match inner[digits..].strip_prefix(['.', ')']) {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => line,
    }
}

/// The quotation mark left open in a text, if any.
fn open_quote(text: &str) -> Option<char> {
    let count = |c| text.chars().filter(|&d| d == c).count();
    if count('«') > count('»') {
        Some('«')
    } else if count('“') > count('”') + count('"') {
        Some('“')
    } else if count('"') % 2 == 1 && count('“') + count('”') == 0 {
        Some('"')
    } else {
        None
    }
}

fn error(line: usize, body: &str, unread: Unread, open: Option<char>) -> ParseError {
    let message = match (unread, open) {
        (Unread::Invalid(m), _) => m,
        (Unread::NoMatch, Some(q)) => {
            format!("unterminated quotation: the {q} opened here is never closed")
        }
        (Unread::NoMatch, None) => unknown(body),
    };
    ParseError { line, message }
}

/// The message for a sentence no template reads: its verb if it has an
/// unknown one, else the sentence.
fn unknown(body: &str) -> String {
    let known: Vec<&str> = Lang::ALL
        .iter()
        .flat_map(|l| l.amendments().verbs.iter().copied())
        .collect();
    let expected = known.join(", ");
    let verb = verb_of(body);
    match verb {
        Some(v) if !known.iter().any(|k| k.eq_ignore_ascii_case(&v)) => {
            format!("unknown verb “{v}” (expected one of: {expected})")
        }
        _ => format!(
            "cannot read “{}” as an amendment (see `redraft amend --help` for the forms)",
            excerpt(body)
        ),
    }
}

/// The word a sentence acts with: the first word after the colon that
/// follows the paragraph named, else the first word.
fn verb_of(body: &str) -> Option<String> {
    let before_quote = body.split(['"', '“', '«', '\'']).next().unwrap_or(body);
    let tail = match before_quote.split_once([':', ',']) {
        Some((_, tail)) if !tail.trim().is_empty() => tail,
        _ => before_quote,
    };
    tail.split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
}

fn excerpt(body: &str) -> String {
    let one = collapse(body);
    if one.chars().count() <= 70 {
        return one;
    }
    let cut: String = one.chars().take(70).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ParseError {
        parse(text).unwrap_err()
    }

    #[test]
    fn labels_with_dots_read_and_huge_labels_are_refused_at_once() {
        let list = parse("Delete unit OP1.1.\n").unwrap();
        match &list[0].action {
            crate::amend::Action::DeleteUnit { target } => assert_eq!(target.label(), "OP1.1"),
            other => panic!("{other:?}"),
        }
        // An unreadable line, then one far past the size of an amendment:
        // refused without reading it (reading it grew as its square).
        let huge = format!(
            "Unreadable line.\nunit {}: delete \"x\".\n",
            "A".repeat(300_000)
        );
        assert_eq!(err(&huge).line, 1);
    }

    #[test]
    fn joins_a_paragraph_on_the_next_lines() {
        let list = parse(
            "# amendments\nAfter operative paragraph 15, insert a new paragraph reading:\n\"Welcomes\nthe work;\"\nDelete operative paragraph 7.\n",
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!((list[0].line, list[1].line), (2, 5));
        match &list[0].action {
            crate::amend::Action::InsertUnit { text, .. } => assert_eq!(text, "Welcomes the work;"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn malformed_lists_say_where_and_why() {
        let e = err(
            "Delete operative paragraph 7.\n\nOperative paragraph 2: substitute \"a\" with \"b\".\n",
        );
        assert_eq!(e.line, 3);
        assert!(
            e.message.contains("unknown verb “substitute”"),
            "{}",
            e.message
        );
        let e = err("Paragraphe 2 du dispositif : remplacer « 13 par « 12 ».\n");
        assert!(
            e.message.contains("unterminated quotation"),
            "{}",
            e.message
        );
        let e = err("\n\nPreambular paragraph 0: delete \"a\".\n");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("paragraph 0"), "{}", e.message);
        assert_eq!(err("\n  \n").message, "no amendments found");
    }

    #[test]
    fn strips_list_numbers() {
        assert_eq!(strip_number("12. Delete"), "Delete");
        assert_eq!(strip_number("(3) Delete"), "Delete");
        assert_eq!(strip_number("- Delete"), "Delete");
        assert_eq!(strip_number("Delete"), "Delete");
    }
}
