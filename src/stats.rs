//! Figures by geographic zone: what `liaison-desk summary` prints and what
//! the charts will draw. One module serves both, so they always agree.
//!
//! The zone of a record is the zone of its country (PRODUCT.md): a company's
//! for companies, meetings and Bilateral contracts; the affiliate's own; the
//! note's; the contract's `country` for European contracts. A country missing
//! from `countries`, or whose zone does not exist, falls in `unassigned`.
//!
//! Architecture invariant: pure, no egui, no I/O; linear in the data.

// Data from a file is read with `.get()`, never a panicking index.
#![deny(clippy::indexing_slicing)]

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::countries::{UNASSIGNED_ZONE, unassigned_zone_name};
use crate::model::{Affiliate, AffiliateStatus, Contract, ContractKind, Dataset, IsoDate, Meeting};

/// Whose meetings count: the head office's or one affiliate's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HeldBy {
    /// Meetings without affiliate: held by the head office.
    HeadOffice,
    /// Meetings held by the affiliate with this id.
    Affiliate(String),
}

/// Which records count. The same filter serves `liaison-desk summary`, the
/// dashboard and the tables it drills down to, so their figures agree.
///
/// What each part applies to:
/// - the **period** (`from`, `to`): meetings by date, contracts by signature;
///   affiliates opened after the period are left out (one whose opening
///   date is unknown counts);
/// - the **institute**: meetings, contracts and affiliates listing it;
/// - the **initiative**: meetings under it, and contracts that came of such
///   a meeting;
/// - **held by**: meetings held by that affiliate (or the head office),
///   contracts that came of such a meeting, and the affiliate itself.
///
/// Companies and country notes are the network's stock: no filter applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// First day counted, inclusive; `None`: no lower bound.
    pub from: Option<NaiveDate>,
    /// Last day counted, inclusive; `None`: no upper bound.
    pub to: Option<NaiveDate>,
    /// An institute's id.
    pub institute: Option<String>,
    /// An initiative's name, as written in meetings.
    pub initiative: Option<String>,
    /// The head office or an affiliate.
    pub held_by: Option<HeldBy>,
}

impl Filter {
    /// Everything counts.
    pub fn all() -> Self {
        Self::default()
    }

    /// Only the calendar year `year`.
    pub fn year(year: i32) -> Self {
        Self::default().with_years(year, year)
    }

    /// The same filter over the calendar years `first` to `last`, inclusive.
    pub fn with_years(self, first: i32, last: i32) -> Self {
        Self {
            from: NaiveDate::from_ymd_opt(first, 1, 1),
            to: NaiveDate::from_ymd_opt(last, 12, 31),
            ..self
        }
    }

    /// Whether nothing is filtered out.
    pub fn is_all(&self) -> bool {
        *self == Self::default()
    }

    /// Whether the period is unbounded.
    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether a record dated `date` falls in the period. Without a period
    /// every record counts, dated or not; with one, only real dates inside it.
    pub fn contains(&self, date: Option<&IsoDate>) -> bool {
        if self.is_unbounded() {
            return true;
        }
        match date.and_then(IsoDate::valid) {
            Some(day) => {
                self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
            }
            None => false,
        }
    }

    /// The calendar years of the period, when it is exactly whole years.
    pub fn whole_years(&self) -> Option<(i32, i32)> {
        let (from, to) = (self.from?, self.to?);
        (from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31)
            .then(|| (from.year(), to.year()))
            .filter(|(first, last)| first <= last)
    }

    /// The period of the same length just before this one, with the same
    /// other filters: what the dashboard compares against. Whole years give
    /// the same number of whole years before; `None` when the period is
    /// open at either end.
    pub fn previous(&self) -> Option<Filter> {
        if let Some((first, last)) = self.whole_years() {
            let span = last - first + 1;
            return Some(self.clone().with_years(first - span, last - span));
        }
        let (from, to) = (self.from?, self.to?);
        let days = (to - from).num_days() + 1;
        if days <= 0 {
            return None;
        }
        let to = from.pred_opt()?;
        let from = to.checked_sub_signed(chrono::Duration::days(days - 1))?;
        Some(Filter {
            from: Some(from),
            to: Some(to),
            ..self.clone()
        })
    }

    fn lists_institute(&self, institutes: &[String]) -> bool {
        self.institute
            .as_deref()
            .is_none_or(|wanted| institutes.iter().any(|i| i == wanted))
    }

