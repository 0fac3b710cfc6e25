/// Everything computed for one track: incursions per airspace and, with coverage, warning times.
public struct TrackReport: Sendable, Hashable {
    public var trackID: String
    public var fixCount: Int
    /// One summary per airspace, in the analyzer's airspace order.
    public var airspaces: [TrackIncursionSummary]
    /// One timing per airspace (same order) when coverage polygons were given, else empty.
    public var coverage: [CoverageTiming]

    public init(trackID: String, fixCount: Int, airspaces: [TrackIncursionSummary], coverage: [CoverageTiming] = []) {
        self.trackID = trackID
        self.fixCount = fixCount
        self.airspaces = airspaces
        self.coverage = coverage
    }
}

/// Analyses tracks against prepared airspaces and (optionally) sensor coverage.
/// Immutable and `Sendable`: one analyzer serves every worker thread.
public struct TrackAnalyzer: Sendable {
    public let airspaces: [IncursionFinder]
    /// Coverage polygons; a track is covered when inside any of them.
    public let coverage: [IncursionFinder]

    public init(airspaces: [IncursionFinder], coverage: [IncursionFinder] = []) {
        self.airspaces = airspaces
        self.coverage = coverage
    }

    public func analyze(_ track: Track) -> TrackReport {
        let summaries = airspaces.map { $0.summary(of: track) }
        var timings: [CoverageTiming] = []
        if !coverage.isEmpty {
            let covered = coverage.map { $0.incursions(in: track) }
            timings = summaries.map { CoverageTiming(coverage: covered, airspace: $0.incursions) }
        }
        return TrackReport(trackID: track.id, fixCount: track.fixes.count, airspaces: summaries, coverage: timings)
    }
}
