/// One track against one perimeter's coverage at one target altitude: was it inside coverage
/// before it first reached NATO airspace, when, and for how long. Times are epoch seconds UTC,
/// durations seconds.
///
/// Semantics: coverage time is counted strictly inside the coverage union (touching its edge is not
/// inside). A window is an interval inside coverage that starts strictly before the first NATO
/// entry, cut at that entry. A track that starts inside NATO airspace has nothing before entry.
/// A track that never enters NATO airspace has its whole flight "before entry": its windows are all
/// its stretches inside coverage, and `engagedBeforeEntry` is false (there is no entry to precede).
public struct TrackEngagement: Sendable, Hashable {
    public var trackID: String
    public var fixCount: Int
    /// The first entry into NATO airspace, if any.
    public var natoEntry: EngagementAirspace.Entry?
    /// First time inside coverage (any time, before or after the NATO entry), if ever.
    public var firstCoverageTime: Double?
    /// Seconds inside coverage over the whole track (before and after the NATO entry).
    public var coverageTotalS: Double
    /// Stretches inside coverage before the first NATO entry, in time order.
    public var windows: [EngagementWindow]
    /// With altitude-aware coverage: some fixes had no altitude and flew at the run's target altitude.
    public var usedDefaultAltitude = false

    public init(trackID: String, fixCount: Int, natoEntry: EngagementAirspace.Entry?, firstCoverageTime: Double?,
                coverageTotalS: Double, windows: [EngagementWindow]) {
        self.trackID = trackID
        self.fixCount = fixCount
        self.natoEntry = natoEntry
        self.firstCoverageTime = firstCoverageTime
        self.coverageTotalS = coverageTotalS
        self.windows = windows
    }

    /// The track enters NATO airspace at some time.
    public var reachesNATO: Bool { natoEntry != nil }

    /// It reaches NATO airspace and was inside coverage at some time before the first entry.
    public var engagedBeforeEntry: Bool { reachesNATO && !windows.isEmpty }

    /// Seconds inside coverage before the first NATO entry (the sum of the windows).
    public var timeInCoverageBeforeEntryS: Double { windows.reduce(0) { $0 + $1.durationS } }

    /// First NATO entry − first time inside coverage, seconds, when both exist; negative when the
    /// track was first covered only after it entered NATO airspace.
    public var warningTimeS: Double? {
        guard let entry = natoEntry, let covered = firstCoverageTime else { return nil }
        return entry.time - covered
    }
}
