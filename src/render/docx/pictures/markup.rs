//! The XML of marked pictures, applied to a paragraph as the weaver has
//! written it: picture runs wrapped in `w:ins`, deleted picture runs added
//! at its end, and a revision mark on its properties.
//!
//! `<w:p><w:r><w:t>a</w:t></w:r><w:r><w:drawing>…</w:drawing></w:r></w:p>`
//! with its picture inserted is
//! `<w:p><w:r><w:t>a</w:t></w:r><w:ins …><w:r><w:drawing>…</w:drawing></w:r></w:ins></w:p>`.

use super::super::spans;

/// The last paragraph of written XML with the pictures chosen wrapped in
/// `w:ins`: `inserted[k]` for the k-th picture run not already deleted.
/// Runs already in a revision are counted and left alone.
pub fn wrap_inserted(
    written: &str,
    inserted: &[bool],
    revision: &mut dyn FnMut() -> String,
) -> String {
    let wrapped = format!("<x>{written}</x>");
    let Some(root) = spans::parse(&wrapped) else {
        return written.to_string();
    };
    let Some(p) = root.children.iter().rev().find(|c| c.name == "w:p") else {
        return written.to_string();
    };
    let mut out = String::new();
    let mut at = p.open_end;
    out.push_str(&wrapped[3..at]);
    let mut k = 0;
    for c in &p.children {
        let raw = c.raw(&wrapped);
        match c.name.as_str() {
            "w:r" if raw.contains("<w:drawing") => {
                out.push_str(&wrapped[at..c.start]);
                if inserted.get(k) == Some(&true) {
                    out.push_str(&format!("<w:ins {}>{raw}</w:ins>", revision()));
                } else {
                    out.push_str(raw);
                }
                k += 1;
                at = c.end;
            }
            "w:ins" | "w:moveTo" => {
                k += c
                    .children
                    .iter()
                    .filter(|r| r.name == "w:r" && r.raw(&wrapped).contains("<w:drawing"))
                    .count();
            }
            _ => {}
        }
    }
    out.push_str(&wrapped[at..wrapped.len() - 4]);
    out
}

/// The last paragraph of written XML with runs added at its end, before
/// `</w:p>`.
pub fn append_runs(written: &str, runs: &str) -> String {
    match written.rfind("</w:p>") {
        Some(at) => format!("{}{runs}{}", &written[..at], &written[at..]),
        None => written.to_string(),
    }
}

/// The last paragraph's properties with a mark revision, for a paragraph
/// written as copied.
pub fn mark_last(written: &str, mark: &str) -> String {
    let wrapped = format!("<x>{written}</x>");
    let Some(root) = spans::parse(&wrapped) else {
        return written.to_string();
    };
    let Some(p) = root.children.iter().rev().find(|c| c.name == "w:p") else {
        return written.to_string();
    };
    let (from, to, ppr) = match p.child("w:pPr") {
        Some(s) if s.open_end != s.end || s.close_start != s.end => {
            (s.start, s.end, s.raw(&wrapped).to_string())
        }
        Some(s) => (s.start, s.end, String::new()),
        None => (p.open_end, p.open_end, String::new()),
    };
    let ppr = super::super::weave::with_mark(&ppr, Some(mark));
    format!(
        "{}{ppr}{}",
        &wrapped[3..from],
        &wrapped[to..wrapped.len() - 4]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_the_chosen_picture_runs() {
        let p = "<w:p><w:r><w:t>a</w:t></w:r><w:r><w:drawing>1</w:drawing></w:r><w:r><w:drawing>2</w:drawing></w:r></w:p>";
        let out = wrap_inserted(p, &[false, true], &mut || "w:id=\"9\"".to_string());
        assert_eq!(
            out,
            "<w:p><w:r><w:t>a</w:t></w:r><w:r><w:drawing>1</w:drawing></w:r><w:ins w:id=\"9\"><w:r><w:drawing>2</w:drawing></w:r></w:ins></w:p>"
        );
    }
}
