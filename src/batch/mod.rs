//! Batch mode: a whole session's drafts at once. `redraft diff OLD_DIR
//! NEW_DIR -o OUT_DIR` pairs the files of two folders, writes one redline
//! per pair and an index page with the counts of every document; `redraft
//! check DIR` checks every draft of a folder.
//!
//! Pairing, from certain to guessed:
//!
//! 1. **by name**: `L.5.docx` in OLD_DIR and `L.5.txt` in NEW_DIR (the same
//!    file name without its extension);
//! 2. **by document symbol**, for the files left: the symbol the masthead
//!    prints (`A/C.3/79/L.5` and its revision `A/C.3/79/L.5/Rev.1` are the
//!    same document, see [`base_symbol`]), when it names one file on each
//!    side.
//!
//! Files left over are listed on the index page as only in the old or only
//! in the new folder. The pairs are compared in parallel, one task a pair
//! ([`crate::parallel::map_each`]), and reported in name order whatever
//! finished first. A file that cannot be read does not stop the others:
//! every other redline and the index are written (each atomically), and
//! the batch then fails with one message naming every bad file.
//!
//! ```
//! use redraft::batch::base_symbol;
//! assert_eq!(base_symbol("A/C.3/79/L.5/Rev.1"), "A/C.3/79/L.5");
//! assert_eq!(base_symbol("S/2020/449*"), "S/2020/449");
//! ```

pub mod index;

use crate::error::{Error, Result};
use crate::redline::Summary;
use crate::render::{self, Format, RenderOptions};
use crate::{LoadOptions, diff, parallel};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Two versions of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The name its redline is written under (the new file's name without
    /// its extension).
    pub name: String,
    /// The old version.
    pub old: PathBuf,
    /// The new version.
    pub new: PathBuf,
    /// The document symbol the two were paired by, when their names
    /// differ.
    pub symbol: Option<String>,
}

/// The files of two folders, paired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    /// Pairs, in the order of their names.
    pub pairs: Vec<Pair>,
    /// Files of the old folder with no counterpart.
    pub only_old: Vec<PathBuf>,
    /// Files of the new folder with no counterpart.
    pub only_new: Vec<PathBuf>,
}

/// What became of one pair.
#[derive(Debug)]
pub struct Outcome {
    /// The pair.
    pub pair: Pair,
    /// The redline written, or the error that stopped it.
    pub result: Result<Written>,
}

/// A redline written into the output folder.
#[derive(Debug, Clone)]
pub struct Written {
    /// Its file name in the output folder.
    pub file: String,
    /// Its counts.
    pub summary: Summary,
    /// Whether the two versions differ (as `redraft diff` exits 1).
    pub changed: bool,
}

/// The drafts of a folder: its regular files, hidden ones (`.name`) and
/// editors' lock files (`~$name`) aside, in name order.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_file() && !name.starts_with('.') && !name.starts_with("~$") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The symbol of a document without its revision or corrigendum suffix
/// and reissue star: the same document through its versions.
pub fn base_symbol(symbol: &str) -> String {
    let mut s = symbol.trim().trim_end_matches('*');
    while let Some(cut) = s.rfind('/') {
        let last = &s[cut + 1..];
        let revision = ["Rev.", "Corr.", "rev.", "corr."].iter().any(|p| {
            last.strip_prefix(p)
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        });
        if !revision {
            break;
        }
        s = &s[..cut];
    }
    s.to_string()
}

