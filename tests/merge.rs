//! Merging data files by record and field: comparing another office's file
//! with mine and merging it as one undoable edit, the three-way merge behind
//! git's merge driver, and the `merge` / `merge-driver` commands.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use liaison_desk::cli::{self, Command};
use liaison_desk::edit::{Edit, Record, apply};
use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::merge::{
    Choices, Comparison, ConflictKind, FieldDifference, Merged, Side, compare, merge_edit, merge3,
};
use liaison_desk::model::{Company, Dataset, ListKind, Meeting, Stage};
use liaison_desk::validate::{self, Severity};

/// The common ancestor of every case.
const BASE: &str = r#"(
    format: 1,
    title: "Liaison",
    zones: [(id: "europe", name: "Europe"), (id: "north-america", name: "North America")],
    countries: [(code: "US", zone: "north-america"), (code: "DE", zone: "europe"), (code: "FR", zone: "europe")],
    institutes: [(id: "curie", name: "Carnot Curie Cancer")],
    affiliates: [
        (id: "boston", name: "Carnot office Boston", country: "US", city: "Boston",
         contact: (name: "Claire", email: "claire@example.org", phone: "+1 617 555 0142")),
    ],
    companies: [
        (id: "acme", name: "Acme Bio", country: "US", sector: "Biotech"),
        (id: "rhein", name: "Rhein GmbH", country: "DE"),
    ],
    meetings: [
        (id: "m-1", date: "2015-01-10", company: "acme", affiliate: "boston", topic: "Biomarkers", stage: FirstContact),
        (id: "m-2", date: "2015-02-10", company: "rhein", topic: "Sensors", stage: FirstContact),
        (id: "m-3", date: "2015-03-10", company: "acme", topic: "Imaging", stage: FollowUp),
    ],
    contracts: [
        (id: "c-1", title: "Biomarker programme", kind: Bilateral, company: "acme", amount_eur: 100000, meeting: "m-1"),
    ],
)"#;

fn base() -> Dataset {
    parse_str(BASE).expect("the base parses").dataset
}

fn meeting<'a>(dataset: &'a mut Dataset, id: &str) -> &'a mut Meeting {
    dataset
        .meetings
        .iter_mut()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("no meeting {id}"))
}

fn company<'a>(dataset: &'a mut Dataset, id: &str) -> &'a mut Company {
    dataset
        .companies
        .iter_mut()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no company {id}"))
}

fn new_company(id: &str, name: &str) -> Company {
    Company {
        id: id.to_owned(),
        name: Some(name.to_owned()),
        country: Some("FR".to_owned()),
        sector: None,
        size: None,
        website: None,
    }
}

fn new_meeting(id: &str, company: &str) -> Meeting {
    let mut m = base().meetings[1].clone();
    m.id = id.to_owned();
    m.company = company.to_owned();
    m.topic = Some(format!("Topic of {id}"));
    m
}

fn ids<T>(records: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    records.iter().map(|r| id(r).to_owned()).collect()
}

fn meeting_ids(dataset: &Dataset) -> Vec<String> {
    ids(&dataset.meetings, |m| &m.id)
}

fn text(value: &str) -> Option<String> {
    Some(value.to_owned())
}

// ---------------------------------------------------------------- two-way

/// Two offices' copies of the base that diverged: mine changed a meeting's
/// topic and added a company; theirs changed the same meeting's topic and
/// stage, renamed a company, added a company and a meeting for it, and
/// changed the title.
fn diverged() -> (Dataset, Dataset) {
    let mut mine = base();
    meeting(&mut mine, "m-1").topic = text("Liquid biopsy");
    mine.companies
        .push(new_company("mine-only", "Mine Only SA"));

    let mut theirs = base();
    meeting(&mut theirs, "m-1").topic = text("Blood biomarkers");
    meeting(&mut theirs, "m-1").stage = Some(Stage::Proposal);
    company(&mut theirs, "rhein").name = text("Rhein Sensorik GmbH");
    theirs.companies.push(new_company("lyon-co", "Lyon Co"));
    theirs.meetings.push(new_meeting("m-4", "lyon-co"));
    theirs.title = text("Liaison (Munich)");
    (mine, theirs)
}

fn counts(comparison: &Comparison, list: ListKind) -> (usize, usize, usize) {
    let l = comparison.list(list).expect("every list is compared");
    (l.new.len(), l.identical, l.conflicts.len())
}

