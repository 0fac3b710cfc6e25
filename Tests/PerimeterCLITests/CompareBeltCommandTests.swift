import Foundation
import GeoJSON
import Testing

/// `perimeter compare`'s continuous belts: run as a user runs it and checked by
/// an independent pyproj + shapely oracle (`tools/oracles/belt_check.py`): coverage of the forward line at
/// 1 km sampling, the count against the oracle's own greedy placement, every site on friendly ground, the
/// output contract of sites.geojson, and a warning with a figure wherever a belt is impossible.
@Suite struct CompareBeltCommandTests {
    static let altitudes = ["100", "1000", "10000"]

    /// The run with three altitudes and the oracle's answer on it.
    static let threeAltitudes: Result<(run: CompareCommandTests.Run, oracle: JSONValue), any Error> = Result {
        let run = try CompareCommandTests.compare(altitudes.flatMap { ["--target-alt-m", $0] })
        return (run, try oracle(run.dir))
    }

    static func oracle(_ dir: URL) throws -> JSONValue {
        let script = CLI.oracles.appendingPathComponent("belt_check.py").path
        let r = try CLI.run(CLI.python, [script, dir.path, CLI.packageRoot.appendingPathComponent("GeoData").path])
        guard r.status == 0 else { throw CompareCommandTests.CLIError("belt_check.py failed (\(r.status)): \(r.stderr)") }
        return try GeoJSONReader.parseJSON(Data(r.stdout.utf8), source: "belt_check.py")
    }

    static func warnings(_ run: CompareCommandTests.Run) -> [JSONValue] { run.json["warnings"]?.arrayValue ?? [] }

