//! Look and feel in one place: spacing, sizes and colours used across the app.

use eframe::egui::{self, Color32, Theme, Visuals};

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

/// Side of a legend's colour square, in points.
pub const LEGEND_SWATCH: f32 = 10.0;
/// Height of a chart, in points.
pub const CHART_HEIGHT: f32 = 240.0;
/// Height of the world map, in points.
pub const MAP_HEIGHT: f32 = 380.0;
/// Width from which the dashboard shows two charts side by side, in points.
pub const TWO_COLUMNS_FROM: f32 = 900.0;
/// Minimum width of a key figure's card, in points.
pub const KEY_FIGURE_WIDTH: f32 = 150.0;

/// Colours of the zones, in the file's order: the Okabe–Ito palette, told
/// apart by most colour-blind readers; it repeats past eight zones.
const ZONE_COLORS: [Color32; 7] = [
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
];

/// The colour of records without zone.
pub const UNASSIGNED_COLOR: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);
/// A country of the map outside every zone, or without meetings: a grey
/// that recedes into the background of either theme, so that the countries
/// with data stand out (and the palest colour of the scale stays distinct).
pub fn no_data_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x4A, 0x4A, 0x4A)
    } else {
        Color32::from_rgb(0xC8, 0xC8, 0xC8)
    }
}
/// Text size of a key figure, in points.
pub const KEY_FIGURE_TEXT_SIZE: f32 = 24.0;
/// How many countries without a note are named under the coverage chart.
pub const UNCOVERED_SHOWN: usize = 8;

/// The colour of a figure that went up (blue, not green: colour-blind readers).
pub fn rise_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x7F, 0xBF, 0xFF)
    } else {
        Color32::from_rgb(0x00, 0x5A, 0x9C)
    }
}

/// The colour of a figure that went down (orange-red).
pub fn fall_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xFF, 0x9E, 0x6B)
    } else {
        Color32::from_rgb(0xB3, 0x3C, 0x00)
    }
}

/// The counts named in the map's legend for a maximum of `max`: 1, the
/// maximum, and round numbers between, on the legend's log scale.
pub fn count_legend_steps(max: u64) -> Vec<u64> {
    let mut steps = vec![1];
    let mut step = 10;
    while step < max {
        steps.push(step);
        step *= 10;
    }
    if max > 1 {
        steps.push(max);
    }
    steps
}

/// The colour of the zone in slot `slot`; `None`: unassigned.
pub fn zone_color(slot: Option<usize>) -> Color32 {
    match slot {
        Some(slot) => ZONE_COLORS
            .get(slot % ZONE_COLORS.len())
            .copied()
            .unwrap_or(UNASSIGNED_COLOR),
        None => UNASSIGNED_COLOR,
    }
}

/// Colours of the pipeline's stages, first contact to contract: a
/// sequential purple-to-yellow ramp (viridis, its darkest end lifted so it
/// reads on a dark background too), then grey for Closed and a light grey
/// for meetings without stage.
pub const STAGE_COLORS: [Color32; 7] = [
    Color32::from_rgb(0x6A, 0x3D, 0x9A),
    Color32::from_rgb(0x3B, 0x52, 0x8B),
    Color32::from_rgb(0x21, 0x90, 0x8C),
    Color32::from_rgb(0x5D, 0xC8, 0x63),
    Color32::from_rgb(0xC8, 0xD8, 0x2C),
    Color32::from_rgb(0x80, 0x80, 0x80),
    Color32::from_rgb(0xC0, 0xC0, 0xC0),
];

/// Bilateral contracts (financed by companies).
pub const BILATERAL_COLOR: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
/// European projects.
pub const EUROPEAN_COLOR: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
/// Active affiliates.
pub const ACTIVE_COLOR: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
/// Planned affiliates.
pub const PLANNED_COLOR: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
/// Countries with a note.
pub const COVERED_COLOR: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
/// Countries with meetings but no note.
pub const UNCOVERED_COLOR: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// Companies met.
pub const COMPANIES_COLOR: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);

/// The map's colour for `count` meetings where the most is `max`: a
/// sequential ramp (light yellow to dark blue), on a log scale so that a
/// few busy countries do not wash out the rest.
pub fn count_color(count: u64, max: u64) -> Color32 {
    const RAMP: [Color32; 6] = [
        Color32::from_rgb(0xFF, 0xFF, 0xCC),
        Color32::from_rgb(0xC7, 0xE9, 0xB4),
        Color32::from_rgb(0x7F, 0xCD, 0xBB),
        Color32::from_rgb(0x41, 0xB6, 0xC4),
        Color32::from_rgb(0x2C, 0x7F, 0xB8),
        Color32::from_rgb(0x25, 0x34, 0x94),
    ];
    if count == 0 || max == 0 {
        return UNASSIGNED_COLOR;
    }
    let t = ((count as f64).ln_1p() / (max as f64).ln_1p()).clamp(0.0, 1.0);
    let index = (t * (RAMP.len() - 1) as f64).round() as usize;
    RAMP.get(index).copied().unwrap_or(UNASSIGNED_COLOR)
}

