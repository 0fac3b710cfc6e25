"""Deterministic RFC 7946 GeoJSON writing: lon/lat at 6 decimals, exterior rings CCW, holes CW,
no `crs`, sorted properties, one feature per line."""
from __future__ import annotations

import json

import shapely
from shapely.geometry.polygon import orient


def _ring(coords) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for x, y in coords:
        p = (round(x, 6) + 0.0, round(y, 6) + 0.0)
        if not out or out[-1] != p:
            out.append(p)
    return out


def _pos(ps) -> str:
    return "[" + ",".join(f"[{x:.6f},{y:.6f}]" for x, y in ps) + "]"


def _poly(p) -> str:
    p = orient(p, sign=1.0)
    rings = [_ring(p.exterior.coords)] + [_ring(r.coords) for r in p.interiors]
    return "[" + ",".join(_pos(r) for r in rings if len(r) >= 4) + "]"


def geometry(g) -> str:
    if g.geom_type in ("Polygon", "MultiPolygon"):
        # Snap to the 1e-6° grid we print at, keeping the polygon valid (GEOS precision reducer).
        g = shapely.set_precision(g, 1e-6)
    t = g.geom_type
    if t == "Point":
        (x, y), = _ring(g.coords)
        return f'{{"type":"Point","coordinates":[{x:.6f},{y:.6f}]}}'
    if t == "LineString":
        return f'{{"type":"LineString","coordinates":{_pos(_ring(g.coords))}}}'
    if t == "MultiLineString":
        return '{"type":"MultiLineString","coordinates":[' + ",".join(_pos(_ring(l.coords)) for l in g.geoms) + "]}"
    if t == "Polygon":
        return f'{{"type":"Polygon","coordinates":{_poly(g)}}}'
    if t == "MultiPolygon":
        parts = sorted(g.geoms, key=lambda p: (-p.area, p.bounds))
        if len(parts) == 1:
            return f'{{"type":"Polygon","coordinates":{_poly(parts[0])}}}'
        return '{"type":"MultiPolygon","coordinates":[' + ",".join(_poly(p) for p in parts) + "]}"
    raise ValueError(f"unsupported geometry {t}")


def _clean(v):
    if isinstance(v, float):
        return round(v, 3)
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    return v


def write(path, features: list[tuple[dict, object]], name: str) -> None:
    """Write a FeatureCollection; features are (properties, shapely geometry), kept in given order."""
    lines = []
    for props, geom in features:
        p = json.dumps(_clean(props), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        lines.append(f'{{"type":"Feature","properties":{p},"geometry":{geometry(geom)}}}')
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","name":' + json.dumps(name) + ',"features":[\n')
        f.write(",\n".join(lines))
        f.write("\n]}\n")
