//! The word diff of one matched pair of texts.

use super::anchor;
use super::cleanup::{self, Run};
use super::reuse::{self, Shared};
use super::texthash::TextMap;
use super::tokenize::{Token, TokenKind, tokenize_into};
use super::{Granularity, Options};
use crate::align::hash::FxHashMap;
use crate::lang::{Lang, Language};
use crate::redline::{Segment, SegmentOp};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::{HashMap, HashSet};

/// How footnote references compare: old footnote 9 is new footnote 11.
#[derive(Debug, Default, Clone)]
pub struct FootnoteMap {
    /// Old number → new number, for matched footnotes.
    pub old_to_new: HashMap<String, String>,
    /// New numbers that are the counterpart of an old footnote.
    pub matched_new: HashSet<String>,
    /// Numbers of the footnotes defined in the old version.
    pub old_defined: HashSet<String>,
    /// Numbers of the footnotes defined in the new version.
    pub new_defined: HashSet<String>,
}

/// The key a token is compared by: all whitespace compares equal, a
/// footnote reference compares by the identity of its footnote, and other
/// tokens by their text up to typographic variants.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key<'a> {
    Space,
    Footnote(&'a str),
    OldOnlyFootnote(&'a str),
    NewOnlyFootnote(&'a str),
    /// A token's text with typographic variants folded
    /// ([`super::tokenize::comparison_key`]).
    Text(std::borrow::Cow<'a, str>),
}

impl FootnoteMap {
    fn old_key<'a>(&'a self, id: &'a str) -> Key<'a> {
        match self.old_to_new.get(id) {
            Some(n) => Key::Footnote(n),
            None if !self.old_defined.contains(id) => Key::Footnote(id),
            None => Key::OldOnlyFootnote(id),
        }
    }

    fn new_key<'a>(&self, id: &'a str) -> Key<'a> {
        if self.matched_new.contains(id) || !self.new_defined.contains(id) {
            Key::Footnote(id)
        } else {
            Key::NewOnlyFootnote(id)
        }
    }
}

/// Token keys as small numbers: equal keys get the same number, and the
/// diff compares numbers (hashed and compared once per distinct token, not
/// at every step of the diff). A token's text is folded, and looked up in
/// the language's stopwords, once per [`Differ`], however often it occurs.
struct Ids<'a> {
    /// Key → number.
    by_key: FxHashMap<Key<'a>, u32>,
    /// Token text → number, and whether the text is a stopword, for the
    /// texts already seen.
    by_text: TextMap<&'a str, (u32, bool)>,
    /// The number of [`Key::Space`], once met: half of all tokens are
    /// spaces, which need no look-up.
    space: Option<u32>,
    table: &'static Language,
}

impl<'a> Ids<'a> {
    fn new(table: &'static Language) -> Self {
        Ids {
            by_key: FxHashMap::default(),
            by_text: TextMap::default(),
            space: None,
            table,
        }
    }

    fn of(&mut self, key: Key<'a>) -> u32 {
        let next = self.by_key.len() as u32;
        *self.by_key.entry(key).or_insert(next)
    }

    fn of_text(&mut self, text: &'a str) -> (u32, bool) {
        if let Some(&known) = self.by_text.get(text) {
            return known;
        }
        let id = self.of(Key::Text(super::tokenize::comparison_key(text)));
        let known = (id, anchor::is_stopword(text, self.table));
        self.by_text.insert(text, known);
        known
    }

    fn space(&mut self) -> u32 {
        match self.space {
            Some(id) => id,
            None => {
                let id = self.of(Key::Space);
                self.space = Some(id);
                id
            }
        }
    }

