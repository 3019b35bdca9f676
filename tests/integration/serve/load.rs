//! Fifty uploads of the 4,000-paragraph pair at once (drafts of 4 MB,
//! made by `../shared/bench/gen.py`): every one is answered, none with an
//! error, each with the same whole redline a single upload gets (whose
//! page is `redraft diff --format html`'s), and the server's memory
//! returns to its baseline afterwards.
//!
//! No time is asserted (the project measures speed by benchmarks): how
//! long fifty take against one is measured by `measure_load.py` beside
//! this file, and its figure is in the README ("redraft serve"). On two
//! cores fifty comparisons need at least 25 times one's processor time,
//! so "within ten times one" cannot hold there.
//!
//! The work is about 50 × 1.3 s of processor time with an optimised
//! binary, minutes with a debug one: the test needs the binary in
//! `REDRAFT_BIN` (`.ci/run` builds `target/release/redraft` and sets it).
//! Without it the test fails under CI and otherwise says SKIPPED, with the
//! command to run it.

use super::*;

/// The 4,000-paragraph pair (the folder holding `old.txt` and `new.txt`),
/// generated once per run.
fn large_pair() -> std::path::PathBuf {
    let dir = temp_dir("serve-load");
    let out = Command::new("python3")
        .arg(root().join("../shared/bench/gen.py"))
        .args([
            "--sizes",
            "large",
            "--langs",
            "fr",
            "--en-sizes",
            "",
            "--out",
        ])
        .arg(&dir)
        .output()
        .expect("run gen.py");
    assert!(out.status.success(), "{}", stderr(&out));
    dir.join("large-fr")
}

/// The server's resident memory, in bytes.
fn rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    kb * 1024
}

/// Posts the pair as the page does (`/api/compare`); the answer's body.
fn upload(served: &Served, old: &[u8], new: &[u8]) -> Vec<u8> {
    let answer = post_pair(served, "/api/compare", old, new);
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.body
}

/// Whether the binary under test is an optimised one: given in
/// `REDRAFT_BIN`, or the one cargo built for `cargo test --release`.
fn optimised() -> bool {
    std::env::var_os("REDRAFT_BIN").is_some() || !cfg!(debug_assertions)
}

/// Fails under CI (`CI` set and not `false`/`0`), where `.ci/run` gives
/// the release binary; else says SKIPPED where the user sees it.
fn skip_without_an_optimised_binary(ci: Option<&str>) {
    let under_ci = ci.is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(
        !under_ci,
        "the load test needs an optimised binary under CI: REDRAFT_BIN=target/release/redraft (.ci/run sets it)"
    );
    let _ = writeln!(
        std::io::stderr(),
        "\nSKIPPED: serve::load needs an optimised binary: cargo build --release && REDRAFT_BIN=target/release/redraft cargo test --test integration serve::load\n"
    );
}

#[test]
#[should_panic(expected = "optimised binary under CI")]
fn without_an_optimised_binary_the_load_test_fails_under_ci() {
    skip_without_an_optimised_binary(Some("true"));
}

#[test]
fn fifty_uploads_at_once() {
    if !optimised() {
        skip_without_an_optimised_binary(std::env::var("CI").ok().as_deref());
        return;
    }
    let dir = large_pair();
    let (old, new) = (
        std::fs::read(dir.join("old.txt")).unwrap(),
        std::fs::read(dir.join("new.txt")).unwrap(),
    );
    // A fixed date, so that every answer's page is the same bytes.
    let served = Served::start_with(&[("SOURCE_DATE_EPOCH", "1638316800")]);
    let pid = served.pid();
    let one = upload(&served, &old, &new);
    the_page_is_the_command_lines(&one, &dir);
    std::thread::sleep(Duration::from_secs(2));
    let baseline = rss(pid);
    let answered = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for k in 0..50 {
            let (served, old, new, one, answered) = (&served, &old, &new, &one, &answered);
            scope.spawn(move || {
                let answer = upload(served, old, new);
                assert!(
                    answer == *one,
                    "upload {k}: not the redline one upload gets"
                );
                answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            });
        }
    });
    assert_eq!(answered.into_inner(), 50, "every upload answered");
    memory_returns(pid, baseline);
}

/// The answer's page is what `redraft diff old.txt new.txt --format html`
/// writes, and check's findings and the summary follow it.
fn the_page_is_the_command_lines(answer: &[u8], dir: &std::path::Path) {
    let bin = std::env::var_os("REDRAFT_BIN").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_BIN_EXE_redraft")),
        |b| root().join(b),
    );
    let cli = Command::new(bin)
        .args(["diff", "old.txt", "new.txt", "--format", "html"])
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1638316800")
        .output()
        .expect("run redraft diff");
    assert_eq!(cli.status.code(), Some(1), "{}", stderr(&cli));
    let shown: serde_json::Value = serde_json::from_slice(answer).expect("JSON");
    assert!(
        shown["html"].as_str() == Some(stdout(&cli).as_str()),
        "the page's redline is not the CLI's"
    );
    assert!(shown["changed"].as_bool() == Some(true));
    assert!(
        shown["summary"]
            .as_str()
            .is_some_and(|s| s.contains("inserted")),
        "{}",
        shown["summary"]
    );
}

/// The server's memory falls back to within a quarter (or 64 MiB) of its
/// baseline once the answers are sent (it gives freed memory back a
/// moment after each job: src/serve/memory.rs). Polled, not timed: the
/// test waits up to a minute for it.
fn memory_returns(pid: u32, baseline: u64) {
    let limit = baseline + (baseline / 4).max(64 << 20);
    let peak = rss(pid);
    let settled = (0..300).any(|_| {
        std::thread::sleep(Duration::from_millis(200));
        rss(pid) <= limit
    });
    assert!(
        settled,
        "memory did not return to its baseline: {} MiB after, {} MiB before, {} MiB at the end of the uploads",
        rss(pid) >> 20,
        baseline >> 20,
        peak >> 20
    );
}
