//! The one table of what the placeholders of the templates hold: for each
//! placeholder, its name, what it holds and the form it is written and read
//! in. Templates are cut by it ([`slot`]), writing fills by it, reading
//! scans by it, and a [`Ref`] is taken apart into, and put together from,
//! what it holds ([`Held`]) in one place ([`Values::put_ref`],
//! [`Values::get_ref`]).
//!
//! A reference's placeholders are numbered by the reference they belong
//! to (`{n#0}`, `{n#1}` in "Move {ref} to follow {the_ref2}"):
//!
//! ```text
//! "operative paragraph {n}"   →  {n#0}: Slot { target: Ref(Num), index: 0, form: Number }
//! "{ref}: replace {old} …"    →  {old}: Slot { target: Old, index: 0, form: Quote }
//! ```

use crate::amend::Ref;
use crate::lang::amendments::{NewUnit, RefKind};

/// A value a unit reference holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Held {
    /// An operative number (`9bis`).
    Num,
    /// A preambular number.
    Pre,
    /// A subparagraph letter (`c`).
    Sub,
    /// The numeral of a subparagraph within a subparagraph (`iv`).
    Sub2,
    /// A section letter.
    Sec,
    /// An annex number (`II`); none for the only annex.
    Ax,
    /// A footnote number.
    Fn,
    /// A heading's text.
    Text,
    /// A unit label.
    Label,
}

/// How many values a reference may hold.
const HELD: usize = 9;

/// Characters of a run read for a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Chars {
    /// `a`–`z`.
    Lower,
    /// `A`–`Z`.
    Upper,
    /// `A`–`Z`, `0`–`9`.
    UpperOrDigit,
    /// What a footnote's id may hold besides (`[^%]`, `[^*]`, `[^a1]`):
    /// no space, no bracket, no quotation mark, no punctuation that ends a
    /// phrase (`:`, `,`, `;`, `.`).
    FootnoteId,
}

impl Chars {
    /// Whether a character belongs to the run.
    pub(super) fn admits(self, c: char) -> bool {
        match self {
            Chars::Lower => c.is_ascii_lowercase(),
            Chars::Upper => c.is_ascii_uppercase(),
            Chars::UpperOrDigit => c.is_ascii_uppercase() || c.is_ascii_digit(),
            Chars::FootnoteId => !c.is_whitespace() && !"[]:;,.\"'«»“”‘’".contains(c),
        }
    }
}

/// Whether "footnote {id}" reads back as footnote `id`: 1 to 12
/// characters a footnote's number may hold ([`Chars::FootnoteId`]).
pub(crate) fn footnote_id_reads(id: &str) -> bool {
    (1..=12).contains(&id.chars().count()) && id.chars().all(|c| Chars::FootnoteId.admits(c))
}

/// The form a placeholder's value is written and read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// An operative number: `12`, `9 bis` (held as `9bis`).
    Number,
    /// Digits.
    Digits,
    /// A preambular number as an ordinal word (`quatrième`).
    PreambularOrdinal,
    /// An occurrence as an ordinal word (`second`).
    OccurrenceOrdinal,
    /// A run of at most so many characters.
    Run(Chars, usize),
    /// A unit label (`ANNEX-II/OP3`).
    Label,
    /// Quoted text.
    Quote,
    /// The phrase announcing a new unit (`a new paragraph`).
    Kind,
}

/// Where a placeholder's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// A value of a reference.
    Ref(Held),
    /// The number of a new footnote.
    NewFootnote,
    /// The number of a new operative paragraph (`9 bis`).
    NewNumber,
    /// The words replaced or deleted.
    Old,
    /// The words or text put in.
    New,
    /// The words an insertion or a change stands by.
    Anchor,
    /// Which occurrence.
    Occurrence,
    /// The kind of a new unit.
    Kind,
}

/// A place in a pattern where a value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slot {
    /// What the value is.
    pub(super) target: Target,
    /// The reference it belongs to (0 or 1; 0 for sentence values).
    pub(super) index: usize,
    /// How it is written and read.
    pub(super) form: Form,
}

