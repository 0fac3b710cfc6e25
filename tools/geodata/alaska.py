"""Alaska (US-AK) for GeoData: the DCW-GMT outline of the state, across the antimeridian.

DCW-GMT prints Alaska (`gmt coast -EUS.AK -M`) in continuous east longitudes 172..230: 3,143 rings,
about 613,000 points. The build works in a continuous *west* frame (longitude − 360, so the western
Aleutians lie at −188..−180), where the polygon is one valid piece:

1. each ring simplified (Douglas–Peucker, ``SIMPLIFY_M`` metres) in an azimuthal equidistant
   projection centred on the state (``CENTRE``) — never in degrees — which brings the even–odd
   step below from hours to seconds;
2. rings → polygon by the even–odd rule, as for every other country, and made valid;
3. rings left smaller than ``MIN_AREA_KM2`` dropped (islets far below the data's 1:1M scale);
4. cut at the antimeridian for output (RFC 7946 §3.1.9): the part west of −180 is moved by +360.

GSHHG is not used for Alaska: DCW's rings already hold the Aleutians and the coastal islets, and the
GSHHG shoreline around Alaska is printed wrapped at ±180 (its 1° bin polygonisation would need the
same continuous frame). The territorial sea (`perimeter airspace US-AK`) is built from this outline.
"""
from __future__ import annotations

import numpy as np
import pyproj
import shapely
from shapely.geometry import LineString, box

from gmtdata import _polygonal, dcw_rings, even_odd

CENTRE = (-159.0, 61.0)       # lon, lat of the azimuthal equidistant projection (continuous west frame)
SIMPLIFY_M = 100.0            # Douglas–Peucker tolerance, metres
MIN_AREA_KM2 = 0.05           # parts smaller than this are dropped after simplification


def _aeqd():
    crs = f"+proj=aeqd +lat_0={CENTRE[1]} +lon_0={CENTRE[0]} +datum=WGS84 +units=m"
    f = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    b = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def fw(g):
        return shapely.transform(g, lambda c: np.column_stack(f.transform(c[:, 0], c[:, 1])))

    def bw(g):
        # Back to lon/lat, kept in the continuous west frame (PROJ answers within ±180 of 0).
        def inv(c):
            lon, lat = b.transform(c[:, 0], c[:, 1])
            lon = np.where(lon > CENTRE[0] + 180.0, lon - 360.0, lon)
            return np.column_stack((lon, lat))
        return shapely.transform(g, inv)
    return fw, bw


def outline() -> tuple[object, dict]:
    """Alaska in the continuous west frame (longitudes −188..−130), simplified; and build figures."""
    rings = [r - np.array([360.0, 0.0]) for r in dcw_rings("US.AK")]
    points_in = int(sum(len(r) for r in rings))
    fw, bw = _aeqd()
    simple = []
    for r in rings:
        if len(r) < 4:
            continue
        line = shapely.simplify(fw(LineString(r)), SIMPLIFY_M, preserve_topology=False)
        c = np.array(line.coords)
        if len(c) >= 4 and np.allclose(c[0], c[-1]):
            simple.append(c)
    xy = even_odd(simple)
    parts = [p for p in shapely.get_parts(_polygonal(shapely.make_valid(xy))) if p.area >= MIN_AREA_KM2 * 1e6]
    out = _polygonal(shapely.make_valid(bw(shapely.MultiPolygon(parts))))
    info = {"rings_in": len(rings), "points_in": points_in, "parts_out": len(shapely.get_parts(out)),
            "points_out": int(shapely.get_num_coordinates(out)), "simplify_m": SIMPLIFY_M, "min_area_km2": MIN_AREA_KM2}
    return out, info


def cut_at_antimeridian(g):
    """A geometry in the continuous west frame as RFC 7946 lon/lat: the part west of −180 moved by +360."""
    west = _polygonal(g.intersection(box(-540.0, -90.0, -180.0, 90.0)))
    east = _polygonal(g.intersection(box(-180.0, -90.0, 180.0, 90.0)))
    moved = shapely.transform(west, lambda c: c + np.array([360.0, 0.0])) if not west.is_empty else west
    return _polygonal(shapely.unary_union([p for p in (east, moved) if not p.is_empty]))
