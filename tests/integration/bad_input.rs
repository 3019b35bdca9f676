//! Bad input: one clear line naming the file and the problem, exit 2, no
//! panic, no output file.

use crate::support::*;

fn fails_with(args: &[&str], expected: &[&str]) {
    let o = redraft(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("redraft: "), "{err}");
    for e in expected {
        assert!(err.contains(e), "{err} should contain {e}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_file() {
    fails_with(
        &["diff", "fixtures/nope.txt", "fixtures/delete/new.txt"],
        &["fixtures/nope.txt", "cannot read"],
    );
}

#[test]
fn empty_file() {
    fails_with(
        &[
            "diff",
            "fixtures/bad-input/empty.txt",
            "fixtures/delete/new.txt",
        ],
        &["empty.txt", "empty"],
    );
}

#[test]
fn binary_file() {
    fails_with(
        &["parse", "fixtures/bad-input/binary.txt"],
        &["binary.txt", "binary data"],
    );
}

#[test]
fn invalid_utf8() {
    fails_with(
        &["parse", "fixtures/bad-input/latin1.txt"],
        &["latin1.txt", "not valid UTF-8"],
    );
}

#[test]
fn markdown_without_resolution_structure() {
    fails_with(
        &[
            "diff",
            "fixtures/delete/old.txt",
            "fixtures/no-structure/notes.md",
        ],
        &["notes.md", "Markdown, not a draft"],
    );
}

#[test]
fn directory_instead_of_file() {
    fails_with(&["parse", "fixtures"], &["fixtures", "cannot read"]);
}

#[test]
fn refuses_to_overwrite_an_input() {
    let dir = temp_dir("overwrite");
    let old = dir.join("old.txt");
    std::fs::copy(fixture("delete/old.txt"), &old).unwrap();
    let before = std::fs::read(&old).unwrap();
    let old_s = old.to_str().unwrap();
    fails_with(
        &["diff", old_s, "fixtures/delete/new.txt", "-o", old_s],
        &["old.txt", "overwrite an input"],
    );
    assert_eq!(std::fs::read(&old).unwrap(), before);
}

#[test]
fn no_partial_output_on_bad_input() {
    let dir = temp_dir("partial");
    let out = dir.join("redline.html");
    fails_with(
        &[
            "diff",
            "fixtures/delete/old.txt",
            "fixtures/bad-input/empty.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        &["empty.txt"],
    );
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no temporary file left"
    );
}

#[test]
fn output_file_is_written_whole() {
    let dir = temp_dir("atomic");
    let out = dir.join("redline.html");
    let o = redraft(&[
        "diff",
        "fixtures/delete/old.txt",
        "fixtures/delete/new.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "only the output remains"
    );
}

#[test]
fn unwritable_output_is_trouble() {
    fails_with(
        &[
            "diff",
            "fixtures/delete/old.txt",
            "fixtures/delete/new.txt",
            "-o",
            "/nonexistent-dir/x.html",
        ],
        &["/nonexistent-dir/x.html", "cannot write"],
    );
}

#[test]
fn bad_arguments_exit_two() {
    let o = redraft(&["diff", "fixtures/delete/old.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let o = redraft(&["diff", "a", "b", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn output_through_a_symbolic_link_writes_the_file_it_names() {
    let dir = temp_dir("symlink-out");
    let real = dir.join("real.html");
    std::fs::write(&real, "old").unwrap();
    let link = dir.join("latest.html");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = redraft(&[
        "diff",
        "fixtures/delete/old.txt",
        "fixtures/delete/new.txt",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn output_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("mode-out");
    let out = dir.join("redline.txt");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = redraft(&[
        "diff",
        "fixtures/delete/old.txt",
        "fixtures/delete/new.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn output_to_a_device_writes_to_it() {
    use std::os::unix::fs::FileTypeExt;
    let o = redraft(&[
        "diff",
        "fixtures/delete/old.txt",
        "fixtures/delete/new.txt",
        "--format",
        "text",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let o = redraft(&[
        "diff",
        "fixtures/delete/old.txt",
        "fixtures/delete/new.txt",
        "--format",
        "text",
        "-o",
        "-",
    ]);
    assert!(stdout(&o).starts_with("--- fixtures/delete/old.txt"));
    assert!(!std::path::Path::new("-").exists() && !crate::support::root().join("-").exists());
}

#[test]
fn an_output_extension_the_tool_cannot_write_is_refused() {
    let dir = temp_dir("pdf-out");
    let out = dir.join("redline.pdf");
    fails_with(
        &[
            "diff",
            "fixtures/delete/old.txt",
            "fixtures/delete/new.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        &["redline.pdf", "cannot write .pdf files"],
    );
    assert!(!out.exists());
    // amend and history refuse it too (QA: they wrote text into a .docx).
    let docx = dir.join("amended.docx");
    let list = dir.join("list.txt");
    std::fs::write(&list, "Delete operative paragraph 1.\n").unwrap();
    fails_with(
        &[
            "amend",
            "fixtures/delete/old.txt",
            list.to_str().unwrap(),
            "-o",
            docx.to_str().unwrap(),
        ],
        &["amended.docx", "cannot write .docx files"],
    );
    fails_with(
        &[
            "history",
            "fixtures/delete/old.txt",
            "fixtures/delete/new.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        &["redline.pdf", "cannot write .pdf files"],
    );
    assert!(!out.exists() && !docx.exists());
}

#[test]
fn a_closed_pipe_is_not_trouble() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    for args in [
        vec![
            "parse",
            "--format",
            "json",
            "fixtures/pdf-report/report.txt",
        ],
        vec![
            "diff",
            "--format",
            "json",
            "fixtures/annex-i/before.txt",
            "fixtures/annex-i/after.txt",
        ],
        vec![
            "history",
            "--format",
            "json",
            "fixtures/annex-i/before.txt",
            "fixtures/annex-i/after.txt",
        ],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redraft"))
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let status = child.wait().unwrap();
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(
            status.code().is_some_and(|c| c < 2),
            "{args:?}: {status:?} {err}"
        );
        assert!(err.is_empty(), "{err}");
    }
}
