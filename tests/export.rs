//! Export to CSV (both dialects) and Excel: exact text on a small file
//! written by hand, formula injection neutralised, multi-line text kept,
//! workbooks read back with calamine, and `liaison-desk export` through the
//! real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use liaison_desk::edit::list_len;
use liaison_desk::export::{
    ABOUT_SHEET, Dialect, all_positions, columns, export_csv, export_workbook, export_workbook_on,
    export_xlsx,
};
use liaison_desk::format::parse_str;
use liaison_desk::model::{Dataset, ListKind};

const BIN: &str = env!("CARGO_BIN_EXE_liaison-desk");

/// Every kind of cell: references, several institutes, a country, a stage,
/// an amount, valid and invalid dates, multi-line notes with quotes and
/// separators, and company names that spreadsheets would run as formulas.
const SMALL: &str = r#"(
    format: 1,
    title: "Test network",
    zones: [(id: "europe", name: "Europe"), (id: "north-america", name: "North America")],
    countries: [(code: "US", zone: "north-america"), (code: "DE", zone: "europe")],
    institutes: [
        (id: "curie", name: "Carnot Curie Cancer"),
        (id: "mines", name: "Carnot M.I.N.E.S"),
    ],
    affiliates: [
        (id: "boston", name: "Carnot office Boston", country: "US", city: "Boston",
         contact: (name: "Jane Roe", phone: "+1 617 555 0100")),
    ],
    companies: [
        (id: "acme", name: "Acme Bio, Inc.", country: "US", size: Large),
        (id: "evil", name: "=HYPERLINK(\"http://x.example\",\"click\")", country: "DE"),
        (id: "minus", name: "-1"),
        (id: "plus", name: "+33 1 23 45 67 89"),
        (id: "at", name: "@SUM(A1:A9)"),
    ],
    meetings: [
        (id: "m-1", date: "2015-02-12", company: "acme", affiliate: "boston",
         institutes: ["curie", "mines"], stage: FollowUp, value_eur: 250000,
         follow_up: "2015-03-15", notes: "Line one\nLine \"two\"; end"),
        (id: "m-2", date: "2015-02-30", company: "evil"),
    ],
    country_notes: [
        (id: "us-funding", country: "US", title: "Funding",
         body: "First paragraph.\n\nSecond, with a comma; and a semicolon.", tags: ["funding", "sbir"],
         updated: "2015-01-10"),
    ],
    contracts: [
        (id: "c-1", title: "Biomarkers", kind: Bilateral, company: "acme", country: "US",
         institutes: ["curie"], signed: "2015-06-30", amount_eur: 1200000, meeting: "m-1"),
    ],
)"#;

fn small() -> Dataset {
    parse_str(SMALL).unwrap().dataset
}

fn sample() -> Dataset {
    parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset
}

fn csv_text(dataset: &Dataset, list: ListKind, dialect: Dialect) -> String {
    let bytes = export_csv(dataset, list, &all_positions(dataset, list), dialect);
    String::from_utf8(bytes).unwrap()
}

/// Excel's serial number of a day (days since 1899-12-30).
fn serial(y: i32, m: u32, d: u32) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (NaiveDate::from_ymd_opt(y, m, d).unwrap() - epoch).num_days() as f64
}

fn open_xlsx(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).unwrap()
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> &Data {
    range.get((row, col)).unwrap_or(&Data::Empty)
}

fn string(value: &str) -> Data {
    Data::String(value.to_owned())
}

#[test]
fn standard_csv_has_iso_dates_commas_and_names_beside_ids() {
    let text = csv_text(&small(), ListKind::Meetings, Dialect::Standard);
    assert!(!text.starts_with('\u{feff}'), "no byte-order mark");
    assert!(!text.contains("\r\n"), "\\n line endings");
    let expected = "\
Id,Date,Company,Company name,Affiliate,Affiliate name,Institutes,Institute names,Initiative,Topic,Stage,Value (€),Follow-up,Notes
m-1,2015-02-12,acme,\"Acme Bio, Inc.\",boston,Carnot office Boston,curie; mines,Carnot Curie Cancer; Carnot M.I.N.E.S,,,FollowUp,250000,2015-03-15,\"Line one
Line \"\"two\"\"; end\"
m-2,2015-02-30,evil,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",,,,,,,,,,
";
    assert_eq!(text, expected);
}

