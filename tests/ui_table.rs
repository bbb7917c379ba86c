//! The table of one list, driven headless with egui_kittest by what a person
//! sees: the count, the headers, the cells, the search box and the filters.
//! Expected figures are computed from the data, never typed in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use eframe::egui;
use egui::accesskit::{Role, SortDirection};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::{Harness, Node};
use liaison_desk::app::table::{SortOrder, TableAction, TableView};
use liaison_desk::cli::group_thousands;
use liaison_desk::edit::{Edit, Record};
use liaison_desk::format::parse_str;
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::lookup::Lookup;
use liaison_desk::model::{Dataset, ListKind, Meeting};
use liaison_desk::stats::{Filter, summary};
use liaison_desk::workspace::Workspace;

/// What the harness drives: a workspace, its lookup, the table, and what
/// the table asked for.
struct State {
    ws: Workspace,
    lookup: Lookup,
    table: TableView,
    actions: Vec<TableAction>,
}

fn sample() -> Dataset {
    parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset
}

fn state(dataset: Dataset, kind: ListKind) -> State {
    let ws = Workspace::new(dataset);
    let lookup = Lookup::new(ws.dataset());
    State {
        ws,
        lookup,
        table: TableView::new(kind),
        actions: Vec::new(),
    }
}

fn draw(ui: &mut egui::Ui, s: &mut State) {
    if let Some(action) = s.table.ui(ui, &s.ws, &s.lookup) {
        s.actions.push(action);
    }
}

fn harness(dataset: Dataset, kind: ListKind) -> Harness<'static, State> {
    let mut h = Harness::builder()
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(draw, state(dataset, kind));
    h.run();
    h
}

/// The count line: "12 of 1,102 meetings".
fn count_label(shown: usize, total: usize, noun: &str) -> String {
    format!(
        "{} of {} {noun}",
        group_thousands(shown as u64),
        group_thousands(total as u64)
    )
}

/// The cells of the column under the header `header`, top to bottom, as
/// drawn (left-aligned columns: a cell starts where its header starts).
fn column<'h>(h: &'h Harness<'static, State>, header: &str) -> Vec<Node<'h>> {
    let left = h.get_by_role_and_label(Role::Button, header).rect().left();
    let mut cells: Vec<Node<'h>> = h
        .query_all_by_role(Role::Label)
        .filter(|n| (n.rect().left() - left).abs() < 1.0 && n.rect().top() > 0.0)
        .filter(|n| n.value().is_some())
        .collect();
    cells.retain(|n| {
        n.rect().top()
            > h.get_by_role_and_label(Role::Button, header)
                .rect()
                .bottom()
    });
    cells.sort_by(|a, b| a.rect().top().total_cmp(&b.rect().top()));
    cells
}

/// The sort direction a screen reader is told for a header.
fn sort_direction(h: &Harness<'static, State>, header: &str) -> Option<SortDirection> {
    h.get_by_role_and_label(Role::Button, header)
        .accesskit_node()
        .sort_direction()
}

