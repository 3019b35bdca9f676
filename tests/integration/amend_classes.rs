//! The formal-amendment round trip on the classes of the fourth fuzz run
//! (session 21) and the older open ones it fixed: each a draft pair
//! reduced from a fuzz input kept in fuzz/regressions/amendments, the
//! amendments generated, written in English, French and Spanish, read back
//! and applied exactly to OLD giving NEW.

use crate::amend_roundtrip::{amended, draft, exact_in_every_language, written};
use crate::hostile::invariants;
use redraft::lang::Lang;

const TWICE_OLD: &str = "The General Assembly,

1. Adopts the guidelines;

2. Decides to remain seized of the matter.

2. Decides to remain seized of the matter.

Annex

Guidelines

1. States should protect journalists.

Annex

Guidelines

1. States should investigate attacks.

2.
";

/// fuzz/regressions/amendments/duplicate-families-*, internal-label-*: a
/// unit no number names and whose text another unit reads too (a
/// paragraph numbered twice, a second annex heading, an empty paragraph)
/// was named by the parser's label (`Delete unit OP2#2.`), which no user
/// should see. It is named by its place among the units reading so, as
/// `amend` counts them: "the second paragraph reading …".
#[test]
fn a_unit_whose_text_stands_twice_is_named_by_its_occurrence() {
    let new = "The General Assembly,

1. Adopts the guidelines;

2. Decides to remain seized of the matter.

Annex

Guidelines

1. States should protect journalists.

2. States should investigate attacks.
";
    let expected = [
        (Lang::En, "Delete the second paragraph reading \"Annex\"."),
        (
            Lang::Fr,
            "Supprimer le deuxième paragraphe libellé « Annex ».",
        ),
        (Lang::Es, "Suprímase el segundo párrafo que dice «Annex»."),
    ];
    for (lang, sentence) in expected {
        let list = written(&draft(TWICE_OLD), &draft(new), lang);
        assert!(list.contains(sentence), "{lang}:\n{list}");
        assert!(!list.contains('#'), "{lang}:\n{list}");
    }
    exact_in_every_language(TWICE_OLD, new);
}

/// fuzz/regressions/amendments/numbered-paragraph-unstated-* and
/// 65 more of the fourth run: NEW is a text of numbered paragraphs with no
/// resolution structure (a title, then `1.`, `2.`) where OLD had a
/// chapeau. "Before the chapeau, insert a new paragraph" was read as a
/// preambular paragraph (beside the chapeau), written unnumbered; the
/// amended draft then had no structure and its title read as a
/// paragraph. A numbered paragraph placed anywhere but beside one is "a
/// new numbered paragraph", which states its kind; beside one, "a new
/// paragraph" still says it.
#[test]
fn a_new_numbered_paragraph_away_from_numbered_ones_says_numbered() {
    let old = "The Assembly of States Parties,\n\nNoting the report of the Court on cooperation,\n";
    let new = "Guidelines on the safety of journalists\n\n1. States should protect journalists.\n\n2. States should investigate attacks.\n";
    let expected = [
        (Lang::En, "insert a new numbered paragraph reading"),
        (Lang::Fr, "insérer le nouveau paragraphe numéroté suivant"),
        (Lang::Es, "insértese el nuevo párrafo numerado siguiente"),
    ];
    for (lang, phrase) in expected {
        let list = written(&draft(old), &draft(new), lang);
        assert!(list.contains(phrase), "{lang}:\n{list}");
    }
    exact_in_every_language(old, new);
    let longer = format!("{new}\n3. States should end impunity.\n");
    let list = written(&draft(new), &draft(&longer), Lang::En);
    assert!(list.contains("insert a new paragraph reading"), "{list}");
    exact_in_every_language(new, &longer);
}

/// fuzz/regressions/amendments/subparagraph-after-unnumbered-text-*: a new
/// subparagraph placed after an unnumbered paragraph inside a paragraph
/// ("in particular:") was given that text as its paragraph, so deleting
/// the text took the new subparagraph with it and `amend` refused the
/// list. As for the parser, such a text leaves the subparagraphs after it
/// to the paragraph before it.
#[test]
fn a_new_subparagraph_after_unnumbered_text_belongs_to_the_paragraph() {
    let old = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n(a) To report;\n\nin particular:\n\n(i) On attacks;\n\n(ii) On impunity;\n\n2. Decides to remain seized.\n";
    let new = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n(a) To report;\n\n(b) To consult:\n\n(i) On attacks;\n\n(ii) On impunity;\n\n2. Decides to remain seized.\n";
    exact_in_every_language(old, new);
}

/// fuzz/regressions/amendments/subparagraph-level-after-moved-family-*: a
/// paragraph keeps its place in NEW's order but gets a new first
/// subparagraph, its old ones (a level deeper at the end) deleted. `amend`
/// places the new one after the old block and reads its level from the
/// last old subparagraph, `(ii)`, so it was a sub-subparagraph, deleted
/// with `(a)`. The list now quotes its letter, which states its level.
#[test]
fn a_new_first_subparagraph_after_a_deeper_old_block_is_quoted_with_its_letter() {
    let old = "The General Assembly,\n\n1. Decides one thing;\n\n2. Urges States:\n\n(a) To protect journalists:\n\n(i) In conflict;\n\n(ii) In peace;\n\n3. Decides to remain seized.\n";
    let new = "The General Assembly,\n\n1. Urges States:\n\n(a) To investigate attacks;\n\n2. Decides one thing;\n\n3. Decides to remain seized.\n";
    let list = written(&draft(old), &draft(new), Lang::En);
    assert!(list.contains("\"(a) To investigate attacks;\""), "{list}");
    exact_in_every_language(old, new);
}

