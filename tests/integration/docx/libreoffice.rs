//! Word redlines written into the drafts' own packages, accepted and
//! rejected by LibreOffice itself: a Basic macro
//! (`fixtures/libreoffice-accept/Module1.xba`) runs LibreOffice's "Accept
//! All" or "Reject All" headless and saves the text, which must be
//! LibreOffice's own text export of the new draft (accepted) or of the old
//! one (rejected), line for line: automatic numbers, tables, typed and
//! Word footnote references alike. Skipped with a notice when LibreOffice
//! is not installed (a failure under CI, where `.ci/run` installs
//! `libreoffice-writer`).

use crate::docx_redline::{cooperation, diff_docx, python_docx};
use crate::support::{fixture, temp_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

/// LibreOffice, headless, with a private profile holding the macro.
struct Office {
    program: &'static str,
    profile: PathBuf,
}

impl Office {
    /// `None` (after a notice) when LibreOffice is not installed.
    fn start(dir: &Path) -> Option<Office> {
        let program = ["soffice", "libreoffice"].into_iter().find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
        let Some(program) = program else {
            assert!(
                std::env::var_os("CI").is_none(),
                "LibreOffice (libreoffice-writer) is required under CI"
            );
            eprintln!("skipped: LibreOffice (soffice) is not installed");
            return None;
        };
        let office = Office {
            program,
            profile: dir.join("lo-profile"),
        };
        office.run(&["--terminate_after_init"]);
        let module = office.profile.join("user/basic/Standard/Module1.xba");
        assert!(module.exists(), "LibreOffice made its profile");
        std::fs::copy(fixture("libreoffice-accept/Module1.xba"), module).expect("macro copied");
        Some(office)
    }

    fn run(&self, args: &[&str]) {
        let profile = format!("-env:UserInstallation=file://{}", self.profile.display());
        let o = Command::new(self.program)
            .args(["--headless", "--norestore", &profile])
            .args(args)
            .output()
            .expect("LibreOffice runs");
        assert!(
            o.status.success(),
            "LibreOffice failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    /// The text of `docx` after LibreOffice accepts (or rejects) every
    /// tracked change.
    fn resolved(&self, docx: &Path, mode: &str) -> Vec<String> {
        let out = docx.with_extension(format!("{mode}.txt"));
        let _ = std::fs::remove_file(&out);
        let macro_call = format!(
            r#"macro:///Standard.Module1.Resolve("{}","{}","{mode}")"#,
            docx.display(),
            out.display()
        );
        self.run(&[&macro_call]);
        lines(&out)
    }

    /// LibreOffice's text export of a document as it is.
    fn text(&self, docx: &Path) -> Vec<String> {
        let dir = docx.parent().expect("a folder").join("exported");
        let (dir_arg, file) = (dir.display().to_string(), docx.display().to_string());
        let to = ["--convert-to", "txt:Text (encoded):UTF8", "--outdir"];
        self.run(&[to[0], to[1], to[2], &dir_arg, &file]);
        let stem = docx.file_stem().expect("a name");
        lines(&dir.join(stem).with_extension("txt"))
    }

    /// Asserts that LibreOffice accepts `red` to the text of `new` and
    /// rejects it to the text of `old`.
    fn assert_resolves(&self, red: &Path, old: &Path, new: &Path) {
        assert_eq!(
            self.resolved(red, "accept"),
            self.text(new),
            "accept all gives {}",
            new.display()
        );
        assert_eq!(
            self.resolved(red, "reject"),
            self.text(old),
            "reject all gives {}",
            old.display()
        );
    }
}

/// A text file's non-empty lines, whitespace collapsed.
fn lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("LibreOffice wrote {}", path.display()));
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn libreoffice_accepts_and_rejects_the_cooperation_redline_to_each_draft() {
    let Some((old, new, dir)) = cooperation("libreoffice-cooperation") else {
        return;
    };
    let Some(office) = Office::start(&dir) else {
        return;
    };
    let red = dir.join("red.docx");
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    let shown = office.text(&red);
    assert!(shown.len() > 40, "LibreOffice opens the redline: {shown:?}");
    office.assert_resolves(&red, &old, &new);
    assert_ne!(office.text(&old), office.text(&new));
}

#[test]
fn libreoffice_accepts_and_rejects_typed_footnotes_and_table_cells() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("libreoffice-typed-footnotes");
    let Some(office) = Office::start(&dir) else {
        return;
    };
    let make = |draft: &str, out: &Path| {
        let status = Command::new("python3")
            .arg(fixture("docx-typed-footnotes/make.py"))
            .arg(fixture(&format!("docx-typed-footnotes/{draft}")))
            .arg(out)
            .status()
            .expect("python3 runs");
        assert!(status.success());
    };
    let (old, new, red) = (
        dir.join("old.docx"),
        dir.join("new.docx"),
        dir.join("red.docx"),
    );
    make("old.draft", &old);
    make("new.draft", &new);
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    office.assert_resolves(&red, &old, &new);
    let cells = |out: &Path, rows: &str| {
        let status = Command::new("python3")
            .arg(fixture("table-cells/cells.py"))
            .args(["make", &out.display().to_string(), rows])
            .status()
            .expect("python3 runs");
        assert!(status.success());
    };
    cells(
        &old,
        r#"[["State", "Rate"], ["France/capital Paris", "100/per year"], ["Italy", "50"]]"#,
    );
    cells(
        &new,
        r#"[["State", "Rate"], ["Francia", "120"], ["Italy", "55"]]"#,
    );
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    office.assert_resolves(&red, &old, &new);
}
