//! Files that are not what they seem, and other programs at work beside
//! ours: FIFOs and devices where a data file or a spreadsheet is expected,
//! sparse giants, symbolic and hard links, private and read-only files,
//! files changed or held open by someone else while a command runs, and
//! temporary files left by killed saves. Each time the real binary (or the
//! storage layer it uses) refuses cleanly, promptly, and leaves every file
//! as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::ffi::CString;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use liaison_desk::disk::Fingerprint;
use liaison_desk::storage::{
    FileError, MAX_FILE_BYTES, backup_path, load_file, load_tracked, read_capped, save_file,
    save_file_checked, save_text,
};

const BIN: &str = env!("CARGO_BIN_EXE_liaison-desk");

const SMALL: &str = r#"(
    format: 1,
    zones: [(id: "europe", name: "Europe")],
    countries: [(code: "DE", zone: "europe")],
    companies: [(id: "rhein", name: "Rhein GmbH", country: "DE")],
    meetings: [(id: "m-1", date: "2015-03-12", company: "rhein")],
)"#;

const CSV: &str = "id,name,country\nnordic,Nordic AB,SE\n";

/// Runs the binary, killing it if it has not finished within `limit`: a
/// hang is a failure of the test, not a CI timeout.
fn run_within(args: &[&str], limit: Duration) -> Output {
    let child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_within(child, limit, args)
}

fn wait_within(mut child: Child, limit: Duration, what: &[&str]) -> Output {
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            child.kill().ok();
            let output = child.wait_with_output().unwrap();
            panic!(
                "{what:?} still running after {limit:?} (killed); it printed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run(args: &[&str]) -> Output {
    run_within(args, Duration::from_secs(20))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn mkfifo(path: &Path) {
    let name = CString::new(s(path)).unwrap();
    // SAFETY: a valid, NUL-terminated path; mkfifo only reads it.
    let status = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(status, 0, "mkfifo {}", path.display());
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() == 0 };
    // CI runs as root so that the root-only cases run there, never skip.
    let required = std::env::var("LIAISON_ROOT_TESTS").is_ok_and(|v| v == "required");
    assert!(
        root || !required,
        "LIAISON_ROOT_TESTS=required, but not root"
    );
    root
}

/// A FIFO that nobody writes to, wherever a command reads a file: the data
/// file of every command, the spreadsheet of `import`, the other office's
/// file of `merge`, each side of git's merge driver. Refused at once,
/// named as a pipe, exit 2 — never a hang.
#[test]
fn a_fifo_is_refused_at_once_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let data = dir.path().join("office.ron");
    std::fs::write(&data, SMALL).unwrap();
    let csv = dir.path().join("pipe.csv");
    mkfifo(&csv);
    let out = dir.path().join("out.csv");

    let cases: Vec<Vec<&str>> = vec![
        vec!["validate", s(&fifo)],
        vec!["summary", s(&fifo)],
        vec!["format", s(&fifo)],
        vec!["format", "--check", s(&fifo)],
        vec![
            "export",
            s(&fifo),
            "--kind",
            "meetings",
            "--format",
            "csv",
            "-o",
            s(&out),
        ],
        vec!["import", s(&fifo), "--kind", "companies", s(&data)],
        vec!["import", s(&data), "--kind", "companies", s(&csv)],
        vec!["merge", s(&data), s(&fifo)],
        vec!["merge", s(&fifo), s(&data)],
        vec!["merge-driver", s(&fifo), s(&data), s(&data)],
        vec!["merge-driver", s(&data), s(&data), s(&fifo)],
    ];
    for args in cases {
        let output = run_within(&args, Duration::from_secs(10));
        let message = stderr(&output) + &String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.contains("named pipe"), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
    }
    assert_eq!(std::fs::read_to_string(&data).unwrap(), SMALL);
    assert!(!out.exists());
}

/// Devices report a length of 0 and never end: refused as devices, before
/// a byte is read (9 GB in 9 s before).
#[test]
fn devices_are_refused_without_reading_them() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let output = run_within(&["validate", device], Duration::from_secs(10));
        let message = String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{device}: {message}");
        assert!(message.contains("a device"), "{device}: {message}");
        assert!(
            message.contains("not an ordinary file"),
            "{device}: {message}"
        );
    }
    let error = load_file(Path::new("/dev/zero")).unwrap_err();
    assert!(matches!(error, FileError::NotRegular { .. }), "{error:?}");
}

