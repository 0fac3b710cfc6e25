"""GeoData/zones/: zones that are not sovereign airspace, each feature with its `kind`.

- `DK-airports.geojson` (kind `airport_zone`): a geodesic circle round each Danish airport named in
  the September 2025 closure and sighting reports, and Oslo Gardermoen (closed the same night).
  Centres are the airports' published positions (places.geojson, with their sources); the radius is
  an assumption, stated in every feature: 5 km round civil airports and 8 km round military
  aerodromes, as recalled from the Danish drone order (BEK nr 1257 of 2017) — not re-checked in
  this build. A zone places reports on the map; it is not a legal boundary.

Circles: vertices by pyproj Geod.fwd every 360/256°, so the chord between two vertices lies within
r(1 − cos(π/256)) ≈ 0.4 m (5 km) of the circle.
"""
from __future__ import annotations

import numpy as np
import shapely
import pyproj
from shapely.geometry import Polygon

import geojson_out

GEOD = pyproj.Geod(ellps="WGS84")
AIRPORTS = ["Copenhagen Airport", "Aalborg Airport", "Billund Airport", "Esbjerg Airport",
            "Sønderborg Airport", "Skrydstrup Air Base", "Oslo Airport Gardermoen"]
RADIUS_KM = {"airport": 5.0, "airbase": 8.0}
RADIUS_NOTE = ("assumption: 5 km round civil airports, 8 km round military aerodromes, as recalled from the Danish "
               "drone order (BEK nr 1257 of 2017); not re-checked in this build; a notional zone, not a legal boundary")


def circle(lon: float, lat: float, km: float) -> Polygon:
    az = np.linspace(0.0, 360.0, 256, endpoint=False)
    lons, lats, _ = GEOD.fwd(np.full(az.shape, lon), np.full(az.shape, lat), az, np.full(az.shape, km * 1000))
    ring = list(zip(lons, lats))
    return Polygon(ring[::-1])   # counter-clockwise


def build(out_dir, places) -> list[dict]:
    feats = []
    for name in AIRPORTS:
        lat, lon, kind, src, note = places[name]
        km = RADIUS_KM[kind]
        props = {"name": name, "kind": "airport_zone", "role": "airport_zone", "icao": note.split(";")[0], "source": src,
                 "centre_lon": lon, "centre_lat": lat, "centre_source": src, "centre_note": note,
                 "radius_km": km, "radius_status": RADIUS_NOTE}
        feats.append((props, circle(lon, lat, km)))
    (out_dir / "zones").mkdir(exist_ok=True)
    geojson_out.write(out_dir / "zones" / "DK-airports.geojson", feats, "airport_zones")
    return [p for p, _ in feats]


# ---------------------------------------------------------------- the Alaska ADIZ (14 CFR 99.45)
# The published text, as data (14 CFR 99.45, 2015 annual edition of the CFR; [Doc. No. FAA-2001-10693,
# 66 FR 49822, Sept. 28, 2001. Redesignated at 69 FR 16756, Mar. 30, 2004]). Degree and minute signs
# as the GPO text file marks them ([deg], [min], [sec]).
ADIZ_AK_TEXT = (
    "The area is bounded by a line from 54[deg]00[min] N; 136[deg]00[min]W; 56[deg]57[min] N; 144[deg]00[min]W; "
    "57[deg]00[min] N; 145[deg]00[min]W; 53[deg]00[min] N; 158[deg]00[min]W; 50[deg]00[min] N; 169[deg]00[min]W; "
    "50[deg]00[min] N; 180[deg]00[min]; 50[deg]00[min] N; 170[deg]00[min]E; 53[deg]00[min] N; 170[deg]00[min]E; "
    "60[deg]00[min]00[sec] N; 180[deg]00[min]; 65[deg]00[min] N; 169[deg]00[min]W; then along 169[deg]00[min]W; "
    "to 75[deg]00[min] N; 169[deg]00[min]W; then along the 75[deg]00[min] N; parallel to 75[deg]00[min] N, "
    "141[deg]00[min]W; 69[deg]50[min] N; 141[deg]00[min]W 71[deg]18[min] N; 156[deg]44[min]W; 68[deg]40[min] N; "
    "167[deg]10[min]W; 67[deg]00[min] N; 165[deg]00[min]W; 65[deg]40[min] N; 168[deg]15[min]W; 63[deg]45[min] N; "
    "165[deg]30[min]W; 61[deg]20[min] N; 166[deg]40[min]W; 59[deg]00[min] N; 163[deg]00[min]W; then south along "
    "163[deg]00[min]W to 54[deg]00[min] N, 163[deg]00[min]W; 56[deg]30[min] N; 154[deg]00[min]W; 59[deg]20[min] N; "
    "146[deg]00[min]W; 59[deg]30[min] N; 140[deg]00[min]W; 57[deg]00[min] N; 136[deg]00[min]W; 54[deg]35[min] N, "
    "133[deg]00[min]W; to point of beginning.")
