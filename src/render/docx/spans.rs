//! Where each element of an XML part stands, in bytes, so that what does
//! not change is copied exactly as it was written.
//!
//! `<w:p><w:r><w:t>a</w:t></w:r></w:p>` → a `w:p` span over the whole
//! text, with one child `w:r` over `<w:r>…</w:r>` whose child `w:t` has
//! `open_end` just after `<w:t>` and `close_start` just before `</w:t>`.
//! Names are kept as written (`w:p`): the Word template is used only when
//! its main namespace has the prefix `w` (see [`uses_w_prefix`]). The part
//! was already read safely by the `.docx` reader (no DTD, bounded depth).

use quick_xml::events::Event;

/// An element: its name as written and where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    /// The qualified name as written (`w:p`).
    pub name: String,
    /// Where its start tag begins.
    pub start: usize,
    /// Just after its start tag (for an empty element, its end).
    pub open_end: usize,
    /// Where its end tag begins (for an empty element, its end).
    pub close_start: usize,
    /// Just after its end tag.
    pub end: usize,
    /// Child elements in order.
    pub children: Vec<Span>,
}

impl Span {
    /// Its whole text in `xml`.
    pub fn raw<'x>(&self, xml: &'x str) -> &'x str {
        &xml[self.start..self.end]
    }

    /// What stands between its tags.
    pub fn inner<'x>(&self, xml: &'x str) -> &'x str {
        &xml[self.open_end..self.close_start]
    }

    /// The first child with a name.
    pub fn child(&self, name: &str) -> Option<&Span> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The value of an attribute of its start tag.
    pub fn attr(&self, xml: &str, name: &str) -> Option<String> {
        let tag = &xml[self.start..self.open_end];
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = tag[at..].find('"')?;
        Some(unescape(&tag[at..at + len]))
    }

    /// Its text content with entities resolved (for `w:t`).
    pub fn text(&self, xml: &str) -> String {
        unescape(self.inner(xml))
    }
}

fn unescape(raw: &str) -> String {
    quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_string(), |s| s.into_owned())
}

/// The root element of a part with every element's place, or `None` if
/// the XML does not read.
pub fn parse(xml: &str) -> Option<Span> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Span> = Vec::new();
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().ok()?;
        let end = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => stack.push(Span {
                name: e.name().as_ref().to_string(),
                start,
                open_end: end,
                ..Span::default()
            }),
            Event::Empty(e) => {
                let span = Span {
                    name: e.name().as_ref().to_string(),
                    start,
                    open_end: end,
                    close_start: end,
                    end,
                    children: Vec::new(),
                };
                stack.last_mut()?.children.push(span);
            }
            Event::End(_) => {
                let mut span = stack.pop()?;
                span.close_start = start;
                span.end = end;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(span),
                    None => return Some(span),
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Whether the part's root declares WordprocessingML's main namespace with
/// the prefix `w`, as Word and every other writer does.
pub fn uses_w_prefix(xml: &str, root: &Span) -> bool {
    root.attr(xml, "xmlns:w").is_some_and(|ns| {
        ns == "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            || ns == "http://purl.oclc.org/ooxml/wordprocessingml/main"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_of_elements() {
        let xml = r#"<w:p a="1"><w:r><w:t>a &amp; b</w:t></w:r><w:br/></w:p>"#;
        let p = parse(xml).unwrap();
        assert_eq!(p.raw(xml), xml);
        assert_eq!(p.attr(xml, "a").as_deref(), Some("1"));
        let r = &p.children[0];
        assert_eq!(r.raw(xml), "<w:r><w:t>a &amp; b</w:t></w:r>");
        assert_eq!(r.children[0].text(xml), "a & b");
        assert_eq!(p.children[1].raw(xml), "<w:br/>");
        assert!(parse("<a><b></a>").is_none());
    }
}
