import CGEOS

/// Planar measures and derived geometries (CRS units: square degrees / degrees for lon/lat).
extension Geometry {
    /// Planar area (0 for points and lines), positive whatever the ring orientation.
    public var area: Double {
        get throws {
            var a = 0.0
            try context.checkStatus(GEOSArea_r(context.handle, handle, &a), "area")
            return a
        }
    }

    /// Planar length of lines, or perimeter of polygons.
    public var length: Double {
        get throws {
            var l = 0.0
            try context.checkStatus(GEOSLength_r(context.handle, handle, &l), "length")
            return l
        }
    }

    /// The bounding rectangle, or nil for an empty geometry.
    public var bounds: Bounds? {
        get throws {
            if try isEmpty { return nil }
            var b = Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
            let h = context.handle
            try context.checkStatus(GEOSGeom_getXMin_r(h, handle, &b.minX), "bounds")
            try context.checkStatus(GEOSGeom_getYMin_r(h, handle, &b.minY), "bounds")
            try context.checkStatus(GEOSGeom_getXMax_r(h, handle, &b.maxX), "bounds")
            try context.checkStatus(GEOSGeom_getYMax_r(h, handle, &b.maxY), "bounds")
            return b
        }
    }

    /// The bounding rectangle as a geometry (a point or line when degenerate).
    public func envelope() throws -> Geometry { try derived("envelope", GEOSEnvelope_r) }
    /// The topological boundary (rings of a polygon, end points of a line).
    public func boundary() throws -> Geometry { try derived("boundary", GEOSBoundary_r) }
    /// The centre of mass (planar); may lie outside a concave polygon. Empty for empty input.
    public func centroid() throws -> Geometry { try derived("centroid", GEOSGetCentroid_r) }
    /// A point guaranteed to lie in the geometry's interior.
    public func pointOnSurface() throws -> Geometry { try derived("pointOnSurface", GEOSPointOnSurface_r) }
    /// The convex hull.
    public func convexHull() throws -> Geometry { try derived("convexHull", GEOSConvexHull_r) }
}
