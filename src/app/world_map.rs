//! The world map widget: countries filled by the caller's colours, the one
//! under the pointer outlined, Ctrl+scroll (or a pinch) to zoom around the
//! pointer, drag to pan, double-click to reset.
//!
//! The shapes come from [`crate::world::WorldMap`]; this file only draws them
//! and turns the pointer into a country index. The caller decides what a
//! country's colour means (its zone, its meeting count) and what hovering or
//! clicking one does (a tooltip with its figures, a filter).
//!
//! Performance: the filled mesh and the border lines are built once per
//! change of size, view (zoom, pan), colours (`fill_key`) or theme, and reused
//! on every other frame; hovering only adds the outline of one country.

use std::sync::Arc;

use eframe::egui;
use egui::epaint::{Mesh, PathStroke, TessellationOptions, Tessellator};
use egui::{Color32, Pos2, Rect, Response, Role, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo};

use crate::world::{CountryShape, WorldMap};

use super::theme::{BORDER_WIDTH, HOVER_OUTLINE_WIDTH, MAX_ZOOM};

/// What the map reports after drawing, for the caller to act on.
#[derive(Debug)]
pub struct WorldMapResponse {
    /// The widget's response (its rect, hover, clicks); labelled "World map"
    /// for accessibility and tests.
    pub response: Response,
    /// The country under the pointer: an index into [`WorldMap::countries`].
    pub hovered: Option<usize>,
    /// The country clicked this frame (a click, not the end of a drag).
    pub clicked: Option<usize>,
}

/// A pannable, zoomable world map; holds its view and the shapes it built.
pub struct WorldMapView {
    /// Zoom factor, 1 to [`MAX_ZOOM`].
    zoom: f32,
    /// The unit-space point at the centre of the view; `None` = the map's centre.
    center: Option<Vec2>,
    cache: Option<Cache>,
    rebuilds: u64,
}

impl Default for WorldMapView {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            center: None,
            cache: None,
            rebuilds: 0,
        }
    }
}

impl std::fmt::Debug for WorldMapView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // i18n: a type's name, for debugging
        f.debug_struct("WorldMapView")
            .field("zoom", &self.zoom)
            .field("center", &self.center)
            .field("rebuilds", &self.rebuilds)
            .finish_non_exhaustive()
    }
}

/// What the cached shapes were built for.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    rect: Rect,
    zoom: f32,
    center: Vec2,
    fill_key: u64,
    border: Color32,
    pixels_per_point: f32,
    /// Identity of the map: its address and size.
    map: (usize, usize),
}

/// Shapes built for one [`CacheKey`].
struct Cache {
    key: CacheKey,
    /// All countries' triangles, one vertex colour per country.
    fill: Arc<Mesh>,
    /// All borders, tessellated once (anti-aliased) into one mesh.
    borders: Arc<Mesh>,
}

/// Unit space ↔ screen for one frame's view.
#[derive(Debug, Clone, Copy)]
struct Transform {
    /// Screen position of the view's centre.
    origin: Pos2,
    /// Screen points per unit, per axis (the map's size on screen).
    scale: Vec2,
    /// Unit-space point at `origin`.
    center: Vec2,
}

impl Transform {
    fn to_screen(self, [x, y]: [f32; 2]) -> Pos2 {
        self.origin + (Vec2::new(x, y) - self.center) * self.scale
    }

    fn to_unit(self, pos: Pos2) -> [f32; 2] {
        let unit = (pos - self.origin) / self.scale + self.center;
        [unit.x, unit.y]
    }
}

impl WorldMapView {
    /// Back to the whole world, centred (also on a double-click).
    pub fn reset_view(&mut self) {
        self.zoom = 1.0;
        self.center = None;
    }

    /// The zoom factor: 1 shows the whole world, up to [`MAX_ZOOM`].
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// How many times the map's shapes were built: for tests and diagnostics
    /// (hovering must not rebuild them).
    pub fn rebuild_count(&self) -> u64 {
        self.rebuilds
    }

