//! The key figures at the top of the dashboard, each with its change
//! against the previous period; a click shows the records behind one.

use eframe::egui::{self, Color32, RichText};

use super::{Cached, DashboardAction, card_frame};
use crate::app::theme;
use crate::cli::group_thousands;
use crate::dashboard::{Drill, KeyFigures, StagePick};
use crate::model::{AffiliateStatus, ContractKind, ListKind};

/// The key figures, each with its change against the previous period;
/// a click shows the records behind one.
pub(super) fn key_figures_ui(
    ui: &mut egui::Ui,
    cache: &Cached,
    period: &str,
) -> Option<DashboardAction> {
    let current = cache.dashboard.current;
    let previous = cache.dashboard.previous.as_ref();
    let previous_label = previous.map(|(filter, _)| match filter.whole_years() {
        Some((first, last)) if first == last => first.to_string(),
        Some((first, last)) => format!("{first}–{last}"),
        None => match (filter.from, filter.to) {
            (Some(from), Some(to)) => format!("{from} to {to}"),
            _ => String::new(),
        },
    });
    let filter = cache.filter.clone();
    type Pick = fn(&KeyFigures) -> u64;
    let cards: [(&str, Pick, bool, ListKind, Drill); 6] = [
        (
            "Active affiliates",
            |k| k.active_affiliates,
            false,
            ListKind::Affiliates,
            Drill {
                filter: filter.clone(),
                affiliate_status: Some(AffiliateStatus::Active),
                ..Drill::default()
            },
        ),
        (
            "Companies met",
            |k| k.companies_met,
            false,
            ListKind::Companies,
            Drill {
                filter: filter.clone(),
                ..Drill::default()
            },
        ),
        (
            "Meetings",
            |k| k.meetings,
            false,
            ListKind::Meetings,
            Drill {
                filter: filter.clone(),
                ..Drill::default()
            },
        ),
        (
            "Open pipeline",
            |k| k.open_pipeline_eur,
            true,
            ListKind::Meetings,
            Drill {
                filter: filter.clone(),
                stage: Some(StagePick::Open),
                ..Drill::default()
            },
        ),
        (
            "Bilateral contracts",
            |k| k.bilateral_eur,
            true,
            ListKind::Contracts,
            Drill {
                filter: filter.clone(),
                contract_kind: Some(ContractKind::Bilateral),
                ..Drill::default()
            },
        ),
        (
            "European projects",
            |k| k.european_eur,
            true,
            ListKind::Contracts,
            Drill {
                filter: filter.clone(),
                contract_kind: Some(ContractKind::European),
                ..Drill::default()
            },
        ),
    ];
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        for (title, pick, euros, list, drill) in cards {
            let value = pick(&current);
            let before = previous.map(|(_, k)| pick(k));
            let response = card_frame(ui)
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        key_figure_ui(ui, title, value, before, euros, &previous_label, period)
                    })
                })
                .response
                .interact(egui::Sense::click())
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_text(format!("Show these records ({title})"));
            let spoken = format!("{title}: {}", exact(value, euros));
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, spoken.clone()));
            if response.clicked() {
                action = Some(DashboardAction::Drill {
                    list,
                    label: format!("{period} · {}", title.to_lowercase()),
                    drill,
                });
            }
        }
    });
    action
}

/// One key figure: its title, its value, and its change.
fn key_figure_ui(
    ui: &mut egui::Ui,
    title: &str,
    value: u64,
    before: Option<u64>,
    euros: bool,
    previous_label: &Option<String>,
    period: &str,
) {
    ui.set_min_width(theme::KEY_FIGURE_WIDTH);
    ui.label(RichText::new(title).weak());
    let text = if euros {
        format_euros_short(value)
    } else {
        group_thousands(value)
    };
    ui.label(
        RichText::new(text)
            .size(theme::KEY_FIGURE_TEXT_SIZE)
            .strong(),
    )
    .on_hover_text(if euros {
        format!("{} €", group_thousands(value))
    } else {
        group_thousands(value)
    });
    match (before, previous_label) {
        (Some(before), Some(label)) => {
            let (text, color) = change_text(ui, value, before, euros);
            ui.label(
                RichText::new(format!("{text} vs {label}"))
                    .color(color)
                    .small(),
            );
        }
        _ => {
            ui.label(RichText::new(period).weak().small());
        }
    }
}

/// A figure in full: "1,234" or "12,500,000 €".
fn exact(value: u64, euros: bool) -> String {
    if euros {
        format!("{} €", group_thousands(value))
    } else {
        group_thousands(value)
    }
}

/// "+12 (+8%)" and its colour; no percentage from zero.
fn change_text(ui: &egui::Ui, now: u64, before: u64, euros: bool) -> (String, Color32) {
    let format = |v: u64| {
        if euros {
            format_euros_short(v)
        } else {
            group_thousands(v)
        }
    };
    let (sign, difference) = if now >= before {
        ("+", now - before)
    } else {
        ("−", before - now)
    };
    let color = match now.cmp(&before) {
        std::cmp::Ordering::Greater => theme::rise_color(ui.visuals().dark_mode),
        std::cmp::Ordering::Less => theme::fall_color(ui.visuals().dark_mode),
        std::cmp::Ordering::Equal => ui.visuals().weak_text_color(),
    };
    if difference == 0 {
        return ("No change".to_owned(), color);
    }
    let text = if before > 0 {
        let percent = difference as f64 * 100.0 / before as f64;
        format!("{sign}{} ({sign}{percent:.0}%)", format(difference))
    } else {
        format!("{sign}{}", format(difference))
    };
    (text, color)
}

/// "12.4 M€", "850 k€", "900 €".
pub fn format_euros_short(value: u64) -> String {
    if value >= 1_000_000 {
        // Tenths of a million, rounded; the whole millions grouped by thousands.
        let tenths = value.saturating_add(50_000) / 100_000;
        format!("{}.{} M€", group_thousands(tenths / 10), tenths % 10)
    } else if value >= 10_000 {
        format!("{} k€", (value + 500) / 1_000)
    } else {
        format!("{} €", group_thousands(value))
    }
}

#[cfg(test)]
mod tests {
    use super::format_euros_short;

    #[test]
    fn amounts_read_in_millions_or_thousands() {
        assert_eq!(format_euros_short(950), "950 €");
        assert_eq!(format_euros_short(9_999), "9,999 €");
        assert_eq!(format_euros_short(849_600), "850 k€");
        assert_eq!(format_euros_short(28_375_000), "28.4 M€");
        assert_eq!(format_euros_short(6_396_960_000), "6,397.0 M€");
    }
}
