import Foundation
import Testing

/// Without `--map-crs` the map CRS is chosen for the data: the Alaska scenario gets a LAEA centred on it (stated
/// on stderr and in the SVG's `data-crs`), a European map keeps EPSG:3035, and `--map-crs` always wins.
@Suite struct MapCRSChoiceCLITests {
    static func crs(_ svg: URL) throws -> String? {
        let text = try String(contentsOf: svg, encoding: .utf8)
        guard let r = text.range(of: "data-crs=\"") else { return nil }
        return String(text[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theAlaskaScenarioMapIsALAEACentredOnTheData() throws {
        let dir = try CLI.temporaryDirectory()
        let svg = dir.appendingPathComponent("ak.svg")
        let r = try CLI.perimeter(["incursions", "--scenario", "alaska-2025-09-24", "--quiet", "--map", svg.path])
        #expect(r.status == 0, "\(r.stderr)")
        let crs = try #require(try Self.crs(svg))
        #expect(crs.hasPrefix("+proj=laea +lat_0=") && crs.contains("+datum=WGS84"), "\(crs)")
        #expect(r.stderr.contains("map CRS: \(crs)"), "\(r.stderr)")
        let explicit = dir.appendingPathComponent("ak-3857.svg")
        let e = try CLI.perimeter(["incursions", "--scenario", "alaska-2025-09-24", "--quiet", "--map", explicit.path,
                                   "--map-crs", "EPSG:3857"])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(try Self.crs(explicit) == "EPSG:3857")
        #expect(!e.stderr.contains("map CRS:"))
    }

    @Test func aEuropeanMapKeepsEPSG3035() throws {
        let dir = try CLI.temporaryDirectory()
        let svg = dir.appendingPathComponent("ee.svg")
        let r = try CLI.perimeter(["incursions", "--scenario", "estonia-2025-09-19", "--quiet", "--map", svg.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.crs(svg) == "EPSG:3035")
        #expect(!r.stderr.contains("map CRS:"))
    }
}
