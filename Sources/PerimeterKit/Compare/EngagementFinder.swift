/// Finds the engagement windows of tracks against one coverage union and the NATO airspace.
/// Immutable and `Sendable`: share one finder across threads.
public struct EngagementFinder: Sendable {
    /// The coverage union (a polygon per perimeter and target altitude).
    public let coverage: IncursionFinder
    public let airspace: EngagementAirspace
    /// A stretch inside coverage counts only when it starts more than this many seconds before
    /// the first NATO entry: a coverage edge lying on the NATO border gives crossing times that
    /// differ by rounding, not a window. Reports round times to the millisecond.
    public static let timeToleranceS = 0.001

    public init(coverage: IncursionFinder, airspace: EngagementAirspace) {
        self.coverage = coverage
        self.airspace = airspace
    }

    /// Prepares `coverage` (lon/lat polygon) as an `IncursionFinder` without depth measurement.
    public init(coverage: AirspacePolygon, airspace: EngagementAirspace) throws {
        self.init(coverage: try IncursionFinder(airspace: coverage, measuresPenetration: false), airspace: airspace)
    }

    /// The track's engagement: its stretches inside coverage, cut at its first NATO entry.
    public func engagement(of track: Track) -> TrackEngagement {
        engagement(of: track, entry: airspace.firstEntry(of: track))
    }

    /// The same with the NATO entry already known (it does not depend on the coverage).
    public func engagement(of track: Track, entry: EngagementAirspace.Entry?) -> TrackEngagement {
        let inside = coverage.incursions(in: track)
        let limit = entry.map { $0.startsInside ? -Double.infinity : $0.time } ?? .infinity
        var windows: [EngagementWindow] = []
        for i in inside where i.entryTime < limit - Self.timeToleranceS {
            let cut = i.exitTime > limit
            let end = cut ? limit : i.exitTime
            var path = track.path(from: i.entryTime, to: end)
            if !path.isEmpty {
                path[0] = i.entryPoint
                if !cut { path[path.count - 1] = i.exitPoint } else if let e = entry { path[path.count - 1] = e.point }
            }
            windows.append(EngagementWindow(start: i.entryTime, end: end, startsAtTrackStart: i.openAtStart, endsAtEntry: cut, path: path))
        }
        return TrackEngagement(trackID: track.id, fixCount: track.fixes.count, natoEntry: entry,
                               firstCoverageTime: inside.first?.entryTime,
                               coverageTotalS: inside.reduce(0) { $0 + $1.dwellS }, windows: windows)
    }
}
