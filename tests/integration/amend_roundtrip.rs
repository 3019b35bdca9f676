//! The formal-amendment round trip on the fuzzers' failure classes
//! (fuzz/open/amendments, generator side): amendments generated from OLD →
//! NEW, written in English, French and Spanish, read back and applied
//! exactly to OLD give NEW; and `redraft amend` never writes a draft short
//! of text.

use crate::hostile::invariants;
use crate::support::*;
use redraft::amend::Action;
use redraft::lang::Lang;
use redraft::model::{ParseOptions, Resolution, parse};

pub(crate) fn draft(text: &str) -> Resolution {
    parse(text, &ParseOptions::default()).expect("a draft")
}

/// The list generated from `old` to `new`, worded in `lang`.
pub(crate) fn written(old: &Resolution, new: &Resolution, lang: Lang) -> String {
    let c = redraft::diff::compare(old.clone(), new.clone(), &Default::default());
    let list = redraft::amend::from_comparison(&c, lang);
    let mut out = Vec::new();
    redraft::render::amendments::write_list(&list, lang, &mut out).expect("written");
    String::from_utf8(out).expect("UTF-8")
}

/// `old` amended exactly by the written `list`: every amendment applies.
pub(crate) fn applied_exactly(old: &str, list: &str) -> String {
    let list = redraft::amend::parse(list).unwrap_or_else(|e| panic!("{e:?}\n{list}"));
    let out = redraft::amend::apply_exact(&draft(old), &list);
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    out.text
}

/// OLD amended by the list generated from OLD → NEW in `lang`, in the
/// normal form.
pub(crate) fn round_trip(old: &str, new: &str, lang: Lang) -> String {
    amended(old, new, lang).to_text()
}

/// The round trip gives NEW exactly in every language of the list.
pub(crate) fn exact_in_every_language(old: &str, new: &str) {
    let expected = draft(new).to_text();
    for lang in Lang::ALL {
        assert_eq!(round_trip(old, new, lang), expected, "{lang}");
    }
}

/// The round trip gives NEW's units, kind and words, in every language
/// (its numbers are `amend`'s, where NEW misnumbers).
pub(crate) fn units_in_every_language(old: &str, new: &str) {
    let expected = invariants::bare(&draft(new));
    for lang in Lang::ALL {
        assert_eq!(
            invariants::bare(&amended(old, new, lang)),
            expected,
            "{lang}"
        );
    }
}

/// OLD amended by the list generated from OLD → NEW in `lang`.
pub(crate) fn amended(old: &str, new: &str, lang: Lang) -> Resolution {
    let (old, new) = (draft(old), draft(new));
    let list = written(&old, &new, lang);
    let read = redraft::amend::parse(&list).unwrap_or_else(|e| panic!("{e:?}\n{list}"));
    let applied = redraft::amend::apply_exact(&old, &read);
    assert!(
        applied.failures.is_empty(),
        "{list}\n{:?}",
        applied.failures
    );
    assert_eq!(applied.unfaithful, None, "{list}");
    let options = ParseOptions {
        lang: Some(old.lang),
    };
    parse(&applied.text, &options).expect("amended")
}

const CHILDREN_OLD: &str = "The General Assembly,

1. Calls upon States:

(a) To ensure the registration of all births;

(b) To end child marriage;

(c) To take measures to eliminate violence against children:

(i) In schools and other educational settings;

In particular by training teachers and staff;

(ii) In the digital environment;

2. Decides to remain seized of the matter.";

const CHILDREN_NEW: &str = "The General Assembly,

1. Calls upon States:

(a) To ensure the registration of all births;

(b) To take measures to eliminate violence against children:

(i) In schools and other educational settings;

In particular by training teachers and staff;

(ii) In the digital environment, including online sexual exploitation;

(c) To end child marriage;

2. Decides to remain seized of the matter.";

