//! The table of one list: virtualised rows, sorting, search and quick filters.
//!
//! A [`TableView`] shows one [`ListKind`] the way a spreadsheet would, and is
//! quicker at finding things: a search box over all the text of the records
//! (references included by their names, case and accents ignored), quick
//! filters that fit the list (zone, country, stage, year…), sorting by a click
//! on a column header, and the keyboard (Up/Down, Page Up/Down, Home/End,
//! Enter) when no text field has focus.
//!
//! What the user sees of a reference is always a name (a company's, a zone's,
//! a country's), through [`Lookup`], never a raw id.
//!
//! Performance: nothing here does per-frame work proportional to the number
//! of records. Two caches do the heavy lifting:
//! - [`Index`], per data revision and language: each record's zone, country and year for
//!   the filters, the counts shown in some columns (meetings per company…),
//!   the choices of the filters, and, computed on first use, each record's
//!   searchable text (lower case, accents folded) and the sort keys of a
//!   column;
//! - [`RowView`], per (revision, search, filters, sort): the positions of the
//!   records shown, in display order.
//!
//! Per frame, only the rows scrolled into view are formatted
//! (`egui_extras::TableBody::rows`).
//!
//! Architecture invariant: the table reads the workspace and never changes
//! it; what the user asks for comes back as a [`TableAction`].

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::Datelike as _;
use eframe::egui::{self, Align, Key, Label, Layout, Modifiers, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::form::{stage_label, status_label};
use super::theme;
use crate::countries::{self, UNASSIGNED_ZONE};
use crate::dashboard::Drill;
use crate::i18n::{self, Language, Msg, catalogue::table as msg};
use crate::lookup::Lookup;
use crate::model::{
    AffiliateStatus, CompanySize, ContractKind, Dataset, IsoDate, ListKind, Meeting, Stage,
};
use crate::workspace::{Change, Workspace};

/// Width of the search box, in points.
const SEARCH_WIDTH: f32 = 220.0;
/// Width of a quick-filter combo box, in points.
const FILTER_WIDTH: f32 = 130.0;
/// No column can be made narrower than this, in points.
const MIN_COLUMN_WIDTH: f32 = 36.0;
/// Space between the toolbar and the table, in points.
const TOOLBAR_SPACE: f32 = 4.0;
/// Space above an empty state's message, in points.
const EMPTY_STATE_TOP: f32 = 48.0;
/// Text size of an empty state's message, in points.
const EMPTY_STATE_TEXT_SIZE: f32 = 16.0;
/// Side of the sort triangle in a header, in points.
const SORT_ARROW_SIZE: f32 = 9.0;
/// Space between a header's title and its sort triangle, in points.
const SORT_ARROW_GAP: f32 = 4.0;
/// Time given to indexing the text of records for the search, per frame.
const SEARCH_INDEX_BUDGET: std::time::Duration = std::time::Duration::from_millis(8);
/// Shown for an absent company of a contract.
const NO_VALUE: &str = "—";

/// What the user asked of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableAction {
    /// Open the record at this position of the list (double click or Enter).
    Open(usize),
    /// Undo the app's last step: Ctrl+Z in the search box, which had no
    /// typing of its own to undo ([`super::field_undo`]).
    Undo,
}

/// The direction of a sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Smallest, earliest, A first (empty values last).
    Ascending,
    /// Largest, latest, Z first (empty values still last).
    Descending,
}

/// The state of the table of one list: search, filters, sort, selection,
/// and the caches that keep each frame cheap.
pub struct TableView {
    kind: ListKind,
    selected: Option<usize>,
    search: String,
    filters: Filters,
    sort: Option<(Col, SortOrder)>,
    /// Ctrl+F was pressed: focus the search box on the next frame.
    focus_search: bool,
    /// The search was replaced by the app: the box's typing history goes.
    search_replaced: bool,
    /// Ctrl+Z in the search box is the app's this frame.
    undo_requested: bool,
    /// Where to scroll on the next frame.
    pending_scroll: PendingScroll,
    /// Rows in one page of the table, for Page Up / Page Down (last frame's).
    page_rows: usize,
    /// While the search index is being built: how far it is, 0 to 1.
    search_progress: Option<f32>,
    index: Index,
    view: RowView,
}

impl TableView {
    /// A table of `kind`, unsorted, unfiltered.
    pub fn new(kind: ListKind) -> Self {
        Self {
            kind,
            selected: None,
            search: String::new(),
            filters: Filters::default(),
            sort: None,
            focus_search: false,
            search_replaced: false,
            undo_requested: false,
            pending_scroll: PendingScroll::None,
            page_rows: 20,
            search_progress: None,
            index: Index::default(),
            view: RowView::default(),
        }
    }

    /// The list shown.
    pub fn kind(&self) -> ListKind {
        self.kind
    }

    /// The selected record's position in its list.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Selects a record (by position in its list) and scrolls to it on the
    /// next frame, if it is shown.
    pub fn select(&mut self, index: Option<usize>) {
        self.selected = index;
        if index.is_some() {
            self.pending_scroll = PendingScroll::Selected;
        }
    }

    /// Puts the keyboard focus in the search box on the next frame, with its
    /// text selected so that typing replaces it (the shell calls this on Ctrl+F).
    pub fn request_search_focus(&mut self) {
        self.focus_search = true;
    }

    /// The text of the search box.
    pub fn search(&self) -> &str {
        &self.search
    }

    /// Replaces the text of the search box (and forgets what was typed in
    /// it: Ctrl+Z there then undoes the app's last step).
    pub fn set_search(&mut self, text: impl Into<String>) {
        self.search = text.into();
        self.search_replaced = true;
    }

    /// Shows only the records of one zone: a zone id, or
    /// [`UNASSIGNED_ZONE`] (`"unassigned"`); `None` shows every zone. Used by
    /// the charts' drill-down. Lists without zone (institutes, zones) ignore it.
    pub fn set_zone_filter(&mut self, zone: Option<String>) {
        if quick_filters(self.kind).contains(&QuickFilter::Zone) {
            self.filters.zone = zone;
        }
    }

    /// The zone filter: a zone id, `"unassigned"`, or `None` for all zones.
    pub fn zone_filter(&self) -> Option<&str> {
        self.filters.zone.as_deref()
    }

    /// Shows only the records of one year (meetings by date, contracts by
    /// signature, country notes by last update); `None` shows every year.
    /// Other lists ignore it.
    pub fn set_year_filter(&mut self, year: Option<i32>) {
        if quick_filters(self.kind).contains(&QuickFilter::Year) {
            self.filters.year = year;
        }
    }

    /// Shows only the records behind a figure of the dashboard (`label`
    /// says which, e.g. "2014 · Europe · Proposal"), whatever the other
    /// filters were; the search is cleared. The records are found again
    /// after each edit, by the same rules as the dashboard's figures.
    pub fn show_drill(&mut self, label: impl Into<String>, drill: Drill) {
        self.set_search("");
        self.filters = Filters {
            drill: Some(DrillFilter {
                label: label.into(),
                drill,
            }),
            ..Filters::default()
        };
        self.selected = None;
        self.pending_scroll = PendingScroll::Top;
    }

    /// What the dashboard's filter shows, when the table has one.
    pub fn drill_label(&self) -> Option<&str> {
        self.filters.drill.as_ref().map(|d| d.label.as_str())
    }

    /// Removes every quick filter (the search is kept).
    pub fn clear_filters(&mut self) {
        self.filters = Filters::default();
    }

    /// Whether any quick filter is set (the search aside).
    pub fn has_filters(&self) -> bool {
        self.filters != Filters::default()
    }

    /// The column sorted on, by its header's title (in the language of the
    /// interface), and the direction; `None`: the file's order.
    pub fn sorted_by(&self) -> Option<(&'static str, SortOrder)> {
        self.sort.map(|(col, order)| (col.title(), order))
    }

    /// Sorts by the column whose header's title is `column` (as in
    /// [`Self::sorted_by`]), in `order`; `None` restores the file's order.
    /// The same as clicking the header until it shows that order: the rows
    /// are sorted on the next frame. Returns false, changing nothing, when
    /// the list has no such column. For benchmarks and scripts.
    pub fn sort_by(&mut self, column: &str, order: Option<SortOrder>) -> bool {
        let sort = match order {
            None => None,
            Some(order) => match columns(self.kind).iter().find(|c| c.title() == column) {
                Some(col) => Some((*col, order)),
                None => return false,
            },
        };
        self.sort = sort;
        self.pending_scroll = if self.selected.is_some() {
            PendingScroll::Selected
        } else {
            PendingScroll::Top
        };
        true
    }

    /// Whether the searchable text of every record is indexed, as of the last
    /// frame drawn. The index is built by slices over several frames on the
    /// first search of a data revision; false until then. For benchmarks.
    pub fn search_indexed(&self) -> bool {
        self.index.fingerprint.is_some() && self.index.search.is_complete(self.index.len)
    }

    /// The number of records that match the search and filters, as of the
    /// last frame drawn.
    pub fn visible_rows(&self) -> usize {
        self.view.rows.len()
    }

    /// The number of records in the list, as of the last frame drawn.
    pub fn total_rows(&self) -> usize {
        self.index.len
    }

    /// The positions (in the list) of the records shown, in display order,
    /// as of the last frame drawn: what an export of the filtered view writes.
    pub fn filtered_positions(&self) -> &[usize] {
        &self.view.rows
    }

    /// Forgets every cache. The caches follow [`Workspace::revision`] and the
    /// identity of the lists, which covers edits and newly opened files; call
    /// this if the shell ever swaps data in a way that could fool both.
    pub fn invalidate(&mut self) {
        self.index = Index::default();
        self.view = RowView::default();
    }