ADIZ_AK_SOURCE = ("14 CFR 99.45 Alaska ADIZ (https://www.ecfr.gov/current/title-14/chapter-I/subchapter-F/part-99/subpart-B/section-99.45); "
                  "text as in the GPO 2015 annual edition, read from the copy in github.com/18F/allregs "
                  "(html/sections/14CFR99.45.html, commit 356bc82bd47b6a7e916da6184fcc8c266185c4bb); "
                  "boundary last revised by 66 FR 49817-49822 (28 Sep 2001, effective 13 Nov 2001)")
ADIZ_AK_LINES = ("14 CFR 99.41: lines between points are great circles, except lines joining adjacent points on the same "
                 "parallel, which are rhumb lines; great circles taken as WGS84 geodesics (pyproj Geod.npts), parallels "
                 "followed at constant latitude; a vertex at least every ADIZ_STEP_KM")
ADIZ_STEP_KM = 5.0


def adiz_vertices(text: str = ADIZ_AK_TEXT) -> list[tuple[float, float]]:
    """The published points in order as (lon, lat) in a continuous west frame (east longitudes − 360).

    The text names each point as latitude then longitude; `then along …` phrases only say how the
    line runs between two listed points (a meridian or a parallel), which the densifier follows."""
    import re
    pat = re.compile(r"(\d+)\[deg\](\d+)\[min\](?:(\d+)\[sec\])?\s*([NS])[;,]?\s*(\d+)\[deg\](\d+)\[min\]\s*([EW]?)")
    pts = []
    for m in pat.finditer(text):
        lat = int(m[1]) + int(m[2]) / 60 + (int(m[3]) if m[3] else 0) / 3600
        lat = -lat if m[4] == "S" else lat
        lon = int(m[5]) + int(m[6]) / 60
        if m[7] == "W" or (m[7] == "" and lon == 180):
            lon = -lon
        else:                       # east longitudes into the continuous west frame
            lon = lon - 360
        if not pts or pts[-1] != (lon, lat):
            pts.append((lon, lat))
    if pts[0] == pts[-1]:
        pts.pop()
    return pts


def adiz_ring(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The closed ring densified per 14 CFR 99.41 (geodesics; constant latitude along a parallel)."""
    out: list[tuple[float, float]] = []
    for (lon1, lat1), (lon2, lat2) in zip(pts, pts[1:] + pts[:1]):
        d = GEOD.inv(lon1, lat1, lon2, lat2)[2]
        n = max(1, int(np.ceil(d / (ADIZ_STEP_KM * 1000))))
        out.append((lon1, lat1))
        if lat1 == lat2:            # same parallel: rhumb line
            out += [(lon1 + (lon2 - lon1) * k / n, lat1) for k in range(1, n)]
        elif n > 1:
            for lon, lat in GEOD.npts(lon1, lat1, lon2, lat2, n - 1):
                # npts answers within ±180; keep the continuous west frame
                out.append((lon - 360 if lon > 0 else lon, lat))
    out.append(out[0])
    return out


def build_adiz(out_dir, area_km2, cut) -> dict:
    pts = adiz_vertices()
    poly = shapely.geometry.polygon.orient(Polygon(adiz_ring(pts)), 1.0)
    if not poly.is_valid:
        raise SystemExit(f"zones: the Alaska ADIZ ring is not valid: {shapely.is_valid_reason(poly)}")
    props = {"name": "Alaska ADIZ", "kind": "identification_zone", "role": "identification_zone", "id": "US-AK-ADIZ",
             "authority": "14 CFR 99.45", "source": ADIZ_AK_SOURCE, "published_text": ADIZ_AK_TEXT,
             "published_points": len(pts), "lines": ADIZ_AK_LINES.replace("ADIZ_STEP_KM", f"{ADIZ_STEP_KM:g} km"),
             "area_km2": area_km2(poly),
             "note": "an identification zone, not sovereign airspace: entry calls for identification, it is no violation; "
                     "cut at the antimeridian (RFC 7946 3.1.9)"}
    geojson_out.write(out_dir / "zones" / "US-AK-ADIZ.geojson", [(props, cut(poly))], "identification_zones")
    return props
