#!/usr/bin/env python3
"""Oracles for the incursion fields, independent of Perimeter's code (pyproj's Geod, GeographicLib).

usage: incursion_fields.py horizon IN.json OUT.json
       incursion_fields.py closest IN.json OUT.json
       incursion_fields.py meridian IN.json OUT.json

horizon: altitude-aware coverage of a track flying north along a meridian at constant speed.
  IN: {"cases": [{"site": [lon, lat], "range_m": R, "radar_h_m": H, "start": [lon, lat],
                  "speed_ms": v, "duration_s": T, "alt0_m": h0, "alt1_m": h1, "t0": epoch}]}
  ("sites": [[lon, lat], ...] instead of "site": covered when within reach of any of them.)
  The aircraft is at Geod.fwd(start, azimuth 0, v·t) at time t0 + t (the meridian: a geodesic), at
  altitude h0 + (h1 − h0)·t/T. It is covered when the geodesic distance to the site is below
  min(R, √(2kRe·H) + √(2kRe·h)), k = 4/3, Re = 6,371,008.8 m. The covered intervals are found by a
  1 s scan of the sign and bisection to 1e-6 s.
  OUT: {"results": [{"intervals": [[start, end], ...], "covered_s": total}]}

meridian: the fixes of the horizon model's track, for tests that feed it to the CLI.
  IN: {"cases": [{"start": [lon, lat], "speed_ms": v, "duration_s": T, "step_s": dt, "alt0_m": h0,
                  "alt1_m": h1, "t0": epoch}]}
  OUT: {"results": [{"fixes": [[time, lon, lat, alt], ...]}]}  (every dt seconds from 0 to T)

closest: least geodesic distance from a geodesic track segment to a point (a polygon's vertex).
  IN: {"cases": [{"point": [lon, lat], "start": [lon, lat], "azimuth": az, "length_m": L,
                  "speed_ms": v, "t0": epoch}]}
  The track runs from start along the geodesic of azimuth az for L metres at speed v. The distance
  to the point is minimised by golden-section search over the distance along (after a 100 m scan),
  both with GeographicLib's Geodesic.WGS84 (and pyproj's Geod, which must agree to 1 mm).
  OUT: {"results": [{"distance_m": d, "time": t, "lon": lon, "lat": lat}]}
"""
import json
import math
import sys

from geographiclib.geodesic import Geodesic
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
RE = 6_371_008.8
K = 4.0 / 3.0


def horizon(h_radar, h_target):
    return math.sqrt(2 * K * RE * max(h_radar, 0)) + math.sqrt(2 * K * RE * max(h_target, 0))


def horizon_case(c):
    sites = c["sites"] if "sites" in c else [c["site"]]
    lon0, lat0 = c["start"]
    v, T = c["speed_ms"], c["duration_s"]
    h0, h1 = c["alt0_m"], c["alt1_m"]

    def margin(t):
        lon, lat, _ = GEOD.fwd(lon0, lat0, 0.0, v * t)
        d = min(GEOD.inv(slon, slat, lon, lat)[2] for slon, slat in sites)
        h = h0 + (h1 - h0) * t / T
        return d - min(c["range_m"], horizon(c["radar_h_m"], h))

    def root(a, b, ga):
        for _ in range(80):
            m = 0.5 * (a + b)
            if (margin(m) < 0) == (ga < 0):
                a = m
            else:
                b = m
            if b - a < 1e-6:
                break
        return 0.5 * (a + b)

    intervals = []
    t, g = 0.0, margin(0.0)
    start = 0.0 if g < 0 else None
    n = int(math.ceil(T))
    for k in range(1, n + 1):
        t1 = min(T, float(k))
        g1 = margin(t1)
        if (g < 0) != (g1 < 0):
            r = root(t, t1, g)
            if g < 0:
                intervals.append([c["t0"] + start, c["t0"] + r])
                start = None
            else:
                start = r
        t, g = t1, g1
    if start is not None:
        intervals.append([c["t0"] + start, c["t0"] + T])
    return {"intervals": intervals, "covered_s": sum(b - a for a, b in intervals)}


def meridian_case(c):
    lon0, lat0 = c["start"]
    v, T, dt = c["speed_ms"], c["duration_s"], c["step_s"]
    h0, h1 = c["alt0_m"], c["alt1_m"]
    fixes = []
    for k in range(int(math.floor(T / dt + 1e-9)) + 1):
        t = k * dt
        lon, lat, _ = GEOD.fwd(lon0, lat0, 0.0, v * t)
        fixes.append([c["t0"] + t, lon, lat, h0 + (h1 - h0) * t / T])
    return {"fixes": fixes}


def closest_case(c):
    plon, plat = c["point"]
    lon0, lat0 = c["start"]
    az, L = c["azimuth"], c["length_m"]
    line = Geodesic.WGS84.Line(lat0, lon0, az)

    def at(s):
        p = line.Position(s)
        return p["lon2"], p["lat2"]

    def dist(s):
        lon, lat = at(s)
        return Geodesic.WGS84.Inverse(plat, plon, lat, lon)["s12"]

    steps = max(2, int(L // 100))
    best = min(range(steps + 1), key=lambda k: dist(L * k / steps))
    lo, hi = max(0.0, L * (best - 1) / steps), min(L, L * (best + 1) / steps)
    g = (math.sqrt(5) - 1) / 2
    x1, x2 = hi - g * (hi - lo), lo + g * (hi - lo)
    f1, f2 = dist(x1), dist(x2)
    for _ in range(200):
        if f1 < f2:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - g * (hi - lo)
            f1 = dist(x1)
        else:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + g * (hi - lo)
            f2 = dist(x2)
    s = 0.5 * (lo + hi)
    lon, lat = at(s)
    d = dist(s)
    _, _, d_pyproj = GEOD.inv(plon, plat, lon, lat)
    if abs(d - d_pyproj) > 1e-3:
        raise SystemExit(f"GeographicLib and pyproj disagree: {d} vs {d_pyproj}")
    return {"distance_m": d, "time": c["t0"] + s / c["speed_ms"], "lon": lon, "lat": lat, "along_m": s}


def main(argv):
    solvers = {"horizon": horizon_case, "closest": closest_case, "meridian": meridian_case}
    if len(argv) != 4 or argv[1] not in solvers:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[2], encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    solve = solvers[argv[1]]
    with open(argv[3], "w", encoding="utf-8") as f:
        json.dump({"results": [solve(c) for c in cases]}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
