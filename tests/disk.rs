//! Changes on disk: a file changed by someone else since it was loaded or
//! saved is noticed, by `check` before a save and by the `Watcher` while the
//! file is open; a touch that keeps the bytes, or our own save, is not news.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use liaison_desk::disk::{DiskState, Fingerprint, SETTLE_TIME, Watcher, check};

const OURS: &str = "(format: 1, title: \"Boston\")\n";
const THEIRS: &str = "(format: 1, title: \"Munich\")\n"; // as many bytes

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

fn set_modified(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

/// A file as the app loaded it, with its fingerprint.
fn loaded() -> (tempfile::TempDir, std::path::PathBuf, Fingerprint) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, OURS).unwrap();
    let known = Fingerprint::of_file(&path).unwrap();
    (dir, path, known)
}

#[test]
fn a_file_just_loaded_is_unchanged() {
    let (_dir, path, known) = loaded();
    assert_eq!(check(&path, &known), DiskState::Unchanged);
    // The fingerprint of the bytes read is that of the file.
    let of_bytes = Fingerprint::of_bytes(OURS.as_bytes(), Some(modified(&path)));
    assert_eq!(of_bytes, known);
    assert_eq!(known.len(), OURS.len() as u64);
}

#[test]
fn a_rewrite_of_the_same_length_with_an_older_time_is_seen_by_its_hash() {
    let (_dir, path, known) = loaded();
    assert_eq!(THEIRS.len(), OURS.len());
    std::fs::write(&path, THEIRS).unwrap();
    set_modified(&path, modified(&path) - Duration::from_secs(3600));
    let DiskState::Modified { now } = check(&path, &known) else {
        panic!("a change of content must be seen");
    };
    assert_eq!(now.len(), known.len());
    assert_ne!(now.hash(), known.hash());
    assert!(!now.same_content(&known));
    assert_eq!(now, Fingerprint::of_file(&path).unwrap());
}

#[test]
fn a_rewrite_that_keeps_length_and_time_is_still_seen_right_after_loading() {
    // Coarse clocks (FAT, some servers) can leave the stamp as it was.
    let (_dir, path, known) = loaded();
    let time = modified(&path);
    std::fs::write(&path, THEIRS).unwrap();
    set_modified(&path, time);
    assert!(matches!(check(&path, &known), DiskState::Modified { .. }));
}

#[test]
fn a_touch_that_keeps_the_bytes_is_not_a_change() {
    let (_dir, path, known) = loaded();
    set_modified(&path, modified(&path) + Duration::from_secs(60));
    assert_eq!(check(&path, &known), DiskState::Unchanged);
    // Nor a rewrite of the very same bytes (a sync client, a copy back).
    std::fs::write(&path, OURS).unwrap();
    assert_eq!(check(&path, &known), DiskState::Unchanged);
}

#[test]
fn a_deleted_file_is_missing_and_a_folder_in_its_place_is_unreadable() {
    let (_dir, path, known) = loaded();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(check(&path, &known), DiskState::Missing);
    std::fs::create_dir(&path).unwrap();
    let DiskState::Unreadable(message) = check(&path, &known) else {
        panic!("a folder is not a data file");
    };
    assert!(message.contains("office.ron"), "{message}");
    assert!(message.contains("folder"), "{message}");
}

#[test]
fn the_fingerprint_after_our_save_is_unchanged_and_a_later_rewrite_is_not() {
    let (_dir, path, _known) = loaded();
    let saved = "(format: 1, title: \"Boston office, revised\")\n";
    std::fs::write(&path, saved).unwrap();
    let known = Fingerprint::after_save(&path, saved.as_bytes());
    assert_eq!(check(&path, &known), DiskState::Unchanged);
    std::fs::write(&path, OURS).unwrap();
    assert!(matches!(check(&path, &known), DiskState::Modified { .. }));
}

#[test]
fn a_save_overtaken_by_another_writer_is_not_taken_for_ours() {
    // Someone writes between our save and our fingerprint of it.
    let (_dir, path, _known) = loaded();
    std::fs::write(&path, THEIRS).unwrap();
    let known = Fingerprint::after_save(&path, OURS.as_bytes());
    assert!(matches!(check(&path, &known), DiskState::Modified { .. }));
}

/// A watcher with a short interval, and how many times it woke the window.
fn watcher(path: &Path, known: Fingerprint, interval: Duration) -> (Watcher, Arc<AtomicUsize>) {
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let waker = Box::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    (Watcher::start(path, known, interval, waker).unwrap(), wakes)
}

