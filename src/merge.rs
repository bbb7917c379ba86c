//! Merging data files record by record and field by field.
//!
//! Two kinds of merge, both by record id within each list (a country's
//! `code`), never by line:
//! - **Two-way**, another office's file into mine ([`compare`], then
//!   [`merge_edit`]): their records that I do not have are added, records we
//!   both have are identical or in conflict, field by field, and a person
//!   chooses a side ([`Choices`]; mine unless told otherwise). Records only in
//!   mine stay: a file that lacks a record has not deleted it. The result is
//!   one [`Edit::Batch`], one undoable step in the app.
//! - **Three-way**, for git ([`merge3`]): given the common ancestor, a change
//!   made on one side only is taken, deletions included; a field changed
//!   differently on both sides, or a record deleted on one side and changed on
//!   the other, is a [`Conflict`]. The merged dataset is always a complete,
//!   valid data file (ours' value stands where there is a conflict), so git can
//!   leave it in the working tree for a person to finish in the app.
//!
//! Fields are compared as [`fields::get`] shows them, so two records that
//! differ only in ways the file cannot show (an empty contact and no contact)
//! are identical. A record that is taken whole from one side is copied as it
//! is; only a record combined from both sides goes through [`fields::set`].
//!
//! If a list repeats an id (a validation error), the n-th record with that id
//! on one side is paired with the n-th on the other, so nothing is dropped.
//!
//! Architecture invariant: no egui, no I/O (the command line in
//! [`crate::cli`] reads and writes the files); neither input is changed.

// Data from a file is read with `.get()`, never a panicking index.
#![deny(clippy::indexing_slicing)]

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::edit::{Edit, Record, list_len};
use crate::fields::{self, FieldError};
use crate::i18n::{self, catalogue::exchange};
use crate::model::{Dataset, FORMAT_VERSION, ListKind};
use crate::validate::{self, Problem, Severity};

/// Which version wins: the open file's (mine, ours) or the other one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Side {
    /// My version, the file being merged into (the default).
    #[default]
    Mine,
    /// The other office's version.
    Theirs,
}

/// One field whose text differs between my version of a record and theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDifference {
    /// The field, as named in the file (see [`fields::fields`]).
    pub field: &'static str,
    /// My value as text; `None` when absent.
    pub mine: Option<String>,
    /// Their value as text; `None` when absent.
    pub theirs: Option<String>,
}

/// A record both files have (same id) with different content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordConflict {
    /// The record's id (its code for a country).
    pub id: String,
    /// 0 for the first record with this id in the list; more only when the
    /// list repeats the id (a validation error).
    pub occurrence: usize,
    /// Their version, taken whole or field by field when chosen.
    pub theirs: Record,
    /// The fields that differ, in the file's order.
    pub fields: Vec<FieldDifference>,
}

/// How one list of their file compares with mine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListComparison {
    /// The list.
    pub list: ListKind,
    /// Their records that I do not have, in their order.
    pub new: Vec<Record>,
    /// How many of their records I have, identical field by field.
    pub identical: usize,
    /// Records we both have that differ, in their order.
    pub conflicts: Vec<RecordConflict>,
}

/// The file's title, when the two differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleDifference {
    /// My title.
    pub mine: Option<String>,
    /// Their title.
    pub theirs: Option<String>,
}

/// How another office's file compares with mine: what [`merge_edit`] would
/// add and what a person has to choose. Made by [`compare`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The titles, when they differ.
    pub title: Option<TitleDifference>,
    /// One entry per list, in the file's order ([`ListKind::ALL`]).
    pub lists: Vec<ListComparison>,
}

impl Comparison {
    /// The comparison of one list.
    pub fn list(&self, list: ListKind) -> Option<&ListComparison> {
        self.lists.iter().find(|l| l.list == list)
    }

    /// Their records that I do not have, over all lists.
    pub fn new_count(&self) -> usize {
        self.lists.iter().map(|l| l.new.len()).sum()
    }

    /// Records that differ, over all lists (the title not counted).
    pub fn conflict_count(&self) -> usize {
        self.lists.iter().map(|l| l.conflicts.len()).sum()
    }

