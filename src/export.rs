//! Getting data out to spreadsheets safely.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! run as a formula by spreadsheet programs (OWASP "CSV injection"); such
//! cells are prefixed with an apostrophe, which spreadsheets show as text.

use std::borrow::Cow;

/// The cell text, neutralised against formula injection.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_kept() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+33 1 23"), "'+33 1 23");
        assert_eq!(spreadsheet_safe("-1"), "'-1");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("\tx"), "'\tx");
        assert_eq!(spreadsheet_safe("europe"), "europe");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
