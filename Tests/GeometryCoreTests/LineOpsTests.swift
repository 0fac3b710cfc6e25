import Testing
@testable import GeometryCore

@Suite struct LineOpsTests {
    @Test func emptyInputs() throws {
        let e = try Geometry.empty(.lineString)
        #expect(try e.lineMerge().isEmpty)
        #expect(try e.node().isEmpty)
        #expect(try Geometry.polygonize([]).isEmpty)
    }

    @Test func lineMergeSewsSegments() throws {
        let ml = try geom("MULTILINESTRING ((0 0, 1 0), (1 0, 2 1), (2 1, 3 1))")
        try expectSameShape(try ml.lineMerge(), "LINESTRING (0 0, 1 0, 2 1, 3 1)")
    }

    @Test func offsetCurveLeftAndRight() throws {
        let l = try geom("LINESTRING (0 0, 10 0)")
        try expectSameShape(try l.offsetCurve(distance: 2), "LINESTRING (0 2, 10 2)")
        try expectSameShape(try l.offsetCurve(distance: -2), "LINESTRING (0 -2, 10 -2)")
        #expect(throws: GeometryError.self) { try square(0, 0, 1).offsetCurve(distance: 1) }
    }

    @Test func nodeSplitsAtCrossings() throws {
        let x = try geom("MULTILINESTRING ((0 0, 2 2), (0 2, 2 0))")
        let noded = try x.node()
        #expect(try noded.numGeometries == 4)
        #expect(abs(try noded.length - x.length) < 1e-12)
    }

    @Test func linearReferencing() throws {
        let l = try geom("LINESTRING (0 0, 10 0, 10 10)")
        #expect(try l.interpolate(distance: 15).pointCoordinate == Coordinate(x: 10, y: 5))
        #expect(try l.interpolate(fraction: 0.25).pointCoordinate == Coordinate(x: 5, y: 0))
        #expect(try l.interpolate(distance: 100).pointCoordinate == Coordinate(x: 10, y: 10))
        #expect(try l.project(Geometry.point(Coordinate(x: 12, y: 7))) == 17)
        #expect(try l.projectFraction(Geometry.point(Coordinate(x: 5, y: -3))) == 0.25)
        #expect(throws: GeometryError.self) { try l.project(square(0, 0, 1)) }
        #expect(throws: GeometryError.self) { try square(0, 0, 1).interpolate(distance: 1) }
    }

    @Test func reversed() throws {
        try expectSameShape(try geom("LINESTRING (0 0, 1 0, 2 5)").reversed(), "LINESTRING (2 5, 1 0, 0 0)")
    }
}

@Suite struct PolygonizeSplitTests {
    @Test func polygonizeTwoFaces() throws {
        // A 2×2 square with a middle divider, noded at (1 0) and (1 2): two faces; the dangle is dropped.
        let lines = try ["LINESTRING (0 0, 1 0)", "LINESTRING (1 0, 2 0, 2 2, 1 2)", "LINESTRING (1 2, 0 2, 0 0)",
                         "LINESTRING (1 0, 1 2)", "LINESTRING (2 2, 3 3)"].map { try geom($0) }
        let faces = try Geometry.polygonize(lines)
        #expect(try faces.numGeometries == 2)
        #expect(try faces.area == 4)
        try expectSameShape(faces, "GEOMETRYCOLLECTION (POLYGON ((0 0, 0 2, 1 2, 1 0, 0 0)), POLYGON ((1 0, 1 2, 2 2, 2 0, 1 0)))")
    }

    @Test func splitSquareInHalves() throws {
        let s = try square(0, 0, 2)
        let pieces = try s.split(by: geom("LINESTRING (1 -1, 1 3)"))
        #expect(pieces.count == 2)
        #expect(pieces.allSatisfy { (try? $0.area) == 2 })
        #expect(abs(try pieces.reduce(0) { $0 + (try $1.area) } - s.area) < 1e-12)
        try expectSameShape(try Geometry.multiPolygon(pieces), "MULTIPOLYGON (((0 0, 0 2, 1 2, 1 0, 0 0)), ((1 0, 1 2, 2 2, 2 0, 1 0)))")
    }

    @Test func splitPolygonWithHoleDiagonally() throws {
        let p = try geom("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 3, 3 3, 3 1, 1 1))")
        let pieces = try p.split(by: geom("LINESTRING (-1 -1, 5 5)"))
        #expect(pieces.count == 2)
        #expect(abs(try pieces.reduce(0) { $0 + (try $1.area) } - 12) < 1e-9)
    }

    @Test func splitByMissingLineKeepsPolygon() throws {
        let s = try square(0, 0, 2)
        let pieces = try s.split(by: geom("LINESTRING (5 5, 6 6)"))
        #expect(pieces.count == 1)
        try expectSameShape(pieces[0], s)
        #expect(try Geometry.empty(.polygon).split(by: geom("LINESTRING (0 0, 1 1)")).isEmpty)
        #expect(throws: GeometryError.self) { try s.split(by: s) }
    }
}
