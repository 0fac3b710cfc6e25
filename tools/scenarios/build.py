#!/usr/bin/env python3
"""Builds GeoData/scenarios/*.geojson: incident tracks reconstructed from public reporting.

usage: build.py [GEODATA_DIR]   (default: the repository's GeoData)
Deterministic: fixed waypoints and speeds, fixes every 10 s along WGS84 geodesics (pyproj Geod),
times ISO 8601 UTC. Every figure is either a reported fact (citing the original publication) or
marked as an assumption in the file's properties. After writing,
each scenario's check is recomputed here with shapely (straight lon/lat segments) and printed, as a
cross-check of `perimeter incursions --scenario NAME`.

Metadata layout (documented in GeoData/README.md, "scenarios/"): the FeatureCollection carries a
foreign member "scenario" (name, title, date, airspaces, zones, inputs, assumptions, checks,
consistency, contested); GDAL and RFC 7946 readers ignore it. `checks` are pass/fail and use only
reported figures that did not shape the route; `consistency` lists reported figures that did (each
says how in `shaped_route`), printed but never pass/fail; `contested` objects are figures the sources
disagree on (printed, never pass/fail). Every track feature carries its own properties (track_id, times, speed, sources,
assumptions, scenario name), so GDAL users see the figures too.
"""
import json, os, sys
from datetime import datetime, timezone
from pyproj import Geod
import shapely
from shapely.geometry import shape, LineString, Point

GEOD = Geod(ellps="WGS84")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEODATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "GeoData")

def epoch(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()

def iso(t):
    d = datetime.fromtimestamp(round(t, 3), tz=timezone.utc)
    s = d.strftime("%Y-%m-%dT%H:%M:%S")
    ms = int(round((t - int(t)) * 1000)) % 1000
    return s + (f".{ms:03d}" if ms else "") + "Z"

def route(waypoints, speed_kmh, t0, dt=10.0):
    """Fixes every dt seconds along the geodesic legs between waypoints (lon, lat) at constant speed;
    the last waypoint is always a fix. Returns [(lon, lat, t)]."""
    v = speed_kmh / 3.6
    fixes = [(waypoints[0][0], waypoints[0][1], t0)]
    t, carry = t0, 0.0  # carry: metres already flown since the last fix
    for (lo1, la1), (lo2, la2) in zip(waypoints, waypoints[1:]):
        az, _, dist = GEOD.inv(lo1, la1, lo2, la2)
        s = dt * v - carry
        while s < dist - 1e-6:
            lo, la, _ = GEOD.fwd(lo1, la1, az, s)
            t_fix = fixes[-1][2] + dt
            fixes.append((lo, la, t_fix))
            s += dt * v
        carry = dist - (s - dt * v)
        t += dist / v
    last_t = t0 + sum(GEOD.inv(a[0], a[1], b[0], b[1])[2] for a, b in zip(waypoints, waypoints[1:])) / v
    if abs(last_t - fixes[-1][2]) > 1e-6:
        fixes.append((waypoints[-1][0], waypoints[-1][1], last_t))
    return fixes

def feature(track_id, fixes, props):
    p = {"track_id": track_id}
    p.update(props)
    p["times"] = [iso(t) for _, _, t in fixes]
    return {"type": "Feature", "properties": p,
            "geometry": {"type": "LineString", "coordinates": [[round(lo, 6), round(la, 6)] for lo, la, _ in fixes]}}

def airspace(iso2):
    f = os.path.join(GEODATA, "airspace", f"{iso2}.geojson")
    if os.path.exists(f):
        fc = json.load(open(f)); src = f"GeoData/airspace/{iso2}.geojson"
        geoms = [shape(x["geometry"]) for x in fc["features"]]
    else:
        fc = json.load(open(os.path.join(GEODATA, "countries.geojson"))); src = f"GeoData/countries.geojson ({iso2} land only)"
        geoms = [shape(x["geometry"]) for x in fc["features"]
                 if x["properties"].get("iso2") == iso2 and "id" not in x["properties"]]
    return shapely.union_all(geoms), src

def dwell(fixes, poly):
    """Seconds inside poly, straight lon/lat segments, time linear along each (reference_dwell.py's rule)."""
    total = 0.0
    for (x1, y1, t1), (x2, y2, t2) in zip(fixes, fixes[1:]):
        seg = LineString([(x1, y1), (x2, y2)])
        if seg.length == 0: continue
        part = seg.intersection(poly)
        total += (t2 - t1) * part.length / seg.length
    return total

def border_distance_km(lon, lat, poly):
    """Geodesic distance from (lon, lat) to the nearest point of poly's boundary (nearest found in lon/lat
    scaled by cos(lat), then measured on WGS84)."""
    import math
    k = math.cos(math.radians(lat))
    scaled = shapely.affinity.scale(poly.boundary, xfact=k, yfact=1, origin=(0, 0))
    near = shapely.ops.nearest_points(scaled, Point(lon * k, lat))[0]
    return GEOD.inv(lon, lat, near.x / k, near.y)[2] / 1000

def write(name, meta, features):
    os.makedirs(os.path.join(GEODATA, "scenarios"), exist_ok=True)
    path = os.path.join(GEODATA, "scenarios", f"{name}.geojson")
    with open(path, "w") as f:
        f.write('{"type":"FeatureCollection","name":' + json.dumps(name) + ',\n"scenario":' +
                json.dumps(meta, ensure_ascii=False) + ',\n"features":[\n' +
                ",\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in features) + "\n]}\n")
    return path

import shapely.affinity, shapely.ops

# ---------------------------------------------------------------- Estonia, 19 Sep 2025
ABC_WEST_KM = 125 * 1.609344   # "travelling nearly 125 miles west" (ABC) [U]

def path_inside_km(fixes, poly):
    """Geodesic km flown inside poly (straight lon/lat segments clipped with shapely, pieces measured on WGS84)."""
    total = 0.0
    for (x1, y1, _), (x2, y2, _) in zip(fixes, fixes[1:]):
        part = LineString([(x1, y1), (x2, y2)]).intersection(poly)
        for g in getattr(part, "geoms", [part]):
            if g.geom_type == "LineString" and not g.is_empty:
                total += GEOD.geometry_length(g)
    return total / 1000

def corridor_lat(lon, ee, fi):
    """Latitude halfway between Estonia's northernmost and Finland's southernmost airspace on the
    meridian `lon` (the middle of the Gulf of Finland corridor, from the GeoData airspace files)."""
    m = LineString([(lon, 58.0), (lon, 61.0)])
    top = max(c[1] for g in getattr(m.intersection(ee), "geoms", [m.intersection(ee)]) for c in g.coords)
    bottom = min(c[1] for g in getattr(m.intersection(fi), "geoms", [m.intersection(fi)]) for c in g.coords)
    return round((top + bottom) / 2, 4)