/// The placeholders of the ways of naming units (`{n}` in `operative
/// paragraph {n}`).
pub(super) const REF_PLACEHOLDERS: &[(&str, Held, Form)] = &[
    ("n", Held::Num, Form::Number),
    ("p", Held::Pre, Form::Digits),
    ("ord", Held::Pre, Form::PreambularOrdinal),
    ("sub", Held::Sub, Form::Run(Chars::Lower, 6)),
    ("sub2", Held::Sub2, Form::Run(Chars::Lower, 6)),
    ("sec", Held::Sec, Form::Run(Chars::Upper, 4)),
    ("ax", Held::Ax, Form::Run(Chars::UpperOrDigit, 6)),
    ("fn", Held::Fn, Form::Run(Chars::FootnoteId, 12)),
    ("text", Held::Text, Form::Quote),
    ("label", Held::Label, Form::Label),
];

/// The placeholders of sentences (`{old}` in `replace {old} with {new}`).
const SENTENCE_PLACEHOLDERS: &[(&str, Target, Form)] = &[
    ("fn", Target::NewFootnote, Form::Run(Chars::FootnoteId, 12)),
    ("number", Target::NewNumber, Form::Number),
    ("old", Target::Old, Form::Quote),
    ("new", Target::New, Form::Quote),
    ("anchor", Target::Anchor, Form::Quote),
    ("occ", Target::Occurrence, Form::OccurrenceOrdinal),
    ("kind", Target::Kind, Form::Kind),
];

/// The slot a placeholder names: `n#0` (the number of reference 0) or
/// `old`; `None` for a name not in the tables.
pub(super) fn slot(name: &str) -> Option<Slot> {
    if let Some((base, index)) = name.split_once('#') {
        let index = index.parse().ok()?;
        if let Some(&(_, held, form)) = REF_PLACEHOLDERS.iter().find(|(n, ..)| *n == base) {
            return Some(Slot {
                target: Target::Ref(held),
                index,
                form,
            });
        }
    }
    let base = name.split_once('#').map_or(name, |(b, _)| b);
    let &(_, target, form) = SENTENCE_PLACEHOLDERS.iter().find(|(n, ..)| *n == base)?;
    Some(Slot {
        target,
        index: 0,
        form,
    })
}

/// A value read for a slot.
#[derive(Debug, Clone)]
pub(super) enum Read {
    /// Text: a number, a letter, a label, a quotation.
    Text(String),
    /// The place (from 1) of an ordinal word in its list.
    Ordinal(usize),
    /// The kinds a new-unit phrase may announce.
    Kinds(Vec<NewUnit>),
}

/// The values read from, or written into, a pattern.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Values {
    /// What references 0 and 1 hold, by [`Held`].
    pub(super) refs: [[Option<String>; HELD]; 2],
    pub(super) new_fn: Option<String>,
    pub(super) new_num: Option<String>,
    pub(super) old: Option<String>,
    pub(super) new: Option<String>,
    pub(super) anchor: Option<String>,
    pub(super) occ: Option<usize>,
    pub(super) kinds: Vec<NewUnit>,
}

impl Values {
    /// The text a slot holds (not for occurrences and kinds).
    pub(super) fn text(&self, slot: Slot) -> Option<&String> {
        match slot.target {
            Target::Ref(h) => self.refs.get(slot.index)?[h as usize].as_ref(),
            Target::NewFootnote => self.new_fn.as_ref(),
            Target::NewNumber => self.new_num.as_ref(),
            Target::Old => self.old.as_ref(),
            Target::New => self.new.as_ref(),
            Target::Anchor => self.anchor.as_ref(),
            Target::Occurrence | Target::Kind => None,
        }
    }

    /// Sets what was read for a slot.
    pub(super) fn set(&mut self, slot: Slot, read: Read) {
        let text = match read {
            Read::Kinds(kinds) => return self.kinds = kinds,
            Read::Ordinal(n) if slot.target == Target::Occurrence => return self.occ = Some(n),
            Read::Ordinal(n) => n.to_string(),
            Read::Text(t) => t,
        };
        let place = match slot.target {
            Target::Ref(h) => match self.refs.get_mut(slot.index) {
                Some(held) => &mut held[h as usize],
                None => return,
            },
            Target::NewFootnote => &mut self.new_fn,
            Target::NewNumber => &mut self.new_num,
            Target::Old => &mut self.old,
            Target::New => &mut self.new,
            Target::Anchor => &mut self.anchor,
            Target::Occurrence | Target::Kind => return,
        };
        *place = Some(text);
    }

