import GeoJSON

/// One layer of a map: features (lon/lat degrees, WGS84), what they show, and how they are drawn.
public struct MapLayer: Hashable, Sendable {
    /// The layer's name (kept as `data-layer` in the SVG; the legend text unless `legendLabel` is set).
    public var name: String
    public var role: MapLayerRole
    public var collection: FeatureCollection
    public var style: MapStyle
    /// The legend text; `nil` uses the role's label.
    public var legendLabel: String?

    public init(name: String, role: MapLayerRole, collection: FeatureCollection, style: MapStyle? = nil, legendLabel: String? = nil) {
        self.name = name
        self.role = role
        self.collection = collection
        self.style = style ?? .default(for: role)
        self.legendLabel = legendLabel
    }
}
