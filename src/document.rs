//! Opening and saving a whole document: the steps the window runs on a
//! worker thread ([`crate::progress::Task`]), each reporting its progress.
//!
//! Opening reads the file once (its fingerprint, for changes made by someone
//! else, is computed from the very bytes parsed), parses it, validates it
//! and builds the lookup tables, so that the window receives a document
//! ready to draw. Saving checks first that nobody changed the file since it
//! was read, then writes it atomically with its backup ([`crate::storage`]).
//!
//! Architecture invariant: no egui; everything here runs off the UI thread.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::disk::{self, DiskState, Fingerprint};
use crate::format;
use crate::model::Dataset;
use crate::progress::{self, Progress, Step};
use crate::storage::{self, FileError, MAX_FILE_BYTES};
use crate::workspace::Workspace;

/// A document read from disk, ready for the window.
#[derive(Debug)]
pub struct Opened {
    /// The data, validated and indexed.
    pub workspace: Workspace,
    /// The text had comments, which saving will drop.
    pub has_comments: bool,
    /// What was read, to notice later changes by someone else.
    pub fingerprint: Fingerprint,
}

/// Bytes read between two progress reports.
const CHUNK: usize = 4 << 20;

/// Reads, parses, validates and indexes the data file at `path`.
///
/// Progress: reading 0–10 %, parsing 10–85 % (against an estimate of the
/// number of records), checking and indexing the rest. When the user
/// cancels, returns [`FileError::Cancelled`].
pub fn open(path: &Path, progress: &Arc<Progress>) -> Result<Opened, FileError> {
    let read_error = |source| FileError::Read {
        path: path.to_owned(),
        source,
    };
    // A FIFO, a device or a folder is refused before a byte is read.
    let (mut file, metadata) = storage::open_regular(path)?;
    // The time is taken before reading: a write during the read shows up
    // as a change at the next check.
    let modified = metadata.modified().ok();
    progress.begin(Step::Reading, 0.0, 0.1, metadata.len());
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let read = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e)),
        };
        bytes.extend_from_slice(chunk.get(..read).unwrap_or_default());
        progress.advance(read as u64);
        if progress.is_cancelled() {
            return Err(cancelled(path));
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(FileError::TooLarge {
                path: path.to_owned(),
                size: bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            });
        }
    }
    drop(chunk);
    let fingerprint = Fingerprint::of_bytes(&bytes, modified);

    progress.begin(Step::Parsing, 0.1, 0.75, progress::estimate_records(&bytes));
    let parsed = format::parse_bytes(&bytes);
    drop(bytes);
    if progress.is_cancelled() {
        return Err(cancelled(path));
    }
    let parsed = parsed.map_err(|error| FileError::Format {
        path: path.to_owned(),
        error,
    })?;

    progress.begin(Step::Checking, 0.85, 0.15, 0);
    let workspace = Workspace::new(parsed.dataset);
    Ok(Opened {
        workspace,
        has_comments: parsed.has_comments,
        fingerprint,
    })
}

fn cancelled(path: &Path) -> FileError {
    FileError::Cancelled {
        path: path.to_owned(),
    }
}

/// How a save ended, when nothing failed.
#[derive(Debug)]
pub enum Saved {
    /// Written; `backup` is where the previous version was kept.
    Written {
        /// The previous version, beside the file (`NAME.bak`), if there was one.
        backup: Option<PathBuf>,
        /// What is on disk now.
        fingerprint: Fingerprint,
    },
    /// Not written: the file on disk is no longer the one read or last
    /// saved (someone else changed it). The person decides what to do.
    ChangedOnDisk,
}

/// Saves `dataset` to `path`: unless `known` is `None`, first checks that
/// the file is still the one described by `known` (if it is not, nothing
/// is written and [`Saved::ChangedOnDisk`] is returned).
///
/// Progress: comparing 0–10 %, writing the records as text 10–70 %, saving
/// to disk (atomically, with the backup) the rest.
pub fn save(
    path: &Path,
    dataset: &Dataset,
    known: Option<&Fingerprint>,
    progress: &Progress,
) -> Result<Saved, FileError> {
    if let Some(known) = known {
        progress.begin(Step::Comparing, 0.0, 0.1, 0);
        if let DiskState::Modified { .. } = disk::check(path, known) {
            return Ok(Saved::ChangedOnDisk);
        }
    }
    progress.begin(Step::Serialising, 0.1, 0.6, record_count(dataset));
    let text = format::to_ron_string(dataset);
    progress.begin(Step::Writing, 0.7, 0.3, 0);
    // Checked again at the last moment, just before the file is replaced.
    let backup = match storage::save_text_checked(path, text.as_bytes(), known) {
        Err(FileError::ChangedOnDisk { .. }) => return Ok(Saved::ChangedOnDisk),
        other => other?,
    };
    let fingerprint = Fingerprint::after_save(path, text.as_bytes());
    Ok(Saved::Written {
        backup,
        fingerprint,
    })
}

/// How many records `dataset` holds, in all its lists.
pub fn record_count(dataset: &Dataset) -> u64 {
    [
        dataset.zones.len(),
        dataset.countries.len(),
        dataset.institutes.len(),
        dataset.affiliates.len(),
        dataset.companies.len(),
        dataset.meetings.len(),
        dataset.country_notes.len(),
        dataset.contracts.len(),
    ]
    .iter()
    .map(|n| *n as u64)
    .sum()
}
