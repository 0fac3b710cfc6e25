import Foundation
import Testing
import GeoJSON
import GeometryCore
@testable import PerimeterKit

/// Coverage anywhere on WGS84: near and round the poles, across ±180°, radii 10 m to
/// 10 000 km, checked against tools/oracles/coverage_union.py (pyproj + shapely, union in an equal-area
/// azimuthal projection, areas with pyproj's Geod).
@Suite struct CoverageGlobalTests {
    typealias SiteSpec = (lon: Double, lat: Double, radiusM: Double)

    static func sites(_ specs: [SiteSpec]) -> [Site] {
        specs.enumerated().map { Site(id: "s\($0.offset)", position: Coordinate(lon: $0.element.lon, lat: $0.element.lat), rangeM: $0.element.radiusM) }
    }

    /// Perimeter's union as RFC 7946 GeoJSON (the writer's own normalisation), checked strict.
    static func unionGeoJSON(_ coverage: Coverage) throws -> Data {
        let data = try GeoJSONWriter(precision: 9).encode(try GeoJSONGeometry(try coverage.union()))
        let collection = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":"#
            + String(decoding: data, as: UTF8.self) + "}]}"
        let problems = RFC7946Validator.problems(in: Data(collection.utf8))
        #expect(problems.isEmpty, "\(problems)")
        return data
    }

    struct Check {
        var relativeAreaError: Double
        var worstResidualRatio: Double
        var coverage: Coverage
        var oracle: CoverageOracle.Answer
    }

    /// Builds the coverage of each set and compares it with the oracle: area and per-circle containment.
    static func check(_ sets: [[SiteSpec]], toleranceM: Double = 10) throws -> [Check] {
        var coverages: [Coverage] = []
        var cases: [CoverageOracle.Case] = []
        for specs in sets {
            let coverage = try Coverage.build(sites: sites(specs), toleranceM: toleranceM, threads: 2)
            coverages.append(coverage)
            cases.append(.init(sites: specs, toleranceM: toleranceM, union: try unionGeoJSON(coverage)))
        }
        let answers = try CoverageOracle.run(cases)
        return zip(coverages, answers).map { coverage, answer in
            let residual = zip(answer.residualM2, answer.perimeterM).map { $0 / (toleranceM * $1) }.max() ?? .nan
            return Check(relativeAreaError: (coverage.areaM2 - answer.areaM2) / answer.areaM2,
                         worstResidualRatio: residual, coverage: coverage, oracle: answer)
        }
    }

    /// The cases once found wrong, each against the oracle: area within 0.05 %, every circle
    /// inside the union to the tolerance (the part of a circle outside it below tolerance × perimeter).
    @Test(arguments: [
        ("400 km at 83° N alone", [(-40.0, 83.0, 400_000.0)]),
        ("400 km at 83° N with Warsaw 100 km", [(-40.0, 83.0, 400_000.0), (21.0122, 52.2297, 100_000.0)]),
        ("4,000 km at 50° N", [(0.0, 50.0, 4_000_000.0)]),
        ("2,000 km at 50° N", [(0.0, 50.0, 2_000_000.0)]),
        ("two 2,000 km at 68° N", [(0.0, 68.0, 2_000_000.0), (60.0, 68.0, 2_000_000.0)]),
        ("circle containing the north pole", [(0.0, 88.0, 1_000_000.0)]),
        ("circle containing the south pole across ±180", [(179.9, -85.0, 2_000_000.0)]),
        ("pole cap and an antimeridian circle", [(30.0, 89.0, 700_000.0), (179.9, 60.0, 500_000.0)]),
        ("10,000 km circle", [(10.0, 20.0, 10_000_000.0)]),
        ("centre on the pole", [(0.0, 90.0, 300_000.0), (0.0, -90.0, 5_000_000.0)]),
    ] as [(String, [SiteSpec])])
    func issueCaseMatchesOracle(name: String, specs: [SiteSpec]) throws {
        let check = try #require(try Self.check([specs]).first)
        print("coverage \(name): area \(check.coverage.areaM2 / 1e6) km² vs oracle \(check.oracle.areaM2 / 1e6) km² "
              + "(\(check.relativeAreaError * 100) %), worst residual \(check.worstResidualRatio) × tolerance × perimeter")
        #expect(abs(check.relativeAreaError) < 5e-4, "\(name): \(check.relativeAreaError * 100) %")
        #expect(check.worstResidualRatio < 1, "\(name): residual \(check.worstResidualRatio)")
        #expect(try check.coverage.union().isValid)
    }