#[test]
fn comparison_counts_new_identical_and_conflicting_records_per_list() {
    let (mine, theirs) = diverged();
    let comparison = compare(&mine, &theirs);

    assert_eq!(counts(&comparison, ListKind::Companies), (1, 1, 1));
    assert_eq!(counts(&comparison, ListKind::Meetings), (1, 2, 1));
    assert_eq!(counts(&comparison, ListKind::Countries), (0, 3, 0));
    assert_eq!(counts(&comparison, ListKind::CountryNotes), (0, 0, 0));
    assert_eq!(comparison.new_count(), 2);
    assert_eq!(comparison.conflict_count(), 2);
    assert_eq!(comparison.lists.len(), ListKind::ALL.len());

    let companies = comparison.list(ListKind::Companies).unwrap();
    assert_eq!(companies.new[0].id(), "lyon-co");
    let title = comparison.title.as_ref().expect("the titles differ");
    assert_eq!(title.mine, text("Liaison"));
    assert_eq!(title.theirs, text("Liaison (Munich)"));
}

#[test]
fn a_conflict_lists_each_differing_field_with_both_texts() {
    let (mine, theirs) = diverged();
    let comparison = compare(&mine, &theirs);
    let meetings = comparison.list(ListKind::Meetings).unwrap();
    let conflict = &meetings.conflicts[0];
    assert_eq!(conflict.id, "m-1");
    assert_eq!(
        conflict.fields,
        vec![
            FieldDifference {
                field: "topic",
                mine: text("Liquid biopsy"),
                theirs: text("Blood biomarkers"),
            },
            FieldDifference {
                field: "stage",
                mine: text("FirstContact"),
                theirs: text("Proposal"),
            },
        ]
    );
    let companies = comparison.list(ListKind::Companies).unwrap();
    assert_eq!(companies.conflicts[0].id, "rhein");
    assert_eq!(companies.conflicts[0].fields.len(), 1);
    assert_eq!(companies.conflicts[0].fields[0].field, "name");
}

#[test]
fn records_only_in_mine_are_kept_and_not_reported() {
    let (mine, theirs) = diverged();
    let comparison = compare(&mine, &theirs);
    let mut merged = mine.clone();
    apply(
        &mut merged,
        merge_edit(&mine, &comparison, &Choices::default()),
    )
    .unwrap();
    assert!(merged.companies.iter().any(|c| c.id == "mine-only"));
    // Theirs lacks `mine-only`: it is neither new nor a conflict.
    let companies = comparison.list(ListKind::Companies).unwrap();
    assert!(companies.new.iter().all(|r| r.id() != "mine-only"));
    assert!(companies.conflicts.iter().all(|c| c.id != "mine-only"));
}

#[test]
fn default_merge_adds_new_records_at_the_end_keeps_mine_and_undoes_in_one_step() {
    let (mine, theirs) = diverged();
    let comparison = compare(&mine, &theirs);
    let edit = merge_edit(&mine, &comparison, &Choices::default());
    assert!(matches!(edit, Edit::Batch(_)), "one undoable step");

    let mut merged = mine.clone();
    let inverse = apply(&mut merged, edit).expect("the merge applies");

    let mut expected = mine.clone();
    expected.companies.push(new_company("lyon-co", "Lyon Co"));
    expected.meetings.push(new_meeting("m-4", "lyon-co"));
    assert_eq!(merged, expected);

    apply(&mut merged, inverse).expect("the inverse applies");
    assert_eq!(merged, mine, "undo restores mine exactly");
}

