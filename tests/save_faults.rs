//! Faults during a save: a full disk (for real on a small tmpfs when the
//! tests run as root, and midway through a write through the storage seam),
//! a read-only disk and a read-only folder, a path that is a folder, a file
//! or a folder removed since the file was opened. Each time: an error that
//! names the file and says what to do, the file and its `NAME.bak` byte for
//! byte as they were, no temporary file left behind, and the work still in
//! the `Workspace`, unsaved, ready for Save As.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use liaison_desk::edit::Edit;
use liaison_desk::format::to_ron_string;
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::model::{Company, Dataset};
use liaison_desk::storage::{
    FileError, backup_path, load_file, save_file, save_text, save_text_with,
};
use liaison_desk::workspace::Workspace;

fn dataset(title: &str) -> Dataset {
    Dataset {
        title: Some(title.to_owned()),
        companies: vec![Company {
            id: "acme".to_owned(),
            name: Some("Acme Bio Inc.".to_owned()),
            country: Some("US".to_owned()),
            sector: None,
            size: None,
            website: None,
        }],
        ..Dataset::default()
    }
}

/// A data file with a backup, as after two saves: `office.ron` holds
/// "current", `office.ron.bak` "previous". Returns (file, its bytes, the
/// backup's bytes).
fn saved_twice(folder: &Path) -> (PathBuf, Vec<u8>, Vec<u8>) {
    let path = folder.join("office.ron");
    save_file(&path, &dataset("previous")).unwrap();
    save_file(&path, &dataset("current")).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let backup = std::fs::read(backup_path(&path)).unwrap();
    assert_ne!(bytes, backup);
    (path, bytes, backup)
}

/// The document as the app holds it: the file opened, then changed.
fn edited(path: &Path) -> Workspace {
    let mut workspace = Workspace::new(load_file(path).unwrap().dataset);
    workspace
        .apply(
            "Rename",
            Edit::SetTitle(Some("changed, not saved".to_owned())),
        )
        .unwrap();
    assert!(workspace.is_modified());
    workspace
}

/// Saves as the app does (`LiaisonApp::save_checked`): marked saved only
/// when the save succeeded.
fn save_like_the_app(workspace: &mut Workspace, path: &Path) -> Result<(), FileError> {
    let text = to_ron_string(workspace.dataset());
    save_text(path, text.as_bytes())?;
    workspace.mark_saved();
    Ok(())
}

/// After a failed save: the changes are still there, still unsaved, and
/// Save As to another folder writes them.
fn assert_work_kept(mut workspace: Workspace, elsewhere: &Path) {
    assert!(workspace.is_modified(), "a failed save is not a save");
    assert_eq!(
        workspace.dataset().title.as_deref(),
        Some("changed, not saved")
    );
    let copy = elsewhere.join("office-copy.ron");
    save_like_the_app(&mut workspace, &copy).unwrap();
    assert!(!workspace.is_modified());
    assert_eq!(load_file(&copy).unwrap().dataset, *workspace.dataset());
}

/// The file and its backup as they were, and nothing else in the folder.
fn assert_intact(path: &Path, bytes: &[u8], backup: Option<&[u8]>) {
    assert_eq!(std::fs::read(path).unwrap(), bytes, "the file is as it was");
    let backup_path = backup_path(path);
    match backup {
        Some(expected) => assert_eq!(
            std::fs::read(&backup_path).unwrap(),
            expected,
            "the backup is as it was"
        ),
        None => assert!(!backup_path.exists(), "no backup appeared"),
    }
    let expected = 1 + usize::from(backup.is_some());
    assert_eq!(
        names_in(path.parent().unwrap()).len(),
        expected,
        "no temporary file left: {:?}",
        names_in(path.parent().unwrap())
    );
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The message of a failed save: it names the file, says the file was left
/// as it was, and says what to do (`hint`).
fn assert_clear(error: &FileError, path: &Path, hint: &str) {
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "names the file: {message}"
    );
    assert!(message.starts_with("could not save"), "{message}");
    assert!(message.contains("left as it was"), "{message}");
    assert!(message.contains(hint), "expected {hint:?} in: {message}");
}

fn disk_full() -> io::Error {
    io::Error::from(io::ErrorKind::StorageFull)
}

const FULL_HINT: &str = "the disk is full: free some space, or save elsewhere";

