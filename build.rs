//! Build script: links the `redraft` binary as a position-dependent
//! executable (`-no-pie`) on Linux with glibc.
//!
//! A position-independent executable makes the dynamic loader apply about
//! 20,000 relocations at every start (the pointers of the language tables,
//! vtables and string tables) and copy the ~90 pages they sit on: 0.65 ms
//! of the 4.6 ms a small comparison took end to end (README, "Speed"). A
//! fixed-address executable needs none of that. The library, the tests and
//! the benches are built as before: only the binary's link changes. The
//! price is that the binary's own code and data are not placed at a random
//! address (the heap, the stack and the shared libraries still are); set
//! `REDRAFT_PIE=1` when building to keep a position-independent binary.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=REDRAFT_PIE");
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    let pie = std::env::var_os("REDRAFT_PIE").is_some_and(|v| v != "0");
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" && !pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