/// fuzz/regressions/amendments/letters-past-unnumbered-text-33a56edf: a new
/// subparagraph placed after an unnumbered paragraph among a paragraph's
/// subparagraphs ("in particular:") was lettered `(a)` again, as if the
/// text started a new list, where the parser (and NEW) count on past it:
/// `(b)`, and the old `(b)` becomes `(c)`.
#[test]
fn subparagraphs_are_lettered_on_past_unnumbered_text() {
    let old = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n(a) To report;\n\nin particular:\n\n(b) To consult;\n\n2. Decides to remain seized.\n";
    let new = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n(a) To report;\n\nin particular:\n\n(b) To inform;\n\n(c) To consult;\n\n2. Decides to remain seized.\n";
    exact_in_every_language(old, new);
}

/// fuzz/regressions/amendments/footnote-leading-nbsp-3b80d321: NEW's
/// footnote text opens with a no-break space, which the parser keeps; the
/// list quotes it, and a quotation is read trimmed (as « texte » is), so
/// the amended footnote has the words without it. The invariant allows
/// exactly that (`invariants::edges_trimmed`); every word arrives.
#[test]
fn a_footnote_opening_with_a_no_break_space_keeps_its_words() {
    let old = "The General Assembly,\n\nRecalling its resolutions,[^1]\n\n1. Decides one thing.\n\n[^1]: United Nations.\n";
    let new = "The General Assembly,\n\nRecalling its resolutions,[^1]\n\n1. Decides one thing.\n\n[^1]:\u{a0}United Nations, Treaty Series.\n";
    let data = format!("{old}\0{new}");
    invariants::amendments(data.as_bytes());
    for lang in Lang::ALL {
        let note = amended(old, new, lang)
            .units
            .last()
            .cloned()
            .expect("a note");
        assert_eq!(note.text, "United Nations, Treaty Series.", "{lang}");
    }
}

const LETTERED_ANNEX: &str = "L’Assemblée des États Parties,\n\n1. Adopte les mandats figurant dans l’annexe ;\n\n2. Décide de rester saisie de la question.\n\nAnnexe\n\nMandats de l’Assemblée\n\na) En ce qui concerne l’universalité, prie le Bureau de faire rapport ;\n\nb) En ce qui concerne les victimes, prie la Cour de faire rapport.\n";

/// fuzz/regressions/amendments/french-new-paragraph-kind-f8a3d983: a new
/// operative paragraph after the lettered items of an annex was "le
/// nouveau paragraphe suivant", which `amend` read as one more lettered
/// item (`c)`). Beside a numbered paragraph it is now "le nouveau
/// paragraphe du dispositif suivant" ("el nuevo párrafo de la parte
/// dispositiva siguiente"), numbered in a run of its own (`1.`).
#[test]
fn a_new_operative_paragraph_after_lettered_items_says_du_dispositif() {
    let new = format!("{LETTERED_ANNEX}\n1. Souligne l’importance de la coopération ;\n");
    let list = written(&draft(LETTERED_ANNEX), &draft(&new), Lang::Fr);
    assert!(
        list.contains("le nouveau paragraphe du dispositif suivant"),
        "{list}"
    );
    exact_in_every_language(LETTERED_ANNEX, &new);
}

/// fuzz/regressions/amendments/lettered-annex-paragraphs-unstated-8a123276:
/// new items NEW letters `a)`, `b)` in an annex that had no lettered item
/// were numbered `1.`, `2.`: the wording does not state the style. They
/// are quoted with their letter (« a) En ce qui concerne … »), which
/// `amend` keeps, and lettered in order; beside lettered items the
/// wording alone does (no letter quoted).
#[test]
fn new_lettered_items_of_an_annex_are_quoted_with_their_letter() {
    let old = "L’Assemblée des États Parties,\n\n1. Adopte les mandats figurant dans l’annexe ;\n\n2. Décide de rester saisie de la question.\n\nAnnexe\n\nMandats de l’Assemblée\n";
    let list = written(&draft(old), &draft(LETTERED_ANNEX), Lang::Fr);
    assert!(
        list.contains("« a) En ce qui concerne l’universalité"),
        "{list}"
    );
    exact_in_every_language(old, LETTERED_ANNEX);
    let more = LETTERED_ANNEX.replace(
        "b) En ce qui concerne les victimes",
        "b) En ce qui concerne le budget, prie le Comité de faire rapport ;\n\nc) En ce qui concerne les victimes",
    );
    let list = written(&draft(LETTERED_ANNEX), &draft(&more), Lang::Fr);
    assert!(!list.contains("« b)"), "{list}");
    exact_in_every_language(LETTERED_ANNEX, &more);
}

/// fuzz/regressions/amendments/subparagraph-given-to-new-paragraph-ddc60d34:
/// paragraph 1 moves to the end, and NEW gives its old `(a)` to a new
/// paragraph inserted after it. The generator took `(a)` to move with
/// paragraph 1, but `amend`'s block of paragraph 1 ends at the new
/// paragraph, so `(a)` and what was placed by it stayed behind. A
/// subparagraph NEW gives to a new paragraph now moves explicitly.
#[test]
fn a_subparagraph_given_to_a_new_paragraph_moves_explicitly() {
    let old = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n(a) To report;\n\n2. Condemns attacks;\n\n3. Calls upon States to act;\n\n4. Encourages cooperation.\n";
    let new = "The General Assembly,\n\n1. Condemns attacks;\n\n2. Calls upon States to act;\n\n3. Encourages cooperation.\n\n4. Requests the Secretary-General:\n\n(a) To inform;\n\n5. Urges States:\n\n(a) To report;\n";
    let list = written(&draft(old), &draft(new), Lang::En);
    assert!(list.contains("Move operative paragraph 1 (a)"), "{list}");
    exact_in_every_language(old, new);
}