    /// The polar circle keeps its area with a second site far away (main clipped its west side: −1.2 %).
    @Test func polarCircleUnaffectedBySecondSite() throws {
        let polar = try Coverage.build(sites: Self.sites([(-40, 83, 400_000)]), toleranceM: 10)
        let warsaw = try Coverage.build(sites: Self.sites([(21.0122, 52.2297, 100_000)]), toleranceM: 10)
        let both = try Coverage.build(sites: Self.sites([(-40, 83, 400_000), (21.0122, 52.2297, 100_000)]), toleranceM: 10)
        #expect(abs(both.areaM2 - polar.areaM2 - warsaw.areaM2) / both.areaM2 < 1e-7)
        #expect(both.parts == 2 && both.holes == 0)
    }

    /// A union is never smaller than one of its circles (main: two 2,000 km circles at 68° N were).
    @Test func unionNotSmallerThanItsCircles() throws {
        let specs: [SiteSpec] = [(0, 68, 2_000_000), (60, 68, 2_000_000)]
        let union = try Coverage.build(sites: Self.sites(specs), toleranceM: 10)
        for s in specs {
            let one = try Coverage.build(sites: Self.sites([s]), toleranceM: 10)
            #expect(union.areaM2 > one.areaM2)
        }
        #expect(union.parts == 1 && union.holes == 0)
    }

    /// Caps are written per RFC 7946 §3.1.9: one polygon within [-180, 180] with an edge along the pole line.
    @Test func poleCapIsAnRFC7946Polygon() throws {
        for (lat, pole) in [(88.0, 90.0), (-87.0, -90.0)] {
            let coverage = try Coverage.build(sites: Self.sites([(45, lat, 800_000)]), toleranceM: 10)
            #expect(coverage.parts == 1 && coverage.holes == 0)
            let geometry = try JSONSerialization.jsonObject(with: try Self.unionGeoJSON(coverage)) as? [String: Any]
            #expect(geometry?["type"] as? String == "Polygon")
            let ring = ((geometry?["coordinates"] as? [[[Double]]]) ?? [[]])[0]
            #expect(ring.contains { $0[1] == pole && $0[0] == 180 } && ring.contains { $0[1] == pole && $0[0] == -180 })
            #expect(ring.allSatisfy { abs($0[0]) <= 180 })
        }
    }

    /// A ring of circles round the pole leaves the pole uncovered: one part, one hole; an equatorial belt too.
    @Test func ringsRoundTheGlobeHaveOneHole() throws {
        let polar = try Coverage.build(sites: Self.sites(stride(from: -180.0, to: 180, by: 30).map { ($0, 75, 500_000) }), toleranceM: 10)
        #expect(polar.parts == 1 && polar.holes == 1)
        let belt = try Coverage.build(sites: Self.sites(stride(from: -180.0, to: 180, by: 12).map { ($0, 0, 800_000) }), toleranceM: 10)
        #expect(belt.parts == 1 && belt.holes == 1)
    }

    /// 10 m circles at a 5 mm tolerance, and a radius above the stated maximum: a clear error, no polygon.
    @Test func smallestAndTooLargeRadii() throws {
        let checks = try Self.check([[(24, 60, 10), (24.0001, 60, 10), (179.99995, -89.99, 10)]], toleranceM: 0.005)
        #expect(abs(checks[0].relativeAreaError) < 5e-4, "\(checks[0].relativeAreaError)")
        #expect(checks[0].worstResidualRatio < 1)
        do {
            _ = try Coverage.build(sites: Self.sites([(0, 0, 10_000_001)]), toleranceM: 10)
            Issue.record("expected an error above the maximum radius")
        } catch {
            #expect("\(error)".contains("maximum of 10000 km"), "\(error)")
        }
    }

