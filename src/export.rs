//! Getting data out to spreadsheets: CSV in two dialects, Excel workbooks.
//!
//! A list exports as its fields in the file's order ([`crate::fields`]),
//! each reference and country followed by a column with its readable name
//! ([`columns`]), so that a spreadsheet shows "Acme Bio" beside `acme-bio`.
//! Those name columns are derived: an import ignores them.
//!
//! Words for people follow the interface's language ([`crate::i18n`]): an
//! Excel workbook's headers and its About sheet, and the mark of a reference
//! to nothing (`zz (missing)`, `zz (introuvable)`); a CSV's headers follow
//! the [`Dialect`] chosen. Values stay as the data file writes them (ids,
//! choice names such as `FollowUp`), so that an import reads them back.
//!
//! Formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is run as a formula by spreadsheet programs (OWASP "CSV
//! injection"). In CSV such cells are prefixed with an apostrophe
//! ([`spreadsheet_safe`]), which spreadsheets show as text. In XLSX every
//! text is written as a string cell, never a formula, and those cells also
//! get Excel's "quote prefix" style, so that editing one in Excel does not
//! turn it into a formula; the text itself is kept as written.
//!
//! Architecture invariant: no egui, no I/O. The bytes are returned; the
//! caller writes them (atomically, with [`crate::storage::write_export`]).

// Data from a file is read with `.get()`, never a panicking index.
#![deny(clippy::indexing_slicing)]

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use thiserror::Error;

use crate::countries::country_name;
use crate::edit::{Record, list_len};
use crate::fields::{self, Field, FieldKind, LIST_SEPARATOR};
use crate::i18n::{self, Language, Msg, catalogue::exchange};
use crate::import::list_words;
use crate::lookup::Lookup;
use crate::model::{Dataset, IsoDate, ListKind};

/// The cell text of a CSV file, neutralised against formula injection: an
/// apostrophe before a text that a spreadsheet would run as a formula, and
/// before a text that starts with an apostrophe itself, so that
/// [`csv_unguard`] gives back exactly what was written.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if starts_like_a_formula(cell) || cell.starts_with('\'') {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`spreadsheet_safe`] on a CSV cell being imported: one leading
/// apostrophe goes when what follows would need it (a formula's first
/// character, or another apostrophe). Any other apostrophe is the text's
/// own (`'quoted'`, `l'usine`). A workbook's cells are never guarded this
/// way (their texts are string cells), so nothing is removed from them.
pub fn csv_unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_a_formula(rest) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// Whether a spreadsheet would take `cell` for a formula.
fn starts_like_a_formula(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// For programs and scripts: UTF-8 without byte-order mark, comma
    /// separator, `\n` line endings, English headers, ISO dates
    /// (`YYYY-MM-DD`), amounts as plain digits.
    #[default]
    Standard,
    /// For Excel in French: UTF-8 with a byte-order mark (without it Excel
    /// reads the file as Windows-1252), semicolon separator (Excel's list
    /// separator where the decimal mark is a comma), `\r\n` line endings,
    /// French headers, dates `dd/mm/yyyy`. Amounts are whole euros, written
    /// as plain digits without thousands separator so that Excel reads them
    /// as numbers; format v1 has no fractional numbers, which would take a
    /// decimal comma.
    ExcelFrench,
}

impl Dialect {
    /// The dialect whose headers are in `language`: the standard one in
    /// English, the French Excel one in French. What an export follows when
    /// the person does not choose.
    pub fn for_language(language: Language) -> Dialect {
        match language {
            Language::English => Dialect::Standard,
            Language::French => Dialect::ExcelFrench,
        }
    }

    /// The dialect of the interface's language ([`i18n::current`]).
    pub fn of_interface() -> Dialect {
        Dialect::for_language(i18n::current())
    }

    /// The field separator.
    pub fn delimiter(self) -> u8 {
        match self {
            Dialect::Standard => b',',
            Dialect::ExcelFrench => b';',
        }
    }
}

