//! Looking at bytes before reading them: what kind of file they are, which
//! text encoding, which CSV delimiter.
//!
//! Architecture invariant: never guesses silently; what is detected is
//! returned so that the caller can report it.

use std::fmt;

use crate::i18n::{self, Msg, catalogue::exchange};

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// A ZIP archive: an XLSX or ODS workbook (or another ZIP).
    Zip,
    /// An OLE2 compound file: an old Excel `.xls` workbook.
    Ole,
    /// Binary data that is no workbook; what it seems to be, in words.
    Binary(&'static str),
    /// Text (in some encoding).
    Text,
}

/// How many leading bytes are looked at to tell text from binary data.
const SNIFF_BYTES: usize = 64 * 1024;

/// What `bytes` hold, from their first bytes.
pub fn content(bytes: &[u8]) -> Content {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Content::Zip;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Content::Ole;
    }
    if utf16_bom(bytes).is_some() {
        return Content::Text;
    }
    let known: [(&[u8], Msg); 6] = [
        (b"%PDF", exchange::WHAT_PDF),
        (b"\x89PNG", exchange::WHAT_PNG),
        (b"\xFF\xD8\xFF", exchange::WHAT_JPEG),
        (b"GIF8", exchange::WHAT_GIF),
        (b"\x1F\x8B", exchange::WHAT_GZIP),
        (b"\x7FELF", exchange::WHAT_PROGRAM),
    ];
    for (magic, what) in known {
        if bytes.starts_with(magic) {
            return Content::Binary(what.text());
        }
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if head.contains(&0) {
        return Content::Binary(exchange::WHAT_NUL_BYTES.text());
    }
    // Control characters other than tab, line feed, form feed and carriage
    // return are rare in text; more than 1 % of them is binary data.
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if controls * 100 > head.len() {
        return Content::Binary(exchange::WHAT_CONTROL_CHARACTERS.text());
    }
    Content::Text
}

/// The text encoding a CSV file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 starting with a byte-order mark (as Excel's "CSV UTF-8" saves).
    Utf8Bom,
    /// UTF-16 with a byte-order mark (Excel's "Unicode text").
    Utf16 {
        /// Little-endian (the usual one) or big-endian.
        little_endian: bool,
    },
    /// UTF-8 (with or without a byte-order mark) but for a few bytes that
    /// are not, each read as U+FFFD `�`: a file edited by two programs, or
    /// cut and pasted from elsewhere.
    Utf8WithStrayBytes {
        /// How many bytes are not UTF-8.
        count: usize,
        /// The line of the first of them (1 = the first line).
        first_line: usize,
    },
    /// Not UTF-8: read as Windows-1252 (Excel's "CSV" on a Western Windows).
    Windows1252,
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextEncoding::Utf8 => i18n::verbatim("UTF-8"),
            TextEncoding::Utf8Bom => exchange::ENCODING_UTF8_BOM.text(),
            TextEncoding::Utf16 {
                little_endian: true,
            } => exchange::ENCODING_UTF16_LE.text(),
            TextEncoding::Utf16 {
                little_endian: false,
            } => exchange::ENCODING_UTF16_BE.text(),
            TextEncoding::Utf8WithStrayBytes { count, first_line } => {
                return f.write_str(
                    &exchange::ENCODING_UTF8_STRAY
                        .with(&[("count", &count), ("line", &first_line)]),
                );
            }
            TextEncoding::Windows1252 => exchange::ENCODING_WINDOWS_1252.text(),
        })
    }
}

fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(true)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(false)
    } else {
        None
    }
}

/// Decodes text: UTF-8 with or without a byte-order mark, UTF-16 with one,
/// else Windows-1252 (which maps every byte to a character, so this never
/// fails; [`content`] has ruled out binary data before).
///
/// Text that is not all UTF-8 is still taken for UTF-8 when the evidence
/// says so: a byte-order mark, or more well-formed UTF-8 characters beyond
/// ASCII than stray bytes (Windows-1252 text almost never holds a valid
/// UTF-8 sequence: `é` is one byte there, two in UTF-8). The stray bytes
/// are then counted and located, never silently turned into other letters.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(little_endian) = utf16_bom(bytes) {
        let encoding = if little_endian {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return (text.into_owned(), TextEncoding::Utf16 { little_endian });
    }
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if let Ok(text) = std::str::from_utf8(body) {
        let encoding = if bom {
            TextEncoding::Utf8Bom
        } else {
            TextEncoding::Utf8
        };
        return (text.to_owned(), encoding);
    }
    let evidence = utf8_evidence(body);
    if bom || (evidence.wide_characters > 0 && evidence.stray_bytes <= evidence.wide_characters) {
        let text = String::from_utf8_lossy(body).into_owned();
        let encoding = TextEncoding::Utf8WithStrayBytes {
            count: evidence.stray_bytes,
            first_line: evidence.first_stray_line,
        };
        return (text, encoding);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    (text.into_owned(), TextEncoding::Windows1252)
}

