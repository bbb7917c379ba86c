//! The dashboard: the first screen of an open file. Key figures for the
//! period with their change against the previous one, the world map, and
//! the charts by geographic zone, all under one set of filters (period,
//! institute, initiative, affiliate).
//!
//! The figures come from [`crate::dashboard::Dashboard`], computed once per
//! (data revision, filter) and kept: a frame only turns a few dozen cached
//! numbers into plot items, whatever the size of the file. A click on a bar,
//! a point, a country or a key figure comes back as
//! [`DashboardAction::Drill`]: the shell shows those records in their table.
//!
//! Architecture invariant: reads the workspace, never changes it.

use std::collections::HashMap;

use chrono::NaiveDate;
use eframe::egui::{self, Color32, RichText};

use super::charts::{self, ChartData, ChartKind, Hit, Placement, Series, Unit};
use super::form::{from_jiff, kind_label, stage_label, to_jiff};
use super::theme;
use super::world_map::WorldMapView;
use crate::cli::group_thousands;
use crate::countries::{self, UNASSIGNED_ZONE};
use crate::dashboard::{
    Dashboard, Drill, FilterChoices, KeyFigures, PIPELINE_STEPS, STAGE_SLOTS, StagePick,
};
use crate::lookup::Lookup;
use crate::model::{AffiliateStatus, ContractKind, Dataset, ListKind, Stage};
use crate::stats::{Filter, HeldBy};
use crate::workspace::Workspace;
use crate::world::{CountryShape, WorldMap};

/// The charts of the dashboard (and the map), for exports and resets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChartId {
    /// Meetings per zone, stacked by stage.
    MeetingsByStage,
    /// Companies met per zone.
    CompaniesMet,
    /// Affiliates per zone, Active / Planned.
    Affiliates,
    /// Contract value per zone, Bilateral / European.
    ContractValue,
    /// Meetings per zone over time.
    OverTime,
    /// How far meetings got, per zone.
    Pipeline,
    /// Countries with meetings, with or without a country note.
    Coverage,
    /// The world map.
    Map,
}

impl ChartId {
    /// Every chart, in the order drawn.
    pub const CHARTS: [ChartId; 7] = [
        ChartId::MeetingsByStage,
        ChartId::CompaniesMet,
        ChartId::ContractValue,
        ChartId::Affiliates,
        ChartId::OverTime,
        ChartId::Pipeline,
        ChartId::Coverage,
    ];

    /// The chart's title.
    pub fn title(self) -> &'static str {
        match self {
            ChartId::MeetingsByStage => "Meetings per zone, by stage",
            ChartId::CompaniesMet => "Companies met per zone",
            ChartId::Affiliates => "Affiliates per zone",
            ChartId::ContractValue => "Contract value per zone",
            ChartId::OverTime => "Meetings per zone over time",
            ChartId::Pipeline => "Pipeline per zone: meetings that reached each stage",
            ChartId::Coverage => "Coverage: countries met, with or without a country note",
            ChartId::Map => "World map",
        }
    }

    /// A short name for exported files ("meetings-by-stage").
    pub fn file_stem(self) -> &'static str {
        match self {
            ChartId::MeetingsByStage => "meetings-by-stage",
            ChartId::CompaniesMet => "companies-met",
            ChartId::Affiliates => "affiliates",
            ChartId::ContractValue => "contract-value",
            ChartId::OverTime => "meetings-over-time",
            ChartId::Pipeline => "pipeline",
            ChartId::Coverage => "coverage",
            ChartId::Map => "world-map",
        }
    }
}

/// What the user asked of the dashboard.
#[derive(Debug, Clone, PartialEq)]
pub enum DashboardAction {
    /// Show these records in their table.
    Drill {
        /// The table.
        list: ListKind,
        /// What the records are, in words.
        label: String,
        /// Which records.
        drill: Drill,
    },
    /// Save this part of the window as a PNG image.
    ExportPng {
        /// The chart.
        chart: ChartId,
        /// Where it is on screen.
        rect: egui::Rect,
    },
    /// Save a chart's numbers as CSV.
    ExportCsv {
        /// The chart.
        chart: ChartId,
        /// The CSV text.
        csv: Vec<u8>,
    },
}

/// The period picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The latest year with data, decided when the file is shown.
    Latest,
    /// Every record, dated or not.
    All,
    /// One calendar year.
    Year(i32),
    /// From one day to another, inclusive.
    Range(NaiveDate, NaiveDate),
}

/// How the map is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapColouring {
    /// Each country in its zone's colour.
    ByZone,
    /// By the number of meetings in the period.
    ByMeetings,
}

/// The figures, kept until the data or the filter changes.
struct Cached {
    revision: u64,
    /// Identifies the data (a new file starts at revision 0 again).
    meetings_ptr: usize,
    filter: Filter,
    dashboard: Dashboard,
    choices: FilterChoices,
    /// Per chart, its figures.
    charts: HashMap<ChartId, ChartData>,
    /// Incremented on every rebuild: keys the map's cached colours.
    generation: u64,
    /// The time scale asked for (`None`: automatic).
    time_scale: Option<bool>,
    /// Whether the time series is by quarter.
    by_quarter: bool,
    /// The zone slot of each assigned country (for the map).
    country_slots: HashMap<String, usize>,
}

