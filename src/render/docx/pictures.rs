//! Pictures inserted or deleted between the two Word documents, which the
//! text comparison cannot see (a picture has no text).
//!
//! Each picture (a run holding a `w:drawing`) is known by the bytes of the
//! images it shows, so that the same picture is the same whatever its
//! relationship id or its drawing number. Then:
//!
//! - picture-only paragraphs of the two documents are paired in order
//!   (longest common subsequence of their pictures): a new one left over is
//!   an inserted paragraph (its runs in `w:ins`, its paragraph mark
//!   inserted); an old one left over is written back as a deleted paragraph
//!   (runs in `w:del`, mark deleted), after the new paragraph that holds
//!   what stood before it in the old document;
//! - in a paragraph of text found in both documents, a picture of the new
//!   one only is wrapped in `w:ins`, and one of the old one only is added at
//!   the paragraph's end in `w:del`.
//!
//! A deleted picture keeps its image: the old document's image part is
//! copied into the redline (or the new document's own when the bytes are
//! the same), with a relationship of its own, so that "Reject all" shows it.
//!
//! Old `[text][picture]`, new `[text]`: the redline is
//! `[text][<w:p><w:pPr><w:rPr><w:del …/></w:rPr></w:pPr><w:del …><w:r>
//! <w:drawing>…</w:drawing></w:r></w:del></w:p>]`.

use super::olddoc::OldDoc;
use super::package::Package;
use super::source::{Atom, Reader, SourcePara};
use super::spans;
use crate::redline::Redline;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

const IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// What to mark: by paragraph of the new document.
#[derive(Debug, Default)]
pub struct Pictures {
    /// New paragraph → for each of its pictures, whether it is inserted.
    pub inserted: HashMap<usize, Vec<bool>>,
    /// New picture-only paragraphs that are inserted whole.
    pub new_paragraphs: HashSet<usize>,
    /// Deleted picture-only paragraphs (properties, runs), written after a
    /// new paragraph (`None`: before the first).
    pub deleted_paragraphs: HashMap<Option<usize>, Vec<(String, String)>>,
    /// Deleted pictures' runs, added at the end of a new paragraph.
    pub deleted_runs: HashMap<usize, Vec<String>>,
}

/// A paragraph in the sequence pictures are paired in: a picture-only
/// paragraph (its pictures), or one holding a unit of both drafts (its
/// paragraph in the new document).
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Pictures(Vec<u64>),
    Unit(usize),
}

/// A picture: its run and what identifies it.
#[derive(Debug, Clone)]
struct Picture {
    run: String,
    sig: u64,
}

/// A document's pictures, paragraph by paragraph.
struct Doc {
    pictures: Vec<Vec<Picture>>,
    only: Vec<bool>,
    ppr: Vec<String>,
    rels: HashMap<String, String>,
}

impl Doc {
    fn of(package: &Package, paras: &[SourcePara]) -> Doc {
        let rels = relationships(
            &package
                .text("word/_rels/document.xml.rels")
                .unwrap_or_default(),
        );
        let pictures: Vec<Vec<Picture>> = paras
            .iter()
            .map(|p| {
                drawing_runs(p)
                    .map(|run| Picture {
                        sig: signature(run, &rels, package),
                        run: run.to_string(),
                    })
                    .collect()
            })
            .collect();
        let only = paras
            .iter()
            .zip(&pictures)
            .map(|(p, pics)| !pics.is_empty() && p.text().trim().is_empty())
            .collect();
        let ppr = paras.iter().map(|p| p.ppr.clone()).collect();
        Doc {
            pictures,
            only,
            ppr,
            rels,
        }
    }
}

/// The runs of a paragraph that hold a picture, as the reader cut them.
fn drawing_runs(p: &SourcePara) -> impl Iterator<Item = &str> {
    p.atoms.iter().filter_map(|a| match a {
        Atom::Object { raw, .. } if is_picture_run(raw) => Some(raw.as_str()),
        _ => None,
    })
}

