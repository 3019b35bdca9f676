//! Renumbering an amended draft.
//!
//! - **Operative paragraphs**, in each run of numbering (the main text, an
//!   annex, a section where numbering restarts): when the amendments
//!   inserted, deleted or moved paragraphs there and the draft numbered
//!   them 1, 2, 3 … (from any start), they are numbered again in order, in
//!   the style of their marker (`12.`, `12)`); so are they where the draft
//!   misnumbered them (`1.`, `1.`, `3.`: a number twice, or going back).
//!   Where the draft's numbering rose but was not consecutive (`9 bis`, a
//!   gap), existing paragraphs keep their number
//!   and a new one takes the next Latin suffix of the one before it
//!   (`9 ter`). A run in which an amendment numbered a new paragraph
//!   itself (`1 bis`) is not renumbered either. But where the draft's
//!   numbers rose (with a gap, or from 0) and keeping them would put them
//!   out of order (a paragraph moved), the run is numbered again from 1.
//! - **Subparagraphs**: when the draft lettered them `(a)`, `(b)` … and
//!   `(i)`, `(ii)` … in order, they are lettered again in order; otherwise
//!   only new ones get a letter.
//! - **Footnotes** ([`super::footnotes`]): when the draft numbered them in
//!   the order of their first reference, they are numbered again that way,
//!   references and all.

pub(crate) use super::footnotes::renumber_refs;
use super::items::{Item, depth, is_numbered_paragraph};
use crate::model::marker::{self, LATIN_SUFFIXES};
use crate::model::{Resolution, UnitKind};
use std::collections::HashMap;

/// Renumbers the units of an amended draft in place.
pub(crate) fn renumber(items: &mut [Item], draft: &Resolution) {
    operatives(items, draft);
    sections_read_in_order(items, draft);
    numbered_read_in_order(items, draft);
    subparagraphs(items, draft);
    super::footnotes::renumber(items, draft);
}

/// The run of numbering an operative paragraph's label belongs to:
/// `ANNEX-II/B/OP1` → `ANNEX-II/B/`; for a numbered paragraph of annexed
/// guidelines, `ANNEX/P3` → `ANNEX/P`.
fn domain_of_label(label: &str, kind: UnitKind) -> String {
    if kind == UnitKind::Paragraph {
        let prefix = label.rfind('/').map_or("", |p| &label[..=p]);
        return format!("{prefix}P");
    }
    match label.rfind("OP") {
        Some(p) => label[..p].to_string(),
        None => String::new(),
    }
}

/// Whether an item is a lettered paragraph of an annex (`a) En ce qui
/// concerne …`), old or quoted so.
fn lettered_item(item: &Item) -> bool {
    let id = item
        .marker
        .as_deref()
        .map(|m| m.trim_matches(['(', ')', '.']));
    item.numbered && id.and_then(marker::letter_value).is_some()
}

/// Whether item `b` may take the run of item `a`: not a lettered item's
/// for an operative or figure-numbered paragraph, or the reverse. A new
/// numbered paragraph not quoted with a letter takes either (it follows
/// its neighbours' style), but gives its run to no other.
fn same_kind_of_run(a: &Item, b: &Item) -> bool {
    let open = |it: &Item| it.numbered && it.old.is_none() && it.marker.is_none();
    open(b) || (!open(a) && lettered_item(a) == lettered_item(b))
}

/// Whether an item is numbered in runs: an operative paragraph, or a
/// numbered paragraph of annexed guidelines.
fn in_runs(item: &Item) -> bool {
    item.kind == UnitKind::Operative || item.numbered
}

fn live_operatives(items: &[Item]) -> Vec<usize> {
    (0..items.len())
        .filter(|&k| !items[k].deleted && in_runs(&items[k]))
        .collect()
}

