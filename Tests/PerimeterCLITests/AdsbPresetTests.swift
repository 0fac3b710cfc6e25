import Foundation
import Testing

/// `--preset`: the example exports in examples/adsb (one layout per preset, the same fixes; written
/// by tools/adsb/make_examples.py) give the same per-track rows as the project's plain CSV.
@Suite struct AdsbPresetTests {
    static let examples = CLI.packageRoot.appendingPathComponent("examples/adsb")
    /// Flightradar24 names flights by callsign.
    static let callsigns = ["LOT3PA": "48af01", "DLH4AB": "3c6444", "SWR7KL": "4b1815", "AUI62": "508035"]

    /// Per-track rows keyed by track id (the id column dropped), from a run's stdout.
    static func rows(_ stdout: String, rename: [String: String] = [:]) -> [String: String] {
        var out: [String: String] = [:]
        for line in stdout.split(separator: "\n").dropFirst() {
            let id = String(line.prefix { $0 != "," })
            out[rename[id] ?? id] = String(line.dropFirst(id.count))
        }
        return out
    }

    static func run(_ file: String, _ extra: [String]) throws -> CLI.Result {
        try CLI.perimeter(["incursions", examples.appendingPathComponent(file).path, "--airspace", "PL",
                           "--format", "csv", "-o", "-", "--quiet"] + extra)
    }

