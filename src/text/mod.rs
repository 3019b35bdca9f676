//! Text-level knowledge that both the readers ([`crate::ingest`]) and the
//! parser ([`crate::model`]) need, below both: paragraph markers
//! (`12.`, `(b)`, `9 bis.`, `[^7]:`), blocks, the chapeau, the
//! masthead's metadata, and the lines of a text.

pub mod blocks;
pub mod chapeau;
pub mod classes;
pub mod lines;
pub mod marker;
pub mod metadata;
