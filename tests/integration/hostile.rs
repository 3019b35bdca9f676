//! Hostile and broken input (issue 15): each defect of the independent
//! probe, reproduced by a test named after it.

use crate::support::*;
use std::path::Path;

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write test input");
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run redraft")
}

fn one_line_error(o: &std::process::Output) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

const OLD_DUPLICATES: &str = "The General Assembly,\n\n1. Decides to act;\n\n\
2. Requests the Secretary-General to report;\n\n3. Recalls paragraph 2 above;\n";
const NEW_DUPLICATES: &str = "The General Assembly,\n\n1. Decides to act;\n\n\
2. Welcomes the report;\n\n3. Requests the Secretary-General to report;\n\n\
4. Recalls paragraph 2 above;\n\n5. Recalls paragraph 2 above;\n\n6. Recalls paragraph 2 above;\n";

#[test]
fn output_naming_a_hard_link_of_an_input_is_refused() {
    let dir = temp_dir("hard-link-out");
    let input = dir.join("new.txt");
    std::fs::copy(fixture("delete/new.txt"), &input).unwrap();
    std::fs::hard_link(&input, dir.join("link.txt")).unwrap();
    let o = run_in(
        &dir,
        &[
            "diff",
            &fixture("delete/old.txt").to_string_lossy(),
            "new.txt",
            "-o",
            "link.txt",
        ],
    );
    let err = one_line_error(&o);
    assert!(err.contains("refusing to overwrite an input"), "{err}");
    assert_eq!(
        std::fs::read(&input).unwrap(),
        std::fs::read(fixture("delete/new.txt")).unwrap()
    );
}

#[test]
fn fix_in_place_keeps_the_owner_and_mode_of_the_file() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = temp_dir("in-place-owner");
    let file = dir.join("new.txt");
    std::fs::copy(fixture("check-xref/new.en.txt"), &file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    // As root (the probe's case), hand the file to "nobody" first; as
    // anyone else, the owner is ours and must stay ours.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
    }
    let before = std::fs::metadata(&file).unwrap();
    let old = fixture("check-xref/old.en.txt");
    let o = run_in(
        &dir,
        &[
            "check",
            "new.txt",
            "--against",
            &old.to_string_lossy(),
            "--fix",
            "--in-place",
        ],
    );
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    let after = std::fs::metadata(&file).unwrap();
    assert_ne!(before.ino(), after.ino(), "the file was replaced");
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(after.permissions().mode() & 0o7777, 0o640);
    let expected = std::fs::read(fixture("check-xref/fixed.en.txt")).unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), expected);
}

