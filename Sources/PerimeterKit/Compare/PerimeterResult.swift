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
    /// The continuous belts, layer-major: for each system of `ComparisonInputs.layers`, one per target
    /// altitude in `targetAltitudesM` order.
    public var belts: [ContinuousBelt] = []
    /// Per target altitude (input order), the geodesic area of region ∩ the union of every layer's
    /// belt, m² (empty with one layer).
    public var layeredRegionCoveredM2: [Double] = []
    /// Share of the site line (at the standoff) on friendly ground, percent.
    public var friendlySharePct: Double = 100
    /// Warnings (impossible belts, nominal belts that miss the line) and notes (sites moved) of this perimeter.
    public var warnings: [ComparisonWarning] = []
    public var notes: [String] = []

    /// The belt of layer `layer` (0 = primary system) at target altitude index `altitude`.
    public func belt(layer: Int = 0, altitude: Int) -> ContinuousBelt? {
        belts.first { $0.layer == layer && $0.targetAltitudeM == coverages[altitude].targetAltitudeM }
    }

    /// The belts of every layer at target altitude `altitudeM`.
    public func belts(atAltitude altitudeM: Double) -> [ContinuousBelt] { belts.filter { $0.targetAltitudeM == altitudeM } }
}

extension PerimeterResult {
    /// This result with its warning depth and, from everything, its figures.
    func withDepth(_ depth: WarningDepth, inputs: ComparisonInputs, isDnipro: Bool) -> PerimeterResult {
        var r = self
        r.depth = depth
        r.figures = ComparisonFigures.figures(r, inputs: inputs, isDnipro: isDnipro)
        return r
    }
}
