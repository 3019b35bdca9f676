//! Footnotes: areas lifted out of the flow, markers turned into `[^N]`.
//!
//! A footnote area starts at a rule (a long run of spaces or underscores)
//! followed by a line `N text`; it holds consecutive footnotes (`N`, `N+1`,
//! ...), their continuation lines, and the URL some PDFs print a second
//! time under a footnote that holds it. The marker of footnote `N` is
//! looked for in the text between the previous footnote area and this one
//! (the page the footnote is printed on), after the marker of footnote
//! `N-1`: glued to a word (`contient1,`, `l’Annexe I)3.`), glued to a year
//! (`en 200713 ,` is 2007 and footnote 13), or standing alone before
//! punctuation (`coopération 5 ,`).

use super::hyphen::{Compounds, join};
use super::lines::{Line, is_rule};

/// A footnote lifted out of the flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its number.
    pub number: u32,
    /// Its text, lines joined.
    pub text: String,
    /// The index in the flow of the first line after its area: its page
    /// ends there.
    pub page_end: usize,
    /// Where its text starts in the source: 0-based line and byte.
    pub source: (usize, usize),
}

/// Whether the raw text has a rule followed by a footnote line.
pub fn has_footnote_area(raw: &[&str]) -> bool {
    // The lines that are not blank or are rules, each with the one before
    // it, without collecting them.
    let mut after_rule = false;
    for l in raw {
        let blank = crate::text::lines::is_blank(l);
        if blank && !is_rule(l) {
            continue;
        }
        if after_rule && footnote_start(l).is_some() {
            return true;
        }
        after_rule = is_rule(l);
    }
    false
}

/// `N text` at the start of a line: the number and the text.
pub(super) fn footnote_start(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    let text = rest.trim_start();
    // Some tools glue the superscript number to the note's text
    // (`1United Nations, Treaty Series`): a capital letter follows it.
    let glued = rest.starts_with(char::is_uppercase);
    if (rest.len() == text.len() && !glued)
        || text.is_empty()
        || crate::text::marker::operative(t).is_some()
    {
        return None;
    }
    Some((t[..digits].parse().ok()?, text.trim_end()))
}

/// Splits lines into the flow of text and the footnotes.
pub fn lift(lines: Vec<Line>, compounds: &Compounds) -> (Vec<Line>, Vec<Note>) {
    let mut flow: Vec<Line> = Vec::with_capacity(lines.len());
    let mut notes: Vec<Note> = Vec::new();
    let mut i = 0;
    let mut page_start = false;
    let mut page_begin = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.page_start {
            lift_page_end(&mut flow, page_begin, &mut notes, compounds);
            page_begin = flow.len();
        }
        if is_rule(&line.text) {
            let expected = notes.last().map(|n| n.number + 1);
            let (taken, found) = area(&lines[i + 1..], expected, compounds);
            for mut note in found {
                note.page_end = flow.len();
                notes.push(note);
            }
            i += 1 + taken;
            page_start = taken > 0;
            continue;
        }
        let mut line = line.clone();
        line.page_start |= page_start;
        page_start = false;
        flow.push(line);
        i += 1;
    }
    lift_page_end(&mut flow, page_begin, &mut notes, compounds);
    (flow, notes)
}

/// Lifts footnotes printed without a rule at the end of the page that
/// started at `page_begin`: the earliest line `N text` (N the next
/// footnote number, or any number below 100 for the first) from which the
/// rest of the page reads as a short footnote area (at most two thirds of the
/// page, at most [`NOTE_LINES`] lines a note unless its lines are wider than
/// the text's, as a smaller type makes them), and whose number has a marker
/// in the page above it. First, the rest of a note cut by the previous page
/// break is taken from the foot of this one ([`continuation`]).
fn lift_page_end(
    flow: &mut Vec<Line>,
    page_begin: usize,
    notes: &mut Vec<Note>,
    compounds: &Compounds,
) {
    if let Some(k) = continuation(flow, page_begin, notes)
        && let Some(last) = notes.last_mut()
    {
        for line in flow.drain(k..) {
            join(&mut last.text, line.trimmed(), compounds);
        }
    }
    let expected = notes.last().map(|n| n.number + 1);
    let plausible = |n: u32| expected.map_or(n < 100, |e| n == e);
    let page_len = flow.len() - page_begin;
    // Footnotes end a page in its last lines: looking only there keeps a
    // text without page breaks (one long "page") linear.
    let from = (page_begin + 1).max(flow.len().saturating_sub(PAGE_END_LINES));
    let start = (from..flow.len()).find(|&k| {
        let Some((n, _)) = footnote_start(&flow[k].text).filter(|(n, _)| plausible(*n)) else {
            return false;
        };
        let (taken, found) = area(&flow[k..], expected, compounds);
        let few_lines =
            taken <= found.len() * NOTE_LINES || wider(&flow[page_begin..k], &flow[k..], 3);
        let short = (flow.len() - k) * 3 <= page_len * 2 && few_lines;
        let digits = n.to_string();
        let marked = flow[page_begin..k]
            .iter()
            .any(|l| marker_in(&l.text, 0, &digits).is_some());
        taken == flow.len() - k && short && marked
    });
    if let Some(k) = start {
        let (_, found) = area(&flow[k..], expected, compounds);
        flow.truncate(k);
        for mut note in found {
            note.page_end = k;
            notes.push(note);
        }
    }
}

