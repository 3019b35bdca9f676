//! The word amendments of one paragraph: the changes of the word diff,
//! widened to whole words and merged across short words, then each worded
//! with as little quoted as identifies it.
//!
//! A change quotes the changed words alone when they occur once in the
//! paragraph, else with the words before them (`after "la Cour", replace
//! "de" with "du"`), else by occurrence (`the second occurrence of`).

use crate::amend::apply::locate;
use crate::amend::wording::read::{closers, collapse};
use crate::amend::wording::{phrase, read};
use crate::amend::{Action, Amendment, Locator, Ref, Side, WordEdit};
use crate::diff::tokenize::{TokenKind, tokenize};
use crate::diff::words::{FootnoteMap, diff_texts};
use crate::lang::Lang;
use crate::redline::{Segment, SegmentOp};

/// A change of a paragraph: old bytes `start..end` become `new`.
#[derive(Debug, Clone)]
pub(super) struct Hunk {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) new: String,
}

/// The changes between two texts, from the word diff.
pub(super) fn hunks(old: &str, new: &str, lang: Lang) -> Vec<Hunk> {
    let segments = diff_texts(old, new, lang, &FootnoteMap::default(), &Default::default());
    hunks_of(&segments)
}

/// The changes a word diff's segments make, in bytes of the old text.
pub(super) fn hunks_of(segments: &[Segment]) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    let mut pos = 0;
    let mut open = false;
    for s in segments {
        let len = s.old_side().len();
        if s.op == SegmentOp::Equal {
            open = false;
            pos += len;
            continue;
        }
        if !open {
            out.push(Hunk {
                start: pos,
                end: pos,
                new: String::new(),
            });
            open = true;
        }
        if let Some(h) = out.last_mut() {
            h.end += len;
            h.new.push_str(s.new_side());
        }
        pos += len;
    }
    out
}

/// Widens each change that starts or ends inside a run of non-space
/// characters to the whole run ("b" in "(b)", "2" in "75/2;"), less the
/// sentence punctuation after it that it does not touch, so that an
/// amendment quotes what a reader takes for a word: replace "(b)" with
/// "(c)", not "b" with "c". Changes that end up in the same run become one.
pub(super) fn whole_chunks(hunks: Vec<Hunk>, old: &str) -> Vec<Hunk> {
    let mut out: Vec<(usize, usize, Vec<Hunk>)> = Vec::new();
    for h in hunks {
        let (start, end) = chunk_of(&h, old);
        match out.last_mut() {
            Some(last) if start < last.1 => {
                last.1 = last.1.max(end);
                last.2.push(h);
            }
            _ => out.push((start, end, vec![h])),
        }
    }
    out.into_iter()
        .map(|(start, end, parts)| {
            let mut new = String::new();
            let mut at = start;
            for p in &parts {
                new.push_str(&old[at..p.start]);
                new.push_str(&p.new);
                at = p.end;
            }
            new.push_str(&old[at..end]);
            Hunk { start, end, new }
        })
        .collect()
}

/// The bytes of `old` a change should quote: its own, widened to the run
/// of non-space characters it starts or ends inside. An insertion is
/// widened only when it stands inside a word and opens with a letter or
/// digit: `, ICC-ASP/19/Res.2` after `ICC-ASP/18/Res.3` stays an insertion.
fn chunk_of(h: &Hunk, old: &str) -> (usize, usize) {
    let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let own = if h.start < h.end {
        &old[h.start..h.end]
    } else {
        let inside = solid(old[..h.start].chars().next_back())
            && solid(old[h.start..].chars().next())
            && h.new.starts_with(char::is_alphanumeric);
        if !inside {
            return (h.start, h.end);
        }
        h.new.as_str()
    };
    let mut start = h.start;
    if solid(old[..start].chars().next_back()) && solid(own.chars().next()) {
        while solid(old[..start].chars().next_back()) {
            start -= old[..start].chars().next_back().map_or(0, char::len_utf8);
        }
    }
    let mut end = h.end;
    if solid(old[end..].chars().next()) && solid(own.chars().next_back()) {
        while solid(old[end..].chars().next()) {
            end += old[end..].chars().next().map_or(0, char::len_utf8);
        }
        while end > h.end && old[..end].ends_with([',', ';', ':', '.', '!', '?']) {
            end -= 1;
        }
    }
    (start, end)
}