#[test]
fn excel_french_csv_has_a_bom_semicolons_french_dates_and_crlf() {
    let text = csv_text(&small(), ListKind::Meetings, Dialect::ExcelFrench);
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    assert!(!body.contains('\u{feff}'));
    let expected = "\
Identifiant;Date;Entreprise;Nom de l'entreprise;Antenne;Nom de l'antenne;Instituts;Noms des instituts;Initiative;Sujet;Étape;Valeur (€);Relance;Notes\r
m-1;12/02/2015;acme;Acme Bio, Inc.;boston;Carnot office Boston;\"curie; mines\";\"Carnot Curie Cancer; Carnot M.I.N.E.S\";;;FollowUp;250000;15/03/2015;\"Line one
Line \"\"two\"\"; end\"\r
m-2;2015-02-30;evil;\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\";;;;;;;;;;\r
";
    assert_eq!(body, expected);

    // Amounts stay plain digits (no thousands separator) so Excel reads numbers.
    let contracts = csv_text(&small(), ListKind::Contracts, Dialect::ExcelFrench);
    assert!(
        contracts.contains(";30/06/2015;1200000;m-1;2015-02-12 — Acme Bio, Inc.\r\n"),
        "{contracts}"
    );
    assert!(contracts.contains(";US;United States;"), "{contracts}");
}

#[test]
fn countries_and_zones_get_their_names() {
    let text = csv_text(&small(), ListKind::Countries, Dialect::Standard);
    assert_eq!(
        text,
        "Country code,Country name,Zone,Zone name\n\
         US,United States,north-america,North America\n\
         DE,Germany,europe,Europe\n"
    );
    let companies = csv_text(&small(), ListKind::Companies, Dialect::Standard);
    assert!(
        companies.contains("acme,\"Acme Bio, Inc.\",US,United States,,Large,\n"),
        "{companies}"
    );
}

#[test]
fn csv_cells_that_spreadsheets_would_run_are_neutralised() {
    for dialect in [Dialect::Standard, Dialect::ExcelFrench] {
        let text = csv_text(&small(), ListKind::Companies, dialect);
        let delimiter = if dialect == Dialect::Standard {
            b','
        } else {
            b';'
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let names: Vec<String> = reader
            .records()
            .map(|r| r.unwrap().get(1).unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                "Acme Bio, Inc.",
                "'=HYPERLINK(\"http://x.example\",\"click\")",
                "'-1",
                "'+33 1 23 45 67 89",
                "'@SUM(A1:A9)",
            ],
            "{dialect:?}"
        );
        // Every cell of every list: none starts like a formula.
        for list in ListKind::ALL {
            let text = csv_text(&small(), list, dialect);
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .has_headers(false)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            for record in reader.records() {
                for value in &record.unwrap() {
                    assert!(
                        !value.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{list} {dialect:?}: {value:?}"
                    );
                }
            }
        }
    }
    // The affiliate's phone number is text, not a sum.
    let affiliates = csv_text(&small(), ListKind::Affiliates, Dialect::Standard);
    assert!(affiliates.contains(",'+1 617 555 0100,"), "{affiliates}");
}

#[test]
fn multi_line_text_survives_a_csv_round_trip() {
    let dataset = small();
    for dialect in [Dialect::Standard, Dialect::ExcelFrench] {
        let text = csv_text(&dataset, ListKind::CountryNotes, dialect);
        let delimiter = if dialect == Dialect::Standard {
            b','
        } else {
            b';'
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 1);
        assert_eq!(
            records[0].get(4),
            Some("First paragraph.\n\nSecond, with a comma; and a semicolon.")
        );
        assert_eq!(records[0].get(5), Some("funding; sbir"));
    }
}

#[test]
fn csv_rows_follow_the_positions_given() {
    let dataset = small();
    let text = String::from_utf8(export_csv(
        &dataset,
        ListKind::Companies,
        &[3, 0, 99],
        Dialect::Standard,
    ))
    .unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["plus", "acme"], "a position past the end is skipped");
    let empty = String::from_utf8(export_csv(
        &dataset,
        ListKind::Companies,
        &[],
        Dialect::Standard,
    ))
    .unwrap();
    assert_eq!(empty, "Id,Name,Country,Country name,Sector,Size,Website\n");
}

