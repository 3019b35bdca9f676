//! The `brackets` rule.
//!
//! - Unbalanced `( )` and `[ ]` in a unit, and `« »`, `“ ”` in the whole
//!   text (a quotation may run over several paragraphs), are warnings. A closing parenthesis after a letter, numeral or number
//!   that opens none (`: a) Renforcement`) is an enumeration, not a
//!   bracket.
//! - Bracketed text is pending text: a placeholder (`[Reserved for …]`,
//!   `[Réservé au texte …]`, `Res.[…]`, `[…]` outside a quotation) or
//!   negotiation text not yet agreed (`[and regional]`, `[alt 1: …]`).
//!   These are notes, errors with `--final`. Inside a quotation `[…]` marks
//!   an omission and `[t]he` an editorial change: neither is reported.
//! - The standard brackets of a resolution's masthead and adoption record
//!   (`[without reference to a Main Committee (A/79/L.6)]`, `[on the report
//!   of the Sixth Committee (A/79/…)]`, `[sans renvoi à une grande
//!   commission …]`, `[sobre la base del informe de la Sexta Comisión …]`,
//!   `[Adopted without a vote.]`) are metadata, not pending text, in a
//!   title line, the closing unit or a unit of their own: the phrases are
//!   the [`crate::lang::Adoption`] data of each language.

use super::{Document, Finding, Rule, Severity};
use crate::model::marker::{letter_value, roman_value};
use crate::xref::tokens::{self, Kind, Token};
use std::ops::Range;

