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

extension Geometry {
    /// `difference`, retried on coordinates rounded to a 1 mm and then a 10 cm grid (made valid)
    /// when GEOS's floating-point overlay throws a TopologyException (projected metres only).
    func robustDifference(_ other: Geometry) throws -> Geometry {
        do {
            return try difference(other)
        } catch {
            var lastError = error
            for grid in [0.001, 0.1] {
                do {
                    return try snapped(grid).difference(other.snapped(grid))
                } catch { lastError = error }
            }
            throw lastError
        }
    }

    /// The geometry with every coordinate rounded to a multiple of `grid` (CRS units), made valid.
    func snapped(_ grid: Double) throws -> Geometry {
        let rounded = try transformedXY { x, y in
            x = (x / grid).rounded() * grid
            y = (y / grid).rounded() * grid
        }
        return try rounded.makeValid().polygonalPart()
    }
}

extension Geometry {
    /// The polygons without parts or holes smaller than `minArea` (CRS units², planar) or thinner
    /// than `minWidth` on average (2·area/perimeter): slivers that overlays leave along shared
    /// edges, which vanish or turn inside out when written at 6 decimals.
    func withoutSlivers(minArea: Double, minWidth: Double = 1) throws -> Geometry {
        func keeps(_ ring: [Coordinate]) -> Bool {
            var s = 0.0, perimeter = 0.0
            for (a, b) in zip(ring, ring.dropFirst()) {
                s += a.x * b.y - b.x * a.y
                perimeter += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            }
            let area = abs(s) / 2
            return area >= minArea && perimeter > 0 && 2 * area / perimeter >= minWidth
        }
        var kept: [Geometry] = []
        for p in try polygons() {
            let rings = try p.rings
            guard let shell = rings.first, keeps(shell) else { continue }
            let holes = rings.dropFirst().filter(keeps)
            kept.append(holes.count == rings.count - 1 ? p : try Geometry.polygon(shell: shell, holes: Array(holes), context: context))
        }
        return try Geometry.multiPolygon(kept, context: context)
    }
}
