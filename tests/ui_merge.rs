//! Merging another office's file from the window: the review shows what is
//! new and what conflicts, a field can be taken from theirs, and the merge
//! is one step that Ctrl+Z undoes.

mod common;

use common::ScriptedPicker;

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::LiaisonApp;
use liaison_desk::app::settings::Settings;
use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::model::{Company, ListKind};

#[test]
fn another_offices_file_merges_with_a_field_taken_from_theirs_and_undoes() {
    let mine = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    // Theirs: one meeting's topic changed, one company added.
    let mut theirs = mine.clone();
    let meeting_id = theirs.meetings[0].id.clone();
    let my_topic = theirs.meetings[0].topic.clone();
    theirs.meetings[0].topic = Some("Their new topic".into());
    theirs.companies.push(Company {
        id: "tokyo-robotics".into(),
        name: Some("Tokyo Robotics KK".into()),
        country: Some("JP".into()),
        sector: None,
        size: None,
        website: None,
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tokyo.ron");
    std::fs::write(&path, to_ron_string(&theirs)).unwrap();

    let picker = Arc::new(ScriptedPicker::default());
    *picker.open.lock().unwrap() = Some(path);
    let app = LiaisonApp::start(Settings::default(), picker, None);
    let mut h = common::window(app);

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge another office's file…").click();
    h.run();
    common::run_until(&mut h, "the merge", |app| app.merge_view().is_some());
    let comparison = h
        .state()
        .merge_view()
        .expect("the review is shown")
        .comparison();
    assert_eq!(comparison.new_count(), 1);
    assert_eq!(comparison.conflict_count(), 1);
    h.get_by_label("Merge tokyo.ron");
    h.get_by_label_contains(&format!("meeting {meeting_id}"));

    // Mine is kept unless told otherwise: take theirs for the topic.
    h.get_by_label("Their new topic").click();
    h.run();
    h.get_by_label("Merge: add 1 record, take theirs for 1 field")
        .click();
    h.run();

    assert!(h.state().merge_view().is_none());
    let data = h.state().workspace().dataset();
    assert_eq!(data.companies.len(), mine.companies.len() + 1);
    assert_eq!(data.companies.last().unwrap().id, "tokyo-robotics");
    assert_eq!(data.meetings[0].topic.as_deref(), Some("Their new topic"));
    assert!(h.state().workspace().is_modified());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let data = h.state().workspace().dataset();
    assert_eq!(data, &mine);
    assert_eq!(data.meetings[0].topic, my_topic);
    assert_eq!(
        liaison_desk::edit::list_len(data, ListKind::Companies),
        mine.companies.len()
    );
}

#[test]
fn the_merge_review_speaks_french_when_the_interface_does() {
    use liaison_desk::app::merge_view::MergeView;
    use liaison_desk::i18n::{Language, set_language};

    let mine = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    let mut theirs = mine.clone();
    theirs.meetings[0].topic = Some("Their new topic".into());
    theirs.companies.push(Company {
        id: "tokyo-robotics".into(),
        name: Some("Tokyo Robotics KK".into()),
        country: Some("JP".into()),
        sector: None,
        size: None,
        website: None,
    });
    let meeting_id = mine.meetings[0].id.clone();
    set_language(Language::French);
    let view = MergeView::new(PathBuf::from("tokyo.ron"), &mine, 0, theirs);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // The sample has names in every script: the system's fonts draw them
        // (a missing glyph panics).
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .build_ui_state(
            |ui, (view, mine): &mut (MergeView, liaison_desk::model::Dataset)| {
                view.ui(ui, mine, 0);
            },
            (view, mine),
        );
    h.run();
    h.get_by_label("Fusionner tokyo.ron");
    h.get_by_label("Fusionner\u{a0}: ajouter 1 fiche, prendre leur version pour 0 champ");
    h.get_by_label("Conflits\u{a0}: 1 fiche diffère");
    h.get_by_label_contains(&format!("réunion {meeting_id} — 1 champ diffère"));
    h.get_by_label("Garder ma version");
    h.get_by_label("Sujet");
    h.get_by_label("Nouvelles fiches\u{a0}: 1");
    h.get_by_label("Annuler");
    set_language(Language::English);
}
