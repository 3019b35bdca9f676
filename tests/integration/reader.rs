//! The redline as its reader sees it (issue 16): notes in the draft's
//! language and numbering, the terminal's folds and spacing, and a
//! newcomer's stumbles, one test each.

use crate::support::*;
use std::io::Write;
use std::process::{Command, Stdio};

const OLD: &str = "drafts/cooperation-2020.txt";
const NEW: &str = "drafts/cooperation-2021.txt";

fn with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run redraft");
    let mut stdin = child.stdin.take().expect("stdin");
    // A command refusing its arguments exits before reading: no matter.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("wait")
}

// ------------------------------------------------------------ terminal

#[test]
fn terminal_sets_a_deletion_and_its_insertion_apart_without_colour() {
    let o = redraft(&["diff", OLD, NEW, "--format", "term", "--color", "never"]);
    let out = stdout(&o);
    assert!(out.contains("paragraphe [-36-] {+37+} de"), "{out}");
    assert!(out.contains("Res.3-] {+ICC-ASP/19/Res.2+}"));
}

#[test]
fn terminal_folds_renumbered_only_paragraphs_and_lists_them() {
    let o = redraft(&["diff", OLD, NEW, "--format", "term", "--context", "0"]);
    let out = stdout(&o);
    assert!(
        !out.contains("17. (ancien 16)"),
        "a renumbered-only paragraph is folded"
    );
    assert!(out.contains("19 seulement renumérotés"), "{out}");
    assert!(out.contains("Seulement renumérotés\u{202f}: paragraphe 16 → 17,"));
    assert!(out.contains(" renumérotés) ⋯"), "fold lines count them");
    assert!(
        !out.contains("OP1") && !out.contains("PP6"),
        "no labels: {out}"
    );
    let edited = out.matches("[-").count();
    assert!(
        out.lines().count() < 60,
        "{} lines for {edited} edits",
        out.lines().count()
    );
}

#[test]
fn terminal_fold_lines_use_the_documents_numbering() {
    let o = redraft(&["diff", OLD, NEW, "--format", "term"]);
    let out = stdout(&o);
    assert!(
        out.contains("⋯ 8 inchangés (alinéa 6 du préambule – paragraphe 1) ⋯"),
        "{out}"
    );
}

// ------------------------------------------------------------ languages

#[test]
fn notes_are_in_the_drafts_language_with_its_numbering() {
    let fr = stdout(&redraft(&["diff", OLD, NEW, "--format", "text"]));
    assert!(fr.contains("17. [ancien 16] Invite"));
    assert!(fr.contains("[^11]: [ancienne 9]"));
    let es = stdout(&redraft(&[
        "diff",
        "fixtures/reader-language/es-old.txt",
        "fixtures/reader-language/es-new.txt",
        "--format",
        "markdown",
    ]));
    assert!(es.contains("3\\. _(antes 2)_"), "{es}");
    assert!(es.contains("_(trasladado; antes párrafo 3)_"), "{es}");
    assert!(es.contains("Renumeración: párrafo 2 → párrafo 3"), "{es}");
    for reader in [&fr, &es] {
        assert!(
            !reader.contains("formerly") && !reader.contains("OP"),
            "{reader}"
        );
    }
}

#[test]
fn json_keeps_its_labels() {
    let json = stdout(&redraft(&["diff", OLD, NEW, "--format", "json"]));
    assert!(json.contains("\"label\": \"OP17\"") || json.contains("\"label\":\"OP17\""));
}

#[test]
fn word_summary_page_speaks_the_drafts_language() {
    let dir = temp_dir("reader-docx-summary");
    let out = dir.join("r.docx");
    let o = redraft(&["diff", OLD, NEW, "--summary", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let file = std::fs::File::open(&out).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Récapitulatif des modifications"));
    assert!(xml.contains("19 seulement renumérotés"));
    assert!(xml.contains("paragraphe 16") && xml.contains("note 11"));
    assert!(!xml.contains("changed kind") && !xml.contains(">OP16<"));
}

// ------------------------------------------------------------ stumbles

#[test]
fn rust_version_covers_the_locked_dependencies_and_the_readme_says_it() {
    let rustc = Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc -vV");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("host triple");
    let o = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(root())
        .output()
        .expect("cargo metadata");
    assert!(o.status.success(), "{}", stderr(&o));
    let meta: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let version = |v: &str| -> (u32, u32) {
        let mut p = v.split('.').map(|n| n.parse().unwrap_or(0));
        (p.next().unwrap_or(0), p.next().unwrap_or(0))
    };
    let packages = meta["packages"].as_array().unwrap();
    let ours = packages.iter().find(|p| p["name"] == "redraft").unwrap();
    let declared = ours["rust_version"]
        .as_str()
        .expect("rust-version in Cargo.toml");
    let needed = packages
        .iter()
        .filter_map(|p| p["rust_version"].as_str())
        .map(version)
        .max()
        .unwrap();
    assert!(version(declared) >= needed, "{declared} < {needed:?}");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains(&format!("Rust {declared} or later")));
}

#[test]
fn readme_counts_the_renumbered_only_paragraphs_right() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let out = stdout(&redraft(&["diff", OLD, NEW, "--format", "term"]));
    let n = out
        .split(" seulement renumérotés")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .unwrap();
    assert!(
        readme.contains(&format!(
            "{n}\nparagraphs renumbered and otherwise untouched"
        )) || readme.contains(&format!(
            "{n} paragraphs renumbered and otherwise untouched"
        )),
        "README should say {n}"
    );
}

