//! Importing spreadsheets: CSV as French Excel and others save it, XLSX and
//! ODS, column mapping, date and number formats, the dry run's outcome for
//! each row, companies named by name, the edit and its undo, and the
//! command line through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use liaison_desk::edit::{self, Edit, Record};
use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::import::{
    self, DateOrder, DecimalMark, ImportError, MAX_IMPORT_BYTES, Plan, RowOutcome, SourceKind,
    Table, TextEncoding, WorkbookFormat, auto_mapping, detect_formats, table_from_bytes,
};
use liaison_desk::model::{Dataset, ListKind, Meeting, Stage};

const BIN: &str = env!("CARGO_BIN_EXE_liaison-desk");

const DATA: &str = r#"(
    format: 1,
    zones: [(id: "europe", name: "Europe"), (id: "asia-pacific", name: "Asia-Pacific")],
    countries: [(code: "FR", zone: "europe"), (code: "DE", zone: "europe"), (code: "JP", zone: "asia-pacific")],
    institutes: [(id: "curie-cancer", name: "Carnot Curie Cancer")],
    affiliates: [(id: "tokyo", name: "Carnot office Tokyo", country: "JP")],
    companies: [
        (id: "acme-bio", name: "Acme Bio Inc.", country: "FR"),
        (id: "kanto", name: "Kanto Optics", country: "JP"),
        (id: "muller", name: "Müller GmbH", country: "DE"),
    ],
    meetings: [
        (id: "m-0001", date: "2015-02-12", company: "acme-bio", topic: "Biomarkers", value_eur: 1000),
        (id: "m-0002", date: "2015-03-12", company: "kanto", topic: "Optics"),
    ],
)"#;

fn dataset() -> Dataset {
    parse_str(DATA).expect("the test data parses").dataset
}

fn table(name: &str, bytes: &[u8]) -> Table {
    table_from_bytes(Path::new(name), bytes).unwrap_or_else(|e| panic!("{name} should read: {e}"))
}

fn plan_of(dataset: &Dataset, list: ListKind, table: &Table) -> Plan {
    let mapping = auto_mapping(list, &table.headers);
    let formats = detect_formats(table);
    import::plan(dataset, list, table, &mapping, &formats)
}

/// The outcome of the row numbered `row` as the user sees it.
fn outcome(plan: &Plan, row: usize) -> &RowOutcome {
    &plan
        .rows
        .iter()
        .find(|r| r.row == row)
        .unwrap_or_else(|| panic!("no row {row} in {:#?}", plan.rows))
        .outcome
}

fn added_meeting(plan: &Plan, row: usize) -> Meeting {
    match outcome(plan, row) {
        RowOutcome::Add(Record::Meeting(m)) => m.clone(),
        other => panic!("row {row}: expected a meeting added, got {other:?}"),
    }
}

fn error_of(plan: &Plan, row: usize) -> String {
    match outcome(plan, row) {
        RowOutcome::Error { reason } => reason.clone(),
        other => panic!("row {row}: expected an error, got {other:?}"),
    }
}

/// Windows-1252 bytes as French Excel saves "CSV (séparateur: point-virgule)":
/// no byte-order mark, semicolons, CRLF, dd/mm/yyyy, decimal comma, a
/// no-break space (0xA0) or a space between thousands, a euro sign (0x80).
const FRENCH_EXCEL: &[u8] = b"Identifiant;Date;Soci\xe9t\xe9;Montant;Sujet;\xc9tape\r\n\
m-0001;12/02/2015;acme-bio;1\xa0200,00 \x80;Biomarkers;Suivi\r\n\
;13/02/2015;Kanto Optics;1200,5;R\xe9union \xe0 Tokyo;Premier contact\r\n\
;01/03/2015;Muller GmbH;2 500 000,00 \x80;;\r\n";

#[test]
fn a_csv_saved_by_french_excel_imports_right() {
    let data = dataset();
    let table = table("rendez-vous.csv", FRENCH_EXCEL);
    let SourceKind::Csv {
        encoding,
        delimiter,
    } = table.source.kind
    else {
        panic!("a CSV source: {:?}", table.source)
    };
    assert_eq!(encoding, TextEncoding::Windows1252);
    assert_eq!(delimiter.byte, b';');
    assert_eq!(table.headers.get(2).map(String::as_str), Some("Société"));

    let formats = detect_formats(&table);
    let date = formats.date(1);
    assert_eq!((date.order, date.assumed), (DateOrder::DayFirst, false));
    assert_eq!(formats.number(3).decimal, DecimalMark::Comma);

    let plan = plan_of(&data, ListKind::Meetings, &table);
    match outcome(&plan, 2) {
        RowOutcome::Update {
            index: 0,
            record: Record::Meeting(m),
            changed,
        } => {
            assert_eq!(m.value_eur, Some(1200));
            assert_eq!(m.stage, Some(Stage::FollowUp));
            assert_eq!(changed, &["stage", "value_eur"]);
        }
        other => panic!("row 2 should update m-0001: {other:?}"),
    }
    let m = added_meeting(&plan, 3);
    assert_eq!(m.id, "m-0003");
    assert_eq!(m.date.to_string(), "2015-02-13");
    assert_eq!(m.company, "kanto", "the company is found by its name");
    assert_eq!(m.value_eur, Some(1201), "1200,5 € rounds to whole euros");
    assert_eq!(m.topic.as_deref(), Some("Réunion à Tokyo"));
    assert_eq!(m.stage, Some(Stage::FirstContact));
    let notes = &plan.rows.get(1).expect("row 3").notes;
    assert!(
        notes.iter().any(|n| n.contains("rounded to 1201")),
        "{notes:?}"
    );
    let m = added_meeting(&plan, 4);
    assert_eq!((m.id.as_str(), m.company.as_str()), ("m-0004", "muller"));
    assert_eq!(m.value_eur, Some(2_500_000));
    assert!(plan.new_companies.is_empty());
    assert_eq!(plan.counts(false).errors, 0);
}

