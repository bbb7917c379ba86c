//! The open file and the others who use it: the lock beside it, a file
//! someone else holds opened read-only, a change on disk noticed and never
//! overwritten silently.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod common;

use common::ScriptedPicker;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, PendingAction};
use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::lock::lock_path;

fn harness(app: LiaisonApp) -> Harness<'static, LiaisonApp> {
    common::window(app)
}

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("office.ron");
    let dataset = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    std::fs::write(&path, to_ron_string(&dataset)).unwrap();
    path
}

fn run_until(
    h: &mut Harness<'static, LiaisonApp>,
    what: &str,
    done: impl Fn(&Harness<'static, LiaisonApp>) -> bool,
) {
    for _ in 0..400 {
        if done(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    panic!("never happened: {what}");
}

#[test]
fn an_open_file_is_locked_and_the_lock_goes_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut h = harness(LiaisonApp::start(
        Settings::default(),
        Arc::new(ScriptedPicker::default()),
        Some(path.clone()),
    ));
    let lock = lock_path(&path);
    let line = std::fs::read_to_string(&lock).expect("the lock file is there");
    assert!(
        line.ends_with(&format!(",{};", std::process::id())),
        "{line}"
    );
    assert_eq!(h.state().read_only(), None);

    h.state_mut().request(PendingAction::New);
    h.run();
    assert!(!lock.exists(), "closing the file removes its lock");
}

#[test]
fn a_file_someone_else_holds_opens_read_only_then_saves_as_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let theirs = format!(
        ",alice,boston-laptop,{},4242;",
        chrono::Local::now().to_rfc3339()
    );
    std::fs::write(lock_path(&path), &theirs).unwrap();
    let picker = Arc::new(ScriptedPicker::default());
    let copy = dir.path().join("copy.ron");
    *picker.save.lock().unwrap() = Some(copy.clone());
    let mut h = harness(LiaisonApp::start(
        Settings::default(),
        picker,
        Some(path.clone()),
    ));

    h.get_by_label("Someone else has this file open");
    h.get_by_label_contains("alice on boston-laptop");
    h.get_by_label("Open read-only").click();
    h.run();
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert!(h.state().read_only().unwrap().contains("alice"));
    assert!(h.state().window_title().contains("(read-only)"));
    h.get_by_label_contains("Read-only:");
    // Their lock is untouched.
    assert_eq!(std::fs::read_to_string(lock_path(&path)).unwrap(), theirs);

    // Ctrl+S cannot write their file: it saves a copy, which is ours.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    run_until(&mut h, "the copy is saved", |h| {
        h.state().path() == Some(copy.as_path())
    });
    assert_eq!(h.state().read_only(), None);
    assert!(lock_path(&copy).exists());
    assert_eq!(std::fs::read_to_string(lock_path(&path)).unwrap(), theirs);
}

/// A file marked read-only (0444) in a folder anyone may write opens
/// read-only, saying why; Ctrl+S saves a copy elsewhere and the file is
/// left as it was (before, the save replaced it silently).
#[test]
fn a_file_marked_read_only_opens_read_only_and_saves_as_a_copy() {
    use std::os::unix::fs::PermissionsExt as _;

    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let picker = Arc::new(ScriptedPicker::default());
    let copy = dir.path().join("copy.ron");
    *picker.save.lock().unwrap() = Some(copy.clone());
    let mut h = harness(LiaisonApp::start(
        Settings::default(),
        picker,
        Some(path.clone()),
    ));
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert!(
        h.state().read_only().unwrap().contains("read-only"),
        "{:?}",
        h.state().read_only()
    );
    assert!(h.state().window_title().contains("(read-only)"));
    assert!(
        !lock_path(&path).exists(),
        "no lock on a file we will not write"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    run_until(&mut h, "the copy is saved", |h| {
        h.state().path() == Some(copy.as_path())
    });
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert!(copy.exists());
}

#[test]
fn a_change_on_disk_is_shown_and_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let mut app = LiaisonApp::start(
        Settings::default(),
        Arc::new(ScriptedPicker::default()),
        None,
    );
    app.set_watch_interval(Duration::from_millis(20));
    let mut h = harness(app);
    h.state_mut()
        .request(PendingAction::Open(Some(path.clone())));
    h.run();
    assert_eq!(h.state().path(), Some(path.as_path()));

    // Someone else edits the file.
    let mut theirs = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    theirs.title = Some("Edited in a text editor".into());
    let their_text = to_ron_string(&theirs);
    std::fs::write(&path, &their_text).unwrap();
    run_until(&mut h, "the change is shown", |h| {
        h.query_by_label_contains("was changed on disk by someone else")
            .is_some()
    });

    // Saving asks first; Cancel leaves their version.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("The file was changed on disk");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), their_text);

    // Overwriting is a choice, and then it happens.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("Overwrite their changes").click();
    h.run();
    let ours = to_ron_string(h.state().workspace().dataset());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ours);
    assert_ne!(ours, their_text);
    // Our own save is not news.
    std::thread::sleep(Duration::from_millis(100));
    h.run();
    assert!(h.query_by_label_contains("was changed on disk").is_none());
}
