/// One-line notes on how tracks were read, for a command's summary.
public enum TrackReadNotes {
    /// Notes on rows skipped and on input read in time order (aircraft interleaved).
    public static func notes(_ stats: TrackReadStatistics, options: TrackReadOptions) -> [String] {
        var notes: [String] = []
        if stats.rowsWithoutPositionSkipped > 0 { notes.append("\(stats.rowsWithoutPositionSkipped) rows without a position skipped") }
        if stats.peakOpenTracks > 1 { notes.append("read ordered by time, at most \(stats.peakOpenTracks) aircraft open at once") }
        if stats.reappearedAsNewTracks > 0 {
            notes.append("\(stats.reappearedAsNewTracks) aircraft reported again after more than \(Int(options.trackTimeoutS)) s of silence and were read as new tracks (--track-timeout-s)")
        }
        return notes
    }
}
