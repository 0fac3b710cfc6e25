import Foundation
import Testing
@testable import GeoJSON

/// Every malformed input gives one line naming the file, the JSON path and the problem.
@Suite struct ReaderErrorTests {
    func readError(_ text: String) -> String? {
        errorText { _ = try GeoJSONReader.read(text, source: "sites.geojson") }
    }

    @Test func malformedJSONGivesLineAndColumn() {
        let text = "{\"type\": \"FeatureCollection\",\n \"features\": [}"
        #expect(readError(text) == "sites.geojson: line 2, column 15: malformed JSON: unexpected '}', expected a value")
    }

    @Test func truncatedJSON() {
        #expect(readError("{\"type\": \"Feature\"") == "sites.geojson: line 1, column 19: malformed JSON: unexpected end of input, expected ',' or '}'")
    }

    @Test func emptyDocumentAndEmptyObject() {
        #expect(readError("  \n") == "sites.geojson: the document is empty")
        #expect(readError("{}") == "sites.geojson: the top-level object is empty")
        #expect(readError("[1, 2]") == "sites.geojson: expected a GeoJSON object at the top level, found an array")
    }

    @Test func unknownGeometryType() {
        let text = collectionJSON(geometry: #"{"type": "Circle", "coordinates": [0, 0]}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.type: unknown GeoJSON type \"Circle\" (expected one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)")
    }

    @Test func featureWhereAGeometryBelongs() {
        let text = collectionJSON(geometry: #"{"type": "Feature", "geometry": null}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.type: expected a geometry type, found \"Feature\"")
    }

    @Test func infiniteCoordinateFrom1e999() {
        let text = collectionJSON(geometry: #"{"type": "Point", "coordinates": [1e999, 0]}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.coordinates[0]: longitude is not a finite number (inf)")
    }

    @Test func nanAsAString() {
        let text = collectionJSON(geometry: #"{"type": "Point", "coordinates": [10, "NaN"]}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.coordinates[1]: expected a number (latitude), found a string (\"NaN\")")
    }

    @Test func latitudeOutOfRange() {
        let text = collectionJSON(geometry: #"{"type": "LineString", "coordinates": [[0, 0], [1, 95]]}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.coordinates[1][1]: latitude 95 is outside [-90, 90]")
    }

    @Test func unclosedRing() {
        let text = collectionJSON(geometry: #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.coordinates[0]: polygon ring is not closed: first position [0.0, 0.0] differs from last [0.0, 1.0]")
    }

    @Test func ringWithTooFewPositions() {
        let text = collectionJSON(geometry: #"{"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0], [1, 1], [0, 0]]]]}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.coordinates[1][0]: a polygon ring needs at least 4 positions (closed), found 3")
    }

    @Test func missingCoordinates() {
        let text = collectionJSON(geometry: #"{"type": "Point"}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry: Point has no \"coordinates\" member")
    }

    @Test func wrongNestingNamesThePosition() {
        // The fourth feature's ring holds a bare number where a position belongs.
        let good = #"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": null}"#
        let bad = #"{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], 7, [0, 0]]]}, "properties": {}}"#
        let text = #"{"type": "FeatureCollection", "features": [\#(good), \#(good), \#(good), \#(bad)]}"#
        #expect(readError(text) == "sites.geojson: features[3].geometry.coordinates[0][2]: expected [lon, lat], found a number")
    }

    @Test func polygonOneLevelTooShallow() {
        let text = collectionJSON(geometry: #"{"type": "Polygon", "coordinates": [[0, 0], [1, 0], [1, 1], [0, 0]]}"#)
        #expect(readError(text) == "sites.geojson: features[0].geometry.coordinates[0][0]: expected [lon, lat], found a number")
    }

    @Test func featureWithoutGeometryMemberAndBadProperties() {
        #expect(readError(#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]}"#)
            == "sites.geojson: features[0]: Feature has no \"geometry\" member (use null for a feature without a location)")
        #expect(readError(collectionJSON(geometry: "null", properties: "[1]"))
            == "sites.geojson: features[0].properties: expected an object or null, found an array")
    }

    @Test func missingFileIsNamed() {
        let message = errorText { _ = try GeoJSONReader.read(contentsOf: "/nonexistent/sites.geojson") }
        #expect(message == "/nonexistent/sites.geojson: cannot read the file: No such file or directory")
        let dir = NSTemporaryDirectory()
        #expect(errorText { _ = try GeoJSONReader.read(contentsOf: dir) } == "\(dir): cannot read the file: Is a directory")
    }

    @Test func errorsCarryStructuredFields() throws {
        do {
            _ = try GeoJSONReader.read(collectionJSON(geometry: #"{"type": "Point", "coordinates": [0, -91]}"#), source: "a.geojson")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "a.geojson")
            #expect(error.path == "features[0].geometry.coordinates[1]")
            #expect(error.message == "latitude -91 is outside [-90, 90]")
        }
    }
}

@Suite struct ReaderRobustnessTests {
    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(errorText { _ = try GeoJSONReader.read(text, source: "deep.json") }
            == "deep.json: line 1, column 513: malformed JSON: nesting deeper than 512 levels")
    }

    @Test func stringsEscapesAndByteOrderMark() throws {
        let text = "\u{FEFF}" + #"{"type": "Feature", "geometry": null, "properties": {"n": "a\u00e9\ud83d\ude80\n\"/"}}"#
        let c = try GeoJSONReader.read(text)
        #expect(c.features[0].properties["n"] == .string("aé🚀\n\"/"))
        #expect(errorText { _ = try GeoJSONReader.read("{\"a\": \"x\ty\"}") }
            == "line 1, column 9: malformed JSON: control character (byte 9) inside a string; escape it")
        #expect(errorText { _ = try GeoJSONReader.read("{\"a\": 01}") } == "line 1, column 8: malformed JSON: invalid number: leading zero")
    }

    @Test func largeCollectionReadsAndWritesBack() throws {
        let features = (0..<2000).map { i in
            Feature(id: .integer(i), geometry: .lineString((0..<20).map { j in Position(lon: Double(i % 300) - 150 + Double(j) * 0.25, lat: Double(j) * 0.5 - 5) }),
                    properties: ["i": .integer(i), "label": .string("track \(i)")])
        }
        let c = FeatureCollection(features: features)
        let data = try GeoJSONWriter().encode(c)
        #expect(try GeoJSONReader.read(data) == c)
    }
}
