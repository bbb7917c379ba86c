//! The dry run of an import: what each row of a table would do to one list
//! of the data, and the one edit that does it.
//!
//! A row updates the record with its id; without an id, a company (or an
//! affiliate, institute, zone) is matched by its name (and country), folded;
//! a meeting, note or contract that equals an existing one in every column
//! imported is unchanged; anything else is added with a new id continuing
//! the list's pattern (`m-1103`), or a slug of its name for named records.
//! A meeting's (or contract's) company may be given by id or by name; a
//! name matching no company is proposed as a new company
//! ([`Plan::new_companies`]), created only if the user agrees.
//!
//! An empty cell in an imported column clears the field (the table is taken
//! as the truth for the columns it has); columns not imported keep their
//! values.
//!
//! Architecture invariant: planning changes nothing; [`Plan::edit`] is one
//! [`Edit::Batch`], applied all or nothing by [`crate::edit::apply`].

use std::collections::{HashMap, HashSet};

use crate::countries;
use crate::edit::{Edit, Record, list_len};
use crate::fields::{self, FieldKind};
use crate::ids::{fold, list_ids, next_id, slug};
use crate::lookup::Lookup;
use crate::model::{Company, Dataset, ListKind};

use super::formats::{Formats, convert_amount, convert_date};
use super::list_words;
use super::mapping::{Mapping, MappingError, header_key};
use super::read::Table;
use crate::i18n::Language;
use crate::i18n::catalogue::exchange;

/// What one row of the table would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowOutcome {
    /// A new record, appended to the list.
    Add(Record),
    /// The record at `index` would change.
    Update {
        /// Its position in the list.
        index: usize,
        /// Its new version.
        record: Record,
        /// The names of the fields that change, in the list's order.
        changed: Vec<&'static str>,
    },
    /// The record at `index` already holds what the row says.
    Unchanged {
        /// Its position in the list.
        index: usize,
    },
    /// The row cannot be imported; it is skipped.
    Error {
        /// Why, naming the columns concerned.
        reason: String,
    },
}

/// One row of the table and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    /// The row's number as the user sees it (the header is row 1).
    pub row: usize,
    /// What it would do.
    pub outcome: RowOutcome,
    /// Things worth knowing that are not errors: an amount rounded, a
    /// company found by its name.
    pub notes: Vec<String>,
    /// The new companies (indexes in [`Plan::new_companies`]) the row
    /// refers to: without them it cannot be imported.
    pub new_companies: Vec<usize>,
}

/// A company named in the table and not in the data file, created before
/// the rows that refer to it when the user agrees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCompany {
    /// The id it would get (a slug of its name, unique).
    pub id: String,
    /// Its name, as first written in the table.
    pub name: String,
    /// Its country, when a column gives it.
    pub country: Option<String>,
    /// The rows that name it.
    pub rows: Vec<usize>,
}

/// How many rows do what.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Records added.
    pub added: usize,
    /// Records changed.
    pub updated: usize,
    /// Rows that change nothing.
    pub unchanged: usize,
    /// Rows skipped because of an error (including rows that need a new
    /// company when companies are not created).
    pub errors: usize,
    /// Companies created first.
    pub companies: usize,
}

/// The dry run of an import into one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The list the rows go into.
    pub list: ListKind,
    /// One entry per row of the table, in order.
    pub rows: Vec<PlannedRow>,
    /// Companies to create first (meeting and contract imports).
    pub new_companies: Vec<NewCompany>,
    /// Set when the mapping cannot be used: every row is then in error.
    pub mapping_error: Option<MappingError>,
    /// The length of the list when planned: additions go after it.
    list_len: usize,
    /// The number of companies when planned: new companies go after them.
    companies_len: usize,
}

impl PlannedRow {
    /// Why this row is skipped when new companies are not created.
    pub fn needs_companies(&self, plan: &Plan) -> Option<String> {
        if self.new_companies.is_empty() || matches!(self.outcome, RowOutcome::Error { .. }) {
            return None;
        }
        let names: Vec<String> = self
            .new_companies
            .iter()
            .filter_map(|i| plan.new_companies.get(*i))
            .map(|c| super::quoted(&c.name))
            .collect();
        Some(exchange::NEEDS_COMPANIES.with(&[("names", &names.join(", "))]))
    }

