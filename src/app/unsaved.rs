//! Unsaved work: what counts as unsaved (the document's edits, and a form
//! typed but not applied), applying that form before a save, and the
//! recovery copy that keeps both through a crash.
//!
//! Architecture invariant: every place that asks before losing work
//! (close, Quit, New, Open, Open Recent, Revert, a dropped file) asks
//! [`LiaisonApp::has_unsaved_work`], and every save goes through
//! [`LiaisonApp::apply_form_first`], so that what is written is what the
//! person sees. The recovery copy is the data with the form's draft
//! applied, made off the UI thread (a copy of a large file takes tens of
//! milliseconds).

use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;

use super::form::RecordForm;
use super::table::TableView;
use super::{LiaisonApp, noun_for};
use crate::document;
use crate::edit::{self, Edit};
use crate::i18n::catalogue::shell;
use crate::model::{Dataset, ListKind};
use crate::progress::{Poll, Task};
use crate::recovery;

/// What a recovery copy holds: a revision of the workspace, and the open
/// form's draft on top of it.
#[derive(Debug, Clone, PartialEq)]
struct CopyKey {
    revision: u64,
    draft: Option<Edit>,
}

/// The data with a form's draft applied, being made on a thread.
struct DraftCopy {
    key: CopyKey,
    task: Task<Option<Arc<Dataset>>>,
}

/// Where the recovery copy of the open document stands.
#[derive(Default)]
pub(super) struct RecoveryState {
    /// What was last handed to the writer, and when.
    submitted: Option<(CopyKey, Instant)>,
    /// What [`LiaisonApp::keep_recovery`] last saw, and since when (a large
    /// file waits for a pause in the editing).
    seen: Option<(CopyKey, Instant)>,
    /// A copy with the form's draft, being made.
    preparing: Option<DraftCopy>,
    /// Numbers the states handed to the writer ([`recovery::Snapshot::revision`]):
    /// a form typed on top of one revision of the workspace is a new state.
    serial: u64,
    /// The person chose to drop the unsaved work on the way out ("Don't
    /// save" before Quit): no copy is written any more, not even at exit.
    dropped: bool,
}

impl RecoveryState {
    fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }
}

/// The record of a form, in words: "meeting m-1103".
pub(super) fn form_record(form: &RecordForm) -> String {
    format!("{} {}", noun_for(form.list(), 1), form.draft().id())
}

