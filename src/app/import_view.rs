//! Importing a spreadsheet (CSV, XLSX, ODS) into a list: how the file was
//! read, each column with the field it fills (matched on English and French
//! headers, editable), the date and number formats detected, then the dry
//! run row by row (add, update, unchanged, error and why) before the import
//! is applied as one undoable edit.
//!
//! Reading, mapping, formats and the plan are [`crate::import`]'s; this file
//! shows them and records the user's choices. The plan is made again when
//! the mapping, the list or the data changes, never per frame.
//!
//! Architecture invariant: reads the workspace, never changes it; the
//! import comes back as [`ImportAction::Apply`].

use eframe::egui::{self, RichText};

use super::list_title;
use super::theme;
use crate::edit::Edit;
use crate::fields::{self, FieldKind};
use crate::i18n::{self, catalogue::exchange};
use crate::import::report::rows_under_header;
use crate::import::{
    Formats, Mapping, Plan, RowOutcome, Table, auto_mapping, detect_formats, field_words,
    list_words, plan, quoted, why_not_imported,
};
use crate::model::ListKind;
use crate::workspace::Workspace;

/// Rows of the file shown as examples beside each column.
const EXAMPLES: usize = 3;
/// Rows of the file shown in the preview.
const PREVIEW_ROWS: usize = 5;
/// Characters of a cell shown in the preview (the rest on hover).
const PREVIEW_CELL_CHARS: usize = 40;
/// Height of the dry run's list of rows, in points.
const ROWS_HEIGHT: f32 = 260.0;
/// The lists a spreadsheet can be imported into, in the navigation's order.
const IMPORTABLE: [ListKind; 8] = [
    ListKind::Meetings,
    ListKind::Companies,
    ListKind::Affiliates,
    ListKind::CountryNotes,
    ListKind::Contracts,
    ListKind::Institutes,
    ListKind::Zones,
    ListKind::Countries,
];

/// What the user decided.
pub enum ImportAction {
    /// Apply this edit (the import), named `label`.
    Apply {
        /// What the step is called in the history.
        label: String,
        /// The import, one batch.
        edit: Box<Edit>,
    },
    /// Leave without importing.
    Cancel,
}

/// An import being prepared.
pub struct ImportView {
    table: Table,
    mapping: Mapping,
    formats: Formats,
    create_companies: bool,
    /// The dry run, and the data revision it was made against.
    plan: Option<(u64, Plan)>,
    /// Why each column is not imported when it goes into no field
    /// ([`why_not_imported`]), for the list and language it was worded
    /// in: made when those change, not per frame (it compares every
    /// header with those before it).
    not_imported: Option<(ListKind, i18n::Language, Vec<Option<String>>)>,
}

impl ImportView {
    /// Prepares the import of `table` into `list`, its columns matched to
    /// the list's fields.
    pub fn new(table: Table, list: ListKind) -> Self {
        let mapping = auto_mapping(list, &table.headers);
        let formats = detect_formats(&table);
        Self {
            table,
            mapping,
            formats,
            create_companies: false,
            plan: None,
            not_imported: None,
        }
    }

    /// The list the rows go into.
    pub fn list(&self) -> ListKind {
        self.mapping.list
    }

    /// The dry run shown, as of the last frame.
    pub fn plan(&self) -> Option<&Plan> {
        self.plan.as_ref().map(|(_, plan)| plan)
    }

