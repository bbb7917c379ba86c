//! Deleting a record without leaving references to nothing.
//!
//! [`plan_delete`] finds what refers to a record and builds ONE [`Edit`]
//! that deletes it and mends those references: an optional reference is
//! cleared (a meeting's affiliate, an institute in a list, a contract's
//! meeting), a record that cannot exist without it is deleted too (the
//! meetings of a deleted company), and a contract whose company goes keeps
//! its amount but loses the company (validation then lists it). The user
//! sees the plan's consequences before confirming.
//!
//! Architecture invariant: pure, no egui.

use std::collections::{BTreeMap, BTreeSet};

use crate::edit::{Edit, Record};
use crate::lookup::{Lookup, Reference};
use crate::model::{Dataset, ListKind};

/// What deleting a record implies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletePlan {
    /// The list of the record.
    pub list: ListKind,
    /// Its position.
    pub index: usize,
    /// Its id.
    pub record_id: String,
    /// Every reference to it.
    pub references: Vec<Reference>,
    /// Other records deleted with it (e.g. a company's meetings).
    pub also_deleted: Vec<(ListKind, usize)>,
    /// Records whose reference is cleared: list, position, field.
    pub cleared: Vec<(ListKind, usize, &'static str)>,
    /// The one edit doing all of it.
    pub edit: Edit,
}

