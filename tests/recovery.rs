//! Crash recovery: unsaved work written to a recovery copy off the UI thread
//! (at once, then at most every interval, always the latest snapshot), read
//! back to the same data with its metadata, removed on discard, offered at the
//! next start only when the process that wrote it has ended, written by the
//! panic hook before a crash, and damaged copies reported, never a panic.
//! Every test uses its own temporary folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use liaison_desk::format::parse_str;
use liaison_desk::model::{Company, Dataset};
use liaison_desk::recovery::{
    FOLDER_ENV, Recovered, RecoveryError, RecoveryWriter, Snapshot, default_folder, discard_file,
    find, install_panic_hook, recovery_file, write_snapshot,
};

fn small(title: &str) -> Arc<Dataset> {
    Arc::new(Dataset {
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
    })
}

fn sample() -> Arc<Dataset> {
    static SAMPLE: OnceLock<Arc<Dataset>> = OnceLock::new();
    Arc::clone(
        SAMPLE.get_or_init(|| Arc::new(parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset)),
    )
}

fn snapshot(path: Option<&Path>, title: &str, revision: u64) -> Snapshot {
    Snapshot {
        path: path.map(Path::to_owned),
        dataset: small(title),
        revision,
        unsaved_edits: Some(revision),
    }
}

fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    done()
}

/// The title of the data in a copy, read as any data file is.
fn title_in(file: &Path) -> Option<String> {
    let text = fs::read_to_string(file).unwrap();
    parse_str(&text).unwrap().dataset.title
}

/// Replaces the value of one header line, as if another process wrote it.
fn set_header(file: &Path, key: &str, value: &str) {
    let text = fs::read_to_string(file).unwrap();
    let prefix = format!("// {key}: ");
    let mut found = false;
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        if !found && line.starts_with(&prefix) {
            out.push_str(&format!("{prefix}{value}\n"));
            found = true;
        } else {
            out.push_str(line);
        }
    }
    assert!(found, "no `{key}` in the header of {}", file.display());
    fs::write(file, out).unwrap();
}

/// The id of a process that has ended (and been reaped).
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// When process `pid` started, from `/proc/PID/stat` (Linux).
fn start_ticks(pid: u32) -> u64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after_name = stat.rsplit_once(')').unwrap().1;
    after_name
        .split_whitespace()
        .nth(19)
        .unwrap()
        .parse()
        .unwrap()
}

/// Makes a copy look like one left by a process that has ended.
fn as_if_left_by_a_dead_process(file: &Path) -> u32 {
    let pid = dead_pid();
    set_header(file, "pid", &pid.to_string());
    pid
}

fn offered(folder: &Path) -> Vec<Recovered> {
    find(folder)
        .into_iter()
        .map(|found| found.unwrap())
        .collect()
}

#[test]
fn the_first_snapshot_is_written_at_once_then_later_ones_are_coalesced_and_rate_limited() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let doc = dir.path().join("office.ron");
    fs::write(&doc, "").unwrap();
    let interval = Duration::from_millis(700);
    let writer = RecoveryWriter::with_interval(folder.clone(), interval);

    writer.submit(snapshot(Some(&doc), "r1", 1));
    assert!(wait_until(Duration::from_secs(5), || writer
        .status()
        .writes
        == 1));
    let first = writer.status().last.unwrap();
    assert_eq!(first.revision, 1);
    assert_eq!(first.original.as_deref(), Some(doc.as_path()));
    assert_eq!(first.file, recovery_file(&folder, Some(&doc)));
    assert_eq!(title_in(&first.file).as_deref(), Some("r1"));

    // Two edits in quick succession: neither is written before the interval.
    writer.submit(snapshot(Some(&doc), "r2", 2));
    writer.submit(snapshot(Some(&doc), "r3", 3));
    std::thread::sleep(Duration::from_millis(100));
    let since_first = chrono::Local::now() - first.at;
    if since_first.to_std().unwrap_or_default() < interval - Duration::from_millis(50) {
        assert_eq!(
            writer.status().writes,
            1,
            "written before the interval passed"
        );
        assert_eq!(title_in(&first.file).as_deref(), Some("r1"));
    }

    // Then only the latest one is written, one interval after the first.
    assert!(wait_until(Duration::from_secs(5), || writer
        .status()
        .writes
        == 2));
    let second = writer.status().last.unwrap();
    assert_eq!(second.revision, 3, "the latest snapshot is the one written");
    assert_eq!(second.file, first.file, "one copy per document");
    assert!(
        (second.at - first.at).to_std().unwrap() >= interval - Duration::from_millis(50),
        "two writes {:?} apart, closer than the interval",
        second.at - first.at
    );
    assert_eq!(title_in(&second.file).as_deref(), Some("r3"));

    // Nothing new: nothing more is written.
    std::thread::sleep(interval * 2);
    assert_eq!(writer.status().writes, 2);
    assert!(writer.take_error().is_none());
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 1);
}