#[test]
fn utf8_with_a_byte_order_mark_and_english_headers() {
    let data = dataset();
    let bytes = "\u{feff}Id,Date,Company,Value (€),Topic\n\
                 m-0002,2015-03-12,kanto,,Optics\n\
                 m-0001,2015-02-12,acme-bio,\"1,000\",Biomarkers\n";
    let table = table("meetings.csv", bytes.as_bytes());
    assert!(matches!(
        table.source.kind,
        SourceKind::Csv {
            encoding: TextEncoding::Utf8Bom,
            ..
        }
    ));
    assert_eq!(table.headers.first().map(String::as_str), Some("Id"));
    let plan = plan_of(&data, ListKind::Meetings, &table);
    assert_eq!(outcome(&plan, 2), &RowOutcome::Unchanged { index: 1 });
    assert_eq!(
        outcome(&plan, 3),
        &RowOutcome::Unchanged { index: 0 },
        "“1,000” in a comma-delimited file is a thousand"
    );
}

#[test]
fn headers_map_in_french_in_english_and_by_synonym() {
    let french = [
        "Identifiant",
        "Nom",
        "Pays",
        "Nom du pays",
        "Ville",
        "Statut",
        "Ouverture",
        "Courriel",
    ];
    let english = [
        "ID",
        "name",
        "COUNTRY",
        "Country name",
        "City",
        "Status",
        "Opened",
        "E-mail",
    ];
    let expected = vec![
        Some("id"),
        Some("name"),
        Some("country"),
        None,
        Some("city"),
        Some("status"),
        Some("opened"),
        Some("contact_email"),
    ];
    for headers in [&french[..], &english[..]] {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        let mapping = auto_mapping(ListKind::Affiliates, &headers);
        assert_eq!(mapping.columns, expected, "{headers:?}");
        assert_eq!(mapping.check(), Ok(()));
    }
    let synonyms: Vec<String> = ["Entreprise", "Date du rendez-vous", "Montant HT", "Bureau"]
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    let mapping = auto_mapping(ListKind::Meetings, &synonyms);
    assert_eq!(
        mapping.columns,
        vec![
            Some("company"),
            Some("date"),
            Some("value_eur"),
            Some("affiliate")
        ]
    );
}

const MIXED: &str = "Id,Date,Company,Affiliate,Value (€),Stage,Topic
m-0001,2015-02-12,acme-bio,,1000,,Biomarkers
m-0002,2015-03-12,kanto,tokyo,,,Optics
,2015-05-01,acme-bio,,,,New topic
m-0010,31/02/2015,acme-bio,,,,x
m-0011,2015-05-02,acme-bio,nowhere,,,x
m-0012,2015-05-03,acme-bio,,-500,,x
m-0013,2015-05-04,acme-bio,,,Bientôt,x
m-0014,,acme-bio,,,,x
m-0015,2015-05-05,acme-bio
m-0016,2015-05-06,acme-bio,,,,x
m-0016,2015-05-07,acme-bio,,,,y
m-0017,2015-05-08,acme-bio,,12abc,,x
m-0018,2015-05-09,,,,,x
";

#[test]
fn each_row_is_added_updated_unchanged_or_an_error_with_its_reason() {
    let data = dataset();
    let plan = plan_of(
        &data,
        ListKind::Meetings,
        &table("mixed.csv", MIXED.as_bytes()),
    );
    assert_eq!(outcome(&plan, 2), &RowOutcome::Unchanged { index: 0 });
    match outcome(&plan, 3) {
        RowOutcome::Update { index, changed, .. } => {
            assert_eq!((*index, changed.as_slice()), (1, &["affiliate"][..]));
        }
        other => panic!("row 3 should update m-0002: {other:?}"),
    }
    assert_eq!(added_meeting(&plan, 4).id, "m-0003");

    let expectations: [(usize, &[&str]); 10] = [
        (5, &["column “Date”", "“31/02/2015” is not a real date"]),
        (6, &["column “Affiliate”", "“nowhere”", "no affiliate"]),
        (7, &["column “Value (€)”", "negative amount"]),
        (8, &["column “Stage”", "“Bientôt” is not one of"]),
        (9, &["column “Date”", "`date` is required"]),
        (10, &["3 cells where the header has 7"]),
        (11, &["m-0016", "rows 11 and 12"]),
        (12, &["m-0016", "rows 11 and 12"]),
        (13, &["column “Value (€)”", "“12abc” is not an amount"]),
        (14, &["column “Company”", "`company` is required"]),
    ];
    for (row, words) in expectations {
        let reason = error_of(&plan, row);
        for word in words {
            assert!(reason.contains(word), "row {row}: {reason}");
        }
    }
    let counts = plan.counts(false);
    assert_eq!(
        (
            counts.added,
            counts.updated,
            counts.unchanged,
            counts.errors
        ),
        (1, 1, 1, 10)
    );

    // Only the good rows go into the edit: one update, one addition.
    let Some(Edit::Batch(edits)) = plan.edit(false) else {
        panic!("an edit")
    };
    assert_eq!(edits.len(), 2, "{edits:#?}");
}