    /// For every perimeter × altitude the belt's circles cover every 1 km sample of the forward line
    /// (pyproj), except where a warning says the line is out of reach of friendly ground (then the
    /// uncovered length matches the warning's figure, and the oracle's own candidates cannot reach it
    /// either); the count is at most one above the oracle's greedy placement.
    @Test func beltsCoverTheLineWithNoMoreSitesThanGreedyPlusOne() throws {
        let (run, oracle) = try Self.threeAltitudes.get()
        let belts = oracle["belts"]?.arrayValue ?? []
        #expect(belts.count == 2 * Self.altitudes.count, "one belt per perimeter × altitude, got \(belts.count)")
        for b in belts {
            let perimeter = b["perimeter"]?.stringValue ?? "?", alt = b["target_alt_m"]?.doubleValue ?? .nan
            let what = "\(perimeter) @ \(alt) m"
            let sites = b["sites"]?.intValue ?? -1, greedy = b["greedy_sites"]?.intValue ?? -1
            #expect(sites >= 1 && sites <= greedy + 1, "\(what): \(sites) sites, oracle greedy \(greedy)")
            let uncovered = b["uncovered_km"]?.doubleValue ?? .nan
            let warning = Self.warnings(run).first {
                $0["perimeter"]?.stringValue == perimeter && $0["layout"]?.stringValue == "belt" && $0["target_alt_m"]?.doubleValue == alt
            }
            if let warning {
                let figure = warning["figure"]?["value"]?.doubleValue ?? .nan
                #expect(abs(figure - uncovered) <= 2, "\(what): warning says \(figure) km uncovered, pyproj \(uncovered) km")
                #expect((b["ours_uncovered_reachable_km"]?.doubleValue ?? .nan) <= 2,
                        "\(what): \(b["ours_uncovered_reachable_km"]?.doubleValue ?? .nan) km uncovered that a friendly candidate reaches")
            } else {
                #expect(b["uncovered_samples"]?.intValue == 0, "\(what): \(uncovered) km uncovered, largest distance \(b["max_nearest_km"]?.doubleValue ?? .nan) km")
                #expect((b["max_nearest_km"]?.doubleValue ?? .nan) <= (b["effective_radius_km"]?.doubleValue ?? 0))
            }
        }
        // At these defaults the Polish border's belts are continuous, the Dnipro's only above 100 m.
        #expect(!Self.warnings(run).contains { $0["perimeter"]?.stringValue == "polish-border" })
    }

    /// Every site of every layout stands inside its perimeter's protected region and in no other
    /// country (countries.geojson via shapely): never in Belarus, Slovakia, Russia or at sea.
    @Test func everySiteIsOnFriendlyGround() throws {
        let (_, oracle) = try Self.threeAltitudes.get()
        let sites = oracle["sites"]?.arrayValue ?? []
        #expect(sites.count > 20)
        for s in sites {
            let perimeter = s["perimeter"]?.stringValue ?? "?"
            let countries = (s["countries"]?.arrayValue ?? []).compactMap(\.stringValue)
            let allowed: Set<String> = perimeter == "dnipro" ? ["PL", "UA"] : ["PL"]
            let here = "\(perimeter) \(s["layout"]?.stringValue ?? "") site at \(s["lonlat"].map { "\($0)" } ?? "")"
            #expect(!countries.isEmpty, "\(here) is at sea")
            #expect(Set(countries).isSubset(of: allowed), "\(here) is in \(countries)")
            #expect(s["in_region"]?.boolValue == true, "\(here) is outside the protected region")
        }
    }

    /// A 500 km standoff used to put sites in Russia and the sea: now every site that remains is on friendly
    /// ground, and what the belts cannot reach is a warning with its length.
    @Test func sitesStayOnFriendlyGroundAtA500KmStandoff() throws {
        let run = try CompareCommandTests.compare(["--standoff-km", "500"])
        defer { try? FileManager.default.removeItem(at: run.dir) }
        let oracle = try Self.oracle(run.dir)
        for s in oracle["sites"]?.arrayValue ?? [] {
            let countries = (s["countries"]?.arrayValue ?? []).compactMap(\.stringValue)
            let allowed: Set<String> = s["perimeter"]?.stringValue == "dnipro" ? ["PL", "UA"] : ["PL"]
            #expect(!countries.isEmpty && Set(countries).isSubset(of: allowed) && s["in_region"]?.boolValue == true,
                    "\(s["perimeter"]?.stringValue ?? "") \(s["layout"]?.stringValue ?? "") site at \(s["lonlat"].map { "\($0)" } ?? "") in \(countries)")
        }
        let warnings = Self.warnings(run)
        #expect(warnings.contains { $0["layout"]?.stringValue == "belt" && ($0["figure"]?["value"]?.doubleValue ?? 0) > 0 })
    }

    /// sites.geojson: every Point carries perimeter, layout, target_alt_m (a number for a belt, null for
    /// nominal) and effective_radius_km; one belt layout per perimeter and altitude.
    @Test func sitesFollowTheOutputContract() throws {
        let (run, _) = try Self.threeAltitudes.get()
        let fc = try GeoJSONReader.read(contentsOf: run.dir.appendingPathComponent("sites.geojson").path)
        var belts = Set<String>()
        for f in fc.features {
            guard case .point? = f.geometry else { Issue.record("not a Point: \(f.geometry?.typeName ?? "null")"); continue }
            let p = f.properties
            let perimeter = try #require(p["perimeter"]?.stringValue)
            #expect((p["effective_radius_km"]?.doubleValue ?? 0) > 0)
            switch p["layout"]?.stringValue {
            case "belt":
                let alt = try #require(p["target_alt_m"]?.doubleValue)
                belts.insert("\(perimeter)@\(alt)")
            case "nominal":
                #expect(p["target_alt_m"] == .null, "nominal site with target_alt_m \(String(describing: p["target_alt_m"]))")
            default: Issue.record("layout \(String(describing: p["layout"]))")
            }
        }
        let expected = Set(["polish-border", "dnipro"].flatMap { p in Self.altitudes.map { "\(p)@\(Double($0)!)" } })
        #expect(belts == expected)
        // The figures name the belt per altitude, with its cost.
        for p in ["polish-border", "dnipro"] {
            for i in 1...3 {
                let sites = try #require(run.figures[p]?["alt\(i)_belt_sites"]?.value)
                let cost = try #require(run.figures[p]?["alt\(i)_belt_cost"])
                #expect(cost.unit == "USD M" && abs(cost.value - sites * 1100) < 1e-6)
            }
        }
        let md = try String(contentsOf: run.dir.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(md.hasPrefix("# Perimeter comparison\n\nAgainst targets at 100 m, a continuous belt of"))
        #expect(run.stdout.hasPrefix("Against targets at 100 m, a continuous belt of"))
        // One belt sentence per altitude, then one assets sentence per perimeter.
        let headline = run.json["headline"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(headline.count == 3 + 2, "\(headline)")
        #expect(headline.prefix(3).allSatisfy { $0.hasPrefix("Against targets at ") })
        #expect(headline.suffix(2).allSatisfy { $0.contains("assets inside its region") })
    }

    /// PAC-3 (R = 35 km, w = 17.5 km) at the default 20 km standoff: w < standoff, so the nominal layout's
    /// belt misses the forward line: a warning with the uncovered length, on stderr and in the reports.
    @Test func halfWidthBelowStandoffWarnsWithAFigure() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.perimeter(["compare", "--out", dir.path, "--quiet", "--profile", "patriot-pac3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: polish-border nominal layout: the belt half-width w = 17.5 km is smaller than the standoff 20.0 km"))
        let json = try GeoJSONReader.parseJSON(Data(contentsOf: dir.appendingPathComponent("comparison.json")), source: "comparison.json")
        let w = try #require((json["warnings"]?.arrayValue ?? []).first {
            $0["kind"]?.stringValue == "half_width_below_standoff" && $0["perimeter"]?.stringValue == "polish-border"
        })
        let km = try #require(w["figure"]?["value"]?.doubleValue)
        #expect(km > 1 && km < 436, "uncovered \(km) km")
        #expect(w["figure"]?["unit"]?.stringValue == "km")
        let md = try String(contentsOf: dir.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(md.contains("⚠ polish-border nominal layout: the belt half-width"))
    }

    /// A standoff deeper than Poland (800 km): no friendly ground for the Polish border's sites — a
    /// warning that the whole line stays uncovered, no site anywhere else, and still a complete output.
    @Test func standoffLargerThanTheRegionWarnsWithAFigure() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.perimeter(["compare", "--out", dir.path, "--quiet", "--standoff-km", "800", "--perimeter", "polish-border"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("the standoff is larger than the region is deep"), "\(r.stderr)")
        let json = try GeoJSONReader.parseJSON(Data(contentsOf: dir.appendingPathComponent("comparison.json")), source: "comparison.json")
        let w = try #require((json["warnings"]?.arrayValue ?? []).first { $0["kind"]?.stringValue == "standoff_exceeds_region" })
        let length = json["perimeters"]?[0]?["figures"]?["line_length"]?["value"]?.doubleValue ?? .nan
        #expect(abs((w["figure"]?["value"]?.doubleValue ?? 0) - length) < 1, "uncovered \(w["figure"]?["value"]?.doubleValue ?? .nan) km of \(length)")
        let sites = try GeoJSONReader.read(contentsOf: dir.appendingPathComponent("sites.geojson").path)
        #expect(sites.features.isEmpty, "\(sites.features.count) sites with no friendly ground")
    }

    /// Two systems (--profile twice): a belt per system and altitude, and the layers combined.
    @Test func layeredProfilesGivePerLayerAndCombinedFigures() throws {
        let run = try CompareCommandTests.compare(["--profile", "patriot-pac2", "--profile", "iris-t-slm"])
        defer { try? FileManager.default.removeItem(at: run.dir) }
        for p in ["polish-border", "dnipro"] {
            let f = try #require(run.figures[p])
            let a = try #require(f["alt1_belt_sites"]?.value), b = try #require(f["alt1_belt_iris-t-slm_sites"]?.value)
            #expect(f["alt1_layers_sites"]?.value == a + b)
            let cost = try #require(f["alt1_layers_cost"]?.value)
            #expect(abs(cost - (f["alt1_belt_cost"]!.value + f["alt1_belt_iris-t-slm_cost"]!.value)) < 1e-6)
            #expect(abs(f["alt1_belt_iris-t-slm_cost"]!.value - b * 171) < 1e-6)
            let combined = try #require(f["alt1_layers_region_covered"]?.value)
            #expect(combined >= max(f["alt1_belt_region_covered"]!.value, f["alt1_belt_iris-t-slm_region_covered"]!.value) - 1e-9)
        }
        #expect(run.stdout.contains("All 2 layers together at 100 m"))
        let fc = try GeoJSONReader.read(contentsOf: run.dir.appendingPathComponent("sites.geojson").path)
        let profiles = Set(fc.features.filter { $0.properties["layout"]?.stringValue == "belt" }.compactMap { $0.properties["profile"]?.stringValue })
        #expect(profiles == ["patriot-pac2", "iris-t-slm"])
    }

    @Test(arguments: [
        (["--profile", "iris-t-slm", "--profile", "iris-t-slm"], "given twice"),
        (["--profile", "patriot-pac2", "--profile", "iris-t-slm", "--range-km", "100"], "--range-km applies to one system"),
    ])
    func badLayerFlagsGiveOneLineError(args: [String], expected: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.perimeter(["compare", "--out", dir.appendingPathComponent("o").path, "--quiet"] + args)
        #expect(r.status != 0)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n") && message.contains(expected), "\(message)")
    }
}
