//! Crash recovery: unsaved work kept in a recovery copy until it is saved.
//!
//! While a document has unsaved changes, the window hands a [`Snapshot`] of it
//! to a [`RecoveryWriter`], which writes it off the UI thread at most every
//! [`MIN_INTERVAL`], always the latest one (snapshots submitted in between are
//! coalesced), and once more on exit paths ([`RecoveryWriter::flush_now`],
//! and when the writer is dropped). A panic hook ([`install_panic_hook`])
//! writes the latest snapshot before the process dies. After a successful
//! save, or when the user discards the changes, the copy is removed
//! ([`RecoveryWriter::discard`]). At the next start, [`find`] lists the
//! copies left behind by processes that are no longer running, so the app
//! can offer to restore ([`Recovered::load`]) or discard
//! ([`Recovered::discard`]) each one.
//!
//! # On disk
//!
//! One folder, [`default_folder`]: the user's local data folder
//! (`~/.local/share/liaison-desk/recovery` on Linux,
//! `~/Library/Application Support/liaison-desk/recovery` on macOS,
//! `%LOCALAPPDATA%\liaison-desk\data\recovery` on Windows), or the folder
//! named by the environment variable [`FOLDER_ENV`]
//! (`LIAISON_DESK_RECOVERY_DIR`), which tests and scripts set so that runs do
//! not share state. The folder is created on the first write (private to
//! the user on Unix).
//!
//! One file per open document and process, written atomically (temporary
//! file, fsync, rename): `SLUG-HASH-PID-SESSION.ron` for a document with a
//! path (`SLUG` from its file name, `HASH` a 64-bit FNV-1a of its canonical
//! path, `SESSION` a stamp of this process's start), `untitled-PID-SESSION.ron`
//! for one without. The process's id and stamp in the name mean that two
//! windows on the same file, or a new process that happens to get the id of a
//! dead one, never overwrite each other's copies.
//!
//! The file is a header of `//` comment lines, then the data exactly as a
//! save writes it ([`crate::format::to_ron_string`]). The whole file is thus a
//! valid data file that any RON reader (and `liaison-desk validate`) accepts,
//! and a person can rescue it with a text editor. The header:
//!
//! ```text
//! // Liaison Desk recovery copy: unsaved changes, kept in case the app stopped before they were saved.
//! // …two lines of explanation…
//! // recovery-format: 1
//! // original: "/home/ana/boston.ron"           (a quoted RON string, or none)
//! // title: "Carnot network"                    (the data's title, or none)
//! // written: 2026-03-04T14:32:10.123+01:00     (RFC 3339, local time)
//! // pid: 4242
//! // session: 18e0c3a9f2b
//! // boot-id: "…"                               (Linux: the boot it was written in)
//! // process-start: 123456                      (Linux: the process's start, in clock ticks)
//! // app-version: 0.1.0
//! // revision: 17
//! // unsaved-edits: 5                           (or none)
//! ```
//!
//! A path that is not valid UTF-8 is written as `original-hex:` (its bytes in
//! hexadecimal) on Unix. Unknown header keys are ignored, so later versions
//! may add some; a `recovery-format` greater than this program knows is
//! refused with a clear message rather than misread.
//!
//! # Is the process that wrote it still running?
//!
//! A copy of a process that still runs belongs to another open window and is
//! not offered. On Linux this is checked exactly: the copy records the boot
//! and the process's start time, so `/proc/PID` of a reused process id is not
//! mistaken for the writer. Elsewhere, a copy is taken for a running
//! process's while its modification time is less than [`STALE_AFTER`] old;
//! the writer touches its copies every minute to keep them fresh.
//!
//! Architecture invariant: no egui here, no panic on anything read from the
//! folder, and no error in silence: the writer's errors are kept for the
//! window to show once ([`RecoveryWriter::take_error`]).

#![deny(clippy::indexing_slicing)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use atomic_write_file::AtomicWriteFile;
use chrono::{DateTime, Local, SecondsFormat};

use crate::format::{self, ReadError};
use crate::i18n::{Msg, catalogue::core};
use crate::model::Dataset;
use crate::storage::MAX_FILE_BYTES;

/// The environment variable that, when set and not empty, names the
/// recovery folder instead of the user's data folder.
pub const FOLDER_ENV: &str = "LIAISON_DESK_RECOVERY_DIR";

/// The shortest time between two background writes of a recovery copy.
pub const MIN_INTERVAL: Duration = Duration::from_secs(30);

/// Where `/proc` cannot tell (outside Linux), a copy whose file has not been
/// touched for this long is taken for one left by a process that ended.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// How often the writer touches its copies, so that they stay fresh.
const HEARTBEAT: Duration = Duration::from_secs(60);

/// How long an exit path waits for the writer before giving up.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(30);

/// The version of the header layout this program writes and reads.
const RECOVERY_FORMAT: u32 = 1;

/// The start of a recovery copy's first line.
const MARKER: &str = "// Liaison Desk recovery copy"; // i18n: written in the file

/// [`find`] reads at most this much of each copy to read its header.
const HEADER_LIMIT: u64 = 64 * 1024;

