//! Writing output: to standard output, or atomically to a file that is
//! never one of the inputs.

use redraft::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

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
/// replaced, the link stays), an existing file keeps its permissions and
/// its owner and group (a read-only one is refused), and a device or pipe
/// (`/dev/stdout`) is written to directly.
///
/// The temporary file (`.NAME.redraft-XXXXXX.tmp`, six random characters)
/// is created by `tempfile` with `O_EXCL` and mode 0600 before anything is
/// written: a file or symbolic link planted under that name by someone who
/// can write the directory makes the creation fail or pick another name,
/// never writes through the link. It is removed on every error and on
/// unwinding; only a process killed outright (SIGKILL, power loss) between
/// creation and rename can leave it behind, unreadable to others and never
/// in place of the output.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match Prepared::new(path, write)? {
        Some(prepared) => prepared.commit(),
        None => Ok(()),
    }
}

/// Writes several files all or nothing as far as the file system allows:
/// every file is written and synced under its temporary name first, and
/// only then are they renamed into place, so a full disk or any write error
/// leaves none of them (`split-revisions` writes `old.txt` and `new.txt`).
pub fn write_all_atomically(files: &[(PathBuf, &[u8])]) -> Result<()> {
    let mut prepared = Vec::new();
    for (path, bytes) in files {
        prepared.extend(Prepared::new(path, |out| out.write_all(bytes))?);
    }
    let mut placed: Vec<PathBuf> = Vec::new();
    for file in prepared {
        let target = file.target.clone();
        if let Err(e) = file.commit() {
            // A version must never stand without the other.
            for done in &placed {
                let _ = std::fs::remove_file(done);
            }
            return Err(e);
        }
        placed.push(target);
    }
    Ok(())
}

/// A complete file under its temporary name, waiting to be renamed over
/// its target; dropped, it is removed.
pub struct Prepared {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
    path: PathBuf,
}

impl Prepared {
    /// Writes what `write` produces to a temporary file beside `path`
    /// (`None` when `path` is a device or pipe, written to directly).
    pub fn new(
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<Option<Prepared>> {
        let err = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let target = through_links(path);
        let existing = std::fs::metadata(&target).ok();
        if let Some(meta) = &existing {
            refuse_unwritable(meta).map_err(err)?;
            if !meta.is_file() {
                return write_directly(&target, write).map(|()| None).map_err(err);
            }
        }
        let tmp = temporary_beside(&target, existing.as_ref()).map_err(err)?;
        let mut buf = std::io::BufWriter::with_capacity(64 * 1024, WritingBack::new(tmp));
        write(&mut buf).map_err(err)?;
        let tmp = buf.into_inner().map_err(|e| err(e.into_error()))?.file;
        // On disk before it takes the output's name: a full disk or an
        // I/O error shows here, not after the rename.
        tmp.as_file().sync_all().map_err(err)?;
        Ok(Some(Prepared {
            tmp,
            target,
            path: path.to_path_buf(),
        }))
    }

    /// Renames the temporary file over the target.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tmp
            .persist(&self.target)
            .map(|_| ())
            .map_err(|e| Error::Write {
                path,
                source: e.error,
            })
    }
}

/// How much is written between two requests to start writing back.
const WRITEBACK_STEP: u64 = 1 << 20;

/// The temporary file, whose pages the system is asked to start writing
/// to disk every [`WRITEBACK_STEP`] bytes while the rest is still being
/// rendered (`sync_file_range` with `SYNC_FILE_RANGE_WRITE`, which does
/// not wait), so that the `fsync` before the rename waits only for the
/// last megabyte: 4 to 11 ms on a 5 MB HTML redline before, the disk's
/// work now overlapping the renderer's. Elsewhere than Linux it is the
/// file alone.
struct WritingBack {
    file: tempfile::NamedTempFile,
    written: u64,
    started: u64,
}

impl WritingBack {
    fn new(file: tempfile::NamedTempFile) -> WritingBack {
        WritingBack {
            file,
            written: 0,
            started: 0,
        }
    }
}

impl Write for WritingBack {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_STEP {
            start_writeback(
                self.file.as_file(),
                self.started,
                self.written - self.started,
            );
            self.started = self.written;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Asks the system to start writing `len` bytes of `file` from `offset` to
/// disk, without waiting. Only a hint: whatever it says, `sync_all` is what
/// makes the file durable and reports errors.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn start_writeback(file: &std::fs::File, offset: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(offset), Ok(len)) = (i64::try_from(offset), i64::try_from(len)) else {
        return;
    };
    // SAFETY: the descriptor is the open file borrowed for the call; the
    // call reads no memory of ours.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), offset, len, libc::SYNC_FILE_RANGE_WRITE);
    }
}