    /// Draws the toolbar (search, quick filters, count) and the table.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ws: &Workspace,
        lookup: &Lookup,
    ) -> Option<TableAction> {
        // The keyboard moves the selection unless a widget has focus (a text
        // field; a button, whose Enter is its own), a dialog (modal) or a
        // popup such as a filter's list is open. Read before the search box
        // runs: Enter in it makes it lose focus during this frame, and must
        // not open a record as well.
        let keys_for_table = ui.ctx().memory(|m| m.focused().is_none())
            && !egui::Popup::is_any_open(ui.ctx())
            && ui.ctx().memory(|m| m.is_above_modal_layer(ui.layer_id()));
        let dataset = ws.dataset();
        self.ensure_index(ws, lookup);
        if self.selected.is_some_and(|s| s >= self.index.len) {
            self.selected = None;
        }

        ui.horizontal_wrapped(|ui| {
            self.search_ui(ui);
            self.filters_ui(ui);
            self.refresh_view(ui.ctx(), dataset, lookup);
            self.count_ui(ui);
        });
        ui.add_space(TOOLBAR_SPACE);
        let undo = std::mem::take(&mut self.undo_requested).then_some(TableAction::Undo);

        if self.index.len == 0 {
            self.empty_list_ui(ui);
            return undo;
        }
        if self.view.rows.is_empty() {
            // While the search is still indexing, the toolbar says so.
            if self.search_progress.is_none() {
                self.no_match_ui(ui);
            }
            return undo;
        }

        let mut action = undo;
        if keys_for_table {
            action = self.keyboard(ui);
        }
        let scroll = self.pending_scroll_target();
        let sources = Sources {
            dataset,
            lookup,
            counts: &self.index.counts,
        };
        let outcome = table_ui(
            ui,
            self.kind,
            &sources,
            &self.view.rows,
            self.selected,
            self.sort,
            scroll,
        );
        self.page_rows = outcome.page_rows.max(1);
        if let Some(position) = outcome.clicked {
            self.selected = Some(position);
        }
        if let Some(position) = outcome.double_clicked {
            self.selected = Some(position);
            action = Some(TableAction::Open(position));
        }
        if let Some(col) = outcome.sort_clicked {
            self.sort = next_sort(self.sort, col);
            self.pending_scroll = if self.selected.is_some() {
                PendingScroll::Selected
            } else {
                PendingScroll::Top
            };
            ui.ctx().request_repaint();
        }
        action
    }

    /// Rebuilds the per-revision index when the data changed.
    fn ensure_index(&mut self, ws: &Workspace, lookup: &Lookup) {
        let fingerprint = Fingerprint::of(ws);
        if self.index.fingerprint == Some(fingerprint) {
            return;
        }
        let generation = self.index.generation.wrapping_add(1);
        // One record of this list changed, or was added, since the index was
        // built: follow it (a form's Apply on a large list), else rebuild.
        let followed = self
            .index
            .fingerprint
            .is_some_and(|old| old.is_one_step_before(&fingerprint, self.kind))
            && self
                .index
                .follow(self.kind, ws.dataset(), lookup, ws.last_change());
        if followed {
            self.index.fingerprint = Some(fingerprint);
            self.index.generation = generation;
        } else {
            self.index = Index::build(self.kind, ws.dataset(), lookup, fingerprint, generation);
        }
    }

    /// Recomputes the rows shown when the data, search, filters or sort changed.
    fn refresh_view(&mut self, ctx: &egui::Context, dataset: &Dataset, lookup: &Lookup) {
        let view = &self.view;
        let same_data = view.generation == Some(self.index.generation);
        if same_data
            && view.search == self.search
            && view.filters == self.filters
            && view.sort == self.sort
        {
            return;
        }
        let query = fold(&self.search);
        // Typing more text only narrows the result: filter the rows already
        // found (already in order) instead of going through every record.
        let narrowing = same_data
            && view.filters == self.filters
            && view.sort == self.sort
            && query.starts_with(view.query.as_str());
        let question_changed = same_data && (view.query != query || view.filters != self.filters);

        let terms: Vec<&str> = query.split_whitespace().collect();
        self.search_progress = None;
        if !terms.is_empty() && !self.index.search.is_complete(self.index.len) {
            // The first search of a revision indexes the text of every record:
            // a slice per frame, so that a large file never freezes the window.
            let sources = Sources {
                dataset,
                lookup,
                counts: &self.index.counts,
            };
            let done =
                self.index
                    .search
                    .extend(&sources, self.kind, self.index.len, SEARCH_INDEX_BUDGET);
            if !done {
                self.search_progress = Some(self.index.search.progress(self.index.len));
                ctx.request_repaint();
                return;
            }
        }
        if let Some(drill) = &self.filters.drill
            && self
                .index
                .drill
                .as_ref()
                .is_none_or(|(d, _)| d != &drill.drill)
        {
            let mut keep = vec![false; self.index.len];
            for position in crate::dashboard::matching(dataset, self.kind, &drill.drill) {
                if let Some(slot) = keep.get_mut(position) {
                    *slot = true;
                }
            }
            self.index.drill = Some((drill.drill.clone(), keep));
        }
        let mut rows = match Matcher::new(self.kind, dataset, &self.index, &self.filters, &terms) {
            None => Vec::new(),
            Some(matcher) if narrowing => view
                .rows
                .iter()
                .copied()
                .filter(|p| matcher.matches(*p))
                .collect(),
            Some(matcher) => (0..self.index.len)
                .filter(|p| matcher.matches(*p))
                .collect(),
        };
        if !narrowing && let Some((col, order)) = self.sort {
            let Index {
                len,
                counts,
                sort_keys,
                ..
            } = &mut self.index;
            let sources = Sources {
                dataset,
                lookup,
                counts,
            };
            let keys = sort_keys
                .entry(col)
                .or_insert_with(|| sort_keys_of(&sources, self.kind, col, *len));
            // Stable: equal keys keep the file's order.
            rows.sort_by(|a, b| {
                compare_keys(
                    keys.get(*a).unwrap_or(&SortKey::Empty),
                    keys.get(*b).unwrap_or(&SortKey::Empty),
                    order,
                )
            });
        }
        if question_changed {
            self.pending_scroll = PendingScroll::Top;
        }
        self.view = RowView {
            generation: Some(self.index.generation),
            search: self.search.clone(),
            query,
            filters: self.filters.clone(),
            sort: self.sort,
            rows,
        };
    }

    /// The search box, with a button that clears it.
    fn search_ui(&mut self, ui: &mut egui::Ui) {
        let id = ui.make_persistent_id(("table-search", self.kind));
        if std::mem::take(&mut self.search_replaced) {
            super::field_undo::forget_history(ui.ctx(), id);
        }
        if super::field_undo::app_undo_requested(ui, id, &self.search) {
            self.undo_requested = true;
        }
        let output = egui::TextEdit::singleline(&mut self.search)
            .id(id)
            .hint_text(msg::SEARCH_HINT.text())
            .desired_width(SEARCH_WIDTH)
            .show(ui);
        let mut state = output.state;
        let response = output.response.response.accessible_name(msg::SEARCH.text());
        if self.focus_search {
            self.focus_search = false;
            response.request_focus();
            let all = egui::text::CCursorRange::select_all_str(&self.search);
            state.cursor.set_char_range(Some(all));
            state.store(ui.ctx(), response.id);
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let down = response.has_focus()
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown));
        if down {
            response.surrender_focus();
        }
        if enter || down {
            // From the search box to the results, as in a spreadsheet's find.
            self.pending_scroll = PendingScroll::SelectFirst;
        }
        if !self.search.is_empty()
            && ui
                .add(egui::Button::new("×").frame(false))
                .on_hover_text(msg::CLEAR_SEARCH.text())
                .accessible_name(msg::CLEAR_SEARCH.text())
                .clicked()
        {
            self.search.clear();
        }
    }

    /// The quick filters that fit the list, then "Clear filters".
    fn filters_ui(&mut self, ui: &mut egui::Ui) {
        let kind = self.kind;
        let options = &self.index.options;
        let filters = &mut self.filters;
        for filter in quick_filters(kind) {
            match filter {
                QuickFilter::Zone => {
                    combo_ui(
                        ui,
                        kind,
                        msg::FILTER_BY_ZONE,
                        msg::ALL_ZONES,
                        &mut filters.zone,
                        &options.zones,
                    );
                }
                QuickFilter::Country => combo_ui(
                    ui,
                    kind,
                    msg::FILTER_BY_COUNTRY,
                    msg::ALL_COUNTRIES,
                    &mut filters.country,
                    &options.countries,
                ),
                QuickFilter::Affiliate => combo_ui(
                    ui,
                    kind,
                    msg::FILTER_BY_AFFILIATE,
                    msg::ALL_AFFILIATES,
                    &mut filters.affiliate,
                    &options.affiliates,
                ),
                QuickFilter::Stage => combo_ui(
                    ui,
                    kind,
                    msg::FILTER_BY_STAGE,
                    msg::ALL_STAGES,
                    &mut filters.stage,
                    &Stage::ALL.map(|s| (s, stage_label(s))),
                ),
                QuickFilter::Status => combo_ui(
                    ui,
                    kind,
                    msg::FILTER_BY_STATUS,
                    msg::ALL_STATUSES,
                    &mut filters.status,
                    &[
                        AffiliateStatus::Active,
                        AffiliateStatus::Planned,
                        AffiliateStatus::Closed,
                    ]
                    .map(|s| (s, status_label(s))),
                ),
                QuickFilter::Size => combo_ui(
                    ui,
                    kind,
                    msg::FILTER_BY_SIZE,
                    msg::ALL_SIZES,
                    &mut filters.size,
                    &[
                        CompanySize::Startup,
                        CompanySize::Sme,
                        CompanySize::MidCap,
                        CompanySize::Large,
                    ]
                    .map(|s| (s, size_word(s))),
                ),
                QuickFilter::ContractKind => combo_ui(
                    ui,
                    kind,
                    msg::FILTER_BY_KIND,
                    msg::ALL_KINDS,
                    &mut filters.contract_kind,
                    &[ContractKind::Bilateral, ContractKind::European].map(|k| (k, kind_word(k))),
                ),
                QuickFilter::Year => combo_ui(
                    ui,
                    kind,
                    msg::FILTER_BY_YEAR,
                    msg::ALL_YEARS,
                    &mut filters.year,
                    &options.years,
                ),
            }
        }
        if let Some(drill) = &filters.drill {
            let chip = msg::FROM_DASHBOARD.with(&[("label", &drill.label)]);
            ui.label(RichText::new(chip).strong())
                .on_hover_text(msg::FROM_DASHBOARD_HINT.text());
        }
        if *filters != Filters::default() && ui.button(msg::CLEAR_FILTERS.text()).clicked() {
            *filters = Filters::default();
        }
    }

    /// "123 of 3,000 meetings".
    fn count_ui(&self, ui: &mut egui::Ui) {
        let words = Words::of(self.kind);
        let total = i18n::counted(self.index.len as u64, words.one, words.other);
        if let Some(progress) = self.search_progress {
            ui.add(egui::Spinner::new());
            ui.label(msg::SEARCHING.with(&[("total", &total)]))
                .on_hover_text(
                    msg::INDEXING
                        .with(&[("percent", &i18n::decimal(f64::from(progress) * 100.0, 0))]),
                );
            return;
        }
        // Whole, on the next line of the toolbar when it does not fit.
        ui.add(
            egui::Label::new(msg::SHOWN_OF_TOTAL.with(&[
                ("shown", &i18n::count(self.view.rows.len() as u64)),
                ("total", &total),
            ]))
            .extend(),
        );
    }

    /// The empty state of an empty list.
    fn empty_list_ui(&self, ui: &mut egui::Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(EMPTY_STATE_TOP);
            ui.label(RichText::new(Words::of(self.kind).empty.text()).size(EMPTY_STATE_TEXT_SIZE));
        });
    }

    /// The empty state when nothing matches, with a way out.
    fn no_match_ui(&mut self, ui: &mut egui::Ui) {
        let words = Words::of(self.kind);
        let search = self.search.trim();
        let filtered = self.has_filters();
        let template = match (search.is_empty(), filtered) {
            (false, false) => msg::NO_MATCH_SEARCH,
            (false, true) => msg::NO_MATCH_SEARCH_AND_FILTERS,
            (true, _) => msg::NO_MATCH_FILTERS,
        };
        let message = template.with(&[("none", &words.none_match), ("search", &search)]);
        ui.vertical_centered(|ui| {
            ui.add_space(EMPTY_STATE_TOP);
            ui.label(RichText::new(message).size(EMPTY_STATE_TEXT_SIZE));
            ui.add_space(theme::SECTION_SPACE);
            if ui
                .button(words.show_all.text())
                .on_hover_text(msg::SHOW_ALL_HINT.text())
                .clicked()
            {
                self.search.clear();
                self.filters = Filters::default();
            }
        });
    }

    /// Up/Down, Page Up/Down, Home/End move the selection; Enter opens it.
    fn keyboard(&mut self, ui: &egui::Ui) -> Option<TableAction> {
        let (up, down, page_up, page_down, home, end, enter) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::PageUp),
                i.consume_key(Modifiers::NONE, Key::PageDown),
                i.consume_key(Modifiers::NONE, Key::Home),
                i.consume_key(Modifiers::NONE, Key::End),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        if !(up || down || page_up || page_down || home || end || enter) {
            return None;
        }
        let rows = &self.view.rows;
        let last = rows.len().checked_sub(1)?;
        // Only on a key press: finding the selection's row is linear.
        let current = self
            .selected
            .and_then(|s| rows.iter().position(|p| *p == s));
        if enter {
            return current.and(self.selected).map(TableAction::Open);
        }
        let page = self.page_rows.max(1);
        let target = match current {
            None => 0,
            Some(row) if up => row.saturating_sub(1),
            Some(row) if down => (row + 1).min(last),
            Some(row) if page_up => row.saturating_sub(page),
            Some(row) if page_down => (row + page).min(last),
            Some(_) if home => 0,
            Some(_) => last,
        };
        let target = if current.is_none() && end {
            last
        } else {
            target
        };
        self.selected = rows.get(target).copied();
        self.pending_scroll = PendingScroll::Row(target);
        None
    }

    /// Turns the pending scroll into a row to scroll to (or the top).
    fn pending_scroll_target(&mut self) -> ScrollTarget {
        let pending = std::mem::replace(&mut self.pending_scroll, PendingScroll::None);
        let row_of = |position: Option<usize>| {
            position.and_then(|s| self.view.rows.iter().position(|p| *p == s))
        };
        match pending {
            PendingScroll::None => ScrollTarget::None,
            PendingScroll::Top => ScrollTarget::Top,
            PendingScroll::Row(row) => ScrollTarget::Row(row, None),
            PendingScroll::Selected => row_of(self.selected).map_or(ScrollTarget::None, |row| {
                ScrollTarget::Row(row, Some(Align::Center))
            }),
            PendingScroll::SelectFirst => match row_of(self.selected) {
                Some(row) => ScrollTarget::Row(row, None),
                None => {
                    self.selected = self.view.rows.first().copied();
                    ScrollTarget::Top
                }
            },
        }
    }
}

