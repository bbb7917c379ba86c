//! A data file that a command is about to rewrite: the lock that tells the
//! window and other users it is being changed, and the fingerprint of the
//! version read, so that the command never replaces a file someone else
//! holds open or changed meanwhile (unless told `--force`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::disk::Fingerprint;
use crate::format::Parsed;
use crate::lock::{self, LockError, LockGuard, LockInfo};
use crate::model::Dataset;
use crate::storage::{self, FileError};

use super::report_file_error;

/// A data file a command is changing, with its lock held while the
/// command runs (released when this is dropped).
#[derive(Debug)]
pub struct Updating {
    path: PathBuf,
    /// The version read (for [`Updating::save`]); `None` before a read.
    fingerprint: Option<Fingerprint>,
    /// `--force`: write whatever is on disk, whoever holds it.
    force: bool,
    _lock: Option<LockGuard>,
}

/// Why a command does not go on with a file; already told to the person.
#[derive(Debug)]
pub struct Refused;

impl Updating {
    /// Takes the lock of `path`, refusing, unless `force`, when someone else
    /// holds it (the window, another user, another command); the reason for
    /// a refusal is written to `err`. A file the command creates or replaces
    /// without reading it (`generate -o`) needs only this.
    pub fn lock(
        path: &Path,
        force: bool,
        err: &mut dyn Write,
    ) -> io::Result<Result<Self, Refused>> {
        Ok(hold(path, force, err)?.map(|guard| Updating {
            path: path.to_owned(),
            fingerprint: None,
            force,
            _lock: guard,
        }))
    }

    /// A file that is only read (a dry run, `format --check`): no lock is
    /// taken, and a command that uses it must not save.
    pub fn without_lock(path: &Path) -> Self {
        Updating {
            path: path.to_owned(),
            fingerprint: None,
            force: false,
            _lock: None,
        }
    }

    /// Reads the file's bytes (at most [`storage::MAX_FILE_BYTES`], an
    /// ordinary file only), remembering their fingerprint for the save.
    pub fn read(&mut self, err: &mut dyn Write) -> io::Result<Result<Vec<u8>, Refused>> {
        match storage::read_capped(&self.path, storage::MAX_FILE_BYTES) {
            Ok((bytes, metadata)) => {
                self.fingerprint = Some(Fingerprint::of_bytes(&bytes, metadata.modified().ok()));
                Ok(Ok(bytes))
            }
            Err(error) => {
                report_file_error(&error, err)?;
                Ok(Err(Refused))
            }
        }
    }

    /// [`Updating::read`], then parses the data file.
    pub fn load(&mut self, err: &mut dyn Write) -> io::Result<Result<Parsed, Refused>> {
        let bytes = match self.read(err)? {
            Ok(bytes) => bytes,
            Err(refused) => return Ok(Err(refused)),
        };
        match crate::format::parse_bytes(&bytes) {
            Ok(parsed) => Ok(Ok(parsed)),
            Err(error) => {
                let error = FileError::Format {
                    path: self.path.clone(),
                    error,
                };
                report_file_error(&error, err)?;
                Ok(Err(Refused))
            }
        }
    }

    /// Saves `bytes` over the file, with its backup, unless someone else
    /// wrote it since it was read (then nothing is written, and
    /// [`FileError::ChangedOnDisk`] says so); `--force` writes anyway.
    pub fn save_text(&self, bytes: &[u8]) -> Result<Option<PathBuf>, FileError> {
        let expected = if self.force {
            None
        } else {
            self.fingerprint.as_ref()
        };
        storage::save_text_checked(&self.path, bytes, expected)
    }

    /// [`Updating::save_text`] of a dataset, in the saved layout.
    pub fn save(&self, dataset: &Dataset) -> Result<Option<PathBuf>, FileError> {
        self.save_text(crate::format::to_ron_string(dataset).as_bytes())
    }
}

/// The lock of `path` for this command: ours (`Some`), none to be had (a
/// folder where no lock can be written: the save will say what is wrong),
/// or refused because someone else holds it.
fn hold(
    path: &Path,
    force: bool,
    err: &mut dyn Write,
) -> io::Result<Result<Option<LockGuard>, Refused>> {
    match lock::acquire(path) {
        Ok(guard) => Ok(Ok(Some(guard))),
        // A lock of ours whose process is gone (a crash): nobody else is
        // involved, take it back.
        Err(LockError::HeldBy(info)) if is_our_abandoned(&info) => {
            Ok(Ok(lock::take_over(path).ok()))
        }
        Err(LockError::HeldBy(info)) if force => {
            writeln!(
                err,
                "{}: note: {} has this file open (since {}); writing it anyway (--force)",
                path.display(),
                info.holder(),
                since(&info)
            )?;
            Ok(Ok(None))
        }
        Err(LockError::HeldBy(info)) => {
            let stale = if info.stale {
                " (the lock looks abandoned)"
            } else {
                ""
            };
            writeln!(
                err,
                "{}: error: {} has this file open (since {}){stale}, so it was not changed: \
                 ask them to close it and run the command again, or add --force to write it anyway \
                 (their unsaved work may then overwrite yours, or yours theirs)",
                path.display(),
                info.holder(),
                since(&info)
            )?;
            Ok(Err(Refused))
        }
        Err(LockError::Io { .. }) => Ok(Ok(None)),
    }
}

fn is_our_abandoned(info: &LockInfo) -> bool {
    info.stale && info.is_this_machine() && info.user == lock::this_user()
}

fn since(info: &LockInfo) -> String {
    match info.since {
        Some(since) => since.format("%Y-%m-%d %H:%M").to_string(),
        None => "an unknown time".to_owned(),
    }
}
