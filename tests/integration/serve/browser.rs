//! The page in real headless Chromium, driven through WebDriver (Debian's
//! `chromium-driver`, Python `selenium`; `.ci/run` installs both): the
//! script `browser.py` uploads the shipped cooperation drafts and sees
//! OP16 and OP22 inserted and "25 (ancien 23)" (the drafts are French),
//! the findings beside their paragraphs, the filter, the n/p keys and the
//! side-by-side view; downloads the Word redline and counts its
//! revisions; compares two PDF files and two Word files; sees the one-line
//! message for a binary file; builds a history; compiles the French
//! proposals of `fixtures/compile-french/` (one delegation named on the
//! page, the others by their files, Japan's by the author of its tracked
//! changes), sees the alternatives with their delegations and filters
//! them, and downloads the Word compilation, whose revisions the
//! delegations author and which `redraft compile --apply` reads back as
//! the command line's own compilation; and is refused without the token.
//! The screenshots go to `target/screenshots/serve.png` and
//! `serve-compilation.png`, and to `docs/` with `UPDATE_GOLDEN=1` (the
//! README shows them).
//!
//! Without the browser, its driver or selenium the test fails when `CI` is
//! set, and otherwise says SKIPPED where the user sees it.

use super::*;
use crate::html_browser::missing_tool;

fn tools() -> Option<&'static str> {
    let runs = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !runs("chromedriver", &["--version"]) {
        return Some("chromedriver (Debian package chromium-driver)");
    }
    if !runs("python3", &["-c", "import selenium"]) {
        return Some("Python selenium (pip install selenium)");
    }
    None
}

#[test]
fn the_page_works_in_chromium() {
    if let Some(tool) = tools() {
        missing_tool(tool, std::env::var("CI").ok().as_deref());
        return;
    }
    let served = Served::start();
    let work = temp_dir("serve-browser");
    let shots = root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("serve.png");
    let shared = root().join("../shared");
    let out = Command::new("python3")
        .arg(root().join("tests/integration/serve/browser.py"))
        .arg(&served.url)
        .arg(root())
        .arg(&shared)
        .arg(&work)
        .arg(&shot)
        .output()
        .expect("run browser.py");
    let report = format!("{}{}", stdout(&out), stderr(&out));
    assert!(out.status.success(), "{report}");
    assert!(report.contains("browser: all checks passed"), "{report}");
    the_word_compilation_reads_back(&work.join("downloads/compilation.docx"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        for name in ["serve.png", "serve-compilation.png"] {
            std::fs::copy(shots.join(name), root().join("docs").join(name)).unwrap();
        }
    }
}

/// The page's Word compilation, with one delegation's proposals applied
/// (`redraft compile --apply NAME compilation.docx`), is the text the
/// command line gives from the proposals themselves.
fn the_word_compilation_reads_back(docx: &std::path::Path) {
    let docx = docx.display().to_string();
    let folder = "fixtures/compile-french/proposals";
    let ue = format!("Union européenne={folder}/UE.txt");
    let (mexique, suisse, japon) = (
        format!("{folder}/Mexique.docx"),
        format!("{folder}/Suisse.txt"),
        format!("{folder}/Japon.docx"),
    );
    for chosen in ["Union européenne", "Mexique", "Suisse", "Japon"] {
        let from_word = redraft(&["compile", "--apply", chosen, &docx]);
        assert_eq!(from_word.status.code(), Some(0), "{}", stderr(&from_word));
        let args = [
            "compile",
            "drafts/cooperation-2020.txt",
            &ue,
            &mexique,
            &suisse,
            &japon,
            "--by-author",
            "--apply",
            chosen,
        ];
        let from_files = redraft(&args);
        assert_eq!(from_files.status.code(), Some(0), "{}", stderr(&from_files));
        assert_eq!(
            stdout(&from_word),
            stdout(&from_files),
            "{chosen}'s proposals from the page's Word compilation"
        );
    }
}
