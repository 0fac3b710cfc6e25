import Foundation
import GeoJSON
import GeometryCore
import Testing

/// The Alaska ADIZ scenario (24 Sep 2025): it runs, its ADIZ entry is an identification zone entry (never a
/// violation), its one check passes, and — the zone, US airspace and the track all crossing ±180° — it gives the
/// same figures as the same geometry moved 40° east, where nothing crosses the antimeridian.
@Suite struct AlaskaScenarioTests {
    static let name = "alaska-2025-09-24"
    static let shift = 40.0

    static func run(geodata: URL? = nil, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.perimeter(["incursions", "--scenario", name, "--quiet"] + (geodata.map { ["--geodata", $0.path] } ?? []) + extra)
    }

    /// The zone line of the formation's track.
    static func zoneLine(_ out: String) -> String? {
        out.split(separator: "\n").first { $0.contains("[identification zone entry]") }.map(String.init)
    }

    @Test func runsWithTheADIZEntryAsAnIdentificationZoneEntry() throws {
        let r = try Self.run()
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("Alaska ADIZ is an identification zone: entering it is an identification zone entry, not a violation"), "\(r.stdout)")
        let line = try #require(Self.zoneLine(r.stdout), "\(r.stdout)")
        #expect(line.contains("1 identification zone entry into Alaska ADIZ"), "\(line)")
        #expect(r.stdout.contains("[ok]") && r.stdout.contains("never inside US-AK"), "\(r.stdout)")
        #expect(!r.stdout.contains("[FAIL]") && !r.stdout.lowercased().contains("violation into"), "\(r.stdout)")
    }

    /// The scenario's figures — the zone entry with its time and dwell, and the closest approach to US-AK
    /// airspace (CSV) — are the same when the ADIZ, US-AK airspace and the track are moved 40° east (a
    /// rotation about the polar axis: geodesic distances unchanged, straight lon/lat segments too), each
    /// polygon unioned whole so that nothing is cut.
    @Test func crossingTheAntimeridianGivesTheUnsplitResult() throws {
        let moved = try Self.movedGeoData()
        let cut = try Self.run()
        let whole = try Self.run(geodata: moved)
        #expect(cut.status == 0 && whole.status == 0, "\(cut.stderr)\n\(whole.stderr)\n\(whole.stdout)")
        let a = try #require(Self.zoneLine(cut.stdout), "\(cut.stdout)")
        let b = try #require(Self.zoneLine(whole.stdout), "\(whole.stdout)")
        #expect(a == b, "across ±180°: \(a)\nmoved clear of it: \(b)")

        let csvCut = try Self.csvRow(Self.run(geodata: nil, ["--format", "csv", "-o", "-"]).stdout)
        let csvWhole = try Self.csvRow(Self.run(geodata: moved, ["--format", "csv", "-o", "-"]).stdout)
        let km = try #require(Double(csvCut["closest_approach_km"] ?? ""), "\(csvCut)")
        let kmWhole = try #require(Double(csvWhole["closest_approach_km"] ?? ""), "\(csvWhole)")
        #expect(km > 0 && abs(km - kmWhole) < 0.01, "closest approach \(km) km across ±180°, \(kmWhole) km moved")
        #expect(csvCut["closest_approach_time"] == csvWhole["closest_approach_time"])
        let lonCut = try #require(Double(csvCut["closest_approach_lon"] ?? ""))
        let lonWhole = try #require(Double(csvWhole["closest_approach_lon"] ?? ""))
        #expect(abs(Longitude.normalized(lonCut + Self.shift) - lonWhole) < 1e-5, "\(lonCut) + 40° vs \(lonWhole)")
        #expect(csvCut["dwell_s"] == csvWhole["dwell_s"])
    }

    /// The US-AK row of the CSV written to stdout, by column name.
    static func csvRow(_ csv: String) throws -> [String: String] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let row = try #require(lines.dropFirst().first { $0.count == header.count && $0.contains("US-AK") }, "\(csv)")
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }

    /// A scratch GeoData: the shipped files linked; `airspace/US-AK.geojson`, `zones/US-AK-ADIZ.geojson` and
    /// the scenario moved `shift` degrees east (east-hemisphere parts first taken to their west-frame
    /// longitude, −360), each polygon file's parts unioned with GEOS into whole polygons.
    static func movedGeoData() throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("GeoData")
        let fm = FileManager.default
        for sub in ["airspace", "zones", "scenarios"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let shipped = CLI.packageRoot.appendingPathComponent("GeoData")
        for item in try fm.contentsOfDirectory(atPath: shipped.path) where !["airspace", "zones", "scenarios"].contains(item) {
            try fm.createSymbolicLink(at: dir.appendingPathComponent(item), withDestinationURL: shipped.appendingPathComponent(item))
        }
        func lon(_ x: Double) -> Double { (x > 0 ? x - 360 : x) + shift }
        for file in ["airspace/US-AK.geojson", "zones/US-AK-ADIZ.geojson"] {
            let fc = try GeoJSONReader.read(contentsOf: shipped.appendingPathComponent(file).path)
            var out: [Feature] = []
            for var f in fc.features {
                let g = try #require(f.geometry).geosGeometry()
                let moved = try g.transformedXY { x, _ in x = lon(x) }.unaryUnion()
                f.geometry = try GeoJSONGeometry(moved)
                out.append(f)
            }
            let data = try GeoJSONWriter(normalize: false).encode(FeatureCollection(features: out))
            try data.write(to: dir.appendingPathComponent(file))
        }
        let text = try String(contentsOf: shipped.appendingPathComponent("scenarios/\(name).geojson"), encoding: .utf8)
        var root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var features = try #require(root["features"] as? [[String: Any]])
        for i in features.indices {
            var geometry = try #require(features[i]["geometry"] as? [String: Any])
            let coords = try #require(geometry["coordinates"] as? [[Double]])
            geometry["coordinates"] = coords.map { [lon($0[0]), $0[1]] }
            features[i]["geometry"] = geometry
        }
        root["features"] = features
        try JSONSerialization.data(withJSONObject: root).write(to: dir.appendingPathComponent("scenarios/\(name).geojson"))
        return dir
    }
}
