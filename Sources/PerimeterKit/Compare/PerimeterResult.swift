import GeoJSON
import GeometryCore

/// Everything computed for one perimeter: its forward line, protected region, exposed frontier,
/// site layout, coverage per target altitude and warning depth, plus the reported figures.
public struct PerimeterResult: Sendable {
    /// Coverage of the sites against one target altitude.
    public struct AltitudeCoverage: Sendable {
        /// Target altitude above ground, metres.
        public var targetAltitudeM: Double
        /// Radar line-of-sight distance for that altitude, metres.
        public var horizonM: Double
        /// Circle radius used: min(range, horizon), metres.
        public var radiusM: Double
        public var coverage: Coverage
        public var ofLine: CoverageOfLine
        /// Geodesic area of region ∩ coverage, m².
        public var regionCoveredM2: Double
    }

    public var line: DefenseLine
    public var region: ProtectedRegion
    public var frontier: ExposedFrontier
    public var layout: SiteLayout
    public var coverages: [AltitudeCoverage]
    public var depth: WarningDepth
    /// Figures in report order, keyed (`line_length`, `alt1_line_covered` …).
    public var figures: [(key: String, figure: Figure)]
}
