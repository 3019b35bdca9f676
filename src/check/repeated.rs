//! The `repeated-word` rule: a word written twice in a row, across spaces
//! or a line break only ("the the", "les\nles"). Numbers are not words;
//! words that may legitimately repeat ("had had", "nous nous") are in the
//! language's [`crate::lang::Hygiene`] table, and a capitalised pair that
//! is no frequent word is a name ("Pago Pago").

use super::{Document, Finding, Rule};
use crate::model::UnitKind;
use crate::xref::tokens::{self, Kind};
use std::ops::Range;

/// Every doubled word of a draft.
pub fn check(doc: &Document) -> Vec<Finding> {
    let atoms: Vec<Range<usize>> = doc.symbols().iter().map(|s| s.range.clone()).collect();
    let repeatable = doc.table().hygiene.repeatable;
    let mut out = Vec::new();
    for (i, unit) in doc.units().iter().enumerate() {
        // A table's cells come one after another: a word ending one cell
        // and starting the next is no repetition.
        if matches!(unit.kind, UnitKind::Title | UnitKind::Table) {
            continue;
        }
        let toks = tokens::lex(&doc.text, doc.span(i), &atoms);
        let doubled = |k: usize| {
            let (a, b) = (&toks[k], &toks[k + 1]);
            let between = &doc.text[a.range.end..b.range.start];
            a.kind == Kind::Word
                && b.kind == Kind::Word
                && !between.is_empty()
                && between.chars().all(char::is_whitespace)
                && a.text.to_lowercase() == b.text.to_lowercase()
                && !repeatable.iter().any(|w| a.is_word(w))
                && !proper_noun(doc, a.text, b.text)
        };
        let mut k = 0;
        while k + 1 < toks.len() {
            if !doubled(k) {
                k += 1;
                continue;
            }
            // One finding for a whole run: "the the the" is one slip.
            let run = (k + 1..toks.len() - 1).take_while(|&m| doubled(m)).count() + 2;
            let range = toks[k].range.start..toks[k + 1].range.end;
            let quoted = super::quote(&doc.text[range.clone()]);
            let message = if run == 2 {
                format!("“{quoted}” is written twice")
            } else {
                format!("“{}” is written {run} times in a row", toks[k].text)
            };
            out.push(doc.finding(Rule::RepeatedWord, i, range, message));
            k += run;
        }
    }
    out
}

/// "Pago Pago", "Bora Bora": both capitalised and not a frequent word of
/// the language ("The The" is still a slip).
fn proper_noun(doc: &Document, a: &str, b: &str) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let lower = a.to_lowercase();
    capital(a) && capital(b) && !doc.table().stopwords.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParseOptions;

    #[test]
    fn finds_doubled_words_across_lines() {
        let text = "The General Assembly,\n\n1. Decides that that the the\nthe report had had effect in Pago Pago, 12 12 times. The The end.";
        let doc = Document::parse("t", text.to_string(), &ParseOptions::default()).unwrap();
        let found: Vec<String> = check(&doc).into_iter().map(|f| f.message).collect();
        assert_eq!(
            found,
            [
                "“the” is written 3 times in a row",
                "“The The” is written twice"
            ]
        );
    }

    #[test]
    fn a_run_of_one_word_is_one_finding() {
        let text = "The General Assembly,\n\n1. Decides to act act act act on the the matter.\n";
        let doc = Document::parse("t", text.to_string(), &Default::default()).unwrap();
        let messages: Vec<String> = check(&doc).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            [
                "“act” is written 4 times in a row",
                "“the the” is written twice"
            ]
        );
    }
}