/// Two clicks within one frame, as a person's double click (kittest's
/// `click` runs a frame per event, too slow to count as a double click).
fn double_click(h: &mut Harness<'static, State>, pos: egui::Pos2) {
    let events = &mut h.input_mut().events;
    events.push(egui::Event::PointerMoved(pos));
    for pressed in [true, false, true, false] {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    h.run();
}

/// A date of the data file as the table shows it ("Feb 12, 2015").
fn shown_date(iso: &str) -> String {
    liaison_desk::i18n::iso_or_date(iso)
}

fn column_texts(h: &Harness<'static, State>, header: &str) -> Vec<String> {
    column(h, header).iter().filter_map(|n| n.value()).collect()
}

fn company_name(data: &Dataset, id: &str) -> String {
    let company = data.companies.iter().find(|c| c.id == id).unwrap();
    company.name.clone().unwrap()
}

#[test]
fn the_meetings_table_counts_every_meeting() {
    let data = sample();
    let total = data.meetings.len();
    let h = harness(data, ListKind::Meetings);
    h.get_by_label(&count_label(total, total, "meetings"));
    for header in [
        "Date",
        "Company",
        "Zone",
        "Affiliate",
        "Topic",
        "Stage",
        "Value (€)",
        "Follow-up",
        "Initiative",
    ] {
        h.get_by_role_and_label(Role::Button, header);
    }
    assert_eq!(h.state().table.visible_rows(), total);
    assert_eq!(h.state().table.total_rows(), total);
}

#[test]
fn clicking_the_date_header_sorts_by_date_then_reverses_then_restores_the_file_order() {
    let data = sample();
    let iso: Vec<String> = data.meetings.iter().map(|m| m.date.to_string()).collect();
    let dates: Vec<String> = iso.iter().map(|d| shown_date(d)).collect();
    let mut ascending = iso.clone();
    ascending.sort();
    let ascending: Vec<String> = ascending.iter().map(|d| shown_date(d)).collect();
    let descending: Vec<String> = ascending.iter().rev().cloned().collect();
    let mut h = harness(data, ListKind::Meetings);
    assert_eq!(column_texts(&h, "Date").first(), dates.first());

    assert_eq!(sort_direction(&h, "Date"), None);

    h.get_by_label("Date").click();
    h.run();
    let shown = column_texts(&h, "Date");
    assert!(shown.len() > 5, "{shown:?}");
    assert_eq!(shown, ascending[..shown.len()], "ascending");
    assert_eq!(
        h.state().table.sorted_by(),
        Some(("Date", SortOrder::Ascending))
    );
    assert_eq!(sort_direction(&h, "Date"), Some(SortDirection::Ascending));

    h.get_by_label("Date").click();
    h.run();
    let shown = column_texts(&h, "Date");
    assert_eq!(shown, descending[..shown.len()], "descending");
    assert_eq!(sort_direction(&h, "Date"), Some(SortDirection::Descending));

    h.get_by_label("Date").click();
    h.run();
    assert_eq!(column_texts(&h, "Date").first(), dates.first());
    assert_eq!(h.state().table.sorted_by(), None);
    assert_eq!(sort_direction(&h, "Date"), None);
}

#[test]
fn text_columns_sort_case_insensitively_with_empty_values_last() {
    let data = sample();
    let mut h = harness(data.clone(), ListKind::Meetings);
    h.get_by_label("Initiative").click();
    h.run();
    // Sorted ascending: the first row has the smallest initiative, compared
    // without case; meetings without initiative come last.
    let smallest = data
        .meetings
        .iter()
        .filter_map(|m| m.initiative.as_deref())
        .min_by_key(|i| i.to_lowercase())
        .unwrap();
    let first = h.state().table.filtered_positions()[0];
    assert_eq!(data.meetings[first].initiative.as_deref(), Some(smallest));
    let rows = h.state().table.filtered_positions();
    let last = rows[rows.len() - 1];
    if data.meetings.iter().any(|m| m.initiative.is_none()) {
        assert_eq!(data.meetings[last].initiative, None);
    }
}

/// A company whose name no other meeting mentions, with the most meetings:
/// searching its name must find exactly its meetings.
fn distinctive_company(data: &Dataset) -> (String, String, usize) {
    let lookup = Lookup::new(data);
    let words_of_meeting = |m: &Meeting| -> String {
        let mut text = vec![
            m.id.clone(),
            lookup.name(data, ListKind::Companies, &m.company),
            m.topic.clone().unwrap_or_default(),
            m.notes.clone().unwrap_or_default(),
            m.initiative.clone().unwrap_or_default(),
        ];
        if let Some(a) = &m.affiliate {
            text.push(lookup.name(data, ListKind::Affiliates, a));
        }
        for i in &m.institutes {
            text.push(lookup.name(data, ListKind::Institutes, i));
        }
        text.join("\n").to_lowercase()
    };
    let texts: Vec<String> = data.meetings.iter().map(words_of_meeting).collect();
    let mut best: Option<(String, String, usize)> = None;
    for company in &data.companies {
        let Some(name) = company.name.clone() else {
            continue;
        };
        if !name.is_ascii() {
            continue;
        }
        let first_word = name.split_whitespace().next().unwrap().to_lowercase();
        let own = data
            .meetings
            .iter()
            .filter(|m| m.company == company.id)
            .count();
        let mentioned_elsewhere = data
            .meetings
            .iter()
            .zip(&texts)
            .any(|(m, text)| m.company != company.id && text.contains(&first_word));
        if own > 0 && !mentioned_elsewhere && best.as_ref().is_none_or(|b| own > b.2) {
            best = Some((company.id.clone(), name, own));
        }
    }
    best.unwrap()
}

#[test]
fn typing_a_company_name_in_the_search_shows_its_meetings() {
    let data = sample();
    let total = data.meetings.len();
    let (_, name, own) = distinctive_company(&data);
    let mut h = harness(data, ListKind::Meetings);

    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text(&name);
    h.run();

    h.get_by_label(&count_label(own, total, "meetings"));
    let companies = column_texts(&h, "Company");
    assert!(!companies.is_empty());
    assert!(companies.iter().all(|c| *c == name), "{companies:?}");
}

#[test]
fn the_search_ignores_case_and_accents() {
    let data = sample();
    let company = data
        .companies
        .iter()
        .find(|c| {
            c.name.as_deref().is_some_and(|n| !n.is_ascii())
                && data.meetings.iter().any(|m| m.company == c.id)
        })
        .unwrap();
    let name = company.name.clone().unwrap();
    // "Elqui Energía SpA" → "ELQUI ENERGIA SPA"
    let plain: String = name
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect::<String>()
        .to_uppercase();
    let mut h = harness(data, ListKind::Meetings);
    h.state_mut().table.set_search(plain.clone());
    h.run();
    let companies = column_texts(&h, "Company");
    assert!(
        companies.contains(&name),
        "{plain} should find {name}: {companies:?}"
    );
}

#[test]
fn a_zone_filter_shows_the_meetings_of_that_zone() {
    let data = sample();
    let total = data.meetings.len();
    let figures = summary(&data, &Filter::all());
    let zone = figures
        .rows
        .iter()
        .filter(|z| z.meetings > 0 && (z.meetings as usize) < total)
        .min_by_key(|z| z.meetings)
        .unwrap()
        .clone();
    let mut h = harness(data, ListKind::Meetings);

    h.get_by_label("Filter by zone").click();
    h.run();
    h.get_by_role_and_label(Role::Button, &zone.zone_name)
        .click();
    h.run();

    h.get_by_label(&count_label(zone.meetings as usize, total, "meetings"));
    let zones = column_texts(&h, "Zone");
    assert!(!zones.is_empty());
    assert!(zones.iter().all(|z| *z == zone.zone_name), "{zones:?}");
    assert_eq!(h.state().table.zone_filter(), Some(zone.zone_id.as_str()));

    h.get_by_label("Clear filters").click();
    h.run();
    h.get_by_label(&count_label(total, total, "meetings"));
}

#[test]
fn a_year_filter_shows_the_meetings_of_that_year() {
    let data = sample();
    let total = data.meetings.len();
    let latest = *liaison_desk::stats::years(&data).last().unwrap();
    let expected = summary(&data, &Filter::year(latest)).total.meetings as usize;
    let mut h = harness(data, ListKind::Meetings);
    h.get_by_label("Filter by year").click();
    h.run();
    h.get_by_role_and_label(Role::Button, &latest.to_string())
        .click();
    h.run();
    h.get_by_label(&count_label(expected, total, "meetings"));
    // "Feb 12, 2015": the year last.
    let year = latest.to_string();
    assert!(column_texts(&h, "Date").iter().all(|d| d.ends_with(&year)));
}

#[test]
fn the_filters_and_the_search_combine() {
    let data = sample();
    let total = data.meetings.len();
    let (company_id, name, _) = distinctive_company(&data);
    let stage = liaison_desk::model::Stage::FirstContact;
    let expected = data
        .meetings
        .iter()
        .filter(|m| m.company == company_id && m.stage == Some(stage))
        .count();
    let mut h = harness(data, ListKind::Meetings);
    h.get_by_label("Filter by stage").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "First contact")
        .click();
    h.run();
    h.state_mut().table.set_search(name);
    h.run();
    h.get_by_label(&count_label(expected, total, "meetings"));
    assert!(
        column_texts(&h, "Stage")
            .iter()
            .all(|s| s == "First contact")
    );
}

