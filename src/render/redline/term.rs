//! The terminal: deletions red and struck through, insertions green and
//! underlined; without colour, wdiff markers. Headings bold. Unchanged
//! units, and units only renumbered, are folded unless `--full`, keeping
//! `--context N` units around each change; the summary counts and lists
//! the renumbered ones. Notes and fold lines are in the draft's language,
//! with its own numbering:
//!
//! ```text
//! ⋯ 13 inchangés (alinéa 6 du préambule – paragraphe 4 ; dont 3 renumérotés) ⋯
//!
//! 2. Exprime … qui concerne [-13-] {+12+} personnes …
//! ```
//!
//! A deletion and the insertion that replaces it are set apart by a space
//! when they replace whole words (`[-13-] {+12+}`, so that they do not read
//! `1312` once colour is lost), never inside a word (`Res.[-3-]{+2+}`).
//! Paragraphs are wrapped at word boundaries to [`RenderOptions::width`].
//!
//! A history's cumulative redline is drawn by the same loop
//! ([`unit`], [`Styles::with_rounds`]): each change in its round's colour,
//! the latest in bold; without colour, the round in the marker,
//! `[version 1-13-] {version 2+11+}`.

use crate::lang::Lang;
use crate::lang::reader::ReaderWords;
use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline, Segment, SegmentOp};
use crate::render::history::round_name;
use crate::render::reader::{self, lang_of};
use crate::render::redline::Rounds;
use crate::render::{RenderOptions, for_reading, shown_marker};
use console::Style;
use std::borrow::Cow;
use std::io::{self, Write};

/// How a run of a line is shown; a change with the round that made it
/// (in a history's cumulative redline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Plain,
    Num,
    Note,
    Del(Option<usize>),
    Ins(Option<usize>),
    Heading,
}

/// The looks of a terminal redline, coloured or not; with [`Rounds`], a
/// colour per round.
pub(in crate::render) struct Styles {
    color: bool,
    rounds: Option<Rounds>,
    del: Style,
    ins: Style,
    /// Notes, fold lines and headings around the text: dim.
    pub(in crate::render) note: Style,
    num: Style,
    heading: Style,
}

impl Styles {
    fn new(color: bool) -> Self {
        let s = |style: Style| style.force_styling(color);
        Styles {
            color,
            rounds: None,
            del: s(Style::new().red().strikethrough()),
            ins: s(Style::new().green().underlined()),
            note: s(Style::new().dim()),
            num: s(Style::new().bold()),
            heading: s(Style::new().bold().cyan()),
        }
    }

    /// The looks of a history's cumulative redline: each change in its
    /// round's colour ([`Styles::round`]).
    pub(in crate::render) fn with_rounds(color: bool, rounds: Rounds) -> Self {
        Styles {
            rounds: Some(rounds),
            ..Styles::new(color)
        }
    }

    /// A round's colour (blue, magenta, cyan, yellow, green, red, in
    /// turn), in bold for the latest round.
    pub(in crate::render) fn round(&self, round: usize) -> Style {
        let base = match round % 6 {
            1 => Style::new().blue(),
            2 => Style::new().magenta(),
            3 => Style::new().cyan(),
            4 => Style::new().yellow(),
            5 => Style::new().green(),
            _ => Style::new().red(),
        };
        let latest = self.rounds.is_some_and(|r| r.last == round);
        let base = if latest { base.bold() } else { base };
        base.force_styling(self.color)
    }

    /// The style of a change: red or green, or with rounds its round's.
    fn change(&self, look: Look) -> Style {
        match (look, self.rounds) {
            (Look::Del(r), Some(_)) => self.round(r.unwrap_or(0)).strikethrough(),
            (Look::Ins(r), Some(_)) => self.round(r.unwrap_or(0)).underlined(),
            (Look::Del(_), None) => self.del.clone(),
            _ => self.ins.clone(),
        }
    }

