#!/usr/bin/env python3
"""Independent check (pyproj + shapely, optionally GMT's GSHHG) of `perimeter compare`'s regions, frontier
and assets. Used by CompareRegionsCommandTests; runs on any compare output folder.

usage: compare_regions.py OUT_DIR GEODATA_DIR ASSET [ASSET ...]

Prints one JSON object:
- regions: per protected region its interior ring count, and (for regions of several countries) the length of
  its boundary running along the interior of the Poland-Ukraine border (within 300 m of it, 2 km from its ends):
  a merge that left slivers or gaps has boundary there;
- frontier: per perimeter the sum of its parts and the region's boundary, both pyproj Geod lengths;
- sea: per perimeter the largest geodesic distance from a vertex of a "sea" part to the GSHHG shoreline
  (full resolution from `gmt coast -Df -W -A0/1/1` when GMT is installed, else GeoData/coast.geojson;
  `shoreline` names which), found in shapely and measured with Geod.inv to the nearest shoreline point
  (an upper bound of the true distance);
- assets: for each named ASSET and perimeter, the region test (shapely), and per exposed neighbour the
  geodesic distance to the nearest point of its frontier: edges screened in an azimuthal equidistant
  projection, then a golden-section search along each candidate geodesic edge with Geod.fwd/Geod.inv.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import pyproj
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiLineString, Point, shape

GEOD = pyproj.Geod(ellps="WGS84")


def aeqd(lon0, lat0):
    crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m"
    t = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    return lambda g: shapely.transform(g, lambda c: np.column_stack(t.transform(c[:, 0], c[:, 1])))


def glen(g) -> float:
    return sum(GEOD.geometry_length(p) for p in shapely.get_parts(g))


def shoreline(geodata, bounds):
    w, s, e, n = bounds
    if shutil.which("gmt"):
        with tempfile.TemporaryDirectory() as td:
            txt = subprocess.run(["gmt", "coast", "-Df", "-W", "-M", "-A0/1/1", f"-R{w - 0.5}/{e + 0.5}/{s - 0.5}/{n + 0.5}"],
                                 cwd=td, env=dict(os.environ, GMT_TMPDIR=td), capture_output=True, text=True, check=True).stdout
        segs, cur = [], None
        for line in txt.splitlines():
            if line.startswith(">"):
                cur = []
                segs.append(cur)
            elif line.strip():
                a, b = line.split()[:2]
                cur.append((float(a), float(b)))
        return MultiLineString([s for s in segs if len(s) > 1]), "GSHHG full resolution (gmt coast -Df -W -A0/1/1)"
    lines = []
    for f in json.load(open(os.path.join(geodata, "coast.geojson")))["features"]:
        lines += list(shapely.get_parts(shape(f["geometry"])))
    return MultiLineString(lines), "GeoData/coast.geojson (GMT not installed)"


def nearest_on_edge(p, a, b):
    az, _, s = GEOD.inv(a[0], a[1], b[0], b[1])
    if s < 0.001:
        return GEOD.inv(p[0], p[1], a[0], a[1])[2]

    def f(t):
        lon, lat, _ = GEOD.fwd(a[0], a[1], az, t)
        return GEOD.inv(p[0], p[1], lon, lat)[2]
    lo, hi = 0.0, s
    g = (5 ** 0.5 - 1) / 2
    x1, x2 = hi - g * (hi - lo), lo + g * (hi - lo)
    f1, f2 = f(x1), f(x2)
    while hi - lo > 0.001:
        if f1 <= f2:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - g * (hi - lo)
            f1 = f(x1)
        else:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + g * (hi - lo)
            f2 = f(x2)
    return min(f(0.0), f(s), f((lo + hi) / 2))


def distance_to_lines(p, geom):
    fw = aeqd(p[0], p[1])
    xy = fw(geom)
    q = Point(0, 0)
    best = xy.distance(q)
    out = float("inf")
    for line, line_xy in zip(shapely.get_parts(geom), shapely.get_parts(xy)):
        c, cxy = np.asarray(line.coords), np.asarray(line_xy.coords)
        for i in range(len(c) - 1):
            if LineString(cxy[i:i + 2]).distance(q) <= best * 1.001 + 50:
                out = min(out, nearest_on_edge(p, c[i], c[i + 1]))
    return out


def main() -> None:
    out, geodata, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    regions = {f["properties"]["perimeter"]: shape(f["geometry"])
               for f in json.load(open(os.path.join(out, "regions.geojson")))["features"]
               if f["properties"].get("role") == "protected_region"}
    members = {f["properties"]["perimeter"]: f["properties"]["members"]
               for f in json.load(open(os.path.join(out, "regions.geojson")))["features"]
               if f["properties"].get("role") == "protected_region"}
    border = None
    for f in json.load(open(os.path.join(geodata, "borders.geojson")))["features"]:
        if f["properties"]["pair"] in ("PL-UA", "UA-PL"):
            border = shape(f["geometry"])
    result = {"regions": {}, "frontier": {}, "sea": {}, "assets": {}}
    for name, g in regions.items():
        c = g.centroid
        fw = aeqd(c.x, c.y)
        r = {"interior_rings": int(sum(len(p.interiors) for p in shapely.get_parts(g)))}
        if len(members[name]) > 1:
            bxy = fw(border)
            ends = shapely.union_all([Point(p.coords[0]).buffer(1) for p in shapely.get_parts(bxy)] +
                                     [Point(p.coords[-1]).buffer(1) for p in shapely.get_parts(bxy)]).buffer(2000)
            zone = bxy.difference(ends).buffer(300)
            r["boundary_along_pl_ua_border_km"] = fw(g.boundary).intersection(zone).length / 1000
        result["regions"][name] = r
    frontier = json.load(open(os.path.join(out, "frontier.geojson")))["features"]
    for name, g in regions.items():
        parts = [f for f in frontier if f["properties"]["perimeter"] == name]
        result["frontier"][name] = {"parts_sum_km": sum(glen(shape(f["geometry"])) for f in parts) / 1000,
                                    "boundary_km": glen(g.boundary) / 1000}
        sea = [shape(f["geometry"]) for f in parts if f["properties"]["neighbour"] == "sea"]
        if sea:
            pts = np.vstack([shapely.get_coordinates(s) for s in sea])
            shore, source = shoreline(geodata, shapely.MultiPoint(pts).bounds)
            lon0, lat0 = pts.mean(axis=0)
            fw = aeqd(lon0, lat0)
            inv = pyproj.Transformer.from_crs(f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m",
                                              "EPSG:4326", always_xy=True)
            shore_xy = fw(shore)
            tree = shapely.STRtree(list(shapely.get_parts(shore_xy)))
            parts_ll = list(shapely.get_parts(shore))
            worst = 0.0
            for lon, lat in pts:
                pxy = fw(Point(lon, lat))
                i = int(tree.query_nearest(pxy)[0])
                near_xy = shapely.ops.nearest_points(tree.geometries[i], pxy)[0]
                # the nearest point back to lon/lat, then the true geodesic distance to it
                qlon, qlat = inv.transform(near_xy.x, near_xy.y)
                worst = max(worst, GEOD.inv(lon, lat, qlon, qlat)[2])
            result["sea"][name] = {"vertices": int(len(pts)), "max_distance_m": worst, "shoreline": source}
    assets = {f["properties"]["name"]: f["geometry"]["coordinates"]
              for f in json.load(open(os.path.join(geodata, "assets.geojson")))["features"]}
    for a in names:
        p = assets[a]
        for name, g in regions.items():
            row = {"in_region": bool(g.contains(Point(p))), "distances_km": {}}
            if row["in_region"]:
                for f in frontier:
                    fp = f["properties"]
                    if fp["perimeter"] == name and fp["exposed"]:
                        row["distances_km"][fp["neighbour"]] = distance_to_lines(p, shape(f["geometry"])) / 1000
            result["assets"].setdefault(a, {})[name] = row
    print(json.dumps(result))


if __name__ == "__main__":
    main()
