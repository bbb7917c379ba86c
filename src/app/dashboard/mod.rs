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

use chrono::{Datelike as _, NaiveDate};
use eframe::egui::{self, Color32, RichText};

mod chart_data;
mod key_figures;
mod map_card;

use super::calendar::calendar_button;
use super::charts::{self, ChartData, ChartKind, Hit, Placement};
use super::theme;
use super::world_map::WorldMapView;
use crate::countries;
use crate::dashboard::{Dashboard, Drill, FilterChoices};
use crate::i18n::{self, catalogue::dashboard as msg};
use crate::lookup::Lookup;
use crate::model::{Dataset, ListKind};
use crate::stats::{Filter, HeldBy};
use crate::workspace::Workspace;
use crate::world::{CountryShape, WorldMap};
use chart_data::{chart_data, drill_for};
pub use key_figures::format_euros_short;
use key_figures::key_figures_ui;
use map_card::{country_tooltip_ui, map_csv, map_legend_ui, uncovered_ui};

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

    /// The chart's title, in the language in use.
    pub fn title(self) -> &'static str {
        match self {
            ChartId::MeetingsByStage => msg::TITLE_MEETINGS_BY_STAGE,
            ChartId::CompaniesMet => msg::TITLE_COMPANIES_MET,
            ChartId::Affiliates => msg::TITLE_AFFILIATES,
            ChartId::ContractValue => msg::TITLE_CONTRACT_VALUE,
            ChartId::OverTime => msg::TITLE_OVER_TIME,
            ChartId::Pipeline => msg::TITLE_PIPELINE,
            ChartId::Coverage => msg::TITLE_COVERAGE,
            ChartId::Map => msg::TITLE_MAP,
        }
        .text()
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
    /// A chart whose picture was asked for, and the frames spent scrolling
    /// it into view.
    image_request: Option<(ChartId, u8, Option<egui::Rect>)>,
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
            image_request: None,
            map: WorldMapView::default(),
        }
    }
}

