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

/// [`is_furniture`] as it was, testing every token of every line.
fn is_furniture_before(t: &str, symbol: Option<&str>) -> bool {
    let t = t.trim();
    if t.is_empty() || t.len() > LONGEST {
        return false;
    }
    if page_word(t) || is_note_of_reissue(t) || starts_with_any(t, any_words(|w| w.recycle)) {
        return true;
    }
    if symbol.is_some_and(|s| same_symbol(t, s)) {
        return true;
    }
    t.split_whitespace()
        .all(|k| furniture_token(k) || symbol.is_some_and(|s| same_symbol(k, s)) || is_symbol(k))
        && t.split_whitespace()
            .any(|k| tokens::page_n_of_n(k) || tokens::job(k) || tokens::bar_code(k))
}

/// [`role`] as it was, lower-casing every line first.
fn role_before(t: &str) -> Option<Role> {
    if t.len() > LONGEST {
        return None;
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_end_matches(['*', ' ']);
    if any_words(|w| w.organs)
        .chain(any_words(|w| w.united_nations))
        .any(|w| w == lower)
    {
        return Some(Role::Inside);
    }
    let distribution = || may_open_with(t, "dD") && DISTRIBUTION.is_match(t);
    let original = || may_open_with(t, "oO") && ORIGINAL.is_match(t);
    if symbol_of(t).is_some() || distribution() || original() || is_date(t) {
        return Some(Role::Inside);
    }
    if at_most_words(t, 6) && may_close_with(t, "nNsS") && SESSION.is_match(t) {
        return Some(Role::Inside);
    }
    if at_most_words(t, 8) && may_open_with(t, "aApPtTiI") && AGENDA.is_match(t) {
        return Some(Role::Agenda);
    }
    if is_furniture_before(t, None) {
        return Some(Role::Inside);
    }
    let sponsors = any_words(|w| w.draft_resolution).any(|d| {
        lower.ends_with(&format!(": {d}")) || lower.ends_with(&format!(" : {d}")) || lower == d
    });
    let adopted = starts_with_any(t, any_words(|w| w.adopted));
    let bracket = t.starts_with('[') && t.ends_with(']');
    (sponsors || adopted || bracket).then_some(Role::End)
}

/// The first-token and "Please recycle" tests before the tests of each
/// token, and the length test before lower-casing a line for its organ,
/// change no answer: on every line of the corpus, in both cases, with
/// stars and spaces after it, glued to furniture, and with the symbols
/// of the real texts as the document's.
#[test]
fn the_cheap_furniture_and_role_tests_change_no_answer() {
    let mut lines = corpus();
    let extra: Vec<String> = lines
        .iter()
        .take(5000)
        .flat_map(|l| {
            [
                format!("{l}  ***"),
                format!("2/5 {l}"),
                format!("{l} 20-07231"),
                format!("\u{a0}{l}"),
                format!("K{l}"),
                format!("\u{212a}{l}"),
            ]
        })
        .collect();
    lines.extend(extra);
    lines.extend(
        [
            "United Nations",
            "UNITED NATIONS ***",
            "Nations Unies",
            "General Assembly",
            "Security Council  * ",
            "Please recycle",
            "PLEASE RECYCLE",
            "prière de recycler",
            "Sírvase reciclar",
            "S /2020/449",
            "S\u{a0}/2020/449",
            "A/RES/79/7\u{a0}2/5",
            "٣/٣ 20-07231",
            "(E) 20-07231",
            "*2007231* A/80/1",
        ]
        .map(str::to_string),
    );
    let symbols = [None, Some("S/2020/449"), Some("A/RES/79/7"), Some("A/80/1")];
    let mut furniture = 0;
    let mut roles = 0;
    for line in &lines {
        for symbol in symbols {
            let before = is_furniture_before(line, symbol);
            assert_eq!(is_furniture(line, symbol), before, "{line:?} {symbol:?}");
            furniture += usize::from(before);
        }
        let t = line.trim();
        let before = role_before(t);
        assert_eq!(role(t), before, "{t:?}");
        let inside = matches!(before, Some(Role::Inside | Role::Agenda));
        assert_eq!(inside_role(t).is_some(), inside, "{t:?}");
        roles += usize::from(before.is_some());
    }
    assert!(furniture > 20 && roles > 50, "{furniture} / {roles}");
}