/// The recovery folder: [`FOLDER_ENV`] when it is set and not empty,
/// otherwise `recovery` in the user's local data folder for `liaison-desk`.
/// `None` when the system has no home folder to put it in.
pub fn default_folder() -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os(FOLDER_ENV)
        && !folder.is_empty()
    {
        return Some(PathBuf::from(folder));
    }
    let dirs = directories::ProjectDirs::from("", "", "liaison-desk")?;
    Some(dirs.data_local_dir().join("recovery"))
}

/// What went wrong while keeping or reading a recovery copy, and which one.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// A recovery copy could not be written.
    #[error(
        "{}",
        core::RECOVERY_WRITE.with(&[
            ("file", &file.display()),
            ("step", step),
            ("error", &io_hint(source)),
        ])
    )]
    Write {
        /// The recovery copy.
        file: PathBuf,
        /// What was being done: one of the catalogue's `core::STEP_`
        /// messages, worded when the error is shown.
        step: Msg,
        /// The system's error.
        source: io::Error,
    },
    /// The recovery folder could not be listed.
    #[error(
        "{}",
        core::RECOVERY_LIST.with(&[("folder", &folder.display()), ("error", &io_hint(source))])
    )]
    List {
        /// The recovery folder.
        folder: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// A recovery copy could not be read.
    #[error(
        "{}",
        core::RECOVERY_READ.with(&[("file", &file.display()), ("error", &io_hint(source))])
    )]
    Read {
        /// The recovery copy.
        file: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The file is not a recovery copy this program can read.
    #[error(
        "{}",
        core::RECOVERY_DAMAGED.with(&[("file", &file.display()), ("reason", reason)])
    )]
    Damaged {
        /// The file.
        file: PathBuf,
        /// What is wrong with it, in the language of the thread that read it.
        reason: String,
    },
    /// Written by a newer version of the app, whose header this one cannot read.
    #[error(
        "{}",
        core::RECOVERY_NEWER.with(&[("file", &file.display()), ("version", version)])
    )]
    Newer {
        /// The recovery copy.
        file: PathBuf,
        /// The version of its header.
        version: u32,
    },
    /// Too large to be read into memory.
    #[error(
        "{}",
        core::RECOVERY_TOO_LARGE.with(&[
            ("file", &file.display()),
            ("size", size),
            ("limit", limit),
        ])
    )]
    TooLarge {
        /// The recovery copy.
        file: PathBuf,
        /// Its size.
        size: u64,
        /// [`MAX_FILE_BYTES`].
        limit: u64,
    },
    /// The header is fine, the data below it is not.
    #[error("{}", data_error(file, *header_lines, error))]
    Data {
        /// The recovery copy.
        file: PathBuf,
        /// How many lines the header has (the data's line 1 is the file's
        /// line `header_lines + 1`).
        header_lines: usize,
        /// What is wrong with the data.
        error: ReadError,
    },
    /// A recovery copy could not be removed.
    #[error(
        "{}",
        core::RECOVERY_REMOVE.with(&[("file", &file.display()), ("error", &io_hint(source))])
    )]
    Remove {
        /// The recovery copy.
        file: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The writer did not answer in time on an exit path.
    #[error(
        "{}",
        core::RECOVERY_TIMED_OUT.with(&[("folder", &folder.display()), ("seconds", seconds)])
    )]
    TimedOut {
        /// The recovery folder.
        folder: PathBuf,
        /// How long it was given.
        seconds: u64,
    },
    /// The background thread could not be started.
    #[error("{}", core::RECOVERY_START.with(&[("error", source)]))]
    Start {
        /// The system's error.
        source: io::Error,
    },
}

impl RecoveryError {
    /// The recovery copy the error is about, when it is about one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            RecoveryError::Write { file, .. }
            | RecoveryError::Read { file, .. }
            | RecoveryError::Damaged { file, .. }
            | RecoveryError::Newer { file, .. }
            | RecoveryError::TooLarge { file, .. }
            | RecoveryError::Data { file, .. }
            | RecoveryError::Remove { file, .. } => Some(file),
            RecoveryError::List { .. }
            | RecoveryError::TimedOut { .. }
            | RecoveryError::Start { .. } => None,
        }
    }
}

fn data_error(file: &Path, header_lines: usize, error: &ReadError) -> String {
    let place = match error.position() {
        Some((line, col)) => format!("{}:{}:{col}", file.display(), line + header_lines),
        None => file.display().to_string(),
    };
    core::RECOVERY_DATA.with(&[("place", &place), ("error", error)])
}

/// The system's message, plus what to do for the usual causes.
fn io_hint(err: &io::Error) -> String {
    let hint = match err.kind() {
        io::ErrorKind::NotFound => core::RECOVERY_HINT_NOT_FOUND.text(),
        io::ErrorKind::PermissionDenied => core::RECOVERY_HINT_NO_RIGHT.text(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            core::RECOVERY_HINT_DISK_FULL.text()
        }
        io::ErrorKind::ReadOnlyFilesystem => core::RECOVERY_HINT_READ_ONLY.text(),
        io::ErrorKind::NotADirectory => core::HINT_NOT_A_FOLDER.text(),
        _ => "",
    };
    format!("{err}{hint}")
}

