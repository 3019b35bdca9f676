//! Helpers shared by the integration tests.

use redraft::model::{ParseOptions, Resolution, parse};
use redraft::redline::{Entry, Op, Redline};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// Runs the binary with arguments, from the project root.
pub fn redraft(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run redraft")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Reads and parses a fixture file.
pub fn load(path: &Path) -> Resolution {
    let source = redraft::ingest::read(path).expect("readable fixture");
    parse(&source.text, &ParseOptions::default()).expect("structured fixture")
}

/// The redline between two fixture files.
pub fn redline_of(old: &Path, new: &Path) -> Redline {
    redraft::diff::redline(&load(old), &load(new), &Default::default())
}

/// The redline of `fixtures/<name>/old.txt` → `new.txt`.
pub fn redline_pair(name: &str) -> Redline {
    redline_of(
        &fixture(&format!("{name}/old.txt")),
        &fixture(&format!("{name}/new.txt")),
    )
}

/// The entry whose new label is `label`.
pub fn by_new<'a>(r: &'a Redline, label: &str) -> &'a Entry {
    r.entries
        .iter()
        .find(|e| e.op != Op::MovedAway && e.new.as_ref().is_some_and(|n| n.label == label))
        .unwrap_or_else(|| panic!("no entry with new label {label}"))
}

/// The entries that were deleted, by old label.
pub fn deleted_labels(r: &Redline) -> Vec<String> {
    r.entries
        .iter()
        .filter(|e| e.op == Op::Deleted)
        .map(|e| e.old[0].label.clone())
        .collect()
}

/// The old label of an entry (the first, for merges).
pub fn old_label(e: &Entry) -> &str {
    e.old.first().map_or("", |o| o.label.as_str())
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redraft-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
