//! The comparison of two drafts: what diffing hands to everything made
//! from it.
//!
//! A [`Comparison`] owns both drafts, their [`Alignment`] and the
//! [`Redline`] built from it, so that renderers draw the redline and the
//! formal amendments ([`crate::amend::from_comparison`]) are worded from
//! the drafts, the alignment and the redline's word segments as they are:
//! nothing downstream parses, aligns or diffs again.
//!
//! ```
//! use redraft::{diff, model};
//! let opts = model::ParseOptions::default();
//! let old = model::parse("The General Assembly,\n\n1. Decides to act.", &opts).unwrap();
//! let new = model::parse("The General Assembly,\n\n1. Decides to act now.", &opts).unwrap();
//! let c = diff::compare(old, new, &diff::Options::default());
//! assert_eq!(c.redline.summary().edited, 1);
//! assert_eq!(c.alignment.of_old(1).map(|m| m.new.clone()), Some(vec![1]));
//! ```

use super::{Options, redline_from};
use crate::align::{self, Alignment};
use crate::model::Resolution;
use crate::redline::Redline;

/// Two drafts compared: the drafts, which unit is which, and the redline.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Comparison {
    /// The old draft.
    pub old: Resolution,
    /// The new draft.
    pub new: Resolution,
    /// Which units of the new draft continue which of the old.
    pub alignment: Alignment,
    /// The aligned units with their operations and word segments, built
    /// from `alignment`.
    pub redline: Redline,
    /// The options the word segments were diffed with.
    pub options: Options,
}

/// Aligns two drafts and diffs every matched pair.
pub fn compare(old: Resolution, new: Resolution, options: &Options) -> Comparison {
    let alignment = align::align(&old, &new);
    let redline = redline_from(&old, &new, &alignment, options);
    Comparison {
        old,
        new,
        alignment,
        redline,
        options: options.clone(),
    }
}
