import GeometryCore

/// Small helpers for overlay results, which may mix polygons, lines and points.
extension Geometry {
    /// The polygons of this geometry (flattening multi polygons and collections) as one
    /// MultiPolygon; lines and points from overlay degeneracies are dropped.
    func polygonalPart() throws -> Geometry {
        try Geometry.multiPolygon(polygons(), context: context)
    }

    /// The line strings of this geometry (flattening multi lines and collections) as one
    /// MultiLineString; points and polygons are dropped.
    func linealPart() throws -> Geometry {
        func collect(_ g: Geometry, _ out: inout [Geometry]) throws {
            switch try g.type {
            case .lineString: if try !g.isEmpty { out.append(g) }
            case .linearRing: out.append(try Geometry.lineString(g.coordinates, context: context))
            case .multiLineString, .geometryCollection: for p in try g.geometries { try collect(p, &out) }
            default: break
            }
        }
        var lines: [Geometry] = []
        try collect(self, &lines)
        return try Geometry.multiLineString(lines, context: context)
    }

    /// Every non-empty polygon in this geometry.
    func polygons() throws -> [Geometry] {
        switch try type {
        case .polygon: return try isEmpty ? [] : [self]
        case .multiPolygon, .geometryCollection: return try geometries.flatMap { try $0.polygons() }
        default: return []
        }
    }

    /// A conservative (never smaller) cheap buffer for finding regions: each polygon simplified
    /// by `coarse` metres (its convex hull if that collapses it), buffered by `distance + 2·coarse`
    /// with 2 segments per quadrant (chords ≤ 7.7 % of the radius inside), then unioned.
    func coarseBuffer(_ distance: Double, coarse: Double = 500) throws -> Geometry {
        let radius = distance * 1.08 + 2 * coarse
        let parts = try polygons().map { p -> Geometry in
            var s = try p.simplify(tolerance: coarse, preserveTopology: false)
            if try s.isEmpty || !s.isValid { s = try p.convexHull() }
            return try s.buffer(distance: radius, quadrantSegments: 2)
        }
        return try Geometry.unionAll(parts, context: context)
    }
}
