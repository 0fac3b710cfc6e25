"""Reading the Debian GMT data sets (DCW-GMT country polygons, GSHHG shorelines, WDBII rivers).

Every call runs `gmt` in a throw-away directory with GMT_TMPDIR pointing there, so no
`gmt.history` (or anything else) lands in the repository. All coordinates are lon/lat degrees
(WGS84, as GMT prints them).
"""
from __future__ import annotations

import os
import subprocess
import tempfile

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon, box


def gmt(args: list[str], stdin: str | None = None) -> str:
    """Run `gmt <args>` in a temporary directory and return its standard output."""
    with tempfile.TemporaryDirectory(prefix="gmt-") as td:
        env = dict(os.environ, GMT_TMPDIR=td)
        r = subprocess.run(["gmt", *args], cwd=td, env=env, input=stdin,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"gmt {' '.join(args)} failed: {r.stderr.strip()}")
        return r.stdout


def segments(text: str) -> list[np.ndarray]:
    """Split GMT multisegment text (`>` headers) into arrays of (lon, lat)."""
    out: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] | None = None
    for line in text.splitlines():
        if line.startswith(">"):
            cur = []
            out.append(cur)
        elif line.strip() and not line.startswith("#"):
            a, b = line.split()[:2]
            assert cur is not None
            cur.append((float(a), float(b)))
    return [np.array(s) for s in out if len(s) > 0]


def dcw_rings(iso2: str) -> list[np.ndarray]:
    """The rings of a DCW country (parts and holes mixed), lon/lat."""
    return segments(gmt(["coast", f"-E{iso2}", "-M"]))


def even_odd(rings: list[np.ndarray], clip=None):
    """Polygon of a ring soup by the even-odd rule (symmetric difference of ring interiors),
    optionally clipped to `clip` first (intersection distributes over symmetric difference)."""
    polys = []
    for r in rings:
        if len(r) < 4:
            continue
        p = shapely.make_valid(Polygon(r))
        if clip is not None:
            if not p.intersects(clip):
                continue
            p = p.intersection(clip)
        p = _polygonal(p)
        if not p.is_empty:
            polys.append(p)
    # Rings rarely overlap except as holes; XOR in area order keeps it fast and deterministic.
    polys.sort(key=lambda g: -g.area)
    out = shapely.symmetric_difference_all(polys)
    return _polygonal(shapely.make_valid(out))


def _polygonal(g):
    """Only the polygonal parts of a geometry, as a (Multi)Polygon."""
    if g.is_empty:
        return shapely.MultiPolygon()
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.unary_union(parts) if parts else shapely.MultiPolygon()


def shore_polygons(w: float, e: float, s: float, n: float, level: int, resolution: str = "f") -> shapely.Geometry:
    """GSHHG areas (full resolution unless `resolution` says c, l, i or h) of one level, merged across GMT's bins, inside [w,e]×[s,n].

    `gmt coast -W -M` prints shorelines cut at bin edges and at the region. We node those lines
    with the 1° grid and the region frame, polygonize, and keep the faces whose interior point
    GMT itself (`gmt select -N`) puts inside the wanted level:
    level 1 → land (everything not ocean, lakes included); level 2 → lakes (islands in them
    included, i.e. no holes)."""
    R = f"-R{w}/{e}/{s}/{n}"
    segs = segments(gmt(["coast", f"-D{resolution}", "-W", "-M", f"-A0/{level}/{level}", R]))
    lines = [LineString(x) for x in segs if len(x) > 1]
    frame = box(w, s, e, n).boundary
    grid = [LineString([(x, s), (x, n)]) for x in range(int(np.ceil(w)), int(np.floor(e)) + 1)]
    grid += [LineString([(w, y), (e, y)]) for y in range(int(np.ceil(s)), int(np.floor(n)) + 1)]
    noded = shapely.unary_union(shapely.set_precision(
        MultiLineString([*lines, frame, *grid]), 1e-7))
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    pts = shapely.point_on_surface(faces)
    txt = "\n".join(f"{p.x:.9f} {p.y:.9f} {i}" for i, p in enumerate(pts))
    mask = "s/k/k/k/k" if level == 1 else "s/s/k/s/s"
    keep = gmt(["select", f"-D{resolution}", f"-A0/1/{level}", f"-N{mask}", R], stdin=txt + "\n")
    idx = sorted({int(line.split()[2]) for line in keep.splitlines() if line.strip()})
    return shapely.unary_union([faces[i] for i in idx])


def rivers(level: str, w: float, e: float, s: float, n: float) -> list[np.ndarray]:
    """WDBII river lines (`gmt coast -I<level> -Df -M`) inside [w,e]×[s,n]."""
    return segments(gmt(["coast", f"-I{level}", "-Df", "-M", f"-R{w}/{e}/{s}/{n}"]))


def point(lon: float, lat: float) -> Point:
    return Point(lon, lat)
