import CGEOS

extension Geometry {
    /// The largest circle inside a polygonal geometry (GEOS `MaximumInscribedCircle`): its
    /// centre is the polygon's "pole of inaccessibility", the best place for a label.
    /// - Parameter tolerance: how close to the true optimum the search stops, in CRS units.
    /// - Returns: the centre and the radius (CRS units).
    public func maximumInscribedCircle(tolerance: Double) throws -> (center: Coordinate, radius: Double) {
        guard tolerance.isFinite, tolerance > 0 else {
            throw GeometryError.invalidArgument("maximumInscribedCircle: tolerance must be > 0, got \(tolerance)")
        }
        let line = try derived("maximumInscribedCircle") { h, g in GEOSMaximumInscribedCircle_r(h, g, tolerance) }
        let ends = try line.coordinates
        guard let c = ends.first, let r = ends.last else {
            throw GeometryError.invalidArgument("maximumInscribedCircle: empty input")
        }
        return (c, ((r.x - c.x) * (r.x - c.x) + (r.y - c.y) * (r.y - c.y)).squareRoot())
    }
}
