//! The file path, without egui: what opening, saving, validating and editing
//! a data file cost, phase by phase, so that one can see what dominates.
//!
//! Groups (each over the meeting counts of `LIAISON_BENCH_SIZES`):
//! - `read`: `std::fs::read` of the file (written once beforehand, so it is
//!   in the page cache: this is the cost of a warm read, not of the disk);
//! - `parse`: `format::parse_bytes` (`ron`), next to `serde_json::from_str`
//!   of the same dataset as JSON (`json (floor)`: what a fast serde format
//!   costs on the same data);
//! - `validate`: `validate::validate`;
//! - `index`: `Lookup::new` (positions of records by id, zone of each
//!   country) and `Workspace::new` (validation and the lookup);
//! - `open`: all the app does to open a file (on its worker thread):
//!   `document::open` reads the file, fingerprints it, parses it and builds
//!   the workspace;
//! - `save`: serialising (`format::to_ron_string`, and `serde_json::to_string`
//!   as the floor) and writing (`storage::save_text`: temporary file, fsync,
//!   backup of the previous version, rename; measured over an existing file,
//!   so with the backup, as every save but the first);
//! - `summary`: `stats::summary` over the whole file and over its latest year;
//! - `edit`: one `Workspace::apply`: changing one meeting's topic (what a
//!   form's Apply pays: the record is re-validated and re-indexed alone), and
//!   moving a meeting (what deletes, moves and batches pay: the whole file is
//!   validated and indexed again); two values in turn, never a no-op.
//!
//! Data from `generate` (seed 1). Run with `cargo bench --bench files`, or
//! `LIAISON_BENCH_SIZES=1000,10000,100000,1000000 cargo bench --bench files`
//! (default `1000,10000,100000`); one group: `cargo bench --bench files -- parse`.
//! Slow benchmarks take 10 samples; from 1,000,000 meetings the warm-up is one
//! run and criterion warns that it could not finish in the (deliberately
//! short) target time: it then runs the minimum, 10 samples of one run each.
//! The figures measured are in `BENCHMARKS.md`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark that cannot run may panic

use std::cell::OnceCell;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, criterion_group,
    criterion_main,
};
use liaison_desk::document;
use liaison_desk::edit::{Edit, Record};
use liaison_desk::format;
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::lookup::Lookup;
use liaison_desk::model::{Dataset, ListKind};
use liaison_desk::progress::Progress;
use liaison_desk::stats::{self, Filter};
use liaison_desk::storage;
use liaison_desk::validate;
use liaison_desk::workspace::Workspace;
use tempfile::TempDir;

mod common;
use common::sizes;

/// From this many meetings, warm-up and measurement are kept to the minimum.
const HUGE: usize = 1_000_000;

/// A group for operations that take long (tens of milliseconds and more at
/// the larger sizes): 10 samples, and at [`HUGE`] sizes one warm-up run and
/// the fewest runs criterion allows.
fn slow_group<'a>(
    c: &'a mut Criterion,
    name: &str,
    meetings: usize,
) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    // As many runs in every sample: the runs are long, a regression over
    // growing samples would take minutes.
    group.sampling_mode(SamplingMode::Flat);
    if meetings >= HUGE {
        group.warm_up_time(Duration::from_millis(1));
        group.measurement_time(Duration::from_secs(1));
    } else {
        group.warm_up_time(Duration::from_secs(1));
    }
    group
}

/// The data of one size, each part made on first use (so that benchmarks
/// filtered out on the command line cost nothing), then shared by the groups.
struct Fixture {
    meetings: usize,
    dir: TempDir,
    dataset: OnceCell<Dataset>,
    ron: OnceCell<String>,
    json: OnceCell<String>,
    path: OnceCell<PathBuf>,
}

