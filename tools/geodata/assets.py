"""Protected assets (GeoData/assets.geojson) and the GSHHG shoreline the comparison classifies as
coast (GeoData/coast.geojson). Called by build.py; every asset cites where its coordinate comes from.

Coordinates marked [U] are Wikipedia infobox figures not re-checked against a second page in this build;
[D] marks a point chosen for this analysis (its note says how)."""
from __future__ import annotations

import numpy as np
import pyproj
import shapely
from shapely.geometry import LineString, MultiLineString, Point

import geojson_out
from gmtdata import gmt, segments

WIKI = "en.wikipedia.org/wiki/"
# name: (lat, lon, kind, country, source URL, note)
ASSETS = {
    "Warsaw": (52.2297, 21.0122, "capital", "PL", WIKI + "Warsaw", "city centre; Wikipedia infobox figure [U]"),
    "Kraków": (50.0614, 19.9372, "city", "PL", WIKI + "Kraków", "Main Market Square; Wikipedia infobox 50°03′41″N 19°56′14″E [U]"),
    "Lublin": (51.25, 22.5667, "city", "PL", WIKI + "Lublin", "Wikipedia infobox figure [U] (as in places.geojson)"),
    "Rzeszów": (50.0333, 22.0, "city", "PL", WIKI + "Rzeszów", "Wikipedia infobox figure [U] (as in places.geojson)"),
    "Rzeszów-Jasionka airport": (50.109958, 22.019000, "airport", "PL",
                                 "https://www.rzeszowairport.pl/en/airport/airport/infrastructure",
                                 "aerodrome reference point 50°06′35.85″N 022°01′08.40″E (WGS 84); the logistics hub for aid to Ukraine"),
    "Lviv": (49.8419, 24.0315, "city", "UA", WIKI + "Lviv", "Wikipedia figure (as in places.geojson) [U]"),
    "Kyiv": (50.45, 30.5233, "capital", "UA", WIKI + "Kyiv",
             "city centre on the right (west) bank, 1.3 km west of the Dnipro line (as in places.geojson); see 'Kyiv left bank'"),
    "Kyiv left bank": (50.4516, 30.5985, "capital district", "UA", WIKI + "Dniprovskyi_District",
                       "[D] a point in the left-bank Dniprovskyi district, about 1.5 km east of the river at Kyiv, chosen for this analysis: the part of Kyiv east of the Dnipro line"),
    "Vinnytsia": (49.2333, 28.4833, "city", "UA", WIKI + "Vinnytsia", "49°14′N 28°29′E (as in places.geojson)"),
    "Odesa": (46.485722, 30.743444, "city", "UA", WIKI + "Odesa", "46°29′8.6″N 30°44′36.4″E (as in places.geojson)"),
    "Rivne NPP": (51.3278, 25.8917, "nuclear plant", "UA", WIKI + "Rivne_Nuclear_Power_Plant",
                  "Varash; Wikipedia infobox figure 51°19′40″N 25°53′30″E [U]"),
    "Khmelnytskyi NPP": (50.3014056, 26.64975, "nuclear plant", "UA", WIKI + "Khmelnytskyi_Nuclear_Power_Plant",
                         "Netishyn; 50°18′5.06″N 26°38′59.10″E"),
    "South Ukraine NPP": (47.81667, 31.21667, "nuclear plant", "UA", WIKI + "South_Ukraine_Nuclear_Power_Plant",
                          "Pivdennoukrainsk; 47°49′0″N 31°13′0″E"),
}

# Shoreline boxes (w, e, s, n): the coasts of the two compared regions (Poland; Ukraine west of the Dnipro).
COAST_BOXES = {
    "southern Baltic (Poland, Kaliningrad)": (13.5, 21.5, 53.3, 55.5),
    "north-western Black Sea": (27.0, 34.0, 44.0, 47.5),
}
COAST_SIMPLIFY_M = 20.0


def write_assets(out_dir, source_note: str) -> list[dict]:
    feats = []
    for name in sorted(ASSETS):
        lat, lon, kind, iso, src, note = ASSETS[name]
        props = {"name": name, "kind": kind, "country": iso, "source": src, "note": note}
        feats.append((props, Point(lon, lat)))
    geojson_out.write(out_dir / "assets.geojson", feats, "assets")
    return [p for p, _ in feats]


def write_coast(out_dir, gshhg_src: str, licence: str, attribution: str) -> list[dict]:
    """GSHHG level-1 (land/ocean) shorelines per box as MultiLineStrings, pieces merged across
    GMT's 1° bins, simplified by COAST_SIMPLIFY_M in a local azimuthal equidistant projection."""
    feats = []
    for label in sorted(COAST_BOXES):
        w, e, s, n = COAST_BOXES[label]
        segs = segments(gmt(["coast", "-Df", "-W", "-M", "-A0/1/1", f"-R{w}/{e}/{s}/{n}"]))
        lines = shapely.line_merge(shapely.unary_union(MultiLineString([LineString(x) for x in segs if len(x) > 1])))
        crs = f"+proj=aeqd +lat_0={(s + n) / 2} +lon_0={(w + e) / 2} +datum=WGS84 +units=m"
        f = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        b = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        xy = shapely.transform(lines, lambda c: np.column_stack(f.transform(c[:, 0], c[:, 1])))
        xy = shapely.simplify(xy, COAST_SIMPLIFY_M, preserve_topology=False)
        ll = shapely.transform(xy, lambda c: np.column_stack(b.transform(c[:, 0], c[:, 1])))
        parts = [g for g in shapely.get_parts(ll) if g.geom_type == "LineString" and len(g.coords) > 1]
        parts.sort(key=lambda g: (g.bounds, len(g.coords)))
        props = {"region": label, "box": [w, s, e, n], "parts": len(parts), "source": gshhg_src,
                 "method": f"gmt coast -Df -W -M -A0/1/1 (level 1: land/ocean; lagoons open to the sea count as ocean), merged across 1° bins, Douglas-Peucker {COAST_SIMPLIFY_M:.0f} m in a local azimuthal equidistant projection",
                 "licence": licence, "attribution": attribution}
        feats.append((props, MultiLineString(parts)))
    geojson_out.write(out_dir / "coast.geojson", feats, "coast")
    return [p for p, _ in feats]
