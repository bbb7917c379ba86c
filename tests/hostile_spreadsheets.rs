//! Spreadsheets that lie or are damaged (issue 14, items 9–11, 21, 22, 24,
//! 25): an ODS whose repeats would expand to billions of cells, an archive
//! that unpacks to gigabytes, a quote never closed, UTF-8 with a stray
//! byte, a header given twice; and texts that must come back exactly from
//! an export.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::io::Write;
use std::path::Path;

use liaison_desk::edit::apply;
use liaison_desk::export::{Dialect, export_csv, export_xlsx};
use liaison_desk::format::parse_str;
use liaison_desk::import::{
    self, ImportError, SourceKind, TextEncoding, auto_mapping, detect_formats, table_from_bytes,
    why_not_imported,
};
use liaison_desk::model::{Dataset, ListKind};

/// A zip archive of `entries` (name, bytes), deflated but for `mimetype`.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in entries {
        // An ODS file's `mimetype` comes first, stored, as the format says.
        let options = if *name == "mimetype" {
            options
                .compression_method(zip::CompressionMethod::Stored)
                .compression_level(None)
        } else {
            options
        };
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// An ODS workbook whose one sheet has the rows `rows` (XML).
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Sheet1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", MANIFEST.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

fn cell(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

fn row(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| cell(c)).collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

const HEADER: &[&str] = &["Id", "Date", "Company"];

/// Six columns: the million empty rows after the last, were they made,
/// would be more than [`import::MAX_CELLS`] cells.
const WIDE_HEADER: &[&str] = &["Id", "Date", "Company", "Topic", "Stage", "Value"];

#[test]
fn ods_repeats_that_would_make_billions_of_cells_are_refused_before_expanding() {
    let data = row(&["m-1", "2015-02-12", "acme"]);
    let cases = [
        // A row with values, repeated a billion times.
        data.replace(
            "<table:table-row>",
            r#"<table:table-row table:number-rows-repeated="1000000000">"#,
        ),
        // A billion empty rows between two rows with values.
        format!(
            r#"<table:table-row table:number-rows-repeated="1000000000"><table:table-cell/></table:table-row>{data}"#
        ),
        // A billion empty cells before a value.
        format!(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="1000000000"/>{}</table:table-row>"#,
            cell("far")
        ),
    ];
    for (index, rows) in cases.iter().enumerate() {
        let bytes = ods(&format!("{}{rows}", row(HEADER)));
        let error = table_from_bytes(Path::new("hostile.ods"), &bytes)
            .expect_err("a billion cells must be refused");
        assert!(
            matches!(error, ImportError::TooManyCells { .. }),
            "case {index}: {error}"
        );
        let message = error.to_string();
        assert!(
            message.contains("hostile.ods") && message.contains("repeated"),
            "case {index}: {message}"
        );
    }
}

#[test]
fn the_trailing_repeats_spreadsheet_programs_write_are_read_as_usual() {
    // LibreOffice ends every row with its empty columns and the sheet with
    // its empty rows, to the last of a million.
    let trailing_cells = r#"<table:table-cell table:number-columns-repeated="16381"/>"#;
    let with_tail = |cells: &[&str]| {
        row(cells).replace(
            "</table:table-row>",
            &format!("{trailing_cells}</table:table-row>"),
        )
    };
    let rows = format!(
        r#"{}{}{}<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>{}<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        with_tail(WIDE_HEADER),
        with_tail(&["m-1", "2015-02-12", "acme", "Labs", "Lead", "1200"]),
        // Two identical rows are written once, repeated.
        with_tail(&["m-2", "2015-03-01", "kanto"]).replace(
            "<table:table-row>",
            r#"<table:table-row table:number-rows-repeated="2">"#
        ),
        with_tail(&["m-4", "2016-05-05", "muller"]),
    );
    let table = table_from_bytes(Path::new("libreoffice.ods"), &ods(&rows)).unwrap();
    assert_eq!(table.headers, WIDE_HEADER);
    let ids: Vec<&str> = (0..table.rows.len()).map(|r| table.cell(r, 0)).collect();
    assert_eq!(ids, ["m-1", "m-2", "m-2", "m-4"]);
    assert_eq!(table.row_numbers, [2, 3, 4, 7]);
}

#[test]
fn an_archive_that_unpacks_to_more_than_an_import_reads_is_refused() {
    // 600 MiB of one letter: under a megabyte once deflated.
    let mut content = Vec::with_capacity(600 << 20);
    content.extend_from_slice(br#"<?xml version="1.0"?><sst><si><t>"#);
    content.resize(600 << 20, b'a');
    content.extend_from_slice(b"</t></si></sst>");
    let bytes = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/sharedStrings.xml", &content),
    ]);
    drop(content);
    assert!(bytes.len() < 8 << 20, "{} bytes zipped", bytes.len());
    let error = table_from_bytes(Path::new("bomb.xlsx"), &bytes).unwrap_err();
    assert!(
        matches!(error, ImportError::UnpackedTooLarge { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("bomb.xlsx"), "{error}");

    // Spaces repeated two billion times in one ODS cell, likewise.
    let spaces = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/>b</text:p></table:table-cell></table:table-row>"#;
    let error = table_from_bytes(
        Path::new("spaces.ods"),
        &ods(&format!("{}{spaces}", row(HEADER))),
    )
    .unwrap_err();
    assert!(
        matches!(error, ImportError::UnpackedTooLarge { .. }),
        "{error}"
    );
}

#[test]
fn a_csv_quote_never_closed_is_reported_with_its_line() {
    let bytes = b"Id,Date,Company,Topic\nm-1,2015-02-12,acme,Biomarkers\nm-2,2015-03-01,kanto,\"Optics\nm-3,2016-05-05,muller,Cells\nm-4,2016-06-06,acme,Labs\n";
    let error = table_from_bytes(Path::new("quote.csv"), bytes).unwrap_err();
    assert!(
        matches!(error, ImportError::UnclosedQuote { line: 3, .. }),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.contains("line 3") && message.contains("quote.csv"),
        "{message}"
    );
    // A quoted cell over two lines is no error.
    let fine = b"Id,Topic\nm-1,\"two\nlines\"\nm-2,\"say \"\"hi\"\"\"\n";
    assert_eq!(
        table_from_bytes(Path::new("fine.csv"), fine)
            .unwrap()
            .rows
            .len(),
        2
    );
}

#[test]
fn utf8_with_one_stray_byte_stays_utf8_and_the_source_says_where() {
    let bytes = b"Id,Topic\nm-1,R\xC3\xA9union caf\xC3\xA9\nm-2,Bad\xFFbyte\n";
    let table = table_from_bytes(Path::new("mixed.csv"), bytes).unwrap();
    assert_eq!(table.cell(0, 1), "Réunion café");
    assert_eq!(table.cell(1, 1), "Bad\u{FFFD}byte");
    let SourceKind::Csv { encoding, .. } = table.source.kind else {
        panic!("a CSV: {:?}", table.source)
    };
    assert_eq!(
        encoding,
        TextEncoding::Utf8WithStrayBytes {
            count: 1,
            first_line: 3
        }
    );
    // The line the preview and the report show says it.
    let shown = table.source.to_string();
    assert!(
        shown.contains("UTF-8") && shown.contains("line 3"),
        "{shown}"
    );
}

#[test]
fn a_header_given_twice_is_reported_as_such_naming_both_columns() {
    let table = table_from_bytes(
        Path::new("twice.csv"),
        b"Id,Date,Company,Topic,Date\nm-1,2015-02-12,acme,Labs,2016-01-01\n",
    )
    .unwrap();
    let mapping = auto_mapping(ListKind::Meetings, &table.headers);
    assert_eq!(mapping.field_of(1), Some("date"));
    assert_eq!(mapping.field_of(4), None);
    let why = why_not_imported(ListKind::Meetings, &table.headers, 4).unwrap();
    assert!(why.contains("column 2") && why.contains("Date"), "{why}");
    let mut report = Vec::new();
    import::report::write_mapping(&table, &mapping, &detect_formats(&table), &mut report).unwrap();
    let report = String::from_utf8(report).unwrap();
    assert!(report.contains("same header as column 2"), "{report}");
    assert!(!report.contains("no field of"), "{report}");
}

const TEXTS: [&str; 9] = [
    "\tTab first",
    "\rCarriage return first",
    "\nLine feed first",
    "  Two spaces first",
    "\u{a0}No-break space first",
    "'=1+1",
    "'quoted'",
    "=1+1",
    "Trailing spaces  ",
];

#[test]
fn texts_come_back_exactly_from_an_export_whatever_they_start_with() {
    let mut data =
        String::from("(format: 1, companies: [(id: \"acme\", name: \"Acme\")], meetings: [");
    for (index, text) in TEXTS.iter().enumerate() {
        data.push_str(&format!(
            "(id: \"m-{index}\", date: \"2015-02-12\", company: \"acme\", topic: {text:?}, notes: {text:?}),"
        ));
    }
    data.push_str("])");
    let original: Dataset = parse_str(&data).unwrap().dataset;
    let positions: Vec<usize> = (0..TEXTS.len()).collect();
    let exports = [
        (
            "standard.csv",
            export_csv(&original, ListKind::Meetings, &positions, Dialect::Standard),
        ),
        (
            "excel.csv",
            export_csv(
                &original,
                ListKind::Meetings,
                &positions,
                Dialect::ExcelFrench,
            ),
        ),
        (
            "workbook.xlsx",
            export_xlsx(&original, ListKind::Meetings, &positions).unwrap(),
        ),
    ];
    for (name, bytes) in exports {
        let table = table_from_bytes(Path::new(name), &bytes).unwrap();
        // Into a file without those meetings: every row is added.
        let mut empty = original.clone();
        empty.meetings.clear();
        let mapping = auto_mapping(ListKind::Meetings, &table.headers);
        let formats = detect_formats(&table);
        let plan = import::plan(&empty, ListKind::Meetings, &table, &mapping, &formats);
        apply(&mut empty, plan.edit(false).expect("rows to add")).unwrap();
        for (index, text) in TEXTS.iter().enumerate() {
            let meeting = empty
                .meetings
                .iter()
                .find(|m| m.id == format!("m-{index}"))
                .unwrap_or_else(|| panic!("{name}: m-{index} imported"));
            assert_eq!(
                meeting.topic.as_deref(),
                Some(*text),
                "{name}: topic of m-{index}"
            );
            assert_eq!(
                meeting.notes.as_deref(),
                Some(*text),
                "{name}: notes of m-{index}"
            );
        }
    }
}

/// `.xls` files damaged by a few random bytes, on which the `.xls` reader
/// itself panics (an index out of range, an assertion): found by mutating
/// `meetings.xls`, which LibreOffice wrote.
const DAMAGED_XLS: [&str; 3] = ["damaged-70.xls", "damaged-151.xls", "damaged-304.xls"];

fn xls(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/xls")
            .join(name),
    )
    .unwrap()
}

#[test]
fn a_damaged_xls_that_crashes_its_reader_is_reported_as_damaged() {
    use calamine::Reader;
    let good = table_from_bytes(Path::new("meetings.xls"), &xls("meetings.xls")).unwrap();
    assert_eq!(good.headers.first().map(String::as_str), Some("Id"));
    for name in DAMAGED_XLS {
        let bytes = xls(name);
        // The reader alone panics on it: the fixture still means something.
        let raw = std::panic::catch_unwind(|| {
            let mut workbook: calamine::Xls<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone()))?;
            for sheet in workbook.sheet_names() {
                workbook.worksheet_range(&sheet)?;
            }
            Ok::<(), calamine::XlsError>(())
        });
        assert!(raw.is_err(), "{name} no longer makes the reader panic");
        let error = table_from_bytes(Path::new(name), &bytes).unwrap_err();
        assert!(
            matches!(error, ImportError::Workbook { .. }),
            "{name}: {error}"
        );
        let message = error.to_string();
        assert!(
            message.contains(name) && message.contains("is damaged"),
            "{message}"
        );
    }
}

