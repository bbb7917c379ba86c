//! The record form, driven headless with egui_kittest through its real
//! widgets, found by their labels: typing a meeting as a person would,
//! checks as you type, Apply / Cancel, a company created from the meeting
//! form, and the reading view of a country note.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use liaison_desk::app::form::{FormAction, RecordForm, note_reading_ui};
use liaison_desk::edit::{Edit, Record};
use liaison_desk::format::parse_str;
use liaison_desk::i18n::{Language, set_language};
use liaison_desk::lookup::Lookup;
use liaison_desk::model::{CompanySize, IsoDate, ListKind, Stage};
use liaison_desk::workspace::Workspace;

struct State {
    ws: Workspace,
    lookup: Lookup,
    form: RecordForm,
    action: Option<FormAction>,
}

fn workspace() -> Workspace {
    Workspace::new(
        parse_str(liaison_desk::SAMPLE_DATA)
            .expect("the sample parses")
            .dataset,
    )
}

fn harness_with(
    ws: Workspace,
    form: impl FnOnce(&Workspace) -> RecordForm,
) -> Harness<'static, State> {
    let lookup = Lookup::new(ws.dataset());
    let form = form(&ws);
    let state = State {
        ws,
        lookup,
        form,
        action: None,
    };
    let mut harness = Harness::builder()
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .with_size(egui::vec2(900.0, 1100.0))
        .build_ui_state(
            |ui, state: &mut State| {
                state.action = state
                    .form
                    .ui(ui, &state.ws, &state.lookup)
                    .or(state.action.take());
            },
            state,
        );
    harness.run();
    harness
}

fn new_meeting() -> Harness<'static, State> {
    harness_with(workspace(), |ws| {
        RecordForm::new_record(ws, ListKind::Meetings)
    })
}

fn edit_meeting(index: usize) -> Harness<'static, State> {
    harness_with(workspace(), |ws| {
        RecordForm::edit(ws, ListKind::Meetings, index).expect("the sample has this meeting")
    })
}

