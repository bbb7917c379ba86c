//! The window with no document: what a start shows when the file it was
//! given (or the last one) cannot be opened. A few words, why, and the
//! ways on: Open, New, a recent file. Never the sample data in its place,
//! which would invite typing into the wrong file.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::theme;
use crate::i18n::catalogue::shell;

/// How many recent files the empty window offers.
const RECENT_SHOWN: usize = 8;

/// What the person chose in the empty window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmptyAction {
    /// Open a file, through the dialog.
    Open,
    /// Start a new file.
    New,
    /// Open this recent file.
    OpenRecent(PathBuf),
}

/// The empty window, with why nothing is open.
#[derive(Debug, Clone, Default)]
pub struct EmptyState {
    /// What could not be opened and why (a heading and the error).
    reason: Option<(String, String)>,
}

impl EmptyState {
    /// The empty window after `title` (e.g. "Could not open broken.ron")
    /// for the reason `message`.
    pub fn failed(title: String, message: String) -> Self {
        Self {
            reason: Some((title, message)),
        }
    }

    /// Draws it; returns what was chosen.
    pub fn ui(&self, ui: &mut egui::Ui, recent: &[PathBuf]) -> Option<EmptyAction> {
        let mut action = None;
        ui.vertical_centered(|ui| {
            ui.set_max_width(560.0);
            ui.add_space(ui.available_height() * 0.15);
            ui.heading(shell::NO_FILE_OPEN.text());
            ui.add_space(theme::SECTION_SPACE / 2.0);
            if let Some((title, message)) = &self.reason {
                ui.colored_label(ui.visuals().error_fg_color, title);
                ui.label(message);
                ui.add_space(theme::SECTION_SPACE / 2.0);
            }
            ui.label(if recent.is_empty() {
                shell::EMPTY_STATE_HINT_FIRST.text()
            } else {
                shell::EMPTY_STATE_HINT.text()
            });
            ui.add_space(theme::SECTION_SPACE);
            ui.horizontal(|ui| {
                // Centred: the row is as wide as its two buttons.
                let width = 2.0 * 160.0 + ui.spacing().item_spacing.x;
                ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
                let size = egui::vec2(160.0, 32.0);
                if ui
                    .add(egui::Button::new(shell::EMPTY_OPEN.text()).min_size(size))
                    .clicked()
                {
                    action = Some(EmptyAction::Open);
                }
                if ui
                    .add(egui::Button::new(shell::EMPTY_NEW.text()).min_size(size))
                    .clicked()
                {
                    action = Some(EmptyAction::New);
                }
            });
            if !recent.is_empty() {
                ui.add_space(theme::SECTION_SPACE);
                ui.strong(shell::EMPTY_RECENT.text());
                for path in recent.iter().take(RECENT_SHOWN) {
                    if ui
                        .link(name_of(path))
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        action = Some(EmptyAction::OpenRecent(path.clone()));
                    }
                }
            }
        });
        action
    }
}

fn name_of(path: &Path) -> String {
    super::display_name(path)
}