/// Where to scroll on the next frame, as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PendingScroll {
    None,
    /// Back to the first row (the question changed).
    Top,
    /// To this row of the view (the keyboard moved the selection).
    Row(usize),
    /// To the selected record, wherever it now is.
    Selected,
    /// From the search box: to the selection if shown, else select the first row.
    SelectFirst,
}

/// Where to scroll this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ScrollTarget {
    None,
    Top,
    Row(usize, Option<Align>),
}

/// What happened in the table this frame.
struct TableOutcome {
    clicked: Option<usize>,
    double_clicked: Option<usize>,
    sort_clicked: Option<Col>,
    page_rows: usize,
}

/// Draws the header and the visible rows of `rows`.
fn table_ui(
    ui: &mut egui::Ui,
    kind: ListKind,
    sources: &Sources<'_>,
    rows: &[usize],
    selected: Option<usize>,
    sort: Option<(Col, SortOrder)>,
    scroll: ScrollTarget,
) -> TableOutcome {
    let cols = columns(kind);
    let spacing_y = ui.spacing().item_spacing.y;
    let widths = initial_widths(cols, ui.available_width());
    let mut builder = TableBuilder::new(ui)
        .id_salt(("liaison-table", kind))
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .auto_shrink([false, false])
        .min_scrolled_height(0.0)
        .animate_scrolling(false);
    let last = cols.len().saturating_sub(1);
    for (i, width) in widths.iter().enumerate() {
        let column = if i == last {
            Column::remainder()
        } else {
            Column::initial(*width)
        };
        builder = builder.column(column.at_least(MIN_COLUMN_WIDTH).clip(true));
    }
    builder = match scroll {
        ScrollTarget::None => builder,
        ScrollTarget::Top => builder.vertical_scroll_offset(0.0),
        ScrollTarget::Row(row, align) => builder.scroll_to_row(row, align),
    };

    let mut outcome = TableOutcome {
        clicked: None,
        double_clicked: None,
        sort_clicked: None,
        page_rows: 0,
    };
    let scroll_output = builder
        .header(theme::HEADER_HEIGHT, |mut header| {
            for col in cols {
                let order = sort.and_then(|(c, o)| (c == *col).then_some(o));
                header.col(|ui| {
                    if header_ui(ui, *col, order) {
                        outcome.sort_clicked = Some(*col);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                let Some(position) = rows.get(row.index()).copied() else {
                    return;
                };
                row.set_selected(selected == Some(position));
                let mut response: Option<egui::Response> = None;
                for col in cols {
                    let value = value(sources, kind, position, *col);
                    let (_, cell) = row.col(|ui| cell_ui(ui, sources, value));
                    response = Some(match response {
                        Some(r) => r | cell,
                        None => cell,
                    });
                }
                if let Some(response) = response {
                    if response.double_clicked() {
                        outcome.double_clicked = Some(position);
                    } else if response.clicked() {
                        outcome.clicked = Some(position);
                    }
                }
            });
        });
    let row_with_spacing = theme::ROW_HEIGHT + spacing_y;
    outcome.page_rows = (scroll_output.inner_rect.height() / row_with_spacing).floor() as usize;
    outcome
}

/// The columns' first widths: each its preferred width, scaled down to fit.
/// (Then the user's widths are remembered by egui, per table.)
fn initial_widths(cols: &[Col], available: f32) -> Vec<f32> {
    let wanted: f32 = cols.iter().map(|c| c.width()).sum();
    let scale = if wanted > available && wanted > 0.0 {
        available / wanted
    } else {
        1.0
    };
    cols.iter()
        .map(|c| (c.width() * scale).max(MIN_COLUMN_WIDTH))
        .collect()
}

/// A column header: its title, and a ▲/▼ triangle when sorted (painted:
/// the default fonts have no arrows); true when clicked. Screen readers get
/// the sort from the node's sort direction.
fn header_ui(ui: &mut egui::Ui, col: Col, order: Option<SortOrder>) -> bool {
    let title = col.title();
    let layout = if col.is_numeric() {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.with_layout(layout, |ui| {
        ui.spacing_mut().item_spacing.x = SORT_ARROW_GAP;
        // Right-aligned headers are laid out from the right: arrow first.
        if col.is_numeric() {
            sort_arrow_ui(ui, order);
        }
        let response = ui
            .add(
                egui::Button::new(RichText::new(title).strong())
                    .frame(false)
                    .truncate(),
            )
            .on_hover_ui(|ui| {
                let hint = match order {
                    None => msg::SORT_BY,
                    Some(SortOrder::Ascending) => msg::SORTED_ASCENDING,
                    Some(SortOrder::Descending) => msg::SORTED_DESCENDING,
                };
                ui.label(hint.with(&[("title", &title)]));
            });
        if let Some(order) = order {
            let direction = match order {
                SortOrder::Ascending => egui::accesskit::SortDirection::Ascending,
                SortOrder::Descending => egui::accesskit::SortDirection::Descending,
            };
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_sort_direction(direction));
        }
        if !col.is_numeric() {
            sort_arrow_ui(ui, order);
        }
        response.clicked()
    })
    .inner
}

/// ▲ (ascending) or ▼ (descending), painted in the text colour.
fn sort_arrow_ui(ui: &mut egui::Ui, order: Option<SortOrder>) {
    let Some(order) = order else {
        return;
    };
    let size = egui::vec2(SORT_ARROW_SIZE, SORT_ARROW_SIZE);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let rect = rect.shrink(1.0);
    let points = match order {
        SortOrder::Ascending => vec![rect.center_top(), rect.right_bottom(), rect.left_bottom()],
        SortOrder::Descending => vec![rect.left_top(), rect.right_top(), rect.center_bottom()],
    };
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// Ascending, then descending, then the file's order.
fn next_sort(current: Option<(Col, SortOrder)>, clicked: Col) -> Option<(Col, SortOrder)> {
    match current {
        Some((col, SortOrder::Ascending)) if col == clicked => {
            Some((clicked, SortOrder::Descending))
        }
        Some((col, SortOrder::Descending)) if col == clicked => None,
        _ => Some((clicked, SortOrder::Ascending)),
    }
}

/// One cell: text truncated to the column (full text on hover), numbers on
/// the right, countries by name with their code on hover, errors in red.
fn cell_ui(ui: &mut egui::Ui, sources: &Sources<'_>, value: Value<'_>) {
    let plain = |ui: &mut egui::Ui, text: String| {
        // Arabic and Hebrew phrases read right to left (egui has no bidi);
        // a screen reader gets the text in its own order.
        match i18n::bidi::display_order(&text) {
            std::borrow::Cow::Borrowed(_) => {
                ui.add(Label::new(text).selectable(false).truncate());
            }
            std::borrow::Cow::Owned(shown) => {
                let id = ui.add(Label::new(shown).selectable(false).truncate()).id;
                ui.ctx()
                    .accesskit_node_builder(id, |node| node.set_value(text));
            }
        }
    };
    match value {
        Value::Empty => {}
        Value::Text(text) => plain(ui, text.into_owned()),
        Value::Choice(_, word) => plain(ui, word.to_owned()),
        Value::Placeholder(text) => {
            ui.add(Label::new(RichText::new(text).weak()).selectable(false));
        }
        Value::Ref(list, id) if sources.lookup.contains(list, id) => {
            plain(ui, sources.lookup.name(sources.dataset, list, id));
        }
        Value::Refs(list, ids) => plain(ui, sources.joined_names(list, ids)),
        Value::Ref(_, id) => {
            let color = ui.visuals().error_fg_color;
            ui.add(
                Label::new(RichText::new(msg::MISSING.with(&[("id", &id)])).color(color))
                    .selectable(false)
                    .truncate(),
            )
            .on_hover_text(msg::MISSING_HINT.text());
        }
        Value::Country(code) => match countries::country_name(code) {
            Some(name) => {
                ui.add(
                    Label::new(name)
                        .selectable(false)
                        .truncate()
                        .show_tooltip_when_elided(false),
                )
                .on_hover_ui(|ui| {
                    ui.label(format!("{name} ({code})"));
                });
            }
            None => {
                let color = ui.visuals().error_fg_color;
                ui.add(
                    Label::new(RichText::new(code).color(color))
                        .selectable(false)
                        .truncate(),
                )
                .on_hover_text(msg::NOT_A_COUNTRY_CODE.text());
            }
        },
        Value::Date(IsoDate::Valid(date)) => plain(ui, i18n::date(*date)),
        Value::Date(IsoDate::Invalid(text)) => {
            let color = ui.visuals().error_fg_color;
            ui.add(
                Label::new(RichText::new(text.as_str()).color(color))
                    .selectable(false)
                    .truncate(),
            )
            .on_hover_text(msg::NOT_A_DATE.text());
        }
        Value::Count(n) => number_ui(ui, i18n::count(n as u64)),
        Value::Euros(n) => number_ui(ui, euros(n)),
    }
}

/// Whole euros as the language writes them: `€250,000` / `250 000 €`.
fn euros(n: u64) -> String {
    i18n::amount_eur(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A number, as written, on the right of its cell.
fn number_ui(ui: &mut egui::Ui, text: String) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.add(Label::new(text).selectable(false).truncate());
    });
}

/// A quick-filter combo box: "All …", then each choice.
fn combo_ui<T: Clone + PartialEq, L: AsRef<str>>(
    ui: &mut egui::Ui,
    kind: ListKind,
    name: Msg,
    all: Msg,
    current: &mut Option<T>,
    choices: &[(T, L)],
) {
    let all = all.text();
    let selected_text = match current {
        None => all,
        Some(value) => choices
            .iter()
            .find(|(v, _)| v == value)
            .map_or(msg::NOT_IN_THIS_LIST.text(), |(_, label)| label.as_ref()),
    };
    // The same id in every language: the key, not the words.
    let response = super::keyboard::combo_ui(
        ui,
        egui::ComboBox::from_id_salt(("table-filter", kind, name.key))
            .selected_text(selected_text)
            .width(FILTER_WIDTH)
            .truncate(),
        |ui| {
            ui.selectable_value(current, None, all);
            for (value, label) in choices {
                ui.selectable_value(current, Some(value.clone()), label.as_ref());
            }
        },
    );
    let _named = response.accessible_name(name.text());
}

// ---------------------------------------------------------------------------
// Columns and what a cell holds

/// A column of some table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    Name,
    City,
    Country,
    Zone,
    Status,
    Opened,
    Institutes,
    Contact,
    Sector,
    Size,
    MeetingCount,
    Date,
    Company,
    Affiliate,
    Topic,
    Stage,
    Value,
    FollowUp,
    Initiative,
    Title,
    Tags,
    Updated,
    Author,
    Kind,
    Programme,
    Signed,
    Amount,
    Domain,
    ContractCount,
    Id,
    CountryCount,
    Code,
}

impl Col {
    /// The header's title, in the language of the interface: the field's
    /// header (`crate::fields`) when the column shows a field.
    fn title(self) -> &'static str {
        match self.header() {
            Header::Field(list, name) => {
                crate::fields::find(list, name).map_or(name, |f| f.header())
            }
            Header::Own(message) => message.text(),
        }
    }

    /// Where the header's title comes from.
    fn header(self) -> Header {
        use Header::{Field, Own};
        use ListKind as L;
        match self {
            Col::Name => Field(L::Affiliates, "name"),
            Col::City => Field(L::Affiliates, "city"),
            Col::Country => Field(L::Affiliates, "country"),
            Col::Zone => Field(L::Countries, "zone"),
            Col::Status => Field(L::Affiliates, "status"),
            Col::Opened => Field(L::Affiliates, "opened"),
            Col::Institutes => Field(L::Affiliates, "institutes"),
            Col::Contact => Field(L::Affiliates, "contact_name"),
            Col::Sector => Field(L::Companies, "sector"),
            Col::Size => Field(L::Companies, "size"),
            Col::MeetingCount => Own(msg::COLUMN_MEETINGS),
            Col::Date => Field(L::Meetings, "date"),
            Col::Company => Field(L::Meetings, "company"),
            Col::Affiliate => Field(L::Meetings, "affiliate"),
            Col::Topic => Field(L::Meetings, "topic"),
            Col::Stage => Field(L::Meetings, "stage"),
            Col::Value => Field(L::Meetings, "value_eur"),
            Col::FollowUp => Field(L::Meetings, "follow_up"),
            Col::Initiative => Field(L::Meetings, "initiative"),
            Col::Title => Field(L::CountryNotes, "title"),
            Col::Tags => Field(L::CountryNotes, "tags"),
            Col::Updated => Field(L::CountryNotes, "updated"),
            Col::Author => Field(L::CountryNotes, "author"),
            Col::Kind => Field(L::Contracts, "kind"),
            Col::Programme => Field(L::Contracts, "programme"),
            Col::Signed => Field(L::Contracts, "signed"),
            Col::Amount => Field(L::Contracts, "amount_eur"),
            Col::Domain => Field(L::Institutes, "domain"),
            Col::ContractCount => Own(msg::COLUMN_CONTRACTS),
            Col::Id => Field(L::Zones, "id"),
            Col::CountryCount => Own(msg::COLUMN_COUNTRIES),
            // The countries' field says "Country code": too wide for two letters.
            Col::Code => Own(msg::COLUMN_CODE),
        }
    }

    /// Numbers are right-aligned, header included.
    fn is_numeric(self) -> bool {
        matches!(
            self,
            Col::MeetingCount | Col::Value | Col::Amount | Col::ContractCount | Col::CountryCount
        )
    }

    /// Preferred first width, in points.
    fn width(self) -> f32 {
        match self {
            Col::Name | Col::Company | Col::Title | Col::Topic => 220.0,
            Col::Institutes | Col::Contact | Col::Affiliate | Col::Tags => 170.0,
            Col::Country | Col::Zone | Col::Sector | Col::Programme | Col::Initiative => 130.0,
            Col::City | Col::Author | Col::Domain | Col::Stage | Col::Id => 110.0,
            Col::Value | Col::Amount => 100.0,
            Col::Date | Col::Opened | Col::FollowUp | Col::Updated | Col::Signed => 90.0,
            Col::Status | Col::Size | Col::Kind => 80.0,
            Col::MeetingCount | Col::ContractCount | Col::CountryCount => 80.0,
            Col::Code => 60.0,
        }
    }
}