/// Focuses the field named `label`, selects what it holds and types `text` over it.
fn type_over(harness: &mut Harness<'_, State>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Opens the picker named `label`, types `search` in its search field and
/// clicks the entry `choice`.
fn pick(
    harness: &mut Harness<'_, State>,
    label: &str,
    search_label: &str,
    search: &str,
    choice: &str,
) {
    harness.get_by_label(label).click();
    harness.run();
    let field = harness.get_by_label(search_label);
    assert!(
        field.is_focused(),
        "the search field has the focus when the picker opens"
    );
    field.type_text(search);
    harness.run();
    harness.get_by_label(choice).click();
    harness.run();
}

fn choose(harness: &mut Harness<'_, State>, label: &str, choice: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(choice).click();
    harness.run();
}

fn click(harness: &mut Harness<'_, State>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn company_id(ws: &Workspace, name: &str) -> String {
    ws.dataset()
        .companies
        .iter()
        .find(|c| c.name.as_deref() == Some(name))
        .map(|c| c.id.clone())
        .expect("the sample has this company")
}

fn applied(harness: &mut Harness<'_, State>) -> (Edit, String) {
    match harness.state_mut().action.take() {
        Some(FormAction::Apply { edit, label }) => (edit, label),
        other => panic!("expected Apply, got {other:?}"),
    }
}

fn apply_is_disabled(harness: &Harness<'_, State>) -> bool {
    harness.get_by_label("Apply").accesskit_node().is_disabled()
}

#[test]
fn a_meeting_typed_into_the_form_is_inserted_with_exactly_what_was_typed() {
    let mut h = new_meeting();
    let meetings_before = h.state().ws.dataset().meetings.len();
    assert!(!h.state().form.is_dirty());

    type_over(&mut h, "Date", "2015-12-28");
    pick(
        &mut h,
        "Company",
        "Search companies",
        "kanto pharm",
        "Kanto Pharmaceutical K.K.",
    );
    h.get_by_label("Topic").focus();
    h.run();
    h.get_by_label("Topic")
        .type_text("Cell therapy manufacturing");
    h.run();
    choose(&mut h, "Stage", "Negotiation");
    h.get_by_label("Expected value").focus();
    h.run();
    h.get_by_label("Expected value").type_text("250000");
    h.run();
    assert!(h.state().form.is_dirty());
    assert!(!h.state().form.has_errors());
    // The company is shown by its name, never its id.
    h.get_by_label("Company");
    assert_eq!(
        h.get_by_label("Company").value().as_deref(),
        Some("Kanto Pharmaceutical K.K.")
    );

    click(&mut h, "Apply");
    let (edit, label) = applied(&mut h);
    let state = h.state();
    let Edit::Insert {
        index,
        record: Record::Meeting(meeting),
    } = &edit
    else {
        panic!("a new meeting is inserted: {edit:?}")
    };
    assert_eq!(*index, meetings_before, "at the end of the list");
    assert_eq!(meeting.id, "m-1103", "the next id of the sample's pattern");
    assert_eq!(meeting.date, IsoDate::parse("2015-12-28"));
    assert_eq!(
        meeting.company,
        company_id(&state.ws, "Kanto Pharmaceutical K.K.")
    );
    assert_eq!(meeting.topic.as_deref(), Some("Cell therapy manufacturing"));
    assert_eq!(meeting.stage, Some(Stage::Negotiation));
    assert_eq!(meeting.value_eur, Some(250_000));
    assert_eq!(meeting.affiliate, None);
    assert!(meeting.institutes.is_empty());
    assert_eq!(meeting.initiative, None);
    assert_eq!(meeting.follow_up, None);
    assert_eq!(meeting.notes, None);
    assert_eq!(label, "Add meeting m-1103");

    let mut ws = h.into_state().ws;
    ws.apply(label, edit).expect("the edit applies");
    assert_eq!(ws.dataset().meetings.len(), meetings_before + 1);
    assert!(ws.problems().is_empty(), "{:?}", ws.problems());
}

#[test]
fn an_impossible_date_is_reported_beside_the_field_and_apply_is_disabled() {
    let mut h = new_meeting();
    pick(
        &mut h,
        "Company",
        "Search companies",
        "kanto pharm",
        "Kanto Pharmaceutical K.K.",
    );
    assert!(!apply_is_disabled(&h));

    type_over(&mut h, "Date", "2015-02-30");
    h.get_by_label("\"2015-02-30\" is not a real date in the form YYYY-MM-DD");
    h.get_by_label("1 error to fix before applying");
    assert!(h.state().form.has_errors());
    assert!(apply_is_disabled(&h));
    click(&mut h, "Apply");
    assert_eq!(h.state().action, None, "a disabled Apply does nothing");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert_eq!(h.state().action, None, "nor does Ctrl+Enter");

    // Fixing the date clears the message and enables Apply.
    type_over(&mut h, "Date", "2015-02-28");
    assert!(
        h.query_by_label_contains("is not a real date").is_none(),
        "the message goes when the date is fixed"
    );
    assert!(!apply_is_disabled(&h));
}

#[test]
fn editing_a_meetings_topic_replaces_it_at_its_index() {
    let mut h = edit_meeting(5);
    let original = h.state().ws.dataset().meetings[5].clone();
    assert!(!h.state().form.is_dirty());
    type_over(&mut h, "Topic", "Scale-up of the pilot line");
    assert!(h.state().form.is_dirty());
    click(&mut h, "Apply");
    let (edit, label) = applied(&mut h);
    let mut expected = original.clone();
    expected.topic = Some("Scale-up of the pilot line".to_owned());
    assert_eq!(
        edit,
        Edit::Replace {
            index: 5,
            record: Record::Meeting(expected)
        }
    );
    assert_eq!(label, format!("Edit meeting {}", original.id));
}

#[test]
fn ctrl_enter_applies_and_escape_cancels() {
    let mut h = edit_meeting(2);
    type_over(&mut h, "Topic", "Another topic");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let (edit, _) = applied(&mut h);
    assert!(matches!(edit, Edit::Replace { index: 2, .. }), "{edit:?}");

    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().action, Some(FormAction::Cancel));
}