def along(wps, s_km):
    """The point s_km along the geodesic polyline wps, and the waypoints before it."""
    done = 0.0
    for k, ((lo1, la1), (lo2, la2)) in enumerate(zip(wps, wps[1:])):
        az, _, d = GEOD.inv(lo1, la1, lo2, la2)
        if done + d / 1000 >= s_km:
            lo, la, _ = GEOD.fwd(lo1, la1, az, (s_km - done) * 1000)
            return wps[:k + 1], (round(lo, 5), round(la, 5))
        done += d / 1000
    raise SystemExit("estonia: route shorter than the path asked for")

def estonia():
    name = "estonia-2025-09-19"
    speed = 950.0
    ee, _ = airspace("EE")
    fi, _ = airspace("FI")
    # Inside Estonian airspace: from the east in the Gulf of Finland corridor, in at the Vaindloo
    # bulge, west parallel to the coast about 0.045° (≈ 5 km) inside the computed territorial-sea
    # limit (the reported depth < 10 km shaped this), towards Tallinn.
    base = [(27.30, 59.93), (26.45, 59.887), (26.2, 59.882), (25.9, 59.803), (25.6, 59.769), (25.3, 59.739),
            (25.0, 59.777), (24.7, 59.686), (24.4, 59.655), (24.1, 59.573), (23.493, 59.44), (23.2, 59.44)]
    # Out: the turn point is placed so that the path flown inside Estonia is ABC's "nearly 125 miles
    # west" (201 km; it shaped the route, so it is consistency only); from there north-west into
    # the corridor and west along its middle out of the Gulf (escorted out), then south-west over
    # the open Baltic towards Kaliningrad (as reported), ending in international airspace.
    corridor = [(lon, corridor_lat(lon, ee, fi)) for lon in (23.1, 22.8, 22.5, 22.2, 22.0)]
    tail = corridor + [(21.5, 59.2), (20.8, 58.5)]
    def wps_for(s_km):
        head, turn = along(base, s_km)
        nxt = [c for c in corridor if c[0] < turn[0] - 0.1]
        return head + [turn] + [c for c in tail if c in nxt or c not in corridor]
    lo = 100.0
    hi = sum(GEOD.inv(a[0], a[1], b[0], b[1])[2] for a, b in zip(base, base[1:])) / 1000 - 0.01
    for _ in range(60):   # bisection on where the turn is: path inside EE = ABC's 201 km
        mid = (lo + hi) / 2
        inside = path_inside_km(route(wps_for(mid), speed, 0.0), ee)
        lo, hi = (mid, hi) if inside < ABC_WEST_KM else (lo, mid)
    wps = [(round(a, 5), round(b, 5)) for a, b in wps_for(round((lo + hi) / 2, 3))]
    t0 = epoch("2025-09-19T06:50:00Z")
    tracks = []
    for k, dlat in enumerate([0.0, 0.004, -0.004]):   # three MiG-31s in loose formation (~450 m apart)
        tracks.append((f"MiG-31 #{k + 1}", route([(a, b + dlat) for a, b in wps], speed, t0 + 2 * k)))
    err = "news.err.ee/1609806336; joint-forces.com/?p=85364"
    meta = {
        "name": name, "title": "Three MiG-31s in Estonian airspace near Vaindloo (about 12 minutes)",
        "date": "2025-09-19", "airspaces": ["EE"],
        "inputs": [
            {"figure": "entered near Vaindloo, 59°48′51″N 26°21′43″E, without permission", "source": f"{err}; en.wikipedia.org/wiki/Vaindloo"},
            {"figure": "flew parallel to the border, east to west, in the general direction of Tallinn; escorted out towards the Kaliningrad exclave to the south", "source": "news.err.ee/1609806951 (EDF route map)"},
            {"figure": "travelling nearly 125 miles (201 km) west", "source": "ABC News", "status": "U"},
            {"figure": "depth less than 10 km", "source": "Estonian MoD via Euromaidan Press", "status": "U"},
            {"figure": "airspace = land + territorial sea; Gulf of Finland limit 3 NM short of the median line",
             "source": "UNCLOS Art. 2(2), 3; baltictimes.com (1994 arrangement)"},
        ],
        "assumptions": [
            "speed 950 km/h (MiG-31 subsonic cruise, gagadget.com/en/weapons/239257) — not reported for this flight",
            "route inside Estonia: waypoints about 5 km inside the computed territorial-sea limit (the real route is not published)",
            "ABC's 125 miles read as the path flown inside Estonian airspace; the turn out is placed where that path is reached",
            "exit: north-west into the Gulf of Finland corridor, west along its middle (computed from GeoData/airspace EE and FI), south-west over the open Baltic towards Kaliningrad",
            "clock times: entry about 06:5x UTC on the morning of 19 Sep — not published",
            "three tracks in formation, 0.004° of latitude and 2 s apart",
        ],
        "checks": [
            {"kind": "dwell", "airspace": "EE", "per_track": True, "expected_dwell_s": 720, "tolerance_s": 60,
             "reported": f"stayed approximately 12 minutes, read as 11–13 min (EDF/MFA; {err}); the route's length came from ABC's 125 miles and the speed from the MiG-31's cruise, not from this figure"},
            {"kind": "no_incursion", "airspace": "FI",
             "reported": "no violation of Finnish airspace was reported (the reports found name Estonia only)"},
            {"kind": "ends_outside", "airspace": "EE", "reported": "escorted out of Estonian airspace (news.err.ee/1609806951)"},
        ],
        "consistency": [
            {"kind": "path_inside", "airspace": "EE", "expected_path_km": round(ABC_WEST_KM, 1), "min_path_km": 190, "max_path_km": 210,
             "reported": "nearly 125 miles west (ABC) [U]", "shaped_route": "the turn out of Estonian airspace is placed where the path inside reaches 201 km"},
            {"kind": "max_depth", "airspace": "EE", "expected_depth_km": 5, "min_depth_km": 0, "max_depth_km": 10,
             "reported": "less than 10 km (Estonian MoD via Euromaidan Press) [U]", "shaped_route": "the route runs about 5 km inside the limit"},
            {"kind": "closest_approach", "point": "Vaindloo", "lon": 26.3583, "lat": 59.8167,
             "expected_distance_km": 5, "min_distance_km": 0, "max_distance_km": 15,
             "reported": f"entered near Vaindloo ({err})", "shaped_route": "the entry is placed at the Vaindloo bulge of the territorial sea"},
        ],
        "contested": [
            {"kind": "closest_approach", "point": "Tallinn", "lon": 24.754, "lat": 59.437,
             "expected_distance_km": 20.1, "min_distance_km": 0, "max_distance_km": 20.1,
             "reported": "within 12.5 miles of downtown Tallinn (Vseviov, UPI)",
             "why": "EDF Maj. Karotamm (AP): the jets 'did not head towards Tallinn'; the Tallinn coordinate is not from a cited source"},
            "Russia's MoD: a flight over neutral waters more than 3 km from Vaindloo (sputnikglobe.com/20250920)",
        ],
    }
    feats = [feature(i, f, {"scenario": name, "aircraft": "MiG-31", "speed_kmh": speed,
                            "speed_status": "assumption (subsonic cruise, gagadget.com/en/weapons/239257)",
                            "route_status": "assumption: reconstruction consistent with news.err.ee/1609806951; exit over the Gulf of Finland corridor",
                            "waypoints": [[lo, la] for lo, la in wps]}) for i, f in tracks]
    for i, f in tracks:
        print(f"  {name} {i}: dwell {dwell(f, ee):.1f} s in EE, path {path_inside_km(f, ee):.1f} km, "
              f"dwell in FI {dwell(f, fi):.1f} s, ends in EE {ee.contains(Point(f[-1][0], f[-1][1]))}")
    return write(name, meta, feats)

