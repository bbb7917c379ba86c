//! How a column writes dates and amounts, detected from its cells, and the
//! conversion of a cell to the canonical text of [`crate::fields`]
//! (`YYYY-MM-DD`, whole euros in digits, ISO country codes).
//!
//! Dates: ISO `YYYY-MM-DD` is always understood. Otherwise a column of
//! `12/02/2015`, `1/2/15` or `12.02.2015` is read day first, as in Europe;
//! month first (`02/12/2015`) only when a value proves it (a second number
//! above 12, and no first number above 12). Amounts: a decimal comma or dot
//! is told from the values (`1 200,00`, `1,200.50`); spaces, no-break
//! spaces, apostrophes, and the dot or comma that is not the decimal mark
//! group thousands; a euro sign or `EUR` is ignored; decimals are rounded to
//! whole euros (and the row says so).
//!
//! Architecture invariant: a value is converted or refused with a reason a
//! person can act on; never reinterpreted silently.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;

use super::read::{SourceKind, Table};
use crate::i18n::catalogue::exchange;

/// The order of a date's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `YYYY-MM-DD`.
    Iso,
    /// Day, month, year (`dd/mm/yyyy`, `d/m/yy`, `dd.mm.yyyy`).
    DayFirst,
    /// Month, day, year (`mm/dd/yyyy`), as in the United States.
    MonthFirst,
}

/// The date format of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFormat {
    /// The order of the parts.
    pub order: DateOrder,
    /// The separator seen most (`/`, `.` or `-`).
    pub separator: char,
    /// Years written with two digits (`15` for 2015).
    pub short_year: bool,
    /// Day first was assumed: no value had a number above 12 to tell.
    pub assumed: bool,
}

impl DateFormat {
    /// ISO `YYYY-MM-DD`.
    pub const ISO: DateFormat = DateFormat {
        order: DateOrder::Iso,
        separator: '-',
        short_year: false,
        assumed: false,
    };
}

impl fmt::Display for DateFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = if self.short_year {
            exchange::YEAR_SHORT
        } else {
            exchange::YEAR_LONG
        };
        let values: [(&str, &dyn fmt::Display); 2] = [("s", &self.separator), ("year", &year)];
        match self.order {
            DateOrder::Iso => f.write_str(exchange::DATE_ISO.text()),
            DateOrder::DayFirst => {
                f.write_str(&exchange::DATE_DAY_FIRST.with(&values))?;
                if self.assumed {
                    f.write_str(exchange::DATE_ASSUMED.text())?;
                }
                Ok(())
            }
            DateOrder::MonthFirst => f.write_str(&exchange::DATE_MONTH_FIRST.with(&values)),
        }
    }
}

/// The mark between whole euros and cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `1 200,50` (French, German…).
    Comma,
    /// `1,200.50` (English).
    Dot,
}

/// The number format of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    /// The decimal mark.
    pub decimal: DecimalMark,
    /// The thousands separator seen most, if any.
    pub grouping: Option<char>,
    /// A euro sign or `EUR` was seen (and is ignored).
    pub currency: bool,
    /// The decimal mark was not told by any value (`1.200` could be either):
    /// the default of the file was taken.
    pub assumed: bool,
}

impl fmt::Display for NumberFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.decimal {
            DecimalMark::Comma => exchange::DECIMAL_COMMA.text(),
            DecimalMark::Dot => exchange::DECIMAL_DOT.text(),
        })?;
        if self.assumed {
            f.write_str(exchange::ASSUMED.text())?;
        }
        match self.grouping {
            Some(' ') => f.write_str(exchange::THOUSANDS_SPACES.text())?,
            Some('\u{a0}' | '\u{202f}') => {
                f.write_str(exchange::THOUSANDS_NO_BREAK_SPACES.text())?
            }
            Some('.') => f.write_str(exchange::THOUSANDS_DOTS.text())?,
            Some(',') => f.write_str(exchange::THOUSANDS_COMMAS.text())?,
            Some('\'' | '’') => f.write_str(exchange::THOUSANDS_APOSTROPHES.text())?,
            Some(other) => f.write_str(&exchange::THOUSANDS_OTHER.with(&[("other", &other)]))?,
            None => {}
        }
        if self.currency {
            f.write_str(exchange::EURO_IGNORED.text())?;
        }
        Ok(())
    }
}

