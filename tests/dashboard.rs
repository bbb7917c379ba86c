//! The dashboard's figures against numbers counted by hand on a small file,
//! and against `summary` and the drill-down on the sample.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use chrono::NaiveDate;
use liaison_desk::dashboard::{
    Bucket, Dashboard, Drill, KeyFigures, StagePick, ZoneCharts, matching, series_cells,
};
use liaison_desk::format::parse_str;
use liaison_desk::model::{AffiliateStatus, ContractKind, Dataset, ListKind, Stage};
use liaison_desk::stats::{Filter, HeldBy, summary};

/// Europe (DE, IT), Asia (JP), and Brazil unassigned. Hand counts are in
/// the tests' comments.
const FILE: &str = r#"(
    format: 1,
    zones: [(id: "europe", name: "Europe"), (id: "asia", name: "Asia-Pacific")],
    countries: [(code: "DE", zone: "europe"), (code: "IT", zone: "europe"), (code: "JP", zone: "asia")],
    institutes: [(id: "i1", name: "One"), (id: "i2", name: "Two")],
    affiliates: [
        (id: "munich", name: "Munich", country: "DE", status: Active, opened: "2013-01-01", institutes: ["i1"]),
        (id: "milan", name: "Milan", country: "IT", status: Closed),
        (id: "tokyo", name: "Tokyo", country: "JP", status: Planned, opened: "2016-01-01"),
        (id: "osaka", name: "Osaka", country: "JP", status: Active, opened: "2015-03-01", institutes: ["i2"]),
        (id: "rio", name: "Rio", country: "BR"),
    ],
    companies: [
        (id: "de1", country: "DE"), (id: "de2", country: "DE"), (id: "jp1", country: "JP"),
        (id: "br1", country: "BR"), (id: "it1", country: "IT"),
    ],
    meetings: [
        (id: "m1", date: "2014-01-10", company: "de1", affiliate: "munich", institutes: ["i1"], initiative: "GLOBAL CARE", stage: FirstContact, value_eur: 100),
        (id: "m2", date: "2014-05-10", company: "de1", affiliate: "munich", institutes: ["i1"], initiative: "GLOBAL CARE", stage: Proposal, value_eur: 200),
        (id: "m3", date: "2015-01-10", company: "de2", institutes: ["i2"], stage: Negotiation, value_eur: 300),
        (id: "m4", date: "2014-03-01", company: "jp1", affiliate: "osaka", institutes: ["i2"], initiative: "GLOBAL CARE", stage: ContractSigned, value_eur: 400),
        (id: "m5", date: "2013-03-01", company: "br1", value_eur: 50),
        (id: "m6", date: "2014-11-20", company: "jp1", affiliate: "osaka", institutes: ["i1"], initiative: "AGRI", stage: Closed, value_eur: 600),
        (id: "m7", date: "2015-07-01", company: "it1", affiliate: "munich", institutes: ["i1"], stage: FollowUp),
    ],
    country_notes: [(id: "n1", country: "JP"), (id: "n2", country: "IT")],
    contracts: [
        (id: "c1", kind: Bilateral, company: "de1", signed: "2014-06-01", amount_eur: 100000, institutes: ["i1"], meeting: "m2"),
        (id: "c2", kind: Bilateral, company: "jp1", signed: "2015-06-01", amount_eur: 250000, institutes: ["i2"], meeting: "m4"),
        (id: "c3", kind: European, country: "IT", signed: "2014-09-01", amount_eur: 1000000, institutes: ["i1", "i2"]),
        (id: "c4", kind: European, country: "JP", amount_eur: 40000),
        (id: "c5", kind: Bilateral, company: "br1", signed: "2014-02-02"),
    ],
)"#;

fn data() -> Dataset {
    parse_str(FILE).expect("test file parses").dataset
}

fn zone<'a>(d: &'a Dashboard, id: &str) -> &'a ZoneCharts {
    let slot = d
        .summary
        .rows
        .iter()
        .position(|r| r.zone_id == id)
        .unwrap_or_else(|| panic!("no zone {id}"));
    &d.zones[slot]
}

