//! Fifty uploads of the 4,000-paragraph pair at once (drafts of 4 MB,
//! made by `../shared/bench/gen.py`): every answer is a whole redline, the
//! time stays within the bound below, and the server's memory returns to
//! its baseline afterwards.
//!
//! The bound: the issue asks for fifty within ten times one. A comparison
//! is work for a core, so fifty take at least fifty times one's CPU time
//! divided by the cores; on a machine with fewer than five cores that
//! floor is above ten times one, and no server can meet it. The test
//! therefore asserts fifty ≤ max(10 × one, 1.5 × 50 × CPU(one) / cores):
//! ten times where the machine has the cores for it, and otherwise no
//! worse than 1.5 times the ideal of the cores kept busy (the 1.5 leaves
//! room for a loaded machine). Both times are measured in the same run.
//!
//! The test takes minutes with a debug binary, so `cargo test` skips it
//! (`#[ignore]`); `.ci/run` runs it on the release binary:
//! `REDRAFT_BIN=target/release/redraft cargo test --test integration serve::load -- --ignored`.

use super::*;
use std::time::Instant;

/// The 4,000-paragraph pair, generated once per run.
fn large_pair() -> (Vec<u8>, Vec<u8>) {
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
    let read = |name: &str| std::fs::read(dir.join("large-fr").join(name)).unwrap();
    (read("old.txt"), read("new.txt"))
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

/// The server's CPU time so far, in seconds.
fn cpu(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime: fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}

/// Posts the pair and checks that the answer is a whole redline: the JSON
/// begins with the page, whose end the summary follows. (Not parsed:
/// the test's own work would compete with the server for the cores.)
fn compare_ok(served: &Served, old: &[u8], new: &[u8]) {
    let answer = post_pair(served, "/api/compare", old, new);
    assert_eq!(answer.status, 200, "{}", answer.text());
    let body = &answer.body;
    assert!(
        body.starts_with(b"{\"html\":\"<!DOCTYPE html>"),
        "not a redline"
    );
    // The page's end, then the summary: searched from the end, past the
    // findings only.
    let end = b"</html>\\n\",\"summary\":";
    assert!(
        body.windows(end.len()).rev().any(|w| w == end),
        "a cut redline"
    );
}

#[test]
#[ignore = "minutes with a debug binary: .ci/run runs it on the release binary"]
fn fifty_uploads_at_once() {
    let (old, new) = large_pair();
    let served = Served::start();
    let pid = served.pid();
    compare_ok(&served, &old, &new);
    let baseline = rss(pid);
    // One: the median of three, each alone.
    let mut ones: Vec<(f64, f64)> = (0..3)
        .map(|_| {
            let (cpu_before, started) = (cpu(pid), Instant::now());
            compare_ok(&served, &old, &new);
            (started.elapsed().as_secs_f64(), cpu(pid) - cpu_before)
        })
        .collect();
    ones.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (one, one_cpu) = ones[1];
    let cpu_before = cpu(pid);
    let started = Instant::now();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|_| scope.spawn(|| compare_ok(&served, &old, &new)))
            .collect();
        for h in handles {
            h.join().expect("an upload failed");
        }
    });
    let (fifty, fifty_cpu) = (started.elapsed().as_secs_f64(), cpu(pid) - cpu_before);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let bound = (10.0 * one).max(1.5 * 50.0 * one_cpu / cores);
    eprintln!(
        "serve load: one {one:.2} s ({one_cpu:.2} s CPU), fifty {fifty:.2} s ({fifty_cpu:.1} s CPU; {:.1}× one), bound {bound:.2} s on {cores} cores",
        fifty / one
    );
    assert!(fifty <= bound, "fifty took {fifty:.2} s, over {bound:.2} s");
    let limit = baseline + (baseline / 4).max(64 << 20);
    let settled = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(200));
        rss(pid) <= limit
    });
    assert!(
        settled,
        "memory did not return to its baseline: {} MiB after, {} MiB before",
        rss(pid) >> 20,
        baseline >> 20
    );
}