    /// A word (no spaces) in a look.
    fn apply(&self, look: Look, text: &str) -> String {
        let change;
        let style = match look {
            Look::Plain => return text.to_string(),
            Look::Num => &self.num,
            Look::Note => &self.note,
            Look::Heading => &self.heading,
            Look::Del(_) | Look::Ins(_) => {
                change = self.change(look);
                &change
            }
        };
        style.apply_to(text).to_string()
    }

    /// A change's text with its markers when there is no colour:
    /// `[-13-]`, `{+12+}`; with rounds `[version 1-13-]`.
    fn mark(&self, look: Look, text: &str) -> String {
        let tag = |r: Option<usize>| match self.rounds {
            Some(rounds) => round_name(r.unwrap_or(0), rounds.lang),
            None => String::new(),
        };
        match (self.color, look) {
            (false, Look::Del(r)) => format!("[{}-{text}-]", tag(r)),
            (false, Look::Ins(r)) => format!("{{{}+{text}+}}", tag(r)),
            _ => text.to_string(),
        }
    }
}

/// The width of the terminal standard output is, if it is one (or
/// `COLUMNS` when the terminal does not tell): what the CLI wraps terminal
/// redlines to. `None` when piped: one line a paragraph, for `grep` and
/// for pagers that wrap themselves.
pub fn terminal_width() -> Option<usize> {
    let term = console::Term::stdout();
    if !term.is_term() {
        return None;
    }
    let columns = || std::env::var("COLUMNS").ok()?.trim().parse().ok();
    term.size_checked()
        .map(|(_, cols)| cols as usize)
        .or_else(columns)
        .filter(|&w| w >= 20)
}

/// Writes the redline for a terminal.
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let redline = &*crate::render::escape::redline(redline, !options.color);
    let styles = Styles::new(options.color);
    let lang = lang_of(redline);
    let note = |s: String| styles.apply(Look::Note, &s);
    writeln!(
        out,
        "{}",
        note(format!(
            "{} → {}",
            redline.old.described(),
            redline.new.described()
        ))
    )?;
    for line in summary(redline, lang) {
        let runs = vec![(Look::Note, line)];
        writeln!(out, "{}", wrap(&runs, &styles, options.width))?;
    }
    let entries = for_reading(redline);
    let shown = shown_entries(&entries, options);
    // The shown units are wrapped on both cores, written in order.
    let shown_ones: Vec<&Entry> = entries
        .iter()
        .zip(&shown)
        .filter(|(_, s)| **s)
        .map(|(e, _)| e.as_ref())
        .collect();
    let mut wrapped = crate::parallel::map(&shown_ones, |entry| {
        unit(entry, reader::note(entry, lang), &styles, options.width)
    })
    .into_iter();
    let mut folded: Vec<&Entry> = Vec::new();
    for (entry, show) in entries.iter().map(|e| e.as_ref()).zip(shown) {
        if !show {
            folded.push(entry);
            continue;
        }
        fold(&mut folded, &styles, lang, options.width, out)?;
        writeln!(out)?;
        writeln!(out, "{}", wrapped.next().unwrap_or_default())?;
    }
    fold(&mut folded, &styles, lang, options.width, out)
}

/// The summary: the counts, then the units only renumbered.
fn summary(redline: &Redline, lang: Lang) -> Vec<String> {
    let mut lines = vec![reader::summary_line(redline, lang)];
    let list = reader::renumbered_only_list(redline, lang);
    if !list.is_empty() {
        let words = lang.reader();
        lines.push(format!(
            "{}{}: {}",
            words.renumbered_only_list,
            words.before_colon,
            list.join(", ")
        ));
    }
    lines
}

