import Foundation
import GeoJSON
import Testing

/// `perimeter compare --tracks`: coverage follows each fix's altitude (issue 14, item 2), as
/// `incursions --sites` does, against `tools/oracles/incursion_fields.py` (pyproj's Geod).
@Suite struct CompareAltitudeCommandTests {
    static let t0 = 1_757_462_400.0  // 2025-09-10T00:00:00Z
    static let radarHeightM = 10.0

    /// Runs tools/oracles/incursion_fields.py MODE on `cases`; a missing interpreter fails.
    static func oracle(_ mode: String, _ cases: [[String: Any]], in dir: URL) throws -> [[String: Any]] {
        let input = dir.appendingPathComponent("\(mode)-in.json"), output = dir.appendingPathComponent("\(mode)-out.json")
        try JSONSerialization.data(withJSONObject: ["cases": cases]).write(to: input)
        let script = CLI.oracles.appendingPathComponent("incursion_fields.py").path
        let r = try CLI.run(CLI.python, [script, mode, input.path, output.path])
        guard r.status == 0 else { throw CompareCommandTests.CLIError("incursion_fields.py \(mode) failed (\(r.status)): \(r.stderr)") }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        guard let results = root?["results"] as? [[String: Any]], results.count == cases.count else {
            throw CompareCommandTests.CLIError("incursion_fields.py \(mode) gave no results")
        }
        return results
    }

    /// The same meridian path (north from 23° E 48.5° N across the Ukrainian–Polish border at 250 m/s,
    /// a fix every 10 s) flown at 100 m, at 10,000 m and without altitude: the Polish-border belt's
    /// coverage of each is the union over its sites of min(R, horizon(H, h)), as the oracle computes.
    @Test func samePathAt100mAnd10kmIsCoveredAsTheHorizonPredicts() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path: [String: Any] = ["start": [23.0, 48.5], "speed_ms": 250.0, "duration_s": 2_670.0, "t0": Self.t0]
        let fixes = try Self.oracle("meridian", [path.merging(["step_s": 10.0, "alt0_m": 0.0, "alt1_m": 0.0]) { $1 }], in: dir)[0]["fixes"]
            as? [[Double]] ?? []
        #expect(fixes.count == 268)
        var csv = "track_id,time,lon,lat,alt_m\n"
        for (name, alt) in [("low", "100"), ("high", "10000"), ("noalt", "")] {
            for f in fixes { csv += "\(name),\(Int(f[0])),\(f[1]),\(f[2]),\(alt)\n" }
        }
        try csv.write(to: dir.appendingPathComponent("tracks.csv"), atomically: true, encoding: .utf8)
        // `--out o`: a one-letter folder, relative to the working directory (it once trapped in Foundation).
        let r = try CLI.perimeter(["compare", "--perimeter", "polish-border", "--radar-height-m", "10", "--target-alt-m", "100",
                                   "--tracks", "tracks.csv", "--out", "o", "--quiet"], in: dir)
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("fixes without altitude fly at the run's target altitude (--target-alt-m): 1 of 3 tracks has fixes without altitude"),
                "\(r.stdout)")
        let out = dir.appendingPathComponent("o")

        // The belt's sites at 100 m; R is the profile's range (patriot-pac2, 160 km), H = 10 m.
        let sites = try GeoJSONReader.read(contentsOf: out.appendingPathComponent("sites.geojson").path).features.filter {
            $0.properties["layout"]?.stringValue == "belt" && $0.properties["target_alt_m"]?.doubleValue == 100
                && $0.properties["perimeter"]?.stringValue == "polish-border"
        }
        let positions: [[Double]] = sites.compactMap {
            if case .point(let p)? = $0.geometry { return [p.lon, p.lat] } else { return nil }
        }
        try #require(positions.count >= 2, "belt sites: \(positions)")
        let oracle = try Self.oracle("horizon", [100.0, 10_000.0].map { h in
            path.merging(["sites": positions, "range_m": 160_000.0, "radar_h_m": Self.radarHeightM, "alt0_m": h, "alt1_m": h]) { $1 }
        }, in: dir)

        let json = try GeoJSONReader.parseJSON(Data(contentsOf: out.appendingPathComponent("comparison.json")), source: "comparison.json")
        let run = try #require(json["engagements"]?["perimeters"]?.arrayValue?.first)
        #expect(run["tracks_at_default_altitude"]?["value"]?.intValue == 1)
        var rows: [String: JSONValue] = [:]
        for row in run["rows"]?.arrayValue ?? [] { rows[row["track_id"]?.stringValue ?? "?"] = row }
        let low = try #require(rows["low"]), high = try #require(rows["high"]), noalt = try #require(rows["noalt"])
        let lowS = try #require(low["coverage_total_s"]?.doubleValue), highS = try #require(high["coverage_total_s"]?.doubleValue)
        let wantLow = try #require(oracle[0]["covered_s"] as? Double), wantHigh = try #require(oracle[1]["covered_s"] as? Double)
        #expect(abs(lowS - wantLow) < 1, "100 m: \(lowS) s covered, the horizon formula gives \(wantLow) s")
        #expect(abs(highS - wantHigh) < 1, "10,000 m: \(highS) s covered, the horizon formula gives \(wantHigh) s")
        #expect(highS > lowS + 300, "the jet is seen far longer than the drone: \(highS) vs \(lowS)")
        #expect(noalt["coverage_total_s"]?.doubleValue == lowS, "fixes without altitude fly at --target-alt-m 100")
        // First detection follows the altitude: the warning times differ by the difference of the first covered times.
        let firstLow = try #require((oracle[0]["intervals"] as? [[Double]])?.first?[0])
        let firstHigh = try #require((oracle[1]["intervals"] as? [[Double]])?.first?[0])
        let warnLow = try #require(low["warning_time_s"]?.doubleValue), warnHigh = try #require(high["warning_time_s"]?.doubleValue)
        #expect(abs((warnHigh - warnLow) - (firstLow - firstHigh)) < 1, "warning \(warnLow) s at 100 m, \(warnHigh) s at 10 km")
        #expect(low["first_nato_entry_time"] == high["first_nato_entry_time"])
    }
}
