import Foundation
import Testing
import GeometryCore
@testable import PerimeterKit

/// Engagements on the real comparison (default inputs, 100 m and 10 km): synthetic tracks routed
/// over the comparison's own sites, flown at a constant 185 km/h along geodesics.
@Suite struct EngagementCompareTests {
    static let speed = 185 / 3.6   // m/s
    static let t0 = 1_757_451_600.0 // 2025-09-09T21:00:00Z

    /// A CSV track through `points` at constant speed (times from geodesic leg lengths).
    static func csvRows(_ id: String, _ points: [Coordinate]) -> String {
        var t = t0, rows = ""
        for (k, p) in points.enumerated() {
            if k > 0 { t += Geodesic.wgs84.distance(points[k - 1], p) / speed }
            rows += "\(id),\(t),\(p.lon),\(p.lat)\n"
        }
        return rows
    }

    struct Setup: Sendable {
        var comparison: Comparison
        var engagements: Engagements
        func site(_ perimeter: String, _ n: Int) -> Coordinate {
            comparison.perimeters.first { $0.line.name == perimeter }!.layout.allSites[n - 1]
        }
        func radius(_ perimeter: String, altitude: Int = 0) -> Double {
            comparison.perimeters.first { $0.line.name == perimeter }!.coverages[altitude].radiusM
        }
        func row(_ perimeter: String, _ track: String, altitude: Int = 0) -> TrackEngagement {
            engagements.runs.filter { $0.perimeter == perimeter }[altitude].tracks.first { $0.trackID == track }!
        }
    }

    static let setup: Result<Setup, any Error> = Result {
        let comparison = try CompareFixtures.comparison.get()
        func site(_ p: String, _ n: Int) -> Coordinate { comparison.perimeters.first { $0.line.name == p }!.layout.allSites[n - 1] }
        let csv = "track_id,time,lon,lat\n"
            // From Ukraine east of the Dnipro, over dnipro site 1, west to central Poland.
            + csvRows("east-dnipro", [Coordinate(lon: 32.0, lat: 51.5), site("dnipro", 1), Coordinate(lon: 21.0, lat: 52.2)])
            // From Belarus over polish-border site 1 (behind the border) into Poland.
            + csvRows("belarus-pl", [Coordinate(lon: 24.3, lat: 51.62), site("polish-border", 1), Coordinate(lon: 22.0, lat: 51.45)])
            // Inside Ukraine only, over dnipro site 3.
            + csvRows("ua-only", [Coordinate(lon: 35.5, lat: 49.5), site("dnipro", 3), Coordinate(lon: 31.0, lat: 47.8)])
        let file = try TrackTestSupport.temporaryFile(csv, suffix: ".csv")
        let geo = try CompareGeoData.load(directory: CompareFixtures.geoData)
        let (airspace, notes) = try EngagementAirspace.load(allied: ComparisonInputs.natoNeighbours, geoData: geo)
        let e = try Engagements.compute(perimeters: comparison.perimeters,
                                        tracks: EngagementTracks(file: file, format: .csv), airspace: airspace, notes: notes)
        return Setup(comparison: comparison, engagements: e)
    }

