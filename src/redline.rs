//! The redline: the one hand-off type between diffing and rendering.
//!
//! A [`Redline`] is a list of [`Entry`]s in the order of the new draft, with
//! deleted units (and stubs for units that moved away) standing where they
//! stood in the old one. Each entry says what happened to the unit
//! ([`Op`]), which unit it was and is ([`Side`]), and carries the text as
//! word-level [`Segment`]s. Renderers read it; they never align or diff.

use crate::model::{self, UnitKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the JSON form of the redline (`redraft diff --format json`).
pub const REDLINE_VERSION: u32 = 1;

/// What happened to a unit between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Op {
    /// Same text (perhaps renumbered, perhaps moved).
    Unchanged,
    /// Same unit, text edited.
    Edited,
    /// New in the new version.
    Inserted,
    /// Gone from the new version.
    Deleted,
    /// One piece of an old unit split into several.
    Split,
    /// Several old units merged into this one.
    Merged,
    /// A stub where a unit stood before it moved; the unit itself appears
    /// at its new place.
    MovedAway,
}

impl Op {
    /// The lower-case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Op::Unchanged => "unchanged",
            Op::Edited => "edited",
            Op::Inserted => "inserted",
            Op::Deleted => "deleted",
            Op::Split => "split",
            Op::Merged => "merged",
            Op::MovedAway => "moved_away",
        }
    }
}

/// A unit as it is in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// Its label in that version (`OP17`).
    pub label: String,
    /// What kind of unit it is in that version (a preambular paragraph may
    /// become operative).
    pub kind: UnitKind,
    /// Its marker as written (`17.`, `(b)`), if numbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Its number as read (`17`, `9 bis`, `(b)`), if numbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Its index in that version's list of units.
    pub index: usize,
    /// The line where it starts in that version's file.
    pub line: usize,
}

impl Side {
    /// The side of a unit.
    pub fn of(unit: &model::Unit, index: usize) -> Side {
        Side {
            label: unit.label.clone(),
            kind: unit.kind,
            marker: unit.marker.clone(),
            number: unit.display_number(),
            index,
            line: unit.line,
        }
    }
}

/// What a run of text is in the redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentOp {
    /// In both versions.
    Equal,
    /// Only in the old version: struck through.
    Delete,
    /// Only in the new version: underlined.
    Insert,
}

/// A run of text with one operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// What the run is.
    pub op: SegmentOp,
    /// The text (for `equal`, as in the new version).
    pub text: String,
    /// For `equal` runs that read differently in the old version only by
    /// what the redline does not show as a change (a renumbered footnote
    /// reference, a different kind of space), the old text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_text: Option<String>,
    /// In a history's cumulative redline, the round that made the change
    /// (`None` for unchanged text, and in a redline of two versions). The
    /// history's JSON writes it as the entry's `rounds`.
    #[serde(skip)]
    pub round: Option<usize>,
}

impl Segment {
    /// A run with one operation and the same text on both sides.
    pub fn new(op: SegmentOp, text: impl Into<String>) -> Self {
        Segment {
            op,
            text: text.into(),
            old_text: None,
            round: None,
        }
    }

    /// The text on the old side (empty for insertions).
    pub fn old_side(&self) -> &str {
        match self.op {
            SegmentOp::Insert => "",
            SegmentOp::Delete => &self.text,
            SegmentOp::Equal => self.old_text.as_deref().unwrap_or(&self.text),
        }
    }

    /// The text on the new side (empty for deletions).
    pub fn new_side(&self) -> &str {
        match self.op {
            SegmentOp::Delete => "",
            _ => &self.text,
        }
    }
}

/// Which piece of a split an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// 1-based position of the piece.
    pub index: usize,
    /// How many pieces the old unit became.
    pub of: usize,
}

/// One aligned unit of the redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// What happened to it.
    pub op: Op,
    /// Whether it left its place among its neighbours.
    pub moved: bool,
    /// What kind of unit it is (in the new version, if it is there).
    pub kind: UnitKind,
    /// The unit in the old version: none if inserted, several if merged.
    pub old: Vec<Side>,
    /// The unit in the new version: none if deleted. For `moved_away`
    /// stubs, where it went.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Side>,
    /// For a piece of a split, which piece.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub piece: Option<Piece>,
    /// The text. In merged entries, a deleted `"\n"` stands between the old
    /// units' texts.
    pub segments: Vec<Segment>,
    /// In a history's cumulative redline, the round that inserted, deleted
    /// or last moved the unit (`None` otherwise, and in a redline of two
    /// versions).
    #[serde(skip)]
    pub round: Option<usize>,
}