/// Whether the lines of a footnote area, its last line aside, are on the
/// whole longer than the full lines of the text above: footnotes are set in
/// a smaller type, so more characters fill the same width.
fn wider(text: &[Line], area: &[Line], share: usize) -> bool {
    let len = |l: &Line| l.trimmed().chars().count();
    let mut body: Vec<usize> = text.iter().map(len).filter(|&n| n >= 30).collect();
    body.sort_unstable();
    let Some(&usual) = body.get(body.len() / 2) else {
        return false;
    };
    let full = &area[..area.len().saturating_sub(1)];
    let longer = full.iter().filter(|l| len(l) * 20 > usual * 21).count();
    !full.is_empty() && body.len() >= 3 && longer * 4 >= full.len() * share
}

/// Where a footnote cut by the page break goes on at the foot of the next
/// page (`page_begin` on): the earliest line from which the rest of the
/// page reads as the note's continuation (lines wider than the text's,
/// ending the note), when the last note does not end a sentence.
fn continuation(flow: &[Line], page_begin: usize, notes: &[Note]) -> Option<usize> {
    let last = notes.last()?;
    if last.text.ends_with(['.', ')']) || flow.len() <= page_begin + 1 {
        return None;
    }
    let ends = |l: &Line| l.trimmed().ends_with('.');
    let from = (page_begin + 1).max(flow.len().saturating_sub(PAGE_END_LINES));
    (from..flow.len()).find(|&k| {
        let area = &flow[k..];
        let ended_once =
            area[..area.len() - 1].iter().all(|l| !ends(l)) && ends(&area[area.len() - 1]);
        let first = area[0].trimmed();
        let numbered = crate::text::marker::operative(first).is_some()
            || crate::text::marker::subparagraph(first).is_some();
        // One line alone is its own measure: it must be wider itself.
        let measured: Vec<Line> = if area.len() == 1 {
            vec![area[0].clone(), area[0].clone()]
        } else {
            area.to_vec()
        };
        ended_once
            && !numbered
            && footnote_start(&area[0].text).is_none()
            && wider(&flow[page_begin..k], &measured, 4)
    })
}

/// How many lines at the end of a page may hold footnotes printed without
/// a rule.
const PAGE_END_LINES: usize = 60;

/// Most lines a footnote printed without a rule may take.
const NOTE_LINES: usize = 4;

/// Reads a footnote area: how many lines it takes, and its footnotes.
fn area(lines: &[Line], mut expected: Option<u32>, compounds: &Compounds) -> (usize, Vec<Note>) {
    let mut notes: Vec<Note> = Vec::new();
    let mut taken = 0;
    for line in lines {
        if let Some((n, text)) =
            footnote_start(&line.text).filter(|(n, _)| expected.is_none_or(|e| *n == e))
        {
            let offset = line.text.find(text).unwrap_or(0);
            notes.push(Note {
                number: n,
                text: text.to_string(),
                page_end: 0,
                source: (line.source.0, line.source.1 + offset),
            });
            expected = Some(n + 1);
        } else if let Some(last) = notes.last_mut() {
            let t = line.text.trim();
            // Some extractions start a page with one space: the flow resumes.
            let page_resumes = line.text.starts_with(' ') && !line.text.starts_with("  ");
            let continues = !page_resumes && !last.text.ends_with('.') && !is_rule(&line.text);
            if !is_repeated_url(t, &last.text) {
                if !continues {
                    break;
                }
                join(&mut last.text, t, compounds);
            }
        } else {
            break;
        }
        taken += 1;
    }
    (taken, notes)
}