    /// Over a Dnipro site at 100 m the track is inside the circle for 2r of path: one window of
    /// 2r/v (the polygon lies within 50 m of the circle on either side: its vertices ⅔ of that outside,
    /// its chords inside, so it has the circle's area), long before it reaches Poland.
    @Test func eastOfTheDniproIsEngagedByTheDniproSites() throws {
        let s = try Self.setup.get()
        let e = s.row("dnipro", "east-dnipro")
        #expect(e.reachesNATO && e.natoEntry?.country == "PL")
        #expect(e.engagedBeforeEntry && e.windows.count == 1)
        let w = try #require(e.windows.first)
        #expect(!w.endsAtEntry && !w.startsAtTrackStart)
        let expected = 2 * s.radius("dnipro") / Self.speed
        #expect(w.durationS <= expected + 100 / Self.speed + 0.01 && w.durationS >= expected - 100 / Self.speed - 0.01,
                "window \(w.durationS) s, 2r/v = \(expected) s")
        // Entered coverage r before the site.
        let atSite = Self.t0 + Geodesic.wgs84.distance(Coordinate(lon: 32.0, lat: 51.5), s.site("dnipro", 1)) / Self.speed
        #expect(abs(w.start - (atSite - s.radius("dnipro") / Self.speed)) < 100 / Self.speed + 0.01)
        #expect(try #require(e.warningTimeS) > 3600, "hours of flight from the Dnipro to Poland")
        // At 10 km the circles have the full range: still engaged, for longer.
        let high = s.row("dnipro", "east-dnipro", altitude: 1)
        #expect(high.engagedBeforeEntry && high.timeInCoverageBeforeEntryS > e.timeInCoverageBeforeEntryS)
    }

    /// Crossing from Belarus over a polish-border site 20 km behind the line: coverage reaches
    /// across the border, so the window runs from the circle's edge in Belarus to the border
    /// crossing, where it is cut: its duration is (r − distance from the site to the crossing)/v.
    @Test func polishBorderWindowEndsAtTheBorder() throws {
        let s = try Self.setup.get()
        let e = s.row("polish-border", "belarus-pl")
        let entry = try #require(e.natoEntry)
        #expect(entry.country == "PL" && !entry.startsInside)
        let w = try #require(e.windows.first)
        #expect(e.windows.count == 1 && w.endsAtEntry && w.end == entry.time)
        let toSite = Geodesic.wgs84.distance(entry.point, s.site("polish-border", 1))
        let expected = (s.radius("polish-border") - toSite) / Self.speed
        #expect(expected > 0 && abs(w.durationS - expected) < 100 / Self.speed + 0.05, "window \(w.durationS) s, expected \(expected) s")
        #expect(e.coverageTotalS > w.durationS, "the rest of the circle lies inside Poland")
        #expect(!s.row("dnipro", "belarus-pl").engagedBeforeEntry, "the Dnipro sites are far from the Belarus–Poland route")
    }

    /// A track that stays in Ukraine never reaches NATO airspace (UA-west is not NATO): it is
    /// reported with its coverage time, not as engaged before entry.
    @Test func trackInsideUkraineNeverReachesNATO() throws {
        let s = try Self.setup.get()
        for p in ["dnipro", "polish-border"] {
            let e = s.row(p, "ua-only")
            #expect(!e.reachesNATO && !e.engagedBeforeEntry && e.warningTimeS == nil, "\(p)")
        }
        let d = s.row("dnipro", "ua-only")
        let expected = 2 * s.radius("dnipro") / Self.speed
        #expect(abs(d.coverageTotalS - expected) <= 100 / Self.speed + 0.01 && d.windows.count == 1)
        let run = s.engagements.runs.first { $0.perimeter == "dnipro" }!
        #expect(run.reachingNATO == 2 && run.coveredNotReaching == 1)
        #expect(!s.engagements.airspaceMembers.contains("UA") && !s.engagements.airspaceMembers.contains("UA-west"))
    }

    /// The figures added to the table, with units and inputs.
    @Test func figuresCarryUnits() throws {
        let s = try Self.setup.get()
        let f = EngagementFigures.figures(s.engagements, perimeter: "dnipro")
        let byKey = Dictionary(uniqueKeysWithValues: f.map { ($0.key, $0.figure) })
        #expect(byKey["tracks"]?.value == 3 && byKey["tracks"]?.unit == "count")
        #expect(byKey["tracks_reaching_nato"]?.value == 2)
        #expect(byKey["alt1_tracks_engaged"]?.value == 1 && byKey["alt1_engaged_time_median"]?.unit == "min")
        #expect(f.allSatisfy { !$0.figure.inputs.isEmpty })
    }
}
