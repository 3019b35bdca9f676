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
/// The start of an empty zip archive (only its end record).
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
/// The start of an OLE compound file: an old `.doc`, or a password-protected
/// Office document.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

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
        if bytes.starts_with(OLE_MAGIC) {
            // Office keeps a password-protected .docx in an OLE container,
            // as it keeps the old .doc format.
            return Err(
                "a password-protected Word document or an old .doc file (open it in Word and save it as .docx without a password)"
                    .to_string(),
            );
        }
        if bytes.starts_with(EMPTY_ZIP_MAGIC) {
            return Err("an empty zip archive, not a Word document".to_string());
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(bytes: &[u8]) -> String {
        Package::open(bytes).unwrap_err()
    }

    #[test]
    fn what_is_not_a_docx_is_named() {
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend([0; 64]);
        assert!(refusal(&ole).starts_with("a password-protected Word document or an old .doc"));
        let mut empty = EMPTY_ZIP_MAGIC.to_vec();
        empty.extend([0; 18]);
        assert_eq!(refusal(&empty), "an empty zip archive, not a Word document");
        assert_eq!(
            refusal(b"%PDF-1.7"),
            "not a Word document (not a zip archive)"
        );
    }
}