/// Stacks in the order of `Stage::ALL`, then "no stage".
fn stages(pairs: &[(Stage, u64)], none: u64) -> [u64; 7] {
    let mut out = [0; 7];
    for (stage, n) in pairs {
        out[Stage::ALL.iter().position(|s| s == stage).unwrap()] = *n;
    }
    out[6] = none;
    out
}

#[test]
fn charts_of_the_whole_file_match_hand_counts() {
    let d = Dashboard::new(&data(), &Filter::all());
    let europe = zone(&d, "europe");
    // m1 FirstContact, m2 Proposal, m3 Negotiation, m7 FollowUp.
    assert_eq!(
        europe.meetings_by_stage,
        stages(
            &[
                (Stage::FirstContact, 1),
                (Stage::FollowUp, 1),
                (Stage::Proposal, 1),
                (Stage::Negotiation, 1)
            ],
            0
        )
    );
    // Everyone had a first contact; m2, m3, m7 went further; m2, m3 reached a
    // proposal; m3 negotiation; nobody signed.
    assert_eq!(europe.reached, [4, 3, 2, 1, 0]);
    assert_eq!(europe.open_pipeline_eur, 600);
    // Milan is closed.
    assert_eq!(
        (europe.active_affiliates, europe.planned_affiliates),
        (1, 0)
    );
    // DE and IT have meetings; IT has a note.
    assert_eq!(
        (europe.countries_met, europe.countries_without_note),
        (2, 1)
    );

    let asia = zone(&d, "asia");
    assert_eq!(
        asia.meetings_by_stage,
        stages(&[(Stage::ContractSigned, 1), (Stage::Closed, 1)], 0)
    );
    // m4 signed: it reached every step; m6 closed: a first contact only.
    assert_eq!(asia.reached, [2, 1, 1, 1, 1]);
    assert_eq!(asia.open_pipeline_eur, 0);
    assert_eq!((asia.active_affiliates, asia.planned_affiliates), (1, 1));
    assert_eq!((asia.countries_met, asia.countries_without_note), (1, 0));

    // Brazil is not assigned: Rio has no status (counts as active), m5 no stage.
    let unassigned = zone(&d, "unassigned");
    assert_eq!(unassigned.meetings_by_stage, stages(&[], 1));
    assert_eq!(unassigned.reached, [1, 0, 0, 0, 0]);
    assert_eq!(unassigned.open_pipeline_eur, 50);
    assert_eq!(unassigned.active_affiliates, 1);

    assert_eq!(
        d.current,
        KeyFigures {
            active_affiliates: 3,
            companies_met: 5,
            meetings: 7,
            open_pipeline_eur: 650,
            bilateral_eur: 350_000,
            european_eur: 1_040_000,
        }
    );
    // No period: nothing to compare with.
    assert_eq!(d.previous, None);

    let uncovered: Vec<(&str, u64)> = d
        .uncovered
        .iter()
        .map(|u| (u.country.as_str(), u.meetings))
        .collect();
    assert_eq!(uncovered, [("DE", 3), ("BR", 1)]);

    let japan = &d.countries["JP"];
    assert_eq!(
        (
            japan.meetings,
            japan.companies_met,
            japan.affiliates,
            japan.notes
        ),
        (2, 1, 2, 1)
    );
}