/// The run of numbering of each of the draft's units: that of its label
/// ([`domain_of_label`]), told apart by its section heading where the
/// draft gives a section letter twice in a part (`A.` twice, each
/// numbered from 1), which the parser labels as one section (`A/OP1`,
/// `A/OP1#2`, `A/OP2`) but a reader counts as two: `A/§4` for the
/// paragraphs under the heading that is unit 4.
fn old_runs(draft: &Resolution) -> Vec<String> {
    let section = |u: &crate::model::Unit| match (u.kind, &u.number) {
        (UnitKind::Heading, Some(id)) => Some((u.part.clone(), id.clone())),
        _ => None,
    };
    let mut given: HashMap<(Option<String>, String), usize> = HashMap::new();
    for key in draft.units.iter().filter_map(section) {
        *given.entry(key).or_default() += 1;
    }
    let mut heading: Option<(usize, Option<String>, String)> = None;
    let mut annex: Option<usize> = None;
    let mut runs = Vec::with_capacity(draft.units.len());
    for (i, u) in draft.units.iter().enumerate() {
        if let Some((part, id)) = section(u) {
            heading = Some((i, part, id));
        }
        let domain = domain_of_label(&u.label, u.kind);
        let again = heading.as_ref().filter(|(_, part, id)| {
            *part == u.part
                && given.get(&(part.clone(), id.clone())) > Some(&1)
                && domain.ends_with(&format!("{id}/"))
        });
        let domain = match again {
            Some((h, ..)) => format!("{domain}§{h}"),
            None => domain,
        };
        runs.push(match (lettered_unit(u), annex) {
            (true, Some(a)) => format!("{domain}¶{a}"),
            _ => domain,
        });
        if u.kind == UnitKind::Annex {
            annex = Some(i);
        }
    }
    runs
}

/// Whether a draft's unit is a lettered paragraph of an annex (`a) En ce
/// qui concerne …`).
fn lettered_unit(u: &crate::model::Unit) -> bool {
    is_numbered_paragraph(u) && u.number.as_deref().and_then(marker::letter_value).is_some()
}

/// The runs of lettered items told apart by the annex heading they stand
/// under: the parser letters the items of each annex from `a)` (an annex
/// heading given twice, `Annexe` and `Annexe`, is one part but two lists
/// of items; a `b)` first under its title reads as part of the title;
/// fuzz: annex-kinds-e04de8c4). The draft's annex heading by its unit,
/// as in [`old_runs`]; a new one by its place.
fn lettered_by_annex(items: &[Item], live: &[usize], runs: &mut [String]) {
    let base = |run: &str| run.split('¶').next().unwrap_or_default().to_string();
    // A new paragraph not quoted with a letter that took a lettered run
    // letters with it (fuzz: lettered-run-moved-6c82011c).
    let lettered: Vec<String> = (live.iter().zip(runs.iter()))
        .filter(|(k, _)| lettered_item(&items[**k]))
        .map(|(_, run)| base(run))
        .collect();
    let open = |it: &Item| it.numbered && it.old.is_none() && it.marker.is_none();
    let mut annex: Option<String> = None;
    let mut n = 0;
    for (k, it) in items.iter().enumerate() {
        if it.kind == UnitKind::Annex && !it.deleted {
            annex = Some(it.old.map_or_else(|| format!("@{k}"), |i| i.to_string()));
        }
        if live.get(n) != Some(&k) {
            continue;
        }
        if lettered_item(it) || (open(it) && lettered.contains(&base(&runs[n]))) {
            let run = runs[n].split('¶').next().unwrap_or_default().to_string();
            runs[n] = match &annex {
                Some(a) => format!("{run}¶{a}"),
                None => run,
            };
        }
        n += 1;
    }
}

fn operatives(items: &mut [Item], draft: &Resolution) {
    let live = live_operatives(items);
    let old_runs = old_runs(draft);
    let merged = merged_sections(items, draft, &old_runs);
    let run = |d: String| merged.get(&d).cloned().unwrap_or(d);
    let domains: Vec<String> = domains(items, draft, &live, &old_runs)
        .into_iter()
        .map(run)
        .collect();
    let mut order: Vec<String> = Vec::new();
    let mut members: HashMap<String, Vec<usize>> = HashMap::new();
    for (&k, d) in live.iter().zip(&domains) {
        if !members.contains_key(d) {
            order.push(d.clone());
        }
        members.entry(d.clone()).or_default().push(k);
    }
    for d in order {
        let olds: Vec<usize> = draft
            .units
            .iter()
            .enumerate()
            .filter(|(i, u)| {
                (u.kind == UnitKind::Operative || is_numbered_paragraph(u))
                    && run(old_runs[*i].clone()) == d
            })
            .map(|(i, _)| i)
            .collect();
        let joined = merged.values().any(|v| *v == d);
        number_domain(items, draft, &members[&d], &olds, joined);
    }
}