const BIN: &str = env!("CARGO_BIN_EXE_liaison-desk");

/// `liaison-desk import` of the fixture `name` into a copy of the sample,
/// in a temporary folder; returns the command's output and the data file.
fn import_xls(name: &str, dry_run: bool) -> (std::process::Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron"),
        &data,
    )
    .unwrap();
    let input = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/xls")
        .join(name);
    let mut command = std::process::Command::new(BIN);
    command.args(["import", "--kind", "meetings", "--create-companies"]);
    if dry_run {
        command.arg("--dry-run");
    }
    let output = command.arg(&data).arg(&input).output().unwrap();
    (output, dir)
}

/// `.xls` files on which the reader asks for more memory than there is:
/// a cycle in the sector chains (it appends the same sectors until memory
/// runs out), and a directory whose length in the header makes it ask for
/// 2 TB at once (found by the fuzz target).
const OUT_OF_MEMORY_XLS: [&str; 2] = ["out-of-memory-325.xls", "out-of-memory-directory.xls"];

#[test]
fn an_xls_that_makes_its_reader_exhaust_memory_is_reported_and_the_program_goes_on() {
    // A process that runs out of memory aborts; the program must not.
    for name in OUT_OF_MEMORY_XLS {
        let (output, _dir) = import_xls(name, true);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: the command must end with its own status, not be killed: {:?} {stderr}",
            output.status
        );
        assert!(
            stderr.contains(name) && stderr.contains("is damaged"),
            "{stderr}"
        );
    }
    // And it stopped at the reader's limit, not when the machine had no
    // memory left: no process this test started (the command, and the
    // reader it started) held more than the limit.
    #[cfg(target_os = "linux")]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: getrusage fills the struct it is given.
        let usage = unsafe {
            assert_eq!(
                libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()),
                0
            );
            usage.assume_init()
        };
        let peak_bytes = u64::try_from(usage.ru_maxrss).unwrap() * 1024;
        assert!(
            peak_bytes <= import::xls::MEMORY_LIMIT,
            "a reader held {peak_bytes} bytes"
        );
    }
}

