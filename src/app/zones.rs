//! The Zones & countries screen: add, rename, reorder and remove zones;
//! assign each country to a zone, found by name or code; fill unassigned
//! countries from the defaults.

use eframe::egui;

use crate::countries;
use crate::edit::{Edit, Record};
use crate::i18n::{self, Language, catalogue::table as msg};
use crate::lookup::Lookup;
use crate::model::{CountryZone, ListKind, Zone};
use crate::workspace::Workspace;

use super::table::fold;
use super::theme;

/// What the user asked of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZonesAction {
    /// Apply this edit, named `label`.
    Apply {
        /// What it does, in words.
        label: String,
        /// The change.
        edit: Box<Edit>,
    },
    /// Delete the zone at this position (the shell confirms, with what refers to it).
    DeleteZone(usize),
}

/// The screen's own state.
#[derive(Default)]
pub struct ZonesView {
    new_zone: String,
    search: String,
    only_unassigned: bool,
    /// A zone being renamed: its position and the name typed so far.
    renaming: Option<(usize, String)>,
    /// Every ISO code with its name and its name folded for the search,
    /// sorted by name (built once per language).
    all_countries: Vec<(String, &'static str, String)>,
    /// The language of `all_countries`' names.
    countries_language: Option<Language>,
    /// How many countries "fill from the defaults" would assign, for a data revision.
    missing: Option<(u64, usize)>,
}

impl ZonesView {
    /// Draws the screen.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ws: &Workspace,
        lookup: &Lookup,
    ) -> Option<ZonesAction> {
        let language = i18n::current();
        if self.all_countries.is_empty() || self.countries_language != Some(language) {
            let mut all: Vec<(String, &'static str, String)> = countries::all_codes()
                .into_iter()
                .map(|code| {
                    let name = countries::country_name(&code).unwrap_or("");
                    (code, name, fold(name))
                })
                .collect();
            // By name, accents aside: "États-Unis" among the E.
            all.sort_by(|a, b| a.2.cmp(&b.2));
            self.all_countries = all;
            self.countries_language = Some(language);
        }
        ui.heading(msg::ZONES_TITLE.text());
        ui.label(msg::ZONES_INTRO.text());
        ui.add_space(theme::SECTION_SPACE);
        let mut action = None;
        ui.columns(2, |columns| {
            if let Some(left) = columns.get_mut(0) {
                action = self.zones_ui(left, ws).or(action.take());
            }
            if let Some(right) = columns.get_mut(1) {
                action = self.countries_ui(right, ws, lookup).or(action.take());
            }
        });
        action
    }

    fn zones_ui(&mut self, ui: &mut egui::Ui, ws: &Workspace) -> Option<ZonesAction> {
        let dataset = ws.dataset();
        let mut action = None;
        ui.strong(msg::ZONES_HEADING.text());
        let count_of = |zone: &str| {
            dataset
                .countries
                .iter()
                .filter(|c| c.zone.as_deref() == Some(zone))
                .count()
        };
        egui::Grid::new("zones-grid").striped(true).show(ui, |ui| {
            let last = dataset.zones.len().saturating_sub(1);
            for (i, zone) in dataset.zones.iter().enumerate() {
                let name = zone.name.clone().unwrap_or_else(|| zone.id.clone());
                match &mut self.renaming {
                    Some((index, text)) if *index == i => {
                        let edit = ui.add(
                            egui::TextEdit::singleline(text)
                                .desired_width(180.0)
                                .hint_text(msg::ZONE_NAME_HINT.text()),
                        );
                        let done = edit.lost_focus();
                        if done {
                            let text = text.trim().to_owned();
                            if !text.is_empty() && text != name {
                                action = Some(ZonesAction::Apply {
                                    label: msg::RENAME_ZONE_TO
                                        .with(&[("name", &name), ("text", &text)]),
                                    edit: Box::new(Edit::Replace {
                                        index: i,
                                        record: Record::Zone(Zone {
                                            id: zone.id.clone(),
                                            name: Some(text),
                                        }),
                                    }),
                                });
                            }
                            self.renaming = None;
                        } else {
                            edit.request_focus();
                        }
                    }
                    _ => {
                        if ui
                            .add(egui::Label::new(&name).sense(egui::Sense::click()))
                            .on_hover_text(msg::ZONE_ID_HINT.with(&[("id", &zone.id)]))
                            .double_clicked()
                        {
                            self.renaming = Some((i, name.clone()));
                        }
                    }
                }
                ui.label(i18n::counted(
                    count_of(&zone.id) as u64,
                    msg::COUNTRIES_ONE,
                    msg::COUNTRIES_OTHER,
                ));
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(i > 0, egui::Button::new(msg::UP.text()))
                        .on_hover_text(msg::MOVE_UP.with(&[("name", &name)]))
                        .accessible_name(msg::MOVE_UP.with(&[("name", &name)]))
                        .clicked()
                    {
                        action = Some(move_zone(&name, i, i - 1));
                    }
                    if ui
                        .add_enabled(i < last, egui::Button::new(msg::DOWN.text()))
                        .on_hover_text(msg::MOVE_DOWN.with(&[("name", &name)]))
                        .accessible_name(msg::MOVE_DOWN.with(&[("name", &name)]))
                        .clicked()
                    {
                        action = Some(move_zone(&name, i, i + 1));
                    }
                    if ui
                        .button(msg::RENAME.text())
                        .on_hover_text(msg::RENAME_NAMED.with(&[("name", &name)]))
                        .accessible_name(msg::RENAME_NAMED.with(&[("name", &name)]))
                        .clicked()
                    {
                        self.renaming = Some((i, name.clone()));
                    }
                    if ui
                        .button(msg::REMOVE.text())
                        .on_hover_text(msg::REMOVE_NAMED.with(&[("name", &name)]))
                        .accessible_name(msg::REMOVE_NAMED.with(&[("name", &name)]))
                        .clicked()
                    {
                        action = Some(ZonesAction::DeleteZone(i));
                    }
                });
                ui.end_row();
            }
        });
        if dataset.zones.is_empty() {
            ui.label(msg::NO_ZONE_YET.with(&[("unassigned", &countries::unassigned_zone_name())]));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = ui.label(msg::NEW_ZONE.text());
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new_zone)
                        .hint_text(msg::NEW_ZONE_HINT.text())
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let name = self.new_zone.trim().to_owned();
            if (ui
                .add_enabled(!name.is_empty(), egui::Button::new(msg::ADD_ZONE.text()))
                .clicked()
                || enter)
                && !name.is_empty()
            {
                let id = crate::ids::unique_slug(dataset, ListKind::Zones, &name);
                action = Some(ZonesAction::Apply {
                    label: msg::ADD_ZONE_NAMED.with(&[("name", &name)]),
                    edit: Box::new(Edit::Insert {
                        index: dataset.zones.len(),
                        record: Record::Zone(Zone {
                            id,
                            name: Some(name),
                        }),
                    }),
                });
                self.new_zone.clear();
            }
        });
        action
    }

    fn countries_ui(
        &mut self,
        ui: &mut egui::Ui,
        ws: &Workspace,
        lookup: &Lookup,
    ) -> Option<ZonesAction> {
        let dataset = ws.dataset();
        let mut action = None;
        ui.strong(msg::COUNTRIES_HEADING.text());
        let missing = match self.missing {
            Some((revision, count)) if revision == ws.revision() => count,
            _ => {
                let count = countries::missing_default_assignments(dataset).len();
                self.missing = Some((ws.revision(), count));
                count
            }
        };
        ui.horizontal(|ui| {
            let label = ui.label(msg::FIND.text());
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text(msg::FIND_HINT.text())
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.checkbox(&mut self.only_unassigned, msg::ONLY_UNASSIGNED.text());
        });
        let fill = ui
            .horizontal(|ui| {
                ui.add_enabled(
                    missing > 0,
                    egui::Button::new(
                        msg::FILL_FROM_DEFAULTS.with(&[("missing", &i18n::count(missing as u64))]),
                    ),
                )
                .on_hover_text(msg::FILL_FROM_DEFAULTS_HINT.text())
            })
            .inner;
        if fill.clicked()
            && let Some(edit) = countries::fill_from_defaults(dataset)
        {
            action = Some(ZonesAction::Apply {
                label: i18n::counted(
                    missing as u64,
                    msg::ASSIGN_FROM_DEFAULTS_ONE,
                    msg::ASSIGN_FROM_DEFAULTS_OTHER,
                ),
                edit: Box::new(edit),
            });
        }
        ui.add_space(4.0);
        let needle = fold(self.search.trim());
        let rows: Vec<(&String, &'static str)> = self
            .all_countries
            .iter()
            .filter(|(code, _, folded)| {
                needle.is_empty() || code.to_lowercase() == needle || folded.contains(&needle)
            })
            .filter(|(code, _, _)| {
                !self.only_unassigned || lookup.zone_position(Some(code)).is_none()
            })
            .map(|(code, name, _)| (code, *name))
            .collect();
        if rows.is_empty() {
            ui.label(msg::NO_COUNTRY_MATCHES.text());
        }
        let row_height = theme::ROW_HEIGHT;
        egui::ScrollArea::vertical()
            .id_salt("countries-scroll")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for &(code, name) in rows.get(range).unwrap_or_default() {
                    ui.horizontal(|ui| {
                        let left = egui::Layout::left_to_right(egui::Align::Center);
                        ui.allocate_ui_with_layout(egui::vec2(36.0, row_height), left, |ui| {
                            ui.monospace(code);
                        });
                        ui.allocate_ui_with_layout(egui::vec2(220.0, row_height), left, |ui| {
                            ui.set_min_width(220.0);
                            ui.add(egui::Label::new(name).truncate());
                        });
                        let current = lookup.zone_position(Some(code));
                        let current_name = match current {
                            Some(_) => lookup.zone_name(dataset, Some(code)),
                            None => countries::unassigned_zone_name(),
                        };
                        let mut chosen = current;
                        let combo = super::keyboard::combo_ui(
                            ui,
                            egui::ComboBox::from_id_salt(("zone-of", code.as_str()))
                                .selected_text(current_name)
                                .width(180.0),
                            |ui| {
                                ui.selectable_value(
                                    &mut chosen,
                                    None,
                                    countries::unassigned_zone_name(),
                                );
                                for (i, zone) in dataset.zones.iter().enumerate() {
                                    ui.selectable_value(
                                        &mut chosen,
                                        Some(i),
                                        zone.name.as_deref().unwrap_or(&zone.id),
                                    );
                                }
                            },
                        );
                        let _named = combo.accessible_name(msg::ZONE_OF.with(&[("name", &name)]));
                        if chosen != current {
                            let zone = chosen
                                .and_then(|i| dataset.zones.get(i))
                                .map(|z| z.id.clone());
                            let record = Record::Country(CountryZone {
                                code: code.clone(),
                                zone: zone.clone(),
                            });
                            let edit = match lookup.position(ListKind::Countries, code) {
                                Some(index) => Edit::Replace { index, record },
                                None => Edit::Insert {
                                    index: dataset.countries.len(),
                                    record,
                                },
                            };
                            let zone_name = chosen
                                .and_then(|i| dataset.zones.get(i))
                                .map_or(countries::unassigned_zone_name(), |z| {
                                    z.name.as_deref().unwrap_or(&z.id)
                                });
                            action = Some(ZonesAction::Apply {
                                label: msg::PUT_IN_ZONE
                                    .with(&[("name", &name), ("zone", &zone_name)]),
                                edit: Box::new(edit),
                            });
                        }
                    });
                }
            });
        action
    }
}

fn move_zone(name: &str, from: usize, to: usize) -> ZonesAction {
    ZonesAction::Apply {
        label: msg::MOVE_ZONE.with(&[("name", &name)]),
        edit: Box::new(Edit::Move {
            list: ListKind::Zones,
            from,
            to,
        }),
    }
}