#[test]
fn flush_now_and_write_now_blocking_write_at_once_and_dropping_the_writer_writes_what_waits() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_owned();
    let writer = RecoveryWriter::with_interval(folder.clone(), Duration::from_secs(3600));
    let file = recovery_file(&folder, None);

    writer.submit(snapshot(None, "r1", 1));
    assert!(wait_until(Duration::from_secs(5), || writer
        .status()
        .writes
        == 1));
    writer.submit(snapshot(None, "r2", 2));
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(title_in(&file).as_deref(), Some("r1"), "the interval holds");

    writer.flush_now().unwrap();
    assert_eq!(title_in(&file).as_deref(), Some("r2"));
    writer.flush_now().unwrap();
    assert_eq!(
        writer.status().writes,
        2,
        "an unchanged revision is not rewritten"
    );

    writer.write_now_blocking(snapshot(None, "r3", 3)).unwrap();
    assert_eq!(title_in(&file).as_deref(), Some("r3"));

    writer.submit(snapshot(None, "r4", 4));
    drop(writer);
    assert_eq!(
        title_in(&file).as_deref(),
        Some("r4"),
        "the exit path writes"
    );
}

#[test]
fn a_copy_reads_back_to_the_same_dataset_and_is_itself_a_valid_data_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("sample.ron");
    let snap = Snapshot {
        path: Some(doc.clone()),
        dataset: sample(),
        revision: 9,
        unsaved_edits: None,
    };
    let file = write_snapshot(dir.path(), &snap).unwrap();
    assert_eq!(file.parent(), Some(dir.path()));

    // The whole file, header and all, is a data file any reader accepts.
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("// Liaison Desk recovery copy"));
    assert_eq!(parse_str(&text).unwrap().dataset, *sample());
    // Below the header: exactly what a save writes.
    let data_start = text.find("#![enable(implicit_some)]").unwrap();
    assert_eq!(
        &text[data_start..],
        liaison_desk::format::to_ron_string(&sample())
    );

    as_if_left_by_a_dead_process(&file);
    let found = offered(dir.path());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].load().unwrap(), *sample());
}

#[test]
fn the_metadata_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let doc = dir.path().join("Bureau de Tōkyō \"2026\" #1\nnotes.ron");
    let mut snap = snapshot(Some(&doc), "Réseau \"Carnot\"\nAsie", 42);
    snap.unsaved_edits = Some(7);
    let before = chrono::Local::now();
    let file = write_snapshot(&folder, &snap).unwrap();
    let after = chrono::Local::now();
    let name = file.file_name().unwrap().to_str().unwrap().to_owned();
    assert!(name.starts_with("bureau-de-t-ky-2026-1-notes-"), "{name}");
    assert!(
        name.contains(&format!("-{}-", std::process::id())),
        "{name}"
    );
    let pid = as_if_left_by_a_dead_process(&file);

    let found = offered(&folder);
    assert_eq!(found.len(), 1);
    let copy = &found[0];
    assert_eq!(copy.file, file);
    assert_eq!(copy.original.as_deref(), Some(doc.as_path()));
    assert_eq!(copy.title.as_deref(), Some("Réseau \"Carnot\"\nAsie"));
    assert_eq!(copy.pid, pid);
    assert_eq!(copy.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(copy.revision, Some(42));
    assert_eq!(copy.unsaved_edits, Some(7));
    // Written with millisecond precision.
    assert!(copy.written >= before - chrono::TimeDelta::milliseconds(1));
    assert!(copy.written <= after);
    assert!(
        !copy.original_changed_since(),
        "the document does not exist"
    );
    assert_eq!(copy.load().unwrap().title, snap.dataset.title);

    // An untitled document has no original.
    let untitled = write_snapshot(&folder, &snapshot(None, "draft", 1)).unwrap();
    assert!(
        untitled
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with(&format!("untitled-{}-", std::process::id()))
    );
    as_if_left_by_a_dead_process(&untitled);
    let found = offered(&folder);
    assert_eq!(found.len(), 2);
    let draft = found.iter().find(|r| r.file == untitled).unwrap();
    assert_eq!(draft.original, None);
    assert_eq!(draft.unsaved_edits, Some(1));
    assert_eq!(draft.title.as_deref(), Some("draft"));
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_round_trips() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    let doc = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9 office.ron"));
    let file = write_snapshot(dir.path(), &snapshot(Some(&doc), "latin-1", 1)).unwrap();
    as_if_left_by_a_dead_process(&file);
    let found = offered(dir.path());
    assert_eq!(found[0].original.as_deref(), Some(doc.as_path()));
}

