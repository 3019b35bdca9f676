//! Content features of a unit's text, for similarity without all-pairs
//! comparison.
//!
//! A text's features are the hashes of its lower-cased words and word pairs
//! (footnote references left out). Two texts are compared by the Dice
//! coefficient of their feature sets; candidate pairs are found through a
//! bottom-k sketch (the [`SKETCH`] smallest feature hashes) and an inverted
//! index ([`super::index`]), so that each unit is compared with a handful of
//! others, never with all of them.

use super::hash::mix;
use crate::model::typography::{Folded, fold_char};

/// How many feature hashes a sketch keeps.
pub const SKETCH: usize = 16;

/// The sorted, de-duplicated feature hashes of a text.
///
/// One pass over the characters: each word's hash is built as its
/// characters go by (see [`words`] for what a word is), and the word and
/// the pair it ends are hashed when it ends.
pub fn features(text: &str) -> Vec<u64> {
    thread_local! {
        /// The hashes as they come, before [`sorted`] orders them: one
        /// buffer a thread, however many texts it reads.
        static SCRATCH: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with_borrow_mut(|out| {
        out.clear();
        hashes(text, out);
        sorted(out)
    })
}

/// For each ASCII byte, what it adds to a word's hash (its lower case), or
/// 0 if it is no word character (see [`is_word_char`]).
static ASCII_WORD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'^' {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The feature hashes of a text, in the order its words come (see
/// [`words`] for what a word is; a word that starts with `^`, a footnote
/// reference's, is left out): each character read once, a word's hash
/// built as its characters go by; ASCII through [`ASCII_WORD`] in a tight
/// loop, other characters by [`wide_char`].
fn hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let mut previous: Option<u64> = None;
    let mut i = 0;
    while let Some(&first) = bytes.get(i) {
        let mut h = super::hash::Fx::default();
        if first < 0x80 {
            if ASCII_WORD[usize::from(first)] == 0 {
                i += 1;
                continue;
            }
        } else {
            match wide_char(text, i, h) {
                Ok((len, added)) => (i, h) = (i + len, added),
                Err(len) => {
                    i += len;
                    continue;
                }
            }
        }
        // The rest of the word, and the character that ends it.
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                i += 1;
                match ASCII_WORD[usize::from(b)] {
                    0 => break,
                    v => h.add(u64::from(v)),
                }
            } else {
                match wide_char(text, i, h) {
                    Ok((len, added)) => (i, h) = (i + len, added),
                    Err(len) => {
                        i += len;
                        break;
                    }
                }
            }
        }
        if first != b'^' {
            let h = std::hash::Hasher::finish(&h);
            out.push(mix(h ^ 1));
            if let Some(p) = previous {
                out.push(mix(p.rotate_left(23) ^ h ^ 2));
            }
            previous = Some(h);
        }
    }
}

/// The non-ASCII character at byte `i` of `text`: `Ok((its length, h
/// with what it adds to a word's hash))` if it is a word character,
/// `Err(its length)` if it is not. (The hash goes by value, so that it
/// stays in a register through the word.)
///
/// The Latin-1 letters (`C3 xx`: an accented letter, its capital 0x20
/// below it, but `×` and `÷`) and the general punctuation `E2 80 xx`
/// (U+2000–U+203F, of which only U+200B, invisible, is a word character)
/// are read from their bytes; other characters are decoded ([`other_char`]).
/// The same answers as decoding every character (a test compares them on
/// every character).
#[inline]
fn wide_char(
    text: &str,
    i: usize,
    mut h: super::hash::Fx,
) -> Result<(usize, super::hash::Fx), usize> {
    let bytes = text.as_bytes();
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match bytes[i] {
        0xC3 => {
            // U+00C0 + (next - 0x80).
            let c = u32::from(next) + 0x40;
            match c {
                0xD7 | 0xF7 => return Err(2),
                0xC0..=0xDE => h.add(u64::from(c + 0x20)),
                _ => h.add(u64::from(c)),
            }
            Ok((2, h))
        }
        0xE2 if next == 0x80 && bytes.get(i + 2) != Some(&0x8B) => Err(3),
        _ => other_char(text, i, h),
    }
}