/// The dashboard's state: filters, switches and caches.
pub struct DashboardView {
    period: Period,
    institute: Option<String>,
    initiative: Option<String>,
    held_by: Option<HeldBy>,
    /// By quarter (`Some(true)`) or by year, as the user chose; `None`:
    /// by quarter for a period of two years or less, else by year.
    time_scale: Option<bool>,
    colouring: MapColouring,
    cache: Option<Cached>,
    generation: u64,
    /// Charts whose view goes back to default on the next frame.
    reset: Vec<ChartId>,
    /// Where each chart's figures were drawn last frame.
    placements: HashMap<ChartId, Placement>,
    map: WorldMapView,
}

impl Default for DashboardView {
    fn default() -> Self {
        Self {
            period: Period::Latest,
            institute: None,
            initiative: None,
            held_by: None,
            time_scale: None,
            colouring: MapColouring::ByZone,
            cache: None,
            generation: 0,
            reset: Vec::new(),
            placements: HashMap::new(),
            map: WorldMapView::default(),
        }
    }
}

impl DashboardView {
    /// Starts afresh for a newly opened file: the latest year, no filter.
    pub fn new_file(&mut self) {
        *self = Self {
            time_scale: self.time_scale,
            colouring: self.colouring,
            ..Self::default()
        };
    }

    /// The filter the figures are computed for.
    pub fn filter(&self) -> Filter {
        let period = match self.period {
            Period::All | Period::Latest => Filter::all(),
            Period::Year(year) => Filter::year(year),
            Period::Range(from, to) => Filter {
                from: Some(from),
                to: Some(to),
                ..Filter::all()
            },
        };
        Filter {
            institute: self.institute.clone(),
            initiative: self.initiative.clone(),
            held_by: self.held_by.clone(),
            ..period
        }
    }

    /// Picks the period.
    pub fn set_period(&mut self, period: Period) {
        self.period = period;
    }

    /// Picks the initiative (`None`: all).
    pub fn set_initiative(&mut self, initiative: Option<String>) {
        self.initiative = initiative;
    }

    /// The figures shown, as of the last frame.
    pub fn figures(&self) -> Option<&Dashboard> {
        self.cache.as_ref().map(|c| &c.dashboard)
    }

    /// Where a figure of a chart was drawn on the last frame (its centre).
    pub fn figure_position(&self, chart: ChartId, hit: Hit) -> Option<egui::Pos2> {
        self.placements.get(&chart)?.centre(hit)
    }

    /// The figures of a chart, as of the last frame.
    pub fn chart(&self, chart: ChartId) -> Option<&ChartData> {
        self.cache.as_ref()?.charts.get(&chart)
    }

    /// Recomputes the figures if the data or the filter changed.
    fn refresh(&mut self, ws: &Workspace) {
        let dataset = ws.dataset();
        let identity = dataset.meetings.as_ptr() as usize;
        if self.period == Period::Latest {
            let years = crate::stats::years(dataset);
            self.period = years.last().map_or(Period::All, |y| Period::Year(*y));
        }
        let filter = self.filter();
        let fresh = self.cache.as_ref().is_some_and(|c| {
            c.revision == ws.revision()
                && c.meetings_ptr == identity
                && c.filter == filter
                && c.time_scale == self.time_scale
        });
        if fresh {
            return;
        }
        let dashboard = Dashboard::new(dataset, &filter);
        let by_quarter = self
            .time_scale
            .unwrap_or(dashboard.by_year.buckets.len() <= 2);
        let charts = chart_data(&dashboard, by_quarter);
        self.generation += 1;
        let zones = crate::stats::ZoneIndex::new(dataset);
        let country_slots = dataset
            .countries
            .iter()
            .filter_map(|c| {
                let slot = zones.slot(Some(&c.code));
                (slot < dataset.zones.len()).then(|| (c.code.clone(), slot))
            })
            .collect();
        self.cache = Some(Cached {
            time_scale: self.time_scale,
            by_quarter,
            country_slots,
            revision: ws.revision(),
            meetings_ptr: identity,
            filter,
            choices: FilterChoices::new(dataset),
            dashboard,
            charts,
            generation: self.generation,
        });
    }

