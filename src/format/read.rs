//! Reading a data file: bytes in, a [`Dataset`] or a precise [`ReadError`] out.
//!
//! The steps, in order: refuse empty and non-UTF-8 input, strip a UTF-8
//! byte-order mark, turn CRLF into LF, parse with ron (`implicit_some` on,
//! recursion limit kept), then check the format version and that every
//! number is written in plain digits ([`super::lexical`]). When parsing
//! fails, the version is probed separately so that a file from a newer
//! program is refused as such instead of with a confusing field error.

use ron::extensions::Extensions;
use serde::Deserialize;

use super::lexical::{self, skip_escaped_string, skip_raw_string};
use crate::i18n::catalogue::core;
use crate::model::{Dataset, FORMAT_VERSION};

/// Why a file's content could not be read as a data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Nothing but white space.
    #[error("{}", core::READ_EMPTY)]
    Empty,
    /// Bytes that are not UTF-8 text.
    #[error("{}", core::READ_NOT_UTF8.with(&[("line", line), ("col", col)]))]
    NotUtf8 {
        /// Line of the first invalid byte, from 1.
        line: usize,
        /// Column of the first invalid byte, from 1.
        col: usize,
    },
    /// A NUL byte: a binary file, not text.
    #[error("{}", core::READ_BINARY.with(&[("line", line), ("col", col)]))]
    Binary {
        /// Line of the first NUL, from 1.
        line: usize,
        /// Column of the first NUL, from 1.
        col: usize,
    },
    /// RON syntax or a value of the wrong type.
    #[error("{message}")]
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        col: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// `format` is newer than this program knows.
    #[error(
        "{}",
        core::READ_NEWER_FORMAT.with(&[("found", found), ("supported", supported)])
    )]
    NewerFormat {
        /// The file's `format`.
        found: u32,
        /// [`FORMAT_VERSION`].
        supported: u32,
    },
    /// `format: 0`, which never existed.
    #[error(
        "{}",
        core::READ_UNKNOWN_FORMAT.with(&[("found", found), ("supported", supported)])
    )]
    UnknownFormat {
        /// The file's `format`.
        found: u32,
        /// [`FORMAT_VERSION`].
        supported: u32,
    },
}

impl ReadError {
    /// Line and column (from 1) where the problem is, when there is one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ReadError::NotUtf8 { line, col }
            | ReadError::Binary { line, col }
            | ReadError::Syntax { line, col, .. } => Some((*line, *col)),
            ReadError::Empty | ReadError::NewerFormat { .. } | ReadError::UnknownFormat { .. } => {
                None
            }
        }
    }
}

/// A file read successfully.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The data.
    pub dataset: Dataset,
    /// The text had `//` or `/* */` comments, which saving will drop.
    pub has_comments: bool,
}

/// Reads a data file from its raw bytes.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let (line, col) = line_col(bytes, err.valid_up_to());
            return Err(ReadError::NotUtf8 { line, col });
        }
    };
    parse_str(text)
}

/// Reads a data file from text (already decoded; a leading BOM is accepted).
pub fn parse_str(text: &str) -> Result<Parsed, ReadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(offset) = text.find('\0') {
        let (line, col) = line_col(text.as_bytes(), offset);
        return Err(ReadError::Binary { line, col });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let normalised;
    // i18n: line endings, not words
    let text = if text.contains("\r\n") {
        normalised = text.replace("\r\n", "\n"); // i18n: line endings
        normalised.as_str()
    } else {
        text
    };

    match parse_dataset(text) {
        Ok(dataset) => {
            check_version(dataset.format)?;
            let lexical = lexical::scan(text);
            if let Some(odd) = lexical.odd_number {
                return Err(odd_number_error(text, &odd));
            }
            Ok(Parsed {
                dataset,
                has_comments: lexical.has_comments,
            })
        }
        Err(err) => {
            // A newer file may fail on fields this version does not know:
            // say that it is newer rather than naming the field.
            if let Some(found) = probe_format(text) {
                check_version(found)?;
            }
            // ron stops at `1.0` with "Expected comma": name the number
            // when one oddly written comes before where ron stopped.
            if let Some(odd) = lexical::scan(text).odd_number {
                let at = line_col(text.as_bytes(), odd.offset);
                if at <= (err.span.start.line, err.span.start.col) {
                    return Err(odd_number_error(text, &odd));
                }
            }
            Err(syntax_error(text, err))
        }
    }
}

/// From this size, a file's meetings are parsed on two threads.
const PARALLEL_FROM_BYTES: usize = 4 << 20;

/// Parses the whole text as a [`Dataset`]: a large file on two threads
/// ([`parse_in_parallel`]), falling back to one (which also gives the
/// exact error and its position when the text is wrong).
fn parse_dataset(text: &str) -> Result<Dataset, ron::error::SpannedError> {
    if text.len() >= PARALLEL_FROM_BYTES
        && let Some(Ok(dataset)) = parse_in_parallel(text)
    {
        return Ok(dataset);
    }
    ron_options().from_str::<Dataset>(text)
}

