import CGEOS

/// Voronoi diagrams and Delaunay triangulations of a geometry's vertices (planar, CRS units).
extension Geometry {
    /// The Voronoi diagram of this geometry's vertices: a collection of polygons, one cell per
    /// distinct site (or, with `onlyEdges`, a multi line string of the cell edges).
    /// `envelope` extends the diagram's clip area (GEOS uses at least the sites' extent plus a
    /// margin); `tolerance` snaps sites closer than it (CRS units).
    public func voronoiDiagram(envelope: Geometry? = nil, tolerance: Double = 0, onlyEdges: Bool = false) throws -> Geometry {
        try withExtendedLifetime(envelope) {
            try derived("voronoiDiagram") { GEOSVoronoiDiagram_r($0, $1, envelope?.handle, tolerance, onlyEdges ? 1 : 0) }
        }
    }

    /// The Delaunay triangulation of this geometry's vertices: a collection of triangles (or,
    /// with `onlyEdges`, a multi line string of the edges).
    public func delaunayTriangulation(tolerance: Double = 0, onlyEdges: Bool = false) throws -> Geometry {
        try derived("delaunayTriangulation") { GEOSDelaunayTriangulation_r($0, $1, tolerance, onlyEdges ? 1 : 0) }
    }

    /// The Voronoi cells of `sites` (x/y = lon/lat), as a collection of polygons.
    public static func voronoi(
        sites: [Coordinate], envelope: Geometry? = nil, tolerance: Double = 0, context: GEOSContext = GEOSContext()
    ) throws -> Geometry {
        try multiPoint(sites, context: context).voronoiDiagram(envelope: envelope, tolerance: tolerance)
    }
}
