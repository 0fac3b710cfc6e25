import Foundation
import GeoJSON
import GISFormats
import PerimeterKit

/// The file format of an output path, chosen by its extension: `.geojson`/`.json` (or `-` for standard output)
/// → GeoJSON, `.gpkg` → GeoPackage, `.kml` → KML.
enum OutputFormat: String, Sendable {
    case geojson, geopackage, kml

    init(path: String) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case _ where path == "-": self = .geojson
        case "geojson", "json": self = .geojson
        case "gpkg": self = .geopackage
        case "kml": self = .kml
        default:
            throw ValidationFailure("\(path): unknown output format '.\(ext)'; use .geojson, .gpkg or .kml")
        }
    }
}

/// A one-line error for bad command-line input.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes named layers (lon/lat degrees, WGS84) to `path` in the format its extension names (``OutputFormat``):
/// - GeoJSON: one layer as it is; several merged into one FeatureCollection, each feature given a `layer`
///   property with its layer's name (unless it has one);
/// - GeoPackage: one table per layer (``GeoPackageWriter``);
/// - KML: one Folder per layer, styled by its features' role tag, else the role its name suggests (``MapLayerRole/guess(from:)``).
/// Every format is written atomically.
func writeLayers(_ layers: [(name: String, collection: FeatureCollection)], to path: String) throws {
    switch try OutputFormat(path: path) {
    case .geojson:
        var merged: FeatureCollection
        if layers.count == 1 {
            merged = layers[0].collection
        } else {
            merged = FeatureCollection()
            for layer in layers {
                for var f in layer.collection.features {
                    if f.properties["layer"] == nil { f.properties["layer"] = .string(layer.name) }
                    merged.features.append(f)
                }
            }
        }
        try GeoJSONWriter().write(merged, to: path)
    case .geopackage:
        try GeoPackageWriter().write(layers.map { GISLayer(name: $0.name, collection: $0.collection) }, to: path)
    case .kml:
        let kml = layers.map { layer in
            KMLLayer(name: layer.name, collection: layer.collection, style: kmlStyle(for: layer.collection.features.lazy.compactMap(RenderCommand.taggedRole).first
                                                                ?? MapLayerRole.guess(from: layer.name)))
        }
        try KMLWriter().write(kml, to: path)
    }
}

/// The KML style for a map role.
func kmlStyle(for role: MapLayerRole?) -> KMLStyle {
    switch role {
    case .coverage, .airspace, .basemap, .regions: .coverage
    case .inside, .gaps: .incursion
    case .tracks: .track
    case .sites, .marks, .places: .point
    case .lines, .frontier, nil: .line
    }
}
