//! A small element tree over `quick-xml`, made for the parts of a Word
//! document: namespaces resolved to the conventional prefixes (`w:p`,
//! `w:val`, `mc:AlternateContent`), text with the five predefined entities
//! and character references resolved, and nothing else.
//!
//! Safety: a document type declaration (and with it any entity
//! declaration) is refused, never read; an undefined entity reference is an
//! error; nesting deeper than [`MAX_DEPTH`] is refused, so walking the tree
//! recursively cannot exhaust the stack. The tree is linear in the part:
//! a namespace's name is stored once however many elements use it (an
//! element in a namespace the reader does not know is named `{3}local`,
//! not after its namespace's name, which may be megabytes long), and
//! namespace declarations are pushed and popped, never copied per element.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::rc::Rc;

/// The deepest element nesting accepted (Word documents stay far below).
pub const MAX_DEPTH: usize = 256;

/// The most elements and attributes one part may have: with the cap on
/// inflated size, this bounds the memory the tree takes (a thousand-page
/// document has a few hundred thousand of each).
pub const MAX_ELEMENTS: usize = 1_500_000;

/// WordprocessingML's main namespace (transitional and strict).
const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Other namespaces given their conventional prefix.
const KNOWN: [(&str, &str); 3] = [
    (
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "mc",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "r",
    ),
    ("http://www.w3.org/XML/1998/namespace", "xml"),
];

/// An element: its name (`w:p`), attributes and children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// The name with its namespace's conventional prefix: `w:p`; names in
    /// other namespaces are `{N}local`, N numbering the part's namespaces
    /// in the order they are first declared.
    pub name: String,
    /// Attributes, named like elements (`w:val`; unprefixed ones bare).
    pub attrs: Vec<(String, String)>,
    /// Children in document order.
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data, entities resolved.
    Text(String),
}

impl Element {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with a name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The `w:val` attribute of the child with a name: `<w:pStyle w:val="X"/>`.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("w:val"))
    }

    /// The text directly inside the element.
    pub fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|c| match c {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// Whether an on/off property (`<w:i/>`, `<w:vanish w:val="0"/>`) is on.
    pub fn flag(&self, name: &str) -> bool {
        self.child(name)
            .is_some_and(|c| !matches!(c.attr("w:val"), Some("0" | "false" | "off")))
    }
}

/// Parses a whole XML document into its root element.
///
/// ```
/// use redraft::ingest::docx::xml::parse;
/// let root = parse(r#"<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t>a &amp; b</w:t></w:p>"#).unwrap();
/// assert_eq!(root.name, "w:p");
/// assert_eq!(root.child("w:t").unwrap().text(), "a & b");
/// assert!(parse("<!DOCTYPE x [<!ENTITY e 'boom'>]><x>&e;</x>").is_err());
/// ```
pub fn parse(text: &str) -> Result<Element, String> {
    Builder::default().run(text)
}

/// An element's attributes as read: the others (name as written, value)
/// and the namespace prefixes it declares.
type Attributes = (Vec<(String, String)>, Vec<String>);

#[derive(Default)]
struct Builder {
    /// Open elements, each with the prefixes it declares.
    stack: Vec<(Element, Vec<String>)>,
    root: Option<Element>,
    count: usize,
    namespaces: Namespaces,
}

/// The namespaces in scope: each prefix bound to a stack of namespaces
/// (the innermost declaration last), each namespace stored once and named
/// once. Declaring a namespace pushes, closing the element pops: nothing
/// is copied per element, however many declarations are in scope or how
/// long a namespace's name is.
#[derive(Default)]
struct Namespaces {
    bindings: HashMap<String, Vec<usize>>,
    /// The name of each namespace met: `w:`, `mc:`, or `{N}` for others.
    names: Vec<Rc<str>>,
    by_uri: HashMap<Rc<str>, usize>,
}

