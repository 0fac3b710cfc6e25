import Foundation
import GeoJSON
import GeometryCore
import Testing
@testable import PerimeterKit

/// Altitude-aware coverage and the analyst's fields (issue 14, items 2 and 3), against
/// `tools/oracles/incursion_fields.py` (GeographicLib/pyproj) and hand-built tracks.
@Suite struct IncursionFieldsTests {
    static let t0 = 1_700_000_000.0

    /// A track flying north along the meridian of `start` at `speed` m/s, a fix every `step` s, its
    /// altitude linear in time from `alt0` to `alt1` (the oracle's model).
    static func meridianTrack(start: Coordinate, speed: Double, duration: Double, step: Double,
                              alt0: Double, alt1: Double) -> Track {
        var fixes: [Fix] = []
        var t = 0.0
        while t <= duration + 1e-9 {
            let p = Geodesic.wgs84.direct(from: start, azimuth: 0, distance: speed * t).coordinate
            fixes.append(Fix(time: t0 + t, position: p, altitudeM: alt0 + (alt1 - alt0) * t / duration))
            t += step
        }
        return Track(id: "north", fixes: fixes)
    }

    // MARK: - Altitude-aware coverage

    @Test func samePathAt100mAnd10kmIsCoveredAsTheHorizonPredicts() throws {
        let site = Site(id: "s", position: Coordinate(lon: 24.3, lat: 50.0), rangeM: 160_000)
        let start = Coordinate(lon: 24.0, lat: 47.0)
        let speed = 250.0, duration = 2_670.0, radarH = 10.0
        let cases: [(Double, Double)] = [(100, 100), (10_000, 10_000), (100, 10_000)]
        let oracle = try FieldsOracle.run("horizon", cases.map { c in
            ["site": [24.3, 50.0], "range_m": 160_000, "radar_h_m": radarH, "start": [24.0, 47.0], "speed_ms": speed,
             "duration_s": duration, "alt0_m": c.0, "alt1_m": c.1, "t0": Self.t0] as [String: Any]
        })
        let model = SiteCoverage(sites: [site], radarHeightM: radarH, defaultTargetAltitudeM: 0)
        var covered: [Double] = []
        for (c, expected) in zip(cases, oracle) {
            let track = Self.meridianTrack(start: start, speed: speed, duration: duration, step: 10, alt0: c.0, alt1: c.1)
            let spans = model.coveredIntervals(track)
            let want = (expected["intervals"] as? [[Double]]) ?? []
            #expect(spans.count == want.count, "\(c): \(spans) vs \(want)")
            for (s, w) in zip(spans, want) {
                #expect(abs(s.start - w[0]) < 1, "\(c): covered from \(s.start - Self.t0) s, oracle \(w[0] - Self.t0) s")
                #expect(abs(s.end - w[1]) < 1, "\(c): covered until \(s.end - Self.t0) s, oracle \(w[1] - Self.t0) s")
            }
            let total = TimeSpan.totalS(spans)
            #expect(abs(total - (expected["covered_s"] as! Double)) < 1)
            covered.append(total)
            // Warning time follows: the first covered time is the one the timing reports.
            let timing = CoverageTiming(covered: spans, airspace: [])
            #expect(timing.firstInsideCoverageTime == spans.first?.start)
        }
        // The low drone is seen for far less time than the jet on the same path (horizon 54 km vs range 160 km).
        #expect(covered[0] < 450 && covered[1] > 1_200)
    }

    @Test func fixesWithoutAltitudeFlyAtTheDefaultTargetAltitude() {
        let site = Site(id: "s", position: Coordinate(lon: 24.3, lat: 50.0), rangeM: 160_000)
        var track = Self.meridianTrack(start: Coordinate(lon: 24.0, lat: 47.0), speed: 250, duration: 2_670, step: 10, alt0: 100, alt1: 100)
        let withAltitude = SiteCoverage(sites: [site], radarHeightM: 10, defaultTargetAltitudeM: 10_000).coveredIntervals(track)
        for i in track.fixes.indices { track.fixes[i].altitudeM = nil }
        let at100 = SiteCoverage(sites: [site], radarHeightM: 10, defaultTargetAltitudeM: 100)
        #expect(at100.usesDefaultAltitude(track))
        #expect(abs(TimeSpan.totalS(at100.coveredIntervals(track)) - TimeSpan.totalS(withAltitude)) < 0.01)
    }

    // MARK: - Open ends, merged exits, groups

    /// A 1° × 1° box at 20–21° E, 50–51° N.
    static func boxFinder() throws -> IncursionFinder {
        try IncursionFinder(airspace: AirspacePolygon(name: "BOX", parts: [.init(outer: TrackTestSupport.box(20, 50, 21, 51))]))
    }

