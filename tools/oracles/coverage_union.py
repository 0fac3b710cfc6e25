#!/usr/bin/env python3
"""Perimeter's coverage-union oracle: geodesic range circles with pyproj, their union with shapely 2.

usage: coverage_union.py SITES.geojson [RADIUS_KM] [VERTICES]

Every Point of SITES.geojson is the centre of a geodesic circle of RADIUS_KM (default 100) on the
WGS84 ellipsoid, drawn with VERTICES vertices (default 256) by pyproj.Geod.fwd. The circles are
merged with shapely.union_all and the union's geodesic area and perimeter are computed by
pyproj (Geod.geometry_area_perimeter, Karney's algorithm). The sites must stay clear of the poles
and of the antimeridian (the rings are built in plain lon/lat). Prints one line:
`sites=N area_km2=… perimeter_km=… parts=… holes=… seconds=…`.
"""
import json
import sys
import time

import numpy as np
import shapely
from pyproj import Geod


def read_sites(path: str):
    with open(path, encoding="utf-8") as f:
        root = json.load(f)
    points = [f["geometry"]["coordinates"][:2] for f in root["features"]
              if f.get("geometry") and f["geometry"]["type"] == "Point"]
    if not points:
        raise SystemExit(f"{path}: no Point features")
    return np.array(points, dtype=float)


def union_of_circles(sites, radius_m: float, vertices: int):
    geod = Geod(ellps="WGS84")
    n = len(sites)
    azimuths = np.linspace(0.0, 360.0, vertices, endpoint=False)
    lon, lat, _ = geod.fwd(np.repeat(sites[:, 0], vertices), np.repeat(sites[:, 1], vertices),
                           np.tile(azimuths, n), np.full(n * vertices, radius_m))
    rings = np.stack([lon.reshape(n, vertices), lat.reshape(n, vertices)], axis=2)
    union = shapely.union_all(shapely.polygons(rings))
    area, perimeter = geod.geometry_area_perimeter(shapely.orient_polygons(union))
    return union, abs(area), perimeter


def main(argv) -> int:
    if not 2 <= len(argv) <= 4:
        print("usage: coverage_union.py SITES.geojson [RADIUS_KM] [VERTICES]", file=sys.stderr)
        return 2
    sites = read_sites(argv[1])
    radius_m = float(argv[2]) * 1000.0 if len(argv) > 2 else 100_000.0
    vertices = int(argv[3]) if len(argv) > 3 else 256
    started = time.perf_counter()
    union, area, perimeter = union_of_circles(sites, radius_m, vertices)
    seconds = time.perf_counter() - started
    parts = list(getattr(union, "geoms", [union]))
    print(f"sites={len(sites)} area_km2={area / 1e6:.1f} perimeter_km={perimeter / 1000:.1f} parts={len(parts)} "
          f"holes={sum(len(p.interiors) for p in parts)} seconds={seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
