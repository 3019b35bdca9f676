//! Limits on what reading one document may produce.
//!
//! A Word document is small on disk and can still expand without bound
//! once read: the number text of a list level (`lvlText`) is written
//! before every paragraph of the list, a footnote's text after every
//! reference to it. A 1.7 KB file whose level text is "%1" 500,000 times,
//! used by 200 paragraphs, would make 100 million characters. The cap on
//! inflated bytes ([`super::docx::container::MAX_INFLATED`]) does not see
//! this; a [`Budget`] does: every character and every paragraph the reader
//! produces is charged to it as it is produced, and reading stops at the
//! first charge past the limit, so the cost of a hostile document is
//! bounded by the limit, not by what it asks for.
//!
//! The defaults ([`Limits::default`]) are far above real drafts (the
//! longest UN documents are a few million characters and a few thousand
//! paragraphs); `--max-chars` and `--max-units` raise them for genuinely
//! huge files.
//!
//! ```
//! use redraft::ingest::limits::{Budget, Limits};
//! let mut budget = Budget::new(Limits { max_chars: 10, max_units: 2 });
//! assert!(budget.text("12345").is_ok() && budget.unit().is_ok());
//! let err = budget.text("678901").unwrap_err();
//! assert!(err.starts_with("the document expands to more than 10 characters of text"));
//! ```

/// The most a document may produce once read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Characters of text, numbers and notes included.
    pub max_chars: usize,
    /// Units: paragraphs and note definitions.
    pub max_units: usize,
}

/// The default limit on characters: 16 million, several thousand pages.
pub const MAX_CHARS: usize = 16_000_000;
/// The default limit on units: 100,000 paragraphs and notes.
pub const MAX_UNITS: usize = 100_000;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_chars: MAX_CHARS,
            max_units: MAX_UNITS,
        }
    }
}

/// What is left of the limits while one document is read.
#[derive(Debug, Clone)]
pub struct Budget {
    limits: Limits,
    chars: usize,
    units: usize,
}

impl Budget {
    /// A full budget.
    pub fn new(limits: Limits) -> Budget {
        Budget {
            limits,
            chars: 0,
            units: 0,
        }
    }

    /// Charges the characters of `text`; the error is one line saying
    /// which limit was passed and how to raise it.
    pub fn text(&mut self, text: &str) -> Result<(), String> {
        self.chars = self.chars.saturating_add(text.chars().count());
        if self.chars > self.limits.max_chars {
            return Err(format!(
                "the document expands to more than {} characters of text (list numbers or notes repeated?); pass --max-chars N to read a genuinely larger document",
                self.limits.max_chars
            ));
        }
        Ok(())
    }

    /// Charges one unit (a paragraph or a note definition).
    pub fn unit(&mut self) -> Result<(), String> {
        self.units += 1;
        if self.units > self.limits.max_units {
            return Err(format!(
                "the document has more than {} paragraphs and notes; pass --max-units N to read a genuinely larger document",
                self.limits.max_units
            ));
        }
        Ok(())
    }

    /// Charges a produced block: one unit and its characters.
    pub fn block(&mut self, text: &str) -> Result<(), String> {
        self.unit()?;
        self.text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_counted_and_refused_past_the_limit() {
        let mut b = Budget::new(Limits {
            max_chars: 100,
            max_units: 1,
        });
        assert!(b.block("é").is_ok());
        assert!(b.block("x").unwrap_err().contains("--max-units"));
    }

    #[test]
    fn characters_not_bytes() {
        let mut b = Budget::new(Limits {
            max_chars: 3,
            max_units: 10,
        });
        assert!(b.text("éèà").is_ok());
        assert!(b.text("a").is_err());
    }
}
