//! A Word document's tracked changes by some authors only.
//!
//! To read one author's proposal out of a Word file with several
//! delegations' tracked changes, the revisions of every other author are
//! turned inside out (an insertion becomes a deletion and the reverse,
//! `w:moveTo` and `w:moveFrom` likewise) and the document is then read with
//! every change accepted: the chosen authors' changes are accepted, the
//! others' rejected. The same serves `--apply` on a compilation written as
//! Word, whose shared changes have several authors (`"EU, CANZ"`).
//!
//! ```text
//! <w:ins w:author="EU">annual </w:ins><w:del w:author="US"><w:delText>a </w:delText></w:del>
//! only EU → <w:ins w:author="EU">annual </w:ins><w:ins w:author="US"><w:delText>a </w:delText></w:ins>
//! ```

use crate::ingest::Revisions;
use crate::render::docx::package::Package;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

/// The parts whose revisions are turned.
const PARTS: [&str; 3] = [
    "word/document.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
];

/// The elements that are revisions of text, and what each becomes when
/// turned inside out.
const TURNED: [(&str, &str); 4] = [
    ("w:ins", "w:del"),
    ("w:del", "w:ins"),
    ("w:moveTo", "w:moveFrom"),
    ("w:moveFrom", "w:moveTo"),
];

/// The authors of a Word document's tracked changes, in the order they
/// first appear.
pub fn authors(bytes: &[u8]) -> Result<Vec<String>, String> {
    let package = Package::open(bytes).ok_or("not a readable Word document")?;
    let mut out: Vec<String> = Vec::new();
    for part in PARTS {
        let Some(xml) = package.text(part) else {
            continue;
        };
        let mut reader = Reader::from_str(&xml);
        loop {
            match reader.read_event().map_err(|e| format!("{part}: {e}"))? {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) if turned(e.name().as_ref()).is_some() => {
                    if let Some(a) = author(&e).filter(|a| !out.contains(a)) {
                        out.push(a);
                    }
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

/// The document's text (in the draft format) with only the changes whose
/// author `keep` accepts; every other change rejected.
pub fn read_only(bytes: &[u8], keep: &dyn Fn(&str) -> bool) -> Result<String, String> {
    let mut package = Package::open(bytes).ok_or("not a readable Word document")?;
    for part in PARTS {
        if let Some(xml) = package.text(part) {
            package.set(part, turn(&xml, keep).map_err(|e| format!("{part}: {e}"))?);
        }
    }
    let mut rewritten = Vec::new();
    package.write(&mut rewritten).map_err(|e| e.to_string())?;
    crate::ingest::docx::read(&rewritten, Revisions::Accept)
}

/// Whether an author string names one of `chosen`: `"EU, CANZ"` names EU
/// and CANZ.
pub fn names_any(author: &str, chosen: &[&str]) -> bool {
    author
        .split(',')
        .map(str::trim)
        .any(|a| chosen.contains(&a))
}

/// The XML with the revisions of authors `keep` refuses turned inside out.
fn turn(xml: &str, keep: &dyn Fn(&str) -> bool) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut writer = Writer::new(Vec::new());
    let mut open: Vec<String> = Vec::new();
    loop {
        let event = reader.read_event()?;
        match event {
            Event::Eof => break,
            Event::Start(e) if turned(e.name().as_ref()).is_some() => {
                let e = renamed(&e, keep);
                open.push(e.name().as_ref().to_string());
                writer.write_event(Event::Start(e))?;
            }
            Event::Empty(e) if turned(e.name().as_ref()).is_some() => {
                writer.write_event(Event::Empty(renamed(&e, keep)))?;
            }
            Event::End(e) if turned(e.name().as_ref()).is_some() => {
                let name = open.pop().unwrap_or_else(|| e.name().as_ref().to_string());
                writer.write_event(Event::End(BytesEnd::new(name)))?;
            }
            other => writer.write_event(other)?,
        }
    }
    Ok(String::from_utf8_lossy(&writer.into_inner()).into_owned())
}

/// A revision element, turned if its author is not kept.
fn renamed<'a>(e: &BytesStart<'a>, keep: &dyn Fn(&str) -> bool) -> BytesStart<'static> {
    let kept = author(e).is_some_and(|a| keep(&a));
    match turned(e.name().as_ref()).filter(|_| !kept) {
        Some(other) => {
            let mut out = BytesStart::new(other);
            out.extend_attributes(e.attributes().flatten());
            out
        }
        None => e.clone().into_owned(),
    }
}

fn turned(name: &str) -> Option<&'static str> {
    TURNED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

fn author(e: &BytesStart) -> Option<String> {
    let a = e.try_get_attribute("w:author").ok()??;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}
