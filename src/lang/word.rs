//! Words of the notes the Word redline adds to a draft's own document, in
//! the draft's language: a paragraph's former number (`--show-old-numbers`)
//! and formatting changes (of words, and of paragraphs: alignment, style).
//!
//! ```
//! use redraft::lang::{Lang, word};
//! assert_eq!(word::formerly(Lang::Fr, "16"), "ancien paragraphe 16");
//! assert_eq!(word::formatting(Lang::En, "italic", false, "Decides"), "italic removed from ‘Decides’");
//! assert_eq!(word::paragraph(Lang::Fr, "alignment", "left", "center"), "alignement: à gauche → centré");
//! ```

use super::Lang;

/// The words of one language.
struct Words {
    formerly: &'static str,
    header: &'static str,
    footer: &'static str,
    added: &'static str,
    removed: &'static str,
    quotes: (&'static str, &'static str),
    properties: [(&'static str, &'static str); 5],
    /// Paragraph formatting: `alignment`, `style`.
    paragraph: [(&'static str, &'static str); 2],
    /// A picture inserted, deleted; "after" a paragraph.
    pictures: (&'static str, &'static str, &'static str),
    /// Word's alignments (`w:jc`) by name.
    alignments: [(&'static str, &'static str); 5],
}

const EN: Words = Words {
    formerly: "formerly paragraph",
    header: "header",
    footer: "footer",
    added: "added to",
    removed: "removed from",
    quotes: ("‘", "’"),
    properties: [
        ("italic", "italic"),
        ("bold", "bold"),
        ("underline", "underline"),
        ("strike", "strikethrough"),
        ("size", "font size"),
    ],
    paragraph: [("alignment", "alignment"), ("style", "paragraph style")],
    alignments: [
        ("left", "left"),
        ("center", "centred"),
        ("right", "right"),
        ("both", "justified"),
        ("distribute", "distributed"),
    ],
    pictures: ("picture inserted", "picture deleted", "after"),
};

const FR: Words = Words {
    formerly: "ancien paragraphe",
    header: "en-tête",
    footer: "pied de page",
    added: "ajouté à",
    removed: "retiré de",
    quotes: ("« ", " »"),
    properties: [
        ("italic", "italique"),
        ("bold", "gras"),
        ("underline", "soulignement"),
        ("strike", "barré"),
        ("size", "taille de police"),
    ],
    paragraph: [
        ("alignment", "alignement"),
        ("style", "style de paragraphe"),
    ],
    alignments: [
        ("left", "à gauche"),
        ("center", "centré"),
        ("right", "à droite"),
        ("both", "justifié"),
        ("distribute", "distribué"),
    ],
    pictures: ("image insérée", "image supprimée", "après"),
};

const ES: Words = Words {
    formerly: "antiguo párrafo",
    header: "encabezado",
    footer: "pie de página",
    added: "añadida a",
    removed: "suprimida de",
    quotes: ("«", "»"),
    properties: [
        ("italic", "cursiva"),
        ("bold", "negrita"),
        ("underline", "subrayado"),
        ("strike", "tachado"),
        ("size", "tamaño de letra"),
    ],
    paragraph: [("alignment", "alineación"), ("style", "estilo de párrafo")],
    alignments: [
        ("left", "izquierda"),
        ("center", "centrada"),
        ("right", "derecha"),
        ("both", "justificada"),
        ("distribute", "distribuida"),
    ],
    pictures: ("imagen insertada", "imagen suprimida", "después de"),
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Es => &ES,
    }
}

/// "formerly paragraph 16" in a language.
pub fn formerly(lang: Lang, number: &str) -> String {
    format!("{} {number}", words(lang).formerly)
}

/// "italic removed from ‘Decides’": a formatting property (`italic`,
/// `bold`, `underline`, `strike`, `size`) added to or removed from words.
pub fn formatting(lang: Lang, property: &str, added: bool, text: &str) -> String {
    let w = words(lang);
    let name = w
        .properties
        .iter()
        .find(|(key, _)| *key == property)
        .map_or(property, |(_, name)| name);
    let how = if added { w.added } else { w.removed };
    format!("{name} {how} {}{text}{}", w.quotes.0, w.quotes.1)
}

/// "alignment: left → centred", "paragraph style: ‘Normal’ → ‘Quote’": a
/// paragraph's alignment (`what` `alignment`, values as `w:jc` has them)
/// or style (`style`, style ids) changed.
pub fn paragraph(lang: Lang, what: &str, old: &str, new: &str) -> String {
    let w = words(lang);
    let name = w
        .paragraph
        .iter()
        .find(|(key, _)| *key == what)
        .map_or(what, |(_, name)| name);
    if what == "alignment" {
        let word = |v: &str| -> String {
            w.alignments
                .iter()
                .find(|(key, _)| *key == v)
                .map_or(v, |(_, word)| word)
                .to_string()
        };
        return format!("{name}: {} → {}", word(old), word(new));
    }
    let (open, close) = w.quotes;
    format!("{name}: {open}{old}{close} → {open}{new}{close}")
}

/// "OP2: picture inserted" (`inline`: in the paragraph `at`), "picture
/// deleted after PP1" (a picture paragraph after `at`), "picture inserted"
/// (at the start).
pub fn picture(lang: Lang, inserted: bool, at: Option<&str>, inline: bool) -> String {
    let (ins, del, after) = words(lang).pictures;
    let what = if inserted { ins } else { del };
    match (at, inline) {
        (Some(label), true) => format!("{label}: {what}"),
        (Some(label), false) => format!("{what} {after} {label}"),
        (None, _) => what.to_string(),
    }
}

/// "header: ‘L.3’ → ‘L.4’": the text of a header (`kind` `header`) or
/// footer (`footer`) changed.
pub fn furniture(lang: Lang, kind: &str, old: &str, new: &str) -> String {
    let w = words(lang);
    let name = if kind == "footer" { w.footer } else { w.header };
    let (open, close) = w.quotes;
    format!("{name}: {open}{old}{close} → {open}{new}{close}")
}

/// The language tag Word gives text in a language (`w:lang`).
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Fr => "fr-FR",
        Lang::Es => "es-ES",
    }
}