#[test]
fn the_original_saved_after_the_copy_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let doc = dir.path().join("office.ron");
    let file = write_snapshot(&folder, &snapshot(Some(&doc), "x", 1)).unwrap();
    as_if_left_by_a_dead_process(&file);
    set_header(&file, "written", "2001-01-01T00:00:00+00:00");
    fs::write(&doc, "(format: 1)").unwrap();
    let found = offered(&folder);
    let copy = found.iter().find(|r| r.file == file).unwrap();
    assert!(copy.original_changed_since());
}

#[test]
fn discard_removes_the_copy_and_a_snapshot_not_yet_written() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let doc = dir.path().join("office.ron");
    let other = dir.path().join("other.ron");
    let writer = RecoveryWriter::with_interval(folder.clone(), Duration::from_secs(3600));
    let file = recovery_file(&folder, Some(&doc));

    writer.submit(snapshot(Some(&doc), "r1", 1));
    assert!(wait_until(Duration::from_secs(5), || file.exists()));
    let other_file = write_snapshot(&folder, &snapshot(Some(&other), "other", 1)).unwrap();

    // Saved: the copy goes, and the latest snapshot with it.
    writer.discard(Some(&doc));
    writer.flush_now().unwrap();
    assert!(!file.exists());
    assert!(writer.status().last.is_none());
    assert!(writer.latest().lock().unwrap().is_none());
    assert!(other_file.exists(), "another document's copy stays");

    // Edited again: the interval runs from the last write, so the snapshot
    // waits; discarded before it is written, it never is.
    writer.submit(snapshot(Some(&doc), "r2", 2));
    std::thread::sleep(Duration::from_millis(100));
    writer.discard(Some(&doc));
    writer.flush_now().unwrap();
    drop(writer);
    assert!(
        !file.exists(),
        "a discarded snapshot is not written on exit"
    );
    assert!(
        find(&folder).is_empty(),
        "only a running process's copy is left"
    );

    // A copy the panic hook or an earlier writer left for the same document
    // of this process goes too.
    let writer = RecoveryWriter::with_interval(folder.clone(), Duration::from_secs(3600));
    write_snapshot(&folder, &snapshot(Some(&doc), "r3", 3)).unwrap();
    assert!(file.exists());
    writer.discard(Some(&doc));
    writer.flush_now().unwrap();
    assert!(!file.exists());
    assert!(writer.take_error().is_none());
}

#[test]
fn find_offers_copies_of_ended_processes_only() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    assert!(find(&folder.join("never-created")).is_empty());

    // This process is running: its copy is not offered.
    let mine = write_snapshot(folder, &snapshot(Some(&folder.join("a.ron")), "mine", 1)).unwrap();
    assert!(offered(folder).is_empty());

    // A copy of an ended process is.
    let theirs =
        write_snapshot(folder, &snapshot(Some(&folder.join("b.ron")), "theirs", 1)).unwrap();
    let pid = as_if_left_by_a_dead_process(&theirs);
    let found = offered(folder);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].file, theirs);
    assert_eq!(found[0].pid, pid);

    // Linux tells exactly, from /proc, the boot and the process's start.
    if Path::new("/proc/self/stat").exists() {
        // Another running process (this one's parent, say another window).
        let parent = std::os::unix::process::parent_id();
        set_header(&theirs, "pid", &parent.to_string());
        set_header(&theirs, "session", "0");
        set_header(&theirs, "process-start", &start_ticks(parent).to_string());
        assert!(
            offered(folder).is_empty(),
            "a running process's copy is offered"
        );
        // The same id, but the process started later: the id was reused.
        set_header(&theirs, "process-start", "1");
        assert_eq!(offered(folder).len(), 1);
        // The same process start, in another boot: ended too.
        set_header(&theirs, "process-start", &start_ticks(parent).to_string());
        set_header(&theirs, "boot-id", "\"another-boot\"");
        assert_eq!(offered(folder).len(), 1);

        // This process's id, but an earlier process that had it: offered.
        set_header(&mine, "session", "0");
        set_header(&mine, "process-start", "1");
        assert!(offered(folder).iter().any(|r| r.file == mine));
    }

    // Newest first.
    let found = offered(folder);
    assert!(found.windows(2).all(|w| w[0].written >= w[1].written));

    // Discarded: gone; discarding twice is not an error.
    for copy in found {
        let again = copy.clone();
        copy.discard().unwrap();
        again.discard().unwrap();
    }
    assert!(offered(folder).is_empty());
}