/// What was detected in one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnFormat {
    /// The date format, when most of the column's values look like dates.
    pub date: Option<DateFormat>,
    /// How numbers are written (always set: a default when nothing tells).
    pub number: NumberFormat,
}

/// The formats of every column of a table (editable before planning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formats {
    /// One per column of the table.
    pub columns: Vec<ColumnFormat>,
    /// The decimal mark taken for columns where no value tells.
    pub default_decimal: DecimalMark,
}

impl Formats {
    /// The date format of a column (ISO when none was detected).
    pub fn date(&self, column: usize) -> DateFormat {
        self.columns
            .get(column)
            .and_then(|c| c.date)
            .unwrap_or(DateFormat::ISO)
    }

    /// The number format of a column.
    pub fn number(&self, column: usize) -> NumberFormat {
        self.columns.get(column).map_or(
            NumberFormat {
                decimal: self.default_decimal,
                grouping: None,
                currency: false,
                assumed: true,
            },
            |c| c.number,
        )
    }
}

/// Detects each column's date and number format from its values.
///
/// The decimal mark defaults to a comma in a semicolon-separated CSV (what
/// a French or German Excel writes) and to a dot otherwise.
pub fn detect_formats(table: &Table) -> Formats {
    let default_decimal = match &table.source.kind {
        SourceKind::Csv { delimiter, .. } if delimiter.byte == b';' => DecimalMark::Comma,
        _ => DecimalMark::Dot,
    };
    let columns = (0..table.headers.len())
        .map(|column| {
            let values: Vec<&str> = table
                .rows
                .iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.trim())
                .filter(|cell| !cell.is_empty())
                .collect();
            ColumnFormat {
                date: detect_date(&values),
                number: detect_number(&values, default_decimal),
            }
        })
        .collect();
    Formats {
        columns,
        default_decimal,
    }
}

/// The shape of a date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateShape {
    Iso {
        year: i32,
        month: u32,
        day: u32,
    },
    Numeric {
        first: u32,
        second: u32,
        year: i32,
        separator: char,
        short_year: bool,
    },
}

/// Splits `12/02/2015`, `1.2.15`, `2015-02-12` (a time after a space or a
/// `T` is ignored); `None` for anything else.
fn date_shape(text: &str) -> Option<DateShape> {
    let text = text.trim();
    let date = text.split([' ', 'T']).next().unwrap_or(text);
    let separator = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date.split(separator).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.chars().all(|ch| ch.is_ascii_digit())
    };
    if separator == '-' && digits(a, 4, 4) && digits(b, 1, 2) && digits(c, 1, 2) {
        return Some(DateShape::Iso {
            year: a.parse().ok()?,
            month: b.parse().ok()?,
            day: c.parse().ok()?,
        });
    }
    if digits(a, 1, 2) && digits(b, 1, 2) && (digits(c, 2, 2) || digits(c, 4, 4)) {
        let short_year = c.len() == 2;
        let year: i32 = c.parse().ok()?;
        return Some(DateShape::Numeric {
            first: a.parse().ok()?,
            second: b.parse().ok()?,
            year: if short_year { full_year(year) } else { year },
            separator,
            short_year,
        });
    }
    None
}

/// `15` → 2015, `98` → 1998 (two-digit years from 70 are the 1900s).
fn full_year(short: i32) -> i32 {
    if short < 70 {
        2000 + short
    } else {
        1900 + short
    }
}

