//! Page furniture: page numbers and running headers.
//!
//! A line that is only a page number (one to three digits between lines of
//! running text) goes, and so does a short line repeated at least three
//! times that carries a digit and no final punctuation (a running header
//! such as `ICC-ASP/20/26` or a job number). Table lines are left alone:
//! their cells repeat legitimately.

use super::lines::Line;
use std::collections::HashMap;

/// Empties the lines of page furniture (so that line indices stay valid),
/// except lines where `keep` is set (tables).
pub fn drop(flow: &mut [Line], keep: &[bool]) {
    let repeated = running_headers(flow, keep);
    let furniture: Vec<bool> = (0..flow.len())
        .map(|i| !keep[i] && (repeated.contains_key(flow[i].trimmed()) || page_number(flow, i)))
        .collect();
    for (line, gone) in flow.iter_mut().zip(furniture) {
        if gone {
            line.text.clear();
        }
    }
}

fn running_headers(flow: &[Line], keep: &[bool]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (line, &kept) in flow.iter().zip(keep) {
        let t = line.trimmed();
        let candidate = !kept
            && t.chars().count() < 80
            && t.chars().any(|c| c.is_ascii_digit())
            && !t.ends_with(['.', ';', ':', ',']);
        if candidate {
            *counts.entry(t.to_string()).or_insert(0) += 1;
        }
    }
    counts.retain(|_, n| *n >= 3);
    counts
}

/// A line of one to three digits between lines of text.
fn page_number(flow: &[Line], i: usize) -> bool {
    let t = flow[i].trimmed();
    let digits = !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
    let long = |j: Option<&Line>| j.is_none_or(|l| l.trimmed().chars().count() >= 40);
    digits && long(i.checked_sub(1).and_then(|j| flow.get(j))) && long(flow.get(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::pdf_text::lines::line;

    #[test]
    fn drops_page_numbers_and_headers() {
        let long =
            "Le Groupe de travail a également reçu des informations à jour sur les priorités";
        let mut flow: Vec<Line> = vec![
            long,
            "12",
            long,
            "ICC-ASP/20/26",
            long,
            "ICC-ASP/20/26",
            long,
            "ICC-ASP/20/26",
            "Cour/Cour",
        ]
        .into_iter()
        .map(line)
        .collect();
        let keep = vec![false; flow.len()];
        drop(&mut flow, &keep);
        let texts: Vec<&str> = flow
            .iter()
            .map(|l| l.trimmed())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(texts, [long, long, long, long, "Cour/Cour"]);
    }
}
