//! Checks on a parsed [`Dataset`]: every problem, not only the first.
//!
//! Syntax and type errors are found while reading (see [`crate::format`]);
//! what is checked here is what a well-formed file can still get wrong:
//! duplicate ids, references to nothing, country codes, dates, the fields a
//! contract needs by kind. Each [`Problem`] names the list, the record and
//! the field, so the app can take the user to it and the command line can
//! print `meetings[m-0001].company: unknown company "zz"`.
//!
//! Architecture invariant: pure, no I/O; linear in the size of the data.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::countries;
use crate::model::{ContractKind, Dataset, IsoDate, ListKind};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The data is wrong: a figure or a link cannot be trusted.
    Error,
    /// Worth a look, but the data is usable (e.g. a country with no zone).
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem found in a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The list holding the record.
    pub list: ListKind,
    /// Position of the record in its list, from 0.
    pub index: usize,
    /// The record's id (its country code for `countries`); may be empty.
    pub record_id: String,
    /// The field concerned, as named in the file.
    pub field: &'static str,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `meetings[m-0001].company: unknown company "zz"`; a record without
    /// id is named by its position, `meetings[#3]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.record_id.is_empty() {
            write!(f, "{}[#{}]", self.list, self.index + 1)?;
        } else {
            write!(f, "{}[{}]", self.list, self.record_id)?;
        }
        write!(f, ".{}: {}", self.field, self.message)
    }
}

/// Every problem of `dataset`, in file order (list by list, record by record).
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut v = Validator {
        problems: Vec::new(),
        institutes: HashSet::new(),
        affiliates: HashSet::new(),
        companies: HashSet::new(),
        meetings: HashSet::new(),
        assigned: HashMap::new(),
        unassigned_reported: HashSet::new(),
    };
    let zone_ids = v.collect_ids(
        dataset.zones.iter().map(|z| z.id.as_str()),
        ListKind::Zones,
        "zone",
    );
    v.check_countries(dataset, &zone_ids);
    v.institutes = v.collect_ids(
        dataset.institutes.iter().map(|r| r.id.as_str()),
        ListKind::Institutes,
        "institute",
    );
    v.affiliates = v.collect_ids(
        dataset.affiliates.iter().map(|r| r.id.as_str()),
        ListKind::Affiliates,
        "affiliate",
    );
    v.companies = v.collect_ids(
        dataset.companies.iter().map(|r| r.id.as_str()),
        ListKind::Companies,
        "company",
    );
    v.meetings = v.collect_ids(
        dataset.meetings.iter().map(|r| r.id.as_str()),
        ListKind::Meetings,
        "meeting",
    );
    // Duplicate ids of the lists nobody refers to.
    v.collect_ids(
        dataset.country_notes.iter().map(|r| r.id.as_str()),
        ListKind::CountryNotes,
        "note",
    );
    v.collect_ids(
        dataset.contracts.iter().map(|r| r.id.as_str()),
        ListKind::Contracts,
        "contract",
    );

    for (i, a) in dataset.affiliates.iter().enumerate() {
        let at = At::new(ListKind::Affiliates, i, &a.id);
        if a.name.trim().is_empty() {
            v.push(Severity::Error, &at, "name", "the name is empty".into());
        }
        v.country(&at, "country", Some(&a.country));
        v.refs(&at, "institutes", &a.institutes);
        v.date(&at, "opened", a.opened.as_ref());
    }
    for (i, c) in dataset.companies.iter().enumerate() {
        let at = At::new(ListKind::Companies, i, &c.id);
        v.country(&at, "country", c.country.as_deref());
    }
    for (i, m) in dataset.meetings.iter().enumerate() {
        let at = At::new(ListKind::Meetings, i, &m.id);
        v.date(&at, "date", Some(&m.date));
        if !v.companies.contains(m.company.as_str()) {
            v.push(
                Severity::Error,
                &at,
                "company",
                format!("unknown company {:?}", m.company),
            );
        }
        if let Some(affiliate) = &m.affiliate
            && !v.affiliates.contains(affiliate.as_str())
        {
            v.push(
                Severity::Error,
                &at,
                "affiliate",
                format!("unknown affiliate {affiliate:?}"),
            );
        }
        v.refs(&at, "institutes", &m.institutes);
        v.date(&at, "follow_up", m.follow_up.as_ref());
        if let (Some(day), Some(follow_up)) = (
            m.date.valid(),
            m.follow_up.as_ref().and_then(IsoDate::valid),
        ) && follow_up < day
        {
            v.push(
                Severity::Warning,
                &at,
                "follow_up",
                format!("the follow-up ({follow_up}) is before the meeting ({day})"),
            );
        }
    }
    for (i, n) in dataset.country_notes.iter().enumerate() {
        let at = At::new(ListKind::CountryNotes, i, &n.id);
        v.country(&at, "country", n.country.as_deref());
        v.date(&at, "updated", n.updated.as_ref());
    }
    for (i, c) in dataset.contracts.iter().enumerate() {
        let at = At::new(ListKind::Contracts, i, &c.id);
        match c.kind {
            None => v.push(
                Severity::Warning,
                &at,
                "kind",
                "no kind: counted neither as Bilateral nor as European".into(),
            ),
            Some(ContractKind::Bilateral) if c.company.is_none() => v.push(
                Severity::Error,
                &at,
                "company",
                "a Bilateral contract needs the company that finances it".into(),
            ),
            Some(ContractKind::European) if c.country.is_none() => v.push(
                Severity::Error,
                &at,
                "country",
                "a European contract needs the country of its coordinator or main partner".into(),
            ),
            Some(_) => {}
        }
        if let Some(company) = &c.company
            && !v.companies.contains(company.as_str())
        {
            v.push(
                Severity::Error,
                &at,
                "company",
                format!("unknown company {company:?}"),
            );
        }
        if c.country.is_some() {
            v.country(&at, "country", c.country.as_deref());
        }
        v.refs(&at, "institutes", &c.institutes);
        v.date(&at, "signed", c.signed.as_ref());
        if let Some(meeting) = &c.meeting
            && !v.meetings.contains(meeting.as_str())
        {
            v.push(
                Severity::Error,
                &at,
                "meeting",
                format!("unknown meeting {meeting:?}"),
            );
        }
    }
    v.problems
}

