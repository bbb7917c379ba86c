//! Lock files: who else has the data file open.
//!
//! While a file is open for editing, a lock file lies beside it, in the
//! manner of LibreOffice: `.~lock.NAME#` in the same folder (for
//! `office.ron`, `.~lock.office.ron#`). Opening a file whose lock someone else
//! holds warns and offers to open it read-only; a lock left behind by a crash
//! is *stale* and can be taken over; the lock goes when the file is closed.
//!
//! # Format
//!
//! One line of five fields, separated by commas and ended by a semicolon,
//! without a line break, in UTF-8, like LibreOffice's lock files:
//!
//! ```text
//! ,USER,MACHINE,SINCE,PID;
//! ,alice,laptop-boston,2026-05-03T14:22:05.123456+02:00,48213;
//! ```
//!
//! - the first field (LibreOffice's full name of the user) is left empty;
//! - `USER`: the login name, from the environment (`USER`, `USERNAME` or
//!   `LOGNAME`);
//! - `MACHINE`: the host name (`/proc/sys/kernel/hostname`, `/etc/hostname`,
//!   or the environment's `HOSTNAME` or `COMPUTERNAME`), empty when unknown;
//! - `SINCE`: when the lock was taken or last refreshed, RFC 3339 with
//!   microseconds and the local offset (never twice the same in a process);
//! - `PID`: the holder's process id.
//!
//! A `,`, `;` or `\` inside a field is preceded by a `\`; line breaks and
//! other control characters are replaced by spaces. Locks written by
//! LibreOffice itself (a date such as `03.05.2026 14:22` and a URL in the
//! last field) are read too: the holder is named, and their age is the lock
//! file's modification time.
//!
//! # Staleness
//!
//! A lock is stale when it was taken on this machine by a process that is no
//! longer running (known on Linux through `/proc`; elsewhere only the age
//! counts), or when it is older than [`STALE_AFTER`]. The app refreshes its
//! lock every [`REFRESH_EVERY`] so that a file left open for days is not taken
//! for abandoned. A lock held by this very process counts as ours.

#![deny(clippy::indexing_slicing)]

use std::fs::{File, OpenOptions};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use atomic_write_file::AtomicWriteFile;
use chrono::{DateTime, FixedOffset, Local, SecondsFormat, Utc};

use crate::i18n::{Msg, catalogue::core};

/// A lock not refreshed for this long is taken for abandoned.
pub const STALE_AFTER: Duration = Duration::from_secs(12 * 60 * 60);

/// How often the app should call [`LockGuard::refresh`] while the file is
/// open, far more often than [`STALE_AFTER`].
pub const REFRESH_EVERY: Duration = Duration::from_secs(5 * 60);

/// A lock file larger than this is not a lock file: only its start is read.
const MAX_LOCK_BYTES: u64 = 4096;

/// The lock file of `path`: `.~lock.NAME#` in the same folder.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".~lock."); // i18n: a file name
    name.push(path.file_name().unwrap_or_default());
    name.push("#");
    path.with_file_name(name)
}

/// Who holds the lock of a data file, as read from its lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockInfo {
    /// The data file (not the lock file, see [`LockInfo::lock_path`]).
    pub path: PathBuf,
    /// The holder's login name; empty when the lock file does not say.
    pub user: String,
    /// The holder's machine; empty when the lock file does not say.
    pub machine: String,
    /// When the lock was taken or last refreshed: the lock's own time, or
    /// the lock file's modification time when it has none that can be read.
    pub since: Option<DateTime<FixedOffset>>,
    /// The holder's process id, if given.
    pub pid: Option<u32>,
    /// Whether the lock looks abandoned (its process is gone from this
    /// machine, or it is older than [`STALE_AFTER`]): it may be taken over.
    pub stale: bool,
}

impl LockInfo {
    /// The lock file.
    pub fn lock_path(&self) -> PathBuf {
        lock_path(&self.path)
    }

    /// Whether the lock was taken on this machine.
    pub fn is_this_machine(&self) -> bool {
        !self.machine.is_empty() && self.machine == this_machine()
    }

    /// The holder in words: "alice on laptop-boston", "you, in another
    /// window (process 4821)", "someone".
    pub fn holder(&self) -> String {
        if self.is_this_machine() && !self.user.is_empty() && self.user == this_user() {
            return match self.pid {
                Some(pid) => core::HOLDER_YOU_PROCESS.with(&[("pid", &pid)]),
                None => core::HOLDER_YOU.into(),
            };
        }
        match (self.user.is_empty(), self.machine.is_empty()) {
            (false, false) => {
                core::HOLDER_USER_ON.with(&[("user", &self.user), ("machine", &self.machine)])
            }
            (false, true) => self.user.clone(),
            (true, false) => core::HOLDER_SOMEONE_ON.with(&[("machine", &self.machine)]),
            (true, true) => core::HOLDER_SOMEONE.into(),
        }
    }

