//! Files on disk: loading with a size limit, and safe saving.
//!
//! Saving is atomic: the new text goes to a temporary file in the same
//! folder, which is written, flushed and fsynced, then renamed over the
//! target, and the folder is fsynced (`atomic-write-file` does all of it).
//! Once the new text is written (so a full disk is found before anything
//! else changes), and before the rename, the previous version is copied,
//! atomically too, to `NAME.bak` beside the file. A failed save leaves the
//! original and its backup byte for byte; a process killed at any moment
//! leaves each of them whole, old or new (`tests/kill.rs`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use crate::format::{self, Parsed, ReadError};
use crate::i18n::{Msg, catalogue::core};
use crate::model::Dataset;

/// Files larger than this are refused rather than read into memory
/// (a million meetings take about 600 MB).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// What went wrong with a file, and which one.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be read at all.
    #[error("{}", core::FILE_CANNOT_READ.with(&[("path", &path.display()), ("error", &io_hint(source))]))]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The path is a folder.
    #[error("{}", core::FILE_IS_FOLDER.with(&[("path", &path.display())]))]
    IsFolder {
        /// The path.
        path: PathBuf,
    },
    /// Too large to be a data file.
    #[error(
        "{}",
        core::FILE_TOO_LARGE.with(&[("path", &path.display()), ("size", size), ("limit", limit)])
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// [`MAX_FILE_BYTES`].
        limit: u64,
    },
    /// The content is not a valid data file.
    #[error("{}", format_read_error(path, error))]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong with its content.
        error: ReadError,
    },
    /// The person cancelled the opening; nothing changed.
    #[error("{}", core::FILE_CANCELLED.with(&[("path", &path.display())]))]
    Cancelled {
        /// The file.
        path: PathBuf,
    },
    /// Saving failed; the file on disk is as it was.
    #[error(
        "{}",
        core::FILE_NOT_SAVED.with(&[
            ("path", &path.display()),
            ("step", step),
            ("error", &io_hint(source)),
        ])
    )]
    Write {
        /// The file being saved.
        path: PathBuf,
        /// What was being done: one of the catalogue's `core::STEP_`
        /// messages, worded when the error is shown.
        step: Msg,
        /// The system's error.
        source: io::Error,
    },
}

fn format_read_error(path: &Path, error: &ReadError) -> String {
    match error.position() {
        Some((line, col)) => format!("{}:{line}:{col}: {error}", path.display()),
        None => format!("{}: {error}", path.display()),
    }
}

/// The system's message, plus what to do for the usual causes.
fn io_hint(err: &io::Error) -> String {
    let hint = match err.kind() {
        io::ErrorKind::NotFound => core::HINT_NOT_FOUND.text(),
        io::ErrorKind::PermissionDenied => core::HINT_NO_RIGHT.text(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => core::HINT_DISK_FULL.text(),
        io::ErrorKind::ReadOnlyFilesystem => core::HINT_READ_ONLY.text(),
        io::ErrorKind::NotADirectory => core::HINT_NOT_A_FOLDER.text(),
        _ => "",
    };
    format!("{err}{hint}")
}

/// Reads and parses a data file.
pub fn load_file(path: &Path) -> Result<Parsed, FileError> {
    let metadata = std::fs::metadata(path).map_err(|source| FileError::Read {
        path: path.to_owned(),
        source,
    })?;
    check_readable(path, &metadata)?;
    let bytes = std::fs::read(path).map_err(|source| FileError::Read {
        path: path.to_owned(),
        source,
    })?;
    format::parse_bytes(&bytes).map_err(|error| FileError::Format {
        path: path.to_owned(),
        error,
    })
}

/// Refuses, before reading it, a path that is a folder or a file larger
/// than [`MAX_FILE_BYTES`].
pub fn check_readable(path: &Path, metadata: &std::fs::Metadata) -> Result<(), FileError> {
    if metadata.is_dir() {
        return Err(FileError::IsFolder {
            path: path.to_owned(),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// The path of the backup kept beside `path`: `NAME.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves `dataset` to `path` atomically, keeping the previous version as
/// [`backup_path`]. Returns the backup's path when one was made.
pub fn save_file(path: &Path, dataset: &Dataset) -> Result<Option<PathBuf>, FileError> {
    let text = format::to_ron_string(dataset);
    save_text(path, text.as_bytes())
}

/// Saves bytes to `path` atomically, with a backup of the previous version.
pub fn save_text(path: &Path, bytes: &[u8]) -> Result<Option<PathBuf>, FileError> {
    save_text_with(path, bytes, &mut write_whole)
}

/// Writes the bytes of a file being saved (its third argument) into the
/// temporary file (the second) that will replace the file named first: the
/// seam of [`save_text_with`].
pub type SaveWriter<'a> = dyn FnMut(&Path, &mut dyn Write, &[u8]) -> io::Result<()> + 'a;

/// Writes `bytes` into `file`, the temporary file that will become `target`:
/// the writer of [`save_text`].
fn write_whole(_target: &Path, file: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)
}

/// [`save_text`], with `writer` writing the bytes of each file saved, the
/// backup (`NAME.bak`) and the file itself, into its temporary file. The
/// seam for tests that make a save fail midway: a full disk, a file removed
/// meanwhile. Nothing is renamed over `path` or its backup unless `writer`
/// succeeded for both.
pub fn save_text_with(
    path: &Path,
    bytes: &[u8],
    writer: &mut SaveWriter<'_>,
) -> Result<Option<PathBuf>, FileError> {
    let err = |step: Msg| {
        move |source: io::Error| FileError::Write {
            path: path.to_owned(),
            step,
            source,
        }
    };
    let had_previous = match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(FileError::IsFolder {
                path: path.to_owned(),
            });
        }
        Ok(_) => true,
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(err(core::STEP_LOOKING)(e)),
    };
    // The new text first: a full disk or a folder that cannot be written
    // fails here, before the backup is touched. Dropped without a commit,
    // the temporary file is removed.
    let mut file = AtomicWriteFile::options()
        .open(path)
        .map_err(err(core::STEP_TEMPORARY))?;
    writer(path, &mut file, bytes).map_err(err(core::STEP_WRITING))?;
    let backup = if had_previous {
        // A file removed since it was looked at is an error, not a guess:
        // the person is told, and saves again or elsewhere.
        let previous = std::fs::read(path).map_err(err(core::STEP_READING_PREVIOUS))?;
        let backup = backup_path(path);
        write_atomically(&backup, &previous, writer).map_err(err(core::STEP_KEEPING_PREVIOUS))?;
        Some(backup)
    } else {
        None
    };
    file.commit().map_err(err(core::STEP_REPLACING))?;
    Ok(backup)
}

/// Writes an exported file (an image, a CSV) atomically: whatever was at
/// `path` is replaced whole or left as it was. No backup: an export can be
/// made again.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    if path.is_dir() {
        return Err(FileError::IsFolder {
            path: path.to_owned(),
        });
    }
    write_atomically(path, bytes, &mut write_whole).map_err(|source| FileError::Write {
        path: path.to_owned(),
        step: core::STEP_WRITING,
        source,
    })
}

fn write_atomically(path: &Path, bytes: &[u8], writer: &mut SaveWriter<'_>) -> io::Result<()> {
    let mut file = AtomicWriteFile::options().open(path)?;
    writer(path, &mut file, bytes)?;
    file.commit()
}