    @Test func trackStartingInsideIsOpenAtStartAndHasNoEntry() throws {
        let t = TrackTestSupport.track([(20.5, 50.5, 0), (21.5, 50.5, 100)])
        let summary = TrackAnalyzer(airspaces: [try Self.boxFinder()]).analyze(t).airspaces[0]
        let i = try #require(summary.incursions.first)
        #expect(i.openAtStart && !i.openAtEnd)
        #expect(abs(i.exitTime - 50) < 0.01)
        let csv = IncursionCSV.perIncursion([TrackReport(trackID: "T", fixCount: 2, airspaces: [summary])])
        let row = csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[3] == "" && row[5] == "" && row[6] == "", "entry time and point are empty: \(row)")
        #expect(row[12] == "true" && row[13] == "false")
    }

    @Test func trackEndingInsideHasNoLastExit() throws {
        let t = TrackTestSupport.track([(19.5, 50.5, 0), (20.5, 50.5, 100)])
        let report = TrackAnalyzer(airspaces: [try Self.boxFinder()]).analyze(t)
        let summary = report.airspaces[0]
        #expect(summary.incursions.count == 1 && summary.incursions[0].openAtEnd && !summary.incursions[0].openAtStart)
        #expect(summary.lastExitTime == nil)
        let csv = IncursionCSV.perTrack([report])
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = Dictionary(uniqueKeysWithValues: zip(lines[0], lines[1]))
        #expect(column["last_exit_time"] == "", "the last fix is no exit: \(column)")
        #expect(column["first_entry_time"] == UTCTime.iso8601(50))
        #expect(column["open_at_end"] == "true" && column["open_at_start"] == "false")
        #expect(Double(column["over_land_s"] ?? "x") == nil, "no land polygon given: empty")
    }

    @Test func grazingExitsAreMergedByMinExitS() throws {
        // In, out for 10 s across the east edge, in again, out: two incursions 10 s apart.
        let t = TrackTestSupport.track([(20.9, 50.5, 0), (21.1, 50.5, 20), (20.9, 50.5, 40), (21.5, 50.5, 100)])
        let finder = try Self.boxFinder()
        let exact = TrackAnalyzer(airspaces: [finder], sensorCoverage: nil).analyze(t).airspaces[0]
        #expect(exact.incursions.count == 2)
        let gap = exact.incursions[1].entryTime - exact.incursions[0].exitTime
        #expect(abs(gap - 20) < 0.01)
        let under = TrackAnalyzer(airspaces: [finder], sensorCoverage: nil, minExitS: 20.5).analyze(t).airspaces[0]
        #expect(under.incursions.count == 1 && under.incursions[0].mergedExits == 1)
        #expect(abs(under.incursions[0].dwellS - (exact.incursions[1].exitTime - exact.incursions[0].entryTime)) < 1e-9)
        #expect(under.incursions[0].openAtStart && !under.incursions[0].openAtEnd)
        let over = TrackAnalyzer(airspaces: [finder], sensorCoverage: nil, minExitS: 19.5).analyze(t).airspaces[0]
        #expect(over.incursions.count == 2, "an exit longer than S stays")
    }

    @Test func formationOfThreeCountsTheEventOnce() throws {
        // Three aircraft crossing the box west to east, 30 s apart, each 100 s inside per degree flown.
        let finder = try Self.boxFinder()
        let analyzer = TrackAnalyzer(airspaces: [finder], sensorCoverage: nil)
        var reports: [TrackReport] = []
        for k in 0..<3 {
            let dt = Double(k) * 30
            var t = TrackTestSupport.track([(19.5, 50.5, dt), (21.5, 50.5, 200 + dt)], id: "jet\(k + 1)")
            t.group = "FLT1"
            reports.append(analyzer.analyze(t))
        }
        var loner = TrackTestSupport.track([(19.5, 50.2, 1_000), (21.5, 50.2, 1_200)], id: "other")
        loner.group = "FLT2"
        reports.append(analyzer.analyze(loner))
        let groups = IncursionGroup.groups(reports)
        #expect(groups.map(\.group) == ["FLT1", "FLT2"])
        let g = groups[0]
        #expect(g.members == ["jet1", "jet2", "jet3"] && g.membersInside.count == 3)
        // Each jet is inside for 100 s; together from the first entry (50 s) to the last exit (210 s).
        #expect(abs(g.memberDwellS - 300) < 0.05)
        #expect(abs(g.dwellS - 160) < 0.05)
        #expect(abs((g.firstEntryTime ?? 0) - 50) < 0.05 && abs((g.lastExitTime ?? 0) - 210) < 0.05)
        let csv = IncursionCSV.perGroup(groups)
        let row = csv.split(separator: "\n")[1].split(separator: ",").map(String.init)
        #expect(row[0] == "FLT1" && row[1] == "BOX" && row[2] == "3" && row[3] == "3")
        #expect(abs((Double(row[4]) ?? 0) - 160) < 0.05 && abs((Double(row[5]) ?? 0) - 300) < 0.05)
    }

    // MARK: - Closest approach

    @Test func trackStaying5kmOutsideHasItsClosestApproach() throws {
        // Passing the box's north-east corner 5 km off, perpendicular to the corner's bisector.
        let corner = Coordinate(lon: 21, lat: 51)
        let q = Geodesic.wgs84.direct(from: corner, azimuth: 45, distance: 5_000)
        let back = Geodesic.wgs84.direct(from: q.coordinate, azimuth: q.azimuth2 - 90 + 180, distance: 30_000)
        let start = back.coordinate, azimuth = back.azimuth2 + 180
        let length = 60_000.0, speed = 200.0
        // Fixes along the geodesic: the ends and one a third of the way.
        let fixes = [0.0, 20_000, 60_000].map { s in
            Fix(time: Self.t0 + s / speed, position: Geodesic.wgs84.direct(from: start, azimuth: azimuth, distance: s).coordinate)
        }
        let track = Track(id: "outside", fixes: fixes)
        let oracle = try FieldsOracle.run("closest", [[
            "point": [21.0, 51.0], "start": [start.lon, start.lat], "azimuth": azimuth, "length_m": length,
            "speed_ms": speed, "t0": Self.t0,
        ]])[0]
        let report = TrackAnalyzer(airspaces: [try Self.boxFinder()], sensorCoverage: nil, measuresClosestApproach: true).analyze(track)
        let summary = report.airspaces[0]
        #expect(summary.incursions.isEmpty)
        let c = try #require(summary.closestApproach)
        let d = oracle["distance_m"] as! Double
        #expect(abs(d - 5_000) < 20, "the oracle's own geometry: \(d)")
        #expect(abs(c.distanceM - d) < 1.5, "closest approach \(c.distanceM) m, GeographicLib \(d) m")
        #expect(abs(c.time - (oracle["time"] as! Double)) < 1, "at \(c.time - Self.t0) s, oracle \((oracle["time"] as! Double) - Self.t0) s")
        #expect(Geodesic.wgs84.distance(c.point, Coordinate(lon: oracle["lon"] as! Double, lat: oracle["lat"] as! Double)) < 200)
        #expect(Geodesic.wgs84.distance(c.boundaryPoint, corner) < 1)
        let csv = IncursionCSV.perTrack([report])
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = Dictionary(uniqueKeysWithValues: zip(lines[0], lines[1]))
        #expect(abs((Double(column["closest_approach_km"] ?? "") ?? 0) - d / 1000) < 0.002)
    }

    @Test func tracksThatEnterHaveNoClosestApproach() throws {
        let t = TrackTestSupport.track([(19.5, 50.5, 0), (21.5, 50.5, 100)])
        let s = TrackAnalyzer(airspaces: [try Self.boxFinder()], sensorCoverage: nil, measuresClosestApproach: true).analyze(t).airspaces[0]
        #expect(s.closestApproach == nil && s.incursions.count == 1)
    }

    // MARK: - Depth point and time, land and sea

    @Test func deepestPointAndTimeOfACrossing() throws {
        // West to east through the box (71 km wide, 111 km tall) at constant speed: deepest midway
        // between the west and east edges (meridians), ~35.5 km from both — reached at half time.
        let t = TrackTestSupport.track([(19.5, 50.5, 0), (21.5, 50.5, 200)])
        let i = try #require(TrackAnalyzer(airspaces: [try Self.boxFinder()]).analyze(t).airspaces[0].incursions.first)
        let p = try #require(i.maxDepthPoint), time = try #require(i.maxDepthTime)
        #expect(abs(p.lon - 20.5) < 5e-4, "deepest at \(p)")
        let west = Geodesic.wgs84.distance(p, Coordinate(lon: 20, lat: p.lat))
        #expect(abs(i.maxPenetrationM - west) < 2, "depth \(i.maxPenetrationM) m, to the west edge \(west) m")
        #expect(abs(time - 100) < 0.5, "deepest at \(time) s")
    }

    @Test func timeOverLandAndInTheTerritorialSea() throws {
        // Airspace: the box; land: its western half. Crossing west to east: 50 s over land, 50 s at sea.
        let land = try IncursionFinder(airspace: AirspacePolygon(name: "land", parts: [.init(outer: TrackTestSupport.box(20, 50, 20.5, 51))]),
                                       measuresPenetration: false)
        let t = TrackTestSupport.track([(19.5, 50.5, 0), (21.5, 50.5, 200)])
        let s = TrackAnalyzer(airspaces: [try Self.boxFinder()], sensorCoverage: nil, lands: [land]).analyze(t).airspaces[0]
        let i = try #require(s.incursions.first)
        #expect(abs((i.overLandS ?? 0) - 50) < 0.01 && abs((i.inTerritorialSeaS ?? 0) - 50) < 0.01)
        #expect(abs((s.totalOverLandS ?? 0) - 50) < 0.01)
    }

    // MARK: - Maps

    @Test func mapOfATrackEndingInsideHasTicksArrowsDwellAndNoExitSymbol() throws {
        // 12 minutes west to east, ending inside the box: ticks every 2 min, arrows, dwell in the legend.
        let t = TrackTestSupport.track([(19.5, 50.5, 0), (20.0, 50.5, 120), (20.5, 50.5, 240), (20.8, 50.5, 720)], id: "J")
        let report = TrackAnalyzer(airspaces: [try Self.boxFinder()]).analyze(t)
        var map = IncursionMap(reports: [report], airspaces: [])
        map.add(t, at: 0)
        let layers = map.layers()
        let marks = try #require(layers.first { $0.name == "entry_exit" }).collection.features
        let kinds = marks.compactMap { $0.properties["kind"]?.stringValue }
        #expect(kinds == ["entry", "track_end"], "\(kinds)")
        #expect(marks.first?.properties["label"]?.stringValue == "entry 00:02:00")
        #expect(marks.last?.properties["label"]?.stringValue?.hasPrefix("track ends inside") == true)
        let ticks = try #require(layers.first { $0.name == "time_ticks" }).collection.features
        #expect(ticks.compactMap { $0.properties["label"]?.stringValue } == ["00:00", "00:02", "00:04", "00:06", "00:08", "00:10", "00:12"])
        #expect(try #require(layers.first { $0.name == "direction" }).collection.features.count == 6)
        let inside = try #require(layers.first { $0.role == .inside })
        #expect(inside.legendLabel == "Inside: J in BOX: 10 min, track ends inside")
        // The SVG draws the track end as a small open circle, never with the exit colour.
        let svg = try MapRenderer(options: .init(crs: "EPSG:3035")).render(layers)
        #expect(svg.contains("data-kind=\"track_end\"") && !svg.contains("data-kind=\"exit\""))
        #expect(svg.contains(">entry 00:02:00</text>"))
        // The legend stands right of the map frame: it hides no data.
        let frameWidth = try #require(Self.attribute("width", ofElementWithID: "frame", in: svg))
        let legendX = try #require(Self.firstRectX(after: "<g id=\"legend\"", in: svg))
        #expect(legendX >= frameWidth, "legend at x = \(legendX) inside the frame (width \(frameWidth))")
        let svgWidth = try #require(Self.attribute("width", ofElementWithID: "background", in: svg))
        #expect(svgWidth > frameWidth, "the canvas widens for the legend panel")
    }

    /// A formation's entries share one label with the time range and the count; a track's own re-entry a few
    /// seconds later keeps its label (it is not another aircraft).
    @Test func formationMarksShareOneLabel() {
        func mark(_ track: String, _ kind: String, _ lon: Double, _ t: Double) -> Feature {
            Feature(geometry: .point(Position(lon: lon, lat: 50.5)), properties: [
                "kind": .string(kind), "track_id": .string(track), "time": .string(UTCTime.iso8601(t))])
        }
        let t0 = 1_758_264_765.0  // 06:52:45 UTC
        let marks = TrackAnnotations.labelled([mark("A", "entry", 20.0, t0), mark("B", "entry", 20.001, t0 + 3),
                                               mark("C", "entry", 20.002, t0 + 2), mark("A", "entry", 20.003, t0 + 20),
                                               mark("A", "exit", 21.0, t0 + 700)])
        let merged = TrackAnnotations.mergedLabels(marks, withinM: 2_000, withinS: 60).map { $0.properties["label"]?.stringValue }
        #expect(merged == ["entry 06:52:45–06:52:48 (3 tracks)", nil, nil, "entry 06:53:05", "exit 07:04:25"], "\(merged)")
    }

    /// The number in `attribute="…"` of the element with `id`.
    static func attribute(_ name: String, ofElementWithID id: String, in svg: String) -> Double? {
        guard let start = svg.range(of: "id=\"\(id)\"") else { return nil }
        let tagStart = svg[..<start.lowerBound].lastIndex(of: "<") ?? start.lowerBound
        let tag = svg[tagStart...].prefix { $0 != ">" }
        guard let a = tag.range(of: " \(name)=\"") else { return nil }
        return Double(tag[a.upperBound...].prefix { $0 != "\"" })
    }

    /// The x of the first `<rect` after `marker`.
    static func firstRectX(after marker: String, in svg: String) -> Double? {
        guard let m = svg.range(of: marker), let r = svg[m.upperBound...].range(of: "<rect x=\"") else { return nil }
        return Double(svg[r.upperBound...].prefix { $0 != "\"" })
    }
}
