//! The bundled world map: it reads, it has the countries, cities fall in the
//! right country, triangles match outlines, damaged files are errors and not
//! panics; and the widget reports the country under the pointer and clicks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::world_map::{WorldMapResponse, WorldMapView};
use liaison_desk::world::{CountryShape, WorldMap};
use proptest::prelude::*;

const ASSET: &[u8] = include_bytes!("../assets/world-110m.bin");

fn map() -> &'static WorldMap {
    WorldMap::bundled().unwrap()
}

/// The code of the country at longitude/latitude, "" for a country without
/// one, None for the sea.
fn code_at(lon: f64, lat: f64) -> Option<&'static str> {
    let map = map();
    let point = map
        .project(lon, lat)
        .unwrap_or_else(|| panic!("({lon}, {lat}) is off the map"));
    map.country_at(point)
        .map(|i| map.countries()[i].code.as_str())
}

fn country(code: &str) -> &'static CountryShape {
    let map = map();
    let index = map
        .country_index(code)
        .unwrap_or_else(|| panic!("{code} is not on the map"));
    &map.countries()[index]
}

/// Shoelace area of a ring, signed (positive for outer rings by the format's
/// convention).
fn ring_area(shape: &CountryShape, ring: std::ops::Range<usize>) -> f64 {
    let points = &shape.vertices[ring];
    let mut sum = 0.0;
    for (i, a) in points.iter().enumerate() {
        let b = points[(i + 1) % points.len()];
        sum += f64::from(a[0]) * f64::from(b[1]) - f64::from(b[0]) * f64::from(a[1]);
    }
    sum / 2.0
}

fn triangle_area(shape: &CountryShape, [a, b, c]: [u32; 3]) -> f64 {
    let p = |i: u32| shape.vertices[i as usize].map(f64::from);
    let (a, b, c) = (p(a), p(b), p(c));
    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
}

#[test]
fn bundled_map_reads_and_has_the_countries() {
    let map = map();
    assert!(
        map.countries().len() >= 170,
        "{} countries",
        map.countries().len()
    );
    for code in ["FR", "US", "JP", "BR", "ZA", "AU", "CN", "IN", "DE", "LS"] {
        assert!(map.country_index(code).is_some(), "{code} is missing");
    }
    assert_eq!(
        map.country_index(""),
        None,
        "the empty code matches nothing"
    );
    assert_eq!(country("FR").name, "France");
    assert!(
        map.countries()
            .iter()
            .any(|c| c.code.is_empty() && c.name == "Kosovo"),
        "Kosovo is kept, without a code"
    );
    assert!(
        map.countries().iter().all(|c| c.name != "Antarctica"),
        "Antarctica is dropped"
    );
    assert!(
        (2.0..2.6).contains(&map.aspect()),
        "aspect {}",
        map.aspect()
    );
}

#[test]
fn the_asset_is_compact() {
    assert!(ASSET.len() < 200_000, "{} bytes", ASSET.len());
}

#[test]
fn cities_fall_in_their_country() {
    assert_eq!(code_at(2.35, 48.85), Some("FR"), "Paris");
    assert_eq!(code_at(139.69, 35.69), Some("JP"), "Tokyo");
    assert_eq!(code_at(-71.06, 42.36), Some("US"), "Boston");
    assert_eq!(code_at(-47.93, -15.78), Some("BR"), "Brasília");
    assert_eq!(code_at(149.13, -35.28), Some("AU"), "Canberra");
    assert_eq!(code_at(-30.0, 20.0), None, "mid-Atlantic");
}

#[test]
fn a_country_inside_another_is_a_hole_in_it() {
    // Maseru, capital of Lesotho, is surrounded by South Africa.
    assert_eq!(code_at(27.48, -29.31), Some("LS"), "Maseru");
    assert_eq!(code_at(28.23, -25.75), Some("ZA"), "Pretoria");
}

#[test]
fn project_rejects_what_is_off_the_map() {
    let map = map();
    assert_eq!(map.project(200.0, 0.0), None);
    assert_eq!(map.project(0.0, f64::NAN), None);
    assert_eq!(map.project(0.0, -89.0), None, "Antarctica is not drawn");
    let [x, y] = map.project(0.0, 0.0).unwrap();
    assert!(
        (x - 0.5).abs() < 1e-3,
        "the prime meridian is the middle: {x}"
    );
    assert!((0.4..0.7).contains(&y), "the equator: {y}");
}

#[test]
fn every_triangle_and_ring_is_in_bounds() {
    for c in map().countries() {
        assert!(!c.rings.is_empty(), "{} has no ring", c.name);
        assert!(!c.triangles.is_empty(), "{} has no triangle", c.name);
        for t in &c.triangles {
            assert!(
                t.iter().all(|&i| (i as usize) < c.vertices.len()),
                "{}: {t:?}",
                c.name
            );
        }
        for r in &c.rings {
            assert!(r.end <= c.vertices.len(), "{}: {r:?}", c.name);
        }
        for v in &c.vertices {
            assert!((0.0..=1.0).contains(&v[0]) && (0.0..=1.0).contains(&v[1]));
        }
    }
}

