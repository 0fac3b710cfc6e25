import GeometryCore

/// Finds the engagement windows of tracks against one perimeter's coverage and the NATO airspace.
/// The coverage is a `TrackCoverage`: the coverage union as polygons (the same at every altitude), or
/// the belt's sites, whose reach follows each fix's altitude (`SiteCoverage`, as `incursions --sites`).
/// Immutable and `Sendable`: share one finder across threads.
public struct EngagementFinder: Sendable {
    /// What a track is covered by.
    public let coverage: TrackCoverage
    public let airspace: EngagementAirspace
    /// A stretch inside coverage counts only when it starts more than this many seconds before
    /// the first NATO entry: a coverage edge lying on the NATO border gives crossing times that
    /// differ by rounding, not a window. Reports round times to the millisecond.
    public static let timeToleranceS = 0.001

    public init(coverage: TrackCoverage, airspace: EngagementAirspace) {
        self.coverage = coverage
        self.airspace = airspace
    }

    /// A coverage polygon prepared as an `IncursionFinder`.
    public init(coverage: IncursionFinder, airspace: EngagementAirspace) {
        self.init(coverage: .polygons([coverage]), airspace: airspace)
    }

    /// Prepares `coverage` (lon/lat polygon) as an `IncursionFinder` without depth measurement.
    public init(coverage: AirspacePolygon, airspace: EngagementAirspace) throws {
        self.init(coverage: try IncursionFinder(airspace: coverage, measuresPenetration: false), airspace: airspace)
    }

    /// Altitude-aware coverage by sites: a fix is covered within min(R, horizon(H, its altitude)) of a site.
    public init(sites: SiteCoverage, airspace: EngagementAirspace) {
        self.init(coverage: .sites(sites), airspace: airspace)
    }

    /// The track's engagement: its stretches inside coverage, cut at its first NATO entry.
    public func engagement(of track: Track) -> TrackEngagement {
        engagement(of: track, entry: airspace.firstEntry(of: track))
    }

    /// The same with the NATO entry already known (it does not depend on the coverage).
    public func engagement(of track: Track, entry: EngagementAirspace.Entry?) -> TrackEngagement {
        let inside = stretches(of: track)
        let limit = entry.map { $0.startsInside ? -Double.infinity : $0.time } ?? .infinity
        var windows: [EngagementWindow] = []
        for i in inside where i.start < limit - Self.timeToleranceS {
            let cut = i.end > limit
            let end = cut ? limit : i.end
            var path = track.path(from: i.start, to: end)
            if !path.isEmpty {
                if let p = i.startPoint { path[0] = p }
                if !cut { if let p = i.endPoint { path[path.count - 1] = p } } else if let e = entry { path[path.count - 1] = e.point }
            }
            windows.append(EngagementWindow(start: i.start, end: end, startsAtTrackStart: i.openAtStart, endsAtEntry: cut, path: path))
        }
        var engagement = TrackEngagement(trackID: track.id, fixCount: track.fixes.count, natoEntry: entry,
                                         firstCoverageTime: inside.first?.start,
                                         coverageTotalS: inside.reduce(0) { $0 + $1.durationS }, windows: windows)
        if case .sites(let model) = coverage { engagement.usedDefaultAltitude = model.usesDefaultAltitude(track) }
        return engagement
    }

    /// One stretch of a track inside coverage; crossing points when the coverage gives them exactly.
    struct Stretch {
        var start: Double
        var end: Double
        var durationS: Double
        var startPoint: Coordinate?
        var endPoint: Coordinate?
        var openAtStart: Bool
    }

    /// The track's stretches inside coverage, in time order: a single polygon's incursions with
    /// their crossing points, else the covered intervals (points on the track at those times).
    func stretches(of track: Track) -> [Stretch] {
        if case .polygons(let finders) = coverage, finders.count == 1 {
            return finders[0].incursions(in: track).map {
                Stretch(start: $0.entryTime, end: $0.exitTime, durationS: $0.dwellS, startPoint: $0.entryPoint,
                        endPoint: $0.exitPoint, openAtStart: $0.openAtStart)
            }
        }
        let first = track.fixes.first?.time
        return coverage.coveredIntervals(track).map {
            Stretch(start: $0.start, end: $0.end, durationS: $0.durationS, startPoint: nil, endPoint: nil, openAtStart: $0.start == first)
        }
    }
}