    /// Whether merging would change nothing: no new record, no difference.
    pub fn is_same(&self) -> bool {
        self.title.is_none() && self.new_count() == 0 && self.conflict_count() == 0
    }
}

/// Compares another office's dataset (`theirs`) with mine, list by list and
/// record by record (by id).
///
/// Their records I do not have are new; records we both have are identical
/// or conflicting, with the fields that differ. Records only in mine are not
/// listed: a merge keeps them.
pub fn compare(mine: &Dataset, theirs: &Dataset) -> Comparison {
    let lists = ListKind::ALL
        .iter()
        .map(|&list| {
            let my_records = records(mine, list);
            let their_records = records(theirs, list);
            let mine_by_key = positions(&my_records);
            let mut comparison = ListComparison {
                list,
                new: Vec::new(),
                identical: 0,
                conflicts: Vec::new(),
            };
            for (key, their_record) in keyed(&their_records) {
                let Some(my_record) = mine_by_key
                    .get(&key)
                    .and_then(|&index| my_records.get(index))
                else {
                    comparison.new.push(their_record.clone());
                    continue;
                };
                let differences = differences(my_record, their_record);
                if differences.is_empty() {
                    comparison.identical += 1;
                } else {
                    comparison.conflicts.push(RecordConflict {
                        id: key.0.to_owned(),
                        occurrence: key.1,
                        theirs: their_record.clone(),
                        fields: differences,
                    });
                }
            }
            comparison
        })
        .collect();
    let title = (mine.title != theirs.title).then(|| TitleDifference {
        mine: mine.title.clone(),
        theirs: theirs.title.clone(),
    });
    Comparison { title, lists }
}

/// Who wins, record by record and field by field, in a two-way merge.
///
/// The default is what is safe without looking: every new record is added,
/// and mine wins every conflict and the title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// Whose title is kept when they differ.
    pub title: Side,
    records: HashMap<(ListKind, String), Side>,
    fields: HashMap<(ListKind, String, String), Side>,
    left_out: HashSet<(ListKind, String)>,
}

impl Choices {
    /// The same as [`Choices::default`]: add every new record, keep mine for
    /// every conflict.
    pub fn new() -> Self {
        Self::default()
    }

    /// Chooses a side for every field of a conflicting record, replacing any
    /// choice made field by field for it.
    pub fn choose_record(&mut self, list: ListKind, id: &str, side: Side) {
        self.fields.retain(|(l, i, _), _| !(*l == list && i == id));
        self.records.insert((list, id.to_owned()), side);
    }

    /// Chooses a side for one field of a conflicting record.
    pub fn choose_field(&mut self, list: ListKind, id: &str, field: &str, side: Side) {
        self.fields
            .insert((list, id.to_owned(), field.to_owned()), side);
    }

    /// The side chosen for a field of a record: its own choice, else the
    /// record's, else mine.
    pub fn side(&self, list: ListKind, id: &str, field: &str) -> Side {
        self.fields
            .get(&(list, id.to_owned(), field.to_owned()))
            .or_else(|| self.records.get(&(list, id.to_owned())))
            .copied()
            .unwrap_or_default()
    }

    /// Whether a new record (theirs only) is added; `add: false` leaves it out.
    pub fn set_add_new(&mut self, list: ListKind, id: &str, add: bool) {
        if add {
            self.left_out.remove(&(list, id.to_owned()));
        } else {
            self.left_out.insert((list, id.to_owned()));
        }
    }

    /// Whether a new record is added (yes unless left out).
    pub fn adds_new(&self, list: ListKind, id: &str) -> bool {
        !self.left_out.contains(&(list, id.to_owned()))
    }
}

