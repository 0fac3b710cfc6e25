import CGEOS

/// DE-9IM spatial predicates and equality. For many tests against one geometry use
/// `prepared()` instead: it is orders of magnitude faster.
extension Geometry {
    /// The two geometries share at least one point.
    public func intersects(_ other: Geometry) throws -> Bool { try predicate("intersects", other, GEOSIntersects_r) }
    /// `other` lies in this geometry and their interiors meet.
    public func contains(_ other: Geometry) throws -> Bool { try predicate("contains", other, GEOSContains_r) }
    /// This geometry lies in `other` and their interiors meet.
    public func within(_ other: Geometry) throws -> Bool { try predicate("within", other, GEOSWithin_r) }
    /// No point of `other` lies outside this geometry.
    public func covers(_ other: Geometry) throws -> Bool { try predicate("covers", other, GEOSCovers_r) }
    /// No point of this geometry lies outside `other`.
    public func coveredBy(_ other: Geometry) throws -> Bool { try predicate("coveredBy", other, GEOSCoveredBy_r) }
    /// The geometries meet only on their boundaries.
    public func touches(_ other: Geometry) throws -> Bool { try predicate("touches", other, GEOSTouches_r) }
    /// The geometries cross (e.g. a line passing through a polygon's boundary).
    public func crosses(_ other: Geometry) throws -> Bool { try predicate("crosses", other, GEOSCrosses_r) }
    /// The geometries share no point.
    public func disjoint(_ other: Geometry) throws -> Bool { try predicate("disjoint", other, GEOSDisjoint_r) }
    /// The geometries overlap (same dimension, interiors meet, neither contains the other).
    public func overlaps(_ other: Geometry) throws -> Bool { try predicate("overlaps", other, GEOSOverlaps_r) }
    /// Topological equality: the same point set, whatever the vertex order.
    public func equals(_ other: Geometry) throws -> Bool { try predicate("equals", other, GEOSEquals_r) }

    /// Structural equality: same type and same vertices in the same order, each within
    /// `tolerance` (CRS units). Normalize both first to ignore ring start and orientation.
    public func equalsExact(_ other: Geometry, tolerance: Double = 0) throws -> Bool {
        try predicate("equalsExact", other) { GEOSEqualsExact_r($0, $1, $2, tolerance) }
    }

    /// The DE-9IM intersection matrix, e.g. "212101212".
    public func relate(_ other: Geometry) throws -> String {
        let text = withExtendedLifetime(other) { GEOSRelate_r(context.handle, handle, other.handle) }
        guard let text else { throw context.failure("relate") }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Whether the DE-9IM matrix matches `pattern` (e.g. "T*F**F***").
    public func relate(_ other: Geometry, pattern: String) throws -> Bool {
        try pattern.withCString { p in
            try predicate("relate pattern", other) { GEOSRelatePattern_r($0, $1, $2, p) }
        }
    }
}