/// The state of one document to keep: what the window hands to the writer.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The document's file, `None` while it is untitled.
    pub path: Option<PathBuf>,
    /// The data. Shared, so that keeping the latest snapshot costs no copy.
    pub dataset: Arc<Dataset>,
    /// Which state of the document this is (the window numbers the states
    /// it hands over: an edit, or a form typed on top of the same edits,
    /// is a new one): a snapshot whose document and revision were already
    /// written is not written again.
    pub revision: u64,
    /// How many edits are unsaved, when the window knows (shown when
    /// offering the copy).
    pub unsaved_edits: Option<u64>,
}

/// Who this process is, as written into its copies.
struct ThisProcess {
    pid: u32,
    /// Tells this process from an earlier one that had the same id.
    session: String,
    /// Linux: the boot this process runs in.
    boot_id: Option<String>,
    /// Linux: when this process started, in clock ticks since the boot.
    start_ticks: Option<u64>,
}

fn this_process() -> &'static ThisProcess {
    static THIS: OnceLock<ThisProcess> = OnceLock::new();
    THIS.get_or_init(|| {
        let pid = std::process::id();
        let millis = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        ThisProcess {
            pid,
            session: format!("{millis:x}"),
            boot_id: boot_id(),
            start_ticks: start_ticks(pid).ok().flatten(),
        }
    })
}

/// Whether `/proc` can tell which processes run (Linux).
fn has_procfs() -> bool {
    cfg!(any(target_os = "linux", target_os = "android")) && Path::new("/proc/self/stat").exists()
}

fn boot_id() -> Option<String> {
    if !has_procfs() {
        return None;
    }
    let id = fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let id = id.trim();
    (!id.is_empty()).then(|| id.to_owned())
}

/// When process `pid` started (field 22 of `/proc/PID/stat`); `Ok(None)`
/// when the line cannot be understood; `Err` (NotFound) when no such
/// process runs.
fn start_ticks(pid: u32) -> io::Result<Option<u64>> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // The command name (field 2) is in parentheses and may hold spaces and
    // parentheses: the fields after the last ')' start at field 3.
    Ok(stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().nth(22 - 3))
        .and_then(|ticks| ticks.parse().ok()))
}

/// The recovery copy this process writes for the document at `document`
/// (`None`: untitled) in `folder`.
pub fn recovery_file(folder: &Path, document: Option<&Path>) -> PathBuf {
    let me = this_process();
    let name = match document {
        None => format!("untitled-{}-{}.ron", me.pid, me.session),
        Some(path) => {
            let canonical = fs::canonicalize(path)
                .or_else(|_| std::path::absolute(path))
                .unwrap_or_else(|_| path.to_owned());
            format!(
                "{}-{:016x}-{}-{}.ron",
                slug(path),
                fnv1a(canonical.as_os_str().as_encoded_bytes()),
                me.pid,
                me.session
            )
        }
    };
    folder.join(name)
}

/// A short, safe reminder of the document's name for the copy's file name.
fn slug(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 32 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "data".to_owned()
    } else {
        slug.to_owned()
    }
}

/// 64-bit FNV-1a: small, and the same in every build.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Writes `snapshot` now, on the calling thread, to this process's copy for
/// its document ([`recovery_file`]), and returns that file.
pub fn write_snapshot(folder: &Path, snapshot: &Snapshot) -> Result<PathBuf, RecoveryError> {
    let file = recovery_file(folder, snapshot.path.as_deref());
    write_to(folder, &file, snapshot)?;
    Ok(file)
}

fn write_to(
    folder: &Path,
    file: &Path,
    snapshot: &Snapshot,
) -> Result<DateTime<Local>, RecoveryError> {
    let err = |step: Msg| {
        move |source: io::Error| RecoveryError::Write {
            file: file.to_owned(),
            step,
            source,
        }
    };
    create_folder(folder).map_err(err(core::STEP_RECOVERY_FOLDER))?;
    let written = Local::now();
    let text = render(snapshot, written).map_err(err(core::STEP_HEADER))?;
    let mut out = AtomicWriteFile::options()
        .open(file)
        .map_err(err(core::STEP_CREATING_FILE))?;
    out.write_all(text.as_bytes())
        .map_err(err(core::STEP_WRITING))?;
    out.commit().map_err(err(core::STEP_FINISHING))?;
    Ok(written)
}