    fn meeting_context(&self, meeting: &Meeting) -> bool {
        self.initiative
            .as_deref()
            .is_none_or(|wanted| meeting.initiative.as_deref().map(str::trim) == Some(wanted))
            && match &self.held_by {
                None => true,
                Some(HeldBy::HeadOffice) => meeting.affiliate.is_none(),
                Some(HeldBy::Affiliate(id)) => meeting.affiliate.as_deref() == Some(id.as_str()),
            }
    }

    /// Whether a meeting counts.
    pub fn admits_meeting(&self, meeting: &Meeting) -> bool {
        self.contains(Some(&meeting.date))
            && self.lists_institute(&meeting.institutes)
            && self.meeting_context(meeting)
    }

    /// Whether the initiative or affiliate filter needs a contract's meeting.
    pub fn needs_meetings(&self) -> bool {
        self.initiative.is_some() || self.held_by.is_some()
    }

    /// Whether a contract counts; `meeting` is the meeting it came from
    /// (needed only when [`Filter::needs_meetings`]).
    pub fn admits_contract(&self, contract: &Contract, meeting: Option<&Meeting>) -> bool {
        self.contains(contract.signed.as_ref())
            && self.lists_institute(&contract.institutes)
            && (!self.needs_meetings() || meeting.is_some_and(|m| self.meeting_context(m)))
    }

    /// Whether an affiliate counts (its status aside).
    pub fn admits_affiliate(&self, affiliate: &Affiliate) -> bool {
        let opened_in_time = match (self.to, affiliate.opened.as_ref().and_then(IsoDate::valid)) {
            (Some(to), Some(opened)) => opened <= to,
            _ => true,
        };
        opened_in_time
            && self.lists_institute(&affiliate.institutes)
            && match &self.held_by {
                None => true,
                Some(HeldBy::HeadOffice) => false,
                Some(HeldBy::Affiliate(id)) => affiliate.id == *id,
            }
    }
}

/// The meetings of a dataset by id, for the filters that follow a
/// contract's meeting. Empty when the filter does not need it.
pub struct MeetingsById<'a>(HashMap<&'a str, &'a Meeting>);

impl<'a> MeetingsById<'a> {
    /// Indexes `dataset`'s meetings if `filter` needs them.
    pub fn new(dataset: &'a Dataset, filter: &Filter) -> Self {
        let mut by_id = HashMap::new();
        if filter.needs_meetings() {
            for meeting in &dataset.meetings {
                by_id.entry(meeting.id.as_str()).or_insert(meeting);
            }
        }
        Self(by_id)
    }

    /// The meeting a contract came from.
    pub fn of(&self, contract: &Contract) -> Option<&'a Meeting> {
        contract
            .meeting
            .as_deref()
            .and_then(|id| self.0.get(id).copied())
    }
}

/// A sum of amounts in euros. Each amount fits in a `u64`; their sum is
/// kept in a type that cannot overflow for any number of records a file
/// can hold, so that a total is never silently capped.
pub type EuroSum = u128;

/// The figures of one zone (or of the total).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneFigures {
    /// The zone's id; `unassigned` or `total` for those rows.
    pub zone_id: String,
    /// The zone's display name.
    pub zone_name: String,
    /// Affiliates whose status is not Closed.
    pub affiliates: u64,
    /// Companies of the zone.
    pub companies: u64,
    /// Distinct companies of the zone with at least one meeting in the period.
    pub companies_met: u64,
    /// Meetings in the period with companies of the zone.
    pub meetings: u64,
    /// Notes on the zone's countries.
    pub country_notes: u64,
    /// Contracts of the zone signed in the period.
    pub contracts: u64,
    /// Sum of `amount_eur` of Bilateral contracts signed in the period.
    pub bilateral_eur: EuroSum,
    /// Sum of `amount_eur` of European contracts signed in the period.
    pub european_eur: EuroSum,
}

impl ZoneFigures {
    fn named(zone_id: &str, zone_name: &str) -> Self {
        Self {
            zone_id: zone_id.to_owned(),
            zone_name: zone_name.to_owned(),
            ..Self::default()
        }
    }

    fn is_empty(&self) -> bool {
        self.affiliates == 0
            && self.companies == 0
            && self.companies_met == 0
            && self.meetings == 0
            && self.country_notes == 0
            && self.contracts == 0
            && self.bilateral_eur == 0
            && self.european_eur == 0
    }

