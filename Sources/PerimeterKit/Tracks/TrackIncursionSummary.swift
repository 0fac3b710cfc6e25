/// One track against one airspace: its incursions and their totals.
public struct TrackIncursionSummary: Sendable, Hashable {
    public var trackID: String
    /// The airspace's name (`AirspacePolygon.name`).
    public var airspace: String
    /// Incursions in time order.
    public var incursions: [Incursion]
    /// For a track that never entered: its closest approach to the airspace (when measured).
    public var closestApproach: ClosestApproach? = nil

    public init(trackID: String, airspace: String, incursions: [Incursion], closestApproach: ClosestApproach? = nil) {
        self.trackID = trackID
        self.airspace = airspace
        self.incursions = incursions
        self.closestApproach = closestApproach
    }

    /// The last exit time, if the last incursion has one: nil when the track ends inside
    /// (its last fix is no exit).
    public var lastExitTime: Double? {
        guard let last = incursions.last, !last.openAtEnd else { return nil }
        return last.exitTime
    }

    /// The incursion of the deepest penetration, if any.
    public var deepestIncursion: Incursion? {
        incursions.max { $0.maxPenetrationM < $1.maxPenetrationM }
    }

    /// Seconds over land over all incursions (nil without a land polygon).
    public var totalOverLandS: Double? {
        incursions.isEmpty ? nil : incursions.reduce(0 as Double?) { acc, i in acc.flatMap { a in i.overLandS.map { a + $0 } } }
    }

    /// Seconds in the territorial sea over all incursions (nil without a land polygon).
    public var totalInTerritorialSeaS: Double? { totalOverLandS.map { max(0, totalDwellS - $0) } }

    /// Total seconds inside.
    public var totalDwellS: Double { incursions.reduce(0) { $0 + $1.dwellS } }
    /// Total geodesic metres flown inside.
    public var totalPathLengthM: Double { incursions.reduce(0) { $0 + $1.pathLengthM } }
    /// Deepest penetration over all incursions, metres (0 without incursions).
    public var maxPenetrationM: Double { incursions.reduce(0) { max($0, $1.maxPenetrationM) } }
    /// Time of the first entry (epoch seconds), if any.
    public var firstEntryTime: Double? { incursions.first?.entryTime }
}
