import Foundation
import Testing
@testable import GeoJSON

/// Our output must open in GDAL (and so in QGIS): `ogrinfo` reads it with the right feature count.
@Suite struct GDALCompatibilityTests {
    static let ogrinfo = "/usr/bin/ogrinfo"

    static let collection = FeatureCollection(features: [
        Feature(id: 1, geometry: .point(Position(lon: 21.0122, lat: 52.2297)), properties: ["name": "Warsaw", "range_km": 40.5]),
        Feature(id: 2, geometry: .polygon([ring([(170, 0), (190, 0), (190, 10), (170, 10)])]), properties: ["name": "across"]),
        Feature(id: 3, geometry: .lineString([Position(lon: 179, lat: 0), Position(lon: -179, lat: 2)]), properties: ["name": "line"]),
        Feature(id: 4, geometry: .polygon([ring([(0, 0), (0, 10), (10, 10), (10, 0)]), ring([(2, 2), (4, 2), (4, 4), (2, 4)])]), properties: [:]),
        Feature(id: 5, geometry: nil, properties: ["name": "nowhere", "note": nil]),
    ])

    // ogrinfo is required (make test-deps installs gdal-bin): when missing, run() throws and the test fails.
    @Test(arguments: [GeoJSONWriter.Layout.compact, .featurePerLine, .indented])
    func ogrinfoReadsOurOutput(layout: GeoJSONWriter.Layout) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/sites.geojson"
        try GeoJSONWriter(layout: layout, bbox: .collectionAndFeatures).write(Self.collection, to: path)
        let (status, output) = try run(Self.ogrinfo, ["-al", "-so", path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("Feature Count: 5"), "\(output)")
        #expect(output.contains("name: String"), "\(output)")
        #expect(output.contains("range_km: Real"), "\(output)")
        // GDAL's own reading of the cut polygon: two parts, all longitudes within range.
        let (_, full) = try run(Self.ogrinfo, ["-al", "-q", "-where", "name = 'across'", path])
        #expect(full.contains("MULTIPOLYGON (((180 10,170 10,170 0,180 0,180 10)),((-180 0,-170 0,-170 10,-180 10,-180 0)))"), "\(full)")
        #expect(RFC7946Validator.problems(in: try Data(contentsOf: URL(fileURLWithPath: path))).isEmpty)
    }

    @Test
    func ogrinfoRejectsBrokenJSONSoTheCheckCanFail() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/broken.geojson"
        try Data("{\"type\":\"FeatureCollection\",\"features\":[".utf8).write(to: URL(fileURLWithPath: path))
        let (status, _) = try run(Self.ogrinfo, ["-al", "-so", path])
        #expect(status != 0)
    }
}
