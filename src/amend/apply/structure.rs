//! Insertions, moves, new footnotes and deletions, made on the draft's
//! items in the order of the list: "after paragraph 15" means after
//! paragraph 15, its subparagraphs and what earlier amendments put after
//! it, so that two paragraphs inserted after 15 come in the order of the
//! list; a unit moves with its subparagraphs and what was put after it.

use super::Work;
use super::items::{Item, block_end, descends, strip_new_marker};
use crate::amend::wording::{describe, display};
use crate::amend::{Action, Amendment, Place, Ref};
use crate::lang::amendments::NewUnit;
use crate::model::{UnitKind, marker};

impl Work<'_> {
    /// Insertions, moves and new footnotes, in the order of the list.
    pub(super) fn structure(&mut self, a: &Amendment) {
        let result = match &a.action {
            Action::InsertUnit {
                place,
                kinds,
                text,
                number,
            } => self.insert(place, kinds, text, number.as_deref()),
            Action::MoveUnit { target, place } => self.move_unit(target, place),
            Action::InsertFootnote { id, text } => self.footnote(id, text),
            _ => Ok(()),
        };
        if let Err(reason) = result {
            self.fail(a.line, reason);
        }
    }

    pub(super) fn pos(&self, id: usize) -> Option<usize> {
        self.items.iter().position(|it| it.id == id)
    }

    /// Where a unit goes: its index in `items` and the unit it follows.
    fn place(&self, place: &Place) -> Result<(usize, Option<usize>), String> {
        let (r, after) = match place {
            Place::After(r) => (r, true),
            Place::Before(r) => (r, false),
        };
        let id = self.resolve(r)?;
        let pos = self
            .pos(id)
            .ok_or_else(|| format!("{} is not in the draft", describe(r)))?;
        // In a draft of footnotes only, "before footnote 1" is the one
        // place a new unit can be given: the text, ahead of the notes.
        let body = (self.draft.units.iter()).any(|u| u.kind != UnitKind::Footnote);
        if self.items[pos].kind == UnitKind::Footnote && (after || body) {
            return Err("footnotes follow their references and cannot be an anchor".into());
        }
        Ok(if after {
            (block_end(&self.items, pos), Some(id))
        } else {
            (pos, None)
        })
    }

    fn insert(
        &mut self,
        place: &Place,
        kinds: &[NewUnit],
        text: &str,
        number: Option<&str>,
    ) -> Result<(), String> {
        let (at, anchor) = self.place(place)?;
        let prev = at.checked_sub(1).map(|p| self.items[p].clone());
        let next = self.items.get(at).filter(|_| anchor.is_none()).cloned();
        let beside = self.settled_beside(at, anchor);
        let kind = self.new_kind(kinds, text, beside);
        let depth = match kind {
            UnitKind::Subparagraph => self.new_depth(at, anchor, (&prev, &next), text),
            _ => 0,
        };
        let like = prev.or(next);
        let numbered = kind == UnitKind::Paragraph && kinds.contains(&NewUnit::NumberedParagraph);
        let (marker, text) = self.new_marker(kind, numbered, text, number, at);
        let item = Item {
            id: self.draft.units.len() + self.items.len(),
            old: None,
            kind,
            marker,
            text,
            parent: None,
            part: like.and_then(|l| l.part),
            attached: anchor,
            depth,
            deleted: false,
            numbered,
        };
        self.items.insert(at, item);
        self.items[at].parent = self.parent_at(at);
        Ok(())
    }

    /// The marker and text of a new unit. A subparagraph quoted with its
    /// letter keeps the letter's style (`a)`, `(a)`) until it is lettered
    /// again on renumbering; so does a numbered paragraph quoted with a
    /// letter (« a) En ce qui concerne … »: lettered items of an annex);
    /// an operative paragraph inserted with its own number (`9 bis`) has
    /// it.
    fn new_marker(
        &self,
        kind: UnitKind,
        numbered: bool,
        text: &str,
        number: Option<&str>,
        at: usize,
    ) -> (Option<String>, String) {
        let letter = marker::subparagraph(text)
            .filter(|m| !m.rest.is_empty())
            .filter(|m| kind == UnitKind::Subparagraph || marker::letter_value(m.id).is_some());
        match kind {
            UnitKind::Subparagraph => (
                letter.map(|m| m.literal.to_string()),
                strip_new_marker(kind, text),
            ),
            UnitKind::Paragraph if numbered && letter.is_some() => letter
                .map_or((None, text.to_string()), |m| {
                    (Some(m.literal.to_string()), m.rest.to_string())
                }),
            _ => (
                number
                    .filter(|_| kind == UnitKind::Operative)
                    .map(|n| self.operative_marker(at, n)),
                strip_new_marker(kind, text),
            ),
        }
    }

    /// The level of a new subparagraph placed at `at`: "After (b), insert
    /// a new subparagraph" puts it at (b)'s level (after (b)'s own
    /// subparagraphs); else at its neighbours' level, the next one's first;
    /// a letter quoted with its text may then move it a level
    /// (`quoted_depth`).
    fn new_depth(
        &self,
        at: usize,
        anchor: Option<usize>,
        (prev, next): (&Option<Item>, &Option<Item>),
        text: &str,
    ) -> usize {
        let sub_depth = |it: &Option<Item>| {
            it.as_ref()
                .filter(|i| i.kind == UnitKind::Subparagraph)
                .map(|i| i.depth)
        };
        let after_sub = anchor
            .and_then(|a| self.items.iter().find(|it| it.id == a))
            .filter(|it| it.kind == UnitKind::Subparagraph)
            .map(|it| it.depth);
        // The unit before it as the list leaves the draft: not one the
        // list deletes or has yet to move ("after operative paragraph 1"
        // past subparagraphs that go is at paragraph 1's first level).
        let with = self.travelling_with(anchor);
        let prev = match prev {
            Some(p) if !self.stays(p, with) => self.items[..at]
                .iter()
                .rev()
                .find(|it| self.stays(it, with))
                .cloned(),
            _ => prev.clone(),
        };
        let placed = after_sub
            .or(sub_depth(next))
            .or(sub_depth(&prev))
            .unwrap_or(1);
        self.quoted_depth(at, placed, text, with)
    }

    /// The unit the list moves later whose block a new unit placed after
    /// `anchor` stands in, and travels with: its units are in place for
    /// the new one ("after 1 (a) (a), insert « a) … »", then "move 1 (a)
    /// after paragraph 2": the new `a)` nests under the `(a) (a)` it
    /// follows; fuzz property test, session 23).
    fn travelling_with(&self, anchor: Option<usize>) -> Option<usize> {
        let it = self.items.iter().find(|it| Some(it.id) == anchor)?;
        let pending = |o: usize| self.pending.get(o) == Some(&true);
        let mut root = it.old.filter(|&o| pending(o))?;
        while let Some(p) = self.draft.units[root].parent.filter(|&p| pending(p)) {
            root = p;
        }
        Some(root)
    }

    /// The draft's unit a new one placed at `at` reads by: "before X" by
    /// X; "after X" by X or the last of X's own subparagraphs. Never a unit
    /// an earlier amendment inserted or moved there, whose kind the
    /// wording of this one could not have known (several new "alinéas"
    /// after a new paragraph).
    fn settled_beside(&self, at: usize, anchor: Option<usize>) -> Option<&Item> {
        let Some(x) = anchor else {
            return self
                .items
                .get(at)
                .or_else(|| self.items.get(at.checked_sub(1)?));
        };
        let from = self.pos(x)?;
        let mut own = vec![x];
        let mut last = from;
        for (k, it) in self.items.iter().enumerate().take(at).skip(from + 1) {
            if it.old.is_some()
                && it.attached.is_none()
                && it.parent.is_some_and(|p| own.contains(&p))
            {
                own.push(it.id);
                last = k;
            }
        }
        self.items.get(last)
    }

    /// The level of a new subparagraph that its place puts at `placed`,
    /// read from a letter quoted with its text as the parser reads it
    /// (`model::parse`, `place`), against the draft as the list leaves it
    /// ([`Work::stays`]): a letter goes on the deepest open list of
    /// letters whose next letter it is (`b)` after a nested `a)`, `(c)`
    /// after `(b)`); `a` that goes on none opens a list a level below the
    /// subparagraph before it (`a)` after `a)`); another letter goes at
    /// the first level when placed deeper ("before (a) (i)", « (b) … »).
    /// A numeral (« (i) The availability … ») at the first level is a
    /// level deeper unless it is the letter due there (`(i)` after `(h)`)
    /// or follows no subparagraph (« 1. … / (ii) … » reads as the first
    /// level).
    fn quoted_depth(&self, at: usize, placed: usize, text: &str, with: Option<usize>) -> usize {
        let Some(id) = marker::subparagraph(text)
            .filter(|m| !m.rest.is_empty())
            .map(|m| m.id)
        else {
            return placed;
        };
        let numeral = id.bytes().all(|b| b"ivx".contains(&b));
        let letter = marker::letter_value(id);
        let due = |depth| u32::try_from(self.due(at, depth, with)).ok();
        if let (false, Some(l)) = (numeral, letter) {
            let deepest = self.last_depth(at, with).unwrap_or(0);
            let open = (1..=deepest)
                .rev()
                .find(|&d| (d == 1 || self.lettered_run(at, d, with)) && due(d) == Some(l));
            return match open {
                Some(d) => d,
                None if l == 1 && deepest > 0 => deepest + 1,
                None if placed >= 2 => 1,
                None => placed,
            };
        }
        // A numeral that follows no subparagraph is the first level's, as
        // the parser reads « 1. … / (ii) … ».
        let Some(deepest) = self.last_depth(at, with).filter(|_| numeral) else {
            return placed;
        };
        // `(i)` after numerals it does not continue opens a list below
        // them, as the parser reads `(ii)` then `(i)` (fuzz:
        // numeral-level-no-structure-75985543).
        if id == "i" && self.roman_run(at, deepest, with) && due(deepest) != Some(1) {
            return deepest + 1;
        }
        if placed != 1 {
            return placed;
        }
        match letter == due(placed) {
            true => placed,
            false => placed + 1,
        }
    }

    /// Whether an item stands in the draft as the list leaves it: not a
    /// unit the list deletes, nor one it moves and has not moved yet
    /// (« a) » quoted before `b)` where the list deletes `a)` is the
    /// letter due).
    /// One the list moves is in place for a new unit that travels `with`
    /// the block it stands in ([`Work::travelling_with`]).
    fn stays(&self, it: &Item, with: Option<usize>) -> bool {
        let flagged = |v: &Vec<bool>| it.old.is_some_and(|o| v.get(o) == Some(&true));
        let travels = || {
            let (Some(o), Some(root)) = (it.old, with) else {
                return false;
            };
            o == root || descends(self.draft, o, root)
        };
        !it.deleted && !flagged(&self.doomed) && (!flagged(&self.pending) || travels())
    }

    /// The level of the subparagraph right before `at` that stays
    /// (unnumbered paragraphs passed over), if it follows one.
    fn last_depth(&self, at: usize, with: Option<usize>) -> Option<usize> {
        let unnumbered = |it: &&Item| it.kind == UnitKind::Paragraph && !it.numbered;
        let last = self.items[..at]
            .iter()
            .rev()
            .filter(|it| self.stays(it, with))
            .find(|it| !unnumbered(it))?;
        (last.kind == UnitKind::Subparagraph).then_some(last.depth)
    }

    /// The place (from 1) a subparagraph standing at `at` at `depth`
    /// would take among the subparagraphs of that depth before it: those
    /// of its run, deeper ones and unnumbered paragraphs (« in particular
    /// : ») among them aside, as the parser counts them.
    fn due(&self, at: usize, depth: usize, with: Option<usize>) -> usize {
        1 + self.run_before(at, depth, with).count()
    }

    /// The subparagraphs at `depth` of the run a subparagraph standing at
    /// `at` would join, last first: those that stay ([`Work::stays`]).
    fn run_before(
        &self,
        at: usize,
        depth: usize,
        with: Option<usize>,
    ) -> impl Iterator<Item = &Item> {
        let unnumbered = |it: &Item| it.kind == UnitKind::Paragraph && !it.numbered;
        self.items[..at]
            .iter()
            .rev()
            .filter(move |it| self.stays(it, with))
            .take_while(move |it| {
                (it.kind == UnitKind::Subparagraph && it.depth >= depth) || unnumbered(it)
            })
            .filter(move |it| it.kind == UnitKind::Subparagraph && it.depth == depth)
    }

    /// Whether the run at `depth` a subparagraph standing at `at` would
    /// join counts in roman numerals: its first is marked `i` (a `(i)`
    /// after `(h)` is a letter; those after it may be unmarked, numbered on
    /// renumbering). A lone `(i)` is such a run: the parser nests a `(i)`
    /// after it too (fuzz: numeral-one-twice-b55e2b5e).
    fn roman_run(&self, at: usize, depth: usize, with: Option<usize>) -> bool {
        let Some(first) = self.run_before(at, depth, with).last() else {
            return false;
        };
        let id = first
            .marker
            .as_deref()
            .and_then(|m| marker::subparagraph(&format!("{m} x")).map(|s| s.id == "i"));
        id == Some(true)
    }

    /// Whether the run at `depth` a subparagraph standing at `at` would
    /// join counts in letters: its first is marked `a`.
    fn lettered_run(&self, at: usize, depth: usize, with: Option<usize>) -> bool {
        let first = self.run_before(at, depth, with).last();
        let id = first
            .and_then(|it| it.marker.as_deref())
            .and_then(|m| marker::subparagraph(&format!("{m} x")).map(|s| s.id == "a"));
        id == Some(true)
    }

    /// The kind of a new unit the wording names (one of `kinds`) beside
    /// unit `beside`. Where the wording names several ("le nouvel alinéa
    /// suivant": preambular paragraph or subparagraph), a quoted text
    /// opening with a subparagraph's letter (« b) En ce qui concerne … »)
    /// states a subparagraph, as delegations write it.
    fn new_kind(&self, kinds: &[NewUnit], text: &str, beside: Option<&Item>) -> UnitKind {
        let lettered = marker::subparagraph(text).is_some_and(|m| !m.rest.is_empty());
        if kinds.len() > 1 && kinds.contains(&NewUnit::Subparagraph) && lettered {
            return UnitKind::Subparagraph;
        }
        let kind = choose_kind(kinds, beside);
        let generic = kinds.contains(&NewUnit::Operative) && kinds.contains(&NewUnit::Preambular);
        if generic && kind == UnitKind::Preambular && reads_operative(text, self.draft.lang) {
            // "After preambular paragraph 12, insert a new paragraph reading:
            // "Decides …;"": the text says which.
            return UnitKind::Operative;
        }
        kind
    }

    /// The marker of a new operative paragraph numbered `n` at `at`,
    /// written like the operative paragraphs' (`1.` or `1)`), not like a
    /// subparagraph that happens to precede it.
    fn operative_marker(&self, at: usize, n: &str) -> String {
        let operative_style = self.items[..at]
            .iter()
            .rev()
            .chain(self.items[at..].iter())
            .find(|it| it.kind == UnitKind::Operative)
            .and_then(|it| it.marker.clone());
        let style = operative_style.as_deref().filter(|m| m.ends_with(')'));
        format!("{}{}", display(n), if style.is_some() { ")" } else { "." })
    }

    fn move_unit(&mut self, target: &Ref, place: &Place) -> Result<(), String> {
        let id = self.resolve(target)?;
        let from = self.pos(id).ok_or("the paragraph is gone")?;
        if self.items[from].kind == UnitKind::Footnote {
            return Err("footnotes follow their references and cannot be moved".into());
        }
        let end = block_end(&self.items, from);
        let anchor = match place {
            Place::After(r) | Place::Before(r) => self.resolve(r)?,
        };
        if self.items[from..end].iter().any(|it| it.id == anchor) {
            return Err(format!(
                "cannot move {} next to itself or its own subparagraphs",
                describe(target)
            ));
        }
        let block: Vec<Item> = self.items.drain(from..end).collect();
        self.moved(&block);
        match self.place(place) {
            Ok((at, anchor)) => {
                self.items.splice(at..at, block);
                self.items[at].attached = anchor;
                self.items[at].parent = self.parent_at(at);
                Ok(())
            }
            Err(e) => {
                self.items.splice(from..from, block);
                Err(e)
            }
        }
    }

    /// A block moved: its units are in place but those with a move of
    /// their own still to come, and the units they carry (a subparagraph
    /// moved with its paragraph, then on its own: fuzz, session 23).
    fn moved(&mut self, block: &[Item]) {
        if let Some(left) =
            (block.first().and_then(|it| it.old)).and_then(|o| self.moves_left.get_mut(o))
        {
            *left = left.saturating_sub(1);
        }
        // In the block's order, each unit after what holds it.
        let mut carrying = std::collections::HashSet::new();
        for it in block {
            let own = it
                .old
                .is_some_and(|o| self.moves_left.get(o).is_some_and(|&n| n > 0));
            let held = it
                .parent
                .or(it.attached)
                .is_some_and(|h| carrying.contains(&h));
            if own || held {
                carrying.insert(it.id);
            }
            if let Some(p) = it.old.and_then(|o| self.pending.get_mut(o)) {
                *p = own || held;
            }
        }
    }

    /// The paragraph a subparagraph standing at `at` belongs to: that of
    /// a subparagraph of its level beside it (the draft may hold an
    /// unnumbered paragraph between a paragraph and its subparagraphs:
    /// deleting that one must not take the new subparagraph with it), else
    /// the nearest unit before it that is not a subparagraph (as a reader,
    /// and the parser, see it).
    fn parent_at(&self, at: usize) -> Option<usize> {
        let it = &self.items[at];
        if it.kind != UnitKind::Subparagraph {
            return None;
        }
        let sibling = [at + 1, at.wrapping_sub(1)]
            .iter()
            .filter_map(|&k| self.items.get(k))
            .find(|s| {
                s.kind == UnitKind::Subparagraph && s.depth == it.depth && s.parent.is_some()
            });
        if let Some(s) = sibling {
            return s.parent;
        }
        // As the parser does, an unnumbered paragraph between a paragraph
        // and its subparagraphs ("1. Requests the Secretary-General:" /
        // "in particular:" / "(a) …") leaves them the paragraph's; one
        // standing after no paragraph is taken as theirs.
        let mut before = self.items[..at]
            .iter()
            .rev()
            .filter(|it| it.kind != UnitKind::Subparagraph);
        let nearest = before.clone().next().map(|it| it.id);
        let unnumbered = |it: &&Item| it.kind == UnitKind::Paragraph && !it.numbered;
        match before.find(|it| !unnumbered(it)) {
            Some(p)
                if matches!(p.kind, UnitKind::Operative | UnitKind::Preambular) || p.numbered =>
            {
                Some(p.id)
            }
            _ => nearest,
        }
    }

    fn footnote(&mut self, id: &str, text: &str) -> Result<(), String> {
        let taken = self.items.iter().any(|it| {
            !it.deleted
                && it.kind == UnitKind::Footnote
                && it.marker.as_deref() == Some(&format!("[^{id}]:"))
        });
        if taken {
            return Err(format!("footnote {id} already exists"));
        }
        self.items.push(Item {
            id: self.draft.units.len() + self.items.len(),
            old: None,
            kind: UnitKind::Footnote,
            marker: Some(format!("[^{id}]:")),
            text: text.to_string(),
            part: None,
            parent: None,
            attached: None,
            depth: 0,
            deleted: false,
            numbered: false,
        });
        Ok(())
    }

    pub(super) fn delete(&mut self, line: usize, target: &Ref) {
        let Some(pos) = self.resolve(target).ok().and_then(|id| self.pos(id)) else {
            return self.fail(line, format!("{} is not in the draft", describe(target)));
        };
        let mut gone = vec![self.items[pos].id];
        self.items[pos].deleted = true;
        for it in self.items[pos + 1..].iter_mut() {
            if !it.parent.is_some_and(|p| gone.contains(&p)) {
                break;
            }
            it.deleted = true;
            gone.push(it.id);
        }
        self.deleted_by
            .extend(gone.into_iter().map(|id| (id, line)));
    }

    /// New and moved units belong to the annex they stand in (a new annex
    /// heading opens one), and so do the draft's units that a new or moved
    /// annex heading now stands before, up to the draft's next annex heading,
    /// those whose own annex heading was moved after them, and those whose
    /// own annex heading the list deletes (they join the part before).
    pub(super) fn assign_parts(&mut self) {
        let words = crate::lang::annex_words();
        let mut part: Option<String> = None;
        let mut new_annex = false;
        let headings: Vec<(usize, Option<String>)> = (self.items.iter().enumerate())
            .filter(|(_, it)| it.kind == UnitKind::Annex && !it.deleted)
            .map(|(k, it)| (k, it.part.clone()))
            .collect();
        for (k, it) in self.items.iter_mut().enumerate() {
            if it.kind == UnitKind::Footnote {
                continue;
            }
            let before_own = it.part.is_some()
                && it.kind != UnitKind::Annex
                && headings.iter().any(|(_, p)| *p == it.part)
                && !headings.iter().any(|(h, p)| *h < k && *p == it.part);
            // A unit whose annex heading the list deletes stands in the
            // part before it now (fuzz: annex-sections-joined-16226def).
            let orphan = it.part.is_some()
                && it.kind != UnitKind::Annex
                && !headings.iter().any(|(_, p)| *p == it.part);
            let placed = it.old.is_none() || it.attached.is_some() || before_own || orphan;
            if it.kind == UnitKind::Annex && !it.deleted {
                new_annex = it.old.is_none() || it.attached.is_some();
            }
            if placed || (new_annex && it.kind != UnitKind::Annex) {
                it.part = match it.kind {
                    UnitKind::Annex => marker::annex(&it.text, words).or(part.clone()),
                    _ => part.clone(),
                };
            }
            let gone_annex = it.kind == UnitKind::Annex && it.deleted;
            if (it.kind == UnitKind::Annex || !placed) && !gone_annex {
                part = it.part.clone();
            }
        }
    }
}