#[test]
fn a_disk_full_midway_through_the_new_text_leaves_file_and_backup_intact() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes, backup) = saved_twice(dir.path());
    let workspace = edited(&path);
    let text = to_ron_string(workspace.dataset());

    let mut written = 0;
    let mut full_midway = |target: &Path, file: &mut dyn Write, data: &[u8]| {
        assert_eq!(target, path, "the new text is written before the backup");
        let half = data.get(..data.len() / 2).unwrap();
        file.write_all(half)?;
        written += half.len();
        Err(disk_full())
    };
    let error = save_text_with(&path, text.as_bytes(), &mut full_midway).unwrap_err();
    assert!(written > 0, "the failure came midway");
    assert_clear(&error, &path, FULL_HINT);
    assert!(error.to_string().contains("(writing)"), "{error}");
    assert_intact(&path, &bytes, Some(&backup));
    assert_work_kept(workspace, dir.path());
}

#[test]
fn a_disk_full_while_keeping_the_backup_leaves_file_and_backup_intact() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes, backup) = saved_twice(dir.path());
    let workspace = edited(&path);
    let text = to_ron_string(workspace.dataset());

    let backup_file = backup_path(&path);
    let mut backup_fails = |target: &Path, file: &mut dyn Write, data: &[u8]| {
        if target == backup_file {
            file.write_all(data.get(..10).unwrap())?;
            return Err(disk_full());
        }
        file.write_all(data)
    };
    let error = save_text_with(&path, text.as_bytes(), &mut backup_fails).unwrap_err();
    assert_clear(&error, &path, FULL_HINT);
    assert!(
        error.to_string().contains("keeping the previous version"),
        "{error}"
    );
    assert_intact(&path, &bytes, Some(&backup));
    assert_work_kept(workspace, dir.path());
}

/// A tmpfs mounted for one test, unmounted when dropped (before the
/// temporary folder holding it is removed).
struct Tmpfs {
    point: PathBuf,
}

impl Tmpfs {
    /// `None`, with a note, when not root or when mounting is not allowed
    /// here. Where the root-only cases must run (CI sets
    /// `LIAISON_ROOT_TESTS=required`), a failure to mount fails the test
    /// instead of skipping it.
    fn mount(point: &Path, size: &str) -> Option<Tmpfs> {
        let required = std::env::var("LIAISON_ROOT_TESTS").is_ok_and(|v| v == "required");
        let probe = tempfile::tempfile().unwrap();
        if probe.metadata().unwrap().uid() != 0 {
            assert!(!required, "LIAISON_ROOT_TESTS=required, but not root");
            eprintln!("note: not root, no tmpfs: the real-disk case is skipped");
            return None;
        }
        std::fs::create_dir_all(point).unwrap();
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ])
            .arg(point)
            .status();
        match status {
            Ok(status) if status.success() => Some(Tmpfs {
                point: point.to_owned(),
            }),
            other => {
                assert!(
                    !required,
                    "LIAISON_ROOT_TESTS=required: cannot mount a tmpfs ({other:?})"
                );
                eprintln!("note: cannot mount a tmpfs here ({other:?}): case skipped");
                None
            }
        }
    }

    fn remount_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.point)
            .status()
            .unwrap();
        assert!(status.success(), "remount read-only");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        Command::new("umount").arg(&self.point).status().ok();
    }
}

/// Text of about `len` bytes: the title carries the padding.
fn text_of_size(title: &str, len: usize) -> String {
    let mut data = dataset(title);
    let short = to_ron_string(&data).len();
    data.title = Some(format!("{title} {}", "x".repeat(len.saturating_sub(short))));
    to_ron_string(&data)
}

#[test]
fn a_really_full_disk_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let point = dir.path().join("small-disk");
    let Some(_disk) = Tmpfs::mount(&point, "64k") else {
        return;
    };
    let path = point.join("office.ron");
    let workspace = {
        save_file(&path, &dataset("previous")).unwrap();
        save_file(&path, &dataset("current")).unwrap();
        edited(&path)
    };
    let bytes = std::fs::read(&path).unwrap();
    let backup = std::fs::read(backup_path(&path)).unwrap();

    // Far more than the disk holds.
    let big = generate(GenerateOptions {
        meetings: 300,
        seed: 7,
    });
    let error = save_file(&path, &big).unwrap_err();
    assert_clear(&error, &path, FULL_HINT);
    assert_intact(&path, &bytes, Some(&backup));

    // Room for the new text, not for it and the copy of the previous
    // version: refused before anything is replaced. (16 pages of 4 KiB: the
    // file and its backup take 5 each, the new text 3.)
    std::fs::write(&path, text_of_size("current", 20_000)).unwrap();
    std::fs::write(backup_path(&path), text_of_size("previous", 20_000)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let backup = std::fs::read(backup_path(&path)).unwrap();
    let new_text = text_of_size("new", 12_000);
    let error = save_text(&path, new_text.as_bytes()).unwrap_err();
    assert_clear(&error, &path, FULL_HINT);
    assert!(
        error.to_string().contains("keeping the previous version"),
        "{error}"
    );
    assert_intact(&path, &bytes, Some(&backup));

    assert_work_kept(workspace, dir.path());
}