    /// `since` for a person: `2026-05-03 14:22`, or "an unknown time".
    fn since_text(&self) -> String {
        match self.since {
            Some(since) => since.format(core::LOCK_SINCE_FORMAT.text()).to_string(),
            None => core::LOCK_UNKNOWN_TIME.into(),
        }
    }
}

/// Why the lock could not be had.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Someone else holds the lock. The app offers to open the file
    /// read-only, or, if it is stale, to take it over ([`take_over`]).
    #[error("{}", held_message(.0))]
    HeldBy(LockInfo),
    /// The lock file could not be written or read (a read-only folder, a
    /// full disk, a share gone offline). The app opens the file read-only,
    /// without a lock, and says why.
    #[error(
        "{}",
        io_message(doing).with(&[
            ("path", &lock_path.display()),
            ("error", &io_advice(source)),
        ])
    )]
    Io {
        /// The lock file.
        lock_path: PathBuf,
        /// What was being done: "create", "write", "read", "replace", "remove".
        doing: &'static str,
        /// The system's error.
        source: io::Error,
    },
}

fn held_message(info: &LockInfo) -> String {
    let file = info.path.display();
    let holder = info.holder();
    let since = info.since_text();
    if info.stale {
        core::LOCK_HELD_STALE.with(&[
            ("file", &file),
            ("holder", &holder),
            ("since", &since),
            ("hours", &(STALE_AFTER.as_secs() / 3600)),
        ])
    } else {
        core::LOCK_HELD.with(&[("file", &file), ("holder", &holder), ("since", &since)])
    }
}

/// The message for a lock file that could not be used, by what was being
/// done ([`LockError::Io`]'s `doing`).
fn io_message(doing: &str) -> Msg {
    match doing {
        "create" => core::LOCK_CANNOT_CREATE,
        "write" => core::LOCK_CANNOT_WRITE,
        "read" => core::LOCK_CANNOT_READ,
        "replace" => core::LOCK_CANNOT_REPLACE,
        "remove" => core::LOCK_CANNOT_REMOVE,
        _ => core::LOCK_CANNOT_USE,
    }
}

fn io_advice(error: &io::Error) -> String {
    let advice = match error.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            core::LOCK_ADVICE_NO_WRITE
        }
        io::ErrorKind::NotFound => core::LOCK_ADVICE_FOLDER,
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => core::LOCK_ADVICE_DISK_FULL,
        _ => core::LOCK_ADVICE_READ_ONLY,
    };
    core::LOCK_ERROR_ADVICE.with(&[("error", error), ("advice", &advice)])
}

/// The lock of an open file, held by this process. Dropping it removes the
/// lock file, if the lock is still ours (someone may have taken it over);
/// [`LockGuard::release`] does the same and reports a failure.
#[derive(Debug)]
pub struct LockGuard {
    /// The data file.
    path: PathBuf,
    /// The lock file.
    lock_path: PathBuf,
    /// The line we last wrote: the lock is ours while the file holds it.
    line: Mutex<String>,
    released: bool,
}

impl LockGuard {
    fn new(path: &Path, lock_path: PathBuf, line: String) -> LockGuard {
        LockGuard {
            path: path.to_owned(),
            lock_path,
            line: Mutex::new(line),
            released: false,
        }
    }

    /// The data file this lock is for.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The lock file.
    pub fn lock_path(&self) -> &Path {
        &self.lock_path
    }

    /// Rewrites the lock with the current time, so that a file open for
    /// long is not taken for abandoned; call it every [`REFRESH_EVERY`].
    /// Recreates the lock if someone deleted it.
    ///
    /// [`LockError::HeldBy`] when someone else took the lock over: from then
    /// on, saving would overwrite their work, so the app should say so and
    /// offer Save As.
    pub fn refresh(&self) -> Result<(), LockError> {
        let mut ours = self.line.lock().unwrap_or_else(PoisonError::into_inner);
        match read_lock(&self.path)? {
            Some(found) if found.line == *ours => {
                let line = our_line();
                replace_lock(&self.lock_path, &line)?;
                *ours = line;
                Ok(())
            }
            Some(found) => Err(LockError::HeldBy(found.info)),
            None => {
                *ours = create_lock(&self.path, &self.lock_path)?;
                Ok(())
            }
        }
    }

    /// Whether the lock file still holds our lock.
    pub fn is_still_ours(&self) -> Result<bool, LockError> {
        let ours = self.line.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(read_lock(&self.path)?.is_some_and(|found| found.line == *ours))
    }

