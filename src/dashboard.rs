//! The dashboard's figures: key figures with their change against the
//! previous period, and the data of every chart by geographic zone.
//!
//! Built on [`crate::stats`]: the same [`Filter`], the same [`Zoning`], and
//! the figures by zone of [`stats::summary`] itself, so the dashboard, the
//! charts, `liaison-desk summary` and the tables the charts drill down to
//! ([`matching`]) always agree.
//!
//! Architecture invariant: pure, no egui, no I/O; one pass over each list
//! (the window computes a [`Dashboard`] once per edit or filter change, never
//! per frame).

// Data from a file is read with `.get()`, never a panicking index.
#![deny(clippy::indexing_slicing)]

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike as _, NaiveDate};

use crate::model::{AffiliateStatus, ContractKind, Dataset, ListKind, Meeting, Stage};
use crate::stats::{self, EuroSum, Filter, MeetingsById, Summary, Zoning};

/// The stacks of "meetings per zone by stage": every stage, then no stage.
pub const STAGE_SLOTS: usize = Stage::ALL.len() + 1;

/// The steps of the pipeline, from first contact to contract.
pub const PIPELINE_STEPS: [Stage; 5] = [
    Stage::FirstContact,
    Stage::FollowUp,
    Stage::Proposal,
    Stage::Negotiation,
    Stage::ContractSigned,
];

/// At most this many years are shown over time; earlier years (often a
/// typo in a date) are left out and reported.
pub const MAX_YEARS: i32 = 40;

/// The headline figures of a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyFigures {
    /// Affiliates running (Active, or without status) and opened by the
    /// period's end.
    pub active_affiliates: u64,
    /// Distinct companies with at least one meeting in the period.
    pub companies_met: u64,
    /// Meetings in the period.
    pub meetings: u64,
    /// Sum of `value_eur` of the period's meetings not yet ContractSigned or Closed.
    pub open_pipeline_eur: EuroSum,
    /// Sum of Bilateral contracts signed in the period.
    pub bilateral_eur: EuroSum,
    /// Sum of European contracts signed in the period.
    pub european_eur: EuroSum,
}

/// The charts' figures of one zone (aligned with [`Summary::rows`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneCharts {
    /// Meetings by stage: [`Stage::ALL`] in order, then meetings without stage.
    pub meetings_by_stage: [u64; STAGE_SLOTS],
    /// Meetings that reached each step of [`PIPELINE_STEPS`] (a meeting at
    /// a later step reached the earlier ones; Closed and stage-less
    /// meetings reached the first contact only).
    pub reached: [u64; PIPELINE_STEPS.len()],
    /// Affiliates Active (or without status).
    pub active_affiliates: u64,
    /// Affiliates Planned.
    pub planned_affiliates: u64,
    /// Open pipeline value of the zone's meetings.
    pub open_pipeline_eur: EuroSum,
    /// Countries of the zone with meetings in the period.
    pub countries_met: u64,
    /// Of those, countries without any country note.
    pub countries_without_note: u64,
}

/// One country's figures, for the world map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountryFigures {
    /// The zone slot (a position in [`Summary::rows`] when shown there).
    pub zone_slot: usize,
    /// Meetings in the period with the country's companies.
    pub meetings: u64,
    /// Distinct companies of the country met in the period.
    pub companies_met: u64,
    /// Affiliates counted in the country.
    pub affiliates: u64,
    /// Country notes on it (any date).
    pub notes: u64,
}

/// A country with meetings but no note: where knowledge is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncovered {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// The zone slot.
    pub zone_slot: usize,
    /// Meetings in the period.
    pub meetings: u64,
}

/// A period of the time series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bucket {
    /// Its year.
    pub year: i32,
    /// Its quarter, 1 to 4; `None` for a whole year.
    pub quarter: Option<u32>,
}

impl Bucket {
    /// "2014" or "Q2 2014" ("T2 2014" in French).
    pub fn label(&self) -> String {
        match self.quarter {
            Some(q) => crate::i18n::quarter(self.year, q),
            None => self.year.to_string(),
        }
    }