#[test]
fn a_missing_required_column_makes_every_row_an_error_and_says_which() {
    let data = dataset();
    let table = table("no-date.csv", b"Id,Company\nm-0009,acme-bio\n");
    let mapping = auto_mapping(ListKind::Meetings, &table.headers);
    let problem = mapping.check().expect_err("no date column").to_string();
    assert!(
        problem.contains("`date`") && problem.contains("“Date”"),
        "{problem}"
    );
    let plan = plan_of(&data, ListKind::Meetings, &table);
    assert!(plan.mapping_error.is_some());
    assert!(error_of(&plan, 2).contains("`date`"));
    assert_eq!(plan.edit(true), None);
}

#[test]
fn date_and_number_formats_are_detected() {
    let data = dataset();
    // Month first only when a value proves it.
    let us = "Date,Company\n02/13/2015,acme-bio\n03/01/2015,kanto\n";
    let plan = plan_of(&data, ListKind::Meetings, &table("us.csv", us.as_bytes()));
    assert_eq!(added_meeting(&plan, 3).date.to_string(), "2015-03-01");
    let short = "Date;Company\n1/2/15;acme-bio\n";
    let plan = plan_of(
        &data,
        ListKind::Meetings,
        &table("short.csv", short.as_bytes()),
    );
    assert_eq!(added_meeting(&plan, 2).date.to_string(), "2015-02-01");
    let dotted = "Date\tCompany\tValue\n12.02.2015\tacme-bio\t1.200.000\n";
    let plan = plan_of(
        &data,
        ListKind::Meetings,
        &table("dots.tsv", dotted.as_bytes()),
    );
    let m = added_meeting(&plan, 2);
    assert_eq!(m.date.to_string(), "2015-02-12");
    assert_eq!(m.value_eur, Some(1_200_000));
    let swiss = "Date;Company;Value\n2015-02-12;acme-bio;1'200'000.50\n2015-02-13;kanto;3’000\n";
    let plan = plan_of(
        &data,
        ListKind::Meetings,
        &table("ch.csv", swiss.as_bytes()),
    );
    assert_eq!(added_meeting(&plan, 2).value_eur, Some(1_200_001));
    assert_eq!(added_meeting(&plan, 3).value_eur, Some(3_000));
    let english = "Date,Company,Value\n2015-02-12,acme-bio,\"1,200,000.00\"\n";
    let plan = plan_of(
        &data,
        ListKind::Meetings,
        &table("en.csv", english.as_bytes()),
    );
    assert_eq!(added_meeting(&plan, 2).value_eur, Some(1_200_000));
}

const BY_NAME: &str = "Date,Company,Country,Topic
2015-06-01,ACME BIO INC,FR,a
2015-06-02,Nouvelle Société,FR,b
2015-06-03,nouvelle societe,,c
2015-13-01,Ghost Ltd,JP,d
";

#[test]
fn companies_named_in_a_meeting_import_are_matched_or_proposed() {
    let original = dataset();
    let plan = plan_of(
        &original,
        ListKind::Meetings,
        &table("names.csv", BY_NAME.as_bytes()),
    );
    assert_eq!(added_meeting(&plan, 2).company, "acme-bio");
    assert_eq!(plan.new_companies.len(), 1, "{:#?}", plan.new_companies);
    let proposed = plan.new_companies.first().expect("one new company");
    assert_eq!(proposed.id, "nouvelle-societe");
    assert_eq!(proposed.name, "Nouvelle Société");
    assert_eq!(proposed.country.as_deref(), Some("FR"));
    assert_eq!(proposed.rows, vec![3, 4]);
    assert!(
        error_of(&plan, 5).contains("not a real date"),
        "no company for a bad row"
    );

    // Without creating companies, the rows that need one are errors.
    let without = plan.counts(false);
    assert_eq!((without.added, without.errors), (1, 3));
    let row_3 = plan.rows.get(1).expect("row 3");
    let reason = row_3.needs_companies(&plan).expect("row 3 needs a company");
    assert!(reason.contains("“Nouvelle Société”"), "{reason}");
    let Some(Edit::Batch(edits)) = plan.edit(false) else {
        panic!("an edit")
    };
    assert_eq!(edits.len(), 1);

    // With them, the company comes first, then the meetings that name it.
    let with = plan.counts(true);
    assert_eq!((with.added, with.errors, with.companies), (3, 1, 1));
    let edit = plan.edit(true).expect("an edit");
    let Edit::Batch(edits) = &edit else {
        panic!("a batch")
    };
    assert!(matches!(
        edits.first(),
        Some(Edit::Insert {
            index: 3,
            record: Record::Company(c)
        }) if c.id == "nouvelle-societe"
    ));
    let mut changed = original.clone();
    let inverse = edit::apply(&mut changed, edit).expect("the edit applies");
    assert_eq!(changed.companies.len(), 4);
    assert_eq!(changed.meetings.len(), 5);
    assert!(
        changed
            .meetings
            .iter()
            .filter(|m| m.company == "nouvelle-societe")
            .count()
            == 2
    );
    let problems = liaison_desk::validate::validate(&changed);
    let (errors, _) = liaison_desk::validate::count(&problems);
    assert_eq!(errors, 0, "{problems:#?}");

    // Undone, the data is exactly as before.
    edit::apply(&mut changed, inverse).expect("the inverse applies");
    assert_eq!(changed, original);
    assert_eq!(to_ron_string(&changed), to_ron_string(&original));
}