/// Creates the folder, private to the user on Unix: copies hold the data.
fn create_folder(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

/// A string as a one-line RON string literal.
fn quote(text: &str) -> io::Result<String> {
    ron::to_string(text).map_err(io::Error::other)
}

/// The header, then the data as a save writes it.
fn render(snapshot: &Snapshot, written: DateTime<Local>) -> io::Result<String> {
    let me = this_process();
    let mut out = String::new();
    let mut line = |key: &str, value: &str| {
        // Writing to a String cannot fail.
        writeln!(out, "// {key}: {value}").ok();
    };
    let original = match &snapshot.path {
        None => ("original", "none".to_owned()),
        Some(path) => match path.to_str() {
            Some(text) => ("original", quote(text)?),
            None => original_bytes(path),
        },
    };
    let title = match &snapshot.dataset.title {
        Some(title) => quote(title)?,
        None => "none".to_owned(),
    };
    line("recovery-format", &RECOVERY_FORMAT.to_string());
    line(original.0, &original.1);
    line("title", &title);
    line(
        "written",
        &written.to_rfc3339_opts(SecondsFormat::Millis, false),
    );
    line("pid", &me.pid.to_string());
    line("session", &me.session);
    if let Some(boot_id) = &me.boot_id {
        line("boot-id", &quote(boot_id)?);
    }
    if let Some(ticks) = me.start_ticks {
        line("process-start", &ticks.to_string());
    }
    line("app-version", env!("CARGO_PKG_VERSION"));
    line("revision", &snapshot.revision.to_string());
    line(
        "unsaved-edits",
        &snapshot
            .unsaved_edits
            .map_or_else(|| "none".to_owned(), |n| n.to_string()),
    );
    let data = format::to_ron_string(&snapshot.dataset);
    let mut text = String::with_capacity(out.len() + data.len() + 400);
    text.push_str(MARKER);
    text.push_str(
        // i18n: written in the file
        ": unsaved changes, kept in case the app stopped before they were saved.\n\
         // Liaison Desk offers to restore or discard it at its next start. Below this\n\
         // header is an ordinary data file (format v1), which can also be saved on its own.\n",
    );
    text.push_str(&out);
    text.push_str(&data);
    Ok(text)
}

#[cfg(unix)]
fn original_bytes(path: &Path) -> (&'static str, String) {
    use std::os::unix::ffi::OsStrExt as _;
    let mut hex = String::new();
    for b in path.as_os_str().as_bytes() {
        write!(hex, "{b:02x}").ok();
    }
    ("original-hex", hex)
}

#[cfg(not(unix))]
fn original_bytes(path: &Path) -> (&'static str, String) {
    let lossy = path.to_string_lossy();
    (
        "original",
        quote(&lossy).unwrap_or_else(|_| "none".to_owned()),
    )
}

#[cfg(unix)]
fn path_from_hex(hex: &str) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt as _;
    let bytes = hex.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = bytes
        .chunks(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|p| u8::from_str_radix(p, 16).ok())
        })
        .collect();
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(&bytes?)))
}

#[cfg(not(unix))]
fn path_from_hex(_hex: &str) -> Option<PathBuf> {
    None
}

/// What a copy's header says.
#[derive(Debug)]
struct Header {
    original: Option<PathBuf>,
    title: Option<String>,
    written: DateTime<Local>,
    pid: u32,
    session: Option<String>,
    boot_id: Option<String>,
    process_start: Option<u64>,
    app_version: String,
    revision: Option<u64>,
    unsaved_edits: Option<u64>,
    /// Where the data starts, in bytes (after a byte-order mark, which
    /// [`Recovered::load`] strips the same way).
    data_offset: usize,
    /// How many lines the header has.
    lines: usize,
}

/// Reads the header at the start of `bytes`; `complete` says whether
/// `bytes` is the whole file.
fn parse_header(file: &Path, bytes: &[u8], complete: bool) -> Result<Header, RecoveryError> {
    let damaged = |reason: Msg| RecoveryError::Damaged {
        file: file.to_owned(),
        reason: reason.text().to_owned(),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() {
        return Err(damaged(core::DAMAGED_EMPTY));
    }
    let mut fields: HashMap<String, String> = HashMap::new();
    let mut offset = 0;
    let mut lines = 0;
    loop {
        let rest = bytes.get(offset..).unwrap_or_default();
        if !rest.starts_with(b"//") {
            break;
        }
        let Some(end) = rest.iter().position(|&b| b == b'\n') else {
            return Err(damaged(if complete {
                core::DAMAGED_NO_DATA
            } else {
                core::DAMAGED_HEADER_TOO_LONG
            }));
        };
        let line = rest.get(..end).unwrap_or_default();
        let line = std::str::from_utf8(line)
            .map_err(|_| damaged(core::DAMAGED_HEADER_NOT_UTF8))?
            .trim_end_matches('\r');
        if lines == 0 && !line.starts_with(MARKER) {
            break;
        }
        if let Some((key, value)) = line.strip_prefix("// ").and_then(|l| l.split_once(": ")) {
            fields.insert(key.to_owned(), value.trim().to_owned());
        }
        offset += end + 1;
        lines += 1;
    }
    if lines == 0 {
        return Err(damaged(core::DAMAGED_NO_HEADER));
    }
    let field = |key: &str| fields.get(key).map(String::as_str);
    let version: u32 = field("recovery-format")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| damaged(core::DAMAGED_NO_FORMAT))?;
    if version > RECOVERY_FORMAT {
        return Err(RecoveryError::Newer {
            file: file.to_owned(),
            version,
        });
    }
    let written = field("written")
        .and_then(|w| DateTime::parse_from_rfc3339(w).ok())
        .ok_or_else(|| damaged(core::DAMAGED_NO_WRITTEN))?
        .with_timezone(&Local);
    let pid = field("pid")
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| damaged(core::DAMAGED_NO_PID))?;
    let unquote = |key: &str| -> Result<Option<String>, RecoveryError> {
        match field(key) {
            None | Some("none") => Ok(None),
            Some(text) => {
                ron::from_str::<String>(text)
                    .map(Some)
                    .map_err(|_| RecoveryError::Damaged {
                        file: file.to_owned(),
                        reason: core::DAMAGED_NOT_QUOTED.with(&[("key", &key)]),
                    })
            }
        }
    };
    let number = |key: &str| field(key).and_then(|n| n.parse::<u64>().ok());
    let original = match field("original-hex") {
        Some(hex) => Some(path_from_hex(hex).ok_or_else(|| damaged(core::DAMAGED_BAD_HEX))?),
        None => unquote("original")?.map(PathBuf::from),
    };
    if is_blank(bytes.get(offset..).unwrap_or_default()) && complete {
        return Err(damaged(core::DAMAGED_NO_DATA));
    }
    Ok(Header {
        original,
        title: unquote("title")?,
        written,
        pid,
        session: field("session").map(str::to_owned),
        boot_id: unquote("boot-id")?,
        process_start: number("process-start"),
        app_version: field("app-version").unwrap_or("unknown").to_owned(),
        revision: number("revision"),
        unsaved_edits: number("unsaved-edits"),
        data_offset: offset,
        lines,
    })
}

