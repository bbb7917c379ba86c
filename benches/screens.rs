//! What one frame of each screen costs on the CPU (egui's pass over the
//! whole window, and its tessellation), with a file open and every cache
//! warm; and what the interactions of a table cost: a keystroke in the
//! search box, a quick filter, a sort, each with the frame that shows it.
//!
//! Groups (each over the meeting counts of `LIAISON_BENCH_SIZES`):
//! - `screen frame`: the whole app (`LiaisonApp`, started on a generated
//!   file written to a temporary folder) in a 1280 × 800 window (a laptop):
//!   the dashboard, the six list tables, the meetings table with a record's
//!   form open, the zones, the problems. Nothing changes between frames: the
//!   common case, a frame that only draws what is cached;
//! - `table search`, on a `TableView` of the meetings alone (1280 × 800), its
//!   search index built: a frame with the search unchanged, typing a letter
//!   ("bos" → "bost": the rows found are filtered again) and erasing it
//!   ("bost" → "bos": every record is searched again), each with its frame;
//! - `table filter`: the zone filter, or the year filter, set to another
//!   value (two in turn), and the frame;
//! - `table sort`: sorting by date, ascending and descending in turn (the
//!   keys cached), and the first sort by company of a data revision (the
//!   keys computed), each with the frame;
//! - `world map` (not over the sizes: it does not depend on the data): the
//!   map alone, its shapes cached, and rebuilt (the colours changed).
//!
//! The dashboard with every chart on screen (1200 × 2400) is in
//! `benches/dashboard.rs`. Run with `cargo bench --bench screens`, or
//! `LIAISON_BENCH_SIZES=1000,10000,100000,1000000 cargo bench --bench screens`
//! (default `1000,10000,100000`); one group: `cargo bench --bench screens --
//! "table search"`. The figures measured are in `BENCHMARKS.md`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark that cannot run may panic

use std::cell::OnceCell;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main,
};
use eframe::egui;
use liaison_desk::app::files::FilePicker;
use liaison_desk::app::settings::Settings;
use liaison_desk::app::table::{SortOrder, TableView};
use liaison_desk::app::theme::MAP_HEIGHT;
use liaison_desk::app::world_map::WorldMapView;
use liaison_desk::app::{LIST_SCREENS, LiaisonApp, Screen, list_title};
use liaison_desk::format;
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::lookup::Lookup;
use liaison_desk::model::{Dataset, ListKind};
use liaison_desk::stats;
use liaison_desk::workspace::Workspace;
use liaison_desk::world::WorldMap;
use tempfile::TempDir;

mod common;
use common::sizes;

/// From this many meetings, warm-up and measurement are kept short, and
/// what changes the rows shown takes 10 samples.
const HUGE: usize = 1_000_000;

/// Frames run before measuring, once a screen is shown: the first ones build
/// the caches (a table's index, the dashboard's figures, the map's shapes).
const WARM_FRAMES: usize = 10;

/// A group of frames: short warm-up and measurement (each frame is cheap;
/// there are many benchmarks).
fn group<'a>(c: &'a mut Criterion, name: &str, meetings: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    // As many runs in every sample: quicker than a regression over growing
    // samples, for the median that is reported.
    group.sampling_mode(SamplingMode::Flat);
    if meetings >= HUGE {
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
    } else {
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(3));
    }
    group
}

/// A group of interactions that go through every record: fewer samples at
/// [`HUGE`] sizes, where one takes tens of milliseconds or more.
fn interaction_group<'a>(
    c: &'a mut Criterion,
    name: &str,
    meetings: usize,
) -> BenchmarkGroup<'a, WallTime> {
    let mut group = group(c, name, meetings);
    if meetings >= HUGE {
        group.sample_size(10);
    }
    group
}

/// A laptop's window.
fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// One frame: egui's pass over `draw`, and its tessellation.
fn frame(ctx: &egui::Context, draw: impl FnMut(&mut egui::Ui)) {
    let mut output = ctx.run_ui(input(), draw);
    let shapes = std::mem::take(&mut output.shapes);
    black_box(ctx.tessellate(shapes, output.pixels_per_point));
    output.textures_delta.clear();
}

/// A picker that is never answered: no dialog is opened in these benchmarks.
struct NoPicker;

impl FilePicker for NoPicker {
    fn pick_open(&self) -> Option<PathBuf> {
        None
    }

