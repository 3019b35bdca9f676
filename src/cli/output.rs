//! Writing output: to standard output, or atomically to a file that is
//! never one of the inputs.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The format an output file's extension names, among `known` (the
/// extensions of each format); `Ok(None)` when the file has no extension.
/// An extension the command cannot write (`.pdf`) is an error naming the
/// file, rather than text under a wrong name; `formats` lists what
/// `--format` takes.
pub fn format_of<F: Copy>(path: &Path, known: &[(&[&str], F)], formats: &str) -> Result<Option<F>> {
    let Some(extension) = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    else {
        return Ok(None);
    };
    known
        .iter()
        .find(|(names, _)| names.contains(&extension.as_str()))
        .map(|(_, f)| Some(*f))
        .ok_or_else(|| {
            Error::Usage(format!(
                "{}: cannot write .{extension} files; give --format ({formats}) or another extension",
                path.display()
            ))
        })
}

/// Where output goes.
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file, written through a temporary file and a rename.
    File(PathBuf),
}

impl Target {
    /// The target for `-o FILE` (or standard output), refusing a file that
    /// is one of `inputs`.
    pub fn new(output: Option<&Path>, inputs: &[&Path]) -> Result<Target> {
        let Some(path) = output.filter(|p| p.as_os_str() != "-") else {
            return Ok(Target::Stdout);
        };
        if inputs.iter().any(|input| same_file(input, path)) {
            return Err(Error::OutputIsInput {
                path: path.to_path_buf(),
            });
        }
        Ok(Target::File(path.to_path_buf()))
    }

    /// Writes what `write` produces, all or nothing.
    pub fn write(&self, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
        match self {
            Target::Stdout => {
                let stdout = std::io::stdout();
                let mut lock = stdout.lock();
                match write(&mut lock).and_then(|()| lock.flush()) {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                    other => other.map_err(|source| Error::Write {
                        path: PathBuf::from("<stdout>"),
                        source,
                    }),
                }
            }
            Target::File(path) => write_atomically(path, write),
        }
    }
}

/// Writes a file through a temporary file beside it, renamed into place
/// once complete: a reader never sees half a file, and a failure leaves
/// nothing behind. A symbolic link is written through (the file it names is
/// replaced, the link stays), an existing file keeps its permissions (a
/// read-only one is refused), and a device or pipe (`/dev/stdout`) is
/// written to directly.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = through_links(path);
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(err(std::io::Error::other("it is a directory")));
        }
        if !meta.is_file() {
            return write_directly(&target, write).map_err(err);
        }
        // Renaming over it would succeed; a read-only file says "keep".
        if meta.permissions().readonly() {
            return Err(err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the file is read-only",
            )));
        }
    }
    let tmp = temporary_beside(&target);
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        let mut buf = std::io::BufWriter::new(file);
        write(&mut buf)?;
        let file = buf.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// The file a path names once symbolic links are followed (the path itself
/// if it names nothing yet).
fn through_links(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    match std::fs::read_link(path) {
        Ok(link) if link.is_relative() => path.parent().map_or(link.clone(), |p| p.join(&link)),
        Ok(link) => link,
        Err(_) => path.to_path_buf(),
    }
}

/// A temporary file name in the same directory (so the rename is atomic).
fn temporary_beside(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    dir.join(format!(".{name}.redraft-{}.tmp", std::process::id()))
}

/// Writes to a device or pipe as it is.
fn write_directly(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut buf = std::io::BufWriter::new(file);
    write(&mut buf)?;
    buf.flush()
}

/// Whether two paths name the same file (the second may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), canonical_maybe_missing(b)) {
        (Ok(a), Some(b)) => a == b,
        _ => a == b,
    }
}

fn canonical_maybe_missing(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.canonicalize().ok()?,
        _ => std::env::current_dir().ok()?,
    };
    Some(parent.join(path.file_name()?))
}
