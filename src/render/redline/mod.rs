//! The redline, drawn: one file per format, each writing a [`Redline`] —
//! of two versions (`redraft diff`, `redraft amend --format`) or a
//! history's cumulative redline, whose segments carry their round — to any
//! [`std::io::Write`].
//!
//! - [`term`]: coloured for the terminal, unchanged units folded, lines
//!   wrapped at word boundaries;
//! - [`html`]: one self-contained page;
//! - [`markdown`]: `~~deleted~~` and `**inserted**`;
//! - [`text`]: wdiff style, `[-deleted-]{+inserted+}`;
//! - [`json`]: the redline as data (README, "JSON").
//!
//! The Word format, larger, has its own folder ([`super::docx`]); formal
//! amendments are worded in [`super::amendments`].
//!
//! [`Redline`]: crate::redline::Redline

pub mod html;
pub mod json;
pub mod markdown;
pub mod ordered;
pub mod term;
pub mod text;

/// What a history's cumulative redline adds to a redline: each change
/// carries the round that made it ([`crate::redline::Segment::round`]),
/// which every format names in the reader's language (`version 2`) and
/// sets apart when it is the latest.
#[derive(Debug, Clone, Copy)]
pub struct Rounds {
    /// The latest round.
    pub last: usize,
    /// The language rounds are named in.
    pub lang: crate::lang::Lang,
}
