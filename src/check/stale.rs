//! The `xref-stale` rule (`--against OLD`): a reference that still carries
//! the number its target had in the old version, although the alignment of
//! the core ([`crate::align`]) shows that target now has another number.
//! [`crate::xref::renumber`] finds them and the edits that fix them; this
//! rule words the findings.
//!
//! Old: `2. Welcomes …;` `3. Recalls paragraph 2 above;` → new, with a
//! paragraph inserted as 2: `3. Welcomes …;` `4. Recalls paragraph 2
//! above;` — the reference is stale and should read "paragraph 3 above".

use super::{Document, Finding, Rule, quote};
use crate::align::{self, Alignment};
use crate::model::{ParseOptions, Resolution, parse};
use crate::xref::renumber::{self, Change};
use crate::xref::{Edit, Reference};

/// What the rule found: its findings and the edits that fix them.
#[derive(Debug, Clone, Default)]
pub struct Stale {
    /// One finding per stale target.
    pub findings: Vec<Finding>,
    /// The rewrites that bring every stale reference up to date.
    pub edits: Vec<Edit>,
}

/// How many times the alignment is redone on the draft as `--fix` would
/// leave it; one redo settles every case seen, a longer chain stops here.
const ROUNDS: usize = 4;

/// Compares the references of `new` with those of `old`.
pub fn check(old: &Document, new: &Document) -> Stale {
    let stale = settled(old, new);
    Stale {
        findings: stale
            .iter()
            .map(|s| finding(old, new, s.reference, &s.change))
            .collect(),
        edits: renumber::edits(&stale),
    }
}

/// The stale references of `new`, judged under the alignment of `old`
/// with `new` and with `new` as `--fix` would leave it.
///
/// Units are aligned by their text, references included, so rewriting a
/// stale reference can pair its unit differently: of two near copies of
/// an old paragraph, the one not rewritten now looks more like it, and a
/// second `--fix` run would rewrite that one too. So the references are
/// judged again under the alignment of the fixed draft, and what either
/// alignment finds stale is rewritten, until the fixed draft aligns as
/// one already seen: one run does what a second would (`--fix` is
/// idempotent).
fn settled<'a>(old: &Document, new: &'a Document) -> Vec<renumber::Stale<'a>> {
    let mut alignment = align::align(&old.resolution, &new.resolution);
    let mut seen = vec![pairs(&alignment)];
    let mut stale = renumber::stale(old, new, &alignment);
    for _ in 0..ROUNDS {
        let edits = renumber::edits(&stale);
        let Some(fixed) = fixed_draft(new, &edits) else {
            break;
        };
        alignment = align::align(&old.resolution, &fixed);
        let now = pairs(&alignment);
        if seen.contains(&now) {
            break;
        }
        seen.push(now);
        for s in renumber::stale(old, new, &alignment) {
            merge(&mut stale, s);
        }
    }
    stale.sort_by_key(|s| s.reference.range.start);
    stale
}

/// Adds what one alignment finds about a reference to what the others
/// found: a reference judged once is judged again only to be rewritten.
/// A reference whose target one alignment finds deleted (nothing to
/// write) and another renumbered is rewritten, or the second `--fix` run,
/// under the alignment the first run's draft has, would rewrite it (fuzz
/// input fix/not-idempotent-cfbaccd5).
fn merge<'a>(stale: &mut Vec<renumber::Stale<'a>>, found: renumber::Stale<'a>) {
    let rewrites = |s: &renumber::Stale<'_>| matches!(s.change, Change::Renumbered { .. });
    match stale
        .iter_mut()
        .find(|t| std::ptr::eq(t.reference, found.reference))
    {
        None => stale.push(found),
        Some(known) if !rewrites(known) && rewrites(&found) => *known = found,
        Some(_) => {}
    }
}

/// `new` parsed again with `edits` applied; `None` without edits or when
/// the fixed text no longer has the same units.
fn fixed_draft(new: &Document, edits: &[Edit]) -> Option<Resolution> {
    if edits.is_empty() {
        return None;
    }
    let mut text = new.text.clone();
    for edit in edits.iter().rev() {
        text.get(edit.range.clone())?;
        text.replace_range(edit.range.clone(), &edit.replacement);
    }
    let options = ParseOptions {
        lang: Some(new.resolution.lang),
    };
    let fixed = parse(&text, &options).ok()?;
    (fixed.units.len() == new.units().len()).then_some(fixed)
}

