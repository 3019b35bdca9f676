//! Reading an amendment: every pattern of every language whose literal
//! words the sentence holds ([`super::templates`]) is matched, words
//! case-insensitively with flexible spacing, each possible end of a
//! quotation tried until the rest of the sentence matches, so that quoted
//! text may itself hold quotation marks.

use super::slot::{Form, Read, Slot, Values};
use super::templates::{Pattern, Piece, plausible};
use crate::amend::{Action, Locator, Place, Ref, Side, WordEdit};
use crate::lang::amendments::{AmendmentStyle, NewUnit, Sentence};
use crate::model::marker::LATIN_SUFFIXES;

/// Why a sentence could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// No template matches it.
    NoMatch,
    /// It matches, but names something impossible (paragraph 0).
    Invalid(String),
}

/// Reads one amendment, in any language.
pub fn read(text: &str) -> Result<Action, Unread> {
    if text.len() > MAX_AMENDMENT {
        return Err(Unread::Invalid(format!(
            "an amendment of more than {MAX_AMENDMENT} bytes (a quotation left open?)"
        )));
    }
    let mut invalid = None;
    for p in plausible(text) {
        let style = p.lang.amendments();
        let Some(values) = match_pieces(style, &p.pieces, text, 0, Values::default()) else {
            continue;
        };
        match compose(p, values) {
            Ok(action) => return Ok(action),
            Err(e) => invalid = invalid.or(Some(e)),
        }
    }
    Err(invalid.map_or(Unread::NoMatch, Unread::Invalid))
}

/// The longest amendment read (a paragraph replaced whole fits many times
/// over); beyond it, reading would grow too costly.
pub const MAX_AMENDMENT: usize = 1 << 20;

fn match_pieces(
    style: &AmendmentStyle,
    pieces: &[Piece],
    input: &str,
    pos: usize,
    values: Values,
) -> Option<Values> {
    let Some((first, rest)) = pieces.split_first() else {
        return at_end(input, pos).then_some(values);
    };
    match first {
        Piece::Lit(l) => {
            let pos = match_lit(l, input, pos)?;
            match_pieces(style, rest, input, pos, values)
        }
        // A quotation's text is taken once the rest of the sentence
        // matches: trying each closing mark of a long quotation must not
        // copy the text each time (a 57 KB paragraph inserted whole).
        Piece::Slot(s) if s.form == Form::Quote => quote_ends(input, skip_ws(input, pos))
            .into_iter()
            .find_map(|(text, end)| {
                let mut v = match_pieces(style, rest, input, end, values.clone())?;
                v.set(*s, Read::Text(collapse(&input[text])));
                Some(v)
            }),
        Piece::Slot(s) => candidates(style, *s, input, pos, &values)
            .into_iter()
            .find_map(|(end, v)| match_pieces(style, rest, input, end, v)),
    }
}