/// Merges changes separated by at most one short word (`de`, `la`, `and`)
/// into one phrase.
pub(super) fn merge(hunks: Vec<Hunk>, old: &str) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    for h in hunks {
        if let Some(last) = out.last_mut() {
            let gap = &old[last.end..h.start];
            let words: Vec<&str> = gap
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let short = words.is_empty() || (words.len() == 1 && words[0].chars().count() <= 3);
            if short {
                last.new.push_str(gap);
                last.new.push_str(&h.new);
                last.end = h.end;
                continue;
            }
        }
        out.push(h);
    }
    out
}

/// Whether a paragraph changed throughout: four changes or more, or most
/// of a paragraph of more than a dozen words.
pub(super) fn throughout(hunks: &[Hunk], old: &str, new: &str) -> bool {
    let changed: usize = hunks.iter().map(|h| h.end - h.start + h.new.len()).sum();
    let words = old.split_whitespace().count();
    hunks.len() >= 4 || (changed * 5 > (old.len() + new.len()) * 3 && words > 12)
}

/// Byte ranges of the word-like tokens of a text.
pub(super) fn words(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for t in tokenize(text, lang) {
        let end = pos + t.text.len();
        if matches!(
            t.kind,
            TokenKind::Word | TokenKind::Symbol | TokenKind::Url | TokenKind::FootnoteRef
        ) {
            out.push((pos, end));
        }
        pos = end;
    }
    out
}

/// The `k` words before `pos` (and what stands between them and `pos`),
/// trimmed.
fn words_before(text: &str, ws: &[(usize, usize)], pos: usize, k: usize) -> Option<String> {
    let before: Vec<&(usize, usize)> = ws.iter().filter(|w| w.1 <= pos).collect();
    let first = before.len().checked_sub(k).map(|n| before[n])?;
    let s = text[first.0..pos].trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The `k` words from `pos` on, trimmed.
fn words_after(text: &str, ws: &[(usize, usize)], pos: usize, k: usize) -> Option<String> {
    let after: Vec<&(usize, usize)> = ws.iter().filter(|w| w.0 >= pos).collect();
    let last = after.get(k.checked_sub(1)?)?;
    let s = text[pos..last.1].trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Ways of writing one change, from the least quoted, made as they are
/// tried: the change alone, then widened by one, two, three words on each
/// side. `ws` are the [`words`] of `old`.
pub(super) fn candidates<'a>(
    old: &'a str,
    ws: &'a [(usize, usize)],
    h: &'a Hunk,
) -> impl Iterator<Item = WordEdit> + 'a {
    (0..=3).flat_map(move |k| match k {
        0 => alone(old, ws, h),
        k => widened(old, ws, h, k),
    })
}

/// Ways of writing one change quoting only the changed words (and an
/// anchor for an insertion).
fn alone(old: &str, ws: &[(usize, usize)], h: &Hunk) -> Vec<WordEdit> {
    let deleted = old[h.start..h.end].trim();
    let inserted = h.new.trim();
    let mut out = Vec::new();
    match (deleted.is_empty(), inserted.is_empty()) {
        (true, false) => insertions(old, ws, h, inserted, &mut out),
        (false, true) => {
            for at in locators(old, ws, h.start, deleted) {
                out.push(WordEdit::Delete {
                    old: deleted.to_string(),
                    at,
                });
            }
        }
        (false, false) => {
            for at in locators(old, ws, h.start, deleted) {
                out.push(WordEdit::Replace {
                    old: deleted.to_string(),
                    new: inserted.to_string(),
                    at,
                });
            }
        }
        (true, true) => {}
    }
    out
}

