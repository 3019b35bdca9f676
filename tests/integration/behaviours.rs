//! One test per folder of `fixtures/`, each asserting the behaviour the
//! folder is named for.

use crate::support::*;
use redraft::model::UnitKind;
use redraft::redline::Op;

#[test]
fn renumber_insert_inserted_paragraph_renumbers_the_rest_without_edits() {
    let r = redline_pair("renumber-insert");
    assert_eq!(by_new(&r, "OP2").op, Op::Inserted);
    for n in 3..=6 {
        let e = by_new(&r, &format!("OP{n}"));
        assert_eq!(
            (e.op, old_label(e)),
            (Op::Unchanged, format!("OP{}", n - 1).as_str())
        );
        assert!(e.renumbered());
    }
    let s = r.summary();
    assert_eq!(
        (s.inserted, s.edited, s.deleted, s.renumbered),
        (1, 0, 0, 4)
    );
    assert_eq!(s.renumbering[0], ("OP2".to_string(), "OP3".to_string()));
}

#[test]
fn delete_deleted_paragraph_stands_where_it_was() {
    let r = redline_pair("delete");
    assert_eq!(deleted_labels(&r), ["OP4"]);
    let pos = |label: &str| r.entries.iter().position(|e| e.label() == label).unwrap();
    let deleted = r.entries.iter().position(|e| e.op == Op::Deleted).unwrap();
    assert!(
        pos("OP3") < deleted
            && deleted
                < r.entries
                    .iter()
                    .position(|e| old_label(e) == "OP5")
                    .unwrap()
    );
    assert_eq!(old_label(by_new(&r, "OP4")), "OP5");
}

#[test]
fn move_moved_paragraph_is_reported_with_its_edits() {
    let r = redline_pair("move");
    let moved = by_new(&r, "OP4");
    assert!(moved.moved);
    assert_eq!((moved.op, old_label(moved)), (Op::Edited, "OP2"));
    assert!(redraft::render::redline::text::block(moved).contains("{+further +}"));
    let stub = r
        .entries
        .iter()
        .find(|e| e.op == Op::MovedAway)
        .expect("stub");
    assert_eq!(stub.old[0].label, "OP2");
    let s = r.summary();
    assert_eq!((s.moved, s.inserted, s.deleted), (1, 0, 0));
    // The others shifted up without being moved.
    assert!(!by_new(&r, "OP2").moved && !by_new(&r, "OP3").moved);
}

#[test]
fn split_one_paragraph_becomes_two() {
    let r = redline_pair("split");
    let (a, b) = (by_new(&r, "OP2"), by_new(&r, "OP3"));
    assert_eq!((a.op, b.op), (Op::Split, Op::Split));
    assert_eq!((old_label(a), old_label(b)), ("OP2", "OP2"));
    assert_eq!(r.summary().split, 1);
    assert_eq!(old_label(by_new(&r, "OP4")), "OP3");
}

#[test]
fn split_repeated_opening_both_pieces_repeat_the_request() {
    let r = redline_pair("split-repeated-opening");
    let (a, b) = (by_new(&r, "OP2"), by_new(&r, "OP3"));
    assert_eq!((a.op, b.op), (Op::Split, Op::Split));
    assert_eq!((old_label(a), old_label(b)), ("OP2", "OP2"));
    assert!(deleted_labels(&r).is_empty());
    assert_eq!(r.summary().inserted, 0);
}

