//! A unit written into its own paragraph of the new draft's document: the
//! paragraph's properties and runs kept, inserted words wrapped in `w:ins`,
//! deleted ones written as `w:del` runs with the look of the text they
//! stood in, formatting changes as `w:rPrChange`, numbering or alignment
//! changes as `w:pPrChange`. An unchanged paragraph is copied byte for
//! byte.

use super::super::olddoc;
use super::super::plan::{Para, Piece, Side};
use super::super::source::SourcePara;
use super::Weaver;
use super::locate::align;
use super::markup::{strip, tag_len, with_mark, with_ppr_change};
use super::writer::{FORMAT_ID, HomeWriter};
use crate::redline::{Entry, Op};

impl Weaver<'_> {
    /// The paragraphs of entry `k` in its own paragraph `p`, with the old
    /// paragraphs planned before them.
    pub(super) fn home(&mut self, p: usize, k: usize, planned: &[(Para, bool)], out: &mut String) {
        let e = &self.redline.entries[k];
        let src = self.paras[p].clone();
        let auto = self.auto_numbered(e, &src);
        let homed: Vec<&Para> = planned.iter().filter(|(_, h)| *h).map(|(p, _)| p).collect();
        let note = self.old_number_note(e, auto);
        if homed.is_empty() {
            self.copied(planned, &src, out);
            return;
        }
        let changes = self.format_changes(k, &src);
        let reformatted = changes.iter().any(Option::is_some);
        let numbered = self
            .numbering_added(k, auto)
            .or_else(|| self.paragraph_changed(k, &src));
        if homed.len() == 1
            && note.is_none()
            && !reformatted
            && numbered.is_none()
            && unchanged(homed[0], auto)
        {
            self.copied(planned, &src, out);
            return;
        }
        let mut writer = HomeWriter::new(&src, &e.new_text());
        writer.changes = changes;
        writer.old_ppr = numbered;
        writer.old_looks = match e.old.as_slice() {
            [side] if e.op != Op::Split => self.old.as_ref().and_then(|o| o.looks(side.index)),
            _ => None,
        };
        let count = homed.len();
        let mut seen = 0;
        for (para, home) in planned {
            if !*home {
                self.loose(para, None, out);
                continue;
            }
            seen += 1;
            let mut para = para.clone();
            if para.comment.is_none() {
                para.comment = note.clone();
            }
            self.home_para(&para, &mut writer, (seen == 1, seen == count), auto, out);
        }
    }

    /// A paragraph that shows no change copied byte for byte where its own
    /// planned paragraph stands (after the others when none does), the
    /// old paragraphs planned with it written loose.
    fn copied(&mut self, planned: &[(Para, bool)], src: &SourcePara, out: &mut String) {
        let mut copied = false;
        for (para, home) in planned {
            if *home && !copied {
                out.push_str(&self.xml[src.start..src.end]);
                copied = true;
            } else if !*home {
                self.loose(para, None, out);
            }
        }
        if !copied {
            out.push_str(&self.xml[src.start..src.end]);
        }
    }

    /// "formerly paragraph 16" for an automatically numbered paragraph that
    /// was renumbered, when asked for.
    pub(super) fn old_number_note(&self, e: &Entry, auto: bool) -> Option<String> {
        if !(auto && self.options.show_old_numbers && e.renumbered()) {
            return None;
        }
        let old = e.old.first()?.number.as_deref()?;
        let text = crate::lang::word::formerly(self.redline.new.lang, old);
        Some(super::super::plan::capitalise(&text))
    }

    /// One planned paragraph written into the paragraph of its unit: the
    /// first (`ends.0`) opens with the paragraph's own start tag and
    /// properties and its text before the unit, the last (`ends.1`) ends
    /// with what follows the unit.
    fn home_para(
        &mut self,
        para: &Para,
        writer: &mut HomeWriter,
        ends: (bool, bool),
        auto: bool,
        out: &mut String,
    ) {
        let (first, last) = ends;
        self.open_home(para, writer, first, out);
        let mut body = String::new();
        if first {
            self.home_prefix(para, writer, auto, &mut body);
        }
        for piece in &para.pieces[para.markers..] {
            self.home_piece(piece, para.moved.is_some(), writer, &mut body);
        }
        if last {
            writer.emit_rest(&mut body);
        }
        let body = self.fill_ids(&body);
        self.comment(para, &body, out);
        out.push_str("</w:p>");
    }

    /// The start tag and properties of a paragraph written into its unit's
    /// paragraph: the first one's own (with a `w:pPrChange` when its
    /// numbering or look changed), later ones' without the section.
    fn open_home(&mut self, para: &Para, writer: &HomeWriter, first: bool, out: &mut String) {
        let start = writer.src.start;
        let start_tag = if first {
            &self.xml[start..start + tag_len(&self.xml[start..])]
        } else {
            "<w:p>"
        };
        out.push_str(start_tag);
        let ppr = if first {
            writer.src.ppr.clone()
        } else {
            strip(&writer.src.ppr, "w:sectPr")
        };
        let mark = self.mark(para);
        let mut ppr = with_mark(&ppr, mark.as_deref());
        if let (true, Some(old)) = (first, writer.old_ppr.clone()) {
            let revision = self.revision();
            ppr = with_ppr_change(&ppr, &old, &revision);
        }
        out.push_str(&ppr);
    }

    /// The text before the unit: as it is, or, when a typed number
    /// changed, the number's pieces tracked in its place.
    fn home_prefix(&mut self, para: &Para, writer: &mut HomeWriter, auto: bool, body: &mut String) {
        let markers = &para.pieces[..para.markers];
        let typed_changed = !auto && markers.iter().any(|m| m.side != Side::Both);
        if !typed_changed {
            writer.emit_prefix(body);
            return;
        }
        let rpr = writer.rpr_at(writer.map[0]).to_string();
        for m in markers {
            self.loose_piece(m, &rpr, para.moved.is_some(), body);
        }
        writer.skip_prefix(body);
    }

    /// One piece of the unit's text: the paragraph's own runs (wrapped
    /// when inserted), or deleted text with the old look.
    fn home_piece(
        &mut self,
        piece: &Piece,
        moved: bool,
        writer: &mut HomeWriter,
        body: &mut String,
    ) {
        let n = piece.text.chars().count();
        match piece.side {
            Side::Old => {
                let rpr = writer.rpr_here().to_string();
                let looks = writer.old_looks(n);
                self.styled_piece(piece, looks.as_deref(), &rpr, moved, body);
            }
            side => {
                let mut runs = String::new();
                writer.emit(n, &mut runs);
                if side == Side::Both {
                    writer.old_done += n;
                }
                self.wrap(side, moved, &runs, body);
            }
        }
    }

    /// For each character of a paragraph of the new draft, the old run
    /// properties where its text stayed but its look changed.
    pub(super) fn format_changes(&self, k: usize, src: &SourcePara) -> Vec<Option<String>> {
        let e = &self.redline.entries[k];
        let len = src.text().chars().count();
        let (Some(old), [side], false) = (
            self.old.as_ref(),
            e.old.as_slice(),
            self.options.ignore_formatting,
        ) else {
            return vec![None; len];
        };
        let Some(old_looks) = old
            .looks(side.index)
            .filter(|_| matches!(e.op, Op::Unchanged | Op::Edited))
        else {
            return vec![None; len];
        };
        let unit = e.new_text();
        let new_looks = olddoc::char_looks(src, &unit);
        let chars: Vec<char> = src.text().chars().collect();
        let map = align(&unit.chars().collect::<Vec<_>>(), &chars);
        let text: Vec<char> = unit.chars().collect();
        let mut changes = vec![None; len];
        let (mut o, mut n) = (0, 0);
        for s in &e.segments {
            let (ol, nl) = (s.old_side().chars().count(), s.new_side().chars().count());
            if s.op == crate::redline::SegmentOp::Equal && ol == nl {
                for i in 0..nl {
                    let (Some(Some(a)), Some(Some(b))) =
                        (old_looks.get(o + i), new_looks.get(n + i))
                    else {
                        continue;
                    };
                    let blank = text.get(n + i).is_none_or(|c| c.is_whitespace());
                    if !blank
                        && !olddoc::differences(a, b).is_empty()
                        && let Some(slot) = map.get(n + i).and_then(|&at| changes.get_mut(at))
                    {
                        *slot = Some(a.clone());
                    }
                }
            }
            o += ol;
            n += nl;
        }
        changes
    }

    /// When Word numbers a paragraph that had no number, its former
    /// paragraph properties (their content): the old document's, else the
    /// new ones without their numbering. Rejecting the change takes the
    /// number away again.
    pub(super) fn numbering_added(&self, k: usize, auto: bool) -> Option<String> {
        let e = &self.redline.entries[k];
        let [side] = e.old.as_slice() else {
            return None;
        };
        if !auto || side.marker.is_some() {
            return None;
        }
        let home = self.homes.get(&k)?;
        let ppr = match self.old.as_ref().filter(|o| o.alone(side.index)) {
            Some(old) => old.para(side.index)?.ppr.clone(),
            None => strip(&self.paras[*home].ppr, "w:numPr"),
        };
        let ppr = ["w:rPr", "w:sectPr", "w:pPrChange"]
            .iter()
            .fold(ppr, |p, name| strip(&p, name));
        let inner = ppr
            .strip_prefix("<w:pPr>")
            .and_then(|p| p.strip_suffix("</w:pPr>"))
            .unwrap_or("");
        Some(inner.to_string())
    }

    /// The old paragraph properties (their content) of entry `k`'s
    /// paragraph when its alignment or style changed and its text did not
    /// go elsewhere: written as `w:pPrChange`, off with
    /// `--ignore-formatting`.
    pub(super) fn paragraph_changed(&self, k: usize, src: &SourcePara) -> Option<String> {
        let e = &self.redline.entries[k];
        let (Some(old), [side], false) = (
            self.old.as_ref(),
            e.old.as_slice(),
            self.options.ignore_formatting,
        ) else {
            return None;
        };
        let home = self.homes.get(&k)?;
        if !matches!(e.op, Op::Unchanged | Op::Edited) || self.tenants.get(home) != Some(&1) {
            return None;
        }
        let ppr = old.own_ppr(side.index)?;
        if olddoc::paragraph_differences(ppr, &src.ppr).is_empty() {
            return None;
        }
        let ppr = ["w:rPr", "w:sectPr", "w:pPrChange"]
            .iter()
            .fold(ppr.to_string(), |p, name| strip(&p, name));
        let inner = ppr
            .strip_prefix("<w:pPr>")
            .and_then(|p| p.strip_suffix("</w:pPr>"))
            .unwrap_or("");
        Some(inner.to_string())
    }

    /// Gives each formatting revision written in a paragraph its id.
    pub(super) fn fill_ids(&mut self, body: &str) -> String {
        let mut out = String::with_capacity(body.len());
        let mut rest = body;
        while let Some(at) = rest.find(FORMAT_ID) {
            out.push_str(&rest[..at]);
            let revision = self.revision();
            out.push_str(&revision);
            rest = &rest[at + FORMAT_ID.len()..];
        }
        out.push_str(rest);
        out
    }
}
/// Whether a planned paragraph shows no change (its number aside, when
/// Word numbers it).
pub(super) fn unchanged(para: &Para, auto: bool) -> bool {
    let skip = if auto { para.markers } else { 0 };
    para.mark == Side::Both
        && para.moved.is_none()
        && para.comment.is_none()
        && para.pieces[skip..].iter().all(|p| p.side == Side::Both)
}