fn insertions(old: &str, ws: &[(usize, usize)], h: &Hunk, new: &str, out: &mut Vec<WordEdit>) {
    let mut push = |side, anchor: Option<String>, nth| {
        if let Some(anchor) = anchor {
            out.push(WordEdit::Insert {
                new: new.to_string(),
                side,
                anchor,
                nth,
            });
        }
    };
    for k in 1..=3 {
        push(Side::After, words_before(old, ws, h.start, k), None);
    }
    if let Some(a) = words_before(old, ws, h.start, 1) {
        let n = occurrence(old, &a, h.start, true);
        push(Side::After, Some(a), n);
    }
    for k in 1..=3 {
        push(Side::Before, words_after(old, ws, h.end, k), None);
    }
    if let Some(a) = words_after(old, ws, h.end, 1) {
        let n = occurrence(old, &a, h.end, false);
        push(Side::Before, Some(a), n);
    }
}

/// Which occurrence of `needle` ends at or before `pos` (or starts at or
/// after it), 1-based.
fn occurrence(text: &str, needle: &str, pos: usize, ending: bool) -> Option<usize> {
    let all = locate::find_all(text, needle);
    let k = if ending {
        all.iter().rposition(|r| r.end <= pos)?
    } else {
        all.iter().position(|r| r.start >= pos)?
    };
    Some(k + 1)
}

/// Locators for the words `quoted` standing at (or just after) `start`.
fn locators(old: &str, ws: &[(usize, usize)], start: usize, quoted: &str) -> Vec<Locator> {
    let all = locate::find_all(old, quoted);
    let Some(k) = all.iter().position(|r| r.start >= start) else {
        return Vec::new();
    };
    let at = all[k].start;
    let mut out = Vec::new();
    if all.len() == 1 {
        out.push(Locator::Only);
    }
    for n in 1..=3 {
        if let Some(a) = words_before(old, ws, at, n) {
            out.push(Locator::After(a));
        }
    }
    out.push(Locator::Nth(k + 1));
    out
}

/// The change widened by `k` words on each side, as a replacement.
fn widened(old: &str, ws: &[(usize, usize)], h: &Hunk, k: usize) -> Vec<WordEdit> {
    let before: Vec<&(usize, usize)> = ws.iter().filter(|w| w.1 <= h.start).collect();
    let after: Vec<&(usize, usize)> = ws.iter().filter(|w| w.0 >= h.end).collect();
    let start = before.len().checked_sub(k).map_or(0, |n| before[n].0);
    let end = after.get(k - 1).map_or(old.len(), |w| w.1);
    // Whole words: "76/173", not "76" of it.
    let whole = Hunk {
        start,
        end,
        new: String::new(),
    };
    let (start, end) = chunk_of(&whole, old);
    let wide_old = old[start..end].trim();
    let wide_new = format!("{}{}{}", &old[start..h.start], h.new, &old[h.end..end]);
    let wide_new = wide_new.trim();
    if wide_old.is_empty() {
        return Vec::new();
    }
    let lead = old[start..end].len() - old[start..end].trim_start().len();
    let wide = Hunk {
        start: start + lead,
        end: start + lead + wide_old.len(),
        new: wide_new.to_string(),
    };
    let mut out = Vec::new();
    for at in locators(old, ws, wide.start, wide_old) {
        if wide_new.is_empty() {
            out.push(WordEdit::Delete {
                old: wide_old.to_string(),
                at,
            });
        } else {
            out.push(WordEdit::Replace {
                old: wide_old.to_string(),
                new: wide_new.to_string(),
                at,
            });
        }
    }
    out
}

/// The text after all the edits of one paragraph, if they apply together.
pub(super) fn together(old: &str, edits: &[WordEdit]) -> Option<String> {
    let mut splices: Vec<locate::Splice> = Vec::new();
    for e in edits {
        let s = locate::splice(old, e).ok()?;
        if splices.iter().any(|t| locate::overlap(t, &s)) {
            return None;
        }
        splices.push(s);
    }
    Some(locate::apply_splices(old, &splices))
}

