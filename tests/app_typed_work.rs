//! Typed work is never lost without a word: a form typed but not applied
//! counts as unsaved work wherever the window asks before losing it
//! (closing, Ctrl+Q, Open, New), a save includes it (or says why it
//! cannot), the recovery copy holds it, and "Don't save" on the way out
//! removes the copy for good.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod common;

use common::ScriptedPicker;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use eframe::egui::accesskit::Role;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, PendingAction};
use liaison_desk::format::parse_str;
use liaison_desk::recovery::RecoveryWriter;
use liaison_desk::storage::load_file;

const TOPIC: &str = "Hydrogen storage pilot";

/// A data file (the sample's data) in `dir`.
fn office(dir: &Path) -> PathBuf {
    let path = dir.join("office.ron");
    std::fs::write(&path, liaison_desk::SAMPLE_DATA).unwrap();
    path
}

fn open(
    path: &Path,
    picker: Arc<ScriptedPicker>,
    recovery: Option<&Path>,
) -> Harness<'static, LiaisonApp> {
    let app = LiaisonApp::start(Settings::default(), picker, Some(path.to_owned()));
    let app = match recovery {
        Some(folder) => app.with_recovery(RecoveryWriter::with_interval(
            folder.to_owned(),
            Duration::from_millis(20),
        )),
        None => app,
    };
    common::window(app)
}

fn press(h: &mut Harness<'static, LiaisonApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn click(h: &mut Harness<'static, LiaisonApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn topic() -> By<'static> {
    By::new().role(Role::TextInput).label("Topic")
}

/// Ctrl+4, Ctrl+N, a company picked (unless `company` is false), a topic
/// typed; not applied.
fn type_meeting(h: &mut Harness<'static, LiaisonApp>, company: bool) {
    press(h, Modifiers::COMMAND, Key::Num4);
    press(h, Modifiers::COMMAND, Key::N);
    if company {
        h.get(By::new().role(Role::ComboBox).label("Company"))
            .click();
        h.run();
        h.get_by_label("Search companies").type_text("kanto pharm");
        h.run();
        click(h, "Kanto Pharmaceutical K.K.");
    }
    h.get(topic()).focus();
    h.run();
    h.get(topic()).type_text(TOPIC);
    h.run();
    assert!(
        !h.state().workspace().is_modified(),
        "typed, not applied: the data itself is unchanged"
    );
    // But the window says there is work to save.
    assert!(h.state().window_title().starts_with('*'));
    h.get_by_label("Form not applied yet");
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

fn last_topic(path: &Path) -> Option<String> {
    load_file(path)
        .unwrap()
        .dataset
        .meetings
        .last()?
        .topic
        .clone()
}

fn recovery_files(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs frames until `done` holds for the files of `folder`.
fn wait_for_copies(
    h: &mut Harness<'static, LiaisonApp>,
    folder: &Path,
    what: &str,
    done: impl Fn(&[PathBuf]) -> bool,
) {
    for _ in 0..300 {
        if done(&recovery_files(folder)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    panic!("{what}: {:?}", recovery_files(folder));
}

#[test]
fn closing_with_a_form_typed_but_not_applied_asks_and_save_applies_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = office(dir.path());
    let mut h = open(&path, Arc::default(), None);
    type_meeting(&mut h, true);

    assert!(request_close(&mut h), "the close is held back");
    assert!(!h.state().may_close());
    h.get_by_label("Save changes?");
    h.get_by_label_contains("has changes not applied yet");
    click(&mut h, "Save");
    // Applied, then saved, then closed.
    assert_eq!(last_topic(&path).as_deref(), Some(TOPIC));
    assert!(!h.state().workspace().is_modified());
    assert!(h.state().may_close());
}

#[test]
fn ctrl_q_open_and_new_ask_about_a_form_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = office(dir.path());
    let other = dir.path().join("tokyo.ron");
    std::fs::write(&other, "(format: 1, title: \"Tokyo office\")").unwrap();
    let picker = Arc::new(ScriptedPicker::default());
    *picker.open.lock().unwrap() = Some(other.clone());
    let mut h = open(&path, picker.clone(), None);

    // Ctrl+Q asks; Don't save quits, the file untouched.
    type_meeting(&mut h, true);
    press(&mut h, Modifiers::COMMAND, Key::Q);
    h.get_by_label("Save changes?");
    assert!(!h.state().may_close());
    click(&mut h, "Don't save");
    assert!(h.state().may_close());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        liaison_desk::SAMPLE_DATA
    );

    // Ctrl+O asks before replacing the document.
    drop(h);
    let mut h = open(&path, picker, None);
    type_meeting(&mut h, true);
    press(&mut h, Modifiers::COMMAND, Key::O);
    h.get_by_label("Save changes?");
    assert_eq!(h.state().path(), Some(path.as_path()), "not replaced yet");
    click(&mut h, "Don't save");
    common::run_until(&mut h, "the other file", |app| {
        app.path() == Some(other.as_path())
    });

    // New asks too.
    drop(h);
    let mut h = open(&path, Arc::default(), None);
    type_meeting(&mut h, true);
    h.state_mut().request(PendingAction::New);
    h.run();
    h.get_by_label("Save changes?");
    assert_eq!(h.state().path(), Some(path.as_path()), "not replaced yet");
}

#[test]
fn a_form_that_cannot_be_applied_stops_the_save_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = office(dir.path());
    let mut h = open(&path, Arc::default(), None);
    // A topic, but no company: the form has an error.
    type_meeting(&mut h, false);

    assert!(request_close(&mut h));
    click(&mut h, "Save");
    h.get_by_label("The file was not saved");
    h.get_by_label_contains("cannot be applied yet, so nothing was saved");
    h.get_by_label_contains("Fix this first — company");
    assert!(!h.state().may_close(), "the window stays");
    click(&mut h, "OK");
    assert_eq!(
        h.get(topic()).value().as_deref(),
        Some(TOPIC),
        "the form is still there"
    );

    // Ctrl+S says the same, and claims nothing.
    press(&mut h, Modifiers::COMMAND, Key::S);
    h.get_by_label_contains("cannot be applied yet, so nothing was saved");
    assert!(!h.state().status().unwrap_or_default().contains("Saved"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        liaison_desk::SAMPLE_DATA
    );
}

#[test]
fn ctrl_s_with_a_form_typed_saves_what_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = office(dir.path());
    let mut h = open(&path, Arc::default(), None);
    type_meeting(&mut h, true);
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(last_topic(&path).as_deref(), Some(TOPIC));
    assert!(!h.state().workspace().is_modified());
    // Closing now loses nothing, and asks nothing.
    assert!(!request_close(&mut h));
    assert!(h.state().may_close());
}