/// fuzz/regressions/amendments/subsubparagraphs-dropped-ea2dd837: an
/// unnumbered paragraph stands between `(c) (i)` and `(c) (ii)` (in the
/// fuzz input, `(i)` glued to a backtick); `(b)` moves after `(c)` while
/// `(ii)` is reworded. "After (c)" passes over `(c)`'s block only, which
/// stops at the unnumbered paragraph, so the generator places `(b)` after
/// `(ii)`, and every sub-subparagraph stays where NEW has it.
#[test]
fn a_subparagraph_moves_past_a_family_split_by_unnumbered_text() {
    // Unit for unit, kind and words; the letters stay `(c)`, `(b)`:
    // `amend` keeps the letters of a list the draft did not letter in
    // order as it counts them (its count starts again after the line of
    // text), the applier's renumbering rule.
    units_in_every_language(CHILDREN_OLD, CHILDREN_NEW);
    let list = written(&draft(CHILDREN_OLD), &draft(CHILDREN_NEW), Lang::En);
    assert!(
        list.contains("Move operative paragraph 1 (b) to follow operative paragraph 1 (c) (ii)."),
        "{list}"
    );
}

/// A list whose amendments place or reword a unit that a later deletion
/// takes with its paragraph: `amend` refuses with exit 2, one line naming
/// both lines, and writes nothing, even with `--partial`.
#[test]
fn amend_never_writes_a_draft_short_of_text() {
    let dir = temp_dir("amend-unfaithful");
    for (list, text) in [
        ("insert-then-delete-parent.txt", "To cooperate;"),
        ("edit-then-delete-parent.txt", "To act now;"),
    ] {
        let out = dir.join("amended.txt");
        let list = format!("fixtures/amend-unfaithful/{list}");
        let out_arg = out.to_str().expect("UTF-8 path");
        for partial in [false, true] {
            let mut args = vec![
                "amend",
                "fixtures/amend-unfaithful/draft.txt",
                &list,
                "-o",
                out_arg,
            ];
            if partial {
                args.push("--partial");
            }
            let o = redraft(&args);
            assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
            let err = stderr(&o);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.contains(&format!("{list}:1: cannot be applied faithfully")),
                "{err}"
            );
            assert!(err.contains(text) && err.contains("line 2"), "{err}");
            assert!(!out.exists(), "written despite the refusal");
        }
    }
}

/// fuzz/regressions/amendments/footnote-number-twice-f4c9e0fd: NEW
/// defines footnote 2 twice, both new. The generator numbers each footnote
/// it inserts itself (`Insert a new footnote 2`, then `3`), where it wrote
/// `Insert a new footnote 2` twice and `amend` refused the second ("footnote
/// 2 already exists").
#[test]
fn each_new_footnote_gets_its_own_number() {
    let old = "The Assembly of States Parties,

Recalling the Rome Statute,[^1]

1. Welcomes the report of the Court;

2. Decides to remain seized of the matter.

[^1]: United Nations, Treaty Series, vol. 2187, No. 38544.";
    let new = "The Assembly of States Parties,

Recalling the Rome Statute,[^1]

1. Welcomes the report of the Court;[^2]

2. Decides to remain seized of the matter.[^2]

[^1]: United Nations, Treaty Series, vol. 2187, No. 38544.

[^2]: ICC-ASP/21/20.

[^2]: ICC-ASP/21/21.";
    units_in_every_language(old, new);
    let list = written(&draft(old), &draft(new), Lang::En);
    assert!(
        list.contains("Insert a new footnote 2 reading: \"ICC-ASP/21/20.\""),
        "{list}"
    );
    assert!(
        list.contains("Insert a new footnote 3 reading: \"ICC-ASP/21/21.\""),
        "{list}"
    );
}

/// Blocks drafts are built of, for the property below: every kind of
/// unit, odd numbers and markers (`00.`, `0.`, a number twice, a backtick
/// glued to a numeral), footnotes no number names (`[^%]`) or numbered
/// twice, empty paragraphs, quotation marks of every language, French and
/// Spanish text.
const BLOCKS: &[&str] = &[
    "Draft resolution on cooperation",
    "The General Assembly,",
    "L’Assemblée des États Parties,",
    "Recalling its resolution 75/1,[^1]",
    "Rappelant « la Déclaration » et ses résolutions,",
    "Noting the report of the Court,[^%]",
    "A. Cooperation",
    "Coopération",
    "1. Decides to act.",
    "1. Decides to act.",
    "2. Requests a report on \"the Court\";[^2]",
    "2.",
    "00.",
    "0. Welcomes the report;",
    "3. Souligne l’importance d’une coopération ;",
    "4cement of the work",
    "5. Calls upon States:",
    "(a) To ensure the registration of all births;",
    "(b) To end child marriage;",
    "(i)`In schools;",
    "(i) In schools;",
    "(ii) In the digital environment;",
    "a) désigner un point focal ;",
    "In particular by training teachers;",
    "Annex",
    "Annex II",
    "Guidelines on the safety of journalists",
    "6. Decide seguir ocupándose de la cuestión.",
    "[^1]: A/75/100.",
    "[^2]: ICC-ASP/21/20.",
    "[^2]: ICC-ASP/21/21.",
    "[^%]: ICC-ASP/21/20.",
    "[^*]: « Rapport », annexe.",
];