fn is_picture_run(raw: &str) -> bool {
    (raw.starts_with("<w:r>") || raw.starts_with("<w:r ")) && raw.contains("<w:drawing")
}

/// The images a picture shows (their bytes), else its XML.
fn signature(run: &str, rels: &HashMap<String, String>, package: &Package) -> u64 {
    let mut h = DefaultHasher::new();
    let embeds = embeds(run);
    for id in &embeds {
        match rels.get(id).and_then(|t| package.bytes(t)) {
            Some(bytes) => bytes.hash(&mut h),
            None => id.hash(&mut h),
        }
    }
    if embeds.is_empty() {
        run.hash(&mut h);
    }
    h.finish()
}

/// The relationship ids of the images of a picture (`r:embed`).
fn embeds(run: &str) -> Vec<String> {
    run.match_indices("r:embed=\"")
        .filter_map(|(at, m)| {
            let from = at + m.len();
            Some(run[from..from + run[from..].find('"')?].to_string())
        })
        .collect()
}

/// Relationship id → target part, for internal targets.
fn relationships(rels: &str) -> HashMap<String, String> {
    let Some(root) = spans::parse(rels) else {
        return HashMap::new();
    };
    root.children
        .iter()
        .filter(|r| r.attr(rels, "TargetMode").as_deref() != Some("External"))
        .filter_map(|r| {
            let target = r.attr(rels, "Target")?;
            let name = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("word/{target}"),
            };
            Some((r.attr(rels, "Id")?, name))
        })
        .collect()
}

/// The inputs of [`Pictures::plan`] that come from the weaver.
pub struct Context<'a> {
    pub redline: &'a Redline,
    /// Entry → its paragraph in the new document.
    pub homes: &'a HashMap<usize, usize>,
    /// The new document's paragraphs.
    pub paras: &'a [SourcePara],
    pub old: &'a OldDoc,
}

impl Pictures {
    /// What to mark; images of deleted pictures are added to `package` and
    /// their relationships to `rels`.
    pub fn plan(
        cx: &Context,
        old_bytes: &[u8],
        package: &mut Package,
        rels: &mut String,
    ) -> Option<Pictures> {
        let old_package = Package::open(old_bytes)?;
        let xml = old_package.text("word/document.xml")?;
        let root = spans::parse(&xml)?;
        let old_paras = Reader::new(&xml, None).paragraphs(root.child("w:body")?);
        let old = Doc::of(&old_package, &old_paras);
        let new = Doc::of(package, cx.paras);
        let mut copier = Copier {
            old: &old_package,
            old_rels: &old.rels,
            new_rels: &new.rels,
            package,
            rels,
            copied: HashMap::new(),
            drawing: 0,
        };
        let pairs = unit_pairs(cx);
        let matched = picture_paragraph_pairs(&old, &new, &pairs);
        let mut plan = Pictures::default();
        plan.insert_paragraphs(&new, &matched);
        plan.delete_paragraphs(&old, &matched, &pairs, &mut copier);
        let mut shared: Vec<(usize, usize)> = pairs.into_iter().collect();
        shared.sort_unstable();
        let mut seen = HashSet::new();
        for (q, p) in shared {
            if old.only[q] || new.only[p] || !seen.insert(p) {
                continue;
            }
            plan.inline(&old.pictures[q], &new.pictures[p], p, &mut copier);
        }
        Some(plan)
    }

    /// The new picture-only paragraphs no old one is paired with: inserted.
    fn insert_paragraphs(&mut self, new: &Doc, matched: &HashMap<usize, usize>) {
        let taken: HashSet<usize> = matched.values().copied().collect();
        for p in (0..new.only.len()).filter(|&p| new.only[p] && !taken.contains(&p)) {
            self.new_paragraphs.insert(p);
            self.inserted.insert(p, vec![true; new.pictures[p].len()]);
        }
    }

