//! The words of amendments: the sentence templates of each language
//! ([`crate::lang::amendments`]) expanded into patterns ([`templates`]),
//! filled to write an amendment ([`phrase`]) and matched to read one
//! ([`read()`]), and whole lists read with their line numbers
//! ([`parse()`]).
//!
//! Writing and reading share one table of patterns, so what is written
//! always reads back.

pub mod list;
mod plural;
pub mod read;
pub(crate) mod slot;
mod templates;
#[cfg(test)]
mod tests;
pub mod write;

pub use list::{ParseError, parse};
pub use read::{MAX_AMENDMENT, Unread, read};
pub use write::{describe, phrase};

/// How an operative number reads: `9bis` → `9 bis`.
pub fn display(number: &str) -> String {
    let digits = number.chars().take_while(char::is_ascii_digit).count();
    match number.split_at(digits) {
        (d, "") => d.to_string(),
        (d, suffix) => format!("{d} {suffix}"),
    }
}
