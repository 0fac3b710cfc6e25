import Foundation
import GeoJSON
import Testing

/// `perimeter compare --tracks FILE | --scenario NAME`: which tracks each perimeter's coverage
/// reaches before they reach NATO airspace, run as a user runs it.
@Suite struct CompareEngagementCommandTests {
    typealias Run = CompareCommandTests.Run

    /// The drones of 10 September 2025 came from Belarus and Ukraine: the Polish-border line includes the Belarus segment
    /// (`--segments ua,by`), so its belt covers their route.
    static let scenarioRun: Result<Run, any Error> = Result {
        try CompareCommandTests.compare(["--scenario", "poland-2025-09-10", "--segments", "ua,by"])
    }

    /// The scenario runs; every perimeter reports every track; the layer and CSV load; the
    /// stdout table has the engagement rows.
    @Test func polandScenarioReportsPerTrack() throws {
        let run = try Self.scenarioRun.get()
        #expect(run.stdout.contains("tracks engaged before NATO entry @ 100 m"))
        #expect(run.stdout.contains("tracks reaching NATO airspace"))
        let e = try #require(run.json["engagements"])
        #expect(e["definition"]?.stringValue?.contains("Ukraine west of the Dnipro is not part of it") == true)
        #expect(e["tracks"]?["scenario"]?.stringValue == "poland-2025-09-10")
        #expect(e["nato_airspace"]?["members"]?.arrayValue?.contains(.string("PL")) == true)
        let perimeters = try #require(e["perimeters"]?.arrayValue)
        #expect(Set(perimeters.compactMap { $0["perimeter"]?.stringValue }) == ["polish-border", "dnipro"])
        for p in perimeters {
            let name = p["perimeter"]?.stringValue ?? "?"
            #expect(p["target_alt_m"]?["unit"]?.stringValue == "m")
            // 4 tracks from Belarus and 8 from Ukraine (the scenario's modelled subset).
            #expect(p["tracks"]?["value"]?.intValue == 12 && p["tracks"]?["unit"]?.stringValue == "count", "\(name)")
            #expect(p["reaching_nato"]?["value"]?.intValue == 12, "every drone entered Poland (\(name))")
            let rows = try #require(p["rows"]?.arrayValue)
            #expect(rows.count == 12)
            for r in rows {
                #expect(r["first_nato_entry_country"]?.stringValue == "PL")
                let entry = try #require(r["first_nato_entry_time"]?.stringValue)
                for w in r["windows"]?.arrayValue ?? [] {
                    // ISO 8601 UTC text compares in time order.
                    #expect((w["end"]?.stringValue ?? "~") <= entry, "\(name) window ends after the entry")
                    #expect((w["duration_s"]?.doubleValue ?? -1) > 0)
                }
                #expect(r["engaged_before_entry"]?.boolValue == !(r["windows"]?.arrayValue ?? []).isEmpty)
            }
            if name == "dnipro" {
                #expect(p["engaged_before_entry"]?["value"]?.intValue == 0, "routes from Belarus and from western Ukraine are far from the Dnipro sites")
            } else {
                #expect((p["engaged_before_entry"]?["value"]?.intValue ?? 0) > 0, "the belt along the Belarus and Ukraine borders sees the drones")
            }
        }
        // Figures carry units and name inputs that the inputs block has.
        let inputs = try #require(run.json["inputs"]?.objectValue)
        #expect(inputs["tracks"] != nil)
        for (perimeter, figures) in run.figures {
            for key in ["tracks", "tracks_reaching_nato", "alt1_tracks_engaged"] {
                let f = try #require(figures[key], "\(perimeter) lacks \(key)")
                #expect(f.unit == "count" && f.inputs.allSatisfy { inputs[$0] != nil || $0.hasSuffix(".geojson") })
            }
        }
        // GDAL loads the layer; the CSV has a header and one row per perimeter × track.
        let layer = run.dir.appendingPathComponent("engagements.geojson").path
        let info = try CLI.ogrinfo(layer)
        #expect(info.status == 0 && info.stdout.contains("Feature Count:"), "\(info.stderr)")
        #expect(info.stdout.contains("duration_s") && info.stdout.contains("track_id"))
        #expect(RFC7946Validator.problems(in: try Data(contentsOf: URL(fileURLWithPath: layer))).isEmpty)
        let csv = try String(contentsOf: run.dir.appendingPathComponent("engagements.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("perimeter,target_alt_m,track_id,reaches_nato") == true)
        #expect(lines.count == 1 + 2 * 12)
        let csvInfo = try CLI.ogrinfo(run.dir.appendingPathComponent("engagements.csv").path)
        #expect(csvInfo.status == 0 && csvInfo.stdout.contains("Feature Count: 24"), "\(csvInfo.stdout)")
    }

    /// A CSV with renamed columns: a track that stays in Ukraine never reaches NATO airspace; one
    /// from Ukraine into Poland does, through the Polish-border belt.
    @Test func tracksFileWithColumnsAndATrackThatNeverReachesNATO() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.csv")
        try """
            name,t,x,y
            ua-only,2025-09-10T00:00:00Z,35.5,49.5
            ua-only,2025-09-10T01:00:00Z,33.5,48.8
            ua-only,2025-09-10T02:00:00Z,31.0,47.8
            ua-pl,2025-09-10T00:00:00Z,25.0,50.6
            ua-pl,2025-09-10T00:20:00Z,23.9,50.5
            ua-pl,2025-09-10T01:00:00Z,22.0,50.4

            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try CompareCommandTests.compare(["--tracks", file.path, "--columns", "id=name,time=t,lon=x,lat=y"])
        let perimeters = try #require(run.json["engagements"]?["perimeters"]?.arrayValue)
        for p in perimeters {
            let rows = Dictionary(uniqueKeysWithValues: (p["rows"]?.arrayValue ?? []).map { ($0["track_id"]?.stringValue ?? "", $0) })
            #expect(rows["ua-only"]?["reaches_nato"]?.boolValue == false)
            #expect(rows["ua-only"]?["engaged_before_entry"]?.boolValue == false)
            #expect(rows["ua-only"]?["first_nato_entry_time"] == .null)
            #expect(rows["ua-pl"]?["reaches_nato"]?.boolValue == true)
            if p["perimeter"]?.stringValue == "dnipro" {
                #expect((rows["ua-only"]?["coverage_total_s"]?.doubleValue ?? 0) > 0, "passes dnipro site 3's circle")
                #expect(p["covered_not_reaching_nato"]?["value"]?.intValue == 1)
            } else {
                #expect(rows["ua-pl"]?["engaged_before_entry"]?.boolValue == true, "crosses the Polish-border belt from Ukraine")
            }
        }
    }

    /// Bad track input: one line naming the file (and line), exit ≠ 0, nothing written.
    @Test(arguments: [
        ("lat.csv", "track_id,time,lon,lat\na,0,24,50\na,10,24,95\n", "lat.csv:3:"),
        ("back.csv", "track_id,time,lon,lat\na,10,24,50\na,0,24,51\n", "time goes backwards"),
        ("cols.csv", "id,time,lon,lat\na,0,24,50\n", "missing column 'track_id'"),
        ("bad.gpx", "<gpx><trk><trkseg><trkpt lat=\"50\"><time>x</time></trkpt></trkseg></trk></gpx>", "bad.gpx"),
        ("none.txt", "", "none.txt"),
    ])
    func badTracksFileFailsWithoutOutput(name: String, content: String, expected: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try content.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("o")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "old".write(to: out.appendingPathComponent("comparison.json"), atomically: true, encoding: .utf8)
        let r = try CLI.perimeter(["compare", "--tracks", file.path, "--out", out.path, "--quiet"])
        #expect(r.status != 0)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(message)")
        #expect(message.contains(expected), "\(message)")
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(left == ["comparison.json"], "files written: \(left)")
        #expect(try String(contentsOf: out.appendingPathComponent("comparison.json"), encoding: .utf8) == "old")
    }

    @Test(arguments: [
        (["--tracks", "x.csv", "--scenario", "poland-2025-09-10"], "either --tracks or --scenario"),
        (["--scenario", "atlantis"], "unknown scenario 'atlantis'"),
        (["--tracks", "x.csv", "--columns", "speed=v"], "--columns: unknown key 'speed'"),
        (["--tracks", "missing.csv"], "missing.csv"),
    ])
    func badTrackFlagsGiveOneLineError(args: [String], expected: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.perimeter(["compare", "--out", dir.appendingPathComponent("o").path, "--quiet"] + args)
        #expect(r.status != 0)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o").path))
    }
}