    /// Draws the dashboard.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ws: &Workspace,
        lookup: &Lookup,
        file_name: &str,
    ) -> Option<DashboardAction> {
        self.refresh(ws);
        let dataset = ws.dataset();
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            ui.heading(dataset.title.as_deref().unwrap_or(file_name));
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| self.filters_ui(ui, dataset, lookup));
        // The filter may have just changed: figures for the new one.
        self.refresh(ws);
        let Some(cache) = &self.cache else {
            return None;
        };
        ui.add_space(theme::SECTION_SPACE);
        if let Some(a) = key_figures_ui(ui, cache, &self.period_label(dataset, lookup)) {
            action = Some(a);
        }
        ui.add_space(theme::SECTION_SPACE);

        let context = self.context_label(dataset, lookup);
        if let Some(a) = self.map_card_ui(ui, dataset, &context) {
            action = Some(a);
        }
        ui.add_space(theme::SECTION_SPACE);

        let two_columns = ui.available_width() >= theme::TWO_COLUMNS_FROM;
        let charts = ChartId::CHARTS;
        let rows: Vec<&[ChartId]> = if two_columns {
            charts.chunks(2).collect()
        } else {
            charts.chunks(1).collect()
        };
        for row in rows {
            ui.columns(row.len().max(if two_columns { 2 } else { 1 }), |columns| {
                for (column, chart) in columns.iter_mut().zip(row) {
                    if let Some(a) = self.chart_card_ui(column, *chart, &context) {
                        action = Some(a);
                    }
                }
            });
            ui.add_space(theme::SECTION_SPACE);
        }
        if let Some(cache) = &self.cache {
            card_frame(ui).show(ui, |ui| {
                ui.set_min_width(ui.available_width());
                ui.strong("Figures by zone");
                ui.label(
                    RichText::new("The same figures as `liaison-desk summary` for these filters")
                        .weak()
                        .small(),
                );
                ui.add_space(4.0);
                egui::ScrollArea::horizontal()
                    .id_salt("figures-by-zone")
                    .show(ui, |ui| {
                        super::summary_table::summary_ui(ui, &cache.dashboard.summary)
                    });
            });
        }
        action
    }

    /// The period's words: "2014", "All years", "2014-03-01 to 2014-09-30".
    fn period_label(&self, _dataset: &Dataset, _lookup: &Lookup) -> String {
        match self.period {
            Period::All | Period::Latest => "All years".to_owned(),
            Period::Year(year) => year.to_string(),
            Period::Range(from, to) => format!("{from} to {to}"),
        }
    }

    /// The filter in words, for drill-down labels: "2014 · GLOBAL CARE".
    fn context_label(&self, dataset: &Dataset, lookup: &Lookup) -> String {
        let mut parts = vec![self.period_label(dataset, lookup)];
        if let Some(id) = &self.institute {
            parts.push(lookup.name(dataset, ListKind::Institutes, id));
        }
        if let Some(name) = &self.initiative {
            parts.push(name.clone());
        }
        match &self.held_by {
            Some(HeldBy::HeadOffice) => parts.push("Head office".to_owned()),
            Some(HeldBy::Affiliate(id)) => {
                parts.push(lookup.name(dataset, ListKind::Affiliates, id));
            }
            None => {}
        }
        parts.join(" · ")
    }

    /// Period, institute, initiative, affiliate; and a way back to none.
    fn filters_ui(&mut self, ui: &mut egui::Ui, dataset: &Dataset, lookup: &Lookup) {
        let years = self
            .cache
            .as_ref()
            .map(|c| c.choices.years.clone())
            .unwrap_or_else(|| crate::stats::years(dataset));
        let initiatives = self
            .cache
            .as_ref()
            .map(|c| c.choices.initiatives.clone())
            .unwrap_or_else(|| crate::stats::initiatives(dataset));

        ui.label("Period");
        let period_text = self.period_label(dataset, lookup);
        let period_text = if matches!(self.period, Period::Range(..)) {
            "Custom range".to_owned()
        } else {
            period_text
        };
        egui::ComboBox::from_id_salt("dashboard-period")
            .selected_text(period_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.period, Period::All, "All years");
                for year in years.iter().rev() {
                    ui.selectable_value(&mut self.period, Period::Year(*year), year.to_string());
                }
                let is_range = matches!(self.period, Period::Range(..));
                if ui.selectable_label(is_range, "Custom range").clicked() && !is_range {
                    self.period = default_range(self.period, &years);
                }
            })
            .response
            .accessible_name("Period");
        if let Period::Range(from, to) = self.period
            && let (Some(mut first), Some(mut last)) = (to_jiff(from), to_jiff(to))
        {
            ui.add(egui_extras::DatePickerButton::new(&mut first).id_salt("dashboard-from"))
                .accessible_name("From");
            ui.label("to");
            ui.add(egui_extras::DatePickerButton::new(&mut last).id_salt("dashboard-to"))
                .accessible_name("To");
            if let (Some(mut from), Some(mut to)) = (from_jiff(first), from_jiff(last)) {
                if to < from {
                    std::mem::swap(&mut from, &mut to);
                }
                self.period = Period::Range(from, to);
            }
        }
        ui.separator();

        let institute_text = match &self.institute {
            Some(id) => lookup.name(dataset, ListKind::Institutes, id),
            None => "All institutes".to_owned(),
        };
        egui::ComboBox::from_id_salt("dashboard-institute")
            .selected_text(institute_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.institute, None, "All institutes");
                for institute in &dataset.institutes {
                    let name = institute.name.as_deref().unwrap_or(&institute.id);
                    ui.selectable_value(&mut self.institute, Some(institute.id.clone()), name);
                }
            })
            .response
            .accessible_name("Institute");

        let initiative_text = self
            .initiative
            .clone()
            .unwrap_or_else(|| "All initiatives".to_owned());
        egui::ComboBox::from_id_salt("dashboard-initiative")
            .selected_text(initiative_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.initiative, None, "All initiatives");
                for name in &initiatives {
                    ui.selectable_value(&mut self.initiative, Some(name.clone()), name);
                }
            })
            .response
            .accessible_name("Initiative");

        let affiliate_text = match &self.held_by {
            None => "All affiliates".to_owned(),
            Some(HeldBy::HeadOffice) => "Head office".to_owned(),
            Some(HeldBy::Affiliate(id)) => lookup.name(dataset, ListKind::Affiliates, id),
        };
        egui::ComboBox::from_id_salt("dashboard-affiliate")
            .selected_text(affiliate_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.held_by, None, "All affiliates");
                ui.selectable_value(&mut self.held_by, Some(HeldBy::HeadOffice), "Head office");
                for affiliate in &dataset.affiliates {
                    ui.selectable_value(
                        &mut self.held_by,
                        Some(HeldBy::Affiliate(affiliate.id.clone())),
                        &affiliate.name,
                    );
                }
            })
            .response
            .accessible_name("Affiliate");

        let filtered =
            self.institute.is_some() || self.initiative.is_some() || self.held_by.is_some();
        if filtered && ui.button("Clear filters").clicked() {
            self.institute = None;
            self.initiative = None;
            self.held_by = None;
        }
    }

    /// The map, its switch, its legend and its tooltip.
    fn map_card_ui(
        &mut self,
        ui: &mut egui::Ui,
        dataset: &Dataset,
        context: &str,
    ) -> Option<DashboardAction> {
        let Some(cache) = &self.cache else {
            return None;
        };
        let mut action = None;
        let frame = card_frame(ui).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(ChartId::Map.title());
                ui.add_space(12.0);
                ui.selectable_value(&mut self.colouring, MapColouring::ByZone, "By zone");
                ui.selectable_value(&mut self.colouring, MapColouring::ByMeetings, "By meetings");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button("PNG…")
                        .on_hover_text("Save the map as an image")
                        .clicked()
                    {
                        action = Some(DashboardAction::ExportPng {
                            chart: ChartId::Map,
                            rect: egui::Rect::NOTHING,
                        });
                    }
                    if ui
                        .button("CSV…")
                        .on_hover_text("Save the map's figures by country as CSV")
                        .clicked()
                    {
                        action = Some(DashboardAction::ExportCsv {
                            chart: ChartId::Map,
                            csv: map_csv(&cache.dashboard),
                        });
                    }
                    if ui.button("Reset view").clicked() {
                        self.map.reset_view();
                    }
                });
            });
            let map = match WorldMap::bundled() {
                Ok(map) => map,
                Err(error) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("The world map cannot be drawn: {error}"),
                    );
                    return;
                }
            };
            let figures = &cache.dashboard;
            let max_meetings = figures
                .countries
                .values()
                .map(|c| c.meetings)
                .max()
                .unwrap_or(0);
            let colouring = self.colouring;
            let slots = &cache.country_slots;
            let fill = |shape: &CountryShape| -> Color32 {
                if shape.code.is_empty() {
                    return theme::NO_DATA_COLOR;
                }
                match colouring {
                    MapColouring::ByZone => match slots.get(&shape.code) {
                        Some(slot) => theme::zone_color(Some(*slot)),
                        None => theme::NO_DATA_COLOR,
                    },
                    MapColouring::ByMeetings => {
                        let count = figures.countries.get(&shape.code).map_or(0, |c| c.meetings);
                        if count == 0 {
                            theme::NO_DATA_COLOR
                        } else {
                            theme::count_color(count, max_meetings)
                        }
                    }
                }
            };
            let fill_key = cache.generation * 2 + u64::from(colouring == MapColouring::ByMeetings);
            let result = self.map.ui(ui, map, theme::MAP_HEIGHT, &fill, fill_key);
            if let Some(index) = result.hovered
                && let Some(shape) = map.countries().get(index)
            {
                let response = result.response.clone();
                response.on_hover_ui_at_pointer(|ui| {
                    country_tooltip_ui(ui, dataset, cache, shape);
                });
            }
            if let Some(index) = result.clicked
                && let Some(shape) = map.countries().get(index)
                && !shape.code.is_empty()
            {
                let name = countries::country_name(&shape.code).unwrap_or(&shape.name);
                action = Some(DashboardAction::Drill {
                    list: ListKind::Meetings,
                    label: format!("{context} · {name}"),
                    drill: Drill {
                        filter: cache.filter.clone(),
                        country: Some(shape.code.clone()),
                        ..Drill::default()
                    },
                });
            }
            map_legend_ui(ui, dataset, colouring, max_meetings);
        });
        if let Some(DashboardAction::ExportPng { rect, .. }) = &mut action {
            *rect = frame.response.rect;
        }
        action
    }

    /// One chart in its card: title, export buttons, the chart, its drill-down.
    fn chart_card_ui(
        &mut self,
        ui: &mut egui::Ui,
        chart: ChartId,
        context: &str,
    ) -> Option<DashboardAction> {
        let cache = self.cache.as_ref()?;
        let data = cache.charts.get(&chart)?;
        let mut action = None;
        let mut reset = self.reset.contains(&chart);
        let frame = card_frame(ui).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(chart.title());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button("PNG…")
                        .on_hover_text("Save the chart as an image")
                        .clicked()
                    {
                        action = Some(DashboardAction::ExportPng {
                            chart,
                            rect: egui::Rect::NOTHING,
                        });
                    }
                    if ui
                        .button("CSV…")
                        .on_hover_text("Save the chart's numbers as CSV")
                        .clicked()
                    {
                        let mut csv = Vec::new();
                        if data.table().write_csv(&mut csv).is_ok() {
                            action = Some(DashboardAction::ExportCsv { chart, csv });
                        }
                    }
                    if chart == ChartId::OverTime {
                        if ui
                            .button("Reset view")
                            .on_hover_text(
                                "Show the whole period again (drag to pan, Ctrl+scroll to zoom)",
                            )
                            .clicked()
                        {
                            reset = true;
                        }
                        let mut by_quarter = cache.by_quarter;
                        ui.selectable_value(&mut by_quarter, true, "By quarter");
                        ui.selectable_value(&mut by_quarter, false, "By year");
                        if by_quarter != cache.by_quarter {
                            self.time_scale = Some(by_quarter);
                            reset = true;
                        }
                    }
                });
            });
            if data.is_empty() || data.categories.is_empty() {
                ui.allocate_ui(
                    egui::vec2(ui.available_width(), theme::CHART_HEIGHT),
                    |ui| {
                        ui.centered_and_justified(|ui| {
                            ui.label(RichText::new(empty_message(chart)).weak());
                        });
                    },
                );
                self.placements.remove(&chart);
                return;
            }
            let kind = match chart {
                ChartId::OverTime | ChartId::Pipeline => ChartKind::Lines,
                _ => ChartKind::StackedBars,
            };
            let result = charts::chart_ui(
                ui,
                chart.file_stem(),
                data,
                kind,
                theme::CHART_HEIGHT,
                reset,
            );
            self.placements.insert(chart, result.placement);
            if let Some(hit) = result.clicked {
                action = drill_for(chart, hit, &cache.dashboard, context, cache.by_quarter);
            }
            if chart == ChartId::Coverage {
                uncovered_ui(ui, &cache.dashboard);
            }
        });
        let was_reset = self.reset.contains(&chart);
        self.reset.retain(|c| *c != chart);
        if reset && !was_reset {
            // Applied on the next frame: the plot reads it when built.
            self.reset.push(chart);
        }
        if let Some(DashboardAction::ExportPng { rect, .. }) = &mut action {
            *rect = frame.response.rect;
        }
        action
    }
}

