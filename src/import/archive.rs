//! Looking inside a workbook's ZIP archive before the workbook reader
//! expands it: an XLSX or ODS file is compressed, and what it declares (the
//! sizes in its archive, the repeats of an ODS sheet) is not trusted.
//!
//! - Every entry is unpacked once, counting the bytes that really come out,
//!   and the workbook is refused past [`MAX_UNPACKED_BYTES`] in all (8 MB of
//!   XLSX can unpack to a 2.3 GB cell).
//! - An ODS sheet writes identical rows and cells once with a repeat count
//!   (`table:number-rows-repeated`, `table:number-columns-repeated`), which
//!   the reader expands; the cells that expansion would make are counted
//!   first, the way the reader makes them, and a sheet past [`MAX_CELLS`]
//!   is refused. The trailing repeats every spreadsheet program writes
//!   (empty rows to the millionth, empty cells to the last column) make no
//!   cell and are not counted.
//!
//! Architecture invariant: this only counts; the workbook reader reads, and
//! reports a damaged archive in its own words.

use std::io::{self, BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::ImportError;
use super::read::{MAX_CELLS, WorkbookFormat};
use crate::i18n::catalogue::exchange;

/// The most bytes a workbook may unpack to, all its entries together
/// (512 MiB: a sheet of five million cells takes about a third of it).
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// Checks the archive of an XLSX or ODS workbook before it is read: refuses
/// one that unpacks to more than [`MAX_UNPACKED_BYTES`], or an ODS sheet
/// whose repeats would make more than [`MAX_CELLS`] cells. An archive that
/// cannot be opened passes: the workbook reader says what is wrong with it.
pub fn check(path: &Path, bytes: &[u8], format: WorkbookFormat) -> Result<(), ImportError> {
    let Ok(mut archive) = zip::ZipArchive::new(io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index(index) else {
            continue;
        };
        let is_ods_content = format == WorkbookFormat::Ods && entry.name() == "content.xml";
        let mut counted = Counted {
            inner: entry.take(MAX_UNPACKED_BYTES - unpacked + 1),
            count: 0,
        };
        let expanded = if is_ods_content {
            let mut reader = quick_xml::Reader::from_reader(BufReader::new(&mut counted));
            let expanded = ods_expansion(&mut reader);
            // What the XML reader did not need is still unpacked and counted.
            io::copy(reader.get_mut(), &mut io::sink()).ok();
            expanded
        } else {
            io::copy(&mut counted, &mut io::sink()).ok();
            Expansion::default()
        };
        // Repeated spaces (`<text:s text:c="…"/>`) are text the reader makes.
        unpacked = unpacked
            .saturating_add(counted.count)
            .saturating_add(expanded.spaces);
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(ImportError::UnpackedTooLarge {
                path: path.to_owned(),
                limit: MAX_UNPACKED_BYTES,
            });
        }
        if expanded.cells > MAX_CELLS as u64 {
            return Err(ImportError::TooManyCells {
                path: path.to_owned(),
                what: exchange::WHAT_REPEATED_CELLS.with(&[("count", &expanded.cells)]),
                limit: MAX_CELLS,
            });
        }
    }
    Ok(())
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count = self.count.saturating_add(read as u64);
        Ok(read)
    }
}

/// What one sheet's rows make once expanded, counted as they are read.
#[derive(Default)]
struct SheetCount {
    /// Cells pushed while reading rows, before rows are repeated.
    pushed: u64,
    /// The rows from the first row with a value to the last, repeats
    /// counted.
    span: u64,
    /// The rows since the first row with a value, repeats counted.
    since_first: u64,
    /// Whether a row with a value was seen.
    started: bool,
    /// The widest row with a value, in cells.
    width: u64,
}

