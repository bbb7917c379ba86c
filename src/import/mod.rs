//! Importing rows of a spreadsheet (CSV, XLSX, ODS) into one list of the
//! data file, as a dry run first and then as one undoable edit.
//!
//! The road from a file to a change of the data:
//!
//! ```text
//! file ──read_table──▶ Table ──auto_mapping──▶ Mapping (column → field, editable)
//!                        └──detect_formats──▶ Formats (dates, numbers per column)
//! Dataset + Table + Mapping + Formats ──plan──▶ Plan (one outcome per row)
//!                                               └──Plan::edit──▶ one Edit::Batch
//! ```
//!
//! - [`read`]: bytes to a [`Table`] of text cells; encoding, delimiter, size
//!   limit, binary files and workbooks named `.csv` ([`sniff`]).
//! - [`formats`]: the date and number formats of a column, and the
//!   conversion of a cell to the canonical text of [`crate::fields`].
//! - [`mapping`]: which column goes into which field.
//! - [`mod@plan`]: what each row would do (add, update, unchanged, error), the
//!   companies a meeting import would create, and the edit.
//! - [`report`]: the plan in words, as the command line prints it.
//!
//! Architecture invariants: no egui; nothing changes the data but the
//! [`Edit`](crate::edit::Edit) that [`Plan::edit`] returns, applied by the
//! caller (all or nothing); reading never panics, whatever the bytes.

// Data from a file is read with `.get()`, never a panicking index.
#![deny(clippy::indexing_slicing)]

pub mod formats;
pub mod mapping;
pub mod plan;
pub mod read;
pub mod report;
pub mod sniff;

use std::io;
use std::path::PathBuf;

use thiserror::Error;

use crate::model::ListKind;

pub use formats::{DateFormat, DateOrder, DecimalMark, Formats, NumberFormat, detect_formats};
pub use mapping::{Mapping, MappingError, auto_mapping, readable_name_of};
pub use plan::{Counts, NewCompany, Plan, PlannedRow, RowOutcome, plan};
pub use read::{
    MAX_CELLS, MAX_COLUMNS, MAX_IMPORT_BYTES, SourceInfo, SourceKind, Table, WorkbookFormat,
    read_table, read_table_for, table_from_bytes, table_from_bytes_for,
};
pub use sniff::{Delimiter, TextEncoding};

/// Why a file could not be read as a table. Each message names the file,
/// what was wrong and what to do.
#[derive(Debug, Error)]
pub enum ImportError {
    /// The file could not be read from disk.
    #[error("cannot read {}: {source}; check the path and that you may read the file", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The path is a folder.
    #[error("{} is a folder, not a spreadsheet; choose a CSV, XLSX or ODS file", path.display())]
    IsFolder {
        /// The path.
        path: PathBuf,
    },
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error(
        "{} is {size} bytes, more than the {limit} bytes an import may read; \
         split it into smaller files, or remove the columns and rows you do not need",
        path.display()
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Nothing in the file, not even a header row.
    #[error(
        "{} is empty: there is no header row; the first row must name the columns",
        path.display()
    )]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A workbook (a ZIP or an old Excel file) under a text extension.
    #[error(
        "{} is named .{extension} but holds {what}, not text; rename it .{suggested} \
         and import it again, or save it as CSV from the spreadsheet program",
        path.display()
    )]
    WorkbookNamedAsText {
        /// The file.
        path: PathBuf,
        /// Its extension, as named.
        extension: String,
        /// What it holds, in words ("an XLSX or ODS workbook (a ZIP archive)").
        what: &'static str,
        /// The extension it should have.
        suggested: &'static str,
    },
    /// Binary content that is no spreadsheet this program reads.
    #[error(
        "{} is not a spreadsheet or a text file ({what}); \
         save the table as CSV (UTF-8) or XLSX and import that",
        path.display()
    )]
    Binary {
        /// The file.
        path: PathBuf,
        /// What it seems to be, in words.
        what: &'static str,
    },
    /// A workbook extension on a file that is not a workbook.
    #[error(
        "{} is named .{extension} but is not a workbook ({what}); \
         if it is a CSV file, rename it .csv",
        path.display()
    )]
    NotAWorkbook {
        /// The file.
        path: PathBuf,
        /// Its extension.
        extension: String,
        /// What it seems to be, in words.
        what: &'static str,
    },
    /// The workbook reader failed (damaged or encrypted file…).
    #[error(
        "cannot read the workbook {}: {message}; open it in the spreadsheet program \
         and save it again as XLSX, or export the sheet as CSV",
        path.display()
    )]
    Workbook {
        /// The file.
        path: PathBuf,
        /// The reader's message.
        message: String,
    },
    /// A workbook without any cell filled in.
    #[error("the workbook {} has no sheet with data; the first row of a sheet must name the columns", path.display())]
    NoSheet {
        /// The file.
        path: PathBuf,
    },
    /// More columns or cells than a list of records can have.
    #[error(
        "{} has {what}, more than the {limit} an import takes; \
         delete the stray cells far to the right or below the table, or export only the table",
        path.display()
    )]
    TooManyCells {
        /// The file.
        path: PathBuf,
        /// What was counted, in words ("values in 20000 columns").
        what: String,
        /// The limit.
        limit: usize,
    },
    /// The CSV text could not be split into rows.
    #[error("cannot read {} as CSV near line {line}: {message}; check its quotes and delimiters", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The line where the reader stopped.
        line: u64,
        /// The reader's message.
        message: String,
    },
}

/// The list named `name` as in the data file (`meetings`, `country_notes`);
/// hyphens are taken for underscores and case is ignored. For the command
/// line's `--kind`.
pub fn parse_list_kind(name: &str) -> Result<ListKind, String> {
    let wanted = name.trim().to_lowercase().replace('-', "_");
    ListKind::ALL
        .into_iter()
        .find(|list| list.file_name() == wanted)
        .ok_or_else(|| {
            let names: Vec<&str> = ListKind::ALL.iter().map(|l| l.file_name()).collect();
            format!(
                "“{name}” is not a list of the data file; use one of: {}",
                names.join(", ")
            )
        })
}