#[test]
fn choices_take_theirs_by_record_by_field_and_leave_out_new_records() {
    let (mine, theirs) = diverged();
    let comparison = compare(&mine, &theirs);
    let mut choices = Choices::new();
    choices.choose_record(ListKind::Companies, "rhein", Side::Theirs);
    choices.choose_field(ListKind::Meetings, "m-1", "stage", Side::Theirs);
    choices.set_add_new(ListKind::Meetings, "m-4", false);
    choices.title = Side::Theirs;
    assert_eq!(choices.side(ListKind::Meetings, "m-1", "topic"), Side::Mine);
    assert!(!choices.adds_new(ListKind::Meetings, "m-4"));
    assert!(choices.adds_new(ListKind::Companies, "lyon-co"));

    let mut merged = mine.clone();
    let inverse = apply(&mut merged, merge_edit(&mine, &comparison, &choices)).unwrap();

    let mut expected = mine.clone();
    expected.title = text("Liaison (Munich)");
    company(&mut expected, "rhein").name = text("Rhein Sensorik GmbH");
    // Mine's topic, their stage: one record combined field by field.
    meeting(&mut expected, "m-1").stage = Some(Stage::Proposal);
    expected.companies.push(new_company("lyon-co", "Lyon Co"));
    assert_eq!(merged, expected);

    apply(&mut merged, inverse).unwrap();
    assert_eq!(merged, mine);
}

#[test]
fn a_record_choice_replaces_earlier_field_choices() {
    let mut choices = Choices::new();
    choices.choose_field(ListKind::Meetings, "m-1", "stage", Side::Theirs);
    choices.choose_record(ListKind::Meetings, "m-1", Side::Mine);
    assert_eq!(choices.side(ListKind::Meetings, "m-1", "stage"), Side::Mine);
    choices.choose_record(ListKind::Meetings, "m-1", Side::Theirs);
    choices.choose_field(ListKind::Meetings, "m-1", "topic", Side::Mine);
    assert_eq!(
        choices.side(ListKind::Meetings, "m-1", "stage"),
        Side::Theirs
    );
    assert_eq!(choices.side(ListKind::Meetings, "m-1", "topic"), Side::Mine);
}

#[test]
fn comparing_a_file_with_itself_finds_nothing_to_do() {
    let sample = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    let comparison = compare(&sample, &sample);
    assert!(comparison.is_same());
    assert_eq!(
        merge_edit(&sample, &comparison, &Choices::default()),
        Edit::Batch(Vec::new())
    );
}

// -------------------------------------------------------------- three-way

fn clean(merged: Merged) -> Dataset {
    assert_eq!(merged.conflicts, Vec::new(), "no conflict expected");
    merged.dataset
}

/// Every merged file must be writable, readable back unchanged, and not
/// worse than its inputs.
fn assert_sound(merged: &Dataset, inputs: &[&Dataset]) {
    let text = to_ron_string(merged);
    let reread = parse_str(&text)
        .expect("the merged file reads back")
        .dataset;
    assert_eq!(&reread, merged, "round trip");
    assert_eq!(merged.format, 1);
    let errors = |d: &Dataset| {
        validate::validate(d)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    };
    let before = inputs.iter().map(|d| errors(d)).max().unwrap_or(0);
    assert!(
        errors(merged) <= before,
        "new errors: {:?}",
        validate::validate(merged)
    );
}

#[test]
fn edits_to_different_records_are_both_taken() {
    let base = base();
    let mut ours = base.clone();
    meeting(&mut ours, "m-1").topic = text("Ours");
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-2").topic = text("Theirs");

    let merged = clean(merge3(&base, &ours, &theirs));
    let mut expected = ours.clone();
    meeting(&mut expected, "m-2").topic = text("Theirs");
    assert_eq!(merged, expected);
    assert_sound(&merged, &[&base, &ours, &theirs]);
}

#[test]
fn edits_to_different_fields_of_one_record_are_both_taken() {
    let base = base();
    let mut ours = base.clone();
    meeting(&mut ours, "m-1").topic = text("Ours");
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-1").stage = Some(Stage::Negotiation);
    meeting(&mut theirs, "m-1").value_eur = Some(250_000);

    let merged = clean(merge3(&base, &ours, &theirs));
    let mut expected = ours.clone();
    meeting(&mut expected, "m-1").stage = Some(Stage::Negotiation);
    meeting(&mut expected, "m-1").value_eur = Some(250_000);
    assert_eq!(merged, expected);
    assert_sound(&merged, &[&base, &ours, &theirs]);
}