    /// Its first and last day.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        let (first_month, last_month) = match self.quarter {
            Some(q) => (3 * q - 2, 3 * q),
            None => (1, 12),
        };
        let first = NaiveDate::from_ymd_opt(self.year, first_month, 1)?;
        let next = if last_month == 12 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(self.year, last_month + 1, 1)?
        };
        Some((first, next.pred_opt()?))
    }
}

/// Meetings per zone over time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeSeries {
    /// The periods, in order, without gaps.
    pub buckets: Vec<Bucket>,
    /// `counts[zone slot][bucket]`.
    pub counts: Vec<Vec<u64>>,
    /// Meetings dated before the first bucket (beyond [`MAX_YEARS`]).
    pub left_out: u64,
}

/// Everything the dashboard draws, for one filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// The filter it was computed for.
    pub filter: Filter,
    /// The figures by zone: exactly `stats::summary` for the filter.
    pub summary: Summary,
    /// The period's key figures.
    pub current: KeyFigures,
    /// The previous period and its key figures, when the period is bounded.
    pub previous: Option<(Filter, KeyFigures)>,
    /// The charts' figures, a row per [`Summary::rows`] row.
    pub zones: Vec<ZoneCharts>,
    /// Meetings per zone by year.
    pub by_year: TimeSeries,
    /// Meetings per zone by quarter.
    pub by_quarter: TimeSeries,
    /// Countries with meetings but no country note, most meetings first.
    pub uncovered: Vec<Uncovered>,
    /// Figures by country code, for the map.
    pub countries: HashMap<String, CountryFigures>,
}

impl Dashboard {
    /// Computes the dashboard of `dataset` for `filter`.
    pub fn new(dataset: &Dataset, filter: &Filter) -> Self {
        let summary = stats::summary(dataset, filter);
        let zoning = Zoning::new(dataset);
        let slots = dataset.zones.len() + 1;
        let mut zones = vec![ZoneCharts::default(); slots];
        // Keyed by borrowed codes while counting: no allocation per meeting.
        let mut countries: HashMap<&str, CountryFigures> = HashMap::new();
        let country_of_company: HashMap<&str, &str> = dataset
            .companies
            .iter()
            .filter_map(|c| Some((c.id.as_str(), c.country.as_deref()?)))
            .collect();

        for affiliate in &dataset.affiliates {
            if !filter.admits_affiliate(affiliate) {
                continue;
            }
            let slot = zoning.affiliate(affiliate);
            let Some(zone) = zones.get_mut(slot) else {
                continue;
            };
            match affiliate.status {
                None | Some(AffiliateStatus::Active) => zone.active_affiliates += 1,
                Some(AffiliateStatus::Planned) => zone.planned_affiliates += 1,
                Some(AffiliateStatus::Closed) => continue,
            }
            let country = countries.entry(affiliate.country.as_str()).or_default();
            country.zone_slot = slot;
            country.affiliates += 1;
        }

        let mut met: HashSet<&str> = HashSet::new();
        let mut dated: Vec<(NaiveDate, usize)> = Vec::new();
        for meeting in dataset.meetings.iter().filter(|m| filter.admits_meeting(m)) {
            let slot = zoning.meeting(meeting);
            if let Some(zone) = zones.get_mut(slot) {
                let stack = stage_slot(meeting.stage);
                if let Some(count) = zone.meetings_by_stage.get_mut(stack) {
                    *count += 1;
                }
                for reached in zone
                    .reached
                    .iter_mut()
                    .take(pipeline_rank(meeting.stage) + 1)
                {
                    *reached += 1;
                }
                if is_open(meeting) {
                    zone.open_pipeline_eur = zone
                        .open_pipeline_eur
                        .saturating_add(meeting.value_eur.unwrap_or(0).into());
                }
            }
            if let Some(day) = meeting.date.valid() {
                dated.push((day, slot));
            }
            let first_time = met.insert(meeting.company.as_str());
            if let Some(code) = country_of_company.get(meeting.company.as_str()) {
                let country = countries.entry(*code).or_default();
                country.zone_slot = slot;
                country.meetings += 1;
                if first_time {
                    country.companies_met += 1;
                }
            }
        }

        for note in &dataset.country_notes {
            if let Some(code) = note.country.as_deref() {
                let slot = zoning.country(Some(code));
                let country = countries.entry(code).or_default();
                country.zone_slot = slot;
                country.notes += 1;
            }
        }

        let mut uncovered: Vec<Uncovered> = Vec::new();
        for (code, figures) in &countries {
            if figures.meetings == 0 {
                continue;
            }
            if let Some(zone) = zones.get_mut(figures.zone_slot) {
                zone.countries_met += 1;
                if figures.notes == 0 {
                    zone.countries_without_note += 1;
                }
            }
            if figures.notes == 0 {
                uncovered.push(Uncovered {
                    country: (*code).to_owned(),
                    zone_slot: figures.zone_slot,
                    meetings: figures.meetings,
                });
            }
        }
        uncovered.sort_by(|a, b| {
            b.meetings
                .cmp(&a.meetings)
                .then_with(|| a.country.cmp(&b.country))
        });

        // Rows follow the summary's: the `unassigned` slot only when shown there.
        zones.truncate(summary.rows.len());
        let (by_year, by_quarter) = time_series(&dated, filter, summary.rows.len());
        let current = key_figures_of(dataset, filter, &summary);
        let previous = filter.previous().map(|previous| {
            let figures = key_figures(dataset, &previous);
            (previous, figures)
        });
        Self {
            filter: filter.clone(),
            summary,
            current,
            previous,
            zones,
            by_year,
            by_quarter,
            uncovered,
            countries: countries
                .into_iter()
                .map(|(code, figures)| (code.to_owned(), figures))
                .collect(),
        }
    }
}

