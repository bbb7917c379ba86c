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
use crate::i18n::{Language, Msg, catalogue::core};
use crate::ids::{IdIndex, Seen};
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
    /// What is wrong, in words: in the language of the thread that
    /// validated (the app validates again when its language changes).
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
        core::NO_ID_ZONE,
    );
    let (mut country_problems, assigned) = check_countries(dataset, &zone_ids);
    problems.append(&mut country_problems);
    let institutes = collect_ids(
        &mut problems,
        dataset.institutes.iter().map(|r| r.id.as_str()),
        ListKind::Institutes,
        core::NO_ID_INSTITUTE,
    );
    let affiliates = collect_ids(
        &mut problems,
        dataset.affiliates.iter().map(|r| r.id.as_str()),
        ListKind::Affiliates,
        core::NO_ID_AFFILIATE,
    );
    let companies = collect_ids(
        &mut problems,
        dataset.companies.iter().map(|r| r.id.as_str()),
        ListKind::Companies,
        core::NO_ID_COMPANY,
    );
    let meetings = collect_ids(
        &mut problems,
        dataset.meetings.iter().map(|r| r.id.as_str()),
        ListKind::Meetings,
        core::NO_ID_MEETING,
    );
    // Duplicate ids of the lists nobody refers to.
    collect_ids(
        &mut problems,
        dataset.country_notes.iter().map(|r| r.id.as_str()),
        ListKind::CountryNotes,
        core::NO_ID_NOTE,
    );
    collect_ids(
        &mut problems,
        dataset.contracts.iter().map(|r| r.id.as_str()),
        ListKind::Contracts,
        core::NO_ID_CONTRACT,
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
/// "meeting"…), as reported by [`validate`] in any language: adding a
/// record with that id would resolve it.
pub fn mentions_unknown(problems: &[Problem], what: &str, id: &str) -> bool {
    let unknown = match what {
        "company" => core::UNKNOWN_COMPANY,
        "affiliate" => core::UNKNOWN_AFFILIATE,
        "meeting" => core::UNKNOWN_MEETING,
        "institute" => core::UNKNOWN_INSTITUTE,
        "zone" => core::UNKNOWN_ZONE,
        _ => return false,
    };
    let quoted = format!("{id:?}");
    let messages = Language::ALL
        .map(|language| crate::i18n::fill(unknown.text_in(language), &[("id", &quoted)]));
    problems.iter().any(|p| messages.contains(&p.message))
}

/// The message `msg` about the quoted `id`: `unknown company "zz"`.
fn about_id(msg: Msg, id: &str) -> String {
    msg.with(&[("id", &format!("{id:?}"))])
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
    no_id: Msg,
) -> HashSet<&'a str> {
    let mut set = unique_ids(ids, list, no_id);
    problems.append(&mut set.problems);
    set.ids
}

