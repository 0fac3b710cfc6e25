#!/usr/bin/env python3
"""Independent oracle for Perimeter's coverage union (pyproj + shapely 2), and the bench reference.

usage:
  coverage_union.py sites N [SEED]          deterministic bench sites (lon 22..36 E, lat 46..52.5 N,
                                            numpy seed 11 by default) as GeoJSON on stdout
  coverage_union.py bench SITES RADIUS_KM [VERTICES]
                                            reference timing: VERTICES-gon geodesic circles (pyproj
                                            Geod.fwd, default 256), shapely union_all, pyproj geodesic area;
                                            prints "sites=… area_km2=… holes=… seconds=…"
  coverage_union.py batch IN.json OUT.json  the test oracle, many site sets in one process (below)

Batch input: {"cases": [{"sites": [[lon, lat, radius_m], …], "tolerance_m": t,
                          "union": <RFC 7946 geometry of Perimeter's union, or null>}, …]}
Batch output: {"results": [{"area_m2": …, "method": "laea" | "hemispheres",
                            "residual_m2": [area of circle i not covered by "union"], "perimeter_m": […]}, …]}

Method (nothing here is shared with Perimeter's Swift code):
- Each circle is a polygon of geodesic points (Geod.fwd at equal azimuths), dense enough that its chords lie
  within tolerance/20 and within 1e-6 × radius of the circle (area short by under 1.4 ppm).
- A set whose circles all lie within 100° of the mean of their centres' unit vectors is unioned in one
  Lambert azimuthal equal-area projection (LAEA, ellipsoidal, pyproj) centred on that mean: the whole globe but
  the centre's antipode maps one-to-one onto a disk, so nothing is cut at ±180° or at a pole.
- A larger set is split into two hemispheres about an axis chosen (among 200 Fibonacci directions) as far as
  possible from every circle's boundary; each hemisphere is unioned in the LAEA centred on its pole and clipped
  to it (the boundary great circle densified to ~2.4 km chords). A circle containing the projection's
  antipode maps to the outside of its ring, so its piece is the hemisphere minus the ring's inside.
- Areas: each union ring is taken back to lon/lat and measured with pyproj Geod (Karney); Geod's area is
  only known modulo the ellipsoid's area, so each ring keeps the value nearest to its planar LAEA area
  (LAEA is equal-area: the two agree closely, the choice is never ambiguous).
- Containment: Perimeter's union (lon/lat, RFC 7946 parts, polar caps) is densified in lon/lat (0.02°),
  projected the same way and each circle minus it measured in the projection (equal-area).
"""
import json
import math
import sys
import time

import numpy as np
import shapely
from pyproj import Geod, Proj
from shapely.geometry import Point, Polygon, MultiPolygon

GEOD = Geod(ellps="WGS84")
A_EARTH = 4 * math.pi * 6371007.180918475 ** 2      # authalic sphere area = WGS84 ellipsoid area
R_MEAN = 6371008.8


# ---------------------------------------------------------------- helpers

def robust(op, *geoms):
    """A shapely overlay; on a GEOS robustness failure, again on a 1 mm grid (metres in every frame here)."""
    try:
        return op(*geoms)
    except shapely.errors.GEOSException:
        return op(*geoms, grid_size=1e-3)


def unit(lon, lat):
    lo, la = math.radians(lon), math.radians(lat)
    return np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)])


def lonlat(v):
    v = v / np.linalg.norm(v)
    return math.degrees(math.atan2(v[1], v[0])), math.degrees(math.asin(max(-1.0, min(1.0, v[2]))))


def angle_deg(u, v):
    return math.degrees(math.atan2(np.linalg.norm(np.cross(u, v)), float(np.dot(u, v))))


def circle_lonlat(lon, lat, radius, tol):
    """Dense geodesic circle: chords within tol/20 of the circle and within 1e-6·R (area short by < 1.4e-6)."""
    e = max(min(tol / 20.0, radius * 1e-6), 1e-4)
    n = int(math.ceil(math.pi / math.acos(max(-1.0, 1 - min(e / radius, 1.0)))))
    n = max(64, min(n, 40000))
    az = np.linspace(0, 360, n, endpoint=False)
    x, y, _ = GEOD.fwd(np.full(n, lon), np.full(n, lat), -az, np.full(n, radius))
    return x, y


def laea(center_lon, center_lat):
    return Proj(proj="laea", lat_0=center_lat, lon_0=center_lon, ellps="WGS84")


