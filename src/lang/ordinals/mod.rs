//! Ordinal words, 1 to 100, as one table per language from which both the
//! readers (`check`'s reference grammar, the amendments reader) and the
//! writers (amendments, `--fix`) take their words, so that what is written
//! is always read back.
//!
//! A table lists the ordinals written whole (1 to 19 or so), the tens, the
//! unit words used after a ten, and the hundredth; the other ordinals are
//! composed from them:
//!
//! | language | 21 | 71 | 99 |
//! |---|---|---|---|
//! | en | `twenty-first` | `seventy-first` | `ninety-ninth` |
//! | fr | `vingt et unième` | `soixante et onzième` | `quatre-vingt-dix-neuvième` |
//! | es | `vigésimo primer` | `septuagésimo primer` | `nonagésimo noveno` |
//!
//! A language has one or more **forms** (French masculine and feminine:
//! `premier`, `première`; Spanish before a noun, alone and feminine:
//! `primer`, `primero`, `primera`); a word missing in a form is the first
//! form's. Some spellings are read but never written (`second`,
//! `vingt-et-unième`, `twenty first`, `decimotercero`).
//!
//! ```
//! use redraft::lang::Lang;
//! let es = Lang::Es.table().references.ordinals;
//! assert_eq!(es.word(13, 0), Some("decimotercer"));
//! assert_eq!(es.read("Vigésimo primer"), Some((21, 0)));
//! assert_eq!(es.read("vigésima primera"), Some((21, 2)));
//! ```

pub mod en;
pub mod es;
pub mod fr;

use std::collections::HashMap;
use std::sync::OnceLock;

/// One language's ordinals.
#[derive(Debug)]
pub struct Ordinals {
    /// How many forms each ordinal has (masculine, feminine, …).
    pub forms: usize,
    /// The ordinals written whole, from 1, each with its forms:
    /// `["premier", "première"]`, `["deuxième"]`.
    pub whole: &'static [&'static [&'static str]],
    /// The tens from which the following ordinals are composed.
    pub tens: &'static [Ten],
    /// The words for 1, 2, … after a ten (`unième` in `vingt et unième`),
    /// with their forms.
    pub units: &'static [&'static [&'static str]],
    /// The hundredth, with its forms.
    pub hundredth: &'static [&'static str],
    /// Spellings read but not written: the word, its number, its form.
    pub also_read: &'static [(&'static str, u32, usize)],
    /// The words, worked out once: `[form][n - 1]`.
    pub(super) cache: OnceLock<Vec<Vec<String>>>,
    /// Every spelling read, lower case, and the most words one has,
    /// worked out once.
    pub(super) index: OnceLock<Index>,
}

/// Every spelling read (lower case) with its number and form, and the
/// most words a spelling has.
type Index = (HashMap<String, (u32, usize)>, usize);

/// A ten and the ordinals composed on it: `vingt` gives `vingtième`,
/// `vingt et unième`, `vingt-deuxième`, … `vingt-neuvième`.
#[derive(Debug)]
pub struct Ten {
    /// Its value: 20, 30, … (60 in French covers up to 79).
    pub value: u32,
    /// How many ordinals it covers, itself included: 10, or 20 for the
    /// French `soixante` and `quatre-vingt`.
    pub span: u32,
    /// Its own ordinal, in each form: `["vingtième"]`.
    pub ordinal: &'static [&'static str],
    /// What a composed ordinal starts with, in each form: `["vingt"]`,
    /// `["vigésimo", "vigésimo", "vigésima"]`.
    pub stem: &'static [&'static str],
    /// What joins the stem and the unit word: `-`, ` `.
    pub join: &'static str,
    /// What joins them before a unit word of 1 or 11 (`" et "` in `vingt
    /// et unième`).
    pub join_one: &'static str,
}

