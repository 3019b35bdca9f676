//! Folders instead of files: `redraft diff OLD_DIR NEW_DIR -o OUT_DIR`
//! (one redline a pair and `index.html`, see [`redraft::batch`]) and the
//! folders given to `redraft check` (every draft in them).

use super::{EXIT_DIFFERENT, EXIT_OK};
use redraft::batch::{self, Options};
use redraft::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Compares the drafts of two folders into `out_dir`: exit 1 when any
/// document changed, 0 when none did; an error naming every file that
/// could not be compared once all the others are written.
pub fn diff(
    old_dir: &Path,
    new_dir: &Path,
    out_dir: Option<&Path>,
    options: &Options,
) -> Result<u8> {
    let out_dir = out_dir.filter(|p| p.as_os_str() != "-").ok_or_else(|| {
        Error::Usage(
            "comparing two folders writes a folder of redlines: add -o OUT_DIR".to_string(),
        )
    })?;
    if [old_dir, new_dir].iter().any(|d| same_dir(d, out_dir)) {
        return Err(Error::OutputIsInput {
            path: out_dir.to_path_buf(),
        });
    }
    std::fs::create_dir_all(out_dir).map_err(|source| Error::Write {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let (old, new) = (batch::files(old_dir)?, batch::files(new_dir)?);
    let pairing = batch::pair(&old, &new, |p| batch::symbol_of(p, &options.load));
    let outcomes = batch::run(&pairing, out_dir, options);
    let mut page = Vec::new();
    let (o, n) = (old_dir.display().to_string(), new_dir.display().to_string());
    let index = out_dir.join("index.html");
    batch::index::write(&pairing, &outcomes, &o, &n, &mut page)
        .and_then(|()| batch::write_atomically(&index, &page))
        .map_err(|source| Error::Write {
            path: index,
            source,
        })?;
    if let Some(error) = batch::failures(&outcomes) {
        return Err(error);
    }
    let changed = outcomes
        .iter()
        .any(|o| o.result.as_ref().is_ok_and(|w| w.changed));
    let unpaired = !pairing.only_old.is_empty() || !pairing.only_new.is_empty();
    Ok(if changed || unpaired {
        EXIT_DIFFERENT
    } else {
        EXIT_OK
    })
}

/// Whether two paths name the same folder.
fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The files to check: each FILE as given, each folder as its drafts in
/// name order.
pub fn expand(files: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut all = Vec::new();
    for f in files {
        if f.is_dir() {
            all.extend(batch::files(f)?);
        } else {
            all.push(f.clone());
        }
    }
    Ok(all)
}
