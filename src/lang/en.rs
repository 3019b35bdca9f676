//! English drafting conventions (United Nations and ICC style).

use super::Language;

/// The English table.
pub static TABLE: Language = Language {
    code: "en",
    stopwords: &[
        "the", "of", "and", "to", "in", "its", "that", "with", "for", "on", "by", "as", "is",
        "be", "all", "their", "which", "this", "an", "at", "from", "has", "have",
    ],
    organs: &[
        "Assembly", "Council", "Conference", "Commission", "Committee", "Meeting", "Board",
    ],
    chapeau_articles: &["The"],
    preambular_openers: &[
        "also", "further", "deeply", "gravely", "seriously", "strongly", "noting", "bearing in mind",
        "aware", "fully aware", "mindful", "conscious", "convinced", "concerned", "alarmed",
        "determined", "desirous", "cognizant", "guided by", "having", "in view of", "taking note",
        "taking into account", "recalling", "reaffirming", "recognizing", "recognising",
        "welcoming", "emphasizing", "emphasising", "stressing", "underlining", "acknowledging",
        "affirming", "considering", "expressing", "reiterating", "appreciating", "commending",
        "encouraged", "regretting", "deploring", "noting with", "taking", "believing",
    ],
    preambular_suffixes: &["ing", "ed"],
    operative_verbs: &[
        "decides", "requests", "calls upon", "calls on", "urges", "encourages", "invites",
        "welcomes", "notes", "takes note", "stresses", "emphasizes", "emphasises", "underlines",
        "recalls", "reaffirms", "recognizes", "recognises", "acknowledges", "expresses",
        "commends", "appeals", "demands", "condemns", "deplores", "affirms", "endorses",
        "approves", "adopts", "authorizes", "authorises", "reiterates", "further", "also",
        "strongly", "takes", "notes with", "looks forward", "appreciates", "agrees", "resolves",
    ],
    annex_words: &["Annex", "Appendix"],
    elisions: &[],
    paragraph_words: ("paragraph", "paragraphs"),
    spaced_punctuation: false,
};
