//! Changes on disk: noticing that someone else changed the open file.
//!
//! The data file lives in shared folders, so another office, a sync client or
//! git may rewrite it while it is open. A [`Fingerprint`] remembers what the
//! file was when it was loaded or saved: its length, its modification time
//! (the *stamp*) and a hash of its bytes. [`check`] compares the file on disk
//! with it; the app calls it before every save, so that a file changed by
//! someone else is never overwritten silently. A [`Watcher`] does the same
//! from a background thread every few seconds, so that a change is noticed and
//! shown while the file is open. It only polls: no file-system notifications,
//! which network shares do not deliver reliably, and no extra crate.
//!
//! # The hash
//!
//! The content hash is 64-bit FNV-1a (offset basis `0xcbf29ce484222325`,
//! prime `0x100000001b3`, one byte at a time), written here by hand so that it
//! is the same on every run, platform and Rust version. It is not meant to
//! resist an attacker, only to tell two versions of a file apart.
//!
//! # When the stamp is trusted
//!
//! Reading the whole file on every check would be costly on a large file or a
//! slow share, so a check first compares the length and modification time, and
//! hashes only when they differ. A stamp alone is not enough right after a
//! load or save, though: file systems keep modification times with a coarse
//! grain (2 s on FAT, 1 s on some network servers), so another writer could
//! replace the file with as many bytes within the same tick and leave the
//! stamp as it was. The stamp of a fingerprint is therefore trusted only once
//! it has *settled*: a hash taken at least [`SETTLE_TIME`] after the stamp was
//! first seen showed the same bytes under the same stamp (the rule git uses
//! for "racily clean" files, but measured on this machine's clock, so a
//! server whose clock is off does not matter). Until then, [`check`] hashes.
//! The [`Watcher`] settles its fingerprint with one extra read after each load
//! or save; from then on its polls cost one `stat` each.

#![deny(clippy::indexing_slicing)]

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use crate::i18n::{Language, catalogue::core};

/// How long after a stamp (length and modification time) was first seen a
/// hash of the same bytes makes it trusted: more than the coarsest common
/// grain of modification times (2 s) and attribute caches of network shares.
pub const SETTLE_TIME: Duration = Duration::from_secs(3);

/// What a file was when it was loaded or saved: its length, modification time
/// and a hash of its bytes (64-bit FNV-1a, see the [module](self) docs).
///
/// Two fingerprints are equal when their length, modification time and hash
/// are; [`Fingerprint::same_content`] ignores the modification time.
#[derive(Debug, Clone, Copy)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
    /// When this stamp was first seen, on this machine's monotonic clock.
    first_seen: Instant,
    /// A hash taken at least [`SETTLE_TIME`] after `first_seen` showed the
    /// same bytes under the same stamp: the stamp alone now tells a change.
    settled: bool,
}

impl PartialEq for Fingerprint {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.modified == other.modified && self.hash == other.hash
    }
}

impl Eq for Fingerprint {}

impl Fingerprint {
    /// The fingerprint of `bytes`, as read from or written to a file whose
    /// modification time is `modified`.
    ///
    /// Give the time from the file's metadata taken *after* writing (see
    /// [`Fingerprint::after_save`]) or *before* reading. `None` (time unknown)
    /// is safe: checks then read the file until they have seen a time.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        let mut hash = Fnv1a::new();
        hash.update(bytes);
        Fingerprint {
            len: bytes.len() as u64,
            modified,
            hash: hash.finish(),
            first_seen: Instant::now(),
            settled: false,
        }
    }

    /// The fingerprint of the file at `path`, read whole (in chunks, not into
    /// memory). The time is taken from the open file before reading, so a
    /// write during the read shows up as a change at the next check.
    pub fn of_file(path: &Path) -> io::Result<Fingerprint> {
        // Never waits on a FIFO nor reads a device forever: only an
        // ordinary file is read.
        let (mut file, metadata) = match crate::storage::open_regular(path) {
            Ok(opened) => opened,
            Err(crate::storage::FileError::Read { source, .. }) => return Err(source),
            Err(crate::storage::FileError::IsFolder { .. }) => {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    core::DISK_IS_FOLDER.text(),
                ));
            }
            Err(other) => return Err(io::Error::other(other.to_string())),
        };
        let modified = metadata.modified().ok();
        let mut hash = Fnv1a::new();
        let mut len: u64 = 0;
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let read = match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let chunk = buffer.get(..read).unwrap_or_default();
            hash.update(chunk);
            len += chunk.len() as u64;
        }
        Ok(Fingerprint {
            len,
            modified,
            hash: hash.finish(),
            first_seen: Instant::now(),
            settled: false,
        })
    }

    /// The fingerprint of `bytes` just saved to `path`: the bytes' hash with
    /// the file's modification time as it is now. Call it right after the
    /// save, then [`Watcher::set_known`] with it.
    ///
    /// If someone else wrote the file between the save and this call, the
    /// length or the content will not fit the stamp, and the next check
    /// reports the change instead of taking their file for ours.
    pub fn after_save(path: &Path, bytes: &[u8]) -> Fingerprint {
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        Fingerprint::of_bytes(bytes, modified)
    }

    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The file's modification time, if the system gave one.
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }

    /// The 64-bit FNV-1a hash of the file's bytes.
    pub fn hash(&self) -> u64 {
        self.hash
    }

    /// Whether both fingerprints are of the same bytes (length and hash),
    /// whatever their modification times.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// Whether `metadata` shows this fingerprint's stamp. A stamp without a
    /// modification time never matches: a length alone proves nothing.
    fn stamp_matches(&self, len: u64, modified: Option<SystemTime>) -> bool {
        self.modified.is_some() && self.len == len && self.modified == modified
    }
}

