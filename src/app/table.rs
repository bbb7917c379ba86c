//! The table of one list: virtualised rows, sorting, search and quick filters.
//!
//! Stub: being written.

use eframe::egui;

use crate::lookup::Lookup;
use crate::model::ListKind;
use crate::workspace::Workspace;

/// What the user asked of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableAction {
    /// Open the record at this position of the list (double click or Enter).
    Open(usize),
}

/// The state of the table of one list.
pub struct TableView {
    kind: ListKind,
    selected: Option<usize>,
}

impl TableView {
    /// A table of `kind`, unsorted, unfiltered.
    pub fn new(kind: ListKind) -> Self {
        Self {
            kind,
            selected: None,
        }
    }

    /// The list shown.
    pub fn kind(&self) -> ListKind {
        self.kind
    }

    /// The selected record's position in its list.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Selects a record (by position in its list).
    pub fn select(&mut self, index: Option<usize>) {
        self.selected = index;
    }

    /// Draws the table.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        _ws: &Workspace,
        _lookup: &Lookup,
    ) -> Option<TableAction> {
        ui.label(format!("{} table", self.kind));
        None
    }
}
