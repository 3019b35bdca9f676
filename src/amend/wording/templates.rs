//! Sentence templates, expanded into the patterns that [`super::write`]
//! fills and [`super::read`] matches.
//!
//! A language's templates ([`crate::lang::amendments`]) are expanded once
//! into concrete patterns: each sentence with each way of naming its
//! unit(s) substituted in, contractions applied (`de el` → `del`). Writing
//! fills the first pattern of a sentence that fits; reading tries every
//! pattern of every language, matching words case-insensitively with
//! flexible spacing and trying each possible end of a quotation until the
//! rest of the sentence matches, so that quoted text may itself hold
//! quotation marks.

use super::slot::{REF_PLACEHOLDERS, Slot, slot};
use crate::lang::Lang;
use crate::lang::amendments::{AmendmentStyle, RefKind, Sentence};
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone)]
pub(super) enum Piece {
    Lit(String),
    Slot(Slot),
}

/// One concrete sentence: a template with its references' wording in.
#[derive(Debug)]
pub(super) struct Pattern {
    pub(super) lang: Lang,
    pub(super) sentence: Sentence,
    pub(super) refs: [Option<RefKind>; 2],
    /// Whether this is the written form of its sentence (else read only).
    pub(super) written: bool,
    /// Whether the sentence ends with a full stop (optional when reading).
    pub(super) period: bool,
    pub(super) pieces: Vec<Piece>,
    /// Words of its literal text (ASCII letters, lower case, three or
    /// more) that any sentence it matches contains: a cheap test that
    /// spares the matcher most patterns.
    pub(super) words: Vec<String>,
}

/// Every word of the patterns' literal text (see [`Pattern::words`]),
/// each once: a few hundred for 4,000 patterns.
static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = PATTERNS
        .iter()
        .flat_map(|p| p.words.iter().map(String::as_str))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
});

/// For each pattern, its words as places in [`WORDS`].
static WORD_IDS: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    PATTERNS
        .iter()
        .map(|p| {
            let id = |w: &String| WORDS.binary_search(&w.as_str()).unwrap_or_default();
            p.words.iter().map(id).collect()
        })
        .collect()
});

/// The patterns that may match `text`, in order: those whose literal words
/// it all holds, each word looked for at most once.
pub(super) fn plausible(text: &str) -> impl Iterator<Item = &'static Pattern> {
    let lowered = text.to_lowercase();
    let mut seen: Vec<Option<bool>> = vec![None; WORDS.len()];
    let mut holds = move |k: usize| *seen[k].get_or_insert_with(|| lowered.contains(WORDS[k]));
    PATTERNS
        .iter()
        .zip(WORD_IDS.iter())
        .filter(move |(_, ids)| ids.iter().all(|&k| holds(k)))
        .map(|(p, _)| p)
}

/// The words a pattern's literal pieces hold (see [`Pattern::words`]).
fn literal_words(pieces: &[Piece]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for piece in pieces {
        let Piece::Lit(lit) = piece else { continue };
        for w in lit.split(|c: char| !c.is_ascii_alphabetic()) {
            let w = w.to_ascii_lowercase();
            if w.len() >= 3 && !words.contains(&w) {
                words.push(w);
            }
        }
    }
    words
}

pub(super) static PATTERNS: LazyLock<Vec<Pattern>> =
    LazyLock::new(|| Lang::ALL.iter().flat_map(|&l| build(l)).collect());

/// What a written pattern is looked up by: its language, its sentence and
/// the kinds of the units it names.
pub(super) type WrittenKey = (Lang, Sentence, [Option<RefKind>; 2]);

/// The written patterns by what they write, each list in table order:
/// writing an amendment looks at these, not at all 4,000 patterns.
pub(super) static WRITTEN: LazyLock<HashMap<WrittenKey, Vec<&'static Pattern>>> =
    LazyLock::new(|| {
        let mut map: HashMap<WrittenKey, Vec<&'static Pattern>> = HashMap::new();
        for p in PATTERNS.iter().filter(|p| p.written) {
            map.entry((p.lang, p.sentence, p.refs)).or_default().push(p);
        }
        map
    });

fn build(lang: Lang) -> Vec<Pattern> {
    let style = lang.amendments();
    let mut out = Vec::new();
    for sentence in Sentence::ALL {
        for (k, template) in style.templates(sentence).enumerate() {
            for (text, refs) in with_refs(style, template) {
                let text = contract(&text, style.contractions);
                let body = text.strip_suffix('.');
                let pieces = pieces(body.unwrap_or(&text));
                out.push(Pattern {
                    lang,
                    sentence,
                    refs,
                    written: k == 0,
                    period: body.is_some(),
                    words: literal_words(&pieces),
                    pieces,
                });
            }
        }
    }
    out
}

type Filled = (String, [Option<RefKind>; 2]);

/// The template with every combination of reference forms substituted.
fn with_refs(style: &AmendmentStyle, template: &str) -> Vec<Filled> {
    let first = template.contains("{ref}") || template.contains("{the_ref}");
    if !first {
        return vec![(template.to_string(), [None, None])];
    }
    let mut out = Vec::new();
    for f in style.refs {
        let text = template
            .replace("{ref}", &rename(f.bare, 0))
            .replace("{the_ref}", &rename(f.definite, 0));
        if !text.contains("{the_ref2}") {
            out.push((text, [Some(f.kind), None]));
            continue;
        }
        for g in style.refs {
            let text = text.replace("{the_ref2}", &rename(g.definite, 1));
            out.push((text, [Some(f.kind), Some(g.kind)]));
        }
    }
    out
}

/// Numbers a reference's slots: `{n}` → `{n#0}`.
pub(super) fn rename(form: &str, index: usize) -> String {
    let mut out = form.to_string();
    for (name, ..) in REF_PLACEHOLDERS {
        out = out.replace(&format!("{{{name}}}"), &format!("{{{name}#{index}}}"));
    }
    out
}

fn contract(text: &str, contractions: &[(&str, &str)]) -> String {
    contractions
        .iter()
        .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
}

/// Cuts a filled template into literal words and slots.
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            out.push(Piece::Lit(rest[..open].to_string()));
        }
        match slot(&rest[open + 1..close]) {
            Some(s) => out.push(Piece::Slot(s)),
            None => out.push(Piece::Lit(rest[open..=close].to_string())),
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Lit(rest.to_string()));
    }
    out
}
