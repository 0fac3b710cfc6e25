import CGEOS

extension Geometry {
    /// Douglas–Peucker simplification with `tolerance` in CRS units.
    /// `preserveTopology: true` (default) keeps rings valid and non-crossing
    /// (GEOSTopologyPreserveSimplify); `false` is plain Douglas–Peucker, which may produce
    /// invalid or collapsed polygons.
    public func simplify(tolerance: Double, preserveTopology: Bool = true) throws -> Geometry {
        guard tolerance.isFinite, tolerance >= 0 else {
            throw GeometryError.invalidArgument("simplify: tolerance must be finite and >= 0, got \(tolerance)")
        }
        if preserveTopology {
            return try derived("topology-preserving simplify") { GEOSTopologyPreserveSimplify_r($0, $1, tolerance) }
        }
        return try derived("simplify") { GEOSSimplify_r($0, $1, tolerance) }
    }
}
