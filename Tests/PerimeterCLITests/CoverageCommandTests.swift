import Foundation
import GeoJSON
import Testing

@Suite struct CoverageCommandTests {
    /// The union area of the 100 overlapping 100 km circles of the benchmark workload
    /// (tools/oracles/make_sites.py) matches the independent pyproj + shapely computation
    /// (tools/oracles/coverage_union.py) within 0.1%.
    @Test func unionAreaMatchesPyprojShapelyReference() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = dir.appendingPathComponent("sites_100.geojson").path
        let make = try CLI.run("/bin/sh", ["-c", "'\(CLI.python)' '\(CLI.oracles.path)/make_sites.py' 100 > '\(sites)'"])
        try #require(make.status == 0, "make_sites.py failed: \(make.stderr)")
        let ref = try CLI.run(CLI.python, [CLI.oracles.appendingPathComponent("coverage_union.py").path, sites, "100"], in: dir)
        #expect(ref.status == 0, "reference failed: \(ref.stderr)")
        let refArea = try #require(Double(ref.stdout.split(separator: " ").first { $0.hasPrefix("area_km2=") }?.dropFirst(9) ?? ""))
        let refHoles = ref.stdout.split(separator: " ").first { $0.hasPrefix("holes=") }.map { String($0.dropFirst(6)) }

        let out = dir.appendingPathComponent("cov.geojson").path
        let run = try CLI.perimeter(["coverage", dir.appendingPathComponent("sites_100.geojson").path,
                                     "--range-km", "100", "-o", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let fc = try GeoJSONReader.read(contentsOf: out)
        let union = try #require(fc.features.last)
        #expect(union.properties["layer"]?.stringValue == "coverage_union")
        let area = try #require(union.properties["area_km2"]?.doubleValue)
        #expect(abs(area - refArea) / refArea < 0.001, "ours \(area) km² vs reference \(refArea) km²")
        #expect(union.properties["holes"]?.intValue.map(String.init) == refHoles)
        #expect(fc.features.count == 101)
        #expect(run.stdout.contains("union area"))

        // GDAL opens it; it is strict RFC 7946.
        let info = try CLI.ogrinfo(out)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Feature Count: 101"))
        let problems = RFC7946Validator.problems(in: try Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(problems.isEmpty, "\(problems)")
    }

    /// A site at 179.8° E: its circle crosses the antimeridian and is written as a valid
    /// MultiPolygon cut at ±180.
    @Test func antimeridianCircleIsSplit() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = dir.appendingPathComponent("s.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"range_km":300},"geometry":{"type":"Point","coordinates":[179.8,60]}}]}"#
            .write(to: sites, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("c.geojson").path
        let run = try CLI.perimeter(["coverage", sites.path, "-o", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let fc = try GeoJSONReader.read(contentsOf: out)
        for f in fc.features {
            guard case .multiPolygon(let parts)? = f.geometry else {
                Issue.record("expected a MultiPolygon, got \(f.geometry?.typeName ?? "null")"); continue
            }
            #expect(parts.count == 2)
        }
        #expect(RFC7946Validator.problems(in: try Data(contentsOf: URL(fileURLWithPath: out))).isEmpty)
        #expect(try CLI.ogrinfo(out).status == 0)
    }

    /// Bad inputs: one line naming the input and the problem, exit ≠ 0, existing output untouched.
    @Test(arguments: [
        ("malformed", #"{"type":"FeatureCollection","features":[{"type":"Feature""#, "malformed JSON"),
        ("linestring", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}"#, "expected a Point site"),
        ("infinite", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e999,50]}}]}"#, "features[0].geometry.coordinates"),
        ("latitude", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[20,95]}}]}"#, "latitude"),
        ("range", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"range_km":-3},"geometry":{"type":"Point","coordinates":[20,50]}}]}"#, "range_km"),
    ])
    func badInputGivesOneLineErrorAndKeepsOutput(name: String, content: String, expected: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("\(name).geojson")
        try content.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("existing.geojson")
        try "previous content".write(to: out, atomically: true, encoding: .utf8)
        let run = try CLI.perimeter(["coverage", input.path, "--range-km", "50", "-o", out.path, "--quiet"])
        #expect(run.status != 0)
        let message = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(message)")
        #expect(message.contains("\(name).geojson"), "does not name the file: \(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous content")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(Set(leftovers) == ["\(name).geojson", "existing.geojson"], "temp files left: \(leftovers)")
    }

    @Test func badFlagsAreRejected() throws {
        let r = try CLI.perimeter(["coverage", "x.geojson", "--tolerance-m", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--tolerance-m"))
    }
}
