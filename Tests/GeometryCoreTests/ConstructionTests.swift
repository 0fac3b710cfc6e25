import Testing
@testable import GeometryCore

@Suite struct ConstructionTests {
    @Test func emptyGeometriesOfEveryType() throws {
        for t in GeometryType.allCases {
            let g = try Geometry.empty(t)
            #expect(try g.type == t)
            #expect(try g.isEmpty)
            #expect(try g.numCoordinates == 0)
            #expect(try g.bounds == nil)
            #expect(try g.area == 0)
        }
        #expect(try Geometry.lineString([]).wkt == "LINESTRING EMPTY")
        #expect(try Geometry.polygon(shell: []).wkt == "POLYGON EMPTY")
        #expect(try Geometry.multiPolygon([]).wkt == "MULTIPOLYGON EMPTY")
        #expect(try geom("POINT EMPTY").coordinates.isEmpty)
    }

    @Test func pointLinePolygonWithHole() throws {
        let p = try Geometry.point(Coordinate(lon: 24.0, lat: 50.5))
        #expect(try p.type == .point)
        #expect(try p.pointCoordinate == Coordinate(x: 24.0, y: 50.5))
        #expect(p.wkt == "POINT (24 50.5)")

        let l = try Geometry.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 3, y: 4)])
        #expect(try l.length == 5)

        let hole = [Coordinate(x: 1, y: 1), Coordinate(x: 1, y: 2), Coordinate(x: 2, y: 2), Coordinate(x: 2, y: 1), Coordinate(x: 1, y: 1)]
        let poly = try Geometry.polygon(shell: [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 4, y: 4), Coordinate(x: 0, y: 4), Coordinate(x: 0, y: 0)], holes: [hole])
        #expect(try poly.area == 15)
        #expect(try poly.numInteriorRings == 1)
        #expect(try poly.interiorRing(at: 0).coordinates == hole)
        #expect(try poly.exteriorRing.type == .linearRing)
        #expect(try poly.rings.count == 2)
        #expect(try poly.isValid)
        #expect(throws: GeometryError.self) { try poly.interiorRing(at: 1) }
        #expect(try poly.bounds == Bounds(minX: 0, minY: 0, maxX: 4, maxY: 4))
    }

    @Test func multiTypesAndParts() throws {
        let ctx = GEOSContext()
        let a = try square(0, 0, 1, context: ctx), b = try square(5, 5, 2, context: ctx)
        let mp = try Geometry.multiPolygon([a, b], context: ctx)
        #expect(try mp.type == .multiPolygon)
        #expect(try mp.numGeometries == 2)
        #expect(try mp.geometry(at: 1).area == 4)
        #expect(try mp.area == 5)
        #expect(try mp.coordinateSequences.count == 2)
        #expect(throws: GeometryError.self) { try mp.geometry(at: 2) }
        // Wrong part type is refused before GEOS.
        let pt = try Geometry.point(Coordinate(x: 0, y: 0), context: ctx)
        #expect(throws: GeometryError.self) { try Geometry.multiPolygon([a, pt], context: ctx) }
        let gc = try Geometry.geometryCollection([a, pt], context: ctx)
        #expect(try gc.type == .geometryCollection)
        let mpt = try Geometry.multiPoint([Coordinate(x: 1, y: 2), Coordinate(x: 3, y: 4)])
        #expect(try mpt.coordinates == [Coordinate(x: 1, y: 2), Coordinate(x: 3, y: 4)])
        let ml = try Geometry.multiLineString([geom("LINESTRING (0 0, 1 1)"), geom("LINESTRING (2 2, 3 3)")])
        #expect(try ml.numGeometries == 2)
    }

    @Test func bulkCoordinatesRoundTrip() throws {
        let coords = (0..<1000).map { i in Coordinate(x: Double(i) * 0.001, y: Double(i % 7) * 0.37 - 1) }
        let line = try Geometry.lineString(coords)
        #expect(try line.coordinates == coords)
        #expect(try line.numCoordinates == 1000)
    }

    @Test func nonFiniteCoordinatesRejected() throws {
        #expect(throws: GeometryError.nonFiniteCoordinate(context: "point", index: 0, x: .infinity, y: 1)) {
            try Geometry.point(Coordinate(x: .infinity, y: 1))
        }
        do {
            _ = try Geometry.lineString([Coordinate(x: 0, y: 0), Coordinate(x: .nan, y: 1)])
            Issue.record("NaN accepted")
        } catch let error as GeometryError {
            guard case let .nonFiniteCoordinate(_, index, _, _) = error else { Issue.record("\(error)"); return }
            #expect(index == 1)
            #expect(error.description.contains("not finite"))
        }
        #expect(throws: GeometryError.self) { try Geometry.polygon(shell: unitSquare, holes: [[Coordinate(x: .nan, y: 0)]]) }
        #expect(throws: GeometryError.self) { try Geometry(wkt: "POINT (nan 1)") }
        #expect(throws: GeometryError.self) { try Geometry.box(Bounds(minX: 0, minY: 0, maxX: .infinity, maxY: 1)) }
    }

    @Test func unclosedAndShortRingsRejectedBeforeGEOS() throws {
        let open = Array(unitSquare.dropLast()) + [Coordinate(x: 0, y: 0.5)]
        #expect(throws: GeometryError.unclosedRing(context: "polygon shell", first: Coordinate(x: 0, y: 0), last: Coordinate(x: 0, y: 0.5))) {
            try Geometry.polygon(shell: open)
        }
        #expect(throws: GeometryError.tooFewCoordinates(context: "polygon shell", count: 3, minimum: 4)) {
            try Geometry.polygon(shell: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 0, y: 0)])
        }
        #expect(throws: GeometryError.tooFewCoordinates(context: "line string", count: 1, minimum: 2)) {
            try Geometry.lineString([Coordinate(x: 0, y: 0)])
        }
        #expect(throws: GeometryError.self) { try Geometry.polygon(shell: unitSquare, holes: [Array(unitSquare.dropLast())]) }
    }

    @Test func copyToAnotherContext() throws {
        let a = try square(0, 0, 2)
        let other = GEOSContext()
        let b = try a.copy(to: other)
        #expect(b.context === other)
        try expectSameShape(b, a)
    }
}