    /// Whether the row changes the data (when companies are created or not).
    fn applies(&self, create_companies: bool) -> bool {
        matches!(self.outcome, RowOutcome::Add(_) | RowOutcome::Update { .. })
            && (create_companies || self.new_companies.is_empty())
    }
}

impl Plan {
    /// How many rows do what, when new companies are created or not.
    pub fn counts(&self, create_companies: bool) -> Counts {
        let mut counts = Counts::default();
        for row in &self.rows {
            let blocked = !create_companies && !row.new_companies.is_empty();
            match &row.outcome {
                RowOutcome::Error { .. } => counts.errors += 1,
                _ if blocked => counts.errors += 1,
                RowOutcome::Add(_) => counts.added += 1,
                RowOutcome::Update { .. } => counts.updated += 1,
                RowOutcome::Unchanged { .. } => counts.unchanged += 1,
            }
        }
        if create_companies {
            counts.companies = self.new_companies.len();
        }
        counts
    }

    /// The change, as ONE undoable step: new companies first (when
    /// `create_companies`), then updates, then additions; rows in error
    /// (and rows that need a new company, when none are created) are left
    /// out. `None` when there is nothing to change.
    ///
    /// The edit is meant for the dataset the plan was made from.
    pub fn edit(&self, create_companies: bool) -> Option<Edit> {
        let mut edits = Vec::new();
        if create_companies {
            for (k, company) in self.new_companies.iter().enumerate() {
                edits.push(Edit::Insert {
                    index: self.companies_len + k,
                    record: Record::Company(Company {
                        id: company.id.clone(),
                        name: Some(company.name.clone()),
                        country: company.country.clone(),
                        sector: None,
                        size: None,
                        website: None,
                    }),
                });
            }
        }
        for row in self.rows.iter().filter(|r| r.applies(create_companies)) {
            if let RowOutcome::Update { index, record, .. } = &row.outcome {
                edits.push(Edit::Replace {
                    index: *index,
                    record: record.clone(),
                });
            }
        }
        let mut next = self.list_len;
        for row in self.rows.iter().filter(|r| r.applies(create_companies)) {
            if let RowOutcome::Add(record) = &row.outcome {
                edits.push(Edit::Insert {
                    index: next,
                    record: record.clone(),
                });
                next += 1;
            }
        }
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }
}

/// Spreadsheet error values: a formula that failed, never data.
const CELL_ERRORS: [&str; 8] = [
    // i18n: read from cells, not shown
    "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#DATA!",
];

/// Lists whose records are matched by name when a row has no id.
fn keyed_by_name(list: ListKind) -> bool {
    matches!(
        list,
        ListKind::Companies | ListKind::Affiliates | ListKind::Institutes | ListKind::Zones
    )
}

/// A name reduced for matching: folded, letters and digits only.
fn name_key(name: &str) -> String {
    header_key(name)
}

/// The display name of a record of a named list.
fn record_name(dataset: &Dataset, list: ListKind, index: usize) -> Option<&str> {
    match list {
        ListKind::Companies => dataset.companies.get(index)?.name.as_deref(),
        ListKind::Affiliates => dataset.affiliates.get(index).map(|a| a.name.as_str()),
        ListKind::Institutes => dataset.institutes.get(index)?.name.as_deref(),
        ListKind::Zones => dataset.zones.get(index)?.name.as_deref(),
        _ => None,
    }
}

/// The country of a record of a named list (companies and affiliates).
fn record_country(dataset: &Dataset, list: ListKind, index: usize) -> Option<&str> {
    match list {
        ListKind::Companies => dataset.companies.get(index)?.country.as_deref(),
        ListKind::Affiliates => dataset.affiliates.get(index).map(|a| a.country.as_str()),
        _ => None,
    }
}