#[test]
fn a_panic_with_the_hook_installed_leaves_a_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let doc = dir.path().join("office.ron");
    // The writer never gets to write: only the hook can.
    let writer = RecoveryWriter::with_interval(folder.clone(), Duration::from_secs(3600));
    let latest = writer.latest();
    install_panic_hook(writer.latest(), folder.clone());
    *latest.lock().unwrap() = Some(snapshot(Some(&doc), "unsaved at the crash", 5));

    let crashed = std::thread::spawn(|| panic!("a bug in the window")).join();
    assert!(crashed.is_err());

    let file = recovery_file(&folder, Some(&doc));
    assert_eq!(title_in(&file).as_deref(), Some("unsaved at the crash"));
    as_if_left_by_a_dead_process(&file);
    let found = offered(&folder);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].revision, Some(5));
    assert_eq!(
        found[0].load().unwrap().title.as_deref(),
        Some("unsaved at the crash")
    );

    // The panicking thread holds the snapshot's lock: the hook gives up
    // rather than deadlock, and the process goes on dying.
    let holder = Arc::clone(&latest);
    let crashed = std::thread::spawn(move || {
        let mut guard = holder.lock().unwrap();
        *guard = Some(snapshot(Some(&doc), "poisoned", 6));
        panic!("while holding the snapshot");
    })
    .join();
    assert!(crashed.is_err());
    assert_eq!(title_in(&file).as_deref(), Some("unsaved at the crash"));
    // The lock is now poisoned: the next panic still writes the snapshot.
    let crashed = std::thread::spawn(|| panic!("again")).join();
    assert!(crashed.is_err());
    assert_eq!(title_in(&file).as_deref(), Some("poisoned"));

    // The hook stays installed for the rest of the tests: leave it nothing.
    *latest.lock().unwrap_or_else(|p| p.into_inner()) = None;
    drop(writer);
}

#[test]
fn damaged_copies_are_reported_by_find_and_load_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    let damaged: &[(&str, &[u8])] = &[
        ("empty.ron", b""),
        ("not-a-copy.ron", b"(format: 1)\n"),
        ("binary.ron", b"\x00\xff\xfe\x01garbage"),
        (
            "header-only.ron",
            b"// Liaison Desk recovery copy\n// recovery-format: 1\n",
        ),
        ("no-newline.ron", b"// Liaison Desk recovery copy"),
        (
            "no-pid.ron",
            b"// Liaison Desk recovery copy\n// recovery-format: 1\n\
              // written: 2026-01-01T00:00:00+00:00\n(format: 1)\n",
        ),
        (
            "bad-time.ron",
            b"// Liaison Desk recovery copy\n// recovery-format: 1\n\
              // written: yesterday\n// pid: 1\n(format: 1)\n",
        ),
        (
            "bad-utf8-header.ron",
            b"// Liaison Desk recovery copy\n// title: \xff\n(format: 1)\n",
        ),
        (
            "bad-quote.ron",
            b"// Liaison Desk recovery copy\n// recovery-format: 1\n\
              // written: 2026-01-01T00:00:00+00:00\n// pid: 1\n// original: \"unclosed\n\
              (format: 1)\n",
        ),
    ];
    for (name, bytes) in damaged {
        fs::write(folder.join(name), bytes).unwrap();
    }
    fs::write(
        folder.join("newer.ron"),
        "// Liaison Desk recovery copy\n// recovery-format: 2\n(format: 1)\n",
    )
    .unwrap();
    // Not copies at all: ignored.
    fs::write(folder.join("notes.txt"), "hello").unwrap();
    fs::write(folder.join(".tmp-copy.ron"), "partial").unwrap();
    fs::create_dir(folder.join("sub.ron")).unwrap();

    // A good header over damaged data: offered, but loading it says why.
    let cut = write_snapshot(folder, &snapshot(None, "cut", 1)).unwrap();
    let text = fs::read_to_string(&cut).unwrap();
    fs::write(&cut, &text[..text.len() - 20]).unwrap();
    as_if_left_by_a_dead_process(&cut);

    let found = find(folder);
    assert_eq!(found.len(), damaged.len() + 2, "{found:#?}");
    let mut reported: Vec<String> = Vec::new();
    for entry in &found {
        match entry {
            Ok(copy) => {
                assert_eq!(copy.file, cut);
                let err = copy.load().unwrap_err();
                assert!(matches!(err, RecoveryError::Data { .. }), "{err:?}");
                let message = err.to_string();
                assert!(message.contains(&cut.display().to_string()), "{message}");
                assert!(message.contains("discard it"), "{message}");
            }
            Err(err) => {
                let file = err.file().unwrap();
                let message = err.to_string();
                assert!(message.contains(&file.display().to_string()), "{message}");
                reported.push(file.file_name().unwrap().to_str().unwrap().to_owned());
                if file.ends_with("newer.ron") {
                    assert!(matches!(err, RecoveryError::Newer { version: 2, .. }));
                    assert!(message.contains("newer version"), "{message}");
                } else {
                    assert!(matches!(err, RecoveryError::Damaged { .. }), "{err:?}");
                }
            }
        }
    }
    assert!(found[0].is_ok(), "copies come before errors");
    reported.sort();
    let mut expected: Vec<String> = damaged.iter().map(|(n, _)| (*n).to_owned()).collect();
    expected.push("newer.ron".to_owned());
    expected.sort();
    assert_eq!(reported, expected);

    // The user may discard a damaged file too.
    for entry in found {
        match entry {
            Ok(copy) => copy.discard().unwrap(),
            Err(err) => discard_file(err.file().unwrap()).unwrap(),
        }
    }
    assert!(find(folder).is_empty());
}

