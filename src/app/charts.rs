//! Charts by category, drawn with egui_plot: stacked horizontal bars (one bar
//! per zone) and lines (a point per period or per pipeline step).
//!
//! egui_plot draws; this module decides what is under the pointer itself,
//! from the plot's transform and the exact figures, so that a tooltip names
//! the zone and the exact number, and a click says which bar (or point) was
//! hit. The caller turns that into a drill-down.
//!
//! Per frame the cost is that of a few dozen bars or points: the figures
//! come from the dashboard's cache, never from the records.

use eframe::egui::{self, Color32, Pos2, RichText, Stroke};
use egui_plot::{
    Bar, BarChart, GridMark, Line, Plot, PlotPoint, PlotPoints, PlotTransform, Points,
};

use super::theme;
use crate::dashboard::ChartTable;
use crate::i18n::{self, Msg, catalogue::dashboard as msg};

/// Half the thickness of a bar, in category units.
const BAR_HALF_WIDTH: f64 = 0.35;
/// How close to a point of a line the pointer must be, in points.
const POINT_HIT_RADIUS: f32 = 14.0;
/// Roughly the room a label of the time axis takes, in points.
const X_LABEL_ROOM: f32 = 64.0;
/// Euros per million.
const MILLION: f64 = 1_000_000.0;

/// What the numbers of a chart are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A number of records ("12 meetings"): the messages for one and for
    /// more, each naming `{count}`.
    Count(Msg, Msg),
    /// Whole euros, shown in M€ on the axis and exactly in tooltips.
    Euros,
}

impl Unit {
    /// "12 meetings", "1 meeting", "€12,500,000", in the language in use.
    pub fn format(&self, value: u64) -> String {
        match self {
            Unit::Count(one, many) => i18n::counted(value, *one, *many),
            Unit::Euros => i18n::amount_eur(i64::try_from(value).unwrap_or(i64::MAX)),
        }
    }

    /// The value as drawn: millions of euros, or the count itself.
    fn scaled(&self, value: u64) -> f64 {
        match self {
            Unit::Count(..) => value as f64,
            Unit::Euros => value as f64 / MILLION,
        }
    }
}

/// One series of a chart: a stack of the bars, or a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Its name, shown in the legend and tooltips.
    pub name: String,
    /// Its colour.
    pub color: Color32,
    /// A value per category.
    pub values: Vec<u64>,
}

/// The figures of one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// The categories: zones for bars, periods or steps for lines.
    pub categories: Vec<String>,
    /// What the first column of the CSV export is called ("Zone", "Year"…).
    pub category_title: String,
    /// The series.
    pub series: Vec<Series>,
    /// What the values are.
    pub unit: Unit,
    /// The value axis's title ("Meetings", "M€").
    pub axis_title: String,
}

impl ChartData {
    /// The chart's numbers as a table, for the CSV export: a row per
    /// category, a column per series.
    pub fn table(&self) -> ChartTable {
        let mut header = vec![self.category_title.clone()];
        header.extend(self.series.iter().map(|s| s.name.clone()));
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(c, label)| {
                let numbers = self
                    .series
                    .iter()
                    .map(|s| s.values.get(c).copied().unwrap_or(0))
                    .collect();
                (label.clone(), numbers)
            })
            .collect();
        ChartTable { header, rows }
    }

    fn value(&self, hit: Hit) -> u64 {
        self.series
            .get(hit.series)
            .and_then(|s| s.values.get(hit.category))
            .copied()
            .unwrap_or(0)
    }

    fn category_total(&self, category: usize) -> u64 {
        self.series
            .iter()
            .map(|s| s.values.get(category).copied().unwrap_or(0))
            .sum()
    }

    /// Whether every value is zero (an empty chart says so instead).
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.values.iter().all(|v| *v == 0))
    }
}

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// A horizontal bar per category, its series stacked.
    StackedBars,
    /// A line per series across the categories.
    Lines,
}

/// A figure of a chart: a category and a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The category (zone, period, step).
    pub category: usize,
    /// The series (stage, kind, zone…).
    pub series: usize,
}

/// What happened to a chart this frame.
pub struct ChartResponse {
    /// The plot's response.
    pub response: egui::Response,
    /// The figure under the pointer.
    pub hovered: Option<Hit>,
    /// The figure clicked.
    pub clicked: Option<Hit>,
    /// Where each figure is drawn (its centre), for the keyboard and tests.
    pub placement: Placement,
}

/// Where a chart's figures were drawn this frame.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    transform: Option<PlotTransform>,
    /// Per series, per category: the centre of the figure in plot space.
    centres: Vec<Vec<Option<PlotPoint>>>,
}

impl Placement {
    /// The centre on screen of a figure, if it is drawn (a zero is not).
    pub fn centre(&self, hit: Hit) -> Option<Pos2> {
        let point = self.centres.get(hit.series)?.get(hit.category)?.as_ref()?;
        Some(self.transform.as_ref()?.position_from_point(point))
    }
}

