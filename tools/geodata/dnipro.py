"""The Dnipro as one continuous line, stitched from WDBII rivers and GSHHG lake centre lines.

Stretches, downstream:
1. WDBII level-1 river from its first contact with Ukraine (DCW) on the Belarus–Ukraine border
   to the head of the Kyiv reservoir;
2. centre line of the merged GSHHG level-2 lake "Kyiv reservoir" to the Kyiv dam;
3. WDBII level-1 river from the Kyiv dam through the Kaniv reservoir to Kaniv;
4. centre line of the merged GSHHG level-2 lake that models the whole Kaniv→Kherson reach
   (Kremenchuk, Kamianske, Dnipro and Kakhovka reservoirs and the channels between them);
5. below Kherson: the unnamed WDBII river piece of the delta, joined by straight geodesic
   connectors to the lake's end and to the published mouth in the Dnipro–Buh estuary.

Centre lines: the lake is projected to an azimuthal equidistant projection centred on the river,
its boundary densified every 300 m, the Voronoi diagram of those points (GEOS) is cut to the
edges strictly inside the lake, and Dijkstra's shortest path through those edges joins the two
ends. The whole line is then simplified (Douglas–Peucker, 50 m, in the same projection).
"""
from __future__ import annotations

import heapq

import numpy as np
import pyproj
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import substring

from gmtdata import rivers, shore_polygons

GEOD = pyproj.Geod(ellps="WGS84")
AEQD = "+proj=aeqd +lat_0=48.5 +lon_0=32.5 +datum=WGS84 +units=m"
TO_XY = pyproj.Transformer.from_crs("EPSG:4326", AEQD, always_xy=True)
TO_LL = pyproj.Transformer.from_crs(AEQD, "EPSG:4326", always_xy=True)
REGION = (28, 37, 45.5, 52.5)
# Published mouth of the Dnipro in the Dnipro–Buh estuary, 46°29′47″N 32°17′14″E (Wikipedia (cs): Dněpr).
MOUTH = (32.287222, 46.496389)
SPACING_M = 300.0
SIMPLIFY_M = 50.0


def to_xy(g):
    return shapely.transform(g, lambda c: np.column_stack(TO_XY.transform(c[:, 0], c[:, 1])))


def to_ll(g):
    return shapely.transform(g, lambda c: np.column_stack(TO_LL.transform(c[:, 0], c[:, 1])))


