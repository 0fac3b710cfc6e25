import Foundation
import Testing
@testable import GeometryCore

/// Geodesic circle rings: vertices on the circle, chord error within the tolerance, area close to a dense
/// reference, continuous longitudes across the antimeridian, poles refused.
///
/// Tolerance choice for the area checks: a ring inscribed with chord error `tol` misses an area of about
/// (2/3)·tol·perimeter = (4/3)·(tol/R)·πR², i.e. a relative deficit of (4/3)·tol/R. For the 0.01 % bound
/// at R = 100 km that needs tol ≤ 7.5 m; tol = 5 m gives 6.7e-5 (315 vertices), and 1.3e-5 at
/// R = 500 km. The 100 000-vertex reference itself misses only ≈ 6.6e-10.
@Suite struct GeodesicCircleTests {
    let geod = Geodesic.wgs84

    func expectOnCircle(_ ring: [Coordinate], _ circle: GeodesicCircle) {
        for (i, v) in ring.enumerated() {
            let d = geod.distance(circle.center, v)
            #expect(abs(d - circle.radius) < 1e-3, "vertex \(i) \(v) is \(d) m from the centre")
        }
    }

    func expectAreaClose(_ circle: GeodesicCircle, tolerance: Double) throws {
        let ring = try circle.ring(tolerance: tolerance)
        let reference = try circle.ring(vertexCount: 100_000)
        let area = geod.areaAndPerimeter(ofRing: ring).area
        let refArea = geod.areaAndPerimeter(ofRing: reference).area
        let relative = (refArea - area) / refArea
        #expect(relative >= 0, "inscribed ring must not exceed the reference: \(area) vs \(refArea)")
        #expect(relative < 1e-4, "relative area deficit \(relative)")
        // The deficit also matches its estimate (4/3)·tol/R to within a factor of 2.
        let n = Double(ring.count - 1)
        let chordError = circle.radius * (1 - cos(Double.pi / n))
        let estimate = 4.0 / 3.0 * chordError / circle.radius
        #expect(relative > 0.5 * estimate && relative < 2 * estimate, "deficit \(relative) vs estimate \(estimate)")
        #expect(geod.signedArea(ofRing: ring) > 0, "counter-clockwise")
    }

    @Test func hundredKilometresAt60North() throws {
        let circle = GeodesicCircle(center: Coordinate(lon: 24, lat: 60), radius: 100_000)
        let ring = try circle.ring(tolerance: 5)
        #expect(ring.count == 316)  // 315 vertices + closing point
        #expect(ring.first == ring.last)
        expectOnCircle(ring, circle)
        try expectAreaClose(circle, tolerance: 5)
    }

    @Test func fiveHundredKilometresAt80North() throws {
        let circle = GeodesicCircle(center: Coordinate(lon: -40, lat: 80), radius: 500_000)
        let ring = try circle.ring(tolerance: 5)
        expectOnCircle(ring, circle)
        try expectAreaClose(circle, tolerance: 5)
        #expect(isSimple(ring))
    }

