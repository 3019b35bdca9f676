//! The Annex I pair (`fixtures/annex-i/`): the redline the core issue
//! requires, unit by unit.

use crate::support::*;
use redraft::model::UnitKind;
use redraft::redline::{Op, Redline};

fn annex_i() -> Redline {
    redline_of(
        &fixture("annex-i/before.txt"),
        &fixture("annex-i/after.txt"),
    )
}

fn of_kind(r: &Redline, kind: UnitKind) -> Vec<&redraft::redline::Entry> {
    r.entries.iter().filter(|e| e.kind == kind).collect()
}

#[test]
fn preamble_has_twelve_paragraphs_pp1_and_pp4_edited() {
    let r = annex_i();
    let pp = of_kind(&r, UnitKind::Preambular);
    assert_eq!(pp.len(), 12);
    for e in pp {
        let label = e.new.as_ref().expect("kept").label.as_str();
        assert_eq!(old_label(e), label, "preamble is not renumbered");
        let expected = if matches!(label, "PP1" | "PP4") {
            Op::Edited
        } else {
            Op::Unchanged
        };
        assert_eq!(e.op, expected, "{label}");
        assert!(!e.moved);
    }
}

#[test]
fn operative_38_to_40_with_two_insertions_and_six_edits() {
    let r = annex_i();
    let ops = of_kind(&r, UnitKind::Operative);
    let old_count = ops.iter().filter(|e| !e.old.is_empty()).count();
    let new_count = ops.iter().filter(|e| e.new.is_some()).count();
    assert_eq!((old_count, new_count), (38, 40));
    let edited = [
        ("OP2", "OP2"),
        ("OP15", "OP15"),
        ("OP25", "OP23"),
        ("OP33", "OP31"),
        ("OP34", "OP32"),
        ("OP38", "OP36"),
    ];
    for n in 1..=40 {
        let label = format!("OP{n}");
        let e = by_new(&r, &label);
        assert!(!e.moved, "{label} moved");
        if n == 16 || n == 22 {
            assert_eq!(e.op, Op::Inserted, "{label}");
            continue;
        }
        let old = match n {
            1..=15 => n,
            17..=21 => n - 1,
            _ => n - 2,
        };
        assert_eq!(
            old_label(e),
            format!("OP{old}"),
            "{label} comes from OP{old}"
        );
        let expected = if edited.iter().any(|(new, _)| *new == label) {
            Op::Edited
        } else {
            Op::Unchanged
        };
        assert_eq!(e.op, expected, "{label}");
        assert_eq!(e.renumbered(), old != n, "{label}");
    }
    for (new, old) in edited {
        assert_eq!(old_label(by_new(&r, new)), old);
    }
    assert!(deleted_labels(&r).is_empty());
}

#[test]
fn ten_headings_unchanged() {
    let r = annex_i();
    let headings = of_kind(&r, UnitKind::Heading);
    assert_eq!(headings.len(), 10);
    assert!(headings.iter().all(|e| e.op == Op::Unchanged && !e.moved));
}

#[test]
fn footnotes_follow_their_references() {
    let r = annex_i();
    assert_eq!(by_new(&r, "FN9").op, Op::Inserted);
    assert_eq!(by_new(&r, "FN10").op, Op::Inserted);
    let fn8 = by_new(&r, "FN8");
    assert_eq!((fn8.op, old_label(fn8)), (Op::Edited, "FN8"));
    let fn11 = by_new(&r, "FN11");
    assert_eq!((fn11.op, old_label(fn11)), (Op::Edited, "FN9"));
    for n in 5..=7 {
        let e = by_new(&r, &format!("FN{n}"));
        assert_eq!(
            (e.op, old_label(e)),
            (Op::Unchanged, format!("FN{n}").as_str())
        );
    }
}

#[test]
fn renumbered_footnote_reference_is_not_an_edit() {
    // OP40 (formerly 38) refers to footnote 11, formerly 9.
    let r = annex_i();
    let e = by_new(&r, "OP40");
    assert_eq!(e.op, Op::Unchanged);
    assert!(e.new_text().contains("[^11]"));
    assert!(e.old_text().contains("[^9]"));
}

#[test]
fn title_and_chapeau_unchanged() {
    let r = annex_i();
    assert_eq!(by_new(&r, "TITLE").op, Op::Unchanged);
    assert_eq!(by_new(&r, "CHAPEAU").op, Op::Unchanged);
    assert_eq!(r.entries.len(), 1 + 1 + 12 + 40 + 10 + 7);
}

#[test]
fn accept_and_reject_give_back_the_two_drafts() {
    let old = load(&fixture("annex-i/before.txt"));
    let new = load(&fixture("annex-i/after.txt"));
    let r = redraft::diff::redline(&old, &new, &Default::default());
    assert_eq!(r.accept_all(), new.to_text());
    assert_eq!(r.reject_all(), old.to_text());
}

#[test]
fn edits_read_like_a_person_made_them() {
    let r = annex_i();
    let op2 = redraft::render::redline::text::block(by_new(&r, "OP2"));
    assert!(op2.contains("[-13-]{+12+} personnes"), "{op2}");
    assert!(
        op2.contains("[-d’un suspect-]{+de deux suspects+}"),
        "{op2}"
    );
    let pp4 = redraft::render::redline::text::block(by_new(&r, "PP4"));
    assert!(
        pp4.contains("[-ICC-ASP/18/Res.3-]{+ICC-ASP/19/Res.2+}"),
        "{pp4}"
    );
}
