//! An import in words, as `liaison-desk import` prints it: how the file was
//! read, which column goes where and in which format, then each row's
//! outcome and the counts.
//!
//! Architecture invariant: writes to the writer it is given; decides
//! nothing (the plan has decided).

use std::io::{self, Write};

use crate::fields::{self, FieldKind};
use crate::ids::list_ids;
use crate::model::Dataset;

use super::formats::Formats;
use super::mapping::{Mapping, readable_name_of};
use super::plan::{Plan, RowOutcome};
use super::read::Table;

/// How the file was read: its kind, encoding, delimiter or sheet, rows.
pub fn write_source(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}: {}; {} row{} under the header",
        table.source.path.display(),
        table.source,
        table.rows.len(),
        if table.rows.len() == 1 { "" } else { "s" }
    )
}

/// Each column and what it fills, with the date or number format used.
pub fn write_mapping(
    table: &Table,
    mapping: &Mapping,
    formats: &Formats,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "Columns:")?;
    for column in 0..table.headers.len() {
        let name = table.column_name(column);
        let header = table.headers.get(column).map_or("", String::as_str);
        let what = match mapping
            .field_of(column)
            .and_then(|f| fields::find(mapping.list, f))
        {
            Some(field) => match field.kind {
                FieldKind::Date => format!("{}, dates {}", field.name, formats.date(column)),
                FieldKind::Amount => {
                    format!("{}, numbers with {}", field.name, formats.number(column))
                }
                _ => field.name.to_owned(),
            },
            None if mapping.company_country == Some(column) => {
                "the country of new companies (used only when one is created)".to_owned()
            }
            None => match readable_name_of(mapping.list, header) {
                Some(why) => format!("not imported: {why}"),
                None => format!("not imported: no field of {} has this header", mapping.list),
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
    let noun = plan.list.noun();
    writeln!(out, "Rows:")?;
    for row in &plan.rows {
        let blocked = (!create_companies)
            .then(|| row.needs_companies(plan))
            .flatten();
        let line = match (&row.outcome, blocked) {
            (RowOutcome::Error { reason }, _) => format!("error: {reason}"),
            (_, Some(reason)) => format!("error: {reason} (--create-companies)"),
            (RowOutcome::Add(record), None) => format!("add {noun} {}", record.id()),
            (
                RowOutcome::Update {
                    record, changed, ..
                },
                None,
            ) => format!("update {noun} {}: {}", record.id(), changed.join(", ")),
            (RowOutcome::Unchanged { index }, None) => format!(
                "unchanged {noun} {}",
                ids.get(*index).copied().unwrap_or_default()
            ),
        };
        writeln!(out, "  row {}: {line}", row.row)?;
        if !matches!(row.outcome, RowOutcome::Error { .. }) {
            for note in &row.notes {
                writeln!(out, "    note: {note}")?;
            }
        }
    }
    if !plan.new_companies.is_empty() {
        if create_companies {
            writeln!(out, "New companies, created first:")?;
        } else {
            writeln!(
                out,
                "New companies named in the file (created only with --create-companies):"
            )?;
        }
        for company in &plan.new_companies {
            let rows: Vec<String> = company.rows.iter().map(usize::to_string).collect();
            writeln!(
                out,
                "  {} “{}”{}, on row{} {}",
                company.id,
                company.name,
                company
                    .country
                    .as_ref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default(),
                if rows.len() == 1 { "" } else { "s" },
                rows.join(", ")
            )?;
        }
    }
    let counts = plan.counts(create_companies);
    let mut summary = format!(
        "{} to add, {} to update, {} unchanged, {} in error",
        counts.added, counts.updated, counts.unchanged, counts.errors
    );
    if counts.companies > 0 {
        summary.push_str(&format!(
            ", {} new compan{} to create",
            counts.companies,
            if counts.companies == 1 { "y" } else { "ies" }
        ));
    }
    writeln!(out, "Summary: {summary}")
}
