//! The one road for every change: edits, their inverses, undo/redo, the
//! unsaved flag and re-validation, without any window.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use liaison_desk::edit::{Edit, EditError, Record, apply};
use liaison_desk::format::parse_str;
use liaison_desk::model::{Company, Dataset, ListKind};
use liaison_desk::stats::{Filter, summary};
use liaison_desk::workspace::Workspace;

fn sample() -> Dataset {
    parse_str(liaison_desk::SAMPLE_DATA)
        .expect("sample parses")
        .dataset
}

fn company(id: &str) -> Company {
    Company {
        id: id.to_owned(),
        name: Some(format!("{id} Ltd")),
        country: Some("JP".to_owned()),
        sector: None,
        size: None,
        website: None,
    }
}

#[test]
fn every_edit_is_undone_by_its_inverse() {
    let original = sample();
    let first_meeting = Record::get(&original, ListKind::Meetings, 0).unwrap();
    let Record::Meeting(mut changed) = first_meeting.clone() else {
        panic!("a meeting")
    };
    changed.topic = Some("Changed topic".to_owned());
    let edits = vec![
        Edit::Insert {
            index: original.companies.len(),
            record: Record::Company(company("new-co")),
        },
        Edit::Insert {
            index: 0,
            record: Record::Company(company("first-co")),
        },
        Edit::Replace {
            index: 0,
            record: Record::Meeting(changed),
        },
        Edit::Remove {
            list: ListKind::Contracts,
            index: 3,
        },
        Edit::Move {
            list: ListKind::Zones,
            from: 0,
            to: 2,
        },
        Edit::SetTitle(Some("Another title".to_owned())),
    ];
    for edit in edits.iter().cloned().chain([Edit::Batch(edits.clone())]) {
        let mut data = original.clone();
        let inverse = apply(&mut data, edit.clone()).unwrap();
        assert_ne!(data, original, "{edit:?} changed something");
        apply(&mut data, inverse).unwrap();
        assert_eq!(data, original, "{edit:?} undone");
    }
}

#[test]
fn an_edit_out_of_range_changes_nothing() {
    let original = sample();
    let mut data = original.clone();
    let len = data.meetings.len();
    let error = apply(
        &mut data,
        Edit::Batch(vec![
            Edit::SetTitle(None),
            Edit::Remove {
                list: ListKind::Meetings,
                index: len,
            },
        ]),
    )
    .unwrap_err();
    assert_eq!(
        error,
        EditError::OutOfRange {
            list: ListKind::Meetings,
            index: len,
            len
        }
    );
    assert_eq!(data, original, "the batch was rolled back");
}

#[test]
fn undo_and_redo_walk_the_history_and_track_unsaved_changes() {
    let mut ws = Workspace::new(sample());
    assert!(!ws.is_modified());
    let companies = ws.dataset().companies.len();
    let revision = ws.revision();

    ws.apply(
        "Add company",
        Edit::Insert {
            index: companies,
            record: Record::Company(company("kanto-optics")),
        },
    )
    .unwrap();
    assert!(ws.is_modified());
    assert!(ws.revision() > revision, "caches see the change");
    assert_eq!(ws.undo_label(), Some("Add company"));
    assert_eq!(ws.dataset().companies.len(), companies + 1);

    assert!(ws.undo());
    assert!(!ws.is_modified(), "back to the opened state");
    assert_eq!(ws.dataset().companies.len(), companies);
    assert_eq!(ws.redo_label(), Some("Add company"));

    assert!(ws.redo());
    assert!(ws.is_modified());
    assert_eq!(
        ws.dataset().companies.last().map(|c| c.id.as_str()),
        Some("kanto-optics")
    );

    ws.mark_saved();
    assert!(!ws.is_modified());
    assert!(ws.undo());
    assert!(ws.is_modified(), "undoing past a save is a change again");
    assert!(!ws.undo(), "nothing more to undo");
    assert!(ws.redo());
    assert!(!ws.is_modified());
}

#[test]
fn a_new_edit_clears_redo() {
    let mut ws = Workspace::new(sample());
    ws.apply("Title", Edit::SetTitle(Some("A".to_owned())))
        .unwrap();
    ws.undo();
    ws.apply("Title", Edit::SetTitle(Some("B".to_owned())))
        .unwrap();
    assert!(!ws.redo());
    assert_eq!(ws.dataset().title.as_deref(), Some("B"));
}

#[test]
fn problems_and_figures_follow_every_edit() {
    let mut ws = Workspace::new(sample());
    assert!(ws.problems().is_empty());
    let meetings = summary(ws.dataset(), &Filter::all()).total.meetings;
    let Some(Record::Meeting(mut meeting)) = Record::get(ws.dataset(), ListKind::Meetings, 0)
    else {
        panic!("a meeting")
    };
    meeting.company = "nobody".to_owned();
    ws.apply(
        "Edit meeting",
        Edit::Replace {
            index: 0,
            record: Record::Meeting(meeting),
        },
    )
    .unwrap();
    assert_eq!(ws.problems().len(), 1);
    assert!(
        ws.problems()[0]
            .to_string()
            .contains("unknown company \"nobody\"")
    );
    assert_eq!(
        summary(ws.dataset(), &Filter::all()).total.meetings,
        meetings,
        "still counted, in Unassigned"
    );
    ws.apply(
        "Delete meeting",
        Edit::Remove {
            list: ListKind::Meetings,
            index: 0,
        },
    )
    .unwrap();
    assert!(ws.problems().is_empty());
    assert_eq!(
        summary(ws.dataset(), &Filter::all()).total.meetings,
        meetings - 1
    );
    ws.undo();
    ws.undo();
    assert!(ws.problems().is_empty());
    assert_eq!(
        summary(ws.dataset(), &Filter::all()).total.meetings,
        meetings
    );
}

#[test]
fn references_name_every_record_that_points_to_a_company() {
    use liaison_desk::lookup::Lookup;
    let data = sample();
    let lookup = Lookup::new(&data);
    let company = &data
        .contracts
        .iter()
        .find_map(|c| c.company.clone())
        .unwrap();
    let refs = Lookup::references_to(&data, ListKind::Companies, company);
    let meetings = data
        .meetings
        .iter()
        .filter(|m| &m.company == company)
        .count();
    let contracts = data
        .contracts
        .iter()
        .filter(|c| c.company.as_ref() == Some(company))
        .count();
    assert_eq!(refs.len(), meetings + contracts);
    assert!(refs.iter().all(|r| r.field == "company"));
    for r in &refs {
        assert_eq!(lookup.position(r.list, &r.record_id), Some(r.index));
    }
    // References are shown as names, never raw ids.
    let index = lookup.position(ListKind::Companies, company).unwrap();
    assert_eq!(
        Some(lookup.name(&data, ListKind::Companies, company)),
        data.companies[index].name.clone()
    );
    assert_eq!(
        lookup.name(&data, ListKind::Companies, "zz"),
        "zz (missing)"
    );
    assert_eq!(lookup.name(&data, ListKind::Countries, "JP"), "Japan");
}