/// A line that only repeats, perhaps percent-encoded, a URL of the note.
fn is_repeated_url(line: &str, note: &str) -> bool {
    let is_url =
        (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."))
            && !line.contains(' ');
    if !is_url {
        return false;
    }
    let decoded = line.replace("%20", " ");
    let bare = decoded.trim_end_matches('.');
    note.contains(bare) || note.contains(line.trim_end_matches('.'))
}

/// Replaces each footnote's marker in the flow by `[^N]`.
pub fn mark(flow: &mut [Line], notes: &[Note]) {
    let mut cursor = (0usize, 0usize);
    let mut page_begin = 0;
    let mut last_page_end = usize::MAX;
    for note in notes {
        if note.page_end != last_page_end {
            if last_page_end != usize::MAX {
                page_begin = last_page_end;
            }
            last_page_end = note.page_end;
        }
        if cursor.0 < page_begin {
            cursor = (page_begin, 0);
        }
        let found = find_marker(flow, cursor, note.page_end, note.number, marker_in)
            .or_else(|| find_marker(flow, cursor, note.page_end, note.number, glued_to_a_code));
        if let Some(found) = found {
            cursor = found;
        }
    }
}

/// Finds and replaces the marker of footnote `n` from `from` up to line
/// `end`; gives the position after the inserted reference.
fn find_marker(
    flow: &mut [Line],
    from: (usize, usize),
    end: usize,
    n: u32,
    matcher: Matcher,
) -> Option<(usize, usize)> {
    let digits = n.to_string();
    for line in from.0..end.min(flow.len()) {
        let start = if line == from.0 { from.1 } else { 0 };
        let text = &flow[line].text;
        if let Some((range, reference)) = matcher(text, start, &digits) {
            let reference = format!("[^{n}]{reference}");
            let at = range.start + reference.len();
            flow[line].text.replace_range(range, &reference);
            return Some((line, at));
        }
    }
    None
}

/// Finds a marker in a line: the byte range to replace and what follows
/// the reference.
type Matcher = fn(&str, usize, &str) -> Option<(std::ops::Range<usize>, String)>;

/// The last resort, when no marker of the usual forms stands on the page:
/// the footnote's digits ending a code before punctuation (`R15316.` is
/// recommendation R153 and footnote 16).
fn glued_to_a_code(
    text: &str,
    start: usize,
    digits: &str,
) -> Option<(std::ops::Range<usize>, String)> {
    let mut from = start.min(text.len());
    while let Some(pos) = text.get(from..)?.find(digits) {
        let s = from + pos;
        let e = s + digits.len();
        from = s + 1;
        let code: String = text[..s]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let after = text[e..].chars().next();
        let is_code =
            code.chars().any(|c| c.is_ascii_digit()) && code.chars().any(char::is_alphabetic);
        if is_code && after.is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | ' ')) {
            return Some((s..e, String::new()));
        }
    }
    None
}

/// The first marker of footnote `digits` in `text` at or after `start`:
/// the byte range to replace and what follows the `[^N]` in its place.
fn marker_in(text: &str, start: usize, digits: &str) -> Option<(std::ops::Range<usize>, String)> {
    let mut from = start.min(text.len());
    while let Some(pos) = text.get(from..)?.find(digits) {
        let s = from + pos;
        let e = s + digits.len();
        from = s + 1;
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        match before {
            Some(c) if c.is_alphabetic() || matches!(c, ')' | '»' | '”' | '"') => {
                return Some((s..e + spaces_before_punctuation(&text[e..]), String::new()));
            }
            Some(c)
                if matches!(c, ',' | ';' | '.' | ':')
                    && after.is_none_or(char::is_whitespace)
                    && after_a_word(&text[..s]) =>
            {
                return Some((s..e, String::new()));
            }
            Some(c) if c.is_ascii_digit() && glued_to_year(&text[..s]) => {
                return Some((s..e + spaces_before_punctuation(&text[e..]), String::new()));
            }
            Some(c) if c.is_whitespace() => {
                if let Some(found) = standalone(text, s, e).or_else(|| spaced_after(text, s, e)) {
                    return Some(found);
                }
            }
            _ => {}
        }
    }
    None
}