/// Where a column's header comes from.
#[derive(Debug, Clone, Copy)]
enum Header {
    /// The header of a field of a list (`crate::fields`), by the field's name.
    Field(ListKind, &'static str),
    /// A message of the table's own, for a column that is no field (a count).
    Own(Msg),
}

/// The columns of each list, in order.
fn columns(kind: ListKind) -> &'static [Col] {
    match kind {
        ListKind::Affiliates => &[
            Col::Name,
            Col::City,
            Col::Country,
            Col::Zone,
            Col::Status,
            Col::Opened,
            Col::Institutes,
            Col::Contact,
        ],
        // The last column takes the remaining width: a text column, not a number.
        ListKind::Companies => &[
            Col::Name,
            Col::Country,
            Col::Zone,
            Col::Size,
            Col::MeetingCount,
            Col::Sector,
        ],
        ListKind::Meetings => &[
            Col::Date,
            Col::Company,
            Col::Zone,
            Col::Affiliate,
            Col::Topic,
            Col::Stage,
            Col::Value,
            Col::FollowUp,
            Col::Initiative,
        ],
        ListKind::CountryNotes => &[
            Col::Title,
            Col::Country,
            Col::Zone,
            Col::Tags,
            Col::Updated,
            Col::Author,
        ],
        ListKind::Contracts => &[
            Col::Title,
            Col::Kind,
            Col::Company,
            Col::Country,
            Col::Zone,
            Col::Amount,
            Col::Signed,
            Col::Programme,
        ],
        ListKind::Institutes => &[
            Col::Name,
            Col::MeetingCount,
            Col::ContractCount,
            Col::Domain,
        ],
        ListKind::Zones => &[Col::Name, Col::Id, Col::CountryCount],
        ListKind::Countries => &[Col::Country, Col::Code, Col::Zone],
    }
}