/// A draft of the blocks picked, words of some changed.
fn picked(picks: &[(usize, Option<usize>)]) -> String {
    let words = ["now", "« et »", "\"and\"", "’s", "2021", ""];
    let blocks: Vec<String> = picks
        .iter()
        .map(|&(b, w)| {
            let block = BLOCKS[b % BLOCKS.len()];
            match w {
                Some(w) => format!("{block} {}", words[w % words.len()]),
                None => block.to_string(),
            }
        })
        .collect();
    blocks.join("\n\n")
}

/// An action without the kinds a new unit's wording may name (French "le
/// nouveau paragraphe" reads as an operative or a numbered paragraph, the
/// one beside it chosen on applying).
fn kindless(action: Action) -> Action {
    match action {
        Action::InsertUnit {
            place,
            text,
            number,
            ..
        } => Action::InsertUnit {
            place,
            kinds: Vec::new(),
            text,
            number,
        },
        other => other,
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Every list the generator writes reads back as itself, in English,
    /// French and Spanish, whatever the drafts hold: no unit named by a
    /// label the reader refuses (fuzz
    /// `unreadable-unit-label-footnote-f283c26f`), no quotation it cannot
    /// find the end of (`unreadable-new-paragraph-fr-c31663df`: an empty
    /// new paragraph quoted `«  »` in French).
    #[test]
    fn generated_lists_always_read_back(
        old in proptest::collection::vec((0..64usize, proptest::option::of(0..8usize)), 1..12),
        new in proptest::collection::vec((0..64usize, proptest::option::of(0..8usize)), 1..12),
    ) {
        let options = ParseOptions::default();
        let (Ok(old), Ok(new)) = (parse(&picked(&old), &options), parse(&picked(&new), &options)) else {
            return Ok(());
        };
        let c = redraft::diff::compare(old, new, &Default::default());
        for lang in Lang::ALL {
            let list = redraft::amend::from_comparison(&c, lang);
            if list.is_empty() {
                // The same draft twice (or up to what no list states):
                // nothing is written, nothing to read back.
                continue;
            }
            let mut out = Vec::new();
            redraft::render::amendments::write_list(&list, lang, &mut out).expect("written");
            let text = String::from_utf8(out).expect("UTF-8");
            let read = redraft::amend::parse(&text);
            proptest::prop_assert!(read.is_ok(), "{lang}: {read:?}\n{text}");
            let read: Vec<Action> = read.unwrap_or_default().into_iter().map(|a| a.action).collect();
            let generated: Vec<Action> = list.into_iter().map(|a| a.action).collect();
            for (r, g) in read.iter().zip(&generated) {
                if let (Action::InsertUnit { kinds: read, .. }, Action::InsertUnit { kinds, .. }) = (r, g) {
                    proptest::prop_assert!(kinds.first().is_some_and(|k| read.contains(k)), "{lang}:\n{text}");
                }
            }
            proptest::prop_assert_eq!(
                read.into_iter().map(kindless).collect::<Vec<_>>(),
                generated.into_iter().map(kindless).collect::<Vec<_>>(),
                "{}:\n{}", lang, text
            );
        }
    }
}

/// The two unreadable lists of the fuzzers, as they were found.
#[test]
fn the_fuzzers_unreadable_lists_read_back() {
    for name in [
        "unreadable-unit-label-footnote-f283c26f",
        "unreadable-new-paragraph-fr-c31663df",
    ] {
        let data =
            std::fs::read(root().join("fuzz/regressions/amendments").join(name)).expect("input");
        let k = data.iter().position(|&b| b == 0).expect("OLD\0NEW");
        let text = |b: &[u8]| redraft::ingest::text::decode(b).expect("text");
        let (old, new) = (draft(&text(&data[..k])), draft(&text(&data[k + 1..])));
        for lang in Lang::ALL {
            let list = written(&old, &new, lang);
            assert!(
                redraft::amend::parse(&list).is_ok(),
                "{name} in {lang}:\n{list}"
            );
        }
    }
}

/// fuzz/regressions/amendments/unreadable-unit-label-footnote-f283c26f: a
/// footnote numbered `[^%]`, whose text another footnote also reads, was
/// named by its internal label (`Replace unit FN% …`), which the reader
/// refused. It is named by its number, as the draft writes it.
#[test]
fn a_footnote_numbered_with_a_symbol_is_named_by_its_number() {
    let old = "The General Assembly,\n\nNoting the report,[^%]\n\n1. Decides to act.[^2]\n\n[^%]: ICC-ASP/21/20.\n\n[^2]: ICC-ASP/21/20.";
    let new = "The General Assembly,\n\nNoting the report,[^%]\n\n1. Decides to act.[^2]\n\n[^%]: ICC-ASP/21/20, annex.\n\n[^2]: ICC-ASP/21/20.";
    units_in_every_language(old, new);
    let list = written(&draft(old), &draft(new), Lang::En);
    assert!(list.starts_with("Footnote %: "), "{list}");
}

/// fuzz/regressions/amendments/unreadable-new-paragraph-fr-c31663df: an
/// empty new paragraph (`2.` alone) was quoted `«  »` in French, which
/// reads as no quotation; it is quoted `«»`.
#[test]
fn an_empty_new_paragraph_reads_back_in_french() {
    let old = "L’Assemblée des États Parties,\n\n1. Décide d’agir.\n\n2. Prie le Bureau de faire rapport.";
    let new = "L’Assemblée des États Parties,\n\n1. Décide d’agir.\n\n2.\n\n3. Prie le Bureau de faire rapport.";
    units_in_every_language(old, new);
    let list = written(&draft(old), &draft(new), Lang::Fr);
    assert!(
        list.contains("insérer le nouveau paragraphe suivant : «»"),
        "{list}"
    );
}

/// fuzz/regressions/amendments/text-opening-with-digit-7592d24d: a
/// numbered paragraph of an annex loses its number in NEW (`4.` glued to
/// its text: `4States …`, an unnumbered paragraph). Amended word by word
/// it kept its number (`4. 4States …`); it is deleted and inserted as "a
/// new unnumbered paragraph".
#[test]
fn a_numbered_paragraph_that_loses_its_number_is_replaced_by_an_unnumbered_one() {
    let old = "The General Assembly,\n\n1. Adopts the guidelines annexed.\n\nAnnex\n\nGuidelines\n\n1. States should protect journalists.\n\n2. States should collect disaggregated data on attacks against journalists and publish it every year.";
    let new = "The General Assembly,\n\n1. Adopts the guidelines annexed.\n\nAnnex\n\nGuidelines\n\n1. States should protect journalists.\n\n2States should collect disaggregated data on attacks against journalists and publish it every year.";
    exact_in_every_language(old, new);
    let list = written(&draft(old), &draft(new), Lang::En);
    assert!(
        list.contains(
            "insert a new unnumbered paragraph reading: \"2States should collect disaggregated data on attacks against journalists and publish it every year.\""
        ),
        "{list}"
    );
}

/// fuzz/regressions/amendments/paragraph-double-zero-7e532451: NEW is a
/// paragraph numbered `00.`; `amend` numbers the paragraph it inserts
/// `1.`, by its rule (1, 2, 3). The round trip holds the units to NEW's,
/// kind and words: a numbered paragraph counts as out of order when its
/// list does not start at 1, as an operative one does.
#[test]
fn a_paragraph_numbered_double_zero_is_inserted_and_numbered_one() {
    let old = "Report of the Committee\n\n1. The Committee met twice.";
    let new = "00.";
    units_in_every_language(old, new);
    assert!(!invariants::numbered_consecutively(&draft(new)));
    assert!(invariants::numbered_consecutively(&draft(old)));
}

const SECTIONS_OLD: &str = "The Assembly of States Parties,\n\nRecalling its resolutions,\n\nA. Universality\n\n1. Invites States to become parties;\n\n2. Welcomes new States Parties;\n\nB. Privileges and immunities\n\n1. Calls upon States Parties to become parties to the Agreement;\n\n2. Decides to remain seized of the matter.";

/// fuzz/regressions/amendments/section-restarts-numbering-* (2): NEW
/// opens a section OLD does not have and numbers its paragraphs from 1
/// again; the list inserts the heading and the paragraphs (never their
/// numbers) and `amend` numbers them on, as OLD counted. Where OLD's
/// sections already start again at 1, `amend` keeps doing so, exactly,
/// in a new section too (`C. Cooperation`, or a second `A.`: fuzz
/// new-section-restarts-2e7ec0f7), and new paragraphs placed right after
/// an old section heading are that section's (`1.` of B, not `4.` after
/// A's `3.`: fuzz paragraphs-after-section-heading-399f40db).
#[test]
fn sections_number_from_one_again_where_the_old_draft_does() {
    let new_section = format!(
        "{SECTIONS_OLD}\n\nC. Cooperation\n\n1. Urges States to cooperate;\n\n2. Requests a report;"
    );
    let without = "The Assembly of States Parties,\n\nRecalling its resolutions,\n\n1. Invites States to become parties;";
    units_in_every_language(without, SECTIONS_OLD);
    assert!(invariants::new_sections(
        &draft(without),
        &draft(SECTIONS_OLD)
    ));
    // Paragraphs inserted into sections OLD has: numbered within them.
    let inserted = SECTIONS_OLD.replace(
        "2. Welcomes new States Parties;",
        "2. Welcomes new States Parties;\n\n3. Calls for universality;",
    );
    exact_in_every_language(SECTIONS_OLD, &inserted);
    exact_in_every_language(SECTIONS_OLD, &new_section);
    let twice = format!("{SECTIONS_OLD}\n\nA. Universality\n\n1. Urges States to cooperate;");
    exact_in_every_language(SECTIONS_OLD, &twice);
    let headed = SECTIONS_OLD
        .replace("2. Decides", "3. Decides")
        .replace("1. Calls", "1. Notes the Agreement;\n\n2. Calls");
    exact_in_every_language(SECTIONS_OLD, &headed);
    assert!(!invariants::new_sections(
        &draft(SECTIONS_OLD),
        &draft(&new_section)
    ));
}

/// fuzz input crash-bebb9b4e (the last run): new paragraphs are inserted
/// "before operative paragraph 1 (a)", inside paragraph 1's family, and a
/// new unnumbered paragraph follows 1 (a) and a new (b). "After operative
/// paragraph 1" would stop where `amend`'s block of paragraph 1 stops, at
/// the first new paragraph: the generator says "after operative paragraph
/// 1 (a)" instead.
#[test]
fn a_paragraph_after_a_family_broken_by_new_paragraphs_follows_its_last_subparagraph() {
    let old = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n(a) To take measures concerning the protection of journalists;\n\n(b) To train judges and prosecutors;\n\n2. Decides to remain seized of the matter.";
    let new = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n2. Encourages the sharing of good practices among States;\n\n(a) To take measures concerning the protection of journalists;\n\n(b) To take measures concerning the investigation of attacks;\n\nIn consultation with the States concerned and with civil society organizations,\n\n3. Decides to remain seized of the matter.";
    exact_in_every_language(old, new);
    let list = written(&draft(old), &draft(new), Lang::En);
    assert!(
        list.contains("After operative paragraph 1 (a), insert a new unnumbered paragraph"),
        "{list}"
    );
}

/// fuzz input crash-88cb8785 (the last run): NEW adds a footnote 2 that
/// no text refers to, before the others. A list cannot place it ("Insert a
/// new footnote 5"; footnotes follow their references), and `amend`
/// keeps it after the others: the round trip holds the units, kind and
/// words, and a draft with a footnote no text cites does not count as
/// numbered in order.
#[test]
fn a_footnote_no_text_cites_is_kept_after_the_others() {
    let old = "The General Assembly,\n\nRecalling its resolution 77/248,\n\n1. Decides to act.\n\n[^1]: A/RES/77/248.\n\n[^2]: A/78/67.";
    let new = "The General Assembly,\n\nRecalling its resolution 77/248,\n\n1. Decides to act.\n\n[^1]: A/RES/77/248.\n\n[^2]: A/CONF.232/2023/4.\n\n[^3]: A/78/67.";
    units_in_every_language(old, new);
    assert!(!invariants::numbered_consecutively(&draft(new)));
}
