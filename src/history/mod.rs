//! History: successive versions of a draft, round by round.
//!
//! Round `r` turns version `r - 1` into version `r` (versions count from 0,
//! rounds from 1). Every consecutive pair is aligned and diffed with the
//! core ([`crate::diff::redline`]); chaining those redlines gives:
//!
//! - the **lineage** of every unit of the latest version: its label in each
//!   version (`OP15 → OP16 → OP17`), what happened to it in each round,
//!   and the round of its last change (a change of text, an insertion or a
//!   move; renumbering alone is not a change); and the units deleted along
//!   the way, with the round that deleted them ([`lineage`]);
//! - **blame**: for every word of the latest version, the round that
//!   brought it in (0: it was in the first version); for every word
//!   removed from a unit that stayed, the round that removed it
//!   ([`blame`]);
//! - a **cumulative redline** of the first version against the latest in
//!   which every change carries its round.

pub mod blame;
pub mod lineage;
pub mod order;

use crate::diff;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::model::{Resolution, UnitKind};
use crate::redline::{Entry, Redline};
use serde::Serialize;

/// Version of the JSON form of a history (`redraft history --format json`).
pub const HISTORY_VERSION: u32 = 1;

/// One version of the draft: its name and its parsed text (not to be
/// confused with [`crate::Draft`], a loaded file with its text, from
/// which a version takes its [`Resolution`]).
#[derive(Debug, Clone)]
pub struct Version {
    /// How the version is called: a file name, a `--label`, or a commit's
    /// date and hash.
    pub name: String,
    /// The parsed draft.
    pub resolution: Resolution,
}

/// A version as the history names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionInfo {
    /// Its name.
    pub name: String,
    /// Its language.
    pub lang: Lang,
}

/// A round: from one version to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    /// 1-based.
    pub round: usize,
    /// The version before the round.
    pub from: String,
    /// The version after it.
    pub to: String,
}

/// What happened to a unit in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The round.
    pub round: usize,
    /// Unchanged, edited, inserted, split or merged.
    pub op: crate::redline::Op,
    /// Whether it left its place among its neighbours.
    pub moved: bool,
    /// Whether its number changed.
    pub renumbered: bool,
}

impl Step {
    /// Whether the round changed the unit (text, existence or place).
    pub fn is_change(&self) -> bool {
        self.op != crate::redline::Op::Unchanged || self.moved
    }
}

/// A unit of the latest version traced back through every version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lineage {
    /// Its label in the latest version.
    pub label: String,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Its label(s) in each version, oldest first; none before it was
    /// inserted, several where it merges units.
    pub labels: Vec<Vec<String>>,
    /// What happened to it in each round since it appeared.
    pub steps: Vec<Step>,
    /// The last round that changed it, if any.
    pub last_change: Option<usize>,
    /// Its text in spans, each with the round that brought it in (0: the
    /// first version).
    pub blame: Vec<Span>,
}

/// A run of text and the round it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The text.
    pub text: String,
    /// The round (0: the first version).
    pub round: usize,
}

/// A unit deleted along the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deletion {
    /// The round that deleted it.
    pub round: usize,
    /// What kind of unit it was.
    pub kind: UnitKind,
    /// Its label(s) in each version, oldest first (none from the round
    /// that deleted it on).
    pub labels: Vec<Vec<String>>,
    /// Its text when it was deleted.
    pub text: String,
}

/// Words removed from a unit that stayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// The round that removed them.
    pub round: usize,
    /// The unit, labelled as before the round.
    pub label: String,
    /// The words.
    pub text: String,
}

/// An entry of the cumulative redline as the JSON form writes it: the
/// entry, then `rounds` (one per segment, `null` for unchanged text) and
/// `round` (the round that inserted, deleted or last moved the unit).
#[derive(Serialize)]
struct EntryWithRounds<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    rounds: Vec<Option<usize>>,
    round: Option<usize>,
}

/// Writes the cumulative redline's entries with their rounds (README,
/// "JSON").
fn entries_with_rounds<S: serde::Serializer>(
    redline: &Redline,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.collect_seq(redline.entries.iter().map(|entry| EntryWithRounds {
        entry,
        rounds: entry.segments.iter().map(|s| s.round).collect(),
        round: entry.round,
    }))
}