#[test]
fn escape_in_an_open_picker_closes_the_picker_not_the_form() {
    let mut h = new_meeting();
    click(&mut h, "Company");
    h.get_by_label("Search companies");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().action, None);
    assert!(
        h.query_by_label("Search companies").is_none(),
        "the picker closed"
    );
}

#[test]
fn a_duplicate_id_is_an_error() {
    let mut h = edit_meeting(5);
    type_over(&mut h, "Id", "m-0001");
    h.get_by_label("duplicate id \"m-0001\": record 1 of the list has it too");
    assert!(apply_is_disabled(&h));

    // The record's own id is not a duplicate of itself.
    let own = h.state().ws.dataset().meetings[5].id.clone();
    type_over(&mut h, "Id", &own);
    assert!(h.query_by_label_contains("duplicate id").is_none());
    assert!(!apply_is_disabled(&h));
}

#[test]
fn a_company_created_from_the_meeting_form_is_added_with_it_in_one_step() {
    let mut h = new_meeting();
    let before = h.state().ws.dataset().clone();

    click(&mut h, "Company");
    click(&mut h, "New company…");
    assert!(
        h.get_by_label("Company name").is_focused(),
        "the new company's name is ready to be typed"
    );
    h.get_by_label("New company, added with this meeting");
    h.get_by_label("the new company needs a name");
    h.get_by_label("Company name")
        .type_text("Zephyr Robotics GmbH");
    h.run();
    pick(
        &mut h,
        "Company country",
        "Search countries",
        "germ",
        "Germany (DE)",
    );
    h.get_by_label("Sector").focus();
    h.run();
    h.get_by_label("Sector").type_text("Robotics");
    h.run();
    choose(&mut h, "Size", "SME");
    type_over(&mut h, "Date", "2015-12-29");
    h.get_by_label("Topic").focus();
    h.run();
    h.get_by_label("Topic").type_text("Collaborative robots");
    h.run();
    assert_eq!(
        h.get_by_label("Company").value().as_deref(),
        Some("New company: Zephyr Robotics GmbH")
    );

    click(&mut h, "Apply");
    let (edit, label) = applied(&mut h);
    assert_eq!(label, "Add meeting with new company Zephyr Robotics GmbH");
    let Edit::Batch(edits) = &edit else {
        panic!("one batch: {edit:?}")
    };
    let [
        Edit::Insert {
            index: company_index,
            record: Record::Company(company),
        },
        Edit::Insert {
            index: meeting_index,
            record: Record::Meeting(meeting),
        },
    ] = edits.as_slice()
    else {
        panic!("the company, then the meeting: {edits:?}")
    };
    assert_eq!(*company_index, before.companies.len());
    assert_eq!(*meeting_index, before.meetings.len());
    assert_eq!(company.id, "zephyr-robotics-gmbh");
    assert_eq!(company.name.as_deref(), Some("Zephyr Robotics GmbH"));
    assert_eq!(company.country.as_deref(), Some("DE"));
    assert_eq!(company.sector.as_deref(), Some("Robotics"));
    assert_eq!(company.size, Some(CompanySize::Sme));
    assert_eq!(meeting.company, company.id);
    assert_eq!(meeting.topic.as_deref(), Some("Collaborative robots"));
    assert_eq!(meeting.date, IsoDate::parse("2015-12-29"));

    let mut ws = h.into_state().ws;
    ws.apply(label, edit).expect("the batch applies");
    assert_eq!(ws.dataset().companies.len(), before.companies.len() + 1);
    assert_eq!(ws.dataset().meetings.len(), before.meetings.len() + 1);
    assert!(ws.problems().is_empty(), "{:?}", ws.problems());
    assert!(ws.undo(), "one undo");
    assert_eq!(
        *ws.dataset(),
        before,
        "removes both the meeting and the company"
    );
}