def antipode(lon, lat):
    return ((lon + 360) % 360) - 180, -lat


def contains_point(lon, lat, radius, plon, plat):
    return GEOD.inv(lon, lat, plon, plat)[2] < radius


def geod_ring_area(proj, ring):
    """Area of the inside of a projected ring: Geod on the inverse-projected vertices, reconciled with the
    planar (equal-area) value modulo the ellipsoid's area."""
    coords = np.asarray(ring.coords)
    if not ring.is_ccw:              # LAEA keeps orientation: counter-clockwise = the inside on the left
        coords = coords[::-1]
    xs, ys = coords.T
    planar = abs(Polygon(ring).area)
    lons, lats = proj(xs, ys, inverse=True)
    g, _ = GEOD.polygon_area_perimeter(lons, lats)
    k = round((planar - g) / A_EARTH)
    return g + k * A_EARTH, planar


def geod_area(proj, geom):
    total = 0.0
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        a, _ = geod_ring_area(proj, poly.exterior)
        for hole in poly.interiors:
            h, _ = geod_ring_area(proj, hole)
            a -= abs(h)
        total += abs(a) if a > 0 else 0.0
    return total


def hemisphere_polygon(proj, pole_vec, n=16384):
    """The hemisphere around pole_vec: its boundary great circle (in unit-vector terms) projected."""
    a = np.cross(pole_vec, [0.0, 0.0, 1.0])
    if np.linalg.norm(a) < 1e-6:
        a = np.cross(pole_vec, [1.0, 0.0, 0.0])
    a /= np.linalg.norm(a)
    b = np.cross(pole_vec, a)
    t = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pts = np.outer(np.cos(t), a) + np.outer(np.sin(t), b)
    lons = np.degrees(np.arctan2(pts[:, 1], pts[:, 0]))
    lats = np.degrees(np.arcsin(np.clip(pts[:, 2], -1, 1)))
    x, y = proj(lons, lats)
    return shapely.make_valid(Polygon(np.column_stack([x, y])))


def circle_piece(proj, disk, c, tol, anti):
    lon, lat, r = c
    x, y = circle_lonlat(lon, lat, r, tol)
    px, py = proj(x, y)
    inside = shapely.make_valid(Polygon(np.column_stack([px, py])))
    if contains_point(lon, lat, r, *anti):
        return robust(shapely.difference, disk, inside)
    return inside


class Frame:
    """An LAEA frame (centre h) and the region of the globe it handles (None: all of it)."""

    def __init__(self, lon, lat, region_vec=None):
        self.lon, self.lat = lon, lat
        self.proj = laea(lon, lat)
        self.anti = antipode(lon, lat)
        if region_vec is not None:
            self.region = hemisphere_polygon(self.proj, region_vec)
        else:
            self.region = None
        # a disk holding the whole projected globe (radius 2·a·1.01) for complements
        self.disk = self.region if self.region is not None else Point(0, 0).buffer(2.02 * 6378137.0, 256)

    def clip(self, g):
        return g if self.region is None else robust(shapely.intersection, g, self.region)


def frames_for(sites):
    vecs = [unit(lon, lat) for lon, lat, _ in sites]
    m = np.sum(vecs, axis=0)
    if np.linalg.norm(m) > 1e-9:
        mv = m / np.linalg.norm(m)
        extent = max(angle_deg(mv, v) + math.degrees(r / R_MEAN) for v, (_, _, r) in zip(vecs, sites))
        if extent <= 100:
            lon, lat = lonlat(mv)
            return "laea", [Frame(lon, lat)]
    # two hemispheres about the axis farthest from every circle boundary (and off the exact poles)
    n = 200
    k = np.arange(n)
    z = 1 - (2 * k + 1) / n
    phi = k * math.pi * (3 - math.sqrt(5))
    axes = np.column_stack([np.sqrt(1 - z * z) * np.cos(phi), np.sqrt(1 - z * z) * np.sin(phi), z])
    V = np.array(vecs)
    radii = np.degrees(np.array([r for _, _, r in sites]) / R_MEAN)
    ang = np.degrees(np.arccos(np.clip(axes @ V.T, -1, 1)))           # axis to centre
    score = np.minimum(np.abs(ang - radii), np.abs(180 - ang - radii)).min(axis=1)
    best = axes[int(np.argmax(score))]
    frames = []
    for pv in (best, -best):
        lon, lat = lonlat(pv)
        frames.append(Frame(lon, lat, region_vec=pv))
    return "hemispheres", frames


