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
//! - [`xls`]: an `.xls` read in a child process under a memory and time
//!   limit (its reader can allocate without bound on a damaged file).
//!
//! Architecture invariants: no egui; nothing changes the data but the
//! [`Edit`](crate::edit::Edit) that [`Plan::edit`] returns, applied by the
//! caller (all or nothing); reading never panics, whatever the bytes.

// Data from a file is read with `.get()`, never a panicking index.
#![deny(clippy::indexing_slicing)]

pub mod archive;
mod contain;
pub mod formats;
pub mod mapping;
pub mod plan;
pub mod read;
pub mod report;
pub mod sniff;
pub mod xls;

use std::io;
use std::path::PathBuf;

use thiserror::Error;

use crate::i18n::Msg;
use crate::i18n::catalogue::exchange;
use crate::model::ListKind;

pub use formats::{DateFormat, DateOrder, DecimalMark, Formats, NumberFormat, detect_formats};
pub use mapping::{Mapping, MappingError, auto_mapping, readable_name_of, why_not_imported};
pub use plan::{Counts, NewCompany, Plan, PlannedRow, RowOutcome, plan};
pub use read::{
    MAX_CELLS, MAX_COLUMNS, MAX_IMPORT_BYTES, SourceInfo, SourceKind, Table, WorkbookFormat,
    read_table, read_table_for, table_from_bytes, table_from_bytes_for,
};
pub use sniff::{Delimiter, TextEncoding};

/// Why a file could not be read as a table. Each message names the file,
/// what was wrong and what to do, in the language of the thread.
#[derive(Debug, Error)]
pub enum ImportError {
    /// The file could not be read from disk.
    #[error("{}", exchange::ERR_READ.with(&[("path", &path.display()), ("error", source)]))]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The path is a folder.
    #[error("{}", exchange::ERR_IS_FOLDER.with(&[("path", &path.display())]))]
    IsFolder {
        /// The path.
        path: PathBuf,
    },
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("{}", exchange::ERR_TOO_LARGE.with(&[
        ("path", &path.display()),
        ("size", size),
        ("limit", limit),
    ]))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The path cannot be read as a file (a FIFO, a device…), said as for
    /// a data file.
    #[error("{0}")]
    File(crate::storage::FileError),
    /// Nothing in the file, not even a header row.
    #[error("{}", exchange::ERR_EMPTY.with(&[("path", &path.display())]))]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A workbook (a ZIP or an old Excel file) under a text extension.
    #[error("{}", exchange::ERR_WORKBOOK_NAMED_AS_TEXT.with(&[
        ("path", &path.display()),
        ("extension", extension),
        ("what", what),
        ("suggested", suggested),
    ]))]
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
    #[error("{}", exchange::ERR_BINARY.with(&[("path", &path.display()), ("what", what)]))]
    Binary {
        /// The file.
        path: PathBuf,
        /// What it seems to be, in words.
        what: &'static str,
    },
    /// A workbook extension on a file that is not a workbook.
    #[error("{}", exchange::ERR_NOT_A_WORKBOOK.with(&[
        ("path", &path.display()),
        ("extension", extension),
        ("what", what),
    ]))]
    NotAWorkbook {
        /// The file.
        path: PathBuf,
        /// Its extension.
        extension: String,
        /// What it seems to be, in words.
        what: &'static str,
    },
    /// The workbook reader failed (damaged or encrypted file…).
    #[error("{}", exchange::ERR_WORKBOOK.with(&[("path", &path.display()), ("message", message)]))]
    Workbook {
        /// The file.
        path: PathBuf,
        /// The reader's message.
        message: String,
    },
    /// A workbook without any cell filled in.
    #[error("{}", exchange::ERR_NO_SHEET.with(&[("path", &path.display())]))]
    NoSheet {
        /// The file.
        path: PathBuf,
    },
    /// More columns or cells than a list of records can have.
    #[error("{}", exchange::ERR_TOO_MANY_CELLS.with(&[
        ("path", &path.display()),
        ("what", what),
        ("limit", limit),
    ]))]
    TooManyCells {
        /// The file.
        path: PathBuf,
        /// What was counted, in words ("values in 20000 columns").
        what: String,
        /// The limit.
        limit: usize,
    },
    /// A workbook whose archive unpacks to more than an import reads.
    #[error("{}", exchange::ERR_UNPACKED_TOO_LARGE.with(&[("path", &path.display()), ("limit", limit)]))]
    UnpackedTooLarge {
        /// The file.
        path: PathBuf,
        /// The limit, in bytes ([`archive::MAX_UNPACKED_BYTES`]).
        limit: u64,
    },
    /// A CSV quote opened and never closed: the rest of the file would be
    /// one cell.
    #[error("{}", exchange::ERR_UNCLOSED_QUOTE.with(&[("path", &path.display()), ("line", line)]))]
    UnclosedQuote {
        /// The file.
        path: PathBuf,
        /// The line where the quote opens (1 = the first line).
        line: usize,
    },
    /// The CSV text could not be split into rows.
    #[error("{}", exchange::ERR_CSV.with(&[
        ("path", &path.display()),
        ("line", line),
        ("message", message),
    ]))]
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
            exchange::NOT_A_LIST.with(&[("name", &name), ("lists", &names.join(", "))])
        })
}

