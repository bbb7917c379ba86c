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
use crate::cli::group_thousands;
use crate::edit::Edit;
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
        ui.heading(format!("Merge {name}"));
        ui.label(
            RichText::new(format!(
                "Records of {} that are not in your file are added; where the same record \
                 differs, choose which version to keep. Nothing changes until you merge, \
                 and the merge can be undone.",
                self.path.display()
            ))
            .weak(),
        );
        ui.add_space(theme::SECTION_SPACE);

        let mut action = None;
        if self.comparison.is_same() {
            ui.label("The other file has nothing that yours does not already have.");
            ui.add_space(theme::SECTION_SPACE);
            if ui.button("Close").clicked() {
                action = Some(MergeAction::Cancel);
            }
            return action;
        }

        self.counts_ui(ui);
        ui.add_space(theme::SECTION_SPACE);

        let (adds, theirs_fields) = self.tally();
        ui.horizontal(|ui| {
            let label = format!(
                "Merge: add {} record{}, take theirs for {} field{}",
                group_thousands(adds as u64),
                if adds == 1 { "" } else { "s" },
                theirs_fields,
                if theirs_fields == 1 { "" } else { "s" }
            );
            let anything = adds > 0 || theirs_fields > 0;
            if ui
                .add_enabled(anything, egui::Button::new(RichText::new(label).strong()))
                .on_disabled_hover_text(
                    "Nothing to merge: no new record is chosen and every conflict keeps yours",
                )
                .clicked()
            {
                let edit = merge_edit(mine, &self.comparison, &self.choices);
                action = Some(MergeAction::Apply {
                    label: format!("Merge {name}"),
                    edit: Box::new(edit),
                });
            }
            if ui.button("Cancel").clicked() {
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
                ui.strong("List");
                ui.strong("New");
                ui.strong("Identical");
                ui.strong("Conflicting");
                ui.end_row();
                for list in &self.comparison.lists {
                    if list.new.is_empty() && list.conflicts.is_empty() && list.identical == 0 {
                        continue;
                    }
                    ui.label(list_title(list.list));
                    for count in [list.new.len(), list.identical, list.conflicts.len()] {
                        ui.label(group_thousands(count as u64));
                    }
                    ui.end_row();
                }
            });
    }

    fn title_ui(&mut self, ui: &mut egui::Ui) {
        let Some(title) = &self.comparison.title else {
            return;
        };
        ui.strong("Title");
        let none = "(none)".to_owned();
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut self.choices.title,
                Side::Mine,
                format!("Mine: {}", title.mine.as_ref().unwrap_or(&none)),
            );
            ui.radio_value(
                &mut self.choices.title,
                Side::Theirs,
                format!("Theirs: {}", title.theirs.as_ref().unwrap_or(&none)),
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
        ui.strong(if count == 1 {
            "Conflicts: 1 record differs".to_owned()
        } else {
            format!(
                "Conflicts: {} records differ",
                group_thousands(count as u64)
            )
        });
        let none = "(empty)";
        for list in &self.comparison.lists {
            for conflict in &list.conflicts {
                let fields = conflict.fields.len();
                let heading = format!(
                    "{} {} — {}",
                    list.list.noun(),
                    conflict.id,
                    if fields == 1 {
                        "1 field differs".to_owned()
                    } else {
                        format!("{fields} fields differ")
                    }
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
                            if ui.button("Keep mine").clicked() {
                                self.choices
                                    .choose_record(list.list, &conflict.id, Side::Mine);
                            }
                            if ui.button("Take theirs").clicked() {
                                self.choices
                                    .choose_record(list.list, &conflict.id, Side::Theirs);
                            }
                        });
                        egui::Grid::new(("merge-fields", list.list, &conflict.id))
                            .striped(true)
                            .spacing([16.0, 4.0])
                            .show(ui, |ui| {
                                ui.strong("Field");
                                ui.strong("Mine");
                                ui.strong("Theirs");
                                ui.end_row();
                                for difference in &conflict.fields {
                                    ui.label(difference.field);
                                    let mut side = self.choices.side(
                                        list.list,
                                        &conflict.id,
                                        difference.field,
                                    );
                                    let before = side;
                                    let mine = difference.mine.as_deref().unwrap_or(none);
                                    let theirs = difference.theirs.as_deref().unwrap_or(none);
                                    ui.radio_value(&mut side, Side::Mine, mine)
                                        .on_hover_text(format!("Keep your {}", difference.field));
                                    ui.radio_value(&mut side, Side::Theirs, theirs)
                                        .on_hover_text(format!("Take their {}", difference.field));
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
        ui.strong(format!(
            "New records: {}",
            group_thousands(self.comparison.new_count() as u64)
        ));
        for list in &self.comparison.lists {
            if list.new.is_empty() {
                continue;
            }
            let heading = format!(
                "{}: {} new",
                list_title(list.list),
                group_thousands(list.new.len() as u64)
            );
            egui::CollapsingHeader::new(heading)
                .id_salt(("merge-new", list.list))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if ui.button("Add all").clicked() {
                            for record in &list.new {
                                self.choices.set_add_new(list.list, record.id(), true);
                            }
                        }
                        if ui.button("Add none").clicked() {
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