/// Where the draft numbers the operative paragraphs of each section of a
/// part from 1 again, the numbers as a reader of the amended draft (and
/// the parser) counts them: its sections count from 1 again only where at
/// least two of them start at 1 (`model::label`), each list then under
/// its section heading; else the part is one list. Where the runs above
/// leave such a list out of order (a section heading deleted or moved, so
/// one section is left numbering from 1 after paragraphs outside it; fuzz:
/// sections-left-one-58c6bfa7), the part is numbered again by where its
/// paragraphs now stand: each section heading's paragraphs from 1 where
/// two headings or more still head some, else the part as one list. So is
/// a part that took in another's paragraphs.
fn sections_read_in_order(items: &mut [Item], draft: &Resolution) {
    let mut parts: Vec<&Option<String>> = Vec::new();
    for it in items.iter().filter(|it| is_section_paragraph(it)) {
        if !parts.contains(&&it.part) {
            parts.push(&it.part);
        }
    }
    // A part that took in paragraphs of another (an annex heading
    // deleted: the annex's sections now stand in the main text) is read
    // so too (fuzz: annex-sections-joined-16226def).
    let joined = |p: &Option<String>| {
        items.iter().any(|it| {
            is_section_paragraph(it)
                && it.part == *p
                && it.old.is_some_and(|i| draft.units[i].part != it.part)
        })
    };
    let parts: Vec<Option<String>> = (parts.into_iter())
        .filter(|p| restarts(draft, p) || joined(p))
        .cloned()
        .collect();
    for part in parts {
        let groups = section_groups(items, &part);
        let restarting = groups[1..]
            .iter()
            .flatten()
            .filter(|&&k| first_number(&items[k]))
            .count()
            >= 2;
        let lists: Vec<Vec<usize>> = match restarting {
            true => groups.clone(),
            false => vec![groups.concat()],
        };
        let in_order = lists
            .iter()
            .all(|l| rising(l.iter().map(|&k| items[k].marker.as_deref())));
        if in_order {
            continue;
        }
        let headed = groups.iter().skip(1).filter(|g| !g.is_empty()).count();
        match headed >= 2 {
            true => groups
                .iter()
                .for_each(|g| number_members(items, g, Some(1))),
            false => number_members(items, &groups.concat(), Some(1)),
        }
    }
}

/// The numbered paragraphs of a text without resolution structure (or
/// of annexed guidelines) as a reader of the amended draft, and the
/// parser, counts them: one list per part, section headings or not
/// (`model::label` numbers no section of them). Where the runs above leave
/// that list out of order though the draft had it in order (operative
/// paragraphs numbered by section that a deleted chapeau leaves plain
/// numbered paragraphs, each section from 1; fuzz:
/// numbered-paragraphs-order-ce06b815), it is numbered again from its
/// first number.
fn numbered_read_in_order(items: &mut [Item], draft: &Resolution) {
    let mut parts: Vec<Option<String>> = Vec::new();
    for it in items.iter().filter(|it| is_figure_numbered(it)) {
        if !parts.contains(&it.part) {
            parts.push(it.part.clone());
        }
    }
    for part in parts {
        let list: Vec<usize> = (0..items.len())
            .filter(|&k| items[k].part == part && is_figure_numbered(&items[k]))
            .collect();
        if rising(list.iter().map(|&k| items[k].marker.as_deref())) {
            continue;
        }
        let olds = (draft.units.iter())
            .filter(|u| u.part == part && is_numbered_paragraph(u) && u.kind == UnitKind::Paragraph)
            .filter(|u| {
                u.number
                    .as_deref()
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
            });
        if !rising(olds.map(|u| u.marker.as_deref())) {
            continue;
        }
        let first = (list.iter())
            .find_map(|&k| items[k].marker.as_deref().and_then(marker_key))
            .map_or(1, |(n, _)| n.max(1));
        number_members(items, &list, Some(first));
    }
}

/// Whether an item is a live paragraph numbered with figures that is not
/// operative (`1.` of annexed guidelines).
fn is_figure_numbered(it: &Item) -> bool {
    it.kind == UnitKind::Paragraph
        && !it.deleted
        && it.marker.as_deref().and_then(marker_key).is_some()
}

/// Whether an item is a live operative paragraph (the paragraphs the
/// parser numbers by section).
fn is_section_paragraph(it: &Item) -> bool {
    it.kind == UnitKind::Operative && !it.deleted
}

/// Whether an item is numbered `1` (`1.`, `1)`).
fn first_number(it: &Item) -> bool {
    it.marker.as_deref().and_then(marker_key) == Some((1, 0))
}

/// The live operative paragraphs of a part by the section heading they
/// stand under, in order: first those under none, then one group per
/// live section heading (empty where it heads none).
fn section_groups(items: &[Item], part: &Option<String>) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new()];
    for (k, it) in items.iter().enumerate().filter(|(_, it)| it.part == *part) {
        let heading = it.kind == UnitKind::Heading && !it.deleted;
        if heading && marker::section(&it.text).is_some() {
            groups.push(Vec::new());
        } else if is_section_paragraph(it)
            && let Some(g) = groups.last_mut()
        {
            g.push(k);
        }
    }
    groups
}

