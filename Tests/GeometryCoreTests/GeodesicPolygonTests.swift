import Testing
@testable import GeometryCore

/// Geodesic polygon areas against pyproj's `Geod(ellps='WGS84').geometry_area_perimeter`, perimeters
/// against pyproj's `geometry_length` of the polygon boundary.
@Suite struct GeodesicPolygonTests {
    let geod = Geodesic.wgs84

    /// A box over Poland/Ukraine (closed, counter-clockwise) with a hole (clockwise).
    let box = [Coordinate(lon: 14, lat: 49), Coordinate(lon: 24, lat: 49), Coordinate(lon: 24, lat: 55),
               Coordinate(lon: 14, lat: 55), Coordinate(lon: 14, lat: 49)]
    let hole = [Coordinate(lon: 18, lat: 51), Coordinate(lon: 18, lat: 53), Coordinate(lon: 20, lat: 53),
                Coordinate(lon: 20, lat: 51), Coordinate(lon: 18, lat: 51)]
    let island = [Coordinate(lon: 30, lat: 46), Coordinate(lon: 33, lat: 46), Coordinate(lon: 31.5, lat: 48.5)]

    /// pyproj's (|area|, perimeter) for shapely geometries given as WKT lines on stdin.
    func pyproj(_ wkts: [String]) throws -> [[Double]] {
        let script = """
        import sys
        from pyproj import Geod
        from shapely import wkt
        from shapely.geometry.polygon import orient
        from shapely.geometry import MultiPolygon
        g = Geod(ellps='WGS84')
        for line in sys.stdin:
            geom = wkt.loads(line)
            if geom.geom_type == 'Polygon':
                geom = orient(geom, 1.0)
            else:
                geom = MultiPolygon([orient(p, 1.0) for p in geom.geoms])
            area, _ = g.geometry_area_perimeter(geom)
            # pyproj's perimeter counts the exterior only; ours is the whole boundary (holes included,
            # like shapely's length), so compare with the geodesic length of the boundary.
            print(repr(abs(area)), repr(g.geometry_length(geom.boundary)))
        """
        return try PythonOracle.rows(script, input: wkts.joined(separator: "\n"))
    }

    func ringWKT(_ ring: [Coordinate]) -> String {
        var r = ring
        if r.first != r.last { r.append(r[0]) }
        return "(" + r.map { "\($0.lon) \($0.lat)" }.joined(separator: ", ") + ")"
    }

    func polygonWKT(_ rings: [[Coordinate]]) -> String {
        "(" + rings.map(ringWKT).joined(separator: ", ") + ")"
    }

    func expectRelative(_ a: Double, _ b: Double, _ what: String) {
        #expect(abs(a - b) <= 1e-6 * abs(b), "\(what): \(a) vs pyproj \(b)")
    }

    @Test func matchesPyproj() throws {
        let expected = try pyproj([
            "POLYGON \(polygonWKT([box]))",
            "POLYGON \(polygonWKT([box, hole]))",
            "MULTIPOLYGON (\(polygonWKT([box, hole])), \(polygonWKT([island])))",
        ])
        try #require(expected.count == 3)
        let plain = geod.areaAndPerimeter(ofRing: box)
        expectRelative(plain.area, expected[0][0], "box area")
        expectRelative(plain.perimeter, expected[0][1], "box perimeter")
        #expect(plain.area > 4.5e11 && plain.area < 4.65e11, "a 10°×6° box at 52°N is about 685 × 667 km")

        let withHole = geod.areaAndPerimeter(ofPolygon: box, holes: [hole])
        expectRelative(withHole.area, expected[1][0], "box-with-hole area")
        expectRelative(withHole.perimeter, expected[1][1], "box-with-hole perimeter")

        let multi = geod.areaAndPerimeter(ofMultiPolygon: [[box, hole], [island]])
        expectRelative(multi.area, expected[2][0], "multipolygon area")
        expectRelative(multi.perimeter, expected[2][1], "multipolygon perimeter")
    }

    @Test func orientationAndClosureDoNotMatter() {
        let ccw = geod.areaAndPerimeter(ofRing: box)
        let cw = geod.areaAndPerimeter(ofRing: box.reversed())
        let open = geod.areaAndPerimeter(ofRing: Array(box.dropLast()))
        #expect(ccw == cw && ccw == open)
        #expect(geod.signedArea(ofRing: box) > 0 && geod.signedArea(ofRing: box.reversed()) < 0)
        // Holes count as holes whatever their winding.
        let a = geod.areaAndPerimeter(ofPolygon: box, holes: [hole])
        let b = geod.areaAndPerimeter(ofPolygon: box.reversed(), holes: [hole.reversed()])
        #expect(a == b)
        #expect(a.area < ccw.area && a.perimeter > ccw.perimeter)
    }

    @Test func degenerateRings() {
        #expect(geod.areaAndPerimeter(ofRing: []) == .zero)
        #expect(geod.areaAndPerimeter(ofRing: [Coordinate(lon: 1, lat: 1)]) == .zero)
        #expect(geod.areaAndPerimeter(ofMultiPolygon: [[]]) == .zero)
        #expect(geod.areaAndPerimeter(ofPolygon: hole, holes: [box]).area == 0, "clamped at zero")
    }
}