    fn add(&mut self, other: &ZoneFigures) {
        self.affiliates += other.affiliates;
        self.companies += other.companies;
        self.companies_met += other.companies_met;
        self.meetings += other.meetings;
        self.country_notes += other.country_notes;
        self.contracts += other.contracts;
        self.bilateral_eur = self.bilateral_eur.saturating_add(other.bilateral_eur);
        self.european_eur = self.european_eur.saturating_add(other.european_eur);
    }
}

/// Figures by zone: a row per zone in the file's order, then `unassigned`
/// when any record falls there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// One row per zone.
    pub rows: Vec<ZoneFigures>,
    /// The sum of the rows.
    pub total: ZoneFigures,
}

/// The CSV header of a summary, as `summary --csv` prints it.
pub const SUMMARY_COLUMNS: [&str; 9] = [
    "zone",
    "affiliates",
    "companies",
    "companies_met",
    "meetings",
    "country_notes",
    "contracts",
    "bilateral_eur",
    "european_eur",
];

impl ZoneFigures {
    /// The numeric columns of [`SUMMARY_COLUMNS`], in order.
    pub fn numbers(&self) -> [u128; 8] {
        [
            self.affiliates.into(),
            self.companies.into(),
            self.companies_met.into(),
            self.meetings.into(),
            self.country_notes.into(),
            self.contracts.into(),
            self.bilateral_eur,
            self.european_eur,
        ]
    }
}

/// Finds the zone of a country code.
///
/// Zones are numbered in the file's order; the slot after the last one is
/// `unassigned`.
pub struct ZoneIndex<'a> {
    by_country: HashMap<&'a str, usize>,
    zone_count: usize,
}

impl<'a> ZoneIndex<'a> {
    /// Builds the index of a dataset's `countries` and `zones`.
    pub fn new(dataset: &'a Dataset) -> Self {
        let mut zone_slot: HashMap<&str, usize> = HashMap::new();
        for (slot, zone) in dataset.zones.iter().enumerate() {
            zone_slot.entry(zone.id.as_str()).or_insert(slot);
        }
        let mut by_country = HashMap::new();
        for country in &dataset.countries {
            if let Some(slot) = country.zone.as_deref().and_then(|z| zone_slot.get(z)) {
                by_country.entry(country.code.as_str()).or_insert(*slot);
            }
        }
        Self {
            by_country,
            zone_count: dataset.zones.len(),
        }
    }

    /// The slot of `unassigned`.
    pub fn unassigned(&self) -> usize {
        self.zone_count
    }

    /// The zone slot of a country; `unassigned` when absent or not assigned.
    pub fn slot(&self, country: Option<&str>) -> usize {
        country
            .and_then(|code| self.by_country.get(code).copied())
            .unwrap_or(self.zone_count)
    }
}

/// The zone slot of every kind of record, by the rules of PRODUCT.md: one
/// place, so the summary, the dashboard and its drill-down agree.
pub struct Zoning<'a> {
    index: ZoneIndex<'a>,
    /// The zone slot of each company, by id (the first record wins on duplicates).
    company_slot: HashMap<&'a str, usize>,
}

impl<'a> Zoning<'a> {
    /// Indexes `dataset`'s zones, countries and companies.
    pub fn new(dataset: &'a Dataset) -> Self {
        let index = ZoneIndex::new(dataset);
        let mut company_slot = HashMap::with_capacity(dataset.companies.len());
        for company in &dataset.companies {
            let slot = index.slot(company.country.as_deref());
            company_slot.entry(company.id.as_str()).or_insert(slot);
        }
        Self {
            index,
            company_slot,
        }
    }

    /// The slot of `unassigned` (one past the file's zones).
    pub fn unassigned(&self) -> usize {
        self.index.unassigned()
    }

    /// The zone slot of a country code.
    pub fn country(&self, code: Option<&str>) -> usize {
        self.index.slot(code)
    }

    /// The zone slot of a company, by id (unknown companies are unassigned).
    pub fn company(&self, id: &str) -> usize {
        self.company_slot
            .get(id)
            .copied()
            .unwrap_or(self.index.unassigned())
    }

    /// The zone slot of a meeting: its company's.
    pub fn meeting(&self, meeting: &Meeting) -> usize {
        self.company(&meeting.company)
    }

