import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoJSON
import GeometryCore
import Testing
@testable import PerimeterKit

/// Collects element ids and the attributes of elements carrying `data-name`.
final class SVGSummary: NSObject, XMLParserDelegate {
    var rootName: String?
    var ids: [String] = []
    var named: [(element: String, name: String, attributes: [String: String])] = []

    static func parse(_ text: String) -> (SVGSummary, Bool) {
        let parser = XMLParser(data: Data(text.utf8))
        let s = SVGSummary()
        parser.delegate = s
        return (s, parser.parse())
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if rootName == nil { rootName = elementName }
        if let id = attributes["id"] { ids.append(id) }
        if let name = attributes["data-name"] { named.append((elementName, name, attributes)) }
    }

    func circle(_ name: String) -> (x: Double, y: Double)? {
        guard let c = named.first(where: { $0.element == "circle" && $0.name == name }),
              let x = c.attributes["cx"].flatMap(Double.init), let y = c.attributes["cy"].flatMap(Double.init) else { return nil }
        return (x, y)
    }
}

private func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> [Position] {
    [Position(lon: w, lat: s), Position(lon: e, lat: s), Position(lon: e, lat: n), Position(lon: w, lat: n), Position(lon: w, lat: s)]
}

/// A small synthetic scene: fake Poland and Ukraine, a coverage polygon with a hole, a line, four cities.
enum Scene {
    static let basemap = FeatureCollection(features: [
        Feature(geometry: .polygon([[Position(lon: 14.1, lat: 54.0), Position(lon: 14.6, lat: 50.9), Position(lon: 18.8, lat: 49.5),
                                     Position(lon: 22.6, lat: 49.1), Position(lon: 24.1, lat: 50.8), Position(lon: 23.5, lat: 54.0),
                                     Position(lon: 18.5, lat: 54.8), Position(lon: 14.1, lat: 54.0)]]),
                properties: ["name": "Poland", "iso2": "PL"]),
        Feature(geometry: .multiPolygon([
            [[Position(lon: 24.1, lat: 50.8), Position(lon: 22.6, lat: 49.1), Position(lon: 22.9, lat: 48.0), Position(lon: 28.0, lat: 45.5),
              Position(lon: 33.5, lat: 46.0), Position(lon: 40.0, lat: 47.8), Position(lon: 40.2, lat: 49.6), Position(lon: 35.5, lat: 52.3),
              Position(lon: 30.5, lat: 51.5), Position(lon: 24.1, lat: 50.8)]],
            [box(33.0, 44.5, 36.0, 45.8)],
        ]), properties: ["name": "Ukraine", "iso2": "UA"]),
        Feature(geometry: .polygon([box(23.5, 57.5, 28.0, 59.7)]), properties: ["name": "Estonia", "iso2": "EE"]),
    ])
    static let coverage = FeatureCollection(features: [
        Feature(geometry: .polygon([box(19.5, 51.5, 22.5, 53.0), box(20.5, 52.0, 21.5, 52.5)]), properties: ["name": "Warsaw belt"]),
    ])
    static let lines = FeatureCollection(features: [
        Feature(geometry: .lineString([Position(lon: 23.2, lat: 54.0), Position(lon: 24.0, lat: 51.0), Position(lon: 22.7, lat: 49.1)]),
                properties: ["name": "eastern border"]),
    ])
    static let sites = FeatureCollection(features: [
        Feature(geometry: .point(Position(lon: 21.0122, lat: 52.2297)), properties: ["name": "Warsaw"]),
        Feature(geometry: .point(Position(lon: 30.5234, lat: 50.4501)), properties: ["name": "Kyiv"]),
        Feature(geometry: .point(Position(lon: 24.7536, lat: 59.437)), properties: ["name": "Tallinn"]),
        Feature(geometry: .point(Position(lon: 26.3583, lat: 59.8167)), properties: ["name": "Vaindloo"]),
    ])
    static let marks = FeatureCollection(features: [
        Feature(geometry: .point(Position(lon: 23.9, lat: 52.1)), properties: ["kind": "entry", "name": "entry 1"]),
        Feature(geometry: .point(Position(lon: 22.0, lat: 52.6)), properties: ["kind": "exit", "name": "exit 1"]),
    ])
    static let layers = [
        MapLayer(name: "countries", role: .basemap, collection: basemap),
        MapLayer(name: "coverage_pl", role: .coverage, collection: coverage),
        MapLayer(name: "eastern_line", role: .lines, collection: lines),
        MapLayer(name: "sites", role: .sites, collection: sites),
        MapLayer(name: "entry_exit", role: .marks, collection: marks),
    ]
    static let options = MapRenderer.Options(title: "Test scene <PL & UA>", attribution: "Borders: DCW-GMT; coasts: GSHHG (LGPL-3+)")
}

