//! The message catalogue, one part per area of the interface, so that each
//! part reads on its own and translators find a screen's words together.
//!
//! A message is written `NAME = "English" | "Français";`. Values to fill are
//! named in braces, the same names in both languages: `"{count} meetings" |
//! "{count} réunions"`. A noun that agrees with a count has two messages,
//! `_ONE` and `_OTHER`, chosen by [`crate::i18n::plural`].

pub mod core;
pub mod dashboard;
pub mod exchange;
pub mod form;
pub mod shell;
pub mod table;

use super::Msg;

/// Every message of the catalogue.
pub fn all() -> impl Iterator<Item = Msg> {
    [
        core::ALL,
        dashboard::ALL,
        exchange::ALL,
        form::ALL,
        shell::ALL,
        table::ALL,
    ]
    .into_iter()
    .flatten()
    .copied()
}