/// The edit that merges their records into `mine` as `choices` say: one
/// [`Edit::Batch`] (one undoable step) that sets the title if theirs was
/// chosen, replaces each conflicting record by the version chosen field by
/// field, and inserts the new records at the end of their lists, in their
/// order.
///
/// `comparison` must be [`compare`]`(mine, theirs)` for this very `mine`
/// (compare again after any other edit). Conflicting records are found in
/// `mine` by id and combined with their current version; one no longer in
/// `mine` is not brought back. A field whose text cannot go into my record
/// (a required field they left empty) keeps mine.
pub fn merge_edit(mine: &Dataset, comparison: &Comparison, choices: &Choices) -> Edit {
    let mut edits = Vec::new();
    if let Some(title) = &comparison.title
        && choices.title == Side::Theirs
        && mine.title != title.theirs
    {
        edits.push(Edit::SetTitle(title.theirs.clone()));
    }
    for list_comparison in &comparison.lists {
        let list = list_comparison.list;
        let my_records = records(mine, list);
        let mine_by_key = positions(&my_records);
        for conflict in &list_comparison.conflicts {
            let key = (conflict.id.as_str(), conflict.occurrence);
            let Some((index, current)) = mine_by_key
                .get(&key)
                .and_then(|&index| Some((index, my_records.get(index)?)))
            else {
                continue;
            };
            let taken: Vec<&'static str> = differences(current, &conflict.theirs)
                .into_iter()
                .map(|d| d.field)
                .filter(|field| choices.side(list, &conflict.id, field) == Side::Theirs)
                .collect();
            let record = combine(current, &conflict.theirs, &taken)
                .unwrap_or_else(|_| combine_leniently(current, &conflict.theirs, &taken));
            if record != *current {
                edits.push(Edit::Replace { index, record });
            }
        }
        let mut end = list_len(mine, list);
        for record in &list_comparison.new {
            if !choices.adds_new(list, record.id()) {
                continue;
            }
            edits.push(Edit::Insert {
                index: end,
                record: record.clone(),
            });
            end += 1;
        }
    }
    Edit::Batch(edits)
}

/// Why a conflict is one, in a three-way merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// The field was changed on both sides, to different values; ours kept.
    ChangedOnBoth,
    /// Both sides added a record with this id, with different values in this
    /// field; ours kept.
    AddedOnBoth,
    /// Ours deleted the record, theirs changed this field: their record is
    /// kept (a deletion cannot be undone by anyone who did not see it).
    DeletedInOurs,
    /// Theirs deleted the record, ours changed this field: our record is kept.
    DeletedInTheirs,
    /// Their change could not be written into our version of the record (a
    /// required field left empty on one side); ours kept.
    NotCombined,
}

/// A field a three-way merge could not decide, with the three values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The record's list; `None` for the file's title.
    pub list: Option<ListKind>,
    /// The record's id (its code for a country); empty for the title.
    pub id: String,
    /// The field, as named in the file (`title` for the file's title).
    pub field: &'static str,
    /// What happened on each side.
    pub kind: ConflictKind,
    /// The common ancestor's value (`None` when absent, or when the record
    /// was added on both sides).
    pub base: Option<String>,
    /// Our value (`None` when absent, or when ours deleted the record).
    pub ours: Option<String>,
    /// Their value (`None` when absent, or when theirs deleted the record).
    pub theirs: Option<String>,
}

impl fmt::Display for Conflict {
    /// `meetings[m-0001].stage: changed on both sides: base "FollowUp",
    /// ours "Proposal", theirs "Negotiation"; ours kept`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = match self.list {
            Some(list) => format!("{list}[{}].{}", self.id, self.field),
            None => self.field.to_owned(),
        };
        let (base, ours, theirs) = (shown(&self.base), shown(&self.ours), shown(&self.theirs));
        let message = match self.kind {
            ConflictKind::ChangedOnBoth => exchange::CHANGED_ON_BOTH,
            ConflictKind::AddedOnBoth => exchange::ADDED_ON_BOTH,
            ConflictKind::DeletedInOurs => exchange::DELETED_IN_OURS,
            ConflictKind::DeletedInTheirs => exchange::DELETED_IN_THEIRS,
            ConflictKind::NotCombined => exchange::NOT_COMBINED,
        };
        let what = message.with(&[("base", &base), ("ours", &ours), ("theirs", &theirs)]);
        f.write_str(&exchange::AT_PATH.with(&[("path", &path), ("what", &what)]))
    }
}

