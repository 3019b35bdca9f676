//! The zip container of a Word document, read with limits.
//!
//! Only the few parts a draft needs are ever inflated, each through a
//! reader that stops one byte past what is left of the budget
//! ([`MAX_INFLATED`] for all parts together), so an archive whose parts
//! inflate to gigabytes (a zip bomb) costs at most the budget in memory and
//! is refused with a message that says so, whatever sizes it declares.

use std::io::{Cursor, Read};

/// The most bytes all parts read from one document may inflate to.
pub const MAX_INFLATED: u64 = 64 << 20;

/// The main part of every WordprocessingML package.
pub const DOCUMENT: &str = "word/document.xml";

/// The first bytes of a zip archive (a local file header).
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// An opened Word document: its zip archive and what is left of the
/// inflation budget.
pub struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl std::fmt::Debug for Package<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package")
            .field("budget", &self.budget)
            .finish()
    }
}

impl<'a> Package<'a> {
    /// Opens the archive in `bytes` and checks that it is a Word document.
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, String> {
        if !bytes.starts_with(ZIP_MAGIC) {
            return Err("not a Word document (not a zip archive)".to_string());
        }
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("corrupt or truncated Word document ({e})"))?;
        if archive.index_for_name(DOCUMENT).is_none() {
            return Err(format!(
                "a zip archive but not a Word document (no {DOCUMENT})"
            ));
        }
        Ok(Package {
            archive,
            budget: MAX_INFLATED,
        })
    }

    /// The text of a part, or `None` if the archive has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        if self.archive.index_for_name(name).is_none() {
            return Ok(None);
        }
        let file = self
            .archive
            .by_name(name)
            .map_err(|e| format!("corrupt or truncated Word document ({name}: {e})"))?;
        let mut bytes = Vec::new();
        file.take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("corrupt or truncated Word document ({name}: {e})"))?;
        let used = bytes.len() as u64;
        if used > self.budget {
            return Err(format!(
                "{name} inflates beyond the limit of {} MiB for a draft (a zip bomb?)",
                MAX_INFLATED >> 20
            ));
        }
        self.budget -= used;
        decode(name, bytes).map(Some)
    }
}

/// The text of an XML part: UTF-8, with or without a byte-order mark.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 XML (invalid byte at {})",
            e.utf8_error().valid_up_to()
        )
    })
}