#[test]
fn typing_letter_by_letter_finds_what_a_fresh_search_finds() {
    let data = sample();
    let query = "carnot office bo";
    let mut h = harness(data.clone(), ListKind::Meetings);
    h.get_by_label("Date").click();
    h.run();
    for end in 1..=query.len() {
        h.state_mut().table.set_search(&query[..end]);
        h.run();
    }
    let typed = h.state().table.filtered_positions().to_vec();
    assert!(!typed.is_empty());

    let mut fresh = harness(data, ListKind::Meetings);
    fresh.get_by_label("Date").click();
    fresh.run();
    fresh.state_mut().table.set_search(query);
    fresh.run();
    assert_eq!(typed, fresh.state().table.filtered_positions());
}

#[test]
fn the_zone_drill_down_agrees_with_the_figures_for_every_list() {
    let data = sample();
    let figures = summary(&data, &Filter::all());
    for (kind, noun, total) in [
        (ListKind::Meetings, "meetings", data.meetings.len()),
        (ListKind::Companies, "companies", data.companies.len()),
        (ListKind::Contracts, "contracts", data.contracts.len()),
        (
            ListKind::CountryNotes,
            "country notes",
            data.country_notes.len(),
        ),
    ] {
        let mut h = Harness::builder()
            .with_context_setup(liaison_desk::app::fonts::install_blocking)
            .with_size(egui::vec2(1200.0, 800.0))
            .build_ui_state(draw, state(data.clone(), kind));
        for zone in &figures.rows {
            let expected = match kind {
                ListKind::Meetings => zone.meetings,
                ListKind::Companies => zone.companies,
                ListKind::Contracts => zone.contracts,
                _ => zone.country_notes,
            };
            h.state_mut()
                .table
                .set_zone_filter(Some(zone.zone_id.clone()));
            h.run();
            assert_eq!(
                h.state().table.visible_rows(),
                expected as usize,
                "{noun} of {}",
                zone.zone_name
            );
            if expected > 0 {
                h.get_by_label(&count_label(expected as usize, total, noun));
            }
        }
    }
}

