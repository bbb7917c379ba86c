//! Importing a spreadsheet from the window: a CSV as saved by a French
//! Excel is read, its columns matched, the dry run shows each row's fate,
//! a column can be left out, companies created on request, and the import
//! is one step that Ctrl+Z undoes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod common;

use common::ScriptedPicker;

use std::sync::Arc;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, Screen};
use liaison_desk::format::parse_str;
use liaison_desk::model::ListKind;

/// Windows-1252 bytes, as a French Excel saves "CSV (séparateur: point-virgule)".
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'é' => 0xE9,
            'É' => 0xC9,
            '€' => 0x80,
            c if c.is_ascii() => c as u8,
            other => panic!("no {other} in this test"),
        })
        .collect()
}

#[test]
fn a_french_excel_csv_imports_into_meetings_after_a_dry_run_and_undoes() {
    let sample = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    let known = sample.companies[0].name.clone().unwrap();
    assert!(
        known.is_ascii(),
        "the test writes it in Windows-1252: {known}"
    );
    let csv = format!(
        "Date;Entreprise;Sujet;Étape;Valeur (€)\r\n\
         12/02/2015;{known};Essai de capteurs;Suivi;1 200,00 €\r\n\
         13/02/2015;Nouvelle Société SA;Premier échange;Premier contact;500\r\n\
         31/02/2015;{known};Date impossible;Suivi;10\r\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rendez-vous.csv");
    std::fs::write(&path, windows_1252(&csv)).unwrap();

    let picker = Arc::new(ScriptedPicker::default());
    *picker.open.lock().unwrap() = Some(path);
    let app = LiaisonApp::start(Settings::default(), picker, None);
    let mut h = common::window_sized(app, egui::vec2(1400.0, 1000.0));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    h.run();

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import…").click();
    h.run();
    common::run_until(&mut h, "the import", |app| app.import_view().is_some());
    let view = h.state().import_view().expect("the import is shown");
    assert_eq!(view.list(), ListKind::Meetings);
    h.get_by_label("Import rendez-vous.csv into");
    h.get_by_label_contains("Windows-1252");
    // The first rows as read, accents and all.
    h.get_by_label("Preview: the first 3 rows");
    h.get_by_label("Nouvelle Société SA");
    h.get_by_label_contains("dates dd/mm/yyyy");

    // The dry run: one meeting added, one waiting for its new company, one
    // impossible date.
    h.get_by_label_contains("1 to add · 0 to update · 0 unchanged · 2 in error");
    h.get_by_label_contains("Row 2: add meeting");
    h.get_by_label_contains("Row 3: skipped");
    h.get_by_label_contains("Row 4: error");

    // Leave the topic out, and create the new company.
    h.get_by_label("Field of “Sujet”").click();
    h.run();
    h.get_by_label("(not imported)").click();
    h.run();
    h.get_by_label_contains("Create the 1 company").click();
    h.run();
    h.get_by_label_contains("2 to add · 0 to update · 0 unchanged · 1 in error");

    h.get_by_label("Import: add 2, update 0").click();
    h.run();
    assert!(h.state().import_view().is_none());
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    let data = h.state().workspace().dataset();
    assert_eq!(data.meetings.len(), sample.meetings.len() + 2);
    assert_eq!(data.companies.len(), sample.companies.len() + 1);
    let added = &data.meetings[sample.meetings.len()];
    assert_eq!(added.date.to_string(), "2015-02-12");
    assert_eq!(added.value_eur, Some(1200));
    assert_eq!(added.topic, None, "the topic column was left out");
    assert_eq!(
        data.companies.last().unwrap().name.as_deref(),
        Some("Nouvelle Société SA")
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().workspace().dataset(), &sample);
}

type ImportState = (
    liaison_desk::app::import_view::ImportView,
    liaison_desk::workspace::Workspace,
);

/// The import view alone of the CSV `csv` (named `name`) into meetings of
/// the sample, drawn once.
fn import_view_of(name: &str, csv: &str) -> Harness<'static, ImportState> {
    use liaison_desk::app::import_view::ImportView;
    use liaison_desk::workspace::Workspace;

    let table =
        liaison_desk::import::table_from_bytes(std::path::Path::new(name), csv.as_bytes()).unwrap();
    let sample = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    let state = (
        ImportView::new(table, ListKind::Meetings),
        Workspace::new(sample),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        // The sample has names in every script: the system's fonts draw them
        // (a missing glyph panics).
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .build_ui_state(
            |ui, (view, ws): &mut ImportState| {
                view.ui(ui, ws);
            },
            state,
        );
    h.run();
    h
}

