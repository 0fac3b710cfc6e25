import Testing
import GeometryCore
@testable import PerimeterKit

/// Engagement windows on hand-built geometry: a track flying north along the meridian 10.5° E at
/// constant speed, a NATO box 10..11 × 50..51 and coverage boxes placed around its southern edge.
/// Expected times come from geodesic distances along the meridian, not from the code under test.
@Suite struct EngagementFinderTests {
    let geod = Geodesic.wgs84
    typealias S = TrackTestSupport

    func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(lon: lon, lat: lat) }
    /// The meridian track 48.5° → 53° N in 4,500 s.
    var track: Track { S.track([(10.5, 48.5, 0), (10.5, 53, 4500)]) }
    /// Time at which the meridian track passes latitude `lat`.
    func t(_ lat: Double) -> Double {
        4500 * geod.distance(c(10.5, 48.5), c(10.5, lat)) / geod.distance(c(10.5, 48.5), c(10.5, 53))
    }
    func nato(_ boxes: [(String, [Coordinate])] = [("XX", TrackTestSupport.box(10, 50, 11, 51))]) throws -> EngagementAirspace {
        try EngagementAirspace(members: boxes.map { AirspacePolygon(name: $0.0, parts: [.init(outer: $0.1)]) })
    }
    func finder(_ boxes: [[Coordinate]], airspace: EngagementAirspace? = nil) throws -> EngagementFinder {
        try EngagementFinder(coverage: AirspacePolygon(name: "cov", parts: boxes.map { .init(outer: $0) }), airspace: airspace ?? nato())
    }

    /// Coverage straddling the NATO border: the window runs from the coverage edge to the NATO
    /// entry and is cut there; coverage after the entry counts in the total only.
    @Test func windowIsCutAtTheNATOEntry() throws {
        let e = try finder([S.box(9, 49.5, 12, 50.5)]).engagement(of: track)
        #expect(e.reachesNATO && e.engagedBeforeEntry)
        let entry = try #require(e.natoEntry)
        #expect(entry.country == "XX" && !entry.startsInside)
        #expect(abs(entry.time - t(50)) < 0.01)
        #expect(e.windows.count == 1)
        let w = try #require(e.windows.first)
        #expect(abs(w.start - t(49.5)) < 0.01 && abs(w.end - t(50)) < 0.01)
        #expect(w.endsAtEntry && !w.startsAtTrackStart)
        #expect(abs(w.durationS - (t(50) - t(49.5))) < 0.01)
        #expect(abs(e.timeInCoverageBeforeEntryS - (t(50) - t(49.5))) < 0.01)
        #expect(abs(e.coverageTotalS - (t(50.5) - t(49.5))) < 0.01)
        #expect(abs(try #require(e.warningTimeS) - (t(50) - t(49.5))) < 0.01)
        // The window's path runs from the coverage edge to the border crossing.
        #expect(geod.distance(w.path.first!, c(10.5, 49.5)) < 1)
        #expect(geod.distance(w.path.last!, c(10.5, 50)) < 1)
    }

    /// Coverage wholly inside NATO airspace (sites behind the border whose circles do not reach
    /// across it): no window, not engaged before entry, and a negative warning time.
    @Test func coverageBehindTheBorderGivesNoWindow() throws {
        let e = try finder([S.box(10.2, 50.2, 10.8, 50.8)]).engagement(of: track)
        #expect(e.reachesNATO && !e.engagedBeforeEntry && e.windows.isEmpty)
        #expect(e.timeInCoverageBeforeEntryS == 0)
        #expect(abs(try #require(e.firstCoverageTime) - t(50.2)) < 0.01)
        #expect(abs(e.coverageTotalS - (t(50.8) - t(50.2))) < 0.01)
        #expect(abs(try #require(e.warningTimeS) - (t(50) - t(50.2))) < 0.01)
        #expect(try #require(e.warningTimeS) < 0)
    }

    /// Coverage whose edge lies on the NATO border: it is entered at the entry itself, which is
    /// not before it — a zero window is no window.
    @Test func coverageEdgeOnTheBorderIsNotAWindow() throws {
        let e = try finder([S.box(9, 50, 12, 50.5)]).engagement(of: track)
        #expect(e.reachesNATO && !e.engagedBeforeEntry && e.windows.isEmpty)
        #expect(abs(try #require(e.warningTimeS)) < 0.01)
        #expect(abs(e.coverageTotalS - (t(50.5) - t(50))) < 0.01)
    }

    /// Two visits to coverage before entry are two windows; the total is their sum, and the
    /// warning time counts from the first.
    @Test func reentriesAreSeparateWindows() throws {
        let e = try finder([S.box(9, 48.8, 12, 49.0), S.box(9, 49.5, 12, 49.8)]).engagement(of: track)
        #expect(e.windows.count == 2 && e.engagedBeforeEntry)
        #expect(e.windows.allSatisfy { !$0.endsAtEntry })
        let expected = (t(49.0) - t(48.8)) + (t(49.8) - t(49.5))
        #expect(abs(e.timeInCoverageBeforeEntryS - expected) < 0.01)
        #expect(abs(try #require(e.warningTimeS) - (t(50) - t(48.8))) < 0.01)
        #expect(abs(e.windows[1].start - t(49.5)) < 0.01 && abs(e.windows[1].end - t(49.8)) < 0.01)
    }

    /// A track that never enters NATO airspace: reaches_nato false, not "engaged before entry",
    /// and its windows are all its time in coverage.
    @Test func trackThatNeverReachesNATO() throws {
        let east = S.track([(12.5, 48.5, 0), (12.5, 53, 4500)])
        let e = try finder([S.box(9, 49.5, 13, 50.5)]).engagement(of: east)
        #expect(!e.reachesNATO && !e.engagedBeforeEntry && e.warningTimeS == nil)
        #expect(e.windows.count == 1)
        #expect(abs(e.windows[0].durationS - e.coverageTotalS) < 1e-9)
        #expect(abs(e.coverageTotalS - (t(50.5) - t(49.5))) < 0.01)
    }

    /// A track whose first fix is inside NATO airspace has no time before entry.
    @Test func trackStartingInsideNATO() throws {
        let inside = S.track([(10.5, 50.5, 0), (10.5, 53, 3000)])
        let e = try finder([S.box(9, 49.5, 12, 51.5)]).engagement(of: inside)
        #expect(e.natoEntry?.startsInside == true && e.natoEntry?.time == 0)
        #expect(!e.engagedBeforeEntry && e.windows.isEmpty)
    }

    /// A track whose first fix is inside coverage: the window starts at the first fix, flagged.
    @Test func windowOpenAtTheTrackStart() throws {
        let e = try finder([S.box(9, 48, 12, 49)]).engagement(of: track)
        let w = try #require(e.windows.first)
        #expect(w.startsAtTrackStart && w.start == 0 && abs(w.end - t(49)) < 0.01)
    }

    /// NATO airspace of two members: the first entry is into whichever is reached first, and
    /// crossing from one member into the other is not a new entry.
    @Test func firstEntryIntoTheUnionOfMembers() throws {
        let two = try nato([("AA", S.box(10, 51, 11, 52)), ("BB", S.box(10, 50, 11, 51))])
        let north = try finder([S.box(9, 49.5, 12, 50.5)], airspace: two).engagement(of: track)
        #expect(north.natoEntry?.country == "BB" && abs(north.natoEntry!.time - t(50)) < 0.01)
        let south = S.track([(10.5, 53, 0), (10.5, 48.5, 4500)])
        let e = try finder([S.box(9, 52.2, 12, 52.6)], airspace: two).engagement(of: south)
        #expect(e.natoEntry?.country == "AA")
        #expect(e.windows.count == 1 && e.engagedBeforeEntry)
    }

    /// Position at a time follows the geodesic with time linear in distance.
    @Test func positionAtTimeIsOnTheGeodesic() throws {
        for lat in [48.5, 49.25, 50, 52.999] {
            let p = try #require(track.position(at: t(lat)))
            #expect(geod.distance(p, c(10.5, lat)) < 0.01, "lat \(lat)")
        }
        #expect(track.position(at: -10) == c(10.5, 48.5) && track.position(at: 9999) == c(10.5, 53))
        let path = track.path(from: t(49), to: t(50))
        #expect(path.count == 2)
    }
}