#[test]
fn references_are_shown_by_name_never_by_id() {
    let data = sample();
    let h = harness(data.clone(), ListKind::Meetings);
    let companies = column_texts(&h, "Company");
    assert!(!companies.is_empty());
    for (row, shown) in companies.iter().enumerate() {
        let meeting = &data.meetings[row];
        assert_eq!(*shown, company_name(&data, &meeting.company));
        assert!(
            h.query_by_label(&meeting.company).is_none(),
            "the id {} is shown",
            meeting.company
        );
    }
    let affiliates = column_texts(&h, "Affiliate");
    for (row, shown) in affiliates.iter().enumerate() {
        let expected = match &data.meetings[row].affiliate {
            Some(id) => data
                .affiliates
                .iter()
                .find(|a| &a.id == id)
                .unwrap()
                .name
                .clone(),
            None => "Head office".to_owned(),
        };
        assert_eq!(*shown, expected);
    }
    // Countries by name, with the zone of the company.
    let lookup = Lookup::new(&data);
    let zones = column_texts(&h, "Zone");
    for (row, shown) in zones.iter().enumerate() {
        let company = &data.companies[lookup
            .position(ListKind::Companies, &data.meetings[row].company)
            .unwrap()];
        assert_eq!(*shown, lookup.zone_name(&data, company.country.as_deref()));
    }
}

#[test]
fn double_clicking_a_row_opens_its_record() {
    let mut h = harness(sample(), ListKind::Meetings);
    let cell = column(&h, "Date")[3].rect().center();
    double_click(&mut h, cell);
    assert_eq!(h.state().actions, vec![TableAction::Open(3)]);
    assert_eq!(h.state().table.selected(), Some(3));
}

#[test]
fn a_click_selects_and_the_keyboard_moves_the_selection_and_opens_it() {
    let data = sample();
    let last = data.meetings.len() - 1;
    let last_date = shown_date(&data.meetings[last].date.to_string());
    let mut h = harness(data, ListKind::Meetings);
    column(&h, "Topic")[1].click();
    h.run();
    assert_eq!(h.state().table.selected(), Some(1));
    assert!(h.state().actions.is_empty());

    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(h.state().table.selected(), Some(2));
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().actions, vec![TableAction::Open(2)]);

    // End goes to the last row and scrolls it into view.
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(h.state().table.selected(), Some(last));
    assert!(column_texts(&h, "Date").contains(&last_date));
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().table.selected(), Some(0));
}