#[test]
fn companies_are_matched_by_name_and_country_else_added_with_a_slug() {
    let mut data = dataset();
    let csv = "Name,Country,Sector
acme bio inc.,FR,Biotech
Acme Bio Inc.,US,Pharma
Zeta,XX,
Kanto Optics,Japan,Optics
";
    let plan = plan_of(
        &data,
        ListKind::Companies,
        &table("companies.csv", csv.as_bytes()),
    );
    match outcome(&plan, 2) {
        RowOutcome::Update { index, changed, .. } => {
            // Matched although written otherwise; the name is then as written.
            assert_eq!((*index, changed.as_slice()), (0, &["name", "sector"][..]));
        }
        other => panic!("row 2 should update acme-bio: {other:?}"),
    }
    match outcome(&plan, 3) {
        RowOutcome::Add(Record::Company(c)) => assert_eq!(c.id, "acme-bio-inc"),
        other => panic!("row 3 should add a company: {other:?}"),
    }
    assert!(error_of(&plan, 4).contains("“XX” is neither an ISO 3166-1 country code"));
    match outcome(&plan, 5) {
        RowOutcome::Update { index, changed, .. } => {
            assert_eq!(
                (*index, changed.as_slice()),
                (1, &["sector"][..]),
                "Japan is JP"
            );
        }
        other => panic!("row 5 should update kanto: {other:?}"),
    }

    // Two companies of that name: the row must say which.
    data.companies.push(liaison_desk::model::Company {
        id: "acme-bio-fr".to_owned(),
        name: Some("ACME Bio Inc".to_owned()),
        country: Some("FR".to_owned()),
        sector: None,
        size: None,
        website: None,
    });
    let plan = plan_of(
        &data,
        ListKind::Companies,
        &table("companies.csv", csv.as_bytes()),
    );
    let reason = error_of(&plan, 2);
    assert!(reason.contains("acme-bio, acme-bio-fr"), "{reason}");
}

#[test]
fn a_workbook_or_binary_file_named_csv_is_refused_clearly() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook
        .add_worksheet()
        .write_string(0, 0, "Id")
        .expect("a cell");
    let xlsx = workbook.save_to_buffer().expect("an xlsx");
    let error = table_from_bytes(Path::new("meetings.csv"), &xlsx).expect_err("not CSV");
    assert!(matches!(error, ImportError::WorkbookNamedAsText { .. }));
    let message = error.to_string();
    assert!(
        message.contains("meetings.csv is named .csv") && message.contains("rename it .xlsx"),
        "{message}"
    );

    let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    let message = table_from_bytes(Path::new("data.csv"), &binary)
        .expect_err("binary")
        .to_string();
    assert!(
        message.contains("data.csv is not a spreadsheet or a text file"),
        "{message}"
    );
    let message = table_from_bytes(Path::new("photo.csv"), b"\x89PNG\r\n\x1a\n....")
        .expect_err("an image")
        .to_string();
    assert!(message.contains("a PNG image"), "{message}");
    let message = table_from_bytes(Path::new("meetings.xlsx"), b"Id;Date\n1;2\n")
        .expect_err("text named xlsx")
        .to_string();
    assert!(message.contains("rename it .csv"), "{message}");
    let message = table_from_bytes(Path::new("empty.csv"), b"")
        .expect_err("empty")
        .to_string();
    assert!(message.contains("empty.csv is empty"), "{message}");
    let message = table_from_bytes(Path::new("blank.csv"), b";;\r\n\r\n")
        .expect_err("blank")
        .to_string();
    assert!(message.contains("no header row"), "{message}");
}

#[test]
fn a_file_over_the_limit_is_refused_naming_its_size_and_the_limit() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).expect("a file");
    // A sparse file: no need to write 50 MB.
    file.set_len(MAX_IMPORT_BYTES + 1).expect("a large file");
    let error = import::read_table(&path).expect_err("too large");
    let message = error.to_string();
    assert!(matches!(error, ImportError::TooLarge { .. }));
    assert!(
        message.contains(&(MAX_IMPORT_BYTES + 1).to_string())
            && message.contains(&MAX_IMPORT_BYTES.to_string()),
        "{message}"
    );
    let message = import::read_table(&dir.path().join("missing.csv"))
        .expect_err("missing")
        .to_string();
    assert!(message.contains("missing.csv"), "{message}");
}