def centre_line(lake_xy, a, b) -> np.ndarray:
    """Shortest path from point a to point b (x, y metres) through the Voronoi edges inside lake_xy."""
    dense = shapely.segmentize(lake_xy, SPACING_M)
    pts = np.unique(np.round(shapely.get_coordinates(dense.boundary), 2), axis=0)
    edges = np.array(shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), only_edges=True)))
    shapely.prepare(lake_xy)
    edges = edges[shapely.contains_properly(lake_xy, edges)]
    ends = np.round(shapely.get_coordinates(edges).reshape(-1, 2, 2), 2)
    ids: dict[tuple[float, float], int] = {}
    for e in ends.reshape(-1, 2):
        ids.setdefault((e[0], e[1]), len(ids))
    nodes = np.array(list(ids.keys()))
    adj: list[list[tuple[int, float]]] = [[] for _ in nodes]
    for (x1, y1), (x2, y2) in ends:
        i, j = ids[(x1, y1)], ids[(x2, y2)]
        if i != j:
            w = float(np.hypot(x2 - x1, y2 - y1))
            adj[i].append((j, w))
            adj[j].append((i, w))
    s = int(np.argmin(np.hypot(nodes[:, 0] - a[0], nodes[:, 1] - a[1])))
    t = int(np.argmin(np.hypot(nodes[:, 0] - b[0], nodes[:, 1] - b[1])))
    dist = {s: 0.0}
    prev: dict[int, int] = {}
    heap = [(0.0, s)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == t:
            break
        if d > dist.get(u, np.inf):
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist.get(v, np.inf):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    if t not in dist:
        raise SystemExit("dnipro: no path through the lake's Voronoi edges")
    path = [t]
    while path[-1] != s:
        path.append(prev[path[-1]])
    path.reverse()
    return np.vstack([np.array(a)[None], nodes[path], np.array(b)[None]])


def _merged_rivers() -> list[LineString]:
    segs = rivers("1", *REGION)
    merged = shapely.line_merge(shapely.MultiLineString([LineString(s) for s in segs if len(s) > 1]))
    return list(shapely.get_parts(merged))


def _piece_ending_near(pieces, lon, lat, tol=0.01) -> LineString:
    p = Point(lon, lat)
    hits = [g for g in pieces if Point(g.coords[-1]).distance(p) < tol or Point(g.coords[0]).distance(p) < tol]
    if len(hits) != 1:
        raise SystemExit(f"dnipro: expected one WDBII river piece at {lon} {lat}, found {len(hits)}")
    g = hits[0]
    # Orient downstream (north to south): the Dnipro flows south-east throughout Ukraine.
    return g if g.coords[0][1] > g.coords[-1][1] else LineString(g.coords[::-1])


def build(ua) -> tuple[LineString, dict]:
    """The stitched Dnipro (lon/lat LineString) and facts about how it was made."""
    pieces = _merged_rivers()
    upper = _piece_ending_near(pieces, 30.5153, 51.2150)   # Belarus → head of the Kyiv reservoir
    middle = _piece_ending_near(pieces, 30.5247, 50.5942)  # Kyiv dam → Kaniv
    # Cut the upper river at its first contact with DCW Ukraine (the Belarus–Ukraine border).
    cross = upper.intersection(ua.boundary)
    first = min((upper.project(p) for p in shapely.get_parts(cross)), default=0.0)
    upper = substring(upper, first, upper.length)

    lakes = sorted(shapely.get_parts(shore_polygons(*REGION, level=2)), key=lambda p: -p.area)
    def lake_near(pt):
        return min(lakes[:10], key=lambda p: p.distance(pt))
    kyiv_res = lake_near(Point(upper.coords[-1]))
    cascade = lake_near(Point(middle.coords[-1]))
    if kyiv_res.equals(cascade):
        raise SystemExit("dnipro: the Kyiv reservoir and the Kaniv→Kherson lake came out as one polygon")

    # Lower end of the cascade lake: its point nearest to the mouth; then the delta river piece.
    mouth = Point(MOUTH)
    lake_end = shapely.ops.nearest_points(cascade, mouth)[0]
    delta = [LineString(s) for s in rivers("a", 32.0, 32.9, 46.3, 46.8) if len(s) > 1]
    delta = [g for g in delta if g.distance(lake_end) < 0.1 and g.distance(mouth) < 0.2]
    lower_tail: list[tuple[float, float]] = []
    if delta:
        d = min(delta, key=lambda g: g.distance(mouth))
        c = list(d.coords)
        if Point(c[0]).distance(mouth) < Point(c[-1]).distance(mouth):
            c.reverse()
        lower_tail = c

    xy = lambda g: shapely.get_coordinates(to_xy(g))
    kyiv_xy = to_xy(kyiv_res)
    cascade_xy = to_xy(cascade)
    up_xy, mid_xy = xy(upper), xy(middle)
    tail_xy = xy(LineString(lower_tail + [MOUTH])) if lower_tail else xy(LineString([MOUTH, MOUTH]))
    c1 = centre_line(kyiv_xy, up_xy[-1], mid_xy[0])
    c2 = centre_line(cascade_xy, mid_xy[-1], xy(lake_end)[0])
    parts = [up_xy, c1[1:-1], mid_xy, c2[1:], tail_xy]
    coords = np.vstack(parts)
    keep = np.r_[True, np.any(np.diff(coords, axis=0) != 0, axis=1)]
    line_xy = LineString(coords[keep])
    # Straight connectors across the delta gap are densified along the geodesic by segmentize in AEQD (≤ 1 km).
    line_xy = shapely.segmentize(line_xy, 1000.0)
    raw_len = GEOD.geometry_length(to_ll(line_xy))
    simple_xy = shapely.simplify(line_xy, SIMPLIFY_M, preserve_topology=True)
    line = to_ll(simple_xy)
    info = {
        "vertices_before_simplify": int(len(line_xy.coords)),
        "vertices": int(len(line.coords)),
        "length_before_simplify_km": raw_len / 1000,
        "start": line.coords[0],
        "kyiv_reservoir_km2": abs(GEOD.geometry_area_perimeter(kyiv_res)[0]) / 1e6,
        "cascade_lake_km2": abs(GEOD.geometry_area_perimeter(cascade)[0]) / 1e6,
        "lake_end": (lake_end.x, lake_end.y),
        "delta_piece": bool(lower_tail),
        "gap_km": GEOD.inv(lake_end.x, lake_end.y, *MOUTH)[2] / 1000,
    }
    return line, info