#[test]
fn enter_opens_the_first_of_a_sorted_view_stably() {
    let data = sample();
    let latest = data.meetings.iter().map(|m| &m.date).max().unwrap();
    // Stable sort: among meetings of the latest day, the first in the file.
    let expected = data
        .meetings
        .iter()
        .position(|m| &m.date == latest)
        .unwrap();
    let mut h = harness(data.clone(), ListKind::Meetings);
    h.get_by_label("Date").click();
    h.run();
    h.get_by_label("Date").click();
    h.run();
    h.key_press(egui::Key::Home);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().actions, vec![TableAction::Open(expected)]);
}

#[test]
fn keys_typed_in_the_search_box_do_not_move_the_selection() {
    let mut h = harness(sample(), ListKind::Meetings);
    column(&h, "Topic")[0].click();
    h.run();
    h.state_mut().table.request_search_focus();
    h.run();
    assert!(h.get_by_label("Search").is_focused());
    h.key_press(egui::Key::Home);
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(h.state().table.selected(), Some(0));
    assert!(h.state().actions.is_empty());
}

#[test]
fn ctrl_f_focuses_the_search_box_and_selects_its_text() {
    let data = sample();
    let total = data.meetings.len();
    let (_, name, own) = distinctive_company(&data);
    let mut h = harness(data, ListKind::Meetings);
    h.state_mut().table.set_search("something else");
    h.state_mut().table.request_search_focus();
    h.run();
    let search = h.get_by_label("Search");
    assert!(search.is_focused());
    // The old text is selected: typing replaces it.
    search.type_text(&name);
    h.run();
    assert_eq!(h.state().table.search(), name);
    h.get_by_label(&count_label(own, total, "meetings"));
}

#[test]
fn a_search_without_result_says_so_and_offers_to_show_everything() {
    let data = sample();
    let total = data.meetings.len();
    let mut h = harness(data, ListKind::Meetings);
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("zzqx nothing");
    h.run();
    h.get_by_label("No meetings match “zzqx nothing”.");
    h.get_by_label(&count_label(0, total, "meetings"));
    h.get_by_label("Show all meetings").click();
    h.run();
    h.get_by_label(&count_label(total, total, "meetings"));
    assert_eq!(h.state().table.search(), "");
}

#[test]
fn an_empty_list_says_how_to_add_a_record() {
    let h = harness(Dataset::default(), ListKind::Meetings);
    h.get_by_label("No meetings yet — add one with Ctrl+N");
    h.get_by_label("0 of 0 meetings");
}

#[test]
fn an_edit_is_seen_by_the_search_at_once() {
    let data = sample();
    let total = data.meetings.len();
    let mut h = harness(data, ListKind::Meetings);
    h.state_mut().table.set_search("flux capacitor");
    h.run();
    h.get_by_label(&count_label(0, total, "meetings"));

    let s = h.state_mut();
    let mut meeting = s.ws.dataset().meetings[7].clone();
    meeting.topic = Some("Flux Capacitor calibration".to_owned());
    s.ws.apply(
        "Edit meeting",
        Edit::Replace {
            index: 7,
            record: Record::Meeting(meeting),
        },
    )
    .unwrap();
    s.lookup = Lookup::new(s.ws.dataset());
    h.run();
    h.get_by_label(&count_label(1, total, "meetings"));
    h.get_by_label("Flux Capacitor calibration");
    assert_eq!(h.state().table.filtered_positions(), &[7]);
}

#[test]
fn the_companies_table_counts_meetings_per_company() {
    let data = sample();
    let mut h = harness(data.clone(), ListKind::Companies);
    h.get_by_label("Meetings").click();
    h.run();
    h.get_by_label("Meetings").click();
    h.run();
    let most = data
        .companies
        .iter()
        .map(|c| data.meetings.iter().filter(|m| m.company == c.id).count())
        .max()
        .unwrap();
    let first = h.state().table.filtered_positions()[0];
    let first_company = &data.companies[first];
    assert_eq!(
        data.meetings
            .iter()
            .filter(|m| m.company == first_company.id)
            .count(),
        most
    );
    let first_row = column(&h, "Name")[0];
    assert_eq!(first_row.value(), first_company.name.clone());
    // Its count, on the same row.
    let y = first_row.rect().center().y;
    assert!(
        h.query_all_by_label(&group_thousands(most as u64))
            .any(|n| (n.rect().center().y - y).abs() < 1.0)
    );
}

