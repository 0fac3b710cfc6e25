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
    /// Whether the automatic extent fits this layer (`false` for context such as places or a large airspace:
    /// drawn where it meets the view, but never widening it). Basemap layers never set the extent.
    public var fitsExtent: Bool
    /// Whether the layer gets a legend row.
    public var inLegend: Bool

    public init(name: String, role: MapLayerRole, collection: FeatureCollection, style: MapStyle? = nil, legendLabel: String? = nil,
                fitsExtent: Bool = true, inLegend: Bool = true) {
        self.name = name
        self.role = role
        self.collection = collection
        self.style = style ?? .default(for: role)
        self.legendLabel = legendLabel
        self.fitsExtent = fitsExtent
        self.inLegend = inLegend
    }
}
