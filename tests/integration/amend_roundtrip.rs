//! The formal-amendment round trip on the fuzzers' failure classes
//! (fuzz/open/amendments, generator side): amendments generated from OLD →
//! NEW, written in English, French and Spanish, read back and applied
//! exactly to OLD give NEW; and `redraft amend` never writes a draft short
//! of text.

use crate::support::*;
use redraft::lang::Lang;
use redraft::model::{ParseOptions, Resolution, UnitKind, parse};

fn draft(text: &str) -> Resolution {
    parse(text, &ParseOptions::default()).expect("a draft")
}

/// The list generated from `old` to `new`, worded in `lang`.
fn written(old: &Resolution, new: &Resolution, lang: Lang) -> String {
    let c = redraft::diff::compare(old.clone(), new.clone(), &Default::default());
    let list = redraft::amend::from_comparison(&c, lang);
    let mut out = Vec::new();
    redraft::render::amendments::write_list(&list, lang, &mut out).expect("written");
    String::from_utf8(out).expect("UTF-8")
}

/// The units of a draft without their numbers: kind and text, footnote
/// references written `[^]`, footnotes last in the order of their texts.
fn bare(draft: &Resolution) -> Vec<(UnitKind, String)> {
    let unref = |t: &str| {
        redraft::model::marker::FOOTNOTE_REF
            .replace_all(t, "[^]")
            .into_owned()
    };
    let (mut notes, mut body): (Vec<_>, Vec<_>) = draft
        .units
        .iter()
        .map(|u| (u.kind, unref(&u.text)))
        .partition(|u| u.0 == UnitKind::Footnote);
    notes.sort_by(|a, b| a.1.cmp(&b.1));
    body.extend(notes);
    body
}

/// The round trip gives NEW's units, kind and words, in every language
/// (its numbers are `amend`'s, where NEW misnumbers).
fn units_in_every_language(old: &str, new: &str) {
    let expected = bare(&draft(new));
    for lang in Lang::ALL {
        assert_eq!(bare(&amended(old, new, lang)), expected, "{lang}");
    }
}

/// OLD amended by the list generated from OLD → NEW in `lang`.
fn amended(old: &str, new: &str, lang: Lang) -> Resolution {
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
