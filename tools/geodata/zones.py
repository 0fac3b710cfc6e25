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