/// Width of the borders between countries on the map, in points.
pub const BORDER_WIDTH: f32 = 0.5;
/// Width of the outline of the country under the pointer, in points.
pub const HOVER_OUTLINE_WIDTH: f32 = 1.5;
/// The furthest the map zooms in (1 = the whole world fits).
pub const MAX_ZOOM: f32 = 8.0;

// Colours of the interface (text, links, focus), on top of egui's themes

/// The visuals of `theme` as the app draws them: egui's own, with the text
/// colours that were too faint made readable (WCAG 2.1 AA: at least 4.5:1
/// for text, 3:1 for the keyboard focus, on every background they are drawn
/// on; `tests/accessibility.rs` measures each pair) and a focus outline
/// two points wide.
pub fn visuals(theme: Theme) -> Visuals {
    let mut visuals = theme.default_visuals();
    match theme {
        Theme::Light => {
            // egui's light text (gray 80, weak at 60 % of it) left weak text,
            // hints and the orange warnings near 3:1 on the panel.
            visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(LIGHT_TEXT);
            visuals.hyperlink_color = Color32::from_rgb(0x00, 0x5F, 0xB8);
            visuals.warn_fg_color = Color32::from_rgb(0x9E, 0x45, 0x00);
            visuals.error_fg_color = Color32::from_rgb(0xA8, 0x00, 0x1E);
        }
        Theme::Dark => {
            // egui's dark text (gray 140) fell under 3:1 on a hovered table
            // row (gray 70), and its pure red under 4.5:1 on the panel.
            visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(DARK_TEXT);
            visuals.widgets.hovered.bg_fill = Color32::from_gray(DARK_HOVER_FILL);
            visuals.error_fg_color = Color32::from_rgb(0xFF, 0x91, 0x91);
            visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x46, 0x6E);
        }
    }
    visuals.weak_text_alpha = WEAK_TEXT_ALPHA;
    visuals.weak_text_color = None;
    // The keyboard focus: a focused button, check box or combo box is drawn
    // with the `active` outline, a focused text field with the selection's.
    visuals.widgets.active.bg_stroke.width = FOCUS_STROKE_WIDTH;
    visuals.selection.stroke.width = FOCUS_STROKE_WIDTH;
    visuals
}

/// Installs the app's visuals for both themes (the theme itself is chosen
/// with `Context::set_theme`).
pub fn install(ctx: &egui::Context) {
    for theme in [Theme::Light, Theme::Dark] {
        ctx.set_visuals_of(theme, visuals(theme));
    }
}

/// Body text in the light theme (egui: 80).
const LIGHT_TEXT: u8 = 50;
/// Body text in the dark theme (egui: 140).
const DARK_TEXT: u8 = 200;
/// A hovered table row, check box or radio button in the dark theme (egui: 70).
const DARK_HOVER_FILL: u8 = 50;
/// Weak text is the body text at this opacity (egui: 0.6).
const WEAK_TEXT_ALPHA: f32 = 0.75;
/// Width of the keyboard focus outline, in points (egui: 1).
pub const FOCUS_STROKE_WIDTH: f32 = 2.0;

/// `color` drawn over the opaque `background`, as egui blends (premultiplied
/// alpha, in gamma space).
pub fn over(color: Color32, background: Color32) -> Color32 {
    let alpha = f32::from(color.a()) / 255.0;
    let channel = |fg: u8, bg: u8| {
        (f32::from(fg) + f32::from(bg) * (1.0 - alpha))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(
        channel(color.r(), background.r()),
        channel(color.g(), background.g()),
        channel(color.b(), background.b()),
    )
}

/// The relative luminance of an opaque colour (WCAG 2.1).
pub fn relative_luminance(color: Color32) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(color.r()) + 0.7152 * linear(color.g()) + 0.0722 * linear(color.b())
}

/// The WCAG 2.1 contrast ratio of `color` drawn over `background` (1 to 21).
pub fn contrast_ratio(color: Color32, background: Color32) -> f64 {
    let a = relative_luminance(over(color, background));
    let b = relative_luminance(background);
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}