impl Namespaces {
    fn declare(&mut self, prefix: &str, uri: String) {
        let index = match self.by_uri.get(uri.as_str()) {
            Some(&i) => i,
            None => {
                let i = self.names.len();
                self.names.push(conventional(&uri, i).into());
                self.by_uri.insert(uri.into(), i);
                i
            }
        };
        self.bindings
            .entry(prefix.to_string())
            .or_default()
            .push(index);
    }

    fn undeclare(&mut self, prefix: &str) {
        if let Some(stack) = self.bindings.get_mut(prefix) {
            stack.pop();
        }
    }

    /// A qualified name with its prefix mapped to the conventional one.
    fn resolve(&self, qname: &str, is_element: bool) -> String {
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) => (p, l),
            None if is_element => ("", qname),
            None => return qname.to_string(),
        };
        if prefix == "xml" {
            return format!("xml:{local}");
        }
        match self.bindings.get(prefix).and_then(|s| s.last()) {
            Some(&i) => format!("{}{local}", self.names[i]),
            None => qname.to_string(),
        }
    }
}

/// How names in a namespace are written: `w:` for WordprocessingML, the
/// conventional prefix of the few others the reader knows, nothing for no
/// namespace, and `{N}` (the N-th namespace of the part) for the rest.
fn conventional(uri: &str, index: usize) -> String {
    if uri.is_empty() {
        return String::new();
    }
    if W_NAMESPACES.contains(&uri) {
        return "w:".to_string();
    }
    match KNOWN.iter().find(|(u, _)| *u == uri) {
        Some((_, p)) => format!("{p}:"),
        None => format!("{{{index}}}"),
    }
}

impl Builder {
    fn run(mut self, text: &str) -> Result<Element, String> {
        let mut reader = quick_xml::Reader::from_str(text);
        loop {
            let at = reader.buffer_position();
            let event = reader
                .read_event()
                .map_err(|e| format!("at byte {at}: {e}"))?;
            if !self
                .event(event)
                .map_err(|e| format!("at byte {at}: {e}"))?
            {
                break;
            }
        }
        if !self.stack.is_empty() {
            return Err("unexpected end of XML (unclosed elements)".to_string());
        }
        self.root.ok_or_else(|| "no root element".to_string())
    }

    /// Handles one event; false at the end of the document.
    fn event(&mut self, event: Event<'_>) -> Result<bool, String> {
        match event {
            Event::Start(e) => self.open(&e)?,
            Event::Empty(e) => {
                self.open(&e)?;
                self.close()?;
            }
            Event::End(_) => self.close()?,
            Event::Text(t) => self.push_text(&t.xml10_content()),
            Event::CData(t) => self.push_text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = resolve_reference(&r.xml10_content())?;
                self.push_text(c.encode_utf8(&mut [0; 4]));
            }
            Event::DocType(_) => {
                return Err("a DTD or entity declaration, which is refused".to_string());
            }
            Event::Eof => return Ok(false),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
        Ok(true)
    }