impl Fixture {
    fn new(meetings: usize) -> Self {
        // On the disk of the target folder, where fsync means something.
        let dir = tempfile::Builder::new()
            .prefix("liaison-bench-files-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("a temporary folder for the benchmark's files");
        Self {
            meetings,
            dir,
            dataset: OnceCell::new(),
            ron: OnceCell::new(),
            json: OnceCell::new(),
            path: OnceCell::new(),
        }
    }

    fn dataset(&self) -> &Dataset {
        self.dataset.get_or_init(|| {
            generate(GenerateOptions {
                meetings: self.meetings,
                seed: 1,
            })
        })
    }

    /// The file's text, as the app writes it.
    fn ron(&self) -> &str {
        self.ron
            .get_or_init(|| format::to_ron_string(self.dataset()))
    }

    /// The same data as JSON; checked to read back to the same data.
    fn json(&self) -> &str {
        self.json.get_or_init(|| {
            let json = serde_json::to_string(self.dataset()).expect("the dataset as JSON");
            let back: Dataset = serde_json::from_str(&json).expect("the JSON reads back");
            assert!(
                &back == self.dataset(),
                "the JSON round trip changed the data"
            );
            json
        })
    }

    /// The data file, written once.
    fn path(&self) -> &Path {
        self.path.get_or_init(|| {
            let path = self.dir.path().join("bench.ron");
            std::fs::write(&path, self.ron()).expect("writing the benchmark's data file");
            path
        })
    }
}

fn id(meetings: usize) -> BenchmarkId {
    BenchmarkId::from_parameter(meetings)
}

fn read(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "read", f.meetings);
    group.bench_function(id(f.meetings), |b| {
        let path = f.path();
        b.iter_batched(
            || (),
            |()| std::fs::read(path).expect("reading the data file"),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn parse(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "parse", f.meetings);
    group.bench_function(BenchmarkId::new("ron", f.meetings), |b| {
        let bytes = f.ron().as_bytes();
        b.iter_batched(
            || (),
            |()| format::parse_bytes(black_box(bytes)).expect("the file parses"),
            BatchSize::PerIteration,
        );
    });
    group.bench_function(BenchmarkId::new("json (floor)", f.meetings), |b| {
        let json = f.json();
        b.iter_batched(
            || (),
            |()| serde_json::from_str::<Dataset>(black_box(json)).expect("the JSON parses"),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn validate(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "validate", f.meetings);
    group.bench_function(id(f.meetings), |b| {
        let dataset = f.dataset();
        b.iter(|| validate::validate(black_box(dataset)));
    });
    group.finish();
}

fn index(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "index", f.meetings);
    group.bench_function(BenchmarkId::new("Lookup::new", f.meetings), |b| {
        let dataset = f.dataset();
        b.iter_batched(
            || (),
            |()| Lookup::new(black_box(dataset)),
            BatchSize::PerIteration,
        );
    });
    group.bench_function(BenchmarkId::new("Workspace::new", f.meetings), |b| {
        let dataset = f.dataset();
        b.iter_batched(|| dataset.clone(), Workspace::new, BatchSize::PerIteration);
    });
    group.finish();
}

fn open(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "open", f.meetings);
    group.bench_function(id(f.meetings), |b| {
        let path = f.path();
        b.iter_batched(
            || (),
            |()| {
                let progress = Arc::new(Progress::default());
                document::open(path, &progress).expect("the file opens")
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn save(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "save", f.meetings);
    group.bench_function(BenchmarkId::new("serialise ron", f.meetings), |b| {
        let dataset = f.dataset();
        b.iter_batched(
            || (),
            |()| format::to_ron_string(black_box(dataset)),
            BatchSize::PerIteration,
        );
    });
    group.bench_function(
        BenchmarkId::new("serialise json (floor)", f.meetings),
        |b| {
            let dataset = f.dataset();
            b.iter_batched(
                || (),
                |()| serde_json::to_string(black_box(dataset)).expect("the dataset as JSON"),
                BatchSize::PerIteration,
            );
        },
    );
    group.bench_function(BenchmarkId::new("save_text", f.meetings), |b| {
        let bytes = f.ron().as_bytes();
        let path = f.dir.path().join("saved.ron");
        // Over an existing file, as every save but the first: with a backup.
        if !path.exists() {
            storage::save_text(&path, bytes).expect("the first save");
        }
        b.iter(|| storage::save_text(&path, black_box(bytes)).expect("the save"));
    });
    group.finish();
}

fn summary(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "summary", f.meetings);
    group.bench_function(BenchmarkId::new("all", f.meetings), |b| {
        let dataset = f.dataset();
        let filter = Filter::all();
        b.iter(|| stats::summary(black_box(dataset), &filter));
    });
    group.bench_function(BenchmarkId::new("latest year", f.meetings), |b| {
        let dataset = f.dataset();
        let year = stats::years(dataset).last().copied().expect("a year");
        let filter = Filter::year(year);
        b.iter(|| stats::summary(black_box(dataset), &filter));
    });
    group.finish();
}

fn edit(c: &mut Criterion, f: &Fixture) {
    let mut group = slow_group(c, "edit", f.meetings);
    // Made on the first run of a routine (criterion calls it once per
    // sample), kept for the others.
    let mut ws: Option<Workspace> = None;
    let mut turn = 0;
    let topics = [
        "Benchmark topic, first".to_owned(),
        "Benchmark topic, second".to_owned(),
    ];
    group.bench_function(BenchmarkId::new("one field", f.meetings), |b| {
        let ws = ws.get_or_insert_with(|| Workspace::new(f.dataset().clone()));
        let meeting = ws.dataset().meetings.first().expect("a meeting").clone();
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // Two values in turn, neither the meeting's own: every edit
                // changes the data.
                turn ^= 1;
                let mut changed = meeting.clone();
                changed.topic = Some(topics[turn].clone());
                let edit = Edit::Replace {
                    index: 0,
                    record: Record::Meeting(changed),
                };
                let started = Instant::now();
                ws.apply("Edit meeting", edit).expect("the edit applies");
                total += started.elapsed();
                // Not timed: keeps the history (and the memory) from growing
                // over millions of runs.
                assert!(ws.undo(), "the edit is undone");
            }
            total
        });
    });
    group.bench_function(BenchmarkId::new("move", f.meetings), |b| {
        let ws = ws.get_or_insert_with(|| Workspace::new(f.dataset().clone()));
        b.iter(|| {
            // The first two meetings change places: every move changes the data.
            ws.apply(
                "Move meeting",
                Edit::Move {
                    list: ListKind::Meetings,
                    from: 0,
                    to: 1,
                },
            )
            .expect("the move applies");
        });
    });
    group.finish();
}

/// Every group at one size, then the next size: one size's data (and
/// files) at a time in memory and on disk.
fn files(c: &mut Criterion) {
    for meetings in sizes() {
        let fixture = Fixture::new(meetings);
        read(c, &fixture);
        parse(c, &fixture);
        validate(c, &fixture);
        index(c, &fixture);
        open(c, &fixture);
        save(c, &fixture);
        summary(c, &fixture);
        edit(c, &fixture);
    }
}

criterion_group!(benches, files);
criterion_main!(benches);
