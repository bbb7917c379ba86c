//! The dashboard at 1,000 to 100,000 meetings (`LIAISON_BENCH_SIZES`): what one frame costs (the
//! figures cached), and what computing the figures costs (once per edit or
//! filter change). Run with `cargo bench --bench dashboard`; the figures
//! measured are in `BENCHMARKS.md`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::egui;
use liaison_desk::app::dashboard::DashboardView;
use liaison_desk::dashboard::Dashboard;
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::lookup::Lookup;
use liaison_desk::stats::{Filter, years};
use liaison_desk::workspace::Workspace;

mod common;
use common::sizes;

/// A window of the dashboard's usual size.
fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 2400.0),
        )),
        ..Default::default()
    }
}

/// One frame: egui's pass over the dashboard, and its tessellation.
fn frame(ctx: &egui::Context, view: &mut DashboardView, ws: &Workspace, lookup: &Lookup) {
    let mut output = ctx.run_ui(input(), |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            black_box(view.ui(ui, ws, lookup, "bench.ron"));
        });
    });
    let shapes = std::mem::take(&mut output.shapes);
    black_box(ctx.tessellate(shapes, output.pixels_per_point));
    output.textures_delta.clear();
}

fn dashboard_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("dashboard frame");
    for meetings in sizes() {
        let dataset = generate(GenerateOptions { meetings, seed: 1 });
        let lookup = Lookup::new(&dataset);
        let ws = Workspace::new(dataset);
        let ctx = egui::Context::default();
        let mut view = DashboardView::default();
        // The first frames compute the figures, lay out fonts, build the map.
        for _ in 0..3 {
            frame(&ctx, &mut view, &ws, &lookup);
        }
        group.bench_with_input(BenchmarkId::from_parameter(meetings), &meetings, |b, _| {
            b.iter(|| frame(&ctx, &mut view, &ws, &lookup));
        });
    }
    group.finish();
}

fn dashboard_figures(c: &mut Criterion) {
    let mut group = c.benchmark_group("dashboard figures");
    group.sample_size(10);
    for meetings in sizes() {
        let dataset = generate(GenerateOptions { meetings, seed: 1 });
        let year = years(&dataset).last().copied().unwrap_or(2015);
        let filter = Filter::year(year);
        group.bench_with_input(BenchmarkId::from_parameter(meetings), &meetings, |b, _| {
            b.iter(|| black_box(Dashboard::new(&dataset, &filter)));
        });
    }
    group.finish();
}

criterion_group!(benches, dashboard_frame, dashboard_figures);
criterion_main!(benches);
