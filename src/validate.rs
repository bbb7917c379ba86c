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
use crate::edit::Record;
use crate::lookup::Lookup;
use crate::model::{
    Affiliate, Company, Contract, ContractKind, CountryNote, Dataset, IsoDate, ListKind, Meeting,
};

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

/// Every problem of `dataset`, in file order: first the ids of every list
/// (and the `countries` list), then each record's own fields, list by list,
/// record by record.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let zone_ids = collect_ids(
        &mut problems,
        dataset.zones.iter().map(|z| z.id.as_str()),
        ListKind::Zones,
        "zone",
    );
    let (mut country_problems, assigned) = check_countries(dataset, &zone_ids);
    problems.append(&mut country_problems);
    let institutes = collect_ids(
        &mut problems,
        dataset.institutes.iter().map(|r| r.id.as_str()),
        ListKind::Institutes,
        "institute",
    );
    let affiliates = collect_ids(
        &mut problems,
        dataset.affiliates.iter().map(|r| r.id.as_str()),
        ListKind::Affiliates,
        "affiliate",
    );
    let companies = collect_ids(
        &mut problems,
        dataset.companies.iter().map(|r| r.id.as_str()),
        ListKind::Companies,
        "company",
    );
    let meetings = collect_ids(
        &mut problems,
        dataset.meetings.iter().map(|r| r.id.as_str()),
        ListKind::Meetings,
        "meeting",
    );
    // Duplicate ids of the lists nobody refers to.
    collect_ids(
        &mut problems,
        dataset.country_notes.iter().map(|r| r.id.as_str()),
        ListKind::CountryNotes,
        "note",
    );
    collect_ids(
        &mut problems,
        dataset.contracts.iter().map(|r| r.id.as_str()),
        ListKind::Contracts,
        "contract",
    );

    let known = Sets {
        institutes,
        affiliates,
        companies,
        meetings,
        assigned,
    };
    let mut v = Validator {
        problems,
        known: &known,
        unassigned_reported: HashSet::new(),
        incomplete: false,
    };
    for (i, a) in dataset.affiliates.iter().enumerate() {
        v.affiliate(i, a);
    }
    for (i, c) in dataset.companies.iter().enumerate() {
        v.company(i, c);
    }
    for (i, m) in dataset.meetings.iter().enumerate() {
        v.meeting(i, m);
    }
    for (i, n) in dataset.country_notes.iter().enumerate() {
        v.country_note(i, n);
    }
    for (i, c) in dataset.contracts.iter().enumerate() {
        v.contract(i, c);
    }
    v.problems
}

/// The problems of one record's own fields (not its id, which is checked
/// with the rest of its list), as [`validate`] would report them for the
/// record at `index`, given the ids and countries that `lookup` knows.
///
/// `None` when the answer depends on the other records: the record uses a
/// country missing from `countries`, which is reported once per country,
/// at its first use. Only a full [`validate`] can tell where.
pub fn record_problems(record: &Record, index: usize, lookup: &Lookup) -> Option<Vec<Problem>> {
    let known = FromLookup(lookup);
    let mut v = Validator {
        problems: Vec::new(),
        known: &known,
        unassigned_reported: HashSet::new(),
        incomplete: false,
    };
    match record {
        Record::Affiliate(a) => v.affiliate(index, a),
        Record::Company(c) => v.company(index, c),
        Record::Meeting(m) => v.meeting(index, m),
        Record::CountryNote(n) => v.country_note(index, n),
        Record::Contract(c) => v.contract(index, c),
        // Checked with their lists only (ids, zones).
        Record::Institute(_) => {}
        Record::Zone(_) | Record::Country(_) => return None,
    }
    (!v.incomplete).then_some(v.problems)
}

/// Replaces, in `problems` (as [`validate`] gave them), the problems of the
/// fields of record `index` of `list` by `fresh` (from [`record_problems`]),
/// keeping [`validate`]'s order. Its id's problems are left as they are.
pub fn replace_record_problems(
    problems: &mut Vec<Problem>,
    list: ListKind,
    index: usize,
    fresh: Vec<Problem>,
) {
    let Some(rank) = record_rank(list) else {
        return;
    };
    problems.retain(|p| !(p.list == list && p.index == index && p.field != "id"));
    // The records' own problems come after every id problem, in
    // (list, index) order: find where this record's go.
    let first_own = problems
        .iter()
        .position(|p| own_key(p).is_some())
        .unwrap_or(problems.len());
    let tail = problems.get(first_own..).unwrap_or_default();
    let at = first_own + tail.partition_point(|p| own_key(p).is_some_and(|k| k < (rank, index)));
    let after = problems.split_off(at);
    problems.extend(fresh);
    problems.extend(after);
}