fn is_blank(rest: &[u8]) -> bool {
    rest.iter().all(u8::is_ascii_whitespace)
}

/// Whether the process that wrote a copy still runs (the copy then belongs
/// to another open window, or to this one).
fn is_running(header: &Header, file: &Path) -> bool {
    let me = this_process();
    if header.pid == me.pid {
        if header.session.as_deref() == Some(me.session.as_str()) {
            return true;
        }
        if !has_procfs() {
            // Our id, another session: an earlier process that had our id.
            return false;
        }
    }
    if has_procfs() {
        if let (Some(then), Some(now)) = (&header.boot_id, &me.boot_id)
            && then != now
        {
            return false;
        }
        return match start_ticks(header.pid) {
            Ok(Some(ticks)) => header.process_start.is_none_or(|start| start == ticks),
            Ok(None) => true,
            Err(err) if err.kind() == io::ErrorKind::NotFound => false,
            Err(_) => Path::new(&format!("/proc/{}", header.pid)).exists(),
        };
    }
    let age = fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok());
    age.is_some_and(|age| age < STALE_AFTER)
}

/// A recovery copy left behind by a process that is no longer running,
/// as [`find`] lists it: what the window shows when offering it.
#[derive(Debug, Clone)]
pub struct Recovered {
    /// The recovery copy itself.
    pub file: PathBuf,
    /// The document it is a copy of; `None` for an untitled one.
    pub original: Option<PathBuf>,
    /// The data's title, when it has one.
    pub title: Option<String>,
    /// When it was written.
    pub written: DateTime<Local>,
    /// The process that wrote it.
    pub pid: u32,
    /// The version of Liaison Desk that wrote it.
    pub app_version: String,
    /// The workspace's revision it was taken at.
    pub revision: Option<u64>,
    /// How many edits were unsaved, when the writer knew.
    pub unsaved_edits: Option<u64>,
}

impl Recovered {
    /// Reads the data kept in the copy. The copy stays where it is until
    /// [`Recovered::discard`] (after the restored data is saved, or when the
    /// user declines it).
    pub fn load(&self) -> Result<Dataset, RecoveryError> {
        let (header, bytes) = read_copy(&self.file)?;
        let data = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let data = data.get(header.data_offset..).unwrap_or_default();
        format::parse_bytes(data)
            .map(|parsed| parsed.dataset)
            .map_err(|error| RecoveryError::Data {
                file: self.file.clone(),
                header_lines: header.lines,
                error,
            })
    }

    /// Removes the copy. A copy already gone (discarded from another
    /// window) is not an error.
    pub fn discard(self) -> Result<(), RecoveryError> {
        remove(&self.file)
    }

    /// Whether the original file was modified after the copy was written:
    /// it was saved since (perhaps by someone else), and restoring the copy
    /// would put back older data over it. `false` when it cannot be told.
    pub fn original_changed_since(&self) -> bool {
        let Some(original) = &self.original else {
            return false;
        };
        fs::metadata(original)
            .and_then(|m| m.modified())
            .map(|modified| DateTime::<Local>::from(modified) > self.written)
            .unwrap_or(false)
    }
}

/// Removes a file from the recovery folder by its path: for an entry [`find`]
/// reported as an error ([`RecoveryError::file`]) that the user chose to
/// discard. A file already gone is not an error.
pub fn discard_file(file: &Path) -> Result<(), RecoveryError> {
    remove(file)
}

fn remove(file: &Path) -> Result<(), RecoveryError> {
    match fs::remove_file(file) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(RecoveryError::Remove {
            file: file.to_owned(),
            source,
        }),
    }
}

