import CGEOS

extension Geometry {
    /// The geometry's type.
    public var type: GeometryType {
        get throws {
            let id = GEOSGeomTypeId_r(context.handle, handle)
            guard let t = GeometryType(rawValue: id) else { throw context.failure("geometry type") }
            return t
        }
    }

    /// True when the geometry has no points (e.g. `POLYGON EMPTY`).
    public var isEmpty: Bool {
        get throws { try context.checkBool(GEOSisEmpty_r(context.handle, handle), "isEmpty") }
    }

    /// Number of parts of a multi geometry or collection; 1 for a single geometry.
    public var numGeometries: Int {
        get throws {
            let n = GEOSGetNumGeometries_r(context.handle, handle)
            guard n >= 0 else { throw context.failure("number of geometries") }
            return Int(n)
        }
    }

    /// A copy of part `index` of a multi geometry or collection (index 0 of a single geometry
    /// is a copy of itself).
    public func geometry(at index: Int) throws -> Geometry {
        let n = try numGeometries
        guard index >= 0, index < n else {
            throw GeometryError.indexOutOfRange(operation: "geometry(at:)", index: index, count: n)
        }
        let part = try context.check(GEOSGetGeometryN_r(context.handle, handle, Int32(index)), "geometry(at:)")
        return try cloned(part, "geometry(at:)")
    }

    /// Copies of all parts (see `geometry(at:)`).
    public var geometries: [Geometry] {
        get throws { try (0..<numGeometries).map { try geometry(at: $0) } }
    }

    /// Number of holes of a polygon.
    public var numInteriorRings: Int {
        get throws {
            try require([.polygon], "numInteriorRings", expected: "Polygon")
            let n = GEOSGetNumInteriorRings_r(context.handle, handle)
            guard n >= 0 else { throw context.failure("number of interior rings") }
            return Int(n)
        }
    }

    /// A copy of a polygon's shell, as a LinearRing.
    public var exteriorRing: Geometry {
        get throws {
            try require([.polygon], "exteriorRing", expected: "Polygon")
            let r = try context.check(GEOSGetExteriorRing_r(context.handle, handle), "exteriorRing")
            return try cloned(r, "exteriorRing")
        }
    }

    /// A copy of a polygon's hole `index`, as a LinearRing.
    public func interiorRing(at index: Int) throws -> Geometry {
        let n = try numInteriorRings
        guard index >= 0, index < n else {
            throw GeometryError.indexOutOfRange(operation: "interiorRing(at:)", index: index, count: n)
        }
        let r = try context.check(GEOSGetInteriorRingN_r(context.handle, handle, Int32(index)), "interiorRing(at:)")
        return try cloned(r, "interiorRing(at:)")
    }

    /// Total number of coordinates in the geometry.
    public var numCoordinates: Int {
        get throws {
            let n = GEOSGetNumCoordinates_r(context.handle, handle)
            guard n >= 0 else { throw context.failure("number of coordinates") }
            return Int(n)
        }
    }

    /// The coordinate of a non-empty point.
    public var pointCoordinate: Coordinate {
        get throws {
            try require([.point], "pointCoordinate", expected: "Point")
            var x = 0.0, y = 0.0
            try context.checkStatus(GEOSGeomGetX_r(context.handle, handle, &x) == 1 ? 1 : 0, "point x")
            try context.checkStatus(GEOSGeomGetY_r(context.handle, handle, &y) == 1 ? 1 : 0, "point y")
            return Coordinate(x: x, y: y)
        }
    }

    /// Copies a borrowed (parent-owned) sub-geometry into a new owned `Geometry`.
    func cloned(_ borrowed: OpaquePointer, _ operation: String) throws -> Geometry {
        let h = try context.check(GEOSGeom_clone_r(context.handle, borrowed), operation)
        return Geometry(taking: h, context: context)
    }
}

extension Geometry {
    /// True when the geometry has no self-intersections or self-tangencies except at
    /// boundary points (OGC "simple"; for lines: does not cross itself).
    public var isSimple: Bool {
        get throws { try context.checkBool(GEOSisSimple_r(context.handle, handle), "isSimple") }
    }

    /// True for a line string (or every part of a multi line string) whose ends coincide.
    public var isClosed: Bool {
        get throws {
            try require([.lineString, .linearRing, .multiLineString], "isClosed", expected: "LineString")
            return try context.checkBool(GEOSisClosed_r(context.handle, handle), "isClosed")
        }
    }
}