/// The order of the lists whose records have checks of their own.
fn record_rank(list: ListKind) -> Option<usize> {
    match list {
        ListKind::Affiliates => Some(0),
        ListKind::Companies => Some(1),
        ListKind::Meetings => Some(2),
        ListKind::CountryNotes => Some(3),
        ListKind::Contracts => Some(4),
        ListKind::Zones | ListKind::Countries | ListKind::Institutes => None,
    }
}

/// (list rank, index) of a problem about a record's own field; `None` for
/// the problems of ids and of the `countries` list.
fn own_key(problem: &Problem) -> Option<(usize, usize)> {
    if problem.field == "id" {
        return None;
    }
    Some((record_rank(problem.list)?, problem.index))
}

/// Whether some record refers to the missing `id` of a `what` ("company",
/// "meeting"…), as reported by [`validate`]: adding a record with that id
/// would resolve it.
pub fn mentions_unknown(problems: &[Problem], what: &str, id: &str) -> bool {
    let message = format!("unknown {what} {id:?}");
    problems.iter().any(|p| p.message == message)
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

    /// A problem with `field` of the record here.
    fn problem(&self, severity: Severity, field: &'static str, message: String) -> Problem {
        Problem {
            severity,
            list: self.list,
            index: self.index,
            record_id: self.id.to_owned(),
            field,
            message,
        }
    }
}

struct IdSet<'a> {
    ids: HashSet<&'a str>,
    problems: Vec<Problem>,
}

/// The set of ids of a list; a problem for each empty or repeated one goes
/// to `problems`.
fn collect_ids<'a>(
    problems: &mut Vec<Problem>,
    ids: impl Iterator<Item = &'a str>,
    list: ListKind,
    what: &str,
) -> HashSet<&'a str> {
    let mut set = unique_ids(ids, list, what);
    problems.append(&mut set.problems);
    set.ids
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

/// What the checks of one record need to know about the others.
trait Known {
    /// Whether `list` has a record with the (non-empty) id `id`.
    fn has(&self, list: ListKind, id: &str) -> bool;
    /// Whether the (valid) country `code` is in the `countries` list.
    fn listed_country(&self, code: &str) -> bool;
}

/// What a full validation collected.
struct Sets<'a> {
    institutes: HashSet<&'a str>,
    affiliates: HashSet<&'a str>,
    companies: HashSet<&'a str>,
    meetings: HashSet<&'a str>,
    /// Country code → whether it has a known zone.
    assigned: HashMap<&'a str, bool>,
}

impl Known for Sets<'_> {
    fn has(&self, list: ListKind, id: &str) -> bool {
        match list {
            ListKind::Institutes => self.institutes.contains(id),
            ListKind::Affiliates => self.affiliates.contains(id),
            ListKind::Companies => self.companies.contains(id),
            ListKind::Meetings => self.meetings.contains(id),
            _ => false,
        }
    }

    fn listed_country(&self, code: &str) -> bool {
        self.assigned.contains_key(code)
    }
}

/// The same answers from a [`Lookup`] of the current data.
struct FromLookup<'a>(&'a Lookup);

impl Known for FromLookup<'_> {
    fn has(&self, list: ListKind, id: &str) -> bool {
        // An empty id is never a valid one (`unique_ids` leaves it out).
        !id.trim().is_empty() && self.0.contains(list, id)
    }

    fn listed_country(&self, code: &str) -> bool {
        self.0.contains(ListKind::Countries, code)
    }
}

struct Validator<'k> {
    problems: Vec<Problem>,
    known: &'k dyn Known,
    /// Unassigned country codes already reported (one warning per country).
    unassigned_reported: HashSet<String>,
    /// A check needed the other records (see [`record_problems`]).
    incomplete: bool,
}

