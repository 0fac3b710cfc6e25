import Foundation

/// Reads tracks on the calling thread and analyses them on worker threads (and on the calling
/// thread too whenever the workers fall behind).
///
/// Memory stays flat in the number of tracks: at most `queueCapacity` tracks wait between the
/// reader and the workers; only the per-track reports are kept. Reports come back in input order.
public enum TrackPipeline {
    /// The outcome of a run.
    public struct Result: Sendable {
        /// One report per track, in the order the source yielded them.
        public var reports: [TrackReport]
        /// Totals per airspace (analyzer order).
        public var totals: [AirspaceTotals]
        /// What the source read, dropped and skipped.
        public var statistics: TrackReadStatistics
    }

    /// Runs `source` through `analyzer` with `workers` analysis threads (default: one fewer than
    /// the active processors, at least one). Throws the source's first `TrackReadError`.
    ///
    /// `onReport`, when given, receives each report in input order as soon as it and every report
    /// before it are done (called from a worker thread, one call at a time): a stream can write a
    /// track's results while later tracks are still being read. With `keepReports` false the
    /// result's `reports` stay empty (totals are still complete), so memory does not grow with the
    /// number of tracks.
    public static func run<Source: TrackSource>(_ source: inout Source, analyzer: TrackAnalyzer,
                                                workers: Int? = nil, queueCapacity: Int = 64,
                                                keepReports: Bool = true,
                                                onReport: (@Sendable (TrackReport) -> Void)? = nil) throws -> Result {
        let count = max(1, workers ?? (ProcessInfo.processInfo.activeProcessorCount - 1))
        let queue = TrackQueue(capacity: queueCapacity, airspaces: analyzer.airspaces.map(\.name),
                               keepReports: keepReports, onReport: onReport)
        let group = DispatchGroup()
        for _ in 0..<count {
            group.enter()
            Thread.detachNewThread {
                while let (n, track) = queue.take() {
                    queue.deliver(n, analyzer.analyze(track))
                }
                group.leave()
            }
        }
        var readError: Error?
        var n = 0
        do {
            while let track = try source.nextTrack() {
                // A full queue means the workers are behind: the reader analyses a queued track
                // itself instead of waiting (so all `workers + 1` threads analyse while it would idle).
                while !queue.offer(n, track) {
                    if let (m, queued) = queue.poll() { queue.deliver(m, analyzer.analyze(queued)) }
                }
                n += 1
            }
        } catch {
            readError = error
        }
        queue.finish()
        group.wait()
        if let readError { throw readError }
        let (reports, totals) = queue.results()
        return Result(reports: reports, totals: totals, statistics: source.statistics)
    }
}

/// A bounded queue of tracks plus the reports coming back; every access holds `condition`.
private final class TrackQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [(Int, Track)] = []
    private var head = 0
    private var finished = false
    /// Reports done but not yet passed on (a later one finished before an earlier one).
    private var waiting: [Int: TrackReport] = [:]
    private var nextInOrder = 0
    private var reports: [TrackReport] = []
    private var totals: [AirspaceTotals]
    private let capacity: Int
    private let keepReports: Bool
    private let onReport: (@Sendable (TrackReport) -> Void)?

    init(capacity: Int, airspaces: [String], keepReports: Bool, onReport: (@Sendable (TrackReport) -> Void)?) {
        self.capacity = max(1, capacity)
        self.totals = airspaces.map { AirspaceTotals(airspace: $0) }
        self.keepReports = keepReports
        self.onReport = onReport
    }

    /// Adds a track unless the queue is full: then `false`, and nothing is added.
    func offer(_ n: Int, _ track: Track) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard pending.count - head < capacity else { return false }
        if head > 1024 { pending.removeFirst(head); head = 0 }
        pending.append((n, track))
        condition.broadcast()
        return true
    }

    /// The oldest waiting track, if any, without waiting.
    func poll() -> (Int, Track)? {
        condition.lock()
        defer { condition.unlock() }
        guard head < pending.count else { return nil }
        let item = pending[head]
        pending[head] = (item.0, Track(id: "", fixes: []))
        head += 1
        condition.broadcast()
        return item
    }

    func take() -> (Int, Track)? {
        condition.lock()
        defer { condition.unlock() }
        while head == pending.count && !finished { condition.wait() }
        guard head < pending.count else { return nil }
        let item = pending[head]
        pending[head] = (item.0, Track(id: "", fixes: []))
        head += 1
        condition.broadcast()
        return item
    }

    /// Takes report `n`; passes on, in input order, every report now preceded by all earlier ones.
    func deliver(_ n: Int, _ report: TrackReport) {
        condition.lock()
        defer { condition.unlock() }
        waiting[n] = report
        while let next = waiting.removeValue(forKey: nextInOrder) {
            nextInOrder += 1
            for (k, summary) in next.airspaces.enumerated() { totals[k].add(summary) }
            if keepReports { reports.append(next) }
            onReport?(next)
        }
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func results() -> ([TrackReport], [AirspaceTotals]) {
        condition.lock()
        defer { condition.unlock() }
        return (reports, totals)
    }
}
