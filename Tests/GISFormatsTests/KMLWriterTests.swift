import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoJSON
import Testing
@testable import GISFormats

/// Collects element names, namespaces and text of an XML document.
final class XMLSummary: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var rootNamespace: String?
    var texts: [String: [String]] = [:]
    private var current = ""
    private var path: [String] = []

    static func parse(_ data: Data) -> (XMLSummary, Bool, String?) {
        let parser = XMLParser(data: data)
        let summary = XMLSummary()
        parser.delegate = summary
        parser.shouldProcessNamespaces = true
        let ok = parser.parse()
        return (summary, ok, parser.parserError.map { "\($0)" })
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if elements.isEmpty { rootNamespace = namespaceURI }
        elements.append(qName ?? elementName)
        path.append(qName ?? elementName)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        texts[qName ?? elementName, default: []].append(current)
        current = ""
        path.removeLast()
    }
}

@Suite struct KMLWriterTests {
    static let t0 = Date(timeIntervalSince1970: 1_714_564_800) // 2024-05-01T12:00:00Z
    static let track = FeatureCollection(features: [
        Feature(geometry: .lineString([Position(lon: 23.5, lat: 52.0, altitude: 150), Position(lon: 23.9, lat: 52.1, altitude: 160),
                                       Position(lon: 24.3, lat: 52.3, altitude: 170)]),
                properties: ["name": "T-1 <drone> & co"]),
    ])
    static let inside = FeatureCollection(features: [
        Feature(geometry: .lineString([Position(lon: 23.9, lat: 52.1), Position(lon: 24.1, lat: 52.2)]),
                properties: ["name": "inside 1", "inside": true, "entry_time": "2024-05-01T12:00:30Z", "exit_time": "2024-05-01T12:01:10Z"]),
    ])

    static var layers: [KMLLayer] {
        [
            KMLLayer(name: "coverage", collection: Fixtures.areas, style: .coverage),
            KMLLayer(name: "lines", collection: Fixtures.lines, style: .line),
            KMLLayer(name: "sites", collection: Fixtures.sites, style: .point),
            KMLLayer(name: "tracks", collection: track, style: .track,
                     vertexTimes: [0: [t0, t0.addingTimeInterval(30), t0.addingTimeInterval(60.5)]]),
            KMLLayer(name: "inside", collection: inside, style: .incursion),
        ]
    }

    @Test func parsesAsKML22() throws {
        let data = try KMLWriter().encode(Self.layers)
        let (summary, ok, error) = XMLSummary.parse(data)
        #expect(ok, "\(error ?? "")")
        #expect(summary.elements.first == "kml")
        #expect(summary.rootNamespace == "http://www.opengis.net/kml/2.2")
        #expect(summary.elements.filter { $0 == "Folder" }.count == 5)
        #expect(summary.elements.filter { $0 == "Placemark" }.count == 9)
        #expect(summary.elements.filter { $0 == "gx:Track" }.count == 1)
        #expect(summary.texts["when"] == ["2024-05-01T12:00:00Z", "2024-05-01T12:00:30Z", "2024-05-01T12:01:00.500Z"])
        #expect(summary.texts["gx:coord"]?.first == "23.5 52 150")
        #expect(summary.texts["name"]?.contains("T-1 <drone> & co") == true)
        #expect(summary.texts["name"]?.contains("Kyiv \"Київ\" <&>") == true)
        #expect(summary.texts["begin"] == ["2024-05-01T12:00:30Z"])
        #expect(summary.texts["end"] == ["2024-05-01T12:01:10Z"])
        #expect(summary.texts["styleUrl"]?.last == "#layer4-highlight")
        #expect(summary.elements.filter { $0 == "innerBoundaryIs" }.count == 3)
        // Coverage fill 30 % opaque blue: aabbggrr.
        #expect(summary.texts["color"]?.contains("4dc85a1e") == true)
    }

    @Test func ogrinfoReadsLayersAndFeatures() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/perimeter.kml"
        try KMLWriter().write(Self.layers, to: path)
        let (status, out) = try run(ogrinfo, ["-al", "-so", path])
        #expect(status == 0, "\(out)")
        for (layer, count) in [("coverage", 2), ("lines", 2), ("sites", 3), ("tracks", 1), ("inside", 1)] {
            let section = out.components(separatedBy: "Layer name: \(layer)\n").dropFirst().first ?? ""
            #expect(section.contains("Feature Count: \(count)"), "\(layer): \(out)")
        }
        let (_, full) = try run(ogrinfo, ["-q", "-al", path, "sites"])
        #expect(full.contains("POINT (21.0122 52.2297"), "\(full)")
    }

    @Test func errorsNameLayerAndFeature() throws {
        var bad = Self.layers
        bad[3].vertexTimes = [0: [Self.t0]]
        let error = #expect(throws: GISFormatsError.self) { try KMLWriter().encode(bad) }
        #expect(error?.description == "layer 'tracks': feature 0: 1 times for 3 positions")
    }

    @Test func failingWriteLeavesTheExistingFileUntouched() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.kml"
        try KMLWriter().write(Self.layers, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var bad = Fixtures.sites
        bad.features[0].properties["x"] = .number(.infinity)
        #expect(throws: GISFormatsError.self) { try KMLWriter().write([KMLLayer(name: "s", collection: bad)], to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func colourAndEscaping() {
        #expect(KMLColor(red: 0x11, green: 0x22, blue: 0x33, alpha: 0x44).kmlHex == "44332211")
        #expect(XMLText.escaped("a<b>&\"c'\u{1}") == "a&lt;b&gt;&amp;&quot;c&apos;")
        #expect(NumberText.fixed(1e-10, decimals: 9) == "0")
        #expect(NumberText.fixed(-0.0000000004, decimals: 9) == "0")
        #expect(NumberText.fixed(21.0122, decimals: 9) == "21.0122")
    }
}
