import Foundation
import Testing
import GeometryCore
@testable import PerimeterKit

/// Incursions across ±180°: a box 175° E – 175° W × 60–64° N (Bering Sea) given as an RFC 7946
/// split MultiPolygon, tracks crossing it eastwards, westwards, diagonally and along the
/// antimeridian itself, against the same case moved 10° west (box 165–175° E, no crossing). The
/// ellipsoid is symmetric about its axis, so every figure must agree: one incursion per crossing
/// track, dwell and times within 0.01 s, points within 1 m, depth within the depth tolerance.
@Suite struct AntimeridianIncursionTests {
    typealias S = TrackTestSupport
    let geod = Geodesic.wgs84

    /// Longitude `lon + shift` in [-180, 180].
    static func wrap(_ lon: Double) -> Double {
        var x = lon.remainder(dividingBy: 360)
        if x == -180 { x = 180 }
        return x
    }

    /// The box shifted by `shift` degrees of longitude: split at ±180 when it crosses.
    static func box(shift: Double) -> AirspacePolygon {
        let west = 175 + shift, east = 185 + shift
        if west < 180 && east > 180 {
            return AirspacePolygon(name: "bering", parts: [.init(outer: S.box(west, 60, 180, 64)),
                                                            .init(outer: S.box(-180, 60, east - 360, 64))])
        }
        return AirspacePolygon(name: "bering", parts: [.init(outer: S.box(wrap(west), 60, wrap(east) == -180 ? 180 : wrap(east), 64))])
    }

    /// Fixes `(lon, lat, t)` for k in `range`.
    static func fixes(_ range: ClosedRange<Int>, _ f: (Double) -> (Double, Double, Double)) -> [(Double, Double, Double)] {
        range.map { f(Double($0)) }
    }

    /// Tracks with fixes every 10 s (the last one every 600 s), as (id, [(lon, lat, t)]) before shifting.
    static let tracks: [(String, [(Double, Double, Double)])] = [
        ("east", fixes(0...160) { k in (172 + 0.1 * k, 62.0, 10 * k) }),
        ("west", fixes(0...160) { k in (188 - 0.1 * k, 61.3, 10 * k) }),
        ("along", fixes(0...80) { k in (180.0, 59 + 0.08 * k, 10 * k) }),
        ("diagonal", fixes(0...80) { k in (174 + 0.15 * k, 59.5 + 0.07 * k, 10 * k) }),
        ("zigzag", fixes(0...120) { k in (180 + 0.4 * sin(k / 6), 60.5 + 0.025 * k, 10 * k) }),
        ("long hops", fixes(0...6) { k in (171 + 3.0 * k, 61 + 0.2 * k, 600 * k) }),
    ]

    func track(_ id: String, _ points: [(Double, Double, Double)], shift: Double) -> Track {
        S.track(points.map { (Self.wrap($0.0 + shift), $0.1, $0.2) }, id: id)
    }