/// Pairs the files of two folders by name, then by symbol (`symbol` reads
/// a file's document symbol; it is asked only of files left unpaired by
/// name, in parallel).
pub fn pair<F>(old: &[PathBuf], new: &[PathBuf], symbol: F) -> Pairing
where
    F: Fn(&Path) -> Option<String> + Sync,
{
    let stem = |p: &PathBuf| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    let (old_by_name, new_by_name) = (by_name(old), by_name(new));
    let mut pairs = Vec::new();
    let mut only_new = Vec::new();
    for n in new {
        let name = stem(n).filter(|s| new_by_name.contains_key(s));
        match name.and_then(|s| old_by_name.get(&s).map(|o| (s, o))) {
            Some((name, o)) => pairs.push(Pair {
                name,
                old: (*o).clone(),
                new: n.clone(),
                symbol: None,
            }),
            None => only_new.push(n.clone()),
        }
    }
    let paired: Vec<&PathBuf> = pairs.iter().map(|p| &p.old).collect();
    let only_old: Vec<PathBuf> = old
        .iter()
        .filter(|o| !paired.contains(o))
        .cloned()
        .collect();
    let mut pairing = by_symbol(only_old, only_new, &symbol);
    pairing.pairs.extend(pairs);
    pairing.pairs.sort_by(|a, b| a.name.cmp(&b.name));
    pairing
}

/// The files of a folder by name without extension; a name two files
/// share (`L.5.txt`, `L.5.docx`) pairs nothing by name.
fn by_name(files: &[PathBuf]) -> BTreeMap<String, &PathBuf> {
    let mut seen: BTreeMap<String, Option<&PathBuf>> = BTreeMap::new();
    for p in files {
        if let Some(s) = p.file_stem() {
            seen.entry(s.to_string_lossy().into_owned())
                .and_modify(|e| *e = None)
                .or_insert(Some(p));
        }
    }
    seen.into_iter()
        .filter_map(|(s, p)| Some((s, p?)))
        .collect()
}

/// Pairs the files left by name through their base symbols, where a base
/// symbol names one file on each side.
fn by_symbol<F>(old: Vec<PathBuf>, new: Vec<PathBuf>, symbol: &F) -> Pairing
where
    F: Fn(&Path) -> Option<String> + Sync,
{
    let symbols = |files: &[PathBuf]| -> Vec<Option<String>> {
        parallel::map_each(files, |p| symbol(p).map(|s| base_symbol(&s)))
    };
    let (old_symbols, new_symbols) = (symbols(&old), symbols(&new));
    let unique = |symbols: &[Option<String>], s: &str| {
        symbols.iter().filter(|x| x.as_deref() == Some(s)).count() == 1
    };
    let mut pairing = Pairing::default();
    let mut taken = vec![false; old.len()];
    for (n, sym) in new.iter().zip(&new_symbols) {
        let found = sym
            .as_deref()
            .filter(|s| unique(&new_symbols, s) && unique(&old_symbols, s));
        let at = found.and_then(|s| old_symbols.iter().position(|x| x.as_deref() == Some(s)));
        match at {
            Some(k) => {
                taken[k] = true;
                pairing.pairs.push(Pair {
                    name: n
                        .file_stem()
                        .map_or(String::new(), |s| s.to_string_lossy().into()),
                    old: old[k].clone(),
                    new: n.clone(),
                    symbol: sym.clone(),
                });
            }
            None => pairing.only_new.push(n.clone()),
        }
    }
    pairing.only_old = old
        .into_iter()
        .zip(taken)
        .filter(|(_, t)| !t)
        .map(|(p, _)| p)
        .collect();
    pairing
}

/// The document symbol of a draft as its masthead gives it, or a title
/// line that is a symbol alone; `None` when the file cannot be read.
pub fn symbol_of(path: &Path, options: &LoadOptions) -> Option<String> {
    let draft = crate::load(path, options).ok()?;
    let metadata = draft.resolution.metadata.symbol.clone();
    metadata.or_else(|| {
        draft
            .resolution
            .units
            .iter()
            .take_while(|u| u.kind == crate::model::UnitKind::Title)
            .find_map(|u| crate::ingest::masthead::symbol_of(&u.text))
    })
}

/// How a batch is compared and written.
#[derive(Debug, Clone)]
pub struct Options {
    /// How every draft is loaded.
    pub load: LoadOptions,
    /// The word diff.
    pub diff: diff::Options,
    /// The redlines' format (HTML unless asked otherwise).
    pub format: Format,
    /// The renderers' options.
    pub render: RenderOptions,
}

