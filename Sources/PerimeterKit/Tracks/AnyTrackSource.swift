/// A type-erased `TrackSource` that can also report progress: after each track, `progress`
/// (if set) receives the fixes read so far (unit "fixes"). Not `Sendable`, like any source.
public struct AnyTrackSource: TrackSource {
    private var nextBody: () throws -> Track?
    private let statisticsBody: () -> TrackReadStatistics
    /// Called after each track with the running fix count.
    public var progress: ProgressSink?

    public init<Source: TrackSource & AnyObject>(_ source: Source) {
        nextBody = { var s = source; return try s.nextTrack() }
        statisticsBody = { source.statistics }
    }

    public mutating func nextTrack() throws -> Track? {
        let track = try nextBody()
        if let progress, track != nil { progress(statistics.fixes, nil, "fixes") }
        return track
    }

    public var statistics: TrackReadStatistics { statisticsBody() }
}