/// 64-bit FNV-1a, streaming.
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Fnv1a(Self::OFFSET_BASIS)
    }

    fn update(&mut self, bytes: &[u8]) {
        let mut hash = self.0;
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(Self::PRIME);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The file on disk compared with the fingerprint of what the app loaded or
/// last saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    /// The same bytes (the modification time may have moved: a `touch`, or a
    /// sync client rewriting the same content, is not a change).
    Unchanged,
    /// Someone else wrote other bytes. Saving now would overwrite their
    /// version: the app asks first (reload, save as, or overwrite).
    Modified {
        /// The file as it is now.
        now: Fingerprint,
    },
    /// The file is gone (moved, renamed or deleted). Saving writes it again.
    Missing,
    /// The file could not be looked at; the message says what happened and
    /// what to do (often: a network share is offline).
    Unreadable(String),
}

/// Compares the file at `path` with `known`, the fingerprint taken when it
/// was loaded or last saved. Call it before every save.
///
/// Cheap when nothing changed and `known`'s stamp has settled (one `stat`);
/// otherwise the file is read and hashed, so a touch that kept the bytes is
/// [`DiskState::Unchanged`], and a rewrite that kept the length and time is
/// still seen.
pub fn check(path: &Path, known: &Fingerprint) -> DiskState {
    let mut seen = *known;
    match observe(path, &mut seen, Urgency::Now) {
        Ok(()) => compare(known, &seen),
        Err(state) => state,
    }
}

/// Whether a check may put off hashing a stamp that has not settled yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Urgency {
    /// [`check`]: the answer must be exact now.
    Now,
    /// The watcher: an unsettled stamp is hashed once it can settle, so
    /// polls stay cheap and a same-tick rewrite is still noticed a few
    /// seconds later.
    Soon,
}

/// Brings `seen` (the last fingerprint seen on disk) up to date with the file
/// at `path`, reading it only when needed. `Err` when the file cannot be
/// looked at.
fn observe(path: &Path, seen: &mut Fingerprint, urgency: Urgency) -> Result<(), DiskState> {
    let metadata = std::fs::metadata(path).map_err(|e| unreachable_state(path, &e))?;
    if metadata.is_dir() {
        return Err(DiskState::Unreadable(now_a_folder(path)));
    }
    if seen.stamp_matches(metadata.len(), metadata.modified().ok()) {
        if seen.settled {
            return Ok(());
        }
        if urgency == Urgency::Soon && seen.first_seen.elapsed() < SETTLE_TIME {
            return Ok(());
        }
    }
    let mut now = Fingerprint::of_file(path).map_err(|e| unreachable_state(path, &e))?;
    if seen.stamp_matches(now.len, now.modified) && seen.hash == now.hash {
        // The same bytes under the same stamp: keep when it was first seen,
        // and trust the stamp from now on if that was long enough ago.
        now.first_seen = seen.first_seen;
        now.settled = seen.settled || seen.first_seen.elapsed() >= SETTLE_TIME;
    }
    *seen = now;
    Ok(())
}

/// The state for a file that could not be looked at.
fn unreachable_state(path: &Path, error: &io::Error) -> DiskState {
    match error.kind() {
        io::ErrorKind::NotFound => DiskState::Missing,
        io::ErrorKind::IsADirectory => DiskState::Unreadable(now_a_folder(path)),
        _ => DiskState::Unreadable(
            core::DISK_CANNOT_CHECK.with(&[("path", &path.display()), ("error", error)]),
        ),
    }
}