fn detect_date(values: &[&str]) -> Option<DateFormat> {
    let shapes: Vec<DateShape> = values.iter().filter_map(|v| date_shape(v)).collect();
    if shapes.is_empty() || shapes.len() * 2 <= values.len() {
        return None;
    }
    let mut separators: HashMap<char, usize> = HashMap::new();
    let (mut short, mut long) = (0usize, 0usize);
    let (mut day_first, mut month_first) = (false, false);
    for shape in &shapes {
        if let DateShape::Numeric {
            first,
            second,
            separator,
            short_year,
            ..
        } = shape
        {
            *separators.entry(*separator).or_default() += 1;
            if *short_year {
                short += 1;
            } else {
                long += 1;
            }
            if *first > 12 {
                day_first = true;
            } else if *second > 12 {
                month_first = true;
            }
        }
    }
    let Some(separator) = separators
        .into_iter()
        .max_by_key(|(sep, count)| (*count, *sep == '/'))
        .map(|(sep, _)| sep)
    else {
        return Some(DateFormat::ISO);
    };
    let order = if month_first && !day_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    };
    Some(DateFormat {
        order,
        separator,
        short_year: short > long,
        assumed: !day_first && !month_first,
    })
}

/// A cell of a date column as `YYYY-MM-DD`, or why it is not a date.
pub fn convert_date(text: &str, format: DateFormat) -> Result<String, String> {
    let text = text.trim();
    let (year, month, day, how) = match date_shape(text) {
        Some(DateShape::Iso { year, month, day }) => (year, month, day, exchange::READ_YMD),
        Some(DateShape::Numeric {
            first,
            second,
            year,
            ..
        }) => match format.order {
            DateOrder::MonthFirst => (year, first, second, exchange::READ_MDY),
            DateOrder::DayFirst | DateOrder::Iso => (year, second, first, exchange::READ_DMY),
        },
        None => {
            let pattern = match format.order {
                DateOrder::Iso => exchange::ISO_PATTERN.text().to_owned(),
                _ => format.to_string(),
            };
            return Err(exchange::NOT_A_DATE.with(&[("text", &text), ("format", &pattern)]));
        }
    };
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Ok(date.format("%Y-%m-%d").to_string()), // i18n: the file's own format
        None => Err(exchange::NOT_A_REAL_DATE.with(&[
            ("text", &text),
            ("how", &how),
            ("day", &day),
            ("month", &month),
            ("year", &year),
        ])),
    }
}

/// Strips a euro sign or `EUR`/`euros` before or after the number; tells
/// whether one was there, and refuses other currencies.
fn strip_currency(text: &str) -> Result<(&str, bool), String> {
    let trimmed = text.trim();
    for sign in ['$', '£', '¥'] {
        if trimmed.contains(sign) {
            return Err(exchange::NOT_IN_EUROS.with(&[("text", &trimmed)]));
        }
    }
    let mut rest = trimmed;
    let mut currency = false;
    for word in ["€", "euros", "euro", "eur"] {
        let cut = rest.len().saturating_sub(word.len());
        if let Some(tail) = rest.get(cut..)
            && rest.len() >= word.len()
            && tail.eq_ignore_ascii_case(word)
        {
            rest = rest.get(..cut).unwrap_or(rest).trim_end();
            currency = true;
            break;
        }
        if let Some(head) = rest.get(..word.len())
            && head.eq_ignore_ascii_case(word)
        {
            rest = rest.get(word.len()..).unwrap_or(rest).trim_start();
            currency = true;
            break;
        }
    }
    Ok((rest, currency))
}

fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’')
}

/// What one value tells about the decimal mark.
fn decimal_evidence(number: &str) -> Option<DecimalMark> {
    let commas = number.matches(',').count();
    let dots = number.matches('.').count();
    let digits_after = |mark: char| {
        number
            .rsplit(mark)
            .next()
            .map_or(0, |tail| tail.chars().filter(char::is_ascii_digit).count())
    };
    match (commas, dots) {
        (0, 0) => None,
        (c, d) if c > 0 && d > 0 => {
            let last_comma = number.rfind(',');
            let last_dot = number.rfind('.');
            if last_comma > last_dot {
                Some(DecimalMark::Comma)
            } else {
                Some(DecimalMark::Dot)
            }
        }
        (1, 0) if digits_after(',') != 3 => Some(DecimalMark::Comma),
        (c, 0) if c > 1 => Some(DecimalMark::Dot),
        (0, 1) if digits_after('.') != 3 => Some(DecimalMark::Dot),
        (0, d) if d > 1 => Some(DecimalMark::Comma),
        // "1,200" or "1.200": a thousands separator or three decimals.
        _ => None,
    }
}

