//! Golden files: every output format of `redraft diff` on the Annex I pair,
//! compared byte for byte with `fixtures/annex-i/golden/`. After a reviewed
//! change of output, regenerate with `UPDATE_GOLDEN=1 cargo test golden`.

use crate::support::*;

const OLD: &str = "fixtures/annex-i/before.txt";
const NEW: &str = "fixtures/annex-i/after.txt";

/// Runs `redraft diff` on the Annex I pair with `args` and compares its output
/// with `fixtures/annex-i/golden/NAME`.
pub fn check(name: &str, args: &[&str]) {
    check_pair((OLD, NEW), "annex-i/golden", name, args);
}

/// Runs `redraft diff OLD NEW args` (dated by `SOURCE_DATE_EPOCH`, so that
/// the HTML header's date is fixed) and compares its output with
/// `fixtures/<golden>/<name>`.
pub fn check_pair((old, new): (&str, &str), golden: &str, name: &str, args: &[&str]) {
    let mut all = vec!["diff", old, new];
    all.extend_from_slice(args);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(&all)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1638316800")
        .output()
        .expect("run redraft");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let path = fixture(golden).join(name);
    let actual = stdout(&o);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(0);
        panic!(
            "{name} differs from its golden file at line {}:\n  actual:   {}\n  expected: {}",
            first + 1,
            actual.lines().nth(first).unwrap_or(""),
            expected.lines().nth(first).unwrap_or("")
        );
    }
}

#[test]
fn text() {
    check("redline.txt", &["--format", "text"]);
}

#[test]
fn markdown() {
    check("redline.md", &["--format", "markdown"]);
}

#[test]
fn html() {
    check("redline.html", &["--format", "html"]);
}

#[test]
fn json() {
    check("redline.json", &["--format", "json"]);
}

#[test]
fn term_plain() {
    check(
        "redline.term.txt",
        &["--format", "term", "--color", "never"],
    );
}

#[test]
fn term_coloured() {
    check(
        "redline.term.ansi",
        &["--format", "term", "--color", "always"],
    );
}

#[test]
fn term_full_with_char_granularity() {
    check(
        "redline.full-char.term.txt",
        &[
            "--format",
            "term",
            "--color",
            "never",
            "--full",
            "--granularity",
            "char",
        ],
    );
}

/// Spanish: notes, badges, counts and the renumbering table in Spanish,
/// with the draft's own numbering (`párrafo 3 (antes 2)`).
const ES: (&str, &str) = (
    "fixtures/reader-language/es-old.txt",
    "fixtures/reader-language/es-new.txt",
);

#[test]
fn spanish_text() {
    check_pair(
        ES,
        "reader-language/golden",
        "redline.es.txt",
        &["--format", "text"],
    );
}

#[test]
fn spanish_markdown() {
    check_pair(
        ES,
        "reader-language/golden",
        "redline.es.md",
        &["--format", "markdown"],
    );
}

#[test]
fn spanish_html() {
    check_pair(
        ES,
        "reader-language/golden",
        "redline.es.html",
        &["--format", "html"],
    );
}

#[test]
fn spanish_term() {
    check_pair(
        ES,
        "reader-language/golden",
        "redline.es.term.txt",
        &["--format", "term", "--color", "never", "--context", "0"],
    );
}

#[test]
fn french_term_folded() {
    check(
        "redline.term-context0.txt",
        &["--format", "term", "--color", "never", "--context", "0"],
    );
}
