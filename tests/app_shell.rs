//! The whole application, driven headless with egui_kittest as a person
//! would: open the sample, move between screens, add a meeting by typing,
//! undo and redo, delete a company that meetings refer to, save to a file
//! (through a scripted file dialog) and read it back, and the questions asked
//! before unsaved work could be lost.

mod common;

use common::ScriptedPicker;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::accesskit::Role;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, Screen};
use liaison_desk::i18n::Language;
use liaison_desk::model::ListKind;
use liaison_desk::storage::load_file;

fn app_with(picker: Arc<ScriptedPicker>, file: Option<&Path>) -> Harness<'static, LiaisonApp> {
    let app = LiaisonApp::start(Settings::default(), picker, file.map(Path::to_owned));
    common::window(app)
}

fn sample_app() -> (Harness<'static, LiaisonApp>, Arc<ScriptedPicker>) {
    let picker = Arc::new(ScriptedPicker::default());
    (app_with(picker.clone(), None), picker)
}

fn click(h: &mut Harness<'static, LiaisonApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Clicks the side panel's entry `screen_label` (its button also shows a count).
fn go(h: &mut Harness<'static, LiaisonApp>, screen_label: &str) {
    h.get(By::new().role(Role::Button).label_contains(screen_label))
        .click();
    h.run();
}

fn press(h: &mut Harness<'static, LiaisonApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// The window manager asks to close the window; returns whether the app
/// held the close back (`CancelClose`).
fn request_close(h: &mut Harness<'static, LiaisonApp>) -> bool {
    if let Some(viewport) = h.input_mut().viewports.get_mut(&egui::ViewportId::ROOT) {
        viewport.events.push(egui::ViewportEvent::Close);
    }
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    h.run();
    cancelled
}

#[test]
fn the_first_start_opens_the_sample_as_an_untitled_copy() {
    let (h, _) = sample_app();
    assert_eq!(
        h.state().window_title(),
        "Sample data (untitled) — Liaison Desk"
    );
    assert_eq!(h.state().path(), None);
    assert_eq!(h.state().screen(), Screen::Dashboard);
    h.get_by_label("Figures by zone");
    h.get_by_label_contains("not saved yet");
    assert!(h.state().settings().started_before);
}

#[test]
fn the_side_panel_leads_to_every_list_with_its_count() {
    let (mut h, _) = sample_app();
    let meetings = h.state().workspace().dataset().meetings.len();
    go(&mut h, "Meetings");
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    h.get_by_label(&format!("{meetings} of {meetings} meetings").replace("1102", "1,102"));
    go(&mut h, "Zones & countries");
    assert_eq!(h.state().screen(), Screen::Zones);
    let missing =
        liaison_desk::countries::missing_default_assignments(h.state().workspace().dataset()).len();
    assert!(missing > 100, "the sample lists only the countries it uses");
    let countries = h.state().workspace().dataset().countries.len();
    click(
        &mut h,
        &format!("Fill {missing} unassigned from the defaults"),
    );
    assert_eq!(
        h.state().workspace().dataset().countries.len(),
        countries + missing
    );
    h.get_by_label("Fill 0 unassigned from the defaults");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().workspace().dataset().countries.len(), countries);
    go(&mut h, "Problems");
    h.get_by_label_contains("No problems found");
    // Ctrl+4 goes to the fourth screen of the side panel, the meetings.
    press(&mut h, Modifiers::COMMAND, Key::Num1);
    assert_eq!(h.state().screen(), Screen::Dashboard);
    press(&mut h, Modifiers::COMMAND, Key::Num4);
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
}

#[test]
fn saving_an_untitled_file_asks_where_writes_it_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("boston.ron");
    let (mut h, picker) = sample_app();
    *picker.save.lock().unwrap() = Some(target.clone());
    press(&mut h, Modifiers::COMMAND, Key::S);
    common::run_until(&mut h, "the dialog's answer", |app| app.path().is_some());
    assert_eq!(h.state().path(), Some(target.as_path()));
    assert_eq!(h.state().window_title(), "boston.ron — Liaison Desk");
    let read = load_file(&target).unwrap().dataset;
    assert_eq!(&read, h.state().workspace().dataset());
    assert_eq!(h.state().settings().recent_files, vec![target.clone()]);
    assert_eq!(h.state().settings().last_file, Some(target));
}

