//! The world map: country shapes for charts, read from a compact bundled asset.
//!
//! The shapes are Natural Earth's 1:110m countries (public domain, through the
//! `world-atlas` package; see `assets/world-110m.NOTICE`), projected with the
//! Equal Earth projection and triangulated once by `scripts/make_world_map.mjs`
//! into `assets/world-110m.bin`. Antarctica is left out.
//!
//! Coordinates are in a unit space: x in `[0, 1]` from west to east, y in
//! `[0, 1]` from north to south, stretched over the projected bounding box of
//! the countries. [`WorldMap::aspect`] gives the width/height ratio to draw it
//! undistorted, and [`WorldMap::project`] puts a longitude/latitude in the same
//! space.
//!
//! Architecture invariant: no egui here. The widget that draws the map is
//! `crate::app::world_map`; this module only reads, hit-tests and projects.
//! Reading never panics: a truncated or damaged asset is a [`WorldMapError`].
//!
//! # File format, version 1
//!
//! All numbers are little-endian.
//!
//! | field          | type          | meaning                                                   |
//! |----------------|---------------|-----------------------------------------------------------|
//! | magic          | 4 bytes       | `LDWM`                                                    |
//! | version        | u16           | 1                                                         |
//! | reserved       | u16           | 0                                                         |
//! | bbox           | 4 × f64       | min x, min y, max x, max y of the projected countries,    |
//! |                |               | Equal Earth at scale 1, y pointing south                  |
//! | country count  | u16           | number of country records that follow                     |
//!
//! Then, per country:
//!
//! | field          | type          | meaning                                                   |
//! |----------------|---------------|-----------------------------------------------------------|
//! | code           | 2 bytes       | ISO 3166-1 alpha-2 in ASCII (`FR`), or two zero bytes     |
//! | name length    | u8            | then that many bytes of UTF-8: the Natural Earth name     |
//! | vertex count   | u16           | vertices of all rings together                            |
//! | ring count     | u16           | then one u16 per ring: its number of vertices; rings are  |
//! |                |               | consecutive runs of the vertices, closed implicitly       |
//! | vertices       | count × 2 u16 | x, y quantised over the bbox: unit x = x / 65535          |
//! | triangle count | u32           | then 3 u16 vertex indices per triangle                    |
//!
//! Outer rings have a positive shoelace area in unit space (clockwise on
//! screen, y down) and holes a negative one, so the area of a country is the
//! sum of its rings' signed areas. Hit tests use the even-odd rule over all
//! of a country's rings, which needs no such convention.

use std::ops::Range;
use std::sync::OnceLock;

/// The four bytes every world map file starts with.
pub const MAGIC: &[u8; 4] = b"LDWM";
/// The version of the file format this module reads.
pub const FORMAT_VERSION: u16 = 1;

/// The largest quantised coordinate: unit coordinates are `q / QUANT`.
const QUANT: f32 = 65535.0;

// Equal Earth's constants, as in d3-geo's `geoEqualEarth` (Šavrič, Patterson
// and Jenny, 2018).
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Why a world map file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorldMapError {
    /// The bytes do not start with [`MAGIC`].
    #[error("not a world map file: it does not start with \"LDWM\"")]
    BadMagic,
    /// The file is of a format version this build does not read.
    #[error("world map format version {0} is not supported (this build reads version 1)")]
    UnsupportedVersion(u16),
    /// The file ends in the middle of a field.
    #[error("world map file ends early, at byte {offset}, while reading {what}")]
    Truncated {
        /// The field being read.
        what: &'static str,
        /// Where the missing bytes should have started.
        offset: usize,
    },
    /// The bounding box is not finite or has no area.
    #[error("world map bounding box is empty or not a number")]
    BadBoundingBox,
    /// One country record is inconsistent.
    #[error("world map country #{index}: {problem}")]
    BadCountry {
        /// Position of the record in the file, from 0.
        index: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// Bytes are left after the last country.
    #[error("world map file has {0} unexpected bytes after the last country")]
    TrailingBytes(usize),
}

/// One country's shape, in the map's unit space.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2 code in upper case ("FR"), or "" for the few
    /// territories that have none (Kosovo, N. Cyprus, Somaliland).
    pub code: String,
    /// Natural Earth's short English name ("Dem. Rep. Congo").
    pub name: String,
    /// The vertices of all rings, `[x, y]` in unit space.
    pub vertices: Vec<[f32; 2]>,
    /// Each ring's range in [`Self::vertices`]; a ring is closed implicitly.
    pub rings: Vec<Range<usize>>,
    /// Triangles filling the country, as indices into [`Self::vertices`].
    pub triangles: Vec<[u32; 3]>,
    /// Bounding box of the vertices: `[min_x, min_y, max_x, max_y]`.
    pub bbox: [f32; 4],
}

