import Testing
import GeometryCore
@testable import PerimeterKit

@Suite struct TrackPipelineTests {
    typealias S = TrackTestSupport

    /// Reports come back in input order with totals equal to the sum of per-track results,
    /// whatever the number of workers.
    @Test(arguments: [1, 2, 3])
    func reportsInOrderWithTotals(workers: Int) throws {
        var csv = "track_id,time,lon,lat\n"
        for k in 0..<40 {
            let lon = 10.05 + Double(k) * 0.02
            csv += "t\(k),0,\(lon),49.5\nt\(k),600,\(lon),50.5\nt\(k),1200,\(lon),51.5\n"
        }
        let path = try S.temporaryFile(csv, suffix: ".csv")
        let finder = try IncursionFinder(airspace: AirspacePolygon(name: "A", parts: [.init(outer: S.box(10, 50, 11, 51))]))
        var reader = try CSVTrackReader(path: path)
        let result = try TrackPipeline.run(&reader, analyzer: TrackAnalyzer(airspaces: [finder]), workers: workers, queueCapacity: 3)
        #expect(result.reports.map(\.trackID) == (0..<40).map { "t\($0)" })
        #expect(result.statistics.tracks == 40 && result.statistics.fixes == 120)
        let sum = result.reports.reduce(0) { $0 + $1.airspaces[0].totalDwellS }
        #expect(abs(result.totals[0].totalDwellS - sum) < 1e-6)
        #expect(result.totals[0].incursions == 40 && result.totals[0].tracksWithIncursions == 40)
        #expect(result.reports.allSatisfy { abs($0.airspaces[0].totalDwellS - 600) < 2 })
    }

    /// Streaming: every report is passed on in input order as soon as it and all before it are
    /// done; with keepReports false none is kept, and the totals are the same.
    @Test(arguments: [1, 3])
    func reportsStreamInOrderWithoutBeingKept(workers: Int) throws {
        var csv = "track_id,time,lon,lat\n"
        for k in 0..<40 {
            let lon = 10.05 + Double(k) * 0.02
            csv += "t\(k),0,\(lon),49.5\nt\(k),600,\(lon),50.5\nt\(k),1200,\(lon),51.5\n"
        }
        let path = try S.temporaryFile(csv, suffix: ".csv")
        let finder = try IncursionFinder(airspace: AirspacePolygon(name: "A", parts: [.init(outer: S.box(10, 50, 11, 51))]))
        final class Seen: @unchecked Sendable { var ids: [String] = [] }
        let seen = Seen()
        var reader = try CSVTrackReader(path: path)
        let result = try TrackPipeline.run(&reader, analyzer: TrackAnalyzer(airspaces: [finder]), workers: workers,
                                           queueCapacity: 3, keepReports: false, onReport: { seen.ids.append($0.trackID) })
        #expect(seen.ids == (0..<40).map { "t\($0)" })
        #expect(result.reports.isEmpty)
        #expect(result.totals[0].tracks == 40 && result.totals[0].incursions == 40)
    }

    @Test func readErrorsPropagate() throws {
        let path = try S.temporaryFile("track_id,time,lon,lat\nA,1,14,52\nA,0,14,52\n", suffix: ".csv")
        let finder = try IncursionFinder(airspace: AirspacePolygon(name: "A", parts: [.init(outer: S.box(10, 50, 11, 51))]))
        var reader = try CSVTrackReader(path: path)
        #expect(throws: TrackReadError.self) {
            try TrackPipeline.run(&reader, analyzer: TrackAnalyzer(airspaces: [finder]), workers: 2)
        }
    }
}