/// The read stops at its limit whatever the file's size said when it was
/// opened: a file that grows while it is read is refused, not read whole.
#[test]
fn a_read_never_goes_past_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("growing.csv");
    std::fs::write(&path, vec![b'x'; 10_000]).unwrap();
    assert_eq!(read_capped(&path, 10_000).unwrap().0.len(), 10_000);
    let error = read_capped(&path, 9_999).unwrap_err();
    assert!(
        matches!(error, FileError::TooLarge { limit: 9_999, .. }),
        "{error:?}"
    );
    // An ordinary file whose size says 0 and that has more to give, as a
    // file still being written does: the cap, not the size, stops the read.
    let proc_file = Path::new("/proc/self/maps");
    assert_eq!(std::fs::metadata(proc_file).unwrap().len(), 0);
    let error = read_capped(proc_file, 64).unwrap_err();
    assert!(
        matches!(
            error,
            FileError::TooLarge {
                size: 65,
                limit: 64,
                ..
            }
        ),
        "{error:?}"
    );
}

/// `format` applies the 2 GiB limit of the other commands: a 3 GB sparse
/// file is refused before it is read (it took 3 GB of memory before).
#[test]
fn format_refuses_a_file_over_the_limit_before_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(3 << 30).unwrap();
    drop(file);
    for args in [
        vec!["format", s(&path)],
        vec!["format", "--check", s(&path)],
    ] {
        let output = run_within(&args, Duration::from_secs(10));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(message.contains("more than the"), "{args:?}: {message}");
        assert!(message.contains("it was not opened"), "{args:?}: {message}");
    }
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 3 << 30);
}

