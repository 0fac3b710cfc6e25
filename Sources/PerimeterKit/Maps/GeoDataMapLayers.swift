import Foundation
import GeoJSON
import GeometryCore

/// Map layers from the GeoData folder that give a result its context: the country basemap and the named places.
public enum GeoDataMapLayers {
    /// The basemap, in drawing order: from `basemap.geojson` (when present) the generalised land of the whole world
    /// and the generalised DCW countries that `countries.geojson` does not model, then `countries.geojson` (the
    /// modelled countries at full resolution), then the major lakes and rivers of `basemap.geojson`. So every
    /// country in a European view is drawn, and land is never painted as sea. Every layer has the role
    /// ``MapLayerRole/basemap``; features are told apart by their `layer` property (`land`, `country`, `lake`,
    /// `river`).
    /// - Throws: the reader's error naming the file when `countries.geojson` is missing or either file is malformed.
    public static func basemap(geodata: String) throws -> [MapLayer] {
        let modelled = try countries(geodata: geodata)
        let file = GeoDataLocator.file("basemap.geojson", in: geodata)
        guard FileManager.default.fileExists(atPath: file) else { return [modelled] }
        let all = try GeoJSONReader.read(contentsOf: file).features
        func part(_ tag: String) -> FeatureCollection {
            FeatureCollection(features: all.filter { $0.properties["layer"]?.stringValue == tag })
        }
        let land = MapLayer(name: "land", role: .basemap, collection: part("land"),
                            style: MapStyle(fill: MapStyle.landFill, stroke: nil, strokeWidth: 0))
        let others = MapLayer(name: "countries_generalised", role: .basemap, collection: part("country"),
                              style: MapStyle(fill: MapStyle.landFill, stroke: "#a8a8a8", strokeWidth: 0.5))
        let lakes = MapLayer(name: "lakes", role: .basemap, collection: part("lake"),
                             style: MapStyle(fill: MapStyle.seaFill, stroke: "#8fb8d8", strokeWidth: 0.4))
        let rivers = MapLayer(name: "rivers", role: .basemap, collection: part("river"),
                              style: MapStyle(fill: nil, stroke: "#8fb8d8", strokeWidth: 0.9))
        return [land, others, modelled, lakes, rivers].filter { !$0.collection.features.isEmpty }
    }

    /// `countries.geojson` as the basemap layer (lon/lat degrees, WGS84).
    /// - Throws: the reader's error naming the file when it is missing or malformed.
    public static func countries(geodata: String) throws -> MapLayer {
        let file = GeoDataLocator.file("countries.geojson", in: geodata)
        return MapLayer(name: "countries", role: .basemap, collection: try GeoJSONReader.read(contentsOf: file))
    }

    /// The places of `places.geojson` relevant to a map of `layers`: those inside the lon/lat box of the layers
    /// that fit the extent, grown on each side by half its larger side (at least 0.3°); only `kind` = city when that box's diagonal is
    /// longer than `detailBelowKm` (geodesic, WGS84). `nil` when no place qualifies or the file is missing.
    /// The layer never widens the map's extent and is drawn with labels (`data-name` on each circle). Places that a
    /// `.places` layer of `layers` already draws under the same name are left out.
    public static func places(geodata: String, for layers: [MapLayer], detailBelowKm: Double = 600) throws -> MapLayer? {
        let file = GeoDataLocator.file("places.geojson", in: geodata)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        for layer in layers where layer.role != .basemap && layer.fitsExtent {
            for f in layer.collection.features {
                for p in f.geometry?.allPositions ?? [] where p.lon.isFinite && p.lat.isFinite {
                    w = min(w, p.lon); e = max(e, p.lon); s = min(s, p.lat); n = max(n, p.lat)
                }
            }
        }
        guard w <= e, s <= n else { return nil }
        let diagonalKm = Geodesic.wgs84.distance(Coordinate(lon: w, lat: s), Coordinate(lon: e, lat: n)) / 1000
        let grow = max(0.3, max(e - w, n - s) / 2)
        let growX = grow, growY = grow
        let all = try GeoJSONReader.read(contentsOf: file)
        // A place the result already draws as a named point (the compare map's assets) is not labelled twice.
        let drawn = Set(layers.filter { $0.role == .places }.flatMap { $0.collection.features.compactMap { $0.properties["name"]?.stringValue } })
        let chosen = all.features.filter { f in
            guard case .point(let p)? = f.geometry, !drawn.contains(f.properties["name"]?.stringValue ?? "") else { return false }
            guard p.lon >= w - growX, p.lon <= e + growX, p.lat >= s - growY, p.lat <= n + growY else { return false }
            return diagonalKm <= detailBelowKm || f.properties["kind"]?.stringValue == "city"
        }
        guard !chosen.isEmpty else { return nil }
        return MapLayer(name: "places", role: .places, collection: FeatureCollection(features: chosen), fitsExtent: false)
    }
}
