//! Versions of a file from its history in git.
//!
//! Runs the `git` command (it must be installed): `git log --follow` lists
//! the commits that touched the file, oldest first, and `git show` gives
//! the file as each commit left it. Each version is named by its commit's
//! date and short hash: `2021-03-04 a1b2c3d`. A version is its bytes as
//! git stores them: reading them (text, Word, PDF) is
//! [`super::read_bytes`]'s business, as for a file on disk.

use crate::error::{Error, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Which commits to take.
#[derive(Debug, Clone, Default)]
pub struct GitOptions {
    /// Only commits after this date (any date git reads: `2021-01-31`,
    /// `2 weeks ago`).
    pub since: Option<String>,
    /// Only commits before this date.
    pub until: Option<String>,
    /// At most this many versions, the most recent.
    pub max: Option<usize>,
}

/// One version of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitVersion {
    /// `2021-03-04 a1b2c3d`.
    pub name: String,
    /// The file's bytes at that commit.
    pub bytes: Vec<u8>,
}

/// The versions of `path` in its git history, oldest first.
pub fn versions(path: &Path, options: &GitOptions) -> Result<Vec<GitVersion>> {
    let err = |message: String| Error::Git {
        path: path.to_path_buf(),
        message,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| err("not a file name".into()))?;
    let top = git(&dir, &["rev-parse", "--show-toplevel"]).map_err(err)?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let mut args: Vec<String> = [
        "log",
        "--follow",
        "--diff-filter=d",
        "--format=%x00%h%x09%cs",
        "--name-only",
        "-z",
    ]
    .map(String::from)
    .to_vec();
    args.extend(options.since.as_ref().map(|s| format!("--since={s}")));
    args.extend(options.until.as_ref().map(|u| format!("--until={u}")));
    args.extend(options.max.map(|n| format!("--max-count={n}")));
    args.push("--".into());
    let mut args: Vec<OsString> = args.into_iter().map(OsString::from).collect();
    args.push(name.to_os_string());
    let log = git(&dir, &args).map_err(err)?;
    let mut commits = commits(&log);
    commits.reverse();
    commits
        .into_iter()
        .map(|(hash, date, file)| {
            let mut object = OsString::from(format!("{hash}:"));
            object.push(&file);
            let bytes = git(&top, &["show".into(), object]).map_err(err)?;
            Ok(GitVersion {
                name: format!("{date} {hash}"),
                bytes,
            })
        })
        .collect()
}

/// Reads `git log -z` records: short hash, date, and the file's path
/// then, as git stored it (any bytes: tabs, quotes, line ends, non-UTF-8).
/// Each record is `\0HASH\tDATE\0\nPATH\0`; with `-z` git neither quotes
/// nor escapes the path.
fn commits(log: &[u8]) -> Vec<(String, String, OsString)> {
    use std::os::unix::ffi::OsStrExt;
    let mut fields = log.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut out = Vec::new();
    while let Some(header) = fields.next() {
        let header = String::from_utf8_lossy(header);
        let Some((hash, date)) = header.trim().split_once('\t') else {
            continue;
        };
        let Some(file) = fields.next() else { break };
        let file = file.strip_prefix(b"\n").unwrap_or(file);
        out.push((
            hash.to_string(),
            date.to_string(),
            std::ffi::OsStr::from_bytes(file).to_os_string(),
        ));
    }
    out
}

/// Runs git in `dir`; its standard output, or its complaint.
fn git<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> std::result::Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .env("GIT_PAGER", "cat")
        .output()
        .map_err(|e| format!("cannot run git ({e}); install git, or give the versions as files"))?;
    if !output.status.success() {
        let msg = String::from_utf8_lossy(&output.stderr);
        let first = msg.lines().next().unwrap_or("failed").trim().to_string();
        return Err(first);
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_log_records() {
        let log =
            b"\0a1b2c3d\t2021-03-04\0\ndrafts/coop.txt\0\0e4f5a6b\t2021-02-01\0\ndrafts/old.txt\0";
        assert_eq!(
            commits(log),
            [
                (
                    "a1b2c3d".into(),
                    "2021-03-04".into(),
                    "drafts/coop.txt".into()
                ),
                (
                    "e4f5a6b".into(),
                    "2021-02-01".into(),
                    "drafts/old.txt".into()
                )
            ]
        );
    }
}
