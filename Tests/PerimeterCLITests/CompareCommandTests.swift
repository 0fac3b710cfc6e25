import Foundation
import GeoJSON
import Testing

/// `perimeter compare`, run as a user runs it (the built binary), checked with an independent
/// pyproj + shapely oracle and GDAL.
@Suite struct CompareCommandTests {
    /// One comparison run with its output directory and parsed comparison.json.
    struct Run: Sendable {
        var dir: URL
        var stdout: String
        var json: JSONValue
        /// figures[perimeter][key] = (value, unit, inputs)
        var figures: [String: [String: (value: Double, unit: String, inputs: [String])]] {
            var out: [String: [String: (Double, String, [String])]] = [:]
            for p in json["perimeters"]?.arrayValue ?? [] {
                let name = p["name"]?.stringValue ?? "?"
                for (k, f) in p["figures"]?.objectValue ?? [:] {
                    out[name, default: [:]][k] = (f["value"]?.doubleValue ?? .nan, f["unit"]?.stringValue ?? "",
                                                  f["inputs"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                }
            }
            return out
        }
    }

    static func compare(_ args: [String]) throws -> Run {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.perimeter(["compare", "--out", dir.path, "--quiet"] + args)
        guard r.status == 0 else { throw CLIError("perimeter compare \(args) failed (\(r.status)): \(r.stderr)") }
        let data = try Data(contentsOf: dir.appendingPathComponent("comparison.json"))
        return Run(dir: dir, stdout: r.stdout, json: try GeoJSONReader.parseJSON(data, source: "comparison.json"))
    }

    struct CLIError: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    /// The run at defaults, shared by several tests.
    static let defaults: Result<Run, any Error> = Result { try compare([]) }

    // MARK: - Outputs

    /// A run with no flags prints the table and writes every layer; every file loads in GDAL.
    @Test func defaultRunWritesLayersThatLoadInGDAL() throws {
        let run = try Self.defaults.get()
        #expect(run.stdout.contains("polish-border") && run.stdout.contains("dnipro"))
        #expect(run.stdout.contains("forward line length") && run.stdout.contains("warning time"))
        // Headline, the figures of both perimeters (frontier per neighbour, nominal layout, belt, assets,
        // detection, warning) and the notes: about 70 lines.
        #expect(run.stdout.split(separator: "\n").count < 80, "the table should fit on a screen")
        let md = try String(contentsOf: run.dir.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(md.contains("| forward line length | km |"))
        let expected = ["lines", "regions", "frontier", "sites", "coverage_100m", "gaps"].map { "\($0).geojson" }
        for name in expected {
            let path = run.dir.appendingPathComponent(name).path
            let info = try CLI.ogrinfo(path)
            #expect(info.status == 0, "\(name): \(info.stderr)")
            #expect(info.stdout.contains("Feature Count:"), "\(name)")
            let problems = RFC7946Validator.problems(in: try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
        // The JSON and markdown load too (GDAL reads JSON only as GeoJSON, so parse them here).
        #expect(run.json["perimeters"]?.arrayValue?.count == 2)
    }

    /// Every figure carries a value, a unit and inputs, and every input it names is in the
    /// `inputs` block (a parameter, or a GeoData file listed there).
    @Test func everyFigureCarriesUnitAndInputs() throws {
        let run = try Self.defaults.get()
        let inputs = try #require(run.json["inputs"]?.objectValue)
        let files = (inputs["geodata"]?["files"]?.arrayValue ?? []).compactMap(\.stringValue).map { ($0 as NSString).lastPathComponent }
        let known = Set(inputs.keys + files)
        for key in ["profile", "range_km", "radar_height_m", "half_width_km", "standoff_km", "target_alt_m", "tolerance_m",
                    "threat_speed_kmh", "allied", "segments", "line"] {
            #expect(inputs[key] != nil, "inputs block lacks \(key)")
        }
        #expect(files.contains("countries.geojson") && files.contains("dnipro.geojson") && files.contains("borders.geojson"))
        var count = 0
        for (perimeter, figures) in run.figures {
            for (key, f) in figures {
                count += 1
                #expect(f.value.isFinite, "\(perimeter).\(key)")
                #expect(!f.unit.isEmpty, "\(perimeter).\(key) has no unit")
                #expect(!f.inputs.isEmpty, "\(perimeter).\(key) names no inputs")
                for i in f.inputs { #expect(known.contains(i), "\(perimeter).\(key): input \(i) not in the inputs block") }
            }
        }
        #expect(count > 40)
        // Frontier entries carry their units too.
        for p in run.json["perimeters"]?.arrayValue ?? [] {
            for s in p["frontier"]?.arrayValue ?? [] { #expect(s["length"]?["unit"]?.stringValue == "km") }
        }
    }

    /// Protected-region and coverage areas agree with pyproj on the written layers within 0.1%;
    /// the Dnipro protected region rebuilt independently in shapely agrees too.
    @Test func areasAgreeWithPyprojShapely() throws {
        let run = try Self.defaults.get()
        let script = CLI.packageRoot.appendingPathComponent("Tests/PerimeterCLITests/CompareOracle.py").path
        let r = try CLI.run(CLI.python, [script, run.dir.path, CLI.packageRoot.appendingPathComponent("GeoData").path])
        #expect(r.status == 0, "oracle failed: \(r.stderr)")
        let oracle = try GeoJSONReader.parseJSON(Data(r.stdout.utf8))
        let layers = oracle["layers"]?.arrayValue ?? []
        #expect(layers.count >= 6)
        for l in layers {
            let ours = l["ours_km2"]?.doubleValue ?? .nan, ref = l["pyproj_km2"]?.doubleValue ?? .nan
            #expect(abs(ours - ref) / ref < 0.001, "\(l["file"]?.stringValue ?? "") \(l["name"]?.stringValue ?? ""): ours \(ours) vs pyproj \(ref) km²")
        }
        func figure(_ p: String, _ k: String) -> Double { run.figures[p]?[k]?.value ?? .nan }
        let rebuilt = try #require(oracle["rebuilt"])
        let plRef = try #require(rebuilt["pl_km2"]?.doubleValue)
        #expect(abs(figure("polish-border", "region_area") - plRef) / plRef < 0.001)
        let dnRef = try #require(rebuilt["pl_plus_ua_west_km2"]?.doubleValue)
        #expect(abs(figure("dnipro", "region_area") - dnRef) / dnRef < 0.001, "ours \(figure("dnipro", "region_area")) vs shapely \(dnRef)")
        let west = layers.first { $0["name"]?.stringValue == "UA-west" }?["ours_km2"]?.doubleValue ?? .nan
        let westRef = try #require(rebuilt["ua_west_core_km2"]?.doubleValue)
        #expect(abs(west - westRef) / westRef < 0.001, "UA-west ours \(west) vs shapely \(westRef)")
    }

    // MARK: - Flags change what they should and nothing else

    /// Figures whose inputs do not name `flag` are identical; `mustChange` figures differ.
    static func expectOnlyDependentsChange(_ base: Run, _ changed: Run, flag: String, mustChange: [String]) {
        let a = base.figures, b = changed.figures
        #expect(Set(a.keys) == Set(b.keys))
        for (p, fa) in a {
            guard let fb = b[p] else { continue }
            for (k, va) in fa {
                guard let vb = fb[k] else { Issue.record("\(p).\(k) missing after \(flag)"); continue }
                if !va.inputs.contains(flag) {
                    #expect(va.value == vb.value, "\(p).\(k) changed with \(flag) though it does not depend on it: \(va.value) → \(vb.value)")
                }
            }
            for k in mustChange {
                #expect(fa[k]?.value != fb[k]?.value, "\(p).\(k) did not change with \(flag)")
            }
        }
    }

    @Test func threatSpeedChangesOnlyWarningTimes() throws {
        let base = try Self.defaults.get()
        let run = try Self.compare(["--threat-speed-kmh", "185", "--threat-speed-kmh", "800", "--threat-speed-kmh", "1200"])
        defer { try? FileManager.default.removeItem(at: run.dir) }
        Self.expectOnlyDependentsChange(base, run, flag: "threat_speed_kmh", mustChange: ["threat3_speed"])
        let dn = try #require(run.figures["dnipro"])
        #expect(dn["threat3_warning_median"]?.value != base.figures["dnipro"]?["threat3_warning_median"]?.value)
        #expect(abs(dn["threat3_warning_median"]!.value - dn["warning_depth_median"]!.value / 1200 * 60) < 1e-9)
        #expect(dn["threat1_warning_median"]?.value == base.figures["dnipro"]?["threat1_warning_median"]?.value)
    }

    @Test func targetAltitudeChangesCoverageNotLines() throws {
        let base = try Self.defaults.get()
        let run = try Self.compare(["--target-alt-m", "500"])
        defer { try? FileManager.default.removeItem(at: run.dir) }
        Self.expectOnlyDependentsChange(base, run, flag: "target_alt_m",
                                        mustChange: ["alt1_radius", "alt1_coverage_area", "alt1_line_covered"])
        for p in ["polish-border", "dnipro"] {
            #expect(run.figures[p]?["line_length"]?.value == base.figures[p]?["line_length"]?.value)
            #expect(run.figures[p]?["site_count"]?.value == base.figures[p]?["site_count"]?.value)
        }
        #expect(FileManager.default.fileExists(atPath: run.dir.appendingPathComponent("coverage_500m.geojson").path))
    }

    @Test func standoffMovesSitesNotWarningDepth() throws {
        let base = try Self.defaults.get()
        let run = try Self.compare(["--standoff-km", "40"])
        defer { try? FileManager.default.removeItem(at: run.dir) }
        Self.expectOnlyDependentsChange(base, run, flag: "standoff_km", mustChange: ["site_line_length", "alt1_coverage_area"])
        for p in ["polish-border", "dnipro"] {
            for k in ["warning_depth_min", "warning_depth_median", "warning_depth_max", "line_length", "region_area"] {
                #expect(run.figures[p]?[k]?.value == base.figures[p]?[k]?.value, "\(p).\(k)")
            }
        }
        let sitesA = try GeoJSONReader.read(contentsOf: base.dir.appendingPathComponent("sites.geojson").path)
        let sitesB = try GeoJSONReader.read(contentsOf: run.dir.appendingPathComponent("sites.geojson").path)
        #expect(sitesA.features.map(\.geometry) != sitesB.features.map(\.geometry))
    }

    /// Making Ukraine an ally removes the PL–UA border from Poland's exposed frontier and changes
    /// nothing that does not depend on the allied set.
    @Test func alliedChangesOnlyExposure() throws {
        let base = try Self.defaults.get()
        let run = try Self.compare(["--allied", "PL,LT,LV,EE,FI,RO,SK,HU,DE,CZ,BG,UA"])
        defer { try? FileManager.default.removeItem(at: run.dir) }
        Self.expectOnlyDependentsChange(base, run, flag: "allied", mustChange: [])
        let a = try #require(base.figures["polish-border"]), b = try #require(run.figures["polish-border"])
        let ua = try #require(a["frontier_UA"]?.value)
        #expect(abs(a["frontier_exposed"]!.value - b["frontier_exposed"]!.value - ua) < 1e-6)
        #expect(run.figures["dnipro"]?["frontier_exposed"]?.value == base.figures["dnipro"]?["frontier_exposed"]?.value)
        #expect(run.stdout.contains("facing UA (allied)"))
    }

    /// A user line is compared as its own perimeter (protected region: Poland), with ⌈L/s⌉+1 sites.
    @Test func userLineIsCompared() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = dir.appendingPathComponent("vistula.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"east-of-vistula"},"geometry":{"type":"LineString","coordinates":[[23.0,52.5],[23.2,51.5],[23.6,50.6]]}}]}"#
            .write(to: line, atomically: true, encoding: .utf8)
        let run = try Self.compare(["--line", line.path, "--perimeter", "polish-border"])
        defer { try? FileManager.default.removeItem(at: run.dir) }
        let f = try #require(run.figures["east-of-vistula"])
        let s = try #require(f["site_spacing"]?.value), l = try #require(f["site_line_length"]?.value)
        #expect(f["site_count"]?.value == (l / s).rounded(.up) + 1)
        #expect(run.figures["dnipro"] == nil)
    }

    // MARK: - Bad flags

    @Test(arguments: [
        (["--half-width-km", "170"], "half-width"),
        (["--range-km", "100", "--half-width-km", "100"], "half-width"),
        (["--range-km=-5"], "--range-km"),
        (["--segments", "ua,xx"], "segment 'xx'"),
        (["--profile", "nope"], "unknown profile 'nope'"),
        (["--perimeter", "vistula"], "unknown perimeter"),
        (["--target-alt-m=-1"], "--target-alt-m"),
        (["--threat-speed-kmh", "0"], "--threat-speed-kmh"),
    ])
    func badFlagsGiveOneLineError(args: [String], expected: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.perimeter(["compare", "--out", dir.appendingPathComponent("o").path, "--quiet"] + args)
        #expect(r.status != 0)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o/comparison.json").path))
    }

    @Test(arguments: [
        ("point", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[24,50]}}]}"#, "expected a LineString, found Point"),
        ("multi", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[24,50],[25,51]]]}}]}"#, "expected a LineString, found MultiLineString"),
        ("broken", #"{"type":"FeatureCollection","features":[{"type":"Feature""#, "malformed JSON"),
    ])
    func userLineThatIsNotALineStringIsRejected(name: String, content: String, expected: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(name).geojson")
        try content.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.perimeter(["compare", "--line", file.path, "--out", dir.appendingPathComponent("o").path, "--quiet"])
        #expect(r.status != 0)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(message)")
        #expect(message.contains("\(name).geojson") && message.contains(expected), "\(message)")
    }
}