/// Elsewhere the write-back starts when the system decides.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn start_writeback(_file: &std::fs::File, _offset: u64, _len: u64) {}

/// A directory, or a read-only file (renaming over it would succeed; a
/// read-only file says "keep").
fn refuse_unwritable(meta: &std::fs::Metadata) -> std::io::Result<()> {
    if meta.is_dir() {
        return Err(std::io::Error::other("it is a directory"));
    }
    if meta.is_file() && meta.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    Ok(())
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

/// A new temporary file with a random name in the same directory as
/// `path` (so the rename is atomic), created exclusively; it takes the
/// owner, group and mode of the file it replaces, or the usual mode of a
/// new file (0666 less the umask).
fn temporary_beside(
    path: &Path,
    existing: Option<&std::fs::Metadata>,
) -> std::io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.redraft-"))
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    if let Some(meta) = existing {
        keep_owner(tmp.as_file(), meta.uid(), meta.gid())?;
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(tmp)
}

/// Gives the new file the owner and group of the one it replaces (a
/// no-op for one's own files; as root, `--in-place` on someone else's file
/// must leave it theirs). Refused when the system does not allow it,
/// rather than silently handing the file to another owner.
fn keep_owner(file: &std::fs::File, uid: u32, gid: u32) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta = file.metadata()?;
    if meta.uid() == uid && meta.gid() == gid {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(uid), Some(gid)).map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!("cannot give the new file the owner and group of the old one ({e})"),
        )
    })
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

/// Whether two paths name the same file (the second may not exist yet):
/// the same path once links are followed, or the same device and inode (a
/// hard link of an input is the input).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b))
        && ma.dev() == mb.dev()
        && ma.ino() == mb.ino()
    {
        return true;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("redraft-output-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("read dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".redraft-"))
            .collect()
    }

    #[test]
    fn an_output_of_several_writeback_steps_is_written_whole() {
        let dir = scratch("writeback");
        let out = dir.join("long.html");
        // Pieces of odd sizes, past several steps of write-back, as a
        // renderer writes them.
        let pieces: Vec<Vec<u8>> = (0..700u32)
            .map(|i| vec![b'a' + (i % 26) as u8; 5_000 + (i as usize * 37) % 9_000])
            .collect();
        write_atomically(&out, |w| pieces.iter().try_for_each(|p| w.write_all(p))).expect("write");
        let written = std::fs::read(&out).expect("read back");
        assert!(written.len() as u64 > 3 * WRITEBACK_STEP);
        assert_eq!(written, pieces.concat());
        assert!(leftovers(&dir).is_empty());
    }

    #[test]
    fn a_link_planted_under_the_temporary_name_is_not_written_through() {
        let dir = scratch("planted");
        let victim = dir.join("victim");
        std::fs::write(&victim, "precious").expect("victim");
        let out = dir.join("out.txt");
        // The name the old code used, predictable from the process id.
        let planted = dir.join(format!(".out.txt.redraft-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).expect("plant");
        write_atomically(&out, |w| w.write_all(b"output")).expect("write");
        assert_eq!(
            std::fs::read_to_string(&victim).expect("victim"),
            "precious"
        );
        assert_eq!(std::fs::read_to_string(&out).expect("out"), "output");
        std::fs::remove_dir_all(&dir).expect("clean");
    }

    #[test]
    fn temporary_names_are_random_and_removed_on_failure() {
        let dir = scratch("failure");
        let out = dir.join("out.txt");
        let mut names = Vec::new();
        for _ in 0..2 {
            let result = write_atomically(&out, |w| {
                w.write_all(b"half")?;
                w.flush()?;
                names.extend(leftovers(&dir));
                Err(std::io::Error::other("stop"))
            });
            assert!(result.is_err());
        }
        assert_eq!(names.len(), 2, "{names:?}");
        assert_ne!(names[0], names[1], "a name a neighbour could predict");
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
        assert!(!out.exists());
        std::fs::remove_dir_all(&dir).expect("clean");
    }

    #[test]
    fn several_files_are_written_only_once_all_are_complete() {
        let dir = scratch("several");
        let a = dir.join("a.txt");
        let missing = dir.join("no-such-dir").join("b.txt");
        let files = [(a.clone(), b"a".as_slice()), (missing, b"b".as_slice())];
        assert!(write_all_atomically(&files).is_err());
        assert!(!a.exists(), "the first file must wait for the second");
        assert!(leftovers(&dir).is_empty());
        std::fs::remove_dir_all(&dir).expect("clean");
    }
}
