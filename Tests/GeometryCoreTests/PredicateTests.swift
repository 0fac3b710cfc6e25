import Testing
@testable import GeometryCore

@Suite struct PredicateTests {
    @Test func emptyInputs() throws {
        let e = try Geometry.empty(.polygon), s = try square(0, 0, 1)
        #expect(try !e.intersects(s))
        #expect(try e.disjoint(s))
        #expect(try !s.contains(e))
    }

    @Test func predicatesOnSquaresAndLines() throws {
        let big = try square(0, 0, 4), small = try square(1, 1, 1), side = try square(4, 0, 1)
        #expect(try big.contains(small))
        #expect(try small.within(big))
        #expect(try big.covers(small))
        #expect(try small.coveredBy(big))
        #expect(try big.touches(side))
        #expect(try !big.overlaps(side))
        #expect(try big.intersects(side))
        #expect(try !big.disjoint(side))
        #expect(try big.disjoint(square(10, 10, 1)))
        let line = try geom("LINESTRING (-1 2, 5 2)")
        #expect(try line.crosses(big))
        #expect(try !big.contains(line))
        #expect(try big.overlaps(square(3, 3, 2)))
        // Boundary point: covered but not contained.
        let corner = try Geometry.point(Coordinate(x: 0, y: 0))
        #expect(try big.covers(corner))
        #expect(try !big.contains(corner))
        #expect(try big.relate(small) == "212FF1FF2")
        #expect(try big.relate(small, pattern: "T*****FF*"))
    }

    @Test func equality() throws {
        let a = try geom("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        let b = try geom("POLYGON ((1 1, 0 1, 0 0, 1 0, 1 1))")
        #expect(try a.equals(b))
        #expect(try !a.equalsExact(b))
        #expect(try a.normalized().equalsExact(b.normalized()))
        #expect(try a.equalsExact(geom("POLYGON ((0 0, 1 0, 1 1.0000001, 0 1, 0 0))"), tolerance: 1e-6))
    }
}

@Suite struct SimpleClosedTests {
    @Test func simpleAndClosed() throws {
        #expect(try geom("LINESTRING (0 0, 2 2, 2 0, 0 2)").isSimple == false)
        #expect(try geom("LINESTRING (0 0, 1 1, 2 0)").isSimple)
        #expect(try geom("LINESTRING (0 0, 1 1, 2 0, 0 0)").isClosed)
        #expect(try !geom("LINESTRING (0 0, 1 1)").isClosed)
        #expect(throws: GeometryError.self) { try square(0, 0, 1).isClosed }
    }
}
