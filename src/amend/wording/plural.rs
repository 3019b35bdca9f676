//! Deleting several paragraphs in one sentence: "Delete operative
//! paragraphs 2 and 3.", "Supprimer les paragraphes 4 à 6 du dispositif.",
//! "Suprímanse los párrafos 2 y 3 de la parte dispositiva." Each reads as
//! the singular sentences it stands for, so the list means one deletion
//! per paragraph, numbered as in the draft amended.

use super::read as pattern;
use crate::amend::Action;
use crate::lang::Lang;
use crate::lang::vocab::References;

/// The longest range expanded ("paragraphs 2 to 40").
const MAX_RANGE: u32 = 500;

/// The deletions a plural sentence stands for, or `None` when `body` is
/// not one (or one of its paragraphs cannot be named).
pub fn expand(body: &str) -> Option<Vec<Action>> {
    let body = pattern::collapse(body);
    Lang::ALL.iter().find_map(|&lang| {
        let words = &lang.table().references;
        lang.amendments()
            .plural_deletions
            .iter()
            .find_map(|(plural, singular)| {
                let rest = strip_prefix_folded(&body, plural)?;
                let (numbers, tail) = list(rest, words)?;
                numbers
                    .iter()
                    .map(|n| deletion(&format!("{singular}{n}{tail}")))
                    .collect()
            })
    })
}

/// A singular sentence read, if it deletes a unit.
fn deletion(sentence: &str) -> Option<Action> {
    match pattern::read(sentence).ok()? {
        a @ Action::DeleteUnit { .. } => Some(a),
        _ => None,
    }
}

/// `text` after `prefix`, letters compared case-folded.
fn strip_prefix_folded<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = text.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        let same = c == p || c.to_lowercase().eq(p.to_lowercase()) || (c == '\'' && p == '’');
        if !same {
            return None;
        }
    }
    Some(chars.next().map_or("", |(i, _)| &text[i..]))
}

/// A list of two or more paragraph numbers at the start of `text` ("2, 3
/// and 5", "4 to 6", "9 bis and 10"), and the text after it.
fn list<'a>(mut text: &'a str, words: &References) -> Option<(Vec<String>, &'a str)> {
    let mut out: Vec<String> = Vec::new();
    let mut range_from: Option<u32> = None;
    loop {
        let (n, rest) = number(text)?;
        match range_from.take() {
            Some(from) => {
                let to: u32 = n.parse().ok()?;
                if to <= from || to - from > MAX_RANGE {
                    return None;
                }
                out.extend((from + 1..=to).map(|k| k.to_string()));
            }
            None => out.push(n),
        }
        let after = rest.trim_start();
        if let Some(next) = after.strip_prefix(',') {
            text = word_in(next.trim_start(), words.and)
                .unwrap_or(next)
                .trim_start();
        } else if let Some(next) = word_in(after, words.and) {
            text = next.trim_start();
        } else if let Some(next) = word_in(after, words.to) {
            range_from = Some(out.last()?.parse().ok()?);
            text = next.trim_start();
        } else {
            return (out.len() >= 2).then_some((out, rest));
        }
    }
}

/// A paragraph number ("12", "9 bis") at the start of `text`, shown as
/// written, and the text after it.
fn number(text: &str) -> Option<(String, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &text[digits..];
    let suffix = crate::model::marker::LATIN_SUFFIXES.iter().find(|s| {
        rest.strip_prefix(' ')
            .and_then(|r| r.strip_prefix(**s))
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    });
    match suffix {
        Some(s) => Some((format!("{} {s}", &text[..digits]), &rest[1 + s.len()..])),
        None => Some((text[..digits].to_string(), rest)),
    }
}

/// `text` after one of `words` standing as a whole word at its start.
fn word_in<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| {
        let rest = strip_prefix_folded(text, w)?;
        rest.starts_with(char::is_whitespace).then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(body: &str) -> Vec<String> {
        expand(body)
            .unwrap_or_else(|| panic!("not read: {body}"))
            .into_iter()
            .map(|a| match a {
                Action::DeleteUnit { target } => target.label(),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn lists_and_ranges_in_every_language() {
        assert_eq!(
            targets("Delete operative paragraphs 2 and 3."),
            ["OP2", "OP3"]
        );
        assert_eq!(
            targets("Delete operative paragraphs 2, 9 bis, and 12."),
            ["OP2", "OP9bis", "OP12"]
        );
        assert_eq!(
            targets("Delete preambular paragraphs 4 to 6."),
            ["PP4", "PP5", "PP6"]
        );
        assert_eq!(
            targets("Supprimer les paragraphes 4 à 6 du dispositif."),
            ["OP4", "OP5", "OP6"]
        );
        assert_eq!(
            targets("Suprímanse los párrafos 2 y 3 de la parte dispositiva."),
            ["OP2", "OP3"]
        );
        assert_eq!(targets("delete footnotes 3 and 4"), ["FN3", "FN4"]);
    }

    #[test]
    fn what_is_not_a_list_is_left_to_the_other_forms() {
        for body in [
            "Delete operative paragraph 2.",
            "Delete operative paragraphs 2.",
            "Delete operative paragraphs 5 to 3.",
            "Delete operative paragraphs 2 and the chapeau.",
            "Delete operative paragraphs 1 to 100000.",
        ] {
            assert!(expand(body).is_none(), "{body}");
        }
    }
}
