//! Writing an amendment: the first written pattern of its sentence that
//! its values fill ([`super::templates`]).
//!
//! ```
//! use redraft::amend::{phrase, Action, Amendment, Locator, Ref, WordEdit};
//! use redraft::lang::Lang;
//! let a = Amendment::new(Action::Words {
//!     target: Ref::Preambular(4),
//!     edit: WordEdit::Replace { old: "36".into(), new: "37".into(), at: Locator::Only },
//! });
//! assert_eq!(phrase(&a, Lang::Fr).unwrap(), "Quatrième alinéa du préambule : remplacer « 36 » par « 37 ».");
//! assert_eq!(phrase(&a, Lang::En).unwrap(), "Preambular paragraph 4: replace \"36\" with \"37\".");
//! ```

use super::display;
use super::slot::{Form, Slot, Target, Values};
use super::templates::{Pattern, Piece, WRITTEN, pieces, rename};
use crate::amend::{Action, Amendment, Locator, Place, Ref, Side, WordEdit};
use crate::lang::Lang;
use crate::lang::amendments::{AmendmentStyle, NewUnit, Sentence};

/// The amendment in words, in a language; `None` when the language has no
/// wording for it (an occurrence beyond its ordinals, say).
pub fn phrase(amendment: &Amendment, lang: Lang) -> Option<String> {
    let (sentence, refs, values) = decompose(&amendment.action);
    let kinds = [
        refs[0].as_ref().map(Ref::kind),
        refs[1].as_ref().map(Ref::kind),
    ];
    let style = lang.amendments();
    WRITTEN
        .get(&(lang, sentence, kinds))?
        .iter()
        .find_map(|p| fill(style, p, &values))
        .map(|s| capitalise(&s))
}

/// How a reference reads in English, for messages: `operative paragraph 9`.
pub fn describe(r: &Ref) -> String {
    let mut values = Values::default();
    values.put_ref(0, r);
    let style = Lang::En.amendments();
    style
        .refs
        .iter()
        .filter(|f| f.kind == r.kind())
        .find_map(|f| fill(style, &pattern_of(&rename(f.bare, 0)), &values))
        .unwrap_or_else(|| r.label())
}