fn detect_number(values: &[&str], default: DecimalMark) -> NumberFormat {
    let (mut commas, mut dots) = (0usize, 0usize);
    let mut undecided = false;
    let mut currency = false;
    let mut groups: HashMap<char, usize> = HashMap::new();
    for value in values {
        let Ok((number, had_currency)) = strip_currency(value) else {
            continue;
        };
        let number = number.trim_start_matches(['-', '−', '+']);
        if number.is_empty()
            || !number
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.') || is_space_group(c))
            || !number.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        currency |= had_currency;
        for c in number.chars().filter(|c| is_space_group(*c)) {
            *groups.entry(c).or_default() += 1;
        }
        match decimal_evidence(number) {
            Some(DecimalMark::Comma) => commas += 1,
            Some(DecimalMark::Dot) => dots += 1,
            None => undecided |= number.contains([',', '.']),
        }
    }
    let (decimal, assumed) = if commas > dots {
        (DecimalMark::Comma, false)
    } else if dots > commas {
        (DecimalMark::Dot, false)
    } else {
        (default, undecided || commas > 0)
    };
    // The other mark groups thousands too; count it among the separators.
    let other = match decimal {
        DecimalMark::Comma => '.',
        DecimalMark::Dot => ',',
    };
    for value in values {
        let seen = value.matches(other).count();
        if seen > 0 {
            *groups.entry(other).or_default() += seen;
        }
    }
    let grouping = groups
        .into_iter()
        .max_by_key(|(c, count)| (*count, *c == ' '))
        .map(|(c, _)| c);
    NumberFormat {
        decimal,
        grouping,
        currency,
        assumed,
    }
}

/// A converted amount: whole euros as digits, and a note when decimals were
/// rounded away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// Whole euros, digits only.
    pub euros: String,
    /// Set when the value had cents: what was rounded to what.
    pub rounded: Option<String>,
}

