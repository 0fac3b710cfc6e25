import Foundation
import GeoJSON
import Testing

/// `perimeter scenarios list` and `perimeter incursions --scenario NAME`: every scenario runs; its
/// pass/fail checks use only reported figures that did not shape the route; figures that shaped it
/// are printed as consistency only and never fail the run.
@Suite struct ScenarioCommandTests {
    static let names = ["estonia-2025-09-19", "romania-2025-09-13", "poland-2025-09-10", "przewodow-2022-11-15",
                        "norway-2025", "denmark-2025-09"]

    static func scenario(_ name: String) throws -> CLI.Result {
        try CLI.perimeter(["incursions", "--scenario", name, "--quiet"])
    }

    /// The metadata member of a shipped scenario file.
    static func metadata(_ name: String) throws -> [String: Any] {
        let url = CLI.packageRoot.appendingPathComponent("GeoData/scenarios/\(name).geojson")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try #require(root?["scenario"] as? [String: Any])
    }

    @Test func listShowsEveryScenarioWithChecksAndConsistencyFigures() throws {
        let run = try CLI.perimeter(["scenarios", "list"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in Self.names { #expect(run.stdout.contains(name)) }
        #expect(run.stdout.contains("check: each track's dwell in EE 720 ± 60 s"))
        #expect(run.stdout.contains("consistency only (shaped the route): path inside EE 201.2 km"))
        #expect(run.stdout.contains("check: deepest point inside RO 10.0 km"))
        #expect(run.stdout.contains("consistency only (shaped the route): each track's dwell in RO 3000 ± 300 s"))
    }

    /// Every shipped scenario separates sourced inputs, assumptions, checks and consistency-only
    /// figures; every check names its report; no check says it shaped the route.
    @Test(arguments: names) func fileSeparatesInputsAssumptionsAndChecks(name: String) throws {
        let meta = try Self.metadata(name)
        let inputs = try #require(meta["inputs"] as? [[String: Any]], "\(name): inputs")
        #expect(!inputs.isEmpty && inputs.allSatisfy { ($0["source"] as? String)?.isEmpty == false })
        #expect((meta["assumptions"] as? [String])?.isEmpty == false)
        let checks = try #require(meta["checks"] as? [[String: Any]])
        // Every scenario with tracks has a check; one without tracks holds reported events.
        let events = meta["events"] as? [[String: Any]] ?? []
        #expect(!checks.isEmpty || !events.isEmpty, "\(name): neither checks nor events")
        for c in checks {
            #expect(c["shaped_route"] == nil)
            #expect((c["reported"] as? String)?.isEmpty == false)
        }
        for c in meta["consistency"] as? [[String: Any]] ?? [] {
            #expect((c["shaped_route"] as? String)?.isEmpty == false)
        }
    }

    /// Estonia: the route's length comes from ABC's "125 miles" and the MiG-31's cruise speed, so
    /// the reported 12 minutes is a check; no track enters or ends in Finnish airspace; every
    /// figure agrees with an independent shapely/pyproj computation.
    @Test func estoniaTwelveMinutesNoFinnishIncursion() throws {
        let run = try Self.scenario("estonia-2025-09-19")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(!run.stdout.contains("[FAIL]"), "\(run.stdout)")
        for k in 1...3 {
            #expect(run.stdout.contains("[ok] MiG-31 #\(k): dwell"), "\(run.stdout)")
            #expect(run.stdout.contains("[ok] MiG-31 #\(k): never inside FI"), "\(run.stdout)")
            #expect(run.stdout.contains("[ok] MiG-31 #\(k): last fix"), "\(run.stdout)")
            #expect(run.stdout.contains("[consistency only: agrees] MiG-31 #\(k): path inside EE"), "\(run.stdout)")
            #expect(run.stdout.contains("[consistency only: agrees] MiG-31 #\(k): deepest"), "\(run.stdout)")
        }
        #expect(run.stdout.contains("[contested: differs] MiG-31 #1: closest approach to Tallinn"))
        let ee = try GeoJSONReader.read(contentsOf: CLI.packageRoot.appendingPathComponent("GeoData/airspace/EE.geojson").path)
        let rules = ee.features.first?.properties["rules_applied"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(rules.contains("gulf-of-finland-corridor"), "\(rules)")

        let oracle = try Self.oracle("estonia-2025-09-19", ["EE", "FI"])
        for k in 1...3 {
            let id = "MiG-31 #\(k)"
            let o = try #require(oracle[id])
            #expect(o["FI"]?["ever_inside"] as? Bool == false && o["FI"]?["ends_inside"] as? Bool == false, "\(id) in FI")
            #expect(o["EE"]?["ends_inside"] as? Bool == false)
            let dwell = try #require(o["EE"]?["dwell_s"] as? Double)
            #expect(run.stdout.contains(String(format: "%@: dwell %.1f s", id, dwell)), "shapely says \(dwell) s for \(id)")
            let depth = try #require(o["EE"]?["max_depth_km"] as? Double)
            #expect(depth < 10)
            #expect(run.stdout.contains(String(format: "%@: deepest %.2f km", id, depth))
                    || run.stdout.contains(String(format: "%@: deepest %.2f km", id, depth + 0.005))
                    || run.stdout.contains(String(format: "%@: deepest %.2f km", id, depth - 0.005)), "oracle depth \(depth) for \(id)")
        }
    }

    /// Romania: the deepest point is the sourced point 20 km SW of Chilia Veche, and the reported
    /// ~10 km depth is a check (shapely/pyproj agree); the 50 minutes shaped the loiter and is
    /// consistency only.
    @Test func romaniaDepthIsACheck() throws {
        let run = try Self.scenario("romania-2025-09-13")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("[ok] drone 1: deepest 9.30 km inside RO"), "\(run.stdout)")
        #expect(run.stdout.contains("[consistency only: agrees] drone 1: dwell 3000.0 s"), "\(run.stdout)")
        let o = try Self.oracle("romania-2025-09-13", ["RO"])
        let depth = try #require(o["drone 1"]?["RO"]?["max_depth_km"] as? Double)
        #expect(abs(depth - 9.30) < 0.01, "oracle depth \(depth)")
    }

    /// Poland: tracks from Belarus and from Ukraine, the modelled and reported counts stated; the
    /// Wyryki check fails because the gmina seat that stands in for Wyryki-Wola (no coordinate
    /// found) lies 38 km from the Belarus border against the reported ~15 km — a real discrepancy
    /// the check exists to show, so the run exits 1.
    @Test func polandFromBelarusAndUkraine() throws {
        let run = try Self.scenario("poland-2025-09-10")
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("12 tracks"))
        #expect(run.stdout.contains("[ok] drone 1 → Oleśno: end point"), "\(run.stdout)")
        #expect(run.stdout.contains("[FAIL] drone 4 → Wyryki: end point 38.1 km from the PL-BY border"), "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "[FAIL]").count == 2, "only the Wyryki check fails")
        #expect(run.stderr.contains("1 check outside the stated tolerance"))
        for k in 1...8 {
            #expect(run.stdout.contains("[consistency only: agrees] drone U\(k) from Ukraine: starts in UA, enters PL"), "\(run.stdout)")
        }
        #expect(run.stdout.contains("[consistency only: agrees] 8 tracks with origin = UA modelled"))
        #expect(run.stdout.contains("[consistency only: differs] 12 tracks modelled; against 19 (19–23)"))
    }

    /// Norway: three violations whose areas and durations are reported, no positions: every
    /// duration shaped a route and is consistency only; the L-410 stays out of Finland.
    @Test func norwayThreeViolations() throws {
        let run = try Self.scenario("norway-2025")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("[ok] L-410 (24 Jul): never inside FI"), "\(run.stdout)")
        for (id, s) in [("Su-24 (25 Apr)", 240.0), ("L-410 (24 Jul)", 180.0), ("Su-33 (18 Aug)", 60.0)] {
            #expect(run.stdout.contains(String(format: "[consistency only: agrees] %@: dwell %.1f s", id, s)), "\(id): \(run.stdout)")
        }
        let o = try Self.oracle("norway-2025", ["NO"])
        for (id, s) in [("Su-24 (25 Apr)", 240.0), ("L-410 (24 Jul)", 180.0), ("Su-33 (18 Aug)", 60.0)] {
            let d = try #require(o[id]?["NO"]?["dwell_s"] as? Double)
            #expect(abs(d - s) < 0.5, "shapely: \(id) \(d) s")
        }
    }