/// What one cell holds: decides how it is shown, sorted and searched.
#[derive(Debug, Clone, PartialEq)]
enum Value<'a> {
    /// Nothing (sorts last).
    Empty,
    /// A word standing for nothing, such as "—" (sorts last, not searched).
    Placeholder(&'static str),
    /// Text (sorts case- and accent-insensitively).
    Text(Cow<'a, str>),
    /// A reference to a record of a list, by id: shown by the record's name
    /// (in red with "(missing)" when no record has the id).
    Ref(ListKind, &'a str),
    /// References to records of a list: their names, joined.
    Refs(ListKind, &'a [String]),
    /// A country code: shown by the country's name, the code on hover.
    Country(&'a str),
    /// A date (sorts by date; an invalid one after the valid ones).
    Date(&'a IsoDate),
    /// A count of records.
    Count(usize),
    /// Whole euros.
    Euros(u64),
    /// A choice of an enum: its order (sorts by it) and its word.
    Choice(u8, &'static str),
}

impl<'a> Value<'a> {
    fn text(text: &'a str) -> Self {
        if text.trim().is_empty() {
            Value::Empty
        } else {
            Value::Text(Cow::Borrowed(text))
        }
    }

    fn opt_text(text: Option<&'a str>) -> Self {
        text.map_or(Value::Empty, Value::text)
    }

    fn opt_date(date: Option<&'a IsoDate>) -> Self {
        date.map_or(Value::Empty, Value::Date)
    }
}

/// What a value's cell needs besides the record.
struct Sources<'a> {
    dataset: &'a Dataset,
    lookup: &'a Lookup,
    counts: &'a Counts,
}

impl<'a> Sources<'a> {
    /// The names of references, joined: "Carnot Curie Cancer, ICM".
    fn joined_names(&self, list: ListKind, ids: &[String]) -> String {
        let mut joined = String::new();
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                joined.push_str(", ");
            }
            joined.push_str(&self.lookup.name(self.dataset, list, id));
        }
        joined
    }

    /// The zone of a country, by name.
    fn zone(&self, country: Option<&str>) -> Value<'a> {
        if self.lookup.zone_position(country).is_none() {
            return Value::Text(Cow::Borrowed(countries::unassigned_zone_name()));
        }
        Value::Text(Cow::Borrowed(self.lookup.zone_name(self.dataset, country)))
    }

    /// The home country of a company, by id.
    fn company_country(&self, company_id: &str) -> Option<&'a str> {
        let dataset: &'a Dataset = self.dataset;
        self.lookup
            .position(ListKind::Companies, company_id)
            .and_then(|i| dataset.companies.get(i))
            .and_then(|c| c.country.as_deref())
    }

    /// The country that decides a contract's zone (PRODUCT.md): a European
    /// contract's own, a Bilateral one's company's.
    fn contract_country(&self, contract: &'a crate::model::Contract) -> Option<&'a str> {
        match (contract.kind, contract.company.as_deref()) {
            (Some(ContractKind::European), _) | (_, None) => contract.country.as_deref(),
            (_, Some(company)) => self.company_country(company),
        }
    }

    /// The country of a meeting: its company's.
    fn meeting_country(&self, meeting: &'a Meeting) -> Option<&'a str> {
        self.company_country(&meeting.company)
    }

    /// The display name of a zone or its id.
    fn name_or_id(name: Option<&'a str>, id: &'a str) -> Value<'a> {
        match name.filter(|n| !n.trim().is_empty()) {
            Some(name) => Value::Text(Cow::Borrowed(name)),
            None => Value::text(id),
        }
    }
}

/// The value of the cell of record `position` of `kind` in column `col`.
fn value<'a>(sources: &Sources<'a>, kind: ListKind, position: usize, col: Col) -> Value<'a> {
    let dataset: &'a Dataset = sources.dataset;
    let counts = sources.counts;
    let count = |counts: &[usize]| Value::Count(counts.get(position).copied().unwrap_or(0));
    let refs = |list: ListKind, ids: &'a [String]| {
        if ids.is_empty() {
            Value::Empty
        } else {
            Value::Refs(list, ids)
        }
    };
    match kind {
        ListKind::Affiliates => {
            let Some(r) = dataset.affiliates.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Name => Value::text(&r.name),
                Col::City => Value::opt_text(r.city.as_deref()),
                Col::Country => Value::Country(&r.country),
                Col::Zone => sources.zone(Some(&r.country)),
                Col::Status => r
                    .status
                    .map_or(Value::Empty, |s| Value::Choice(s as u8, status_label(s))),
                Col::Opened => Value::opt_date(r.opened.as_ref()),
                Col::Institutes => refs(ListKind::Institutes, &r.institutes),
                Col::Contact => Value::opt_text(r.contact.as_ref().and_then(|c| {
                    c.name
                        .as_deref()
                        .or(c.email.as_deref())
                        .or(c.phone.as_deref())
                })),
                _ => Value::Empty,
            }
        }
        ListKind::Companies => {
            let Some(r) = dataset.companies.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Name => Sources::name_or_id(r.name.as_deref(), &r.id),
                Col::Country => r.country.as_deref().map_or(Value::Empty, Value::Country),
                Col::Zone => sources.zone(r.country.as_deref()),
                Col::Sector => Value::opt_text(r.sector.as_deref()),
                Col::Size => r
                    .size
                    .map_or(Value::Empty, |s| Value::Choice(s as u8, size_word(s))),
                Col::MeetingCount => count(&counts.meetings),
                _ => Value::Empty,
            }
        }
        ListKind::Meetings => {
            let Some(r) = dataset.meetings.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Date => Value::Date(&r.date),
                Col::Company => Value::Ref(ListKind::Companies, &r.company),
                Col::Zone => sources.zone(sources.meeting_country(r)),
                Col::Affiliate => match r.affiliate.as_deref() {
                    Some(id) => Value::Ref(ListKind::Affiliates, id),
                    None => Value::Text(Cow::Borrowed(msg::HEAD_OFFICE.text())),
                },
                Col::Topic => Value::opt_text(r.topic.as_deref()),
                Col::Stage => r
                    .stage
                    .map_or(Value::Empty, |s| Value::Choice(s as u8, stage_label(s))),
                Col::Value => r.value_eur.map_or(Value::Empty, Value::Euros),
                Col::FollowUp => Value::opt_date(r.follow_up.as_ref()),
                Col::Initiative => Value::opt_text(r.initiative.as_deref()),
                _ => Value::Empty,
            }
        }
        ListKind::CountryNotes => {
            let Some(r) = dataset.country_notes.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Title => Value::opt_text(r.title.as_deref()),
                Col::Country => r.country.as_deref().map_or(Value::Empty, Value::Country),
                Col::Zone => sources.zone(r.country.as_deref()),
                Col::Tags if r.tags.is_empty() => Value::Empty,
                Col::Tags => Value::Text(Cow::Owned(r.tags.join(", "))),
                Col::Updated => Value::opt_date(r.updated.as_ref()),
                Col::Author => Value::opt_text(r.author.as_deref()),
                _ => Value::Empty,
            }
        }
        ListKind::Contracts => {
            let Some(r) = dataset.contracts.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Title => Value::opt_text(r.title.as_deref()),
                Col::Kind => r
                    .kind
                    .map_or(Value::Empty, |k| Value::Choice(k as u8, kind_word(k))),
                Col::Company => match r.company.as_deref() {
                    Some(id) => Value::Ref(ListKind::Companies, id),
                    None => Value::Placeholder(NO_VALUE),
                },
                Col::Country => sources
                    .contract_country(r)
                    .map_or(Value::Empty, Value::Country),
                Col::Zone => sources.zone(sources.contract_country(r)),
                Col::Programme => Value::opt_text(r.programme.as_deref()),
                Col::Signed => Value::opt_date(r.signed.as_ref()),
                Col::Amount => r.amount_eur.map_or(Value::Empty, Value::Euros),
                _ => Value::Empty,
            }
        }
        ListKind::Institutes => {
            let Some(r) = dataset.institutes.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Name => Sources::name_or_id(r.name.as_deref(), &r.id),
                Col::Domain => Value::opt_text(r.domain.as_deref()),
                Col::MeetingCount => count(&counts.meetings),
                Col::ContractCount => count(&counts.contracts),
                _ => Value::Empty,
            }
        }
        ListKind::Zones => {
            let Some(r) = dataset.zones.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Name => Sources::name_or_id(r.name.as_deref(), &r.id),
                Col::Id => Value::text(&r.id),
                Col::CountryCount => count(&counts.countries),
                _ => Value::Empty,
            }
        }
        ListKind::Countries => {
            let Some(r) = dataset.countries.get(position) else {
                return Value::Empty;
            };
            match col {
                Col::Country => Value::Country(&r.code),
                Col::Code => Value::text(&r.code),
                Col::Zone => sources.zone(Some(&r.code)),
                _ => Value::Empty,
            }
        }
    }
}

/// A company's size, short, as a cell and a filter say it.
fn size_word(size: CompanySize) -> &'static str {
    match size {
        CompanySize::Startup => msg::SIZE_STARTUP,
        CompanySize::Sme => msg::SIZE_SME,
        CompanySize::MidCap => msg::SIZE_MID_CAP,
        CompanySize::Large => msg::SIZE_LARGE,
    }
    .text()
}

/// A contract's kind, short (the form's words explain more than a column can hold).
fn kind_word(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Bilateral => msg::KIND_BILATERAL,
        ContractKind::European => msg::KIND_EUROPEAN,
    }
    .text()
}

/// The records of a list, in words: counted, and in the empty states.
#[derive(Debug, Clone, Copy)]
struct Words {
    /// "{count} meeting".
    one: Msg,
    /// "{count} meetings".
    other: Msg,
    /// The list is empty.
    empty: Msg,
    /// "No meetings match", before the search or the filters.
    none_match: Msg,
    /// The way out of an empty result.
    show_all: Msg,
}

