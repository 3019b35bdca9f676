//! Fuzz target `plain_text`: see tests/common/invariants.rs (`plain_text`) for what
//! it asserts.

#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::plain_text(data));