/// Counts of errors and warnings.
pub fn count(problems: &[Problem]) -> (usize, usize) {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    (errors, problems.len() - errors)
}

/// Where a record is.
struct At<'a> {
    list: ListKind,
    index: usize,
    id: &'a str,
}

impl<'a> At<'a> {
    fn new(list: ListKind, index: usize, id: &'a str) -> Self {
        Self { list, index, id }
    }
}

struct IdSet<'a> {
    ids: HashSet<&'a str>,
    problems: Vec<Problem>,
}

/// The set of ids of a list, with a problem for each empty or repeated one.
fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: ListKind, what: &str) -> IdSet<'a> {
    let mut set = IdSet {
        ids: HashSet::new(),
        problems: Vec::new(),
    };
    let mut first_index: HashMap<&str, usize> = HashMap::new();
    for (index, id) in ids.enumerate() {
        if id.trim().is_empty() {
            set.problems.push(Problem {
                severity: Severity::Error,
                list,
                index,
                record_id: String::new(),
                field: "id",
                message: format!("the {what} has no id"),
            });
        } else if let Some(first) = first_index.get(id) {
            set.problems.push(Problem {
                severity: Severity::Error,
                list,
                index,
                record_id: id.to_owned(),
                field: "id",
                message: format!(
                    "duplicate id {id:?}: record {} of the list has it too",
                    first + 1
                ),
            });
        } else {
            first_index.insert(id, index);
            set.ids.insert(id);
        }
    }
    set
}

struct Validator<'a> {
    problems: Vec<Problem>,
    institutes: HashSet<&'a str>,
    affiliates: HashSet<&'a str>,
    companies: HashSet<&'a str>,
    meetings: HashSet<&'a str>,
    /// Country code → whether it has a known zone.
    assigned: HashMap<&'a str, bool>,
    /// Unassigned country codes already reported (one warning per country).
    unassigned_reported: HashSet<String>,
}

