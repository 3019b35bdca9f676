//! Fuzz target `fix`: see tests/common/invariants.rs (`fix_references`) for what
//! it asserts.

#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fix_references(data));
