//! `redraft history`: three committed versions of the Annex I draft (the
//! lineage table, blame, the cumulative redline with rounds, labels),
//! `--git` on a repository made by the test, and the reader's formats in
//! the draft's language (French, Spanish) without the tool's labels.

use crate::support::*;
use std::path::Path;
use std::process::Command;

const VERSIONS: [&str; 3] = [
    "fixtures/history/before.txt",
    "fixtures/history/after.txt",
    "fixtures/history/adoption.txt",
];

/// The lineage rows every run on the three (French) versions must show
/// (Markdown): the unit as numbered now, its number in each version, the
/// round of its last change.
const ROWS: [&str; 9] = [
    "| paragraphe 2 | 2 | 2 | 2 | version 2 (modifié) |",
    "| paragraphe 13 | 14 | 14 | 13 | — |",
    "| paragraphe 14 | 13 | 13 | 14 | version 2 (déplacé) |",
    "| paragraphe 16 | — | 16 | 16 | version 2 (modifié) |",
    "| paragraphe 17 | 16 | 17 | 17 | — |",
    "| paragraphe 22 | — | 22 | 22 | version 1 (inséré) |",
    "| paragraphe 39 | 38 | 40 | 39 | — |",
    "| note 11 | 9 | 11 | 11 | version 1 (modifié) |",
    "| — | paragraphe 37 | paragraphe 39 | — | supprimé dans la version 2 |",
];