#[test]
fn footnotes_renumbered_show_as_superscripts_in_html() {
    let r = redline_pair("footnotes-renumbered");
    let mut html = Vec::new();
    redraft::render::redline::html::render(&r, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(!html.contains("[^"), "raw footnote markers in the page");
    assert!(html.contains(r#"id="FN3" data-label="FN3"><p><span class="num"><sup>3</sup></span> <span class="was">(formerly 2)</span>"#));
}

#[test]
fn move_the_place_left_shows_its_old_number_struck() {
    let r = redline_pair("move");
    let stub = r.entries.iter().find(|e| e.op == Op::MovedAway).unwrap();
    assert_eq!(
        redraft::render::redline::text::block(stub),
        "[-2.-] [moved to OP4]"
    );
    let mut html = Vec::new();
    redraft::render::redline::html::render(&r, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains(r#"id="was-OP2" data-label="OP4"><p><span class="num"><del>2.</del></span>"#)
    );
}

/// Every id of every HTML page is unique: `#OP4` leads to the new paragraph
/// 4, never to a deleted paragraph 4 or to the place a moved one left.
#[test]
fn html_ids_are_unique_on_every_fixture_pair() {
    let mut checked = 0;
    for dir in std::fs::read_dir(root().join("fixtures")).expect("fixtures") {
        let dir = dir.expect("entry").path();
        let (old, new) = (dir.join("old.txt"), dir.join("new.txt"));
        if !old.exists() || !new.exists() {
            continue;
        }
        let mut html = Vec::new();
        redraft::render::redline::html::render(&redline_of(&old, &new), &mut html).unwrap();
        let html = String::from_utf8(html).unwrap();
        let mut ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap())
            .collect();
        let all = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all, "{}", dir.display());
        checked += 1;
    }
    assert!(checked >= 15, "{checked}");
}

#[test]
fn merge_into_operative_two_preambular_paragraphs_become_one_operative() {
    let r = redline_pair("merge-into-operative");
    let e = by_new(&r, "OP2");
    assert_eq!(e.op, Op::Merged);
    let olds: Vec<&str> = e.old.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(olds, ["PP2", "PP3"]);
    assert!(deleted_labels(&r).is_empty());
}

#[test]
fn move_with_subparagraphs_is_one_move_for_the_reader() {
    let r = redline_pair("move-with-subparagraphs");
    let moved = by_new(&r, "OP4");
    assert!(moved.moved);
    assert_eq!(old_label(moved), "OP1");
    assert_eq!(r.summary().moved, 1);
    // The data keeps every move (Word marks them all) ...
    assert!(by_new(&r, "OP4(a)").moved);
    // ... the reader's formats say it once.
    let mut text = Vec::new();
    redraft::render::redline::text::render(&r, &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert_eq!(text.matches("moved to").count(), 1, "{text}");
    assert_eq!(text.matches("moved from").count(), 1, "{text}");
    assert!(
        text.contains("\n(a) To take measures concerning the protection"),
        "{text}"
    );
}

#[test]
fn subparagraphs_swapped_move_themselves_not_their_paragraph() {
    let r = redline_pair("subparagraphs-swapped");
    assert!(!by_new(&r, "OP3").moved);
    let (c, a) = (by_new(&r, "OP2(c)"), by_new(&r, "OP3(a)"));
    assert!(c.moved && a.moved);
    assert_eq!((old_label(c), old_label(a)), ("OP3(a)", "OP2(c)"));
}

/// Regression (QA): a paragraph that only changed kind (its text kept) is
/// a difference: exit 1, counted, shown.
#[test]
fn kind_changed_same_text_is_a_difference() {
    let r = redline_pair("kind-changed-same-text");
    let e = by_new(&r, "OP1");
    assert!(e.changed_kind() && e.is_change());
    assert_eq!(r.summary().changed_kind, 1);
    let o = redraft(&[
        "diff",
        "fixtures/kind-changed-same-text/old.txt",
        "fixtures/kind-changed-same-text/new.txt",
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(1));
}

/// Lettered annex paragraphs that share their opening ("En ce qui
/// concerne …, prie … de faire rapport"): a new b) is an insertion and the
/// old c) a deletion, not a rewrite of c) with b) moved; amendments then
/// reletter the list (round trip with every fixture).
#[test]
fn annex_lettered_boilerplate_does_not_make_a_move() {
    let r = redline_pair("annex-lettered");
    assert_eq!(by_new(&r, "ANNEX/Pb").op, Op::Inserted);
    let c = by_new(&r, "ANNEX/Pc");
    assert_eq!(
        (c.op, old_label(c), c.moved),
        (Op::Edited, "ANNEX/Pb", false)
    );
    assert_eq!(deleted_labels(&r), ["ANNEX/Pc"]);
    assert_eq!(r.summary().moved, 0);
}

#[test]
fn merge_two_paragraphs_become_one() {
    let r = redline_pair("merge");
    let e = by_new(&r, "OP2");
    assert_eq!(e.op, Op::Merged);
    let olds: Vec<&str> = e.old.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(olds, ["OP2", "OP3"]);
    assert_eq!(r.summary().merged, 1);
    assert!(deleted_labels(&r).is_empty());
}

#[test]
fn footnotes_renumbered_are_not_edits() {
    let r = redline_pair("footnotes-renumbered");
    assert_eq!(by_new(&r, "FN2").op, Op::Inserted);
    assert_eq!(
        (by_new(&r, "FN3").op, old_label(by_new(&r, "FN3"))),
        (Op::Unchanged, "FN2")
    );
    assert_eq!(
        (by_new(&r, "FN4").op, old_label(by_new(&r, "FN4"))),
        (Op::Unchanged, "FN3")
    );
    assert_eq!(
        (by_new(&r, "FN5").op, old_label(by_new(&r, "FN5"))),
        (Op::Edited, "FN4")
    );
    // Paragraphs whose only change is the number of their footnote are unchanged.
    for label in ["PP3", "OP1", "OP2"] {
        assert_eq!(by_new(&r, label).op, Op::Unchanged, "{label}");
    }
}

#[test]
fn subparagraphs_are_units_under_their_paragraph() {
    let r = redline_pair("subparagraphs");
    assert_eq!(by_new(&r, "OP1(b)(i)").op, Op::Edited);
    assert_eq!(by_new(&r, "OP1(b)(iii)").op, Op::Inserted);
    assert_eq!(by_new(&r, "OP1(d)").op, Op::Inserted);
    assert_eq!(by_new(&r, "OP1(c)").op, Op::Unchanged);
    assert_eq!(by_new(&r, "OP1(b)(iii)").kind, UnitKind::Subparagraph);
}

#[test]
fn bis_numbers_label_and_do_not_renumber() {
    let r = redline_pair("bis-numbers");
    assert_eq!(by_new(&r, "OP1bis").op, Op::Inserted);
    assert_eq!(r.summary().renumbered, 0);
}

#[test]
fn spanish_draft_is_read_and_diffed() {
    let r = redline_pair("spanish");
    assert_eq!(r.new.lang, redraft::lang::Lang::Es);
    assert_eq!(by_new(&r, "OP3").op, Op::Inserted);
    assert_eq!(
        (by_new(&r, "OP4").op, old_label(by_new(&r, "OP4"))),
        (Op::Edited, "OP3")
    );
    assert!(redraft::render::redline::text::block(by_new(&r, "OP2")).contains("[-13-]{+12+}"));
}

#[test]
fn annex_sections_restart_numbering() {
    let r = redline_pair("annex-sections");
    assert_eq!(by_new(&r, "ANNEX-II/A/OP2").op, Op::Inserted);
    let e = by_new(&r, "ANNEX-II/A/OP3");
    assert_eq!((e.op, old_label(e)), (Op::Unchanged, "ANNEX-II/A/OP2"));
    assert_eq!(by_new(&r, "ANNEX-II/B/OP1(b)").op, Op::Edited);
    assert_eq!(by_new(&r, "OP1").op, Op::Unchanged);
}

#[test]
fn identical_drafts_exit_zero() {
    let o = redraft(&[
        "diff",
        "fixtures/identical/old.txt",
        "fixtures/identical/new.txt",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn hard_wrapped_lines_are_one_paragraph() {
    let o = redraft(&[
        "diff",
        "fixtures/hard-wrapped/old.txt",
        "fixtures/hard-wrapped/new.txt",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn encodings_parse_the_same() {
    let reference = load(&fixture("encodings/utf8.txt"));
    for name in ["utf8-bom-crlf.txt", "utf16le-bom.txt", "utf16be-bom.txt"] {
        let other = load(&fixture(&format!("encodings/{name}")));
        assert_eq!(other.to_text(), reference.to_text(), "{name}");
        assert_eq!(other.units.len(), reference.units.len(), "{name}");
    }
}

#[test]
fn differences_exit_one() {
    let o = redraft(&["diff", "fixtures/delete/old.txt", "fixtures/delete/new.txt"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

/// Regression (QA): deleting one of two near-identical paragraphs was shown
/// as a merge of both, and their footnotes were misattributed.
#[test]
fn near_duplicate_deleted_is_a_deletion_not_a_merge() {
    let r = redline_pair("near-duplicate-deleted");
    assert_eq!(r.summary().merged, 0);
    assert_eq!(deleted_labels(&r), ["PP2", "FN2"]);
    let kept = by_new(&r, "PP2");
    assert_eq!((kept.op, old_label(kept)), (Op::Edited, "PP3"));
    assert_eq!(
        redraft::render::redline::text::block(kept),
        "Noting [-also -]the report of the Bureau on cooperation,[^2]"
    );
    let note = by_new(&r, "FN2");
    assert_eq!((note.op, old_label(note)), (Op::Unchanged, "FN3"));
}

/// Regression (QA): a preambular paragraph that became operative was a
/// deletion and an insertion.
#[test]
fn kind_changed_preambular_becomes_operative() {
    let r = redline_pair("kind-changed");
    let e = by_new(&r, "OP2");
    assert_eq!((e.op, old_label(e)), (Op::Edited, "PP2"));
    assert_eq!(e.old[0].kind, UnitKind::Preambular);
    assert!(
        redraft::render::redline::text::block(e)
            .contains("[-Encouraging-]{+Encourages+} Member States")
    );
    assert_eq!((r.summary().inserted, r.summary().deleted), (0, 0));
}

/// Regression (QA): an operative paragraph demoted to a subparagraph.
#[test]
fn demoted_to_subparagraph() {
    let r = redline_pair("demoted-to-subparagraph");
    let e = by_new(&r, "OP1(c)");
    assert_eq!((e.op, old_label(e)), (Op::Edited, "OP2"));
    assert!(redraft::render::annotation(e).unwrap().contains("was OP2"));
    assert!(!redraft::render::annotation(e).unwrap().contains("formerly"));
}

/// Regression (QA): the same words typed on another machine (decomposed
/// accents, as macOS may write them; a zero-width space or soft hyphen
/// inside a word) are the same words.
#[test]
fn decomposed_accents_and_invisible_characters_are_no_change() {
    use unicode_normalization::UnicodeNormalization;
    let text = std::fs::read_to_string(fixture("annex-i/after.txt")).unwrap();
    let dir = temp_dir("unicode-forms");
    let nfd = dir.join("nfd.txt");
    std::fs::write(&nfd, text.nfd().collect::<String>()).unwrap();
    let invisible = dir.join("invisible.txt");
    std::fs::write(
        &invisible,
        text.replace("coopération", "coopé\u{200B}ra\u{AD}tion"),
    )
    .unwrap();
    for other in [&nfd, &invisible] {
        let o = redraft(&[
            "diff",
            "fixtures/annex-i/after.txt",
            other.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    }
    assert_eq!(
        load(&nfd).find("CHAPEAU").unwrap().text,
        "L’Assemblée des États Parties,"
    );
}

/// Regression (QA): the stub of a paragraph that moved away stood between
/// another paragraph's subparagraphs, so that (c) read as its own.
#[test]
fn moved_away_stub_stays_out_of_a_paragraphs_subparagraphs() {
    let r = redline_pair("moved-around-subparagraphs");
    let labels: Vec<String> = r
        .entries
        .iter()
        .map(|e| match e.op {
            Op::MovedAway => format!("stub {}", e.old[0].label),
            _ => e.label().to_string(),
        })
        .collect();
    let at = |l: &str| {
        labels
            .iter()
            .position(|x| x == l)
            .unwrap_or_else(|| panic!("{l} in {labels:?}"))
    };
    assert!(at("stub OP3") > at("OP3(c)"), "{labels:?}");
    assert_eq!(by_new(&r, "OP2").old[0].label, "OP3");
    assert!(by_new(&r, "OP2").moved);
    assert_eq!(r.summary().split, 1);
}
