//! The redline as JSON.
//!
//! The document is the [`Redline`] (fields `version`, `old`, `new`,
//! `entries`) with a `summary` added; the README documents the schema.

use crate::redline::Redline;
use std::io::{self, Write};

/// Writes the redline as pretty-printed JSON.
pub fn render(redline: &Redline, out: &mut dyn Write) -> io::Result<()> {
    let mut value = serde_json::to_value(redline).map_err(io::Error::other)?;
    if let Some(map) = value.as_object_mut() {
        let summary = serde_json::to_value(redline.summary()).map_err(io::Error::other)?;
        map.insert("summary".into(), summary);
    }
    let text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    writeln!(out)
}
