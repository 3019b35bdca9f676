//! Build script: on request, links the `redraft` binary as a
//! position-dependent executable (`-no-pie`) on Linux with glibc.
//!
//! A position-independent executable (the default) makes the dynamic
//! loader apply about 20,000 relocations at every start (the pointers of
//! the language tables, vtables and string tables) and copy the ~90 pages
//! they sit on: 0.65 ms of the 4.6 ms a small comparison takes end to end
//! (README, "Speed"). A fixed-address executable needs none of that, but
//! its code and data are then always at the same address, which weakens
//! address-space randomisation for a program whose input may be hostile.
//! The default keeps it; build with `REDRAFT_NO_PIE=1` to trade it for the
//! faster start (a batch script run thousands of times on trusted drafts).
//! Only the binary's link changes: the library, tests and benches are
//! built as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=REDRAFT_NO_PIE");
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    let no_pie = std::env::var_os("REDRAFT_NO_PIE").is_some_and(|v| v != "0");
    if no_pie && target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu"
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
