//! [`HomeWriter`]: the new draft's own runs of a paragraph written piece
//! by piece, as the unit's text is consumed: the text before the unit (a
//! typed number), the unit's characters mapped to their places in the
//! paragraph ([`align`](super::locate::align)), and whatever follows, each
//! run with its own properties (and its old ones where only its look
//! changed).

use super::super::source::{Atom, SourcePara};
use super::locate::align;
use super::markup::text_runs;

/// Writes the new draft's own runs of a paragraph, piece by piece.
pub(super) struct HomeWriter {
    pub(super) src: SourcePara,
    /// Each atom's first character in the paragraph's text, and its length.
    pub(super) places: Vec<(usize, usize)>,
    /// For each character of the unit's text (and one past its end), its
    /// place in the paragraph's text.
    pub(super) map: Vec<usize>,
    /// How much of the unit's text is written.
    pub(super) done: usize,
    /// Where the paragraph's text is written up to.
    pub(super) at: usize,
    pub(super) len: usize,
    /// For each character of the paragraph, its old run properties where
    /// only its look changed.
    pub(super) changes: Vec<Option<String>>,
    /// The run properties of each character of the old unit, if known.
    pub(super) old_looks: Option<Vec<Option<String>>>,
    /// How much of the old unit's text is written.
    pub(super) old_done: usize,
    /// The old paragraph properties (their content) when Word's numbering
    /// was added to the paragraph: written as `w:pPrChange`.
    pub(super) old_ppr: Option<String>,
}

impl HomeWriter {
    pub(super) fn new(src: &SourcePara, unit: &str) -> HomeWriter {
        let text = src.text();
        let chars: Vec<char> = text.chars().collect();
        let unit: Vec<char> = unit.chars().collect();
        let mut places = Vec::new();
        let mut at = 0;
        for a in &src.atoms {
            let n = a.text().chars().count();
            places.push((at, n));
            at += n;
        }
        HomeWriter {
            src: src.clone(),
            places,
            map: align(&unit, &chars),
            done: 0,
            at: 0,
            len: chars.len(),
            changes: Vec::new(),
            old_looks: None,
            old_done: 0,
            old_ppr: None,
        }
    }

    /// The old run properties of the next `n` characters of the old text.
    pub(super) fn old_looks(&mut self, n: usize) -> Option<Vec<Option<String>>> {
        let looks = self.old_looks.as_ref()?;
        let part = looks.get(self.old_done..self.old_done + n)?.to_vec();
        self.old_done += n;
        Some(part)
    }

    /// The run properties at a place of the paragraph's text.
    pub(super) fn rpr_at(&self, at: usize) -> &str {
        let found = self
            .places
            .iter()
            .zip(&self.src.atoms)
            .find_map(|(&(s, n), a)| match a {
                Atom::Text { rpr, .. } if at >= s && at < s + n => Some(rpr.as_str()),
                _ => None,
            });
        found.unwrap_or_else(|| self.src.body_rpr())
    }

    /// The run properties where deleted text goes: those of the text before.
    pub(super) fn rpr_here(&self) -> &str {
        self.rpr_at(self.at.saturating_sub(1))
    }

    /// The text before the unit (a typed number, spaces), as it is.
    pub(super) fn emit_prefix(&mut self, out: &mut String) {
        let end = self.map[0];
        self.range(self.at, end, false, out);
        self.at = end;
    }

    /// The text before the unit left out (a typed number written as
    /// pieces instead), its objects kept.
    pub(super) fn skip_prefix(&mut self, out: &mut String) {
        let end = self.map[0];
        self.range(self.at, end, true, out);
        self.at = end;
    }

    /// The next `n` characters of the unit's text.
    pub(super) fn emit(&mut self, n: usize, out: &mut String) {
        let done = (self.done + n).min(self.map.len() - 1);
        let end = self.map[done].max(self.at);
        self.range(self.at, end, false, out);
        self.at = end;
        self.done = done;
    }

    /// Whatever follows the unit's text.
    pub(super) fn emit_rest(&mut self, out: &mut String) {
        self.range(self.at, self.len + 1, false, out);
        self.at = self.len;
    }

    /// The atoms of the paragraph between two places; with `objects_only`,
    /// text is left out.
    pub(super) fn range(&self, from: usize, to: usize, objects_only: bool, out: &mut String) {
        for (&(s, n), atom) in self.places.iter().zip(&self.src.atoms) {
            let inside = if n == 0 {
                s >= from && s < to
            } else {
                s < to && s + n > from
            };
            if !inside {
                continue;
            }
            match atom {
                Atom::Text { rpr, text } if !objects_only => {
                    let a = from.saturating_sub(s);
                    let b = (to - s).min(n);
                    self.text_with_changes(text, rpr, s, a, b, out);
                }
                Atom::Object { raw, .. }
                    if n == 0 || (s >= from && s + n <= to && !objects_only) =>
                {
                    out.push_str(raw);
                }
                Atom::Object { .. } if s >= from && s + n <= to => {}
                Atom::Object { text, .. } if !objects_only => {
                    let a = from.saturating_sub(s);
                    let b = (to - s).min(n);
                    let part: String = text.chars().skip(a).take(b - a).collect();
                    text_runs(&part, self.src.body_rpr(), false, out);
                }
                _ => {}
            }
        }
    }

    /// Characters `a..b` of a text atom starting at `s`, runs cut where
    /// the look changed, each such run with its old properties in
    /// `w:rPrChange`.
    pub(super) fn text_with_changes(
        &self,
        text: &str,
        rpr: &str,
        s: usize,
        a: usize,
        b: usize,
        out: &mut String,
    ) {
        let chars: Vec<char> = text.chars().collect();
        let change = |k: usize| self.changes.get(s + k).cloned().flatten();
        let mut start = a;
        while start < b {
            let here = change(start);
            let mut end = start + 1;
            while end < b && change(end) == here {
                end += 1;
            }
            let part: String = chars[start..end].iter().collect();
            match &here {
                Some(old) => text_runs(&part, &with_change(rpr, old), false, out),
                None => text_runs(&part, rpr, false, out),
            }
            start = end;
        }
    }
}
/// Stands for the id, author and date of a formatting revision until the
/// paragraph is written.
pub(super) const FORMAT_ID: &str = "\u{1}revision\u{1}";

/// Run properties with a `w:rPrChange` holding the old ones.
pub(super) fn with_change(rpr: &str, old: &str) -> String {
    let inner = |r: &str| -> String {
        if r.starts_with("<w:rPr>") && r.ends_with("</w:rPr>") {
            r["<w:rPr>".len()..r.len() - "</w:rPr>".len()].to_string()
        } else {
            String::new()
        }
    };
    let change = format!(
        "<w:rPrChange {FORMAT_ID}><w:rPr>{}</w:rPr></w:rPrChange>",
        inner(old)
    );
    format!("<w:rPr>{}{change}</w:rPr>", inner(rpr))
}
