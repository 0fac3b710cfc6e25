#!/usr/bin/env python3
"""GeoData/basemap.geojson: a generalised basemap so a map never paints land as sea.

Features, each with a `layer` property saying what it is (the renderer draws them in this order):
- `land`: GSHHG level-1 land (lakes included) at intermediate resolution inside BOX, crude outside it
  (the whole world), simplified to SIMPLIFY_M; no borders. Under everything, it fills any sliver the
  generalised countries leave and any land outside BOX.
- `country`: every DCW-GMT country that meets BOX and is NOT modelled in countries.geojson, clipped to
  BOX, simplified to SIMPLIFY_M (Russia: only its part east of the meridian countries.geojson stops at).
- `lake`: GSHHG level-2 lakes of at least LAKE_MIN_KM2 inside BOX (intermediate resolution).
- `river`: WDBII permanent major rivers (`gmt coast -I1`) inside BOX (intermediate resolution).

Simplification is Douglas-Peucker in ETRS89-LAEA (EPSG:3035) metres, topology-preserving per feature.
Run by build.py (`make geodata`), or alone: `.venv/bin/python tools/geodata/basemap.py`.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely.geometry import box

sys.path.insert(0, str(Path(__file__).resolve().parent))
import geojson_out  # noqa: E402
from gmtdata import _polygonal, dcw_rings, even_odd, gmt, segments, shore_polygons  # noqa: E402
from sources import COUNTRIES, RU_WEST_LIMIT  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "GeoData"
# Europe and its neighbours (w, s, e, n), degrees: every country meeting it is drawn with borders.
BOX = (-25.0, 27.0, 60.0, 72.0)
SIMPLIFY_M = 1500.0
WORLD_SIMPLIFY_M = 5000.0
LAKE_MIN_KM2 = 300.0
WORLD_SOUTH = -60.0
MIN_PART_KM2 = 20.0
DCW_SRC = "DCW-GMT via gmt coast -E, generalised"
GSHHG_SRC = "GSHHG via gmt coast, generalised"
LICENCE = "LGPL-3.0-or-later (c) The GMT Team; see GeoData/LICENSES/"

_FWD = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)
_BWD = pyproj.Transformer.from_crs("EPSG:3035", "EPSG:4326", always_xy=True)


def _xy(g):
    return shapely.transform(g, lambda c: np.column_stack(_FWD.transform(c[:, 0], c[:, 1])))


def _ll(g):
    return shapely.transform(g, lambda c: np.column_stack(_BWD.transform(c[:, 0], c[:, 1])))


def simplify_polygonal(g, tol_m: float, min_km2: float = MIN_PART_KM2):
    """Douglas-Peucker in LAEA metres; parts smaller than `min_km2` dropped; valid."""
    parts = [p for p in shapely.get_parts(_xy(g)) if p.area >= min_km2 * 1e6]
    if not parts:
        return shapely.MultiPolygon()
    s = shapely.simplify(shapely.MultiPolygon(parts), tol_m, preserve_topology=True)
    return _polygonal(shapely.make_valid(_ll(s)))


def dcw_codes() -> list[tuple[str, str]]:
    """(iso2, name) of every DCW-GMT country (`gmt coast -E+l`)."""
    out = []
    for line in gmt(["coast", "-E+l"]).splitlines():
        m = re.match(r"^([A-Z]{2})\t(.+)$", line.strip("\n"))
        if m:
            out.append((m.group(1), m.group(2).strip()))
    return sorted(out)


def rings_by_country(codes: list[tuple[str, str]]) -> dict[str, list[np.ndarray]]:
    """The DCW rings of many countries from one `gmt coast -E<a>,<b>,… -M` call (headers name the country)."""
    by_name = {name: iso for iso, name in codes}
    out: dict[str, list[np.ndarray]] = {}
    cur: list | None = None
    # gmt coast -E takes a limited number of codes per call (about 85 in GMT 6.4): ask in chunks.
    text = "".join(gmt(["coast", "-E" + ",".join(iso for iso, _ in codes[i:i + 40]), "-M"]) for i in range(0, len(codes), 40))
    for line in text.splitlines():
        if line.startswith(">"):
            name = re.sub(r"\s+Segment\s+\d+\s*$", "", line[1:]).strip()
            name = re.sub(r"^(-\S+\s+)+", "", name)  # "-Ph Italy": a hole, which the even-odd rule handles
            iso = by_name.get(name)
            if iso is None:
                raise SystemExit(f"basemap: gmt coast -E segment header {line!r} names no known country")
            cur = []
            out.setdefault(iso, []).append(cur)
        elif line.strip() and not line.startswith("#"):
            a, b = line.split()[:2]
            cur.append((float(a), float(b)))
    return {iso: [_west_of_180(np.array(r)) for r in rs if len(r) > 0] for iso, rs in out.items()}


def _west_of_180(ring: np.ndarray) -> np.ndarray:
    """GMT prints rings of a multi-country call in longitudes 0..360 (France's mainland ring runs 357..360 then
    0..9.6): a ring lying wholly east of 180° is moved by −360°, and a ring jumping across 0°/360° (its
    longitudes spanning more than 180°) has its longitudes above 180° moved by −360°. A ring that merely
    crosses 180° (Chukotka, 170..191) is left as it is."""
    lon = ring[:, 0]
    if lon.min() >= 180.0:
        ring = ring.copy()
        ring[:, 0] -= 360.0
    elif lon.max() - lon.min() > 180.0:
        ring = ring.copy()
        ring[:, 0] = np.where(lon > 180.0, lon - 360.0, lon)
    return ring


def countries(frame) -> list[tuple[dict, object]]:
    codes = [(iso, name) for iso, name in dcw_codes() if iso not in COUNTRIES or iso == "RU"]
    names = dict(codes)
    feats = []
    rings_of = rings_by_country([c for c in codes if c[0] != "RU"])
    # Russia alone, as build.py reads it: one call gives its rings in continuous longitudes (up to 191°), where a
    # multi-country call cuts them at ±180°.
    rings_of["RU"] = dcw_rings("RU")
    for iso, all_rings in sorted(rings_of.items()):
        clip = frame
        if iso == "RU":  # countries.geojson holds Russia west of RU_WEST_LIMIT
            clip = frame.intersection(box(RU_WEST_LIMIT, -90, 180, 90))
        w, s, e, n = clip.bounds
        rings = [r for r in all_rings
                 if r[:, 0].min() <= e and r[:, 0].max() >= w and r[:, 1].min() <= n and r[:, 1].max() >= s]
        if not rings:
            continue
        g = shapely.make_valid(even_odd(rings, clip))
        g = simplify_polygonal(_polygonal(g), SIMPLIFY_M)
        if g.is_empty:
            continue
        props = {"layer": "country", "iso2": iso, "name": names[iso], "source": DCW_SRC, "licence": LICENCE,
                 "note": f"clipped to {BOX}; Douglas-Peucker {SIMPLIFY_M:.0f} m"}
        if iso == "RU":
            props["note"] = f"the part east of {RU_WEST_LIMIT:.0f}° E (the rest is in countries.geojson); " + props["note"]
        feats.append((props, g))
    return feats


def land(frame) -> list[tuple[dict, object]]:
    """One feature per land mass, so a renderer skips those out of view. Antarctica (south of WORLD_SOUTH) is left
    out: around the pole it would enclose the centre of an azimuthal map of Europe."""
    w, s, e, n = BOX
    inner = shore_polygons(w, e, s, n, level=1, resolution="i")
    inner = simplify_polygonal(inner.intersection(frame), SIMPLIFY_M)
    world = shore_polygons(-180, 180, WORLD_SOUTH, 90, level=1, resolution="c")
    outer = _polygonal(world.difference(frame))
    outer = _polygonal(shapely.make_valid(shapely.simplify(outer, WORLD_SIMPLIFY_M / 111_000, preserve_topology=True)))
    g = _polygonal(shapely.make_valid(shapely.unary_union([inner, outer])))
    parts = sorted(shapely.get_parts(g), key=lambda p: (-round(p.area, 6), p.bounds))
    props = {"layer": "land", "source": GSHHG_SRC, "licence": LICENCE,
             "note": f"intermediate resolution inside {BOX} (Douglas-Peucker {SIMPLIFY_M:.0f} m), crude outside, "
                     f"north of {WORLD_SOUTH:.0f}°; lakes count as land"}
    return [(props, p) for p in parts if p.area > 0]


def lakes(frame) -> list[tuple[dict, object]]:
    w, s, e, n = BOX
    g = shore_polygons(w, e, s, n, level=2, resolution="i")
    parts = [p for p in shapely.get_parts(_polygonal(g.intersection(frame)))]
    feats = []
    for p in parts:
        if _xy(p).area < LAKE_MIN_KM2 * 1e6:
            continue
        q = simplify_polygonal(p, SIMPLIFY_M / 2, min_km2=LAKE_MIN_KM2 / 2)
        if not q.is_empty:
            feats.append(q)
    feats.sort(key=lambda q: (-round(q.area, 6), q.bounds))
    return [({"layer": "lake", "source": GSHHG_SRC, "licence": LICENCE,
              "note": f"GSHHG level 2, at least {LAKE_MIN_KM2:.0f} km²"}, q) for q in feats]


def rivers(frame) -> list[tuple[dict, object]]:
    w, s, e, n = BOX
    segs = segments(gmt(["coast", "-I1", "-Di", "-M", f"-R{w}/{e}/{s}/{n}"]))
    lines = [shapely.LineString(x) for x in segs if len(x) > 1]
    merged = shapely.line_merge(shapely.unary_union(lines))
    out = []
    for ln in shapely.get_parts(merged):
        xy = _xy(ln)
        if xy.length < 20_000:
            continue
        out.append(_ll(shapely.simplify(xy, SIMPLIFY_M / 2)))
    out.sort(key=lambda g: (g.bounds, len(g.coords)))
    if not out:
        return []
    return [({"layer": "river", "source": GSHHG_SRC + " (WDBII permanent major rivers, -I1)", "licence": LICENCE,
              "note": "pieces under 20 km dropped"}, shapely.MultiLineString(out))]


def build() -> list[tuple[dict, object]]:
    frame = box(*BOX)
    feats = land(frame) + countries(frame) + lakes(frame) + rivers(frame)
    geojson_out.write(OUT / "basemap.geojson", feats, "basemap")
    return feats


if __name__ == "__main__":
    fs = build()
    print(f"basemap.geojson: {len(fs)} features, {(OUT / 'basemap.geojson').stat().st_size / 1e6:.2f} MB")
