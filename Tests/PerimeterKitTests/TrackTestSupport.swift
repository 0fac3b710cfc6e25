import Foundation
import GeometryCore
import PerimeterTestSupport
@testable import PerimeterKit

/// Shared helpers of the track tests: temporary files, the oracle Python, the Poland fixture.
enum TrackTestSupport {
    /// The package root.
    static let packageRoot: URL = TestEnvironment.packageRoot

    /// `$PERIMETER_PYTHON`, else `<package root>/.venv/bin/python`.
    static var python: String { TestEnvironment.python }

    /// The project's own Python reference implementations and workload generators (`tools/oracles`).
    static var oracles: String { TestEnvironment.oracles.path }

    static var fixtures: URL { packageRoot.appendingPathComponent("Tests/PerimeterKitTests/Fixtures") }

    /// Writes `text` to a fresh temporary file with `suffix` and returns its path.
    static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("perimeter-tracks-\(UUID().uuidString)\(suffix)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs a program, stdout to `stdoutPath` (or captured), and returns (status, stdout, stderr).
    static func run(_ program: String, _ arguments: [String], stdoutPath: String? = nil) throws -> (Int32, String, String) {
        let r = try ProcessRunner.run(program, arguments, output: stdoutPath.map { .file($0) } ?? .captured)
        return (r.status, r.stdout, r.stderr)
    }

    /// Every Polygon/MultiPolygon of a GeoJSON file as one `AirspacePolygon` (a stand-in until the
    /// GeoJSON target provides the reader).
    static func loadPolygon(_ path: String, name: String) throws -> AirspacePolygon {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let features = (root["features"] as? [[String: Any]]) ?? [root]
        func ring(_ any: Any) -> [Coordinate] {
            (any as! [[Double]]).map { Coordinate(lon: $0[0], lat: $0[1]) }
        }
        func part(_ any: Any) -> AirspacePolygon.Part {
            let rings = (any as! [Any]).map(ring)
            return AirspacePolygon.Part(outer: rings[0], holes: Array(rings.dropFirst()))
        }
        var parts: [AirspacePolygon.Part] = []
        for feature in features {
            let geometry = feature["geometry"] as! [String: Any]
            switch geometry["type"] as! String {
            case "Polygon": parts.append(part(geometry["coordinates"]!))
            case "MultiPolygon": parts += (geometry["coordinates"] as! [Any]).map(part)
            default: break
            }
        }
        return AirspacePolygon(name: name, parts: parts)
    }

    /// An axis-aligned lon/lat box as a ring.
    static func box(_ lon0: Double, _ lat0: Double, _ lon1: Double, _ lat1: Double) -> [Coordinate] {
        [Coordinate(lon: lon0, lat: lat0), Coordinate(lon: lon1, lat: lat0), Coordinate(lon: lon1, lat: lat1),
         Coordinate(lon: lon0, lat: lat1), Coordinate(lon: lon0, lat: lat0)]
    }

    /// A track from (lon, lat, time) triples.
    static func track(_ points: [(Double, Double, Double)], id: String = "T") -> Track {
        Track(id: id, fixes: points.map { Fix(time: $0.2, position: Coordinate(lon: $0.0, lat: $0.1)) })
    }

    /// Reads every track of a source.
    static func readAll<S: TrackSource>(_ source: inout S) throws -> [Track] {
        var tracks: [Track] = []
        while let t = try source.nextTrack() { tracks.append(t) }
        return tracks
    }
}

/// The coverage-union oracle (tools/oracles/coverage_union.py, pyproj + shapely): many site sets in one
/// Python process. A case's `union` is Perimeter's union as RFC 7946 GeoJSON geometry (nil: area only).
enum CoverageOracle {
    struct Case {
        var sites: [(lon: Double, lat: Double, radiusM: Double)]
        var toleranceM: Double
        var union: Data?
    }

    struct Answer {
        var areaM2: Double
        var method: String
        /// Per circle: area of the circle not covered by the given union (m²), and the circle's perimeter (m).
        var residualM2: [Double]
        var perimeterM: [Double]
    }

    static func run(_ cases: [Case]) throws -> [Answer] {
        let python = TrackTestSupport.python
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw OracleFailure(message: "oracle Python not found at \(python): run `make test-deps` or set PERIMETER_PYTHON")
        }
        let script = TrackTestSupport.packageRoot.appendingPathComponent("tools/oracles/coverage_union.py").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perimeter-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.json"), output = dir.appendingPathComponent("out.json")
        let payload: [[String: Any]] = try cases.map { c in
            [
                "sites": c.sites.map { [$0.lon, $0.lat, $0.radiusM] },
                "tolerance_m": c.toleranceM,
                "union": try c.union.map { try JSONSerialization.jsonObject(with: $0) } ?? NSNull(),
            ]
        }
        try JSONSerialization.data(withJSONObject: ["cases": payload]).write(to: input)
        let (status, _, err) = try TrackTestSupport.run(python, [script, "batch", input.path, output.path])
        guard status == 0 else { throw OracleFailure(message: "coverage_union.py failed (\(status)): \(err)") }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        guard let results = root?["results"] as? [[String: Any]], results.count == cases.count else {
            throw OracleFailure(message: "coverage_union.py gave no results")
        }
        return results.map { r in
            Answer(areaM2: (r["area_m2"] as? NSNumber)?.doubleValue ?? .nan, method: r["method"] as? String ?? "",
                   residualM2: (r["residual_m2"] as? [NSNumber] ?? []).map(\.doubleValue),
                   perimeterM: (r["perimeter_m"] as? [NSNumber] ?? []).map(\.doubleValue))
        }
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// The incursion-fields oracle (tools/oracles/incursion_fields.py: GeographicLib and pyproj): horizon-limited
/// coverage along a meridian and the closest approach of a geodesic to a point. A missing interpreter fails.
enum FieldsOracle {
    static func run(_ mode: String, _ cases: [[String: Any]]) throws -> [[String: Any]] {
        let python = TrackTestSupport.python
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw CoverageOracle.OracleFailure(message: "oracle Python not found at \(python): run `make test-deps` or set PERIMETER_PYTHON")
        }
        let script = TrackTestSupport.packageRoot.appendingPathComponent("tools/oracles/incursion_fields.py").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perimeter-fields-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.json"), output = dir.appendingPathComponent("out.json")
        try JSONSerialization.data(withJSONObject: ["cases": cases]).write(to: input)
        let (status, _, err) = try TrackTestSupport.run(python, [script, mode, input.path, output.path])
        guard status == 0 else { throw CoverageOracle.OracleFailure(message: "incursion_fields.py \(mode) failed (\(status)): \(err)") }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        guard let results = root?["results"] as? [[String: Any]], results.count == cases.count else {
            throw CoverageOracle.OracleFailure(message: "incursion_fields.py \(mode) gave no results")
        }
        return results
    }
}