/// Runs of numbering that an amendment joined: where a section heading
/// (`B. Privileges`) is deleted, or reworded so that it no longer opens a
/// section (`B, Privileges`), the paragraphs it headed continue the run
/// before it (`1.`–`3.` then `4.`, not `1.` again), as a reader of the
/// amended draft counts them. Maps the run of the paragraphs after such a
/// heading to the run they join.
fn merged_sections(
    items: &[Item],
    draft: &Resolution,
    old_runs: &[String],
) -> HashMap<String, String> {
    let mut merged: HashMap<String, String> = HashMap::new();
    let standing = standing_runs(items, draft, old_runs);
    let mut last: Option<(String, Option<String>)> = None;
    let mut joining = false;
    for it in items.iter().filter(|it| it.kind != UnitKind::Footnote) {
        let section = it.old.filter(|&i| {
            let u = &draft.units[i];
            u.kind == UnitKind::Heading && u.number.is_some()
        });
        if section.is_some() {
            joining = it.deleted || marker::section(&it.text).is_none();
            continue;
        }
        let (Some(i), false, true) = (it.old, it.deleted, in_runs(it)) else {
            continue;
        };
        let own = old_runs[i].clone();
        let own = merged.get(&own).cloned().unwrap_or(own);
        match last.take() {
            Some((before, part))
                if joining && part == it.part && before != own && !standing.contains(&own) =>
            {
                merged.insert(own, before.clone());
                last = Some((before, part));
            }
            _ => last = Some((own, it.part.clone())),
        }
        joining = false;
    }
    merged
}

/// The run of the draft's paragraphs each numbered section heading heads
/// (that of the first operative paragraph under it in its part).
fn heading_runs(draft: &Resolution, old_runs: &[String]) -> HashMap<usize, String> {
    let mut runs: HashMap<usize, String> = HashMap::new();
    let mut current: Option<usize> = None;
    for (i, u) in draft.units.iter().enumerate() {
        match (u.kind, &u.number) {
            (UnitKind::Heading, Some(_)) => current = Some(i),
            (UnitKind::Annex, _) => current = None,
            (UnitKind::Operative, _) => {
                if let Some(h) = current.filter(|&h| draft.units[h].part == u.part) {
                    runs.entry(h).or_insert_with(|| old_runs[i].clone());
                }
            }
            _ => {}
        }
    }
    runs
}

/// The runs whose section heading still stands in the amended draft (not
/// deleted, still opening a section, wherever the list moved it): they
/// join no other run when a heading before them goes (a heading deleted,
/// and the next section's heading moved after its first paragraph:
/// property test of session 23).
fn standing_runs(
    items: &[Item],
    draft: &Resolution,
    old_runs: &[String],
) -> std::collections::HashSet<String> {
    let of_heading = heading_runs(draft, old_runs);
    items
        .iter()
        .filter(|it| !it.deleted && marker::section(&it.text).is_some())
        .filter_map(|it| of_heading.get(&it.old?).cloned())
        .collect()
}

/// The numbering run of each live operative paragraph; a new or moved one,
/// or one a new annex heading now stands before, belongs to the run of the
/// paragraph before it (or after it) in its part (a paragraph moved into
/// an annex is numbered with the annex's), or, right after a section
/// heading, to that section's ([`headed_run`]).
fn domains(items: &[Item], draft: &Resolution, live: &[usize], old_runs: &[String]) -> Vec<String> {
    let own: Vec<Option<String>> = live
        .iter()
        .map(|&k| {
            items[k]
                .old
                .filter(|&i| items[k].attached.is_none() && items[k].part == draft.units[i].part)
                .map(|i| old_runs[i].clone())
        })
        .collect();
    let prefix = |k: usize| {
        items[k]
            .part
            .as_ref()
            .map_or(String::new(), |p| format!("{p}/"))
    };
    let positional = positional_runs(items, draft, live, old_runs);
    let mut runs: Vec<String> = Vec::with_capacity(live.len());
    for n in 0..live.len() {
        if let Some(run) = positional[n].clone() {
            runs.push(run);
            continue;
        }
        // Lettered items of an annex (`a)`, `b)`) letter in runs of their
        // own: a new operative paragraph after them is numbered `1.`.
        let same_part = |m: &usize| {
            items[live[*m]].part == items[live[n]].part
                && same_kind_of_run(&items[live[*m]], &items[live[n]])
        };
        let run = new_section_run(items, draft, live[n])
            .or_else(|| own[n].clone())
            .or_else(|| headed_run(items, draft, live, &own, n))
            .or_else(|| (0..n).rev().find(same_part).map(|m| runs[m].clone()))
            .or_else(|| {
                (n + 1..live.len())
                    .take_while(|&m| !section_between(items, live[n], live[m]))
                    .filter(same_part)
                    .find_map(|m| own[m].clone())
            })
            .unwrap_or_else(|| match lettered_item(&items[live[n]]) {
                true => format!("{}P", prefix(live[n])),
                false => prefix(live[n]),
            });
        runs.push(run);
    }
    lettered_by_annex(items, live, &mut runs);
    runs
}

