//! What units are compared by, when the alignment looks for identical
//! texts and the diff decides whether a pair changed.
//!
//! Two units are the same text when their texts are equal up to the
//! typographic variants of [`super::typography`]; two closing units
//! ("30th plenary meeting / 30 October 2024") are the same when they name
//! the same kind of meeting, whatever its number and date
//! ([`super::closing::meeting_kind`]). The units keep their text: these are
//! comparison keys only.
//!
//! ```
//! use redraft::model::{parse, ParseOptions};
//! use redraft::model::compare::{key_text, quiet_difference};
//! let o = parse("The General Assembly,\n\n1. Decides non-intervention.\n\n30th plenary meeting\n30 October 2024", &ParseOptions::default()).unwrap();
//! let n = parse("The General Assembly,\n\n1. Decides non\u{2011}intervention.\n\n22nd plenary meeting\n29 October 2025", &ParseOptions::default()).unwrap();
//! assert_eq!(key_text(&o.units[1]), key_text(&n.units[1]));
//! assert!(quiet_difference(&o.units[2], &n.units[2]));
//! ```

use super::{Unit, UnitKind, closing, typography};
use std::borrow::Cow;

/// The text a unit is compared by: its text with typographic variants
/// folded; for a closing unit, its kind of meeting only.
pub fn key_text(unit: &Unit) -> Cow<'_, str> {
    if unit.kind == UnitKind::Closing
        && let Some(meeting) = closing::meeting_kind(&unit.text)
    {
        return Cow::Owned(meeting);
    }
    typography::fold(&unit.text)
}

/// Whether two units differ only in what a redline does not show as an
/// edit: the meeting number and date of a closing line.
pub fn quiet_difference(old: &Unit, new: &Unit) -> bool {
    old.kind == UnitKind::Closing
        && new.kind == UnitKind::Closing
        && old.text != new.text
        && key_text(old) == key_text(new)
}
