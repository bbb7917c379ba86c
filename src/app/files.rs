//! Native file dialogs behind a seam, run off the UI thread.
//!
//! rfd's dialogs block until the user answers, so each runs on a worker
//! thread and the window polls a channel while it keeps drawing. Tests
//! replace [`NativePicker`] with a picker that answers a path at once.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Asks the user for a file. Implementations may block: they run on a worker thread.
pub trait FilePicker: Send + Sync {
    /// A data file to open, or `None` when cancelled.
    fn pick_open(&self) -> Option<PathBuf>;
    /// Where to save, suggesting `suggested_name`; `None` when cancelled.
    fn pick_save(&self, suggested_name: &str) -> Option<PathBuf>;
}

/// The system's dialogs, through rfd (desktop portal, or zenity).
pub struct NativePicker;

const FILTER_NAME: &str = "Liaison Desk data (RON)";
const FILTER_EXTENSIONS: [&str; 1] = ["ron"];

impl FilePicker for NativePicker {
    fn pick_open(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a data file")
            .add_filter(FILTER_NAME, &FILTER_EXTENSIONS)
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_save(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save the data file as")
            .add_filter(FILTER_NAME, &FILTER_EXTENSIONS)
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// What a dialog was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogPurpose<A> {
    /// Choosing a file to open.
    Open,
    /// Choosing where to save; then carry on with the action, if any.
    SaveAs(Option<A>),
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
        let is_open = matches!(purpose, DialogPurpose::Open);
        std::thread::spawn(move || {
            let path = if is_open {
                picker.pick_open()
            } else {
                picker.pick_save(&suggested)
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
