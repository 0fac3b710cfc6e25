import Foundation
import GeoJSON

/// A layer for ``KMLWriter``: a KML Folder of Placemarks drawn with one ``KMLStyle``.
public struct KMLLayer: Hashable, Sendable {
    public var name: String
    /// Features in lon/lat degrees (WGS84), altitudes in metres.
    public var collection: FeatureCollection
    public var style: KMLStyle
    /// Per-vertex times for tracks, by feature index: a LineString feature listed here is written as a
    /// `gx:Track` with one `<when>` per position (the count must match). Features not listed may carry a
    /// `times` property instead (an array of ISO 8601 strings or Unix seconds).
    public var vertexTimes: [Int: [Date]]

    public init(name: String, collection: FeatureCollection, style: KMLStyle = .line, vertexTimes: [Int: [Date]] = [:]) {
        self.name = name
        self.collection = collection
        self.style = style
        self.vertexTimes = vertexTimes
    }
}
