import Foundation
import GeoJSON
import Testing

@Suite struct IncursionsCommandTests {
    static let box = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"box"},"geometry":{"type":"Polygon","coordinates":[[[20,50],[21,50],[21,51],[20,51],[20,50]]]}}]}"#
    /// Along 50.5° N from 19.5° E to 21.5° E, fixes 100 s apart: by symmetry the geodesic segments
    /// cross 20° E and 21° E at their midpoints, so the dwell in the box is exactly 100 s (t = 50…150).
    static let csv = "track_id,time,lon,lat\nT,2025-09-19T07:00:00Z,19.5,50.5\nT,2025-09-19T07:01:40Z,20.5,50.5\nT,2025-09-19T07:03:20Z,21.5,50.5\n"
    static let gpx = """
        <?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>T</name><trkseg>
        <trkpt lat="50.5" lon="19.5"><time>2025-09-19T07:00:00Z</time></trkpt>
        <trkpt lat="50.5" lon="20.5"><time>2025-09-19T07:01:40Z</time></trkpt>
        <trkpt lat="50.5" lon="21.5"><time>2025-09-19T07:03:20Z</time></trkpt></trkseg></trk></gpx>
        """
    static let geojson = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"track_id":"T","times":["2025-09-19T07:00:00Z","2025-09-19T07:01:40Z","2025-09-19T07:03:20Z"]},"geometry":{"type":"LineString","coordinates":[[19.5,50.5],[20.5,50.5],[21.5,50.5]]}}]}"#

    func setUp() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try Self.box.write(to: dir.appendingPathComponent("box.geojson"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: [("t.csv", csv), ("t.gpx", gpx), ("t.geojson", geojson)])
    func everyInputFormatGivesTheExactDwell(name: String, content: String) throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("o.csv").path
        let run = try CLI.perimeter(["incursions", dir.appendingPathComponent(name).path, "--airspace-file",
                                     dir.appendingPathComponent("box.geojson").path, "-o", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "track_id,airspace,dwell_s,incursions,path_km,max_depth_km,first_entry_time,last_exit_time,fixes,"
                + "open_at_start,open_at_end,max_depth_time,max_depth_lon,max_depth_lat,over_land_s,territorial_sea_s,"
                + "closest_approach_km,closest_approach_time,closest_approach_lon,closest_approach_lat,merged_exits")
        let f = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(f[0] == "T" && f[1] == "box" && f[3] == "1")
        #expect(abs(Double(f[2])! - 100) < 0.01, "dwell \(f[2])")
        #expect(f[6] == "2025-09-19T07:00:50Z" && f[7] == "2025-09-19T07:02:30Z")
        let sidecar = try String(contentsOfFile: dir.appendingPathComponent("o.incursions.csv").path, encoding: .utf8)
        #expect(sidecar.hasPrefix("track_id,airspace,n,entry_time,exit_time,entry_lon"))
        #expect(run.stdout.contains("box"))
    }

    @Test(arguments: ["o.geojson", "o.gpkg", "o.kml"])
    func layeredOutputsLoadInGDAL(name: String) throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.csv.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent(name).path
        let run = try CLI.perimeter(["incursions", dir.appendingPathComponent("t.csv").path, "--airspace-file",
                                     dir.appendingPathComponent("box.geojson").path, "-o", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let info = try CLI.ogrinfo(out)
        #expect(info.status == 0, "\(info.stderr)")
        if name.hasSuffix(".geojson") {
            let fc = try GeoJSONReader.read(contentsOf: out)
            #expect(fc.features.count == 3)  // one LineString + entry + exit
            let line = try #require(fc.features.first { $0.properties["layer"]?.stringValue == "incursions" })
            #expect(line.properties["entry_time"]?.stringValue == "2025-09-19T07:00:50Z")
            #expect(line.properties["dwell_s"]?.doubleValue.map { abs($0 - 100) < 0.01 } == true)
            #expect(RFC7946Validator.problems(in: try Data(contentsOf: URL(fileURLWithPath: out))).isEmpty)
        }
    }

    /// Bad input: one line naming the file and line/feature, exit ≠ 0, the existing output untouched.
    @Test(arguments: [
        ("missing.csv", "track_id,time,lon\nA,0,20\n", "missing column 'lat'"),
        ("time.csv", "track_id,time,lon,lat\nA,0,20,50\nA,noon,20.1,50\n", ":3:"),
        ("lat.csv", "track_id,time,lon,lat\nA,0,20,95\n", "latitude 95"),
        ("nan.csv", "track_id,time,lon,lat\nA,0,nan,50\n", ":2:"),
        ("back.csv", "track_id,time,lon,lat\nA,10,20,50\nA,0,20.1,50\n", "time goes backwards"),
        ("empty.csv", "track_id,time,lon,lat\n", "no tracks"),
        ("bad.gpx", "<gpx><trk><trkseg><trkpt lat=\"50\"><time>2025-09-19T07:00:00Z</time></trkpt></trkseg></trk></gpx>", "malformed GPX"),
        ("empty.gpx", "<gpx><trk><name>E</name><trkseg></trkseg></trk></gpx>", "track has no fixes"),
        ("count.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"times":[0]},"geometry":{"type":"LineString","coordinates":[[20,50],[20.1,50]]}}]}"#, "features[0].properties.times: 1 times for 2 vertices"),
        ("nan.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"times":[0,1]},"geometry":{"type":"LineString","coordinates":[[20,50],["NaN",50]]}}]}"#, "features[0].geometry.coordinates"),
    ])
    func badTracksGiveOneLineErrorAndKeepOutput(name: String, content: String, expected: String) throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name)
        try content.write(to: input, atomically: true, encoding: .utf8)
        try expectFailure(["incursions", input.path, "--airspace-file", dir.appendingPathComponent("box.geojson").path],
                          in: dir, naming: name, expected: expected)
    }

    @Test func selfIntersectingAirspaceIsRejected() throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.csv.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let bowtie = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[20,50],[21,51],[21,50],[20,51],[20,50]]]}}]}"#
        try bowtie.write(to: dir.appendingPathComponent("bowtie.geojson"), atomically: true, encoding: .utf8)
        try expectFailure(["incursions", dir.appendingPathComponent("t.csv").path, "--airspace-file", dir.appendingPathComponent("bowtie.geojson").path],
                          in: dir, naming: "bowtie.geojson", expected: "features[0]: invalid polygon (GEOS: Self-intersection")
    }

    func expectFailure(_ args: [String], in dir: URL, naming: String, expected: String) throws {
        let out = dir.appendingPathComponent("existing.geojson")
        try "previous content".write(to: out, atomically: true, encoding: .utf8)
        let run = try CLI.perimeter(args + ["-o", out.path, "--quiet"])
        #expect(run.status != 0)
        let message = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(message)")
        #expect(message.contains(naming), "does not name the file: \(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous content")
    }

    @Test func skipInvalidReportsTheCount() throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("t.csv")
        try "track_id,time,lon,lat\nT,0,19.5,50.5\nT,50,20.0,95\nT,xx,20,50\nT,100,20.5,50.5\n".write(to: input, atomically: true, encoding: .utf8)
        let run = try CLI.perimeter(["incursions", input.path, "--airspace-file", dir.appendingPathComponent("box.geojson").path, "--skip-invalid", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 invalid rows skipped"), "\(run.stdout)")
    }

    /// The 1,000-track workload against the Poland fixture through the CLI: every per-track dwell
    /// within 0.5 s of shapely (reference_dwell.py) on the same polygon file.
    @Test func oracleDwellThroughTheCLI() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let polygon = CLI.packageRoot.appendingPathComponent("Tests/PerimeterKitTests/Fixtures/poland_dcw.geojson").path
        let tracks = dir.appendingPathComponent("tracks.csv").path
        let make = try CLI.run("/bin/sh", ["-c", "'\(CLI.python)' '\(CLI.oracles.path)/make_tracks.py' 1000 > '\(tracks)'"])
        try #require(make.status == 0, "\(make.stderr)")
        let ref = try CLI.run(CLI.python, [CLI.oracles.appendingPathComponent("reference_dwell.py").path, tracks, polygon])
        try #require(ref.status == 0, "\(ref.stderr)")
        let run = try CLI.perimeter(["incursions", tracks, "--airspace-file", polygon, "--format", "csv", "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        var expected: [String: Double] = [:]
        for line in ref.stdout.split(separator: "\n").dropFirst() {
            let p = line.split(separator: ",")
            expected[String(p[0])] = Double(p[1])!
        }
        let rows = run.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 1000)
        var worst = 0.0
        for row in rows {
            let p = row.split(separator: ",", omittingEmptySubsequences: false)
            let ours = Double(p[2])!, theirs = try #require(expected[String(p[0])])
            worst = max(worst, abs(ours - theirs))
        }
        #expect(worst < 0.5, "worst per-track difference \(worst) s")
        let referenceTotal = expected.values.reduce(0, +)
        #expect(abs(referenceTotal - 1_500_704.1) < 0.05, "the workload's known total is 1,500,704.1 s, reference gives \(referenceTotal) s")
        #expect(run.stderr.contains("dwell_s"))  // the summary goes to stderr when data goes to stdout
    }
}
