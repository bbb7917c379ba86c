//! What the app remembers between runs, through eframe's persistence
//! (window size and position are remembered by eframe itself).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// Light, dark, or as the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// The egui preference.
    pub fn preference(self) -> eframe::egui::ThemePreference {
        match self {
            ThemeChoice::System => eframe::egui::ThemePreference::System,
            ThemeChoice::Light => eframe::egui::ThemePreference::Light,
            ThemeChoice::Dark => eframe::egui::ThemePreference::Dark,
        }
    }
}

/// Remembered settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// The file open when the app was last closed; `None`: the sample or a new file.
    pub last_file: Option<PathBuf>,
    /// False until the first start has happened (the sample opens then).
    pub started_before: bool,
    /// The theme.
    pub theme: ThemeChoice,
    /// UI zoom factor.
    pub zoom: f32,
    /// The interface's language; `None` until the first start has taken
    /// the system's ([`Settings::language`]).
    pub language: Option<Language>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent_files: Vec::new(),
            last_file: None,
            started_before: false,
            theme: ThemeChoice::System,
            zoom: 1.0,
            language: None,
        }
    }
}

impl Settings {
    /// The language chosen in the View menu, else the system's: what a
    /// first start picks, and then remembers.
    pub fn language(&self) -> Language {
        self.language.unwrap_or_else(Language::from_system)
    }

    /// Puts `path` first in the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Forgets a recent file (e.g. one that no longer opens).
    pub fn remove_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_most_recent_first_without_duplicates() {
        let mut s = Settings::default();
        for name in ["a", "b", "a", "c"] {
            s.add_recent(Path::new(name));
        }
        assert_eq!(
            s.recent_files,
            vec![PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]
        );
        for i in 0..20 {
            s.add_recent(Path::new(&format!("f{i}")));
        }
        assert_eq!(s.recent_files.len(), MAX_RECENT);
    }
}