def project_lonlat_geometry(frame, geometry):
    """Perimeter's RFC 7946 union (lon/lat, cut at ±180, polar caps) in the frame's projection."""
    polys = []
    gtype = geometry["type"]
    coords = geometry["coordinates"]
    plist = [coords] if gtype == "Polygon" else coords if gtype == "MultiPolygon" else []
    pieces = []
    for rings in plist:
        ll = Polygon(rings[0], rings[1:])
        dense = shapely.segmentize(ll, 0.02)
        ext = np.asarray(dense.exterior.coords)
        x, y = frame.proj(ext[:, 0], ext[:, 1])
        outer = shapely.make_valid(Polygon(np.column_stack([x, y])))
        holes = []
        for h in dense.interiors:
            hc = np.asarray(h.coords)
            hx, hy = frame.proj(hc[:, 0], hc[:, 1])
            holes.append(shapely.make_valid(Polygon(np.column_stack([hx, hy]))))
        alon, alat = frame.anti
        if ll.contains(Point(alon, alat)):
            piece = robust(shapely.difference, frame.disk, outer)
        else:
            piece = outer
        for h in holes:
            piece = robust(shapely.difference, piece, h)
        pieces.append(piece)
    if not pieces:
        return Polygon()
    # pieces meet along the projected ±180 meridian (seams of floating-point width, of no area)
    return robust(shapely.union_all, pieces)


def run_case(case):
    sites = case["sites"]
    tol = float(case.get("tolerance_m", 10.0))
    method, frames = frames_for(sites)
    area = 0.0
    residual = [0.0] * len(sites)
    for f in frames:
        pieces = [circle_piece(f.proj, f.disk, c, tol, f.anti) for c in sites]
        union = f.clip(robust(shapely.union_all, pieces))
        area += geod_area(f.proj, union)
        if case.get("union") is not None:
            ours = project_lonlat_geometry(f, case["union"])
            for i, p in enumerate(pieces):
                residual[i] += robust(shapely.difference, f.clip(p), ours).area
    perim = [2 * math.pi * r for _, _, r in sites]  # refined below with Geod
    for i, (lon, lat, r) in enumerate(sites):
        x, y = circle_lonlat(lon, lat, r, tol)
        perim[i] = GEOD.line_length(np.append(x, x[0]), np.append(y, y[0]))
    return {"area_m2": area, "method": method, "residual_m2": residual, "perimeter_m": perim}


# ---------------------------------------------------------------- modes

def mode_sites(n, seed=11):
    rng = np.random.default_rng(seed)
    lon = rng.uniform(22, 36, n)
    lat = rng.uniform(46, 52.5, n)
    json.dump({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": i},
         "geometry": {"type": "Point", "coordinates": [round(a, 6), round(b, 6)]}}
        for i, (a, b) in enumerate(zip(lon, lat))]}, sys.stdout)


def mode_bench(path, radius_km, nv=256):
    fc = json.load(open(path))
    pts = np.array([f["geometry"]["coordinates"][:2] for f in fc["features"]], dtype=float)
    n = len(pts)
    t0 = time.perf_counter()
    az = np.linspace(0, 360, nv, endpoint=False)
    x, y, _ = GEOD.fwd(np.repeat(pts[:, 0], nv), np.repeat(pts[:, 1], nv), np.tile(az, n),
                       np.full(n * nv, radius_km * 1000.0))
    circles = shapely.polygons(np.stack([x.reshape(n, nv), y.reshape(n, nv)], 2))
    union = shapely.union_all(circles)
    area, perimeter = GEOD.geometry_area_perimeter(shapely.orient_polygons(union))
    t1 = time.perf_counter()
    parts = getattr(union, "geoms", [union])
    print(f"sites={n} area_km2={abs(area) / 1e6:.1f} perimeter_km={perimeter / 1000:.1f} parts={len(parts)} "
          f"holes={sum(len(p.interiors) for p in parts)} seconds={t1 - t0:.2f}")


def mode_batch(inp, out):
    cases = json.load(open(inp))["cases"]
    results = [run_case(c) for c in cases]
    json.dump({"results": results}, open(out, "w"))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "sites":
        mode_sites(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 11)
    elif len(sys.argv) >= 4 and sys.argv[1] == "bench":
        mode_bench(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 256)
    elif len(sys.argv) == 4 and sys.argv[1] == "batch":
        mode_batch(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
