//! The figures by zone as a table: what `liaison-desk summary` prints, at
//! the foot of the dashboard.

use eframe::egui;

use crate::countries::{self, UNASSIGNED_ZONE};
use crate::i18n::{self, Msg, catalogue::table as msg};
use crate::stats::{Summary, ZoneFigures};

/// Column headers of the figures, with what each counts (shown on hover).
const SUMMARY_HEADERS: [(Msg, Msg); 9] = [
    (msg::SUMMARY_ZONE, msg::SUMMARY_ZONE_HINT),
    (msg::SUMMARY_AFFILIATES, msg::SUMMARY_AFFILIATES_HINT),
    (msg::SUMMARY_COMPANIES, msg::SUMMARY_COMPANIES_HINT),
    (msg::SUMMARY_COMPANIES_MET, msg::SUMMARY_COMPANIES_MET_HINT),
    (msg::SUMMARY_MEETINGS, msg::SUMMARY_MEETINGS_HINT),
    (msg::SUMMARY_COUNTRY_NOTES, msg::SUMMARY_COUNTRY_NOTES_HINT),
    (msg::SUMMARY_CONTRACTS, msg::SUMMARY_CONTRACTS_HINT),
    (msg::SUMMARY_BILATERAL, msg::SUMMARY_BILATERAL_HINT),
    (msg::SUMMARY_EUROPEAN, msg::SUMMARY_EUROPEAN_HINT),
];

/// The figures by zone as a grid, with a total row.
pub fn summary_ui(ui: &mut egui::Ui, summary: &Summary) {
    egui::Grid::new("summary")
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for (header, meaning) in SUMMARY_HEADERS {
                ui.strong(header.text()).on_hover_text(meaning.text());
            }
            ui.end_row();
            for row in summary.rows.iter().chain(std::iter::once(&summary.total)) {
                let is_total = std::ptr::eq(row, &summary.total);
                let name = zone_name(row, is_total);
                if is_total {
                    ui.strong(name);
                } else {
                    ui.label(name);
                }
                for number in row.numbers() {
                    let text = i18n::count(number);
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

/// A row's name in the language of the interface: the zone's own name, as
/// written in the file, or the table's words for the unassigned and total rows.
fn zone_name(row: &ZoneFigures, is_total: bool) -> &str {
    if is_total {
        msg::SUMMARY_TOTAL.text()
    } else if row.zone_id == UNASSIGNED_ZONE {
        countries::unassigned_zone_name()
    } else {
        &row.zone_name
    }
}
