import Testing
import GeometryCore
@testable import PerimeterKit

@Suite struct CSVTrackReaderTests {
    func read(_ csv: String, _ options: TrackReadOptions = TrackReadOptions()) throws -> ([Track], TrackReadStatistics, String) {
        let path = try TrackTestSupport.temporaryFile(csv, suffix: ".csv")
        var reader = try CSVTrackReader(path: path, options: options)
        let tracks = try TrackTestSupport.readAll(&reader)
        return (tracks, reader.statistics, path)
    }

    /// The error thrown while reading `csv`, as text (the path replaced by FILE).
    func failure(_ csv: String, _ options: TrackReadOptions = TrackReadOptions()) throws -> String {
        let path = try TrackTestSupport.temporaryFile(csv, suffix: ".csv")
        do {
            var reader = try CSVTrackReader(path: path, options: options)
            _ = try TrackTestSupport.readAll(&reader)
        } catch let error as TrackReadError {
            return error.description.replacingOccurrences(of: path, with: "FILE")
        }
        Issue.record("no error for \(csv)")
        return ""
    }

    @Test func readsTracksStreamedInOrder() throws {
        let csv = """
        track_id,time,lon,lat,alt_m
        A,2025-09-10T00:00:00Z,14.0,52.0,1000
        A,2025-09-10T00:00:10Z,14.1,52.1,
        B,1757462400,15.0,50.0,200.5
        B,1757462410.5,15.1,50.1,210\r
        """
        let (tracks, stats, _) = try read(csv)
        #expect(tracks.map(\.id) == ["A", "B"])
        #expect(tracks[0].fixes.count == 2)
        #expect(tracks[0].fixes[0] == Fix(time: 1_757_462_400, position: Coordinate(lon: 14, lat: 52), altitudeM: 1000))
        #expect(tracks[0].fixes[1].altitudeM == nil)
        #expect(tracks[1].fixes[1].time == 1_757_462_410.5)
        #expect(tracks[1].fixes[1].altitudeM == 210)
        #expect(stats.tracks == 2 && stats.fixes == 4)
    }

    @Test func mappedColumnNamesAndNoAltitude() throws {
        let csv = "when,id,y,x\n2025-09-10T00:00:00+02:00,7,50.5,19.5\n"
        let options = TrackReadOptions(idColumn: "id", timeColumn: "when", lonColumn: "x", latColumn: "y")
        let (tracks, _, _) = try read(csv, options)
        #expect(tracks == [Track(id: "7", fixes: [Fix(time: 1_757_455_200, position: Coordinate(lon: 19.5, lat: 50.5))])])
    }

    @Test func duplicateTimesAreDroppedAndCounted() throws {
        let csv = "track_id,time,lon,lat\nA,10,14,52\nA,10,14.5,52\nA,20,15,52\n"
        let (tracks, stats, _) = try read(csv)
        #expect(tracks[0].fixes.map(\.time) == [10, 20])
        #expect(tracks[0].fixes[0].position.lon == 14)
        #expect(stats.duplicateTimesDropped == 1)
    }

    @Test func timeBackwardsNamesFileLineAndTrack() throws {
        let csv = "track_id,time,lon,lat\nA,10,14,52\nA,20,14,52\nA,15,14,52\n"
        #expect(try failure(csv) == "FILE:4: track 'A': time goes backwards (15.0 s after 20.0 s, epoch); use the sort option to sort fixes")
    }

    @Test func sortOptionSortsAndDropsDuplicates() throws {
        let csv = "track_id,time,lon,lat\nA,30,3,52\nA,10,1,52\nA,20,2,52\nA,10,9,52\n"
        let (tracks, stats, _) = try read(csv, TrackReadOptions(sortByTime: true))
        #expect(tracks[0].fixes.map(\.position.lon) == [1, 2, 3])
        #expect(stats.duplicateTimesDropped == 1)
    }

    @Test func badInputErrorsCarryLineNumbers() throws {
        #expect(try failure("track_id,time,lat\nA,1,52\n")
                == "FILE:1: missing column 'lon' in the header; found 'track_id', 'time', 'lat' (see --columns and --preset)")
        #expect(try failure("track_id,time,lon,lat\nA,1,14,52\nA,soon,14,52\n")
                == "FILE:3: track 'A': unparsable time 'soon' (want ISO 8601 or epoch seconds)")
        #expect(try failure("track_id,time,lon,lat\nA,1,14,95\n") == "FILE:2: track 'A': latitude 95.0 outside [-90, 90]")
        #expect(try failure("track_id,time,lon,lat\nA,1,NaN,52\n")
                == "FILE:2: track 'A': non-finite value (NaN or infinity) in column 'lon'")
        #expect(try failure("track_id,time,lon,lat\nA,1,14,5x2\n") == "FILE:2: track 'A': unparsable number '5x2' in column 'lat'")
        #expect(try failure("track_id,time,lon,lat\nA,1,14\n") == "FILE:2: expected at least 4 fields, found 3")
        // B starts before A's last time: the rows are grouped per track, so A cannot come back.
        #expect(try failure("track_id,time,lon,lat\nA,5,14,52\nB,1,14,52\nA,6,14,52\n")
                == "FILE:4: track 'A': track reappears after other tracks; give each track's rows together, or the whole file ordered by time")
    }

    @Test func skipInvalidSkipsAndCounts() throws {
        let csv = "track_id,time,lon,lat\nA,1,14,52\nA,soon,14,52\nA,2,14,95\nA,0,14,52\nA,3,14,52\nB,x,1,1\n"
        let (tracks, stats, _) = try read(csv, TrackReadOptions(skipInvalid: true))
        #expect(tracks.map(\.id) == ["A"])
        #expect(tracks[0].fixes.map(\.time) == [1, 3])
        #expect(stats.invalidSkipped == 4)
    }

    @Test func missingFileIsOneLineError() {
        #expect(throws: TrackReadError.self) { try CSVTrackReader(path: "/nonexistent/tracks.csv") }
    }
}