#[test]
fn a_dangling_reference_is_named_missing() {
    let dataset =
        parse_str(r#"(format: 1, meetings: [(id: "m-1", date: "2015-02-12", company: "zz")])"#)
            .unwrap()
            .dataset;
    let text = csv_text(&dataset, ListKind::Meetings, Dialect::Standard);
    assert!(text.contains("m-1,2015-02-12,zz,zz (missing),"), "{text}");
}

#[test]
fn xlsx_reads_back_with_real_dates_numbers_and_inert_text() {
    let dataset = small();
    let positions = all_positions(&dataset, ListKind::Meetings);
    let mut book = open_xlsx(export_xlsx(&dataset, ListKind::Meetings, &positions).unwrap());
    assert_eq!(book.sheet_names(), ["meetings"]);
    let range = book.worksheet_range("meetings").unwrap();
    assert_eq!(range.height(), 3);
    let headers: Vec<Data> = columns(ListKind::Meetings)
        .iter()
        .map(|c| string(c.english))
        .collect();
    assert_eq!(range.rows().next().unwrap(), headers.as_slice());

    assert_eq!(cell(&range, 1, 0), &string("m-1"));
    match cell(&range, 1, 1) {
        Data::DateTime(date) => {
            assert!(date.is_datetime());
            assert_eq!(date.as_f64(), serial(2015, 2, 12));
        }
        other => panic!("a date cell, not {other:?}"),
    }
    assert_eq!(cell(&range, 1, 3), &string("Acme Bio, Inc."));
    assert_eq!(
        cell(&range, 1, 7),
        &string("Carnot Curie Cancer; Carnot M.I.N.E.S")
    );
    assert_eq!(cell(&range, 1, 10), &string("FollowUp"));
    assert_eq!(cell(&range, 1, 11), &Data::Float(250_000.0));
    assert!(matches!(cell(&range, 1, 12), Data::DateTime(d) if d.as_f64() == serial(2015, 3, 15)));
    assert_eq!(cell(&range, 1, 13), &string("Line one\nLine \"two\"; end"));
    // A date that is not a real one stays as written, as text.
    assert_eq!(cell(&range, 2, 1), &string("2015-02-30"));
    // A formula-looking name is a string cell, as written, and no formula.
    assert_eq!(
        cell(&range, 2, 3),
        &string("=HYPERLINK(\"http://x.example\",\"click\")")
    );
    assert_eq!(cell(&range, 2, 11), &Data::Empty);
    let formulas = book.worksheet_formula("meetings").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula in the sheet"
    );
}

#[test]
fn xlsx_keeps_injection_text_as_strings_for_every_company() {
    let dataset = small();
    let positions = all_positions(&dataset, ListKind::Companies);
    let mut book = open_xlsx(export_xlsx(&dataset, ListKind::Companies, &positions).unwrap());
    let range = book.worksheet_range("companies").unwrap();
    let names: Vec<&Data> = (1..range.height())
        .map(|row| cell(&range, row, 1))
        .collect();
    assert_eq!(
        names,
        [
            &string("Acme Bio, Inc."),
            &string("=HYPERLINK(\"http://x.example\",\"click\")"),
            &string("-1"),
            &string("+33 1 23 45 67 89"),
            &string("@SUM(A1:A9)"),
        ]
    );
    assert!(
        book.worksheet_formula("companies")
            .unwrap()
            .used_cells()
            .all(|(_, _, f)| f.is_empty())
    );
}

#[test]
fn xlsx_cells_equal_the_csv_cells() {
    let dataset = small();
    for list in ListKind::ALL {
        let positions = all_positions(&dataset, list);
        let mut book = open_xlsx(export_xlsx(&dataset, list, &positions).unwrap());
        let range = book.worksheet_range(list.file_name()).unwrap();
        let text = csv_text(&dataset, list, Dialect::Standard);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for (row, record) in reader.records().enumerate() {
            for (col, expected) in record.unwrap().iter().enumerate() {
                let got = match cell(&range, row, col) {
                    Data::Empty => String::new(),
                    Data::String(s) => liaison_desk::export::spreadsheet_safe(s).into_owned(),
                    Data::Float(f) => format!("{f}"),
                    Data::DateTime(d) => {
                        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                        (epoch + chrono::Days::new(d.as_f64() as u64))
                            .format("%Y-%m-%d")
                            .to_string()
                    }
                    other => panic!("{list} ({row}, {col}): unexpected {other:?}"),
                };
                assert_eq!(got, expected, "{list} ({row}, {col})");
            }
        }
    }
}