/// Why a file that became a folder cannot be checked.
fn now_a_folder(path: &Path) -> String {
    core::DISK_NOW_FOLDER.with(&[("path", &path.display())])
}

/// `seen` (the file now) compared with `known` (what the app has).
fn compare(known: &Fingerprint, seen: &Fingerprint) -> DiskState {
    if seen.same_content(known) {
        DiskState::Unchanged
    } else {
        DiskState::Modified { now: *seen }
    }
}

/// Whether two reports say the same thing (a touch of a modified file is no
/// news).
fn same_news(a: &DiskState, b: &DiskState) -> bool {
    match (a, b) {
        (DiskState::Modified { now: a }, DiskState::Modified { now: b }) => a.same_content(b),
        (a, b) => a == b,
    }
}

/// Could not start a [`Watcher`].
#[derive(Debug, thiserror::Error)]
#[error(
    "{}",
    core::WATCH_CANNOT_START.with(&[("path", &path.display()), ("error", source)])
)]
pub struct WatchError {
    /// The file to be watched.
    pub path: PathBuf,
    /// The system's error (starting a thread).
    pub source: io::Error,
}

/// Watches the open file from a background thread and reports changes made by
/// others, for the window to show within seconds.
///
/// Every interval, the thread compares the file with the latest known
/// fingerprint (see [`check`]) and, when the state differs from the last one
/// reported, sends it and calls the waker (the app passes one that requests a
/// repaint); [`Watcher::poll`] hands it over. After saving, the app tells the
/// watcher what it wrote with [`Watcher::set_known`], so its own save is not
/// reported. The thread stops when the watcher is dropped.
pub struct Watcher {
    path: PathBuf,
    shared: Arc<Mutex<Shared>>,
    reports: mpsc::Receiver<(u64, DiskState)>,
    /// Dropping it wakes the thread, which then ends.
    _stop: mpsc::Sender<()>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // i18n: a Debug name
        f.debug_struct("Watcher").field("path", &self.path).finish()
    }
}

/// What the thread and the window share.
struct Shared {
    /// Moves on every `set_known` and `pause`: a check started before is
    /// thrown away, and so is a report sent before.
    generation: u64,
    paused: bool,
    /// What the app has (loaded or saved).
    known: Fingerprint,
    /// The file as last seen on disk.
    seen: Fingerprint,
    /// The last state reported (initially unchanged).
    last: DiskState,
    /// The window's language, for the reasons the thread words
    /// ([`DiskState::Unreadable`]): updated at every [`Watcher::poll`].
    language: Language,
}

