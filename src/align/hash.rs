//! A fast, non-cryptographic hasher for alignment keys and features.
//!
//! Alignment hashes every unit's text and every word of the units it
//! compares; the standard library's SipHash is built to resist flooding
//! attacks, which costs time this tool has no use for (inputs are drafts,
//! not adversarial hash tables, and a collision costs at most one wrong
//! candidate that the similarity check then rejects). This is the
//! multiply-rotate hash of Firefox and rustc ("FxHash") with a SplitMix64
//! finaliser, so that the smallest hashes of a sketch are a fair sample.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// The hasher.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fx(u64);

impl Fx {
    /// Mixes one 64-bit word in.
    #[inline]
    pub fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// A hash of `bytes` that reads 32 bytes a step in four independent
/// lanes (four times the speed of [`Fx`] on a long text), for hashes whose
/// value matters to nothing but a hash map's speed: equal bytes, equal
/// hash.
pub fn wide(seed: u64, bytes: &[u8]) -> u64 {
    let mut lanes = [Fx(seed), Fx(seed ^ 1), Fx(seed ^ 2), Fx(seed ^ 3)];
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        for (lane, word) in lanes.iter_mut().zip(chunk.chunks_exact(8)) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            lane.add(u64::from_le_bytes(w));
        }
    }
    let mut h = Fx(bytes.len() as u64);
    h.write(chunks.remainder());
    lanes.iter().for_each(|lane| h.add(lane.0));
    h.finish()
}

/// SplitMix64's finaliser: spreads every input bit over the output.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Builds [`Fx`] hashers for hash maps.
pub type FxBuild = BuildHasherDefault<Fx>;

/// A hash map keyed with [`Fx`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash(s: &str) -> u64 {
        let mut h = Fx::default();
        s.hash(&mut h);
        h.finish()
    }

    #[test]
    fn wide_hash_distinguishes_close_texts() {
        let long = "x".repeat(100);
        assert_ne!(
            wide(0, long.as_bytes()),
            wide(0, format!("{long}y").as_bytes())
        );
        assert_ne!(wide(0, b"a"), wide(0, b"a\0"));
        assert_ne!(wide(0, b"a"), wide(1, b"a"));
        assert_eq!(wide(3, long.as_bytes()), wide(3, long.as_bytes()));
    }

    #[test]
    fn distinguishes_close_texts() {
        assert_ne!(hash("paragraph 12"), hash("paragraph 13"));
        assert_ne!(hash("a"), hash("a\0"));
        assert_eq!(hash("same"), hash("same"));
    }
}
