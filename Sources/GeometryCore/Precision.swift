import CGEOS

extension Geometry {
    /// The geometry with every coordinate snapped to a grid of `gridSize` (CRS units: degrees
    /// for lon/lat), made topologically valid at that precision (GEOS `GEOSGeom_setPrecision_r`,
    /// default flags: polygons whose parts collapse are dropped, touching edges are noded).
    ///
    /// Use before writing at a fixed number of decimals (1e-6 for 6 decimals) so that writing
    /// and reading back changes nothing and the result stays valid.
    /// - Throws: `GeometryError` if `gridSize` is negative or not finite, or GEOS fails.
    public func withPrecision(gridSize: Double) throws -> Geometry {
        guard gridSize.isFinite, gridSize >= 0 else {
            throw GeometryError.invalidArgument("grid size \(gridSize) must be finite and ≥ 0")
        }
        return try derived("setPrecision") { GEOSGeom_setPrecision_r($0, $1, gridSize, 0) }
    }
}