impl CountryShape {
    /// Whether `point` (unit space) lies inside the country, holes excluded:
    /// the even-odd rule over all its rings.
    pub fn contains(&self, point: [f32; 2]) -> bool {
        let [px, py] = point;
        let [min_x, min_y, max_x, max_y] = self.bbox;
        if px < min_x || px > max_x || py < min_y || py > max_y {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let Some(points) = self.vertices.get(ring.clone()) else {
                continue;
            };
            let Some(&last) = points.last() else {
                continue;
            };
            let mut prev = last;
            for &[x, y] in points {
                let [xp, yp] = prev;
                if (y > py) != (yp > py) && px < (xp - x) * (py - y) / (yp - y) + x {
                    inside = !inside;
                }
                prev = [x, y];
            }
        }
        inside
    }
}

/// The countries of the world, ready to draw and hit-test.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldMap {
    /// Projected bounding box: min x, min y, max x, max y (y pointing south).
    bbox: [f64; 4],
    countries: Vec<CountryShape>,
}

impl WorldMap {
    /// Reads a world map file (see the module documentation for the format).
    ///
    /// Any truncated, inconsistent or foreign input gives an error, never a
    /// panic; triangle indices and ring ranges are checked against the vertices.
    pub fn parse(bytes: &[u8]) -> Result<WorldMap, WorldMapError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4, "the magic bytes")? != MAGIC {
            return Err(WorldMapError::BadMagic);
        }
        let version = r.u16("the format version")?;
        if version != FORMAT_VERSION {
            return Err(WorldMapError::UnsupportedVersion(version));
        }
        r.u16("the reserved field")?;
        let bbox = [
            r.f64("the bounding box")?,
            r.f64("the bounding box")?,
            r.f64("the bounding box")?,
            r.f64("the bounding box")?,
        ];
        let [min_x, min_y, max_x, max_y] = bbox;
        if !bbox.iter().all(|v| v.is_finite()) || max_x <= min_x || max_y <= min_y {
            return Err(WorldMapError::BadBoundingBox);
        }
        let count = usize::from(r.u16("the number of countries")?);
        // A country record takes at least 11 bytes: don't trust `count` for
        // the allocation of a damaged file.
        let mut countries = Vec::with_capacity(count.min(r.remaining() / 11));
        for index in 0..count {
            countries.push(read_country(&mut r, index)?);
        }
        let left = bytes.len().saturating_sub(r.pos);
        if left > 0 {
            return Err(WorldMapError::TrailingBytes(left));
        }
        Ok(WorldMap { bbox, countries })
    }

    /// The map bundled with the app (`assets/world-110m.bin`), read once.
    ///
    /// An error means the build shipped a damaged asset; callers show it
    /// instead of the map.
    pub fn bundled() -> Result<&'static WorldMap, &'static WorldMapError> {
        static BUNDLED: OnceLock<Result<WorldMap, WorldMapError>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| WorldMap::parse(include_bytes!("../assets/world-110m.bin")))
            .as_ref()
    }

    /// The countries, in the file's order (indices used by the widget).
    pub fn countries(&self) -> &[CountryShape] {
        &self.countries
    }

    /// The index of the country with ISO alpha-2 `code` ("FR"), if on the map.
    /// The empty code never matches.
    pub fn country_index(&self, code: &str) -> Option<usize> {
        if code.is_empty() {
            return None;
        }
        self.countries.iter().position(|c| c.code == code)
    }

    /// Width over height of the projected map: draw it in a rectangle of
    /// this ratio so shapes are not distorted.
    pub fn aspect(&self) -> f32 {
        let [min_x, min_y, max_x, max_y] = self.bbox;
        ((max_x - min_x) / (max_y - min_y)) as f32
    }

    /// The index of the country under `point` (unit space), if any: a
    /// bounding-box test, then even-odd point-in-polygon over its rings, so a
    /// point in Lesotho is Lesotho, not South Africa.
    pub fn country_at(&self, point: [f32; 2]) -> Option<usize> {
        self.countries.iter().position(|c| c.contains(point))
    }

    /// Where longitude `lon` and latitude `lat` (degrees) fall in unit space,
    /// with the same Equal Earth projection as the shapes.
    ///
    /// `None` for coordinates out of range or not finite, and for points
    /// outside the map's frame (Antarctica, the far south of the oceans).
    pub fn project(&self, lon: f64, lat: f64) -> Option<[f32; 2]> {
        if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
            return None;
        }
        let [x, y] = equal_earth(lon.to_radians(), lat.to_radians());
        // The asset's y points south: it is minus the projection's y.
        let [min_x, min_y, max_x, max_y] = self.bbox;
        let ux = (x - min_x) / (max_x - min_x);
        let uy = (-y - min_y) / (max_y - min_y);
        if !(0.0..=1.0).contains(&ux) || !(0.0..=1.0).contains(&uy) {
            return None;
        }
        Some([ux as f32, uy as f32])
    }
}

