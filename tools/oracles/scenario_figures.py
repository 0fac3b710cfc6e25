#!/usr/bin/env python3
"""Independent figures for a scenario's tracks (test oracle for `perimeter incursions --scenario`).

usage: scenario_figures.py SCENARIO.geojson AIRSPACE.geojson [AIRSPACE.geojson …]
Prints JSON: {track_id: {airspace_file_stem: {"dwell_s", "path_km", "max_depth_km", "ever_inside",
"ends_inside"}}}. Segments are straight in lon/lat with time linear along each (reference_dwell.py's
rule); crossings are exact (shapely). Depth: each segment's inside part sampled every ≤ 50 m, the
distance to the airspace boundary measured in an azimuthal equidistant projection centred on the
sample (pyproj; distances from the centre are geodesic), nearest boundary point from shapely.
Longitudes must not cross ±180° (the scenarios this serves do not).
"""
import json, sys
from pathlib import Path
import numpy as np
import pyproj, shapely, shapely.affinity
from shapely.geometry import shape, LineString, Point

GEOD = pyproj.Geod(ellps="WGS84")


def main():
    scenario, files = sys.argv[1], sys.argv[2:]
    fc = json.load(open(scenario))
    polys = {Path(f).stem: shapely.union_all([shape(x["geometry"]) for x in json.load(open(f))["features"]]) for f in files}
    for p in polys.values():
        shapely.prepare(p)
    out = {}
    for feat in fc["features"]:
        tid = feat["properties"]["track_id"]
        from datetime import datetime
        ts = [datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp() for t in feat["properties"]["times"]]
        cs = feat["geometry"]["coordinates"]
        res = {}
        for name, poly in polys.items():
            dwell = path = 0.0
            depth = 0.0
            boundary = poly.boundary
            samples = []
            for (x1, y1), (x2, y2), t1, t2 in zip(cs, cs[1:], ts, ts[1:]):
                seg = LineString([(x1, y1), (x2, y2)])
                if seg.length == 0:
                    continue
                part = seg.intersection(poly)
                if part.is_empty:
                    continue
                dwell += (t2 - t1) * part.length / seg.length
                for g in getattr(part, "geoms", [part]):
                    if g.geom_type != "LineString":
                        continue
                    path += GEOD.geometry_length(g)
                    n = max(1, int(np.ceil(GEOD.geometry_length(g) / 50)))
                    samples.extend(g.interpolate(np.linspace(0, 1, n + 1), normalized=True))
            if samples:
                # Rough distances (lon scaled by cos lat) pick the 20 deepest samples; those are measured exactly.
                lat0 = np.radians(np.mean([q.y for q in samples]))
                scaled = shapely.affinity.scale(boundary, xfact=np.cos(lat0), yfact=1, origin=(0, 0))
                rough = shapely.distance(scaled, [Point(q.x * np.cos(lat0), q.y) for q in samples])
                for i in np.argsort(-rough)[:20]:
                    depth = max(depth, boundary_distance_km(samples[i].x, samples[i].y, boundary))
            res[name] = {"dwell_s": dwell, "path_km": path / 1000, "max_depth_km": depth,
                         "ever_inside": dwell > 0, "ends_inside": poly.contains(Point(cs[-1]))}
        out[tid] = res
    print(json.dumps(out, indent=1, sort_keys=True))


def boundary_distance_km(lon, lat, boundary):
    local = pyproj.Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84 +units=m", always_xy=True)
    near = boundary.intersection(Point(lon, lat).buffer(1.0))   # boundary within ~1° (depths here are < 50 km)
    if near.is_empty:
        near = boundary
    xy = shapely.transform(near, lambda c: np.column_stack(local.transform(c[:, 0], c[:, 1])))
    return shapely.distance(Point(0, 0), xy) / 1000


if __name__ == "__main__":
    main()
