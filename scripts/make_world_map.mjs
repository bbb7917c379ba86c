#!/usr/bin/env node
// Make the bundled world map `assets/world-110m.bin` from Natural Earth 1:110m.
//
// Run once by hand, from anywhere (Node 20 or later, with npm and access to the
// npm registry):
//
//     node scripts/make_world_map.mjs                 # writes assets/world-110m.bin
//     node scripts/make_world_map.mjs -o FILE         # writes FILE instead
//     node scripts/make_world_map.mjs --deps DIR      # use packages already installed
//                                                     # with `npm install --prefix DIR ...`
//
// Without --deps the script installs the pinned packages below into a new
// temporary folder (`npm install --prefix <tmp> --no-save --no-package-lock`)
// and removes it at the end: no node_modules or package-lock in the repo.
//
//   world-atlas 2.0.2         Natural Earth 1:110m countries as TopoJSON (ISC licence,
//                             data public domain; see assets/world-110m.NOTICE)
//   topojson-client 3.1.0     TopoJSON -> GeoJSON
//   d3-geo 3.1.2              geoEqualEarth, which also cuts polygons at the antimeridian
//   earcut 3.2.4              polygon triangulation, holes included
//   i18n-iso-countries 7.14.0 ISO 3166-1 numeric -> alpha-2
//
// What it does:
//   1. Reads countries-110m.json; drops Antarctica (ISO 010). A feature's `id` is its
//      ISO 3166-1 numeric code ("250" = France) and becomes its alpha-2 code ("FR");
//      features without one (N. Cyprus, Somaliland, Kosovo) keep an empty code.
//   2. Projects with d3's geoEqualEarth at scale 1, translate [0, 0], no resampling
//      (precision 0): x = Equal Earth x, y = minus Equal Earth y (y points south).
//   3. Quantises every vertex to u16 over the bounding box of all kept countries,
//      drops repeated points, spikes (a vertex where the ring turns straight back,
//      as Sudan's source ring does twice) and rings with fewer than 3 points or
//      no area.
//   4. Classifies rings by nesting (a ring inside an odd number of the country's
//      other rings is a hole), orients outer rings with a positive shoelace area in
//      unit space (y down: clockwise on screen) and holes with a negative one, and
//      triangulates each outer ring with its holes with earcut on the quantised
//      coordinates, so triangles match the outlines exactly.
//
// The file format, version 1 (all numbers little-endian):
//
//   header
//     magic        4 bytes  "LDWM"
//     version      u16      1
//     reserved     u16      0
//     bbox         4 x f64  min_x, min_y, max_x, max_y of the projected countries,
//                           in the projection's units (y pointing south)
//     countries    u16      number of countries that follow
//   per country
//     code         2 bytes  ISO 3166-1 alpha-2 in ASCII ("FR"), or two zero bytes
//     name_len     u8       then name_len bytes of UTF-8: the Natural Earth name
//     vertex_count u16      number of vertices of all rings together
//     ring_count   u16      then ring_count x u16: each ring's vertex count, in
//                           order; rings are consecutive runs of the vertices and
//                           their counts add up to vertex_count; a ring is closed
//                           implicitly (its last vertex is not the first repeated)
//     vertices     vertex_count x (u16 x, u16 y): unit x = x / 65535 (west to
//                           east), unit y = y / 65535 (north to south)
//     tri_count    u32      then tri_count x 3 x u16: vertex indices of triangles
//
// Unit coordinates map back to projected ones by
// px = min_x + x * (max_x - min_x), py = min_y + y * (max_y - min_y).
// `src/world.rs` reads this format; keep both descriptions in step.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGES = [
  "world-atlas@2.0.2",
  "topojson-client@3.1.0",
  "d3-geo@3.1.2",
  "earcut@3.2.4",
  "i18n-iso-countries@7.14.0",
];
const MAGIC = "LDWM";
const VERSION = 1;
const Q = 65535;
const ANTARCTICA = "010";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const args = { out: path.join(root, "assets", "world-110m.bin"), deps: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === "-o" || a === "--out") && i + 1 < argv.length) args.out = path.resolve(argv[++i]);
    else if (a === "--deps" && i + 1 < argv.length) args.deps = path.resolve(argv[++i]);
    else {
      console.error(`usage: node scripts/make_world_map.mjs [-o FILE] [--deps DIR]\nunknown argument: ${a}`);
      process.exit(2);
    }
  }
  return args;
}

/** Installs the pinned packages into `dir` with npm. */
function install(dir) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(
    npm,
    ["install", "--prefix", dir, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", ...PACKAGES],
    { stdio: "inherit" },
  );
}

/** Imports package `name` as installed under `dir`. */
async function load(dir, name) {
  const req = createRequire(path.join(dir, "package.json"));
  return import(pathToFileURL(req.resolve(name)).href);
}