/// Reads a whole copy and its header.
fn read_copy(file: &Path) -> Result<(Header, Vec<u8>), RecoveryError> {
    let read_err = |source| RecoveryError::Read {
        file: file.to_owned(),
        source,
    };
    let metadata = fs::metadata(file).map_err(read_err)?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(RecoveryError::TooLarge {
            file: file.to_owned(),
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(file).map_err(read_err)?;
    let header = parse_header(file, &bytes, true)?;
    Ok((header, bytes))
}

/// Reads only the header of a copy.
fn read_header(file: &Path) -> Result<Header, RecoveryError> {
    let read_err = |source| RecoveryError::Read {
        file: file.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    fs::File::open(file)
        .and_then(|f| f.take(HEADER_LIMIT).read_to_end(&mut bytes))
        .map_err(read_err)?;
    let complete = (bytes.len() as u64) < HEADER_LIMIT;
    parse_header(file, &bytes, complete)
}

/// The recovery copies in `folder` left behind by processes that no longer
/// run, newest first, then the files that are not readable copies, each as
/// an error naming it. Copies of running processes (other windows, this
/// one) are left out. A missing folder holds no copies.
pub fn find(folder: &Path) -> Vec<Result<Recovered, RecoveryError>> {
    let list_err = |source| RecoveryError::List {
        folder: folder.to_owned(),
        source,
    };
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => return vec![Err(list_err(err))],
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.push(Err(list_err(err)));
                continue;
            }
        };
        let file = entry.path();
        let name = entry.file_name();
        let hidden = name.to_string_lossy().starts_with('.');
        let is_copy = file.extension().is_some_and(|ext| ext == "ron");
        if hidden || !is_copy || entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        match read_header(&file) {
            Ok(header) => {
                if !is_running(&header, &file) {
                    found.push(Ok(Recovered {
                        file,
                        original: header.original,
                        title: header.title,
                        written: header.written,
                        pid: header.pid,
                        app_version: header.app_version,
                        revision: header.revision,
                        unsaved_edits: header.unsaved_edits,
                    }));
                }
            }
            // Removed meanwhile (discarded from another window).
            Err(RecoveryError::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            }
            Err(err) => found.push(Err(err)),
        }
    }
    found.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => b.written.cmp(&a.written),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(a), Err(b)) => a.file().cmp(&b.file()),
    });
    found
}

/// The last copy the writer wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The recovery copy.
    pub file: PathBuf,
    /// The document it is a copy of.
    pub original: Option<PathBuf>,
    /// The revision written.
    pub revision: u64,
    /// When.
    pub at: DateTime<Local>,
}

/// What the writer has done, for a status line and for tests.
#[derive(Debug, Clone, Default)]
pub struct WriterStatus {
    /// How many copies it has written since it started.
    pub writes: u64,
    /// The last copy written, until it is discarded.
    pub last: Option<Written>,
}

/// What the writer's thread and its handle share.
#[derive(Debug, Default)]
struct Shared {
    /// An error not yet shown.
    error: Option<RecoveryError>,
    /// Writes have been failing since the last success: a new failure is
    /// not reported again.
    failing: bool,
    status: WriterStatus,
}

enum Command {
    /// A new snapshot is waiting.
    Wake,
    /// Write the latest snapshot now, and say how it went.
    Flush(Sender<Result<(), RecoveryError>>),
    /// Remove this process's copy of a document.
    Discard(Option<PathBuf>),
    /// Write what is waiting, then stop.
    Shutdown,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Writes recovery copies on a background thread, at most every interval,
/// always the latest snapshot. One per window. Dropping it writes what is
/// still waiting and stops the thread.
pub struct RecoveryWriter {
    folder: PathBuf,
    interval: Duration,
    latest: Arc<Mutex<Option<Snapshot>>>,
    shared: Arc<Mutex<Shared>>,
    commands: Sender<Command>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for RecoveryWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // i18n: a Debug name
        f.debug_struct("RecoveryWriter")
            .field("folder", &self.folder)
            .field("running", &self.thread.is_some())
            .finish_non_exhaustive()
    }
}

impl RecoveryWriter {
    /// A writer into `folder`, writing at most every [`MIN_INTERVAL`].
    pub fn new(folder: PathBuf) -> Self {
        Self::with_interval(folder, MIN_INTERVAL)
    }

    /// A writer into `folder`, writing at most every `interval` (tests use
    /// a short one).
    pub fn with_interval(folder: PathBuf, interval: Duration) -> Self {
        this_process();
        let latest = Arc::new(Mutex::new(None));
        let shared = Arc::new(Mutex::new(Shared::default()));
        let (commands, receiver) = mpsc::channel();
        let worker = Worker {
            folder: folder.clone(),
            interval,
            latest: Arc::clone(&latest),
            shared: Arc::clone(&shared),
            written: None,
            last_attempt: None,
            files: HashMap::new(),
            next_heartbeat: Instant::now() + HEARTBEAT,
        };
        let thread = std::thread::Builder::new()
            .name("recovery-writer".to_owned())
            .spawn(move || worker.run(receiver));
        let thread = match thread {
            Ok(thread) => Some(thread),
            Err(source) => {
                lock(&shared).error = Some(RecoveryError::Start { source });
                None
            }
        };
        RecoveryWriter {
            folder,
            interval,
            latest,
            shared,
            commands,
            thread,
        }
    }