/// A save never writes a file that the program would then refuse to open.
#[test]
fn a_save_larger_than_a_file_can_be_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, SMALL).unwrap();
    // Zeroed pages are mapped lazily: this takes no real memory.
    let too_big = vec![0u8; usize::try_from(MAX_FILE_BYTES).unwrap() + 1];
    let error = save_text(&path, &too_big).unwrap_err();
    assert!(
        matches!(error, FileError::TooLargeToSave { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("could not be opened again"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SMALL);
    assert!(!backup_path(&path).exists());
}

/// Saving through a symbolic link writes the file it points to, which keeps
/// its mode; the link stays a link (before: the link was replaced by a
/// regular file of mode 0777, the real file left unchanged). The same for
/// `format`, `export -o` and a chain of links.
#[test]
fn saving_through_a_link_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real_folder = dir.path().join("shared");
    std::fs::create_dir(&real_folder).unwrap();
    let real = real_folder.join("office.ron");
    std::fs::write(&real, SMALL).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("office.ron");
    std::os::unix::fs::symlink("shared/office.ron", &link).unwrap();
    let link_to_link = dir.path().join("again.ron");
    std::os::unix::fs::symlink(&link, &link_to_link).unwrap();

    let output = run(&["format", s(&link_to_link)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for l in [&link, &link_to_link] {
        assert!(
            std::fs::symlink_metadata(l)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    let formatted = std::fs::read_to_string(&real).unwrap();
    assert_ne!(formatted, SMALL, "the target was formatted");
    assert!(formatted.starts_with("#![enable(implicit_some)]"));
    assert_eq!(mode(&real), 0o640, "the target keeps its mode");
    assert_eq!(std::fs::read_to_string(backup_path(&real)).unwrap(), SMALL);
    assert_eq!(mode(&backup_path(&real)), 0o640);

    // The library's save, as the window does it.
    let mut data = load_file(&link).unwrap().dataset;
    data.title = Some("Saved through the link".to_owned());
    save_file(&link, &data).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load_file(&real).unwrap().dataset, data);
    assert_eq!(mode(&real), 0o640);

    // An export through a link to a spreadsheet.
    let sheet = real_folder.join("meetings.csv");
    std::fs::write(&sheet, "old").unwrap();
    std::fs::set_permissions(&sheet, std::fs::Permissions::from_mode(0o600)).unwrap();
    let sheet_link = dir.path().join("meetings.csv");
    std::os::unix::fs::symlink(&sheet, &sheet_link).unwrap();
    let output = run(&[
        "export",
        s(&real),
        "--kind",
        "meetings",
        "--format",
        "csv",
        "-o",
        s(&sheet_link),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        std::fs::symlink_metadata(&sheet_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&sheet).unwrap().contains("m-1"));
    assert_eq!(mode(&sheet), 0o600);
}

/// A loop of links is an error that says so, not a hang or a new file.
#[test]
fn a_loop_of_links_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let error = save_text(&a, SMALL.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("symbolic links"), "{error}");
    assert!(
        std::fs::symlink_metadata(&a)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// `export -o` onto a device or a FIFO is refused: the device node stays
/// (before, as root, `/dev/full` was replaced by a regular file).
#[test]
fn an_export_never_replaces_a_device_or_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("office.ron");
    std::fs::write(&data, SMALL).unwrap();
    let fifo = dir.path().join("out.csv");
    mkfifo(&fifo);
    // The FIFO first: a broken check fails there, before it could touch /dev.
    for (target, words) in [
        (fifo.as_path(), "named pipe"),
        (Path::new("/dev/full"), "a device"),
    ] {
        let output = run_within(
            &[
                "export",
                s(&data),
                "--kind",
                "meetings",
                "--format",
                "csv",
                "-o",
                s(target),
            ],
            Duration::from_secs(10),
        );
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{message}");
        assert!(message.contains(words), "{message}");
    }
    assert!(
        std::fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A data file saved onto a device: refused too.
    let error = save_text(Path::new("/dev/full"), SMALL.as_bytes()).unwrap_err();
    assert!(matches!(error, FileError::NotRegular { .. }), "{error:?}");
}

/// The backup of a private file is private (it was 0644 for a 0600 file),
/// and keeps the file's owner where the system allows it (as root, as CI
/// runs); the saved file keeps both too.
#[test]
fn the_backup_keeps_the_permissions_and_owner_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, SMALL).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    // A backup left from earlier with wider permissions is no excuse.
    std::fs::write(backup_path(&path), "old").unwrap();
    std::fs::set_permissions(backup_path(&path), std::fs::Permissions::from_mode(0o666)).unwrap();
    let owner = if is_root() {
        let (uid, gid) = (4242, 4343);
        std::os::unix::fs::chown(&path, Some(uid), Some(gid)).unwrap();
        (uid, gid)
    } else {
        let meta = std::fs::metadata(&path).unwrap();
        (meta.uid(), meta.gid())
    };

    let mut data = load_file(&path).unwrap().dataset;
    data.title = Some("Private".to_owned());
    save_file(&path, &data).unwrap();

    for file in [path.clone(), backup_path(&path)] {
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!(
            meta.permissions().mode() & 0o777,
            0o600,
            "{}",
            file.display()
        );
        assert_eq!((meta.uid(), meta.gid()), owner, "{}", file.display());
    }
    assert_eq!(std::fs::read_to_string(backup_path(&path)).unwrap(), SMALL);
}

/// A file marked read-only is not replaced — by `format`, `import`,
/// `merge` or a save of the library — even by root, who could; the message
/// says to save under another name or make it writable.
#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, SMALL).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let csv = dir.path().join("companies.csv");
    std::fs::write(&csv, CSV).unwrap();
    let other = dir.path().join("other.ron");
    std::fs::write(&other, SMALL.replace("m-1", "m-2")).unwrap();

    for args in [
        vec!["format", s(&path)],
        vec!["import", s(&path), "--kind", "companies", s(&csv)],
        vec!["merge", s(&path), s(&other)],
    ] {
        let output = run(&args);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.contains("read-only"), "{args:?}: {message}");
        assert!(message.contains("Save As"), "{args:?}: {message}");
    }
    let error = save_text(&path, b"(format: 1)").unwrap_err();
    assert!(matches!(error, FileError::ReadOnly { .. }), "{error:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SMALL);
    assert_eq!(mode(&path), 0o444);
    assert!(!backup_path(&path).exists());
    assert!(liaison_desk::storage::read_only_reason(&path).is_some());
}

/// Between a command's read and its write, another program rewrites the
/// file in place (`cp`) or renames another file over it (`mv`), even to
/// the same length: the save refuses, their version stays, and the backup
/// is not taken from it. (The command line did overwrite it, 3 of 3.)
#[test]
fn a_file_changed_by_another_program_meanwhile_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    let theirs_same_length = SMALL.replace("Rhein GmbH", "Rhine GmbH");
    assert_eq!(theirs_same_length.len(), SMALL.len());
    let other = dir.path().join("incoming.ron");

    type Change = fn(&Path, &Path, &str);
    let by_cp: Change = |path, _, text| std::fs::write(path, text).unwrap();
    let by_mv: Change = |path, other, text| {
        std::fs::write(other, text).unwrap();
        std::fs::rename(other, path).unwrap();
    };
    for (how, change) in [("cp", by_cp), ("mv", by_mv)] {
        std::fs::write(&path, SMALL).unwrap();
        std::fs::remove_file(backup_path(&path)).ok();
        let (parsed, read) = load_tracked(&path).unwrap();
        change(&path, &other, &theirs_same_length);

        let mut mine = parsed.dataset;
        mine.title = Some("Mine".to_owned());
        let error = save_file_checked(&path, &mine, Some(&read)).unwrap_err();
        assert!(
            matches!(error, FileError::ChangedOnDisk { .. }),
            "{how}: {error:?}"
        );
        assert!(
            error.to_string().contains("changed by another program"),
            "{how}: {error}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            theirs_same_length,
            "{how}: their version stays"
        );
        assert!(!backup_path(&path).exists(), "{how}: no backup made of it");
        // Told to save whatever is there, it does.
        save_file_checked(&path, &mine, None).unwrap();
        assert_eq!(load_file(&path).unwrap().dataset, mine);
    }
    // Deleted meanwhile: not written again from a stale read either.
    std::fs::write(&path, SMALL).unwrap();
    let (parsed, read) = load_tracked(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let error = save_file_checked(&path, &parsed.dataset, Some(&read)).unwrap_err();
    assert!(
        matches!(error, FileError::ChangedOnDisk { .. }),
        "{error:?}"
    );
    assert!(!path.exists());
    // Unchanged: saved.
    std::fs::write(&path, SMALL).unwrap();
    let (parsed, read) = load_tracked(&path).unwrap();
    assert_eq!(read, Fingerprint::of_file(&path).unwrap());
    save_file_checked(&path, &parsed.dataset, Some(&read)).unwrap();
}

/// The command line honours the lock of a file open in the window (or by
/// another user): `format`, `import`, `merge` and `generate -o` refuse,
/// saying who holds it; with `--force` they write. Dry runs and checks,
/// which change nothing, go ahead.
#[test]
fn the_command_line_refuses_a_file_someone_holds_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, SMALL).unwrap();
    let csv = dir.path().join("companies.csv");
    std::fs::write(&csv, CSV).unwrap();
    let other = dir.path().join("other.ron");
    std::fs::write(
        &other,
        SMALL
            .replace("(id: \"m-1\"", "(id: \"m-9\"")
            .replace("2015-03-12", "2016-01-01"),
    )
    .unwrap();
    // The window of this very user, in this test's process.
    let held = liaison_desk::lock::acquire(&path).unwrap();

    let writing: Vec<Vec<&str>> = vec![
        vec!["format", s(&path)],
        vec!["import", s(&path), "--kind", "companies", s(&csv)],
        vec!["merge", s(&path), s(&other)],
        vec!["generate", "--meetings", "10", "-o", s(&path)],
    ];
    for args in &writing {
        let output = run(args);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert!(
            message.contains("has this file open"),
            "{args:?}: {message}"
        );
        assert!(
            message.contains(&format!("process {}", std::process::id())),
            "{args:?} names the holder: {message}"
        );
        assert!(message.contains("--force"), "{args:?}: {message}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), SMALL, "{args:?}");
    }
    for args in [
        vec!["format", "--check", s(&path)],
        vec![
            "import",
            s(&path),
            "--kind",
            "companies",
            s(&csv),
            "--dry-run",
        ],
        vec!["merge", s(&path), s(&other), "--dry-run"],
        vec!["validate", s(&path)],
    ] {
        let output = run(&args);
        assert!(
            !stderr(&output).contains("has this file open"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let output = run(&[
        "import",
        s(&path),
        "--kind",
        "companies",
        s(&csv),
        "--force",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("writing it anyway (--force)"));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Nordic AB")
    );
    // The lock is still the window's.
    assert!(held.is_still_ours().unwrap());
    drop(held);

    // Free again: the command takes the lock for its run, then lets it go.
    let output = run(&["format", s(&path)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!liaison_desk::lock::lock_path(&path).exists());
}

/// Temporary files of saves killed long ago (`.NAME.XXXXXX`,
/// `.NAME.bak.XXXXXX`, hundreds of MB each) are removed by the next save;
/// a fresh one, maybe another save's at work, and files that only look
/// alike, are left.
#[test]
fn the_next_save_removes_temporary_files_of_killed_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, SMALL).unwrap();
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, old: bool| -> PathBuf {
        let file = dir.path().join(name);
        std::fs::write(&file, "half a save").unwrap();
        if old {
            std::fs::File::options()
                .write(true)
                .open(&file)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        file
    };
    let stale = [
        make(".office.ron.Ab3dE9", true),
        make(".office.ron.bak.zz01QQ", true),
    ];
    let kept = [
        make(".office.ron.Fr35h1", false),
        make(".other.ron.Ab3dE9", true),
        make(".office.ron.notmine", true),
        make("office.ron.Ab3dE9", true),
    ];
    save_text(&path, b"(format: 1)\n").unwrap();
    for file in &stale {
        assert!(!file.exists(), "{} removed", file.display());
    }
    for file in &kept {
        assert!(file.exists(), "{} kept", file.display());
    }
}

/// A save replaces the file with a new one (that is what makes it atomic):
/// another name hard-linked to the old file keeps the previous version, as
/// docs/FORMAT.md says.
#[test]
fn a_hard_link_keeps_the_previous_version_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    std::fs::write(&path, SMALL).unwrap();
    let other_name = dir.path().join("same-file.ron");
    std::fs::hard_link(&path, &other_name).unwrap();
    save_text(&path, b"(format: 1)\n").unwrap();
    assert_eq!(std::fs::read_to_string(&other_name).unwrap(), SMALL);
    let format =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md"))
            .unwrap();
    assert!(
        format.to_lowercase().contains("hard links are not kept"),
        "FORMAT.md says what a save does to hard links"
    );
}
