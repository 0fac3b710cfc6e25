import Foundation
import GeoJSON
import GISFormats
import PerimeterTestSupport

/// A fresh temporary directory for one test.
func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "gisformats-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Runs a program, returning its exit status and standard output + error.
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let r = try ProcessRunner.run(executable, arguments, output: .mergedWithStandardError)
    return (r.status, r.stdout)
}

/// Ring through (lon, lat) pairs, closed automatically.
func ring(_ pairs: [(Double, Double)]) -> [Position] {
    var r = pairs.map { Position(lon: $0.0, lat: $0.1) }
    if r.first != r.last { r.append(r[0]) }
    return r
}

let ogrinfo = "/usr/bin/ogrinfo"
let ogr2ogr = "/usr/bin/ogr2ogr"

/// Three layers: points with mixed property types, lines, multipolygons with holes (exteriors
/// counter-clockwise, holes clockwise, as RFC 7946 writes them).
enum Fixtures {
    static let sites = FeatureCollection(features: [
        Feature(geometry: .point(Position(lon: 21.0122, lat: 52.2297)),
                properties: ["name": "Warsaw", "range_km": 40.5, "count": 3, "active": true,
                             "tags": ["a", "b"], "meta": ["k": 1], "note": nil]),
        Feature(geometry: .point(Position(lon: 30.5234, lat: 50.4501)),
                properties: ["name": "Kyiv \"Київ\" <&>", "range_km": 12, "count": -7, "active": false, "note": "o'clock"]),
        Feature(geometry: .point(Position(lon: 24.7536, lat: 59.437)),
                properties: ["name": "Tallinn", "range_km": 0.125, "count": 0, "active": true]),
    ])
    static let lines = FeatureCollection(features: [
        Feature(geometry: .lineString([Position(lon: 14.1, lat: 52.9), Position(lon: 19.2, lat: 50.1), Position(lon: 24.0, lat: 50.4)]),
                properties: ["name": "west"]),
        Feature(geometry: .lineString([Position(lon: 30.5, lat: 50.4), Position(lon: 35.0, lat: 48.5)]),
                properties: ["name": "dnipro"]),
    ])
    static let areas = FeatureCollection(features: [
        Feature(geometry: .multiPolygon([
            [ring([(14, 49), (24, 49), (24, 55), (14, 55)]), ring([(16, 50), (16, 51), (18, 51), (18, 50)])],
            [ring([(25, 58), (28, 58), (28, 60), (25, 60)])],
        ]), properties: ["name": "north", "area_km2": 123456.75]),
        Feature(geometry: .multiPolygon([
            [ring([(22, 44), (40, 44), (40, 52), (22, 52)]), ring([(30, 46), (30, 48), (33, 48), (33, 46)]),
             ring([(35, 49), (35, 50), (37, 50), (37, 49)])],
        ]), properties: ["name": "east", "area_km2": 99]),
    ])
    static let layers = [
        GISLayer(name: "sites", collection: sites),
        GISLayer(name: "lines", collection: lines),
        GISLayer(name: "areas", collection: areas),
    ]
}