/// Equal Earth at scale 1 (d3-geo's `geoEqualEarthRaw`): radians in, `[x, y]`
/// out with y pointing north.
fn equal_earth(lambda: f64, phi: f64) -> [f64; 2] {
    let m = 3.0_f64.sqrt() / 2.0;
    let l = (m * phi.sin()).asin();
    let l2 = l * l;
    let l6 = l2 * l2 * l2;
    [
        lambda * l.cos() / (m * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2))),
        l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)),
    ]
}

fn read_country(r: &mut Reader<'_>, index: usize) -> Result<CountryShape, WorldMapError> {
    let bad = |problem: String| WorldMapError::BadCountry { index, problem };

    let code_bytes = r.take(2, "a country code")?;
    let code = match code_bytes {
        [0, 0] => String::new(),
        [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            String::from_utf8_lossy(code_bytes).into_owned()
        }
        _ => {
            return Err(bad(format!(
                "its code {code_bytes:?} is not two capital letters"
            )));
        }
    };
    let name_len = usize::from(r.u8("a country name's length")?);
    let name = std::str::from_utf8(r.take(name_len, "a country name")?)
        .map_err(|_| bad("its name is not UTF-8".to_owned()))?
        .to_owned();

    let vertex_count = usize::from(r.u16("a vertex count")?);
    if vertex_count == 0 {
        return Err(bad(format!("{name} has no vertices")));
    }
    let ring_count = usize::from(r.u16("a ring count")?);
    let ring_bytes = r.take(ring_count * 2, "the ring lengths")?;
    let mut rings = Vec::with_capacity(ring_count);
    let mut start = 0usize;
    for pair in ring_bytes.chunks_exact(2) {
        let &[l0, l1] = pair else {
            return Err(bad("a ring length is cut short".to_owned()));
        };
        let len = usize::from(u16::from_le_bytes([l0, l1]));
        if len < 3 {
            return Err(bad(format!("{name} has a ring of {len} vertices")));
        }
        let end = start + len;
        if end > vertex_count {
            return Err(bad(format!(
                "{name}'s rings need more than its {vertex_count} vertices"
            )));
        }
        rings.push(start..end);
        start = end;
    }
    if start != vertex_count {
        return Err(bad(format!(
            "{name}'s rings cover {start} of its {vertex_count} vertices"
        )));
    }

    let vertex_bytes = r.take(vertex_count * 4, "the vertices")?;
    let mut vertices = Vec::with_capacity(vertex_count);
    let mut bbox = [
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    ];
    for quad in vertex_bytes.chunks_exact(4) {
        let &[x0, x1, y0, y1] = quad else {
            return Err(bad("a vertex is cut short".to_owned()));
        };
        let x = f32::from(u16::from_le_bytes([x0, x1])) / QUANT;
        let y = f32::from(u16::from_le_bytes([y0, y1])) / QUANT;
        bbox = [
            bbox[0].min(x),
            bbox[1].min(y),
            bbox[2].max(x),
            bbox[3].max(y),
        ];
        vertices.push([x, y]);
    }

    let triangle_count = r.u32("a triangle count")?;
    let triangle_bytes = usize::try_from(triangle_count)
        .ok()
        .and_then(|n| n.checked_mul(6))
        .ok_or_else(|| bad(format!("{name} has too many triangles ({triangle_count})")))?;
    let triangle_bytes = r.take(triangle_bytes, "the triangles")?;
    let mut triangles = Vec::with_capacity(triangle_bytes.len() / 6);
    for six in triangle_bytes.chunks_exact(6) {
        let &[a0, a1, b0, b1, c0, c1] = six else {
            return Err(bad("a triangle is cut short".to_owned()));
        };
        let triangle = [
            u16::from_le_bytes([a0, a1]),
            u16::from_le_bytes([b0, b1]),
            u16::from_le_bytes([c0, c1]),
        ];
        if let Some(&out) = triangle.iter().find(|&&i| usize::from(i) >= vertex_count) {
            return Err(bad(format!(
                "{name} has a triangle on vertex {out} of {vertex_count}"
            )));
        }
        triangles.push(triangle.map(u32::from));
    }

    Ok(CountryShape {
        code,
        name,
        vertices,
        rings,
        triangles,
        bbox,
    })
}

/// Checked little-endian reads over a byte slice.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// The next `n` bytes, or [`WorldMapError::Truncated`].
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], WorldMapError> {
        let truncated = WorldMapError::Truncated {
            what,
            offset: self.pos,
        };
        let end = self.pos.checked_add(n).ok_or(truncated.clone())?;
        let slice = self.bytes.get(self.pos..end).ok_or(truncated)?;
        self.pos = end;
        Ok(slice)
    }

    /// How many bytes are left to read.
    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], WorldMapError> {
        let offset = self.pos;
        <[u8; N]>::try_from(self.take(N, what)?)
            .map_err(|_| WorldMapError::Truncated { what, offset })
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, WorldMapError> {
        Ok(u8::from_le_bytes(self.array(what)?))
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, WorldMapError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, WorldMapError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn f64(&mut self, what: &'static str) -> Result<f64, WorldMapError> {
        Ok(f64::from_le_bytes(self.array(what)?))
    }
}
