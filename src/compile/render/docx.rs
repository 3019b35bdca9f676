//! The compilation as a Word document in which every delegation is the
//! author of its own revisions.
//!
//! A change proposed by EU and US alone is the base words deleted and the
//! new words inserted by the author `EU, US`; alternatives on the same words
//! are the base words deleted by all their proposers and each alternative
//! inserted by its own, highlighted, with a comment listing them in the
//! negotiating convention (`[Alt 1 (EU): … / Alt 2 (G77): …]`). New
//! paragraphs are inserted (text and paragraph mark) by their proposers;
//! whole paragraphs proposed for deletion are deleted by theirs. So in
//! Word, accepting the changes of one delegation (every revision whose
//! author names it) and rejecting the others gives that delegation's
//! proposal, and rejecting all gives the base.
//!
//! ```text
//! <w:del w:author="EU, G77"><w:r><w:delText>a</w:delText></w:r></w:del>
//! <w:ins w:author="EU"><w:r><w:t>an annual</w:t></w:r></w:ins>
//! <w:ins w:author="G77"><w:r><w:t>a detailed</w:t></w:r></w:ins>
//! ```
//!
//! A first page in redraft's summary style (which the reader skips) gives
//! the counts per delegation and the most contested paragraphs.

use super::super::{Compilation, Item, Part};
use super::names;
use crate::lang::compile::CompileWords;
use crate::render::docx::body::{escape, style_id};
use crate::render::docx::plan::Style;
use crate::render::docx::{SUMMARY_STYLE, now, parts, timestamp};
use std::io::{self, Write};

/// How to write the Word compilation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The date of every revision, ISO 8601 in UTC.
    pub date: String,
    /// The author of the comments that list alternatives.
    pub author: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            date: timestamp(now()),
            author: "redraft".to_string(),
        }
    }
}

/// The first comment id (LibreOffice confuses low ids with footnote
/// separators).
const COMMENT_IDS: usize = 1000;

/// Writes the compilation as a Word document.
pub fn render(c: &Compilation, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let w = CompileWords::of(c.lang);
    let mut writer = Writer {
        words: w,
        date: escape(&options.date),
        next_id: 1,
        comments: Vec::new(),
    };
    let mut xml = summary(c, w);
    for item in &c.items {
        writer.paragraph(item, &mut xml);
    }
    xml.push_str("<w:p/>");
    let title = format!("{} {}", w.title, c.base);
    let files = parts::house(&parts::House {
        title: &title,
        author: &options.author,
        date: &options.date,
        lang_tag: crate::lang::word::tag(c.lang),
        body: &xml,
        note_start: 1,
        footnotes: &[],
        comments: &writer.comments,
    });
    out.write_all(&crate::render::docx::zip(&files)?)
}

/// Writes paragraphs, numbering revisions and collecting comments.
struct Writer {
    date: String,
    next_id: usize,
    comments: Vec<(usize, String)>,
    words: &'static CompileWords,
}

