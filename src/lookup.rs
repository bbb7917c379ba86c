//! Finding records by id, and what the user sees instead of a raw id.
//!
//! A [`Lookup`] is built once per data revision (never per frame) and answers
//! "which record has this id", "what is its display name", "which zone is
//! this country in", and "what refers to this record".
//!
//! Architecture invariant: no egui; owned, so the UI can cache it.

use std::collections::HashMap;

use crate::countries;
use crate::i18n::catalogue::exchange::MISSING_REFERENCE;
use crate::model::{Dataset, ListKind};

/// Positions of records by id, per list, and each country's zone.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lookup {
    positions: HashMap<ListKind, HashMap<String, usize>>,
    /// Country code → position of its zone in `zones`.
    zone_of_country: HashMap<String, usize>,
}

/// A place where a record is referred to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The list of the referring record.
    pub list: ListKind,
    /// Its position.
    pub index: usize,
    /// Its id.
    pub record_id: String,
    /// The field that holds the reference.
    pub field: &'static str,
}

impl Lookup {
    /// Indexes `dataset` (the first record wins when ids repeat).
    pub fn new(dataset: &Dataset) -> Self {
        let mut positions: HashMap<ListKind, HashMap<String, usize>> = HashMap::new();
        let mut add = |list: ListKind, ids: Vec<&str>| {
            let map = positions.entry(list).or_default();
            for (index, id) in ids.into_iter().enumerate() {
                map.entry(id.to_owned()).or_insert(index);
            }
        };
        add(
            ListKind::Zones,
            dataset.zones.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            ListKind::Countries,
            dataset.countries.iter().map(|r| r.code.as_str()).collect(),
        );
        add(
            ListKind::Institutes,
            dataset.institutes.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            ListKind::Affiliates,
            dataset.affiliates.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            ListKind::Companies,
            dataset.companies.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            ListKind::Meetings,
            dataset.meetings.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            ListKind::CountryNotes,
            dataset
                .country_notes
                .iter()
                .map(|r| r.id.as_str())
                .collect(),
        );
        add(
            ListKind::Contracts,
            dataset.contracts.iter().map(|r| r.id.as_str()).collect(),
        );

        let zones = positions.get(&ListKind::Zones).cloned().unwrap_or_default();
        let mut zone_of_country = HashMap::new();
        for country in &dataset.countries {
            if let Some(slot) = country.zone.as_ref().and_then(|z| zones.get(z)) {
                zone_of_country.entry(country.code.clone()).or_insert(*slot);
            }
        }
        Self {
            positions,
            zone_of_country,
        }
    }

    /// Adds the record `id` just appended at `index` of `list` (not zones
    /// or countries, whose changes need [`Lookup::new`]). An id already
    /// known keeps its first position, as in [`Lookup::new`].
    pub fn append(&mut self, list: ListKind, id: &str, index: usize) {
        self.positions
            .entry(list)
            .or_default()
            .entry(id.to_owned())
            .or_insert(index);
    }

    /// The position of the record with `id` in `list`.
    pub fn position(&self, list: ListKind, id: &str) -> Option<usize> {
        self.positions.get(&list)?.get(id).copied()
    }

    /// Whether `list` has a record with `id`.
    pub fn contains(&self, list: ListKind, id: &str) -> bool {
        self.position(list, id).is_some()
    }

    /// The position in `zones` of a country's zone; `None`: unassigned.
    pub fn zone_position(&self, country: Option<&str>) -> Option<usize> {
        self.zone_of_country.get(country?).copied()
    }

    /// The display name of a country's zone ("Unassigned" when none, in the
    /// interface's language).
    pub fn zone_name<'a>(&self, dataset: &'a Dataset, country: Option<&str>) -> &'a str {
        self.zone_position(country)
            .and_then(|i| dataset.zones.get(i))
            .map_or(countries::unassigned_zone_name(), |z| {
                z.name.as_deref().unwrap_or(&z.id)
            })
    }

    /// What the user sees for a reference to `id` in `list`, in the
    /// interface's language: the record's name (its id when it has none; a
    /// meeting's ISO date and company), or the id marked missing.
    pub fn name(&self, dataset: &Dataset, list: ListKind, id: &str) -> String {
        let Some(index) = self.position(list, id) else {
            return MISSING_REFERENCE.with(&[("id", &id)]);
        };
        let name = match list {
            ListKind::Zones => dataset.zones.get(index).and_then(|r| r.name.clone()),
            ListKind::Countries => countries::country_name(id).map(str::to_owned),
            ListKind::Institutes => dataset.institutes.get(index).and_then(|r| r.name.clone()),
            ListKind::Affiliates => dataset.affiliates.get(index).map(|r| r.name.clone()),
            ListKind::Companies => dataset.companies.get(index).and_then(|r| r.name.clone()),
            ListKind::Meetings => dataset.meetings.get(index).map(|m| {
                let company = self.name(dataset, ListKind::Companies, &m.company);
                // The ISO date, read alike in every language and every export.
                format!("{} — {company}", m.date)
            }),
            ListKind::CountryNotes => dataset
                .country_notes
                .get(index)
                .and_then(|r| r.title.clone()),
            ListKind::Contracts => dataset.contracts.get(index).and_then(|r| r.title.clone()),
        };
        name.filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| id.to_owned())
    }

    /// Every place that refers to the record `id` of `list`.
    pub fn references_to(dataset: &Dataset, list: ListKind, id: &str) -> Vec<Reference> {
        let mut found = Vec::new();
        let mut push = |list: ListKind, index: usize, record_id: &str, field: &'static str| {
            found.push(Reference {
                list,
                index,
                record_id: record_id.to_owned(),
                field,
            });
        };
        let has = |ids: &[String]| ids.iter().any(|i| i == id);
        match list {
            ListKind::Zones => {
                for (i, c) in dataset.countries.iter().enumerate() {
                    if c.zone.as_deref() == Some(id) {
                        push(ListKind::Countries, i, &c.code, "zone");
                    }
                }
            }
            ListKind::Institutes => {
                for (i, a) in dataset.affiliates.iter().enumerate() {
                    if has(&a.institutes) {
                        push(ListKind::Affiliates, i, &a.id, "institutes");
                    }
                }
                for (i, m) in dataset.meetings.iter().enumerate() {
                    if has(&m.institutes) {
                        push(ListKind::Meetings, i, &m.id, "institutes");
                    }
                }
                for (i, c) in dataset.contracts.iter().enumerate() {
                    if has(&c.institutes) {
                        push(ListKind::Contracts, i, &c.id, "institutes");
                    }
                }
            }
            ListKind::Affiliates => {
                for (i, m) in dataset.meetings.iter().enumerate() {
                    if m.affiliate.as_deref() == Some(id) {
                        push(ListKind::Meetings, i, &m.id, "affiliate");
                    }
                }
            }
            ListKind::Companies => {
                for (i, m) in dataset.meetings.iter().enumerate() {
                    if m.company == id {
                        push(ListKind::Meetings, i, &m.id, "company");
                    }
                }
                for (i, c) in dataset.contracts.iter().enumerate() {
                    if c.company.as_deref() == Some(id) {
                        push(ListKind::Contracts, i, &c.id, "company");
                    }
                }
            }
            ListKind::Meetings => {
                for (i, c) in dataset.contracts.iter().enumerate() {
                    if c.meeting.as_deref() == Some(id) {
                        push(ListKind::Contracts, i, &c.id, "meeting");
                    }
                }
            }
            ListKind::Countries | ListKind::CountryNotes | ListKind::Contracts => {}
        }
        found
    }
}
