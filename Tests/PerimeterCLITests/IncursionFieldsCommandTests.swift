import Foundation
import GeoJSON
import Testing

/// `incursions --sites/--profile/--radar-height-m/--target-alt-m`, `--group-by`, `--min-exit-s` through the CLI:
/// the figures reach the CSV, GeoJSON and summary, and what was assumed is stated.
@Suite struct IncursionFieldsCommandTests {
    /// Three jets of formation "FLT" west to east through the box 30 s apart (each 100 s inside), and a
    /// drone "D1" grazing out of the box for 20 s across its east edge, altitudes given for the jets only.
    static let csv = """
        track_id,time,lon,lat,alt_m,callsign
        J1,2025-09-19T07:00:00Z,19.5,50.5,10000,FLT11
        J1,2025-09-19T07:03:20Z,21.5,50.5,10000,FLT11
        J2,2025-09-19T07:00:30Z,19.5,50.4,10000,FLT12
        J2,2025-09-19T07:03:50Z,21.5,50.4,10000,FLT12
        J3,2025-09-19T07:01:00Z,19.5,50.6,10000,FLT13
        J3,2025-09-19T07:04:20Z,21.5,50.6,10000,FLT13
        D1,2025-09-19T08:00:00Z,20.9,50.5,,DRN1
        D1,2025-09-19T08:00:20Z,21.1,50.5,,DRN1
        D1,2025-09-19T08:00:40Z,20.9,50.5,,DRN1
        D1,2025-09-19T08:01:40Z,21.5,50.5,,DRN1

        """
    static let sites = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"R1","range_km":160},"geometry":{"type":"Point","coordinates":[20.5,50.0]}}]}"#

    func setUp() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try IncursionsCommandTests.box.write(to: dir.appendingPathComponent("box.geojson"), atomically: true, encoding: .utf8)
        try Self.csv.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        try Self.sites.write(to: dir.appendingPathComponent("sites.geojson"), atomically: true, encoding: .utf8)
        return dir
    }

    static func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func groupsMergedExitsAndSiteCoverageReachTheOutputs() throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("o.csv").path
        let r = try CLI.perimeter(["incursions", dir.appendingPathComponent("t.csv").path, "--airspace-file", dir.appendingPathComponent("box.geojson").path,
                                   "--sites", dir.appendingPathComponent("sites.geojson").path, "--profile", "patriot-pac2", "--radar-height-m", "10",
                                   "--target-alt-m", "100", "--group-by", "callsign:3", "--min-exit-s", "30", "-o", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        // Stated: the coverage model, the default altitude, the merging.
        #expect(r.stdout.contains("radar height 10 m (--radar-height-m)") && r.stdout.contains("fixes without altitude at 100 m (--target-alt-m)"), "\(r.stdout)")
        #expect(r.stdout.contains("exits shorter than 30 s merged"), "\(r.stdout)")
        #expect(r.stdout.contains("1 track with fixes without altitude"), "\(r.stdout)")
        let perTrack = try Self.rows(out)
        let d1 = try #require(perTrack.first { $0["track_id"] == "D1" })
        #expect(d1["incursions"] == "1" && d1["merged_exits"] == "1" && d1["open_at_start"] == "true" && d1["open_at_end"] == "false")
        #expect(d1["group"] == "DRN")
        // The jets at 10 km are covered (range 160 km) far longer than the drone at 100 m (horizon 54 km).
        let j1 = try #require(perTrack.first { $0["track_id"] == "J1" })
        #expect((Double(j1["covered_s"] ?? "") ?? 0) > 150, "\(j1)")
        #expect(j1["first_covered_time"]?.hasPrefix("2025-09-19T07:0") == true && j1["warning_s"] != "")
        let groups = try Self.rows(dir.appendingPathComponent("o.groups.csv").path)
        let flt = try #require(groups.first { $0["group"] == "FLT" })
        #expect(flt["members"] == "3" && flt["members_inside"] == "3")
        #expect(abs((Double(flt["dwell_s"] ?? "") ?? 0) - 160) < 0.5 && abs((Double(flt["member_dwell_s"] ?? "") ?? 0) - 300) < 0.5, "\(flt)")
        let incursions = try Self.rows(dir.appendingPathComponent("o.incursions.csv").path)
        let drone = try #require(incursions.first { $0["track_id"] == "D1" })
        #expect(drone["entry_time"] == "" && drone["inside_from_time"] == "2025-09-19T08:00:00Z", "starts inside: no entry")
    }

    @Test func aTrackEndingInsideHasNoExitInAnyOutput() throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = "track_id,time,lon,lat\nE,2025-09-19T07:00:00Z,19.5,50.5\nE,2025-09-19T07:01:40Z,20.5,50.5\n"
        try csv.write(to: dir.appendingPathComponent("e.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("e.geojson").path
        let r = try CLI.perimeter(["incursions", dir.appendingPathComponent("e.csv").path, "--airspace-file", dir.appendingPathComponent("box.geojson").path,
                                   "-o", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let fc = try GeoJSONReader.read(contentsOf: out)
        let kinds = fc.features.compactMap { $0.properties["kind"]?.stringValue }
        #expect(kinds.contains("entry") && kinds.contains("track_end") && !kinds.contains("exit"), "\(kinds)")
        let line = try #require(fc.features.first { $0.properties["role"]?.stringValue == "incursion" })
        #expect(line.properties["exit_time"] == .null && line.properties["open_at_end"] == .bool(true))
        let csvOut = dir.appendingPathComponent("e.csv.out.csv").path
        let c = try CLI.perimeter(["incursions", dir.appendingPathComponent("e.csv").path, "--airspace-file", dir.appendingPathComponent("box.geojson").path,
                                   "-o", csvOut, "--quiet"])
        #expect(c.status == 0)
        let row = try #require(try Self.rows(csvOut).first)
        #expect(row["last_exit_time"] == "" && row["open_at_end"] == "true" && row["first_entry_time"] == "2025-09-19T07:00:50Z")
    }

    @Test func badFlagsAreOneLineErrors() throws {
        let dir = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = dir.appendingPathComponent("t.csv").path, box = dir.appendingPathComponent("box.geojson").path
        for (args, message) in [(["--min-exit-s", "-1"], "--min-exit-s must be a number ≥ 0"),
                                (["--profile", "patriot-pac2"], "need --sites"),
                                (["--group-by", "callsign:x"], "prefix length"),
                                (["--group-by", "nope"], "nope"),
                                (["--sites", box.replacingOccurrences(of: "box", with: "missing"), "--profile", "patriot-pac2"], "missing")] {
            let out = dir.appendingPathComponent("out.csv").path
            let r = try CLI.perimeter(["incursions", t, "--airspace-file", box, "--quiet", "-o", out] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(args): no output written")
        }
    }
}