    /// Ring vertices of circles with a lazily built ring stay inside the box the tiled union files them under.
    /// (The ring's uniform vertex count from the circle's own extent is never below the one the box assumes.)
    @Test func planarExtentHoldsTheRing() throws {
        var rng = TiledCircleUnionTests.LCG(s: 77)
        for _ in 0..<400 {
            let c = GeodesicCircle(center: Coordinate(lon: -180 + 360 * rng.next(), lat: -89 + 178 * rng.next()),
                                   radius: exp(log(1_000) + rng.next() * log(5_000)))
            // As UnionPlan does: the extent of the circle through the vertices (a little beyond the radius).
            let extent = GeodesicCircle(center: c.center, radius: try c.planarVertexRadius(tolerance: 10) * (1 + 1e-9)).planarExtent()
            guard c.hasUniformPlanarRing(extent: extent) else { continue }
            let ring = try c.planarRing(tolerance: 10)
            let lon0 = c.center.lon
            for p in ring {
                #expect(abs(p.lon - lon0) <= extent.lonHalfWidth && p.lat >= extent.minLat - 1e-9 && p.lat <= extent.maxLat + 1e-9,
                        "\(c) vertex \(p) outside \(extent)")
            }
        }
    }

    /// The done-criterion: 200 seeded random site sets all over the globe (|lat| > 80° and ±180° included,
    /// 1–20 sites, radii 1–5,000 km log-uniform, clustered or scattered) against the oracle in one process.
    @Test func randomSetsAllOverTheGlobeMatchOracle() throws {
        var rng = TiledCircleUnionTests.LCG(s: 20_261_129)
        let geod = Geodesic.wgs84
        var sets: [[SiteSpec]] = []
        for i in 0..<200 {
            let count = 1 + Int(rng.next() * 20)
            var centre: Coordinate
            switch i % 4 {
            case 0: centre = Coordinate(lon: -180 + 360 * rng.next(), lat: asin(2 * rng.next() - 1) * 180 / .pi)
            case 1: centre = Coordinate(lon: -180 + 360 * rng.next(), lat: (rng.next() < 0.5 ? 1 : -1) * (80 + 10 * rng.next()))
            case 2: centre = Coordinate(lon: rng.next() < 0.5 ? 180 : -180, lat: -70 + 140 * rng.next())
            default: centre = Coordinate(lon: -180 + 360 * rng.next(), lat: -85 + 170 * rng.next())
            }
            let spread = i % 4 == 0 ? 20_000_000 : 300_000 + 2_000_000 * rng.next()
            var specs: [SiteSpec] = []
            for k in 0..<count {
                var p = k == 0 ? centre : geod.direct(from: centre, azimuth: 360 * rng.next(), distance: spread * rng.next()).coordinate
                p.x = remainder(p.x, 360)
                specs.append((p.lon, p.lat, exp(log(1_000) + rng.next() * log(5_000))))
            }
            sets.append(specs)
        }
        let checks = try Self.check(sets)
        var worstArea = 0.0, worstResidual = 0.0
        for (i, c) in checks.enumerated() {
            worstArea = max(worstArea, abs(c.relativeAreaError))
            worstResidual = max(worstResidual, c.worstResidualRatio)
            #expect(abs(c.relativeAreaError) < 5e-4, "set \(i) \(sets[i]): area \(c.coverage.areaM2) vs \(c.oracle.areaM2) (\(c.oracle.method))")
            #expect(c.worstResidualRatio < 1, "set \(i) \(sets[i]): residual \(c.worstResidualRatio)")
        }
        let polar = sets.joined().filter { abs($0.lat) > 80 }.count, cut = sets.joined().filter { abs($0.lon) == 180 }.count
        print("coverage property test: \(sets.count) sets, \(sets.joined().count) sites (\(polar) beyond 80°, \(cut) on ±180): "
              + "max |relative area error| \(worstArea * 100) %, worst residual \(worstResidual) × tolerance × perimeter; "
              + "oracle methods: \(Dictionary(grouping: checks, by: \.oracle.method).mapValues(\.count))")
        #expect(polar > 0 && cut > 0)
    }
}

/// Rings kept from the build (`keepRings`) are the rings the union and the output would build anyway.
@Suite struct CoverageKeptRingsTests {
    @Test func keptRingsGiveTheSameUnionAndFeatures() throws {
        // Mid-latitude circles, one across ±180, one round the north pole, one near the south pole.
        let specs: [CoverageGlobalTests.SiteSpec] = [(20, 50, 100_000), (21.2, 50.4, 80_000), (179.5, 10, 300_000),
                                                      (-40, 83, 400_000), (10, -80, 200_000), (22, 49.5, 120_000)]
        let sites = CoverageGlobalTests.sites(specs)
        let plain = try Coverage.build(sites: sites, toleranceM: 10, threads: 2)
        let kept = try Coverage.build(sites: sites, toleranceM: 10, threads: 2, keepRings: true)
        #expect(kept.unionWKB == plain.unionWKB)
        #expect(kept.areaM2 == plain.areaM2 && kept.perimeterM == plain.perimeterM)
        let text = { (c: Coverage) in try GeoJSONWriter().encode(FeatureCollection(features: try c.features())) }
        #expect(try text(kept) == text(plain))
    }
}