#[test]
fn every_list_has_a_table_with_its_count() {
    let data = sample();
    for (kind, noun, total) in [
        (ListKind::Zones, "zones", data.zones.len()),
        (ListKind::Countries, "countries", data.countries.len()),
        (ListKind::Institutes, "institutes", data.institutes.len()),
        (ListKind::Affiliates, "affiliates", data.affiliates.len()),
        (ListKind::Companies, "companies", data.companies.len()),
        (ListKind::Meetings, "meetings", data.meetings.len()),
        (
            ListKind::CountryNotes,
            "country notes",
            data.country_notes.len(),
        ),
        (ListKind::Contracts, "contracts", data.contracts.len()),
    ] {
        let mut h = Harness::builder()
            .with_context_setup(liaison_desk::app::fonts::install_blocking)
            .with_size(egui::vec2(1200.0, 800.0))
            .build_ui_state(draw, state(data.clone(), kind));
        h.run();
        h.get_by_label(&count_label(total, total, noun));
        assert!(
            h.query_all_by_role(Role::Label).count() > 10,
            "{noun}: rows are drawn"
        );
    }
}

#[test]
fn a_hundred_thousand_meetings_draw_only_the_rows_in_view() {
    let data = generate(GenerateOptions {
        meetings: 100_000,
        seed: 1,
    });
    let total = data.meetings.len();
    let last_date = shown_date(&data.meetings[total - 1].date.to_string());
    let mut h = harness(data, ListKind::Meetings);
    h.get_by_label(&count_label(total, total, "meetings"));

    let rows_drawn = column(&h, "Date").len();
    assert!(
        (10..=60).contains(&rows_drawn),
        "{rows_drawn} rows in the accessibility tree"
    );
    assert!(h.query_all_by_role(Role::Label).count() < 1_000);

    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(h.state().table.selected(), Some(total - 1));
    assert!(column_texts(&h, "Date").contains(&last_date));
    assert!(column(&h, "Date").len() <= 60);

    // The first search indexes the records' text a slice per frame, saying so.
    let id = "m-0054321";
    h.state_mut().table.set_search(id);
    h.step();
    h.get_by_label("Searching 100,000 meetings…");
    for _ in 0..500 {
        h.step();
        if h.query_by_label_contains("Searching").is_none() {
            break;
        }
    }
    h.run();
    h.get_by_label(&count_label(1, total, "meetings"));
    let position = h.state().table.filtered_positions()[0];
    assert_eq!(h.state().ws.dataset().meetings[position].id, id);
}

/// The table drawn with the workspace's own lookup, as the app does.
fn draw_with_workspace_lookup(ui: &mut egui::Ui, s: &mut State) {
    if let Some(action) = s.table.ui(ui, &s.ws, s.ws.lookup()) {
        s.actions.push(action);
    }
}

/// The rows a table shows, drawn once by a table that never saw an edit.
fn rows_of_a_fresh_table(ws_data: Dataset, search: &str, sort: Option<SortOrder>) -> Vec<usize> {
    let mut fresh = Harness::builder()
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(
            draw_with_workspace_lookup,
            state(ws_data, ListKind::Meetings),
        );
    fresh.state_mut().table.set_search(search);
    fresh.state_mut().table.sort_by("Topic", sort);
    for _ in 0..20 {
        fresh.run();
    }
    fresh.state().table.filtered_positions().to_vec()
}

#[test]
fn an_edited_or_added_meeting_is_found_and_sorted_at_once() {
    let mut h = Harness::builder()
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(
            draw_with_workspace_lookup,
            state(sample(), ListKind::Meetings),
        );
    h.state_mut().table.set_search("tidal");
    h.state_mut()
        .table
        .sort_by("Topic", Some(SortOrder::Descending));
    for _ in 0..20 {
        h.run();
    }
    let before = h.state().table.visible_rows();

    // A form's Apply: one meeting gets a new topic.
    let mut meeting = h.state().ws.dataset().meetings[5].clone();
    meeting.topic = Some("Tidal energy sensors".to_owned());
    h.state_mut()
        .ws
        .apply(
            "Edit meeting",
            Edit::Replace {
                index: 5,
                record: Record::Meeting(meeting.clone()),
            },
        )
        .unwrap();
    h.run();
    assert_eq!(h.state().table.visible_rows(), before + 1);
    h.get_by_label("Tidal energy sensors");

    // A new meeting, logged at the end.
    meeting.id = "m-new".to_owned();
    meeting.topic = Some("Tidal turbines, follow-up".to_owned());
    let end = h.state().ws.dataset().meetings.len();
    h.state_mut()
        .ws
        .apply(
            "New meeting",
            Edit::Insert {
                index: end,
                record: Record::Meeting(meeting),
            },
        )
        .unwrap();
    h.run();
    assert_eq!(h.state().table.visible_rows(), before + 2);
    assert_eq!(h.state().table.total_rows(), end + 1);
    h.get_by_label("Tidal turbines, follow-up");

    // Exactly what a table built from scratch shows, in the same order.
    let data = h.state().ws.dataset().clone();
    assert_eq!(
        h.state().table.filtered_positions(),
        rows_of_a_fresh_table(data, "tidal", Some(SortOrder::Descending)).as_slice()
    );
}

