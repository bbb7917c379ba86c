//! Re-validation and the lookup follow edits record by record when they can
//! (one record changed under the same id, one added at the end under a new
//! id): after any sequence of edits, undos and redos, the problems and the
//! lookup are exactly those of a full validation and a fresh index.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use liaison_desk::edit::{Edit, Record};
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::lookup::Lookup;
use liaison_desk::model::{Company, CountryNote, IsoDate, ListKind, Meeting};
use liaison_desk::validate::validate;
use liaison_desk::workspace::{Change, Workspace};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

/// Values that make problems, or mend them, or lean on other records.
const COMPANIES: [&str; 4] = ["", "nobody", "c-0001", "c-0002"];
const COUNTRIES: [&str; 5] = ["FR", "JP", "fr", "AQ", "ZZ"];
const DATES: [&str; 3] = ["2015-02-12", "2015-02-31", "someday"];

fn pick<'a>(rng: &mut ChaCha8Rng, values: &[&'a str]) -> &'a str {
    values[rng.random_range(0..values.len())]
}

fn assert_in_step(ws: &Workspace, step: usize) {
    assert_eq!(
        ws.problems(),
        validate(ws.dataset()).as_slice(),
        "problems differ from a full validation after step {step}"
    );
    assert!(
        *ws.lookup() == Lookup::new(ws.dataset()),
        "the lookup differs from a fresh one after step {step}"
    );
}

fn random_edit(rng: &mut ChaCha8Rng, ws: &Workspace, n: usize) -> Edit {
    let data = ws.dataset();
    match rng.random_range(0..10) {
        // Change a meeting, keeping its id: its company, date, follow-up.
        0..=3 => {
            let index = rng.random_range(0..data.meetings.len());
            let mut m = data.meetings[index].clone();
            m.company = pick(rng, &COMPANIES).to_owned();
            m.date = IsoDate::parse(pick(rng, &DATES));
            m.follow_up = rng.random_bool(0.3).then(|| IsoDate::parse("2014-01-01"));
            Edit::Replace {
                index,
                record: Record::Meeting(m),
            }
        }
        // Change a company's country (some not in `countries`, some not ISO).
        4 => {
            let index = rng.random_range(0..data.companies.len());
            let mut c = data.companies[index].clone();
            c.country = Some(pick(rng, &COUNTRIES).to_owned());
            Edit::Replace {
                index,
                record: Record::Company(c),
            }
        }
        // Add a meeting at the end: a new id, one that exists, or empty.
        5 | 6 => {
            let id = match rng.random_range(0..3) {
                0 => format!("new-{n}"),
                1 => data.meetings[0].id.clone(),
                _ => String::new(),
            };
            Edit::Insert {
                index: data.meetings.len(),
                record: Record::Meeting(Meeting {
                    id,
                    date: IsoDate::parse(pick(rng, &DATES)),
                    company: pick(rng, &COMPANIES).to_owned(),
                    affiliate: None,
                    institutes: Vec::new(),
                    initiative: None,
                    topic: None,
                    stage: None,
                    value_eur: None,
                    follow_up: None,
                    notes: None,
                }),
            }
        }
        // Add the company that meetings name but that does not exist yet.
        7 => Edit::Insert {
            index: data.companies.len(),
            record: Record::Company(Company {
                id: if rng.random_bool(0.5) {
                    "nobody".to_owned()
                } else {
                    format!("co-{n}")
                },
                name: Some("Someone".to_owned()),
                country: Some(pick(rng, &COUNTRIES).to_owned()),
                sector: None,
                size: None,
                website: None,
            }),
        },
        // A note in a country that may not be listed.
        8 => Edit::Insert {
            index: data.country_notes.len(),
            record: Record::CountryNote(CountryNote {
                id: format!("note-{n}"),
                country: Some(pick(rng, &COUNTRIES).to_owned()),
                title: None,
                body: None,
                tags: Vec::new(),
                updated: Some(IsoDate::parse(pick(rng, &DATES))),
                author: None,
            }),
        },
        // Remove a record somewhere: everything starts again.
        _ => Edit::Remove {
            list: ListKind::Meetings,
            index: rng.random_range(0..data.meetings.len()),
        },
    }
}

#[test]
fn problems_and_lookup_equal_a_full_validation_after_any_edits() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut ws = Workspace::new(generate(GenerateOptions {
        meetings: 300,
        seed: 5,
    }));
    let mut followed = 0;
    for step in 0..600 {
        match rng.random_range(0..10) {
            0 => {
                ws.undo();
            }
            1 => {
                ws.redo();
            }
            _ => {
                let edit = random_edit(&mut rng, &ws, step);
                ws.apply("Random edit", edit).unwrap();
            }
        }
        if matches!(
            ws.last_change(),
            Change::Replaced { .. } | Change::Appended { .. }
        ) {
            followed += 1;
        }
        assert_in_step(&ws, step);
    }
    assert!(
        followed > 200,
        "most edits are followed record by record ({followed})"
    );
}

#[test]
fn changing_a_meeting_is_followed_record_by_record() {
    let mut ws = Workspace::new(generate(GenerateOptions {
        meetings: 50,
        seed: 2,
    }));
    let mut m = ws.dataset().meetings[3].clone();
    m.company = "nobody".to_owned();
    ws.apply(
        "Edit",
        Edit::Replace {
            index: 3,
            record: Record::Meeting(m),
        },
    )
    .unwrap();
    assert_eq!(
        ws.last_change(),
        Change::Replaced {
            list: ListKind::Meetings,
            index: 3
        }
    );
    assert_eq!(ws.problems().len(), 1);
    assert!(ws.problems()[0].message.contains("unknown company"));
    ws.undo();
    assert!(ws.problems().is_empty());
}