#[test]
fn an_xlsx_workbook_reads_dates_as_iso_and_numbers_without_a_spurious_decimal() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    workbook
        .add_worksheet()
        .set_name("Notes")
        .expect("an empty first sheet");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let euros = Format::new().set_num_format("# ##0,00 €");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Rendez-vous").expect("a name");
    // Two blank rows, then the header on row 3.
    let header = ["Identifiant", "Date", "Entreprise", "Montant", "Sujet"];
    for (col, title) in (0u16..).zip(header) {
        sheet.write_string(2, col, title).expect("a header");
    }
    sheet.write_string(3, 0, "m-0001").expect("id");
    sheet
        .write_datetime_with_format(
            3,
            1,
            ExcelDateTime::from_ymd(2015, 2, 12).expect("a date"),
            &date,
        )
        .expect("date");
    sheet.write_string(3, 2, "acme-bio").expect("company");
    sheet
        .write_number_with_format(3, 3, 1200.0, &euros)
        .expect("amount");
    sheet.write_string(3, 4, "Biomarkers").expect("topic");
    sheet
        .write_datetime_with_format(
            4,
            1,
            ExcelDateTime::from_ymd(2015, 4, 1).expect("a date"),
            &date,
        )
        .expect("date");
    sheet.write_string(4, 2, "Kanto Optics").expect("company");
    sheet.write_number(4, 3, 1200.5).expect("amount");
    sheet.write_string(4, 4, "Lentilles").expect("topic");
    let bytes = workbook.save_to_buffer().expect("an xlsx");

    let table = table("rendez-vous.xlsx", &bytes);
    assert_eq!(
        table.source.kind,
        SourceKind::Workbook {
            format: WorkbookFormat::Xlsx,
            sheet: "Rendez-vous".to_owned(),
            sheets: 2,
        }
    );
    assert_eq!(table.source.header_row, 3);
    assert_eq!(table.row_numbers, vec![4, 5]);
    assert_eq!(table.cell(0, 1), "2015-02-12");
    assert_eq!(table.cell(0, 3), "1200");
    assert_eq!(table.cell(1, 3), "1200.5");

    let data = dataset();
    let plan = plan_of(&data, ListKind::Meetings, &table);
    match outcome(&plan, 4) {
        RowOutcome::Update { changed, .. } => assert_eq!(changed, &["value_eur"]),
        other => panic!("row 4 should update m-0001: {other:?}"),
    }
    let m = added_meeting(&plan, 5);
    assert_eq!(m.date.to_string(), "2015-04-01");
    assert_eq!(m.value_eur, Some(1201));
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

#[test]
fn an_ods_workbook_reads_through_calamine() {
    // Made by tests/data/import/make_ods.py.
    let table = import::read_table(&fixture("meetings.ods")).expect("the ODS fixture reads");
    assert!(matches!(
        &table.source.kind,
        SourceKind::Workbook {
            format: WorkbookFormat::Ods,
            sheet,
            ..
        } if sheet == "Rendez-vous"
    ));
    assert_eq!(
        table.row_numbers,
        vec![2, 3, 6],
        "blank rows keep the numbering"
    );
    assert_eq!(table.cell(1, 1), "2015-04-01");
    assert_eq!(table.cell(1, 3), "250000.5");
    assert_eq!(table.cell(0, 3), "1200");
    let plan = plan_of(&dataset(), ListKind::Meetings, &table);
    let m = added_meeting(&plan, 3);
    assert_eq!((m.company.as_str(), m.value_eur), ("kanto", Some(250_001)));
    assert!(matches!(
        outcome(&plan, 6),
        RowOutcome::Update { index: 1, .. }
    ));
}

#[test]
fn row_numbers_are_those_a_spreadsheet_shows() {
    let csv = "Id,Date,Company,Notes\n\nm-0001,2015-02-12,acme-bio,\"two\nlines\"\n\nm-0009,2015-02-13,acme-bio,x,extra\n";
    let table = table("rows.csv", csv.as_bytes());
    // Row 2 is blank, row 3 holds a cell of two lines, row 4 is blank.
    assert_eq!(table.row_numbers, vec![3, 5]);
    let plan = plan_of(&dataset(), ListKind::Meetings, &table);
    assert!(error_of(&plan, 5).contains("5 cells where the header has 4"));
    let crlf = "Id,Date,Company\r\n\r\nm-0001,2015-02-12,acme-bio\r\nm-0002,2015-03-12,kanto\r\n";
    assert_eq!(table_of_rows(crlf), vec![3, 4]);
    let cr = "Id,Date,Company\r\rm-0001,2015-02-12,acme-bio\r";
    assert_eq!(table_of_rows(cr), vec![3]);
}

fn table_of_rows(csv: &str) -> Vec<usize> {
    table("rows.csv", csv.as_bytes()).row_numbers
}

