//! The dashboard, driven headless with egui_kittest: it shows the sample's
//! figures (those of `summary`), a click on a bar or a country lands on the
//! matching records in their table, a filter change updates the charts, and
//! a chart's numbers export as CSV.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod common;

use common::ScriptedPicker;

use std::path::Path;
use std::sync::Arc;

use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use liaison_desk::app::charts::Hit;
use liaison_desk::app::dashboard::ChartId;
use liaison_desk::app::settings::Settings;
use liaison_desk::app::{LiaisonApp, Screen};
use liaison_desk::cli::group_thousands;
use liaison_desk::dashboard::{Drill, matching};
use liaison_desk::format::parse_str;
use liaison_desk::i18n::{self, Language};
use liaison_desk::model::{Dataset, ListKind};
use liaison_desk::stats::{Filter, summary, years};
use liaison_desk::world::WorldMap;

fn sample() -> Dataset {
    parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset
}

/// The app on the sample, in a window tall enough to show every chart.
fn app(picker: Arc<ScriptedPicker>) -> Harness<'static, LiaisonApp> {
    app_with(Settings::default(), picker)
}

fn app_with(settings: Settings, picker: Arc<ScriptedPicker>) -> Harness<'static, LiaisonApp> {
    let app = LiaisonApp::start(settings, picker, None);
    common::window_sized(app, egui::vec2(1400.0, 2400.0))
}

/// A click at a point of the window (press and release, no movement).
fn click_at(h: &mut Harness<'static, LiaisonApp>, pos: egui::Pos2) {
    let events = &mut h.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    h.run();
}

fn latest_year(data: &Dataset) -> i32 {
    *years(data).last().unwrap()
}

#[test]
fn the_dashboard_opens_on_the_latest_year_with_the_figures_of_summary() {
    let h = app(Arc::default());
    assert_eq!(h.state().screen(), Screen::Dashboard);
    let data = sample();
    let year = latest_year(&data);
    let expected = summary(&data, &Filter::year(year));
    let shown = h.state().dashboard().figures().unwrap();
    assert_eq!(shown.filter, Filter::year(year));
    assert_eq!(shown.summary, expected);

    // The key figures are on screen, with the year before to compare.
    let meetings = group_thousands(expected.total.meetings);
    h.get_by_label(&format!("Meetings: {meetings}"));
    let companies = group_thousands(expected.total.companies_met);
    h.get_by_label(&format!("Companies met: {companies}"));
    assert!(
        h.query_all_by_label_contains(&format!("vs {}", year - 1))
            .count()
            >= 6,
        "each key figure compares with the previous year"
    );
    // The figures by zone, as `summary` prints them, zone by zone.
    for row in &expected.rows {
        assert!(h.query_all_by_label(&row.zone_name).next().is_some());
        let meetings = group_thousands(row.meetings);
        assert!(
            h.query_all_by_label(&meetings).next().is_some(),
            "{meetings}"
        );
    }
}

#[test]
fn clicking_a_zones_bar_shows_its_meetings_at_that_stage() {
    let mut h = app(Arc::default());
    let data = sample();
    let figures = h.state().dashboard().figures().unwrap().clone();
    let europe = figures
        .summary
        .rows
        .iter()
        .position(|r| r.zone_id == "europe")
        .unwrap();
    // First contacts in Europe: the first stack of Europe's bar.
    let hit = Hit {
        category: europe,
        series: 0,
    };
    let expected = figures.zones[europe].meetings_by_stage[0] as usize;
    assert!(expected > 0);
    let pos = h
        .state()
        .dashboard()
        .figure_position(ChartId::MeetingsByStage, hit)
        .expect("the bar is drawn");
    click_at(&mut h, pos);

    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    let table = h.state().table(ListKind::Meetings).unwrap();
    let label = table.drill_label().unwrap().to_owned();
    assert!(
        label.contains("Europe") && label.contains("First contact"),
        "{label}"
    );
    assert_eq!(table.visible_rows(), expected);
    // Those are exactly Europe's first contacts of the year.
    let drill = Drill {
        filter: figures.filter.clone(),
        zone: Some("europe".into()),
        stage: Some(liaison_desk::dashboard::StagePick::Exactly(Some(
            liaison_desk::model::Stage::FirstContact,
        ))),
        ..Drill::default()
    };
    let mut shown = table.filtered_positions().to_vec();
    shown.sort_unstable();
    assert_eq!(shown, matching(&data, ListKind::Meetings, &drill));
    // The table says where its rows come from, and can show them all again.
    h.get_by_label_contains("From the dashboard");
    h.get_by_label("Clear filters").click();
    h.run();
    let table = h.state().table(ListKind::Meetings).unwrap();
    assert_eq!(table.visible_rows(), data.meetings.len());
}

