//! The first window, driven headless with egui_kittest: what a person sees
//! on opening the sample, a file with problems, and a file that cannot be read.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::{Document, LiaisonApp};
use liaison_desk::cli::group_thousands;
use liaison_desk::format::parse_str;
use liaison_desk::stats::{Filter, summary};

fn harness(app: LiaisonApp) -> Harness<'static, LiaisonApp> {
    let mut harness = Harness::builder()
        .with_size(eframe::egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut LiaisonApp| app.ui(ui), app);
    harness.run();
    harness
}

#[test]
fn the_sample_shows_its_figures_by_zone_and_no_problem() {
    let h = harness(LiaisonApp::new(None));
    let data = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    let expected = summary(&data, &Filter::all());

    h.get_by_label("Figures by zone");
    for zone in &data.zones {
        h.get_by_label(zone.name.as_deref().unwrap_or(&zone.id));
    }
    h.get_by_label("Total");
    // The total row's meeting count and amounts, as the statistics compute them.
    assert!(
        !h.query_all_by_label(&group_thousands(expected.total.meetings))
            .collect::<Vec<_>>()
            .is_empty()
    );
    h.get_by_label(&group_thousands(expected.total.bilateral_eur));
    h.get_by_label(&group_thousands(expected.total.european_eur));
    h.get_by_label_contains("No problems found");
    h.get_by_label(data.title.as_deref().unwrap_or_default());
}

#[test]
fn a_file_with_problems_lists_each_of_them() {
    let text = r#"(format: 1, meetings: [(id: "m-0001", date: "2015-02-30", company: "zz")])"#;
    let dataset = parse_str(text).unwrap().dataset;
    let doc = Document::Open(Box::new(liaison_desk::app::OpenFile::new(
        "office.ron".to_owned(),
        dataset,
    )));
    let h = harness(LiaisonApp::with_document(doc));
    h.get_by_label("Problems: 2 errors, 0 warnings");
    h.get_by_label("meetings[m-0001].company: unknown company \"zz\"");
    h.get_by_label_contains("meetings[m-0001].date: \"2015-02-30\" is not a real date");
}

#[test]
fn a_file_that_cannot_be_read_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(format: 1, companies: [(id: \"a\", nmae: \"Acme\")])",
    )
    .unwrap();
    let h = harness(LiaisonApp::new(Some(path)));
    h.get_by_label("This file could not be opened.");
    h.get_by_label_contains("broken.ron:1:35: Unexpected field named `nmae`");
}