/** Shoelace sum (twice the signed area) of a ring of [x, y] points. */
function area2(ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return s;
}

/**
 * Removes, in place, the vertices where a ring turns straight back on itself
 * (within about half a degree: Sudan's source ring has two). They add no area, but
 * they make earcut miss a sliver and a line renderer's miter shoot off.
 * Also removes repeated points that such removals bring together.
 */
function removeSpikes(ring) {
  let changed = true;
  while (changed && ring.length >= 3) {
    changed = false;
    for (let i = 0; i < ring.length && ring.length >= 3; i++) {
      const a = ring[(i + ring.length - 1) % ring.length];
      const m = ring[i];
      const b = ring[(i + 1) % ring.length];
      const cross = (m[0] - a[0]) * (b[1] - m[1]) - (m[1] - a[1]) * (b[0] - m[0]);
      const dot = (m[0] - a[0]) * (b[0] - m[0]) + (m[1] - a[1]) * (b[1] - m[1]);
      const repeated = m[0] === b[0] && m[1] === b[1];
      const lengths = Math.hypot(m[0] - a[0], m[1] - a[1]) * Math.hypot(b[0] - m[0], b[1] - m[1]);
      // Going back within about half a degree of where it came from.
      if (repeated || (dot < 0 && Math.abs(cross) <= 0.01 * lengths)) {
        ring.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
}

/** Even-odd point-in-polygon test of point p against one ring. */
function inRing(p, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether ring `a` lies inside ring `b`: vote over a's vertices not on b. */
function ringInside(a, b) {
  const onB = new Set(b.map((p) => `${p[0]},${p[1]}`));
  let yes = 0;
  let no = 0;
  for (const p of a) {
    if (onB.has(`${p[0]},${p[1]}`)) continue;
    if (inRing(p, b)) yes++;
    else no++;
    if (yes + no >= 5) break;
  }
  return yes > no;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let deps = args.deps;
  let tmp = null;
  if (!deps) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "make-world-map-"));
    deps = tmp;
    install(deps);
  }
  try {
    await build(args, deps);
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function build(args, deps) {
  const topojson = await load(deps, "topojson-client");
  const d3 = await load(deps, "d3-geo");
  const { default: earcut, deviation } = await load(deps, "earcut");
  const isoModule = await load(deps, "i18n-iso-countries");
  const iso = isoModule.default ?? isoModule;
  const topoPath = path.join(deps, "node_modules", "world-atlas", "countries-110m.json");
  const topo = JSON.parse(fs.readFileSync(topoPath, "utf8"));
  const features = topojson.feature(topo, topo.objects.countries).features;

  // 1-2. Project, cutting at the antimeridian; collect each feature's rings.
  const projection = d3.geoEqualEarth().scale(1).translate([0, 0]).precision(0);
  const projected = [];
  for (const f of features) {
    if (f.id === ANTARCTICA) continue;
    const rings = [];
    let ring = null;
    const sink = {
      point(x, y) {
        if (ring) ring.push([x, y]);
      },
      lineStart() {
        ring = [];
      },
      lineEnd() {
        if (ring && ring.length) rings.push(ring);
        ring = null;
      },
      polygonStart() {},
      polygonEnd() {},
      sphere() {},
    };
    d3.geoStream(f, projection.stream(sink));
    let code = "";
    if (f.id !== undefined) {
      code = iso.numericToAlpha2(f.id) ?? "";
      if (!code) console.warn(`warning: no alpha-2 code for ISO ${f.id} (${f.properties.name})`);
    }
    projected.push({ code, name: f.properties.name, rings });
  }

  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of projected) {
    for (const r of c.rings) {
      for (const [x, y] of r) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  const qx = (x) => Math.round(((x - minX) / (maxX - minX)) * Q);
  const qy = (y) => Math.round(((y - minY) / (maxY - minY)) * Q);

  // 3-4. Quantise, classify, orient, triangulate.
  const countries = [];
  let worstDeviation = 0;
  let worstName = "";
  for (const c of projected) {
    const rings = [];
    for (const r of c.rings) {
      const q = [];
      for (const [x, y] of r) {
        const p = [qx(x), qy(y)];
        const last = q[q.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
      }
      while (q.length > 1 && q[0][0] === q[q.length - 1][0] && q[0][1] === q[q.length - 1][1]) q.pop();
      removeSpikes(q);
      if (q.length >= 3 && area2(q) !== 0) rings.push(q);
    }
    const depth = rings.map((r, i) => rings.filter((o, j) => j !== i && ringInside(r, o)).length);
    const outers = [];
    rings.forEach((r, i) => {
      if (depth[i] % 2 === 0) {
        if (area2(r) < 0) r.reverse();
        outers.push({ ring: r, index: i, holes: [] });
      }
    });
    rings.forEach((r, i) => {
      if (depth[i] % 2 === 0) return;
      if (area2(r) > 0) r.reverse();
      // The hole belongs to the containing outer ring one level up.
      const parent = outers.find((o) => depth[o.index] === depth[i] - 1 && ringInside(r, o.ring));
      if (parent) parent.holes.push(r);
      else console.warn(`warning: ${c.name}: a hole without an outer ring, dropped`);
    });

    const vertices = [];
    const ringLengths = [];
    const triangles = [];
    for (const o of outers) {
      const base = vertices.length;
      const flat = [];
      const holeStarts = [];
      for (const r of [o.ring, ...o.holes]) {
        if (r !== o.ring) holeStarts.push(flat.length / 2);
        for (const p of r) flat.push(p[0], p[1]);
        ringLengths.push(r.length);
        vertices.push(...r);
      }
      const tri = earcut(flat, holeStarts, 2);
      const dev = deviation(flat, holeStarts, 2, tri);
      if (dev > 1e-3) {
        console.warn(`warning: ${c.name}: triangles differ from the outline by ${(dev * 100).toFixed(1)}% (self-intersecting source ring)`);
      }
      if (dev > worstDeviation) {
        worstDeviation = dev;
        worstName = c.name;
      }
      for (const t of tri) triangles.push(base + t);
    }
    if (vertices.length > 0xffff) throw new Error(`${c.name}: ${vertices.length} vertices do not fit u16`);
    if (vertices.length === 0) {
      console.warn(`warning: ${c.name}: no rings left, dropped`);
      continue;
    }
    countries.push({ code: c.code, name: c.name, vertices, ringLengths, triangles });
  }

  // Write.
  const parts = [];
  const header = Buffer.alloc(4 + 2 + 2 + 32 + 2);
  header.write(MAGIC, 0, "ascii");
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(0, 6);
  header.writeDoubleLE(minX, 8);
  header.writeDoubleLE(minY, 16);
  header.writeDoubleLE(maxX, 24);
  header.writeDoubleLE(maxY, 32);
  header.writeUInt16LE(countries.length, 40);
  parts.push(header);
  let vertexTotal = 0;
  let ringTotal = 0;
  let triangleTotal = 0;
  for (const c of countries) {
    const name = Buffer.from(c.name, "utf8");
    if (name.length > 255) throw new Error(`name too long: ${c.name}`);
    if (c.ringLengths.length > 0xffff) throw new Error(`${c.name}: too many rings`);
    const head = Buffer.alloc(2 + 1 + name.length + 2 + 2 + 2 * c.ringLengths.length);
    let at = 0;
    if (c.code) head.write(c.code, at, "ascii");
    at += 2;
    head.writeUInt8(name.length, at++);
    name.copy(head, at);
    at += name.length;
    head.writeUInt16LE(c.vertices.length, at);
    at += 2;
    head.writeUInt16LE(c.ringLengths.length, at);
    at += 2;
    for (const n of c.ringLengths) {
      head.writeUInt16LE(n, at);
      at += 2;
    }
    const body = Buffer.alloc(4 * c.vertices.length + 4 + 2 * c.triangles.length);
    at = 0;
    for (const [x, y] of c.vertices) {
      body.writeUInt16LE(x, at);
      body.writeUInt16LE(y, at + 2);
      at += 4;
    }
    body.writeUInt32LE(c.triangles.length / 3, at);
    at += 4;
    for (const t of c.triangles) {
      body.writeUInt16LE(t, at);
      at += 2;
    }
    parts.push(head, body);
    vertexTotal += c.vertices.length;
    ringTotal += c.ringLengths.length;
    triangleTotal += c.triangles.length / 3;
  }
  const out = Buffer.concat(parts);
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, out);
  const withoutCode = countries.filter((c) => !c.code).map((c) => c.name);
  console.log(`wrote ${path.relative(process.cwd(), args.out) || args.out}: ${out.length} bytes`);
  console.log(
    `${countries.length} countries (${withoutCode.length} without a code: ${withoutCode.join(", ")}), ` +
      `${ringTotal} rings, ${vertexTotal} vertices, ${triangleTotal} triangles`,
  );
  console.log(`bbox ${[minX, minY, maxX, maxY].map((v) => v.toFixed(6)).join(" ")}, aspect ${((maxX - minX) / (maxY - minY)).toFixed(4)}`);
  console.log(
    worstDeviation > 0
      ? `worst earcut area deviation ${worstDeviation.toExponential(2)} (${worstName})`
      : "triangles match every outline exactly",
  );
}

main().catch((e) => {
  console.error(`make_world_map: ${e.stack ?? e}`);
  process.exit(1);
});
