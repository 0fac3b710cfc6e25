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

    /// The basemap from `geodata` for a page of `layers` (the places are chosen as for the SVG maps; a country
    /// is labelled inside its part near the layers, so the label is where the page opens).
    public static func load(geodata: String, for layers: [MapLayer]) throws -> PageBasemap {
        let countries = try GeoDataMapLayers.countries(geodata: geodata).collection.features
        let places = try GeoDataMapLayers.places(geodata: geodata, for: layers)?.collection.features ?? []
        let view = extent(of: layers)
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
            if let at = try? labelPoint(geos, near: view) { labels.append((name, at)) }
        }
        return PageBasemap(countries: simplified, labels: labels, places: places)
    }

    /// The lon/lat box of the layers that set the extent (about what the page shows first), grown by a tenth.
    static func extent(of layers: [MapLayer]) -> Bounds? {
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        for layer in layers where layer.role != .basemap && layer.fitsExtent {
            for f in layer.collection.features {
                for p in f.geometry?.allPositions ?? [] where p.lon.isFinite && p.lat.isFinite {
                    w = min(w, p.lon); e = max(e, p.lon); s = min(s, p.lat); n = max(n, p.lat)
                }
            }
        }
        guard w <= e, s <= n else { return nil }
        let grow = max(0.05, max(e - w, n - s) / 10)
        return Bounds(minX: w - grow, minY: max(-90, s - grow), maxX: e + grow, maxY: min(90, n + grow))
    }

    /// The centre of the largest inscribed circle of the largest part of the country inside `view` (of the whole
    /// country when none of it is there).
    static func labelPoint(_ g: Geometry, near view: Bounds?) throws -> Coordinate {
        if let view, let clipped = try? g.makeValid().clip(to: view), !(try clipped.isEmpty), try clipped.area > 0.05 {
            return try largestPartCentre(clipped)
        }
        return try largestPartCentre(g)
    }

    static func largestPartCentre(_ g: Geometry) throws -> Coordinate {
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