    /// Denmark: no track geometry is published; the reported closure windows are listed with their
    /// durations, and the overlap of the Copenhagen and Oslo closures with the distance between them.
    @Test func denmarkClosuresAsEvents() throws {
        let run = try Self.scenario("denmark-2025-09")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("no track geometry has been published"))
        #expect(run.stdout.contains("[event] Copenhagen Airport: operations stopped"))
        #expect(run.stdout.contains("2025-09-22T18:26:00Z – 2025-09-22T22:26:00Z (4.00 h)"))
        #expect(run.stdout.contains("[event] Oslo Airport Gardermoen: closed 2025-09-22T22:00:00Z – 2025-09-23T01:22:00Z (3.37 h)"))
        // Copenhagen 55.6181 N 12.6561 E to Gardermoen 60.2028 N 11.0839 E: 519 km (geodesic).
        #expect(run.stdout.contains("[overlap] Copenhagen Airport and Oslo Airport Gardermoen: 26 min at the same time"), "\(run.stdout)")
        #expect(run.stdout.contains("519 km apart"))
        // The zones file: one airport zone per airport, kind and radius stated.
        let zones = try GeoJSONReader.read(contentsOf: CLI.packageRoot.appendingPathComponent("GeoData/zones/DK-airports.geojson").path)
        #expect(zones.features.count == 7)
        for f in zones.features {
            #expect(f.properties["kind"]?.stringValue == "airport_zone")
            #expect(f.properties["radius_status"]?.stringValue?.hasPrefix("assumption") == true)
        }
    }

    /// Events only: `--map` has no track to draw; nothing is written and stderr says so (exit 0).
    @Test func denmarkMapIsNotWrittenAndSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let map = dir.appendingPathComponent("dk.svg").path
        let run = try CLI.perimeter(["incursions", "--scenario", "denmark-2025-09", "--map", map, "--png", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: no map written (\(map)): scenario denmark-2025-09 has no tracks to draw"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func przewodowEndDepth() throws {
        let run = try Self.scenario("przewodow-2022-11-15")
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("[ok] 5V55: end point inside PL"), "\(run.stdout)")
    }

    /// The format itself: a check that says it shaped the route is refused; a consistency figure
    /// outside its range is printed as "differs" and does not fail the run, while a check outside
    /// its range does.
    @Test func consistencyFiguresNeverFailButChecksDo() throws {
        let dir = try CLI.temporaryDirectory()
        let geodata = dir.appendingPathComponent("GeoData")
        try FileManager.default.createDirectory(at: geodata.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        let shipped = CLI.packageRoot.appendingPathComponent("GeoData")
        for item in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where item != "scenarios" {
            try FileManager.default.createSymbolicLink(at: geodata.appendingPathComponent(item),
                                                       withDestinationURL: CLI.packageRoot.appendingPathComponent("GeoData/\(item)"))
        }
        let source = CLI.packageRoot.appendingPathComponent("GeoData/scenarios/romania-2025-09-13.geojson")
        let original = try String(contentsOf: source, encoding: .utf8)
        func write(_ text: String) throws {
            try text.write(to: geodata.appendingPathComponent("scenarios/romania-2025-09-13.geojson"), atomically: true, encoding: .utf8)
        }
        func run() throws -> CLI.Result {
            try CLI.perimeter(["incursions", "--scenario", "romania-2025-09-13", "--quiet", "--geodata", geodata.path])
        }
        // Consistency dwell moved far off: printed as differing, exit 0.
        try write(original.replacingOccurrences(of: "\"expected_dwell_s\": 3000", with: "\"expected_dwell_s\": 9000"))
        var r = try run()
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("[consistency only: differs] drone 1: dwell 3000.0 s"), "\(r.stdout)")
        // The depth check moved off: exit 1.
        try write(original.replacingOccurrences(of: "\"expected_depth_km\": 10, \"min_depth_km\": 7, \"max_depth_km\": 13",
                                                with: "\"expected_depth_km\": 20, \"min_depth_km\": 18, \"max_depth_km\": 22"))
        r = try run()
        #expect(r.status == 1 && r.stdout.contains("[FAIL] drone 1: deepest 9.30 km"), "\(r.stdout)\n\(r.stderr)")
        // A check that says it shaped the route is a one-line error naming the file and the field.
        try write(original.replacingOccurrences(of: "\"kind\": \"max_depth\",", with: "\"kind\": \"max_depth\", \"shaped_route\": \"x\","))
        r = try run()
        #expect(r.status != 0 && r.stderr.contains("scenario.checks[0].shaped_route"), "\(r.stderr)")
        // A consistency figure must say how it shaped the route.
        try write(original.replacingOccurrences(of: "\"shaped_route\": \"Pardina is a waypoint\"", with: "\"note\": \"x\""))
        r = try run()
        #expect(r.status != 0 && r.stderr.contains("scenario.consistency[1].shaped_route"), "\(r.stderr)")
    }

    @Test func unknownScenarioListsKnownOnes() throws {
        let run = try CLI.perimeter(["incursions", "--scenario", "nowhere"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown scenario 'nowhere'") && run.stderr.contains("romania-2025-09-13"))
    }

    /// `tools/oracles/scenario_figures.py` on a shipped scenario against GeoData airspaces.
    static func oracle(_ name: String, _ isos: [String]) throws -> [String: [String: [String: Any]]] {
        let root = CLI.packageRoot
        let r = try CLI.run(CLI.python, [CLI.oracles.appendingPathComponent("scenario_figures.py").path,
                                         root.appendingPathComponent("GeoData/scenarios/\(name).geojson").path]
                                        + isos.map { root.appendingPathComponent("GeoData/airspace/\($0).geojson").path })
        #expect(r.status == 0, "oracle failed: \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [String: [String: Any]]]
        return try #require(json)
    }
}
