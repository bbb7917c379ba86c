//! An open dataset with its history: the place where every [`Edit`] is
//! applied, so undo/redo, the unsaved flag, the revision that keys every
//! cache, and re-validation all follow from one function.
//!
//! Re-validation and the lookup follow an edit record by record when it
//! changes one record without touching any id, or adds one at the end of a
//! list under a new id ([`Change`]): a form's Apply on a file of a million
//! meetings costs microseconds, not a second. Anything else (deletes,
//! moves, zones, batches) validates and indexes the whole file again.
//!
//! Architecture invariant: no egui. The window holds one `Workspace` and
//! only changes it through [`Workspace::apply`], [`Workspace::undo`] and
//! [`Workspace::redo`].

use std::sync::Arc;

use crate::edit::{self, Edit, EditError, Record};
use crate::lookup::Lookup;
use crate::model::{Dataset, ListKind};
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
    /// What the last step changed ([`Change`]), for caches that follow it.
    last_change: Change,
    problems: Vec<Problem>,
    /// Ids and countries of the data, kept up to date with it.
    lookup: Lookup,
}

impl Workspace {
    /// A workspace on data just read (or created): nothing is unsaved yet.
    pub fn new(dataset: Dataset) -> Self {
        let (problems, lookup) = validate_and_index(&dataset);
        Self {
            dataset: Arc::new(dataset),
            last_change: Change::Opened,
            lookup,
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

    /// What the step that led to [`Workspace::revision`] changed: a cache
    /// one revision behind may follow a [`Change::Replaced`] or
    /// [`Change::Appended`] record by record; anything else, it rebuilds.
    pub fn last_change(&self) -> Change {
        self.last_change
    }

    /// Positions of records by id, and the zone of each country, up to date
    /// with the data (kept record by record when an edit allows).
    pub fn lookup(&self) -> &Lookup {
        &self.lookup
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
        let change = self.classify(&edit);
        let inverse = edit::apply(Arc::make_mut(&mut self.dataset), edit)?;
        self.redo.clear();
        let state = self.state;
        self.state = self.next_state;
        self.next_state += 1;
        self.changed(change, &inverse);
        self.undo.push(Step {
            label: label.into(),
            edit: inverse,
            state,
        });
        Ok(())
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.travel(true)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.travel(false)
    }

    /// Applies the top of the undo (`back`) or redo stack and pushes its
    /// inverse on the other. With nothing to do, the data is not even
    /// borrowed for writing (which would copy it while a save holds it).
    fn travel(&mut self, back: bool) -> bool {
        let step = if back {
            self.undo.pop()
        } else {
            self.redo.pop()
        };
        let Some(step) = step else {
            return false;
        };
        let change = self.classify(&step.edit);
        match edit::apply(Arc::make_mut(&mut self.dataset), step.edit) {
            Ok(inverse) => {
                self.changed(change, &inverse);
                let other = Step {
                    label: step.label,
                    edit: inverse,
                    state: self.state,
                };
                if back {
                    self.redo.push(other);
                } else {
                    self.undo.push(other);
                }
                self.state = step.state;
                true
            }
            Err(_) => {
                // History no longer fits the data (cannot happen when every
                // change goes through `apply`): drop it rather than corrupt.
                self.undo.clear();
                self.redo.clear();
                false
            }
        }
    }

    /// What `edit` will change, seen before it is applied: one record whose
    /// id stays, one record added at the end of its list under a new id, the
    /// title, or anything else.
    fn classify(&self, edit: &Edit) -> Change {
        let structural = |list| matches!(list, ListKind::Zones | ListKind::Countries);
        match edit {
            Edit::Replace { index, record } => {
                let list = record.list();
                let same_id = Record::get(&self.dataset, list, *index)
                    .is_some_and(|old| old.id() == record.id());
                if structural(list) || !same_id {
                    Change::Other
                } else {
                    Change::Replaced {
                        list,
                        index: *index,
                    }
                }
            }
            Edit::Insert { index, record } => {
                let list = record.list();
                let id = record.id();
                let fresh = !id.trim().is_empty()
                    && !self.lookup.contains(list, id)
                    && !validate::mentions_unknown(&self.problems, list_word(list), id);
                if structural(list) || *index != edit::list_len(&self.dataset, list) || !fresh {
                    Change::Other
                } else {
                    Change::Appended {
                        list,
                        index: *index,
                    }
                }
            }
            Edit::SetTitle(_) => Change::Title,
            Edit::Remove { .. } | Edit::Move { .. } | Edit::Batch(_) => Change::Other,
        }
    }

    /// Brings the lookup and the problems up to date after `change`, record
    /// by record when it allows, else by starting again; `inverse` is the
    /// edit that undoes it (it holds the record as it was).
    fn changed(&mut self, change: Change, inverse: &Edit) {
        self.revision += 1;
        self.last_change = change;
        let (list, index, old) = match (change, inverse) {
            (Change::Title, _) => return,
            (Change::Replaced { list, index }, Edit::Replace { record, .. }) => {
                (list, index, Some(record))
            }
            (Change::Appended { list, index }, _) => {
                if let Some(new) = Record::get(&self.dataset, list, index) {
                    self.lookup.append(list, new.id(), index);
                }
                (list, index, None)
            }
            _ => return self.rebuild(),
        };
        let old_alone =
            old.is_none_or(|old| validate::record_problems(old, index, &self.lookup).is_some());
        let fresh = Record::get(&self.dataset, list, index)
            .and_then(|new| validate::record_problems(&new, index, &self.lookup));
        match fresh {
            Some(fresh) if old_alone => {
                validate::replace_record_problems(&mut self.problems, list, index, fresh);
            }
            _ => self.rebuild(),
        }
    }

    /// Checks the whole file again: after the interface's language has
    /// changed, so that every problem is worded in the new one.
    pub fn revalidate(&mut self) {
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.last_change = Change::Other;
        (self.problems, self.lookup) = validate_and_index(&self.dataset);
    }
}

/// Below this many records, validating and indexing one after the other is
/// quicker than starting a thread.
const PARALLEL_FROM: usize = 20_000;

/// Every problem of `dataset`, and its lookup: side by side on two threads
/// for a large file (at a million meetings, 2.4 s and 0.7 s).
fn validate_and_index(dataset: &Dataset) -> (Vec<Problem>, Lookup) {
    if dataset.meetings.len() + dataset.companies.len() < PARALLEL_FROM {
        return (validate::validate(dataset), Lookup::new(dataset));
    }
    std::thread::scope(|scope| {
        let indexing = std::thread::Builder::new()
            .name("index".to_owned())
            .spawn_scoped(scope, || Lookup::new(dataset));
        let problems = validate::validate(dataset);
        let lookup = match indexing.map(|thread| thread.join()) {
            Ok(Ok(lookup)) => lookup,
            // No thread to be had (or it failed): index here.
            Ok(Err(_)) | Err(_) => Lookup::new(dataset),
        };
        (problems, lookup)
    })
}

/// How problems name a record of `list` ("unknown company …").
fn list_word(list: ListKind) -> &'static str {
    match list {
        ListKind::Zones => "zone",
        ListKind::Countries => "country",
        ListKind::Institutes => "institute",
        ListKind::Affiliates => "affiliate",
        ListKind::Companies => "company",
        ListKind::Meetings => "meeting",
        ListKind::CountryNotes => "note",
        ListKind::Contracts => "contract",
    }
}

/// What the last change of the data was, so that a cache keyed on the
/// revision can follow it record by record instead of starting again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing yet (the data as read).
    Opened,
    /// One record replaced; its id (and so every reference) is unchanged.
    Replaced {
        /// Its list.
        list: ListKind,
        /// Its position.
        index: usize,
    },
    /// One record added at the end of its list, with an id new to the list
    /// and referred to by nobody.
    Appended {
        /// Its list.
        list: ListKind,
        /// Its position (the last).
        index: usize,
    },
    /// The file's title.
    Title,
    /// Anything else: records added, removed or moved, ids, zones or
    /// countries changed, several records at once.
    Other,
}