#[test]
fn different_parts_of_an_affiliates_contact_are_both_taken() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.affiliates[0].contact.as_mut().unwrap().email = text("c.dubois@example.org");
    theirs.affiliates[0].contact.as_mut().unwrap().phone = None;

    let merged = clean(merge3(&base, &ours, &theirs));
    let contact = merged.affiliates[0].contact.clone().unwrap();
    assert_eq!(contact.email, text("c.dubois@example.org"));
    assert_eq!(contact.phone, None);
    assert_eq!(contact.name, text("Claire"));
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = base();
    let mut ours = base.clone();
    meeting(&mut ours, "m-2").stage = Some(Stage::Closed);
    meeting(&mut ours, "m-3").topic = text("Ours only");
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-2").stage = Some(Stage::Closed);

    let merged = clean(merge3(&base, &ours, &theirs));
    assert_eq!(merged, ours);
}

#[test]
fn a_record_deleted_on_one_side_and_unchanged_on_the_other_is_deleted() {
    let base = base();
    let mut ours = base.clone();
    ours.meetings.retain(|m| m.id != "m-2");
    let mut theirs = base.clone();
    theirs.meetings.retain(|m| m.id != "m-3");
    meeting(&mut theirs, "m-1").topic = text("Theirs");

    let merged = clean(merge3(&base, &ours, &theirs));
    assert_eq!(meeting_ids(&merged), ["m-1"]);
    assert_eq!(merged.meetings[0].topic, text("Theirs"));
    assert_sound(&merged, &[&base, &ours, &theirs]);
}

#[test]
fn a_record_deleted_on_one_side_and_changed_on_the_other_is_kept_as_a_conflict() {
    let base = base();
    // Ours deleted m-3, theirs changed it.
    let mut ours = base.clone();
    ours.meetings.retain(|m| m.id != "m-3");
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-3").topic = text("Imaging, second round");

    let merged = merge3(&base, &ours, &theirs);
    assert_eq!(meeting_ids(&merged.dataset), ["m-1", "m-2", "m-3"]);
    assert_eq!(
        merged.dataset.meetings[2].topic,
        text("Imaging, second round")
    );
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::DeletedInOurs);
    assert_eq!(
        (conflict.list, conflict.id.as_str(), conflict.field),
        (Some(ListKind::Meetings), "m-3", "topic")
    );
    assert_eq!(conflict.base, text("Imaging"));
    assert_eq!(conflict.ours, None);
    assert_eq!(conflict.theirs, text("Imaging, second round"));

    // And the other way round: ours changed what theirs deleted.
    let merged = merge3(&base, &theirs, &ours);
    assert_eq!(meeting_ids(&merged.dataset), ["m-1", "m-2", "m-3"]);
    assert_eq!(
        merged.dataset.meetings[2].topic,
        text("Imaging, second round")
    );
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::DeletedInTheirs);
    assert_sound(&merged.dataset, &[&base, &ours, &theirs]);
}

#[test]
fn records_added_on_each_side_follow_ours_then_theirs_in_their_order() {
    let base = base();
    let mut ours = base.clone();
    ours.meetings.insert(1, new_meeting("m-ours", "acme"));
    let mut theirs = base.clone();
    theirs.meetings.push(new_meeting("m-theirs-b", "rhein"));
    theirs.meetings.insert(0, new_meeting("m-theirs-a", "acme"));

    let merged = clean(merge3(&base, &ours, &theirs));
    assert_eq!(
        meeting_ids(&merged),
        ["m-1", "m-ours", "m-2", "m-3", "m-theirs-a", "m-theirs-b"]
    );
    assert_sound(&merged, &[&base, &ours, &theirs]);
}

#[test]
fn a_record_added_identically_on_both_sides_appears_once() {
    let base = base();
    let mut ours = base.clone();
    ours.companies.push(new_company("nova", "Nova SA"));
    let mut theirs = ours.clone();
    theirs.meetings.push(new_meeting("m-9", "nova"));

    let merged = clean(merge3(&base, &ours, &theirs));
    assert_eq!(ids(&merged.companies, |c| &c.id), ["acme", "rhein", "nova"]);
    assert_eq!(merged, theirs);
}

