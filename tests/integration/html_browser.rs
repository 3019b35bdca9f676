//! The HTML redline opened in headless Chromium (Debian package
//! `chromium`, which `.ci/run` installs): the page parses, keeps its
//! `<del>` and `<ins>`, summary and badges, loads nothing from the network,
//! lays out as a legal redline (a paragraph's number on the line of its
//! text, no margin around changes, symbols unbroken: asserted by a script
//! run in the page), and prints with its renumbering table and a header.
//! Screenshots of the screen and of the first printed page are written to
//! `target/screenshots/`, and to `docs/` with `UPDATE_GOLDEN=1` (the
//! README shows them).
//!
//! Without Chromium the test fails when `CI` is set (`.ci/run` sets it),
//! and otherwise says `SKIPPED` on the terminal, past the test harness's
//! capture, so that a run without a browser is never read as a pass.

use crate::support::*;
use std::io::Write;
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

/// What to do when a tool a test needs is missing: fail under CI (`CI` set
/// and not `false`/`0`), else say SKIPPED where the user sees it.
pub fn missing_tool(tool: &str, ci: Option<&str>) {
    let under_ci = ci.is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(
        !under_ci,
        "{tool} is required under CI (.ci/run installs it)"
    );
    // Written to the process's stderr, not through eprintln!, which the
    // test harness captures and hides for passing tests.
    let _ = writeln!(
        std::io::stderr(),
        "\nSKIPPED: {tool} is not installed; the HTML redline was not checked in a browser\n"
    );
}

#[test]
#[should_panic(expected = "required under CI")]
fn a_missing_browser_fails_under_ci() {
    missing_tool("chromium", Some("true"));
}

#[test]
fn a_missing_browser_is_a_visible_skip_elsewhere() {
    missing_tool("chromium", None);
    missing_tool("chromium", Some("false"));
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
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium")
}

/// Measures the page and writes what breaks the layout rules into
/// `<body data-layout="...">`: a number not on the line of its text, a
/// change with a margin, a symbol broken over two lines.
const LAYOUT_PROBE: &str = r#"<script>
addEventListener('load', () => {
  const bad = [];
  for (const num of document.querySelectorAll('.unit p > .num')) {
    const p = num.parentElement;
    const text = p.querySelector('.text');
    if (!text || !text.textContent.trim()) continue;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent.trim()) node = walker.nextNode();
    if (!node) continue;
    const r = document.createRange();
    const at = node.textContent.search(/\S/);
    r.setStart(node, at); r.setEnd(node, at + 1);
    const a = num.getBoundingClientRect(), b = r.getBoundingClientRect();
    if (Math.abs(a.bottom - b.bottom) > 4) bad.push('number-apart:' + p.parentElement.id);
  }
  for (const el of document.querySelectorAll('del, ins')) {
    const cs = getComputedStyle(el);
    if (cs.marginLeft !== '0px' || cs.marginRight !== '0px') bad.push('margin:' + el.textContent);
  }
  for (const sym of document.querySelectorAll('.sym')) {
    const tops = new Set([...sym.getClientRects()].map(r => Math.round(r.top)));
    if (tops.size > 1) bad.push('symbol-broken:' + sym.textContent);
  }
  const checked = document.querySelectorAll('.unit p > .num').length;
  document.body.dataset.layout = bad.join(' ') || 'ok ' + checked;
});
</script>"#;

#[test]
fn html_redline_renders_in_chromium() {
    let Some(browser) = chromium() else {
        missing_tool("chromium", std::env::var("CI").ok().as_deref());
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
        dom.contains("class=\"summary\"") && dom.contains("Renumérotation (24)"),
        "summary with renumbering table"
    );
    assert!(dom.contains("id=\"OP17\"") && dom.contains("(ancien 16)"));
    assert!(dom.contains("badge inserted"));
    layout_rules_hold(&browser, &dir, &html);

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
    printed_with_table_and_header(&pdf);
    screenshots(&browser, &dir, &url, &pdf);
}

/// The page with [`LAYOUT_PROBE`] in it, at a screen's width and a narrow
/// one: no rule is broken.
fn layout_rules_hold(browser: &str, dir: &Path, html: &str) {
    let probed = dir.join("probed.html");
    std::fs::write(
        &probed,
        html.replace("</body>", &format!("{LAYOUT_PROBE}</body>")),
    )
    .unwrap();
    let url = format!("file://{}", probed.display());
    for width in ["1200,900", "420,900"] {
        let o = headless(
            browser,
            &dir.join(format!("profile-probe-{}", &width[..3])),
            &[
                &format!("--window-size={width}"),
                "--virtual-time-budget=3000",
                "--dump-dom",
                &url,
            ],
        );
        let dom = String::from_utf8_lossy(&o.stdout);
        let verdict = dom
            .split("data-layout=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_else(|| panic!("the probe did not run: {}", stderr(&o)));
        let checked: usize = verdict
            .strip_prefix("ok ")
            .unwrap_or_else(|| panic!("layout rules broken at {width}: {verdict}"))
            .parse()
            .unwrap();
        assert!(checked >= 40, "numbers measured: {checked}");
    }
}

/// The printout, as text: the renumbering table is there (not collapsed),
/// in the document's numbering; every page has the header with the date.
fn printed_with_table_and_header(pdf: &Path) {
    let Ok(o) = Command::new("pdftotext").arg(pdf).arg("-").output() else {
        missing_tool("pdftotext", std::env::var("CI").ok().as_deref());
        return;
    };
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Renumérotation (24)"), "{text}");
    assert!(text.contains("paragraphe 16") && text.contains("note 11"));
    assert!(!text.contains("OP16") && !text.contains("FN9"));
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    let headers = text.matches("before.txt → after.txt").count();
    assert!(
        pages >= 3 && headers >= pages,
        "{headers} headers on {pages} pages"
    );
}

/// Screenshots of the screen and of the first printed page, for people
/// to look at (`target/screenshots/`, and `docs/` with `UPDATE_GOLDEN`).
fn screenshots(browser: &str, dir: &Path, url: &str, pdf: &Path) {
    let out = root().join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let screen = out.join("redline-screen.png");
    headless(
        browser,
        &dir.join("profile-shot"),
        &[
            "--window-size=1000,1300",
            &format!("--screenshot={}", screen.display()),
            url,
        ],
    );
    assert!(
        std::fs::metadata(&screen).is_ok_and(|m| m.len() > 10_000),
        "screenshot"
    );
    let body_page = page_with(pdf, "(ancien 16)");
    let pages = [
        ("redline-print", 1),
        ("redline-print-renumbered", body_page),
    ];
    for (name, page) in pages {
        let o = Command::new("pdftoppm")
            .args(["-png", "-r", "70", "-singlefile", "-f", &page.to_string()])
            .args(["-l", &page.to_string()])
            .arg(pdf)
            .arg(out.join(name))
            .output();
        if o.is_err() {
            missing_tool("pdftoppm", std::env::var("CI").ok().as_deref());
            return;
        }
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let docs = root().join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        for name in [
            "redline-screen",
            "redline-print",
            "redline-print-renumbered",
        ] {
            let file = format!("{name}.png");
            std::fs::copy(out.join(&file), docs.join(&file)).unwrap();
        }
    }
}

/// The first printed page whose text contains `needle`.
fn page_with(pdf: &Path, needle: &str) -> usize {
    let o = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&o.stdout);
    text.split('\u{c}')
        .position(|page| page.contains(needle))
        .map_or(1, |k| k + 1)
}
