import Foundation
import GeoJSON
import Testing

@Suite struct CoverageCommandTests {
    /// The union area of the 100 overlapping 100 km circles of the benchmark workload matches the
    /// independent pyproj + shapely computation (tools/oracles/coverage_union.py) within 0.1%.
    @Test func unionAreaMatchesPyprojShapelyReference() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let oracle = CLI.packageRoot.appendingPathComponent("tools/oracles/coverage_union.py").path
        let sites = try CLI.run(CLI.python, [oracle, "sites", "100"], in: dir)
        try #require(sites.status == 0, "site generator failed: \(sites.stderr)")
        try sites.stdout.write(to: dir.appendingPathComponent("sites_100.geojson"), atomically: true, encoding: .utf8)
        let ref = try CLI.run(CLI.python, [oracle, "bench", dir.appendingPathComponent("sites_100.geojson").path, "100"], in: dir)
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

    /// A circle containing the north pole (written as an RFC 7946 polar cap) next to one across ±180:
    /// strict RFC 7946, GDAL reads it, two parts, the cap's ring runs along latitude 90.
    @Test func poleCapAndAntimeridianCircle() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = dir.appendingPathComponent("s.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"range_km":1000},"geometry":{"type":"Point","coordinates":[0,88]}},{"type":"Feature","properties":{"range_km":500},"geometry":{"type":"Point","coordinates":[179.9,60]}}]}"#
            .write(to: sites, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("c.geojson").path
        let run = try CLI.perimeter(["coverage", sites.path, "-o", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("parts: 2, holes: 0"), "\(run.stdout)")
        let fc = try GeoJSONReader.read(contentsOf: out)
        guard case .polygon(let cap)? = fc.features.first?.geometry else {
            Issue.record("the polar circle is not one Polygon"); return
        }
        #expect(cap[0].contains { $0.lat == 90 && $0.lon == 180 } && cap[0].contains { $0.lat == 90 && $0.lon == -180 })
        #expect(RFC7946Validator.problems(in: try Data(contentsOf: URL(fileURLWithPath: out))).isEmpty)
        let info = try CLI.ogrinfo(out)
        #expect(info.status == 0, "\(info.stderr)")
    }

    /// Bad inputs: one line naming the input and the problem, exit ≠ 0, existing output untouched.
    @Test(arguments: [
        ("malformed", #"{"type":"FeatureCollection","features":[{"type":"Feature""#, "malformed JSON"),
        ("linestring", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}"#, "expected a Point site"),
        ("infinite", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e999,50]}}]}"#, "features[0].geometry.coordinates"),
        ("latitude", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[20,95]}}]}"#, "latitude"),
        ("range", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"range_km":-3},"geometry":{"type":"Point","coordinates":[20,50]}}]}"#, "range_km"),
        ("huge", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"range_km":12000},"geometry":{"type":"Point","coordinates":[20,50]}}]}"#, "features[0].properties.range_km: 12000 km exceeds the maximum of 10000 km"),
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