#[test]
fn fix_to_standard_output_writes_the_fixed_draft() {
    let o = redraft(&[
        "check",
        "fixtures/check-xref/new.en.txt",
        "--against",
        "fixtures/check-xref/old.en.txt",
        "--fix",
        "-o",
        "-",
    ]);
    let expected = std::fs::read(fixture("check-xref/fixed.en.txt")).unwrap();
    assert_eq!(
        o.stdout, expected,
        "stdout is the fixed draft, nothing else"
    );
    // The report (a dangling reference is left) goes to standard error.
    assert!(stderr(&o).contains("(fixed)"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn fix_on_a_word_document_says_fix_works_on_text() {
    let dir = temp_dir("fix-docx");
    let out = dir.join("fixed.txt");
    let o = redraft(&[
        "check",
        "fixtures/docx-numbered/draft.docx",
        "--against",
        "fixtures/docx-numbered/rejected.txt",
        "--fix",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = one_line_error(&o);
    assert!(
        err.contains("draft.docx") && err.contains("plain-text drafts"),
        "{err}"
    );
    assert!(!err.contains("changed while"), "{err}");
    assert!(!out.exists());
}

#[test]
fn fix_is_idempotent_with_duplicate_paragraphs() {
    let dir = temp_dir("fix-duplicates");
    write(&dir.join("old.txt"), OLD_DUPLICATES);
    write(&dir.join("new.txt"), NEW_DUPLICATES);
    let fix = || {
        run_in(
            &dir,
            &[
                "check",
                "new.txt",
                "--against",
                "old.txt",
                "--fix",
                "--in-place",
            ],
        )
    };
    assert_ne!(fix().status.code(), Some(2));
    let once = std::fs::read_to_string(dir.join("new.txt")).unwrap();
    assert_eq!(once.matches("paragraph 3 above").count(), 3, "{once}");
    assert_ne!(fix().status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.join("new.txt")).unwrap(), once);
}

/// A "text" draft that begins with `%PDF` is read as a PDF, and refused,
/// never decoded as text and half fixed (fuzz target `fix`).
#[test]
fn fix_refuses_text_that_begins_with_the_pdf_signature() {
    let dir = temp_dir("fix-pdf-signature");
    write(&dir.join("old.txt"), OLD_DUPLICATES);
    write(&dir.join("new.txt"), &format!("%PDF{NEW_DUPLICATES}"));
    let o = run_in(
        &dir,
        &[
            "check",
            "new.txt",
            "--against",
            "old.txt",
            "--fix",
            "-o",
            "fixed.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = one_line_error(&o);
    assert!(err.contains("new.txt") && err.contains("PDF"), "{err}");
    assert!(!dir.join("fixed.txt").exists());
}

/// Two near copies of an old paragraph, each with a stale reference: the
/// exact copy is paired with the old paragraph; once its reference is
/// rewritten, the other copy looks more like it, and a second run used to
/// rewrite that one too (fuzz target `fix`).
#[test]
fn fix_is_idempotent_with_near_copies_of_a_paragraph() {
    const OLD: &str = "The General Assembly,\n\n1. Decides to convene a high-level meeting on cooperation;\n\n2. Notes the report of the Secretary-General on cooperation;\n\n3. Invites States to implement the measures referred to in paragraph 2 above and to report on them at the next session;\n\n4. Requests a report on the implementation of the present resolution.\n";
    const NEW: &str = "The General Assembly,\n\n1. Welcomes the work of the Court;\n\n2. Decides to convene a high-level meeting on cooperation;\n\n3. Notes the report of the Secretary-General on cooperation;\n\n4. Invites States to implement the measures referred to in paragraph 2 above and to report on them at the next session;\n\n5. Invites States to implement the measures referred to in paragraph 2 above and to report on them at its next session;\n\n6. Requests a report on the implementation of the present resolution.\n";
    let dir = temp_dir("fix-near-copies");
    write(&dir.join("old.txt"), OLD);
    write(&dir.join("new.txt"), NEW);
    let fix = || {
        let args = ["check", "new.txt", "--against", "old.txt", "--fix"];
        run_in(&dir, &[&args[..], &["--in-place"]].concat())
    };
    assert_ne!(fix().status.code(), Some(2));
    let once = std::fs::read_to_string(dir.join("new.txt")).unwrap();
    assert_eq!(once.matches("paragraph 3 above").count(), 2, "{once}");
    assert_eq!(once, NEW.replace("paragraph 2 above", "paragraph 3 above"));
    assert_ne!(fix().status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.join("new.txt")).unwrap(), once);
}

/// How a run under limits ended.
struct Limited {
    /// The exit code (`None`: killed, by the time limit or a signal).
    code: Option<i32>,
    /// Peak resident memory, in KiB.
    peak_kib: i64,
    /// Wall time.
    elapsed: std::time::Duration,
    /// Processor time (user and system).
    cpu: std::time::Duration,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs the binary from the project root with its address space capped at
/// `memory` bytes and its processor time at `time` (setrlimit in the
/// child), killed after six times `time` of wall clock (the machine may be
/// shared: processor time is the measure, the wall clock only stops a
/// hang).
fn limited(args: &[&str], memory: u64, time: std::time::Duration) -> Limited {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    let dir = temp_dir(&format!(
        "limited-{}",
        args.join("-")
            .replace(['/', '.'], "_")
            .chars()
            .take(60)
            .collect::<String>()
    ));
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_redraft"));
    command
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    // SAFETY: only setrlimit, async-signal-safe, between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: memory,
                rlim_max: memory,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            let seconds = time.as_secs().max(1);
            let cpu = libc::rlimit {
                rlim_cur: seconds,
                rlim_max: seconds + 1,
            };
            if libc::setrlimit(libc::RLIMIT_CPU, &cpu) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let started = std::time::Instant::now();
    #[allow(clippy::zombie_processes)] // Reaped by wait4 in wait_with_deadline.
    let child = command.spawn().expect("spawn redraft");
    let pid = child.id() as libc::pid_t;
    let (code, usage) = wait_with_deadline(pid, started + time * 6);
    let seconds = |t: libc::timeval| {
        std::time::Duration::from_micros(t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64)
    };
    Limited {
        code,
        peak_kib: usage.ru_maxrss,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        elapsed: started.elapsed(),
        stdout: std::fs::read(&out).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err).unwrap_or_default(),
    }
}

/// Waits for `pid` (wait4, which also gives its peak memory), killing it
/// at `deadline`.
fn wait_with_deadline(
    pid: libc::pid_t,
    deadline: std::time::Instant,
) -> (Option<i32>, libc::rusage) {
    let mut status = 0;
    // SAFETY: plain system calls on our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
            return (code, usage);
        }
        if std::time::Instant::now() > deadline {
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::wait4(pid, &mut status, 0, &mut usage);
            }
            return (None, usage);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

const GIB: u64 = 1 << 30;

fn brackets_draft(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("brackets.txt");
    write(
        &path,
        &format!("The General Assembly,\n\n1. Decides {};\n", "[".repeat(n)),
    );
    path
}

#[test]
fn sarif_report_takes_no_more_memory_than_json() {
    let dir = temp_dir("sarif-memory");
    let file = brackets_draft(&dir, 30_000);
    let file = file.to_str().unwrap();
    let run = |format| {
        limited(
            &["check", "--format", format, file],
            GIB,
            std::time::Duration::from_secs(60),
        )
    };
    let (json, sarif) = (run("json"), run("sarif"));
    assert_eq!(json.code, Some(0), "{}", json.stderr);
    assert_eq!(sarif.code, Some(0), "{}", sarif.stderr);
    // Twelve times before; streamed, less than JSON's.
    assert!(
        sarif.peak_kib <= json.peak_kib * 3 / 2,
        "sarif {} KiB, json {} KiB",
        sarif.peak_kib,
        json.peak_kib
    );
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert!(log["runs"][0]["results"].as_array().unwrap().len() > 30_000);
}

#[test]
fn control_characters_from_word_never_reach_the_terminal() {
    let docx = "fixtures/hostile/control-characters.docx";
    let runs = [
        redraft(&["parse", docx]),
        redraft(&[
            "diff",
            "fixtures/docx-numbered/draft.docx",
            docx,
            "--format",
            "text",
        ]),
        redraft(&[
            "diff",
            "fixtures/docx-numbered/draft.docx",
            docx,
            "--color",
            "always",
        ]),
        redraft(&[
            "diff",
            "fixtures/docx-numbered/draft.docx",
            docx,
            "--color",
            "never",
        ]),
    ];
    for o in runs {
        assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
        let bytes: Vec<u8> = o.stdout.iter().chain(&o.stderr).copied().collect();
        assert!(
            !bytes.contains(&0x07),
            "BEL reached the output: {}",
            stdout(&o)
        );
        let text = stdout(&o);
        // Colour escapes are ours; the draft's ESC is shown as \u{1b}.
        assert!(
            !text.contains("\u{1b}]0;") && !text.contains("\u{1b}[2J"),
            "{text}"
        );
        assert!(text.contains("\\u{1b}]0;pwned\\u{7}"), "{text}");
    }
    // The findings quote the draft: nothing raw reaches the terminal.
    let o = redraft(&["check", "--allow", "symbol", docx]);
    assert!(
        !o.stdout.contains(&0x1b) && !o.stdout.contains(&0x07),
        "{}",
        stdout(&o)
    );
}

#[test]
fn control_characters_in_file_names_stay_on_one_line() {
    let o = redraft(&["parse", "fixtures/no\nsuch\u{1b}[2J file.txt"]);
    let err = one_line_error(&o);
    assert!(err.contains("no\\nsuch\\u{1b}[2J file.txt"), "{err}");
}

#[test]
fn literal_redline_markers_in_a_draft_are_escaped() {
    let dir = temp_dir("literal-markers");
    let old = "The General Assembly,\n\n1. Notes the [-bracketed-] and {+braced+} text;\n\n2. Decides to act.\n";
    let new = "The General Assembly,\n\n1. Notes the [-bracketed-] and {+braced+} text;\n\n2. Decides to act now.\n";
    write(&dir.join("old.txt"), old);
    write(&dir.join("new.txt"), new);
    for format in [&["--format", "text"][..], &["--full", "--color", "never"]] {
        let mut args = vec!["diff", "old.txt", "new.txt"];
        args.extend(format);
        let o = run_in(&dir, &args);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let text = stdout(&o);
        let line = text.lines().find(|l| l.starts_with("1.")).unwrap();
        assert_eq!(
            line, "1. Notes the [\\-bracketed-\\] and {\\+braced+\\} text;",
            "{text}"
        );
        assert_eq!(
            redraft::render::escape::unmark(line),
            "1. Notes the [-bracketed-] and {+braced+} text;"
        );
        assert!(text.contains("act{+ now+}."), "{text}");
    }
}

/// `amend OLD (diff OLD NEW --format amendments)` must give NEW.
fn assert_amend_round_trip(dir: &Path, old: &str, new: &str) {
    write(&dir.join("old.txt"), old);
    write(&dir.join("new.txt"), new);
    let list = run_in(
        dir,
        &[
            "diff",
            "old.txt",
            "new.txt",
            "--format",
            "amendments",
            "-o",
            "list.txt",
        ],
    );
    assert_ne!(list.status.code(), Some(2), "{}", stderr(&list));
    let amended = run_in(dir, &["amend", "old.txt", "list.txt"]);
    assert_eq!(amended.status.code(), Some(0), "{}", stderr(&amended));
    let list = std::fs::read_to_string(dir.join("list.txt")).unwrap();
    assert_eq!(stdout(&amended), new, "amendments:\n{list}");
}

#[test]
fn amend_deleting_an_annex_heading_does_not_double_the_letters() {
    let dir = temp_dir("annex-heading-deleted");
    let old = std::fs::read_to_string(fixture("annex-lettered/old.txt")).unwrap();
    let new = old.replace("Annexe\n\n", "");
    assert_amend_round_trip(&dir, &old, &new);
}

#[test]
fn source_date_epoch_out_of_range_is_clamped_to_year_9999() {
    let dir = temp_dir("source-date-epoch");
    let out = dir.join("redline.docx");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args([
            "diff",
            "fixtures/delete/old.txt",
            "fixtures/delete/new.txt",
            "-o",
        ])
        .arg(&out)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "18446744073709551615")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let docx = std::fs::read(&out).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    assert!(
        document.contains("w:date=\"9999-12-31T23:59:59Z\""),
        "{}",
        &document[..500]
    );
    assert!(!document.contains("584554051223"));
}

#[test]
fn history_git_reads_file_names_git_quotes() {
    let dir = temp_dir("git-quoted-name");
    let git = |args: &[&str]| {
        let o = std::process::Command::new("git")
            .args(args)
            .current_dir(&dir)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    };
    let name = "draft \"v2\"\té\n.txt";
    git(&["init", "-q"]);
    for version in ["delete/old.txt", "delete/new.txt"] {
        std::fs::copy(fixture(version), dir.join(name)).unwrap();
        git(&["add", "--", name]);
        git(&["commit", "-q", "-m", version]);
    }
    let o = run_in(&dir, &["history", "--git", name, "--format", "markdown"]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).contains("# History:"), "{}", stdout(&o));
}

#[test]
fn deleting_a_range_past_the_end_is_one_message() {
    let dir = temp_dir("range-past-end");
    write(
        &dir.join("list.txt"),
        "Delete operative paragraphs 1 to 500.\n",
    );
    let draft = fixture("delete/old.txt");
    let o = run_in(&dir, &["amend", &draft.to_string_lossy(), "list.txt"]);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("list.txt:1: does not apply: operative paragraph 7 is not in the draft"),
        "{err}"
    );
    assert!(err.contains("(to 500)"), "{err}");
}

/// What a hostile input must give.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Exit 0 or 1, with output.
    Output,
    /// Exit 2 and one line on standard error holding this.
    Refused(&'static str),
    /// Exit 1 and one short line on standard error holding this.
    Message(&'static str),
}

/// One input of the hostile corpus: its file name, its bytes (generated
/// here when large), the command run on it (`{}` is the file), and what it
/// must give.
struct Hostile {
    name: &'static str,
    bytes: Vec<u8>,
    args: &'static [&'static str],
    expect: Expect,
}

fn paragraphs(n: usize, text: &str) -> String {
    let mut out = String::from("The General Assembly,\n\n");
    for i in 1..=n {
        out.push_str(&format!("{i}. {text};\n\n"));
    }
    out
}

/// The generated part of the corpus (the committed part is the files
/// under fixtures/hostile/).
fn hostile_corpus() -> Vec<Hostile> {
    let quotes = format!(
        "Operative paragraph 1: replace \"{}\" with \"x\".\n",
        "\" ".repeat(60_000)
    );
    let long_word = format!(
        "The General Assembly,\n\n1. Decides {};\n",
        "a".repeat(2_000_000)
    );
    let utf16_odd = [0xFF, 0xFE, b'T', 0, b'h'].to_vec();
    // A list naming each of 5,000 paragraphs by its text (fuzz:
    // names-every-paragraph-44a081eb): each reference was looked for by
    // normalising every paragraph again, 8 s in release at 330 KB.
    let questions = |i: usize| format!("Decides to consider question {i} at its next session;");
    let mut by_text = String::from("The General Assembly,\n\n");
    let mut deletions = String::new();
    for i in 1..=5_000 {
        by_text.push_str(&format!("{i}. {}\n\n", questions(i)));
        if i > 1 {
            let line = format!("Delete the paragraph reading \"{}\".\n", questions(i));
            deletions.push_str(&line);
        }
    }
    vec![
        Hostile {
            name: "five-thousand-paragraphs.txt",
            bytes: by_text.into_bytes(),
            args: &["parse", "{}"],
            expect: Expect::Output,
        },
        Hostile {
            name: "deletions-naming-each-paragraph-by-its-text.txt",
            bytes: deletions.into_bytes(),
            args: &["amend", "{dir}/five-thousand-paragraphs.txt", "{}"],
            expect: Expect::Output,
        },
        Hostile {
            name: "quarter-million-paragraphs.txt",
            bytes: paragraphs(250_000, "A").into_bytes(),
            args: &["diff", "{}", "{}", "--format", "json"],
            expect: Expect::Refused("exceed the budget of 100000"),
        },
        Hostile {
            name: "footnote-reference-run.txt",
            bytes: format!(
                "The General Assembly,\n\n1. Decides to act{}\n",
                "[^1]".repeat(25_000)
            )
            .into_bytes(),
            args: &["check", "{}"],
            expect: Expect::Output,
        },
        Hostile {
            name: "open-brackets.txt",
            bytes: format!(
                "The General Assembly,\n\n1. Decides {};\n",
                "[".repeat(30_000)
            )
            .into_bytes(),
            args: &["check", "--format", "sarif", "{}"],
            expect: Expect::Output,
        },
        Hostile {
            name: "two-megabyte-word.txt",
            bytes: long_word.into_bytes(),
            args: &["diff", "{}", "fixtures/delete/old.txt", "--format", "text"],
            expect: Expect::Output,
        },
        Hostile {
            name: "acts.txt",
            bytes: paragraphs(5_000, "Decides to act").into_bytes(),
            args: &["check", "{}"],
            expect: Expect::Output,
        },
        Hostile {
            name: "five-thousand-changed-paragraphs.txt",
            bytes: paragraphs(5_000, "Decides to act now").into_bytes(),
            args: &["diff", "{dir}/acts.txt", "{}", "--format", "amendments"],
            expect: Expect::Output,
        },
        Hostile {
            name: "sixty-thousand-quotation-marks.txt",
            bytes: quotes.into_bytes(),
            args: &["amend", "fixtures/delete/old.txt", "{}"],
            expect: Expect::Message("does not apply"),
        },
        Hostile {
            name: "amendment-of-two-megabytes.txt",
            bytes: format!(
                "Operative paragraph 1: replace \"{}",
                "x ".repeat(1_000_000)
            )
            .into_bytes(),
            args: &["amend", "fixtures/delete/old.txt", "{}"],
            expect: Expect::Refused("an amendment of more than"),
        },
        Hostile {
            name: "nul-bytes.txt",
            bytes: b"The General Assembly,\n\n1. Decides\0 to act.\n".to_vec(),
            args: &["parse", "{}"],
            expect: Expect::Refused("binary data"),
        },
        Hostile {
            name: "odd-utf16.txt",
            bytes: utf16_odd,
            args: &["parse", "{}"],
            expect: Expect::Refused("UTF-16"),
        },
        Hostile {
            name: "blank.txt",
            bytes: b" \n\t\n\r\n".to_vec(),
            args: &["parse", "{}"],
            expect: Expect::Refused("empty"),
        },
        Hostile {
            name: "ten-megabyte-line.txt",
            bytes: format!(
                "The General Assembly,\n\n1. {}.\n",
                "word ".repeat(2_000_000)
            )
            .into_bytes(),
            args: &["parse", "{}"],
            expect: Expect::Output,
        },
        Hostile {
            name: "carriage-returns-only.txt",
            bytes: paragraphs(200, "Decides").replace('\n', "\r").into_bytes(),
            args: &["parse", "{}"],
            expect: Expect::Output,
        },
        Hostile {
            name: "markers-only.txt",
            bytes: "The General Assembly,\n\n"
                .to_string()
                .into_bytes()
                .into_iter()
                .chain("1.\n\n(a)\n\n(i)\n\n".repeat(5_000).into_bytes())
                .collect(),
            args: &[
                "diff",
                "{}",
                "fixtures/delete/new.txt",
                "--format",
                "amendments",
            ],
            expect: Expect::Output,
        },
    ]
}

/// Runs one hostile input under 1 GiB and 10 s and checks what it gave.
fn run_hostile(file: &Path, args: &[&str], expect: Expect) -> Result<(), String> {
    let dir = file
        .parent()
        .map_or(String::new(), |d| d.to_string_lossy().into_owned());
    let file = file.to_string_lossy();
    let args: Vec<String> = args
        .iter()
        .map(|a| a.replace("{}", &file).replace("{dir}", &dir))
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = limited(&args, GIB, std::time::Duration::from_secs(10));
    let what = format!(
        "{args:?}: exit {:?}, {:?} processor time ({:?} wall), {} KiB",
        run.code, run.cpu, run.elapsed, run.peak_kib
    );
    let err = run.stderr.trim_end();
    if err.contains("panicked") || run.code.is_none() {
        return Err(format!(
            "{what}: {}",
            err.chars().take(300).collect::<String>()
        ));
    }
    let short = err.lines().count() == 1 && err.len() < 1000 && err.starts_with("redraft: ");
    let fine = match expect {
        Expect::Output => matches!(run.code, Some(0 | 1)) && !run.stdout.is_empty(),
        Expect::Refused(text) => run.code == Some(2) && short && err.contains(text),
        Expect::Message(text) => run.code == Some(1) && short && err.contains(text),
    };
    if fine {
        return Ok(());
    }
    let err: String = err.chars().take(300).collect();
    Err(format!("{what}, expected {expect:?}: {err}"))
}

#[test]
fn hostile_corpus_gives_a_clear_error_or_output_within_limits() {
    let dir = temp_dir("hostile-corpus");
    let mut failures = Vec::new();
    for h in hostile_corpus() {
        let path = dir.join(h.name);
        std::fs::write(&path, &h.bytes).unwrap();
        if let Err(e) = run_hostile(&path, h.args, h.expect) {
            failures.push(format!("{}: {e}", h.name));
        }
    }
    // The committed files: each names its command in fixtures/hostile/README.md.
    for (name, args, expect) in COMMITTED {
        if let Err(e) = run_hostile(&fixture(&format!("hostile/{name}")), args, *expect) {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The hostile files committed under fixtures/hostile/ (written by
/// make.py), with the command each is run through.
const COMMITTED: &[(&str, &[&str], Expect)] = &[(
    "control-characters.docx",
    &["diff", "fixtures/docx-numbered/draft.docx", "{}"],
    Expect::Output,
)];

#[path = "../common/invariants.rs"]
pub(crate) mod invariants;

#[test]
fn fuzz_regressions_replay() {
    type Check = fn(&[u8]);
    let targets: [(&str, Check); 5] = [
        ("plain_text", invariants::plain_text),
        ("pdf_text", invariants::pdf_text),
        ("docx", invariants::word),
        ("amendments", invariants::amendments),
        ("fix", invariants::fix_references),
    ];
    let mut broken = Vec::new();
    for (target, check) in targets {
        let dir = root().join("fuzz/regressions").join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let started = std::time::Instant::now();
            let replay = std::panic::catch_unwind(|| check(&data));
            if replay.is_err() || started.elapsed().as_secs() >= 10 {
                let name = path.display();
                broken.push(format!("{target}: {name} ({:?})", started.elapsed()));
            }
        }
    }
    assert!(broken.is_empty(), "break again:\n{}", broken.join("\n"));
    // The invariants themselves hold on the fixtures.
    for pair in [
        "check-xref/old.en.txt",
        "delete/old.txt",
        "annex-i/before.txt",
    ] {
        let old = std::fs::read(fixture(pair)).unwrap();
        let new_name = pair.replace("old", "new").replace("before", "after");
        let new = std::fs::read(fixture(&new_name)).unwrap();
        let data: Vec<u8> = old.iter().chain(&[0]).chain(&new).copied().collect();
        for (_, check) in targets {
            check(&data);
        }
    }
}

#[test]
fn line_wrapping_does_not_glue_a_lettered_paragraph_to_an_annex_title() {
    let dir = temp_dir("wrapped-annex-title");
    let blank = std::fs::read_to_string(fixture("annex-lettered/old.txt")).unwrap();
    let wrapped = blank.replace("intersessions\n\na)", "intersessions\na)");
    assert_ne!(wrapped, blank);
    write(&dir.join("blank.txt"), &blank);
    write(&dir.join("wrapped.txt"), &wrapped);
    let outline = |name: &str| {
        let o = run_in(&dir, &["parse", name]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    assert_eq!(outline("wrapped.txt"), outline("blank.txt"));
}

/// The amend round trip of the fuzzer holds NEW to its numbering only when
/// OLD and NEW count their lists 1, 2, 3: the three drafts the fuzzer found numbering twice
/// or starting again (fuzz/regressions/amendments/round-trip-*) do not; the
/// fixtures' drafts do.
#[test]
fn amend_round_trip_is_exact_on_drafts_numbered_in_order() {
    let parse = |bytes: &[u8]| {
        let text = redraft::ingest::text::decode(bytes).unwrap();
        redraft::model::parse(&text, &Default::default()).unwrap()
    };
    let dir = root().join("fuzz/regressions/amendments");
    for name in [
        "round-trip-duplicate-number",
        "round-trip-duplicate-letter",
        "round-trip-numbers-start-again",
    ] {
        let data = std::fs::read(dir.join(name)).unwrap();
        let k = data.iter().position(|&b| b == 0).unwrap();
        assert!(
            invariants::numbered_in_order(&parse(&data[..k])),
            "{name}: OLD"
        );
        assert!(
            !invariants::numbered_consecutively(&parse(&data[k + 1..])),
            "{name}: NEW"
        );
        assert!(
            !invariants::numbered_in_order(&parse(&data[k + 1..])),
            "{name}: NEW"
        );
    }
    for name in [
        "annex-i/after.txt",
        "subparagraphs/new.txt",
        "bis-numbers/new.txt",
    ] {
        let draft = parse(&std::fs::read(fixture(name)).unwrap());
        assert!(invariants::numbered_in_order(&draft), "{name}");
        // Annex I's footnotes go on from the report's numbering.
        let counted = invariants::numbered_consecutively(&draft);
        assert_eq!(counted, !name.starts_with("annex-i"), "{name}");
    }
}
