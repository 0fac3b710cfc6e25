import Testing
@testable import GeometryCore

@Suite struct GeodesicLineTests {
    let geod = Geodesic.wgs84
    let warsaw = Coordinate(lon: 21.0122, lat: 52.2297)
    let kyiv = Coordinate(lon: 30.5234, lat: 50.4501)

    @Test func polylineLengthMatchesPyproj() throws {
        let line = [warsaw, kyiv, Coordinate(lon: 24.03, lat: 49.84), Coordinate(lon: 17.04, lat: 51.11)]
        let script = """
        import sys
        from pyproj import Geod
        pts = [tuple(map(float, l.split())) for l in sys.stdin]
        print(repr(Geod(ellps='WGS84').line_length([p[0] for p in pts], [p[1] for p in pts])))
        """
        let expected = try PythonOracle.rows(script, input: line.map { "\($0.lon) \($0.lat)" }.joined(separator: "\n"))
        #expect(abs(geod.length(of: line) - expected[0][0]) < 1e-3)
        #expect(geod.length(of: [warsaw]) == 0 && geod.length(of: []) == 0)
    }

    @Test func pointsByCountLieOnTheGeodesicEquallySpaced() throws {
        let total = geod.distance(warsaw, kyiv)
        let pts = try geod.points(from: warsaw, to: kyiv, count: 11)
        #expect(pts.count == 11 && pts.first == warsaw && pts.last == kyiv)
        for i in 1..<pts.count {
            #expect(abs(geod.distance(pts[i - 1], pts[i]) - total / 10) < 1e-6)
            // On the geodesic: the detour through the point is zero.
            #expect(abs(geod.distance(warsaw, pts[i]) + geod.distance(pts[i], kyiv) - total) < 1e-6)
        }
        #expect(throws: GeodesicError.self) { _ = try geod.points(from: warsaw, to: kyiv, count: 1) }
    }

    @Test func pointsBySpacing() throws {
        let total = geod.distance(warsaw, kyiv)  // ≈ 690 km
        let pts = try geod.points(from: warsaw, to: kyiv, spacing: 100_000)
        #expect(pts.count == Int((total / 100_000).rounded(.up)) + 1)
        for i in 1..<(pts.count - 1) { #expect(abs(geod.distance(pts[i - 1], pts[i]) - 100_000) < 1e-6) }
        #expect(geod.distance(pts[pts.count - 2], pts.last!) <= 100_000)
        #expect(pts.last == kyiv)
        #expect(try geod.points(from: warsaw, to: warsaw, spacing: 10) == [warsaw, warsaw])
        #expect(throws: GeodesicError.self) { _ = try geod.points(from: warsaw, to: kyiv, spacing: 0) }
    }

    @Test func densifyKeepsVerticesAndLength() throws {
        let line = [warsaw, kyiv, Coordinate(lon: 24.03, lat: 49.84)]
        let dense = try geod.densify(line, maxSegmentLength: 25_000)
        #expect(dense.first == warsaw && dense.last == line.last && dense.contains(kyiv))
        for i in 1..<dense.count { #expect(geod.distance(dense[i - 1], dense[i]) <= 25_000 + 1e-6) }
        #expect(abs(geod.length(of: dense) - geod.length(of: line)) < 1e-5)
        #expect(dense.count > 30)
        #expect(try geod.densify([], maxSegmentLength: 10) == [])
        #expect(throws: GeodesicError.self) { _ = try geod.densify(line, maxSegmentLength: -1) }
        #expect(throws: GeodesicError.self) {
            _ = try geod.densify([warsaw, Coordinate(lon: .infinity, lat: 0)], maxSegmentLength: 1000)
        }
    }

    @Test func antimeridianLongitudesFollowTheInput() throws {
        // Continuous input (179 → 181) stays continuous; wrapped input (179 → −179) stays wrapped.
        let continuous = try geod.densify([Coordinate(lon: 179, lat: 10), Coordinate(lon: 181, lat: 10)],
                                          maxSegmentLength: 20_000)
        for i in 1..<continuous.count { #expect(continuous[i].lon > continuous[i - 1].lon) }
        #expect(continuous.contains { $0.lon > 180 && $0.lon < 181 })
        let wrapped = try geod.densify([Coordinate(lon: 179, lat: 10), Coordinate(lon: -179, lat: 10)],
                                       maxSegmentLength: 20_000)
        #expect(wrapped.count == continuous.count)
        #expect(wrapped.allSatisfy { $0.lon >= -180 && $0.lon <= 180 })
        #expect(wrapped.contains { $0.lon < -179 && $0.lon > -180 })
    }
}
