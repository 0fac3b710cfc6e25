import Foundation
import GeometryCore
import Testing
@testable import PerimeterKit

@Suite struct CompareCoverageTests {
    /// Sampling the forward line every 1 km: with no gap reported every sample is covered; with gaps,
    /// the reported gaps are exactly the stretches of uncovered samples (1 km granularity at the ends).
    @Test func gapsAreTheUncoveredSamples() throws {
        let c = try CompareFixtures.comparison.get()
        let ctx = GEOSContext()
        var sawGaps = false, sawNoGaps = false
        for r in c.perimeters {
            for cov in r.coverages {
                let union = try cov.coverage.union(context: ctx).prepared()
                var stretches: [Double] = []   // lengths (m) of runs of uncovered samples
                var uncoveredSamples: [Coordinate] = []
                for part in r.line.parts {
                    let samples = PolylineStations(part).stations(every: 1000)
                    var run: (start: Double, end: Double)?
                    for s in samples {
                        if try union.intersects(s.coordinate) {
                            if let r0 = run { stretches.append(r0.end - r0.start); run = nil }
                        } else {
                            uncoveredSamples.append(s.coordinate)
                            run = (run?.start ?? s.distanceM, s.distanceM)
                        }
                    }
                    if let r0 = run { stretches.append(r0.end - r0.start) }
                }
                let gaps = cov.ofLine.gaps
                let label = "\(r.line.name) @ \(cov.targetAltitudeM) m"
                if gaps.isEmpty {
                    sawNoGaps = true
                    #expect(uncoveredSamples.isEmpty, "\(label): no gap reported but \(uncoveredSamples.count) samples uncovered")
                    #expect(abs(cov.ofLine.sharePct - 100) < 1e-6)
                    continue
                }
                sawGaps = true
                // Gaps shorter than the sampling step may hold no sample; all others match a run.
                let sampled = gaps.filter { $0.lengthM >= 2000 }
                #expect(sampled.count <= stretches.count && stretches.count <= gaps.count,
                        "\(label): gaps \(gaps.map(\.lengthM)) vs runs \(stretches)")
                // Longest first on both sides: each gap spans its run plus < 1 km at each end.
                for (g, run) in zip(gaps.map(\.lengthM).sorted(by: >), stretches.sorted(by: >)) {
                    #expect(g >= run - 1 && g <= run + 2000 + 1, "\(label): gap \(g) m vs uncovered run \(run) m")
                }
                // Every uncovered sample lies on a reported gap.
                let gapLines = try gaps.map { try Geometry.lineString($0.line, context: ctx) }
                for s in uncoveredSamples {
                    let p = try Geometry.point(s, context: ctx)
                    let d = try gapLines.map { g in
                        Geodesic.wgs84.distance(s, try g.interpolate(distance: try g.project(p)).pointCoordinate)
                    }.min() ?? .infinity
                    // ≤ a few metres: the overlay takes edges as straight in lon/lat, the samples sit on
                    // the geodesic edge (the two part by ~1 m on the longest straight river edges).
                    #expect(d < 5, "\(label): \(s) uncovered but \(d) m from every gap")
                }
                #expect(abs(cov.ofLine.coveredLengthM + cov.ofLine.gapLengthM - cov.ofLine.lineLengthM) < 1, "\(label)")
            }
        }
        #expect(sawGaps && sawNoGaps, "the fixture should exercise both cases")
    }

    /// Warning depth: zero for the Polish border itself; for the Dnipro every 1 km border sample's
    /// distance is at most the distance to any vertex of the river and at least the brute-force
    /// minimum over the river densified every 250 m (minus that step).
    @Test func warningDepthAgainstBruteForce() throws {
        let c = try CompareFixtures.comparison.get()
        let pb = try #require(c.perimeters.first { $0.line.name == "polish-border" })
        #expect(pb.depth.maxM < 1)
        let dn = try #require(c.perimeters.first { $0.line.name == "dnipro" })
        let geo = try CompareGeoData.load(directory: CompareFixtures.geoData)
        let border = try #require(geo.border("PL", "UA"))
        let samples = border.flatMap { PolylineStations($0).stations(every: 1000).map(\.coordinate) }
        #expect(samples.count == dn.depth.distancesM.count)
        let river = try Geodesic.wgs84.densify(geo.dnipro, maxSegmentLength: 250)
        for (i, s) in samples.enumerated() where i % 10 == 0 {
            let brute = river.map { Geodesic.wgs84.distance(s, $0) }.min()!
            #expect(dn.depth.distancesM[i] <= brute + 1, "sample \(i): \(dn.depth.distancesM[i]) > brute \(brute)")
            #expect(dn.depth.distancesM[i] >= brute - 250, "sample \(i): \(dn.depth.distancesM[i]) ≪ brute \(brute)")
        }
        #expect(dn.depth.minM <= dn.depth.medianM && dn.depth.medianM <= dn.depth.maxM)
        #expect(dn.depth.minM > 300_000)
    }
}