/// The stack of a meeting's stage in [`ZoneCharts::meetings_by_stage`].
pub fn stage_slot(stage: Option<Stage>) -> usize {
    stage
        .and_then(|s| Stage::ALL.iter().position(|x| *x == s))
        .unwrap_or(Stage::ALL.len())
}

/// The furthest step of [`PIPELINE_STEPS`] a meeting reached.
fn pipeline_rank(stage: Option<Stage>) -> usize {
    stage
        .and_then(|s| PIPELINE_STEPS.iter().position(|x| *x == s))
        .unwrap_or(0)
}

/// Whether a meeting's deal is still open: not ContractSigned nor Closed.
pub fn is_open(meeting: &Meeting) -> bool {
    !matches!(
        meeting.stage,
        Some(Stage::ContractSigned) | Some(Stage::Closed)
    )
}

/// The key figures of `dataset` for `filter`.
pub fn key_figures(dataset: &Dataset, filter: &Filter) -> KeyFigures {
    key_figures_of(dataset, filter, &stats::summary(dataset, filter))
}

/// The key figures, given the summary for the same filter.
fn key_figures_of(dataset: &Dataset, filter: &Filter, summary: &Summary) -> KeyFigures {
    let active_affiliates = dataset
        .affiliates
        .iter()
        .filter(|a| stats::is_active(a) && filter.admits_affiliate(a))
        .count() as u64;
    let open_pipeline_eur = dataset
        .meetings
        .iter()
        .filter(|m| filter.admits_meeting(m) && is_open(m))
        .fold(0, |sum: EuroSum, m| {
            sum.saturating_add(m.value_eur.unwrap_or(0).into())
        });
    KeyFigures {
        active_affiliates,
        companies_met: summary.total.companies_met,
        meetings: summary.total.meetings,
        open_pipeline_eur,
        bilateral_eur: summary.total.bilateral_eur,
        european_eur: summary.total.european_eur,
    }
}

