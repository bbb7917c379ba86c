//! Saving atomically, through links, with the original's permissions, and
//! never over a version someone else wrote meanwhile.

use std::fs::Metadata;
use std::io::{self, Read as _, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use super::{FileError, MAX_FILE_BYTES, SpecialFile, backup_path, leftovers};
use crate::disk::Fingerprint;
use crate::format;
use crate::i18n::{Msg, catalogue::core};
use crate::model::Dataset;

/// How many links a path may go through before it is taken for a loop, as
/// the system counts (`ELOOP`).
const MAX_LINKS: usize = 40;

/// Saves `dataset` to `path` atomically, keeping the previous version as
/// [`backup_path`]. Returns the backup's path when one was made.
pub fn save_file(path: &Path, dataset: &Dataset) -> Result<Option<PathBuf>, FileError> {
    save_file_checked(path, dataset, None)
}

/// [`save_file`], refusing with [`FileError::ChangedOnDisk`] when the file
/// is no longer the one `expected` describes (someone else wrote it since
/// it was read with [`super::load_tracked`]). `None` saves whatever is there.
pub fn save_file_checked(
    path: &Path,
    dataset: &Dataset,
    expected: Option<&Fingerprint>,
) -> Result<Option<PathBuf>, FileError> {
    let text = format::to_ron_string(dataset);
    save_text_checked(path, text.as_bytes(), expected)
}

/// Saves bytes to `path` atomically, with a backup of the previous version.
pub fn save_text(path: &Path, bytes: &[u8]) -> Result<Option<PathBuf>, FileError> {
    save_text_checked(path, bytes, None)
}

/// [`save_text`], checked against `expected` as [`save_file_checked`] is.
pub fn save_text_checked(
    path: &Path,
    bytes: &[u8],
    expected: Option<&Fingerprint>,
) -> Result<Option<PathBuf>, FileError> {
    save(path, bytes, expected, &mut write_whole)
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
    save(path, bytes, None, writer)
}

/// The one save: see the module's and [`super`]'s documentation.
fn save(
    path: &Path,
    bytes: &[u8],
    expected: Option<&Fingerprint>,
    writer: &mut SaveWriter<'_>,
) -> Result<Option<PathBuf>, FileError> {
    let err = |step: Msg| {
        move |source: io::Error| FileError::Write {
            path: path.to_owned(),
            step,
            source,
        }
    };
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(FileError::TooLargeToSave {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    // Through a link, the file it points to is saved, and keeps its mode.
    let target = resolve_links(path).map_err(err(core::STEP_LOOKING))?;
    let previous = existing_file(path, &target)?;
    if expected.is_some() && previous.is_none() {
        // The file that was read is gone: someone moved or deleted it.
        return Err(FileError::ChangedOnDisk {
            path: path.to_owned(),
        });
    }
    leftovers::remove_stale(&target);
    // The new text first: a full disk or a folder that cannot be written
    // fails here, before the backup is touched. Dropped without a commit,
    // the temporary file is removed (an unnamed one never had a name).
    let mut file = temporary_options(previous.is_some())
        .open(&target)
        .map_err(err(core::STEP_TEMPORARY))?;
    writer(path, &mut file, bytes).map_err(err(core::STEP_WRITING))?;
    let backup = match previous {
        Some(metadata) => {
            // A file removed since it was looked at is an error, not a
            // guess: the person is told, and saves again or elsewhere.
            let old = read_previous(&target).map_err(err(core::STEP_READING_PREVIOUS))?;
            if let Some(expected) = expected
                && !expected.same_content(&Fingerprint::of_bytes(&old, None))
            {
                return Err(FileError::ChangedOnDisk {
                    path: path.to_owned(),
                });
            }
            let backup = backup_path(&target);
            write_backup(&backup, &old, &metadata, writer)
                .map_err(err(core::STEP_KEEPING_PREVIOUS))?;
            if expected.is_some() && changed_since(&target, &metadata) {
                return Err(FileError::ChangedOnDisk {
                    path: path.to_owned(),
                });
            }
            Some(backup)
        }
        None => None,
    };
    file.commit().map_err(err(core::STEP_REPLACING))?;
    Ok(backup)
}

/// The metadata of the file a save will replace (`None`: there is none
/// yet), refusing a folder, anything that is not an ordinary file, and a
/// file marked read-only. `path` is what the person named, `target` where
/// its links lead.
fn existing_file(path: &Path, target: &Path) -> Result<Option<Metadata>, FileError> {
    let metadata = match std::fs::metadata(target) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(FileError::Write {
                path: path.to_owned(),
                step: core::STEP_LOOKING,
                source,
            });
        }
    };
    if metadata.is_dir() {
        return Err(FileError::IsFolder {
            path: path.to_owned(),
        });
    }
    if let Some(kind) = SpecialFile::of(metadata.file_type()) {
        return Err(FileError::NotRegular {
            path: path.to_owned(),
            kind,
        });
    }
    if metadata.permissions().readonly() {
        return Err(FileError::ReadOnly {
            path: path.to_owned(),
        });
    }
    Ok(Some(metadata))
}

/// Why the file at `path` cannot be saved in place although it can be
/// read (it is marked read-only), in words for the person; `None` when it
/// can be, or when there is no such file.
pub fn read_only_reason(path: &Path) -> Option<String> {
    let target = resolve_links(path).ok()?;
    match existing_file(path, &target) {
        Err(FileError::ReadOnly { path }) => {
            Some(core::FILE_MARKED_READ_ONLY.with(&[("path", &path.display())]))
        }
        _ => None,
    }
}

/// Where `path` leads through its symbolic links: the file a save must
/// write. A path that is not a link, or does not exist, is itself; a link to
/// nothing leads to the file it names (the save creates it). A loop of links
/// is an error, as the system would say it.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let points_to = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if points_to.is_relative() => folder.join(points_to),
                    _ => points_to,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(too_many_links())
}

