//! The redline as JSON.
//!
//! The document is the [`Redline`] (fields `version`, `old`, `new`,
//! `entries`) with a `summary` added; the README documents the schema.

use crate::redline::Redline;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use std::io::{self, Write};

/// Writes the redline as pretty-printed JSON, streamed: one entry at a
/// time, so that memory stays that of the redline (200,000 paragraphs took
/// 1.5 GB as one JSON value). Keys stand in alphabetical order, as a
/// `serde_json::Value` writes them.
pub fn render(redline: &Redline, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut buf, &Sorted(redline)).map_err(io::Error::from)?;
    writeln!(buf)?;
    buf.flush()
}

/// The redline with its summary, keys sorted.
struct Sorted<'a>(&'a Redline);

impl Serialize for Sorted<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let sorted =
            |v: serde_json::Result<serde_json::Value>| v.map_err(serde::ser::Error::custom);
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("entries", &Entries(r))?;
        map.serialize_entry("new", &sorted(serde_json::to_value(&r.new))?)?;
        map.serialize_entry("old", &sorted(serde_json::to_value(&r.old))?)?;
        map.serialize_entry("summary", &sorted(serde_json::to_value(r.summary()))?)?;
        map.serialize_entry("version", &r.version)?;
        map.end()
    }
}

/// The entries, each sorted on its own.
struct Entries<'a>(&'a Redline);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.entries.len()))?;
        let sorted = crate::parallel::map(&self.0.entries, |e| serde_json::to_value(e));
        for entry in sorted {
            seq.serialize_element(&entry.map_err(serde::ser::Error::custom)?)?;
        }
        seq.end()
    }
}