/// A card around a chart.
fn card_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .corner_radius(6.0)
}

/// What an empty chart says.
fn empty_message(chart: ChartId) -> &'static str {
    match chart {
        ChartId::MeetingsByStage | ChartId::OverTime | ChartId::Pipeline => {
            "No meetings in this period"
        }
        ChartId::CompaniesMet => "No company met in this period",
        ChartId::Affiliates => "No affiliate",
        ChartId::ContractValue => "No contract signed in this period",
        ChartId::Coverage => "No meetings in this period",
        ChartId::Map => "",
    }
}

/// A period to start a custom range from: the year picked, or the last one.
fn default_range(period: Period, years: &[i32]) -> Period {
    let year = match period {
        Period::Year(year) => Some(year),
        _ => years.last().copied(),
    };
    let from = year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
    let to = year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
    match (from, to) {
        (Some(from), Some(to)) => Period::Range(from, to),
        _ => Period::All,
    }
}

/// The zone names of the dashboard's rows.
fn zone_names(dashboard: &Dashboard) -> Vec<String> {
    dashboard
        .summary
        .rows
        .iter()
        .map(|r| r.zone_name.clone())
        .collect()
}

/// The colour of a row's zone.
fn row_color(dashboard: &Dashboard, row: usize) -> Color32 {
    let unassigned = dashboard
        .summary
        .rows
        .get(row)
        .is_none_or(|r| r.zone_id == UNASSIGNED_ZONE);
    theme::zone_color((!unassigned).then_some(row))
}