impl Ordinals {
    /// The ordinal for `n` (1 to 100) in `form`, lower case:
    /// `word(21, 0)` → `"twenty-first"`.
    pub fn word(&'static self, n: u32, form: usize) -> Option<&'static str> {
        let words = self.words(form.min(self.forms.saturating_sub(1)));
        words
            .get(usize::try_from(n).ok()?.checked_sub(1)?)
            .map(String::as_str)
    }

    /// Every ordinal in `form`, from 1 to 100: index `n - 1`.
    pub fn words(&'static self, form: usize) -> &'static [String] {
        let all = self.cache.get_or_init(|| {
            (0..self.forms.max(1))
                .map(|f| (1..=100).map(|n| self.compose(n, f)).collect())
                .collect()
        });
        all.get(form).map_or(&[], Vec::as_slice)
    }

    /// The number and form a spelling stands for, ignoring case; words
    /// are separated by one space: `read("Vingt et unième")` → `(21, 0)`.
    pub fn read(&'static self, written: &str) -> Option<(u32, usize)> {
        let (index, _) = self.index.get_or_init(|| self.build_index());
        index.get(&written.to_lowercase()).copied()
    }

    /// The longest spelling, in words, that [`Ordinals::read`] knows.
    pub fn longest(&'static self) -> usize {
        self.index.get_or_init(|| self.build_index()).1
    }

    fn compose(&self, n: u32, form: usize) -> String {
        let pick = |forms: &[&'static str]| -> &'static str {
            forms
                .get(form)
                .or(forms.first())
                .copied()
                .unwrap_or_default()
        };
        if let Some(forms) = self.whole.get(n as usize - 1) {
            return pick(forms).to_string();
        }
        if n == 100 {
            return pick(self.hundredth).to_string();
        }
        let Some(ten) = self
            .tens
            .iter()
            .find(|t| (t.value..t.value + t.span).contains(&n))
        else {
            return String::new();
        };
        let k = n - ten.value;
        if k == 0 {
            return pick(ten.ordinal).to_string();
        }
        let join = if k % 10 == 1 { ten.join_one } else { ten.join };
        let unit = self.units.get(k as usize - 1).map_or("", |u| pick(u));
        format!("{}{join}{unit}", pick(ten.stem))
    }

    /// Written spellings, then what is read too: hyphens as spaces and
    /// spaces as hyphens (`twenty first`, `vingt-et-unième`), and
    /// [`Ordinals::also_read`].
    fn build_index(&'static self) -> Index {
        let mut index = HashMap::new();
        for form in (0..self.forms.max(1)).rev() {
            for (i, word) in self.words(form).iter().enumerate() {
                let n = i as u32 + 1;
                for variant in [word.replace(' ', "-"), word.replace('-', " "), word.clone()] {
                    index.insert(variant, (n, form));
                }
            }
        }
        for &(word, n, form) in self.also_read {
            index.entry(word.to_string()).or_insert((n, form));
        }
        let longest = index
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        (index, longest)
    }
}

/// One form of a language's ordinals, as an amendment writes them: the
/// masculine for "the second preambular paragraph", the feminine for
/// "la deuxième occurrence".
#[derive(Debug, Clone, Copy)]
pub struct OrdinalForm {
    /// The language's ordinals.
    pub ordinals: &'static Ordinals,
    /// Which of their forms.
    pub form: usize,
}

impl OrdinalForm {
    /// The ordinals in this form, from 1 to 100: index `n - 1`.
    pub fn words(&self) -> &'static [String] {
        self.ordinals.words(self.form)
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;

    #[test]
    fn every_language_writes_and_reads_one_to_a_hundred() {
        for lang in [Lang::En, Lang::Fr, Lang::Es] {
            let ordinals = lang.table().references.ordinals;
            for form in 0..ordinals.forms {
                for n in 1..=100 {
                    let word = ordinals.word(n, form).unwrap_or_default();
                    assert!(!word.is_empty(), "{lang:?} {n} form {form}");
                    assert_eq!(ordinals.read(word).map(|r| r.0), Some(n), "{lang:?} {word}");
                }
            }
        }
    }

    #[test]
    fn composed_spellings() {
        let en = Lang::En.table().references.ordinals;
        assert_eq!(en.word(21, 0), Some("twenty-first"));
        assert_eq!(en.word(99, 0), Some("ninety-ninth"));
        assert_eq!(en.word(100, 0), Some("hundredth"));
        assert_eq!(en.read("Twenty first"), Some((21, 0)));
        let fr = Lang::Fr.table().references.ordinals;
        assert_eq!(fr.word(21, 0), Some("vingt et unième"));
        assert_eq!(fr.word(71, 0), Some("soixante et onzième"));
        assert_eq!(fr.word(80, 0), Some("quatre-vingtième"));
        assert_eq!(fr.word(81, 0), Some("quatre-vingt-unième"));
        assert_eq!(fr.word(97, 0), Some("quatre-vingt-dix-septième"));
        assert_eq!(fr.word(1, 1), Some("première"));
        assert_eq!(fr.read("vingt-et-unième"), Some((21, 0)));
        let es = Lang::Es.table().references.ordinals;
        assert_eq!(es.word(1, 0), Some("primer"));
        assert_eq!(es.word(13, 2), Some("decimotercera"));
        assert_eq!(es.word(23, 1), Some("vigésimo tercero"));
        assert_eq!(es.word(100, 0), Some("centésimo"));
        assert_eq!(es.read("decimotercero"), Some((13, 1)));
        assert_eq!(es.word(0, 0), None);
        assert_eq!(es.word(101, 0), None);
    }
}