#[test]
fn writer_errors_are_reported_once_and_returned_on_exit_paths() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("a-file");
    fs::write(&not_a_folder, "").unwrap();
    let folder = not_a_folder.join("recovery");
    let writer = RecoveryWriter::with_interval(folder.clone(), Duration::from_millis(50));

    writer.submit(snapshot(None, "r1", 1));
    let mut error = None;
    assert!(wait_until(Duration::from_secs(5), || {
        error = writer.take_error();
        error.is_some()
    }));
    let message = error.unwrap().to_string();
    assert!(message.contains(&folder.display().to_string()), "{message}");
    assert!(message.contains("save your work"), "{message}");

    // It keeps trying, without repeating the same news.
    writer.submit(snapshot(None, "r2", 2));
    std::thread::sleep(Duration::from_millis(300));
    assert!(writer.take_error().is_none());
    assert_eq!(writer.status().writes, 0);

    // An exit path is told directly.
    let err = writer.flush_now().unwrap_err();
    assert!(matches!(err, RecoveryError::Write { .. }), "{err:?}");
    assert!(
        writer.take_error().is_none(),
        "returned, so not kept as well"
    );
}

#[test]
fn the_default_folder_follows_the_environment_override() {
    const EXPECT: &str = "LIAISON_DESK_TEST_EXPECT_FOLDER";
    if let Some(expected) = std::env::var_os(EXPECT) {
        // In the child process started below.
        let folder = default_folder().unwrap();
        if expected == "default" {
            assert!(folder.ends_with("recovery"), "{}", folder.display());
            assert!(
                folder.to_string_lossy().contains("liaison-desk"),
                "{}",
                folder.display()
            );
        } else {
            assert_eq!(folder, PathBuf::from(expected));
        }
        return;
    }
    let run = |override_value: &str, expected: &str| {
        let output = Command::new(std::env::current_exe().unwrap())
            .args([
                "the_default_folder_follows_the_environment_override",
                "--exact",
                "--test-threads=1",
            ])
            .env(FOLDER_ENV, override_value)
            .env(EXPECT, expected)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(stdout.contains("1 passed"), "{stdout}");
    };
    run(
        "/tmp/liaison-desk-test-recovery",
        "/tmp/liaison-desk-test-recovery",
    );
    run("", "default");
}

#[test]
fn the_lock_on_the_latest_snapshot_is_the_one_the_writer_uses() {
    let dir = tempfile::tempdir().unwrap();
    let writer = RecoveryWriter::with_interval(dir.path().to_owned(), Duration::from_secs(3600));
    let latest: Arc<Mutex<Option<Snapshot>>> = writer.latest();
    writer.submit(snapshot(None, "seen", 1));
    assert_eq!(latest.lock().unwrap().as_ref().map(|s| s.revision), Some(1));
    assert_eq!(writer.folder(), dir.path());
}