impl DashboardView {
    /// Drops the figures and charts computed so far, so that the next frame
    /// makes them again (their labels after a change of language).
    pub fn forget_figures(&mut self) {
        self.cache = None;
    }

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
            // The latest year with meetings (contracts may be signed later).
            let latest = dataset
                .meetings
                .iter()
                .filter_map(|m| m.date.valid())
                .map(|d| d.year())
                .max()
                .or_else(|| crate::stats::years(dataset).last().copied());
            self.period = latest.map_or(Period::All, Period::Year);
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
                ui.strong(msg::FIGURES_BY_ZONE.text());
                ui.label(
                    RichText::new(msg::FIGURES_BY_ZONE_NOTE.text())
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

    /// The period's words: "2014", "All years", "Mar 1, 2014 to Sep 30, 2014".
    fn period_label(&self, _dataset: &Dataset, _lookup: &Lookup) -> String {
        match self.period {
            Period::All | Period::Latest => msg::ALL_YEARS.text().to_owned(),
            Period::Year(year) => year.to_string(),
            Period::Range(from, to) => {
                msg::DATE_RANGE.with(&[("from", &i18n::date(from)), ("to", &i18n::date(to))])
            }
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
            Some(HeldBy::HeadOffice) => parts.push(msg::HEAD_OFFICE.text().to_owned()),
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

        ui.label(msg::PERIOD.text());
        let period_text = self.period_label(dataset, lookup);
        let period_text = if matches!(self.period, Period::Range(..)) {
            msg::CUSTOM_RANGE.text().to_owned()
        } else {
            period_text
        };
        super::keyboard::combo_ui(
            ui,
            egui::ComboBox::from_id_salt("dashboard-period").selected_text(period_text),
            |ui| {
                ui.selectable_value(&mut self.period, Period::All, msg::ALL_YEARS.text());
                for year in years.iter().rev() {
                    ui.selectable_value(&mut self.period, Period::Year(*year), year.to_string());
                }
                let is_range = matches!(self.period, Period::Range(..));
                if ui
                    .selectable_label(is_range, msg::CUSTOM_RANGE.text())
                    .clicked()
                    && !is_range
                {
                    self.period = default_range(self.period, &years);
                }
            },
        )
        .accessible_name(msg::PERIOD.text());
        if let Period::Range(mut from, mut to) = self.period {
            // Each end of the range, shown as the language writes a date.
            calendar_button(
                ui,
                "dashboard-from",
                &i18n::date(from),
                msg::RANGE_FROM.text(),
                msg::RANGE_FROM.text(),
                &mut from,
            );
            ui.label(msg::RANGE_BETWEEN.text());
            calendar_button(
                ui,
                "dashboard-to",
                &i18n::date(to),
                msg::RANGE_TO.text(),
                msg::RANGE_TO.text(),
                &mut to,
            );
            if to < from {
                std::mem::swap(&mut from, &mut to);
            }
            self.period = Period::Range(from, to);
        }
        ui.separator();

        let institute_text = match &self.institute {
            Some(id) => lookup.name(dataset, ListKind::Institutes, id),
            None => msg::ALL_INSTITUTES.text().to_owned(),
        };
        super::keyboard::combo_ui(
            ui,
            egui::ComboBox::from_id_salt("dashboard-institute").selected_text(institute_text),
            |ui| {
                ui.selectable_value(&mut self.institute, None, msg::ALL_INSTITUTES.text());
                for institute in &dataset.institutes {
                    let name = institute.name.as_deref().unwrap_or(&institute.id);
                    ui.selectable_value(&mut self.institute, Some(institute.id.clone()), name);
                }
            },
        )
        .accessible_name(msg::INSTITUTE.text());

        let initiative_text = self
            .initiative
            .clone()
            .unwrap_or_else(|| msg::ALL_INITIATIVES.text().to_owned());
        super::keyboard::combo_ui(
            ui,
            egui::ComboBox::from_id_salt("dashboard-initiative").selected_text(initiative_text),
            |ui| {
                ui.selectable_value(&mut self.initiative, None, msg::ALL_INITIATIVES.text());
                for name in &initiatives {
                    ui.selectable_value(&mut self.initiative, Some(name.clone()), name);
                }
            },
        )
        .accessible_name(msg::INITIATIVE.text());

        let affiliate_text = match &self.held_by {
            None => msg::ALL_AFFILIATES.text().to_owned(),
            Some(HeldBy::HeadOffice) => msg::HEAD_OFFICE.text().to_owned(),
            Some(HeldBy::Affiliate(id)) => lookup.name(dataset, ListKind::Affiliates, id),
        };
        super::keyboard::combo_ui(
            ui,
            egui::ComboBox::from_id_salt("dashboard-affiliate").selected_text(affiliate_text),
            |ui| {
                ui.selectable_value(&mut self.held_by, None, msg::ALL_AFFILIATES.text());
                ui.selectable_value(
                    &mut self.held_by,
                    Some(HeldBy::HeadOffice),
                    msg::HEAD_OFFICE.text(),
                );
                for affiliate in &dataset.affiliates {
                    ui.selectable_value(
                        &mut self.held_by,
                        Some(HeldBy::Affiliate(affiliate.id.clone())),
                        &affiliate.name,
                    );
                }
            },
        )
        .accessible_name(msg::AFFILIATE.text());

        let filtered =
            self.institute.is_some() || self.initiative.is_some() || self.held_by.is_some();
        if filtered && ui.button(msg::CLEAR_FILTERS.text()).clicked() {
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
                ui.selectable_value(
                    &mut self.colouring,
                    MapColouring::ByZone,
                    msg::MAP_BY_ZONE.text(),
                );
                ui.selectable_value(
                    &mut self.colouring,
                    MapColouring::ByMeetings,
                    msg::MAP_BY_MEETINGS.text(),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(i18n::verbatim("PNG…"))
                        .on_hover_text(msg::SAVE_MAP_IMAGE.text())
                        .clicked()
                    {
                        self.image_request = Some((ChartId::Map, 0, None));
                    }
                    if ui
                        .button(i18n::verbatim("CSV…"))
                        .on_hover_text(msg::SAVE_MAP_CSV.text())
                        .clicked()
                    {
                        action = Some(DashboardAction::ExportCsv {
                            chart: ChartId::Map,
                            csv: map_csv(&cache.dashboard),
                        });
                    }
                    if ui.button(msg::RESET_VIEW.text()).clicked() {
                        self.map.reset_view();
                    }
                });
            });
            let map = match WorldMap::bundled() {
                Ok(map) => map,
                Err(error) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        msg::MAP_CANNOT_DRAW.with(&[("error", &error)]),
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
            let dark_mode = ui.visuals().dark_mode;
            let no_data = theme::no_data_color(dark_mode);
            let fill = |shape: &CountryShape| -> Color32 {
                if shape.code.is_empty() {
                    return no_data;
                }
                match colouring {
                    MapColouring::ByZone => match slots.get(&shape.code) {
                        Some(slot) => theme::zone_color(Some(*slot)),
                        None => no_data,
                    },
                    MapColouring::ByMeetings => {
                        let count = figures.countries.get(&shape.code).map_or(0, |c| c.meetings);
                        if count == 0 {
                            no_data
                        } else {
                            theme::count_color(count, max_meetings)
                        }
                    }
                }
            };
            let fill_key = cache.generation * 4
                + u64::from(colouring == MapColouring::ByMeetings) * 2
                + u64::from(dark_mode);
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
        if let Some(export) = self.image_ready(ui, ChartId::Map, frame.response.rect) {
            action = Some(export);
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
                        .button(i18n::verbatim("PNG…"))
                        .on_hover_text(msg::SAVE_CHART_IMAGE.text())
                        .clicked()
                    {
                        self.image_request = Some((chart, 0, None));
                    }
                    if ui
                        .button(i18n::verbatim("CSV…"))
                        .on_hover_text(msg::SAVE_CHART_CSV.text())
                        .clicked()
                    {
                        let mut csv = Vec::new();
                        if data.table().write_csv(&mut csv).is_ok() {
                            action = Some(DashboardAction::ExportCsv { chart, csv });
                        }
                    }
                    if chart == ChartId::OverTime {
                        if ui
                            .button(msg::RESET_VIEW.text())
                            .on_hover_text(msg::RESET_TIME_HINT.text())
                            .clicked()
                        {
                            reset = true;
                        }
                        let mut by_quarter = cache.by_quarter;
                        ui.selectable_value(&mut by_quarter, true, msg::BY_QUARTER.text());
                        ui.selectable_value(&mut by_quarter, false, msg::BY_YEAR.text());
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
                chart.title(),
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
        if let Some(export) = self.image_ready(ui, chart, frame.response.rect) {
            action = Some(export);
        }
        action
    }

    /// When `chart`'s image was asked for: scrolls its card into view, and
    /// once it is all on screen (or after a few tries, if it cannot be)
    /// asks for the picture of the card as it is then.
    fn image_ready(
        &mut self,
        ui: &egui::Ui,
        chart: ChartId,
        card: egui::Rect,
    ) -> Option<DashboardAction> {
        let (wanted, tries, last) = self.image_request?;
        if wanted != chart {
            return None;
        }
        let visible = ui.clip_rect();
        // The picture is of the next frame: the card must have stopped
        // moving (scrolling is animated) as well as be on screen.
        let settled = last == Some(card) && visible.contains_rect(card);
        if settled || tries >= IMAGE_SCROLL_TRIES {
            self.image_request = None;
            return Some(DashboardAction::ExportPng {
                chart,
                rect: card.intersect(visible),
            });
        }
        if !visible.contains_rect(card) {
            ui.scroll_to_rect(card, None);
        }
        self.image_request = Some((chart, tries + 1, Some(card)));
        ui.ctx().request_repaint();
        None
    }
}

/// Frames given to scrolling a chart into view before its picture is taken.
const IMAGE_SCROLL_TRIES: u8 = 30;

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
            msg::NO_MEETINGS_IN_PERIOD.text()
        }
        ChartId::CompaniesMet => msg::NO_COMPANY_IN_PERIOD.text(),
        ChartId::Affiliates => msg::NO_AFFILIATE.text(),
        ChartId::ContractValue => msg::NO_CONTRACT_IN_PERIOD.text(),
        ChartId::Coverage => msg::NO_MEETINGS_IN_PERIOD.text(),
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
