import Foundation
import GeoJSON
import GeometryCore

/// Map layers from the GeoData folder that give a result its context: the country basemap and the named places.
public enum GeoDataMapLayers {
    /// `countries.geojson` as the basemap layer (lon/lat degrees, WGS84).
    /// - Throws: the reader's error naming the file when it is missing or malformed.
    public static func countries(geodata: String) throws -> MapLayer {
        let file = GeoDataLocator.file("countries.geojson", in: geodata)
        return MapLayer(name: "countries", role: .basemap, collection: try GeoJSONReader.read(contentsOf: file))
    }

    /// The places of `places.geojson` relevant to a map of `layers`: those inside the lon/lat box of the layers
    /// that fit the extent, grown on each side by half its larger side (at least 0.3°); only `kind` = city when that box's diagonal is
    /// longer than `detailBelowKm` (geodesic, WGS84). `nil` when no place qualifies or the file is missing.
    /// The layer never widens the map's extent and is drawn with labels (`data-name` on each circle).
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
        let chosen = all.features.filter { f in
            guard case .point(let p)? = f.geometry else { return false }
            guard p.lon >= w - growX, p.lon <= e + growX, p.lat >= s - growY, p.lat <= n + growY else { return false }
            return diagonalKm <= detailBelowKm || f.properties["kind"]?.stringValue == "city"
        }
        guard !chosen.isEmpty else { return nil }
        return MapLayer(name: "places", role: .places, collection: FeatureCollection(features: chosen), fitsExtent: false)
    }
}
