//! Unsaved work outlives a crash: the window keeps a recovery copy while
//! there are unsaved changes, removes it once saved, and at the next start
//! offers to restore what a stopped run left.

mod common;

use common::ScriptedPicker;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, PendingAction};
use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::recovery::{RecoveryWriter, Snapshot, find, write_snapshot};

fn harness(app: LiaisonApp) -> Harness<'static, LiaisonApp> {
    common::window(app)
}

fn recovery_files(folder: &std::path::Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn unsaved_work_is_copied_for_recovery_and_the_copy_goes_once_saved() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let path = dir.path().join("office.ron");
    std::fs::write(&path, liaison_desk::SAMPLE_DATA).unwrap();
    let writer = RecoveryWriter::with_interval(folder.clone(), Duration::from_millis(20));
    let app = LiaisonApp::start(
        Settings::default(),
        Arc::new(ScriptedPicker::default()),
        Some(path.clone()),
    )
    .with_recovery(writer);
    let mut h = harness(app);
    assert!(recovery_files(&folder).is_empty(), "nothing unsaved yet");

    // An edit: delete the first meeting (the table selects it; Delete asks).
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Delete);
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(h.state().workspace().is_modified());
    for _ in 0..200 {
        if !recovery_files(&folder).is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    let files = recovery_files(&folder);
    assert_eq!(files.len(), 1, "one copy of the unsaved work");
    let copy = std::fs::read_to_string(&files[0]).unwrap();
    let copied = parse_str(&copy).unwrap().dataset;
    assert_eq!(&copied, h.state().workspace().dataset());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    for _ in 0..200 {
        if recovery_files(&folder).is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    assert!(
        recovery_files(&folder).is_empty(),
        "saved: the copy is gone"
    );
}

#[test]
fn the_next_start_offers_to_restore_what_a_stopped_run_left() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let path = dir.path().join("office.ron");
    std::fs::write(&path, liaison_desk::SAMPLE_DATA).unwrap();
    // A run that stopped: its copy, written by a process that is gone.
    let mut unsaved = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    unsaved.meetings.truncate(10);
    let file = write_snapshot(
        &folder,
        &Snapshot {
            path: Some(path.clone()),
            dataset: Arc::new(unsaved.clone()),
            revision: 7,
            unsaved_edits: Some(3),
        },
    )
    .unwrap();
    let gone = std::process::Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    let mut gone = gone;
    gone.wait().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        &format!("// pid: {}\n", std::process::id()),
        &format!("// pid: {gone_pid}\n"),
    );
    // Its name is that process's, not ours.
    std::fs::remove_file(&file).unwrap();
    let file = folder.join(format!("office-{gone_pid}.ron"));
    std::fs::write(&file, text).unwrap();
    assert_eq!(find(&folder).len(), 1, "the copy is offered");

    let writer = RecoveryWriter::with_interval(folder.clone(), Duration::from_millis(20));
    let app = LiaisonApp::start(
        Settings::default(),
        Arc::new(ScriptedPicker::default()),
        None,
    )
    .with_recovery(writer);
    let mut h = harness(app);
    h.get_by_label("Restore unsaved work?");
    h.get_by_label_contains("office.ron");
    h.get_by_label("Restore").click();
    h.run();

    assert_eq!(h.state().workspace().dataset(), &unsaved);
    assert!(
        h.state().workspace().is_modified(),
        "restored work is unsaved"
    );
    assert_eq!(h.state().path(), Some(path.as_path()));
    // The file on disk is untouched until the user saves.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        liaison_desk::SAMPLE_DATA
    );
    // The work is still protected: the old copy was replaced by this run's.
    let files = recovery_files(&folder);
    assert_eq!(files.len(), 1);
    assert_ne!(files[0], file);

    h.state_mut().request(PendingAction::Revert);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert_eq!(
        to_ron_string(h.state().workspace().dataset()),
        to_ron_string(&parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset)
    );
    assert!(
        recovery_files(&folder).is_empty(),
        "dropped on purpose: the copy goes"
    );
}
