//! A date's calendar: a button that opens a month, in the interface's
//! language, to pick a day with the mouse or the keyboard.
//!
//! egui_extras' date picker speaks English only, has unnamed year, month
//! and day lists, and asks for a Save click; this one names every control,
//! opens with the keyboard focus on the day it proposes (arrows move it,
//! Page Up and Page Down change the month, Enter or Space picks the day,
//! Escape closes), and picks a day at once.

use chrono::{Datelike, Months, NaiveDate, Weekday};
use eframe::egui::{self, Button, Key, Popup, PopupCloseBehavior, Response, RichText, Ui};

use crate::i18n::{self, catalogue::form as msg};

/// The months, January first.
const MONTHS: [i18n::Msg; 12] = [
    msg::JANUARY,
    msg::FEBRUARY,
    msg::MARCH,
    msg::APRIL,
    msg::MAY,
    msg::JUNE,
    msg::JULY,
    msg::AUGUST,
    msg::SEPTEMBER,
    msg::OCTOBER,
    msg::NOVEMBER,
    msg::DECEMBER,
];

/// The days of the week, Monday first, as a calendar's columns name them.
const WEEKDAYS: [i18n::Msg; 7] = [
    msg::MONDAY_SHORT,
    msg::TUESDAY_SHORT,
    msg::WEDNESDAY_SHORT,
    msg::THURSDAY_SHORT,
    msg::FRIDAY_SHORT,
    msg::SATURDAY_SHORT,
    msg::SUNDAY_SHORT,
];

/// What the open calendar remembers between frames.
#[derive(Clone, Copy)]
struct Shown {
    /// The first day of the month shown.
    month: NaiveDate,
    /// The day to give the keyboard focus to, once.
    focus: Option<NaiveDate>,
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// "November 2026" / "novembre 2026".
fn month_title(month: NaiveDate) -> String {
    let name = MONTHS.get(month.month0() as usize).map_or("", |m| m.text());
    format!("{name} {}", month.year())
}

/// The button `text` (accessible name `name`) and, once clicked, the month
/// of `date` to pick another day in. The response is `changed()` when a day
/// was picked, and `date` is then that day.
pub fn calendar_button(
    ui: &mut Ui,
    id_salt: &str,
    text: &str,
    name: &str,
    hint: &str,
    date: &mut NaiveDate,
) -> Response {
    let mut button = ui
        .add(Button::new(text))
        .on_hover_text(hint)
        .accessible_name(name);
    let popup_id = ui.make_persistent_id(id_salt).with("calendar");
    let state_id = popup_id.with("shown");
    if button.clicked() {
        // Opening: the month of the proposed day, which gets the focus.
        let shown = Shown {
            month: first_of_month(*date),
            focus: Some(*date),
        };
        ui.data_mut(|d| d.insert_temp(state_id, shown));
    }
    let mut picked = None;
    let popup = Popup::from_toggle_button_response(&button)
        .id(popup_id)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let shown = ui.data(|d| d.get_temp::<Shown>(state_id)).unwrap_or(Shown {
                month: first_of_month(*date),
                focus: None,
            });
            let (month, day) = month_ui(ui, shown, *date);
            ui.data_mut(|d| {
                d.insert_temp(state_id, Shown { month, focus: None });
            });
            if let Some(day) = day {
                picked = Some(day);
                ui.close();
            }
        });
    if popup.is_some() && ui.input(|i| i.key_pressed(Key::Escape)) {
        Popup::close_id(ui.ctx(), popup_id);
        button.request_focus();
    }
    if let Some(day) = picked {
        *date = day;
        button.mark_changed();
        // Back to the button: Tab goes on to the next field.
        button.request_focus();
    }
    button
}

/// One month: its title between buttons to the months and years around it,
/// then its days under the days of the week. Returns the month to show next
/// and the day picked, if any.
fn month_ui(ui: &mut Ui, shown: Shown, selected: NaiveDate) -> (NaiveDate, Option<NaiveDate>) {
    let mut month = shown.month;
    let step = |month: NaiveDate, months: i32| {
        let delta = Months::new(months.unsigned_abs());
        if months < 0 {
            month.checked_sub_months(delta)
        } else {
            month.checked_add_months(delta)
        }
        .unwrap_or(month)
    };
    // Page Up / Page Down: the month before or after, the focus kept.
    let (previous_page, next_page) =
        ui.input(|i| (i.key_pressed(Key::PageUp), i.key_pressed(Key::PageDown)));
    if previous_page {
        month = step(month, -1);
    }
    if next_page {
        month = step(month, 1);
    }

    let shown_month = month;
    // A button to the month `months` away from the one shown.
    let mut go = |ui: &mut Ui, text: &str, name: i18n::Msg, months: i32| {
        if ui
            .small_button(i18n::verbatim(text))
            .on_hover_text(name.text())
            .accessible_name(name.text())
            .clicked()
        {
            month = step(month, months);
        }
    };
    ui.horizontal(|ui| {
        go(ui, "«", msg::PREVIOUS_YEAR, -12);
        go(ui, "‹", msg::PREVIOUS_MONTH, -1);
        ui.add_sized(
            [120.0, ui.spacing().interact_size.y],
            egui::Label::new(RichText::new(month_title(shown_month)).strong()),
        );
        go(ui, "›", msg::NEXT_MONTH, 1);
        go(ui, "»", msg::NEXT_YEAR, 12);
    });

    let today = chrono::Local::now().date_naive();
    let mut picked = None;
    egui::Grid::new("calendar-days")
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for weekday in WEEKDAYS {
                ui.weak(weekday.text());
            }
            ui.end_row();
            let offset = month.weekday().num_days_from_monday();
            for _ in 0..offset {
                ui.allocate_space(egui::Vec2::ZERO);
            }
            let mut day = month;
            while day.month() == month.month() {
                let mut text = RichText::new(day.day().to_string());
                if day == today {
                    text = text.strong().underline();
                }
                let response = ui
                    .add(Button::selectable(day == selected, text).min_size(egui::vec2(28.0, 0.0)))
                    .accessible_name(i18n::date(day));
                if shown.focus == Some(day) || (previous_page || next_page) && day.day() == 1 {
                    response.request_focus();
                }
                if response.clicked() {
                    picked = Some(day);
                }
                if day.weekday() == Weekday::Sun {
                    ui.end_row();
                }
                let Some(next) = day.succ_opt() else { break };
                day = next;
            }
        });
    (month, picked)
}
