#!/usr/bin/env python3
"""Perimeter's deterministic site workload for the coverage tests and benchmark.

usage: make_sites.py N > sites_N.geojson

N sensor sites as a GeoJSON FeatureCollection of Points with the property `id` (0..N-1),
positions rounded to 6 decimals. Drawn by numpy's PCG64 generator with seed 11: first N
longitudes uniform in [22, 36) degrees east, then N latitudes uniform in [46, 52.5) degrees
north (Ukraine and its neighbours; with 100 km ranges 100 sites overlap into one region with
holes). The same N always gives the same file, byte for byte.
"""
import json
import sys

import numpy as np

SEED = 11


def sites(n: int):
    rng = np.random.default_rng(SEED)
    lon = rng.uniform(22.0, 36.0, n)
    lat = rng.uniform(46.0, 52.5, n)
    return [(round(float(x), 6), round(float(y), 6)) for x, y in zip(lon, lat)]


def feature_collection(points):
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": i}, "geometry": {"type": "Point", "coordinates": [x, y]}}
        for i, (x, y) in enumerate(points)]}


def main(argv) -> int:
    if len(argv) != 2 or not argv[1].isdigit() or int(argv[1]) == 0:
        print("usage: make_sites.py N > sites_N.geojson", file=sys.stderr)
        return 2
    json.dump(feature_collection(sites(int(argv[1]))), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