/// The first report within `limit`, polling as a window would.
fn first_report(watcher: &Watcher, limit: Duration) -> Option<(DiskState, Duration)> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(state) = watcher.poll() {
            return Some((state, start.elapsed()));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

const INTERVAL: Duration = Duration::from_millis(100);

/// Three intervals, and some slack for a busy test machine.
const WITHIN_THREE_INTERVALS: Duration = Duration::from_millis(3 * 100 + 700);

#[test]
fn the_watcher_reports_a_change_by_someone_else_within_a_few_intervals() {
    let (_dir, path, known) = loaded();
    let (watcher, wakes) = watcher(&path, known, INTERVAL);
    assert_eq!(watcher.path(), path);
    std::thread::sleep(2 * INTERVAL);
    assert_eq!(watcher.poll(), None, "nothing happened yet");

    std::fs::write(&path, "(format: 1, title: \"Rewritten in Munich\")\n").unwrap();
    let (state, after) = first_report(&watcher, WITHIN_THREE_INTERVALS)
        .expect("the change is reported within three intervals");
    let DiskState::Modified { now } = state else {
        panic!("expected a modification, got {state:?}");
    };
    assert_eq!(now, Fingerprint::of_file(&path).unwrap());
    assert!(wakes.load(Ordering::SeqCst) >= 1, "the window was woken");
    eprintln!("reported after {after:?}");

    // Reported once, not at every poll.
    std::thread::sleep(3 * INTERVAL);
    assert_eq!(watcher.poll(), None);
}

#[test]
fn the_watcher_reports_a_deletion_and_the_file_coming_back() {
    let (_dir, path, known) = loaded();
    let (watcher, _wakes) = watcher(&path, known, INTERVAL);
    std::fs::remove_file(&path).unwrap();
    let (state, _) = first_report(&watcher, WITHIN_THREE_INTERVALS).unwrap();
    assert_eq!(state, DiskState::Missing);
    std::fs::write(&path, OURS).unwrap();
    let (state, _) = first_report(&watcher, WITHIN_THREE_INTERVALS).unwrap();
    assert_eq!(state, DiskState::Unchanged, "the same bytes are back");
}

#[test]
fn our_own_save_told_with_set_known_is_not_reported() {
    let (_dir, path, known) = loaded();
    let (watcher, _wakes) = watcher(&path, known, INTERVAL);
    // Save without pausing: the watcher may see the new file before it is
    // told, but that report is dropped by `set_known`.
    for round in 0..5 {
        let saved = format!("(format: 1, title: \"Boston, save {round}\")\n");
        std::fs::write(&path, &saved).unwrap();
        std::thread::sleep(INTERVAL * round / 2);
        watcher.set_known(Fingerprint::after_save(&path, saved.as_bytes()));
    }
    std::thread::sleep(4 * INTERVAL);
    assert_eq!(watcher.poll(), None, "our own saves are no news");
    assert!(
        watcher
            .known()
            .same_content(&Fingerprint::of_file(&path).unwrap())
    );

    // Still watching: someone else's change after that is reported.
    std::fs::write(&path, "(format: 1, title: \"Munich\")\n").unwrap();
    let (state, _) = first_report(&watcher, WITHIN_THREE_INTERVALS).unwrap();
    assert!(matches!(state, DiskState::Modified { .. }), "{state:?}");
}

#[test]
fn a_paused_watcher_says_nothing_during_a_save_and_resumes_after_a_failed_one() {
    let (_dir, path, known) = loaded();
    let (watcher, _wakes) = watcher(&path, known, INTERVAL);
    watcher.pause();
    std::fs::write(&path, THEIRS).unwrap();
    std::thread::sleep(4 * INTERVAL);
    assert_eq!(watcher.poll(), None, "paused");
    // The save "failed": the change on disk is someone else's after all.
    watcher.resume();
    let (state, _) = first_report(&watcher, WITHIN_THREE_INTERVALS).unwrap();
    assert!(matches!(state, DiskState::Modified { .. }), "{state:?}");
}

#[test]
fn a_rewrite_that_keeps_length_and_time_is_noticed_once_the_stamp_settles() {
    let (_dir, path, known) = loaded();
    let (watcher, _wakes) = watcher(&path, known, INTERVAL);
    let time = modified(&path);
    std::fs::write(&path, THEIRS).unwrap();
    set_modified(&path, time);
    let (state, after) = first_report(&watcher, SETTLE_TIME + WITHIN_THREE_INTERVALS)
        .expect("noticed by the one read that settles the stamp");
    assert!(matches!(state, DiskState::Modified { .. }), "{state:?}");
    eprintln!("reported after {after:?}");
}

#[test]
fn dropping_the_watcher_stops_its_thread() {
    let (_dir, path, known) = loaded();
    let alive = Arc::new(());
    let in_thread = Arc::clone(&alive);
    let waker = Box::new(move || {
        let _keep = &in_thread;
    });
    let watcher = Watcher::start(&path, known, INTERVAL, waker).unwrap();
    assert_eq!(Arc::strong_count(&alive), 2);
    drop(watcher);
    // The thread wakes at once, ends, and drops the waker.
    let start = Instant::now();
    while Arc::strong_count(&alive) > 1 && start.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(Arc::strong_count(&alive), 1, "the thread has ended");
}