/// The kind of a new unit: the one the wording names, or, when it names
/// several (French "alinéa", "a new paragraph"), the one the unit beside
/// it suggests: a subparagraph after an operative paragraph or a
/// subparagraph, a preambular paragraph after a preambular paragraph or
/// the chapeau, a numbered paragraph beside a numbered paragraph.
fn choose_kind(kinds: &[NewUnit], prev: Option<&Item>) -> UnitKind {
    if kinds.contains(&NewUnit::NumberedParagraph) && prev.is_some_and(|p| p.numbered) {
        return UnitKind::Paragraph;
    }
    let of = |k: NewUnit| match k {
        NewUnit::Operative => UnitKind::Operative,
        NewUnit::Preambular => UnitKind::Preambular,
        NewUnit::Subparagraph => UnitKind::Subparagraph,
        NewUnit::Heading => UnitKind::Heading,
        NewUnit::Paragraph => UnitKind::Paragraph,
        NewUnit::NumberedParagraph => UnitKind::Paragraph,
        NewUnit::Title => UnitKind::Title,
        NewUnit::Chapeau => UnitKind::Chapeau,
        NewUnit::Annex => UnitKind::Annex,
    };
    let candidates: Vec<UnitKind> = kinds
        .iter()
        .filter(|k| **k != NewUnit::NumberedParagraph || kinds.len() == 1)
        .map(|&k| of(k))
        .collect();
    let suggested = match prev.map(|p| p.kind) {
        Some(UnitKind::Operative | UnitKind::Subparagraph) => Some(UnitKind::Subparagraph),
        Some(UnitKind::Preambular | UnitKind::Chapeau) => Some(UnitKind::Preambular),
        other => other,
    };
    match suggested.filter(|k| candidates.contains(k)) {
        Some(k) if candidates.len() > 1 => k,
        _ => candidates.first().copied().unwrap_or(UnitKind::Operative),
    }
}

/// Whether a new paragraph's text reads like an operative one: it opens
/// with an operative verb or ends like one (`;`, `.`).
fn reads_operative(text: &str, lang: crate::lang::Lang) -> bool {
    let text = text.trim();
    lang.table().opens_operative(text) || text.ends_with([';', '.'])
}