/// What the plan needs to look up, built once.
struct Context<'a> {
    dataset: &'a Dataset,
    lookup: Lookup,
    /// Per named list: name key → positions.
    names: HashMap<ListKind, HashMap<String, Vec<usize>>>,
    /// Per list: folded id → positions (ids typed in another case).
    folded_ids: HashMap<ListKind, HashMap<String, Vec<usize>>>,
    /// Folded English country name → code.
    country_names: HashMap<String, String>,
    /// Per list: the ids, by position.
    ids: HashMap<ListKind, Vec<String>>,
}

impl<'a> Context<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        let mut names: HashMap<ListKind, HashMap<String, Vec<usize>>> = HashMap::new();
        let mut folded_ids: HashMap<ListKind, HashMap<String, Vec<usize>>> = HashMap::new();
        let mut all_ids: HashMap<ListKind, Vec<String>> = HashMap::new();
        for list in ListKind::ALL {
            all_ids.insert(
                list,
                list_ids(dataset, list)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            );
            let by_name = names.entry(list).or_default();
            for index in 0..list_len(dataset, list) {
                if let Some(name) = record_name(dataset, list, index) {
                    by_name.entry(name_key(name)).or_default().push(index);
                }
            }
            let by_id = folded_ids.entry(list).or_default();
            for (index, id) in list_ids(dataset, list).into_iter().enumerate() {
                by_id.entry(fold(id)).or_default().push(index);
            }
        }
        // Names in either language, whichever the interface speaks; an
        // English name wins over a French one written the same.
        let mut country_names = HashMap::new();
        for language in [Language::French, Language::English] {
            for code in countries::all_codes() {
                if let Some(name) = countries::country_name_in(&code, language) {
                    country_names.insert(name_key(name), code);
                }
            }
        }
        Self {
            dataset,
            lookup: Lookup::new(dataset),
            names,
            folded_ids,
            country_names,
            ids: all_ids,
        }
    }

    /// The id of the record at `index` of `list` ("" when there is none).
    fn id_at(&self, list: ListKind, index: usize) -> &str {
        self.ids
            .get(&list)
            .and_then(|ids| ids.get(index))
            .map_or("", String::as_str)
    }

    /// The id of the record of `list` that `value` names: its id, its id in
    /// another case, or its name (when only one record has it).
    fn resolve(&self, list: ListKind, value: &str) -> Result<Option<String>, String> {
        if self.lookup.contains(list, value) {
            return Ok(Some(value.to_owned()));
        }
        let found = |map: &HashMap<ListKind, HashMap<String, Vec<usize>>>, key: &str| {
            map.get(&list)
                .and_then(|m| m.get(key))
                .cloned()
                .unwrap_or_default()
        };
        for positions in [
            found(&self.folded_ids, &fold(value)),
            found(&self.names, &name_key(value)),
        ] {
            match positions.as_slice() {
                [] => {}
                [one] => return Ok(Some(self.id_at(list, *one).to_owned())),
                several => {
                    let which: Vec<&str> = several.iter().map(|i| self.id_at(list, *i)).collect();
                    return Err(exchange::AMBIGUOUS_VALUE.with(&[
                        ("value", &value),
                        ("plural", &list_words(list).plural),
                        ("ids", &which.join(", ")),
                    ]));
                }
            }
        }
        Ok(None)
    }

    /// An ISO code from a code in any case or a country name in English or
    /// French ("Germany", "Allemagne").
    fn country(&self, value: &str) -> Result<String, String> {
        let upper = value.trim().to_uppercase();
        if countries::is_valid_code(&upper) {
            return Ok(upper);
        }
        if let Some(code) = self.country_names.get(&name_key(value)) {
            return Ok(code.clone());
        }
        Err(exchange::NOT_A_COUNTRY.with(&[("value", &value)]))
    }
}

/// New ids continuing a list's pattern, never one already taken.
struct IdSequence {
    prefix: String,
    width: usize,
    next: u64,
}

impl IdSequence {
    fn new(dataset: &Dataset, list: ListKind) -> Self {
        let first = next_id(dataset, list);
        let prefix_len = first.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (prefix, digits) = first.split_at(prefix_len);
        Self {
            prefix: prefix.to_owned(),
            width: digits.len(),
            next: digits.parse().unwrap_or(1),
        }
    }

