import GeoJSON

/// A named layer for the GIS writers: a feature collection (lon/lat degrees, WGS84) and its name, which
/// becomes the GeoPackage table name or the KML Folder name.
public struct GISLayer: Hashable, Sendable {
    public var name: String
    public var collection: FeatureCollection

    public init(name: String, collection: FeatureCollection) {
        self.name = name
        self.collection = collection
    }
}