    /// The old picture-only paragraphs paired with no new one: written
    /// back, deleted, after the new paragraph of what stood before them.
    fn delete_paragraphs(
        &mut self,
        old: &Doc,
        matched: &HashMap<usize, usize>,
        pairs: &HashMap<usize, usize>,
        copier: &mut Copier,
    ) {
        for q in (0..old.only.len()).filter(|&q| old.only[q] && !matched.contains_key(&q)) {
            let anchor = (0..q)
                .rev()
                .find_map(|j| matched.get(&j).or_else(|| pairs.get(&j)).copied());
            let runs: String = old.pictures[q]
                .iter()
                .map(|pic| copier.copy(&pic.run))
                .collect();
            self.deleted_paragraphs
                .entry(anchor)
                .or_default()
                .push((old.ppr[q].clone(), runs));
        }
    }

    /// Pictures of a paragraph in both documents: those of one side only.
    fn inline(&mut self, old: &[Picture], new: &[Picture], p: usize, copier: &mut Copier) {
        let mut left: Vec<Option<u64>> = old.iter().map(|x| Some(x.sig)).collect();
        let inserted: Vec<bool> = new
            .iter()
            .map(|pic| match left.iter_mut().find(|s| **s == Some(pic.sig)) {
                Some(slot) => {
                    *slot = None;
                    false
                }
                None => true,
            })
            .collect();
        if inserted.contains(&true) {
            self.inserted.insert(p, inserted);
        }
        let deleted: Vec<String> = old
            .iter()
            .zip(&left)
            .filter(|(_, s)| s.is_some())
            .map(|(pic, _)| copier.copy(&pic.run))
            .collect();
        if !deleted.is_empty() {
            self.deleted_runs.insert(p, deleted);
        }
    }
}

/// Old picture-only paragraph → new one showing the same pictures:
/// pictures in order among the paragraphs both documents share (`pairs`),
/// so that the same picture is paired where it stands (a longest common
/// subsequence, [`crate::order::common_subsequence`], in memory linear in
/// the number of paragraphs).
fn picture_paragraph_pairs(
    old: &Doc,
    new: &Doc,
    pairs: &HashMap<usize, usize>,
) -> HashMap<usize, usize> {
    let (old_seq, new_seq) = sequences(old, new, pairs);
    paired_pictures(&old_seq, &new_seq, crate::order::common_subsequence)
}

/// The paragraphs pictures are paired among, each with its index in its
/// document: the picture-only ones, and those holding a unit of both.
type Sequence = Vec<(usize, Item)>;

/// A pairing of two sequences in order: the pairs `(old, new)` of equal
/// items it keeps.
type Pairing = fn(&[Item], &[Item]) -> Vec<(usize, usize)>;

fn sequences(old: &Doc, new: &Doc, pairs: &HashMap<usize, usize>) -> (Sequence, Sequence) {
    let homes: HashSet<usize> = pairs.values().copied().collect();
    let sigs = |doc: &Doc, k: usize| doc.pictures[k].iter().map(|p| p.sig).collect::<Vec<_>>();
    let old_seq = (0..old.only.len())
        .filter_map(|q| match (old.only[q], pairs.get(&q)) {
            (true, _) => Some((q, Item::Pictures(sigs(old, q)))),
            (false, Some(&p)) => Some((q, Item::Unit(p))),
            _ => None,
        })
        .collect();
    let new_seq = (0..new.only.len())
        .filter_map(|p| match (new.only[p], homes.contains(&p)) {
            (true, _) => Some((p, Item::Pictures(sigs(new, p)))),
            (false, true) => Some((p, Item::Unit(p))),
            _ => None,
        })
        .collect();
    (old_seq, new_seq)
}

