//! The layer order of the crate, as the "Layers" list of `src/lib.rs`
//! states it: every `crate::…` (or, in the binary, `redraft::…`) path in
//! `src/` names a module of its own layer or of a layer below. A lower
//! layer that names a higher one (`ingest` using `model`, `check` using
//! `render`) fails here, with the file and line.

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
