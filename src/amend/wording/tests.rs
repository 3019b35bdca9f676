//! Tests of the wording: every form written reads back as the same
//! amendment, in every language; loosely written amendments are read.

use super::read::{Unread, read};
use super::templates::{PATTERNS, plausible};
use super::write::phrase;
use crate::amend::{Action, Amendment, Locator, Place, Ref, Side, WordEdit};
use crate::lang::Lang;
use crate::lang::amendments::{NewUnit, RefKind};

#[test]
fn reading_an_amendment_tries_few_patterns() {
    // Every one of 4,000 patterns was matched against each amendment
    // read back: 100,000 changed paragraphs took 16.5 s to word.
    let text = "Operative paragraph 3: after \"act\", insert \"now\".";
    let tried = plausible(text).count();
    assert!(tried * 20 < PATTERNS.len(), "{tried} of {}", PATTERNS.len());
    assert!(read(text).is_ok());
}

fn words(target: Ref, edit: WordEdit) -> Amendment {
    Amendment::new(Action::Words { target, edit })
}

fn round_trip(a: &Amendment) {
    for lang in Lang::ALL {
        let text = phrase(a, lang).unwrap_or_else(|| panic!("{lang}: {a:?}"));
        let back = read(&text).unwrap_or_else(|e| panic!("{lang}: {text}: {e:?}"));
        match (&back, &a.action) {
            (
                Action::InsertUnit {
                    place,
                    kinds,
                    text,
                    number,
                },
                Action::InsertUnit {
                    place: p,
                    kinds: k,
                    text: t,
                    number: n,
                },
            ) => {
                assert_eq!((place, text, number), (p, t, n), "{lang}: {text}");
                assert!(kinds.contains(&k[0]), "{lang}: {text}");
            }
            _ => assert_eq!(&back, &a.action, "{lang}: {text}"),
        }
    }
}

#[test]
fn writes_the_issue_examples() {
    let a = words(
        Ref::Operative("2".into()),
        WordEdit::Replace {
            old: "d’un suspect".into(),
            new: "de deux suspects".into(),
            at: Locator::Only,
        },
    );
    assert_eq!(
        phrase(&a, Lang::En).unwrap(),
        "Operative paragraph 2: replace \"d’un suspect\" with \"de deux suspects\"."
    );
    assert_eq!(
        phrase(&a, Lang::Es).unwrap(),
        "Párrafo 2 de la parte dispositiva: sustitúyase «d’un suspect» por «de deux suspects»."
    );
}

#[test]
fn writes_the_issue_examples_of_whole_paragraphs() {
    // The kinds the generator gives a new operative paragraph away from
    // numbered paragraphs of an annex, where "le nouveau paragraphe
    // suivant" can be read as nothing else.
    let ins = Amendment::new(Action::InsertUnit {
        place: Place::After(Ref::Operative("15".into())),
        kinds: vec![NewUnit::Operative, NewUnit::NumberedParagraph],
        text: "...".into(),
        number: None,
    });
    assert_eq!(
        phrase(&ins, Lang::Fr).unwrap(),
        "Après le paragraphe 15 du dispositif, insérer le nouveau paragraphe suivant : « ... »"
    );
    assert_eq!(
        phrase(&ins, Lang::Es).unwrap(),
        "Después del párrafo 15 de la parte dispositiva, insértese el nuevo párrafo siguiente: «...»"
    );
    // Beside one, it says "du dispositif".
    let beside = Amendment::new(Action::InsertUnit {
        place: Place::After(Ref::Operative("15".into())),
        kinds: vec![NewUnit::Operative],
        text: "...".into(),
        number: None,
    });
    assert_eq!(
        phrase(&beside, Lang::Fr).unwrap(),
        "Après le paragraphe 15 du dispositif, insérer le nouveau paragraphe du dispositif suivant : « ... »"
    );
    let del = Amendment::new(Action::DeleteUnit {
        target: Ref::Operative("7".into()),
    });
    assert_eq!(
        phrase(&del, Lang::Fr).unwrap(),
        "Supprimer le paragraphe 7 du dispositif."
    );
    assert_eq!(
        phrase(&del, Lang::Es).unwrap(),
        "Suprímase el párrafo 7 de la parte dispositiva."
    );
    let mv = Amendment::new(Action::MoveUnit {
        target: Ref::Operative("9".into()),
        place: Place::After(Ref::Operative("12".into())),
    });
    assert_eq!(
        phrase(&mv, Lang::En).unwrap(),
        "Move operative paragraph 9 to follow operative paragraph 12."
    );
}