impl SheetCount {
    fn row(&mut self, repeats: u64, width: u64) {
        self.pushed = self.pushed.saturating_add(width);
        if width > 0 {
            self.started = true;
            self.width = self.width.max(width);
        }
        if self.started {
            self.since_first = self.since_first.saturating_add(repeats);
            if width > 0 {
                self.span = self.since_first;
            }
        }
    }

    /// The most cells the reader holds for this sheet at once.
    fn cells(&self) -> u64 {
        self.pushed.max(self.span.saturating_mul(self.width))
    }
}

/// What the repeats of an ODS `content.xml` make once expanded.
#[derive(Default)]
struct Expansion {
    /// The most cells of any sheet.
    cells: u64,
    /// The spaces of all repeated-space elements.
    spaces: u64,
}

/// What an ODS `content.xml` expands to, as the workbook reader expands
/// it: a row with a value is made as wide as the widest such row and
/// repeated as often as it says; empty rows between rows with values are
/// made too; empty cells after a row's last value and empty rows after the
/// sheet's last value are not. Stops counting past the limits.
fn ods_expansion<R: io::BufRead>(reader: &mut quick_xml::Reader<R>) -> Expansion {
    let mut spaces = 0u64;
    let mut buf = Vec::new();
    let mut most = 0u64;
    let mut sheet = SheetCount::default();
    // The row being read: its repeats, the cells so far, those up to its
    // last value.
    let mut row: Option<(u64, u64, u64)> = None;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"table:table" => {
                sheet = SheetCount::default();
            }
            Event::End(e) if e.name().as_ref() == b"table:table" => {
                most = most.max(sheet.cells());
            }
            Event::Start(e) if e.name().as_ref() == b"table:table-row" => {
                row = Some((repeats(&e, b"table:number-rows-repeated"), 0, 0));
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table-row" => {
                sheet.row(repeats(&e, b"table:number-rows-repeated"), 0);
            }
            Event::End(e) if e.name().as_ref() == b"table:table-row" => {
                if let Some((repeats, _, width)) = row.take() {
                    sheet.row(repeats, width);
                    if sheet.cells() > MAX_CELLS as u64 {
                        return Expansion {
                            cells: sheet.cells(),
                            spaces,
                        };
                    }
                }
            }
            // A cell with content is made however it is written; an empty
            // element only with a value or a formula.
            Event::Start(e) if is_cell(&e) => count_cell(&mut row, &e, true),
            Event::Empty(e) if is_cell(&e) => count_cell(&mut row, &e, is_filled(&e)),
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"text:s" => {
                spaces = spaces.saturating_add(repeats(&e, b"text:c"));
                if spaces > MAX_UNPACKED_BYTES {
                    break;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Expansion {
        cells: most.max(sheet.cells()),
        spaces,
    }
}

fn is_cell(element: &BytesStart<'_>) -> bool {
    matches!(
        element.name().as_ref(),
        b"table:table-cell" | b"table:covered-table-cell"
    )
}

/// Counts a cell into the row being read: (repeats, cells, cells up to the
/// last value).
fn count_cell(row: &mut Option<(u64, u64, u64)>, cell: &BytesStart<'_>, filled: bool) {
    if let Some((_, cells, width)) = row {
        *cells = cells.saturating_add(repeats(cell, b"table:number-columns-repeated"));
        if filled {
            *width = *cells;
        }
    }
}

/// Whether a cell holds a value or a formula (then the reader makes it, and
/// the empty cells before it, however often they repeat).
fn is_filled(cell: &BytesStart<'_>) -> bool {
    cell.attributes().flatten().any(|attribute| {
        matches!(
            attribute.key.as_ref(),
            b"office:value-type" | b"office:value" | b"office:string-value" | b"table:formula"
        )
    })
}

/// An element's repeat count: 1 when absent or not a number, as the
/// reader's own parse would refuse it.
fn repeats(element: &BytesStart<'_>, name: &[u8]) -> u64 {
    element
        .try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|attribute| std::str::from_utf8(&attribute.value).ok()?.parse().ok())
        .unwrap_or(1)
}