    fn pick_save(&self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
}

/// The whole app with a generated file open.
struct AppBench {
    ctx: egui::Context,
    app: LiaisonApp,
    /// What is on screen and warm: the screen, and whether a form is open.
    shown: Option<(Screen, bool)>,
    /// The folder of the file (the app holds a lock file and watches it there).
    _dir: TempDir,
}

impl AppBench {
    /// Writes `dataset` to a file, starts the app on it, and runs frames
    /// until it is loaded (opening may happen on a worker thread).
    fn start(dataset: &Dataset) -> Self {
        let meetings = dataset.meetings.len();
        // On the disk of the target folder, as a real file would be.
        let dir = tempfile::Builder::new()
            .prefix("liaison-bench-screens-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("a temporary folder for the benchmark's file");
        let path = dir.path().join("bench.ron");
        std::fs::write(&path, format::to_ron_string(dataset)).expect("writing the data file");

        let ctx = egui::Context::default();
        let mut app = LiaisonApp::start(Settings::default(), Arc::new(NoPicker), Some(path));
        let started = Instant::now();
        let timeout = Duration::from_secs(120) + Duration::from_micros(200) * meetings as u32;
        while app.workspace().dataset().meetings.len() != meetings {
            assert!(
                started.elapsed() < timeout,
                "the app did not load the {meetings} meetings of {} within {timeout:?}: \
                 it has {} meetings; window title {:?}, status {:?}",
                dir.path().join("bench.ron").display(),
                app.workspace().dataset().meetings.len(),
                app.window_title(),
                app.status(),
            );
            frame(&ctx, |ui| app.ui(ui));
            std::thread::sleep(Duration::from_millis(10));
        }
        Self {
            ctx,
            app,
            shown: None,
            _dir: dir,
        }
    }

    /// Shows `screen` (with the first meeting's form when `form`), and runs
    /// the frames that warm its caches, unless it is already shown.
    fn show(&mut self, screen: Screen, form: bool) {
        if self.shown == Some((screen, form)) {
            return;
        }
        if form {
            let Screen::List(list) = screen else {
                panic!("a form is shown with a list");
            };
            self.app.go_to(list, 0);
        } else {
            self.app.switch_to(screen);
        }
        for _ in 0..WARM_FRAMES {
            self.frame();
        }
        assert_eq!(
            self.app.screen(),
            screen,
            "the app is not on the screen asked for (status: {:?})",
            self.app.status()
        );
        if let Screen::List(list) = screen {
            let table = self.app.table(list).expect("the table was shown");
            assert_eq!(table.total_rows(), list_len(self.app.workspace(), list));
        }
        self.shown = Some((screen, form));
    }

    fn frame(&mut self) {
        let app = &mut self.app;
        frame(&self.ctx, |ui| app.ui(ui));
    }
}

fn list_len(ws: &Workspace, list: ListKind) -> usize {
    liaison_desk::edit::list_len(ws.dataset(), list)
}

/// A table of the meetings alone, with its workspace and lookup.
struct TableBench {
    ctx: egui::Context,
    ws: Workspace,
    lookup: Lookup,
    table: TableView,
}

impl TableBench {
    fn new(dataset: &Dataset) -> Self {
        let ws = Workspace::new(dataset.clone());
        let lookup = Lookup::new(ws.dataset());
        let mut bench = Self {
            ctx: egui::Context::default(),
            ws,
            lookup,
            table: TableView::new(ListKind::Meetings),
        };
        for _ in 0..WARM_FRAMES {
            bench.frame();
        }
        bench
    }

    fn frame(&mut self) {
        let Self {
            ctx,
            ws,
            lookup,
            table,
        } = self;
        frame(ctx, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                black_box(table.ui(ui, ws, lookup));
            });
        });
    }

    /// Searches `text`, and runs frames until the search index is built and
    /// the rows found are shown.
    fn search_warm(&mut self, text: &str) {
        self.table.set_search(text);
        let started = Instant::now();
        let timeout = Duration::from_secs(60) + Duration::from_micros(100) * self.len() as u32;
        loop {
            self.frame();
            if self.table.search_indexed() {
                break;
            }
            assert!(
                started.elapsed() < timeout,
                "the search index of {} meetings was not built within {timeout:?}",
                self.len()
            );
        }
        for _ in 0..WARM_FRAMES {
            self.frame();
        }
    }

    fn len(&self) -> usize {
        self.ws.dataset().meetings.len()
    }
}

