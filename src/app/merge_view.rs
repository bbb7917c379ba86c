//! Merging another office's file: what it would add, what is identical,
//! and each conflict field by field, mine beside theirs, before anything
//! changes. The user keeps mine or takes theirs per record or per field,
//! leaves out new records, then applies the whole merge as one undoable edit.
//!
//! The comparison comes from [`crate::merge::compare`] and the edit from
//! [`crate::merge::merge_edit`]; this file only shows them and records the
//! choices.
//!
//! Architecture invariant: reads the workspace, never changes it; the merge
//! comes back as [`MergeAction::Apply`].

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::list_title;
use super::theme;
use crate::edit::Edit;
use crate::i18n::{self, catalogue::exchange};
use crate::import::{field_words, list_words};
use crate::merge::{Choices, Comparison, Side, compare, merge_edit};
use crate::model::Dataset;

/// What the user decided.
pub enum MergeAction {
    /// Apply this edit (the merge), named `label`.
    Apply {
        /// What the step is called in the history.
        label: String,
        /// The merge, one batch.
        edit: Box<Edit>,
    },
    /// Leave without merging.
    Cancel,
}

/// The merge of one other file, being reviewed.
pub struct MergeView {
    /// The other file.
    path: PathBuf,
    theirs: Dataset,
    comparison: Comparison,
    choices: Choices,
    /// The revision of my data the comparison was made against.
    revision: u64,
}

impl MergeView {
    /// Compares `mine` (at `revision`) with the file at `path`, read as `theirs`.
    pub fn new(path: PathBuf, mine: &Dataset, revision: u64, theirs: Dataset) -> Self {
        let comparison = compare(mine, &theirs);
        Self {
            path,
            theirs,
            comparison,
            choices: Choices::new(),
            revision,
        }
    }

    /// The comparison shown.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// Draws the review; `mine` is the current data at `revision`.
    pub fn ui(&mut self, ui: &mut egui::Ui, mine: &Dataset, revision: u64) -> Option<MergeAction> {
        if revision != self.revision {
            // My data changed (an undo, say): the comparison must follow it.
            self.comparison = compare(mine, &self.theirs);
            self.revision = revision;
        }
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string());
        ui.heading(exchange::MERGE_HEADING.with(&[("name", &name)]));
        ui.label(
            RichText::new(exchange::MERGE_INTRO.with(&[("path", &self.path.display())])).weak(),
        );
        ui.add_space(theme::SECTION_SPACE);

        let mut action = None;
        if self.comparison.is_same() {
            ui.label(exchange::MERGE_NOTHING.text());
            ui.add_space(theme::SECTION_SPACE);
            if ui.button(exchange::CLOSE.text()).clicked() {
                action = Some(MergeAction::Cancel);
            }
            return action;
        }

        self.counts_ui(ui);
        ui.add_space(theme::SECTION_SPACE);