/// In a part the draft numbers by section ([`restarts`]), the run of each
/// live operative paragraph by the section heading it now stands under,
/// as a reader counts them: the run of that heading's paragraphs in the
/// draft, or one of its own for a new heading or one that headed none;
/// the part's own run before the first. A heading the list moves takes
/// its section along to the paragraphs now under it (fuzz and property
/// runs of session 22: a section heading moved, a letter given again).
/// `None` for the others, numbered by their labels.
fn positional_runs(
    items: &[Item],
    draft: &Resolution,
    live: &[usize],
    old_runs: &[String],
) -> Vec<Option<String>> {
    let heading_runs = heading_runs(draft, old_runs);
    let prefix = |it: &Item| it.part.as_ref().map_or(String::new(), |p| format!("{p}/"));
    let own_run = |it: &Item, mark: &str, k: usize| {
        let id = marker::section(&it.text).map_or("", |(id, _)| id);
        format!("{}{id}/{mark}{k}", prefix(it))
    };
    let mut restarting: HashMap<Option<String>, bool> = HashMap::new();
    let mut current: Option<(Option<String>, String)> = None;
    let mut at: HashMap<usize, String> = HashMap::new();
    for (k, it) in items.iter().enumerate() {
        if it.deleted || it.kind == UnitKind::Footnote {
            continue;
        }
        let taken = it.old.is_none_or(|i| draft.units[i].number.is_some());
        if it.kind == UnitKind::Heading && taken && marker::section(&it.text).is_some() {
            let run = match it.old {
                Some(h) => (heading_runs.get(&h).cloned()).unwrap_or_else(|| own_run(it, "§", h)),
                None => own_run(it, "@", k),
            };
            current = Some((it.part.clone(), run));
        } else if it.kind == UnitKind::Operative
            && *(restarting.entry(it.part.clone())).or_insert_with(|| restarts(draft, &it.part))
        {
            let run = (current.as_ref())
                .filter(|(p, _)| *p == it.part)
                .map_or_else(|| prefix(it), |(_, r)| r.clone());
            at.insert(k, run);
        }
    }
    live.iter().map(|k| at.get(k).cloned()).collect()
}

/// The run of every paragraph a new section heading now heads, where the
/// draft numbers each section from 1 again: one of its own, old
/// paragraphs the list placed under it included.
fn new_section_run(items: &[Item], draft: &Resolution, k: usize) -> Option<String> {
    let h = (0..k).rev().find(|&h| {
        let it = &items[h];
        !it.deleted
            && (it.kind == UnitKind::Annex
                || (it.kind == UnitKind::Heading && marker::section(&it.text).is_some()))
    })?;
    let it = &items[h];
    if it.kind == UnitKind::Annex || it.old.is_some() || !restarts(draft, &it.part) {
        return None;
    }
    let (id, _) = marker::section(&it.text)?;
    let part = it.part.as_ref().map_or(String::new(), |p| format!("{p}/"));
    Some(format!("{part}{id}/@{h}"))
}

/// Whether a live section heading (`A. Universality`) stands between
/// items `a` and `b`: new paragraphs before a draft's first section are
/// not that section's.
fn section_between(items: &[Item], a: usize, b: usize) -> bool {
    items[a + 1..b].iter().any(|it| {
        it.kind == UnitKind::Heading && !it.deleted && marker::section(&it.text).is_some()
    })
}

/// The run of new paragraph `live[n]` where a section heading (`B.
/// Privileges`) stands between it and the paragraph before it, as a
/// reader counts them: an old heading's section, that of the first old
/// paragraph after it ("After the heading B, insert a new operative
/// paragraph": `1.` of section B, not `4.` after section A's `3.`); and
/// where the draft numbers each section from 1 again, a run of its own
/// for a new heading's section, or an old one's whose paragraphs are all
/// gone.
fn headed_run(
    items: &[Item],
    draft: &Resolution,
    live: &[usize],
    own: &[Option<String>],
    n: usize,
) -> Option<String> {
    let k = live[n];
    let heading = (0..k).rev().find(|&h| {
        let it = &items[h];
        let heading = it.kind == UnitKind::Heading && marker::section(&it.text).is_some();
        let old_section = it.old.is_none_or(|i| draft.units[i].number.is_some());
        !it.deleted && ((heading && old_section) || in_runs(it))
    })?;
    let it = &items[heading];
    if in_runs(it) {
        return None;
    }
    let old = it.old.and_then(|_| {
        (n + 1..live.len())
            .filter(|&m| live[m] > heading && items[live[m]].part == items[k].part)
            .filter(|&m| same_kind_of_run(&items[live[m]], &items[k]))
            .find_map(|m| own[m].clone())
    });
    let (id, _) = marker::section(&it.text)?;
    let part = it.part.as_ref().map_or(String::new(), |p| format!("{p}/"));
    old.or_else(|| restarts(draft, &it.part).then(|| format!("{part}{id}/@{heading}")))
}

