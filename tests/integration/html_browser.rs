//! The HTML redline opened in headless Chromium (Debian package
//! `chromium`, which `.ci/run` installs): the page parses, keeps its
//! `<del>` and `<ins>`, summary and badges, loads nothing from the network,
//! and prints to PDF.
//!
//! Without Chromium the test is skipped with a notice, except under CI
//! (`CI` set), where a missing browser is a failure.

use crate::support::*;
use std::path::Path;
use std::process::Command;

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(str::to_string)
}

fn headless(browser: &str, profile: &Path, args: &[&str]) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium")
}

#[test]
fn html_redline_renders_in_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is required under CI"
        );
        eprintln!("skipped: no chromium on this machine");
        return;
    };
    let dir = temp_dir("chromium");
    let page = dir.join("redline.html");
    let o = redraft(&[
        "diff",
        "fixtures/annex-i/before.txt",
        "fixtures/annex-i/after.txt",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("http-equiv"),
        "no script"
    );
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "no network"
    );

    let url = format!("file://{}", page.display());
    let dom = headless(&browser, &dir.join("profile-dom"), &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert_eq!(
        dom.matches("<del>").count(),
        html.matches("<del>").count(),
        "every deletion survives parsing"
    );
    assert_eq!(dom.matches("<ins>").count(), html.matches("<ins>").count());
    assert!(dom.matches("<del>").count() >= 15);
    assert!(
        dom.contains("class=\"summary\"") && dom.contains("Renumbering (24)"),
        "summary with renumbering table"
    );
    assert!(dom.contains("id=\"OP17\"") && dom.contains("(formerly 16)"));
    assert!(dom.contains("badge inserted"));

    let pdf = dir.join("redline.pdf");
    let printed = headless(
        &browser,
        &dir.join("profile-pdf"),
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &url,
        ],
    );
    let bytes = std::fs::read(&pdf)
        .unwrap_or_else(|_| panic!("no PDF: {}", String::from_utf8_lossy(&printed.stderr)));
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 10_000,
        "printable"
    );
}
