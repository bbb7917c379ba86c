//! The command line: `liaison-desk [FILE]` starts the app; subcommands serve
//! scripts and servers. Every command prints to the writers it is given, so
//! tests run it in-process; `main` only maps the result to an exit code.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::export::spreadsheet_safe;
use crate::format;
use crate::generate::{GenerateOptions, generate};
use crate::model::Dataset;
use crate::stats::{self, Filter, HeldBy, SUMMARY_COLUMNS, Summary};
use crate::storage::{self, FileError};
use crate::validate;
use chrono::NaiveDate;

/// Liaison Desk: affiliates, companies, meetings, country notes and
/// contracts of a research network's offices abroad, by geographic zone.
#[derive(Debug, Parser)]
#[command(name = "liaison-desk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A data file to open in the desktop app.
    pub file: Option<PathBuf>,
    /// A command to run instead of the desktop app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a data file; print each problem on its own line.
    ///
    /// Exit status: 0 no error (warnings allowed), 1 the file has errors,
    /// 2 the file cannot be read or parsed.
    Validate {
        /// The data file.
        file: PathBuf,
    },
    /// Print the figures by geographic zone.
    Summary {
        /// The data file.
        file: PathBuf,
        /// Count only meetings dated and contracts signed in this year.
        #[arg(long, value_name = "YYYY", conflicts_with_all = ["from", "to"])]
        year: Option<i32>,
        /// Count only meetings and contracts from this day on.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        /// Count only meetings and contracts up to this day, inclusive.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        /// Count only meetings, contracts and affiliates of this institute (its id).
        #[arg(long, value_name = "ID")]
        institute: Option<String>,
        /// Count only meetings of this initiative, and the contracts they led to.
        #[arg(long, value_name = "NAME")]
        initiative: Option<String>,
        /// Count only meetings held by this affiliate (its id, or `head-office`),
        /// the contracts they led to, and the affiliate itself.
        #[arg(long, value_name = "ID")]
        affiliate: Option<String>,
        /// Print CSV instead of an aligned table.
        #[arg(long)]
        csv: bool,
    },
    /// Write a large synthetic data file, for tests and benchmarks.
    Generate {
        /// Number of meetings; the other lists scale with it.
        #[arg(long, value_name = "N")]
        meetings: usize,
        /// Seed: the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the file.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Rewrite a data file in the canonical layout (as the app saves it).
    Format {
        /// The data file.
        file: PathBuf,
        /// Only check: exit 1 if the file is not in the canonical layout.
        #[arg(long)]
        check: bool,
    },
}

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: the file was read but has errors.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit status: the file could not be read, parsed or written.
pub const EXIT_FAILURE: u8 = 2;

/// Runs a subcommand, printing results to `out` and diagnostics to `err`.
/// Returns the exit status.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Validate { file } => validate_cmd(&file, out, err),
        Command::Summary {
            file,
            year,
            from,
            to,
            institute,
            initiative,
            affiliate,
            csv,
        } => {
            let period = match year {
                Some(year) => Filter::year(year),
                None => Filter {
                    from,
                    to,
                    ..Filter::all()
                },
            };
            let filter = Filter {
                institute,
                initiative,
                held_by: affiliate.map(|id| {
                    if id == HEAD_OFFICE_ARG {
                        HeldBy::HeadOffice
                    } else {
                        HeldBy::Affiliate(id)
                    }
                }),
                ..period
            };
            summary_cmd(&file, &filter, csv, out, err)
        }
        Command::Generate {
            meetings,
            seed,
            output,
        } => generate_cmd(meetings, seed, &output, err),
        Command::Format { file, check } => format_cmd(&file, check, err),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            // Output pipes closed early (e.g. `| head`) are not worth a message.
            if error.kind() != io::ErrorKind::BrokenPipe {
                writeln!(err, "liaison-desk: cannot write output: {error}").ok();
            }
            EXIT_FAILURE
        }
    }
}

/// Prints a file error in the `FILE:LINE:COL: error: …` form.
fn report_file_error(error: &FileError, err: &mut dyn Write) -> io::Result<()> {
    match error {
        FileError::Format { path, error } => match error.position() {
            Some((line, col)) => {
                writeln!(err, "{}:{line}:{col}: error: {error}", path.display())
            }
            None => writeln!(err, "{}: error: {error}", path.display()),
        },
        other => writeln!(err, "error: {other}"),
    }
}

fn validate_cmd(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let parsed = match storage::load_file(file) {
        Ok(parsed) => parsed,
        Err(error) => {
            report_file_error(&error, out)?;
            return Ok(EXIT_FAILURE);
        }
    };
    let problems = validate::validate(&parsed.dataset);
    for problem in &problems {
        writeln!(out, "{}: {}: {problem}", file.display(), problem.severity)?;
    }
    let (errors, warnings) = validate::count(&problems);
    writeln!(
        err,
        "{}: {errors} error{}, {warnings} warning{}",
        file.display(),
        plural(errors),
        plural(warnings)
    )?;
    Ok(if errors > 0 { EXIT_PROBLEMS } else { EXIT_OK })
}

/// The value of `summary --affiliate` that means meetings without affiliate.
pub const HEAD_OFFICE_ARG: &str = "head-office";

