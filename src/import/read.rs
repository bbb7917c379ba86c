//! Reading a spreadsheet file into a [`Table`] of text cells: CSV (any of
//! the encodings and delimiters spreadsheet programs write), XLSX, XLS and
//! ODS through calamine.
//!
//! Cells are text as a person sees them: workbook dates become ISO dates
//! (`2015-02-12`), whole numbers lose the spurious `.0`, other numbers keep
//! at most 15 significant digits (as Excel shows them). Interpreting dates
//! and amounts written as text is [`super::formats`]'s job.
//!
//! Architecture invariant: whatever the bytes, the result is a table or an
//! [`ImportError`] naming the file; never a panic, never rows of garbage.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Ods, Reader, Xlsx};

use super::ImportError;
use super::archive;
use super::contain::contained;
use super::mapping::header_key;
use super::sniff::{self, Content, Delimiter, TextEncoding};
use super::xls;
use crate::export::csv_unguard;
use crate::i18n::catalogue::exchange;
use crate::storage::FileError;

/// Files larger than this are refused (50 MiB: several hundred thousand rows).
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// Columns beyond this many are refused: no list has more than a dozen
/// fields, so more is stray cells far to the right.
pub const MAX_COLUMNS: usize = 1_000;

/// Cells beyond this many are refused (a workbook is compressed: 50 MiB of
/// XLSX may hold far more than memory can take).
pub const MAX_CELLS: usize = 5_000_000;

/// A spreadsheet read as text: a header row and the rows under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The header row's cells, trimmed (empty for a column without header).
    pub headers: Vec<String>,
    /// The rows under the header that have at least one cell filled in, as
    /// read: a CSV row may have fewer or more cells than the header (a
    /// ragged row, reported by the plan); trailing empty cells past the
    /// header are dropped.
    pub rows: Vec<Vec<String>>,
    /// The number of each row as a person sees it in a spreadsheet program
    /// (the header is usually row 1); parallel to `rows`.
    pub row_numbers: Vec<usize>,
    /// Where the table came from and how it was read.
    pub source: SourceInfo,
}

impl Table {
    /// The row number of `rows[index]` as the user sees it (header = 1).
    pub fn row_number(&self, index: usize) -> usize {
        self.row_numbers
            .get(index)
            .copied()
            .unwrap_or(self.source.header_row + 1 + index)
    }

    /// The cell at (`row`, `column`), empty when the row is short.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .map_or("", String::as_str)
    }

    /// A column's header for lists: “Date”, or “column 3” when empty.
    pub fn column_name(&self, column: usize) -> String {
        match self.headers.get(column).map(|h| h.trim()) {
            Some(header) if !header.is_empty() => super::quoted(header),
            _ => exchange::COLUMN_NUMBER.with(&[("number", &(column + 1))]),
        }
    }

    /// A column for messages: column “Date”, or column 3 when unnamed.
    pub fn column_label(&self, column: usize) -> String {
        match self.headers.get(column).map(|h| h.trim()) {
            Some(header) if !header.is_empty() => {
                exchange::COLUMN_NAMED.with(&[("header", &header)])
            }
            _ => exchange::COLUMN_NUMBER.with(&[("number", &(column + 1))]),
        }
    }
}

/// How a table was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// The file.
    pub path: PathBuf,
    /// CSV or workbook, with what was detected.
    pub kind: SourceKind,
    /// The row number of the header row (1 unless rows above it are blank).
    pub header_row: usize,
}

/// What kind of file a table came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    /// A CSV (or tab-separated) text file.
    Csv {
        /// The encoding detected.
        encoding: TextEncoding,
        /// The delimiter detected (or declared by a `sep=` line).
        delimiter: Delimiter,
    },
    /// A workbook.
    Workbook {
        /// Its format.
        format: WorkbookFormat,
        /// The sheet read: the first visible one with data.
        sheet: String,
        /// How many sheets the workbook has.
        sheets: usize,
    },
}

/// The workbook formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookFormat {
    /// Office Open XML (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel 97–2003 (`.xls`).
    Xls,
    /// OpenDocument (`.ods`).
    Ods,
}

impl fmt::Display for WorkbookFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WorkbookFormat::Xlsx => "XLSX",
            WorkbookFormat::Xls => "XLS",
            WorkbookFormat::Ods => "ODS",
        })
    }
}

