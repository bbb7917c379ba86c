//! Files on disk: reading with hard limits, and safe saving.
//!
//! Reading ([`read`]) opens only ordinary files (a FIFO, a device or a
//! socket is refused before a byte is read, and opening never waits for a
//! writer) and reads at most a given number of bytes, whatever the file's
//! metadata says (`/dev/zero` says 0).
//!
//! Saving ([`save`]) is atomic: the new text goes to a temporary file in the
//! same folder (unnamed where the system allows it, so that a killed save
//! leaves nothing behind), which is written, flushed and fsynced, then
//! renamed over the target, and the folder is fsynced (`atomic-write-file`
//! does all of it). Once the new text is written (so a full disk is found
//! before anything else changes), and before the rename, the previous
//! version is copied, atomically too and with the original's permissions
//! and owner, to `NAME.bak` beside the file. A save through a symbolic link
//! writes the file the link points to. A failed save leaves the original and
//! its backup byte for byte; a process killed at any moment leaves each of
//! them whole, old or new (`tests/kill.rs`).

mod leftovers;
mod read;
mod save;

use std::io;
use std::path::{Path, PathBuf};

use crate::format::ReadError;
use crate::i18n::{Msg, catalogue::core};

pub use read::{check_readable, load_file, load_tracked, open_regular, read_capped};
pub use save::{
    SaveWriter, read_only_reason, resolve_links, save_file, save_file_checked, save_text,
    save_text_checked, save_text_with, write_export,
};

/// Files larger than this are refused rather than read into memory
/// (a million meetings take about 600 MB), and a save that would write a
/// larger file is refused: it could not be opened again.
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
    /// The path is a named pipe, a device, a socket: not an ordinary file.
    /// Nothing was read from it or written to it.
    #[error("{}", core::FILE_NOT_REGULAR.with(&[("path", &path.display()), ("what", &kind.words())]))]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        kind: SpecialFile,
    },
    /// Too large to be a data file.
    #[error(
        "{}",
        core::FILE_TOO_LARGE.with(&[("path", &path.display()), ("size", size), ("limit", limit)])
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size, or how much was read before stopping.
        size: u64,
        /// The limit that applied (such as [`MAX_FILE_BYTES`]).
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
    /// The file is marked read-only: it is not replaced.
    #[error("{}", core::FILE_READ_ONLY.with(&[("path", &path.display())]))]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// Someone else changed the file since it was read: it is not
    /// overwritten (their version would survive only in `NAME.bak`).
    #[error("{}", core::FILE_CHANGED_MEANWHILE.with(&[("path", &path.display())]))]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The text to save is larger than a file that can be opened again.
    #[error(
        "{}",
        core::FILE_TOO_LARGE_TO_SAVE.with(&[("path", &path.display()), ("size", size), ("limit", limit)])
    )]
    TooLargeToSave {
        /// The file.
        path: PathBuf,
        /// The size the file would have.
        size: u64,
        /// [`MAX_FILE_BYTES`].
        limit: u64,
    },
}

/// What a path that is not an ordinary file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialFile {
    /// A named pipe (FIFO): reading it would wait for a writer.
    Fifo,
    /// A character or block device (`/dev/zero`, a disk).
    Device,
    /// A socket.
    Socket,
    /// Anything else that is neither a file nor a folder.
    Other,
}

impl SpecialFile {
    /// What a file of this type is, from its metadata; `None` for an
    /// ordinary file or a folder.
    pub fn of(file_type: std::fs::FileType) -> Option<SpecialFile> {
        if file_type.is_file() || file_type.is_dir() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if file_type.is_fifo() {
                return Some(SpecialFile::Fifo);
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return Some(SpecialFile::Device);
            }
            if file_type.is_socket() {
                return Some(SpecialFile::Socket);
            }
        }
        Some(SpecialFile::Other)
    }

    /// The words for it, in the interface's language.
    pub fn words(self) -> &'static str {
        match self {
            SpecialFile::Fifo => core::SPECIAL_FIFO.text(),
            SpecialFile::Device => core::SPECIAL_DEVICE.text(),
            SpecialFile::Socket => core::SPECIAL_SOCKET.text(),
            SpecialFile::Other => core::SPECIAL_OTHER.text(),
        }
    }
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

/// The path of the backup kept beside `path`: `NAME.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}