@Suite struct MapRendererTests {
    @Test func svgStructureAndOrientation() throws {
        let svg = try MapRenderer(options: Scene.options).render(Scene.layers)
        let (summary, ok) = SVGSummary.parse(svg)
        #expect(ok)
        #expect(summary.rootName == "svg")
        for id in ["basemap", "coverage", "lines", "sites", "marks", "legend", "scalebar", "graticule", "title", "attribution", "labels", "map-clip"] {
            #expect(summary.ids.contains(id), "missing group \(id)")
        }
        let warsaw = try #require(summary.circle("Warsaw")), kyiv = try #require(summary.circle("Kyiv"))
        let tallinn = try #require(summary.circle("Tallinn")), vaindloo = try #require(summary.circle("Vaindloo"))
        #expect(warsaw.x < kyiv.x, "Warsaw west of Kyiv")
        #expect(vaindloo.y < tallinn.y, "Vaindloo north of Tallinn (SVG y grows downwards)")
        #expect(tallinn.y < warsaw.y, "Tallinn north of Warsaw")
        for bad in ["nan", "inf", "NaN", "Inf"] { #expect(!svg.contains(bad), "\(bad) in SVG") }
        #expect(svg.contains("Borders: DCW-GMT; coasts: GSHHG (LGPL-3+)"))
        #expect(svg.contains("Test scene &lt;PL &amp; UA&gt;"))
        #expect(svg.contains("fill-rule=\"evenodd\""))
        // Country labels for the main countries.
        let labels = summary.named.filter { $0.element == "text" }.map(\.name)
        #expect(labels.contains("Poland") && labels.contains("Ukraine"), "\(labels)")
        // Coordinates rounded to 0.1 px.
        let numbers = svg.split(whereSeparator: { !"0123456789.-".contains($0) }).filter { $0.contains(".") && $0.first != "." }
        #expect(numbers.allSatisfy { ($0.split(separator: ".").last?.count ?? 0) <= 2 })
        // Deterministic.
        #expect(try MapRenderer(options: Scene.options).render(Scene.layers) == svg)
    }

    /// The projection really is EPSG:3035: the Warsaw→Kyiv pixel vector matches pyproj-independent PROJ metres.
    @Test func pixelsFollowTheProjectedMetres() throws {
        let svg = try MapRenderer(options: Scene.options).render(Scene.layers)
        let (summary, _) = SVGSummary.parse(svg)
        let t = try Transformer(from: "EPSG:4326", to: "EPSG:3035")
        let a = try t.transform(Coordinate(lon: 21.0122, lat: 52.2297)), b = try t.transform(Coordinate(lon: 30.5234, lat: 50.4501))
        let w = try #require(summary.circle("Warsaw")), k = try #require(summary.circle("Kyiv"))
        let scale = (k.x - w.x) / (b.x - a.x)
        #expect(abs((w.y - k.y) - (b.y - a.y) * scale) < 0.3, "north-up flip with one scale for x and y")
    }

    @Test func scaleBarIsARoundGeodesicLength() throws {
        #expect(MapScaleBar.roundLength(atMost: 273_000) == 200_000)
        #expect(MapScaleBar.roundLength(atMost: 73_000) == 50_000)
        #expect(MapScaleBar.roundLength(atMost: 1_900) == 1_000)
        let svg = try MapRenderer(options: Scene.options).render(Scene.layers)
        #expect(svg.contains("data-length-m=\"200000\"") || svg.contains("data-length-m=\"100000\"") || svg.contains("data-length-m=\"500000\""))
        #expect(MapGraticule.step(forSpan: 6) == 1 && MapGraticule.step(forSpan: 15) == 2 && MapGraticule.step(forSpan: 30) == 5)
    }

    @Test func explicitBBoxAndOtherCRS() throws {
        var options = Scene.options
        options.bbox = BoundingBox(west: 18, south: 50, east: 25, north: 54)
        options.crs = "EPSG:2180"
        let svg = try MapRenderer(options: options).render(Scene.layers)
        let (summary, ok) = SVGSummary.parse(svg)
        #expect(ok)
        #expect(summary.circle("Warsaw") != nil)
        #expect(summary.circle("Kyiv") == nil, "Kyiv lies outside the box")
        options.bbox = BoundingBox(west: 25, south: 50, east: 18, north: 54)
        #expect(throws: MapError.self) { try MapRenderer(options: options).render(Scene.layers) }
        #expect(throws: (any Error).self) { try MapRenderer(options: MapRenderer.Options(crs: "EPSG:999999")).render(Scene.layers) }
        #expect(throws: MapError.self) { try MapRenderer().render([]) }
    }

    @Test func pointsThatCannotBeProjectedAreSkipped() throws {
        // The antipode of the LAEA centre (52°N 10°E) cannot be projected.
        var layers = Scene.layers
        layers.append(MapLayer(name: "odd", role: .tracks, collection: FeatureCollection(features: [
            Feature(geometry: .lineString([Position(lon: 21, lat: 52), Position(lon: -170, lat: -52), Position(lon: 22, lat: 53)])),
            Feature(geometry: .point(Position(lon: -170, lat: -52)), properties: ["name": "antipode"]),
        ])))
        var options = Scene.options
        options.bbox = BoundingBox(west: 14, south: 44, east: 41, north: 61)
        let svg = try MapRenderer(options: options).render(layers)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(SVGSummary.parse(svg).0.circle("antipode") == nil)
        #expect(throws: MapError.self) { _ = try SVGText.number(.nan) }
        #expect(throws: MapError.self) { _ = try SVGText.number(-.infinity) }
        #expect(try SVGText.number(12.04) == "12" && SVGText.number(-3.45) == "-3.5" && SVGText.number(-0.01) == "0")
    }

    /// rsvg-convert is required (make test-deps installs it): when missing, png(...) throws and the test fails.
    @Test func pngThroughRsvgConvert() throws {
        let dir = NSTemporaryDirectory() + "map-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["PERIMETER_KEEP_MAPS"] == nil { try? FileManager.default.removeItem(atPath: dir) } }
        let svgPath = dir + "/scene.svg", pngPath = dir + "/scene.png"
        try MapRenderer(options: Scene.options).write(Scene.layers, to: svgPath)
        try SVGRasterizer.png(svgPath: svgPath, pngPath: pngPath, width: 800)
        let png = try Data(contentsOf: URL(fileURLWithPath: pngPath))
        #expect(png.count > 1000)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Width as asked: IHDR width is bytes 16..<20, big-endian.
        #expect(png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 800)
        let error = #expect(throws: MapError.self) { try SVGRasterizer.png(svgPath: dir + "/missing.svg", pngPath: dir + "/x.png", width: 100) }
        #expect(error?.description.contains("rsvg-convert failed") == true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.png"))
    }

    @Test func roleGuessing() {
        #expect(MapLayerRole.guess(from: "out/coverage_pl.geojson") == .coverage)
        #expect(MapLayerRole.guess(from: "dnipro_line.geojson") == .lines)
        #expect(MapLayerRole.guess(from: "sites.geojson") == .sites)
        #expect(MapLayerRole.guess(from: "gaps.geojson") == .gaps)
        #expect(MapLayerRole.guess(from: "tracks_day1.geojson") == .tracks)
        #expect(MapLayerRole.guess(from: "inside.geojson") == .inside)
        #expect(MapLayerRole.guess(from: "entry_points.geojson") == .marks)
        #expect(MapLayerRole.guess(from: "exit.geojson") == .marks)
        #expect(MapLayerRole.guess(from: "countries.geojson") == .basemap)
        #expect(MapLayerRole.guess(from: "random.geojson") == nil)
    }
}
