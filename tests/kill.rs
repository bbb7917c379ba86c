//! A save killed at any moment (SIGKILL: a crash, the out-of-memory killer,
//! a session logged out) leaves the data file whole: byte for byte the old
//! version or the new one, never a mix, never empty; and `NAME.bak` always
//! reads. The real binary saves two versions in turn (`liaison-desk
//! stress-save`, hidden) and is killed at random moments, many times.
//!
//! This is a process crash, not a power cut: what reached the kernel
//! survives a SIGKILL whether or not it was fsynced. The fsyncs themselves
//! are `atomic-write-file`'s (see `src/storage.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use liaison_desk::format::{parse_bytes, to_ron_string};
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::storage::backup_path;
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

const BIN: &str = env!("CARGO_BIN_EXE_liaison-desk");

/// How many times the saving process is killed.
const KILLS: usize = 200;

/// The saving process, killed and reaped when dropped (also when the test
/// fails halfway).
struct Saver {
    child: Child,
    lines: BufReader<ChildStdout>,
}

impl Saver {
    fn start(file: &Path, a: &Path, b: &Path, rounds: usize) -> Self {
        let mut child = Command::new(BIN)
            .arg("stress-save")
            .args([file, a, b])
            .args(["--rounds", &rounds.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
        let lines = BufReader::new(child.stdout.take().expect("piped stdout"));
        Saver { child, lines }
    }

    /// Waits for the next `saved N` line; `None` when the process ended.
    fn next_save(&mut self) -> Option<String> {
        let mut line = String::new();
        match self.lines.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end().to_owned()),
        }
    }

    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// Which of the two versions `bytes` is, if any.
fn which(bytes: &[u8], versions: &[String; 2]) -> Option<usize> {
    versions.iter().position(|v| v.as_bytes() == bytes)
}

fn describe(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(bytes.get(..80).unwrap_or(bytes)).into_owned();
    format!("{} bytes starting {head:?}", bytes.len())
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    // Two versions of the same size class, different from the first line on
    // (a different title) to the last: a mix of both would show.
    let versions: [String; 2] = [1, 2].map(|seed| {
        let mut dataset = generate(GenerateOptions {
            meetings: 200,
            seed,
        });
        dataset.title = Some(format!("version {seed}"));
        to_ron_string(&dataset)
    });
    assert_ne!(versions[0], versions[1]);
    let inputs: Vec<PathBuf> = versions
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.path().join(format!("version-{i}.ron"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("office.ron");
    let backup = backup_path(&file);
    std::fs::write(&file, &versions[0]).unwrap();
    std::fs::write(&backup, &versions[1]).unwrap();

    // How long one save takes here, so that kills land anywhere in one.
    let mut saver = Saver::start(&file, &inputs[0], &inputs[1], 12);
    assert_eq!(saver.next_save().as_deref(), Some("saved 0"));
    let started = Instant::now();
    let mut rounds = 0u32;
    while saver.next_save().is_some() {
        rounds += 1;
    }
    assert_eq!(rounds, 11, "the calibration run saved every round");
    drop(saver);
    let save_time = started.elapsed() / rounds;
    let max_delay = (save_time * 5 / 4).max(Duration::from_millis(1));

    let mut rng = ChaCha8Rng::seed_from_u64(0x6b69_6c6c);
    let mut seen = [0usize; 2];
    let test_started = Instant::now();
    for kill in 0..KILLS {
        let mut saver = Saver::start(&file, &inputs[0], &inputs[1], 1_000_000);
        // A first save has begun and ended: from here every moment is one
        // of a save (reading, writing, the backup, the rename, fsyncs).
        assert!(
            saver.next_save().is_some(),
            "kill {kill}: the saving process ended before its first save"
        );
        let delay = rng.random_range(Duration::ZERO..=max_delay);
        std::thread::sleep(delay);
        saver.kill();

        let on_disk = std::fs::read(&file).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        let version = which(&on_disk, &versions).unwrap_or_else(|| {
            panic!(
                "kill {kill} after {delay:?}: the file is neither version: {}",
                describe(&on_disk)
            )
        });
        seen[version] += 1;
        let backed_up = std::fs::read(&backup).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        assert!(
            which(&backed_up, &versions).is_some(),
            "kill {kill} after {delay:?}: the backup is neither version: {}",
            describe(&backed_up)
        );
        assert!(
            parse_bytes(&backed_up).is_ok(),
            "kill {kill}: the backup reads"
        );
    }
    let leftovers = std::fs::read_dir(&folder)
        .unwrap()
        .count()
        .saturating_sub(2);
    println!(
        "{KILLS} kills in {:?}, up to {max_delay:?} into a save of ~{save_time:?}: \
         the file was version 0 {} times and version 1 {} times; \
         {leftovers} temporary files of killed saves were left in the folder",
        test_started.elapsed(),
        seen[0],
        seen[1],
    );
    assert!(
        seen.iter().all(|n| *n > 0),
        "kills landed before and after a save's rename: {seen:?}"
    );

    // Whatever the kills left (an unnamed temporary file leaves nothing;
    // a kill between naming it and the rename leaves one), once it is old
    // enough to belong to no running save, the next save removes it.
    let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in std::fs::read_dir(&folder).unwrap() {
        let entry = entry.unwrap();
        std::fs::File::options()
            .write(true)
            .open(entry.path())
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    let version = parse_bytes(&std::fs::read(&inputs[0]).unwrap()).unwrap();
    liaison_desk::storage::save_file(&file, &version.dataset).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["office.ron", "office.ron.bak"],
        "no temporary file of a killed save is left"
    );
}
