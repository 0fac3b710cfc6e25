import Foundation
import Testing

/// `perimeter incursions` with an airspace and a coverage polygon that cross ±180° (RFC 7946 split
/// MultiPolygons, Bering Sea) gives the figures of the same case moved 10° west.
@Suite struct AntimeridianIncursionsCommandTests {
    static func feature(_ geometry: String, layer: String? = nil) -> String {
        #"{"type":"Feature","properties":{"# + (layer.map { #""layer":""# + $0 + #"""# } ?? "") + #"},"geometry":"# + geometry + "}"
    }
    static func collection(_ features: [String]) -> String {
        #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
    }
    static func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String {
        "[[[\(w),\(s)],[\(e),\(s)],[\(e),\(n)],[\(w),\(n)],[\(w),\(s)]]]"
    }

    /// Writes box, coverage and tracks for a shift of 0 (across the line) or −10 (away from it).
    func write(shift: Double, to dir: URL) throws {
        let airspace, coverage: String
        if shift == 0 {
            airspace = Self.collection([Self.feature(#"{"type":"MultiPolygon","coordinates":["# + Self.box(175, 60, 180, 64) + "," + Self.box(-180, 60, -175, 64) + "]}")])
            coverage = Self.collection([Self.feature(#"{"type":"MultiPolygon","coordinates":["# + Self.box(170, 58, 180, 66) + "," + Self.box(-180, 58, -178, 66) + "]}", layer: "coverage_union")])
        } else {
            airspace = Self.collection([Self.feature(#"{"type":"Polygon","coordinates":"# + Self.box(165, 60, 175, 64) + "}")])
            coverage = Self.collection([Self.feature(#"{"type":"Polygon","coordinates":"# + Self.box(160, 58, 172, 66) + "}", layer: "coverage_union")])
        }
        try airspace.write(to: dir.appendingPathComponent("bering.geojson"), atomically: true, encoding: .utf8)
        try coverage.write(to: dir.appendingPathComponent("coverage.geojson"), atomically: true, encoding: .utf8)
        func lon(_ x: Double) -> Double { let y = (x + shift).remainder(dividingBy: 360); return y == -180 ? 180 : y }
        var csv = "track_id,time,lon,lat\n"
        for k in 0...160 { csv += "east,\(1_758_265_200 + 10 * k),\(lon(172 + 0.1 * Double(k))),62\n" }
        for k in 0...160 { csv += "west,\(1_758_265_200 + 10 * k),\(lon(188 - 0.1 * Double(k))),61.3\n" }
        for k in 0...80 { csv += "along,\(1_758_265_200 + 10 * k),\(lon(180)),\(59 + 0.08 * Double(k))\n" }
        try csv.write(to: dir.appendingPathComponent("tracks.csv"), atomically: true, encoding: .utf8)
    }

    func run(shift: Double) throws -> [String: [Substring]] {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(shift: shift, to: dir)
        let out = dir.appendingPathComponent("o.csv").path
        let r = try CLI.perimeter(["incursions", dir.appendingPathComponent("tracks.csv").path,
                                   "--airspace-file", dir.appendingPathComponent("bering.geojson").path,
                                   "--coverage", dir.appendingPathComponent("coverage.geojson").path, "-o", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.contains(",fixes,first_covered_time,covered_s,warning_s,open_at_start,") == true)
        var rows: [String: [Substring]] = [:]
        for l in lines.dropFirst() {
            let f = l.split(separator: ",", omittingEmptySubsequences: false)
            rows[String(f[0])] = f
        }
        return rows
    }

    @Test func splitAirspaceAndCoverageMatchTheShiftedCase() throws {
        let across = try run(shift: 0), away = try run(shift: -10)
        #expect(across.count == 3)
        for (id, a) in across {
            let b = try #require(away[id])
            #expect(a[3] == "1" && b[3] == "1", "\(id): one incursion, got \(a[3]) and \(b[3])")
            for (column, tolerance) in [(2, 0.01), (4, 0.001), (5, 0.01), (10, 0.01), (11, 0.01)] {
                let x = try #require(Double(a[column])), y = try #require(Double(b[column]))
                #expect(abs(x - y) <= tolerance, "\(id) column \(column): \(x) vs \(y)")
            }
            #expect(a[6] == b[6] && a[7] == b[7] && a[9] == b[9], "\(id): times")
        }
    }
}
