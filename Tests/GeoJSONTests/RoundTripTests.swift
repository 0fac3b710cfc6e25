import Foundation
import Testing
@testable import GeoJSON
import GeometryCore

/// Every geometry type survives writing and reading back (already in RFC 7946 form, so unchanged).
@Suite struct RoundTripTests {
    static let square = ring([(0, 0), (10, 0), (10, 10), (0, 10)])
    static let hole = ring([(2, 2), (2, 4), (4, 4), (4, 2)])  // clockwise

    static let geometries: [GeoJSONGeometry] = [
        .point(Position(lon: 21.0122, lat: 52.2297)),
        .point(Position(lon: -0.5, lat: 51.25, altitude: 120.5)),
        .multiPoint([Position(lon: 1, lat: 2), Position(lon: 3, lat: 4)]),
        .lineString([Position(lon: 14.1, lat: 53.9), Position(lon: 24.1, lat: 50.8), Position(lon: 23.5, lat: 49.0)]),
        .multiLineString([[Position(lon: 0, lat: 0), Position(lon: 1, lat: 1)], [Position(lon: 2, lat: 2), Position(lon: 3, lat: 1)]]),
        .polygon([square, hole]),
        .multiPolygon([[square], [ring([(20, 20), (30, 20), (30, 30)])]]),
        .geometryCollection([.point(Position(lon: 5, lat: 5)), .lineString([Position(lon: 0, lat: 0), Position(lon: 5, lat: 5)])]),
        .multiPoint([]),
    ]

    @Test(arguments: geometries)
    func geometryRoundTrips(_ geometry: GeoJSONGeometry) throws {
        let collection = FeatureCollection(features: [Feature(id: "a", geometry: geometry, properties: ["name": "x"])])
        for layout in [GeoJSONWriter.Layout.compact, .featurePerLine, .indented] {
            let data = try GeoJSONWriter(layout: layout).encode(collection)
            let back = try GeoJSONReader.read(data)
            #expect(back == collection, "layout \(layout): \(String(decoding: data, as: UTF8.self))")
            #expect(RFC7946Validator.problems(in: data).isEmpty)
        }
    }

    @Test func featureIdsPropertiesAndNullGeometry() throws {
        let properties: JSONObject = [
            "zeta": "last-inserted-first", "alpha": 1, "range_km": 312.5, "active": true, "note": nil,
            "bands": [1, 2.5, "x"], "nested": ["b": 1, "a": ["deep": false]], "text": "quote \" backslash \\ tab \t é ✈",
        ]
        let collection = FeatureCollection(features: [
            Feature(id: .integer(7), geometry: nil, properties: properties),
            Feature(id: .number(2.5), geometry: .point(Position(lon: 1, lat: 1))),
            Feature(id: "site-3", geometry: nil),
        ])
        let data = try GeoJSONWriter().encode(collection)
        let back = try GeoJSONReader.read(data)
        #expect(back == collection)
        #expect(back.features[0].properties.keys == ["zeta", "alpha", "range_km", "active", "note", "bands", "nested", "text"])
        #expect(back.features[0].properties["range_km"]?.doubleValue == 312.5)
        #expect(back.features[0].properties["nested"]?["a"]?["deep"] == .bool(false))
        #expect(back.features[0].properties["bands"]?[2]?.stringValue == "x")
    }

    @Test func topLevelFeatureAndBareGeometryAreWrapped() throws {
        let feature = try GeoJSONReader.read(#"{"type": "Feature", "id": 3, "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"a": 1}}"#)
        #expect(feature.features == [Feature(id: 3, geometry: .point(Position(lon: 1, lat: 2)), properties: ["a": 1])])
        let bare = try GeoJSONReader.read(#"{"type": "LineString", "coordinates": [[1, 2], [3, 4, 5]], "crs": {"type": "name"}}"#)
        #expect(bare.features == [Feature(geometry: .lineString([Position(lon: 1, lat: 2), Position(lon: 3, lat: 4, altitude: 5)]))])
    }

    @Test func longitudesOutsideRangeAreNormalisedOnReading() throws {
        let c = try GeoJSONReader.read(#"{"type": "MultiPoint", "coordinates": [[190, 1], [-200, 2], [180, 3], [-180, 4], [540, 5]]}"#)
        #expect(c.features[0].geometry == .multiPoint([
            Position(lon: -170, lat: 1), Position(lon: 160, lat: 2), Position(lon: 180, lat: 3),
            Position(lon: -180, lat: 4), Position(lon: -180, lat: 5),
        ]))
    }

    @Test func codableRoundTripThroughJSONEncoder() throws {
        let collection = FeatureCollection(features: [
            Feature(id: "p", geometry: .polygon([Self.square, Self.hole]), properties: ["n": 1, "s": "t"]),
            Feature(geometry: nil),
        ])
        let data = try JSONEncoder().encode(collection)
        let back = try JSONDecoder().decode(FeatureCollection.self, from: data)
        #expect(back.features.count == 2)
        #expect(back.features[0].geometry == collection.features[0].geometry)
        #expect(back.features[0].properties["s"] == "t")
        // Decoding applies the same checks as the reader.
        let bad = Data(#"{"type": "Point", "coordinates": [0, 100]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GeoJSONGeometry.self, from: bad) }
    }
}

@Suite struct CoordinateConvenienceTests {
    @Test func buildFromCoordinates() {
        let square = [Coordinate(lon: 0, lat: 0), Coordinate(lon: 1, lat: 0), Coordinate(lon: 1, lat: 1), Coordinate(lon: 0, lat: 1)]
        let g = GeoJSONGeometry.polygon(exterior: square)
        #expect(g == .polygon([ring([(0, 0), (1, 0), (1, 1), (0, 1)])]))
        #expect(g.coordinates.count == 5)
        #expect(GeoJSONGeometry.point(coordinate: square[2]) == .point(Position(lon: 1, lat: 1)))
        #expect(GeoJSONGeometry.lineString(coordinates: square).typeName == "LineString")
    }
}