#[test]
fn the_meetings_table_speaks_french() {
    use liaison_desk::i18n::{Language, set_language};
    use liaison_desk::model::IsoDate;

    let mut data = sample();
    data.meetings[0].date = IsoDate::parse("2015-02-12");
    data.meetings[0].value_eur = Some(250_000);
    let total = data.meetings.len();
    let on_that_day = data
        .meetings
        .iter()
        .filter(|m| {
            m.date.to_string() == "2015-02-12"
                || m.follow_up
                    .as_ref()
                    .is_some_and(|f| f.to_string() == "2015-02-12")
        })
        .count();
    set_language(Language::French);
    let mut h = harness(data, ListKind::Meetings);

    for header in [
        "Date",
        "Entreprise",
        "Zone",
        "Sujet",
        "Étape",
        "Valeur (€)",
        "Relance",
    ] {
        h.get_by_role_and_label(Role::Button, header);
    }
    let grouped = liaison_desk::i18n::count(total as u64);
    assert!(
        grouped.contains('\u{a0}'),
        "{grouped}: French groups digits"
    );
    h.get_by_label(&format!("{grouped} sur {grouped}\u{a0}réunions"));
    h.get_by_label("Rechercher");
    assert!(h.query_all_by_label("12/02/2015").count() >= 1);
    assert_eq!(h.query_all_by_label("2015-02-12").count(), 0);
    h.get_by_label("250\u{a0}000\u{a0}€");

    // The search finds a date as shown and as written in the file.
    for search in ["12/02/2015", "2015-02-12"] {
        h.state_mut().table.set_search(search);
        h.run();
        assert_eq!(h.state().table.visible_rows(), on_that_day, "{search}");
    }
    h.state_mut().table.set_search("pas de réunion ici");
    h.run();
    h.get_by_label("Aucune réunion ne correspond à «\u{a0}pas de réunion ici\u{a0}».");
    h.get_by_label("Afficher toutes les réunions");
    set_language(Language::English);
}

#[test]
fn the_problems_panel_speaks_french() {
    use liaison_desk::i18n::{Language, set_language};

    let mut data = sample();
    data.meetings[0].company = "no-such-company".into();
    let problems = liaison_desk::validate::validate(&data);
    assert!(!problems.is_empty());
    set_language(Language::French);
    let h = Harness::builder()
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .with_size(egui::vec2(900.0, 600.0))
        .build_ui(move |ui| {
            liaison_desk::app::problems::problems_ui(ui, &problems);
        });
    h.get_by_label("Problèmes");
    h.get_by_label_contains("Cliquer sur un problème pour ouvrir sa fiche.");
    assert!(h.query_all_by_label("Erreur").count() >= 1);
    set_language(Language::English);
}

#[test]
fn a_company_written_in_arabic_is_found_by_its_arabic_words_and_named_in_its_own_order() {
    let data = sample();
    let name = data
        .companies
        .iter()
        .filter_map(|c| c.name.clone())
        .find(|n| n.contains("نجد"))
        .expect("the sample has a company written in Arabic");
    let mut h = harness(data, ListKind::Companies);

    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("نجد");
    h.run();

    // Shown with its Arabic words in reading order (egui has no bidi), but
    // a screen reader, and this test, get the name as the file writes it.
    let names = column_texts(&h, "Name");
    assert_eq!(names, vec![name.clone()]);
    let shown = liaison_desk::i18n::bidi::display_order(&name);
    assert_ne!(shown, name, "the Arabic words are laid out reversed");
}
