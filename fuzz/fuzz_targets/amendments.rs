//! Fuzz target `amendments`: see tests/common/invariants.rs (`amendments`) for what
//! it asserts.

#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::amendments(data));