#[test]
fn a_meeting_added_by_typing_can_be_undone_redone_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("office.ron");
    let (mut h, picker) = sample_app();
    let before = h.state().workspace().dataset().meetings.len();
    go(&mut h, "Meetings");
    click(&mut h, "Add meeting");
    let topic = || By::new().role(Role::TextInput).label("Topic");
    h.get(topic()).focus();
    h.run();
    h.get(topic()).type_text("Hydrogen storage pilot");
    h.run();
    h.get(By::new().role(Role::ComboBox).label("Company"))
        .click();
    h.run();
    h.get_by_label("Search companies").type_text("kanto pharm");
    h.run();
    click(&mut h, "Kanto Pharmaceutical K.K.");
    click(&mut h, "Apply");

    let data = h.state().workspace().dataset();
    assert_eq!(data.meetings.len(), before + 1);
    let added = data.meetings.last().unwrap();
    assert_eq!(added.topic.as_deref(), Some("Hydrogen storage pilot"));
    assert!(h.state().workspace().problems().is_empty());
    assert!(h.state().window_title().starts_with('*'), "unsaved mark");

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().workspace().dataset().meetings.len(), before);
    assert!(
        !h.state().window_title().starts_with('*'),
        "back to the opened data"
    );
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().workspace().dataset().meetings.len(), before + 1);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().workspace().dataset().meetings.len(), before + 1);

    *picker.save.lock().unwrap() = Some(target.clone());
    press(&mut h, Modifiers::COMMAND, Key::S);
    common::run_until(&mut h, "the dialog's answer", |app| {
        !app.workspace().is_modified()
    });
    let read = load_file(&target).unwrap().dataset;
    assert_eq!(
        read.meetings
            .last()
            .and_then(|m| m.topic.clone())
            .as_deref(),
        Some("Hydrogen storage pilot")
    );
}

#[test]
fn deleting_a_company_says_what_refers_to_it_and_can_be_undone() {
    let (mut h, _) = sample_app();
    let data = h.state().workspace().dataset().clone();
    // A company with meetings and a contract.
    let company = data
        .companies
        .iter()
        .find(|c| {
            data.contracts
                .iter()
                .any(|k| k.company.as_deref() == Some(&c.id))
        })
        .unwrap()
        .clone();
    let name = company.name.clone().unwrap();
    let meetings = data
        .meetings
        .iter()
        .filter(|m| m.company == company.id)
        .count();

    go(&mut h, "Companies");
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text(&name);
    h.run();
    click(&mut h, &name);
    press(&mut h, Modifiers::NONE, Key::Delete);
    h.get_by_label("Delete this company?");
    h.get_by_label(&format!(
        "{meetings} meetings that refer to it will be deleted too."
    ));
    h.get_by_label_contains("lose their company");

    // Cancel keeps everything.
    click(&mut h, "Cancel");
    assert_eq!(h.state().workspace().dataset(), &data);

    press(&mut h, Modifiers::NONE, Key::Delete);
    click(&mut h, "Delete and remove the references");
    let after = h.state().workspace().dataset();
    assert_eq!(after.companies.len(), data.companies.len() - 1);
    assert_eq!(after.meetings.len(), data.meetings.len() - meetings);
    assert!(!after.meetings.iter().any(|m| m.company == company.id));
    // The contracts it financed are kept, without company, and listed as problems.
    assert!(
        h.state()
            .workspace()
            .problems()
            .iter()
            .all(|p| p.to_string().contains("needs the company"))
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().workspace().dataset(), &data);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let (mut h, _) = sample_app();
    // No change: the window may close.
    assert!(!request_close(&mut h));
    assert!(h.state().may_close());

    let (mut h, _) = sample_app();
    go(&mut h, "Companies");
    let first = h.state().workspace().dataset().companies[0]
        .name
        .clone()
        .unwrap();
    click(&mut h, &first);
    press(&mut h, Modifiers::NONE, Key::Delete);
    click(&mut h, "Delete and remove the references");
    assert!(h.state().workspace().is_modified());

    assert!(request_close(&mut h), "the close is held back");
    assert!(!h.state().may_close());
    h.get_by_label("Save changes?");
    click(&mut h, "Cancel");
    assert!(!h.state().may_close());
    assert!(
        h.state().workspace().is_modified(),
        "the work is still there"
    );

    assert!(request_close(&mut h));
    click(&mut h, "Don't save");
    assert!(h.state().may_close());
}