/// What a column of an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnContent {
    /// The field's value, as in the data file (ids, codes, choice names).
    Value,
    /// The readable name of what the field refers to: a record's name for a
    /// reference (names joined with `"; "` for several), a country's name
    /// for a country code. Derived from the data: an import ignores it.
    Name,
}

/// One column of an exported list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The field the column shows, or whose reference it names.
    pub field: &'static Field,
    /// The value itself or the readable name.
    pub content: ColumnContent,
    /// Header in English.
    pub english: &'static str,
    /// Header in French.
    pub french: &'static str,
}

impl Column {
    /// The header in the language of `dialect`.
    pub fn header(&self, dialect: Dialect) -> &'static str {
        match dialect {
            Dialect::Standard => self.english,
            Dialect::ExcelFrench => self.french,
        }
    }

    /// Whether the column is derived from others (a readable name), and so
    /// not read back by an import.
    pub fn is_derived(&self) -> bool {
        self.content == ColumnContent::Name
    }
}

/// Headers of a name column: (English, French) for one record and for several.
struct NameHeaders {
    one: (&'static str, &'static str),
    several: (&'static str, &'static str),
}

fn name_headers(list: ListKind) -> NameHeaders {
    let (one, several) = match list {
        ListKind::Zones => (
            ("Zone name", "Nom de la zone"), // i18n: export headers of each dialect
            ("Zone names", "Noms des zones"), // i18n: export headers of each dialect
        ),
        ListKind::Countries => (
            ("Country name", "Nom du pays"), // i18n: export headers of each dialect
            ("Country names", "Noms des pays"), // i18n: export headers of each dialect
        ),
        ListKind::Institutes => (
            ("Institute name", "Nom de l'institut"), // i18n: export headers of each dialect
            ("Institute names", "Noms des instituts"), // i18n: export headers of each dialect
        ),
        ListKind::Affiliates => (
            ("Affiliate name", "Nom de l'antenne"), // i18n: export headers of each dialect
            ("Affiliate names", "Noms des antennes"), // i18n: export headers of each dialect
        ),
        ListKind::Companies => (
            ("Company name", "Nom de l'entreprise"), // i18n: export headers of each dialect
            ("Company names", "Noms des entreprises"), // i18n: export headers of each dialect
        ),
        ListKind::Meetings => (
            (
                "Meeting (date — company)",        // i18n: export headers of each dialect
                "Rendez-vous (date — entreprise)", // i18n: export headers of each dialect
            ),
            (
                "Meetings (date — company)",       // i18n: export headers of each dialect
                "Rendez-vous (date — entreprise)", // i18n: export headers of each dialect
            ),
        ),
        ListKind::CountryNotes => (
            ("Note title", "Titre de la note"), // i18n: export headers of each dialect
            ("Note titles", "Titres des notes"), // i18n: export headers of each dialect
        ),
        ListKind::Contracts => (
            ("Contract title", "Titre du contrat"), // i18n: export headers of each dialect
            ("Contract titles", "Titres des contrats"), // i18n: export headers of each dialect
        ),
    };
    NameHeaders { one, several }
}

/// Whether `field` of `list` holds a country code (a `Country` field, or
/// the code of the `countries` list).
fn is_country_code(list: ListKind, field: &Field) -> bool {
    field.kind == FieldKind::Country || (list == ListKind::Countries && field.kind == FieldKind::Id)
}

/// The columns of an export of `list`: its fields in the file's order, each
/// reference, list of references and country code followed by a column
/// with its readable name.
pub fn columns(list: ListKind) -> Vec<Column> {
    let mut columns = Vec::new();
    for field in fields::fields(list) {
        columns.push(Column {
            field,
            content: ColumnContent::Value,
            english: field.english,
            french: field.french,
        });
        let name = match field.kind {
            FieldKind::Reference(target) => Some(name_headers(target).one),
            FieldKind::References(target) => Some(name_headers(target).several),
            _ if is_country_code(list, field) => Some(name_headers(ListKind::Countries).one),
            _ => None,
        };
        if let Some((english, french)) = name {
            columns.push(Column {
                field,
                content: ColumnContent::Name,
                english,
                french,
            });
        }
    }
    columns
}