    /// Removes the lock file (the file was closed), if the lock is still
    /// ours; someone else's lock is left alone.
    pub fn release(mut self) -> Result<(), LockError> {
        self.released = true;
        self.remove_if_ours()
    }

    fn remove_if_ours(&self) -> Result<(), LockError> {
        let ours = self.line.lock().unwrap_or_else(PoisonError::into_inner);
        match read_lock(&self.path)? {
            Some(found) if found.line == *ours => match std::fs::remove_file(&self.lock_path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(source) => Err(LockError::Io {
                    lock_path: self.lock_path.clone(),
                    doing: "remove",
                    source,
                }),
            },
            _ => Ok(()),
        }
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        if !self.released {
            // Nobody to tell from a drop: a lock left behind is stale once
            // this process is gone, and can be taken over.
            self.remove_if_ours().ok();
        }
    }
}

/// Takes the lock of the data file `path`, creating `.~lock.NAME#`
/// atomically (it must not exist).
///
/// [`LockError::HeldBy`] when someone else holds it (look at
/// [`LockInfo::stale`] to offer [`take_over`]); a lock held by this very
/// process is taken over. [`LockError::Io`] when the lock cannot be written,
/// as in a read-only folder: the app then opens the file read-only.
pub fn acquire(path: &Path) -> Result<LockGuard, LockError> {
    let lock = lock_path(path);
    match create_lock(path, &lock) {
        Ok(line) => Ok(LockGuard::new(path, lock, line)),
        Err(LockError::HeldBy(info)) if is_this_process(&info) => take_over(path),
        Err(other) => Err(other),
    }
}

/// Takes the lock of `path` whoever holds it, replacing the lock file
/// atomically. For a stale lock, or when the person is sure the holder is no
/// longer editing. [`LockError::HeldBy`] if someone else took it at the same
/// moment.
pub fn take_over(path: &Path) -> Result<LockGuard, LockError> {
    let lock = lock_path(path);
    let line = our_line();
    replace_lock(&lock, &line)?;
    match read_lock(path)? {
        Some(found) if found.line != line => Err(LockError::HeldBy(found.info)),
        // Ours, or already deleted by someone: `refresh` puts it back.
        _ => Ok(LockGuard::new(path, lock, line)),
    }
}

/// Who holds the lock of `path`, if anyone (this process included).
pub fn holder(path: &Path) -> Result<Option<LockInfo>, LockError> {
    Ok(read_lock(path)?.map(|found| found.info))
}

/// Creates the lock file, failing with [`LockError::HeldBy`] if it exists.
/// Returns the line written.
fn create_lock(path: &Path, lock: &Path) -> Result<String, LockError> {
    let io_error = |doing| {
        move |source| LockError::Io {
            lock_path: lock.to_owned(),
            doing,
            source,
        }
    };
    // A lock that disappears between our attempt and our reading it was
    // being released: try again, a few times.
    let mut attempts = 0;
    let mut file = loop {
        match OpenOptions::new().write(true).create_new(true).open(lock) {
            Ok(file) => break file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                if let Some(found) = read_lock(path)? {
                    return Err(LockError::HeldBy(found.info));
                }
                attempts += 1;
                if attempts >= 3 {
                    return Err(io_error("create")(io::Error::other(
                        core::LOCK_FLICKERS.text(),
                    )));
                }
            }
            Err(e) => return Err(io_error("create")(e)),
        }
    };
    let line = our_line();
    if let Err(e) = file.write_all(line.as_bytes()).and_then(|()| file.flush()) {
        drop(file);
        // Already failing: a half-written lock left behind would only be
        // stale later.
        std::fs::remove_file(lock).ok();
        return Err(io_error("write")(e));
    }
    Ok(line)
}

/// Replaces the lock file's content atomically.
fn replace_lock(lock: &Path, line: &str) -> Result<(), LockError> {
    let write = || -> io::Result<()> {
        let mut file = AtomicWriteFile::options().open(lock)?;
        file.write_all(line.as_bytes())?;
        file.commit()
    };
    write().map_err(|source| LockError::Io {
        lock_path: lock.to_owned(),
        doing: "replace",
        source,
    })
}

/// A lock file as found.
struct Found {
    /// Its content, as read.
    line: String,
    info: LockInfo,
}

/// Reads the lock of `path`; `None` if there is none.
fn read_lock(path: &Path) -> Result<Option<Found>, LockError> {
    let lock = lock_path(path);
    let io_error = |source| LockError::Io {
        lock_path: lock.clone(),
        doing: "read",
        source,
    };
    let file = match File::open(&lock) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(e)),
    };
    let modified = file.metadata().and_then(|m| m.modified()).ok();
    let mut bytes = Vec::new();
    file.take(MAX_LOCK_BYTES)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let line = String::from_utf8_lossy(&bytes).into_owned();
    let info = parse_line(path, &line, modified);
    Ok(Some(Found { line, info }))
}