/// A cell of an amount column as whole euros, or why it is not one.
pub fn convert_amount(text: &str, format: NumberFormat) -> Result<Amount, String> {
    let original = text.trim();
    let (number, _) = strip_currency(original)?;
    let negative = number.starts_with(['-', '−'])
        || number.ends_with('-')
        || (number.starts_with('(') && number.ends_with(')'));
    if negative {
        return Err(exchange::NEGATIVE_AMOUNT.with(&[("original", &original)]));
    }
    let number = number.trim_start_matches('+');
    let (decimal, grouping) = match format.decimal {
        DecimalMark::Comma => (',', '.'),
        DecimalMark::Dot => ('.', ','),
    };
    let not_a_number = || {
        let mark = match format.decimal {
            DecimalMark::Comma => exchange::A_DECIMAL_COMMA,
            DecimalMark::Dot => exchange::A_DECIMAL_DOT,
        };
        exchange::NOT_AN_AMOUNT.with(&[("original", &original), ("mark", &mark)])
    };
    let compact: String = number.chars().filter(|c| !is_space_group(*c)).collect();
    let mut halves = compact.split(decimal);
    let whole = halves.next().unwrap_or_default();
    let cents = halves.next().unwrap_or_default();
    if halves.next().is_some() || cents.contains(grouping) {
        return Err(not_a_number());
    }
    // The grouping mark must group by three ("1.200.000"), else the value
    // was written with the other decimal mark ("1.5" in a decimal-comma
    // column), which would silently be read wrong.
    let groups: Vec<&str> = whole.split(grouping).collect();
    let grouped_well = groups.len() == 1
        || groups.iter().enumerate().all(|(i, g)| {
            if i == 0 {
                (1..=3).contains(&g.len())
            } else {
                g.len() == 3
            }
        });
    let digits: String = groups.concat();
    if !grouped_well
        || (digits.is_empty() && cents.is_empty())
        || !digits.chars().all(|c| c.is_ascii_digit())
        || !cents.chars().all(|c| c.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    let whole_euros: u64 = if digits.is_empty() {
        0
    } else {
        digits
            .parse()
            .map_err(|_| exchange::TOO_LARGE_AMOUNT.with(&[("original", &original)]))?
    };
    let round_up = cents.chars().next().is_some_and(|c| c >= '5');
    let has_cents = cents.chars().any(|c| c != '0');
    let euros = if round_up {
        whole_euros
            .checked_add(1)
            .ok_or_else(|| exchange::TOO_LARGE_AMOUNT.with(&[("original", &original)]))?
    } else {
        whole_euros
    };
    Ok(Amount {
        euros: euros.to_string(),
        rounded: has_cents
            .then(|| exchange::ROUNDED.with(&[("original", &original), ("euros", &euros)])),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(decimal: DecimalMark) -> NumberFormat {
        NumberFormat {
            decimal,
            grouping: None,
            currency: false,
            assumed: false,
        }
    }

    fn euros(text: &str, decimal: DecimalMark) -> Result<String, String> {
        convert_amount(text, format(decimal)).map(|a| a.euros)
    }

    #[test]
    fn amounts_in_french_and_english_writing() {
        use DecimalMark::{Comma, Dot};
        assert_eq!(euros("1 200,00 €", Comma), Ok("1200".into()));
        assert_eq!(euros("1\u{a0}200,00\u{a0}€", Comma), Ok("1200".into()));
        assert_eq!(euros("1200,5", Comma), Ok("1201".into()));
        assert_eq!(euros("1.200.000", Comma), Ok("1200000".into()));
        assert_eq!(euros("1'200'000", Dot), Ok("1200000".into()));
        assert_eq!(euros("1,200,000.49", Dot), Ok("1200000".into()));
        assert_eq!(euros("EUR 250000", Dot), Ok("250000".into()));
        assert_eq!(euros(",5", Comma), Ok("1".into()));
        assert!(
            euros("1.5", Comma).is_err(),
            "a dot decimal in a comma column"
        );
        assert!(euros("-500", Comma).unwrap_err().contains("negative"));
        assert!(euros("$1,200", Dot).unwrap_err().contains("not in euros"));
        assert!(euros("abc", Dot).is_err());
        assert!(euros("1,2,3", Comma).is_err());
    }

    #[test]
    fn the_decimal_mark_is_told_by_the_values() {
        let detected = detect_number(&["1 200,00 €", "1200,5", "300"], DecimalMark::Dot);
        assert_eq!(detected.decimal, DecimalMark::Comma);
        assert_eq!(detected.grouping, Some(' '));
        assert!(detected.currency);
        let detected = detect_number(&["1,200.50", "3,000"], DecimalMark::Comma);
        assert_eq!(detected.decimal, DecimalMark::Dot);
        let detected = detect_number(&["1.200"], DecimalMark::Comma);
        assert_eq!(
            (detected.decimal, detected.assumed),
            (DecimalMark::Comma, true)
        );
    }

    #[test]
    fn dates_day_first_unless_proven_otherwise() {
        let f = detect_date(&["12/02/2015", "31/02/2015"]).unwrap();
        assert_eq!((f.order, f.assumed), (DateOrder::DayFirst, false));
        let f = detect_date(&["02/12/2015", "02/28/2015"]).unwrap();
        assert_eq!(f.order, DateOrder::MonthFirst);
        let f = detect_date(&["02/03/2015"]).unwrap();
        assert_eq!((f.order, f.assumed), (DateOrder::DayFirst, true));
        let f = detect_date(&["1.2.15"]).unwrap();
        assert_eq!((f.separator, f.short_year), ('.', true));
        assert_eq!(detect_date(&["2015-02-12"]), Some(DateFormat::ISO));
        assert_eq!(detect_date(&["Acme", "Rhein"]), None);
    }

    #[test]
    fn dates_convert_to_iso_or_say_why_not() {
        let dmy = detect_date(&["13/02/2015"]).unwrap();
        assert_eq!(convert_date("12/02/2015", dmy), Ok("2015-02-12".into()));
        assert_eq!(convert_date("1/2/15", dmy), Ok("2015-02-01".into()));
        assert_eq!(convert_date("2015-02-12", dmy), Ok("2015-02-12".into()));
        assert_eq!(
            convert_date("2015-02-12 00:00:00", dmy),
            Ok("2015-02-12".into())
        );
        assert!(
            convert_date("31/02/2015", dmy)
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(
            convert_date("soon", dmy)
                .unwrap_err()
                .contains("not a date")
        );
    }
}