/// The positions of every record of `list`, in the file's order.
pub fn all_positions(dataset: &Dataset, list: ListKind) -> Vec<usize> {
    (0..list_len(dataset, list)).collect()
}

/// One exported cell, before a format decides how it is written.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Date(NaiveDate),
    Amount(u64),
}

/// The cells of one record, column by column.
fn record_cells(
    dataset: &Dataset,
    lookup: &Lookup,
    list: ListKind,
    record: &Record,
    columns: &[Column],
) -> Vec<Cell> {
    columns
        .iter()
        .map(|column| {
            let Some(value) = fields::get(record, column.field.name) else {
                return Cell::Empty;
            };
            match (column.content, column.field.kind) {
                (ColumnContent::Value, FieldKind::Date) => match IsoDate::parse(&value) {
                    IsoDate::Valid(date) => Cell::Date(date),
                    IsoDate::Invalid(text) => Cell::Text(text),
                },
                (ColumnContent::Value, FieldKind::Amount) => match value.parse() {
                    Ok(amount) => Cell::Amount(amount),
                    Err(_) => Cell::Text(value),
                },
                (ColumnContent::Value, _) => Cell::Text(value),
                (ColumnContent::Name, FieldKind::Reference(target)) => {
                    Cell::Text(reference_name(dataset, lookup, target, &value))
                }
                (ColumnContent::Name, FieldKind::References(target)) => Cell::Text(
                    value
                        .split(';')
                        .map(str::trim)
                        .filter(|id| !id.is_empty())
                        .map(|id| reference_name(dataset, lookup, target, id))
                        .collect::<Vec<_>>()
                        .join(LIST_SEPARATOR),
                ),
                (ColumnContent::Name, _) if is_country_code(list, column.field) => {
                    country_name(&value).map_or(Cell::Empty, |name| Cell::Text(name.to_owned()))
                }
                (ColumnContent::Name, _) => Cell::Empty,
            }
        })
        .collect()
}

/// The readable name of the record `id` of `list`, or the id marked missing
/// in the interface's language when no record has it.
fn reference_name(dataset: &Dataset, lookup: &Lookup, list: ListKind, id: &str) -> String {
    if lookup.contains(list, id) {
        lookup.name(dataset, list, id)
    } else {
        exchange::MISSING_REFERENCE.with(&[("id", &id)])
    }
}

/// The records at `positions` of `list` (positions that name no record are
/// skipped), as cells.
fn rows<'a>(
    dataset: &'a Dataset,
    lookup: &'a Lookup,
    list: ListKind,
    positions: &'a [usize],
    columns: &'a [Column],
) -> impl Iterator<Item = (Record, Vec<Cell>)> + 'a {
    positions.iter().filter_map(move |&index| {
        let record = Record::get(dataset, list, index)?;
        let cells = record_cells(dataset, lookup, list, &record, columns);
        Some((record, cells))
    })
}

/// A cell as CSV text in `dialect`, neutralised against formula injection.
fn csv_text(cell: &Cell, dialect: Dialect) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => spreadsheet_safe(text).into_owned(),
        Cell::Date(date) => match dialect {
            Dialect::Standard => date.format("%Y-%m-%d").to_string(),
            Dialect::ExcelFrench => date.format("%d/%m/%Y").to_string(),
        },
        Cell::Amount(amount) => amount.to_string(),
    }
}

