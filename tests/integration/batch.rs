//! Batch mode: `redraft diff OLD_DIR NEW_DIR -o OUT_DIR` pairs files by
//! name and by document symbol, writes a redline a pair and `index.html`,
//! keeps going past a bad file (and then fails naming it); `redraft check
//! DIR` checks every draft of the folder.

use crate::support::*;
use std::path::Path;
use std::process::{Command, Output};

fn copy(from: &str, to: &Path) {
    std::fs::copy(fixture(from), to).expect("copy fixture");
}

/// Two folders: `move` and `split` paired by name, a draft and its
/// revision paired by symbol, a file only in the old folder.
fn folders(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = temp_dir(name);
    let (old, new) = (dir.join("old"), dir.join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    copy("move/old.txt", &old.join("move.txt"));
    copy("move/new.txt", &new.join("move.txt"));
    copy("split/old.txt", &old.join("split.txt"));
    copy("split/new.txt", &new.join("split.txt"));
    let body = std::fs::read_to_string(fixture("renumber-insert/old.txt")).unwrap();
    let revised = std::fs::read_to_string(fixture("renumber-insert/new.txt")).unwrap();
    std::fs::write(old.join("l3.txt"), format!("ICC-ASP/20/L.3\n\n{body}")).unwrap();
    std::fs::write(
        new.join("l3-rev1.txt"),
        format!("ICC-ASP/20/L.3/Rev.1\n\n{revised}"),
    )
    .unwrap();
    copy("delete/old.txt", &old.join("withdrawn.txt"));
    (old, new)
}

fn run(args: &[&Path], threads: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1638316800")
        .env("REDRAFT_THREADS", threads)
        .output()
        .expect("run redraft")
}

fn diff_dirs(old: &Path, new: &Path, out: &Path, threads: &str) -> Output {
    run(
        &[Path::new("diff"), old, new, Path::new("-o"), out],
        threads,
    )
}

#[test]
fn folders_pair_by_name_and_symbol_with_an_index() {
    let (old, new) = folders("batch-pairs");
    let out = old.parent().unwrap().join("out");
    let o = diff_dirs(&old, &new, &out, "2");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    for file in ["move.html", "split.html", "l3-rev1.html"] {
        let html = std::fs::read_to_string(out.join(file)).expect(file);
        assert!(
            html.starts_with("<!DOCTYPE html>") && html.contains("<ins>"),
            "{file}"
        );
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<a href=\"move.html\">move</a>"), "{index}");
    assert!(
        index.contains("(paired by symbol ICC-ASP/20/L.3)"),
        "{index}"
    );
    assert!(index.contains("Only in the old folder") && index.contains("withdrawn.txt"));
    assert!(index.contains("3 documents compared, 0 failed"), "{index}");
}

#[test]
fn one_bad_file_fails_the_batch_naming_it_and_the_others_are_written() {
    let (old, new) = folders("batch-bad");
    copy("bad-input/binary.txt", &old.join("broken.txt"));
    copy("move/new.txt", &new.join("broken.txt"));
    let out = old.parent().unwrap().join("out");
    let o = diff_dirs(&old, &new, &out, "2");
    assert_eq!(o.status.code(), Some(2));
    let message = stderr(&o);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("broken.txt") && message.contains("binary data"),
        "{message}"
    );
    assert!(out.join("move.html").exists() && out.join("split.html").exists());
    assert!(!out.join("broken.html").exists());
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("1 failed") && index.contains("binary data"),
        "{index}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left");
}

#[test]
fn a_batch_on_one_thread_and_four_writes_the_same_bytes() {
    let (old, new) = folders("batch-threads");
    let root = old.parent().unwrap().to_path_buf();
    let outputs: Vec<Vec<(String, Vec<u8>)>> = ["1", "4"]
        .iter()
        .map(|threads| {
            let out = root.join(format!("out-{threads}"));
            diff_dirs(&old, &new, &out, threads);
            let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into(),
                        std::fs::read(e.path()).unwrap(),
                    )
                })
                .collect();
            files.sort();
            files
        })
        .collect();
    assert_eq!(outputs[0].len(), 4);
    assert!(outputs[0] == outputs[1], "one thread and four differ");
}

#[test]
fn folders_need_an_output_folder_other_than_theirs() {
    let (old, new) = folders("batch-usage");
    let o = run(&[Path::new("diff"), &old, &new], "2");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o OUT_DIR"), "{}", stderr(&o));
    let o = diff_dirs(&old, &new, &new, "2");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("refusing to overwrite"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_of_a_folder_is_check_of_its_files() {
    let (old, _) = folders("batch-check");
    let files: Vec<std::path::PathBuf> = redraft::batch::files(&old).unwrap();
    let mut each: Vec<&Path> = vec![Path::new("check")];
    each.extend(files.iter().map(|f| f.as_path()));
    let by_folder = run(&[Path::new("check"), &old], "2");
    let by_files = run(&each, "1");
    assert_eq!(by_folder.status.code(), by_files.status.code());
    assert_eq!(stdout(&by_folder), stdout(&by_files));
    assert!(
        stdout(&by_folder).contains("withdrawn.txt"),
        "{}",
        stdout(&by_folder)
    );
}
