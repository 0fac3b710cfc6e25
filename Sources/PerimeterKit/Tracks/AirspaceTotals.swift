/// Totals over all tracks for one airspace.
public struct AirspaceTotals: Sendable, Hashable {
    public var airspace: String
    /// Tracks analysed.
    public var tracks = 0
    /// Tracks with at least one incursion.
    public var tracksWithIncursions = 0
    public var incursions = 0
    /// Seconds inside, summed over tracks.
    public var totalDwellS = 0.0
    /// Geodesic metres flown inside, summed over tracks.
    public var totalPathLengthM = 0.0
    /// Deepest penetration of any track, metres.
    public var maxPenetrationM = 0.0

    public init(airspace: String) { self.airspace = airspace }

    /// Adds one track's summary.
    public mutating func add(_ summary: TrackIncursionSummary) {
        tracks += 1
        if !summary.incursions.isEmpty { tracksWithIncursions += 1 }
        incursions += summary.incursions.count
        totalDwellS += summary.totalDwellS
        totalPathLengthM += summary.totalPathLengthM
        maxPenetrationM = max(maxPenetrationM, summary.maxPenetrationM)
    }
}
