//! A history as JSON: the [`History`] (fields `version`, `versions`,
//! `rounds`, `lineage`, `deleted`, `removed`, `cumulative`); the README
//! documents the schema.

use crate::history::History;
use std::io::{self, Write};

/// Writes a history as pretty-printed JSON.
pub fn render(history: &History, out: &mut dyn Write) -> io::Result<()> {
    // Built first, then written, so that a failed write keeps its kind (a
    // closed pipe is no trouble).
    let text = serde_json::to_string_pretty(history).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}