#[test]
fn markdown_is_refused_as_a_draft() {
    let o = redraft(&["parse", "README.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("README.md: Markdown, not a draft"),
        "{}",
        stderr(&o)
    );
    let o = redraft(&["diff", "README.md", NEW]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn office_formats_say_save_as_docx() {
    let dir = temp_dir("reader-office");
    let cases: [(&str, &[u8], &str); 3] = [
        ("a.rtf", b"{\\rtf1\\ansi Decides;}", "an RTF document"),
        (
            "a.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
            "an old Word document (.doc)",
        ),
        (
            "a.odt",
            b"PK\x03\x04\0\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text",
            "an OpenDocument text (.odt)",
        ),
    ];
    for (name, bytes, what) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = redraft(&["parse", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(
            err.contains(what) && err.contains("save it as .docx"),
            "{err}"
        );
    }
}

#[test]
fn standard_input_is_read_for_one_input() {
    let new = std::fs::read(root().join(NEW)).unwrap();
    let o = with_stdin(&["diff", OLD, "-", "--format", "text"], &new);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("[-36-]{+37+}"));
    let o = with_stdin(&["parse", "-"], &new);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("40 operative"));
    let o = with_stdin(&["check", "-"], &new);
    assert!(o.status.code() != Some(2), "{}", stderr(&o));
    let o = with_stdin(&["diff", "-", "-"], &new);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("only one input can be standard input"));
}

#[test]
fn every_command_has_examples_and_honest_options() {
    for cmd in [
        "parse",
        "diff",
        "check",
        "amend",
        "history",
        "split-revisions",
    ] {
        let out = stdout(&redraft(&[cmd, "--help"]));
        assert!(
            out.contains("Example") || out.contains("example"),
            "{cmd}: {out}"
        );
        assert!(
            out.matches(&format!("redraft {cmd} ")).count() >= 2,
            "{cmd}: {out}"
        );
        assert!(!out.contains("(plain text)"), "{cmd}: {out}");
    }
    let split = stdout(&redraft(&["split-revisions", "--help"]));
    for ignored in ["--revisions", "--input", "--part"] {
        assert!(!split.contains(ignored), "{split}");
    }
}

#[test]
fn char_granularity_replaces_numbers_whole() {
    let out = stdout(&redraft(&[
        "diff",
        OLD,
        NEW,
        "--format",
        "text",
        "--granularity",
        "char",
    ]));
    assert!(
        out.contains("paragraphe [-36-]{+37+} de"),
        "never 3[-6-]{{+7+}}"
    );
    assert!(!out.contains("3[-6-]"));
}

#[test]
fn swapped_versions_get_a_hint() {
    let o = redraft(&[
        "diff",
        "fixtures/swapped-order/old.txt",
        "fixtures/swapped-order/new.txt",
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("are OLD and NEW swapped?"),
        "{}",
        stderr(&o)
    );
    let o = redraft(&[
        "diff",
        "fixtures/swapped-order/new.txt",
        "fixtures/swapped-order/old.txt",
        "--format",
        "text",
    ]);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn ci_installs_python_docx_with_apt_when_python_has_no_pip() {
    let dir = temp_dir("reader-ci-pip");
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = dir.join("apt.log");
    let stub = |name: &str, body: &str| {
        let path = bin.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
        std::fs::set_permissions(&path, perms).unwrap();
    };
    // python3 without pip, and without docx until apt-get installed it.
    stub(
        "python3",
        &format!(
            "case \"$*\" in *pip*) echo 'No module named pip' >&2; exit 1;; esac\n[ -f {0}.done ] || exit 1",
            log.display()
        ),
    );
    stub(
        "apt-get",
        &format!("echo \"$*\" >> {0}; touch {0}.done", log.display()),
    );
    stub("id", "echo 0");
    let o = Command::new("bash")
        .arg(".ci/python-docx.sh")
        .current_dir(root())
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .output()
        .expect("bash");
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let apt = std::fs::read_to_string(&log).unwrap();
    assert!(
        apt.contains("install") && apt.contains("python3-docx"),
        "{apt}"
    );
}

// ------------------------------------------------------------ HTML text

#[test]
fn html_keeps_symbols_whole_without_changing_the_copied_text() {
    let html = stdout(&redraft(&["diff", OLD, NEW, "--format", "html"]));
    assert!(html.contains(r#"<ins><span class="sym">ICC-ASP/19/Res.2</span></ins>"#));
    assert!(
        !html.contains('\u{2011}'),
        "no non-breaking hyphen in the text"
    );
    assert!(!html.contains("del + ins"), "no sibling rule");
    assert!(
        !html.contains(".unit { break-inside: avoid"),
        "paragraphs may break"
    );
    assert!(html.contains("<del>36</del> <ins>37</ins>"), "a real space");
    assert!(
        html.contains("défis<del>,</del> et"),
        "no false space: {html}"
    );
    assert!(html.contains("<div class=\"unit operative unchanged renumbered\" id=\"OP17\""));
    assert!(
        !html.contains("<details"),
        "the renumbering table is never collapsed"
    );
}

#[test]
fn terminal_headings_are_styled() {
    let out = stdout(&redraft(&[
        "diff", OLD, NEW, "--format", "term", "--color", "always",
    ]));
    assert!(
        out.contains("\u{1b}[36m\u{1b}[1mExécution")
            || out.contains("\u{1b}[1m\u{1b}[36mExécution"),
        "{}",
        out.lines().find(|l| l.contains("Exécution")).unwrap_or("")
    );
}

#[test]
fn terminal_wraps_paragraphs_at_word_boundaries() {
    let r = redline_of(&root().join(OLD), &root().join(NEW));
    let render = |width| {
        let options = redraft::render::RenderOptions {
            width,
            ..Default::default()
        };
        let mut out = Vec::new();
        redraft::render::redline::term::render(&r, &options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let (wrapped, long) = (render(Some(60)), render(None));
    for line in wrapped.lines() {
        assert!(line.chars().count() <= 60 || !line.contains(' '), "{line}");
    }
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&wrapped), words(&long), "no word cut or lost");
    assert!(
        long.lines().any(|l| l.chars().count() > 300),
        "piped: one line a paragraph"
    );
}

#[test]
fn terminal_output_is_wrapped_to_the_terminals_width() {
    // `script` gives the command a terminal of 50 rows and 70 columns.
    let command = format!(
        "stty rows 50 cols 70; {} diff {OLD} {NEW} --color never",
        env!("CARGO_BIN_EXE_redraft")
    );
    let Ok(o) = Command::new("script")
        .args(["-qc", &command, "/dev/null"])
        .current_dir(root())
        .output()
    else {
        crate::html_browser::missing_tool(
            "script (util-linux)",
            std::env::var("CI").ok().as_deref(),
        );
        return;
    };
    let out = stdout(&o);
    assert!(out.contains("Rappelant les dispositions"), "{out}");
    for line in out.lines() {
        let line = line.trim_end_matches('\r');
        // A word longer than the line (a URL) stands alone on its line.
        assert!(line.chars().count() <= 70 || !line.contains(' '), "{line}");
    }
}

#[test]
fn published_documents_name_themselves_in_the_print_header_and_the_swap_hint() {
    let dir = root().join("../shared/realworld/un/sc-iraq-unami");
    let (older, newer) = (
        dir.join("2020_S-2020-449.pdf"),
        dir.join("2022_S-2022-426.pdf"),
    );
    if Command::new("pdftotext").arg("-v").output().is_err() {
        crate::html_browser::missing_tool("pdftotext", std::env::var("CI").ok().as_deref());
        return;
    }
    let o = redraft(&[
        "diff",
        newer.to_str().unwrap(),
        older.to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("is dated 26 May 2022, after NEW") && err.contains("swapped?"),
        "{err}"
    );
    let html = stdout(&o);
    assert!(
        html.contains(
            r#"@top-left { content: "S/2022/426 (26 May 2022) → S/2020/449 (29 May 2020)""#
        ),
        "print header"
    );
    let o = redraft(&[
        "diff",
        older.to_str().unwrap(),
        newer.to_str().unwrap(),
        "--format",
        "text",
    ]);
    assert!(!stderr(&o).contains("swapped"), "{}", stderr(&o));
}

#[test]
fn context_given_folds_piped_output() {
    // Piped, the default is the full text; asking for context is asking
    // for the folded redline, renumbered-only paragraphs folded too.
    let full = stdout(&redraft(&["diff", OLD, NEW]));
    let folded = stdout(&redraft(&["diff", OLD, NEW, "--context", "0"]));
    assert!(folded.lines().count() * 2 < full.lines().count());
    assert!(folded.contains("⋯"), "{folded}");
    assert!(!folded.contains('\u{1b}'), "no colour when piped");
    assert!(folded.contains("[-36-] {+37+}"), "{folded}");
}
