"""Independent check of `perimeter compare`'s continuous belts and site placement (pyproj + shapely).

usage: belt_check.py OUT_DIR GEODATA_DIR [--sample-km 1] [--candidate-km 1]

Reads the layers `perimeter compare` wrote (lines.geojson: forward lines; sites.geojson; comparison.json
for the standoff) and GeoData's countries.geojson and dnipro.geojson, and prints JSON:

- "belts": for every perimeter × profile × target altitude with a belt: the forward line sampled every
  SAMPLE_KM (geodesic, pyproj Geod), the geodesic distance of each sample to its nearest belt site, the
  samples farther than the effective radius ("uncovered_km"), and, independently of Perimeter's code, a
  greedy placement: its own site line (shapely offset_curve of the forward line by the standoff in an
  azimuthal equidistant projection centred on the line, on the side with more of it inside the protected
  region), candidates every CANDIDATE_KM along it inside the region, and greedily at each first uncovered
  sample the candidate reaching it that covers the longest run of samples ahead. "greedy_sites" is its count
  and "greedy_unreachable_km" the line its candidates cannot reach; "ours_uncovered_reachable_km" is line the
  oracle's candidates reach but our belt leaves uncovered.
- "sites": every site of every layout with the countries containing it and whether it is in the region.

The protected region is Poland ("polish-border" and user lines) or Poland plus the piece of Ukraine west of
the Dnipro that holds Lviv ("dnipro"), rebuilt here with shapely.ops.split.
"""
import json, sys, os, argparse
import numpy as np
import shapely
from shapely.geometry import shape, Point, LineString, MultiLineString
from shapely.ops import split
import pyproj

ap = argparse.ArgumentParser()
ap.add_argument("out"); ap.add_argument("geodata")
ap.add_argument("--sample-km", type=float, default=1.0)
ap.add_argument("--candidate-km", type=float, default=1.0)
args = ap.parse_args()
geod = pyproj.Geod(ellps="WGS84")

def load(name):
    return json.load(open(os.path.join(args.out, name)))

countries = {}
for f in json.load(open(os.path.join(args.geodata, "countries.geojson")))["features"]:
    countries[f["properties"].get("id") or f["properties"]["iso2"]] = shape(f["geometry"])
river = shape(json.load(open(os.path.join(args.geodata, "dnipro.geojson")))["features"][0]["geometry"])
lviv = Point(24.03, 49.84)
ua_west = next(p for p in split(countries["UA"], river).geoms if p.contains(lviv))
regions = {"dnipro": shapely.union(countries["PL"], ua_west)}
def region_of(perimeter):
    return regions.get(perimeter, countries["PL"])

def parts(geom):
    g = shape(geom)
    return [list(g.coords)] if isinstance(g, LineString) else [list(l.coords) for l in g.geoms]

def sample(coords, step_m):
    """Points every step_m along a polyline of geodesic edges, ends included."""
    out = [coords[0]]
    carry = 0.0
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        az, _, d = geod.inv(x1, y1, x2, y2)
        s = step_m - carry
        while s < d:
            lon, lat, _ = geod.fwd(x1, y1, az, s)
            out.append((lon, lat)); s += step_m
        carry = d - (s - step_m)
    out.append(coords[-1])
    return out

def dist_matrix(points, sites):
    """Geodesic distances, metres: rows points, columns sites."""
    p = np.array(points, dtype=float); s = np.array(sites, dtype=float)
    if len(s) == 0:
        return np.full((len(p), 0), np.inf)
    lon1 = np.repeat(p[:, 0], len(s)); lat1 = np.repeat(p[:, 1], len(s))
    lon2 = np.tile(s[:, 0], len(p)); lat2 = np.tile(s[:, 1], len(p))
    _, _, d = geod.inv(lon1, lat1, lon2, lat2)
    return np.asarray(d).reshape(len(p), len(s))