/// The set of ids of a list, with a problem for each empty or repeated one
/// (`no_id` says that one of its records has none).
fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: ListKind, no_id: Msg) -> IdSet<'a> {
    let mut set = IdSet {
        ids: HashSet::new(),
        problems: Vec::new(),
    };
    let mut index_of = IdIndex::default();
    for (index, id) in ids.enumerate() {
        if id.trim().is_empty() {
            set.problems.push(Problem {
                severity: Severity::Error,
                list,
                index,
                record_id: String::new(),
                field: "id",
                message: no_id.text().to_owned(),
            });
            continue;
        }
        let (severity, message) = match index_of.insert(id, index) {
            Seen::New => {
                set.ids.insert(id);
                continue;
            }
            Seen::Repeat(first) => (
                Severity::Error,
                core::DUPLICATE_ID.with(&[("id", &format!("{id:?}")), ("number", &(first + 1))]),
            ),
            Seen::LooksLike(first) => {
                set.ids.insert(id);
                (
                    Severity::Warning,
                    core::ID_LOOKS_LIKE
                        .with(&[("id", &format!("{id:?}")), ("number", &(first + 1))]),
                )
            }
        };
        set.problems.push(Problem {
            severity,
            list,
            index,
            record_id: id.to_owned(),
            field: "id",
            message,
        });
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
            self.push(Severity::Error, &at, "name", core::NAME_EMPTY.into());
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
                about_id(core::UNKNOWN_COMPANY, &m.company),
            );
        }
        if let Some(affiliate) = &m.affiliate
            && !self.known.has(ListKind::Affiliates, affiliate)
        {
            self.push(
                Severity::Error,
                &at,
                "affiliate",
                about_id(core::UNKNOWN_AFFILIATE, affiliate),
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
                core::FOLLOW_UP_BEFORE_MEETING.with(&[("follow_up", &follow_up), ("day", &day)]),
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
                core::NO_CONTRACT_KIND.into(),
            ),
            Some(ContractKind::Bilateral) if c.company.is_none() => self.push(
                Severity::Error,
                &at,
                "company",
                core::BILATERAL_NEEDS_COMPANY.into(),
            ),
            Some(ContractKind::European) if c.country.is_none() => self.push(
                Severity::Error,
                &at,
                "country",
                core::EUROPEAN_NEEDS_COUNTRY.into(),
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
                about_id(core::UNKNOWN_COMPANY, company),
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
                about_id(core::UNKNOWN_MEETING, meeting),
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
                core::NO_COUNTRY.with(&[("zone", &countries::unassigned_zone_name())]),
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
                core::COUNTRY_NOT_LISTED.with(&[
                    ("country", &describe_country(code)),
                    ("zone", &countries::unassigned_zone_name()),
                ]),
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
                    about_id(core::UNKNOWN_INSTITUTE, id),
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
                core::INVALID_DATE.with(&[("text", &format!("{text:?}"))]),
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
                core::COUNTRY_LISTED_TWICE.with(&[("code", &format!("{:?}", c.code))]),
            );
            continue;
        }
        let has_zone = match &c.zone {
            None => {
                push(
                    Severity::Warning,
                    &at,
                    "zone",
                    core::NO_ZONE.with(&[
                        ("country", &describe_country(&c.code)),
                        ("zone", &countries::unassigned_zone_name()),
                    ]),
                );
                false
            }
            Some(zone) if !zone_ids.contains(zone.as_str()) => {
                push(
                    Severity::Error,
                    &at,
                    "zone",
                    about_id(core::UNKNOWN_ZONE, zone),
                );
                false
            }
            Some(_) => true,
        };
        assigned.insert(&c.code, has_zone);
    }
    (problems, assigned)
}

/// A country for messages: `country "BR" (Brazil)`; in French without
/// article, `pays "BR" (Brésil)`.
pub fn describe_country(code: &str) -> String {
    let quoted = format!("{code:?}");
    match countries::country_name(code) {
        Some(name) => core::COUNTRY_NAMED.with(&[("code", &quoted), ("name", &name)]),
        None => core::COUNTRY_CODE.with(&[("code", &quoted)]),
    }
}

/// What is wrong with a country code that is not ISO 3166-1 alpha-2, and
/// what to write instead when that can be guessed ("fr" → "FR", "UK" → "GB").
pub fn not_iso_message(code: &str) -> String {
    let upper = code.to_ascii_uppercase();
    let quoted = format!("{code:?}");
    if upper != code && countries::is_valid_code(&upper) {
        core::NOT_ISO_CAPITALS.with(&[("code", &quoted), ("upper", &format!("{upper:?}"))])
    } else if code == "UK" {
        core::NOT_ISO_UK.with(&[("code", &quoted)])
    } else {
        core::NOT_ISO.with(&[("code", &quoted)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_language;

    fn meeting_of(company: &str) -> Dataset {
        let text = format!(
            r#"(format: 1, meetings: [(id: "m-1", date: "2015-02-12", company: "{company}")])"#
        );
        crate::format::parse_str(&text).unwrap().dataset
    }

    #[test]
    fn a_problem_is_worded_in_the_language_of_the_thread() {
        set_language(Language::French);
        let french = validate(&meeting_of("zz"));
        set_language(Language::English);
        let english = validate(&meeting_of("zz"));
        assert_eq!(
            french.first().map(ToString::to_string).as_deref(),
            Some("meetings[m-1].company: entreprise inconnue \"zz\"")
        );
        assert_eq!(
            english.first().map(ToString::to_string).as_deref(),
            Some("meetings[m-1].company: unknown company \"zz\"")
        );
    }

    #[test]
    fn an_unknown_id_is_found_in_problems_of_either_language() {
        set_language(Language::French);
        let french = validate(&meeting_of("zz"));
        set_language(Language::English);
        assert!(mentions_unknown(&french, "company", "zz"));
        assert!(!mentions_unknown(&french, "company", "z"));
        assert!(!mentions_unknown(&french, "meeting", "zz"));
        assert!(mentions_unknown(
            &validate(&meeting_of("zz")),
            "company",
            "zz"
        ));
    }
}