/// The holder described by a lock file's `line`; `modified` is the lock
/// file's time, used when the line has none that can be read.
fn parse_line(path: &Path, line: &str, modified: Option<SystemTime>) -> LockInfo {
    let fields = split_fields(line);
    let field = |i: usize| {
        fields
            .get(i)
            .map(|f| f.trim().to_owned())
            .unwrap_or_default()
    };
    // LibreOffice puts the full name first and the login second; we leave
    // the first empty.
    let user = if field(1).is_empty() {
        field(0)
    } else {
        field(1)
    };
    let machine = field(2);
    let since = DateTime::parse_from_rfc3339(&field(3))
        .ok()
        .or_else(|| modified.map(|m| DateTime::<Local>::from(m).fixed_offset()));
    let pid = field(4).parse::<u32>().ok();
    let mut info = LockInfo {
        path: path.to_owned(),
        user,
        machine,
        since,
        pid,
        stale: false,
    };
    info.stale = is_stale(&info, Utc::now());
    info
}

/// The fields of a lock line: split at `,` up to the first `;`, with `\`
/// escaping the next character.
fn split_fields(line: &str) -> Vec<String> {
    let line = line.trim_start_matches('\u{feff}');
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ',' => fields.push(String::new()),
            ';' => break,
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

/// A field as written: `,`, `;` and `\` escaped, control characters turned
/// into spaces.
fn escape_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ',' | ';' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether the lock described by `info` looks abandoned at `now`.
fn is_stale(info: &LockInfo, now: DateTime<Utc>) -> bool {
    if info.is_this_machine()
        && let Some(pid) = info.pid
        && process_is_running(pid) == Some(false)
    {
        return true;
    }
    info.since.is_some_and(|since| {
        now.signed_duration_since(since)
            .to_std()
            .is_ok_and(|age| age > STALE_AFTER)
    })
}

/// Whether the lock was taken by this very process.
fn is_this_process(info: &LockInfo) -> bool {
    info.is_this_machine() && info.pid == Some(std::process::id()) && info.user == this_user()
}

/// Whether process `pid` of this machine is running; `None` when that
/// cannot be known.
fn process_is_running(pid: u32) -> Option<bool> {
    if cfg!(target_os = "linux") {
        // Where `/proc` hides other users' processes (`hidepid`), process 1
        // is hidden too, and nothing can be concluded.
        if !Path::new("/proc/1").exists() {
            return None;
        }
        Some(Path::new(&format!("/proc/{pid}")).exists())
    } else {
        None
    }
}

/// The login name of the person running the app, from the environment;
/// "unknown" when it does not say.
pub fn this_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| value.trim().to_owned())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The name of this machine; empty when it cannot be found (then no lock is
/// taken for one of this machine).
pub fn this_machine() -> String {
    let from_files = ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .filter_map(|file| std::fs::read_to_string(file).ok());
    let from_env = ["HOSTNAME", "COMPUTERNAME"]
        .iter()
        .filter_map(|name| std::env::var(name).ok());
    from_files
        .chain(from_env)
        .map(|value| value.trim().to_owned())
        .find(|value| !value.is_empty())
        .unwrap_or_default()
}

/// The line of a lock taken now by this process. Its time is never the same
/// twice in a process, so that a lock taken again is told from the old one.
fn our_line() -> String {
    static LAST_MICROS: AtomicI64 = AtomicI64::new(i64::MIN);
    let now = Utc::now().timestamp_micros();
    let previous = LAST_MICROS.fetch_max(now, Ordering::SeqCst);
    let micros = if previous >= now {
        LAST_MICROS.fetch_add(1, Ordering::SeqCst) + 1
    } else {
        now
    };
    let since = DateTime::<Utc>::from_timestamp_micros(micros)
        .unwrap_or_else(Utc::now)
        .with_timezone(&Local)
        .to_rfc3339_opts(SecondsFormat::Micros, false);
    format!(
        ",{},{},{since},{};",
        escape_field(&this_user()),
        escape_field(&this_machine()),
        std::process::id()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_escaped_and_split_back() {
        let line = format!(
            ",{},{},2026-05-03T14:22:05+02:00,42;",
            escape_field("o'brien, j;\\x"),
            escape_field("host\nname")
        );
        let fields = split_fields(&line);
        assert_eq!(
            fields,
            [
                "",
                "o'brien, j;\\x",
                "host name",
                "2026-05-03T14:22:05+02:00",
                "42"
            ]
        );
    }

    #[test]
    fn our_lines_differ_even_when_taken_at_once() {
        let lines: Vec<String> = (0..100).map(|_| our_line()).collect();
        let mut unique = lines.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), lines.len());
    }
}