def site_line(coords, standoff_m, region):
    lon0 = (min(c[0] for c in coords) + max(c[0] for c in coords)) / 2
    lat0 = (min(c[1] for c in coords) + max(c[1] for c in coords)) / 2
    aeqd = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +ellps=WGS84 +units=m")
    fwd = pyproj.Transformer.from_crs("EPSG:4326", aeqd, always_xy=True).transform
    inv = pyproj.Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True).transform
    def along(f):
        return lambda xy: np.column_stack(f(xy[:, 0], xy[:, 1]))
    line = shapely.transform(LineString(coords), along(fwd))
    best = None
    for sign in (1, -1):
        off = shapely.offset_curve(line, sign * standoff_m, quad_segs=8, join_style="round")
        pieces = [off] if isinstance(off, LineString) else list(off.geoms)
        longest = max(pieces, key=lambda g: g.length)
        ll = shapely.transform(longest, along(inv))
        inside = sum(region.contains(Point(c)) for c in ll.coords) / len(ll.coords)
        if best is None or inside > best[0]:
            best = (inside, list(ll.coords))
    return best[1]

def greedy(cover):
    """cover: bool matrix candidates × samples. Returns (count, unreachable sample mask)."""
    n = cover.shape[1]
    covered = np.zeros(n, bool); unreachable = np.zeros(n, bool)
    count = 0; i = 0
    while i < n:
        if covered[i] or unreachable[i]:
            i += 1; continue
        cands = np.nonzero(cover[:, i])[0]
        if len(cands) == 0:
            unreachable[i] = True; i += 1; continue
        best, best_run = None, -1
        for k in cands:
            j = i + 1
            while j < n and not unreachable[j] and (covered[j] or cover[k, j]):
                j += 1
            if j - i >= best_run:
                best, best_run = k, j - i
        covered |= cover[best]; count += 1
    return count, unreachable

comparison = load("comparison.json")
standoff_m = comparison["inputs"]["standoff_km"]["value"] * 1000
forward = {f["properties"]["perimeter"]: parts(f["geometry"])
           for f in load("lines.geojson")["features"] if f["properties"]["role"] == "forward_line"}
sites = load("sites.geojson")["features"]
step = args.sample_km * 1000
result = {"belts": [], "sites": []}
for perimeter, line_parts in forward.items():
    region = region_of(perimeter)
    samples = [p for part in line_parts for p in sample(part, step)]
    # Each sample stands for the line up to half-way to its neighbours (within a part).
    weights = []
    for part in line_parts:
        s = sample(part, step)
        d = [0.0] + [geod.inv(a[0], a[1], b[0], b[1])[2] for a, b in zip(s, s[1:])]
        weights += [(d[k] + (d[k + 1] if k + 1 < len(d) else 0)) / 2 for k in range(len(s))]
    weights = np.array(weights)
    candidates = []
    for part in line_parts:
        sl = site_line(part, standoff_m, region)
        candidates += [c for c in sample(sl, args.candidate_km * 1000) if region.contains(Point(c))]
    cand_d = dist_matrix(candidates, samples).reshape(len(candidates), len(samples)) if candidates else np.zeros((0, len(samples)))
    belts = {}
    for f in sites:
        p = f["properties"]
        if p["perimeter"] == perimeter and p["layout"] == "belt":
            belts.setdefault((p["profile"], p["target_alt_m"], p["effective_radius_km"]), []).append(f["geometry"]["coordinates"])
    for (profile, alt, radius_km), pts in belts.items():
        r = radius_km * 1000
        nearest = dist_matrix(samples, pts).min(axis=1)
        uncovered = nearest > r
        count, unreachable = greedy(cand_d <= r) if len(candidates) else (0, np.ones(len(samples), bool))
        result["belts"].append({
            "perimeter": perimeter, "profile": profile, "target_alt_m": alt, "effective_radius_km": radius_km,
            "sites": len(pts), "samples": len(samples), "max_nearest_km": float(nearest.max()) / 1000,
            "uncovered_samples": int(uncovered.sum()), "uncovered_km": float(weights[uncovered].sum()) / 1000,
            "greedy_sites": count, "greedy_unreachable_km": float(weights[unreachable].sum()) / 1000,
            "ours_uncovered_reachable_km": float(weights[uncovered & ~unreachable].sum()) / 1000,
            "candidates": len(candidates)})
for f in sites:
    p = f["properties"]; pt = Point(f["geometry"]["coordinates"])
    result["sites"].append({"perimeter": p["perimeter"], "layout": p["layout"], "target_alt_m": p["target_alt_m"],
                            "lonlat": f["geometry"]["coordinates"],
                            "countries": sorted(k for k, g in countries.items() if g.contains(pt)),
                            "in_region": bool(region_of(p["perimeter"]).contains(pt))})
print(json.dumps(result))