#[test]
fn new_asks_about_unsaved_changes_and_starts_with_the_default_zones() {
    let (mut h, _) = sample_app();
    h.state_mut().request(liaison_desk::app::PendingAction::New);
    h.run();
    let data = h.state().workspace().dataset();
    assert_eq!(data.zones.len(), 6);
    assert!(data.countries.len() > 240);
    assert!(data.meetings.is_empty());
    assert_eq!(h.state().window_title(), "Untitled — Liaison Desk");
}

/// Nothing is open: no file, no data (not the sample, not a new file).
fn no_document(h: &Harness<'static, LiaisonApp>) -> bool {
    h.state().path().is_none()
        && h.state().workspace().dataset() == &liaison_desk::model::Dataset::default()
}

#[test]
fn a_file_given_at_start_that_cannot_be_opened_leaves_the_window_empty_not_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let broken = "(format: 1, companies: [(id: \"a\", nmae: \"Acme\")])";
    std::fs::write(&path, broken).unwrap();
    let good = dir.path().join("lyon.ron");
    std::fs::write(&good, "(format: 1, title: \"Lyon office\")").unwrap();
    let settings = Settings {
        recent_files: vec![good.clone()],
        ..Settings::default()
    };
    let app = LiaisonApp::start(
        settings,
        Arc::new(ScriptedPicker::default()),
        Some(path.clone()),
    );
    let mut h = common::window(app);
    h.get_by_label("Could not open broken.ron");
    h.get_by_label_contains("broken.ron:1:35: Unexpected field named `nmae`");

    // No document: not the sample, nothing to type into.
    assert!(no_document(&h));
    assert_eq!(h.state().path(), None);
    assert_eq!(h.state().window_title(), "Liaison Desk");
    assert!(h.query_by_label("Figures by zone").is_none());
    assert!(
        h.query(By::new().role(Role::Button).label_contains("Meetings"))
            .is_none()
    );
    // The reason is in view, with the ways on.
    h.get_by_label_contains("Open a data file, start a new one");
    h.get_by_label("Open a file…");
    h.get_by_label("New file");
    press(&mut h, Modifiers::COMMAND, Key::N);
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(no_document(&h), "nothing to add to or save");
    // The broken file is untouched.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);

    // A recent file opens from there.
    click(&mut h, "lyon.ron");
    assert_eq!(h.state().path(), Some(good.as_path()));
    assert_eq!(
        h.state().workspace().dataset().title.as_deref(),
        Some("Lyon office")
    );
}

#[test]
fn the_empty_window_starts_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.ron");
    let app = LiaisonApp::start(
        Settings::default(),
        Arc::new(ScriptedPicker::default()),
        Some(missing),
    );
    let mut h = common::window(app);
    h.get_by_label("Could not open gone.ron");
    assert!(no_document(&h));
    // No recent file to offer: the hint does not promise one.
    h.get_by_label("Open a data file, or start a new one.");
    assert!(h.query_by_label_contains("used recently").is_none());
    click(&mut h, "New file");
    assert_eq!(h.state().window_title(), "Untitled — Liaison Desk");
    assert_eq!(h.state().workspace().dataset().zones.len(), 6);
}

#[test]
fn opening_through_the_dialog_replaces_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tokyo.ron");
    std::fs::write(
        &path,
        "(format: 1, companies: [(id: \"k\", name: \"Kanto K.K.\", country: \"JP\")])",
    )
    .unwrap();
    let (mut h, picker) = sample_app();
    *picker.open.lock().unwrap() = Some(path.clone());
    press(&mut h, Modifiers::COMMAND, Key::O);
    common::run_until(&mut h, "the dialog's answer", |app| app.path().is_some());
    assert_eq!(h.state().window_title(), "tokyo.ron — Liaison Desk");
    assert_eq!(h.state().workspace().dataset().companies.len(), 1);
    // One warning: Japan is not assigned to a zone in that file.
    assert_eq!(h.state().screen(), Screen::Problems);
    h.get_by_label_contains("country \"JP\" (Japan) is not in `countries`");
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_opens_after_asking_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("munich.ron");
    std::fs::write(&path, "(format: 1, title: \"Munich office\")").unwrap();
    let (mut h, _) = sample_app();
    // Make a change first, so that dropping a file must ask.
    h.state_mut().request(liaison_desk::app::PendingAction::New);
    h.run();
    go(&mut h, "Zones & countries");
    click(&mut h, "Remove Africa");
    click(&mut h, "Delete and remove the references");
    assert!(h.state().workspace().is_modified());

    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    h.run();
    h.get_by_label("Save changes?");
    click(&mut h, "Don't save");
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert_eq!(
        h.state().workspace().dataset().title.as_deref(),
        Some("Munich office")
    );
}