#[test]
fn what_an_export_writes_an_import_reads_back_unchanged() {
    let sample = parse_str(liaison_desk::SAMPLE_DATA)
        .expect("sample")
        .dataset;
    for list in ListKind::ALL {
        let positions: Vec<usize> = (0..edit::list_len(&sample, list)).collect();
        for dialect in [
            liaison_desk::export::Dialect::Standard,
            liaison_desk::export::Dialect::ExcelFrench,
        ] {
            let bytes = liaison_desk::export::export_csv(&sample, list, &positions, dialect);
            let table = table("export.csv", &bytes);
            let plan = plan_of(&sample, list, &table);
            assert_eq!(plan.mapping_error, None, "{list} {dialect:?}");
            let counts = plan.counts(false);
            assert_eq!(
                counts.unchanged,
                positions.len(),
                "{list} {dialect:?}: {:#?}",
                plan.rows
                    .iter()
                    .filter(|r| !matches!(r.outcome, RowOutcome::Unchanged { .. }))
                    .collect::<Vec<_>>()
            );
            assert_eq!(plan.edit(true), None);
        }
    }
}

/// The same round trip through Excel: each list's XLSX, and each sheet of
/// the whole-file workbook, read back by calamine, imports as unchanged.
#[test]
fn what_an_xlsx_export_writes_an_import_reads_back_unchanged() {
    let sample = parse_str(liaison_desk::SAMPLE_DATA)
        .expect("sample")
        .dataset;
    let workbook = liaison_desk::export::export_workbook(&sample).expect("workbook");
    for list in ListKind::ALL {
        let positions: Vec<usize> = (0..edit::list_len(&sample, list)).collect();
        let bytes = liaison_desk::export::export_xlsx(&sample, list, &positions).expect("xlsx");
        let sheets = [
            liaison_desk::import::table_from_bytes(Path::new("export.xlsx"), &bytes),
            liaison_desk::import::read::table_from_bytes_for(
                Path::new("all.xlsx"),
                &workbook,
                Some(list.file_name()),
            ),
        ];
        for table in sheets {
            let table = table.unwrap_or_else(|e| panic!("{list}: {e}"));
            let plan = plan_of(&sample, list, &table);
            assert_eq!(plan.mapping_error, None, "{list}");
            assert_eq!(
                plan.counts(false).unchanged,
                positions.len(),
                "{list}: {:#?}",
                plan.rows
                    .iter()
                    .filter(|r| !matches!(r.outcome, RowOutcome::Unchanged { .. }))
                    .take(3)
                    .collect::<Vec<_>>()
            );
        }
    }
}

/// Runs `test` with the thread speaking French, and back to English after,
/// even when it fails.
fn in_french(test: impl FnOnce()) {
    use liaison_desk::i18n::{Language, set_language};
    struct English;
    impl Drop for English {
        fn drop(&mut self) {
            set_language(Language::English);
        }
    }
    let _english = English;
    set_language(Language::French);
    test();
}

#[test]
fn row_errors_and_notes_are_worded_in_french_when_the_thread_speaks_french() {
    in_french(|| {
        let data = dataset();
        let plan = plan_of(
            &data,
            ListKind::Meetings,
            &table("mixed.csv", MIXED.as_bytes()),
        );
        let expectations: [(usize, &[&str]); 6] = [
            (
                5,
                &[
                    "colonne «\u{a0}Date\u{a0}»",
                    "«\u{a0}31/02/2015\u{a0}» n’est pas une date réelle",
                ],
            ),
            (6, &["«\u{a0}nowhere\u{a0}»", "aucune antenne"]),
            (7, &["colonne «\u{a0}Value (€)\u{a0}»", "montant négatif"]),
            (10, &["la ligne a 3 cellules là où l’en-tête en a 7"]),
            (11, &["m-0016", "lignes 11 et 12"]),
            (13, &["«\u{a0}12abc\u{a0}» n’est pas un montant"]),
        ];
        for (row, words) in expectations {
            let reason = error_of(&plan, row);
            for word in words {
                assert!(reason.contains(word), "row {row}: {reason}");
            }
        }
        // The words change, not what the rows do.
        let counts = plan.counts(false);
        assert_eq!(
            (
                counts.added,
                counts.updated,
                counts.unchanged,
                counts.errors
            ),
            (1, 1, 1, 10)
        );

        // Notes too: an amount rounded, a company found by its name.
        let plan = plan_of(
            &data,
            ListKind::Meetings,
            &table("rendez-vous.csv", FRENCH_EXCEL),
        );
        let notes: Vec<&String> = plan.rows.iter().flat_map(|r| &r.notes).collect();
        assert!(
            notes
                .iter()
                .any(|n| n.contains("«\u{a0}1200,5\u{a0}» arrondi à 1201\u{a0}€")),
            "{notes:#?}"
        );
        assert!(
            notes
                .iter()
                .any(|n| n.contains("«\u{a0}Kanto Optics\u{a0}» est l’entreprise kanto")),
            "{notes:#?}"
        );

        // And the report the command line would print.
        let mut report = Vec::new();
        import::report::write_rows(&plan, &data, false, &mut report).unwrap();
        let report = String::from_utf8(report).unwrap();
        assert!(report.contains("Lignes\u{a0}:"), "{report}");
        assert!(report.contains("Bilan\u{a0}: "), "{report}");
    });
}