/// Parses `text` on two threads: the second half of its `meetings` list on
/// one, the rest of the file and the first half on the other (the meetings
/// are most of a file). `None` when the text does not lend itself to it:
/// comments, a character literal, no or several `meetings` lists, too few
/// meetings, another `#![enable(…)]` than `implicit_some`, or no thread to
/// be had. An error here says nothing of where the text is wrong: parse it
/// again whole for that.
pub fn parse_in_parallel(text: &str) -> Option<Result<Dataset, ron::error::SpannedError>> {
    let start = text.trim_start();
    let start = start
        // i18n: the file format's own words
        .strip_prefix("#![enable(implicit_some)]")
        .unwrap_or(start);
    if !start.trim_start().starts_with('(') {
        return None;
    }
    let layout = meetings_layout(text)?;
    let (before, rest) = (text.get(..=layout.open)?, text.get(layout.close..)?);
    let first = text.get(layout.open + 1..layout.split)?;
    let second = text.get(layout.split..layout.close)?;
    let progress = crate::progress::current();
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("parse".to_owned())
            .spawn_scoped(scope, move || {
                let work = || {
                    ron_options()
                        .from_str::<crate::progress::CountedList<crate::model::Meeting>>(&format!(
                            "[{second}]"
                        ))
                        .map(|list| list.0)
                };
                match &progress {
                    Some(progress) => progress.install(work),
                    None => work(),
                }
            })
            .ok()?;
        let outer = ron_options().from_str::<Dataset>(&format!("{before}{rest}"));
        let first = ron_options()
            .from_str::<crate::progress::CountedList<crate::model::Meeting>>(&format!("[{first}]"));
        let second = worker.join().ok()?;
        Some((|| {
            let mut dataset = outer?;
            let mut meetings = first?.0;
            meetings.extend(second?);
            dataset.meetings = meetings;
            Ok(dataset)
        })())
    })
}

/// Where the `meetings` list of a file is: its `[`, its `]`, and the start
/// of the record from which the second half goes.
struct MeetingsLayout {
    open: usize,
    close: usize,
    split: usize,
}

/// Finds the one `meetings` list at the top level of `text`, skipping
/// strings; `None` if there is not exactly one, or anything unusual.
fn meetings_layout(text: &str) -> Option<MeetingsLayout> {
    let bytes = text.as_bytes();
    let is_ident = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let mut depth: i32 = 0;
    let mut i = 0;
    let mut expecting_list = false;
    let mut open = None;
    let mut close = None;
    let mut records: Vec<usize> = Vec::new();
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                i = skip_escaped_string(bytes, i + 1);
                continue;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"') | Some(b'#'))
                && !bytes.get(i.wrapping_sub(1)).is_some_and(is_ident) =>
            {
                i = skip_raw_string(bytes, i + 1);
                continue;
            }
            b'/' | b'\'' => return None,
            b'(' | b'[' | b'{' => {
                let inside = open.is_some() && close.is_none();
                if inside && depth == 2 && b == b'(' {
                    records.push(i);
                }
                depth += 1;
                if expecting_list {
                    if b != b'[' || depth != 2 {
                        return None;
                    }
                    expecting_list = false;
                    open = Some(i);
                }
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                if open.is_some() && close.is_none() && depth == 1 {
                    close = Some(i);
                }
            }
            b'm' if depth == 1
                && !bytes.get(i.wrapping_sub(1)).is_some_and(is_ident)
                && text.get(i..).is_some_and(|t| t.starts_with("meetings"))
                && !bytes.get(i + "meetings".len()).is_some_and(is_ident) =>
            {
                if open.is_some() {
                    return None;
                }
                i += "meetings".len();
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if bytes.get(i) != Some(&b':') {
                    return None;
                }
                expecting_list = true;
            }
            _ => {}
        }
        i += 1;
    }
    let (open, close) = (open?, close?);
    // The second half should be about half of the whole text.
    let half = close.checked_sub(text.len() / 2)?;
    let split = *records.iter().find(|start| **start >= half)?;
    (records.first().is_some_and(|first| *first < split)).then_some(MeetingsLayout {
        open,
        close,
        split,
    })
}

/// The ron options every read uses: `implicit_some` on, default recursion limit.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn check_version(found: u32) -> Result<(), ReadError> {
    if found > FORMAT_VERSION {
        Err(ReadError::NewerFormat {
            found,
            supported: FORMAT_VERSION,
        })
    } else if found == 0 {
        Err(ReadError::UnknownFormat {
            found,
            supported: FORMAT_VERSION,
        })
    } else {
        Ok(())
    }
}

/// Reads only `format`, ignoring every other field.
fn probe_format(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Probe {
        format: u32,
    }
    ron_options().from_str::<Probe>(text).ok().map(|p| p.format)
}

fn odd_number_error(text: &str, odd: &lexical::OddNumber) -> ReadError {
    let (line, col) = line_col(text.as_bytes(), odd.offset);
    ReadError::Syntax {
        line,
        col,
        message: odd.message(),
    }
}

fn syntax_error(text: &str, err: ron::error::SpannedError) -> ReadError {
    let mut message = err.code.to_string();
    let first = text.trim_start().chars().next();
    if matches!(first, Some('{') | Some('[')) {
        message.push_str(core::READ_LOOKS_LIKE_JSON.text());
    }
    ReadError::Syntax {
        line: err.span.start.line.max(1),
        col: err.span.start.col.max(1),
        message,
    }
}

/// Line and column, from 1, of a byte offset (columns count characters).
fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |pos| pos + 1);
    let line_text = before.get(line_start..).unwrap_or_default();
    let col = String::from_utf8_lossy(line_text).chars().count() + 1;
    (line, col)
}

/// Whether RON text holds a `//` or `/* */` comment outside strings.
///
/// Comments cannot survive a round trip through serde, so the app warns
/// before it first overwrites such a file.
pub fn has_comments(text: &str) -> bool {
    lexical::scan(text).has_comments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col(b"ab\ncd", 4), (2, 2));
        assert_eq!(line_col("é\nxé!".as_bytes(), 6), (2, 3));
    }
}
