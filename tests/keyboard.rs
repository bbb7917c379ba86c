//! The whole app by keyboard only, as a person who cannot use a mouse: from
//! the open sample, go to the meetings, log a new one for a company of the
//! file (picked from the form's list by typing), and save it with Ctrl+S.
//! No click, no AccessKit action: only key presses and typed text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ScriptedPicker;

use std::sync::Arc;

use eframe::egui::accesskit::Role;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, Screen};
use liaison_desk::model::{ListKind, Stage};
use liaison_desk::storage::load_file;

fn sample_app(picker: Arc<ScriptedPicker>) -> Harness<'static, LiaisonApp> {
    let app = LiaisonApp::start(Settings::default(), picker, None);
    common::window(app)
}

/// The role and name of the widget with the keyboard focus, as a screen
/// reader would announce it.
fn focused(h: &Harness<'static, LiaisonApp>) -> String {
    h.root()
        .children_recursive()
        .find(|node| node.accesskit_node().is_focused())
        .map_or_else(
            || "nothing".to_owned(),
            |node| {
                let node = node.accesskit_node();
                format!("{:?} {:?}", node.role(), node.label().unwrap_or_default())
            },
        )
}

/// What the pick-list `label` shows as chosen.
fn combo_value(h: &Harness<'static, LiaisonApp>, label: &str) -> Option<String> {
    h.get(By::new().role(Role::ComboBox).label(label)).value()
}

fn key(h: &mut Harness<'static, LiaisonApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn shortcut(h: &mut Harness<'static, LiaisonApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn type_text(h: &mut Harness<'static, LiaisonApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// Presses Tab (or Shift+Tab) until the focus is on `role name`; fails
/// after `most` presses, saying where the focus went.
fn tab_to(h: &mut Harness<'static, LiaisonApp>, wanted: &str, most: usize, back: bool) {
    let mut seen = Vec::new();
    for _ in 0..most {
        if back {
            shortcut(h, Modifiers::SHIFT, Key::Tab);
        } else {
            key(h, Key::Tab);
        }
        let now = focused(h);
        if now == wanted {
            return;
        }
        seen.push(now);
    }
    panic!(
        "Tab never reached {wanted} in {most} presses; the focus went to:\n{}",
        seen.join("\n")
    );
}

/// Presses `arrow` until the focus is on `wanted` (egui moves the focus
/// to the nearest widget in that direction).
fn arrow_to(h: &mut Harness<'static, LiaisonApp>, arrow: Key, wanted: &str, most: usize) {
    let mut seen = Vec::new();
    for _ in 0..most {
        key(h, arrow);
        let now = focused(h);
        if now == wanted {
            return;
        }
        seen.push(now);
    }
    panic!(
        "{arrow:?} never reached {wanted} in {most} presses; the focus went to:\n{}",
        seen.join("\n")
    );
}

fn selected_meeting(h: &Harness<'static, LiaisonApp>) -> Option<usize> {
    h.state()
        .table(ListKind::Meetings)
        .and_then(|table| table.selected())
}

#[test]
fn a_meeting_is_logged_and_saved_with_the_keyboard_only() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("keyboard.ron");
    let picker = Arc::new(ScriptedPicker::default());
    *picker.save.lock().unwrap() = Some(target.clone());
    let mut h = sample_app(picker);
    assert_eq!(h.state().screen(), Screen::Dashboard);
    let before = h.state().workspace().dataset().meetings.clone();
    let company = h
        .state()
        .workspace()
        .dataset()
        .companies
        .iter()
        .find(|c| c.name.as_deref() == Some("Kanto Pharmaceutical K.K."))
        .expect("the sample's company")
        .id
        .clone();

    // Ctrl+4: the fourth screen of the side panel, the meetings; a look at
    // the first one (Down selects it).
    shortcut(&mut h, Modifiers::COMMAND, Key::Num4);
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    key(&mut h, Key::ArrowDown);
    assert!(selected_meeting(&h).is_some(), "Down selects a row");

    // Ctrl+N: a new meeting, its first field (the date) focused.
    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("New meeting");
    assert_eq!(focused(&h), "TextInput \"Date\"", "the date has the focus");

    // The date: select what is there and type over it.
    shortcut(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "2025-03-14");

    // The company: Tab to its pick-list, open it with Space, type to
    // search, Enter takes the first match and gives the focus back to the
    // pick-list, so that Tab goes on to the next field.
    tab_to(&mut h, "ComboBox \"Company\"", 3, false);
    key(&mut h, Key::Space);
    assert_eq!(
        focused(&h),
        "TextInput \"Search companies\"",
        "the pick-list opens with its search field focused"
    );
    type_text(&mut h, "kanto pharm");
    key(&mut h, Key::Enter);
    assert_eq!(
        combo_value(&h, "Company").as_deref(),
        Some("Kanto Pharmaceutical K.K."),
        "Enter takes the first match"
    );
    assert_eq!(
        focused(&h),
        "ComboBox \"Company\"",
        "the focus is back on the pick-list, not lost"
    );

    // The topic: Tab on to it (past Affiliate, Institutes, Initiative).
    tab_to(&mut h, "TextInput \"Topic\"", 6, false);
    type_text(&mut h, "Fuel cell membranes");

    // The stage: the next field; Space opens its list, Down moves to
    // "Follow-up", Enter chooses it and closes the list.
    tab_to(&mut h, "ComboBox \"Stage\"", 1, false);
    key(&mut h, Key::Space);
    arrow_to(&mut h, Key::ArrowDown, "Button \"Follow-up\"", 4);
    key(&mut h, Key::Enter);
    assert_eq!(combo_value(&h, "Stage").as_deref(), Some("Follow-up"));
    assert!(
        h.query(By::new().role(Role::Button).label("First contact"))
            .is_none(),
        "the list closes once a stage is chosen"
    );
    assert_eq!(focused(&h), "ComboBox \"Stage\"", "the focus is not lost");

    // Apply: Tab to the button, Enter. (Ctrl+Enter also applies.)
    tab_to(&mut h, "Button \"Apply\"", 8, false);
    key(&mut h, Key::Enter);
    let data = h.state().workspace().dataset();
    assert_eq!(
        data.meetings.len(),
        before.len() + 1,
        "the meeting is added"
    );
    let added = data.meetings.last().unwrap().clone();
    assert_eq!(added.date.to_string(), "2025-03-14");
    assert_eq!(added.company, company);
    assert_eq!(added.topic.as_deref(), Some("Fuel cell membranes"));
    assert_eq!(added.stage, Some(Stage::FollowUp));

    // Ctrl+S: saved (the scripted dialog answers the path).
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    common::run_until(&mut h, "the save", |app| !app.workspace().is_modified());
    let read = load_file(&target).unwrap().dataset;
    let saved = read.meetings.last().unwrap();
    assert_eq!(saved, &added);
    assert_eq!(read.meetings.len(), before.len() + 1);
    assert_eq!(&read.meetings[..before.len()], &before[..]);
}

#[test]
fn enter_on_a_focused_button_is_that_buttons_not_the_tables() {
    let mut h = sample_app(Arc::new(ScriptedPicker::default()));
    shortcut(&mut h, Modifiers::COMMAND, Key::Num4);
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::ArrowDown);
    let selected = selected_meeting(&h).expect("Down selects a row");
    // Enter opens the selected meeting, the keyboard in its first field.
    key(&mut h, Key::Enter);
    let id = h.state().workspace().dataset().meetings[selected]
        .id
        .clone();
    h.get_by_label(&format!("Meeting {id}"));
    assert_eq!(focused(&h), "TextInput \"Date\"");
    // Enter on Cancel closes the form, and does not open the row again.
    tab_to(&mut h, "Button \"Cancel\"", 20, false);
    key(&mut h, Key::Enter);
    assert!(
        h.query_by_label("Apply").is_none(),
        "Cancel closed the form; Enter did not reopen the row"
    );
}

