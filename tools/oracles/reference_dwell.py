#!/usr/bin/env python3
"""Perimeter's dwell-time oracle: seconds each track spends inside a polygon, with shapely 2.

usage: reference_dwell.py TRACKS.csv POLYGON.geojson [--iso2 XX] > dwell.csv

TRACKS.csv has the columns track_id,time,lon,lat (time in epoch seconds; as make_tracks.py
writes, track ids 0..M-1, each track's fixes together and in time order). POLYGON.geojson is a
Feature, a geometry or a FeatureCollection: every Polygon and MultiPolygon in it is merged; with
--iso2 only the features whose `iso2` property equals XX (as in GeoData/countries.geojson).

What is measured, independently of Perimeter's code: between two consecutive fixes of a track the
aircraft moves along the straight line in lon/lat at constant speed, so the time inside is the
segment's time step times the fraction of its lon/lat length that lies inside the polygon
(boundary included). For 10 s steps this differs from a geodesic segment by far less than 0.01 s
per crossing. Output: `track_id,dwell_s` with 3 decimals, one row per track; a summary on stderr.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape


def read_polygon(path: str, iso2: str | None):
    with open(path, encoding="utf-8") as f:
        root = json.load(f)
    if root.get("type") == "FeatureCollection":
        features = root["features"]
    elif root.get("type") == "Feature":
        features = [root]
    else:
        features = [{"type": "Feature", "properties": {}, "geometry": root}]
    if iso2 is not None:
        features = [f for f in features if (f.get("properties") or {}).get("iso2") == iso2]
    parts = [shape(f["geometry"]) for f in features
             if f.get("geometry") and f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
    if not parts:
        raise SystemExit(f"{path}: no Polygon or MultiPolygon" + (f" with iso2={iso2}" if iso2 else ""))
    return shapely.union_all(parts)


def dwell_per_track(track, t, lon, lat, polygon):
    """Seconds inside `polygon` for every track id 0..max(track)."""
    n_tracks = int(track.max()) + 1
    totals = np.zeros(n_tracks)
    same_track = track[1:] == track[:-1]
    a = np.column_stack([lon[:-1], lat[:-1]])[same_track]
    b = np.column_stack([lon[1:], lat[1:]])[same_track]
    owner = track[:-1][same_track]
    step = (t[1:] - t[:-1])[same_track]

    # Step 1: where each fix lies (covers: the boundary counts as inside).
    shapely.prepare(polygon)
    inside_a = shapely.intersects_xy(polygon, a[:, 0], a[:, 1])
    inside_b = shapely.intersects_xy(polygon, b[:, 0], b[:, 1])
    segments = shapely.linestrings(np.stack([a, b], axis=1))

    # Step 2: segments that may cross the boundary are measured exactly; the rest are all in or all out.
    edge = polygon.boundary
    shapely.prepare(edge)
    crossing = (inside_a != inside_b) | shapely.intersects(edge, segments)
    whole = inside_a & inside_b & ~crossing
    np.add.at(totals, owner[whole], step[whole])

    idx = np.nonzero(crossing)[0]
    lengths = shapely.length(segments[idx])
    inside_lengths = shapely.length(shapely.intersection(segments[idx], polygon))
    moving = lengths > 0
    fraction = np.where(moving, inside_lengths / np.where(moving, lengths, 1.0), inside_a[idx].astype(float))
    np.add.at(totals, owner[idx], step[idx] * np.clip(fraction, 0.0, 1.0))
    return totals


def main(argv) -> int:
    args = argv[1:]
    iso2 = None
    if "--iso2" in args:
        i = args.index("--iso2")
        iso2 = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    started = time.perf_counter()
    polygon = read_polygon(args[1], iso2)
    df = pd.read_csv(args[0], dtype={"track_id": np.int64, "time": np.float64, "lon": np.float64, "lat": np.float64})
    loaded = time.perf_counter()
    totals = dwell_per_track(df.track_id.to_numpy(), df.time.to_numpy(), df.lon.to_numpy(), df.lat.to_numpy(), polygon)
    done = time.perf_counter()
    sys.stdout.write("track_id,dwell_s\n" + "".join(f"{i},{v:.3f}\n" for i, v in enumerate(totals)))
    print(f"fixes={len(df)} tracks={len(totals)} load_s={loaded - started:.2f} compute_s={done - loaded:.2f} "
          f"total_dwell_s={totals.sum():.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