/// The result of a three-way merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged data: complete and writable even with conflicts, holding
    /// ours' value wherever there is one.
    pub dataset: Dataset,
    /// What could not be decided, in file order (title first, then list by
    /// list); empty for a clean merge.
    pub conflicts: Vec<Conflict>,
}

/// Merges two versions of a file (`ours`, `theirs`) that both come from
/// `base`, record by record and field by field, as git's merge driver.
///
/// Per list, records are matched by id:
/// - a field changed on one side only takes that change; changed to the same
///   value on both is fine; changed differently is a conflict (ours kept);
/// - a record added on one side is added; added on both with the same id, it
///   is merged field by field as if the ancestor had it empty (so a field
///   only one side filled is taken, different values are conflicts);
/// - a record deleted on one side and unchanged on the other is deleted;
///   deleted on one side and changed on the other is a conflict, and the
///   changed record is kept;
/// - the result follows ours' order; records only theirs has (added, or
///   kept because they changed what ours deleted) follow, in their order.
///
/// The title merges like a field. `format` is [`FORMAT_VERSION`].
pub fn merge3(base: &Dataset, ours: &Dataset, theirs: &Dataset) -> Merged {
    let mut conflicts = Vec::new();
    let title = merge_value(&base.title, &ours.title, &theirs.title).unwrap_or_else(|| {
        conflicts.push(Conflict {
            list: None,
            id: String::new(),
            field: "title",
            kind: ConflictKind::ChangedOnBoth,
            base: base.title.clone(),
            ours: ours.title.clone(),
            theirs: theirs.title.clone(),
        });
        ours.title.clone()
    });
    let mut dataset = Dataset {
        format: FORMAT_VERSION,
        title,
        ..Dataset::default()
    };
    for list in ListKind::ALL {
        for record in merge_list(list, base, ours, theirs, &mut conflicts) {
            push(&mut dataset, record);
        }
    }
    Merged { dataset, conflicts }
}

/// Errors in `merged` that none of `sources` had (compared as text): what a
/// merge broke, such as a meeting added on one side for a company deleted on
/// the other.
pub fn new_errors(merged: &Dataset, sources: &[&Dataset]) -> Vec<Problem> {
    let errors: Vec<Problem> = validate::validate(merged)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        // The usual case: no need to check the sources.
        return errors;
    }
    let known: HashSet<String> = sources
        .iter()
        .flat_map(|d| validate::validate(d))
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    errors
        .into_iter()
        .filter(|p| !known.contains(&p.to_string()))
        .collect()
}

/// Writes what [`compare`] found, for a person: per list, the number of
/// new, identical and conflicting records, then each conflict field by field
/// (`companies[acme].name: mine "Acme", theirs "Acme Bio"`).
pub fn write_comparison(
    comparison: &Comparison,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for l in &comparison.lists {
        if l.new.is_empty() && l.identical == 0 && l.conflicts.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}",
            exchange::COMPARED_LIST.with(&[
                ("list", &l.list),
                ("new", &i18n::count(l.new.len() as u64)),
                ("identical", &i18n::count(l.identical as u64)),
                ("conflicting", &i18n::count(l.conflicts.len() as u64)),
            ])
        )?;
    }
    if let Some(title) = &comparison.title {
        writeln!(
            out,
            "{}",
            exchange::COMPARED_TITLE.with(&[
                ("mine", &shown(&title.mine)),
                ("theirs", &shown(&title.theirs)),
            ])
        )?;
    }
    for l in &comparison.lists {
        for conflict in &l.conflicts {
            for d in &conflict.fields {
                writeln!(
                    out,
                    "{}",
                    exchange::COMPARED_FIELD.with(&[
                        ("path", &format!("{}[{}].{}", l.list, conflict.id, d.field)),
                        ("mine", &shown(&d.mine)),
                        ("theirs", &shown(&d.theirs)),
                    ])
                )?;
            }
        }
    }
    Ok(())
}

