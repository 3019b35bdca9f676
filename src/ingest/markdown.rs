//! Whether a text is Markdown: a README, or a redline written with
//! `--format markdown` and saved as `.txt`. Such a file is refused before
//! parsing ([`super::text::foreign`]): its numbered lists would read as
//! operative paragraphs, its markup as words of the draft.
//!
//! A text reads as Markdown when at least two of its lines carry Markdown
//! syntax: a `#` heading, a code fence, a setext underline, a table rule, a
//! link, or strong or struck-through words (`**new**`, `~~old~~`). One such
//! line is not enough ("# of participants", a lone rule).
//!
//! ```
//! use redraft::ingest::markdown::reads_as_markdown;
//! assert!(reads_as_markdown("# Redline\n\nthe ~~old~~**new** text"));
//! assert!(!reads_as_markdown("# of participants: 12\n\nRegards"));
//! ```

/// Whether at least two lines of a text carry Markdown syntax.
pub fn reads_as_markdown(text: &str) -> bool {
    let mut previous = "";
    let mut count = 0;
    for line in crate::text::lines::lines(text) {
        let line = line.trim_end();
        if is_markdown_line(line, previous) {
            count += 1;
            if count >= 2 {
                return true;
            }
        }
        previous = line;
    }
    false
}

/// A `#` heading, a code fence, a setext underline under text, a table
/// rule (`|---|`), a link `[text](target)`, or `**strong**` or
/// `~~struck~~` words.
fn is_markdown_line(line: &str, previous: &str) -> bool {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let heading = (1..=6).contains(&hashes) && line[hashes..].starts_with(' ');
    let fence = line.starts_with("```") || line.starts_with("~~~");
    let underline = line.len() >= 3
        && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
        && !previous.trim().is_empty();
    let rule = line.starts_with('|') && line.contains("---");
    // Spans and links need a `*`, `~` or `]`, which prose seldom has: one
    // pass over the bytes spares most lines the searches for them.
    let spans = memchr::memchr3(b'*', b'~', b']', line.as_bytes()).is_some();
    let marked = spans && ["**", "~~"].iter().any(|m| has_span(line, m));
    heading || fence || underline || rule || marked || (spans && has_link(line))
}

/// A span `mark`text`mark`, the text not opening nor closing with a space.
fn has_span(line: &str, mark: &str) -> bool {
    let mut parts = line.split(mark);
    parts.next();
    let inner: Vec<&str> = parts.collect();
    // An inner piece followed by a closing mark.
    inner[..inner.len().saturating_sub(1)]
        .iter()
        .step_by(2)
        .any(|t| !t.is_empty() && !t.starts_with(' ') && !t.ends_with(' '))
}

/// `[text](target)` with a target that has no space.
fn has_link(line: &str) -> bool {
    line.match_indices("](").any(|(at, _)| {
        let rest = &line[at + 2..];
        line[..at].contains('[')
            && rest
                .find(')')
                .is_some_and(|end| end > 0 && !rest[..end].contains(' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_refused_and_prose_is_not() {
        assert!(reads_as_markdown("# Title\n\n```\ncode\n```"));
        assert!(reads_as_markdown("Title\n=====\n\nSee [x](http://a.b)."));
        assert!(reads_as_markdown("| a | b |\n|---|---|\n\n## Notes"));
        assert!(!reads_as_markdown(
            "Dear colleagues,\n\n# of participants: 12 [see (a)]\n\nRegards"
        ));
        assert!(!reads_as_markdown("A line\n\n---\n\nAnother"));
        assert!(reads_as_markdown("the ~~old~~**new** text\n\n**inserted**"));
        assert!(!reads_as_markdown("2 ** 3 is eight\n\nand a ~~ b ~~ c"));
    }
}