/// Triangle areas add up to the outline's shoelace area (outer rings minus
/// holes) for every country, France, the US and South Africa (with Lesotho
/// as a hole) among them: the triangulation matches the outlines.
#[test]
fn triangles_cover_the_outline() {
    for code in ["FR", "US", "ZA"] {
        assert!(map().country_index(code).is_some(), "{code} is missing");
    }
    for c in map().countries() {
        let outline: f64 = c.rings.iter().map(|r| ring_area(c, r.clone())).sum();
        let filled: f64 = c.triangles.iter().map(|&t| triangle_area(c, t)).sum();
        assert!(outline > 0.0, "{}: outer rings are positive", c.name);
        let error = (filled - outline).abs() / outline;
        assert!(
            error < 0.001,
            "{}: triangles {filled}, outline {outline} ({:.3}% off)",
            c.name,
            error * 100.0
        );
    }
    let za = country("ZA");
    assert!(
        za.rings.iter().any(|r| ring_area(za, r.clone()) < 0.0),
        "South Africa has a hole"
    );
}

/// A ring that turns straight back on itself (Sudan's source data has two
/// such spikes) makes the border renderer's miters shoot across the map.
#[test]
fn no_ring_turns_straight_back() {
    for c in map().countries() {
        for ring in &c.rings {
            let points = &c.vertices[ring.clone()];
            let n = points.len();
            for i in 0..n {
                let [a, m, b] = [points[(i + n - 1) % n], points[i], points[(i + 1) % n]];
                let (u, v) = ([m[0] - a[0], m[1] - a[1]], [b[0] - m[0], b[1] - m[1]]);
                let cross = u[0] * v[1] - u[1] * v[0];
                let dot = u[0] * v[0] + u[1] * v[1];
                let lengths = u[0].hypot(u[1]) * v[0].hypot(v[1]);
                assert!(
                    lengths > 0.0 && !(dot < 0.0 && cross.abs() <= 0.005 * lengths),
                    "{}: vertex {i} of a ring of {n} is a spike",
                    c.name
                );
            }
        }
    }
}

#[test]
fn truncated_assets_are_errors() {
    // Every cut in the header and the first countries, then a cut every 97
    // bytes and in the last ones (all 97,000 take minutes in a debug build).
    let lengths = (0..3000)
        .chain((3000..ASSET.len()).step_by(97))
        .chain(ASSET.len().saturating_sub(300)..ASSET.len());
    for len in lengths {
        assert!(
            WorldMap::parse(&ASSET[..len]).is_err(),
            "prefix of {len} bytes"
        );
    }
    let mut longer = ASSET.to_vec();
    longer.push(0);
    assert!(WorldMap::parse(&longer).is_err(), "trailing byte");
}