impl Validator<'_> {
    fn push(&mut self, severity: Severity, at: &At<'_>, field: &'static str, message: String) {
        self.problems.push(at.problem(severity, field, message));
    }

    fn affiliate(&mut self, i: usize, a: &Affiliate) {
        let at = At::new(ListKind::Affiliates, i, &a.id);
        if a.name.trim().is_empty() {
            self.push(Severity::Error, &at, "name", "the name is empty".into());
        }
        self.country(&at, "country", Some(&a.country));
        self.refs(&at, "institutes", &a.institutes);
        self.date(&at, "opened", a.opened.as_ref());
    }

    fn company(&mut self, i: usize, c: &Company) {
        let at = At::new(ListKind::Companies, i, &c.id);
        self.country(&at, "country", c.country.as_deref());
    }

    fn meeting(&mut self, i: usize, m: &Meeting) {
        let at = At::new(ListKind::Meetings, i, &m.id);
        self.date(&at, "date", Some(&m.date));
        if !self.known.has(ListKind::Companies, &m.company) {
            self.push(
                Severity::Error,
                &at,
                "company",
                format!("unknown company {:?}", m.company),
            );
        }
        if let Some(affiliate) = &m.affiliate
            && !self.known.has(ListKind::Affiliates, affiliate)
        {
            self.push(
                Severity::Error,
                &at,
                "affiliate",
                format!("unknown affiliate {affiliate:?}"),
            );
        }
        self.refs(&at, "institutes", &m.institutes);
        self.date(&at, "follow_up", m.follow_up.as_ref());
        if let (Some(day), Some(follow_up)) = (
            m.date.valid(),
            m.follow_up.as_ref().and_then(IsoDate::valid),
        ) && follow_up < day
        {
            self.push(
                Severity::Warning,
                &at,
                "follow_up",
                format!("the follow-up ({follow_up}) is before the meeting ({day})"),
            );
        }
    }

    fn country_note(&mut self, i: usize, n: &CountryNote) {
        let at = At::new(ListKind::CountryNotes, i, &n.id);
        self.country(&at, "country", n.country.as_deref());
        self.date(&at, "updated", n.updated.as_ref());
    }

    fn contract(&mut self, i: usize, c: &Contract) {
        let at = At::new(ListKind::Contracts, i, &c.id);
        match c.kind {
            None => self.push(
                Severity::Warning,
                &at,
                "kind",
                "no kind: counted neither as Bilateral nor as European".into(),
            ),
            Some(ContractKind::Bilateral) if c.company.is_none() => self.push(
                Severity::Error,
                &at,
                "company",
                "a Bilateral contract needs the company that finances it".into(),
            ),
            Some(ContractKind::European) if c.country.is_none() => self.push(
                Severity::Error,
                &at,
                "country",
                "a European contract needs the country of its coordinator or main partner".into(),
            ),
            Some(_) => {}
        }
        if let Some(company) = &c.company
            && !self.known.has(ListKind::Companies, company)
        {
            self.push(
                Severity::Error,
                &at,
                "company",
                format!("unknown company {company:?}"),
            );
        }
        if c.country.is_some() {
            self.country(&at, "country", c.country.as_deref());
        }
        self.refs(&at, "institutes", &c.institutes);
        self.date(&at, "signed", c.signed.as_ref());
        if let Some(meeting) = &c.meeting
            && !self.known.has(ListKind::Meetings, meeting)
        {
            self.push(
                Severity::Error,
                &at,
                "meeting",
                format!("unknown meeting {meeting:?}"),
            );
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
        } else if !self.known.listed_country(code) {
            if !self.unassigned_reported.insert(code.to_owned()) {
                return;
            }
            // Reported at its first use only: one record cannot tell.
            self.incomplete = true;
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
            if !self.known.has(ListKind::Institutes, id) {
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

/// The problems of the `countries` list, and each valid code listed
/// (once) with whether it has a known zone.
fn check_countries<'a>(
    dataset: &'a Dataset,
    zone_ids: &HashSet<&str>,
) -> (Vec<Problem>, HashMap<&'a str, bool>) {
    let mut problems = Vec::new();
    let mut assigned: HashMap<&str, bool> = HashMap::new();
    let mut push = |severity, at: &At<'_>, field, message| {
        problems.push(at.problem(severity, field, message));
    };
    for (i, c) in dataset.countries.iter().enumerate() {
        let at = At::new(ListKind::Countries, i, &c.code);
        if !countries::is_valid_code(&c.code) {
            push(Severity::Error, &at, "code", not_iso_message(&c.code));
            continue;
        }
        if assigned.contains_key(c.code.as_str()) {
            push(
                Severity::Error,
                &at,
                "code",
                format!("country {:?} is listed twice", c.code),
            );
            continue;
        }
        let has_zone = match &c.zone {
            None => {
                push(
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
                push(
                    Severity::Error,
                    &at,
                    "zone",
                    format!("unknown zone {zone:?}"),
                );
                false
            }
            Some(_) => true,
        };
        assigned.insert(&c.code, has_zone);
    }
    (problems, assigned)
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
