import CGEOS

extension Geometry {
    /// Splits a polygon or multi polygon by a line (or multi line), returning the pieces.
    ///
    /// GEOS 3.11's C API has no split, so this polygonizes the noded union of the polygon's
    /// boundary and the line and keeps the faces whose interior point lies inside the polygon.
    /// A line that does not cross the polygon gives the polygon back as the only piece. The
    /// pieces' areas sum to the polygon's area (up to noding round-off).
    public func split(by blade: Geometry) throws -> [Geometry] {
        try require([.polygon, .multiPolygon], "split", expected: "Polygon or MultiPolygon")
        try blade.require([.lineString, .linearRing, .multiLineString], "split", expected: "LineString or MultiLineString")
        if try isEmpty { return [] }
        let edges = try boundary().union(blade)   // union nodes the line work
        let faces = try edges.polygonize()
        let inside = try prepared()
        var pieces: [Geometry] = []
        for i in 0..<(try faces.numGeometries) {
            let face = try faces.geometry(at: i)
            if try inside.contains(face.pointOnSurface()) { pieces.append(face) }
        }
        return pieces
    }
}