fn pattern_of(text: &str) -> Pattern {
    Pattern {
        lang: Lang::En,
        sentence: Sentence::DeleteUnit,
        refs: [None, None],
        written: true,
        period: false,
        pieces: pieces(text),
        words: Vec::new(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn fill(style: &AmendmentStyle, p: &Pattern, v: &Values) -> Option<String> {
    let mut out = String::new();
    for piece in &p.pieces {
        match piece {
            Piece::Lit(l) => out.push_str(l),
            Piece::Slot(s) => out.push_str(&fill_slot(style, *s, v)?),
        }
    }
    if p.period {
        out.push('.');
    }
    Some(out)
}

fn fill_slot(style: &AmendmentStyle, slot: Slot, v: &Values) -> Option<String> {
    let ordinal = |list: &[String], n: usize| list.get(n.checked_sub(1)?).cloned();
    match slot.target {
        Target::Occurrence => return ordinal(style.occurrence_ordinals.words(), v.occ?),
        Target::Kind => return kind_phrase(style, &v.kinds).map(str::to_string),
        _ => {}
    }
    let text = v.text(slot)?;
    match slot.form {
        Form::Number => Some(display(text)),
        Form::PreambularOrdinal => ordinal(style.preambular_ordinals.words(), text.parse().ok()?),
        // An empty quotation is written: a paragraph can be empty ("3." as
        // a placeholder); word edits never quote nothing. It is written
        // without the spaces French sets inside its marks (`«»`, not
        // `«  »`, which reads as no quotation).
        Form::Quote if text.is_empty() => Some(format!(
            "{}{}",
            style.quotes.0.trim_end(),
            style.quotes.1.trim_start()
        )),
        Form::Quote => Some(format!("{}{text}{}", style.quotes.0, style.quotes.1)),
        _ => Some(text.clone()),
    }
}

/// The phrase announcing a new unit of the first of `kinds`: the first
/// of its phrases that reads as none but `kinds` (French "le nouvel alinéa
/// suivant" reads as a preambular paragraph or a subparagraph, so it is
/// written only when both may be meant; otherwise "le nouvel alinéa du
/// préambule suivant"), else its first phrase.
fn kind_phrase(style: &AmendmentStyle, kinds: &[NewUnit]) -> Option<&'static str> {
    let first = *kinds.first()?;
    let reads_within = |phrase: &str| {
        style
            .new_units
            .iter()
            .filter(|(_, p)| *p == phrase)
            .all(|(k, _)| kinds.contains(k))
    };
    style
        .new_units
        .iter()
        .filter(|(k, _)| *k == first)
        .map(|(_, p)| *p)
        .find(|p| reads_within(p))
        .or_else(|| style.new_unit(first))
}

type Parts = (Sentence, [Option<Ref>; 2], Values);

fn decompose(action: &Action) -> Parts {
    let mut v = Values::default();
    let (sentence, r0, r1) = match action {
        Action::Words { target, edit } => (word_sentence(edit, &mut v), Some(target), None),
        Action::ReplaceUnit { target, text } => {
            v.new = Some(text.clone());
            (Sentence::ReplaceUnit, Some(target), None)
        }
        Action::InsertUnit {
            place,
            kinds,
            text,
            number,
        } => {
            v.new = Some(text.clone());
            v.kinds = kinds.clone();
            v.new_num = number.clone();
            let (s, r) = match (place, number) {
                (Place::After(r), None) => (Sentence::InsertUnitAfter, r),
                (Place::After(r), Some(_)) => (Sentence::InsertNumberedAfter, r),
                (Place::Before(r), _) => (Sentence::InsertUnitBefore, r),
            };
            (s, Some(r), None)
        }
        Action::DeleteUnit { target } => (Sentence::DeleteUnit, Some(target), None),
        Action::MoveUnit { target, place } => match place {
            Place::After(r) => (Sentence::MoveAfter, Some(target), Some(r)),
            Place::Before(r) => (Sentence::MoveBefore, Some(target), Some(r)),
        },
        Action::InsertFootnote { id, text } => {
            v.new_fn = Some(id.clone());
            v.new = Some(text.clone());
            (Sentence::InsertFootnote, None, None)
        }
    };
    if let Some(r) = r0 {
        v.put_ref(0, r);
    }
    if let Some(r) = r1 {
        v.put_ref(1, r);
    }
    (sentence, [r0.cloned(), r1.cloned()], v)
}

fn word_sentence(edit: &WordEdit, v: &mut Values) -> Sentence {
    match edit {
        WordEdit::Replace { old, new, at } => {
            v.old = Some(old.clone());
            v.new = Some(new.clone());
            locator(
                at,
                v,
                [
                    Sentence::Replace,
                    Sentence::ReplaceNth,
                    Sentence::ReplaceAfter,
                ],
            )
        }
        WordEdit::Delete { old, at } => {
            v.old = Some(old.clone());
            locator(
                at,
                v,
                [Sentence::Delete, Sentence::DeleteNth, Sentence::DeleteAfter],
            )
        }
        WordEdit::Insert {
            new,
            side,
            anchor,
            nth,
        } => {
            v.new = Some(new.clone());
            v.anchor = Some(anchor.clone());
            v.occ = *nth;
            match (side, nth) {
                (Side::After, None) => Sentence::InsertAfter,
                (Side::After, Some(_)) => Sentence::InsertAfterNth,
                (Side::Before, None) => Sentence::InsertBefore,
                (Side::Before, Some(_)) => Sentence::InsertBeforeNth,
            }
        }
    }
}

fn locator(at: &Locator, v: &mut Values, sentences: [Sentence; 3]) -> Sentence {
    match at {
        Locator::Only => sentences[0],
        Locator::Nth(n) => {
            v.occ = Some(*n);
            sentences[1]
        }
        Locator::After(a) => {
            v.anchor = Some(a.clone());
            sentences[2]
        }
    }
}