/// The picture-only paragraphs `common` pairs, as paragraph indices.
fn paired_pictures(
    old_seq: &[(usize, Item)],
    new_seq: &[(usize, Item)],
    common: Pairing,
) -> HashMap<usize, usize> {
    let items = |seq: &[(usize, Item)]| seq.iter().map(|(_, i)| i.clone()).collect::<Vec<_>>();
    common(&items(old_seq), &items(new_seq))
        .into_iter()
        .filter(|&(a, _)| matches!(old_seq[a].1, Item::Pictures(_)))
        .map(|(a, b)| (old_seq[a].0, new_seq[b].0))
        .collect()
}

/// Old paragraph → new paragraph, for the paragraphs of units in both.
fn unit_pairs(cx: &Context) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    for (k, e) in cx.redline.entries.iter().enumerate() {
        let (Some(&p), [side]) = (cx.homes.get(&k), e.old.as_slice()) else {
            continue;
        };
        if let Some(q) = cx.old.home(side.index) {
            pairs.entry(q).or_insert(p);
        }
    }
    pairs
}

/// Copies old pictures into the new package: their images, relationships
/// and drawing numbers made the new package's.
struct Copier<'a> {
    old: &'a Package,
    old_rels: &'a HashMap<String, String>,
    new_rels: &'a HashMap<String, String>,
    package: &'a mut Package,
    rels: &'a mut String,
    /// Old relationship id → the new one.
    copied: HashMap<String, String>,
    drawing: usize,
}

