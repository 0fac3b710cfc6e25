/// A GeoJSON Feature (RFC 7946 §3.2): an optional geometry (`null` allowed), properties kept in
/// insertion order, and an optional id. Foreign members are not kept.
public struct Feature: Hashable, Sendable {
    public var id: FeatureID?
    /// `nil` is written as `"geometry": null` (an unlocated feature).
    public var geometry: GeoJSONGeometry?
    public var properties: JSONObject

    public init(id: FeatureID? = nil, geometry: GeoJSONGeometry?, properties: JSONObject = [:]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}
