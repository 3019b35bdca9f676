//! Spanish drafting conventions (Naciones Unidas, Corte Penal Internacional).

use super::Language;

/// The Spanish table.
pub static TABLE: Language = Language {
    code: "es",
    stopwords: &[
        "el", "los", "las", "del", "y", "por", "con", "para", "una", "sus", "al", "lo", "se",
        "su", "como", "entre",
    ],
    organs: &[
        "Asamblea", "Consejo", "Conferencia", "Comisión", "Comité", "Reunión", "Mesa",
    ],
    chapeau_articles: &["La", "El", "Los", "Las"],
    preambular_openers: &[
        "convencida", "convencido", "preocupada", "preocupado", "profundamente",
        "gravemente", "consciente", "decidida", "decidido", "alarmada", "alarmado",
        "guiada por", "guiado por", "acogiendo", "teniendo", "habiendo", "recordando",
        "reafirmando", "reconociendo", "observando", "destacando", "subrayando",
        "expresando", "considerando", "tomando nota", "poniendo de relieve", "deseosa",
        "deseoso", "alentada", "alentado", "resuelta", "resuelto",
    ],
    preambular_suffixes: &["ando", "iendo", "endo"],
    operative_verbs: &[
        "decide", "pide", "solicita", "exhorta", "insta", "alienta", "invita", "acoge",
        "celebra", "observa", "toma nota", "subraya", "destaca", "recuerda", "reafirma",
        "reconoce", "expresa", "encomia", "hace un llamamiento", "exige", "condena",
        "deplora", "afirma", "aprueba", "aprueba", "autoriza", "reitera", "hace suya",
        "acuerda", "espera", "agradece", "considera",
    ],
    annex_words: &["Anexo", "Apéndice"],
    elisions: &[],
    paragraph_words: ("párrafo", "párrafos"),
    spaced_punctuation: false,
};