impl Words {
    fn of(kind: ListKind) -> Self {
        macro_rules! words {
            ($one:ident, $other:ident, $empty:ident, $none:ident, $all:ident) => {
                Words {
                    one: msg::$one,
                    other: msg::$other,
                    empty: msg::$empty,
                    none_match: msg::$none,
                    show_all: msg::$all,
                }
            };
        }
        match kind {
            ListKind::Zones => words!(
                ZONES_ONE,
                ZONES_OTHER,
                ZONES_EMPTY,
                ZONES_NONE_MATCH,
                ZONES_SHOW_ALL
            ),
            ListKind::Countries => words!(
                COUNTRIES_ONE,
                COUNTRIES_OTHER,
                COUNTRIES_EMPTY,
                COUNTRIES_NONE_MATCH,
                COUNTRIES_SHOW_ALL
            ),
            ListKind::Institutes => words!(
                INSTITUTES_ONE,
                INSTITUTES_OTHER,
                INSTITUTES_EMPTY,
                INSTITUTES_NONE_MATCH,
                INSTITUTES_SHOW_ALL
            ),
            ListKind::Affiliates => words!(
                AFFILIATES_ONE,
                AFFILIATES_OTHER,
                AFFILIATES_EMPTY,
                AFFILIATES_NONE_MATCH,
                AFFILIATES_SHOW_ALL
            ),
            ListKind::Companies => words!(
                COMPANIES_ONE,
                COMPANIES_OTHER,
                COMPANIES_EMPTY,
                COMPANIES_NONE_MATCH,
                COMPANIES_SHOW_ALL
            ),
            ListKind::Meetings => words!(
                MEETINGS_ONE,
                MEETINGS_OTHER,
                MEETINGS_EMPTY,
                MEETINGS_NONE_MATCH,
                MEETINGS_SHOW_ALL
            ),
            ListKind::CountryNotes => words!(
                COUNTRY_NOTES_ONE,
                COUNTRY_NOTES_OTHER,
                COUNTRY_NOTES_EMPTY,
                COUNTRY_NOTES_NONE_MATCH,
                COUNTRY_NOTES_SHOW_ALL
            ),
            ListKind::Contracts => words!(
                CONTRACTS_ONE,
                CONTRACTS_OTHER,
                CONTRACTS_EMPTY,
                CONTRACTS_NONE_MATCH,
                CONTRACTS_SHOW_ALL
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// Sorting

/// A cell's value reduced to what sorting compares. Variant order is the
/// ascending order: numbers (and dates), then text, then empty values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Num(i64),
    /// Shared: the records that name one company share its folded name.
    Text(std::rc::Rc<str>),
    Empty,
}

impl SortKey {
    fn of(sources: &Sources<'_>, value: Value<'_>) -> Self {
        let number = |n: u64| SortKey::Num(i64::try_from(n).unwrap_or(i64::MAX));
        match value {
            Value::Empty | Value::Placeholder(_) => SortKey::Empty,
            Value::Text(text) => SortKey::Text(fold(&text).into()),
            Value::Ref(list, id) => {
                SortKey::Text(fold(&sources.lookup.name(sources.dataset, list, id)).into())
            }
            Value::Refs(list, ids) => SortKey::Text(fold(&sources.joined_names(list, ids)).into()),
            Value::Country(code) => {
                SortKey::Text(fold(countries::country_name(code).unwrap_or(code)).into())
            }
            Value::Date(IsoDate::Valid(date)) => SortKey::Num(i64::from(date.num_days_from_ce())),
            Value::Date(IsoDate::Invalid(text)) => SortKey::Text(fold(text).into()),
            Value::Count(n) => number(n as u64),
            Value::Euros(n) => number(n),
            Value::Choice(rank, _) => SortKey::Num(i64::from(rank)),
        }
    }
}

/// Compares two keys; empty values stay last in both directions.
fn compare_keys(a: &SortKey, b: &SortKey, order: SortOrder) -> Ordering {
    match (a, b) {
        (SortKey::Empty, SortKey::Empty) => Ordering::Equal,
        (SortKey::Empty, _) => Ordering::Greater,
        (_, SortKey::Empty) => Ordering::Less,
        _ => match order {
            SortOrder::Ascending => a.cmp(b),
            SortOrder::Descending => b.cmp(a),
        },
    }
}

/// The sort keys of one column for every record (once per revision and
/// column). A reference's folded name is worked out once per record
/// referred to, not once per record referring (100,000 meetings name about
/// 12,500 companies).
fn sort_keys_of(sources: &Sources<'_>, kind: ListKind, col: Col, len: usize) -> Vec<SortKey> {
    let mut names: HashMap<(ListKind, &str), SortKey> = HashMap::new();
    (0..len)
        .map(|position| match value(sources, kind, position, col) {
            Value::Ref(list, id) => names
                .entry((list, id))
                .or_insert_with(|| SortKey::of(sources, Value::Ref(list, id)))
                .clone(),
            other => SortKey::of(sources, other),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Search: lower case, accents folded

/// `text` in lower case without accents: "Société Générale" → "societe generale".
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_folded(&mut out, text);
    out
}

/// Appends `text` folded to `out`.
fn push_folded(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        if let Some(tail) = out.get_mut(start..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase() {
            match lower {
                // Combining accents (as in a decomposed "é"): dropped.
                '\u{300}'..='\u{36f}' => {}
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ß' => out.push_str("ss"),
                'þ' => out.push_str("th"),
                'ð' => out.push('d'),
                'ø' => out.push('o'),
                '‘' | '’' | 'ʼ' => out.push('\''),
                '“' | '”' => out.push('"'),
                'à'..='å' => out.push('a'),
                'ç' => out.push('c'),
                'è'..='ë' => out.push('e'),
                'ì'..='ï' => out.push('i'),
                'ñ' => out.push('n'),
                'ò'..='ö' => out.push('o'),
                'ù'..='ü' => out.push('u'),
                'ý' | 'ÿ' => out.push('y'),
                '\u{100}'..='\u{17f}' => {
                    let base = LATIN_EXTENDED_A
                        .get(lower as usize - 0x100)
                        .map_or(lower, |b| char::from(*b));
                    out.push(base);
                }
                other => out.push(other),
            }
        }
    }
}

/// The base letter of each character of Latin Extended-A (U+0100–U+017F).
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkk\
llllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// ---------------------------------------------------------------------------
// The per-revision index

/// What identifies the data: the revision (every edit) and the lists'
/// buffers (another file opened, even at the same revision), and the
/// language the index's words (searchable text, filter choices) are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    revision: u64,
    lists: [(usize, usize); 8],
    language: Language,
}

impl Fingerprint {
    fn of(ws: &Workspace) -> Self {
        let d = ws.dataset();
        Self {
            revision: ws.revision(),
            language: i18n::current(),
            lists: [
                (d.zones.as_ptr().addr(), d.zones.len()),
                (d.countries.as_ptr().addr(), d.countries.len()),
                (d.institutes.as_ptr().addr(), d.institutes.len()),
                (d.affiliates.as_ptr().addr(), d.affiliates.len()),
                (d.companies.as_ptr().addr(), d.companies.len()),
                (d.meetings.as_ptr().addr(), d.meetings.len()),
                (d.country_notes.as_ptr().addr(), d.country_notes.len()),
                (d.contracts.as_ptr().addr(), d.contracts.len()),
            ],
        }
    }
}

impl Fingerprint {
    /// Whether `next` is the revision right after this one, with every
    /// list other than `kind` untouched (the same buffers: not another file,
    /// nor a copy of the data).
    fn is_one_step_before(&self, next: &Fingerprint, kind: ListKind) -> bool {
        let shown = list_slot(kind);
        self.revision.wrapping_add(1) == next.revision
            && self.language == next.language
            && self
                .lists
                .iter()
                .zip(&next.lists)
                .enumerate()
                .all(|(slot, (a, b))| slot == shown || a == b)
    }
}

/// The place of `kind` in [`Fingerprint::lists`].
fn list_slot(kind: ListKind) -> usize {
    match kind {
        ListKind::Zones => 0,
        ListKind::Countries => 1,
        ListKind::Institutes => 2,
        ListKind::Affiliates => 3,
        ListKind::Companies => 4,
        ListKind::Meetings => 5,
        ListKind::CountryNotes => 6,
        ListKind::Contracts => 7,
    }
}

/// Counts shown in some columns, per record of the list shown.
#[derive(Debug, Default)]
struct Counts {
    /// Meetings per company (companies) or per institute (institutes).
    meetings: Vec<usize>,
    /// Contracts per institute.
    contracts: Vec<usize>,
    /// Countries per zone.
    countries: Vec<usize>,
}

/// What the filters need to know of one record.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    /// Position of its zone in `zones`; `None`: unassigned.
    zone: Option<usize>,
    /// Its country, as an index into [`FilterChoices::country_codes`].
    country: Option<u32>,
    /// The year of its date (meeting, signature, update).
    year: Option<i32>,
}

/// The choices of the quick filters, from the data.
#[derive(Debug, Default)]
struct FilterChoices {
    /// Every zone (id, name), then Unassigned.
    zones: Vec<(String, String)>,
    /// The countries of the list's records (code, name), by name.
    countries: Vec<(String, String)>,
    /// Distinct country codes of the records; [`Facts::country`] indexes it.
    country_codes: Vec<String>,
    /// Affiliates (head office first), by name.
    affiliates: Vec<(AffiliateChoice, String)>,
    /// Years of the records' dates, latest first.
    years: Vec<(i32, String)>,
}

/// Everything derived from one revision of the data for one list.
#[derive(Debug, Default)]
struct Index {
    /// `None` until built.
    fingerprint: Option<Fingerprint>,
    /// Incremented at each rebuild; keys the row view.
    generation: u64,
    /// Number of records in the list.
    len: usize,
    /// Each record's searchable text, folded; built on the first search of
    /// the revision (edits made without a search never pay for it).
    search: SearchIndex,
    facts: Vec<Facts>,
    counts: Counts,
    options: FilterChoices,
    /// Sort keys of the columns sorted on so far in this revision.
    sort_keys: HashMap<Col, Vec<SortKey>>,
    /// The dashboard's drill-down and, per record, whether it is kept.
    drill: Option<(Drill, Vec<bool>)>,
}

impl Index {
    fn build(
        kind: ListKind,
        dataset: &Dataset,
        lookup: &Lookup,
        fingerprint: Fingerprint,
        generation: u64,
    ) -> Self {
        let len = crate::edit::list_len(dataset, kind);
        let counts = counts(kind, dataset, lookup);
        let sources = Sources {
            dataset,
            lookup,
            counts: &counts,
        };
        let mut facts = Vec::with_capacity(len);
        let mut country_slots: HashMap<&str, u32> = HashMap::new();
        let mut country_codes: Vec<String> = Vec::new();
        let mut years: Vec<i32> = Vec::new();
        let mut any_unassigned = false;
        for position in 0..len {
            let (country, year) = record_country_and_year(&sources, kind, position);
            let zone = lookup.zone_position(country);
            any_unassigned |= zone.is_none();
            let country = country.map(|code| {
                *country_slots.entry(code).or_insert_with(|| {
                    country_codes.push(code.to_owned());
                    u32::try_from(country_codes.len() - 1).unwrap_or(u32::MAX)
                })
            });
            if let Some(year) = year {
                years.push(year);
            }
            facts.push(Facts {
                zone,
                country,
                year,
            });
        }
        let options = filter_choices(dataset, kind, country_codes, years, any_unassigned);
        Self {
            fingerprint: Some(fingerprint),
            generation,
            len,
            search: SearchIndex::default(),
            facts,
            counts,
            options,
            sort_keys: HashMap::new(),
            drill: None,
        }
    }
}

impl Index {
    /// Follows `change` when it is one record of this list replaced (under
    /// the same id) or appended: that record's facts, search text and sort
    /// keys are redone, nothing else. Returns false when the index must be
    /// rebuilt instead: another list changed (names, countries and counts
    /// shown here may come from it), or the record brings a country, a year
    /// or an unassigned zone that the quick filters do not offer yet.
    fn follow(
        &mut self,
        kind: ListKind,
        dataset: &Dataset,
        lookup: &Lookup,
        change: Change,
    ) -> bool {
        let (index, appended) = match change {
            Change::Replaced { list, index } if list == kind && index < self.len => (index, false),
            Change::Appended { list, index } if list == kind && index == self.len => (index, true),
            _ => return false,
        };
        if appended
            && !matches!(
                kind,
                ListKind::Meetings
                    | ListKind::CountryNotes
                    | ListKind::Contracts
                    | ListKind::Affiliates
            )
        {
            // Companies and institutes carry counts per record: rebuild.
            return false;
        }
        let sources = Sources {
            dataset,
            lookup,
            counts: &self.counts,
        };
        let (country, year) = record_country_and_year(&sources, kind, index);
        let zone = lookup.zone_position(country);
        let options = &self.options;
        let zone_offered =
            zone.is_some() || options.zones.iter().any(|(id, _)| id == UNASSIGNED_ZONE);
        let country_slot = match country {
            None => None,
            Some(code) => match options.country_codes.iter().position(|c| c == code) {
                Some(slot) => u32::try_from(slot).ok(),
                None => return false,
            },
        };
        let year_offered = year.is_none_or(|y| options.years.iter().any(|(o, _)| *o == y));
        if !zone_offered || !year_offered {
            return false;
        }
        let facts = Facts {
            zone,
            country: country_slot,
            year,
        };
        let mut names = FoldedNames::new(dataset, lookup);
        let mut text = String::new();
        push_search_text(&mut text, &sources, &mut names, kind, index, columns(kind));
        let keys: Vec<(Col, SortKey)> = self
            .sort_keys
            .keys()
            .map(|col| {
                (
                    *col,
                    SortKey::of(&sources, value(&sources, kind, index, *col)),
                )
            })
            .collect();
        if appended {
            self.facts.push(facts);
            self.search.append(index, text);
            for (col, key) in keys {
                if let Some(column) = self.sort_keys.get_mut(&col) {
                    column.push(key);
                }
            }
            self.len += 1;
        } else {
            if let Some(slot) = self.facts.get_mut(index) {
                *slot = facts;
            }
            self.search.replace(index, text);
            for (col, key) in keys {
                if let Some(slot) = self.sort_keys.get_mut(&col).and_then(|c| c.get_mut(index)) {
                    *slot = key;
                }
            }
        }
        // The dashboard's drill-down is worked out again when shown.
        self.drill = None;
        true
    }
}

/// The counts shown by `kind`'s columns.
fn counts(kind: ListKind, dataset: &Dataset, lookup: &Lookup) -> Counts {
    let mut counts = Counts::default();
    let bump = |counts: &mut Vec<usize>, position: Option<usize>| {
        if let Some(slot) = position.and_then(|p| counts.get_mut(p)) {
            *slot += 1;
        }
    };
    match kind {
        ListKind::Companies => {
            counts.meetings = vec![0; dataset.companies.len()];
            for m in &dataset.meetings {
                bump(
                    &mut counts.meetings,
                    lookup.position(ListKind::Companies, &m.company),
                );
            }
        }
        ListKind::Institutes => {
            counts.meetings = vec![0; dataset.institutes.len()];
            counts.contracts = vec![0; dataset.institutes.len()];
            for m in &dataset.meetings {
                for id in &m.institutes {
                    bump(
                        &mut counts.meetings,
                        lookup.position(ListKind::Institutes, id),
                    );
                }
            }
            for c in &dataset.contracts {
                for id in &c.institutes {
                    bump(
                        &mut counts.contracts,
                        lookup.position(ListKind::Institutes, id),
                    );
                }
            }
        }
        ListKind::Zones => {
            counts.countries = vec![0; dataset.zones.len()];
            for c in &dataset.countries {
                bump(&mut counts.countries, lookup.zone_position(Some(&c.code)));
            }
        }
        _ => {}
    }
    counts
}

/// The country (for the zone and country filters) and year of a record.
fn record_country_and_year<'a>(
    sources: &Sources<'a>,
    kind: ListKind,
    position: usize,
) -> (Option<&'a str>, Option<i32>) {
    let dataset: &'a Dataset = sources.dataset;
    let year = |date: Option<&IsoDate>| date.and_then(IsoDate::valid).map(|d| d.year());
    match kind {
        ListKind::Affiliates => (
            dataset.affiliates.get(position).map(|r| r.country.as_str()),
            None,
        ),
        ListKind::Companies => (
            dataset
                .companies
                .get(position)
                .and_then(|r| r.country.as_deref()),
            None,
        ),
        ListKind::Meetings => dataset.meetings.get(position).map_or((None, None), |r| {
            (sources.meeting_country(r), year(Some(&r.date)))
        }),
        ListKind::CountryNotes => dataset
            .country_notes
            .get(position)
            .map_or((None, None), |r| {
                (r.country.as_deref(), year(r.updated.as_ref()))
            }),
        ListKind::Contracts => dataset.contracts.get(position).map_or((None, None), |r| {
            (sources.contract_country(r), year(r.signed.as_ref()))
        }),
        ListKind::Countries => (
            dataset.countries.get(position).map(|r| r.code.as_str()),
            None,
        ),
        ListKind::Institutes | ListKind::Zones => (None, None),
    }
}

/// The choices of the quick filters of `kind`.
fn filter_choices(
    dataset: &Dataset,
    kind: ListKind,
    country_codes: Vec<String>,
    mut years: Vec<i32>,
    any_unassigned: bool,
) -> FilterChoices {
    let mut zones: Vec<(String, String)> = dataset
        .zones
        .iter()
        .map(|z| {
            let name = z.name.as_deref().filter(|n| !n.trim().is_empty());
            (z.id.clone(), name.unwrap_or(&z.id).to_owned())
        })
        .collect();
    if any_unassigned || !dataset.zones.iter().any(|z| z.id == UNASSIGNED_ZONE) {
        zones.push((
            UNASSIGNED_ZONE.to_owned(),
            countries::unassigned_zone_name().to_owned(),
        ));
    }

    let mut countries: Vec<(String, String)> = country_codes
        .iter()
        .map(|code| {
            let name = countries::country_name(code).unwrap_or(code);
            (code.clone(), name.to_owned())
        })
        .collect();
    countries.sort_by_cached_key(|(_, name)| fold(name));

    let mut affiliates = Vec::new();
    if kind == ListKind::Meetings {
        affiliates.push((
            AffiliateChoice::HeadOffice,
            msg::HEAD_OFFICE.text().to_owned(),
        ));
        let mut offices: Vec<(AffiliateChoice, String)> = dataset
            .affiliates
            .iter()
            .map(|a| (AffiliateChoice::Office(a.id.clone()), a.name.clone()))
            .collect();
        offices.sort_by_cached_key(|(_, name)| fold(name));
        affiliates.extend(offices);
    }

    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    FilterChoices {
        zones,
        countries,
        country_codes,
        affiliates,
        years: years.into_iter().map(|y| (y, y.to_string())).collect(),
    }
}

/// The searchable text of a record: every column as shown (references by
/// name, countries by name and code), plus ids, notes and other hidden text.
fn push_search_text<'a>(
    out: &mut String,
    sources: &Sources<'a>,
    names: &mut FoldedNames<'a>,
    kind: ListKind,
    position: usize,
    cols: &[Col],
) {
    for col in cols {
        push_searchable(out, names, value(sources, kind, position, *col));
    }
    let dataset: &'a Dataset = sources.dataset;
    let extra = |out: &mut String, text: Option<&str>| {
        if let Some(text) = text {
            push_folded(out, text);
            out.push('\n');
        }
    };
    match kind {
        ListKind::Affiliates => {
            if let Some(r) = dataset.affiliates.get(position) {
                extra(out, Some(&r.id));
                if let Some(contact) = &r.contact {
                    extra(out, contact.name.as_deref());
                    extra(out, contact.email.as_deref());
                    extra(out, contact.phone.as_deref());
                }
                extra(out, r.notes.as_deref());
            }
        }
        ListKind::Companies => {
            if let Some(r) = dataset.companies.get(position) {
                extra(out, Some(&r.id));
                extra(out, r.website.as_deref());
            }
        }
        ListKind::Meetings => {
            if let Some(r) = dataset.meetings.get(position) {
                extra(out, Some(&r.id));
                push_searchable(out, names, Value::Refs(ListKind::Institutes, &r.institutes));
                extra(out, r.notes.as_deref());
            }
        }
        ListKind::CountryNotes => {
            if let Some(r) = dataset.country_notes.get(position) {
                extra(out, Some(&r.id));
                extra(out, r.body.as_deref());
            }
        }
        ListKind::Contracts => {
            if let Some(r) = dataset.contracts.get(position) {
                extra(out, Some(&r.id));
                push_searchable(out, names, Value::Refs(ListKind::Institutes, &r.institutes));
            }
        }
        ListKind::Institutes => {
            if let Some(r) = dataset.institutes.get(position) {
                extra(out, Some(&r.id));
            }
        }
        ListKind::Zones | ListKind::Countries => {}
    }
}

/// Appends what a search finds of a value. Fields are separated by a line
/// break, which a search term (split on whitespace) never contains, so a
/// term never matches across two fields.
fn push_searchable<'a>(out: &mut String, names: &mut FoldedNames<'a>, value: Value<'a>) {
    match value {
        Value::Empty | Value::Placeholder(_) | Value::Count(_) => return,
        Value::Text(text) => push_folded(out, &text),
        Value::Ref(list, id) => out.push_str(names.get(list, id)),
        Value::Refs(list, ids) => {
            for id in ids {
                out.push_str(names.get(list, id));
                out.push('\n');
            }
        }
        Value::Choice(_, word) => push_folded(out, word),
        Value::Country(code) => {
            if let Some(name) = countries::country_name(code) {
                push_folded(out, name);
                out.push('\n');
            }
            push_folded(out, code);
        }
        Value::Date(IsoDate::Valid(date)) => {
            // As written in the file, and as shown.
            push_date(out, *date);
            out.push('\n');
            push_shown_date(out, *date);
        }
        Value::Date(IsoDate::Invalid(text)) => push_folded(out, text),
        Value::Euros(n) => {
            push_folded(out, &euros(n));
            write!(out, "\n{n}").ok();
        }
    }
    out.push('\n');
}