/// The figures of every chart, from the dashboard.
fn chart_data(dashboard: &Dashboard, by_quarter: bool) -> HashMap<ChartId, ChartData> {
    let zones = zone_names(dashboard);
    let meetings = Unit::Count("meeting", "meetings");
    let per_zone =
        |pick: &dyn Fn(usize) -> u64| -> Vec<u64> { (0..zones.len()).map(pick).collect() };
    let mut charts = HashMap::new();

    let stage_names: Vec<String> = Stage::ALL
        .iter()
        .map(|s| stage_label(*s).to_owned())
        .chain(std::iter::once("No stage".to_owned()))
        .collect();
    let stage_series = (0..STAGE_SLOTS)
        .map(|slot| Series {
            name: stage_names.get(slot).cloned().unwrap_or_default(),
            color: theme::STAGE_COLORS
                .get(slot)
                .copied()
                .unwrap_or(Color32::GRAY),
            values: per_zone(&|z| {
                dashboard
                    .zones
                    .get(z)
                    .and_then(|c| c.meetings_by_stage.get(slot))
                    .copied()
                    .unwrap_or(0)
            }),
        })
        .collect();
    charts.insert(
        ChartId::MeetingsByStage,
        ChartData {
            categories: zones.clone(),
            category_title: "Zone".to_owned(),
            series: stage_series,
            unit: meetings,
            axis_title: "Meetings".to_owned(),
        },
    );

    charts.insert(
        ChartId::CompaniesMet,
        ChartData {
            categories: zones.clone(),
            category_title: "Zone".to_owned(),
            series: vec![Series {
                name: "Companies met".to_owned(),
                color: theme::COMPANIES_COLOR,
                values: per_zone(&|z| dashboard.summary.rows.get(z).map_or(0, |r| r.companies_met)),
            }],
            unit: Unit::Count("company", "companies"),
            axis_title: "Companies".to_owned(),
        },
    );

    charts.insert(
        ChartId::Affiliates,
        ChartData {
            categories: zones.clone(),
            category_title: "Zone".to_owned(),
            series: vec![
                Series {
                    name: "Active".to_owned(),
                    color: theme::ACTIVE_COLOR,
                    values: per_zone(&|z| {
                        dashboard.zones.get(z).map_or(0, |c| c.active_affiliates)
                    }),
                },
                Series {
                    name: "Planned".to_owned(),
                    color: theme::PLANNED_COLOR,
                    values: per_zone(&|z| {
                        dashboard.zones.get(z).map_or(0, |c| c.planned_affiliates)
                    }),
                },
            ],
            unit: Unit::Count("affiliate", "affiliates"),
            axis_title: "Affiliates".to_owned(),
        },
    );

    charts.insert(
        ChartId::ContractValue,
        ChartData {
            categories: zones.clone(),
            category_title: "Zone".to_owned(),
            series: vec![
                Series {
                    name: kind_label(ContractKind::Bilateral).to_owned(),
                    color: theme::BILATERAL_COLOR,
                    values: per_zone(&|z| {
                        dashboard.summary.rows.get(z).map_or(0, |r| r.bilateral_eur)
                    }),
                },
                Series {
                    name: kind_label(ContractKind::European).to_owned(),
                    color: theme::EUROPEAN_COLOR,
                    values: per_zone(&|z| {
                        dashboard.summary.rows.get(z).map_or(0, |r| r.european_eur)
                    }),
                },
            ],
            unit: Unit::Euros,
            axis_title: "Contract value (M€)".to_owned(),
        },
    );

    let series = if by_quarter {
        &dashboard.by_quarter
    } else {
        &dashboard.by_year
    };
    charts.insert(
        ChartId::OverTime,
        ChartData {
            categories: series.buckets.iter().map(|b| b.label()).collect(),
            category_title: if by_quarter { "Quarter" } else { "Year" }.to_owned(),
            series: (0..zones.len())
                .map(|z| Series {
                    name: zones.get(z).cloned().unwrap_or_default(),
                    color: row_color(dashboard, z),
                    values: series.counts.get(z).cloned().unwrap_or_default(),
                })
                .collect(),
            unit: meetings,
            axis_title: "Meetings".to_owned(),
        },
    );

    charts.insert(
        ChartId::Pipeline,
        ChartData {
            categories: PIPELINE_STEPS
                .iter()
                .map(|s| stage_label(*s).to_owned())
                .collect(),
            category_title: "Stage reached".to_owned(),
            series: (0..zones.len())
                .map(|z| Series {
                    name: zones.get(z).cloned().unwrap_or_default(),
                    color: row_color(dashboard, z),
                    values: dashboard
                        .zones
                        .get(z)
                        .map(|c| c.reached.to_vec())
                        .unwrap_or_default(),
                })
                .collect(),
            unit: meetings,
            axis_title: "Meetings".to_owned(),
        },
    );

    charts.insert(
        ChartId::Coverage,
        ChartData {
            categories: zones.clone(),
            category_title: "Zone".to_owned(),
            series: vec![
                Series {
                    name: "With a country note".to_owned(),
                    color: theme::COVERED_COLOR,
                    values: per_zone(&|z| {
                        dashboard
                            .zones
                            .get(z)
                            .map_or(0, |c| c.countries_met - c.countries_without_note)
                    }),
                },
                Series {
                    name: "No country note yet".to_owned(),
                    color: theme::UNCOVERED_COLOR,
                    values: per_zone(&|z| {
                        dashboard
                            .zones
                            .get(z)
                            .map_or(0, |c| c.countries_without_note)
                    }),
                },
            ],
            unit: Unit::Count("country", "countries"),
            axis_title: "Countries with meetings".to_owned(),
        },
    );
    charts
}

