//! Native file dialogs behind a seam, run off the UI thread.
//!
//! rfd's dialogs block until the user answers, so each runs on a worker
//! thread and the window polls a channel while it keeps drawing. Tests
//! replace [`NativePicker`] with a picker that answers a path at once.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::i18n::catalogue::shell;

/// Asks the user for a file. Implementations may block: they run on a worker thread.
pub trait FilePicker: Send + Sync {
    /// A data file to open, or `None` when cancelled.
    fn pick_open(&self) -> Option<PathBuf>;
    /// Another office's data file to merge, or `None` when cancelled.
    fn pick_to_merge(&self) -> Option<PathBuf> {
        self.pick_open()
    }
    /// A spreadsheet to import, or `None` when cancelled.
    fn pick_import(&self) -> Option<PathBuf> {
        self.pick_open()
    }
    /// Where to save, suggesting `suggested_name`; `None` when cancelled.
    fn pick_save(&self, suggested_name: &str) -> Option<PathBuf>;
    /// Where to save an exported file of `format`, suggesting
    /// `suggested_name`; `None` when cancelled.
    fn pick_export(&self, suggested_name: &str, format: ExportFormat) -> Option<PathBuf> {
        let _ = format;
        self.pick_save(suggested_name)
    }
}

/// The kinds of exported files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// A PNG image.
    Png,
    /// CSV text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl ExportFormat {
    /// The file name extension, without dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png => "png",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// The name of the dialog's filter.
    pub fn filter_name(self) -> &'static str {
        match self {
            ExportFormat::Png => shell::FILTER_PNG.text(),
            ExportFormat::Csv => shell::FILTER_CSV.text(),
            ExportFormat::Xlsx => shell::FILTER_XLSX.text(),
        }
    }
}

/// An exported file waiting for the user to say where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// What it is, for messages ("the chart Meetings per zone").
    pub what: String,
    /// Its format.
    pub format: ExportFormat,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The system's dialogs, through rfd (desktop portal, or zenity).
pub struct NativePicker;

const FILTER_EXTENSIONS: [&str; 1] = ["ron"];
/// The extensions of the files an import reads.
pub const SPREADSHEET_EXTENSIONS: [&str; 6] = ["csv", "tsv", "txt", "xlsx", "xls", "ods"];

impl FilePicker for NativePicker {
    fn pick_open(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(shell::DIALOG_OPEN.text())
            .add_filter(shell::FILTER_DATA.text(), &FILTER_EXTENSIONS)
            .add_filter(shell::FILTER_ALL.text(), &["*"])
            .pick_file()
    }

    fn pick_import(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(shell::DIALOG_IMPORT.text())
            .add_filter(shell::FILTER_SPREADSHEETS.text(), &SPREADSHEET_EXTENSIONS)
            .add_filter(shell::FILTER_ALL.text(), &["*"])
            .pick_file()
    }

    fn pick_to_merge(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(shell::DIALOG_MERGE.text())
            .add_filter(shell::FILTER_DATA.text(), &FILTER_EXTENSIONS)
            .add_filter(shell::FILTER_ALL.text(), &["*"])
            .pick_file()
    }

    fn pick_save(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(shell::DIALOG_SAVE.text())
            .add_filter(shell::FILTER_DATA.text(), &FILTER_EXTENSIONS)
            .set_file_name(suggested_name)
            .save_file()
    }

    fn pick_export(&self, suggested_name: &str, format: ExportFormat) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(shell::EXPORT.text())
            .add_filter(format.filter_name(), &[format.extension()])
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// What a dialog was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogPurpose<A> {
    /// Choosing a file to open.
    Open,
    /// Choosing another office's file to merge into this one.
    OpenToMerge,
    /// Choosing a spreadsheet to import into a list.
    Import(crate::model::ListKind),
    /// Choosing where to save; then carry on with the action, if any.
    SaveAs(Option<A>),
    /// Choosing where to write an exported file.
    Export(Export),
}

/// A dialog being shown on a worker thread.
pub struct PendingDialog<A> {
    /// What it is for.
    pub purpose: DialogPurpose<A>,
    receiver: Receiver<Option<PathBuf>>,
}

/// The answer of a dialog.
pub enum DialogPoll {
    /// Still open.
    Waiting,
    /// Closed: the path chosen, or `None` when cancelled (or when no dialog
    /// could be shown at all, which rfd reports the same way).
    Done(Option<PathBuf>),
}

impl<A> PendingDialog<A> {
    /// Opens a dialog for `purpose` on a worker thread.
    pub fn spawn(
        picker: Arc<dyn FilePicker>,
        purpose: DialogPurpose<A>,
        suggested: String,
    ) -> Self {
        let (sender, receiver) = channel();
        enum Ask {
            Open,
            Merge,
            Import,
            Save,
            Export(ExportFormat),
        }
        let ask = match &purpose {
            DialogPurpose::Open => Ask::Open,
            DialogPurpose::OpenToMerge => Ask::Merge,
            DialogPurpose::Import(_) => Ask::Import,
            DialogPurpose::SaveAs(_) => Ask::Save,
            DialogPurpose::Export(export) => Ask::Export(export.format),
        };
        // The dialog's title and filters speak the window's language.
        let language = crate::i18n::current();
        std::thread::spawn(move || {
            crate::i18n::set_language(language);
            let path = match ask {
                Ask::Open => picker.pick_open(),
                Ask::Merge => picker.pick_to_merge(),
                Ask::Import => picker.pick_import(),
                Ask::Save => picker.pick_save(&suggested),
                Ask::Export(format) => picker.pick_export(&suggested, format),
            };
            // The window may have closed meanwhile: nobody to tell.
            sender.send(path).ok();
        });
        Self { purpose, receiver }
    }

    /// Whether the user has answered.
    pub fn poll(&self) -> DialogPoll {
        match self.receiver.try_recv() {
            Ok(path) => DialogPoll::Done(path),
            Err(TryRecvError::Empty) => DialogPoll::Waiting,
            Err(TryRecvError::Disconnected) => DialogPoll::Done(None),
        }
    }
}
