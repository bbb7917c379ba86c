//! Ctrl+Z in a text field: the field's own undo while it has typing of its
//! own to take back, the app's undo otherwise.
//!
//! egui gives a focused text field every Ctrl+Z, even when it has nothing
//! to undo, and the shell leaves keys to a field that has the keyboard. So
//! a search box clicked just after an import swallowed the Ctrl+Z that the
//! status line promised would undo the import. A field that uses this asks
//! [`app_undo_requested`] before it is drawn: when it has nothing of its
//! own to undo, the key is taken from it and goes to the app.

use eframe::egui;
use egui::text_edit::TextEditState;

use super::shortcuts;

/// Whether Ctrl+Z was pressed in the focused text field `id` (holding
/// `text`) while that field had nothing of its own to undo; if so, the key
/// is consumed (the field does not see it) and the app should undo.
/// Call it before the field is shown.
pub fn app_undo_requested(ui: &egui::Ui, id: egui::Id, text: &str) -> bool {
    if !ui.memory(|m| m.has_focus(id)) || ui.input(|i| i.modifiers.shift) {
        return false;
    }
    let own_undo = TextEditState::load(ui.ctx(), id).is_some_and(|state| {
        let cursor = state.cursor.char_range().unwrap_or_default();
        state.undoer().has_undo(&(cursor, text.to_owned()))
    });
    !own_undo && ui.input_mut(|i| i.consume_shortcut(&shortcuts::UNDO))
}

/// Forgets the typing history of the text field `id`: its text was
/// replaced by the app (a search cleared after an import), and the old
/// typing is no longer the field's to undo.
pub fn forget_history(ctx: &egui::Context, id: egui::Id) {
    if let Some(mut state) = TextEditState::load(ctx, id) {
        state.clear_undoer();
        state.store(ctx, id);
    }
}
