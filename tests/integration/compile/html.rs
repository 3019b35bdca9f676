//! The HTML compilation's filter in headless Chromium: unticking a
//! delegation hides its alternatives, new paragraphs and deletion notes,
//! and its single changes read as the base text; the others stay.

use super::*;
use crate::support::{fixture, temp_dir};

/// A script run once the page is built: unticks Suisse and Japon, runs the
/// filter, and writes what is visible into `<body data-seen="...">`.
const PROBE: &str = r#"<script>
for (const i of ['2', '3']) document.querySelector('input[data-i="' + i + '"]').checked = false;
filter();
const shown = e => e.offsetParent !== null;
const seen = [];
for (const alt of document.querySelectorAll('#OP2 .alt')) seen.push('OP2 alt ' + (shown(alt) ? 'shown' : 'hidden') + ': ' + alt.textContent.trim());
seen.push('OP6bis ' + (shown(document.getElementById('OP6bis')) ? 'shown' : 'hidden'));
seen.push('OP25bis ' + (shown(document.getElementById('OP25bis')) ? 'shown' : 'hidden'));
seen.push('PP4 change ' + (document.querySelector('#PP4 .change').classList.contains('plain') ? 'plain' : 'marked'));
seen.push('OP36 change ' + (document.querySelector('#OP36 .change').classList.contains('plain') ? 'plain' : 'marked'));
document.body.dataset.seen = seen.join('|');
</script>"#;

#[test]
fn unticking_delegations_hides_their_proposals() {
    let Some(browser) = ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        crate::html_browser::missing_tool("chromium", std::env::var("CI").ok().as_deref());
        return;
    };
    let html = std::fs::read_to_string(fixture("compile-french/golden/compilation.html"))
        .expect("golden page");
    let dir = temp_dir("compile-html-filter");
    let page = dir.join("page.html");
    std::fs::write(&page, html.replace("</body>", &format!("{PROBE}</body>"))).expect("written");
    let o = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&o.stdout);
    let seen = dom
        .split("data-seen=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no probe result: {dom:.400}"));
    let seen = seen.replace("&nbsp;", "\u{a0}");
    let seen: Vec<&str> = seen.split('|').collect();
    assert_eq!(
        seen,
        [
            "OP2 alt shown: / Var. 1\u{a0}: très vive (UE, Mexique)",
            "OP2 alt hidden: / Var. 2\u{a0}: profonde (Suisse)",
            "OP6bis shown",
            "OP25bis hidden",
            "PP4 change plain",
            "OP36 change marked",
        ]
    );
}
