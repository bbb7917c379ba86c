//! Reading an `.xls` workbook, in a process of its own when the program
//! can start one.
//!
//! calamine's `.xls` reader can be made to allocate without bound by a
//! damaged file: a cycle in the compound file's sector chains makes it
//! append the same sectors forever, a cell record far away makes a range
//! of billions of cells. Memory runs out and the process aborts, which no
//! `catch_unwind` can catch: the window would vanish with the user's
//! unsaved edits. So the program (the window and the command line) reads
//! an `.xls` in a child process of itself ([`CHILD_ARG`]), limited to
//! [`MEMORY_LIMIT`] of address space (on Linux; elsewhere the child is
//! still a separate process, without a limit) and [`TIME_LIMIT`]; if the
//! child dies or takes too long, the file is reported as damaged and the
//! program goes on.
//!
//! The child sends back the sheet's filled-in cells, serialised in RON;
//! the parent turns them into a [`Table`](super::Table) as for any other
//! workbook. Where no program was named ([`read_in_own_process_with`] is
//! called by `main`; tests and the fuzz targets do not), or the child
//! cannot be started, the file is read in this process, its panics still
//! contained.
//!
//! Architecture invariant: the child runs only calamine and
//! [`super::read`]'s cell conversion; it writes no file and opens no
//! window.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use calamine::{Reader, Xls};
use serde::{Deserialize, Serialize};

use super::contain::contained;
use super::read::{MAX_IMPORT_BYTES, SparseCells, range_cells, sheet_order};

/// The first argument that makes the program a child reading an `.xls`
/// from its standard input (never typed by a person; not in `--help`).
pub const CHILD_ARG: &str = "--read-xls-for-parent";

/// The address space a child may use: twice what calamine needs at most
/// for the largest `.xls` (a full 65,536 × 256 sheet: its cells, about
/// 0.7 GB, growing, then its range, 0.5 GB), and little enough that a
/// laptop stays usable while a damaged file exhausts it.
pub const MEMORY_LIMIT: u64 = 4 << 30;

/// How long a child may take: LibreOffice's largest `.xls` reads in a few
/// seconds; a child still busy after this is on a damaged file.
pub const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The sheet read from a workbook: how many sheets it has, and the first
/// one (in [`sheet_order`]) with a filled-in cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetCells {
    /// The number of sheets in the workbook.
    pub sheets: usize,
    /// The sheet's name and its cells, if any sheet has one.
    pub found: Option<(String, SparseCells)>,
}

/// Why an `.xls` gave no sheet; the caller words it, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// calamine refused the file, in its own words.
    Workbook(String),
    /// The reader stopped on damaged content: it panicked, ran out of
    /// memory, or its process died.
    ReaderStopped,
    /// The reader was still busy after [`TIME_LIMIT`].
    TooLong,
    /// More than [`super::MAX_CELLS`] cells (the count reached).
    TooManyCells(usize),
}

static CHILD_PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// From now on, `.xls` files are read by `program` started with
/// [`CHILD_ARG`] (the program's own executable, from `main`). Called
/// once; later calls are ignored.
pub fn read_in_own_process_with(program: PathBuf) {
    let _ = CHILD_PROGRAM.set(program);
}

/// Reads the sheet of an `.xls` from its bytes, preferring the sheet
/// named `wanted`: in a child process if one was named, else here.
pub fn read(bytes: &[u8], wanted: Option<&str>) -> Result<SheetCells, Failure> {
    match CHILD_PROGRAM.get() {
        Some(program) => match read_in_child(program, bytes, wanted) {
            Some(outcome) => outcome,
            // The child could not be started (the program was moved or
            // removed since it started): read here, as without a child.
            None => read_here(bytes, wanted),
        },
        None => read_here(bytes, wanted),
    }
}

/// Reads the sheet in this process, a panic of the reader contained.
pub fn read_here(bytes: &[u8], wanted: Option<&str>) -> Result<SheetCells, Failure> {
    contained(|| read_uncontained(bytes, wanted)).unwrap_or(Err(Failure::ReaderStopped))
}

fn read_uncontained(bytes: &[u8], wanted: Option<&str>) -> Result<SheetCells, Failure> {
    let mut workbook: Xls<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsError| Failure::Workbook(e.to_string()))?;
    let names = sheet_order(workbook.sheets_metadata(), wanted);
    for name in &names {
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| Failure::Workbook(e.to_string()))?;
        let cells = range_cells(&range).map_err(Failure::TooManyCells)?;
        if !cells.is_empty() {
            return Ok(SheetCells {
                sheets: names.len(),
                found: Some((name.clone(), cells)),
            });
        }
    }
    Ok(SheetCells {
        sheets: names.len(),
        found: None,
    })
}