impl Writer {
    fn paragraph(&mut self, item: &Item, out: &mut String) {
        out.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{}"/>"#,
            style_id(Style::of(item.kind))
        ));
        // A paragraph proposed new is inserted by its proposers, text and
        // mark; one proposed for deletion is deleted by those who delete it.
        let whole = if item.in_base {
            (!item.deleted_by.is_empty()).then_some(("del", &item.deleted_by))
        } else {
            Some(("ins", &item.proposed_by))
        };
        if let Some((tag, by)) = whole {
            let rev = self.revision(&names(by));
            out.push_str(&format!("<w:rPr><w:{tag} {rev}/></w:rPr>"));
        }
        out.push_str("</w:pPr>");
        let lead = item
            .marker
            .as_ref()
            .map(|m| format!("{m} "))
            .unwrap_or_default();
        self.runs(&lead, whole, false, out);
        for part in &item.parts {
            match part {
                Part::Text { text } => self.runs(text, whole, false, out),
                Part::Change { base, alternatives } => {
                    self.change(base, alternatives, &item.deleted_by, out)
                }
            }
        }
        out.push_str("</w:p>");
    }

    /// Base words some delegations change: deleted by all of them (and by
    /// those who delete the whole paragraph), each alternative inserted by
    /// its proposers.
    fn change(
        &mut self,
        base: &str,
        alternatives: &[super::super::Alternative],
        deleting: &[String],
        out: &mut String,
    ) {
        let mut all: Vec<String> = deleting.to_vec();
        for name in alternatives.iter().flat_map(|a| &a.by) {
            if !all.contains(name) {
                all.push(name.clone());
            }
        }
        let contested = alternatives.len() > 1;
        let comment = contested.then(|| {
            let id = COMMENT_IDS + self.comments.len();
            self.comments
                .push((id, alternatives_note(alternatives, self.words)));
            out.push_str(&format!(r#"<w:commentRangeStart w:id="{id}"/>"#));
            id
        });
        self.runs(base, Some(("del", &all)), contested, out);
        for a in alternatives {
            self.runs(&a.text, Some(("ins", &a.by)), contested, out);
        }
        if let Some(id) = comment {
            out.push_str(&format!(
                r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{id}"/></w:r>"#
            ));
        }
    }

    /// A run of text, inside a revision if it has one.
    fn runs(
        &mut self,
        text: &str,
        revision: Option<(&str, &Vec<String>)>,
        highlight: bool,
        out: &mut String,
    ) {
        if text.is_empty() {
            return;
        }
        let rpr = if highlight {
            r#"<w:rPr><w:highlight w:val="yellow"/></w:rPr>"#
        } else {
            ""
        };
        let t = if revision.is_some_and(|(tag, _)| tag == "del") {
            "w:delText"
        } else {
            "w:t"
        };
        let run = format!(
            r#"<w:r>{rpr}<{t} xml:space="preserve">{}</{t}></w:r>"#,
            escape(text)
        );
        match revision {
            Some((tag, by)) => {
                let rev = self.revision(&names(by));
                out.push_str(&format!("<w:{tag} {rev}>{run}</w:{tag}>"));
            }
            None => out.push_str(&run),
        }
    }

    fn revision(&mut self, author: &str) -> String {
        let id = self.next_id;
        self.next_id += 1;
        format!(
            r#"w:id="{id}" w:author="{}" w:date="{}""#,
            escape(author),
            self.date
        )
    }
}

/// The comment on contested words: `Alt 1 (EU, US): an annual / Alt 2
/// (G77): a detailed`.
fn alternatives_note(alternatives: &[super::super::Alternative], w: &CompileWords) -> String {
    let shown: Vec<String> = alternatives
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let text = if a.text.is_empty() {
                w.delete
            } else {
                a.text.as_str()
            };
            let who = w.colon(&format!("{} {} ({})", w.alt, k + 1, names(&a.by)));
            format!("{who} {text}")
        })
        .collect();
    format!("[{}]", shown.join(" / "))
}

/// The summary page: counts per delegation, the most contested units.
fn summary(c: &Compilation, w: &CompileWords) -> String {
    let s = c.summary();
    let mut out = para("<w:b/>", &format!("{} {}", w.title, c.base));
    out.push_str(&para("<w:b/>", w.by_delegation));
    let [edited, inserted, deleted] = w.counts;
    for d in &s.delegations {
        let (e, i, x) = (d.edited, d.inserted, d.deleted);
        out.push_str(&para(
            "",
            &format!(
                "{} {edited} {e}, {inserted} {i}, {deleted} {x}",
                w.colon(&d.name)
            ),
        ));
    }
    out.push_str(&para("<w:b/>", w.contested));
    for u in &s.hot {
        let alts = match u.alternatives {
            0 => String::new(),
            n => format!(", {n} {}", w.alternatives),
        };
        out.push_str(&para(
            "",
            &format!(
                "{} {}{alts}",
                w.colon(&u.label),
                w.delegations_count(u.delegations)
            ),
        ));
    }
    out.push_str(&format!(r#"<w:p><w:pPr><w:pStyle w:val="{SUMMARY_STYLE}"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>"#));
    out
}

fn para(rpr: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{SUMMARY_STYLE}"/></w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}