impl fmt::Display for SourceInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SourceKind::Csv {
                encoding,
                delimiter,
            } => {
                f.write_str(
                    &exchange::SOURCE_CSV
                        .with(&[("encoding", encoding), ("delimiter", &delimiter.name())]),
                )?;
                if delimiter.declared {
                    f.write_str(exchange::SOURCE_SEP_LINE.text())?;
                }
            }
            SourceKind::Workbook {
                format,
                sheet,
                sheets,
            } => {
                f.write_str(
                    &exchange::SOURCE_WORKBOOK.with(&[("format", format), ("sheet", sheet)]),
                )?;
                if *sheets > 1 {
                    f.write_str(&exchange::SOURCE_OF_SHEETS.with(&[("sheets", sheets)]))?;
                }
            }
        }
        f.write_str(&exchange::SOURCE_HEADER_ROW.with(&[("row", &self.header_row)]))
    }
}

/// Reads the spreadsheet at `path`: CSV, XLSX, XLS or ODS, chosen by its
/// extension and checked against its content. From a workbook, the first
/// visible sheet with data is read.
pub fn read_table(path: &Path) -> Result<Table, ImportError> {
    read_table_for(path, None)
}

/// [`read_table`], reading from a workbook the sheet named `sheet` (case,
/// accents and punctuation ignored: `country_notes` finds “Country notes”)
/// when there is one, as in a whole-file export with one sheet per list.
pub fn read_table_for(path: &Path, sheet: Option<&str>) -> Result<Table, ImportError> {
    // Only an ordinary file, never more than the limit whatever its size
    // says (a FIFO would hang, /dev/zero never ends).
    let (bytes, _) =
        crate::storage::read_capped(path, MAX_IMPORT_BYTES).map_err(|error| match error {
            FileError::Read { path, source } => ImportError::Read { path, source },
            FileError::IsFolder { path } => ImportError::IsFolder { path },
            FileError::TooLarge { path, size, limit } => {
                ImportError::TooLarge { path, size, limit }
            }
            other => ImportError::File(other),
        })?;
    table_from_bytes_for(path, &bytes, sheet)
}

/// Reads a spreadsheet from its bytes; `path` gives the extension and names
/// the file in messages (for a file dropped on the window, or tests).
pub fn table_from_bytes(path: &Path, bytes: &[u8]) -> Result<Table, ImportError> {
    table_from_bytes_for(path, bytes, None)
}

/// [`table_from_bytes`], preferring the sheet named `sheet` (see [`read_table_for`]).
pub fn table_from_bytes_for(
    path: &Path,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Table, ImportError> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_IMPORT_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase();
    let named_workbook = matches!(extension.as_str(), "xlsx" | "xlsm" | "xls" | "ods");
    let named_text = matches!(extension.as_str(), "csv" | "txt" | "tsv" | "tab");
    match sniff::content(bytes) {
        Content::Zip => {
            let format = if is_ods(bytes) {
                WorkbookFormat::Ods
            } else {
                WorkbookFormat::Xlsx
            };
            if named_text {
                return Err(ImportError::WorkbookNamedAsText {
                    path: path.to_owned(),
                    extension,
                    what: exchange::WHAT_ZIP_WORKBOOK.text(),
                    suggested: if format == WorkbookFormat::Ods {
                        "ods"
                    } else {
                        "xlsx"
                    },
                });
            }
            read_contained(path, bytes, format, sheet)
        }
        Content::Ole => {
            if named_text {
                return Err(ImportError::WorkbookNamedAsText {
                    path: path.to_owned(),
                    extension,
                    what: exchange::WHAT_XLS_WORKBOOK.text(),
                    suggested: "xls",
                });
            }
            read_contained(path, bytes, WorkbookFormat::Xls, sheet)
        }
        Content::Binary(what) if named_workbook => Err(ImportError::NotAWorkbook {
            path: path.to_owned(),
            extension,
            what,
        }),
        Content::Binary(what) => Err(ImportError::Binary {
            path: path.to_owned(),
            what,
        }),
        Content::Text if named_workbook => Err(ImportError::NotAWorkbook {
            path: path.to_owned(),
            extension,
            what: exchange::WHAT_PLAIN_TEXT.text(),
        }),
        Content::Text => read_csv(path, bytes),
    }
}