/// Which entries to show: every change but a renumbering alone, and
/// `context` entries around.
fn shown_entries(entries: &[Cow<'_, Entry>], options: &RenderOptions) -> Vec<bool> {
    if options.full {
        return vec![true; entries.len()];
    }
    let mut shown = vec![false; entries.len()];
    for (k, e) in entries.iter().enumerate() {
        if e.is_change() && !reader::renumbered_only(e) {
            let lo = k.saturating_sub(options.context);
            let hi = (k + options.context + 1).min(entries.len());
            shown[lo..hi].iter_mut().for_each(|s| *s = true);
        }
    }
    shown
}

/// Writes the fold line of the unchanged units gathered in `folded`, if
/// any, and empties it.
pub(in crate::render) fn fold(
    folded: &mut Vec<&Entry>,
    styles: &Styles,
    lang: Lang,
    width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some(text) = fold_line(folded, lang) {
        writeln!(out)?;
        let runs = [
            (Look::Plain, "  ".to_string()),
            (Look::Note, format!("⋯ {text} ⋯")),
        ];
        writeln!(out, "{}", wrap(&runs, styles, width))?;
    }
    folded.clear();
    Ok(())
}

/// `13 unchanged (preambular paragraph 6 – paragraph 4; 3 renumbered)`.
fn fold_line(folded: &[&Entry], lang: Lang) -> Option<String> {
    let (first, last) = (folded.first()?, folded.last()?);
    let words = lang.reader();
    let name = |e: &Entry| {
        e.new
            .as_ref()
            .or(e.old.first())
            .map(|s| reader::name(s, lang))
            .unwrap_or_default()
    };
    let mut range = if folded.len() == 1 {
        name(first)
    } else {
        format!("{} – {}", name(first), name(last))
    };
    let renumbered = folded.iter().filter(|e| reader::renumbered_only(e)).count();
    if renumbered > 0 {
        let n = renumbered.to_string();
        let template = ReaderWords::count(renumbered, words.fold_renumbered);
        range.push_str(&format!(
            "{}; {}",
            words.before_colon,
            ReaderWords::fill(template, &[("n", &n)])
        ));
    }
    let n = folded.len();
    let unchanged = ReaderWords::count(n, words.counts.unchanged);
    Some(ReaderWords::fill(
        words.fold,
        &[
            ("n", &n.to_string()),
            ("unchanged", unchanged),
            ("range", &range),
        ],
    ))
}

/// A unit as the terminal shows it: its number, its note in parentheses
/// (`(formerly 16)`, a history's `(moved; round 2)`), its text, wrapped
/// to `width`.
pub(in crate::render) fn unit(
    entry: &Entry,
    note: Option<String>,
    styles: &Styles,
    width: Option<usize>,
) -> String {
    wrap(&runs(entry, note, styles), styles, width)
}

/// An entry as runs of text with their looks: number, note, body.
fn runs(entry: &Entry, note: Option<String>, styles: &Styles) -> Vec<(Look, String)> {
    let mut runs: Vec<(Look, String)> = Vec::new();
    if let Some(m) = shown_marker(entry) {
        let look = match entry.op {
            Op::Inserted => Look::Ins(entry.round),
            Op::Deleted | Op::MovedAway => Look::Del(entry.round),
            _ => Look::Num,
        };
        runs.push((look, styles.mark(look, m)));
        runs.push((Look::Plain, " ".into()));
    }
    if let Some(a) = note {
        runs.push((Look::Note, format!("({a})")));
        runs.push((Look::Plain, " ".into()));
    }
    if entry.op != Op::MovedAway {
        let heading = matches!(
            entry.kind,
            UnitKind::Heading | UnitKind::Title | UnitKind::Annex
        );
        body_runs(&entry.segments, heading, styles, &mut runs);
    }
    while runs.last().is_some_and(|(_, t)| t.trim().is_empty()) {
        runs.pop();
    }
    runs
}

/// The one segment loop: equal text plain, changes in their looks, their
/// spaces outside the markers, a whole-word replacement set apart.
fn body_runs(segments: &[Segment], heading: bool, styles: &Styles, runs: &mut Vec<(Look, String)>) {
    let plain = if heading { Look::Heading } else { Look::Plain };
    for (k, s) in segments.iter().enumerate() {
        let (look, text) = match s.op {
            SegmentOp::Equal => (plain, s.text.clone()),
            SegmentOp::Delete => (Look::Del(s.round), s.text.replace('\n', " ¶ ")),
            SegmentOp::Insert => (Look::Ins(s.round), s.text.clone()),
        };
        if look == plain {
            runs.push((look, text));
        } else {
            runs.extend(hugged(look, &text, styles));
        }
        if replaces_whole_words(segments, k) {
            runs.push((Look::Plain, " ".into()));
        }
    }
}

/// A change's leading and trailing spaces stay outside its markers.
fn hugged(look: Look, text: &str, styles: &Styles) -> Vec<(Look, String)> {
    let (lead, core, trail) = crate::render::hug(text);
    let mut out = vec![(Look::Plain, lead.to_string())];
    if !core.is_empty() {
        out.push((look, styles.mark(look, core)));
    }
    out.push((Look::Plain, trail.to_string()));
    out
}

/// Whether segment `k` is a deletion directly followed by an insertion,
/// both standing between word boundaries, so that a space must set them
/// apart: `concerne [-13-] {+12+} personnes`, not in `Res.[-3-]{+2+}`.
///
/// ```
/// use redraft::redline::{Segment, SegmentOp::*};
/// use redraft::render::redline::term::replaces_whole_words;
/// let s = |op, t: &str| Segment::new(op, t);
/// assert!(replaces_whole_words(&[s(Equal, "a "), s(Delete, "13"), s(Insert, "12"), s(Equal, " b")], 1));
/// assert!(!replaces_whole_words(&[s(Equal, "Res."), s(Delete, "3"), s(Insert, "2")], 1));
/// ```
pub fn replaces_whole_words(segments: &[Segment], k: usize) -> bool {
    let (Some(del), Some(ins)) = (segments.get(k), segments.get(k + 1)) else {
        return false;
    };
    if del.op != SegmentOp::Delete || ins.op != SegmentOp::Insert {
        return false;
    }
    let touching =
        !del.text.ends_with(char::is_whitespace) && !ins.text.starts_with(char::is_whitespace);
    let before = segments[..k]
        .iter()
        .rev()
        .find(|s| s.op != SegmentOp::Insert)
        .and_then(|s| s.text.chars().last());
    let after = segments[k + 2..]
        .iter()
        .find(|s| s.op != SegmentOp::Delete)
        .and_then(|s| s.text.chars().next());
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    touching && boundary(before) && boundary(after) && before.is_none_or(char::is_whitespace)
}

/// Joins runs into lines no wider than `width` (visible characters),
/// breaking only at spaces; a word longer than the line stands alone. A
/// word may be made of several runs (`Res.3` then an inserted `,`): it is
/// never broken between them.
fn wrap(runs: &[(Look, String)], styles: &Styles, width: Option<usize>) -> String {
    let mut line = Line::default();
    let mut column = 0;
    for (spaces, parts) in words(runs) {
        let len: usize = parts
            .iter()
            .map(|(_, t)| console::measure_text_width(t))
            .sum();
        if column > 0 && width.is_some_and(|w| column + spaces + len > w) {
            line.newline(styles);
            column = 0;
        } else {
            let look = parts.first().map_or(Look::Plain, |(look, _)| *look);
            line.push(look, &" ".repeat(spaces), styles);
            column += spaces;
        }
        for (look, text) in &parts {
            line.push(*look, text, styles);
        }
        column += len;
    }
    line.finish(styles)
}

/// Output being built: finished text and a span of one look not yet
/// styled, so that the words of one deletion are struck through as one,
/// spaces included.
#[derive(Default)]
struct Line {
    out: String,
    span: Option<(Look, String)>,
}

impl Line {
    /// Adds text in a look; spaces join the current span whatever its look.
    fn push(&mut self, look: Look, text: &str, styles: &Styles) {
        match &mut self.span {
            Some((current, span)) if *current == look || text.trim().is_empty() => {
                span.push_str(text)
            }
            _ => {
                self.flush(styles);
                self.span = Some((look, text.to_string()));
            }
        }
    }

    fn newline(&mut self, styles: &Styles) {
        self.flush(styles);
        self.out.push('\n');
    }

    fn flush(&mut self, styles: &Styles) {
        if let Some((look, span)) = self.span.take() {
            let trimmed = span.trim_end_matches(' ');
            self.out.push_str(&styles.apply(look, trimmed));
            self.out.push_str(&span[trimmed.len()..]);
        }
    }

    fn finish(mut self, styles: &Styles) -> String {
        self.flush(styles);
        self.out
    }
}

/// Runs cut into words: each word with the spaces before it and its
/// pieces in their looks.
fn words(runs: &[(Look, String)]) -> Vec<(usize, Vec<(Look, String)>)> {
    let mut out = Vec::new();
    let mut word: Vec<(Look, String)> = Vec::new();
    let (mut spaces, mut before) = (0, 0);
    for (look, text) in runs {
        for (k, piece) in text.split(' ').enumerate() {
            if k > 0 {
                if !word.is_empty() {
                    out.push((before, std::mem::take(&mut word)));
                    spaces = 0;
                }
                spaces += 1;
            }
            if !piece.is_empty() {
                if word.is_empty() {
                    before = spaces;
                }
                word.push((*look, piece.to_string()));
            }
        }
    }
    if !word.is_empty() {
        out.push((before, word));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_keeps_styles_per_word() {
        let styles = Styles::new(false);
        let runs = vec![
            (Look::Plain, "one two three ".to_string()),
            (Look::Del(None), "[-four-]".to_string()),
            (Look::Plain, " five".to_string()),
        ];
        assert_eq!(
            wrap(&runs, &styles, Some(9)),
            "one two\nthree\n[-four-]\nfive"
        );
        assert_eq!(wrap(&runs, &styles, None), "one two three [-four-] five");
    }

    #[test]
    fn a_historys_changes_name_their_round_without_colour() {
        let rounds = Rounds {
            last: 2,
            lang: Lang::En,
        };
        let styles = Styles::with_rounds(false, rounds);
        assert_eq!(styles.mark(Look::Del(Some(1)), "13"), "[round 1-13-]");
        assert_eq!(styles.mark(Look::Ins(Some(2)), "11"), "{round 2+11+}");
        assert_eq!(Styles::new(false).mark(Look::Ins(None), "11"), "{+11+}");
        let coloured = Styles::with_rounds(true, rounds);
        assert_eq!(coloured.mark(Look::Del(Some(1)), "13"), "13");
        assert!(
            coloured
                .apply(Look::Ins(Some(2)), "11")
                .contains("\u{1b}[1m")
        );
        assert!(
            !coloured
                .apply(Look::Ins(Some(1)), "11")
                .contains("\u{1b}[1m")
        );
    }

    #[test]
    fn a_long_word_stands_alone() {
        let styles = Styles::new(false);
        let runs = vec![(Look::Plain, "a ICC-ASP/18/Res.3 b".to_string())];
        assert_eq!(wrap(&runs, &styles, Some(5)), "a\nICC-ASP/18/Res.3\nb");
    }

    #[test]
    fn a_word_of_several_runs_is_never_broken() {
        let styles = Styles::new(false);
        let runs = vec![
            (Look::Plain, "aaaa Res.3".to_string()),
            (Look::Ins(None), "{+,+}".to_string()),
            (Look::Plain, " b".to_string()),
        ];
        assert_eq!(wrap(&runs, &styles, Some(8)), "aaaa\nRes.3{+,+}\nb");
    }
}
