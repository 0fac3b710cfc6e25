import Testing
@testable import GeometryCore

@Suite struct PreparedGeometryTests {
    @Test func emptyInputs() throws {
        let p = try Geometry.empty(.polygon).prepared()
        #expect(try !p.contains(Coordinate(x: 0, y: 0)))
        #expect(try !p.intersects(square(0, 0, 1)))
    }

    @Test func preparedPredicatesAgreeWithPlain() throws {
        let ctx = GEOSContext()
        let poly = try geom("POLYGON ((0 0, 10 0, 10 10, 5 4, 0 10, 0 0))", context: ctx)
        let prep = try poly.prepared()
        #expect(try prep.contains(Coordinate(x: 5, y: 2)))
        #expect(try !prep.contains(Coordinate(x: 5, y: 8)))
        #expect(try !prep.contains(Coordinate(x: 0, y: 5)))   // on boundary
        #expect(try prep.intersects(Coordinate(x: 0, y: 5)))
        #expect(try prep.containsProperly(square(1, 1, 1, context: ctx)))
        #expect(try prep.covers(geom("LINESTRING (0 0, 10 0)")))
        #expect(try !prep.containsProperly(geom("LINESTRING (0 0, 10 0)")))
        #expect(throws: GeometryError.self) { try prep.contains(Coordinate(x: .nan, y: 0)) }
        var grid: [Coordinate] = []
        for i in 0...20 { for j in 0...20 { grid.append(Coordinate(x: Double(i) * 0.55 - 0.5, y: Double(j) * 0.55 - 0.5)) } }
        let fast = try prep.contains(grid)
        let slow = try grid.map { try poly.contains(Geometry.point($0, context: ctx)) }
        #expect(fast == slow)
        #expect(fast.contains(true) && fast.contains(false))
    }
}

@Suite struct STRtreeTests {
    @Test func emptyTree() throws {
        let t = try STRtree()
        #expect(try t.query(Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)).isEmpty)
        #expect(try t.nearest(to: Geometry.point(Coordinate(x: 0, y: 0))) == nil)
    }

    @Test func queryReturnsPayloads() throws {
        let ctx = GEOSContext()
        let t = try STRtree(context: ctx)
        // Payloads are the caller's own numbers (here 100 + i).
        for i in 0..<50 { try t.insert(square(Double(i) * 2, 0, 1, context: ctx), payload: 100 + i) }
        try t.insert(Bounds(minX: 0, minY: 10, maxX: 1, maxY: 11), payload: 7)
        try t.insert(Geometry.empty(.polygon, context: ctx), payload: 999)
        #expect(t.count == 52)
        #expect(try t.query(Bounds(minX: 3.5, minY: -1, maxX: 6.5, maxY: 0.5)).sorted() == [102, 103])
        #expect(try t.query(geom("LINESTRING (0 10.5, 0.5 10.5)")) == [7])
        #expect(try t.query(Bounds(minX: 1000, minY: 0, maxX: 1001, maxY: 1)).isEmpty)
        #expect(throws: GeometryError.self) { try t.insert(square(0, 0, 1), payload: 1) }
    }

    @Test func nearestUsesExactDistance() throws {
        let ctx = GEOSContext()
        let t = try STRtree(context: ctx)
        try t.insert(geom("LINESTRING (0 0, 10 10)", context: ctx), payload: 1) // diagonal: big box, close line
        try t.insert(geom("POINT (6 2)", context: ctx), payload: 2)
        try t.insert(geom("POINT (20 20)", context: ctx), payload: 3)
        #expect(try t.nearest(to: geom("POINT (5 4)", context: ctx)) == 1)   // 0.707 vs 2.24
        #expect(try t.nearest(to: geom("POINT (7 1)", context: ctx)) == 2)   // 1.41 vs 4.24
        #expect(try t.nearest(to: geom("POINT (30 30)", context: ctx)) == 3)
    }
}

@Suite struct VoronoiTests {
    @Test func emptyInput() throws {
        #expect(try Geometry.empty(.multiPoint).voronoiDiagram().isEmpty)
    }

    @Test func threePointsThreeCells() throws {
        let sites = [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 2, y: 3)]
        let cells = try Geometry.voronoi(sites: sites, envelope: Geometry.box(Bounds(minX: -10, minY: -10, maxX: 10, maxY: 10)))
        #expect(try cells.numGeometries == 3)
        for i in 0..<3 {
            let cell = try cells.geometry(at: i)
            #expect(try cell.type == .polygon)
            #expect(try sites.filter { try cell.contains(Geometry.point($0)) }.count == 1)
        }
        let edges = try Geometry.multiPoint(sites).voronoiDiagram(onlyEdges: true)
        #expect(try edges.type == .multiLineString)
        #expect(try edges.numGeometries == 3)
        let tri = try Geometry.multiPoint(sites).delaunayTriangulation()
        #expect(try tri.numGeometries == 1)
        #expect(try tri.area == 6)
        #expect(try Geometry.multiPoint(sites + [Coordinate(x: 2, y: -3)]).delaunayTriangulation().numGeometries == 2)
    }
}
