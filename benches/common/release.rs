//! What both benches share: the release binary they time. Each bench
//! includes this file with `#[path = "common/release.rs"] mod release;`
//! (a file in a subfolder of `benches/` is no bench of its own).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds (or finds up to date) the release binary, next to this bench in
/// the target directory.
pub fn build_redraft(manifest: &Path) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("building target/release/redraft ...");
    let status = Command::new(cargo)
        .args(["build", "--release", "--bin", "redraft"])
        .current_dir(manifest)
        .status()
        .expect("run cargo build");
    assert!(
        status.success(),
        "cargo build --release --bin redraft failed"
    );
    // A bench runs from <target>/release/deps/<bench>-<hash>.
    let exe = std::env::current_exe().expect("current exe");
    let release = exe
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| manifest.join("target/release"));
    let bin = release.join("redraft");
    if bin.exists() {
        bin
    } else {
        manifest.join("target/release/redraft")
    }
}
