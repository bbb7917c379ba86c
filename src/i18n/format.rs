//! Numbers, amounts and dates as each language writes them: `12,345` and
//! `€12,345` and `Nov 28, 2026` in English; `12 345`, `12 345 €` and
//! `28/11/2026` in French. French groups digits with a no-break space, so
//! that an amount never breaks across two lines.

use chrono::{Datelike, NaiveDate};

use super::{Language, current};

/// French's digit group separator and the space before `€`.
const NO_BREAK_SPACE: char = '\u{a0}';

fn group(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

fn separators(language: Language) -> (char, char) {
    match language {
        Language::English => (',', '.'),
        Language::French => (NO_BREAK_SPACE, ','),
    }
}

/// A whole number with its digits grouped: `12,345` / `12 345`.
pub fn count(n: impl Into<u128>) -> String {
    group(&n.into().to_string(), separators(current()).0)
}

fn signed(n: i128) -> String {
    let grouped = count(n.unsigned_abs());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A number with `places` decimals: `12,345.67` / `12 345,67`.
pub fn decimal(value: f64, places: usize) -> String {
    let (thousands, mark) = separators(current());
    let text = format!("{:.*}", places, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    out.push_str(&group(whole, thousands));
    if !fraction.is_empty() {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

/// Whole euros: `€12,345` / `12 345 €`.
pub fn amount_eur(euros: impl Into<i128>) -> String {
    let euros: i128 = euros.into();
    match current() {
        Language::English if euros < 0 => format!("-€{}", count(euros.unsigned_abs())),
        Language::English => format!("€{}", count(euros.unsigned_abs())),
        Language::French => format!("{}{NO_BREAK_SPACE}€", signed(euros)),
    }
}

/// An amount rounded for a key figure or an axis, in the network's own
/// style (its reports say "75 M€" in both languages): `1,234.6 M€`,
/// `350 k€`, `900 €` / `1 234,6 M€`, `350 k€`, `900 €`.
pub fn euros_short(euros: impl Into<u128>) -> String {
    let euros: u128 = euros.into();
    let (_, mark) = separators(current());
    if euros >= 1_000_000 {
        // Tenths of a million, rounded.
        let tenths = euros.saturating_add(50_000) / 100_000;
        format!(
            "{}{mark}{}{NO_BREAK_SPACE}M€",
            count(tenths / 10),
            tenths % 10
        )
    } else if euros >= 10_000 {
        format!("{}{NO_BREAK_SPACE}k€", (euros + 500) / 1_000)
    } else {
        format!("{}{NO_BREAK_SPACE}€", count(euros))
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date: `Nov 28, 2026` / `28/11/2026`.
pub fn date(date: NaiveDate) -> String {
    match current() {
        Language::English => {
            let month = MONTHS_EN
                .get(date.month0() as usize)
                .copied()
                .unwrap_or_default();
            format!("{month} {}, {}", date.day(), date.year())
        }
        Language::French => date.format("%d/%m/%Y").to_string(),
    }
}

/// A date of the data file as [`date`] writes it, or its text as written
/// when it is not a real date (`2015-02-30` stays visible, to be fixed).
pub fn iso_or_date(text: &str) -> String {
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(real) => date(real),
        Err(_) => text.to_owned(),
    }
}

/// A quarter of a year: `Q1 2015` / `T1 2015` (trimestre).
pub fn quarter(year: i32, quarter: u32) -> String {
    match current() {
        Language::English => format!("Q{quarter} {year}"),
        Language::French => format!("T{quarter} {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_language;

    fn in_both<T>(f: impl Fn() -> T) -> (T, T) {
        set_language(Language::English);
        let en = f();
        set_language(Language::French);
        let fr = f();
        set_language(Language::English);
        (en, fr)
    }

    #[test]
    fn numbers_group_thousands_as_each_language_does() {
        let (en, fr) = in_both(|| {
            (
                count(0u64),
                count(999u64),
                count(1_000u64),
                count(12_345_678u64),
            )
        });
        assert_eq!(
            en,
            (
                "0".into(),
                "999".into(),
                "1,000".into(),
                "12,345,678".into()
            )
        );
        assert_eq!(
            fr,
            (
                "0".into(),
                "999".into(),
                "1\u{a0}000".into(),
                "12\u{a0}345\u{a0}678".into()
            )
        );
        let (en, fr) = in_both(|| decimal(12_345.67, 2));
        assert_eq!((en.as_str(), fr.as_str()), ("12,345.67", "12\u{a0}345,67"));
        let (en, fr) = in_both(|| decimal(-0.04, 1));
        assert_eq!((en.as_str(), fr.as_str()), ("0.0", "0,0"));
    }

    #[test]
    fn amounts_put_the_euro_where_each_language_does() {
        let (en, fr) = in_both(|| amount_eur(12_345));
        assert_eq!(
            (en.as_str(), fr.as_str()),
            ("€12,345", "12\u{a0}345\u{a0}€")
        );
        let (en, fr) = in_both(|| amount_eur(-250));
        assert_eq!((en.as_str(), fr.as_str()), ("-€250", "-250\u{a0}€"));
        let (en, fr) = in_both(|| {
            [1_234_567_890u64, 75_040_000, 349_600, 900]
                .map(euros_short)
                .join(" | ")
        });
        assert_eq!(
            en,
            "1,234.6\u{a0}M€ | 75.0\u{a0}M€ | 350\u{a0}k€ | 900\u{a0}€"
        );
        assert_eq!(
            fr,
            "1\u{a0}234,6\u{a0}M€ | 75,0\u{a0}M€ | 350\u{a0}k€ | 900\u{a0}€"
        );
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let (en, fr) = in_both(|| date(day));
        assert_eq!((en.as_str(), fr.as_str()), ("Nov 28, 2026", "28/11/2026"));
        let (en, fr) = in_both(|| iso_or_date("2015-02-03"));
        assert_eq!((en.as_str(), fr.as_str()), ("Feb 3, 2015", "03/02/2015"));
        let (en, fr) = in_both(|| iso_or_date("2015-02-30"));
        assert_eq!((en.as_str(), fr.as_str()), ("2015-02-30", "2015-02-30"));
        let (en, fr) = in_both(|| quarter(2015, 3));
        assert_eq!((en.as_str(), fr.as_str()), ("Q3 2015", "T3 2015"));
    }
}