impl Entry {
    /// Whether the entry shows any change: text, number, place or existence.
    pub fn is_change(&self) -> bool {
        self.op != Op::Unchanged || self.moved || self.renumbered() || self.changed_kind()
    }

    /// Whether the unit kept its text but changed kind (a preambular
    /// paragraph made operative, a paragraph made a subparagraph).
    pub fn changed_kind(&self) -> bool {
        match (self.op, &self.new, self.old.as_slice()) {
            (Op::Unchanged | Op::Edited, Some(new), [old]) => new.kind != old.kind,
            _ => false,
        }
    }

    /// Whether the unit kept its identity but not its number (`17
    /// (formerly 16)`): unchanged, edited or moved units only; splits,
    /// merges, insertions and deletions say what happened in other words.
    pub fn renumbered(&self) -> bool {
        match (self.op, &self.new, self.old.as_slice()) {
            (Op::Unchanged | Op::Edited, Some(new), [old]) => {
                new.kind == old.kind && new.number != old.number
            }
            _ => false,
        }
    }

    /// The text as in the new version.
    pub fn new_text(&self) -> String {
        self.segments.iter().map(Segment::new_side).collect()
    }

    /// The text as in the old version (old units joined by `"\n"` when
    /// merged).
    pub fn old_text(&self) -> String {
        self.segments.iter().map(Segment::old_side).collect()
    }

    /// The label to show for the unit: the new one if it exists.
    pub fn label(&self) -> &str {
        self.new
            .as_ref()
            .or(self.old.first())
            .map_or("", |s| s.label.as_str())
    }
}

/// Names and languages of the two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// The file (or label) of the version.
    pub name: String,
    /// Its language.
    pub lang: crate::lang::Lang,
    /// What its masthead said, for a published document (symbol, date).
    #[serde(
        default,
        skip_serializing_if = "crate::model::metadata::Metadata::is_empty"
    )]
    pub metadata: crate::model::metadata::Metadata,
}

impl Version {
    /// The name with the masthead's symbol and date when known:
    /// `old.pdf (S/2020/449, 29 May 2020, original: English)`.
    pub fn described(&self) -> String {
        if self.metadata.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.metadata.describe())
        }
    }
}

/// A redline between two versions of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redline {
    /// Schema version of this JSON document.
    pub version: u32,
    /// The old version.
    pub old: Version,
    /// The new version.
    pub new: Version,
    /// The aligned units, in the order of the new version.
    pub entries: Vec<Entry>,
}

/// Counts of what happened, for summaries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Units with the same text.
    pub unchanged: usize,
    /// Units with edited text.
    pub edited: usize,
    /// Units added.
    pub inserted: usize,
    /// Units removed.
    pub deleted: usize,
    /// Units that moved.
    pub moved: usize,
    /// Old units split into several.
    pub split: usize,
    /// New units that merge several old ones.
    pub merged: usize,
    /// Units whose number changed.
    pub renumbered: usize,
    /// Units that changed kind with their text kept (a preambular
    /// paragraph made operative).
    #[serde(default)]
    pub changed_kind: usize,
    /// The renumbering table: (old label, new label) for every unit whose
    /// number changed.
    pub renumbering: Vec<(String, String)>,
}

impl Summary {
    /// The counts with their names, in the order summaries show them.
    pub fn counts(&self) -> [(&'static str, usize); 9] {
        [
            ("edited", self.edited),
            ("changed kind", self.changed_kind),
            ("inserted", self.inserted),
            ("deleted", self.deleted),
            ("moved", self.moved),
            ("split", self.split),
            ("merged", self.merged),
            ("renumbered", self.renumbered),
            ("unchanged", self.unchanged),
        ]
    }
}

impl Redline {
    /// Whether the two versions differ in anything the redline shows.
    pub fn has_changes(&self) -> bool {
        self.entries.iter().any(Entry::is_change)
    }

