//! Absurd input gets a clear error, never a panic nor a hang: a data file
//! over the size limit (refused unread), NUL bytes, other encodings, deep
//! nesting; a spreadsheet too wide or too large. `tests/cli.rs` covers the
//! same through the binary for hand-broken files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use liaison_desk::format::{ReadError, parse_bytes};
use liaison_desk::import::{ImportError, MAX_CELLS, MAX_COLUMNS, table_from_bytes};
use liaison_desk::storage::{FileError, MAX_FILE_BYTES, load_file};

const VALID: &str = "(\n    format: 1,\n    title: \"Carnot network\",\n    companies: [(id: \"acme\", name: \"Acme\")],\n)\n";

#[test]
fn a_file_over_the_size_limit_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: takes no room on disk, and reading it would take seconds.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();

    let started = Instant::now();
    let error = load_file(&path).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "it was not read"
    );
    assert!(matches!(error, FileError::TooLarge { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains(&(MAX_FILE_BYTES + 1).to_string())
            && message.contains(&MAX_FILE_BYTES.to_string()),
        "{message}"
    );
    assert!(message.contains("it was not opened"), "{message}");

    let output = Command::new(env!("CARGO_BIN_EXE_liaison-desk"))
        .arg("validate")
        .arg(&path)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("more than the"), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

fn read_error(bytes: &[u8]) -> ReadError {
    match parse_bytes(bytes) {
        Ok(parsed) => panic!("read: {:?}", parsed.dataset),
        Err(error) => error,
    }
}

#[test]
fn a_nul_byte_anywhere_is_refused_with_its_position() {
    let mut bytes = VALID.as_bytes().to_vec();
    // Inside the title's string, line 3.
    let at = VALID.find("Carnot").unwrap() + 3;
    bytes.insert(at, 0);
    let error = read_error(&bytes);
    assert_eq!(error, ReadError::Binary { line: 3, col: 16 });
    let message = error.to_string();
    assert!(
        message.contains("binary file, not a RON data file"),
        "{message}"
    );

    // A whole binary file, and one NUL at the very end.
    assert!(matches!(
        read_error(b"\0\0\0\0"),
        ReadError::Binary { line: 1, col: 1 }
    ));
    let mut trailing = VALID.as_bytes().to_vec();
    trailing.push(0);
    assert!(matches!(
        read_error(&trailing),
        ReadError::Binary { line: 6, col: 1 }
    ));
}

#[test]
fn other_encodings_are_refused_with_their_position_and_what_to_do() {
    let utf16 = |big_endian: bool| -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in VALID.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    };
    let latin1_on_line_3 = VALID
        .replace("Carnot", "R\u{e9}seau")
        .replace('\u{e9}', "\u{1}");
    let mut latin1 = latin1_on_line_3.into_bytes();
    let e_acute = latin1.iter().position(|b| *b == 1).unwrap();
    latin1[e_acute] = 0xE9;
    let mut truncated = VALID.as_bytes().to_vec();
    truncated.extend(&"é".as_bytes()[..1]);
    let overlong = b"(format: 1, title: \"\xC0\xAF\")".to_vec();

    let cases: [(&str, Vec<u8>, (usize, usize)); 5] = [
        (
            "UTF-16 little-endian (Windows \"Unicode\")",
            utf16(false),
            (1, 1),
        ),
        ("UTF-16 big-endian", utf16(true), (1, 1)),
        ("Latin-1", latin1, (3, 14)),
        ("a character cut at the end", truncated, (6, 1)),
        ("an overlong encoding", overlong, (1, 21)),
    ];
    for (what, bytes, (line, col)) in cases {
        let error = read_error(&bytes);
        assert_eq!(error, ReadError::NotUtf8 { line, col }, "{what}");
        let message = error.to_string();
        assert!(
            message.contains("save it again as UTF-8"),
            "{what}: {message}"
        );
    }
}

/// Deep nesting stops at ron's recursion limit with a positioned error,
/// here on a test thread's stack (2 MiB, smaller than a main thread's).
#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep =
        |open: &str, close: &str| format!("{}{}", open.repeat(1_000_000), close.repeat(1_000_000));
    let cases = [
        format!("(format: 1, title: {})", deep("[", "]")),
        format!("(format: 1, extra: {})", deep("[", "]")),
        format!("(format: 1, extra: {})", deep("Some(", ")")),
        format!("(format: 1, extra: {})", deep("{\"k\": ", "}")),
        deep("(", ")"),
        format!("(format: 1, companies: {})", deep("[", "]")),
    ];
    for text in cases {
        let error = read_error(text.as_bytes());
        assert!(
            matches!(error, ReadError::Syntax { line: 1, .. }),
            "{error:?} for {}",
            text.get(..40).unwrap()
        );
    }
}

fn import_error(name: &str, bytes: &[u8]) -> ImportError {
    match table_from_bytes(Path::new(name), bytes) {
        Ok(table) => panic!("{name} read: {} columns", table.headers.len()),
        Err(error) => error,
    }
}

#[test]
fn a_csv_wider_than_the_limit_is_refused() {
    let header: Vec<String> = (0..=MAX_COLUMNS).map(|i| format!("c{i}")).collect();
    let csv = format!("{}\n1,2\n", header.join(","));
    let error = import_error("wide.csv", csv.as_bytes());
    assert!(matches!(error, ImportError::TooManyCells { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.contains("wide.csv")
            && message.contains(&format!("a row of {} cells", MAX_COLUMNS + 1))
            && message.contains(&MAX_COLUMNS.to_string()),
        "{message}"
    );
    assert!(message.contains("delete the stray cells"), "{message}");
}

fn workbook(cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (row, column, text) in cells {
        sheet.write_string(*row, *column, *text).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_with_a_stray_cell_far_away_is_refused_not_filled_in() {
    // One cell in column 5000: five million empty cells if rows were made whole.
    let stray = workbook(&[(0, 0, "Id"), (0, 1, "Name"), (1, 0, "a"), (1, 5_000, "x")]);
    let error = import_error("stray.xlsx", &stray);
    let message = error.to_string();
    assert!(
        message.contains("stray.xlsx") && message.contains("values in 5001 columns"),
        "{message}"
    );

    // Within the width, but rows × columns over the cell limit.
    let rows = u32::try_from(MAX_CELLS / MAX_COLUMNS + 1).unwrap();
    let mut cells: Vec<(u32, u16, &str)> = (0..rows).map(|r| (r, 0, "v")).collect();
    cells.push((0, u16::try_from(MAX_COLUMNS - 1).unwrap(), "far"));
    let error = import_error("tall.xlsx", &workbook(&cells));
    let message = error.to_string();
    assert!(
        message.contains("tall.xlsx")
            && message.contains(&format!("a table of {rows} rows by {MAX_COLUMNS} columns")),
        "{message}"
    );
}
