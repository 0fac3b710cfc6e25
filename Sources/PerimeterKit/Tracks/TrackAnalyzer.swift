/// Everything computed for one track: incursions per airspace and, with coverage, warning times.
public struct TrackReport: Sendable, Hashable {
    public var trackID: String
    /// The track's group (`--group-by`), if any.
    public var group: String?
    public var fixCount: Int
    /// One summary per airspace, in the analyzer's airspace order.
    public var airspaces: [TrackIncursionSummary]
    /// One timing per airspace (same order) when coverage was given, else empty.
    public var coverage: [CoverageTiming]
    /// With site coverage: some fixes had no altitude and flew at the default target altitude.
    public var usedDefaultAltitude = false

    public init(trackID: String, fixCount: Int, airspaces: [TrackIncursionSummary], coverage: [CoverageTiming] = [],
                group: String? = nil) {
        self.trackID = trackID
        self.fixCount = fixCount
        self.airspaces = airspaces
        self.coverage = coverage
        self.group = group
    }
}

/// Sensor coverage a track is timed against.
public enum TrackCoverage: Sendable {
    /// Coverage polygons (inside any one counts), the same at every altitude.
    case polygons([IncursionFinder])
    /// Sites whose reach follows each fix's altitude (radar horizon).
    case sites(SiteCoverage)

    /// The covered time intervals of `track`.
    public func coveredIntervals(_ track: Track) -> [TimeSpan] {
        switch self {
        case .polygons(let finders):
            return TimeSpan.union(finders.flatMap { $0.incursions(in: track).map { TimeSpan(start: $0.entryTime, end: $0.exitTime) } })
        case .sites(let model):
            return model.coveredIntervals(track)
        }
    }
}

/// Analyses tracks against prepared airspaces and (optionally) sensor coverage.
/// Immutable and `Sendable`: one analyzer serves every worker thread.
public struct TrackAnalyzer: Sendable {
    public let airspaces: [IncursionFinder]
    /// Coverage polygons; a track is covered when inside any of them.
    public var coverage: [IncursionFinder] {
        if case .polygons(let f)? = sensorCoverage { return f }
        return []
    }
    /// The coverage tracks are timed against, if any.
    public let sensorCoverage: TrackCoverage?
    /// The land of each airspace (same order; nil: no land/sea split), for time over land.
    public let lands: [IncursionFinder?]
    /// Exits shorter than this (seconds) are merged (`IncursionMerging`); 0 merges nothing.
    public let minExitS: Double
    /// Whether tracks that never enter an airspace get their closest approach to it.
    public let measuresClosestApproach: Bool
    /// Groups are the first this many characters of the track's group value (nil: all of it).
    public let groupPrefixLength: Int?

    public init(airspaces: [IncursionFinder], coverage: [IncursionFinder] = []) {
        self.init(airspaces: airspaces, sensorCoverage: coverage.isEmpty ? nil : .polygons(coverage))
    }

    public init(airspaces: [IncursionFinder], sensorCoverage: TrackCoverage?, lands: [IncursionFinder?] = [],
                minExitS: Double = 0, measuresClosestApproach: Bool = false, groupPrefixLength: Int? = nil) {
        self.groupPrefixLength = groupPrefixLength
        self.airspaces = airspaces
        self.sensorCoverage = sensorCoverage
        self.lands = lands
        self.minExitS = minExitS
        self.measuresClosestApproach = measuresClosestApproach
    }

    public func analyze(_ track: Track) -> TrackReport {
        let summaries = airspaces.enumerated().map { k, finder in
            summary(of: track, in: finder, land: k < lands.count ? lands[k] : nil)
        }
        var report = TrackReport(trackID: track.id, fixCount: track.fixes.count, airspaces: summaries,
                                 group: track.group.map { g in groupPrefixLength.map { String(g.prefix($0)) } ?? g })
        if let sensorCoverage {
            let covered = sensorCoverage.coveredIntervals(track)
            report.coverage = summaries.map { CoverageTiming(covered: covered, airspace: $0.incursions) }
            if case .sites(let model) = sensorCoverage { report.usedDefaultAltitude = model.usesDefaultAltitude(track) }
        }
        return report
    }

    /// One airspace: incursions with time over land, short exits merged, closest approach if never inside.
    private func summary(of track: Track, in finder: IncursionFinder, land: IncursionFinder?) -> TrackIncursionSummary {
        var incursions = finder.incursions(in: track)
        if let land, !incursions.isEmpty {
            let overLand = land.incursions(in: track).map { TimeSpan(start: $0.entryTime, end: $0.exitTime) }
            for k in incursions.indices {
                incursions[k].overLandS = TimeSpan.overlapS(overLand, TimeSpan(start: incursions[k].entryTime, end: incursions[k].exitTime))
            }
        }
        incursions = IncursionMerging.merge(incursions, minExitS: minExitS)
        var s = TrackIncursionSummary(trackID: track.id, airspace: finder.name, incursions: incursions)
        if incursions.isEmpty && measuresClosestApproach { s.closestApproach = finder.closestApproach(of: track) }
        return s
    }
}
