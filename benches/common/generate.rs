//! The draft generator of the speed bench: pairs of synthetic drafts,
//! deterministic for a seed (a hand-rolled SplitMix64), so every run and
//! every machine diffs the same bytes. `benches/speed.rs` includes this file
//! with `#[path = "common/generate.rs"] mod generate;`.
//!
//! A draft is about 150 words a paragraph drawn from the vocabulary of the
//! cooperation draft; the new version has 3% of paragraphs inserted, 3%
//! deleted, 1% moved, 1% split or merged and word edits in 10%, and
//! [`generate_pair`] returns what it did ([`Edits`]) so that the bench can
//! print it beside the redline's counts.

/// Operative paragraphs per lettered section of a synthetic draft (when not
/// `continuous`).
pub const SECTION_PARAGRAPHS: usize = 600;

use super::vocabulary::*;
use std::fmt::Write as _;

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform pick.
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }

    /// Pick skewed towards the front of the list (frequent words first).
    fn skewed<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        let u = self.unit();
        xs[((u * u) * xs.len() as f64) as usize % xs.len()]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

/// A piece of paragraph text: a word (possibly with punctuation attached)
/// or a footnote reference (by footnote identity, numbered when written).
#[derive(Clone)]
enum Tok {
    Word(String),
    Note(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Preambular,
    Operative,
    /// An unnumbered short heading among operative paragraphs.
    Heading,
    /// A lettered section heading ("B. Cooperation with ..."); operative
    /// numbering restarts after it.
    Section,
}

/// A paragraph without its number or final punctuation.
#[derive(Clone)]
struct Para {
    kind: Kind,
    toks: Vec<Tok>,
}

/// What the generator did to the old version.
#[derive(Default, Clone)]
pub struct Edits {
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub edited: usize,
}

struct Generator {
    rng: Rng,
    /// Footnote texts, by identity.
    notes: Vec<String>,
}

impl Generator {
    fn push_words(&self, out: &mut Vec<Tok>, phrase: &str) {
        out.extend(phrase.split(' ').map(|w| Tok::Word(w.to_string())));
    }

    fn noun_phrase(&mut self, out: &mut Vec<Tok>) {
        if self.rng.chance(0.25) {
            let actor = self.rng.pick(ACTORS);
            self.push_words(out, actor);
            return;
        }
        if self.rng.chance(0.6) {
            self.push_words(out, "the");
        }
        if self.rng.chance(0.5) {
            let adj = self.rng.skewed(ADJECTIVES);
            self.push_words(out, adj);
        }
        let noun = self.rng.skewed(NOUNS);
        self.push_words(out, noun);
        if self.rng.chance(0.4) {
            self.push_words(out, "of the");
            let noun = self.rng.pick(NOUNS);
            self.push_words(out, noun);
        }
    }

    fn symbol(&mut self) -> String {
        let a = self.rng.range(8, 80);
        let b = self.rng.range(1, 400);
        match self.rng.below(5) {
            0 => format!("ICC-ASP/{a}/Res.{}", b % 9 + 1),
            1 => format!("resolution {a}/{b}"),
            2 => format!("article {} of the Rome Statute", b % 128 + 1),
            3 => format!(
                "paragraph {} of resolution ICC-ASP/{a}/Res.{}",
                b % 60 + 1,
                b % 7 + 1
            ),
            _ => format!("its {}th session in {}", a, 1998 + b % 27),
        }
    }

    fn clause(&mut self, out: &mut Vec<Tok>) {
        let variant = self.rng.below(6);
        self.clause_of(variant, out);
    }

    /// A clause: 0, 1 "actor to verb ...", 2 "noun phrase prep noun phrase",
    /// 3 "in accordance with symbol", 4 "to verb ... adverb", 5 "including".
    fn clause_of(&mut self, variant: usize, out: &mut Vec<Tok>) {
        match variant {
            0 | 1 => {
                let actor = self.rng.pick(ACTORS);
                self.push_words(out, actor);
                self.push_words(out, "to");
                let verb = self.rng.pick(VERBS);
                self.push_words(out, verb);
                self.noun_phrase(out);
            }
            2 => {
                self.noun_phrase(out);
                let prep = self.rng.skewed(PREPOSITIONS);
                self.push_words(out, prep);
                self.noun_phrase(out);
            }
            3 => {
                self.push_words(out, "in accordance with");
                let s = self.symbol();
                self.push_words(out, &s);
            }
            4 => {
                self.push_words(out, "to");
                let verb = self.rng.pick(VERBS);
                self.push_words(out, verb);
                self.noun_phrase(out);
                let adv = self.rng.pick(ADVERBS);
                self.push_words(out, adv);
            }
            _ => {
                self.push_words(out, "including");
                self.noun_phrase(out);
                self.push_words(out, "and");
                self.noun_phrase(out);
            }
        }
    }

