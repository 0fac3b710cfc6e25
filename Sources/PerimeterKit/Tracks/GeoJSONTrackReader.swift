import Foundation
import GeoJSON
import GeometryCore

/// Reads tracks from a GeoJSON FeatureCollection, in two shapes (both may appear in one file):
///
/// - a **LineString** feature is one track: its vertices are the fixes, their times in
///   `properties.times` (or `properties.coordTimes`, as written by common GPX converters), one per
///   vertex, each an ISO 8601 string or epoch seconds (a number); the altitude is the vertex's third
///   coordinate (metres), if any;
/// - **Point** features with a `time` property (ISO 8601 or epoch seconds) and a track id property
///   are fixes, grouped into tracks by id (document order within a track).
///
/// The track id is the `track_id` property, else `id`, else `name`, else the feature's `id` member,
/// else `feature<N>` (the 0-based feature index). `--columns id=…,time=…,alt=…` (`TrackReadOptions`)
/// names the id, time and altitude properties of Point features instead (matched case-insensitively;
/// the altitude property, in `altitudeUnit`, is used when the Point has no third coordinate).
/// Numeric times are in `TrackReadOptions.timeUnit`; every time must fall in 1900–2200. Tracks are yielded in order of first appearance.
/// Positions are lon/lat degrees WGS84 (RFC 7946).
///
/// Errors name the file and the JSON path: `tracks.geojson: features[3].properties.times: 12 times
/// for 13 vertices`. With `TrackReadOptions.skipInvalid`, fixes with a bad time and features that
/// are not tracks are skipped and counted in `statistics.invalidSkipped` (coordinate errors, which
/// the strict GeoJSON reader reports for the whole file, cannot be skipped).
///
/// The whole file is parsed on the first `nextTrack()` call (GeoJSON cannot be streamed by
/// feature without a streaming JSON parser); tracks are then yielded one at a time.
/// Not `Sendable`: use one reader from one thread.
public final class GeoJSONTrackReader: TrackSource {
    public let path: String
    public let options: TrackReadOptions
    public private(set) var statistics = TrackReadStatistics()
    private var pending: [Track] = []
    private var next = 0
    private var parsed = false

    public init(path: String, options: TrackReadOptions = TrackReadOptions()) {
        self.path = path
        self.options = options
    }

    public func nextTrack() throws -> Track? {
        if !parsed {
            parsed = true
            try parse()
        }
        guard next < pending.count else { return nil }
        defer { pending[next] = Track(id: "", fixes: []); next += 1 }
        return pending[next]
    }

    /// One track being assembled: its fixes with the JSON path each came from.
    private struct Draft {
        var id: String
        var path: String
        var group: String? = nil
        var fixes: [(Fix, String)] = []
    }

    private func fail(_ path: String, _ problem: TrackReadError.Problem, track: String? = nil) -> TrackReadError {
        TrackReadError(file: self.path, line: 0, trackID: track, problem: problem, featurePath: path)
    }