/// Appends `YYYY-MM-DD` (without chrono's format machinery, which is slow
/// enough to matter over 200,000 dates).
fn push_date(out: &mut String, date: chrono::NaiveDate) {
    write!(
        out,
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    )
    .ok();
}

/// Appends the date as [`i18n::date`] shows it, folded: `feb 3, 2015` /
/// `03/02/2015`. Written here without a format string per date, which
/// matters over 200,000 dates (a test checks that both agree).
fn push_shown_date(out: &mut String, date: chrono::NaiveDate) {
    /// English months as [`i18n::date`] abbreviates them, folded.
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    match i18n::current() {
        Language::French => {
            write!(
                out,
                "{:02}/{:02}/{:04}",
                date.day(),
                date.month(),
                date.year()
            )
            .ok();
        }
        Language::English => {
            let month = MONTHS
                .get(date.month0() as usize)
                .copied()
                .unwrap_or_default();
            write!(out, "{month} {}, {}", date.day(), date.year()).ok();
        }
    }
}

/// The searchable text of every record, folded, one after the other in one
/// buffer (one allocation, and a scan that stays in the cache).
#[derive(Debug, Default)]
struct SearchIndex {
    text: String,
    /// Where each record's text ends in `text`; records indexed so far.
    ends: Vec<usize>,
    /// The text of records changed since they were indexed, by position.
    changed: HashMap<usize, String>,
}

impl SearchIndex {
    fn is_complete(&self, len: usize) -> bool {
        self.ends.len() >= len
    }

    /// How much of a list of `len` records is indexed, 0 to 1.
    fn progress(&self, len: usize) -> f32 {
        if len == 0 {
            1.0
        } else {
            self.ends.len() as f32 / len as f32
        }
    }

    /// Indexes more records for at most about `budget`; true when complete.
    fn extend(
        &mut self,
        sources: &Sources<'_>,
        kind: ListKind,
        len: usize,
        budget: std::time::Duration,
    ) -> bool {
        let started = std::time::Instant::now();
        let cols = columns(kind);
        let mut names = FoldedNames::new(sources.dataset, sources.lookup);
        if self.ends.is_empty() {
            self.ends.reserve(len);
        }
        for position in self.ends.len()..len {
            push_search_text(&mut self.text, sources, &mut names, kind, position, cols);
            self.ends.push(self.text.len());
            if position % 1024 == 1023 && started.elapsed() > budget {
                return self.is_complete(len);
            }
        }
        true
    }

    /// Records the text of the record at `position`, changed since it was
    /// indexed (not indexed yet: it will be read when its turn comes).
    fn replace(&mut self, position: usize, text: String) {
        if position < self.ends.len() {
            self.changed.insert(position, text);
        }
    }

    /// Adds the text of a record appended at `position`, if every record
    /// before it is indexed (else its turn will come).
    fn append(&mut self, position: usize, text: String) {
        if position == self.ends.len() {
            self.text.push_str(&text);
            self.ends.push(self.text.len());
        }
    }

    /// The text of the record at `position` ("" if not indexed).
    fn text_of(&self, position: usize) -> &str {
        // (Empty but for edited records: no hashing per record otherwise.)
        if !self.changed.is_empty()
            && let Some(text) = self.changed.get(&position)
        {
            return text;
        }
        let start = match position.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        self.ends
            .get(position)
            .and_then(|end| self.text.get(start..*end))
            .unwrap_or("")
    }
}