/// The data of one size; the app and the table made on first use (so that
/// benchmarks filtered out on the command line cost nothing).
struct Fixture {
    meetings: usize,
    dataset: OnceCell<Dataset>,
    app: Option<AppBench>,
    table: Option<TableBench>,
}

impl Fixture {
    fn new(meetings: usize) -> Self {
        Self {
            meetings,
            dataset: OnceCell::new(),
            app: None,
            table: None,
        }
    }

    fn dataset(dataset: &OnceCell<Dataset>, meetings: usize) -> &Dataset {
        dataset.get_or_init(|| generate(GenerateOptions { meetings, seed: 1 }))
    }

    fn app(&mut self) -> &mut AppBench {
        let Self {
            meetings,
            dataset,
            app,
            ..
        } = self;
        app.get_or_insert_with(|| AppBench::start(Self::dataset(dataset, *meetings)))
    }

    fn table(&mut self) -> &mut TableBench {
        let Self {
            meetings,
            dataset,
            table,
            ..
        } = self;
        table.get_or_insert_with(|| TableBench::new(Self::dataset(dataset, *meetings)))
    }
}

/// The screens measured: (name, screen, form open).
fn screens() -> Vec<(String, Screen, bool)> {
    let mut screens = vec![("dashboard".to_owned(), Screen::Dashboard, false)];
    for list in LIST_SCREENS {
        screens.push((list_title(list).to_lowercase(), Screen::List(list), false));
    }
    screens.push((
        "meetings + form".to_owned(),
        Screen::List(ListKind::Meetings),
        true,
    ));
    screens.push(("zones".to_owned(), Screen::Zones, false));
    screens.push(("problems".to_owned(), Screen::Problems, false));
    screens
}

fn screen_frames(c: &mut Criterion, f: &mut Fixture) {
    let mut group = group(c, "screen frame", f.meetings);
    for (name, screen, form) in screens() {
        group.bench_function(BenchmarkId::new(name, f.meetings), |b| {
            let s = f.app();
            s.show(screen, form);
            b.iter(|| s.frame());
        });
    }
    group.finish();
}

/// Times `change` and the frame after it, `iters` times, each after `reset`
/// and its frame (not timed): so that every measured frame recomputes.
fn timed_changes(
    t: &mut TableBench,
    iters: u64,
    mut reset: impl FnMut(&mut TableView),
    mut change: impl FnMut(&mut TableView),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        reset(&mut t.table);
        t.frame();
        let started = Instant::now();
        change(&mut t.table);
        t.frame();
        total += started.elapsed();
    }
    total
}

fn table_search(c: &mut Criterion, f: &mut Fixture) {
    let mut group = interaction_group(c, "table search", f.meetings);
    let mut reported = false;
    let mut prepare = |f: &mut Fixture| {
        let t = f.table();
        if t.table.search() != "bos" || !t.table.search_indexed() {
            t.table.clear_filters();
            t.table.sort_by("Date", None);
            t.search_warm("bos");
        }
        if !reported {
            reported = true;
            let found = t.table.visible_rows();
            t.table.set_search("bost");
            t.frame();
            eprintln!(
                "table search: \"bos\" finds {found}, \"bost\" finds {} of {} meetings",
                t.table.visible_rows(),
                t.len()
            );
            t.table.set_search("bos");
            t.frame();
        }
    };
    group.bench_function(BenchmarkId::new("unchanged", f.meetings), |b| {
        prepare(f);
        let t = f.table();
        t.table.set_search("bos");
        t.frame();
        b.iter(|| t.frame());
    });
    group.bench_function(BenchmarkId::new("type a letter", f.meetings), |b| {
        prepare(f);
        let t = f.table();
        b.iter_custom(|iters| {
            timed_changes(
                t,
                iters,
                |table| table.set_search("bos"),
                |table| table.set_search("bost"),
            )
        });
    });
    group.bench_function(BenchmarkId::new("erase a letter", f.meetings), |b| {
        prepare(f);
        let t = f.table();
        b.iter_custom(|iters| {
            timed_changes(
                t,
                iters,
                |table| table.set_search("bost"),
                |table| table.set_search("bos"),
            )
        });
    });
    group.finish();
    if let Some(t) = &mut f.table {
        t.table.set_search("");
        t.frame();
    }
}

