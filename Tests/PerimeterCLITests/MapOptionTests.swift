import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The SVG a command wrote, parsed with XMLParser: element ids, and the circles carrying `data-name`.
private final class MapSVG: NSObject, XMLParserDelegate {
    var root: String?
    var ids: Set<String> = []
    var circles: [String: (x: Double, y: Double)] = [:]

    static func parse(_ path: String) throws -> MapSVG {
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        let svg = MapSVG()
        parser.delegate = svg
        #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
        return svg
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = elementName }
        if let id = attributes["id"] { ids.insert(id) }
        if elementName == "circle", let name = attributes["data-name"], circles[name] == nil,
           let x = attributes["cx"].flatMap(Double.init), let y = attributes["cy"].flatMap(Double.init) {
            circles[name] = (x, y)
        }
    }
}

/// `--map FILE.svg` / `--png` on compare, incursions and coverage; GeoPackage and KML of their results read by GDAL.
@Suite(.serialized) struct MapOptionTests {
    // rsvg-convert and GDAL are required (make test-deps installs them): a missing tool fails the run.

    static func expectPNG(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.count > 10_000, "\(path): \(data.count) bytes")
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(path) is not a PNG")
    }

    @Test func defaultComparisonMap() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var args = ["compare", "--quiet", "--out", dir.path, "--map", dir.path + "/m.svg"]
        args.append("--png")
        let r = try CLI.perimeter(args)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try MapSVG.parse(dir.path + "/m.svg")
        #expect(svg.root == "svg")
        // Protected regions are drawn as regions (under the coverage), no longer as "airspace".
        let expected: Set = ["basemap", "regions", "coverage", "lines", "sites", "gaps", "places", "labels",
                             "legend", "scalebar", "graticule", "title", "attribution"]
        #expect(expected.isSubset(of: svg.ids), "missing: \(expected.subtracting(svg.ids))")
        let warsaw = try #require(svg.circles["Warsaw"]), kyiv = try #require(svg.circles["Kyiv"])
        #expect(warsaw.x < kyiv.x, "Warsaw \(warsaw) should be west of Kyiv \(kyiv)")
        #expect(warsaw.y < kyiv.y, "Warsaw (52.23° N) should be north of Kyiv (50.45° N)")
        // The assets: covered and not covered in their own layers, Warsaw labelled once.
        let text = try String(contentsOfFile: dir.path + "/m.svg", encoding: .utf8)
        #expect(text.contains("DCW-GMT 2.1.1") && text.contains("GSHHG 2.3.7"))
        #expect(text.contains("polish-border vs dnipro"))
        #expect(text.contains("data-layer=\"assets_covered\"") && text.contains("data-layer=\"assets_not_covered\""))
        #expect(text.contains("Assets covered at 100 m") && text.contains("Assets not covered at 100 m"))
        #expect(text.components(separatedBy: ">Warsaw<").count - 1 == 1, "Warsaw labelled more than once")
        try Self.expectPNG(dir.path + "/m.png")
    }

    @Test func estoniaScenarioMap() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var args = ["incursions", "--quiet", "--scenario", "estonia-2025-09-19", "--map", dir.path + "/ee.svg"]
        args.append("--png")
        let r = try CLI.perimeter(args)
        // Exit 1 is a scenario check outside tolerance (e.g. GeoData without the territorial sea); the map is written first.
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        let svg = try MapSVG.parse(dir.path + "/ee.svg")
        let expected: Set = ["basemap", "airspace", "tracks", "inside", "marks", "places", "legend", "scalebar",
                             "graticule", "title", "attribution"]
        #expect(expected.isSubset(of: svg.ids), "missing: \(expected.subtracting(svg.ids))")
        let vaindloo = try #require(svg.circles["Vaindloo"]), tallinn = try #require(svg.circles["Tallinn"])
        #expect(vaindloo.y < tallinn.y, "Vaindloo \(vaindloo) should be north of Tallinn \(tallinn)")
        #expect(vaindloo.x > tallinn.x, "Vaindloo (26.36° E) should be east of Tallinn (24.75° E)")
        let text = try String(contentsOfFile: dir.path + "/ee.svg", encoding: .utf8)
        #expect(text.contains("Tracks (3)") && text.contains("Three MiG-31s"))
        try Self.expectPNG(dir.path + "/ee.png")
    }

    @Test func coverageMap() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Lublin"},"geometry":{"type":"Point","coordinates":[22.57,51.25]}},{"type":"Feature","properties":{"id":"Rzeszow"},"geometry":{"type":"Point","coordinates":[22.0,50.03]}}]}"#
        try Data(sites.utf8).write(to: dir.appendingPathComponent("sites.geojson"))
        let r = try CLI.perimeter(["coverage", dir.path + "/sites.geojson", "--range-km", "100", "--quiet",
                                   "-o", dir.path + "/cov.geojson", "--map", dir.path + "/cov.svg", "--map-title", "Two sites"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try MapSVG.parse(dir.path + "/cov.svg")
        #expect(["basemap", "coverage", "sites", "legend"].allSatisfy(svg.ids.contains))
        let text = try String(contentsOfFile: dir.path + "/cov.svg", encoding: .utf8)
        #expect(text.contains(">Two sites<") && text.contains("Sites (2, R = 100 km)"))
    }

    @Test func badMapFlags() throws {
        for args in [["compare", "--png"], ["compare", "--map", "x.png"], ["compare", "--map-bbox", "30,50,20,55", "--map", "x.svg"]] {
            let r = try CLI.perimeter(args)
            #expect(r.status != 0, "\(args) should fail")
            #expect(r.stderr.contains("--png") || r.stderr.contains("--map"), "\(args): \(r.stderr)")
        }
    }

    /// The feature count of each layer, from `ogrinfo -so -al`.
    static func featureCounts(_ path: String) throws -> [String: Int] {
        let r = try CLI.ogrinfo(path)
        #expect(r.status == 0, "ogrinfo \(path): \(r.stderr)")
        var counts: [String: Int] = [:]
        var layer: String?
        for line in r.stdout.split(separator: "\n") {
            if line.hasPrefix("Layer name: ") { layer = String(line.dropFirst("Layer name: ".count)) }
            if line.hasPrefix("Feature Count: "), let layer { counts[layer] = Int(line.dropFirst("Feature Count: ".count)) }
        }
        return counts
    }

    @Test func comparisonGeoPackageRoundTrip() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.perimeter(["compare", "--quiet", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".geojson") }.sorted()
        #expect(files.count >= 6)
        let render = try CLI.perimeter(["render"] + files.map { dir.path + "/" + $0 } + ["-o", dir.path + "/all.gpkg"])
        #expect(render.status == 0, "\(render.stderr)")
        let counts = try Self.featureCounts(dir.path + "/all.gpkg")
        #expect(counts.count == files.count, "\(counts)")
        for file in files {
            let name = String(file.dropLast(".geojson".count))
            let source = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(file))) as? [String: Any]
            let sourceCount = (source?["features"] as? [Any])?.count
            #expect(counts[name] == sourceCount, "\(name): gpkg \(String(describing: counts[name])) vs geojson \(String(describing: sourceCount))")
            let back = dir.path + "/back_\(name).geojson"
            let t = try CLI.run("/usr/bin/ogr2ogr", ["-f", "GeoJSON", back, dir.path + "/all.gpkg", name])
            #expect(t.status == 0, "ogr2ogr \(name): \(t.stderr)")
            let round = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: back))) as? [String: Any]
            #expect((round?["features"] as? [Any])?.count == counts[name], "\(name): round trip count")
        }
    }

    @Test func estoniaKMLReadsInGDAL() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.perimeter(["incursions", "--quiet", "--scenario", "estonia-2025-09-19", "-o", dir.path + "/ee.kml"])
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        let counts = try Self.featureCounts(dir.path + "/ee.kml")
        #expect(counts.keys.contains("incursions") && counts.keys.contains("entry_exit"), "\(counts)")
        let text = try String(contentsOfFile: dir.path + "/ee.kml", encoding: .utf8)
        #expect(text.contains("http://www.opengis.net/kml/2.2"))
    }
}