/// [`wide_char`] for a character it does not read from its bytes:
/// decoded, then [`is_word_char`] and [`add_char`].
#[inline(never)]
fn other_char(
    text: &str,
    i: usize,
    mut h: super::hash::Fx,
) -> Result<(usize, super::hash::Fx), usize> {
    match text.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) if is_word_char(c) => {
            add_char(&mut h, c);
            Ok((c.len_utf8(), h))
        }
        Some(c) => Err(c.len_utf8()),
        None => Err(1),
    }
}

/// How many places, on average a hash, [`insertion_sort`] may move hashes
/// after [`sorted`]'s radix passes (about none are expected) before it
/// gives up for a comparison sort.
const MOVES: usize = 8;

/// `hashes` sorted and de-duplicated, in a vector of their own (`hashes`
/// is left in any order).
///
/// The hashes are uniform (each went through [`mix`]), so two passes of a
/// radix sort on their top sixteen bits leave a paragraph's few hundred
/// nearly in order (hashes with the same top bits are rare); an insertion
/// sort finishes, and the repeated ones are dropped without branches.
/// Faster than a comparison sort, which mispredicts its branches on
/// random values; the result is the same, being sorted. Hashes made to
/// share their top bits (hostile text) cannot make the insertion sort
/// quadratic: past [`MOVES`] moves a hash it hands over to a comparison
/// sort.
fn sorted(hashes: &mut [u64]) -> Vec<u64> {
    let n = hashes.len();
    if n < 32 {
        let mut out = hashes.to_vec();
        out.sort_unstable();
        out.dedup();
        return out;
    }
    let digit = |h: u64, shift: u32| ((h >> shift) & 0xFF) as usize;
    let (mut low, mut high) = ([0u32; 257], [0u32; 257]);
    for &h in hashes.iter() {
        low[digit(h, 48) + 1] += 1;
        high[digit(h, 56) + 1] += 1;
    }
    for b in 1..257 {
        low[b] += low[b - 1];
        high[b] += high[b - 1];
    }
    let mut out = vec![0u64; n];
    for &h in hashes.iter() {
        let slot = &mut low[digit(h, 48)];
        out[*slot as usize] = h;
        *slot += 1;
    }
    for &h in &out {
        let slot = &mut high[digit(h, 56)];
        hashes[*slot as usize] = h;
        *slot += 1;
    }
    if !insertion_sort(hashes, MOVES * n) {
        hashes.sort_unstable();
    }
    // Each hash is written at the end of the distinct ones so far, which
    // grow by one when it differs from the last of them.
    let mut distinct = 1;
    for k in 1..n {
        let h = hashes[k];
        hashes[distinct] = h;
        distinct += usize::from(h != hashes[distinct - 1]);
    }
    out.clear();
    out.extend_from_slice(&hashes[..distinct]);
    out
}

/// Sorts `v` by insertion, unless that takes more than `budget` moves:
/// then gives false, `v` left in some order.
fn insertion_sort(v: &mut [u64], mut budget: usize) -> bool {
    for k in 1..v.len() {
        let h = v[k];
        let mut m = k;
        while m > 0 && v[m - 1] > h {
            if budget == 0 {
                v[m] = h;
                return false;
            }
            budget -= 1;
            v[m] = v[m - 1];
            m -= 1;
        }
        v[m] = h;
    }
    true
}

/// Whether a character belongs to a word (see [`words`]).
///
/// The Latin-1 letters (U+00C0–U+00FF but `×` and `÷`) and the general
/// punctuation (U+2000–U+206F, of which only the invisible U+200B and
/// U+2060 count) are answered without Unicode's tables: the accented
/// letters, apostrophes and typographic spaces of a French or Spanish text.
#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric() || c == '^',
        '\u{C0}'..='\u{FF}' => c != '×' && c != '÷',
        '\u{2000}'..='\u{206F}' => c == '\u{200B}' || c == '\u{2060}',
        _ => c.is_alphanumeric() || fold_char(c) == Folded::Nothing,
    }
}

