//! An open dataset with its history: the place where every [`Edit`] is
//! applied, so undo/redo, the unsaved flag, the revision that keys every
//! cache, and re-validation all follow from one function.
//!
//! Architecture invariant: no egui. The window holds one `Workspace` and
//! only changes it through [`Workspace::apply`], [`Workspace::undo`] and
//! [`Workspace::redo`].

use std::sync::Arc;

use crate::edit::{self, Edit, EditError};
use crate::model::Dataset;
use crate::validate::{self, Problem};

/// One step of history: the edit that goes back, and the state it leads to.
#[derive(Debug, Clone)]
struct Step {
    /// What the step did, in words ("Edit meeting m-0001").
    label: String,
    /// The edit that undoes (or redoes) the step.
    edit: Edit,
    /// The state reached by applying `edit`.
    state: u64,
}

/// A dataset being worked on.
#[derive(Debug)]
pub struct Workspace {
    /// Shared with the threads that save it or write its recovery copy, so
    /// that they need no copy of their own; an edit changes it in place when
    /// no such thread holds it (the usual case), and copies it otherwise.
    dataset: Arc<Dataset>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Identifies the content: equal ids mean equal data (undo returns to an id).
    state: u64,
    next_state: u64,
    /// The state that was last saved (or opened).
    saved_state: u64,
    /// Incremented on every change: caches keyed on it are rebuilt when it moves.
    revision: u64,
    problems: Vec<Problem>,
}

impl Workspace {
    /// A workspace on data just read (or created): nothing is unsaved yet.
    pub fn new(dataset: Dataset) -> Self {
        let problems = validate::validate(&dataset);
        Self {
            dataset: Arc::new(dataset),
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved_state: 0,
            revision: 0,
            problems,
        }
    }

    /// The data.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Every validation problem, up to date with the last edit.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The data as it is now, shared: for a thread that saves it or copies
    /// it, without cloning it. While that thread holds it, the next edit
    /// makes the workspace its own copy first.
    pub fn shared(&self) -> Arc<Dataset> {
        Arc::clone(&self.dataset)
    }

    /// Identifies the content: undo back to a state gives its id again.
    /// A save that runs on another thread records the state it wrote with
    /// [`Workspace::mark_saved_state`].
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Changes on every edit, undo and redo: the key of every derived cache.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the data differs from what was last saved (or opened).
    pub fn is_modified(&self) -> bool {
        self.saved_state != self.state
    }

    /// Records that the current data has just been saved.
    pub fn mark_saved(&mut self) {
        self.saved_state = self.state;
    }

    /// Records that `state` (from [`Workspace::state`]) was saved: edits made
    /// while it was being written stay unsaved.
    pub fn mark_saved_state(&mut self, state: u64) {
        self.saved_state = state;
    }

    /// Records that the current data is not on disk (work restored from a
    /// recovery copy): it counts as unsaved until saved.
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// What undo would undo, in words.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What redo would redo, in words.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Applies an edit as one undoable step named `label`.
    pub fn apply(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        let inverse = edit::apply(Arc::make_mut(&mut self.dataset), edit)?;
        self.undo.push(Step {
            label: label.into(),
            edit: inverse,
            state: self.state,
        });
        self.redo.clear();
        self.state = self.next_state;
        self.next_state += 1;
        self.changed();
        Ok(())
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        // Checked first: with nothing to undo, the data is not even borrowed
        // for writing (which would copy it while a save holds it).
        !self.undo.is_empty()
            && Self::travel(
                Arc::make_mut(&mut self.dataset),
                &mut self.undo,
                &mut self.redo,
                &mut self.state,
            )
            && {
                self.changed();
                true
            }
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        !self.redo.is_empty()
            && Self::travel(
                Arc::make_mut(&mut self.dataset),
                &mut self.redo,
                &mut self.undo,
                &mut self.state,
            )
            && {
                self.changed();
                true
            }
    }

    /// Applies the top of `from` and pushes its inverse on `to`.
    fn travel(
        dataset: &mut Dataset,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        state: &mut u64,
    ) -> bool {
        let Some(step) = from.pop() else {
            return false;
        };
        match edit::apply(dataset, step.edit.clone()) {
            Ok(inverse) => {
                to.push(Step {
                    label: step.label,
                    edit: inverse,
                    state: *state,
                });
                *state = step.state;
                true
            }
            Err(_) => {
                // History no longer fits the data (cannot happen when every
                // change goes through `apply`): drop it rather than corrupt.
                from.clear();
                to.clear();
                false
            }
        }
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.problems = validate::validate(&self.dataset);
    }
}
