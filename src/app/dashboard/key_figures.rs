//! The key figures at the top of the dashboard, each with its change
//! against the previous period; a click shows the records behind one.

use eframe::egui::{self, Color32, RichText};

use super::{Cached, DashboardAction, card_frame};
use crate::app::theme;
use crate::dashboard::{Drill, KeyFigures, StagePick};
use crate::i18n::{self, Msg, catalogue::dashboard as msg};
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
            (Some(from), Some(to)) => {
                msg::DATE_RANGE.with(&[("from", &i18n::date(from)), ("to", &i18n::date(to))])
            }
            _ => String::new(),
        },
    });
    let filter = cache.filter.clone();
    type Pick = fn(&KeyFigures) -> u128;
    let cards: [(Msg, Pick, bool, ListKind, Drill); 6] = [
        (
            msg::KEY_ACTIVE_AFFILIATES,
            |k| k.active_affiliates.into(),
            false,
            ListKind::Affiliates,
            Drill {
                filter: filter.clone(),
                affiliate_status: Some(AffiliateStatus::Active),
                ..Drill::default()
            },
        ),
        (
            msg::COMPANIES_MET,
            |k| k.companies_met.into(),
            false,
            ListKind::Companies,
            Drill {
                filter: filter.clone(),
                ..Drill::default()
            },
        ),
        (
            msg::MEETINGS,
            |k| k.meetings.into(),
            false,
            ListKind::Meetings,
            Drill {
                filter: filter.clone(),
                ..Drill::default()
            },
        ),
        (
            msg::KEY_OPEN_PIPELINE,
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
            msg::KEY_BILATERAL,
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
            msg::KEY_EUROPEAN,
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
            let title = title.text();
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
                .on_hover_text(msg::KEY_SHOW_RECORDS.with(&[("title", &title)]));
            let spoken =
                msg::KEY_SPOKEN.with(&[("title", &title), ("value", &exact(value, euros))]);
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
    value: u128,
    before: Option<u128>,
    euros: bool,
    previous_label: &Option<String>,
    period: &str,
) {
    ui.set_min_width(theme::KEY_FIGURE_WIDTH);
    ui.label(RichText::new(title).weak());
    let text = if euros {
        i18n::euros_short(value)
    } else {
        i18n::count(value)
    };
    ui.label(
        RichText::new(text)
            .size(theme::KEY_FIGURE_TEXT_SIZE)
            .strong(),
    )
    .on_hover_text(exact(value, euros));
    match (before, previous_label) {
        (Some(before), Some(label)) => {
            let (text, color) = change_text(ui, value, before, euros);
            ui.label(
                RichText::new(
                    msg::KEY_CHANGE_SINCE.with(&[("change", &text), ("previous", label)]),
                )
                .color(color)
                .small(),
            );
        }
        _ => {
            ui.label(RichText::new(period).weak().small());
        }
    }
}

/// A figure in full: "1,234" or "€12,500,000" (in French "1 234" or "12 500 000 €").
fn exact(value: u128, euros: bool) -> String {
    if euros {
        i18n::amount_eur(i128::try_from(value).unwrap_or(i128::MAX))
    } else {
        i18n::count(value)
    }
}

/// "+12 (+8%)" and its colour; no percentage from zero.
fn change_text(ui: &egui::Ui, now: u128, before: u128, euros: bool) -> (String, Color32) {
    let format = |v: u128| {
        if euros {
            i18n::euros_short(v)
        } else {
            i18n::count(v)
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
        return (msg::KEY_NO_CHANGE.text().to_owned(), color);
    }
    let text = if before > 0 {
        let percent = difference as f64 * 100.0 / before as f64;
        msg::KEY_CHANGE_PERCENT.with(&[
            ("sign", &sign),
            ("difference", &format(difference)),
            ("percent", &i18n::decimal(percent, 0)),
        ])
    } else {
        format!("{sign}{}", format(difference))
    };
    (text, color)
}

/// An amount rounded for a key figure: "12.4 M€", "850 k€", "900 €" in
/// English, "12,4 M€" in French; the same as [`i18n::euros_short`], kept
/// for the code that calls it by this name.
pub fn format_euros_short(value: u128) -> String {
    i18n::euros_short(value)
}

#[cfg(test)]
mod tests {
    use super::format_euros_short;
    use crate::i18n::{Language, set_language};

    #[test]
    fn amounts_read_in_millions_or_thousands() {
        set_language(Language::English);
        assert_eq!(format_euros_short(950), "950\u{a0}€");
        assert_eq!(format_euros_short(9_999), "9,999\u{a0}€");
        assert_eq!(format_euros_short(849_600), "850\u{a0}k€");
        assert_eq!(format_euros_short(28_375_000), "28.4\u{a0}M€");
        assert_eq!(format_euros_short(6_396_960_000), "6,397.0\u{a0}M€");
        set_language(Language::French);
        assert_eq!(format_euros_short(28_375_000), "28,4\u{a0}M€");
        assert_eq!(format_euros_short(6_396_960_000), "6\u{a0}397,0\u{a0}M€");
        set_language(Language::English);
    }
}