#[test]
fn an_xls_read_in_a_process_of_its_own_gives_back_its_texts_exactly() {
    // texts.xls (written by xlwt): accents, a line break, quotes of both
    // kinds, brackets, a backslash and CJK, as UTF-16 strings.
    let (output, dir) = import_xls("texts.xls", false);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(dir.path().join("data.ron")).unwrap();
    let dataset = parse_str(&written).unwrap().dataset;
    let meeting = |id: &str| {
        dataset
            .meetings
            .iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| panic!("{id} was not imported"))
    };
    let expected = [
        ("m-1", "2015-02-12", "acme-bio", "Réunion café", 1200),
        (
            "m-2",
            "2015-03-01",
            "kanto",
            "Ligne un\nligne deux, « guillemets » et \"quotes\"",
            2500,
        ),
        ("m-3", "2016-05-05", "muller", "Ωmega ) ] \\ 東京", 300),
    ];
    for (id, date, company, topic, value) in expected {
        let m = meeting(id);
        assert_eq!(m.date.to_string(), date, "{id}");
        assert_eq!(m.company, company, "{id}");
        assert_eq!(m.topic.as_deref(), Some(topic), "{id}");
        assert_eq!(m.value_eur, Some(value), "{id}");
    }
}

#[test]
fn a_damaged_xls_read_by_the_program_is_reported_as_damaged_from_its_own_process() {
    for name in DAMAGED_XLS {
        let (output, _dir) = import_xls(name, true);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        // “is damaged”: the file names say “damaged” too.
        assert!(
            stderr.contains(name) && stderr.contains("is damaged"),
            "{stderr}"
        );
    }
}
