//! Cross-references in an amended draft, updated to the renumbering the
//! amendments caused: a paragraph inserted before paragraph 2 makes
//! "paragraph 2 above" read "paragraph 3 above".
//!
//! The draft and the amended draft are compared as `check` compares two
//! versions (its stale-reference rule), and its fixes are made
//! ([`crate::xref::rewrite`]). What
//! cannot be rewritten (a reference to a deleted paragraph, a range a new
//! paragraph falls into) is left as it is and said, never silently
//! changed.

use crate::check::stale;
use crate::model::{ParseOptions, Resolution};
use crate::xref::{Document, rewrite};

/// A cross-reference left as it is in the amended draft because no
/// rewriting keeps its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleReference {
    /// The label of the unit that holds it in the amended draft (`OP7`).
    pub label: String,
    /// What is wrong, in one sentence.
    pub message: String,
}

/// The amended text with its references to renumbered units updated, and
/// the references that could not be; the text as it is when either draft
/// has no resolution structure.
pub(super) fn update(draft: &Resolution, amended: String) -> (String, Vec<StaleReference>) {
    let options = ParseOptions {
        lang: Some(draft.lang),
    };
    let (Ok(old), Ok(new)) = (
        Document::parse("the draft", draft.to_text(), &options),
        Document::parse("the amended draft", amended.clone(), &options),
    ) else {
        return (amended, Vec::new());
    };
    let stale = stale::check(&old, &new);
    let left = stale
        .findings
        .iter()
        .filter(|f| f.suggestion.is_none())
        .map(|f| StaleReference {
            label: f.label.clone(),
            message: f.message.clone(),
        })
        .collect();
    let text = rewrite::apply(amended.as_bytes(), &amended, &stale.edits)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or(amended);
    (text, left)
}

#[cfg(test)]
mod tests {
    use crate::amend::{apply, parse};

    fn draft(text: &str) -> crate::model::Resolution {
        crate::model::parse(text, &Default::default()).unwrap()
    }

    #[test]
    fn references_follow_the_renumbering() {
        let d = draft(
            "The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.\n\n3. Stresses the implementation of paragraph 2 above.",
        );
        let list = parse(
            "Before operative paragraph 1, insert a new paragraph reading: \"Welcomes the work.\"",
        )
        .unwrap();
        let out = apply(&d, &list);
        assert!(out.failures.is_empty(), "{:?}", out.failures);
        assert!(
            out.text
                .contains("4. Stresses the implementation of paragraph 3 above."),
            "{}",
            out.text
        );
        assert!(out.stale_references.is_empty());
    }

    #[test]
    fn a_reference_to_a_deleted_paragraph_is_said_not_changed() {
        let d = draft(
            "The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.\n\n3. Stresses the implementation of paragraph 2 above.",
        );
        let out = apply(&d, &parse("Delete operative paragraph 2.").unwrap());
        assert!(
            out.text
                .contains("2. Stresses the implementation of paragraph 2 above."),
            "{}",
            out.text
        );
        assert_eq!(out.stale_references.len(), 1, "{:?}", out.stale_references);
        assert_eq!(out.stale_references[0].label, "OP2");
    }
}