#[test]
fn the_recovery_copy_holds_a_form_typed_but_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = office(dir.path());
    let folder = dir.path().join("recovery");
    let mut h = open(&path, Arc::default(), Some(&folder));
    type_meeting(&mut h, true);

    let has_topic = |files: &[PathBuf]| {
        files.len() == 1
            && std::fs::read_to_string(&files[0])
                .ok()
                .and_then(|text| parse_str(&text).ok())
                .and_then(|parsed| parsed.dataset.meetings.last()?.topic.clone())
                .as_deref()
                == Some(TOPIC)
    };
    wait_for_copies(&mut h, &folder, "a copy with the typed meeting", has_topic);

    // The form dropped on purpose, nothing else unsaved: the copy goes.
    let cancel = h
        .query_all(By::new().role(Role::Button).label("Cancel"))
        .last()
        .unwrap();
    cancel.click();
    h.run();
    click(&mut h, "Discard changes");
    assert!(!h.state().workspace().is_modified());
    wait_for_copies(&mut h, &folder, "the copy removed", <[PathBuf]>::is_empty);
}

#[test]
fn dont_save_on_quit_removes_the_recovery_copy_and_none_is_written_at_exit() {
    let dir = tempfile::tempdir().unwrap();
    let path = office(dir.path());
    let folder = dir.path().join("recovery");
    let mut h = open(&path, Arc::default(), Some(&folder));
    type_meeting(&mut h, true);
    click(&mut h, "Apply");
    assert!(h.state().workspace().is_modified());
    wait_for_copies(&mut h, &folder, "a copy of the edit", |f| f.len() == 1);

    assert!(request_close(&mut h));
    click(&mut h, "Don't save");
    assert!(h.state().may_close());
    // The frames before the window closes, then eframe's exit, then the
    // writer's last write as the app is dropped.
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    eframe::App::on_exit(h.state_mut(), None);
    drop(h);
    assert!(
        recovery_files(&folder).is_empty(),
        "dropped on purpose: nothing to restore at the next start"
    );
}
