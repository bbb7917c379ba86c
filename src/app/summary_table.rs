//! The figures by zone as a table: what `liaison-desk summary` prints, at
//! the foot of the dashboard.

use eframe::egui;

use crate::cli::group_thousands;
use crate::stats::Summary;

/// Column headers of the figures, with what each counts (shown on hover).
const SUMMARY_HEADERS: [(&str, &str); 9] = [
    ("Zone", "The zone of a record is the zone of its country"),
    (
        "Affiliates",
        "Offices abroad in the zone that are not closed (with a period: opened by its end)",
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

/// The figures by zone as a grid, with a total row.
pub fn summary_ui(ui: &mut egui::Ui, summary: &Summary) {
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