#[test]
fn a_record_added_differently_on_both_sides_merges_field_by_field() {
    let base = base();
    let mut ours = base.clone();
    ours.companies.push(new_company("nova", "Nova SA"));
    let mut theirs = base.clone();
    let mut their_nova = new_company("nova", "Nova Société Anonyme");
    their_nova.sector = text("Energy");
    theirs.companies.push(their_nova);

    let merged = merge3(&base, &ours, &theirs);
    let nova = merged.dataset.companies.last().unwrap();
    assert_eq!(nova.name, text("Nova SA"), "ours kept where they differ");
    assert_eq!(
        nova.sector,
        text("Energy"),
        "a field only theirs filled is taken"
    );
    assert_eq!(merged.dataset.companies.len(), 3);
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::AddedOnBoth);
    assert_eq!((conflict.id.as_str(), conflict.field), ("nova", "name"));
    assert_eq!(conflict.base, None);
    assert_eq!(conflict.theirs, text("Nova Société Anonyme"));
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_and_ours_is_kept() {
    let base = base();
    let mut ours = base.clone();
    meeting(&mut ours, "m-2").topic = text("Pressure sensors");
    meeting(&mut ours, "m-2").stage = Some(Stage::FollowUp);
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-2").topic = text("Gas sensors");
    meeting(&mut theirs, "m-2").value_eur = Some(40_000);

    let merged = merge3(&base, &ours, &theirs);
    let m2 = &merged.dataset.meetings[1];
    assert_eq!(m2.topic, text("Pressure sensors"), "ours kept");
    assert_eq!(m2.stage, Some(Stage::FollowUp));
    assert_eq!(m2.value_eur, Some(40_000), "their other change taken");
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::ChangedOnBoth);
    assert_eq!(
        (conflict.list, conflict.id.as_str(), conflict.field),
        (Some(ListKind::Meetings), "m-2", "topic")
    );
    assert_eq!(
        (&conflict.base, &conflict.ours, &conflict.theirs),
        (
            &text("Sensors"),
            &text("Pressure sensors"),
            &text("Gas sensors")
        )
    );
    assert_eq!(
        conflict.to_string(),
        r#"meetings[m-2].topic: changed on both sides: base "Sensors", ours "Pressure sensors", theirs "Gas sensors"; ours kept"#
    );
    assert_sound(&merged.dataset, &[&base, &ours, &theirs]);
}

#[test]
fn the_title_merges_like_a_field() {
    let base = base();
    let mut ours = base.clone();
    ours.title = text("Ours");
    let mut theirs = base.clone();
    theirs.title = text("Theirs");

    assert_eq!(clean(merge3(&base, &ours, &base)).title, text("Ours"));
    assert_eq!(clean(merge3(&base, &base, &theirs)).title, text("Theirs"));
    let mut untitled = base.clone();
    untitled.title = None;
    assert_eq!(clean(merge3(&base, &base, &untitled)).title, None);

    let merged = merge3(&base, &ours, &theirs);
    assert_eq!(merged.dataset.title, text("Ours"));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        (merged.conflicts[0].list, merged.conflicts[0].field),
        (None, "title")
    );
}

#[test]
fn a_record_taken_whole_is_copied_exactly() {
    // Text that fields::set would trim goes through untouched when one side
    // alone changed the record.
    let base = base();
    let ours = base.clone();
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-3").notes = Some("  Two lines,\nindented.\n".to_owned());

    let merged = clean(merge3(&base, &ours, &theirs));
    assert_eq!(merged, theirs);
}

#[test]
fn unchanged_sides_give_the_other_side_and_the_sample_merges_with_itself() {
    let sample = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    assert_eq!(clean(merge3(&sample, &sample, &sample)), sample);
    let (mine, theirs) = diverged();
    let base = base();
    assert_eq!(clean(merge3(&base, &mine, &base)), mine);
    assert_eq!(clean(merge3(&base, &base, &theirs)), theirs);
}

#[test]
fn repeated_ids_are_paired_in_order_and_nothing_is_dropped() {
    let mut base = base();
    let mut duplicate = base.meetings[0].clone();
    duplicate.topic = text("Second m-1");
    base.meetings.push(duplicate);
    let mut ours = base.clone();
    ours.meetings[0].topic = text("First m-1, ours");
    let mut theirs = base.clone();
    theirs.meetings[3].stage = Some(Stage::Closed);

    let merged = clean(merge3(&base, &ours, &theirs));
    assert_eq!(meeting_ids(&merged), ["m-1", "m-2", "m-3", "m-1"]);
    assert_eq!(merged.meetings[0].topic, text("First m-1, ours"));
    assert_eq!(merged.meetings[0].stage, Some(Stage::FirstContact));
    assert_eq!(merged.meetings[3].topic, text("Second m-1"));
    assert_eq!(merged.meetings[3].stage, Some(Stage::Closed));
}