/// A list in the words of an import, an export or a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListWords {
    /// One record, "meeting".
    pub noun: Msg,
    /// Several records, "meetings".
    pub plural: Msg,
    /// One record with its article, "the meeting".
    pub the: Msg,
    /// None of them, "no meeting".
    pub none: Msg,
    /// The list in a sentence: its name in the file in English
    /// ("country_notes"), its title in French.
    pub name: Msg,
}

/// The words of `list`.
pub fn list_words(list: ListKind) -> ListWords {
    use exchange as x;
    let (noun, plural, the, none, name) = match list {
        ListKind::Zones => (
            x::NOUN_ZONE,
            x::PLURAL_ZONES,
            x::THE_ZONE,
            x::NO_ZONE,
            x::LIST_ZONES,
        ),
        ListKind::Countries => (
            x::NOUN_COUNTRY,
            x::PLURAL_COUNTRIES,
            x::THE_COUNTRY,
            x::NO_COUNTRY,
            x::LIST_COUNTRIES,
        ),
        ListKind::Institutes => (
            x::NOUN_INSTITUTE,
            x::PLURAL_INSTITUTES,
            x::THE_INSTITUTE,
            x::NO_INSTITUTE,
            x::LIST_INSTITUTES,
        ),
        ListKind::Affiliates => (
            x::NOUN_AFFILIATE,
            x::PLURAL_AFFILIATES,
            x::THE_AFFILIATE,
            x::NO_AFFILIATE,
            x::LIST_AFFILIATES,
        ),
        ListKind::Companies => (
            x::NOUN_COMPANY,
            x::PLURAL_COMPANIES,
            x::THE_COMPANY,
            x::NO_COMPANY,
            x::LIST_COMPANIES,
        ),
        ListKind::Meetings => (
            x::NOUN_MEETING,
            x::PLURAL_MEETINGS,
            x::THE_MEETING,
            x::NO_MEETING,
            x::LIST_MEETINGS,
        ),
        ListKind::CountryNotes => (
            x::NOUN_COUNTRY_NOTE,
            x::PLURAL_COUNTRY_NOTES,
            x::THE_COUNTRY_NOTE,
            x::NO_COUNTRY_NOTE,
            x::LIST_COUNTRY_NOTES,
        ),
        ListKind::Contracts => (
            x::NOUN_CONTRACT,
            x::PLURAL_CONTRACTS,
            x::THE_CONTRACT,
            x::NO_CONTRACT,
            x::LIST_CONTRACTS,
        ),
    };
    ListWords {
        noun,
        plural,
        the,
        none,
        name,
    }
}

/// Free words quoted as the language quotes them: “Date” / « Date ».
pub fn quoted(text: &str) -> String {
    exchange::QUOTED.with(&[("text", &text)])
}

/// A field as a list of changes names it: in English by its name in the
/// file (`value_eur`, as the command line and the data file write it), in
/// French by its column header ("Valeur (€)"), a French reader not being
/// expected to read the file's English names.
pub fn field_words(list: ListKind, name: &'static str) -> &'static str {
    match crate::i18n::current() {
        crate::i18n::Language::English => name,
        crate::i18n::Language::French => {
            crate::fields::find(list, name).map_or(name, |field| field.french)
        }
    }
}
