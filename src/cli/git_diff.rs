//! `redraft diff` as git's external diff: git runs `GIT_EXTERNAL_DIFF`
//! (or `diff.<driver>.command`) with seven arguments,
//! `PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`, nine for a
//! rename (the new path and a message follow). `redraft diff` takes them
//! as they come: the redline of OLD-FILE → NEW-FILE, headed `a/PATH` and
//! `b/PATH`.
//!
//! Git stops at the first external diff that exits non-zero, so in this
//! mode differences exit 0 (trouble still exits 2); a side that is
//! `/dev/null` (a draft added or deleted) is said in one line.
//!
//! ```text
//! GIT_EXTERNAL_DIFF='redraft diff' git diff HEAD~1 -- draft.docx
//! ```

use super::EXIT_OK;
use redraft::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One call from git.
#[derive(Debug, Clone)]
pub struct Call {
    /// The path in the repository.
    pub path: String,
    /// The old version (a temporary file, or `/dev/null`).
    pub old_file: PathBuf,
    /// The new version (a temporary file, the working-tree file, or
    /// `/dev/null`).
    pub new_file: PathBuf,
    /// For a rename, the new path.
    pub new_path: Option<String>,
}

impl Call {
    /// Reads git's arguments: `old` and `new` are the first two, `rest`
    /// the others (none when `redraft diff OLD NEW` is called by a person).
    pub fn parse(old: &Path, new: &Path, rest: &[String]) -> Result<Option<Call>> {
        match rest.len() {
            0 => Ok(None),
            5 | 7 => Ok(Some(Call {
                path: old.display().to_string(),
                old_file: new.to_path_buf(),
                new_file: PathBuf::from(&rest[2]),
                new_path: rest.get(5).cloned(),
            })),
            n => Err(Error::Usage(format!(
                "diff takes OLD and NEW, or the seven arguments git gives an external diff; got {}",
                n + 2
            ))),
        }
    }

    /// The names the redline is headed with: `a/PATH`, `b/PATH`.
    pub fn names(&self) -> (String, String) {
        let new = self.new_path.as_deref().unwrap_or(&self.path);
        (format!("a/{}", self.path), format!("b/{new}"))
    }

    /// Runs the diff (`diff`) unless a side is `/dev/null`; differences
    /// exit 0, as git wants.
    pub fn run(&self, diff: impl FnOnce() -> Result<u8>) -> Result<u8> {
        let absent = |p: &Path| p == Path::new("/dev/null");
        let said = match (absent(&self.old_file), absent(&self.new_file)) {
            (true, _) => Some("a new draft"),
            (_, true) => Some("a deleted draft"),
            _ => None,
        };
        if let Some(what) = said {
            let (old, new) = self.names();
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "redraft: {}: {what}",
                if what.ends_with("new draft") {
                    new
                } else {
                    old
                }
            );
            return Ok(EXIT_OK);
        }
        diff().map(|code| {
            if code == super::EXIT_TROUBLE {
                code
            } else {
                EXIT_OK
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(rest: &[&str]) -> Vec<String> {
        rest.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn seven_arguments_are_git_s() {
        let rest = args(&["1111", "100644", "draft.docx", "2222", "100644"]);
        let call = Call::parse(
            Path::new("d/draft.docx"),
            Path::new("/tmp/x_draft.docx"),
            &rest,
        )
        .unwrap()
        .unwrap();
        assert_eq!(call.old_file, Path::new("/tmp/x_draft.docx"));
        assert_eq!(call.new_file, Path::new("draft.docx"));
        assert_eq!(
            call.names(),
            ("a/d/draft.docx".to_string(), "b/d/draft.docx".to_string())
        );
        assert!(
            Call::parse(Path::new("a"), Path::new("b"), &[])
                .unwrap()
                .is_none()
        );
        assert!(Call::parse(Path::new("a"), Path::new("b"), &args(&["x"])).is_err());
    }

    #[test]
    fn a_rename_names_both_paths_and_differences_exit_0() {
        let rest = args(&[
            "1",
            "100644",
            "/tmp/n",
            "2",
            "100644",
            "new.txt",
            "similarity index 90%",
        ]);
        let call = Call::parse(Path::new("old.txt"), Path::new("/tmp/o"), &rest)
            .unwrap()
            .unwrap();
        assert_eq!(call.names().1, "b/new.txt");
        assert_eq!(call.run(|| Ok(1)).unwrap(), 0);
        assert_eq!(call.run(|| Ok(2)).unwrap(), 2);
    }
}