fn lock_shared(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // The thread never panics while holding the lock; if it somehow did, the
    // data is still a valid state to go on with.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Watcher {
    /// How often the file is looked at, unless told otherwise.
    pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(2);

    /// The shortest interval accepted (a shorter one is raised to it).
    pub const MIN_INTERVAL: Duration = Duration::from_millis(10);

    /// Starts watching `path`, whose content is `known` (taken at load),
    /// every `interval` (usually [`Watcher::DEFAULT_INTERVAL`]). `waker` is
    /// called from the watcher's thread after each report.
    pub fn start(
        path: impl Into<PathBuf>,
        known: Fingerprint,
        interval: Duration,
        waker: Box<dyn Fn() + Send>,
    ) -> Result<Watcher, WatchError> {
        let path = path.into();
        let shared = Arc::new(Mutex::new(Shared {
            generation: 0,
            paused: false,
            known,
            seen: known,
            last: DiskState::Unchanged,
            language: crate::i18n::current(),
        }));
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let (report_tx, report_rx) = mpsc::channel();
        let interval = interval.max(Self::MIN_INTERVAL);
        let thread_path = path.clone();
        let thread_shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("liaison-desk disk watcher".to_owned())
            .spawn(move || {
                watch(
                    &thread_path,
                    interval,
                    &thread_shared,
                    &stop_rx,
                    &report_tx,
                    &*waker,
                );
            })
            .map_err(|source| WatchError {
                path: path.clone(),
                source,
            })?;
        Ok(Watcher {
            path,
            shared,
            reports: report_rx,
            _stop: stop_tx,
        })
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The latest news, if any since the last call: the state of the file on
    /// disk when it changed (including back to [`DiskState::Unchanged`], when
    /// the file got its old content back). Reports made before the last
    /// [`Watcher::set_known`] or [`Watcher::pause`] are dropped. Cheap: call
    /// it every frame.
    pub fn poll(&self) -> Option<DiskState> {
        let generation = {
            let mut shared = lock_shared(&self.shared);
            shared.language = crate::i18n::current();
            shared.generation
        };
        let mut latest = None;
        while let Ok((sent_in, state)) = self.reports.try_recv() {
            if sent_in == generation {
                latest = Some(state);
            }
        }
        latest
    }

    /// Sets what the app now has on disk (after a save, a reload or a
    /// revert) and resumes watching if paused. Anything noticed before, our
    /// own save included, is forgotten.
    pub fn set_known(&self, known: Fingerprint) {
        let mut shared = lock_shared(&self.shared);
        shared.generation += 1;
        shared.paused = false;
        shared.known = known;
        shared.seen = known;
        shared.last = DiskState::Unchanged;
    }

    /// Stops looking at the file until [`Watcher::set_known`] or
    /// [`Watcher::resume`]: call it before a save starts (after [`check`]),
    /// so that the save itself is never reported as someone else's change.
    /// A report not yet polled is dropped.
    pub fn pause(&self) {
        let mut shared = lock_shared(&self.shared);
        shared.generation += 1;
        shared.paused = true;
    }

    /// Watches again with the same known fingerprint: after a save failed
    /// (a failed save leaves the file as it was).
    pub fn resume(&self) {
        lock_shared(&self.shared).paused = false;
    }

    /// The latest known fingerprint (what the app has), with the stamp last
    /// seen for those bytes: checking against it is cheap once settled.
    pub fn known(&self) -> Fingerprint {
        lock_shared(&self.shared).known
    }
}

/// The watcher's thread: until the stop channel closes, look at the file
/// every `interval` and report news.
fn watch(
    path: &Path,
    interval: Duration,
    shared: &Mutex<Shared>,
    stop: &mpsc::Receiver<()>,
    reports: &mpsc::Sender<(u64, DiskState)>,
    waker: &dyn Fn(),
) {
    loop {
        match stop.recv_timeout(interval) {
            Err(RecvTimeoutError::Timeout) => {}
            Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
        }
        let (generation, known, mut seen) = {
            let shared = lock_shared(shared);
            if shared.paused {
                continue;
            }
            crate::i18n::set_language(shared.language);
            (shared.generation, shared.known, shared.seen)
        };
        // The file is read without holding the lock: the window never waits
        // for a slow share.
        let state = match observe(path, &mut seen, Urgency::Soon) {
            Ok(()) => compare(&known, &seen),
            Err(state) => state,
        };
        {
            let mut shared = lock_shared(shared);
            if shared.generation != generation || shared.paused {
                continue; // the app saved or reloaded meanwhile
            }
            shared.seen = seen;
            if state == DiskState::Unchanged {
                shared.known = seen; // the same bytes, with the newest stamp
            }
            if same_news(&shared.last, &state) {
                continue;
            }
            shared.last = state.clone();
        }
        if reports.send((generation, state)).is_err() {
            return; // the watcher is gone
        }
        waker();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fnv(bytes: &[u8]) -> u64 {
        Fingerprint::of_bytes(bytes, None).hash()
    }

    #[test]
    fn the_hash_is_64_bit_fnv_1a() {
        // Reference values of the FNV specification (draft-eastlake-fnv).
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_settled_stamp_is_not_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("office.ron");
        std::fs::write(&path, "(format: 1)").unwrap();
        let mut known = Fingerprint::of_file(&path).unwrap();
        // A wrong hash under the right stamp: only a read would notice.
        known.hash ^= 1;
        assert!(matches!(check(&path, &known), DiskState::Modified { .. }));
        known.settled = true;
        assert_eq!(check(&path, &known), DiskState::Unchanged);
    }

    #[test]
    fn an_unsettled_stamp_settles_after_one_late_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("office.ron");
        std::fs::write(&path, "(format: 1)").unwrap();
        let mut seen = Fingerprint::of_file(&path).unwrap();
        observe(&path, &mut seen, Urgency::Now).unwrap();
        assert!(!seen.settled, "too early to trust the stamp");
        let Some(long_ago) = Instant::now().checked_sub(SETTLE_TIME) else {
            return; // the machine has just started: nothing to test
        };
        seen.first_seen = long_ago;
        observe(&path, &mut seen, Urgency::Soon).unwrap();
        assert!(seen.settled);
    }
}