/// What a click on a chart's figure shows.
fn drill_for(
    chart: ChartId,
    hit: Hit,
    dashboard: &Dashboard,
    context: &str,
    by_quarter: bool,
) -> Option<DashboardAction> {
    let filter = dashboard.filter.clone();
    let zone_of = |row: usize| dashboard.summary.rows.get(row);
    let (list, label, drill) = match chart {
        ChartId::MeetingsByStage => {
            let zone = zone_of(hit.category)?;
            let stage = Stage::ALL.get(hit.series).copied();
            let stage_name = stage.map_or("No stage", stage_label);
            (
                ListKind::Meetings,
                format!("{context} · {} · {stage_name}", zone.zone_name),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    stage: Some(StagePick::Exactly(stage)),
                    ..Drill::default()
                },
            )
        }
        ChartId::CompaniesMet => {
            let zone = zone_of(hit.category)?;
            (
                ListKind::Companies,
                format!("{context} · {} · companies met", zone.zone_name),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    ..Drill::default()
                },
            )
        }
        ChartId::Affiliates => {
            let zone = zone_of(hit.category)?;
            let status = if hit.series == 0 {
                AffiliateStatus::Active
            } else {
                AffiliateStatus::Planned
            };
            let words = if hit.series == 0 { "active" } else { "planned" };
            (
                ListKind::Affiliates,
                format!("{context} · {} · {words}", zone.zone_name),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    affiliate_status: Some(status),
                    ..Drill::default()
                },
            )
        }
        ChartId::ContractValue => {
            let zone = zone_of(hit.category)?;
            let kind = if hit.series == 0 {
                ContractKind::Bilateral
            } else {
                ContractKind::European
            };
            (
                ListKind::Contracts,
                format!("{context} · {} · {}", zone.zone_name, kind_label(kind)),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    contract_kind: Some(kind),
                    ..Drill::default()
                },
            )
        }
        ChartId::OverTime => {
            let zone = zone_of(hit.series)?;
            let series = if by_quarter {
                &dashboard.by_quarter
            } else {
                &dashboard.by_year
            };
            let bucket = *series.buckets.get(hit.category)?;
            (
                ListKind::Meetings,
                format!("{context} · {} · {}", zone.zone_name, bucket.label()),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    bucket: Some(bucket),
                    ..Drill::default()
                },
            )
        }
        ChartId::Pipeline => {
            let zone = zone_of(hit.series)?;
            let step = *PIPELINE_STEPS.get(hit.category)?;
            (
                ListKind::Meetings,
                format!(
                    "{context} · {} · reached {}",
                    zone.zone_name,
                    stage_label(step).to_lowercase()
                ),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    stage: Some(StagePick::Reached(step)),
                    ..Drill::default()
                },
            )
        }
        ChartId::Coverage => {
            let zone = zone_of(hit.category)?;
            let uncovered = hit.series == 1;
            let words = if uncovered {
                "countries without a note"
            } else {
                "countries met"
            };
            (
                ListKind::Meetings,
                format!("{context} · {} · {words}", zone.zone_name),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    uncovered_only: uncovered,
                    ..Drill::default()
                },
            )
        }
        ChartId::Map => return None,
    };
    Some(DashboardAction::Drill { list, label, drill })
}