fn skip_ws(input: &str, mut pos: usize) -> usize {
    while let Some(c) = input[pos..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

fn at_end(input: &str, pos: usize) -> bool {
    let pos = skip_ws(input, pos);
    let pos = if input[pos..].starts_with('.') {
        skip_ws(input, pos + 1)
    } else {
        pos
    };
    pos == input.len()
}

/// Matches literal words: case-insensitive, any spacing, either apostrophe.
fn match_lit(lit: &str, input: &str, mut pos: usize) -> Option<usize> {
    for c in lit.chars() {
        if c.is_whitespace() {
            pos = skip_ws(input, pos);
            continue;
        }
        if !c.is_alphanumeric() {
            pos = skip_ws(input, pos);
        }
        let d = input[pos..].chars().next()?;
        if !same_char(c, d) {
            return None;
        }
        pos += d.len_utf8();
    }
    Some(pos)
}

fn same_char(a: char, b: char) -> bool {
    let apostrophe = |c| matches!(c, '\'' | '’' | 'ʼ');
    a == b || (apostrophe(a) && apostrophe(b)) || a.to_lowercase().eq(b.to_lowercase())
}

/// Whether a word ends at `pos`.
fn word_ends(input: &str, pos: usize) -> bool {
    input[pos..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

type Candidate = (usize, Values);

/// The ways the slot's value may be read at `pos`, each with the values
/// so far and it.
fn candidates(
    style: &AmendmentStyle,
    slot: Slot,
    input: &str,
    pos: usize,
    v: &Values,
) -> Vec<Candidate> {
    let pos = skip_ws(input, pos);
    scan(style, slot.form, input, pos)
        .into_iter()
        .map(|(end, read)| {
            let mut v = v.clone();
            v.set(slot, read);
            (end, v)
        })
        .collect()
}

/// The ways a value of a form may be read at `pos`: where each ends and
/// what it reads.
fn scan(style: &AmendmentStyle, form: Form, input: &str, pos: usize) -> Vec<(usize, Read)> {
    let text = |end: usize| (end, Read::Text(input[pos..end].to_string()));
    let ordinal = |(end, n)| (end, Read::Ordinal(n));
    match form {
        Form::Number => number(input, pos)
            .into_iter()
            .map(|(end, n)| (end, Read::Text(n)))
            .collect(),
        Form::Digits => digits(input, pos)
            .and_then(|(end, d)| Some((end, Read::Text(d.parse::<u32>().ok()?.to_string()))))
            .into_iter()
            .collect(),
        Form::PreambularOrdinal => ordinals(style.preambular_ordinals.words(), input, pos)
            .into_iter()
            .map(ordinal)
            .collect(),
        Form::OccurrenceOrdinal => ordinals(style.occurrence_ordinals.words(), input, pos)
            .into_iter()
            .map(ordinal)
            .collect(),
        Form::Run(chars, max) => run(input, pos, |c| chars.admits(c), max)
            .into_iter()
            .map(text)
            .collect(),
        Form::Label => labels(input, pos).into_iter().map(text).collect(),
        Form::Kind => kinds(style, input, pos)
            .into_iter()
            .map(|(end, k)| (end, Read::Kinds(k)))
            .collect(),
        Form::Quote => quotes(input, pos)
            .into_iter()
            .map(|(end, t)| (end, Read::Text(t)))
            .collect(),
    }
}

fn digits(input: &str, pos: usize) -> Option<(usize, &str)> {
    let len = input[pos..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .take(6)
        .count();
    (len > 0 && word_ends(input, pos + len)).then(|| (pos + len, &input[pos..pos + len]))
}

/// An operative number: `12`, `9 bis`, `9bis`; canonical `9bis`.
fn number(input: &str, pos: usize) -> Vec<(usize, String)> {
    let len = input[pos..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .take(6)
        .count();
    if len == 0 {
        return Vec::new();
    }
    let base = input[pos..pos + len].trim_start_matches('0');
    let base = if base.is_empty() { "0" } else { base };
    let mut out = Vec::new();
    let after = pos + len;
    let spaced = skip_ws(input, after);
    for start in [after, spaced] {
        for suffix in LATIN_SUFFIXES {
            if input[start..].starts_with(suffix) && word_ends(input, start + suffix.len()) {
                out.push((start + suffix.len(), format!("{base}{suffix}")));
            }
        }
    }
    if word_ends(input, after) {
        out.push((after, base.to_string()));
    }
    out
}

fn ordinals(list: &[String], input: &str, pos: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = list
        .iter()
        .enumerate()
        .filter_map(|(k, word)| {
            let end = match_lit(word, input, pos)?;
            word_ends(input, end).then_some((end, k + 1))
        })
        .collect();
    out.sort_by_key(|&(end, _)| std::cmp::Reverse(end));
    out
}

/// Ends of a run of characters, longest first.
fn run(input: &str, pos: usize, ok: impl Fn(char) -> bool, max: usize) -> Vec<usize> {
    let len: usize = input[pos..]
        .chars()
        .take_while(|&c| ok(c))
        .take(max)
        .map(char::len_utf8)
        .sum();
    if len == 0 || !word_ends(input, pos + len) {
        return Vec::new();
    }
    vec![pos + len]
}

/// The longest unit label read (labels are short: `ANNEX-II/B/OP12(b)(ii)`).
const MAX_LABEL: usize = 80;

/// Ends of a unit label (`ANNEX-II/OP3`, `OP12(b)`, `OP1.1`, `H2#2`),
/// longest first.
fn labels(input: &str, pos: usize) -> Vec<usize> {
    // Any label the parser makes (`FN%`, from a footnote `[^%]`): every
    // end is tried, so a label runs up to the first space.
    let ok = |c: char| !c.is_whitespace();
    let len = input[pos..]
        .chars()
        .take_while(|&c| ok(c))
        .take(MAX_LABEL + 1)
        .count();
    if len > MAX_LABEL {
        return Vec::new();
    }
    // A label never ends with its full stop: that is the sentence's.
    let rest = &input[pos..];
    (1..=len)
        .rev()
        .filter(|&l| !rest[..l].ends_with('.'))
        .map(|l| pos + l)
        .collect()
}

fn kinds(style: &AmendmentStyle, input: &str, pos: usize) -> Vec<(usize, Vec<NewUnit>)> {
    let mut out: Vec<(usize, Vec<NewUnit>)> = Vec::new();
    for (kind, phrase) in style.new_units {
        let Some(end) = match_lit(phrase, input, pos) else {
            continue;
        };
        match out.iter_mut().find(|(e, _)| *e == end) {
            Some((_, ks)) => ks.push(*kind),
            None => out.push((end, vec![*kind])),
        }
    }
    out.sort_by_key(|(end, _)| std::cmp::Reverse(*end));
    out
}

/// Closing marks that may end a quotation opened by `open`.
pub(crate) fn closers(open: char) -> &'static [char] {
    match open {
        '"' => &['"', '”'],
        '“' => &['”', '"'],
        '«' => &['»'],
        '‘' => &['’', '\''],
        '\'' => &['\'', '’'],
        _ => &[],
    }
}

/// Every way a quotation opening at `pos` may end, shortest first, with
/// its text trimmed and its line breaks and space runs made one space.
pub(crate) fn quotes(input: &str, pos: usize) -> Vec<(usize, String)> {
    quote_ends(input, pos)
        .into_iter()
        .map(|(text, end)| (end, collapse(&input[text])))
        .collect()
}

/// Every way a quotation opening at `pos` may end, shortest first: the
/// bytes of its text and the end of the closing mark. A quotation of
/// spaces only is none (`""` is an empty one). One pass, whatever the
/// number of closing marks.
fn quote_ends(input: &str, pos: usize) -> Vec<(std::ops::Range<usize>, usize)> {
    let Some(open) = input[pos..].chars().next() else {
        return Vec::new();
    };
    let close = closers(open);
    let start = pos + open.len_utf8();
    let mut out = Vec::new();
    let mut blank = true;
    for (k, c) in input[start..].char_indices() {
        if close.contains(&c) && (!blank || k == 0) {
            out.push((start..start + k, start + k + c.len_utf8()));
        }
        blank = blank && c.is_whitespace();
    }
    out
}

/// Trims (spaces of any kind) and makes runs of ordinary spaces and line
/// breaks one space; non-breaking spaces inside are kept.
pub(crate) fn collapse(text: &str) -> String {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace());
    let mut out = String::with_capacity(trimmed.len());
    let mut in_run = false;
    for c in trimmed.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !in_run {
                out.push(' ');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}

fn compose(p: &Pattern, v: Values) -> Result<Action, String> {
    let r0 = p.refs[0].map(|k| v.get_ref(0, k)).transpose()?;
    let r1 = p.refs[1].map(|k| v.get_ref(1, k)).transpose()?;
    let paragraph = |r: Option<Ref>| r.ok_or_else(|| "missing paragraph".to_string());
    if let Some(edit) = word_edit(p.sentence, &v)? {
        return Ok(Action::Words {
            target: paragraph(r0)?,
            edit,
        });
    }
    let text = || unit_text(&v.new);
    Ok(match p.sentence {
        Sentence::ReplaceUnit => Action::ReplaceUnit {
            target: paragraph(r0)?,
            text: text()?,
        },
        Sentence::InsertUnitAfter | Sentence::InsertUnitBefore | Sentence::InsertNumberedAfter => {
            insert_unit(p.sentence, paragraph(r0)?, &v, text()?)?
        }
        Sentence::DeleteUnit => Action::DeleteUnit {
            target: paragraph(r0)?,
        },
        Sentence::MoveAfter | Sentence::MoveBefore => Action::MoveUnit {
            target: paragraph(r0)?,
            place: if p.sentence == Sentence::MoveAfter {
                Place::After(paragraph(r1)?)
            } else {
                Place::Before(paragraph(r1)?)
            },
        },
        _ => Action::InsertFootnote {
            id: v
                .new_fn
                .clone()
                .ok_or_else(|| "missing footnote number".to_string())?,
            text: text()?,
        },
    })
}

/// The words a word edit quotes: never nothing.
fn quoted(t: &Option<String>) -> Result<String, String> {
    match t {
        Some(t) if t.is_empty() => Err("an empty quotation changes no words".to_string()),
        Some(t) => Ok(t.clone()),
        None => Err("missing quotation".to_string()),
    }
}

/// The text of a paragraph or footnote inserted or replaced whole, which
/// may be empty (a placeholder "3.").
fn unit_text(t: &Option<String>) -> Result<String, String> {
    t.clone().ok_or_else(|| "missing quotation".to_string())
}

/// The change of words a sentence reads as, if it is one.
fn word_edit(sentence: Sentence, v: &Values) -> Result<Option<WordEdit>, String> {
    let occ = || v.occ.ok_or_else(|| "missing occurrence".to_string());
    let after = || quoted(&v.anchor).map(Locator::After);
    let replace = |at| -> Result<WordEdit, String> {
        Ok(WordEdit::Replace {
            old: quoted(&v.old)?,
            new: quoted(&v.new)?,
            at,
        })
    };
    let delete = |at| -> Result<WordEdit, String> {
        Ok(WordEdit::Delete {
            old: quoted(&v.old)?,
            at,
        })
    };
    let insert = |side, nth| -> Result<WordEdit, String> {
        Ok(WordEdit::Insert {
            new: quoted(&v.new)?,
            side,
            anchor: quoted(&v.anchor)?,
            nth,
        })
    };
    Ok(Some(match sentence {
        Sentence::Replace => replace(Locator::Only)?,
        Sentence::ReplaceNth => replace(Locator::Nth(occ()?))?,
        Sentence::ReplaceAfter => replace(after()?)?,
        Sentence::Delete => delete(Locator::Only)?,
        Sentence::DeleteNth => delete(Locator::Nth(occ()?))?,
        Sentence::DeleteAfter => delete(after()?)?,
        Sentence::InsertAfter => insert(Side::After, None)?,
        Sentence::InsertAfterNth => insert(Side::After, Some(occ()?))?,
        Sentence::InsertBefore => insert(Side::Before, None)?,
        Sentence::InsertBeforeNth => insert(Side::Before, Some(occ()?))?,
        _ => return Ok(None),
    }))
}

fn insert_unit(sentence: Sentence, r: Ref, v: &Values, text: String) -> Result<Action, String> {
    Ok(match sentence {
        Sentence::InsertNumberedAfter => Action::InsertUnit {
            place: Place::After(r),
            kinds: vec![NewUnit::Operative],
            text,
            number: Some(v.new_num.clone().filter(|n| n != "0").ok_or_else(|| {
                "paragraph 0 does not exist (paragraphs are numbered from 1)".to_string()
            })?),
        },
        _ => Action::InsertUnit {
            place: if sentence == Sentence::InsertUnitAfter {
                Place::After(r)
            } else {
                Place::Before(r)
            },
            kinds: v.kinds.clone(),
            text,
            number: None,
        },
    })
}