    /// The zone slot of a contract: the country's for a European project,
    /// else its company's (or its country's when it names no company).
    pub fn contract(&self, contract: &Contract) -> usize {
        match (contract.kind, contract.company.as_deref()) {
            (Some(ContractKind::European), _) => self.country(contract.country.as_deref()),
            (_, Some(company)) => self.company(company),
            (_, None) => self.country(contract.country.as_deref()),
        }
    }

    /// The zone slot of an affiliate: its own country's.
    pub fn affiliate(&self, affiliate: &Affiliate) -> usize {
        self.country(Some(&affiliate.country))
    }
}

/// The slot of a zone id among `dataset`'s zones (`unassigned`, or an
/// unknown id, is the slot after the last zone).
pub fn zone_slot(dataset: &Dataset, zone_id: &str) -> usize {
    dataset
        .zones
        .iter()
        .position(|z| z.id == zone_id)
        .unwrap_or(dataset.zones.len())
}

/// Whether an affiliate counts as running: Active, or without status.
pub fn is_active(affiliate: &Affiliate) -> bool {
    matches!(affiliate.status, None | Some(AffiliateStatus::Active))
}

/// Computes the figures by zone of `dataset` for `filter`.
pub fn summary(dataset: &Dataset, filter: &Filter) -> Summary {
    let zoning = Zoning::new(dataset);
    let mut rows: Vec<ZoneFigures> = dataset
        .zones
        .iter()
        .map(|z| ZoneFigures::named(&z.id, z.name.as_deref().unwrap_or(&z.id)))
        .collect();
    rows.push(ZoneFigures::named(UNASSIGNED_ZONE, unassigned_zone_name()));

    for company in &dataset.companies {
        if let Some(row) = rows.get_mut(zoning.country(company.country.as_deref())) {
            row.companies += 1;
        }
    }

    for affiliate in &dataset.affiliates {
        if affiliate.status == Some(AffiliateStatus::Closed) || !filter.admits_affiliate(affiliate)
        {
            continue;
        }
        if let Some(row) = rows.get_mut(zoning.affiliate(affiliate)) {
            row.affiliates += 1;
        }
    }

    let mut met: HashSet<&str> = HashSet::new();
    for meeting in &dataset.meetings {
        if !filter.admits_meeting(meeting) {
            continue;
        }
        if let Some(row) = rows.get_mut(zoning.meeting(meeting)) {
            row.meetings += 1;
            if met.insert(meeting.company.as_str()) {
                row.companies_met += 1;
            }
        }
    }

    for note in &dataset.country_notes {
        if let Some(row) = rows.get_mut(zoning.country(note.country.as_deref())) {
            row.country_notes += 1;
        }
    }

    let meetings = MeetingsById::new(dataset, filter);
    for contract in &dataset.contracts {
        if !filter.admits_contract(contract, meetings.of(contract)) {
            continue;
        }
        if let Some(row) = rows.get_mut(zoning.contract(contract)) {
            row.contracts += 1;
            let amount = contract.amount_eur.unwrap_or(0);
            match contract.kind {
                Some(ContractKind::Bilateral) => {
                    row.bilateral_eur = row.bilateral_eur.saturating_add(amount.into());
                }
                Some(ContractKind::European) => {
                    row.european_eur = row.european_eur.saturating_add(amount.into());
                }
                None => {}
            }
        }
    }

    if rows.last().is_some_and(ZoneFigures::is_empty) {
        rows.pop();
    }
    let mut total = ZoneFigures::named("total", crate::i18n::catalogue::dashboard::TOTAL.text());
    for row in &rows {
        total.add(row);
    }
    Summary { rows, total }
}

/// The years in which the dataset has dated meetings or contracts, ascending.
pub fn years(dataset: &Dataset) -> Vec<i32> {
    let mut years: Vec<i32> = dataset
        .meetings
        .iter()
        .filter_map(|m| m.date.valid())
        .chain(
            dataset
                .contracts
                .iter()
                .filter_map(|c| c.signed.as_ref().and_then(IsoDate::valid)),
        )
        .map(|d| d.year())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    years.sort_unstable();
    years
}

/// The initiatives named in meetings, trimmed, sorted, each once.
pub fn initiatives(dataset: &Dataset) -> Vec<String> {
    let mut names: Vec<String> = dataset
        .meetings
        .iter()
        .filter_map(|m| m.initiative.as_deref().map(str::trim))
        .filter(|name| !name.is_empty())
        .collect::<HashSet<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect();
    names.sort_unstable();
    names
}