/// Whether the draft numbers the operative paragraphs of each section of
/// a part from 1 again: the parser then labels them `B/OP1`.
fn restarts(draft: &Resolution, part: &Option<String>) -> bool {
    draft.units.iter().any(|u| {
        let domain = domain_of_label(&u.label, u.kind);
        u.kind == UnitKind::Operative
            && u.part == *part
            && domain.split('/').any(|s| {
                !s.is_empty()
                    && !s.starts_with("ANNEX")
                    && s.chars().all(|c| c.is_ascii_uppercase())
            })
    })
}

/// Numbers a run: `members` as it stands amended, `olds` the draft's
/// paragraphs of it; `joined` when it joins runs the draft numbered apart
/// (a section heading gone).
fn number_domain(
    items: &mut [Item],
    draft: &Resolution,
    members: &[usize],
    olds: &[usize],
    joined: bool,
) {
    let now: Vec<Option<usize>> = members.iter().map(|&k| items[k].old).collect();
    let before: Vec<Option<usize>> = olds.iter().map(|&i| Some(i)).collect();
    if now == before && !joined {
        return;
    }
    if lettered(draft, olds) || quoted_letters(items, members, olds) {
        return letter_domain(items, draft, members, olds);
    }
    let numbers: Vec<Option<u32>> = olds
        .iter()
        .map(|&i| {
            draft.units[i]
                .number
                .as_deref()
                .and_then(|n| n.parse().ok())
        })
        .collect();
    let first = numbers.first().copied().flatten().unwrap_or(1);
    let numbered_new = members
        .iter()
        .any(|&m| items[m].old.is_none() && items[m].marker.is_some());
    let draft_in_order = rising(olds.iter().map(|&i| draft.units[i].marker.as_deref()));
    // A run the draft numbered 1, 2, 3 is numbered so again; so is one it
    // misnumbered (`1.`, `1.`, `3.`: a number given twice or going back),
    // whose numbers name no paragraph for sure: keeping them would give
    // `1.`, `1.`, `1 bis.` where the amended text reads 1, 2, 3.
    let consecutive = !numbered_new
        && (!draft_in_order
            || numbers
                .iter()
                .enumerate()
                .all(|(k, n)| *n == Some(first + k as u32)));
    number_members(items, members, consecutive.then_some(first));
    // Numbers kept where the draft numbered out of sequence (a gap, a
    // paragraph 0) but in order must not go out of order when a paragraph
    // moves: the run is then numbered again, from 1.
    if !consecutive
        && draft_in_order
        && !rising(members.iter().map(|&m| items[m].marker.as_deref()))
    {
        number_members(items, members, Some(first.max(1)));
    }
}

/// Whether a run's old units are lettered annex paragraphs ("a) En ce qui
/// concerne …"), which count in letters.
fn lettered(draft: &Resolution, olds: &[usize]) -> bool {
    !olds.is_empty()
        && olds.iter().all(|&i| {
            draft.units[i]
                .number
                .as_deref()
                .is_some_and(|n| marker::letter_value(n).is_some())
        })
}

/// Whether a run of new paragraphs only is quoted with letters (« a) …
/// »), or opens so and goes on with paragraphs not quoted with theirs:
/// lettered too.
fn quoted_letters(items: &[Item], members: &[usize], olds: &[usize]) -> bool {
    // New paragraphs not quoted with a letter follow the one that is
    // (fuzz: annex-letters-new-run-4ab1870a).
    let open = |it: &Item| it.numbered && it.old.is_none() && it.marker.is_none();
    olds.is_empty()
        && members.iter().any(|&m| lettered_item(&items[m]))
        && members
            .iter()
            .all(|&m| lettered_item(&items[m]) || open(&items[m]))
}