#[test]
fn discarding_the_new_company_goes_back_to_choosing_one() {
    let mut h = new_meeting();
    click(&mut h, "Company");
    click(&mut h, "New company…");
    h.get_by_label("Company name");
    click(&mut h, "Discard the new company");
    assert!(h.query_by_label("Company name").is_none());
    h.get_by_label("choose the company met (required)");
}

#[test]
fn cancel_gives_cancel() {
    let mut h = new_meeting();
    type_over(&mut h, "Topic", "Not kept");
    click(&mut h, "Cancel");
    assert_eq!(h.state().action, Some(FormAction::Cancel));
}

#[test]
fn apply_on_an_unchanged_record_adds_no_step() {
    let mut h = edit_meeting(0);
    click(&mut h, "Apply");
    assert_eq!(h.state().action, Some(FormAction::Cancel));
}

#[test]
fn a_duplicated_company_gets_a_new_id_and_a_copy_name() {
    let mut h = harness_with(workspace(), |ws| {
        RecordForm::duplicate(ws, ListKind::Companies, 0).expect("a company")
    });
    let original = h.state().ws.dataset().companies[0].clone();
    assert_eq!(h.state().form.index(), None);
    click(&mut h, "Apply");
    let (edit, label) = applied(&mut h);
    let Edit::Insert {
        index,
        record: Record::Company(copy),
    } = edit
    else {
        panic!("a copy is inserted: {edit:?}")
    };
    assert_eq!(index, h.state().ws.dataset().companies.len());
    let name = format!("{} (copy)", original.name.clone().unwrap_or_default());
    assert_eq!(copy.name.as_deref(), Some(name.as_str()));
    assert_eq!(copy.id, liaison_desk::ids::slug(&name));
    assert_eq!(copy.country, original.country);
    assert_eq!(label, format!("Add company {}", copy.id));
}

#[test]
fn a_new_companys_id_follows_its_name_until_an_id_is_typed() {
    let mut h = harness_with(workspace(), |ws| {
        RecordForm::new_record(ws, ListKind::Companies)
    });
    h.get_by_label("Name")
        .type_text("Kanto Precision Optics K.K.");
    h.run();
    assert_eq!(
        h.get_by_label("Id").value().as_deref(),
        Some("kanto-precision-optics-kk")
    );
    type_over(&mut h, "Id", "kpo");
    h.get_by_label("Name").focus();
    h.run();
    h.get_by_label("Name").type_text(" Ltd");
    h.run();
    assert_eq!(h.get_by_label("Id").value().as_deref(), Some("kpo"));
}

#[test]
fn contracts_need_a_company_or_a_country_by_kind_and_whole_euros() {
    let mut h = harness_with(workspace(), |ws| {
        RecordForm::new_record(ws, ListKind::Contracts)
    });
    h.get_by_label("a Bilateral contract needs the company that finances it");
    choose(&mut h, "Kind", "European project");
    assert!(h.query_by_label_contains("needs the company").is_none());
    h.get_by_label("a European contract needs the country of its coordinator or main partner");
    pick(&mut h, "Country", "Search countries", "jp", "Japan (JP)");
    assert!(!apply_is_disabled(&h));

    type_over(&mut h, "Amount", "-5");
    h.get_by_label_contains("an amount cannot be negative");
    assert!(apply_is_disabled(&h));
    type_over(&mut h, "Amount", "12.5");
    h.get_by_label_contains("amounts are whole euros, without decimals");
    type_over(&mut h, "Amount", "1.2M");
    assert!(!apply_is_disabled(&h));
    click(&mut h, "Apply");
    let (edit, _) = applied(&mut h);
    let Edit::Insert {
        record: Record::Contract(contract),
        ..
    } = edit
    else {
        panic!("a contract: {edit:?}")
    };
    assert_eq!(contract.amount_eur, Some(1_200_000));
    assert_eq!(contract.country.as_deref(), Some("JP"));
}