#[test]
fn nested_subparagraphs_are_read_as_drafters_write_them() {
    let want = Ref::OperativeSubSub("7".into(), "c".into(), "iv".into());
    for text in [
        "Operative paragraph 7 (c) (iv): delete \"x\".",
        "Subparagraph (iv) of subparagraph (c) of operative paragraph 7: delete \"x\".",
        "Sous-alinéa iv) de l’alinéa c) du paragraphe 7 du dispositif : supprimer « x ».",
        "Inciso iv) del apartado c) del párrafo 7 de la parte dispositiva: suprímase «x».",
    ] {
        let read = crate::amend::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        match &read[0].action {
            Action::Words { target, .. } => assert_eq!(target, &want, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

/// A reference of every kind.
fn every_ref() -> Vec<Ref> {
    vec![
        Ref::Title,
        Ref::Chapeau,
        Ref::Preambular(4),
        Ref::Preambular(77),
        Ref::Operative("9bis".into()),
        Ref::PreambularSub(2, "b".into()),
        Ref::OperativeSub("12".into(), "ii".into()),
        Ref::OperativeSubSub("7".into(), "c".into(), "iv".into()),
        Ref::SectionOperative("B".into(), "3".into()),
        Ref::AnnexParagraph("II".into(), "3".into()),
        Ref::AnnexParagraph(String::new(), "12".into()),
        Ref::HeadingBefore("3".into()),
        Ref::HeadingText("Coopération avec la Cour".into()),
        Ref::Text("Distr. : générale".into()),
        Ref::NthText(2, "Annexe".into()),
        Ref::NthText(1, String::new()),
        Ref::TitleLine(2),
        Ref::AnnexHeading("II".into()),
        Ref::AnnexHeading(String::new()),
        Ref::AnnexTitle("II".into()),
        Ref::AnnexTitle(String::new()),
        Ref::Footnote("7".into()),
        Ref::Label("ANNEX-II/OP3".into()),
    ]
}

/// Every sentence naming `r` reads back as written, in every language.
fn round_trip_sentences_of(r: &Ref) {
    round_trip(&words(
        r.clone(),
        WordEdit::Replace {
            old: "a « b » c".into(),
            new: "d \"e\" f".into(),
            at: Locator::Nth(2),
        },
    ));
    round_trip(&words(
        r.clone(),
        WordEdit::Insert {
            new: "x".into(),
            side: Side::Before,
            anchor: "l’y".into(),
            nth: Some(3),
        },
    ));
    round_trip(&Amendment::new(Action::MoveUnit {
        target: r.clone(),
        place: Place::Before(Ref::Preambular(1)),
    }));
    round_trip(&Amendment::new(Action::InsertUnit {
        place: Place::After(r.clone()),
        kinds: vec![NewUnit::Heading],
        text: "Coopération".into(),
        number: None,
    }));
    round_trip(&Amendment::new(Action::InsertUnit {
        place: Place::After(r.clone()),
        kinds: vec![NewUnit::Operative],
        text: "Décide".into(),
        number: Some("9bis".into()),
    }));
}

/// `every_ref` names a unit of every kind, so that a new kind of
/// reference is read back in every sentence and language.
#[test]
fn every_kind_of_reference_is_tried() {
    let kinds: Vec<RefKind> = every_ref().iter().map(Ref::kind).collect();
    for kind in RefKind::ALL {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
}

#[test]
fn every_form_reads_back_in_every_language() {
    for r in &every_ref() {
        round_trip_sentences_of(r);
    }
    round_trip(&Amendment::new(Action::InsertFootnote {
        id: "10".into(),
        text: "ICC-ASP/19/Res.7.".into(),
    }));
    round_trip(&words(
        Ref::Operative("3".into()),
        WordEdit::Delete {
            old: ",".into(),
            at: Locator::After("défis".into()),
        },
    ));
}

#[test]
fn reads_loosely_written_amendments() {
    let read_ok = |t: &str| read(t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
    assert_eq!(
        read_ok("In operative paragraph 2, replace “13” with “12”"),
        read_ok("Operative paragraph 2 : replace \"13\" with \"12\".")
    );
    assert_eq!(
        read_ok("Au paragraphe 2 du dispositif, remplacer «13» par «12»."),
        read_ok("paragraphe 2 du dispositif: remplacer « 13 » par « 12 »")
    );
    assert_eq!(
        read_ok("Fourth preambular paragraph: delete 'x'."),
        read_ok("Preambular paragraph 4: delete \"x\".")
    );
}

#[test]
fn operative_paragraph_zero_is_read_and_preambular_paragraph_zero_is_invalid() {
    // A draft may number a paragraph "0."; amendments name it so.
    assert!(read("Operative paragraph 0: replace \"a\" with \"b\".").is_ok());
    assert!(matches!(
        read("Preambular paragraph 0: replace \"a\" with \"b\"."),
        Err(Unread::Invalid(_))
    ));
    assert!(matches!(
        read("After operative paragraph 1, insert a new paragraph 0 reading: \"x\""),
        Err(Unread::Invalid(_))
    ));
    assert_eq!(
        read("Operative paragraph 2: substitute \"a\" with \"b\"."),
        Err(Unread::NoMatch)
    );
}