/// Whether operative markers rise strictly (`1.`, `2.`, `2 bis.`, `3.`).
fn rising<'a>(markers: impl Iterator<Item = Option<&'a str>>) -> bool {
    let mut last: Option<(u32, usize)> = None;
    for m in markers {
        let Some(key) = m.and_then(marker_key) else {
            return false;
        };
        if last.is_some_and(|l| key <= l) {
            return false;
        }
        last = Some(key);
    }
    true
}

/// An operative marker as its number and Latin suffix (`9 bis.` → (9, 1)).
fn marker_key(m: &str) -> Option<(u32, usize)> {
    marker::operative(&format!("{m} x")).map(|o| {
        let suffix = o
            .suffix
            .and_then(|s| LATIN_SUFFIXES.iter().position(|l| *l == s))
            .map_or(0, |p| p + 1);
        (o.base, suffix)
    })
}

/// Numbers the members of a run: from `first` on when the draft numbered
/// them consecutively, else keeping existing numbers and giving new ones
/// the next Latin suffix.
fn number_members(items: &mut [Item], members: &[usize], first: Option<u32>) {
    let mut style = String::from(".");
    let mut previous: Option<(u32, usize)> = None;
    for (k, &m) in members.iter().enumerate() {
        if let Some(p) = items[m].marker.as_deref().and_then(punctuation) {
            style = p.to_string();
        }
        let marker = if let Some(first) = first {
            format!("{}{style}", first + k as u32)
        } else if let Some(existing) = items[m].marker.clone() {
            existing
        } else {
            next_suffixed(previous, &style)
        };
        previous = marker_key(&marker);
        items[m].marker = Some(marker);
    }
}

/// Letters a run of lettered paragraphs again, in order and in the style
/// of the draft's first (`a)`, `(a)`), when the draft lettered them from
/// `a` without a gap; otherwise only new ones get the letter after the one
/// before them.
fn letter_domain(items: &mut [Item], draft: &Resolution, members: &[usize], olds: &[usize]) {
    let values: Vec<Option<u32>> = olds
        .iter()
        .map(|&i| {
            draft.units[i]
                .number
                .as_deref()
                .and_then(marker::letter_value)
        })
        .collect();
    let consecutive = values
        .iter()
        .enumerate()
        .all(|(k, v)| *v == Some(k as u32 + 1));
    let model = (olds.first().and_then(|&i| draft.units[i].marker.clone()))
        .or_else(|| members.first().and_then(|&m| items[m].marker.clone()))
        .unwrap_or_else(|| "a)".into());
    let mut previous = 0;
    for (k, &m) in members.iter().enumerate() {
        let value = if consecutive || items[m].marker.is_none() {
            if consecutive {
                k as u32 + 1
            } else {
                previous + 1
            }
        } else {
            let own = items[m].old.and_then(|i| draft.units[i].number.as_deref());
            own.and_then(marker::letter_value).unwrap_or(previous + 1)
        };
        items[m].marker = Some(restyle(&model, &letter(value)));
        previous = value;
    }
}

/// `12.` → `.`, `3)` → `)`.
fn punctuation(marker: &str) -> Option<&str> {
    marker.get(marker.len().checked_sub(1)?..)
}

/// The number after `9` or `9 bis` for a paragraph inserted there:
/// `9 bis`, `9 ter`.
fn next_suffixed(previous: Option<(u32, usize)>, style: &str) -> String {
    match previous {
        None => format!("1{style}"),
        Some((base, k)) => match LATIN_SUFFIXES.get(k) {
            Some(s) => format!("{base} {s}{style}"),
            None => format!("{}{style}", base + 1),
        },
    }
}

/// How subparagraphs at one depth are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Letters,
    Roman,
}

fn letter(n: u32) -> String {
    crate::model::marker::to_letter(n)
}

fn id_for(count: Count, n: u32) -> String {
    match count {
        Count::Letters => letter(n),
        Count::Roman => marker::to_roman(n).to_lowercase(),
    }
}

/// The position of each subparagraph among its siblings, by walking units
/// in order: `(a)` `(b)` under a paragraph, `(i)` `(ii)` under `(b)`. As
/// for the parser, an unnumbered paragraph among them ("in particular:")
/// does not start the count again. Each unit: its kind, depth, whether it
/// stands in the draft, and whether it is a numbered paragraph.
fn positions<'a>(
    units: impl Iterator<Item = (UnitKind, usize, bool, bool)> + 'a,
) -> Vec<Option<u32>> {
    let mut counters: Vec<u32> = Vec::new();
    units
        .map(|(kind, depth, live, numbered)| {
            if !live || (kind == UnitKind::Paragraph && !numbered) {
                return None;
            }
            if kind != UnitKind::Subparagraph {
                counters.clear();
                return None;
            }
            let d = depth.max(1);
            counters.resize(d, 0);
            counters[d - 1] += 1;
            Some(counters[d - 1])
        })
        .collect()
}