#[test]
fn a_year_is_compared_with_the_year_before() {
    let d = Dashboard::new(&data(), &Filter::year(2014));
    // m1, m2 (Europe), m4, m6 (Asia); de1 and jp1 met; m1 + m2 still open;
    // c1 and c5 bilateral, c3 European; Munich and Rio were open by then
    // (Tokyo opens in 2016, Osaka in 2015).
    assert_eq!(
        d.current,
        KeyFigures {
            active_affiliates: 2,
            companies_met: 2,
            meetings: 4,
            open_pipeline_eur: 300,
            bilateral_eur: 100_000,
            european_eur: 1_000_000,
        }
    );
    let (previous, figures) = d.previous.clone().expect("a year has a previous year");
    assert_eq!(previous, Filter::year(2013));
    // Only m5 in 2013.
    assert_eq!(
        figures,
        KeyFigures {
            active_affiliates: 2,
            companies_met: 1,
            meetings: 1,
            open_pipeline_eur: 50,
            bilateral_eur: 0,
            european_eur: 0,
        }
    );
    assert_eq!(zone(&d, "asia").active_affiliates, 0);
    assert_eq!(zone(&d, "asia").planned_affiliates, 0);

    // One bucket per year and per quarter of the period, no gaps.
    assert_eq!(
        d.by_year.buckets,
        [Bucket {
            year: 2014,
            quarter: None
        }]
    );
    assert_eq!(d.by_quarter.buckets.len(), 4);
    let q = |quarter| Bucket {
        year: 2014,
        quarter: Some(quarter),
    };
    let cells: Vec<((usize, Bucket), u64)> = series_cells(&d.by_quarter).into_iter().collect();
    // Europe: m1 in Q1, m2 in Q2; Asia: m4 in Q1, m6 in Q4.
    assert_eq!(
        cells,
        [
            ((0, q(1)), 1),
            ((0, q(2)), 1),
            ((1, q(1)), 1),
            ((1, q(4)), 1)
        ]
    );
}

#[test]
fn the_period_before_a_range_has_the_same_length() {
    let day = |m, d| NaiveDate::from_ymd_opt(2014, m, d);
    let march = Filter {
        from: day(3, 1),
        to: day(3, 31),
        ..Filter::all()
    };
    let before = march.previous().expect("bounded");
    assert_eq!((before.from, before.to), (day(1, 29), day(2, 28)));
    let years = Filter::all()
        .with_years(2013, 2014)
        .previous()
        .expect("bounded");
    assert_eq!(years, Filter::all().with_years(2011, 2012));
    let open_ended = Filter {
        from: day(3, 1),
        ..Filter::all()
    };
    assert_eq!(open_ended.previous(), None);
}

#[test]
fn institute_initiative_and_affiliate_filters() {
    let dataset = data();
    let with = |filter: Filter| Dashboard::new(&dataset, &filter).current;

    // i1: meetings m1, m2, m6, m7; contracts c1 and c3; only Munich lists i1.
    let i1 = with(Filter {
        institute: Some("i1".into()),
        ..Filter::all()
    });
    assert_eq!(
        (
            i1.meetings,
            i1.active_affiliates,
            i1.bilateral_eur,
            i1.european_eur
        ),
        (4, 1, 100_000, 1_000_000)
    );

    // GLOBAL CARE: m1, m2, m4, and the contracts that came of them (c1, c2);
    // c3 came of no meeting. Affiliates are not tied to an initiative.
    let care = with(Filter {
        initiative: Some("GLOBAL CARE".into()),
        ..Filter::all()
    });
    assert_eq!(
        (
            care.meetings,
            care.active_affiliates,
            care.bilateral_eur,
            care.european_eur
        ),
        (3, 3, 350_000, 0)
    );

    // Osaka: m4, m6, contract c2, and Osaka itself.
    let osaka = with(Filter {
        held_by: Some(HeldBy::Affiliate("osaka".into())),
        ..Filter::all()
    });
    assert_eq!(
        (
            osaka.meetings,
            osaka.companies_met,
            osaka.active_affiliates,
            osaka.bilateral_eur
        ),
        (2, 1, 1, 250_000)
    );

    // The head office: m3 and m5, no contract came of them, no affiliate.
    let head = with(Filter {
        held_by: Some(HeldBy::HeadOffice),
        ..Filter::all()
    });
    assert_eq!(
        (head.meetings, head.active_affiliates, head.bilateral_eur),
        (2, 0, 0)
    );
}

