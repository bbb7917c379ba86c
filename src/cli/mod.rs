//! The command line: `liaison-desk [FILE]` starts the app; subcommands serve
//! scripts and servers. Every command prints to the writers it is given, so
//! tests run it in-process; `main` only maps the result to an exit code.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::export::spreadsheet_safe;
use crate::format;
use crate::generate::{GenerateOptions, MAX_MEETINGS, generate};
use crate::model::Dataset;
use crate::stats::{self, Filter, HeldBy, SUMMARY_COLUMNS, Summary};
use crate::storage::{self, FileError};
use crate::validate;
use chrono::NaiveDate;

mod updating;

use updating::Updating;

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
        /// Write FILE even if someone holds it open (its lock, `.~lock.NAME#`).
        #[arg(long)]
        force: bool,
    },
    /// Merge another office's data file into FILE, record by record: add the
    /// records it has and FILE lacks; where both have a record and it differs,
    /// keep FILE's.
    ///
    /// Prints, per list, the new, identical and conflicting records, then each
    /// conflict field by field. Exit status: 0 merged, 1 merged but conflicting
    /// records were kept as in FILE, 2 a file cannot be read or written.
    Merge {
        /// Your data file; it receives the new records (the previous version
        /// is kept as FILE.bak).
        file: PathBuf,
        /// The other office's data file (only read).
        other: PathBuf,
        /// Only print what a merge would do; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write FILE even if someone holds it open (its lock, `.~lock.NAME#`)
        /// or another program changed it while this command ran.
        #[arg(long)]
        force: bool,
    },
    /// Git's merge driver for data files: a three-way merge, record by record
    /// and field by field, written to OURS.
    ///
    /// Set up with `git config merge.liaison-desk.driver
    /// "liaison-desk merge-driver %O %A %B %P"` and `*.ron merge=liaison-desk`
    /// in `.gitattributes`. Exit status: 0 merged cleanly; 1 conflicts, listed
    /// on stderr (OURS is still a valid data file, with our values where they
    /// conflict); 2 a file cannot be read or written (OURS left as it was).
    MergeDriver {
        /// The common ancestor (git's %O); an empty file means there is none.
        base: PathBuf,
        /// Our version (git's %A), replaced by the merged file.
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// The file's path in the repository (git's %P), for messages.
        path: Option<PathBuf>,
    },
    /// Rewrite a data file in the canonical layout (as the app saves it).
    Format {
        /// The data file.
        file: PathBuf,
        /// Only check: exit 1 if the file is not in the canonical layout.
        #[arg(long)]
        check: bool,
        /// Write FILE even if someone holds it open (its lock, `.~lock.NAME#`)
        /// or another program changed it while this command ran.
        #[arg(long)]
        force: bool,
    },
    /// Export a list (or the whole file) to CSV or Excel.
    ///
    /// Exit status: 0 written, 2 the file cannot be read, the kind is
    /// unknown, or the output cannot be written.
    Export {
        /// The data file.
        file: PathBuf,
        /// The list to export, as named in the file: zones, countries,
        /// institutes, affiliates, companies, meetings, country_notes,
        /// contracts; or `all` for the whole file (xlsx only).
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The CSV dialect: `standard` (UTF-8, comma, ISO dates) or
        /// `excel-fr` (for Excel in French: byte-order mark, semicolon,
        /// dd/mm/yyyy dates, French headers). Default: standard.
        #[arg(long, value_enum)]
        dialect: Option<ExportDialect>,
        /// Where to write the export (replaced whole, or left as it was).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Import rows of a spreadsheet (CSV, XLSX, ODS) into one list.
    ///
    /// Prints how the spreadsheet was read (encoding, delimiter, date and
    /// number formats), which column fills which field, then what each row
    /// does (add, update, unchanged, error). Without --dry-run, writes FILE
    /// (keeping FILE.bak); rows in error are skipped.
    ///
    /// Exit status: 0 every row imported (or unchanged), 1 some rows were
    /// in error and skipped, 2 a file cannot be read or written, or no
    /// column gives a required field.
    Import {
        /// The data file to import into.
        file: PathBuf,
        /// The list the rows go into, as named in the file: zones,
        /// countries, institutes, affiliates, companies, meetings,
        /// country_notes, contracts.
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The spreadsheet to import: .csv (any delimiter, UTF-8 or
        /// Windows-1252), .xlsx, .xls or .ods.
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// Only print what would change; leave FILE as it is.
        #[arg(long)]
        dry_run: bool,
        /// Create the companies that a meeting or contract names and that
        /// are not in FILE (otherwise those rows are in error).
        #[arg(long)]
        create_companies: bool,
        /// Write FILE even if someone holds it open (its lock, `.~lock.NAME#`)
        /// or another program changed it while this command ran.
        #[arg(long)]
        force: bool,
    },
    /// For tests only (tests/kill.rs): save the data files A and B to FILE
    /// in turn, as the app saves, printing a line after each save, so that
    /// a test can kill the process at any moment and check FILE.
    #[command(hide = true)]
    StressSave {
        /// The file saved again and again (with FILE.bak).
        file: PathBuf,
        /// The first version, saved in even rounds.
        a: PathBuf,
        /// The second version, saved in odd rounds.
        b: PathBuf,
        /// How many saves.
        #[arg(long, default_value_t = 1000)]
        rounds: usize,
    },
}

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: the file was read but has errors.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit status: the file could not be read, parsed or written.
pub const EXIT_FAILURE: u8 = 2;

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Comma- (or semicolon-) separated values.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// `export --dialect`: the CSV dialect ([`crate::export::Dialect`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportDialect {
    /// UTF-8, comma, ISO dates, English headers.
    Standard,
    /// For Excel in French: byte-order mark, semicolon, dd/mm/yyyy dates.
    ExcelFr,
}