# ---------------------------------------------------------------- Romania, 13 Sep 2025
def romania():
    name = "romania-2025-09-13"
    speed = 160.0
    ro, src = airspace("RO")
    # Sourced legs: from Ukraine NW of Chilia Veche across the Chilia branch near Chilia Veche,
    # NE→SW to the point ~20 km SW of Chilia Veche where it left the radar picture (45.290 N
    # 29.102 E, derived), to Pardina and out across the branch towards Ukraine.
    start, chilia_in = (29.22, 45.48), (29.28, 45.404)
    sw_point, pardina, end = (29.102, 45.290), (28.966, 45.30), (28.95, 45.38)
    # Assumed loiter (contact was intermittent; the path is not published): passes along the
    # Chilia branch about 3 km inside Romania (the points where GeoData's RO airspace is 3 km
    # deep on these meridians), east end near Chilia Veche, west end near Pardina, always back
    # to the east end before the sourced NE→SW leg. Its length is what makes the reported
    # ~50 minutes, so that figure is consistency only.
    loiter = [chilia_in, (29.22, 45.386), (29.15, 45.358), (29.08, 45.347), (29.02, 45.333), (28.97, 45.262)]
    line_km = sum(GEOD.inv(a[0], a[1], b[0], b[1])[2] for a, b in zip(loiter, loiter[1:])) / 1000
    def wps_for(loiter_km):
        n = int(loiter_km // (2 * line_km))
        part = (loiter_km - n * 2 * line_km) / 2
        wps = [start] + (loiter + loiter[-2::-1][:-1]) * n + [chilia_in]
        if part > 0.01:
            head, turn = along(loiter, part)
            wps += head[1:] + [turn] + head[::-1]
        return wps + [sw_point, pardina, end]
    lo, hi = 0.0, 400.0
    for _ in range(60):   # loiter length so that the dwell is the reported ~50 min (3,000 s)
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if dwell(route(wps_for(mid), speed, 0.0), ro) < 3000 else (lo, mid)
    wps = [(round(a, 5), round(b, 5)) for a, b in wps_for(round((lo + hi) / 2, 3))]
    t0 = epoch("2025-09-13T15:15:00Z")
    fixes = route(wps, speed, t0)
    d = dwell(fixes, ro)
    print(f"  {name}: dwell {d:.1f} s in RO ({src}), path {path_inside_km(fixes, ro):.1f} km")
    meta = {
        "name": name, "title": "Geran-type drone over Romania near Chilia Veche (about 50 minutes)",
        "date": "2025-09-13", "airspaces": ["RO"],
        "inputs": [
            {"figure": "~50 min in Romanian airspace; from NW of Chilia Veche; left near Pardina toward Ukraine", "source": "tass.com/world/2016627; RFE/RL article 33530161"},
            {"figure": "moved NE→SW along the Chilia (Kiliya) branch", "source": "glob-news.com/en/eu-calls-russian-drone…"},
            {"figure": "tracked to ~20 km SW of Chilia Veche (≈ 45.290 N 29.102 E [D]), where it left the radar picture", "source": "dcnews.ro/doua-avioane-f-16…_1006952.html; 3szek.ro/load/cikk/176120"},
            {"figure": "F-16s detected the drone in Romanian airspace at 18:23 EEST (15:23 UTC)", "source": "dcnews.ro/doua-avioane-f-16…_1006952.html"},
            {"figure": "Chilia Veche 45°25′N 29°17′E; Pardina 45.3 N 28.966 E", "source": "en.wikipedia.org/wiki/Chilia_Veche; datourinfo.eu/node/871.html"},
            {"figure": "Geran-2 speed 150–185 km/h", "source": "euronews.ro; sq.com.ua"},
        ],
        "assumptions": [
            "speed 160 km/h (within the reported 150–185 km/h)",
            "sourced legs joined by geodesics: Ukraine NW of Chilia Veche → across the branch near Chilia Veche → the point 20 km SW of Chilia Veche → Pardina → across the branch into Ukraine",
            "a loiter before the NE→SW leg, along the Chilia branch about 3 km inside Romania between Chilia Veche and Pardina (contact was intermittent; the path is not published); its length makes the reported ~50 min",
            "first fix 15:15 UTC in Ukraine, entry about 15:16 UTC, before the reported detection in Romanian airspace at 15:23 UTC",
        ],
        "checks": [
            {"kind": "max_depth", "airspace": "RO", "expected_depth_km": 10, "min_depth_km": 7, "max_depth_km": 13,
             "reported": "about 10 km deep (Zelensky; mtvuutiset.fi/…/9221958), read as 7–13 km; the route's deepest point is the sourced point 20 km SW of Chilia Veche, not this figure"},
        ],
        "consistency": [
            {"kind": "dwell", "airspace": "RO", "per_track": True, "expected_dwell_s": 3000, "tolerance_s": 300,
             "reported": "~50 min in Romanian airspace (MApN, 14 Sep; tass.com/world/2016627); 'just under an hour' (mtvuutiset.fi/…/9221958)",
             "shaped_route": "the loiter's length is chosen to give 3,000 s inside"},
            {"kind": "closest_approach", "point": "Pardina", "lon": 28.966, "lat": 45.30,
             "expected_distance_km": 0, "min_distance_km": 0, "max_distance_km": 5,
             "reported": "left near Pardina toward Ukraine (tass.com/world/2016627)", "shaped_route": "Pardina is a waypoint"},
            {"kind": "closest_approach", "point": "20 km SW of Chilia Veche", "lon": 29.102, "lat": 45.290,
             "expected_distance_km": 0, "min_distance_km": 0, "max_distance_km": 2,
             "reported": "tracked until ~20 km SW of Chilia Veche (dcnews.ro …_1006952.html)", "shaped_route": "the point is a waypoint"},
        ],
        "contested": ["TASS: 'entered at 6:00 p.m.' (self-contradictory); Pardina lies ESE of Izmail, not SW"],
    }
    feat = feature("drone 1", fixes, {"scenario": name, "type": "Geran-2 (reported 'Geran-type')", "speed_kmh": speed,
                                      "speed_status": "assumption within 150–185 km/h (euronews.ro; sq.com.ua)",
                                      "route_status": "sourced points joined by geodesics, with an assumed loiter along the Chilia branch",
                                      "waypoints": [[lo, la] for lo, la in wps]})
    return write(name, meta, [feat])

# ---------------------------------------------------------------- Poland, 9–10 Sep 2025
UA_LATS = (51.3, 51.0, 50.8, 50.6, 50.4, 50.2, 50.0, 49.8)

def poland():
    name = "poland-2025-09-10"
    speed = 140.0
    sites = [
        ("Oleśno", 19.2869, 54.0794, "Wikipedia (de): Oleśno (Powiat Elbląski) (54°04′46″N 19°17′13″E)", (23.95, 52.62), "2025-09-09T21:35:00Z"),
        ("Mniszków", 20.0342, 51.3708, "Wikipedia (de): Gmina Mniszków (51°22′15″N 20°02′03″E, gmina seat)", (23.90, 51.75), "2025-09-09T22:10:00Z"),
        ("Wohyń", 22.7819, 51.7567, "pl.wikipedia.org/wiki/Wohyń (51°45′24″N 22°46′55″E)", (23.90, 51.98), "2025-09-10T01:40:00Z"),
        ("Wyryki (gmina seat, for Wyryki-Wola)", 23.0003, 51.5631, "Wikipedia (de): Gmina Wyryki (51°33′47″N 23°00′01″E)", (23.95, 51.66), "2025-09-10T03:50:00Z"),
    ]
    pl, src = airspace("PL")
    by, _ = airspace("BY")
    ua, _ = airspace("UA")
    feats, tracks, ids = [], [], {}
    for k, (site, lon, lat, src_site, start, t0) in enumerate(sites):
        fixes = route([start, (lon, lat)], speed, epoch(t0))
        tid = f"drone {k + 1} → {site.split(' (')[0]}"
        ids[site.split(" (")[0]] = tid
        tracks.append((tid, fixes, "BY"))
        feats.append(feature(tid, fixes, {
            "scenario": name, "origin": "BY", "type": "Gerbera (decoy) — reported type, per drone unknown", "speed_kmh": speed,
            "speed_status": "assumption within 120–160 km/h (Gerbera max 160 km/h, Reuters via dcnews.ro)",
            "site": site, "site_lon": lon, "site_lat": lat, "site_source": src_site,
            "start_status": "assumption: a point in Belarus east of the border (per-drone entry points not published)",
            "time_status": "assumption: start time chosen inside the reported 23:30–06:30 CEST window"}))
    # From Ukraine: the Ukrainian Air Force counted at least 8 UAVs crossing from Ukraine towards
    # Poland. Neither their entry points nor where they came down are published: each starts
    # ~17 km east of Poland's airspace on an assumed parallel, flies 290° for 60 min at 140 km/h.
    for k, lat in enumerate(UA_LATS):
        par = LineString([(21.0, lat), (26.0, lat)]).intersection(pl)
        east = max(c[0] for g in getattr(par, "geoms", [par]) for c in g.coords)
        lo0 = round(east + 0.25, 4)
        lo1, la1, _ = GEOD.fwd(lo0, lat, 290.0, speed / 3.6 * 3600)
        t0 = epoch("2025-09-09T22:00:00Z") + k * 2400
        fixes = route([(lo0, lat), (round(lo1, 5), round(la1, 5))], speed, t0)
        tid = f"drone U{k + 1} from Ukraine"
        tracks.append((tid, fixes, "UA"))
        feats.append(feature(tid, fixes, {
            "scenario": name, "origin": "UA", "type": "unknown (Gerbera decoys and Geran reported that night)", "speed_kmh": speed,
            "speed_status": "assumption within 120–160 km/h",
            "start_status": f"assumption: {lo0} E {lat} N in Ukraine, ~17 km east of Poland's airspace (entry points not published)",
            "route_status": "assumption: heading 290° for 60 min; where each came down is not published",
            "time_status": "assumption: starts every 40 min from 22:00 UTC, inside the reported 23:30–06:30 CEST window"}))
    window = {"window_start": "2025-09-09T21:30:00Z", "window_end": "2025-09-10T04:30:00Z"}
    by_ids = [t for t, _, o in tracks if o == "BY"]
    ua_ids = [t for t, _, o in tracks if o == "UA"]
    eastern = ["PL-BY", "PL-UA"]
    meta = {
        "name": name, "title": "Drones from Belarus and Ukraine into Poland (night of 9–10 Sep)",
        "date": "2025-09-10", "airspaces": ["PL"],
        "inputs": [
            {"figure": "violations between ~23:30 (9 Sep) and ~06:30 (10 Sep) CEST", "source": "wydarzenia.interia.pl …nId,22417637; polsatnews.pl 2025-09-10"},
            {"figure": "19 violations (Tusk), ~23 in media [C]", "source": "unn.ua/en/news/tusk-states-that-19…"},
            {"figure": "'a significant part … directly from Belarus'", "source": "wydarzenia.interia.pl …nId,22417637"},
            {"figure": "at least 8 UAVs crossed from Ukraine towards Poland (Ukrainian Air Force)", "source": "babel.ua/en/news/121315…"},
            {"figure": "Gerbera decoys, max 160 km/h", "source": "allyoucanfind.info (Sky News); dcnews.ro (Reuters)"},
            {"figure": "sites: Wohyń, Mniszków, Oleśno, Wyryki-Wola (gmina seat as stand-in)", "source": "pravda.com.ua 7530513; menafn 1110045922"},
        ],
        "assumptions": ["from Belarus: four of the ~19–23 drones, one per site with coordinates, straight geodesic tracks from Belarus at 140 km/h",
                        "from Ukraine: eight tracks (the reported minimum), start points ~17 km east of Poland's airspace on the parallels " + ", ".join(f"{x:.1f}" for x in UA_LATS) + " N, heading 290° for 60 min at 140 km/h (entry points and fates not published)",
                        "start points and times (per-drone entry points and times not published)",
                        "Wyryki: the gmina seat stands in for Wyryki-Wola (no coordinate found)"],
        "checks": [
            {"kind": "end_border_distance", "borders": eastern, "tracks": [ids["Oleśno"]],
             "expected_distance_km": 200, "min_distance_km": 200, "max_distance_km": 1000,
             "reported": "Oleśno '>200 km from the eastern border' (pravda.com.ua/eng/news/2025/09/10/7530241/); the route ends at Oleśno's coordinate, not at this distance"},
            {"kind": "end_border_distance", "borders": ["PL-BY"], "tracks": [ids["Wyryki"]],
             "expected_distance_km": 15, "min_distance_km": 10, "max_distance_km": 20,
             "reported": "Wyryki-Wola '~15 km from the Belarus border' (dziennikwschodni.pl …1000366702; 24kurier.pl), read as 10–20 km for the gmina seat standing in for the village"},
        ],
        "consistency": [
            {"kind": "enters_from", "airspace": "PL", "from": "BY", "tracks": by_ids, **window,
             "reported": "first violation ~23:30, last ~06:30 CEST (Tusk in the Sejm; wydarzenia.interia.pl nId,22417637); 'a significant part directly from Belarus'",
             "shaped_route": "start points were put in Belarus and start times inside the window"},
            {"kind": "enters_from", "airspace": "PL", "from": "UA", "tracks": ua_ids, **window,
             "reported": "at least 8 UAVs crossed from Ukraine towards Poland (Ukrainian Air Force; babel.ua/en/news/121315…)",
             "shaped_route": "start points were put in Ukraine and start times inside the window"},
            {"kind": "ends_at_site", "airspace": "PL", "tolerance_m": 100, "tracks": by_ids,
             "reported": "drones or debris found at the named sites (pravda.com.ua/eng/news/2025/09/12/7530513/)",
             "shaped_route": "each Belarus track ends at its site"},
            {"kind": "track_count", "property": "origin", "value": "UA", "expected_count": 8, "min_count": 8, "max_count": 1000,
             "reported": "at least 8 from Ukraine (Ukrainian Air Force; babel.ua)", "shaped_route": "exactly the reported minimum is modelled"},
            {"kind": "track_count", "expected_count": 19, "min_count": 19, "max_count": 23,
             "reported": "19 violations 'not final' (Tusk); ~23 in media [C]",
             "shaped_route": "modelled: one track per site with coordinates (4, from Belarus) plus the 8 reported from Ukraine; the other reported violations have no published geometry and are not modelled"},
        ],
        "contested": [
            {"kind": "end_border_distance", "borders": eastern, "tracks": [ids["Mniszków"]],
             "expected_distance_km": 300, "min_distance_km": 270, "max_distance_km": 300,
             "reported": "Mniszków 'nearly 300 km' into Poland (RMF24 via news.fasttakeoff.org)",
             "why": "a distance of 207 km from Wyryki is derived in the project's fact sheet; the gmina seat stands in for the crash site"},
            {"kind": "end_border_distance", "borders": ["PL-UA"], "tracks": [ids["Oleśno"]],
             "expected_distance_km": 400, "min_distance_km": 360, "max_distance_km": 440,
             "reported": "Oleśno '~400 km from the Ukrainian border' (Sky News)",
             "why": "pravda.com.ua gives '>200 km from the eastern border' for the same site"},
        ],
    }
    for tid, f, origin in tracks:
        print(f"  {name} {tid}: starts in {origin} {(by if origin == 'BY' else ua).contains(Point(f[0][0], f[0][1]))}, "
              f"ends in PL {pl.contains(Point(f[-1][0], f[-1][1]))}, dwell {dwell(f, pl):.0f} s, {iso(f[0][2])}–{iso(f[-1][2])}")
    return write(name, meta, feats)

# ---------------------------------------------------------------- Przewodów, 15 Nov 2022
def przewodow():
    name = "przewodow-2022-11-15"
    impact = (23.93432, 50.47099)
    # Assumed: the last ~20 s of a 5V55 interceptor's flight from the south-east (Ukraine), descending.
    speed = 1800.0
    az = 135.0  # the track comes from the SE: start point 10 km SE of the impact, in Ukraine
    lo0, la0, _ = GEOD.fwd(impact[0], impact[1], az, 10_000)
    fixes = route([(lo0, la0), impact], speed, epoch("2022-11-15T14:40:00Z") - 10_000 / (speed / 3.6))
    pl, src = airspace("PL")
    depth = border_distance_km(impact[0], impact[1], pl)
    print(f"  {name}: impact inside PL {pl.contains(Point(*impact))}, {depth:.2f} km from the PL border ({src})")
    meta = {
        "name": name, "title": "Przewodów: the missile's end point inside Poland (about 6 km)",
        "date": "2022-11-15", "airspaces": ["PL"],
        "checks": [{"kind": "end_depth", "airspace": "PL", "expected_depth_km": 6, "min_depth_km": 4, "max_depth_km": 7,
                    "reported": "'6 km' (24instantnews.com/world/26203); '5 km' (pledgetimes.com); '<7 km' (de-wiki); '4 miles' [C]; the track ends at the reported impact coordinate, not at this distance"}],
        "inputs": [
            {"figure": "impact site 50.47099 N 23.93432 E", "source": "Visegrád 24 (report of 15 Nov 2022)", "status": "U"},
            {"figure": "~15:40 CET (14:40 UTC)", "source": "en.wikipedia.org/wiki/2022_missile_explosion_in_Poland"},
            {"figure": "Ukrainian S-300 interceptor 5V55", "source": "censor.net/en/news/3445686"},
            {"figure": "about 6 km from the Ukrainian border (sources 4–7 km)", "source": "24instantnews.com/world/26203; pledgetimes.com; de-wiki"},
        ],
        "assumptions": ["the approach: 10 km from the south-east at 1,800 km/h (direction and speed not published); only the end point is checked"],
        "computed_here": {"end_point_border_distance_km": round(depth, 3), "polygon": src},
    }
    feat = feature("5V55", fixes, {"scenario": name, "type": "S-300 5V55 interceptor", "speed_kmh": speed,
                                   "speed_status": "assumption", "route_status": "assumption; the end point is the reported impact site [U]",
                                   "site": "Przewodów grain dryer", "site_lon": impact[0], "site_lat": impact[1]})
    return write(name, meta, [feat])

# ---------------------------------------------------------------- Norway, 2025
VARDO = (31.1097, 70.3706)   # Vardø, Wikipedia (en): Vardø (GeoData/places.geojson)

def arc(centre, radius_km, az_from, az_to, step=2.0):
    """Points on a geodesic circle round centre, from azimuth az_from to az_to (degrees, decreasing)."""
    out, az = [], az_from
    while az > az_to:
        lo, la, _ = GEOD.fwd(centre[0], centre[1], az, radius_km * 1000)
        out.append((round(lo, 5), round(la, 5)))
        az -= step
    lo, la, _ = GEOD.fwd(centre[0], centre[1], az_to, radius_km * 1000)
    return out + [(round(lo, 5), round(la, 5))]

def norway():
    name = "norway-2025"
    no, src = airspace("NO")
    bo = "thebarentsobserver.com/…/437576 (PM Støre, 23 Sep 2025); Reuters via globalbankingandfinance.com"
    # Su-24 (25 Apr, 4 min) and Su-33 (18 Aug, 1 min): "in the sea area north-east of Vardø". The
    # paths are not published: each comes in from the north-east, turns along an arc round Vardø
    # inside the territorial sea and leaves to the north; the arc's length is what gives the
    # reported minutes (consistency only). 700 km/h: an assumption (no speed reported).
    def jet(minutes, radius_km, t0):
        def wps_for(span):
            return [(33.2, 71.0)] + arc(VARDO, radius_km, 75.0, 75.0 - span) + [(30.6, 71.2)]
        lo, hi = 0.0, 150.0
        for _ in range(50):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if dwell(route(wps_for(mid), 700.0, 0.0), no) < minutes * 60 else (lo, mid)
        wps = wps_for(round((lo + hi) / 2, 3))
        return wps, route(wps, 700.0, epoch(t0))
    su24_wps, su24 = jet(4, 16.0, "2025-04-25T10:00:00Z")
    # Su-33, 1 min: a straight pass across the outer edge of the territorial sea north-east of
    # Vardø, perpendicular to the 45° bearing; its distance from Vardø gives the minute.
    def chord(d_km):
        lo_, la_, _ = GEOD.fwd(VARDO[0], VARDO[1], 45.0, d_km * 1000)
        a = GEOD.fwd(lo_, la_, 135.0, 60_000)[:2]
        b = GEOD.fwd(lo_, la_, 315.0, 60_000)[:2]
        return [(round(a[0], 5), round(a[1], 5)), (round(lo_, 5), round(la_, 5)), (round(b[0], 5), round(b[1], 5))]
    lo, hi = 5.0, 40.0
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if dwell(route(chord(mid), 700.0, 0.0), no) > 60 else (lo, mid)
    su33_wps = chord(round((lo + hi) / 2, 3))
    su33 = route(su33_wps, 700.0, epoch("2025-08-18T10:00:00Z"))
    # L-410 (24 Jul, 3 min): "an uninhabited land-border area of East Finnmark". Where on the
    # 198 km Norway-Russia land border is not published: a V in and out across the border at
    # 69.45 N (an assumption), 300 km/h (assumed L-410 cruise), the depth giving 3 min.
    par = LineString([(28.0, 69.45), (32.0, 69.45)]).intersection(no)
    border_lon = max(c[0] for g in getattr(par, "geoms", [par]) for c in g.coords)
    def l410(depth_km):
        lo_, la_, _ = GEOD.fwd(border_lon, 69.45, 270.0, depth_km * 1000)
        return [(round(border_lon + 0.35, 5), 69.40), (round(lo_, 5), round(la_, 5)), (round(border_lon + 0.35, 5), 69.50)]
    lo, hi = 0.1, 30.0
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if dwell(route(l410(mid), 300.0, 0.0), no) < 180 else (lo, mid)
    l410_wps = l410(round((lo + hi) / 2, 3))
    l410_fixes = route(l410_wps, 300.0, epoch("2025-07-24T10:00:00Z"))
    tracks = [("Su-24 (25 Apr)", su24, su24_wps, 700.0, "2025-04-25", 4), ("L-410 (24 Jul)", l410_fixes, l410_wps, 300.0, "2025-07-24", 3),
              ("Su-33 (18 Aug)", su33, su33_wps, 700.0, "2025-08-18", 1)]
    feats = []
    for tid, fixes, wps, v, day, minutes in tracks:
        feats.append(feature(tid, fixes, {"scenario": name, "date": day, "reported_minutes": minutes, "speed_kmh": v,
                                          "speed_status": "assumption (no speed reported)",
                                          "route_status": "assumption: the route is not published; only the area and the duration are",
                                          "time_status": "assumption: the clock time is not published (10:00 UTC used)",
                                          "waypoints": [[a, b] for a, b in wps]}))
        print(f"  {name} {tid}: dwell {dwell(fixes, no):.1f} s in NO ({src})")
    ids = [t[0] for t in tracks]
    meta = {
        "name": name, "title": "Norway's three airspace violations of 2025 (Su-24, L-410, Su-33)",
        "date": "2025-04-25/2025-08-18", "airspaces": ["NO"],
        "inputs": [
            {"figure": "25 Apr: Su-24, 4 min, in the sea area north-east of Vardø", "source": bo},
            {"figure": "24 Jul: L-410, 3 min, over an uninhabited land-border area of East Finnmark", "source": bo},
            {"figure": "18 Aug: Su-33, 1 min, north-east of Vardø", "source": bo},
            {"figure": "Norway-Russia land border 198 km", "source": "AFP via thesun.my"},
            {"figure": "Vardø 70°22′N 31°06′E", "source": "en.wikipedia.org/wiki/Vardø"},
        ],
        "assumptions": [
            "positions: no track, entry point or clock time has been published; only the area and the duration",
            "Su-24: in from the north-east, an arc round Vardø 16 km out, inside the territorial sea, out to the north; Su-33: a straight pass north-east of Vardø, perpendicular to the 45° bearing, across the outer edge of the territorial sea; 700 km/h",
            "L-410: a V across the land border at 69.45 N, 300 km/h",
            "the arc's span, the pass's distance and the V's depth are chosen to give the reported minutes",
            "clock times 10:00 UTC (not published)",
        ],
        "checks": [
            {"kind": "no_incursion", "airspace": "FI", "tracks": [ids[1]],
             "reported": "no violation of Finnish airspace was reported for the L-410 (the reports name Norway only)"},
        ],
        "consistency": [
            {"kind": "dwell", "airspace": "NO", "tracks": [ids[0]], "expected_dwell_s": 240, "tolerance_s": 30,
             "reported": f"4 min ({bo})", "shaped_route": "the arc round Vardø is as long as gives 240 s"},
            {"kind": "dwell", "airspace": "NO", "tracks": [ids[1]], "expected_dwell_s": 180, "tolerance_s": 30,
             "reported": f"3 min ({bo})", "shaped_route": "the V's depth gives 180 s"},
            {"kind": "dwell", "airspace": "NO", "tracks": [ids[2]], "expected_dwell_s": 60, "tolerance_s": 30,
             "reported": f"1 min ({bo})", "shaped_route": "the pass's distance from Vardø gives 60 s"},
            {"kind": "closest_approach", "point": "Vardø", "lon": VARDO[0], "lat": VARDO[1], "tracks": [ids[0], ids[2]],
             "expected_distance_km": 20, "min_distance_km": 0, "max_distance_km": 40,
             "reported": f"north-east of Vardø ({bo})", "shaped_route": "the Su-24's arc is centred on Vardø and the Su-33's pass is placed on the 45° bearing from it"},
        ],
    }
    return write(name, meta, feats)

# ---------------------------------------------------------------- Denmark (and Oslo), Sept 2025
def denmark():
    name = "denmark-2025-09"
    reuters = "Reuters (copy at pakinomist.com); Flightradar24"
    meta = {
        "name": name, "title": "Drone sightings close Copenhagen, Oslo and Aalborg airports (22–25 Sep 2025)",
        "date": "2025-09-22/2025-09-25", "airspaces": [],
        "zones": [{"name": "Danish airports (and Oslo Gardermoen)", "kind": "airport_zone", "file": "zones/DK-airports.geojson"}],
        "events": [
            {"place": "Copenhagen Airport", "what": "operations stopped (2–3 large drones by the police account)",
             "start": "2025-09-22T18:26:00Z", "end": "2025-09-22T22:26:00Z",
             "end_status": "assumption: 'nearly 4 h' read as 4 h (reopened early on 23 Sep; the clock time was not found)",
             "source": f"{reuters}: stopped 20:26 CEST; aerotelegraph: 'about 20:30'"},
            {"place": "Oslo Airport Gardermoen", "what": "closed", "start": "2025-09-22T22:00:00Z", "end": "2025-09-23T01:22:00Z",
             "end_status": "reported (Avinor: 00:00–03:22 local)", "source": "Avinor"},
            {"place": "Aalborg Airport", "what": "closed again (drones sighted)", "start": "2025-09-25T21:40:00Z", "end": "2025-09-25T22:40:00Z",
             "end_status": "assumption: 'for about 1 h' read as 1 h", "source": "moldova1.md/p/58069; unn.ua/en/news/denmarks-airport-closed-for-the-third-time…"},
        ],
        "inputs": [
            {"figure": "Copenhagen: operations stopped 20:26 CEST on 22 Sep for nearly 4 h", "source": reuters},
            {"figure": "Oslo Gardermoen closed 00:00–03:22 local on 23 Sep", "source": "Avinor"},
            {"figure": "Aalborg closed late on 24 Sep (Eurocontrol: no movements until 06:00 on 25 Sep) and from 23:40 on 25 Sep for about 1 h",
             "source": "moldova1.md/p/58069; unn.ua"},
            {"figure": "sightings also at Esbjerg, Sønderborg and Skrydstrup", "source": "globalwarnews.com"},
            {"figure": "airport positions", "source": "GeoData/places.geojson (Wikipedia infobox figures, each named there)"},
        ],
        "assumptions": [
            "no track geometry has been published: the scenario holds the reported closure windows and the airport zones only",
            "airport zones: 5 km round civil airports, 8 km round Skrydstrup (recalled from the Danish drone order, not re-checked)",
            "Aalborg, 24 Sep: the start of the closure ('late on 24 Sep') was not reported, so it is not an event here; Esbjerg, Sønderborg and Skrydstrup sightings have no reported times",
            "attribution of the drones is unconfirmed [C]",
        ],
        "checks": [],
    }
    return write(name, meta, [])

# ---------------------------------------------------------------- Alaska ADIZ, 24 Sep 2025
def unwrapped_west(geom):
    """A lon/lat geometry cut at ±180° (RFC 7946) moved into one continuous west frame (east longitudes
    − 360) and unioned, so straight segments across the antimeridian are measured the short way."""
    import numpy as np
    parts = []
    for g in getattr(geom, "geoms", [geom]):
        shift = -360.0 if g.bounds[0] >= 0 else 0.0
        parts.append(shapely.transform(g, lambda c, d=shift: c + np.array([d, 0.0])))
    return shapely.union_all(parts)

def fixes_west(fixes):
    return [(lo - 360.0 if lo > 0 else lo, la, t) for lo, la, t in fixes]

def alaska():
    name = "alaska-2025-09-24"
    us, src = airspace("US-AK")
    adiz_fc = json.load(open(os.path.join(GEODATA, "zones", "US-AK-ADIZ.geojson")))
    adiz = shapely.union_all([shape(f["geometry"]) for f in adiz_fc["features"]])
    norad = ("NORAD on X, 25 Sep 2025 (@NORADCommand), quoted by en.interfax.com.ua/news/general/1107505.html "
             "and www.sofx.com/us-jets-intercept-russian-warplanes-near-alaska")
    # The route is not published. Reported (NORAD spokesperson to Alaska Public Media): about 53 minutes
    # inside the ADIZ, "including within 30 nautical miles of St. Lawrence Island". Assumed: an
    # out-and-back leg on one bearing from over the western Bering Sea (the Russian MoD named the Bering
    # Strait), turning 30 NM short of the island's western cape (its westernmost DCW vertex); the bearing
    # is solved so that the time in the ADIZ is the reported 53 min (consistency only). US airspace was not
    # used to place it, so "stayed in international airspace" stays a check.
    ak = shapely.union_all([shape(f["geometry"]) for f in json.load(open(os.path.join(GEODATA, "countries.geojson")))["features"]
                            if f["properties"].get("iso2") == "US-AK"])
    isl = max((g for g in ak.geoms if -172.5 < g.bounds[0] and g.bounds[2] < -168.0 and 62.5 < g.bounds[1] and g.bounds[3] < 64.5),
              key=lambda g: g.area)
    cape = min(isl.exterior.coords, key=lambda c: c[0])
    v, turn_nm, back_km = 700.0, 30.0, 700.0
    def wps_for(az):
        t = GEOD.fwd(cape[0], cape[1], az, turn_nm * 1852)[:2]
        s0 = GEOD.fwd(t[0], t[1], az, back_km * 1000)[:2]
        return [(round(s0[0], 5), round(s0[1], 5)), (round(t[0], 5), round(t[1], 5)), (round(s0[0], 5), round(s0[1], 5))]
    zone_w = unwrapped_west(adiz)
    lo, hi = 220.0, 250.0          # bearing from the cape; more westerly bearings spend less time in the ADIZ
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if dwell(fixes_west(route(wps_for(mid), v, 0.0)), zone_w) > 53 * 60 else (lo, mid)
    az = round((lo + hi) / 2, 3)
    wps = wps_for(az)
    fixes = route(wps, v, epoch("2025-09-24T20:00:00Z"))
    zone_s = dwell(fixes_west(fixes), zone_w)
    isl_km = min(GEOD.inv(lo_, la_, *shapely.ops.nearest_points(isl, Point(lo_, la_))[0].coords[0])[2] for lo_, la_, _ in fixes) / 1000
    # Closest approach to US airspace at the fixes: each fix's distance in an azimuthal equidistant
    # projection centred on it (exact from the centre), not nearest points in degrees.
    import numpy as np
    from pyproj import Transformer
    us_w = unwrapped_west(us)
    ca_km = float("inf")
    for lo_, la_, _ in fixes_west(fixes):
        t = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={la_} +lon_0={lo_} +datum=WGS84", always_xy=True)
        near = us_w.intersection(shapely.box(lo_ - 6, la_ - 3, lo_ + 6, la_ + 3))
        if near.is_empty:
            continue
        xy = shapely.transform(near, lambda c: np.column_stack(t.transform(c[:, 0], c[:, 1])))
        ca_km = min(ca_km, xy.distance(Point(0, 0)) / 1000)
    tid = "Tu-95 x2 + Su-35 x2 (formation)"
    feats = [feature(tid, fixes, {"scenario": name, "date": "2025-09-24", "aircraft": "2 Tu-95, 2 Su-35", "speed_kmh": v,
                                  "speed_status": "assumption (no speed reported; a Tu-95 cruise speed)",
                                  "route_status": "assumption: the route is not published (NORAD: operating in the Alaskan ADIZ; "
                                                  "secondary reports: over the Bering Sea, approaching from the north-west)",
                                  "time_status": "assumption: the clock time is not published (20:00 UTC used)",
                                  "track_note": "one track stands for the formation of four; the line crosses ±180° as consecutive "
                                                "fixes (the wrapped form), so each fix keeps its time",
                                  "waypoints": [[a, b] for a, b in wps]})]
    print(f"  {name}: bearing {az}° from the cape {cape}; shapely cross-check (continuous west frame): {zone_s:.1f} s in the "
          f"Alaska ADIZ, closest approach to {src} {ca_km:.1f} km, to St. Lawrence Island (DCW, at the fixes) {isl_km:.1f} km")
    meta = {
        "name": name, "title": "Two Tu-95s and two Su-35s in the Alaskan ADIZ (24 Sep 2025)",
        "date": "2025-09-24", "airspaces": ["US-AK"],
        "zones": [{"name": "Alaska ADIZ", "kind": "identification_zone", "file": "zones/US-AK-ADIZ.geojson"}],
        "inputs": [
            {"figure": "24 Sep 2025: NORAD detected and tracked two Tu-95s and two Su-35s operating in the Alaskan ADIZ; "
                       "responded with an E-3, four F-16s and four KC-135 tankers to identify and intercept", "source": norad},
            {"figure": "the Russian aircraft remained in international airspace and did not enter American or Canadian sovereign airspace",
             "source": norad + "; geagency.it; ragex.co/?p=16726"},
            {"figure": "inside the ADIZ for about 53 minutes, including within 30 nautical miles of St. Lawrence Island (a NORAD spokesperson)",
             "source": "alaskapublic.org/news/2025-09-29/us-fighter-jets-monitor-russian-aircraft-in-airspace-near-alaska"},
            {"figure": "the Russian MoD: a pair of Tu-95MS with Su-35S and Su-30SM escorts over the Sea of Okhotsk and the Bering Strait",
             "source": "web3.ouchyi.co/de/discover/post/56077758758240 (a repost of the MoD statement; secondary)"},
            {"figure": "the ninth such encounter of 2025 (earlier flights in February, April, July and four in one week of August)",
             "source": "www.sofx.com/us-jets-intercept-russian-warplanes-near-alaska; financenow.top/en/norad-intercepts-russian-aircraft-formation-over-alaska"},
            {"figure": "the Alaska ADIZ boundary", "source": "14 CFR 99.45 (GeoData/zones/US-AK-ADIZ.geojson, its source there)"},
        ],
        "assumptions": [
            "positions: no track, entry point or clock time has been published; only 'in the Alaskan ADIZ', 'about 53 minutes' and 'within 30 NM of St. Lawrence Island'",
            f"route: out and back on one bearing ({az}° from the island's western cape, {-cape[0]:.4f} W {cape[1]:.4f} N, its westernmost DCW vertex), "
            f"from {back_km:.0f} km beyond the turn (over the Bering Sea west of 180°, outside the ADIZ) to a turn {turn_nm:.0f} NM from the cape; the bearing is solved for 53 min in the ADIZ",
            "one track for the formation of four (the escorts are taken to fly with the bombers); 700 km/h (a Tu-95 cruise speed); 20:00 UTC",
            "US airspace (GeoData/airspace/US-AK.geojson) was not used to place the route: 'remained in international airspace' is a check",
            "the track crosses ±180° just north-west of the ADIZ corner 60 N 180, outside the zone, which is cut at ±180° from 50 N to that corner (RFC 7946)",
        ],
        "checks": [
            {"kind": "no_incursion", "airspace": "US-AK",
             "reported": f"remained in international airspace and did not enter American sovereign airspace ({norad})"},
        ],
        "consistency": [
            {"kind": "dwell", "airspace": "Alaska ADIZ", "expected_dwell_s": 3180, "tolerance_s": 120,
             "reported": "about 53 minutes inside the ADIZ (NORAD spokesperson, alaskapublic.org 2025-09-29)",
             "shaped_route": "the bearing of the out-and-back leg is solved for 53 min in the ADIZ"},
            {"kind": "closest_approach", "point": "St. Lawrence Island, western cape (DCW)", "lon": round(cape[0], 5), "lat": round(cape[1], 5),
             "expected_distance_km": 55.56, "min_distance_km": 0, "max_distance_km": 55.6,
             "reported": "within 30 nautical miles of St. Lawrence Island (alaskapublic.org 2025-09-29)",
             "shaped_route": "the turn is placed 30 NM from the cape"},
        ],
    }
    return write(name, meta, feats)

if __name__ == "__main__":
    wanted = sys.argv[2:]   # build.py GEODATA [NAME…]: only the scenarios whose function is named
    for build in (estonia, romania, poland, przewodow, norway, denmark, alaska):
        if not wanted or build.__name__ in wanted:
            print(build())