#[test]
fn a_filter_change_updates_the_figures_and_the_charts() {
    let mut h = app(Arc::default());
    let data = sample();
    let year = latest_year(&data);
    let before = h
        .state()
        .dashboard()
        .chart(ChartId::MeetingsByStage)
        .unwrap()
        .clone();
    h.get(By::new().role(Role::ComboBox).label("Initiative"))
        .click();
    h.run();
    h.get_by_label("GLOBAL CARE").click();
    h.run();

    let filter = Filter {
        initiative: Some("GLOBAL CARE".into()),
        ..Filter::year(year)
    };
    let expected = summary(&data, &filter);
    let shown = h.state().dashboard().figures().unwrap();
    assert_eq!(shown.filter, filter);
    assert_eq!(shown.summary, expected);
    let chart = h
        .state()
        .dashboard()
        .chart(ChartId::MeetingsByStage)
        .unwrap();
    assert_ne!(chart, &before, "the chart follows the filter");
    let drawn: u64 = chart.series.iter().flat_map(|s| s.values.iter()).sum();
    assert_eq!(drawn, expected.total.meetings);
    let meetings = group_thousands(expected.total.meetings);
    h.get_by_label(&format!("Meetings: {meetings}"));

    // And the period: all years.
    h.get(By::new().role(Role::ComboBox).label("Period"))
        .click();
    h.run();
    h.get_by_label("All years").click();
    h.run();
    let all = summary(
        &data,
        &Filter {
            initiative: Some("GLOBAL CARE".into()),
            ..Filter::all()
        },
    );
    assert_eq!(h.state().dashboard().figures().unwrap().summary, all);
    // Without a bounded period there is nothing to compare with.
    assert_eq!(h.state().dashboard().figures().unwrap().previous, None);
}

#[test]
fn a_key_figure_shows_its_records() {
    let mut h = app(Arc::default());
    let data = sample();
    let expected = summary(&data, &Filter::year(latest_year(&data))).total;
    h.get_by_label(&format!(
        "Companies met: {}",
        group_thousands(expected.companies_met)
    ))
    .click();
    h.run();
    assert_eq!(h.state().screen(), Screen::List(ListKind::Companies));
    let table = h.state().table(ListKind::Companies).unwrap();
    assert_eq!(table.visible_rows() as u64, expected.companies_met);
}

#[test]
fn clicking_a_country_on_the_map_shows_its_meetings() {
    let mut h = app(Arc::default());
    let data = sample();
    let map = WorldMap::bundled().unwrap();
    let rect = h.get(By::new().role(Role::Image).label("World map")).rect();
    // At the default view the map fits the widget, centred.
    let fit_width = rect.width().min(rect.height() * map.aspect());
    let fit = egui::vec2(fit_width, fit_width / map.aspect());
    let [u, v] = map.project(-98.0, 39.0).unwrap(); // the middle of the United States
    let pos = rect.center() + egui::vec2((u - 0.5) * fit.x, (v - 0.5) * fit.y);
    click_at(&mut h, pos);

    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    let table = h.state().table(ListKind::Meetings).unwrap();
    assert!(table.drill_label().unwrap().contains("United States"));
    let year = latest_year(&data);
    let us_meetings = data
        .meetings
        .iter()
        .filter(|m| Filter::year(year).admits_meeting(m))
        .filter(|m| {
            data.companies
                .iter()
                .find(|c| c.id == m.company)
                .is_some_and(|c| c.country.as_deref() == Some("US"))
        })
        .count();
    assert!(us_meetings > 0);
    assert_eq!(table.visible_rows(), us_meetings);
}

#[test]
fn a_charts_numbers_export_as_csv() {
    let picker = Arc::new(ScriptedPicker::default());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stages.csv");
    *picker.save.lock().unwrap() = Some(path.clone());
    let mut h = app(picker);
    // The map's CSV button comes first, then each chart's in order.
    h.query_all_by_label("CSV…").nth(1).unwrap().click();
    wait_for_file(&mut h, &path);

    let text = std::fs::read_to_string(&path).unwrap();
    let chart = h
        .state()
        .dashboard()
        .chart(ChartId::MeetingsByStage)
        .unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "Zone,{}",
            chart
                .series
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(",")
        )
    );
    for (zone, line) in chart.categories.iter().zip(lines) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[0], zone);
        let total: u64 = cells[1..].iter().map(|c| c.parse::<u64>().unwrap()).sum();
        let row = &h.state().dashboard().figures().unwrap().summary.rows;
        let expected = row.iter().find(|r| &r.zone_name == zone).unwrap().meetings;
        assert_eq!(total, expected, "{zone}");
    }
    assert!(h.state().status().unwrap().contains("Exported"));
}

fn wait_for_file(h: &mut Harness<'static, LiaisonApp>, path: &Path) {
    common::run_until(h, &format!("writing {}", path.display()), |_| path.exists());
}