/// Draws `data` as a chart `height` points tall, with its legend above,
/// named `title` for screen readers.
/// `reset` puts the view back to its default bounds.
pub fn chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    data: &ChartData,
    kind: ChartKind,
    height: f32,
    reset: bool,
) -> ChartResponse {
    legend_ui(ui, data);
    let n = data.categories.len();
    let centres = centres(data, kind);
    let strong = ui.visuals().strong_text_color();
    let categories = data.categories.clone();
    let category_width = categories_width(ui, &data.categories);
    let label_step = {
        let room = (ui.available_width() - 60.0).max(X_LABEL_ROOM);
        let fits = (room / X_LABEL_ROOM).floor().max(1.0) as usize;
        n.div_ceil(fits).max(1)
    };

    let mut plot = Plot::new(id)
        .height(height)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .label_formatter(|_| None)
        .x_axis_label(if kind == ChartKind::StackedBars {
            data.axis_title.clone()
        } else {
            String::new()
        })
        .y_axis_label(if kind == ChartKind::Lines {
            data.axis_title.clone()
        } else {
            String::new()
        });
    plot = match kind {
        ChartKind::StackedBars => plot
            .allow_zoom(false)
            .allow_drag(false)
            .allow_double_click_reset(false)
            .include_x(0.0)
            .include_y(-0.6)
            .include_y(n as f64 - 0.4)
            .y_axis_min_width(category_width)
            .y_grid_spacer(move |_| category_marks(n, 1))
            .y_axis_formatter(move |mark, _| {
                category_at(&categories, n, mark.value, true).unwrap_or_default()
            }),
        ChartKind::Lines => plot
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .include_y(0.0)
            .include_x(-0.3)
            .include_x(n as f64 - 0.7)
            .x_grid_spacer(move |_| category_marks(n, label_step))
            .x_axis_formatter(move |mark, _| {
                category_at(&categories, n, mark.value, false).unwrap_or_default()
            }),
    };
    if reset {
        plot = plot.reset();
    }

    // Where the pointer is, in plot coordinates, from last frame's transform
    // (the plot's memory): enough to outline the figure hovered.
    let plot_id = ui.make_persistent_id(id);
    let previous_hit = ui.ctx().pointer_hover_pos().and_then(|pos| {
        let memory = egui_plot::PlotMemory::load(ui.ctx(), plot_id)?;
        hit_test(data, kind, &centres, &memory.transform(), pos)
    });

    let plot_response = plot.id(plot_id).show(ui, |plot_ui| match kind {
        ChartKind::StackedBars => {
            let mut charts: Vec<BarChart> = Vec::new();
            for (s, series) in data.series.iter().enumerate() {
                let bars = (0..n)
                    .map(|c| {
                        let value = series.values.get(c).copied().unwrap_or(0);
                        let mut bar = Bar::new(category_y(n, c), data.unit.scaled(value))
                            .width(2.0 * BAR_HALF_WIDTH)
                            .fill(series.color)
                            .stroke(Stroke::NONE);
                        if previous_hit
                            == Some(Hit {
                                category: c,
                                series: s,
                            })
                        {
                            bar = bar.stroke(Stroke::new(2.0, strong));
                        }
                        bar
                    })
                    .collect();
                let below: Vec<&BarChart> = charts.iter().collect();
                let chart = BarChart::new(series.name.clone(), bars)
                    .horizontal()
                    .color(series.color)
                    .allow_hover(false)
                    .stack_on(&below);
                charts.push(chart);
            }
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
        }
        ChartKind::Lines => {
            for series in &data.series {
                let points: Vec<[f64; 2]> = (0..n)
                    .map(|c| {
                        let value = series.values.get(c).copied().unwrap_or(0);
                        [c as f64, data.unit.scaled(value)]
                    })
                    .collect();
                plot_ui.line(
                    Line::new(series.name.clone(), PlotPoints::from(points.clone()))
                        .color(series.color)
                        .width(2.0)
                        .allow_hover(false),
                );
                plot_ui.points(
                    Points::new(series.name.clone(), PlotPoints::from(points))
                        .color(series.color)
                        .radius(3.0)
                        .allow_hover(false),
                );
            }
            if let Some(hit) = previous_hit
                && let Some(series) = data.series.get(hit.series)
            {
                let value = series.values.get(hit.category).copied().unwrap_or(0);
                plot_ui.points(
                    Points::new(
                        "",
                        PlotPoints::from(vec![[hit.category as f64, data.unit.scaled(value)]]),
                    )
                    .color(strong)
                    .radius(5.0)
                    .filled(false)
                    .allow_hover(false),
                );
            }
        }
    });

    let transform = plot_response.transform;
    // Named for screen readers (and tests), as its card is titled.
    let response = plot_response.response.accessible_name(title);
    let hovered = response
        .hover_pos()
        .and_then(|pos| hit_test(data, kind, &centres, &transform, pos));
    let clicked = if response.clicked() {
        response
            .interact_pointer_pos()
            .and_then(|pos| hit_test(data, kind, &centres, &transform, pos))
    } else {
        None
    };
    if let Some(hit) = hovered {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, data, kind, hit));
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    ChartResponse {
        response,
        hovered,
        clicked,
        placement: Placement {
            transform: Some(transform),
            centres,
        },
    }
}

