//! The layer order of the crate, as the "Layers" list of `src/lib.rs`
//! states it: every `crate::…` (or, in the binary, `redraft::…`) path in
//! `src/` names a module of its own layer or of a layer below. A lower
//! layer that names a higher one (`ingest` using `model`, `check` using
//! `render`) fails here, with the file and line. So does a renderer
//! that names the aligner or the differ ([`FORBIDDEN`]), which the order
//! alone would allow.

use crate::support::root;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of each top-level module, from the numbered list under
/// "## Layers" in the doc of `src/lib.rs`: ``//! 3. `ingest` `` → 3.
fn layers(lib: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let section = lib
        .lines()
        .skip_while(|l| !l.starts_with("//! ## Layers"))
        .skip(1)
        .take_while(|l| l.starts_with("//!") && !l.starts_with("//! #"));
    for line in section {
        let item = line.trim_start_matches("//!").trim_start();
        let Some((number, rest)) = item.split_once(". ") else {
            continue;
        };
        let Ok(layer) = number.parse::<usize>() else {
            continue;
        };
        for name in rest.split('`').skip(1).step_by(2) {
            out.insert(name.to_string(), layer);
        }
    }
    out
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("readable src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The top-level module a file of `src/` belongs to: `xref/grammar/mod.rs`
/// → `xref`; the binary's root `main.rs` → `cli`.
fn module_of(relative: &Path) -> String {
    let first = relative
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .unwrap_or_default();
    match first.trim_end_matches(".rs") {
        "main" => "cli".to_string(),
        name => name.to_string(),
    }
}

/// The top-level modules a source names, with their lines: `crate::model`,
/// `redraft::{lang, model::Unit}`. Comment lines are skipped.
fn imports(source: &str) -> Vec<(usize, String)> {
    let code: String = source
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    for root in ["crate::", "redraft::"] {
        for (at, _) in code.match_indices(root) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let line = code[..at].matches('\n').count() + 1;
            let rest = &code[at + root.len()..];
            out.extend(first_segments(rest).into_iter().map(|m| (line, m)));
        }
    }
    out
}

/// The first segment of a path (`model` in `model::Unit`), or of each item
/// of a brace group (`lang`, `model` in `{lang, model::{Unit}}`).
fn first_segments(rest: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    if !rest.starts_with('{') {
        return vec![ident(rest)];
    }
    let (mut depth, mut out, mut start) = (0, Vec::new(), 1);
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 1 => {}
            _ => continue,
        }
        if depth == 0 {
            out.push(ident(&rest[start..i]));
            break;
        }
        if c == ',' {
            out.push(ident(&rest[start..i]));
            start = i + 1;
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The upward imports of the sources of `src`: `file:line: a (layer 3)
/// names b (layer 5)`; and the top-level modules the list leaves out.
fn violations(src: &Path, layers: &HashMap<String, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for path in sources(src) {
        let relative = path.strip_prefix(src).unwrap_or(&path).to_path_buf();
        let module = module_of(&relative);
        if module == "lib" {
            continue;
        }
        let Some(&own) = layers.get(&module) else {
            out.push(format!(
                "{}: module `{module}` is in no layer: add it to the Layers list of src/lib.rs",
                relative.display()
            ));
            continue;
        };
        let source = fs::read_to_string(&path).unwrap_or_default();
        for (line, named) in imports(&source) {
            if let Some(&theirs) = layers.get(&named).filter(|&&l| l > own) {
                out.push(format!(
                    "{}:{line}: `{module}` (layer {own}) names `{named}` (layer {theirs})",
                    relative.display()
                ));
            }
        }
    }
    out.sort();
    out
}

/// Pairs the order allows but the house does not: a module, a module it
/// must not name, and what of it may be named all the same. A renderer
/// draws the redline it is handed; it never aligns or diffs again.
const FORBIDDEN: &[(&str, &str, &[&str])] = &[
    ("render", "align", &[]),
    ("render", "diff", &["Comparison"]),
];

/// The forbidden names in the sources of `src`: `file:line: a names b`
/// (or `b::item` where only some items of `b` may be named).
fn forbidden(src: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for path in sources(src) {
        let relative = path.strip_prefix(src).unwrap_or(&path).to_path_buf();
        let module = module_of(&relative);
        let source = fs::read_to_string(&path).unwrap_or_default();
        // Unit tests may build what the code is handed; code after a lone
        // test-only item is still code.
        let code = source
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        for &(_, named, allowed) in FORBIDDEN.iter().filter(|(m, _, _)| *m == module) {
            let found: Vec<(usize, String)> = if allowed.is_empty() {
                imports(code)
                    .into_iter()
                    .filter(|(_, n)| n == named)
                    .map(|(line, _)| (line, format!("`{named}`")))
                    .collect()
            } else {
                items_of(code, named)
                    .into_iter()
                    .filter(|(_, item)| !allowed.contains(&item.as_str()))
                    .map(|(line, item)| (line, format!("`{named}::{item}`")))
                    .collect()
            };
            out.extend(found.into_iter().map(|(line, what)| {
                format!("{}:{line}: `{module}` names {what}", relative.display())
            }));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What a source names inside `module`, with its lines: `Comparison` in
/// `crate::diff::Comparison` or `diff::Comparison`; a brace group
/// (`diff::{…}`) is named `{`. Comment lines are skipped.
fn items_of(source: &str, module: &str) -> Vec<(usize, String)> {
    let path = format!("{module}::");
    let mut out = Vec::new();
    for (k, line) in source.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (at, _) in line.match_indices(&path) {
            let before = line[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if before == Some(':') && !line[..at].ends_with("crate::") {
                continue;
            }
            let rest = &line[at + path.len()..];
            let item: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push((k + 1, if item.is_empty() { "{".into() } else { item }));
        }
    }
    out
}

/// A renderer names neither the aligner nor the differ (but for the
/// `Comparison` it is handed).
#[test]
fn a_renderer_never_aligns_or_diffs() {
    let found = forbidden(&root().join("src"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The check of the pairs itself, on a made-up tree.
#[test]
fn a_renderer_that_aligns_is_reported() {
    let dir = crate::support::temp_dir("layers-forbidden");
    fs::create_dir_all(dir.join("render")).unwrap();
    fs::write(
        dir.join("render/a.rs"),
        "use crate::diff::Comparison;\n// crate::align::lis in a comment\nfn f(c: &crate::diff::Comparison) { crate::align::lis(&[]); }\nuse crate::diff::{self, compare};\n#[cfg(test)]\nfn g() {}\nuse crate::align::Match;\n#[cfg(test)]\nmod tests {\nuse crate::diff::redline;\n}\n",
    )
    .unwrap();
    fs::write(dir.join("model.rs"), "use crate::align;\n").unwrap();
    assert_eq!(
        forbidden(&dir),
        [
            "render/a.rs:3: `render` names `align`",
            "render/a.rs:4: `render` names `diff::{`",
            "render/a.rs:7: `render` names `align`",
        ]
    );
}

/// No module of `src/` names a module of a higher layer.
#[test]
fn no_module_imports_a_higher_layer() {
    let src = root().join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let layers = layers(&lib);
    assert!(
        layers.len() >= 10,
        "the Layers list of src/lib.rs: {layers:?}"
    );
    let found = violations(&src, &layers);
    assert!(
        found.is_empty(),
        "imports against the layer order:\n{}",
        found.join("\n")
    );
}

/// The check itself: an upward `use` in a made-up tree is reported, with
/// its file and line; a downward one and a comment are not.
#[test]
fn an_upward_import_is_reported() {
    let dir = crate::support::temp_dir("layers");
    let lib = "//! ## Layers\n//!\n//! 1. `lang`\n//! 2. `ingest`\n//! 3. `model`\n";
    fs::create_dir_all(dir.join("ingest")).unwrap();
    fs::write(dir.join("lib.rs"), lib).unwrap();
    fs::write(
        dir.join("ingest/read.rs"),
        "//! Uses crate::model in a comment only.\nuse crate::lang::Lang;\nuse crate::{\n    lang,\n    model::{self, Unit},\n};\n",
    )
    .unwrap();
    fs::write(dir.join("model.rs"), "use crate::ingest;\n").unwrap();
    let found = violations(&dir, &layers(lib));
    assert_eq!(
        found,
        ["ingest/read.rs:3: `ingest` (layer 2) names `model` (layer 3)"]
    );
}
