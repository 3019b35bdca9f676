//! End-of-line hyphenation.
//!
//! A word cut at a line end (`coopéra-` / `tion`) is joined without its
//! hyphen, unless the hyphenated form is a real compound: one that occurs
//! elsewhere in the document with its hyphen inside a line (`co-` /
//! `facilitateurs` keeps it because `co-facilitateurs` appears elsewhere),
//! or one whose second part starts with a capital (`inter-` / `États`).

use std::collections::HashSet;

/// The hyphenated words found inside lines of the document, lower-cased,
/// and whether the document was hyphenated when it was laid out.
#[derive(Debug, Clone)]
pub struct Compounds(HashSet<String>, bool);

impl Default for Compounds {
    fn default() -> Self {
        Compounds(HashSet::new(), true)
    }
}

/// Collects the hyphenated words written inside lines, and whether the
/// layout hyphenated words: some word cut at a line end (`organiza-` /
/// `tion`) is written whole elsewhere. Without such evidence, in a text
/// with line-end hyphens, a hyphen at a line end is the word's own
/// (`eighty-` / `first`), as in documents printed without hyphenation.
pub fn compounds(text: &str) -> Compounds {
    let mut set = HashSet::new();
    let mut words = HashSet::new();
    for line in text.lines() {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let inner = word.trim_matches('-');
            if inner.contains('-') && inner.chars().any(char::is_alphabetic) {
                set.insert(inner.to_lowercase());
            } else if !inner.is_empty() {
                words.insert(inner.to_lowercase());
            }
        }
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut cuts = 0;
    let hyphenated = lines.windows(2).any(|w| {
        let Some(head) = w[0].strip_suffix('-') else {
            return false;
        };
        let left = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let right: String = w[1].chars().take_while(|c| c.is_alphabetic()).collect();
        if !(left.ends_with(char::is_alphabetic) && right.starts_with(char::is_lowercase)) {
            return false;
        }
        cuts += 1;
        words.contains(&format!("{left}{right}").to_lowercase())
    });
    Compounds(set, hyphenated || cuts == 0)
}

/// How many lines end with a letter and a hyphen and are followed by a line
/// starting with a lower-case letter.
pub fn line_end_hyphenations(raw: &[&str]) -> usize {
    // Each non-blank line with the one before it, without collecting them.
    let mut count = 0;
    let mut cut = false;
    for line in raw
        .iter()
        .map(|l| crate::text::lines::trimmed(l))
        .filter(|l| !l.is_empty())
    {
        count += usize::from(cut && line.starts_with(char::is_lowercase));
        cut = line
            .strip_suffix('-')
            .is_some_and(|h| h.ends_with(char::is_alphabetic));
    }
    count
}

/// Appends `next` (a trimmed line) to `text`, undoing an end-of-line
/// hyphenation where `text` ends with one.
pub fn join(text: &mut String, next: &str, compounds: &Compounds) {
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    if url_continues(text, next) {
        text.push_str(next);
        return;
    }
    let Some(head) = text.strip_suffix('-') else {
        text.push(' ');
        text.push_str(next);
        return;
    };
    if !head.ends_with(char::is_alphabetic) {
        text.push(' ');
        text.push_str(next);
        return;
    }
    // Only the last [`WORD_LIMIT`] characters of the word before and the
    // first of the word after are compared: no compound is longer, and a
    // chain of hyphenated lines is not rescanned at every line.
    let left: String = head
        .chars()
        .rev()
        .take(WORD_LIMIT)
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let right: String = next
        .chars()
        .take(WORD_LIMIT)
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let compound = format!("{left}-{right}").to_lowercase();
    let keep =
        !compounds.1 || next.starts_with(char::is_uppercase) || compounds.0.contains(&compound);
    if !keep {
        text.pop();
    }
    text.push_str(next);
}

/// The most characters of a word looked at when undoing a hyphenation.
const WORD_LIMIT: usize = 64;

/// The most bytes looked back for the start of the last token of a text.
const TOKEN_LIMIT: usize = 256;

/// The last whitespace-free token of `text`, looked for within its last
/// [`TOKEN_LIMIT`] bytes only, so that joining thousands of lines into one
/// token stays linear. A token longer than that is given by its last
/// [`TOKEN_LIMIT`] bytes, as `Err`.
fn last_token(text: &str) -> Result<&str, &str> {
    let mut from = text.len().saturating_sub(TOKEN_LIMIT);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = &text[from..];
    match tail.rfind(char::is_whitespace) {
        Some(i) => {
            let ws = tail[i..].chars().next().map_or(1, char::len_utf8);
            Ok(&tail[i + ws..])
        }
        None if from == 0 => Ok(tail),
        None => Err(tail),
    }
}

/// Whether `text` ends with a URL cut at the line end and `next` goes on
/// with it (`…/RM-Comprehensive%20Action` + `%20Plan-FRA.pdf`).
fn url_continues(text: &str, next: &str) -> bool {
    if !next.starts_with(['%', '/', '?', '&', '=', '#', '.', '~', '_', '-']) {
        return false;
    }
    match last_token(text) {
        Ok(last) => {
            last.starts_with("http://") || last.starts_with("https://") || last.starts_with("www.")
        }
        // A token of hundreds of characters with a path or an escape in
        // its tail is a URL joined over many lines.
        Err(tail) => tail.contains(['/', '%']),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(a: &str, b: &str, doc: &str) -> String {
        let mut t = a.to_string();
        join(&mut t, b, &compounds(doc));
        t
    }

    #[test]
    fn joins_cut_words() {
        assert_eq!(
            joined("le Con-", "seil de sécurité", ""),
            "le Conseil de sécurité"
        );
    }

    #[test]
    fn keeps_real_compounds() {
        assert_eq!(
            joined("les co-", "facilitateurs ont", "les co-facilitateurs"),
            "les co-facilitateurs ont"
        );
        assert_eq!(
            joined(
                "vingt-et-",
                "unième session",
                "à sa vingt-et-unième session"
            ),
            "vingt-et-unième session"
        );
        assert_eq!(joined("inter-", "États", ""), "inter-États");
    }

    #[test]
    fn cut_urls_join() {
        assert_eq!(
            joined(
                "voir https://asp.icc-cpi.int/a%20Action",
                "%20Plan.pdf.",
                ""
            ),
            "voir https://asp.icc-cpi.int/a%20Action%20Plan.pdf."
        );
        assert_eq!(
            joined("voir https://asp.icc-cpi.int/", "et la suite", ""),
            "voir https://asp.icc-cpi.int/ et la suite"
        );
    }

    #[test]
    fn plain_lines_join_with_a_space() {
        assert_eq!(
            joined("la Cour", "et les États", ""),
            "la Cour et les États"
        );
        assert_eq!(joined("1999 -", "2000", ""), "1999 - 2000");
    }

    #[test]
    fn counts_hyphenations() {
        assert_eq!(
            line_end_hyphenations(&["la coopéra-", "tion et", "Con-", "Seil"]),
            1
        );
    }
}
