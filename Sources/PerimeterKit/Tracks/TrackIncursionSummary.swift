/// One track against one airspace: its incursions and their totals.
public struct TrackIncursionSummary: Sendable, Hashable {
    public var trackID: String
    /// The airspace's name (`AirspacePolygon.name`).
    public var airspace: String
    /// Incursions in time order.
    public var incursions: [Incursion]

    public init(trackID: String, airspace: String, incursions: [Incursion]) {
        self.trackID = trackID
        self.airspace = airspace
        self.incursions = incursions
    }

    /// Total seconds inside.
    public var totalDwellS: Double { incursions.reduce(0) { $0 + $1.dwellS } }
    /// Total geodesic metres flown inside.
    public var totalPathLengthM: Double { incursions.reduce(0) { $0 + $1.pathLengthM } }
    /// Deepest penetration over all incursions, metres (0 without incursions).
    public var maxPenetrationM: Double { incursions.reduce(0) { max($0, $1.maxPenetrationM) } }
    /// Time of the first entry (epoch seconds), if any.
    public var firstEntryTime: Double? { incursions.first?.entryTime }
}