#[test]
fn damaged_fields_are_errors() {
    let mut bad_magic = ASSET.to_vec();
    bad_magic[0] = b'X';
    assert!(WorldMap::parse(&bad_magic).is_err());
    let mut bad_version = ASSET.to_vec();
    bad_version[4] = 9;
    assert!(WorldMap::parse(&bad_version).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = WorldMap::parse(&bytes);
        let mut with_header = ASSET[..42].to_vec();
        with_header.extend_from_slice(&bytes);
        let _ = WorldMap::parse(&with_header);
    }

    #[test]
    fn flipped_bytes_never_panic(at in 0..ASSET.len(), value in any::<u8>()) {
        let mut bytes = ASSET.to_vec();
        bytes[at] = value;
        if let Ok(map) = WorldMap::parse(&bytes) {
            for c in map.countries() {
                prop_assert!(c.triangles.iter().flatten().all(|&i| (i as usize) < c.vertices.len()));
                prop_assert!(c.rings.iter().all(|r| r.end <= c.vertices.len()));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The widget, driven headless.

const MAP_HEIGHT: f32 = 400.0;

/// What the harness drives: the view, and what it reported.
#[derive(Default)]
struct MapState {
    view: WorldMapView,
    hovered: Option<usize>,
    clicks: Vec<usize>,
    fill_key: u64,
}

fn fill(c: &CountryShape) -> egui::Color32 {
    if c.code.is_empty() {
        egui::Color32::GRAY
    } else {
        egui::Color32::from_rgb(70, 120, 180)
    }
}

fn draw_map(ui: &mut egui::Ui, s: &mut MapState) {
    let WorldMapResponse {
        hovered, clicked, ..
    } = s.view.ui(ui, map(), MAP_HEIGHT, &fill, s.fill_key);
    s.hovered = hovered;
    s.clicks.extend(clicked);
}

fn map_harness() -> Harness<'static, MapState> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 500.0))
        .build_ui_state(draw_map, MapState::default());
    h.run();
    h
}

/// Where longitude/latitude is on screen at zoom 1: the map is fitted in the
/// widget's rect at its aspect ratio, centred.
fn screen_pos(h: &Harness<'static, MapState>, lon: f64, lat: f64) -> egui::Pos2 {
    let rect = h.get_by_label("World map").rect();
    let aspect = map().aspect();
    let width = rect.width().min(rect.height() * aspect);
    let size = egui::vec2(width, width / aspect);
    let [x, y] = map().project(lon, lat).unwrap();
    rect.center() + (egui::vec2(x, y) - egui::Vec2::splat(0.5)) * size
}

fn button(h: &Harness<'static, MapState>, pos: egui::Pos2, pressed: bool) {
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::default(),
    });
}

#[test]
fn the_map_reports_the_country_under_the_pointer_and_clicks() {
    let mut h = map_harness();
    let france = map().country_index("FR").unwrap();
    let paris = screen_pos(&h, 2.35, 48.85);

    h.hover_at(paris);
    h.run();
    assert_eq!(h.state().hovered, Some(france), "hovering Paris is France");

    button(&h, paris, true);
    h.run();
    button(&h, paris, false);
    h.run();
    assert_eq!(
        h.state().clicks,
        vec![france],
        "clicking Paris picks France"
    );

    let sea = screen_pos(&h, -30.0, 20.0);
    h.hover_at(sea);
    h.run();
    assert_eq!(h.state().hovered, None, "the Atlantic is no country");
}

#[test]
fn dragging_pans_without_clicking_and_ctrl_scrolling_zooms() {
    let mut h = map_harness();
    let paris = screen_pos(&h, 2.35, 48.85);
    h.hover_at(paris);
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 300.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::COMMAND,
    });
    // egui smooths a wheel's scroll over a few frames.
    h.run_steps(10);
    h.run();
    let zoom = h.state().view.zoom();
    assert!(zoom > 1.5 && zoom <= 8.0, "zoomed to {zoom}");
    // Zooming keeps the country under the pointer.
    assert_eq!(h.state().hovered, map().country_index("FR"));

    button(&h, paris, true);
    h.run();
    h.hover_at(paris + egui::vec2(120.0, 40.0));
    h.run();
    button(&h, paris + egui::vec2(120.0, 40.0), false);
    h.run();
    assert!(h.state().clicks.is_empty(), "a drag is not a click");
    h.hover_at(paris);
    h.run();
    assert_ne!(
        h.state().hovered,
        map().country_index("FR"),
        "the map moved under the pointer"
    );

    // A double click shows the whole world again. Two clicks within one
    // frame: kittest's queued events run a frame each, too slow for one.
    for pressed in [true, false, true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: paris,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    h.run();
    assert_eq!(h.state().view.zoom(), 1.0, "double click resets the zoom");
    assert_eq!(h.state().hovered, map().country_index("FR"));
}

/// A plain scroll over the map scrolls the page around it: a dashboard
/// must not get stuck under the pointer.
#[test]
fn a_plain_scroll_does_not_zoom() {
    let mut h = map_harness();
    let paris = screen_pos(&h, 2.35, 48.85);
    h.hover_at(paris);
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 300.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::default(),
    });
    h.run_steps(10);
    h.run();
    assert_eq!(h.state().view.zoom(), 1.0);
}

#[test]
fn reset_view_shows_the_whole_world() {
    let mut h = map_harness();
    let tokyo = screen_pos(&h, 139.69, 35.69);
    h.hover_at(tokyo);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 2000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::COMMAND,
    });
    // egui smooths a wheel's scroll over a few frames.
    h.run_steps(10);
    h.run();
    assert_eq!(h.state().view.zoom(), 8.0, "zoom stops at 8x");
    assert_eq!(h.state().hovered, map().country_index("JP"));
    h.state_mut().view.reset_view();
    h.run();
    assert_eq!(h.state().view.zoom(), 1.0);
    assert_eq!(h.state().hovered, map().country_index("JP"));
}

#[test]
fn hovering_reuses_the_built_shapes() {
    let mut h = map_harness();
    let built = h.state().view.rebuild_count();
    assert!(built >= 1);
    for (lon, lat) in [
        (2.35, 48.85),
        (139.69, 35.69),
        (-71.06, 42.36),
        (-30.0, 20.0),
    ] {
        h.hover_at(screen_pos(&h, lon, lat));
        h.run();
    }
    assert_eq!(
        h.state().view.rebuild_count(),
        built,
        "hover rebuilt the shapes"
    );
    h.state_mut().fill_key += 1;
    h.run();
    assert_eq!(
        h.state().view.rebuild_count(),
        built + 1,
        "new colours rebuild"
    );
}