#[test]
fn the_import_window_speaks_french_when_the_interface_does() {
    use liaison_desk::i18n::{Language, set_language};

    let sample = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    let known = sample.companies[0].name.clone().unwrap();
    let csv = format!(
        "Date;Entreprise;Sujet;Valeur (€)\r\n\
         12/02/2015;{known};Essai de capteurs;1 200,50 €\r\n\
         31/02/2015;{known};Date impossible;10\r\n"
    );
    set_language(Language::French);
    let h = import_view_of("rendez-vous.csv", &csv);

    h.get_by_label("Importer rendez-vous.csv dans");
    h.get_by_label_contains("encodage UTF-8, séparateur point-virgule");
    h.get_by_label_contains("2 lignes sous l’en-tête");
    h.get_by_label("Aperçu\u{a0}: les 2 premières lignes");
    h.get_by_label("Colonnes");
    h.get_by_label("Champ de «\u{a0}Sujet\u{a0}»");
    h.get_by_label_contains("dates au format jj/mm/aaaa (jour en premier)");
    h.get_by_label_contains("nombres avec virgule décimale");
    h.get_by_label("Ce que ferait l’importation");
    h.get_by_label_contains("1 à ajouter · 0 à modifier · 0 sans changement · 1 en erreur");
    h.get_by_label_contains("Ligne 2\u{a0}: réunion m-");
    h.get_by_label_contains("arrondi à 1201\u{a0}€");
    h.get_by_label_contains(
        "Ligne 3\u{a0}: erreur\u{a0}: colonne «\u{a0}Date\u{a0}»\u{a0}: «\u{a0}31/02/2015\u{a0}» n’est pas une date réelle",
    );
    h.get_by_label("Importer\u{a0}: ajouter 1, modifier 0");
    h.get_by_label("Annuler");
    set_language(Language::English);
}

/// After an import from a table the dashboard had filtered, the imported
/// rows are shown (the filter and search that hid them are cleared, and
/// the status says so), and Ctrl+Z undoes the import, as the status says,
/// even though the search field had the keyboard before.
#[test]
fn after_an_import_the_new_rows_are_shown_and_ctrl_z_undoes_the_import() {
    use egui_kittest::kittest::By;
    use liaison_desk::app::Screen;

    let sample = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    let known = sample.companies[0].name.clone().unwrap();
    // Meetings long before the dashboard's year: its filter hides them.
    let csv = format!(
        "Date,Company,Topic\n2001-03-04,\"{known}\",Imported one\n2001-03-05,\"{known}\",Imported two\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old-meetings.csv");
    std::fs::write(&path, csv).unwrap();
    let picker = Arc::new(ScriptedPicker::default());
    *picker.open.lock().unwrap() = Some(path.clone());
    let app = LiaisonApp::start(Settings::default(), picker, None);
    let mut h = common::window_sized(app, egui::vec2(1400.0, 1000.0));

    // The dashboard's "Meetings" figure: the table shows that year's only.
    h.get(By::new().label_contains("Meetings: ")).click();
    h.run();
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    assert!(
        h.state()
            .table(ListKind::Meetings)
            .unwrap()
            .drill_label()
            .is_some()
    );
    // A search typed, the keyboard left in its field.
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("pilot");
    h.run();

    // A spreadsheet dropped on the window, imported as it is.
    h.input_mut()
        .dropped_files
        .push(Arc::new(DroppedFile(path.clone())));
    h.run();
    assert!(h.state().import_view().is_some());
    h.get_by_label("Import: add 2, update 0").click();
    h.run();

    let table = h.state().table(ListKind::Meetings).unwrap();
    assert_eq!(
        table.drill_label(),
        None,
        "the dashboard's filter is cleared"
    );
    assert_eq!(table.search(), "");
    assert_eq!(table.visible_rows(), sample.meetings.len() + 2);
    h.get_by_label("Imported one");
    let status = h.state().status().unwrap().to_owned();
    assert!(status.contains("filters were cleared"), "{status}");
    assert!(status.contains("Ctrl+Z undoes the import"), "{status}");

    // The promise holds, even in the search box: Ctrl+Z there undoes what
    // was typed in it, then, with nothing of its own left, the import.
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("x");
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().table(ListKind::Meetings).unwrap().search(), "");
    assert_eq!(
        h.state().workspace().dataset().meetings.len(),
        sample.meetings.len() + 2,
        "the field's own typing first"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        h.state().workspace().dataset() == &sample,
        "the import is undone"
    );
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct DroppedFile(std::path::PathBuf);

impl egui::DroppedFile for DroppedFile {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Why a column is left out is worded for the list and the language shown:
/// switching the list or the language rewords it (the reasons are made
/// when those change, not per frame).
#[test]
fn why_a_column_is_left_out_follows_the_list_and_the_language() {
    use liaison_desk::i18n::{Language, set_language};

    let csv = "Date,Company,Company name,Topic,Date\n2015-02-12,acme,Acme SA,Sensors,2016-01-01\n";
    set_language(Language::English);
    let mut h = import_view_of("r.csv", csv);
    let readable = "the readable name of `company`, which another column gives";
    let repeated = "the same header as column 1 (“Date”), which comes first; rename one of the two";
    h.get_by_label(readable);
    h.get_by_label(repeated);

    // Into companies, “Company name” is no longer a readable copy of a
    // field; the repeated header still is.
    h.get_by_label("Import into").click();
    h.run();
    h.get_by_label("Companies").click();
    h.run();
    assert_eq!(h.state().0.list(), ListKind::Companies);
    assert!(h.query_by_label(readable).is_none());
    h.get_by_label(repeated);

    set_language(Language::French);
    h.run();
    h.get_by_label(
        "même en-tête que la colonne 1 («\u{a0}Date\u{a0}»), qui vient avant\u{a0}; renommez l’une des deux",
    );
    assert!(h.query_by_label(repeated).is_none());
    set_language(Language::English);
}
