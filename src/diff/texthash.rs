//! A hash for the texts of tokens, the keys of the word diff's table of
//! texts already numbered (`words::Ids`).
//!
//! Tokens are short (a word of French is about seven bytes) and looked up
//! once each, so the hash of the whole table is the cost of every token:
//! [`TextHasher`] reads a text as at most two overlapping 8-byte words (the
//! first and last eight bytes; four and four, or three single bytes, when
//! shorter), plus the 8-byte words between them for longer texts, and
//! mixes them with one wide multiplication (as foldhash and wyhash do).
//! Equal texts, equal hashes; the table compares texts, so a collision
//! costs a comparison, never a wrong number.

use std::hash::{BuildHasherDefault, Hasher};

/// A hash map keyed by token texts, with [`TextHasher`].
pub type TextMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<TextHasher>>;

const K1: u64 = 0x243f_6a88_85a3_08d3;
const K2: u64 = 0x1319_8a2e_0370_7344;
const K3: u64 = 0xa409_3822_299f_31d0;

/// The hasher (see the module documentation).
#[derive(Debug, Default, Clone, Copy)]
pub struct TextHasher(u64);

impl Hasher for TextHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0 ^ K1, hash_bytes(bytes));
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        // The end mark `str` hashes after its bytes: nothing to mix in.
        self.0 ^= u64::from(byte);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The high and low halves of a full product, folded: every input bit
/// reaches the high and the low bits of the result.
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

#[inline]
fn word8(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

#[inline]
fn word4(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[at..at + 4]);
    u64::from(u32::from_le_bytes(w))
}

/// The hash of a text's bytes.
#[inline]
fn hash_bytes(b: &[u8]) -> u64 {
    let n = b.len();
    let (mut x, y) = match n {
        0 => (0, 0),
        1..=3 => (
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        ),
        4..=7 => (word4(b, 0), word4(b, n - 4)),
        _ => (word8(b, 0), word8(b, n - 8)),
    };
    let mut at = 8;
    while at + 8 < n {
        x = mix(x ^ K3, word8(b, at) ^ K2);
        at += 8;
    }
    mix(x ^ K2 ^ (n as u64).rotate_left(32), y ^ K3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    fn hash(s: &str) -> u64 {
        BuildHasherDefault::<TextHasher>::default().hash_one(s)
    }

    #[test]
    fn equal_texts_have_equal_hashes_and_others_rarely_collide() {
        let mut words = Vec::new();
        for a in [
            "",
            "a",
            "de",
            "les",
            "Cour",
            "coopération",
            "ICC-ASP/19/Res.2",
        ] {
            for b in [
                "",
                "x",
                "’",
                "s",
                "-et-unième",
                " supplémentaires",
                "0123456789",
            ] {
                words.push(format!("{a}{b}"));
            }
        }
        words.sort();
        words.dedup();
        let hashes: HashSet<u64> = words.iter().map(|w| hash(w)).collect();
        assert_eq!(hashes.len(), words.len());
        let owned = String::from("coopération");
        assert_eq!(hash("coopération"), hash(owned.as_str()));
        // The low bits (bucket) and high bits (control byte) both vary.
        let low: HashSet<u64> = words.iter().map(|w| hash(w) & 0xff).collect();
        let high: HashSet<u64> = words.iter().map(|w| hash(w) >> 57).collect();
        assert!(
            low.len() > words.len() / 2 && high.len() > 32,
            "{} {}",
            low.len(),
            high.len()
        );
    }
}
