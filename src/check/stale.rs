//! The `xref-stale` rule (`--against OLD`): a reference that still carries
//! the number its target had in the old version, although the alignment of
//! the core ([`crate::align`]) shows that target now has another number.
//!
//! Only references that stand unchanged in the aligned old unit are
//! judged: a reference the drafters already touched, or wrote into a new
//! paragraph, carries its numbers by intent. For each stale reference the
//! finding says what it should now read, and an [`Edit`] rewrites exactly
//! the number (or letter, or ordinal word) that changed.
//!
//! Old: `2. Welcomes …;` `3. Recalls paragraph 2 above;` → new, with a
//! paragraph inserted as 2: `3. Welcomes …;` `4. Recalls paragraph 2
//! above;` — the reference is stale and should read "paragraph 3 above".

use super::{Document, Finding, Rule, quote};
use crate::align::{self, Alignment};
use crate::model::UnitKind;
use crate::xref::Edit;
use crate::xref::{self, Piece, Reference, Target, TargetKind};

/// What the rule found: its findings and the edits that fix them.
#[derive(Debug, Clone, Default)]
pub struct Stale {
    /// One finding per stale target.
    pub findings: Vec<Finding>,
    /// The rewrites that bring every stale reference up to date.
    pub edits: Vec<Edit>,
}

/// A reference target of one version: the reference and which target.
type Site<'a> = (&'a Reference, &'a Target);

/// Compares the references of `new` with those of `old`.
pub fn check(old: &Document, new: &Document) -> Stale {
    let alignment = align::align(&old.resolution, &new.resolution);
    let v = Versions {
        old,
        new,
        alignment: &alignment,
    };
    let mut stale = Stale::default();
    let copies = copies(new, &alignment);
    for unit in 0..new.units().len() {
        let old_units = alignment
            .of_new(unit)
            .map(|m| m.old.clone())
            .or_else(|| {
                copies
                    .get(new.units()[unit].text.as_str())
                    .map(|&o| vec![o])
            })
            .unwrap_or_default();
        let old_sites = sites(old, &old_units);
        let new_sites = sites(new, &[unit]);
        let pairs = unchanged((old, &old_sites), (new, &new_sites));
        let broken = broken_ranges(&v, &old_sites, &new_sites, &pairs);
        let mut outcomes: Vec<(&Reference, Outcome)> = Vec::new();
        for (o, n) in pairs {
            let reference = new_sites[n].0;
            if broken.iter().any(|(r, _)| std::ptr::eq(*r, reference)) {
                continue;
            }
            outcomes.push((reference, judge(&v, old_sites[o], new_sites[n])));
        }
        for (reference, message) in broken {
            stale.findings.push(stale_finding(new, reference, message));
        }
        report(&v, &outcomes, &mut stale);
    }
    stale.edits.sort_by_key(|e| e.range.start);
    stale.edits.dedup();
    stale
}

/// Old units copied word for word into the new draft, by their text: a
/// second copy, which the alignment leaves unpaired, is judged against the
/// same old unit as the first, so that `--fix` rewrites every copy at once
/// and a second run finds nothing more (`--fix` is idempotent).
fn copies<'a>(
    new: &'a Document,
    alignment: &Alignment,
) -> std::collections::HashMap<&'a str, usize> {
    alignment
        .matches
        .iter()
        .filter(|m| m.exact && m.old.len() == 1 && m.new.len() == 1)
        .map(|m| (new.units()[m.new[0]].text.as_str(), m.old[0]))
        .collect()
}

struct Versions<'a> {
    old: &'a Document,
    new: &'a Document,
    alignment: &'a Alignment,
}

/// What became of the target of an unchanged reference.
enum Outcome {
    /// It still has its number (or could not be followed).
    Current,
    /// It was deleted.
    Deleted(String),
    /// It was renumbered: its old and new labels, and the edits.
    Renumbered(String, String, Vec<Edit>),
}

/// The targets of internal references in some units, in order.
fn sites<'a>(doc: &'a Document, units: &[usize]) -> Vec<Site<'a>> {
    doc.references()
        .iter()
        .filter(|r| !r.external && units.contains(&r.unit))
        .flat_map(|r| r.targets.iter().map(move |t| (r, t)))
        .collect()
}

