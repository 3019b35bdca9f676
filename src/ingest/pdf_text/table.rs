//! Tables: runs of cell-like lines kept together as one opaque block.
//!
//! A PDF table comes out one cell line at a time: many short lines, none of
//! them a paragraph. Where at least [`DENSE`] of [`WINDOW`] consecutive lines
//! are shorter than half the usual line width, the lines are a table; the
//! table reaches back over its header lines (lines that do not end a
//! sentence) and forward while short lines stay frequent.

use super::lines::Line;

/// Lines looked at together.
pub const WINDOW: usize = 10;
/// Short lines among [`WINDOW`] that make a table.
pub const DENSE: usize = 7;
/// Short lines among [`WINDOW`] that keep a table going.
const SPARSE: usize = 4;

/// For each line of the flow, whether it belongs to a table. `stops` marks
/// lines a table never swallows (annex headings and the title after them).
pub fn regions(flow: &[Line], stops: &[bool]) -> Vec<bool> {
    let stops: Vec<bool> = flow
        .iter()
        .zip(stops)
        .map(|(l, &stop)| stop || never_a_cell(l.trimmed()))
        .collect();
    let stops = stops.as_slice();
    let short: Vec<bool> = short_lines(flow)
        .into_iter()
        .zip(stops)
        .map(|(s, &stop)| s && !stop)
        .collect();
    let mut table = vec![false; flow.len()];
    let mut k = 0;
    while k + WINDOW <= flow.len() {
        if count(&short[k..k + WINDOW]) >= DENSE {
            let after_stop = (k..k + WINDOW)
                .rev()
                .find(|&i| stops[i])
                .map_or(k, |i| i + 1);
            let window_end = k + WINDOW;
            let first_short = (after_stop..window_end)
                .find(|&i| short[i])
                .unwrap_or(window_end);
            let start = reach_back(flow, stops, first_short);
            let end = reach_forward(&short, stops, window_end);
            if start < end {
                table[start..end].iter_mut().for_each(|t| *t = true);
            }
            k = end.max(k + 1);
        } else {
            k += 1;
        }
    }
    table
}

/// Lines that are never table cells: footnote definitions and numbered
/// paragraphs.
fn never_a_cell(t: &str) -> bool {
    crate::text::marker::footnote_definition(t).is_some()
        || crate::text::marker::operative(t).is_some()
}

fn count(flags: &[bool]) -> usize {
    flags.iter().filter(|&&f| f).count()
}

/// Lines shorter than half the full printed width (the 95th percentile of
/// line lengths: tables may make up most of the lines). Lines longer than
/// a printed line can be (paragraphs another tool unwrapped) do not count
/// toward the width; the words of a justified line scattered one a line
/// are no cells.
fn short_lines(flow: &[Line]) -> Vec<bool> {
    let mut lengths: Vec<usize> = flow
        .iter()
        .map(|l| l.trimmed().chars().count())
        .filter(|&n| n <= super::segment::PRINTED_WIDTH)
        .collect();
    lengths.sort_unstable();
    let usual = lengths.get(lengths.len() * 19 / 20).copied().unwrap_or(0);
    flow.iter()
        .map(|l| !l.scattered && l.trimmed().chars().count() * 2 < usual)
        .collect()
}

fn reach_back(flow: &[Line], stops: &[bool], mut start: usize) -> usize {
    while start > 0
        && !stops[start - 1]
        && !flow[start - 1].trimmed().ends_with(['.', ';', ':', ','])
    {
        start -= 1;
    }
    start
}

fn reach_forward(short: &[bool], stops: &[bool], mut end: usize) -> usize {
    while end < short.len() && !stops[end] {
        let window = &short[end..(end + WINDOW).min(short.len())];
        if count(window) < SPARSE.min(window.len()) {
            break;
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::pdf_text::lines::line;

    #[test]
    fn a_numbered_paragraph_ending_a_dense_window_does_not_break_it() {
        let long = "  The Assembly of States Parties recalls the importance of cooperation with the Court;";
        let mut flow: Vec<Line> = (0..9).map(|_| line("  short cell")).collect();
        flow.push(line("  1. Decides to act."));
        flow.extend((0..4).map(|_| line(long)));
        flow.push(line("  another cell"));
        flow.extend((0..30).map(|_| line(long)));
        let stops = vec![false; flow.len()];
        let t = regions(&flow, &stops);
        assert_eq!(t.len(), flow.len());
    }

    #[test]
    fn short_runs_are_tables_and_prose_is_not() {
        let long = "Le Groupe de travail a également reçu des informations à jour sur trois autres priorités.";
        let mut flow: Vec<Line> = (0..12).map(|_| line(long)).collect();
        flow.extend(
            [
                "R149. Les responsables",
                "de la Cour devraient",
                "choisir et désigner",
                "un interlocuteur",
                "à La Haye",
                "Échéance :",
                "2nd semestre",
                "Classement /",
                "Attribution :",
                "Cour/Cour",
                "Le Bureau de liaison",
            ]
            .map(line),
        );
        let stops = vec![false; flow.len()];
        let t = regions(&flow, &stops);
        assert!(t[..12].iter().all(|x| !x));
        assert!(t[12..].iter().all(|x| *x));
    }
}
