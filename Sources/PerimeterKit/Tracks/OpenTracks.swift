#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tracks a row-per-fix reader has open, and the rule that says when one is finished.
///
/// Rows come either grouped per track or ordered by time with aircraft interleaved; the reader
/// does not know which in advance. While every new track starts no earlier than the latest time
/// seen, the input may be ordered by time: each id keeps its own open track (switching back to an
/// open id appends to it), and a track is finished at the end of input or once its aircraft has been
/// silent for `trackTimeoutS` of data time. The first new track that starts earlier than the latest
/// time seen shows the input is grouped: every open track is finished (in order of first
/// appearance), and from then on a track is finished when the next one starts, and an id whose
/// track was finished is an error (`trackNotContiguous`).
///
/// Finished tracks wait in a queue, in the order they were finished (tracks finished together in
/// order of first appearance).
struct OpenTracks {
    let file: String
    let options: TrackReadOptions
    var statistics = TrackReadStatistics()
    /// No row will come any more and every track was queued.
    private(set) var ended = false

    private var ready: [Track] = []
    private var readyHead = 0
    /// The track of the previous row, held apart from `others` so that a run of rows of one track
    /// costs no hashing.
    private var current: FixAccumulator?
    private var currentBytes: [UInt8] = []
    /// The other open tracks (only before the input is known to be grouped).
    private var others: [String: FixAccumulator] = [:]
    private var finishedIDs = Set<String>()
    private var grouped = false
    private var watermark = -Double.infinity
    private var nextScan = -Double.infinity

    init(file: String, options: TrackReadOptions) {
        self.file = file
        self.options = options
    }

    /// The next finished track, if any.
    mutating func nextReady() -> Track? {
        guard readyHead < ready.count else { return nil }
        let track = ready[readyHead]
        ready[readyHead] = Track(id: "", fixes: [])
        readyHead += 1
        if readyHead == ready.count { ready.removeAll(keepingCapacity: true); readyHead = 0 }
        return track
    }

    /// Adds a fix of the track whose id is `id` (raw bytes as in the file; `quoted` when they came
    /// from a quoted field, whose doubled quotes are undone), read at `line`.
    mutating func add(_ fix: Fix, id: UnsafeBufferPointer<UInt8>, quoted: Bool, line: Int) throws {
        if current != nil, id.count == currentBytes.count,
           id.count == 0 || currentBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, id.baseAddress!, id.count) == 0 }) {
            try current!.append(fix, line: line, statistics: &statistics)
            advance(fix.time)
            return
        }
        var key = String(decoding: id, as: UTF8.self)
        if quoted, key.contains("\"\"") { key = key.replacingOccurrences(of: "\"\"", with: "\"") }
        if !grouped, others[key] == nil, fix.time < watermark {
            // A new track starting before the latest time seen: not ordered by time, so grouped.
            grouped = true
            try finishAll()
        }
        if grouped {
            if let track = current { current = nil; try finish(track) }
            if finishedIDs.contains(key) {
                throw TrackReadError(file: file, line: line, trackID: key, problem: .trackNotContiguous)
            }
            current = FixAccumulator(file: file, options: options, id: key, line: line)
            statistics.peakOpenTracks = max(statistics.peakOpenTracks, 1)
        } else {
            if let track = current { others[track.id] = track }
            if let open = others.removeValue(forKey: key) {
                current = open
            } else {
                if finishedIDs.contains(key) { statistics.reappearedAsNewTracks += 1 }
                current = FixAccumulator(file: file, options: options, id: key, line: line)
                statistics.peakOpenTracks = max(statistics.peakOpenTracks, others.count + 1)
            }
        }
        currentBytes = Array(id)
        try current!.append(fix, line: line, statistics: &statistics)
        advance(fix.time)
    }

    /// The raw id bytes of the previous row's track, while one is open (a reader's fast path
    /// compares the next rows' ids with them).
    var currentID: [UInt8]? { current == nil ? nil : currentBytes }

    /// Adds fixes of the previous row's track read at lines `firstLine`, `firstLine + 1`, …:
    /// exactly what `add` does for each of them in turn (the reader checked that their ids are
    /// `currentID`), without looking the id up again.
    mutating func addToCurrent(_ fixes: UnsafeBufferPointer<Fix>, firstLine: Int) throws {
        guard current != nil else { return }
        if grouped && !options.sortByTime {
            // Grouped rows: `advance` only raises the watermark, and a fix later than the track's
            // last is appended as is; anything else takes the general rule.
            for (i, fix) in fixes.enumerated() {
                if let last = current!.fixes.last, fix.time > last.time, TrackTimeRange.contains(fix.time) {
                    current!.fixes.append(fix)
                    if fix.time > current!.latest { current!.latest = fix.time }
                    if fix.time > watermark { watermark = fix.time }
                } else {
                    try current!.append(fix, line: firstLine + i, statistics: &statistics)
                    advance(fix.time)
                }
            }
            return
        }
        for (i, fix) in fixes.enumerated() {
            try current!.append(fix, line: firstLine + i, statistics: &statistics)
            advance(fix.time)
        }
    }

    /// Sets the group of the track of the latest row, unless it has one (its first row set it).
    mutating func setGroupIfMissing(_ group: () -> String) {
        if current != nil, current!.group == nil { current!.group = group() }
    }

    /// No more rows: every open track is finished.
    mutating func endOfInput() throws {
        try finishAll()
        ended = true
    }

    private mutating func advance(_ time: Double) {
        if time > watermark { watermark = time }
        guard !grouped, watermark >= nextScan, options.trackTimeoutS.isFinite else { return }
        nextScan = watermark + max(1, min(60, options.trackTimeoutS / 4))
        let stale = others.values.filter { $0.latest < watermark - options.trackTimeoutS }
        guard !stale.isEmpty else { return }
        for track in stale.sorted(by: { $0.firstLine < $1.firstLine }) {
            others[track.id] = nil
            try? finish(track)  // an open track always holds a fix: finishing cannot fail
        }
    }

    private mutating func finishAll() throws {
        var open = Array(others.values)
        others.removeAll()
        if let track = current { open.append(track); current = nil }
        currentBytes = []
        for track in open.sorted(by: { $0.firstLine < $1.firstLine }) { try finish(track) }
    }

    private mutating func finish(_ track: FixAccumulator) throws {
        var track = track
        finishedIDs.insert(track.id)
        if let done = try track.finish(statistics: &statistics, reserve: false) { ready.append(done) }
    }
}
