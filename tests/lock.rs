//! Lock files beside the open file: who holds it, stale locks taken over,
//! and a lock that goes with the file, but never someone else's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset, Local, TimeDelta};
use liaison_desk::lock::{
    LockError, LockInfo, STALE_AFTER, acquire, holder, lock_path, take_over, this_machine,
    this_user,
};

/// A data file in a fresh folder (the file itself need not exist).
fn data_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, "(format: 1)\n").unwrap();
    (dir, path)
}

/// Writes the lock of `path` as another holder would.
fn write_lock(path: &Path, user: &str, machine: &str, since: DateTime<FixedOffset>, pid: u32) {
    let since = since.to_rfc3339();
    std::fs::write(lock_path(path), format!(",{user},{machine},{since},{pid};")).unwrap();
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn held_by(error: LockError) -> LockInfo {
    match error {
        LockError::HeldBy(info) => info,
        other => panic!("expected the lock to be held, got: {other}"),
    }
}

#[test]
fn the_lock_file_is_named_like_libreoffices() {
    assert_eq!(
        lock_path(Path::new("/shared/boston/office.ron")),
        Path::new("/shared/boston/.~lock.office.ron#")
    );
}

#[test]
fn acquiring_writes_who_and_when_and_dropping_removes_the_lock() {
    let (_dir, path) = data_file();
    let before = now();
    let guard = acquire(&path).unwrap();
    assert_eq!(guard.path(), path);
    assert_eq!(guard.lock_path(), lock_path(&path));

    let line = std::fs::read_to_string(lock_path(&path)).unwrap();
    assert!(line.starts_with(','), "{line}");
    assert!(line.ends_with(';'), "{line}");
    assert!(
        !line.contains('\n'),
        "one line, as LibreOffice writes it: {line}"
    );
    let fields: Vec<&str> = line.trim_end_matches(';').split(',').collect();
    assert_eq!(fields.len(), 5, "{line}");
    assert_eq!(fields[1], this_user());
    assert_eq!(fields[2], this_machine());
    let since = DateTime::parse_from_rfc3339(fields[3]).unwrap();
    assert!(
        since >= before - TimeDelta::seconds(1),
        "{since} vs {before}"
    );
    assert_eq!(fields[4], std::process::id().to_string());

    let info = holder(&path).unwrap().unwrap();
    assert_eq!(info.user, this_user());
    assert_eq!(info.pid, Some(std::process::id()));
    assert!(!info.stale, "our own live lock is not stale");
    assert!(guard.is_still_ours().unwrap());

    drop(guard);
    assert!(!lock_path(&path).exists());
    assert_eq!(holder(&path).unwrap(), None);
}

#[test]
fn release_removes_the_lock_and_the_file_can_be_locked_again() {
    let (_dir, path) = data_file();
    acquire(&path).unwrap().release().unwrap();
    assert!(!lock_path(&path).exists());
    let again = acquire(&path).unwrap();
    assert!(lock_path(&path).exists());
    drop(again);
}

#[test]
fn a_file_locked_by_someone_else_is_refused_with_their_name() {
    let (_dir, path) = data_file();
    // Process 1 runs on every machine: a live holder on this one.
    write_lock(&path, "alice", &this_machine(), now(), 1);
    let written = std::fs::read(lock_path(&path)).unwrap();

    let info = held_by(acquire(&path).unwrap_err());
    assert_eq!(info.user, "alice");
    assert_eq!(info.machine, this_machine());
    assert_eq!(info.pid, Some(1));
    assert_eq!(info.path, path);
    assert!(!info.stale, "{info:?}");
    assert!(info.is_this_machine());

    let message = LockError::HeldBy(info).to_string();
    assert!(message.contains("office.ron"), "{message}");
    assert!(message.contains("alice"), "{message}");
    assert!(message.contains("read-only"), "{message}");
    assert_eq!(
        std::fs::read(lock_path(&path)).unwrap(),
        written,
        "their lock is left alone"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_lock_whose_process_has_ended_on_this_machine_is_stale_and_can_be_taken_over() {
    let (_dir, path) = data_file();
    let mut other = Command::new("sleep").arg("30").spawn().unwrap();
    let pid = other.id();
    write_lock(&path, &this_user(), &this_machine(), now(), pid);

    let info = held_by(acquire(&path).unwrap_err());
    assert!(!info.stale, "the other window is still open");
    assert!(
        info.holder().contains("another window"),
        "{}",
        info.holder()
    );

    other.kill().unwrap();
    other.wait().unwrap();
    let info = held_by(acquire(&path).unwrap_err());
    assert!(info.stale, "its process is gone: {info:?}");
    let message = LockError::HeldBy(info).to_string();
    assert!(message.contains("abandoned"), "{message}");
    assert!(message.contains("take it over"), "{message}");

    let guard = take_over(&path).unwrap();
    let info = holder(&path).unwrap().unwrap();
    assert_eq!(info.pid, Some(std::process::id()));
    drop(guard);
    assert!(!lock_path(&path).exists());
}

#[test]
fn a_fresh_lock_from_another_machine_is_not_stale_but_an_old_one_is() {
    let (_dir, path) = data_file();
    // Its process id means nothing here: only its age counts.
    write_lock(&path, "kenji", "tokyo-office-pc", now(), 4_194_305);
    let info = held_by(acquire(&path).unwrap_err());
    assert_eq!(info.machine, "tokyo-office-pc");
    assert!(!info.is_this_machine());
    assert!(!info.stale, "{info:?}");
    assert_eq!(info.holder(), "kenji on tokyo-office-pc");

    let old = now() - TimeDelta::from_std(STALE_AFTER).unwrap() - TimeDelta::minutes(5);
    write_lock(&path, "kenji", "tokyo-office-pc", old, 4321);
    let info = held_by(acquire(&path).unwrap_err());
    assert!(info.stale, "not renewed for more than 12 hours: {info:?}");
    assert_eq!(info.since, Some(old));

    // Taking it over replaces it.
    let guard = take_over(&path).unwrap();
    assert!(guard.is_still_ours().unwrap());
    assert_eq!(holder(&path).unwrap().unwrap().user, this_user());
}

#[test]
fn a_lock_taken_over_by_someone_else_is_not_deleted_by_our_guard() {
    let (_dir, path) = data_file();
    let guard = acquire(&path).unwrap();
    // We were taken for gone (a laptop asleep all night): Munich took over.
    write_lock(&path, "greta", "munich-desk", now(), 777);
    assert!(!guard.is_still_ours().unwrap());
    let info = held_by(guard.refresh().unwrap_err());
    assert_eq!(info.user, "greta");

    drop(guard);
    let info = holder(&path).unwrap().expect("their lock is still there");
    assert_eq!(info.user, "greta");

    // Nor by an explicit release.
    let (_dir2, path2) = data_file();
    let guard = acquire(&path2).unwrap();
    write_lock(&path2, "greta", "munich-desk", now(), 777);
    guard.release().unwrap();
    assert_eq!(holder(&path2).unwrap().unwrap().user, "greta");
}

#[test]
fn refresh_renews_the_time_and_puts_back_a_deleted_lock() {
    let (_dir, path) = data_file();
    let guard = acquire(&path).unwrap();
    let first = holder(&path).unwrap().unwrap().since.unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    guard.refresh().unwrap();
    let second = holder(&path).unwrap().unwrap().since.unwrap();
    assert!(second > first, "{second} after {first}");
    assert!(guard.is_still_ours().unwrap());

    std::fs::remove_file(lock_path(&path)).unwrap();
    guard.refresh().unwrap();
    assert!(guard.is_still_ours().unwrap());
    drop(guard);
    assert!(!lock_path(&path).exists());
}

#[test]
fn a_lock_held_by_this_very_process_counts_as_ours() {
    // A revert or a reopen of the same file takes the lock again.
    let (_dir, path) = data_file();
    let first = acquire(&path).unwrap();
    let second = acquire(&path).unwrap();
    assert!(!first.is_still_ours().unwrap());
    assert!(second.is_still_ours().unwrap());
    drop(first);
    assert!(
        lock_path(&path).exists(),
        "the old guard leaves the new lock"
    );
    drop(second);
    assert!(!lock_path(&path).exists());
}

#[test]
fn a_libreoffice_lock_is_read_too() {
    let (_dir, path) = data_file();
    std::fs::write(
        lock_path(&path),
        "Jane Doe,jdoe,jane-laptop,03.05.2026 14:22,file:///home/jdoe/.config/libreoffice/4;",
    )
    .unwrap();
    let info = held_by(acquire(&path).unwrap_err());
    // LibreOffice's fields: full name, login, machine, date, profile URL.
    assert_eq!(info.user, "jdoe");
    assert_eq!(info.machine, "jane-laptop");
    assert_eq!(info.pid, None);
    assert!(info.since.is_some(), "the lock file's own time");
    assert!(!info.stale);
}

#[test]
fn an_empty_or_garbled_lock_still_holds_the_file() {
    // A lock being written at this very moment is empty for an instant.
    let (_dir, path) = data_file();
    for content in ["", "\u{0}\u{1}garbage without fields"] {
        std::fs::write(lock_path(&path), content).unwrap();
        let info = held_by(acquire(&path).unwrap_err());
        assert!(!info.stale, "fresh, so not abandoned: {info:?}");
        assert!(info.since.is_some());
        let message = LockError::HeldBy(info).to_string();
        assert!(message.contains("office.ron"), "{message}");
    }
}

#[test]
fn a_missing_folder_gives_an_error_naming_the_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("office.ron");
    let error = acquire(&path).unwrap_err();
    assert!(
        matches!(
            error,
            LockError::Io {
                doing: "create",
                ..
            }
        ),
        "{error}"
    );
    let message = error.to_string();
    assert!(message.contains(".~lock.office.ron#"), "{message}");
    assert!(message.contains("folder still exists"), "{message}");
}

/// Set by the test below for the copy of this binary it runs as `nobody`.
const READ_ONLY_FOLDER: &str = "LIAISON_DESK_TEST_READ_ONLY_FOLDER";

fn assert_read_only_error(error: &LockError) {
    assert!(
        matches!(
            error,
            LockError::Io {
                doing: "create",
                ..
            }
        ),
        "{error}"
    );
    let message = error.to_string();
    assert!(message.contains(".~lock.office.ron#"), "{message}");
    assert!(message.contains("read-only"), "{message}");
    assert!(message.contains("cannot write in that folder"), "{message}");
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// In a read-only folder the lock cannot be taken: a clear error, after
/// which the app opens the file read-only.
///
/// Root ignores folder permissions, so when the tests run as root (as in CI)
/// this very test is run again, from a copy of the test binary, as the
/// unprivileged user `nobody` (as `tests/saving.rs` does).
#[test]
fn a_read_only_folder_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;

    if let Some(folder) = std::env::var_os(READ_ONLY_FOLDER) {
        // The copy run as `nobody`.
        let error = acquire(&Path::new(&folder).join("office.ron")).unwrap_err();
        println!("{error}");
        assert_read_only_error(&error);
        return;
    }

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("office.ron");
    std::fs::write(&path, "(format: 1)\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

    if is_root() {
        let bin = dir.path().join("lock-tests");
        std::fs::copy(std::env::current_exe().unwrap(), &bin).unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let output = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .args([
                "--exact",
                "a_read_only_folder_gives_a_clear_error",
                "--nocapture",
            ])
            .env(READ_ONLY_FOLDER, &folder)
            .output()
            .expect("setpriv (util-linux) runs the test as nobody");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stdout}\n{stderr}");
        assert!(stdout.contains("1 passed"), "{stdout}\n{stderr}");
        assert!(
            stdout.contains("could not create the lock file"),
            "{stdout}"
        );
    } else {
        assert_read_only_error(&acquire(&path).unwrap_err());
    }
    assert!(!lock_path(&path).exists());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}
