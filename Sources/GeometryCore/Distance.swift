import CGEOS

/// Planar distances (CRS units: degrees for lon/lat data — not metres).
extension Geometry {
    /// The minimum planar distance to `other` (0 when they intersect).
    public func distance(to other: Geometry) throws -> Double {
        var d = 0.0
        let status = withExtendedLifetime(other) { GEOSDistance_r(context.handle, handle, other.handle, &d) }
        try context.checkStatus(status, "distance")
        return d
    }

    /// Whether the planar distance to `other` is at most `distance`.
    public func isWithinDistance(_ other: Geometry, distance: Double) throws -> Bool {
        try predicate("distanceWithin", other) { GEOSDistanceWithin_r($0, $1, $2, distance) }
    }

    /// The closest pair of points: `(onSelf, onOther)`. Throws for empty input.
    public func nearestPoints(_ other: Geometry) throws -> (Coordinate, Coordinate) {
        let seq = withExtendedLifetime(other) { GEOSNearestPoints_r(context.handle, handle, other.handle) }
        guard let seq else { throw context.failure("nearestPoints") }
        defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
        let coords = try context.coordinates(of: seq, "nearestPoints")
        guard coords.count == 2 else {
            throw GeometryError.geos(operation: "nearestPoints", message: "expected 2 points, got \(coords.count)")
        }
        return (coords[0], coords[1])
    }

    /// The Hausdorff distance to `other` (CRS units).
    public func hausdorffDistance(to other: Geometry) throws -> Double {
        var d = 0.0
        let status = withExtendedLifetime(other) { GEOSHausdorffDistance_r(context.handle, handle, other.handle, &d) }
        try context.checkStatus(status, "hausdorffDistance")
        return d
    }
}
