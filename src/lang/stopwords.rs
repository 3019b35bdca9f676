//! The stopwords of every language in one table, read by [`super::detect`]
//! for each of up to 20,000 words of a draft: a word is looked up among
//! the few stopwords that share its first byte, and answers with the
//! languages it is a stopword of, instead of being compared with each
//! language's list in turn (about seventy comparisons for a short word
//! that is none, issue 14).
//!
//! ```text
//! "les" → {fr};  "the" → {en};  "por" → {es};  "Les" → {} (stopwords are lower case);  "dans" → {fr}
//! ```

use super::Lang;
use std::sync::LazyLock;

/// The stopwords by first byte, each with its languages: bit `i` for
/// `Lang::ALL[i]`.
struct Table {
    by_first: [Vec<(&'static str, u8)>; 256],
    /// The longest stopword, in bytes: a longer word is none.
    longest: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut by_first: [Vec<(&'static str, u8)>; 256] = std::array::from_fn(|_| Vec::new());
    let mut longest = 0;
    for (i, lang) in Lang::ALL.iter().enumerate() {
        for &word in lang.table().stopwords {
            let Some(&first) = word.as_bytes().first() else {
                continue;
            };
            longest = longest.max(word.len());
            let list = &mut by_first[usize::from(first)];
            match list.iter_mut().find(|(w, _)| *w == word) {
                Some((_, languages)) => *languages |= 1 << i,
                None => list.push((word, 1 << i)),
            }
        }
    }
    Table { by_first, longest }
});

/// The languages `word` is a stopword of, as bits (bit `i` for
/// `Lang::ALL[i]`); 0 for none.
pub(super) fn languages_of(word: &str) -> u8 {
    let table = &*TABLE;
    let Some(&first) = word.as_bytes().first() else {
        return 0;
    };
    if word.len() > table.longest {
        return 0;
    }
    table.by_first[usize::from(first)]
        .iter()
        .find(|(w, _)| *w == word)
        .map_or(0, |&(_, languages)| languages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table answers as each language's list does, for every
    /// stopword, its other cases and neighbours, and other words.
    #[test]
    fn the_table_is_the_lists() {
        let mut words: Vec<String> = ["", "x", "Le", "LES", "thé", "à", "á", "entre", "entres"]
            .map(str::to_string)
            .to_vec();
        for lang in Lang::ALL {
            for w in lang.table().stopwords {
                words.extend([
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w}s"),
                    w.chars().skip(1).collect(),
                ]);
            }
        }
        for word in &words {
            let expected = Lang::ALL
                .iter()
                .enumerate()
                .filter(|(_, l)| l.table().stopwords.contains(&word.as_str()))
                .fold(0u8, |bits, (i, _)| bits | 1 << i);
            assert_eq!(languages_of(word), expected, "{word:?}");
        }
    }
}
