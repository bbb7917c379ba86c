//! The desktop window. For now a first simple window: the file's name in
//! the title, the figures by zone, and the problems of the file.
//!
//! Architecture invariant: the window only reads what the core computed;
//! figures and problems are computed once per load, never per frame.

pub mod form;
pub mod table;
pub mod theme;

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::cli::group_thousands;
use crate::format;
use crate::model::Dataset;
use crate::stats::{self, Filter, Summary};
use crate::storage;
use crate::validate::{self, Problem, Severity};

/// What the window shows: an open file, or why it could not be opened.
pub enum Document {
    /// A file that was read.
    Open(Box<OpenFile>),
    /// A file that could not be read, with the reason.
    Failed {
        /// The file.
        name: String,
        /// Why, in words.
        message: String,
    },
}

/// A file that was read, with what is derived from it.
pub struct OpenFile {
    /// File name, or a description such as "Sample data".
    pub name: String,
    /// The data.
    pub dataset: Dataset,
    /// Figures by zone, computed at load.
    pub summary: Summary,
    /// Validation problems, computed at load.
    pub problems: Vec<Problem>,
}

impl OpenFile {
    /// Derives the figures and problems of `dataset`.
    pub fn new(name: String, dataset: Dataset) -> Self {
        let summary = stats::summary(&dataset, &Filter::all());
        let problems = validate::validate(&dataset);
        Self {
            name,
            dataset,
            summary,
            problems,
        }
    }
}

impl Document {
    /// Reads a file from disk; a failure becomes a document that says why.
    pub fn from_path(path: &Path) -> Self {
        let name = display_name(path);
        match storage::load_file(path) {
            Ok(parsed) => Document::Open(Box::new(OpenFile::new(name, parsed.dataset))),
            Err(error) => Document::Failed {
                name,
                message: error.to_string(),
            },
        }
    }

    /// The bundled sample data.
    pub fn sample() -> Self {
        let name = "Sample data (untitled)".to_owned();
        match format::parse_str(crate::SAMPLE_DATA) {
            Ok(parsed) => Document::Open(Box::new(OpenFile::new(name, parsed.dataset))),
            Err(error) => Document::Failed {
                name,
                message: format!("the bundled sample data cannot be read: {error}"),
            },
        }
    }

    /// The window title: file name, then the program.
    pub fn window_title(&self) -> String {
        let name = match self {
            Document::Open(file) => &file.name,
            Document::Failed { name, .. } => name,
        };
        format!("{name} — Liaison Desk")
    }
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The application.
pub struct LiaisonApp {
    document: Document,
    title_sent: Option<String>,
}

impl LiaisonApp {
    /// Opens `path`, or the bundled sample when there is none.
    pub fn new(path: Option<PathBuf>) -> Self {
        let document = match path {
            Some(path) => Document::from_path(&path),
            None => Document::sample(),
        };
        Self::with_document(document)
    }

    /// An app showing `document`.
    pub fn with_document(document: Document) -> Self {
        Self {
            document,
            title_sent: None,
        }
    }

    /// Draws the whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let title = self.document.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        match &self.document {
            Document::Open(file) => open_file_ui(ui, file),
            Document::Failed { name, message } => failed_ui(ui, name, message),
        }
    }
}

impl eframe::App for LiaisonApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| self.ui(ui));
    }
}

fn failed_ui(ui: &mut egui::Ui, name: &str, message: &str) {
    ui.heading(name);
    ui.add_space(8.0);
    ui.colored_label(
        ui.visuals().error_fg_color,
        "This file could not be opened.",
    );
    ui.label(message);
}

fn open_file_ui(ui: &mut egui::Ui, file: &OpenFile) {
    let title = file.dataset.title.as_deref().unwrap_or(&file.name);
    ui.heading(title);
    let count = |n: usize| group_thousands(n as u64);
    ui.label(format!(
        "{} affiliates · {} companies · {} meetings · {} country notes · {} contracts",
        count(file.dataset.affiliates.len()),
        count(file.dataset.companies.len()),
        count(file.dataset.meetings.len()),
        count(file.dataset.country_notes.len()),
        count(file.dataset.contracts.len())
    ));
    ui.add_space(12.0);
    ui.strong("Figures by zone");
    summary_ui(ui, &file.summary);
    ui.add_space(16.0);
    problems_ui(ui, &file.problems);
}

/// Column headers of the figures, with what each counts (shown on hover).
const SUMMARY_HEADERS: [(&str, &str); 9] = [
    ("Zone", "The zone of a record is the zone of its country"),
    (
        "Affiliates",
        "Offices abroad in the zone that are not closed",
    ),
    ("Companies", "Companies whose country is in the zone"),
    (
        "Companies met",
        "Companies of the zone with at least one meeting",
    ),
    ("Meetings", "Meetings with companies of the zone"),
    ("Country notes", "Notes on the zone's countries"),
    ("Contracts", "Contracts of the zone"),
    (
        "Bilateral (€)",
        "Total of Bilateral contracts, financed by companies of the zone",
    ),
    (
        "European (€)",
        "Total of European projects coordinated from the zone",
    ),
];

fn summary_ui(ui: &mut egui::Ui, summary: &Summary) {
    egui::Grid::new("summary")
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for (header, meaning) in SUMMARY_HEADERS {
                ui.strong(header).on_hover_text(meaning);
            }
            ui.end_row();
            for row in summary.rows.iter().chain(std::iter::once(&summary.total)) {
                let is_total = std::ptr::eq(row, &summary.total);
                if is_total {
                    ui.strong(&row.zone_name);
                } else {
                    ui.label(&row.zone_name);
                }
                for number in row.numbers() {
                    let text = group_thousands(number);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if is_total {
                            ui.strong(text);
                        } else {
                            ui.label(text);
                        }
                    });
                }
                ui.end_row();
            }
        });
}

fn problems_ui(ui: &mut egui::Ui, problems: &[Problem]) {
    let (errors, warnings) = validate::count(problems);
    if problems.is_empty() {
        ui.strong("Problems");
        ui.label("No problems found: every reference, date and country code checks out.");
        return;
    }
    ui.strong(format!(
        "Problems: {errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    ));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            for problem in problems.get(range).unwrap_or_default() {
                ui.horizontal(|ui| {
                    let (label, color) = match problem.severity {
                        Severity::Error => ("Error", ui.visuals().error_fg_color),
                        Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
                    };
                    ui.colored_label(color, label);
                    ui.label(problem.to_string());
                });
            }
        });
}