#[test]
fn a_read_only_disk_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let point = dir.path().join("read-only-disk");
    let Some(disk) = Tmpfs::mount(&point, "1m") else {
        return;
    };
    let (path, bytes, backup) = saved_twice(&point);
    let workspace = edited(&path);
    disk.remount_read_only();

    let error = save_file(&path, workspace.dataset()).unwrap_err();
    assert_clear(&error, &path, "the disk is read-only: save elsewhere");
    assert_intact(&path, &bytes, Some(&backup));
    assert_work_kept(workspace, dir.path());
}

/// Root ignores permissions: as root (CI), the save is made by the real
/// binary run as `nobody`, as in `tests/saving.rs`.
#[test]
fn a_read_only_folder_fails_cleanly_and_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let (path, _, _) = saved_twice(&folder);
    // Not in the canonical layout: `format` has something to save.
    std::fs::write(&path, "(format: 1, title: \"hand written\")\n").unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let backup = std::fs::read(backup_path(&path)).unwrap();
    for file in [&path, &backup_path(&path)] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();

    let bin = dir.path().join("liaison-desk");
    std::fs::copy(env!("CARGO_BIN_EXE_liaison-desk"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let root = std::fs::metadata(dir.path()).unwrap().uid() == 0;
    let mut command = if root {
        let mut setpriv = Command::new("setpriv");
        setpriv
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        setpriv
    } else {
        Command::new(&bin)
    };
    let output = command
        .arg("format")
        .arg(&path)
        .output()
        .expect("setpriv (util-linux) runs the save as nobody");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(stderr.contains("could not save"), "{stderr}");
    assert!(stderr.contains("Permission denied"), "{stderr}");
    assert!(
        stderr.contains("choose another folder, or ask for access"),
        "{stderr}"
    );
    assert!(stderr.contains("left as it was"), "{stderr}");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_intact(&path, &bytes, Some(&backup));
}

#[test]
fn saving_onto_a_folder_fails_and_keeps_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, _) = saved_twice(dir.path());
    let mut workspace = edited(&path);
    let folder = dir.path().join("office-folder.ron");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside.txt"), "keep me").unwrap();

    let error = save_like_the_app(&mut workspace, &folder).unwrap_err();
    assert!(matches!(error, FileError::IsFolder { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains(&folder.display().to_string()), "{message}");
    assert!(message.contains("is a folder"), "{message}");
    assert_eq!(names_in(&folder), ["inside.txt"]);
    assert!(!backup_path(&folder).exists());
    assert_work_kept(workspace, dir.path());
}

/// Deleted (or moved) by someone else before the save: nothing is lost,
/// the file is written again whole; the older backup is left alone.
#[test]
fn a_file_deleted_since_it_was_opened_is_written_again_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, backup) = saved_twice(dir.path());
    let mut workspace = edited(&path);
    std::fs::remove_file(&path).unwrap();

    let made = save_file(&path, workspace.dataset()).unwrap();
    assert_eq!(made, None, "no previous version to keep");
    workspace.mark_saved();
    assert_eq!(load_file(&path).unwrap().dataset, *workspace.dataset());
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), backup);
}

/// Deleted while the save runs (between the look at the file and the copy
/// of its previous version): an error that says so, nothing written.
#[test]
fn a_file_deleted_during_the_save_fails_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, backup) = saved_twice(dir.path());
    let workspace = edited(&path);
    let text = to_ron_string(workspace.dataset());

    let mut deleted_meanwhile = |target: &Path, file: &mut dyn Write, data: &[u8]| {
        if target == path {
            std::fs::remove_file(target)?;
        }
        file.write_all(data)
    };
    let error = save_text_with(&path, text.as_bytes(), &mut deleted_meanwhile).unwrap_err();
    assert_clear(
        &error,
        &path,
        "check the path, the file may have been moved or deleted",
    );
    assert!(
        error.to_string().contains("reading the previous version"),
        "{error}"
    );
    assert!(!path.exists(), "nothing was written in its place");
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), backup);
    assert_eq!(names_in(dir.path()), ["office.ron.bak"]);
    assert_work_kept(workspace, dir.path());
}

#[test]
fn a_folder_deleted_since_the_file_was_opened_fails_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("usb-stick");
    std::fs::create_dir(&folder).unwrap();
    let (path, _, _) = saved_twice(&folder);
    let mut workspace = edited(&path);
    std::fs::remove_dir_all(&folder).unwrap();

    let error = save_like_the_app(&mut workspace, &path).unwrap_err();
    assert_clear(
        &error,
        &path,
        "check the path, the file may have been moved or deleted",
    );
    assert!(!folder.exists(), "the folder was not made again");
    assert_work_kept(workspace, dir.path());
}
