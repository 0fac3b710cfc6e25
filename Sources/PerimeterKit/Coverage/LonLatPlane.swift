import GeometryCore

/// The lon/lat plane [-180, 180] × [-90, 90] in which coverage is unioned: RFC 7946's own picture of the
/// globe, cut at the antimeridian, a polar cap being a polygon with an edge along latitude ±90.
///
/// A polygon given in continuous longitudes (beyond ±180 when it crosses the antimeridian, spanning 360°
/// when it runs round a pole) is cut into the bands [-180 + 360k, 180 + 360k] and each piece shifted
/// into [-180, 180]. Pieces on either side of the cut share the crossing points, so their union is the
/// polygon, and a later planar union in this plane is exact for it.
enum LonLatPlane {
    /// Pieces of the closed ring `ring` (continuous longitudes), each a closed shell within [-180, 180].
    static func cut(ring: [Coordinate], context: GEOSContext) throws -> [[Coordinate]] {
        var minX = Double.infinity, maxX = -Double.infinity
        for p in ring { minX = min(minX, p.x); maxX = max(maxX, p.x) }
        if minX >= -180 && maxX <= 180 { return [splittingPoleEdges(ring)] }
        let polygon = try Geometry.polygon(shell: ring, context: context)
        var pieces: [[Coordinate]] = []
        for k in bands(minX, maxX) {
            let shift = 360 * Double(k)
            let clipped = try polygon.clip(to: Bounds(minX: shift - 180, minY: -91, maxX: shift + 180, maxY: 91))
            for rings in try clipped.polygonRings {
                guard let shell = rings.first, shell.count >= 4 else { continue }
                pieces.append(splittingPoleEdges(shell.map { Coordinate(lon: min(180, max(-180, $0.x - shift)), lat: $0.y) }))
            }
        }
        return pieces
    }

    /// Bands met by a shape whose longitudes run from `minX` to `maxX` (a shape ending exactly on an edge
    /// does not reach into the next band).
    static func bands(_ minX: Double, _ maxX: Double) -> ClosedRange<Int> {
        let lo = Int(((minX + 180) / 360).rounded(.down)), hi = Int(((maxX + 180) / 360).rounded(.up)) - 1
        return lo...max(lo, hi)
    }

    /// The ring with a vertex inserted every 90° of longitude along its pole-line edges (latitude ±90 at both
    /// ends), so that no step jumps more than 180° of longitude: readers take such a jump for an uncut
    /// antimeridian crossing. GEOS drops these collinear vertices in an overlay; `withPoleEdgesSplit` puts them back.
    static func splittingPoleEdges(_ ring: [Coordinate]) -> [Coordinate] {
        guard ring.count > 1 else { return ring }
        // Most rings have no such edge: the ring itself, not a copy.
        guard zip(ring, ring.dropFirst()).contains(where: { p, q in abs(p.y) == 90 && p.y == q.y && abs(q.x - p.x) > 90 }) else {
            return ring
        }
        var out: [Coordinate] = [ring[0]]
        for i in 1..<ring.count {
            let p = ring[i - 1], q = ring[i]
            if abs(p.y) == 90 && p.y == q.y && abs(q.x - p.x) > 90 {
                let steps = Int((abs(q.x - p.x) / 90).rounded(.up))
                for k in 1..<steps { out.append(Coordinate(lon: p.x + (q.x - p.x) * Double(k) / Double(steps), lat: p.y)) }
            }
            out.append(q)
        }
        return out
    }

    /// `geometry`'s polygons with their pole-line edges split (see `splittingPoleEdges`); itself when none needs it.
    static func withPoleEdgesSplit(_ geometry: Geometry, context: GEOSContext) throws -> Geometry {
        let polygons = try geometry.polygonRings
        let needs = polygons.contains { rings in
            rings.contains { r in zip(r, r.dropFirst()).contains { abs($0.y) == 90 && $0.y == $1.y && abs($1.x - $0.x) > 90 } }
        }
        guard needs else { return geometry }
        let rebuilt = try polygons.map { rings in
            try Geometry.polygon(shell: splittingPoleEdges(rings[0]), holes: rings.dropFirst().map(splittingPoleEdges), context: context)
        }
        return rebuilt.count == 1 ? rebuilt[0] : try Geometry.multiPolygon(rebuilt, context: context)
    }

    /// Bounds of a list of coordinates.
    static func bounds(_ points: [Coordinate]) -> Bounds {
        var b = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for p in points {
            b.minX = min(b.minX, p.x); b.maxX = max(b.maxX, p.x)
            b.minY = min(b.minY, p.y); b.maxY = max(b.maxY, p.y)
        }
        return b
    }
}
