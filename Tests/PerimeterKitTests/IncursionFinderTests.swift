import Testing
import GeometryCore
@testable import PerimeterKit

/// Straight constant-speed tracks along geodesics (meridians, the equator, a general geodesic)
/// through lon/lat boxes, whose crossing times follow exactly from `Geodesic` distances.
@Suite struct IncursionFinderTests {
    let geod = Geodesic.wgs84
    typealias S = TrackTestSupport

    func finder(_ parts: [AirspacePolygon.Part], name: String = "box") throws -> IncursionFinder {
        try IncursionFinder(airspace: AirspacePolygon(name: name, parts: parts))
    }

    var unitBox: AirspacePolygon.Part { AirspacePolygon.Part(outer: S.box(10, 50, 11, 51)) }

    func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(lon: lon, lat: lat) }

    @Test func meridianThroughBox() throws {
        let f = try finder([unitBox])
        let track = S.track([(10.5, 49.5, 0), (10.5, 51.5, 1000)])
        let total = geod.distance(c(10.5, 49.5), c(10.5, 51.5))
        let incursions = f.incursions(in: track)
        try #require(incursions.count == 1)
        let i = incursions[0]
        let entry = 1000 * geod.distance(c(10.5, 49.5), c(10.5, 50)) / total
        let exit = 1000 * geod.distance(c(10.5, 49.5), c(10.5, 51)) / total
        #expect(abs(i.entryTime - entry) < 0.01)
        #expect(abs(i.exitTime - exit) < 0.01)
        #expect(abs(i.dwellS - (exit - entry)) < 0.01)
        #expect(geod.distance(i.entryPoint, c(10.5, 50)) < 1)
        #expect(geod.distance(i.exitPoint, c(10.5, 51)) < 1)
        #expect(abs(i.pathLengthM - geod.distance(c(10.5, 50), c(10.5, 51))) < 1)
        #expect(!i.openAtStart && !i.openAtEnd && i.interpolatedGap)  // one 1000 s segment > 300 s
    }

    @Test func equatorThroughBox() throws {
        let f = try finder([AirspacePolygon.Part(outer: S.box(0, -0.5, 1, 0.5))])
        let incursions = f.incursions(in: S.track([(-0.5, 0, 0), (1.5, 0, 800)]))
        try #require(incursions.count == 1)
        #expect(abs(incursions[0].entryTime - 200) < 0.01)  // distance ∝ longitude on the equator
        #expect(abs(incursions[0].exitTime - 600) < 0.01)
        #expect(geod.distance(incursions[0].entryPoint, c(0, 0)) < 1)
    }

    /// A constant-speed track with fixes every 10 s along a general geodesic (azimuth 75°); the
    /// crossings of the box's meridian edges are found by bisection on `Geodesic.direct`.
    @Test func generalGeodesicWithManyFixes() throws {
        let f = try finder([unitBox])
        let start = c(9.7, 50.3), azimuth = 75.0, speed = 250.0
        let fixes = (0...60).map { k in
            Fix(time: Double(k) * 10, position: geod.direct(from: start, azimuth: azimuth, distance: speed * Double(k) * 10).coordinate)
        }
        func distanceToMeridian(_ lon: Double) -> Double {
            var lo = 0.0, hi = 150_000.0
            for _ in 0..<80 {
                let mid = 0.5 * (lo + hi)
                if geod.direct(from: start, azimuth: azimuth, distance: mid).coordinate.lon < lon { lo = mid } else { hi = mid }
            }
            return 0.5 * (lo + hi)
        }
        let sIn = distanceToMeridian(10), sOut = distanceToMeridian(11)
        let incursions = f.incursions(in: Track(id: "G", fixes: fixes))
        try #require(incursions.count == 1)
        let i = incursions[0]
        #expect(abs(i.entryTime - sIn / speed) < 0.01)
        #expect(abs(i.exitTime - sOut / speed) < 0.01)
        #expect(geod.distance(i.entryPoint, geod.direct(from: start, azimuth: azimuth, distance: sIn).coordinate) < 1)
        #expect(geod.distance(i.exitPoint, geod.direct(from: start, azimuth: azimuth, distance: sOut).coordinate) < 1)
        #expect(abs(i.pathLengthM - (sOut - sIn)) < 1)
        #expect(!i.interpolatedGap)
    }

    @Test func startInsideAndEndInside() throws {
        let f = try finder([unitBox])
        let out = f.incursions(in: S.track([(10.5, 50.5, 0), (10.5, 51.5, 1000)]))
        try #require(out.count == 1)
        #expect(out[0].openAtStart && !out[0].openAtEnd)
        #expect(out[0].entryTime == 0 && out[0].entryPoint == c(10.5, 50.5))
        let expectedExit = 1000 * geod.distance(c(10.5, 50.5), c(10.5, 51)) / geod.distance(c(10.5, 50.5), c(10.5, 51.5))
        #expect(abs(out[0].exitTime - expectedExit) < 0.01)
        let back = f.incursions(in: S.track([(10.5, 51.5, 0), (10.5, 50.5, 1000)]))
        try #require(back.count == 1)
        #expect(!back[0].openAtStart && back[0].openAtEnd)
        #expect(back[0].exitTime == 1000 && back[0].exitPoint == c(10.5, 50.5))
    }

    @Test func fixExactlyOnTheBorder() throws {
        let f = try finder([unitBox])
        let entering = f.incursions(in: S.track([(10.5, 49.9, 0), (10.5, 50.0, 100), (10.5, 50.1, 200)]))
        try #require(entering.count == 1)
        #expect(entering[0].entryTime == 100 && entering[0].entryPoint == c(10.5, 50))
        #expect(!entering[0].openAtStart && entering[0].openAtEnd)
        // Touching the border from inside does not end the incursion…
        let touchInside = f.incursions(in: S.track([(10.5, 50.5, 0), (10.5, 51.0, 100), (10.5, 50.5, 200)]))
        #expect(touchInside.count == 1)
        #expect(touchInside.first?.dwellS == 200)
        // …and touching it from outside is not entering.
        #expect(f.incursions(in: S.track([(10.5, 51.5, 0), (10.5, 51.0, 100), (10.5, 51.5, 200)])).isEmpty)
        // A track starting exactly on the border is not open at start.
        let fromBorder = f.incursions(in: S.track([(10.5, 50.0, 0), (10.5, 50.1, 100)]))
        #expect(fromBorder.count == 1 && fromBorder[0].openAtStart == false && fromBorder[0].entryTime == 0)
    }

    @Test func segmentAlongAnEdge() throws {
        let f = try finder([unitBox])
        // From outside, along the west edge, back out: never strictly inside.
        #expect(f.incursions(in: S.track([(9.9, 50.1, 0), (10, 50.2, 100), (10, 50.8, 200), (9.9, 50.9, 300)])).isEmpty)
        // From inside onto the edge and back inside: the time on the edge is not inside.
        let split = f.incursions(in: S.track([(10.1, 50.1, 0), (10, 50.2, 100), (10, 50.8, 200), (10.1, 50.9, 300)]))
        try #require(split.count == 2)
        #expect(abs(split[0].exitTime - 100) < 1e-6 && split[0].exitPoint == c(10, 50.2))
        #expect(abs(split[1].entryTime - 200) < 1e-6 && split[1].entryPoint == c(10, 50.8))
    }

    @Test func grazingAVertex() throws {
        let f = try finder([unitBox])
        #expect(f.incursions(in: S.track([(9.99, 50.01, 0), (10, 50, 10), (10.01, 49.99, 20)])).isEmpty)
        #expect(f.incursions(in: S.track([(10.99, 51.01, 0), (11, 51, 10), (11.01, 50.99, 20)])).isEmpty)
    }

    @Test func passingThroughAHole() throws {
        let f = try finder([AirspacePolygon.Part(outer: S.box(10, 50, 11, 51), holes: [S.box(10.4, 50.4, 10.6, 50.6)])])
        let total = geod.distance(c(10.5, 49.5), c(10.5, 51.5))
        let incursions = f.incursions(in: S.track([(10.5, 49.5, 0), (10.5, 51.5, 1000)]))
        try #require(incursions.count == 2)
        let t = { (lat: Double) in 1000 * self.geod.distance(self.c(10.5, 49.5), self.c(10.5, lat)) / total }
        #expect(abs(incursions[0].entryTime - t(50)) < 0.01 && abs(incursions[0].exitTime - t(50.4)) < 0.01)
        #expect(abs(incursions[1].entryTime - t(50.6)) < 0.01 && abs(incursions[1].exitTime - t(51)) < 0.01)
        #expect(f.locate(c(10.5, 50.5)) == .outside)
    }

    @Test func hoppingBetweenIslands() throws {
        let f = try finder([unitBox, AirspacePolygon.Part(outer: S.box(10, 51.5, 11, 52.5))])
        let total = geod.distance(c(10.5, 49.5), c(10.5, 53))
        let incursions = f.incursions(in: S.track([(10.5, 49.5, 0), (10.5, 53, 3500)]))
        try #require(incursions.count == 2)
        let t = { (lat: Double) in 3500 * self.geod.distance(self.c(10.5, 49.5), self.c(10.5, lat)) / total }
        #expect(abs(incursions[0].dwellS - (t(51) - t(50))) < 0.01)
        #expect(abs(incursions[1].entryTime - t(51.5)) < 0.01 && abs(incursions[1].exitTime - t(52.5)) < 0.01)
        let summary = f.summary(of: S.track([(10.5, 49.5, 0), (10.5, 53, 3500)]))
        #expect(abs(summary.totalDwellS - (t(51) - t(50) + t(52.5) - t(51.5))) < 0.02)
    }

    @Test func singleFix() throws {
        let f = try finder([unitBox])
        let inside = f.incursions(in: S.track([(10.5, 50.5, 7)]))
        try #require(inside.count == 1)
        #expect(inside[0].dwellS == 0 && inside[0].entryTime == 7 && inside[0].openAtStart && inside[0].openAtEnd)
        #expect(abs(inside[0].maxPenetrationM - geod.distance(c(10.5, 50.5), c(10, 50.5))) < 200)
        #expect(f.incursions(in: S.track([(12, 50.5, 7)])).isEmpty)
        #expect(f.incursions(in: Track(id: "empty", fixes: [])).isEmpty)
    }

    @Test func zeroLengthSegments() throws {
        let f = try finder([unitBox])
        let hover = f.incursions(in: S.track([(10.5, 50.5, 0), (10.5, 50.5, 100), (10.5, 50.6, 200)]))
        try #require(hover.count == 1)
        #expect(hover[0].dwellS == 200)
        #expect(abs(hover[0].pathLengthM - geod.distance(c(10.5, 50.5), c(10.5, 50.6))) < 0.01)
        #expect(f.incursions(in: S.track([(10.5, 50, 0), (10.5, 50, 100), (10.5, 49.9, 200)])).isEmpty)
    }

    @Test func reentriesAreSeparate() throws {
        let f = try finder([unitBox])
        let track = S.track([(10.5, 49.9, 0), (10.5, 50.1, 10), (10.5, 49.9, 20), (10.5, 50.1, 30)])
        let incursions = f.incursions(in: track)
        #expect(incursions.count == 2)
        #expect(incursions.allSatisfy { abs($0.entryPoint.lat - 50) < 1e-9 || $0.openAtEnd })
    }

    /// Depth along the meridian through the box against a brute-force geodesic oracle: the distance
    /// to each edge minimised by golden section on `Geodesic.inverse`, maximised the same way.
    @Test func penetrationDepthMatchesBruteForce() throws {
        let f = try finder([unitBox])
        let incursions = f.incursions(in: S.track([(10.5, 49.5, 0), (10.5, 51.5, 1000)]))
        func golden(_ lo0: Double, _ hi0: Double, maximise: Bool, _ g: (Double) -> Double) -> Double {
            var lo = lo0, hi = hi0
            let r = (5.0.squareRoot() - 1) / 2
            for _ in 0..<60 {
                let x1 = hi - r * (hi - lo), x2 = lo + r * (hi - lo)
                if (g(x1) < g(x2)) == maximise { lo = x1 } else { hi = x2 }
            }
            return g(0.5 * (lo + hi))
        }
        func depth(_ lat: Double) -> Double {
            let p = c(10.5, lat)
            let south = geod.distance(p, c(10.5, 50)), north = geod.distance(p, c(10.5, 51))
            let west = golden(50, 51, maximise: false) { geod.distance(p, c(10, $0)) }
            let east = golden(50, 51, maximise: false) { geod.distance(p, c(11, $0)) }
            return min(south, north, west, east)
        }
        let expected = golden(50, 51, maximise: true, depth)
        let found = try #require(incursions.first).maxPenetrationM
        #expect(found <= expected + 1)
        #expect(found >= expected - f.depthToleranceM - 3e-4 * expected - 1, "\(found) vs \(expected)")
        #expect(abs(f.distanceToBoundary(c(10.5, 50.5)) - depth(50.5)) < 1)
    }
}