/// Which old units each new unit is paired with.
fn pairs(alignment: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    alignment
        .matches
        .iter()
        .map(|m| (m.old.clone(), m.new.clone()))
        .collect()
}

/// The finding for one stale reference.
fn finding(old: &Document, new: &Document, reference: &Reference, change: &Change) -> Finding {
    let written = quote(&new.text[reference.range.clone()]);
    let message = match change {
        Change::BrokenRange(now) => format!(
            "“{written}” no longer names the same paragraphs: those it named in {} are now {now}; write them out",
            old.name
        ),
        Change::Deleted(label) => format!(
            "“{written}” refers to {label} of {}, which was deleted",
            old.name
        ),
        Change::Renumbered {
            old: olds,
            new: news,
            suggestion,
            ..
        } => {
            let (numbers, units) = if olds.len() == 1 {
                ("number", "that unit is")
            } else {
                ("numbers", "those units are")
            };
            format!(
                "“{written}” still carries the {numbers} {} had in {}; {units} now {}: should read “{suggestion}”",
                olds.join(", "),
                old.name,
                news.join(", ")
            )
        }
    };
    let mut finding = new.finding(
        Rule::XrefStale,
        reference.unit,
        reference.range.clone(),
        message,
    );
    if let Change::Renumbered { suggestion, .. } = change {
        finding.suggestion = Some(suggestion.clone());
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParseOptions;

    fn doc(text: &str) -> Document {
        Document::parse("old.txt", text.to_string(), &ParseOptions::default()).unwrap()
    }

    const OLD: &str = "The General Assembly,\n\n1. Decides to convene a high-level meeting on the question in 2025;\n\n2. Requests the Secretary-General to submit a report on the implementation, as set out in paragraph 1 above;\n\n3. Decides to remain seized of the matter, in accordance with paragraph 2.\n";

    #[test]
    fn insertion_makes_references_stale() {
        let new = OLD.replace(
            "\n\n1. Decides to convene",
            "\n\n1. Invites Member States to contribute to the trust fund established for that purpose;\n\n1. Decides to convene",
        );
        let new = new
            .replacen("1. Decides to convene", "2. Decides to convene", 1)
            .replace("2. Requests", "3. Requests")
            .replace("3. Decides to remain", "4. Decides to remain");
        let stale = check(&doc(OLD), &doc(&new));
        let suggestions: Vec<_> = stale
            .findings
            .iter()
            .map(|f| f.suggestion.clone().unwrap_or_default())
            .collect();
        assert_eq!(suggestions, ["paragraph 2 above", "paragraph 3"]);
        assert_eq!(stale.edits.len(), 2);
    }

    #[test]
    fn updated_references_are_not_stale() {
        let new = OLD
            .replace(
                "\n\n1. Decides to convene",
                "\n\n1. Invites States to act;\n\n2. Decides to convene",
            )
            .replace("2. Requests", "3. Requests")
            .replace("paragraph 1 above", "paragraph 2 above")
            .replace("3. Decides to remain", "4. Decides to remain")
            .replace("paragraph 2.", "paragraph 3.");
        assert!(check(&doc(OLD), &doc(&new)).findings.is_empty());
    }

    #[test]
    fn a_range_an_insertion_falls_into_is_reported_not_widened() {
        let old = doc(
            "The General Assembly,\n\n1. Decides;\n\n2. Notes;\n\n3. Calls;\n\n4. Invites;\n\n5. Reports on paragraphs 2 to 4 above;",
        );
        let new = doc(
            "The General Assembly,\n\n1. Decides;\n\n2. Notes;\n\n3. Establishes a fund;\n\n4. Calls;\n\n5. Invites;\n\n6. Reports on paragraphs 2 to 4 above;",
        );
        let s = check(&old, &new);
        assert!(s.edits.is_empty(), "{:?}", s.edits);
        assert_eq!(s.findings.len(), 1);
        assert!(
            s.findings[0].message.contains("are now 2, 4, 5"),
            "{}",
            s.findings[0].message
        );
    }

    #[test]
    fn a_range_is_never_rewritten_backwards() {
        let old = doc(
            "The General Assembly,\n\n1. Decides;\n\n2. Notes;\n\n3. Calls;\n\n4. Invites;\n\n5. Urges;\n\n6. Reports on paragraphs 3 to 5 above;",
        );
        let new = doc(
            "The General Assembly,\n\n1. Decides;\n\n2. Notes;\n\n8. Calls;\n\n4. Invites;\n\n5. Urges;\n\n6. Reports on paragraphs 3 to 5 above;",
        );
        let s = check(&old, &new);
        assert!(s.edits.is_empty(), "{:?}", s.edits);
        assert_eq!(s.findings.len(), 1);
        assert!(
            s.findings[0].message.contains("are now 8, 4, 5"),
            "{}",
            s.findings[0].message
        );
    }

    #[test]
    fn a_range_that_shifts_whole_is_rewritten() {
        let old = doc(
            "The General Assembly,\n\n1. Decides;\n\n2. Notes;\n\n3. Calls;\n\n4. Reports on paragraphs 2 to 3 above;",
        );
        let new = doc(
            "The General Assembly,\n\n1. Establishes a fund;\n\n2. Decides;\n\n3. Notes;\n\n4. Calls;\n\n5. Reports on paragraphs 2 to 3 above;",
        );
        let s = check(&old, &new);
        assert_eq!(s.findings.len(), 1);
        assert_eq!(s.edits.len(), 2);
    }

    #[test]
    fn a_target_moved_across_the_reference_turns_above_into_below() {
        let old = doc(
            "The General Assembly,\n\n1. Decides to hold a meeting;\n\n2. Requests the report referred to in paragraph 4 below;\n\n3. Notes the budget of the Court;\n\n4. Invites States to report on cooperation.",
        );
        let new = doc(
            "The General Assembly,\n\n1. Invites States to report on cooperation;\n\n2. Decides to hold a meeting;\n\n3. Requests the report referred to in paragraph 4 below;\n\n4. Notes the budget of the Court.",
        );
        let s = check(&old, &new);
        let suggestions: Vec<_> = s.findings.iter().map(|f| f.suggestion.clone()).collect();
        assert_eq!(suggestions, [Some("paragraph 1 above".to_string())]);
        assert_eq!(s.edits.len(), 2);
    }

    #[test]
    fn an_annex_reference_to_the_main_text_follows_its_renumbering() {
        let old = doc(
            "The General Assembly,\n\n1. Adopts the programme annexed;\n\n2. Decides to remain seized of the matter.\n\nAnnex\n\n1. States implement paragraph 1 of the present resolution.\n",
        );
        let new = doc(
            "The General Assembly,\n\n1. Welcomes the report of the Secretary-General;\n\n2. Adopts the programme annexed;\n\n3. Decides to remain seized of the matter.\n\nAnnex\n\n1. States implement paragraph 1 of the present resolution.\n",
        );
        let s = check(&old, &new);
        let suggestions: Vec<_> = s.findings.iter().map(|f| f.suggestion.clone()).collect();
        assert_eq!(
            suggestions,
            [Some("paragraph 2 of the present resolution".to_string())]
        );
    }

    #[test]
    fn a_reference_to_a_section_follows_its_renumbering() {
        let old = doc(
            "The Assembly of States Parties,\n\nA. Universality\n\n1. Invites States to accede;\n\n2. Welcomes accessions;\n\nB. Victims\n\n1. Recalls paragraph 2 of section A above.\n",
        );
        let new = doc(
            "The Assembly of States Parties,\n\nA. Universality\n\n1. Invites States to accede;\n\n2. Notes the ratifications;\n\n3. Welcomes accessions;\n\nB. Victims\n\n1. Recalls paragraph 2 of section A above.\n",
        );
        let s = check(&old, &new);
        let suggestions: Vec<_> = s.findings.iter().map(|f| f.suggestion.clone()).collect();
        assert_eq!(
            suggestions,
            [Some("paragraph 3 of section A above".to_string())]
        );
    }

    #[test]
    fn a_zero_width_space_does_not_hide_a_stale_reference() {
        let old = doc(
            "The General Assembly,\n\n1. Decides to act;\n\n2. Notes the report;\n\n3. Recalls paragraph 2 above.\n",
        );
        let new = doc(
            "The General Assembly,\n\n1. Decides to act;\n\n2. Welcomes the work;\n\n3. Notes the report;\n\n4. Recalls paragraph\u{200B} 2 above.\n",
        );
        let s = check(&old, &new);
        let suggestions: Vec<_> = s.findings.iter().map(|f| f.suggestion.clone()).collect();
        assert_eq!(suggestions, [Some("paragraph\u{200B} 3 above".to_string())]);
    }
}
