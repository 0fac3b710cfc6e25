/// A type-erased `TrackSource` that can also report progress: after each track, `progress`
/// (if set) receives the fixes read so far (unit "fixes"). Not `Sendable`, like any source.
public struct AnyTrackSource: TrackSource {
    private var nextBody: () throws -> Track?
    private let statisticsBody: () -> TrackReadStatistics
    /// Called after each track with the running fix count.
    public var progress: ProgressSink?
    /// Shown every track as it is read (on the reading thread).
    public var observer: ((Track) -> Void)?
    /// Keep every track yielded in `retained` (for input that cannot be read twice, standard input).
    public var retainsTracks = false
    /// The tracks yielded so far, when `retainsTracks`.
    public private(set) var retained: [Track] = []

    public init<Source: TrackSource & AnyObject>(_ source: Source) {
        nextBody = { var s = source; return try s.nextTrack() }
        statisticsBody = { source.statistics }
    }

    public mutating func nextTrack() throws -> Track? {
        let track = try nextBody()
        if retainsTracks, let track { retained.append(track) }
        if let observer, let track { observer(track) }
        if let progress, track != nil { progress(statistics.fixes, nil, "fixes") }
        return track
    }

    public var statistics: TrackReadStatistics { statisticsBody() }
}

/// Tracks already in memory, as a source (a second pass over standard input).
public final class TrackArraySource: TrackSource {
    private let tracks: [Track]
    private var next = 0
    public private(set) var statistics = TrackReadStatistics()

    public init(_ tracks: [Track]) { self.tracks = tracks }

    public func nextTrack() throws -> Track? {
        guard next < tracks.count else { return nil }
        defer { next += 1 }
        statistics.tracks += 1
        statistics.fixes += tracks[next].fixes.count
        return tracks[next]
    }
}