/// Meetings per zone by year and by quarter, over the filter's period (or
/// the years with meetings when it is open), with no gaps.
fn time_series(
    dated: &[(NaiveDate, usize)],
    filter: &Filter,
    slots: usize,
) -> (TimeSeries, TimeSeries) {
    let data_first = dated.iter().map(|(d, _)| d.year()).min();
    let data_last = dated.iter().map(|(d, _)| d.year()).max();
    let first = filter.from.map(|d| d.year()).or(data_first);
    let last = filter.to.map(|d| d.year()).or(data_last);
    let (Some(first), Some(last)) = (first, last) else {
        return (TimeSeries::default(), TimeSeries::default());
    };
    if first > last {
        return (TimeSeries::default(), TimeSeries::default());
    }
    let first = first.max(last - (MAX_YEARS - 1));
    let years: Vec<Bucket> = (first..=last)
        .map(|year| Bucket {
            year,
            quarter: None,
        })
        .collect();
    let quarters: Vec<Bucket> = (first..=last)
        .flat_map(|year| {
            (1..=4).map(move |q| Bucket {
                year,
                quarter: Some(q),
            })
        })
        .collect();
    let mut by_year = TimeSeries {
        counts: vec![vec![0; years.len()]; slots],
        buckets: years,
        left_out: 0,
    };
    let mut by_quarter = TimeSeries {
        counts: vec![vec![0; quarters.len()]; slots],
        buckets: quarters,
        left_out: 0,
    };
    for (day, slot) in dated {
        let Ok(year_index) = usize::try_from(day.year() - first) else {
            by_year.left_out += 1;
            by_quarter.left_out += 1;
            continue;
        };
        let quarter_index = year_index * 4 + (day.month0() / 3) as usize;
        if let Some(count) = by_year
            .counts
            .get_mut(*slot)
            .and_then(|c| c.get_mut(year_index))
        {
            *count += 1;
        }
        if let Some(count) = by_quarter
            .counts
            .get_mut(*slot)
            .and_then(|c| c.get_mut(quarter_index))
        {
            *count += 1;
        }
    }
    (by_year, by_quarter)
}

/// Which stage a drill-down keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StagePick {
    /// Meetings at exactly this stage (`None`: without stage).
    Exactly(Option<Stage>),
    /// Meetings that reached this step of the pipeline.
    Reached(Stage),
    /// Meetings whose deal is still open.
    Open,
}

/// The records behind one bar, one country, or one figure of the
/// dashboard: what a click shows in the table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Drill {
    /// The dashboard's filter.
    pub filter: Filter,
    /// A zone id, or `unassigned`.
    pub zone: Option<String>,
    /// A country code.
    pub country: Option<String>,
    /// Meetings only: the stage.
    pub stage: Option<StagePick>,
    /// A sub-period (a bar of the time series), within the filter's.
    pub bucket: Option<Bucket>,
    /// Contracts only: the kind.
    pub contract_kind: Option<ContractKind>,
    /// Affiliates only: the status (`Active` also takes those without status).
    pub affiliate_status: Option<AffiliateStatus>,
    /// Meetings only: in countries without any country note.
    pub uncovered_only: bool,
}

