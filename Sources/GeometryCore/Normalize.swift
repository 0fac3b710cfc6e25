import CGEOS

extension Geometry {
    /// A copy in GEOS's normal form (rings start at their lowest vertex with a fixed
    /// orientation, parts sorted): two normalized geometries of the same shape are
    /// `equalsExact`.
    public func normalized() throws -> Geometry {
        let copy = try self.copy()
        guard GEOSNormalize_r(context.handle, copy.handle) == 0 else { throw context.failure("normalize") }
        return copy
    }

    /// The same shape with the vertex order of every line and ring reversed.
    public func reversed() throws -> Geometry { try derived("reverse", GEOSReverse_r) }
}
