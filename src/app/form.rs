//! The form of one record: every field with its widget, checks as you type,
//! Apply / Cancel.
//!
//! Stub: being written.

use eframe::egui;

use crate::edit::{Edit, Record};
use crate::lookup::Lookup;
use crate::model::ListKind;
use crate::workspace::Workspace;

/// What the user asked of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormAction {
    /// Apply this edit as one undoable step with this label.
    Apply {
        /// The change.
        edit: Edit,
        /// What it does, in words, for the Edit menu ("Edit meeting m-0001").
        label: String,
    },
    /// Close the form without change.
    Cancel,
}

/// A record being edited (or created).
pub struct RecordForm {
    list: ListKind,
    index: Option<usize>,
    draft: Record,
}

impl RecordForm {
    /// A form on the record at `index` of `list`; `None` if there is none.
    pub fn edit(ws: &Workspace, list: ListKind, index: usize) -> Option<Self> {
        let draft = Record::get(ws.dataset(), list, index)?;
        Some(Self {
            list,
            index: Some(index),
            draft,
        })
    }

    /// The list of the record.
    pub fn list(&self) -> ListKind {
        self.list
    }

    /// The record's position, `None` for a new record.
    pub fn index(&self) -> Option<usize> {
        self.index
    }

    /// Draws the form.
    pub fn ui(&mut self, ui: &mut egui::Ui, _ws: &Workspace, _lookup: &Lookup) -> Option<FormAction> {
        ui.label(format!("{} {}", self.list, self.draft.id()));
        None
    }
}
