//! The one road for every change: an [`Edit`] applied to a [`Dataset`].
//!
//! Every modification the app makes (a form applied, a record added,
//! duplicated, deleted, zones reordered, an import) is an `Edit`. Applying
//! one returns its inverse, which is what undo applies; that gives undo/redo,
//! the unsaved mark and cache invalidation in one place ([`crate::workspace`]).
//!
//! Architecture invariant: no egui; an edit that cannot apply (an index out
//! of range, a record of the wrong kind) changes nothing and says why.

use crate::model::{
    Affiliate, Company, Contract, CountryNote, CountryZone, Dataset, Institute, ListKind, Meeting,
    Zone,
};

/// Any record of any list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A zone.
    Zone(Zone),
    /// A country's zone assignment.
    Country(CountryZone),
    /// An institute.
    Institute(Institute),
    /// An affiliate.
    Affiliate(Affiliate),
    /// A company.
    Company(Company),
    /// A meeting.
    Meeting(Meeting),
    /// A country note.
    CountryNote(CountryNote),
    /// A contract.
    Contract(Contract),
}

impl Record {
    /// The list this record belongs in.
    pub fn list(&self) -> ListKind {
        match self {
            Record::Zone(_) => ListKind::Zones,
            Record::Country(_) => ListKind::Countries,
            Record::Institute(_) => ListKind::Institutes,
            Record::Affiliate(_) => ListKind::Affiliates,
            Record::Company(_) => ListKind::Companies,
            Record::Meeting(_) => ListKind::Meetings,
            Record::CountryNote(_) => ListKind::CountryNotes,
            Record::Contract(_) => ListKind::Contracts,
        }
    }

    /// The record's id (the code for a country).
    pub fn id(&self) -> &str {
        match self {
            Record::Zone(r) => &r.id,
            Record::Country(r) => &r.code,
            Record::Institute(r) => &r.id,
            Record::Affiliate(r) => &r.id,
            Record::Company(r) => &r.id,
            Record::Meeting(r) => &r.id,
            Record::CountryNote(r) => &r.id,
            Record::Contract(r) => &r.id,
        }
    }

    /// The record at `index` of `list`, cloned.
    pub fn get(dataset: &Dataset, list: ListKind, index: usize) -> Option<Record> {
        Some(match list {
            ListKind::Zones => Record::Zone(dataset.zones.get(index)?.clone()),
            ListKind::Countries => Record::Country(dataset.countries.get(index)?.clone()),
            ListKind::Institutes => Record::Institute(dataset.institutes.get(index)?.clone()),
            ListKind::Affiliates => Record::Affiliate(dataset.affiliates.get(index)?.clone()),
            ListKind::Companies => Record::Company(dataset.companies.get(index)?.clone()),
            ListKind::Meetings => Record::Meeting(dataset.meetings.get(index)?.clone()),
            ListKind::CountryNotes => {
                Record::CountryNote(dataset.country_notes.get(index)?.clone())
            }
            ListKind::Contracts => Record::Contract(dataset.contracts.get(index)?.clone()),
        })
    }
}

/// A change to a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Insert `record` at `index` of its list (`index == len` appends).
    Insert {
        /// Position in the list.
        index: usize,
        /// The new record; its kind decides the list.
        record: Record,
    },
    /// Replace the record at `index` of its list by `record`.
    Replace {
        /// Position in the list.
        index: usize,
        /// The new version; its kind decides the list.
        record: Record,
    },
    /// Remove the record at `index` of `list`.
    Remove {
        /// The list.
        list: ListKind,
        /// Position in the list.
        index: usize,
    },
    /// Move the record at `from` to position `to` of `list` (e.g. reorder zones).
    Move {
        /// The list.
        list: ListKind,
        /// Where the record is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Set the file's title.
    SetTitle(Option<String>),
    /// Several edits applied in order, undone as one step.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied; the dataset is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The position is outside the list.
    #[error("{}", crate::i18n::catalogue::core::NO_SUCH_RECORD.with(&[("index", index), ("list", list), ("len", len)]))]
    OutOfRange {
        /// The list.
        list: ListKind,
        /// The position asked for.
        index: usize,
        /// The list's length.
        len: usize,
    },
}

/// Applies `edit` to `dataset` and returns the edit that undoes it.
///
/// On error nothing is changed (a failing batch is rolled back).
pub fn apply(dataset: &mut Dataset, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Insert { index, record } => {
            let list = record.list();
            insert(dataset, index, record)?;
            Ok(Edit::Remove { list, index })
        }
        Edit::Replace { index, record } => {
            let old = replace(dataset, index, record)?;
            Ok(Edit::Replace { index, record: old })
        }
        Edit::Remove { list, index } => {
            let old = remove(dataset, list, index)?;
            Ok(Edit::Insert { index, record: old })
        }
        Edit::Move { list, from, to } => {
            let len = list_len(dataset, list);
            for index in [from, to] {
                if index >= len {
                    return Err(EditError::OutOfRange { list, index, len });
                }
            }
            let record = remove(dataset, list, from)?;
            insert(dataset, to, record)?;
            Ok(Edit::Move {
                list,
                from: to,
                to: from,
            })
        }
        Edit::SetTitle(title) => Ok(Edit::SetTitle(std::mem::replace(&mut dataset.title, title))),
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply(dataset, edit) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(error) => {
                        // Roll back what was applied, newest first.
                        for inverse in inverses.into_iter().rev() {
                            apply(dataset, inverse).ok();
                        }
                        return Err(error);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
    }
}