/// How many spaces stand between a marker and a comma or full stop after
/// it (`8 ,`): they came with the marker and go with it. (Spaces before
/// `;` and `:` stay: French typography puts them there.)
fn spaces_before_punctuation(tail: &str) -> usize {
    let trimmed = tail.trim_start_matches(' ');
    if trimmed.starts_with([',', '.']) {
        tail.len() - trimmed.len()
    } else {
        0
    }
}

/// English usage puts the marker after the punctuation: `Statute,1`,
/// `report;3`. The punctuation must follow a word, not a figure (`75/1,2`).
fn after_a_word(before: &str) -> bool {
    let mut chars = before.chars().rev();
    let Some(punct) = chars.next() else {
        return false;
    };
    let token: String = before[..before.len() - punct.len_utf8()]
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let last = token.chars().next();
    let word_end = last.is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | '»' | '”' | '"'));
    // `Res.2`, `para.12`, `A/RES/75`: a full stop after an abbreviation or
    // inside a symbol is no sentence end.
    let letters = token.chars().take_while(|c| c.is_alphabetic()).count();
    let abbreviation = punct == '.' && letters < 5;
    // After a semicolon or a colon a figure may end a symbol
    // (`resolution 78/7;1`): a list of figures is not written with them.
    let symbol_end = matches!(punct, ';' | ':') && last.is_some_and(|c| c.is_ascii_digit());
    (word_end && !token.contains('/') && !abbreviation) || symbol_end
}

/// `2007` right before the marker, not part of a longer number.
fn glued_to_year(before: &str) -> bool {
    let b = before.as_bytes();
    if b.len() < 4 || !b[b.len() - 4..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let year = &b[b.len() - 4..];
    let starts_ok = b.len() == 4 || !b[b.len() - 5].is_ascii_digit();
    starts_ok && (year.starts_with(b"19") || year.starts_with(b"20"))
}

/// ` 5 ,` after a word: the marker with the spaces around it, replaced so
/// that the reference hugs the word: `coopération[^5],`.
fn standalone(text: &str, s: usize, e: usize) -> Option<(std::ops::Range<usize>, String)> {
    let head = text[..s].trim_end();
    let word_before = head
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ')' | '»' | '.'));
    let tail = &text[e..];
    let spaces = tail.len() - tail.trim_start().len();
    let punct = tail
        .trim_start()
        .chars()
        .next()
        .filter(|c| matches!(c, ',' | '.' | ';' | ':'));
    // Glued to the punctuation (`Protocoles 1, la`), the marker must
    // follow a word and the text go on with a word: `articles 1, 2` is
    // a list of figures.
    let glued = spaces == 0
        && head.ends_with(char::is_alphabetic)
        && !tail.is_empty()
        && (tail[1..].is_empty()
            || (tail[1..].starts_with(' ')
                && tail[1..].trim_start().starts_with(char::is_alphabetic)));
    if !word_before || (spaces == 0 && !glued) || punct.is_none() {
        return None;
    }
    Some((
        head.len()..e + spaces_before_punctuation(tail),
        String::new(),
    ))
}

