import CGEOS

/// Boolean overlay (OverlayNG in GEOS 3.9+). Results live in the receiver's context.
extension Geometry {
    /// Points in both geometries.
    public func intersection(_ other: Geometry) throws -> Geometry { try derived("intersection", with: other, GEOSIntersection_r) }
    /// Points in either geometry.
    public func union(_ other: Geometry) throws -> Geometry { try derived("union", with: other, GEOSUnion_r) }
    /// Points in this geometry and not in `other`.
    public func difference(_ other: Geometry) throws -> Geometry { try derived("difference", with: other, GEOSDifference_r) }
    /// Points in exactly one of the two geometries.
    public func symmetricDifference(_ other: Geometry) throws -> Geometry { try derived("symmetricDifference", with: other, GEOSSymDifference_r) }

    /// The union of all parts of this geometry (dissolves overlapping polygons of a multi
    /// polygon or collection, nodes line work).
    public func unaryUnion() throws -> Geometry { try derived("unaryUnion", GEOSUnaryUnion_r) }

    /// The union of a polygonal coverage — polygons that meet only along shared edges with the same vertices
    /// (the cells of a Voronoi diagram) — in linear time: the edges two polygons share are dropped and the rest
    /// polygonized (GEOS `CoverageUnion`). GEOS fails when the input is not such a coverage.
    public func coverageUnion() throws -> Geometry { try derived("coverageUnion", GEOSCoverageUnion_r) }

    /// The intersection with an axis-aligned rectangle, fast (may give invalid output for
    /// invalid input, as GEOSClipByRect does).
    public func clip(to b: Bounds) throws -> Geometry {
        try derived("clipByRect") { GEOSClipByRect_r($0, $1, b.minX, b.minY, b.maxX, b.maxY) }
    }

    /// The union of many geometries at once (shapely's `union_all`), computed by a single
    /// cascaded unary union; an empty array gives `GEOMETRYCOLLECTION EMPTY`.
    public static func unionAll(_ geometries: [Geometry], context: GEOSContext = GEOSContext()) throws -> Geometry {
        let all = try geometryCollection(geometries, context: context)
        return try all.unaryUnion()
    }
}
