import Foundation
import GeoJSON
import Testing
@testable import perimeter

/// One flag vocabulary across commands: the same names, defaults and meanings, old
/// spellings as hidden aliases, negative numbers that parse and then get a meaningful error, explicit
/// `--range-km` semantics, `-o` by extension, the summary on stderr when data goes to stdout, help that
/// wraps cleanly and counts with the right plural.
@Suite struct FlagVocabularyTests {
    /// The help line of `flag` in `perimeter <command> --help` printed 200 columns wide (one line per flag).
    static func helpLine(_ command: [String], _ flag: String) throws -> String? {
        let r = try CLI.run("/usr/bin/env", ["COLUMNS=200", CLI.binary.path] + command + ["--help"])
        #expect(r.status == 0, "\(command) --help: \(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init).first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(flag + " ") }
    }

    /// A GeoJSON file of sites: some with their own `range_km`, some without.
    static func sites(in dir: URL, ownRange: [Double?]) throws -> String {
        let features = ownRange.enumerated().map { i, r in
            let props = r.map { #"{"name":"s\#(i)","range_km":\#($0)}"# } ?? #"{"name":"s\#(i)"}"#
            return #"{"type":"Feature","properties":\#(props),"geometry":{"type":"Point","coordinates":[\#(20 + i),50]}}"#
        }
        let path = dir.appendingPathComponent("sites.geojson").path
        try Data((#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}").utf8)
            .write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: - names, defaults, meanings

    @Test(arguments: ["--geodata", "--quiet", "--threads", "--tolerance-m", "--map-crs", "--map-bbox"])
    func sharedFlagHasOneHelpText(flag: String) throws {
        var lines: [String: String] = [:]
        for command in [["compare"], ["coverage"], ["incursions"], ["airspace"], ["render"], ["scenarios", "list"],
                        ["geodata", "list"], ["geodata", "show"]] {
            guard let line = try Self.helpLine(command, flag) else { continue }
            // The text after the flag and its value name.
            let text = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2).dropFirst(flag == "--quiet" ? 1 : 2)
                .joined(separator: " ").trimmingCharacters(in: .whitespaces)
            lines[command.joined(separator: " ")] = text
        }
        #expect(lines.count >= 2, "\(flag) is declared by fewer than two commands: \(lines)")
        #expect(Set(lines.values).count == 1, "\(flag) reads differently across commands: \(lines)")
    }

    @Test func everyCommandThatTakesSecondsHasQuiet() throws {
        for command in ["compare", "coverage", "incursions", "airspace", "render"] {
            #expect(try Self.helpLine([command], "--quiet") != nil, "\(command) has no --quiet")
        }
    }

    @Test func toleranceDefaultIsOneValueEverywhere() throws {
        let compare = try CompareCommand.parse([])
        let coverage = try CoverageCommand.parse(["sites.geojson"])
        #expect(compare.toleranceM == SharedFlags.defaultToleranceM)
        #expect(coverage.toleranceM == SharedFlags.defaultToleranceM)
        #expect(SharedFlags.defaultToleranceM == 10)
    }

    @Test func threadsMeanTheSameEverywhere() throws {
        let coverage = try CoverageCommand.parse(["sites.geojson"])
        let incursions = try IncursionsCommand.parse(["t.csv", "--airspace", "PL"])
        #expect(coverage.threads == nil && incursions.threads == nil)
        // Default: every core, in both commands (incursions reads on one of them).
        #expect(SharedFlags.threads(nil) == ProcessInfo.processInfo.activeProcessorCount)
        #expect(SharedFlags.threads(3) == 3)
        for args in [["coverage", "x.geojson", "--threads", "0"], ["incursions", "x.csv", "--airspace", "PL", "--threads", "-2"]] {
            let r = try CLI.perimeter(args)
            #expect(r.status != 0)
            #expect(r.stderr.contains("--threads must be at least 1"), "\(args): \(r.stderr)")
        }
    }

    @Test func renderTakesTheMapFlagsAndOldSpellingsAsHiddenAliases() throws {
        let canonical = try RenderCommand.parse(["a.geojson", "-o", "m.svg", "--map-crs", "EPSG:4326",
                                                 "--map-bbox", "14,49,24,55", "--map-title", "T"])
        let old = try RenderCommand.parse(["a.geojson", "-o", "m.svg", "--crs", "EPSG:4326", "--bbox", "14,49,24,55", "--title", "T"])
        #expect(canonical.crs == "EPSG:4326" && canonical.bbox == "14,49,24,55" && canonical.title == "T")
        #expect(old.crs == canonical.crs && old.bbox == canonical.bbox && old.title == canonical.title)
        #expect(try RenderCommand.parse(["a.geojson", "-o", "m.svg"]).crs == nil)  // chosen for the data
        // A west longitude is a negative number: it parses.
        #expect(try RenderCommand.parse(["a.geojson", "-o", "m.svg", "--map-bbox", "-12,34,45,66"]).bbox == "-12,34,45,66")
        #expect(try CoverageCommand.parse(["s.geojson", "--map", "m.svg", "--map-bbox", "-12,34,45,66"]).mapOptions.mapBBox == "-12,34,45,66")
        // Same value twice is fine; different values are refused.
        #expect(try RenderCommand.parse(["a.geojson", "-o", "m.svg", "--title", "T", "--map-title", "T"]).title == "T")
        #expect(throws: (any Error).self) { try RenderCommand.parse(["a.geojson", "-o", "m.svg", "--crs", "EPSG:4326", "--map-crs", "EPSG:3857"]) }
        let help = try CLI.perimeter(["render", "--help"]).stdout
        #expect(help.contains("--map-crs") && help.contains("--map-bbox") && help.contains("--map-title"))
        for hidden in ["--crs ", "--bbox ", "--title "] { #expect(!help.contains(hidden), "\(hidden) shows in help:\n\(help)") }
        let r = try CLI.perimeter(["render", "x.geojson", "-o", "m.svg", "--map-bbox", "30,50,20,55"])
        #expect(r.status != 0 && r.stderr.contains("--map-bbox"), "\(r.stderr)")
    }

    // MARK: - numbers

    @Test(arguments: [
        (["coverage", "s.geojson", "--range-km", "-5"], "--range-km must be a positive number of km, got -5"),
        (["coverage", "s.geojson", "--override-range-km", "-5"], "--override-range-km must be a positive number of km, got -5"),
        (["coverage", "s.geojson", "--tolerance-m", "-1"], "--tolerance-m must be a positive number of metres, got -1"),
        (["compare", "--range-km", "-5"], "--range-km must be a positive number of km, got -5"),
        (["compare", "--tolerance-m", "-0.5"], "--tolerance-m must be a positive number of metres, got -0.5"),
        (["compare", "--standoff-km", "-20"], "--standoff-km must be ≥ 0"),
        (["compare", "--target-alt-m", "-100"], "--target-alt-m must be ≥ 0 m, got -100"),
        (["incursions", "t.csv", "--airspace", "PL", "--max-gap-s", "-60"], "--max-gap-s must be a positive number of seconds, got -60"),
        (["render", "a.geojson", "-o", "m.svg", "--width", "-5"], "--width must be 100 to 20000 px, got -5"),
    ])
    func negativeNumbersParseAndGetAMeaningfulError(args: [String], expected: String) throws {
        let r = try CLI.perimeter(args)
        #expect(r.status != 0)
        #expect(r.stderr.contains(expected), "\(args): \(r.stderr)")
        #expect(!r.stderr.contains("Missing value"), "\(args): \(r.stderr)")
        #expect(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }

    // MARK: - --range-km

    @Test func rangeKmIsTheDefaultForSitesWithoutOneAndSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = try Self.sites(in: dir, ownRange: [30, nil, nil])
        let out = dir.appendingPathComponent("c.geojson").path
        let r = try CLI.perimeter(["coverage", sites, "--range-km", "50", "-o", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: --range-km 50 applies to 2 sites without range_km; 1 keep their own"), "\(r.stderr)")
        let radii = try GeoJSONReader.read(contentsOf: out).features.compactMap { $0.properties["radius_km"]?.doubleValue }
        #expect(radii == [30, 50, 50])
    }

    @Test func rangeKmUnusedWhenEverySiteHasOne() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = try Self.sites(in: dir, ownRange: [30, 40])
        let r = try CLI.perimeter(["coverage", sites, "--range-km", "50", "-o", dir.path + "/c.geojson", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: --range-km 50 is not used: every site has its own range_km"), "\(r.stderr)")
    }

    @Test func overrideRangeKmReplacesEverySitesRange() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = try Self.sites(in: dir, ownRange: [30, nil, 40])
        let out = dir.appendingPathComponent("c.geojson").path
        let r = try CLI.perimeter(["coverage", sites, "--override-range-km", "60", "-o", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: --override-range-km 60 replaces the range_km of 2 sites of 3"), "\(r.stderr)")
        let radii = try GeoJSONReader.read(contentsOf: out).features.compactMap { $0.properties["radius_km"]?.doubleValue }
        #expect(radii == [60, 60, 60])
        let both = try CLI.perimeter(["coverage", sites, "--override-range-km", "60", "--range-km", "50"])
        #expect(both.status != 0 && both.stderr.contains("not both"), "\(both.stderr)")
        // No note when no site carries its own range.
        let plain = try Self.sites(in: dir, ownRange: [nil])
        let quiet = try CLI.perimeter(["coverage", plain, "--range-km", "50", "-o", dir.path + "/d.geojson", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    // MARK: - -o by extension

    @Test(arguments: ["gpkg", "kml"]) func coverageWritesTheFormatOfTheExtension(ext: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = try Self.sites(in: dir, ownRange: [nil, nil, nil])
        let out = dir.appendingPathComponent("x.\(ext)").path
        let r = try CLI.perimeter(["coverage", sites, "--range-km", "80", "-o", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let head = try Data(contentsOf: URL(fileURLWithPath: out)).prefix(16)
        if ext == "gpkg" { #expect(String(decoding: head, as: UTF8.self).hasPrefix("SQLite format 3")) }
        if ext == "kml" { #expect(String(decoding: head, as: UTF8.self).hasPrefix("<?xml")) }
        let info = try CLI.ogrinfo(out)
        #expect(info.status == 0, "ogrinfo \(out): \(info.stderr)")
        let counts = try MapOptionTests.featureCounts(out)
        #expect(counts == ["coverage_circles": 3, "coverage_union": 1], "\(counts)")
    }

    @Test func unknownOutputExtensionIsRefusedBeforeAnyWork() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = try Self.sites(in: dir, ownRange: [nil])
        for args in [["coverage", sites, "--range-km", "80", "-o", dir.path + "/x.shp"], ["airspace", "EE", "-o", dir.path + "/x.shp"]] {
            let r = try CLI.perimeter(args)
            #expect(r.status != 0)
            #expect(r.stderr.contains("unknown output format '.shp'; use .geojson, .gpkg or .kml"), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/x.shp"))
        }
    }

    // MARK: - summary, progress

    @Test func summaryGoesToStderrWhenDataGoesToStdout() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = try Self.sites(in: dir, ownRange: [nil])
        let toStdout = try CLI.perimeter(["coverage", sites, "--range-km", "80", "--quiet"])
        #expect(toStdout.status == 0, "\(toStdout.stderr)")
        #expect(try GeoJSONReader.read(Data(toStdout.stdout.utf8)).features.count == 2)
        #expect(toStdout.stderr.contains("union area"))
        let toFile = try CLI.perimeter(["coverage", sites, "--range-km", "80", "--quiet", "-o", dir.path + "/c.geojson"])
        #expect(toFile.stdout.contains("union area") && !toFile.stderr.contains("union area"))

        // airspace: a landlocked state is quick; the same rule, and progress unless --quiet.
        let air = try CLI.perimeter(["airspace", "SK"])
        #expect(air.status == 0, "\(air.stderr)")
        #expect(try GeoJSONReader.read(Data(air.stdout.utf8)).features.count == 1)
        #expect(air.stderr.contains("SK airspace:") && air.stderr.contains("airspace SK ["), "\(air.stderr)")
        let airFile = try CLI.perimeter(["airspace", "SK", "-o", dir.path + "/sk.geojson", "--quiet"])
        #expect(airFile.status == 0, "\(airFile.stderr)")
        #expect(airFile.stdout.contains("SK airspace:") && airFile.stderr.isEmpty, "stdout: \(airFile.stdout) stderr: \(airFile.stderr)")
    }

    // MARK: - help and plurals

    @Test(arguments: [[], ["compare"], ["coverage"], ["incursions"], ["airspace"], ["render"], ["scenarios", "list"],
                      ["geodata", "list"], ["geodata", "show"]])
    func helpWrapsCleanlyAt80Columns(command: [String]) throws {
        let r = try CLI.run("/usr/bin/env", ["COLUMNS=80", CLI.binary.path] + command + ["--help"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() {
            #expect(line.count <= 80, "\(command) --help: line longer than 80 columns: \(line)")
            // Ragged: a short unindented line continued on the next unindented one (a manual line break
            // re-wrapped by the parser).
            if i + 1 < lines.count, !line.isEmpty, !line.hasPrefix(" "), line.count < 45, !line.hasSuffix(":"),
               !lines[i + 1].isEmpty, !lines[i + 1].hasPrefix(" "), lines[i + 1] != lines[i + 1].uppercased() {
                Issue.record("\(command) --help wraps raggedly: '\(line)' / '\(lines[i + 1])'")
            }
        }
    }

    @Test func countsTakeTheRightPlural() throws {
        #expect(SharedFlags.counted(1, "track") == "1 track" && SharedFlags.counted(2, "track") == "2 tracks")
        #expect(SharedFlags.counted(1, "fix", "fixes") == "1 fix" && SharedFlags.counted(0, "fix", "fixes") == "0 fixes")
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("one.csv")
        try "track_id,time,lon,lat\nA,2025-01-01T00:00:00Z,23.0,51.0\nA,2025-01-01T00:10:00Z,25.0,51.0\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let r = try CLI.perimeter(["incursions", csv.path, "--airspace", "PL", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("incursions: 1 track, 2 fixes from"), "\(r.stdout)")
        let sites = try Self.sites(in: dir, ownRange: [nil])
        let c = try CLI.perimeter(["coverage", sites, "--range-km", "50", "--quiet", "-o", dir.path + "/c.geojson"])
        #expect(c.stdout.contains("coverage of 1 site from"), "\(c.stdout)")
    }
}