    /// The keys of the tokens, and the indices of the content tokens (as
    /// [`anchor::content`] finds them), written into `side`. The tokens
    /// that `shared` says are copies of `other`'s take their key and
    /// whether they are content from it, but for footnote references,
    /// whose keys differ between the versions.
    fn keys(
        &mut self,
        side: &mut Side<'a>,
        (other, shared): (&Side<'a>, Shared),
        key_of: impl Fn(&'a str) -> Key<'a>,
    ) {
        let Side {
            tokens,
            keys,
            content,
            is_content,
        } = side;
        keys.clear();
        content.clear();
        is_content.clear();
        for (i, t) in tokens.iter().enumerate() {
            let (key, is) = match shared.old_of(i) {
                Some(j) if t.kind != TokenKind::FootnoteRef => (other.keys[j], other.is_content[j]),
                _ => self.key(t, &key_of),
            };
            keys.push(key);
            is_content.push(is);
            if is {
                content.push(i);
            }
        }
    }

    /// A token's key, and whether it is a content token.
    fn key(&mut self, t: &Token<'a>, key_of: impl Fn(&'a str) -> Key<'a>) -> (u32, bool) {
        match t.kind {
            TokenKind::Space => (self.space(), false),
            TokenKind::FootnoteRef => (self.of(key_of(footnote_id(t.text))), true),
            kind => {
                let (id, stopword) = self.of_text(t.text);
                let is_content = match kind {
                    TokenKind::Symbol | TokenKind::Url => true,
                    TokenKind::Word => !stopword,
                    _ => false,
                };
                (id, is_content)
            }
        }
    }
}

/// One side of a pair being diffed: its tokens, their keys and the indices
/// of its content tokens. A [`Differ`] keeps one for each side and reuses
/// them from pair to pair.
#[derive(Default)]
struct Side<'a> {
    tokens: Vec<Token<'a>>,
    keys: Vec<u32>,
    content: Vec<usize>,
    /// Whether each token is a content token.
    is_content: Vec<bool>,
}

impl<'a> Side<'a> {
    fn tokenize(&mut self, text: &'a str, lang: Lang) {
        self.tokens.clear();
        tokenize_into(text, lang, &mut self.tokens);
    }

    /// Cuts `text` into tokens, reusing those of `other` (cut from
    /// `other_text`) where the two texts share their ends ([`reuse`]).
    fn tokenize_like(
        &mut self,
        text: &'a str,
        (other_text, other): (&'a str, &Self),
        lang: Lang,
    ) -> Shared {
        self.tokens.clear();
        reuse::tokenize_like(
            (other_text, &other.tokens),
            text,
            lang.table(),
            &mut self.tokens,
        )
    }
}

fn footnote_id(reference: &str) -> &str {
    reference.trim_start_matches("[^").trim_end_matches(']')
}

/// Diffs two texts word by word into redline segments.
///
/// Equal texts give one `equal` segment without tokenising.
pub fn diff_texts(
    old: &str,
    new: &str,
    lang: Lang,
    map: &FootnoteMap,
    options: &Options,
) -> Vec<Segment> {
    Differ::new(lang, map, options).diff(old, new)
}

/// The word diff of many pairs of texts of the same two drafts: the token
/// keys are numbered once for all the pairs a differ sees, so a word that
/// occurs in many paragraphs is hashed into the table and folded once, not
/// once per paragraph. The segments are those of [`diff_texts`] on each
/// pair: only equality of keys decides the diff, never their numbers.
pub struct Differ<'a> {
    lang: Lang,
    map: &'a FootnoteMap,
    options: &'a Options,
    ids: Ids<'a>,
    old: Side<'a>,
    new: Side<'a>,
    scratch: anchor::Scratch,
}

impl<'a> Differ<'a> {
    /// A differ for texts in `lang`, footnotes compared through `map`.
    pub fn new(lang: Lang, map: &'a FootnoteMap, options: &'a Options) -> Self {
        Differ {
            lang,
            map,
            options,
            ids: Ids::new(lang.table()),
            old: Side::default(),
            new: Side::default(),
            scratch: anchor::Scratch::default(),
        }
    }

    /// The segments of one pair (see [`diff_texts`]).
    pub fn diff(&mut self, old: &'a str, new: &'a str) -> Vec<Segment> {
        if old == new {
            return whole(SegmentOp::Equal, new);
        }
        let map = self.map;
        if same_but_footnote_numbers(old, new, map) {
            return vec![Segment {
                old_text: Some(old.to_string()),
                ..Segment::new(SegmentOp::Equal, new)
            }];
        }
        self.old.tokenize(old, self.lang);
        let shared = self.new.tokenize_like(new, (old, &self.old), self.lang);
        self.ids
            .keys(&mut self.old, (&self.new, Shared::default()), |id| {
                map.old_key(id)
            });
        self.ids
            .keys(&mut self.new, (&self.old, shared), |id| map.new_key(id));
        let (o, n) = (&self.old, &self.new);
        let runs = self
            .scratch
            .anchored((&o.keys, &o.content), (&n.keys, &n.content));
        let runs = cleanup::absorb_islands(runs, &n.tokens);
        let mut segments = Vec::with_capacity(runs.len() + 1);
        for run in runs {
            emit(
                &mut segments,
                &run,
                (old, &o.tokens),
                (new, &n.tokens),
                self.options,
            );
        }
        coalesce(segments)
    }
}