#[test]
fn institutes_are_chips_added_from_a_picker_and_removed_by_a_click() {
    let mut h = edit_meeting(0);
    let before = h.state().ws.dataset().meetings[0].institutes.len();
    pick(
        &mut h,
        "Institutes",
        "Search institutes",
        "onera",
        "Carnot ONERA",
    );
    h.get_by_label("Remove Carnot ONERA");
    click(&mut h, "Remove Carnot ONERA");
    assert!(h.query_by_label("Remove Carnot ONERA").is_none());
    assert!(!h.state().form.is_dirty());
    pick(
        &mut h,
        "Institutes",
        "Search institutes",
        "onera",
        "Carnot ONERA",
    );
    click(&mut h, "Apply");
    let (edit, _) = applied(&mut h);
    let Edit::Replace {
        record: Record::Meeting(meeting),
        ..
    } = edit
    else {
        panic!("a replace: {edit:?}")
    };
    assert_eq!(meeting.institutes.len(), before + 1);
    assert_eq!(meeting.institutes.last().map(String::as_str), Some("onera"));
}

#[test]
fn a_country_note_reads_with_its_headings_and_list_items() {
    let ws = workspace();
    let index = ws
        .dataset()
        .country_notes
        .iter()
        .position(|n| n.id == "us-sbir-sttr")
        .expect("the sample has this note");
    let h = harness_with(ws, |ws| {
        RecordForm::edit(ws, ListKind::CountryNotes, index).expect("a note")
    });
    h.get_by_label("Body");
    h.get_by_label("The programmes in two lines");
    h.get_by_label("Rules that matter for us");
    h.get_by_label(
        "The awardee must be a US small business, owned and operated in the US. We are never the applicant.",
    );
    h.get_by_label("Remove funding");
}

#[test]
fn the_reading_view_renders_headings_paragraphs_and_bullets() {
    let body = "## Public funding\nFirst line\nsame paragraph.\n\n- Start small.\n- Expect delays.";
    let h = Harness::new_ui(|ui| note_reading_ui(ui, body));
    h.get_by_label("Public funding");
    h.get_by_label("First line same paragraph.");
    h.get_by_label("Start small.");
    h.get_by_label("Expect delays.");
    assert!(h.query_by_label("## Public funding").is_none());
}

#[test]
fn the_calendar_suggests_a_follow_up_two_weeks_after_the_meeting() {
    let ws = workspace();
    let lookup = Lookup::new(ws.dataset());
    let form = RecordForm::new_record(&ws, ListKind::Meetings);
    let state = State {
        ws,
        lookup,
        form,
        action: None,
    };
    let mut h = Harness::builder()
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .with_size(egui::vec2(900.0, 1100.0))
        .build_ui_state(
            |ui, state: &mut State| {
                state.action = state
                    .form
                    .ui(ui, &state.ws, &state.lookup)
                    .or(state.action.take());
            },
            state,
        );
    h.run();
    type_over(&mut h, "Date", "2015-02-12");
    click(&mut h, "Follow-up: calendar");
    // February 2015 is shown, every day named as a date.
    h.get_by_label("February 2015");
    h.get_by_label("Feb 1, 2015");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().action,
        None,
        "Escape closes the calendar, not the form"
    );
    assert!(h.query_by_label("February 2015").is_none());
    // Opened again, the day proposed has the focus: Enter picks it.
    click(&mut h, "Follow-up: calendar");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.get_by_label("Follow-up").value().as_deref(),
        Some("2015-02-26")
    );
    // Page Down shows the next month; a click picks a day there.
    click(&mut h, "Follow-up: calendar");
    h.key_press(Key::PageDown);
    h.run();
    h.get_by_label("March 2015");
    click(&mut h, "Next year");
    h.get_by_label("March 2016");
    click(&mut h, "Previous year");
    click(&mut h, "Mar 3, 2015");
    assert_eq!(
        h.get_by_label("Follow-up").value().as_deref(),
        Some("2015-03-03")
    );
    click(&mut h, "Clear Follow-up");
    assert_eq!(h.get_by_label("Follow-up").value().as_deref(), Some(""));
}

/// Makes the test's thread speak French until dropped, even when the test
/// fails (egui_kittest draws on the test's thread).
struct SpeakingFrench;

impl SpeakingFrench {
    fn start() -> Self {
        set_language(Language::French);
        SpeakingFrench
    }
}

