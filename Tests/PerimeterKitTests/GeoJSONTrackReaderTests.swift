import Foundation
import Testing
@testable import PerimeterKit

@Suite struct GeoJSONTrackReaderTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tracks-\(UUID().uuidString).geojson").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func readAll(_ path: String, _ options: TrackReadOptions = TrackReadOptions()) throws -> ([Track], TrackReadStatistics) {
        var reader = GeoJSONTrackReader(path: path, options: options)
        var tracks: [Track] = []
        while let t = try reader.nextTrack() { tracks.append(t) }
        return (tracks, reader.statistics)
    }

    @Test func lineStringWithTimesAndCoordTimes() throws {
        let path = try file(#"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"track_id":"A","times":["2025-09-19T07:00:00Z","2025-09-19T07:00:10.5Z"]},"geometry":{"type":"LineString","coordinates":[[24,59,1000],[24.1,59.1,1200]]}},
        {"type":"Feature","id":7,"properties":{"coordTimes":[1757462400,1757462410]},"geometry":{"type":"LineString","coordinates":[[20,50],[20.1,50]]}}]}
        """#)
        let (tracks, stats) = try readAll(path)
        #expect(tracks.map(\.id) == ["A", "7"])
        #expect(tracks[0].fixes.map(\.time) == [1758265200, 1758265210.5])
        #expect(tracks[0].fixes[1].altitudeM == 1200)
        #expect(tracks[0].fixes[1].position.lon == 24.1)
        #expect(tracks[1].fixes.map(\.time) == [1757462400, 1757462410])
        #expect(stats.tracks == 2 && stats.fixes == 4)
    }

    @Test func pointsGroupedByTrackID() throws {
        let path = try file(#"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"track_id":"x","time":"2025-09-10T00:00:00Z"},"geometry":{"type":"Point","coordinates":[20,50]}},
        {"type":"Feature","properties":{"id":"y","time":100},"geometry":{"type":"Point","coordinates":[21,50]}},
        {"type":"Feature","properties":{"track_id":"x","time":"2025-09-10T00:00:10Z"},"geometry":{"type":"Point","coordinates":[20.01,50]}},
        {"type":"Feature","properties":{"track_id":"x","time":"2025-09-10T00:00:10Z"},"geometry":{"type":"Point","coordinates":[20.02,50]}}]}
        """#)
        let (tracks, stats) = try readAll(path)
        #expect(tracks.map(\.id) == ["x", "y"])
        #expect(tracks[0].fixes.count == 2)
        #expect(stats.duplicateTimesDropped == 1)
    }

    @Test(arguments: [
        (#"{"type":"Feature","properties":{"times":["2025-09-10T00:00:00Z"]},"geometry":{"type":"LineString","coordinates":[[20,50],[20.1,50]]}}"#,
         "features[0].properties.times: 1 times for 2 vertices"),
        (#"{"type":"Feature","properties":{"times":["2025-09-10T00:00:00Z","yesterday"]},"geometry":{"type":"LineString","coordinates":[[20,50],[20.1,50]]}}"#,
         "features[0].properties.times[1]"),
        (#"{"type":"Feature","properties":{"times":[20,10]},"geometry":{"type":"LineString","coordinates":[[20,50],[20.1,50]]}}"#,
         "time goes backwards"),
        (#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[20,50],[20.1,95]]}}"#,
         "latitude 95"),
        (#"{"type":"Feature","properties":{"time":5},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#,
         "features[0].geometry: expected a LineString or Point track, found Polygon"),
        (#"{"type":"Feature","properties":{"track_id":"p"},"geometry":{"type":"Point","coordinates":[20,50]}}"#,
         "features[0].properties.time"),
    ])
    func errorsNameFileAndFeaturePath(feature: String, expected: String) throws {
        let path = try file(#"{"type":"FeatureCollection","features":["# + feature + "]}")
        let error = try #require(throws: TrackReadError.self) { _ = try readAll(path) }
        #expect(error.description.hasPrefix(path), "\(error)")
        #expect(error.description.contains(expected), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func skipInvalidCountsBadTimes() throws {
        let path = try file(#"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"times":[0,"bad",20]},"geometry":{"type":"LineString","coordinates":[[20,50],[20.1,50],[20.2,50]]}}]}
        """#)
        let (tracks, stats) = try readAll(path, TrackReadOptions(skipInvalid: true))
        #expect(tracks[0].fixes.count == 2)
        #expect(stats.invalidSkipped == 1)
    }

    @Test func formatByExtension() throws {
        #expect(TrackFileFormat(path: "a.CSV") == .csv)
        #expect(TrackFileFormat(path: "a.gpx") == .gpx)
        #expect(TrackFileFormat(path: "a.json") == .geojson)
        #expect(TrackFileFormat(path: "a.kml") == nil)
        #expect(UTCTime.iso8601(1758265200) == "2025-09-19T07:00:00Z")
        #expect(UTCTime.iso8601(1758265200.25) == "2025-09-19T07:00:00.250Z")
    }
}