#[test]
fn a_merged_file_with_every_kind_of_change_validates_and_round_trips() {
    let base = base();
    let mut ours = base.clone();
    ours.title = text("Ours");
    meeting(&mut ours, "m-1").topic = text("Ours");
    ours.meetings.retain(|m| m.id != "m-3");
    ours.companies.push(new_company("nova", "Nova"));
    ours.meetings.push(new_meeting("m-5", "nova"));
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-1").stage = Some(Stage::Proposal);
    meeting(&mut theirs, "m-2").notes = Some("Line one\nLine \"two\"".to_owned());
    theirs.companies.push(new_company("lyon-co", "Lyon"));
    theirs.meetings.push(new_meeting("m-6", "lyon-co"));

    let merged = clean(merge3(&base, &ours, &theirs));
    assert_eq!(meeting_ids(&merged), ["m-1", "m-2", "m-5", "m-6"]);
    assert_eq!(
        ids(&merged.companies, |c| &c.id),
        ["acme", "rhein", "nova", "lyon-co"]
    );
    assert_eq!(merged.title, text("Ours"));
    let m1 = Record::Meeting(merged.meetings[0].clone());
    assert_eq!(liaison_desk::fields::get(&m1, "topic"), text("Ours"));
    assert_eq!(liaison_desk::fields::get(&m1, "stage"), text("Proposal"));
    assert_sound(&merged, &[&base, &ours, &theirs]);
    assert!(validate::validate(&merged).is_empty());
}

// ------------------------------------------------------------ the commands

struct Run {
    code: u8,
    out: String,
    err: String,
}

fn run(command: Command) -> Run {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(command, &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8_lossy(&out).into_owned(),
        err: String::from_utf8_lossy(&err).into_owned(),
    }
}

fn write_files(dir: &std::path::Path, files: &[(&str, &Dataset)]) {
    for (name, dataset) in files {
        std::fs::write(dir.join(name), to_ron_string(dataset)).unwrap();
    }
}

#[test]
fn merge_command_reports_adds_new_records_keeps_mine_and_exits_1_on_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = diverged();
    write_files(dir.path(), &[("mine.ron", &mine), ("theirs.ron", &theirs)]);
    let file = dir.path().join("mine.ron");
    let other = dir.path().join("theirs.ron");
    let before = std::fs::read(&file).unwrap();

    let dry = run(Command::Merge {
        file: file.clone(),
        other: other.clone(),
        dry_run: true,
        force: false,
    });
    assert_eq!(dry.code, 1, "{}", dry.err);
    assert!(
        dry.out
            .contains("companies: 1 new, 1 identical, 1 conflicting"),
        "{}",
        dry.out
    );
    assert!(
        dry.out
            .contains("meetings: 1 new, 2 identical, 1 conflicting"),
        "{}",
        dry.out
    );
    assert!(
        dry.out
            .contains(r#"meetings[m-1].stage: mine "FirstContact", theirs "Proposal""#),
        "{}",
        dry.out
    );
    assert!(dry.err.contains("nothing was changed"), "{}", dry.err);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "a dry run changes nothing"
    );
    assert!(!dir.path().join("mine.ron.bak").exists());

    let real = run(Command::Merge {
        file: file.clone(),
        other,
        dry_run: false,
        force: false,
    });
    assert_eq!(real.code, 1, "{}", real.err);
    assert_eq!(real.out, dry.out);
    assert!(real.err.contains("added 2 records"), "{}", real.err);
    assert!(real.err.contains("kept as in this file"), "{}", real.err);
    assert_eq!(
        std::fs::read(dir.path().join("mine.ron.bak")).unwrap(),
        before
    );

    let saved = parse_str(&std::fs::read_to_string(&file).unwrap())
        .unwrap()
        .dataset;
    let mut expected = mine.clone();
    apply(
        &mut expected,
        merge_edit(&mine, &compare(&mine, &theirs), &Choices::default()),
    )
    .unwrap();
    assert_eq!(saved, expected);
}