#[test]
fn the_workbook_has_an_about_sheet_and_a_sheet_per_kind_with_every_record() {
    let dataset = sample();
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut book = open_xlsx(export_workbook_on(&dataset, today).unwrap());
    let mut expected_names = vec![ABOUT_SHEET.to_owned()];
    expected_names.extend(ListKind::ALL.iter().map(|l| l.file_name().to_owned()));
    assert_eq!(book.sheet_names(), expected_names);

    for list in ListKind::ALL {
        let count = list_len(&dataset, list);
        assert!(count > 0, "the sample has {list}");
        let range = book.worksheet_range(list.file_name()).unwrap();
        assert_eq!(range.height(), count + 1, "{list}: header + one row each");
        assert_eq!(range.width(), columns(list).len(), "{list}");
    }

    let about = book.worksheet_range(ABOUT_SHEET).unwrap();
    assert_eq!(cell(&about, 0, 0), &string("Title"));
    assert_eq!(
        cell(&about, 0, 1),
        &string(dataset.title.as_deref().unwrap())
    );
    assert!(matches!(cell(&about, 1, 1), Data::DateTime(d) if d.as_f64() == serial(2026, 11, 28)));
    for (row, list) in (5..).zip(ListKind::ALL) {
        assert_eq!(cell(&about, row, 0), &string(list.file_name()));
        assert_eq!(
            cell(&about, row, 1),
            &Data::Float(list_len(&dataset, list) as f64),
            "{list}"
        );
    }
    // Today's version works too.
    assert!(export_workbook(&dataset).is_ok());
}

#[test]
fn in_french_a_workbook_has_french_headers_and_words_and_keeps_values_as_in_the_file() {
    use liaison_desk::i18n::{Language, set_language};
    struct English;
    impl Drop for English {
        fn drop(&mut self) {
            set_language(Language::English);
        }
    }
    let _english = English;
    assert_eq!(Dialect::for_language(Language::English), Dialect::Standard);
    assert_eq!(
        Dialect::for_language(Language::French),
        Dialect::ExcelFrench
    );
    set_language(Language::French);
    assert_eq!(Dialect::of_interface(), Dialect::ExcelFrench);

    let dataset = small();
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut book = open_xlsx(export_workbook_on(&dataset, today).unwrap());
    let about = book.worksheet_range(ABOUT_SHEET).unwrap();
    assert_eq!(cell(&about, 0, 0), &string("Titre"));
    assert_eq!(cell(&about, 1, 0), &string("Exporté le"));
    assert_eq!(cell(&about, 4, 1), &string("Fiches"));
    // Sheets keep the lists' names in the file, so that an import finds them.
    assert_eq!(cell(&about, 5, 0), &string("zones"));
    let meetings = book.worksheet_range("meetings").unwrap();
    assert_eq!(cell(&meetings, 0, 0), &string("Identifiant"));
    assert_eq!(cell(&meetings, 0, 3), &string("Nom de l'entreprise"));
    // Choices stay as the file names them: export then import is lossless.
    assert_eq!(cell(&meetings, 1, 10), &string("FollowUp"));

    // A reference to nothing is said missing in French.
    let dangling =
        parse_str(r#"(format: 1, meetings: [(id: "m-1", date: "2015-02-12", company: "zz")])"#)
            .unwrap()
            .dataset;
    let text = csv_text(&dangling, ListKind::Meetings, Dialect::ExcelFrench);
    assert!(
        text.contains("m-1;12/02/2015;zz;zz (introuvable);"),
        "{text}"
    );
}

#[test]
fn the_workbook_of_an_empty_file_has_headers_only() {
    let dataset = parse_str("(format: 1)").unwrap().dataset;
    let mut book = open_xlsx(export_workbook(&dataset).unwrap());
    for list in ListKind::ALL {
        let range = book.worksheet_range(list.file_name()).unwrap();
        assert_eq!(range.height(), 1, "{list}");
    }
}

#[test]
fn a_text_too_long_for_excel_is_refused_with_the_record_and_field() {
    let notes = "x".repeat(40_000);
    let text = format!(
        r#"(format: 1, companies: [(id: "a")], meetings: [(id: "m-9", date: "2015-02-12", company: "a", notes: "{notes}")])"#
    );
    let dataset = parse_str(&text).unwrap().dataset;
    let error = export_xlsx(&dataset, ListKind::Meetings, &[0]).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("meetings[m-9].notes has 40000 characters"),
        "{message}"
    );
    assert!(message.contains("export this list as CSV"), "{message}");
    // CSV has no such limit.
    let csv = csv_text(&dataset, ListKind::Meetings, Dialect::Standard);
    assert!(csv.contains(&notes));
}

