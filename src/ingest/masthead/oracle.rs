//! Oracle test of the cheap conditions put before the masthead's
//! expressions (and before lower-casing a line): on every line of the
//! shipped drafts, the fixtures and the real UN texts, with each line's
//! upper- and lower-case forms, they change no answer.

use super::*;
use std::path::Path;

/// The lines of every `.txt` file under `dir`, recursively.
fn lines_under(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            lines_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.extend(text.lines().map(str::to_string));
        }
    }
}

/// Masthead and furniture lines in every form, and the texts' lines.
fn corpus() -> Vec<String> {
    let mut lines: Vec<String> = [
        "Distr.: General",
        "distr : limitée",
        "Original: English",
        "orig.: français",
        "Seventy-ninth session",
        "Septuagésimo noveno período de sesiones",
        "Soixante-dix-neuvième seSSion",
        "Agenda item 38",
        "Points 12 et 13 de l’ordre du jour",
        "Tema 5 del programa",
        "Provisional agenda",
        "Item 4",
        "- 3 -",
        "Page 3 of 5",
        "página 2 de 4",
        "PÁGINA 2",
        "29 May 2020",
        "1er novembre 2024.",
        "29 de mayo de 2020",
        "3 De Mayo de de 2020",
        "S/2020/449",
        "S /2020/449 (2020)",
        "A/C.3/79/L.5/Rev.1*",
        "ICC-ASP/20/Res.5 and more words",
        "la ſession",
        "Agenda item 38 of the sixty-ninth session",
    ]
    .map(str::to_string)
    .to_vec();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["../shared/realworld/un", "drafts", "fixtures"] {
        lines_under(&root.join(dir), &mut lines);
    }
    let cased: Vec<String> = lines
        .iter()
        .flat_map(|l| [l.to_uppercase(), l.to_lowercase()])
        .collect();
    lines.extend(cased);
    lines
}

/// [`symbol_of`] as it was, reading every line whole.
fn symbol_of_whole(t: &str) -> Option<String> {
    let t = t.trim();
    if is_symbol(t) {
        return Some(t.trim_end_matches('*').to_string());
    }
    let mut words = t.split_whitespace();
    let (first, second) = (words.next()?, words.next()?);
    let joined = format!("{first}{second}");
    let whole = match words.next() {
        Some(y) if words.next().is_none() => format!("{joined} {y}"),
        None => joined,
        Some(_) => return None,
    };
    (second.starts_with('/') && is_symbol(&whole)).then(|| whole.trim_end_matches('*').to_string())
}

/// [`is_date`] as it was, lower-casing every line whole before reading
/// its words (without the cheap count of words first).
fn is_date_whole(t: &str) -> bool {
    is_lower_date(&t.trim().trim_end_matches('.').to_lowercase())
}

#[test]
fn the_cheap_conditions_change_no_answer() {
    let lines = corpus();
    assert!(lines.len() > 10_000, "the texts were found");
    let mut matched = [0usize; 8];
    for line in &lines {
        let t = line.trim();
        let checks = [
            (page_word(t), PAGE_WORD.is_match(t)),
            (
                may_open_with(t, "dD") && DISTRIBUTION.is_match(t),
                DISTRIBUTION.is_match(t),
            ),
            (
                may_open_with(t, "oO") && ORIGINAL.is_match(t),
                ORIGINAL.is_match(t),
            ),
            (
                at_most_words(t, 6) && may_close_with(t, "nNsS") && SESSION.is_match(t),
                SESSION.is_match(t) && t.split_whitespace().count() <= 6,
            ),
            (
                at_most_words(t, 8) && may_open_with(t, "aApPtTiI") && AGENDA.is_match(t),
                AGENDA.is_match(t) && t.split_whitespace().count() <= 8,
            ),
            (
                is_symbol(t),
                SYMBOL.is_match(t) && t.chars().any(|c| c.is_ascii_digit()) && t.contains('/'),
            ),
            (symbol_of(t).is_some(), symbol_of_whole(t).is_some()),
            (is_date(t), is_date_whole(t)),
        ];
        for (k, (cheap, whole)) in checks.into_iter().enumerate() {
            assert_eq!(cheap, whole, "check {k} on {t:?}");
            matched[k] += usize::from(whole);
        }
        assert_eq!(symbol_of(t), symbol_of_whole(t), "{t:?}");
    }
    assert!(
        matched.iter().all(|&n| n > 0),
        "every check met a match: {matched:?}"
    );
}