    @Test func circleCrossingTheAntimeridianHasContinuousLongitudes() throws {
        let circle = GeodesicCircle(center: Coordinate(lon: 179.5, lat: -17), radius: 300_000)
        let ring = try circle.ring(tolerance: 5)
        expectOnCircle(ring, circle)
        try expectAreaClose(circle, tolerance: 5)
        #expect(ring.contains { $0.lon > 180 }, "east side beyond +180")
        #expect(ring.allSatisfy { $0.lon > 176 && $0.lon < 183 })
        for i in 1..<ring.count { #expect(abs(ring[i].lon - ring[i - 1].lon) < 1, "jump at \(i)") }
        #expect(isSimple(ring))
        // A centre given as −180.5 is the same place: reduced to 179.5 first.
        let same = try GeodesicCircle(center: Coordinate(lon: -180.5, lat: -17), radius: 300_000).ring(tolerance: 5)
        #expect(abs(same[0].lon - ring[0].lon) < 1e-9)
    }

    @Test func chordMidpointsStayWithinTolerance() throws {
        let cases: [(Coordinate, Double, Double)] = [
            (Coordinate(lon: 24, lat: 60), 100_000, 5),
            (Coordinate(lon: -40, lat: 80), 500_000, 5),
            (Coordinate(lon: 30, lat: 0), 2_000_000, 100),
            (Coordinate(lon: 10, lat: 5), 9_000_000, 1_000),
            (Coordinate(lon: 2, lat: 45), 1_000, 0.01),
            (Coordinate(lon: 179.9, lat: -60), 50_000, 1),
            (Coordinate(lon: 0, lat: 50), 10_000, 50),  // few vertices: minimum 8
        ]
        for (center, radius, tol) in cases {
            let circle = GeodesicCircle(center: center, radius: radius)
            let ring = try circle.ring(tolerance: tol)
            var worst = 0.0
            for i in 1..<ring.count {
                let chord = geod.inverse(ring[i - 1], ring[i])
                let mid = geod.direct(from: ring[i - 1], azimuth: chord.azimuth1, distance: chord.distance / 2)
                let deficit = radius - geod.distance(center, mid.coordinate)
                worst = max(worst, deficit)
            }
            #expect(worst <= tol, "R \(radius) m at \(center): chord error \(worst) m > tolerance \(tol) m")
            if ring.count - 1 > GeodesicCircle.minimumVertexCount {
                // Not wastefully many vertices either: the worst chord uses most of the tolerance, apart
                // from the sphere's own shrinking of the chord error for large circles, by a factor
                // sin(2R/a)/(2R/a) (tan d = tan R·cos θ on a sphere of radius a): 0.94 at 2 000 km,
                // 0.11 at 9 000 km — the plane formula is conservative there.
                let x = 2 * radius / 6_371_000
                #expect(worst > 0.5 * tol * sin(x) / x, "R \(radius) m: chord error only \(worst) m of \(tol) m")
            }
        }
    }

    @Test func vertexCountFollowsTheFormula() throws {
        #expect(try GeodesicCircle.vertexCount(radius: 100_000, tolerance: 5) == 315)
        #expect(try GeodesicCircle.vertexCount(radius: 100, tolerance: 1_000) == 8)
        #expect(throws: GeodesicError.self) { _ = try GeodesicCircle.vertexCount(radius: 100_000, tolerance: 1e-5) }  // needs ≈ 222 000
        #expect(throws: GeodesicError.self) { _ = try GeodesicCircle.vertexCount(radius: -5, tolerance: 1) }
        #expect(throws: GeodesicError.self) { _ = try GeodesicCircle.vertexCount(radius: 1000, tolerance: .nan) }
    }

    @Test func circleOverAPoleIsRefused() {
        let circle = GeodesicCircle(center: Coordinate(lon: 0, lat: 85), radius: 600_000)
        do {
            _ = try circle.ring(tolerance: 10)
            Issue.record("expected circleContainsPole")
        } catch let e as GeodesicError {
            guard case .circleContainsPole(_, _, let pole, let d) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(pole == "north" && d > 555_000 && d < 560_000)
            #expect(e.description.contains("north pole"))
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: GeodesicError.self) {
            _ = try GeodesicCircle(center: Coordinate(lon: 0, lat: -89.9), radius: 20_000).ring(tolerance: 1)
        }
        #expect(throws: GeodesicError.self) {
            _ = try GeodesicCircle(center: Coordinate(lon: .nan, lat: 0), radius: 20_000).ring(tolerance: 1)
        }
    }
}

/// Whether a closed lon/lat ring has no two non-adjacent edges that intersect (planar test).
func isSimple(_ ring: [Coordinate]) -> Bool {
    func orient(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }
    let n = ring.count - 1
    guard n >= 3 else { return false }
    for i in 0..<n {
        for j in stride(from: i + 2, to: n, by: 1) where !(i == 0 && j == n - 1) {
            let a = ring[i], b = ring[i + 1], c = ring[j], d = ring[j + 1]
            if orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0 { return false }
        }
    }
    return true
}
