/// Anything that yields tracks one at a time (a CSV file, a GPX file, later GeoJSON), so that a
/// file with many tracks is streamed: only the track being read is held in memory.
///
/// A source is used from one thread at a time (it is not `Sendable`); the `Track`s it yields are.
public protocol TrackSource {
    /// The next track, or `nil` at the end of the input. Throws `TrackReadError` on bad input.
    mutating func nextTrack() throws -> Track?
    /// Counts of what was read, dropped and skipped so far.
    var statistics: TrackReadStatistics { get }
}

/// What a `TrackSource` has read, dropped and skipped so far.
public struct TrackReadStatistics: Sendable, Hashable {
    /// Tracks yielded.
    public var tracks = 0
    /// Fixes yielded (after dropping duplicates and skipped rows).
    public var fixes = 0
    /// Fixes dropped because their time equalled the previous fix's time in the same track.
    public var duplicateTimesDropped = 0
    /// Rows or points skipped as invalid (only with `TrackReadOptions.skipInvalid`).
    public var invalidSkipped = 0
    /// Tracks left without fixes and skipped (only with `TrackReadOptions.skipInvalid`).
    public var emptyTracksSkipped = 0
    /// Rows without a position skipped (only with `TrackReadOptions.skipRowsWithoutPosition`).
    public var rowsWithoutPositionSkipped = 0
    /// Tracks started by an id whose earlier track had been finished after `trackTimeoutS` of silence.
    public var reappearedAsNewTracks = 0
    /// The most tracks open at once (1 for input grouped per track; the aircraft in the air for
    /// input ordered by time).
    public var peakOpenTracks = 0

    public init() {}
}
