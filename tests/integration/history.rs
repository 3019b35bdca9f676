//! `redraft history`: three committed versions of the Annex I draft (the
//! lineage table, blame, the cumulative redline with rounds, labels), and
//! `--git` on a repository made by the test.

use crate::support::*;
use std::path::Path;
use std::process::Command;

const VERSIONS: [&str; 3] = [
    "fixtures/history/before.txt",
    "fixtures/history/after.txt",
    "fixtures/history/adoption.txt",
];

/// The lineage rows every run on the three versions must show (Markdown,
/// versions named `a`, `b`, `c` by the caller's header).
const ROWS: [&str; 9] = [
    "| OP2 | OP2 | OP2 | OP2 | R2 (edited) |",
    "| OP13 | OP14 | OP14 | OP13 | — |",
    "| OP14 | OP13 | OP13 | OP14 | R2 (moved) |",
    "| OP16 | — | OP16 | OP16 | R2 (edited) |",
    "| OP17 | OP16 | OP17 | OP17 | — |",
    "| OP22 | — | OP22 | OP22 | R1 (inserted) |",
    "| OP39 | OP38 | OP40 | OP39 | — |",
    "| FN11 | FN9 | FN11 | FN11 | R1 (edited) |",
    "| — | OP37 | OP39 | — | deleted in R2 |",
];

fn history(extra: &[&str]) -> String {
    let mut args = vec!["history"];
    args.extend(VERSIONS);
    args.extend_from_slice(extra);
    let o = redraft(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

fn assert_rows(md: &str) {
    for row in ROWS {
        assert!(
            md.lines().any(|l| l == row),
            "missing row {row:?} in:\n{md}"
        );
    }
}

#[test]
fn lineage_table_of_three_versions() {
    let md = history(&["--format", "markdown"]);
    assert!(
        md.contains("| unit | before.txt | after.txt | adoption.txt | last change |"),
        "{md}"
    );
    assert!(md.contains("- R2: after.txt → adoption.txt"), "{md}");
    assert_rows(&md);
    let units = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| unit"))
        .count();
    let latest = load(&root().join(VERSIONS[2])).units.len();
    assert_eq!(
        units,
        latest + 1,
        "a row per unit of the latest version, plus the deleted one"
    );
}

#[test]
fn cumulative_redline_tags_each_change_with_its_round() {
    let md = history(&["--format", "markdown"]);
    assert!(
        md.contains("qui concerne ~~13~~<sub>R1</sub>***11***<sub>R2</sub> personnes"),
        "{md}"
    );
    assert!(md.contains("**37**<sub>R1</sub>"), "{md}");
    let term = history(&["--format", "term", "--color", "never"]);
    assert!(
        term.contains("afin de lancer +}{R2+dès+}{R1+ 2022"),
        "{term}"
    );
    assert!(term.contains("[moved to OP14; R2]"), "{term}");
}

#[test]
fn blame_gives_the_round_of_every_word() {
    let json: serde_json::Value =
        serde_json::from_str(&history(&["--format", "json"])).expect("JSON");
    let op16 = json["lineage"]
        .as_array()
        .expect("lineage")
        .iter()
        .find(|l| l["label"] == "OP16")
        .expect("OP16");
    let blame: Vec<(String, u64)> = op16["blame"]
        .as_array()
        .expect("blame")
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap_or("").to_string(),
                s["round"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(blame.len(), 3, "{blame:?}");
    assert_eq!((blame[1].0.as_str(), blame[1].1), ("dès", 2));
    assert_eq!((blame[0].1, blame[2].1), (1, 1));
    let removed = json["removed"].as_array().expect("removed");
    assert!(
        removed
            .iter()
            .any(|r| r["label"] == "OP16" && r["text"] == "en" && r["round"] == 2),
        "{removed:?}"
    );
    assert_eq!(json["deleted"][0]["round"], 2);
}

#[test]
fn html_has_a_colour_per_round_and_emphasises_the_last() {
    let html = history(&["--format", "html"]);
    assert!(html.contains("<li class=\"r2 latest\">"), "legend");
    assert!(html.contains("(latest round)"));
    assert!(html.contains(".r1 { color:"), "a colour per round");
    assert!(
        html.contains("<ins class=\"r2 latest\" title=\"R2: after.txt → adoption.txt\">11</ins>")
    );
    assert!(html.contains("<del class=\"r1\" title=\"R1: before.txt → after.txt\">13</del>"));
}

#[test]
fn labels_name_the_versions() {
    let md = history(&[
        "--format",
        "markdown",
        "--label",
        "zero draft",
        "--label",
        "Rev.1",
        "--label",
        "adoption",
    ]);
    assert!(
        md.contains("| unit | zero draft | Rev.1 | adoption | last change |"),
        "{md}"
    );
    let o = redraft(&["history", VERSIONS[0], VERSIONS[1], "--label", "only one"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--label is given 1 time(s) for 2 versions"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn one_version_is_not_a_history() {
    let o = redraft(&["history", VERSIONS[0]]);
    assert_eq!(o.status.code(), Some(2));
}

fn git(dir: &Path, args: &[&str], date: &str) -> String {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    stdout(&o).trim().to_string()
}

#[test]
fn git_history_of_a_file() {
    let dir = temp_dir("history-git");
    git(&dir, &["init", "-q"], "2021-01-01T12:00:00Z");
    let draft = dir.join("cooperation.txt");
    let dates = [
        "2021-01-10T12:00:00Z",
        "2021-02-20T12:00:00Z",
        "2021-03-30T12:00:00Z",
    ];
    let mut hashes = Vec::new();
    for (version, date) in VERSIONS.iter().zip(dates) {
        std::fs::copy(root().join(version), &draft).expect("copy");
        git(&dir, &["add", "cooperation.txt"], date);
        git(&dir, &["commit", "-q", "-m", version], date);
        hashes.push(git(&dir, &["rev-parse", "--short", "HEAD"], date));
    }
    std::fs::write(dir.join("other.txt"), "unrelated").expect("write");
    git(&dir, &["add", "other.txt"], "2021-04-01T12:00:00Z");
    git(
        &dir,
        &["commit", "-q", "-m", "other"],
        "2021-04-01T12:00:00Z",
    );

    let path = draft.to_str().expect("path");
    let o = redraft(&["history", "--git", path, "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    let header = format!(
        "| unit | 2021-01-10 {} | 2021-02-20 {} | 2021-03-30 {} | last change |",
        hashes[0], hashes[1], hashes[2]
    );
    assert!(md.contains(&header), "{header}\n{md}");
    assert_rows(&md);

    let o = redraft(&[
        "history", "--git", path, "--max", "2", "--format", "markdown",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    let header = format!(
        "| unit | 2021-02-20 {} | 2021-03-30 {} | last change |",
        hashes[1], hashes[2]
    );
    assert!(md.contains(&header), "{header}\n{md}");

    let o = redraft(&[
        "history",
        "--git",
        path,
        "--since",
        "2021-03-01",
        "--format",
        "markdown",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("at least two versions"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn git_outside_a_repository_is_trouble() {
    let dir = temp_dir("history-no-git");
    let draft = dir.join("d.txt");
    std::fs::copy(root().join(VERSIONS[0]), &draft).expect("copy");
    let o = redraft(&["history", "--git", draft.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("git:"), "{}", stderr(&o));
}
