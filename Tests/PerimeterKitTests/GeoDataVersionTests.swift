import Foundation
import PerimeterTestSupport
import Testing
@testable import PerimeterKit

/// The data versions Perimeter names in its own outputs (airspace sources, map attribution) are the
/// ones GeoData was built from. tools/geodata writes the installed Debian package versions
/// (dpkg-query) into every feature's `source`; a rebuild on newer packages fails this test until
/// the names in the code follow.
@Suite struct GeoDataVersionTests {
    static let geoData = TestEnvironment.geoData

    /// The `source` of the first feature of a GeoData file.
    static func firstSource(_ file: String) throws -> String {
        let data = try Data(contentsOf: geoData.appendingPathComponent(file))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((root["features"] as? [[String: Any]])?.first)
        return try #require((first["properties"] as? [String: Any])?["source"] as? String, "\(file): no source")
    }

    /// "DCW-GMT 2.1.1" out of "DCW-GMT 2.1.1 via gmt coast -E".
    static func dataset(_ name: String, in source: String) throws -> String {
        let words = source.split(separator: " ")
        let i = try #require(words.firstIndex { $0 == name }, "\(source): no \(name)")
        return "\(name) \(words[i + 1])"
    }

    @Test func codeNamesTheVersionsGeoDataWasBuiltFrom() throws {
        let dcw = try Self.dataset("DCW-GMT", in: Self.firstSource("countries.geojson"))
        let gshhg = try Self.dataset("GSHHG", in: Self.firstSource("land.geojson"))
        #expect(Airspace.sources[0].hasPrefix(dcw + " "), "\(Airspace.sources[0]) vs GeoData \(dcw)")
        #expect(Airspace.sources[1].hasPrefix(gshhg + " "), "\(Airspace.sources[1]) vs GeoData \(gshhg)")
        #expect(MapRenderer.Options.geoDataAttribution.contains(dcw + ";"), "\(MapRenderer.Options.geoDataAttribution) vs \(dcw)")
        #expect(MapRenderer.Options.geoDataAttribution.contains(gshhg + " "), "\(MapRenderer.Options.geoDataAttribution) vs \(gshhg)")
        let readme = try String(contentsOf: Self.geoData.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("**\(dcw)**") && readme.contains("**\(gshhg),"), "GeoData/README.md names other versions")
    }
}
