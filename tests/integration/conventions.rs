//! The conventions of the ecosystem, on a git repository the test makes:
//! `git diff` of a Word draft shows its text through the `redraft text`
//! textconv; `redraft diff` as `GIT_EXTERNAL_DIFF` (seven arguments) and
//! as a difftool shows the redline; completions and the manual page come
//! out of the binary.

use crate::support::*;
use std::path::Path;
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_redraft")
}

/// Runs git in `dir` with a fixed identity and no user configuration.
fn git(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_PAGER", "cat")
        .envs(env.iter().copied())
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    stdout(&out)
}

/// A repository (in a temporary folder named `name`) with two commits of each draft: `draft.docx` (a real Word
/// file, twenty paragraphs, then one edited) and `draft.txt` (the shipped
/// cooperation drafts, 2020 then 2021).
fn repository(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    let word = root().join("../shared/realworld/word");
    git(&dir, &["init", "-q", "-b", "main"], &[]);
    let put = |from: &Path, to: &str| std::fs::copy(from, dir.join(to)).unwrap();
    put(&word.join("WC027-Twenty-Paras-Before.docx"), "draft.docx");
    put(&root().join("drafts/cooperation-2020.txt"), "draft.txt");
    git(&dir, &["add", "."], &[]);
    git(&dir, &["commit", "-qm", "first"], &[]);
    put(&word.join("WC027-Twenty-Paras-After-1.docx"), "draft.docx");
    put(&root().join("drafts/cooperation-2021.txt"), "draft.txt");
    git(&dir, &["commit", "-qam", "second"], &[]);
    dir
}

#[test]
fn git_diff_of_a_word_draft_shows_its_text() {
    let dir = repository("git-textconv");
    let binary = git(&dir, &["diff", "HEAD~1", "--", "draft.docx"], &[]);
    assert!(binary.contains("Binary files"), "{binary}");
    std::fs::write(
        dir.join(".gitattributes"),
        "*.docx diff=redraft\n*.pdf diff=redraft\n",
    )
    .unwrap();
    git(
        &dir,
        &[
            "config",
            "diff.redraft.textconv",
            &format!("{} text", bin()),
        ],
        &[],
    );
    let text = git(&dir, &["diff", "HEAD~1", "--", "draft.docx"], &[]);
    assert!(!text.contains("Binary files"), "{text}");
    let added: Vec<&str> = text
        .lines()
        .filter(|l| l.len() > 1 && l.starts_with('+') && !l.starts_with("+++"))
        .collect();
    let removed: Vec<&str> = text
        .lines()
        .filter(|l| l.len() > 1 && l.starts_with('-') && !l.starts_with("---"))
        .collect();
    // The Word file's paragraphs, one a line: "Three" deleted, "19.5" added.
    assert_eq!(removed, ["-Three"], "{text}");
    assert_eq!(added, ["+19.5"], "{text}");
}

#[test]
fn the_external_diff_driver_shows_the_redline() {
    let dir = repository("git-external-diff");
    let command = format!("{} diff", bin());
    let out = git(
        &dir,
        &["diff", "HEAD~1", "--", "draft.txt"],
        &[("GIT_EXTERNAL_DIFF", &command)],
    );
    assert!(
        out.contains("--- a/draft.txt") && out.contains("+++ b/draft.txt"),
        "{out}"
    );
    assert!(
        out.contains("{+") && out.contains("[-"),
        "not a redline: {out}"
    );
    assert!(out.contains("ancien 23"), "no renumbering: {out}");
    // Git stops at an external diff that fails: the Word draft follows.
    let both = git(
        &dir,
        &["diff", "HEAD~1"],
        &[("GIT_EXTERNAL_DIFF", &command)],
    );
    assert!(
        both.contains("b/draft.docx") && both.contains("b/draft.txt"),
        "{both}"
    );
    // A new draft is said in one line.
    std::fs::copy(
        root().join("drafts/cooperation-2020.txt"),
        dir.join("added.txt"),
    )
    .unwrap();
    git(&dir, &["add", "added.txt"], &[]);
    let added = git(
        &dir,
        &["diff", "--cached"],
        &[("GIT_EXTERNAL_DIFF", &command)],
    );
    assert_eq!(added.trim(), "redraft: b/added.txt: a new draft");
    // As a difftool.
    let tool = git(
        &dir,
        &[
            "difftool",
            "-y",
            "-x",
            &format!("{} diff --format text", bin()),
            "HEAD~1",
            "HEAD",
            "--",
            "draft.txt",
        ],
        &[],
    );
    assert!(tool.contains("{+") && tool.contains("ancien 23"), "{tool}");
}

#[test]
fn completions_and_the_manual_page() {
    for (shell, needle) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef redraft"),
        ("fish", "complete -c redraft"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = redraft(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout(&out).contains(needle), "{shell}");
    }
    let out = redraft(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let man = redraft(&["man"]);
    assert_eq!(man.status.code(), Some(0));
    let page = stdout(&man);
    assert!(
        page.contains(".TH redraft 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains("split\\-revisions"), "subcommands listed");
}