/// Compares every pair, in parallel, writing each redline into `out_dir`
/// (atomically) as `NAME.EXT`; the outcomes in the pairs' order.
pub fn run(pairing: &Pairing, out_dir: &Path, options: &Options) -> Vec<Outcome> {
    parallel::map_each(&pairing.pairs, |pair| Outcome {
        pair: pair.clone(),
        result: one(pair, out_dir, options),
    })
}

/// One pair: loaded, diffed, rendered and written.
fn one(pair: &Pair, out_dir: &Path, options: &Options) -> Result<Written> {
    let old = crate::load(&pair.old, &options.load)?.into_resolution();
    let new = crate::load(&pair.new, &options.load)?.into_resolution();
    let mut redline = diff::redline(&old, &new, &options.diff);
    redline.old.name = file_name(&pair.old);
    redline.new.name = file_name(&pair.new);
    let file = format!("{}.{}", pair.name, extension(options.format));
    let path = out_dir.join(&file);
    let mut bytes = Vec::new();
    render::render(&redline, options.format, &options.render, &mut bytes)
        .and_then(|()| write_atomically(&path, &bytes))
        .map_err(|source| Error::Write { path, source })?;
    Ok(Written {
        file,
        summary: redline.summary(),
        changed: redline.has_changes(),
    })
}

/// The file name of a path, as the index and the redlines show it.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The file extension of a redline format.
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Html => "html",
        Format::Markdown => "md",
        Format::Json => "json",
        Format::Docx => "docx",
        _ => "txt",
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed
/// over `path` once complete: a reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".redraft-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The error of a batch in which some files failed: one message naming
/// each, or `None` when every pair was written.
pub fn failures(outcomes: &[Outcome]) -> Option<Error> {
    let failed: Vec<String> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().err().map(|e| e.to_string()))
        .collect();
    let total = outcomes.len();
    (!failed.is_empty()).then_some(Error::Batch { total, failed })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn pairs_by_name_then_by_symbol() {
        let old = paths(&["a/L.5.txt", "a/draft-one.txt", "a/gone.txt"]);
        let new = paths(&["b/L.5.docx", "b/rev1.txt", "b/fresh.txt"]);
        let symbol = |p: &Path| match p.to_str() {
            Some("a/draft-one.txt") => Some("A/C.3/79/L.7".to_string()),
            Some("b/rev1.txt") => Some("A/C.3/79/L.7/Rev.1".to_string()),
            _ => None,
        };
        let pairing = pair(&old, &new, symbol);
        let names: Vec<(&str, &str)> = pairing
            .pairs
            .iter()
            .map(|p| (p.old.to_str().unwrap(), p.new.to_str().unwrap()))
            .collect();
        assert_eq!(
            names,
            [
                ("a/L.5.txt", "b/L.5.docx"),
                ("a/draft-one.txt", "b/rev1.txt")
            ]
        );
        assert_eq!(pairing.pairs[1].symbol.as_deref(), Some("A/C.3/79/L.7"));
        assert_eq!(pairing.only_old, paths(&["a/gone.txt"]));
        assert_eq!(pairing.only_new, paths(&["b/fresh.txt"]));
    }

    #[test]
    fn a_symbol_two_files_share_pairs_nothing() {
        let old = paths(&["a/x.txt", "a/y.txt"]);
        let new = paths(&["b/z.txt"]);
        let pairing = pair(&old, &new, |_| Some("S/2020/449".to_string()));
        assert!(pairing.pairs.is_empty());
        assert_eq!(pairing.only_new.len(), 1);
    }

    #[test]
    fn revision_suffixes_go() {
        assert_eq!(base_symbol("A/79/L.5/Rev.2/Corr.1"), "A/79/L.5");
        assert_eq!(base_symbol("A/79/L.5/Add.1"), "A/79/L.5/Add.1");
    }
}