fn history(extra: &[&str]) -> String {
    let mut args = vec!["history"];
    args.extend(VERSIONS);
    args.extend_from_slice(extra);
    let o = redraft(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

fn assert_rows(md: &str) {
    for row in ROWS {
        assert!(
            md.lines().any(|l| l == row),
            "missing row {row:?} in:\n{md}"
        );
    }
}

#[test]
fn lineage_table_of_three_versions() {
    let md = history(&["--format", "markdown"]);
    assert!(
        md.contains(
            "| paragraphe | before.txt | after.txt | adoption.txt | dernière modification |"
        ),
        "{md}"
    );
    assert!(
        md.contains("- version 2\u{202f}: after.txt → adoption.txt (dernière version)"),
        "{md}"
    );
    assert_rows(&md);
    let units = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| paragraphe |"))
        .count();
    let latest = load(&root().join(VERSIONS[2])).units.len();
    assert_eq!(
        units,
        latest + 1,
        "a row per unit of the latest version, plus the deleted one"
    );
}

#[test]
fn cumulative_redline_tags_each_change_with_its_round() {
    let md = history(&["--format", "markdown"]);
    assert!(
        md.contains(
            "qui concerne ~~13~~<sub>version 1</sub>***11***<sub>version 2</sub> personnes"
        ),
        "{md}"
    );
    assert!(md.contains("**37**<sub>version 1</sub>"), "{md}");
    let term = history(&["--format", "term", "--color", "never"]);
    assert!(
        term.contains("afin de lancer+} {version 2+dès+} {version 1+2022"),
        "{term}"
    );
    assert!(
        term.contains("(déplacé ; désormais paragraphe 14\u{202f}; version 2)"),
        "{term}"
    );
}

/// The history's terminal redline is drawn by the terminal redline's own
/// loop: spaces outside the markers, a whole-word replacement set apart,
/// notes in parentheses as in `redraft diff`, an inserted paragraph's
/// number marked as inserted; and the same words side by side in both.
#[test]
fn term_history_redline_reads_like_a_redline() {
    let term = history(&["--format", "term", "--color", "never"]);
    for expected in [
        "paragraphe [version 1-36-] {version 1+37+} de la résolution",
        "qui concerne [version 1-13-] {version 2+11+} personnes",
        "13. (ancien 14) Rappelle",
        "{version 1+22.+} (inséré\u{202f}; version 1) {version 1+Se félicite",
    ] {
        assert!(term.contains(expected), "{expected:?} in:\n{term}");
    }
    let o = redraft(&[
        "diff",
        VERSIONS[0],
        VERSIONS[1],
        "--format",
        "term",
        "--color",
        "never",
    ]);
    assert!(
        stdout(&o).contains("paragraphe [-36-] {+37+} de la résolution"),
        "{}",
        stdout(&o)
    );
}

/// A control character in a version (a Word file may hold ESC) reaches
/// the terminal escaped, as in `redraft diff`, never raw.
#[test]
fn term_history_escapes_control_characters_from_word() {
    for color in ["never", "always"] {
        let o = redraft(&[
            "history",
            "fixtures/docx-numbered/draft.docx",
            "fixtures/hostile/control-characters.docx",
            "--format",
            "term",
            "--color",
            color,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(!o.stdout.contains(&0x07), "BEL reached the terminal");
        let out = stdout(&o);
        assert!(!out.contains("\u{1b}]0;"), "{out}");
        assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{out}");
    }
}

#[test]
fn blame_gives_the_round_of_every_word() {
    let json: serde_json::Value =
        serde_json::from_str(&history(&["--format", "json"])).expect("JSON");
    let op16 = json["lineage"]
        .as_array()
        .expect("lineage")
        .iter()
        .find(|l| l["label"] == "OP16")
        .expect("OP16");
    let blame: Vec<(String, u64)> = op16["blame"]
        .as_array()
        .expect("blame")
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap_or("").to_string(),
                s["round"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(blame.len(), 3, "{blame:?}");
    assert_eq!((blame[1].0.as_str(), blame[1].1), ("dès", 2));
    assert_eq!((blame[0].1, blame[2].1), (1, 1));
    let removed = json["removed"].as_array().expect("removed");
    assert!(
        removed
            .iter()
            .any(|r| r["label"] == "OP16" && r["text"] == "en" && r["round"] == 2),
        "{removed:?}"
    );
    assert_eq!(json["deleted"][0]["round"], 2);
}

#[test]
fn html_has_a_colour_per_round_and_emphasises_the_last() {
    let html = history(&["--format", "html"]);
    assert!(html.contains("<li class=\"r2 latest\">"), "legend");
    assert!(html.contains("(dernière version)"));
    assert!(html.contains(".r1 { color:"), "a colour per round");
    assert!(html.contains(
        "<ins class=\"r2 latest\" title=\"version 2\u{202f}: after.txt → adoption.txt (dernière version)\">11</ins>"
    ));
    assert!(html.contains(
        "<del class=\"r1\" title=\"version 1\u{202f}: before.txt → after.txt\">13</del>"
    ));
}

/// The history's redline is drawn by the redline's own HTML renderer: a
/// whole-word replacement set apart by a real space, document symbols
/// kept whole, a preambular paragraph's opening words in italics.
#[test]
fn html_history_redline_reads_like_a_redline() {
    let html = history(&["--format", "html"]);
    let r1 = "class=\"r1\" title=\"version 1\u{202f}: before.txt → after.txt\"";
    assert!(
        html.contains(&format!("<del {r1}>36</del> <ins {r1}>37</ins>")),
        "whole words apart"
    );
    assert!(html.contains(&format!(
        "<ins {r1}>, <span class=\"sym\">ICC-ASP-19/Res.2</span></ins>"
    )));
    assert!(html.contains("<p><em>Rappelant</em> les dispositions"));
}

#[test]
fn labels_name_the_versions() {
    let md = history(&[
        "--format",
        "markdown",
        "--label",
        "zero draft",
        "--label",
        "Rev.1",
        "--label",
        "adoption",
    ]);
    assert!(
        md.contains("| paragraphe | zero draft | Rev.1 | adoption | dernière modification |"),
        "{md}"
    );
    let o = redraft(&["history", VERSIONS[0], VERSIONS[1], "--label", "only one"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--label is given 1 time(s) for 2 versions"),
        "{}",
        stderr(&o)
    );
}

/// `-o`'s extension picks the format by the one table `diff` uses
/// (issue 11: `-o x.txt` wrote Markdown): each file equals what
/// `--format` writes to the pipe; an extension no history format writes
/// is refused with one line naming the file, exit 2, nothing written.
#[test]
fn the_output_extension_picks_the_format_as_for_diff() {
    let dir = temp_dir("history-extension");
    for (name, format) in [
        ("h.txt", "text"),
        ("h.md", "markdown"),
        ("h.html", "html"),
        ("h.json", "json"),
        ("h.TXT", "text"),
    ] {
        let path = dir.join(name);
        let out = path.to_str().expect("utf-8 path");
        let o = redraft(&["history", VERSIONS[0], VERSIONS[1], "-o", out]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let written = std::fs::read_to_string(&path).expect("written");
        let piped = stdout(&redraft(&[
            "history",
            VERSIONS[0],
            VERSIONS[1],
            "--format",
            format,
        ]));
        assert_eq!(written, piped, "{name} is not {format}");
    }
    let text = std::fs::read_to_string(dir.join("h.txt")).expect("text");
    assert!(
        text.contains("{version 1+") && !text.contains("**"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour in a file: {text}");
    for name in ["h.docx", "h.pdf"] {
        let path = dir.join(name);
        let out = path.to_str().expect("utf-8 path");
        let o = redraft(&["history", VERSIONS[0], VERSIONS[1], "-o", out]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let message = stderr(&o);
        assert_eq!(message.trim_end().lines().count(), 1, "{message}");
        assert!(
            message.contains(name) && message.contains("--format"),
            "{message}"
        );
        assert!(!path.exists(), "{name} written");
    }
}

/// The text format is the terminal's without colour, and `--full` shows
/// the unchanged units there too.
#[test]
fn the_text_format_is_the_terminal_without_colour() {
    let text = history(&["--format", "text"]);
    let term = history(&["--format", "term", "--color", "never"]);
    assert_eq!(text, term);
    let full = history(&["--format", "text", "--full"]);
    assert!(full.len() > text.len() && !full.contains('⋯'), "{full}");
}

#[test]
fn one_version_is_not_a_history() {
    let o = redraft(&["history", VERSIONS[0]]);
    assert_eq!(o.status.code(), Some(2));
}

fn git(dir: &Path, args: &[&str], date: &str) -> String {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    stdout(&o).trim().to_string()
}

#[test]
fn git_history_of_a_file() {
    let dir = temp_dir("history-git");
    git(&dir, &["init", "-q"], "2021-01-01T12:00:00Z");
    let draft = dir.join("cooperation.txt");
    let dates = [
        "2021-01-10T12:00:00Z",
        "2021-02-20T12:00:00Z",
        "2021-03-30T12:00:00Z",
    ];
    let mut hashes = Vec::new();
    for (version, date) in VERSIONS.iter().zip(dates) {
        std::fs::copy(root().join(version), &draft).expect("copy");
        git(&dir, &["add", "cooperation.txt"], date);
        git(&dir, &["commit", "-q", "-m", version], date);
        hashes.push(git(&dir, &["rev-parse", "--short", "HEAD"], date));
    }
    std::fs::write(dir.join("other.txt"), "unrelated").expect("write");
    git(&dir, &["add", "other.txt"], "2021-04-01T12:00:00Z");
    git(
        &dir,
        &["commit", "-q", "-m", "other"],
        "2021-04-01T12:00:00Z",
    );

    let path = draft.to_str().expect("path");
    let o = redraft(&["history", "--git", path, "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    let header = format!(
        "| paragraphe | 2021-01-10 {} | 2021-02-20 {} | 2021-03-30 {} | dernière modification |",
        hashes[0], hashes[1], hashes[2]
    );
    assert!(md.contains(&header), "{header}\n{md}");
    assert_rows(&md);

    let o = redraft(&[
        "history", "--git", path, "--max", "2", "--format", "markdown",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    let header = format!(
        "| paragraphe | 2021-02-20 {} | 2021-03-30 {} | dernière modification |",
        hashes[1], hashes[2]
    );
    assert!(md.contains(&header), "{header}\n{md}");

    let o = redraft(&[
        "history",
        "--git",
        path,
        "--since",
        "2021-03-01",
        "--format",
        "markdown",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("at least two versions"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn git_outside_a_repository_is_trouble() {
    let dir = temp_dir("history-no-git");
    let draft = dir.join("d.txt");
    std::fs::copy(root().join(VERSIONS[0]), &draft).expect("copy");
    let o = redraft(&["history", "--git", draft.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("git:"), "{}", stderr(&o));
}

/// A repository with one file committed once per version, at the dates
/// of the three rounds; `write` puts version `k` in place.
fn repository_of(name: &str, file: &str, write: impl Fn(usize, &Path)) -> std::path::PathBuf {
    repository_of_n(name, file, 3, write)
}

/// A repository with one file committed `n` times (at most three).
fn repository_of_n(
    name: &str,
    file: &str,
    n: usize,
    write: impl Fn(usize, &Path),
) -> std::path::PathBuf {
    let dir = temp_dir(name);
    git(&dir, &["init", "-q"], "2021-01-01T12:00:00Z");
    let draft = dir.join(file);
    let dates = [
        "2021-01-10T12:00:00Z",
        "2021-02-20T12:00:00Z",
        "2021-03-30T12:00:00Z",
    ];
    for (k, date) in dates.iter().enumerate().take(n) {
        write(k, &draft);
        git(&dir, &["add", file], date);
        git(&dir, &["commit", "-q", "-m", &format!("v{k}")], date);
    }
    draft
}

#[test]
fn git_history_of_a_word_document_reads_each_version_as_word() {
    // Each version as a Word document: the redline of a version against
    // itself is that version, without a change.
    let draft = repository_of("history-git-docx", "cooperation.docx", |k, path| {
        let v = root().join(VERSIONS[k]);
        let v = v.to_str().expect("path");
        let out = path.to_str().expect("path");
        let o = redraft(&["diff", v, v, "--format", "docx", "-o", out]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    });
    let path = draft.to_str().expect("path");
    let o = redraft(&["history", "--git", path, "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_rows(&stdout(&o));
}

#[test]
fn git_history_of_a_pdf_reads_each_version_as_the_file_would_be() {
    let dir = root().join("../shared/realworld/un/sc-iraq-unami");
    let pdfs = [
        dir.join("2020_S-2020-449.pdf"),
        dir.join("2022_S-2022-426.pdf"),
    ];
    let has_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    if !pdfs.iter().all(|p| p.is_file()) || !has_pdftotext {
        assert!(
            std::env::var_os("CI").is_none(),
            "the PDFs and pdftotext are required under CI"
        );
        return;
    }
    let draft = repository_of_n("history-git-pdf", "unami.pdf", 2, |k, path| {
        std::fs::copy(&pdfs[k], path).expect("copy");
    });
    let lineage = |o: &std::process::Output| -> Vec<String> {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
        let md = stdout(o);
        md.lines()
            .skip_while(|l| !l.starts_with("|---"))
            .skip(1)
            .take_while(|l| l.starts_with("| "))
            .map(str::to_string)
            .collect()
    };
    let files = [
        pdfs[0].to_str().expect("path"),
        pdfs[1].to_str().expect("path"),
    ];
    let from_files = lineage(&redraft(&[
        "history", files[0], files[1], "--format", "markdown",
    ]));
    let path = draft.to_str().expect("path");
    let from_git = lineage(&redraft(&[
        "history", "--git", path, "--format", "markdown",
    ]));
    assert!(from_files.len() > 5, "{from_files:?}");
    assert_eq!(from_git, from_files);
}

#[test]
fn git_history_takes_the_part_asked_for() {
    let annex = "\n\nAnnex I\n\nThe General Assembly,\n\nNoting the annexed report,\n\n1. Welcomes the annexed report;\n";
    let draft = repository_of("history-git-part", "d.txt", |k, path| {
        let main = std::fs::read_to_string(root().join(VERSIONS[k])).expect("read");
        std::fs::write(path, format!("{main}{annex}")).expect("write");
    });
    let path = draft.to_str().expect("path");
    let whole = redraft(&["history", "--git", path, "--format", "markdown"]);
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    assert!(stdout(&whole).contains("| paragraphe 1 (annexe I) |"));
    let args = [
        "history", "--git", path, "--part", "main", "--format", "markdown",
    ];
    let o = redraft(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(!md.contains("annexe I"), "{md}");
    assert_rows(&md);
}

/// The three Spanish versions.
const SPANISH: [&str; 3] = [
    "fixtures/history-es/v0.txt",
    "fixtures/history-es/v1.txt",
    "fixtures/history-es/v2.txt",
];

/// What a reader sees of a history: the output, HTML tags stripped.
fn reader_text(versions: &[&str], format: &str) -> String {
    let mut args = vec!["history"];
    args.extend(versions);
    args.extend(["--format", format, "--color", "never"]);
    let o = redraft(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    if format == "html" {
        let body = out.split("<body>").nth(1).unwrap_or(&out);
        regex::Regex::new("<[^>]*>")
            .expect("regex")
            .replace_all(body, "")
            .into_owned()
    } else {
        out
    }
}

/// No internal label (`OP16`, `PP3`, `FN9`, `H2`, `R2`) in a reader's text.
fn assert_no_label(text: &str, what: &str) {
    let label = regex::Regex::new(r"\b(OP|PP|FN|H)\d+\b|\bR\d\b").expect("regex");
    let found: Vec<&str> = label.find_iter(text).map(|m| m.as_str()).collect();
    assert!(found.is_empty(), "{what}: labels {found:?} in:\n{text}");
}

#[test]
fn a_french_history_speaks_french_with_the_documents_numbering() {
    for format in ["term", "markdown", "html"] {
        let text = reader_text(&VERSIONS, format);
        assert_no_label(&text, format);
        for phrase in [
            "Historique",
            "version 1",
            "(dernière version)",
            "Texte comparé cumulé",
            "supprimé dans la version 2",
            "déplacé ; désormais paragraphe 14\u{202f}; version 2",
            "ancien 16",
            "inséré\u{202f}; version 1",
        ] {
            assert!(text.contains(phrase), "{format}: {phrase:?} in:\n{text}");
        }
    }
    let term = reader_text(&VERSIONS, "term");
    assert!(
        term.contains("⋯ 13 inchangés (paragraphe 3 – paragraphe 12) ⋯"),
        "{term}"
    );
    assert!(
        term.lines().any(|l| l.starts_with("alinéa 1 du préambule")),
        "{term}"
    );
    let json = reader_text(&VERSIONS, "json");
    assert!(
        json.contains("\"label\": \"OP16\""),
        "JSON keeps the labels"
    );
}

#[test]
fn a_spanish_history_speaks_spanish_with_the_documents_numbering() {
    for format in ["term", "markdown", "html"] {
        let text = reader_text(&SPANISH, format);
        assert_no_label(&text, format);
        for phrase in [
            "Historial",
            "versión 2: v1.txt → v2.txt (última versión)",
            "Texto comparado acumulado: v0.txt → v2.txt",
            "suprimido en la versión 2",
            "insertado; versión 1",
            "antes 2",
            "último cambio",
        ] {
            assert!(text.contains(phrase), "{format}: {phrase:?} in:\n{text}");
        }
    }
    let md = reader_text(&SPANISH, "markdown");
    for row in [
        "| párrafo 2 | — | 2 | 2 | versión 1 (insertado) |",
        "| párrafo 3 | 2 | 3 | 3 | versión 2 (modificado) |",
        "| párrafo 4 | 4 | 5 | 4 | — |",
        "| nota 1 | 1 | 1 | 1 | versión 1 (modificado) |",
        "| — | párrafo 3 | párrafo 4 | — | suprimido en la versión 2 |",
    ] {
        assert!(md.lines().any(|l| l == row), "missing {row:?} in:\n{md}");
    }
    assert!(
        md.contains("~~13~~<sub>versión 1</sub>***11***<sub>versión 2</sub>"),
        "{md}"
    );
    let term = reader_text(&SPANISH, "term");
    assert!(
        term.contains("⋯ 5 sin cambios (título – párrafo 1) ⋯"),
        "{term}"
    );
}