/// Runs the child on `bytes`; `None` if it could not be started.
fn read_in_child(
    program: &Path,
    bytes: &[u8],
    wanted: Option<&str>,
) -> Option<Result<SheetCells, Failure>> {
    let mut command = Command::new(program);
    command.arg(CHILD_ARG);
    if let Some(sheet) = wanted {
        command.arg(sheet);
    }
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        // What a dying child prints (“memory allocation failed”) is not
        // for the user: the parent says it in their words.
        .stderr(Stdio::null());
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    let mut child = command.spawn().ok()?;
    // The window's Cancel (the read runs as a `progress::Task`) ends the
    // child at once rather than at its time limit.
    let progress = crate::progress::current();
    let cancelled = || progress.as_ref().is_some_and(|p| p.is_cancelled());
    Some(talk_to(&mut child, bytes, TIME_LIMIT, &cancelled))
}

/// Feeds `bytes` to the child, collects its answer and waits for it, at
/// most `limit`, or until `cancelled` says so.
fn talk_to(
    child: &mut Child,
    bytes: &[u8],
    limit: Duration,
    cancelled: &dyn Fn() -> bool,
) -> Result<SheetCells, Failure> {
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        end(child);
        return Err(Failure::ReaderStopped);
    };
    let answer = std::thread::scope(|scope| {
        // Writing and reading on their own threads: a child that stops
        // reading its input, or writes a large answer, never blocks the
        // other side.
        let writer = std::thread::Builder::new().spawn_scoped(scope, move || {
            // A child that dies early closes the pipe: its exit says why.
            let _ = stdin.write_all(bytes);
        });
        let reader = std::thread::Builder::new().spawn_scoped(scope, move || {
            let mut answer = Vec::new();
            let _ = stdout.read_to_end(&mut answer);
            answer
        });
        let (Ok(_writer), Ok(reader)) = (writer, reader) else {
            // No thread to be had: end the child, which ends the other
            // thread (its pipe closes).
            end(child);
            return (Waited::Exited(false), Vec::new());
        };
        let status = wait_at_most(child, limit, cancelled);
        // The child is gone (exited or killed): its pipes are closed and
        // both threads end.
        let answer = reader.join().unwrap_or_default();
        (status, answer)
    });
    match answer {
        (Waited::Exited(true), answer) => decode(&answer),
        // Cancelled: the caller has given up on the result.
        (Waited::Exited(false) | Waited::Cancelled, _) => Err(Failure::ReaderStopped),
        (Waited::TimedOut, _) => Err(Failure::TooLong),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Waited {
    /// The child ended (or cannot be waited for); `true` if it exited
    /// with status 0.
    Exited(bool),
    /// It was still running at the deadline, and was ended.
    TimedOut,
    /// The caller cancelled, and the child was ended.
    Cancelled,
}

fn wait_at_most(child: &mut Child, limit: Duration, cancelled: &dyn Fn() -> bool) -> Waited {
    let deadline = Instant::now() + limit;
    let mut pause = Duration::from_millis(2);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Waited::Exited(status.success()),
            Ok(None) if cancelled() => {
                end(child);
                return Waited::Cancelled;
            }
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Ok(None) => {
                end(child);
                return Waited::TimedOut;
            }
            Err(_) => {
                end(child);
                return Waited::Exited(false);
            }
        }
    }
}

/// Ends the child and reaps it (no zombie is left).
fn end(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// The child's answer, as [`serve`] wrote it; anything else means the
/// child did not finish.
fn decode(answer: &[u8]) -> Result<SheetCells, Failure> {
    std::str::from_utf8(answer)
        .ok()
        .and_then(|text| ron::from_str::<Result<SheetCells, Failure>>(text).ok())
        .unwrap_or(Err(Failure::ReaderStopped))
}

/// The child's side: limits its own memory, reads an `.xls` from `input`,
/// writes its answer to `output`. `wanted` is the sheet to prefer.
/// Returns the exit status (0 when the answer was written).
pub fn serve(input: &mut dyn Read, output: &mut dyn Write, wanted: Option<&str>) -> u8 {
    limit_memory(MEMORY_LIMIT);
    answer(input, output, wanted)
}

/// [`serve`] but for the limit: reads, and writes the answer.
fn answer(input: &mut dyn Read, output: &mut dyn Write, wanted: Option<&str>) -> u8 {
    let mut bytes = Vec::new();
    if input
        .take(MAX_IMPORT_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)
        .is_err()
    {
        return 2;
    }
    let outcome = read_here(&bytes, wanted);
    match ron::to_string(&outcome) {
        Ok(text) if output.write_all(text.as_bytes()).is_ok() && output.flush().is_ok() => 0,
        _ => 2,
    }
}

/// Caps this process's address space at `bytes` (or keeps a lower limit
/// it already had), so that a reader that allocates without bound fails
/// here rather than exhausting the machine; caps its processor time, and
/// ends it with its parent, so that a child the parent can no longer
/// stop (the window was killed) does not run on.
#[cfg(target_os = "linux")]
fn limit_memory(bytes: u64) {
    let cpu_seconds = TIME_LIMIT.as_secs().saturating_add(30);
    lower_limit(libc::RLIMIT_AS, bytes);
    lower_limit(libc::RLIMIT_CPU, cpu_seconds);
    // SAFETY: PR_SET_PDEATHSIG takes a signal number and changes only how
    // this process learns of its parent's end.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
    }
}