/// The folded names of referenced records, each folded once per search
/// index rather than once per reference (100,000 meetings name about 10,000
/// companies).
struct FoldedNames<'a> {
    dataset: &'a Dataset,
    lookup: &'a Lookup,
    folded: HashMap<(ListKind, &'a str), Box<str>>,
}

impl<'a> FoldedNames<'a> {
    fn new(dataset: &'a Dataset, lookup: &'a Lookup) -> Self {
        Self {
            dataset,
            lookup,
            folded: HashMap::new(),
        }
    }

    /// The folded name of the record `id` of `list` (its id when missing).
    fn get(&mut self, list: ListKind, id: &'a str) -> &str {
        let (dataset, lookup) = (self.dataset, self.lookup);
        self.folded
            .entry((list, id))
            .or_insert_with(|| fold(&lookup.name(dataset, list, id)).into_boxed_str())
    }
}

// ---------------------------------------------------------------------------
// Filters and the rows shown

/// The quick filters a list offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuickFilter {
    Zone,
    Country,
    Affiliate,
    Stage,
    Status,
    Size,
    ContractKind,
    Year,
}

fn quick_filters(kind: ListKind) -> &'static [QuickFilter] {
    use QuickFilter as F;
    match kind {
        ListKind::Affiliates => &[F::Zone, F::Country, F::Status],
        ListKind::Companies => &[F::Zone, F::Country, F::Size],
        ListKind::Meetings => &[F::Zone, F::Country, F::Affiliate, F::Stage, F::Year],
        ListKind::CountryNotes => &[F::Zone, F::Country, F::Year],
        ListKind::Contracts => &[F::Zone, F::Country, F::ContractKind, F::Year],
        ListKind::Countries => &[F::Zone],
        ListKind::Institutes | ListKind::Zones => &[],
    }
}

/// Who held a meeting, as a filter choice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum AffiliateChoice {
    /// No affiliate: the head office.
    HeadOffice,
    /// The affiliate with this id.
    Office(String),
}

/// The quick filters' values; `None`: all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Filters {
    /// A zone id, or `unassigned`.
    zone: Option<String>,
    /// A country code.
    country: Option<String>,
    affiliate: Option<AffiliateChoice>,
    stage: Option<Stage>,
    status: Option<AffiliateStatus>,
    size: Option<CompanySize>,
    contract_kind: Option<ContractKind>,
    year: Option<i32>,
    /// Records picked on the dashboard.
    drill: Option<DrillFilter>,
}

/// The records behind a figure of the dashboard, and how to name them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DrillFilter {
    /// What they are, e.g. "2014 · Europe · Proposal".
    label: String,
    drill: Drill,
}

/// The rows shown, with what they were computed for.
#[derive(Debug, Default)]
struct RowView {
    /// The index generation; `None` before the first frame.
    generation: Option<u64>,
    /// The search box's text.
    search: String,
    /// The search, folded.
    query: String,
    filters: Filters,
    sort: Option<(Col, SortOrder)>,
    /// Positions in the list, in display order.
    rows: Vec<usize>,
}

/// Decides whether a record is shown: the filters, resolved once, and the
/// search terms, all of which must be found (AND).
struct Matcher<'a> {
    kind: ListKind,
    dataset: &'a Dataset,
    index: &'a Index,
    filters: &'a Filters,
    /// One searcher per search term, built once per query (not per record).
    finders: Vec<memchr::memmem::Finder<'a>>,
    /// `Some(None)`: unassigned only.
    zone: Option<Option<usize>>,
    country: Option<u32>,
}

impl<'a> Matcher<'a> {
    /// `None` when the filters cannot match anything (an unknown zone id, a
    /// country no record has).
    fn new(
        kind: ListKind,
        dataset: &'a Dataset,
        index: &'a Index,
        filters: &'a Filters,
        terms: &'a [&'a str],
    ) -> Option<Self> {
        let has = |filter: QuickFilter| quick_filters(kind).contains(&filter);
        let zone = match filters.zone.as_deref() {
            Some(id) if has(QuickFilter::Zone) => {
                match dataset.zones.iter().position(|z| z.id == id) {
                    Some(position) => Some(Some(position)),
                    None if id == UNASSIGNED_ZONE => Some(None),
                    None => return None,
                }
            }
            _ => None,
        };
        let country = match filters.country.as_deref() {
            Some(code) if has(QuickFilter::Country) => {
                let slot = index.options.country_codes.iter().position(|c| c == code)?;
                Some(u32::try_from(slot).ok()?)
            }
            _ => None,
        };
        Some(Self {
            kind,
            dataset,
            index,
            filters,
            finders: terms
                .iter()
                .map(|term| memchr::memmem::Finder::new(term.as_bytes()))
                .collect(),
            zone,
            country,
        })
    }

    fn matches(&self, position: usize) -> bool {
        let Some(facts) = self.index.facts.get(position) else {
            return false;
        };
        if self.filters.drill.is_some()
            && !self
                .index
                .drill
                .as_ref()
                .is_some_and(|(_, keep)| keep.get(position).copied().unwrap_or(false))
        {
            return false;
        }
        if self.zone.is_some_and(|zone| facts.zone != zone)
            || self.country.is_some_and(|c| facts.country != Some(c))
        {
            return false;
        }
        let f = self.filters;
        let kind = self.kind;
        if let Some(year) = f.year
            && quick_filters(kind).contains(&QuickFilter::Year)
            && facts.year != Some(year)
        {
            return false;
        }
        let record_ok = match kind {
            ListKind::Meetings => self.dataset.meetings.get(position).is_some_and(|m| {
                f.stage.is_none_or(|s| m.stage == Some(s))
                    && f.affiliate.as_ref().is_none_or(|a| match a {
                        AffiliateChoice::HeadOffice => m.affiliate.is_none(),
                        AffiliateChoice::Office(id) => m.affiliate.as_deref() == Some(id),
                    })
            }),
            ListKind::Affiliates => f.status.is_none_or(|s| {
                self.dataset
                    .affiliates
                    .get(position)
                    .is_some_and(|a| a.status == Some(s))
            }),
            ListKind::Companies => f.size.is_none_or(|s| {
                self.dataset
                    .companies
                    .get(position)
                    .is_some_and(|c| c.size == Some(s))
            }),
            ListKind::Contracts => f.contract_kind.is_none_or(|k| {
                self.dataset
                    .contracts
                    .get(position)
                    .is_some_and(|c| c.kind == Some(k))
            }),
            _ => true,
        };
        if !record_ok {
            return false;
        }
        if self.finders.is_empty() {
            return true;
        }
        let text = self.index.search.text_of(position).as_bytes();
        self.finders
            .iter()
            .all(|finder| finder.find(text).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Société Générale"), "societe generale");
        assert_eq!(fold("MÜNCHEN Straße"), "munchen strasse");
        assert_eq!(fold("Łódź Œuvre Ærø"), "lodz oeuvre aero");
        assert_eq!(fold("Sa\u{303}o Paulo"), "sao paulo");
        assert_eq!(fold("l’Oréal"), "l'oreal");
        assert_eq!(fold("Čapek Dvořák"), "capek dvorak");
        assert_eq!(fold("佐藤"), "佐藤");
    }

    #[test]
    fn the_latin_extended_a_table_is_aligned() {
        for (c, base) in [
            ('ā', 'a'),
            ('č', 'c'),
            ('đ', 'd'),
            ('ę', 'e'),
            ('ğ', 'g'),
            ('ħ', 'h'),
            ('ı', 'i'),
            ('ĵ', 'j'),
            ('ķ', 'k'),
            ('ł', 'l'),
            ('ń', 'n'),
            ('ő', 'o'),
            ('ř', 'r'),
            ('š', 's'),
            ('ť', 't'),
            ('ů', 'u'),
            ('ŵ', 'w'),
            ('ŷ', 'y'),
            ('ž', 'z'),
            ('ſ', 's'),
        ] {
            assert_eq!(fold(&c.to_string()), base.to_string(), "{c}");
        }
    }

    #[test]
    fn empty_values_sort_last_both_ways() {
        let mut keys = [
            SortKey::Empty,
            SortKey::Num(2),
            SortKey::Text("b".into()),
            SortKey::Num(1),
        ];
        keys.sort_by(|a, b| compare_keys(a, b, SortOrder::Ascending));
        assert_eq!(keys.last(), Some(&SortKey::Empty));
        assert_eq!(keys.first(), Some(&SortKey::Num(1)));
        keys.sort_by(|a, b| compare_keys(a, b, SortOrder::Descending));
        assert_eq!(keys.last(), Some(&SortKey::Empty));
        assert_eq!(keys.first(), Some(&SortKey::Text("b".into())));
    }

    const EVERY_COL: [Col; 32] = [
        Col::Name,
        Col::City,
        Col::Country,
        Col::Zone,
        Col::Status,
        Col::Opened,
        Col::Institutes,
        Col::Contact,
        Col::Sector,
        Col::Size,
        Col::MeetingCount,
        Col::Date,
        Col::Company,
        Col::Affiliate,
        Col::Topic,
        Col::Stage,
        Col::Value,
        Col::FollowUp,
        Col::Initiative,
        Col::Title,
        Col::Tags,
        Col::Updated,
        Col::Author,
        Col::Kind,
        Col::Programme,
        Col::Signed,
        Col::Amount,
        Col::Domain,
        Col::ContractCount,
        Col::Id,
        Col::CountryCount,
        Col::Code,
    ];

    #[test]
    fn every_header_is_a_field_of_its_list_or_a_message() {
        for col in EVERY_COL {
            if let Header::Field(list, name) = col.header() {
                assert!(crate::fields::find(list, name).is_some(), "{col:?}");
            }
        }
        i18n::set_language(Language::French);
        let french: Vec<&str> = [Col::Company, Col::Stage, Col::MeetingCount]
            .map(Col::title)
            .to_vec();
        i18n::set_language(Language::English);
        assert_eq!(french, ["Entreprise", "Étape", "Réunions"]);
        assert_eq!(Col::Company.title(), "Company");
    }

    #[test]
    fn a_date_is_searchable_as_written_and_as_shown() {
        for language in Language::ALL {
            i18n::set_language(language);
            for (y, m, d) in [(2015, 2, 3), (1999, 12, 31), (2026, 11, 28), (987, 1, 1)] {
                let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
                let mut shown = String::new();
                push_shown_date(&mut shown, date);
                assert_eq!(shown, fold(&i18n::date(date)), "{language:?} {date}");
            }
        }
        i18n::set_language(Language::English);
    }

    #[test]
    fn a_header_cycles_through_ascending_descending_and_file_order() {
        let once = next_sort(None, Col::Date);
        assert_eq!(once, Some((Col::Date, SortOrder::Ascending)));
        let twice = next_sort(once, Col::Date);
        assert_eq!(twice, Some((Col::Date, SortOrder::Descending)));
        assert_eq!(next_sort(twice, Col::Date), None);
        assert_eq!(
            next_sort(twice, Col::Company),
            Some((Col::Company, SortOrder::Ascending))
        );
    }
}
