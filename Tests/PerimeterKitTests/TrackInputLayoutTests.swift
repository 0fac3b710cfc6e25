import Foundation
import Testing
import GeometryCore
@testable import PerimeterKit

/// Real exports as they come: separators, header case, quoting, time units and ranges, presets,
/// and rows ordered by time with aircraft interleaved.
@Suite struct TrackInputLayoutTests {
    func read(_ csv: String, _ options: TrackReadOptions = TrackReadOptions()) throws -> ([Track], TrackReadStatistics) {
        let path = try TrackTestSupport.temporaryFile(csv, suffix: ".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try CSVTrackReader(path: path, options: options)
        return (try TrackTestSupport.readAll(&reader), reader.statistics)
    }

    func failure(_ csv: String, _ options: TrackReadOptions = TrackReadOptions()) throws -> String {
        let path = try TrackTestSupport.temporaryFile(csv, suffix: ".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            var reader = try CSVTrackReader(path: path, options: options)
            _ = try TrackTestSupport.readAll(&reader)
        } catch let error as TrackReadError {
            return error.description.replacingOccurrences(of: path, with: "FILE")
        }
        Issue.record("no error for \(csv)")
        return ""
    }

    static let expected = [Track(id: "A", fixes: [Fix(time: 1_757_462_400, position: Coordinate(lon: 14, lat: 52)),
                                                  Fix(time: 1_757_462_410, position: Coordinate(lon: 14.5, lat: 52.25))])]

    @Test(arguments: [
        "track_id,time,lon,lat\nA,1757462400,14,52\nA,1757462410,14.5,52.25\n",
        "TRACK_ID;Time;Lon;LAT\nA;1757462400;14;52\nA;1757462410;14.5;52.25\n",
        "track_id;time;lon;lat\nA;2025-09-10T00:00:00Z;14;52\nA;1757462410;14,5;52,25\n",
        "track_id\ttime\tlon\tlat\nA\t1757462400\t14\t52\nA\t1757462410\t14.5\t52.25\n",
        "\"track_id\",\"time\",\"lon\",\"lat\"\r\n\"A\",\"1757462400\",\"14\",\"52\"\r\n\"A\", 1757462410 ,14.5,52.25\r\n",
    ])
    func separatorsCaseAndQuotes(csv: String) throws {
        #expect(try read(csv).0 == Self.expected)
    }

    @Test func quotedFieldsMayHoldTheSeparator() throws {
        let (tracks, _) = try read("track_id,note,time,lon,lat\n\"A, \"\"x\"\"\",\"a,b\",1757462400,14,52\n")
        #expect(tracks.map(\.id) == ["A, \"x\""])
    }

    @Test func missingColumnListsTheColumnsFound() throws {
        #expect(try failure("icao24;time;lat;lon\nx;1;2;3\n")
                == "FILE:1: missing column 'track_id' in the header; found 'icao24', 'time', 'lat', 'lon' (see --columns and --preset)")
        var options = TrackReadOptions()
        TrackPreset.opensky.apply(to: &options)
        #expect(try failure("icao24,time,latitude,lon\n", options)
                == "FILE:1: missing column 'lat' in the header; found 'icao24', 'time', 'latitude', 'lon' (see --columns and --preset)")
    }

    @Test func timeUnits() throws {
        var options = TrackReadOptions()
        options.timeUnit = .ms
        #expect(try read("track_id,time,lon,lat\nA,1757462400000,14,52\nA,1757462410000,14.5,52.25\n", options).0 == Self.expected)
        options.timeUnit = .us
        #expect(try read("track_id,time,lon,lat\nA,1757462400000000,14,52\nA,1757462410000000,14.5,52.25\n", options).0 == Self.expected)
        // ISO 8601 times are not scaled.
        #expect(try read("track_id,time,lon,lat\nA,2025-09-10T00:00:00Z,14,52\nA,1757462410000000,14.5,52.25\n", options).0 == Self.expected)
    }

    @Test func timesOutside1900To2200AreOneLineErrors() throws {
        #expect(try failure("track_id,time,lon,lat\nA,1757462400000,14,52\n")
                == "FILE:2: track 'A': time '1757462400000' outside the years 1900–2200; read as epoch seconds; if these are epoch milliseconds, use --time-unit ms")
        #expect(try failure("track_id,time,lon,lat\nA,1757462400000000,14,52\n")
                == "FILE:2: track 'A': time '1757462400000000' outside the years 1900–2200; read as epoch seconds; if these are epoch microseconds, use --time-unit us")
        #expect(try failure("track_id,time,lon,lat\nA,1e300,14,52\n") == "FILE:2: track 'A': time '1e300' outside the years 1900–2200; read as epoch seconds")
        #expect(try failure("track_id,time,lon,lat\nA,1e16,14,52\n") == "FILE:2: track 'A': time '1e16' outside the years 1900–2200; read as epoch seconds")
        #expect(try failure("track_id,time,lon,lat\nA,-1e300,14,52\n") == "FILE:2: track 'A': time '-1e300' outside the years 1900–2200; read as epoch seconds")
        #expect(try failure("track_id,time,lon,lat\nA,2025-09-10T00:00:00Z,14,52\nA,9999-01-01T00:00:00Z,14,52\n")
                == "FILE:3: track 'A': time '9999-01-01T00:00:00Z' outside the years 1900–2200")
        #expect(try failure("track_id,time,lon,lat\nA,1899-12-31T23:59:59Z,14,52\n") == "FILE:2: track 'A': time '1899-12-31T23:59:59Z' outside the years 1900–2200")
        // The limits themselves: 1900-01-01 is in, 2200-01-01 is out.
        #expect(try read("track_id,time,lon,lat\nA,1900-01-01T00:00:00Z,14,52\n").0[0].fixes[0].time == TrackTimeRange.earliest)
        #expect(try failure("track_id,time,lon,lat\nA,7258118400,14,52\n").contains("outside the years 1900–2200"))
    }

    @Test func flightradar24PositionColumnAndFeet() throws {
        var options = TrackReadOptions()
        TrackPreset.fr24.apply(to: &options)
        let csv = "Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction\n1757462400,2025-09-10T00:00:00Z,LOT1,\"52,14\",1000,450,90\n1757462410,2025-09-10T00:00:10Z,LOT1,\"52.25, 14.5\",,450,90\n"
        let (tracks, _) = try read(csv, options)
        #expect(tracks.count == 1 && tracks[0].id == "LOT1")
        #expect(tracks[0].fixes.map(\.position) == Self.expected[0].fixes.map(\.position))
        #expect(tracks[0].fixes[0].altitudeM == 304.8 && tracks[0].fixes[1].altitudeM == nil)
        // Without Timestamp, the UTC column.
        let utc = "UTC,Callsign,Position,Altitude\n2025-09-10T00:00:00Z,LOT1,\"52,14\",1000\n"
        #expect(try read(utc, options).0[0].fixes[0].time == 1_757_462_400)
        #expect(try failure("UTC,Callsign,Position,Altitude\n2025-09-10T00:00:00Z,LOT1,\"52;14\",1000\n", options)
                == "FILE:2: track 'LOT1': unparsable position '52;14' in column 'Position' (want \"lat,lon\")")
    }

    @Test func openSkyRowsWithoutPositionAreSkippedAndCounted() throws {
        var options = TrackReadOptions()
        TrackPreset.opensky.apply(to: &options)
        let csv = "time,icao24,lat,lon,baroaltitude,geoaltitude\n1757462390,a,,,,\n1757462400,a,52,14,1000,1100\n1757462410,a,52.25,14.5,,1100\n"
        let (tracks, stats) = try read(csv, options)
        #expect(tracks.map(\.fixes.count) == [2])
        #expect(tracks[0].fixes[0].altitudeM == 1000)
        #expect(stats.rowsWithoutPositionSkipped == 1)
    }

    /// 3 aircraft reporting every 10 s, rows ordered by time.
    static func interleaved(_ aircraft: Int = 3, reports: Int = 5, start: Int = 1_757_462_400) -> String {
        var csv = "track_id,time,lon,lat\n"
        for k in 0..<reports {
            for a in 0..<aircraft { csv += "ac\(a),\(start + 10 * k),\(14 + Double(a)),\(50 + 0.01 * Double(k))\n" }
        }
        return csv
    }

    @Test func rowsOrderedByTimeAreReadAsTheyCome() throws {
        let (tracks, stats) = try read(Self.interleaved())
        #expect(tracks.map(\.id) == ["ac0", "ac1", "ac2"])
        #expect(tracks.allSatisfy { $0.fixes.count == 5 })
        #expect(tracks[1].fixes.map(\.position.lon) == Array(repeating: 15, count: 5))
        #expect(stats.peakOpenTracks == 3)
        // Grouped, the same fixes give the same tracks.
        var grouped = "track_id,time,lon,lat\n"
        for t in tracks { for f in t.fixes { grouped += "\(t.id),\(Int(f.time)),\(f.position.lon),\(f.position.lat)\n" } }
        let (again, groupedStats) = try read(grouped)
        #expect(again == tracks)
        #expect(groupedStats.peakOpenTracks == 1)
    }

    @Test func oneAircraftOutOfTimeOrderIsAnErrorUnlessSorting() throws {
        let csv = "track_id,time,lon,lat\na,10,14,50\nb,10,15,50\na,20,14,50.1\nb,20,15,50.1\na,15,14,50.2\nb,30,15,50.2\n"
        #expect(try failure(csv) == "FILE:6: track 'a': time goes backwards (15.0 s after 20.0 s, epoch); use the sort option to sort fixes")
        let (tracks, _) = try read(csv, TrackReadOptions(sortByTime: true))
        #expect(tracks.map(\.id) == ["a", "b"])
        #expect(tracks[0].fixes.map(\.time) == [10, 15, 20])
    }

    @Test func anAircraftSilentLongerThanTheTimeoutIsFinished() throws {
        // ac0 stops after t=10; the others go on for an hour; ac0 reports again at the end.
        var csv = "track_id,time,lon,lat\nac0,0,14,50\nac0,10,14,50.01\n"
        for k in 2...400 { csv += "ac1,\(10 * k),15,\(50 + 0.001 * Double(k))\n" }
        csv += "ac0,4010,14,51\nac0,4020,14,51.01\n"
        var options = TrackReadOptions()
        options.trackTimeoutS = 1800
        let (tracks, stats) = try read(csv, options)
        #expect(tracks.map(\.id) == ["ac0", "ac1", "ac0"])
        #expect(tracks.map(\.fixes.count) == [2, 399, 2])
        #expect(stats.reappearedAsNewTracks == 1)
        #expect(stats.peakOpenTracks == 2)
        // With a longer timeout, one track with a gap.
        options.trackTimeoutS = 7200
        let (long, _) = try read(csv, options)
        #expect(long.map(\.fixes.count) == [4, 399])
    }

    @Test func geoJSONPointsUseTheMappedProperties() throws {
        let path = try TrackTestSupport.temporaryFile(#"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"icao24":"a","ts":1757462400000,"track_id":"wrong","baroaltitude":1000},"geometry":{"type":"Point","coordinates":[14,52]}},
        {"type":"Feature","properties":{"icao24":"a","ts":1757462410000,"track_id":"wrong"},"geometry":{"type":"Point","coordinates":[14.5,52.25]}}]}
        """#, suffix: ".geojson")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = TrackReadOptions()
        try options.mapColumns("id=icao24,time=ts,alt=BAROALTITUDE")
        options.timeUnit = .ms
        var reader = GeoJSONTrackReader(path: path, options: options)
        let tracks = try TrackTestSupport.readAll(&reader)
        #expect(tracks.map(\.id) == ["a"])
        #expect(tracks[0].fixes.map(\.time) == [1_757_462_400, 1_757_462_410])
        #expect(tracks[0].fixes[0].altitudeM == 1000)
        // Milliseconds read as seconds: an error naming the feature, not the year 57,000.
        var asSeconds = GeoJSONTrackReader(path: path, options: { var o = options; o.timeUnit = .s; return o }())
        #expect(throws: TrackReadError.self) { _ = try TrackTestSupport.readAll(&asSeconds) }
    }
}
