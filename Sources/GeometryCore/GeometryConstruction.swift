import CGEOS

/// Construction from Swift coordinates (x/y = lon/lat in degrees for geographic data).
///
/// Every constructor checks its input before GEOS sees it: non-finite coordinates, too few
/// points and unclosed rings throw a `GeometryError` naming the problem. An empty coordinate
/// array gives the empty geometry of that type. `context` defaults to a fresh `GEOSContext`.
extension Geometry {
    /// A point.
    public static func point(_ c: Coordinate, context: GEOSContext = GEOSContext()) throws -> Geometry {
        try checkFinite([c], "point")
        let h = try context.check(GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y), "point")
        return Geometry(taking: h, context: context)
    }

    /// A line string through `coords` (at least 2 coordinates, or none for an empty line).
    public static func lineString(_ coords: [Coordinate], context: GEOSContext = GEOSContext()) throws -> Geometry {
        if coords.isEmpty { return try empty(.lineString, context: context) }
        try checkFinite(coords, "line string")
        guard coords.count >= 2 else {
            throw GeometryError.tooFewCoordinates(context: "line string", count: coords.count, minimum: 2)
        }
        let seq = try context.makeCoordSeq(coords, "line string")
        // createLineString takes ownership of seq (and frees it on failure).
        let h = try context.check(GEOSGeom_createLineString_r(context.handle, seq), "line string")
        return Geometry(taking: h, context: context)
    }

    /// A closed linear ring (at least 4 coordinates, first == last; or none for an empty ring).
    public static func linearRing(_ coords: [Coordinate], context: GEOSContext = GEOSContext()) throws -> Geometry {
        if coords.isEmpty { return try empty(.linearRing, context: context) }
        let h = try makeRing(coords, context: context, what: "linear ring")
        return Geometry(taking: h, context: context)
    }

    /// A polygon with an outer ring `shell` and optional `holes`; every ring must be closed
    /// and have at least 4 coordinates. An empty shell gives `POLYGON EMPTY`.
    /// Validity (self-intersections, holes outside the shell) is not checked: see `isValid`.
    public static func polygon(
        shell: [Coordinate], holes: [[Coordinate]] = [], context: GEOSContext = GEOSContext()
    ) throws -> Geometry {
        if shell.isEmpty {
            guard holes.isEmpty else { throw GeometryError.invalidArgument("polygon: holes given with an empty shell") }
            return try empty(.polygon, context: context)
        }
        // Check everything first so no native ring is created for input that will be refused.
        try checkRing(shell, what: "polygon shell")
        for (i, hole) in holes.enumerated() { try checkRing(hole, what: "polygon hole \(i)") }
        let shellHandle = try makeRing(shell, context: context, what: "polygon shell")
        var holeHandles: [OpaquePointer?] = []
        holeHandles.reserveCapacity(holes.count)
        do {
            for (i, hole) in holes.enumerated() {
                holeHandles.append(try makeRing(hole, context: context, what: "polygon hole \(i)"))
            }
        } catch {
            GEOSGeom_destroy_r(context.handle, shellHandle)
            for h in holeHandles { GEOSGeom_destroy_r(context.handle, h) }
            throw error
        }
        // createPolygon takes ownership of the shell and holes.
        let h = holeHandles.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(context.handle, shellHandle, buf.baseAddress, UInt32(buf.count))
        }
        return Geometry(taking: try context.check(h, "polygon"), context: context)
    }

    /// An axis-aligned rectangle polygon (CRS units).
    public static func box(_ b: Bounds, context: GEOSContext = GEOSContext()) throws -> Geometry {
        try checkFinite([Coordinate(x: b.minX, y: b.minY), Coordinate(x: b.maxX, y: b.maxY)], "box")
        guard b.minX <= b.maxX, b.minY <= b.maxY else {
            throw GeometryError.invalidArgument("box: min greater than max in \(b)")
        }
        let h = try context.check(
            GEOSGeom_createRectangle_r(context.handle, b.minX, b.minY, b.maxX, b.maxY), "box")
        return Geometry(taking: h, context: context)
    }

    /// A multi point of `coords`.
    public static func multiPoint(_ coords: [Coordinate], context: GEOSContext = GEOSContext()) throws -> Geometry {
        try checkFinite(coords, "multi point")
        let points = try coords.map { try point($0, context: context) }
        return try collection(.multiPoint, points, context: context)
    }

    /// A multi point of existing points.
    public static func multiPoint(_ points: [Geometry], context: GEOSContext = GEOSContext()) throws -> Geometry {
        try collection(.multiPoint, points, context: context)
    }

    /// A multi line string of existing line strings.
    public static func multiLineString(_ lines: [Geometry], context: GEOSContext = GEOSContext()) throws -> Geometry {
        try collection(.multiLineString, lines, context: context)
    }

    /// A multi polygon of existing polygons (validity is not checked).
    public static func multiPolygon(_ polygons: [Geometry], context: GEOSContext = GEOSContext()) throws -> Geometry {
        try collection(.multiPolygon, polygons, context: context)
    }

    /// A geometry collection of any geometries.
    public static func geometryCollection(_ parts: [Geometry], context: GEOSContext = GEOSContext()) throws -> Geometry {
        try collection(.geometryCollection, parts, context: context)
    }

    /// The empty geometry of `type`.
    public static func empty(_ type: GeometryType, context: GEOSContext = GEOSContext()) throws -> Geometry {
        let c = context.handle
        let h: OpaquePointer?
        switch type {
        case .point: h = GEOSGeom_createEmptyPoint_r(c)
        case .lineString: h = GEOSGeom_createEmptyLineString_r(c)
        case .polygon: h = GEOSGeom_createEmptyPolygon_r(c)
        case .linearRing:
            if let seq = GEOSCoordSeq_create_r(c, 0, 2) { h = GEOSGeom_createLinearRing_r(c, seq) } else { h = nil }
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            h = GEOSGeom_createEmptyCollection_r(c, Int32(type.rawValue))
        }
        return Geometry(taking: try context.check(h, "empty \(type)"), context: context)
    }

    // MARK: - Internals

    static func checkRing(_ coords: [Coordinate], what: String) throws {
        try checkFinite(coords, what)
        guard coords.count >= 4 else {
            throw GeometryError.tooFewCoordinates(context: what, count: coords.count, minimum: 4)
        }
        guard coords.first == coords.last else {
            throw GeometryError.unclosedRing(context: what, first: coords.first!, last: coords.last!)
        }
    }

    /// A new owned linear ring handle.
    static func makeRing(_ coords: [Coordinate], context: GEOSContext, what: String) throws -> OpaquePointer {
        try checkRing(coords, what: what)
        let seq = try context.makeCoordSeq(coords, what)
        return try context.check(GEOSGeom_createLinearRing_r(context.handle, seq), what)
    }

    /// A collection of clones of `parts` (the parts keep their own handles).
    static func collection(_ type: GeometryType, _ parts: [Geometry], context: GEOSContext) throws -> Geometry {
        let allowed: Set<GeometryType>
        switch type {
        case .multiPoint: allowed = [.point]
        case .multiLineString: allowed = [.lineString, .linearRing]
        case .multiPolygon: allowed = [.polygon]
        default: allowed = Set(GeometryType.allCases)
        }
        for p in parts {
            let t = try p.type
            guard allowed.contains(t) else {
                throw GeometryError.wrongGeometryType(
                    operation: "\(type) construction", expected: allowed.map(\.description).sorted().joined(separator: " or "),
                    actual: t)
            }
        }
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(parts.count)
        for p in parts {
            guard let c = withExtendedLifetime(p, { GEOSGeom_clone_r(context.handle, p.handle) }) else {
                let error = context.failure("\(type) construction")
                for c in clones { GEOSGeom_destroy_r(context.handle, c) }
                throw error
            }
            clones.append(c)
        }
        // createCollection takes ownership of the clones.
        let h = clones.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(context.handle, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        return Geometry(taking: try context.check(h, "\(type) construction"), context: context)
    }
}
