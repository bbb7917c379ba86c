//! The problems screen: every problem of the checks, each a click away
//! from its record.

use eframe::egui;

use crate::model::ListKind;
use crate::validate::{self, Problem, Severity};

/// Draws the problems; returns the record the user asked to see.
pub fn problems_ui(ui: &mut egui::Ui, problems: &[Problem]) -> Option<(ListKind, usize)> {
    let (errors, warnings) = validate::count(problems);
    ui.heading("Problems");
    if problems.is_empty() {
        ui.label("No problems found: every reference, date and country code checks out.");
        return None;
    }
    ui.label(format!(
        "{errors} error{}, {warnings} warning{}. Click a problem to open its record.",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    ));
    ui.add_space(6.0);
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            for problem in problems.get(range).unwrap_or_default() {
                ui.horizontal(|ui| {
                    let (label, color) = match problem.severity {
                        Severity::Error => ("Error", ui.visuals().error_fg_color),
                        Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
                    };
                    ui.add_sized(
                        [64.0, row_height],
                        egui::Label::new(egui::RichText::new(label).color(color)),
                    );
                    if ui
                        .link(problem.to_string())
                        .on_hover_text("Open this record")
                        .clicked()
                    {
                        clicked = Some((problem.list, problem.index));
                    }
                });
            }
        });
    clicked
}