    func compare(_ a: [Incursion], _ b: [Incursion], shift: Double, _ label: String) {
        #expect(a.count == b.count, "\(label): \(a.count) vs \(b.count) incursions")
        for (x, y) in zip(a, b) {
            #expect(abs(x.dwellS - y.dwellS) < 0.01, "\(label): dwell \(x.dwellS) vs \(y.dwellS)")
            #expect(abs(x.entryTime - y.entryTime) < 0.01 && abs(x.exitTime - y.exitTime) < 0.01, "\(label): times")
            #expect(abs(x.pathLengthM - y.pathLengthM) < 1, "\(label): path \(x.pathLengthM) vs \(y.pathLengthM)")
            #expect(abs(x.maxPenetrationM - y.maxPenetrationM) < 5 + 3e-4 * y.maxPenetrationM,
                    "\(label): depth \(x.maxPenetrationM) vs \(y.maxPenetrationM)")
            let movedEntry = Coordinate(lon: Self.wrap(y.entryPoint.lon - shift), lat: y.entryPoint.lat)
            let movedExit = Coordinate(lon: Self.wrap(y.exitPoint.lon - shift), lat: y.exitPoint.lat)
            #expect(geod.distance(x.entryPoint, movedEntry) < 1 && geod.distance(x.exitPoint, movedExit) < 1, "\(label): points")
            #expect(abs(x.entryPoint.lon) <= 180 && abs(x.exitPoint.lon) <= 180)
            #expect(x.openAtStart == y.openAtStart && x.openAtEnd == y.openAtEnd)
        }
    }

    @Test func splitBoxMatchesTheShiftedCase() throws {
        let across = try IncursionFinder(airspace: Self.box(shift: 0))
        let away = try IncursionFinder(airspace: Self.box(shift: -10))
        #expect(!across.frame.isPlain && away.frame.isPlain)
        var worst = 0.0
        for (id, points) in Self.tracks {
            let a = across.incursions(in: track(id, points, shift: 0))
            let b = away.incursions(in: track(id, points, shift: -10))
            compare(a, b, shift: -10, id)
            if id != "zigzag" { #expect(a.count == 1, "\(id): one incursion per crossing track, got \(a.count)") }
            for (x, y) in zip(a, b) { worst = max(worst, abs(x.dwellS - y.dwellS)) }
        }
        print("antimeridian: worst dwell difference against the case shifted by 10°: \(worst) s")
    }

    /// The same box written three ways (split in either order, or with longitudes past 180) and the
    /// case shifted east across the line instead.
    @Test func everyWritingOfTheBoxAgrees() throws {
        let shifted = try IncursionFinder(airspace: Self.box(shift: -10))
        let variants: [AirspacePolygon] = [
            AirspacePolygon(name: "b", parts: [.init(outer: S.box(-180, 60, -175, 64)), .init(outer: S.box(175, 60, 180, 64))]),
            AirspacePolygon(name: "b", parts: [.init(outer: S.box(175, 60, 185, 64))]),
            AirspacePolygon(name: "b", parts: [.init(outer: S.box(-185, 60, -175, 64))]),
        ]
        for (n, v) in variants.enumerated() {
            let f = try IncursionFinder(airspace: v)
            for (id, points) in Self.tracks {
                compare(f.incursions(in: track(id, points, shift: 0)), shifted.incursions(in: track(id, points, shift: -10)),
                        shift: -10, "variant \(n) \(id)")
            }
        }
        // Moved 3° east: the line now cuts the box 2° from its west side.
        let east = try IncursionFinder(airspace: Self.box(shift: 3))
        for (id, points) in Self.tracks {
            compare(east.incursions(in: track(id, points, shift: 3)), shifted.incursions(in: track(id, points, shift: -10)),
                    shift: -13, "east \(id)")
        }
    }

    /// Points on the line are inside, and depth is measured to the real boundary, never to the cut.
    @Test func locateAndDepthIgnoreTheCut() throws {
        let f = try IncursionFinder(airspace: Self.box(shift: 0))
        let g = try IncursionFinder(airspace: Self.box(shift: -10))
        for lat in [60.5, 62.0, 63.9] {
            #expect(f.locate(Coordinate(lon: 180, lat: lat)) == .inside)
            #expect(f.locate(Coordinate(lon: -180, lat: lat)) == .inside)
            #expect(f.locate(Coordinate(lon: -179.99, lat: lat)) == .inside && f.locate(Coordinate(lon: 179.99, lat: lat)) == .inside)
            let d = f.distanceToBoundary(Coordinate(lon: 180, lat: lat))
            let expected = g.distanceToBoundary(Coordinate(lon: 170, lat: lat))
            #expect(abs(d - expected) < 0.01, "depth at 180/\(lat): \(d) vs \(expected)")
            #expect(d > 10_000)
        }
        #expect(f.locate(Coordinate(lon: 174.9, lat: 62)) == .outside && f.locate(Coordinate(lon: -174.9, lat: 62)) == .outside)
        #expect(f.locate(Coordinate(lon: 180, lat: 64.1)) == .outside)
        #expect(f.locate(Coordinate(lon: 0, lat: 62)) == .outside)
    }

    /// A polygon that stops at 180° (nothing on the other side) keeps that edge as a real boundary.
    @Test func aRealBoundaryAlongTheLineStays() throws {
        let f = try IncursionFinder(airspace: AirspacePolygon(name: "west", parts: [.init(outer: S.box(175, 60, 180, 64))]))
        #expect(f.locate(Coordinate(lon: 180, lat: 62)) == .boundary)
        #expect(f.locate(Coordinate(lon: -179.9, lat: 62)) == .outside)
        let i = f.incursions(in: track("east", Self.tracks[0].1, shift: 0))
        try #require(i.count == 1)
        let g = try IncursionFinder(airspace: AirspacePolygon(name: "west", parts: [.init(outer: S.box(165, 60, 170, 64))]))
        compare(i, g.incursions(in: track("east", Self.tracks[0].1, shift: -10)), shift: -10, "half box")
        #expect(abs(i[0].exitPoint.lon) == 180)
    }

    /// Coverage polygons across the line: covered time and warning time as away from it.
    @Test func coverageAcrossTheLine() throws {
        let cover = AirspacePolygon(name: "cov", parts: [.init(outer: S.box(170, 58, 180, 66)), .init(outer: S.box(-180, 58, -178, 66))])
        let coverShifted = AirspacePolygon(name: "cov", parts: [.init(outer: S.box(160, 58, 172, 66))])
        let a = TrackAnalyzer(airspaces: [try IncursionFinder(airspace: Self.box(shift: 0))],
                              coverage: [try IncursionFinder(airspace: cover, measuresPenetration: false)])
        let b = TrackAnalyzer(airspaces: [try IncursionFinder(airspace: Self.box(shift: -10))],
                              coverage: [try IncursionFinder(airspace: coverShifted, measuresPenetration: false)])
        for (id, points) in Self.tracks {
            let ra = a.analyze(track(id, points, shift: 0)), rb = b.analyze(track(id, points, shift: -10))
            let ca = ra.coverage[0], cb = rb.coverage[0]
            #expect(abs(ca.totalInsideCoverageS - cb.totalInsideCoverageS) < 0.01, "\(id): covered \(ca.totalInsideCoverageS) vs \(cb.totalInsideCoverageS)")
            #expect((ca.warningTimeS == nil) == (cb.warningTimeS == nil))
            if let x = ca.warningTimeS, let y = cb.warningTimeS { #expect(abs(x - y) < 0.01, "\(id): warning") }
        }
    }

    /// A polar cap written per RFC 7946 (a ring along ±180° up to the pole): crossing the line
    /// inside it is one continuous visit.
    @Test func polarCapCrossingIsOneVisit() throws {
        let cap = AirspacePolygon(name: "cap", parts: [.init(outer: [
            Coordinate(lon: -180, lat: 80), Coordinate(lon: 180, lat: 80), Coordinate(lon: 180, lat: 90),
            Coordinate(lon: -180, lat: 90), Coordinate(lon: -180, lat: 80)])])
        let f = try IncursionFinder(airspace: cap, measuresPenetration: false)
        let t = S.track((0...40).map { k in (Self.wrap(178 + 0.1 * Double(k)), 85.0, 10 * Double(k)) })
        let i = f.incursions(in: t)
        #expect(i.count == 1 && i.first.map { abs($0.dwellS - 400) < 1e-6 } == true, "\(i)")
    }
}
