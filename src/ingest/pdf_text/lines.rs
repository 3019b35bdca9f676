//! The lines of PDF-extracted text.

use crate::text::lines::trimmed;

/// A line of the flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text, trimmed at the end (a leading space is kept: some
    /// extractions indent the first line of a page).
    pub text: String,
    /// Whether a blank line that means a paragraph break stands before it.
    pub break_before: bool,
    /// Whether it is the first line of a new page: after a form feed, or
    /// after a footnote area.
    pub page_start: bool,
    /// Where it stands in the source: 0-based line, and the byte where its
    /// text starts in that line.
    pub source: (usize, usize),
    /// Whether it is one of the words of a justified line that the
    /// extraction scattered one a line (see `scattered_words`): prose, not
    /// a table cell.
    pub scattered: bool,
}

/// A line of the flow with only its text, for tests.
#[cfg(test)]
pub fn line(text: &str) -> Line {
    Line {
        text: text.to_string(),
        break_before: false,
        page_start: false,
        source: (0, 0),
        scattered: false,
    }
}

impl Line {
    /// The text without surrounding whitespace.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }
}

/// Whether blank lines only follow every printed line (and so carry no
/// paragraph information): at least three quarters of the non-blank lines
/// are followed by a blank one.
pub fn blank_after_every_line(raw: &[&str]) -> bool {
    // One pass, each line trimmed once (every plain-text draft is asked,
    // issue 14).
    let (mut content, mut followed) = (0, 0);
    let mut previous_content = false;
    for line in raw {
        let blank = trimmed(line).is_empty();
        followed += usize::from(previous_content && blank);
        content += usize::from(!blank);
        previous_content = !blank;
    }
    content >= 4 && followed * 4 >= content * 3
}

/// Whether at least a fifth of the non-blank lines end without the
/// punctuation that ends a paragraph, a heading aside: printed lines cut
/// mid-sentence.
///
/// Lines before the chapeau (the title, an adoption line, the masthead
/// bracket) do not count, and two cut lines at least are needed: a short
/// clean draft with a title of ten words is not printed text.
pub fn mostly_cut_mid_sentence(raw: &[&str]) -> bool {
    let start = raw
        .iter()
        .position(|l| crate::text::chapeau::is_chapeau(trimmed(l)))
        .map_or(0, |c| c + 1);
    let (mut content, mut cut) = (0, 0);
    for l in raw[start..]
        .iter()
        .map(|l| trimmed(l))
        .filter(|l| !l.is_empty())
    {
        content += 1;
        // More than six words: the seventh is there.
        cut += usize::from(
            !l.ends_with(['.', ',', ';', ':', ')', '»', '"', '”'])
                && l.split_whitespace().nth(6).is_some(),
        );
    }
    cut >= 2 && cut * 5 >= content
}

/// Whether the text has no blank line between its lines and a sentence runs
/// from a line of six words or more into the next (the line ends in a word,
/// the next starts in lower case): printed lines, or paragraphs one a line
/// with some cut by a page break, not a draft written one paragraph a line.
pub fn cut_between_lines(raw: &[&str]) -> bool {
    let blank = |l: &&str| trimmed(l).is_empty();
    let Some(first) = raw.iter().position(|l| !blank(l)) else {
        return false;
    };
    let last = raw.iter().rposition(|l| !blank(l)).unwrap_or(first);
    let body = &raw[first..=last];
    // A draft has a blank line between its paragraphs: its second or
    // third line answers.
    if body.iter().any(blank) {
        return false;
    }
    body.windows(2).any(|w| {
        let (line, next) = (trimmed(w[0]), trimmed(w[1]));
        line.split_whitespace().nth(5).is_some()
            && line.ends_with(char::is_alphabetic)
            && next.starts_with(char::is_lowercase)
    })
}