#[test]
fn merge_command_exits_0_without_conflicts_and_2_on_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let base = base();
    let mut theirs = base.clone();
    theirs.companies.push(new_company("nova", "Nova"));
    write_files(dir.path(), &[("mine.ron", &base), ("theirs.ron", &theirs)]);
    let file = dir.path().join("mine.ron");

    let ok = run(Command::Merge {
        file: file.clone(),
        other: dir.path().join("theirs.ron"),
        dry_run: false,
        force: false,
    });
    assert_eq!(ok.code, 0, "{}", ok.err);

    let before = std::fs::read(&file).unwrap();
    let missing = run(Command::Merge {
        file: file.clone(),
        other: dir.path().join("missing.ron"),
        dry_run: false,
        force: false,
    });
    assert_eq!(missing.code, 2);
    assert!(missing.err.contains("missing.ron"), "{}", missing.err);
    assert!(
        missing.err.contains("nothing was merged"),
        "{}",
        missing.err
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn merge_driver_writes_ours_and_leaves_it_untouched_when_a_side_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let base = base();
    let mut ours = base.clone();
    meeting(&mut ours, "m-1").topic = text("Ours");
    let mut theirs = base.clone();
    meeting(&mut theirs, "m-1").stage = Some(Stage::Proposal);
    write_files(
        dir.path(),
        &[
            ("base.ron", &base),
            ("ours.ron", &ours),
            ("theirs.ron", &theirs),
        ],
    );
    std::fs::write(dir.path().join("broken.ron"), "(format: 1, meetings: [").unwrap();
    let path = |name: &str| dir.path().join(name);

    let before = std::fs::read(path("ours.ron")).unwrap();
    let broken = run(Command::MergeDriver {
        base: path("base.ron"),
        ours: path("ours.ron"),
        theirs: path("broken.ron"),
        path: Some("data/liaison.ron".into()),
    });
    assert_eq!(broken.code, 2);
    assert!(broken.err.contains("theirs version"), "{}", broken.err);
    assert!(broken.err.contains("data/liaison.ron"), "{}", broken.err);
    assert_eq!(std::fs::read(path("ours.ron")).unwrap(), before);

    let merged = run(Command::MergeDriver {
        base: path("base.ron"),
        ours: path("ours.ron"),
        theirs: path("theirs.ron"),
        path: None,
    });
    assert_eq!(merged.code, 0, "{}", merged.err);
    let result = parse_str(&std::fs::read_to_string(path("ours.ron")).unwrap())
        .unwrap()
        .dataset;
    assert_eq!(result, clean(merge3(&base, &ours, &theirs)));
    assert!(
        !path("ours.ron.bak").exists(),
        "no backup beside a git file"
    );
}

#[test]
fn merge_driver_takes_an_empty_ancestor_as_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut ours = base();
    ours.meetings.truncate(1);
    let theirs = base();
    write_files(dir.path(), &[("ours.ron", &ours), ("theirs.ron", &theirs)]);
    std::fs::write(dir.path().join("base.ron"), "").unwrap();

    let run = run(Command::MergeDriver {
        base: dir.path().join("base.ron"),
        ours: dir.path().join("ours.ron"),
        theirs: dir.path().join("theirs.ron"),
        path: None,
    });
    assert_eq!(run.code, 0, "{}", run.err);
    let result = parse_str(&std::fs::read_to_string(dir.path().join("ours.ron")).unwrap())
        .unwrap()
        .dataset;
    assert_eq!(result, theirs, "added on both sides: everything once");
}

#[test]
fn merge_driver_reports_a_reference_broken_by_the_merge() {
    // Theirs deletes a company nobody else changed; ours adds a meeting
    // with it. Each side is valid; the merge is not, and says so.
    let dir = tempfile::tempdir().unwrap();
    let base = base();
    let mut ours = base.clone();
    ours.meetings.push(new_meeting("m-9", "rhein"));
    let mut theirs = base.clone();
    theirs.meetings.retain(|m| m.company != "rhein");
    theirs.companies.retain(|c| c.id != "rhein");
    write_files(
        dir.path(),
        &[
            ("base.ron", &base),
            ("ours.ron", &ours),
            ("theirs.ron", &theirs),
        ],
    );
    let run = run(Command::MergeDriver {
        base: dir.path().join("base.ron"),
        ours: dir.path().join("ours.ron"),
        theirs: dir.path().join("theirs.ron"),
        path: None,
    });
    assert_eq!(run.code, 1, "{}", run.err);
    assert!(run.err.contains("meetings[m-9].company"), "{}", run.err);
}
