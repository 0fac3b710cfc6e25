/// How a map layer is drawn in SVG. Colours are CSS colours (`#1e5ac8`); widths and radii are pixels.
public struct MapStyle: Hashable, Sendable {
    /// Fill of polygons (`nil` = none).
    public var fill: String?
    /// Fill opacity 0…1.
    public var fillOpacity: Double
    /// Stroke of lines and outlines (`nil` = none).
    public var stroke: String?
    /// Stroke width, px.
    public var strokeWidth: Double
    /// SVG `stroke-dasharray`, e.g. `"6 4"`.
    public var dash: String?
    /// Radius of point symbols, px.
    public var pointRadius: Double
    /// Fill of point symbols.
    public var pointFill: String

    public init(fill: String? = nil, fillOpacity: Double = 1, stroke: String? = "#333333", strokeWidth: Double = 1,
                dash: String? = nil, pointRadius: Double = 3.5, pointFill: String = "#333333") {
        self.fill = fill
        self.fillOpacity = fillOpacity
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dash = dash
        self.pointRadius = pointRadius
        self.pointFill = pointFill
    }

    /// The fill of land and of the sea (the map background; lakes use it too).
    public static let landFill = "#f4f1ea", seaFill = "#dcebf5"

    /// The default style of a role.
    public static func `default`(for role: MapLayerRole) -> MapStyle {
        switch role {
        case .basemap: MapStyle(fill: landFill, stroke: "#8c8c8c", strokeWidth: 0.7)
        case .regions: MapStyle(fill: "#dc6e00", fillOpacity: 0.07, stroke: "#dc6e00", strokeWidth: 1.2, dash: "7 4", pointFill: "#dc6e00")
        case .airspace: MapStyle(fill: nil, stroke: "#7b3294", strokeWidth: 1.5, dash: "6 4")
        case .coverage: MapStyle(fill: "#1e5ac8", fillOpacity: 0.25, stroke: "#1e5ac8", strokeWidth: 0.8, pointFill: "#1e5ac8")
        case .frontier: MapStyle(fill: nil, stroke: "#8b0000", strokeWidth: 1.2, dash: "2 3", pointFill: "#8b0000")
        case .lines: MapStyle(fill: nil, stroke: "#dc6e00", strokeWidth: 2.5, pointFill: "#dc6e00")
        case .gaps: MapStyle(fill: "#e31a1c", fillOpacity: 0.3, stroke: "#e31a1c", strokeWidth: 3, dash: "5 3", pointFill: "#e31a1c")
        case .tracks: MapStyle(fill: nil, stroke: "#444444", strokeWidth: 1.2, pointRadius: 2, pointFill: "#444444")
        case .inside: MapStyle(fill: "#e6141e", fillOpacity: 0.35, stroke: "#e6141e", strokeWidth: 3.5, pointFill: "#e6141e")
        case .sites: MapStyle(fill: "#1e5ac8", fillOpacity: 0.25, stroke: "#ffffff", strokeWidth: 1, pointRadius: 4, pointFill: "#0b3d91")
        case .marks: MapStyle(fill: nil, stroke: "#222222", strokeWidth: 1, pointRadius: 4.5, pointFill: "#ffd400")
        case .places: MapStyle(fill: nil, stroke: "#ffffff", strokeWidth: 1, pointRadius: 3, pointFill: "#222222")
        }
    }
}