/// Whether two texts differ only by the numbers of footnote references
/// that point to the same footnote: the common case of a paragraph left
/// alone while footnotes were renumbered, settled without tokenising.
fn same_but_footnote_numbers(old: &str, new: &str, map: &FootnoteMap) -> bool {
    use crate::model::marker::footnote_refs;
    let old_refs: Vec<_> = footnote_refs(old).collect();
    let new_refs: Vec<_> = footnote_refs(new).collect();
    if old_refs.is_empty() || old_refs.len() != new_refs.len() {
        return false;
    }
    let (mut o_last, mut n_last) = (0, 0);
    for ((o_range, o_id), (n_range, n_id)) in old_refs.iter().zip(&new_refs) {
        if old[o_last..o_range.start] != new[n_last..n_range.start]
            || map.old_key(o_id) != map.new_key(n_id)
        {
            return false;
        }
        o_last = o_range.end;
        n_last = n_range.end;
    }
    old[o_last..] == new[n_last..]
}

/// One segment holding all of `text` (none if it is empty).
pub fn whole(op: SegmentOp, text: &str) -> Vec<Segment> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Segment::new(op, text)]
    }
}

/// The text of a run of consecutive tokens of `text`: the tokens are
/// slices of it that follow one another, so their concatenation is the
/// slice from the first one's start to the last one's end, taken without
/// copying token by token.
fn span<'a>(text: &'a str, tokens: &[Token<'_>]) -> &'a str {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return "";
    };
    let offset = |t: &str| t.as_ptr() as usize - text.as_ptr() as usize;
    &text[offset(first.text)..offset(last.text) + last.text.len()]
}

fn emit(
    out: &mut Vec<Segment>,
    run: &Run,
    (old_text, old): (&str, &[Token<'_>]),
    (new_text, new): (&str, &[Token<'_>]),
    options: &Options,
) {
    match run {
        Run::Equal { old: o, new: n } => {
            let (old_part, new_part) = (
                span(old_text, &old[o.clone()]),
                span(new_text, &new[n.clone()]),
            );
            out.push(Segment {
                old_text: (old_part != new_part).then(|| old_part.to_string()),
                ..Segment::new(SegmentOp::Equal, new_part)
            });
        }
        Run::Change { old: o, new: n } => {
            let (old_part, new_part) = (&old[o.clone()], &new[n.clone()]);
            let (old_span, new_span) = (span(old_text, old_part), span(new_text, new_part));
            if options.granularity == Granularity::Char && is_one_token_each(old_part, new_part) {
                out.extend(char_diff(old_span, new_span));
                return;
            }
            out.extend(whole(SegmentOp::Delete, old_span));
            out.extend(whole(SegmentOp::Insert, new_span));
        }
    }
}

fn is_one_token_each(old: &[Token<'_>], new: &[Token<'_>]) -> bool {
    old.len() == 1
        && new.len() == 1
        && old[0].kind == new[0].kind
        && old[0].kind != TokenKind::Space
}

/// Character-level segments inside one changed token
/// (`--granularity char`): `Res.[-3-]{+2+}`. A number changes whole
/// (`ICC-ASP/[-18-]{+19+}/Res.3`, `[-36-]{+37+}`, never `3[-6-]{+7+}`):
/// each run of digits is one piece of the diff.
fn char_diff(old: &str, new: &str) -> Vec<Segment> {
    let old_pieces = char_pieces(old);
    let new_pieces = char_pieces(new);
    let ops = capture_diff_slices(Algorithm::Myers, &old_pieces, &new_pieces);
    let kept: usize = ops
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { old_index, len, .. } => old_pieces[old_index..old_index + len]
                .iter()
                .map(|p| p.chars().count())
                .sum(),
            _ => 0,
        })
        .sum();
    // Words that share less than half their letters are replaced whole:
    // `[-seventy-ninth-]{+eightieth+}`, not `[-sev-]e[-n-]{+igh+}t…`.
    if kept * 2 < old.chars().count().max(new.chars().count()) {
        let mut out = whole(SegmentOp::Delete, old);
        out.extend(whole(SegmentOp::Insert, new));
        return out;
    }
    let mut out = Vec::new();
    for run in cleanup::runs(&ops, (0, 0)) {
        let (o, n, equal) = match run {
            Run::Equal { old, new } => (old, new, true),
            Run::Change { old, new } => (old, new, false),
        };
        let old_text: String = old_pieces[o].concat();
        let new_text: String = new_pieces[n].concat();
        if equal {
            out.extend(whole(SegmentOp::Equal, &new_text));
        } else {
            out.extend(whole(SegmentOp::Delete, &old_text));
            out.extend(whole(SegmentOp::Insert, &new_text));
        }
    }
    out
}

/// A token as the pieces of a character diff: each run of digits whole,
/// every other character alone: `Res.36` → `R`, `e`, `s`, `.`, `36`.
fn char_pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        pieces.push(&rest[..len]);
        rest = &rest[len..];
    }
    pieces
}

