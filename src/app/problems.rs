//! The problems screen: every problem of the checks, each a click away
//! from its record.

use eframe::egui;

use crate::i18n::{self, catalogue::table as msg};
use crate::model::ListKind;
use crate::validate::{self, Problem, Severity};

/// Width of the "Error" / "Warning" column, in points ("Avertissement" fits).
const SEVERITY_WIDTH: f32 = 96.0;

/// Draws the problems; returns the record the user asked to see.
pub fn problems_ui(ui: &mut egui::Ui, problems: &[Problem]) -> Option<(ListKind, usize)> {
    let (errors, warnings) = validate::count(problems);
    ui.heading(msg::PROBLEMS.text());
    if problems.is_empty() {
        ui.label(msg::NO_PROBLEMS.text());
        return None;
    }
    let errors = i18n::counted(errors as u64, msg::ERRORS_ONE, msg::ERRORS_OTHER);
    let warnings = i18n::counted(warnings as u64, msg::WARNINGS_ONE, msg::WARNINGS_OTHER);
    ui.label(msg::PROBLEMS_SUMMARY.with(&[("errors", &errors), ("warnings", &warnings)]));
    ui.add_space(6.0);
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            for problem in problems.get(range).unwrap_or_default() {
                ui.horizontal(|ui| {
                    let (label, color) = match problem.severity {
                        Severity::Error => (msg::ERROR.text(), ui.visuals().error_fg_color),
                        Severity::Warning => (msg::WARNING.text(), ui.visuals().warn_fg_color),
                    };
                    ui.add_sized(
                        [SEVERITY_WIDTH, row_height],
                        egui::Label::new(egui::RichText::new(label).color(color)),
                    );
                    if ui
                        .link(problem.to_string())
                        .on_hover_text(msg::OPEN_THIS_RECORD.text())
                        .clicked()
                    {
                        clicked = Some((problem.list, problem.index));
                    }
                });
            }
        });
    clicked
}
