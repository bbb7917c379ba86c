//! Figures by geographic zone: what `liaison-desk summary` prints and what
//! the charts will draw. One module serves both, so they always agree.
//!
//! The zone of a record is the zone of its country (PRODUCT.md): a company's
//! for companies, meetings and Bilateral contracts; the affiliate's own; the
//! note's; the contract's `country` for European contracts. A country missing
//! from `countries`, or whose zone does not exist, falls in `unassigned`.
//!
//! Architecture invariant: pure, no egui, no I/O; linear in the data.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::countries::{UNASSIGNED_ZONE, UNASSIGNED_ZONE_NAME};
use crate::model::{AffiliateStatus, ContractKind, Dataset, IsoDate};

/// Which records count: for now a period, later also institute, initiative…
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// First day counted, inclusive; `None`: no lower bound.
    pub from: Option<NaiveDate>,
    /// Last day counted, inclusive; `None`: no upper bound.
    pub to: Option<NaiveDate>,
}

impl Filter {
    /// Everything counts.
    pub fn all() -> Self {
        Self::default()
    }

    /// Only the calendar year `year`.
    pub fn year(year: i32) -> Self {
        Self {
            from: NaiveDate::from_ymd_opt(year, 1, 1),
            to: NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }

    fn is_unbounded(&self) -> bool {
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
}

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
    pub bilateral_eur: u64,
    /// Sum of `amount_eur` of European contracts signed in the period.
    pub european_eur: u64,
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
    pub fn numbers(&self) -> [u64; 8] {
        [
            self.affiliates,
            self.companies,
            self.companies_met,
            self.meetings,
            self.country_notes,
            self.contracts,
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

/// Computes the figures by zone of `dataset` for `filter`.
pub fn summary(dataset: &Dataset, filter: &Filter) -> Summary {
    let index = ZoneIndex::new(dataset);
    let mut rows: Vec<ZoneFigures> = dataset
        .zones
        .iter()
        .map(|z| ZoneFigures::named(&z.id, z.name.as_deref().unwrap_or(&z.id)))
        .collect();
    rows.push(ZoneFigures::named(UNASSIGNED_ZONE, UNASSIGNED_ZONE_NAME));
    let unassigned = index.unassigned();

    // The zone slot of each company, by id (the first record wins on duplicates).
    let mut company_slot: HashMap<&str, usize> = HashMap::new();
    for company in &dataset.companies {
        let slot = index.slot(company.country.as_deref());
        company_slot.entry(company.id.as_str()).or_insert(slot);
        if let Some(row) = rows.get_mut(slot) {
            row.companies += 1;
        }
    }
    let slot_of_company =
        |id: &str| -> usize { company_slot.get(id).copied().unwrap_or(unassigned) };

    for affiliate in &dataset.affiliates {
        if affiliate.status == Some(AffiliateStatus::Closed) {
            continue;
        }
        if let Some(row) = rows.get_mut(index.slot(Some(&affiliate.country))) {
            row.affiliates += 1;
        }
    }

    let mut met: HashSet<&str> = HashSet::new();
    for meeting in &dataset.meetings {
        if !filter.contains(Some(&meeting.date)) {
            continue;
        }
        let slot = slot_of_company(&meeting.company);
        if let Some(row) = rows.get_mut(slot) {
            row.meetings += 1;
            if met.insert(meeting.company.as_str()) {
                row.companies_met += 1;
            }
        }
    }

    for note in &dataset.country_notes {
        if let Some(row) = rows.get_mut(index.slot(note.country.as_deref())) {
            row.country_notes += 1;
        }
    }

    for contract in &dataset.contracts {
        if !filter.contains(contract.signed.as_ref()) {
            continue;
        }
        let slot = match (contract.kind, contract.company.as_deref()) {
            (Some(ContractKind::European), _) => index.slot(contract.country.as_deref()),
            (_, Some(company)) => slot_of_company(company),
            (_, None) => index.slot(contract.country.as_deref()),
        };
        if let Some(row) = rows.get_mut(slot) {
            row.contracts += 1;
            let amount = contract.amount_eur.unwrap_or(0);
            match contract.kind {
                Some(ContractKind::Bilateral) => {
                    row.bilateral_eur = row.bilateral_eur.saturating_add(amount);
                }
                Some(ContractKind::European) => {
                    row.european_eur = row.european_eur.saturating_add(amount);
                }
                None => {}
            }
        }
    }

    if rows.last().is_some_and(ZoneFigures::is_empty) {
        rows.pop();
    }
    let mut total = ZoneFigures::named("total", "Total");
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