impl<'a> Validator<'a> {
    fn push(&mut self, severity: Severity, at: &At<'_>, field: &'static str, message: String) {
        self.problems.push(Problem {
            severity,
            list: at.list,
            index: at.index,
            record_id: at.id.to_owned(),
            field,
            message,
        });
    }

    fn collect_ids(
        &mut self,
        ids: impl Iterator<Item = &'a str>,
        list: ListKind,
        what: &str,
    ) -> HashSet<&'a str> {
        let mut set = unique_ids(ids, list, what);
        self.problems.append(&mut set.problems);
        set.ids
    }

    fn check_countries(&mut self, dataset: &'a Dataset, zone_ids: &HashSet<&str>) {
        for (i, c) in dataset.countries.iter().enumerate() {
            let at = At::new(ListKind::Countries, i, &c.code);
            if !countries::is_valid_code(&c.code) {
                self.push(Severity::Error, &at, "code", not_iso_message(&c.code));
                continue;
            }
            if self.assigned.contains_key(c.code.as_str()) {
                self.push(
                    Severity::Error,
                    &at,
                    "code",
                    format!("country {:?} is listed twice", c.code),
                );
                continue;
            }
            let has_zone = match &c.zone {
                None => {
                    self.push(
                        Severity::Warning,
                        &at,
                        "zone",
                        format!(
                            "no zone: records in {} count in zone {}",
                            describe_country(&c.code),
                            countries::UNASSIGNED_ZONE_NAME
                        ),
                    );
                    false
                }
                Some(zone) if !zone_ids.contains(zone.as_str()) => {
                    self.push(
                        Severity::Error,
                        &at,
                        "zone",
                        format!("unknown zone {zone:?}"),
                    );
                    false
                }
                Some(_) => true,
            };
            self.assigned.insert(&c.code, has_zone);
        }
    }

    /// Checks a country code: absent, not ISO, or not assigned to a zone.
    fn country(&mut self, at: &At<'_>, field: &'static str, code: Option<&str>) {
        let Some(code) = code else {
            self.push(
                Severity::Warning,
                at,
                field,
                format!(
                    "no country: the record counts in zone {}",
                    countries::UNASSIGNED_ZONE_NAME
                ),
            );
            return;
        };
        if !countries::is_valid_code(code) {
            self.push(Severity::Error, at, field, not_iso_message(code));
        } else if !self.assigned.contains_key(code)
            && self.unassigned_reported.insert(code.to_owned())
        {
            self.push(
                Severity::Warning,
                at,
                field,
                format!(
                    "{} is not in `countries`: its records count in zone {} (assign it a zone)",
                    describe_country(code),
                    countries::UNASSIGNED_ZONE_NAME
                ),
            );
        }
    }

    fn refs(&mut self, at: &At<'_>, field: &'static str, ids: &[String]) {
        for id in ids {
            if !self.institutes.contains(id.as_str()) {
                self.push(
                    Severity::Error,
                    at,
                    field,
                    format!("unknown institute {id:?}"),
                );
            }
        }
    }

    fn date(&mut self, at: &At<'_>, field: &'static str, date: Option<&IsoDate>) {
        if let Some(IsoDate::Invalid(text)) = date {
            self.push(
                Severity::Error,
                at,
                field,
                format!("{text:?} is not a real date in the form YYYY-MM-DD"),
            );
        }
    }
}

/// A country for messages: `country "BR" (Brazil)`.
pub fn describe_country(code: &str) -> String {
    match countries::country_name(code) {
        Some(name) => format!("country {code:?} ({name})"),
        None => format!("country {code:?}"),
    }
}

/// What is wrong with a country code that is not ISO 3166-1 alpha-2, and
/// what to write instead when that can be guessed ("fr" → "FR", "UK" → "GB").
pub fn not_iso_message(code: &str) -> String {
    let upper = code.to_ascii_uppercase();
    if upper != code && countries::is_valid_code(&upper) {
        format!("{code:?} is not an ISO 3166-1 alpha-2 code: write it in capitals, {upper:?}")
    } else if code == "UK" {
        format!("{code:?} is not an ISO 3166-1 alpha-2 code: the United Kingdom is \"GB\"")
    } else {
        format!(
            "{code:?} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. \"JP\")"
        )
    }
}
