//! The Zones & countries screen: add, rename, reorder and remove zones;
//! assign each country to a zone, found by name or code; fill unassigned
//! countries from the defaults.

use eframe::egui;

use crate::countries;
use crate::edit::{Edit, Record};
use crate::lookup::Lookup;
use crate::model::{CountryZone, ListKind, Zone};
use crate::workspace::Workspace;

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
    /// Every ISO code with its name, sorted by name (built once).
    all_countries: Vec<(String, &'static str)>,
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
        if self.all_countries.is_empty() {
            let mut all: Vec<(String, &'static str)> = countries::all_codes()
                .into_iter()
                .map(|code| {
                    let name = countries::country_name(&code).unwrap_or("");
                    (code, name)
                })
                .collect();
            all.sort_by(|a, b| a.1.cmp(b.1));
            self.all_countries = all;
        }
        ui.heading("Zones & countries");
        ui.label("Every figure and chart groups records by the zone of their country.");
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
        ui.strong("Zones");
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
                                .hint_text("Zone name"),
                        );
                        let done = edit.lost_focus();
                        if done {
                            let text = text.trim().to_owned();
                            if !text.is_empty() && text != name {
                                action = Some(ZonesAction::Apply {
                                    label: format!("Rename zone {name} to {text}"),
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
                            .on_hover_text(format!("id: {} — double click to rename", zone.id))
                            .double_clicked()
                        {
                            self.renaming = Some((i, name.clone()));
                        }
                    }
                }
                ui.label(format!("{} countries", count_of(&zone.id)));
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(i > 0, egui::Button::new("Up"))
                        .on_hover_text(format!("Move {name} up"))
                        .accessible_name(format!("Move {name} up"))
                        .clicked()
                    {
                        action = Some(move_zone(&name, i, i - 1));
                    }
                    if ui
                        .add_enabled(i < last, egui::Button::new("Down"))
                        .on_hover_text(format!("Move {name} down"))
                        .accessible_name(format!("Move {name} down"))
                        .clicked()
                    {
                        action = Some(move_zone(&name, i, i + 1));
                    }
                    if ui
                        .button("Rename")
                        .on_hover_text(format!("Rename {name}"))
                        .accessible_name(format!("Rename {name}"))
                        .clicked()
                    {
                        self.renaming = Some((i, name.clone()));
                    }
                    if ui
                        .button("Remove…")
                        .on_hover_text(format!("Remove {name}"))
                        .accessible_name(format!("Remove {name}"))
                        .clicked()
                    {
                        action = Some(ZonesAction::DeleteZone(i));
                    }
                });
                ui.end_row();
            }
        });
        if dataset.zones.is_empty() {
            ui.label("No zone yet: every record counts in Unassigned.");
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = ui.label("New zone");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new_zone)
                        .hint_text("e.g. Nordic countries")
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let name = self.new_zone.trim().to_owned();
            if (ui
                .add_enabled(!name.is_empty(), egui::Button::new("Add zone"))
                .clicked()
                || enter)
                && !name.is_empty()
            {
                let id = crate::ids::unique_slug(dataset, ListKind::Zones, &name);
                action = Some(ZonesAction::Apply {
                    label: format!("Add zone {name}"),
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
        ui.strong("Countries");
        let missing = match self.missing {
            Some((revision, count)) if revision == ws.revision() => count,
            _ => {
                let count = countries::missing_default_assignments(dataset).len();
                self.missing = Some((ws.revision(), count));
                count
            }
        };
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("Country name or code")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.checkbox(&mut self.only_unassigned, "Only unassigned");
        });
        let fill = ui
            .horizontal(|ui| {
                ui.add_enabled(
                    missing > 0,
                    egui::Button::new(format!("Fill {missing} unassigned from the defaults")),
                )
                .on_hover_text(
                    "Assign each unassigned country to its zone by continent, where that zone exists",
                )
            })
            .inner;
        if fill.clicked()
            && let Some(edit) = countries::fill_from_defaults(dataset)
        {
            action = Some(ZonesAction::Apply {
                label: format!("Assign {missing} countries from the defaults"),
                edit: Box::new(edit),
            });
        }
        ui.add_space(4.0);
        let needle = self.search.trim().to_lowercase();
        let rows: Vec<&(String, &'static str)> = self
            .all_countries
            .iter()
            .filter(|(code, name)| {
                needle.is_empty()
                    || code.to_lowercase() == needle
                    || name.to_lowercase().contains(&needle)
            })
            .filter(|(code, _)| !self.only_unassigned || lookup.zone_position(Some(code)).is_none())
            .collect();
        if rows.is_empty() {
            ui.label("No country matches.");
        }
        let row_height = theme::ROW_HEIGHT;
        egui::ScrollArea::vertical()
            .id_salt("countries-scroll")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for (code, name) in rows.get(range).unwrap_or_default() {
                    ui.horizontal(|ui| {
                        let left = egui::Layout::left_to_right(egui::Align::Center);
                        ui.allocate_ui_with_layout(egui::vec2(36.0, row_height), left, |ui| {
                            ui.monospace(code);
                        });
                        ui.allocate_ui_with_layout(egui::vec2(220.0, row_height), left, |ui| {
                            ui.set_min_width(220.0);
                            ui.add(egui::Label::new(*name).truncate());
                        });
                        let current = lookup.zone_position(Some(code));
                        let current_name = lookup.zone_name(dataset, Some(code));
                        let mut chosen = current;
                        let combo = egui::ComboBox::from_id_salt(("zone-of", code.as_str()))
                            .selected_text(current_name)
                            .width(180.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(
                                    &mut chosen,
                                    None,
                                    countries::UNASSIGNED_ZONE_NAME,
                                );
                                for (i, zone) in dataset.zones.iter().enumerate() {
                                    ui.selectable_value(
                                        &mut chosen,
                                        Some(i),
                                        zone.name.as_deref().unwrap_or(&zone.id),
                                    );
                                }
                            });
                        let _named = combo.response.accessible_name(format!("Zone of {name}"));
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
                                .map_or(countries::UNASSIGNED_ZONE_NAME, |z| {
                                    z.name.as_deref().unwrap_or(&z.id)
                                });
                            action = Some(ZonesAction::Apply {
                                label: format!("Put {name} in {zone_name}"),
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
        label: format!("Move zone {name}"),
        edit: Box::new(Edit::Move {
            list: ListKind::Zones,
            from,
            to,
        }),
    }
}