/// The value of `export --kind` that means the whole file.
pub const ALL_KINDS_ARG: &str = "all";

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
            force,
        } => generate_cmd(meetings, seed, &output, force, err),
        Command::Merge {
            file,
            other,
            dry_run,
            force,
        } => merge_cmd(&file, &other, dry_run, force, out, err),
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => merge_driver_cmd(&base, &ours, &theirs, path.as_deref(), err),
        Command::Format { file, check, force } => format_cmd(&file, check, force, err),
        Command::Export {
            file,
            kind,
            format,
            dialect,
            output,
        } => export_cmd(&file, &kind, format, dialect, &output, err),
        Command::Import {
            file,
            kind,
            input,
            dry_run,
            create_companies,
            force,
        } => import_cmd(
            &file,
            &kind,
            &input,
            ImportOptions {
                dry_run,
                create_companies,
                force,
            },
            out,
            err,
        ),
        Command::StressSave { file, a, b, rounds } => {
            stress_save_cmd(&file, [&a, &b], rounds, out, err)
        }
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
        record.extend(row.numbers().iter().map(u128::to_string));
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
pub fn group_thousands(n: impl Into<u128>) -> String {
    let n: u128 = n.into();
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

fn generate_cmd(
    meetings: usize,
    seed: u64,
    output: &Path,
    force: bool,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if meetings > MAX_MEETINGS {
        writeln!(
            err,
            "error: --meetings {meetings} is more than a data file can hold: at most {} \
             meetings fit in the 2 GiB a file may have and can be opened again; nothing was written",
            group_thousands(MAX_MEETINGS as u64)
        )?;
        return Ok(EXIT_FAILURE);
    }
    let Ok(target) = Updating::lock(output, force, err)? else {
        return Ok(EXIT_FAILURE);
    };
    let dataset = generate(GenerateOptions { meetings, seed });
    match target.save(&dataset) {
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

fn merge_cmd(
    file: &Path,
    other: &Path,
    dry_run: bool,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    use crate::merge;

    let nothing_merged = |err: &mut dyn Write| {
        writeln!(
            err,
            "{}: nothing was merged; the file was left as it was",
            file.display()
        )
    };
    // A dry run changes nothing: it needs no lock.
    let target = if dry_run {
        Ok(Updating::without_lock(file))
    } else {
        Updating::lock(file, force, err)?
    };
    let Ok(mut target) = target else {
        nothing_merged(err)?;
        return Ok(EXIT_FAILURE);
    };
    let Ok(mine) = target.load(err)? else {
        nothing_merged(err)?;
        return Ok(EXIT_FAILURE);
    };
    let theirs = match storage::load_file(other) {
        Ok(theirs) => theirs,
        Err(error) => {
            report_file_error(&error, err)?;
            nothing_merged(err)?;
            return Ok(EXIT_FAILURE);
        }
    };
    let comparison = merge::compare(&mine.dataset, &theirs.dataset);
    merge::write_comparison(&comparison, out)?;
    let added = comparison.new_count();
    if dry_run {
        writeln!(
            err,
            "{}: dry run: {added} record{} to add from {}; nothing was changed",
            file.display(),
            plural(added),
            other.display()
        )?;
    } else if added == 0 {
        writeln!(
            err,
            "{}: nothing to add from {}; the file was left as it was",
            file.display(),
            other.display()
        )?;
    } else {
        let mut merged = mine.dataset.clone();
        let edit = merge::merge_edit(&merged, &comparison, &merge::Choices::default());
        if let Err(error) = crate::edit::apply(&mut merged, edit) {
            writeln!(
                err,
                "{}: error: cannot add the records of {}: {error}; the file was left as it was",
                file.display(),
                other.display()
            )?;
            return Ok(EXIT_FAILURE);
        }
        if mine.has_comments {
            writeln!(
                err,
                "{}: note: its comments were dropped (a saved data file cannot keep them)",
                file.display()
            )?;
        }
        let backup = match target.save(&merged) {
            Ok(backup) => backup,
            Err(error) => {
                report_file_error(&error, err)?;
                return Ok(EXIT_FAILURE);
            }
        };
        let kept = backup
            .map(|b| format!(" (previous version kept as {})", b.display()))
            .unwrap_or_default();
        writeln!(
            err,
            "{}: added {added} record{} from {}{kept}",
            file.display(),
            plural(added),
            other.display()
        )?;
        for problem in merge::new_errors(&merged, &[&mine.dataset, &theirs.dataset]) {
            writeln!(err, "{}: error: {problem}", file.display())?;
        }
    }
    let conflicts = comparison.conflict_count();
    if conflicts == 0 && comparison.title.is_none() {
        return Ok(EXIT_OK);
    }
    let title = if comparison.title.is_some() {
        if conflicts == 0 {
            "the title"
        } else {
            " and the title"
        }
    } else {
        ""
    };
    let records = if conflicts == 0 {
        String::new()
    } else {
        format!("{conflicts} conflicting record{}", plural(conflicts))
    };
    writeln!(
        err,
        "{}: {records}{title} kept as in this file: the values of {} listed above were \
         not taken (edit them by hand to take any)",
        file.display(),
        other.display()
    )?;
    Ok(EXIT_PROBLEMS)
}

/// `merge-driver BASE OURS THEIRS [PATH]`: see [`Command::MergeDriver`].
fn merge_driver_cmd(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&Path>,
    err: &mut dyn Write,
) -> io::Result<u8> {
    use crate::format::ReadError;
    use crate::merge;

    let name = path.unwrap_or(ours).display();
    let load =
        |role: &'static str, file: &Path| storage::load_file(file).map_err(|error| (role, error));
    let loaded = match storage::load_file(base) {
        // Git gives an empty ancestor when the file was added on both sides.
        Err(FileError::Format {
            error: ReadError::Empty,
            ..
        }) => Ok(format::Parsed {
            dataset: Dataset::default(),
            has_comments: false,
        }),
        other => other.map_err(|error| ("base", error)),
    }
    .and_then(|b| Ok((b, load("ours", ours)?, load("theirs", theirs)?)));
    let (base_data, ours_data, theirs_data) = match loaded {
        Ok(all) => all,
        Err((role, error)) => {
            report_file_error(&error, err)?;
            writeln!(
                err,
                "{name}: cannot merge (the {role} version is not a readable data file); \
                 our version was left as it was: fix that file and merge again, or \
                 resolve by hand"
            )?;
            return Ok(EXIT_FAILURE);
        }
    };
    let merged = merge::merge3(&base_data.dataset, &ours_data.dataset, &theirs_data.dataset);
    let text = format::to_ron_string(&merged.dataset);
    if let Err(error) = storage::write_export(ours, text.as_bytes()) {
        report_file_error(&error, err)?;
        return Ok(EXIT_FAILURE);
    }
    if ours_data.has_comments || theirs_data.has_comments {
        writeln!(
            err,
            "{name}: note: comments were dropped (a merged data file cannot keep them)"
        )?;
    }
    let broken = merge::new_errors(
        &merged.dataset,
        &[&base_data.dataset, &ours_data.dataset, &theirs_data.dataset],
    );
    if merged.conflicts.is_empty() && broken.is_empty() {
        return Ok(EXIT_OK);
    }
    let count = merged.conflicts.len();
    if count > 0 {
        writeln!(
            err,
            "{name}: {count} conflict{} merging record by record:",
            plural(count)
        )?;
        for conflict in &merged.conflicts {
            writeln!(err, "  {conflict}")?;
        }
    }
    if !broken.is_empty() {
        writeln!(
            err,
            "{name}: the merge leaves {} new error{} (each side was fine alone):",
            broken.len(),
            plural(broken.len())
        )?;
        for problem in &broken {
            writeln!(err, "  {problem}")?;
        }
    }
    writeln!(
        err,
        "{name}: the file is a valid data file with our values where they conflict: \
         open it in Liaison Desk, fix what is listed, save, then `git add {name}`"
    )?;
    Ok(EXIT_PROBLEMS)
}

fn format_cmd(file: &Path, check: bool, force: bool, err: &mut dyn Write) -> io::Result<u8> {
    let target = if check {
        Ok(Updating::without_lock(file))
    } else {
        Updating::lock(file, force, err)?
    };
    let Ok(mut target) = target else {
        return Ok(EXIT_FAILURE);
    };
    let Ok(bytes) = target.read(err)? else {
        return Ok(EXIT_FAILURE);
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
    match target.save_text(canonical.as_bytes()) {
        Ok(_) => Ok(EXIT_OK),
        Err(error) => {
            report_file_error(&error, err)?;
            Ok(EXIT_FAILURE)
        }
    }
}

fn export_cmd(
    file: &Path,
    kind: &str,
    format: ExportFormat,
    dialect: Option<ExportDialect>,
    output: &Path,
    err: &mut dyn Write,
) -> io::Result<u8> {
    use crate::export;
    use crate::model::ListKind;

    let list = if kind == ALL_KINDS_ARG {
        None
    } else if let Some(list) = ListKind::ALL.into_iter().find(|l| l.file_name() == kind) {
        Some(list)
    } else {
        let kinds: Vec<&str> = ListKind::ALL.iter().map(|l| l.file_name()).collect();
        writeln!(
            err,
            "error: no list `{kind}` to export: --kind takes one of {}, \
             or `{ALL_KINDS_ARG}` for the whole file (xlsx only)",
            kinds.join(", ")
        )?;
        return Ok(EXIT_FAILURE);
    };
    if list.is_none() && format == ExportFormat::Csv {
        writeln!(
            err,
            "error: `--kind {ALL_KINDS_ARG}` exports the whole file as one Excel workbook, \
             a sheet per list: use `--format xlsx`, or export one list at a time to CSV \
             (e.g. `--kind meetings`)"
        )?;
        return Ok(EXIT_FAILURE);
    }
    if format == ExportFormat::Xlsx && dialect.is_some() {
        writeln!(
            err,
            "note: --dialect applies to CSV only; an Excel workbook has real dates and numbers"
        )?;
    }
    // The output must not replace the data file itself.
    if let (Ok(input), Ok(target)) = (std::fs::canonicalize(file), std::fs::canonicalize(output))
        && input == target
    {
        writeln!(
            err,
            "{}: error: this is the data file being exported; writing the export there \
             would replace the data: choose another output file",
            output.display()
        )?;
        return Ok(EXIT_FAILURE);
    }
    let parsed = match storage::load_file(file) {
        Ok(parsed) => parsed,
        Err(error) => {
            report_file_error(&error, err)?;
            return Ok(EXIT_FAILURE);
        }
    };
    let dataset = &parsed.dataset;
    let (bytes, what) = match (list, format) {
        (Some(list), ExportFormat::Csv) => {
            let dialect = match dialect {
                Some(ExportDialect::ExcelFr) => export::Dialect::ExcelFrench,
                Some(ExportDialect::Standard) | None => export::Dialect::Standard,
            };
            let positions = export::all_positions(dataset, list);
            let count = positions.len();
            let bytes = export::export_csv(dataset, list, &positions, dialect);
            (Ok(bytes), format!("{count} {}", list.noun_for(count)))
        }
        (Some(list), ExportFormat::Xlsx) => {
            let positions = export::all_positions(dataset, list);
            let count = positions.len();
            let bytes = export::export_xlsx(dataset, list, &positions);
            (bytes, format!("{count} {}", list.noun_for(count)))
        }
        (None, _) => {
            let count: usize = ListKind::ALL
                .iter()
                .map(|l| crate::edit::list_len(dataset, *l))
                .sum();
            let bytes = export::export_workbook(dataset);
            let what = format!("the whole file ({count} record{})", plural(count));
            (bytes, what)
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            writeln!(
                err,
                "{}: error: cannot export to {}: {error}",
                file.display(),
                output.display()
            )?;
            return Ok(EXIT_FAILURE);
        }
    };
    if let Err(error) = storage::write_export(output, &bytes) {
        report_file_error(&error, err)?;
        return Ok(EXIT_FAILURE);
    }
    writeln!(
        err,
        "{}: {what} exported from {}",
        output.display(),
        file.display()
    )?;
    let (errors, _) = validate::count(&validate::validate(dataset));
    if errors > 0 {
        writeln!(
            err,
            "{}: note: the file has {errors} error{}; they were exported as they are \
             (run `liaison-desk validate {}`)",
            file.display(),
            plural(errors),
            file.display()
        )?;
    }
    Ok(EXIT_OK)
}

/// The switches of `import`.
#[derive(Debug, Clone, Copy)]
struct ImportOptions {
    /// `--dry-run`: print what would change, change nothing.
    dry_run: bool,
    /// `--create-companies`.
    create_companies: bool,
    /// `--force`: write FILE whoever holds it, whatever changed it.
    force: bool,
}

/// `import FILE --kind KIND IN`: see [`Command::Import`].
fn import_cmd(
    file: &Path,
    kind: &str,
    input: &Path,
    options: ImportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    use crate::import::{self, report};

    let ImportOptions {
        dry_run,
        create_companies,
        force,
    } = options;

    let list = match import::parse_list_kind(kind) {
        Ok(list) => list,
        Err(message) => {
            writeln!(err, "error: --kind: {message}")?;
            return Ok(EXIT_FAILURE);
        }
    };
    let target = if dry_run {
        Ok(Updating::without_lock(file))
    } else {
        Updating::lock(file, force, err)?
    };
    let Ok(mut target) = target else {
        return Ok(EXIT_FAILURE);
    };
    let Ok(parsed) = target.load(err)? else {
        return Ok(EXIT_FAILURE);
    };
    // A whole-file workbook has one sheet per list: read the list's own.
    let table = match import::read_table_for(input, Some(list.file_name())) {
        Ok(table) => table,
        Err(error) => {
            writeln!(err, "error: {error}")?;
            return Ok(EXIT_FAILURE);
        }
    };
    let mapping = import::auto_mapping(list, &table.headers);
    let formats = import::detect_formats(&table);
    report::write_source(&table, out)?;
    report::write_mapping(&table, &mapping, &formats, out)?;
    if let Err(error) = mapping.check() {
        writeln!(
            err,
            "{}: error: {error}; nothing was imported",
            input.display()
        )?;
        return Ok(EXIT_FAILURE);
    }
    let plan = import::plan(&parsed.dataset, list, &table, &mapping, &formats);
    report::write_rows(&plan, &parsed.dataset, create_companies, out)?;
    let counts = plan.counts(create_companies);
    let status = if counts.errors > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    };
    let skipped = || {
        format!(
            "{} row{} in error skipped (listed above): correct {} and import it again \
             (rows already imported will then be unchanged)",
            counts.errors,
            plural(counts.errors),
            input.display()
        )
    };
    if dry_run {
        writeln!(err, "{}: dry run, the file was not changed", file.display())?;
        return Ok(status);
    }
    let Some(edit) = plan.edit(create_companies) else {
        writeln!(
            err,
            "{}: nothing to change, the file was left as it was",
            file.display()
        )?;
        if counts.errors > 0 {
            writeln!(err, "{}: {}", file.display(), skipped())?;
        }
        return Ok(status);
    };
    let mut dataset = parsed.dataset;
    if let Err(error) = crate::edit::apply(&mut dataset, edit) {
        writeln!(
            err,
            "{}: error: the import could not be applied ({error}); the file was left as it was",
            file.display()
        )?;
        return Ok(EXIT_FAILURE);
    }
    if parsed.has_comments {
        writeln!(
            err,
            "{}: note: its comments were dropped (a saved data file cannot keep them)",
            file.display()
        )?;
    }
    match target.save(&dataset) {
        Ok(backup) => {
            let mut done = format!(
                "{}: {} added, {} updated",
                file.display(),
                counts.added,
                counts.updated
            );
            if counts.companies > 0 {
                done.push_str(&format!(
                    ", {} new compan{}",
                    counts.companies,
                    if counts.companies == 1 { "y" } else { "ies" }
                ));
            }
            if let Some(backup) = backup {
                done.push_str(&format!("; previous version kept as {}", backup.display()));
            }
            writeln!(err, "{done}")?;
            if counts.errors > 0 {
                writeln!(err, "{}: {}", file.display(), skipped())?;
            }
            Ok(status)
        }
        Err(error) => {
            report_file_error(&error, err)?;
            Ok(EXIT_FAILURE)
        }
    }
}

/// `stress-save`: saves the versions in turn, `rounds` times, printing
/// `saved ROUND` after each save.
fn stress_save_cmd(
    file: &Path,
    versions: [&Path; 2],
    rounds: usize,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let mut datasets = Vec::with_capacity(versions.len());
    for version in versions {
        match storage::load_file(version) {
            Ok(parsed) => datasets.push(parsed.dataset),
            Err(error) => {
                report_file_error(&error, err)?;
                return Ok(EXIT_FAILURE);
            }
        }
    }
    for (round, dataset) in datasets.iter().cycle().take(rounds).enumerate() {
        if let Err(error) = storage::save_file(file, dataset) {
            report_file_error(&error, err)?;
            return Ok(EXIT_FAILURE);
        }
        writeln!(out, "saved {round}")?;
        out.flush()?;
    }
    Ok(EXIT_OK)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0u64), "0");
        assert_eq!(group_thousands(999u64), "999");
        assert_eq!(group_thousands(1_000u64), "1,000");
        assert_eq!(group_thousands(75_000_000u64), "75,000,000");
    }

    #[test]
    fn command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