fn table_filter(c: &mut Criterion, f: &mut Fixture) {
    let mut group = interaction_group(c, "table filter", f.meetings);
    group.bench_function(BenchmarkId::new("zone", f.meetings), |b| {
        let t = f.table();
        t.table.set_search("");
        let zones: Vec<String> = t.ws.dataset().zones.iter().map(|z| z.id.clone()).collect();
        assert!(zones.len() >= 2, "two zones to filter on");
        let mut turn = 0;
        b.iter(|| {
            turn ^= 1;
            t.table.set_zone_filter(Some(zones[turn].clone()));
            t.frame();
        });
        t.table.clear_filters();
    });
    group.bench_function(BenchmarkId::new("year", f.meetings), |b| {
        let t = f.table();
        t.table.set_search("");
        let years = stats::years(t.ws.dataset());
        assert!(years.len() >= 2, "two years to filter on");
        let years = &years[years.len() - 2..];
        let mut turn = 0;
        b.iter(|| {
            turn ^= 1;
            t.table.set_year_filter(Some(years[turn]));
            t.frame();
        });
        t.table.clear_filters();
    });
    group.finish();
    if let Some(t) = &mut f.table {
        t.frame();
    }
}

fn table_sort(c: &mut Criterion, f: &mut Fixture) {
    let mut group = interaction_group(c, "table sort", f.meetings);
    group.bench_function(BenchmarkId::new("date, keys cached", f.meetings), |b| {
        let t = f.table();
        t.table.set_search("");
        t.table.clear_filters();
        // The first sort by date computes its keys; the measured ones reuse them.
        assert!(t.table.sort_by("Date", Some(SortOrder::Descending)));
        t.frame();
        let mut ascending = false;
        b.iter(|| {
            ascending = !ascending;
            let order = if ascending {
                SortOrder::Ascending
            } else {
                SortOrder::Descending
            };
            t.table.sort_by("Date", Some(order));
            t.frame();
        });
    });
    // A hundred milliseconds and more from 100,000 meetings: few samples.
    group.sample_size(10);
    group.bench_function(
        BenchmarkId::new("company, keys computed", f.meetings),
        |b| {
            let t = f.table();
            t.table.set_search("");
            t.table.clear_filters();
            b.iter_custom(|iters| {
                timed_changes(
                    t,
                    iters,
                    |table| {
                        // A new revision's caches, unsorted: as after an edit.
                        table.sort_by("Company", None);
                        table.invalidate();
                    },
                    |table| {
                        assert!(table.sort_by("Company", Some(SortOrder::Ascending)));
                    },
                )
            });
        },
    );
    group.finish();
    if let Some(t) = &mut f.table {
        t.table.sort_by("Date", None);
        t.frame();
    }
}

fn world_map(c: &mut Criterion) {
    let map = WorldMap::bundled().expect("the bundled world map");
    let ctx = egui::Context::default();
    let mut view = WorldMapView::default();
    let fill = |shape: &liaison_desk::world::CountryShape| {
        if shape.code.is_empty() {
            egui::Color32::GRAY
        } else {
            egui::Color32::from_rgb(70, 120, 180)
        }
    };
    let draw = |view: &mut WorldMapView, fill_key: u64| {
        frame(&ctx, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                black_box(view.ui(ui, map, MAP_HEIGHT, &fill, fill_key));
            });
        });
    };
    let mut group = c.benchmark_group("world map");
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("shapes cached", |b| {
        for _ in 0..WARM_FRAMES {
            draw(&mut view, 0);
        }
        b.iter(|| draw(&mut view, 0));
    });
    group.bench_function("colours changed", |b| {
        let mut key = 0;
        b.iter(|| {
            key += 1;
            draw(&mut view, key);
        });
    });
    group.finish();
}

/// The map once, then every group at one size, then the next size: one
/// size's data (and app) at a time in memory.
fn screens_benches(c: &mut Criterion) {
    world_map(c);
    for meetings in sizes() {
        let mut fixture = Fixture::new(meetings);
        screen_frames(c, &mut fixture);
        // The app's copy of the data is no longer needed.
        fixture.app = None;
        table_search(c, &mut fixture);
        table_filter(c, &mut fixture);
        table_sort(c, &mut fixture);
    }
}

criterion_group!(benches, screens_benches);
criterion_main!(benches);
