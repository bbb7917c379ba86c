//! An import in words, as `liaison-desk import` prints it: how the file was
//! read, which column goes where and in which format, then each row's
//! outcome and the counts.
//!
//! Architecture invariant: writes to the writer it is given; decides
//! nothing (the plan has decided).

use std::io::{self, Write};

use crate::fields::{self, FieldKind};
use crate::i18n::{self, catalogue::exchange};
use crate::ids::list_ids;
use crate::model::Dataset;

use super::formats::Formats;
use super::list_words;
use super::mapping::{Mapping, why_not_imported};
use super::plan::{Plan, RowOutcome};
use super::read::Table;

/// How the file was read: its kind, encoding, delimiter or sheet, rows.
pub fn write_source(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        exchange::REPORT_SOURCE.with(&[
            ("path", &table.source.path.display()),
            ("source", &table.source),
            ("rows", &rows_under_header(table.rows.len())),
        ])
    )
}

/// Each column and what it fills, with the date or number format used.
pub fn write_mapping(
    table: &Table,
    mapping: &Mapping,
    formats: &Formats,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}", exchange::REPORT_COLUMNS)?;
    for column in 0..table.headers.len() {
        let name = table.column_name(column);
        let what = match mapping
            .field_of(column)
            .and_then(|f| fields::find(mapping.list, f))
        {
            Some(field) => match field.kind {
                FieldKind::Date => exchange::REPORT_DATES
                    .with(&[("field", &field.name), ("format", &formats.date(column))]),
                FieldKind::Amount => exchange::REPORT_NUMBERS
                    .with(&[("field", &field.name), ("format", &formats.number(column))]),
                _ => field.name.to_owned(),
            },
            None if mapping.company_country == Some(column) => {
                exchange::REPORT_COMPANY_COUNTRY.text().to_owned()
            }
            None => match why_not_imported(mapping.list, &table.headers, column) {
                Some(why) => exchange::NOT_IMPORTED.with(&[("reason", &why)]),
                None => {
                    exchange::NO_FIELD_HAS_HEADER.with(&[("list", &list_words(mapping.list).name)])
                }
            },
        };
        writeln!(out, "  {:>2} {name} → {what}", column + 1)?;
    }
    Ok(())
}

/// Each row's outcome, the new companies, and the counts.
pub fn write_rows(
    plan: &Plan,
    dataset: &Dataset,
    create_companies: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let ids = list_ids(dataset, plan.list);
    let noun = list_words(plan.list).noun;
    writeln!(out, "{}", exchange::REPORT_ROWS)?;
    for row in &plan.rows {
        let blocked = (!create_companies)
            .then(|| row.needs_companies(plan))
            .flatten();
        let line = match (&row.outcome, blocked) {
            (RowOutcome::Error { reason }, _) => exchange::ROW_ERROR.with(&[("reason", reason)]),
            (_, Some(reason)) => exchange::ROW_ERROR_CREATE.with(&[("reason", &reason)]),
            (RowOutcome::Add(record), None) => {
                exchange::ROW_ADD.with(&[("noun", &noun), ("id", &record.id())])
            }
            (
                RowOutcome::Update {
                    record, changed, ..
                },
                None,
            ) => exchange::ROW_UPDATE.with(&[
                ("noun", &noun),
                ("id", &record.id()),
                ("changed", &changed.join(", ")),
            ]),
            (RowOutcome::Unchanged { index }, None) => exchange::ROW_UNCHANGED_RECORD.with(&[
                ("noun", &noun),
                ("id", &ids.get(*index).copied().unwrap_or_default()),
            ]),
        };
        writeln!(
            out,
            "{}",
            exchange::REPORT_ROW.with(&[("row", &row.row), ("line", &line)])
        )?;
        if !matches!(row.outcome, RowOutcome::Error { .. }) {
            for note in &row.notes {
                writeln!(out, "{}", exchange::REPORT_NOTE.with(&[("note", note)]))?;
            }
        }
    }
    if !plan.new_companies.is_empty() {
        if create_companies {
            writeln!(out, "{}", exchange::NEW_COMPANIES_CREATED)?;
        } else {
            writeln!(out, "{}", exchange::NEW_COMPANIES_NOT_CREATED)?;
        }
        for company in &plan.new_companies {
            let rows: Vec<String> = company.rows.iter().map(usize::to_string).collect();
            let line = if rows.len() == 1 {
                exchange::NEW_COMPANY_ON_ROW
            } else {
                exchange::NEW_COMPANY_ON_ROWS
            };
            let country = company
                .country
                .as_ref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            writeln!(
                out,
                "{}",
                line.with(&[
                    ("id", &company.id),
                    ("name", &company.name),
                    ("country", &country),
                    ("rows", &rows.join(", ")),
                ])
            )?;
        }
    }
    let counts = plan.counts(create_companies);
    let mut summary = exchange::SUMMARY_COUNTS.with(&[
        ("added", &i18n::count(counts.added as u64)),
        ("updated", &i18n::count(counts.updated as u64)),
        ("unchanged", &i18n::count(counts.unchanged as u64)),
        ("errors", &i18n::count(counts.errors as u64)),
    ]);
    if counts.companies > 0 {
        summary.push_str(&i18n::counted(
            counts.companies as u64,
            exchange::SUMMARY_COMPANIES_ONE,
            exchange::SUMMARY_COMPANIES_OTHER,
        ));
    }
    writeln!(out, "{}", exchange::SUMMARY.with(&[("summary", &summary)]))
}

/// "3 rows under the header", in the language of the thread.
pub fn rows_under_header(rows: usize) -> String {
    i18n::counted(
        rows as u64,
        exchange::ROWS_UNDER_HEADER_ONE,
        exchange::ROWS_UNDER_HEADER_OTHER,
    )
}
