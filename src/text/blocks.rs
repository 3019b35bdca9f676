//! A draft as blocks of text: one paragraph a block, its marker and text
//! joined by a space, blocks separated by a blank line. Both the Word
//! reader ([`crate::ingest`]) and the model's own printing write drafts
//! this way; the PDF readers ask how a block ends.
//!
//! `block(Some("12."), "Decides to act;")` → `"12. Decides to act;"`.

/// A canonical block: `marker text`, or `text` alone.
pub fn block(marker: Option<&str>, text: &str) -> String {
    match marker {
        Some(m) if text.is_empty() => m.to_string(),
        Some(m) => format!("{m} {text}"),
        None => text.to_string(),
    }
}

/// Joins blocks with blank lines, ending with a line end.
pub fn join_blocks(blocks: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b);
    }
    out.push('\n');
    out
}

/// The last character of a text that is not a space nor part of a footnote
/// reference: `,` in `Recalling the Statute,[^1]`.
pub fn last_char(text: &str) -> Option<char> {
    let mut t = text.trim_end();
    while t.ends_with(']') {
        match t.rfind("[^") {
            Some(start) if !t[start..].contains(char::is_whitespace) => t = t[..start].trim_end(),
            _ => break,
        }
    }
    t.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_join_with_blank_lines() {
        let blocks = [block(Some("1."), "Decides;"), block(None, "Annex")];
        assert_eq!(join_blocks(blocks), "1. Decides;\n\nAnnex\n");
        assert_eq!(block(Some("2."), ""), "2.");
        assert_eq!(last_char("Recalling,[^1]"), Some(','));
    }
}
