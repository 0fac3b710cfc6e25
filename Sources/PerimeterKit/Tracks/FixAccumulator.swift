/// Collects one track's fixes while reading and enforces the time-order rules shared by every
/// reader: duplicate times dropped (counted), time going backwards an error unless sorting.
struct FixAccumulator {
    let file: String
    let options: TrackReadOptions
    var id = ""
    /// The track's group (`TrackReadOptions.groupColumn`), if read.
    var group: String? = nil
    var fixes: [Fix] = []
    var firstLine = 0
    /// The latest time appended (with sorting, not necessarily the last fix's time).
    var latest = -Double.infinity

    init(file: String, options: TrackReadOptions) {
        self.file = file
        self.options = options
    }

    /// An accumulator already started for track `id`, whose first row is `line`.
    init(file: String, options: TrackReadOptions, id: String, line: Int) {
        self.init(file: file, options: options)
        start(id: id, line: line)
    }

    mutating func start(id: String, line: Int) {
        self.id = id
        group = nil
        fixes.removeAll(keepingCapacity: true)
        firstLine = line
        latest = -Double.infinity
    }

    /// Adds a fix read at `line`; returns `false` if it was skipped as invalid (skipInvalid).
    mutating func append(_ fix: Fix, line: Int, statistics: inout TrackReadStatistics) throws {
        guard TrackTimeRange.contains(fix.time) else {  // readers check their own text first; this is the backstop
            if options.skipInvalid { statistics.invalidSkipped += 1; return }
            throw TrackReadError(file: file, line: line, trackID: id,
                                 problem: .timeOutOfRange(text: "\(fix.time) s since 1970", hint: ""))
        }
        if !options.sortByTime, let last = fixes.last {
            if fix.time == last.time {
                statistics.duplicateTimesDropped += 1
                return
            }
            if fix.time < last.time {
                if options.skipInvalid {
                    statistics.invalidSkipped += 1
                    return
                }
                throw TrackReadError(file: file, line: line, trackID: id,
                                     problem: .timeBackwards(previous: last.time, time: fix.time))
            }
        }
        fixes.append(fix)
        if fix.time > latest { latest = fix.time }
    }

    /// The finished track, or `nil` when it is empty and `skipInvalid` is set.
    /// With `reserve`, the emptied accumulator keeps room for as many fixes (it is about to be reused).
    mutating func finish(statistics: inout TrackReadStatistics, reserve: Bool = true) throws -> Track? {
        if options.sortByTime && fixes.count > 1 {
            // Stable sort by time, then drop repeated times (the first fix read wins).
            let order = fixes.indices.sorted { (fixes[$0].time, $0) < (fixes[$1].time, $1) }
            var sorted: [Fix] = []
            sorted.reserveCapacity(fixes.count)
            for k in order {
                if let last = sorted.last, last.time == fixes[k].time {
                    statistics.duplicateTimesDropped += 1
                } else {
                    sorted.append(fixes[k])
                }
            }
            fixes = sorted
        }
        if fixes.isEmpty {
            if options.skipInvalid {
                statistics.emptyTracksSkipped += 1
                return nil
            }
            throw TrackReadError(file: file, line: firstLine, trackID: id, problem: .emptyTrack)
        }
        statistics.tracks += 1
        statistics.fixes += fixes.count
        let track = Track(id: id, fixes: fixes, group: group)
        fixes = []
        if reserve { fixes.reserveCapacity(track.fixes.count) }
        return track
    }
}
