//! Whether an amended draft says what its list of amendments means: no
//! text lost on the way, which `redraft amend` refuses to write otherwise.
//!
//! Two ways a list could lose text without any amendment failing:
//!
//! - a unit the list inserts, moves or rewords is deleted with another
//!   unit it has come to follow ("Move operative paragraph 2 (b) to follow
//!   2 (c)", then "Delete operative paragraph 2 (c)": `(b)` would go with
//!   `(c)`'s subparagraphs although no amendment deletes it);
//! - the amended text, read again, is not the units the amendments made
//!   (a new paragraph whose text opens like a number, blocks merged).
//!
//! ```text
//! Delete the paragraph reading "(i)`In schools …".   deleted: as meant
//! Operative paragraph 2 (c) (ii): after "environment", insert "…".
//!   … and (ii) deleted with (c) by a later line     → unfaithful, line named
//! ```

use super::apply::items::{Item, shown_marker};
use crate::model::{self, Resolution, UnitKind};

/// Why the amended draft would not say what the list means, with the line
/// of the amendment concerned (0 when no one line is), or `None` when it
/// does. `items` are the amended draft's units (deleted ones marked),
/// `explicit` the ids of the units the list itself deletes, `touched`
/// the ids (and lines) of the units it inserts, moves or rewords, and
/// `deleted_by` the line of the deletion that took each unit.
pub(crate) fn unfaithful(
    draft: &Resolution,
    items: &[Item],
    explicit: &[usize],
    touched: &[(usize, usize)],
    deleted_by: &[(usize, usize)],
    text: &str,
) -> Option<(usize, String)> {
    for &(id, line) in touched {
        let Some(it) = items.iter().find(|it| it.id == id) else {
            continue;
        };
        if it.deleted && !explicit.contains(&id) {
            let by = deleted_by.iter().find(|(d, _)| *d == id).map_or(0, |d| d.1);
            return Some((
                line,
                format!(
                    "the unit reading “{}” that this amendment places or rewords would be deleted with the unit deleted on line {by}, which no amendment says",
                    excerpt(&it.text)
                ),
            ));
        }
    }
    read_again(draft, items, text).map(|reason| (0, reason))
}

/// Whether the amended text, read again, holds the amended units' words
/// in the same order (body, then footnotes, as it is written), none lost
/// nor added.
fn read_again(draft: &Resolution, items: &[Item], text: &str) -> Option<String> {
    let options = model::ParseOptions {
        lang: Some(draft.lang),
    };
    let Ok(again) = model::parse(text, &options) else {
        return Some("the amended draft cannot be read again".into());
    };
    let (notes, body): (Vec<&Item>, Vec<&Item>) = items
        .iter()
        .filter(|it| !it.deleted)
        .partition(|it| it.kind == UnitKind::Footnote);
    let meant: Vec<&str> = body
        .into_iter()
        .chain(notes)
        .flat_map(|it| shown_marker(it).into_iter().chain([it.text.as_str()]))
        .flat_map(str::split_whitespace)
        .collect();
    let read: Vec<&str> = again
        .units
        .iter()
        .flat_map(|u| u.marker.as_deref().into_iter().chain([u.text.as_str()]))
        .flat_map(str::split_whitespace)
        .collect();
    if meant == read {
        return None;
    }
    let k = meant.iter().zip(&read).take_while(|(a, b)| a == b).count();
    let at = meant.get(k).or(read.get(k)).copied().unwrap_or_default();
    Some(format!(
        "the amended draft, read again, would not be what the amendments make (from “{at}” on)"
    ))
}

/// The first words of a text, for a message.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let more = text.split_whitespace().count() > 8;
    format!("{}{}", words.join(" "), if more { " …" } else { "" })
}
