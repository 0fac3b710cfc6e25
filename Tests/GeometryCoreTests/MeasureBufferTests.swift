import Testing
@testable import GeometryCore

@Suite struct MeasureBufferTests {
    @Test func emptyInputs() throws {
        let e = try Geometry.empty(.polygon)
        #expect(try e.buffer(distance: 1).isEmpty)
        #expect(try e.centroid().isEmpty)
        #expect(try e.envelope().isEmpty)
        #expect(try e.length == 0)
        #expect(try e.simplify(tolerance: 1).isEmpty)
    }

    @Test func areaLengthCentroidEnvelope() throws {
        let s = try square(0, 0, 2)
        #expect(try s.area == 4)
        #expect(try s.length == 8)
        #expect(try s.centroid().pointCoordinate == Coordinate(x: 1, y: 1))
        // Clockwise shell: area is still positive.
        #expect(try geom("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))").area == 1)
        let l = try geom("LINESTRING (0 0, 4 0, 4 3)")
        try expectSameShape(try l.envelope(), "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0))")
        try expectSameShape(try l.boundary(), "MULTIPOINT (0 0, 4 3)")
        try expectSameShape(try s.boundary(), "LINESTRING (0 0, 2 0, 2 2, 0 2, 0 0)")
        let u = try geom("POLYGON ((0 0, 3 0, 3 3, 2 3, 2 1, 1 1, 1 3, 0 3, 0 0))")
        #expect(try u.contains(u.pointOnSurface()))
        try expectSameShape(try u.convexHull(), "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0))")
    }

    @Test func pointBufferAreaNearPiRSquared() throws {
        let r = 10.0
        for q in [1, 4, 8, 32] {
            let b = try Geometry.point(Coordinate(x: 3, y: 4)).buffer(distance: r, quadrantSegments: q)
            // Inscribed regular 4q-gon: area = (n/2) r² sin(2π/n), below πr².
            let n = Double(4 * q)
            let polygonArea = n / 2 * r * r * sin2pi(1 / n)
            #expect(abs(try b.area - polygonArea) < 1e-9 * polygonArea, "q=\(q)")
            #expect(try b.area < Double.pi * r * r)
            #expect(try b.numCoordinates == 4 * q + 1)
        }
    }

    @Test func lineBufferCapStyles() throws {
        let l = try geom("LINESTRING (0 0, 10 0)")
        #expect(abs(try l.buffer(distance: 1, capStyle: .flat).area - 20) < 1e-9)
        #expect(abs(try l.buffer(distance: 1, capStyle: .square).area - 24) < 1e-9)
        let corner = try geom("LINESTRING (0 0, 10 0, 10 10)")
        let mitre = try corner.buffer(distance: 1, capStyle: .flat, joinStyle: .mitre)
        #expect(abs(try mitre.area - 40) < 1e-9) // two 10×2 strips overlapping in a unit... exact L-shape
        #expect(throws: GeometryError.self) { try l.buffer(distance: .nan) }
        #expect(throws: GeometryError.self) { try l.buffer(distance: 1, quadrantSegments: 0) }
        #expect(try square(0, 0, 4).buffer(distance: -1).area == 4)
    }

    @Test func simplifyKeepsTopologyOrNot() throws {
        let zigzag = try geom("LINESTRING (0 0, 1 0.1, 2 -0.1, 3 0.1, 4 0)")
        try expectSameShape(try zigzag.simplify(tolerance: 0.5), "LINESTRING (0 0, 4 0)")
        try expectSameShape(try zigzag.simplify(tolerance: 0.5, preserveTopology: false), "LINESTRING (0 0, 4 0)")
        // A thin triangle collapses under plain DP but stays a polygon with topology preserved.
        let thin = try geom("POLYGON ((0 0, 10 0, 5 0.1, 0 0))")
        #expect(try thin.simplify(tolerance: 1, preserveTopology: false).isEmpty)
        #expect(try !thin.simplify(tolerance: 1).isEmpty)
        #expect(throws: GeometryError.self) { try zigzag.simplify(tolerance: -1) }
    }

    @Test func distanceAndNearestPoints() throws {
        let a = try square(0, 0, 1), b = try square(4, 5, 1)
        #expect(try a.distance(to: b) == 5)
        let (p, q) = try a.nearestPoints(b)
        #expect(p == Coordinate(x: 1, y: 1))
        #expect(q == Coordinate(x: 4, y: 5))
        #expect(try a.isWithinDistance(b, distance: 5))
        #expect(try !a.isWithinDistance(b, distance: 4.99))
        #expect(try a.distance(to: square(0.5, 0.5, 1)) == 0)
        #expect(throws: GeometryError.self) { try a.nearestPoints(Geometry.empty(.point)) }
        #expect(try geom("LINESTRING (0 0, 1 0)").hausdorffDistance(to: geom("LINESTRING (0 1, 1 1)")) == 1)
    }
}

/// sin(2πx) without Foundation.
private func sin2pi(_ x: Double) -> Double {
    // Taylor series on the reduced angle is plenty for the tolerance used.
    var t = 2 * Double.pi * x
    while t > Double.pi { t -= 2 * Double.pi }
    var term = t, sum = t
    for k in 1..<30 {
        term *= -t * t / Double((2 * k) * (2 * k + 1))
        sum += term
    }
    return sum
}
