//! Exporting from the window: the table as shown (filtered and sorted) goes
//! to CSV or Excel through the save dialog (scripted here).

mod common;

use common::ScriptedPicker;

use std::path::Path;
use std::sync::Arc;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, Screen};
use liaison_desk::model::ListKind;

fn app(picker: Arc<ScriptedPicker>) -> Harness<'static, LiaisonApp> {
    let app = LiaisonApp::start(Settings::default(), picker, None);
    common::window(app)
}

fn wait_for_file(h: &mut Harness<'static, LiaisonApp>, path: &Path) {
    for _ in 0..400 {
        if path.exists() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    panic!("{} was never written", path.display());
}

fn export(h: &mut Harness<'static, LiaisonApp>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn the_meetings_table_as_shown_exports_to_csv_in_its_order() {
    let picker = Arc::new(ScriptedPicker::default());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meetings.csv");
    *picker.save.lock().unwrap() = Some(path.clone());
    let mut h = app(picker);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    h.run();
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    // Only the meetings of one initiative, newest first.
    h.get_by_label("Search").click();
    h.get_by_label("Search").type_text("GLOBAL CARE");
    h.run();
    h.get_by_label("Date").click();
    h.run();
    h.get_by_label("Date").click();
    h.run();
    let shown = h
        .state()
        .table(ListKind::Meetings)
        .unwrap()
        .filtered_positions()
        .to_vec();
    assert!(!shown.is_empty() && shown.len() < h.state().workspace().dataset().meetings.len());

    export(&mut h, "CSV…");
    wait_for_file(&mut h, &path);

    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Id");
    let ids: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
    let dataset = h.state().workspace().dataset();
    let expected: Vec<String> = shown
        .iter()
        .map(|p| dataset.meetings[*p].id.clone())
        .collect();
    assert_eq!(ids, expected);
    assert!(h.state().status().unwrap().contains("Exported"));
}

#[test]
fn the_whole_file_exports_as_a_workbook_with_a_sheet_per_list() {
    use calamine::Reader as _;
    let picker = Arc::new(ScriptedPicker::default());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.xlsx");
    *picker.save.lock().unwrap() = Some(path.clone());
    let mut h = app(picker);
    export(&mut h, "Whole file as an Excel workbook…");
    wait_for_file(&mut h, &path);

    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let meetings = workbook.worksheet_range("meetings").unwrap();
    let dataset = h.state().workspace().dataset();
    // A header row, then one row per meeting.
    assert_eq!(meetings.height(), dataset.meetings.len() + 1);
}