impl LiaisonApp {
    /// Whether the open form has changes not applied.
    pub(super) fn form_is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(RecordForm::is_dirty)
    }

    /// Whether anything would be lost by closing the document: edits not
    /// saved, or a form typed but not applied.
    pub fn has_unsaved_work(&self) -> bool {
        self.doc.ws.is_modified() || self.form_is_dirty()
    }

    /// Applies the form's edit as Apply does: one undoable step, the record
    /// selected in its table, the form closed. Returns whether it applied.
    pub(super) fn apply_form(
        &mut self,
        list: ListKind,
        index: Option<usize>,
        label: String,
        edit: Edit,
    ) -> bool {
        if !self.apply(label, edit) {
            return false;
        }
        let index =
            index.unwrap_or_else(|| edit::list_len(self.doc.ws.dataset(), list).saturating_sub(1));
        self.tables
            .entry(list)
            .or_insert_with(|| TableView::new(list))
            .select(Some(index));
        self.form = None;
        true
    }

    /// Before a save: applies the open form's changes when they are valid.
    /// When they are not (or cannot be applied), says what is wrong and
    /// returns false: nothing is saved, the form stays open.
    pub(super) fn apply_form_first(&mut self) -> bool {
        let Some(form) = &self.form else {
            return true;
        };
        let (list, index, record) = (form.list(), form.index(), form_record(form));
        match form.apply_now(&self.doc.ws, self.doc.ws.lookup()) {
            Ok(None) => true,
            Ok(Some((edit, label))) => {
                if self.apply_form(list, index, label, edit) {
                    return true;
                }
                // Refused (read-only) or failed: `apply` said why.
                if self.modal.is_none() {
                    let why = self.status.clone().unwrap_or_default();
                    self.error(
                        shell::NOT_SAVED.text(),
                        shell::FORM_STOPS_SAVE.with(&[("record", &record), ("reason", &why)]),
                    );
                }
                false
            }
            Err(reason) => {
                self.error(
                    shell::NOT_SAVED.text(),
                    shell::FORM_STOPS_SAVE.with(&[("record", &record), ("reason", &reason)]),
                );
                false
            }
        }
    }

    /// What the recovery copy must hold now: the workspace's revision, and
    /// the form's draft when it has one. `None`: nothing unsaved.
    fn copy_key(&self) -> Option<CopyKey> {
        let draft = self
            .form
            .as_ref()
            .and_then(|form| form.draft_edit(&self.doc.ws));
        (self.doc.ws.is_modified() || draft.is_some()).then(|| CopyKey {
            revision: self.doc.ws.revision(),
            draft,
        })
    }

    /// Hands the unsaved work (a form typed but not applied included) to
    /// the recovery writer now and then (at most every 30 s, the writer's
    /// interval; the first change at once), and forgets it once saved or dropped.
    pub(super) fn keep_recovery(&mut self, ctx: &egui::Context) {
        let Some(writer) = &self.recovery else {
            return;
        };
        let interval = writer.interval();
        if let Some(error) = writer.take_error() {
            self.status = Some(shell::RECOVERY_NOT_WRITTEN.with(&[("error", &error)]));
        }
        if self.recovery_state.dropped {
            return;
        }
        let Some(key) = self.copy_key() else {
            self.recovery_state.preparing = None;
            if self.recovery_state.submitted.take().is_some() {
                self.discard_recovery();
            }
            return;
        };
        if let Some(preparing) = self.recovery_state.preparing.take() {
            match preparing.task.poll() {
                Poll::Running => {
                    self.recovery_state.preparing = Some(preparing);
                    ctx.request_repaint_after(Duration::from_millis(20));
                    return;
                }
                Poll::Done(Some(dataset)) => self.submit_copy(preparing.key, dataset),
                // The draft could not be applied: the copy holds the rest.
                Poll::Done(None) | Poll::Lost => {
                    let dataset = self.doc.ws.shared();
                    self.submit_copy(preparing.key, dataset);
                }
            }
        }
        let state = &mut self.recovery_state;
        let due = match &state.submitted {
            None => Duration::ZERO,
            Some((submitted, _)) if *submitted == key => return,
            Some((_, at)) => interval.saturating_sub(at.elapsed()),
        };
        // While the copy is written, the writer shares the data: an edit made
        // meanwhile copies it first (about 60 ms per 100,000 meetings). On a
        // large file, wait until the person pauses.
        if state.seen.as_ref().is_none_or(|(seen, _)| *seen != key) {
            state.seen = Some((key.clone(), Instant::now()));
        }
        let large = document::record_count(self.doc.ws.dataset()) > super::LARGE_FILE_RECORDS;
        let quiet = match &state.seen {
            Some((_, at)) if large => super::RECOVERY_QUIET.saturating_sub(at.elapsed()),
            _ => Duration::ZERO,
        };
        let due = due.max(quiet);
        if due > Duration::ZERO {
            ctx.request_repaint_after(due);
            return;
        }
        match key.draft.clone() {
            None => {
                let dataset = self.doc.ws.shared();
                self.submit_copy(key, dataset);
            }
            Some(draft) => {
                // The data with the draft applied is a copy: made on a thread.
                let shared = self.doc.ws.shared();
                let work = move |_: &Arc<crate::progress::Progress>| {
                    let mut dataset = (*shared).clone();
                    edit::apply(&mut dataset, draft).ok()?;
                    Some(Arc::new(dataset))
                };
                match Task::spawn("recovery-draft", work) {
                    Ok(task) => {
                        self.recovery_state.preparing = Some(DraftCopy { key, task });
                        ctx.request_repaint_after(Duration::from_millis(20));
                    }
                    Err(_) => {
                        let dataset = self.doc.ws.shared();
                        self.submit_copy(key, dataset);
                    }
                }
            }
        }
    }

    fn submit_copy(&mut self, key: CopyKey, dataset: Arc<Dataset>) {
        let Some(writer) = &self.recovery else {
            return;
        };
        writer.submit(recovery::Snapshot {
            path: self.doc.path.clone(),
            dataset,
            revision: self.recovery_state.next_serial(),
            unsaved_edits: None,
        });
        self.recovery_state.submitted = Some((key, Instant::now()));
    }

    /// Writes the restored work at once (before its old copy is removed);
    /// returns whether it was written.
    pub(super) fn keep_restored(&mut self, path: Option<std::path::PathBuf>) -> bool {
        let Some(writer) = &self.recovery else {
            return false;
        };
        let snapshot = recovery::Snapshot {
            path,
            dataset: self.doc.ws.shared(),
            revision: self.recovery_state.next_serial(),
            unsaved_edits: None,
        };
        if writer.write_now_blocking(snapshot).is_err() {
            return false;
        }
        let key = CopyKey {
            revision: self.doc.ws.revision(),
            draft: None,
        };
        self.recovery_state.submitted = Some((key, Instant::now()));
        true
    }

    /// Forgets the recovery copy of the open document (saved, or dropped).
    pub(super) fn discard_recovery(&mut self) {
        if let Some(writer) = &self.recovery {
            writer.discard(self.doc.path.as_deref());
        }
        self.recovery_state.submitted = None;
        self.recovery_state.preparing = None;
    }

    /// The person dropped the unsaved work on the way out: the copy goes,
    /// and none is written again before the process ends.
    pub(super) fn drop_recovery_for_good(&mut self) {
        self.discard_recovery();
        self.recovery_state.dropped = true;
    }

    /// On the way out: unsaved work the person did not drop (the system is
    /// shutting the window down) is written now, with the form's draft.
    pub(super) fn keep_recovery_on_exit(&mut self) {
        if self.recovery_state.dropped {
            return;
        }
        let Some(key) = self.copy_key() else {
            return;
        };
        let Some(writer) = &self.recovery else {
            return;
        };
        let mut dataset = self.doc.ws.shared();
        if let Some(draft) = key.draft {
            let mut copy = (*dataset).clone();
            if edit::apply(&mut copy, draft).is_ok() {
                dataset = Arc::new(copy);
            }
        }
        self.recovery_state.serial += 1;
        let snapshot = recovery::Snapshot {
            path: self.doc.path.clone(),
            dataset,
            revision: self.recovery_state.serial,
            unsaved_edits: None,
        };
        if let Err(error) = writer.write_now_blocking(snapshot) {
            // i18n: the terminal's, after the program's name
            eprintln!("liaison-desk: {error}");
        }
    }
}
