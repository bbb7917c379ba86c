//! Reading files with hard limits: only ordinary files, never more bytes
//! than asked, whatever the metadata says.

use std::fs::{File, Metadata};
use std::io::Read as _;
use std::path::Path;

use super::{FileError, MAX_FILE_BYTES, SpecialFile};
use crate::disk::Fingerprint;
use crate::format::{self, Parsed};

/// Opens `path` for reading, refusing a folder and anything that is not an
/// ordinary file (a FIFO, a device, a socket) before a byte is read.
///
/// The file is opened without waiting (`O_NONBLOCK`), so a FIFO with no
/// writer is refused at once instead of hanging; the type is then checked
/// on the open file itself, so a file swapped for a FIFO between a look and
/// the opening is refused too. A link is followed to its target.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), FileError> {
    let read_error = |source| FileError::Read {
        path: path.to_owned(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    check_readable(path, &metadata)?;
    Ok((file, metadata))
}

/// Refuses, before reading it, a path that is a folder, not an ordinary
/// file, or an ordinary file larger than [`MAX_FILE_BYTES`]. The size is
/// only a first look: [`read_capped`] stops at the limit whatever it says.
pub fn check_readable(path: &Path, metadata: &Metadata) -> Result<(), FileError> {
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
    if metadata.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Reads the ordinary file at `path` whole, refusing it as soon as more
/// than `limit` bytes have come (a file that grows while it is read, or
/// whose size the system does not know). Returns the bytes and the file's
/// metadata, taken before reading.
pub fn read_capped(path: &Path, limit: u64) -> Result<(Vec<u8>, Metadata), FileError> {
    let (file, metadata) = open_regular(path)?;
    if metadata.len() > limit {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| FileError::Read {
            path: path.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok((bytes, metadata))
}

/// Reads and parses a data file.
pub fn load_file(path: &Path) -> Result<Parsed, FileError> {
    load_tracked(path).map(|(parsed, _)| parsed)
}

/// Reads and parses a data file, with the fingerprint of the very bytes
/// read: give it to [`super::save_file_checked`] so that a save never
/// replaces a version someone else wrote meanwhile.
pub fn load_tracked(path: &Path) -> Result<(Parsed, Fingerprint), FileError> {
    let (bytes, metadata) = read_capped(path, MAX_FILE_BYTES)?;
    let fingerprint = Fingerprint::of_bytes(&bytes, metadata.modified().ok());
    let parsed = format::parse_bytes(&bytes).map_err(|error| FileError::Format {
        path: path.to_owned(),
        error,
    })?;
    Ok((parsed, fingerprint))
}