/// How much of some bytes reads as UTF-8.
struct Utf8Evidence {
    /// Well-formed characters of two to four bytes.
    wide_characters: usize,
    /// Bytes that are no part of a well-formed character.
    stray_bytes: usize,
    /// The line of the first stray byte (1 = the first line).
    first_stray_line: usize,
}

fn utf8_evidence(bytes: &[u8]) -> Utf8Evidence {
    let mut evidence = Utf8Evidence {
        wide_characters: 0,
        stray_bytes: 0,
        first_stray_line: 0,
    };
    let mut lines = 1;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        evidence.wide_characters += valid.chars().filter(|c| !c.is_ascii()).count();
        lines += memchr::memchr_iter(b'\n', valid.as_bytes()).count();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            if evidence.stray_bytes == 0 {
                evidence.first_stray_line = lines;
            }
            evidence.stray_bytes += invalid.len();
            lines += memchr::memchr_iter(b'\n', invalid).count();
        }
    }
    evidence
}

/// The line (1 = the first) where a quote that opens a cell is never
/// closed, reading `text` as CSV with `delimiter`; `None` when every quote
/// closes. A CSV reader takes everything after such a quote, to the end of
/// the file, for one cell. A quote opens a cell only as its first
/// character; a doubled quote inside a quoted cell is a quote.
pub fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut opened_on: Option<usize> = None;
    let mut at_cell_start = true;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let next = bytes.get(index + 1).copied();
        let ends_line = byte == b'\n' || (byte == b'\r' && next != Some(b'\n'));
        if ends_line {
            line += 1;
        }
        if opened_on.is_some() {
            if byte == b'"' {
                if next == Some(b'"') {
                    index += 1;
                } else {
                    opened_on = None;
                }
            }
        } else if byte == b'"' && at_cell_start {
            opened_on = Some(line);
            at_cell_start = false;
        } else {
            at_cell_start = byte == delimiter || byte == b'\n' || byte == b'\r';
        }
        index += 1;
    }
    opened_on
}

/// The delimiters tried, in order of preference when they tie.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many records are looked at to choose the delimiter.
const SNIFF_RECORDS: usize = 50;

/// The delimiter of a CSV text, and whether it was given by an Excel
/// `sep=X` first line (then the text to read starts after that line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter {
    /// The delimiter byte.
    pub byte: u8,
    /// Given by a `sep=` line rather than detected.
    pub declared: bool,
}

impl Delimiter {
    /// The delimiter in words: "comma", "semicolon", "tab".
    pub fn name(self) -> String {
        match self.byte {
            b',' => exchange::DELIMITER_COMMA.text().to_owned(),
            b';' => exchange::DELIMITER_SEMICOLON.text().to_owned(),
            b'\t' => exchange::DELIMITER_TAB.text().to_owned(),
            b'|' => exchange::DELIMITER_BAR.text().to_owned(),
            other => super::quoted(&char::from(other).to_string()),
        }
    }
}

/// Splits off an Excel `sep=X` first line: the delimiter and the rest.
pub fn declared_delimiter(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim_end_matches('\r');
    let value = first
        .strip_prefix("sep=") // i18n: Excel's own line, read from the file
        .or_else(|| first.strip_prefix("SEP="))?; // i18n: the same, in capitals
    match value.as_bytes() {
        [byte] if byte.is_ascii() => Some((*byte, rest)),
        _ => None,
    }
}