impl Copier<'_> {
    /// An old picture's run, for the new package.
    fn copy(&mut self, run: &str) -> String {
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

/// The last paragraph of written XML with the pictures chosen wrapped in
/// `w:ins`: `inserted[k]` for the k-th picture run not already deleted.
/// Runs already in a revision are counted and left alone.
pub fn wrap_inserted(
    written: &str,
    inserted: &[bool],
    revision: &mut dyn FnMut() -> String,
) -> String {
    let wrapped = format!("<x>{written}</x>");
    let Some(root) = spans::parse(&wrapped) else {
        return written.to_string();
    };
    let Some(p) = root.children.iter().rev().find(|c| c.name == "w:p") else {
        return written.to_string();
    };
    let mut out = String::new();
    let mut at = p.open_end;
    out.push_str(&wrapped[3..at]);
    let mut k = 0;
    for c in &p.children {
        let raw = c.raw(&wrapped);
        match c.name.as_str() {
            "w:r" if raw.contains("<w:drawing") => {
                out.push_str(&wrapped[at..c.start]);
                if inserted.get(k) == Some(&true) {
                    out.push_str(&format!("<w:ins {}>{raw}</w:ins>", revision()));
                } else {
                    out.push_str(raw);
                }
                k += 1;
                at = c.end;
            }
            "w:ins" | "w:moveTo" => {
                k += c
                    .children
                    .iter()
                    .filter(|r| r.name == "w:r" && r.raw(&wrapped).contains("<w:drawing"))
                    .count();
            }
            _ => {}
        }
    }
    out.push_str(&wrapped[at..wrapped.len() - 4]);
    out
}

/// The last paragraph of written XML with runs added at its end, before
/// `</w:p>`.
pub fn append_runs(written: &str, runs: &str) -> String {
    match written.rfind("</w:p>") {
        Some(at) => format!("{}{runs}{}", &written[..at], &written[at..]),
        None => written.to_string(),
    }
}

/// The last paragraph's properties with a mark revision, for a paragraph
/// written as copied.
pub fn mark_last(written: &str, mark: &str) -> String {
    let wrapped = format!("<x>{written}</x>");
    let Some(root) = spans::parse(&wrapped) else {
        return written.to_string();
    };
    let Some(p) = root.children.iter().rev().find(|c| c.name == "w:p") else {
        return written.to_string();
    };
    let (from, to, ppr) = match p.child("w:pPr") {
        Some(s) if s.open_end != s.end || s.close_start != s.end => {
            (s.start, s.end, s.raw(&wrapped).to_string())
        }
        Some(s) => (s.start, s.end, String::new()),
        None => (p.open_end, p.open_end, String::new()),
    };
    let ppr = super::weave::with_mark(&ppr, Some(mark));
    format!(
        "{}{ppr}{}",
        &wrapped[3..from],
        &wrapped[to..wrapped.len() - 4]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of text paragraphs and picture-only ones: `pictures[k]`
    /// the signatures of paragraph `k`'s pictures, `None` for text.
    fn doc(pictures: &[Option<Vec<u64>>]) -> Doc {
        let picture = |sig: &u64| Picture {
            run: format!("<w:r><w:drawing>{sig}</w:drawing></w:r>"),
            sig: *sig,
        };
        Doc {
            pictures: pictures
                .iter()
                .map(|p| p.iter().flatten().map(picture).collect())
                .collect(),
            only: pictures.iter().map(Option::is_some).collect(),
            ppr: vec![String::new(); pictures.len()],
            rels: HashMap::new(),
        }
    }

    /// 4,000 paragraphs a side (where the table held 64 MB): a picture
    /// every 25 paragraphs, the same logo among them again and again,
    /// pictures deleted, inserted and replaced, paragraphs moved. The
    /// pairing is the table's, pair for pair.
    #[test]
    fn a_large_document_pairs_its_pictures_as_the_table_did() {
        let n = 4000;
        let old_pictures: Vec<Option<Vec<u64>>> = (0..n)
            .map(|k| (k % 25 == 0).then(|| vec![if k % 75 == 0 { 7 } else { k as u64 }]))
            .collect();
        let mut new_pictures = old_pictures.clone();
        for k in (0..n).step_by(400) {
            new_pictures[k] = None; // a picture deleted: its paragraph is text now
        }
        for k in (13..n).step_by(500) {
            new_pictures[k] = Some(vec![100_000 + k as u64]); // inserted
        }
        for k in (50..n).step_by(700) {
            new_pictures[k] = Some(vec![200_000 + k as u64]); // replaced
        }
        let (old, new) = (doc(&old_pictures), doc(&new_pictures));
        // Text paragraphs of both are paired where they stand, but for a
        // few moved far away.
        let mut pairs: HashMap<usize, usize> = (0..n)
            .filter(|&k| !old.only[k] && !new.only[k])
            .map(|k| (k, k))
            .collect();
        for (from, to) in [(101, 3001), (3002, 102), (1999, 2999)] {
            pairs.insert(from, to);
            pairs.insert(to, from);
        }
        let (old_seq, new_seq) = sequences(&old, &new, &pairs);
        let linear = picture_paragraph_pairs(&old, &new, &pairs);
        assert_eq!(
            linear,
            paired_pictures(&old_seq, &new_seq, crate::order::by_table)
        );
        assert!(linear.len() > 100, "{}", linear.len());
        for (q, p) in &linear {
            let sig = |d: &Doc, k: usize| d.pictures[k].iter().map(|x| x.sig).collect::<Vec<_>>();
            assert_eq!(sig(&old, *q), sig(&new, *p));
        }
    }

    #[test]
    fn wraps_the_chosen_picture_runs() {
        let p = "<w:p><w:r><w:t>a</w:t></w:r><w:r><w:drawing>1</w:drawing></w:r><w:r><w:drawing>2</w:drawing></w:r></w:p>";
        let out = wrap_inserted(p, &[false, true], &mut || "w:id=\"9\"".to_string());
        assert_eq!(
            out,
            "<w:p><w:r><w:t>a</w:t></w:r><w:r><w:drawing>1</w:drawing></w:r><w:ins w:id=\"9\"><w:r><w:drawing>2</w:drawing></w:r></w:ins></w:p>"
        );
    }

    #[test]
    fn renumbers_drawings_and_finds_images() {
        let run = r#"<w:r><w:drawing><wp:docPr id="3" name="P"/><a:blip r:embed="rId7"/></w:drawing></w:r>"#;
        assert_eq!(embeds(run), vec!["rId7".to_string()]);
    }
}
