#!/usr/bin/env python3
"""Build GeoData/ from the Debian GMT packages (gmt-dcw, gmt-gshhg-full) reproducibly.

Run through tools/geodata/build.sh (`make geodata`). Every output is sorted and written with
fixed 6-decimal coordinates, so a second run gives byte-identical files. The build checks its
own results (border lengths, Dnipro course, Vaindloo) and exits non-zero when one fails.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely.geometry import LineString, Point, box

sys.path.insert(0, str(Path(__file__).resolve().parent))
import alaska  # noqa: E402
import assets  # noqa: E402
import basemap  # noqa: E402
import dnipro  # noqa: E402
import geojson_out  # noqa: E402
import readme  # noqa: E402
import versions  # noqa: E402
import zones  # noqa: E402
from gmtdata import _polygonal, dcw_rings, even_odd, shore_polygons  # noqa: E402
from sources import ASSIGN_ONLY, BORDERS, COUNTRIES, PLACES, RU_WEST_LIMIT  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "GeoData"
GEOD = pyproj.Geod(ellps="WGS84")
# Data versions as installed (dpkg-query), never hard-coded: they go into every feature's `source`.
DCW_VERSION = versions.upstream("gmt-dcw")
GSHHG_VERSION = versions.upstream("gmt-gshhg-full")
DCW_SRC = f"DCW-GMT {DCW_VERSION} via gmt coast -E"
GSHHG_SRC = f"GSHHG {GSHHG_VERSION} full resolution via gmt coast -Df"
LICENCE = "LGPL-3.0-or-later (c) The GMT Team; see GeoData/LICENSES/"
ATTR_DCW = "Digital Chart of the World (1:1M) as packaged in DCW-GMT"
ATTR_GSHHG = "Wessel, P. and W. H. F. Smith (1996), J. Geophys. Res. 101(B4), 8741-8743 (GSHHG; WVS and CIA WDB II)"
BORDER_TOL_DEG = 0.003
BORDER_MIN_PIECE_KM = 1.0
# Coastal land boxes (w, e, s, n), degrees. Boxes meet only along their edges.
LAND_BOXES = {
    "southern Baltic (Poland, Kaliningrad)": (14.0, 21.5, 53.5, 56.0),
    "eastern Baltic and Gulf of Finland": (21.0, 31.0, 55.5, 60.8),
    "north-western Black Sea": (27.0, 34.0, 43.0, 47.5),
    "North Sea, Skagerrak, Kattegat and western Baltic (Denmark, southern Norway, western Sweden)": (4.0, 14.0, 53.5, 60.8),
    "central Baltic (eastern Sweden, Gotland, Aland)": (14.0, 21.0, 56.0, 60.8),
    "Norwegian Sea, Gulf of Bothnia, Barents and White Seas": (4.0, 45.0, 60.8, 72.0),
}
# GSHHG resolution per box: full (≈ 0.1–0.5 km) in the original boxes; high (≈ 0.2–1 km) for the
# Nordic and Barents boxes, whose full-resolution coasts (≈ 760,000 points, ≈ 16 MB) would not
# fit the 40 MB GeoData budget beside their airspaces.
LAND_RESOLUTION = {
    "North Sea, Skagerrak, Kattegat and western Baltic (Denmark, southern Norway, western Sweden)": "h",
    "central Baltic (eastern Sweden, Gotland, Aland)": "h",
    "Norwegian Sea, Gulf of Bothnia, Barents and White Seas": "h",
}
COAST_KEEP_KM = 60.0

failures: list[str] = []
ALASKA: dict = {}   # figures of the Alaska outline build (alaska.outline)


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def area_km2(g) -> float:
    """Geodesic area (WGS84) of a (Multi)Polygon in km², each part oriented CCW with CW holes."""
    return sum(GEOD.geometry_area_perimeter(shapely.geometry.polygon.orient(p, 1.0))[0]
               for p in shapely.get_parts(g)) / 1e6


def aeqd(lon0: float, lat0: float):
    crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m"
    f = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    b = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    fw = lambda g: shapely.transform(g, lambda c: np.column_stack(f.transform(c[:, 0], c[:, 1])))
    bw = lambda g: shapely.transform(g, lambda c: np.column_stack(b.transform(c[:, 0], c[:, 1])))
    return fw, bw


# ---------------------------------------------------------------- countries
def countries() -> dict[str, object]:
    out = {}
    for iso in sorted({**COUNTRIES, **ASSIGN_ONLY}):
        if iso == "US-AK":
            # Kept in the continuous west frame (−188..−130) until written; see alaska.py.
            out[iso], ALASKA_INFO = alaska.outline()
            ALASKA.update(ALASKA_INFO)
            continue
        clip = box(-180, -90, RU_WEST_LIMIT, 90) if iso == "RU" else None
        g = shapely.make_valid(even_odd(dcw_rings(iso), clip))
        out[iso] = _polygonal(g)
    return out


def write_countries(polys) -> list[tuple[dict, object]]:
    feats = []
    for iso in sorted(COUNTRIES):
        g = polys[iso]
        props = {"iso2": iso, "name": COUNTRIES[iso], "area_km2": area_km2(g), "source": DCW_SRC,
                 "licence": LICENCE, "attribution": ATTR_DCW}
        if iso == "RU":
            props["note"] = f"clipped to west of {RU_WEST_LIMIT:.0f}° E; includes the Kaliningrad exclave"
        if iso == "UA":
            props["note"] = "as DCW has it, including Crimea"
        if iso == "US-AK":
            props["source"] = DCW_SRC + " (US.AK)"
            props["note"] = (f"DCW rings ({ALASKA['rings_in']}, {ALASKA['points_in']} points) each simplified by Douglas-Peucker "
                             f"{ALASKA['simplify_m']:.0f} m in an azimuthal equidistant projection centred at {alaska.CENTRE[1]} N "
                             f"{-alaska.CENTRE[0]} W, even-odd rule, parts under {ALASKA['min_area_km2']} km2 dropped "
                             f"({ALASKA['points_out']} points in {ALASKA['parts_out']} parts); cut at the antimeridian (RFC 7946 3.1.9)")
            g = alaska.cut_at_antimeridian(g)
        feats.append((props, g))
    kgd = _polygonal(polys["RU"].intersection(box(19.0, 54.0, 23.5, 56.0)))
    feats.append(({"iso2": "RU", "id": "RU-KGD", "name": "Russia (Kaliningrad exclave)", "area_km2": area_km2(kgd),
                   "source": DCW_SRC, "licence": LICENCE, "attribution": ATTR_DCW,
                   "note": "the part of DCW Russia west of 23.5° E; also contained in the RU feature"}, kgd))
    geojson_out.write(OUT / "countries.geojson", feats, "countries")
    return feats


# ---------------------------------------------------------------- borders
def shared_border(a, b):
    """The part of a's boundary within BORDER_TOL_DEG of b's boundary, merged, tiny pieces dropped."""
    ba = a.boundary
    bb = b.boundary.intersection(a.envelope.buffer(0.1))
    if bb.is_empty:
        return None
    near = ba.intersection(bb.buffer(BORDER_TOL_DEG, quad_segs=4))
    lines = [g for g in shapely.get_parts(near) if g.geom_type in ("LineString", "MultiLineString")]
    if not lines:
        return None
    merged = shapely.line_merge(shapely.unary_union(lines))
    keep = [g for g in shapely.get_parts(merged) if GEOD.geometry_length(g) >= BORDER_MIN_PIECE_KM * 1000]
    if not keep:
        return None
    keep.sort(key=lambda g: (g.bounds, len(g.coords)))
    return shapely.MultiLineString(keep) if len(keep) > 1 else keep[0]


def write_borders(polys) -> list[dict]:
    feats, table = [], []
    for pair in sorted(BORDERS):
        a, b = pair.split("-")
        pub, src, note = BORDERS[pair]
        line = shared_border(polys[a], polys[b])
        if line is None:
            check(False, f"border {pair}: no shared boundary found")
            continue
        km = GEOD.geometry_length(line) / 1000
        ratio = km / pub
        check(abs(ratio - 1) <= 0.25, f"border {pair}: DCW {km:.1f} km vs published {pub} km ({ratio:.3f})")
        props = {"pair": pair, "a": a, "b": b, "length_km": km, "published_length_km": pub,
                 "published_source": src, "ratio": ratio, "source": DCW_SRC, "licence": LICENCE,
                 "attribution": ATTR_DCW,
                 "method": f"boundary of {a} within {BORDER_TOL_DEG}° of the boundary of {b}; pieces under {BORDER_MIN_PIECE_KM} km dropped"}
        if note:
            props["published_note"] = note
        feats.append((props, line))
        table.append(props)
    geojson_out.write(OUT / "borders.geojson", feats, "borders")
    return table


# ---------------------------------------------------------------- land
def land(polys) -> list[tuple[dict, object]]:
    per_iso: dict[str, list] = {}
    for label in sorted(LAND_BOXES):
        w, e, s, n = LAND_BOXES[label]
        fw, bw = aeqd((w + e) / 2, (s + n) / 2)
        frame = box(w, s, e, n)
        ld = shore_polygons(w, e, s, n, level=1, resolution=LAND_RESOLUTION.get(label, "f"))
        # Keep coastal land: within COAST_KEEP_KM of the sea (ocean = frame minus land).
        ocean_xy = shapely.simplify(fw(frame.difference(ld)), 200.0)
        near_sea = bw(shapely.buffer(ocean_xy, COAST_KEEP_KM * 1000, quad_segs=4))
        ld = _polygonal(ld.intersection(near_sea))
        cand = {iso: _polygonal(g.intersection(frame.buffer(0.5))) for iso, g in polys.items()}
        cand = {iso: g for iso, g in sorted(cand.items()) if not g.is_empty}
        isos = list(cand)
        cand_xy = [fw(cand[i]) for i in isos]
        tree = shapely.STRtree(cand_xy)
        comps = list(shapely.get_parts(ld))
        comps_xy = fw(np.array(comps, dtype=object))
        for comp, cxy in zip(comps, comps_xy):
            hit = sorted(tree.query(cxy, predicate="intersects"))
            if len(hit) == 0:
                per_iso.setdefault(isos[int(tree.query_nearest(cxy, all_matches=False)[0])], []).append(comp)
            elif len(hit) == 1:
                per_iso.setdefault(isos[hit[0]], []).append(comp)
            else:
                rest = comp
                for h in hit:
                    piece = _polygonal(comp.intersection(cand[isos[h]]))
                    if not piece.is_empty:
                        per_iso.setdefault(isos[h], []).append(piece)
                    rest = rest.difference(cand[isos[h]])
                for r in shapely.get_parts(_polygonal(rest)):
                    j = int(tree.query_nearest(fw(r), all_matches=False)[0])
                    per_iso.setdefault(isos[j], []).append(r)
    feats = []
    for iso in sorted(per_iso):
        if iso not in COUNTRIES:
            continue
        g = _polygonal(shapely.make_valid(shapely.unary_union(per_iso[iso])))
        feats.append(({"iso2": iso, "name": COUNTRIES[iso], "area_km2": area_km2(g),
                       "parts": len(shapely.get_parts(g)), "source": GSHHG_SRC, "licence": LICENCE,
                       "attribution": ATTR_GSHHG,
                       "note": f"coastal land within {COAST_KEEP_KM:.0f} km of the sea in the boxes " +
                               "; ".join(f"{k} {v} ({'high' if LAND_RESOLUTION.get(k) == 'h' else 'full'} resolution)" for k, v in sorted(LAND_BOXES.items())) +
                               "; GSHHG level 1 (lakes count as land); islands assigned to the DCW country containing or nearest to them"},
                      g))
    geojson_out.write(OUT / "land.geojson", feats, "land")
    return feats


# ---------------------------------------------------------------- Dnipro
def river(polys) -> dict:
    ua = polys["UA"]
    line, info = dnipro.build(ua)
    length = GEOD.geometry_length(line) / 1000
    inside = line.intersection(ua)
    in_ua = GEOD.geometry_length(inside) / 1000
    # Where the river fully enters Ukraine: after its last vertex outside DCW Ukraine north of
    # 51° N (the Belarus border stretch; the estuary end lies outside DCW's land polygon too).
    cs = np.array(line.coords)
    out_idx = [i for i, c in enumerate(cs) if c[1] > 51.0 and not ua.covers(Point(c))]
    last_out = max(out_idx) if out_idx else 0
    full_entry = GEOD.geometry_length(LineString(cs[last_out:])) / 1000
    xy = dnipro.to_xy(line)
    cities = {}
    for name in ["Kyiv", "Cherkasy", "Kremenchuk", "Kamianske", "Dnipro", "Zaporizhzhia", "Nikopol", "Nova Kakhovka", "Kherson"]:
        lat, lon = PLACES[name][:2]
        q = dnipro.to_ll(xy.interpolate(xy.project(dnipro.to_xy(Point(lon, lat)))))
        d = GEOD.inv(lon, lat, q.x, q.y)[2] / 1000
        cities[name] = d
        check(d <= 8.0, f"dnipro: {name} {d:.2f} km from the line (≤ 8)")
    check(line.is_simple, "dnipro: line is simple")
    check(abs(in_ua / 981 - 1) <= 0.10, f"dnipro: length inside DCW Ukraine {in_ua:.1f} km vs 981 km (±10%)")
    props = {
        "name": "Dnipro", "length_km": length, "length_in_ukraine_km": in_ua,
        "length_from_full_entry_km": full_entry, "published_length_km": 981,
        "published_note": "981 km in Ukraine (allref.com.ua, encyclopedic); contested: 1,095 km (travelguide-ukraine.com), 1,121 km (Wikipedia (cs): Dněpr), 1,005 km (media)",
        "method": "WDBII level-1 river where it exists; centre lines (Voronoi edges of the 300 m densified shore in an azimuthal equidistant projection centred at 48.5 N 32.5 E, Dijkstra shortest path) through the merged GSHHG level-2 lakes of the Kyiv reservoir and the Kaniv-Kherson reservoir cascade; WDBII delta piece and straight connectors below Kherson to the published mouth; Douglas-Peucker 50 m",
        "sources": f"{GSHHG_SRC} (levels 1-2 shorelines, WDBII rivers -I1 and -Ia); {DCW_SRC} (Ukraine, for the start and the in-Ukraine length)",
        "licence": LICENCE, "attribution": ATTR_GSHHG,
        "note": "The Kakhovka reservoir shoreline predates the destruction of the Kakhovka dam in June 2023; the line starts at the river's first contact with DCW Ukraine on the Belarus-Ukraine border.",
        "city_distance_km": cities,
    }
    geojson_out.write(OUT / "dnipro.geojson", [(props, line)], "dnipro")
    return {**info, **props}


# ---------------------------------------------------------------- places
def places(land_feats) -> None:
    feats = []
    for name in sorted(PLACES):
        lat, lon, kind, src, note = PLACES[name]
        props = {"name": name, "kind": kind, "source": src}
        if note:
            props["note"] = note
        feats.append((props, Point(lon, lat)))
    geojson_out.write(OUT / "places.geojson", feats, "places")
    lat, lon = PLACES["Vaindloo"][:2]
    p = Point(lon, lat)
    best = min(((g.distance(p), pr["iso2"], g) for pr, g in land_feats), key=lambda t: t[0])
    q = shapely.ops.nearest_points(best[2], p)[0]
    d_m = GEOD.inv(lon, lat, q.x, q.y)[2] if best[0] > 0 else 0.0
    check(best[1] == "EE" and d_m <= 500, f"Vaindloo: nearest land is {best[1]}, {d_m:.0f} m from the point")
    return d_m


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "LICENSES").mkdir(exist_ok=True)
    for pkg in ("gmt-dcw", "gmt-gshhg-full"):
        shutil.copyfile(f"/usr/share/doc/{pkg}/copyright", OUT / "LICENSES" / f"{pkg}.copyright.txt")
    polys = countries()
    cfeats = write_countries(polys)
    table = write_borders(polys)
    dn = river(polys)
    lfeats = land(polys)
    vd = places(lfeats)
    zones.build(OUT, PLACES)
    adiz = zones.build_adiz(OUT, area_km2, alaska.cut_at_antimeridian)
    bfeats = basemap.build()
    afeats = assets.write_assets(OUT, DCW_SRC)
    coast = assets.write_coast(OUT, GSHHG_SRC, LICENCE, ATTR_GSHHG)
    readme.write(OUT / "README.md", versions=versions.table(), dcw_version=DCW_VERSION, gshhg_version=GSHHG_VERSION, countries=cfeats, borders=table, dnipro=dn,
                 land=lfeats, vaindloo_m=vd, tol=BORDER_TOL_DEG, boxes=LAND_BOXES, resolution=LAND_RESOLUTION, keep_km=COAST_KEEP_KM, places=PLACES,
                 basemap=bfeats, assets=afeats, coast=coast, adiz=adiz, alaska=ALASKA)
    for name in ("countries", "land", "borders", "dnipro", "basemap", "zones/DK-airports", "zones/US-AK-ADIZ", "coast", "assets"):
        import json
        from shapely.geometry import shape
        with open(OUT / f"{name}.geojson", encoding="utf-8") as f:
            for ft in json.load(f)["features"]:
                g = shape(ft["geometry"])
                what = ft["properties"].get("id") or ft["properties"].get("iso2") or ft["properties"].get("pair") or ft["properties"].get("name") or ft["properties"].get("region")
                check(g.is_valid, f"{name}.geojson {what}: valid as written ({shapely.is_valid_reason(g)})")
    if failures:
        raise SystemExit(f"geodata: {len(failures)} check(s) failed: " + "; ".join(failures))
    print("geodata: all checks passed")


if __name__ == "__main__":
    main()
