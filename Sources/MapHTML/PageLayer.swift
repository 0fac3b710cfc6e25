import GeoJSON
import PerimeterKit

/// One toggleable layer of a page: its features (lon/lat degrees, WGS84) with popup rows, styled by role as
/// in the SVG maps (``MapStyle``).
public struct PageLayer: Sendable {
    public var name: String
    public var legend: String
    public var role: MapLayerRole
    public var style: MapStyle
    public var features: [Feature]
    /// Shown when the page opens.
    public var visible: Bool
    /// The target altitude (index into the page's altitudes) the layer belongs to, if any: the altitude switch
    /// shows only the chosen altitude's layers.
    public var altitude: Int?
    /// Whether the initial view fits this layer.
    public var fitsExtent: Bool
    /// Whether its features take clicks (popups); decorations such as time ticks let clicks through.
    public var interactive = true

    public init(name: String, legend: String, role: MapLayerRole, style: MapStyle? = nil, features: [Feature],
                visible: Bool = true, altitude: Int? = nil, fitsExtent: Bool = true) {
        self.name = name
        self.legend = legend
        self.role = role
        self.style = style ?? .default(for: role)
        self.features = features
        self.visible = visible
        self.altitude = altitude
        self.fitsExtent = fitsExtent
    }

    /// The layer of an SVG map, as it is.
    public init(_ layer: MapLayer, visible: Bool = true, altitude: Int? = nil) {
        self.init(name: layer.name, legend: layer.legendLabel ?? layer.role.label, role: layer.role, style: layer.style,
                  features: layer.collection.features, visible: visible, altitude: altitude, fitsExtent: layer.fitsExtent)
    }

    var json: JSONValue {
        let s = style
        var o = JSONObject()
        o["name"] = .string(name)
        o["legend"] = .string(legend)
        o["role"] = .string(role.rawValue)
        o["style"] = .object([
            "fill": s.fill.map { .string($0) } ?? .null, "fillOpacity": .number(s.fillOpacity),
            "stroke": s.stroke.map { .string($0) } ?? .null, "weight": .number(s.strokeWidth),
            "dash": s.dash.map { .string($0) } ?? .null, "radius": .number(s.pointRadius), "pointFill": .string(s.pointFill),
        ])
        o["visible"] = .bool(visible)
        o["altitude"] = altitude.map { .integer($0) } ?? .null
        o["fits"] = .bool(fitsExtent)
        o["interactive"] = .bool(interactive)
        o["features"] = .array(features.compactMap { f in
            guard let g = f.geometry else { return nil }
            var p = JSONObject()
            if let name = f.properties["name"]?.stringValue ?? f.properties["track_id"]?.stringValue { p["name"] = .string(name) }
            if let kind = (f.properties["kind"] ?? f.properties["event"])?.stringValue { p["kind"] = .string(kind) }
            if let track = f.properties["track_id"]?.stringValue { p["track"] = .string(track) }
            if let label = f.properties["label"]?.stringValue { p["label"] = .string(label) }
            p["popup"] = PopupFields.json(PopupFields.rows(f.properties))
            return .object(["type": "Feature", "geometry": .geometry(g), "properties": .object(p)])
        })
        return .object(o)
    }
}