/// Whether an action's wording in `lang` reads back as the same action.
///
/// A word change whose quotations are plain ([`plain_quotes`]) reads back
/// by construction, so only the others are written and read to make
/// sure; `wording::tests` and the round-trip tests hold the rule.
pub(super) fn reads_back(action: &Action, lang: Lang) -> bool {
    plain_quotes(action, lang) || {
        let a = Amendment::new(action.clone());
        phrase(&a, lang)
            .and_then(|text| read(&text).ok())
            .is_some_and(|b| b == *action)
    }
}

/// Whether a word change reads back as written without trying: its unit
/// is named by a phrase (not a label), its occurrence has an ordinal in
/// `lang`, and every quotation is non-empty, without a mark that could
/// close it, without spaces to trim or runs of spaces that reading makes
/// one. Each quotation then ends at its own closing mark, and the
/// sentence's literal words between them leave one way to read it.
pub(super) fn plain_quotes(action: &Action, lang: Lang) -> bool {
    let Action::Words { target, edit } = action else {
        return false;
    };
    let style = lang.amendments();
    let plain = |t: &str| plain_quote(t, lang);
    let nth = |n: usize| (1..=style.occurrence_ordinals.words().len()).contains(&n);
    let at_ok = |at: &Locator| match at {
        Locator::Only => true,
        Locator::Nth(n) => nth(*n),
        Locator::After(anchor) => plain(anchor),
    };
    let quotes_ok = match edit {
        WordEdit::Replace { old, new, at } => plain(old) && plain(new) && at_ok(at),
        WordEdit::Delete { old, at } => plain(old) && at_ok(at),
        WordEdit::Insert {
            new,
            anchor,
            nth: n,
            ..
        } => plain(new) && plain(anchor) && n.is_none_or(nth),
    };
    !matches!(
        target,
        Ref::Label(_) | Ref::HeadingText(_) | Ref::Text(_) | Ref::NthText(..)
    ) && quotes_ok
}

