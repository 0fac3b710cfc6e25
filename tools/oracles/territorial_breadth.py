#!/usr/bin/env python3
"""territorial_breadth.py AIRSPACE.geojson COUNTRIES.geojson ISO2 [N] — how far the outer edge of a shipped
airspace lies from its state's land, measured independently of Perimeter (shapely + pyproj).

N (default 200) vertices of the airspace's boundary are drawn with numpy seed 1; for each, the state's land
(the countries.geojson feature with that iso2, moved by ±360° where it lies across the antimeridian from the
vertex) is projected into an azimuthal equidistant projection centred on the vertex (exact distances from
the centre) and the distance to it taken. Vertices on land borders (closer than 1 km) and on the ±180° cut are
skipped. Prints JSON: {"n", "min_m", "median_m", "max_m"}. The territorial sea's outer edge should lie at the
breadth (12 NM = 22,224 m) less the buffer's chord error.
"""
import json
import sys

import numpy as np
import pyproj
import shapely
from shapely.geometry import Point, shape


def main() -> None:
    air_path, countries_path, iso = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    air = shapely.union_all([shape(f["geometry"]) for f in json.load(open(air_path))["features"]])
    land = shapely.union_all([shape(f["geometry"]) for f in json.load(open(countries_path))["features"]
                              if f["properties"].get("iso2") == iso and "id" not in f["properties"]])
    shifted = {d: shapely.transform(land, lambda c, d=d: c + np.array([d, 0.0])) for d in (-360.0, 0.0, 360.0)}
    pts = shapely.get_coordinates(air.boundary)
    idx = np.random.default_rng(1).choice(len(pts), min(n, len(pts)), replace=False)
    ds = []
    for lon, lat in pts[idx]:
        if abs(abs(lon) - 180) < 1e-9:
            continue
        window = shapely.box(lon - 3, lat - 1.5, lon + 3, lat + 1.5)
        near = shapely.union_all([g.intersection(window) for g in shifted.values()])
        if near.is_empty:
            continue
        t = pyproj.Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84", always_xy=True)
        d = shapely.transform(near, lambda c: np.column_stack(t.transform(c[:, 0], c[:, 1]))).distance(Point(0, 0))
        if d > 1000:
            ds.append(d)
    a = np.array(ds)
    print(json.dumps({"n": int(len(a)), "min_m": float(a.min()), "median_m": float(np.median(a)), "max_m": float(a.max())}))


if __name__ == "__main__":
    main()