    fn connector(&mut self, out: &mut Vec<Tok>) {
        match self.rng.below(5) {
            0 => self.push_words(out, "and"),
            1 => self.push_words(out, "as well as"),
            2 => self.push_words(out, "with a view to"),
            _ => {
                append_comma(out);
            }
        }
    }

    fn footnote(&mut self) -> usize {
        let template = self.rng.pick(FOOTNOTE_KINDS);
        let text = template
            .replace("{a}", &self.rng.range(10, 79).to_string())
            .replace("{b}", &self.rng.range(1, 350).to_string());
        self.notes.push(text);
        self.notes.len() - 1
    }

    /// A body of about `words` words after `opening`.
    /// Opens with "Recalling the ... of ..." (preambular) or "Requests the
    /// Court to ..." (operative).
    fn body(&mut self, opening: &str, words: usize, operative: bool) -> Vec<Tok> {
        let mut out = Vec::with_capacity(words + 16);
        self.push_words(&mut out, opening);
        self.clause_of(if operative { 0 } else { 2 }, &mut out);
        while out.len() < words {
            self.connector(&mut out);
            self.clause(&mut out);
            if self.rng.chance(0.012) {
                let id = self.footnote();
                out.push(Tok::Note(id));
            }
        }
        strip_comma(&mut out);
        out
    }

    fn heading(&mut self) -> Para {
        let mut toks = Vec::new();
        let noun = self.rng.pick(NOUNS);
        self.push_words(&mut toks, &capitalize(noun));
        match self.rng.below(3) {
            0 => {
                self.push_words(&mut toks, "with");
                let actor = self.rng.pick(ACTORS);
                self.push_words(&mut toks, actor.trim_start_matches("the "));
            }
            1 => {
                self.push_words(&mut toks, "and");
                let noun = self.rng.pick(NOUNS);
                self.push_words(&mut toks, noun);
            }
            _ => {
                let adj = self.rng.pick(ADJECTIVES);
                self.push_words(&mut toks, adj);
                let noun = self.rng.pick(NOUNS);
                self.push_words(&mut toks, noun);
            }
        }
        toks.truncate(6);
        Para {
            kind: Kind::Heading,
            toks,
        }
    }

    fn paragraph(&mut self, kind: Kind) -> Para {
        let words = self.rng.range(60, 240);
        match kind {
            Kind::Preambular => {
                let opener = self.rng.pick(PREAMBULAR_OPENERS);
                Para {
                    kind,
                    toks: self.body(opener, words, false),
                }
            }
            Kind::Operative => {
                let verb = self.rng.pick(OPERATIVE_VERBS);
                Para {
                    kind,
                    toks: self.body(verb, words, true),
                }
            }
            Kind::Heading => self.heading(),
            Kind::Section => Para {
                kind,
                ..self.heading()
            },
        }
    }

    /// A fresh operative paragraph, or now and then a heading.
    fn body_paragraph(&mut self) -> Para {
        if self.rng.chance(0.02) {
            self.heading()
        } else {
            self.paragraph(Kind::Operative)
        }
    }

    /// Edits the words of a paragraph in one to four places.
    fn edit_words(&mut self, para: &mut Para) {
        for _ in 0..self.rng.range(1, 4) {
            let len = para.toks.len();
            if len < 8 {
                break;
            }
            let at = self.rng.range(3, len - 2);
            match self.rng.below(3) {
                0 => {
                    if matches!(para.toks[at], Tok::Word(_)) {
                        let w = if self.rng.chance(0.5) {
                            self.rng.pick(NOUNS)
                        } else {
                            self.rng.pick(ADJECTIVES)
                        };
                        para.toks[at] = Tok::Word(w.to_string());
                    }
                }
                1 => {
                    let mut words = Vec::new();
                    self.noun_phrase(&mut words);
                    para.toks.splice(at..at, words);
                }
                _ => {
                    let n = self.rng.range(1, 4).min(len - at - 1);
                    let all_words = para.toks[at..at + n]
                        .iter()
                        .all(|t| matches!(t, Tok::Word(_)));
                    if all_words {
                        para.toks.drain(at..at + n);
                    }
                }
            }
        }
    }

