//! Fuzz target `docx`: see tests/common/invariants.rs (`word`) for what
//! it asserts.

#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::word(data));