/// The records at `positions` of `list`, in that order, as CSV in `dialect`:
/// a header row then one row per record, with the columns of [`columns`].
/// Multi-line text stays multi-line (quoted). Positions that name no record
/// are skipped.
pub fn export_csv(
    dataset: &Dataset,
    list: ListKind,
    positions: &[usize],
    dialect: Dialect,
) -> Vec<u8> {
    let columns = columns(list);
    let lookup = Lookup::new(dataset);
    let mut bytes = Vec::new();
    if dialect == Dialect::ExcelFrench {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    let terminator = match dialect {
        Dialect::Standard => csv::Terminator::Any(b'\n'),
        Dialect::ExcelFrench => csv::Terminator::CRLF,
    };
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(dialect.delimiter())
            .terminator(terminator)
            .from_writer(&mut bytes);
        // Writing into a Vec cannot fail, and every row has one cell per
        // column, so the csv writer has no error to report here.
        writer
            .write_record(
                columns
                    .iter()
                    .map(|c| spreadsheet_safe(c.header(dialect)).into_owned()),
            )
            .ok();
        for (_, cells) in rows(dataset, &lookup, list, positions, &columns) {
            writer
                .write_record(cells.iter().map(|cell| csv_text(cell, dialect)))
                .ok();
        }
        writer.flush().ok();
    }
    bytes
}

/// Why an Excel workbook could not be made.
#[derive(Debug, Error)]
pub enum ExportError {
    /// More records than an Excel sheet has rows.
    #[error("{}", exchange::TOO_MANY_ROWS.with(&[
        ("count", count),
        ("list", &list_words(*list).name),
        ("max", max),
    ]))]
    TooManyRows {
        /// The list.
        list: ListKind,
        /// The number of records to export.
        count: usize,
        /// The most records a sheet can hold (its rows less the header).
        max: usize,
    },
    /// A text longer than an Excel cell can hold.
    #[error("{}", exchange::CELL_TOO_LONG.with(&[
        ("path", &format!("{list}[{id}].{field}")),
        ("chars", chars),
        ("max", max),
    ]))]
    CellTooLong {
        /// The list.
        list: ListKind,
        /// The record's id.
        id: String,
        /// The field.
        field: &'static str,
        /// The text's length in characters.
        chars: usize,
        /// The most an Excel cell holds.
        max: usize,
    },
    /// The XLSX writer failed.
    #[error("{}", exchange::XLSX_FAILED.with(&[("step", step), ("error", source)]))]
    Xlsx {
        /// What was being done.
        step: String,
        /// The writer's error.
        #[source]
        source: XlsxError,
    },
}

/// Rows of an Excel sheet (1,048,576), less the header.
const MAX_SHEET_RECORDS: usize = 1_048_575;
/// Characters in an Excel cell.
const MAX_CELL_CHARS: usize = 32_767;
/// The largest whole number an Excel cell (a double) holds exactly.
const MAX_EXACT_NUMBER: u64 = 1 << 53;
/// The width of a column, in characters, at least and at most.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// The formats of a workbook, made once.
struct Formats {
    header: Format,
    date: Format,
    amount: Format,
    /// Text that would read as a formula if edited.
    quoted: Format,
    /// Text on several lines.
    wrapped: Format,
    /// Both.
    quoted_wrapped: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold(),
            date: Format::new().set_num_format(match i18n::current() {
                Language::English => "yyyy-mm-dd",
                Language::French => "dd/mm/yyyy",
            }),
            amount: Format::new().set_num_format("#,##0"),
            quoted: Format::new().set_quote_prefix(),
            wrapped: Format::new().set_text_wrap(),
            quoted_wrapped: Format::new().set_quote_prefix().set_text_wrap(),
        }
    }
}

fn xlsx_error(step: impl Into<String>) -> impl FnOnce(XlsxError) -> ExportError {
    let step = step.into();
    move |source| ExportError::Xlsx { step, source }
}

/// Excel's date, for years it can show (1900 to 9999).
fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// Width in characters a cell needs: its longest line.
fn cell_width(cell: &Cell) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(text) => text.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Cell::Date(_) => 10,
        // Digits and the thousands separators of "#,##0".
        Cell::Amount(amount) => {
            let digits = amount.to_string().len();
            digits + digits.saturating_sub(1) / 3
        }
    }
}