        let (adds, theirs_fields) = self.tally();
        ui.horizontal(|ui| {
            let label = exchange::MERGE_BUTTON.with(&[
                (
                    "records",
                    &i18n::counted(adds as u64, exchange::RECORDS_ONE, exchange::RECORDS_OTHER),
                ),
                (
                    "fields",
                    &i18n::counted(
                        theirs_fields as u64,
                        exchange::FIELDS_ONE,
                        exchange::FIELDS_OTHER,
                    ),
                ),
            ]);
            let anything = adds > 0 || theirs_fields > 0;
            if ui
                .add_enabled(anything, egui::Button::new(RichText::new(label).strong()))
                .on_disabled_hover_text(exchange::NOTHING_TO_MERGE.text())
                .clicked()
            {
                let edit = merge_edit(mine, &self.comparison, &self.choices);
                action = Some(MergeAction::Apply {
                    label: exchange::MERGE_LABEL.with(&[("name", &name)]),
                    edit: Box::new(edit),
                });
            }
            if ui.button(exchange::CANCEL.text()).clicked() {
                action = Some(MergeAction::Cancel);
            }
        });
        ui.add_space(theme::SECTION_SPACE);

        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.title_ui(ui);
                self.conflicts_ui(ui);
                self.new_records_ui(ui);
            });
        action
    }

    /// Records added, and fields taken from theirs, with the choices made.
    fn tally(&self) -> (usize, usize) {
        let mut adds = 0;
        let mut fields = 0;
        for list in &self.comparison.lists {
            adds += list
                .new
                .iter()
                .filter(|r| self.choices.adds_new(list.list, r.id()))
                .count();
            for conflict in &list.conflicts {
                fields += conflict
                    .fields
                    .iter()
                    .filter(|f| self.choices.side(list.list, &conflict.id, f.field) == Side::Theirs)
                    .count();
            }
        }
        if self.comparison.title.is_some() && self.choices.title == Side::Theirs {
            fields += 1;
        }
        (adds, fields)
    }

    /// New, identical and conflicting records, per list.
    fn counts_ui(&self, ui: &mut egui::Ui) {
        egui::Grid::new("merge-counts")
            .striped(true)
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                ui.strong(exchange::LIST.text());
                ui.strong(exchange::NEW.text());
                ui.strong(exchange::IDENTICAL.text());
                ui.strong(exchange::CONFLICTING.text());
                ui.end_row();
                for list in &self.comparison.lists {
                    if list.new.is_empty() && list.conflicts.is_empty() && list.identical == 0 {
                        continue;
                    }
                    ui.label(list_title(list.list));
                    for count in [list.new.len(), list.identical, list.conflicts.len()] {
                        ui.label(i18n::count(count as u64));
                    }
                    ui.end_row();
                }
            });
    }

    fn title_ui(&mut self, ui: &mut egui::Ui) {
        let Some(title) = &self.comparison.title else {
            return;
        };
        ui.strong(exchange::TITLE.text());
        let none = exchange::NONE.text();
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut self.choices.title,
                Side::Mine,
                exchange::MINE_VALUE.with(&[("value", &title.mine.as_deref().unwrap_or(none))]),
            );
            ui.radio_value(
                &mut self.choices.title,
                Side::Theirs,
                exchange::THEIRS_VALUE.with(&[("value", &title.theirs.as_deref().unwrap_or(none))]),
            );
        });
        ui.add_space(theme::SECTION_SPACE);
    }

    /// Each conflicting record: mine and theirs side by side, field by field.
    fn conflicts_ui(&mut self, ui: &mut egui::Ui) {
        if self.comparison.conflict_count() == 0 {
            return;
        }
        let count = self.comparison.conflict_count();
        ui.strong(i18n::counted(
            count as u64,
            exchange::CONFLICTS_ONE,
            exchange::CONFLICTS_OTHER,
        ));
        let none = exchange::EMPTY.text();
        for list in &self.comparison.lists {
            for conflict in &list.conflicts {
                let fields = conflict.fields.len();
                let heading = format!(
                    "{} {} — {}",
                    list_words(list.list).noun,
                    conflict.id,
                    i18n::counted(
                        fields as u64,
                        exchange::FIELDS_DIFFER_ONE,
                        exchange::FIELDS_DIFFER_OTHER,
                    )
                );
                egui::CollapsingHeader::new(heading)
                    .id_salt((
                        "merge-conflict",
                        list.list,
                        &conflict.id,
                        conflict.occurrence,
                    ))
                    .default_open(true)
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            if ui.button(exchange::KEEP_MINE.text()).clicked() {
                                self.choices
                                    .choose_record(list.list, &conflict.id, Side::Mine);
                            }
                            if ui.button(exchange::TAKE_THEIRS.text()).clicked() {
                                self.choices
                                    .choose_record(list.list, &conflict.id, Side::Theirs);
                            }
                        });
                        egui::Grid::new(("merge-fields", list.list, &conflict.id))
                            .striped(true)
                            .spacing([16.0, 4.0])
                            .show(ui, |ui| {
                                ui.strong(exchange::FIELD.text());
                                ui.strong(exchange::MINE.text());
                                ui.strong(exchange::THEIRS.text());
                                ui.end_row();
                                for difference in &conflict.fields {
                                    let field = field_words(list.list, difference.field);
                                    ui.label(field);
                                    let mut side = self.choices.side(
                                        list.list,
                                        &conflict.id,
                                        difference.field,
                                    );
                                    let before = side;
                                    let mine = difference.mine.as_deref().unwrap_or(none);
                                    let theirs = difference.theirs.as_deref().unwrap_or(none);
                                    ui.radio_value(&mut side, Side::Mine, mine).on_hover_text(
                                        exchange::KEEP_YOUR_FIELD.with(&[("field", &field)]),
                                    );
                                    ui.radio_value(&mut side, Side::Theirs, theirs)
                                        .on_hover_text(
                                            exchange::TAKE_THEIR_FIELD.with(&[("field", &field)]),
                                        );
                                    if side != before {
                                        self.choices.choose_field(
                                            list.list,
                                            &conflict.id,
                                            difference.field,
                                            side,
                                        );
                                    }
                                    ui.end_row();
                                }
                            });
                    });
            }
        }
        ui.add_space(theme::SECTION_SPACE);
    }

    /// The records theirs has and mine does not, each to add or leave out.
    fn new_records_ui(&mut self, ui: &mut egui::Ui) {
        if self.comparison.new_count() == 0 {
            return;
        }
        ui.strong(
            exchange::NEW_RECORDS
                .with(&[("count", &i18n::count(self.comparison.new_count() as u64))]),
        );
        for list in &self.comparison.lists {
            if list.new.is_empty() {
                continue;
            }
            let new = list.new.len() as u64;
            let heading = i18n::plural(new, exchange::NEW_IN_LIST_ONE, exchange::NEW_IN_LIST_OTHER)
                .with(&[
                    ("list", &list_title(list.list)),
                    ("count", &i18n::count(new)),
                ]);
            egui::CollapsingHeader::new(heading)
                .id_salt(("merge-new", list.list))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if ui.button(exchange::ADD_ALL.text()).clicked() {
                            for record in &list.new {
                                self.choices.set_add_new(list.list, record.id(), true);
                            }
                        }
                        if ui.button(exchange::ADD_NONE.text()).clicked() {
                            for record in &list.new {
                                self.choices.set_add_new(list.list, record.id(), false);
                            }
                        }
                    });
                    for record in &list.new {
                        let mut add = self.choices.adds_new(list.list, record.id());
                        let name = crate::fields::get(record, "name")
                            .or_else(|| crate::fields::get(record, "title"))
                            .or_else(|| crate::fields::get(record, "topic"))
                            .unwrap_or_default();
                        let label = if name.is_empty() {
                            record.id().to_owned()
                        } else {
                            format!("{} — {name}", record.id())
                        };
                        if ui.checkbox(&mut add, label).changed() {
                            self.choices.set_add_new(list.list, record.id(), add);
                        }
                    }
                });
        }
    }
}
