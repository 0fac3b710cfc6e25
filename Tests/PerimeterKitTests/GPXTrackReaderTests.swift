import Testing
import GeometryCore
@testable import PerimeterKit

@Suite struct GPXTrackReaderTests {
    func gpx(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
        \(body)
        </gpx>
        """
    }

    func failure(_ text: String) throws -> String {
        let path = try TrackTestSupport.temporaryFile(text, suffix: ".gpx")
        do {
            var reader = GPXTrackReader(path: path)
            _ = try TrackTestSupport.readAll(&reader)
        } catch let error as TrackReadError {
            return error.description.replacingOccurrences(of: path, with: "FILE")
        }
        Issue.record("no error")
        return ""
    }

    @Test func readsTracksSegmentsTimesAndElevations() throws {
        let text = gpx("""
        <trk><name>LOT123</name>
          <trkseg>
            <trkpt lat="52.0" lon="14.0"><ele>1000.5</ele><time>2025-09-10T00:00:00Z</time></trkpt>
            <trkpt lat="52.1" lon="14.1"><time>2025-09-10T02:00:10+02:00</time></trkpt>
          </trkseg>
          <trkseg>
            <trkpt lat="52.2" lon="14.2"><time>2025-09-10T00:00:20.5Z</time></trkpt>
          </trkseg>
        </trk>
        <trk><trkseg><trkpt lat="50" lon="20"><time>2025-09-10T00:00:00Z</time></trkpt></trkseg></trk>
        """)
        let path = try TrackTestSupport.temporaryFile(text, suffix: ".gpx")
        var reader = GPXTrackReader(path: path)
        let tracks = try TrackTestSupport.readAll(&reader)
        #expect(tracks.map(\.id) == ["LOT123", "trk2"])
        #expect(tracks[0].fixes.map(\.time) == [1_757_462_400, 1_757_462_410, 1_757_462_420.5])
        #expect(tracks[0].fixes[0].altitudeM == 1000.5)
        #expect(tracks[0].fixes[1].altitudeM == nil)
        #expect(tracks[0].fixes[2].position == Coordinate(lon: 14.2, lat: 52.2))
        #expect(reader.statistics.fixes == 4)
    }

    @Test func malformedElementsNameTheLine() throws {
        let missingLat = gpx("""
        <trk><name>X</name><trkseg>
        <trkpt lon="14.0"><time>2025-09-10T00:00:00Z</time></trkpt>
        </trkseg></trk>
        """)
        let m1 = try failure(missingLat); #expect(m1 == "FILE:4: track 'X': malformed GPX: <trkpt> without lat and lon attributes")
        let noTime = gpx("""
        <trk><trkseg>
        <trkpt lat="52" lon="14"></trkpt>
        </trkseg></trk>
        """)
        let m2 = try failure(noTime); #expect(m2 == "FILE:4: track 'trk1': malformed GPX: <trkpt> without <time>")
        let badTime = gpx("""
        <trk><trkseg>
        <trkpt lat="52" lon="14"><time>noon</time></trkpt>
        </trkseg></trk>
        """)
        let m3 = try failure(badTime); #expect(m3 == "FILE:4: track 'trk1': unparsable time 'noon' (want ISO 8601 or epoch seconds)")
        let badLat = gpx("""
        <trk><trkseg>
        <trkpt lat="91" lon="14"><time>2025-09-10T00:00:00Z</time></trkpt>
        </trkseg></trk>
        """)
        let m4 = try failure(badLat); #expect(m4 == "FILE:4: track 'trk1': latitude 91.0 outside [-90, 90]")
        let empty = gpx("<trk><name>E</name>\n</trk>")
        #expect(try failure(empty) == "FILE:3: track 'E': track has no fixes")
        let backwards = gpx("""
        <trk><trkseg>
        <trkpt lat="52" lon="14"><time>2025-09-10T00:00:10Z</time></trkpt>
        <trkpt lat="52" lon="14"><time>2025-09-10T00:00:00Z</time></trkpt>
        </trkseg></trk>
        """)
        let m5 = try failure(backwards); #expect(m5.hasPrefix("FILE:5: track 'trk1': time goes backwards"))
    }

    @Test func xmlSyntaxErrorIsReported() throws {
        let text = gpx("<trk><trkseg>\n<trkpt lat=\"52 lon=\"14\"/>\n</trkseg></trk>")
        let message = try failure(text)
        #expect(message.hasPrefix("FILE:"))
        #expect(message.contains("malformed GPX: XML syntax error"), "\(message)")
    }
}