/// An ODS file's first entry is `mimetype`, stored uncompressed.
fn is_ods(bytes: &[u8]) -> bool {
    let head = bytes.get(..200).unwrap_or(bytes);
    let wanted = b"application/vnd.oasis.opendocument.spreadsheet";
    head.windows(wanted.len()).any(|w| w == wanted)
}

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Table, ImportError> {
    let (text, encoding) = sniff::decode(bytes);
    let (delimiter, body) = match sniff::declared_delimiter(&text) {
        Some((byte, rest)) => (
            Delimiter {
                byte,
                declared: true,
            },
            rest,
        ),
        None => (
            Delimiter {
                byte: sniff::delimiter(&text),
                declared: false,
            },
            text.as_str(),
        ),
    };
    if let Some(line) = sniff::unclosed_quote(body, delimiter.byte) {
        return Err(ImportError::UnclosedQuote {
            path: path.to_owned(),
            // The `sep=` line is the file's first.
            line: line + usize::from(delimiter.declared),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte)
        .from_reader(body.as_bytes());

    let mut headers: Option<(Vec<String>, usize)> = None;
    let mut rows = Vec::new();
    let mut row_numbers = Vec::new();
    let mut cells = 0usize;
    // A spreadsheet shows every line as a row, except that a quoted cell
    // may hold line breaks; the CSV reader skips blank lines, which a
    // spreadsheet shows as empty rows: count them back.
    let mut next_row = 1usize;
    for record in reader.records() {
        let record = record.map_err(|error| ImportError::Csv {
            path: path.to_owned(),
            line: error.position().map_or(0, |p| p.line()),
            message: error.to_string(),
        })?;
        // The reader's position is where it started reading: before the
        // blank lines it skipped.
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        let row = next_row + blank_lines_at(body.as_bytes(), start);
        next_row = row + 1;

        let mut cells_of_row: Vec<String> = record
            .iter()
            .map(|cell| csv_unguard(cell).to_owned())
            .collect();
        if cells_of_row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        match &headers {
            None => {
                if cells_of_row.len() > MAX_COLUMNS {
                    return Err(too_many_columns(path, cells_of_row.len()));
                }
                let names = cells_of_row
                    .iter()
                    .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
                    .collect();
                headers = Some((names, row));
            }
            Some((names, _)) => {
                while cells_of_row.len() > names.len()
                    && cells_of_row.last().is_some_and(|c| c.trim().is_empty())
                {
                    cells_of_row.pop();
                }
                if cells_of_row.len() > MAX_COLUMNS {
                    return Err(too_many_columns(path, cells_of_row.len()));
                }
                cells += cells_of_row.len();
                if cells > MAX_CELLS {
                    return Err(too_many_cells(path, cells));
                }
                rows.push(cells_of_row);
                row_numbers.push(row);
            }
        }
    }
    let Some((headers, header_row)) = headers else {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    };
    Ok(Table {
        headers,
        rows,
        row_numbers,
        source: SourceInfo {
            path: path.to_owned(),
            kind: SourceKind::Csv {
                encoding,
                delimiter,
            },
            header_row,
        },
    })
}

/// How many blank lines there are at `start` of `bytes` (`\n`, `\r\n` or
/// `\r` ends). The reader may stop between the `\r` and the `\n` of the
/// previous row's end: that `\n` is no blank line.
fn blank_lines_at(bytes: &[u8], start: usize) -> usize {
    let mut rest = bytes.get(start..).unwrap_or_default();
    let after_cr = start
        .checked_sub(1)
        .and_then(|before| bytes.get(before))
        .is_some_and(|b| *b == b'\r');
    if after_cr && let Some(tail) = rest.strip_prefix(b"\n") {
        rest = tail;
    }
    let mut lines = 0;
    loop {
        match rest {
            [b'\r', b'\n', tail @ ..] | [b'\n' | b'\r', tail @ ..] => {
                lines += 1;
                rest = tail;
            }
            _ => return lines,
        }
    }
}

fn too_many_columns(path: &Path, columns: usize) -> ImportError {
    ImportError::TooManyCells {
        path: path.to_owned(),
        what: exchange::WHAT_ROW_OF_CELLS.with(&[("columns", &columns)]),
        limit: MAX_COLUMNS,
    }
}

fn too_many_cells(path: &Path, cells: usize) -> ImportError {
    ImportError::TooManyCells {
        path: path.to_owned(),
        what: exchange::WHAT_MORE_CELLS.with(&[("count", &cells.saturating_sub(1))]),
        limit: MAX_CELLS,
    }
}

/// The filled-in cells of one sheet: (row, column, text), 0-based from A1.
pub(super) type SparseCells = Vec<(u32, u32, String)>;

/// [`read_workbook`], its archive checked first, and a panic of the
/// workbook reader reported as a damaged file.
fn read_contained(
    path: &Path,
    bytes: &[u8],
    format: WorkbookFormat,
    wanted: Option<&str>,
) -> Result<Table, ImportError> {
    if format != WorkbookFormat::Xls {
        archive::check(path, bytes, format)?;
    }
    contained(|| read_workbook(path, bytes, format, wanted)).unwrap_or_else(|| {
        Err(ImportError::Workbook {
            path: path.to_owned(),
            message: exchange::WORKBOOK_READER_STOPPED.text().to_owned(),
        })
    })
}

fn read_workbook(
    path: &Path,
    bytes: &[u8],
    format: WorkbookFormat,
    wanted: Option<&str>,
) -> Result<Table, ImportError> {
    let workbook_error = |message: String| ImportError::Workbook {
        path: path.to_owned(),
        message,
    };
    let cursor = Cursor::new(bytes);
    // The sheets in order, visible ones first, and a way to read one.
    let (sheet_count, found) = match format {
        WorkbookFormat::Xlsx => {
            let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(cursor)
                .map_err(|e: calamine::XlsxError| workbook_error(e.to_string()))?;
            let names = sheet_order(workbook.sheets_metadata(), wanted);
            let mut found = None;
            for name in &names {
                let cells = xlsx_cells(path, &mut workbook, name)?;
                if !cells.is_empty() {
                    found = Some((name.clone(), cells));
                    break;
                }
            }
            (names.len(), found)
        }
        WorkbookFormat::Xls => {
            let sheet = xls::read(bytes, wanted).map_err(|failure| match failure {
                xls::Failure::Workbook(message) => workbook_error(message),
                xls::Failure::ReaderStopped => {
                    workbook_error(exchange::WORKBOOK_READER_STOPPED.text().to_owned())
                }
                xls::Failure::TooLong => {
                    let minutes = xls::TIME_LIMIT.as_secs() / 60;
                    workbook_error(
                        exchange::WORKBOOK_READER_TOO_LONG.with(&[("minutes", &minutes)]),
                    )
                }
                xls::Failure::TooManyCells(count) => too_many_cells(path, count),
            })?;
            (sheet.sheets, sheet.found)
        }
        WorkbookFormat::Ods => {
            let mut workbook: Ods<_> = calamine::open_workbook_from_rs(cursor)
                .map_err(|e: calamine::OdsError| workbook_error(e.to_string()))?;
            let names = sheet_order(workbook.sheets_metadata(), wanted);
            let mut found = None;
            for name in &names {
                let range = workbook
                    .worksheet_range(name)
                    .map_err(|e| workbook_error(e.to_string()))?;
                let cells = range_cells(&range).map_err(|count| too_many_cells(path, count))?;
                if !cells.is_empty() {
                    found = Some((name.clone(), cells));
                    break;
                }
            }
            (names.len(), found)
        }
    };
    let Some((sheet, cells)) = found else {
        return Err(ImportError::NoSheet {
            path: path.to_owned(),
        });
    };
    table_from_cells(
        path,
        cells,
        SourceKind::Workbook {
            format,
            sheet,
            sheets: sheet_count,
        },
    )
}

/// Sheet names: the one named `wanted` first, then visible sheets, then
/// hidden ones (a hidden sheet is rarely the data).
pub(super) fn sheet_order(sheets: &[calamine::Sheet], wanted: Option<&str>) -> Vec<String> {
    let key = |name: &str| header_key(name);
    let wanted = wanted.map(key);
    let rank = |sheet: &calamine::Sheet| {
        if wanted.as_deref() == Some(key(&sheet.name).as_str()) {
            0
        } else if sheet.visible == calamine::SheetVisible::Visible {
            1
        } else {
            2
        }
    };
    let mut ordered: Vec<&calamine::Sheet> = sheets.iter().collect();
    ordered.sort_by_key(|sheet| rank(sheet));
    ordered.into_iter().map(|s| s.name.clone()).collect()
}

/// Streams an XLSX sheet's cells, so that a sheet with one stray cell in
/// its far corner does not become billions of empty ones in memory.
fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
    path: &Path,
    workbook: &mut Xlsx<RS>,
    name: &str,
) -> Result<SparseCells, ImportError> {
    let workbook_error = |message: String| ImportError::Workbook {
        path: path.to_owned(),
        message,
    };
    let mut reader = workbook
        .worksheet_cells_reader(name)
        .map_err(|e| workbook_error(e.to_string()))?;
    let mut cells = Vec::new();
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| workbook_error(e.to_string()))?
    {
        let (row, column) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.trim().is_empty() {
            continue;
        }
        cells.push((row, column, text));
        if cells.len() > MAX_CELLS {
            return Err(too_many_cells(path, cells.len()));
        }
    }
    Ok(cells)
}