/// The key figures, each with its change against the previous period;
/// a click shows the records behind one.
fn key_figures_ui(ui: &mut egui::Ui, cache: &Cached, period: &str) -> Option<DashboardAction> {
    let current = cache.dashboard.current;
    let previous = cache.dashboard.previous.as_ref();
    let previous_label = previous.map(|(filter, _)| match filter.whole_years() {
        Some((first, last)) if first == last => first.to_string(),
        Some((first, last)) => format!("{first}–{last}"),
        None => match (filter.from, filter.to) {
            (Some(from), Some(to)) => format!("{from} to {to}"),
            _ => String::new(),
        },
    });
    let filter = cache.filter.clone();
    type Pick = fn(&KeyFigures) -> u64;
    let cards: [(&str, Pick, bool, ListKind, Drill); 6] = [
        (
            "Active affiliates",
            |k| k.active_affiliates,
            false,
            ListKind::Affiliates,
            Drill {
                filter: filter.clone(),
                affiliate_status: Some(AffiliateStatus::Active),
                ..Drill::default()
            },
        ),
        (
            "Companies met",
            |k| k.companies_met,
            false,
            ListKind::Companies,
            Drill {
                filter: filter.clone(),
                ..Drill::default()
            },
        ),
        (
            "Meetings",
            |k| k.meetings,
            false,
            ListKind::Meetings,
            Drill {
                filter: filter.clone(),
                ..Drill::default()
            },
        ),
        (
            "Open pipeline",
            |k| k.open_pipeline_eur,
            true,
            ListKind::Meetings,
            Drill {
                filter: filter.clone(),
                stage: Some(StagePick::Open),
                ..Drill::default()
            },
        ),
        (
            "Bilateral contracts",
            |k| k.bilateral_eur,
            true,
            ListKind::Contracts,
            Drill {
                filter: filter.clone(),
                contract_kind: Some(ContractKind::Bilateral),
                ..Drill::default()
            },
        ),
        (
            "European projects",
            |k| k.european_eur,
            true,
            ListKind::Contracts,
            Drill {
                filter: filter.clone(),
                contract_kind: Some(ContractKind::European),
                ..Drill::default()
            },
        ),
    ];
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        for (title, pick, euros, list, drill) in cards {
            let value = pick(&current);
            let before = previous.map(|(_, k)| pick(k));
            let response = card_frame(ui)
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        key_figure_ui(ui, title, value, before, euros, &previous_label, period)
                    })
                })
                .response
                .interact(egui::Sense::click())
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_text(format!("Show these records ({title})"));
            let spoken = format!("{title}: {}", exact(value, euros));
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, spoken.clone()));
            if response.clicked() {
                action = Some(DashboardAction::Drill {
                    list,
                    label: format!("{period} · {}", title.to_lowercase()),
                    drill,
                });
            }
        }
    });
    action
}

/// One key figure: its title, its value, and its change.
fn key_figure_ui(
    ui: &mut egui::Ui,
    title: &str,
    value: u64,
    before: Option<u64>,
    euros: bool,
    previous_label: &Option<String>,
    period: &str,
) {
    ui.set_min_width(theme::KEY_FIGURE_WIDTH);
    ui.label(RichText::new(title).weak());
    let text = if euros {
        format_euros_short(value)
    } else {
        group_thousands(value)
    };
    ui.label(
        RichText::new(text)
            .size(theme::KEY_FIGURE_TEXT_SIZE)
            .strong(),
    )
    .on_hover_text(if euros {
        format!("{} €", group_thousands(value))
    } else {
        group_thousands(value)
    });
    match (before, previous_label) {
        (Some(before), Some(label)) => {
            let (text, color) = change_text(ui, value, before, euros);
            ui.label(
                RichText::new(format!("{text} vs {label}"))
                    .color(color)
                    .small(),
            );
        }
        _ => {
            ui.label(RichText::new(period).weak().small());
        }
    }
}

/// A figure in full: "1,234" or "12,500,000 €".
fn exact(value: u64, euros: bool) -> String {
    if euros {
        format!("{} €", group_thousands(value))
    } else {
        group_thousands(value)
    }
}