    /// Draws the import; `ws` is the data the rows go into.
    pub fn ui(&mut self, ui: &mut egui::Ui, ws: &Workspace) -> Option<ImportAction> {
        let file = self
            .table
            .source
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.table.source.path.display().to_string());
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading(exchange::IMPORT_INTO_FILE.with(&[("file", &file)]));
            let mut list = self.mapping.list;
            super::keyboard::combo_ui(
                ui,
                egui::ComboBox::from_id_salt("import-list").selected_text(list_title(list)),
                |ui| {
                    for kind in IMPORTABLE {
                        ui.selectable_value(&mut list, kind, list_title(kind));
                    }
                },
            )
            .accessible_name(exchange::IMPORT_INTO.text());
            if list != self.mapping.list {
                self.mapping = auto_mapping(list, &self.table.headers);
                self.plan = None;
            }
        });
        let rows = self.table.rows.len();
        ui.label(
            RichText::new(exchange::SOURCE_AND_ROWS.with(&[
                ("source", &self.table.source),
                ("rows", &rows_under_header(rows)),
            ]))
            .weak(),
        );
        ui.add_space(theme::SECTION_SPACE);

        if self
            .plan
            .as_ref()
            .is_none_or(|(revision, _)| *revision != ws.revision())
        {
            let planned = plan(
                ws.dataset(),
                self.mapping.list,
                &self.table,
                &self.mapping,
                &self.formats,
            );
            self.plan = Some((ws.revision(), planned));
        }

        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.preview_ui(ui);
                ui.add_space(theme::SECTION_SPACE);
                ui.strong(exchange::COLUMNS.text());
                ui.label(RichText::new(exchange::COLUMNS_HINT.text()).weak());
                if self.columns_ui(ui) {
                    self.plan = None;
                }
                if let Some(Err(error)) = self.plan().map(|p| match &p.mapping_error {
                    Some(error) => Err(error.to_string()),
                    None => Ok(()),
                }) {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                ui.add_space(theme::SECTION_SPACE);
                action = self.dry_run_ui(ui, &file);
            });
        action
    }

    /// The first rows of the file as they were read.
    fn preview_ui(&self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new(exchange::PREVIEW.with(&[(
            "count",
            &i18n::count(self.table.rows.len().min(PREVIEW_ROWS) as u64),
        )]))
        .id_salt("import-preview")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt("import-preview-scroll")
                .show(ui, |ui| {
                    egui::Grid::new("import-preview-grid")
                        .striped(true)
                        .spacing([12.0, 2.0])
                        .show(ui, |ui| {
                            ui.strong(exchange::ROW.text());
                            for header in &self.table.headers {
                                ui.strong(header);
                            }
                            ui.end_row();
                            for row in 0..self.table.rows.len().min(PREVIEW_ROWS) {
                                ui.label(self.table.row_number(row).to_string());
                                for column in 0..self.table.headers.len() {
                                    let cell = self.table.cell(row, column);
                                    let shown: String =
                                        cell.chars().take(PREVIEW_CELL_CHARS).collect();
                                    let response = ui.label(shown);
                                    if cell.chars().count() > PREVIEW_CELL_CHARS {
                                        response.on_hover_text(cell);
                                    }
                                }
                                ui.end_row();
                            }
                        });
                });
        });
    }

    /// The columns, their fields, formats and examples. Returns whether the
    /// mapping changed.
    fn columns_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut changed = false;
        let list = self.mapping.list;
        let language = i18n::current();
        if self
            .not_imported
            .as_ref()
            .is_none_or(|(made_for, made_in, _)| (*made_for, *made_in) != (list, language))
        {
            let headers = &self.table.headers;
            let reasons = (0..headers.len())
                .map(|column| why_not_imported(list, headers, column))
                .collect();
            self.not_imported = Some((list, language, reasons));
        }
        let not_imported = self.not_imported.as_ref().map(|(_, _, reasons)| reasons);
        egui::Grid::new("import-columns")
            .striped(true)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                ui.strong(exchange::COLUMN.text());
                ui.strong(exchange::FIELD.text());
                ui.strong(exchange::FORMAT.text());
                ui.strong(exchange::EXAMPLES.text());
                ui.end_row();
                for column in 0..self.table.headers.len() {
                    let label = self.table.column_name(column);
                    ui.label(&label);
                    let mut field = self.mapping.field_of(column);
                    let shown = field
                        .and_then(|f| fields::find(list, f))
                        .map_or(exchange::NOT_IMPORTED_CHOICE.text(), |f| f.header());
                    super::keyboard::combo_ui(
                        ui,
                        egui::ComboBox::from_id_salt(("import-field", column)).selected_text(shown),
                        |ui| {
                            ui.selectable_value(
                                &mut field,
                                None,
                                exchange::NOT_IMPORTED_CHOICE.text(),
                            );
                            for f in fields::fields(list) {
                                ui.selectable_value(&mut field, Some(f.name), f.header());
                            }
                        },
                    )
                    .accessible_name(exchange::FIELD_OF.with(&[("label", &label)]));
                    if field != self.mapping.field_of(column) {
                        // A field goes in one column only.
                        if let Some(name) = field {
                            for other in self.mapping.columns.iter_mut() {
                                if *other == Some(name) {
                                    *other = None;
                                }
                            }
                        }
                        if let Some(slot) = self.mapping.columns.get_mut(column) {
                            *slot = field;
                        }
                        changed = true;
                    }
                    let format = match field.and_then(|f| fields::find(list, f)).map(|f| f.kind) {
                        Some(FieldKind::Date) => {
                            exchange::FORMAT_DATES.with(&[("format", &self.formats.date(column))])
                        }
                        Some(FieldKind::Amount) => exchange::FORMAT_NUMBERS
                            .with(&[("format", &self.formats.number(column))]),
                        Some(_) => String::new(),
                        None if self.mapping.company_country == Some(column) => {
                            exchange::COMPANY_COUNTRY.text().to_owned()
                        }
                        None => not_imported
                            .and_then(|reasons| reasons.get(column).cloned().flatten())
                            .unwrap_or_default(),
                    };
                    // A dash, not an empty (unnamed) label, when there is no format.
                    let format = if format.is_empty() {
                        "—".to_owned()
                    } else {
                        format
                    };
                    ui.label(RichText::new(format).small());
                    let examples: Vec<&str> = (0..self.table.rows.len().min(EXAMPLES))
                        .map(|row| self.table.cell(row, column))
                        .filter(|cell| !cell.is_empty())
                        .collect();
                    ui.label(RichText::new(examples.join(" · ")).weak());
                    ui.end_row();
                }
            });
        changed
    }

    /// The counts, the new companies, each row's outcome, and the buttons.
    fn dry_run_ui(&mut self, ui: &mut egui::Ui, file: &str) -> Option<ImportAction> {
        let (_, plan) = self.plan.as_ref()?;
        let mut action = None;
        let counts = plan.counts(self.create_companies);
        ui.strong(exchange::DRY_RUN.text());
        ui.label(exchange::DRY_RUN_COUNTS.with(&[
            ("added", &i18n::count(counts.added as u64)),
            ("updated", &i18n::count(counts.updated as u64)),
            ("unchanged", &i18n::count(counts.unchanged as u64)),
            ("errors", &i18n::count(counts.errors as u64)),
        ]));
        let mut create = self.create_companies;
        if !plan.new_companies.is_empty() {
            let names: Vec<String> = plan.new_companies.iter().map(|c| quoted(&c.name)).collect();
            let count = plan.new_companies.len() as u64;
            ui.checkbox(
                &mut create,
                i18n::plural(
                    count,
                    exchange::CREATE_COMPANIES_ONE,
                    exchange::CREATE_COMPANIES_OTHER,
                )
                .with(&[("count", &i18n::count(count)), ("names", &names.join(", "))]),
            );
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .id_salt("import-rows")
            .max_height(ROWS_HEIGHT)
            .show(ui, |ui| {
                let list = plan.list;
                let noun = list_words(list).noun;
                for row in &plan.rows {
                    let blocked = (!self.create_companies)
                        .then(|| row.needs_companies(plan))
                        .flatten();
                    let (text, error) = match (&row.outcome, blocked) {
                        (RowOutcome::Error { reason }, _) => {
                            (exchange::ROW_ERROR.with(&[("reason", reason)]), true)
                        }
                        (_, Some(reason)) => {
                            (exchange::ROW_SKIPPED.with(&[("reason", &reason)]), true)
                        }
                        (RowOutcome::Add(record), None) => (
                            exchange::ROW_ADD.with(&[("noun", &noun), ("id", &record.id())]),
                            false,
                        ),
                        (
                            RowOutcome::Update {
                                record, changed, ..
                            },
                            None,
                        ) => {
                            let changed: Vec<&str> =
                                changed.iter().map(|name| field_words(list, name)).collect();
                            (
                                exchange::ROW_UPDATE.with(&[
                                    ("noun", &noun),
                                    ("id", &record.id()),
                                    ("changed", &changed.join(", ")),
                                ]),
                                false,
                            )
                        }
                        (RowOutcome::Unchanged { .. }, None) => {
                            (exchange::ROW_UNCHANGED.text().to_owned(), false)
                        }
                    };
                    let line = exchange::ROW_LINE.with(&[("row", &row.row), ("text", &text)]);
                    if error {
                        ui.colored_label(ui.visuals().error_fg_color, line);
                    } else {
                        ui.label(line);
                    }
                    for note in &row.notes {
                        ui.label(RichText::new(format!("    {note}")).weak().small());
                    }
                }
            });
        ui.add_space(theme::SECTION_SPACE);
        let edit = plan.edit(self.create_companies);
        ui.horizontal(|ui| {
            let label = exchange::IMPORT_BUTTON.with(&[
                ("added", &i18n::count(counts.added as u64)),
                ("updated", &i18n::count(counts.updated as u64)),
            ]);
            if ui
                .add_enabled(
                    edit.is_some(),
                    egui::Button::new(RichText::new(label).strong()),
                )
                .on_disabled_hover_text(exchange::NOTHING_TO_IMPORT.text())
                .clicked()
                && let Some(edit) = edit
            {
                action = Some(ImportAction::Apply {
                    label: exchange::IMPORT_LABEL.with(&[
                        ("file", &file),
                        ("added", &i18n::count(counts.added as u64)),
                        ("updated", &i18n::count(counts.updated as u64)),
                    ]),
                    edit: Box::new(edit),
                });
            }
            if ui.button(exchange::CANCEL.text()).clicked() {
                action = Some(ImportAction::Cancel);
            }
        });
        self.create_companies = create;
        action
    }
}
