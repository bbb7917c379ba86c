//! Figures by zone against numbers counted by hand on a small file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use liaison_desk::format::parse_str;
use liaison_desk::stats::{Filter, Summary, ZoneFigures, summary};

/// Two zones; Brazil is used but not assigned; one affiliate is closed; a
/// European contract has its own country; one contract has no date.
const FILE: &str = r#"(
    format: 1,
    zones: [(id: "europe", name: "Europe"), (id: "asia", name: "Asia-Pacific")],
    countries: [(code: "DE", zone: "europe"), (code: "IT", zone: "europe"), (code: "JP", zone: "asia")],
    affiliates: [
        (id: "munich", name: "Munich", country: "DE", status: Active),
        (id: "milan", name: "Milan", country: "IT", status: Closed),
        (id: "tokyo", name: "Tokyo", country: "JP", status: Planned),
        (id: "rio", name: "Rio", country: "BR"),
    ],
    companies: [
        (id: "de1", country: "DE"), (id: "de2", country: "DE"), (id: "it1", country: "IT"),
        (id: "jp1", country: "JP"), (id: "br1", country: "BR"),
    ],
    meetings: [
        (id: "m1", date: "2014-01-10", company: "de1"),
        (id: "m2", date: "2014-05-10", company: "de1"),
        (id: "m3", date: "2015-01-10", company: "de2"),
        (id: "m4", date: "2014-03-01", company: "jp1"),
        (id: "m5", date: "2013-03-01", company: "br1"),
    ],
    country_notes: [(id: "n1", country: "JP"), (id: "n2", country: "IT"), (id: "n3", country: "JP")],
    contracts: [
        (id: "c1", kind: Bilateral, company: "de1", signed: "2014-06-01", amount_eur: 100000),
        (id: "c2", kind: Bilateral, company: "jp1", signed: "2015-06-01", amount_eur: 250000),
        (id: "c3", kind: European, country: "IT", signed: "2014-09-01", amount_eur: 1000000),
        (id: "c4", kind: European, country: "JP", amount_eur: 40000),
        (id: "c5", kind: Bilateral, company: "br1", signed: "2014-02-02"),
    ],
)"#;

fn figures(filter: Filter) -> Summary {
    summary(&parse_str(FILE).expect("test file parses").dataset, &filter)
}

fn row<'a>(s: &'a Summary, zone: &str) -> &'a ZoneFigures {
    s.rows
        .iter()
        .find(|r| r.zone_id == zone)
        .unwrap_or_else(|| panic!("no row {zone}"))
}

#[test]
fn figures_of_the_whole_file() {
    let s = figures(Filter::all());
    let ids: Vec<&str> = s.rows.iter().map(|r| r.zone_id.as_str()).collect();
    assert_eq!(ids, ["europe", "asia", "unassigned"]);

    let europe = row(&s, "europe");
    // Milan is closed: only Munich counts.
    assert_eq!(europe.affiliates, 1);
    assert_eq!(europe.companies, 3);
    assert_eq!(europe.companies_met, 2);
    assert_eq!(europe.meetings, 3);
    assert_eq!(europe.country_notes, 1);
    assert_eq!(europe.contracts, 2);
    assert_eq!(europe.bilateral_eur, 100_000);
    assert_eq!(europe.european_eur, 1_000_000);

    let asia = row(&s, "asia");
    assert_eq!(
        asia.numbers(),
        [1, 1, 1, 1, 2, 2, 250_000, 40_000],
        "Planned Tokyo counts; c4 has no date but counts without a period"
    );

    let unassigned = row(&s, "unassigned");
    assert_eq!(unassigned.zone_name, "Unassigned");
    assert_eq!(unassigned.numbers(), [1, 1, 1, 1, 0, 1, 0, 0]);

    assert_eq!(s.total.numbers(), [3, 5, 4, 5, 3, 5, 350_000, 1_040_000]);
}

#[test]
fn a_year_restricts_meetings_and_contracts_only() {
    let s = figures(Filter::year(2014));
    let europe = row(&s, "europe");
    assert_eq!(europe.companies, 3, "companies are not filtered by period");
    assert_eq!(europe.meetings, 2);
    assert_eq!(europe.companies_met, 1);
    assert_eq!(europe.contracts, 2);
    let asia = row(&s, "asia");
    // c2 signed in 2015, c4 undated: both left out.
    assert_eq!(
        (asia.contracts, asia.bilateral_eur, asia.european_eur),
        (0, 0, 0)
    );
    assert_eq!(asia.meetings, 1);
    let unassigned = row(&s, "unassigned");
    // m5 is from 2013; c5 from 2014 with no amount.
    assert_eq!((unassigned.meetings, unassigned.contracts), (0, 1));
    assert_eq!(s.total.numbers(), [3, 5, 2, 3, 3, 3, 100_000, 1_000_000]);
}

#[test]
fn unassigned_appears_only_when_something_falls_there() {
    let text = r#"(format: 1, zones: [(id: "europe")], countries: [(code: "DE", zone: "europe")],
                   companies: [(id: "a", country: "DE")])"#;
    let s = summary(&parse_str(text).unwrap().dataset, &Filter::all());
    let ids: Vec<&str> = s.rows.iter().map(|r| r.zone_id.as_str()).collect();
    assert_eq!(ids, ["europe"]);
    assert_eq!(s.total.zone_id, "total");
}

#[test]
fn a_country_assigned_to_an_unknown_zone_counts_as_unassigned() {
    let text = r#"(format: 1, zones: [(id: "europe")], countries: [(code: "DE", zone: "europa")],
                   companies: [(id: "a", country: "DE")])"#;
    let s = summary(&parse_str(text).unwrap().dataset, &Filter::all());
    assert_eq!(row(&s, "europe").companies, 0);
    assert_eq!(row(&s, "unassigned").companies, 1);
}