#[test]
fn rows_equal_to_a_record_are_unchanged_in_french_too() {
    // Two rows without id that say what a meeting already says are no
    // contradiction, whatever the language of the notes that say so.
    let csv = "Date,Company,Topic\n\
               2015-02-12,acme-bio,Biomarkers\n\
               2015-02-12,acme-bio,Biomarkers\n";
    in_french(|| {
        let plan = plan_of(
            &dataset(),
            ListKind::Meetings,
            &table("same.csv", csv.as_bytes()),
        );
        assert_eq!(outcome(&plan, 2), &RowOutcome::Unchanged { index: 0 });
        assert_eq!(outcome(&plan, 3), &RowOutcome::Unchanged { index: 0 });
        assert!(
            plan.rows[0].notes[0].contains("identique"),
            "{:?}",
            plan.rows[0].notes
        );
    });
}

#[test]
fn a_file_that_cannot_be_read_is_explained_in_french() {
    in_french(|| {
        let message = table_from_bytes(Path::new("vide.csv"), b"")
            .expect_err("empty")
            .to_string();
        assert!(
            message.contains("vide.csv est vide\u{a0}: il n’a pas de ligne d’en-tête"),
            "{message}"
        );
        let message = table_from_bytes(Path::new("image.csv"), b"\x89PNG\r\n\x1a\n\0\0")
            .expect_err("an image")
            .to_string();
        assert!(message.contains("une image PNG"), "{message}");
        let missing = auto_mapping(ListKind::Meetings, &["Id".to_owned()])
            .check()
            .expect_err("no date")
            .to_string();
        assert!(
            missing.contains("aucune colonne ne donne `date`")
                && missing.contains("«\u{a0}Réunions\u{a0}»"),
            "{missing}"
        );
    });
}

#[test]
fn an_xlsx_export_in_french_has_french_headers_and_reads_back_unchanged() {
    let sample = parse_str(liaison_desk::SAMPLE_DATA)
        .expect("sample")
        .dataset;
    in_french(|| {
        let positions: Vec<usize> = (0..edit::list_len(&sample, ListKind::Meetings)).collect();
        let bytes = liaison_desk::export::export_xlsx(&sample, ListKind::Meetings, &positions)
            .expect("xlsx");
        let workbook = liaison_desk::export::export_workbook(&sample).expect("workbook");
        let sheets = [
            table_from_bytes(Path::new("export.xlsx"), &bytes),
            liaison_desk::import::read::table_from_bytes_for(
                Path::new("all.xlsx"),
                &workbook,
                Some("meetings"),
            ),
        ];
        for table in sheets {
            let table = table.expect("the workbook reads");
            assert_eq!(
                table
                    .headers
                    .iter()
                    .take(4)
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
                ["Identifiant", "Date", "Entreprise", "Nom de l'entreprise"]
            );
            let plan = plan_of(&sample, ListKind::Meetings, &table);
            assert_eq!(plan.mapping_error, None);
            assert_eq!(plan.counts(false).unchanged, positions.len());
        }
    });
}

// --- The command line, through the real binary ---------------------------

fn run(args: &[&Path]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn import_cli(file: &Path, kind: &str, input: &Path, flags: &[&str]) -> Output {
    let mut args: Vec<&Path> = vec![Path::new("import"), file, Path::new("--kind")];
    args.push(Path::new(kind));
    args.push(input);
    args.extend(flags.iter().map(Path::new));
    let output = run(&args);
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    output
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    path
}

#[test]
fn cli_dry_run_reports_and_leaves_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = write(dir.path(), "data.ron", DATA.as_bytes());
    let input = write(dir.path(), "rdv.csv", FRENCH_EXCEL);
    let output = import_cli(&file, "meetings", &input, &["--dry-run"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}{}", stderr(&output));
    for expected in [
        "Windows-1252",
        "delimiter semicolon",
        "“Société” → company",
        "dates dd/mm/yyyy (day first)",
        "decimal comma",
        "row 2: update meeting m-0001: stage, value_eur",
        "row 3: add meeting m-0003",
        "Summary: 2 to add, 1 to update, 0 unchanged, 0 in error",
    ] {
        assert!(out.contains(expected), "missing “{expected}” in:\n{out}");
    }
    assert!(stderr(&output).contains("dry run"));
    assert_eq!(
        std::fs::read(&file).expect("the file"),
        DATA.as_bytes(),
        "a dry run changes nothing"
    );
    assert!(!dir.path().join("data.ron.bak").exists());
}

#[test]
fn cli_import_writes_the_file_and_its_backup() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = write(dir.path(), "data.ron", DATA.as_bytes());
    let input = write(dir.path(), "rdv.csv", FRENCH_EXCEL);
    let output = import_cli(&file, "meetings", &input, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("2 added, 1 updated"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(dir.path().join("data.ron.bak")).expect("a backup"),
        DATA.as_bytes()
    );
    let text = std::fs::read_to_string(&file).expect("the file");
    let saved = parse_str(&text).expect("the saved file parses").dataset;
    assert_eq!(saved.meetings.len(), 4);
    assert_eq!(saved.meetings.first().and_then(|m| m.value_eur), Some(1200));

    // Importing the same file again changes nothing.
    let output = import_cli(&file, "meetings", &input, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("0 to add, 0 to update, 3 unchanged"),
        "{}",
        stdout(&output)
    );
    assert!(stderr(&output).contains("nothing to change"));
    assert_eq!(std::fs::read_to_string(&file).expect("the file"), text);
}

#[test]
fn cli_rows_in_error_are_skipped_and_the_exit_status_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = write(dir.path(), "data.ron", DATA.as_bytes());
    let input = write(dir.path(), "mixed.csv", MIXED.as_bytes());
    let output = import_cli(&file, "meetings", &input, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("row 7: error: column “Value (€)”: a negative amount"),
        "{out}"
    );
    assert!(
        stderr(&output).contains("10 rows in error skipped"),
        "{}",
        stderr(&output)
    );
    let saved = parse_str(&std::fs::read_to_string(&file).expect("the file"))
        .expect("parses")
        .dataset;
    assert_eq!(saved.meetings.len(), 3, "the good rows were imported");
}