/// Writes one cell at (`row`, `col`).
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(text) => {
            let multi_line = text.contains('\n');
            let format = match (starts_like_a_formula(text), multi_line) {
                (true, true) => Some(&formats.quoted_wrapped),
                (true, false) => Some(&formats.quoted),
                (false, true) => Some(&formats.wrapped),
                (false, false) => None,
            };
            match format {
                Some(format) => sheet.write_string_with_format(row, col, text, format)?,
                None => sheet.write_string(row, col, text)?,
            };
        }
        Cell::Date(date) => match excel_date(*date) {
            Some(excel) => {
                sheet.write_datetime_with_format(row, col, excel, &formats.date)?;
            }
            None => {
                sheet.write_string(row, col, date.format("%Y-%m-%d").to_string())?;
            }
        },
        Cell::Amount(amount) if *amount <= MAX_EXACT_NUMBER => {
            // Exact: at most 2^53.
            let number = *amount as f64;
            sheet.write_number_with_format(row, col, number, &formats.amount)?;
        }
        Cell::Amount(amount) => {
            sheet.write_string(row, col, amount.to_string())?;
        }
    }
    Ok(())
}

/// Adds a sheet named after `list` with the records at `positions`: bold,
/// frozen header with an autofilter, real dates and numbers, columns as
/// wide as their content (within bounds).
fn add_list_sheet(
    workbook: &mut Workbook,
    dataset: &Dataset,
    lookup: &Lookup,
    list: ListKind,
    positions: &[usize],
    formats: &Formats,
) -> Result<(), ExportError> {
    if positions.len() > MAX_SHEET_RECORDS {
        return Err(ExportError::TooManyRows {
            list,
            count: positions.len(),
            max: MAX_SHEET_RECORDS,
        });
    }
    let columns = columns(list);
    let name = list.file_name();
    let step = |what: Msg| exchange::STEP_OF_SHEET.with(&[("what", &what), ("sheet", &name)]);
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(name)
        .map_err(xlsx_error(step(exchange::STEP_NAMING)))?;

    let dialect = Dialect::of_interface();
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| c.header(dialect).chars().count())
        .collect();
    for (col, column) in (0u16..).zip(&columns) {
        sheet
            .write_string_with_format(0, col, column.header(dialect), &formats.header)
            .map_err(xlsx_error(step(exchange::STEP_HEADER)))?;
    }
    let mut row: u32 = 0;
    for (record, cells) in rows(dataset, lookup, list, positions, &columns) {
        row += 1;
        for ((col, cell), column) in (0u16..).zip(&cells).zip(&columns) {
            if let Cell::Text(text) = cell {
                let chars = text.chars().count();
                if chars > MAX_CELL_CHARS {
                    return Err(ExportError::CellTooLong {
                        list,
                        id: record.id().to_owned(),
                        field: column.field.name,
                        chars,
                        max: MAX_CELL_CHARS,
                    });
                }
            }
            write_cell(sheet, row, col, cell, formats).map_err(|source| ExportError::Xlsx {
                step: exchange::STEP_WRITING.with(&[(
                    "path",
                    &format!("{list}[{}].{}", record.id(), column.field.name),
                )]),
                source,
            })?;
            if let Some(width) = widths.get_mut(usize::from(col)) {
                *width = (*width).max(cell_width(cell));
            }
        }
    }
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    for (col, width) in (0u16..).zip(&widths) {
        let width = (*width).clamp(MIN_WIDTH, MAX_WIDTH) + 2;
        sheet
            .set_column_width(col, width as f64)
            .map_err(xlsx_error(step(exchange::STEP_SIZING)))?;
    }
    sheet
        .set_freeze_panes(1, 0)
        .map_err(xlsx_error(step(exchange::STEP_FREEZING)))?;
    sheet
        .autofilter(0, 0, row, last_col)
        .map_err(xlsx_error(step(exchange::STEP_FILTER)))?;
    Ok(())
}

fn save(workbook: &mut Workbook) -> Result<Vec<u8>, ExportError> {
    workbook
        .save_to_buffer()
        .map_err(xlsx_error(exchange::STEP_SAVING.text()))
}

