//! What goes with the world map: the tooltip of a country, the legend, the
//! CSV of the figures by country, and the countries without a note.

use eframe::egui::{self, Color32, RichText};

use super::{Cached, MapColouring};
use crate::app::charts::Unit;
use crate::app::theme;
use crate::countries;
use crate::dashboard::Dashboard;
use crate::i18n::{self, catalogue::dashboard as msg};
use crate::model::Dataset;
use crate::world::CountryShape;

/// The countries with meetings but no note, most meetings first.
pub(super) fn uncovered_ui(ui: &mut egui::Ui, dashboard: &Dashboard) {
    if dashboard.uncovered.is_empty() {
        ui.label(RichText::new(msg::EVERY_COUNTRY_NOTED.text()).weak());
        return;
    }
    let shown: Vec<String> = dashboard
        .uncovered
        .iter()
        .take(theme::UNCOVERED_SHOWN)
        .map(|u| {
            let name = countries::country_name(&u.country).unwrap_or(&u.country);
            format!("{name} ({})", i18n::count(u.meetings))
        })
        .collect();
    let more = dashboard.uncovered.len().saturating_sub(shown.len());
    let mut text = msg::NO_NOTE_YET.with(&[("countries", &shown.join(", "))]);
    if more > 0 {
        text.push_str(&msg::AND_MORE.with(&[("more", &i18n::count(more as u64))]));
    }
    ui.label(RichText::new(text).small())
        .on_hover_text(msg::UNCOVERED_HINT.text());
}

/// The figures of the country under the pointer.
pub(super) fn country_tooltip_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    cache: &Cached,
    shape: &CountryShape,
) {
    let dashboard = &cache.dashboard;
    let name = if shape.code.is_empty() {
        shape.name.as_str()
    } else {
        countries::country_name(&shape.code).unwrap_or(&shape.name)
    };
    ui.strong(name);
    if shape.code.is_empty() {
        ui.label(RichText::new(msg::NOT_ISO_COUNTRY.text()).weak());
        return;
    }
    let zone = cache
        .country_slots
        .get(&shape.code)
        .and_then(|slot| dataset.zones.get(*slot))
        .map_or(countries::unassigned_zone_name(), |z| {
            z.name.as_deref().unwrap_or(&z.id)
        });
    ui.label(msg::ZONE_OF_COUNTRY.with(&[("zone", &zone)]));
    let figures = dashboard
        .countries
        .get(&shape.code)
        .cloned()
        .unwrap_or_default();
    ui.label(Unit::Count(msg::MEETING_ONE, msg::MEETING_OTHER).format(figures.meetings));
    ui.label(
        Unit::Count(msg::COMPANY_MET_ONE, msg::COMPANY_MET_OTHER).format(figures.companies_met),
    );
    if figures.affiliates > 0 {
        ui.label(Unit::Count(msg::AFFILIATE_ONE, msg::AFFILIATE_OTHER).format(figures.affiliates));
    }
    ui.label(Unit::Count(msg::NOTE_ONE, msg::NOTE_OTHER).format(figures.notes));
    if figures.meetings > 0 {
        ui.label(RichText::new(msg::CLICK_FOR_MEETINGS.text()).weak());
    }
}

/// The map's legend: the zones, or the scale of meetings.
pub(super) fn map_legend_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    colouring: MapColouring,
    max_meetings: u64,
) {
    let no_data = theme::no_data_color(ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let swatch = |ui: &mut egui::Ui, color: Color32, text: String| {
            let size = egui::vec2(theme::LEGEND_SWATCH, theme::LEGEND_SWATCH);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color);
            ui.label(RichText::new(text).small());
            ui.add_space(8.0);
        };
        match colouring {
            MapColouring::ByZone => {
                for (slot, zone) in dataset.zones.iter().enumerate() {
                    swatch(
                        ui,
                        theme::zone_color(Some(slot)),
                        zone.name.clone().unwrap_or_else(|| zone.id.clone()),
                    );
                }
                swatch(ui, no_data, msg::NOT_IN_A_ZONE.text().to_owned());
            }
            MapColouring::ByMeetings => {
                if max_meetings == 0 {
                    ui.label(
                        RichText::new(msg::NO_MEETINGS_IN_PERIOD.text())
                            .weak()
                            .small(),
                    );
                    return;
                }
                for count in theme::count_legend_steps(max_meetings) {
                    swatch(
                        ui,
                        theme::count_color(count, max_meetings),
                        i18n::count(count),
                    );
                }
                swatch(ui, no_data, msg::NO_MEETINGS.text().to_owned());
            }
        }
    });
}

/// The map's figures by country as CSV: code, name, zone and counts.
pub(super) fn map_csv(dashboard: &Dashboard) -> Vec<u8> {
    let mut codes: Vec<&String> = dashboard.countries.keys().collect();
    codes.sort();
    let table = crate::dashboard::ChartTable {
        header: [
            msg::COUNTRY,
            msg::MEETINGS,
            msg::COMPANIES_MET,
            msg::AFFILIATES,
            msg::COUNTRY_NOTES,
        ]
        .iter()
        .map(|m| m.text().to_owned())
        .collect(),
        rows: codes
            .into_iter()
            .filter_map(|code| {
                let figures = dashboard.countries.get(code)?;
                let name = countries::country_name(code).unwrap_or(code);
                Some((
                    format!("{name} ({code})"),
                    vec![
                        figures.meetings,
                        figures.companies_met,
                        figures.affiliates,
                        figures.notes,
                    ],
                ))
            })
            .collect(),
    };
    let mut out = Vec::new();
    table.write_csv(&mut out).ok();
    out
}