/// "+12 (+8%)" and its colour; no percentage from zero.
fn change_text(ui: &egui::Ui, now: u64, before: u64, euros: bool) -> (String, Color32) {
    let format = |v: u64| {
        if euros {
            format_euros_short(v)
        } else {
            group_thousands(v)
        }
    };
    let (sign, difference) = if now >= before {
        ("+", now - before)
    } else {
        ("−", before - now)
    };
    let color = match now.cmp(&before) {
        std::cmp::Ordering::Greater => theme::rise_color(ui.visuals().dark_mode),
        std::cmp::Ordering::Less => theme::fall_color(ui.visuals().dark_mode),
        std::cmp::Ordering::Equal => ui.visuals().weak_text_color(),
    };
    if difference == 0 {
        return ("No change".to_owned(), color);
    }
    let text = if before > 0 {
        let percent = difference as f64 * 100.0 / before as f64;
        format!("{sign}{} ({sign}{percent:.0}%)", format(difference))
    } else {
        format!("{sign}{}", format(difference))
    };
    (text, color)
}

/// "12.4 M€", "850 k€", "900 €".
pub fn format_euros_short(value: u64) -> String {
    let v = value as f64;
    if value >= 1_000_000 {
        format!("{:.1} M€", v / 1_000_000.0)
    } else if value >= 10_000 {
        format!("{:.0} k€", v / 1_000.0)
    } else {
        format!("{} €", group_thousands(value))
    }
}

/// The countries with meetings but no note, most meetings first.
fn uncovered_ui(ui: &mut egui::Ui, dashboard: &Dashboard) {
    if dashboard.uncovered.is_empty() {
        ui.label(RichText::new("Every country met has a country note.").weak());
        return;
    }
    let shown: Vec<String> = dashboard
        .uncovered
        .iter()
        .take(theme::UNCOVERED_SHOWN)
        .map(|u| {
            let name = countries::country_name(&u.country).unwrap_or(&u.country);
            format!("{name} ({})", group_thousands(u.meetings))
        })
        .collect();
    let more = dashboard.uncovered.len().saturating_sub(shown.len());
    let mut text = format!("No note yet: {}", shown.join(", "));
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    ui.label(RichText::new(text).small())
        .on_hover_text("Countries with meetings in the period, and the number of meetings");
}

/// The figures of the country under the pointer.
fn country_tooltip_ui(ui: &mut egui::Ui, dataset: &Dataset, cache: &Cached, shape: &CountryShape) {
    let dashboard = &cache.dashboard;
    let name = if shape.code.is_empty() {
        shape.name.as_str()
    } else {
        countries::country_name(&shape.code).unwrap_or(&shape.name)
    };
    ui.strong(name);
    if shape.code.is_empty() {
        ui.label(RichText::new("Not an ISO 3166 country").weak());
        return;
    }
    let zone = cache
        .country_slots
        .get(&shape.code)
        .and_then(|slot| dataset.zones.get(*slot))
        .map_or(crate::countries::UNASSIGNED_ZONE_NAME, |z| {
            z.name.as_deref().unwrap_or(&z.id)
        });
    ui.label(format!("Zone: {zone}"));
    let figures = dashboard
        .countries
        .get(&shape.code)
        .cloned()
        .unwrap_or_default();
    ui.label(Unit::Count("meeting", "meetings").format(figures.meetings));
    ui.label(format!(
        "{} met",
        Unit::Count("company", "companies").format(figures.companies_met)
    ));
    if figures.affiliates > 0 {
        ui.label(Unit::Count("affiliate", "affiliates").format(figures.affiliates));
    }
    ui.label(Unit::Count("country note", "country notes").format(figures.notes));
    if figures.meetings > 0 {
        ui.label(RichText::new("Click to see the meetings").weak());
    }
}

/// The map's legend: the zones, or the scale of meetings.
fn map_legend_ui(ui: &mut egui::Ui, dataset: &Dataset, colouring: MapColouring, max_meetings: u64) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let swatch = |ui: &mut egui::Ui, color: Color32, text: String| {
            let size = egui::vec2(theme::LEGEND_SWATCH, theme::LEGEND_SWATCH);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color);
            ui.label(RichText::new(text).small());
            ui.add_space(8.0);
        };
        match colouring {
            MapColouring::ByZone => {
                for (slot, zone) in dataset.zones.iter().enumerate() {
                    swatch(
                        ui,
                        theme::zone_color(Some(slot)),
                        zone.name.clone().unwrap_or_else(|| zone.id.clone()),
                    );
                }
                swatch(ui, theme::NO_DATA_COLOR, "Not in a zone".to_owned());
            }
            MapColouring::ByMeetings => {
                if max_meetings == 0 {
                    ui.label(RichText::new("No meetings in this period").weak().small());
                    return;
                }
                for count in theme::count_legend_steps(max_meetings) {
                    swatch(
                        ui,
                        theme::count_color(count, max_meetings),
                        group_thousands(count),
                    );
                }
                swatch(ui, theme::NO_DATA_COLOR, "No meetings".to_owned());
            }
        }
    });
}

/// The map's figures by country as CSV: code, name, zone and counts.
fn map_csv(dashboard: &Dashboard) -> Vec<u8> {
    let mut codes: Vec<&String> = dashboard.countries.keys().collect();
    codes.sort();
    let table = crate::dashboard::ChartTable {
        header: [
            "Country",
            "Meetings",
            "Companies met",
            "Affiliates",
            "Country notes",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
        rows: codes
            .into_iter()
            .filter_map(|code| {
                let figures = dashboard.countries.get(code)?;
                let name = countries::country_name(code).unwrap_or(code);
                Some((
                    format!("{name} ({code})"),
                    vec![
                        figures.meetings,
                        figures.companies_met,
                        figures.affiliates,
                        figures.notes,
                    ],
                ))
            })
            .collect(),
    };
    let mut out = Vec::new();
    table.write_csv(&mut out).ok();
    out
}
