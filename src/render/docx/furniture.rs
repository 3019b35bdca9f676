//! Headers and footers of two Word drafts compared: the n-th header (or
//! footer) of the new document's relationships against the n-th of the
//! old one's. A paragraph whose text changed (the symbol `L.3` → `L.4`)
//! is rewritten as its old runs deleted and its new runs inserted; the
//! others, and every part whose text is the same, stay as they are.

use super::package::Package;
use super::source::{Atom, Reader, SourcePara};
use super::spans;
use super::weave::text_runs;

/// The header and footer parts of a package, by kind, in the order of its
/// relationships: `("header", "word/header1.xml")`.
pub fn parts(package: &Package) -> Vec<(&'static str, String)> {
    let rels = package
        .text("word/_rels/document.xml.rels")
        .unwrap_or_default();
    let mut out = Vec::new();
    for rel in rels.split("<Relationship ").skip(1) {
        let kind = if rel.contains("/relationships/header\"") {
            "header"
        } else if rel.contains("/relationships/footer\"") {
            "footer"
        } else {
            continue;
        };
        let Some(t) = rel.find("Target=\"").map(|t| t + 8) else {
            continue;
        };
        let target = rel[t..].split('"').next().unwrap_or("");
        let name = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("word/{target}"),
        };
        out.push((kind, name));
    }
    out
}

/// The text of a header or footer part, paragraph by paragraph.
pub fn texts(package: &Package, name: &str) -> Option<Vec<String>> {
    let xml = package.text(name)?;
    let root = spans::parse(&xml)?;
    Some(
        Reader::new(&xml, None)
            .paragraphs(&root)
            .iter()
            .map(|p| p.text().trim().to_string())
            .collect(),
    )
}

/// Notes on the headers and footers whose text changed, in a language:
/// "header: ‘ICC-ASP/19/L.3’ → ‘ICC-ASP/20/L.4’".
pub fn notes(new: &Package, old: &Package, lang: crate::lang::Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (name, old_name) in pairs(new, old) {
        let (Some(a), Some(b)) = (texts(old, &old_name), texts(new, &name)) else {
            continue;
        };
        if a != b {
            let kind = if name.contains("footer") {
                "footer"
            } else {
                "header"
            };
            out.push(crate::lang::word::furniture(
                lang,
                kind,
                &a.join(" "),
                &b.join(" "),
            ));
        }
    }
    out
}

/// Pairs of (new part, old part) of the same kind and rank.
pub fn pairs(new: &Package, old: &Package) -> Vec<(String, String)> {
    let (new_parts, old_parts) = (parts(new), parts(old));
    let mut out = Vec::new();
    for kind in ["header", "footer"] {
        let n = new_parts.iter().filter(|(k, _)| *k == kind);
        let o = old_parts.iter().filter(|(k, _)| *k == kind);
        out.extend(n.zip(o).map(|((_, a), (_, b))| (a.clone(), b.clone())));
    }
    out
}

/// Writes the changes of each header and footer into the new package;
/// `revision` gives the attributes of each new revision.
pub fn track(new: &mut Package, old: &Package, revision: &mut dyn FnMut() -> String) {
    for (name, old_name) in pairs(new, old) {
        let (Some(xml), Some(old_xml)) = (new.text(&name), old.text(&old_name)) else {
            continue;
        };
        if let Some(text) = tracked(&xml, &old_xml, revision) {
            new.set(&name, text);
        }
    }
}

/// A header or footer with its changed paragraphs rewritten, or `None`
/// when nothing changed or the paragraphs do not pair one to one.
fn tracked(xml: &str, old_xml: &str, revision: &mut dyn FnMut() -> String) -> Option<String> {
    let (root, old_root) = (spans::parse(xml)?, spans::parse(old_xml)?);
    let paras = Reader::new(xml, None).paragraphs(&root);
    let olds = Reader::new(old_xml, None).paragraphs(&old_root);
    let changed = paras
        .iter()
        .zip(&olds)
        .any(|(p, o)| p.text().trim() != o.text().trim());
    if paras.len() != olds.len() || !changed {
        return None;
    }
    let mut out = String::new();
    let mut at = 0;
    for (p, o) in paras.iter().zip(&olds) {
        if p.text().trim() == o.text().trim() {
            continue;
        }
        out.push_str(&xml[at..p.start]);
        out.push_str(&rewrite(xml, p, o, revision));
        at = p.end;
    }
    out.push_str(&xml[at..]);
    Some(out)
}

/// A paragraph as its old runs deleted and its new runs inserted.
fn rewrite(
    xml: &str,
    new: &SourcePara,
    old: &SourcePara,
    revision: &mut dyn FnMut() -> String,
) -> String {
    let open = &xml[new.start..new.start + xml[new.start..].find('>').map_or(0, |e| e + 1)];
    let open = if open.ends_with("/>") { "<w:p>" } else { open };
    let mut deleted = String::new();
    for atom in &old.atoms {
        match atom {
            Atom::Text { rpr, text } => text_runs(text, rpr, true, &mut deleted),
            Atom::Object { text, .. } => text_runs(text, old.body_rpr(), true, &mut deleted),
        }
    }
    let (mut inserted, mut outside) = (String::new(), String::new());
    for atom in &new.atoms {
        match atom {
            Atom::Text { rpr, text } => text_runs(text, rpr, false, &mut inserted),
            Atom::Object {
                raw,
                wrappable: true,
                ..
            } => inserted.push_str(raw),
            Atom::Object { raw, .. } => outside.push_str(raw),
        }
    }
    let mut out = format!("{open}{}", new.ppr);
    if !deleted.is_empty() {
        out.push_str(&format!("<w:del {}>{deleted}</w:del>", revision()));
    }
    if !inserted.is_empty() {
        out.push_str(&format!("<w:ins {}>{inserted}</w:ins>", revision()));
    }
    out.push_str(&outside);
    out.push_str("</w:p>");
    out
}
