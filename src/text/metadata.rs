//! What a published document says about itself: its symbol, its date, the
//! language it was written in.
//!
//! Drafts as circulated carry none of it; an official PDF carries it in its
//! masthead (`S/2020/449`, `29 May 2020`, `Original: English`), which the
//! reader sets aside ([`crate::ingest::masthead`]) and keeps here, so that
//! `parse` and the headers of redlines can say which document was read.

use serde::{Deserialize, Serialize};

/// The metadata of a published document; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The document symbol: `S/2020/449`, `A/RES/79/7`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The date of the document as printed: `29 May 2020`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The language it was written in, as printed after "Original:":
    /// `English`, `anglais`, `inglés`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// Every line of the masthead as printed, in order, so that nothing a
    /// reader sets aside is lost: `["United Nations", "S/2020/449", …]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masthead: Vec<String>,
}

impl Metadata {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self.symbol.is_none()
            && self.date.is_none()
            && self.original.is_none()
            && self.masthead.is_empty()
    }

    /// One line for headers: `S/2020/449, 29 May 2020, original: English`;
    /// empty when nothing is known.
    ///
    /// ```
    /// use redraft::model::metadata::Metadata;
    /// let m = Metadata { symbol: Some("S/2020/449".into()), date: Some("29 May 2020".into()), ..Metadata::default() };
    /// assert_eq!(m.describe(), "S/2020/449, 29 May 2020");
    /// ```
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.symbol.clone());
        parts.extend(self.date.clone());
        parts.extend(self.original.as_ref().map(|o| format!("original: {o}")));
        parts.join(", ")
    }
}
