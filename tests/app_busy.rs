//! Opening and saving large files off the UI thread: the window keeps
//! drawing, shows a progress window, opening can be cancelled, and nothing
//! in the document changes until the work is done.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use liaison_desk::app::files::FilePicker;
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, PendingAction};
use liaison_desk::edit::{Edit, Record};
use liaison_desk::format::to_ron_string;
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::model::ListKind;
use liaison_desk::storage::load_file;

/// Large enough that reading it takes far longer than a few frames.
const MEETINGS: usize = 40_000;

struct NoDialogs;

impl FilePicker for NoDialogs {
    fn pick_open(&self) -> Option<PathBuf> {
        None
    }

    fn pick_save(&self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
}

fn big_file(folder: &Path) -> PathBuf {
    let path = folder.join("network.ron");
    let data = generate(GenerateOptions {
        meetings: MEETINGS,
        seed: 3,
    });
    std::fs::write(&path, to_ron_string(&data)).unwrap();
    path
}

/// The app on the sample, with no grace period: every open and save shows
/// its progress window.
fn app() -> Harness<'static, LiaisonApp> {
    let mut app = LiaisonApp::start(Settings::default(), Arc::new(NoDialogs), None);
    app.set_inline_wait(Duration::ZERO);
    common::window(app)
}

/// Runs frames until the app is no longer busy.
fn run_until_idle(h: &mut Harness<'static, LiaisonApp>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while h.state().is_busy() {
        assert!(Instant::now() < deadline, "still busy after two minutes");
        std::thread::sleep(Duration::from_millis(20));
        h.run();
    }
    h.run();
}

#[test]
fn a_large_file_opens_behind_a_progress_window_and_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_file(dir.path());
    let mut h = app();
    let sample_meetings = h.state().workspace().dataset().meetings.len();

    h.state_mut()
        .request(PendingAction::Open(Some(path.clone())));
    assert!(h.state().is_busy(), "the open runs on a worker thread");
    h.run();
    h.get_by_label("Opening network.ron");
    h.get(By::new().role(Role::ProgressIndicator));
    // Frames go on while the file is read, over the document still open.
    for _ in 0..3 {
        h.run();
    }
    assert_eq!(
        h.state().workspace().dataset().meetings.len(),
        sample_meetings
    );

    run_until_idle(&mut h);
    assert!(h.query_by_label("Opening network.ron").is_none());
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert_eq!(h.state().workspace().dataset().meetings.len(), MEETINGS);
    assert_eq!(h.state().window_title(), "network.ron — Liaison Desk");
    assert!(!h.state().workspace().is_modified());
}

#[test]
fn cancelling_an_open_keeps_the_document_that_was_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_file(dir.path());
    let mut h = app();
    let before = h.state().workspace().dataset().clone();

    h.state_mut()
        .request(PendingAction::Open(Some(path.clone())));
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    run_until_idle(&mut h);

    assert_eq!(*h.state().workspace().dataset(), before);
    assert_eq!(h.state().path(), None);
    assert!(
        h.state().status().unwrap().contains("cancelled"),
        "{:?}",
        h.state().status()
    );
    // The file is not held: it opens again, whole.
    h.state_mut()
        .request(PendingAction::Open(Some(path.clone())));
    run_until_idle(&mut h);
    assert_eq!(h.state().workspace().dataset().meetings.len(), MEETINGS);
}

#[test]
fn saving_runs_behind_a_progress_window_and_marks_what_was_written_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_file(dir.path());
    let mut h = app();
    h.state_mut()
        .request(PendingAction::Open(Some(path.clone())));
    run_until_idle(&mut h);

    let mut meeting = match Record::get(h.state().workspace().dataset(), ListKind::Meetings, 7) {
        Some(Record::Meeting(m)) => m,
        _ => panic!("a meeting"),
    };
    meeting.topic = Some("Saved in the background".to_owned());
    // The edit goes through the one road, as the form would.
    assert!(h.state_mut().apply_edit(
        "Edit meeting",
        Edit::Replace {
            index: 7,
            record: Record::Meeting(meeting),
        },
    ));
    assert!(h.state().workspace().is_modified());

    h.state_mut().save(None);
    assert!(h.state().is_busy());
    h.run();
    h.get_by_label("Saving network.ron");
    assert!(
        h.query_by_label("Cancel").is_none(),
        "a save is never stopped halfway"
    );
    run_until_idle(&mut h);

    assert!(!h.state().workspace().is_modified());
    let on_disk = load_file(&path).unwrap().dataset;
    assert_eq!(
        on_disk.meetings[7].topic.as_deref(),
        Some("Saved in the background")
    );
    assert_eq!(on_disk, *h.state().workspace().dataset());
}

/// A spreadsheet of `rows` meetings, large enough that reading it takes
/// longer than a few frames.
fn big_spreadsheet(folder: &Path, rows: usize) -> PathBuf {
    let path = folder.join("meetings.csv");
    let mut csv = String::from("Date,Company,Topic\n");
    for row in 0..rows {
        csv.push_str(&format!(
            "2015-02-12,Acme,Topic {row} of a long afternoon with the partners\n"
        ));
    }
    std::fs::write(&path, csv).unwrap();
    path
}

/// A file dropped on the window (egui's own type, as the platform gives it).
#[derive(Debug)]
struct Dropped(PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'static, LiaisonApp>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
    h.run();
}

#[test]
fn a_spreadsheet_to_import_is_read_behind_a_progress_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_spreadsheet(dir.path(), 60_000);
    let mut h = app();
    drop_file(&mut h, &path);
    assert!(
        h.state().is_busy(),
        "the spreadsheet is read on a worker thread"
    );
    h.get_by_label("Reading meetings.csv to import it");
    assert!(h.state().import_view().is_none());
    run_until_idle(&mut h);
    let view = h
        .state()
        .import_view()
        .expect("the import is shown once read");
    assert_eq!(view.list(), ListKind::Meetings);
    assert!(
        h.query_by_label("Reading meetings.csv to import it")
            .is_none()
    );
}

#[test]
fn reading_a_spreadsheet_to_import_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_spreadsheet(dir.path(), 60_000);
    let mut h = app();
    let before = h.state().workspace().dataset().clone();
    drop_file(&mut h, &path);
    assert!(h.state().is_busy());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().is_busy(), "cancelled at once");
    h.run();
    h.get_by_label_contains("Reading ");
    h.get_by_label_contains("to import it was cancelled; nothing changed");
    assert!(h.state().import_view().is_none());
    assert_eq!(h.state().workspace().dataset(), &before);
}