/// Joins neighbouring segments with the same operation.
pub fn coalesce(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for s in segments
        .into_iter()
        .filter(|s| !s.text.is_empty() || s.old_text.is_some())
    {
        match out.last_mut() {
            Some(last) if last.op == s.op => {
                if last.old_text.is_some() || s.old_text.is_some() {
                    let old = format!("{}{}", last.old_side(), s.old_side());
                    last.old_text = Some(old);
                }
                last.text.push_str(&s.text);
                if last.old_text.as_deref() == Some(last.text.as_str()) {
                    last.old_text = None;
                }
            }
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wdiff(old: &str, new: &str) -> String {
        let segments = diff_texts(
            old,
            new,
            Lang::Fr,
            &FootnoteMap::default(),
            &Options::default(),
        );
        render(&segments)
    }

    fn render(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s.op {
                SegmentOp::Equal => s.text.clone(),
                SegmentOp::Delete => format!("[-{}-]", s.text),
                SegmentOp::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    /// The word diff as it was before session 22: both texts cut whole,
    /// every token keyed, the content tokens anchored by `similar`'s own
    /// patience diff.
    fn reference(old: &str, new: &str, map: &FootnoteMap) -> Vec<Segment> {
        if old == new {
            return whole(SegmentOp::Equal, new);
        }
        if same_but_footnote_numbers(old, new, map) {
            return vec![Segment {
                old_text: Some(old.to_string()),
                ..Segment::new(SegmentOp::Equal, new)
            }];
        }
        let lang = Lang::Fr;
        let mut ids = Ids::new(lang.table());
        let (mut o, mut n) = (Side::default(), Side::default());
        o.tokenize(old, lang);
        n.tokenize(new, lang);
        ids.keys(&mut o, (&n, Shared::default()), |id| map.old_key(id));
        ids.keys(&mut n, (&o, Shared::default()), |id| map.new_key(id));
        let runs = anchor::anchored_by_similar((&o.keys, &o.content), (&n.keys, &n.content));
        let runs = cleanup::absorb_islands(runs, &n.tokens);
        let mut segments = Vec::new();
        for run in runs {
            emit(
                &mut segments,
                &run,
                (old, &o.tokens),
                (new, &n.tokens),
                &Options::default(),
            );
        }
        coalesce(segments)
    }

    const PIECE: &str = "(la|Cour|coopération|de|des|États|et|l’|d’|qu’|elle|ICC-ASP/19/Res.2|2020|\\[\\^1\\]|\\[\\^2\\]|\\[\\^3\\]| |, |; |\\. |\u{a0}; |« | »|\\(|\\))";

    fn footnotes() -> FootnoteMap {
        let mut map = FootnoteMap::default();
        map.old_to_new.insert("1".into(), "2".into());
        map.matched_new.insert("2".into());
        map.old_defined.extend(["1".to_string(), "3".to_string()]);
        map.new_defined.extend(["2".to_string(), "3".to_string()]);
        map
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// One differ for a run of pairs (its numbers and scratch reused)
        /// gives each pair the segments of the reference.
        #[test]
        fn segments_are_those_of_the_reference(
            pairs in proptest::collection::vec((
                proptest::collection::vec(PIECE, 0..30),
                proptest::collection::vec(PIECE, 0..4),
                proptest::collection::vec(PIECE, 0..4),
                proptest::collection::vec(PIECE, 0..30),
            ), 1..5)
        ) {
            let map = footnotes();
            let options = Options::default();
            let texts: Vec<(String, String)> = pairs
                .iter()
                .map(|(head, old_mid, new_mid, tail)| {
                    let (head, tail) = (head.concat(), tail.concat());
                    (format!("{head}{}{tail}", old_mid.concat()), format!("{head}{}{tail}", new_mid.concat()))
                })
                .collect();
            let mut differ = Differ::new(Lang::Fr, &map, &options);
            for (old, new) in &texts {
                proptest::prop_assert_eq!(differ.diff(old, new), reference(old, new, &map), "{:?} -> {:?}", old, new);
            }
        }
    }

    #[test]
    fn a_resolution_added_to_a_list_leaves_the_others_alone() {
        assert_eq!(
            wdiff(
                "Recalling its resolutions 75/1 and 76/2, as well",
                "Recalling its resolutions 75/1, 76/2 and 77/3, as well"
            ),
            "Recalling its resolutions 75/1[- and-]{+,+} 76/2{+ and 77/3+}, as well"
        );
    }

    #[test]
    fn number_change() {
        assert_eq!(
            wdiff("concerne 13 personnes", "concerne 12 personnes"),
            "concerne [-13-]{+12+} personnes"
        );
    }

    #[test]
    fn phrase_rewritten_reads_as_one_change() {
        assert_eq!(
            wdiff(
                "la remise à la Cour d’un suspect en juin",
                "la remise à la Cour de deux suspects en juin"
            ),
            "la remise à la Cour [-d’un suspect-]{+de deux suspects+} en juin"
        );
    }

    #[test]
    fn symbol_changes_as_one_token() {
        assert_eq!(
            wdiff(
                "résolution ICC-ASP/18/Res.3,",
                "résolution ICC-ASP/19/Res.2,"
            ),
            "résolution [-ICC-ASP/18/Res.3-]{+ICC-ASP/19/Res.2+},"
        );
    }

    #[test]
    fn char_granularity_inside_a_token() {
        let options = Options {
            granularity: Granularity::Char,
        };
        let s = diff_texts(
            "ICC-ASP/18/Res.3",
            "ICC-ASP/19/Res.3",
            Lang::Fr,
            &FootnoteMap::default(),
            &options,
        );
        assert_eq!(render(&s), "ICC-ASP/[-18-]{+19+}/Res.3");
    }

    #[test]
    fn char_granularity_never_splits_a_number() {
        let options = Options {
            granularity: Granularity::Char,
        };
        let s = diff_texts(
            "au paragraphe 36 de",
            "au paragraphe 37 de",
            Lang::Fr,
            &FootnoteMap::default(),
            &options,
        );
        assert_eq!(render(&s), "au paragraphe [-36-]{+37+} de");
        let s = diff_texts(
            "ICC-ASP/19/Res.3",
            "ICC-ASP/19/Res.2",
            Lang::Fr,
            &FootnoteMap::default(),
            &options,
        );
        assert_eq!(render(&s), "ICC-ASP/19/Res.[-3-]{+2+}");
    }

    #[test]
    fn char_granularity_replaces_dissimilar_words_whole() {
        let options = Options {
            granularity: Granularity::Char,
        };
        let s = diff_texts(
            "seventy-ninth",
            "eightieth",
            Lang::En,
            &FootnoteMap::default(),
            &options,
        );
        assert_eq!(render(&s), "[-seventy-ninth-]{+eightieth+}");
    }

    #[test]
    fn renumbered_footnote_is_not_a_change() {
        let mut map = FootnoteMap::default();
        map.old_to_new.insert("9".into(), "11".into());
        map.matched_new.insert("11".into());
        map.old_defined.insert("9".into());
        map.new_defined.insert("11".into());
        let s = diff_texts(
            "coopération[^9], qui",
            "coopération[^11], qui",
            Lang::Fr,
            &map,
            &Options::default(),
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].old_side(), "coopération[^9], qui");
        assert_eq!(s[0].new_side(), "coopération[^11], qui");
    }

    #[test]
    fn space_kind_is_not_a_change() {
        let s = diff_texts(
            "Cour ;",
            "Cour\u{a0};",
            Lang::Fr,
            &FootnoteMap::default(),
            &Options::default(),
        );
        assert_eq!((s.len(), s[0].op), (1, SegmentOp::Equal));
        assert_eq!(s[0].old_side(), "Cour ;");
    }
}
