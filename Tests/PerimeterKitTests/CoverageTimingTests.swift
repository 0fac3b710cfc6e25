import Testing
import GeometryCore
@testable import PerimeterKit

@Suite struct CoverageTimingTests {
    let geod = Geodesic.wgs84
    typealias S = TrackTestSupport

    func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(lon: lon, lat: lat) }

    @Test func warningTimeAlongAMeridian() throws {
        let airspace = try IncursionFinder(airspace: AirspacePolygon(name: "A", parts: [.init(outer: S.box(10, 50, 11, 51))]))
        // Two overlapping coverage areas whose union is 9..12 × 49..52.
        let cover1 = try IncursionFinder(airspace: AirspacePolygon(name: "C1", parts: [.init(outer: S.box(9, 49, 12, 50.5))]))
        let cover2 = try IncursionFinder(airspace: AirspacePolygon(name: "C2", parts: [.init(outer: S.box(9, 50, 12, 52))]))
        let analyzer = TrackAnalyzer(airspaces: [airspace], coverage: [cover1, cover2])
        let track = S.track([(10.5, 48.5, 0), (10.5, 53, 4500)])
        let report = analyzer.analyze(track)
        let total = geod.distance(c(10.5, 48.5), c(10.5, 53))
        let t = { (lat: Double) in 4500 * self.geod.distance(self.c(10.5, 48.5), self.c(10.5, lat)) / total }
        let timing = try #require(report.coverage.first)
        #expect(abs(try #require(timing.firstInsideCoverageTime) - t(49)) < 0.01)
        #expect(abs(timing.totalInsideCoverageS - (t(52) - t(49))) < 0.01)
        #expect(abs(try #require(timing.firstAirspaceEntryTime) - t(50)) < 0.01)
        #expect(abs(try #require(timing.warningTimeS) - (t(50) - t(49))) < 0.01)
    }

    @Test func noCoverageMeansNoWarningTime() {
        let timing = CoverageTiming(coverage: [[]], airspace: [])
        #expect(timing.firstInsideCoverageTime == nil && timing.warningTimeS == nil && timing.totalInsideCoverageS == 0)
    }
}
