/// How one KML layer is drawn: line colour and width (pixels), polygon fill, point icon scale, and the
/// colour of parts flagged as incursions (features whose `inside` property is `true` or whose `kind`/`role`
/// is `inside`/`incursion`).
public struct KMLStyle: Hashable, Sendable {
    public var lineColor: KMLColor
    /// Line width, pixels.
    public var lineWidth: Double
    /// Polygon fill (use a semi-transparent colour for coverage); `nil` draws outlines only.
    public var fillColor: KMLColor?
    /// Icon scale for points (1 = Google Earth's default size).
    public var iconScale: Double
    /// Line colour for highlighted (inside/incursion) parts.
    public var highlightColor: KMLColor

    public init(lineColor: KMLColor, lineWidth: Double = 2, fillColor: KMLColor? = nil, iconScale: Double = 1,
                highlightColor: KMLColor = KMLColor(red: 230, green: 20, blue: 20)) {
        self.lineColor = lineColor
        self.lineWidth = lineWidth
        self.fillColor = fillColor
        self.iconScale = iconScale
        self.highlightColor = highlightColor
    }

    /// Coverage areas: blue outline, semi-transparent blue fill.
    public static let coverage = KMLStyle(lineColor: KMLColor(red: 30, green: 90, blue: 200), lineWidth: 1.5,
                                          fillColor: KMLColor(red: 30, green: 90, blue: 200).opacity(0.3))
    /// Defense lines: dark orange.
    public static let line = KMLStyle(lineColor: KMLColor(red: 220, green: 110, blue: 0), lineWidth: 3)
    /// Tracks: dark grey.
    public static let track = KMLStyle(lineColor: KMLColor(red: 60, green: 60, blue: 60), lineWidth: 2)
    /// Inside (incursion) parts: red, thick.
    public static let incursion = KMLStyle(lineColor: KMLColor(red: 230, green: 20, blue: 20), lineWidth: 4,
                                           fillColor: KMLColor(red: 230, green: 20, blue: 20).opacity(0.35))
    /// Sites and marks.
    public static let point = KMLStyle(lineColor: KMLColor(red: 20, green: 20, blue: 20), lineWidth: 1, iconScale: 1)
}