    /// Draws `map` across the available width and `height` points tall, the
    /// map centred at its own aspect ratio on the `extreme_bg_color`.
    ///
    /// `fill` gives each country's colour; it is called only when the shapes
    /// are rebuilt, so change `fill_key` whenever the colours change (a hash
    /// of what they are computed from, or a counter).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        map: &WorldMap,
        height: f32,
        fill: &dyn Fn(&CountryShape) -> Color32,
        fill_key: u64,
    ) -> WorldMapResponse {
        let size = Vec2::new(ui.available_width(), height.max(1.0));
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        response.widget_info(|| {
            WidgetInfo::labeled(
                Role::Image,
                ui.is_enabled(),
                crate::i18n::catalogue::dashboard::TITLE_MAP.text(),
            )
        });

        // Zoom at 1 fits the map in the rect, keeping its aspect ratio.
        let aspect = map.aspect().max(f32::EPSILON);
        let fit_width = rect.width().min(rect.height() * aspect).max(1.0);
        let fit = Vec2::new(fit_width, fit_width / aspect);

        self.handle_input_ui(ui, &response, rect, fit);

        let transform = Transform {
            origin: rect.center(),
            scale: fit * self.zoom(),
            center: self.center(),
        };

        let hovered = response
            .hover_pos()
            .filter(|pos| rect.contains(*pos))
            .and_then(|pos| map.country_at(transform.to_unit(pos)));
        let clicked = if response.clicked() {
            response
                .interact_pointer_pos()
                .and_then(|pos| map.country_at(transform.to_unit(pos)))
        } else {
            None
        };

        if ui.is_rect_visible(rect) {
            let visuals = ui.visuals();
            let key = CacheKey {
                rect,
                zoom: self.zoom(),
                center: transform.center,
                fill_key,
                border: visuals.panel_fill,
                pixels_per_point: ui.ctx().pixels_per_point(),
                map: (std::ptr::from_ref(map) as usize, map.countries().len()),
            };
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
            let cache = match self.cache.take() {
                Some(cache) if cache.key == key => cache,
                _ => {
                    self.rebuilds += 1;
                    let options = ui.ctx().tessellation_options(|o| *o);
                    build_cache(map, transform, fill, key, options)
                }
            };
            painter.add(Shape::mesh(Arc::clone(&cache.fill)));
            painter.add(Shape::mesh(Arc::clone(&cache.borders)));
            self.cache = Some(cache);

            if let Some(country) = hovered.and_then(|i| map.countries().get(i)) {
                let stroke = Stroke::new(HOVER_OUTLINE_WIDTH, visuals.strong_text_color());
                for ring in &country.rings {
                    if let Some(points) = country.vertices.get(ring.clone()) {
                        let points = points.iter().map(|&v| transform.to_screen(v)).collect();
                        painter.add(Shape::closed_line(points, stroke));
                    }
                }
            }
        }

        WorldMapResponse {
            response,
            hovered,
            clicked,
        }
    }

    /// The unit-space point at the centre of the view.
    fn center(&self) -> Vec2 {
        self.center.unwrap_or(Vec2::splat(0.5))
    }

    /// Scroll or pinch zooms around the pointer, drag pans, double-click resets.
    fn handle_input_ui(&mut self, ui: &mut Ui, response: &Response, rect: Rect, fit: Vec2) {
        if response.double_clicked() {
            self.reset_view();
            return;
        }
        let mut center = self.center();
        let mut zoom = self.zoom();

        if response.dragged() {
            center -= response.drag_delta() / (fit * zoom);
        }

        // Ctrl+scroll (or a pinch) zooms; a plain scroll is left to the
        // page around the map, which would otherwise get stuck under it.
        if let Some(pointer) = response.hover_pos() {
            let factor = ui.input(|i| i.zoom_delta());
            if factor != 1.0 && factor.is_finite() {
                // The map under the pointer stays under the pointer.
                let offset = pointer - rect.center();
                let under_pointer = center + offset / (fit * zoom);
                zoom = (zoom * factor).clamp(1.0, MAX_ZOOM);
                center = under_pointer - offset / (fit * zoom);
            }
        }

        // Keep the map covering the view; centre it where it is smaller.
        let half_view = rect.size() / (2.0 * fit * zoom);
        let clamp = |c: f32, half: f32| {
            if half >= 0.5 {
                0.5
            } else {
                c.clamp(half, 1.0 - half)
            }
        };
        center = Vec2::new(clamp(center.x, half_view.x), clamp(center.y, half_view.y));

        self.zoom = zoom;
        self.center = (zoom > 1.0).then_some(center);
    }
}

/// Builds the fill mesh and the border mesh for one view.
fn build_cache(
    map: &WorldMap,
    transform: Transform,
    fill: &dyn Fn(&CountryShape) -> Color32,
    key: CacheKey,
    options: TessellationOptions,
) -> Cache {
    let view = key.rect;
    let mut fill_mesh = Mesh::default();
    let mut border_mesh = Mesh::default();
    let mut tessellator = Tessellator::new(
        key.pixels_per_point,
        options,
        [1, 1], // no text in these shapes: the font atlas size is not used
        Vec::new(),
    );
    tessellator.set_clip_rect(view);
    let border = PathStroke::new(BORDER_WIDTH, key.border);

    for country in map.countries() {
        let [min_x, min_y, max_x, max_y] = country.bbox;
        let bounds = Rect::from_two_pos(
            transform.to_screen([min_x, min_y]),
            transform.to_screen([max_x, max_y]),
        );
        if !bounds.intersects(view) {
            continue; // off screen when zoomed in
        }
        let Ok(base) = u32::try_from(fill_mesh.vertices.len()) else {
            break;
        };
        let colour = fill(country);
        fill_mesh.reserve_vertices(country.vertices.len());
        for &v in &country.vertices {
            fill_mesh.colored_vertex(transform.to_screen(v), colour);
        }
        fill_mesh.reserve_triangles(country.triangles.len());
        for &[a, b, c] in &country.triangles {
            fill_mesh.add_triangle(base + a, base + b, base + c);
        }
        for ring in &country.rings {
            if let Some(points) = country.vertices.get(ring.clone()) {
                let points = points.iter().map(|&v| transform.to_screen(v)).collect();
                tessellator.tessellate_shape(
                    Shape::Path(egui::epaint::PathShape::closed_line(points, border.clone())),
                    &mut border_mesh,
                );
            }
        }
    }

    Cache {
        key,
        fill: Arc::new(fill_mesh),
        borders: Arc::new(border_mesh),
    }
}