/// The records at `positions` of `list`, in that order, as an Excel
/// workbook with one sheet named after the list (`meetings`): bold frozen
/// header in the interface's language ([`Dialect::of_interface`]) with an
/// autofilter, dates as real dates (`yyyy-mm-dd`, `dd/mm/yyyy` in French; a date that
/// is not a real one as text), amounts as numbers (`#,##0`), every text as
/// a string cell, never a formula. Positions that name no record are
/// skipped.
pub fn export_xlsx(
    dataset: &Dataset,
    list: ListKind,
    positions: &[usize],
) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let lookup = Lookup::new(dataset);
    add_list_sheet(&mut workbook, dataset, &lookup, list, positions, &formats)?;
    save(&mut workbook)
}

/// The name of the first sheet of [`export_workbook`].
pub const ABOUT_SHEET: &str = "About"; // i18n: a sheet's name, as the file's lists

/// The whole file as an Excel workbook: an [`ABOUT_SHEET`] (the file's
/// title, the day of the export, the number of records of each list), then
/// one sheet per list in the file's order, named as in the file (`zones`,
/// `countries`, `institutes`, `affiliates`, `companies`, `meetings`,
/// `country_notes`, `contracts`), each as [`export_xlsx`] makes it.
pub fn export_workbook(dataset: &Dataset) -> Result<Vec<u8>, ExportError> {
    export_workbook_on(dataset, chrono::Local::now().date_naive())
}

/// [`export_workbook`], saying it was exported on `today`.
pub fn export_workbook_on(dataset: &Dataset, today: NaiveDate) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let lookup = Lookup::new(dataset);
    if let Some(title) = &dataset.title {
        workbook.set_properties(&DocProperties::new().set_title(title));
    }
    add_about_sheet(&mut workbook, dataset, today, &formats)?;
    for list in ListKind::ALL {
        let positions = all_positions(dataset, list);
        add_list_sheet(&mut workbook, dataset, &lookup, list, &positions, &formats)?;
    }
    save(&mut workbook)
}

/// The first sheet of the whole-file workbook.
fn add_about_sheet(
    workbook: &mut Workbook,
    dataset: &Dataset,
    today: NaiveDate,
    formats: &Formats,
) -> Result<(), ExportError> {
    let err = || xlsx_error(exchange::STEP_WRITING_SHEET.with(&[("sheet", &ABOUT_SHEET)]));
    let sheet = workbook.add_worksheet();
    sheet.set_name(ABOUT_SHEET).map_err(err())?;
    let title = dataset.title.as_deref().unwrap_or("");
    let title = Cell::Text(title.to_owned());
    sheet
        .write_string_with_format(0, 0, exchange::ABOUT_TITLE.text(), &formats.header)
        .map_err(err())?;
    write_cell(sheet, 0, 1, &title, formats).map_err(err())?;
    sheet
        .write_string_with_format(1, 0, exchange::ABOUT_EXPORTED.text(), &formats.header)
        .map_err(err())?;
    write_cell(sheet, 1, 1, &Cell::Date(today), formats).map_err(err())?;
    sheet
        .write_string_with_format(2, 0, exchange::ABOUT_FORMAT.text(), &formats.header)
        .map_err(err())?;
    sheet
        .write_number(2, 1, f64::from(dataset.format))
        .map_err(err())?;
    sheet
        .write_string_with_format(4, 0, exchange::ABOUT_SHEET.text(), &formats.header)
        .map_err(err())?;
    sheet
        .write_string_with_format(4, 1, exchange::ABOUT_RECORDS.text(), &formats.header)
        .map_err(err())?;
    for (row, list) in (5u32..).zip(ListKind::ALL) {
        sheet
            .write_string(row, 0, list.file_name())
            .map_err(err())?;
        let count = Cell::Amount(u64::try_from(list_len(dataset, list)).unwrap_or(u64::MAX));
        write_cell(sheet, row, 1, &count, formats).map_err(err())?;
    }
    sheet.set_column_width(0, 14).map_err(err())?;
    let title_width = (cell_width(&title).clamp(12, MAX_WIDTH) + 2) as f64;
    sheet.set_column_width(1, title_width).map_err(err())?;
    Ok(())
}

