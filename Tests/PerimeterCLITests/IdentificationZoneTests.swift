import Foundation
import Testing

/// Zone kinds: entering an identification zone (an ADIZ) is reported as an "identification zone
/// entry", never as a violation and never as a failed check; a zone cut at ±180° per RFC 7946
/// gives the same entries as the same zone and track moved clear of ±180°.
@Suite struct IdentificationZoneTests {
    /// A scratch GeoData: the shipped files linked, plus `zones/test-adiz.geojson` and one scenario.
    static func geodata(zone: String, track: [(Double, Double)]) throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("GeoData")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("zones"), withIntermediateDirectories: true)
        let shipped = CLI.packageRoot.appendingPathComponent("GeoData")
        for item in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where !["scenarios", "zones"].contains(item) {
            try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent(item), withDestinationURL: shipped.appendingPathComponent(item))
        }
        try zone.write(to: dir.appendingPathComponent("zones/test-adiz.geojson"), atomically: true, encoding: .utf8)
        let coords = track.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        let times = track.indices.map { String(format: "\"2025-02-10T12:%02d:00Z\"", $0 * 10) }.joined(separator: ",")
        let scenario = """
            {"type":"FeatureCollection","name":"adiz-test",
            "scenario":{"name":"adiz-test","title":"test","date":"2025-02-10","airspaces":[],
              "zones":[{"name":"Test ADIZ","kind":"identification_zone","file":"zones/test-adiz.geojson"}],
              "inputs":[{"figure":"x","source":"test"}],"assumptions":["test"],"checks":[]},
            "features":[{"type":"Feature","properties":{"track_id":"bomber","times":[\(times)]},
                         "geometry":{"type":"LineString","coordinates":[\(coords)]}}]}
            """
        try scenario.write(to: dir.appendingPathComponent("scenarios/adiz-test.geojson"), atomically: true, encoding: .utf8)
        return dir
    }

    static func run(_ dir: URL) throws -> CLI.Result {
        try CLI.perimeter(["incursions", "--scenario", "adiz-test", "--quiet", "--geodata", dir.path])
    }

    /// The entry line: "[identification zone entry] bomber: 1 identification zone entry into Test ADIZ, N s …".
    static func entryLine(_ out: String) -> String? {
        out.split(separator: "\n").first { $0.contains("[identification zone entry] bomber") }.map(String.init)
    }

    @Test func adizEntryIsAnIdentificationZoneEntryNotAViolation() throws {
        // A box 10°–12° E, 60°–61° N; the track crosses it west→east along 60.5° N.
        let zone = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Test ADIZ","kind":"identification_zone"},"geometry":{"type":"Polygon","coordinates":[[[10,60],[12,60],[12,61],[10,61],[10,60]]]}}]}"#
        let dir = try Self.geodata(zone: zone, track: [(9.0, 60.5), (11.0, 60.5), (13.0, 60.5)])
        let r = try Self.run(dir)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("Test ADIZ is an identification zone: entering it is an identification zone entry, not a violation"), "\(r.stdout)")
        let line = try #require(Self.entryLine(r.stdout), "\(r.stdout)")
        // Half of each 10-minute leg lies inside (lon 10→11 and 11→12 of 9→11, 11→13): 600 s.
        #expect(line.contains("1 identification zone entry into Test ADIZ, 600 s"), "\(line)")
        #expect(!r.stdout.lowercased().contains("violation into") && !r.stdout.contains("[FAIL]"))
    }

    /// The same zone and track, once crossing ±180° (the zone cut into two RFC 7946 parts) and once
    /// moved 20° west, clear of it: the same entry, dwell and entry time.
    @Test func zoneCutAtTheAntimeridianGivesTheUnsplitResult() throws {
        let cut = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Test ADIZ"},"geometry":{"type":"MultiPolygon","coordinates":[[[[179,60],[180,60],[180,61],[179,61],[179,60]]],[[[-180,60],[-179,60],[-179,61],[-180,61],[-180,60]]]]}}]}"#
        let moved = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Test ADIZ"},"geometry":{"type":"Polygon","coordinates":[[[159,60],[161,60],[161,61],[159,61],[159,60]]]}}]}"#
        let across = try Self.run(try Self.geodata(zone: cut, track: [(178.0, 60.5), (179.6, 60.6), (-179.2, 60.7), (-178.0, 60.5)]))
        let clear = try Self.run(try Self.geodata(zone: moved, track: [(158.0, 60.5), (159.6, 60.6), (160.8, 60.7), (162.0, 60.5)]))
        #expect(across.status == 0 && clear.status == 0, "\(across.stderr)\n\(clear.stderr)")
        let a = try #require(Self.entryLine(across.stdout), "\(across.stdout)")
        let c = try #require(Self.entryLine(clear.stdout), "\(clear.stdout)")
        #expect(a == c, "across ±180°: \(a)\nclear of it: \(c)")
        #expect(a.contains("1 identification zone entry"), "\(a)")
    }

    @Test func unknownZoneKindIsAOneLineError() throws {
        let zone = #"{"type":"FeatureCollection","features":[]}"#
        let dir = try Self.geodata(zone: zone, track: [(9.0, 60.5), (13.0, 60.5)])
        let file = dir.appendingPathComponent("scenarios/adiz-test.geojson")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"identification_zone\"", with: "\"buffer_zone\"")
        try FileManager.default.removeItem(at: file)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try Self.run(dir)
        #expect(r.status != 0 && r.stderr.contains("scenario.zones[0].kind"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}
