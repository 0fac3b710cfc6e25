import Foundation
import Testing

/// An unknown EPSG code on the command line: one line naming the code and PROJ's message,
/// exit ≠ 0, an existing output file untouched.
@Suite struct UnknownCRSTests {
    @Test(arguments: [["render"], ["coverage", "--map-crs"]])
    func unknownEPSGCode(command: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = dir.appendingPathComponent("sites.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"range_km":50},"geometry":{"type":"Point","coordinates":[24,52]}}]}"#
            .write(to: sites, atomically: true, encoding: .utf8)
        let map = dir.appendingPathComponent("map.svg")
        try "previous map".write(to: map, atomically: true, encoding: .utf8)
        let arguments: [String]
        if command == ["render"] {
            arguments = ["render", sites.path, "-o", map.path, "--crs", "EPSG:999999"]
        } else {
            arguments = ["coverage", sites.path, "-o", dir.appendingPathComponent("c.geojson").path, "--quiet",
                         "--map", map.path, "--map-crs", "EPSG:999999"]
        }
        let run = try CLI.perimeter(arguments)
        #expect(run.status != 0)
        let message = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(message)")
        #expect(message.contains("EPSG:999999"), "\(message)")
        #expect(try String(contentsOf: map, encoding: .utf8) == "previous map")
        // Refused before any work: no result file either.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.geojson").path))
    }
}