#[test]
fn a_point_of_the_time_series_shows_that_quarters_meetings() {
    let mut h = app(Arc::default());
    let data = sample();
    let year = latest_year(&data);
    // One year is shown by quarter.
    let chart = h
        .state()
        .dashboard()
        .chart(ChartId::OverTime)
        .unwrap()
        .clone();
    assert_eq!(chart.categories.len(), 4);
    assert_eq!(chart.categories[1], format!("Q2 {year}"));
    let europe = chart
        .series
        .iter()
        .position(|s| s.name == "Europe")
        .unwrap();
    let expected = chart.series[europe].values[1] as usize;
    assert!(expected > 0);
    let hit = Hit {
        category: 1,
        series: europe,
    };
    let pos = h
        .state()
        .dashboard()
        .figure_position(ChartId::OverTime, hit)
        .expect("the point is drawn");
    click_at(&mut h, pos);
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    let table = h.state().table(ListKind::Meetings).unwrap();
    assert!(table.drill_label().unwrap().contains(&format!("Q2 {year}")));
    assert_eq!(table.visible_rows(), expected);

    // Back on the dashboard, by year: one point per year of the period.
    h.get_by_label("Dashboard").click();
    h.run();
    h.get_by_label("By year").click();
    h.run();
    let chart = h.state().dashboard().chart(ChartId::OverTime).unwrap();
    assert_eq!(chart.categories, [year.to_string()]);
}

#[test]
fn the_dashboard_speaks_french() {
    let settings = Settings {
        language: Some(Language::French),
        ..Settings::default()
    };
    let mut h = app_with(settings, Arc::default());
    // The app made this thread French for its frames; the expected texts too.
    i18n::set_language(Language::French);
    let data = sample();
    let year = latest_year(&data);

    // Chart titles, filters, the map's switch.
    for title in [
        "Réunions par zone, par étape",
        "Entreprises rencontrées par zone",
        "Montant des contrats par zone",
        "Carte du monde",
        "Chiffres par zone",
    ] {
        assert!(h.query_all_by_label(title).next().is_some(), "{title}");
    }
    h.get(By::new().role(Role::ComboBox).label("Période"));
    h.get(By::new().role(Role::ComboBox).label("Institut"));
    h.get_by_label("Par nombre de réunions");
    h.get(By::new().role(Role::Image).label("Carte du monde"));

    // Key figures: counts grouped with a no-break space, amounts in "M€"
    // with a decimal comma.
    let current = h.state().dashboard().figures().unwrap().current;
    let meetings = i18n::count(current.meetings);
    h.get_by_label(&format!("Réunions\u{a0}: {meetings}"));
    let largest = current
        .open_pipeline_eur
        .max(current.bilateral_eur)
        .max(current.european_eur);
    assert!(largest >= 1_000_000, "the sample has millions");
    let short = i18n::euros_short(largest);
    assert!(
        short.ends_with("\u{a0}M€") && short.contains(','),
        "{short}"
    );
    h.get_by_label(&short);
    assert!(
        h.query_all_by_label_contains(&format!("par rapport à {}", year - 1))
            .count()
            >= 6,
        "each key figure compares with the previous year, in French"
    );

    // Series and the time scale in French.
    let stages = h
        .state()
        .dashboard()
        .chart(ChartId::MeetingsByStage)
        .unwrap();
    assert_eq!(stages.series[0].name, "Premier contact");
    assert_eq!(stages.series.last().unwrap().name, "Sans étape");
    assert_eq!(stages.axis_title, "Réunions");
    let over_time = h.state().dashboard().chart(ChartId::OverTime).unwrap();
    assert_eq!(over_time.categories[1], format!("T2 {year}"));

    // A country is named in French: the records behind a click on the
    // United States say "États-Unis".
    let map = WorldMap::bundled().unwrap();
    let rect = h
        .get(By::new().role(Role::Image).label("Carte du monde"))
        .rect();
    let fit_width = rect.width().min(rect.height() * map.aspect());
    let fit = egui::vec2(fit_width, fit_width / map.aspect());
    let at = |lon: f64, lat: f64| {
        let [u, v] = map.project(lon, lat).unwrap();
        rect.center() + egui::vec2((u - 0.5) * fit.x, (v - 0.5) * fit.y)
    };
    // The tooltip of a country under the pointer names it in French.
    h.input_mut()
        .events
        .push(egui::Event::PointerMoved(at(10.45, 51.17)));
    for _ in 0..60 {
        h.step();
    }
    h.get_by_label("Allemagne");
    let pos = at(-98.0, 39.0);
    click_at(&mut h, pos);
    assert_eq!(h.state().screen(), Screen::List(ListKind::Meetings));
    let label = h
        .state()
        .table(ListKind::Meetings)
        .unwrap()
        .drill_label()
        .unwrap()
        .to_owned();
    assert!(label.contains("États-Unis"), "{label}");
    i18n::set_language(Language::English);
}