    /// One paragraph cut in two; the second part gets an opening of its own.
    fn split(&mut self, para: &Para) -> [Para; 2] {
        let len = para.toks.len();
        let cut = self.rng.range(len / 3, 2 * len / 3);
        let mut first = para.toks[..cut].to_vec();
        strip_comma(&mut first);
        let opening = match para.kind {
            Kind::Preambular => self.rng.pick(PREAMBULAR_OPENERS),
            _ => self.rng.pick(OPERATIVE_VERBS),
        };
        let mut second = Vec::new();
        self.push_words(&mut second, opening);
        second.extend_from_slice(&para.toks[cut..]);
        [
            Para {
                kind: para.kind,
                toks: first,
            },
            Para {
                kind: para.kind,
                toks: second,
            },
        ]
    }
}

fn append_comma(out: &mut [Tok]) {
    if let Some(Tok::Word(w)) = out.iter_mut().rev().find(|t| matches!(t, Tok::Word(_)))
        && !w.ends_with(',')
    {
        w.push(',');
    }
}

fn strip_comma(out: &mut [Tok]) {
    if let Some(Tok::Word(w)) = out.last_mut() {
        while w.ends_with(',') {
            w.pop();
        }
    }
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn lower_first(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
}

/// Two paragraphs merged: "Requests X, and urges Y".
fn merge(a: &Para, b: &Para) -> Para {
    let mut toks = a.toks.clone();
    strip_comma(&mut toks);
    append_comma(&mut toks);
    toks.push(Tok::Word("and".into()));
    for (k, t) in b.toks.iter().enumerate() {
        match t {
            Tok::Word(w) if k == 0 => toks.push(Tok::Word(lower_first(w))),
            _ => toks.push(t.clone()),
        }
    }
    Para { kind: a.kind, toks }
}

/// Writes a draft: title, chapeau, paragraphs (operative ones numbered,
/// from 1 again after each lettered section heading), footnote definitions
/// numbered by first reference.
fn write_draft(title: &str, paras: &[Para], notes: &[String]) -> String {
    let mut out = String::with_capacity(paras.len() * 1100);
    let _ = write!(out, "{title}\n\nThe General Assembly,\n");
    let last_operative = paras.iter().rposition(|p| p.kind == Kind::Operative);
    let mut number = 0;
    let mut section = 0;
    let mut note_numbers: Vec<Option<usize>> = vec![None; notes.len()];
    let mut order: Vec<usize> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        out.push('\n');
        match p.kind {
            Kind::Operative => {
                number += 1;
                let _ = write!(out, "{number}. ");
            }
            Kind::Section => {
                number = 0;
                let letter = char::from(b'A' + (section % 26) as u8);
                section += 1;
                let _ = write!(out, "{letter}. ");
            }
            _ => {}
        }
        write_tokens(&mut out, &p.toks, &mut note_numbers, &mut order);
        match p.kind {
            Kind::Preambular => out.push(','),
            Kind::Operative if Some(i) == last_operative => out.push('.'),
            Kind::Operative => out.push(';'),
            Kind::Heading | Kind::Section => {}
        }
        out.push('\n');
    }
    for (k, id) in order.iter().enumerate() {
        let _ = write!(out, "\n[^{}]: {}\n", k + 1, notes[*id]);
    }
    out
}

/// A paragraph's words, spaced, and its footnote references, numbered in
/// the order they are first cited (`order` lists the notes so cited).
fn write_tokens(
    out: &mut String,
    toks: &[Tok],
    note_numbers: &mut [Option<usize>],
    order: &mut Vec<usize>,
) {
    for (k, t) in toks.iter().enumerate() {
        match t {
            Tok::Word(w) => {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(w);
            }
            Tok::Note(id) => {
                let n = *note_numbers[*id].get_or_insert_with(|| {
                    order.push(*id);
                    order.len()
                });
                let _ = write!(out, "[^{n}]");
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Act {
    Keep,
    Delete,
    Move,
    Split,
    MergeHead,
    MergeTail,
    Edit,
}

/// A pair of drafts of `n` paragraphs (old), and what was done to the new.
///
/// Operative paragraphs stand in lettered sections of about
/// [`SECTION_PARAGRAPHS`] paragraphs, numbered from 1 in each (omnibus
/// style), unless `continuous`: then one numbering runs through the draft.
pub fn generate_pair(n: usize, seed: u64, continuous: bool) -> (String, String, Edits) {
    let mut g = Generator {
        rng: Rng(seed),
        notes: Vec::new(),
    };
    let old = old_draft(&mut g, n, continuous);
    let (acts, merged) = acts(&mut g, &old);
    let mut edits = Edits {
        merged,
        ..Edits::default()
    };
    let (mut new, moved) = apply_acts(&mut g, &old, &acts, &mut edits);
    for p in moved {
        place(&mut g, &mut new, p);
    }
    for _ in 0..share(n, 0.03) {
        let p = if g.rng.chance(0.12) {
            g.paragraph(Kind::Preambular)
        } else {
            g.body_paragraph()
        };
        place(&mut g, &mut new, p);
        edits.inserted += 1;
    }
    let title =
        "Draft resolution on strengthening cooperation with the International Criminal Court";
    let old_text = write_draft(title, &old, &g.notes);
    let new_text = write_draft(title, &new, &g.notes);
    (old_text, new_text, edits)
}

/// `p` of `n`, rounded.
fn share(n: usize, p: f64) -> usize {
    ((n as f64) * p).round() as usize
}

/// The old draft: 12% preambular paragraphs, then the body, in sections
/// unless `continuous`, never ending on a heading.
fn old_draft(g: &mut Generator, n: usize, continuous: bool) -> Vec<Para> {
    let preambular = n * 12 / 100;
    let mut old: Vec<Para> = (0..preambular)
        .map(|_| g.paragraph(Kind::Preambular))
        .collect();
    let sections = if continuous {
        0
    } else {
        (n - preambular).div_ceil(SECTION_PARAGRAPHS).clamp(1, 26)
    };
    let per_section = (n - preambular).div_ceil(sections.max(1));
    while old.len() < n {
        if sections > 0 && (old.len() - preambular).is_multiple_of(per_section) {
            old.push(g.paragraph(Kind::Section));
        } else {
            old.push(g.body_paragraph());
        }
    }
    if old.last().is_some_and(|p| p.kind == Kind::Heading) {
        let last = old.len() - 1;
        old[last] = g.paragraph(Kind::Operative);
    }
    old
}

/// What happens to each old paragraph: disjoint sets for each operation,
/// and the number of pairs merged.
fn acts(g: &mut Generator, old: &[Para]) -> (Vec<Act>, usize) {
    let n = old.len();
    let mut acts = vec![Act::Keep; n];
    let editable = |p: &Para| matches!(p.kind, Kind::Preambular | Kind::Operative);
    let mut order: Vec<usize> = (0..n).filter(|&i| editable(&old[i])).collect();
    g.rng.shuffle(&mut order);
    let mut it = order.into_iter();
    let mut take = |count: usize, act: Act, acts: &mut [Act]| {
        for i in it.by_ref().take(count) {
            acts[i] = act;
        }
    };
    take(share(n, 0.03), Act::Delete, &mut acts);
    take(share(n, 0.01), Act::Move, &mut acts);
    take(share(n, 0.005), Act::Split, &mut acts);
    take(share(n, 0.10), Act::Edit, &mut acts);
    let mut merges = 0;
    let mut attempts = 0;
    while merges < share(n, 0.005) && attempts < n * 10 {
        attempts += 1;
        let i = g.rng.below(n - 1);
        let ok = acts[i] == Act::Keep
            && acts[i + 1] == Act::Keep
            && old[i].kind == old[i + 1].kind
            && editable(&old[i]);
        if ok {
            acts[i] = Act::MergeHead;
            acts[i + 1] = Act::MergeTail;
            merges += 1;
        }
    }
    (acts, merges)
}

/// The new draft's paragraphs in old order, and the paragraphs moved out
/// of it (placed afterwards), counting the edits made.
fn apply_acts(
    g: &mut Generator,
    old: &[Para],
    acts: &[Act],
    edits: &mut Edits,
) -> (Vec<Para>, Vec<Para>) {
    let n = old.len();
    let mut new: Vec<Para> = Vec::with_capacity(n + n / 10);
    let mut moved: Vec<Para> = Vec::new();
    for i in 0..n {
        match acts[i] {
            Act::Keep => new.push(old[i].clone()),
            Act::Delete => edits.deleted += 1,
            Act::Move => {
                moved.push(old[i].clone());
                edits.moved += 1;
            }
            Act::Split => {
                new.extend(g.split(&old[i]));
                edits.split += 1;
            }
            Act::MergeHead => new.push(merge(&old[i], &old[i + 1])),
            Act::MergeTail => {}
            Act::Edit => {
                let mut p = old[i].clone();
                g.edit_words(&mut p);
                new.push(p);
                edits.edited += 1;
            }
        }
    }
    (new, moved)
}

/// Puts a moved or inserted paragraph in the part of its kind: among the
/// preambular paragraphs, or in the body after the first section heading.
fn place(g: &mut Generator, new: &mut Vec<Para>, p: Para) {
    let pre = new
        .iter()
        .take_while(|p| p.kind == Kind::Preambular)
        .count();
    let at = if p.kind == Kind::Preambular {
        g.rng.range(0, pre)
    } else {
        let first = pre + usize::from(new.get(pre).is_some_and(|p| p.kind == Kind::Section));
        g.rng.range(first, new.len())
    };
    new.insert(at, p);
}