/// Lowers the limit `resource` of this process to `value`, never raising
/// it; a failure leaves the limit as it was.
#[cfg(target_os = "linux")]
fn lower_limit(resource: libc::__rlimit_resource_t, value: u64) {
    // `rlim_t` is 32 bits on some targets (64 here, where this cannot fail).
    #[allow(irrefutable_let_patterns)]
    let Ok(value) = libc::rlim_t::try_from(value) else {
        return;
    };
    let mut limit = libc::rlimit {
        rlim_cur: libc::RLIM_INFINITY,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: getrlimit fills the struct it is given; setrlimit reads it and
    // changes only this process's limit.
    unsafe {
        if libc::getrlimit(resource, &mut limit) != 0 {
            return;
        }
        limit.rlim_cur = limit.rlim_cur.min(value);
        limit.rlim_max = limit.rlim_max.min(value);
        libc::setrlimit(resource, &limit);
    }
}

/// Elsewhere no limit is set (macOS does not enforce an address-space
/// limit; Windows would need a job object, not made yet): the child is
/// still a separate process, so running out of memory ends it, not the
/// program, and the parent ends it after [`TIME_LIMIT`].
#[cfg(not(target_os = "linux"))]
fn limit_memory(_bytes: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_that_is_not_the_childs_is_a_stopped_reader() {
        assert_eq!(decode(b""), Err(Failure::ReaderStopped));
        assert_eq!(
            decode(b"Ok((sheets: 1, found: Non"),
            Err(Failure::ReaderStopped)
        );
        assert_eq!(decode(&[0xff, 0xfe]), Err(Failure::ReaderStopped));
    }

    #[test]
    fn cells_written_by_the_child_come_back_exactly() {
        let sheet = SheetCells {
            sheets: 2,
            found: Some((
                "Réunions \"2026\"".to_owned(),
                vec![
                    (0, 0, "Line one\nline two, \"quoted\"\t".to_owned()),
                    (4_000_000, 255, "Ωmega \\ ) ]".to_owned()),
                ],
            )),
        };
        let mut answer = Vec::new();
        // An empty input: calamine refuses it in its words.
        assert_eq!(super::answer(&mut &b""[..], &mut answer, None), 0);
        assert!(matches!(decode(&answer), Err(Failure::Workbook(_))));
        let written = ron::to_string(&Ok::<_, Failure>(sheet.clone())).unwrap();
        assert_eq!(decode(written.as_bytes()), Ok(sheet));
    }

    #[cfg(unix)]
    fn sleeper(seconds: &str) -> Child {
        Command::new("sleep")
            .arg(seconds)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    }

    #[cfg(unix)]
    #[test]
    fn a_child_past_its_time_is_ended_and_reported_as_too_long() {
        let mut child = sleeper("30");
        let started = Instant::now();
        let outcome = talk_to(&mut child, b"", Duration::from_millis(200), &|| false);
        assert_eq!(outcome, Err(Failure::TooLong));
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "it waited for the child"
        );
        // Ended and reaped: nothing left to wait for.
        assert!(child.try_wait().unwrap().is_some());
    }

    #[cfg(unix)]
    #[test]
    fn a_cancelled_read_ends_its_child_at_once() {
        let mut child = sleeper("30");
        let outcome = wait_at_most(&mut child, Duration::from_secs(60), &|| true);
        assert_eq!(outcome, Waited::Cancelled);
        assert!(child.try_wait().unwrap().is_some());
    }

    #[cfg(unix)]
    #[test]
    fn a_child_that_ends_on_its_own_is_waited_for_not_killed() {
        let mut child = sleeper("0");
        assert_eq!(
            wait_at_most(&mut child, Duration::from_secs(60), &|| false),
            Waited::Exited(true)
        );
    }
}