/// The positions in `list` of the records a drill-down shows, in the
/// file's order. Lists other than affiliates, companies (those met),
/// meetings and contracts give nothing.
pub fn matching(dataset: &Dataset, list: ListKind, drill: &Drill) -> Vec<usize> {
    let zoning = Zoning::new(dataset);
    let zone_slot = drill
        .zone
        .as_deref()
        .map(|id| stats::zone_slot(dataset, id));
    let in_zone = |slot: usize| zone_slot.is_none_or(|wanted| wanted == slot);
    let country_of_company: HashMap<&str, Option<&str>> = dataset
        .companies
        .iter()
        .map(|c| (c.id.as_str(), c.country.as_deref()))
        .collect();
    let company_country = |id: &str| country_of_company.get(id).copied().flatten();
    let in_country = |code: Option<&str>| {
        drill
            .country
            .as_deref()
            .is_none_or(|wanted| code == Some(wanted))
    };
    let filter = match drill.bucket.and_then(|b| b.days()) {
        Some((first, last)) => Filter {
            from: Some(drill.filter.from.map_or(first, |f| f.max(first))),
            to: Some(drill.filter.to.map_or(last, |t| t.min(last))),
            ..drill.filter.clone()
        },
        None => drill.filter.clone(),
    };
    let noted: HashSet<&str> = if drill.uncovered_only {
        dataset
            .country_notes
            .iter()
            .filter_map(|n| n.country.as_deref())
            .collect()
    } else {
        HashSet::new()
    };
    let meeting_matches = |m: &Meeting| {
        filter.admits_meeting(m)
            && in_zone(zoning.meeting(m))
            && in_country(company_country(&m.company))
            && match drill.stage {
                None => true,
                Some(StagePick::Exactly(stage)) => m.stage == stage,
                Some(StagePick::Reached(step)) => {
                    let wanted = PIPELINE_STEPS.iter().position(|s| *s == step).unwrap_or(0);
                    pipeline_rank(m.stage) >= wanted
                }
                Some(StagePick::Open) => is_open(m),
            }
            && (!drill.uncovered_only
                || company_country(&m.company).is_some_and(|c| !noted.contains(c)))
    };
    match list {
        ListKind::Meetings => positions(&dataset.meetings, |m| meeting_matches(m)),
        ListKind::Companies => {
            let met: HashSet<&str> = dataset
                .meetings
                .iter()
                .filter(|m| meeting_matches(m))
                .map(|m| m.company.as_str())
                .collect();
            positions(&dataset.companies, |c| met.contains(c.id.as_str()))
        }
        ListKind::Affiliates => positions(&dataset.affiliates, |a| {
            filter.admits_affiliate(a)
                && a.status != Some(AffiliateStatus::Closed)
                && in_zone(zoning.affiliate(a))
                && in_country(Some(&a.country))
                && match drill.affiliate_status {
                    None => true,
                    Some(AffiliateStatus::Active) => stats::is_active(a),
                    Some(status) => a.status == Some(status),
                }
        }),
        ListKind::Contracts => {
            let meetings = MeetingsById::new(dataset, &filter);
            positions(&dataset.contracts, |c| {
                filter.admits_contract(c, meetings.of(c))
                    && in_zone(zoning.contract(c))
                    && drill.contract_kind.is_none_or(|kind| c.kind == Some(kind))
            })
        }
        ListKind::Zones | ListKind::Countries | ListKind::Institutes | ListKind::CountryNotes => {
            Vec::new()
        }
    }
}

fn positions<T>(records: &[T], keep: impl Fn(&T) -> bool) -> Vec<usize> {
    records
        .iter()
        .enumerate()
        .filter(|(_, r)| keep(r))
        .map(|(i, _)| i)
        .collect()
}

/// The years and initiatives that can be picked in the dashboard's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterChoices {
    /// Years with dated meetings or contracts, ascending.
    pub years: Vec<i32>,
    /// Initiatives named in meetings, sorted.
    pub initiatives: Vec<String>,
}

impl FilterChoices {
    /// The choices offered by `dataset`.
    pub fn new(dataset: &Dataset) -> Self {
        Self {
            years: stats::years(dataset),
            initiatives: stats::initiatives(dataset),
        }
    }
}

/// Meetings per zone and stage as CSV rows, for a chart's export: a header,
/// then a row per zone. Shared by every chart through [`ChartTable`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartTable {
    /// Column headers; the first is the row label's.
    pub header: Vec<String>,
    /// Rows: a label and one number per other column.
    pub rows: Vec<(String, Vec<u64>)>,
}

impl ChartTable {
    /// Writes the table as standard CSV (UTF-8, comma); labels are made
    /// safe for spreadsheets.
    pub fn write_csv(&self, out: impl std::io::Write) -> Result<(), csv::Error> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(
            self.header
                .iter()
                .map(|h| crate::export::spreadsheet_safe(h).into_owned()),
        )?;
        for (label, numbers) in &self.rows {
            let mut record = vec![crate::export::spreadsheet_safe(label).into_owned()];
            record.extend(numbers.iter().map(u64::to_string));
            writer.write_record(&record)?;
        }
        writer.flush()?;
        Ok(())
    }
}

/// Counts of the time series as an ordered map, for tests and exports:
/// `(zone slot, bucket) → meetings`, zero cells left out.
pub fn series_cells(series: &TimeSeries) -> BTreeMap<(usize, Bucket), u64> {
    let mut cells = BTreeMap::new();
    for (slot, counts) in series.counts.iter().enumerate() {
        for (bucket, count) in series.buckets.iter().zip(counts) {
            if *count > 0 {
                cells.insert((slot, *bucket), *count);
            }
        }
    }
    cells
}