/// The hash of a word, case folded, without allocating; invisible
/// characters (a soft hyphen) do not count, a ligature counts as its
/// letters. ([`features`] builds it character by character.)
#[cfg(test)]
fn word_hash(word: &str) -> u64 {
    let mut h = super::hash::Fx::default();
    word.chars().for_each(|c| add_char(&mut h, c));
    std::hash::Hasher::finish(&h)
}

/// Adds a word's character to its hash: lower-cased, then folded.
#[inline]
fn add_char(h: &mut super::hash::Fx, c: char) {
    // ASCII folds to its lower case and nothing else; so do the Latin-1
    // letters, whose capitals (but `×`) are 0x20 below their small letters.
    if c.is_ascii() {
        h.add(u64::from(c.to_ascii_lowercase()));
        return;
    }
    if ('\u{C0}'..='\u{FF}').contains(&c) {
        let lower = if c <= '\u{DE}' && c != '×' {
            u32::from(c) + 0x20
        } else {
            u32::from(c)
        };
        h.add(u64::from(lower));
        return;
    }
    for c in c.to_lowercase() {
        match fold_char(c) {
            Folded::Nothing => {}
            Folded::Letters(letters) => letters.chars().for_each(|l| h.add(u64::from(l))),
            _ => h.add(u64::from(c)),
        }
    }
}

/// The words of a text: runs of letters and digits (and invisible
/// characters), footnote references `[^N]` skipped. Hyphens, apostrophes
/// and quotation marks of every kind separate words alike, so the features
/// of typographic variants (see [`crate::model::typography`]) are the same.
/// [`features`] reads them in the same pass as it hashes them; this is
/// their definition.
#[cfg(test)]
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '^' && fold_char(c) != Folded::Nothing)
        .filter(|w| !w.is_empty() && !w.starts_with('^'))
}

/// The sketch of a feature set: its smallest hashes.
pub fn sketch(features: &[u64]) -> &[u64] {
    &features[..features.len().min(SKETCH)]
}