    /// Counts and the renumbering table.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        let carried = self.carried();
        for (e, carried) in self.entries.iter().zip(carried) {
            match e.op {
                Op::Unchanged => s.unchanged += 1,
                Op::Edited => s.edited += 1,
                Op::Inserted => s.inserted += 1,
                Op::Deleted => s.deleted += 1,
                Op::Split if e.piece.is_some_and(|p| p.index == 1) => s.split += 1,
                Op::Merged => s.merged += 1,
                Op::Split | Op::MovedAway => {}
            }
            if e.moved && e.op != Op::MovedAway && !carried {
                s.moved += 1;
            }
            if e.changed_kind() && e.op == Op::Unchanged {
                s.changed_kind += 1;
                s.unchanged -= 1;
            }
            if e.renumbered() {
                s.renumbered += 1;
                let old = e.old.first().map(|o| o.label.clone()).unwrap_or_default();
                let new = e.new.as_ref().map(|n| n.label.clone()).unwrap_or_default();
                s.renumbering.push((old, new));
            }
        }
        s
    }

    /// For each entry, whether it is a subparagraph that moved only because
    /// its paragraph did (same letter under the paragraph's new place), or
    /// the stub it left: its move says nothing the paragraph's does not.
    /// Readers' formats leave such moves unsaid; Word redlines mark them,
    /// so that rejecting every change gives the old draft.
    pub fn carried(&self) -> Vec<bool> {
        let moved: std::collections::HashSet<(&str, &str)> = self
            .entries
            .iter()
            .filter(|e| e.moved && e.op != Op::MovedAway && e.old.len() == 1)
            .filter_map(|e| Some((e.old[0].label.as_str(), e.new.as_ref()?.label.as_str())))
            .collect();
        let travels = |old: &str, new: &str| {
            let ((old_parent, old_own), (new_parent, new_own)) = (split_sub(old)?, split_sub(new)?);
            (old_own == new_own && moved.contains(&(old_parent, new_parent))).then_some(())
        };
        let carried_old: std::collections::HashSet<&str> = moved
            .iter()
            .filter(|(old, new)| travels(old, new).is_some())
            .map(|(old, _)| *old)
            .collect();
        self.entries
            .iter()
            .map(|e| {
                (e.moved || e.op == Op::MovedAway)
                    && e.old.len() == 1
                    && e.old[0].kind == UnitKind::Subparagraph
                    && carried_old.contains(e.old[0].label.as_str())
            })
            .collect()
    }

    /// The new draft, in the parser's normal form: what "accept all
    /// changes" gives.
    pub fn accept_all(&self) -> String {
        let blocks = self
            .entries
            .iter()
            .filter(|e| e.op != Op::MovedAway && e.op != Op::Deleted)
            .filter_map(|e| {
                let new = e.new.as_ref()?;
                Some(model::block(new.marker.as_deref(), &e.new_text()))
            });
        model::join_blocks(blocks)
    }

    /// The old draft, in the parser's normal form: what "reject all
    /// changes" gives.
    pub fn reject_all(&self) -> String {
        let mut units: BTreeMap<usize, (Option<String>, String)> = BTreeMap::new();
        for e in self.entries.iter().filter(|e| e.op != Op::MovedAway) {
            let text = e.old_text();
            if let (Op::Split, [old]) = (e.op, e.old.as_slice()) {
                let unit = units
                    .entry(old.index)
                    .or_insert((old.marker.clone(), String::new()));
                unit.1.push_str(&text);
                continue;
            }
            for (side, part) in e.old.iter().zip(text.split('\n')) {
                units.insert(side.index, (side.marker.clone(), part.to_string()));
            }
        }
        model::join_blocks(units.values().map(|(m, t)| model::block(m.as_deref(), t)))
    }
}

/// A subparagraph's label as its paragraph's label and its own part:
/// `OP3(b)(ii)` → (`OP3(b)`, `(ii)`).
fn split_sub(label: &str) -> Option<(&str, &str)> {
    if !label.ends_with(')') {
        return None;
    }
    let open = label.rfind('(')?;
    (open > 0).then(|| label.split_at(open))
}