/// The filled-in cells of a range, or the count reached if there are more
/// than [`MAX_CELLS`].
pub(super) fn range_cells(range: &calamine::Range<Data>) -> Result<SparseCells, usize> {
    let Some((top, left)) = range.start() else {
        return Ok(Vec::new());
    };
    let mut cells = Vec::new();
    for (r, row) in range.rows().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let text = cell_text(value);
            if text.trim().is_empty() {
                continue;
            }
            let row_index = top.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
            let column = left.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
            cells.push((row_index, column, text));
            if cells.len() > MAX_CELLS {
                return Err(cells.len());
            }
        }
    }
    Ok(cells)
}

/// A table from a sheet's filled-in cells: the first row with a value is
/// the header; columns run from the leftmost to the rightmost value.
fn table_from_cells(
    path: &Path,
    cells: SparseCells,
    kind: SourceKind,
) -> Result<Table, ImportError> {
    let left = cells.iter().map(|(_, c, _)| *c).min().unwrap_or(0);
    let right = cells.iter().map(|(_, c, _)| *c).max().unwrap_or(0);
    let width = usize::try_from(right.saturating_sub(left))
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    if width > MAX_COLUMNS {
        return Err(ImportError::TooManyCells {
            path: path.to_owned(),
            what: exchange::WHAT_VALUES_IN_COLUMNS.with(&[("width", &width)]),
            limit: MAX_COLUMNS,
        });
    }
    let mut sparse: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    for (row, column, text) in cells {
        sparse.entry(row).or_default().push((column, text));
    }
    // Rows are made whole: a few stray cells far apart must not become
    // millions of empty ones.
    if sparse.len().saturating_mul(width) > MAX_CELLS {
        return Err(ImportError::TooManyCells {
            path: path.to_owned(),
            what: exchange::WHAT_TABLE.with(&[("rows", &sparse.len()), ("width", &width)]),
            limit: MAX_CELLS,
        });
    }
    let mut by_row = sparse.into_iter().map(|(row, cells_of_row)| {
        let mut whole = vec![String::new(); width];
        for (column, text) in cells_of_row {
            let index = usize::try_from(column.saturating_sub(left)).unwrap_or(usize::MAX);
            if let Some(slot) = whole.get_mut(index) {
                *slot = text;
            }
        }
        (row, whole)
    });
    let Some((header_index, header_cells)) = by_row.next() else {
        return Err(ImportError::NoSheet {
            path: path.to_owned(),
        });
    };
    let headers = header_cells.iter().map(|h| h.trim().to_owned()).collect();
    let mut rows = Vec::new();
    let mut row_numbers = Vec::new();
    for (index, cells_of_row) in by_row {
        rows.push(cells_of_row);
        row_numbers.push(index as usize + 1);
    }
    Ok(Table {
        headers,
        rows,
        row_numbers,
        source: SourceInfo {
            path: path.to_owned(),
            kind,
            header_row: header_index as usize + 1,
        },
    })
}

/// A workbook cell as text, as a person reads it.
fn cell_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number_text(*x),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(datetime) if datetime.is_datetime() => {
            let (year, month, day, hour, minute, second, milli) = datetime.to_ymd_hms_milli();
            if (hour, minute, second, milli) == (0, 0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::DateTime(duration) => number_text(duration.as_f64()),
        // i18n: a time of day in ISO 8601, read from the file
        Data::DateTimeIso(text) => text.strip_suffix("T00:00:00").unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

/// A number as a spreadsheet shows it: `1200`, not `1200.0`; at most 15
/// significant digits, so that `0.1 + 0.2` reads `0.3`.
fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return format!("{x:.0}");
    }
    let magnitude = if x == 0.0 {
        0
    } else {
        x.abs().log10().floor() as i32 + 1
    };
    let decimals = usize::try_from((15 - magnitude).clamp(0, 15)).unwrap_or(0);
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_spreadsheet_shows_them() {
        assert_eq!(number_text(1200.0), "1200");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(1200.5), "1200.5");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(250000.0), "250000");
    }
}
