//! A Word package held in memory to be written again: every part as it
//! was (bytes), in its order, with the few parts the redline rewrites
//! replaced. Reading is bounded as the `.docx` reader is: at most
//! [`MAX_INFLATED`] bytes for all parts together.

use crate::ingest::docx::container::MAX_INFLATED;
use std::io::{self, Cursor, Read, Write};

/// The parts of a package, by name, in the archive's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    parts: Vec<(String, Vec<u8>)>,
}

impl Package {
    /// Reads every part of a zip archive; `None` if it does not read or
    /// inflates beyond the budget.
    pub fn open(bytes: &[u8]) -> Option<Package> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let mut budget = MAX_INFLATED;
        let mut parts = Vec::new();
        for k in 0..archive.len() {
            let file = archive.by_index(k).ok()?;
            if file.is_dir() {
                continue;
            }
            let name = file.name().ok()?.to_string();
            let mut data = Vec::new();
            file.take(budget + 1).read_to_end(&mut data).ok()?;
            budget = budget.checked_sub(data.len() as u64)?;
            parts.push((name, data));
        }
        Some(Package { parts })
    }

    /// A part's text (UTF-8, a byte-order mark dropped).
    pub fn text(&self, name: &str) -> Option<String> {
        let bytes = &self.parts.iter().find(|(n, _)| n == name)?.1;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        String::from_utf8(bytes.to_vec()).ok()
    }

    /// A part's bytes.
    pub fn bytes(&self, name: &str) -> Option<&[u8]> {
        Some(&self.parts.iter().find(|(n, _)| n == name)?.1)
    }

    /// The parts' names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|(n, _)| n.as_str())
    }

    /// Adds a binary part (an image), or replaces it.
    pub fn set_bytes(&mut self, name: &str, data: Vec<u8>) {
        match self.parts.iter_mut().find(|(n, _)| n == name) {
            Some(part) => part.1 = data,
            None => self.parts.push((name.to_string(), data)),
        }
    }

    /// Whether the package has a part.
    pub fn has(&self, name: &str) -> bool {
        self.parts.iter().any(|(n, _)| n == name)
    }

    /// Replaces a part, or adds it at the end.
    pub fn set(&mut self, name: &str, text: String) {
        match self.parts.iter_mut().find(|(n, _)| n == name) {
            Some(part) => part.1 = text.into_bytes(),
            None => self.parts.push((name.to_string(), text.into_bytes())),
        }
    }

    /// The package as a zip archive.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in &self.parts {
            zip.start_file(name.as_str(), options)
                .map_err(io::Error::other)?;
            zip.write_all(data)?;
        }
        out.write_all(&zip.finish().map_err(io::Error::other)?.into_inner())
    }
}

/// Where the main document's relationships say a kind of part is
/// (`footnotes` → `word/footnotes.xml`).
pub fn target(rels: &str, kind: &str) -> Option<String> {
    let suffix = format!("/relationships/{kind}\"");
    let at = rels.find(&suffix)?;
    let start = rels[..at].rfind('<')?;
    let end = at + rels[at..].find('>')?;
    let tag = &rels[start..end];
    let t = tag.find("Target=\"")? + 8;
    let target = &tag[t..t + tag[t..].find('"')?];
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("word/{target}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_relationship_target() {
        let rels = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#;
        assert_eq!(
            target(rels, "footnotes").as_deref(),
            Some("word/footnotes.xml")
        );
        assert_eq!(target(rels, "comments"), None);
    }
}