fn too_many_links() -> io::Error {
    #[cfg(unix)]
    {
        io::Error::from_raw_os_error(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        io::Error::other(core::HINT_LINK_LOOP.text())
    }
}

/// The options of a temporary file: one that will replace an existing file
/// is created readable by its owner alone, then given the original's mode
/// and owner by `atomic-write-file`, so that it is never more open than the
/// file it replaces.
fn temporary_options(replaces_a_file: bool) -> atomic_write_file::OpenOptions {
    let mut options = AtomicWriteFile::options();
    #[cfg(unix)]
    if replaces_a_file {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = replaces_a_file;
    options
}

/// The previous version's bytes, from an ordinary file already looked at.
fn read_previous(target: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(target)?
        .take(MAX_FILE_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Writes the previous version to `backup` atomically, with the mode and
/// (where the system allows it) the owner of the file it was: a backup of
/// a private file is private too.
fn write_backup(
    backup: &Path,
    bytes: &[u8],
    original: &Metadata,
    writer: &mut SaveWriter<'_>,
) -> io::Result<()> {
    let mut file = temporary_options(true).open(backup)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        // Only root may give a file away; anyone keeps their own.
        std::os::unix::fs::fchown(file.as_file(), Some(original.uid()), Some(original.gid())).ok();
    }
    file.as_file().set_permissions(original.permissions())?;
    writer(backup, &mut file, bytes)?;
    file.commit()
}

/// Whether the file at `target` is no longer as `before` described it
/// (length or modification time), or is gone.
fn changed_since(target: &Path, before: &Metadata) -> bool {
    match std::fs::metadata(target) {
        Ok(now) => now.len() != before.len() || now.modified().ok() != before.modified().ok(),
        Err(_) => true,
    }
}

/// Writes an exported file (an image, a CSV) atomically: whatever was at
/// `path` is replaced whole or left as it was. No backup: an export can be
/// made again. Through a link it writes the link's target; it refuses to
/// replace a folder, a device or anything else that is not an ordinary
/// file, and a file marked read-only.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let err = |step: Msg| {
        move |source: io::Error| FileError::Write {
            path: path.to_owned(),
            step,
            source,
        }
    };
    let target = resolve_links(path).map_err(err(core::STEP_LOOKING))?;
    let previous = existing_file(path, &target)?;
    let mut file = temporary_options(previous.is_some())
        .open(&target)
        .map_err(err(core::STEP_TEMPORARY))?;
    file.write_all(bytes).map_err(err(core::STEP_WRITING))?;
    file.commit().map_err(err(core::STEP_REPLACING))
}
