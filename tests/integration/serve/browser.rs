//! The page in real headless Chromium, driven through WebDriver (Debian's
//! `chromium-driver`, Python `selenium`; `.ci/run` installs both): the
//! script `browser.py` uploads the shipped cooperation drafts and sees
//! OP16 and OP22 inserted and "25 (ancien 23)" (the drafts are French),
//! the findings beside their paragraphs, the filter, the n/p keys and the
//! side-by-side view; downloads the Word redline and counts its
//! revisions; compares two PDF files and two Word files; sees the one-line
//! message for a binary file; builds a history; and is refused without
//! the token. The screenshot goes to `target/screenshots/serve.png`, and
//! to `docs/serve.png` with `UPDATE_GOLDEN=1` (the README shows it).
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
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::copy(&shot, root().join("docs/serve.png")).unwrap();
    }
}