/// `Protocols, 1 the`: a raised marker after a word's punctuation that the
/// extraction set apart with spaces, the text going on after it.
fn spaced_after(text: &str, s: usize, e: usize) -> Option<(std::ops::Range<usize>, String)> {
    let head = text[..s].trim_end();
    let tail = &text[e..];
    let punct = head.ends_with([',', ';', ':']) && after_a_word(head);
    let goes_on = tail.starts_with(' ') && tail.trim_start().starts_with(char::is_alphabetic);
    (punct && goes_on).then(|| (head.len()..e, String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::pdf_text::lines::line;

    /// `m(text, digits)`: the text with the marker lifted as `[^digits]`.
    fn m(t: &str, d: &str) -> Option<String> {
        marker_in(t, 0, d).map(|(r, s)| format!("{}[^{d}]{s}{}", &t[..r.start], &t[r.end..]))
    }

    /// Raised markers glued to a word, a closing bracket, a year, or set
    /// apart by the extraction, are lifted.
    #[test]
    fn markers() {
        assert_eq!(
            m("qu’il contient1, et", "1").unwrap(),
            "qu’il contient[^1], et"
        );
        assert_eq!(m("l’Annexe I)3. Ils", "3").unwrap(), "l’Annexe I)[^3]. Ils");
        assert_eq!(
            m("la coopération 5 , soumis", "5").unwrap(),
            "la coopération[^5], soumis"
        );
        assert_eq!(
            m("(ICC-ASP/19/Res.2) 2 , ainsi", "2").unwrap(),
            "(ICC-ASP/19/Res.2)[^2], ainsi"
        );
        assert_eq!(
            m("en 200713 , en étroite", "13").unwrap(),
            "en 2007[^13], en étroite"
        );
        assert_eq!(
            m("en 2007 7 , rappelle", "7").unwrap(),
            "en 2007[^7], rappelle"
        );
        assert_eq!(m("resolution 78/7;1", "1").unwrap(), "resolution 78/7;[^1]");
        assert_eq!(
            m("Recalling the Rome Statute,1", "1").unwrap(),
            "Recalling the Rome Statute,[^1]"
        );
        assert_eq!(m("the report;3 and", "3").unwrap(), "the report;[^3] and");
        assert_eq!(
            m("its two Protocols, 1 the Convention", "1").unwrap(),
            "its two Protocols,[^1] the Convention"
        );
        assert_eq!(
            m("deux Protocoles 1, la Convention", "1").unwrap(),
            "deux Protocoles[^1], la Convention"
        );
        let t = "relatives à R15316.  ";
        let g = glued_to_a_code(t, 0, "16").unwrap();
        assert_eq!(&t[g.0.clone()], "16");
        assert_eq!(g.0.start, t.find("16.").unwrap());
    }

    /// Numbers that are text stay: dates, sums, ordinals, lists of
    /// paragraphs, document symbols.
    #[test]
    fn numbers_that_are_not_markers_stay() {
        assert!(m("le 7 novembre 2018", "7").is_none());
        assert!(m("budget de €3", "3").is_none());
        assert!(glued_to_year("€2007") && !glued_to_year("€7"));
        assert!(m("son 7e séminaire", "7").is_none());
        assert!(m("paragraphes 29, 30 et 31", "29").is_none());
        assert!(m("ICC-ASP/20/25.", "25").is_none());
        assert!(m("resolutions 75/1,2 and", "2").is_none());
        assert!(m("paragraphs 2, 3 and 4", "3").is_none());
        assert!(m("articles 1, 2 et 3", "1").is_none());
        assert!(glued_to_a_code("en 2016.", 0, "16").is_none());
    }

    #[test]
    fn lifts_an_area_with_a_repeated_url() {
        let lines = vec![
            line("la Cour4."),
            line(&" ".repeat(59)),
            line("4 https://asp.icc-cpi.int/a%20b.aspx"),
            line("https://asp.icc-cpi.int/a%20b.aspx"),
            line(" suite du texte"),
        ];
        let (flow, notes) = lift(lines, &Compounds::default());
        assert_eq!(flow.len(), 2);
        assert!(flow[1].page_start);
        assert_eq!(notes[0].text, "https://asp.icc-cpi.int/a%20b.aspx");
        assert_eq!(notes[0].page_end, 1);
    }

    #[test]
    fn lifts_footnotes_ending_a_page_without_a_rule() {
        let mut second = line("la suite.");
        second.page_start = true;
        let lines = vec![
            line("1. Salue le rapport de la Cour12, qui"),
            line("contient des données ;"),
            line("et le reste du texte ;"),
            line("12 ICC-ASP/20/25."),
            second,
        ];
        let (flow, notes) = lift(lines, &Compounds::default());
        assert_eq!(flow.len(), 4);
        assert_eq!((notes[0].number, notes[0].page_end), (12, 3));
    }

    #[test]
    fn a_wrapped_date_ending_a_page_is_not_a_footnote() {
        let mut second = line("la suite.");
        second.page_start = true;
        let lines = vec![
            line("le document daté du"),
            line("un texte"),
            line("encore"),
            line("11 octobre 2019, préparé"),
            second,
        ];
        let (flow, notes) = lift(lines, &Compounds::default());
        assert!(notes.is_empty());
        assert_eq!(flow.len(), 5);
    }

    #[test]
    fn footnote_lines() {
        assert_eq!(
            footnote_start("12 ICC-ASP/20/25."),
            Some((12, "ICC-ASP/20/25."))
        );
        assert_eq!(footnote_start("12. Prie"), None);
        assert_eq!(footnote_start("1 bis. Requests"), None);
        assert_eq!(footnote_start("  3 x"), Some((3, "x")));
    }
}
