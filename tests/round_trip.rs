//! Reading back what was written gives the same data, and writing it again
//! gives the same bytes: properties over generated datasets whose text is
//! full of accents, CJK, emoji, quotes, backslashes, hashes, tabs and newlines.

use chrono::NaiveDate;
use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::model::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Text that stresses escaping and raw strings.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("é".to_owned()),
        Just("東京".to_owned()),
        Just("🚀".to_owned()),
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("#".to_owned()),
        Just("\"#".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("// not a comment".to_owned()),
        Just("r#\"".to_owned()),
        Just("\u{0301}".to_owned()),
        Just("\u{7}".to_owned()),
        "[a-zA-Z0-9 ,.()-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    vec(pieces, 0..8).prop_map(|parts| parts.concat())
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z][a-z0-9-]{0,8}", text()]
}

fn date() -> impl Strategy<Value = IsoDate> {
    prop_oneof![
        (1900i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| {
            IsoDate::Valid(NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN))
        }),
        // Invalid dates are kept as written.
        text().prop_map(|t| IsoDate::parse(&t)),
    ]
}

fn stage() -> impl Strategy<Value = Stage> {
    proptest::sample::select(Stage::ALL.to_vec())
}

fn affiliate() -> impl Strategy<Value = Affiliate> {
    (
        (id(), text(), "[A-Z]{2}", option::of(text())),
        option::of(proptest::sample::select(vec![
            AffiliateStatus::Active,
            AffiliateStatus::Planned,
            AffiliateStatus::Closed,
        ])),
        option::of(date()),
        vec(id(), 0..3),
        option::of((option::of(text()), option::of(text()), option::of(text()))),
        option::of(text()),
    )
        .prop_map(
            |((id, name, country, city), status, opened, institutes, contact, notes)| {
                // An empty contact is not written, so it reads back as absent.
                let contact = contact
                    .map(|(name, email, phone)| Contact { name, email, phone })
                    .filter(|c| !c.is_empty());
                Affiliate {
                    id,
                    name,
                    country,
                    city,
                    status,
                    opened,
                    institutes,
                    contact,
                    notes,
                }
            },
        )
}

fn company() -> impl Strategy<Value = Company> {
    (
        id(),
        option::of(text()),
        option::of("[A-Z]{2}"),
        option::of(text()),
        option::of(proptest::sample::select(vec![
            CompanySize::Startup,
            CompanySize::Sme,
            CompanySize::MidCap,
            CompanySize::Large,
        ])),
        option::of(text()),
    )
        .prop_map(|(id, name, country, sector, size, website)| Company {
            id,
            name,
            country,
            sector,
            size,
            website,
        })
}

fn meeting() -> impl Strategy<Value = Meeting> {
    (
        (id(), date(), id(), option::of(id())),
        (vec(id(), 0..3), option::of(text()), option::of(text())),
        (
            option::of(stage()),
            option::of(any::<u64>()),
            option::of(date()),
            option::of(text()),
        ),
    )
        .prop_map(
            |(
                (id, date, company, affiliate),
                (institutes, initiative, topic),
                (stage, value_eur, follow_up, notes),
            )| {
                Meeting {
                    id,
                    date,
                    company,
                    affiliate,
                    institutes,
                    initiative,
                    topic,
                    stage,
                    value_eur,
                    follow_up,
                    notes,
                }
            },
        )
}

fn note() -> impl Strategy<Value = CountryNote> {
    (
        id(),
        option::of("[A-Z]{2}"),
        option::of(text()),
        option::of(text()),
        vec(text(), 0..3),
        option::of(date()),
        option::of(text()),
    )
        .prop_map(
            |(id, country, title, body, tags, updated, author)| CountryNote {
                id,
                country,
                title,
                body,
                tags,
                updated,
                author,
            },
        )
}

fn contract() -> impl Strategy<Value = Contract> {
    (
        (
            id(),
            option::of(text()),
            option::of(proptest::sample::select(vec![
                ContractKind::Bilateral,
                ContractKind::European,
            ])),
        ),
        (option::of(id()), option::of("[A-Z]{2}"), option::of(text())),
        (
            vec(id(), 0..3),
            option::of(date()),
            option::of(any::<u64>()),
            option::of(id()),
        ),
    )
        .prop_map(
            |(
                (id, title, kind),
                (company, country, programme),
                (institutes, signed, amount_eur, meeting),
            )| Contract {
                id,
                title,
                kind,
                company,
                country,
                programme,
                institutes,
                signed,
                amount_eur,
                meeting,
            },
        )
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        option::of(text()),
        vec(
            (id(), option::of(text())).prop_map(|(id, name)| Zone { id, name }),
            0..3,
        ),
        vec(
            ("[A-Z]{2}", option::of(id())).prop_map(|(code, zone)| CountryZone { code, zone }),
            0..3,
        ),
        vec(
            (id(), option::of(text()), option::of(text()))
                .prop_map(|(id, name, domain)| Institute { id, name, domain }),
            0..3,
        ),
        vec(affiliate(), 0..3),
        vec(company(), 0..3),
        vec(meeting(), 0..4),
        vec(note(), 0..3),
        vec(contract(), 0..3),
    )
        .prop_map(
            |(
                title,
                zones,
                countries,
                institutes,
                affiliates,
                companies,
                meetings,
                country_notes,
                contracts,
            )| Dataset {
                format: FORMAT_VERSION,
                title,
                zones,
                countries,
                institutes,
                affiliates,
                companies,
                meetings,
                country_notes,
                contracts,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn writing_then_reading_gives_the_same_data_and_the_same_bytes(data in dataset()) {
        let written = to_ron_string(&data);
        let read = match parse_str(&written) {
            Ok(parsed) => parsed,
            Err(e) => return Err(TestCaseError::fail(format!("{e:?} in\n{written}"))),
        };
        prop_assert!(!read.has_comments, "no comment was written");
        prop_assert_eq!(&read.dataset, &data);
        prop_assert_eq!(to_ron_string(&read.dataset), written);
    }

    #[test]
    fn windows_line_endings_in_a_saved_file_read_the_same(data in dataset()) {
        // A file checked out with CRLF endings: raw strings keep their LF text,
        // escaped strings are untouched (their \r\n are escapes, not bytes).
        let written = to_ron_string(&data);
        let crlf = written.replace('\n', "\r\n");
        let read = parse_str(&crlf).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(read.dataset, data);
    }
}

#[test]
fn the_layout_is_one_field_per_line_with_multi_line_text_as_raw_strings() {
    let data = Dataset {
        title: Some("Carnot — international".to_owned()),
        country_notes: vec![CountryNote {
            id: "jp-funding".to_owned(),
            country: Some("JP".to_owned()),
            title: None,
            body: Some("First paragraph.\n\n- a \"quoted\" item".to_owned()),
            tags: vec!["funding".to_owned(), "ip".to_owned()],
            updated: Some(IsoDate::parse("2015-01-10")),
            author: None,
        }],
        ..Dataset::default()
    };
    let expected = "#![enable(implicit_some)]
(
    format: 1,
    title: \"Carnot — international\",
    zones: [],
    countries: [],
    institutes: [],
    affiliates: [],
    companies: [],
    meetings: [],
    country_notes: [
        (
            id: \"jp-funding\",
            country: \"JP\",
            body: r#\"First paragraph.

- a \"quoted\" item\"#,
            tags: [\"funding\", \"ip\"],
            updated: \"2015-01-10\",
        ),
    ],
    contracts: [],
)
";
    assert_eq!(to_ron_string(&data), expected);
}