/// The legend: a coloured square and the name of each series.
fn legend_ui(ui: &mut egui::Ui, data: &ChartData) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for series in &data.series {
            let size = egui::vec2(theme::LEGEND_SWATCH, theme::LEGEND_SWATCH);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, series.color);
            ui.label(RichText::new(&series.name).small());
            ui.add_space(8.0);
        }
    });
}

/// Exact numbers of the figure under the pointer.
fn tooltip_ui(ui: &mut egui::Ui, data: &ChartData, kind: ChartKind, hit: Hit) {
    let category = data
        .categories
        .get(hit.category)
        .map(String::as_str)
        .unwrap_or_default();
    let series = data
        .series
        .get(hit.series)
        .map(|s| s.name.as_str())
        .unwrap_or_default();
    ui.strong(category);
    ui.label(msg::TOOLTIP_VALUE.with(&[
        ("series", &series),
        ("value", &data.unit.format(data.value(hit))),
    ]));
    if kind == ChartKind::StackedBars && data.series.len() > 1 {
        ui.label(msg::TOOLTIP_ALL.with(&[(
            "value",
            &data.unit.format(data.category_total(hit.category)),
        )]));
    }
    ui.label(RichText::new(msg::CLICK_FOR_RECORDS.text()).weak());
}

/// The y of category `c` in a bar chart: the first on top.
fn category_y(n: usize, c: usize) -> f64 {
    (n.saturating_sub(1).saturating_sub(c)) as f64
}

/// The label of the category at `value` on its axis, when `value` is one.
fn category_at(categories: &[String], n: usize, value: f64, bars: bool) -> Option<String> {
    let rounded = value.round();
    if (value - rounded).abs() > 1e-6 || rounded < 0.0 {
        return None;
    }
    let position = rounded as usize;
    let c = if bars {
        n.checked_sub(1)?.checked_sub(position)?
    } else {
        position
    };
    categories.get(c).cloned()
}

/// A grid mark at each `step`-th category.
fn category_marks(n: usize, step: usize) -> Vec<GridMark> {
    (0..n)
        .step_by(step.max(1))
        .map(|c| GridMark {
            value: c as f64,
            step_size: step as f64,
        })
        .collect()
}

/// The width the category labels of a bar chart need.
fn categories_width(ui: &egui::Ui, categories: &[String]) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = categories
        .iter()
        .map(|c| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(c.clone(), font.clone(), Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max);
    widest + 12.0
}

/// The centre of each non-zero figure, in plot coordinates.
fn centres(data: &ChartData, kind: ChartKind) -> Vec<Vec<Option<PlotPoint>>> {
    let n = data.categories.len();
    let mut below = vec![0.0_f64; n];
    data.series
        .iter()
        .map(|series| {
            (0..n)
                .map(|c| {
                    let value = data.unit.scaled(series.values.get(c).copied().unwrap_or(0));
                    match kind {
                        ChartKind::StackedBars => {
                            let start = below.get(c).copied().unwrap_or(0.0);
                            if let Some(b) = below.get_mut(c) {
                                *b += value;
                            }
                            (value > 0.0)
                                .then(|| PlotPoint::new(start + value / 2.0, category_y(n, c)))
                        }
                        ChartKind::Lines => Some(PlotPoint::new(c as f64, value)),
                    }
                })
                .collect()
        })
        .collect()
}

/// The figure at screen position `pos`, if any.
fn hit_test(
    data: &ChartData,
    kind: ChartKind,
    centres: &[Vec<Option<PlotPoint>>],
    transform: &PlotTransform,
    pos: Pos2,
) -> Option<Hit> {
    if !transform.frame().contains(pos) {
        return None;
    }
    let point = transform.value_from_position(pos);
    let n = data.categories.len();
    match kind {
        ChartKind::StackedBars => {
            let row = point.y.round();
            if (point.y - row).abs() > BAR_HALF_WIDTH || row < 0.0 {
                return None;
            }
            let category = n.checked_sub(1)?.checked_sub(row as usize)?;
            let mut start = 0.0;
            for (s, series) in data.series.iter().enumerate() {
                let value = data
                    .unit
                    .scaled(series.values.get(category).copied().unwrap_or(0));
                if value > 0.0 && point.x >= start && point.x <= start + value {
                    return Some(Hit {
                        category,
                        series: s,
                    });
                }
                start += value;
            }
            None
        }
        ChartKind::Lines => {
            let column = point.x.round();
            if column < 0.0 {
                return None;
            }
            let category = column as usize;
            if category >= n {
                return None;
            }
            centres
                .iter()
                .enumerate()
                .filter_map(|(s, points)| {
                    let centre = transform.position_from_point(points.get(category)?.as_ref()?);
                    let distance = centre.distance(pos);
                    (distance <= POINT_HIT_RADIUS).then_some((s, distance))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(series, _)| Hit { category, series })
        }
    }
}
