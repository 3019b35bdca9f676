//! Case-insensitive matching without lower-case copies: an opener or a verb
//! is matched against the start of a paragraph as the lower-casing of both
//! would match, but the paragraph is never copied. ASCII text (most of
//! every draft) takes a byte comparison; other text is folded a character
//! at a time (`char::to_lowercase`).
//!
//! ```
//! use redraft::lang::fold::{ends_with_fold, strip_prefix_fold};
//! assert_eq!(strip_prefix_fold("Rappelant sa résolution", "rappelant"), Some(" sa résolution"));
//! assert_eq!(strip_prefix_fold("ÉTANT DONNÉ que", "étant donné"), Some(" que"));
//! assert_eq!(strip_prefix_fold("Recalling", "recalls"), None);
//! assert!(ends_with_fold("RECORDANDO", "ndo"));
//! ```

/// `text` after `prefix`, when `text` starts with `prefix` in any case
/// (both lower-cased, character by character).
pub fn strip_prefix_fold<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.len();
    if prefix.is_ascii()
        && let Some(head) = text.as_bytes().get(..n)
        && head.is_ascii()
    {
        return head
            .eq_ignore_ascii_case(prefix.as_bytes())
            .then(|| &text[n..]);
    }
    // The head both share in ASCII is compared a byte at a time: an ASCII
    // character lowers to one ASCII character, so the folded streams
    // stay in step over it, and most pairs differ there (a text is tried
    // against many prefixes, and `réaffirmant` differs from `Rappelant` at
    // its second byte, issue 14).
    let k = ascii_head(text.as_bytes(), prefix.as_bytes())?;
    let (text, prefix) = (&text[k..], &prefix[k..]);
    let mut wanted = prefix.chars().flat_map(char::to_lowercase).peekable();
    for (i, c) in text.char_indices() {
        if wanted.peek().is_none() {
            return Some(&text[i..]);
        }
        for l in c.to_lowercase() {
            if wanted.next() != Some(l) {
                return None;
            }
        }
    }
    wanted.peek().is_none().then_some("")
}

/// How many bytes `text` and `prefix` share, in any case, before the
/// first byte of either that is not ASCII or the end of either; `None`
/// when they differ before it.
fn ascii_head(text: &[u8], prefix: &[u8]) -> Option<usize> {
    let mut k = 0;
    while let (Some(t), Some(p)) = (text.get(k), prefix.get(k)) {
        if !t.is_ascii() || !p.is_ascii() {
            break;
        }
        if !t.eq_ignore_ascii_case(p) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// Whether `text` starts with `prefix` in any case and the prefix ends at
/// a word boundary: "Recalling also" starts with the word "recalling",
/// "Recallings" does not.
pub fn starts_with_word_fold(text: &str, prefix: &str) -> bool {
    strip_prefix_fold(text, prefix)
        .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Whether `word` ends with `suffix` in any case.
pub fn ends_with_fold(word: &str, suffix: &str) -> bool {
    let n = suffix.len();
    if suffix.is_ascii()
        && word.len() >= n
        && let Some(tail) = word.as_bytes().get(word.len() - n..)
        && tail.is_ascii()
    {
        return tail.eq_ignore_ascii_case(suffix.as_bytes());
    }
    let folded = |s: &str| {
        s.chars()
            .rev()
            .flat_map(|c| c.to_lowercase().rev())
            .collect::<Vec<char>>()
    };
    let (word, suffix) = (folded(word), folded(suffix));
    word.starts_with(&suffix)
}

/// Whether `a` and `b` are the same in any case.
pub fn eq_fold(a: &str, b: &str) -> bool {
    // Two ASCII first characters that differ in every case: not equal, as
    // both comparisons below would find at their first character.
    if let (Some(x), Some(y)) = (a.as_bytes().first(), b.as_bytes().first())
        && x.is_ascii()
        && y.is_ascii()
        && !x.eq_ignore_ascii_case(y)
    {
        return false;
    }
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii())
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`strip_prefix_fold`] as it was before its first-character test:
    /// the oracle.
    fn strip_prefix_fold_as_first<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
        let n = prefix.len();
        if prefix.is_ascii()
            && let Some(head) = text.as_bytes().get(..n)
            && head.is_ascii()
        {
            return head
                .eq_ignore_ascii_case(prefix.as_bytes())
                .then(|| &text[n..]);
        }
        let mut wanted = prefix.chars().flat_map(char::to_lowercase).peekable();
        for (i, c) in text.char_indices() {
            if wanted.peek().is_none() {
                return Some(&text[i..]);
            }
            for l in c.to_lowercase() {
                if wanted.next() != Some(l) {
                    return None;
                }
            }
        }
        wanted.peek().is_none().then_some("")
    }

    /// The first-character test changes no answer, on random texts and
    /// prefixes of ASCII and other letters in both cases.
    #[test]
    fn the_first_character_test_changes_nothing() {
        let pieces = [
            "r", "R", "a", "é", "É", "İ", "i", "ß", "s", "S", " ", "’", "K", "\u{212a}", "ra",
            "Ré", "rappel", "RAPPEL", "ant",
        ];
        let mut seed = 13u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for _ in 0..40_000 {
            let mut word = || {
                (0..next(6))
                    .map(|_| pieces[next(pieces.len() as u64) as usize])
                    .collect::<String>()
            };
            let (text, prefix) = (word(), word());
            assert_eq!(
                strip_prefix_fold(&text, &prefix),
                strip_prefix_fold_as_first(&text, &prefix),
                "{text:?} / {prefix:?}"
            );
            let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
            assert_eq!(
                eq_fold(&text, &prefix),
                text.eq_ignore_ascii_case(&prefix) || lower(&text) == lower(&prefix),
                "{text:?} = {prefix:?}"
            );
        }
    }

    #[test]
    fn folding_matches_lower_casing_both() {
        let texts = [
            "Recalling",
            "RAPPELANT x",
            "Étant",
            "ÉTANT",
            "İstanbul",
            "straße",
            "x",
        ];
        let prefixes = [
            "recalling",
            "rappelant",
            "étant",
            "i̇stanbul",
            "STRASSE",
            "straße",
            "",
        ];
        for t in texts {
            for p in prefixes {
                let lower = t.to_lowercase();
                let expected = lower.starts_with(&p.to_lowercase());
                assert_eq!(strip_prefix_fold(t, p).is_some(), expected, "{t} / {p}");
                assert_eq!(eq_fold(t, p), lower == p.to_lowercase(), "{t} = {p}");
                assert_eq!(
                    ends_with_fold(t, p),
                    lower.ends_with(&p.to_lowercase()),
                    "{t} ends {p}"
                );
            }
        }
    }

    #[test]
    fn a_word_ends_where_letters_stop() {
        assert!(starts_with_word_fold("Recalling also", "recalling"));
        assert!(starts_with_word_fold("Recalling,", "recalling"));
        assert!(!starts_with_word_fold("Recallings", "recalling"));
        assert_eq!(strip_prefix_fold("Décide de", "décide"), Some(" de"));
    }
}