    /// The folder it writes into.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The least time between two copies: the window hands over snapshots
    /// no more often.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// The latest snapshot, shared with [`install_panic_hook`].
    pub fn latest(&self) -> Arc<Mutex<Option<Snapshot>>> {
        Arc::clone(&self.latest)
    }

    /// Hands the document's current state to the writer, without waiting:
    /// it replaces any snapshot not yet written, and is written when the
    /// interval since the last write has passed (at once if there was none).
    pub fn submit(&self, snapshot: Snapshot) {
        *lock(&self.latest) = Some(snapshot);
        self.send(Command::Wake);
    }

    /// Writes the latest snapshot now if it was not written yet, and waits
    /// for it (at most 30 s): for exit paths. The outcome is returned, not
    /// kept for [`RecoveryWriter::take_error`].
    pub fn flush_now(&self) -> Result<(), RecoveryError> {
        let (ack, answer) = mpsc::channel();
        if !self.send(Command::Flush(ack)) {
            return self.flush_here();
        }
        match answer.recv_timeout(FLUSH_TIMEOUT) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => Err(RecoveryError::TimedOut {
                folder: self.folder.clone(),
                seconds: FLUSH_TIMEOUT.as_secs(),
            }),
            Err(RecvTimeoutError::Disconnected) => self.flush_here(),
        }
    }

    /// [`RecoveryWriter::submit`] then [`RecoveryWriter::flush_now`].
    pub fn write_now_blocking(&self, snapshot: Snapshot) -> Result<(), RecoveryError> {
        *lock(&self.latest) = Some(snapshot);
        self.flush_now()
    }

    /// Removes this process's copy of the document at `path` (`None`:
    /// untitled; the same path as in the snapshots), without waiting: after a successful save, when the user
    /// discards the changes, or when undo brings the document back to its
    /// saved state. A snapshot of that document not yet written is dropped.
    /// A failure is kept for [`RecoveryWriter::take_error`].
    pub fn discard(&self, path: Option<&Path>) {
        {
            let mut latest = lock(&self.latest);
            if latest.as_ref().is_some_and(|s| s.path.as_deref() == path) {
                *latest = None;
            }
        }
        if !self.send(Command::Discard(path.map(Path::to_owned))) {
            let file = recovery_file(&self.folder, path);
            if let Err(err) = remove(&file) {
                lock(&self.shared).error = Some(err);
            }
        }
    }

    /// The error the writer met, if it has not been taken yet: the window
    /// shows it once. While writes keep failing, the same failure is not
    /// reported again until one succeeds.
    pub fn take_error(&self) -> Option<RecoveryError> {
        lock(&self.shared).error.take()
    }

    /// What the writer has done so far.
    pub fn status(&self) -> WriterStatus {
        lock(&self.shared).status.clone()
    }

    fn send(&self, command: Command) -> bool {
        self.thread.is_some() && self.commands.send(command).is_ok()
    }

    /// Writes the latest snapshot on the calling thread (the writer's
    /// thread is gone).
    fn flush_here(&self) -> Result<(), RecoveryError> {
        let snapshot = lock(&self.latest).clone();
        match snapshot {
            Some(snapshot) => write_snapshot(&self.folder, &snapshot).map(|_| ()),
            None => Ok(()),
        }
    }
}

impl Drop for RecoveryWriter {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            if self.commands.send(Command::Shutdown).is_ok() {
                // A panic in the thread was already reported by the hook.
                thread.join().ok();
            }
        } else if let Err(err) = self.flush_here() {
            eprintln!("{err}");
        }
    }
}

/// The writer's thread.
struct Worker {
    folder: PathBuf,
    interval: Duration,
    latest: Arc<Mutex<Option<Snapshot>>>,
    shared: Arc<Mutex<Shared>>,
    /// The document and revision last written.
    written: Option<(Option<PathBuf>, u64)>,
    /// When the last write was tried.
    last_attempt: Option<Instant>,
    /// The copies written, by document, until discarded.
    files: HashMap<Option<PathBuf>, PathBuf>,
    next_heartbeat: Instant,
}