/// A value for a person: quoted and escaped on one line, or `(absent)`.
fn shown(value: &Option<String>) -> String {
    match value {
        Some(text) => format!("{text:?}"),
        None => exchange::ABSENT.text().to_owned(),
    }
}

/// A record's key: its id and which occurrence of that id it is.
type Key<'a> = (&'a str, usize);

/// Every record of a list, cloned, in order.
fn records(dataset: &Dataset, list: ListKind) -> Vec<Record> {
    (0..list_len(dataset, list))
        .filter_map(|index| Record::get(dataset, list, index))
        .collect()
}

/// The records with their keys, in order.
fn keyed(records: &[Record]) -> Vec<(Key<'_>, &Record)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    records
        .iter()
        .map(|record| {
            let count = seen.entry(record.id()).or_insert(0);
            let key = (record.id(), *count);
            *count += 1;
            (key, record)
        })
        .collect()
}

/// Position of each record by key.
fn positions(records: &[Record]) -> HashMap<Key<'_>, usize> {
    keyed(records)
        .into_iter()
        .enumerate()
        .map(|(index, (key, _))| (key, index))
        .collect()
}

/// The fields whose text differs between two records of the same list.
fn differences(mine: &Record, theirs: &Record) -> Vec<FieldDifference> {
    if mine == theirs {
        return Vec::new();
    }
    fields::fields(mine.list())
        .iter()
        .filter_map(|f| {
            let (m, t) = (fields::get(mine, f.name), fields::get(theirs, f.name));
            (m != t).then_some(FieldDifference {
                field: f.name,
                mine: m,
                theirs: t,
            })
        })
        .collect()
}