/// Plans deleting the record at `index` of `list`; `None` if there is none.
pub fn plan_delete(dataset: &Dataset, list: ListKind, index: usize) -> Option<DeletePlan> {
    let record = Record::get(dataset, list, index)?;
    let record_id = record.id().to_owned();
    let references = Lookup::references_to(dataset, list, &record_id);

    let mut removed: BTreeMap<ListKind, BTreeSet<usize>> = BTreeMap::new();
    removed.entry(list).or_default().insert(index);
    // A company's meetings cannot exist without it.
    if list == ListKind::Companies {
        for r in &references {
            if r.list == ListKind::Meetings {
                removed
                    .entry(ListKind::Meetings)
                    .or_default()
                    .insert(r.index);
            }
        }
    }
    // Contracts pointing at a removed meeting lose that link.
    let removed_meeting_ids: BTreeSet<&str> = removed
        .get(&ListKind::Meetings)
        .map(|set| {
            set.iter()
                .filter_map(|i| dataset.meetings.get(*i).map(|m| m.id.as_str()))
                .collect()
        })
        .unwrap_or_default();

    let mut replaces: Vec<Edit> = Vec::new();
    let mut cleared = Vec::new();
    let is_removed = |l: ListKind, i: usize| removed.get(&l).is_some_and(|set| set.contains(&i));
    let id = record_id.as_str();

    for (i, c) in dataset.contracts.iter().enumerate() {
        if is_removed(ListKind::Contracts, i) {
            continue;
        }
        let mut new = c.clone();
        let mut fields = Vec::new();
        if list == ListKind::Companies && c.company.as_deref() == Some(id) {
            new.company = None;
            fields.push("company");
        }
        if c.meeting.as_deref().is_some_and(|m| {
            (list == ListKind::Meetings && m == id) || removed_meeting_ids.contains(m)
        }) {
            new.meeting = None;
            fields.push("meeting");
        }
        if list == ListKind::Institutes && new.institutes.iter().any(|x| x == id) {
            new.institutes.retain(|x| x != id);
            fields.push("institutes");
        }
        if !fields.is_empty() {
            cleared.extend(fields.into_iter().map(|f| (ListKind::Contracts, i, f)));
            replaces.push(Edit::Replace {
                index: i,
                record: Record::Contract(new),
            });
        }
    }
    for (i, m) in dataset.meetings.iter().enumerate() {
        if is_removed(ListKind::Meetings, i) {
            continue;
        }
        let mut new = m.clone();
        let mut fields = Vec::new();
        if list == ListKind::Affiliates && m.affiliate.as_deref() == Some(id) {
            new.affiliate = None;
            fields.push("affiliate");
        }
        if list == ListKind::Institutes && m.institutes.iter().any(|x| x == id) {
            new.institutes.retain(|x| x != id);
            fields.push("institutes");
        }
        if !fields.is_empty() {
            cleared.extend(fields.into_iter().map(|f| (ListKind::Meetings, i, f)));
            replaces.push(Edit::Replace {
                index: i,
                record: Record::Meeting(new),
            });
        }
    }
    if list == ListKind::Institutes {
        for (i, a) in dataset.affiliates.iter().enumerate() {
            if a.institutes.iter().any(|x| x == id) {
                let mut new = a.clone();
                new.institutes.retain(|x| x != id);
                cleared.push((ListKind::Affiliates, i, "institutes"));
                replaces.push(Edit::Replace {
                    index: i,
                    record: Record::Affiliate(new),
                });
            }
        }
    }
    if list == ListKind::Zones {
        for (i, c) in dataset.countries.iter().enumerate() {
            if c.zone.as_deref() == Some(id) {
                let mut new = c.clone();
                new.zone = None;
                cleared.push((ListKind::Countries, i, "zone"));
                replaces.push(Edit::Replace {
                    index: i,
                    record: Record::Country(new),
                });
            }
        }
    }

    // Replacements first (positions still valid), then removals from the
    // end of each list so that earlier positions do not shift.
    let mut edits = replaces;
    let mut also_deleted = Vec::new();
    for (l, set) in &removed {
        for i in set.iter().rev() {
            if (*l, *i) != (list, index) {
                also_deleted.push((*l, *i));
            }
            edits.push(Edit::Remove {
                list: *l,
                index: *i,
            });
        }
    }
    also_deleted.sort_unstable();
    Some(DeletePlan {
        list,
        index,
        record_id,
        references,
        also_deleted,
        cleared,
        edit: Edit::Batch(edits),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::format::parse_str;
    use crate::validate::validate;

    const FILE: &str = r#"(
        format: 1,
        institutes: [(id: "i1"), (id: "i2")],
        affiliates: [(id: "boston", name: "Boston", country: "US", institutes: ["i1", "i2"])],
        companies: [(id: "acme"), (id: "other")],
        meetings: [
            (id: "m1", date: "2015-01-01", company: "acme", affiliate: "boston", institutes: ["i1"]),
            (id: "m2", date: "2015-01-02", company: "other", affiliate: "boston"),
            (id: "m3", date: "2015-01-03", company: "acme"),
        ],
        contracts: [
            (id: "c1", kind: Bilateral, company: "acme", meeting: "m3", institutes: ["i1"]),
            (id: "c2", kind: Bilateral, company: "other", meeting: "m2"),
        ],
    )"#;

    fn data() -> Dataset {
        parse_str(FILE).map(|p| p.dataset).unwrap_or_default()
    }

    fn errors(d: &Dataset) -> Vec<String> {
        validate(d)
            .into_iter()
            .filter(|p| p.severity == crate::validate::Severity::Error)
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn deleting_a_company_deletes_its_meetings_and_unlinks_its_contracts() {
        let mut d = data();
        let plan = plan_delete(&d, ListKind::Companies, 0).unwrap();
        assert_eq!(plan.references.len(), 3, "m1, m3 and c1 refer to acme");
        assert_eq!(
            plan.also_deleted,
            vec![(ListKind::Meetings, 0), (ListKind::Meetings, 2)]
        );
        assert_eq!(
            plan.cleared,
            vec![
                (ListKind::Contracts, 0, "company"),
                (ListKind::Contracts, 0, "meeting")
            ]
        );
        let original = d.clone();
        let inverse = apply(&mut d, plan.edit).unwrap();
        assert_eq!(d.companies.len(), 1);
        let ids: Vec<&str> = d.meetings.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["m2"]);
        assert_eq!(d.contracts[0].company, None);
        assert_eq!(d.contracts[0].meeting, None);
        // No reference to nothing is left; the contract without company is reported.
        assert_eq!(
            errors(&d),
            vec!["contracts[c1].company: a Bilateral contract needs the company that finances it"]
        );
        apply(&mut d, inverse).unwrap();
        assert_eq!(d, original, "one undo brings everything back");
    }

    #[test]
    fn deleting_an_institute_or_affiliate_clears_the_references_only() {
        let mut d = data();
        let plan = plan_delete(&d, ListKind::Institutes, 0).unwrap();
        assert!(plan.also_deleted.is_empty());
        apply(&mut d, plan.edit).unwrap();
        assert_eq!(d.affiliates[0].institutes, vec!["i2".to_owned()]);
        assert!(d.meetings[0].institutes.is_empty());
        assert!(d.contracts[0].institutes.is_empty());
        assert!(errors(&d).is_empty(), "{:?}", errors(&d));

        let plan = plan_delete(&d, ListKind::Affiliates, 0).unwrap();
        apply(&mut d, plan.edit).unwrap();
        assert!(d.meetings.iter().all(|m| m.affiliate.is_none()));
        assert_eq!(d.meetings.len(), 3);
        assert!(errors(&d).is_empty(), "{:?}", errors(&d));
    }

    #[test]
    fn deleting_a_meeting_unlinks_the_contract_that_came_of_it() {
        let mut d = data();
        let plan = plan_delete(&d, ListKind::Meetings, 1).unwrap();
        apply(&mut d, plan.edit).unwrap();
        assert_eq!(d.contracts[1].meeting, None);
        assert!(errors(&d).is_empty(), "{:?}", errors(&d));
    }
}