    @Test(arguments: [("opensky", "opensky_states.csv"), ("fr24", "fr24.csv"), ("traffic", "traffic.csv")])
    func presetGivesThePlainCSVRows(preset: String, file: String) throws {
        let plain = try Self.run("plain.csv", [])
        try #require(plain.status == 0, "\(plain.stderr)")
        let expected = Self.rows(plain.stdout)
        #expect(expected.count == 4)
        #expect(expected.values.allSatisfy { $0.hasPrefix(",PL,") && !$0.hasPrefix(",PL,0.000,") }, "every example aircraft enters Poland")
        let run = try Self.run(file, ["--preset", preset])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.rows(run.stdout, rename: preset == "fr24" ? Self.callsigns : [:]) == expected)
    }

    @Test func readsbTracesGiveThePlainCSVRows() throws {
        let expected = Self.rows(try Self.run("plain.csv", []).stdout)
        for icao in expected.keys {
            let run = try Self.run("readsb/trace_full_\(icao).json", ["--preset", "readsb"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.rows(run.stdout) == [icao: expected[icao]!])
        }
    }

    /// OpenSky's hourly files are ordered by time, aircraft interleaved: the same rows as the same
    /// fixes grouped per aircraft, from a file and from standard input.
    @Test func openSkyInterleavedGivesTheSameRowsAsGrouped() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Self.examples.appendingPathComponent("opensky_states.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        func key(_ l: String) -> (String, Int) {
            let f = l.split(separator: ",", omittingEmptySubsequences: false)
            return (String(f[1]), Int(f[0])!)
        }
        #expect(lines.map { key($0).1 } == lines.map { key($0).1 }.sorted(), "the example is ordered by time")
        let grouped = dir.appendingPathComponent("grouped.csv").path
        try ([header] + lines.sorted { key($0) < key($1) }).joined(separator: "\n").appending("\n")
            .write(toFile: grouped, atomically: true, encoding: .utf8)
        let a = try CLI.perimeter(["incursions", grouped, "--preset", "opensky", "--airspace", "PL", "--format", "csv", "-o", "-"])
        let b = try Self.run("opensky_states.csv", ["--preset", "opensky"])
        let c = try CLI.perimeter(["incursions", "-", "--preset", "opensky", "--airspace", "PL", "--format", "csv", "-o", "-"],
                                  stdinPath: Self.examples.appendingPathComponent("opensky_states.csv").path)
        #expect(a.status == 0 && b.status == 0 && c.status == 0, "\(a.stderr)\(b.stderr)\(c.stderr)")
        #expect(Self.rows(b.stdout) == Self.rows(a.stdout))
        #expect(c.stdout == b.stdout)
        #expect(a.stderr.contains("2 rows without a position skipped"), "\(a.stderr)")
        #expect(c.stderr.contains("at most 4 aircraft open at once"), "\(c.stderr)")
    }

    @Test func unknownPresetIsOneLine() throws {
        let run = try Self.run("plain.csv", ["--preset", "adsbx"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--preset must be one of opensky, fr24, traffic, readsb"), "\(run.stderr)")
    }
}

/// Hostile times and swapped axes: one line naming file:line and the value, exit ≠ 0, no output file.
@Suite struct HostileTrackInputTests {
    /// A small airspace (14–15° E, 52–53° N): loads in no time, unlike a national one in a debug build.
    static func box(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("box.geojson").path
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"box"},"geometry":{"type":"Polygon","coordinates":[[[14,52],[15,52],[15,53],[14,53],[14,52]]]}}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [
        ("1757462400000", "time '1757462400000' outside the years 1900–2200; read as epoch seconds; if these are epoch milliseconds, use --time-unit ms"),
        ("1e300", "time '1e300' outside the years 1900–2200; read as epoch seconds"),
        ("1e16", "time '1e16' outside the years 1900–2200; read as epoch seconds"),
        ("2201-01-01T00:00:00Z", "time '2201-01-01T00:00:00Z' outside the years 1900–2200"),
    ])
    func badTimeIsOneLineAndNoFile(time: String, message: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("t.csv").path
        try "track_id,time,lon,lat\nT,\(time),19.5,50.5\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("o.csv").path
        let run = try CLI.perimeter(["incursions", input, "--airspace-file", try Self.box(in: dir), "-o", out, "--quiet"])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("\(input):2: track 'T': \(message)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.incursions.csv").path))
    }

    @Test func millisecondsWithTheTimeUnitAreRight() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("t.csv").path
        let seconds = dir.appendingPathComponent("s.csv").path
        try "track_id,time,lon,lat\nT,1757462400000,13.5,52.4\nT,1757462700000,15.5,52.4\n".write(toFile: input, atomically: true, encoding: .utf8)
        try "track_id,time,lon,lat\nT,1757462400,13.5,52.4\nT,1757462700,15.5,52.4\n".write(toFile: seconds, atomically: true, encoding: .utf8)
        let ms = try CLI.perimeter(["incursions", input, "--airspace-file", try Self.box(in: dir), "--time-unit", "ms", "--format", "csv", "-o", "-", "--quiet"])
        let s = try CLI.perimeter(["incursions", seconds, "--airspace-file", try Self.box(in: dir), "--format", "csv", "-o", "-", "--quiet"])
        #expect(ms.status == 0, "\(ms.stderr)")
        #expect(ms.stdout == s.stdout)
        #expect(s.stdout.contains("T,box,") && !s.stdout.contains("T,box,0.000,"))
    }

    @Test func swappedLonLatGetsOneWarningLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("t.csv").path
        // Poland's fixes with lon and lat exchanged: valid numbers, in the Arabian Sea.
        try "track_id,time,lon,lat\nT,1757462400,52.4,13.5\nT,1757462700,52.4,15.5\n".write(toFile: input, atomically: true, encoding: .utf8)
        let run = try CLI.perimeter(["incursions", input, "--airspace-file", try Self.box(in: dir), "--format", "csv", "-o", "-", "--quiet"])
        #expect(run.status == 0)
        let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(warnings.count == 1, "\(run.stderr)")
        #expect(warnings.first?.contains("none of the 2 fixes in \(input) lies within any GeoData country's bounding box") == true)
        #expect(warnings.first?.contains("are the lon and lat columns swapped?") == true)
        // The right way round: no warning.
        try "track_id,time,lon,lat\nT,1757462400,13.5,52.4\nT,1757462700,15.5,52.4\n".write(toFile: input, atomically: true, encoding: .utf8)
        let good = try CLI.perimeter(["incursions", input, "--airspace-file", try Self.box(in: dir), "--format", "csv", "-o", "-", "--quiet"])
        #expect(!good.stderr.contains("warning:"), "\(good.stderr)")
    }
}
