//! `redraft compile`: many delegations' proposals on one base, every
//! change attributed.
//!
//! - [`round_trip`]: random proposals; applying one delegation's proposals
//!   (JSON, Word read back by python-docx and by redraft) gives its
//!   proposal, applying none gives the base;
//! - [`cases`]: identical proposals merged, alternatives, Word files with
//!   two authors' tracked changes, bad input;
//! - [`french`]: the cooperation draft with four delegations' proposals of
//!   every kind, golden files of every format.

mod cases;
mod french;
mod round_trip;

use redraft::compile::{self, Compilation};
use redraft::model::{ParseOptions, Resolution, UnitKind, parse};
use std::path::Path;
use std::process::Command;

/// Parses a draft (English unless it says otherwise).
pub fn draft(text: &str) -> Resolution {
    parse(text, &ParseOptions::default()).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

/// A draft's units as (kind, text): its normal form up to numbering (a
/// compilation numbers new paragraphs `5 bis` where the proposal says 6).
pub fn units(text: &str, lang: redraft::lang::Lang) -> Vec<(UnitKind, String)> {
    let r =
        parse(text, &ParseOptions { lang: Some(lang) }).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    r.units.into_iter().map(|u| (u.kind, u.text)).collect()
}

/// Compiles named drafts on a base.
pub fn compiled(base: &Resolution, proposals: &[(&str, &Resolution)]) -> Compilation {
    let owned: Vec<(String, Resolution)> = proposals
        .iter()
        .map(|(n, r)| (n.to_string(), (*r).clone()))
        .collect();
    compile::compile("base", base, &owned)
}

/// The compilation as a Word document.
pub fn word(c: &Compilation) -> Vec<u8> {
    let mut out = Vec::new();
    compile::render::docx::render(c, &compile::render::docx::Options::default(), &mut out)
        .expect("written");
    out
}

/// Whether python-docx is there (required under CI).
pub fn python_docx() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "python-docx is required under CI"
        );
        eprintln!("skipped: python-docx is not installed");
    }
    ok
}

/// The Word file read by python-docx with the changes of each list of
/// names accepted and all others rejected: one text per list.
pub fn accepted_by_python(docx: &Path, lists: &[String]) -> Vec<String> {
    let script = crate::support::fixture("compile-roundtrip/accept.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(docx)
        .args(lists)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("JSON");
    lists
        .iter()
        .map(|l| map[l].as_str().unwrap_or_default().to_string())
        .collect()
}