/// Every bracket problem and every piece of pending text.
pub fn check(doc: &Document, final_text: bool) -> Vec<Finding> {
    let atoms: Vec<Range<usize>> = doc.symbols().iter().map(|s| s.range.clone()).collect();
    let mut order: Vec<usize> = (0..doc.units().len()).collect();
    order.sort_by_key(|&i| doc.span(i).start);
    let mut out = Vec::new();
    let mut all: Vec<(usize, Vec<Token<'_>>)> = Vec::new();
    for i in order {
        let toks = tokens::lex(&doc.text, doc.span(i), &atoms);
        out.extend(brackets(doc, i, &toks, final_text));
        all.push((i, toks));
    }
    out.extend(quotes(doc, &all));
    out
}

/// Parentheses and square brackets of one unit.
fn brackets(doc: &Document, unit: usize, toks: &[Token<'_>], final_text: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (k, tok) in toks.iter().enumerate() {
        if tok.is_punct('(') || tok.is_punct('[') {
            open.push(k);
        } else if tok.is_punct(')') || tok.is_punct(']') {
            let opener = if tok.is_punct(')') { '(' } else { '[' };
            match open.last() {
                Some(&o) if toks[o].is_punct(opener) => {
                    open.pop();
                    let outermost = !open.iter().any(|&o| toks[o].is_punct('['));
                    if opener == '[' && outermost {
                        out.extend(pending(doc, unit, toks, o, k, final_text));
                    }
                }
                _ if opener == '(' && is_enumerator(toks, k) => {}
                _ => out.push(unbalanced(doc, unit, tok, "closes nothing")),
            }
        }
    }
    for o in open {
        out.push(unbalanced(doc, unit, &toks[o], "is never closed"));
    }
    out
}

/// `a)`, `ii)`, `3)` not opened by `(`: an enumeration inside the text.
fn is_enumerator(toks: &[Token<'_>], close: usize) -> bool {
    let Some(item) = close.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    let adjacent = item.range.end == toks[close].range.start;
    let label = match item.kind {
        Kind::Word => {
            let t = item.text;
            t.chars().all(|c| c.is_ascii_lowercase())
                && (letter_value(t).is_some() || roman_value(t).is_some())
        }
        Kind::Number => item.text.len() <= 2,
        _ => false,
    };
    adjacent && label
}

fn unbalanced(doc: &Document, unit: usize, tok: &Token<'_>, what: &str) -> Finding {
    let message = format!("“{}” {what}", tok.text);
    doc.finding(Rule::Brackets, unit, tok.range.clone(), message)
}

/// Quotation marks of the whole text, in order.
fn quotes(doc: &Document, units: &[(usize, Vec<Token<'_>>)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut open: Vec<(usize, &Token<'_>)> = Vec::new();
    for (unit, toks) in units {
        for tok in toks {
            if tok.is_punct('«') || tok.is_punct('“') {
                open.push((*unit, tok));
            } else if tok.is_punct('»') || tok.is_punct('”') {
                let opener = if tok.is_punct('»') { '«' } else { '“' };
                match open.last() {
                    Some((_, o)) if o.is_punct(opener) => {
                        open.pop();
                    }
                    _ => out.push(unbalanced(doc, *unit, tok, "closes no quotation")),
                }
            }
        }
    }
    for (unit, tok) in open {
        out.push(unbalanced(
            doc,
            unit,
            tok,
            "opens a quotation that is never closed",
        ));
    }
    out
}

/// The text between `toks[open]` (`[`) and `toks[close]` (`]`): a
/// placeholder, negotiation text, or nothing to report.
fn pending(
    doc: &Document,
    unit: usize,
    toks: &[Token<'_>],
    open: usize,
    close: usize,
    final_text: bool,
) -> Option<Finding> {
    let (start, end) = (toks[open].range.start, toks[close].range.end);
    let content = doc.text[toks[open].range.end..toks[close].range.start].trim();
    if is_masthead(doc, unit, start..end, content) {
        return None;
    }
    let quoted = toks[open].quoted;
    let ellipsis = !content.is_empty() && content.chars().all(|c| matches!(c, '.' | '…' | ' '));
    let after_symbol = doc.text[..start].ends_with(['.', '/']);
    let placeholder =
        (ellipsis && (after_symbol || !quoted)) || opens_with_placeholder(doc, content);
    let what = if placeholder {
        "placeholder"
    } else if quoted || ellipsis || content.is_empty() {
        return None;
    } else {
        "bracketed text, not yet agreed"
    };
    let range = if after_symbol {
        symbol_start(doc, start)..end
    } else {
        start..end
    };
    let shown = super::quote(&doc.text[range.clone()]);
    let message = format!("pending text: {what} “{}”", shorten(&shown, 90));
    let mut finding = doc.finding(Rule::Brackets, unit, range, message);
    finding.severity = if final_text {
        Severity::Error
    } else {
        Severity::Note
    };
    Some(finding)
}

/// Whether a bracket is the standard note of a resolution's masthead or
/// adoption record ("[without reference to a Main Committee (A/79/L.6)]",
/// "[sur la base du rapport de la Sixième Commission (A/79/…)]", "[Adopted
/// without a vote.]"): metadata of the draft, in a title line, the closing
/// unit, or a unit of its own. The phrases of every language count, as a
/// masthead may stay in the original's language.
fn is_masthead(doc: &Document, unit: usize, bracket: Range<usize>, content: &str) -> bool {
    use crate::model::UnitKind;
    let standard = crate::model::closing::opens_standard_bracket(content);
    let kind = doc.units().get(unit).map(|u| u.kind);
    let alone = doc.span_text(unit).trim_end_matches('.').trim() == doc.text[bracket].trim();
    standard && (alone || matches!(kind, Some(UnitKind::Title | UnitKind::Closing)))
}

/// Whether bracketed text opens with a placeholder word ("Reserved for",
/// "Réservé au texte").
fn opens_with_placeholder(doc: &Document, content: &str) -> bool {
    let lower = content.to_lowercase();
    doc.table().hygiene.placeholders.iter().any(|p| {
        lower.starts_with(p)
            && lower[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Where the symbol before a `[…]` starts: `ICC-ASP/20/Res.[…]`.
fn symbol_start(doc: &Document, bracket: usize) -> usize {
    doc.text[..bracket]
        .rfind(char::is_whitespace)
        .map_or(bracket, |p| p + 1)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParseOptions;

    fn found(text: &str, final_text: bool) -> Vec<(String, Severity)> {
        let doc = Document::parse("t", text.to_string(), &ParseOptions::default()).unwrap();
        check(&doc, final_text)
            .into_iter()
            .map(|f| (format!("{}: {}", f.label, f.message), f.severity))
            .collect()
    }

    #[test]
    fn placeholders_and_negotiation_text() {
        let text = "The General Assembly,\n\n1. Recalls resolution ICC-ASP/20/Res.[…] on cooperation;\n\n2. [Reserved for the outcome of the debate];\n\n3. Urges States [and regional organizations] to act, “as [t]he Court said […] then”.";
        assert_eq!(
            found(text, false),
            [
                (
                    "OP1: pending text: placeholder “ICC-ASP/20/Res.[…]”".to_string(),
                    Severity::Note
                ),
                (
                    "OP2: pending text: placeholder “[Reserved for the outcome of the debate]”"
                        .to_string(),
                    Severity::Note
                ),
                (
                    "OP3: pending text: bracketed text, not yet agreed “[and regional organizations]”"
                        .to_string(),
                    Severity::Note
                ),
            ]
        );
        assert!(found(text, true).iter().all(|(_, s)| *s == Severity::Error));
    }

    #[test]
    fn masthead_brackets_are_metadata() {
        let text = "Resolution adopted by the General Assembly\n\n[without reference to a Main Committee (A/79/L.6)]\n\n79/7. Title\n\nThe General Assembly,\n\n1. Decides [to act].\n\n30th plenary meeting\n30 October 2024\n\n[Adopted without a vote.]";
        assert_eq!(
            found(text, true),
            [(
                "OP1: pending text: bracketed text, not yet agreed “[to act]”".to_string(),
                Severity::Error
            )]
        );
    }

    #[test]
    fn unbalanced_marks() {
        let text = "The General Assembly,\n\n1. Recalls (its resolution;\n\n2. Notes « the report, a) first;\n\n(a) second » ;\n\n3. Ends ” here].";
        assert_eq!(
            found(text, false)
                .into_iter()
                .map(|(m, _)| m)
                .collect::<Vec<_>>(),
            [
                "OP1: “(” is never closed",
                "OP3: “]” closes nothing",
                "OP3: “”” closes no quotation",
            ]
        );
    }
}