/// The file name an export suggests: the list's name in the file and the
/// day, `meetings-2026-11-28.csv`; for the whole file (`list` = `None`),
/// `liaison-desk-2026-11-28.xlsx`. `format` is the extension, with or
/// without its dot.
pub fn default_file_name(list: Option<ListKind>, format: &str, today: NaiveDate) -> String {
    let stem = list.map_or("liaison-desk", ListKind::file_name);
    let extension = format.trim_start_matches('.').to_lowercase();
    format!("{stem}-{}.{extension}", today.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_kept() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+33 1 23"), "'+33 1 23");
        assert_eq!(spreadsheet_safe("-1"), "'-1");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("\tx"), "'\tx");
        assert_eq!(spreadsheet_safe("europe"), "europe");
        assert_eq!(spreadsheet_safe("'=1+1"), "''=1+1");
        assert_eq!(spreadsheet_safe("l'usine"), "l'usine");
        for text in [
            "'=1+1", "=1+1", "'quoted'", "''", "l'usine", "\tx", "-1", "'",
        ] {
            assert_eq!(csv_unguard(&spreadsheet_safe(text)), text, "{text:?}");
        }
        assert_eq!(csv_unguard("'quoted'"), "'quoted'");
        assert_eq!(spreadsheet_safe(""), "");
    }

    #[test]
    fn references_and_countries_are_followed_by_their_names() {
        let headers: Vec<&str> = columns(ListKind::Meetings)
            .iter()
            .map(|c| c.header(Dialect::Standard))
            .collect();
        assert_eq!(
            headers,
            [
                "Id",
                "Date",
                "Company",
                "Company name",
                "Affiliate",
                "Affiliate name",
                "Institutes",
                "Institute names",
                "Initiative",
                "Topic",
                "Stage",
                "Value (€)",
                "Follow-up",
                "Notes",
            ]
        );
        let french: Vec<&str> = columns(ListKind::Contracts)
            .iter()
            .map(|c| c.header(Dialect::ExcelFrench))
            .collect();
        assert!(french.contains(&"Nom de l'entreprise"), "{french:?}");
        assert!(french.contains(&"Nom du pays"), "{french:?}");
        let countries = columns(ListKind::Countries);
        let derived: Vec<&str> = countries
            .iter()
            .filter(|c| c.is_derived())
            .map(|c| c.english)
            .collect();
        assert_eq!(derived, ["Country name", "Zone name"]);
        // Every field has exactly one value column.
        for list in ListKind::ALL {
            let values = columns(list).iter().filter(|c| !c.is_derived()).count();
            assert_eq!(values, fields::fields(list).len(), "{list}");
        }
    }

    #[test]
    fn file_names_say_the_list_and_the_day() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(
            default_file_name(Some(ListKind::Meetings), "csv", day),
            "meetings-2026-11-28.csv"
        );
        assert_eq!(
            default_file_name(Some(ListKind::CountryNotes), ".XLSX", day),
            "country_notes-2026-11-28.xlsx"
        );
        assert_eq!(
            default_file_name(None, "xlsx", day),
            "liaison-desk-2026-11-28.xlsx"
        );
    }

    #[test]
    fn amounts_and_dates_take_their_width() {
        assert_eq!(cell_width(&Cell::Amount(1_200_000)), 9);
        assert_eq!(cell_width(&Cell::Amount(999)), 3);
        assert_eq!(cell_width(&Cell::Text("ab\nabcd".to_owned())), 4);
    }

    #[test]
    fn dates_excel_cannot_show_are_refused() {
        assert!(excel_date(NaiveDate::from_ymd_opt(1850, 1, 1).unwrap()).is_none());
        assert!(excel_date(NaiveDate::from_ymd_opt(2015, 2, 12).unwrap()).is_some());
    }
}