/// The non-blank lines (lines of spaces that rule off footnotes are kept),
/// each knowing whether a meaningful blank line came before it.
pub fn read(raw: &[&str]) -> Vec<Line> {
    let blanks_mean_nothing = blank_after_every_line(raw);
    let scattered = scattered_words(raw);
    let mut out = Vec::with_capacity(raw.len());
    let mut pending_break = false;
    let mut new_page = false;
    let mut skip_to = 0;
    for (number, line) in raw.iter().enumerate() {
        if number < skip_to {
            continue;
        }
        new_page |= line.contains('\u{0C}');
        let text = line
            .trim_end_matches('\r')
            .trim_start_matches('\u{0C}')
            .trim_end_matches('\u{0C}');
        if line.trim() == "\u{0C}" {
            // A page break alone on its line (furniture set aside) says
            // nothing of paragraphs, nor do the blank lines around it: the
            // paragraph may go on on the next page.
            pending_break = false;
            continue;
        }
        if text.trim().is_empty() && !is_rule(text) {
            pending_break = (!blanks_mean_nothing && !new_page) || pending_break;
            continue;
        }
        let mut kept = if is_rule(text) {
            text.to_string()
        } else {
            text.trim_end().to_string()
        };
        if let Some((at, next)) = text_below(raw, number) {
            kept = format!("{} {}", kept.trim_end(), next.trim());
            skip_to = at + 1;
        }
        out.push(Line {
            text: kept,
            break_before: pending_break && !out.is_empty() && !scattered[number],
            page_start: new_page && !out.is_empty(),
            source: (number, line.len() - line.trim_start_matches('\u{0C}').len()),
            scattered: scattered[number],
        });
        pending_break = false;
        new_page = false;
    }
    out
}

/// The line that line `number` of `raw` is the number or marker of, and
/// where it stands: a footnote number over its text on the next line
/// ([`number_above_its_text`]), or a paragraph marker over its text on
/// the next line that is not blank ([`bare_marker`]; Poppler's plain mode
/// sets a marker and its text apart as two blocks, a blank line between:
/// `(b)` / `` / `further advise, support, and assist:`).
fn text_below<'a>(raw: &[&'a str], number: usize) -> Option<(usize, &'a str)> {
    let line = raw[number];
    let next = raw.get(number + 1)?;
    if number_above_its_text(line, next) {
        return Some((number + 1, next));
    }
    let at = (number + 1..raw.len()).find(|&k| !is_blank(raw[k]))?;
    bare_marker(line, raw[at]).then_some((at, raw[at]))
}

/// A line of nothing but spaces, not a rule, on the same page.
fn is_blank(line: &str) -> bool {
    line.trim().is_empty() && !line.contains('\u{0C}') && !is_rule(line)
}

/// For each raw line, whether it is one of the words of a justified line
/// that an extraction without layout scattered one a line, blank lines
/// between (`States,` / `` / `within` / `` / `their`): a run of at least
/// three such lines of one or two words, none a paragraph number or ending
/// a sentence, most of them prose words. The blank lines between them mean nothing.
fn scattered_words(raw: &[&str]) -> Vec<bool> {
    let fragment = |l: &str| {
        let t = l.trim();
        let with_text = format!("{t} x");
        !t.is_empty()
            && t.split_whitespace().count() <= 2
            && !t.ends_with(['.', '!', '?'])
            && crate::text::marker::operative(&with_text).is_none()
            && crate::text::marker::subparagraph(&with_text).is_none()
    };
    let mut marks = vec![false; raw.len()];
    let content: Vec<usize> = (0..raw.len())
        .filter(|&i| !raw[i].trim().is_empty())
        .collect();
    let mut k = 0;
    while k < content.len() {
        let mut j = k;
        while j < content.len()
            && fragment(raw[content[j]])
            && (j == k || content[j] > content[j - 1] + 1)
        {
            j += 1;
        }
        // Prose words, not the cells of a table: most start in lower case
        // or end with a comma or semicolon.
        let prose = content[k..j]
            .iter()
            .filter(|&&i| {
                let t = raw[i].trim();
                t.starts_with(char::is_lowercase) || t.ends_with([',', ';'])
            })
            .count();
        if j - k >= 3 && prose * 4 >= (j - k) * 3 {
            content[k..j].iter().for_each(|&i| marks[i] = true);
        }
        k = j.max(k + 1);
    }
    marks
}

