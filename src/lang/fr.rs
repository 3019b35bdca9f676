//! French drafting conventions (Nations Unies, Cour pénale internationale).

use super::Language;

/// The French table.
pub static TABLE: Language = Language {
    code: "fr",
    stopwords: &[
        "le", "les", "des", "du", "et", "à", "sur", "par", "pour", "qui", "dans", "au", "aux",
        "une", "est", "sa", "ses", "leur", "leurs", "ce", "cette", "ainsi",
    ],
    organs: &[
        "Assemblée", "Conseil", "Conférence", "Commission", "Comité", "Réunion", "Bureau",
    ],
    chapeau_articles: &["L’", "L'", "Le", "La", "Les"],
    preambular_openers: &[
        "déterminée", "déterminé", "convaincue", "convaincu", "consciente", "conscient",
        "préoccupée", "préoccupé", "profondément", "vivement", "gravement", "soucieuse",
        "soucieux", "résolue", "résolu", "alarmée", "alarmé", "guidée par", "guidé par",
        "se félicitant", "sachant", "ayant", "tenant compte", "désireuse", "désireux",
        "encouragée", "encouragé", "inquiète", "inquiet", "réaffirmant", "rappelant",
        "notant", "prenant", "reconnaissant", "soulignant", "saluant", "constatant",
        "considérant", "accueillant", "estimant", "affirmant", "insistant", "exprimant",
        "observant", "sensible", "attachée", "persuadée", "réitérant",
    ],
    preambular_suffixes: &["ant"],
    operative_verbs: &[
        "décide", "prie", "demande", "engage", "exhorte", "encourage", "invite",
        "invite instamment", "se félicite", "salue", "note", "prend note", "souligne",
        "insiste", "rappelle", "réaffirme", "reconnaît", "constate", "exprime", "félicite",
        "lance un appel", "appelle", "exige", "condamne", "déplore", "affirme", "approuve",
        "adopte", "autorise", "réitère", "souscrit", "accueille", "attend", "convient",
        "continue", "estime", "considère", "remercie",
    ],
    annex_words: &["Annexe", "Appendice"],
    elisions: &[
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        "presqu", "quelqu",
    ],
    paragraph_words: ("paragraphe", "paragraphes"),
    spaced_punctuation: true,
};