#[test]
fn a_form_with_changes_not_applied_is_not_dropped_silently() {
    let (mut h, _) = sample_app();
    go(&mut h, "Meetings");
    click(&mut h, "Add meeting");
    let topic = || By::new().role(Role::TextInput).label("Topic");
    h.get(topic()).focus();
    h.run();
    h.get(topic()).type_text("Not applied yet");
    h.run();

    // Escape asks; keeping on editing keeps what was typed.
    press(&mut h, Modifiers::NONE, Key::Escape);
    h.get_by_label("Discard your changes?");
    click(&mut h, "Keep editing");
    assert_eq!(
        h.get(topic()).value().as_deref(),
        Some("Not applied yet"),
        "the draft is still there"
    );
    // Adding another record asks too; discarding opens the new, empty form.
    click(&mut h, "Add meeting");
    click(&mut h, "Discard changes");
    assert_eq!(h.get(topic()).value().as_deref(), Some(""));
}

#[test]
fn after_going_to_a_screen_by_keyboard_a_double_click_opens_a_record() {
    let (mut h, _) = sample_app();
    press(&mut h, Modifiers::COMMAND, Key::Num4);
    press(&mut h, Modifiers::COMMAND, Key::Num5);
    assert_eq!(h.state().screen(), Screen::List(ListKind::CountryNotes));
    let title = h.state().workspace().dataset().country_notes[1]
        .title
        .clone()
        .unwrap();
    let pos = h.get_by_label(&title).rect().center();
    let events = &mut h.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    for pressed in [true, false, true, false] {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
    }
    h.run();
    h.get_by_label(&format!(
        "Country note {}",
        h.state().workspace().dataset().country_notes[1].id
    ));
}

/// What eframe keeps between runs, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn theme_recent_files_and_the_last_file_are_remembered_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("seoul.ron");
    let (mut h, picker) = sample_app();
    *picker.save.lock().unwrap() = Some(target.clone());
    press(&mut h, Modifiers::COMMAND, Key::S);
    common::run_until(&mut h, "the dialog's answer", |app| app.path().is_some());
    click(&mut h, "View");
    click(&mut h, "Dark");

    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let remembered: Settings = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
    assert_eq!(
        remembered.theme,
        liaison_desk::app::settings::ThemeChoice::Dark
    );
    assert_eq!(remembered.recent_files, vec![target.clone()]);
    assert_eq!(remembered.last_file, Some(target.clone()));

    // The next start, with no file named, reopens the last one.
    let next = LiaisonApp::start(
        remembered.clone(),
        Arc::new(ScriptedPicker::default()),
        remembered.last_file.clone(),
    );
    assert_eq!(next.path(), Some(target.as_path()));
    assert_eq!(
        next.settings().theme,
        liaison_desk::app::settings::ThemeChoice::Dark
    );
}

