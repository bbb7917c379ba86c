//! One pass over a data file's text outside its strings: whether it has
//! comments (which saving drops) and the first number not written the way
//! `docs/FORMAT.md` writes numbers.
//!
//! ron reads `0x10`, `+5`, `1_000` and `1e3` as numbers, and stops at
//! `format: 1.0` with "Expected comma". The format has whole numbers in
//! plain decimal digits only (`format: 1`, `amount_eur: 250000`), so that a
//! file reads the same to a person, to a spreadsheet and to a script: any
//! other spelling is refused here, with the number as the file writes it.

use crate::i18n::catalogue::core;

/// What [`scan`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexical {
    /// A `//` or `/* */` comment outside strings.
    pub has_comments: bool,
    /// The first number written otherwise than in plain digits.
    pub odd_number: Option<OddNumber>,
}

/// A number written otherwise than in plain decimal digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OddNumber {
    /// Byte offset of its first character.
    pub offset: usize,
    /// As written in the file.
    pub written: String,
}

impl OddNumber {
    /// What is wrong and how to write it, in words.
    pub fn message(&self) -> String {
        let found = self.written.as_str();
        let (sign, unsigned) = match found.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", found.strip_prefix('+').unwrap_or(found)),
        };
        let radix = [("0x", 16), ("0b", 2), ("0o", 8)]
            .into_iter()
            .find_map(|(prefix, radix)| {
                let head = unsigned.get(..2)?;
                let digits = unsigned.get(2..)?.replace('_', "");
                if !head.eq_ignore_ascii_case(prefix) {
                    return None;
                }
                u128::from_str_radix(&digits, radix).ok()
            });
        let plain = |digits: &str| format!("{sign}{digits}");
        if let Some(value) = radix {
            core::READ_NUMBER_RADIX
                .with(&[("found", &found), ("plain", &plain(&value.to_string()))])
        } else if found.starts_with('+') && is_digits(unsigned) {
            core::READ_NUMBER_SIGN.with(&[("found", &found), ("plain", &plain(unsigned))])
        } else if unsigned.contains('_') && is_digits(&unsigned.replace('_', "")) {
            core::READ_NUMBER_SEPARATOR.with(&[
                ("found", &found),
                ("plain", &plain(&unsigned.replace('_', ""))),
            ])
        } else {
            core::READ_NUMBER_NOT_WHOLE.with(&[("found", &found)])
        }
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Scans `text` once, skipping strings, raw strings, characters and comments.
pub fn scan(text: &str) -> Lexical {
    let bytes = text.as_bytes();
    let mut found = Lexical {
        has_comments: false,
        odd_number: None,
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let after_ident = i
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .is_some_and(|p| is_ident(*p) || *p == b'.');
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                found.has_comments = true;
                i = bytes
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|c| *c == b'\n'))
                    .map_or(bytes.len(), |end| i + end);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                found.has_comments = true;
                i = skip_block_comment(bytes, i + 2);
            }
            b'"' => i = skip_escaped_string(bytes, i + 1),
            b'\'' => i = skip_char(bytes, i + 1),
            b'r' if matches!(bytes.get(i + 1), Some(b'"') | Some(b'#')) && !after_ident => {
                i = skip_raw_string(bytes, i + 1);
            }
            b'0'..=b'9' | b'+' | b'-'
                if !after_ident
                    && (b.is_ascii_digit() || bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) =>
            {
                let end = number_end(bytes, i);
                let written = text.get(i..end).unwrap_or_default();
                if found.odd_number.is_none() && !is_plain(written) {
                    found.odd_number = Some(OddNumber {
                        offset: i,
                        written: written.to_owned(),
                    });
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

/// A whole number in plain decimal digits, negative or not (a negative
/// amount is refused by the amount's own reader, with its own message).
fn is_plain(written: &str) -> bool {
    is_digits(written.strip_prefix('-').unwrap_or(written))
}

/// The end of the number starting at `i`: its sign, then letters, digits,
/// `_` and `.`, and a sign after an exponent's `e`.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        let exponent_sign = matches!(b, b'+' | b'-')
            && bytes.get(i - 1).is_some_and(|p| matches!(p, b'e' | b'E'))
            && !bytes
                .get(start..i)
                .is_some_and(|t| t.windows(2).any(|w| w.eq_ignore_ascii_case(b"0x")));
        if is_ident(b) || b == b'.' || exponent_sign {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Index just after the `*/` closing a block comment (ron nests them).
fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 1usize;
    while let Some(&b) = bytes.get(i) {
        match (b, bytes.get(i + 1)) {
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            _ => i += 1,
        }
    }
    i
}

/// Index just after a character literal whose content starts at `i`.
fn skip_char(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'\'' => return i + 1,
            b'\n' => return i,
            _ => i += 1,
        }
    }
    i
}

/// Index just after the closing quote of an escaped string starting at `i`.
pub(super) fn skip_escaped_string(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// Index just after a raw string whose hashes start at `i` (after the `r`).
pub(super) fn skip_raw_string(bytes: &[u8], mut i: usize) -> usize {
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    if bytes.get(i) != Some(&b'"') {
        return i;
    }
    i += 1;
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'"') && (1..=hashes).all(|k| bytes.get(i + k) == Some(&b'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odd(text: &str) -> Option<String> {
        scan(text).odd_number.map(|n| n.written)
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(scan("(format: 1, // a comment\n)").has_comments);
        assert!(scan("(/* block */ format: 1)").has_comments);
        assert!(!scan(r#"(format: 1, title: "http://example.org // not a comment")"#).has_comments);
        assert!(!scan("(format: 1, title: r#\"a \"quoted\" // text\"#)").has_comments);
        assert!(!scan(r#"(format: 1, title: "escaped \" // still a string")"#).has_comments);
    }

    #[test]
    fn only_plain_digits_are_numbers() {
        assert_eq!(odd("(format: 1, amount_eur: 250000, value_eur: -5)"), None);
        assert_eq!(odd("(amount_eur: 0x10)").as_deref(), Some("0x10"));
        assert_eq!(odd("(amount_eur: +5)").as_deref(), Some("+5"));
        assert_eq!(odd("(amount_eur: 1_000)").as_deref(), Some("1_000"));
        assert_eq!(odd("(format: 1.0)").as_deref(), Some("1.0"));
        assert_eq!(odd("(amount_eur: 1e3)").as_deref(), Some("1e3"));
        assert_eq!(odd("(amount_eur: 2.5e+3)").as_deref(), Some("2.5e+3"));
    }

    #[test]
    fn digits_inside_strings_names_and_comments_are_not_numbers() {
        let text = "#![enable(implicit_some)]\n(format: 1, id: \"m-0x10\", topic: r#\"+5 \"1_000\"\"#, \
                    stage: Stage2, c: '+', /* 0x10 /* 1.5 */ */ // +5\n amount_eur: 7)";
        assert_eq!(odd(text), None, "{text}");
    }

    #[test]
    fn messages_say_how_to_write_the_number() {
        let message = |text: &str| {
            scan(text)
                .odd_number
                .map(|n| n.message())
                .unwrap_or_default()
        };
        assert!(
            message("(a: 0x10)").contains("16"),
            "{}",
            message("(a: 0x10)")
        );
        assert!(message("(a: +5)").contains("5"), "{}", message("(a: +5)"));
        assert!(
            message("(a: 1_000)").contains("1000"),
            "{}",
            message("(a: 1_000)")
        );
        assert!(message("(format: 1.0)").contains("1.0"));
    }
}