    /// Puts what reference `r` holds in place `i`.
    pub(super) fn put_ref(&mut self, i: usize, r: &Ref) {
        let s = |t: &String| t.clone();
        let held: Vec<(Held, String)> = match r {
            Ref::Title | Ref::Chapeau => vec![],
            Ref::Preambular(n) => vec![(Held::Pre, n.to_string())],
            Ref::PreambularSub(n, t) => vec![(Held::Pre, n.to_string()), (Held::Sub, s(t))],
            Ref::Operative(n) | Ref::HeadingBefore(n) => vec![(Held::Num, s(n))],
            Ref::OperativeSub(n, t) => vec![(Held::Num, s(n)), (Held::Sub, s(t))],
            Ref::OperativeSubSub(n, t, u) => {
                vec![(Held::Num, s(n)), (Held::Sub, s(t)), (Held::Sub2, s(u))]
            }
            Ref::SectionOperative(t, n) => vec![(Held::Sec, s(t)), (Held::Num, s(n))],
            Ref::AnnexParagraph(a, n) if a.is_empty() => vec![(Held::Num, s(n))],
            Ref::AnnexParagraph(a, n) => vec![(Held::Ax, s(a)), (Held::Num, s(n))],
            Ref::Footnote(n) => vec![(Held::Fn, s(n))],
            Ref::TitleLine(n) => vec![(Held::Pre, n.to_string())],
            Ref::AnnexHeading(a) | Ref::AnnexTitle(a) if a.is_empty() => vec![],
            Ref::AnnexHeading(a) | Ref::AnnexTitle(a) => vec![(Held::Ax, s(a))],
            Ref::HeadingText(t) | Ref::Text(t) => vec![(Held::Text, s(t))],
            Ref::NthText(n, t) => vec![(Held::Pre, n.to_string()), (Held::Text, s(t))],
            Ref::Label(l) => vec![(Held::Label, s(l))],
        };
        for (h, value) in held {
            self.refs[i][h as usize] = Some(value);
        }
    }

    /// The reference of a kind that place `i` holds.
    ///
    /// An operative number may be 0: a draft may number a paragraph `0.`,
    /// and amendments name paragraphs as the draft numbers them (applying
    /// one to a draft without it says so). Preambular paragraphs are
    /// counted, from the first: there is no preambular paragraph 0.
    pub(super) fn get_ref(&self, i: usize, kind: RefKind) -> Result<Ref, String> {
        let zero = || "paragraph 0 does not exist (paragraphs are numbered from 1)".to_string();
        let get = |h: Held| {
            self.refs[i][h as usize]
                .clone()
                .ok_or_else(|| "incomplete reference".to_string())
        };
        let num = || get(Held::Num);
        let pre = || match get(Held::Pre)?.parse::<u32>() {
            Ok(0) => Err(zero()),
            Ok(n) => Ok(n),
            Err(_) => Err("incomplete reference".to_string()),
        };
        Ok(match kind {
            RefKind::Title => Ref::Title,
            RefKind::Chapeau => Ref::Chapeau,
            RefKind::Preambular => Ref::Preambular(pre()?),
            RefKind::Operative => Ref::Operative(num()?),
            RefKind::PreambularSub => Ref::PreambularSub(pre()?, get(Held::Sub)?),
            RefKind::OperativeSub => Ref::OperativeSub(num()?, get(Held::Sub)?),
            RefKind::OperativeSubSub => {
                Ref::OperativeSubSub(num()?, get(Held::Sub)?, get(Held::Sub2)?)
            }
            RefKind::SectionOperative => Ref::SectionOperative(get(Held::Sec)?, num()?),
            RefKind::AnnexParagraph => {
                Ref::AnnexParagraph(get(Held::Ax).unwrap_or_default(), num()?)
            }
            RefKind::Heading => Ref::HeadingBefore(num()?),
            RefKind::HeadingText => Ref::HeadingText(get(Held::Text)?),
            RefKind::Text => Ref::Text(get(Held::Text)?),
            RefKind::NthText => Ref::NthText(pre()?, get(Held::Text)?),
            RefKind::Footnote => Ref::Footnote(get(Held::Fn)?),
            RefKind::TitleLine => Ref::TitleLine(pre()?),
            RefKind::AnnexHeading => Ref::AnnexHeading(get(Held::Ax).unwrap_or_default()),
            RefKind::AnnexTitle => Ref::AnnexTitle(get(Held::Ax).unwrap_or_default()),
            RefKind::Label => Ref::Label(get(Held::Label)?),
        })
    }
}
