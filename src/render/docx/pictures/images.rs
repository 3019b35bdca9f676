//! Old pictures copied into the new package, so that a deleted picture
//! keeps its image and "Reject all" shows it: the old image part is
//! copied (or the new package's own is used when the bytes are the same),
//! with a relationship of its own, and every drawing copied gets a number
//! of its own.
//!
//! `<a:blip r:embed="rId7"/>` of the old document becomes
//! `<a:blip r:embed="rIdRedraftPicture1"/>`, its image
//! `word/media/redraft-deleted-1.png`.

use super::super::package::Package;
use std::collections::HashMap;

const IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// Copies old pictures into the new package: their images, relationships
/// and drawing numbers made the new package's.
pub(super) struct Copier<'a> {
    pub(super) old: &'a Package,
    pub(super) old_rels: &'a HashMap<String, String>,
    pub(super) new_rels: &'a HashMap<String, String>,
    pub(super) package: &'a mut Package,
    pub(super) rels: &'a mut String,
    /// Old relationship id → the new one.
    pub(super) copied: HashMap<String, String>,
    pub(super) drawing: usize,
}

impl Copier<'_> {
    /// An old picture's run, for the new package.
    pub(super) fn copy(&mut self, run: &str) -> String {
        let mut out = run.to_string();
        for id in embeds(run) {
            let new_id = self.relationship(&id);
            out = out.replace(
                &format!("r:embed=\"{id}\""),
                &format!("r:embed=\"{new_id}\""),
            );
        }
        self.renumber(&out)
    }

    /// The new package's relationship for an old image relationship.
    fn relationship(&mut self, id: &str) -> String {
        if let Some(done) = self.copied.get(id) {
            return done.clone();
        }
        let Some(bytes) = self.old_rels.get(id).and_then(|t| self.old.bytes(t)) else {
            return id.to_string();
        };
        let bytes = bytes.to_vec();
        let own = self
            .new_rels
            .iter()
            .find(|(_, t)| self.package.bytes(t) == Some(&bytes[..]));
        let new_id = match own {
            Some((own_id, _)) => own_id.clone(),
            None => self.add_image(id, bytes),
        };
        self.copied.insert(id.to_string(), new_id.clone());
        new_id
    }

    /// Adds an image part, its relationship and its content type.
    fn add_image(&mut self, id: &str, bytes: Vec<u8>) -> String {
        let n = self.copied.len() + 1;
        let ext = self
            .old_rels
            .get(id)
            .and_then(|t| t.rsplit_once('.'))
            .map_or("png".to_string(), |(_, e)| e.to_ascii_lowercase());
        let name = format!("media/redraft-deleted-{n}.{ext}");
        self.package.set_bytes(&format!("word/{name}"), bytes);
        let new_id = format!("rIdRedraftPicture{n}");
        let rel = format!(r#"<Relationship Id="{new_id}" Type="{IMAGE}" Target="{name}"/>"#);
        if let Some(at) = self.rels.rfind("</Relationships>") {
            self.rels.insert_str(at, &rel);
        }
        if let Some(types) = self.package.text("[Content_Types].xml")
            && !types.contains(&format!("Extension=\"{ext}\""))
            && let Some(at) = types.rfind("</Types>")
        {
            let kind = format!(r#"<Default Extension="{ext}" ContentType="image/{ext}"/>"#);
            let kind = kind.replace("image/jpg", "image/jpeg");
            self.package.set(
                "[Content_Types].xml",
                format!("{}{kind}{}", &types[..at], &types[at..]),
            );
        }
        new_id
    }

    /// Gives each drawing (`wp:docPr`) a number of its own.
    fn renumber(&mut self, run: &str) -> String {
        let mut out = String::new();
        let mut rest = run;
        while let Some(at) = rest.find("<wp:docPr ") {
            let (head, tail) = rest.split_at(at);
            out.push_str(head);
            let end = tail.find('>').unwrap_or(tail.len());
            let tag = &tail[..end];
            let tag = match tag.find(" id=\"") {
                Some(i) => {
                    let from = i + 5;
                    let len = tag[from..].find('"').unwrap_or(0);
                    self.drawing += 1;
                    let id = 900_000 + self.drawing;
                    format!("{} id=\"{id}\"{}", &tag[..i], &tag[from + len + 1..])
                }
                None => tag.to_string(),
            };
            out.push_str(&tag);
            rest = &tail[end..];
        }
        out.push_str(rest);
        out
    }
}

/// The relationship ids of the images of a picture (`r:embed`).
pub(super) fn embeds(run: &str) -> Vec<String> {
    run.match_indices("r:embed=\"")
        .filter_map(|(at, m)| {
            let from = at + m.len();
            Some(run[from..from + run[from..].find('"')?].to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbers_drawings_and_finds_images() {
        let run = r#"<w:r><w:drawing><wp:docPr id="3" name="P"/><a:blip r:embed="rId7"/></w:drawing></w:r>"#;
        assert_eq!(embeds(run), vec!["rId7".to_string()]);
    }
}
