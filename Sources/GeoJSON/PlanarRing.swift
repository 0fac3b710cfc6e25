import GeometryCore

/// Ring arithmetic in the lon/lat plane (degrees treated as planar x/y), as RFC 7946 §3.1.6 defines
/// winding: only orientation and containment are computed here, never lengths or areas in metres.
enum PlanarRing {
    /// Twice the signed shoelace area in square degrees: positive for a counter-clockwise ring.
    /// Accepts a closed or open ring.
    static func signedArea(_ ring: [Position]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        let origin = ring[0].coordinate  // subtracting an origin keeps precision for far-off rings
        for i in 0..<ring.count {
            let a = ring[i].coordinate
            let b = ring[(i + 1) % ring.count].coordinate
            sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return sum
    }

    /// The ring wound counter-clockwise (`true`) or clockwise (`false`); a zero-area ring is returned as is.
    static func oriented(_ ring: [Position], counterClockwise: Bool) -> [Position] {
        let area = signedArea(ring)
        if area == 0 || (area > 0) == counterClockwise { return ring }
        return ring.reversed()
    }

    /// Even-odd ray-casting point-in-ring test (points on the boundary may go either way).
    static func contains(_ ring: [Position], _ p: Coordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i].coordinate, b = ring[j].coordinate
            if (a.y > p.y) != (b.y > p.y) {
                let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x)
                if p.x < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    /// A point strictly inside the ring's interior near its first edge, for hole assignment: the midpoint of
    /// the first edge nudged a little toward the ring's inside (left for CCW, right for CW).
    static func interiorProbe(_ ring: [Position]) -> Coordinate {
        let a = ring[0].coordinate, b = ring[1].coordinate
        let mid = Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        let dx = b.x - a.x, dy = b.y - a.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 0 else { return mid }
        let eps = min(1e-7, len * 1e-3)
        let sign: Double = signedArea(ring) >= 0 ? 1 : -1
        return Coordinate(x: mid.x - sign * dy / len * eps, y: mid.y + sign * dx / len * eps)
    }
}
