import Testing
@testable import GeometryCore

@Suite struct OverlayTests {
    @Test func emptyInputs() throws {
        let e = try Geometry.empty(.polygon), s = try square(0, 0, 1)
        #expect(try e.intersection(s).isEmpty)
        try expectSameShape(try e.union(s), s)
        #expect(try e.difference(s).isEmpty)
        #expect(try Geometry.unionAll([]).isEmpty)
    }

    @Test func overlappingSquares() throws {
        let a = try square(0, 0, 2), b = try square(1, 1, 2)
        try expectSameShape(try a.intersection(b), "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))")
        #expect(try a.union(b).area == 7)
        #expect(try a.difference(b).area == 3)
        #expect(try a.symmetricDifference(b).area == 6)
        try expectSameShape(try a.union(b), "POLYGON ((0 0, 2 0, 2 1, 3 1, 3 3, 1 3, 1 2, 0 2, 0 0))")
    }

    @Test func unionAllDissolves() throws {
        let ctx = GEOSContext()
        let squares = try (0..<4).map { try square(Double($0), 0, 1, context: ctx) }
        let u = try Geometry.unionAll(squares, context: ctx)
        #expect(try u.type == .polygon)
        #expect(try u.area == 4)
        // Union keeps the shared vertices (collinear), so compare point sets, not vertex lists.
        #expect(try u.equals(geom("POLYGON ((0 0, 4 0, 4 1, 0 1, 0 0))")), "\(u.wkt)")
        try expectSameShape(u.simplify(tolerance: 0), "POLYGON ((0 0, 4 0, 4 1, 0 1, 0 0))")
        try expectSameShape(try Geometry.multiPolygon(squares).unaryUnion(), u)
    }

    @Test func operandsFromDifferentContexts() throws {
        let a = try square(0, 0, 2, context: GEOSContext()), b = try square(1, 1, 2, context: GEOSContext())
        let i = try a.intersection(b)
        #expect(i.context === a.context)
        #expect(try i.area == 1)
    }

    @Test func clipToBounds() throws {
        let c = try square(0, 0, 4).clip(to: Bounds(minX: 1, minY: 1, maxX: 2, maxY: 3))
        #expect(try c.area == 2)
    }
}