    fn take(&mut self, taken: &mut HashSet<String>) -> String {
        loop {
            let width = self.width;
            let candidate = format!("{}{:0width$}", self.prefix, self.next);
            self.next = self.next.saturating_add(1);
            if taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// A readable id from a name, unique among `taken` (`acme-bio`, then
/// `acme-bio-2`…), as [`crate::ids::unique_slug`] makes them.
fn unique_slug(name: &str, taken: &mut HashSet<String>, sequence: &mut IdSequence) -> String {
    let base = slug(name);
    if base.is_empty() {
        return sequence.take(taken);
    }
    let mut candidate = base.clone();
    let mut n = 2u64;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// A cell converted for a field: canonical text, or a new company's name.
enum Value {
    Text(String),
    NewCompany(String),
}

/// Plans the import of `table` into `list` of `dataset` with `mapping` and
/// `formats`: one [`PlannedRow`] per row of the table. Changes nothing.
pub fn plan(
    dataset: &Dataset,
    list: ListKind,
    table: &Table,
    mapping: &Mapping,
    formats: &Formats,
) -> Plan {
    let mut plan = Plan {
        list,
        rows: Vec::with_capacity(table.rows.len()),
        new_companies: Vec::new(),
        mapping_error: None,
        list_len: list_len(dataset, list),
        companies_len: dataset.companies.len(),
    };
    let mapping_problem = if mapping.list == list {
        mapping.check().err()
    } else {
        Some(MappingError::Nothing { list })
    };
    if let Some(error) = mapping_problem {
        let reason = exchange::NOT_IMPORTED.with(&[("reason", &error)]);
        for index in 0..table.rows.len() {
            plan.rows.push(PlannedRow {
                row: table.row_number(index),
                outcome: RowOutcome::Error {
                    reason: reason.clone(),
                },
                notes: Vec::new(),
                new_companies: Vec::new(),
            });
        }
        plan.mapping_error = Some(error);
        return plan;
    }

    let context = Context::new(dataset);
    let mut planner = Planner::new(&context, list, table, mapping, formats);
    for index in 0..table.rows.len() {
        let row = planner.row(index);
        plan.rows.push(row);
    }
    plan.new_companies = planner.new_companies;
    mark_collisions(&mut plan, dataset, &planner.same_content_rows);
    prune_new_companies(&mut plan);
    plan
}

/// The state of planning, row after row.
struct Planner<'c, 'a> {
    context: &'c Context<'a>,
    list: ListKind,
    table: &'c Table,
    mapping: &'c Mapping,
    formats: &'c Formats,
    /// Ids of the list, existing, given in the table, and generated.
    taken: HashSet<String>,
    /// Ids of companies, existing and proposed.
    company_ids: HashSet<String>,
    ids: IdSequence,
    company_sequence: IdSequence,
    /// Ids given on more than one row: id → row numbers.
    repeated_ids: HashMap<String, Vec<usize>>,
    /// Existing records by the content of the imported columns (for rows
    /// without id of lists not matched by name), built on first need.
    contents: Option<HashMap<String, usize>>,
    new_companies: Vec<NewCompany>,
    /// Name key of a proposed company → its index.
    new_company_keys: HashMap<String, usize>,
    /// The rows without id found equal to an existing record: several of
    /// them saying the same is no contradiction.
    same_content_rows: HashSet<usize>,
}

impl<'c, 'a> Planner<'c, 'a> {
    fn new(
        context: &'c Context<'a>,
        list: ListKind,
        table: &'c Table,
        mapping: &'c Mapping,
        formats: &'c Formats,
    ) -> Self {
        let dataset = context.dataset;
        let mut taken: HashSet<String> = list_ids(dataset, list)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mut rows_of_id: HashMap<String, Vec<usize>> = HashMap::new();
        let id_field = fields::fields(list)
            .iter()
            .find(|f| f.kind == FieldKind::Id)
            .map_or("id", |f| f.name);
        if let Some(column) = mapping.column_of(id_field) {
            for index in 0..table.rows.len() {
                let id = normalise_id(list, table.cell(index, column));
                if !id.is_empty() {
                    rows_of_id
                        .entry(id.clone())
                        .or_default()
                        .push(table.row_number(index));
                    taken.insert(id);
                }
            }
        }
        rows_of_id.retain(|_, rows| rows.len() > 1);
        Self {
            context,
            list,
            table,
            mapping,
            formats,
            taken,
            company_ids: list_ids(dataset, ListKind::Companies)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            ids: IdSequence::new(dataset, list),
            company_sequence: IdSequence::new(dataset, ListKind::Companies),
            repeated_ids: rows_of_id,
            contents: None,
            new_companies: Vec::new(),
            new_company_keys: HashMap::new(),
            same_content_rows: HashSet::new(),
        }
    }

    fn row(&mut self, index: usize) -> PlannedRow {
        let mut planned = PlannedRow {
            row: self.table.row_number(index),
            outcome: RowOutcome::Error {
                reason: String::new(),
            },
            notes: Vec::new(),
            new_companies: Vec::new(),
        };
        planned.outcome = match self.outcome(index, &mut planned) {
            Ok(outcome) => outcome,
            Err(reason) => RowOutcome::Error { reason },
        };
        if matches!(planned.outcome, RowOutcome::Error { .. }) {
            planned.new_companies.clear();
        }
        planned
    }

    fn outcome(&mut self, index: usize, planned: &mut PlannedRow) -> Result<RowOutcome, String> {
        let table = self.table;
        let list = self.list;
        let cells = table.rows.get(index).map_or(0, Vec::len);
        let width = table.headers.len();
        if cells != width {
            let multi_line = table
                .rows
                .get(index)
                .is_some_and(|row| row.iter().any(|c| c.contains('\n')));
            let why = if multi_line {
                exchange::WIDTH_MULTI_LINE
            } else if cells < width {
                exchange::WIDTH_SHORT
            } else {
                exchange::WIDTH_LONG
            };
            return Err(exchange::ROW_WIDTH.with(&[
                ("cells", &cells),
                ("width", &width),
                ("why", &why),
            ]));
        }

        // Convert every imported cell; gather all problems of the row.
        let mut values: Vec<(&'static fields::Field, Value)> = Vec::new();
        let mut problems: Vec<String> = Vec::new();
        for field in fields::fields(list) {
            let Some(column) = self.mapping.column_of(field.name) else {
                continue;
            };
            // Free text is taken as written, spaces and all: a round trip
            // through a spreadsheet gives it back exactly. The rest is
            // trimmed (an id, a date, an amount has no spaces to keep).
            let cell = table.cell(index, column);
            let cell = match field.kind {
                FieldKind::Text | FieldKind::LongText => cell,
                _ => cell.trim(),
            };
            match self.convert(field, column, cell, &mut planned.notes) {
                Ok(value) => values.push((field, value)),
                Err(reason) => problems.push(at_column(&table.column_label(column), &reason)),
            }
        }
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }

        let text_of = |name: &str| {
            values.iter().find_map(|(f, v)| match v {
                Value::Text(text) if f.name == name => Some(text.clone()),
                _ => None,
            })
        };
        let id_field = fields::fields(list)
            .iter()
            .find(|f| f.kind == FieldKind::Id)
            .map_or("id", |f| f.name);
        let id = text_of(id_field).unwrap_or_default();
        if id.is_empty() && list == ListKind::Countries {
            return Err(exchange::EMPTY_COUNTRY_CODE.text().to_owned());
        }
        if let Some(rows) = self.repeated_ids.get(&id) {
            return Err(exchange::REPEATED_ID.with(&[
                ("id", &id),
                ("rows", &join_numbers(rows)),
                ("noun", &list_words(list).noun),
            ]));
        }

        // The existing record the row is about.
        let dataset = self.context.dataset;
        let existing = if !id.is_empty() {
            self.context.lookup.position(list, &id)
        } else if keyed_by_name(list) {
            self.match_by_name(text_of("name"), text_of("country"), planned)?
        } else {
            None
        };

        let mut record = match existing {
            Some(position) => Record::get(dataset, list, position).ok_or_else(|| {
                exchange::VANISHED
                    .with(&[("noun", &list_words(list).noun), ("position", &position)])
            })?,
            None => fields::blank(list),
        };
        // A new company's name stands in for its id until the row is known
        // to be right: only then is the company proposed.
        for (field, value) in &values {
            let text = match value {
                Value::Text(text) | Value::NewCompany(text) => text,
            };
            if field.name == id_field && text.is_empty() {
                continue; // Keep the matched record's id, or generate one below.
            }
            fields::set(&mut record, field.name, text).map_err(|error| {
                let column = self
                    .mapping
                    .column_of(field.name)
                    .map_or_else(|| format!("`{}`", field.name), |c| table.column_label(c));
                at_column(&column, &error.to_string())
            })?;
        }
        for (field, value) in &values {
            if let Value::NewCompany(name) = value {
                let company = self.propose_company(name, index, planned);
                let company_id = self
                    .new_companies
                    .get(company)
                    .map(|c| c.id.clone())
                    .unwrap_or_default();
                fields::set(&mut record, field.name, &company_id).map_err(|e| e.to_string())?;
            }
        }

        match existing {
            Some(position) => {
                let old = Record::get(dataset, list, position).unwrap_or_else(|| record.clone());
                let changed: Vec<&'static str> = fields::fields(list)
                    .iter()
                    .filter(|f| fields::get(&old, f.name) != fields::get(&record, f.name))
                    .map(|f| f.name)
                    .collect();
                if changed.is_empty() {
                    Ok(RowOutcome::Unchanged { index: position })
                } else {
                    Ok(RowOutcome::Update {
                        index: position,
                        record,
                        changed,
                    })
                }
            }
            None if id.is_empty() => {
                if !keyed_by_name(list)
                    && let Some(position) = self.same_content(&record)
                {
                    planned.notes.push(exchange::SAME_AS_EXISTING.with(&[
                        ("noun", &list_words(list).noun),
                        ("id", &self.context.id_at(list, position)),
                    ]));
                    self.same_content_rows.insert(planned.row);
                    return Ok(RowOutcome::Unchanged { index: position });
                }
                let new_id = match text_of("name").filter(|_| keyed_by_name(list)) {
                    Some(name) => unique_slug(&name, &mut self.taken, &mut self.ids),
                    None => self.ids.take(&mut self.taken),
                };
                fields::set(&mut record, id_field, &new_id).map_err(|e| e.to_string())?;
                Ok(RowOutcome::Add(record))
            }
            None => Ok(RowOutcome::Add(record)),
        }
    }

    /// A cell converted for `field`.
    fn convert(
        &self,
        field: &'static fields::Field,
        column: usize,
        cell: &str,
        notes: &mut Vec<String>,
    ) -> Result<Value, String> {
        if CELL_ERRORS.contains(&cell.trim()) {
            return Err(exchange::SPREADSHEET_ERROR.with(&[("cell", &cell.trim())]));
        }
        if cell.trim().is_empty() {
            return Ok(Value::Text(String::new()));
        }
        let text = match field.kind {
            FieldKind::Id => {
                let id = normalise_id(self.list, cell);
                if self.list == ListKind::Countries && !countries::is_valid_code(&id) {
                    return Err(exchange::NOT_A_COUNTRY_CODE.with(&[("cell", &cell)]));
                }
                id
            }
            FieldKind::Date => convert_date(cell, self.formats.date(column))?,
            FieldKind::Amount => {
                let amount = convert_amount(cell, self.formats.number(column))?;
                if let Some(note) = amount.rounded {
                    notes.push(at_column(&self.table.column_label(column), &note));
                }
                amount.euros
            }
            FieldKind::Country => self.context.country(cell)?,
            FieldKind::Reference(target) => match self.context.resolve(target, cell)? {
                Some(id) => {
                    if id != cell {
                        notes.push(exchange::IS_THE.with(&[
                            ("cell", &cell),
                            ("the_noun", &list_words(target).the),
                            ("id", &id),
                        ]));
                    }
                    id
                }
                None if target == ListKind::Companies => {
                    return Ok(Value::NewCompany(cell.to_owned()));
                }
                None => return Err(nothing_named(target, cell)),
            },
            FieldKind::References(target) => {
                let mut ids = Vec::new();
                for item in cell.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    match self.context.resolve(target, item)? {
                        Some(id) => ids.push(id),
                        None => return Err(nothing_named(target, item)),
                    }
                }
                ids.join(fields::LIST_SEPARATOR)
            }
            FieldKind::Text | FieldKind::LongText | FieldKind::Choice(_) | FieldKind::Tags => {
                cell.to_owned()
            }
        };
        Ok(Value::Text(text))
    }

    /// The existing record a row without id is about, by name (and country).
    fn match_by_name(
        &self,
        name: Option<String>,
        country: Option<String>,
        planned: &mut PlannedRow,
    ) -> Result<Option<usize>, String> {
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            return Ok(None);
        };
        let dataset = self.context.dataset;
        let list = self.list;
        let candidates: Vec<usize> = self
            .context
            .names
            .get(&list)
            .and_then(|m| m.get(&name_key(&name)))
            .map(|positions| {
                positions
                    .iter()
                    .copied()
                    .filter(|p| match (&country, record_country(dataset, list, *p)) {
                        (Some(wanted), Some(theirs)) if !theirs.is_empty() => wanted == theirs,
                        _ => true,
                    })
                    .collect()
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [] => Ok(None),
            [one] => {
                planned.notes.push(exchange::MATCHED_BY_NAME.with(&[
                    ("noun", &list_words(list).noun),
                    ("id", &self.context.id_at(list, *one)),
                ]));
                Ok(Some(*one))
            }
            several => Err(exchange::AMBIGUOUS_NAME.with(&[
                ("name", &name),
                ("plural", &list_words(list).plural),
                (
                    "ids",
                    &several
                        .iter()
                        .map(|p| self.context.id_at(list, *p))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ])),
        }
    }

    /// An existing record equal to `record` in every imported column.
    fn same_content(&mut self, record: &Record) -> Option<usize> {
        let list = self.list;
        let imported: Vec<&'static str> = fields::fields(list)
            .iter()
            .filter(|f| f.kind != FieldKind::Id && self.mapping.column_of(f.name).is_some())
            .map(|f| f.name)
            .collect();
        let key = |r: &Record| {
            imported
                .iter()
                .map(|name| fields::get(r, name).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\u{1f}")
        };
        let dataset = self.context.dataset;
        let contents = self.contents.get_or_insert_with(|| {
            let mut map = HashMap::new();
            for position in 0..list_len(dataset, list) {
                if let Some(existing) = Record::get(dataset, list, position) {
                    map.entry(key(&existing)).or_insert(position);
                }
            }
            map
        });
        contents.get(&key(record)).copied()
    }

    /// Registers (or finds) the new company `name`; returns its index.
    fn propose_company(&mut self, name: &str, index: usize, planned: &mut PlannedRow) -> usize {
        let row = self.table.row_number(index);
        let key = name_key(name);
        let company = match self.new_company_keys.get(&key) {
            Some(existing) => *existing,
            None => {
                let id = unique_slug(name, &mut self.company_ids, &mut self.company_sequence);
                self.new_companies.push(NewCompany {
                    id,
                    name: name.to_owned(),
                    country: None,
                    rows: Vec::new(),
                });
                let position = self.new_companies.len() - 1;
                self.new_company_keys.insert(key, position);
                position
            }
        };
        let country_cell = self
            .mapping
            .company_country
            .map(|column| (column, self.table.cell(index, column).trim()))
            .filter(|(_, cell)| !cell.is_empty());
        if let Some(new) = self.new_companies.get_mut(company) {
            new.rows.push(row);
            if new.country.is_none()
                && let Some((column, cell)) = country_cell
            {
                match self.context.country(cell) {
                    Ok(code) => new.country = Some(code),
                    Err(reason) => planned.notes.push(exchange::NEW_COMPANY_NO_COUNTRY.with(&[
                        ("column", &self.table.column_label(column)),
                        ("reason", &reason),
                        ("name", &name),
                    ])),
                }
            }
        }
        if !planned.new_companies.contains(&company) {
            planned.new_companies.push(company);
        }
        company
    }
}

/// An id as the list keeps it: trimmed; countries' codes upper case.
fn normalise_id(list: ListKind, cell: &str) -> String {
    let id = cell.trim();
    if list == ListKind::Countries {
        id.to_uppercase()
    } else {
        id.to_owned()
    }
}

fn nothing_named(target: ListKind, value: &str) -> String {
    exchange::NOTHING_NAMED.with(&[("value", &value), ("no_noun", &list_words(target).none)])
}

/// A problem or a note about a column: "column “Date”: …".
fn at_column(column: &str, text: &str) -> String {
    exchange::AT_PATH.with(&[("path", &column), ("what", &text)])
}

fn join_numbers(numbers: &[usize]) -> String {
    match numbers {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => exchange::AND.with(&[
            (
                "init",
                &init
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("last", last),
        ]),
    }
}

/// Two rows about the same existing record, or adding the same named
/// record, contradict each other: both are errors.
fn mark_collisions(plan: &mut Plan, dataset: &Dataset, same_content_rows: &HashSet<usize>) {
    let list = plan.list;
    let mut by_target: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, row) in plan.rows.iter().enumerate() {
        let target = match &row.outcome {
            RowOutcome::Update { index, .. } | RowOutcome::Unchanged { index } => {
                // Rows without id that equal an existing record are not a
                // contradiction: they both say what is already there.
                if same_content_rows.contains(&row.row) {
                    continue;
                }
                format!("existing {index}") // i18n: a key, not shown
            }
            RowOutcome::Add(record) if keyed_by_name(list) => {
                let name = fields::get(record, "name").unwrap_or_default();
                if name.is_empty() {
                    continue;
                }
                let country = fields::get(record, "country").unwrap_or_default();
                format!("new {}\u{1f}{country}", name_key(&name)) // i18n: a key, not shown
            }
            _ => continue,
        };
        by_target.entry(target).or_default().push(i);
    }
    let ids = list_ids(dataset, list);
    for rows in by_target.values().filter(|rows| rows.len() > 1) {
        let numbers: Vec<usize> = rows
            .iter()
            .filter_map(|i| plan.rows.get(*i).map(|r| r.row))
            .collect();
        let what = match plan
            .rows
            .get(rows.first().copied().unwrap_or(0))
            .map(|r| &r.outcome)
        {
            Some(RowOutcome::Update { index, .. } | RowOutcome::Unchanged { index }) => {
                exchange::ABOUT_THE.with(&[
                    ("the_noun", &list_words(list).the),
                    ("id", &ids.get(*index).copied().unwrap_or("")),
                ])
            }
            _ => exchange::ABOUT_SAME_NEW.with(&[("noun", &list_words(list).noun)]),
        };
        for i in rows {
            if let Some(row) = plan.rows.get_mut(*i) {
                row.outcome = RowOutcome::Error {
                    reason: exchange::ROWS_COLLIDE
                        .with(&[("rows", &join_numbers(&numbers)), ("what", &what)]),
                };
                row.new_companies.clear();
            }
        }
    }
}

/// Drops proposed companies that no importable row names any more.
fn prune_new_companies(plan: &mut Plan) {
    let mut used = vec![false; plan.new_companies.len()];
    for row in &plan.rows {
        for company in &row.new_companies {
            if let Some(slot) = used.get_mut(*company) {
                *slot = true;
            }
        }
    }
    if used.iter().all(|u| *u) {
        return;
    }
    let mut renumber = Vec::with_capacity(used.len());
    let mut kept = Vec::new();
    for (company, keep) in std::mem::take(&mut plan.new_companies)
        .into_iter()
        .zip(&used)
    {
        renumber.push(keep.then_some(kept.len()));
        if *keep {
            kept.push(company);
        }
    }
    plan.new_companies = kept;
    let row_numbers: Vec<(usize, Vec<usize>)> = plan
        .rows
        .iter()
        .map(|r| (r.row, r.new_companies.clone()))
        .collect();
    for row in &mut plan.rows {
        row.new_companies = row
            .new_companies
            .iter()
            .filter_map(|c| renumber.get(*c).copied().flatten())
            .collect();
    }
    for company in &mut plan.new_companies {
        company.rows.retain(|number| {
            row_numbers
                .iter()
                .any(|(row, companies)| row == number && !companies.is_empty())
        });
    }
}