impl Drop for SpeakingFrench {
    fn drop(&mut self) {
        set_language(Language::English);
    }
}

#[test]
fn a_meeting_form_speaks_french_from_its_labels_to_its_checks() {
    let _french = SpeakingFrench::start();
    let mut h = new_meeting();
    h.get_by_label("Nouvelle réunion");
    for label in [
        "Identifiant",
        "Date",
        "Entreprise",
        "Antenne",
        "Instituts",
        "Sujet",
        "Valeur attendue",
        "Relance",
        "Appliquer",
        "Annuler",
    ] {
        h.get_by_label(label);
    }
    assert_eq!(
        h.get_by_label("Étape").value().as_deref(),
        Some("Premier contact")
    );
    assert_eq!(
        h.get_by_label("Entreprise").value().as_deref(),
        Some("Choisir une entreprise…")
    );
    h.get_by_label("choisir l'entreprise rencontrée (obligatoire)");
    h.get_by_label("1 erreur à corriger avant d'appliquer");
    assert!(h.get_by_label("Appliquer").accesskit_node().is_disabled());

    // Checks as you type speak French too; the date is still typed ISO.
    type_over(&mut h, "Date", "2015-02-30");
    h.get_by_label("\"2015-02-30\" n'est pas une date réelle au format AAAA-MM-JJ");
    h.get_by_label("2 erreurs à corriger avant d'appliquer");
    type_over(&mut h, "Date", "2015-12-28");
    pick(
        &mut h,
        "Entreprise",
        "Rechercher parmi les entreprises",
        "kanto pharm",
        "Kanto Pharmaceutical K.K.",
    );
    choose(&mut h, "Étape", "Négociation");
    type_over(&mut h, "Valeur attendue", "-5");
    h.get_by_label_contains("un montant ne peut pas être négatif");
    type_over(&mut h, "Valeur attendue", "250000");
    h.get_by_label("Sujet").focus();
    h.run();
    assert_eq!(
        h.get_by_label("Valeur attendue").value().as_deref(),
        Some("250\u{a0}000"),
        "an amount is grouped as French writes it"
    );

    click(&mut h, "Appliquer");
    let (edit, label) = applied(&mut h);
    let Edit::Insert {
        record: Record::Meeting(meeting),
        ..
    } = &edit
    else {
        panic!("a new meeting is inserted: {edit:?}")
    };
    assert_eq!(meeting.date, IsoDate::parse("2015-12-28"));
    assert_eq!(meeting.stage, Some(Stage::Negotiation));
    assert_eq!(meeting.value_eur, Some(250_000));
    assert_eq!(label, "Ajouter la réunion m-1103");
}

#[test]
fn the_calendar_speaks_french_and_names_each_day_as_french_writes_it() {
    let _french = SpeakingFrench::start();
    let mut h = new_meeting();
    type_over(&mut h, "Date", "2015-02-12");
    click(&mut h, "Relance\u{a0}: calendrier");
    h.get_by_label("Février 2015");
    for day in ["lu", "ma", "me", "je", "ve", "sa", "di"] {
        h.get_by_label(day);
    }
    h.get_by_label("Mois suivant (Page suiv.)");
    click(&mut h, "26/02/2015");
    assert_eq!(
        h.get_by_label("Relance").value().as_deref(),
        Some("2015-02-26")
    );
}

#[test]
fn a_company_written_in_arabic_is_named_as_written_for_screen_readers() {
    let ws = workspace();
    let index = ws
        .dataset()
        .meetings
        .iter()
        .position(|m| m.company == "najd-catalysis")
        .expect("the sample has a meeting with the company written in Arabic");
    let mut h = edit_meeting(index);
    h.run();
    let company = h.get(
        egui_kittest::kittest::By::new()
            .role(egui::accesskit::Role::ComboBox)
            .label("Company"),
    );
    // Drawn with its Arabic words in reading order; named as the file writes it.
    assert_eq!(
        company.value().as_deref(),
        Some("Najd Catalysis Co. (شركة نجد للحفز)")
    );
}
