import Testing
@testable import GeometryCore

/// Whole geometries through `GEOSGeom_transformXY_r`: the structure is the input's, every coordinate
/// is what the point transformer gives (pyproj checks that one in TransformerTests), errors come back.
@Suite struct GeometryTransformTests {
    @Test func keepsStructureAndMovesEveryCoordinate() throws {
        let g = try geom("""
            GEOMETRYCOLLECTION (MULTIPOLYGON (((20 50, 22 50, 22 52, 20 52, 20 50), (20.5 50.5, 20.5 51, 21 51, 20.5 50.5)), \
            EMPTY), LINESTRING (24 49.8, 30.5234 50.4501), POINT (21.0122 52.2297), POINT EMPTY)
            """)
        let t = try Transformer(from: "EPSG:4326", to: "EPSG:3035")
        let projected = try g.transformed(by: t)
        #expect(try projected.coordinateSequences.map(\.count) == g.coordinateSequences.map(\.count))
        #expect(try projected.numGeometries == g.numGeometries)
        #expect(try projected.geometry(at: 0).numGeometries == 2)
        #expect(try projected.geometry(at: 3).isEmpty)
        for (a, b) in zip(try g.coordinates, try projected.coordinates) {
            #expect(try t.transform(a) == b)
        }
        let back = try projected.transformed(by: t, direction: .inverse)
        // Back within 1e-7° (≈ 1 cm: the EPSG:3035 round trip is not exact), vertex by vertex.
        #expect(try back.coordinateSequences.map(\.count) == g.coordinateSequences.map(\.count))
        for (a, b) in zip(try g.coordinates, try back.coordinates) {
            #expect(abs(a.x - b.x) < 1e-7 && abs(a.y - b.y) < 1e-7, "\(a) came back as \(b)")
        }
    }

    @Test func closureSeesEveryCoordinateAndItsErrorIsRethrown() throws {
        let g = try geom("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let moved = try g.transformedXY { x, y in x += 100; y *= 2 }
        try expectSameShape(moved, "POLYGON ((100 0, 110 0, 110 20, 100 20, 100 0))")
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try g.transformedXY { _, _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }

    @Test func aPointProjCannotTransformIsNamed() throws {
        let t = try Transformer(from: "EPSG:4326", to: "+proj=ortho +lat_0=50 +lon_0=20 +ellps=WGS84")
        let g = try geom("LINESTRING (20 50, 21 50, -160 -50)")
        #expect {
            _ = try g.transformed(by: t)
        } throws: { error in
            (error as? ProjError)?.pointIndex == 2
        }
    }

    @Test func resultLivesInTheContextAskedFor() throws {
        let other = GEOSContext()
        let g = try geom("POINT (1 2)")
        let moved = try g.transformedXY(in: other) { x, _ in x = 3 }
        #expect(moved.context === other)
        #expect(try moved.pointCoordinate == Coordinate(x: 3, y: 2))
    }
}