/// A line holding only a footnote number over an indented line of text,
/// as layout extractions print a footnote whose number Word set apart
/// (`1` / `  United Nations, Treaty Series ...`): the two are one line.
fn number_above_its_text(line: &str, next: &str) -> bool {
    let number = line.trim();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let only_digits =
        !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit());
    let text = next.trim();
    only_digits
        && !text.is_empty()
        && !text.chars().all(|c| c.is_ascii_digit())
        && indent(next) > indent(line)
}

/// A paragraph number or subparagraph letter alone on its line (`1.`,
/// `(a)`) over the line of its text: the two are one line.
fn bare_marker(line: &str, next: &str) -> bool {
    let t = line.trim();
    let with_text = format!("{t} x");
    let is_marker = !t.is_empty()
        && !t.contains(char::is_whitespace)
        && (crate::text::marker::operative(&with_text).is_some()
            || crate::text::marker::subparagraph(&with_text).is_some());
    let text = next.trim();
    is_marker && text.starts_with(char::is_alphabetic)
}

/// Whether most lines are indented, as in a layout extraction
/// (`pdftotext -layout`).
pub fn mostly_indented(raw: &[&str]) -> bool {
    let (mut content, mut indented) = (0, 0);
    for l in raw.iter().filter(|l| !trimmed(l).is_empty()) {
        content += 1;
        indented += usize::from(l.starts_with("  "));
    }
    content >= 4 && indented * 5 >= content * 3
}

/// A rule that separates footnotes from the text: a long run of spaces
/// (as some extractions render the printed rule) or of underscores.
pub fn is_rule(text: &str) -> bool {
    // A line that opens with an ASCII character other than a space, an
    // underscore or other whitespace is no rule: most lines, at their
    // first byte (every line of every plain-text draft is asked).
    if text
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !matches!(b, b' ' | b'_' | b'\t'..=b'\r'))
    {
        return false;
    }
    let t = text.trim_end_matches(['\r', '\u{0C}']);
    let spaces = t.len() >= 20 && t.chars().all(|c| c == ' ');
    let underscores = t.trim().len() >= 5 && t.trim().chars().all(|c| c == '_');
    spaces || underscores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(is_rule(&" ".repeat(59)));
        assert!(is_rule("_______________ "));
        assert!(!is_rule("   "));
    }

    #[test]
    fn meaningful_blank_lines_break() {
        let lines = read(&["a", "b", "", "c"]);
        assert_eq!(
            lines.iter().map(|l| l.break_before).collect::<Vec<_>>(),
            [false, false, true]
        );
    }

    #[test]
    fn a_footnote_number_on_its_own_line_joins_its_text() {
        let lines = read(&[
            "   Recalling the Statute,1",
            "1",
            "  United Nations.",
            "12",
            "Next",
        ]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "   Recalling the Statute,1",
                "1 United Nations.",
                "12",
                "Next"
            ]
        );
        assert_eq!(lines[1].source.0, 1);
    }

    #[test]
    fn form_feeds_start_pages() {
        let lines = read(&["a", "\u{0C}b", "c"]);
        assert_eq!(
            lines.iter().map(|l| l.page_start).collect::<Vec<_>>(),
            [false, true, false]
        );
        assert_eq!(lines[1].text, "b");
    }

    #[test]
    fn words_scattered_one_a_line_do_not_break() {
        let lines = read(&[
            "3. Encourages Member",
            "mandates and capacities:",
            "",
            "States,",
            "",
            "within",
            "",
            "their",
            "",
            "(a) to adopt",
        ]);
        let breaks: Vec<bool> = lines.iter().map(|l| l.break_before).collect();
        assert_eq!(breaks, [false, false, false, false, false, true]);
        // Short headings (capitalised, not prose words) keep their breaks.
        let headings = read(&[
            "Annex",
            "",
            "Cooperation",
            "",
            "Further Action",
            "",
            "1. The text goes on",
            "over two lines.",
            "2. Next one",
            "and more.",
        ]);
        let breaks: Vec<bool> = headings.iter().map(|l| l.break_before).collect();
        assert_eq!(breaks[..4], [false, true, true, true]);
    }

    #[test]
    fn alternating_blank_lines_do_not_break() {
        let lines = read(&["a", "", "b", "", "c", "", "d", ""]);
        assert!(lines.iter().all(|l| !l.break_before));
    }
}
