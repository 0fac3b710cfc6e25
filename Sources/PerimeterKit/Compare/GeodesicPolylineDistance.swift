import GeometryCore

/// Exact ellipsoidal (WGS84) distance from points to a set of polylines whose edges are geodesics.
///
/// Edges are screened in a `LocalProjection` covering the points and lines (planar point-to-segment distances,
/// cheap arithmetic): only edges whose planar distance lies within twice the projection's scale error (+200 m) of
/// the planar minimum are refined. Each is refined by a
/// golden-section search over the position along the geodesic edge (PROJ's `geod_direct`/`geod_inverse`,
/// Karney's algorithms) to 1 mm, so the result is the true geodesic distance to the nearest point of the
/// polylines, not a vertex or projected approximation.
public struct GeodesicPolylineDistance {
    /// Polyline vertices, lon/lat, and their projected positions.
    let lines: [[Coordinate]]
    let projected: [[Coordinate]]
    let projection: LocalProjection

    public init(lines: [[Coordinate]], projection: LocalProjection) throws {
        self.lines = lines.filter { $0.count > 0 }
        self.projection = projection
        projected = try self.lines.map { try projection.forward($0) }
    }

    /// The nearest point of the polylines to `p` and its geodesic distance (metres); nil when there are no lines.
    public func nearest(to p: Coordinate) throws -> (distanceM: Double, point: Coordinate)? {
        guard !lines.isEmpty else { return nil }
        let q = try projection.forward([p])[0]
        var planar: [(d: Double, line: Int, edge: Int)] = []
        var best = Double.infinity
        for (k, xy) in projected.enumerated() {
            if xy.count == 1 {
                let d = ((xy[0].x - q.x) * (xy[0].x - q.x) + (xy[0].y - q.y) * (xy[0].y - q.y)).squareRoot()
                planar.append((d, k, -1)); best = min(best, d); continue
            }
            for i in 0..<(xy.count - 1) {
                let d = Self.pointSegment(q, xy[i], xy[i + 1])
                planar.append((d, k, i)); best = min(best, d)
            }
        }
        // The projection scales distances inside the area it covers by at most its stated scale error: refine every
        // edge whose planar distance could still hide the geodesic minimum (twice that error, plus 200 m).
        let limit = best * (1 + 2 * max(projection.maxScaleErrorPct, 0.05) / 100) + 200
        var result: (distanceM: Double, point: Coordinate)?
        for c in planar where c.d <= limit {
            let r: (Double, Coordinate)
            if c.edge < 0 {
                r = (Geodesic.wgs84.distance(p, lines[c.line][0]), lines[c.line][0])
            } else {
                r = Self.nearestOnGeodesic(p, lines[c.line][c.edge], lines[c.line][c.edge + 1])
            }
            if result == nil || r.0 < result!.distanceM { result = (r.0, r.1) }
        }
        return result
    }

    /// Nearest point of the geodesic edge a→b to `p`: golden-section search on the distance along the edge.
    static func nearestOnGeodesic(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> (Double, Coordinate) {
        let g = Geodesic.wgs84
        let inv = g.inverse(a, b)
        guard inv.distance > 0.001 else { return (g.distance(p, a), a) }
        func at(_ s: Double) -> (Double, Coordinate) {
            let c = s <= 0 ? a : (s >= inv.distance ? b : g.direct(from: a, azimuth: inv.azimuth1, distance: s).coordinate)
            return (g.distance(p, c), c)
        }
        let phi = (5.0.squareRoot() - 1) / 2
        var lo = 0.0, hi = inv.distance
        var x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo)
        var f1 = at(x1).0, f2 = at(x2).0
        while hi - lo > 0.001 {
            if f1 <= f2 { hi = x2; x2 = x1; f2 = f1; x1 = hi - phi * (hi - lo); f1 = at(x1).0 }
            else { lo = x1; x1 = x2; f1 = f2; x2 = lo + phi * (hi - lo); f2 = at(x2).0 }
        }
        return [at(0), at(inv.distance), at((lo + hi) / 2)].min { $0.0 < $1.0 }!
    }

    /// Planar distance from q to the segment a–b.
    static func pointSegment(_ q: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let l2 = dx * dx + dy * dy
        var t = l2 > 0 ? ((q.x - a.x) * dx + (q.y - a.y) * dy) / l2 : 0
        t = min(1, max(0, t))
        let x = a.x + t * dx - q.x, y = a.y + t * dy - q.y
        return (x * x + y * y).squareRoot()
    }
}