/// `mine` with the fields `taken` from `theirs`.
///
/// A record that ends up equal to one side field by field is that side's
/// record, copied whole (nothing goes through text). Otherwise the fields are
/// written into mine with [`fields::set`], or, if one cannot be (a required
/// field left empty), mine's fields are written into theirs.
fn combine(mine: &Record, theirs: &Record, taken: &[&'static str]) -> Result<Record, FieldError> {
    if taken.is_empty() {
        return Ok(mine.clone());
    }
    let kept: Vec<&'static str> = differences(mine, theirs)
        .into_iter()
        .map(|d| d.field)
        .filter(|field| !taken.contains(field))
        .collect();
    if kept.is_empty() {
        return Ok(theirs.clone());
    }
    copy_fields(mine, theirs, taken).or_else(|_| copy_fields(theirs, mine, &kept))
}

/// [`combine`], taking each field that can be taken and keeping mine for
/// the others.
fn combine_leniently(mine: &Record, theirs: &Record, taken: &[&'static str]) -> Record {
    let mut record = mine.clone();
    for field in taken {
        let mut attempt = record.clone();
        if fields::set(
            &mut attempt,
            field,
            &fields::get(theirs, field).unwrap_or_default(),
        )
        .is_ok()
        {
            record = attempt;
        }
    }
    record
}

/// `into` with `names` copied from `from`, through text.
fn copy_fields(into: &Record, from: &Record, names: &[&'static str]) -> Result<Record, FieldError> {
    let mut record = into.clone();
    for name in names {
        fields::set(
            &mut record,
            name,
            &fields::get(from, name).unwrap_or_default(),
        )?;
    }
    Ok(record)
}

/// The three-way merge of one value: `None` when both sides changed it
/// differently.
fn merge_value<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    if ours == theirs || theirs == base {
        Some(ours.clone())
    } else if ours == base {
        Some(theirs.clone())
    } else {
        None
    }
}

/// One list of a three-way merge: the records of the result, in order.
fn merge_list(
    list: ListKind,
    base: &Dataset,
    ours: &Dataset,
    theirs: &Dataset,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Record> {
    let base_records = records(base, list);
    let our_records = records(ours, list);
    let their_records = records(theirs, list);
    let base_by_key = positions(&base_records);
    let ours_by_key = positions(&our_records);
    let theirs_by_key = positions(&their_records);
    fn find<'r>(
        by_key: &HashMap<Key<'_>, usize>,
        all: &'r [Record],
        key: &Key<'_>,
    ) -> Option<&'r Record> {
        by_key.get(key).and_then(|&index| all.get(index))
    }

    let mut merged = Vec::with_capacity(our_records.len().max(their_records.len()));
    for (key, our_record) in keyed(&our_records) {
        let base_record = find(&base_by_key, &base_records, &key);
        let their_record = find(&theirs_by_key, &their_records, &key);
        match (base_record, their_record) {
            (base_record, Some(their_record)) => merged.push(merge_record(
                base_record,
                our_record,
                their_record,
                conflicts,
            )),
            (Some(base_record), None) => {
                // Deleted in theirs: gone, unless ours changed it.
                let changed = differences(base_record, our_record);
                if !changed.is_empty() {
                    conflicts.extend(changed.into_iter().map(|d| Conflict {
                        list: Some(list),
                        id: key.0.to_owned(),
                        field: d.field,
                        kind: ConflictKind::DeletedInTheirs,
                        base: d.mine,
                        ours: d.theirs,
                        theirs: None,
                    }));
                    merged.push(our_record.clone());
                }
            }
            (None, None) => merged.push(our_record.clone()),
        }
    }
    for (key, their_record) in keyed(&their_records) {
        if ours_by_key.contains_key(&key) {
            continue;
        }
        match find(&base_by_key, &base_records, &key) {
            None => merged.push(their_record.clone()),
            Some(base_record) => {
                // Deleted in ours: gone, unless theirs changed it.
                let changed = differences(base_record, their_record);
                if !changed.is_empty() {
                    conflicts.extend(changed.into_iter().map(|d| Conflict {
                        list: Some(list),
                        id: key.0.to_owned(),
                        field: d.field,
                        kind: ConflictKind::DeletedInOurs,
                        base: d.mine,
                        ours: None,
                        theirs: d.theirs,
                    }));
                    merged.push(their_record.clone());
                }
            }
        }
    }
    merged
}

/// One record both sides have, merged field by field against `base` (`None`:
/// added on both sides, merged against an empty record).
fn merge_record(
    base: Option<&Record>,
    ours: &Record,
    theirs: &Record,
    conflicts: &mut Vec<Conflict>,
) -> Record {
    if ours == theirs {
        return ours.clone();
    }
    if let Some(base) = base {
        if base == ours {
            return theirs.clone();
        }
        if base == theirs {
            return ours.clone();
        }
    }
    let list = ours.list();
    let kind = if base.is_some() {
        ConflictKind::ChangedOnBoth
    } else {
        ConflictKind::AddedOnBoth
    };
    let mut taken = Vec::new();
    for d in differences(ours, theirs) {
        let base_value = base.and_then(|b| fields::get(b, d.field));
        match merge_value(&base_value, &d.mine, &d.theirs) {
            Some(value) if value == d.theirs => taken.push(d.field),
            Some(_) => {}
            None => conflicts.push(Conflict {
                list: Some(list),
                id: ours.id().to_owned(),
                field: d.field,
                kind,
                base: base_value,
                ours: d.mine,
                theirs: d.theirs,
            }),
        }
    }
    match combine(ours, theirs, &taken) {
        Ok(record) => record,
        Err(_) => {
            conflicts.extend(taken.iter().map(|field| Conflict {
                list: Some(list),
                id: ours.id().to_owned(),
                field,
                kind: ConflictKind::NotCombined,
                base: base.and_then(|b| fields::get(b, field)),
                ours: fields::get(ours, field),
                theirs: fields::get(theirs, field),
            }));
            ours.clone()
        }
    }
}

/// Appends a record to its list.
fn push(dataset: &mut Dataset, record: Record) {
    match record {
        Record::Zone(r) => dataset.zones.push(r),
        Record::Country(r) => dataset.countries.push(r),
        Record::Institute(r) => dataset.institutes.push(r),
        Record::Affiliate(r) => dataset.affiliates.push(r),
        Record::Company(r) => dataset.companies.push(r),
        Record::Meeting(r) => dataset.meetings.push(r),
        Record::CountryNote(r) => dataset.country_notes.push(r),
        Record::Contract(r) => dataset.contracts.push(r),
    }
}