/// Whether a text quoted in `lang` reads back as itself: non-empty,
/// without a mark that could close its quotation, without spaces to trim
/// or runs of spaces that reading makes one.
pub(super) fn plain_quote(t: &str, lang: Lang) -> bool {
    let open = lang.amendments().quotes.0.chars().next().unwrap_or('"');
    !t.is_empty()
        && !t.contains(closers(open))
        && collapse(t) == t
        && !t.contains(['\t', '\n', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(old: &str, hunks: Vec<Hunk>) -> Vec<(String, String)> {
        whole_chunks(hunks, old)
            .into_iter()
            .map(|h| (old[h.start..h.end].to_string(), h.new))
            .collect()
    }

    fn hunk(start: usize, end: usize, new: &str) -> Hunk {
        Hunk {
            start,
            end,
            new: new.into(),
        }
    }

    #[test]
    fn a_widened_change_never_cuts_a_symbol() {
        let old = "resolutions 74/157 of 18 December 2019 and 76/173 of 16 December 2021";
        let at = old.find("and").unwrap();
        let h = hunk(at, at + 3, "and also");
        let ws = words(old, Lang::En);
        let quoted: Vec<String> = widened(old, &ws, &h, 1)
            .into_iter()
            .map(|e| match e {
                WordEdit::Replace { old, .. } => old,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(quoted[0], "2019 and 76/173");
    }

    #[test]
    fn changes_inside_a_word_quote_the_whole_word() {
        let old = "in subparagraph (b) of resolution 75/2; and ICC-ASP/18/Res.3.";
        // "b" → "c"; "2" → "3"; "18" → "19" and "3" → "4" in one symbol.
        let hunks = vec![
            hunk(17, 18, "c"),
            hunk(37, 38, "3"),
            hunk(52, 54, "19"),
            hunk(59, 60, "4"),
        ];
        assert_eq!(
            quoted(old, hunks),
            [
                ("(b)".to_string(), "(c)".to_string()),
                ("75/2".to_string(), "75/3".to_string()),
                (
                    "ICC-ASP/18/Res.3".to_string(),
                    "ICC-ASP/19/Res.4".to_string()
                ),
            ]
        );
        // A word inserted between words, or a symbol after another, stays
        // an insertion; a digit inserted inside a number does not.
        assert_eq!(
            quoted("and diversification", vec![hunk(4, 4, "further ")]),
            [(String::new(), "further ".to_string())]
        );
        assert_eq!(
            quoted("Res.3, and", vec![hunk(5, 5, ", Res.4")]),
            [(String::new(), ", Res.4".to_string())]
        );
        assert_eq!(
            quoted("para 12; and", vec![hunk(6, 6, "3")]),
            [("12".to_string(), "132".to_string())]
        );
    }

    #[test]
    fn merges_changes_around_a_short_word() {
        let old = "a b de c d";
        let hs = merge(
            vec![
                Hunk {
                    start: 2,
                    end: 3,
                    new: "x".into(),
                },
                Hunk {
                    start: 7,
                    end: 8,
                    new: "y".into(),
                },
            ],
            old,
        );
        assert_eq!(hs.len(), 1);
        assert_eq!(
            (hs[0].start, hs[0].end, hs[0].new.as_str()),
            (2, 8, "x de y")
        );
    }

    #[test]
    fn anchors_a_repeated_word() {
        let old = "la Cour de la Cour";
        let h = Hunk {
            start: 11,
            end: 13,
            new: "une".into(),
        };
        let ws = words(old, Lang::Fr);
        let c: Vec<WordEdit> = candidates(old, &ws, &h).collect();
        assert_eq!(
            c[0],
            WordEdit::Replace {
                old: "la".into(),
                new: "une".into(),
                at: Locator::After("de".into())
            }
        );
    }

    /// The shortcut of [`reads_back`]: every word change it passes as
    /// plain does read back as written, in every language, whatever the
    /// quoted words hold besides quotation marks (apostrophes, brackets,
    /// slashes, non-breaking spaces, words of the templates).
    #[test]
    fn plain_quotations_read_back_as_written() {
        let texts = [
            "l’Assemblée",
            "d'un",
            "(b)",
            "ICC-ASP/19/Res.2",
            "with",
            "par",
            "replace \"x\" with",
            "« a »",
            "20\u{a0}%",
            "première occurrence",
            "after",
        ];
        let refs = [
            Ref::Operative("9bis".into()),
            Ref::Preambular(4),
            Ref::OperativeSubSub("7".into(), "c".into(), "iv".into()),
            Ref::AnnexParagraph(String::new(), "12".into()),
        ];
        let mut plain = 0;
        for lang in Lang::ALL {
            for target in &refs {
                for (a, b) in texts.iter().zip(texts.iter().rev()) {
                    plain += plain_edits_read_back(target, a, b, lang);
                }
            }
        }
        assert!(plain > 200, "{plain}");
    }

    /// How many of three word changes quoting `a` and `b` are plain; each
    /// of those reads back as written.
    fn plain_edits_read_back(target: &Ref, a: &str, b: &str, lang: Lang) -> usize {
        let (a, b) = (a.to_string(), b.to_string());
        let edits = [
            WordEdit::Replace {
                old: a.clone(),
                new: b.clone(),
                at: Locator::After(b.clone()),
            },
            WordEdit::Delete {
                old: a.clone(),
                at: Locator::Nth(2),
            },
            WordEdit::Insert {
                new: a,
                side: Side::Before,
                anchor: b,
                nth: Some(3),
            },
        ];
        let mut plain = 0;
        for edit in edits {
            let action = Action::Words {
                target: target.clone(),
                edit,
            };
            if plain_quotes(&action, lang) {
                plain += 1;
                let text = phrase(&Amendment::new(action.clone()), lang).unwrap();
                assert_eq!(read(&text).ok().as_ref(), Some(&action), "{lang}: {text}");
            }
        }
        plain
    }
}