#[test]
fn drilling_down_finds_the_records_behind_a_bar() {
    let dataset = data();
    let drill = |list, drill: Drill| matching(&dataset, list, &drill);
    let europe = || Drill {
        zone: Some("europe".into()),
        ..Drill::default()
    };
    let asia = || Drill {
        zone: Some("asia".into()),
        ..Drill::default()
    };

    let proposal = Drill {
        stage: Some(StagePick::Exactly(Some(Stage::Proposal))),
        ..europe()
    };
    assert_eq!(drill(ListKind::Meetings, proposal), [1]);
    // Companies met in Europe: de1, de2, it1.
    assert_eq!(drill(ListKind::Companies, europe()), [0, 1, 4]);
    let reached = Drill {
        stage: Some(StagePick::Reached(Stage::FollowUp)),
        ..asia()
    };
    assert_eq!(drill(ListKind::Meetings, reached), [3]);
    let open = Drill {
        stage: Some(StagePick::Open),
        ..europe()
    };
    assert_eq!(drill(ListKind::Meetings, open), [0, 1, 2, 6]);
    let first_quarter = Drill {
        bucket: Some(Bucket {
            year: 2014,
            quarter: Some(1),
        }),
        ..asia()
    };
    assert_eq!(drill(ListKind::Meetings, first_quarter), [3]);
    let european = Drill {
        contract_kind: Some(ContractKind::European),
        ..europe()
    };
    assert_eq!(drill(ListKind::Contracts, european), [2]);
    let planned = Drill {
        affiliate_status: Some(AffiliateStatus::Planned),
        ..asia()
    };
    assert_eq!(drill(ListKind::Affiliates, planned), [2]);
    let uncovered = Drill {
        uncovered_only: true,
        ..Drill::default()
    };
    assert_eq!(drill(ListKind::Meetings, uncovered), [0, 1, 2, 4]);
    let japan = Drill {
        country: Some("JP".into()),
        ..Drill::default()
    };
    assert_eq!(drill(ListKind::Meetings, japan), [3, 5]);
}

/// On the sample, for several filters: the dashboard's figures by zone are
/// `summary`'s, its stacks add up to them, and every bar's drill-down finds
/// exactly as many records as the bar counts.
#[test]
fn the_sample_agrees_with_summary_and_the_drill_down() {
    let dataset = parse_str(liaison_desk::SAMPLE_DATA)
        .expect("sample parses")
        .dataset;
    let latest = *liaison_desk::stats::years(&dataset).last().expect("dated");
    let initiative = liaison_desk::stats::initiatives(&dataset)
        .first()
        .cloned()
        .expect("the sample names initiatives");
    let filters = [
        Filter::all(),
        Filter::year(latest),
        Filter {
            initiative: Some(initiative),
            ..Filter::year(latest)
        },
        Filter {
            institute: dataset.institutes.first().map(|i| i.id.clone()),
            ..Filter::all()
        },
    ];
    for filter in filters {
        let d = Dashboard::new(&dataset, &filter);
        assert_eq!(d.summary, summary(&dataset, &filter));
        assert_eq!(d.zones.len(), d.summary.rows.len());
        for (row, charts) in d.summary.rows.iter().zip(&d.zones) {
            assert_eq!(charts.meetings_by_stage.iter().sum::<u64>(), row.meetings);
            assert_eq!(charts.reached[0], row.meetings);
            let in_zone = Drill {
                filter: filter.clone(),
                zone: Some(row.zone_id.clone()),
                ..Drill::default()
            };
            assert_eq!(
                matching(&dataset, ListKind::Meetings, &in_zone).len() as u64,
                row.meetings
            );
            assert_eq!(
                matching(&dataset, ListKind::Companies, &in_zone).len() as u64,
                row.companies_met
            );
            for (slot, count) in charts.meetings_by_stage.iter().enumerate() {
                let stage = Stage::ALL.get(slot).copied();
                let bar = Drill {
                    stage: Some(StagePick::Exactly(stage)),
                    ..in_zone.clone()
                };
                assert_eq!(
                    matching(&dataset, ListKind::Meetings, &bar).len() as u64,
                    *count
                );
            }
            let time: u64 = d
                .by_year
                .counts
                .get(d.summary.rows.iter().position(|r| r == row).unwrap())
                .map(|c| c.iter().sum())
                .unwrap_or(0);
            // The sample's dates are all valid and recent: none left out.
            assert_eq!(d.by_year.left_out, 0);
            assert_eq!(time, row.meetings);
        }
    }
}