fn summary_cmd(
    file: &Path,
    filter: &Filter,
    csv: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let parsed = match storage::load_file(file) {
        Ok(parsed) => parsed,
        Err(error) => {
            report_file_error(&error, err)?;
            return Ok(EXIT_FAILURE);
        }
    };
    if let Some(unknown) = unknown_filter_value(&parsed.dataset, filter) {
        writeln!(err, "{}: error: {unknown}", file.display())?;
        return Ok(EXIT_FAILURE);
    }
    let summary = stats::summary(&parsed.dataset, filter);
    if csv {
        write_summary_csv(&summary, out)?;
    } else {
        write_summary_table(&summary, out)?;
    }
    let (errors, _) = validate::count(&validate::validate(&parsed.dataset));
    if errors > 0 {
        writeln!(
            err,
            "{}: note: the file has {errors} error{}; figures may be off \
             (run `liaison-desk validate {}`)",
            file.display(),
            plural(errors),
            file.display()
        )?;
    }
    Ok(EXIT_OK)
}

/// A filter value that names nothing in the file, in words: a typo would
/// otherwise print a table of zeros that looks like an answer.
fn unknown_filter_value(dataset: &Dataset, filter: &Filter) -> Option<String> {
    let listing = |ids: Vec<&str>| {
        if ids.is_empty() {
            "the file has none".to_owned()
        } else {
            format!("the file has: {}", ids.join(", "))
        }
    };
    if let Some(wanted) = &filter.institute
        && !dataset.institutes.iter().any(|i| i.id == *wanted)
    {
        let ids = dataset.institutes.iter().map(|i| i.id.as_str()).collect();
        return Some(format!("no institute `{wanted}` ({})", listing(ids)));
    }
    if let Some(HeldBy::Affiliate(wanted)) = &filter.held_by
        && !dataset.affiliates.iter().any(|a| a.id == *wanted)
    {
        let ids = dataset.affiliates.iter().map(|a| a.id.as_str()).collect();
        return Some(format!(
            "no affiliate `{wanted}` ({}; `{HEAD_OFFICE_ARG}` means meetings without affiliate)",
            listing(ids)
        ));
    }
    if let Some(wanted) = &filter.initiative {
        let names = stats::initiatives(dataset);
        if !names.iter().any(|n| n == wanted) {
            return Some(format!(
                "no meeting under the initiative `{wanted}` ({})",
                listing(names.iter().map(String::as_str).collect())
            ));
        }
    }
    None
}

/// The summary as CSV, with the columns of [`SUMMARY_COLUMNS`].
pub fn write_summary_csv(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(SUMMARY_COLUMNS)?;
    for row in summary.rows.iter().chain(std::iter::once(&summary.total)) {
        let mut record = vec![spreadsheet_safe(&row.zone_id).into_owned()];
        record.extend(row.numbers().iter().map(u64::to_string));
        writer.write_record(&record)?;
    }
    writer.flush()
}

/// The summary as an aligned table, amounts grouped by thousands.
pub fn write_summary_table(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<Vec<String>> = summary
        .rows
        .iter()
        .chain(std::iter::once(&summary.total))
        .map(|row| {
            let mut cells = vec![row.zone_id.clone()];
            cells.extend(row.numbers().iter().map(|n| group_thousands(*n)));
            cells
        })
        .collect();
    let mut widths: Vec<usize> = SUMMARY_COLUMNS.iter().map(|c| c.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let header: Vec<String> = SUMMARY_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    for (i, row) in std::iter::once(&header).chain(rows.iter()).enumerate() {
        if i == rows.len() {
            // A rule above the total.
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            writeln!(out, "{}", rule.join("  "))?;
        }
        let mut line = String::new();
        for (col, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if col == 0 {
                line.push_str(&format!("{cell:<width$}"));
            } else {
                line.push_str(&format!("  {cell:>width$}"));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `1234567` → `1,234,567`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

fn generate_cmd(meetings: usize, seed: u64, output: &Path, err: &mut dyn Write) -> io::Result<u8> {
    let dataset = generate(GenerateOptions { meetings, seed });
    match storage::save_file(output, &dataset) {
        Ok(_) => {
            writeln!(
                err,
                "{}: {} meetings, {} companies, {} contracts",
                output.display(),
                dataset.meetings.len(),
                dataset.companies.len(),
                dataset.contracts.len()
            )?;
            Ok(EXIT_OK)
        }
        Err(error) => {
            report_file_error(&error, err)?;
            Ok(EXIT_FAILURE)
        }
    }
}

fn format_cmd(file: &Path, check: bool, err: &mut dyn Write) -> io::Result<u8> {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(source) => {
            let error = FileError::Read {
                path: file.to_owned(),
                source,
            };
            report_file_error(&error, err)?;
            return Ok(EXIT_FAILURE);
        }
    };
    let parsed = match format::parse_bytes(&bytes) {
        Ok(parsed) => parsed,
        Err(error) => {
            let error = FileError::Format {
                path: file.to_owned(),
                error,
            };
            report_file_error(&error, err)?;
            return Ok(EXIT_FAILURE);
        }
    };
    let canonical = format::to_ron_string(&parsed.dataset);
    if canonical.as_bytes() == bytes.as_slice() {
        return Ok(EXIT_OK);
    }
    if check {
        writeln!(err, "{}: not in the canonical layout", file.display())?;
        return Ok(EXIT_PROBLEMS);
    }
    if parsed.has_comments {
        writeln!(
            err,
            "{}: note: its comments were dropped (a saved data file cannot keep them)",
            file.display()
        )?;
    }
    match storage::save_text(file, canonical.as_bytes()) {
        Ok(_) => Ok(EXIT_OK),
        Err(error) => {
            report_file_error(&error, err)?;
            Ok(EXIT_FAILURE)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(75_000_000), "75,000,000");
    }

    #[test]
    fn command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
