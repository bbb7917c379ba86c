//! Look and feel in one place: spacing, sizes and colours used across the app.

/// Height of a table row, in points.
pub const ROW_HEIGHT: f32 = 22.0;
/// Height of a table header, in points.
pub const HEADER_HEIGHT: f32 = 26.0;
/// Width of the navigation panel, in points.
pub const NAV_WIDTH: f32 = 190.0;
/// Width of a form's label column, in points.
pub const FORM_LABEL_WIDTH: f32 = 120.0;
/// Space between sections, in points.
pub const SECTION_SPACE: f32 = 12.0;
/// Default width of the form panel, in points.
pub const FORM_WIDTH: f32 = 440.0;
/// Default width of a country note's form: editor and reading view side by side.
pub const NOTE_FORM_WIDTH: f32 = 780.0;