#[test]
fn a_deletion_is_confirmed_or_refused_with_the_keyboard() {
    let mut h = sample_app(Arc::new(ScriptedPicker::default()));
    let count = h.state().workspace().dataset().meetings.len();
    shortcut(&mut h, Modifiers::COMMAND, Key::Num4);
    key(&mut h, Key::ArrowDown);
    // Delete asks; the focus starts on the safe answer, Cancel: Enter
    // keeps the meeting.
    key(&mut h, Key::Delete);
    assert_eq!(focused(&h), "Button \"Cancel\"", "the dialog's default");
    key(&mut h, Key::Enter);
    assert!(h.query_by_label("Cancel").is_none(), "the dialog is closed");
    assert_eq!(h.state().workspace().dataset().meetings.len(), count);
    // Delete again, Shift+Tab to "Delete", Enter: gone (and Ctrl+Z undoes).
    key(&mut h, Key::Delete);
    tab_to(&mut h, "Button \"Delete\"", 2, true);
    key(&mut h, Key::Enter);
    assert_eq!(h.state().workspace().dataset().meetings.len(), count - 1);
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().workspace().dataset().meetings.len(), count);
}

#[test]
fn the_keyboard_shortcuts_list_opens_and_closes_with_the_keyboard() {
    let mut h = sample_app(Arc::new(ScriptedPicker::default()));
    // The menu bar is the first stop of Tab; Space opens a menu.
    tab_to(&mut h, "Button \"Help\"", 4, false);
    key(&mut h, Key::Space);
    arrow_to(&mut h, Key::ArrowDown, "Button \"Keyboard shortcuts\"", 4);
    key(&mut h, Key::Enter);
    assert_eq!(focused(&h), "Button \"Close\"", "the dialog's default");
    key(&mut h, Key::Enter);
    assert!(h.query_by_label("Close").is_none());
}

#[test]
fn a_table_filter_is_chosen_with_the_keyboard_and_closes_on_enter() {
    let mut h = sample_app(Arc::new(ScriptedPicker::default()));
    shortcut(&mut h, Modifiers::COMMAND, Key::Num4);
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    let everything = h.state().table(ListKind::Meetings).unwrap().visible_rows();

    tab_to(&mut h, "ComboBox \"Filter by zone\"", 40, false);
    key(&mut h, Key::Space);
    // The list is open; the arrows go down its zones, Enter picks one.
    arrow_to(&mut h, Key::ArrowDown, "Button \"Europe\"", 10);
    key(&mut h, Key::Enter);

    assert_eq!(
        h.state().table(ListKind::Meetings).unwrap().zone_filter(),
        Some("europe")
    );
    assert!(
        !egui::Popup::is_any_open(&h.ctx),
        "Enter closes the list, as a click does"
    );
    assert_eq!(
        focused(&h),
        "ComboBox \"Filter by zone\"",
        "the focus is back on the list's button, for Tab to go on"
    );
    let europe = h.state().table(ListKind::Meetings).unwrap().visible_rows();
    assert!(
        0 < europe && europe < everything,
        "{europe} of {everything}"
    );
}
