import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit

/// Timed tracks for a page's time slider: each aircraft's drawn positions and times, and the exact
/// intervals it spent inside each airspace and inside coverage (from ``IncursionFinder`` on all fixes).
///
/// Display simplification: at most ``vertexBudget`` positions are drawn over all tracks (each track keeps
/// evenly spaced fixes, first and last included; at least 50 when it has them). The intervals, dwell, entries,
/// exits and depths are never simplified: the slider's inside/outside state and elapsed dwell come from them.
public struct PageTimeline: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var fixCount: Int
        /// Drawn fixes (time, position), a subset of the track's fixes.
        public var drawn: [Fix]
        /// Incursions per airspace (exact).
        public var airspaces: [TrackIncursionSummary]
        /// Intervals inside coverage (exact, merged), epoch seconds.
        public var coverage: [(start: Double, end: Double)]
        /// Warning-time figures per airspace, when coverage was given.
        public var timing: [CoverageTiming]
    }

    public static let defaultVertexBudget = 250_000
    public var items: [Item]
    /// Tracks in the run (drawn or not).
    public var totalTracks: Int
    public var totalFixes: Int
    public var drawnFixes: Int
    public var perTrackLimit: Int
    public var hasCoverage: Bool
    /// How the track lines are drawn (the SVG maps' tracks style).
    public var style = MapStyle.default(for: .tracks)

    /// - Parameters:
    ///   - tracks: the tracks to draw with their reports (same order).
    ///   - coverage: coverage polygons (inside any counts), as the run used them.
    ///   - totalTracks: how many tracks the run had (for the note).
    public init(tracks: [(Track, TrackReport)], coverage: [IncursionFinder], totalTracks: Int, vertexBudget: Int = defaultVertexBudget) {
        let limit = max(50, vertexBudget / max(1, tracks.count))
        var items: [Item] = []
        var fixes = 0, drawn = 0
        for (track, report) in tracks where !track.fixes.isEmpty {
            let kept = Self.decimate(track.fixes, limit: limit)
            fixes += track.fixes.count
            drawn += kept.count
            let covered = Self.merge(coverage.flatMap { $0.incursions(in: track).map { ($0.entryTime, $0.exitTime) } })
            items.append(Item(id: track.id, fixCount: track.fixes.count, drawn: kept, airspaces: report.airspaces,
                              coverage: covered, timing: report.coverage))
        }
        self.items = items
        self.totalTracks = totalTracks
        totalFixes = fixes
        drawnFixes = drawn
        perTrackLimit = limit
        hasCoverage = !coverage.isEmpty
    }

    /// Evenly spaced fixes, first and last kept.
    static func decimate(_ fixes: [Fix], limit: Int) -> [Fix] {
        guard fixes.count > limit, limit >= 2 else { return fixes }
        let step = Double(fixes.count - 1) / Double(limit - 1)
        return (0..<limit).map { fixes[Int((Double($0) * step).rounded())] }
    }

    static func merge(_ intervals: [(Double, Double)]) -> [(start: Double, end: Double)] {
        var out: [(start: Double, end: Double)] = []
        for (a, b) in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = out.last, a <= last.end { out[out.count - 1].end = max(last.end, b) } else { out.append((a, b)) }
        }
        return out
    }

    /// What the page says about simplification.
    public var note: String {
        var parts: [String] = []
        if items.count < totalTracks {
            parts.append("\(items.count) of \(totalTracks) tracks drawn (those with incursions first)")
        }
        if drawnFixes < totalFixes {
            parts.append("each track drawn through at most \(perTrackLimit) of its fixes (\(drawnFixes) of \(totalFixes) fixes, evenly spaced); positions between them are interpolated")
        }
        let figures = "Dwell, entries, exits, depth and the inside/coverage state on the slider come from the exact computation on every fix."
        return parts.isEmpty ? "Every fix is drawn. " + figures : "Display simplified: " + parts.joined(separator: "; ") + ". " + figures
    }

    var timeRange: (Double, Double)? {
        let starts = items.compactMap { $0.drawn.first?.time }, ends = items.compactMap { $0.drawn.last?.time }
        guard let a = starts.min(), let b = ends.max() else { return nil }
        return (a, b)
    }

    /// Popup rows of a track: fixes, then per airspace the total dwell and each incursion's entry, exit, dwell,
    /// path and depth, then the coverage figures.
    static func popupRows(_ item: Item) -> [(String, String)] {
        var rows: [(String, String)] = [("track", item.id), ("fixes", "\(item.fixCount)")]
        func s(_ v: Double) -> String { PopupFields.text(.number(v), key: "x_s") ?? "" }
        func km(_ v: Double) -> String { PopupFields.text(.number(v / 1000), key: "x_km") ?? "" }
        for (k, a) in item.airspaces.enumerated() {
            rows.append(("dwell in \(a.airspace)", s(a.totalDwellS) + (a.incursions.isEmpty ? " (never inside)" : "")))
            for (n, i) in a.incursions.enumerated() {
                let tag = "\(a.airspace) #\(n + 1)"
                rows.append(("\(tag) entry", UTCTime.iso8601(i.entryTime) + (i.openAtStart ? " (started inside)" : "")))
                rows.append(("\(tag) exit", UTCTime.iso8601(i.exitTime) + (i.openAtEnd ? " (ended inside)" : "")))
                rows.append(("\(tag) dwell", s(i.dwellS)))
                rows.append(("\(tag) path inside", km(i.pathLengthM)))
                rows.append(("\(tag) max depth", km(i.maxPenetrationM)))
            }
            if k < item.timing.count {
                let t = item.timing[k]
                rows.append(("in coverage", s(t.totalInsideCoverageS)))
                if let f = t.firstInsideCoverageTime { rows.append(("first in coverage", UTCTime.iso8601(f))) }
                if let w = t.warningTimeS { rows.append(("warning before \(a.airspace)", s(w))) }
            }
        }
        return rows
    }

    /// `{t0, t1, note, coverage, items: [{id, c: [lon, lat, …], t: [s from t0…], a: [[s, e]…] (inside any airspace,
    /// merged), v: [[s, e]…] (coverage), dwell, popup}]}`; times in seconds from `t0` (epoch seconds).
    var json: JSONValue {
        let (t0, t1) = timeRange ?? (0, 0)
        func rel(_ t: Double) -> JSONValue { .number(((t - t0) * 1000).rounded() / 1000) }
        func intervals(_ iv: [(start: Double, end: Double)]) -> JSONValue { .array(iv.map { .array([rel($0.start), rel($0.end)]) }) }
        return .object([
            "t0": .number(t0), "t1": .number(t1), "start": .string(UTCTime.iso8601(t0)), "note": .string(note),
            "coverage": .bool(hasCoverage),
            "legend": .string(items.count < totalTracks ? "Tracks (\(items.count) of \(totalTracks) drawn)" : "Tracks (\(items.count))"),
            "style": .object(["stroke": .string(style.stroke ?? "#444444"), "weight": .number(style.strokeWidth),
                              "pointFill": .string(style.pointFill), "radius": .number(style.pointRadius), "fill": .null,
                              "fillOpacity": .number(0), "dash": .null]),
            "items": .array(items.map { item in
                let inside = Self.merge(item.airspaces.flatMap { $0.incursions.map { ($0.entryTime, $0.exitTime) } })
                var c: [JSONValue] = []
                c.reserveCapacity(item.drawn.count * 2)
                for f in item.drawn { c.append(.number(f.position.lon)); c.append(.number(f.position.lat)) }
                return .object([
                    "id": .string(item.id), "c": .array(c), "t": .array(item.drawn.map { rel($0.time) }),
                    "a": intervals(inside), "v": intervals(item.coverage),
                    "dwell": .number(inside.reduce(0) { $0 + $1.end - $1.start }),
                    "popup": PopupFields.json(Self.popupRows(item)),
                ])
            }),
        ])
    }
}