    private func parse() throws {
        let collection: FeatureCollection
        do {
            collection = try GeoJSONReader.read(contentsOf: path)
        } catch {
            let location = error.line.map { "line \($0), column \(error.column ?? 0)" }
                ?? (error.path.isEmpty ? "document" : error.path)
            throw TrackReadError(file: path, line: error.line ?? 0, problem: .invalidFeature(error.message), featurePath: location)
        }
        var drafts: [Draft] = []
        var byPointID: [String: Int] = [:]
        for (k, feature) in collection.features.enumerated() {
            let here = "features[\(k)]"
            let id = Self.trackID(feature, index: k, keys: idKeys)
            switch feature.geometry {
            case .lineString(let positions)?:
                let (key, value) = feature.properties["times"].map { ("times", $0) }
                    ?? feature.properties["coordTimes"].map { ("coordTimes", $0) } ?? ("times", .null)
                let timesPath = "\(here).properties.\(key)"
                guard let times = value.arrayValue else {
                    if options.skipInvalid { statistics.invalidSkipped += positions.count; continue }
                    throw fail(timesPath, .invalidFeature("a LineString track needs an array of per-vertex times (properties.times or coordTimes)"), track: id)
                }
                guard times.count == positions.count else {
                    throw fail(timesPath, .invalidFeature("\(times.count) times for \(positions.count) vertices"), track: id)
                }
                var draft = Draft(id: id, path: here, group: group(feature))
                for (j, (p, t)) in zip(positions, times).enumerated() {
                    guard let time = try self.time(t, at: "\(timesPath)[\(j)]", track: id) else {
                        if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                        throw fail("\(timesPath)[\(j)]", .unparsableTime(Self.text(t)), track: id)
                    }
                    draft.fixes.append((Fix(time: time, position: p.coordinate, altitudeM: p.altitude), "\(timesPath)[\(j)]"))
                }
                drafts.append(draft)
            case .point(let p)?:
                let (timeKey, timeValue) = Self.property(feature, timeKeys)
                let timePath = "\(here).properties.\(timeKey)"
                guard let value = timeValue, let time = try self.time(value, at: timePath, track: id) else {
                    if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                    let text = timeValue.map(Self.text) ?? "(missing)"
                    throw fail(timePath, .unparsableTime(text), track: id)
                }
                var altitude = p.altitude
                if altitude == nil, let a = Self.property(feature, altitudeKeys).1?.doubleValue { altitude = a * options.altitudeUnit.metres }
                let fix = (Fix(time: time, position: p.coordinate, altitudeM: altitude), here)
                if let n = byPointID[id] {
                    drafts[n].fixes.append(fix)
                } else {
                    byPointID[id] = drafts.count
                    drafts.append(Draft(id: id, path: here, group: group(feature), fixes: [fix]))
                }
            default:
                if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                let found = feature.geometry?.typeName ?? "null"
                throw fail("\(here).geometry", .invalidFeature("expected a LineString or Point track, found \(found)"), track: id)
            }
        }
        var accumulator = FixAccumulator(file: path, options: options)
        for draft in drafts {
            accumulator.start(id: draft.id, line: 0)
            accumulator.group = draft.group
            for (fix, where_) in draft.fixes {
                do { try accumulator.append(fix, line: 0, statistics: &statistics) } catch var e as TrackReadError {
                    e.featurePath = where_
                    throw e
                }
            }
            do {
                if let track = try accumulator.finish(statistics: &statistics) { pending.append(track) }
            } catch var e as TrackReadError {
                e.featurePath = draft.path
                throw e
            }
        }
    }

    /// The feature's `groupColumn` property as text (nil when not asked for or absent).
    private func group(_ feature: Feature) -> String? {
        guard let key = options.groupColumn else { return nil }
        guard let value = Self.property(feature, [key]).1, !value.isNull else { return nil }
        return value.stringValue ?? Self.text(value)
    }

    /// Property names tried for the id, the time and the altitude of a Point, in order.
    private var idKeys: [String] {
        let mapped = options.idColumn.split(separator: "|").map(String.init)
        return mapped + ["track_id", "id", "name"].filter { !mapped.contains($0) }
    }
    private var timeKeys: [String] { options.timeColumn.split(separator: "|").map(String.init) + ["time"] }
    private var altitudeKeys: [String] { options.altitudeColumn.split(separator: "|").map(String.init) }

    /// The first of `keys` among the feature's properties (exact name first, then any case).
    private static func property(_ feature: Feature, _ keys: [String]) -> (String, JSONValue?) {
        for key in keys { if let v = feature.properties[key] { return (key, v) } }
        for key in keys {
            if let name = feature.properties.keys.first(where: { $0.lowercased() == key.lowercased() }) { return (name, feature.properties[name]) }
        }
        return (keys.first ?? "time", nil)
    }

    private static func trackID(_ feature: Feature, index: Int, keys: [String]) -> String {
        for key in keys {
            switch property(feature, [key]).1 {
            case .string(let s)?: return s
            case .integer(let i)?: return String(i)
            case .number(let d)?: return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
            default: continue
            }
        }
        if let id = feature.id { return id.description }
        return "feature\(index)"
    }

    /// Epoch seconds from an ISO 8601 string or a number of epoch units (`timeUnit`); `nil` when
    /// unparsable; throws when outside 1900–2200.
    private func time(_ value: JSONValue, at where_: String, track: String) throws -> Double? {
        let number: Double
        switch value {
        case .string(let s):
            guard let t = TrackTimeParser.epochSeconds(s) else { return nil }
            let iso = s.utf8.count >= 10 && Array(s.utf8)[4] == UInt8(ascii: "-")
            if iso {
                guard TrackTimeRange.contains(t) else { throw fail(where_, .timeOutOfRange(text: s, hint: ""), track: track) }
                return t
            }
            number = t
        case .integer(let i): number = Double(i)
        case .number(let d): guard d.isFinite else { return nil }; number = d
        default: return nil
        }
        switch TrackTimeRange.check(number: number, unit: options.timeUnit) {
        case .success(let t): return t
        case .failure(let e): throw fail(where_, .timeOutOfRange(text: Self.text(value), hint: e.hint), track: track)
        }
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .null: return "null"
        case .bool(let b): return String(b)
        case .array: return "(an array)"
        case .object: return "(an object)"
        }
    }
}
