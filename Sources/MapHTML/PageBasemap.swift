import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit

/// The context drawn under a page's results, from GeoData: the countries (DCW-GMT polygons, whose outlines
/// are the borders and coasts), a label for each country at the centre of the largest circle inside its
/// largest part (GEOS maximum inscribed circle), and the named places near the results.
///
/// The countries are simplified for display (GEOS topology-preserving simplification, ``toleranceDegrees``)
/// and written with 5 decimals (≈ 1 m): the basemap is context, never measured.
public struct PageBasemap: Sendable {
    public static let toleranceDegrees = 0.004
    public var countries: [Feature]
    public var labels: [(name: String, position: Coordinate)]
    public var places: [Feature]

    public init(countries: [Feature], labels: [(name: String, position: Coordinate)], places: [Feature]) {
        self.countries = countries
        self.labels = labels
        self.places = places
    }

    /// The basemap from `geodata` for a page of `layers` (the places are chosen as for the SVG maps).
    public static func load(geodata: String, for layers: [MapLayer]) throws -> PageBasemap {
        let countries = try GeoDataMapLayers.countries(geodata: geodata).collection.features
        let places = try GeoDataMapLayers.places(geodata: geodata, for: layers)?.collection.features ?? []
        let context = GEOSContext()
        var simplified: [Feature] = []
        var labels: [(String, Coordinate)] = []
        var labelled: Set<String> = []
        for f in countries {
            guard let g = f.geometry else { continue }
            let geos = try g.geosGeometry(context: context)
            let small = try geos.simplify(tolerance: toleranceDegrees)
            let name = f.properties["name"]?.stringValue ?? f.properties["iso2"]?.stringValue ?? ""
            var p = JSONObject()
            p["name"] = .string(name)
            if let iso = f.properties["iso2"] { p["iso2"] = iso }
            simplified.append(Feature(geometry: try GeoJSONGeometry(small), properties: p))
            let key = f.properties["iso2"]?.stringValue ?? name
            guard !name.isEmpty, !labelled.contains(key) else { continue }
            labelled.insert(key)
            if let at = try? labelPoint(geos) { labels.append((name, at)) }
        }
        return PageBasemap(countries: simplified, labels: labels, places: places)
    }

    /// The centre of the largest inscribed circle of the largest part.
    static func labelPoint(_ g: Geometry) throws -> Coordinate {
        let parts = try g.geometries
        var best = g
        var bestArea = 0.0
        for part in parts.isEmpty ? [g] : parts {
            let a = try part.area
            if a > bestArea { bestArea = a; best = part }
        }
        return try best.maximumInscribedCircle(tolerance: 0.02).center
    }

    var json: JSONValue {
        func feature(_ f: Feature) -> JSONValue? {
            guard let g = f.geometry else { return nil }
            var p = JSONObject()
            p["name"] = f.properties["name"] ?? .null
            if let kind = f.properties["kind"] { p["kind"] = kind }
            return .object(["type": "Feature", "geometry": .geometry(g), "properties": .object(p)])
        }
        return .object([
            "countries": .array(countries.compactMap(feature)),
            "labels": .array(labels.map { .array([.number($0.position.lon), .number($0.position.lat), .string($0.name)]) }),
            "places": .array(places.compactMap(feature)),
        ])
    }
}