/// Pairs of old and new targets written alike, in order: same target in a
/// reference written the same way (longest common subsequence). A
/// reference of which the drafters changed anything ("paragraphs 2 and 6"
/// → "paragraphs 2 and 7") is theirs, and not judged.
fn unchanged(old: (&Document, &[Site<'_>]), new: (&Document, &[Site<'_>])) -> Vec<(usize, usize)> {
    // Written the same way: spacing aside, zero-width characters too.
    let key = |doc: &Document, (r, t): &Site<'_>| {
        let written = doc.text[r.range.clone()].replace(['\u{200B}', '\u{2060}', '\u{FEFF}'], "");
        format!("{}\u{0}{}", t.form(), quote(&written))
    };
    let a: Vec<String> = old.1.iter().map(|s| key(old.0, s)).collect();
    let b: Vec<String> = new.1.iter().map(|s| key(new.0, s)).collect();
    if (a.len() + 1).saturating_mul(b.len() + 1) > super::parallel::MAX_CELLS {
        return in_order(&a, &b);
    }
    let mut table = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// The ranges ("paragraphs 3 to 5") of unchanged references that no longer
/// name the same paragraphs: a paragraph was inserted inside the range, or
/// one of its paragraphs deleted or moved out. Rewriting the ends would
/// silently change what the reference covers, so such a reference is
/// reported, with what its paragraphs are now, and left for the drafters.
fn broken_ranges<'a>(
    v: &Versions<'_>,
    old_sites: &[Site<'_>],
    new_sites: &[Site<'a>],
    pairs: &[(usize, usize)],
) -> Vec<(&'a Reference, String)> {
    let old_of = |n: usize| pairs.iter().find(|p| p.1 == n).map(|p| p.0);
    let mut out: Vec<(&'a Reference, String)> = Vec::new();
    for n in 0..new_sites.len().saturating_sub(1) {
        let (reference, first) = new_sites[n];
        let (next_ref, last) = new_sites[n + 1];
        let same_reference = std::ptr::eq(reference, next_ref);
        if !same_reference
            || !is_range(v.new, first, last)
            || out.iter().any(|(r, _)| std::ptr::eq(*r, reference))
        {
            continue;
        }
        let (Some(a), Some(b)) = (old_of(n), old_of(n + 1)) else {
            continue;
        };
        if let Some(now) = range_now(v, old_sites[a], old_sites[b]) {
            let written = quote(&v.new.text[reference.range.clone()]);
            let message = format!(
                "“{written}” no longer names the same paragraphs: those it named in {} are now {}; write them out",
                v.old.name, now
            );
            out.push((reference, message));
        }
    }
    out
}

/// Whether the words between two targets make a range ("to", "à", a dash).
fn is_range(doc: &Document, first: &Target, last: &Target) -> bool {
    let (Some(a), Some(b)) = (&first.number, &last.number) else {
        return false;
    };
    let Some(between) = doc.text.get(a.range.end..b.range.start) else {
        return false;
    };
    let between = between.trim().to_lowercase();
    let words = &doc.table().references;
    matches!(between.as_str(), "-" | "–") || words.to.iter().any(|w| between == *w)
}

/// If the old range from `first` to `last` no longer maps onto one range
/// of the new version, the new numbers of its paragraphs (`3, 5 and 6`).
fn range_now(
    v: &Versions<'_>,
    (ref_a, first): Site<'_>,
    (ref_b, last): Site<'_>,
) -> Option<String> {
    let index = |r: &Reference, t: &Target| {
        let (label, exists) = xref::resolve_reference(v.old, r, t);
        v.old.index_of(&label).filter(|_| exists)
    };
    let (a, b) = (index(ref_a, first)?, index(ref_b, last)?);
    let old_units = v.old.units();
    let top = |u: &crate::model::Unit| u.kind == UnitKind::Operative && u.part == old_units[a].part;
    let members: Vec<usize> = (a.min(b)..=a.max(b))
        .filter(|&i| top(&old_units[i]))
        .collect();
    let mapped: Vec<Option<usize>> = members
        .iter()
        .map(|&i| v.alignment.of_old(i).map(|m| m.new[0]))
        .collect();
    let news: Vec<usize> = mapped.iter().flatten().copied().collect();
    let (lo, hi) = (news.iter().min()?, news.iter().max()?);
    let new_units = v.new.units();
    let spanned = (*lo..=*hi)
        .filter(|&j| new_units[j].kind == UnitKind::Operative)
        .count();
    if mapped.iter().all(Option::is_some) && spanned == news.len() {
        return None;
    }
    let mut numbers: Vec<String> = news
        .iter()
        .filter_map(|&j| new_units[j].display_number())
        .collect();
    if mapped.iter().any(Option::is_none) {
        numbers.push("(deleted)".to_string());
    }
    Some(numbers.join(", "))
}

/// Pairs equal keys in order, greedily: the bounded-memory stand-in for
/// the longest common subsequence when a unit holds thousands of
/// references.
fn in_order(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut i = 0;
    for (j, key) in b.iter().enumerate() {
        if let Some(k) = a[i.min(a.len())..].iter().position(|x| x == key) {
            pairs.push((i + k, j));
            i += k + 1;
        }
    }
    pairs
}

/// Judges one reference target that stands unchanged in both versions.
fn judge(v: &Versions<'_>, (old_ref, old_target): Site<'_>, site: Site<'_>) -> Outcome {
    let (old_label, exists) = xref::resolve_reference(v.old, old_ref, old_target);
    let Some(old_index) = v.old.index_of(&old_label).filter(|_| exists) else {
        return Outcome::Current;
    };
    let Some(new_index) = v.alignment.of_old(old_index).map(|m| m.new[0]) else {
        return Outcome::Deleted(old_label);
    };
    match rewrite(v.new, site, new_index) {
        Some(edits) if !edits.is_empty() => {
            let new_label = v.new.units()[new_index].label.clone();
            Outcome::Renumbered(old_label, new_label, edits)
        }
        _ => Outcome::Current,
    }
}

/// One finding per reference with renumbered targets (all its edits
/// together), one per deleted target.
fn report(v: &Versions<'_>, outcomes: &[(&Reference, Outcome)], out: &mut Stale) {
    let mut k = 0;
    while k < outcomes.len() {
        let reference = outcomes[k].0;
        let same: Vec<&Outcome> = outcomes[k..]
            .iter()
            .take_while(|(r, _)| std::ptr::eq(*r, reference))
            .map(|(_, o)| o)
            .collect();
        k += same.len();
        let written = quote(&v.new.text[reference.range.clone()]);
        for outcome in &same {
            if let Outcome::Deleted(label) = outcome {
                let message = format!(
                    "“{written}” refers to {label} of {}, which was deleted",
                    v.old.name
                );
                out.findings.push(stale_finding(v.new, reference, message));
            }
        }
        renumbered(v, reference, &written, &same, out);
    }
}

fn renumbered(
    v: &Versions<'_>,
    reference: &Reference,
    written: &str,
    outcomes: &[&Outcome],
    out: &mut Stale,
) {
    let (mut olds, mut news, mut edits) = (Vec::new(), Vec::new(), Vec::new());
    for outcome in outcomes {
        if let Outcome::Renumbered(old, new, e) = outcome {
            olds.push(old.as_str());
            news.push(new.as_str());
            edits.extend(e.iter().cloned());
        }
    }
    // Targets that moved across the reference each turn its "above".
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits.dedup();
    if edits.is_empty() {
        return;
    }
    let suggestion = suggest(&v.new.text, reference, &edits);
    let (numbers, units) = if olds.len() == 1 {
        ("number", "that unit is")
    } else {
        ("numbers", "those units are")
    };
    let message = format!(
        "“{written}” still carries the {numbers} {} had in {}; {units} now {}: should read “{suggestion}”",
        olds.join(", "),
        v.old.name,
        news.join(", ")
    );
    let mut finding = stale_finding(v.new, reference, message);
    finding.suggestion = Some(suggestion);
    out.findings.push(finding);
    out.edits.extend(edits);
}

fn stale_finding(doc: &Document, reference: &Reference, message: String) -> Finding {
    doc.finding(
        Rule::XrefStale,
        reference.unit,
        reference.range.clone(),
        message,
    )
}

/// The edits that make a target name the new unit `to`; `None` when the
/// reference cannot be rewritten to name it (another kind or depth of
/// unit, another section), empty when it already does.
fn rewrite(doc: &Document, (reference, target): Site<'_>, to: usize) -> Option<Vec<Edit>> {
    let (paragraph, subs) = chain(doc, to);
    let mut edits = Vec::new();
    let mut updated = target.clone();
    if target.kind == TargetKind::Sibling {
        let (last_piece, last_new) = (target.subs.last()?, subs.last()?);
        edit_piece(&mut edits, last_piece, last_new, last_new);
        updated.subs.last_mut()?.value = last_new.clone();
    } else {
        let unit = &doc.units()[paragraph];
        let (value, shown) = paragraph_number(doc, target, paragraph)?;
        let same_kind = matches!(
            (target.kind, unit.kind),
            (TargetKind::Operative, UnitKind::Operative)
                | (TargetKind::Preambular, UnitKind::Preambular)
        );
        if !same_kind || subs.len() != target.subs.len() {
            return None;
        }
        let piece = target.number.as_ref()?;
        edit_piece(&mut edits, piece, &value, &shown);
        for ((p, new), slot) in target.subs.iter().zip(&subs).zip(&mut updated.subs) {
            edit_piece(&mut edits, p, new, new);
            slot.value = new.clone();
        }
        updated.number.as_mut()?.value = value;
    }
    let (label, exists) = xref::resolve_reference(doc, reference, &updated);
    if !exists || doc.index_of(&label) != Some(to) {
        return None;
    }
    if !edits.is_empty() {
        turn_place(doc, reference, to, &mut edits);
    }
    Some(edits)
}

/// When the target `to` now stands on the other side of the reference,
/// turns "above" into "below" (or the reverse) if the language has the
/// opposite word; if it has none, the `xref-direction` rule reports it.
fn turn_place(doc: &Document, reference: &Reference, to: usize, edits: &mut Vec<Edit>) {
    let Some(place) = &reference.place else {
        return;
    };
    if place.below == (to > reference.unit) || to == reference.unit {
        return;
    }
    let written = &doc.text[place.range.clone()];
    if let Some(word) = place.opposite(&doc.table().references, written) {
        edits.push(Edit {
            range: place.range.clone(),
            replacement: word,
        });
    }
}

/// The paragraph a unit belongs to, and the letters or numerals from that
/// paragraph down to the unit.
fn chain(doc: &Document, unit: usize) -> (usize, Vec<String>) {
    let units = doc.units();
    let mut subs = Vec::new();
    let mut i = unit;
    while units[i].kind == UnitKind::Subparagraph {
        subs.push(units[i].number.clone().unwrap_or_default());
        match units[i].parent {
            Some(p) => i = p,
            None => break,
        }
    }
    subs.reverse();
    (i, subs)
}

/// The number of a paragraph as a reference writes it: its value
/// (`9bis`, `3`) and how it is shown (`9 bis`, `3`, `troisième`).
fn paragraph_number(doc: &Document, target: &Target, paragraph: usize) -> Option<(String, String)> {
    let unit = &doc.units()[paragraph];
    let value = match unit.kind {
        UnitKind::Preambular => {
            let label = unit.label.rsplit('/').next()?;
            label.strip_prefix("PP")?.to_string()
        }
        _ => unit.number.clone()?,
    };
    let shown = match (target.ordinal, &target.number) {
        (Some(form), Some(piece)) => {
            let n: u32 = value.parse().ok()?;
            let word = doc.table().references.ordinal_word(n, form)?;
            same_case(&doc.text[piece.range.clone()], word)
        }
        _ => unit.display_number().unwrap_or_else(|| value.clone()),
    };
    Some((value, shown))
}

/// `word` with the first letter in the case of `like`'s.
fn same_case(like: &str, word: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        _ => word.to_string(),
    }
}

fn edit_piece(edits: &mut Vec<Edit>, piece: &Piece, value: &str, shown: &str) {
    if piece.value != value {
        edits.push(Edit {
            range: piece.range.clone(),
            replacement: shown.to_string(),
        });
    }
}

/// The reference as it should read, edits applied.
fn suggest(text: &str, reference: &Reference, edits: &[Edit]) -> String {
    let mut out = String::new();
    let mut at = reference.range.start;
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.range.start);
    for edit in sorted {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..reference.range.end]);
    quote(&out)
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
    fn ordinals_keep_their_case() {
        assert_eq!(same_case("Deuxième", "troisième"), "Troisième");
        assert_eq!(same_case("deuxième", "troisième"), "troisième");
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