/// Size of the intersection of two sorted sets.
///
/// Without branches on the comparison (which a merge of random hashes
/// mispredicts half the time): each step advances the side or sides
/// holding the smaller value.
pub fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// How many features of sorted `a` are in sorted `b` but not in sorted
/// `except`.
pub fn common_excluding(a: &[u64], b: &[u64], except: &[u64]) -> usize {
    let (mut i, mut j, mut k, mut n) = (0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                while k < except.len() && except[k] < a[i] {
                    k += 1;
                }
                if except.get(k) != Some(&a[i]) {
                    n += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two feature sets: 1.0 for the same words in the same
/// pairs, 0.0 for nothing in common.
pub fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Share of `part`'s features found in `whole`: how much of `part` is a
/// piece of `whole`.
pub fn containment(part: &[u64], whole: &[u64]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    common(part, whole) as f64 / part.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features as first defined: the words, then their hashes.
    fn features_slowly(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut previous: Option<u64> = None;
        for w in words(text) {
            let h = word_hash(w);
            out.push(mix(h ^ 1));
            if let Some(p) = previous {
                out.push(mix(p.rotate_left(23) ^ h ^ 2));
            }
            previous = Some(h);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    proptest::proptest! {
        #[test]
        fn one_pass_features_are_the_words_features(text in "([a-zA-Z0-9 ,.;'^\\[\\]-]|É|é|ß|ÿ|Þ|×|÷|Ç|œ|Σ|ΣΟΦΟΣ|İ|\u{ad}|\u{200b}|\u{2060}|\u{2011}|\u{fb01}|\u{2019}|\u{a0}|\u{2029}|٣|[\\^]){0,60}") {
            proptest::prop_assert_eq!(features(&text), features_slowly(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn radix_sorted_is_sorted(
            hashes in proptest::collection::vec(proptest::num::u64::ANY, 0..700),
            repeats in proptest::collection::vec(0usize..700, 0..40),
            narrow in proptest::bool::ANY,
        ) {
            // Uniform hashes, some repeated; or all with the same top bits.
            let mut hashes: Vec<u64> = hashes.into_iter().map(|h| if narrow { h >> 60 } else { h }).collect();
            for r in repeats {
                if let Some(&h) = hashes.get(r) {
                    hashes.push(h);
                }
            }
            let mut expected = hashes.clone();
            expected.sort_unstable();
            expected.dedup();
            proptest::prop_assert_eq!(sorted(&mut hashes), expected);
        }
    }

    /// Every character of the first planes, inside a word and alone,
    /// read by [`step`]'s shortcuts as by its definition.
    #[test]
    fn every_character_steps_as_defined() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            for text in [format!("a{c}b"), format!("{c}"), format!("x y{c}")] {
                assert_eq!(features(&text), features_slowly(&text), "{:?}", c);
            }
        }
    }

    #[test]
    fn identical_texts_score_one() {
        let a = features("Decides to remain seized of the matter.");
        assert_eq!(dice(&a, &a), 1.0);
    }

    #[test]
    fn typographic_variants_have_the_same_features() {
        assert_eq!(
            features(
                "non\u{2011}intervention, the Court\u{2019}s \u{201c}Act\u{201d}, coop\u{ad}ération, \u{fb01}nal"
            ),
            features("non-intervention, the Court's \"Act\", coopération, final")
        );
    }

    /// The hash of a word as it was first defined: every character
    /// lower-cased, then folded.
    fn word_hash_slowly(word: &str) -> u64 {
        let mut h = super::super::hash::Fx::default();
        for c in word.chars().flat_map(char::to_lowercase) {
            match fold_char(c) {
                Folded::Nothing => {}
                Folded::Letters(letters) => letters.chars().for_each(|l| h.add(u64::from(l))),
                _ => h.add(u64::from(c)),
            }
        }
        std::hash::Hasher::finish(&h)
    }

    #[test]
    fn word_hash_takes_an_ascii_shortcut_to_the_same_hash() {
        for w in [
            "Décide",
            "ÉTAT",
            "coop\u{ad}ération",
            "\u{fb01}nal",
            "A1b2",
            "İstanbul",
            "ΣΟΦΟΣ",
            "x\ty",
        ] {
            assert_eq!(word_hash(w), word_hash_slowly(w), "{w}");
        }
    }

    /// Every character, by its definition: letters and digits, `^`, and
    /// what folding drops.
    #[test]
    fn word_characters_are_as_defined() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let defined = c.is_alphanumeric() || c == '^' || fold_char(c) == Folded::Nothing;
            assert_eq!(is_word_char(c), defined, "{:?}", c);
        }
    }

    /// Every character of the first planes hashes as lower-cased then
    /// folded, the shortcuts included.
    #[test]
    fn every_character_hashes_as_defined() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(word_hash(&s), word_hash_slowly(&s), "{:?}", c);
        }
    }

    #[test]
    fn footnote_references_are_not_words() {
        assert_eq!(features("the report[^5]"), features("the report[^11]"));
    }

    #[test]
    fn containment_of_a_piece() {
        let whole = features("Decides to act now, and requests a report on it");
        let piece = features("requests a report on it");
        assert_eq!(containment(&piece, &whole), 1.0);
        assert!(dice(&piece, &whole) < 0.7);
    }

    #[test]
    fn common_counts_the_intersection() {
        assert_eq!(common(&[1, 3, 5, 7, 9], &[2, 3, 4, 9, 10]), 2);
        assert_eq!(common(&[], &[1]), 0);
        assert_eq!(common(&[1, 2], &[1, 2]), 2);
    }

    #[test]
    fn common_but_not_in_a_third_set() {
        assert_eq!(common_excluding(&[1, 2, 3, 5], &[2, 3, 4, 5], &[3]), 2);
    }
}
