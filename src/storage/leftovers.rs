//! Temporary files left by saves that were killed midway.
//!
//! Where the system allows it (Linux, most file systems), a save writes an
//! unnamed temporary file that vanishes with the process; elsewhere, and in
//! the instant between naming it and renaming it over the file, a killed
//! save leaves `.NAME.XXXXXX` or `.NAME.bak.XXXXXX` (six letters or digits)
//! beside the file, as large as the file. The next save of the same file
//! removes those that nobody can still be writing: older than
//! [`STALE_AFTER`].

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A temporary file untouched for this long belongs to no running save
/// (a save of a million meetings takes seconds).
pub const STALE_AFTER: Duration = Duration::from_secs(15 * 60);

/// The length of the random part of a temporary file's name.
const SUFFIX_LEN: usize = 6;

/// Removes the stale temporary files of saves of `target` and of its
/// backup, in its folder. Best effort: a file that cannot be removed is
/// left, and nothing is reported (the save itself goes on).
pub fn remove_stale(target: &Path) {
    let (Some(folder), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !is_temporary_of(&entry.file_name(), name) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let old_enough = metadata
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        // Never a link or a folder: only what a save of ours leaves.
        if metadata.is_file() && old_enough {
            std::fs::remove_file(entry.path()).ok();
        }
    }
}

/// Whether `candidate` is the name of a temporary file of a save of the
/// file named `name` or of its backup: `.NAME.XXXXXX` or `.NAME.bak.XXXXXX`.
pub fn is_temporary_of(candidate: &OsStr, name: &OsStr) -> bool {
    let (Some(candidate), Some(name)) = (candidate.to_str(), name.to_str()) else {
        return false;
    };
    let Some(rest) = candidate
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('.'))
    else {
        return false;
    };
    let suffix = rest.strip_prefix("bak.").unwrap_or(rest); // i18n: a file name
    suffix.len() == SUFFIX_LEN && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_a_save_leaves_are_temporary() {
        let name = OsStr::new("office.ron");
        for yes in [".office.ron.a1B2c3", ".office.ron.bak.ZZZZZZ"] {
            assert!(is_temporary_of(OsStr::new(yes), name), "{yes}");
        }
        for no in [
            "office.ron",
            "office.ron.bak",
            ".office.ron",
            ".office.ron.a1B2c",
            ".office.ron.a1B2c34",
            ".office.ron.a1-2c3",
            ".other.ron.a1B2c3",
            ".~lock.office.ron#",
            ".office.ron.bak",
        ] {
            assert!(!is_temporary_of(OsStr::new(no), name), "{no}");
        }
    }
}