    fn open(&mut self, start: &BytesStart<'_>) -> Result<(), String> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(format!("elements nested deeper than {MAX_DEPTH}"));
        }
        if self.root.is_some() {
            return Err("content after the root element".to_string());
        }
        self.count += 1;
        if self.count > MAX_ELEMENTS {
            return Err(format!("more than {MAX_ELEMENTS} elements"));
        }
        let (raw, declared) = self.attributes(start)?;
        let qname = start.name().as_ref().to_string();
        let name = self.namespaces.resolve(&qname, true);
        let attrs = raw
            .into_iter()
            .map(|(k, v)| (self.namespaces.resolve(&k, false), v))
            .collect();
        let element = Element {
            name,
            attrs,
            children: Vec::new(),
        };
        self.stack.push((element, declared));
        Ok(())
    }

    /// An element's attributes, each counted toward the elements' budget:
    /// the others by name as written and value, and the namespace prefixes
    /// it declares (`xmlns:w`), which hold until it closes.
    fn attributes(&mut self, start: &BytesStart<'_>) -> Result<Attributes, String> {
        let (mut raw, mut declared) = (Vec::new(), Vec::new());
        for attr in start.attributes() {
            // Attributes count toward the same budget as elements.
            self.count += 1;
            if self.count > MAX_ELEMENTS {
                return Err(format!("more than {MAX_ELEMENTS} elements and attributes"));
            }
            let attr = attr.map_err(|e| e.to_string())?;
            let key = attr.key.as_ref().to_string();
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| e.to_string())?
                .into_owned();
            let prefix = match key.strip_prefix("xmlns") {
                Some("") => Some(""),
                Some(rest) => rest.strip_prefix(':'),
                None => None,
            };
            match prefix {
                Some(prefix) => {
                    self.namespaces.declare(prefix, value);
                    declared.push(prefix.to_string());
                }
                None => raw.push((key, value)),
            }
        }
        Ok((raw, declared))
    }

    fn close(&mut self) -> Result<(), String> {
        let (element, declared) = self
            .stack
            .pop()
            .ok_or_else(|| "an end tag without a start tag".to_string())?;
        for prefix in &declared {
            self.namespaces.undeclare(prefix);
        }
        match self.stack.last_mut() {
            Some((parent, _)) => parent.children.push(Node::Element(element)),
            None => self.root = Some(element),
        }
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        let Some((parent, _)) = self.stack.last_mut() else {
            return;
        };
        if let Some(Node::Text(t)) = parent.children.last_mut() {
            t.push_str(text);
        } else {
            parent.children.push(Node::Text(text.to_string()));
        }
    }
}

/// The character of `&name;`: the five predefined entities and character
/// references; any other entity is undefined (no DTD is ever read).
fn resolve_reference(name: &str) -> Result<char, String> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else {
                return Err(format!("undefined entity &{name};"));
            };
            return code
                .and_then(char::from_u32)
                .filter(|&c| c != '\0')
                .ok_or_else(|| format!("invalid character reference &{name};"));
        }
    };
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    #[test]
    fn resolves_prefixes_and_references() {
        let xml = format!(r#"<x:p xmlns:x="{W}" x:val="1"><x:t>&#x41;&#66;&lt;</x:t></x:p>"#);
        let root = parse(&xml).unwrap();
        assert_eq!(root.name, "w:p");
        assert_eq!(root.attr("w:val"), Some("1"));
        assert_eq!(root.child("w:t").unwrap().text(), "AB<");
    }

    #[test]
    fn namespaces_are_scoped_and_named_without_their_uri() {
        let long = "urn:x".repeat(1000);
        let xml = format!(
            r#"<a:root xmlns:a="{W}" xmlns:b="{long}"><b:x b:k="1"><c:y xmlns:c="{W}" xmlns:b="{W}"><b:t/></c:y><b:z/></b:x><d xmlns=""/></a:root>"#
        );
        let root = parse(&xml).unwrap();
        let x = root.child("{1}x").expect("other namespace by number");
        assert_eq!(x.attr("{1}k"), Some("1"));
        let y = x.child("w:y").unwrap();
        assert!(y.child("w:t").is_some(), "an inner declaration wins");
        assert!(x.child("{1}z").is_some(), "and ends with its element");
        assert!(root.child("d").is_some(), "no namespace");
    }

    #[test]
    fn refuses_dtd_and_undefined_entities() {
        let bomb =
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><x>&lol2;</x>";
        assert!(parse(bomb).unwrap_err().contains("DTD"));
        assert!(
            parse("<x>&nbsp;</x>")
                .unwrap_err()
                .contains("undefined entity")
        );
    }

    #[test]
    fn refuses_malformed_and_deep() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a><b>").is_err());
        assert!(parse("").is_err());
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().contains("nested"));
    }
}