#[test]
fn cli_new_companies_only_with_create_companies() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = write(dir.path(), "data.ron", DATA.as_bytes());
    let input = write(dir.path(), "names.csv", BY_NAME.as_bytes());
    let output = import_cli(&file, "meetings", &input, &["--dry-run"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("row 3: error: company “Nouvelle Société” is not in the data file"),
        "{out}"
    );
    assert!(out.contains("--create-companies"), "{out}");

    let output = import_cli(&file, "meetings", &input, &["--create-companies"]);
    assert_eq!(output.status.code(), Some(1), "row 5 stays in error");
    let saved = parse_str(&std::fs::read_to_string(&file).expect("the file"))
        .expect("parses")
        .dataset;
    assert!(
        saved
            .companies
            .iter()
            .any(|c| c.id == "nouvelle-societe" && c.country.as_deref() == Some("FR"))
    );
    assert_eq!(saved.meetings.len(), 5);
}

#[test]
fn cli_exits_2_when_a_file_cannot_be_read_or_a_required_column_is_missing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = write(dir.path(), "data.ron", DATA.as_bytes());

    let no_date = write(dir.path(), "no-date.csv", b"Id,Company\nm-0009,acme-bio\n");
    let output = import_cli(&file, "meetings", &no_date, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no column gives `date`"),
        "{}",
        stderr(&output)
    );

    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet();
    let zip = write(
        dir.path(),
        "renamed.csv",
        &workbook.save_to_buffer().expect("an xlsx"),
    );
    let output = import_cli(&file, "meetings", &zip, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("renamed.csv is named .csv"),
        "{}",
        stderr(&output)
    );

    let output = import_cli(&file, "meeting", &no_date, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("country_notes"),
        "{}",
        stderr(&output)
    );

    let output = import_cli(&dir.path().join("absent.ron"), "meetings", &no_date, &[]);
    assert_eq!(output.status.code(), Some(2));

    assert_eq!(std::fs::read(&file).expect("the file"), DATA.as_bytes());
    assert!(!dir.path().join("data.ron.bak").exists());
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the bytes, reading gives a table or an error, and a
        /// table plans without panicking.
        #[test]
        fn on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let data = dataset();
            for name in ["x.csv", "x.xlsx", "x.ods", "x"] {
                if let Ok(table) = table_from_bytes(Path::new(name), &bytes) {
                    for list in ListKind::ALL {
                        let _ = plan_of(&data, list, &table).edit(true);
                    }
                }
            }
        }

        /// Any text cells in a meeting-shaped CSV plan without panicking,
        /// and the edit, applied then undone, restores the data.
        #[test]
        fn on_any_cells(cells in proptest::collection::vec("[ -~éà€\u{a0};,\"\n]{0,12}", 0..40)) {
            let data = dataset();
            let mut csv = String::from("Id;Date;Company;Value;Stage;Country\n");
            for (i, cell) in cells.iter().enumerate() {
                csv.push_str(cell);
                csv.push(if i % 6 == 5 { '\n' } else { ';' });
            }
            if let Ok(table) = table_from_bytes(Path::new("x.csv"), csv.as_bytes()) {
                let plan = plan_of(&data, ListKind::Meetings, &table);
                if let Some(edit) = plan.edit(true) {
                    let mut changed = data.clone();
                    let inverse = edit::apply(&mut changed, edit).expect("the plan's edit applies");
                    edit::apply(&mut changed, inverse).expect("and is undone");
                    prop_assert_eq!(changed, data);
                }
            }
        }
    }
}

#[test]
fn countries_are_read_by_their_english_or_french_name_whatever_the_language() {
    let data = dataset();
    let csv = "Name,Country
Siemens Healthineers,Allemagne
Hitachi,Japan
Samsung,Corée du Sud
Aramco,Arabie saoudite
Nowhere Ltd,Atlantide
";
    let plan_in = || {
        plan_of(
            &data,
            ListKind::Companies,
            &table("companies.csv", csv.as_bytes()),
        )
    };
    let countries = |plan: &Plan| -> Vec<String> {
        (2..=5)
            .map(|row| match outcome(plan, row) {
                RowOutcome::Add(Record::Company(c)) => c.country.clone().unwrap_or_default(),
                other => panic!("row {row} should add a company: {other:?}"),
            })
            .collect()
    };
    let english = plan_in();
    assert_eq!(countries(&english), ["DE", "JP", "KR", "SA"]);
    assert!(error_of(&english, 6).contains("nor a country name in English or French"));
    in_french(|| {
        let french = plan_in();
        assert_eq!(countries(&french), ["DE", "JP", "KR", "SA"]);
        assert!(error_of(&french, 6).contains("ni un nom de pays en français ou en anglais"));
    });
}