/// The number of records of a list.
pub fn list_len(dataset: &Dataset, list: ListKind) -> usize {
    match list {
        ListKind::Zones => dataset.zones.len(),
        ListKind::Countries => dataset.countries.len(),
        ListKind::Institutes => dataset.institutes.len(),
        ListKind::Affiliates => dataset.affiliates.len(),
        ListKind::Companies => dataset.companies.len(),
        ListKind::Meetings => dataset.meetings.len(),
        ListKind::CountryNotes => dataset.country_notes.len(),
        ListKind::Contracts => dataset.contracts.len(),
    }
}

fn checked_insert<T>(
    list: &mut Vec<T>,
    kind: ListKind,
    index: usize,
    item: T,
) -> Result<(), EditError> {
    if index > list.len() {
        return Err(EditError::OutOfRange {
            list: kind,
            index,
            len: list.len(),
        });
    }
    list.insert(index, item);
    Ok(())
}

fn checked_replace<T>(
    list: &mut [T],
    kind: ListKind,
    index: usize,
    item: T,
) -> Result<T, EditError> {
    let len = list.len();
    match list.get_mut(index) {
        Some(slot) => Ok(std::mem::replace(slot, item)),
        None => Err(EditError::OutOfRange {
            list: kind,
            index,
            len,
        }),
    }
}

fn checked_remove<T>(list: &mut Vec<T>, kind: ListKind, index: usize) -> Result<T, EditError> {
    if index >= list.len() {
        return Err(EditError::OutOfRange {
            list: kind,
            index,
            len: list.len(),
        });
    }
    Ok(list.remove(index))
}

fn insert(d: &mut Dataset, index: usize, record: Record) -> Result<(), EditError> {
    let kind = record.list();
    match record {
        Record::Zone(r) => checked_insert(&mut d.zones, kind, index, r),
        Record::Country(r) => checked_insert(&mut d.countries, kind, index, r),
        Record::Institute(r) => checked_insert(&mut d.institutes, kind, index, r),
        Record::Affiliate(r) => checked_insert(&mut d.affiliates, kind, index, r),
        Record::Company(r) => checked_insert(&mut d.companies, kind, index, r),
        Record::Meeting(r) => checked_insert(&mut d.meetings, kind, index, r),
        Record::CountryNote(r) => checked_insert(&mut d.country_notes, kind, index, r),
        Record::Contract(r) => checked_insert(&mut d.contracts, kind, index, r),
    }
}

fn replace(d: &mut Dataset, index: usize, record: Record) -> Result<Record, EditError> {
    let kind = record.list();
    Ok(match record {
        Record::Zone(r) => Record::Zone(checked_replace(&mut d.zones, kind, index, r)?),
        Record::Country(r) => Record::Country(checked_replace(&mut d.countries, kind, index, r)?),
        Record::Institute(r) => {
            Record::Institute(checked_replace(&mut d.institutes, kind, index, r)?)
        }
        Record::Affiliate(r) => {
            Record::Affiliate(checked_replace(&mut d.affiliates, kind, index, r)?)
        }
        Record::Company(r) => Record::Company(checked_replace(&mut d.companies, kind, index, r)?),
        Record::Meeting(r) => Record::Meeting(checked_replace(&mut d.meetings, kind, index, r)?),
        Record::CountryNote(r) => {
            Record::CountryNote(checked_replace(&mut d.country_notes, kind, index, r)?)
        }
        Record::Contract(r) => Record::Contract(checked_replace(&mut d.contracts, kind, index, r)?),
    })
}

fn remove(d: &mut Dataset, list: ListKind, index: usize) -> Result<Record, EditError> {
    Ok(match list {
        ListKind::Zones => Record::Zone(checked_remove(&mut d.zones, list, index)?),
        ListKind::Countries => Record::Country(checked_remove(&mut d.countries, list, index)?),
        ListKind::Institutes => Record::Institute(checked_remove(&mut d.institutes, list, index)?),
        ListKind::Affiliates => Record::Affiliate(checked_remove(&mut d.affiliates, list, index)?),
        ListKind::Companies => Record::Company(checked_remove(&mut d.companies, list, index)?),
        ListKind::Meetings => Record::Meeting(checked_remove(&mut d.meetings, list, index)?),
        ListKind::CountryNotes => {
            Record::CountryNote(checked_remove(&mut d.country_notes, list, index)?)
        }
        ListKind::Contracts => Record::Contract(checked_remove(&mut d.contracts, list, index)?),
    })
}