#[test]
fn a_zone_is_added_by_name_moved_and_a_country_put_in_it() {
    let (mut h, _) = sample_app();
    go(&mut h, "Zones & countries");
    h.get_by_label("New zone").click();
    h.run();
    h.get_by_label("New zone").type_text("Nordic countries");
    h.run();
    click(&mut h, "Add zone");
    let zones = &h.state().workspace().dataset().zones;
    let added = zones.last().unwrap();
    assert_eq!(added.id, "nordic-countries");
    assert_eq!(added.name.as_deref(), Some("Nordic countries"));

    click(&mut h, "Move Nordic countries up");
    let zones = &h.state().workspace().dataset().zones;
    assert_eq!(zones[zones.len() - 2].id, "nordic-countries");

    // Find Sweden by name and put it in the new zone.
    h.get_by_label("Find").click();
    h.run();
    h.get_by_label("Find").type_text("swed");
    h.run();
    click(&mut h, "Zone of Sweden");
    // The choice in the open list (the zone's own name is a label on the left).
    h.get(By::new().role(Role::Button).label("Nordic countries"))
        .click();
    h.run();
    let data = h.state().workspace().dataset();
    let sweden = data.countries.iter().find(|c| c.code == "SE").unwrap();
    assert_eq!(sweden.zone.as_deref(), Some("nordic-countries"));
    assert_eq!(
        liaison_desk::stats::summary(data, &liaison_desk::stats::Filter::all())
            .rows
            .len(),
        data.zones.len()
    );
}

#[test]
fn the_remembered_zoom_is_applied_and_the_view_menu_changes_it() {
    let settings = Settings {
        zoom: 1.5,
        ..Settings::default()
    };
    let app = LiaisonApp::start(settings, Arc::new(ScriptedPicker::default()), None);
    let mut h = common::window(app);
    assert_eq!(h.ctx.zoom_factor(), 1.5);
    assert_eq!(
        h.state().settings().zoom,
        1.5,
        "the remembered zoom is kept"
    );
    click(&mut h, "View");
    click(&mut h, "Larger");
    h.run();
    assert!((h.ctx.zoom_factor() - 1.6).abs() < 1e-6);
    assert!((h.state().settings().zoom - 1.6).abs() < 1e-6);
}

fn app_in(language: Language) -> Harness<'static, LiaisonApp> {
    let settings = Settings {
        language: Some(language),
        ..Settings::default()
    };
    let app = LiaisonApp::start(settings, Arc::new(ScriptedPicker::default()), None);
    common::window(app)
}

#[test]
fn the_window_speaks_french_when_french_was_chosen() {
    let mut h = app_in(Language::French);
    for menu in ["Fichier", "Édition", "Affichage", "Aide"] {
        h.get_by_label(menu);
    }
    h.get(
        By::new()
            .role(Role::Button)
            .label_contains("Tableau de bord"),
    );
    h.get(By::new().role(Role::Button).label_contains("Réunions"));
    h.get_by_label_contains("pas encore enregistré");
    assert_eq!(
        h.state().window_title(),
        "Données d’exemple (sans titre) — Liaison Desk"
    );
    click(&mut h, "Fichier");
    // Items with a shortcut have it in their label: "Ouvrir… Ctrl+O".
    h.get_by_label_contains("Ouvrir…");
    h.get_by_label_contains("Enregistrer sous…");
    h.get_by_label("Importer…");
    liaison_desk::i18n::set_language(Language::English);
}

#[test]
fn choosing_francais_in_the_view_menu_switches_to_french_and_is_remembered() {
    let mut h = app_in(Language::English);
    h.get_by_label("File");
    click(&mut h, "View");
    click(&mut h, "Français");
    h.run();
    assert_eq!(h.state().settings().language, Some(Language::French));
    for menu in ["Fichier", "Édition", "Affichage", "Aide"] {
        h.get_by_label(menu);
    }
    assert!(h.query_by_label("File").is_none());

    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let remembered: Settings = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
    assert_eq!(remembered.language, Some(Language::French));
    liaison_desk::i18n::set_language(Language::English);
}

#[test]
fn help_names_the_font_that_shows_each_script() {
    let (mut h, _) = sample_app();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Scripts and fonts").click();
    h.run();

    let found = liaison_desk::app::fonts::fallbacks();
    for group in liaison_desk::app::fonts::ScriptGroup::ALL {
        h.get_by_label(liaison_desk::app::fonts::group_name(group));
        // The font that draws it is named, whichever this machine has.
        if let Some(liaison_desk::app::fonts::Coverage::System { family, .. }) =
            found.coverage_of(group)
        {
            assert!(
                h.query_all_by_label(family).next().is_some(),
                "{group:?}: {family} not named"
            );
        }
    }
    // Nothing is missing on a machine with the fonts README names.
    assert!(
        h.query_by_label_contains("shown as boxes").is_none(),
        "a script has no font"
    );
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Scripts and fonts").is_none());
}