// ---- The command line, through the real binary ----

fn run(args: &[&Path]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("sample.ron");
    std::fs::write(&path, liaison_desk::SAMPLE_DATA).unwrap();
    path
}

fn export(input: &Path, args: &[&str], output: &Path) -> Output {
    let mut all: Vec<&Path> = vec![Path::new("export"), input];
    all.extend(args.iter().map(Path::new));
    all.extend([Path::new("-o"), output]);
    run(&all)
}

#[test]
fn cli_writes_a_csv_of_one_list() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample_file(dir.path());
    let out = dir.path().join("meetings.csv");
    let output = export(
        &input,
        &[
            "--kind",
            "meetings",
            "--format",
            "csv",
            "--dialect",
            "excel-fr",
        ],
        &out,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let dataset = sample();
    let expected = export_csv(
        &dataset,
        ListKind::Meetings,
        &all_positions(&dataset, ListKind::Meetings),
        Dialect::ExcelFrench,
    );
    assert_eq!(std::fs::read(&out).unwrap(), expected);
    assert!(
        stderr(&output).contains("meetings exported"),
        "{}",
        stderr(&output)
    );

    // Standard is the default dialect.
    let out = dir.path().join("notes.csv");
    let output = export(
        &input,
        &["--kind", "country_notes", "--format", "csv"],
        &out,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"Id,Country,Country name,Title,"));
}

#[test]
fn cli_writes_the_whole_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample_file(dir.path());
    let out = dir.path().join("all.xlsx");
    let output = export(&input, &["--kind", "all", "--format", "xlsx"], &out);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let book = open_xlsx(std::fs::read(&out).unwrap());
    assert_eq!(book.sheet_names().len(), 1 + ListKind::ALL.len());

    let out = dir.path().join("contracts.xlsx");
    let output = export(&input, &["--kind", "contracts", "--format", "xlsx"], &out);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        open_xlsx(std::fs::read(&out).unwrap()).sheet_names(),
        ["contracts"]
    );
}

#[test]
fn cli_refuses_a_bad_kind_and_csv_of_everything_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample_file(dir.path());
    let out = dir.path().join("out.csv");

    let output = export(&input, &["--kind", "meeting", "--format", "csv"], &out);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("no list `meeting`"), "{message}");
    assert!(message.contains("meetings, country_notes"), "{message}");

    let output = export(&input, &["--kind", "all", "--format", "csv"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--format xlsx"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn cli_exits_2_naming_the_file_it_cannot_read_or_write() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample_file(dir.path());

    let missing = dir.path().join("missing.ron");
    let output = export(
        &missing,
        &["--kind", "meetings", "--format", "csv"],
        &dir.path().join("out.csv"),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&missing.display().to_string()),
        "{}",
        stderr(&output)
    );

    let nowhere = dir.path().join("no-such-folder").join("out.csv");
    let output = export(&input, &["--kind", "meetings", "--format", "csv"], &nowhere);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&nowhere.display().to_string()),
        "{}",
        stderr(&output)
    );

    // Never over the data file itself.
    let output = export(&input, &["--kind", "meetings", "--format", "csv"], &input);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("replace the data"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        liaison_desk::SAMPLE_DATA
    );
}
