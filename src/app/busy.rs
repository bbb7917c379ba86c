//! A file being opened or saved, or a spreadsheet read for an import, on a
//! worker thread, and the progress window shown meanwhile.
//!
//! The shell starts the work with [`crate::progress::Task`], waits a moment
//! ([`INLINE_WAIT`]) so that a small file opens or saves without a window
//! flashing by, and otherwise keeps it here: each frame it asks whether the
//! result has come, and draws [`progress_ui`] until then. The window stays
//! responsive (it can be moved, resized, redrawn); the document beneath
//! cannot be changed while the progress window is up.

use std::path::PathBuf;
use std::time::Duration;

use eframe::egui;

use super::PendingAction;
use crate::document::{Opened, Saved};
use crate::i18n::{self, catalogue::shell};
use crate::import::{ImportError, Table};
use crate::lock::LockGuard;
use crate::model::ListKind;
use crate::progress::{Progress, Step, Task};
use crate::storage::FileError;

/// How long opening or saving may hold the frame before the progress window
/// takes over: files up to some 10,000 meetings are done by then.
pub const INLINE_WAIT: Duration = Duration::from_millis(100);

/// How often the window looks at the progress while work runs.
pub const POLL: Duration = Duration::from_millis(50);

/// A file being opened.
pub struct Opening {
    /// The file.
    pub path: PathBuf,
    /// Its lock (`Ok`), or why it opens read-only (`Err`).
    pub lock: Option<Result<LockGuard, String>>,
    /// Leave the window empty if this fails (the file given at start).
    pub empty_if_fails: bool,
    /// The work.
    pub task: Task<Result<Opened, FileError>>,
}

/// A file being saved.
pub struct Saving {
    /// Where.
    pub path: PathBuf,
    /// What to do once saved.
    pub then: Option<PendingAction>,
    /// The document's own file (else: Save As).
    pub same_file: bool,
    /// The lock of the new file, for Save As.
    pub new_lock: Option<LockGuard>,
    /// The workspace state being written.
    pub state: u64,
    /// The work.
    pub task: Task<Result<Saved, FileError>>,
}

/// A spreadsheet being read, to show its import.
pub struct Reading {
    /// The spreadsheet.
    pub path: PathBuf,
    /// The list its rows go into at first.
    pub list: ListKind,
    /// The work.
    pub task: Task<Result<Table, ImportError>>,
}

/// Work that keeps the document busy.
pub enum Busy {
    /// Opening a file.
    Opening(Box<Opening>),
    /// Saving the document.
    Saving(Box<Saving>),
    /// Reading a spreadsheet to import.
    Reading(Box<Reading>),
}

impl Busy {
    /// Its progress.
    pub fn progress(&self) -> &Progress {
        match self {
            Busy::Opening(opening) => opening.task.progress(),
            Busy::Saving(saving) => saving.task.progress(),
            Busy::Reading(reading) => reading.task.progress(),
        }
    }

    fn title(&self) -> String {
        let name = |path: &PathBuf| {
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string())
        };
        match self {
            Busy::Opening(opening) => shell::OPENING.with(&[("name", &name(&opening.path))]),
            Busy::Saving(saving) => shell::SAVING.with(&[("name", &name(&saving.path))]),
            Busy::Reading(reading) => {
                shell::READING_TO_IMPORT.with(&[("name", &name(&reading.path))])
            }
        }
    }
}

/// The progress window. Returns `true` when the person asked to cancel
/// (opening and reading can be cancelled; a save is short and must not
/// stop halfway).
pub fn progress_ui(ctx: &egui::Context, busy: &Busy) -> bool {
    let progress = busy.progress();
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("busy")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(busy.title());
        ui.add_space(6.0);
        let step = progress.step();
        ui.label(step.describe());
        let fraction = progress.fraction();
        // Not animated: the bar moves with the work, and the window is
        // redrawn only as often as the progress is polled.
        ui.add(egui::ProgressBar::new(fraction).show_percentage());
        let counts = counts_text(step, progress.counts());
        if !counts.is_empty() {
            ui.weak(counts);
        }
        if matches!(busy, Busy::Opening(_) | Busy::Reading(_)) {
            ui.add_space(6.0);
            if progress.is_cancelled() {
                ui.weak(shell::CANCELLING.text());
            } else if ui.button(shell::CANCEL.text()).clicked() {
                cancel = true;
            }
        }
    });
    cancel
}

/// "120 of 404 MB", "350,000 of about 1,040,000 records", or nothing.
fn counts_text(step: Step, (done, total): (u64, u64)) -> String {
    const MB: u64 = 1 << 20;
    match step {
        Step::Reading if total > 0 => shell::MEGABYTES_DONE.with(&[
            ("done", &i18n::count(done / MB)),
            ("total", &i18n::count(total.div_ceil(MB))),
        ]),
        Step::Parsing if total > 0 => shell::RECORDS_DONE_ABOUT.with(&[
            ("done", &i18n::count(done.min(total))),
            ("total", &i18n::count(total)),
        ]),
        Step::Serialising if total > 0 => shell::RECORDS_DONE.with(&[
            ("done", &i18n::count(done.min(total))),
            ("total", &i18n::count(total)),
        ]),
        _ => String::new(),
    }
}