impl Worker {
    fn run(mut self, commands: Receiver<Command>) {
        loop {
            let received = match self.next_deadline() {
                Some(deadline) => {
                    commands.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                }
                None => commands.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match received {
                Ok(Command::Wake) | Err(RecvTimeoutError::Timeout) => {}
                Ok(Command::Flush(ack)) => {
                    let result = match self.pending() {
                        Some(snapshot) => self.write(&snapshot),
                        None => Ok(()),
                    };
                    // The caller may have stopped waiting.
                    ack.send(result).ok();
                }
                Ok(Command::Discard(path)) => self.discard(path),
                Ok(Command::Shutdown) | Err(RecvTimeoutError::Disconnected) => {
                    if let Some(snapshot) = self.pending()
                        && let Err(err) = self.write(&snapshot)
                    {
                        // The window is closing: say it where it can still be seen.
                        eprintln!("{err}");
                    }
                    return;
                }
            }
            self.tick();
        }
    }

    /// The latest snapshot, if it was not written yet.
    fn pending(&self) -> Option<Snapshot> {
        let snapshot = lock(&self.latest).clone()?;
        let done = self.written.as_ref().is_some_and(|(path, revision)| {
            *path == snapshot.path && *revision == snapshot.revision
        });
        (!done).then_some(snapshot)
    }

    /// When the thread must wake up by itself.
    fn next_deadline(&self) -> Option<Instant> {
        let write = self.pending().map(|_| match self.last_attempt {
            Some(last) => last + self.interval,
            None => Instant::now(),
        });
        let heartbeat = (!self.files.is_empty()).then_some(self.next_heartbeat);
        match (write, heartbeat) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Writes what is due, touches the copies when it is time.
    fn tick(&mut self) {
        if let Some(snapshot) = self.pending()
            && self
                .last_attempt
                .is_none_or(|last| last.elapsed() >= self.interval)
            && let Err(err) = self.write(&snapshot)
        {
            self.report(err);
        }
        let now = Instant::now();
        if now >= self.next_heartbeat {
            self.next_heartbeat = now + HEARTBEAT;
            for file in self.files.values() {
                // Only keeps the copy looking fresh (see `is_running`).
                fs::File::options()
                    .write(true)
                    .open(file)
                    .and_then(|f| f.set_modified(SystemTime::now()))
                    .ok();
            }
        }
    }

    fn write(&mut self, snapshot: &Snapshot) -> Result<(), RecoveryError> {
        self.last_attempt = Some(Instant::now());
        let file = match self.files.get(&snapshot.path) {
            Some(file) => file.clone(),
            None => recovery_file(&self.folder, snapshot.path.as_deref()),
        };
        let at = write_to(&self.folder, &file, snapshot)?;
        self.written = Some((snapshot.path.clone(), snapshot.revision));
        // Written: the copy on disk holds it now. Letting go of the data
        // keeps the document its only owner, so that the next edit changes
        // it in place instead of copying it (see `Workspace::apply`).
        {
            let mut latest = lock(&self.latest);
            if latest
                .as_ref()
                .is_some_and(|s| s.path == snapshot.path && s.revision == snapshot.revision)
            {
                *latest = None;
            }
        }
        self.files.insert(snapshot.path.clone(), file.clone());
        let mut shared = lock(&self.shared);
        shared.failing = false;
        shared.status.writes += 1;
        shared.status.last = Some(Written {
            file,
            original: snapshot.path.clone(),
            revision: snapshot.revision,
            at,
        });
        Ok(())
    }

    fn discard(&mut self, path: Option<PathBuf>) {
        let mut files = vec![recovery_file(&self.folder, path.as_deref())];
        if let Some(file) = self.files.remove(&path)
            && !files.contains(&file)
        {
            files.push(file);
        }
        for file in &files {
            if let Err(err) = remove(file) {
                lock(&self.shared).error = Some(err);
            }
        }
        if self.written.as_ref().is_some_and(|(p, _)| *p == path) {
            self.written = None;
        }
        let mut shared = lock(&self.shared);
        if shared
            .status
            .last
            .as_ref()
            .is_some_and(|last| last.original == path)
        {
            shared.status.last = None;
        }
    }

    /// Keeps a failure for the window, once per run of failures.
    fn report(&self, err: RecoveryError) {
        let mut shared = lock(&self.shared);
        if !shared.failing {
            shared.failing = true;
            shared.error = Some(err);
        }
    }
}

/// Installs a panic hook that writes the latest snapshot (`latest`, from
/// [`RecoveryWriter::latest`]) into `folder` before the process dies, then
/// calls the hook that was there before. Best effort: if the snapshot is
/// locked (by the panicking thread itself), it gives up after a few tries
/// rather than deadlock. Says on standard error where the copy went.
pub fn install_panic_hook(latest: Arc<Mutex<Option<Snapshot>>>, folder: PathBuf) {
    this_process();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        write_on_panic(&latest, &folder);
        previous(info);
    }));
}

fn write_on_panic(latest: &Mutex<Option<Snapshot>>, folder: &Path) {
    let mut snapshot = None;
    for _ in 0..20 {
        match latest.try_lock() {
            Ok(guard) => {
                snapshot = Some(guard.clone());
                break;
            }
            Err(TryLockError::Poisoned(poisoned)) => {
                snapshot = Some(poisoned.into_inner().clone());
                break;
            }
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    let Some(Some(snapshot)) = snapshot else {
        return;
    };
    match write_snapshot(folder, &snapshot) {
        Ok(file) => eprintln!("{}", core::PANIC_KEPT.with(&[("file", &file.display())])),
        Err(err) => eprintln!("{}", core::PANIC_NOT_KEPT.with(&[("error", &err)])),
    }
}