/// Chooses the delimiter that splits the first records into the same number
/// of cells (more than one) most consistently; a comma when nothing does
/// (a file of one column).
pub fn delimiter(text: &str) -> u8 {
    let head = head_of(text, SNIFF_BYTES);
    let mut best: Option<((bool, usize, usize), u8)> = None;
    for candidate in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(candidate)
            .from_reader(head.as_bytes());
        let mut widths = Vec::new();
        for record in reader.records().take(SNIFF_RECORDS) {
            // Rows of empty cells count too: Excel writes ";;;" for them.
            match record {
                Ok(record) => widths.push(record.len()),
                Err(_) => break,
            }
        }
        let Some(header_width) = widths.first().copied() else {
            continue;
        };
        let consistent = widths.iter().filter(|w| **w == header_width).count();
        // Per mille, so that files of different lengths compare.
        let consistency = consistent * 1000 / widths.len().max(1);
        let score = (header_width > 1, consistency, header_width);
        if best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, candidate));
        }
    }
    match best {
        Some(((true, _, _), byte)) => byte,
        _ => b',',
    }
}

/// At most `limit` bytes of `text`, cut at a line end (or a character
/// boundary when there is none).
fn head_of(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or(text);
    match head.rfind('\n') {
        Some(end) => head.get(..end).unwrap_or(head),
        None => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_found_by_consistency() {
        assert_eq!(delimiter("a;b;c\n1;2,5;3\n4;5;6\n"), b';');
        assert_eq!(delimiter("a,b,c\n1,\"2;5\",3\n"), b',');
        assert_eq!(delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(delimiter("only\none\ncolumn\n"), b',');
        assert_eq!(
            delimiter("Montant;Date\n1 200,00 €;12/02/2015\n1200,5;13/02/2015\n"),
            b';'
        );
    }

    #[test]
    fn excel_sep_lines_declare_the_delimiter() {
        assert_eq!(declared_delimiter("sep=;\r\na;b\n"), Some((b';', "a;b\n")));
        assert_eq!(declared_delimiter("a;b\n"), None);
    }

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(decode(b"caf\xC3\xA9").1, TextEncoding::Utf8);
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9").0, "café");
        let (text, encoding) = decode(b"caf\xE9 \x80");
        assert_eq!(
            (text.as_str(), encoding),
            ("café €", TextEncoding::Windows1252)
        );
        let (text, encoding) = decode(b"\xFF\xFEa\x00;\x00b\x00");
        assert_eq!(text, "a;b");
        assert_eq!(
            encoding,
            TextEncoding::Utf16 {
                little_endian: true
            }
        );
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8_and_says_where() {
        let (text, encoding) = decode(b"Sujet\nR\xC3\xA9union caf\xC3\xA9\nli\xFFgne\n");
        assert_eq!(text, "Sujet\nRéunion café\nli\u{FFFD}gne\n");
        assert_eq!(
            encoding,
            TextEncoding::Utf8WithStrayBytes {
                count: 1,
                first_line: 3
            }
        );
        // A byte-order mark is evidence enough.
        let (_, encoding) = decode(b"\xEF\xBB\xBFa\n\xFF\n");
        assert_eq!(
            encoding,
            TextEncoding::Utf8WithStrayBytes {
                count: 1,
                first_line: 2
            }
        );
        // Windows-1252 accents are not taken for damaged UTF-8.
        let (text, encoding) = decode(b"R\xE9union caf\xE9 \xE0 Tokyo");
        assert_eq!(
            (text.as_str(), encoding),
            ("Réunion café à Tokyo", TextEncoding::Windows1252)
        );
    }

    #[test]
    fn a_quote_never_closed_is_found_with_its_line() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\n2,y\n3,z\n", b','), Some(2));
        assert_eq!(
            unclosed_quote("a;b\r\n1;\"x\"\"y\"\r\n2;\"z\n", b';'),
            Some(3)
        );
        // Closed quotes, doubled quotes, line breaks in quotes, and quotes
        // inside an unquoted cell are fine.
        assert_eq!(
            unclosed_quote("a,b\n\"x\ny\",\"he said \"\"hi\"\"\"\n", b','),
            None
        );
        assert_eq!(unclosed_quote("a,b\n5\" screen,l'usine\n", b','), None);
    }

    #[test]
    fn binary_content_is_recognised() {
        assert_eq!(content(b"PK\x03\x04rest"), Content::Zip);
        assert!(matches!(content(b"%PDF-1.4"), Content::Binary(_)));
        assert!(matches!(content(b"ab\x00cd"), Content::Binary(_)));
        assert_eq!(content("a;b\nc;é\n".as_bytes()), Content::Text);
    }
}
