import GeometryCore

/// One stretch of a track inside a perimeter's coverage before the track first reaches NATO
/// airspace: the time the defence has to engage it there. Times are epoch seconds UTC.
public struct EngagementWindow: Sendable, Hashable {
    /// When the track entered coverage (its first fix time if it started inside).
    public var start: Double
    /// When it left coverage, or the first NATO entry if that came first (`endsAtEntry`).
    public var end: Double
    /// The track's first fix is already inside coverage: the true start is earlier and unknown.
    public var startsAtTrackStart: Bool
    /// The window was cut short by the first NATO entry: the track was still inside coverage.
    public var endsAtEntry: Bool
    /// The path flown inside coverage, lon/lat degrees WGS84 (start point, fixes, end point).
    public var path: [Coordinate]

    /// Seconds: `end − start`.
    public var durationS: Double { end - start }

    public init(start: Double, end: Double, startsAtTrackStart: Bool = false, endsAtEntry: Bool, path: [Coordinate]) {
        self.start = start
        self.startsAtTrackStart = startsAtTrackStart
        self.end = end
        self.endsAtEntry = endsAtEntry
        self.path = path
    }
}