/// The history of a draft.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// Schema version of the JSON form.
    pub version: u32,
    /// The versions, oldest first.
    pub versions: Vec<VersionInfo>,
    /// The rounds, first first.
    pub rounds: Vec<Round>,
    /// One per unit of the latest version, in its order.
    pub lineage: Vec<Lineage>,
    /// Units deleted along the way, by round.
    pub deleted: Vec<Deletion>,
    /// Words removed from units that stayed, by round.
    pub removed: Vec<Removal>,
    /// The redline of the first version against the latest, its segments
    /// cut where the round changes, each change with its round
    /// ([`crate::redline::Segment::round`], [`Entry::round`]).
    #[serde(serialize_with = "entries_with_rounds")]
    pub cumulative: Redline,
    /// The redline of each round (not in the JSON form).
    #[serde(skip)]
    pub redlines: Vec<Redline>,
}

impl History {
    /// Builds the history of two versions or more, oldest first.
    ///
    /// ```
    /// use redraft::history::{Version, History};
    /// use redraft::model::parse;
    /// let v = |name: &str, text: &str| Version { name: name.into(), resolution: parse(text, &Default::default()).unwrap() };
    /// let h = History::new(vec![
    ///     v("zero", "The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report."),
    ///     v("rev1", "The General Assembly,\n\n1. Welcomes the report.\n\n2. Decides to act.\n\n3. Requests a report."),
    ///     v("rev2", "The General Assembly,\n\n1. Welcomes the report.\n\n2. Decides to act now.\n\n3. Requests a report."),
    /// ]).unwrap();
    /// let op2 = h.lineage.iter().find(|l| l.label == "OP2").unwrap();
    /// assert_eq!(op2.labels, [vec!["OP1".to_string()], vec!["OP2".into()], vec!["OP2".into()]]);
    /// assert_eq!(op2.last_change, Some(2));
    /// let rounds: Vec<(&str, usize)> = op2.blame.iter().map(|s| (s.text.as_str(), s.round)).collect();
    /// assert_eq!(rounds, [("Decides to act", 0), (" now", 2), (".", 0)]);
    /// ```
    pub fn new(versions: Vec<Version>) -> Result<History> {
        if versions.len() < 2 {
            return Err(Error::TooFewVersions {
                given: versions.len(),
            });
        }
        let redlines: Vec<Redline> = versions
            .windows(2)
            .map(|pair| {
                let mut r = diff::redline(
                    &pair[0].resolution,
                    &pair[1].resolution,
                    &Default::default(),
                );
                r.old.name = pair[0].name.clone();
                r.new.name = pair[1].name.clone();
                r
            })
            .collect();
        let chain = lineage::Chain::new(&versions, &redlines);
        let cells = blame::Cells::new(&versions, &redlines);
        let mut lineage = chain.latest();
        for (unit, l) in lineage.iter_mut().enumerate() {
            l.blame = cells.blame(unit);
        }
        let first = &versions[0];
        let last = &versions[versions.len() - 1];
        let mut direct = diff::redline(&first.resolution, &last.resolution, &Default::default());
        direct.old.name = first.name.clone();
        direct.new.name = last.name.clone();
        let cumulative = cells.cumulative(direct, &lineage);
        Ok(History {
            version: HISTORY_VERSION,
            versions: versions
                .iter()
                .map(|d| VersionInfo {
                    name: d.name.clone(),
                    lang: d.resolution.lang,
                })
                .collect(),
            rounds: rounds(&versions),
            deleted: chain.deletions(),
            removed: cells.removed.clone(),
            lineage,
            cumulative,
            redlines,
        })
    }

    /// The number of the latest round.
    pub fn last_round(&self) -> usize {
        self.rounds.len()
    }
}

fn rounds(versions: &[Version]) -> Vec<Round> {
    versions
        .windows(2)
        .enumerate()
        .map(|(k, pair)| Round {
            round: k + 1,
            from: pair[0].name.clone(),
            to: pair[1].name.clone(),
        })
        .collect()
}
