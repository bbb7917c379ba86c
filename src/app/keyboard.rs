//! What egui leaves to the app for keyboard users of drop-down lists.
//!
//! In an open `ComboBox`, the arrows move the focus between entries and
//! Enter or Space picks the focused one, but egui closes the list on a mouse
//! click only: the list would stay open over the form. Call
//! [`close_on_keyboard_pick`] last inside the list, and [`back_to_button`]
//! with what `show_ui` returned, so that the list closes and Tab goes on from
//! its button.

use eframe::egui::{self, InnerResponse, Key, Response, Ui};

/// Closes the list being drawn when Enter or Space was pressed on one of
/// its entries (which picked it). Returns whether it did.
pub fn close_on_keyboard_pick(ui: &mut Ui) -> bool {
    let pressed = ui.input(|i| i.key_pressed(Key::Enter) || i.key_pressed(Key::Space));
    let on_an_entry = ui.memory(|m| m.focused()).is_some_and(|id| {
        ui.ctx()
            .read_response(id)
            .is_some_and(|r| r.layer_id == ui.layer_id())
    });
    let picked = pressed && on_an_entry;
    if picked {
        ui.close();
    }
    picked
}

/// Gives the keyboard focus back to the list's button after a pick by
/// keyboard; returns the button's response.
pub fn back_to_button(shown: InnerResponse<Option<bool>>) -> Response {
    if shown.inner == Some(true) {
        shown.response.request_focus();
    }
    shown.response
}

/// A list whose button is `combo`, with `entries` inside, closed by a pick
/// with Enter or Space as by a click.
pub fn combo_ui(ui: &mut Ui, combo: egui::ComboBox, entries: impl FnOnce(&mut Ui)) -> Response {
    back_to_button(combo.show_ui(ui, |ui| {
        entries(ui);
        close_on_keyboard_pick(ui)
    }))
}