/// How each of the draft's subparagraphs is counted, when its id is the
/// letter or numeral of its place.
fn old_counts(draft: &Resolution, old_depths: &[usize]) -> HashMap<usize, Count> {
    let old_pos = positions(draft.units.iter().enumerate().map(|(i, u)| {
        let live = u.kind != UnitKind::Footnote;
        (u.kind, old_depths[i], live, is_numbered_paragraph(u))
    }));
    draft
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| Some((i, count_of(u.number.as_deref()?, old_pos[i]?)?)))
        .collect()
}

fn subparagraphs(items: &mut [Item], draft: &Resolution) {
    let old_depths: Vec<usize> = (0..draft.units.len()).map(|i| depth(draft, i)).collect();
    let counts = old_counts(draft, &old_depths);
    let regular = draft
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind == UnitKind::Subparagraph)
        .all(|(i, _)| counts.contains_key(&i));
    let new_pos = positions((items.iter()).map(|it| (it.kind, it.depth, !it.deleted, it.numbered)));
    // New subparagraphs with no sibling to follow are marked as the
    // draft marks others at their depth, else as the amendment quoted
    // them (« a) … »), else as its language does.
    let mut model: HashMap<usize, String> = HashMap::new();
    for (i, u) in draft.units.iter().enumerate() {
        if let (UnitKind::Subparagraph, Some(m)) = (u.kind, &u.marker) {
            model.entry(old_depths[i]).or_insert_with(|| m.clone());
        }
    }
    let fallback = draft.lang.table().subparagraph_marker;
    let mut style: HashMap<usize, (Count, String)> = HashMap::new();
    for (k, n) in new_pos.into_iter().enumerate() {
        let Some(n) = n else { continue };
        let it = &items[k];
        let own = it
            .old
            .and_then(|i| Some((*counts.get(&i)?, it.marker.clone()?)));
        if let Some(s) = own.clone().or_else(|| quoted_letters_run(it, n)) {
            style.insert(it.depth, s);
        }
        if it.old.is_some() && !regular {
            continue;
        }
        let (count, marker) = style.get(&it.depth).cloned().unwrap_or_else(|| {
            let count = if it.depth >= 2 {
                Count::Roman
            } else {
                Count::Letters
            };
            let marker = model
                .get(&it.depth)
                .or(it.marker.as_ref().filter(|_| it.old.is_none()))
                .map_or(fallback, String::as_str);
            (count, marker.to_string())
        });
        let id = id_for(count, n);
        items[k].marker = Some(restyle(&marker, &id));
    }
}

/// The count of a run of new subparagraphs nested a level deeper than
/// letters whose first, item `it` (its place `n`), is quoted `a)`: a
/// nested list of letters, as the parser reads `a)` after `a)`, not of
/// numerals.
fn quoted_letters_run(it: &Item, n: u32) -> Option<(Count, String)> {
    let m = it.marker.as_ref().filter(|_| it.old.is_none())?;
    let first = marker::subparagraph(&format!("{m} x")).is_some_and(|s| s.id == "a");
    (n == 1 && it.depth >= 2 && first).then(|| (Count::Letters, m.clone()))
}

/// Whether a subparagraph id is the `n`th letter or numeral.
fn count_of(id: &str, n: u32) -> Option<Count> {
    if id == letter(n) {
        Some(Count::Letters)
    } else if id == marker::to_roman(n).to_lowercase() {
        Some(Count::Roman)
    } else {
        None
    }
}

/// A subparagraph marker in the style of another: `(b)` with `c` → `(c)`,
/// `b)` → `c)`.
fn restyle(model: &str, id: &str) -> String {
    let open = if model.starts_with('(') { "(" } else { "" };
    let close = model.chars().last().filter(|c| matches!(c, ')' | '.'));
    format!("{open}{id}{}", close.map_or(")".to_string(), String::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_numerals() {
        assert_eq!(letter(3), "c");
        assert_eq!(letter(28), "bb");
        assert_eq!(id_for(Count::Roman, 4), "iv");
        assert_eq!(restyle("(b)", "c"), "(c)");
        assert_eq!(restyle("b)", "c"), "c)");
    }

    #[test]
    fn suffixes_follow_the_previous_number() {
        assert_eq!(next_suffixed(Some((9, 0)), "."), "9 bis.");
        assert_eq!(next_suffixed(Some((9, 1)), "."), "9 ter.");
        assert_eq!(next_suffixed(None, "."), "1.");
    }
}
